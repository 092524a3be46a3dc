"""Several SELECT statements in one trip to SQLite's thread.

With aiosqlite every statement is three or four hand-offs between the event loop and SQLite's
thread (cursor, execute, fetch, close): ~0.1 ms each, and much more on a busy machine. A
summary made of twenty small aggregates spends more time handing off than in SQLite. Here the
statements are compiled once for the dialect by SQLAlchemy and run together in SQLite's thread,
on the session's own connection and in its transaction; their rows come back converted as
SQLAlchemy converts them (dates, enums). Other databases run them one by one through the
session (no thread there to hand off to).

The statements should be built once (with bind parameters) and reused: each is compiled the
first time it is seen.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import AsyncSession

Query = tuple[sa.Select | sa.CompoundSelect, Mapping[str, Any]]

# Compiled statements by the statement object (kept by the caller, built once per shape).
_compiled: dict[tuple[int, str], _Compiled] = {}
_MAX_COMPILED = 512


@dataclass(frozen=True)
class _Compiled:
    statement: Any  # kept, so that its id stays its own
    sql: str
    compiled: Any
    names: tuple[str, ...]
    bind: tuple[Callable[[Any], Any] | None, ...]
    result: tuple[Callable[[Any], Any] | None, ...]

    def parameters(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        given = self.compiled.construct_params(dict(values))
        return tuple(
            value if process is None else process(value)
            for process, value in zip(self.bind, (given[name] for name in self.names), strict=True)
        )

    def rows(self, fetched: list[tuple]) -> list[tuple]:
        converted = [(i, process) for i, process in enumerate(self.result) if process is not None]
        if not converted:
            return fetched
        rows = []
        for row in fetched:
            values = list(row)
            for i, process in converted:
                values[i] = process(values[i])
            rows.append(tuple(values))
        return rows


def _compile(statement: Any, dialect: Dialect) -> _Compiled:
    key = (id(statement), dialect.name)
    found = _compiled.get(key)
    if found is not None and found.statement is statement:
        return found
    if len(_compiled) >= _MAX_COMPILED:
        _compiled.clear()
    compiled = statement.compile(dialect=dialect)
    if any(bind.expanding for bind in compiled.binds.values()):
        raise ValueError("select_many takes no IN (list) parameters; compare with each value")
    names = tuple(compiled.positiontup or ())
    found = _Compiled(
        statement=statement,
        sql=str(compiled),
        compiled=compiled,
        names=names,
        bind=tuple(
            compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
            for name in names
        ),
        result=tuple(
            column.type.dialect_impl(dialect).result_processor(dialect, None)
            for column in statement.selected_columns
        ),
    )
    _compiled[key] = found
    return found


async def select_many(session: AsyncSession, queries: Sequence[Query]) -> list[list[tuple]]:
    """The rows of each query (statement, parameters), in order, as plain tuples."""
    await session.flush()  # what a query through the session would do first
    connection = await session.connection()
    dialect = connection.dialect
    if dialect.name != "sqlite" or dialect.driver != "aiosqlite":
        return [
            [tuple(row) for row in await session.execute(statement, dict(values))]
            for statement, values in queries
        ]
    prepared = [
        (compiled, compiled.parameters(values))
        for compiled, values in ((_compile(s, dialect), v) for s, v in queries)
    ]
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection  # the aiosqlite connection

    def run_all() -> list[list[tuple]]:
        # In aiosqlite's thread, on its sqlite3 connection.
        database = driver._conn  # type: ignore[union-attr]
        results = []
        for compiled, parameters in prepared:
            cursor = database.execute(compiled.sql, parameters)
            try:
                results.append(cursor.fetchall())
            finally:
                cursor.close()
        return results

    fetched = await driver._execute(run_all)  # type: ignore[union-attr]
    return [compiled.rows(rows) for (compiled, _), rows in zip(prepared, fetched, strict=True)]
