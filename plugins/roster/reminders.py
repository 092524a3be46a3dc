"""Reminders: every minute, what is due now (``dutybot.reminders``) is composed from the
database, recorded under its unique key, and sent.

Restart-safe by construction: there is no schedule to lose. The tick asks what is deliverable
at this moment, which includes anything missed while the bot was down and still within its
window; the reminder log decides whether it was sent already. Roster changes need no
rescheduling: the next tick reads the roster as it is.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from nonebot import get_bots, logger
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebot.exception import ActionFailed, ApiNotAvailable, NetworkError
from nonebot_plugin_orm import get_session
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.dates import md
from dutybot.reminders import (
    DayAttendance,
    DutyRecord,
    Kind,
    Member,
    Notice,
    ProblemLine,
    SiteTeam,
    Slot,
    checkin_notice,
    day_before_notice,
    deadline_notice,
    due_slots,
    duty_slots,
    evening_notice,
    is_quiet,
    missed_streaks,
    morning_notice,
    old_problem_lines,
    problem_lines,
    streak_notice,
    target_key,
    weekly_notice,
    weekly_slot,
)
from dutybot.text import without_brackets
from plugins.duty.units import ServedUnit, all_served
from plugins.ledger import service as ledger
from plugins.ledger.service import ProblemView
from plugins.reports.service import report_submitted

from . import service
from .model import ReminderStatus
from .service import Duty

# One pass at a time in this process (the database keeps two processes apart).
_tick_lock = asyncio.Lock()


async def reminder_tick(now: datetime | None = None) -> int:
    """Send everything due now for every served unit; returns the number of messages sent.

    A unit that fails is logged and skipped; the others go on."""
    now = (now or clock.now()).astimezone(clock.timezone())
    if is_quiet(now) or not _bots():
        # Nothing goes out at night; with no bot connected nothing is claimed, so what is
        # due is sent once a bot connects (if still useful then).
        return 0
    sent = 0
    async with _tick_lock:
        for served in all_served():
            try:
                sent += await remind_unit(served, now)
                sent += await announce_expired_swaps(served, now)
            except Exception:
                logger.exception(f"提醒出错（{served.unit.name}），其他单位照常")
    return sent


async def remind_unit(served: ServedUnit, now: datetime) -> int:
    today = now.date()
    rules = served.unit.reminders
    async with get_session() as session:
        days = await service.duty_days(
            session, served.unit_id, today - timedelta(days=1), today + timedelta(days=1)
        )
        logged = await service.logged_reminders(session, served.unit_id, today - timedelta(days=1))
    duties = {day: (served.unit.roster.start, served.unit.roster.end) for day in days}
    sent = 0
    for slot in due_slots(now, rules, duties):
        waiting = [
            target
            for target in targets(served, slot)
            if _may_claim(logged.get(slot.key(served.unit_id, target)))
        ]
        if not waiting:
            continue
        async with get_session() as session:
            notice = await compose(session, served, slot, now)
        for target in waiting:
            sent += await deliver_once(served, slot, target, notice)
    return sent


def _may_claim(logged: service.LoggedReminder | None) -> bool:
    return logged is None or (
        logged.status == ReminderStatus.FAILED and logged.attempts < service.MAX_SEND_ATTEMPTS
    )


def targets(served: ServedUnit, slot: Slot) -> list[str]:
    """The unit's groups, or (for coordinator reminders) each coordinator privately."""
    if slot.kind.to_coordinators:
        return [target_key(qq=qq) for qq in served.unit.coordinators]
    return [target_key(group=group) for group in served.unit.groups]


async def deliver_once(served: ServedUnit, slot: Slot, target: str, notice: Notice | None) -> int:
    """Record the reminder under its key, then send it; 1 if this call sent it."""
    key = slot.key(served.unit_id, target)
    async with get_session() as session:
        claimed = await service.claim_reminder(
            session,
            key=key,
            unit_id=served.unit_id,
            kind=slot.kind.value,
            day=slot.day,
            target=target,
            due_at=slot.due,
            text=notice.text if notice else "",
            status=ReminderStatus.SENDING if notice else ReminderStatus.SKIPPED,
        )
    if not claimed or notice is None:
        return 0
    ok = await send_notice(target, notice)
    async with get_session() as session:
        await service.reminder_done(session, key, ok)
    if not ok:
        logger.warning(f"提醒未能发出（{key}），稍后重试")
    return int(ok)


