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


def test_check_agrees_with_the_bot_right_after_its_first_start(tmp_path, bot_database_url):
    process = BotProcess(tmp_path / "data", UNIT, database_url=bot_database_url)
    with process:  # the first start creates the tables
        pass
    result = check(tmp_path, database_url=bot_database_url)
    assert result.returncode == 0, result.stderr
    assert "  数据库结构是最新的。" in result.stdout.splitlines()


def test_schema_state_names_each_case():
    from dutybot.check_cli import schema_state

    heads = {"reports", "roster", "ledger"}
    known = heads | {"duty1", "duty2"}
    assert schema_state(set(), heads, known) == "数据库是空的：启动机器人时会自动建表。"
    assert schema_state(heads, heads, known) == "数据库结构是最新的。"
    assert schema_state({"duty2"}, heads, known) == "数据库结构较旧：启动机器人时会自动升级。"
    assert schema_state({"newer"}, heads, known).startswith("数据库来自更新版本的 dutybot")


def test_check_without_database_reads_a_relative_unit_path_from_where_the_user_stands(tmp_path):
    (tmp_path / "mine.toml").write_text(UNIT.read_text(encoding="utf-8"), encoding="utf-8")
    result = check(tmp_path, "--unit", "mine.toml", "--no-db")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == f"单位：市外侨办（{tmp_path / 'mine.toml'}）"
