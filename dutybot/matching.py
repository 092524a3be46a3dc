"""Is this the same problem again? Matching what a message tells against the ledger.

A duty is told several times: a problem registered on the spot with ``/问题``, the leader's
daily report listing it again, a second member's report of the same duty. Each telling must
land on the problem already in the ledger, not add a new one; otherwise the monthly figures
count every problem two or three times.

How a person decides, in rules:

- the same site, always (the caller only offers that site's problems);
- the same day; or an earlier day when the problem is still open and *lasting* — what does
  not go away by itself (a loose manhole cover, a dark street lamp, broken paving). A passing
  problem (parked e-bikes, litter) found again on another day is a new one;
- the same category, and the same kind of thing: the object words of the unit file's
  ``[objects]`` (共享单车 / 单车 / 电动车 are one kind, 井盖 is not 路灯). When neither text
  names an object, the wording itself must be close;
- quantity is a hint, never the key: "电动车乱停5辆" in the morning and "电动车乱停8辆" in the
  report are the same bikes; between two candidates the closer count wins.

Each ledger problem takes at most one telling of a message, and each telling at most one
problem, chosen best first. The module is plain Python: the caller turns rows into
:class:`Candidate` and acts on the result.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .unit import LASTING_OBJECTS, Unit

# Words that say a thing is broken: such a problem stays until someone repairs it.
DAMAGE_WORDS = (
    "破损",
    "损坏",
    "缺失",
    "松动",
    "不亮",
    "脱落",
    "坏",
    "断裂",
    "破裂",
    "缺损",
    "丢失",
    "塌陷",
    "下沉",
    "倾斜",
    "褪色",
    "老化",
    "翘起",
)
LASTING_CATEGORIES = ("基础设施",)
# Without object words, how alike two wordings must be (Dice coefficient of character pairs).
MIN_WORDING_SIMILARITY = 0.5

_CHINESE = re.compile(r"[\u4e00-\u9fff]+")


@dataclass(frozen=True)
class Telling:
    """One problem as a message tells it."""

    category: str
    text: str
    count: int = 1


@dataclass(frozen=True)
class Candidate:
    """A problem already in the ledger at the same site, as matching needs it."""

    key: Hashable
    category: str
    text: str
    quantity: int
    found_on: date
    unresolved: bool


@dataclass(frozen=True)
class ObjectLexicon:
    """The unit's object words, longest first, each pointing to its group."""

    groups: Mapping[str, str]  # word -> group
    lasting: frozenset[str]
    pattern: re.Pattern[str] | None

    def objects(self, text: str) -> frozenset[str]:
        """The kinds of thing a text is about (longest word at each place wins)."""
        if self.pattern is None:
            return frozenset()
        return frozenset(self.groups[m.group()] for m in self.pattern.finditer(text))

    def is_lasting(self, category: str, text: str) -> bool:
        """Does this problem stay until someone deals with it?"""
        if category in LASTING_CATEGORIES:
            return True
        if any(word in text for word in DAMAGE_WORDS):
            return True
        return bool(self.objects(text) & self.lasting)


def lexicon_from(objects: Mapping[str, Sequence[str]], lasting: Sequence[str]) -> ObjectLexicon:
    groups: dict[str, str] = {}
    for group, words in objects.items():
        for word in words:
            groups.setdefault(word, group)
    # A plain alternation of literals, longest first: linear in the text for a fixed lexicon.
    words = sorted(groups, key=len, reverse=True)
    pattern = re.compile("|".join(map(re.escape, words))) if words else None
    return ObjectLexicon(groups, frozenset(lasting), pattern)


@lru_cache(maxsize=64)
def _lexicon_for(objects: tuple[tuple[str, tuple[str, ...]], ...]) -> ObjectLexicon:
    return lexicon_from(dict(objects), LASTING_OBJECTS)


def lexicon_for(unit: Unit) -> ObjectLexicon:
    return _lexicon_for(tuple((name, tuple(words)) for name, words in unit.objects.items()))


def wording_similarity(a: str, b: str) -> float:
    """Dice coefficient of the Chinese character pairs of two texts (0 … 1)."""
    pairs_a, pairs_b = _pairs(a), _pairs(b)
    if not pairs_a or not pairs_b:
        return 0.0
    return 2 * len(pairs_a & pairs_b) / (len(pairs_a) + len(pairs_b))


def _pairs(text: str) -> frozenset[str]:
    pairs = set()
    for run in _CHINESE.findall(text):
        if len(run) == 1:
            pairs.add(run)
        pairs.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(pairs)


def likeness(telling: Telling, candidate: Candidate, day: date, lexicon: ObjectLexicon) -> float:
    """How surely ``telling`` (told about ``day``) is ``candidate``; 0 when it cannot be."""
    if telling.category != candidate.category:
        return 0.0
    if candidate.found_on > day:
        return 0.0
    if candidate.found_on < day and not (
        candidate.unresolved
        and lexicon.is_lasting(candidate.category, candidate.text)
        and lexicon.is_lasting(telling.category, telling.text)
    ):
        return 0.0
    told_objects = lexicon.objects(telling.text)
    known_objects = lexicon.objects(candidate.text)
    wording = wording_similarity(telling.text, candidate.text)
    if told_objects and known_objects:
        shared = told_objects & known_objects
        if not shared:
            return 0.0
        score = 1.0 + len(shared) / len(told_objects | known_objects) + wording
    elif wording >= MIN_WORDING_SIMILARITY:
        score = wording
    else:
        return 0.0
    # Quantity as a hint only: it orders otherwise equal candidates.
    larger = max(telling.count, candidate.quantity, 1)
    score += 0.1 * (1 - abs(telling.count - candidate.quantity) / larger)
    # The same day beats a lasting problem from before.
    if candidate.found_on == day:
        score += 0.5
    return score


def match_tellings(
    tellings: Sequence[Telling],
    candidates: Sequence[Candidate],
    day: date,
    lexicon: ObjectLexicon,
) -> list[Candidate | None]:
    """For each telling, the ledger problem it tells again, or None for a new problem.

    One-to-one, best pairs first; ties keep the order of the message and of the ledger."""
    pairs = []
    for t_index, telling in enumerate(tellings):
        for c_index, candidate in enumerate(candidates):
            score = likeness(telling, candidate, day, lexicon)
            if score > 0:
                pairs.append((-score, t_index, c_index))
    pairs.sort()
    result: list[Candidate | None] = [None] * len(tellings)
    taken: set[int] = set()
    for _, t_index, c_index in pairs:
        if result[t_index] is None and c_index not in taken:
            result[t_index] = candidates[c_index]
            taken.add(c_index)
    return result
