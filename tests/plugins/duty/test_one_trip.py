"""SQLite statements take one trip to aiosqlite's thread, and behave as before."""

from __future__ import annotations

import pytest
import sqlalchemy as sa


@pytest.fixture
def sqlite_only(database):
    from plugins.duty.database import is_sqlite

    if not is_sqlite():
        pytest.skip("SQLite through aiosqlite only")
    return database


async def test_one_trip_per_statement(sqlite_only, monkeypatch: pytest.MonkeyPatch):
    import aiosqlite

    from plugins.duty.one_trip import OneTripDialect

    assert isinstance(sqlite_only.dialect, OneTripDialect)
    trips = 0
    real = aiosqlite.Connection._execute

    async def counted(self, fn, *args, **kwargs):
        nonlocal trips
        trips += 1
        return await real(self, fn, *args, **kwargs)

    async with sqlite_only.connect() as connection:
        await connection.execute(sa.text("SELECT 1"))  # the connection's own first trips
        monkeypatch.setattr(aiosqlite.Connection, "_execute", counted)
        for _ in range(5):
            assert (await connection.execute(sa.text("SELECT 2"))).scalar() == 2
        assert trips == 5


async def test_rows_counts_ids_and_errors_as_before(sqlite_only):
    from sqlalchemy.exc import IntegrityError

    async with sqlite_only.begin() as connection:
        await connection.execute(sa.text("CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT UNIQUE)"))
        inserted = await connection.execute(sa.text("INSERT INTO t (a) VALUES ('x')"))
        assert inserted.lastrowid == 1
        assert inserted.rowcount == 1
        returned = await connection.execute(sa.text("INSERT INTO t (a) VALUES ('y') RETURNING id"))
        assert returned.all() == [(2,)]
        many = await connection.execute(
            sa.text("INSERT INTO t (a) VALUES (:a)"), [{"a": "p"}, {"a": "q"}, {"a": "r"}]
        )
        assert many.rowcount == 3
        updated = await connection.execute(sa.text("UPDATE t SET a = a || '!' WHERE id > 2"))
        assert updated.rowcount == 3
        rows = await connection.execute(sa.text("SELECT id, a FROM t ORDER BY id"))
        assert rows.all() == [(1, "x"), (2, "y"), (3, "p!"), (4, "q!"), (5, "r!")]
        with pytest.raises(IntegrityError):
            await connection.execute(sa.text("INSERT INTO t (a) VALUES ('x')"))
        await connection.execute(sa.text("DROP TABLE t"))


async def test_the_sqlite_settings_apply(sqlite_only):
    async with sqlite_only.connect() as connection:
        assert (await connection.execute(sa.text("PRAGMA journal_mode"))).scalar() == "wal"
        assert (await connection.execute(sa.text("PRAGMA busy_timeout"))).scalar() == 30000
