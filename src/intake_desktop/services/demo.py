"""Realistic fictional cases for demonstrations, training and benchmarks.

Every name, number and address is made up: mobile numbers use the 010-0xxx block, which is not
issued to subscribers, and house numbers are random. The generator is deterministic per seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Iterator

from intake_desktop.domain import dates
from intake_desktop.domain.enums import RiskLevel, Role, Stage
from intake_desktop.services import errors as E
from intake_desktop.services.cases import NewCase, NewIntake
from intake_desktop.services.forms import intake_form

SURNAMES = (
    ["김"] * 21 + ["이"] * 15 + ["박"] * 8 + ["최"] * 5 + ["정"] * 5 + ["강", "조", "윤", "장", "임"] * 2
    + ["한", "오", "서", "신", "권", "황", "안", "송", "류", "전", "홍", "고", "문", "양", "손", "배", "백", "허",
       "유", "남", "심", "노", "하", "곽", "성", "차", "주", "우", "구", "민", "남궁", "황보", "제갈", "선우"]
)
GIVEN_SYLLABLES = (
    "민서지현수준영우진하도윤예은재성연아채유시주건태희나경다혜승훈상원동규보람빛솔슬기소정"
)
LATIN_NAMES = ("Nguyen Thi Lan", "Tran Van Minh", "Batbayar Anu", "Maria Santos", "Ivan Petrov")
ROADS = ("노량진로", "상도로", "장승배기로", "사당로", "동작대로", "만양로", "여의대방로", "국사봉길", "상도로47길", "흑석로")
GOING_OUT = ("errands_hobby_only", "nearby_only", "home_only", "room_only", "social_sometimes")
REFERRAL_SOURCES = ("self", "family", "family", "institution", "district_outreach", "hotline")
NEEDS = ("counselling", "peer_group", "work_experience", "employment", "safety")
ASSESSMENTS = (
    "장기간 은둔 상태이며 가족 외 관계가 거의 없음. 문자 상담부터 천천히 관계 형성 필요.",
    "구직 실패 이후 외출이 줄었음. 일 경험 프로그램에 관심을 보임.",
    "우울감이 높고 수면 문제가 있음. 정신건강 상담 연계 검토.",
    "가족과의 갈등으로 방에서 거의 나오지 않음. 가족 상담 병행 필요.",
)
CONTACT = ("text_only",) * 5 + ("phone", "messenger", "visit")
NOTE_TEXTS = (
    "첫 면담. 문자로 먼저 연락한 뒤 방문함. 방 밖으로 나오는 것이 어렵다고 함.",
    "두 번째 면담. 수면 패턴이 불규칙함. 다음 주 같은 시간에 만나기로 함.",
    "어머니와 통화. 최근 식사는 가족과 함께 하기 시작했다고 함.",
    "동료상담 모임 안내. 참여 의사 있으나 첫 회는 상담사 동행 희망.",
    "구직 관련 관심 표현. 고용노동부 청년도전지원사업 안내함.",
)
STAGE_WEIGHTS = {
    Stage.INTAKE: 20, Stage.ASSESSMENT: 15, Stage.PLANNING: 15, Stage.REFERRAL: 15,
    Stage.MONITORING: 20, Stage.CLOSED: 10, Stage.FOLLOW_UP: 5,
}
RISK_WEIGHTS = {RiskLevel.URGENT: 3, RiskLevel.HIGH: 17, RiskLevel.MEDIUM: 45, RiskLevel.LOW: 35}
HISTORY_DAYS = 540  # intakes spread over the last year and a half
# Closure reasons as a counsellor writes them; each falls into one category of the statistics.
CLOSURE_REASONS = (
    "목표 달성: 주 3회 이상 외출하며 자립 준비 중.",
    "취업하여 상담 종결.",
    "복학하여 학업에 전념하기로 함.",
    "타 기관 연계 후 이관 완료.",
    "3개월 이상 연락 두절.",
    "본인이 상담 중단 희망.",
    "다른 지역으로 이사.",
)
# Referral statuses by the stage the case has reached after its referral.
REFERRAL_OUTCOMES = {
    Stage.REFERRAL: ("sent", "sent", "received"),
    Stage.MONITORING: ("in_service", "in_service", "done", "declined"),
    Stage.CLOSED: ("done", "done", "declined"),
    Stage.FOLLOW_UP: ("done",),
}
REPLIED = ("received", "in_service", "done", "declined")
OPEN_PATH = (Stage.INTAKE, Stage.ASSESSMENT, Stage.PLANNING, Stage.REFERRAL, Stage.MONITORING)


def _name(rng: random.Random) -> str:
    if rng.random() < 0.01:
        return rng.choice(LATIN_NAMES)
    given = "".join(rng.choice(GIVEN_SYLLABLES) for _ in range(2 if rng.random() < 0.93 else 1))
    return rng.choice(SURNAMES) + given


def _intake(rng: random.Random, case: dict, risk: RiskLevel, intake_date: date) -> NewIntake:
    """Intake answers on the default form, consistent with the case's risk level."""
    severe = risk in (RiskLevel.URGENT, RiskLevel.HIGH)
    answers = {
        "intake_date": intake_date.isoformat(),
        "referral_source": rng.choice(REFERRAL_SOURCES),
        "intake_mode": rng.choice(("visit", "phone", "outreach")),
        "going_out_frequency": case["going_out"],
        "isolation_months": case["isolation_months"],
        "activity_last_month": ["none"],
        "emotional_isolation": rng.random() < 0.8,
        "physical_isolation": rng.random() < 0.7,
        **{f"hq25_{i}": rng.randint(1, 4) for i in range(1, 26)},
        **{f"phq9_{i}": rng.randint(1, 3) if severe else rng.randint(0, 2) for i in range(1, 9)},
        "phq9_9": 1 if risk is RiskLevel.URGENT else 0,
        **{f"gad7_{i}": rng.randint(0, 3) for i in range(1, 8)},
        "suicide_plan_intent": False,
        "current_danger": risk is RiskLevel.URGENT,
        "needs": sorted(rng.sample(NEEDS, rng.randint(1, 3)), key=NEEDS.index),
        "counsellor_assessment": rng.choice(ASSESSMENTS),
        "risk_level": risk.value,
        # Scoring every demo case to match the proposal would cost ~0.5 ms each (a minute at
        # 100k); a stated reason keeps the record valid whichever level the rule proposes.
        "risk_override_reason": "데모 자료: 상담사 판단으로 위험 수준을 정함.",
    }
    if risk is RiskLevel.URGENT:
        answers["crisis_action"] = "109 안내 후 보호자 연락, 다음 날 방문 약속."
    form = intake_form()
    return NewIntake(form.id, form.version, form.definition_hash, answers)


