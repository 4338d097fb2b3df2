"""After sign-in, a key slot weaker than a new one is offered to be strengthened (issue 16):
the passphrase once more, then the slot is rewrapped at the current Argon2id target."""

from __future__ import annotations

import pytest

from intake_desktop.crypto import kdf
from intake_desktop.services.vault import Vault
from intake_desktop.ui.app import GuiFlow
from intake_desktop.ui.key_slot_offer import StrengthenKeySlotDialog

from .conftest import ADMIN, CENTRE, PASSPHRASE


def _sign_in(qtbot, flow: GuiFlow) -> None:
    flow.show_login()
    flow.login.select_account(ADMIN)
    flow.login.passphrase.setText(PASSPHRASE)
    flow.login.submit()
    qtbot.waitUntil(lambda: flow.main_window is not None and not flow.main_window.is_loading(), timeout=60_000)


@pytest.mark.real_kdf
def test_an_outdated_slot_is_offered_and_strengthened(qtbot, qapp, data_dir, settings, monkeypatch):
    monkeypatch.setattr(kdf._policy, "cost_override", (kdf.MIN_MEMORY_KIB, kdf.MIN_ITERATIONS))  # an older vault
    created = Vault.create(data_dir, CENTRE, ADMIN, "김관리", PASSPHRASE)
    monkeypatch.setattr(kdf._policy, "cost_override", None)
    flow = GuiFlow(data_dir, settings)
    flow.vault = created.vault
    try:
        _sign_in(qtbot, flow)
        qtbot.waitUntil(lambda: flow.key_slot_offer is not None and flow.key_slot_offer.isVisible(), timeout=20_000)
        offer = flow.key_slot_offer
        assert isinstance(offer, StrengthenKeySlotDialog)
        offer.grab().save(str(data_dir.parent / "key_slot_offer.png"))

        offer.passphrase.setText("not the passphrase")
        offer.submit()
        qtbot.waitUntil(lambda: bool(offer.error.text()), timeout=60_000)
        assert offer.error.text() == "비밀번호가 틀렸습니다."
        assert offer.isVisible() and flow.session.accounts.key_slot_outdated()

        offer.passphrase.setText(PASSPHRASE)
        offer.submit()
        qtbot.waitUntil(lambda: not offer.isVisible(), timeout=60_000)
        assert offer.strengthened
        assert not flow.session.accounts.key_slot_outdated()
    finally:
        if flow.main_window is not None:
            flow.main_window.close()
        flow.shutdown()


def test_a_current_slot_is_not_offered(qtbot, centre_vault, settings):
    flow = GuiFlow(centre_vault.data_dir, settings)
    flow.vault = centre_vault
    _sign_in(qtbot, flow)
    assert flow.key_slot_offer is None
    flow.main_window.close()


def test_later_keeps_the_slot_as_it_is(qtbot, signed_in, monkeypatch):
    monkeypatch.setattr(type(signed_in.accounts), "key_slot_outdated", lambda _self: True)
    from intake_desktop.ui.key_slot_offer import offer_if_outdated

    offer = offer_if_outdated(signed_in)
    assert offer is not None and offer.isVisible()
    offer.later_button.click()
    assert not offer.isVisible() and not offer.strengthened
