"""Qt translators for the UI and the command line: Korean (default), English, pseudo.

English is the source language, so it needs no catalogue. Korean loads our compiled
`resources/i18n/intake_ko.qm` plus Qt's own `qtbase_ko.qm` (standard buttons, context menus).
"pseudo" stretches every string by about 40 % with accents and brackets, generated on the fly,
so truncated or untranslated text stands out in screenshots.

Note for every module under ui/: PySide's `self.tr` uses the *runtime* class name as context,
while lupdate files the string under the class it is written in. A class that calls `self.tr`
must therefore not be subclassed (tests included), or its strings would go untranslated.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from intake_desktop.paths import resources_dir

log = logging.getLogger(__name__)

LANGUAGES = ("ko", "en", "pseudo")
DEFAULT_LANGUAGE = "ko"
CATALOGUE_NAME = "intake_ko.qm"

# Translators must outlive the call that installs them; a second call replaces them.
_installed: list[QTranslator] = []
# A QCoreApplication made here (for a command line that has none) must stay referenced.
_core_app: QCoreApplication | None = None


def catalogue_path() -> Path:
    return resources_dir() / "i18n" / CATALOGUE_NAME


def normalise_language(language: str | None) -> str:
    """'ko_KR', 'KO', 'en-GB' -> 'ko' / 'en'; None or unknown -> the default (Korean)."""
    if not language:
        return DEFAULT_LANGUAGE
    code = re.split(r"[_\-.]", language.strip().lower())[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def content_language() -> str:
    """'ko' or 'en': which half of a bilingual text (form labels, partner names, consent items)
    to show. The translators set the default QLocale (ko_KR for Korean, en_US for English and
    pseudo), so the default locale is the one place that says it."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


class PseudoTranslator(QTranslator):
    """Every string about 40 % longer, accented and bracketed: [Ŝîĝñ îñ~~~~]."""

    _ACCENTS = str.maketrans(
        "AaCcEeIiNnOoSsUuYyZz", "ÅåÇçÉéÎîÑñÖöŠšÛûÝýŽž"
    )
    # Kept as they are: {placeholders}, %n/%1, markup, entities, and a mnemonic with its letter.
    _KEEP = re.compile(r"\{[^}]*\}|%L?n|%L?\d+|<[^>]*>|&[a-zA-Z#0-9]+;|&&|&\w")

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.stretch(source_text) if source_text else ""

    @classmethod
    def stretch(cls, text: str) -> str:
        label, tab, shortcut = text.partition("\t")  # "&Undo\tCtrl+Z": leave the key alone
        pieces, position = [], 0
        for match in cls._KEEP.finditer(label):
            pieces.append(label[position:match.start()].translate(cls._ACCENTS))
            pieces.append(match.group())
            position = match.end()
        pieces.append(label[position:].translate(cls._ACCENTS))
        padding = "~" * max(1, round(len(label) * 0.4) - 2)
        return f"[{''.join(pieces)}{padding}]{tab}{shortcut}"


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_translator(app_or_none: QCoreApplication | None = None, language: str | None = "ko") -> None:
    """Make QCoreApplication.translate (and every self.tr) answer in `language`.

    Works with a QCoreApplication (the command line) as well as a QApplication; when there is
    no application object yet, a QCoreApplication is made, because Qt installs translators
    only on an existing instance.
    """
    global _core_app
    app = app_or_none or QCoreApplication.instance()
    if app is None:
        _core_app = app = QCoreApplication([])
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()

    language = normalise_language(language)
    if language == "ko":
        QLocale.setDefault(QLocale("ko_KR"))
        ours = QTranslator()
        if _load(ours, catalogue_path()):
            _installed.append(ours)
        else:
            # A broken install should still start (in English) rather than not at all.
            log.warning("Korean catalogue missing at %s; showing English", catalogue_path())
        qt_own = QTranslator()
        qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        if _load(qt_own, qt_dir / "qtbase_ko.qm"):
            _installed.append(qt_own)
    elif language == "pseudo":
        QLocale.setDefault(QLocale("en_US"))
        _installed.append(PseudoTranslator())
    else:
        QLocale.setDefault(QLocale("en_US"))
    for translator in _installed:
        app.installTranslator(translator)


def release_core_application() -> bool:
    """Shut down a QCoreApplication made by install_translator, so a QApplication can be made.

    The command line installs translators before it knows whether it will open windows; the
    GUI then needs a QApplication, and Qt allows one application object at a time. Returns
    True if there was one to release. The translators stay alive and are re-installed by the
    caller's next install_translator call.
    """
    global _core_app
    if _core_app is None or QCoreApplication.instance() is not _core_app:
        return False
    _installed.clear()
    _core_app.shutdown()
    _core_app = None
    return True


def translate_error(context: str, text: str) -> str:
    """The `translate` argument that ServiceError.render and FieldProblem.render expect."""
    return QCoreApplication.translate(context, text)
