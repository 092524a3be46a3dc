"""Reading the arguments of ``/报到``: an optional site and, for a shift leader, names; and of
``/报到 撤销``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .dates import BadDate, read_day
from .text import fold
from .unit import TITLES, Site, Unit

_SEPARATORS = re.compile(r"[\s,，、;；。.:：]+")


@dataclass
class CheckinRequest:
    site: Site | None = None
    names: list[str] = field(default_factory=list)
    # Words that are neither a site nor a listed name, kept to tell the sender.
    unknown: list[str] = field(default_factory=list)


def read_checkin_args(text: str, unit: Unit) -> CheckinRequest:
    """Split ``玄帝庙街 张三 李四`` (in any order, with or without separators)."""
    request = CheckinRequest()
    for word in _SEPARATORS.split(text.strip()):
        if word:
            _take_word(word, unit, request)
    return request


def _take_word(word: str, unit: Unit, request: CheckinRequest) -> None:
    site = unit.site_named(word)
    if site is not None and request.site is None:
        request.site = site
        return
    member = unit.staff_named(word)
    if member is not None:
        _add_name(request, member.name)
        return
    # Names or a site written together without spaces: 王晓明李娜, 玄帝庙街王晓明.
    rest = fold(word)
    found_any = False
    progress = True
    while rest and progress:
        progress = False
        for site_candidate in unit.sites:
            for spelling in sorted(site_candidate.spellings(), key=len, reverse=True):
                if rest.startswith(spelling) and request.site is None:
                    request.site = site_candidate
                    rest = rest[len(spelling) :]
                    progress = found_any = True
                    break
            if progress:
                break
        if progress:
            continue
        for member in sorted(unit.staff, key=lambda m: len(m.name), reverse=True):
            name = fold(member.name)
            if rest.startswith(name):
                _add_name(request, member.name)
                rest = _drop_title_prefix(rest[len(name) :])
                progress = found_any = True
                break
    if rest or not found_any:
        request.unknown.append(word if not found_any else rest)


def _drop_title_prefix(text: str) -> str:
    for title in sorted(TITLES, key=len, reverse=True):
        if text.startswith(title):
            return text[len(title) :]
    return text


def _add_name(request: CheckinRequest, name: str) -> None:
    if name not in request.names:
        request.names.append(name)


# ``/报到 撤销 [姓名…] [地点] [日期]``: the words that ask to undo a check-in.
UNDO_WORDS = ("撤销", "取消", "撤回")


@dataclass
class UndoRequest:
    site: Site | None = None
    names: list[str] = field(default_factory=list)
    day: date | None = None
    unknown: list[str] = field(default_factory=list)


def read_undo_args(text: str, unit: Unit, today: date) -> UndoRequest | None:
    """``撤销 李娜 玄帝庙街 11-30`` → what to undo; None when the text does not ask to undo."""
    text = text.strip()
    word = next((w for w in UNDO_WORDS if text.startswith(w)), None)
    if word is None:
        return None
    request = UndoRequest()
    for part in _SEPARATORS.split(text[len(word) :].strip()):
        if not part:
            continue
        site = unit.site_named(part)
        if site is not None and request.site is None:
            request.site = site
            continue
        member = unit.staff_named(part)
        if member is not None:
            if member.name not in request.names:
                request.names.append(member.name)
            continue
        if request.day is None:
            try:
                request.day = read_day(part, today)
                continue
            except BadDate:
                pass
        request.unknown.append(part)
    return request
