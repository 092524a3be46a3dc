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


WRONG_UNIT = """\
[unit]
name = "市商务局"
groups = [700000009]
coordinators = [30001]

[[sites]]
name = "人民路（解放路至胜利路）路东"
kind = "路段"
aliases = ["人民路"]

[[staff]]
name = "钱多多"
department = "办公室"
qq = 30001

[[staff]]
name = "孙少平"
department = "市场科"
"""


def dutybot(tmp_path, *args, database_url=None, cwd=None):
    env = BotProcess(tmp_path / "data", UNIT, database_url=database_url).environment()
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "dutybot", *args],
        cwd=cwd or tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )


def history_text(days=7, seed=3) -> tuple[str, list]:
    messages = list(chat_history(load_unit(UNIT), date(2026, 11, 2), days=days, seed=seed))
    return "".join(export_text(iter(messages))), messages


async def figures(process) -> tuple:
    return (
        await process.fetch(
            "SELECT status, COUNT(*) FROM reports_dailyreport GROUP BY status ORDER BY status"
        ),
        await process.fetch(
            "SELECT status, COUNT(*), SUM(quantity) FROM ledger_problem GROUP BY status"
            " ORDER BY status"
        ),
        await process.fetch("SELECT COUNT(*) FROM duty_checkin"),
    )


async def test_a_gbk_or_utf16_export_reads_as_the_utf8_one(tmp_path, bot_database_url):
    text, messages = history_text()
    text = text.replace("👍", "")  # GBK has no emoji; QQ drops them on such an export
    (tmp_path / "data").mkdir()
    (tmp_path / "utf8.txt").write_text(text, encoding="utf-8-sig")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "utf16.txt").write_text(text, encoding="utf-16")
    process = BotProcess(tmp_path / "data", UNIT, database_url=bot_database_url)

    first = dutybot(
        tmp_path, "import", "--unit", str(UNIT), "gbk.txt", database_url=bot_database_url
    )
    assert first.returncode == 0, first.stderr
    reports = sum(m.is_report for m in messages)
    assert (
        first.stdout.strip()
        .splitlines()[-1]
        .startswith(f"导入完成：读了 {len(messages)} 条消息，其中日报 {reports} 条")
    )
    imported = await figures(process)
    assert imported[0] == [("active", reports)]
    for other in ("utf8.txt", "utf16.txt"):  # the same messages: nothing new
        again = dutybot(
            tmp_path, "import", "--unit", str(UNIT), other, database_url=bot_database_url
        )
        assert again.returncode == 0, again.stderr
        assert again.stdout.strip().endswith(f"已导入过而跳过 {len(messages)} 条。")
    assert await figures(process) == imported


def test_a_file_that_is_no_qq_export_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("今天开会\n明天值班\n", encoding="gbk")
    (tmp_path / "picture.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    expected = {
        "notes.txt": "notes.txt 里没有读到消息：不是 QQ 电脑版导出的聊天记录（消息管理 → 导出为 .txt），"
        "没有导入任何内容。",
        "picture.txt": f"{tmp_path / 'picture.txt'} 不是文本文件（不是 UTF-8、GBK 或 UTF-16 编码的文字）",
        "empty.txt": f"{tmp_path / 'empty.txt'} 是空文件",
    }
    for name, line in expected.items():
        result = dutybot(tmp_path, "import", "--unit", str(UNIT), name)
        assert (result.returncode, result.stderr.strip(), result.stdout) == (1, line, "")
    assert not (tmp_path / "data" / "duty.db").exists()


async def test_the_wrong_unit_file_is_refused_and_nothing_is_written(tmp_path):
    text, messages = history_text()
    (tmp_path / "chat.txt").write_text(text, encoding="utf-8")
    (tmp_path / "wrong.toml").write_text(WRONG_UNIT, encoding="utf-8")
    result = dutybot(tmp_path, "import", "--unit", "wrong.toml", "chat.txt")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"chat.txt 的 {len(messages)} 条消息里没有单位文件 {tmp_path / 'wrong.toml'}（市商务局）的"
        "任何人员或地点：是不是选错了单位文件？没有导入任何内容。"
    )
    assert not (tmp_path / "data" / "duty.db").exists()  # not even the unit was created


