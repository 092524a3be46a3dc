"""The lock file beside the SQLite database: in use, restore, migration turns."""

from __future__ import annotations

import threading
import time

import pytest

from dutybot.db_lock import DatabaseBusy, InUse, exclusive, migration_turn, unwritable_problem


def test_many_may_use_the_database_but_then_nobody_gets_it_exclusively(tmp_path):
    database = tmp_path / "duty.db"
    first, second = InUse(database), InUse(database)
    first.acquire()
    second.acquire()
    with pytest.raises(DatabaseBusy, match="请先停止机器人"), exclusive(database):
        pass
    first.release()
    with pytest.raises(DatabaseBusy), exclusive(database):
        pass
    second.release()
    with exclusive(database):
        late = InUse(database)
        with pytest.raises(DatabaseBusy, match="正在恢复"):
            late.acquire(wait=0.1)
    late.acquire(wait=0.1)
    late.release()


def test_migrations_take_turns_while_the_database_is_in_use(tmp_path):
    database = tmp_path / "duty.db"
    user = InUse(database)
    user.acquire()
    order: list[str] = []

    def migrate(name: str) -> None:
        with migration_turn(database, wait=10):
            order.append(f"{name} starts")
            time.sleep(0.3)
            order.append(f"{name} ends")

    threads = [threading.Thread(target=migrate, args=(n,)) for n in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    user.release()
    assert order in (
        ["a starts", "a ends", "b starts", "b ends"],
        ["b starts", "b ends", "a starts", "a ends"],
    )


def test_a_migration_turn_not_had_in_time_is_said_in_one_line(tmp_path):
    database = tmp_path / "duty.db"
    with (
        migration_turn(database),
        pytest.raises(DatabaseBusy, match="升级数据库"),
        migration_turn(database, wait=0.1),
    ):
        pass


def test_a_read_only_database_is_named(tmp_path, monkeypatch):
    import os

    database = tmp_path / "duty.db"
    database.write_bytes(b"")
    assert unwritable_problem(database) is None
    monkeypatch.setattr(os, "access", lambda path, mode: str(path) != str(database))
    assert "是只读的" in (unwritable_problem(database) or "")
    monkeypatch.setattr(os, "access", lambda path, mode: str(path) != str(tmp_path))
    assert "不可写" in (unwritable_problem(database) or "")
