"""Reading the arguments of the roster commands: names, days, and the words after them.

``/请假 12-05 至 12-07 出差``, ``/换班 李娜 12月5日``, ``/调班 12-05 王晓明 李娜``: names and
days come first, in any order; the first word that is neither starts the free text (a reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import BadDate, read_day
from .text import fold
from .unit import Unit

_RANGE = re.compile(r"[至到~～—–]+|-{2,}")
_LOOKS_LIKE_DAY = re.compile(r"^\d{1,4}(?:[-/.年月]\d{1,2}){0,2}[日号]?$")
_SEPARATORS = re.compile(r"[\s,，、;；]+")


@dataclass
class RosterArgs:
    names: list[str] = field(default_factory=list)
    days: list[date] = field(default_factory=list)
    # The rest of the text, from the first word that is neither a name nor a day.
    rest: str = ""
    # A word written like a date that is no date (13-45), to point out to the sender.
    bad_day: str | None = None


def looks_like_day(word: str) -> bool:
    word = fold(word)
    return bool(_LOOKS_LIKE_DAY.match(word)) and not word.isdigit()


def read_roster_args(text: str, unit: Unit, today: date) -> RosterArgs:
    result = RosterArgs()
    words = [w for w in _SEPARATORS.split(text.strip()) if w]
    for index, word in enumerate(words):
        if _RANGE.fullmatch(word):
            continue  # 至 between two days
        member = unit.staff_named(word)
        if member is not None:
            if member.name not in result.names:
                result.names.append(member.name)
            continue
        days = _days_in(word, today, result.days[-1] if result.days else None)
        if days is not None:
            result.days += days
            continue
        if looks_like_day(word) and result.bad_day is None:
            result.bad_day = word
            continue
        result.rest = " ".join(words[index:])
        break
    return result


def _days_in(word: str, today: date, previous: date | None) -> list[date] | None:
    """The day (or the two days of ``12-05至12-07``) in ``word``; None if it is not that."""
    parts = [p for p in _RANGE.split(word) if p]
    if not parts or len(parts) > 2:
        return None
    days: list[date] = []
    for part in parts:
        try:
            days.append(read_day(part, today, after=days[-1] if days else previous))
        except BadDate:
            return None
    return days


# Characters of a leave reason that a name seldom has: 病假, 临时有事, 出差, 开会, 培训, 回老家…
_REASON_HINT = re.compile(r"[假病事差会训学医院检考婚丧产孕休陪接送办家]")
_MAX_WORDS = 20


def reason_first(args: RosterArgs, unit: Unit, today: date) -> RosterArgs | None:
    """``/请假 病假 12-05``: the reason written before the days. When the words after some
    leading ones are only names and days, returns them with the leading words as ``rest``;
    None when the text is not of that shape."""
    if args.days or not args.rest:
        return None
    words = [w for w in _SEPARATORS.split(args.rest) if w][:_MAX_WORDS]
    for index in range(1, len(words)):
        later = read_roster_args(" ".join(words[index:]), unit, today)
        if later.days and not later.rest:
            names = [*args.names, *(n for n in later.names if n not in args.names)]
            return RosterArgs(
                names=names, days=later.days, rest=" ".join(words[:index]), bad_day=later.bad_day
            )
    return None


def looks_like_reason(text: str) -> bool:
    """Rather a leave reason than a person's name: a reason word, or longer than a name."""
    return bool(_REASON_HINT.search(text)) or len(fold(text)) > 4
