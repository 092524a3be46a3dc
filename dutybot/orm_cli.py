"""``dutybot orm …``: nonebot-plugin-orm's migration commands with this project's settings
(``nb orm`` alone would ignore ``config/.env``)."""

from __future__ import annotations

import argparse


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
    from nonebot_plugin_orm import _init_orm
    from nonebot_plugin_orm.__main__ import main

    _init_orm()
    return main(args=args.orm_args, prog_name="dutybot orm", standalone_mode=True) or 0
