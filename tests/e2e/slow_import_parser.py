"""A parser whose import takes longer than the time limit the tests give it, as the real
parser's does on a slow machine: a fresh worker must import it before the limit starts."""

from __future__ import annotations

import time

time.sleep(1.5)


def parse_message(text, sent_at, unit, sender=None, *, assume_report=False):
    return f"read: {text}"
