"""Help inside the app (issue 15, item 7): F1 and Help → User guide open the Korean user guide,
rendered with its pictures, at the section for the screen in front."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

TODAY = date(2025, 6, 10)


def open_window(qtbot, session, settings):
    from intake_desktop.ui.main_window import MainWindow

    window = MainWindow(session, settings, today=lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading() and not window.loader.loading, timeout=10_000)
    return window


def top_heading(help_window) -> str:
    browser = help_window.browser
    block = browser.cursorForPosition(QPoint(0, 0)).block()  # the first line in view
    while block.isValid() and block.blockFormat().headingLevel() == 0:
        block = block.next()
    return block.text()


def test_f1_opens_the_guide_at_the_section_of_the_screen_in_front(qtbot, signed_in_with_cases, settings):
    window = open_window(qtbot, signed_in_with_cases, settings)
    assert window.guide_action in window.menuBar().actions()[-1].menu().actions()
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = window.help_window
    assert guide is not None and guide.isVisible() and guide.loaded
    QApplication.processEvents()
    assert top_heading(guide).startswith("3. ")  # the home page

    case_file = window.open_case(window.model.summary_at(0).case_id)
    case_file.show_tab("consent")
    window.activateWindow()
    window.guide_action.trigger()
    QApplication.processEvents()
    assert window.help_window is guide  # one window, brought forward
    assert top_heading(guide).startswith("11. ")


def test_the_guide_is_rendered_with_its_pictures(qtbot, qapp):
    from intake_desktop.ui.help_window import SECTIONS, HelpWindow

    guide = HelpWindow()
    qtbot.addWidget(guide)
    guide.show()
    document = guide.browser.document()
    assert "#" not in document.toPlainText().splitlines()[0]  # Markdown rendered, not shown as source
    picture = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                         QUrl("screenshots/ko-home-100.png"))
    assert picture is not None and not getattr(picture, "isNull", lambda: False)()
    for screen in ("home", "consent", "intake", "backup", "lock"):
        assert guide.heading_block(SECTIONS[screen]) is not None, screen


def test_button_names_in_the_guide_are_set_in_the_text_font(qtbot, qapp):
    """Found in QA: `새 공문…` came out in a fixed-pitch font with wide gaps ("새  공문…")."""
    from intake_desktop.ui.help_window import HelpWindow

    guide = HelpWindow()
    qtbot.addWidget(guide)
    document = guide.browser.document()
    labels, block = [], document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid() and fragment.text() == "새 공문…":
                labels.append(fragment.charFormat())
            iterator += 1
        block = block.next()
    assert labels, "the guide names the 새 공문… button"
    for label in labels:
        assert not label.fontFixedPitch() and "monospace" not in (label.fontFamilies() or [])
        assert label.fontWeight() >= 700  # still set apart from the sentence around it
