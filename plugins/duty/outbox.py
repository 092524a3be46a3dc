"""Everything the bot sends: one rate limiter for replies and reminders alike (reminders first,
then the replies of whoever had the fewest lately; a few replies at most waiting per sender),
and no user text ever sent as CQ code."""

from __future__ import annotations

from typing import Any

from nonebot import logger
from nonebot.adapters import Bot
from nonebot.adapters.onebot.v11 import escape
from nonebot.exception import MockApiException
from nonebot.matcher import current_event

from dutybot.ratelimit import FairBucket, SendDropped

SEND_APIS = {
    "send_msg",
    "send_group_msg",
    "send_private_msg",
    "upload_group_file",
    "send_group_forward_msg",
    "upload_private_file",
}

_bucket: FairBucket | None = None


def configure(rate: float, burst: int) -> None:
    global _bucket
    _bucket = FairBucket(rate=rate, burst=burst)


@Bot.on_calling_api
async def throttle_sends(bot: Bot, api: str, data: dict[str, Any]) -> None:
    """Sends wait their turn: reminders and other scheduled sends (no message behind them)
    first, then replies, those to whoever had the fewest replies lately first."""
    if api in SEND_APIS and _bucket is not None:
        event = current_event.get(None)
        if event is None:
            await _bucket.acquire(urgent=True)
            return
        sender = getattr(event, "user_id", None)
        try:
            await _bucket.acquire(sender)
        except SendDropped:
            # Flooding: the command did its work, its reply is not sent.
            logger.warning(f"QQ {sender} 发得太快，这条回复不发送")
            raise MockApiException(result={"message_id": 0}) from None


@Bot.on_calling_api
async def escape_plain_strings(bot: Bot, api: str, data: dict[str, Any]) -> None:
    """A message sent as a plain string is read by the QQ client as CQ code: text a member
    wrote (``[CQ:at,qq=all]``, ``[CQ:image,file=file:///…]``) would become an @全体成员 or a
    file read. Strings are escaped here, whoever builds them; segments need nothing (replies
    through ``matcher.send``/``finish`` are text segments already)."""
    message = data.get("message")
    if api in SEND_APIS and isinstance(message, str) and not data.get("auto_escape"):
        data["message"] = escape(message, escape_comma=False)
