"""``dutybot orm …``: nonebot-plugin-orm's migration commands with this project's settings
(``nb orm`` alone would ignore ``config/.env``)."""

from __future__ import annotations

import argparse
import sys


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "orm",
        help="数据库迁移（开发用）",
        add_help=False,
        description="nonebot-plugin-orm 的迁移命令，例如：dutybot orm revision -m 说明 --branch-label duty",
    )
    parser.add_argument("orm_args", nargs=argparse.REMAINDER)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .bootstrap import load_bot

    load_bot()
    import click
    from nonebot_plugin_orm import _init_orm
    from nonebot_plugin_orm.__main__ import main

    _init_orm()
    try:
        return (
            main(args=args.orm_args or ["--help"], prog_name="dutybot orm", standalone_mode=False)
            or 0
        )
    except click.exceptions.Abort:
        return 1
    except click.ClickException as error:
        print(
            f"dutybot orm：{error.format_message()}（dutybot orm --help 看用法）", file=sys.stderr
        )
        return error.exit_code or 1
