"""Made-up data for previewing templates, for tests and for the benchmark. Nobody real.

The field metadata mirrors what the default intake form is expected to say (sensitivity and
``shareable_with``); services builds the real thing from the form file.
"""

from __future__ import annotations

from datetime import date, datetime

from intake_desktop.letters.model import (
    FieldMeta, Organisation, PartnerKind, Recipient, ReferralDetails, Signatory,
)

ALL = frozenset(k.value for k in PartnerKind)
NOT_POLICE = ALL - {"police"}

SAMPLE_SENDER = Organisation(
    name="서울청년기지개센터", short_name="기지개", head_title="센터장", department="사례관리팀",
    address="서울특별시 동작구 예시로 10, 3층", postal_code="06900", phone="0212345678", fax="0212345679",
    email="referral@example.org", homepage="www.example.org",
)

SAMPLE_RECIPIENTS = {
    "welfare": Recipient("welfare", "동작이수사회복지관", "동작이수사회복지관장", department="사례관리팀장"),
    "labour": Recipient("labour", "서울관악고용센터", "서울관악고용센터소장", department="취업지원과장"),
    "jobcentre": Recipient("jobcentre", "동작구 청년일자리센터", "동작구 청년일자리센터장"),
    "police": Recipient("police", "동작경찰서", "동작경찰서장", department="여성청소년과장"),
    "generic": Recipient("generic", "동작구 정신건강복지센터", "동작구 정신건강복지센터장"),
}

SAMPLE_SIGNATORIES = (
    Signatory("기안자", "사회복지사", "김상담"),
    Signatory("검토자", "팀장", "이검토"),
    Signatory("결재권자", "센터장", "박결재"),
)

GOING_OUT = {
    "errands_hobby_only": "취미 활동이나 간단한 볼일이 있을 때만 외출",
    "nearby_only": "집 근처에만 잠깐 나감",
    "home_only": "집 안에서는 지내지만 밖으로 나가지 않음",
    "room_only": "자기 방에서 거의 나오지 않음",
}
ACTIVITY = {"work": "일", "study": "학업", "training": "직업훈련", "job_search": "구직 활동",
            "none": "일·학업·훈련·구직 활동 없음"}
NEEDS = {
    "counselling": "심리 상담", "peer_group": "또래 모임·문화 활동", "work_experience": "일 경험",
    "employment": "취업", "safety": "안전", "other": "기타",
}
EDUCATION = {"high_school": "고등학교 졸업", "college_enrolled": "대학 재학·휴학", "college_graduate": "대학 졸업"}
OUTREACH = {"welfare", "labour", "jobcentre", "generic"}
WORK = {"labour", "jobcentre"}

# Ids, types, sensitivity and shareable_with as in forms/intake-youth.yaml (version 1), except
# where noted: the sample makes a few more things shareable so every template shows something.
SAMPLE_FIELD_META: dict[str, FieldMeta] = {
    "name": FieldMeta("이름", "personal", ALL, "text"),
    "birth_date": FieldMeta("생년월일", "personal", ALL - {"welfare"}, "date"),
    "gender": FieldMeta("성별", "personal", {"welfare", "generic"}, "single_choice"),  # form: none
    "mobile": FieldMeta("휴대전화", "personal", ALL, "phone"),
    "address": FieldMeta("주소", "personal", {"police", "generic"}, "address"),
    "emergency_contact_name": FieldMeta("비상연락처 이름", "personal", set(), "text"),
    "emergency_contact_phone": FieldMeta("비상연락처 전화번호", "personal", set(), "phone"),
    "preferred_contact": FieldMeta("선호하는 연락 방법", "personal", ALL, "single_choice"),
    "email": FieldMeta("이메일", "personal", OUTREACH, "text"),
    "going_out_frequency": FieldMeta("평소 외출 정도", "personal", {"welfare", "labour", "generic"},
                                     "single_choice", GOING_OUT),  # form: none
    "isolation_months": FieldMeta("지금 상태가 이어진 기간", "personal", {"welfare", "labour", "generic"},
                                  "number"),  # form: none
    "trigger": FieldMeta("고립·은둔의 계기", "personal", set(), "long_text"),
    "activity_last_month": FieldMeta("지난 한 달 동안 한 일", "personal", {"labour", "jobcentre", "generic"},
                                     "multiple_choice", ACTIVITY),
    "months_without_activity": FieldMeta("일·학업·훈련을 하지 않은 기간", "personal",
                                         {"labour", "jobcentre", "generic"}, "number"),
    "last_contact_date": FieldMeta("마지막으로 연락된 날", "personal", {"police"}, "date"),
    "warning_signs": FieldMeta("안전 확인이 필요한 징후", "personal", {"police"}, "long_text"),
    "mental_health_care": FieldMeta("정신건강 치료", "health", set(), "single_choice"),
    "crime_victimisation": FieldMeta("범죄 피해", "crime", set(), "single_choice"),
    "needs": FieldMeta("바라는 지원", "personal", OUTREACH, "multiple_choice", NEEDS),
    "needs_other": FieldMeta("기타 욕구", "personal", OUTREACH, "text"),
    "education": FieldMeta("최종 학력", "personal", WORK, "single_choice", EDUCATION),
    "work_history": FieldMeta("일 경험·자격", "personal", WORK, "long_text"),
    "wished_work": FieldMeta("해 보고 싶은 일", "personal", WORK, "text"),
    "constraints": FieldMeta("참여 조건", "personal", OUTREACH, "long_text"),
    # form: score fields have no shareable_with (never in letters); the sample lets welfare and
    # generic have them, with the sensitive-information consent.
    "hq25_total_score": FieldMeta("HQ-25 총점", "health", {"welfare"}, "score", note="번역본, 타당화되지 않음"),
    "phq9_total_score": FieldMeta("PHQ-9 총점", "health", {"welfare", "generic"}, "score"),
    "gad7_total_score": FieldMeta("GAD-7 총점", "health", {"welfare", "generic"}, "score"),
}

