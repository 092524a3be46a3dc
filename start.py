# -*- coding: utf-8 -*-
"""用法（Linux 和 Windows 相同）：

    python start.py             第一次运行时安装所需的库，然后启动机器人
    python start.py test …      另外安装测试用的库，运行测试（后面的参数原样交给 pytest）
    python start.py dutybot …   运行 dutybot 命令行（check、parse、import、report、demo、backup…）
    python start.py --help      显示本说明

所有库都装在本文件夹的 .venv 里，电脑上别的东西不会改变。数据库设置为 PostgreSQL
（SQLALCHEMY_DATABASE_URL=postgresql+asyncpg://…）时，会同时安装 PostgreSQL 的驱动。
"""

# This file must run on any Python long enough to say which versions work: no f-strings,
# annotations or modules that old Pythons lack before the version is checked.
from __future__ import print_function

import contextlib
import hashlib
import io
import os
import re
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.abspath(__file__))
VENV = os.path.join(ROOT, ".venv")
# After Ctrl-C (which the console sends to the bot too) or a forwarded SIGTERM, the bot has
# this long to shut down cleanly before it is killed.
GRACE_SECONDS = 10


def say(text, stream=None):
    """Print Chinese text on any Python and console (an old Python may not know the encoding)."""
    stream = stream or sys.stdout
    try:
        print(text, file=stream)
    except UnicodeError:
        data = (text + "\n").encode("utf-8")
        getattr(stream, "buffer", stream).write(data)
    stream.flush()


def supported_versions():
    """The (lowest, first unsupported) Python versions of pyproject's requires-python."""
    with io.open(os.path.join(ROOT, "pyproject.toml"), encoding="utf-8") as handle:
        text = handle.read()
    found = re.search(r'requires-python\s*=\s*"([^"]*)"', text)
    spec = found.group(1) if found else ""
    low = re.search(r">=\s*(\d+)\.(\d+)", spec)
    high = re.search(r"<\s*(\d+)\.(\d+)", spec)
    return (
        (int(low.group(1)), int(low.group(2))) if low else (3, 11),
        (int(high.group(1)), int(high.group(2))) if high else None,
    )


def python_problem(version):
    """None when this Python can run the bot; else the line that says which ones can."""
    low, high = supported_versions()
    if version[:2] >= low and (high is None or version[:2] < high):
        return None
    if high is None:
        wanted = "Python {0}.{1} 或更新版本".format(*low)
        newest = "{0}.{1}".format(*low)
    else:
        names = ["3.{0}".format(minor) for minor in range(low[1], high[1])]
        wanted = "Python " + (
            "、".join(names[:-1]) + " 或 " + names[-1] if len(names) > 1 else names[0]
        )
        newest = names[-1]
    return (
        "dutybot 需要 {wanted}，当前是 {current}。请从 python.org 安装 Python {newest}，"
        "再用它运行：py -{newest} start.py（Windows）或 python{newest} start.py（Linux）"
    ).format(wanted=wanted, current=".".join(str(part) for part in version[:3]), newest=newest)


def venv_python():
    if os.name == "nt":
        return os.path.join(VENV, "Scripts", "python.exe")
    return os.path.join(VENV, "bin", "python")


def database_url():
    """SQLALCHEMY_DATABASE_URL as the bot will read it: the environment over config/.env."""
    for key, value in os.environ.items():
        if key.upper() == "SQLALCHEMY_DATABASE_URL":
            return value
    path = os.path.join(ROOT, "config", ".env")
    if not os.path.isfile(path):
        return ""
    url = ""
    with io.open(path, encoding="utf-8", errors="replace") as handle:
        for line in handle:
            found = re.match(r"\s*(?:export\s+)?SQLALCHEMY_DATABASE_URL\s*=\s*(.*)$", line, re.I)
            if found:
                url = found.group(1).strip().strip("\"'")
    return url


def bot_extras():
    """The optional dependencies the settings ask for: PostgreSQL's driver for its URL."""
    return "postgres" if database_url().lower().startswith("postgres") else ""


