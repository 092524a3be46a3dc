"""The summary's figures, computed by the database.

Every figure is an aggregate query (GROUP BY site, or by unit for the city), filtered on the
indexed columns (unit_id with duty_date / found_on / resolved_on), so that a city-wide
deployment with years of data stays fast: no query loads the period's check-ins, reports or
problems row by row. What comes back is bounded by the number of sites, people, categories
and (found_on, resolved_on) date pairs, never by the number of records.

The exact definitions are on :class:`dutybot.monthly.SiteFigures` and
:class:`dutybot.monthly.PersonFigures`; README "月报的口径" says the same in Chinese.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.ledger import UNRESOLVED, Action, PhotoStage, PhotoStatus, Status
from dutybot.monthly import (
    OLDEST_SHOWN,
    PHOTO_PAIRS,
    CityRow,
    Count,
    OpenProblem,
    Period,
    PersonFigures,
    PhotoPair,
    SiteFigures,
    UnitSummary,
    combine,
)
from dutybot.text import without_brackets
from plugins.duty.model import Checkin, RosterEntry, RosterStatus, Site, Staff, Unit
from plugins.duty.select_many import Query, select_many
from plugins.ledger.model import Photo, Problem, ProblemEvent
from plugins.reports.model import DailyReport, ReportActivity, ReportStatus

NO_SITE = "未注明地点"


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The period as naive UTC [start, end): local midnight of ``first`` to that after ``last``."""
    zone = clock.timezone()
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    return clock.to_utc_naive(start), clock.to_utc_naive(end)


# Every statement is built once per shape, with bind parameters, and the statements of a
# summary go to the database together (``select_many``: one trip to SQLite's thread): built on
# every call and sent one by one, their Python cost was ten times SQLite's own.
_UNIT = sa.bindparam("unit_id", type_=sa.Integer)
_FIRST = sa.bindparam("first", type_=sa.Date)
_LAST = sa.bindparam("last", type_=sa.Date)
_START = sa.bindparam("start", type_=sa.DateTime)
_END = sa.bindparam("end", type_=sa.DateTime)


def _period_values(period: Period, unit_id: int | None = None) -> dict[str, Any]:
    start, end = utc_bounds(period.first, period.last)
    values: dict[str, Any] = {
        "first": period.first,
        "last": period.last,
        "start": start,
        "end": end,
    }
    if unit_id is not None:
        values["unit_id"] = unit_id
    return values


def _day_bounds(days: int):
    """A small derived table (day, start, end): each local day of the period with its UTC
    bounds, so that "sent on the duty date" needs no timezone arithmetic in SQL. Its values
    are ``_day_values``."""
    selects = [
        sa.select(
            sa.bindparam(f"day_{i}", type_=sa.Date).label("day"),
            sa.bindparam(f"starts_{i}", type_=sa.DateTime).label("starts"),
            sa.bindparam(f"ends_{i}", type_=sa.DateTime).label("ends"),
        )
        for i in range(days)
    ]
    return sa.union_all(*selects).subquery("days")


def _day_values(period: Period) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for i, day in enumerate(period.each_day()):
        values[f"day_{i}"] = day
        values[f"starts_{i}"], values[f"ends_{i}"] = utc_bounds(day, day)
    return values


class _Scope:
    """Which rows a query covers and what it groups on: one unit by site, or every unit."""

    def __init__(self, one_unit: bool) -> None:
        self.one_unit = one_unit
        self.by = "site_id" if one_unit else "unit_id"

    def key(self, model: Any):
        return getattr(model, self.by)

    def where(self, model: Any):
        return model.unit_id == _UNIT if self.one_unit else sa.true()


def _counted_problem():
    return Problem.status != Status.WITHDRAWN


def _one_of(column: Any, values: Any):
    # Equalities, not IN (…): a statement kept for reuse has no list parameter. SQLite and
    # PostgreSQL plan them alike.
    return sa.or_(*(column == value for value in sorted(values)))


def _status_unresolved():
    return _one_of(Problem.status, UNRESOLVED)


