"""Korean for the few strings of Qt's own dialogs that Qt's catalogue (qtbase_ko.qm) lacks.

Qt 6 renamed some labels of its file dialog ("&Look in:", "Files of &type:") and the file
type column ("Folder", "Drive"), and qtbase_ko.qm still has only the old forms: without this,
a Korean "Open backup" dialog asks "Look in:". Installed before Qt's catalogue, so Qt's own
translations win wherever they exist and this only fills the gaps.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

SUPPLEMENT = {
    ("QFileDialog", "&Look in:"): "찾는 위치(&L):",
    ("QFileDialog", "Files of &type:"): "파일 형식(&T):",
    ("QAbstractFileIconProvider", "Folder"): "폴더",
    ("QAbstractFileIconProvider", "Drive"): "드라이브",
    ("QAbstractFileIconProvider", "File"): "파일",
    ("QAbstractFileIconProvider", "%1 File"): "%1 파일",
}


class QtKoreanSupplement(QTranslator):
    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        return False

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return SUPPLEMENT.get((context, source_text))  # None: no translation here (Qt asks the next one)
