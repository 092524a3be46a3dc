from __future__ import annotations

import shutil
import sqlite3
import threading
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from dutybot.backup import (
    BackupError,
    BackupFile,
    check_backup,
    list_backups,
    make_backup,
    restore,
    rotate,
    to_delete,
)


def make_database(path: Path, rows: int = 10) -> None:
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA journal_mode=WAL")
        for table in ("duty_unit", "duty_staff"):
            db.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES ('13ac70416336')")
        db.execute("CREATE TABLE duty_checkin (id INTEGER PRIMARY KEY, note TEXT)")
        db.executemany(
            "INSERT INTO duty_checkin (note) VALUES (?)", [(f"n{i}",) for i in range(rows)]
        )


def count(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT COUNT(*) FROM duty_checkin").fetchone()[0]


def test_backup_while_someone_writes(tmp_path):
    database = tmp_path / "duty.db"
    make_database(database)
    stop = threading.Event()

    def writer():
        with sqlite3.connect(database, timeout=30) as db:
            while not stop.is_set():
                db.execute("INSERT INTO duty_checkin (note) VALUES ('w')")
                db.commit()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        target = make_backup(database, tmp_path / "backups", datetime(2026, 11, 29, 3, 30))
    finally:
        stop.set()
        thread.join()
    assert target.name == "duty-2026-11-29-033000.db"
    check_backup(target)
    assert count(target) >= 10
    assert not list((tmp_path / "backups").glob("*.part"))


def test_rotation_keeps_14_days_and_12_months():
    start = date(2025, 1, 1)
    days = [start + timedelta(days=i) for i in range(700)]  # to 2026-12-01
    backups = [BackupFile(Path(f"duty-{d}-033000.db"), d) for d in days]
    second = BackupFile(Path("duty-2026-11-30-120000.db"), date(2026, 11, 30))
    backups.append(second)
    deleted = {b.path.name for b in to_delete(backups)}
    kept = {b.path.name for b in backups} - deleted

    daily = {f"duty-{d}-033000.db" for d in days[-14:] if d != date(2026, 11, 30)}
    daily.add(second.path.name)  # the newest of its day
    monthly = {f"duty-{date(2026, m, 1) + timedelta(days=-1)}-033000.db" for m in range(2, 12)}
    assert kept == daily | monthly  # 14 days, and the ends of Jan-Oct 2026
    assert len(kept) == 24


def test_list_backups_ignores_other_files(tmp_path):
    (tmp_path / "duty-2026-11-29-033000.db").write_bytes(b"")
    (tmp_path / "before-restore-2026-11-29-100000.db").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("x")
    assert [b.path.name for b in list_backups(tmp_path)] == ["duty-2026-11-29-033000.db"]


def test_check_backup_refuses_garbage_and_foreign_databases(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all" * 100)
    with pytest.raises(BackupError, match="不是可用的 SQLite 数据库"):
        check_backup(garbage)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(BackupError, match="不是值班机器人的数据库"):
        check_backup(foreign)
    with pytest.raises(BackupError, match="找不到"):
        check_backup(tmp_path / "nope.db")


def test_restore_keeps_the_current_database(tmp_path):
    old = tmp_path / "old.db"
    make_database(old, rows=3)
    live = tmp_path / "data" / "duty.db"
    live.parent.mkdir()
    make_database(live, rows=7)
    saved = restore(old, live, tmp_path / "backups", datetime(2026, 11, 29, 10, 0))
    assert count(live) == 3
    assert saved is not None
    assert count(saved) == 7


def test_manual_backups_are_kept_apart_from_the_rotation(tmp_path):
    database = tmp_path / "duty.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE t (x)")
    folder = tmp_path / "backups"
    moment = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    first = make_backup(database, folder, moment, manual=True)
    second = make_backup(database, folder, moment, manual=True)  # the same second
    assert (first.name, second.name) == (
        "duty-manual-2026-11-29-100000.db",
        "duty-manual-2026-11-29-100000-2.db",
    )
    for day in range(1, 21):
        shutil.copy(first, folder / f"duty-2020-01-{day:02d}-033000.db")
    removed = rotate(folder)
    assert [p.name for p in removed] == [f"duty-2020-01-{d:02d}-033000.db" for d in range(1, 7)]
    assert first.exists() and second.exists()
    assert {b.path.name for b in list_backups(folder) if b.manual} == {first.name, second.name}


def test_the_file_last_restored_from_is_never_rotated_away(tmp_path):
    from dutybot.backup import RESTORED_FROM, restored_from

    folder = tmp_path / "backups"
    folder.mkdir()
    names = [f"duty-2020-01-{day:02d}-033000.db" for day in range(1, 21)]
    for name in names:
        (folder / name).write_bytes(b"")
    (folder / RESTORED_FROM).write_text(names[0] + "\n", encoding="utf-8")
    assert restored_from(folder) == folder / names[0]
    removed = rotate(folder)
    assert [p.name for p in removed] == names[1:6]
    assert (folder / names[0]).exists()


def test_restoring_from_a_backup_of_the_folder_protects_it(tmp_path):
    from dutybot.backup import restored_from

    folder = tmp_path / "backups"
    folder.mkdir()
    make_database(folder / "duty-2020-01-01-033000.db")
    moment = datetime(2026, 11, 29, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    restore(folder / "duty-2020-01-01-033000.db", tmp_path / "duty.db", folder, moment)
    assert restored_from(folder) == folder / "duty-2020-01-01-033000.db"


def test_restore_is_refused_while_another_process_uses_the_database(tmp_path):
    import subprocess
    import sys

    from dutybot.db_lock import lock_path

    old = tmp_path / "old.db"
    make_database(old, rows=3)
    live = tmp_path / "data" / "duty.db"
    live.parent.mkdir()
    make_database(live, rows=7)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from dutybot.db_lock import InUse; "
            "InUse(__import__('pathlib').Path(sys.argv[1])).acquire(); print('held', flush=True); "
            "time.sleep(60)",
            str(live),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(BackupError, match="正在使用数据库，请先停止机器人再恢复"):
            restore(old, live, tmp_path / "backups", datetime(2026, 11, 29, 10, 0))
        assert count(live) == 7
        assert not (tmp_path / "backups").exists()
    finally:
        holder.kill()  # however the holder ends, its lock goes with it
        holder.wait()
    restore(old, live, tmp_path / "backups", datetime(2026, 11, 29, 10, 0))
    assert count(live) == 3
    assert lock_path(live).exists()


def test_restore_is_refused_while_this_process_holds_the_database(tmp_path):
    from dutybot.db_lock import InUse

    old = tmp_path / "old.db"
    make_database(old, rows=3)
    live = tmp_path / "duty.db"
    make_database(live, rows=7)
    holder = InUse(live)
    holder.acquire()
    try:
        with pytest.raises(BackupError, match="请先停止机器人"):
            restore(old, live, tmp_path / "backups", datetime(2026, 11, 29, 10, 0))
    finally:
        holder.release()
    assert count(live) == 7


def test_check_backup_refuses_unknown_or_missing_revisions(tmp_path):
    newer = tmp_path / "newer.db"
    make_database(newer)
    with sqlite3.connect(newer) as db:
        db.execute("INSERT INTO alembic_version VALUES ('ffffffffffff')")
    with pytest.raises(BackupError, match=r"来自更新版本.*ffffffffffff"):
        check_backup(newer)
    empty = tmp_path / "empty.db"
    make_database(empty)
    with sqlite3.connect(empty) as db:
        db.execute("DELETE FROM alembic_version")
    with pytest.raises(BackupError, match="没有数据库版本记录"):
        check_backup(empty)
    check_backup(newer, revisions={"13ac70416336", "ffffffffffff"})


def test_known_revisions_are_the_shipped_migrations():
    from dutybot.backup import known_revisions

    shipped = known_revisions()
    assert "13ac70416336" in shipped
    assert len(shipped) == len(list(Path(__file__).parents[2].glob("plugins/*/migrations/*.py")))


def test_check_backup_refuses_broken_links(tmp_path):
    broken = tmp_path / "broken-links.db"
    make_database(broken)
    with sqlite3.connect(broken) as db:
        db.execute(
            "CREATE TABLE duty_site (id INTEGER PRIMARY KEY, "
            "unit_id INTEGER REFERENCES duty_unit (id))"
        )
        db.execute("INSERT INTO duty_site (unit_id) VALUES (42)")
    with pytest.raises(BackupError, match="1 条记录引用了不存在的数据（duty_site）"):
        check_backup(broken)
