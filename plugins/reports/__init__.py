from contextlib import asynccontextmanager

from nonebot import on_command, on_message, on_notice, require
from nonebot.adapters.onebot.v11 import (
    GroupMessageEvent,
    GroupRecallNoticeEvent,
    Message,
    PrivateMessageEvent,
)
from nonebot.internal.matcher import Matcher
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata
from nonebot.rule import Rule

require("nonebot_plugin_orm")
require("plugins.duty")
require("plugins.ledger")

from nonebot_plugin_orm import get_session  # noqa: E402

from dutybot import clock  # noqa: E402
from dutybot.duty_record import read_correction  # noqa: E402
from dutybot.report_parser import ParsedReport  # noqa: E402
from dutybot.text import fold  # noqa: E402
from dutybot.unit import Site  # noqa: E402
from plugins.duty import inbox, pending, units  # noqa: E402
from plugins.duty.chat import (  # noqa: E402
    COMMAND_PRIORITY,
    event_time,
    is_coordinator,
    message_key,
    usage,
)
from plugins.duty.inbox import chat_key  # noqa: E402
from plugins.duty.units import ServedUnit  # noqa: E402

from . import corrections, replies, service  # noqa: E402
from .model import HeldFor, ReportSource, ReportStatus  # noqa: E402
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


def _other_unit_site(text: str, served: ServedUnit) -> str | None:
    """A site of another unit the bot serves, named in the text (the wrong group)."""
    folded = fold(text)
    for other in units.all_served():
        if other.unit_id == served.unit_id:
            continue
        for site in other.unit.sites:
            if any(len(s) >= 3 and s in folded for s in site.spellings()):
                return f"{site.label}（{other.unit.name}）"
    return None


async def _record_and_reply(
    matcher: type[Matcher],
    event: GroupMessageEvent,
    served: ServedUnit,
    text: str,
    reports: list[ParsedReport],
    source: ReportSource,
) -> None:
    at = event_time(event)
    other_site = None
    if any(parsed.site is None for parsed in reports) and len(served.unit.sites) > 1:
        other_site = _other_unit_site(text, served)
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
                other_unit_site=other_site if parsed.site is None else None,
            )
            for parsed in reports
        ]
    waiting = [r for r in recorded if r.held_for is HeldFor.SITE]
    if waiting:
        _ask_site_later(event, served, waiting[0].report_id)
    receipt = await matcher.send(replies.recorded(recorded, served.unit.sites))
    await _keep_bot_message(receipt, [r.report_id for r in recorded])
    await matcher.finish()


def _ask_site_later(event: GroupMessageEvent, served: ServedUnit, report_id: int) -> None:
    """The answer (a number) may come as a plain message within a few minutes, or later as a
    reply to the bot's question (handled by ``report_reply``)."""

    async def place(site: Site) -> str:
        return await _release(None, served, report_id, site, event.user_id)

    pending.expect_site(served.unit, event.group_id, event.user_id, place)


async def _release(
    answer: GroupMessageEvent | None,
    served: ServedUnit,
    report_id: int,
    site: Site | None,
    actor_qq: int,
) -> str:
    """Count a held report now that its sender answered (``answer``, when the answer came as a
    reply the bot can claim; a plain numbered answer is not claimed)."""
    at = event_time(answer) if answer is not None else clock.now()
    message_id = message_key(answer) if answer is not None else None
    async with inbox.recording(answer) if answer is not None else _plain_session() as session:
        report = await service.held_report(session, served.unit_id, report_id)
        if report is None:
            return "这份日报已经计入或已撤回，无需再答。"
        recorded = await service.release_held(
            session, served, report, actor_qq, at, message_id, site
        )
        if answer is None:
            await session.commit()
    return replies.recorded([recorded], served.unit.sites)


@asynccontextmanager
async def _plain_session():
    async with inbox.write_turn(), get_session() as session:
        yield session


async def _keep_bot_message(receipt, report_ids: list[int]) -> None:
    message_id = receipt.get("message_id") if isinstance(receipt, dict) else None
    if message_id is None or not report_ids:
        return
    async with get_session() as session:
        await service.note_bot_message(session, report_ids, str(message_id))
        await session.commit()


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
    await _record_and_reply(report_reader, event, served, text, reports, ReportSource.MESSAGE)


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
    await _record_and_reply(report_command, event, served, text, reports, ReportSource.COMMAND)


