"""Back up a running bot's database, lose data, restore, start again: the data is there."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import PROJECT_ROOT, BotProcess, SimulatedQQ

GROUP = 700000001
T0 = int(datetime(2026, 11, 30, 7, 35, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())


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


async def test_backup_then_restore(tmp_path, unit_file):
    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite backups")
    process = BotProcess(tmp_path / "data", unit_file)
    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", time_=T0)
            await qq.reply_text()
            made = dutybot(process, "backup")  # while the bot runs
            assert made.returncode == 0, made.stdout + made.stderr
            await qq.group_message(GROUP, 20002, "/报到 玄帝庙街", time_=T0 + 5)
            await qq.reply_text()
    assert [r[0] for r in await process.fetch("SELECT staff_id FROM duty_checkin")] == [1, 2]

    [backup_file] = (tmp_path / "data" / "backups").glob("duty-*.db")
    restored = dutybot(process, "restore", str(backup_file))
    assert restored.returncode == 0, restored.stdout
    assert "原数据库已另存为" in restored.stdout
    assert list((tmp_path / "data" / "backups").glob("before-restore-*.db"))

    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", time_=T0 + 60)
            assert (await qq.reply_text()).endswith("已报到（玄帝庙街路西 1人）：王晓明")
    assert [r[0] for r in await process.fetch("SELECT staff_id FROM duty_checkin")] == [1]


def test_restore_refuses_a_broken_file(tmp_path, unit_file):
    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite backups")
    process = BotProcess(tmp_path / "data", unit_file)
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"\0" * 4096)
    result = dutybot(process, "restore", str(broken))
    assert result.returncode == 1
    assert result.stdout.startswith("没有恢复：broken.db 不是")
