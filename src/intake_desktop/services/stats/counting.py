"""Counting the figures from what was read (pure)."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Iterable, Sequence

from intake_desktop.services.stats.labels import (
    AGE_BANDS,
    CLOSURE_REASONS,
    COUNT_COLUMN,
    CRISIS_OUTCOMES,
    DURATION_BANDS,
    ISOLATION_TYPES,
    ITEMS,
    MEDIAN_LABEL,
    PEOPLE,
    RECLUSION_EXCLUSIONS,
    RECLUSIVE_GOING_OUT,
    REFERRAL_SOURCES,
    REFERRAL_STATUSES,
    RISK_LEVELS,
    STAGES,
    UNKNOWN_PARTNER,
    Label,
)
from intake_desktop.services.stats.period import Period, _month_key, month_labels
from intake_desktop.services.stats.reading import (
    _Case,
    _day,
    _Referral,
    classify_closure,
)
from intake_desktop.services.stats.report import (
    POPULATION_CASELOAD,
    POPULATION_CLOSURES,
    POPULATION_CRISIS,
    POPULATION_NEW,
    POPULATION_REFERRALS,
    Figure,
)

from intake_desktop.domain.cases import age_on
from intake_desktop.domain.enums import Stage
from intake_desktop.i18n import QT_TRANSLATE_NOOP

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


