"""Which column of a centre's sheet fills which field: recognising headers, a mapping file.

A header is recognised (spaces, brackets' contents ignored where said, case ignored) as:
1. one of the common headers of Korean centres' sheets (HEADERS below: 성명/이름, 생년월일,
   휴대전화/연락처/전화번호, 주소, 우편번호, 담당자, 접수일, …) or their English forms;
2. a field id of the intake form (`intake_date`, `phq9_1`), or its Korean or English label
   (`접수 경로`, `Referral source`), so every question of the form can be filled from a column.
A mapping file (`--mapping MAP.json`, or the mapping step on screen) overrides that:
`{"columns": {"휴대폰 번호": "mobile", "D": "birth_date", "비고": null}}` — a key is a header
as written or a column letter; a value is a target (TARGETS, or a form field id), or null to
leave the column out. Columns that match nothing are left out and listed.

A resident registration number (주민등록번호) is never taken: a column whose header names one
refuses the whole file before a row is read (RrnColumnRefused); the centre records the birth
date only. A value that looks like one in any column is caught row by row (see sheet_import).

The header row is the first row, within the first MAX_HEADER_SEARCH, where at least two cells
are recognised (a title row such as "2025년 사례 명단" above the table is skipped), else the
first row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intake_desktop.crypto import untrusted_json
from intake_desktop.domain.korean import nfc
from intake_desktop.formdefs import FormDefinition
from intake_desktop.formdefs.fieldindex import field_index
from intake_desktop.formdefs.model import CHOICE_TYPES, READ_ONLY_TYPES, FieldType
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services.tabular import values as V
from intake_desktop.services.tabular.sources import Sheet, column_letter

MAX_HEADER_SEARCH = 10

MSG_RRN_COLUMN = QT_TRANSLATE_NOOP(
    "Errors", "Column {column} ({header}) holds resident registration numbers (주민등록번호). The centre records "
    "the birth date only: delete that column from the file (keep a 생년월일 column) and import again. "
    "Nothing was imported.")
MSG_BAD_MAPPING = QT_TRANSLATE_NOOP(
    "Errors", "The mapping file {path} cannot be used: {reason}. Write it as "
    "{{\"columns\": {{\"header or column letter\": \"field id\"}}}}.")
MSG_MAPPING_UNKNOWN_TARGET = QT_TRANSLATE_NOOP(
    "Errors", "The mapping file {path} names {target}, which is not a field that can be imported.")
MSG_MAPPING_NO_COLUMN = QT_TRANSLATE_NOOP(
    "Errors", "The mapping file {path} names the column {column}, which the sheet does not have.")
MSG_TWICE = QT_TRANSLATE_NOOP("Errors", "Columns {first} and {second} both fill {target}; leave one of them out.")

COUNSELLOR = "counsellor"  # the account the case is assigned to (담당자)

# Person fields and the counsellor: (target, kind). Form fields are added from the form.
TARGETS: dict[str, str] = {
    "name": V.TEXT, "birth_date": V.DATE, "gender": V.CHOICE, "mobile": V.PHONE,
    "address.postal_code": V.POSTAL, "address.road_address": V.TEXT, "address.detail": V.TEXT,
    "emergency_contact_name": V.TEXT, "emergency_contact_phone": V.PHONE, "preferred_contact": V.CHOICE,
    COUNSELLOR: V.ACCOUNT,
}

# Headers seen in centres' sheets (keys compared without spaces, case-folded).
HEADERS: dict[str, str] = {
    **dict.fromkeys(("성명", "이름", "대상자", "대상자명", "내담자", "내담자명", "name", "fullname"), "name"),
    **dict.fromkeys(("생년월일", "생일", "출생일", "birthdate", "dateofbirth", "dob", "birthday"), "birth_date"),
    **dict.fromkeys(("성별", "gender", "sex"), "gender"),
    **dict.fromkeys(("휴대전화", "휴대폰", "휴대전화번호", "휴대폰번호", "핸드폰", "핸드폰번호", "연락처", "전화번호",
                     "전화", "본인연락처", "mobile", "phone", "mobilephone", "cellphone"), "mobile"),
    **dict.fromkeys(("주소", "도로명주소", "거주지", "address", "roadaddress"), "address.road_address"),
    **dict.fromkeys(("상세주소", "addressdetail", "detail"), "address.detail"),
    **dict.fromkeys(("우편번호", "postalcode", "postcode", "zipcode", "zip"), "address.postal_code"),
    **dict.fromkeys(("보호자", "보호자명", "비상연락인", "비상연락처이름", "emergencycontact",
                     "emergencycontactname"), "emergency_contact_name"),
    **dict.fromkeys(("보호자연락처", "보호자전화번호", "비상연락처", "비상연락처전화번호",
                     "emergencyphone", "emergencycontactphone"), "emergency_contact_phone"),
    **dict.fromkeys(("담당자", "담당상담사", "담당상담자", "담당사회복지사", "담당", "counsellor", "counselor",
                     "caseworker"), COUNSELLOR),
    **dict.fromkeys(("접수일", "접수일자", "상담일", "초기상담일", "intakedate", "dateofintake"), "intake_date"),
}

# Headers that name a resident registration number: the file is refused.
_RRN_HEADER = re.compile(r"주민(등록)?번호|주민등록|residentregistration|^rrn|^ssn$")  # on header_key

_GENDER_WORDS = {"남": "male", "남자": "male", "m": "male", "여": "female", "여자": "female", "f": "female",
                 "무응답": "undisclosed", "응답안함": "undisclosed"}


def header_key(text: str) -> str:
    return re.sub(r"[\s_\-.:()\[\]*]", "", nfc(text)).casefold()


@dataclass(frozen=True)
class Column:
    index: int  # 0-based position in the row as read
    letter: str  # as the spreadsheet shows it
    header: str
    target: str | None  # None: left out
    kind: str = V.TEXT
    options: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def label(self) -> str:
        return f"{self.letter} ({self.header})" if self.header else self.letter


@dataclass(frozen=True)
class Mapping:
    header_row: int  # spreadsheet row number of the headers
    columns: tuple[Column, ...]

    @property
    def used(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.target)

    @property
    def unknown(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.target and c.header)

    def column_for(self, target: str) -> Column | None:
        return next((c for c in self.columns if c.target == target), None)


class RrnColumnRefused(E.UsageError):
    """A column holds resident registration numbers (by its header or its values)."""

    def __init__(self, column: str, header: str) -> None:
        super().__init__(MSG_RRN_COLUMN, column=column, header=header or "—")


def is_rrn_header(text: str) -> bool:
    return bool(_RRN_HEADER.search(header_key(text)))


class Targets:
    """What a column may fill: the person fields, the counsellor, and the form's questions."""

    def __init__(self, form: FormDefinition) -> None:
        self.kinds: dict[str, str] = dict(TARGETS)
        self.labels: dict[str, tuple[str, str]] = {}  # target -> (ko, en)
        self.options: dict[str, dict[str, str]] = {}
        self.by_header: dict[str, str] = {}
        index = field_index(form)
        for fid, entry in index.entries.items():
            f = entry.field
            if f.type in READ_ONLY_TYPES or f.type in (FieldType.GROUP, FieldType.ADDRESS):
                continue
            self.labels[fid] = (f.label.ko, f.label.en)
            if fid not in self.kinds:
                self.kinds[fid] = _kind_of(f.type)
            if f.type in CHOICE_TYPES and f.options:
                opts: dict[str, str] = {}
                for o in f.options:
                    for word in (str(o.value), o.label.ko, o.label.en):
                        opts.setdefault(V.option_key(word), str(o.value))
                self.options[fid] = opts
            for word in (fid, f.label.ko, f.label.en):
                self.by_header.setdefault(header_key(word), fid)
        self.options.setdefault("gender", {}).update({V.option_key(k): v for k, v in _GENDER_WORDS.items()})
        self.by_header.update(HEADERS)  # the centres' own words win over a form label

    def recognise(self, header: str) -> str | None:
        return self.by_header.get(header_key(header)) if header else None

    def column(self, index: int, letter: str, header: str, target: str | None) -> Column:
        if target is None:
            return Column(index, letter, header, None)
        return Column(index, letter, header, target, self.kinds[target], self.options.get(target, {}))


