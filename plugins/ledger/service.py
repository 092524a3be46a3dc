"""Storage of the problem ledger, as intention-named functions that take the session.

Callers own the transaction: these functions add and flush, the caller commits and only then
says that something was recorded. Problems are addressed by the unit and the unit's short
number, so a problem of another unit is simply not found. Every change adds a
:class:`~.model.ProblemEvent`; nothing is deleted.

Used by the ``/问题`` commands here, by the daily-report reader (``add_problem`` with
``source=Source.REPORT`` and its ``report_id``), by the roster reminders (``open_problems``,
``problems_to_recheck``) and by the monthly figures (``ledger_figures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.errors import IllegalTransition, NotAllowed, UnknownProblem
from dutybot.ledger import (
    MAX_NOTE,
    SETTLED,
    UNRESOLVED,
    Action,
    PhotoStage,
    PhotoStatus,
    Source,
    Status,
    age_days,
    check_description,
    due_date,
    is_overdue,
    is_rework,
    next_status,
    overdue_days,
)
from dutybot.unit import DEFAULT_TIME_LIMIT_DAYS
from plugins.duty.model import Checkin, Site, Staff, Unit

from .model import Photo, Problem, ProblemEvent, ProblemTelling
from .photos import FetchedPhoto


@dataclass(frozen=True)
class PhotoCounts:
    before: int = 0
    after: int = 0
    failed: int = 0

    @property
    def saved(self) -> int:
        return self.before + self.after


@dataclass(frozen=True)
class ProblemView:
    """A problem as callers see it: plain values, safe after the session closes."""

    id: int
    unit_id: int
    number: int
    site_id: int | None
    site_name: str | None
    category: str
    description: str
    quantity: int
    resolved_quantity: int
    status: Status
    source: Source
    report_id: int | None
    reporter_qq: int | None
    reporter_name: str | None
    message_id: str | None
    bot_message_id: str | None
    found_at: datetime  # aware, local
    found_on: date
    due_on: date
    time_limit_days: int
    coordinating_with: str | None
    resolved_at: datetime | None  # aware, local
    resolved_on: date | None
    resolved_by_qq: int | None
    resolution_note: str
    on_the_spot: bool
    rework_count: int
    photos: PhotoCounts

    @property
    def unresolved(self) -> bool:
        return self.status in UNRESOLVED

    def is_overdue(self, today: date) -> bool:
        return is_overdue(self.status, self.due_on, today)

    def overdue_days(self, today: date) -> int:
        return overdue_days(self.status, self.due_on, today, self.resolved_on)

    def age_days(self, today: date) -> int:
        return age_days(self.found_on, self.resolved_on if self.resolved_on else today)


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime  # aware, local
    actor_qq: int | None
    actor_name: str | None
    action: Action
    from_status: Status | None
    to_status: Status
    note: str
    message_id: str | None


@dataclass(frozen=True)
class Change:
    problem: ProblemView
    before: Status
    after: Status

    @property
    def rework(self) -> bool:
        return is_rework(self.before, self.after)


# ---------------------------------------------------------------------------------------------
# Registering


async def add_problem(
    session: AsyncSession,
    unit_id: int,
    site_id: int | None,
    category: str,
    description: str,
    quantity: int,
    found_at: datetime,
    source: Source,
    reporter_qq: int | None,
    message_id: str | None,
    report_id: int | None = None,
    resolved: bool = False,
    *,
    time_limit_days: int | None = None,
    note: str = "",
    photos: Sequence[FetchedPhoto] = (),
) -> Problem:
    """Put a problem in the unit's ledger under the next number, with its 整改前 photos.

    ``found_at`` is the time of the message (aware, or naive UTC). ``resolved=True`` records a
    problem found and fixed on the spot (发现即整改): resolved at once by the reporter.
    ``time_limit_days`` defaults to the category's limit in the served unit file. Raises
    EmptyDescription or DescriptionTooLong (a report reader should clip long text first).

    Returns the row; ``problem_view`` turns it into what a reply shows (the report reader and
    the import register many problems at once and need no view)."""
    check_description(description)
    if time_limit_days is None:
        time_limit_days = _time_limit(unit_id, category)
    quantity = max(1, quantity)
    found_utc = clock.to_utc_naive(found_at)
    found_on = clock.to_local(found_utc).date()
    reporter_staff_id = await _staff_id(session, unit_id, reporter_qq)
    number = await _next_number(session, unit_id)
    status = Status.RESOLVED if resolved else Status.OPEN
    problem = Problem(
        unit_id=unit_id,
        number=number,
        site_id=site_id,
        category=category,
        description=description,
        quantity=quantity,
        resolved_quantity=quantity if resolved else 0,
        status=status,
        source=source,
        report_id=report_id,
        reporter_qq=reporter_qq,
        reporter_staff_id=reporter_staff_id,
        message_id=message_id,
        found_at=found_utc,
        found_on=found_on,
        time_limit_days=time_limit_days,
        due_on=due_date(found_on, time_limit_days),
        on_the_spot=resolved,
    )
    if resolved:
        problem.resolved_at = found_utc
        problem.resolved_on = found_on
        problem.resolved_by_qq = reporter_qq
        problem.resolution_note = note[:MAX_NOTE] or "现场整改"
    session.add(problem)
    await session.flush()
    add_event(
        session,
        problem,
        Action.REGISTER,
        None,
        found_utc,
        reporter_qq,
        message_id,
        problem.resolution_note if resolved else note[:MAX_NOTE],
    )
    _add_photos(session, problem, PhotoStage.BEFORE, photos, found_utc, message_id)
    session.add(
        ProblemTelling(
            problem_id=problem.id,
            unit_id=unit_id,
            source=source,
            report_id=report_id,
            message_id=message_id,
            actor_qq=reporter_qq,
            at=found_utc,
            text=description,
            quantity=quantity,
            fixed=quantity if resolved else 0,
            registered=True,
        )
    )
    await session.flush()
    return problem


def _per_transaction(session: AsyncSession, key: object) -> dict:
    """A memo that lives as long as the session's current transaction."""
    transaction = session.sync_session.get_transaction()
    memo = session.info.get(key)
    if memo is None or memo[0] is not transaction:
        memo = (transaction, {})
        session.info[key] = memo
    return memo[1]


