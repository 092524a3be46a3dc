"""A problem told again lands on the problem already in the ledger; a withdrawn telling is undone.

A daily report lists what was found on duty. Some of it was registered that morning with
``/问题``; a second member's report of the same duty lists it again; a broken manhole cover is
reported on every duty until it is repaired. :func:`tell_problems` matches each told problem
with the ledger (rules in :mod:`dutybot.matching`): a match adds a :class:`ProblemTelling`
and updates what is new (the report says it was fixed → resolved, with the report as the
source); no match registers a new problem. :func:`retract_tellings` undoes what a report's
tellings did when the report is corrected or recalled, as long as nobody changed the problem
since, and a later telling of the same problem restores it under its old number.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.ledger import MAX_NOTE, SETTLED, UNRESOLVED, Action, Source, Status
from dutybot.matching import Candidate, ObjectLexicon, Telling, match_tellings
from dutybot.unit import FALLBACK_CATEGORY

from . import service
from .model import Problem, ProblemEvent, ProblemTelling

# How far back a lasting problem (a loose manhole cover) is looked for.
LASTING_LOOKBACK = timedelta(days=120)


@dataclass(frozen=True)
class Told:
    """One problem as a message tells it."""

    category: str
    text: str
    count: int
    fixed: int = 0  # how many of them the message says were fixed
    fix_text: str = ""

    @property
    def all_fixed(self) -> bool:
        return self.fixed >= self.count


@dataclass(frozen=True)
class TellingOutcome:
    numbers: tuple[int, ...]  # the ledger numbers it landed on
    new: bool  # registered now, not told before
    # Numbers this telling resolved among problems told before (the report says fixed).
    resolved_now: tuple[int, ...] = ()


@dataclass
class _Family:
    """The rows of one told problem: one, or two when a partial fix split it (fixed / rest)."""

    rows: list[Problem]
    retracted: dict[int, Status] = field(default_factory=dict)  # row id -> status before

    @property
    def quantity(self) -> int:
        return sum(row.quantity for row in self.rows)

    @property
    def unresolved(self) -> bool:
        return any(row.status in UNRESOLVED or row.id in self.retracted for row in self.rows)

    def candidate(self, index: int) -> Candidate:
        first = self.rows[0]
        return Candidate(
            key=index,
            category=first.category,
            text=first.description,
            quantity=self.quantity,
            found_on=first.found_on,
            unresolved=self.unresolved,
        )


async def tell_problems(
    session: AsyncSession,
    unit_id: int,
    site_id: int,
    day: date,
    found_at: datetime,
    told: Sequence[Told],
    lexicon: ObjectLexicon,
    *,
    source: Source,
    actor_qq: int | None,
    message_id: str | None,
    report_id: int | None,
) -> list[TellingOutcome]:
    """Put each told problem in the ledger: onto the problem it tells again, or as a new one."""
    families = await _families(session, unit_id, site_id, day)
    candidates = [family.candidate(index) for index, family in enumerate(families)]
    tellings = [Telling(t.category, t.text, t.count) for t in told]
    matches = match_tellings(tellings, candidates, day, lexicon)
    at_utc = clock.to_utc_naive(found_at)
    outcomes = []
    for item, match in zip(told, matches, strict=True):
        if match is None:
            outcomes.append(
                await _register(
                    session,
                    unit_id,
                    site_id,
                    found_at,
                    item,
                    source,
                    actor_qq,
                    message_id,
                    report_id,
                )
            )
        else:
            family = families[int(match.key)]  # type: ignore[arg-type]
            outcomes.append(
                await _tell_again(
                    session, family, day, at_utc, item, source, actor_qq, message_id, report_id
                )
            )
    await session.flush()
    return outcomes


async def tell_by_command(
    session: AsyncSession,
    unit_id: int,
    site_id: int,
    found_at: datetime,
    item: Told,
    lexicon: ObjectLexicon,
    *,
    actor_qq: int | None,
    message_id: str | None,
    photos: Sequence = (),
) -> Problem | None:
    """``/问题`` of a problem already in the ledger: one a daily report listed that day, or a
    lasting one still open from before (the loose manhole cover registered again). Told there,
    with the photos, instead of registered anew; None when it is new. Two ``/问题`` of the
    same day are taken as meant: two problems."""
    day = clock.to_local(found_at).date()
    families = [
        family
        for family in await _families(session, unit_id, site_id, day)
        if family.rows[0].found_on < day or family.rows[0].source is not Source.COMMAND
    ]
    candidates = [family.candidate(index) for index, family in enumerate(families)]
    told = [Telling(item.category, item.text, item.count)]
    [match] = match_tellings(told, candidates, day, lexicon)
    if match is None:
        return None
    family = families[int(match.key)]  # type: ignore[arg-type]
    at_utc = clock.to_utc_naive(found_at)
    await _tell_again(
        session, family, day, at_utc, item, Source.COMMAND, actor_qq, message_id, None
    )
    primary = next((r for r in family.rows if r.status in UNRESOLVED), family.rows[0])
    service.add_before_photos(session, primary, photos, at_utc, message_id)
    await session.flush()
    return primary


async def _families(session: AsyncSession, unit_id: int, site_id: int, day: date) -> list[_Family]:
    """The site's problems a telling about ``day`` may mean: that day's (also those retracted
    with a withdrawn report, so that a correction keeps their numbers), and earlier ones still
    open."""
    last_action = (
        sa.select(ProblemEvent.action)
        .where(ProblemEvent.problem_id == Problem.id)
        .order_by(ProblemEvent.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = (
        await session.execute(
            sa.select(Problem, last_action)
            .where(
                Problem.unit_id == unit_id,
                Problem.site_id == site_id,
                sa.or_(
                    Problem.found_on == day,
                    sa.and_(
                        Problem.found_on >= day - LASTING_LOOKBACK,
                        Problem.found_on < day,
                        Problem.status.in_(UNRESOLVED),
                    ),
                ),
            )
            .order_by(Problem.number)
        )
    ).all()
    retracted_before = await _status_before_retraction(
        session,
        [p.id for p, action in rows if p.status is Status.WITHDRAWN and action == Action.RETRACT],
    )
    families: dict[tuple, _Family] = {}
    for problem, _action in rows:
        if problem.status is Status.WITHDRAWN and problem.id not in retracted_before:
            continue
        key = (problem.message_id, problem.description, problem.found_at, problem.category)
        family = families.setdefault(key, _Family([]))
        family.rows.append(problem)
        if problem.id in retracted_before:
            family.retracted[problem.id] = retracted_before[problem.id]
    return list(families.values())


async def _status_before_retraction(session: AsyncSession, ids: list[int]) -> dict[int, Status]:
    if not ids:
        return {}
    latest = (
        sa.select(ProblemEvent.problem_id, sa.func.max(ProblemEvent.id).label("id"))
        .where(ProblemEvent.problem_id.in_(ids), ProblemEvent.action == Action.RETRACT)
        .group_by(ProblemEvent.problem_id)
        .subquery()
    )
    rows = await session.execute(
        sa.select(ProblemEvent.problem_id, ProblemEvent.from_status).join(
            latest, latest.c.id == ProblemEvent.id
        )
    )
    return {problem_id: status or Status.OPEN for problem_id, status in rows}


async def _register(
    session: AsyncSession,
    unit_id: int,
    site_id: int,
    found_at: datetime,
    item: Told,
    source: Source,
    actor_qq: int | None,
    message_id: str | None,
    report_id: int | None,
) -> TellingOutcome:
    where = (session, unit_id, site_id, item.category, item.text)
    if 0 < item.fixed < item.count:
        done, rest = await service.add_partly_fixed(
            *where, item.count, item.fixed, found_at, source, actor_qq, message_id, report_id
        )
        numbers = tuple(p.number for p in (done, rest) if p is not None)
        return TellingOutcome(numbers, new=True)
    problem = await service.add_problem(
        *where,
        item.count,
        found_at,
        source,
        actor_qq,
        message_id,
        report_id,
        item.all_fixed,
        note=item.fix_text if item.all_fixed else "",
    )
    return TellingOutcome((problem.number,), new=True)


async def _tell_again(
    session: AsyncSession,
    family: _Family,
    day: date,
    at_utc: datetime,
    item: Told,
    source: Source,
    actor_qq: int | None,
    message_id: str | None,
    report_id: int | None,
) -> TellingOutcome:
    changes: dict[int, dict[str, list]] = {row.id: {} for row in family.rows}

    def event(row: Problem, action: Action, before: Status | None, note: str) -> None:
        service.add_event(
            session, row, action, before, at_utc, actor_qq, message_id, note[:MAX_NOTE]
        )

    for row in family.rows:
        if row.id in family.retracted:
            row.status = family.retracted[row.id]
            changes[row.id]["restored"] = [Status.WITHDRAWN.value, row.status.value]
            event(row, Action.RESTORE, Status.WITHDRAWN, "同一问题再次报告，恢复")
    if len(family.rows) == 1 and family.retracted:
        # A corrected version of the sender's own report: its count and fix stand as told now.
        row = family.rows[0]
        row.quantity = item.count
        if row.on_the_spot and row.status in SETTLED and not item.all_fixed:
            _unresolve(row, Status.OPEN)
            row.on_the_spot = False
        if row.status in SETTLED:
            row.resolved_quantity = row.quantity

    resolved_now: list[int] = []
    extra_numbers: list[int] = []
    open_rows = [row for row in family.rows if row.status in UNRESOLVED]
    fix_note = ("日报：" + item.fix_text) if item.fix_text else "日报：已整改"
    if item.all_fixed:
        for row in open_rows:
            before = row.status
            _resolve(row, at_utc, actor_qq, fix_note)
            changes[row.id]["status"] = [before.value, row.status.value]
            event(row, Action.RESOLVE, before, fix_note)
            resolved_now.append(row.number)
    elif item.fixed > 0 and len(family.rows) == 1 and open_rows and open_rows[0].quantity > 1:
        # "8 辆，已规整 5 辆" of a problem registered as 8: the 5 are resolved, 3 stay open.
        row = open_rows[0]
        fixed = min(item.fixed, row.quantity - 1)
        changes[row.id]["quantity"] = [row.quantity, row.quantity - fixed]
        row.quantity -= fixed
        part = await service.add_problem(
            session,
            row.unit_id,
            row.site_id,
            row.category,
            row.description,
            fixed,
            clock.to_local(row.found_at),
            source,
            actor_qq,
            message_id,
            report_id,
            True,
            time_limit_days=row.time_limit_days,
            note=fix_note,
        )
        extra_numbers.append(part.number)
    if len(family.rows) == 1 and not extra_numbers:
        keep_fuller_count(family.rows[0], item.count, day, changes[family.rows[0].id])

    primary = open_rows[0] if open_rows else family.rows[0]
    for row in family.rows:
        told_here = row is primary
        if not changes[row.id] and not told_here:
            continue
        session.add(
            ProblemTelling(
                problem_id=row.id,
                unit_id=row.unit_id,
                source=source,
                report_id=report_id,
                message_id=message_id,
                actor_qq=actor_qq,
                at=at_utc,
                text=item.text,
                quantity=item.count if told_here else 0,
                fixed=item.fixed if told_here else 0,
                changes=json.dumps(changes[row.id], ensure_ascii=False),
            )
        )
        if told_here and not changes[row.id]:
            event(row, Action.TOLD, row.status, f"再次报告：{item.text}")
    numbers = tuple(row.number for row in family.rows) + tuple(extra_numbers)
    # Brought back from a withdrawn version of the same report (a correction): the sender's own
    # problem under its old number, not one told before by someone else.
    restored = len(family.retracted) == len(family.rows)
    return TellingOutcome(numbers, new=restored, resolved_now=tuple(resolved_now))


def _resolve(row: Problem, at_utc: datetime, actor_qq: int | None, note: str) -> None:
    row.status = Status.RESOLVED
    row.resolved_at = at_utc
    row.resolved_on = clock.to_local(at_utc).date()
    row.resolved_by_qq = actor_qq
    row.resolved_quantity = row.quantity
    row.resolution_note = note[:MAX_NOTE]


def _unresolve(row: Problem, status: Status) -> None:
    row.status = status
    row.resolved_at = None
    row.resolved_on = None
    row.resolved_by_qq = None
    row.resolved_quantity = 0
    row.resolution_note = ""


@dataclass(frozen=True)
class Retraction:
    withdrawn: tuple[int, ...]  # problems that only these tellings had told
    reverted: tuple[int, ...]  # problems put back as they were before the tellings


async def retract_tellings(
    session: AsyncSession,
    unit_id: int,
    *,
    report_id: int | None = None,
    message_id: str | None = None,
    at: datetime,
    actor_qq: int | None,
    reason: str,
) -> Retraction:
    """Undo the tellings of a report (or of one message): a problem only they told leaves the
    ledger (withdrawn, restorable); what they changed on other problems is put back, unless
    someone changed it since."""
    assert report_id is not None or message_id is not None
    condition = [ProblemTelling.unit_id == unit_id, ProblemTelling.active.is_(True)]
    if report_id is not None:
        condition.append(ProblemTelling.report_id == report_id)
    if message_id is not None:
        condition.append(ProblemTelling.message_id == message_id)
    tellings = list(
        await session.scalars(
            sa.select(ProblemTelling).where(*condition).order_by(ProblemTelling.id.desc())
        )
    )
    if not tellings:
        return Retraction((), ())
    at_utc = clock.to_utc_naive(at)
    problems = {
        p.id: p
        for p in await session.scalars(
            sa.select(Problem).where(Problem.id.in_({t.problem_id for t in tellings}))
        )
    }
    for telling in tellings:
        telling.active = False
    await session.flush()
    still_told: set[int] = set()
    still_fixed: set[int] = set()
    for problem_id, quantity, fixed in await session.execute(
        sa.select(ProblemTelling.problem_id, ProblemTelling.quantity, ProblemTelling.fixed).where(
            ProblemTelling.problem_id.in_(list(problems)),
            ProblemTelling.active.is_(True),
            ProblemTelling.quantity > 0,
        )
    ):
        still_told.add(problem_id)
        if fixed >= quantity:
            still_fixed.add(problem_id)
    withdrawn: list[int] = []
    reverted: list[int] = []
    note = reason[:MAX_NOTE]

    def event(row: Problem, action: Action, before: Status) -> None:
        service.add_event(session, row, action, before, at_utc, actor_qq, message_id, note)

    for telling in tellings:
        row = problems[telling.problem_id]
        changes = json.loads(telling.changes or "{}")
        if telling.registered or "restored" in changes:
            if row.id in still_told:
                continue
            if row.status is not Status.WITHDRAWN:
                before = row.status
                row.status = Status.WITHDRAWN
                event(row, Action.RETRACT, before)
                withdrawn.append(row.number)
            continue
        changed = False
        if "withdrawn" in changes and row.status is Status.WITHDRAWN:
            row.status = Status(changes["withdrawn"][0])
            event(row, Action.RESTORE, Status.WITHDRAWN)
            changed = True
        if "status" in changes:
            old, new = (Status(s) for s in changes["status"])
            # Another telling still says it was fixed: it stays resolved.
            if row.status is new and new in SETTLED and row.id not in still_fixed:
                _unresolve(row, old)
                event(row, Action.RETRACT, new)
                changed = True
            elif row.status is new and old in SETTLED and "resolved" in changes:
                at_text, by_qq, resolution = changes["resolved"]
                _resolve(
                    row, datetime.fromisoformat(at_text) if at_text else at_utc, by_qq, resolution
                )
                row.status = old
                event(row, Action.RETRACT, new)
                changed = True
        if "quantity" in changes:
            old, new = changes["quantity"]
            if row.quantity == new:
                row.quantity = old
                if row.status in SETTLED:
                    row.resolved_quantity = old
                changed = True
        if changed:
            reverted.append(row.number)
        # Its registering report went before, and this was the last message still telling it.
        if telling.quantity > 0 and row.id not in still_told and row.status is not Status.WITHDRAWN:
            before = row.status
            row.status = Status.WITHDRAWN
            event(row, Action.RETRACT, before)
            withdrawn.append(row.number)
    await session.flush()
    return Retraction(tuple(withdrawn), tuple(dict.fromkeys(reverted)))


# ---------------------------------------------------------------------------------------------
# Corrections of a report, replied to the bot's "已记录 …" message


@dataclass
class _Telling:
    """Builds the tellings of one correction message: what it changed, row by row."""

    session: AsyncSession
    at_utc: datetime
    actor_qq: int | None
    message_id: str | None
    report_id: int | None
    note: str

    def record(self, row: Problem, changes: dict, action: Action, before: Status) -> None:
        self.session.add(
            ProblemTelling(
                problem_id=row.id,
                unit_id=row.unit_id,
                source=Source.REPORT,
                report_id=self.report_id,
                message_id=self.message_id,
                actor_qq=self.actor_qq,
                at=self.at_utc,
                text=self.note,
                quantity=0,
                fixed=0,
                changes=json.dumps(changes, ensure_ascii=False),
            )
        )
        service.add_event(
            self.session,
            row,
            action,
            before,
            self.at_utc,
            self.actor_qq,
            self.message_id,
            self.note[:MAX_NOTE],
        )


async def report_rows(session: AsyncSession, unit_id: int, report_id: int) -> list[Problem]:
    """The ledger rows a report told (still counted), in number order."""
    told = (
        sa.select(ProblemTelling.problem_id)
        .where(
            ProblemTelling.unit_id == unit_id,
            ProblemTelling.report_id == report_id,
            ProblemTelling.active.is_(True),
        )
        .distinct()
    )
    return list(
        await session.scalars(
            sa.select(Problem)
            .where(Problem.id.in_(told), Problem.status != Status.WITHDRAWN)
            .order_by(Problem.number)
        )
    )


async def withdraw_told(
    session: AsyncSession,
    row: Problem,
    at: datetime,
    actor_qq: int | None,
    message_id: str | None,
    report_id: int | None,
    note: str,
) -> None:
    """Take a problem out of the figures on a correction ("#8 是重复的"); undone if the
    correction is recalled."""
    before = row.status
    row.status = Status.WITHDRAWN
    _Telling(session, clock.to_utc_naive(at), actor_qq, message_id, report_id, note).record(
        row, {"withdrawn": [before.value]}, Action.WITHDRAW, before
    )
    await session.flush()


async def correct_totals(
    session: AsyncSession,
    unit_id: int,
    site_id: int,
    report_id: int,
    found_at: datetime,
    found: int | None,
    resolved: int | None,
    at: datetime,
    actor_qq: int | None,
    message_id: str | None,
    note: str,
) -> tuple[int, int]:
    """Bring a report's found and resolved figures to what its sender says they are:
    a problem 日报更正补记 for what the report did not list, fewer of its own new problems,
    more or fewer of its problems resolved (whole rows first, splitting one row if needed).
    Every change is a telling of the correction message, so that recalling it undoes them.
    Returns the report's figures after."""
    change = _Telling(session, clock.to_utc_naive(at), actor_qq, message_id, report_id, note)
    rows = await report_rows(session, unit_id, report_id)
    current_found = sum(r.quantity for r in rows)
    current_resolved = sum(r.resolved_quantity for r in rows)
    if found is not None and found > current_found:
        extra = found - current_found
        fixed = 0
        if resolved is not None:
            fixed = max(0, min(extra, resolved - current_resolved))
        await _register(
            session,
            unit_id,
            site_id,
            found_at,
            Told(FALLBACK_CATEGORY, SUPPLEMENT_TEXT, extra, fixed, note),
            Source.REPORT,
            actor_qq,
            message_id,
            report_id,
        )
    elif found is not None and found < current_found:
        surplus = current_found - found
        registered = await _registered_by(session, [r.id for r in rows], report_id)
        for row in reversed([r for r in rows if r.id in registered]):
            if surplus <= 0:
                break
            if row.quantity > surplus:
                change.record(
                    row,
                    {"quantity": [row.quantity, row.quantity - surplus]},
                    Action.TOLD,
                    row.status,
                )
                row.quantity -= surplus
                if row.status in SETTLED:
                    row.resolved_quantity = row.quantity
                surplus = 0
            else:
                surplus -= row.quantity
                before = row.status
                row.status = Status.WITHDRAWN
                change.record(row, {"withdrawn": [before.value]}, Action.WITHDRAW, before)
    await session.flush()
    rows = await report_rows(session, unit_id, report_id)
    current_resolved = sum(r.resolved_quantity for r in rows)
    if resolved is not None and resolved != current_resolved:
        at_utc = clock.to_utc_naive(at)
        if resolved > current_resolved:
            more = resolved - current_resolved
            for row in [r for r in rows if r.status in UNRESOLVED]:
                if more <= 0:
                    break
                if row.quantity <= more:
                    more -= row.quantity
                    before = row.status
                    _resolve(row, at_utc, actor_qq, note)
                    change.record(
                        row, {"status": [before.value, row.status.value]}, Action.RESOLVE, before
                    )
                else:
                    await _split(session, change, row, more, True, found_at, note)
                    more = 0
        else:
            fewer = current_resolved - resolved
            for row in reversed([r for r in rows if r.status in SETTLED]):
                if fewer <= 0:
                    break
                if row.quantity <= fewer:
                    fewer -= row.quantity
                    before = row.status
                    resolution = [
                        row.resolved_at.isoformat() if row.resolved_at else None,
                        row.resolved_by_qq,
                        row.resolution_note,
                    ]
                    _unresolve(row, Status.OPEN)
                    change.record(
                        row,
                        {"status": [before.value, row.status.value], "resolved": resolution},
                        Action.RETRACT,
                        before,
                    )
                else:
                    await _split(session, change, row, fewer, False, found_at, note)
                    fewer = 0
    await session.flush()
    rows = await report_rows(session, unit_id, report_id)
    return sum(r.quantity for r in rows), sum(r.resolved_quantity for r in rows)


