"""Where the benchmark meets the dashboard (``plugins/dashboard``): its 总览 page fetched
through the bot's own ASGI app (FastAPI routing, the signed link, the figures, the 12-month
trend, the charts and the HTML; only the socket is left out), for the city office and for one
unit.

- city, trend computed: the page as people mostly see it, the eleven months before the one
  shown already in the trend's memory (a view after the first, or after ``/看板`` warmed it);
- city, first view: the trend's memory emptied first, so the page computes twelve months;
- one unit: a coordinator's page.

If the dashboard's interface changes, this is the one file to adjust.
"""

from __future__ import annotations

import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

# The QQ number the benchmark signs its city link for (a SUPERUSER of the bench's bot).
CITY_OFFICE = 90000
_TOTAL = re.compile(r'<tr data-row="合计" class="total">(.*?)</tr>', re.S)
_CELL = re.compile(r'data-f="(\w+)">([^<]*)<')


async def _missing(*_: Any) -> str:
    raise RuntimeError("plugins.dashboard is not available")


@dataclass
class BoardHook:
    available: bool
    description: str
    city: Callable[[], Awaitable[str]] = _missing
    city_first: Callable[[], Awaitable[str]] = _missing
    one_unit: Callable[[int], Awaitable[str]] = _missing


def total_row(html: str) -> dict[str, int]:
    """The whole numbers of the page's 合计 row."""
    match = _TOTAL.search(html)
    if match is None:
        return {}
    return {k: int(v) for k, v in _CELL.findall(match.group(1)) if v.isdigit()}


def board_functions(month_key: str) -> BoardHook:
    """Call after the bot's plugins are loaded and the units synced."""
    try:
        from plugins.dashboard import routes, trend
    except ImportError as error:
        return BoardHook(False, f"plugins.dashboard not merged on this branch ({error})")
    import httpx
    import nonebot

    from dutybot.board.access import make_token

    def link(qq: int) -> str:
        token = make_token(routes.signing_key(), qq, int(time.time()) + 3600)
        return f"{routes.PREFIX}/{token}/"

    transport = httpx.ASGITransport(app=nonebot.get_asgi())

    async def fetch(path: str) -> str:
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            response = await client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return response.text

    async def city() -> str:
        return await fetch(link(CITY_OFFICE) + f"?month={month_key}")

    async def city_first() -> str:
        trend.forget()
        return await city()

    async def one_unit(unit_id: int) -> str:
        from plugins.duty.units import all_served

        served = next(s for s in all_served() if s.unit_id == unit_id)
        coordinator = served.unit.coordinators[0]
        return await fetch(link(coordinator) + f"?month={month_key}")

    return BoardHook(
        True,
        "GET of the dashboard's 总览 through the bot's ASGI app: the city office's (with the "
        "12-month trend already computed, and its first view) and a unit coordinator's",
        city,
        city_first,
        one_unit,
    )
