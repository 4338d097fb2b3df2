"""What can go wrong with the centre server, in the project's error model (services/errors.py)."""

from __future__ import annotations

from intake_desktop.i18n import QT_TRANSLATE_NOOP
from intake_desktop.services import errors as E

MSG_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Errors", "The centre server {server} could not be reached ({reason}). Nothing was changed here; "
    "work goes on with this PC's vault and syncs when the server answers.")
MSG_NOT_CONFIGURED = QT_TRANSLATE_NOOP(
    "Errors", "This PC is not connected to a centre server. Use 'server init' or 'join' first.")
MSG_NO_URL = QT_TRANSLATE_NOOP(
    "Errors", "No centre server address: give --database-url or set INTAKE_DATABASE_URL.")
MSG_HUB_TAKEN = QT_TRANSLATE_NOOP(
    "Errors", "The database {server} already holds another centre's vault. Nothing was changed.")
MSG_HUB_EMPTY = QT_TRANSLATE_NOOP(
    "Errors", "The database {server} holds no centre vault yet. Run 'server init' on the first PC.")
MSG_OTHER_CENTRE = QT_TRANSLATE_NOOP(
    "Errors", "The centre server {server} holds another centre's vault, not this one. Nothing was changed.")
MSG_EPOCH_CHANGED = QT_TRANSLATE_NOOP(
    "Errors", "The centre server was set up again or replaced (its identity changed). Sync refused so that no "
    "newer change is lost; ask the person who runs the server.")
MSG_ROLLED_BACK = QT_TRANSLATE_NOOP(
    "Errors", "The centre server went back in time (it holds fewer changes than this PC already received: "
    "restored from an older backup?). Sync refused so that no newer change is lost; ask the person who "
    "runs the server.")
MSG_TAMPERED_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "The centre server sent {count} record(s) that were changed, moved or rolled back on the server. "
    "They were not applied; ask the person who runs the server.")
MSG_DROPPED_ROWS = QT_TRANSLATE_NOOP(
    "Errors", "The centre server did not deliver {count} record(s) that another PC sent to it (removed on the "
    "server?). Nothing of this sync was applied; ask the person who runs the server.")
MSG_SERVER_SCHEMA_NEWER = QT_TRANSLATE_NOOP(
    "Errors", "The centre server was set up by a newer version of intake-desktop. Install the newer version.")
MSG_NO_SUCH_CONFLICT = QT_TRANSLATE_NOOP("Errors", "There is no conflict for that record.")


class HubUnreachableError(E.ServiceError):
    """Exit 1: the server did not answer; the local vault was not changed."""


class HubRefusedError(E.DamagedError):
    """Exit 4: the server is not the one, or not in the state, this PC knows."""
