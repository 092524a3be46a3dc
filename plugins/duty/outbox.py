"""One rate limiter for everything the bot sends, replies and reminders alike."""

from __future__ import annotations

from typing import Any

from nonebot.adapters import Bot

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
