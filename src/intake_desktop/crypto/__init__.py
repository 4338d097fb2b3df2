"""Key hierarchy and authenticated encryption. No SQL, no Qt.

Every primitive comes from the `cryptography` package; this package only decides how they are
combined (see docs/threat-model.md and docs/file-formats.md).
"""
