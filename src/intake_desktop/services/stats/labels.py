"""Labels (English for the screen, Korean for the files), limits, categories and the printed rules."""

from __future__ import annotations

from dataclasses import dataclass

from intake_desktop.domain.enums import Stage
from intake_desktop.i18n import QT_TRANSLATE_NOOP

MAX_MONTHS = 120
SMALL_MAX = 4  # counts 1..SMALL_MAX are hidden
MEDIAN_MIN = 5  # a median needs at least this many values
PRIMARY = "<5"
SECONDARY = "*"
NOT_SHOWN = "–"
FORMATS = ("pdf", "csv", "xlsx")

MSG_BAD_MONTH = QT_TRANSLATE_NOOP("Errors", "{value} is not a month; write it as YYYY-MM (for example 2025-05).")
MSG_PERIOD_ORDER = QT_TRANSLATE_NOOP("Errors", "The period ends ({end}) before it starts ({start}).")
MSG_PERIOD_TOO_LONG = QT_TRANSLATE_NOOP("Errors", "A report covers at most {max} months.")
MSG_BAD_FORMAT = QT_TRANSLATE_NOOP("Errors", "A report is saved as .pdf, .csv or .xlsx, not {suffix}.")


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


