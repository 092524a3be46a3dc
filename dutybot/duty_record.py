"""What a daily report says about one duty, as the bot keeps it, and when to hold it back.

The parser's result (:class:`~dutybot.report_parser.ParsedReport`) is turned into a
:class:`Reading`, which is stored with the report (JSON) so that a report held for a question
(which site? is this pasted twice?) or restored after a recall is applied exactly as it was
read, whatever the parser reads today.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any

from .quantity import chinese_numeral

# Judged from the corpora: a duty's report lists at most a handful of problems (the most seen
# is 5) and a few dozen things (the most is 51). Far more is a paste, not a duty.
MAX_ITEMS = 20
MAX_FOUND = 300
# Sentences repeated this often mean a paragraph pasted again.
MAX_REPEATED_SENTENCES = 2


@dataclass(frozen=True)
class ToldProblem:
    category: str
    text: str
    count: int
    fixed: int
    fix_text: str = ""


@dataclass(frozen=True)
class ToldActivity:
    kind: str
    count: int
    unit: str


@dataclass(frozen=True)
class Reading:
    date: date
    site: str | None
    staff: tuple[str, ...]
    absent: tuple[str, ...]
    problems: tuple[ToldProblem, ...]
    activities: tuple[ToldActivity, ...]
    notes: tuple[str, ...] = ()
    repeated_sentences: int = 0

    @property
    def found_total(self) -> int:
        return sum(p.count for p in self.problems)

    @property
    def resolved_total(self) -> int:
        return sum(min(p.fixed, p.count) for p in self.problems)

    @property
    def pending_total(self) -> int:
        return max(0, self.found_total - self.resolved_total)

    @classmethod
    def from_parsed(cls, parsed: Any) -> Reading:
        return cls(
            date=parsed.date,
            site=parsed.site,
            staff=tuple(parsed.staff),
            absent=tuple(getattr(parsed, "absent", ())),
            problems=tuple(
                ToldProblem(p.category, p.text, p.count, p.resolved, p.fix_text)
                for p in parsed.problems
            ),
            activities=tuple(ToldActivity(a.kind, a.count, a.unit) for a in parsed.activities),
            notes=tuple(parsed.notes),
            repeated_sentences=int(getattr(parsed, "repeated_sentences", 0)),
        )

    def with_site(self, site: str) -> Reading:
        return Reading(
            self.date,
            site,
            self.staff,
            self.absent,
            self.problems,
            self.activities,
            tuple(n for n in self.notes if "地点" not in n),
            self.repeated_sentences,
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "date": self.date.isoformat(),
                "site": self.site,
                "staff": list(self.staff),
                "absent": list(self.absent),
                "problems": [
                    [p.category, p.text, p.count, p.fixed, p.fix_text] for p in self.problems
                ],
                "activities": [[a.kind, a.count, a.unit] for a in self.activities],
                "notes": list(self.notes),
                "repeated_sentences": self.repeated_sentences,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> Reading:
        data = json.loads(text)
        return cls(
            date=date.fromisoformat(data["date"]),
            site=data["site"],
            staff=tuple(data["staff"]),
            absent=tuple(data.get("absent", ())),
            problems=tuple(ToldProblem(*row) for row in data["problems"]),
            activities=tuple(ToldActivity(*row) for row in data["activities"]),
            notes=tuple(data.get("notes", ())),
            repeated_sentences=int(data.get("repeated_sentences", 0)),
        )


def looks_pasted(reading: Reading) -> bool:
    """Far more than a duty can have, or paragraphs pasted again: ask before counting."""
    return (
        len(reading.problems) > MAX_ITEMS
        or reading.found_total > MAX_FOUND
        or reading.repeated_sentences > MAX_REPEATED_SENTENCES
    )


# ---------------------------------------------------------------------------------------------
# Replies to the bot's "已记录 …" message

MAX_CORRECTION_CHARS = 60
_CN = "〇零一二两三四五六七八九十百"
_NUMBER = rf"(?:\d{{1,5}}|[{_CN}]{{1,4}})"
_FOUND = re.compile(rf"发现(?:问题)?\s*(?:共\s*)?({_NUMBER})\s*(?:处|个|条|起)?")
_RESOLVED = re.compile(rf"(?:已?解决|已?整改|已?处理)\s*(?:了\s*)?({_NUMBER})\s*(?:处|个|条|起)?")
_PROBLEM_NUMBER = re.compile(r"[#＃]\s*(\d{1,6})")
_DUPLICATE = re.compile(r"重复|不是问题|不算问题|不用算|多算|算错")
_CONFIRM = re.compile(r"^\s*(?:确认|确定|没错|无误|是的|对)[\s。！!，,]*(?:计入)?[\s。！!]*$")


@dataclass(frozen=True)
class Correction:
    """What a reply to the bot's report message asks for."""

    found: int | None = None  # 更正 发现12处
    resolved: int | None = None  # 解决10处
    not_problems: tuple[int, ...] = ()  # #8 是重复的 / #8 不是问题
    not_a_problem: bool = False  # 不是问题 (without a number)
    confirm: bool = False  # 确认 (a held paste is one duty's report)

    @property
    def empty(self) -> bool:
        return self == Correction()


def read_correction(text: str) -> Correction:
    """``更正 发现12处 解决10处``, ``#8 是重复的``, ``不是问题``, ``确认``; empty when the reply
    asks for none of them (an ordinary "收到" quoting the bot)."""
    text = unicodedata.normalize("NFKC", text).strip()
    # A correction is a short line; a whole report sent as a reply is a report.
    if len(text) > MAX_CORRECTION_CHARS:
        return Correction()
    if _CONFIRM.match(text):
        return Correction(confirm=True)
    numbers = tuple(dict.fromkeys(int(n) for n in _PROBLEM_NUMBER.findall(text)))
    if _DUPLICATE.search(text):
        return Correction(not_problems=numbers, not_a_problem=not numbers)
    found = _FOUND.search(text)
    resolved = _RESOLVED.search(text)
    if found is None and resolved is None:
        return Correction()
    return Correction(
        found=_number(found.group(1)) if found else None,
        resolved=_number(resolved.group(1)) if resolved else None,
    )


def _number(text: str) -> int:
    return int(text) if text.isdigit() else chinese_numeral(text)
