"""Reading free-text daily duty reports (值班日报) posted in the group. The contract is REPORTS.md.

TODO: stages.
"""

from __future__ import annotations

import logging
from datetime import datetime

from ..unit import Unit
from .dates import resolve_date
from .message import parse
from .model import MAX_ANALYSED_CHARS, Activity, Item, ParsedReport, ReportedProblem

__all__ = [
    "MAX_ANALYSED_CHARS",
    "Activity",
    "Item",
    "ParsedReport",
    "ReportedProblem",
    "parse",
    "parse_message",
    "resolve_date",
]

log = logging.getLogger(__name__)


def parse_message(
    text: str,
    sent_at: datetime,
    unit: Unit,
    sender: str | None = None,
    *,
    assume_report: bool = False,
) -> list[ParsedReport]:
    """The duty reports in one group message; ``[]`` when it is not a report.

    ``sent_at`` should be aware and in the unit's local time: relative dates (今天, 周三) are
    read against its calendar date. ``sender`` is accepted for the callers' convenience but
    never added to the staff: the contract wants only the people the text names.

    ``assume_report`` is for ``/日报 文本``: the sender says it is a report, so the checks that
    tell chat from reports are skipped and a text with nothing readable still yields one
    (empty) report.
    """
    try:
        return parse(text, sent_at, unit, assume_report)
    except Exception:  # a parser bug must never take the bot's message handling down
        log.exception(
            "report parser failed on a message of %d characters",
            len(text) if isinstance(text, str) else -1,
        )
        return []
