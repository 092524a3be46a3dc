"""What the parser returns: items, activities, problems and one site's report (REPORTS.md form)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# Reports are a few hundred characters; past this the text is a paste, not a report.
MAX_ANALYSED_CHARS = 4000
# No report names this many problems; past it, the text is not one (and reading stops, which
# keeps every message's cost bounded).
MAX_ITEMS = 60
# Likewise for clauses read in one site's text (the longest of the 13 corpus files' reports has 43;
# fewer keeps the slowest adversarial message as fast as before the parser read more).
MAX_CLAUSES = 120

ACTIVITY_UNITS = {
    "劝导": "人次",
    "发放宣传资料": "份",
    "入户宣传": "户",
    "问卷调查": "份",
    "志愿服务": "人次",
}


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Item:
    category: str
    text: str
    count: int

    def to_contract(self) -> dict[str, Any]:
        return {"category": self.category, "text": self.text, "count": self.count}


@dataclass(frozen=True)
class Activity:
    kind: str
    count: int
    unit: str

    def to_contract(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "unit": self.unit}


@dataclass(frozen=True)
class ReportedProblem:
    """A found item together with how much of it was fixed, for the problem ledger."""

    category: str
    text: str
    count: int
    resolved: int
    fix_text: str = ""


@dataclass(frozen=True)
class ParsedReport:
    """One site's report; the totals are derived from the items, so they always agree."""

    date: date
    site: str | None
    staff: tuple[str, ...] = ()
    found: tuple[Item, ...] = ()
    resolved: tuple[Item, ...] = ()
    activities: tuple[Activity, ...] = ()
    found_total: int = field(init=False, default=0)
    resolved_total: int = field(init=False, default=0)
    pending_total: int = field(init=False, default=0)
    # Short Chinese phrases about what could not be understood, for the bot's reply.
    notes: tuple[str, ...] = ()
    # ``found`` paired with ``resolved``: one entry per found item.
    problems: tuple[ReportedProblem, ...] = ()
    # People the text says did not come (未到, 请假, 缺席, 出差, 没来): canonical names for listed
    # staff, else as written. They are not in ``staff``.
    absent: tuple[str, ...] = ()
    # Sentences or paragraphs of this site's text that repeated an earlier one word for word and
    # were read once (a message pasted twice).
    repeated_sentences: int = 0

    def __post_init__(self) -> None:
        found_total = sum(item.count for item in self.found)
        resolved_total = sum(item.count for item in self.resolved)
        object.__setattr__(self, "found_total", found_total)
        object.__setattr__(self, "resolved_total", resolved_total)
        object.__setattr__(self, "pending_total", max(0, found_total - resolved_total))

    def to_contract(self) -> dict[str, Any]:
        """The REPORTS.md form (notes are for the chat reply and are not part of it)."""
        return {
            "date": self.date.isoformat(),
            "site": self.site,
            "staff": list(self.staff),
            "found": [item.to_contract() for item in self.found],
            "resolved": [item.to_contract() for item in self.resolved],
            "activities": [activity.to_contract() for activity in self.activities],
            "found_total": self.found_total,
            "resolved_total": self.resolved_total,
            "pending_total": self.pending_total,
        }
