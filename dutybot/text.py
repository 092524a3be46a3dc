"""Small text helpers shared by commands and the report parser."""

from __future__ import annotations

import re
import unicodedata

_BRACKETED = re.compile(r"[（(][^（）()]*[）)]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """A form for comparing what people type: full-width to half-width, no spaces, lower case."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text)).lower()


def without_brackets(text: str) -> str:
    """``玄帝庙街（铁北路至车站西路）路西`` → ``玄帝庙街路西``."""
    return _BRACKETED.sub("", text).strip()


def clip(text: str, limit: int) -> str:
    """Shorten for a chat reply, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
