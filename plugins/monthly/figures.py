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
from plugins.ledger.model import Photo, Problem, ProblemEvent
from plugins.reports.model import DailyReport, ReportActivity, ReportStatus

NO_SITE = "未注明地点"


def utc_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """The period as naive UTC [start, end): local midnight of ``first`` to that after ``last``."""
    zone = clock.timezone()
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    return clock.to_utc_naive(start), clock.to_utc_naive(end)


def _day_bounds(period: Period):
    """A small derived table (day, start, end): each local day of the period with its UTC
    bounds, so that "sent on the duty date" needs no timezone arithmetic in SQL."""
    selects = []
    for day in period.each_day():
        start, end = utc_bounds(day, day)
        selects.append(
            sa.select(
                sa.literal(day, sa.Date).label("day"),
                sa.literal(start, sa.DateTime).label("starts"),
                sa.literal(end, sa.DateTime).label("ends"),
            )
        )
    return sa.union_all(*selects).subquery("days")


class _Scope:
    """Which rows a query covers and what it groups on: one unit by site, or every unit."""

    def __init__(self, unit_id: int | None) -> None:
        self.unit_id = unit_id
        self.by = "site_id" if unit_id is not None else "unit_id"

    def key(self, model: Any):
        return getattr(model, self.by)

    def where(self, model: Any):
        return model.unit_id == self.unit_id if self.unit_id is not None else sa.true()


def _counted_problem():
    return Problem.status != Status.WITHDRAWN


def _unresolved_at(last: date):
    """Found by ``last`` and not resolved by its end (see SiteFigures.unresolved)."""
    return sa.and_(
        _counted_problem(),
        Problem.found_on <= last,
        sa.or_(Problem.status.in_(UNRESOLVED), Problem.resolved_on > last),
    )


