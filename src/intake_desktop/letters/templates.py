"""Letter templates as data: ``resources/letters/<kind>.yaml`` (see docs/letters.md).

A template says how a letter to one kind of partner is worded and which intake fields it may
ever carry. It can only narrow what goes out: compose_letter still requires the field to be
shareable with that kind of partner (form file) and consented to (consent record).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field as PydField, StrictStr, ValidationError, model_validator

from intake_desktop.letters.model import PartnerKind

TEMPLATE_FORMAT = 1
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
DETAIL_KEYS = ("reason", "requested_service", "first_contact_notes", "reply_by", "last_contact",
               "warning_signs", "notes")
VALUE_FORMATS = ("auto", "text", "date", "phone", "address", "choice", "number", "yes_no")


class TemplateError(ValueError):
    """A template file is missing or malformed; the message names the file and the place."""


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Text(_Model):
    ko: StrictStr = PydField(min_length=1)
    en: StrictStr = PydField(min_length=1)


class TemplateField(_Model):
    """An intake field the letter may print, with its printed label."""

    id: str = PydField(pattern=ID_PATTERN)
    label: Text | None = None  # None: the form's Korean label (FieldMeta.label_ko)
    format: Literal[VALUE_FORMATS] = "auto"  # type: ignore[valid-type]
    unit: StrictStr = ""  # appended to numbers: 개월, 점, 회
    show_age: bool = False  # dates of birth: add (만 N세) at the issue date
    choices: dict[str, StrictStr] = PydField(default_factory=dict)  # value -> label, overrides the form's


class TemplateSection(_Model):
    key: str = PydField(pattern=ID_PATTERN)
    heading: Text
    fields: list[TemplateField] = PydField(min_length=1)


class PersonBlock(_Model):
    heading: Text
    fields: list[TemplateField] = PydField(min_length=1)


class DetailPart(_Model):
    """A part the counsellor writes for this letter (ReferralDetails attribute ``key``)."""

    key: Literal[DETAIL_KEYS]  # type: ignore[valid-type]
    heading: Text
    default: StrictStr | None = None  # used when the counsellor leaves it empty
    text: StrictStr | None = None  # reply_by / last_contact: wording with {date} / {datetime}
    required: bool = False  # compose refuses to build the letter without it


class ConsentWording(_Model):
    """What the consent form says in this partner's block (art. 17(2))."""

    purpose: StrictStr = PydField(min_length=1)
    retention: StrictStr = PydField(min_length=1)
    refusal: StrictStr = PydField(min_length=1)


class LetterTemplate(_Model):
    format: Literal[1]
    kind: PartnerKind
    name: Text  # what the UI lists: 복지관 연계 의뢰서
    title: StrictStr = PydField(min_length=1)  # 제목
    greeting: StrictStr = PydField(min_length=1)
    lead: StrictStr = PydField(min_length=1)
    person: PersonBlock
    sections: list[TemplateSection] = PydField(default_factory=list)
    details: list[DetailPart] = PydField(default_factory=list)
    closing: list[StrictStr] = PydField(default_factory=list)
    attachments: list[StrictStr] = PydField(default_factory=lambda: ["개인정보 제3자 제공 동의서 1부."])
    consent: ConsentWording

    @model_validator(mode="after")
    def _unique(self) -> LetterTemplate:
        ids = [f.id for f in self.person.fields] + [f.id for s in self.sections for f in s.fields]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise ValueError(f"field ids listed twice: {', '.join(dupes)}")
        keys = [s.key for s in self.sections]
        reserved = {"person", *DETAIL_KEYS}
        bad = sorted({k for k in keys if keys.count(k) > 1 or k in reserved})
        if bad:
            raise ValueError(f"section keys repeated or reserved: {', '.join(bad)}")
        details = [d.key for d in self.details]
        if len(set(details)) != len(details):
            raise ValueError("a detail key is listed twice")
        return self

    @property
    def field_ids(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.person.fields) + tuple(f.id for s in self.sections for f in s.fields)


class ChoiceLabels(_Model):
    """``resources/letters/labels.yaml``: Korean labels for the fixed person fields' codes."""

    format: Literal[1]
    choices: dict[str, dict[str, StrictStr]] = PydField(default_factory=dict)
    yes_label: StrictStr = "예"
    no_label: StrictStr = "아니요"


def templates_dir() -> Path:
    from intake_desktop import paths
    return paths.resources_dir() / "letters"


def _read_yaml(path: Path):
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"{path}: template file not found") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise TemplateError(f"{path}: not valid YAML ({exc})") from None


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"]) or "(top)"
        parts.append(f"{where}: {err['msg']}")
    return "; ".join(parts)


def parse_template(data, source: str = "<template>") -> LetterTemplate:
    if not isinstance(data, dict):
        raise TemplateError(f"{source}: a template is a mapping at the top level")
    try:
        return LetterTemplate.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(f"{source}: {_describe(exc)}") from None


def load_template(kind: PartnerKind | str, directory: Path | None = None) -> LetterTemplate:
    """The template for a kind of partner (``<directory>/<kind>.yaml``)."""
    kind = PartnerKind(getattr(kind, "value", kind))
    folder = Path(directory) if directory is not None else templates_dir()
    return _load_cached(str(folder / f"{kind.value}.yaml"), kind.value)


@lru_cache(maxsize=32)
def _load_cached_inner(path: str, mtime_ns: int, kind: str) -> LetterTemplate:
    template = parse_template(_read_yaml(Path(path)), path)
    if template.kind.value != kind:
        raise TemplateError(f"{path}: says kind '{template.kind.value}' but is the file for '{kind}'")
    return template


def _load_cached(path: str, kind: str) -> LetterTemplate:
    try:
        mtime = Path(path).stat().st_mtime_ns
    except FileNotFoundError:
        raise TemplateError(f"{path}: template file not found") from None
    return _load_cached_inner(path, mtime, kind)


def load_all_templates(directory: Path | None = None) -> dict[PartnerKind, LetterTemplate]:
    return {kind: load_template(kind, directory) for kind in PartnerKind}


def load_labels(directory: Path | None = None) -> ChoiceLabels:
    folder = Path(directory) if directory is not None else templates_dir()
    path = folder / "labels.yaml"
    try:
        mtime = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise TemplateError(f"{path}: template file not found") from None
    return _load_labels_cached(str(path), mtime)


@lru_cache(maxsize=8)
def _load_labels_cached(path: str, _mtime: int) -> ChoiceLabels:
    data = _read_yaml(Path(path))
    try:
        return ChoiceLabels.model_validate(data)
    except ValidationError as exc:
        raise TemplateError(f"{path}: {_describe(exc)}") from None
