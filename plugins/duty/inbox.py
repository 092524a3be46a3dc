"""Exactly-once handling of QQ messages.

A message that changed the database is claimed (``ProcessedMessage``) in the same transaction
as its changes. A redelivered message is dropped before any matcher runs: by a small in-memory
memory of recent ids, or, for a message sent before this process started (which an earlier
process may have handled), by finding its claim in the database. If two processes race on one
message, the loser's commit fails on the claim's unique key and it stays silent.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from datetime import timedelta

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import GroupMessageEvent, MessageEvent
from nonebot.exception import FinishedException
from nonebot_plugin_orm import get_session
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock

from .database import is_sqlite
from .failures import cannot_save, is_write_failure
from .model import ProcessedMessage

RECENT_LIMIT = 5000
# The QQ server's clock against ours: a message stamped up to this much after this process
# started may still have been sent before it.
CLOCK_SKEW = timedelta(minutes=10)

_recent: OrderedDict[tuple[str, str], None] = OrderedDict()
_started = clock.now()


def chat_key(event: MessageEvent) -> str:
    if isinstance(event, GroupMessageEvent):
        return f"g{event.group_id}"
    return f"p{event.user_id}"


def seen_recently(event: MessageEvent) -> bool:
    """Remember the message; True if it was already seen by this process."""
    key = (chat_key(event), str(event.message_id))
    if key in _recent:
        return True
    _recent[key] = None
    if len(_recent) > RECENT_LIMIT:
        _recent.popitem(last=False)
    return False


def forget_recent() -> None:
    """Forget every message seen, as after a restart."""
    global _started
    _recent.clear()
    _started = clock.now()


def may_predate_start(event: MessageEvent) -> bool:
    """Could the message have been sent before this process started? Only such a message can
    have been handled by another process before: anything later this process has seen (the
    recent ids) or races for (the claim's unique key)."""
    return clock.from_timestamp(event.time) < _started + CLOCK_SKEW


async def already_processed(session: AsyncSession, event: MessageEvent) -> bool:
    found = await session.scalar(
        sa.select(ProcessedMessage.id).where(
            ProcessedMessage.chat == chat_key(event),
            ProcessedMessage.message_id == str(event.message_id),
        )
    )
    return found is not None


def claim(session: AsyncSession, event: MessageEvent) -> None:
    session.add(
        ProcessedMessage(
            chat=chat_key(event),
            message_id=str(event.message_id),
            user_id=event.user_id,
            sent_at=clock.to_utc_naive(clock.from_timestamp(event.time)),
        )
    )


_write_turn = asyncio.Lock()
_holding_turn: ContextVar[bool] = ContextVar("holding_write_turn", default=False)


@asynccontextmanager
async def write_turn() -> AsyncIterator[None]:
    """One writing transaction at a time in this process, first come first served.

    SQLite has one writer; left to its busy handler, writers that wait keep sleeping and
    retrying, and under a burst some lose again and again (seconds of delay). Queueing them
    here keeps the wait fair and short. Re-entrant within one task; a no-op on PostgreSQL."""
    if _holding_turn.get() or not is_sqlite():
        yield
        return
    async with _write_turn:
        token = _holding_turn.set(True)
        try:
            yield
        finally:
            _holding_turn.reset(token)


@asynccontextmanager
async def recording(event: MessageEvent) -> AsyncIterator[AsyncSession]:
    """A session whose commit records the changes together with the message's claim.

    If another process already recorded this message, the changes are dropped and the handler
    ends silently (no second reply). If the database cannot take the write (disk full), nothing
    is kept and the handler ends with "暂时无法保存，请稍后重发。"."""
    async with write_turn(), get_session() as session:
        try:
            yield session
            claim(session, event)
            try:
                await session.commit()
            except IntegrityError:
                await session.rollback()
                if await already_processed(session, event):
                    raise FinishedException from None
                raise
        except DBAPIError as error:
            if not is_write_failure(error):
                raise
            await session.rollback()  # all or nothing: the message's changes and its claim
            await cannot_save(error)
