"""Answers to a form: normalising what comes in and checking it against the definition.

Answers are a flat dict {field_id: value}; see docs/form-format.md for the value of each
type. Instrument items are ordinary keys (phq9_1 ... phq9_9). Call normalise_answers on
anything typed, pasted or imported, then validate_answers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field as dc_field
from datetime import date, datetime
from typing import Any

from intake_desktop.domain import dates
from intake_desktop.domain.dates import parse_date_text
from intake_desktop.domain.korean import clean_text, nfc
from intake_desktop.formdefs.conditions import is_answered, same
from intake_desktop.formdefs.fieldindex import FieldIndex, Visibility, field_index
from intake_desktop.formdefs.model import Field, FieldType, FormDefinition

_MISSING = object()
_YES = {"yes", "y", "true", "1", "예", "네", "있음", "o"}
_NO = {"no", "n", "false", "0", "아니오", "아니요", "없음", "x"}
# 010 numbers have 8 digits after the prefix; the old 011/016-019 numbers 7 or 8.
_MOBILE = re.compile(r"^(010\d{8}|01[16789]\d{7,8})$")
_OTHER_PHONE = re.compile(r"^(02\d{7,8}|0[3-6][1-5]\d{7,8}|070\d{8}|050\d{8,9}|1[5-9]\d{6})$")
_POSTAL_CODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class AnswerProblem:
    field_id: str  # group rows: "group_id[row].sub_id"
    code: str
    params: dict[str, Any] = dc_field(default_factory=dict)
    message: str = ""


# -- normalising -------------------------------------------------------------------------

def _digits(text: str) -> str:
    # NFKC turns full-width digits (０１０) into ASCII; other scripts' digits are dropped.
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if "0" <= ch <= "9")


def _text(value: Any, *, multiline: bool) -> Any:
    if not isinstance(value, str):
        return value
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        value = "\n".join(line.rstrip() for line in clean_text(value, multiline=True).split("\n"))
    else:
        # a pasted line break or tab inside a one-line answer becomes a space, not nothing
        value = " ".join(clean_text(re.sub(r"[\r\n\t]+", " ", value)).split())
    value = value.strip()
    return value if value else _MISSING


def _date(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    if not text:
        return _MISSING
    parsed = parse_date_text(text)
    return parsed.isoformat() if parsed else text  # not a date: validation says bad_date


def _phone(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return value
    text = unicodedata.normalize("NFKC", value).strip()
    digits = _digits(text)
    if text.startswith("+82") or (text.startswith("82") and len(digits) in (11, 12)):
        digits = "0" + digits[2:].lstrip("0")  # +82 10-1234-5678 -> 01012345678
    if not digits:
        # only separators ("-", "( )"): nothing was entered; letters: keep for bad_phone
        return _MISSING if all(ch in " -+()." for ch in text) else text
    return digits


def _number(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().replace(",", "")
        if not text:
            return _MISSING
        try:
            value = int(text)
        except ValueError:
            try:
                value = float(text)
            except ValueError:
                return text
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _yes_no(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        text = nfc(value).strip().lower()
        if not text:
            return _MISSING
        if text in _YES:
            return True
        if text in _NO:
            return False
    return value


def _choice(value: Any) -> Any:
    if isinstance(value, str):
        value = nfc(value).strip()
        return value if value else _MISSING
    return value


def _multiple(field: Field, value: Any) -> Any:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list | tuple | set | frozenset):
        return value
    picked: list[Any] = []
    for item in value:
        item = _choice(item)
        if item is not _MISSING and not any(same(item, p) for p in picked):
            picked.append(item)
    if not picked:
        return _MISSING
    order = [o.value for o in field.options or []]

    def position(item: Any) -> int:
        return next((i for i, v in enumerate(order) if same(v, item)), len(order))

    return sorted(picked, key=position)  # stable: unknown values keep their order, last


def _address(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    out = dict(value)
    if "postal_code" in out:
        code = out["postal_code"]
        out["postal_code"] = _digits(code) if isinstance(code, str) else (str(code) if isinstance(code, int) else code)
    for key in ("road_address", "detail"):
        if key in out:
            cleaned = _text(out[key], multiline=False)
            if cleaned is _MISSING:
                del out[key]
            else:
                out[key] = cleaned
    if not any(is_answered(v) for v in out.values()):
        return _MISSING
    return out


def _value(field: Field, index: FieldIndex, value: Any) -> Any:
    t = field.type
    if value is None:
        return _MISSING
    if t is FieldType.TEXT:
        return _text(value, multiline=False)
    if t is FieldType.LONG_TEXT:
        return _text(value, multiline=True)
    if t is FieldType.DATE:
        return _date(value)
    if t is FieldType.PHONE:
        return _phone(value)
    if t is FieldType.ADDRESS:
        return _address(value)
    if t is FieldType.SINGLE_CHOICE:
        return _choice(value)
    if t is FieldType.MULTIPLE_CHOICE:
        return _multiple(field, value)
    if t is FieldType.YES_NO:
        return _yes_no(value)
    if t in (FieldType.NUMBER, FieldType.LIKERT):
        return _number(value)
    if t is FieldType.GROUP:
        return _group(field, index, value)
    return value  # read-only types: left for validate_answers to report


def _group(field: Field, index: FieldIndex, value: Any) -> Any:
    if not isinstance(value, list | tuple):
        return value
    subs = index.group_fields.get(field.id, {})
    rows = []
    for row in value:
        if not isinstance(row, dict):
            rows.append(row)
            continue
        out = {}
        for key, sub_value in row.items():
            key = nfc(str(key)).strip()
            entry = subs.get(key)
            cleaned = _value(entry.field, index, sub_value) if entry else _generic(sub_value)
            if cleaned is not _MISSING:
                out[key] = cleaned
        if out:  # an empty row is no row
            rows.append(out)
    return rows if rows else _MISSING


def _generic(value: Any) -> Any:
    if isinstance(value, str):
        return _text(value, multiline=True)
    return value


def normalise_answers(form: FormDefinition, answers: dict[str, Any]) -> dict[str, Any]:
    """A cleaned copy: NFC text without control characters, trimmed; phone and postal codes
    as digits; dates as YYYY-MM-DD; numbers as int/float; yes/no as bool; choices in option
    order. Empty values are dropped (an empty answer is no answer). Unknown keys are kept so
    validate_answers can report them. Idempotent."""
    index = field_index(form)
    out: dict[str, Any] = {}
    for key, value in answers.items():
        key = nfc(str(key)).strip()
        entry = index.entries.get(key)
        cleaned = _value(entry.field, index, value) if entry else _generic(value)
        if cleaned is not _MISSING:
            out[key] = cleaned
    return out


def prune_hidden(form: FormDefinition, answers: dict[str, Any]) -> dict[str, Any]:
    """Drop answers of fields that are hidden (show_if false) and of hidden group sub-fields.

    Call before saving: an answer the counsellor can no longer see should not be kept.
    """
    vis = Visibility(form, answers)
    index = vis.index
    out = {}
    for key, value in answers.items():
        entry = index.entries.get(key)
        if entry is not None and not vis.visible(key):
            continue
        if entry is not None and entry.field.type is FieldType.GROUP and isinstance(value, list):
            value = [
                {k: v for k, v in row.items() if k not in index.group_fields[key] or vis.row_visible(key, row, k)}
                if isinstance(row, dict) else row
                for row in value
            ]
        out[key] = value
    return out


def visible_field_ids(form: FormDefinition, answers: dict[str, Any]) -> list[str]:
    vis = Visibility(form, answers)
    return [fid for fid in vis.index.entries if vis.visible(fid)]


# -- validating --------------------------------------------------------------------------

def validate_answers(form: FormDefinition, answers: dict[str, Any], *, partial: bool = False,
                     today: date | None = None) -> list[AnswerProblem]:
    """Every problem with the answers, in form order.

    partial=True is for drafts: required fields (and the risk override reason) may be
    empty, but whatever is filled in must be valid. Hidden fields are never required;
    answers to hidden fields are not errors (prune_hidden removes them before saving).
    """
    if not isinstance(answers, dict):
        raise TypeError("answers must be a dict {field_id: value}")
    today = today or dates.today()
    vis = Visibility(form, answers)
    index = vis.index
    problems: list[AnswerProblem] = []
    for key in answers:
        entry = index.entries.get(key)
        if entry is None:
            problems.append(_p(key, "unknown_field", {}, f"'{key}' is not a field of {form.id} v{form.version}"))
        elif not entry.answerable:
            problems.append(_p(key, "read_only", {"type": entry.field.type.value},
                               f"'{key}' is a {entry.field.type.value} field and takes no answer"))
    for fid, entry in index.entries.items():
        if not entry.answerable:
            continue
        value = answers.get(fid)
        if not is_answered(value):
            if entry.field.required and not partial and vis.visible(fid):
                problems.append(_p(fid, "required", {}, f"'{fid}' is required"))
            continue
        if entry.field.type is FieldType.GROUP:
            problems.extend(_check_group(entry.field, value, vis, partial, today))
        else:
            problems.extend(_check_value(fid, entry.field, value, today, entry.form))
    if not partial and form.risk is not None:
        from intake_desktop.formdefs.risk import check_risk_override  # risk imports answers

        problems.extend(check_risk_override(form, answers))
    return problems


def _p(field_id: str, code: str, params: dict[str, Any], message: str) -> AnswerProblem:
    return AnswerProblem(field_id, code, params, message)


def _check_group(field: Field, rows: Any, vis: Visibility, partial: bool, today: date) -> list[AnswerProblem]:
    fid = field.id
    if not isinstance(rows, list):
        return [_p(fid, "bad_type", {"expected": "list"}, f"'{fid}' must be a list of rows")]
    problems = _check_count(fid, len(rows), field)
    subs = vis.index.group_fields.get(fid, {})
    for i, row in enumerate(rows):
        where = f"{fid}[{i}]"
        if not isinstance(row, dict):
            problems.append(_p(where, "bad_type", {"expected": "dict"}, f"row {i} of '{fid}' must be a mapping"))
            continue
        for key in row:
            if key not in subs:
                problems.append(_p(f"{where}.{key}", "unknown_field", {}, f"'{key}' is not a field of group '{fid}'"))
        for sub_id, sub in subs.items():
            value = row.get(sub_id)
            if not is_answered(value):
                if sub.field.required and not partial and vis.row_visible(fid, row, sub_id):
                    problems.append(_p(f"{where}.{sub_id}", "required", {}, f"'{sub_id}' is required in row {i} of '{fid}'"))
                continue
            problems.extend(_check_value(f"{where}.{sub_id}", sub.field, value, today, sub.form))
    return problems


def _check_count(fid: str, count: int, field: Field) -> list[AnswerProblem]:
    v = field.validation
    if v is None:
        return []
    if v.min_items is not None and count < v.min_items:
        return [_p(fid, "too_few_items", {"min": v.min_items, "actual": count}, f"'{fid}' needs at least {v.min_items}")]
    if v.max_items is not None and count > v.max_items:
        return [_p(fid, "too_many_items", {"max": v.max_items, "actual": count}, f"'{fid}' allows at most {v.max_items}")]
    return []


def _check_value(fid: str, field: Field, value: Any, today: date, form: FormDefinition) -> list[AnswerProblem]:
    t = field.type
    v = field.validation
    if t in (FieldType.TEXT, FieldType.LONG_TEXT):
        if not isinstance(value, str):
            return [_p(fid, "bad_type", {"expected": "text"}, f"'{fid}' must be text")]
        problems = []
        if v and v.min_length is not None and len(value) < v.min_length:
            problems.append(_p(fid, "too_short", {"min": v.min_length, "actual": len(value)},
                               f"'{fid}' must be at least {v.min_length} characters"))
        if v and v.max_length is not None and len(value) > v.max_length:
            problems.append(_p(fid, "too_long", {"max": v.max_length, "actual": len(value)},
                               f"'{fid}' must be at most {v.max_length} characters"))
        if v and v.pattern and not re.fullmatch(v.pattern, value):
            problems.append(_p(fid, "pattern_mismatch", {"pattern": v.pattern}, f"'{fid}' is not in the expected format"))
        return problems
    if t is FieldType.DATE:
        return _check_date(fid, value, v, today)
    if t is FieldType.PHONE:
        ok = isinstance(value, str) and (_MOBILE.match(value) or (field.phone_kind == "any" and _OTHER_PHONE.match(value)))
        if not ok:
            kind = "mobile" if field.phone_kind == "mobile" else "Korean phone"
            return [_p(fid, "bad_phone", {"kind": field.phone_kind}, f"'{fid}' is not a valid {kind} number")]
        return []
    if t is FieldType.ADDRESS:
        return _check_address(fid, value)
    if t is FieldType.SINGLE_CHOICE:
        return _check_choice(fid, field, [value]) if not isinstance(value, list | dict) else \
            [_p(fid, "bad_type", {"expected": "one value"}, f"'{fid}' takes one choice")]
    if t is FieldType.MULTIPLE_CHOICE:
        if not isinstance(value, list):
            return [_p(fid, "bad_type", {"expected": "list"}, f"'{fid}' must be a list of choices")]
        problems = _check_choice(fid, field, value) + _check_count(fid, len(value), field)
        exclusive = [o.value for o in field.options or [] if o.exclusive]
        if len(value) > 1 and any(same(x, e) for x in value for e in exclusive):
            problems.append(_p(fid, "exclusive_choice", {"exclusive": exclusive},
                               f"'{fid}': {exclusive} cannot be combined with other choices"))
        return problems
    if t is FieldType.YES_NO:
        return [] if isinstance(value, bool) else [_p(fid, "bad_type", {"expected": "yes_no"}, f"'{fid}' must be yes or no")]
    if t is FieldType.NUMBER:
        return _check_number(fid, value, v)
    if t is FieldType.LIKERT:
        if isinstance(value, bool) or not isinstance(value, int):
            return [_p(fid, "bad_type", {"expected": "integer"}, f"'{fid}' must be one of the answer values")]
        # instrument items usually share the instrument's answer_options
        allowed = [o.value for o in (field.options or form.answer_options or [])]
        return [] if value in allowed else [
            _p(fid, "out_of_range", {"allowed": allowed, "actual": value}, f"'{fid}' must be one of {allowed}")]
    return []


def _check_date(fid: str, value: Any, v: Any, today: date) -> list[AnswerProblem]:
    try:
        if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        parsed = date.fromisoformat(value)
    except ValueError:
        return [_p(fid, "bad_date", {"value": str(value)[:40]}, f"'{fid}' must be a date (YYYY-MM-DD)")]
    if v is not None:
        lo = today if v.min_date == "today" else v.min_date
        hi = today if v.max_date == "today" else v.max_date
        if (lo and parsed < lo) or (hi and parsed > hi):
            return [_p(fid, "date_out_of_range", {"min": lo and lo.isoformat(), "max": hi and hi.isoformat()},
                       f"'{fid}' must be between {lo or '-'} and {hi or '-'}")]
    return []


def _check_address(fid: str, value: Any) -> list[AnswerProblem]:
    if not isinstance(value, dict):
        return [_p(fid, "bad_address", {}, f"'{fid}' must have postal_code, road_address and optional detail")]
    problems = []
    extra = set(value) - {"postal_code", "road_address", "detail"}
    if extra:
        problems.append(_p(fid, "bad_address", {"unknown": sorted(extra)}, f"'{fid}' has unknown parts {sorted(extra)}"))
    code = value.get("postal_code")
    if not isinstance(code, str) or not _POSTAL_CODE.match(code):
        problems.append(_p(fid, "bad_postal_code", {"value": code}, f"'{fid}' needs a 5-digit postal code"))
    road = value.get("road_address")
    if not isinstance(road, str) or not road.strip():
        problems.append(_p(fid, "bad_address", {"missing": "road_address"}, f"'{fid}' needs the road-name address"))
    elif len(road) > 200:
        problems.append(_p(fid, "too_long", {"max": 200, "part": "road_address"}, f"'{fid}' road address is too long"))
    detail = value.get("detail")
    if detail is not None and (not isinstance(detail, str) or len(detail) > 200):
        problems.append(_p(fid, "bad_address", {"part": "detail"}, f"'{fid}' detail must be text up to 200 characters"))
    return problems


def _check_choice(fid: str, field: Field, values: list[Any]) -> list[AnswerProblem]:
    allowed = [o.value for o in field.options or []]
    bad = [x for x in values if not any(same(x, a) for a in allowed)]
    if bad:
        return [_p(fid, "bad_choice", {"allowed": allowed, "actual": bad}, f"'{fid}': {bad} is not one of {allowed}")]
    return []


def _check_number(fid: str, value: Any, v: Any) -> list[AnswerProblem]:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:  # NaN
        return [_p(fid, "bad_type", {"expected": "number"}, f"'{fid}' must be a number")]
    if v is not None and v.integer and not float(value).is_integer():
        return [_p(fid, "not_integer", {}, f"'{fid}' must be a whole number")]
    if v is not None and ((v.min is not None and value < v.min) or (v.max is not None and value > v.max)):
        return [_p(fid, "out_of_range", {"min": v.min, "max": v.max, "actual": value},
                   f"'{fid}' must be between {v.min} and {v.max}")]
    return []
