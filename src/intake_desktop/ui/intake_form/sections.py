"""The form's layout pieces: a row per question, a block per section, the section index on
the left and the progress of required answers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView, QLabel, QListWidget, QListWidgetItem, QProgressBar, QVBoxLayout, QWidget,
)

from intake_desktop.ui.intake_form.texts import required_mark, set_shown, set_text

ERROR_STYLE = "color: #b03a2e;"
HELP_STYLE = "color: #555555;"
CURRENT_ROW_COLOUR = "#eaf2fb"  # the question that has keyboard focus


class FieldRow(QWidget):
    """A question: its label (with * when required), help text, the editor, and the message
    about its answer right under it."""

    def __init__(self, field_id: str, label: str, help_text: str, editor: QWidget | None, *,
                 required: bool = False, heading: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field_id
        self.label = label
        self.editor = editor
        self.setObjectName(f"row_{field_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(3)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        if heading:
            font = QFont(self.caption.font())
            font.setBold(True)
            self.caption.setFont(font)
        layout.addWidget(self.caption)
        self.help = QLabel(help_text)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setVisible(bool(help_text))
        layout.addWidget(self.help)
        if editor is not None:
            layout.addWidget(editor)
            focus = getattr(editor, "focus_widget", None)
            if focus is not None:
                self.caption.setBuddy(focus())
            if help_text:
                for control in getattr(editor, "focus_widgets", lambda: [])():
                    control.setAccessibleDescription(help_text)
        self.extra = QVBoxLayout()  # e.g. the proposed risk level beside risk_level
        self.extra.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.extra)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setObjectName(f"error_{field_id}")
        self.error.hide()
        layout.addWidget(self.error)
        self._required = required
        self._show_caption()
        self.setAutoFillBackground(True)
        self._plain_palette = QPalette(self.palette())
        self._current = False

    def _show_caption(self) -> None:
        set_text(self.caption, required_mark(self.label) if self._required else self.label)

    def set_required(self, required: bool) -> None:
        if required != self._required:
            self._required = required
            self._show_caption()

    def set_error(self, text: str | None) -> None:
        set_text(self.error, text or "")
        set_shown(self.error, bool(text))

    def error_text(self) -> str:
        return self.error.text() if self.error.isVisibleTo(self) else ""

    def set_shown(self, shown: bool) -> None:
        set_shown(self, shown)

    def is_shown(self) -> bool:
        return not self.isHidden()

    def set_current(self, current: bool) -> None:
        if current == self._current:
            return
        self._current = current
        palette = QPalette(self._plain_palette)
        if current:
            palette.setColor(QPalette.ColorRole.Window, QColor(CURRENT_ROW_COLOUR))
        self.setPalette(palette)


class SectionBlock(QWidget):
    def __init__(self, section_id: str, title: str, help_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_id = section_id
        self.title = title
        self.setObjectName(f"section_{section_id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 12)
        layout.setSpacing(4)
        self.heading = QLabel(title)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(title)
        layout.addWidget(self.heading)
        self.help = QLabel(help_text)
        self.help.setWordWrap(True)
        self.help.setStyleSheet(HELP_STYLE)
        self.help.setVisible(bool(help_text))
        layout.addWidget(self.help)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(2)
        layout.addLayout(self.rows)

    def add(self, widget: QWidget) -> None:
        self.rows.addWidget(widget)


class SectionIndex(QListWidget):
    """The sections, left of the form: click (or Enter) jumps there; the section in view is
    highlighted; a number after a title counts its required answers still missing."""

    section_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it is always tall enough
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setAccessibleName(QCoreApplication.translate("IntakeForm", "Sections"))
        self._items: dict[str, QListWidgetItem] = {}
        self._titles: dict[str, str] = {}
        self._missing: dict[str, int] = {}
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)

    def add_section(self, section_id: str, title: str) -> None:
        item = QListWidgetItem(title)
        item.setData(Qt.ItemDataRole.UserRole, section_id)
        self.addItem(item)
        self._items[section_id] = item
        self._titles[section_id] = title

    def _chosen(self, item: QListWidgetItem) -> None:
        self.section_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def set_current(self, section_id: str) -> None:
        item = self._items.get(section_id)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def current_section(self) -> str | None:
        item = self.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def set_missing(self, section_id: str, missing: int) -> None:
        if self._missing.get(section_id) == missing:
            return
        self._missing[section_id] = missing
        item = self._items[section_id]
        title = self._titles[section_id]
        if missing:
            item.setText(QCoreApplication.translate("IntakeForm", "{title} ({missing})").format(
                title=title, missing=missing))
            item.setToolTip(QCoreApplication.translate("IntakeForm", "%n required answer(s) missing", "", missing))
        else:
            item.setText(title)
            item.setToolTip("")
        self.fit_height()  # a longer title may wrap onto a second line

    def fit_height(self) -> None:
        """As tall as its visible entries (wrapped titles included), no taller."""
        self.doItemsLayout()  # wrapped titles measured at the list's present width
        rows = [self.item(i) for i in range(self.count()) if not self.item(i).isHidden()]
        height = sum(self.visualItemRect(item).height() for item in rows) + 2 * self.frameWidth() \
            + self.spacing() * len(rows) + 6
        height = max(height, self.fontMetrics().height() * 3)
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def set_section_shown(self, section_id: str, shown: bool) -> None:
        item = self._items[section_id]
        if item.isHidden() == shown:
            item.setHidden(not shown)
            self.fit_height()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_height()  # wrapping depends on the width


class ProgressView(QWidget):
    """Required answers given / required questions shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(max(8, self.caption.fontMetrics().height() // 2))
        self.bar.setAccessibleName(QCoreApplication.translate("IntakeForm", "Required answers"))
        layout.addWidget(self.caption)
        layout.addWidget(self.bar)
        self.answered = 0
        self.total = 0

    def set_progress(self, answered: int, total: int) -> None:
        if (answered, total) == (self.answered, self.total) and self.caption.text():
            return
        self.answered, self.total = answered, total
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(answered if total else 1)
        self.caption.setText(QCoreApplication.translate(
            "IntakeForm", "Required answers: {answered} of {total}").format(answered=answered, total=total))
        self.bar.setAccessibleDescription(self.caption.text())