@dataclass(frozen=True)
class DemoPartner:
    """What a demo provision consent names: the partner and the items it may receive."""

    id: str
    name: str
    kind: str
    items: tuple[str, ...]
    purpose: str
    retention: str

    def as_consent(self) -> dict:
        return {"partner_id": self.id, "partner_name": self.name, "items": list(self.items),
                "purpose": self.purpose, "retention": self.retention}


def demo_partners(session) -> list[DemoPartner]:
    """The vault's partners (not the centre itself) with the fields each may ever receive."""
    from intake_desktop.formdefs import shareable_fields
    from intake_desktop.letters import load_template

    form = intake_form()
    partners = []
    for partner in session.partners.list():
        if partner.key == "internal":
            continue
        wording = load_template(partner.kind).consent
        partners.append(DemoPartner(partner.id, partner.label("ko"), partner.kind,
                                    tuple(shareable_fields(form, partner.kind)),
                                    wording.purpose, wording.retention))
    return partners


def _path(rng: random.Random, stage: Stage) -> list[Stage]:
    """The stages a case went through to reach `stage`, intake first (domain/stages.py order)."""
    if stage in OPEN_PATH:
        return list(OPEN_PATH[:OPEN_PATH.index(stage) + 1])
    closed_from = rng.randint(1, len(OPEN_PATH))  # a case can be closed from any open stage
    path = list(OPEN_PATH[:closed_from]) + [Stage.CLOSED]
    return path + [Stage.FOLLOW_UP] if stage is Stage.FOLLOW_UP else path


