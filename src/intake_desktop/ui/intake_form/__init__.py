"""The intake form screen, generated from a form definition (forms/intake-youth.yaml).

    IntakeFormWidget(session, case_id, *, view=None, form=None, parent=None)
    IntakeFormDialog(session, case_id, *, view=None, parent=None)

Modules, one job each: texts (language, {ko, en} texts), radios (radio sets: unanswered
allowed, number keys), field_widgets (an editor per field type), likert (instrument tables),
group (repeatable rows), sections (question rows, section blocks, section index, progress),
validation_view (messages and the list of problems), scores_panel (live scores), risk_view
(the proposed risk level), crisis_banner, autosave (encrypted drafts), builder (widgets from
a definition), widget (IntakeFormWidget), dialog (IntakeFormDialog).
The crisis protocol dialog itself is ui/crisis_dialog.py.
"""

from intake_desktop.ui.intake_form.dialog import IntakeFormDialog
from intake_desktop.ui.intake_form.widget import IntakeFormWidget

__all__ = ["IntakeFormDialog", "IntakeFormWidget"]
