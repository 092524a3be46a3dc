from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from nonebot import get_plugin_config, on_command, on_message, require
from nonebot.adapters.onebot.v11 import GroupMessageEvent, Message, PrivateMessageEvent
from nonebot.internal.matcher import Matcher
from nonebot.params import CommandArg
from nonebot.plugin import PluginMetadata
from nonebot.rule import Rule

require("nonebot_plugin_orm")
require("plugins.duty")
from nonebot_plugin_orm import get_session  # noqa: E402
from sqlalchemy.exc import IntegrityError  # noqa: E402
from sqlalchemy.ext.asyncio import AsyncSession  # noqa: E402
from sqlalchemy.orm.exc import StaleDataError  # noqa: E402

from dutybot.errors import AlreadyResolved, DutyError, IllegalTransition  # noqa: E402
from dutybot.fix_words import fix_word_at_start  # noqa: E402
from dutybot.ledger import (  # noqa: E402
    LIST_WORDS,
    SETTLED,
    Action,
    PhotoStage,
    Source,
    classify_problem,
    next_status,
    number_in_text,
    read_list_filter,
    read_number,
    read_problem_args,
    split_number,
)
from dutybot.matching import lexicon_for  # noqa: E402
from dutybot.suggest import closest_site  # noqa: E402
from dutybot.text import clip  # noqa: E402
from dutybot.unit import Site  # noqa: E402
from plugins.duty import inbox, pending, units  # noqa: E402
from plugins.duty import service as duty_service  # noqa: E402
from plugins.duty.chat import (  # noqa: E402
    COMMAND_PRIORITY,
    NOT_STAFF,
    event_time,
    is_coordinator,
    message_key,
    sender_staff,
    usage,
)
from plugins.duty.config import Config as DutyConfig  # noqa: E402
from plugins.duty.service import Person  # noqa: E402
from plugins.duty.units import ServedUnit  # noqa: E402

from . import photos, replies, service, tellings  # noqa: E402
from .photos import FetchedPhoto  # noqa: E402

COMMANDS = {
    "问题": "/问题 [地点] 描述 [#类别] [图片]：登记问题；/问题 列表 [地点|类别]；/问题 12 查看",
    "协调": "/协调 12 单位：交有关单位处理，如 /协调 12 城管执法中队",
    "解决": "/解决 12 [说明] [图片]：问题已解决（也可回复“已登记问题”消息：已解决 + 照片）",
    "核查": "/核查 12：请下次值班现场核查；/核查 12 通过：核查后结案",
    "重开": "/重开 12 原因：解决了又出现，重新处理（计返工）",
    "撤销": "/撤销 12 原因：撤销重复或登记错的问题（登记人或协调人）",
}

__plugin_meta__ = PluginMetadata(
    name="问题台账",
    description="登记、协调、解决、核查值班发现的问题，照片留存",
    usage="\n".join(COMMANDS.values()),
    type="application",
    extra={"commands": COMMANDS, "order": 1},
)

duty_settings = get_plugin_config(DutyConfig)

# Replying a fix word (已解决, 已清理, 已劝离 … the report parser's, see dutybot.fix_words) to
# the bot's "已登记问题 #12" message or to the /问题 message itself. These say only "done" and
# are dropped from the note; any other fix word is kept as the note (it says how).
PLAIN_FIX_WORDS = ("已解决", "已整改", "已处理")
PASSED_WORDS = ("通过", "已通过", "合格")
FAILED_WORDS = ("未通过", "不通过", "没通过", "不合格")
# Replying to the problem's message with photos and at most a few words (补充, 整改前, 现场照片 …)
# that are no fix word: the photos are added. Longer text may be a report of its own.
PHOTO_NOTE_LIMIT = 12


def photo_root() -> Path:
    return Path(duty_settings.duty_data_dir)


# ---------------------------------------------------------------------------------------------
# /问题

problem_command = on_command("问题", priority=COMMAND_PRIORITY, block=True)


