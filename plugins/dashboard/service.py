"""What the dashboard reads, as functions that take the session. Figures come from the monthly
summary itself (``delivery.build_summary``, ``figures.city_figures``), never computed a second
way; the lists (ledger, photos, the month's duties) are plain bounded queries. Nothing here
writes to the database."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.board.pages import (
    LedgerFilters,
    LedgerRow,
    PersonMark,
    SiteDay,
)
from dutybot.ledger import SETTLED, UNRESOLVED, PhotoStage, PhotoStatus, Source, Status
from dutybot.monthly import CityRow, Period, UnitSummary, combine
from plugins.duty.model import Checkin, RosterEntry, RosterStatus, Site, Staff
from plugins.duty.units import ServedUnit
from plugins.ledger.model import Photo, Problem
from plugins.monthly import delivery, exports, figures
from plugins.monthly.figures import NO_SITE
from plugins.reports.model import DailyReport, ReportStatus

from .trend import FEW_UNITS

PAGE_SIZE = 50


async def unit_summary(session: AsyncSession, served: ServedUnit, period: Period) -> UnitSummary:
    """Exactly what /月报 shows for the unit and period."""
    return await delivery.build_summary(session, served, period)


async def unit_rows(
    session: AsyncSession, served: list[ServedUnit], period: Period
) -> list[CityRow]:
    """One total per unit, as ``dutybot report`` (city) and each unit's /月报 show it: for a
    few units from their own summaries' sites, for more with the city's grouped query."""
    if len(served) <= FEW_UNITS:
        rows = []
        for unit in served:
            sites = await figures.site_figures(
                session, unit.unit_id, period, delivery.site_labels(unit)
            )
            rows.append(CityRow(unit.unit.name, combine(sites, unit.unit.name, unit.unit.name)))
        return rows
    return list(await figures.city_figures(session, period, [s.unit_id for s in served]))


# ---------------------------------------------------------------------------------------------
# The ledger


def _rank():
    """0 overdue, 1 other unresolved, 2 dealt with, 3 withdrawn: the ledger's order."""
    today = clock.today()
    return sa.case(
        (sa.and_(Problem.status.in_(UNRESOLVED), Problem.due_on < today), 0),
        (Problem.status.in_(UNRESOLVED), 1),
        (Problem.status == Status.WITHDRAWN, 3),
        else_=2,
    )


def _filtered(unit_id: int, chosen: LedgerFilters, site_ids: set[int]):
    conditions = [Problem.unit_id == unit_id]
    today = clock.today()
    status = chosen.status
    if status == "open":
        conditions.append(Problem.status.in_(UNRESOLVED))
    elif status == "overdue":
        conditions += [Problem.status.in_(UNRESOLVED), Problem.due_on < today]
    elif status == "coordinating":
        conditions.append(Problem.status == Status.COORDINATING)
    elif status == "settled":
        conditions.append(Problem.status.in_(SETTLED))
    elif status == "withdrawn":
        conditions.append(Problem.status == Status.WITHDRAWN)
    else:
        conditions.append(Problem.status != Status.WITHDRAWN)
    if chosen.site == "none":
        conditions.append(Problem.site_id.is_(None))
    elif chosen.site.isdigit() and int(chosen.site) in site_ids:
        conditions.append(Problem.site_id == int(chosen.site))
    elif chosen.site:
        conditions.append(sa.false())
    if chosen.category:
        conditions.append(Problem.category == chosen.category)
    if chosen.month:
        year, month = (int(part) for part in chosen.month.split("-"))
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        conditions += [Problem.found_on >= first, Problem.found_on < following]
    return sa.and_(*conditions)


STATUS_CLASS = {
    Status.OPEN: "open",
    Status.COORDINATING: "coordinating",
    Status.RESOLVED: "settled",
    Status.RECHECKING: "settled",
    Status.VERIFIED: "settled",
    Status.WITHDRAWN: "withdrawn",
}


def age_text(status: Status, found_on: date, resolved_on: date | None, today: date) -> str:
    if status in UNRESOLVED:
        return f"已 {max(0, (today - found_on).days)} 天"
    if status in SETTLED and resolved_on is not None:
        days = max(0, (resolved_on - found_on).days)
        spent = "当天解决" if days == 0 else f"用时 {days} 天"
        return f"{resolved_on.month}月{resolved_on.day}日解决，{spent}"
    return "已撤销"


