"""Where the benchmark meets ``/月报`` (``plugins/monthly``): the work the command does for
one unit, and ``dutybot report`` for the whole city, as functions of a unit id.

- one unit: ``delivery.build_summary`` (``figures.unit_summary``: every figure by SQL) and
  ``render_chat``, the text /月报 answers with; separately the same plus the Excel workbook
  the command also writes (``delivery.make_workbook``);
- whole city: ``figures.city_figures`` and ``render_city``, what ``dutybot report 2026-11``
  prints.

Without the plugin (a branch before it was merged) the benchmark times only the floor. If its
interface changes, this is the one file to adjust.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

# Figures the floor computes too: /月报's totals must come out the same.
COMPARED = ("rostered", "present", "reports", "found", "resolved", "unresolved", "reopened")


async def _missing(*_: Any) -> None:
    raise RuntimeError("plugins.monthly is not available")


@dataclass
class MonthlyHook:
    available: bool
    description: str
    one_unit: Callable[[int], Awaitable[Any]]
    whole_city: Callable[[], Awaitable[Any]]
    one_unit_with_excel: Callable[[int], Awaitable[Any]] = _missing

    @staticmethod
    def agrees_unit(summary: Any, floor: dict[str, int]) -> bool | None:
        """The unit's per-site figures, summed, against the floor's totals."""
        return _agrees(getattr(summary, "sites", ()), floor)

    @staticmethod
    def agrees_city(rows: Any, floor: dict[int, dict[str, int]]) -> bool | None:
        """Every unit's totals summed, against the floor's (the rows do not carry unit ids)."""
        totals = {name: sum(unit[name] for unit in floor.values()) for name in COMPARED}
        return _agrees([getattr(row, "figures", None) for row in rows], totals)


def _agrees(figures: Any, floor: dict[str, int]) -> bool | None:
    figures = [f for f in figures if f is not None]
    names = [n for n in COMPARED if figures and all(hasattr(f, n) for f in figures)]
    if not names:
        return None
    return all(sum(int(getattr(f, n) or 0) for f in figures) == floor[n] for n in names)


def monthly_functions(first: date, last: date, data_dir: Path) -> MonthlyHook:
    """/月报's work for the month ``first``..``last``, each call in its own session as the
    command opens one. Call after the bot's plugins are loaded and the units synced."""
    try:
        from dutybot import monthly
        from plugins.monthly import delivery, figures
    except ImportError as error:
        return MonthlyHook(
            False, f"plugins.monthly not merged on this branch ({error})", _missing, _missing
        )
    from nonebot_plugin_orm import get_session

    from plugins.duty import units

    period = monthly.Period(first, last)
    served = {s.unit_id: s for s in units.all_served()}

    async def one_unit(unit_id: int) -> Any:
        async with get_session() as session:
            summary = await delivery.build_summary(session, served[unit_id], period)
        monthly.render_chat(summary)
        return summary

    async def one_unit_with_excel(unit_id: int) -> Any:
        async with get_session() as session:
            summary = await delivery.build_summary(session, served[unit_id], period)
            await delivery.make_workbook(session, served[unit_id], summary, data_dir)
        monthly.render_chat(summary)
        return summary

    async def whole_city() -> Any:
        async with get_session() as session:
            rows = await figures.city_figures(session, period, list(served))
        monthly.render_city(period, rows)
        return rows

    return MonthlyHook(
        True,
        "one unit: delivery.build_summary (figures.unit_summary) + render_chat, as /月报; "
        "whole city: figures.city_figures + render_city, as dutybot report",
        one_unit,
        whole_city,
        one_unit_with_excel,
    )
