"""Accounts and key slots reach every PC at its next sync."""

from __future__ import annotations

import pytest

from intake_desktop.domain.enums import Role
from intake_desktop.services import errors as E
from intake_desktop.services.vault import Vault
from sync.centrekit import make_centre
from vaultkit import PASSPHRASES

NEW = "새 비밀번호는 충분히 길고 어렵다 2026!"


@pytest.fixture
def centre(tmp_path, vault_template, hub_url):
    return make_centre(tmp_path, vault_template.path, hub_url)


def test_a_passphrase_reset_and_a_new_account_reach_the_other_pc(centre):
    second = centre.join("pc2")
    with centre.first.session("admin") as s:
        s.accounts.reset_passphrase("lee", NEW)
        s.accounts.add("park", Role.COUNSELLOR, NEW, "박상담")
        s.sync.run()
    second.sync()
    with Vault.open(second.data_dir) as vault:
        with pytest.raises(E.DeniedError):
            vault.unlock("lee", PASSPHRASES["lee"])  # the old passphrase no longer opens it
        vault.unlock("lee", NEW).lock()
        vault.unlock("park", NEW).lock()
