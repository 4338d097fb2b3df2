"""Statistics for the district and the partnership: numbers, never names.

    report = session.stats.compute("2025-01", "2025-06")      # raw counts (stay in the program)
    published = report.suppressed()                            # what may leave it
    session.stats.export(report, Path("통계.pdf"))              # PDF or CSV, atomic, recorded

Who: supervisors and admins only (a counsellor gets DeniedError). The figures cover every case
of the centre; a counsellor reaches only their own cases, so their figures would be partial and
misleading, and deciding what leaves the centre is a supervisor's call. Producing a report
(PDF, CSV or the on-screen view) is recorded in the access log as `stats.report` with the
period and the format, never a name or a case.

What is counted (docs/statistics.md has the full definitions):
- a case's *intake date* is the `intake_date` answer of its first intake record, else the
  day the case was created (Korea time); "new intakes" are cases whose intake date falls in
  the period; their age, isolation type, duration, risk level and referral source come from
  that first intake;
- the stage distribution is the caseload on the last day of the period: every case with an
  intake on or before that day, except cases already closed before the period began, each at
  the stage it had that day (from the case's stage history);
- referrals sent in the period, per partner, by their current status, with the median days
  from sending to the partner's reply; closures in the period by reason (the free-text reason
  is sorted into fixed categories by keywords and never copied); crisis alerts raised in the
  period and whether the counsellor confirmed the action taken.
- Demo cases are counted only when the vault holds no real case (the report then says so).

Small-cell suppression (the rule printed on every report, `RULE_KO`):
- a count of 1–4 is shown as "<5" (primary suppression); 0 stays 0;
- totals are true totals, and the same population (e.g. the period's new intakes) has the same
  total in every table, so a hidden cell could be worked out by subtraction. Therefore every
  hidden 1–4 count is checked against everything published — the other cells, the table's
  totals, the totals of the other tables of the same population, the "<5" and "*" marks — and,
  while any hidden count could be narrowed below "somewhere from 1 to 4", one more cell is
  hidden (complementary suppression, shown as "*"; such a cell holds 5 or more). The check is
  exact: interval arithmetic for one-way tables sharing a total, a feasible-flow test for the
  two-way referral table (rows, columns and the grand total at once). The cell chosen is the
  smallest one that protects the hidden count on its own, preferring cells in the same row,
  column or table; if none does, the one that widens the possible range most.
- a median is shown only when it rests on 5 or more replies.

Speed: one pass over the vault, reading only the few keys each figure needs out of each
decrypted document (see `_pick`), so 100k cases take a few seconds (benchmarks/stats_bench.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import secrets
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable, Iterable, Sequence

from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.domain.cases import age_on
from intake_desktop.domain.enums import Role, Stage
from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E
from intake_desktop.services import faults

KST = timezone(timedelta(hours=9))  # Korea has had no daylight saving time since 1988
MAX_MONTHS = 120
SMALL_MAX = 4  # counts 1..SMALL_MAX are hidden
MEDIAN_MIN = 5  # a median needs at least this many values
PRIMARY = "<5"
SECONDARY = "*"
NOT_SHOWN = "–"
FORMATS = ("pdf", "csv")

MSG_BAD_MONTH = QT_TRANSLATE_NOOP("Errors", "{value} is not a month; write it as YYYY-MM (for example 2025-05).")
MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP("Errors", "The period ends ({end}) before it starts ({start}).")
MSG_PERIOD_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "A report covers at most {max} months.")
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP("Errors", "A report is saved as .pdf or .csv, not {suffix}.")


# =============================================================================================
# Labels: an English source string for the screen (translated by Qt, context "Stats") and the
# Korean wording printed on the PDF and CSV, which always go out in Korean.

@dataclass(frozen=True)
class Label:
    key: str
    source: str
    ko: str
    translatable: bool = True  # False: a proper name (a partner institution), shown as `ko`


def _labels(*items: tuple[str, str, str]) -> tuple[Label, ...]:
    return tuple(Label(*item) for item in items)


AGE_BANDS = _labels(
    ("19_24", QT_TRANSLATE_NOOP("Stats", "19–24"), "19~24세"),
    ("25_29", QT_TRANSLATE_NOOP("Stats", "25–29"), "25~29세"),
    ("30_34", QT_TRANSLATE_NOOP("Stats", "30–34"), "30~34세"),
    ("35_39", QT_TRANSLATE_NOOP("Stats", "35–39"), "35~39세"),
    ("other", QT_TRANSLATE_NOOP("Stats", "Other ages or unknown"), "그 외·미상"),
)
ISOLATION_TYPES = _labels(
    ("reclusive", QT_TRANSLATE_NOOP("Stats", "Reclusive"), "은둔"),
    ("isolated", QT_TRANSLATE_NOOP("Stats", "Isolated (not reclusive)"), "고립"),
    ("neither", QT_TRANSLATE_NOOP("Stats", "Criteria not met"), "기준 미충족"),
    ("unknown", QT_TRANSLATE_NOOP("Stats", "Not recorded"), "미기재"),
)
DURATION_BANDS = _labels(
    ("lt6", QT_TRANSLATE_NOOP("Stats", "Under 6 months"), "6개월 미만"),
    ("6_11", QT_TRANSLATE_NOOP("Stats", "6–11 months"), "6~11개월"),
    ("12_35", QT_TRANSLATE_NOOP("Stats", "12–35 months"), "12~35개월"),
    ("36_59", QT_TRANSLATE_NOOP("Stats", "36–59 months"), "36~59개월"),
    ("60plus", QT_TRANSLATE_NOOP("Stats", "60 months or more"), "60개월 이상"),
    ("unknown", QT_TRANSLATE_NOOP("Stats", "Not recorded"), "미기재"),
)
RISK_LEVELS = _labels(
    ("urgent", QT_TRANSLATE_NOOP("Stats", "Urgent"), "긴급"),
    ("high", QT_TRANSLATE_NOOP("Stats", "High"), "고"),
    ("medium", QT_TRANSLATE_NOOP("Stats", "Medium"), "중"),
    ("low", QT_TRANSLATE_NOOP("Stats", "Low"), "저"),
    ("unknown", QT_TRANSLATE_NOOP("Stats", "Not set"), "미정"),
)
REFERRAL_SOURCES = _labels(
    ("self", QT_TRANSLATE_NOOP("Stats", "Self"), "본인"),
    ("family", QT_TRANSLATE_NOOP("Stats", "Family"), "가족"),
    ("institution", QT_TRANSLATE_NOOP("Stats", "Institution"), "기관 의뢰"),
    ("district_outreach", QT_TRANSLATE_NOOP("Stats", "District outreach"), "자치구 발굴"),
    ("police", QT_TRANSLATE_NOOP("Stats", "Police"), "경찰"),
    ("hotline", QT_TRANSLATE_NOOP("Stats", "Hotline"), "상담전화"),
    ("other", QT_TRANSLATE_NOOP("Stats", "Other"), "기타"),
    ("unknown", QT_TRANSLATE_NOOP("Stats", "Not recorded"), "미기재"),
)
STAGES = _labels(
    (Stage.INTAKE.value, QT_TRANSLATE_NOOP("Stats", "Intake"), "접수·초기상담"),
    (Stage.ASSESSMENT.value, QT_TRANSLATE_NOOP("Stats", "Assessment"), "사정"),
    (Stage.PLANNING.value, QT_TRANSLATE_NOOP("Stats", "Service plan"), "서비스 계획"),
    (Stage.REFERRAL.value, QT_TRANSLATE_NOOP("Stats", "Referral"), "연계·의뢰"),
    (Stage.MONITORING.value, QT_TRANSLATE_NOOP("Stats", "Monitoring"), "점검"),
    (Stage.CLOSED.value, QT_TRANSLATE_NOOP("Stats", "Closed"), "종결"),
    (Stage.FOLLOW_UP.value, QT_TRANSLATE_NOOP("Stats", "Follow-up"), "사후관리"),
)
REFERRAL_STATUSES = _labels(
    ("sent", QT_TRANSLATE_NOOP("Stats", "Awaiting reply"), "회신 대기"),
    ("received", QT_TRANSLATE_NOOP("Stats", "Received"), "접수 확인"),
    ("in_service", QT_TRANSLATE_NOOP("Stats", "In service"), "서비스 중"),
    ("done", QT_TRANSLATE_NOOP("Stats", "Completed"), "완료"),
    ("declined", QT_TRANSLATE_NOOP("Stats", "Declined"), "거절"),
)
CLOSURE_REASONS = _labels(
    ("goal", QT_TRANSLATE_NOOP("Stats", "Goals reached"), "목표 달성"),
    ("work_study", QT_TRANSLATE_NOOP("Stats", "Work, study or training"), "취업·학업·훈련"),
    ("transferred", QT_TRANSLATE_NOOP("Stats", "Passed to another service"), "타 기관 연계·이관"),
    ("lost_contact", QT_TRANSLATE_NOOP("Stats", "Lost contact"), "연락 두절"),
    ("ended_by_person", QT_TRANSLATE_NOOP("Stats", "Ended at the person's wish"), "본인 중단 희망"),
    ("moved", QT_TRANSLATE_NOOP("Stats", "Moved away"), "이사·관할 외"),
    ("age", QT_TRANSLATE_NOOP("Stats", "Outside the age range"), "연령 초과"),
    ("other", QT_TRANSLATE_NOOP("Stats", "Other or not given"), "기타·미기재"),
)
CRISIS_OUTCOMES = _labels(
    ("confirmed", QT_TRANSLATE_NOOP("Stats", "Action confirmed"), "조치 확인"),
    ("open", QT_TRANSLATE_NOOP("Stats", "Awaiting confirmation"), "조치 확인 대기"),
)
COUNT_COLUMN = Label("count", QT_TRANSLATE_NOOP("Stats", "Count"), "수")
TOTAL = Label("total", QT_TRANSLATE_NOOP("Stats", "Total"), "계")
UNKNOWN_PARTNER = Label("unknown_partner", QT_TRANSLATE_NOOP("Stats", "Other institution"), "기타 기관")
PEOPLE = Label("people", QT_TRANSLATE_NOOP("Stats", "people"), "명")
ITEMS = Label("items", QT_TRANSLATE_NOOP("Stats", "cases"), "건")
MEDIAN_LABEL = Label("median", QT_TRANSLATE_NOOP("Stats", "Median days to reply"), "회신 소요일 중앙값")

# Keywords that sort a free-text closure reason into a category, tried in this order. Only the
# category ever leaves the program. A stored `reason_code` (one of the keys) wins if present.
_REASON_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lost_contact", ("연락두절", "연락 두절", "연락이 안", "연락 안 됨", "연락 끊", "연락이 끊", "두절", "lost contact",
                      "no contact", "unreachable")),
    ("ended_by_person", ("본인 거부", "거부", "원치 않", "원하지 않", "중단 희망", "중단을 원", "그만", "거절",
                         "declin", "refus", "withdr", "did not want", "doesn't want", "does not want")),
    ("moved", ("이사", "전출", "이주", "관할", "moved", "relocat")),
    ("age", ("연령", "나이 초과", "만 40", "만40", "age limit", "too old", "over 39")),
    ("transferred", ("타기관", "타 기관", "이관", "연계", "의뢰", "전원", "transfer", "referred", "handed over")),
    ("work_study", ("취업", "취직", "입사", "일자리", "근무", "아르바이트", "복학", "진학", "학업", "입학", "훈련",
                    "job", "work", "employ", "school", "study", "training")),
    ("goal", ("목표", "달성", "회복", "자립", "외출", "종결 기준", "goal", "achiev", "recover")),
)
_CLOSURE_KEYS = frozenset(label.key for label in CLOSURE_REASONS)

# How isolation type is read from the first intake (DOMAIN.md, national youth survey).
RECLUSIVE_GOING_OUT = frozenset({"errands_hobby_only", "nearby_only", "home_only", "room_only"})
RECLUSION_EXCLUSIONS = frozenset({"pregnancy_childbirth", "disability"})

RULE = QT_TRANSLATE_NOOP(
    "Stats",
    "Small numbers are hidden: a count of 1 to 4 is shown as \"<5\". So that a hidden count cannot be "
    "worked out by subtracting from a total or from the other tables, more cells are hidden where needed "
    "and shown as \"*\" (each of those is 5 or more). 0 is shown as 0. Totals are true totals; where cells "
    "are hidden, the visible cells add up to less. A median is shown only when it rests on 5 or more replies.",
)
RULE_KO = (
    "소표본 비공개 규칙: 1~4인 값은 '<5'로 표시합니다. 합계나 다른 표에서 빼는 방법으로 가려진 값을 "
    "알아낼 수 없도록, 필요한 경우 다른 칸도 함께 가리고 '*'로 표시합니다('*' 칸은 5 이상). 0은 그대로 0으로 "
    "표시합니다. 합계는 실제 합계이므로 가려진 칸이 있으면 보이는 칸의 합과 다릅니다. 중앙값은 회신이 5건 "
    "이상일 때만 표시합니다."
)
DEMO_NOTE = QT_TRANSLATE_NOOP("Stats", "Demonstration data: these figures describe made-up cases, not real people.")
DEMO_NOTE_KO = "시연용 가상 자료: 이 통계는 실제 인물이 아닌 가상 사례로 만든 것입니다."
EMPTY_NOTE = QT_TRANSLATE_NOOP("Stats", "There is no data for this period.")
EMPTY_NOTE_KO = "해당 기간에는 통계 자료가 없습니다."


# =============================================================================================
# Periods

def parse_month(value) -> tuple[int, int]:
    """'2025-05' (or a date, or (year, month)) -> (2025, 5); UsageError otherwise."""
    if isinstance(value, date):
        return value.year, value.month
    if isinstance(value, tuple) and len(value) == 2:
        year, month = value
    else:
        text = str(value).strip()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})", text)
        if not match:
            raise E.UsageError(MSG_BAD_MONTH, value=text)
        year, month = int(match.group(1)), int(match.group(2))
    if not (1900 <= int(year) <= 2999 and 1 <= int(month) <= 12):
        raise E.UsageError(MSG_BAD_MONTH, value=str(value))
    return int(year), int(month)


def _month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


@dataclass(frozen=True)
class Period:
    start: date  # first day of the first month
    end: date  # last day of the last month

    @classmethod
    def of(cls, start_month, end_month) -> "Period":
        (y1, m1), (y2, m2) = parse_month(start_month), parse_month(end_month)
        if (y2, m2) < (y1, m1):
            raise E.UsageError(MSG_PERIOD_ORDER, start=_month_key(y1, m1), end=_month_key(y2, m2))
        if (y2 - y1) * 12 + (m2 - m1) + 1 > MAX_MONTHS:
            raise E.UsageError(MSG_PERIOD_TOO_LONG, max=MAX_MONTHS)
        following = date(y2 + (m2 == 12), m2 % 12 + 1, 1)
        return cls(date(y1, m1, 1), following - timedelta(days=1))

    @property
    def start_month(self) -> str:
        return _month_key(self.start.year, self.start.month)

    @property
    def end_month(self) -> str:
        return _month_key(self.end.year, self.end.month)

    def months(self) -> list[tuple[int, int]]:
        out, (y, m) = [], (self.start.year, self.start.month)
        while (y, m) <= (self.end.year, self.end.month):
            out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def __contains__(self, day: date | None) -> bool:
        return day is not None and self.start <= day <= self.end

    def label_ko(self) -> str:
        first = f"{self.start.year}년 {self.start.month}월"
        last = f"{self.end.year}년 {self.end.month}월"
        return first if first == last else f"{first} ~ {last}"


def month_labels(period: Period) -> tuple[Label, ...]:
    months = period.months()
    one_year = period.start.year == period.end.year
    return tuple(
        Label(_month_key(y, m), _month_key(y, m), f"{m}월" if one_year else f"{y % 100:02d}.{m}", translatable=False)
        for y, m in months
    )


# =============================================================================================
# The raw report (counts stay inside the program)

@dataclass(frozen=True)
class Figure:
    """One table of counts. One-way tables have the single column COUNT_COLUMN; the referral
    table is two-way (partners x statuses) with row and column totals. `population` names the
    group of people or events the table splits up: tables of one population share one total."""

    key: str
    population: str
    title: Label
    unit: Label
    note: Label
    chart: str  # "vbar", "hbar" or "" (no chart)
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    counts: tuple[tuple[int, ...], ...] = field(repr=False)
    extra_label: Label | None = None
    extra: tuple[tuple[float | None, int], ...] = field(default=(), repr=False)  # (median, n) per row
    extra_total: tuple[float | None, int] | None = field(default=None, repr=False)

    @property
    def two_way(self) -> bool:
        return len(self.columns) > 1

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)

    @property
    def row_totals(self) -> tuple[int, ...]:
        return tuple(sum(row) for row in self.counts)

    @property
    def column_totals(self) -> tuple[int, ...]:
        return tuple(sum(row[j] for row in self.counts) for j in range(len(self.columns)))

    def count(self, row_key: str, column_key: str | None = None) -> int:
        i = [r.key for r in self.rows].index(row_key)
        j = 0 if column_key is None else [c.key for c in self.columns].index(column_key)
        return self.counts[i][j]

    def as_dict(self) -> dict:
        """{row key: count} (one-way) or {row key: {column key: count}} (two-way)."""
        if self.two_way:
            return {r.key: {c.key: row[j] for j, c in enumerate(self.columns)}
                    for r, row in zip(self.rows, self.counts)}
        return {r.key: row[0] for r, row in zip(self.rows, self.counts)}


POPULATION_NEW = "new_intakes"
POPULATION_CASELOAD = "caseload"
POPULATION_REFERRALS = "referrals"
POPULATION_CLOSURES = "closures"
POPULATION_CRISIS = "crisis_alerts"
POPULATIONS = (POPULATION_NEW, POPULATION_CASELOAD, POPULATION_REFERRALS, POPULATION_CLOSURES, POPULATION_CRISIS)
SUMMARY_LABELS = {
    POPULATION_NEW: Label(POPULATION_NEW, QT_TRANSLATE_NOOP("Stats", "New intakes"), "신규 접수"),
    POPULATION_CASELOAD: Label(POPULATION_CASELOAD, QT_TRANSLATE_NOOP("Stats", "Cases at the end of the period"),
                               "기간 말 관리 사례"),
    POPULATION_REFERRALS: Label(POPULATION_REFERRALS, QT_TRANSLATE_NOOP("Stats", "Referrals sent"), "연계 의뢰"),
    POPULATION_CLOSURES: Label(POPULATION_CLOSURES, QT_TRANSLATE_NOOP("Stats", "Closures"), "종결"),
    POPULATION_CRISIS: Label(POPULATION_CRISIS, QT_TRANSLATE_NOOP("Stats", "Crisis alerts raised"), "위기 알림 발생"),
}
SUMMARY_HANDLED = Label("crisis_confirmed", QT_TRANSLATE_NOOP("Stats", "Crisis alerts with action confirmed"),
                        "위기 알림 조치 확인")


@dataclass(frozen=True)
class StatsReport:
    """Raw figures for one period. Never written out as such: `suppressed()` is what leaves."""

    period: Period
    generated_on: date
    centre_name: str
    includes_demo: bool
    figures: tuple[Figure, ...] = field(repr=False)

    @property
    def start_month(self) -> str:
        return self.period.start_month

    @property
    def end_month(self) -> str:
        return self.period.end_month

    def figure(self, key: str) -> Figure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    def population_total(self, population: str) -> int:
        return next(f.total for f in self.figures if f.population == population)

    @property
    def is_empty(self) -> bool:
        return all(f.total == 0 for f in self.figures)

    def suppressed(self) -> "SuppressedReport":
        return suppress(self)


# =============================================================================================
# Reading the vault: one pass, only the keys the figures need

_DECODE = json.JSONDecoder().raw_decode


def _needles(*keys: str) -> tuple[tuple[str, str], ...]:
    return tuple((key, f'"{key}":') for key in keys)


def _pick(raw: bytes, needles: tuple[tuple[str, str], ...]) -> dict:
    """The values of a few top-level keys of a sealed JSON document, without parsing all of it.

    json.loads of every intake costs ~30 µs (3 s at 100k cases); finding the few keys needed and
    decoding just their values costs a fraction. Sound because: documents are written by
    FieldCipher.encrypt_json with compact separators, so a key is always `"key":`; inside a JSON
    string every quote is escaped, so `"key":` never occurs within a value's text; each value is
    read by the JSON decoder itself. The keys read here occur only at the top level of their
    documents (no nested object of a case, person or intake document uses these names), so the
    first occurrence is the one. tests/test_stats.py checks this against json.loads, including
    free text that quotes the keys.
    """
    text = raw.decode("utf-8", "surrogatepass")
    out: dict = {}
    for key, needle in needles:
        at = text.find(needle)
        if at >= 0:
            try:
                out[key] = _DECODE(text, at + len(needle))[0]
            except ValueError as exc:
                raise TamperedError("stored value is not a valid document") from exc
    return out


_CASE_KEYS = _needles("risk_level", "stage_history", "closure", "crisis_events")
_PERSON_KEYS = _needles("birth_date")
_INTAKE_KEYS = _needles(
    "intake_date", "going_out_frequency", "stay_home_exclusion", "isolation_months", "referral_source",
    "risk_level", "emotional_isolation", "physical_isolation",
)


def _day(value) -> date | None:
    if not value or not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _local_day(moment: datetime | None) -> date | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(KST).date()


_UNSET = object()


class _Case:
    """What the figures need about one case (nothing that names or describes the person)."""

    __slots__ = ("id", "person_id", "stage", "_created", "_closed", "birth", "risk", "history", "closure", "crisis",
                 "intake", "_intake_on")

    def __init__(self, case_id: str, person_id: str, stage: str, created, closed) -> None:
        self.id = case_id
        self.person_id = person_id
        self.stage = stage
        self._created = created  # the clear timestamps, parsed only when needed
        self._closed = closed
        self.birth: date | None = None
        self.risk = None
        self.history: list[tuple[date, str, str, str]] = []  # (on, from, to, reason)
        self.closure: dict | None = None
        self.crisis: list[tuple[date | None, bool]] = []  # (raised on, action confirmed)
        self.intake: dict | None = None  # the first intake's answers (set once)
        self._intake_on = _UNSET

    @property
    def created(self) -> date | None:
        return _local_day(_moment(self._created))

    @property
    def closed_on(self) -> date | None:
        return _local_day(_moment(self._closed))

    def stage_on(self, day: date) -> str:
        """The stage the case had at the end of `day`, from its stage history."""
        if not self.history:
            return self.stage
        stage = self.history[0][1] or self.stage
        for on, _from, to, _reason in self.history:
            if on is not None and on > day:
                break
            stage = to
        return stage

    @property
    def intake_date(self) -> date | None:
        if self._intake_on is _UNSET:
            answered = _day(self.intake.get("intake_date")) if self.intake else None
            self._intake_on = answered or self.created
        return self._intake_on


class _Referral:
    __slots__ = ("partner_id", "status", "sent_on", "reply_on")

    def __init__(self, partner_id: str, status: str, sent_on: date | None, reply_on: date | None) -> None:
        self.partner_id = partner_id
        self.status = status
        self.sent_on = sent_on
        self.reply_on = reply_on


def _history(value) -> list[tuple[date, str, str, str]]:
    if not isinstance(value, list):
        return []
    out = []
    for entry in value:
        if isinstance(entry, dict) and entry.get("to"):
            out.append((_day(entry.get("on")), str(entry.get("from") or ""), str(entry["to"]),
                        entry.get("reason_code") or entry.get("reason") or ""))
    # stable: same-day changes keep their recorded order; undated entries go first
    return sorted(out, key=lambda h: h[0] or date.min)


def _crisis(value) -> list[tuple[date | None, bool]]:
    if not isinstance(value, list):
        return []
    return [(_day(e.get("raised_on")), bool(e.get("action")) or bool(e.get("confirmed_on")))
            for e in value if isinstance(e, dict)]


def classify_closure(reason) -> str:
    """A closure reason (free text, or a category key) -> one CLOSURE_REASONS key."""
    text = str(reason or "").strip()
    if text in _CLOSURE_KEYS:
        return text
    lowered = text.lower()
    for key, words in _REASON_KEYWORDS:
        if any(word in lowered for word in words):
            return key
    return "other"


def _aad_builder(table: str) -> Callable[[str, int], bytes]:
    """associated_data(table, "data", place, version), without a function call's cost per row.
    Falls back to the real thing should its format ever change."""
    head = f"intake-desktop|{table}|data|"
    if associated_data(table, "data", "ROW", 7) != f"{head}ROW|7".encode():
        return lambda place, version: associated_data(table, "data", place, version)
    return lambda place, version: f"{head}{place}|{version}".encode()


def _moment(value) -> datetime | None:
    """A timestamp column as SQLite hands it over (text) or as a datetime."""
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _read_vault(session, period: Period, include_demo: bool | None,
                progress: Callable[[int, int], None] | None):
    """Decrypt, in one pass per table, the few values each figure needs.

    Plain SQL through the session's connection: the ORM's per-row work would double the time
    at 100k cases. Each sealed value is still opened with its full associated data (table,
    column, row, owner, version), so a moved or edited value is reported as damage. A person's
    document (for the birth date) is opened only for the period's new intakes.
    """
    decrypt = session.keyring.cipher("fields").decrypt
    case_aad, intake_aad, person_aad = (_aad_builder(t) for t in ("case_file", "intake_record", "person"))
    cases: dict[str, _Case] = {}
    referrals: list[_Referral] = []
    with faults.storage_errors(session.vault.db_path), session.db() as db:
        sql = db.connection().exec_driver_sql
        if include_demo is None:
            include_demo = not sql("SELECT count(*) FROM case_file WHERE is_demo = 0").scalar_one()
        where = "" if include_demo else " WHERE is_demo = 0"
        total = sql("SELECT count(*) FROM case_file" + where).scalar_one()
        steps = 3 * total or 1
        try:
            for done, (cid, pid, stage, created, closed, version, data) in enumerate(sql(
                    "SELECT id, person_id, stage, created_at, closed_at, version, data FROM case_file" + where), 1):
                case = cases[cid] = _Case(cid, pid, stage, created, closed)
                doc = _pick(decrypt(data, case_aad(f"{cid}@{pid}", version)), _CASE_KEYS)
                case.risk = doc.get("risk_level")
                if len(doc) > 1:
                    case.history = _history(doc.get("stage_history"))
                    case.closure = doc["closure"] if isinstance(doc.get("closure"), dict) else None
                    case.crisis = _crisis(doc.get("crisis_events"))
                if progress and done % 5000 == 0:
                    progress(done, steps)

            # The first intake of each case: its answers describe the person at intake.
            first: dict[str, tuple] = {}
            for rid, cid, created, version, data in sql(
                    "SELECT id, case_id, created_at, version, data FROM intake_record"):
                if cid in cases:
                    key = (created, rid)
                    held = first.get(cid)
                    if held is None or key < held[0]:
                        first[cid] = (key, rid, version, data)
            for done, (cid, (_key, rid, version, data)) in enumerate(first.items(), 1):
                cases[cid].intake = _pick(
                    decrypt(data, intake_aad(f"{rid}@{cid}", version)), _INTAKE_KEYS)
                if progress and done % 5000 == 0:
                    progress(total + done, steps)
            del first

            # Birth dates, for the period's new intakes only.
            wanted: dict[str, list[_Case]] = defaultdict(list)
            for case in cases.values():
                if case.intake_date in period:
                    wanted[case.person_id].append(case)
            done = 0
            for pid, version, data in sql("SELECT id, version, data FROM person"):
                owners = wanted.pop(pid, None)
                if owners is None:
                    continue
                person = _pick(decrypt(data, person_aad(pid, version)), _PERSON_KEYS)
                for case in owners:
                    case.birth = _day(person.get("birth_date"))
                done += 1
                if progress and done % 5000 == 0:
                    progress(2 * total + done, steps)
            if wanted:  # a case whose person row is missing
                raise E.DamagedError()

            for rid, cid, version, status, created, data in sql(
                    "SELECT id, case_id, version, status, created_at, data FROM referral WHERE status != 'draft'"):
                if cid not in cases:
                    continue
                try:
                    doc = json.loads(decrypt(data, associated_data("referral", "data", f"{rid}@{cid}", version))
                                     .decode("utf-8", "surrogatepass"))
                except ValueError as exc:
                    raise E.DamagedError() from exc
                if doc.get("status") != status:  # the clear status disagrees with the sealed one
                    raise E.DamagedError()
                reply = doc.get("reply") if isinstance(doc.get("reply"), dict) else {}
                referrals.append(_Referral(str(doc.get("partner_id") or ""), status,
                                           _day(doc.get("sent_on")) or _local_day(_moment(created)),
                                           _day(reply.get("date"))))
        except TamperedError as exc:
            raise E.DamagedError() from exc
    if progress:
        progress(steps, steps)
    return list(cases.values()), referrals, include_demo


# =============================================================================================
# Counting

def _age_band(birth: date | None, on: date | None) -> str:
    if birth is None or on is None:
        return "other"
    age = age_on(birth, on)
    if 19 <= age <= 24:
        return "19_24"
    if 25 <= age <= 29:
        return "25_29"
    if 30 <= age <= 34:
        return "30_34"
    if 35 <= age <= 39:
        return "35_39"
    return "other"


def _isolation_type(answers: dict | None) -> str:
    going_out = (answers or {}).get("going_out_frequency")
    if not going_out:
        return "unknown"
    if going_out in RECLUSIVE_GOING_OUT and answers.get("stay_home_exclusion") not in RECLUSION_EXCLUSIONS:
        return "reclusive"
    if answers.get("emotional_isolation") is True or answers.get("physical_isolation") is True:
        return "isolated"
    return "neither"


def _duration_band(answers: dict | None) -> str:
    months = (answers or {}).get("isolation_months")
    if isinstance(months, bool) or not isinstance(months, (int, float)) or months < 0:
        return "unknown"
    if months < 6:
        return "lt6"
    if months < 12:
        return "6_11"
    if months < 36:
        return "12_35"
    if months < 60:
        return "36_59"
    return "60plus"


_RISK_KEYS = frozenset(label.key for label in RISK_LEVELS)
_SOURCE_KEYS = frozenset(label.key for label in REFERRAL_SOURCES)
_CLOSED_STAGES = (Stage.CLOSED.value, Stage.FOLLOW_UP.value)


def _choice(value, keys: frozenset, fallback: str) -> str:
    return value if isinstance(value, str) and value in keys else fallback


def _one_way(key: str, population: str, title: Label, unit: Label, note: Label, chart: str,
             rows: Sequence[Label], counter: Counter) -> Figure:
    return Figure(key, population, title, unit, note, chart, tuple(rows), (COUNT_COLUMN,),
                  tuple((counter.get(r.key, 0),) for r in rows))


def _median(values: list[int]) -> tuple[float | None, int]:
    return (statistics.median(values) if values else None), len(values)


def _closures(case: _Case, period: Period) -> list[str]:
    """Closure reason keys for the closures of this case that fall in the period."""
    if not case.history and case.stage not in _CLOSED_STAGES:
        return []
    from_history = [(on, reason) for on, _from, to, reason in case.history if to == Stage.CLOSED.value]
    if from_history:
        return [classify_closure(reason) for on, reason in from_history if on in period]
    if case.stage in _CLOSED_STAGES:
        closure = case.closure or {}
        on = _day(closure.get("on")) or case.closed_on
        if on in period:
            return [classify_closure(closure.get("reason_code") or closure.get("reason"))]
    return []


def tally(cases: Iterable[_Case], referrals: Iterable[_Referral], period: Period,
          partners: Sequence[tuple[str, str, str]]) -> tuple[Figure, ...]:
    """Every figure of the report from the extracted facts. `partners`: (id, ko name, en name)
    in directory order."""
    months, ages, types, durations, risks, sources = (Counter() for _ in range(6))
    stages, reasons, crisis = Counter(), Counter(), Counter()
    day_before = period.start - timedelta(days=1)
    start, end, closed = period.start, period.end, Stage.CLOSED.value
    for case in cases:
        intake_on = case.intake_date
        if intake_on is not None and intake_on <= end:
            if not (intake_on < start and case.stage_on(day_before) == closed):
                stages[case.stage_on(end)] += 1
            if intake_on >= start:
                answers = case.intake or {}
                months[(intake_on.year, intake_on.month)] += 1
                ages[_age_band(case.birth, intake_on)] += 1
                types[_isolation_type(answers)] += 1
                durations[_duration_band(answers)] += 1
                risks[_choice(answers.get("risk_level") or case.risk, _RISK_KEYS, "unknown")] += 1
                sources[_choice(answers.get("referral_source"), _SOURCE_KEYS, "unknown")] += 1
        if case.history or case.stage in _CLOSED_STAGES:
            for reason in _closures(case, period):
                reasons[reason] += 1
        for raised_on, confirmed in case.crisis:
            if raised_on in period:
                crisis["confirmed" if confirmed else "open"] += 1
    months = Counter({_month_key(y, m): n for (y, m), n in months.items()})

    # referrals: partners x statuses, and days from sending to the reply
    partner_rows = [Label(pid, ko, ko, translatable=False) for pid, ko, _en in partners]  # proper names
    known = {pid for pid, _ko, _en in partners}
    status_index = {label.key: j for j, label in enumerate(REFERRAL_STATUSES)}
    table: dict[str, list[int]] = defaultdict(lambda: [0] * len(REFERRAL_STATUSES))
    waits: dict[str, list[int]] = defaultdict(list)
    for referral in referrals:
        if referral.sent_on not in period or referral.status not in status_index:
            continue
        row = referral.partner_id if referral.partner_id in known else UNKNOWN_PARTNER.key
        table[row][status_index[referral.status]] += 1
        if referral.reply_on is not None and referral.reply_on >= referral.sent_on:
            waits[row].append((referral.reply_on - referral.sent_on).days)
    if UNKNOWN_PARTNER.key in table:
        partner_rows.append(UNKNOWN_PARTNER)
    all_waits = [d for row in partner_rows for d in waits.get(row.key, [])]

    new, caseload = POPULATION_NEW, POPULATION_CASELOAD
    return (
        _one_way("monthly", new, Label("monthly", QT_TRANSLATE_NOOP("Stats", "New intakes per month"), "월별 신규 접수"),
                 PEOPLE, Label("monthly", QT_TRANSLATE_NOOP("Stats", "By intake date."), "접수일 기준."),
                 "vbar", month_labels(period), months),
        _one_way("age", new, Label("age", QT_TRANSLATE_NOOP("Stats", "Age at intake"), "접수 시 연령대"), PEOPLE,
                 Label("age", QT_TRANSLATE_NOOP("Stats", "Full years on the intake date."), "접수일 기준 만 나이."),
                 "hbar", AGE_BANDS, ages),
        _one_way("isolation_type", new,
                 Label("isolation_type", QT_TRANSLATE_NOOP("Stats", "Isolated or reclusive"), "고립·은둔 구분"), PEOPLE,
                 Label("isolation_type", QT_TRANSLATE_NOOP(
                     "Stats", "Reclusive: goes out only for errands or less (pregnancy, childbirth and disability "
                              "excluded). Isolated: not reclusive, with emotional or physical isolation."),
                       "은둔: 취미·용무 외 외출 없음 이하(임신·출산·장애 제외). 고립: 은둔이 아니면서 정서적 또는 물리적 고립."),
                 "hbar", ISOLATION_TYPES, types),
        _one_way("isolation_duration", new,
                 Label("isolation_duration", QT_TRANSLATE_NOOP("Stats", "How long the isolation has lasted"),
                       "고립·은둔 기간"), PEOPLE,
                 Label("isolation_duration", QT_TRANSLATE_NOOP("Stats", "As told at intake."), "초기상담 응답 기준."),
                 "hbar", DURATION_BANDS, durations),
        _one_way("risk", new, Label("risk", QT_TRANSLATE_NOOP("Stats", "Risk level at intake"), "접수 시 위험도"),
                 PEOPLE, Label("risk", QT_TRANSLATE_NOOP("Stats", "As confirmed by the counsellor."),
                               "상담자가 확정한 위험도."),
                 "hbar", RISK_LEVELS, risks),
        _one_way("referral_source", new,
                 Label("referral_source", QT_TRANSLATE_NOOP("Stats", "How they came to the centre"), "접수 경로"),
                 PEOPLE, Label("referral_source", QT_TRANSLATE_NOOP("Stats", "From the intake form."), "초기상담지 기준."),
                 "hbar", REFERRAL_SOURCES, sources),
        _one_way("stage", caseload,
                 Label("stage", QT_TRANSLATE_NOOP("Stats", "Case-management stage at the end of the period"),
                       "기간 말 사례관리 단계"), PEOPLE,
                 Label("stage", QT_TRANSLATE_NOOP(
                     "Stats", "Cases with an intake on or before the last day, except those closed before the period."),
                       "기간 마지막 날까지 접수된 사례(기간 전에 종결된 사례 제외)의 그날 단계."),
                 "hbar", STAGES, stages),
        Figure("referrals", POPULATION_REFERRALS,
               Label("referrals", QT_TRANSLATE_NOOP("Stats", "Referrals per partner and outcome"), "연계 기관별 의뢰 결과"),
               ITEMS, Label("referrals", QT_TRANSLATE_NOOP(
                   "Stats", "Referrals sent in the period, by their status today; days from sending to the reply."),
                            "기간 중 발송한 의뢰의 현재 상태. 회신 소요일은 발송일부터 회신일까지."),
               "", tuple(partner_rows), REFERRAL_STATUSES,
               tuple(tuple(table.get(r.key, [0] * len(REFERRAL_STATUSES))) for r in partner_rows),
               MEDIAN_LABEL, tuple(_median(waits.get(r.key, [])) for r in partner_rows), _median(all_waits)),
        _one_way("closure_reason", POPULATION_CLOSURES,
                 Label("closure_reason", QT_TRANSLATE_NOOP("Stats", "Closures by reason"), "종결 사유"), ITEMS,
                 Label("closure_reason", QT_TRANSLATE_NOOP(
                     "Stats", "Closures in the period; reasons sorted into categories, never quoted."),
                       "기간 중 종결. 사유는 분류만 집계하며 내용은 옮기지 않음."),
                 "hbar", CLOSURE_REASONS, reasons),
        _one_way("crisis", POPULATION_CRISIS,
                 Label("crisis", QT_TRANSLATE_NOOP("Stats", "Crisis alerts"), "위기 알림"), ITEMS,
                 Label("crisis", QT_TRANSLATE_NOOP(
                     "Stats", "Alerts raised in the period, and whether the action taken has been confirmed."),
                       "기간 중 발생한 위기 알림과 조치 확인 여부."),
                 "", CRISIS_OUTCOMES, crisis),
    )


# =============================================================================================
# Suppression

class _Var:
    __slots__ = ("value", "state", "margin", "order", "constraints")

    def __init__(self, value: int, margin: bool, order: int) -> None:
        self.value = value
        self.margin = margin
        self.order = order
        self.state = PRIMARY if 1 <= value <= SMALL_MAX else ""
        self.constraints: set[int] = set()


class _Population:
    """The published numbers of one population and the sums that tie them together.

    One-way tables share the population total (their cells each add up to it). A two-way table
    is alone in its population: cells add up to row totals and column totals, which add up to
    the total. `feasible(var, value)` says whether a reader of the published report could not
    rule out `var == value`, knowing every published number, that "<5" means 1–4, that "*"
    means 5 or more, and that 0 means 0.
    """

    def __init__(self, total: int) -> None:
        self.vars: list[_Var] = []
        self.total = self._var(total, margin=True)
        self.one_way: list[list[_Var]] = []
        self.two_way: tuple[list[list[_Var]], list[_Var], list[_Var]] | None = None
        self._constraints = 0
        self.big = 10 * (total + SMALL_MAX + 1)  # above any count here: a bound the reader may assume

    def _var(self, value: int, margin: bool = False) -> _Var:
        var = _Var(value, margin, len(self.vars))
        self.vars.append(var)
        return var

    def _tie(self, members: Iterable[_Var]) -> None:
        self._constraints += 1
        for var in members:
            var.constraints.add(self._constraints)

    def add_one_way(self, counts: Sequence[int]) -> list[_Var]:
        assert self.two_way is None
        cells = [self._var(c) for c in counts]
        self._tie([self.total, *cells])
        self.one_way.append(cells)
        return cells

    def add_two_way(self, counts: Sequence[Sequence[int]],
                    n_columns: int) -> tuple[list[list[_Var]], list[_Var], list[_Var]]:
        assert self.two_way is None and not self.one_way
        cells = [[self._var(c) for c in row] for row in counts]
        rows = [self._var(sum(row), margin=True) for row in counts]
        columns = [self._var(sum(row[j] for row in counts), margin=True) for j in range(n_columns)]
        for i, row in enumerate(cells):
            self._tie([rows[i], *row])
        for j, column in enumerate(columns):
            self._tie([column, *(row[j] for row in cells)])
        self._tie([self.total, *rows])
        self._tie([self.total, *columns])
        self.two_way = (cells, rows, columns)
        return self.two_way

    # -- what a reader can deduce ----------------------------------------------------------------
    def _bounds(self, var: _Var, fixed: _Var | None, value: int) -> tuple[int, int]:
        if var is fixed:
            return value, value
        if var.state == PRIMARY:
            return 1, SMALL_MAX
        if var.state == SECONDARY:
            return SMALL_MAX + 1, self.big
        return var.value, var.value

    def feasible(self, fixed: _Var, value: int) -> bool:
        bounds = lambda var: self._bounds(var, fixed, value)  # noqa: E731
        if self.two_way is not None:
            return _two_way_feasible(*self.two_way, self.total, bounds)
        low, high = bounds(self.total)
        for cells in self.one_way:  # every table must reach the same total
            low = max(low, sum(bounds(c)[0] for c in cells))
            high = min(high, sum(bounds(c)[1] for c in cells))
        return low <= high

    def possible_small(self, var: _Var) -> int:
        return sum(self.feasible(var, v) for v in range(1, SMALL_MAX + 1))

    def protected(self, var: _Var) -> bool:
        # The feasible values of one count form an interval (one-way: a sum of boxes; two-way: a
        # network-flow polytope), so both ends being possible means every value 1..4 is.
        return self.feasible(var, 1) and self.feasible(var, SMALL_MAX)

    # -- complementary suppression ------------------------------------------------------------------
    def suppress(self) -> None:
        self._add_secondaries()
        # The greedy pass may hide more than needed (an early pick made redundant by a later
        # one): show again every "*" whose hiding no longer protects anything, largest first.
        for var in sorted((v for v in self.vars if v.state == SECONDARY), key=lambda v: (-v.value, v.order)):
            var.state = ""
            if not all(self.protected(v) for v in self.vars if v.state == PRIMARY):
                var.state = SECONDARY

    def _add_secondaries(self) -> None:
        while True:
            exposed = next((v for v in self.vars if v.state == PRIMARY and not self.protected(v)), None)
            if exposed is None:
                return
            candidates = [v for v in self.vars if v.state == "" and v.value > 0]
            if not candidates:
                return  # every non-zero number is hidden already: nothing more can be withheld
            candidates.sort(key=lambda v: (not (v.constraints & exposed.constraints), v.margin, v.value, v.order))
            chosen = None
            for candidate in candidates:
                candidate.state = SECONDARY
                fixed = self.protected(exposed)
                candidate.state = ""
                if fixed:
                    chosen = candidate
                    break
            if chosen is None:  # no single cell is enough: take the one that helps most, then go on
                best = -1
                for candidate in candidates:
                    candidate.state = SECONDARY
                    gain = self.possible_small(exposed)
                    candidate.state = ""
                    if gain > best:
                        best, chosen = gain, candidate
            chosen.state = SECONDARY


def _two_way_feasible(cells, rows, columns, total, bounds) -> bool:
    """Is there a table of integers within `bounds` whose rows, columns and total add up?

    The table is a circulation: source -> row i (row total), row i -> column j (cell),
    column j -> sink (column total), sink -> source (grand total). A circulation with lower and
    upper bounds exists iff a max flow saturates the lower bounds' demands (Hoffman).
    """
    n_rows, n_cols = len(rows), len(columns)
    source, sink = 0, n_rows + n_cols + 1
    edges = [(source, 1 + i, bounds(rows[i])) for i in range(n_rows)]
    edges += [(1 + i, 1 + n_rows + j, bounds(cells[i][j])) for i in range(n_rows) for j in range(n_cols)]
    edges += [(1 + n_rows + j, sink, bounds(columns[j])) for j in range(n_cols)]
    edges.append((sink, source, bounds(total)))
    nodes = sink + 3
    super_source, super_sink = sink + 1, sink + 2
    excess = [0] * nodes
    graph = _FlowGraph(nodes)
    for u, v, (low, high) in edges:
        if low > high:
            return False
        if high > low:
            graph.add(u, v, high - low)
        excess[v] += low
        excess[u] -= low
    need = 0
    for node, amount in enumerate(excess):
        if amount > 0:
            graph.add(super_source, node, amount)
            need += amount
        elif amount < 0:
            graph.add(node, super_sink, -amount)
    return graph.max_flow(super_source, super_sink) == need


class _FlowGraph:
    """Edmonds–Karp on a handful of nodes (a partner-by-status table)."""

    def __init__(self, nodes: int) -> None:
        self.adjacent: list[list[int]] = [[] for _ in range(nodes)]
        self.to: list[int] = []
        self.capacity: list[int] = []

    def add(self, u: int, v: int, capacity: int) -> None:
        self.adjacent[u].append(len(self.to))
        self.to.append(v)
        self.capacity.append(capacity)
        self.adjacent[v].append(len(self.to))
        self.to.append(u)
        self.capacity.append(0)

    def max_flow(self, source: int, sink: int) -> int:
        flow = 0
        while True:
            via = [-1] * len(self.adjacent)
            via[source] = -2
            queue = [source]
            for u in queue:
                for e in self.adjacent[u]:
                    v = self.to[e]
                    if via[v] == -1 and self.capacity[e] > 0:
                        via[v] = e
                        queue.append(v)
                if via[sink] != -1:
                    break
            if via[sink] == -1:
                return flow
            push, v = None, sink
            while v != source:
                e = via[v]
                push = self.capacity[e] if push is None else min(push, self.capacity[e])
                v = self.to[e ^ 1]
            v = sink
            while v != source:
                e = via[v]
                self.capacity[e] -= push
                self.capacity[e ^ 1] += push
                v = self.to[e ^ 1]
            flow += push


# =============================================================================================
# The published view

@dataclass(frozen=True)
class Shown:
    """A number as published: `value` is None when hidden; `mark` is "<5" or "*" then."""

    value: int | None
    mark: str = ""

    @property
    def text(self) -> str:
        return self.mark or str(self.value)

    @property
    def hidden(self) -> bool:
        return self.value is None


def _shown(var: _Var) -> Shown:
    return Shown(None, var.state) if var.state else Shown(var.value)


def _median_text(median: float | None, n: int) -> str:
    if median is None or n < MEDIAN_MIN:
        return NOT_SHOWN
    return f"{median:g}"


@dataclass(frozen=True)
class PublishedFigure:
    key: str
    population: str
    title: Label
    unit: Label
    note: Label
    chart: str
    rows: tuple[Label, ...]
    columns: tuple[Label, ...]
    cells: tuple[tuple[Shown, ...], ...]
    row_totals: tuple[Shown, ...] | None
    column_totals: tuple[Shown, ...] | None
    total: Shown
    extra_label: Label | None = None
    extra: tuple[str, ...] = ()
    extra_total: str = ""

    @property
    def two_way(self) -> bool:
        return len(self.columns) > 1

    def cell(self, row_key: str, column_key: str | None = None) -> Shown:
        i = [r.key for r in self.rows].index(row_key)
        j = 0 if column_key is None else [c.key for c in self.columns].index(column_key)
        return self.cells[i][j]

    def texts(self) -> dict:
        """{row key: text} (one-way) or {row key: {column key: text}} — handy in tests."""
        if self.two_way:
            return {r.key: {c.key: row[j].text for j, c in enumerate(self.columns)}
                    for r, row in zip(self.rows, self.cells)}
        return {r.key: row[0].text for r, row in zip(self.rows, self.cells)}


@dataclass(frozen=True)
class SuppressedReport:
    """Everything that may leave the program: no raw small count, no name, no free text."""

    period: Period
    generated_on: date
    centre_name: str
    includes_demo: bool
    is_empty: bool
    summary: tuple[tuple[Label, Shown], ...]
    figures: tuple[PublishedFigure, ...]

    def figure(self, key: str) -> PublishedFigure:
        for figure in self.figures:
            if figure.key == key:
                return figure
        raise KeyError(key)

    # -- outputs -----------------------------------------------------------------------------------
    def document(self):
        """The Korean document the PDF prints (letters.stats_report.StatsDocument)."""
        from intake_desktop.letters.stats_report import DocFigure, DocValue, StatsDocument

        def value(shown: Shown) -> DocValue:  # 12,345 on paper; the CSV keeps plain digits
            return DocValue(shown.mark or f"{shown.value:,}", shown.value)

        figures = []
        for f in self.figures:
            figures.append(DocFigure(
                key=f.key, title=f.title.ko, unit=f.unit.ko, note=f.note.ko, chart=f.chart,
                row_labels=tuple(r.ko for r in f.rows), column_labels=tuple(c.ko for c in f.columns),
                cells=tuple(tuple(value(c) for c in row) for row in f.cells),
                row_totals=tuple(value(v) for v in f.row_totals) if f.row_totals is not None else None,
                column_totals=tuple(value(v) for v in f.column_totals) if f.column_totals is not None else None,
                total=value(f.total), extra_label=f.extra_label.ko if f.extra_label else "",
                extra=f.extra, extra_total=f.extra_total,
            ))
        return StatsDocument(
            centre_name=self.centre_name, period_label=self.period.label_ko(),
            period_dates=f"{_dot(self.period.start)} ~ {_dot(self.period.end)}", generated_on=self.generated_on,
            rule=RULE_KO, demo_note=DEMO_NOTE_KO if self.includes_demo else "",
            empty_note=EMPTY_NOTE_KO if self.is_empty else "",
            summary=tuple((label.ko, value(shown)) for label, shown in self.summary),
            figures=tuple(figures), definitions=DEFINITIONS_KO,
        )

    def csv_rows(self) -> list[list[str]]:
        """[section, category, value] rows, Korean, hidden values as "<5" or "*"."""
        rows = [["구분", "항목", "값"],
                ["보고서", "기관", self.centre_name],
                ["보고서", "기간", f"{self.period.start_month} ~ {self.period.end_month}"],
                ["보고서", "작성일", _dot(self.generated_on)],
                ["보고서", "비공개 규칙", RULE_KO]]
        if self.includes_demo:
            rows.append(["보고서", "자료", DEMO_NOTE_KO])
        if self.is_empty:
            rows.append(["보고서", "자료", EMPTY_NOTE_KO])
        for label, shown in self.summary:
            rows.append(["요약", label.ko, shown.text])
        for f in self.figures:
            section = f"{f.title.ko}({f.unit.ko})"
            if f.two_way:
                for r, row, row_total in zip(f.rows, f.cells, f.row_totals):
                    for c, cell in zip(f.columns, row):
                        rows.append([section, f"{r.ko} / {c.ko}", cell.text])
                    rows.append([section, f"{r.ko} / {TOTAL.ko}", row_total.text])
                for c, column_total in zip(f.columns, f.column_totals):
                    rows.append([section, f"{TOTAL.ko} / {c.ko}", column_total.text])
            else:
                for r, row in zip(f.rows, f.cells):
                    rows.append([section, r.ko, row[0].text])
            rows.append([section, TOTAL.ko, f.total.text])
            if f.extra_label is not None:
                extra_section = f"{f.title.ko} - {f.extra_label.ko}(일)"
                for r, text in zip(f.rows, f.extra):
                    rows.append([extra_section, r.ko, text])
                rows.append([extra_section, "전체", f.extra_total])
        return rows

    def csv_bytes(self) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerows(self.csv_rows())
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")


DEFINITIONS_KO = (
    "기간: 시작 월 1일부터 끝 월 말일까지. 신규 접수는 첫 초기상담지의 접수일(없으면 사례 등록일) 기준입니다.",
    "연령대·고립·은둔 구분·기간·위험도·접수 경로: 기간 중 신규 접수 사례의 첫 초기상담 응답 기준입니다.",
    "은둔: 외출 정도가 '취미나 개인 용무가 있을 때만' 이하(임신·출산·장애가 주된 이유인 경우 제외). "
    "고립: 은둔이 아니면서 정서적 고립 또는 물리적 고립에 해당.",
    "사례관리 단계: 기간 마지막 날까지 접수된 사례 중 기간 시작 전에 종결된 사례를 뺀 사례의, 그날 기준 단계입니다.",
    "연계 의뢰: 기간 중 발송한 의뢰의 현재 상태이며, 회신 소요일은 발송일부터 협력기관 회신일까지의 일수입니다.",
    "종결 사유: 상담자가 적은 사유를 정해진 분류로만 집계하며, 사유 문장은 보고서에 옮기지 않습니다.",
    "위기 알림: 기간 중 발생한 알림 건수와, 그중 상담자가 취한 조치를 확인·기록한 건수입니다.",
    "이 보고서에는 이름, 연락처, 주소, 상담 내용 등 개인을 알아볼 수 있는 정보가 들어 있지 않습니다.",
)


def _dot(day: date) -> str:
    return f"{day.year}. {day.month}. {day.day}."


def suppress(report: StatsReport) -> SuppressedReport:
    """Apply the small-cell rule (module docstring) to every figure of the report."""
    published: dict[str, PublishedFigure] = {}
    totals: dict[str, Shown] = {}
    for population in dict.fromkeys(f.population for f in report.figures):
        figures = [f for f in report.figures if f.population == population]
        group = _Population(figures[0].total)
        built = []
        for f in figures:
            if f.two_way:
                built.append((f, group.add_two_way(f.counts, len(f.columns))))
            else:
                built.append((f, group.add_one_way([row[0] for row in f.counts])))
        group.suppress()
        totals[population] = _shown(group.total)
        for f, made in built:
            if f.two_way:
                cells, rows, columns = made
                shown_cells = tuple(tuple(_shown(v) for v in row) for row in cells)
                row_totals = tuple(_shown(v) for v in rows)
                column_totals = tuple(_shown(v) for v in columns)
            else:
                shown_cells = tuple((_shown(v),) for v in made)
                row_totals = column_totals = None
            published[f.key] = PublishedFigure(
                f.key, f.population, f.title, f.unit, f.note, f.chart, f.rows, f.columns, shown_cells, row_totals,
                column_totals, totals[population], f.extra_label,
                tuple(_median_text(m, n) for m, n in f.extra),
                _median_text(*f.extra_total) if f.extra_total else "",
            )
    summary = [(SUMMARY_LABELS[p], totals[p]) for p in POPULATIONS if p in totals]
    if "crisis" in published:
        summary.append((SUMMARY_HANDLED, published["crisis"].cell("confirmed")))
    return SuppressedReport(
        period=report.period, generated_on=report.generated_on, centre_name=report.centre_name,
        includes_demo=report.includes_demo, is_empty=report.is_empty, summary=tuple(summary),
        figures=tuple(published[f.key] for f in report.figures),
    )


# =============================================================================================
# The service

def format_of(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix.lstrip(".") not in FORMATS:
        raise E.UsageError(MSG_BAD_FORMAT, suffix=suffix or "''")
    return suffix.lstrip(".")


def write_atomically(path: Path, data: bytes) -> None:
    """A temporary file in the same folder, flushed to disk, then moved into place."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        raise faults.from_os_error(exc, path) from exc
    finally:
        try:
            temporary.unlink()
        except OSError:
            pass