async def ledger(
    session: AsyncSession,
    served: ServedUnit,
    chosen: LedgerFilters,
    page: int,
    problem_href: str,
) -> tuple[list[LedgerRow], int]:
    """One page of the unit's problems as filtered, and how many there are in all."""
    site_ids = set(served.site_ids.values())
    where = _filtered(served.unit_id, chosen, site_ids)
    total = int(await session.scalar(sa.select(sa.func.count()).where(where)) or 0)
    photos = (
        sa.select(Photo.problem_id, sa.func.count().label("saved"))
        .where(Photo.unit_id == served.unit_id, Photo.status == PhotoStatus.SAVED)
        .group_by(Photo.problem_id)
        .subquery()
    )
    rank = _rank()
    unresolved_first = sa.case((rank <= 1, Problem.found_at), else_=None)
    rows = await session.execute(
        sa.select(
            Problem.number,
            Problem.description,
            Problem.site_id,
            Site.name,
            Problem.category,
            Problem.quantity,
            Problem.status,
            Problem.found_on,
            Problem.due_on,
            Problem.resolved_on,
            photos.c.saved,
        )
        .outerjoin(Site, Site.id == Problem.site_id)
        .outerjoin(photos, photos.c.problem_id == Problem.id)
        .where(where)
        .order_by(rank, unresolved_first, Problem.found_at.desc(), Problem.number.desc())
        .limit(PAGE_SIZE)
        .offset(PAGE_SIZE * max(page - 1, 0))
    )
    labels = delivery.site_labels(served)
    today = clock.today()
    result = []
    for (
        number,
        description,
        site_id,
        site_name,
        category,
        quantity,
        status,
        found_on,
        due_on,
        resolved_on,
        saved,
    ) in rows:
        status = Status(status)
        result.append(
            LedgerRow(
                number=number,
                description=description,
                site=site_label(site_id, site_name, labels),
                category=category,
                quantity=quantity,
                status_label=status.label,
                status_class=STATUS_CLASS[status],
                found_on=found_on.isoformat(),
                age_text=age_text(status, found_on, resolved_on, today),
                overdue=status in UNRESOLVED and today > due_on,
                photos=int(saved or 0),
                href=f"{problem_href}{number}",
            )
        )
    return result, total


def site_label(site_id: int | None, name: str | None, labels: dict[int, str]) -> str:
    if site_id is None or name is None:
        return NO_SITE
    return labels.get(site_id) or name


async def categories_in_use(session: AsyncSession, served: ServedUnit) -> list[str]:
    """The unit file's categories, then any other the ledger has (an older file's)."""
    names = list(served.unit.category_names)
    for (name,) in await session.execute(
        sa.select(Problem.category).where(Problem.unit_id == served.unit_id).distinct()
    ):
        if name not in names:
            names.append(name)
    return names


# ---------------------------------------------------------------------------------------------
# One problem


@dataclass(frozen=True)
class SavedPhoto:
    id: int
    stage: PhotoStage
    taken_at: datetime  # aware, local


async def photos_of(session: AsyncSession, unit_id: int, problem_id: int) -> list[SavedPhoto]:
    rows = await session.execute(
        sa.select(Photo.id, Photo.stage, Photo.taken_at)
        .where(
            Photo.unit_id == unit_id,
            Photo.problem_id == problem_id,
            Photo.status == PhotoStatus.SAVED,
        )
        .order_by(Photo.taken_at, Photo.id)
    )
    return [SavedPhoto(i, PhotoStage(stage), clock.to_local(at)) for i, stage, at in rows]


async def photo_path(
    session: AsyncSession, unit_id: int, photo_id: int, data_dir: Path
) -> Path | None:
    """The saved file of one of the unit's photos; None for another unit's, a failed
    download, or a path that leads outside the photo folder."""
    relative = await session.scalar(
        sa.select(Photo.path).where(
            Photo.id == photo_id, Photo.unit_id == unit_id, Photo.status == PhotoStatus.SAVED
        )
    )
    if not relative:
        return None
    folder = (Path(data_dir) / "photos").resolve()
    path = (Path(data_dir) / relative).resolve()
    if not path.is_relative_to(folder) or not path.is_file():
        return None
    return path


SOURCE_TEXT = {Source.COMMAND: "群里 /问题", Source.REPORT: "值班日报", Source.IMPORT: "导入的记录"}


# ---------------------------------------------------------------------------------------------
# The month's duties