def _bots() -> list[Bot]:
    return [bot for bot in list(get_bots().values()) if isinstance(bot, Bot)]


def to_message(notice: Notice) -> Message:
    """Text segments and @ segments; neighbouring text is one segment."""
    message = Message()
    text = ""
    for part in notice.parts:
        if isinstance(part, str):
            text += part
            continue
        if text:
            message.append(MessageSegment.text(text))
            text = ""
        message.append(MessageSegment.at(part.qq))
    if text:
        message.append(MessageSegment.text(text))
    return message


async def send_notice(target: str, notice: Notice) -> bool:
    """Send to ``g<group>`` or ``p<qq>`` through the first bot that can."""
    message = to_message(notice)
    number = int(target[1:])
    for bot in _bots():
        try:
            if target.startswith("g"):
                await bot.send_group_msg(group_id=number, message=message)
            else:
                await bot.send_private_msg(user_id=number, message=message)
        except (ActionFailed, NetworkError, ApiNotAvailable) as error:
            logger.warning(f"发送到 {target} 失败（{type(error).__name__}），换一个连接再试")
            continue
        return True
    return False


# ---------------------------------------------------------------------------------------------
# Composing


async def compose(
    session: AsyncSession, served: ServedUnit, slot: Slot, now: datetime
) -> Notice | None:
    """What the reminder says now; None when there is nothing to say."""
    unit = served.unit
    start, end = unit.roster.start, unit.roster.end
    day = slot.day
    if slot.kind is Kind.DEADLINE:
        return deadline_notice(day, now.date())
    if slot.kind is Kind.WEEKLY:
        return await weekly_summary(session, served, day)
    duties = await service.duties_between(session, served.unit_id, day, day)
    if slot.kind is Kind.DAY_BEFORE:
        return day_before_notice(day, start, end, teams_of(served, duties)) if duties else None
    if slot.kind is Kind.MORNING:
        if not duties:
            return None
        problems = {
            site: await site_problem_lines(session, served.unit_id, site_id, day)
            for site, site_id in _sites_of(served, duties)
        }
        return morning_notice(day, start, end, teams_of(served, duties), problems)
    if slot.kind is Kind.CHECKIN:
        present = await service.checked_in_ids(session, served.unit_id, day)
        missing = [d for d in duties if d.staff_id not in present]
        return checkin_notice(
            start, unit.reminders.checkin_after_minutes, teams_of(served, missing)
        )
    if slot.kind is Kind.EVENING:
        unreported = []
        for _, site_id in _sites_of(served, duties):
            if not await report_submitted(session, site_id, day):
                unreported += [d for d in duties if d.site_id == site_id]
        return evening_notice(day, teams_of(served, unreported))
    if slot.kind is Kind.STREAK:
        return await streak_summary(session, served, day, duties)
    raise AssertionError(slot.kind)


def teams_of(served: ServedUnit, duties: Sequence[Duty]) -> list[SiteTeam]:
    """The duties as site teams, in the unit file's site order."""
    by_site: dict[str, list[Duty]] = defaultdict(list)
    for duty in duties:
        by_site[duty.site].append(duty)
    order = [s.name for s in served.unit.sites]
    teams = []
    for site in sorted(by_site, key=lambda s: order.index(s) if s in order else len(order)):
        label = _label(served, site)
        people = sorted(by_site[site], key=lambda d: not d.leader)
        teams.append(SiteTeam(label, tuple(Member(d.name, d.qq, d.leader) for d in people)))
    return teams


def _label(served: ServedUnit, site_name: str) -> str:
    for site in served.unit.sites:
        if site.name == site_name:
            return site.label
    return site_name


def _sites_of(served: ServedUnit, duties: Sequence[Duty]) -> list[tuple[str, int]]:
    seen: dict[int, str] = {}
    for duty in duties:
        seen.setdefault(duty.site_id, _label(served, duty.site))
    return [(label, site_id) for site_id, label in seen.items()]