async def _staff_id(session: AsyncSession, unit_id: int, qq: int | None) -> int | None:
    if qq is None:
        return None
    memo = _per_transaction(session, "ledger.staff_ids")
    if (unit_id, qq) not in memo:
        memo[(unit_id, qq)] = await session.scalar(
            sa.select(Staff.id).where(Staff.unit_id == unit_id, Staff.qq == qq)
        )
    return memo[(unit_id, qq)]


async def add_partly_fixed(
    session: AsyncSession,
    unit_id: int,
    site_id: int | None,
    category: str,
    description: str,
    quantity: int,
    fixed: int,
    found_at: datetime,
    source: Source,
    reporter_qq: int | None,
    message_id: str | None,
    report_id: int | None = None,
    *,
    time_limit_days: int | None = None,
) -> tuple[Problem | None, Problem | None]:
    """ "5 处违停，已挪走 3 处": two rows from one message, ``fixed`` resolved on the spot and
    the rest open, so that each row is wholly open or wholly resolved. Returns (resolved part,
    open part); a part with nothing in it is None."""
    fixed = max(0, min(fixed, quantity))
    done = rest = None

    async def part(count: int, resolved: bool, note: str) -> Problem:
        return await add_problem(
            session,
            unit_id,
            site_id,
            category,
            description,
            count,
            found_at,
            source,
            reporter_qq,
            message_id,
            report_id,
            resolved,
            time_limit_days=time_limit_days,
            note=note,
        )

    if fixed:
        done = await part(fixed, True, f"现场整改{fixed}处" if fixed < quantity else "")
    if quantity - fixed > 0 or not fixed:
        rest = await part(
            max(1, quantity - fixed), False, f"其余{quantity - fixed}处待处理" if fixed else ""
        )
    return done, rest


async def _next_number(session: AsyncSession, unit_id: int) -> int:
    # Take the write lock first (SQLite: the database; PostgreSQL: the unit's row) so that two
    # registrations at the same moment cannot both read the same maximum. The unique
    # constraint on (unit_id, number) stays as the last guard. Within one transaction the lock
    # is held, so later numbers count on from the first (a report registers several).
    memo = _per_transaction(session, "ledger.numbers")
    if unit_id in memo:
        memo[unit_id] += 1
        return memo[unit_id]
    await session.execute(
        sa.update(Unit)
        .where(Unit.id == unit_id)
        .values(id=Unit.id)
        .execution_options(synchronize_session=False)
    )
    current = await session.scalar(
        sa.select(sa.func.max(Problem.number)).where(Problem.unit_id == unit_id)
    )
    memo[unit_id] = (current or 0) + 1
    return memo[unit_id]