def _history(rng: random.Random, path: list[Stage], intake_on: date, last_on: date, owner: str) -> list[dict]:
    """A stage history along `path`: one dated step per move, between intake and last contact."""
    span = max(0, (last_on - intake_on).days)
    days = sorted(rng.randint(0, span) for _ in path[1:])
    return [{"from": old.value, "to": new.value, "on": (intake_on + timedelta(days=d)).isoformat(), "by": owner,
             "reason": rng.choice(CLOSURE_REASONS) if new is Stage.CLOSED else ""}
            for old, new, d in zip(path, path[1:], days)]


def _referral(rng: random.Random, partner: DemoPartner, sent_on: date, stage: Stage, today: date,
              owner: str) -> dict:
    """A referral sent on `sent_on` whose status fits the stage the case is at now."""
    status = rng.choice(REFERRAL_OUTCOMES[stage])
    reply_on = min(today, sent_on + timedelta(days=rng.randint(2, 20))) if status in REPLIED else None
    history = [{"from": "draft", "to": "sent", "on": sent_on.isoformat(), "by": owner, "note": "", "reply_date": None}]
    if reply_on is not None:
        history.append({"from": "sent", "to": status, "on": reply_on.isoformat(), "by": owner, "note": "",
                        "reply_date": reply_on.isoformat()})
    return {"status": status, "partner_id": partner.id, "partner_name": partner.name, "partner_kind": partner.kind,
            "letter_id": None, "letter_number": None, "sent_on": sent_on.isoformat(),
            "reply_by": (sent_on + timedelta(days=14)).isoformat(),
            "reply": {"date": reply_on.isoformat(), "status": status} if reply_on else None,
            "note": "", "history": history}