def _unresolved_at():
    """Found by the period's last day and not resolved by its end (see SiteFigures.unresolved)."""
    return sa.and_(
        _counted_problem(),
        Problem.found_on <= _LAST,
        sa.or_(_status_unresolved(), Problem.resolved_on > _LAST),
    )


@cache
def _figure_statements(one_unit: bool) -> dict[str, Any]:
    """The statements of every SiteFigures field, by site (one unit) or by unit (the city)."""
    scope = _Scope(one_unit)
    statements: dict[str, Any] = {}

    # Duty: planned entries and the days that had any.
    planned = sa.and_(
        scope.where(RosterEntry),
        RosterEntry.duty_date.between(_FIRST, _LAST),
        RosterEntry.status == RosterStatus.PLANNED,
    )
    statements["rostered"] = (
        sa.select(scope.key(RosterEntry), sa.func.count())
        .where(planned)
        .group_by(scope.key(RosterEntry))
    )
    planned_days = (
        sa.select(scope.key(RosterEntry).label("key"), RosterEntry.site_id, RosterEntry.duty_date)
        .where(planned)
        .distinct()
        .subquery()
    )
    statements["planned_duties"] = sa.select(planned_days.c.key, sa.func.count()).group_by(
        planned_days.c.key
    )

    # Attendance: check-ins (one row per person, day and site by a unique key).
    checkins = sa.and_(scope.where(Checkin), Checkin.duty_date.between(_FIRST, _LAST))
    statements["present"] = (
        sa.select(scope.key(Checkin), sa.func.count()).where(checkins).group_by(scope.key(Checkin))
    )
    statements["present_rostered"] = _rostered_checkins(scope, scope.key(RosterEntry))

    # Days held: a check-in or an active report.
    active_reports = sa.and_(
        scope.where(DailyReport),
        DailyReport.duty_date.between(_FIRST, _LAST),
        DailyReport.status == ReportStatus.ACTIVE,
    )
    held = sa.union(
        sa.select(scope.key(Checkin).label("key"), Checkin.site_id, Checkin.duty_date).where(
            checkins
        ),
        sa.select(
            scope.key(DailyReport).label("key"), DailyReport.site_id, DailyReport.duty_date
        ).where(active_reports, DailyReport.site_id.is_not(None)),
    ).subquery()
    statements["held_duties"] = sa.select(held.c.key, sa.func.count()).group_by(held.c.key)
    # One duty, one report: several members' reports of a site's day count as one.
    reported_duties = (
        sa.select(scope.key(DailyReport).label("key"), DailyReport.site_id, DailyReport.duty_date)
        .where(active_reports)
        .distinct()
        .subquery()
    )
    statements["reports"] = sa.select(reported_duties.c.key, sa.func.count()).group_by(
        reported_duties.c.key
    )
    # A second report repeating the first is not summed twice: each duty counts the largest
    # telling of each kind of work.
    per_duty = (
        sa.select(
            scope.key(DailyReport).label("key"),
            ReportActivity.kind,
            ReportActivity.unit,
            sa.func.max(ReportActivity.count).label("count"),
        )
        .join(DailyReport, DailyReport.id == ReportActivity.report_id)
        .where(active_reports)
        .group_by(
            scope.key(DailyReport),
            DailyReport.site_id,
            DailyReport.duty_date,
            ReportActivity.kind,
            ReportActivity.unit,
        )
        .subquery()
    )
    statements["activities"] = sa.select(
        per_duty.c.key, per_duty.c.kind, per_duty.c.unit, sa.func.sum(per_duty.c.count)
    ).group_by(per_duty.c.key, per_duty.c.kind, per_duty.c.unit)

    # Problems.
    problems = sa.and_(scope.where(Problem), _counted_problem())
    statements["found"] = (
        sa.select(scope.key(Problem), Problem.category, sa.func.sum(Problem.quantity))
        .where(problems, Problem.found_on.between(_FIRST, _LAST))
        .group_by(scope.key(Problem), Problem.category)
    )
    in_time = sa.case((Problem.resolved_on <= Problem.due_on, Problem.resolved_quantity), else_=0)
    statements["resolved"] = (
        sa.select(
            scope.key(Problem),
            Problem.category,
            sa.func.sum(Problem.resolved_quantity),
            sa.func.sum(in_time),
        )
        .where(problems, Problem.resolved_on.between(_FIRST, _LAST))
        .group_by(scope.key(Problem), Problem.category)
    )
    # Open at the end: still open now, or resolved after the period. For one unit, two
    # selective parts (the status index, the resolved_on index) rather than one OR over all its
    # history; for the city, one pass over the table (with found_on as an expression, not the
    # column: SQLite would otherwise walk the (unit_id, found_on) index for nearly every row,
    # three times slower).
    overdue = sa.case((Problem.due_on < _LAST, Problem.quantity), else_=0).label("overdue")
    if one_unit:
        open_at_end = sa.union_all(
            *(
                sa.select(scope.key(Problem).label("key"), Problem.quantity, overdue).where(
                    scope.where(Problem), _counted_problem(), Problem.found_on <= _LAST, part
                )
                for part in (_status_unresolved(), Problem.resolved_on > _LAST)
            )
        ).subquery()
    else:
        open_at_end = (
            sa.select(scope.key(Problem).label("key"), Problem.quantity, overdue)
            .where(
                _counted_problem(),
                sa.func.coalesce(Problem.found_on, Problem.found_on) <= _LAST,
                sa.or_(_status_unresolved(), Problem.resolved_on > _LAST),
            )
            .subquery()
        )
    statements["unresolved"] = sa.select(
        open_at_end.c.key,
        sa.func.sum(open_at_end.c.quantity),
        sa.func.sum(open_at_end.c.overdue),
    ).group_by(open_at_end.c.key)
    reopenings = (
        sa.select(ProblemEvent.problem_id, sa.func.count().label("times"))
        .where(
            scope.where(ProblemEvent),
            ProblemEvent.action == Action.REOPEN,
            ProblemEvent.at >= _START,
            ProblemEvent.at < _END,
        )
        .group_by(ProblemEvent.problem_id)
        .subquery()
    )
    statements["reopened"] = (
        sa.select(scope.key(Problem), sa.func.sum(Problem.quantity * reopenings.c.times))
        .join(reopenings, reopenings.c.problem_id == Problem.id)
        .where(_counted_problem())
        .group_by(scope.key(Problem))
    )
    # Days to resolve, as a histogram per (found_on, resolved_on) pair: bounded by the dates,
    # not the problems, and the day arithmetic stays out of SQL (SQLite and PostgreSQL differ).
    statements["durations"] = (
        sa.select(scope.key(Problem), Problem.found_on, Problem.resolved_on, sa.func.count())
        .where(problems, Problem.resolved_on.between(_FIRST, _LAST))
        .group_by(scope.key(Problem), Problem.found_on, Problem.resolved_on)
    )
    return statements