async def _figures_by_key(
    session: AsyncSession, period: Period, unit_id: int | None
) -> dict[int | None, dict[str, Any]]:
    """Every SiteFigures field, by site (one unit) or by unit (unit_id None)."""
    scope = _Scope(unit_id)
    first, last = period.first, period.last
    values: dict[int | None, dict[str, Any]] = defaultdict(dict)

    def put(rows, *names: str) -> None:
        for row in rows:
            key, *rest = row
            for name, value in zip(names, rest, strict=True):
                values[key][name] = int(value or 0)

    # Duty: planned entries and the days that had any.
    planned = sa.and_(
        scope.where(RosterEntry),
        RosterEntry.duty_date.between(first, last),
        RosterEntry.status == RosterStatus.PLANNED,
    )
    put(
        await session.execute(
            sa.select(scope.key(RosterEntry), sa.func.count())
            .where(planned)
            .group_by(scope.key(RosterEntry))
        ),
        "rostered",
    )
    planned_days = (
        sa.select(scope.key(RosterEntry).label("key"), RosterEntry.site_id, RosterEntry.duty_date)
        .where(planned)
        .distinct()
        .subquery()
    )
    put(
        await session.execute(
            sa.select(planned_days.c.key, sa.func.count()).group_by(planned_days.c.key)
        ),
        "planned_duties",
    )

    # Attendance: check-ins (one row per person, day and site by a unique key).
    checkins = sa.and_(scope.where(Checkin), Checkin.duty_date.between(first, last))
    put(
        await session.execute(
            sa.select(scope.key(Checkin), sa.func.count())
            .where(checkins)
            .group_by(scope.key(Checkin))
        ),
        "present",
    )
    # A semi-join in WHERE, not EXISTS per row inside CASE: PostgreSQL hashes it.
    put(
        await session.execute(
            sa.select(scope.key(Checkin), sa.func.count())
            .where(checkins, _matches_planned(first, last))
            .group_by(scope.key(Checkin))
        ),
        "present_rostered",
    )

    # Days held: a check-in or an active report.
    active_reports = sa.and_(
        scope.where(DailyReport),
        DailyReport.duty_date.between(first, last),
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
    put(
        await session.execute(sa.select(held.c.key, sa.func.count()).group_by(held.c.key)),
        "held_duties",
    )
    # One duty, one report: several members' reports of a site's day count as one.
    reported_duties = (
        sa.select(scope.key(DailyReport).label("key"), DailyReport.site_id, DailyReport.duty_date)
        .where(active_reports)
        .distinct()
        .subquery()
    )
    put(
        await session.execute(
            sa.select(reported_duties.c.key, sa.func.count()).group_by(reported_duties.c.key)
        ),
        "reports",
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
    activities: dict[int | None, list[Count]] = defaultdict(list)
    for key, kind, unit, total in await session.execute(
        sa.select(
            per_duty.c.key, per_duty.c.kind, per_duty.c.unit, sa.func.sum(per_duty.c.count)
        ).group_by(per_duty.c.key, per_duty.c.kind, per_duty.c.unit)
    ):
        activities[key].append(Count(kind, int(total or 0), unit))

    # Problems.
    problems = sa.and_(scope.where(Problem), _counted_problem())
    found: dict[int | None, list[Count]] = defaultdict(list)
    for key, category, quantity in await session.execute(
        sa.select(scope.key(Problem), Problem.category, sa.func.sum(Problem.quantity))
        .where(problems, Problem.found_on.between(first, last))
        .group_by(scope.key(Problem), Problem.category)
    ):
        found[key].append(Count(category, int(quantity or 0)))
    resolved: dict[int | None, list[Count]] = defaultdict(list)
    in_time = sa.case((Problem.resolved_on <= Problem.due_on, Problem.resolved_quantity), else_=0)
    for key, category, quantity, on_time in await session.execute(
        sa.select(
            scope.key(Problem),
            Problem.category,
            sa.func.sum(Problem.resolved_quantity),
            sa.func.sum(in_time),
        )
        .where(problems, Problem.resolved_on.between(first, last))
        .group_by(scope.key(Problem), Problem.category)
    ):
        resolved[key].append(Count(category, int(quantity or 0)))
        values[key]["resolved_in_time"] = values[key].get("resolved_in_time", 0) + int(on_time or 0)
    # Open at the end: still open now, or resolved after the period. Two selective parts
    # (the status index, the resolved_on index) rather than one OR over all history.
    open_at_end = sa.union_all(
        *(
            sa.select(
                scope.key(Problem).label("key"),
                Problem.quantity,
                sa.case((Problem.due_on < last, Problem.quantity), else_=0).label("overdue"),
            ).where(scope.where(Problem), _counted_problem(), Problem.found_on <= last, part)
            for part in (Problem.status.in_(UNRESOLVED), Problem.resolved_on > last)
        )
    ).subquery()
    put(
        await session.execute(
            sa.select(
                open_at_end.c.key,
                sa.func.sum(open_at_end.c.quantity),
                sa.func.sum(open_at_end.c.overdue),
            ).group_by(open_at_end.c.key)
        ),
        "unresolved",
        "unresolved_overdue",
    )
    start, end = utc_bounds(first, last)
    reopenings = (
        sa.select(ProblemEvent.problem_id, sa.func.count().label("times"))
        .where(
            scope.where(ProblemEvent),
            ProblemEvent.action == Action.REOPEN,
            ProblemEvent.at >= start,
            ProblemEvent.at < end,
        )
        .group_by(ProblemEvent.problem_id)
        .subquery()
    )
    put(
        await session.execute(
            sa.select(scope.key(Problem), sa.func.sum(Problem.quantity * reopenings.c.times))
            .join(reopenings, reopenings.c.problem_id == Problem.id)
            .where(_counted_problem())
            .group_by(scope.key(Problem))
        ),
        "reopened",
    )
    # Days to resolve, as a histogram per (found_on, resolved_on) pair: bounded by the dates,
    # not the problems, and the day arithmetic stays out of SQL (SQLite and PostgreSQL differ).
    durations: dict[int | None, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for key, found_on, resolved_on, problem_count in await session.execute(
        sa.select(scope.key(Problem), Problem.found_on, Problem.resolved_on, sa.func.count())
        .where(problems, Problem.resolved_on.between(first, last))
        .group_by(scope.key(Problem), Problem.found_on, Problem.resolved_on)
    ):
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


def _matches_planned(first: date, last: date):
    """The check-in's person was rostered (planned) at that site that day."""
    # unit_id and duty_date first: the roster's (unit_id, duty_date) index finds the day's
    # few entries (by staff_id alone it would walk a person's whole history).
    return sa.exists().where(
        RosterEntry.unit_id == Checkin.unit_id,
        RosterEntry.duty_date == Checkin.duty_date,
        RosterEntry.site_id == Checkin.site_id,
        RosterEntry.staff_id == Checkin.staff_id,
        RosterEntry.status == RosterStatus.PLANNED,
        # Implied by the date equality, but it lets PostgreSQL hash only the period's roster.
        RosterEntry.duty_date.between(first, last),
    )


def _ordered(counts: list[Count]) -> tuple[Count, ...]:
    return tuple(sorted(counts, key=lambda c: (-c.count, c.label, c.unit)))


async def site_figures(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    labels: Mapping[int, str] | None = None,
) -> tuple[SiteFigures, ...]:
    """The unit's figures per site: its active sites in order (with zeros where nothing
    happened), then inactive sites with figures, then 未注明地点 for problems and reports
    with no site, if any."""
    values = await _figures_by_key(session, period, unit_id)
    labels = labels or {}
    result = []
    for site_id, name, active in await session.execute(
        sa.select(Site.id, Site.name, Site.active).where(Site.unit_id == unit_id).order_by(Site.id)
    ):
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


async def person_figures(
    session: AsyncSession, unit_id: int, period: Period
) -> tuple[PersonFigures, ...]:
    """Each person with any duty, leave, swap or check-in in the period, in the order of the
    staff list (departments together in the order they first appear)."""
    first, last = period.first, period.last
    values: dict[int, dict[str, int]] = defaultdict(dict)
    status_field = {
        RosterStatus.PLANNED: "duties",
        RosterStatus.LEAVE: "leave",
        RosterStatus.SWAPPED: "swapped",
    }
    for staff_id, status, count in await session.execute(
        sa.select(RosterEntry.staff_id, RosterEntry.status, sa.func.count())
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date.between(first, last),
            RosterEntry.status.in_(list(status_field)),
        )
        .group_by(RosterEntry.staff_id, RosterEntry.status)
    ):
        values[staff_id][status_field[RosterStatus(status)]] = int(count)
    unit_checkins = sa.and_(Checkin.unit_id == unit_id, Checkin.duty_date.between(first, last))
    totals = dict(
        (
            await session.execute(
                sa.select(Checkin.staff_id, sa.func.count())
                .where(unit_checkins)
                .group_by(Checkin.staff_id)
            )
        ).all()
    )
    matched = dict(
        (
            await session.execute(
                sa.select(Checkin.staff_id, sa.func.count())
                .where(unit_checkins, _matches_planned(first, last))
                .group_by(Checkin.staff_id)
            )
        ).all()
    )
    for staff_id, total in totals.items():
        values[staff_id]["present"] = int(matched.get(staff_id, 0))
        values[staff_id]["extra"] = int(total) - int(matched.get(staff_id, 0))

    days = _day_bounds(period)
    for staff_id, duties in await session.execute(
        sa.select(RosterEntry.staff_id, sa.func.count(sa.distinct(RosterEntry.id)))
        .join(Staff, Staff.id == RosterEntry.staff_id)
        .join(days, days.c.day == RosterEntry.duty_date)
        .join(
            DailyReport,
            sa.and_(
                DailyReport.unit_id == RosterEntry.unit_id,
                DailyReport.duty_date == RosterEntry.duty_date,
                DailyReport.sender_qq == Staff.qq,
                DailyReport.status == ReportStatus.ACTIVE,
                sa.or_(DailyReport.site_id == RosterEntry.site_id, DailyReport.site_id.is_(None)),
                DailyReport.sent_at >= days.c.starts,
                DailyReport.sent_at < days.c.ends,
            ),
        )
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date.between(first, last),
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .group_by(RosterEntry.staff_id)
    ):
        values[staff_id]["reports_on_day"] = int(duties)

    if not values:
        return ()
    staff = list(
        await session.execute(
            sa.select(Staff.id, Staff.name, Staff.department)
            .where(Staff.id.in_(list(values)))
            .order_by(Staff.id)
        )
    )
    department_order: dict[str, int] = {}
    for _, _, department in staff:
        department_order.setdefault(department, len(department_order))
    people = [
        PersonFigures(name=name, department=department, staff_id=staff_id, **values[staff_id])
        for staff_id, name, department in staff
    ]
    people.sort(key=lambda p: (department_order[p.department], p.staff_id or 0))
    return tuple(p for p in people if not p.is_empty)


async def oldest_open(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    labels: Mapping[int, str] | None = None,
    limit: int = OLDEST_SHOWN,
) -> tuple[OpenProblem, ...]:
    """The problems longest unresolved at the end of the period, oldest first."""
    labels = labels or {}
    rows = await session.execute(
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
        .where(Problem.unit_id == unit_id, _unresolved_at(period.last))
        .order_by(Problem.found_at, Problem.number)
        .limit(limit)
    )
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
        ) in rows
    )


