"""A sync conflict in the case file's side-by-side chooser (ConflictDialog).

The sync service hands over both versions as plain documents (conflict_versions); this module
names their fields as the case file does (the person's form labels, else the intake form's
labels and the change history's words, services/history_labels.py), and turns the choice into
one call: this PC's version, the other one, or (field by field) a merge saved on top of the
other one. Records that are kept whole (a note, a consent, a letter…) show every differing
part side by side with choosers that move together.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from intake_desktop.services import errors as E
from intake_desktop.services.sync.conflict_views import ConflictVersions
from intake_desktop.ui.case_file.conflict_dialog import MINE, THEIRS, ConflictDialog, Wording
from intake_desktop.ui.case_file.person_form import FIELDS as PERSON_FIELDS
from intake_desktop.ui.case_file.person_form import display_value, flat, unflat
from intake_desktop.ui.i18n import content_language
from intake_desktop.ui.labels import field_label
from intake_desktop.ui.sync.labels import record_kind


class SyncConflictChooser(QObject):
    """Opens the chooser for one conflict; `resolved` after the choice is stored, `failed`
    with the error when it could not be (the conflict then stays)."""

    resolved = Signal(str)  # "mine", "theirs" or "merged"
    failed = Signal(object)

    def __init__(self, session, versions: ConflictVersions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.versions = versions
        mine, theirs = versions.mine, versions.theirs
        if versions.table == "person" and mine is not None and theirs is not None:
            fields = [(key, field_label(field)) for key, field in PERSON_FIELDS]
            self._mine, self._theirs = flat(mine), flat(theirs)
            display = display_value
        else:
            words = session.history.labels(content_language())
            keys = words.in_form_order(versions.differing())
            fields = [(key, words.field(key)) for key in keys]
            self._mine, self._theirs = dict(mine or {}), dict(theirs or {})

            def display(key: str, value) -> str:
                return words.value(key, value) or "—"
        self.dialog = ConflictDialog(fields, self._theirs, self._mine, self._theirs, display, parent,
                                     wording=self._wording(), whole=not versions.by_field)
        self.dialog.resolved.connect(self._store)

    def _wording(self) -> Wording:
        v = self.versions
        kind = record_kind(v.table)
        where = self.tr("{kind} of case {case}").format(kind=kind, case=v.case_number) if v.case_number else kind
        if v.by_field:
            intro = self.tr(
                "{record} was changed on this PC and on another PC before they synced. Both versions are "
                "shown below. For each field, choose which value to keep; the result is saved as a new "
                "version and reaches every PC at the next sync. Fields not listed are the same.").format(record=where)
        else:
            intro = self.tr(
                "{record} was changed on this PC and on another PC before they synced. This kind of "
                "record is kept whole: compare the two versions and choose one; the other is discarded "
                "on every PC.").format(record=where)
            if v.mine is None:
                intro += "\n" + self.tr("This PC deleted it; the other PC changed it.")
            elif v.theirs is None:
                intro += "\n" + self.tr("The other PC deleted it; this PC changed it.")
        return Wording(
            self.tr("Changed on two PCs"), intro, self.tr("Other PC's version"), self.tr("This PC's version"),
            self.tr("Other PC's version"), self.tr("This PC's version"), self.tr("Keep my choices"),
            self.tr("Decide later"))

    def open(self) -> None:
        self.dialog.open()

    def keep(self) -> tuple[str, dict | None]:
        """What the choice in the dialog stores: ("mine" | "theirs", None) or ("merged", document)."""
        chosen = self.dialog.chosen()
        if chosen == {MINE}:
            return MINE, None
        if chosen <= {THEIRS}:  # also when no field differs: nothing of this PC's to keep
            return THEIRS, None
        merged = self.dialog.merged()
        if self.versions.table == "person":
            return "merged", {**(self.versions.theirs or {}), **unflat(merged)}
        return "merged", merged

    def _store(self, _merged: dict) -> None:
        keep, document = self.keep()
        v = self.versions
        try:
            self.session.sync.resolve(v.table, v.row_id, keep, merged=document)
        except E.ServiceError as error:
            self.failed.emit(error)
            return
        self.resolved.emit(keep)
