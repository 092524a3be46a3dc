"""The report parser's old home: it lives in :mod:`dutybot.reports` now (one module per stage).

Kept so that ``from dutybot.report_parser import ParsedReport, parse_message`` goes on working.
"""

from .reports import (
    MAX_ANALYSED_CHARS,
    Activity,
    Item,
    ParsedReport,
    ReportedProblem,
    parse_message,
    resolve_date,
)
from .reports import parse as _parse

__all__ = [
    "MAX_ANALYSED_CHARS",
    "Activity",
    "Item",
    "ParsedReport",
    "ReportedProblem",
    "_parse",
    "parse_message",
    "resolve_date",
]
