"""Everything the bot sends: one rate limiter for replies and reminders alike, and no user
text ever sent as CQ code."""

from __future__ import annotations

from typing import Any

from nonebot.adapters import Bot
from nonebot.adapters.onebot.v11 import escape

from dutybot.ratelimit import TokenBucket

SEND_APIS = {
    "send_msg",
    "send_group_msg",
    "send_private_msg",
    "upload_group_file",
    "send_group_forward_msg",
    "upload_private_file",
}

_bucket: TokenBucket | None = None


def configure(rate: float, burst: int) -> None:
    global _bucket
    _bucket = TokenBucket(rate=rate, burst=burst)


@Bot.on_calling_api
async def throttle_sends(bot: Bot, api: str, data: dict[str, Any]) -> None:
    if api in SEND_APIS and _bucket is not None:
        await _bucket.acquire()


@Bot.on_calling_api
async def escape_plain_strings(bot: Bot, api: str, data: dict[str, Any]) -> None:
    """A message sent as a plain string is read by the QQ client as CQ code: text a member
    wrote (``[CQ:at,qq=all]``, ``[CQ:image,file=file:///…]``) would become an @全体成员 or a
    file read. Strings are escaped here, whoever builds them; segments need nothing (replies
    through ``matcher.send``/``finish`` are text segments already)."""
    message = data.get("message")
    if api in SEND_APIS and isinstance(message, str) and not data.get("auto_escape"):
        data["message"] = escape(message, escape_comma=False)
