from datetime import datetime, timedelta
from pathlib import Path
from typing import overload

from nonebot import get_driver, get_plugin_config, logger, on_command, require
from nonebot.adapters.onebot.v11 import (
    Bot,
    GroupMessageEvent,
    Message,
    MessageEvent,
    MessageSegment,
    PrivateMessageEvent,
)
from nonebot.exception import ActionFailed, ApiNotAvailable, NetworkError
from nonebot.matcher import Matcher
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata

require("nonebot_plugin_orm")
require("nonebot_plugin_apscheduler")
require("plugins.duty")
require("plugins.reports")
require("plugins.ledger")

from nonebot_plugin_apscheduler import scheduler  # noqa: E402
from nonebot_plugin_orm import get_session  # noqa: E402

from dutybot import clock  # noqa: E402
from dutybot.dates import BadDate, day_range, md, read_month  # noqa: E402
from dutybot.duty_calendar import month_days  # noqa: E402
from dutybot.errors import DutyDone, DutyError, NotOnDuty, SwapNotPending  # noqa: E402
from dutybot.file_delivery import file_note  # noqa: E402
from dutybot.files import atomic_write, safe_name  # noqa: E402
from dutybot.reminders import Mention, Notice, is_quiet  # noqa: E402
from dutybot.roster_args import (  # noqa: E402
    RosterArgs,
    looks_like_reason,
    read_roster_args,
    reason_first,
)
from dutybot.roster_export import roster_ics, roster_title, roster_xlsx  # noqa: E402
from dutybot.roster_text import (  # noqa: E402
    days_text,
    duty_line,
    month_name,
    month_text,
)
from dutybot.text import clip  # noqa: E402
from plugins.duty import inbox, units  # noqa: E402
from plugins.duty.chat import (  # noqa: E402
    COMMAND_PRIORITY,
    NOT_STAFF,
    coordinated_units,
    event_time,
    is_coordinator,
    mentioned_qq,
    message_key,
    usage,
    who_is,
)
from plugins.duty.config import Config as DutyConfig  # noqa: E402
from plugins.duty.service import Person, staff_by_qq  # noqa: E402
from plugins.duty.units import ServedUnit  # noqa: E402
from plugins.duty.upload import send_file  # noqa: E402

from . import model, reminders, service  # noqa: E402, F401
from .reminders import reminder_tick, to_message, todays_notices  # noqa: E402
from .replies import (  # noqa: E402
    DAY_EXAMPLES,
    PRIVATE_NOT_BOUND,
    as_reply,
    ask_text,
    day_problem,
    leave_notice,
    moves_notice,
    not_on_roster,
    past_day,
    request_text,
    swap_error,
    unknown_word,
)

COMMANDS = {
    "排班": "/排班 2026-12：按规则排出一个月的值班表（协调人）；/排班 确认：替换已有的表；"
    "/排班 导出 2026-12：发 Excel 和日历文件",
    "值班表": "/值班表 [本周|下周|2026-12]：查看值班表",
    "我的值班": "/我的值班：查看自己接下来的值班",
    "请假": "/请假 12-05 [12-07] 原因：请假，已排的值班自动找人替班",
    "换班": "/换班 @某人 12-05：请对方替你这天的值班（或你替对方），对方 /同意 后生效；"
    "写两个日期为两天互换",
    "同意": "/同意 [姓名或日期]：同意别人发来的换班请求（有几个时写上对方姓名或日期）",
    "拒绝": "/拒绝 [姓名或日期]：不同意别人发来的换班请求",
    "调班": "/调班 12-05 王晓明 李娜：把王晓明这天的值班直接调给李娜（协调人）；写两个日期为互换",
    "提醒": "/提醒 测试：马上发出今天的提醒，试试设置（协调人）",
}

__plugin_meta__ = PluginMetadata(
    name="排班与提醒",
    description="按规则排班、请假替班、换班，值班前后自动提醒",
    usage="\n".join(COMMANDS.values()),
    type="application",
    extra={"commands": COMMANDS, "order": 3},
)

