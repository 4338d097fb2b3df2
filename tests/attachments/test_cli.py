"""attach / attachments on the command line: exit codes of the error model, JSON, --save."""

from __future__ import annotations

import json

from vaultkit import PASSPHRASES, person

from .conftest import make_pdf, write


def _case(vault_dir) -> str:
    from intake_desktop.services.vault import Vault

    with Vault.open(vault_dir) as vault:
        session = vault.unlock("kim", PASSPHRASES["kim"])
        try:
            return session.cases.get(session.cases.create(person("명령줄"))).case_number
        finally:
            session.lock()


def test_attach_list_and_save(cli, vault_dir, tmp_path):
    number = _case(vault_dir)
    pdf = make_pdf()
    scan = write(tmp_path / "동의서.pdf", pdf)
    kim = PASSPHRASES["kim"]
    done = cli("attach", "--user", "kim", "--case", number, "--file", scan, "--kind", "consent",
               data_dir=vault_dir, passphrase=kim)
    assert done.code == 0, done
    listed = cli("attachments", "--user", "kim", "--case", number, "--json", data_dir=vault_dir, passphrase=kim)
    assert listed.code == 0, listed
    (item,) = json.loads(listed.out)
    assert (item["name"], item["kind"], item["size"]) == ("동의서.pdf", "consent", len(pdf))
    assert item["id"] in done.out
    out = tmp_path / "saved.pdf"
    saved = cli("attachments", "--user", "kim", "--case", number, "--save", item["id"], "--out", out,
                data_dir=vault_dir, passphrase=kim)
    assert saved.code == 0, saved
    assert out.read_bytes() == pdf
    again = cli("attachments", "--user", "kim", "--case", number, "--save", item["id"], "--out", out,
                data_dir=vault_dir, passphrase=kim)
    assert again.code == 2 and "--force" in again.err
    plain = cli("attachments", "--user", "kim", "--case", number, data_dir=vault_dir, passphrase=kim)
    assert "동의서.pdf" in plain.out and "consent" in plain.out


def test_refusals_have_their_exit_codes(cli, vault_dir, tmp_path):
    number = _case(vault_dir)
    text = write(tmp_path / "scan.pdf", b"not a scan at all")
    wrong = cli("attach", "--user", "kim", "--case", number, "--file", text, data_dir=vault_dir,
                passphrase=PASSPHRASES["kim"])
    assert wrong.code == 2 and "scan.pdf" in wrong.err and "Traceback" not in wrong.err
    missing = cli("attach", "--user", "kim", "--case", number, "--file", tmp_path / "nope.pdf",
                  data_dir=vault_dir, passphrase=PASSPHRASES["kim"])
    assert missing.code == 1 and "nope.pdf" in missing.err
    denied = cli("attach", "--user", "lee", "--case", number, "--file", write(tmp_path / "ok.pdf", make_pdf()),
                 data_dir=vault_dir, passphrase=PASSPHRASES["lee"])
    assert denied.code == 3
    half = cli("attachments", "--user", "kim", "--case", number, "--save", "x", data_dir=vault_dir,
               passphrase=PASSPHRASES["kim"])
    assert half.code == 2
    listed = cli("attachments", "--user", "kim", "--case", number, "--json", data_dir=vault_dir,
                 passphrase=PASSPHRASES["kim"])
    assert json.loads(listed.out) == []
