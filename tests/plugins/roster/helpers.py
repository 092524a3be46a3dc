"""Helpers for the roster plugin tests: a known roster, sends, and DB reads."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebug import App

from tests.fake import fake_group_message, fake_private_message

WED, FRI = date(2026, 12, 2), date(2026, 12, 4)
SITE_A = "玄帝庙街（铁北路至车站西路）路西"
SITE_B = "市16网格（南苑街道凤凰城社区）"

# The week of 30 November: nobody twice, and 孙悦 and 朱琳 free all week. 朱琳 did one duty
# more last month, so 孙悦 is the least loaded free person.
WEEK = {
    WED: (["王晓明", "李娜", "赵强"], ["周建国", "吴婷婷", "郑凯"]),
    FRI: (["刘海燕", "陈志远", "何永军"], ["马文静", "胡立新", "宋佳"]),
}
OPENING = {"朱琳": 1}

QQ = {
    "王晓明": 20001,
    "李娜": 20002,
    "赵强": 20003,
    "刘海燕": 20004,
    "陈志远": 20005,
    "孙悦": 20006,
    "周建国": 20007,
    "吴婷婷": 20008,
    "郑凯": 20009,
    "马文静": 20010,
    "胡立新": 20011,
    "朱琳": 20012,
}


def served():
    from plugins.duty import units

    return units.all_served()[0]


async def seed(days=None, opening=None) -> None:
    """Save a hand-made roster as the month's active roster."""
    from nonebot_plugin_orm import get_session

    from dutybot.roster import MonthRoster, Shift
    from plugins.roster import service

    days = WEEK if days is None else days
    unit = served().unit
    shifts = []
    for day, teams in days.items():
        for site, team in zip(unit.sites, teams, strict=True):
            if team:
                shifts.append(Shift(day, site.name, tuple(team), team[0]))
    first = min(days)
    roster = MonthRoster(
        first.year,
        first.month,
        tuple(shifts),
        staff=tuple(m.name for m in unit.staff if m.active),
    )
    built = service.BuiltMonth(
        roster=roster,
        from_day=first.replace(day=1),
        opening=dict(OPENING if opening is None else opening),
    )
    async with get_session() as session:
        await service.save_month(session, served(), built, actor_qq=None, message_id=None)
        await session.commit()


async def planned(day: date) -> dict[str, list[str]]:
    """Who is on duty on ``day`` per site (full name), the leader first."""
    from nonebot_plugin_orm import get_session

    from plugins.roster import service

    async with get_session() as session:
        duties = await service.duties_between(session, served().unit_id, day, day)
    teams: dict[str, list[str]] = {}
    for duty in duties:
        teams.setdefault(duty.site, []).append(duty.name)
    return teams


async def rows(model, *where) -> list:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return list(await session.scalars(sa.select(model).where(*where).order_by(model.id)))


def msg(*parts: str | int) -> Message:
    """A message as the bot builds it: text, and an int for an @."""
    message = Message()
    text = ""
    for part in parts:
        if isinstance(part, str):
            text += part
            continue
        if text:
            message.append(MessageSegment.text(text))
            text = ""
        message.append(MessageSegment.at(part))
    if text:
        message.append(MessageSegment.text(text))
    return message


async def send(app: App, text: str | Message, reply: str | Message, **event_args) -> None:
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message(text, **event_args)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, reply, result={"message_id": 1})


async def send_private(
    app: App,
    text: str,
    reply: str | Message,
    *,
    announce: str | Message | None = None,
    **event_args,
) -> None:
    """A private message; ``announce``: what the group is told first."""
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_private_message(text, **event_args)
        ctx.receive_event(bot, event)
        if announce is not None:
            ctx.should_call_api(
                "send_group_msg",
                {"group_id": 700000001, "message": announce},
                result={"message_id": 2},
            )
        ctx.should_call_send(event, reply, result={"message_id": 1})


def chat(text: str) -> Message:
    """A message written as it reads, ``@王晓明`` for an @ of a person with a QQ number."""
    import re

    parts: list[str | int] = []
    for index, piece in enumerate(re.split(r"@([\u4e00-\u9fff]+)", text)):
        if index % 2:
            parts.append(QQ[piece])
        elif piece:
            parts.append(piece)
    return msg(*parts)


def moment(text: str):
    """An aware Shanghai datetime, ``"2026-12-02 07:00"``."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Asia/Shanghai"))


async def check_in(day: date, *names: str) -> None:
    """Record check-ins at the site each person is rostered at."""
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import CheckinSource
    from plugins.duty.service import record_checkins, staff_by_names
    from plugins.roster import service

    unit_id = served().unit_id
    async with get_session() as session:
        duties = {d.name: d for d in await service.duties_between(session, unit_id, day, day)}
        for person in await staff_by_names(session, unit_id, list(names)):
            site_id = duties[person.name].site_id
            at = moment(f"{day.isoformat()} 07:35")
            await record_checkins(
                session, unit_id, site_id, [person], day, at, CheckinSource.SELF, None, None
            )
        await session.commit()


async def report(day: date, site: str) -> None:
    """A daily report for the site on ``day``."""
    from nonebot_plugin_orm import get_session

    from plugins.reports.model import DailyReport, ReportSource

    async with get_session() as session:
        session.add(
            DailyReport(
                unit_id=served().unit_id,
                site_id=served().site_ids[site],
                duty_date=day,
                sent_at=moment(f"{day.isoformat()} 10:00").replace(tzinfo=None),
                raw_text="值班日报",
                source=ReportSource.MESSAGE,
            )
        )
        await session.commit()
