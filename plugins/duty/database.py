"""SQLite settings for a bot that many people write to at once and that may be killed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.ext.asyncio import AsyncEngine

from dutybot import db_lock

BUSY_TIMEOUT_MS = 30_000
AUTOCHECKPOINT_PAGES = 10_000
# Key of the PostgreSQL advisory lock that serialises migrations ("dutybot" in ASCII).
MIGRATION_LOCK_KEY = 0x64757479626F74

# Off only while migrations run: SQLite's table rebuilds (batch_alter_table) drop and re-create
# tables, which enforced foreign keys would refuse or cascade.
_enforce_foreign_keys = True


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
    # SQLite ignores the declared foreign keys unless asked, per connection.
    cursor.execute(f"PRAGMA foreign_keys = {'ON' if _enforce_foreign_keys else 'OFF'}")
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


def sqlite_file() -> Path | None:
    """The bot's SQLite database file; None for PostgreSQL or before the orm has started."""
    engine = main_engine()
    if engine is None or not is_sqlite() or engine.url.database in (None, "", ":memory:"):
        return None
    return Path(engine.url.database).resolve()


# Held from the start to the end of the process (released by the OS however it ends).
_in_use: db_lock.InUse | None = None


def hold_database() -> None:
    """Mark the SQLite database as in use by this process, so that ``dutybot restore`` refuses
    to replace it under the bot. Waits (a while) for a restore under way to finish."""
    global _in_use
    database = sqlite_file()
    if database is None or (_in_use is not None and _in_use.database == database):
        return
    holder = db_lock.InUse(database)
    holder.acquire()
    if _in_use is not None:
        _in_use.release()
    _in_use = holder


@asynccontextmanager
async def migration_turn() -> AsyncIterator[None]:
    """Held while this process migrates the database: processes that start together take turns
    (a lock file on SQLite, an advisory lock on PostgreSQL), so none of them finds a table half
    made by another. On SQLite, foreign keys are not enforced meanwhile (table rebuilds); the
    pooled connections are dropped afterwards, so that every later one enforces them."""
    async with _turn(migrating=True):
        yield


@asynccontextmanager
async def startup_turn() -> AsyncIterator[None]:
    """The same turn for the other start-up writes (syncing the unit files), which two
    processes starting on a new database would otherwise both try to insert."""
    async with _turn(migrating=False):
        yield


@asynccontextmanager
async def _turn(migrating: bool) -> AsyncIterator[None]:
    engine = main_engine()
    if engine is None:
        yield
        return
    database = sqlite_file()
    if database is not None:
        async with _sqlite_turn(engine, database, migrating):
            yield
    elif engine.url.get_backend_name() == "postgresql":
        async with _postgresql_turn(engine):
            yield
    else:
        yield


@asynccontextmanager
async def _sqlite_turn(engine: AsyncEngine, database: Path, migrating: bool) -> AsyncIterator[None]:
    global _enforce_foreign_keys
    import asyncio

    hold_database()
    turn = db_lock.migration_turn(database)
    await asyncio.to_thread(turn.__enter__)
    if migrating:
        _enforce_foreign_keys = False
        await engine.dispose()
    try:
        yield
    finally:
        if migrating:
            _enforce_foreign_keys = True
            await engine.dispose()
        turn.__exit__(None, None, None)


@asynccontextmanager
async def _postgresql_turn(engine: AsyncEngine) -> AsyncIterator[None]:
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    # A connection of its own, outside the pool the migrations use.
    locker = create_async_engine(engine.url, poolclass=NullPool)
    try:
        async with locker.connect() as connection:
            await connection.execute(
                sa.text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
            await connection.commit()
            try:
                yield
            finally:
                await connection.execute(
                    sa.text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK_KEY}
                )
                await connection.commit()
    finally:
        await locker.dispose()
