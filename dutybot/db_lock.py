"""Who is using the SQLite database: a lock file beside it, locked through SQLite itself.

SQLite's own file locks (POSIX locks on Linux, LockFileEx on Windows) are shared between
processes and released by the operating system when a process dies, however it dies. The lock
file ``duty.db.lock`` is an (empty) SQLite database that nothing ever writes to:

- every process that uses the database (the bot, ``dutybot import``…) holds a SHARED lock on
  it for as long as it runs (:class:`InUse`); many can at once;
- ``dutybot restore`` takes the EXCLUSIVE lock, which it gets only when nobody else holds any
  (:func:`exclusive`), and holds it while it swaps the file, so a bot started meanwhile waits;
- migrations run one process at a time under the RESERVED lock (:func:`migration_turn`), which
  one process at a time can hold alongside the SHARED ones.

Locks are released by ROLLBACK: a COMMIT would ask for the EXCLUSIVE lock.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# How long a starting process waits for a restore to finish, and for another process's
# migrations (a large database can take a while).
START_WAIT = 60.0
MIGRATION_WAIT = 600.0


class DatabaseBusy(Exception):
    """The lock could not be had; the text is one line for the operator."""


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def _connect(database: Path, wait: float) -> sqlite3.Connection:
    path = lock_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    return sqlite3.connect(path, timeout=wait, isolation_level=None, check_same_thread=False)


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class InUse:
    """The SHARED lock a process holds while it uses the database."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database)
        self._connection: sqlite3.Connection | None = None

    @property
    def held(self) -> bool:
        return self._connection is not None

    def acquire(self, wait: float = START_WAIT) -> None:
        if self._connection is not None:
            return
        connection = _connect(self.database, wait)
        try:
            connection.execute("BEGIN")
            # Reading takes the SHARED lock, kept until the transaction ends.
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            connection.close()
            if _is_busy(error):
                raise DatabaseBusy(
                    f"数据库 {self.database.name} 正在恢复（dutybot restore），请等它完成后再启动"
                ) from None
            raise
        self._connection = connection

    def release(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            try:
                connection.execute("ROLLBACK")
            finally:
                connection.close()


@contextmanager
def exclusive(database: Path) -> Iterator[None]:
    """Nobody else uses the database while this is held; DatabaseBusy at once if someone
    does (the bot is running)."""
    connection = _connect(Path(database), 0)
    try:
        try:
            connection.execute("BEGIN EXCLUSIVE")
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise DatabaseBusy(
                    "机器人（或另一个 dutybot 命令）正在使用数据库，请先停止机器人再恢复"
                ) from None
            raise
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
    finally:
        connection.close()


@contextmanager
def migration_turn(database: Path, wait: float = MIGRATION_WAIT) -> Iterator[None]:
    """One process at a time brings the database up to date; the others wait their turn (and
    then find nothing left to do)."""
    connection = _connect(Path(database), wait)
    try:
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise DatabaseBusy(
                    f"另一个进程升级数据库 {Path(database).name} 超过 {wait:.0f} 秒仍未完成"
                ) from None
            raise
        try:
            yield
        finally:
            connection.execute("ROLLBACK")
    finally:
        connection.close()


def unwritable_problem(database: Path) -> str | None:
    """Why the bot could not write to the SQLite database at ``database`` (one line), or None.

    SQLite opens a read-only file without complaint and fails at the first write; the bot would
    start and then lose every record. Its folder must be writable too (the -wal, -shm and lock
    files live beside it)."""
    import os

    database = Path(database)
    folder = database.parent
    if database.exists() and not os.access(database, os.W_OK):
        return f"数据库文件 {database} 是只读的，机器人无法记录：请检查它的权限，或磁盘是否只读"
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return f"数据库所在文件夹 {folder} 不可写，机器人无法记录：请检查它的权限，或磁盘是否只读"
    return None
