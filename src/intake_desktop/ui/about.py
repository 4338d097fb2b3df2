"""The About box: name, version, and the notices of the components shipped with the program.

The Qt libraries are used under the LGPL version 3, which asks that users are told so and can
find the licence and the source; the full texts travel with the installed program in its
licenses/ folder (installer/licenses and the packages' own files, gathered by the PyInstaller
spec), and this box shows where. Strings go through self.tr (context "AboutDialog"), so this
class must not be subclassed (see ui/i18n.py).
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from intake_desktop import __version__, paths

APP_NAME = "intake-desktop"
ICON_FILE = "intake-desktop-64.png"


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str  # already translated
    notice: str  # already translated; may be empty


def _version_of(module_name: str, attribute: str = "__version__") -> str:
    """A component's version from the module itself (a frozen build has no package metadata)."""
    try:
        module = __import__(module_name, fromlist=["_"])
    except Exception:  # noqa: BLE001 - a missing or broken optional part must not break the box
        return ""
    value = getattr(module, attribute, "")
    return str(value() if callable(value) else value)


def licences_dir() -> Path | None:
    """The folder with the full licence texts: beside the frozen program's files, if any."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        folder = Path(frozen_root) / "licenses"
        if folder.is_dir():
            return folder
    return None


def bundled_fonts() -> list[str]:
    """Names of the font files shipped in resources/fonts (the Linux build carries NanumGothic)."""
    try:
        folder = paths.resources_dir() / "fonts"
    except FileNotFoundError:
        return []
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if p.suffix.lower() in (".ttf", ".ttc", ".otf"))


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About intake-desktop"))
        self.setMinimumSize(520, 480)

        icon = QLabel()
        pixmap = self._icon()
        if not pixmap.isNull():
            icon.setPixmap(pixmap)
        icon.setAccessibleName(self.tr("Program icon"))

        self.title = QLabel(f"<b>{escape(APP_NAME)}</b>")
        self.title.setStyleSheet("font-size: 16pt;")
        self.version_label = QLabel(self.tr("Version {version}").format(version=__version__))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(self.tr(
            "Offline, encrypted intake and referral records for counsellors who support socially "
            "isolated and reclusive young people."))
        summary.setWordWrap(True)
        made_for = QLabel(self.tr("Made for the Seoul Youth Gijigae Center partnership."))
        made_for.setWordWrap(True)

        heading = QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.version_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(heading, 1)

        self.notices = QTextBrowser()
        self.notices.setOpenLinks(False)  # nothing here goes online
        self.notices.setAccessibleName(self.tr("Licences of the included components"))
        self.notices.setHtml(self._notices_html())

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        self.open_licences = None
        folder = licences_dir()
        if folder is not None:
            self.open_licences = QPushButton(self.tr("Open the licence texts folder"))
            self.open_licences.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
            buttons.addButton(self.open_licences, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(summary)
        layout.addWidget(made_for)
        layout.addWidget(QLabel(self.tr("This program includes the following components:")))
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)

    # -- contents ---------------------------------------------------------------------------
    def _icon(self) -> QPixmap:
        try:
            path = paths.resources_dir() / "icons" / ICON_FILE
        except FileNotFoundError:
            return QPixmap()
        return QPixmap(str(path)) if path.is_file() else QPixmap()

    def components(self) -> list[Component]:
        """What the program is made of, with each licence, in the order shown."""
        python = platform.python_version()
        components = [
            Component("Qt", qVersion(), self.tr("GNU LGPL version 3"), self.tr(
                "Qt is linked dynamically: its libraries are separate files in the program folder "
                "and may be replaced with compatible builds. Source code: download.qt.io and "
                "code.qt.io. Qt includes third-party code such as ICU (Unicode licence).")),
            Component("Qt for Python (PySide6, shiboken6)", _version_of("PySide6"),
                      self.tr("GNU LGPL version 3"), ""),
            Component("Python", python, self.tr("Python Software Foundation License"), ""),
            Component("ReportLab", _version_of("reportlab", "Version"), self.tr("BSD licence"),
                      self.tr("Makes the printed letters and forms (PDF).")),
            Component("cryptography", _version_of("cryptography"),
                      self.tr("Apache License 2.0 or BSD licence"),
                      self.tr("Includes OpenSSL (Apache License 2.0).")),
            Component("SQLAlchemy", _version_of("sqlalchemy"), self.tr("MIT licence"), ""),
            Component("SQLModel", _version_of("sqlmodel"), self.tr("MIT licence"), ""),
            Component("Alembic", _version_of("alembic"), self.tr("MIT licence"), ""),
            Component("pydantic", _version_of("pydantic", "VERSION"), self.tr("MIT licence"), ""),
            Component("PyYAML", _version_of("yaml"), self.tr("MIT licence"), ""),
            Component("Pillow", _version_of("PIL"), self.tr("MIT-CMU licence"), ""),
            Component("platformdirs, filelock", "", self.tr("MIT licence"), ""),
            Component("zxcvbn", _version_of("zxcvbn"), self.tr("MIT licence"),
                      self.tr("Passphrase strength estimate.")),
        ]
        fonts = bundled_fonts()
        if fonts:
            components.append(Component(
                "NanumGothic", "", self.tr("SIL Open Font License 1.1"),
                self.tr("Font for printed letters, © NAVER Corporation. Files: {files}").format(
                    files=", ".join(fonts))))
        elif sys.platform.startswith("win"):
            components.append(Component(
                "Malgun Gothic (맑은 고딕)", "", self.tr("part of Windows"),
                self.tr("Printed letters use the Korean font that comes with Windows; it is not "
                        "distributed with this program.")))
        if getattr(sys, "frozen", False):
            components.append(Component("PyInstaller", "", self.tr("GPL 2.0 or later with the bootloader exception"),
                                        self.tr("Starts the installed program.")))
        return components

    def _notices_html(self) -> str:
        rows = []
        for c in self.components():
            name = escape(c.name) + (f" {escape(c.version)}" if c.version else "")
            line = f"<p><b>{name}</b> — {escape(c.licence)}"
            if c.notice:
                line += f"<br>{escape(c.notice)}"
            rows.append(line + "</p>")
        folder = licences_dir()
        if folder is not None:
            rows.append("<p>" + escape(self.tr("The full licence texts are in {folder}.").format(folder=folder)) + "</p>")
        else:
            rows.append("<p>" + escape(self.tr(
                "The full licence texts are in the licenses folder of the installed program.")) + "</p>")
        return "\n".join(rows)