def demo_cases(count: int, seed: int, today: date, counsellor_ids: list[str],
               partners: list[DemoPartner] = ()) -> Iterator[tuple[NewCase, dict]]:
    """Yield (case, extras) where extras holds the demo notes, consents and referrals of that case.

    Each case is one consistent history: intake, then dated stage moves up to its stage (with
    the closure and its reason when closed), notes between intake and last contact, a referral
    (with the partner's reply and the provision consent it needs) for every case that went
    through the referral stage, and a crisis alert with its confirmed action for an urgent
    case, whose crisis flag stays up only while the case is open. Deterministic per seed."""
    rng = random.Random(seed)
    timeline = random.Random(f"{seed}/history")
    stages, stage_w = zip(*STAGE_WEIGHTS.items())
    risks, risk_w = zip(*RISK_WEIGHTS.items())
    for _ in range(count):
        age_days = rng.randint(19 * 365 + 5, 39 * 365 + 300)
        birth = today - timedelta(days=age_days)
        risk = rng.choices(risks, risk_w)[0]
        stage = rng.choices(stages, stage_w)[0]
        has_emergency_contact = rng.random() < 0.6
        person = {
            "name": _name(rng),
            "birth_date": birth.isoformat(),
            "gender": rng.choice(("male", "female", "male", "female", "undisclosed")),
            "mobile": f"0100{rng.randint(0, 999):03d}{rng.randint(0, 9999):04d}",
            "address": {
                "postal_code": f"0{rng.randint(6900, 7099)}",  # Dongjak-gu's block
                "road_address": f"서울특별시 동작구 {rng.choice(ROADS)} {rng.randint(1, 300)}",
                "detail": f"{rng.randint(1, 20)}층 {rng.randint(101, 1505)}호" if rng.random() < 0.7 else "",
            },
            "emergency_contact_name": _name(rng) if has_emergency_contact else "",
            "emergency_contact_phone": f"0100{rng.randint(0, 999):03d}{rng.randint(0, 9999):04d}" if has_emergency_contact else "",
            "preferred_contact": rng.choice(CONTACT),
        }
        recent = today - timedelta(days=rng.randint(0, 60))
        intake_on = min(recent, today - timedelta(days=timeline.randint(0, HISTORY_DAYS)))
        last_contact = max(recent, intake_on)
        owner = rng.choice(counsellor_ids)
        path = _path(timeline, stage)
        history = _history(timeline, path, intake_on, last_contact, owner)
        closed = stage in (Stage.CLOSED, Stage.FOLLOW_UP)
        case = {
            "risk_level": risk.value,
            "crisis": risk is RiskLevel.URGENT and not closed,
            "last_contact": last_contact.isoformat(),
            "next_follow_up": (today + timedelta(days=rng.randint(-10, 30))).isoformat()
            if stage not in (Stage.CLOSED,) else None,
            "isolation_months": rng.randint(6, 120),
            "going_out": rng.choice(GOING_OUT),
            "stage_history": history,
        }
        closing = next((h for h in reversed(history) if h["to"] == Stage.CLOSED.value), None)
        if closing is not None:
            case["closure"] = {"reason": closing["reason"], "outcome": "", "on": closing["on"]}
        if risk is RiskLevel.URGENT:  # raised by the intake's answers, acted on the same day
            case["crisis_events"] = [{"alerts": ["phq9_item9", "current_danger"], "raised_on": intake_on.isoformat(),
                                      "action": "109 안내 후 보호자 연락, 다음 날 방문 약속.",
                                      "confirmed_by": owner, "confirmed_on": intake_on.isoformat()}]
        span = max(0, (last_contact - intake_on).days)
        note_days = sorted({span} | {timeline.randint(0, span) for _ in range(rng.randint(0, 3))}) \
            if span else [0]
        notes = [
            {"date": (intake_on + timedelta(days=d)).isoformat(), "mode": rng.choice(("visit", "phone", "text")),
             "minutes": rng.choice((20, 30, 50, 60)), "content": rng.choice(NOTE_TEXTS), "next_steps": ""}
            for d in note_days
        ]
        how = {"given": True, "date": intake_on.isoformat(), "method": "signed", "witness": "",
               "guardian": None, "taken_by": owner, "withdrawn": None}
        consents = [{"type": "collection", **how}]
        if rng.random() < 0.7:
            consents.append({"type": "sensitive", **how})
        consented = [partner for partner in partners if rng.random() < 0.4]
        referrals = []
        referred = next((h for h in history if h["to"] == Stage.REFERRAL.value), None)
        if referred is not None and partners:
            partner = consented[0] if consented else timeline.choice(partners)
            if partner not in consented:
                consented.append(partner)
            referrals.append(_referral(timeline, partner, date.fromisoformat(referred["on"]), stage, today, owner))
        for partner in consented:
            consents.append({"type": "provision", **partner.as_consent(), **how})
        new_case = NewCase(person=person, case=case, counsellor_id=owner,
                           is_demo=True, stage=stage, intake=_intake(rng, case, risk, intake_on))
        yield new_case, {"notes": notes, "consents": consents, "referrals": referrals}


def fill_demo(session, count: int, seed: int = 1, today: date | None = None, progress=None) -> int:
    """Add `count` demo cases. Refused when the vault holds any real case.

    Each case travels with its notes and consents through one generator into
    `cases.create_many`, which writes them in bounded batches in one transaction: memory stays
    flat in `count`, and the demo is all there or not at all."""
    session.require_role(Role.ADMIN)
    if session.cases.count_real() > 0:
        raise E.UsageError(E.MSG_DEMO_REFUSED)
    today = today or dates.today()
    counsellors = [a.id for a in session.accounts.list() if a.active and a.role == Role.COUNSELLOR.value]
    owners = counsellors or [session.account_id]
    partners = demo_partners(session)

    def cases() -> Iterator[NewCase]:
        for new_case, extra in demo_cases(count, seed, today, owners, partners):
            new_case.records = {"note": extra["notes"], "consent": extra["consents"], "referral": extra["referrals"]}
            yield new_case

    return len(session.cases.create_many(cases(), total=count, progress=progress, audit_action="demo.fill"))