@problem_command.handle()
async def handle_problem(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    text = args.extract_plain_text().strip()
    if text.startswith(LIST_WORDS):
        word = next(w for w in LIST_WORDS if text.startswith(w))
        await problem_command.finish(await _listing(served, text[len(word) :], event))
    number = read_number(text)
    if number is not None:
        await problem_command.finish(await _details(served, number, event))
    if not text and not photos.image_refs(args):
        await problem_command.finish(usage("问题"))

    actor = await _actor(served, event)
    if actor is None:
        await problem_command.finish(NOT_STAFF)
    try:
        request = read_problem_args(text, served.unit)
    except DutyError as error:
        await problem_command.finish(replies.refusal(error, served))
    at = event_time(event)
    fetched = await _download(args, at)
    category, quantity = classify_problem(request.description, served.unit)
    registration = _Registration(
        served=served,
        event=event,
        description=request.description,
        category=request.category or category,
        quantity=quantity,
        on_the_spot=request.on_the_spot,
        at=at,
        reporter_qq=event.user_id,
        message_id=message_key(event),
        photos=fetched,
        another=request.another,
    )
    # A place word that is none of the unit's sites is asked about, never guessed.
    site = request.site
    if site is None and request.unknown_site is None:
        site = await _usual_site(served, actor, at.date())
    if site is None:
        question = pending.ask_site(
            served.unit,
            event.group_id,
            event.user_id,
            registration.record,
            "登记问题",
            on_sent=registration.sent,
        )
        if request.unknown_site:
            guess = closest_site(request.unknown_site, served.unit)
            maybe = f"是不是“{guess.label}”？" if guess else ""
            question = f"没认出地点“{clip(request.unknown_site, 14)}”。{maybe}{question}"
        await problem_command.finish(question)
    receipt = await problem_command.send(await registration.record(site))
    await registration.sent(receipt)
    await problem_command.finish()


@dataclass
class _Registration:
    """The recording step, kept apart so that a site chosen later (pending.ask_site) can
    finish it; photos are already downloaded by then."""

    served: ServedUnit
    event: GroupMessageEvent
    description: str
    category: str
    quantity: int
    on_the_spot: bool
    at: datetime
    reporter_qq: int
    message_id: str
    photos: list[FetchedPhoto]
    number: int | None = None
    # "/问题 另一处 …": the sender says it is not the problem told before.
    another: bool = False

    async def record(self, site: Site) -> str:
        told_before = False

        async def work(session: AsyncSession) -> service.ProblemView:
            nonlocal told_before
            # Listed in a report that day, or a lasting problem still open: told again, not
            # registered anew (unless the sender says it is another one: /问题 另一处 …).
            if not self.another:
                known = await tellings.tell_by_command(
                    session,
                    self.served.unit_id,
                    self.served.site_id(site),
                    self.at,
                    tellings.Told(
                        self.category,
                        self.description,
                        self.quantity,
                        self.quantity if self.on_the_spot else 0,
                    ),
                    lexicon_for(self.served.unit),
                    actor_qq=self.reporter_qq,
                    message_id=self.message_id,
                    photos=self.photos,
                )
                if known is not None:
                    told_before = True
                    return await service.problem_view(session, known)
            problem = await service.add_problem(
                session,
                self.served.unit_id,
                self.served.site_id(site),
                self.category,
                self.description,
                self.quantity,
                self.at,
                Source.COMMAND,
                self.reporter_qq,
                self.message_id,
                resolved=self.on_the_spot,
                photos=self.photos,
            )
            return await service.problem_view(session, problem)

        problem = await _write(self.event, work)
        self.number = problem.number
        if told_before:
            return replies.told_before(self.served, problem, self.photos)
        return replies.registered(self.served, problem, self.photos)

    async def sent(self, receipt: Any) -> None:
        """Keep the id of the bot's "已登记问题 #N" message, for reply-to-resolve."""
        message_id = receipt.get("message_id") if isinstance(receipt, dict) else None
        if self.number is None or message_id is None:
            return
        async with get_session() as session:
            await service.note_bot_message(
                session, self.served.unit_id, self.number, str(message_id)
            )
            await session.commit()


async def _listing(served: ServedUnit, text: str, event: GroupMessageEvent) -> str:
    wanted = read_list_filter(text, served.unit)
    if wanted is None:
        sites = "、".join(s.label for s in served.unit.sites)
        categories = "、".join(served.unit.category_names)
        return f"没认出“{text.strip()[:10]}”。可写地点（{sites}）、类别（{categories}）或 全部。"
    site_id = served.site_id(wanted.site) if wanted.site else None
    async with get_session() as session:
        found = await service.open_problems(
            session,
            served.unit_id,
            site_id,
            category=wanted.category,
            include_rechecking=True,
        )
    scope = wanted.site.label if wanted.site else (wanted.category or "")
    return replies.listing(served, found, event_time(event).date(), scope)


async def _details(served: ServedUnit, number: int, event: GroupMessageEvent) -> str:
    async with get_session() as session:
        try:
            problem = await service.problem_by_number(session, served.unit_id, number)
        except DutyError as error:
            return replies.refusal(error, served)
        history = await service.problem_history(session, served.unit_id, number)
    return replies.details(served, problem, history, event_time(event).date())


# ---------------------------------------------------------------------------------------------
# /协调 /解决 /核查 /重开 /撤销, and replying "已解决" to the bot's message

coordinate_command = on_command("协调", priority=COMMAND_PRIORITY, block=True)


@coordinate_command.handle()
async def handle_coordinate(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    number, body = await _number_and_rest(served, event, args)
    if number is None:
        await coordinate_command.finish(usage("协调"))
    if not body:
        await coordinate_command.finish(f"请写上交哪个单位处理，如：/协调 {number} 城管执法中队")
    if await _actor(served, event) is None:
        await coordinate_command.finish(NOT_STAFF)
    at = event_time(event)
    change = await _attempt(
        coordinate_command,
        served,
        event,
        number,
        lambda session: service.coordinate_problem(
            session, served.unit_id, number, body, event.user_id, at, message_key(event)
        ),
    )
    await coordinate_command.finish(replies.coordinated(served, change))


resolve_command = on_command("解决", aliases={"整改"}, priority=COMMAND_PRIORITY, block=True)


@resolve_command.handle()
async def handle_resolve(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    number, note = await _number_and_rest(served, event, args)
    if number is None:
        await resolve_command.finish(usage("解决"))
    await _resolve(resolve_command, served, event, number, note, args)


async def _is_resolving_reply(event: GroupMessageEvent) -> bool:
    text = event.get_plaintext().strip()
    return _quoted_message_id(event) is not None and fix_word_at_start(text) is not None


resolving_reply = on_message(rule=Rule(_is_resolving_reply), priority=6, block=False)


@resolving_reply.handle()
async def handle_resolving_reply(matcher: Matcher, event: GroupMessageEvent) -> None:
    served = _served(event)
    number = await _quoted_problem(served, event)
    if number is None:  # an ordinary "已解决" to some other message: leave it to others
        await resolving_reply.finish()
    matcher.stop_propagation()
    text = event.get_plaintext().strip()
    word = fix_word_at_start(text) or ""
    plain = word in PLAIN_FIX_WORDS
    note = (text[len(word) :] if plain else text).strip(" ，,。.:：")
    await _resolve(resolving_reply, served, event, number, note, event.message)


# "@机器人 已解决" as a reply whose quoted message the QQ side could not find: NapCat then drops
# the reply segment, and nothing says which problem is meant.
LOST_REPLY = (
    "没看到你回复的是哪条问题（QQ 没有带上被回复的消息）。请发送：/解决 12（12 换成问题编号），"
    "或者再回复一次该问题的消息。不知道编号可发送：/问题 列表"
)


async def _is_unquoted_resolving(event: GroupMessageEvent) -> bool:
    return (
        event.is_tome()
        and _quoted_message_id(event) is None
        and fix_word_at_start(event.get_plaintext().strip()) is not None
    )


unquoted_resolving = on_message(rule=Rule(_is_unquoted_resolving), priority=6, block=True)


@unquoted_resolving.handle()
async def handle_unquoted_resolving() -> None:
    await unquoted_resolving.finish(LOST_REPLY)


async def _resolve(
    matcher: type[Matcher],
    served: ServedUnit,
    event: GroupMessageEvent,
    number: int,
    note: str,
    message: Message,
) -> None:
    if await _actor(served, event) is None:
        await matcher.finish(NOT_STAFF)
    await _precheck(matcher, served, number, Action.RESOLVE)
    at = event_time(event)
    fetched = await _download(message, at)
    change = await _attempt(
        matcher,
        served,
        event,
        number,
        lambda session: service.resolve_problem(
            session,
            served.unit_id,
            number,
            event.user_id,
            at,
            note,
            message_key(event),
            photos=fetched,
        ),
    )
    await matcher.finish(replies.resolved(served, change, fetched, at.date()))


async def _is_photo_reply(event: GroupMessageEvent) -> bool:
    text = event.get_plaintext().strip()
    return (
        _quoted_message_id(event) is not None
        and len(text) <= PHOTO_NOTE_LIMIT
        and fix_word_at_start(text) is None
        and not text.startswith(("/", "／"))
        and bool(photos.image_refs(event.message))
    )


photo_reply = on_message(rule=Rule(_is_photo_reply), priority=6, block=False)


@photo_reply.handle()
async def handle_photo_reply(matcher: Matcher, event: GroupMessageEvent) -> None:
    """Photos sent as a reply to the problem's message: added to it (整改前 while unresolved,
    整改后 once resolved)."""
    served = _served(event)
    number = await _quoted_problem(served, event)
    if number is None:
        await photo_reply.finish()
    matcher.stop_propagation()
    if await _actor(served, event) is None:
        await photo_reply.finish(NOT_STAFF)
    at = event_time(event)
    fetched = await _download(event.message, at)

    async def work(session: AsyncSession) -> service.ProblemView:
        problem = await service.problem_by_number(session, served.unit_id, number)
        stage = PhotoStage.AFTER if problem.status in SETTLED else PhotoStage.BEFORE
        return await service.attach_photos(
            session, served.unit_id, number, stage, fetched, at, message_key(event)
        )

    try:
        problem = await _write(event, work)
    except DutyError as error:
        await photo_reply.finish(await _refusal(served, number, error))
    await photo_reply.finish(replies.photos_added(problem, fetched))


recheck_command = on_command("核查", aliases={"复查"}, priority=COMMAND_PRIORITY, block=True)


@recheck_command.handle()
async def handle_recheck(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    number, rest = await _number_and_rest(served, event, args)
    if number is None:
        await recheck_command.finish(usage("核查"))
    failed = next((w for w in FAILED_WORDS if rest.startswith(w)), None)
    passed = next((w for w in PASSED_WORDS if rest.startswith(w)), None)
    if rest and not failed and not passed:
        await recheck_command.finish(
            f"没看懂“{rest[:10]}”。核查后请发送 /核查 {number} 通过，或 /重开 {number} 原因"
        )
    if await _actor(served, event) is None:
        await recheck_command.finish(NOT_STAFF)
    at, key, qq = event_time(event), message_key(event), event.user_id
    if failed:
        reason = rest[len(failed) :].strip(" ，,：:")
        if not reason:
            # Like /重开: a reopening says why, or the next person cannot act on it.
            await recheck_command.finish(
                f"请写上核查没通过的原因，如：/核查 {number} 不通过 电动车又停满了"
            )
        change = await _attempt(
            recheck_command,
            served,
            event,
            number,
            lambda s: service.reopen_problem(s, served.unit_id, number, qq, at, reason, key),
        )
        await recheck_command.finish(replies.reopened(change))
    if passed:
        note = rest[len(passed) :].strip(" ，,：:")
        change = await _attempt(
            recheck_command,
            served,
            event,
            number,
            lambda s: service.confirm_recheck(s, served.unit_id, number, qq, at, note, key),
        )
        await recheck_command.finish(replies.verified(change))
    change = await _attempt(
        recheck_command,
        served,
        event,
        number,
        lambda s: service.mark_for_recheck(s, served.unit_id, number, qq, at, key),
    )
    await recheck_command.finish(replies.marked_for_recheck(served, change))


reopen_command = on_command("重开", aliases={"返工"}, priority=COMMAND_PRIORITY, block=True)


@reopen_command.handle()
async def handle_reopen(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    number, reason = await _number_and_rest(served, event, args)
    if number is None:
        await reopen_command.finish(usage("重开"))
    if not reason:
        await reopen_command.finish(f"请写上重开的原因，如：/重开 {number} 电动车又停满了")
    if await _actor(served, event) is None:
        await reopen_command.finish(NOT_STAFF)
    at = event_time(event)
    change = await _attempt(
        reopen_command,
        served,
        event,
        number,
        lambda s: service.reopen_problem(
            s, served.unit_id, number, event.user_id, at, reason, message_key(event)
        ),
    )
    await reopen_command.finish(replies.reopened(change))


withdraw_command = on_command("撤销", aliases={"作废"}, priority=COMMAND_PRIORITY, block=True)


@withdraw_command.handle()
async def handle_withdraw(event: GroupMessageEvent, args: Message = CommandArg()) -> None:
    served = _served(event)
    number, reason = await _number_and_rest(served, event, args)
    if number is None:
        await withdraw_command.finish(usage("撤销"))
    if not reason:
        await withdraw_command.finish(f"请写上撤销的原因，如：/撤销 {number} 重复登记")
    actor = await _actor(served, event)
    if actor is None:
        await withdraw_command.finish(NOT_STAFF)
    at = event_time(event)
    change = await _attempt(
        withdraw_command,
        served,
        event,
        number,
        lambda s: service.withdraw_problem(
            s,
            served.unit_id,
            number,
            event.user_id,
            at,
            reason,
            message_key(event),
            by_coordinator=actor.coordinator,
        ),
    )
    await withdraw_command.finish(replies.withdrawn(change, reason))


# ---------------------------------------------------------------------------------------------
# Private chat: the ledger is kept in the group, where everyone sees it


async def ledger_in_private(matcher: Matcher, event: PrivateMessageEvent) -> None:
    await matcher.finish("问题请在值班工作群里登记和处理（/问题、/解决 等），方便大家看到。")


for _command in (
    problem_command,
    coordinate_command,
    resolve_command,
    recheck_command,
    reopen_command,
    withdraw_command,
):
    _command.handle()(ledger_in_private)


# ---------------------------------------------------------------------------------------------
# Helpers


def _served(event: GroupMessageEvent) -> ServedUnit:
    served = units.for_group(event.group_id)
    assert served is not None  # the duty plugin drops other groups
    return served


@dataclass(frozen=True)
class _Actor:
    staff: Person | None
    coordinator: bool


async def _actor(served: ServedUnit, event: GroupMessageEvent) -> _Actor | None:
    """The sender, if staff of the unit or a coordinator; None otherwise."""
    async with get_session() as session:
        staff = await sender_staff(session, served, event)
        await session.commit()  # keep a binding made from the group card
    coordinator = is_coordinator(served, event.user_id)
    if staff is None and not coordinator:
        return None
    return _Actor(staff=staff, coordinator=coordinator)


async def _usual_site(served: ServedUnit, actor: _Actor, day: date) -> Site | None:
    """Where the sender is on duty today (rostered, else checked in), or the only site."""
    if len(served.unit.sites) == 1:
        return served.unit.sites[0]
    if actor.staff is None:
        return None
    async with get_session() as session:
        site_ids = await duty_service.rostered_site_ids(session, actor.staff.id, day)
        if not site_ids:
            site_ids = await service.checked_in_site_ids(session, actor.staff.id, day)
    if len(site_ids) == 1:
        return served.site_by_id(site_ids[0])
    return None


async def _download(message: Message, at: datetime) -> list[FetchedPhoto]:
    refs = photos.image_refs(message)
    if not refs:
        return []
    return await photos.fetch_photos(refs, photo_root(), at.date())


def _quoted_message_id(event: GroupMessageEvent) -> str | None:
    if event.reply is not None:
        return str(event.reply.message_id)
    # get_msg failed: the adapter leaves the reply segment in the message.
    for segment in event.original_message:
        if segment.type == "reply" and segment.data.get("id") is not None:
            return str(segment.data["id"])
    return None


async def _quoted_problem(served: ServedUnit, event: GroupMessageEvent) -> int | None:
    """The problem a reply points at: the bot's "已登记问题 #N" message or the report
    itself, else a ``#N`` in the quoted text."""
    message_id = _quoted_message_id(event)
    if message_id is None:
        return None
    async with get_session() as session:
        problem = await service.problem_by_message(session, served.unit_id, message_id)
    if problem is not None:
        return problem.number
    if event.reply is not None:
        return number_in_text(event.reply.message.extract_plain_text())
    return None


async def _number_and_rest(
    served: ServedUnit, event: GroupMessageEvent, args: Message
) -> tuple[int | None, str]:
    """``12 说明`` → (12, "说明"); without a number, the problem of the quoted message."""
    number, rest = split_number(args.extract_plain_text())
    if number is None:
        number = await _quoted_problem(served, event)
    return number, rest


T = TypeVar("T")


async def _write(event: GroupMessageEvent, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run ``work`` in a transaction committed together with the message's claim (a message
    delivered twice changes the ledger once); again if another change to the same problem got
    in first (it then sees that change, e.g. "already resolved")."""
    for attempt in range(3):
        try:
            async with inbox.recording(event) as session:
                result = await work(session)
            return result
        except (StaleDataError, IntegrityError):
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


async def _attempt(
    matcher: type[Matcher],
    served: ServedUnit,
    event: GroupMessageEvent,
    number: int,
    work: Callable[[AsyncSession], Awaitable[service.Change]],
) -> service.Change:
    """Do a change of problem ``number``; a refusal is answered and ends the handler."""
    try:
        return await _write(event, work)
    except DutyError as error:
        await matcher.finish(await _refusal(served, number, error))
    raise AssertionError("unreachable")


async def _precheck(matcher: type[Matcher], served: ServedUnit, number: int, action: Action):
    """Refuse at once, before downloading photos, what the change itself would refuse."""
    try:
        async with get_session() as session:
            problem = await service.problem_by_number(session, served.unit_id, number)
        next_status(problem.status, action)
    except IllegalTransition as error:
        error.number = number
        await matcher.finish(await _refusal(served, number, error))
    except DutyError as error:
        await matcher.finish(await _refusal(served, number, error))


async def _refusal(served: ServedUnit, number: int, error: DutyError) -> str:
    problem = None
    if isinstance(error, AlreadyResolved):
        async with get_session() as session:
            problem = await service.problem_by_number(session, served.unit_id, number)
    return replies.refusal(error, served, problem)