def _label(site_id: int | None, name: str | None, labels: Mapping[int, str]) -> str:
    if site_id is None or name is None:
        return NO_SITE
    return labels.get(site_id) or without_brackets(name) or name


async def coordinated_bodies(
    session: AsyncSession, unit_id: int, period: Period
) -> tuple[Count, ...]:
    """The bodies problems found or resolved in the period were handed to, with their 处."""
    first, last = period.first, period.last
    rows = await session.execute(
        sa.select(Problem.coordinating_with, sa.func.sum(Problem.quantity))
        .where(
            Problem.unit_id == unit_id,
            _counted_problem(),
            Problem.coordinating_with.is_not(None),
            sa.or_(Problem.found_on.between(first, last), Problem.resolved_on.between(first, last)),
        )
        .group_by(Problem.coordinating_with)
    )
    return _ordered([Count(body or "", int(total or 0)) for body, total in rows])


async def unit_summary(
    session: AsyncSession,
    unit_id: int,
    period: Period,
    *,
    unit_name: str | None = None,
    labels: Mapping[int, str] | None = None,
) -> UnitSummary:
    """The whole summary of one unit for a period (the chat text, workbook and report all
    come from it). ``labels`` gives the short site names of the unit file."""
    if unit_name is None:
        unit_name = await session.scalar(sa.select(Unit.name).where(Unit.id == unit_id)) or ""
    return UnitSummary(
        unit_name=unit_name,
        period=period,
        sites=await site_figures(session, unit_id, period, labels),
        people=await person_figures(session, unit_id, period),
        oldest_open=await oldest_open(session, unit_id, period, labels),
        coordinated_with=await coordinated_bodies(session, unit_id, period),
    )


async def city_figures(
    session: AsyncSession, period: Period, unit_ids: list[int] | None = None
) -> tuple[CityRow, ...]:
    """Every unit's totals (grouped by unit in SQL), in the order of ``unit_ids`` or by name.
    Units with no records at all show zeros."""
    values = await _figures_by_key(session, period, None)
    query = sa.select(Unit.id, Unit.name)
    if unit_ids is not None:
        query = query.where(Unit.id.in_(unit_ids))
    units = list(await session.execute(query.order_by(Unit.name)))
    if unit_ids is not None:
        position = {unit_id: index for index, unit_id in enumerate(unit_ids)}
        units.sort(key=lambda row: position[row[0]])
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
