from __future__ import annotations

import subprocess
import sys

from dutybot.simulator import PROJECT_ROOT, BotProcess

UNIT = PROJECT_ROOT / "tests" / "data" / "unit.toml"


def check(tmp_path, *args, database_url=None):
    env = BotProcess(tmp_path / "data", UNIT, database_url=database_url).environment()
    # This checkout's dutybot, not whichever one is installed in the environment.
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "dutybot", "check", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_check_reports_unit_and_empty_database(tmp_path, bot_database_url):
    (tmp_path / "data").mkdir()
    result = check(tmp_path, database_url=bot_database_url)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"单位：市外侨办（{UNIT}）"
    assert "  人员：14 人（已填 QQ 号 12 人）" in lines
    assert "单位文件检查通过。" in lines
    assert "  数据库是空的：启动机器人时会自动建表。" in lines
    assert lines[-1] == "检查完成。"


def test_check_names_the_wrong_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        UNIT.read_text(encoding="utf-8").replace('kind = "路段"', 'kind = "街道"'), encoding="utf-8"
    )
    result = check(tmp_path, "--unit", str(bad), "--no-db")
    assert result.returncode == 1
    assert result.stdout.strip() == (
        f"单位文件有误 {bad}：[[sites]] 第1项.kind：“街道”不是可用的类型，只能是 路段 或 网格"
    )
