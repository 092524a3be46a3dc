"""``dutybot import`` on a generated chat history, run as users run it."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

from dutybot.generate import chat_history, export_text
from dutybot.simulator import PROJECT_ROOT, BotProcess
from dutybot.unit import load_unit

UNIT = PROJECT_ROOT / "tests" / "data" / "unit.toml"


def run_import(tmp_path, chat_file, database_url=None):
    env = BotProcess(tmp_path / "data", UNIT, database_url=database_url).environment()
    # This checkout's dutybot, not whichever one is installed in the environment.
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "dutybot", "import", "--unit", str(UNIT), str(chat_file)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


async def test_import_generated_history_twice(tmp_path, bot_database_url):
    unit = load_unit(UNIT)
    messages = list(chat_history(unit, date(2026, 11, 2), days=14, seed=7))
    report_messages = [m for m in messages if m.is_report]
    chat_file = tmp_path / "聊天记录.txt"
    chat_file.write_text("".join(export_text(iter(messages))), encoding="utf-8")
    (tmp_path / "data").mkdir()

    process = BotProcess(tmp_path / "data", UNIT, database_url=bot_database_url)
    first = run_import(tmp_path, chat_file, bot_database_url)
    assert first.returncode == 0, first.stderr
    summary = first.stdout.strip().splitlines()[-1]
    numbers = [int(n) for n in re.findall(r"\d+", summary)]
    assert numbers[0] == len(messages)
    assert numbers[1] == len(report_messages)
    assert summary.endswith("已导入过而跳过 0 条。")
    assert "100%" in first.stderr

    reports = await process.fetch(
        "SELECT duty_date, source, status, sender_qq FROM reports_dailyreport ORDER BY id"
    )
    [problems] = await process.fetch("SELECT COUNT(*), SUM(quantity) FROM ledger_problem")
    [checkins] = await process.fetch("SELECT COUNT(*) FROM duty_checkin WHERE source = 'import'")
    assert len(reports) == len(report_messages)
    assert {r[1] for r in reports} == {"import"}
    assert {r[2] for r in reports} == {"active"}
    assert [r[3] for r in reports] == [m.qq for m in report_messages]
    assert [r[0] for r in reports] == [m.sent_at.date().isoformat() for m in report_messages]
    assert problems[0] > 0
    assert checkins[0] == 3 * len(report_messages)  # three named people per report

    second = run_import(tmp_path, chat_file, bot_database_url)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().endswith(f"已导入过而跳过 {len(messages)} 条。")
    assert await process.fetch("SELECT COUNT(*) FROM reports_dailyreport") == [(len(reports),)]
    assert await process.fetch("SELECT COUNT(*), SUM(quantity) FROM ledger_problem") == [problems]


def test_missing_chat_file(tmp_path):
    result = run_import(tmp_path, tmp_path / "nope.txt")
    assert result.returncode == 1
    assert "找不到聊天记录文件" in result.stderr
