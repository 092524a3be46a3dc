"""Dates and months as office staff type them in chat, and how the bot writes them back.

Days: ``2026-12-05``, ``12-05``, ``12/5``, ``12.5``, ``12月5日``, ``12月5号``, ``5号``,
``今天``, ``明天``, ``后天``, ``周三``, ``本周三``, ``下周一``, ``星期五``. A day written
without a year is the one nearest to today (``01-05`` typed in December is next January's; a
``12-05`` typed on 20 December is this year's, so it can be refused as past). A bare weekday
or day of the month is the next one from today on.

Months: ``2026-12``, ``2026年12月``, ``12月``, ``本月``, ``下月``, ``下个月``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .duty_calendar import WEEKDAY_NAMES
from .text import fold


class BadDate(ValueError):
    """``text`` is not a day (or month) the bot can read."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_RELATIVE = {"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3}

_FULL = re.compile(r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})[-/.月](\d{1,2})[日号]?$")
_DAY_ONLY = re.compile(r"^(\d{1,2})[日号]$")
_WEEKDAY = re.compile(
    r"^(?:(本周|这周|下周|下下周)(?:星期|礼拜)?|周|星期|礼拜)([一二三四五六日天七])$"
)
_YEAR_MONTH = re.compile(r"^(\d{4})[-/.年](\d{1,2})月?$")
_MONTH_ONLY = re.compile(r"^(\d{1,2})月(?:份)?$")

# A day written without a year further than this from today is taken in the next (or
# previous) year.
_HALF_YEAR = timedelta(days=183)
# Years anyone means in a duty roster (and safe for every date computation and database).
YEARS = range(2000, 2101)


def read_day(text: str, today: date, *, after: date | None = None) -> date:
    """The day ``text`` means; :class:`BadDate` if it is none.

    ``after``: the first day of a range, so that the ``7日`` of ``12月5日 至 7日`` is read in
    that day's month.
    """
    word = fold(text)
    if word in _RELATIVE:
        return today + timedelta(days=_RELATIVE[word])
    try:
        if match := _FULL.match(word):
            if int(match[1]) not in YEARS:
                raise ValueError(match[1])
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match := _MONTH_DAY.match(word):
            return _nearest_year(int(match[1]), int(match[2]), after or today)
        if match := _DAY_ONLY.match(word):
            return _next_day_of_month(int(match[1]), after or today)
    except ValueError:
        raise BadDate(text) from None
    if match := _WEEKDAY.match(word):
        weekday = _WEEKDAYS[match[2]]
        prefix = match[1] or ""
        monday = today - timedelta(days=today.weekday())
        if prefix in ("本周", "这周"):
            return monday + timedelta(days=weekday)
        if prefix == "下周":
            return monday + timedelta(days=7 + weekday)
        if prefix == "下下周":
            return monday + timedelta(days=14 + weekday)
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    raise BadDate(text)


def read_month(text: str, today: date) -> tuple[int, int]:
    """The (year, month) ``text`` means; :class:`BadDate` if it is none."""
    word = fold(text)
    if word in ("本月", "这个月", "这月", "当月"):
        return today.year, today.month
    if word in ("下月", "下个月", "下一个月"):
        return (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    if match := _YEAR_MONTH.match(word):
        year, month = int(match[1]), int(match[2])
    elif match := _MONTH_ONLY.match(word):
        month = int(match[1])
        year = min(
            (today.year - 1, today.year, today.year + 1),
            key=lambda y: (abs((y - today.year) * 12 + month - today.month), -y),
        )
    else:
        raise BadDate(text)
    if not 1 <= month <= 12 or year not in YEARS:
        raise BadDate(text)
    return year, month


def _nearest_year(month: int, day: int, today: date) -> date:
    candidate = _in_year(today.year, month, day)
    if candidate < today - _HALF_YEAR:
        return _in_year(today.year + 1, month, day)
    if candidate > today + _HALF_YEAR:
        return _in_year(today.year - 1, month, day)
    return candidate


def _in_year(year: int, month: int, day: int) -> date:
    if (month, day) == (2, 29):
        # Validate the spelling against a leap year, then take the year asked for.
        date(2000, month, day)
        try:
            return date(year, month, day)
        except ValueError:
            return date(year, 2, 28)
    return date(year, month, day)


def _next_day_of_month(day: int, today: date) -> date:
    if not 1 <= day <= 31:
        raise ValueError(day)
    year, month = today.year, today.month
    for _ in range(3):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise ValueError(day)


# ---------------------------------------------------------------------------------------------
# Writing dates back


def md(day: date) -> str:
    """``12月5日``."""
    return f"{day.month}月{day.day}日"


def weekday_name(day: date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


def md_weekday(day: date) -> str:
    """``12月5日（周六）``."""
    return f"{md(day)}（{weekday_name(day)}）"


def day_range(first: date, last: date) -> str:
    """``12月5日`` or ``12月5日—12月7日``."""
    return md(first) if first == last else f"{md(first)}—{md(last)}"
