from __future__ import annotations

import asyncio
from pathlib import Path

from nonebot import get_driver, get_plugin_config, logger, on_command, require
from nonebot.adapters.onebot.v11 import MessageEvent
from nonebot.plugin import PluginMetadata
from pydantic import BaseModel, field_validator

require("nonebot_plugin_orm")
require("nonebot_plugin_apscheduler")
require("plugins.duty")
from nonebot_plugin_apscheduler import scheduler  # noqa: E402

from dutybot import backup, clock  # noqa: E402
from plugins.duty.chat import COMMAND_PRIORITY, coordinated_units  # noqa: E402
from plugins.duty.config import Config as DutyConfig  # noqa: E402
from plugins.duty.database import is_sqlite, main_engine  # noqa: E402

COMMANDS = {"备份": "/备份：立即备份数据库（协调人）；机器人每天也会自动备份"}

__plugin_meta__ = PluginMetadata(
    name="备份",
    description="每天在线备份数据库，保留 14 天和 12 个月",
    usage="\n".join(COMMANDS.values()),
    type="application",
    extra={"commands": COMMANDS, "order": 9},
)


class Config(BaseModel):
    duty_backup_time: str = "03:30"
    """Daily backup time (HH:MM, local); empty turns the daily backup off."""

    @field_validator("duty_backup_time")
    @classmethod
    def clock_time(cls, value: str) -> str:
        if value:
            hours, _, minutes = value.partition(":")
            if not (
                hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60
            ):
                raise ValueError("应写成 03:30 这样的时间，或留空关闭每日备份")
        return value


settings = get_plugin_config(Config)
duty_settings = get_plugin_config(DutyConfig)


def backup_folder() -> Path:
    return Path(duty_settings.duty_data_dir) / "backups"


def sqlite_file() -> Path | None:
    """The SQLite database file, or None when the database is not SQLite."""
    engine = main_engine()
    if engine is None or not is_sqlite():
        return None
    url = engine.url
    if not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


async def back_up_now(manual: bool = True) -> tuple[Path, list[Path]]:
    """One backup, and for the daily one the rotation; returns the backup and the old ones
    the rotation removed. Raises BackupError."""
    database = sqlite_file()
    if database is None:
        raise backup.BackupError(
            "数据库不是 SQLite，请用数据库自己的工具备份（PostgreSQL：pg_dump）"
        )
    target = await asyncio.to_thread(
        backup.make_backup, database, backup_folder(), clock.now(), manual
    )
    removed = [] if manual else await asyncio.to_thread(backup.rotate, backup_folder())
    return target, removed


async def daily_backup() -> None:
    try:
        target, removed = await back_up_now(manual=False)
    except (backup.BackupError, OSError) as error:
        logger.error(f"每日备份失败：{error}")
    else:
        gone = f"；按保留规则删除了 {'、'.join(p.name for p in removed)}" if removed else ""
        logger.info(f"每日备份完成：{target}{gone}")


@get_driver().on_startup
async def schedule_daily_backup() -> None:
    if not settings.duty_backup_time:
        return
    hours, minutes = map(int, settings.duty_backup_time.split(":"))
    scheduler.add_job(
        daily_backup,
        "cron",
        hour=hours,
        minute=minutes,
        timezone=clock.timezone(),
        id="duty-daily-backup",
        replace_existing=True,
        misfire_grace_time=3600,
        coalesce=True,
    )


backup_command = on_command("备份", priority=COMMAND_PRIORITY, block=True)


@backup_command.handle()
async def handle_backup(event: MessageEvent) -> None:
    if not coordinated_units(event):
        await backup_command.finish("只有协调人可以备份数据库。")
    try:
        target, _ = await back_up_now()
    except backup.BackupError as error:
        await backup_command.finish(f"备份没有成功：{error}")
    size = target.stat().st_size
    kept = len(backup.list_backups(backup_folder()))
    await backup_command.finish(
        f"已备份：{target.name}（{size / 1024 / 1024:.1f} MB），共保留 {kept} 份备份。"
    )
