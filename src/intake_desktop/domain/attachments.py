"""What may be attached to a case: scanned paper (PDF, JPEG, PNG), recognised by its first
bytes, never by its name, and no larger than MAX_BYTES.

Why 20 MiB: a signed consent or a reply slip is one to a few pages; scanned at 300 dpi in colour
a page is 0.5–2 MiB as JPEG or in a PDF, so 20 MiB holds ten or more pages with room to spare,
while the viewer holds the whole file in memory (twice: bytes and the rendered page) and a
backup carries every attachment. A bigger scan is almost always a scanner set to uncompressed
TIFF-in-PDF or 600 dpi: scanning again at 300 dpi is the right fix, not a bigger limit.
"""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024
KINDS = ("consent", "reply", "other")

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
# (media type, leading bytes, usual extension)
_SIGNATURES = (
    (PDF, b"%PDF-", ".pdf"),
    (JPEG, b"\xff\xd8\xff", ".jpg"),
    (PNG, b"\x89PNG\r\n\x1a\n", ".png"),
)
SNIFF_BYTES = max(len(s) for _, s, _ in _SIGNATURES)
EXTENSIONS = {media: ext for media, _, ext in _SIGNATURES}


def sniff(head: bytes) -> str | None:
    """The media type the file's first bytes announce, or None for anything else."""
    for media, signature, _ in _SIGNATURES:
        if head.startswith(signature):
            return media
    return None


def is_image(media_type: str) -> bool:
    return media_type in (JPEG, PNG)


_UNSAFE = set('<>:"/\\|?*')


def safe_file_name(name: str, media_type: str, fallback: str = "attachment") -> str:
    """A stored file name made safe to write into a folder on Windows, macOS or Linux: no path,
    no reserved characters or control characters, and the extension of its real type."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join("_" if (c in _UNSAFE or ord(c) < 32) else c for c in base).strip(" .")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    stem = stem[:100].strip(" .") or fallback
    return stem + EXTENSIONS.get(media_type, "")
