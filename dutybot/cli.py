"""``dutybot``: what is not chat (checking the setup, parsing, importing, reports, backups).

Each subcommand lives in its own module and registers itself here through ``register``.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from . import __version__

# argparse's messages (English), said in Chinese.
_ARGPARSE_ERRORS = (
    (re.compile(r"^the following arguments are required: (.+)$"), "缺少参数 {0}"),
    (re.compile(r"^unrecognized arguments: (.+)$"), "不认识的参数 {0}"),
    (re.compile(r"^argument (\S+): invalid choice: '([^']*)'.*$"), "没有 {1} 这个命令"),
    (re.compile(r"^argument (\S+): invalid \w+ value: '([^']*)'$"), "参数 {0} 的值 {1} 不对"),
    (re.compile(r"^argument (\S+): expected .*$"), "参数 {0} 后面要写一个值"),
    (re.compile(r"^ambiguous option: (\S+) could match (.+)$"), "参数 {0} 不明确，可能是 {1}"),
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """A mistyped command line gets one Chinese line saying what is wrong and where the usage
    is, not argparse's English usage block."""

    def error(self, message: str) -> NoReturn:
        for pattern, text in _ARGPARSE_ERRORS:
            found = pattern.match(message)
            if found:
                message = text.format(*found.groups())
                break
        self.exit(2, f"{self.prog}：{message}（{self.prog} -h 看用法）\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="dutybot",
        description="值班机器人命令行：检查配置、解析日报、导入聊天记录、月报、备份恢复。",
    )
    parser.add_argument("--version", action="version", version=f"dutybot {__version__}")
    commands = parser.add_subparsers(
        dest="command", metavar="命令", parser_class=ChineseArgumentParser
    )
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
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["orm"]:
        # Everything after it is nonebot-plugin-orm's, its options too (argparse's REMAINDER
        # would refuse a leading --help).
        from . import orm_cli

        args = argparse.Namespace(command="orm", handler=orm_cli.run, orm_args=argv[1:])
    else:
        args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except Exception as error:
        # The last resort: whatever was not foreseen is still one line, never a traceback.
        if os.environ.get("DUTYBOT_TRACEBACK"):
            raise
        print(
            f"dutybot {args.command} 出错：{_describe(error)}"
            "（设置环境变量 DUTYBOT_TRACEBACK=1 再运行可看到详细信息）",
            file=sys.stderr,
        )
        return 1


def _describe(error: Exception) -> str:
    if isinstance(error, OSError):
        from .files import why

        return f"{error.filename or ''} {why(error)}".strip()
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {first}" if first else type(error).__name__
