"""Backup fixtures: one small vault with demo cases and marker strings, built once per run and
copied for each test, and one backup of it.

The suite's conftest runs every test with the cheap KDF (`cheap_kdf`); session-scoped fixtures
enter it themselves, and subprocesses get it through tests/backup/cli_harness.py.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from intake_desktop.crypto.kdf import insecure_parameters_for_tests
from intake_desktop.domain.enums import Role
from intake_desktop.paths import VAULT_FILE
from intake_desktop.services import backup as B
from intake_desktop.services.demo import fill_demo
from intake_desktop.services.vault import Vault

PASSPHRASE = "correct horse battery"
COUNSELLOR_PASSPHRASE = "staple gun orange tree"
# Strings that appear only inside encrypted documents; none may show up in a backup file.
MARKERS = ("표식민수가나다", "01009871234", "비밀동작구마커로 77", "MARKER-aeb1c2d3")
DEMO_CASES = 60


@dataclass
class VaultCopy:
    data_dir: Path
    recovery_key: str
    marker_case: str

    def open(self, username: str = "admin", passphrase: str = PASSPHRASE):
        vault = Vault.open(self.data_dir)
        try:
            return vault, vault.unlock(username, passphrase)
        except BaseException:
            vault.close()
            raise


def files_digest(folder: Path) -> dict[str, str]:
    """SHA-256 of every file in a folder (the lock file is empty either way)."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(Path(folder).iterdir()) if p.is_file()
    }


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> VaultCopy:
    folder = tmp_path_factory.mktemp("template") / "vault"
    with insecure_parameters_for_tests():
        created = Vault.create(folder, "기지개센터", "admin", "관리자", PASSPHRASE)
        session = created.vault.unlock("admin", PASSPHRASE)
        session.accounts.add("kim.counsellor", Role.COUNSELLOR, COUNSELLOR_PASSPHRASE, "김상담")
        fill_demo(session, DEMO_CASES)
        marker_case = session.cases.create(
            {"name": MARKERS[0], "birth_date": "2001-02-03", "mobile": MARKERS[1],
             "address": {"postal_code": "06900", "road_address": MARKERS[2], "detail": ""}},
            {"risk_level": "high", "notes_marker": MARKERS[3]},
        )
        session.lock()
        created.vault.close()
    return VaultCopy(folder, created.recovery_key, marker_case)


@pytest.fixture
def vault_copy(template, tmp_path) -> VaultCopy:
    target = tmp_path / "data"
    shutil.copytree(template.data_dir, target)
    return VaultCopy(target, template.recovery_key, template.marker_case)


@pytest.fixture(scope="session")
def template_backup(template, tmp_path_factory) -> Path:
    """One backup of the template vault (made on a throw-away copy, so the template stays)."""
    scratch = tmp_path_factory.mktemp("template-backup")
    data = scratch / "data"
    shutil.copytree(template.data_dir, data)
    out = scratch / "out"
    out.mkdir()
    with insecure_parameters_for_tests():
        vault = Vault.open(data)
        session = vault.unlock("admin", PASSPHRASE)
        result = B.BackupService(session).create(out / "template.ikbak")
        session.lock()
        vault.close()
    return result.path


@pytest.fixture
def backup_copy(template_backup, tmp_path) -> Path:
    target = tmp_path / "copy.ikbak"
    shutil.copyfile(template_backup, target)
    return target


def vault_file(data_dir: Path) -> Path:
    return Path(data_dir) / VAULT_FILE
