"""Reply slips (회신서): printed with the letter or alone, initials only; a returned slip moves the
referral and gives the statistics their reply date."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

from intake_desktop.domain.korean import initials_of
from intake_desktop.letters import ReferralDetails
from intake_desktop.services import errors as E
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.referrals import REPLY_RESULTS, path_to
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE

ISSUE = date(2025, 5, 20)
PERSON = {"name": "남궁민영", "birth_date": "2000-03-04", "mobile": "01098765432",
          "address": {"postal_code": "06900", "road_address": "서울특별시 동작구 상도로 7", "detail": "301호"}}


@pytest.fixture
def session(login):
    admin = login("admin")
    admin.centre.update(phone="02-820-1234", fax="02-820-1299", postal_code="06978",
                        address="서울특별시 동작구 노량진로 10")
    return admin


def issue(session, *, reply_slip: bool = True, partner: str = "welfare"):
    case_id = session.cases.create(dict(PERSON))
    how = HowGiven(ISSUE)
    session.consent.record_collection(case_id, how)
    session.consent.record_provision(case_id, partner, ["name", "birth_date", "mobile"], "연계", "1년", how)
    prepared = session.letters.prepare(case_id, partner, ReferralDetails(reason="또래 모임 연계", reply_by=date(2025, 6, 3)),
                                       issue_date=ISSUE, reply_slip=reply_slip)
    return case_id, session.letters.issue(prepared)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def test_initials():
    assert initials_of("김민수") == "ㄱㅁㅅ"
    assert initials_of("남궁 민영") == "ㄴㄱㅁㅇ"
    assert initials_of("Maria López") == "M. L."
    assert initials_of("  ") == ""


def test_the_slip_is_the_letters_last_page_with_initials_only(session):
    _case, with_slip = issue(session)
    _case2, without = issue(session, reply_slip=False)
    slip_pages, plain_pages = pages(with_slip.pdf), pages(without.pdf)
    assert len(slip_pages) == len(plain_pages) + 1
    slip = slip_pages[-1]
    assert "회신서" in slip and with_slip.number in slip
    assert "ㄴㄱㅁㅇ" in slip
    for part in ("참여", "미참여", "연락 안 됨", "접수일", "담당자", "제공 서비스", "회신일",
                 "02-820-1299", "06978", "2025. 6. 3."):
        assert part in slip, part
    # the letter itself carries the name (consented); the slip never does
    assert "남궁민영" in "".join(plain_pages)
    for secret in ("남궁민영", "민영", "2000", "3. 4.", "9876", "010", "상도로"):
        assert secret not in slip, secret
    assert not any("회신서" in text for text in plain_pages)


def test_the_reprint_and_the_separate_slip(session):
    case_id, issued = issue(session)
    assert session.letters.reprint(issued.number) == issued.pdf  # the slip is part of the copy
    alone = session.letters.reply_slip(issued.number)
    assert alone == session.letters.reply_slip(issued.letter_id)  # deterministic
    texts = pages(alone)
    assert len(texts) == 1 and issued.number in texts[0] and "ㄴㄱㅁㅇ" in texts[0]
    assert "남궁민영" not in texts[0]
    # a letter issued without one still gets its slip, from the person's initials now
    _case, plain = issue(session, reply_slip=False)
    assert "ㄴㄱㅁㅇ" in pages(session.letters.reply_slip(plain.number))[0]


def test_slip_checkboxes_are_drawn(session):
    _case, issued = issue(session)
    page = pypdf.PdfReader(io.BytesIO(session.letters.reply_slip(issued.number))).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    assert content.count(" re") >= 3  # three rectangles, one per answer (no ☐ glyph needed)
    assert "\u2610" not in pages(session.letters.reply_slip(issued.number))[0]


def test_path_through_the_statuses():
    assert path_to("sent", "in_service") == ["received", "in_service"]
    assert path_to("received", "in_service") == ["in_service"]
    assert path_to("declined", "declined") == []
    assert path_to("done", "in_service") is None
    assert set(REPLY_RESULTS) == {"joined", "declined", "unreachable"}
    from intake_desktop.cli.letter_commands import REPLY_RESULTS as CLI_CHOICES

    assert set(CLI_CHOICES) == set(REPLY_RESULTS)  # the parser's list stays light, and in step


def test_a_returned_slip_moves_the_referral_and_the_statistics(session):
    _case, issued = issue(session)
    before = session.stats.compute("2025-05", "2025-06").figure("referrals")
    row = [r.key for r in before.rows].index(issued.partner_id)
    assert before.counts[row][0] == 1  # sent, awaiting reply
    assert before.extra[row][1] == 0  # no reply yet

    referral = session.referrals.for_letter(issued.number)
    info = session.referrals.record_reply(referral.id, "joined", date(2025, 5, 27), service="또래 모임 주 1회",
                                          staff="박복지")
    assert info.status == "in_service"
    assert info.reply_date == date(2025, 5, 27)
    assert [(h.from_status, h.to_status) for h in info.history][-2:] == [("sent", "received"),
                                                                          ("received", "in_service")]
    assert info.reply_slip.result == "joined" and info.reply_slip.service == "또래 모임 주 1회"
    assert info.reply_slip.staff == "박복지" and info.reply_slip.received == date(2025, 5, 27)

    after = session.stats.compute("2025-05", "2025-06").figure("referrals")
    statuses = [c.key for c in after.columns]
    assert after.counts[row][statuses.index("sent")] == 0
    assert after.counts[row][statuses.index("in_service")] == 1
    assert after.extra[row] == (7, 1)  # replied after 7 days, one reply


@pytest.mark.parametrize("result", ["declined", "unreachable"])
def test_not_joined_or_unreachable_end_the_referral(session, result):
    _case, issued = issue(session)
    referral = session.referrals.for_letter(issued.number)
    info = session.referrals.record_reply(referral.id, result, date(2025, 5, 30))
    assert info.status == "declined" and info.reply_slip.result == result
    with pytest.raises(E.UsageError):  # a closed referral cannot become joined
        session.referrals.record_reply(referral.id, "joined", date(2025, 5, 30))


def test_reply_dates_and_results_are_checked(session):
    _case, issued = issue(session)
    referral = session.referrals.for_letter(issued.number)
    with pytest.raises(E.UsageError):
        session.referrals.record_reply(referral.id, "joined", date(2025, 5, 19))  # before the letter
    with pytest.raises(E.UsageError):
        session.referrals.record_reply(referral.id, "maybe", date(2025, 5, 21))
    assert session.referrals.get(referral.id).status == "sent"


def test_an_earlier_reply_stays_the_reply_date(session):
    _case, issued = issue(session)
    referral = session.referrals.for_letter(issued.number)
    session.referrals.set_status(referral.id, "received", reply_date=date(2025, 5, 22))
    info = session.referrals.record_reply(referral.id, "joined", date(2025, 5, 29))
    assert info.reply_date == date(2025, 5, 22)  # the partner's first answer
    assert info.reply_slip.received == date(2025, 5, 29)


def test_the_scan_hook_names_the_attachment(session):
    _case, issued = issue(session)
    referral = session.referrals.for_letter(issued.number)
    session.referrals.record_reply(referral.id, "joined", date(2025, 5, 27))
    info = session.referrals.link_reply_scan(referral.id, "attachment-1")
    assert info.reply_slip.scan_id == "attachment-1" and info.reply_slip.result == "joined"


def test_reply_command_line(cli, vault_dir, tmp_path):
    with Vault.open(vault_dir) as vault:
        admin = vault.unlock("admin", PASSPHRASE)
        admin.centre.update(phone="02-820-1234", fax="02-820-1299")
        _case, issued = issue(admin)
        admin.lock()
    out = tmp_path / "slip.pdf"
    result = cli("reply-slip", "--user", "admin", "--letter", issued.number, "--out", out, data_dir=vault_dir)
    assert result.code == 0, result.err
    assert issued.number in pages(out.read_bytes())[0]
    result = cli("reply", "--user", "admin", "--letter", issued.number, "--result", "unreachable",
                 "--received", "2025-05-28", data_dir=vault_dir)
    assert result.code == 0, result.err
    assert "declined" in result.out or "거절" in result.out
    result = cli("reply", "--user", "admin", "--letter", issued.number, "--result", "joined",
                 "--received", "2025-05-28", data_dir=vault_dir)
    assert result.code == 2
