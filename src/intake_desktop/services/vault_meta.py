"""Small JSON documents the services keep in vault_meta (the centre profile, the letters'
number high-water marks): read in one way everywhere."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from intake_desktop.services import errors as E
from intake_desktop.storage.models import VaultMeta

if TYPE_CHECKING:
    from sqlmodel import Session as DbSession


def json_object(db: DbSession, key: str) -> dict[str, Any]:
    """The JSON object stored under `key`; {} when there is none. Text that is not JSON was
    changed outside intake-desktop: DamagedError."""
    row = db.get(VaultMeta, key)
    if row is None:
        return {}
    try:
        data = json.loads(row.value)
    except ValueError as exc:
        raise E.DamagedError() from exc
    return data if isinstance(data, dict) else {}