SUPPLEMENT_TEXT = "日报更正补记（日报未逐条列出的问题）"


async def _registered_by(session: AsyncSession, ids: list[int], report_id: int) -> set[int]:
    return set(
        await session.scalars(
            sa.select(ProblemTelling.problem_id).where(
                ProblemTelling.problem_id.in_(ids),
                ProblemTelling.report_id == report_id,
                ProblemTelling.registered.is_(True),
                ProblemTelling.active.is_(True),
            )
        )
    )


async def _split(
    session: AsyncSession,
    change: _Telling,
    row: Problem,
    part: int,
    resolved: bool,
    found_at: datetime,
    note: str,
) -> None:
    """Move ``part`` of a row into a new row that is resolved (or open), as a partial fix."""
    change.record(row, {"quantity": [row.quantity, row.quantity - part]}, Action.TOLD, row.status)
    row.quantity -= part
    if row.status in SETTLED:
        row.resolved_quantity = row.quantity
    await service.add_problem(
        session,
        row.unit_id,
        row.site_id,
        row.category,
        row.description,
        part,
        clock.to_local(row.found_at),
        Source.REPORT,
        change.actor_qq,
        change.message_id,
        change.report_id,
        resolved,
        time_limit_days=row.time_limit_days,
        note=note if resolved else "",
    )


def keep_fuller_count(row: Problem, count: int, day: date, changes: dict[str, Any]) -> None:
    """Quantity is only a hint for matching; the fuller count told on the problem's own duty
    day stands (the import applies the same rule in batches)."""
    if row.found_on == day and count > row.quantity:
        changes["quantity"] = [row.quantity, count]
        row.quantity = count
        if row.status in SETTLED:
            row.resolved_quantity = row.quantity
