"""Every command, given what people get wrong, answers with one Chinese line and a non-zero
exit code, never a Python traceback: missing, empty, folder, wrongly encoded, malformed and
unwritable files, a stray ``.part`` file, bad settings, a mistyped command line."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dutybot.simulator import PROJECT_ROOT, BotProcess

UNIT = PROJECT_ROOT / "tests" / "data" / "unit.toml"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
# The migration's progress label (nonebot-plugin-orm), not an error line.
NOISE = {"运行迁移中"}

WRONG_UNIT = """\
[unit]
name = "市商务局"
groups = [700000009]
coordinators = [30001]

[[sites]]
name = "人民路（解放路至胜利路）路东"
kind = "路段"

[[staff]]
name = "钱多多"
department = "办公室"
qq = 30001
"""


def unwritable_folder(base: Path) -> Path:
    """A folder no file can be created in (as Windows is while Excel holds the file)."""
    folder = base / "只读"
    folder.mkdir()
    folder.chmod(0o555)
    probe = folder / "probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return folder
    probe.unlink()  # root ignores permissions; a kernel folder does not
    for candidate in (Path("/sys"), Path("/proc/sys")):
        try:
            (candidate / "dutybot-probe").write_bytes(b"")
        except PermissionError:
            return candidate
        except OSError:
            continue
    pytest.skip("no folder here refuses writing")


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> Path:
    """The files and folders people hand to the commands by mistake."""
    base = tmp_path_factory.mktemp("bad")
    unit_text = UNIT.read_text(encoding="utf-8")
    (base / "empty.txt").write_bytes(b"")
    (base / "folder").mkdir()
    (base / "gbk.toml").write_bytes(unit_text.encode("gbk"))
    (base / "utf16.toml").write_text(unit_text, encoding="utf-16")
    (base / "malformed.toml").write_text("[unit\nname = 1\n", encoding="utf-8")
    (base / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (base / "notes.txt").write_bytes("开会通知\n明天值班请准时\n".encode("gbk"))
    (base / "malformed.jsonl").write_text("这不是 JSON\n", encoding="utf-8")
    (base / "junk.db").write_bytes("这不是数据库".encode("gbk"))
    (base / "wrong.toml").write_text(WRONG_UNIT, encoding="utf-8")
    (base / "chat.txt").write_text(
        "2026-11-20 8:05:12 秘书科-王晓明(20001)\n玄帝庙街 发现问题3处\n\n", encoding="utf-8"
    )
    # A backup whose copying was cut off half-way.
    database = base / "whole.db"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE duty_unit (id INTEGER PRIMARY KEY, name TEXT)")
        db.executemany("INSERT INTO duty_unit (name) VALUES (?)", [("x" * 500,)] * 200)
    data = database.read_bytes()
    (base / "duty-2026-11-29-033000.part").write_bytes(data[: len(data) // 2])
    (base / "unwritable").symlink_to(unwritable_folder(base))
    return base


def run(command: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environment = BotProcess(cwd / "data", UNIT).environment()
    environment["PYTHONPATH"] = str(PROJECT_ROOT)
    environment.pop("DUTYBOT_TRACEBACK", None)
    environment.update(env)
    return subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def assert_one_chinese_line(result: subprocess.CompletedProcess) -> str:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.returncode != 0, output
    lines = [line for line in output.splitlines() if line.strip() and line.strip() not in NOISE]
    assert len(lines) == 1, output
    assert CHINESE.search(lines[0]), output
    return lines[0]


DUTYBOT_CASES = {
    # dutybot check
    "check, unit file missing": (["check", "--unit", "{bad}/missing.toml", "--no-db"], {}),
    "check, unit file empty": (["check", "--unit", "{bad}/empty.txt", "--no-db"], {}),
    "check, unit file in GBK": (["check", "--unit", "{bad}/gbk.toml", "--no-db"], {}),
    "check, unit file in UTF-16": (["check", "--unit", "{bad}/utf16.toml", "--no-db"], {}),
    "check, unit folder empty": (["check", "--unit", "{bad}/folder", "--no-db"], {}),
    "check, unit file malformed": (["check", "--unit", "{bad}/malformed.toml", "--no-db"], {}),
    "check, bad setting": (["check"], {"PORT": "abc"}),
    "check, database is a folder": (
        ["check"],
        {"SQLALCHEMY_DATABASE_URL": "sqlite+aiosqlite:///{bad}/folder"},
    ),
    # dutybot parse
    "parse, file missing": (["parse", "--unit", str(UNIT), "{bad}/missing.jsonl"], {}),
    "parse, file empty": (["parse", "--unit", str(UNIT), "{bad}/empty.txt"], {}),
    "parse, a folder": (["parse", "--unit", str(UNIT), "{bad}/folder"], {}),
    "parse, a binary file": (["parse", "--unit", str(UNIT), "{bad}/binary.bin"], {}),
    "parse, malformed line": (["parse", "--unit", str(UNIT), "{bad}/malformed.jsonl"], {}),
    "parse, unit file in GBK": (["parse", "--unit", "{bad}/gbk.toml", "{bad}/chat.txt"], {}),
    # dutybot import
    "import, file missing": (["import", "--unit", str(UNIT), "{bad}/missing.txt"], {}),
    "import, file empty": (["import", "--unit", str(UNIT), "{bad}/empty.txt"], {}),
    "import, a folder": (["import", "--unit", str(UNIT), "{bad}/folder"], {}),
    "import, a binary file": (["import", "--unit", str(UNIT), "{bad}/binary.bin"], {}),
    "import, no QQ export": (["import", "--unit", str(UNIT), "{bad}/notes.txt"], {}),
    "import, wrong unit file": (["import", "--unit", "{bad}/wrong.toml", "{bad}/chat.txt"], {}),
    "import, unit file malformed": (
        ["import", "--unit", "{bad}/malformed.toml", "{bad}/chat.txt"],
        {},
    ),
    "import, undo of a file never imported": (
        ["import", "--undo", "--unit", str(UNIT), "{bad}/chat.txt"],
        {},
    ),
    "import, arguments missing": (["import"], {}),
    # dutybot report
    "report, not a month": (["report", "2026-13"], {}),
    "report, no such unit": (["report", "--unit", "不存在的单位"], {}),
    "report, path under a file": (["report", "--xlsx", "{bad}/empty.txt/月报.xlsx"], {}),
    "report, unwritable folder": (["report", "--xlsx", "{bad}/unwritable/月报.xlsx"], {}),
    "report, unwritable Word": (["report", "--docx", "{bad}/unwritable/材料.docx"], {}),
    "report, unknown option": (["report", "--pdf", "x.pdf"], {}),
    # dutybot demo
    "demo, a file": (["demo", "--dir", "{bad}/empty.txt"], {}),
    "demo, a folder of other files": (["demo", "--dir", "{bad}"], {}),
    "demo, days not a number": (["demo", "--days", "三"], {}),
    # dutybot backup / restore
    "backup, no database yet": (["backup"], {}),
    "backup, PostgreSQL": (
        ["backup"],
        {"SQLALCHEMY_DATABASE_URL": "postgresql+asyncpg://duty:secret@127.0.0.1:9/duty"},
    ),
    "restore, file missing": (["restore", "{bad}/missing.db"], {}),
    "restore, file empty": (["restore", "{bad}/empty.txt"], {}),
    "restore, a folder": (["restore", "{bad}/folder"], {}),
    "restore, not a database": (["restore", "{bad}/junk.db"], {}),
    "restore, a stray .part": (["restore", "{bad}/duty-2026-11-29-033000.part"], {}),
    # dutybot orm, and no command at all
    "orm, no such command": (["orm", "no-such-command"], {}),
    "unknown command": (["nonsense"], {}),
}


@pytest.mark.parametrize("case", list(DUTYBOT_CASES))
def test_dutybot_says_one_line(case, bad, tmp_path):
    args, env = DUTYBOT_CASES[case]
    args = [arg.format(bad=bad) for arg in args]
    env = {key: value.format(bad=bad) for key, value in env.items()}
    result = run([sys.executable, "-m", "dutybot", *args], tmp_path, **env)
    line = assert_one_chinese_line(result)
    assert "secret" not in line


BOT_CASES = {
    "PORT=abc": {"PORT": "abc"},
    "COMMAND_START=/": {"COMMAND_START": "/"},
    "DUTY_TIMEZONE typo": {"DUTY_TIMEZONE": "Asia/Shangai"},
    "DUTY_BACKUP_TIME=25:99": {"DUTY_BACKUP_TIME": "25:99"},
    "DUTY_SEND_RATE=快": {"DUTY_SEND_RATE": "快"},
    "HOST=localhost": {"HOST": "localhost"},
    "PostgreSQL without driver": {
        "SQLALCHEMY_DATABASE_URL": "postgresql://duty:secret@127.0.0.1:9/duty"
    },
    "unit file in GBK": {"DUTY_UNIT_FILE": "{bad}/gbk.toml"},
    "unit file missing": {"DUTY_UNIT_FILE": "{bad}/missing.toml"},
}


@pytest.mark.parametrize("case", list(BOT_CASES))
def test_the_bot_does_not_start_and_says_why_in_one_line(case, bad, tmp_path):
    env = {key: value.format(bad=bad) for key, value in BOT_CASES[case].items()}
    result = run([sys.executable, str(PROJECT_ROOT / "bot.py")], tmp_path, **env)
    # Its log (stdout) may have begun; what stops it is one line on stderr.
    line = assert_one_chinese_line(
        subprocess.CompletedProcess([], result.returncode, "", result.stderr)
    )
    assert "Traceback" not in result.stdout
    assert line.startswith("dutybot 无法启动：")
    assert "Uvicorn running" not in result.stdout + result.stderr
    assert "secret" not in line


@pytest.mark.skipif(os.name == "nt", reason="POSIX paths")
def test_start_py_with_an_unknown_command(tmp_path):
    result = run([sys.executable, str(PROJECT_ROOT / "start.py"), "strat"], tmp_path)
    assert result.returncode == 2
    assert assert_one_chinese_line(result) == "不认识的命令：strat（python start.py --help 看用法）"


def test_a_plugin_that_fails_to_load_stops_the_start(tmp_path):
    # A value given by the program itself skips the settings check; the duty plugin's own
    # validation then refuses it and every plugin needing it fails to load.
    script = (
        "import sys, bot\n"
        "try:\n"
        "    bot.init(duty_send_rate='fast')\n"
        "except bot.SetupError as error:\n"
        "    print(error)\n"
        "    sys.exit(1)\n"
    )
    result = run([sys.executable, "-c", script], tmp_path, PYTHONPATH=str(PROJECT_ROOT))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == (
        "插件 backup、dashboard、duty、ledger、monthly、reports、roster 加载失败（原因见上面的日志）"
    )