def _kind_of(field_type: FieldType) -> str:
    return {
        FieldType.LONG_TEXT: V.LONG_TEXT, FieldType.DATE: V.DATE, FieldType.PHONE: V.PHONE,
        FieldType.SINGLE_CHOICE: V.CHOICE, FieldType.MULTIPLE_CHOICE: V.MULTIPLE, FieldType.YES_NO: V.YES_NO,
        FieldType.NUMBER: V.NUMBER, FieldType.LIKERT: V.NUMBER,
    }.get(field_type, V.TEXT)


def find_header_row(sheet: Sheet, targets: Targets) -> int:
    """Index into sheet.rows of the header row (module docstring)."""
    for i, (_number, cells) in enumerate(sheet.rows[:MAX_HEADER_SEARCH]):
        texts = [V.cell_text(c) for c in cells if not V.is_blank(c)]
        if any(is_rrn_header(t) for t in texts) or sum(1 for t in texts if targets.recognise(t)) >= 2:
            return i
    return 0


def read_mapping_file(text: str, path: str) -> dict[str, str | None]:
    """{header or column letter: target or None} from a mapping file's text."""
    try:
        data = untrusted_json.loads(text)
    except untrusted_json.UntrustedJsonError as exc:
        raise E.UsageError(MSG_BAD_MAPPING, path=path, reason=str(exc)) from exc
    columns = data.get("columns") if isinstance(data, dict) else None
    if not isinstance(columns, dict) or not all(isinstance(v, str) or v is None for v in columns.values()):
        raise E.UsageError(MSG_BAD_MAPPING, path=path, reason="\"columns\"")
    return {nfc(str(k)).strip(): (nfc(v).strip() if isinstance(v, str) else None) for k, v in columns.items()}