def _figures_from(rows: Mapping[str, list[tuple]]) -> dict[int | None, dict[str, Any]]:
    """Every SiteFigures field, by site or unit, from the rows of ``_figure_statements``."""
    values: dict[int | None, dict[str, Any]] = defaultdict(dict)

    def put(name: str, *fields: str) -> None:
        for key, *rest in rows[name]:
            for field, value in zip(fields, rest, strict=True):
                values[key][field] = int(value or 0)

    put("rostered", "rostered")
    put("planned_duties", "planned_duties")
    put("present", "present")
    put("present_rostered", "present_rostered")
    put("held_duties", "held_duties")
    put("reports", "reports")
    activities: dict[int | None, list[Count]] = defaultdict(list)
    for key, kind, unit, total in rows["activities"]:
        activities[key].append(Count(kind, int(total or 0), unit))
    found: dict[int | None, list[Count]] = defaultdict(list)
    for key, category, quantity in rows["found"]:
        found[key].append(Count(category, int(quantity or 0)))
    resolved: dict[int | None, list[Count]] = defaultdict(list)
    for key, category, quantity, on_time in rows["resolved"]:
        resolved[key].append(Count(category, int(quantity or 0)))
        values[key]["resolved_in_time"] = values[key].get("resolved_in_time", 0) + int(on_time or 0)
    put("unresolved", "unresolved", "unresolved_overdue")
    put("reopened", "reopened")
    durations: dict[int | None, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for key, found_on, resolved_on, problem_count in rows["durations"]:
        if resolved_on is not None:  # always, by the filter
            durations[key][max(0, (resolved_on - found_on).days)] += int(problem_count)

    for key, counts in found.items():
        values[key]["found"] = sum(c.count for c in counts)
        values[key]["found_by_category"] = _ordered(counts)
    for key, counts in resolved.items():
        values[key]["resolved"] = sum(c.count for c in counts)
        values[key]["resolved_by_category"] = _ordered(counts)
    for key, counts in activities.items():
        values[key]["activities"] = _ordered(counts)
    for key, histogram in durations.items():
        values[key]["days_to_resolve"] = tuple(sorted(histogram.items()))
    return values


class _Reads:
    """The statements of one summary, sent together; each part takes its rows back."""

    def __init__(self) -> None:
        self.queries: list[Query] = []

    def add(self, statement: Any, values: Mapping[str, Any]) -> int:
        self.queries.append((statement, values))
        return len(self.queries) - 1

    def add_all(self, statements: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, int]:
        return {name: self.add(statement, values) for name, statement in statements.items()}

    async def run(self, session: AsyncSession) -> list[list[tuple]]:
        return await select_many(session, self.queries)


def _rostered_checkins(scope: _Scope, key: Any):
    """Check-ins whose person was rostered (planned) at that site that day, counted by ``key``
    (a roster column): the period's planned entries, each looking its check-in up by the
    check-ins' unique key. A check-in counts once however many entries match it."""
    return (
        sa.select(key, sa.func.count(sa.distinct(Checkin.id)))
        .select_from(RosterEntry)
        .join(
            Checkin,
            sa.and_(
                Checkin.site_id == RosterEntry.site_id,
                Checkin.staff_id == RosterEntry.staff_id,
                Checkin.duty_date == RosterEntry.duty_date,
            ),
        )
        .where(
            scope.where(RosterEntry),
            RosterEntry.duty_date.between(_FIRST, _LAST),
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .group_by(key)
    )


def _ordered(counts: list[Count]) -> tuple[Count, ...]:
    return tuple(sorted(counts, key=lambda c: (-c.count, c.label, c.unit)))


@cache
def _site_statement():
    return sa.select(Site.id, Site.name, Site.active).where(Site.unit_id == _UNIT).order_by(Site.id)


def _sites_from(
    sites: list[tuple],
    values: Mapping[int | None, dict[str, Any]],
    labels: Mapping[int, str],
) -> tuple[SiteFigures, ...]:
    result = []
    for site_id, name, active in sites:
        if active or site_id in values:
            label = labels.get(site_id) or without_brackets(name) or name
            result.append(
                SiteFigures(name=name, label=label, site_id=site_id, **values.get(site_id, {}))
            )
    if None in values:
        # Only records from before reports without a site were held (or an import) land here;
        # a block with nothing in it is not shown.
        no_site = SiteFigures(name=NO_SITE, label=NO_SITE, site_id=None, **values[None])
        if not no_site.is_empty:
            result.append(no_site)
    return tuple(result)


def _add_site_figures(reads: _Reads, unit_id: int, period: Period):
    values = _period_values(period, unit_id)
    figures = reads.add_all(_figure_statements(True), values)
    sites = reads.add(_site_statement(), values)

    def take(rows: list[list[tuple]], labels: Mapping[int, str]) -> tuple[SiteFigures, ...]:
        by_site = _figures_from({name: rows[index] for name, index in figures.items()})
        return _sites_from(rows[sites], by_site, labels)

    return take


async def site_figures(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    labels: Mapping[int, str] | None = None,
) -> tuple[SiteFigures, ...]:
    """The unit's figures per site: its active sites in order (with zeros where nothing
    happened), then inactive sites with figures, then 未注明地点 for problems and reports
    with no site, if any."""
    reads = _Reads()
    take = _add_site_figures(reads, unit_id, period)
    return take(await reads.run(session), labels or {})


_STATUS_FIELD = {
    RosterStatus.PLANNED: "duties",
    RosterStatus.LEAVE: "leave",
    RosterStatus.SWAPPED: "swapped",
}


@cache
def _person_statements(days: int) -> dict[str, Any]:
    statements: dict[str, Any] = {}
    statements["roster"] = (
        sa.select(RosterEntry.staff_id, RosterEntry.status, sa.func.count())
        .where(
            RosterEntry.unit_id == _UNIT,
            RosterEntry.duty_date.between(_FIRST, _LAST),
            _one_of(RosterEntry.status, _STATUS_FIELD),
        )
        .group_by(RosterEntry.staff_id, RosterEntry.status)
    )
    unit_checkins = sa.and_(Checkin.unit_id == _UNIT, Checkin.duty_date.between(_FIRST, _LAST))
    statements["totals"] = (
        sa.select(Checkin.staff_id, sa.func.count()).where(unit_checkins).group_by(Checkin.staff_id)
    )
    statements["matched"] = _rostered_checkins(_Scope(True), RosterEntry.staff_id)
    day_bounds = _day_bounds(days)
    statements["reports_on_day"] = (
        sa.select(RosterEntry.staff_id, sa.func.count(sa.distinct(RosterEntry.id)))
        .join(Staff, Staff.id == RosterEntry.staff_id)
        .join(day_bounds, day_bounds.c.day == RosterEntry.duty_date)
        .join(
            DailyReport,
            sa.and_(
                DailyReport.unit_id == RosterEntry.unit_id,
                DailyReport.duty_date == RosterEntry.duty_date,
                DailyReport.sender_qq == Staff.qq,
                DailyReport.status == ReportStatus.ACTIVE,
                sa.or_(DailyReport.site_id == RosterEntry.site_id, DailyReport.site_id.is_(None)),
                DailyReport.sent_at >= day_bounds.c.starts,
                DailyReport.sent_at < day_bounds.c.ends,
            ),
        )
        .where(
            RosterEntry.unit_id == _UNIT,
            RosterEntry.duty_date.between(_FIRST, _LAST),
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .group_by(RosterEntry.staff_id)
    )
    # The unit's whole staff list (a few dozen rows): those with figures are kept.
    statements["staff"] = (
        sa.select(Staff.id, Staff.name, Staff.department)
        .where(Staff.unit_id == _UNIT)
        .order_by(Staff.id)
    )
    return statements


def _add_person_figures(reads: _Reads, unit_id: int, period: Period):
    values = {**_period_values(period, unit_id), **_day_values(period)}
    indexes = reads.add_all(_person_statements(period.days), values)

    def take(rows: list[list[tuple]]) -> tuple[PersonFigures, ...]:
        return _people_from({name: rows[index] for name, index in indexes.items()})

    return take


def _people_from(rows: Mapping[str, list[tuple]]) -> tuple[PersonFigures, ...]:
    values: dict[int, dict[str, int]] = defaultdict(dict)
    for staff_id, status, count in rows["roster"]:
        values[staff_id][_STATUS_FIELD[RosterStatus(status)]] = int(count)
    totals = dict(rows["totals"])
    matched = dict(rows["matched"])
    for staff_id, total in totals.items():
        values[staff_id]["present"] = int(matched.get(staff_id, 0))
        values[staff_id]["extra"] = int(total) - int(matched.get(staff_id, 0))
    for staff_id, duties in rows["reports_on_day"]:
        values[staff_id]["reports_on_day"] = int(duties)

    if not values:
        return ()
    staff = [row for row in rows["staff"] if row[0] in values]
    department_order: dict[str, int] = {}
    for _, _, department in staff:
        department_order.setdefault(department, len(department_order))
    people = [
        PersonFigures(name=name, department=department, staff_id=staff_id, **values[staff_id])
        for staff_id, name, department in staff
    ]
    people.sort(key=lambda p: (department_order[p.department], p.staff_id or 0))
    return tuple(p for p in people if not p.is_empty)


async def person_figures(
    session: AsyncSession, unit_id: int, period: Period
) -> tuple[PersonFigures, ...]:
    """Each person with any duty, leave, swap or check-in in the period, in the order of the
    staff list (departments together in the order they first appear)."""
    reads = _Reads()
    take = _add_person_figures(reads, unit_id, period)
    return take(await reads.run(session))


@cache
def _oldest_statement(limit: int):
    return (
        sa.select(
            Problem.number,
            Problem.site_id,
            Site.name,
            Problem.category,
            Problem.description,
            Problem.quantity,
            Problem.found_on,
            Problem.due_on,
            Problem.coordinating_with,
        )
        .outerjoin(Site, Site.id == Problem.site_id)
        .where(Problem.unit_id == _UNIT, _unresolved_at())
        .order_by(Problem.found_at, Problem.number)
        .limit(limit)
    )


def _add_oldest_open(reads: _Reads, unit_id: int, period: Period, limit: int):
    index = reads.add(_oldest_statement(limit), _period_values(period, unit_id))

    def take(rows: list[list[tuple]], labels: Mapping[int, str]) -> tuple[OpenProblem, ...]:
        return tuple(
            OpenProblem(
                number=number,
                site_label=_label(site_id, site_name, labels),
                category=category,
                description=description,
                quantity=quantity,
                found_on=found_on,
                due_on=due_on,
                coordinating_with=coordinating_with,
            )
            for (
                number,
                site_id,
                site_name,
                category,
                description,
                quantity,
                found_on,
                due_on,
                coordinating_with,
            ) in rows[index]
        )

    return take


async def oldest_open(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    labels: Mapping[int, str] | None = None,
    limit: int = OLDEST_SHOWN,
) -> tuple[OpenProblem, ...]:
    """The problems longest unresolved at the end of the period, oldest first."""
    reads = _Reads()
    take = _add_oldest_open(reads, unit_id, period, limit)
    return take(await reads.run(session), labels or {})


def _label(site_id: int | None, name: str | None, labels: Mapping[int, str]) -> str:
    if site_id is None or name is None:
        return NO_SITE
    return labels.get(site_id) or without_brackets(name) or name


@cache
def _coordinated_statement():
    return (
        sa.select(Problem.coordinating_with, sa.func.sum(Problem.quantity))
        .where(
            Problem.unit_id == _UNIT,
            _counted_problem(),
            Problem.coordinating_with.is_not(None),
            sa.or_(
                Problem.found_on.between(_FIRST, _LAST),
                Problem.resolved_on.between(_FIRST, _LAST),
            ),
        )
        .group_by(Problem.coordinating_with)
    )


def _add_coordinated(reads: _Reads, unit_id: int, period: Period):
    index = reads.add(_coordinated_statement(), _period_values(period, unit_id))

    def take(rows: list[list[tuple]]) -> tuple[Count, ...]:
        return _ordered([Count(body or "", int(total or 0)) for body, total in rows[index]])

    return take


async def coordinated_bodies(
    session: AsyncSession, unit_id: int, period: Period
) -> tuple[Count, ...]:
    """The bodies problems found or resolved in the period were handed to, with their 处."""
    reads = _Reads()
    take = _add_coordinated(reads, unit_id, period)
    return take(await reads.run(session))


@cache
def _unit_name_statement():
    return sa.select(Unit.name).where(Unit.id == _UNIT)


async def unit_summary(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    *,
    unit_name: str | None = None,
    labels: Mapping[int, str] | None = None,
) -> UnitSummary:
    """The whole summary of one unit for a period (the chat text, workbook and report all
    come from it). ``labels`` gives the short site names of the unit file. Its statements
    go to the database together."""
    labels = labels or {}
    reads = _Reads()
    name = (
        None if unit_name is not None else reads.add(_unit_name_statement(), {"unit_id": unit_id})
    )
    sites = _add_site_figures(reads, unit_id, period)
    people = _add_person_figures(reads, unit_id, period)
    oldest = _add_oldest_open(reads, unit_id, period, OLDEST_SHOWN)
    coordinated = _add_coordinated(reads, unit_id, period)
    rows = await reads.run(session)
    if name is not None:
        unit_name = rows[name][0][0] if rows[name] else ""
    return UnitSummary(
        unit_name=unit_name or "",
        period=period,
        sites=sites(rows, labels),
        people=people(rows),
        oldest_open=oldest(rows, labels),
        coordinated_with=coordinated(rows),
    )


@cache
def _units_statement():
    return sa.select(Unit.id, Unit.name).order_by(Unit.name)


async def city_figures(
    session: AsyncSession, period: Period, unit_ids: list[int] | None = None
) -> tuple[CityRow, ...]:
    """Every unit's totals (grouped by unit in SQL), in the order of ``unit_ids`` or by name.
    Units with no records at all show zeros."""
    reads = _Reads()
    figures = reads.add_all(_figure_statements(False), _period_values(period))
    units_index = reads.add(_units_statement(), {})
    rows = await reads.run(session)
    values = _figures_from({name: rows[index] for name, index in figures.items()})
    units = rows[units_index]
    if unit_ids is not None:
        position = {unit_id: index for index, unit_id in enumerate(unit_ids)}
        units = sorted(
            (row for row in units if row[0] in position), key=lambda row: position[row[0]]
        )
    return tuple(
        CityRow(unit_name=name, figures=SiteFigures(name=name, label=name, **values.get(uid, {})))
        for uid, name in units
    )


async def photo_pairs(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    labels: Mapping[int, str] | None = None,
    limit: int = PHOTO_PAIRS,
) -> tuple[PhotoPair, ...]:
    """The period's best before/after pairs: problems resolved in the period with a saved
    photo of each stage; verified ones first, then the larger, then the earlier."""
    labels = labels or {}
    before = _first_photo(PhotoStage.BEFORE, Photo.path)
    after = _first_photo(PhotoStage.AFTER, Photo.path)
    before_at = _first_photo(PhotoStage.BEFORE, Photo.taken_at)
    after_at = _first_photo(PhotoStage.AFTER, Photo.taken_at)
    rows = await session.execute(
        sa.select(
            Problem.number,
            Problem.site_id,
            Site.name,
            Problem.category,
            Problem.description,
            Problem.quantity,
            before,
            after,
            before_at,
            after_at,
        )
        .outerjoin(Site, Site.id == Problem.site_id)
        .where(
            Problem.unit_id == unit_id,
            _counted_problem(),
            Problem.resolved_on.between(period.first, period.last),
            before.is_not(None),
            after.is_not(None),
        )
        .order_by(
            sa.case((Problem.status == Status.VERIFIED, 0), else_=1),
            Problem.quantity.desc(),
            Problem.resolved_at,
            Problem.number,
        )
        .limit(limit)
    )
    return tuple(
        PhotoPair(
            number=number,
            site_label=_label(site_id, site_name, labels),
            category=category,
            description=description,
            quantity=quantity,
            before_path=before_path,
            after_path=after_path,
            before_at=clock.to_local(before_at),
            after_at=clock.to_local(after_at),
        )
        for (
            number,
            site_id,
            site_name,
            category,
            description,
            quantity,
            before_path,
            after_path,
            before_at,
            after_at,
        ) in rows
    )


def _first_photo(stage: PhotoStage, column):
    return (
        sa.select(column)
        .where(
            Photo.problem_id == Problem.id,
            Photo.stage == stage,
            Photo.status == PhotoStatus.SAVED,
        )
        .order_by(Photo.id)
        .limit(1)
        .scalar_subquery()
    )


__all__ = [
    "city_figures",
    "combine",
    "coordinated_bodies",
    "oldest_open",
    "person_figures",
    "photo_pairs",
    "site_figures",
    "unit_summary",
    "utc_bounds",
]
