"""One command for Linux and Windows alike, needing only Python 3.11+:

    python start.py           install what is needed (first time) and run the bot
    python start.py test      install the test tools too and run the whole test suite
    python start.py dutybot … run the dutybot command line (check, parse, import, report…)

Everything is installed into ``.venv`` inside this folder; nothing else on the PC changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def ensure_installed(extras: str) -> Path:
    if sys.version_info < (3, 11):
        sys.exit(f"需要 Python 3.11 或更新版本，当前是 {sys.version.split()[0]}。")
    python = venv_python()
    if not python.exists():
        print("首次运行：正在创建 .venv …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    spec = f".[{extras}]" if extras else "."
    fingerprint = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'bot'}"
    if not stamp.exists() or stamp.read_text() != fingerprint:
        print(f"正在安装依赖（{spec}）…", flush=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", spec],
            cwd=ROOT,
            check=True,
        )
        stamp.write_text(fingerprint)
    return python


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("bot", [])
    if command == "bot":
        python = ensure_installed("")
        return subprocess.call([str(python), str(ROOT / "bot.py"), *rest], cwd=ROOT)
    if command == "test":
        python = ensure_installed("test")
        pytest = [str(python), "-m", "pytest", *rest]
        print("$", " ".join(pytest), flush=True)  # CI logs show the exact test command
        return subprocess.call(pytest, cwd=ROOT)
    if command == "dutybot":
        python = ensure_installed("")
        return subprocess.call([str(python), "-m", "dutybot", *rest], cwd=ROOT)
    print(__doc__)
    return 2


if __name__ == "__main__":
    try:
        raise SystemExit(main(sys.argv[1:]))
    except subprocess.CalledProcessError as error:
        sys.exit(f"安装失败（{error}）。请检查网络，或设置 PIP_INDEX_URL 使用国内镜像后重试。")
    except KeyboardInterrupt:
        raise SystemExit(130) from None
