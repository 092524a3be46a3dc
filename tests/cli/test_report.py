"""``dutybot report --xlsx/--docx`` with the paths people type."""

from __future__ import annotations

import subprocess
import sys

from dutybot.simulator import PROJECT_ROOT, BotProcess

UNIT = PROJECT_ROOT / "tests" / "data" / "unit.toml"


def report(tmp_path, *args, database_url=None):
    env = BotProcess(tmp_path / "data", UNIT, database_url=database_url).environment()
    env["PYTHONPATH"] = str(PROJECT_ROOT)
    return subprocess.run(
        [sys.executable, "-m", "dutybot", "report", "2026-11", *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_a_folder_gets_the_files_under_their_usual_names(tmp_path, bot_database_url):
    (tmp_path / "data").mkdir()
    (tmp_path / "out").mkdir()
    result = report(tmp_path, "--xlsx", "out", "--docx", "out", database_url=bot_database_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-2:] == [
        f"已写出 Excel：{tmp_path / 'out' / '市外侨办-2026-11-月报.xlsx'}",
        f"已写出 Word：{tmp_path / 'out' / '市外侨办-2026-11-月报材料.docx'}",
    ]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "市外侨办-2026-11-月报.xlsx",
        "市外侨办-2026-11-月报材料.docx",
    ]


def test_a_file_that_cannot_be_replaced_leaves_no_part_file(tmp_path, bot_database_url):
    (tmp_path / "data").mkdir()
    blocked = tmp_path / "out" / "市外侨办-2026-11-月报.xlsx"
    blocked.mkdir(parents=True)  # in the way, as a file open in Excel is on Windows
    result = report(tmp_path, "--xlsx", "out", database_url=bot_database_url)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == f"无法写入 {blocked}：这是文件夹，不是文件"
    assert "Traceback" not in result.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == [blocked.name]


def test_a_path_under_a_file_is_refused_before_any_work(tmp_path):
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = report(tmp_path, "--xlsx", "notes.txt/月报.xlsx")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr.strip() == (
        f"无法写入 {tmp_path / 'notes.txt' / '月报.xlsx'}：{tmp_path / 'notes.txt'} 是文件，不是文件夹"
    )
    assert not (tmp_path / "data").exists()  # the database was not even opened
