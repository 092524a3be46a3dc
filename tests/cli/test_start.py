"""``python start.py`` as people run it, against a fake ``.venv`` whose "python" records how it
was started (no installing, no real bot): Chinese help, which Pythons work, the postgres
extra, UTF-8 mode, the user's folder for ``dutybot``, and signals passed on to the bot."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dutybot.simulator import PROJECT_ROOT

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the fake .venv is a POSIX script")

FAKE_PYTHON = """#!{python}
import json, os, signal, sys, time

def record(**extra):
    with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as log:
        entry = dict(argv=sys.argv[1:], cwd=os.getcwd(), **extra)
        log.write(json.dumps(entry, ensure_ascii=False) + "\\n")

record()
if sys.argv[1:3] == ["-m", "pip"]:
    sys.exit(0)
if os.environ.get("FAKE_SERVE"):
    def stop(signum, frame):
        time.sleep(float(os.environ.get("FAKE_SHUTDOWN", "0")))  # a clean shutdown takes time
        record(stopped=signal.Signals(signum).name)
        sys.exit(0)
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    with open(os.environ["FAKE_READY"], "w") as ready:
        ready.write(str(os.getpid()))
    while True:
        time.sleep(0.05)
sys.exit(int(os.environ.get("FAKE_EXIT", "0")))
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project's start.py and pyproject.toml with a fake, installed .venv."""
    root = tmp_path / "项目"
    (root / ".venv" / "bin").mkdir(parents=True)
    (root / "config").mkdir()
    shutil.copy(PROJECT_ROOT / "start.py", root / "start.py")
    shutil.copy(PROJECT_ROOT / "pyproject.toml", root / "pyproject.toml")
    python = root / ".venv" / "bin" / "python"
    python.write_text(FAKE_PYTHON.format(python=sys.executable), encoding="utf-8")
    python.chmod(0o755)
    fingerprint = hashlib.sha256((root / "pyproject.toml").read_bytes() + b".").hexdigest()
    (root / ".venv" / ".installed-bot").write_text(fingerprint, encoding="utf-8")
    return root


def environment(project: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k.upper() != "SQLALCHEMY_DATABASE_URL"}
    env.update(FAKE_LOG=str(project / "calls.jsonl"), PYTHONIOENCODING="utf-8", **extra)
    return env


def start(project: Path, *args: str, cwd: Path | None = None, python=sys.executable, **env):
    return subprocess.run(
        [python, str(project / "start.py"), *args],
        cwd=cwd or project,
        env=environment(project, **env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


def calls(project: Path) -> list[dict]:
    log = project / "calls.jsonl"
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def test_help_is_the_chinese_usage(project):
    for flag in ("--help", "-h"):
        result = start(project, flag)
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.startswith("用法（Linux 和 Windows 相同）：")
        assert "python start.py dutybot …" in result.stdout
    unknown = start(project, "stat")
    assert unknown.returncode == 2
    assert unknown.stderr == "不认识的命令：stat（python start.py --help 看用法）\n"
    assert calls(project) == []


def test_the_versions_that_work_are_named():
    sys.path.insert(0, str(PROJECT_ROOT))
    try:
        import start
    finally:
        sys.path.remove(str(PROJECT_ROOT))
    tail = (
        "请从 python.org 安装 Python 3.13，再用它运行：py -3.13 start.py（Windows）"
        "或 python3.13 start.py（Linux）"
    )
    assert start.python_problem((3, 14, 0)) == (
        f"dutybot 需要 Python 3.11、3.12 或 3.13，当前是 3.14.0。{tail}"
    )
    assert start.python_problem((3, 6, 15)).startswith(
        "dutybot 需要 Python 3.11、3.12 或 3.13，当前是 3.6.15。"
    )
    assert start.python_problem((3, 11, 7)) is None
    assert start.python_problem((3, 13, 0)) is None


@pytest.mark.parametrize("version", ["3.6", "2.7", "3.10"])
def test_an_old_python_gets_one_line_not_a_traceback(project, version):
    installed = sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python"))
    found = installed[0] if installed else shutil.which(f"python{version}")
    if found and ".pyenv/shims" in str(found):  # a shim needs pyenv's own setup
        found = None
    if not found:
        pytest.skip(f"no Python {version} here")
    result = start(project, python=str(found))
    assert (result.returncode, result.stdout) == (1, "")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"dutybot 需要 Python 3.11、3.12 或 3.13，当前是 {version}.")
    assert calls(project) == []


def test_the_bot_runs_in_utf8_mode_from_the_project_folder(project):
    result = start(project, FAKE_EXIT="3")
    assert result.returncode == 3
    assert calls(project) == [
        {"argv": ["-X", "utf8", str(project / "bot.py")], "cwd": str(project)}
    ]


def test_dutybot_runs_where_the_user_stands(project, tmp_path):
    here = tmp_path / "桌面"
    here.mkdir()
    result = start(project, "dutybot", "import", "--unit", "单位.toml", "聊天记录.txt", cwd=here)
    assert result.returncode == 0, result.stderr
    assert calls(project) == [
        {
            "argv": [
                "-X",
                "utf8",
                "-P",
                "-m",
                "dutybot",
                "import",
                "--unit",
                "单位.toml",
                "聊天记录.txt",
            ],
            "cwd": str(here),
        }
    ]


@pytest.mark.parametrize("where", ["environment", "config/.env"])
def test_a_postgresql_url_installs_the_postgres_extra(project, where):
    url = "postgresql+asyncpg://duty:secret@127.0.0.1:5432/dutybot"
    env = {}
    if where == "environment":
        env["SQLALCHEMY_DATABASE_URL"] = url
    else:
        (project / "config" / ".env").write_text(
            f"PORT=8080\nSQLALCHEMY_DATABASE_URL={url}\n", encoding="utf-8"
        )
    result = start(project, **env)
    assert result.returncode == 0, result.stderr
    install, bot = calls(project)
    assert install["argv"][-2:] == ["-e", ".[postgres]"]
    assert install["argv"][:3] == ["-m", "pip", "install"]
    assert bot["argv"][-1] == str(project / "bot.py")
    assert (project / ".venv" / ".installed-postgres").exists()


def serve(project: Path, shutdown: float = 0.0) -> tuple[subprocess.Popen, int]:
    ready = project / "ready"
    process = subprocess.Popen(
        [sys.executable, str(project / "start.py")],
        cwd=project,
        env=environment(
            project, FAKE_SERVE="1", FAKE_READY=str(ready), FAKE_SHUTDOWN=str(shutdown)
        ),
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    deadline = time.monotonic() + 30
    while not (ready.exists() and ready.read_text()):
        assert time.monotonic() < deadline, "the fake bot did not start"
        time.sleep(0.05)
    return process, int(ready.read_text())


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_to_start_py_stops_the_bot(project):
    process, bot = serve(project)
    try:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=20) == 0
        assert calls(project)[-1]["stopped"] == "SIGTERM"
        assert not alive(bot)
    finally:
        if alive(bot):
            os.kill(bot, signal.SIGKILL)
        process.kill()


def test_ctrl_c_gives_the_bot_time_to_shut_down(project):
    process, bot = serve(project, shutdown=1.5)  # longer than subprocess's 0.25 s
    try:
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        assert process.wait(timeout=20) == 0
        assert calls(project)[-1]["stopped"] == "SIGINT"
    finally:
        if alive(bot):
            os.kill(bot, signal.SIGKILL)
        process.kill()
