"""Loaded into the bot process (DUTY_EXTRA_PLUGINS) by the tests of the parse time limit: the
report parser in the workers is replaced by one that, on any message containing "慢慢读",
runs a catastrophically backtracking pattern (holding the GIL the whole time, as a runaway
pattern of the real parser would)."""

from __future__ import annotations

import re

from dutybot import isolated_parser
from dutybot.report_parser import parse_message as real_parse_message

isolated_parser.PARSER = f"{__name__}:parse_message"
isolated_parser.TIME_LIMIT = 1.5


def parse_message(text, sent_at, unit, sender=None, *, assume_report=False):
    if "慢慢读" in text:
        re.fullmatch(r"(?:x+)+y", "x" * 64)  # 2**64 steps: never ends on its own
    return real_parse_message(text, sent_at, unit, sender, assume_report=assume_report)