def ensure_installed(extras):
    import venv

    python = venv_python()
    if not os.path.exists(python):
        say("首次运行：正在创建 .venv …")
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = ".[{0}]".format(extras) if extras else "."
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as handle:
        fingerprint = hashlib.sha256(handle.read() + spec.encode()).hexdigest()
    stamp = os.path.join(VENV, ".installed-{0}".format(extras or "bot"))
    installed = None
    if os.path.exists(stamp):
        with io.open(stamp, encoding="utf-8") as handle:
            installed = handle.read()
    if installed != fingerprint:
        say("正在安装依赖（{0}）…".format(spec))
        subprocess.check_call(
            [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec],
            cwd=ROOT,
        )
        with io.open(stamp, "w", encoding="utf-8") as handle:
            handle.write(fingerprint)
    return python


def run(command, cwd):
    """Run the bot (or a command) and stay with it: a SIGTERM or SIGHUP to this process is
    passed on, Ctrl-C gives it GRACE_SECONDS to finish, and its exit code is returned."""
    child = subprocess.Popen(command, cwd=cwd)
    stopping = []  # when a stop was asked for

    def forward(signum, frame):
        # On Windows the console sends Ctrl-Break to the bot itself; POSIX signals are
        # addressed to this process only.
        if os.name != "nt" and child.poll() is None:
            child.send_signal(signum)
        stopping.append(time.monotonic())

    for name in ("SIGTERM", "SIGHUP", "SIGBREAK"):
        number = getattr(signal, name, None)
        if number is not None:
            with contextlib.suppress(OSError, ValueError):  # not in the main thread
                signal.signal(number, forward)
    while True:
        try:
            code = child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            if stopping and time.monotonic() - stopping[0] > GRACE_SECONDS:
                say("机器人 {0} 秒内没有停下，强制结束。".format(GRACE_SECONDS), sys.stderr)
                child.kill()
                code = child.wait()
            else:
                continue
        except KeyboardInterrupt:
            # The console sent Ctrl-C to the bot as well: it is shutting down; wait for it.
            stopping.append(time.monotonic())
            continue
        return 128 - code if code < 0 else code  # killed by a signal: the shell's number


def main(argv):
    command, rest = (argv[0], argv[1:]) if argv else ("bot", [])
    if command in ("-h", "--help", "help", "/?"):
        say(__doc__.strip())
        return 0
    # UTF-8 mode: logs with Chinese and emoji never fail on a Windows (GBK) console or file.
    if command == "bot":
        python = ensure_installed(bot_extras())
        return run([python, "-X", "utf8", os.path.join(ROOT, "bot.py")] + rest, ROOT)
    if command == "test":
        python = ensure_installed("test")
        pytest = [python, "-m", "pytest"] + rest
        say("$ " + " ".join(pytest))  # CI logs show the exact test command
        return run(pytest, ROOT)
    if command == "dutybot":
        python = ensure_installed(bot_extras())
        # From where the user stands: paths on the command line are theirs. -P keeps a
        # stray dutybot.py or plugins/ folder there from shadowing the project's.
        return run([python, "-X", "utf8", "-P", "-m", "dutybot"] + rest, os.getcwd())
    say("不认识的命令：{0}（python start.py --help 看用法）".format(command), sys.stderr)
    return 2


if __name__ == "__main__":
    problem = python_problem(tuple(sys.version_info))
    if problem and sys.argv[1:2] in (["-h"], ["--help"], ["help"], ["/?"]):
        say(__doc__.strip())
        say("\n" + problem)
        sys.exit(0)
    if problem:
        say(problem, sys.stderr)
        sys.exit(1)
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        say(
            "安装失败（pip 退出码 {0}）。请检查网络，或设置 PIP_INDEX_URL 使用国内镜像后重试，例如 "
            "PIP_INDEX_URL=https://pypi.tuna.tsinghua.edu.cn/simple".format(error.returncode),
            sys.stderr,
        )
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