def _time_limit(unit_id: int, category: str) -> int:
    from plugins.duty import units

    for served in units.all_served():
        if served.unit_id == unit_id:
            found = served.unit.category(category)
            if found is not None:
                return found.time_limit_days
    return DEFAULT_TIME_LIMIT_DAYS


# ---------------------------------------------------------------------------------------------
# Changing


async def coordinate_problem(
    session: AsyncSession,
    unit_id: int,
    number: int,
    body: str,
    actor_qq: int | None,
    at: datetime,
    message_id: str | None = None,
) -> Change:
    """协调: ask another body (城管执法中队, 物业…) to act; again to hand it on."""
    body = body.strip()[:64]

    def apply(problem: Problem) -> None:
        problem.coordinating_with = body

    return await _change(
        session, unit_id, number, Action.COORDINATE, actor_qq, at, body, message_id, apply
    )


async def resolve_problem(
    session: AsyncSession,
    unit_id: int,
    number: int,
    actor_qq: int | None,
    at: datetime,
    note: str = "",
    message_id: str | None = None,
    photos: Sequence[FetchedPhoto] = (),
) -> Change:
    """解决: records who and when, and the 整改后 photos. Raises AlreadyResolved."""
    note = note.strip()[:MAX_NOTE]
    at_utc = clock.to_utc_naive(at)

    def apply(problem: Problem) -> None:
        problem.resolved_at = at_utc
        problem.resolved_on = clock.to_local(at_utc).date()
        problem.resolved_by_qq = actor_qq
        problem.resolved_quantity = problem.quantity
        problem.resolution_note = note
        _add_photos(session, problem, PhotoStage.AFTER, photos, at_utc, message_id)

    return await _change(
        session, unit_id, number, Action.RESOLVE, actor_qq, at, note, message_id, apply
    )


async def mark_for_recheck(
    session: AsyncSession,
    unit_id: int,
    number: int,
    actor_qq: int | None,
    at: datetime,
    message_id: str | None = None,
) -> Change:
    """核查: a problem resolved by someone else is to be checked on site at the next duty."""
    return await _change(
        session, unit_id, number, Action.RECHECK, actor_qq, at, "", message_id, None
    )


async def confirm_recheck(
    session: AsyncSession,
    unit_id: int,
    number: int,
    actor_qq: int | None,
    at: datetime,
    note: str = "",
    message_id: str | None = None,
) -> Change:
    """核查通过: checked on site, it is fixed (结案)."""
    return await _change(
        session,
        unit_id,
        number,
        Action.VERIFY,
        actor_qq,
        at,
        note.strip()[:MAX_NOTE],
        message_id,
        None,
    )


async def reopen_problem(
    session: AsyncSession,
    unit_id: int,
    number: int,
    actor_qq: int | None,
    at: datetime,
    reason: str,
    message_id: str | None = None,
) -> Change:
    """重开: not fixed after all. Counts as rework; the deadline starts again from today."""
    at_utc = clock.to_utc_naive(at)

    def apply(problem: Problem) -> None:
        problem.rework_count += 1
        problem.resolved_at = None
        problem.resolved_on = None
        problem.resolved_by_qq = None
        problem.resolved_quantity = 0
        problem.due_on = due_date(clock.to_local(at_utc).date(), problem.time_limit_days)

    return await _change(
        session,
        unit_id,
        number,
        Action.REOPEN,
        actor_qq,
        at,
        reason.strip()[:MAX_NOTE],
        message_id,
        apply,
    )


async def withdraw_problem(
    session: AsyncSession,
    unit_id: int,
    number: int,
    actor_qq: int | None,
    at: datetime,
    reason: str,
    message_id: str | None = None,
    *,
    by_coordinator: bool = False,
) -> Change:
    """撤销 a duplicate or mistaken entry: by its reporter or a coordinator. Raises NotAllowed.
    The row stays (status withdrawn) and leaves the figures."""

    def check(problem: Problem) -> None:
        if not by_coordinator and (actor_qq is None or problem.reporter_qq != actor_qq):
            raise NotAllowed()

    return await _change(
        session,
        unit_id,
        number,
        Action.WITHDRAW,
        actor_qq,
        at,
        reason.strip()[:MAX_NOTE],
        message_id,
        None,
        check=check,
    )


