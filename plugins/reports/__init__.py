from nonebot import on_command, on_message, on_notice, require
from nonebot.adapters.onebot.v11 import (
    GroupMessageEvent,
    GroupRecallNoticeEvent,
    Message,
    PrivateMessageEvent,
)
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata
from nonebot.rule import Rule

require("nonebot_plugin_orm")
require("plugins.duty")
require("plugins.ledger")

from dutybot import clock  # noqa: E402
from dutybot.report_parser import ParsedReport  # noqa: E402
from plugins.duty import inbox, units  # noqa: E402
from plugins.duty.chat import COMMAND_PRIORITY, event_time, message_key, usage  # noqa: E402
from plugins.duty.inbox import chat_key  # noqa: E402
from plugins.duty.units import ServedUnit  # noqa: E402

from . import replies, service  # noqa: E402
from .model import ReportSource  # noqa: E402
from .parsing import parse_or_finish  # noqa: E402

COMMANDS = {
    "日报": "/日报 文本：机器人没认出的值班日报，用它再发一次（平时直接在群里发日报即可）",
}

__plugin_meta__ = PluginMetadata(
    name="值班日报",
    description="读懂群里的值班日报，记录到岗、问题和工作成效",
    usage="\n".join(COMMANDS.values()),
    type="application",
    extra={"commands": COMMANDS, "order": 2},
)

# Messages that may only start like a command are left to the commands.
COMMAND_STARTS = ("/", "／")


def _sender_name(event: GroupMessageEvent) -> str:
    return event.sender.card or event.sender.nickname or str(event.user_id)


async def _record(
    event: GroupMessageEvent, served: ServedUnit, text: str, reports: list[ParsedReport], source
) -> str:
    at = event_time(event)
    async with inbox.recording(event) as session:
        recorded = [
            await service.record_report(
                session,
                served,
                parsed,
                raw_text=text,
                sent_at=at,
                source=source,
                sender_qq=event.user_id,
                sender_name=_sender_name(event),
                chat=chat_key(event),
                message_id=message_key(event),
            )
            for parsed in reports
        ]
    return replies.recorded(recorded)


# ---------------------------------------------------------------------------------------------
# Reports posted as ordinary messages


async def _may_be_report(event: GroupMessageEvent) -> bool:
    text = event.get_plaintext().lstrip()
    return bool(text) and not text.startswith(COMMAND_STARTS)


report_reader = on_message(rule=Rule(_may_be_report), priority=50, block=False)


@report_reader.handle()
async def handle_report_message(event: GroupMessageEvent) -> None:
    served = units.for_group(event.group_id)
    assert served is not None
    text = event.get_plaintext()
    reports = await parse_or_finish(
        report_reader, text, event_time(event), served.unit, _sender_name(event)
    )
    if not reports:
        return
    await report_reader.finish(await _record(event, served, text, reports, ReportSource.MESSAGE))


# ---------------------------------------------------------------------------------------------
# /日报 文本

report_command = on_command("日报", priority=COMMAND_PRIORITY, block=True)


@report_command.handle()
async def handle_report_command(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = units.for_group(event.group_id)
    assert served is not None
    text = args.extract_plain_text().strip()
    if not text:
        await report_command.finish(usage("日报"))
    reports = await parse_or_finish(
        report_command,
        text,
        event_time(event),
        served.unit,
        _sender_name(event),
        assume_report=True,
    )
    await report_command.finish(await _record(event, served, text, reports, ReportSource.COMMAND))


@report_command.handle()
async def report_in_private(event: PrivateMessageEvent) -> None:
    await report_command.finish("值班日报请发在工作群里，大家都能看到；机器人会自动记录。")


# ---------------------------------------------------------------------------------------------
# A recalled message withdraws its report


recall = on_notice(priority=10, block=False)


@recall.handle()
async def handle_recall(event: GroupRecallNoticeEvent) -> None:
    served = units.for_group(event.group_id)
    if served is None:
        return
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        withdrawals = await service.withdraw_recalled(
            session,
            served,
            f"g{event.group_id}",
            str(event.message_id),
            event.operator_id,
            clock.from_timestamp(event.time),
        )
        await session.commit()
    if withdrawals:
        await recall.finish(replies.withdrawn(withdrawals))
