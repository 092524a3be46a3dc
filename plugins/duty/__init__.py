from nonebot import get_driver, get_plugin_config, logger, on_command, on_message, require
from nonebot.adapters.onebot.v11 import (
    Bot,
    Event,
    GroupMessageEvent,
    Message,
    MessageEvent,
    PrivateMessageEvent,
)
from nonebot.exception import IgnoredException
from nonebot.message import event_preprocessor
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata
from nonebot.rule import Rule
from sqlalchemy.exc import IntegrityError

require("nonebot_plugin_orm")
require("nonebot_plugin_apscheduler")
from nonebot_plugin_apscheduler import scheduler  # noqa: E402
from nonebot_plugin_orm import get_session  # noqa: E402

from dutybot import clock  # noqa: E402
from dutybot.checkin import read_checkin_args, read_undo_args  # noqa: E402
from dutybot.dates import md  # noqa: E402
from dutybot.errors import (  # noqa: E402
    NameAlreadyBound,
    NotCheckedIn,
    QQAlreadyBound,
    UnknownStaff,
)
from dutybot.files import unwritable_reason  # noqa: E402
from dutybot.suggest import closest_site  # noqa: E402
from dutybot.text import clip  # noqa: E402
from dutybot.unit import Site  # noqa: E402

from . import database, dispatch, failures, inbox, one_trip, outbox, pending, service, units, upload  # noqa: E402, F401
from .chat import (  # noqa: E402
    COMMAND_PRIORITY,
    NOT_STAFF,
    command_usages,
    event_time,
    is_coordinator,
    mentioned_qq,
    message_key,
    sender_staff,
    usage,
)
from .config import Config  # noqa: E402
from .model import BindingSource, CheckinSource  # noqa: E402
from .service import Person  # noqa: E402

COMMANDS = {
    "报到": "/报到 [地点]：到岗报到；带班负责人可 /报到 姓名… 替他人报到；/报到 撤销：撤销报错的报到",
    "绑定": "/绑定 姓名：把自己的 QQ 绑定到值班名单上的姓名",
    "帮助": "/帮助 [命令]：查看全部命令，或某个命令的用法",
}

__plugin_meta__ = PluginMetadata(
    name="值班基础",
    description="单位、人员、报到与帮助",
    usage="\n".join(COMMANDS.values()),
    type="application",
    config=Config,
    extra={"commands": COMMANDS, "order": 0},
)

plugin_config = get_plugin_config(Config)
clock.set_timezone(plugin_config.duty_timezone)
outbox.configure(plugin_config.duty_send_rate, plugin_config.duty_send_burst)
upload.install()
# At startup every plugin has declared its commands: one matcher dispatches them all.
get_driver().on_startup(dispatch.install)


@get_driver().on_startup
async def load_served_units() -> None:
    served_units = units.read_unit_files(plugin_config.duty_unit_file)
    # One process at a time: two starting on a new database would both insert the units.
    async with database.startup_turn(), get_session() as session:
        served = await units.activate(session, served_units)
    for s in served:
        logger.info(f"服务单位 {s.unit.name}：群 {', '.join(map(str, s.unit.groups))}")
    reason = unwritable_reason(plugin_config.duty_data_dir)
    if reason:
        # The chat keeps working; only what is written to files (photos, exports, backups) fails.
        logger.warning(
            f"数据文件夹 {plugin_config.duty_data_dir} 不可写（{reason}）：照片、导出文件和备份会失败，"
            "其余功能照常。请检查 DUTY_DATA_DIR 的位置和权限。"
        )


scheduler.add_job(
    database.checkpoint,
    "interval",
    seconds=30,
    id="duty-sqlite-checkpoint",
    replace_existing=True,
    coalesce=True,
    max_instances=1,
)


@event_preprocessor
async def ignore_other_groups(event: Event) -> None:
    """Only the configured groups are served; anything from another group is dropped."""
    group_id = getattr(event, "group_id", None)
    if group_id is not None and units.for_group(group_id) is None:
        raise IgnoredException("group not served")


@event_preprocessor
async def take_out_nul_characters(event: MessageEvent) -> None:
    """NUL means nothing in chat, and PostgreSQL text cannot hold it (a report with one could never
    be saved, however often it was sent again): it leaves every text before anything reads it."""
    sender = event.sender
    for field in ("card", "nickname"):
        name = getattr(sender, field, None)
        if name and "\x00" in name:
            setattr(sender, field, name.replace("\x00", ""))  # the name reports are filed under
    if "\x00" not in event.raw_message and not any(
        "\x00" in segment.data.get("text", "") for segment in event.original_message
    ):
        return
    event.raw_message = event.raw_message.replace("\x00", "")
    for message in (event.message, event.original_message):
        for segment in message:
            if segment.type == "text":
                segment.data["text"] = segment.data["text"].replace("\x00", "")