async def test_undo_withdraws_an_import_like_a_recall_and_it_can_be_imported_again(
    tmp_path, bot_database_url
):
    text, messages = history_text()
    (tmp_path / "data").mkdir()
    (tmp_path / "chat.txt").write_text(text, encoding="utf-8")
    process = BotProcess(tmp_path / "data", UNIT, database_url=bot_database_url)
    args = ("import", "--unit", str(UNIT), "chat.txt")

    assert dutybot(tmp_path, *args, database_url=bot_database_url).returncode == 0
    [(reports, problems, checkins)] = await process.fetch(
        "SELECT (SELECT COUNT(*) FROM reports_dailyreport), (SELECT COUNT(*) FROM ledger_problem),"
        " (SELECT COUNT(*) FROM duty_checkin)"
    )
    assert reports and problems and checkins

    undone = dutybot(tmp_path, *args, "--undo", database_url=bot_database_url)
    assert undone.returncode == 0, undone.stderr
    assert undone.stdout.strip().splitlines()[-1] == (
        f"已撤销导入：{len(messages)} 条消息，其中日报 {reports} 份（问题 {problems} 条、"
        f"到岗记录 {checkins} 条）已像撤回消息一样撤销，留有记录。需要时可以重新导入。"
    )
    assert await process.fetch("SELECT DISTINCT status FROM reports_dailyreport") == [
        ("withdrawn",)
    ]
    assert await process.fetch("SELECT DISTINCT status FROM ledger_problem") == [("withdrawn",)]
    assert await process.fetch("SELECT COUNT(*) FROM duty_checkin") == [(0,)]
    audit = await process.fetch(
        "SELECT action, subject, detail FROM duty_auditentry WHERE subject = 'import'"
    )
    assert audit == [
        (
            "undo",
            "import",
            f"撤销导入 chat.txt：{len(messages)} 条消息，日报 {reports} 份，问题 {problems} 条，"
            f"到岗记录 {checkins} 条",
        )
    ]
    [(withdrawn_reports,)] = await process.fetch(
        "SELECT COUNT(*) FROM duty_auditentry WHERE action = 'withdraw' AND subject = 'report'"
        " AND detail = '导入已撤销'"
    )
    assert withdrawn_reports == reports

    twice = dutybot(tmp_path, *args, "--undo", database_url=bot_database_url)
    assert twice.returncode == 1
    assert twice.stderr.strip().splitlines()[-1] == (
        "chat.txt 没有用单位文件 unit.toml 导入过（或已经撤销），没有改动。"
    )

    again = dutybot(tmp_path, *args, database_url=bot_database_url)
    assert again.returncode == 0, again.stderr
    assert again.stdout.strip().endswith("已导入过而跳过 0 条。")
    assert await process.fetch(
        "SELECT COUNT(*) FROM reports_dailyreport WHERE status = 'active'"
    ) == [(reports,)]


def test_relative_paths_are_taken_from_where_the_user_stands(tmp_path):
    text, messages = history_text(days=3)
    here = tmp_path / "桌面"
    here.mkdir()
    (here / "聊天记录.txt").write_text(text, encoding="utf-8")
    (here / "单位.toml").write_text(UNIT.read_text(encoding="utf-8"), encoding="utf-8")
    result = dutybot(tmp_path, "import", "--unit", "单位.toml", "聊天记录.txt", cwd=here)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout.strip().splitlines()[-1].startswith(f"导入完成：读了 {len(messages)} 条消息")
    )


async def test_an_import_under_a_wrong_unit_file_is_undone_with_that_file(
    tmp_path, bot_database_url
):
    text, _ = history_text(days=3)
    (tmp_path / "data").mkdir()
    (tmp_path / "chat.txt").write_text(text, encoding="utf-8")
    # Another office that happens to have a 王晓明 too: the import is let through, and every
    # problem lands under no site of it.
    (tmp_path / "other.toml").write_text(
        WRONG_UNIT + '\n[[staff]]\nname = "王晓明"\ndepartment = "办公室"\n', encoding="utf-8"
    )
    args = ("import", "--unit", "other.toml", "chat.txt")
    process = BotProcess(tmp_path / "data", UNIT, database_url=bot_database_url)
    assert dutybot(tmp_path, *args, database_url=bot_database_url).returncode == 0
    [(unit_id,)] = await process.fetch("SELECT id FROM duty_unit WHERE name = '市商务局'")
    assert await process.fetch(
        "SELECT COUNT(*) FROM ledger_problem WHERE unit_id = :unit AND status != 'withdrawn'",
        unit=unit_id,
    ) != [(0,)]

    # As an import made before the refusal existed: nothing of the file matches the chat.
    (tmp_path / "other.toml").write_text(WRONG_UNIT, encoding="utf-8")
    assert dutybot(tmp_path, *args, database_url=bot_database_url).returncode == 1
    undone = dutybot(tmp_path, *args, "--undo", database_url=bot_database_url)
    assert undone.returncode == 0, undone.stderr
    assert await process.fetch(
        "SELECT COUNT(*) FROM ledger_problem WHERE unit_id = :unit AND status != 'withdrawn'",
        unit=unit_id,
    ) == [(0,)]
    assert await process.fetch(
        "SELECT COUNT(*) FROM reports_dailyreport WHERE unit_id = :unit AND status = 'active'",
        unit=unit_id,
    ) == [(0,)]
