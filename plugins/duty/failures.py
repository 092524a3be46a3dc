"""A message the bot could not record (disk full, database unreachable) is answered, not
silently dropped: the sender is told to send it again later."""

from __future__ import annotations

from nonebot import logger
from nonebot.adapters.onebot.v11 import Bot, MessageEvent
from nonebot.matcher import current_event, current_matcher
from nonebot.message import run_postprocessor
from sqlalchemy.exc import DBAPIError, IntegrityError

CANNOT_SAVE = "暂时无法保存，请稍后重发。"


def is_write_failure(exception: BaseException | None) -> bool:
    """A database that cannot take the write now; not a broken rule (IntegrityError), which
    the handlers deal with themselves."""
    return isinstance(exception, DBAPIError) and not isinstance(exception, IntegrityError)


async def cannot_save(error: DBAPIError) -> None:
    """End the current handler with the answer (raises FinishedException); outside a handler
    the error goes on."""
    matcher = current_matcher.get(None)
    if matcher is None:
        raise error
    logger.error(f"数据库写入失败，已请发送者稍后重发：{error!s:.300}")
    await matcher.finish(CANNOT_SAVE)


# Writes outside ``inbox.recording`` end in an exception; the sender is answered all the same.
@run_postprocessor
async def answer_write_failure(bot: Bot, event: MessageEvent, exception: Exception | None) -> None:
    # The handler's transaction was rolled back when its session closed: nothing half-written.
    if not is_write_failure(exception):
        return
    logger.error(f"数据库写入失败，已请 QQ {event.user_id} 稍后重发：{exception!s:.300}")
    token = current_event.set(event)  # replies to this sender queue as its replies
    try:
        await bot.send(event, CANNOT_SAVE)
    except Exception as error:  # the connection may be down too; the log has it
        logger.warning(f"“{CANNOT_SAVE}”没能发出：{type(error).__name__}")
    finally:
        current_event.reset(token)
