"""Shared fixtures for the GUI tests: headless Qt, cheap key derivation, a vault with cases.

Fixture names differ from the suite-wide ones in tests/conftest.py on purpose: these make a
fresh vault through the same service calls the wizard uses, with one administrator."""

from __future__ import annotations

import os

# Before anything imports Qt: no display needed, and no user settings touched.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import date
from pathlib import Path

import pytest

from intake_desktop.services.cases import NewCase
from intake_desktop.domain.enums import RiskLevel, Stage

PASSPHRASE = "blue river quiet 2024"
CENTRE = "서울청년기지개센터"
ADMIN = "admin"


# Cheap key derivation comes from tests/conftest.py (`cheap_kdf`), which honours `real_kdf`.


@pytest.fixture(autouse=True)
def korean_ui(qapp):
    """Korean is the default language; a test that wants English installs it itself."""
    from intake_desktop.ui.fonts import apply_korean_font
    from intake_desktop.ui.i18n import install_translator

    install_translator(qapp, "ko")
    family = apply_korean_font(qapp)
    assert family, (
        "No Korean font found (looked for NanumGothic / Noto Sans CJK KR). Install one, e.g. "
        "`apt-get install fonts-nanum`, or Korean text renders as boxes."
    )
    yield
    install_translator(qapp, "ko")


def close_all_windows(qapp) -> None:
    """Finish background work and close every window, so each test starts clean and no
    window outlives the vault it shows (closing the main window locks its session)."""
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone(10_000)
    qapp.processEvents()
    from PySide6.QtWidgets import QDialog

    for widget in qapp.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.done(QDialog.DialogCode.Rejected)  # not reject(): it may ask a question
        else:
            widget.close()
        widget.deleteLater()
    qapp.processEvents()
    # The test's garbage is freed here, on the UI thread, not during the next test (on whatever
    # thread the collector would happen to run: ui/ui_thread_gc.py).
    from intake_desktop.ui import ui_thread_gc

    ui_thread_gc.collect()


@pytest.fixture(autouse=True)
def no_leftover_windows(qapp):
    yield
    close_all_windows(qapp)


@pytest.fixture
def settings(tmp_path):
    from intake_desktop.ui.settings import AppSettings

    return AppSettings(tmp_path / "settings.ini")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def centre_vault(qapp, data_dir):
    from intake_desktop.services.vault import Vault

    created = Vault.create(data_dir, CENTRE, ADMIN, "김관리", PASSPHRASE)
    admin = created.vault.unlock(ADMIN, PASSPHRASE)
    admin.centre.update(phone="02-820-1234")  # as the set-up wizard asks: a way for partners to reply
    admin.lock()
    yield created.vault
    close_all_windows(qapp)
    created.vault.close()


@pytest.fixture
def signed_in(centre_vault):
    session = centre_vault.unlock(ADMIN, PASSPHRASE)
    yield session
    if not session.is_locked:
        session.lock()


# ~50 people: 가나다 spread, a few sharing initials with 김민수, phone numbers to search.
PEOPLE = [
    "김민수", "김민서", "김명숙", "강민석", "고민수", "이서연", "박지훈", "최유진", "정하늘", "윤서준",
    "장예린", "임도윤", "한지민", "오세훈", "서지우", "신하은", "권민재", "황수아", "안준호", "송다은",
    "전우진", "홍서윤", "유하준", "고은비", "문지호", "양채원", "손현우", "배소율", "백건우", "허민지",
    "남궁민", "노윤아", "하승민", "곽지성", "성유나", "차태현", "주은서", "우지안", "구본혁", "민채은",
    "나예준", "진서아", "지현수", "엄다인", "채승우", "원시우", "천가은", "방준서", "공하린", "현도현",
]
RISKS = [RiskLevel.URGENT, RiskLevel.HIGH, RiskLevel.MEDIUM, RiskLevel.LOW, None]


def make_cases(session, names=PEOPLE) -> None:
    """Cases created through the service, the same way the New case dialog does."""
    new_cases = []
    for i, name in enumerate(names):
        person = {
            "name": name,
            "birth_date": date(1990 + i % 15, 1 + i % 12, 1 + i % 28).isoformat(),
            "mobile": f"0105555{i:04d}",
        }
        risk = RISKS[i % len(RISKS)]
        case = {
            "risk_level": risk.value if risk else None,
            "last_contact": date(2025, 5, 1 + i % 28).isoformat(),
            "next_follow_up": date(2025, 6, 1 + i % 28).isoformat() if i % 3 else None,
        }
        new_cases.append(NewCase(person, case, stage=list(Stage)[i % len(Stage)]))
    session.cases.create_many(new_cases)


@pytest.fixture
def signed_in_with_cases(signed_in):
    make_cases(signed_in)
    return signed_in


def type_text(qtbot, field, text: str) -> None:
    """Type into a line edit. QTest can only synthesise ASCII key presses; Hangul arrives
    through the input method, which `insert` stands in for (it emits textEdited too)."""
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:
        field.insert(text)
