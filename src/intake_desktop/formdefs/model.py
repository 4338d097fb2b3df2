"""The validated shape of a form definition (pydantic models).

Models are frozen: a loaded definition is pinned by its hash, so nothing may change it
afterwards. Cross-references (show_if targets, scale items, bands covering the range...)
are checked in checks.py on the raw data, where the line of every value is still known.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field as PydField, PrivateAttr, StrictInt, StrictStr, model_validator

from intake_desktop.domain.enums import RiskLevel

ID_PATTERN = r"^[a-z][a-z0-9_]*$"
FORM_ID_PATTERN = r"^[a-z][a-z0-9_-]*$"


class FormKind(str, Enum):
    INTAKE = "intake"
    INSTRUMENT = "instrument"


class FieldType(str, Enum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    DATE = "date"
    PHONE = "phone"
    ADDRESS = "address"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    LIKERT = "likert"
    GROUP = "group"
    SCORE = "score"
    NOTE = "note"
    INSTRUMENT = "instrument"


# Field types that hold no answer of their own.
READ_ONLY_TYPES = frozenset({FieldType.SCORE, FieldType.NOTE, FieldType.INSTRUMENT})
CHOICE_TYPES = frozenset({FieldType.SINGLE_CHOICE, FieldType.MULTIPLE_CHOICE})


class Sensitivity(str, Enum):
    NONE = "none"
    PERSONAL = "personal"  # ordinary personal information (art. 15 consent)
    HEALTH = "health"  # sensitive information (art. 23): needs the separate sensitive-info consent
    CRIME = "crime"  # crime victimisation / offending: sensitive, never in a letter by default


class Recipient(str, Enum):
    """Kinds of institution a referral letter may go to."""

    WELFARE = "welfare"
    LABOUR = "labour"
    JOBCENTRE = "jobcentre"
    POLICE = "police"
    GENERIC = "generic"


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class Text(_Model):
    """A bilingual text. Korean is what counsellors and young people read; English is for
    the team, auditors and the docs."""

    ko: StrictStr = PydField(min_length=1)
    en: StrictStr = PydField(min_length=1)


class Option(_Model):
    value: StrictStr | StrictInt
    label: Text
    exclusive: bool = False  # multiple_choice: cannot be combined with other options ("none")


class Validation(_Model):
    min_length: int | None = PydField(default=None, ge=0)
    max_length: int | None = PydField(default=None, ge=1)
    pattern: str | None = None
    min: float | None = None
    max: float | None = None
    integer: bool = False
    min_date: date | Literal["today"] | None = None
    max_date: date | Literal["today"] | None = None
    min_items: int | None = PydField(default=None, ge=0)  # group rows / multiple_choice picks
    max_items: int | None = PydField(default=None, ge=1)


class Condition(_Model):
    """A small condition language, used by show_if, alerts, crisis alerts and risk rules.

    Exactly one of:
      {field: id, <op>}   ops: equals, not_equals, in, gte, lte, answered
      {score: "phq9.total", <op>}   ops: gte, lte, answered   (not allowed in show_if)
      {alert_kind: safety}          true when an instrument raised an alert of that kind
      {any_of: [...]} | {all_of: [...]} | {not: {...}}
    A hidden field counts as unanswered, so conditions never act on stale hidden answers.
    For multiple_choice fields, equals/in test whether a chosen option matches.
    """

    field: str | None = None
    score: str | None = None
    alert_kind: str | None = None
    equals: StrictStr | StrictInt | bool | None = None
    not_equals: StrictStr | StrictInt | bool | None = None
    in_: list[StrictStr | StrictInt | bool] | None = PydField(default=None, alias="in")
    gte: float | None = None
    lte: float | None = None
    answered: bool | None = None
    any_of: list[Condition] | None = PydField(default=None, min_length=1)
    all_of: list[Condition] | None = PydField(default=None, min_length=1)
    not_: Condition | None = PydField(default=None, alias="not")

    @model_validator(mode="after")
    def _one_shape(self) -> Condition:
        heads = [k for k in ("field", "score", "alert_kind", "any_of", "all_of", "not_") if getattr(self, k) is not None]
        if len(heads) != 1:
            raise ValueError("a condition needs exactly one of field, score, alert_kind, any_of, all_of, not")
        ops = [k for k in ("equals", "not_equals", "in_", "gte", "lte", "answered") if getattr(self, k) is not None]
        head = heads[0]
        if head == "field" and len(ops) != 1:
            raise ValueError("a field condition needs exactly one of equals, not_equals, in, gte, lte, answered")
        if head == "score" and (len(ops) != 1 or ops[0] not in ("gte", "lte", "answered")):
            raise ValueError("a score condition needs exactly one of gte, lte, answered")
        if head not in ("field", "score") and ops:
            raise ValueError(f"{head} conditions take no comparison")
        return self


class Field(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    type: FieldType
    label: Text
    help: Text | None = None
    required: bool = False
    validation: Validation | None = None
    options: list[Option] | None = None
    show_if: Condition | None = None
    sensitivity: Sensitivity = Sensitivity.NONE
    shareable_with: list[Recipient] = PydField(default_factory=list)
    fields: list[Field] | None = None  # group: the sub-fields of one row
    phone_kind: Literal["mobile", "any"] = "any"  # phone: mobile numbers only, or any Korean number
    instrument: str | None = None  # instrument: the instrument form id
    version: int | None = PydField(default=None, ge=1)  # instrument: pinned version
    scale: str | None = None  # score: "<instrument id>.<scale id>"


class Section(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    title: Text
    help: Text | None = None
    show_if: Condition | None = None
    fields: list[Field] = PydField(min_length=1)


class MissingRule(_Model):
    """How many unanswered items a scale tolerates, and what to do about them."""

    max_missing: int = PydField(default=0, ge=0)
    method: Literal["prorate", "none"] = "none"
    rationale: Text  # every instrument says why its rule is what it is


class Band(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    min: int
    max: int
    label: Text


class Cutoff(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    op: Literal["gte", "gt", "lte", "lt"]
    value: int
    label: Text
    note: Text | None = None


class Scale(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    title: Text
    role: Literal["total", "subscale"]
    items: list[str] = PydField(min_length=1)
    reverse: list[str] = PydField(default_factory=list)
    missing: MissingRule
    bands: list[Band] = PydField(default_factory=list)
    cutoffs: list[Cutoff] = PydField(default_factory=list)
    verified: bool = True  # False: item membership could not be checked against the source
    note: Text | None = None


class AlertRule(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    kind: Literal["safety", "check", "info"]
    when: Condition
    label: Text


class CrisisRule(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    when: Condition
    label: Text
    protocol: bool = True  # show the urgent protocol (crisis line numbers from resources/)


class RiskRule(_Model):
    id: str = PydField(pattern=ID_PATTERN)
    level: RiskLevel
    when: Condition
    label: Text


class RiskConfig(_Model):
    level_field: str
    override_reason_field: str
    rules: list[RiskRule] = PydField(min_length=1)
    note: Text | None = None


class Translation(_Model):
    by: StrictStr
    validated: bool
    note: Text


class FormDefinition(_Model):
    id: str = PydField(pattern=FORM_ID_PATTERN)
    version: int = PydField(ge=1)
    kind: FormKind
    title: Text
    description: Text | None = None
    enabled_by_default: bool = True
    source: StrictStr | None = None
    licence: StrictStr | None = None
    translation: Translation | None = None
    review_required: bool = False
    verification_notes: list[Text] = PydField(default_factory=list)
    instructions: Text | None = None
    answer_options: list[Option] | None = None  # default options of this form's likert items
    sections: list[Section] = PydField(min_length=1)
    scales: list[Scale] = PydField(default_factory=list)
    alerts: list[AlertRule] = PydField(default_factory=list)
    crisis_alerts: list[CrisisRule] = PydField(default_factory=list)
    risk: RiskConfig | None = None

    # Not part of the definition (and so not of the hash): where it came from and, for an
    # intake form, the instrument definitions a registry attached to it.
    _source_name: str = PrivateAttr(default="<memory>")
    _source_map: Any = PrivateAttr(default=None)  # yamlsource.SourceMap: data path -> line
    _deferred_refs: tuple[Any, ...] = PrivateAttr(default=())
    _score_refs: tuple[Any, ...] = PrivateAttr(default=())
    _instruments: dict[str, FormDefinition] | None = PrivateAttr(default=None)
    _hash: str | None = PrivateAttr(default=None)
    _index: Any = PrivateAttr(default=None)

    @property
    def source_name(self) -> str:
        return self._source_name

    @property
    def definition_hash(self) -> str:
        """SHA-256 of the canonical JSON of this definition.

        exclude_defaults keeps the hash stable when a later app version adds an optional
        setting, and makes `required: false` and an omitted `required` hash the same.
        """
        if self._hash is None:
            self._hash = hashlib.sha256(canonical_json(self).encode("utf-8")).hexdigest()
        return self._hash

    @property
    def is_bound(self) -> bool:
        return self.kind is FormKind.INSTRUMENT or self._instruments is not None or not self.instrument_refs()

    def instrument_refs(self) -> list[Field]:
        return [f for s in self.sections for f in s.fields if f.type is FieldType.INSTRUMENT]

    def instruments(self) -> dict[str, FormDefinition]:
        """Instrument id -> definition, in form order. An instrument form scores itself."""
        from intake_desktop.formdefs.errors import UnboundFormError

        if self.kind is FormKind.INSTRUMENT:
            return {self.id: self}
        if self._instruments is None:
            if self.instrument_refs():
                raise UnboundFormError(
                    f"form {self.id} v{self.version} embeds instruments; get it from a FormRegistry"
                )
            return {}
        return dict(self._instruments)

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        return self._source_map.line_for(path) if self._source_map is not None else None

    def scale(self, scale_id: str) -> Scale | None:
        return next((s for s in self.scales if s.id == scale_id), None)


def canonical_json(form: FormDefinition) -> str:
    data = form.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
