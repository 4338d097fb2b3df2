"""The sign-in window appears before the heavy parts load (issue 16): it is built from the
vault's clear facts (services/front_door.py), the vault opens on a worker thread, and the
unlock waits for it. A vault that cannot be opened is still said, with its exit code."""

from __future__ import annotations

import json
import subprocess
import sys

from PySide6.QtWidgets import QMessageBox

from intake_desktop.services import errors as E
from intake_desktop.services.front_door import read_login_facts
from intake_desktop.ui.app import GuiFlow
from intake_desktop.ui.background import busy
from intake_desktop.ui.vault_opening import VaultOpening

from .conftest import ADMIN, CENTRE, PASSPHRASE

HEAVY = ("sqlalchemy", "sqlmodel", "alembic", "reportlab", "cryptography", "zxcvbn", "argon2")


def test_login_facts_are_the_vaults_own(centre_vault):
    facts = read_login_facts(centre_vault.data_dir)
    assert facts is not None
    assert facts.centre_name == centre_vault.centre_name == CENTRE
    assert facts.accounts == centre_vault.accounts()


def test_a_file_that_is_not_a_vault_gives_no_facts(tmp_path):
    (tmp_path / "vault.sqlite").write_bytes(b"not a database at all" * 100)
    assert read_login_facts(tmp_path) is None
    assert read_login_facts(tmp_path / "missing") is None


def test_the_login_window_is_shown_before_the_database_stack_loads(centre_vault, tmp_path):
    """In a fresh interpreter: when the window is shown, none of the heavy libraries is loaded;
    they arrive in the background afterwards (the vault opened, the rest imported)."""
    data_dir = centre_vault.data_dir
    centre_vault.close()  # the child opens it
    code = (
        "import json, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "import intake_desktop.ui.app as app\n"
        "seen = {}\n"
        "show = app.GuiFlow.show_login\n"
        "def shown(flow):\n"
        "    show(flow)\n"
        "    seen['at_login'] = sorted(sys.modules)\n"
        "    def later():\n"
        "        if flow.vault is None or 'intake_desktop.ui.main_window' not in sys.modules:\n"
        "            QTimer.singleShot(50, later); return\n"
        "        seen['vault_open'] = True\n"
        "        flow.login.close()\n"
        "    QTimer.singleShot(50, later)\n"
        "app.GuiFlow.show_login = shown\n"
        f"rc = app.run_gui({str(data_dir)!r}, 'ko', settings=app.AppSettings({str(tmp_path / 's.ini')!r}))\n"
        "print(json.dumps({'rc': rc, **seen}))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=180)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout.splitlines()[-1])
    assert data["rc"] == 0 and data["vault_open"]
    loaded = sorted({m.split(".")[0] for m in data["at_login"]} & set(HEAVY))
    assert loaded == []
    assert "intake_desktop.services.vault" not in data["at_login"]


def test_signing_in_while_the_vault_is_still_opening_waits_for_it(qtbot, centre_vault, settings):
    facts = read_login_facts(centre_vault.data_dir)
    opening = VaultOpening(facts)
    flow = GuiFlow(centre_vault.data_dir, settings)
    flow.opening = opening
    flow.show_login()
    login = flow.login
    login.select_account(ADMIN)
    login.passphrase.setText(PASSPHRASE)
    login.submit()  # the unlock waits on a worker thread; the UI thread goes on
    assert login.is_busy() and flow.session is None
    opening.open(lambda: centre_vault)  # the opening finishes only now
    qtbot.waitUntil(lambda: flow.main_window is not None and not flow.main_window.is_loading(), timeout=20_000)
    assert flow.session.username == ADMIN
    flow.main_window.close()


def test_a_vault_in_use_is_said_and_the_app_ends_with_its_code(qtbot, centre_vault, settings, monkeypatch):
    """Another window holds the vault (centre_vault keeps it open): the sign-in window shows at
    once, the background opening fails, and the person is told, as before any window was shown."""
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, title, text: said.append((title, text)))
    flow = GuiFlow(centre_vault.data_dir, settings)
    codes: list[int] = []
    flow.cannot_start.connect(codes.append)  # run_gui ends the application with it
    assert flow.start() is None
    assert flow.login is not None and flow.login.isVisible()
    qtbot.waitUntil(lambda: flow.exit_code is not None, timeout=20_000)
    assert codes == [flow.exit_code]
    qtbot.waitUntil(lambda: not busy(), timeout=20_000)
    assert flow.exit_code == E.ServiceError(E.MSG_IN_USE).exit_code
    assert len(said) == 1 and "이미 열려" in said[0][1]
    assert flow.login is None or not flow.login.isVisible()
    flow.shutdown()


def test_rows_damaged_behind_the_list_close_the_window_and_are_said(qtbot, centre_vault, settings):
    """The rows are checked beside the case list (services: unlock(rows_later=True) then
    check_rows()): a row deleted outside the program, which the list itself never reads, still
    ends the signed-in state, and the sign-in window says what unlocking would have said; the
    next unlock then checks the rows first and refuses."""
    import sqlite3

    from intake_desktop.paths import VAULT_FILE

    session = centre_vault.unlock(ADMIN, PASSPHRASE)
    case_id = session.cases.create({"name": "김기록", "birth_date": "2001-02-03", "mobile": "01012345678"})
    session.records.add("note", case_id, {"content": "면담"})
    session.lock()
    with sqlite3.connect(centre_vault.data_dir / VAULT_FILE) as raw:
        raw.execute("DELETE FROM session_note")

    flow = GuiFlow(centre_vault.data_dir, settings)
    flow.vault = centre_vault
    flow.show_login()
    assert flow.login.rows_later
    flow.login.select_account(ADMIN)
    flow.login.passphrase.setText(PASSPHRASE)
    flow.login.submit()
    qtbot.waitUntil(lambda: flow.row_check is not None, timeout=20_000)
    qtbot.waitUntil(lambda: flow.login is not None and bool(flow.login.error.text()), timeout=20_000)
    assert flow.main_window is None and flow.session is None
    assert "session_note" in flow.login.error.text()
    assert not flow.login.rows_later

    flow.login.passphrase.setText(PASSPHRASE)
    flow.login.error.clear()
    flow.login.submit()
    qtbot.waitUntil(lambda: not flow.login.is_busy(), timeout=20_000)
    assert "session_note" in flow.login.error.text()
    assert flow.main_window is None
    flow.login.close()