async def month_duties(
    session: AsyncSession, served: ServedUnit, first: date, last: date, now: datetime
) -> dict[date, tuple[SiteDay, ...]]:
    """Each day's duties by site (the unit file's order): who was rostered and whether they
    came, who was on leave or swapped out, who came unrostered, and the reports."""
    unit_id = served.unit_id
    entries: dict[tuple[date, int], list[tuple[str, RosterStatus, bool]]] = defaultdict(list)
    for day, site_id, status, leader, name in await session.execute(
        sa.select(
            RosterEntry.duty_date,
            RosterEntry.site_id,
            RosterEntry.status,
            RosterEntry.is_leader,
            Staff.name,
        )
        .join(Staff, Staff.id == RosterEntry.staff_id)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date.between(first, last),
            RosterEntry.status.in_(
                [RosterStatus.PLANNED, RosterStatus.LEAVE, RosterStatus.SWAPPED]
            ),
        )
        .order_by(RosterEntry.duty_date, RosterEntry.is_leader.desc(), RosterEntry.id)
    ):
        entries[(day, site_id)].append((name, RosterStatus(status), bool(leader)))
    came: dict[tuple[date, int], list[str]] = defaultdict(list)
    for day, site_id, name in await session.execute(
        sa.select(Checkin.duty_date, Checkin.site_id, Staff.name)
        .join(Staff, Staff.id == Checkin.staff_id)
        .where(Checkin.unit_id == unit_id, Checkin.duty_date.between(first, last))
        .order_by(Checkin.checked_at, Checkin.id)
    ):
        came[(day, site_id)].append(name)
    reports: dict[tuple[date, int], int] = {}
    for day, site_id, count in await session.execute(
        sa.select(DailyReport.duty_date, DailyReport.site_id, sa.func.count())
        .where(
            DailyReport.unit_id == unit_id,
            DailyReport.duty_date.between(first, last),
            DailyReport.status == ReportStatus.ACTIVE,
            DailyReport.site_id.is_not(None),
        )
        .group_by(DailyReport.duty_date, DailyReport.site_id)
    ):
        if site_id is not None:  # always, by the filter
            reports[(day, site_id)] = int(count)
    order = {served.site_id(site): index for index, site in enumerate(served.unit.sites)}
    labels = delivery.site_labels(served)
    names = dict(
        (await session.execute(sa.select(Site.id, Site.name).where(Site.unit_id == unit_id))).all()
    )
    end = served.unit.roster.end
    local_now = now.astimezone(clock.timezone())
    by_day: dict[date, list[tuple[int, SiteDay]]] = defaultdict(list)
    for key in set(entries) | set(came) | set(reports):
        day, site_id = key
        over = day < local_now.date() or (day == local_now.date() and local_now.time() >= end)
        present = came.get(key, [])
        people: list[PersonMark] = []
        for name, status, leader in entries.get(key, []):
            if status is RosterStatus.PLANNED:
                mark = "present" if name in present else ("absent" if over else "planned")
            else:
                mark = "leave" if status is RosterStatus.LEAVE else "swapped"
            people.append(PersonMark(name, mark, leader and status is RosterStatus.PLANNED))
        planned = {n for n, s, _ in entries.get(key, []) if s is RosterStatus.PLANNED}
        people += [PersonMark(name, "extra") for name in present if name not in planned]
        label = labels.get(site_id) or names.get(site_id, "")
        by_day[day].append(
            (order.get(site_id, len(order)), SiteDay(label, tuple(people), reports.get(key, 0)))
        )
    return {
        day: tuple(site for _, site in sorted(sites, key=lambda item: item[0]))
        for day, sites in by_day.items()
    }


# ---------------------------------------------------------------------------------------------
# Files: the same as /月报 sends


async def workbook(session: AsyncSession, served: ServedUnit, period: Period, data_dir: Path):
    summary = await delivery.build_summary(session, served, period)
    return await delivery.make_workbook(session, served, summary, data_dir)


async def report(session: AsyncSession, served: ServedUnit, period: Period, data_dir: Path):
    summary = await delivery.build_summary(session, served, period)
    return await delivery.make_report(session, served, summary, data_dir)


async def city_workbook(
    session: AsyncSession, served: list[ServedUnit], period: Period, data_dir: Path
) -> Path:
    """The city overview as ``dutybot report --xlsx`` writes it."""
    rows = await figures.city_figures(session, period, [s.unit_id for s in served])
    path = exports.export_dir(data_dir) / exports.file_name("全市", period, "汇总", ".xlsx")
    return exports.write_city_workbook(period, rows, path)
