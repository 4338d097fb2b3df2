"""Forms as the rest of the program sees them: the registry, validation with translatable
messages, and scoring of saved answers."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import select

from intake_desktop import formdefs
from intake_desktop.domain.enums import Role
from intake_desktop.formdefs import FormDefinition, FormRegistry
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults
from intake_desktop.services.people import FieldProblem
from intake_desktop.storage.models import CustomForm

INTAKE_FORM_ID = "intake-youth"

# One translatable sentence per problem code of formdefs.validate_answers.
ANSWER_MESSAGES = {
    "required": QT_TRANSLATE_NOOP("Errors", "{field}: required."),
    "unknown_field": QT_TRANSLATE_NOOP("Errors", "{field}: not a field of this form version."),
    "read_only": QT_TRANSLATE_NOOP("Errors", "{field}: is computed and takes no answer."),
    "bad_type": QT_TRANSLATE_NOOP("Errors", "{field}: wrong kind of value (expected {expected})."),
    "bad_choice": QT_TRANSLATE_NOOP("Errors", "{field}: not one of the choices."),
    "exclusive_choice": QT_TRANSLATE_NOOP("Errors", "{field}: this choice cannot be combined with others."),
    "bad_date": QT_TRANSLATE_NOOP("Errors", "{field}: not a date (use YYYY-MM-DD)."),
    "date_out_of_range": QT_TRANSLATE_NOOP("Errors", "{field}: the date is outside the allowed range."),
    "bad_phone": QT_TRANSLATE_NOOP("Errors", "{field}: not a valid phone number."),
    "bad_postal_code": QT_TRANSLATE_NOOP("Errors", "{field}: a postal code has 5 digits."),
    "bad_address": QT_TRANSLATE_NOOP("Errors", "{field}: the address is incomplete or malformed."),
    "out_of_range": QT_TRANSLATE_NOOP("Errors", "{field}: value out of range."),
    "not_integer": QT_TRANSLATE_NOOP("Errors", "{field}: must be a whole number."),
    "pattern_mismatch": QT_TRANSLATE_NOOP("Errors", "{field}: does not have the expected form."),
    "too_long": QT_TRANSLATE_NOOP("Errors", "{field}: too long (at most {max} characters)."),
    "too_short": QT_TRANSLATE_NOOP("Errors", "{field}: too short (at least {min} characters)."),
    "too_few_items": QT_TRANSLATE_NOOP("Errors", "{field}: choose at least {min}."),
    "too_many_items": QT_TRANSLATE_NOOP("Errors", "{field}: choose at most {max}."),
    "override_reason_required": QT_TRANSLATE_NOOP(
        "Errors", "{field}: give a reason when the risk level differs from the proposal."),
}
FALLBACK_MESSAGE = QT_TRANSLATE_NOOP("Errors", "{field}: invalid answer.")


def as_field_problem(problem: formdefs.AnswerProblem) -> FieldProblem:
    params = {k: v for k, v in problem.params.items() if isinstance(v, (str, int, float))}
    return FieldProblem(problem.field_id, ANSWER_MESSAGES.get(problem.code, FALLBACK_MESSAGE),
                        {**params, "field": problem.field_id})


@lru_cache(maxsize=1)
def shipped_registry() -> FormRegistry:
    """The forms shipped in forms/ (read once per process; definitions are immutable)."""
    return FormRegistry.from_directory()


def intake_form(version: int | None = None) -> FormDefinition:
    return shipped_registry().get(INTAKE_FORM_ID, version)


def check_answers(form: FormDefinition, answers: dict, *, partial: bool) -> tuple[dict, list[FieldProblem]]:
    """Normalised answers without hidden fields, and every problem (translatable)."""
    cleaned = formdefs.normalise_answers(form, answers)
    problems = [as_field_problem(p) for p in formdefs.validate_answers(form, cleaned, partial=partial)]
    return formdefs.prune_hidden(form, cleaned), problems


MSG_FORM_INVALID = QT_TRANSLATE_NOOP("Errors", "The form file has {count} problem(s); nothing was imported.")
MSG_FORM_VERSION_EXISTS = QT_TRANSLATE_NOOP(
    "Errors", "Form {form} version {version} already exists with different content: raise the version."
)


class FormsService:
    """The forms of this vault: the shipped ones plus those an admin imported."""

    def __init__(self, session) -> None:
        self._session = session
        self._registry: FormRegistry | None = None

    def registry(self) -> FormRegistry:
        if self._registry is None:
            registry = FormRegistry.from_directory()
            with self._session.db() as db:
                rows = db.exec(select(CustomForm).order_by(CustomForm.imported_at)).scalars().all()
            for row in rows:
                registry.load_form_text(row.yaml_text, row.source_name)
            self._registry = registry
        return self._registry

    def get(self, form_id: str, version: int | None = None) -> FormDefinition:
        return self.registry().get(form_id, version)

    def import_yaml(self, text: str, source_name: str) -> FormDefinition:
        """Validate and store a form definition (admin). Every problem is listed, by line."""
        self._session.require_role(Role.ADMIN)
        registry = self.registry()
        try:
            form = formdefs.load_form_text(text, source_name)
            if form.id in {f.id for f in registry.list()} and form.version in registry.versions(form.id):
                if registry.get(form.id, form.version).definition_hash != form.definition_hash:
                    raise E.UsageError(MSG_FORM_VERSION_EXISTS, form=form.id, version=form.version)
                return registry.get(form.id, form.version)
            form = registry.add(form)
        except formdefs.FormDefinitionError as exc:
            raise FormImportRejected(exc.problems) from exc
        with faults.storage_errors(self._session.vault.db_path), self._session.db() as db:
            db.add(CustomForm(form_id=form.id, version=form.version, definition_hash=form.definition_hash,
                              source_name=source_name, yaml_text=text, imported_by=self._session.account_id))
            self._session.audit.record("form.import", details={"form": form.id, "version": form.version}, db=db)
            db.commit()
        return form

    def forget(self) -> None:
        self._registry = None


class FormImportRejected(E.UsageError):
    exit_code = E.EXIT_FAILURE

    def __init__(self, problems) -> None:
        self.problems = list(problems)
        super().__init__(MSG_FORM_INVALID, count=len(self.problems))
