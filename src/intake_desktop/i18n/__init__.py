"""Translation markers usable below the UI.

Layers under `ui/` never import Qt, yet their messages must reach Qt's translation system.
They mark source strings with QT_TRANSLATE_NOOP (which pyside6-lupdate recognises by name);
the UI and command line translate them with QCoreApplication.translate(context, text).
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text