duty_config = get_plugin_config(DutyConfig)

REMINDER_JOB = "roster_reminders"
MAX_LEAVE_DAYS = 62


@get_driver().on_startup
async def schedule_reminders() -> None:
    """One job, every minute: it reads the roster and the reminder log from the database,
    so a restart or a roster change needs no rescheduling. Until a QQ client connects it
    claims nothing, so what came due meanwhile goes out within a minute of the connection
    (if still useful then)."""
    scheduler.add_job(
        reminder_tick,
        "interval",
        seconds=60,
        next_run_time=datetime.now(clock.timezone()) + timedelta(seconds=2),
        id=REMINDER_JOB,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=30,
    )


# ---------------------------------------------------------------------------------------------
# Shared steps


@overload
async def _sender(matcher: type[Matcher], event: MessageEvent) -> tuple[ServedUnit, Person]: ...


@overload
async def _sender(
    matcher: type[Matcher], event: MessageEvent, *, coordinator_ok: bool
) -> tuple[ServedUnit, Person | None]: ...


async def _sender(
    matcher: type[Matcher], event: MessageEvent, *, coordinator_ok: bool = False
) -> tuple[ServedUnit, Person | None]:
    """The unit and the bound staff member who sent the message, or a reply saying how to
    bind. ``coordinator_ok``: a coordinator who is not on the staff passes too (as None)."""
    async with get_session() as session:
        found = await who_is(session, event)
        await session.commit()  # keep a binding made from the group card
    if found is None:
        await matcher.finish(PRIVATE_NOT_BOUND)
    served, person = found
    if person is None and not (coordinator_ok and is_coordinator(served, event.user_id)):
        await matcher.finish(NOT_STAFF)
    return served, person


def _group_unit(event: GroupMessageEvent) -> ServedUnit:
    served = units.for_group(event.group_id)
    assert served is not None  # ignore_other_groups let it through
    return served


async def _named_people(
    served: ServedUnit, args: RosterArgs, message: Message
) -> tuple[list[Person], list[str]]:
    """The people named in the command (names and @), and @s that are not on the staff."""
    people: list[Person] = []
    unknown: list[str] = []
    async with get_session() as session:
        for qq in mentioned_qq(message):
            person = await staff_by_qq(session, served.unit_id, qq)
            if person is None:
                unknown.append(f"@{qq}")
            elif person not in people:
                people.append(person)
        for name in args.names:
            person = await service.person_named(session, served.unit_id, name)
            if person is None:
                unknown.append(name)
            elif person not in people:
                people.append(person)
    return people, unknown


async def _announce(bot: Bot, served: ServedUnit, message: Message) -> None:
    """Tell the unit's groups (for changes made in private chat)."""
    for group in served.unit.groups:
        try:
            await bot.send_group_msg(group_id=group, message=message)
        except (ActionFailed, NetworkError, ApiNotAvailable) as error:
            logger.warning(f"群 {group} 通知失败：{type(error).__name__}")


# ---------------------------------------------------------------------------------------------
# /排班

build_command = on_command("排班", priority=COMMAND_PRIORITY, block=True)


