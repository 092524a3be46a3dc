"""SQLite through aiosqlite in one trip per statement, not three or four.

aiosqlite runs SQLite in a thread of its own; SQLAlchemy's adapter asks that thread for a
cursor, then to execute, then to fetch the rows, then to close the cursor: each a hand-off and
back (~0.1 ms, much more on a busy machine, and while a writer holds SQLite's lock the other
messages wait through every one of them). Here a statement is executed, fetched and closed in
one trip; what the adapter reads afterwards (the description, the row count, the last row id,
the rows) was taken in the thread. Transactions, errors and everything else stay SQLAlchemy's
and aiosqlite's.

Installed at import, as the dialect of ``sqlite+aiosqlite`` URLs in this process (engines made
after it); SQLAlchemy's own adapter reaches into aiosqlite the same way (its ``isolation_level``).
"""

from __future__ import annotations

from collections import deque
from typing import Any

from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
    SQLiteDialect_aiosqlite,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    __slots__ = ("_arraysize", "_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: Any) -> None:
        # No aiosqlite cursor (that was a trip): each execute makes and closes its own.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = deque()
        self._description = None
        self._rowcount = -1
        self._lastrowid = None
        self._arraysize = 1

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return self._arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._arraysize = value

    async def _trip(self, work: Any) -> Any:
        async with self._adapt_connection._execute_mutex:
            return await self._connection._execute(work)

    def _run(self, call: Any) -> None:
        database = self._connection

        def work() -> tuple:
            # In aiosqlite's thread, on its sqlite3 connection.
            cursor = database._conn.cursor()
            try:
                call(cursor)
                rows = cursor.fetchall() if cursor.description else ()
                return cursor.description, cursor.rowcount, cursor.lastrowid, rows
            finally:
                cursor.close()

        try:
            self._description, self._rowcount, self._lastrowid, rows = await_(self._trip(work))
        except Exception as error:
            self._adapt_connection._handle_exception(error)
        self._rows = deque(rows)

    def execute(self, operation: Any, parameters: Any = None) -> None:
        if parameters is None:
            self._run(lambda cursor: cursor.execute(operation))
        else:
            self._run(lambda cursor: cursor.execute(operation, parameters))

    def executemany(self, operation: Any, seq_of_parameters: Any) -> None:
        self._run(lambda cursor: cursor.executemany(operation, seq_of_parameters))

    def close(self) -> None:
        self._rows.clear()

    async def _async_soft_close(self) -> None:
        return  # nothing is held open: the rows were fetched in the trip

    def setinputsizes(self, *inputsizes: Any) -> None:
        return


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()
    _cursor_cls = OneTripCursor


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> AsyncAdapt_aiosqlite_connection:
        connection = super().connect(*arg, **kw)
        connection.__class__ = OneTripConnection
        return connection


class OneTripDialect(SQLiteDialect_aiosqlite):
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> AsyncAdapt_aiosqlite_dbapi:
        return OneTripDBAPI(__import__("aiosqlite"), __import__("sqlite3"))


def install() -> None:
    registry.register("sqlite.aiosqlite", __name__, "OneTripDialect")


install()