async def attach_photos(
    session: AsyncSession,
    unit_id: int,
    number: int,
    stage: PhotoStage,
    photos: Sequence[FetchedPhoto],
    at: datetime,
    message_id: str | None = None,
) -> ProblemView:
    """Add photos sent later to a problem, without changing its status."""
    problem = await _problem_row(session, unit_id, number)
    _add_photos(session, problem, stage, photos, clock.to_utc_naive(at), message_id)
    await session.flush()
    return await problem_view(session, problem)


async def note_bot_message(
    session: AsyncSession, unit_id: int, number: int, message_id: str
) -> None:
    """Remember the bot's "已登记问题 #N" message, so that a reply to it finds the problem."""
    await session.execute(
        sa.update(Problem)
        .where(Problem.unit_id == unit_id, Problem.number == number)
        .values(bot_message_id=message_id)
        .execution_options(synchronize_session=False)
    )


async def _change(
    session: AsyncSession,
    unit_id: int,
    number: int,
    action: Action,
    actor_qq: int | None,
    at: datetime,
    note: str,
    message_id: str | None,
    apply,
    *,
    check=None,
) -> Change:
    problem = await _problem_row(session, unit_id, number)
    if check is not None:
        check(problem)
    before = problem.status
    try:
        after = next_status(before, action)
    except IllegalTransition as error:
        error.number = problem.number
        raise
    if apply is not None:
        apply(problem)
    problem.status = after
    add_event(session, problem, action, before, clock.to_utc_naive(at), actor_qq, message_id, note)
    await session.flush()
    return Change(problem=await problem_view(session, problem), before=before, after=after)


def add_event(
    session: AsyncSession,
    problem: Problem,
    action: Action,
    before: Status | None,
    at_utc: datetime,
    actor_qq: int | None,
    message_id: str | None,
    note: str,
) -> None:
    session.add(
        ProblemEvent(
            problem_id=problem.id,
            unit_id=problem.unit_id,
            at=at_utc,
            actor_qq=actor_qq,
            action=action,
            from_status=before,
            to_status=problem.status,
            note=note,
            message_id=message_id,
        )
    )


def add_before_photos(
    session: AsyncSession,
    problem: Problem,
    photos: Sequence[FetchedPhoto],
    at_utc: datetime,
    message_id: str | None,
) -> None:
    """Photos sent with a later telling of the problem: 整改前 while it is open, else 整改后."""
    stage = PhotoStage.AFTER if problem.status in SETTLED else PhotoStage.BEFORE
    _add_photos(session, problem, stage, photos, at_utc, message_id)


def _add_photos(
    session: AsyncSession,
    problem: Problem,
    stage: PhotoStage,
    photos: Sequence[FetchedPhoto],
    at_utc: datetime,
    message_id: str | None,
) -> None:
    for photo in photos:
        session.add(
            Photo(
                problem_id=problem.id,
                unit_id=problem.unit_id,
                stage=stage,
                status=PhotoStatus.SAVED if photo.saved else PhotoStatus.FAILED,
                path=photo.path,
                sha256=photo.sha256,
                size=photo.size,
                source_url=photo.ref.url,
                source_file=photo.ref.file[:255],
                error=photo.error[:255],
                taken_at=at_utc,
                message_id=message_id,
            )
        )


# ---------------------------------------------------------------------------------------------
# Reading


async def problem_by_number(session: AsyncSession, unit_id: int, number: int) -> ProblemView:
    """Raises UnknownProblem (also for a number that only another unit has)."""
    return await problem_view(session, await _problem_row(session, unit_id, number))


async def problem_by_message(
    session: AsyncSession, unit_id: int, message_id: str
) -> ProblemView | None:
    """The problem registered by this message, or announced by this bot message."""
    row = await session.scalar(
        sa.select(Problem)
        .where(
            Problem.unit_id == unit_id,
            sa.or_(Problem.bot_message_id == message_id, Problem.message_id == message_id),
        )
        .order_by(Problem.number.desc())
        .limit(1)
    )
    return await problem_view(session, row) if row is not None else None