@event_preprocessor
async def drop_redelivered(event: MessageEvent) -> None:
    """A message already handled (redelivered after a reconnect) changes nothing."""
    if inbox.seen_recently(event):
        raise IgnoredException("message seen already")
    if not inbox.may_predate_start(event):
        return
    async with get_session() as session:
        if await inbox.already_processed(session, event):
            raise IgnoredException("message recorded already")


# ---------------------------------------------------------------------------------------------
# /报到

checkin = on_command("报到", aliases={"签到"}, priority=COMMAND_PRIORITY, block=True)


@checkin.handle()
async def handle_checkin(bot: Bot, event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = units.for_group(event.group_id)
    assert served is not None  # ignore_other_groups let it through
    unit = served.unit
    at = event_time(event)
    day = at.date()
    undo = read_undo_args(args.extract_plain_text(), unit, day)
    if undo is not None:
        await checkin.finish(await _undo_checkin(served, event, undo, args))
    request = read_checkin_args(args.extract_plain_text(), unit)

    async with get_session() as session:
        sender = await sender_staff(session, served, event)
        await session.commit()  # keep a binding made from the group card

        named = list(request.names)
        for qq in mentioned_qq(args):
            member = await service.staff_by_qq(session, served.unit_id, qq)
            if member is None:
                request.unknown.append(f"@{qq}")
            elif member.name not in named:
                named.append(member.name)

        if request.unknown and not named:
            await checkin.finish(_unknown_words_reply(request.unknown, served, recorded=False))
        if not named:
            if sender is None:
                await checkin.finish(NOT_STAFF)
            people = [sender]
        else:
            others = named != ([sender.name] if sender else [])
            if others and not await _may_check_in_others(
                session, served, sender, event.user_id, day
            ):
                await checkin.finish("只有带班负责人或协调人可以替别人报到。自己报到请发送：/报到")
            people = await service.staff_by_names(session, served.unit_id, named)

        site = request.site
        if site is None:
            rostered = await service.rostered_site_ids(session, people[0].id, day)
            if len(rostered) == 1:
                site = served.site_by_id(rostered[0])
        if site is None and len(unit.sites) == 1:
            site = unit.sites[0]

    source = CheckinSource.SELF if people == [sender] else CheckinSource.LEADER
    record = _checkin_recorder(served, people, sender, at, source, event)
    if site is None:
        question = pending.ask_site(unit, event.group_id, event.user_id, record, "报到")
        await checkin.finish(question)
    reply = await record(site)
    if request.unknown:
        reply += "\n" + _unknown_words_reply(request.unknown, served, recorded=True)
    await checkin.finish(reply)


async def _may_check_in_others(session, served, sender: Person | None, qq: int, day) -> bool:
    if is_coordinator(served, qq):
        return True
    if sender is None:
        return False
    return sender.leader or await service.is_rostered_leader(session, sender.id, day)


@checkin.handle()
async def checkin_in_private(event: PrivateMessageEvent) -> None:
    await checkin.finish("报到请在值班工作群里发送 /报到，方便大家看到谁到岗了。")


def _checkin_recorder(served, people: list[Person], sender: Person | None, at, source, event):
    """The recording step, kept apart so that a site chosen later can finish it."""
    by_qq, message_id = event.user_id, message_key(event)
    for_self = sender is not None and people == [sender]

    async def record(site: Site) -> str:
        site_id = served.site_id(site)

        async def write() -> service.CheckinOutcome:
            async with inbox.recording(event) as session:
                return await service.record_checkins(
                    session,
                    served.unit_id,
                    site_id,
                    people,
                    at.date(),
                    at,
                    source,
                    by_qq,
                    message_id,
                )

        try:
            outcome = await write()
        except IntegrityError:
            # The same person checked in by another message at the same instant (a double tap,
            # or two processes): read again, and it counts as already checked in.
            outcome = await write()
        present = outcome.present
        lines = []
        for name, first in outcome.already:
            who = "你" if for_self else name
            lines.append(f"{who}今天 {first:%H:%M} 已在{site.label}报到过，不重复计。")
        if source is CheckinSource.LEADER and outcome.new:
            lines.append(f"已为 {'、'.join(outcome.new)} 报到。")
        lines.append(f"已报到（{site.label} {len(present)}人）：{'、'.join(present)}")
        lines += _remarks(served, outcome, at, for_self)
        return "\n".join(lines)

    return record


def _remarks(served, outcome: service.CheckinOutcome, at, for_self: bool) -> list[str]:
    """What is unusual about check-ins just taken: after the duty's end, or at a second site
    the same day. Both still count; the sender is told how to take one back (someone else's
    only a coordinator can)."""
    if not outcome.new:
        return []

    def undo(name: str, where: str = "") -> str:
        return f"/报到 撤销 {where}".rstrip() if for_self else f"/报到 撤销 {name} {where}".rstrip()

    lines = []
    rules = served.unit.roster
    if at.time() >= rules.end:
        ask = "请发送" if for_self else "请协调人发送"
        lines.append(
            f"注意：今天的值班时间 {rules.start:%H:%M}–{rules.end:%H:%M} 已过，"
            f"这次报到记在 {at:%H:%M}。如是误发，{ask}：{undo(outcome.new[0])}"
        )
    for name, site_id, first in outcome.elsewhere:
        other = served.site_by_id(site_id)
        where = other.label if other else "另一个地点"
        who = "你" if for_self else name
        how = "报错了哪个就撤销哪个" if for_self else "报错了请协调人撤销"
        lines.append(
            f"注意：{who}今天 {first:%H:%M} 已在{where}报到，现在两个地点都记了到岗。"
            f"{how}，如：{undo(name, where)}"
        )
    return lines


def _unknown_words_reply(words: list[str], served, *, recorded: bool) -> str:
    """Words of /报到 that are neither a site nor a listed name. ``recorded``: the rest of the
    check-in went through (the words were skipped); otherwise nothing was recorded."""
    sites = "、".join(s.label for s in served.unit.sites)
    shown = "、".join(f"“{clip(w, 12)}”" for w in words[:5])
    guess = next((g for g in (closest_site(w, served.unit) for w in words) if g), None)
    head = f"注意：没认出 {shown}，已略过" if recorded else f"没有报到：没认出 {shown}"
    if guess is not None:
        return f"{head}。是不是“{guess.label}”？请发送：/报到 {guess.label}"
    return f"{head}（不是地点，也不在值班名单里）。地点可写：{sites}；姓名请按值班名单写。"


async def _undo_checkin(served, event: GroupMessageEvent, undo, args: Message) -> str:
    """``/报到 撤销 [姓名] [地点] [日期]``: one's own check-in, or (coordinator) anyone's."""
    at = event_time(event)
    day = undo.day or at.date()
    async with get_session() as session:
        sender = await sender_staff(session, served, event)
        await session.commit()
        names = list(undo.names)
        for qq in mentioned_qq(args):
            member = await service.staff_by_qq(session, served.unit_id, qq)
            if member is None:
                undo.unknown.append(f"@{qq}")
            elif member.name not in names:
                names.append(member.name)
    if undo.unknown:
        shown = "、".join(f"“{clip(w, 12)}”" for w in undo.unknown[:3])
        return (
            f"没认出 {shown}，什么都没有撤销。请写：/报到 撤销 [地点]；"
            "协调人可写 /报到 撤销 姓名 [地点] [日期]"
        )
    coordinator = is_coordinator(served, event.user_id)
    if len(names) > 1:
        return "一次撤销一个人的报到，如：/报到 撤销 李娜"
    if names and (sender is None or names != [sender.name]) and not coordinator:
        return "只有协调人可以撤销别人的报到。撤销自己的请发送：/报到 撤销"
    if not names and sender is None:
        return NOT_STAFF
    async with get_session() as session:
        [person] = (
            await service.staff_by_names(session, served.unit_id, names) if names else [sender]
        )
    site_id = served.site_id(undo.site) if undo.site else None
    try:
        async with inbox.recording(event) as session:
            undone = await service.undo_checkin(
                session,
                served.unit_id,
                person,
                day,
                site_id,
                actor_qq=event.user_id,
                message_id=message_key(event),
                at=at,
            )
    except NotCheckedIn:
        where = f"在{undo.site.label}" if undo.site else ""
        return f"{person.name}{md(day)}没有{where}报到，没有可撤销的。"
    site = served.site_by_id(undone.site_id)
    where = site.label if site else "该地点"
    return f"已撤销 {person.name} {md(day)} {undone.checked_at:%H:%M} 在{where}的报到（已记入改动记录）。"


async def _is_site_answer(event: GroupMessageEvent) -> bool:
    question = pending.waiting_question(event.group_id, event.user_id)
    if question is None:
        return False
    text = event.get_plaintext()
    return question.read_answer(text) is not None or question.is_bad_number(text)


site_answer = on_message(rule=Rule(_is_site_answer), priority=5, block=True)


@site_answer.handle()
async def handle_site_answer(event: GroupMessageEvent) -> None:
    waiting = pending.waiting_question(event.group_id, event.user_id)
    if waiting is not None and waiting.is_bad_number(event.get_plaintext()):
        # A number that is no choice: say which are, and keep waiting for the answer.
        await site_answer.finish(waiting.bad_number_text(event.get_plaintext()))
    question = pending.take_question(event.group_id, event.user_id)
    if question is None:  # answered twice at once
        return
    site = question.read_answer(event.get_plaintext())
    assert site is not None
    receipt = await site_answer.send(await question.on_answer(site))
    if question.on_sent is not None:
        await question.on_sent(receipt)
    await site_answer.finish()


# ---------------------------------------------------------------------------------------------
# /绑定

bind = on_command("绑定", priority=COMMAND_PRIORITY, block=True)


@bind.handle()
async def handle_bind(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = units.for_group(event.group_id)
    assert served is not None
    name = args.extract_plain_text().strip()
    if not name:
        await bind.finish(usage("绑定"))
    member = served.unit.staff_named(name)
    if member is None:
        await bind.finish(
            f"值班名单里没有“{clip(name, 12)}”。请按名单上的姓名发送，如：/绑定 {served.unit.staff[0].name}"
        )
    async with inbox.recording(event) as session:
        try:
            staff = await service.bind_staff(
                session,
                served.unit_id,
                member.name,
                event.user_id,
                BindingSource.COMMAND,
                message_key(event),
            )
        except QQAlreadyBound as error:
            if error.name == member.name:
                await bind.finish(f"你已绑定为“{error.name}”，无需重复绑定。")
            await bind.finish(f"你的 QQ 已绑定为“{error.name}”。如需更改，请联系协调人。")
        except NameAlreadyBound:
            await bind.finish(f"“{member.name}”已绑定了别的 QQ。如有误，请联系协调人。")
        except UnknownStaff:
            await bind.finish(f"“{member.name}”已不在值班名单中，请联系协调人。")
    await bind.finish(f"绑定成功：{staff.name}（{staff.department}）。以后直接发送 /报到 即可。")


@bind.handle()
async def bind_in_private(event: PrivateMessageEvent) -> None:
    await bind.finish("绑定请在值班工作群里发送 /绑定 你的姓名。")


# ---------------------------------------------------------------------------------------------
# /帮助

help_command = on_command("帮助", aliases={"help", "菜单"}, priority=COMMAND_PRIORITY, block=True)


@help_command.handle()
async def handle_help(args: Message = CommandArg()) -> None:
    usages = command_usages()
    wanted = args.extract_plain_text().strip().lstrip("/／")
    if wanted:
        if wanted in usages:
            await help_command.finish("用法：" + usages[wanted])
        await help_command.finish(f"没有“{clip(wanted, 10)}”这个命令。发送 /帮助 查看全部命令。")
    lines = ["值班机器人命令（/ 或 ／ 开头）：", *usages.values()]
    await help_command.finish("\n".join(lines))


# ---------------------------------------------------------------------------------------------
# @机器人 alone, or 帮助 without the slash: the short help

SHORT_HELP = (
    "我是值班机器人，命令以 / 开头：\n"
    "/报到 到岗报到\n"
    "/问题 地点 描述 登记问题（可带照片）\n"
    "/我的值班 查看自己的值班\n"
    "/请假 12-05 原因 请假\n"
    "值班日报直接发在群里即可。全部命令请发送：/帮助"
)
HELP_WORDS = ("帮助", "help", "菜单", "命令", "功能", "?", "？", "怎么用")


async def _asks_for_help(event: MessageEvent) -> bool:
    """``@机器人`` with nothing else, or ``帮助`` said to it without the slash. A reply to one
    of its messages is left to the matchers of replies (it is also addressed to the bot)."""
    if not event.is_tome() or event.reply is not None:
        return False
    if any(segment.type not in ("text", "at") for segment in event.original_message):
        return False
    text = event.get_plaintext().strip().lower()
    if isinstance(event, GroupMessageEvent) and not text:
        return True
    return text in HELP_WORDS


short_help = on_message(rule=Rule(_asks_for_help), priority=4, block=True)


@short_help.handle()
async def handle_short_help() -> None:
    await short_help.finish(SHORT_HELP)