@report_command.handle()
async def report_in_private(event: PrivateMessageEvent) -> None:
    await report_command.finish("值班日报请发在工作群里，大家都能看到；机器人会自动记录。")


# ---------------------------------------------------------------------------------------------
# Replies to the bot's "已记录 …" message: corrections, a site, a confirmation


def _quoted(event: GroupMessageEvent) -> str | None:
    if event.reply is not None:
        return str(event.reply.message_id)
    for segment in event.original_message:
        if segment.type == "reply" and segment.data.get("id") is not None:
            return str(segment.data["id"])
    return None


async def _replies_to_a_report(event: GroupMessageEvent) -> bool:
    quoted = _quoted(event)
    if quoted is None:
        return False
    served = units.for_group(event.group_id)
    if served is None:
        return False
    async with get_session() as session:
        return bool(await service.reports_by_bot_message(session, served.unit_id, quoted))


report_reply = on_message(rule=Rule(_replies_to_a_report), priority=6, block=False)


@report_reply.handle()
async def handle_report_reply(matcher: Matcher, event: GroupMessageEvent) -> None:
    served = units.for_group(event.group_id)
    assert served is not None
    quoted = _quoted(event)
    assert quoted is not None
    text = event.get_plaintext().strip()
    async with get_session() as session:
        reports = await service.reports_by_bot_message(session, served.unit_id, quoted)
    if not reports:
        await report_reply.finish()
    if not all(r.sender_qq == event.user_id for r in reports) and not is_coordinator(
        served, event.user_id
    ):
        correction = read_correction(text)
        if correction.empty:
            await report_reply.finish()
        matcher.stop_propagation()
        await report_reply.finish("只有发这份日报的人或协调人可以更正。")

    waiting_site = [
        r for r in reports if r.status is ReportStatus.HELD and r.held_for == HeldFor.SITE
    ]
    site = pending.site_from_answer(served.unit, text) if waiting_site else None
    if site is not None:
        matcher.stop_propagation()
        pending.take_question(event.group_id, event.user_id)
        await report_reply.finish(
            await _release(event, served, waiting_site[0].id, site, event.user_id)
        )

    correction = read_correction(text)
    if correction.empty:
        await report_reply.finish()
    matcher.stop_propagation()
    if correction.confirm:
        held = [r for r in reports if r.status is ReportStatus.HELD]
        if not held:
            await report_reply.finish("这份日报已经计入了。")
        if held[0].held_for == HeldFor.SITE:
            await report_reply.finish("请回复地点的序号。")
        await report_reply.finish(await _release(event, served, held[0].id, None, event.user_id))
    current = [r for r in reports if r.status is ReportStatus.ACTIVE]
    if not current:
        await report_reply.finish("这份日报已被更正或撤回，请回复最新的那条“已记录”消息。")
    await report_reply.finish(await _correct(event, served, current[0].id, correction))


async def _correct(event: GroupMessageEvent, served: ServedUnit, report_id: int, correction) -> str:
    at = event_time(event)
    async with inbox.recording(event) as session:
        report = await session.get(service.DailyReport, report_id)
        assert report is not None
        result = await corrections.correct_report(
            session, served, report, correction, event.user_id, at, message_key(event)
        )
        day, site = report.duty_date, served.site_by_id(report.site_id) if report.site_id else None
    return replies.corrected(day, site.label if site else "", result)


# ---------------------------------------------------------------------------------------------
# A recalled message withdraws its report (or its correction)


recall = on_notice(priority=10, block=False)


@recall.handle()
async def handle_recall(event: GroupRecallNoticeEvent) -> None:
    served = units.for_group(event.group_id)
    if served is None:
        return
    at = clock.from_timestamp(event.time)
    async with inbox.write_turn(), get_session() as session:
        withdrawals = await service.withdraw_recalled(
            session, served, f"g{event.group_id}", str(event.message_id), event.operator_id, at
        )
        undone = None
        if not withdrawals:
            undone = await corrections.undo_correction(
                session, served, str(event.message_id), event.operator_id, at
            )
        text = None
        if undone is not None:
            site = served.site_by_id(undone.site_id) if undone.site_id else None
            text = replies.correction_recalled(
                undone.duty_date,
                site.label if site else "",
                undone.found_total,
                undone.resolved_total,
            )
        await session.commit()
    if text is not None:
        await recall.finish(text)
    if withdrawals:
        await recall.finish(replies.withdrawn(withdrawals))
