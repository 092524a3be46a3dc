"""``dutybot``: what is not chat (checking the setup, parsing, importing, reports, backups).

Each subcommand lives in its own module and registers itself here through ``register``.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Sequence

from . import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dutybot",
        description="值班机器人命令行：检查配置、解析日报、导入聊天记录、月报、备份恢复。",
    )
    parser.add_argument("--version", action="version", version=f"dutybot {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="命令")
    for module in _command_modules():
        module.register(commands)
    return parser


def _command_modules():
    from . import backup_cli, check_cli, demo_cli, import_cli, orm_cli, parse_cli, report_cli

    return [check_cli, parse_cli, import_cli, report_cli, demo_cli, backup_cli, orm_cli]


def main(argv: Sequence[str] | None = None) -> int:
    # Windows consoles default to a legacy code page; the output is Chinese.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    return int(args.handler(args) or 0)
