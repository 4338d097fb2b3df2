"""Live scores as items are answered: a line per instrument in the side panel, the total
under each instrument's table, and the score fields of the form (e.g. "PHQ-9 total").

Every score of a team-translated instrument carries the note "번역본, 타당화되지 않음".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from intake_desktop.formdefs import InstrumentScore, ScaleScore, ScoreReport
from intake_desktop.ui.intake_form.texts import first_sentence, pick, set_shown

FLAG_STYLE = "color: #8a4b00;"
NOTE_STYLE = "color: #666666;"


def scale_text(scale: ScaleScore, lang: str) -> str:
    """'12 (0–27) · 중간 정도 우울' or why there is no score."""
    if not scale.scorable:
        if scale.reason == "not_administered":
            return QCoreApplication.translate("IntakeForm", "Not answered yet")
        if scale.reason == "hidden":
            return QCoreApplication.translate("IntakeForm", "Not asked")
        if scale.reason == "invalid_answers":
            return QCoreApplication.translate("IntakeForm", "Not scorable: some answers are invalid")
        # The count goes in as a name: lupdate skips a call whose count is itself a call.
        missing = len(scale.missing_items)
        return QCoreApplication.translate("IntakeForm", "Not scorable (%n missing)", "", missing)
    text = QCoreApplication.translate("IntakeForm", "{score} (range {min}–{max})").format(
        score=scale.score, min=scale.min, max=scale.max)
    if scale.band is not None:
        text += " · " + pick(scale.band.label, lang)
    if scale.prorated:
        missing = len(scale.missing_items)
        text += " · " + QCoreApplication.translate("IntakeForm", "estimated, %n item(s) missing", "", missing)
    return text


def cutoff_flags(scale: ScaleScore, lang: str) -> list[str]:
    return [QCoreApplication.translate("IntakeForm", "Cut-off reached: {label}").format(label=pick(c.label, lang))
            for c in scale.cutoffs if c.reached]


def translation_marker(instrument: InstrumentScore, lang: str) -> str:
    if instrument.translation_validated is False and instrument.translation_note is not None:
        return first_sentence(pick(instrument.translation_note, lang))
    return ""


def instrument_lines(instrument: InstrumentScore, lang: str) -> list[tuple[str, str]]:
    """(kind, text) lines about one instrument: score, flags, alerts, translation note."""
    lines = [("score", scale_text(instrument.total, lang))]
    lines += [("flag", f) for f in cutoff_flags(instrument.total, lang)]
    lines += [("flag", pick(a.label, lang)) for a in instrument.alerts]
    marker = translation_marker(instrument, lang)
    if marker:
        lines.append(("note", marker))
    return lines


def _style(label: QLabel, kind: str) -> None:
    if kind == "flag":
        label.setStyleSheet(FLAG_STYLE)
    elif kind == "note":
        label.setStyleSheet(NOTE_STYLE)
    else:
        font = QFont(label.font())
        font.setBold(True)
        label.setFont(font)


class ScaleView(QWidget):
    """A score field of the form (read-only): the live value, band, flags, translation note."""

    def __init__(self, field_id: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field_id = field_id
        self.lang = lang
        self.setObjectName(f"score_{field_id}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(1)
        self.lines: list[QLabel] = []
        self._kinds: list[str] = []

    def show_lines(self, lines: list[tuple[str, str]]) -> None:
        kinds = [kind for kind, _ in lines]
        if kinds == self._kinds:  # the usual case while typing: same lines, new numbers
            for label, (_, text) in zip(self.lines, lines):
                if label.text() != text:
                    label.setText(text)
            return
        for label in self.lines:
            label.hide()
            label.deleteLater()
        self.lines = []
        self._kinds = kinds
        for kind, text in lines:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            _style(label, kind)
            self.layout_.addWidget(label)
            self.lines.append(label)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.lines)


class ScoresPanel(QFrame):
    """Side panel: each instrument in use, its live total, band and flags."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.heading = QLabel(QCoreApplication.translate("IntakeForm", "Scores (live)"))
        font = QFont(self.heading.font())
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.views: dict[str, tuple[QLabel, ScaleView]] = {}
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        layout.addLayout(self.body)
        layout.addStretch(1)

    def update_scores(self, report: ScoreReport, titles: dict[str, str], shown: set[str]) -> None:
        for instrument in report.instruments:
            key = instrument.instrument_id
            if key not in self.views:
                title = QLabel(titles.get(key, pick(instrument.title, self.lang)))
                title.setWordWrap(True)
                view = ScaleView(f"panel_{key}", self.lang)
                self.body.addWidget(title)
                self.body.addWidget(view)
                self.views[key] = (title, view)
            title, view = self.views[key]
            visible = key in shown
            set_shown(title, visible)
            set_shown(view, visible)
            if visible:
                view.show_lines(instrument_lines(instrument, self.lang))

    def text_of(self, instrument_id: str) -> str:
        return self.views[instrument_id][1].text() if instrument_id in self.views else ""
