"""Choosing scans to attach and where to save one (Qt file dialogs), and how an attachment is
labelled: shared by the attachments tab and the consent tab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from intake_desktop.domain.attachments import safe_file_name
from intake_desktop.i18n import QT_TRANSLATE_NOOP

KIND_LABELS = {
    "consent": QT_TRANSLATE_NOOP("Attachments", "Signed consent"),
    "reply": QT_TRANSLATE_NOOP("Attachments", "Reply slip"),
    "other": QT_TRANSLATE_NOOP("Attachments", "Other document"),
}


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("Attachments", KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def ask_scan_files(parent: QWidget | None) -> list[Path]:
    """The scans the user picked (the type is checked again by content when attaching)."""
    paths, _filter = QFileDialog.getOpenFileNames(
        parent, QCoreApplication.translate("Attachments", "Attach scanned documents"), _documents(),
        QCoreApplication.translate("Attachments", "Scans (*.pdf *.jpg *.jpeg *.png);;All files (*)"))
    return [Path(p) for p in paths]


def ask_save_path(parent: QWidget | None, name: str, media_type: str) -> Path | None:
    """Where the user wants the document saved, or None."""
    folder = _documents()
    suggested = safe_file_name(name, media_type)
    start = str(Path(folder) / suggested) if folder else suggested
    path, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Attachments", "Save the document as"), start)
    return Path(path) if path else None


def dropped_files(mime: QMimeData) -> list[Path]:
    """Local files in a drag and drop (links to web pages and the like are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return QCoreApplication.translate("Attachments", "{size} KB").format(size=max(1, round(size / 1024)))
    return QCoreApplication.translate("Attachments", "{size} MB").format(size=f"{size / (1024 * 1024):.1f}")
