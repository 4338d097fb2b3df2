"""A returned reply slip (회신서) with its scan: `reply --scan` and the shared service call store
the scan (kind "reply", linked to the referral) and name it in the slip's record; a refused file
records nothing."""

from __future__ import annotations

from datetime import date

import pytest

from intake_desktop.letters import ReferralDetails
from intake_desktop.services import errors as E
from intake_desktop.services.consent import HowGiven
from intake_desktop.services.vault import Vault

from vaultkit import PASSPHRASE


ISSUE = date(2025, 5, 20)
PERSON = {"name": "남궁민영", "birth_date": "2000-03-04", "mobile": "01098765432"}

SCAN = b"%PDF-1.4\n" + bytes(range(256)) * 40


def issue(session):
    case_id = session.cases.create(dict(PERSON))
    how = HowGiven(ISSUE)
    session.consent.record_collection(case_id, how)
    session.consent.record_provision(case_id, "welfare", ["name"], "연계", "1년", how)
    prepared = session.letters.prepare(case_id, "welfare", ReferralDetails(reason="또래 모임 연계",
                                                                           reply_by=date(2025, 6, 3)),
                                       issue_date=ISSUE)
    return case_id, session.letters.issue(prepared)


def _issue_in(vault_dir):
    with Vault.open(vault_dir) as vault:
        admin = vault.unlock("admin", PASSPHRASE)
        admin.centre.update(phone="02-820-1234", fax="02-820-1299")
        case_id, issued = issue(admin)
        admin.lock()
    return case_id, issued


def _state(vault_dir, case_id, issued):
    with Vault.open(vault_dir) as vault:
        admin = vault.unlock("admin", PASSPHRASE)
        try:
            referral = admin.referrals.for_letter(issued.number)
            scans = [(a, admin.attachments.open(a.id)[1]) for a in admin.attachments.list(case_id)]
            return referral, scans
        finally:
            admin.lock()


def test_reply_with_scan_attaches_and_links_it(cli, vault_dir, tmp_path):
    case_id, issued = _issue_in(vault_dir)
    scan = tmp_path / "회신서.pdf"
    scan.write_bytes(SCAN)
    result = cli("reply", "--user", "admin", "--letter", issued.number, "--result", "joined",
                 "--received", "2025-05-28", "--scan", scan, data_dir=vault_dir)
    assert result.code == 0, result.err
    referral, scans = _state(vault_dir, case_id, issued)
    assert referral.status == "in_service" and referral.reply_slip.result == "joined"
    assert len(scans) == 1
    attachment, content = scans[0]
    assert referral.reply_slip.scan_id == attachment.id
    assert attachment.kind == "reply" and attachment.referral_id == referral.id
    assert content == SCAN  # byte-identical
    assert attachment.id in result.out


def test_a_refused_scan_leaves_the_reply_unrecorded(cli, vault_dir, tmp_path):
    case_id, issued = _issue_in(vault_dir)
    bad = tmp_path / "slip.pdf"
    bad.write_bytes(b"MZ\x90\x00 not a scan at all" * 10)  # named .pdf, but an executable's bytes
    result = cli("reply", "--user", "admin", "--letter", issued.number, "--result", "joined",
                 "--received", "2025-05-28", "--scan", bad, data_dir=vault_dir)
    assert result.code == 2
    assert "slip.pdf" in result.err and "Traceback" not in result.err
    referral, scans = _state(vault_dir, case_id, issued)
    assert referral.reply_slip is None and referral.reply_date is None and referral.status != "in_service"
    assert scans == []
    missing = cli("reply", "--user", "admin", "--letter", issued.number, "--result", "joined",
                  "--received", "2025-05-28", "--scan", tmp_path / "nowhere.pdf", data_dir=vault_dir)
    assert missing.code != 0 and "Traceback" not in missing.err
    referral, scans = _state(vault_dir, case_id, issued)
    assert referral.reply_slip is None and scans == []


def test_a_refused_reply_takes_its_scan_away(login, tmp_path):
    admin = login("admin")
    admin.centre.update(phone="02-820-1234", fax="02-820-1299")
    case_id, issued = issue(admin)
    referral = admin.referrals.for_letter(issued.number)
    scan = tmp_path / "slip.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"x" * 500)
    with pytest.raises(E.UsageError):  # the reply date is before the letter went out
        admin.referrals.record_reply_with_scan(referral.id, "joined", date(2025, 5, 1), scan)
    assert admin.attachments.list(case_id) == []
    assert admin.referrals.get(referral.id).reply_slip is None


def test_a_second_slip_without_scan_keeps_the_first_scan(login, tmp_path):
    admin = login("admin")
    admin.centre.update(phone="02-820-1234", fax="02-820-1299")
    case_id, issued = issue(admin)
    referral = admin.referrals.for_letter(issued.number)
    scan = tmp_path / "slip.pdf"
    scan.write_bytes(SCAN)
    first = admin.referrals.record_reply_with_scan(referral.id, "joined", date(2025, 5, 27), scan)
    again = admin.referrals.record_reply_with_scan(referral.id, "joined", date(2025, 5, 28), None, staff="박복지")
    assert first.reply_slip.scan_id and again.reply_slip.scan_id == first.reply_slip.scan_id
    assert [a.id for a in admin.attachments.for_referral(case_id, referral.id)] == [first.reply_slip.scan_id]
