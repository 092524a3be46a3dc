"""The database under the running bot: no restore under it, no traceback on a read-only file,
migrations one process at a time."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import PROJECT_ROOT, BotProcess, SimulatedQQ

GROUP = 700000001
T0 = int(datetime(2026, 11, 30, 7, 35, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
SQLITE_ONLY = pytest.mark.skipif(
    bool(os.environ.get("DUTY_TEST_DATABASE_URL")), reason="SQLite database file"
)


def dutybot(process: BotProcess, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dutybot", *args],
        cwd=PROJECT_ROOT,
        env=process.environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@SQLITE_ONLY
async def test_restore_is_refused_while_the_bot_runs(tmp_path, unit_file):
    process = BotProcess(tmp_path / "data", unit_file)
    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            made = dutybot(process, "backup")
            assert made.returncode == 0, made.stdout + made.stderr
            [backup_file] = (tmp_path / "data" / "backups").glob("duty-*.db")
            await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", time_=T0)
            await qq.reply_text()

            restored = dutybot(process, "restore", str(backup_file))
            assert restored.returncode == 1
            assert restored.stdout.strip() == (
                "没有恢复：机器人（或另一个 dutybot 命令）正在使用数据库，请先停止机器人再恢复"
            )
            # The bot goes on, and what it records afterwards stays.
            await qq.group_message(GROUP, 20002, "/报到 玄帝庙街", time_=T0 + 5)
            assert (await qq.reply_text()).endswith("王晓明、李娜")
    rows = await process.fetch("SELECT staff_id FROM duty_checkin")
    assert len(rows) == 2
    assert not list((tmp_path / "data" / "backups").glob("before-restore-*.db"))


def _read_only_start(tmp_path, unit_file) -> subprocess.CompletedProcess[str]:
    """Start the bot on a database file that the operating system will not let it write."""
    process = BotProcess(tmp_path / "data", unit_file)
    process.start()
    process.stop()
    database = tmp_path / "data" / "duty.db"
    command = [sys.executable, str(PROJECT_ROOT / "bot.py")]
    if getattr(os, "geteuid", lambda: 0)() != 0:
        database.chmod(0o444)
    elif shutil.which("unshare"):
        # root writes through file modes: mount the file read-only in a private namespace.
        command = [
            "unshare",
            "-m",
            "sh",
            "-c",
            f'mount --bind "{database}" "{database}" && '
            f'mount -o remount,bind,ro "{database}" && exec "$@"',
            "sh",
            *command,
        ]
    else:
        pytest.skip("cannot make a file read-only for root here")
    return subprocess.run(
        command,
        env=process.environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@SQLITE_ONLY
def test_a_read_only_database_stops_the_start_in_one_line(tmp_path, unit_file):
    result = _read_only_start(tmp_path, unit_file)
    if "unshare" in result.stderr and "Operation not permitted" in result.stderr:
        pytest.skip("no mount namespace here")
    assert result.returncode == 1, result.stdout[-2000:]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"dutybot 无法启动：数据库文件 {tmp_path / 'data' / 'duty.db'} 是只读的，机器人无法记录："
        "请检查它的权限，或磁盘是否只读"
    ]
    assert "Traceback" not in result.stdout + result.stderr


async def _hold_migration_lock(url: str | None, database):
    """Take the lock a migrating process holds; returns a function that lets it go."""
    if url is None:
        from dutybot.db_lock import migration_turn

        turn = migration_turn(database)
        turn.__enter__()
        return lambda: turn.__exit__(None, None, None)
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine

    from plugins.duty.database import MIGRATION_LOCK_KEY

    engine = create_async_engine(url)
    connection = await engine.connect()
    await connection.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": MIGRATION_LOCK_KEY})
    await connection.commit()

    def release():
        async def go():
            await connection.close()
            await engine.dispose()

        return go()

    return release


async def test_migrations_wait_for_the_process_migrating(tmp_path, unit_file, bot_database_url):
    process = BotProcess(tmp_path / "data", unit_file, database_url=bot_database_url)
    (tmp_path / "data").mkdir()
    release = await _hold_migration_lock(bot_database_url, tmp_path / "data" / "duty.db")
    started = asyncio.get_running_loop().run_in_executor(None, process.start)
    try:
        await asyncio.sleep(4)
        assert not started.done()  # waiting for its turn, not migrating over the other
        tables = await process.fetch(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'duty_unit'"
            if bot_database_url
            else "SELECT count(*) FROM sqlite_master WHERE name = 'duty_unit'"
        )
        assert tables == [(0,)]
    finally:
        done = release()
        if asyncio.iscoroutine(done):
            await done
    await started
    try:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", time_=T0)
            assert (await qq.reply_text()).endswith("王晓明")
    finally:
        process.stop()


async def test_two_processes_start_together_on_a_new_database(
    tmp_path, unit_file, bot_database_url
):
    url = bot_database_url or f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    for attempt in range(3):
        if attempt and not bot_database_url:
            for leftover in tmp_path.glob("shared.db*"):
                leftover.unlink()
        processes = [
            BotProcess(tmp_path / f"{attempt}-{n}", unit_file, database_url=url) for n in "ab"
        ]
        loop = asyncio.get_running_loop()
        starts = [loop.run_in_executor(None, p.start) for p in processes]
        try:
            results = await asyncio.gather(*starts, return_exceptions=True)
            assert [r for r in results if isinstance(r, BaseException)] == []
        finally:
            for p in processes:
                p.stop()
        if bot_database_url:
            break  # one fresh PostgreSQL database per test