async def streak_summary(
    session: AsyncSession, served: ServedUnit, day: date, duties: Sequence[Duty]
) -> Notice | None:
    """The people on duty on ``day`` whose run of missed check-ins or reports reached two."""
    streaks = []
    reported: dict[tuple[int, date], bool] = {}
    for duty in duties:
        history = await service.past_duties(session, served.unit_id, duty.staff_id, day)
        if not history:
            continue
        checkins = await service.checkins_between(
            session, served.unit_id, history[0].day, history[-1].day
        )
        records = []
        for past in history:
            if (past.site_id, past.day) not in reported:
                reported[past.site_id, past.day] = await report_submitted(
                    session, past.site_id, past.day
                )
            records.append(
                DutyRecord(
                    past.day,
                    checked_in=(past.staff_id, past.day) in checkins,
                    reported=reported[past.site_id, past.day],
                )
            )
        streaks += missed_streaks(duty.name, records, day)
    return streak_notice(day, streaks)


async def weekly_summary(session: AsyncSession, served: ServedUnit, monday: date) -> Notice | None:
    first, last = monday - timedelta(days=7), monday - timedelta(days=1)
    duties = await service.duties_between(session, served.unit_id, first, last)
    present = await service.checkins_between(session, served.unit_id, first, last)
    by_day: dict[date, list[Duty]] = defaultdict(list)
    for duty in duties:
        by_day[duty.day].append(duty)
    days = []
    for day, team in sorted(by_day.items()):
        sites = {d.site_id for d in team}
        reports = 0
        for site_id in sites:
            reports += await report_submitted(session, site_id, day)
        absent = tuple(d.name for d in team if (d.staff_id, day) not in present)
        days.append(
            DayAttendance(
                day=day,
                rostered=len(team),
                present=len(team) - len(absent),
                absent=absent,
                sites=len(sites),
                reports=reports,
            )
        )
    old = await old_problems(session, served.unit_id, monday)
    return weekly_notice(monday, days, old)


# ---------------------------------------------------------------------------------------------
# The problem ledger: the only two calls into it.


def _problem_line(view: ProblemView) -> ProblemLine:
    return ProblemLine(
        number=view.number,
        description=view.description,
        found_on=view.found_on,
        site=without_brackets(view.site_name or ""),
        status=view.status.label,
    )


async def site_problem_lines(
    session: AsyncSession, unit_id: int, site_id: int, today: date
) -> list[str]:
    """The site's unresolved problems and those to re-check there, for the morning reminder."""
    unresolved = await ledger.open_problems(session, unit_id, site_id)
    recheck = await ledger.problems_to_recheck(session, unit_id, site_id)
    return problem_lines(
        [_problem_line(p) for p in unresolved], [_problem_line(p) for p in recheck]
    )


async def old_problems(session: AsyncSession, unit_id: int, today: date) -> list[str]:
    """The unit's problems unresolved for more than 7 days, for the Monday summary."""
    unresolved = await ledger.open_problems(session, unit_id)
    return old_problem_lines([_problem_line(p) for p in unresolved], today)


# ---------------------------------------------------------------------------------------------
# Expired swap requests


async def announce_expired_swaps(served: ServedUnit, now: datetime) -> int:
    """Tell the group about swap requests nobody answered in time (once, by one process)."""
    async with get_session() as session:
        expired = await service.expire_swaps(session, served.unit_id, now)
        lines = []
        for request in expired:
            requester, target, _ = await service.swap_parties(session, request)
            day = md(request.give_day)
            lines.append(
                f"{requester.name} 请 {target.name} 换班（{day}）的请求 24 小时内没有回复，"
                "已失效，值班不变。"
            )
        await session.commit()
    sent = 0
    for line in lines:
        for group in served.unit.groups:
            sent += await send_notice(target_key(group=group), Notice((line,)))
    return sent


# ---------------------------------------------------------------------------------------------
# /提醒 测试


async def todays_notices(served: ServedUnit, now: datetime) -> list[tuple[Kind, Notice | None]]:
    """Every reminder about today (and tomorrow's duty), composed now, for /提醒 测试."""
    today = now.date()
    rules = served.unit.reminders
    async with get_session() as session:
        days = await service.duty_days(
            session, served.unit_id, today - timedelta(days=1), today + timedelta(days=1)
        )
        start, end = served.unit.roster.start, served.unit.roster.end
        slots: list[Slot] = []
        for day in days:
            for slot in duty_slots(day, start, end, rules):
                if slot.due.date() == today and not slot.kind.to_coordinators:
                    slots.append(slot)
        if today.weekday() == 0:
            slots.append(weekly_slot(today, rules))
        result = []
        for slot in sorted(slots):
            result.append((slot.kind, await compose(session, served, slot, now)))
    return result
