"""Which case-management stage may follow which (사례관리: 접수 → 사정 → 계획 → 연계 → 점검 → 종결 → 사후관리).

Forward one step is the normal path; a step back corrects a mistake; a case can be closed from
any open stage (a young person may stop at any point); planning may go straight to monitoring
when no referral is needed; a closed case goes to follow-up or is re-opened for re-assessment.
"""

from __future__ import annotations

from intake_desktop.domain.enums import Stage

ORDER = (
    Stage.INTAKE, Stage.ASSESSMENT, Stage.PLANNING, Stage.REFERRAL, Stage.MONITORING,
    Stage.CLOSED, Stage.FOLLOW_UP,
)
OPEN_STAGES = ORDER[:5]


def allowed_next(stage: Stage) -> tuple[Stage, ...]:
    if stage is Stage.CLOSED:
        return (Stage.FOLLOW_UP, Stage.ASSESSMENT)
    if stage is Stage.FOLLOW_UP:
        return (Stage.CLOSED, Stage.ASSESSMENT)
    i = ORDER.index(stage)
    nexts = [ORDER[i + 1]]
    if i > 0:
        nexts.append(ORDER[i - 1])
    if stage is Stage.PLANNING:
        nexts.append(Stage.MONITORING)
    if Stage.CLOSED not in nexts:
        nexts.append(Stage.CLOSED)
    return tuple(nexts)


def is_reopening(old: Stage, new: Stage) -> bool:
    return old in (Stage.CLOSED, Stage.FOLLOW_UP) and new in OPEN_STAGES
