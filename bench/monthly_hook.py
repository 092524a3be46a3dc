"""Where the benchmark meets ``/月报``: its figure functions for one unit and for the whole
city (``plugins/monthly/figures.py``), written on branch ``monthly``.

Until that plugin is merged, :func:`monthly_functions` says it is not available and the
benchmark times only the floor. If its interface changes, this is the one file to adjust.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

# Figures the floor computes too: /月报's totals must come out the same.
COMPARED = ("rostered", "present", "reports", "found", "resolved", "unresolved", "reopened")


@dataclass
class MonthlyHook:
    available: bool
    description: str
    one_unit: Callable[[int], Awaitable[Any]]
    whole_city: Callable[[], Awaitable[Any]]

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


async def _missing(*_: Any) -> None:
    raise RuntimeError("plugins.monthly is not available")


def monthly_functions(first: date, last: date) -> MonthlyHook:
    """/月报's figures of the month ``first``..``last``, each in its own session as the command
    would open one. Call after the bot's plugins are loaded."""
    try:
        from plugins.monthly import figures

        from dutybot import monthly
    except ImportError as error:
        return MonthlyHook(
            False, f"plugins.monthly not merged on this branch ({error})", _missing, _missing
        )
    from nonebot_plugin_orm import get_session

    period = monthly.Period(first, last)
    # The chat text too, when there is one to make: that is what /月报 answers with.
    render_chat = getattr(monthly, "render_chat", None)
    render_city = getattr(monthly, "render_city", None)

    async def one_unit(unit_id: int) -> Any:
        async with get_session() as session:
            summary = await figures.unit_summary(session, unit_id, period)
        if render_chat is not None:
            render_chat(summary)
        return summary

    async def whole_city() -> Any:
        async with get_session() as session:
            rows = await figures.city_figures(session, period)
        if render_city is not None:
            render_city(period, rows)
        return rows

    return MonthlyHook(
        True,
        "plugins.monthly.figures.unit_summary + dutybot.monthly.render_chat (one unit); "
        "figures.city_figures + render_city (whole city)",
        one_unit,
        whole_city,
    )
