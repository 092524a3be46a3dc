"""Helpers shared by the matchers of every plugin: the sender, roles, times, usage text."""

from __future__ import annotations

from datetime import datetime

import nonebot
from nonebot.adapters.onebot.v11 import GroupMessageEvent, Message, MessageEvent
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock

from . import service
from .units import ServedUnit

# Commands are looked at before anything else: a message that starts with / is a command, so
# the rules of the other matchers (answers, replies, reports) need not be run for it.
COMMAND_PRIORITY = 1


def event_time(event: MessageEvent) -> datetime:
    """The moment the message was sent, from the event itself."""
    return clock.from_timestamp(event.time)


def message_key(event: MessageEvent) -> str:
    return str(event.message_id)


def mentioned_qq(message: Message) -> list[int]:
    return [
        int(seg.data["qq"])
        for seg in message
        if seg.type == "at" and str(seg.data.get("qq", "")).isdigit()
    ]


async def sender_staff(
    session: AsyncSession, served: ServedUnit, event: GroupMessageEvent
) -> service.Person | None:
    """The staff member who sent the event; an unknown sender whose group card carries a
    listed, unbound name (``秘书科-王晓明``) is bound on the way."""
    staff = await service.staff_by_qq(session, served.unit_id, event.user_id)
    if staff is None:
        card = event.sender.card or event.sender.nickname or ""
        staff = await service.bind_from_card(
            session, served.unit, served.unit_id, event.user_id, card
        )
    return staff


async def private_sender(
    session: AsyncSession, event: MessageEvent
) -> tuple[ServedUnit, service.Person] | None:
    """The unit and staff member behind a private message; None for anyone not bound. Someone
    on the staff of several units is taken as a member of the first."""
    from . import units

    for unit_id, person in await service.units_of_qq(session, event.user_id):
        for served in units.all_served():
            if served.unit_id == unit_id:
                return served, person
    return None


async def who_is(
    session: AsyncSession, event: MessageEvent
) -> tuple[ServedUnit, service.Person | None] | None:
    """The unit an event belongs to and its sender's staff entry, for group and private chat
    alike. None: a private message from someone who is not bound staff."""
    from . import units

    if isinstance(event, GroupMessageEvent):
        served = units.for_group(event.group_id)
        if served is None:
            return None
        return served, await sender_staff(session, served, event)
    return await private_sender(session, event)


def coordinated_units(event: MessageEvent) -> list[ServedUnit]:
    """The units whose coordinator sent the event: the group's unit, or in private chat every
    unit the sender coordinates (a SUPERUSER coordinates them all)."""
    from . import units

    if isinstance(event, GroupMessageEvent):
        served = units.for_group(event.group_id)
        return [served] if served is not None and is_coordinator(served, event.user_id) else []
    return [s for s in units.all_served() if is_coordinator(s, event.user_id)]


def is_coordinator(served: ServedUnit, qq: int) -> bool:
    superusers = nonebot.get_driver().config.superusers
    return served.unit.is_coordinator(qq) or str(qq) in superusers


def command_usages() -> dict[str, str]:
    """Every command's one-line usage, from the loaded plugins' metadata."""
    usages: dict[str, str] = {}
    plugins = sorted(
        nonebot.get_loaded_plugins(),
        key=lambda p: (p.metadata.extra.get("order", 99) if p.metadata else 99, p.name),
    )
    for plugin in plugins:
        if plugin.metadata:
            usages.update(plugin.metadata.extra.get("commands", {}))
    return usages


def usage(command: str) -> str:
    return "用法：" + command_usages().get(command, f"/{command}")


NOT_STAFF = "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）"
