"""Attachments travel with the case: into backups, into the data-subject export, and out of the
vault entirely when the case is destroyed."""

from __future__ import annotations

import io
import json

import pypdf

from intake_desktop.crypto.chunks import CHUNK_BYTES
from intake_desktop.services.vault import Vault
from vaultkit import PASSPHRASE, raw_db

from .conftest import CANARY, big_pdf_like, make_pdf, write


def test_a_backup_restore_gives_the_same_bytes(admin, case, tmp_path):
    scan = big_pdf_like(CHUNK_BYTES * 2 + 777)
    info = admin.attachments.attach(case, write(tmp_path / "scan.pdf", scan), kind="other")
    (tmp_path / "backups").mkdir()
    made = admin.backup.create(tmp_path / "backups")
    verified = admin.backup.verify(made.path)
    assert verified.damaged_values == 0
    restored = admin.backup.restore_into(made.path, tmp_path / "restored")
    with Vault.open(restored.vault_path.parent) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        try:
            assert [a.id for a in session.attachments.list(case)] == [info.id]
            assert session.attachments.open(info.id)[1] == scan
        finally:
            session.lock()


def test_the_deep_backup_check_sees_a_swapped_chunk(admin, case, tmp_path, vault_dir):
    a = admin.attachments.attach(case, write(tmp_path / "a.pdf", big_pdf_like(CHUNK_BYTES + 1, 1)))
    b = admin.attachments.attach(case, write(tmp_path / "b.pdf", big_pdf_like(CHUNK_BYTES + 1, 2)))
    (tmp_path / "backups").mkdir()
    made = admin.backup.create(tmp_path / "backups")
    assert admin.backup.verify(made.path).damaged_values == 0
    with raw_db(vault_dir) as raw:  # the same swap, then a new backup of the damaged vault
        (x,) = raw.execute("SELECT data FROM attachment_chunk WHERE attachment_id = ? AND idx = 0", (a.id,)).fetchone()
        (y,) = raw.execute("SELECT data FROM attachment_chunk WHERE attachment_id = ? AND idx = 0", (b.id,)).fetchone()
        raw.execute("UPDATE attachment_chunk SET data = ? WHERE attachment_id = ? AND idx = 0", (y, a.id))
        raw.execute("UPDATE attachment_chunk SET data = ? WHERE attachment_id = ? AND idx = 0", (x, b.id))
    damaged = admin.backup.create(tmp_path / "backups" / "damaged.ikbak", verify=False)
    assert admin.backup.verify(damaged.path).damaged_values == 2


def test_the_subject_export_carries_the_files(admin, case, tmp_path):
    pdf = make_pdf()
    png = b"\x89PNG\r\n\x1a\n" + b"p" * 300
    admin.attachments.attach(case, write(tmp_path / "동의서.pdf", pdf))
    admin.attachments.attach(case, write(tmp_path / "회신서:1?.png", png), kind="reply")
    target = admin.subject_access.export(case, tmp_path / "export")
    data = json.loads(target.read_text("utf-8"))
    assert [(a["name"], a["size"]) for a in data["attachments"]] == [("동의서.pdf", len(pdf)),
                                                                      ("회신서:1?.png", len(png))]
    folder = target.parent / f"{data['case_number']}-files"
    files = sorted(folder.iterdir())
    assert [p.name for p in files] == ["01-동의서.pdf", "02-회신서_1_.png"]
    assert files[0].read_bytes() == pdf and files[1].read_bytes() == png
    summary = pypdf.PdfReader(io.BytesIO(target.with_suffix(".pdf").read_bytes()))
    text = "".join((page.extract_text() or "") for page in summary.pages).replace(" ", "")
    assert "첨부문서(2건)" in text and "동의서.pdf" in text


def test_destruction_leaves_neither_plaintext_nor_ciphertext(admin, case, tmp_path, vault_dir):
    pdf = make_pdf(pages=3)
    info = admin.attachments.attach(case, write(tmp_path / "c.pdf", pdf))
    with raw_db(vault_dir) as raw:
        (blob,) = raw.execute("SELECT data FROM attachment_chunk WHERE attachment_id = ?", (info.id,)).fetchone()
        (meta,) = raw.execute("SELECT data FROM attachment WHERE id = ?", (info.id,)).fetchone()
    pieces = [bytes(blob[13:45]), bytes(blob[-48:]), bytes(meta[13:45])]  # inside the ciphertext

    def everything() -> bytes:
        return b"".join(p.read_bytes() for p in sorted(vault_dir.iterdir()) if p.is_file())

    assert all(piece in everything() for piece in pieces)  # the check can see them
    admin.retention.destroy(case, "보존기간 경과")
    remaining = everything()
    assert not any(piece in remaining for piece in pieces)
    assert CANARY.encode() not in remaining
    with raw_db(vault_dir) as raw:
        assert raw.execute("SELECT count(*) FROM attachment_chunk").fetchone() == (0,)
        assert raw.execute("SELECT count(*) FROM attachment").fetchone() == (0,)
