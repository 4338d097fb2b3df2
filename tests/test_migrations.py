"""Opening a vault made by an older schema upgrades it after a safety copy."""

from __future__ import annotations

import sqlite3

from alembic import command

from intake_desktop.services.vault import Vault
from intake_desktop.storage import migrate

PASSPHRASE = "correct horse battery"


def _revision(db_path) -> str:
    with sqlite3.connect(db_path) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_older_vault_is_copied_then_upgraded_and_still_opens(tmp_path):
    data_dir = tmp_path / "vault"
    created = Vault.create(data_dir, "센터", "admin", "관리자", PASSPHRASE)
    session = created.vault.unlock("admin", PASSPHRASE)
    case_id = session.cases.create({"name": "김민수", "birth_date": "2000-01-02"})
    config = migrate._config()
    with created.vault.engine.begin() as connection:  # take the schema back to 0001
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    created.vault.close()
    assert _revision(data_dir / "vault.sqlite") == "0001"

    with Vault.open(data_dir) as vault:
        assert _revision(data_dir / "vault.sqlite") == migrate.head_revision()
        copies = list(data_dir.glob("vault.sqlite.before-0001-*.bak"))
        assert len(copies) == 1 and _revision(copies[0]) == "0001"
        session = vault.unlock("admin", PASSPHRASE)
        assert session.cases.get(case_id).person["name"] == "김민수"


def test_custom_form_import_survives_reopening(tmp_path):
    from intake_desktop.paths import forms_dir

    data_dir = tmp_path / "vault"
    created = Vault.create(data_dir, "센터", "admin", "관리자", PASSPHRASE)
    session = created.vault.unlock("admin", PASSPHRASE)
    text = (forms_dir() / "gad7.yaml").read_text(encoding="utf-8").replace("version: 1", "version: 2", 1)
    assert session.forms.import_yaml(text, "gad7-v2.yaml").version == 2
    created.vault.close()
    with Vault.open(data_dir) as vault:
        session = vault.unlock("admin", PASSPHRASE)
        assert session.forms.registry().versions("gad7") == [1, 2]
