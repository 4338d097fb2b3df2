"""The user guide inside the app: docs/user-guide.ko.md rendered with its pictures.

F1 and Help → User guide open it at the section for the screen in front (the home page, a case
file's consent tab, the intake form, ...). The guide is Markdown written for counsellors; Qt
renders it (QTextBrowser.setMarkdown) and finds its pictures (`screenshots/…png`) through the
search path of the guide's folder, shipped with the program (see paths.user_guide_path).
One window, reused: pressing F1 again brings it forward at the new section.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import (
    QFont, QImage, QKeySequence, QPixmap, QShortcut, QTextCharFormat, QTextCursor, QTextDocument,
)
from PySide6.QtWidgets import (
    QApplication, QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTextBrowser, QVBoxLayout, QWidget,
)

from intake_desktop.paths import user_guide_path

log = logging.getLogger(__name__)
PICTURE_WIDTH = 760  # pixels: pictures wider than this are shown scaled down to it

# Screen -> the number of its section in the guide ("## 11. 동의"). Numbers, not titles: a
# reworded title keeps its place.
SECTIONS = {
    "wizard": "1", "login": "2", "home": "3", "list": "4", "new_case": "5", "intake": "6",
    "overview": "7", "intakes": "6", "notes": "8", "plan": "9", "follow_ups": "10", "consent": "11",
    "referrals": "12", "letter": "12", "lock": "13", "settings": "14", "backup": "15", "shortcuts": "16",
}
# Which screen a window is, by its class (the dialogs F1 may be pressed in).
WINDOW_SCREENS = {
    "IntakeFormDialog": "intake", "NewCaseDialog": "new_case", "ImportDialog": "new_case", "LetterDialog": "letter",
    "ProvisionConsentDialog": "consent", "BasicConsentDialog": "consent", "WithdrawDialog": "consent",
    "BackupDialog": "backup", "SettingsDialog": "settings", "FirstRunWizard": "wizard", "LoginWindow": "login",
}


def screen_of_window(window: QWidget | None) -> str | None:
    """The guide's screen for a dialog in front, if it is one the guide covers."""
    while window is not None:
        screen = WINDOW_SCREENS.get(type(window).__name__)
        if screen:
            return screen
        window = window.parentWidget()
    return None


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setModal(False)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(False)  # the guide links nowhere outside; nothing opens a browser
        self.find_field = QLineEdit()
        self.find_field.setPlaceholderText(self.tr("Find in the guide"))
        self.find_field.setClearButtonEnabled(True)
        self.find_field.returnPressed.connect(self.find_next)
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.find_field)
        self.find_button = QPushButton(self.tr("Next"))
        self.find_button.clicked.connect(self.find_next)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.find_field, 1)
        top.addWidget(self.find_button)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.browser, 1)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.find_field.setFocus)
        self.resize(900, 760)
        self.loaded = self._load()

    def _load(self) -> bool:
        path = user_guide_path()
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            log.error("the user guide could not be read: %s", type(error).__name__)
            self.browser.setPlainText(self.tr("The user guide could not be found in this installation."))
            return False
        self.browser.setSearchPaths([str(path.parent)])  # its pictures: screenshots/…png beside it
        self.browser.setMarkdown(text)
        self._plain_labels()
        self._fit_pictures()
        return True

    def _plain_labels(self) -> None:
        """The guide marks button and menu names as `code`; Qt sets those in a fixed-pitch
        font whose Latin spaces and punctuation are wide ("새  공문…"). Show them in the text's
        own font, in bold, so a counsellor reads the label as it is on screen."""
        label = QTextCharFormat()
        label.setFontFixedPitch(False)
        label.setFontFamilies([self.browser.document().defaultFont().family()])
        label.setFontWeight(QFont.Weight.Bold)
        document = self.browser.document()
        spans = []  # collected first: changing a format splits and joins fragments under the loop
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().fontFixedPitch():
                    spans.append((fragment.position(), fragment.length()))
                iterator += 1
            block = block.next()
        cursor = QTextCursor(document)
        for start, length in spans:
            cursor.setPosition(start)
            cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(label)

    def _fit_pictures(self) -> None:
        """Screenshots are as wide as the windows they show: scaled down to the page."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                fragment = iterator.fragment()
                if fragment.isValid() and fragment.charFormat().isImageFormat():
                    picture = fragment.charFormat().toImageFormat()
                    image = QImage()
                    data = self.browser.loadResource(QTextDocument.ResourceType.ImageResource, QUrl(picture.name()))
                    if isinstance(data, QImage):
                        image = data
                    elif isinstance(data, QPixmap):
                        image = data.toImage()
                    elif isinstance(data, QByteArray):
                        image.loadFromData(data)
                    elif isinstance(data, (bytes, bytearray)):
                        image.loadFromData(bytes(data))
                    if not image.isNull() and image.width() > PICTURE_WIDTH:
                        picture.setWidth(PICTURE_WIDTH)
                        picture.setHeight(image.height() * PICTURE_WIDTH / image.width())
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(picture)
                iterator += 1
            block = block.next()

    def heading_block(self, section: str):
        """The text block of the guide's heading "## <section>. …", or None."""
        prefix = f"{section}. "
        block = self.browser.document().begin()
        while block.isValid():
            if block.blockFormat().headingLevel() == 2 and block.text().startswith(prefix):
                return block
            block = block.next()
        return None

    def show_section(self, screen: str | None) -> bool:
        """Scroll so that the screen's section starts at the top; False if there is none."""
        block = self.heading_block(SECTIONS.get(screen or "", ""))
        if block is None:
            self.browser.verticalScrollBar().setValue(0)
            return False
        QApplication.processEvents()  # lay the document out before asking where the block is
        top = self.browser.document().documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))
        return True

    def find_next(self) -> None:
        text = self.find_field.text().strip()
        if text and not self.browser.find(text):
            self.browser.moveCursor(self.browser.textCursor().MoveOperation.Start)
            self.browser.find(text, QTextDocument.FindFlag(0))

    def present(self, screen: str | None) -> None:
        self.show()
        self.raise_()
        self.activateWindow()
        self.show_section(screen)
        self.browser.setFocus(Qt.FocusReason.OtherFocusReason)