def build_mapping(sheet: Sheet, targets: Targets, overrides: dict[str, str | None] | None = None,
                  *, source: str = "") -> Mapping:
    """The columns of `sheet` and what each fills. Raises RrnColumnRefused for an RRN header,
    UsageError for a mapping file that names an unknown target or column, or two columns that
    fill one field."""
    if not sheet.rows:
        return Mapping(1, ())
    at = find_header_row(sheet, targets)
    header_number, header_cells = sheet.rows[at]
    # the rows above the headers (a title) and the headers are not records (SheetImport.rows)
    width = max([len(header_cells)] + [len(cells) for _n, cells in sheet.rows[at + 1:at + 51]])
    overrides = dict(overrides or {})
    for target in overrides.values():
        if target is not None and target not in targets.kinds:
            raise E.UsageError(MSG_MAPPING_UNKNOWN_TARGET, path=source, target=target)
    letters = {column_letter(sheet.first_column + j): j for j in range(width)}
    headers = [V.cell_text(header_cells[j]) if j < len(header_cells) and not V.is_blank(header_cells[j]) else ""
               for j in range(width)]
    for key in overrides:
        if key not in letters and key not in headers:
            raise E.UsageError(MSG_MAPPING_NO_COLUMN, path=source, column=key)
    columns = []
    seen: dict[str, str] = {}
    for j in range(width):
        letter = column_letter(sheet.first_column + j)
        header = headers[j]
        if is_rrn_header(header):
            raise RrnColumnRefused(letter, header)
        if letter in overrides:
            target = overrides[letter]
        elif header in overrides:
            target = overrides[header]
        else:
            target = targets.recognise(header)
        if target is not None and target in seen:
            if letter in overrides or header in overrides:
                raise E.UsageError(MSG_TWICE, first=seen[target], second=letter, target=target)
            target = None  # a second 연락처 column: the first one counts, this one is listed as left out
        if target is not None:
            seen[target] = letter
        columns.append(targets.column(j, letter, header, target))
    return Mapping(header_number, tuple(columns))
