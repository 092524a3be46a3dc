"""``dutybot check``: validate the unit file(s) and the database, print what was found."""

from __future__ import annotations

import argparse
import asyncio
import os
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "check",
        help="检查单位文件和数据库",
        description="检查单位文件和数据库（只读，不做修改），打印检查结果。",
    )
    parser.add_argument("--unit", help="单位文件或文件夹（默认读取设置 DUTY_UNIT_FILE）")
    parser.add_argument("--no-db", action="store_true", help="只检查单位文件，不连数据库")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .bootstrap import PROJECT_ROOT
    from .settings_check import SettingError, check_settings, configured
    from .unit import UnitFileError, load_units

    env_file = PROJECT_ROOT / "config" / ".env"
    overrides: dict[str, object] = {"log_level": "WARNING"}
    if args.unit:  # a path on the command line is the user's, from where they stand
        overrides["duty_unit_file"] = str(Path(args.unit).resolve())
    if args.no_db:
        try:
            check_settings(env_file, root=PROJECT_ROOT, skip=overrides)
        except SettingError as error:
            print(error)
            return 1
        setting = configured(env_file, os.environ).get("duty_unit_file")
        unit_path = Path(str(overrides.get("duty_unit_file") or "")) if args.unit else None
        if unit_path is None:
            # A setting's relative path is the project's, as the bot reads it.
            unit_path = PROJECT_ROOT / (setting.text if setting else "config/duty.toml")
        try:
            units = load_units(unit_path)
        except UnitFileError as error:
            print(error)
            return 1
    else:
        from .bootstrap import load_bot

        bot = load_bot(**overrides)  # stops with one line if a setting or the unit file is wrong
        units = load_units(bot._start_settings().duty_unit_file)
    for unit in units:
        _print_unit(unit)
    print("单位文件检查通过。")
    if args.no_db:
        return 0
    return asyncio.run(_check_database())


def _print_unit(unit) -> None:
    print(f"单位：{unit.name}（{unit.source}）")
    print(f"  服务的群：{'、'.join(map(str, unit.groups))}")
    print(f"  协调人：{'、'.join(map(str, unit.coordinators)) or '（未设置）'}")
    for site in unit.sites:
        aliases = f"，别名：{'、'.join(site.aliases)}" if site.aliases else ""
        print(f"  {site.kind}：{site.name}{aliases}")
    bound = sum(1 for m in unit.staff if m.qq)
    print(f"  人员：{len(unit.staff)} 人（已填 QQ 号 {bound} 人）")
    weekdays = "、".join("一二三四五六日"[d - 1] for d in unit.roster.weekdays)
    print(
        f"  排班：每周{weekdays}，每班 {unit.roster.per_shift} 人，"
        f"{unit.roster.start:%H:%M}-{unit.roster.end:%H:%M}"
    )
    print(f"  问题类别：{'、'.join(unit.category_names)}")
    print(f"  提醒：{reminders_summary(unit.reminders)}")


def reminders_summary(rules) -> str:
    if not rules.enabled:
        return "已关闭（[reminders] enabled = false）"
    deadlines = "、".join(f"{m}月{d}日" for m, d in rules.deadlines) or "无"
    return (
        f"前一天 {rules.day_before:%H:%M}，当天 {rules.morning:%H:%M}，"
        f"开始后 {rules.checkin_after_minutes} 分钟催报到，{rules.evening:%H:%M} 催日报，"
        f"周一 {rules.weekly:%H:%M} 周报；报送截止 {deadlines}（提前 {rules.deadline_days_before} 天）"
    )


async def _check_database() -> int:
    import nonebot_plugin_orm
    import sqlalchemy as sa
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from nonebot_plugin_orm import AlembicConfig, _init_orm

    _init_orm()
    engine = nonebot_plugin_orm._engines[""]
    print(f"数据库：{engine.url.render_as_string(hide_password=True)}")
    with AlembicConfig() as config:
        script = ScriptDirectory.from_config(config)
        # The heads an upgrade ends at, as the database records them: a branch head that
        # another branch depends on (duty's) is not stored once the dependant is applied.
        heads = {revision.revision for revision in script.get_revisions("heads")}
        known = {revision.revision for revision in script.walk_revisions()}
    try:
        async with engine.connect() as connection:
            current = await connection.run_sync(
                lambda c: set(MigrationContext.configure(c).get_current_heads())
            )
            tables = await connection.run_sync(lambda c: set(sa.inspect(c).get_table_names()))
            counts = {}
            for table, label in (
                ("duty_unit", "单位"),
                ("duty_staff", "人员"),
                ("duty_checkin", "报到记录"),
            ):
                if table in tables:
                    counts[label] = await connection.scalar(
                        sa.text(f"SELECT COUNT(*) FROM {table}")
                    )
    except Exception as error:  # any driver error: say it in one line
        print(f"  无法连接数据库：{type(error).__name__}: {str(error).splitlines()[0]}")
        return 1
    finally:
        await engine.dispose()
    print(f"  {schema_state(current, heads, known)}")
    if counts:
        print("  " + "，".join(f"{k} {v}" for k, v in counts.items()))
    print("检查完成。")
    return 0


def schema_state(current: set[str], heads: set[str], known: set[str]) -> str:
    """What the database's recorded revisions mean for the next start, as the bot sees it."""
    if not current:
        return "数据库是空的：启动机器人时会自动建表。"
    if current == heads:
        return "数据库结构是最新的。"
    if current - known:
        return "数据库来自更新版本的 dutybot（有本程序不认识的结构版本）：请先更新程序再启动。"
    return "数据库结构较旧：启动机器人时会自动升级。"