@build_command.handle()
async def handle_build(bot: Bot, event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _group_unit(event)
    if not is_coordinator(served, event.user_id):
        await build_command.finish("只有协调人可以排班。查看值班表请发送：/值班表")
    text = args.extract_plain_text().strip()
    words = text.split()
    if not words:
        await build_command.finish(usage("排班"))
    if words[0] == "确认":
        await build_command.finish(await _confirm_draft(served, event))
    if words[0] == "取消":
        await build_command.finish(await _cancel_draft(served, event))
    if words[0] == "导出":
        await _export(build_command, bot, served, event, " ".join(words[1:]))
    now = event_time(event)
    today = now.date()
    try:
        year, month = read_month(text, today)
    except BadDate:
        await build_command.finish(
            f"没看懂“{clip(text, 12)}”。请写月份，如：/排班 {today.year}-{today.month:02d}"
        )
    if (year, month) < (today.year, today.month):
        await build_command.finish(
            f"{year}年{month}月已经过去了，不能重新排班。查看请发送：/值班表 {year}-{month:02d}"
        )
    if (year - today.year) * 12 + month - today.month > 12:
        await build_command.finish("最多提前一年排班。")
    first, last = month_days(year, month)
    async with inbox.recording(event) as session:
        built = await service.build_month(session, served, year, month, now)
        if built.from_day > last:
            await build_command.finish(f"{year}年{month}月已没有可以排的日子。")
        replacing = await service.has_roster(session, served.unit_id, year, month)
        if replacing:
            await service.save_draft(
                session,
                served,
                built,
                now=now,
                actor_qq=event.user_id,
                message_id=message_key(event),
            )
        else:
            await service.save_month(
                session,
                served,
                built,
                actor_qq=event.user_id,
                message_id=message_key(event),
                at=event_time(event),
            )
    table = month_text(built.roster, served.unit)
    name = month_name(year, month, today)
    if replacing:
        since = f"{md(built.from_day)}起的" if built.from_day > first else ""
        tail = (
            f"{name}已有值班表。以上是新排的表：回复 /排班 确认 用它替换{since}值班（24 小时内有效）；"
            "不回复则保持原表。"
        )
    else:
        rules = served.unit.reminders
        tail = f"已保存{name}值班表。导出：/排班 导出 {year}-{month:02d}"
        if rules.enabled:
            tail += (
                f"\n值班前一天 {rules.day_before:%H:%M} 和当天 {rules.morning:%H:%M} 会在群里提醒。"
            )
    await build_command.finish(f"{table}\n\n{tail}")


async def _confirm_draft(served: ServedUnit, event: GroupMessageEvent) -> str:
    now = event_time(event)
    async with inbox.recording(event) as session:
        plan = await service.latest_draft(session, served.unit_id)
        if plan is None:
            return "没有等待确认的新值班表。排班请发送：/排班 2026-12"
        year, month = plan.year, plan.month
        name = month_name(year, month, now.date())
        if service.draft_expired(plan, now):
            await service.discard_draft(session, plan)
            return f"新排的{name}值班表超过 24 小时没有确认，已作废。请重新发送：/排班 {plan.year}-{plan.month:02d}"
        built = await service.confirm_draft(
            session, served, plan, now, actor_qq=event.user_id, message_id=message_key(event)
        )
    _, last = month_days(year, month)
    return f"已换用新排的{name}值班表（{day_range(built.from_day, last)}）。查看：/值班表 {year}-{month:02d}"


async def _cancel_draft(served: ServedUnit, event: GroupMessageEvent) -> str:
    async with inbox.recording(event) as session:
        plan = await service.latest_draft(session, served.unit_id)
        if plan is None:
            return "没有等待确认的新值班表。"
        what = f"新排的{plan.year}年{plan.month}月值班表已作废，原表不变。"
        await service.discard_draft(session, plan)
    return what


async def _export(
    matcher: type[Matcher], bot: Bot, served: ServedUnit, event: GroupMessageEvent, text: str
) -> None:
    today = event_time(event).date()
    try:
        year, month = read_month(text or "本月", today)
    except BadDate:
        await matcher.finish(
            f"没看懂“{clip(text, 12)}”。请写月份，如：/排班 导出 {today.year}-{today.month:02d}"
        )
    async with get_session() as session:
        roster = await service.month_roster(session, served, year, month)
    if not roster.shifts:
        await matcher.finish(f"{year}年{month}月还没有值班表。先发送：/排班 {year}-{month:02d}")
    folder = (Path(duty_config.duty_data_dir) / "exports").resolve()
    folder.mkdir(parents=True, exist_ok=True)
    title = roster_title(roster, served.unit)
    files = [
        (
            folder / f"{safe_name(served.unit.key)}-{year}-{month:02d}.xlsx",
            roster_xlsx(roster, served.unit),
            f"{title}.xlsx",
        ),
        (
            folder / f"{safe_name(served.unit.key)}-{year}-{month:02d}.ics",
            roster_ics(roster, served.unit),
            f"{title}.ics",
        ),
    ]
    notes, all_sent = [], True
    for (path, content, name), what in zip(files, ("Excel 表格", "日历文件"), strict=True):
        atomic_write(path, content)
        outcome = await send_file(bot, path, group_id=event.group_id, name=name)
        all_sent = all_sent and outcome.sent
        notes.append(file_note(what, outcome, name, "群文件", str(path)))
    if not all_sent:
        await matcher.finish(Message(MessageSegment.text(f"{title}：\n" + "\n".join(notes))))
    await matcher.finish(f"已发送{title}：Excel 表格和日历文件（.ics，可导入手机日历）。")


@build_command.handle()
async def build_in_private(event: PrivateMessageEvent) -> None:
    if not coordinated_units(event):
        await build_command.finish("只有协调人可以排班。查看值班表请发送：/值班表")
    await build_command.finish("排班请在值班工作群里发送，如：/排班 2026-12")


# ---------------------------------------------------------------------------------------------
# /值班表, /我的值班

show_command = on_command("值班表", aliases={"排班表"}, priority=COMMAND_PRIORITY, block=True)


@show_command.handle()
async def handle_show(event: MessageEvent, args: Message = CommandArg()) -> None:
    async with get_session() as session:
        found = await who_is(session, event)
    if found is None:
        await show_command.finish(PRIVATE_NOT_BOUND)
    served = found[0]
    text = args.extract_plain_text().strip()
    today = event_time(event).date()
    monday = today - timedelta(days=today.weekday())
    weeks = {"": 0, "本周": 0, "这周": 0, "下周": 1, "上周": -1}
    if text in weeks:
        first = monday + timedelta(days=7 * weeks[text])
        last = first + timedelta(days=6)
        label = {0: "本周", 1: "下周", -1: "上周"}[weeks[text]]
        async with get_session() as session:
            duties = await service.duties_between(session, served.unit_id, first, last)
        title = f"{label}值班（{day_range(first, last)}）"
        if not duties:
            await show_command.finish(f"{title}：没有值班安排。")
        await show_command.finish(days_text(title, service.shifts_of(duties, served), served.unit))
    try:
        year, month = read_month(text, today)
    except BadDate:
        await show_command.finish(
            f"没看懂“{clip(text, 12)}”。可以发送：/值班表、/值班表 下周、/值班表 {today.year}-{today.month:02d}"
        )
    async with get_session() as session:
        roster = await service.month_roster(session, served, year, month)
    if not roster.shifts:
        await show_command.finish(f"{year}年{month}月还没有值班表。")
    await show_command.finish(month_text(roster, served.unit, notes=False))


mine_command = on_command("我的值班", priority=COMMAND_PRIORITY, block=True)


@mine_command.handle()
async def handle_mine(event: MessageEvent) -> None:
    served, me = await _sender(mine_command, event)
    now = event_time(event)
    today = now.date()
    first = today if now.time() < served.unit.roster.end else today + timedelta(days=1)
    async with get_session() as session:
        duties = await service.duties_between(
            session, served.unit_id, first, today + timedelta(days=62), staff_id=me.id
        )
        shifts = service.shifts_of(
            await service.duties_between(
                session, served.unit_id, first, today + timedelta(days=62)
            ),
            served,
        )
        asks = await service.open_requests_for(session, me.id, now)
        ask_lines = [await _request_line(session, served, r) for r in asks]
    lines = []
    mine = [s for s in shifts if me.name in s.people][:5]
    if mine:
        lines.append(f"{me.name}，你接下来的值班：")
        lines += [duty_line(s, me.name, served.unit) for s in mine]
        if len(duties) > len(mine):
            first_month = f"{mine[0].date.year}-{mine[0].date.month:02d}"
            lines.append(f"…两个月内共 {len(duties)} 次，全表请发送：/值班表 {first_month}")
    else:
        lines.append(f"{me.name}，你近期没有值班安排。")
    if ask_lines:
        lines.append("等你回复的换班请求：")
        lines += ask_lines
        lines.append("同意请发送 /同意，不同意发送 /拒绝。")
    await mine_command.finish("\n".join(lines))


async def _request_line(session, served: ServedUnit, request: model.SwapRequest) -> str:
    requester, target, giver = await service.swap_parties(session, request)
    return request_text(requester, target, giver, request.give_day, request.take_day)


# ---------------------------------------------------------------------------------------------
# /请假

leave_command = on_command("请假", priority=COMMAND_PRIORITY, block=True)


@leave_command.handle()
async def handle_leave(bot: Bot, event: MessageEvent, args: Message = CommandArg()) -> None:
    served, me = await _sender(leave_command, event, coordinator_ok=True)
    now = event_time(event)
    today = now.date()
    coordinator = is_coordinator(served, event.user_id)
    words = read_roster_args(args.extract_plain_text(), served.unit, today)
    flipped = reason_first(words, served.unit, today)
    if flipped is not None:
        # /请假 病假 12-05: the reason came first. Staff can only mean a reason (they ask
        # leave for themselves); a coordinator might have mistyped a colleague's name.
        if coordinator and not looks_like_reason(flipped.rest):
            await leave_command.finish(_reason_or_name(flipped))
        words = flipped
    named, unknown = await _named_people(served, words, args)
    if unknown:
        await leave_command.finish(not_on_roster(unknown))
    if not words.days and _names_an_unknown_person(words, served, today):
        await leave_command.finish(unknown_word(words.rest))
    if not named or named == [me]:
        if me is None:
            await leave_command.finish("请写请假的同事，如：/请假 李娜 12-05 原因")
        person = me
    else:
        if not coordinator:
            await leave_command.finish("只能给自己请假。请发送：/请假 12-05 原因")
        if len(named) > 1:
            await leave_command.finish("一次给一个人请假，如：/请假 李娜 12-05 原因")
        person = named[0]
    if problem := day_problem(words):
        await leave_command.finish(problem)
    if not words.days:
        await leave_command.finish(
            f"请写请假日期，如：/请假 12-05 出差 或 /请假 12-05 12-07 出差。{DAY_EXAMPLES}。"
        )
    if len(words.days) > 2:
        await leave_command.finish("请写开始和结束两个日期，如：/请假 12-05 12-07 出差")
    first, last = words.days[0], words.days[-1]
    if last < first:
        await leave_command.finish("结束日期早于开始日期，请写成：/请假 12-05 12-07 原因")
    if first < today and not coordinator:
        await leave_command.finish(
            past_day(first, today)
            + f"事后补记请假请找协调人：/请假 {person.name} {_mmdd(first)} 原因"
        )
    if (last - first).days >= MAX_LEAVE_DAYS:
        await leave_command.finish(f"一次最多请 {MAX_LEAVE_DAYS} 天，请分开发送。")
    reason = words.rest.strip()
    if not reason:
        await leave_command.finish(f"请写上请假原因，如：/请假 {_mmdd(first)} 出差")
    if not coordinator:
        # Staff cannot excuse a duty already over (it would turn 缺岗 into 请假 unseen); a
        # coordinator records it after the fact.
        async with get_session() as session:
            ended = await service.ended_duty_in(session, served, person, first, last, now)
        if ended is not None:
            await leave_command.finish(_too_late_for_leave(person, ended.day, last))
    async with inbox.recording(event) as session:
        covers = await service.record_leave(
            session,
            served,
            person,
            first,
            last,
            clip(reason, 200),
            now=now,
            actor_qq=event.user_id,
            message_id=message_key(event),
        )
    notice = leave_notice(served, person, first, last, reason, covers)
    if isinstance(event, GroupMessageEvent):
        await leave_command.finish(as_reply(notice))
    if covers:
        await _announce(bot, served, to_message(notice))
        await leave_command.finish(notice.text + "\n（已在群里通知）")
    await leave_command.finish(notice.text)


def _mmdd(day) -> str:
    return f"{day.month:02d}-{day.day:02d}"


def _reason_or_name(words: RosterArgs) -> str:
    word = clip(words.rest, 12)
    day = _mmdd(words.days[0])
    return (
        f"没认出“{word}”。请假原因请写在日期后面：/请假 {day} {word}；"
        f"替同事请假请按值班名单写姓名：/请假 李娜 {day} 原因"
    )


def _too_late_for_leave(person: Person, day, last) -> str:
    text = (
        f"{md(day)}的值班已经结束，不能再请这天的假。如当天确有事没能到岗，"
        f"请协调人补记：/请假 {person.name} {_mmdd(day)} 原因"
    )
    if last > day:
        text += f"\n以后几天请从明天写起：/请假 {_mmdd(day + timedelta(days=1))} {_mmdd(last)} 原因"
    return text


def _names_an_unknown_person(words: RosterArgs, served: ServedUnit, today) -> bool:
    """``/请假 张三 12-05 病假``: a word that is no name, then the dates."""
    later = read_roster_args(" ".join(words.rest.split()[1:]), served.unit, today)
    return bool(later.days)


# ---------------------------------------------------------------------------------------------
# /换班, /同意, /拒绝

swap_command = on_command("换班", priority=COMMAND_PRIORITY, block=True)


@swap_command.handle()
async def handle_swap(bot: Bot, event: MessageEvent, args: Message = CommandArg()) -> None:
    served, me = await _sender(swap_command, event)
    now = event_time(event)
    today = now.date()
    words = read_roster_args(args.extract_plain_text(), served.unit, today)
    named, unknown = await _named_people(served, words, args)
    if unknown:
        await swap_command.finish(not_on_roster(unknown))
    others = [p for p in named if p != me]
    if not others:
        if named:
            await swap_command.finish("不能和自己换班。请 @ 要换班的同事，如：/换班 @李娜 12-05")
        if words.rest:
            await swap_command.finish(unknown_word(words.rest))
        await swap_command.finish(usage("换班"))
    if len(others) > 1:
        await swap_command.finish("一次和一位同事换班，如：/换班 @李娜 12-05")
    other = others[0]
    if problem := day_problem(words):
        await swap_command.finish(problem)
    if not 1 <= len(words.days) <= 2:
        await swap_command.finish(
            f"请写要换的日期，如：/换班 @{other.name} 12-05。{DAY_EXAMPLES}。"
        )
    for day in words.days:
        if day < today:
            await swap_command.finish(past_day(day, today))
    day, other_day = words.days[0], (words.days[1] if len(words.days) > 1 else None)
    async with inbox.recording(event) as session:
        try:
            moves = await service.plan_swap(session, served, me, other, day, other_day)
            await service.ensure_not_done(session, served, moves, now)
        except DutyError as error:
            await swap_command.finish(swap_error(error, me))
        await service.request_swap(
            session,
            served,
            me,
            other,
            moves,
            chat=inbox.chat_key(event),
            message_id=message_key(event),
            now=now,
        )
    ask = Notice(
        (
            Mention(other.qq, other.name) if other.qq else other.name,
            f" {ask_text(me, moves, served)}同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        )
    )
    if isinstance(event, GroupMessageEvent):
        await swap_command.finish(as_reply(ask))
    await _announce(bot, served, to_message(ask))
    await swap_command.finish(f"已把换班请求发到群里，等 {other.name} 回复。")


accept_command = on_command("同意", priority=COMMAND_PRIORITY, block=True)
refuse_command = on_command("拒绝", aliases={"不同意"}, priority=COMMAND_PRIORITY, block=True)


@accept_command.handle()
async def handle_accept(bot: Bot, event: MessageEvent, args: Message = CommandArg()) -> None:
    await _answer(accept_command, bot, event, args, accept=True)


@refuse_command.handle()
async def handle_refuse(bot: Bot, event: MessageEvent, args: Message = CommandArg()) -> None:
    await _answer(refuse_command, bot, event, args, accept=False)


async def _answer(
    matcher: type[Matcher], bot: Bot, event: MessageEvent, args: Message, *, accept: bool
) -> None:
    served, me = await _sender(matcher, event)
    now = event_time(event)
    words = read_roster_args(args.extract_plain_text(), served.unit, now.date())
    named, unknown = await _named_people(served, words, args)
    if unknown:
        await matcher.finish(not_on_roster(unknown))
    verb = "/同意" if accept else "/拒绝"
    async with inbox.recording(event) as session:
        requests = await service.open_requests_for(session, me.id, now)
        if words.days:
            requests = [r for r in requests if {r.give_day, r.take_day} & set(words.days)]
        wanted = {p.id for p in named if p != me}
        if wanted:
            # /同意 蒋丽萍, /同意 @蒋丽萍: the request of that person.
            requests = [r for r in requests if r.requester_id in wanted]
        if not requests:
            stale = await service.expired_open_request_for(session, me.id, now)
            if stale is not None:
                await matcher.finish(
                    "这个换班请求已超过 24 小时，已失效。需要的话请对方重新发送 /换班。"
                )
            await matcher.finish("没有等你回复的换班请求。")
        if len(requests) > 1:
            lines = [f"你有 {len(requests)} 个换班请求："]
            lines += [await _request_line(session, served, r) for r in requests]
            lines.append(await _which_request(session, requests, verb))
            await matcher.finish("\n".join(lines))
        request = requests[0]
        day = md(request.give_day)
        requester, _, _ = await service.swap_parties(session, request)
        try:
            moves = await service.answer_swap(
                session,
                served,
                request,
                accept,
                now=now,
                actor_qq=event.user_id,
                message_id=message_key(event),
            )
        except SwapNotPending:
            await matcher.finish("这个换班请求已经处理过了。")
        except DutyDone as error:
            await service.cancel_request(session, request, now)
            await session.commit()
            await matcher.finish(f"{swap_error(error)}这个换班请求已作废。")
        except DutyError as error:
            reason = swap_error(error)
            await service.cancel_request(session, request, now)
            await session.commit()
            await matcher.finish(
                f"值班已有变动，这个换班做不成了：{reason}\n需要的话请重新发送 /换班。"
            )
    mention = Mention(requester.qq, requester.name) if requester.qq else requester.name
    if accept:
        notice = Notice(("换班已生效：", *moves_notice(moves, served).parts))
    else:
        notice = Notice((mention, f" {me.name} 没有同意换班，{day}的值班不变。"))
    if isinstance(event, GroupMessageEvent):
        await matcher.finish(as_reply(notice))
    await _announce(bot, served, to_message(notice))
    await matcher.finish(notice.text + "\n（已在群里通知）")


async def _which_request(session, requests: list, verb: str) -> str:
    """How to pick one of several requests: by the asker's name where that tells them apart,
    by the date where that does, else both."""
    first = requests[0]
    requester, _, _ = await service.swap_parties(session, first)
    by_name = len({r.requester_id for r in requests}) == len(requests)
    by_day = len({r.give_day for r in requests}) == len(requests)
    name, day = f"{verb} {requester.name}", f"{verb} {_mmdd(first.give_day)}"
    if by_name and not by_day:
        return f"请写明是谁的请求（姓名或 @ 对方），如：{name}"
    if by_day and not by_name:
        return f"请写明日期，如：{day}"
    return f"请写明是谁的请求或日期，如：{name} 或 {day}"


# ---------------------------------------------------------------------------------------------
# /调班

adjust_command = on_command("调班", priority=COMMAND_PRIORITY, block=True)


@adjust_command.handle()
async def handle_adjust(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _group_unit(event)
    if not is_coordinator(served, event.user_id):
        await adjust_command.finish("只有协调人可以直接调班。想和同事换班请发送：/换班 @某人 12-05")
    now = event_time(event)
    today = now.date()
    words = read_roster_args(args.extract_plain_text(), served.unit, today)
    named, unknown = await _named_people(served, words, args)
    if unknown:
        await adjust_command.finish(not_on_roster(unknown))
    if problem := day_problem(words):
        await adjust_command.finish(problem)
    if len(named) != 2 or not 1 <= len(words.days) <= 2:
        if words.rest:
            await adjust_command.finish(unknown_word(words.rest))
        await adjust_command.finish(usage("调班"))
    for day in words.days:
        if day < today:
            await adjust_command.finish(past_day(day, today))
    a, b = named
    day, other_day = words.days[0], (words.days[1] if len(words.days) > 1 else None)
    async with inbox.recording(event) as session:
        try:
            moves = await service.plan_swap(session, served, a, b, day, other_day, directed=True)
            await service.ensure_not_done(session, served, moves, now)
        except NotOnDuty as error:
            text = swap_error(error, adjust=True)
            if other_day is None and await service.duties_between(
                session, served.unit_id, day, day, staff_id=b.id
            ):
                # /调班 日期 甲 乙 moves 甲's duty to 乙, never the other way round unasked.
                text += f"要把{b.name}这天的值班调给{a.name}，请发送：/调班 {_mmdd(day)} {b.name} {a.name}"
            await adjust_command.finish(text)
        except DutyError as error:
            await adjust_command.finish(swap_error(error, adjust=True))
        await service.apply_moves(
            session,
            served,
            moves,
            action="adjust",
            actor_qq=event.user_id,
            message_id=message_key(event),
            at=event_time(event),
        )
    await adjust_command.finish(as_reply(Notice(("已调班：", *moves_notice(moves, served).parts))))


@adjust_command.handle()
async def adjust_in_private(event: PrivateMessageEvent) -> None:
    if not coordinated_units(event):
        await adjust_command.finish("只有协调人可以直接调班。想和同事换班请发送：/换班 @某人 12-05")
    await adjust_command.finish("调班请在值班工作群里发送，如：/调班 12-05 王晓明 李娜")


# ---------------------------------------------------------------------------------------------
# /提醒 测试

remind_command = on_command("提醒", priority=COMMAND_PRIORITY, block=True)


@remind_command.handle()
async def handle_remind(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _group_unit(event)
    if not is_coordinator(served, event.user_id):
        await remind_command.finish("只有协调人可以测试提醒。")
    if args.extract_plain_text().strip() != "测试":
        await remind_command.finish(usage("提醒"))
    now = event_time(event)
    if is_quiet(now):
        await remind_command.finish("夜间（22:00–07:00）不发提醒，请 7 点以后再试。")
    if not served.unit.reminders.enabled:
        await remind_command.finish(
            "单位文件里关闭了提醒（[reminders] enabled = false），不会自动提醒。"
        )
    notices = await todays_notices(served, now)
    if not notices:
        await remind_command.finish("今天和明天都没有值班，没有要发的提醒。")
    done, quiet = [], []
    for kind, notice in notices:
        if notice is None:
            quiet.append(kind.label)
            continue
        await remind_command.send(to_message(notice.prefixed("【提醒测试】")))
        done.append(kind.label)
    lines = ["提醒测试完成。"]
    if done:
        lines.append(f"已发送：{'、'.join(done)}。")
    if quiet:
        lines.append(f"没有要提醒的：{'、'.join(quiet)}（大家都已报到或已交日报）。")
    lines.append("正式提醒照常按时发送。")
    await remind_command.finish("\n".join(lines))


@remind_command.handle()
async def remind_in_private(event: PrivateMessageEvent) -> None:
    if not coordinated_units(event):
        await remind_command.finish("只有协调人可以测试提醒。")
    await remind_command.finish("请在值班工作群里发送 /提醒 测试。")
