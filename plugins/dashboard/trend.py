"""The 12-month trend of the dashboard, from the monthly summary's own figures
(``figures.site_figures`` for a unit, ``figures.city_figures`` for several), with the months
that are over kept in memory: the city's trend is twelve city-wide summaries, too slow to
recompute on every view, and a month that is over rarely changes.

When it does change, the cache hears of it: every ORM flush in this process is looked at
(:func:`install`), and a check-in, roster entry, daily report, problem or problem event dated
in a cached month (by its old or new dates) drops that month and every later one; any bulk
statement through a session drops everything. Writes by another process (``dutybot import``
while the bot runs, a second bot process) are not seen: a cached month is recomputed after
:data:`MAX_AGE` seconds at the latest. The month being looked at is never taken from here:
the page computes it fresh, so it always equals /月报.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from sqlalchemy import event, inspect
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from dutybot import clock
from dutybot.board.pages import TREND_MONTHS, TrendPoint
from dutybot.monthly import Period, SiteFigures, combine, month_period
from plugins.duty.model import Checkin, RosterEntry
from plugins.ledger.model import Problem, ProblemEvent
from plugins.monthly import figures
from plugins.reports.model import DailyReport, ReportActivity

MAX_AGE = 600.0
# Up to this many units are summed from their own summaries; more take the city's query.
FEW_UNITS = 10

Scope = tuple[int, ...]

# (scope, month key) → (when computed, monotonic; the month's period; the scope's total)
_cache: dict[tuple[Scope, str], tuple[float, Period, SiteFigures]] = {}
_locks: dict[Scope, asyncio.Lock] = {}


def forget(since: date | None = None) -> None:
    """Drop the cached months that end on or after ``since`` (all of them without it)."""
    for key, (_, period, _) in list(_cache.items()):
        if since is None or period.last >= since:
            _cache.pop(key, None)


def months_before(period: Period, count: int, today: date) -> list[Period]:
    """The ``count`` months before ``period``'s, oldest first, as /月报 would take them."""
    result = []
    year, month = period.first.year, period.first.month
    for _ in range(count):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        result.append(month_period(year, month, today))
    return list(reversed(result))


async def month_total(
    session: AsyncSession,
    unit_ids: Scope,
    period: Period,
    labels: Mapping[int, str] | None = None,
) -> SiteFigures:
    """The scope's total for one period, as the summary computes it."""
    if len(unit_ids) <= FEW_UNITS:
        parts = []
        for unit_id in unit_ids:
            parts.append(combine(await figures.site_figures(session, unit_id, period, labels)))
        return combine(parts)
    rows = await figures.city_figures(session, period, list(unit_ids))
    return combine([row.figures for row in rows])


async def trend(
    session: AsyncSession,
    unit_ids: Scope,
    period: Period,
    current: SiteFigures,
    today: date | None = None,
) -> list[TrendPoint]:
    """Twelve months ending with ``period``, whose figures (``current``) the caller has."""
    today = today or clock.today()
    lock = _locks.setdefault(unit_ids, asyncio.Lock())
    points = []
    async with lock:  # two views of the same scope compute each month once
        for month in months_before(period, TREND_MONTHS - 1, today):
            points.append(TrendPoint(month, await _month(session, unit_ids, month, today)))
    points.append(TrendPoint(period, current))
    return points


async def _month(session: AsyncSession, unit_ids: Scope, period: Period, today: date):
    key = (unit_ids, period.key)
    found = _cache.get(key)
    if found is not None and time.monotonic() - found[0] < MAX_AGE and found[1] == period:
        return found[2]
    total = await month_total(session, unit_ids, period)
    if period.last < today and not period.partial:  # over: kept until something changes it
        _cache[key] = (time.monotonic(), period, total)
    return total


# ---------------------------------------------------------------------------------------------
# Hearing of changes

_DATED = {
    Checkin: ("duty_date",),
    RosterEntry: ("duty_date",),
    DailyReport: ("duty_date",),
    Problem: ("found_on", "resolved_on", "due_on"),
    ProblemEvent: ("at",),
}


def _dates_of(instance: object) -> Iterable[date] | None:
    """The dates a changed row had or has; None when they cannot be told."""
    fields = _DATED.get(type(instance))
    if fields is None:
        return None
    state = inspect(instance)
    dates: list[date] = []
    for name in fields:
        history = state.attrs[name].history
        for value in (*history.added, *history.unchanged, *history.deleted):
            if isinstance(value, datetime):
                dates.append(clock.to_local(value).date())
            elif isinstance(value, date):
                dates.append(value)
    return dates


def _after_flush(session: Session, _context: object) -> None:
    if not _cache:
        return
    earliest: date | None = None
    for instance in (*session.new, *session.dirty, *session.deleted):
        if isinstance(instance, ReportActivity):
            continue  # it comes and goes with its report, which carries the date
        if type(instance) not in _DATED:
            continue
        dates = _dates_of(instance)
        if not dates:
            forget()
            return
        first = min(dates)
        earliest = first if earliest is None else min(earliest, first)
    if earliest is not None:
        forget(earliest)


_TABLES = frozenset(
    model.__table__.name  # type: ignore[attr-defined]
    for model in (*_DATED, ReportActivity)
)


def _on_execute(state) -> None:
    # INSERT/UPDATE/DELETE statements through a session (not the unit of work) on the tables
    # the figures read: which rows they touch is not known here, so nothing cached is trusted
    # after them. Text statements are not looked into: the same.
    if not _cache or state.is_select:
        return
    table = getattr(state.statement, "table", None)
    if table is None or getattr(table, "name", None) in _TABLES:
        forget()


_installed = False


def install() -> None:
    global _installed
    if not _installed:
        event.listen(Session, "after_flush", _after_flush)
        event.listen(Session, "do_orm_execute", _on_execute)
        _installed = True


# ---------------------------------------------------------------------------------------------
# Warming up

_warming: set[asyncio.Task] = set()


async def warm(unit_ids: Scope, period: Period) -> None:
    """Compute the months before ``period`` now, so that the first view is quick."""
    from nonebot_plugin_orm import get_session

    today = clock.today()
    lock = _locks.setdefault(unit_ids, asyncio.Lock())
    async with lock, get_session() as session:
        for month in months_before(period, TREND_MONTHS - 1, today):
            await _month(session, unit_ids, month, today)


def warm_soon(unit_ids: Scope, period: Period) -> None:
    """:func:`warm` in the background (a failure is logged, nothing else)."""
    from nonebot import logger

    async def run() -> None:
        try:
            await warm(unit_ids, period)
        except Exception:
            logger.exception("看板趋势图预先计算出错（打开页面时会再算）")

    task = asyncio.get_running_loop().create_task(run())
    _warming.add(task)
    task.add_done_callback(_warming.discard)


def stop_warming() -> None:
    for task in list(_warming):
        task.cancel()