async def open_problems(
    session: AsyncSession,
    unit_id: int,
    site_id: int | None = None,
    *,
    category: str | None = None,
    include_rechecking: bool = False,
) -> list[ProblemView]:
    """Unresolved problems (待处理, 协调中), oldest first; of one site and category if given.
    ``include_rechecking`` adds those waiting for an on-site re-check."""
    statuses = set(UNRESOLVED) | ({Status.RECHECKING} if include_rechecking else set())
    query = sa.select(Problem).where(Problem.unit_id == unit_id, Problem.status.in_(statuses))
    if site_id is not None:
        query = query.where(Problem.site_id == site_id)
    if category is not None:
        query = query.where(Problem.category == category)
    rows = list(await session.scalars(query.order_by(Problem.found_at, Problem.number)))
    return await _views(session, rows)


async def problems_to_recheck(
    session: AsyncSession, unit_id: int, site_id: int | None = None
) -> list[ProblemView]:
    """Problems resolved by others and marked /核查, for the next duty at the site to check."""
    query = sa.select(Problem).where(
        Problem.unit_id == unit_id, Problem.status == Status.RECHECKING
    )
    if site_id is not None:
        query = query.where(Problem.site_id == site_id)
    rows = list(await session.scalars(query.order_by(Problem.found_at, Problem.number)))
    return await _views(session, rows)


async def problem_history(session: AsyncSession, unit_id: int, number: int) -> list[HistoryEntry]:
    """Every change of the problem, in order."""
    problem = await _problem_row(session, unit_id, number)
    names = await _names_by_qq(session, unit_id)
    events = await session.scalars(
        sa.select(ProblemEvent)
        .where(ProblemEvent.problem_id == problem.id)
        .order_by(ProblemEvent.at, ProblemEvent.id)
    )
    return [
        HistoryEntry(
            at=clock.to_local(e.at),
            actor_qq=e.actor_qq,
            actor_name=names.get(e.actor_qq) if e.actor_qq is not None else None,
            action=e.action,
            from_status=e.from_status,
            to_status=e.to_status,
            note=e.note,
            message_id=e.message_id,
        )
        for e in events
    ]


async def checked_in_site_ids(session: AsyncSession, staff_id: int, day: date) -> list[int]:
    """The sites a person checked in at on ``day``."""
    result = await session.scalars(
        sa.select(Checkin.site_id)
        .where(Checkin.staff_id == staff_id, Checkin.duty_date == day)
        .order_by(Checkin.checked_at)
    )
    return list(dict.fromkeys(result))


async def staff_name(session: AsyncSession, unit_id: int, qq: int | None) -> str | None:
    if qq is None:
        return None
    return (await _names_by_qq(session, unit_id)).get(qq)


@dataclass(frozen=True)
class CategoryFigures:
    category: str
    found: int  # SUM(quantity) of problems found in the period
    found_problems: int  # COUNT of those rows
    resolved: int  # SUM(resolved_quantity) of problems resolved in the period
    resolved_problems: int
    on_the_spot: int  # SUM(quantity) found in the period and fixed on the spot


async def ledger_figures(
    session: AsyncSession, unit_id: int, first_day: date, last_day: date
) -> list[CategoryFigures]:
    """Per-category figures for the days ``first_day``..``last_day`` (local dates, inclusive),
    computed by SQL aggregates; withdrawn problems are left out."""
    counted = sa.and_(Problem.unit_id == unit_id, Problem.status != Status.WITHDRAWN)
    found = {
        row.category: row
        for row in await session.execute(
            sa.select(
                Problem.category,
                sa.func.sum(Problem.quantity).label("quantity"),
                sa.func.count(Problem.id).label("problems"),
                sa.func.sum(sa.case((Problem.on_the_spot, Problem.quantity), else_=0)).label(
                    "spot"
                ),
            )
            .where(counted, Problem.found_on.between(first_day, last_day))
            .group_by(Problem.category)
        )
    }
    resolved = {
        row.category: row
        for row in await session.execute(
            sa.select(
                Problem.category,
                sa.func.sum(Problem.resolved_quantity).label("quantity"),
                sa.func.count(Problem.id).label("problems"),
            )
            .where(counted, Problem.resolved_on.between(first_day, last_day))
            .group_by(Problem.category)
        )
    }
    return [
        CategoryFigures(
            category=category,
            found=int(found[category].quantity) if category in found else 0,
            found_problems=int(found[category].problems) if category in found else 0,
            resolved=int(resolved[category].quantity) if category in resolved else 0,
            resolved_problems=int(resolved[category].problems) if category in resolved else 0,
            on_the_spot=int(found[category].spot) if category in found else 0,
        )
        for category in sorted(set(found) | set(resolved))
    ]


