"""``dutybot backup`` and ``restore`` as an operator runs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from dutybot.simulator import PROJECT_ROOT, BotProcess

UNIT = PROJECT_ROOT / "tests" / "data" / "unit.toml"

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DUTY_TEST_DATABASE_URL")), reason="SQLite backups"
)


def dutybot(process: BotProcess, *args: str) -> subprocess.CompletedProcess:
    env = process.environment()
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "dutybot", *args],
        cwd=process.data_dir.parent,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_manual_backups_are_all_kept_and_the_rotation_says_what_it_removed(tmp_path):
    process = BotProcess(tmp_path / "data", UNIT)
    with process:  # a real database
        pass
    folder = tmp_path / "data" / "backups"

    first, second = dutybot(process, "backup"), dutybot(process, "backup")
    assert first.returncode == second.returncode == 0, first.stdout + first.stderr
    manual = sorted(folder.glob("duty-manual-*.db"))
    assert len(manual) == 2
    assert second.stdout.splitlines() == [
        f"已备份：{manual[1]}",
        "这是手动备份，不会被自动删除；不需要时可自己删掉。",
    ]

    # Old daily backups, the oldest of which the operator restores from.
    for day in range(1, 21):
        shutil.copy(manual[0], folder / f"duty-2020-01-{day:02d}-033000.db")
    restored = dutybot(process, "restore", str(folder / "duty-2020-01-01-033000.db"))
    assert restored.returncode == 0, restored.stdout + restored.stderr

    daily = dutybot(process, "backup", "--auto")  # what a scheduled task runs
    assert daily.returncode == 0, daily.stdout + daily.stderr
    removed = [f"duty-2020-01-{day:02d}-033000.db" for day in range(2, 8)]
    assert daily.stdout.splitlines()[1:] == [
        "按保留规则（最近 14 天每天一份、12 个月每月一份）删除了 6 份旧的自动备份：",
        *(f"  {name}" for name in removed),
    ]
    left = {path.name for path in folder.iterdir()}
    assert not left & set(removed)
    assert "duty-2020-01-01-033000.db" in left  # restored from: kept
    assert {path.name for path in manual} <= left
