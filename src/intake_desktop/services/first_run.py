"""Creating a centre's vault with the details every letter needs: one rule for the set-up wizard
and the `init` command, so that neither can leave a centre unable to issue a letter a partner can
answer (issue 15, item 13)."""

from __future__ import annotations

from pathlib import Path

from intake_desktop.services.centre import check_reply_details
from intake_desktop.services.vault import CreatedVault, Vault


def create_centre_vault(data_dir: Path, centre_name: str, admin: str, display_name: str, passphrase: str,
                        contact: dict[str, str] | None) -> CreatedVault:
    """Create the vault and store the centre's reply details (address, phone, fax, e-mail) in its
    profile. The details are checked first, so a problem with them creates nothing. Without
    `contact` the vault is created as before and letters wait until an administrator enters them.
    Storing them is an administrator's change, hence the new administrator's session."""
    checked = check_reply_details(**contact) if contact else None
    created = Vault.create(data_dir, centre_name, admin, display_name, passphrase)
    if checked:
        session = created.vault.unlock(admin, passphrase)
        try:
            session.centre.update(**checked)
        finally:
            session.lock()
    return created
