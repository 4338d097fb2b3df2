"""Attachments go into the vault sealed, come back byte-identical, and are refused or detected
when they should be."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest
from sqlalchemy import func, select

from intake_desktop.crypto.chunks import CHUNK_BYTES, PAD_BYTES
from intake_desktop.domain.attachments import MAX_BYTES
from intake_desktop.services import errors as E
from intake_desktop.storage.models import Attachment, AttachmentChunk
from vaultkit import actions, person, raw_db

from .conftest import CANARY, big_pdf_like, files_under, make_pdf, write


def _stored(session) -> tuple[int, int]:
    with session.db() as db:
        return (db.exec(select(func.count()).select_from(Attachment)).one()[0],
                db.exec(select(func.count()).select_from(AttachmentChunk)).one()[0])


def test_a_scan_comes_back_byte_identical_from_view_and_save(admin, case, tmp_path):
    original = big_pdf_like(CHUNK_BYTES * 2 + 12345)  # three chunks, the last a short one
    info = admin.attachments.attach(case, write(tmp_path / "동의서 스캔.pdf", original))
    assert (info.name, info.media_type, info.size, info.chunks) == ("동의서 스캔.pdf", "application/pdf",
                                                                     len(original), 3)
    assert [a.id for a in admin.attachments.list(case)] == [info.id]
    shown_info, shown = admin.attachments.open(info.id)
    assert shown == original and shown_info == info
    out = admin.attachments.save(info.id, tmp_path / "saved.pdf")
    assert out.read_bytes() == original
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert actions(admin)[-3:] == ["attachment.add", "attachment.view", "attachment.save"]


def test_stored_size_shows_only_a_size_class(admin, case, tmp_path, vault_dir):
    info = admin.attachments.attach(case, write(tmp_path / "a.png", b"\x89PNG\r\n\x1a\n" + b"x" * 1000))
    with raw_db(vault_dir) as raw:
        (length,) = raw.execute("SELECT length(data) FROM attachment_chunk WHERE attachment_id = ?",
                                (info.id,)).fetchone()
    assert length == PAD_BYTES + 1 + 12 + 16  # padded to 64 KiB, plus format byte, nonce, tag


def test_the_canary_is_in_no_byte_of_the_data_folder_or_tmpdir(admin, case, tmp_path, vault_dir, private_tmp):
    pdf = make_pdf()
    assert CANARY.encode() in pdf  # the test would see it if it were stored as it is
    source_dir = tmp_path / "scanner"
    source_dir.mkdir()
    info = admin.attachments.attach(case, write(source_dir / "consent.pdf", pdf))
    assert admin.attachments.open(info.id)[1] == pdf
    admin.subject_access.collect(case)
    needles = (CANARY.encode(), CANARY.encode("utf-16-le"))
    checked = 0
    for path in files_under(vault_dir, private_tmp):
        data = path.read_bytes()
        checked += 1
        assert not any(n in data for n in needles), path
    assert checked >= 1


def test_not_a_scan_is_refused_by_content_not_name(admin, case, tmp_path):
    with pytest.raises(E.UsageError) as refused:
        admin.attachments.attach(case, write(tmp_path / "scan.pdf", b"hello, I am a text file"))
    assert "scan.pdf" in str(refused.value) and "PDF, JPEG or PNG" in str(refused.value)
    jpeg = admin.attachments.attach(case, write(tmp_path / "photo.pdf", b"\xff\xd8\xff\xe0" + b"j" * 50))
    assert jpeg.media_type == "image/jpeg"
    assert _stored(admin) == (1, 1)


def test_too_big_is_refused_and_nothing_is_stored(admin, case, tmp_path, vault_dir):
    path = write(tmp_path / "huge.pdf", big_pdf_like(MAX_BYTES + 1))
    before = actions(admin)
    with pytest.raises(E.UsageError) as refused:
        admin.attachments.attach(case, path)
    assert "huge.pdf" in str(refused.value) and "20 MB" in str(refused.value)
    assert _stored(admin) == (0, 0)
    assert actions(admin) == before
    exactly = admin.attachments.attach(case, write(tmp_path / "max.pdf", big_pdf_like(MAX_BYTES)))
    assert exactly.size == MAX_BYTES and exactly.chunks == MAX_BYTES // CHUNK_BYTES


def _two(admin, case, tmp_path, other_case=None):
    a = admin.attachments.attach(case, write(tmp_path / "a.pdf", big_pdf_like(CHUNK_BYTES + 10, 1)))
    b = admin.attachments.attach(other_case or case, write(tmp_path / "b.pdf", big_pdf_like(CHUNK_BYTES + 10, 2)))
    return a, b


def _swap(raw: sqlite3.Connection, first: tuple, second: tuple) -> None:
    """Swap the ciphertext of chunk (attachment, idx) `first` with that of `second`."""
    query = "SELECT data FROM attachment_chunk WHERE attachment_id = ? AND idx = ?"
    (x,), (y,) = raw.execute(query, first).fetchone(), raw.execute(query, second).fetchone()
    update = "UPDATE attachment_chunk SET data = ? WHERE attachment_id = ? AND idx = ?"
    raw.execute(update, (y, *first))
    raw.execute(update, (x, *second))


def test_chunks_swapped_between_attachments_are_detected(admin, case, tmp_path, vault_dir):
    a, b = _two(admin, case, tmp_path)
    with raw_db(vault_dir) as raw:
        _swap(raw, (a.id, 0), (b.id, 0))
    for attachment in (a, b):
        with pytest.raises(E.DamagedError) as damaged:
            admin.attachments.open(attachment.id)
        assert damaged.value.exit_code == 4
    with pytest.raises(E.DamagedError):
        admin.attachments.save(a.id, tmp_path / "never.pdf")
    assert not (tmp_path / "never.pdf").exists()


def test_chunks_swapped_between_cases_are_detected(admin, case, tmp_path, vault_dir):
    other = admin.cases.create(person("다른사람"))
    a, b = _two(admin, case, tmp_path, other_case=other)
    with raw_db(vault_dir) as raw:
        _swap(raw, (a.id, 1), (b.id, 1))
    with pytest.raises(E.DamagedError):
        admin.attachments.open(a.id)
    with pytest.raises(E.DamagedError):
        admin.attachments.open(b.id)


def test_a_chunk_repointed_at_another_case_is_detected(admin, case, tmp_path, vault_dir):
    other = admin.cases.create(person("다른사람"))
    a, _ = _two(admin, case, tmp_path)
    with raw_db(vault_dir) as raw:
        raw.execute("UPDATE attachment_chunk SET case_id = ? WHERE attachment_id = ?", (other, a.id))
    with pytest.raises(E.DamagedError):
        admin.attachments.open(a.id)


def test_reordered_chunks_are_detected(admin, case, tmp_path, vault_dir):
    a, _ = _two(admin, case, tmp_path)
    with raw_db(vault_dir) as raw:
        _swap(raw, (a.id, 0), (a.id, 1))
    with pytest.raises(E.DamagedError):
        admin.attachments.open(a.id)


@pytest.mark.parametrize("cut", ["last", "first"])
def test_truncation_is_detected(admin, case, tmp_path, vault_dir, cut):
    a, _ = _two(admin, case, tmp_path)
    index = 1 if cut == "last" else 0
    with raw_db(vault_dir) as raw:
        raw.execute("DELETE FROM attachment_chunk WHERE attachment_id = ? AND idx = ?", (a.id, index))
    with pytest.raises(E.DamagedError):
        admin.attachments.open(a.id)


def test_a_renumbered_last_chunk_cannot_pass_for_a_shorter_file(admin, case, tmp_path, vault_dir):
    # Three chunks; drop the middle one and renumber the last as 1: indices are 0..1 again, but
    # chunk 1 was sealed as index 2.
    a = admin.attachments.attach(case, write(tmp_path / "c.pdf", big_pdf_like(CHUNK_BYTES * 2 + 5)))
    with raw_db(vault_dir) as raw:
        raw.execute("DELETE FROM attachment_chunk WHERE attachment_id = ? AND idx = 1", (a.id,))
        raw.execute("UPDATE attachment_chunk SET idx = 1 WHERE attachment_id = ? AND idx = 2", (a.id,))
    with pytest.raises(E.DamagedError):
        admin.attachments.open(a.id)


def test_tampering_is_also_refused_at_the_next_unlock(vault, admin, case, tmp_path, vault_dir):
    a, b = _two(admin, case, tmp_path)
    admin.lock()
    with raw_db(vault_dir) as raw:
        _swap(raw, (a.id, 0), (b.id, 0))
    with pytest.raises(E.DamagedError) as refused:
        vault.unlock("admin", "correct horse battery")
    assert "attachment_chunk" in str(refused.value)


def test_links_must_be_records_of_the_same_case(admin, case, tmp_path):
    other = admin.cases.create(person("다른사람"))
    foreign = admin.records.add("consent", other, {"kind": "collection", "given": "2026-01-01"})
    path = write(tmp_path / "s.pdf", make_pdf())
    with pytest.raises(E.UsageError):
        admin.attachments.attach(case, path, consent_id=foreign.id)
    own = admin.records.add("consent", case, {"kind": "collection", "given": "2026-01-01"})
    info = admin.attachments.attach(case, path, consent_id=own.id)
    assert info.kind == "consent"
    assert admin.attachments.scanned_consents(case) == {own.id}
    with pytest.raises(E.UsageError):
        admin.attachments.attach(case, path, kind="letter")


def test_roles_apply_as_to_other_case_data(login, tmp_path):
    kim, lee, boss = login("kim"), login("lee"), login("boss")
    case = kim.cases.create(person("김의 사례"))
    info = kim.attachments.attach(case, write(tmp_path / "s.pdf", make_pdf()))
    for attempt in (lambda: lee.attachments.list(case), lambda: lee.attachments.open(info.id),
                    lambda: lee.attachments.attach(case, tmp_path / "s.pdf"),
                    lambda: lee.attachments.save(info.id, tmp_path / "x.pdf")):
        with pytest.raises(E.DeniedError):
            attempt()
    boss.cases.share(case, lee.account_id)
    assert lee.attachments.open(info.id)[1] == make_pdf()
    with pytest.raises(E.DeniedError):
        lee.attachments.delete(info.id)  # shared, but not the one who attached it
    boss.attachments.delete(info.id)
    assert kim.attachments.list(case) == []
    assert "attachment.delete" in actions(boss)
