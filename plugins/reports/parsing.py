"""Reading a group message as a report, off the event loop and within a time limit."""

from __future__ import annotations

from datetime import datetime

from nonebot import get_driver
from nonebot.matcher import Matcher

from dutybot.isolated_parser import IsolatedParser, ParseTimedOut
from dutybot.report_parser import ParsedReport
from dutybot.unit import Unit

TOO_SLOW = "这条消息太长太复杂，没能读完，未记录。请分段发送，或用 /日报 加原文重发。"
TOO_SLOW_COMMAND = "这份日报太长太复杂，没能读完，未记录。请分成几段，每段用 /日报 发送。"

parser = IsolatedParser()
get_driver().on_startup(parser.start)
get_driver().on_shutdown(parser.close)


async def parse_or_finish(
    matcher: type[Matcher],
    text: str,
    sent_at: datetime,
    unit: Unit,
    sender: str | None = None,
    *,
    assume_report: bool = False,
) -> list[ParsedReport]:
    """The reports in ``text``; a message that cannot be read in time ends the handler with
    one line saying what to do, and nothing is recorded."""
    try:
        return await parser.parse(text, sent_at, unit, sender, assume_report=assume_report)
    except ParseTimedOut:
        await matcher.finish(TOO_SLOW_COMMAND if assume_report else TOO_SLOW)
