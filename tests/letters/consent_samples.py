"""A sample consent form, shared by the consent-form and PNG tests."""

from __future__ import annotations

from datetime import date

from intake_desktop.letters import samples as S
from intake_desktop.letters.consent_form import ConsentFormContent, collection_part, recipient_consent_for, sensitive_part
from intake_desktop.letters.templates import load_template

KINDS_ON_FORM = ("welfare", "labour", "police")


def sample_form(birth: date | None = date(1999, 3, 2), **overrides) -> ConsentFormContent:
    recipients = tuple(recipient_consent_for(load_template(k), S.SAMPLE_RECIPIENTS[k], S.SAMPLE_FIELD_META)
                       for k in KINDS_ON_FORM)
    args = dict(
        organisation=S.SAMPLE_SENDER, issue_date=S.SAMPLE_ISSUE_DATE,
        collection=collection_part(["성명", "생년월일", "휴대전화", "주소", "고립·은둔 현황"]),
        recipients=recipients, sensitive=sensitive_part(["우울(PHQ-9)·불안(GAD-7) 검사 결과"]),
        person_name="황보미래", birth_date=birth,
    )
    args.update(overrides)
    return ConsentFormContent(**args)
