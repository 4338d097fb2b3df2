"""Centre sync: many PCs, each with its own vault, sharing one caseload through the centre's
PostgreSQL (docs/architecture.md, "Centre sync"). No Qt here."""

from intake_desktop.services.sync.errors import HubRefusedError, HubUnreachableError
from intake_desktop.services.sync.joining import JoinResult, join
from intake_desktop.services.sync.service import (
    Conflict, SyncResult, SyncService, SyncStatus, database_url_from_env,
)

__all__ = ["Conflict", "HubRefusedError", "HubUnreachableError", "JoinResult", "SyncResult", "SyncService",
           "SyncStatus", "database_url_from_env", "join"]
