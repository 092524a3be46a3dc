"""Words of the trade that voice input heard wrong: 小广高 for 小广告, 物叶 for 物业, 井改 for 井盖,
头魁 for 头盔, 忙道 for 盲道.

Voice-to-text picks a character that sounds right and means nothing there. A word of the unit's
vocabulary (its category keywords, the kinds of things, the offices problems are handed to) is
put back when the text has it with exactly one character changed for one that reads the same
(pypinyin's usual reading, tones dropped). One character and the sound both have to agree, the
changed character may not be a function word (为停 is not 违停), a two-character word is not
put back around a character that makes words with many others, and staff names and site names
are left as written, so ordinary words are not rewritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..unit import DEFAULT_OBJECTS
from .homophones import main_reading
from .lexicon import OBJECT_WORDS

# Who problems are handed to, and other words often misheard, beside the unit's keywords.
_TRADE_WORDS = ("斑马线", "小广告", "垃圾桶", "塑料袋", "共享单车", "电瓶车")
# Two characters are little evidence: a two-character word is put back only from this list of
# words voice input is known to mishear, never any two-character keyword (满意 is not 满溢,
# 分支箱 is not 纸箱, 整利索 is not 整理).
_TWO_CHARACTER_WORDS = frozenset(
    (
        "物业",
        "城管",
        "环卫",
        "头盔",
        "井盖",
        "盲道",
        "垃圾",
        "烟头",
        "积水",
        "路灯",
        "护栏",
        "栏杆",
        "座椅",
        "窨井",
        "牵绳",
        "吐痰",
        "摆好",
        "晾晒",
    )
)
# Characters that are words by themselves: a word heard with one of these in it was not
# misheard (为停车 is 为 + 停车, not 违停).
_FUNCTION_CHARS = frozenset(
    "的地得了着过是在有不没为和与及或也都就还又再才要会能可让把被给从向往对于以已而之其这那"
    "个们我你他她它谁啥么吗呢吧啊嗯哦呀一二三四五六七八九十两俩仨几多少上下中里外前后左右"
)
# Characters that make words with many others: a two-character word is not put back on one of
# these alone (骑车 is not 汽车, 办公室 not 公示, 鼻子 not 篦子).
_COMBINING_CHARS = frozenset("车子公人家场区室所员门口路街站照")
# Words a character closes with the one before it: 已经盖好了 is 已经 + 盖好, not 井盖.
_CLOSED_BEFORE = frozenset(("已经", "曾经", "途经", "干净", "安静"))


@dataclass(frozen=True)
class _Vocabulary:
    words: frozenset[str]
    # For each reading, the words with a character read so and where it stands: a character
    # of the text that reads the same but is another one may be that word misheard.
    by_reading: dict[str, tuple[tuple[str, int], ...]]
    # The words as written, found in one scan: characters inside them need no second look.
    written: re.Pattern[str]
    # Filled as characters are met: the (word, position) pairs a character may be misheard for.
    candidates: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    def misheard_for(self, heard: str) -> tuple[tuple[str, int], ...]:
        known = self.candidates.get(heard)
        if known is None:
            known = tuple(
                (word, position)
                for word, position in self.by_reading.get(main_reading(heard), ())
                if word[position] != heard
            )
            self.candidates[heard] = known
        return known


@lru_cache(maxsize=16)
def _vocabulary(unit_words: tuple[str, ...]) -> _Vocabulary:
    words = {
        word
        for word in (
            *unit_words,
            *_TRADE_WORDS,
            *_TWO_CHARACTER_WORDS,
            *OBJECT_WORDS,
            *(w for group in DEFAULT_OBJECTS.values() for w in group),
        )
        if (len(word) == 2 and word in _TWO_CHARACTER_WORDS)
        or (3 <= len(word) <= 6 and all("\u4e00" <= ch <= "\u9fff" for ch in word))
    }
    by_reading: dict[str, list[tuple[str, int]]] = {}
    for word in sorted(words, key=len, reverse=True):
        for position, char in enumerate(word):
            reading = main_reading(char)
            if reading:
                by_reading.setdefault(reading, []).append((word, position))
    written = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))
    return _Vocabulary(frozenset(words), {r: tuple(at) for r, at in by_reading.items()}, written)


def mend_misheard(text: str, unit_words: tuple[str, ...], keep: tuple[str, ...] = ()) -> str:
    """``text`` with the trade's words put back where one character was misheard; the words of
    ``keep`` (names) are never touched."""
    vocabulary = _vocabulary(unit_words)
    # Characters of words already written right, and of names, are skipped: 垃圾垃圾… and a
    # site's name cost one scan.
    kept = _kept_spans(text, keep)
    right = bytearray(len(text))
    for match in vocabulary.written.finditer(text):
        right[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    for begin, stop in kept:
        right[begin:stop] = b"\x01" * (stop - begin)
    found: list[tuple[int, str]] = []
    length = len(text)
    for index, heard in enumerate(text):
        if right[index] or heard in _FUNCTION_CHARS or not "\u4e00" <= heard <= "\u9fff":
            continue
        # Only a character another word of the trade would have here, read the same way.
        for word, position in vocabulary.misheard_for(heard):
            start = index - position
            end = start + len(word)
            if start < 0 or end > length:
                continue
            # One neighbouring character first: most candidates fail on it at once.
            if (
                (text[index - 1] != word[position - 1])
                if position
                else (text[index + 1] != word[1])
            ):
                continue
            if (
                not text.startswith(word[:position], start)
                or not text.startswith(word[position + 1 :], index + 1)
                or (len(word) == 2 and word[1 - position] in _COMBINING_CHARS)
                or (position == 0 and index and text[index - 1 : index + 1] in _CLOSED_BEFORE)
            ):
                continue
            found.append((start, word))
            break
    if not found:
        return text
    pieces = []
    at = 0
    for start, word in sorted(found):
        end = start + len(word)
        if start < at or any(start < stop and begin < end for begin, stop in kept):
            continue
        pieces.append(text[at:start])
        pieces.append(word)
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _kept_spans(text: str, keep: tuple[str, ...]) -> list[tuple[int, int]]:
    spans = []
    for name in keep:
        if len(name) < 2:
            continue
        start = text.find(name)
        while start != -1:
            spans.append((start, start + len(name)))
            start = text.find(name, start + 1)
    return spans
