"""SQLite settings for a bot that many people write to at once and that may be killed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event

BUSY_TIMEOUT_MS = 30_000


def _is_sqlite(dbapi_connection: Any) -> bool:
    module = type(dbapi_connection).__module__
    return module == "sqlite3" or module.startswith("sqlalchemy.dialects.sqlite")


@event.listens_for(Engine, "connect")
def configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers go on while one writes and survives a killed process; the busy
    timeout makes concurrent writers wait their turn instead of failing."""
    if not _is_sqlite(dbapi_connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()