# Problem numbers are small; a number a member typed past this is no problem's (and would not
# fit in the database's integer).
MAX_NUMBER = 2**31 - 1


async def _problem_row(session: AsyncSession, unit_id: int, number: int) -> Problem:
    if not 0 < number <= MAX_NUMBER:
        raise UnknownProblem(number)
    problem = await session.scalar(
        sa.select(Problem).where(Problem.unit_id == unit_id, Problem.number == number)
    )
    if problem is None:
        raise UnknownProblem(number)
    return problem


async def _names_by_qq(session: AsyncSession, unit_id: int) -> dict[int, str]:
    rows = await session.execute(
        sa.select(Staff.qq, Staff.name).where(Staff.unit_id == unit_id, Staff.qq.is_not(None))
    )
    return {qq: name for qq, name in rows if qq is not None}


async def problem_view(session: AsyncSession, problem: Problem) -> ProblemView:
    """The problem as replies and lists show it (site, photos, people)."""
    return (await _views(session, [problem]))[0]


async def _views(session: AsyncSession, problems: list[Problem]) -> list[ProblemView]:
    if not problems:
        return []
    ids = [p.id for p in problems]
    counts: dict[int, dict[tuple[str, str], int]] = {}
    for problem_id, stage, status, count in await session.execute(
        sa.select(Photo.problem_id, Photo.stage, Photo.status, sa.func.count(Photo.id))
        .where(Photo.problem_id.in_(ids))
        .group_by(Photo.problem_id, Photo.stage, Photo.status)
    ):
        counts.setdefault(problem_id, {})[(stage, status)] = count
    site_ids = {p.site_id for p in problems if p.site_id is not None}
    sites = (
        dict(
            (
                await session.execute(sa.select(Site.id, Site.name).where(Site.id.in_(site_ids)))
            ).all()
        )
        if site_ids
        else {}
    )
    staff_ids = {p.reporter_staff_id for p in problems if p.reporter_staff_id is not None}
    reporters = (
        dict(
            (
                await session.execute(
                    sa.select(Staff.id, Staff.name).where(Staff.id.in_(staff_ids))
                )
            ).all()
        )
        if staff_ids
        else {}
    )
    views = []
    for p in problems:
        photo_counts = counts.get(p.id, {})
        views.append(
            ProblemView(
                id=p.id,
                unit_id=p.unit_id,
                number=p.number,
                site_id=p.site_id,
                site_name=sites.get(p.site_id) if p.site_id is not None else None,
                category=p.category,
                description=p.description,
                quantity=p.quantity,
                resolved_quantity=p.resolved_quantity,
                status=p.status,
                source=p.source,
                report_id=p.report_id,
                reporter_qq=p.reporter_qq,
                reporter_name=reporters.get(p.reporter_staff_id) if p.reporter_staff_id else None,
                message_id=p.message_id,
                bot_message_id=p.bot_message_id,
                found_at=clock.to_local(p.found_at),
                found_on=p.found_on,
                due_on=p.due_on,
                time_limit_days=p.time_limit_days,
                coordinating_with=p.coordinating_with,
                resolved_at=clock.to_local(p.resolved_at) if p.resolved_at else None,
                resolved_on=p.resolved_on,
                resolved_by_qq=p.resolved_by_qq,
                resolution_note=p.resolution_note,
                on_the_spot=p.on_the_spot,
                rework_count=p.rework_count,
                photos=PhotoCounts(
                    before=photo_counts.get((PhotoStage.BEFORE, PhotoStatus.SAVED), 0),
                    after=photo_counts.get((PhotoStage.AFTER, PhotoStatus.SAVED), 0),
                    failed=sum(n for (_, s), n in photo_counts.items() if s == PhotoStatus.FAILED),
                ),
            )
        )
    return views
