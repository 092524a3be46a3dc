"""The problem ledger's rules, free of NoneBot: statuses and their transitions, due dates,
and reading the arguments of the ledger commands.

A problem goes 发现 → 派遣 → 处置 → 核查 → 结案::

    待处理 (open) ──/协调──▶ 协调中 (coordinating) ──/解决──▶ 已解决 (resolved)
        └──────────────────/解决─────────────────────────────┘      │
    已解决 ──/核查──▶ 待核查 (rechecking) ──/核查 通过──▶ 已核查 (verified)
    已解决 / 待核查 / 已核查 ──/重开──▶ 待处理 (counted as rework)
    anything but 已撤销 ──/撤销──▶ 已撤销 (withdrawn, final)
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta

from .classify import classify
from .errors import (
    AlreadyResolved,
    AlreadyWithdrawn,
    DescriptionTooLong,
    EmptyDescription,
    IllegalTransition,
    NotResolved,
    UnknownCategory,
)
from .fix_words import ends_fixed
from .quantity import chinese_numeral, extract_quantity
from .text import fold
from .unit import Site, Unit

MAX_DESCRIPTION = 500
MAX_NOTE = 200


class Status(enum.StrEnum):
    OPEN = "open"
    COORDINATING = "coordinating"
    RESOLVED = "resolved"
    RECHECKING = "rechecking"
    VERIFIED = "verified"
    WITHDRAWN = "withdrawn"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.OPEN: "待处理",
    Status.COORDINATING: "协调中",
    Status.RESOLVED: "已解决",
    Status.RECHECKING: "待核查",
    Status.VERIFIED: "已核查",
    Status.WITHDRAWN: "已撤销",
}

# Not yet dealt with: these age, go overdue and are reminded of.
UNRESOLVED = frozenset({Status.OPEN, Status.COORDINATING})
# Dealt with (the monthly "resolved" figure): resolved_on is set exactly for these.
SETTLED = frozenset({Status.RESOLVED, Status.RECHECKING, Status.VERIFIED})


class Action(enum.StrEnum):
    REGISTER = "register"
    COORDINATE = "coordinate"
    RESOLVE = "resolve"
    RECHECK = "recheck"  # resolved by someone else: to be checked on site at the next duty
    VERIFY = "verify"  # checked on site: passed
    REOPEN = "reopen"  # not fixed after all: rework
    WITHDRAW = "withdraw"  # a duplicate or a mistaken entry
    # Not commands: what a daily report's telling does to a problem told before.
    TOLD = "told"  # told again by another message (a report, a second member's report)
    RETRACT = "retract"  # the message that told it was corrected or recalled: undone
    RESTORE = "restore"  # told again after such a retraction: back as it was

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


ACTION_LABELS = {
    Action.REGISTER: "登记",
    Action.COORDINATE: "协调",
    Action.RESOLVE: "解决",
    Action.RECHECK: "核查",
    Action.VERIFY: "核查通过",
    Action.REOPEN: "重开",
    Action.WITHDRAW: "撤销",
    Action.TOLD: "再次报告",
    Action.RETRACT: "随消息撤回",
    Action.RESTORE: "恢复",
}


class Source(enum.StrEnum):
    COMMAND = "command"  # /问题 in the group
    REPORT = "report"  # read from a free-text daily report
    IMPORT = "import"  # from an imported chat history or spreadsheet


class PhotoStage(enum.StrEnum):
    BEFORE = "before"  # 整改前
    AFTER = "after"  # 整改后


class PhotoStatus(enum.StrEnum):
    SAVED = "saved"
    FAILED = "failed"


TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.OPEN, Action.COORDINATE): Status.COORDINATING,
    # Handed on to another body: stays 协调中, the history keeps both.
    (Status.COORDINATING, Action.COORDINATE): Status.COORDINATING,
    (Status.OPEN, Action.RESOLVE): Status.RESOLVED,
    (Status.COORDINATING, Action.RESOLVE): Status.RESOLVED,
    (Status.RESOLVED, Action.RECHECK): Status.RECHECKING,
    (Status.RESOLVED, Action.VERIFY): Status.VERIFIED,
    (Status.RECHECKING, Action.VERIFY): Status.VERIFIED,
    (Status.RESOLVED, Action.REOPEN): Status.OPEN,
    (Status.RECHECKING, Action.REOPEN): Status.OPEN,
    (Status.VERIFIED, Action.REOPEN): Status.OPEN,
    **{
        (status, Action.WITHDRAW): Status.WITHDRAWN
        for status in Status
        if status is not Status.WITHDRAWN
    },
}


def next_status(status: Status, action: Action) -> Status:
    """Where ``action`` takes a problem in ``status``; a typed error when it may not."""
    target = TRANSITIONS.get((status, action))
    if target is not None:
        return target
    if status is Status.WITHDRAWN:
        raise AlreadyWithdrawn(status.value, action.value)
    if status in SETTLED and action in (Action.RESOLVE, Action.COORDINATE):
        raise AlreadyResolved(status.value, action.value)
    if status in UNRESOLVED and action in (Action.RECHECK, Action.VERIFY, Action.REOPEN):
        raise NotResolved(status.value, action.value)
    raise IllegalTransition(status.value, action.value)


def is_rework(before: Status, after: Status) -> bool:
    """A problem once dealt with that has to be dealt with again."""
    return before in SETTLED and after in UNRESOLVED


# ---------------------------------------------------------------------------------------------
# Deadlines


def due_date(start: date, limit_days: int) -> date:
    """The last day to deal with a problem found (or reopened) on ``start``: a 1-day limit for
    something found on Monday means by the end of Tuesday."""
    return start + timedelta(days=limit_days)


def overdue_days(status: Status, due_on: date, today: date, resolved_on: date | None) -> int:
    """Days past the due date: for an unresolved problem as of ``today``, for a resolved one
    as of the day it was resolved (0 when in time, or withdrawn)."""
    if status in UNRESOLVED:
        return max(0, (today - due_on).days)
    if status in SETTLED and resolved_on is not None:
        return max(0, (resolved_on - due_on).days)
    return 0


def is_overdue(status: Status, due_on: date, today: date) -> bool:
    """Unresolved and past its due date."""
    return status in UNRESOLVED and today > due_on


def age_days(found_on: date, today: date) -> int:
    return max(0, (today - found_on).days)


# ---------------------------------------------------------------------------------------------
# Arguments

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUMBER = re.compile(
    rf"^\s*(?:第|no\.?|[#＃])?\s*(?:([0-9０-９]+)|([{_CN_DIGITS}]+)(?=\s|号|$))\s*号?\s*",
    re.IGNORECASE,
)
_TAG = re.compile(r"(?:^|(?<=\s))[#＃](\S+)")
ANOTHER_WORDS = ("另一处", "另一个", "另外一处", "另外一个")
# A short word naming a place: 古淮路, 仙营小区, 23网格, 文昌巷.
_PLACE_WORD = re.compile(
    r"[\w（）()]{1,14}(?:路|街|巷|大道|社区|网格|小区|广场|胡同|里|村|桥)[东西南北]?侧?"
)


def _normal(text: str) -> str:
    # Full-width digits, ＃ and spaces become plain; Chinese is untouched.
    return unicodedata.normalize("NFKC", text)


def chinese_number(text: str) -> int | None:
    """``十二`` → 12, ``两`` → 2; None for anything else."""
    if not text or any(c not in _CN_DIGITS for c in text):
        return None
    return chinese_numeral(text)


def split_number(text: str) -> tuple[int | None, str]:
    """A problem number at the start (``12``, ``#12``, ``＃12``, ``第12号``, ``十二``) and the
    rest of the text; ``(None, text)`` when it does not start with one."""
    match = _NUMBER.match(text)
    if not match:
        return None, text.strip()
    digits, chinese = match.groups()
    number = int(_normal(digits)) if digits else chinese_number(chinese)
    if number is None or number < 1:
        return None, text.strip()
    return number, text[match.end() :].strip()


def read_number(text: str) -> int | None:
    """The whole text as a problem number, or None."""
    number, rest = split_number(text)
    return number if not rest else None


def number_in_text(text: str) -> int | None:
    """``#12`` anywhere in a text, such as the bot's ``已登记问题 #12（…）``."""
    match = re.search(r"[#＃]\s*([0-9０-９]+)", text)
    return int(_normal(match.group(1))) if match else None


@dataclass(frozen=True)
class ProblemRequest:
    """What ``/问题 [地点] 描述 [#类别]`` asks to register."""

    site: Site | None
    description: str
    category: str | None  # chosen with #类别; None: classify from the description
    on_the_spot: bool = False  # 发现即整改: ends with 已整改, 已清理, 已劝离 … (fix_words)
    # A leading word that reads like a place but is none of the unit's sites (古淮路): the
    # site must be asked, not guessed, and the word is not part of the description.
    unknown_site: str | None = None
    # "/问题 另一处 …": not the problem a report or an earlier /问题 told, a new one.
    another: bool = False


def read_problem_args(text: str, unit: Unit) -> ProblemRequest:
    """Read ``[地点] 描述 [#类别]``; the site may be glued to the description
    (``玄帝庙街电动车乱停放5处``). Raises EmptyDescription, DescriptionTooLong, UnknownCategory."""
    text = text.strip()
    category = None
    for tag in _TAG.findall(text):
        category = category_named(tag, unit)
    text = _TAG.sub(" ", text).strip()

    another = text.startswith(ANOTHER_WORDS)
    if another:
        text = text[len(next(w for w in ANOTHER_WORDS if text.startswith(w))) :].strip()
    site, rest = _leading_site(text, unit)
    if rest.startswith(ANOTHER_WORDS):
        another = True
        rest = rest[len(next(w for w in ANOTHER_WORDS if rest.startswith(w))) :].strip()
    unknown_site = None
    if site is None:
        first, _, remainder = text.partition(" ")
        if remainder.strip() and _PLACE_WORD.fullmatch(first):
            unknown_site, rest = first, remainder
    description = " ".join(rest.split())
    # The words the report parser takes as fixed (已劝离, 已摆放整齐 …), one list for both.
    on_the_spot = ends_fixed(description)
    check_description(description)
    return ProblemRequest(
        site=site,
        description=description,
        category=category,
        on_the_spot=on_the_spot,
        unknown_site=unknown_site,
        another=another,
    )


def check_description(description: str) -> None:
    if not description.strip():
        raise EmptyDescription()
    if len(description) > MAX_DESCRIPTION:
        raise DescriptionTooLong(len(description), MAX_DESCRIPTION)


def _leading_site(text: str, unit: Unit) -> tuple[Site | None, str]:
    first, _, rest = text.partition(" ")
    site = unit.site_named(first)
    if site is not None:
        return site, rest.strip()
    # Glued: the longest leading part that names a site.
    for end in range(min(len(text), 40), 0, -1):
        site = unit.site_named(text[:end])
        if site is not None:
            return site, text[end:].strip()
    return None, text


def category_named(text: str, unit: Unit) -> str:
    """The unit's category a person means by ``text``: its name, or a part of exactly one
    name (``#市容`` → 市容秩序). Raises UnknownCategory."""
    wanted = fold(text)
    names = unit.category_names
    for name in names:
        if fold(name) == wanted:
            return name
    partial = [name for name in names if wanted and wanted in fold(name)]
    if len(partial) == 1:
        return partial[0]
    raise UnknownCategory(text, names)


@dataclass(frozen=True)
class ListFilter:
    site: Site | None = None
    category: str | None = None


def read_list_filter(text: str, unit: Unit) -> ListFilter | None:
    """``[地点|类别|全部]`` of ``/问题 列表``; None when the word is neither."""
    text = text.replace("＃", "#").strip().lstrip("#").strip()
    if not text or text in ("全部", "所有"):
        return ListFilter()
    site = unit.site_named(text)
    if site is not None:
        return ListFilter(site=site)
    try:
        return ListFilter(category=category_named(text, unit))
    except UnknownCategory:
        return None


LIST_WORDS = ("列表", "清单", "台账", "list")


def classify_problem(description: str, unit: Unit) -> tuple[str, int]:
    """The category (by the unit's keywords) and the quantity of a problem's description."""
    return classify(description, unit), extract_quantity(description)