SAMPLE_FACTS: dict[str, object] = {
    "name": "남궁민서",
    "birth_date": "1999-03-02",
    "gender": "female",
    "mobile": "01012345678",
    "address": {"postal_code": "06900", "road_address": "서울특별시 동작구 예시로 12", "detail": "101동 202호"},
    "emergency_contact_name": "남궁보호(어머니)",
    "emergency_contact_phone": "01098765432",
    "preferred_contact": "text_only",
    "email": "minseo@example.net",
    "going_out_frequency": "errands_hobby_only",
    "isolation_months": 18,
    "trigger": "첫 직장에서 어려움을 겪은 뒤 외출이 줄었다고 함",
    "activity_last_month": ["none"],
    "months_without_activity": 20,
    "last_contact_date": "2025-05-12",
    "warning_signs": "평소 매일 답하던 문자에 8일째 응답이 없고, 보호자도 연락이 닿지 않는다고 함",
    "mental_health_care": "past",
    "crime_victimisation": "none",
    "needs": ["peer_group", "work_experience"],
    "needs_other": "",
    "education": "college_graduate",
    "work_history": "카페 아르바이트 1년, 사무 보조 6개월",
    "wished_work": "디자인 보조, 사무 보조",
    "constraints": "재택 근무 선호, 주 3일 이내",
    "hq25_total_score": 61,
    "phq9_total_score": 12,
    "gad7_total_score": 9,
}

SAMPLE_DETAILS = ReferralDetails(
    reason=("본인이 또래와 함께하는 활동을 해 보고 싶다고 말하여, 부담이 적은 소규모 모임부터 "
            "참여할 수 있도록 연계를 의뢰합니다. 최근 3개월 동안 센터 상담에 꾸준히 참여하였습니다."),
    first_contact_notes="전화는 받기 어려워하므로 문자로 먼저 연락하여 주십시오. 오후 시간대 연락을 선호합니다.",
    reply_by=date(2025, 6, 3),
)

SAMPLE_DETAILS_BY_KIND = {
    "welfare": SAMPLE_DETAILS,
    "labour": ReferralDetails(
        reason=("본인이 일을 다시 시작하고 싶다는 뜻을 밝혀, 진로 탐색부터 천천히 시작할 수 있는 "
                "프로그램 참여 상담을 의뢰합니다."),
        first_contact_notes=SAMPLE_DETAILS.first_contact_notes,
        reply_by=date(2025, 6, 10),
    ),
    "jobcentre": ReferralDetails(
        reason="짧은 시간부터 시작할 수 있는 일 경험을 원하여 연계를 의뢰합니다.",
        first_contact_notes=SAMPLE_DETAILS.first_contact_notes,
        reply_by=date(2025, 6, 10),
    ),
    "police": ReferralDetails(
        reason="센터 상담을 받던 청년과 연락이 끊겨 안전을 확인할 필요가 있습니다.",
        first_contact_notes="방문 시 센터의 요청으로 왔음을 먼저 알려 주시면 대상자가 덜 놀랄 수 있습니다.",
        last_contact=datetime(2025, 5, 12, 15, 20),
    ),
    "generic": SAMPLE_DETAILS,
}

SAMPLE_ISSUE_DATE = date(2025, 5, 20)


def sample_consent() -> dict[str, set[str]]:
    """What the sample person consented to give each partner (everything shareable)."""
    return {kind: {fid for fid, meta in SAMPLE_FIELD_META.items() if kind in meta.shareable_with}
            for kind in ALL}
