"""SQLite settings for a bot that many people write to at once and that may be killed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.ext.asyncio import AsyncEngine

BUSY_TIMEOUT_MS = 30_000
AUTOCHECKPOINT_PAGES = 10_000


def _is_sqlite(dbapi_connection: Any) -> bool:
    import sqlite3

    from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_connection

    module = type(dbapi_connection).__module__
    return (
        isinstance(dbapi_connection, sqlite3.Connection | AsyncAdapt_aiosqlite_connection)
        or module == "sqlite3"
        or module.startswith("sqlalchemy.dialects.sqlite")
    )


@event.listens_for(Engine, "connect")
def configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers go on while one writes and survives a killed process; the busy
    timeout makes concurrent writers wait their turn instead of failing. In WAL mode,
    synchronous NORMAL keeps every commit through a crash or kill of the bot (the OS has the
    write); only a power cut can lose the last moments, and each commit skips a disk flush."""
    if not _is_sqlite(dbapi_connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    # Checkpoints (copying the WAL back into the database, with a disk flush) would otherwise
    # fall on whichever message's commit crosses 1000 pages; ``checkpoint`` below does them
    # in the background, and this larger limit is only the safety net.
    cursor.execute(f"PRAGMA wal_autocheckpoint = {AUTOCHECKPOINT_PAGES}")
    cursor.close()


def main_engine() -> AsyncEngine | None:
    """The bot's database engine (nonebot-plugin-orm's default one; it has no public getter),
    None before the orm has started."""
    import nonebot_plugin_orm

    return nonebot_plugin_orm._engines.get("")


def is_sqlite() -> bool:
    engine = main_engine()
    return engine is not None and engine.url.get_backend_name() == "sqlite"


async def checkpoint() -> None:
    """Fold the WAL back into the database file, off the message path (a job runs it)."""
    import sqlalchemy as sa

    engine = main_engine()
    if engine is None or not is_sqlite():
        return
    async with engine.connect() as connection:
        await connection.execute(sa.text("PRAGMA wal_checkpoint(PASSIVE)"))
