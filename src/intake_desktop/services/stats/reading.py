"""Reading the vault for statistics: one pass, only the keys the figures need."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime, timezone
from typing import Callable

from intake_desktop.domain.dates import SEOUL
from intake_desktop.services.stats.labels import _CLOSURE_KEYS, _REASON_KEYWORDS
from intake_desktop.services.stats.period import Period

from intake_desktop.crypto.errors import TamperedError
from intake_desktop.services import errors as E
from intake_desktop.services import faults

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
    return moment.astimezone(SEOUL).date()


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
    sealer = session.sealer
    open_bytes = sealer.open_bytes
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
                doc = _pick(open_bytes("case_file", cid, version, data, owner=pid), _CASE_KEYS)
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
                cases[cid].intake = _pick(open_bytes("intake_record", rid, version, data, owner=cid), _INTAKE_KEYS)
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
                person = _pick(open_bytes("person", pid, version, data), _PERSON_KEYS)
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
                doc = sealer.open("referral", rid, version, data, owner=cid)
                if not isinstance(doc, dict):
                    raise E.DamagedError()
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


