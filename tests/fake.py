"""Event factories for nonebug tests, with unique message ids."""

from __future__ import annotations

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from nonebot.adapters.onebot.v11 import GroupMessageEvent, Message, PrivateMessageEvent
from nonebot.adapters.onebot.v11.event import Sender

SHANGHAI = ZoneInfo("Asia/Shanghai")
GROUP = 700000001
SELF_ID = 123456

_message_ids = itertools.count(1000)


def at(moment: str) -> int:
    """Unix time of a Shanghai wall-clock moment, ``"2026-11-30 07:35"``."""
    return int(datetime.fromisoformat(moment).replace(tzinfo=SHANGHAI).timestamp())


DEFAULT_TIME = at("2026-11-30 07:35")  # a Monday, a duty day


def fake_group_message(
    message: str | Message,
    user_id: int = 20001,
    group_id: int = GROUP,
    time: int = DEFAULT_TIME,
    card: str = "",
    nickname: str = "",
    message_id: int | None = None,
    to_me: bool = False,
) -> GroupMessageEvent:
    message = Message(message)
    return GroupMessageEvent(
        time=time,
        self_id=SELF_ID,
        post_type="message",
        sub_type="normal",
        user_id=user_id,
        message_type="group",
        message_id=message_id if message_id is not None else next(_message_ids),
        message=message,
        original_message=message,
        raw_message=str(message),
        font=0,
        sender=Sender(user_id=user_id, nickname=nickname or str(user_id), card=card, role="member"),
        to_me=to_me,
        group_id=group_id,
    )


def fake_private_message(
    message: str | Message, user_id: int = 20001, time: int = DEFAULT_TIME
) -> PrivateMessageEvent:
    message = Message(message)
    return PrivateMessageEvent(
        time=time,
        self_id=SELF_ID,
        post_type="message",
        sub_type="friend",
        user_id=user_id,
        message_type="private",
        message_id=next(_message_ids),
        message=message,
        original_message=message,
        raw_message=str(message),
        font=0,
        sender=Sender(user_id=user_id, nickname=str(user_id)),
        to_me=True,
    )


def fake_group_recall(
    message_id: int, user_id: int = 20001, group_id: int = GROUP, time: int = DEFAULT_TIME
):
    from nonebot.adapters.onebot.v11 import GroupRecallNoticeEvent

    return GroupRecallNoticeEvent(
        time=time,
        self_id=SELF_ID,
        post_type="notice",
        notice_type="group_recall",
        user_id=user_id,
        group_id=group_id,
        operator_id=user_id,
        message_id=message_id,
    )
