from pathlib import Path

from nonebot import get_plugin_config, on_command, require
from nonebot.adapters.onebot.v11 import Bot, GroupMessageEvent, Message, MessageEvent
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata

require("nonebot_plugin_orm")
require("nonebot_plugin_apscheduler")
require("plugins.duty")
require("plugins.ledger")
require("plugins.reports")
require("plugins.roster")  # its reminder log records the 1st-of-month post
from nonebot_plugin_apscheduler import scheduler  # noqa: E402
from nonebot_plugin_orm import get_session  # noqa: E402

from dutybot import clock  # noqa: E402
from dutybot.monthly import (  # noqa: E402
    CATCH_UP_DAYS,
    BadMonth,
    FutureMonth,
    Period,
    read_summary_args,
    read_week_args,
    render_chat,
    summary_title,
)
from dutybot.text import clip  # noqa: E402
from plugins.duty import units  # noqa: E402
from plugins.duty.chat import COMMAND_PRIORITY, coordinated_units  # noqa: E402
from plugins.duty.config import Config as DutyConfig  # noqa: E402
from plugins.duty.units import ServedUnit  # noqa: E402

from . import delivery, exports, figures  # noqa: E402, F401
from .delivery import Target  # noqa: E402

COMMANDS = {
    "月报": "/月报 [年-月]：当月汇总（群里文字 + Excel）；/月报 材料 [年-月]：Word 说明报告草稿（协调人）",
    "周报": "/周报：上周汇总（协调人）",
}

__plugin_meta__ = PluginMetadata(
    name="月报",
    description="值班、到岗、问题和工作成效的月度汇总，Excel 明细和 Word 说明报告",
    usage="\n".join(COMMANDS.values()),
    type="application",
    extra={"commands": COMMANDS, "order": 4},
)

duty_settings = get_plugin_config(DutyConfig)

NOT_COORDINATOR = "月报和周报由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"
SEVERAL_UNITS = "你是多个单位的协调人，请在对应单位的工作群里发送 /月报。"

scheduler.add_job(
    delivery.monthly_summary_tick,
    "cron",
    day=f"1-{CATCH_UP_DAYS}",
    minute="*",
    id="monthly_summary",
    replace_existing=True,
    coalesce=True,
    misfire_grace_time=60,
)


def data_dir() -> Path:
    return Path(duty_settings.duty_data_dir)


def coordinated_unit(event: MessageEvent) -> ServedUnit | str | None:
    """The unit a coordinator asks about: the group's, or in private chat the one unit they
    coordinate. A refusal text when there is none."""
    if isinstance(event, GroupMessageEvent) and units.for_group(event.group_id) is None:
        return None
    mine = coordinated_units(event)
    if not mine:
        return NOT_COORDINATOR
    if len(mine) > 1:
        return SEVERAL_UNITS
    return mine[0]


def reply_target(event: MessageEvent) -> Target:
    if isinstance(event, GroupMessageEvent):
        return Target(group_id=event.group_id)
    return Target(user_id=event.user_id)


def month_usage(today) -> str:
    key = f"{today:%Y-%m}"
    return f"请写 年-月，如：/月报 {key}；Word 说明报告：/月报 材料 {key}"


# ---------------------------------------------------------------------------------------------
# /月报

monthly = on_command("月报", priority=COMMAND_PRIORITY, block=True)


@monthly.handle()
async def handle_monthly(bot: Bot, event: MessageEvent, args: Message = CommandArg()) -> None:
    served = coordinated_unit(event)
    if served is None:
        return
    if isinstance(served, str):
        await monthly.finish(served)
    today = clock.today()
    text = args.extract_plain_text()
    try:
        request = read_summary_args(text, today)
    except FutureMonth as error:
        await monthly.finish(
            f"{error.year}年{error.month}月还没到。本月至今请发送：/月报 {today:%Y-%m}"
        )
    except BadMonth:
        await monthly.finish(f"没看懂“{clip(text.strip(), 12)}”。{month_usage(today)}")

    target = reply_target(event)
    where = "群文件" if target.group_id is not None else "私聊"
    async with get_session() as session:
        summary = await delivery.build_summary(session, served, request.period)
        if request.materials:
            path = await delivery.make_report(session, served, summary, data_dir())
        else:
            path = await delivery.make_workbook(session, served, summary, data_dir())
    outcome = await delivery.upload(bot, target, path)
    if request.materials:
        note = delivery.file_note(
            "Word 说明报告草稿（约700字，含整改前后对比照片）", outcome, path, where
        )
        await monthly.finish(
            delivery.as_text(f"{summary_title(summary)}\n{note}\n请核对修改后上报。")
        )
    footer = delivery.file_note("Excel 明细", outcome, path, where)
    footer += f"\nWord 说明报告：/月报 材料 {request.period.key}"
    await monthly.finish(delivery.as_text(render_chat(summary, footer=footer)))


# ---------------------------------------------------------------------------------------------
# /周报

weekly = on_command("周报", priority=COMMAND_PRIORITY, block=True)


@weekly.handle()
async def handle_weekly(event: MessageEvent, args: Message = CommandArg()) -> None:
    served = coordinated_unit(event)
    if served is None:
        return
    if isinstance(served, str):
        await weekly.finish(served)
    text = args.extract_plain_text()
    try:
        period: Period = read_week_args(text, clock.today())
    except BadMonth:
        await weekly.finish(
            f"没看懂“{clip(text.strip(), 12)}”。上周汇总请发送：/周报；本周至今：/周报 本周"
        )
    async with get_session() as session:
        summary = await delivery.build_summary(session, served, period)
    await weekly.finish(delivery.as_text(render_chat(summary)))
