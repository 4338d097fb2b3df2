"""Scanned documents of a case: the 첨부 문서 tab (tab.py), the in-app viewer (viewer.py), and
the file choosers (files.py). Nothing is imported here, so ui/letters can use files.py without
an import cycle."""
