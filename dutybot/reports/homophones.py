"""Characters that sound alike, for names that voice input and pinyin typing get wrong.

Voice-to-text writes 古怀路 for 古槐路 and 鲜营社区 for 仙营社区; a pinyin keyboard offers 凤凰成
for 凤凰城. The readings come from pypinyin's character table (tones dropped), so a site name
can be matched by a pattern whose every character is a class of characters read the same way.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, list[str]]]:
    from pypinyin.pinyin_dict import pinyin_dict

    readings: dict[str, frozenset[str]] = {}
    by_reading: dict[str, list[str]] = {}
    for code, value in pinyin_dict.items():
        if not 0x4E00 <= code <= 0x9FFF:
            continue
        char = chr(code)
        toneless = frozenset(_toneless(reading) for reading in value.split(","))
        readings[char] = toneless
        for reading in toneless:
            by_reading.setdefault(reading, []).append(char)
    return readings, by_reading


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading.strip())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=1024)
def sounds_alike(char: str) -> str:
    """Every character read like ``char`` (itself included); just ``char`` if it has no reading."""
    readings, by_reading = _tables()
    if char not in readings:
        return char
    return "".join(sorted({c for reading in readings[char] for c in by_reading[reading]}))


def alike(a: str, b: str) -> bool:
    """Whether two characters share a reading (or are the same)."""
    if a == b:
        return True
    readings = _tables()[0]
    return bool(readings.get(a, frozenset()) & readings.get(b, frozenset()))


@lru_cache(maxsize=1)
def _main_readings() -> dict[str, str]:
    from pypinyin.pinyin_dict import pinyin_dict

    return {
        chr(code): _toneless(value.split(",")[0])
        for code, value in pinyin_dict.items()
        if 0x4E00 <= code <= 0x9FFF
    }


def main_reading(char: str) -> str:
    """A character's usual reading, tones dropped (单 is dan, not chan); "" if it has none."""
    return _main_readings().get(char, "")
