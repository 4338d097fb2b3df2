"""Statistics for the district: hand-counted figures on a small fixture vault, small-cell
suppression (including recovering a hidden cell by subtraction), no personal data in the PDF or
CSV, the empty period, roles, the access log and the command line."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from intake_desktop.domain.enums import Stage
from intake_desktop.services import errors as E
from intake_desktop.services import stats as S
from intake_desktop.services.stats import published, reading
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import intake_form
from intake_desktop.services.stats import Figure, Label, Period, StatsReport, suppress

from vaultkit import PASSPHRASES, audit_events

Q1 = ("2025-01", "2025-03")
GENERATED = date(2025, 5, 14)


# =============================================================================================
# The fixture vault: 18 new intakes in 2025 Q1, two older cases, one later, one demo case.
# Every text field holds a unique marker that must never reach a report.

MARKER = "ZQMK"  # every marker starts with this; none of the report's own text contains it


def marker(kind: str, i: int | str) -> str:
    return f"{MARKER}-{kind}-{i}"


def mobile(i: int) -> str:
    return f"0109{i:03d}7{i:03d}"[:11]


def person_doc(i, birth: str | None) -> dict:
    doc = {
        "name": f"{marker('NAME', i)} 퀼마커{i}", "gender": "female", "mobile": mobile(i),
        "address": {"postal_code": f"9{i:04d}"[:5], "road_address": f"{marker('ROAD', i)} 비밀로 {i}",
                    "detail": marker("DETAIL", i)},
        "emergency_contact_name": marker("EMERGENCY", i), "emergency_contact_phone": f"0107{i:03d}8{i:03d}"[:11],
        "preferred_contact": "text_only", "email": f"{marker('MAIL', i).lower()}@example.org",
    }
    if birth:
        doc["birth_date"] = birth
    return doc


def answers(i, intake_date, *, going=None, exclusion=None, emotional=None, physical=None, months=None,
            source=None, risk=None) -> dict:
    doc = {
        "intake_date": intake_date, "intake_mode": "visit", "counsellor_name": marker("COUNSELLOR", i),
        "referral_institution": marker("INSTITUTION", i),
        "trigger": f"{marker('TRIGGER', i)} \"risk_level\":\"urgent\"",  # quotes a key: must not be read
        "counsellor_assessment": marker("ASSESSMENT", i), "risk_override_reason": marker("OVERRIDE", i),
        "activity_last_month": ["none"],
    }
    for key, value in (("going_out_frequency", going), ("stay_home_exclusion", exclusion),
                       ("emotional_isolation", emotional), ("physical_isolation", physical),
                       ("isolation_months", months), ("referral_source", source), ("risk_level", risk)):
        if value is not None:
            doc[key] = value
    if source == "other":
        doc["referral_source_other"] = marker("SOURCE_OTHER", i)
    return doc


def step(frm, to, on, reason=""):
    return {"from": frm, "to": to, "on": on, "by": "x", "reason": reason}


# (key, birth, intake answers, case document, current stage)
CASES = [
    ("c1", "2006-01-05", dict(intake_date="2025-01-05", going="room_only", exclusion="none", emotional=True,
                              physical=True, months=3, source="self", risk="urgent"),
     {"risk_level": "urgent", "stage_history": [step("intake", "assessment", "2025-01-06"),
                                                step("assessment", "planning", "2025-01-20"),
                                                step("planning", "referral", "2025-02-01")],
      "crisis_events": [{"alerts": ["phq9_9"], "raised_on": "2025-01-05", "action": marker("ACTION", 1),
                         "confirmed_by": "x", "confirmed_on": "2025-01-05"},
                        {"alerts": ["current_danger"], "raised_on": "2025-02-10", "action": None,
                         "confirmed_by": None}]}, Stage.REFERRAL),
    ("c2", "2000-01-21", dict(intake_date="2025-01-20", going="home_only", exclusion="disability", emotional=True,
                              months=6, source="family", risk="high"),
     {"stage_history": [step("intake", "assessment", "2025-01-21"),
                        step("assessment", "closed", "2025-03-10", f"{marker('REASON', 2)} 취업 성공으로 종결")],
      "closure": {"reason": f"{marker('REASON', 2)} 취업 성공으로 종결", "outcome": marker("OUTCOME", 2),
                  "on": "2025-03-10"}}, Stage.CLOSED),
    ("c3", "1999-06-01", dict(intake_date="2025-01-31", going="nearby_only", exclusion="pregnancy_childbirth",
                              emotional=False, physical=False, months=11, source="family", risk="medium"),
     {"stage_history": [step("intake", "closed", "2025-02-15", f"{marker('REASON', 3)} 본인이 중단을 원함"),
                        step("closed", "follow_up", "2025-03-01")]}, Stage.FOLLOW_UP),
    ("c4", "1990-02-01", dict(intake_date="2025-02-01", going="errands_hobby_only", months=12, source="institution",
                              risk="medium"),
     {"stage_history": [step("intake", "assessment", "2025-02-03")]}, Stage.ASSESSMENT),
    ("c5", "1990-02-15", dict(intake_date="2025-02-14", going="social_sometimes", physical=True, months=35,
                              source="district_outreach", risk="low"),
     {"stage_history": [step("intake", "closed", "2025-04-05", f"{marker('REASON', 5)} 목표 달성")]}, Stage.CLOSED),
    ("c6", "1985-03-01", dict(intake_date="2025-02-28", going="daily_work_school", emotional=False, physical=False,
                              months=36, source="police", risk="low"), {}, Stage.INTAKE),
    ("c7", "1985-02-28", dict(intake_date="2025-03-01", going="room_only", exclusion="none", months=59,
                              source="hotline", risk="medium"),
     {"stage_history": [step("intake", "closed", "2025-03-20", f"{marker('REASON', 7)} 다른 기관으로 이관"),
                        step("closed", "assessment", "2025-03-25", marker("REOPEN", 7)),
                        step("assessment", "closed", "2025-03-28", f"{marker('REASON', 77)} 연락이 끊김")]},
     Stage.CLOSED),
    ("c8", "2007-03-16", dict(intake_date="2025-03-15", going="home_only", months=60, source="other",
                              risk="medium"),
     {"stage_history": [step("intake", "assessment", "2025-03-16"),
                        step("assessment", "planning", "2025-04-02")]}, Stage.PLANNING),
    ("c9", None, dict(intake_date="2025-03-31"), {"risk_level": "high"}, Stage.INTAKE),
    ("c10", "1995-07-07", dict(intake_date="2025-03-20", going="nearby_only", months=120, source="self",
                               risk="low"),
     {"stage_history": [step("intake", "assessment", "2025-03-21"), step("assessment", "planning", "2025-03-22"),
                        step("planning", "monitoring", "2025-03-31")]}, Stage.MONITORING),
    ("c11", "1998-01-01", dict(intake_date="2025-01-15", going="room_only", months=24, source="family",
                               risk="medium"),
     {"closure": {"reason": f"{marker('REASON', 11)} 이사를 감", "outcome": "", "on": "2025-02-20"}}, Stage.CLOSED),
    ("c12", "2001-09-09", dict(intake_date="2025-02-10", going="social_often", emotional=True, months=8,
                               source="family", risk="high"),
     {"crisis_events": [{"alerts": ["phq9_9"], "raised_on": "2025-03-31", "action": marker("ACTION", 12),
                         "confirmed_by": "x", "confirmed_on": "2025-04-01"}]}, Stage.INTAKE),
    *[(f"f{n}", "1995-05-05", dict(intake_date=f"2025-02-{10 + n:02d}", going="room_only", months=24,
                                   source="family", risk="medium"), {},
       Stage.CLOSED if n == 6 else Stage.INTAKE) for n in range(1, 7)],
    ("b1", "1996-04-04", dict(intake_date="2024-12-10", going="room_only", months=20, source="self", risk="low"),
     {"stage_history": [step("intake", "assessment", "2024-12-11"),
                        step("assessment", "closed", "2024-12-20", f"{marker('REASON', 'b1')} 연락 두절")]},
     Stage.CLOSED),
    ("b2", "1996-05-05", dict(intake_date="2024-11-05", going="home_only", months=40, source="family",
                              risk="medium"),
     {"stage_history": [step("intake", "assessment", "2024-11-06"), step("assessment", "planning", "2024-12-01"),
                        step("planning", "monitoring", "2025-04-10")],
      "crisis_events": [{"alerts": ["x"], "raised_on": "2024-12-31", "action": marker("ACTION", "b2"),
                         "confirmed_by": "x"}]}, Stage.MONITORING),
    ("a1", "1997-06-06", dict(intake_date="2025-04-02", going="room_only", months=10, source="self",
                              risk="urgent"),
     {"crisis_events": [{"alerts": ["x"], "raised_on": "2025-04-03", "action": None, "confirmed_by": None}]},
     Stage.INTAKE),
]


def build_fixture(session, *, with_demo: bool = True) -> dict[str, str]:
    """Create the fixture cases; returns {key: case id}."""
    form = intake_form()
    news = []
    for n, (key, birth, intake, case_doc, stage) in enumerate(CASES, start=1):
        doc = dict(case_doc)
        doc.setdefault("risk_level", intake.get("risk"))
        doc["notes_marker"] = marker("CASEDOC", key)
        news.append(NewCase(person_doc(n, birth), doc, stage=stage,
                            intake=NewIntake(form.id, form.version, form.definition_hash, answers(key, **intake))))
    if with_demo:  # a demo case in the period: left out while real cases exist
        news.append(NewCase(person_doc(99, "1995-01-01"), {"risk_level": "low"}, is_demo=True,
                            intake=NewIntake(form.id, form.version, form.definition_hash,
                                             answers("demo", "2025-02-02", going="room_only", months=7,
                                                     source="self", risk="low"))))
    ids = dict(zip([c[0] for c in CASES] + (["demo"] if with_demo else []), session.cases.create_many(news)))
    # a later, second intake of c12 with other answers: the first one counts
    session.intakes.save(ids["c12"], {"intake_date": "2025-06-01", "going_out_frequency": "room_only",
                                      "referral_source": "police", "risk_level": "urgent",
                                      "risk_override_reason": marker("OVERRIDE", "c12b")}, complete=False)
    session.records.add_many("note", [(cid, {"date": "2025-02-02", "mode": "visit", "minutes": 30,
                                             "content": marker("NOTE", key), "next_steps": marker("NEXT", key)})
                                      for key, cid in ids.items()])
    referrals = session.referrals

    def referral(case_key, partner, sent, *changes):
        info = referrals.create_draft(ids[case_key], partner, note=marker("REFNOTE", case_key))
        if sent:
            info = referrals.set_status(info.id, "sent", note=marker("SENTNOTE", case_key),
                                        today=date.fromisoformat(sent))
        for status, on in changes:
            day = date.fromisoformat(on)
            info = referrals.set_status(info.id, status, note=marker("STATUSNOTE", case_key), today=day)
        return info

    referral("c1", "welfare", "2025-01-10", ("received", "2025-01-17"), ("in_service", "2025-01-20"),
             ("done", "2025-03-01"))
    referral("c4", "welfare", "2025-02-05", ("received", "2025-02-08"))
    referral("c10", "labour", "2025-03-25")
    referral("c12", "labour", "2025-02-12", ("declined", "2025-02-22"))
    referral("b2", "police", "2024-12-15", ("received", "2024-12-20"))
    referral("c8", "jobcentre", None)  # a draft: never counted
    referral("a1", "welfare", "2025-04-05")
    return ids


@pytest.fixture(scope="session")
def fixture_template(vault_template, tmp_path_factory) -> Path:
    """The fixture vault, built once per run (copied for each test)."""
    import shutil

    from intake_desktop.crypto import kdf
    from intake_desktop.paths import VAULT_FILE
    from intake_desktop.services.vault import Vault

    folder = tmp_path_factory.mktemp("stats-template")
    shutil.copyfile(vault_template.path / VAULT_FILE, folder / VAULT_FILE)
    with kdf.insecure_parameters_for_tests(), Vault.open(folder) as vault:
        session = vault.unlock("admin", PASSPHRASES["admin"])
        build_fixture(session)
        session.lock()
    (folder / "vault.lock").unlink(missing_ok=True)
    return folder / VAULT_FILE


@pytest.fixture
def built_dir(vault_dir, fixture_template) -> Path:
    """vault_dir holding the fixture (closed: the command line may open it)."""
    import shutil

    shutil.copyfile(fixture_template, vault_dir / fixture_template.name)
    return vault_dir


@pytest.fixture
def fixture_session(built_dir, login):
    return login("admin")


@pytest.fixture
def q1(fixture_session) -> StatsReport:
    return fixture_session.stats.compute(*Q1, today=GENERATED)


# =============================================================================================
# Hand-counted figures

def test_new_intakes_per_month_and_age_bands(q1):
    assert q1.period == Period(date(2025, 1, 1), date(2025, 3, 31))
    assert q1.figure("monthly").as_dict() == {"2025-01": 4, "2025-02": 10, "2025-03": 4}
    # 19 on the birthday itself, 24 the day before turning 25, 39 the day before 40, 17 and 40
    # and no birth date are "other"
    assert q1.figure("age").as_dict() == {"19_24": 3, "25_29": 9, "30_34": 1, "35_39": 2, "other": 3}
    assert q1.population_total(S.POPULATION_NEW) == 18
    assert not q1.includes_demo


def test_isolated_or_reclusive_and_duration(q1):
    # reclusive: going out only for errands or less, unless pregnancy/disability is the reason
    assert q1.figure("isolation_type").as_dict() == {"reclusive": 12, "isolated": 3, "neither": 2, "unknown": 1}
    assert q1.figure("isolation_duration").as_dict() == {
        "lt6": 1, "6_11": 3, "12_35": 9, "36_59": 2, "60plus": 2, "unknown": 1}


def test_risk_and_referral_source_come_from_the_first_intake(q1):
    # c12's later intake says urgent/police; c9's intake has no level, its case says high
    assert q1.figure("risk").as_dict() == {"urgent": 1, "high": 3, "medium": 11, "low": 3, "unknown": 0}
    assert q1.figure("referral_source").as_dict() == {
        "self": 2, "family": 10, "institution": 1, "district_outreach": 1, "police": 1, "hotline": 1, "other": 1,
        "unknown": 1}


def test_stage_at_the_end_of_the_period(q1):
    # b1 closed before the period (left out); b2 was still in planning on 31 March; c5 closed
    # in April (intake then); c8 reached planning in April; c10 monitoring on the last day.
    assert q1.figure("stage").as_dict() == {
        "intake": 9, "assessment": 2, "planning": 1, "referral": 1, "monitoring": 1, "closed": 4, "follow_up": 1}
    assert q1.population_total(S.POPULATION_CASELOAD) == 19


def test_referrals_per_partner_with_outcome_and_reply_time(fixture_session, q1):
    figure = q1.figure("referrals")
    names = {p.id: p.label("ko") for p in fixture_session.partners.list(include_inactive=True)}
    by_name = {names[k]: v for k, v in figure.as_dict().items()}
    assert by_name["동작이수사회복지관"] == {"sent": 0, "received": 1, "in_service": 0, "done": 1, "declined": 0}
    assert by_name["서울관악고용노동지청"] == {"sent": 1, "received": 0, "in_service": 0, "done": 0, "declined": 1}
    assert by_name["동작경찰서"] == {"sent": 0, "received": 0, "in_service": 0, "done": 0, "declined": 0}
    assert figure.total == 4
    welfare = [r.key for r in figure.rows].index(fixture_session.partners.get("welfare").id)
    assert figure.extra[welfare] == (5, 2)  # replies after 7 and 3 days
    assert figure.extra_total == (7, 3)  # 7, 3 and 10 days


def test_closures_by_reason_and_crisis_alerts(q1):
    # c7 closed twice in the period (passed on, then lost contact after re-opening); c11 has only
    # a closure record; f6 is closed without a date (not a closure of the period)
    assert q1.figure("closure_reason").as_dict() == {
        "goal": 0, "work_study": 1, "transferred": 1, "lost_contact": 1, "ended_by_person": 1, "moved": 1,
        "age": 0, "other": 0}
    assert q1.figure("crisis").as_dict() == {"confirmed": 2, "open": 1}


def test_demo_cases_count_only_when_asked(fixture_session):
    with_demo = fixture_session.stats.compute(*Q1, include_demo=True)
    assert with_demo.includes_demo
    assert with_demo.figure("monthly").as_dict()["2025-02"] == 11


@pytest.mark.parametrize("reason, key", [
    ("취업해서 종결", "work_study"), ("복학 예정", "work_study"), ("목표를 달성함", "goal"),
    ("연락두절 3개월", "lost_contact"), ("본인 거부", "ended_by_person"), ("다른 구로 이사", "moved"),
    ("만 40세 연령 초과", "age"), ("정신건강복지센터로 연계 종결", "transferred"), ("", "other"), ("모름", "other"),
    ("lost_contact", "lost_contact"),
])
def test_closure_reasons_are_sorted_into_categories(reason, key):
    assert S.classify_closure(reason) == key


def test_pick_reads_exactly_what_json_reads():
    documents = [
        {"trigger": 'he wrote "risk_level":"urgent" and \\"intake_date\\":', "risk_level": "low",
         "intake_date": "2025-01-01", "isolation_months": 12.5, "emotional_isolation": False},
        {"note": "\"going_out_frequency\":\"room_only\"", "address": {"detail": "\"birth_date\":\"1900-01-01\""},
         "birth_date": "2000-02-02"},
        {"risk_level": None, "stage_history": [{"from": "intake", "to": "closed", "reason": "a \"b\" c"}],
         "crisis_events": []},
        {"trigger": "𝄞 emoji 😀 and \ud800 lone surrogate"},
    ]
    keys = reading._needles("risk_level", "intake_date", "isolation_months", "emotional_isolation", "going_out_frequency",
                      "birth_date", "stage_history", "crisis_events", "trigger")
    for document in documents:
        raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        expected = {k: document[k] for k, _ in keys if k in document}
        assert reading._pick(raw, keys) == expected


# =============================================================================================
# Suppression

def one_way(counts, key="f", population="p") -> Figure:
    rows = tuple(Label(f"r{i}", f"r{i}", f"r{i}") for i in range(len(counts)))
    return Figure(key, population, Label(key, key, key), S.PEOPLE, Label(key, "", ""), "", rows,
                  (S.COUNT_COLUMN,), tuple((c,) for c in counts))


def two_way(counts, key="t", population="q") -> Figure:
    rows = tuple(Label(f"r{i}", f"r{i}", f"r{i}") for i in range(len(counts)))
    columns = tuple(Label(f"c{j}", f"c{j}", f"c{j}") for j in range(len(counts[0])))
    return Figure(key, population, Label(key, key, key), S.ITEMS, Label(key, "", ""), "", rows, columns,
                  tuple(tuple(r) for r in counts))


def publish(*figures):
    """Suppress made-up figures; {key: published figure}."""
    report = StatsReport(Period.of("2025-01", "2025-01"), GENERATED, "센터", False, tuple(figures))
    return {f.key: f for f in suppress(report).figures}


def readable(shown) -> tuple[int, int] | int:
    """What a reader knows about one published number."""
    if shown.mark == S.PRIMARY:
        return (1, 4)
    if shown.mark == S.SECONDARY:
        return (5, 60)  # "5 or more" (60: enough for these small tables)
    return shown.value


def values_for(knowledge) -> range:
    return range(knowledge[0], knowledge[1] + 1) if isinstance(knowledge, tuple) else range(knowledge, knowledge + 1)


def one_way_solutions(figure) -> set[tuple]:
    """Every table of integers consistent with what the published figure shows (brute force)."""
    cells = [readable(row[0]) for row in figure.cells]
    total = readable(figure.total)
    out = set()
    for combo in itertools.product(*(values_for(k) for k in cells)):
        if sum(combo) in values_for(total):
            out.add(combo)
    return out


def assert_hidden_counts_not_narrowed(figure):
    """Each "<5" cell can still be any of 1..4 given everything published."""
    solutions = one_way_solutions(figure)
    for i, row in enumerate(figure.cells):
        if row[0].mark == S.PRIMARY:
            assert {s[i] for s in solutions} == {1, 2, 3, 4}, (figure.key, i, figure.texts())


def test_small_counts_are_shown_as_under_five_and_zero_stays_zero():
    figure = publish(one_way([0, 12, 30, 7, 9, 1, 20]))["f"]
    texts = [row[0].text for row in figure.cells]
    assert texts[0] == "0"
    assert texts[5] == "<5"
    assert figure.total.text == "79"


def test_one_hidden_cell_is_never_left_to_subtraction():
    # 1 alone would be 29 - (7 + 9 + 12) = 1: another cell must go. 7 is not enough (1 + 7 = 8
    # hidden with "7 is 5 or more" leaves only 1..3); 9 is the smallest that protects.
    figure = publish(one_way([1, 7, 9, 12]))["f"]
    assert [row[0].text for row in figure.cells] == ["<5", "7", "*", "12"]
    assert figure.total.text == "29"
    hidden = [row[0] for row in figure.cells if row[0].hidden]
    assert len(hidden) == 2
    # subtraction no longer works, and the reader cannot narrow the "<5" down at all
    visible = sum(row[0].value for row in figure.cells if not row[0].hidden)
    assert 29 - visible == 10  # what subtraction gives is the sum of two cells, not the small one
    assert_hidden_counts_not_narrowed(figure)


@pytest.mark.parametrize("counts", [
    [1, 1, 30], [2, 2, 2, 20], [4, 4, 9], [3, 5], [1, 0, 0, 6], [2, 5, 5, 5, 40], [4, 0, 5, 6, 7],
    [1, 2, 3, 4], [0, 0, 3], [6, 7, 8], [1, 8, 8, 8],
])
def test_no_hidden_count_can_be_narrowed_by_brute_force(counts):
    figure = publish(one_way(counts))["f"]
    for value, row in zip(counts, figure.cells):
        shown = row[0]
        assert (shown.mark == S.PRIMARY) == (1 <= value <= 4)
        if not shown.hidden:
            assert shown.value == value
        if shown.mark == S.SECONDARY:
            assert value >= 5
    assert_hidden_counts_not_narrowed(figure)


def test_a_hidden_total_is_not_given_away_by_another_table():
    # Table A: 3 + 5 = 8 gives the 3 away unless the total goes (hiding the 5 instead would
    # leave 8 - "5 or more" = 1..3); table B (same people) would then show the total as 8 + 0,
    # so its 8 is hidden as well.
    published = publish(one_way([3, 5], key="a"), one_way([8, 0], key="b"))
    a, b = published["a"], published["b"]
    assert [r[0].text for r in a.cells] == ["<5", "5"]
    assert a.total.text == "*" and b.total.text == "*"
    assert [r[0].text for r in b.cells] == ["*", "0"]
    # what a reader can still work out: 3 = t - 5 where t = B's hidden cell, 5 or more
    possible = {t - 5 for t in range(5, 60) if 1 <= t - 5 <= 4}
    assert possible == {1, 2, 3, 4}


def test_tables_of_one_population_share_their_total():
    # The months show every count, so the total 18 is known; the age table must protect its 2
    # against that total (one hidden cell alone would be 18 minus the rest).
    published = publish(one_way([6, 6, 6], key="months"), one_way([2, 10, 6], key="ages"),
)
    months, ages = published["months"], published["ages"]
    assert months.total.text == "18" and ages.total.text == "18"
    assert [r[0].text for r in months.cells] == ["6", "6", "6"]
    assert sum(r[0].hidden for r in ages.cells) >= 2
    assert_hidden_counts_not_narrowed(ages)


def two_way_solutions(figure) -> list:
    cells = [[readable(c) for c in row] for row in figure.cells]
    rows = [readable(v) for v in figure.row_totals]
    columns = [readable(v) for v in figure.column_totals]
    total = readable(figure.total)
    flat = [values_for(k) for row in cells for k in row]
    width = len(figure.columns)
    found = []
    for combo in itertools.product(*flat):
        table = [combo[i * width:(i + 1) * width] for i in range(len(cells))]
        if sum(combo) not in values_for(total):
            continue
        if all(sum(r) in values_for(k) for r, k in zip(table, rows)) and \
                all(sum(r[j] for r in table) in values_for(k) for j, k in enumerate(columns)):
            found.append(table)
    return found


def test_two_way_table_protects_cells_against_rows_columns_and_total():
    counts = [[3, 0, 6], [0, 7, 5], [8, 6, 0]]
    figure = publish(two_way(counts))["t"]
    assert figure.cell("r0", "c0").text == "<5"
    solutions = two_way_solutions(figure)
    assert counts in [[list(r) for r in s] for s in solutions]
    for i, row in enumerate(figure.cells):
        for j, shown in enumerate(row):
            if shown.mark == S.PRIMARY:
                assert {s[i][j] for s in solutions} == {1, 2, 3, 4}
            if not shown.hidden:
                assert shown.value == counts[i][j]
    for i, shown in enumerate(figure.row_totals):
        if shown.mark == S.PRIMARY:
            assert {sum(s[i]) for s in solutions} >= {1, 4}


def test_two_way_small_row_total():
    counts = [[2, 0], [6, 9], [5, 7]]  # the first partner's total is 2 as well
    figure = publish(two_way(counts))["t"]
    assert figure.row_totals[0].text == "<5"
    solutions = two_way_solutions(figure)
    assert {s[0][0] for s in solutions} == {1, 2, 3, 4}
    assert {sum(s[0]) for s in solutions} == {1, 2, 3, 4}


def brute_force_one_way_population(tables, cap) -> list[dict[int, set[int]]]:
    """For each table, {cell index: values a reader cannot rule out} — by enumeration, knowing
    only what is published (tables of one population share their total)."""
    total = readable(tables[0].total)
    totals = values_for(total) if not isinstance(total, tuple) else range(total[0], min(total[1], cap) + 1)

    def ranges(table):
        return [values_for(k) if not isinstance(k, tuple) else range(k[0], min(k[1], cap) + 1)
                for k in (readable(row[0]) for row in table.cells)]

    sums = []  # per table: {sum: [assignments]}
    for table in tables:
        by_sum: dict[int, list] = {}
        for combo in itertools.product(*ranges(table)):
            by_sum.setdefault(sum(combo), []).append(combo)
        sums.append(by_sum)
    out = [dict() for _ in tables]
    for t in totals:
        if all(t in by_sum for by_sum in sums):
            for n, by_sum in enumerate(sums):
                for combo in by_sum[t]:
                    for i, value in enumerate(combo):
                        out[n].setdefault(i, set()).add(value)
    return out


def test_engine_agrees_with_brute_force_on_random_tables():
    import random

    rng = random.Random(20250514)
    checked = 0
    for _ in range(300):
        n_tables = rng.randint(1, 3)
        total = rng.randint(1, 16)
        figures = []
        for k in range(n_tables):
            cells = rng.randint(2, 4)
            cuts = sorted(rng.randint(0, total) for _ in range(cells - 1))
            counts = [b - a for a, b in zip([0, *cuts], [*cuts, total])]
            figures.append(one_way(counts, key=f"t{k}"))
        published = list(publish(*figures).values())
        possible = brute_force_one_way_population(published, cap=total + 12)
        # The one case the rule cannot help: every non-zero number is hidden already, and "<5"
        # marks alone bound each other (two "<5" cells under a "<5" total are at most 3 each).
        nothing_left = all(r[0].hidden for f in published for r in f.cells if r[0].text != "0") and \
            published[0].total.hidden
        for figure, raw, seen in zip(published, figures, possible):
            for i, row in enumerate(figure.cells):
                value = raw.counts[i][0]
                assert value in seen[i]  # the truth is always consistent
                if row[0].mark == S.PRIMARY and not nothing_left:
                    assert seen[i] >= {1, 2, 3, 4}, ([f.counts for f in figures], [f.texts() for f in published])
                    checked += 1
    assert checked > 100


def test_two_way_engine_agrees_with_brute_force_on_random_tables():
    import random

    rng = random.Random(5)
    checked = 0
    for _ in range(60):
        shape = rng.choice([(2, 2), (2, 3), (3, 2)])
        counts = [[rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8]) for _ in range(shape[1])] for _ in range(shape[0])]
        if not any(any(r) for r in counts):
            continue
        figure = publish(two_way(counts))["t"]
        hidden = sum(c.hidden for row in figure.cells for c in row)
        if hidden > 5:
            continue  # too many for enumeration
        solutions = two_way_solutions(figure)
        assert counts in [[list(r) for r in s] for s in solutions]
        numbers = [c for row in figure.cells for c in row] + list(figure.row_totals) + \
            list(figure.column_totals) + [figure.total]
        if all(n.hidden for n in numbers if n.text != "0"):
            continue  # nothing left that could be hidden (see the one-way test)
        for i, row in enumerate(figure.cells):
            for j, shown in enumerate(row):
                if shown.mark == S.PRIMARY:
                    assert {s[i][j] for s in solutions} >= {1, 2, 3, 4}, (counts, figure.texts())
                    checked += 1
    assert checked > 20


def test_medians_need_five_replies():
    assert published._median_text(7, 4) == S.NOT_SHOWN
    assert published._median_text(7.5, 5) == "7.5"
    assert published._median_text(None, 0) == S.NOT_SHOWN


def test_fixture_report_is_suppressed(q1):
    published = q1.suppressed()
    monthly = published.figure("monthly")
    assert monthly.texts() == {"2025-01": "<5", "2025-02": "*", "2025-03": "<5"}
    assert monthly.total.text == "18"
    for f in published.figures:
        if not f.two_way:
            raw = q1.figure(f.key)
            for value, row in zip(raw.counts, f.cells):
                assert (row[0].mark == S.PRIMARY) == (1 <= value[0] <= 4)
                assert row[0].hidden or row[0].value == value[0]
            if f.total.value is not None:  # brute force needs a known total to stay small
                assert_hidden_counts_not_narrowed(f)
    referrals = published.figure("referrals")
    assert all(v.text in ("0", "<5", "*") for row in referrals.cells for v in row)
    assert referrals.extra_total == S.NOT_SHOWN  # 3 replies: too few for a median
    summary = {label.key: shown.text for label, shown in published.summary}
    assert summary == {"new_intakes": "18", "caseload": "19", "referrals": "<5", "closures": "*",
                       "crisis_alerts": "<5", "crisis_confirmed": "<5"}


# =============================================================================================
# Outputs: no personal data, Korean, deterministic

def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def personal_strings() -> list[str]:
    """Every marker and phone number put into the fixture."""
    strings = [MARKER, MARKER.lower()]
    for n in range(1, len(CASES) + 1):
        strings += [mobile(n), f"0107{n:03d}8{n:03d}"[:11], f"퀼마커{n}"]
    return strings


def test_no_personal_data_in_pdf_or_csv(fixture_session, q1):
    pdf = fixture_session.stats.render(q1, "pdf")
    csv_bytes = fixture_session.stats.render(q1, "csv")
    text = pdf_text(pdf)
    csv_text = csv_bytes.decode("utf-8-sig")
    assert "연계 기관별 의뢰 결과" in text and "동작이수사회복지관" in text  # the extraction works
    for needle in personal_strings():
        assert needle not in text, needle
        assert needle not in csv_text, needle
        assert needle.encode() not in pdf, needle
        assert needle.encode("utf-16-be") not in pdf, needle
    # not even the free-text reasons' own words beyond the fixed category labels
    assert "취업 성공" not in text and "중단을 원함" not in text and "이사를 감" not in text


def test_pdf_is_korean_a4_embedded_and_deterministic(fixture_session, q1):
    first = fixture_session.stats.render(q1, "pdf")
    second = fixture_session.stats.render(q1, "pdf")
    assert first == second
    reader = PdfReader(io.BytesIO(first))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    text = pdf_text(first)
    assert "동작구 청년센터" in text  # the centre's name
    assert "2025년 1월 ~ 2025년 3월" in text
    assert "작성일: 2025. 5. 14." in text
    assert "'<5'로 표시" in text  # the rule is stated
    assert "시연용" not in text
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None:
                    assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            assert font["/BaseFont"] not in ("/Helvetica", "/Times-Roman")


def test_csv_has_a_bom_and_one_row_per_number(fixture_session, q1):
    data = fixture_session.stats.render(q1, "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["구분", "항목", "값"]
    assert all(len(r) == 3 for r in rows)
    values = {(r[0], r[1]): r[2] for r in rows}
    assert values[("월별 신규 접수(명)", "1월")] == "<5"
    assert values[("월별 신규 접수(명)", "2월")] == "*"
    assert values[("월별 신규 접수(명)", "계")] == "18"
    assert values[("요약", "신규 접수")] == "18"
    assert values[("보고서", "기간")] == "2025-01 ~ 2025-03"
    assert "소표본 비공개 규칙" in values[("보고서", "비공개 규칙")]
    # no cell holds a raw count between 1 and 4
    for section, item, value in rows[1:]:
        if section not in ("보고서",) and re.fullmatch(r"\d+", value):
            assert not 1 <= int(value) <= 4, (section, item, value)


def test_empty_period_is_a_clear_report(fixture_session):
    report = fixture_session.stats.compute("2019-01", "2019-02", today=GENERATED)
    assert report.is_empty
    text = pdf_text(fixture_session.stats.render(report, "pdf"))
    assert "해당 기간에는 통계 자료가 없습니다" in text
    rows = fixture_session.stats.render(report, "csv").decode("utf-8-sig")
    assert "해당 기간에는 통계 자료가 없습니다" in rows


def test_export_writes_atomically_and_records_the_report(fixture_session, q1, tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    before = len(audit_events(fixture_session))
    path = fixture_session.stats.export(q1, folder / "통계.pdf")
    assert path.read_bytes().startswith(b"%PDF")
    fixture_session.stats.export(q1, folder / "통계.csv")
    assert sorted(p.name for p in folder.iterdir()) == ["통계.csv", "통계.pdf"]  # no temporary left
    events = audit_events(fixture_session)[before:]
    assert [e.action for e in events] == ["stats.report", "stats.report"]
    details = [fixture_session.audit.details(e) for e in events]
    assert [d["format"] for d in details] == ["pdf", "csv"]
    assert all(d["from"] == "2025-01" and d["to"] == "2025-03" for d in details)
    assert all(e.case_id is None for e in events)
    assert MARKER not in json.dumps(details, ensure_ascii=False)
    with pytest.raises(E.UsageError):
        fixture_session.stats.export(q1, folder / "통계.txt")


# =============================================================================================
# Roles and periods

def test_counsellor_is_refused_supervisor_allowed(fixture_session, login):
    with pytest.raises(E.DeniedError):
        login("kim").stats.compute(*Q1)
    report = login("boss").stats.compute(*Q1)
    assert report.population_total(S.POPULATION_NEW) == 18


@pytest.mark.parametrize("start, end", [("2025-13", "2025-12"), ("2025/01", "2025-02"), ("25-01", "2025-02"),
                                        ("2025-03", "2025-01"), ("2000-01", "2012-01"), ("", "2025-01")])
def test_bad_periods_are_usage_errors(admin, start, end):
    with pytest.raises(E.UsageError):
        admin.stats.compute(start, end)


def test_period_months():
    period = Period.of("2024-11", "2025-02")
    assert period.end == date(2025, 2, 28)
    assert [f"{y}-{m}" for y, m in period.months()] == ["2024-11", "2024-12", "2025-1", "2025-2"]
    assert period.label_ko() == "2024년 11월 ~ 2025년 2월"


def test_damaged_row_is_reported(fixture_session, built_dir):
    from vaultkit import raw_db

    with raw_db(built_dir) as db:
        db.execute("UPDATE intake_record SET version = version + 5 WHERE rowid = 1")
    with pytest.raises(E.DamagedError):
        fixture_session.stats.compute(*Q1)


# =============================================================================================
# Command line

def test_cli_writes_pdf_and_csv(cli, built_dir, tmp_path):
    vault_dir = built_dir
    out = tmp_path / "보고서.pdf"
    result = cli("stats", "--user", "admin", "--from", "2025-01", "--to", "2025-03", "--out", out, data_dir=vault_dir)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"%PDF")
    assert "2025-01" in result.out
    csv_out = tmp_path / "보고서.csv"
    result = cli("stats", "--user", "boss", "--from", "2025-01", "--to", "2025-03", "--out", csv_out,
                 data_dir=vault_dir, passphrase=PASSPHRASES["boss"])
    assert result.code == 0, result.err
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")
    # an existing file is kept unless --force
    result = cli("stats", "--user", "admin", "--from", "2025-01", "--to", "2025-03", "--out", out, data_dir=vault_dir)
    assert result.code == 2
    result = cli("stats", "--user", "admin", "--from", "2025-01", "--to", "2025-03", "--out", out, "--force",
                 data_dir=vault_dir)
    assert result.code == 0


@pytest.mark.parametrize("start, end, name", [
    ("2025-13", "2025-12", "a.pdf"), ("2025-1-1", "2025-03", "a.pdf"), ("2025-04", "2025-03", "a.pdf"),
    ("2025-01", "2025-03", "a.txt"), ("2025-01", "2025-03", "noextension"),
])
def test_cli_usage_errors_exit_2(cli, vault_dir, tmp_path, start, end, name):
    result = cli("stats", "--user", "admin", "--from", start, "--to", end, "--out", tmp_path / name,
                 data_dir=vault_dir)
    assert result.code == 2
    assert result.err.strip()
    assert "Traceback" not in result.err
    assert not (tmp_path / name).exists()


def test_cli_bad_month_message(cli, vault_dir, tmp_path):
    result = cli("stats", "--user", "admin", "--from", "2025-13", "--to", "2025-12", "--out", tmp_path / "a.pdf",
                 data_dir=vault_dir)
    assert "2025-13" in result.err and "YYYY-MM" in result.err


def test_cli_counsellor_exit_3(cli, vault_dir, tmp_path):
    result = cli("stats", "--user", "kim", "--from", "2025-01", "--to", "2025-03", "--out", tmp_path / "a.pdf",
                 data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert result.code == 3
    assert not (tmp_path / "a.pdf").exists()


def test_cli_empty_period_exit_0(cli, vault_dir, tmp_path):
    out = tmp_path / "빈.pdf"
    result = cli("stats", "--user", "admin", "--from", "2019-01", "--to", "2019-12", "--out", out, data_dir=vault_dir)
    assert result.code == 0, result.err
    assert "no data" in result.out
    assert "해당 기간에는 통계 자료가 없습니다" in pdf_text(out.read_bytes())


# =============================================================================================
# Excel (.xlsx): read back with openpyxl

def test_xlsx_has_a_sheet_per_table_korean_headers_numbers_and_marks(fixture_session, q1, tmp_path):
    import openpyxl

    path = fixture_session.stats.export(q1, tmp_path / "통계.xlsx")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    book = openpyxl.load_workbook(path)
    published = q1.suppressed()
    assert book.sheetnames[:2] == ["보고서", "요약"]
    assert len(book.sheetnames) == 2 + len(published.figures)
    about = {row[0]: row[1] for row in book["보고서"].iter_rows(min_row=2, values_only=True) if row[0]}
    assert about["기간"] == "2025-01 ~ 2025-03" and "소표본 비공개 규칙" in about["비공개 규칙"]
    monthly = book[published.figure("monthly").title.ko[:31]]
    assert [c.value for c in monthly[1]][:2] == ["구분", "명"]
    values = {row[0].value: row[1] for row in monthly.iter_rows(min_row=2) if row[0].value}
    assert values["1월"].value == "<5" and values["2월"].value == "*"  # marked as the CSV marks them
    assert values["계"].value == 18 and values["계"].number_format == "#,##0"  # a number, not text
    assert book["요약"]["B2"].value == 18
    assert monthly.column_dimensions["A"].width >= 4
    # no cell anywhere holds a raw count between 1 and 4 outside the report sheet
    for sheet in book.worksheets[1:]:
        for row in sheet.iter_rows(min_row=2, values_only=True):
            for value in row:
                if isinstance(value, int):
                    assert not 1 <= value <= 4, (sheet.title, row)
    text = " ".join(str(v) for s in book.worksheets for r in s.iter_rows(values_only=True) for v in r if v)
    for needle in personal_strings():
        assert needle not in text, needle


def test_referral_table_is_two_way_in_the_workbook(fixture_session, q1):
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(fixture_session.stats.render(q1, "xlsx")))
    figure = next(f for f in q1.suppressed().figures if f.two_way)
    sheet = book[figure.title.ko[:31]]
    width = len(figure.columns) + 2  # 구분, the statuses, 계 (the notes below may reach further)
    header = [c.value for c in sheet[1]]
    assert header[0] == "구분" and header[width - 1] == "계" and not any(header[width:])
    rows = [row[:width] for row in sheet.iter_rows(values_only=True)]
    assert [r[0] for r in rows[1:len(figure.rows) + 2]] == [r.ko for r in figure.rows] + ["계"]
    assert rows[len(figure.rows) + 1][-1] == figure.total.value or rows[len(figure.rows) + 1][-1] == figure.total.mark


def test_cli_writes_xlsx(cli, built_dir, tmp_path):
    out = tmp_path / "보고서.xlsx"
    result = cli("stats", "--user", "admin", "--from", "2025-01", "--to", "2025-03", "--out", out, data_dir=built_dir)
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"PK")
