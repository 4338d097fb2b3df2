"""Which language the form speaks, and picking a `{ko, en}` text of a form file in it.

Form labels come from the YAML, not from the translation catalogue. `ui.i18n.install_translator`
sets the default QLocale together with the translators (ko_KR for Korean, en_US for English
and pseudo), so the default locale is the one place that says which half of a text to show.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from intake_desktop.formdefs import Text
from intake_desktop.ui.i18n import content_language as language


def pick(text: Text | None, lang: str | None = None) -> str:
    """The Korean or English half of a form text ('' for None)."""
    if text is None:
        return ""
    return text.ko if (lang or language()) == "ko" else text.en


def first_sentence(text: str) -> str:
    """'번역본, 타당화되지 않음. 팀이 ...' -> '번역본, 타당화되지 않음' (a note's short marker)."""
    for stop in (". ", "。"):
        if stop in text:
            return text.split(stop, 1)[0].rstrip(".")
    return text.rstrip(".")


def required_mark(label: str) -> str:
    """A label with the marker that shows a required question."""
    return QCoreApplication.translate("IntakeForm", "{label} *").format(label=label)


# The form re-derives everything on each keystroke; these touch a widget only when something
# really changes. Cheaper, no flicker, and it matters under PySide6 6.12 on Python 3.11,
# where every call of a void Qt method drops a reference to None (fatal once None's count
# runs out; None is immortal from Python 3.12 on).
def set_shown(widget: QWidget, shown: bool) -> None:
    if widget.isHidden() == shown:
        widget.setVisible(shown)


def set_text(widget, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)
