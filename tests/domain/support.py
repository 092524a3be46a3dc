"""Helpers shared by the domain tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "corpus"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    """``"2026-11-20 09:00"`` as an aware Asia/Shanghai time (tests never use the host's zone)."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)