class StatsService:
    """`session.stats`: supervisors and admins only."""

    def __init__(self, session) -> None:
        self._session = session

    def compute(self, start_month, end_month, *, today: date | None = None, include_demo: bool | None = None,
                progress: Callable[[int, int], None] | None = None) -> StatsReport:
        """Count everything for the months `start_month`..`end_month` ("YYYY-MM").

        `include_demo=None` counts demo cases only when the vault holds no real case.
        """
        self._session.require_role(Role.SUPERVISOR)
        period = Period.of(start_month, end_month)
        cases, referrals, with_demo = _read_vault(self._session, period, include_demo, progress)
        partners = [(p.id, p.label("ko"), p.label("en")) for p in self._session.partners.list(include_inactive=True)]
        figures = tally(cases, referrals, period, partners)
        del cases, referrals
        if self._session.is_locked:  # locked while counting: hand nothing out
            raise E.DeniedError(E.MSG_VAULT_LOCKED)
        return StatsReport(period=period, generated_on=today or datetime.now(KST).date(),
                           centre_name=self._session.centre.settings().name, includes_demo=with_demo,
                           figures=figures)

    # -- outputs (each recorded) ---------------------------------------------------------------
    def _record(self, report: StatsReport, fmt: str) -> None:
        self._session.audit.record("stats.report", details={
            "from": report.start_month, "to": report.end_month, "format": fmt, "demo": report.includes_demo})

    def render(self, report: StatsReport, fmt: str, *, record: bool = True) -> bytes:
        """The suppressed report as PDF or CSV bytes."""
        self._session.require_role(Role.SUPERVISOR)
        if fmt not in FORMATS:
            raise E.UsageError(MSG_BAD_FORMAT, suffix=fmt)
        published = report.suppressed()
        if fmt == "csv":
            data = published.csv_bytes()
        else:
            from intake_desktop.letters.stats_report import render_stats_pdf

            data = render_stats_pdf(published.document(), self._session.letters.fonts)
        if record:
            self._record(report, fmt)
        return data

    def export(self, report: StatsReport, path: Path) -> Path:
        """Write the report to `path` (format by extension), atomically; recorded."""
        fmt = format_of(path)
        data = self.render(report, fmt, record=False)
        write_atomically(Path(path), data)
        self._record(report, fmt)
        return Path(path)

    def record_view(self, report: StatsReport) -> None:
        """The statistics screen showed a report (recorded like a file)."""
        self._record(report, "screen")
