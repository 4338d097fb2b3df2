"""Pseudo-translation: every visible string must come through the translator.

In the pseudo language each translated string is bracketed and stretched ("[Šîĝñ îñ~~]"),
so a string that shows up plain was never passed through tr()/translate(), and a stretched
one that is cut off shows where a layout is too tight.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QWidget, QWizard,
)

from intake_desktop.ui.i18n import PseudoTranslator, install_translator

from .conftest import CENTRE


@pytest.fixture
def pseudo(qapp):
    install_translator(qapp, "pseudo")
    yield
    install_translator(qapp, "ko")


def visible_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel) and widget.isVisibleTo(root):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton) and widget.isVisibleTo(root):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QMenu):
            texts.extend(action.text() for action in widget.actions() if not action.isSeparator())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
    return [text for text in texts if text and text.strip()]


def untranslated(texts: list[str], user_data: set[str]) -> list[str]:
    return [t for t in texts if "[" not in t and "~" not in t and t not in user_data]


def test_pseudo_translator_keeps_placeholders_and_mnemonics():
    stretched = PseudoTranslator.stretch("&Open {name} at %1\tCtrl+O")
    assert stretched.startswith("[&O") and "{name}" in stretched and "%1" in stretched
    assert stretched.endswith("\tCtrl+O")
    label = stretched.partition("\t")[0]
    assert len(label) >= len("&Open {name} at %1") * 1.35  # about 40 % longer


def test_login_window_strings_are_all_translatable(qtbot, pseudo, centre_vault):
    from intake_desktop.ui.login import LoginWindow

    window = LoginWindow(centre_vault)
    qtbot.addWidget(window)
    window.show()
    texts = visible_texts(window)
    assert untranslated(texts, {CENTRE}) == []


def test_wizard_strings_are_all_translatable(qtbot, pseudo, data_dir):
    from intake_desktop.ui.wizard import FirstRunWizard

    wizard = FirstRunWizard(data_dir)
    qtbot.addWidget(wizard)
    wizard.show()
    found = []
    for page_id in wizard.pageIds():
        page = wizard.page(page_id)
        found += [page.title(), page.subTitle(), *visible_texts(page)]
    for button in (QWizard.WizardButton.NextButton, QWizard.WizardButton.BackButton,
                   QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton):
        found.append(wizard.buttonText(button))
    found.append(wizard.windowTitle())
    # The recovery key page's placeholders for the key itself hold no text before creation.
    assert untranslated([t for t in found if t], set()) == []


def test_main_window_strings_are_all_translatable(qtbot, pseudo, signed_in_with_cases, settings):
    from intake_desktop.ui.main_window import MainWindow

    window = MainWindow(signed_in_with_cases, settings, today=lambda: date(2025, 6, 10))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: not window.is_loading(), timeout=10_000)
    model = window.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    from intake_desktop.ui.case_table_model import Column

    cells = [model.index(0, c).data() for c in (Column.RISK, Column.STAGE)]  # risk and stage labels
    user_data = {"김관리", "admin", "ㄱㅁㅅ"}
    texts = visible_texts(window) + headers + [c for c in cells if c]
    assert untranslated(texts, user_data) == []

    window.lock_now()
    assert untranslated(visible_texts(window.lock_screen), {CENTRE}) == []
