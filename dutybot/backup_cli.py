"""``dutybot backup`` and ``dutybot restore FILE``: the SQLite database, outside the chat."""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "backup",
        help="立即备份数据库",
        description="在线备份 SQLite 数据库到 data/backups/（机器人运行时也可以）。"
        "手动备份（duty-manual-时间.db）不参与自动删除，同一天多次备份都保留。",
    )
    parser.add_argument(
        "--auto",
        action="store_true",
        help="当作每日自动备份（供计划任务用）：按保留规则（14 天、12 个月）删除旧的自动备份，"
        "并打印删除了哪些",
    )
    parser.set_defaults(handler=run_backup)
    parser = commands.add_parser(
        "restore",
        help="从备份恢复数据库",
        description="用备份文件替换当前数据库。请先停止机器人；当前数据库会先另存为 "
        "data/backups/before-restore-时间.db，恢复后再启动机器人即可。",
    )
    parser.add_argument("file", help="备份文件，如 data/backups/duty-2026-11-29-033000.db")
    parser.set_defaults(handler=run_restore)


def _locations() -> tuple[Path | None, Path]:
    """The SQLite file (None when the database is not SQLite) and the backup folder."""
    from nonebot import get_plugin_config
    from pydantic import BaseModel
    from sqlalchemy.engine import make_url

    from .bootstrap import load_bot

    load_bot(log_level="WARNING")

    class Settings(BaseModel):
        sqlalchemy_database_url: str = ""
        duty_data_dir: Path = Path("data")

    settings = get_plugin_config(Settings)
    folder = Path(settings.duty_data_dir).resolve() / "backups"
    url = make_url(settings.sqlalchemy_database_url or "sqlite+aiosqlite:///data/duty.db")
    if url.get_backend_name() != "sqlite" or not url.database:
        return None, folder
    return Path(url.database).resolve(), folder


def run_backup(args: argparse.Namespace) -> int:
    from . import backup, clock

    database, folder = _locations()
    if database is None:
        print("数据库不是 SQLite，请用数据库自己的工具备份（PostgreSQL：pg_dump）。")
        return 1
    try:
        target = backup.make_backup(database, folder, clock.now(), manual=not args.auto)
        removed = backup.rotate(folder) if args.auto else []
    except backup.BackupError as error:
        print(error)
        return 1
    except OSError as error:
        from .files import why

        print(f"备份失败：{error.filename or folder} {why(error)}")
        return 1
    print(f"已备份：{target}")
    if not args.auto:
        print("这是手动备份，不会被自动删除；不需要时可自己删掉。")
    elif removed:
        print(
            f"按保留规则（最近 14 天每天一份、12 个月每月一份）删除了 {len(removed)} 份旧的自动备份："
        )
        for path in removed:
            print(f"  {path.name}")
    else:
        print("没有需要删除的旧备份。")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from . import backup, clock

    source = Path(args.file).resolve()
    try:  # before the bot is loaded: a wrong file is said at once
        backup.check_backup(source)
    except backup.BackupError as error:
        print(f"没有恢复：{error}")
        return 1
    database, folder = _locations()
    if database is None:
        print("数据库不是 SQLite，请用数据库自己的工具恢复（PostgreSQL：pg_restore）。")
        return 1
    try:
        saved = backup.restore(source, database, folder, clock.now())
    except backup.BackupError as error:
        print(f"没有恢复：{error}")
        return 1
    except (OSError, sqlite3.Error) as error:
        from .files import why

        reason = why(error) if isinstance(error, OSError) else str(error)
        print(f"没有恢复：无法写入数据库 {database}（{reason}）")
        return 1
    if saved:
        print(f"原数据库已另存为 {saved}")
    print(f"已用 {source.name} 恢复数据库 {database}。现在可以启动机器人了。")
    return 0
