"""The command line of the centre server: server init, join, sync, sync status, conflicts."""

from __future__ import annotations

import json
import shutil

from intake_desktop.paths import VAULT_FILE
from sync.centrekit import Pc, records
from vaultkit import PASSPHRASES


def test_init_join_sync_and_status_from_the_command_line(cli, tmp_path, vault_template, hub_url, monkeypatch):
    first, second = tmp_path / "pc1", tmp_path / "pc2"
    first.mkdir()
    shutil.copyfile(vault_template.path / VAULT_FILE, first / VAULT_FILE)
    admin = PASSPHRASES["admin"]
    result = cli("server", "init", "--database-url", hub_url, "--user", "admin", data_dir=first, passphrase=admin)
    assert result.code == 0, result.err
    monkeypatch.setenv("INTAKE_DATABASE_URL", hub_url)  # the address from the environment this time
    assert cli("join", data_dir=second, passphrase=None).code == 0
    synced = cli("sync", "--user", "kim", "--json", data_dir=second, passphrase=PASSPHRASES["kim"])
    assert synced.code == 0, synced.err
    assert json.loads(synced.out)["in_step"] is True and json.loads(synced.out)["pulled"] > 0
    status = cli("sync", "status", "--user", "kim", "--json", data_dir=second, passphrase=PASSPHRASES["kim"])
    facts = json.loads(status.out)
    assert facts["configured"] and facts["waiting"] == 0 and facts["conflicts"] == 0 and facts["last_sync_at"]
    assert json.loads(cli("conflicts", "--user", "kim", "--json", data_dir=second,
                          passphrase=PASSPHRASES["kim"]).out) == []


def test_an_unreachable_server_is_exit_1_with_a_message_and_the_vault_unchanged(cli, tmp_path, vault_template,
                                                                                 hub_url, pg_server):
    pc = tmp_path / "pc1"
    pc.mkdir()
    shutil.copyfile(vault_template.path / VAULT_FILE, pc / VAULT_FILE)
    admin = PASSPHRASES["admin"]
    assert cli("server", "init", "--database-url", hub_url, "--user", "admin", data_dir=pc, passphrase=admin).code == 0
    with Pc(pc, "pc1").session() as s:
        s.cases.create({"name": "오프라인", "birth_date": "2004-03-01"})  # a change waiting to be sent
    before = records(Pc(pc, "pc1"))
    pg_server.stop()
    try:
        result = cli("sync", "--user", "admin", data_dir=pc, passphrase=admin)
        ko = cli("--lang", "ko", "sync", "--user", "admin", data_dir=pc, passphrase=admin)
    finally:
        pg_server.start()
    assert result.code == 1
    assert "could not be reached" in result.err and "Traceback" not in result.err
    assert ko.code == 1 and "센터 서버" in ko.err
    assert records(Pc(pc, "pc1")) == before
    status = cli("sync", "status", "--user", "admin", "--json", data_dir=pc, passphrase=admin)
    assert json.loads(status.out)["waiting"] >= 2  # the person and the case are still to be sent


def test_the_password_never_goes_in_the_arguments(cli):
    result = cli("sync", "--help")
    assert "password" not in result.out.lower()
