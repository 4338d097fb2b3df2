"""A sealed copy of the case list, so that unlock → list does not decrypt every case again.

At 100k cases the list decrypts 200k documents, parses them and sorts them 가나다: seconds of
Python work at every sign-in. After such a full load the list's summaries (already sorted) are
stored as one value: compressed, encrypted and authenticated under the vault's key (AES-GCM,
associated data naming this vault_meta row), stamped with the whole-vault integrity digests of
the `person` and `case_file` tables (services/integrity.py) read in the same transaction.

The next load uses it only if the stamp equals the digests now. Those digests move with every
write to either table (kept in step by the integrity tracker inside each write's own
transaction), so a snapshot can never show a list older than the rows; and any commit that
changes either table deletes the snapshot in the same transaction (VaultDb.commit), so a
destroyed or corrected person never lives on in it (secure_delete zeroes the freed pages).

Only sessions that see every case (supervisor, admin) save or use it: a counsellor's list is
filtered to their own and shared cases and is small. Counsellor names are not stored: they are
read fresh from the accounts at each load. Small vaults (< MIN_CASES) are loaded directly.
"""

from __future__ import annotations

import base64
import contextlib
import gc
import json
import zlib
from datetime import date

from intake_desktop.crypto.aead import associated_data
from intake_desktop.crypto.errors import TamperedError
from intake_desktop.crypto.rowset import SetDigest
from intake_desktop.domain.cases import CaseSummary
from intake_desktop.domain.enums import RiskLevel, Stage
from intake_desktop.domain.search import CaseIndex
from intake_desktop.services import integrity
from intake_desktop.storage.models import VaultMeta

SNAPSHOT_KEY = "case_list"
FORMAT = 1
MIN_CASES = 2000  # below this a full load takes well under a tenth of a second
STAMPED_TABLES = ("person", "case_file")


def _aad() -> bytes:
    return associated_data("vault_meta", "value", SNAPSHOT_KEY, FORMAT)


def stamp(db, keyring) -> list | None:
    """The integrity digests of the tables the list is made from (None: no sealed state)."""
    try:
        state = integrity.load_state(db, keyring)
    except TamperedError:
        return None
    if state is None:
        return None
    return [state.tables.get(table, SetDigest()).to_json() for table in STAMPED_TABLES]


class _Days(dict):
    """ISO dates parsed once each: a list of 100k cases holds a few thousand distinct dates."""

    def __missing__(self, value: str | None) -> date | None:
        parsed = self[value] = date.fromisoformat(value) if value else None
        return parsed


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def save(db, keyring, index: CaseIndex, stamped: list) -> None:
    """Store the list (in its order, with its search forms) if the tables are still as
    `stamped` (read with the rows it was made from)."""
    if stamp(db, keyring) != stamped:
        return  # written to meanwhile: the next load makes a fresh one
    rows = [[s.case_id, s.case_number, s.name, _iso(s.birth_date), s.stage.value,
             s.risk_level.value if s.risk_level else None, s.counsellor_id, s.mobile,
             _iso(s.last_contact), _iso(s.next_follow_up), s.is_demo, s.crisis, _iso(s.created), name, initials]
            for s, (name, initials) in zip(index.items, index.name_forms())]
    text = json.dumps({"format": FORMAT, "stamp": stamped, "rows": rows}, ensure_ascii=False, separators=(",", ":"))
    blob = keyring.cipher("fields").encrypt(zlib.compress(text.encode("utf-8", "surrogatepass"), 1), _aad())
    db.merge(VaultMeta(key=SNAPSHOT_KEY, value=base64.b64encode(blob).decode("ascii")))


def load(db, keyring, counsellor_names: dict[str, str]) -> CaseIndex | None:
    """The stored list if it matches the tables now, else None (the caller loads in full).
    A snapshot that fails authentication is ignored, not reported: the rows themselves are what
    the integrity check guards."""
    row = db.get(VaultMeta, SNAPSHOT_KEY)
    if row is None:
        return None
    current = stamp(db, keyring)
    if current is None:
        return None
    return _parse(row.value, keyring, current, counsellor_names)


@contextlib.contextmanager
def no_cyclic_gc():
    """Loading the list makes millions of small objects and no cycles: the cyclic collector
    would run dozens of full passes over them for nothing (a third of the time at 100k cases).
    Whatever cyclic garbage is made meanwhile is collected after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _parse(value: str, keyring, current: list, counsellor_names: dict[str, str]) -> CaseIndex | None:
    try:
        blob = base64.b64decode(value.encode("ascii"), validate=True)
        data = json.loads(zlib.decompress(keyring.cipher("fields").decrypt(blob, _aad())).decode("utf-8", "surrogatepass"))
    except (TamperedError, ValueError, zlib.error, UnicodeError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("stamp") != current:
        return None
    stages = {s.value: s for s in Stage}
    risks: dict[str | None, RiskLevel | None] = {r.value: r for r in RiskLevel}
    risks[None] = None
    day = _Days()
    names = counsellor_names.get
    summaries, forms = [], []
    try:
        for i, n, name, b, st, r, c, m, lc, nf, demo, crisis, created, folded, initials in data["rows"]:
            summaries.append(CaseSummary(i, n, name, day[b], stages[st], risks[r], c, names(c, ""), m, day[lc],
                                         day[nf], demo, crisis, day[created]))
            forms.append((folded, initials))
    except (KeyError, TypeError, ValueError):  # authentic but not this format's shape: load in full
        return None
    return CaseIndex(summaries, forms)


def drop(db) -> None:
    """Forget the snapshot (a commit changed person or case rows)."""
    row = db.get(VaultMeta, SNAPSHOT_KEY)
    if row is not None:
        db.delete(row)
