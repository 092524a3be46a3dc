"""Storage for the roster: months saved into ``duty_rosterentry``, read back, leave, swaps,
balances and the reminder log, as intention-named functions that take the session.

Callers own the transaction: these functions add and flush, the caller commits (for chat
commands through ``inbox.recording``) and only then tells the user. The month's roster is the
core's ``RosterEntry`` rows with status ``planned``; a change keeps the old row with its new
status (leave, swapped, replaced) and adds a row that ``replaces`` it.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.duty_calendar import month_days
from dutybot.errors import (
    AlreadyOnDuty,
    BothOnDuty,
    DutyDone,
    NeitherOnDuty,
    NotOnDuty,
    OnLeave,
    SwapNotPending,
)
from dutybot.roster import (
    MonthRoster,
    NoteKind,
    RosterNote,
    Shift,
    build_roster,
    choose_leader,
    normalise_balance,
    substitute_for,
)
from dutybot.roster_text import shift_lines
from dutybot.unit import StaffMember
from plugins.duty.model import Checkin, RosterEntry, RosterStatus, Site, Staff, utcnow
from plugins.duty.service import Person, audit
from plugins.duty.units import ServedUnit

from .model import (
    Leave,
    MonthPlan,
    PlanStatus,
    Reminder,
    ReminderStatus,
    SwapRequest,
    SwapStatus,
)

# A draft roster waits this long for /排班 确认; a swap request this long for /同意.
DRAFT_VALID = timedelta(days=1)
SWAP_VALID = timedelta(days=1)
# A reminder no bot could send is tried again this many times in all, while still useful.
MAX_SEND_ATTEMPTS = 3


# ---------------------------------------------------------------------------------------------
# Reading the roster


@dataclass(frozen=True)
class Duty:
    """One person's planned duty, as plain values."""

    entry_id: int
    day: date
    site_id: int
    site: str  # the site's full name
    staff_id: int
    name: str
    qq: int | None
    leader: bool  # leads the site's team that day


async def duties_between(
    session: AsyncSession,
    unit_id: int,
    first: date,
    last: date,
    *,
    staff_id: int | None = None,
) -> list[Duty]:
    """Planned duties from ``first`` to ``last``, by day and site, each team's leader first."""
    query = (
        sa.select(RosterEntry, Staff.name, Staff.qq, Site.name)
        .join(Staff, Staff.id == RosterEntry.staff_id)
        .join(Site, Site.id == RosterEntry.site_id)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date >= first,
            RosterEntry.duty_date <= last,
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .order_by(
            RosterEntry.duty_date,
            RosterEntry.site_id,
            RosterEntry.is_leader.desc(),
            RosterEntry.id,
        )
    )
    if staff_id is not None:
        query = query.where(RosterEntry.staff_id == staff_id)
    return [
        Duty(
            entry_id=entry.id,
            day=entry.duty_date,
            site_id=entry.site_id,
            site=site,
            staff_id=entry.staff_id,
            name=name,
            qq=qq,
            leader=entry.is_leader,
        )
        for entry, name, qq, site in await session.execute(query)
    ]


def shifts_of(duties: Iterable[Duty], served: ServedUnit) -> list[Shift]:
    """The duties grouped into site teams, people in the unit file's order, leader first."""
    rules = served.unit.roster
    order = {m.name: i for i, m in enumerate(served.unit.staff)}
    teams: dict[tuple[date, str], list[Duty]] = defaultdict(list)
    for duty in duties:
        teams[duty.day, duty.site].append(duty)
    shifts = []
    for (day, site), team in teams.items():
        leader = next((d.name for d in team if d.leader), team[0].name)
        others = sorted(
            (d.name for d in team if d.name != leader), key=lambda n: (order.get(n, 999), n)
        )
        shifts.append(
            Shift(
                date=day,
                site=site,
                people=(leader, *others),
                leader=leader,
                start=rules.start,
                end=rules.end,
            )
        )
    return shifts


async def month_roster(
    session: AsyncSession, served: ServedUnit, year: int, month: int
) -> MonthRoster:
    """The month as it stands now (after leave and swaps), with its plan's balance."""
    first, last = month_days(year, month)
    duties = await duties_between(session, served.unit_id, first, last)
    plan = await active_plan(session, served.unit_id, year, month)
    leave = await leave_by_name(session, served.unit_id, first, last)
    shifts = shifts_of(duties, served)
    if plan is not None:
        staff = list(json.loads(plan.staff))
        opening = {k: int(v) for k, v in json.loads(plan.opening_balance).items()}
        notes = tuple(_note_of(item) for item in json.loads(plan.notes))
        known = plan.calendar_known
    else:
        staff = [m.name for m in served.unit.staff if m.active]
        opening, notes, known = {}, (), True
    for shift in shifts:
        staff += [n for n in shift.people if n not in staff]
    return MonthRoster(
        year=year,
        month=month,
        shifts=tuple(shifts),
        notes=notes,
        calendar_known=known,
        staff=tuple(staff),
        opening_balance=normalise_balance(opening, staff),
        leave={name: frozenset(days) for name, days in leave.items()},
    )


async def active_plan(
    session: AsyncSession, unit_id: int, year: int, month: int
) -> MonthPlan | None:
    return await session.scalar(
        sa.select(MonthPlan)
        .where(
            MonthPlan.unit_id == unit_id,
            MonthPlan.year == year,
            MonthPlan.month == month,
            MonthPlan.status == PlanStatus.ACTIVE,
        )
        .order_by(MonthPlan.id.desc())
        .limit(1)
    )


async def has_roster(session: AsyncSession, unit_id: int, year: int, month: int) -> bool:
    """Whether the month has a roster (a plan, or planned entries) that a new one replaces."""
    if await active_plan(session, unit_id, year, month) is not None:
        return True
    first, last = month_days(year, month)
    found = await session.scalar(
        sa.select(RosterEntry.id)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date >= first,
            RosterEntry.duty_date <= last,
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .limit(1)
    )
    return found is not None


async def duty_days(session: AsyncSession, unit_id: int, first: date, last: date) -> list[date]:
    result = await session.scalars(
        sa.select(RosterEntry.duty_date)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date >= first,
            RosterEntry.duty_date <= last,
            RosterEntry.status == RosterStatus.PLANNED,
        )
        .distinct()
        .order_by(RosterEntry.duty_date)
    )
    return list(result)


# ---------------------------------------------------------------------------------------------
# Building and saving a month


def _note_of(item: dict) -> RosterNote:
    day = date.fromisoformat(item["day"]) if item.get("day") else None
    try:
        kind = NoteKind(item.get("kind", ""))
    except ValueError:
        kind = NoteKind.SITE_QUOTA
    return RosterNote(kind, item["text"], day)


def _notes_json(notes: Iterable[RosterNote]) -> str:
    return json.dumps(
        [
            {"kind": n.kind.value, "text": n.text, "day": n.day.isoformat() if n.day else None}
            for n in notes
        ],
        ensure_ascii=False,
    )


def _shifts_json(shifts: Iterable[Shift]) -> str:
    return json.dumps(
        [
            {
                "date": s.date.isoformat(),
                "site": s.site,
                "people": list(s.people),
                "leader": s.leader,
            }
            for s in shifts
        ],
        ensure_ascii=False,
    )


def _shifts_of_json(text: str, served: ServedUnit) -> list[Shift]:
    rules = served.unit.roster
    return [
        Shift(
            date=date.fromisoformat(item["date"]),
            site=item["site"],
            people=tuple(item["people"]),
            leader=item["leader"],
            start=rules.start,
            end=rules.end,
        )
        for item in json.loads(text)
    ]


def first_open_day(year: int, month: int, now: datetime, start: time) -> date:
    """The first day of the month a (re)built roster may change: days gone by, and today once
    its duty has begun, keep their roster."""
    first, last = month_days(year, month)
    today = now.date()
    if today < first:
        return first
    cutoff = today if now.time() < start else today + timedelta(days=1)
    return min(max(first, cutoff), last + timedelta(days=1))


@dataclass(frozen=True)
class BuiltMonth:
    """A new roster for the month from ``from_day``; ``roster`` shows the whole month (kept
    earlier days included), ``opening`` is the balance carried in from the month before."""

    roster: MonthRoster
    from_day: date
    opening: dict[str, int]

    @property
    def new_shifts(self) -> tuple[Shift, ...]:
        return tuple(s for s in self.roster.shifts if s.date >= self.from_day)


async def build_month(
    session: AsyncSession, served: ServedUnit, year: int, month: int, now: datetime
) -> BuiltMonth:
    """The month's roster under the unit's rules, fair across months: the balance and the
    last duties of the month before carry over, recorded leave is honoured, and days already
    gone by keep their roster (and count for fairness)."""
    unit = served.unit
    first, last = month_days(year, month)
    from_day = first_open_day(year, month, now, unit.roster.start)
    py, pm = (year - 1, 12) if month == 1 else (year, month - 1)
    before = await month_roster(session, served, py, pm)
    names = [m.name for m in unit.staff if m.active]
    opening = normalise_balance(before.balance if before.shifts else {}, names)
    recent: dict[str, list[date]] = {
        name: list(days) for name, days in before.duty_dates_by_person().items()
    }
    leave = {
        name: set(days)
        for name, days in (await leave_by_name(session, served.unit_id, first, last)).items()
    }

    kept: list[Shift] = []
    balance = dict(opening)
    if from_day > first:
        current = await duties_between(session, served.unit_id, first, from_day - timedelta(days=1))
        kept = shifts_of(current, served)
        for duty in current:
            # Days kept count as done: in the balance and for the weekly limit.
            balance[duty.name] = balance.get(duty.name, 0) + 1
            recent.setdefault(duty.name, []).append(duty.day)
        # Nobody can be rostered on the kept days (they are not rebuilt).
        gone = {first + timedelta(days=i) for i in range((from_day - first).days)}
        for name in names:
            leave.setdefault(name, set()).update(gone)

    built = build_roster(unit, year, month, balance=balance, leave=leave, recent=recent)
    new = [s for s in built.shifts if s.date >= from_day]
    notes = tuple(
        n
        for n in built.notes
        if n.day is None or n.day >= from_day or n.kind == NoteKind.CALENDAR_UNKNOWN
    )
    real_leave = {name: frozenset(d for d in days if d >= from_day) for name, days in leave.items()}
    roster = dataclasses.replace(
        built,
        shifts=tuple(sorted([*kept, *new], key=lambda s: (s.date, s.site))),
        notes=notes,
        opening_balance=opening,
        leave={n: d for n, d in real_leave.items() if d},
    )
    return BuiltMonth(roster=roster, from_day=from_day, opening=opening)


async def save_month(
    session: AsyncSession,
    served: ServedUnit,
    built: BuiltMonth,
    *,
    actor_qq: int | None,
    message_id: str | None,
    plan: MonthPlan | None = None,
    at: datetime | None = None,
) -> MonthPlan:
    """Make ``built`` the month's roster: entries from its ``from_day`` on are replaced (kept
    with status replaced), the earlier plan is marked replaced. ``plan``: a confirmed draft
    to activate instead of a new plan row."""
    unit_id = served.unit_id
    roster = built.roster
    _, last = month_days(roster.year, roster.month)
    previous = await active_plan(session, unit_id, roster.year, roster.month)
    replaced_text = ""
    old = await duties_between(session, unit_id, built.from_day, last)
    if old:
        replaced_text = "\n".join(shift_lines(shifts_of(old, served), served.unit))
    await session.execute(
        sa.update(RosterEntry)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date >= built.from_day,
            RosterEntry.duty_date <= last,
            RosterEntry.status != RosterStatus.REPLACED,
        )
        .values(status=RosterStatus.REPLACED)
    )
    await session.execute(
        sa.update(SwapRequest)
        .where(
            SwapRequest.unit_id == unit_id,
            SwapRequest.status == SwapStatus.PENDING,
            sa.or_(
                sa.and_(SwapRequest.give_day >= built.from_day, SwapRequest.give_day <= last),
                sa.and_(SwapRequest.take_day >= built.from_day, SwapRequest.take_day <= last),
            ),
        )
        .values(status=SwapStatus.CANCELLED, decided_at=utcnow())
    )
    now = utcnow()
    this_month = (
        MonthPlan.unit_id == unit_id,
        MonthPlan.year == roster.year,
        MonthPlan.month == roster.month,
        MonthPlan.id != (plan.id if plan is not None else -1),
    )
    for before, after in (
        (PlanStatus.ACTIVE, PlanStatus.REPLACED),
        (PlanStatus.DRAFT, PlanStatus.DISCARDED),
    ):
        await session.execute(
            sa.update(MonthPlan)
            .where(*this_month, MonthPlan.status == before)
            .values(status=after, decided_at=now)
        )

    staff_ids = await _staff_ids(session, unit_id)
    for shift in built.new_shifts:
        site_id = served.site_ids[shift.site]
        for name in shift.people:
            session.add(
                RosterEntry(
                    unit_id=unit_id,
                    site_id=site_id,
                    staff_id=staff_ids[name],
                    duty_date=shift.date,
                    is_leader=name == shift.leader,
                )
            )
    if plan is None:
        plan = MonthPlan(
            unit_id=unit_id,
            year=roster.year,
            month=roster.month,
            from_day=built.from_day,
            created_by_qq=actor_qq,
            message_id=message_id,
        )
        session.add(plan)
    plan.status = PlanStatus.ACTIVE
    plan.from_day = built.from_day
    plan.staff = json.dumps(list(roster.staff), ensure_ascii=False)
    plan.opening_balance = json.dumps(built.opening, ensure_ascii=False)
    plan.shifts = _shifts_json(built.new_shifts)
    plan.notes = _notes_json(roster.notes)
    plan.calendar_known = roster.calendar_known
    plan.decided_at = now
    await session.flush()
    action = "roster_replace" if previous is not None or old else "roster_build"
    detail = f"{roster.year}年{roster.month}月值班表，自 {built.from_day.isoformat()} 起"
    if replaced_text:
        detail += "；替换前：\n" + replaced_text
    await audit(
        session,
        unit_id,
        action,
        "monthplan",
        plan.id,
        actor_qq=actor_qq,
        message_id=message_id,
        at=at,
        detail=detail,
    )
    return plan


async def save_draft(
    session: AsyncSession,
    served: ServedUnit,
    built: BuiltMonth,
    *,
    now: datetime,
    actor_qq: int | None,
    message_id: str | None,
) -> MonthPlan:
    """Keep ``built`` as a draft waiting for /排班 确认 (made at ``now``, the message's
    time); earlier drafts are discarded."""
    roster = built.roster
    await session.execute(
        sa.update(MonthPlan)
        .where(MonthPlan.unit_id == served.unit_id, MonthPlan.status == PlanStatus.DRAFT)
        .values(status=PlanStatus.DISCARDED, decided_at=utcnow())
    )
    plan = MonthPlan(
        unit_id=served.unit_id,
        year=roster.year,
        month=roster.month,
        status=PlanStatus.DRAFT,
        from_day=built.from_day,
        staff=json.dumps(list(roster.staff), ensure_ascii=False),
        opening_balance=json.dumps(built.opening, ensure_ascii=False),
        shifts=_shifts_json(built.new_shifts),
        notes=_notes_json(roster.notes),
        calendar_known=roster.calendar_known,
        created_by_qq=actor_qq,
        message_id=message_id,
        created_at=clock.to_utc_naive(now),
    )
    session.add(plan)
    await session.flush()
    return plan


async def latest_draft(session: AsyncSession, unit_id: int) -> MonthPlan | None:
    return await session.scalar(
        sa.select(MonthPlan)
        .where(MonthPlan.unit_id == unit_id, MonthPlan.status == PlanStatus.DRAFT)
        .order_by(MonthPlan.id.desc())
        .limit(1)
    )


def draft_expired(plan: MonthPlan, now: datetime) -> bool:
    return clock.to_utc_naive(now) - plan.created_at > DRAFT_VALID


async def confirm_draft(
    session: AsyncSession,
    served: ServedUnit,
    plan: MonthPlan,
    now: datetime,
    *,
    actor_qq: int | None,
    message_id: str | None,
) -> BuiltMonth:
    """Replace the month's roster with the draft (its days that are still open)."""
    from_day = max(
        plan.from_day, first_open_day(plan.year, plan.month, now, served.unit.roster.start)
    )
    shifts = [s for s in _shifts_of_json(plan.shifts, served) if s.date >= from_day]
    current = await month_roster(session, served, plan.year, plan.month)
    kept = [s for s in current.shifts if s.date < from_day]
    roster = MonthRoster(
        year=plan.year,
        month=plan.month,
        shifts=tuple(sorted([*kept, *shifts], key=lambda s: (s.date, s.site))),
        notes=tuple(_note_of(item) for item in json.loads(plan.notes)),
        calendar_known=plan.calendar_known,
        staff=tuple(json.loads(plan.staff)),
        opening_balance={k: int(v) for k, v in json.loads(plan.opening_balance).items()},
    )
    built = BuiltMonth(roster=roster, from_day=from_day, opening=dict(roster.opening_balance))
    await save_month(
        session, served, built, actor_qq=actor_qq, message_id=message_id, plan=plan, at=now
    )
    return built


async def discard_draft(session: AsyncSession, plan: MonthPlan) -> None:
    plan.status = PlanStatus.DISCARDED
    plan.decided_at = utcnow()
    await session.flush()


async def _staff_ids(session: AsyncSession, unit_id: int) -> dict[str, int]:
    rows = await session.execute(sa.select(Staff.name, Staff.id).where(Staff.unit_id == unit_id))
    return {name: staff_id for name, staff_id in rows}


async def person_named(session: AsyncSession, unit_id: int, name: str) -> Person | None:
    row = await session.scalar(
        sa.select(Staff).where(Staff.unit_id == unit_id, Staff.name == name, Staff.active)
    )
    return Person.of(row) if row else None


# ---------------------------------------------------------------------------------------------
# Where a duty stands in its day


class Phase(enum.StrEnum):
    OPEN = "open"  # not begun: it can still be handed over
    BEGUN = "begun"  # today, between start and end
    ENDED = "ended"  # an earlier day, or today after its end


def duty_phase(day: date, now: datetime, served: ServedUnit) -> Phase:
    rules = served.unit.roster
    today = now.date()
    if day > today or (day == today and now.time() < rules.start):
        return Phase.OPEN
    if day == today and now.time() < rules.end:
        return Phase.BEGUN
    return Phase.ENDED


async def checked_in_on(session: AsyncSession, staff_id: int, day: date) -> bool:
    found = await session.scalar(
        sa.select(Checkin.id).where(Checkin.staff_id == staff_id, Checkin.duty_date == day).limit(1)
    )
    return found is not None


async def ensure_not_done(
    session: AsyncSession, served: ServedUnit, moves: Sequence[Move], now: datetime
) -> None:
    """A duty that is over (its day gone, its end time passed, or its holder checked in for
    it) stays as it was done: moving it would rewrite attendance. Raises DutyDone."""
    for move in moves:
        duty = move.duty
        if await checked_in_on(session, duty.staff_id, duty.day):
            raise DutyDone(duty.name, duty.day, checked_in=True)
        if duty_phase(duty.day, now, served) == Phase.ENDED:
            raise DutyDone(duty.name, duty.day)


# ---------------------------------------------------------------------------------------------
# Leave


async def leave_by_name(
    session: AsyncSession, unit_id: int, first: date, last: date
) -> dict[str, set[date]]:
    """Each person's leave days between ``first`` and ``last``."""
    rows = await session.execute(
        sa.select(Staff.name, Leave.first_day, Leave.last_day)
        .join(Staff, Staff.id == Leave.staff_id)
        .where(Leave.unit_id == unit_id, Leave.first_day <= last, Leave.last_day >= first)
    )
    days: dict[str, set[date]] = defaultdict(set)
    for name, start, end in rows:
        day = max(start, first)
        while day <= min(end, last):
            days[name].add(day)
            day += timedelta(days=1)
    return dict(days)


async def on_leave(session: AsyncSession, staff_id: int, day: date) -> bool:
    found = await session.scalar(
        sa.select(Leave.id)
        .where(Leave.staff_id == staff_id, Leave.first_day <= day, Leave.last_day >= day)
        .limit(1)
    )
    return found is not None


@dataclass(frozen=True)
class Cover:
    """A duty of someone on leave: who took it over (None: nobody was free, or it had begun)."""

    day: date
    site: str
    absent: str
    substitute: Person | None
    # The team's leader after the change, when the absent person led it.
    new_leader: str | None = None
    # OPEN: handed over; BEGUN or ENDED: counted as leave with nobody sent in.
    phase: Phase = Phase.OPEN
    # The person had checked in for it: it stays a duty done, not leave.
    checked_in: bool = False


async def ended_duty_in(
    session: AsyncSession,
    served: ServedUnit,
    person: Person,
    first: date,
    last: date,
    now: datetime,
) -> Duty | None:
    """The first of ``person``'s duties in the span that is over and was not checked in for:
    leave for it can only be recorded after the fact (by a coordinator)."""
    for duty in await duties_between(session, served.unit_id, first, last, staff_id=person.id):
        if duty_phase(duty.day, now, served) != Phase.ENDED:
            continue
        if not await checked_in_on(session, person.id, duty.day):
            return duty
    return None


async def swapped_out(session: AsyncSession, unit_id: int, day: date) -> list[str]:
    """People who handed their duty on ``day`` to someone else: not to be sent back in."""
    rows = await session.scalars(
        sa.select(Staff.name)
        .join(RosterEntry, RosterEntry.staff_id == Staff.id)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date == day,
            RosterEntry.status == RosterStatus.SWAPPED,
        )
    )
    return list(dict.fromkeys(rows))


async def record_leave(
    session: AsyncSession,
    served: ServedUnit,
    person: Person,
    first: date,
    last: date,
    reason: str,
    *,
    now: datetime,
    actor_qq: int | None,
    message_id: str | None,
) -> list[Cover]:
    """Record the leave; each of the person's duties in it that has not begun goes to the
    least loaded free colleague (or, if nobody is free, the team goes one short). A duty that
    has begun or is over counts as leave with nobody sent in, unless the person checked in for
    it (then it was done, and stays so). The caller decides who may record leave for a duty
    that is over (see :func:`ended_duty_in`)."""
    leave = Leave(
        unit_id=served.unit_id,
        staff_id=person.id,
        first_day=first,
        last_day=last,
        reason=reason,
        actor_qq=actor_qq,
        message_id=message_id,
    )
    session.add(leave)
    await session.flush()
    covers: list[Cover] = []
    for duty in await duties_between(session, served.unit_id, first, last, staff_id=person.id):
        phase = duty_phase(duty.day, now, served)
        if phase != Phase.OPEN:
            if await checked_in_on(session, person.id, duty.day):
                covers.append(
                    Cover(duty.day, duty.site, person.name, None, phase=phase, checked_in=True)
                )
                continue
            # Too late to send anyone: the team went one short, and that is leave.
            await _retire(session, duty.entry_id, RosterStatus.LEAVE)
            leader = await _fix_leader(session, served, duty.day, duty.site_id)
            covers.append(
                Cover(
                    duty.day,
                    duty.site,
                    person.name,
                    None,
                    leader if duty.leader else None,
                    phase=phase,
                )
            )
            continue
        roster = await month_roster(session, served, duty.day.year, duty.day.month)
        gone = await swapped_out(session, served.unit_id, duty.day)
        proposal = substitute_for(
            roster, served.unit, duty.day, person.name, leave={name: [duty.day] for name in gone}
        )
        substitute = None
        if proposal is not None:
            substitute = await person_named(session, served.unit_id, proposal.substitute)
        if substitute is None:
            await _retire(session, duty.entry_id, RosterStatus.LEAVE)
            leader = await _fix_leader(session, served, duty.day, duty.site_id)
            covers.append(
                Cover(duty.day, duty.site, person.name, None, leader if duty.leader else None)
            )
            continue
        assert proposal is not None
        await move_duty(
            session, served, duty, substitute, RosterStatus.LEAVE, leader=proposal.leader
        )
        covers.append(
            Cover(
                duty.day,
                duty.site,
                person.name,
                substitute,
                proposal.leader if duty.leader else None,
            )
        )
    await _cancel_swaps_of(session, served.unit_id, person.id, first, last)
    detail = f"{person.name} 请假 {first.isoformat()} 至 {last.isoformat()}：{reason}"
    for cover in covers:
        if cover.checked_in:
            who = "已报到，仍计到岗"
        elif cover.phase != Phase.OPEN:
            who = "值班已开始或已结束，记为请假，无人替班"
        else:
            who = cover.substitute.name if cover.substitute else "无人可替"
        detail += f"\n{cover.day.isoformat()} {cover.site}：{who}"
    await audit(
        session,
        served.unit_id,
        "leave",
        "leave",
        leave.id,
        actor_qq=actor_qq,
        message_id=message_id,
        at=now,
        detail=detail,
    )
    return covers


# ---------------------------------------------------------------------------------------------
# Changing who is on duty


async def _retire(session: AsyncSession, entry_id: int, status: RosterStatus) -> RosterEntry:
    entry = await session.get(RosterEntry, entry_id)
    assert entry is not None
    entry.status = status
    return entry


async def move_duty(
    session: AsyncSession,
    served: ServedUnit,
    duty: Duty,
    to: Person,
    status: RosterStatus,
    *,
    leader: str | None = None,
) -> None:
    """``to`` takes over ``duty``; the old entry is kept with ``status``."""
    old = await _retire(session, duty.entry_id, status)
    session.add(
        RosterEntry(
            unit_id=old.unit_id,
            site_id=old.site_id,
            staff_id=to.id,
            duty_date=old.duty_date,
            is_leader=False,
            replaces_id=old.id,
        )
    )
    await session.flush()
    await _fix_leader(session, served, duty.day, duty.site_id, preferred=leader)


async def _fix_leader(
    session: AsyncSession,
    served: ServedUnit,
    day: date,
    site_id: int,
    *,
    preferred: str | None = None,
) -> str | None:
    """Make sure the team at a site has exactly one leader; returns the leader's name."""
    rows = list(
        await session.execute(
            sa.select(RosterEntry, Staff.name)
            .join(Staff, Staff.id == RosterEntry.staff_id)
            .where(
                RosterEntry.site_id == site_id,
                RosterEntry.duty_date == day,
                RosterEntry.status == RosterStatus.PLANNED,
            )
        )
    )
    if not rows:
        return None
    names = [name for _, name in rows]
    leaders = [name for entry, name in rows if entry.is_leader]
    if preferred in names:
        chosen = preferred
    elif len(leaders) == 1:
        chosen = leaders[0]
    else:
        by_name = {m.name: m for m in served.unit.staff}
        team = [by_name.get(n) or StaffMember(n, "") for n in names]
        roster = await month_roster(session, served, day.year, day.month)
        site = served.site_by_id(site_id)
        chosen = choose_leader(
            team, roster.leader_counts(), day, site.name if site else str(site_id)
        ).name
    for entry, name in rows:
        entry.is_leader = name == chosen
    await session.flush()
    return chosen


@dataclass(frozen=True)
class Move:
    """``duty`` goes to ``to``."""

    duty: Duty
    to: Person


async def plan_swap(
    session: AsyncSession,
    served: ServedUnit,
    a: Person,
    b: Person,
    day: date,
    other_day: date | None = None,
    *,
    directed: bool = False,
) -> list[Move]:
    """What ``/换班`` or ``/调班`` between ``a`` and ``b`` changes.

    One day: whichever of the two is on duty that day hands it to the other; ``directed``
    (``/调班 日期 甲 乙``): only ``a``'s duty goes to ``b``. Two days: an
    exchange, ``a``'s duty on one day for ``b``'s on the other (in either order). Raises
    :class:`NotOnDuty`, :class:`NeitherOnDuty`, :class:`BothOnDuty`, :class:`AlreadyOnDuty`
    or :class:`OnLeave`.
    """

    async def duty_of(person: Person, on: date) -> Duty | None:
        found = await duties_between(session, served.unit_id, on, on, staff_id=person.id)
        return found[0] if found else None

    async def free(person: Person, on: date) -> None:
        if await duty_of(person, on) is not None:
            raise AlreadyOnDuty(person.name, on)
        if await on_leave(session, person.id, on):
            raise OnLeave(person.name, on)

    if other_day is None or other_day == day:
        mine, theirs = await duty_of(a, day), await duty_of(b, day)
        if mine and theirs:
            raise BothOnDuty(day)
        if directed and not mine:
            raise NotOnDuty(a.name, day)
        if not mine and not theirs:
            raise NeitherOnDuty((a.name, b.name), day)
        taker, duty = (b, mine) if mine else (a, theirs)
        assert duty is not None
        if await on_leave(session, taker.id, day):
            raise OnLeave(taker.name, day)
        return [Move(duty, taker)]

    first, second = await duty_of(a, day), await duty_of(b, other_day)
    if first is None or second is None:
        flipped = await duty_of(a, other_day), await duty_of(b, day)
        if flipped[0] is not None and flipped[1] is not None:
            first, second = flipped
            day, other_day = other_day, day
        elif first is None:
            raise NotOnDuty(a.name, day)
        else:
            raise NotOnDuty(b.name, other_day)
    assert first is not None and second is not None
    await free(b, day)
    await free(a, other_day)
    return [Move(first, b), Move(second, a)]


async def apply_moves(
    session: AsyncSession,
    served: ServedUnit,
    moves: Sequence[Move],
    *,
    action: str,
    actor_qq: int | None,
    message_id: str | None,
    at: datetime | None = None,
) -> None:
    for move in moves:
        await move_duty(session, served, move.duty, move.to, RosterStatus.SWAPPED)
    for move in moves:
        await _cancel_swaps_of(
            session, served.unit_id, move.duty.staff_id, move.duty.day, move.duty.day
        )
    detail = "；".join(
        f"{m.duty.day.isoformat()} {m.duty.site}：{m.duty.name} → {m.to.name}" for m in moves
    )
    await audit(
        session,
        served.unit_id,
        action,
        "rosterentry",
        moves[0].duty.entry_id,
        actor_qq=actor_qq,
        message_id=message_id,
        at=at,
        detail=detail,
    )


# ---------------------------------------------------------------------------------------------
# Swap requests


async def request_swap(
    session: AsyncSession,
    served: ServedUnit,
    requester: Person,
    target: Person,
    moves: Sequence[Move],
    *,
    chat: str,
    message_id: str | None,
    now: datetime,
) -> SwapRequest:
    """Ask ``target`` to agree to ``moves`` (from :func:`plan_swap`); an earlier open request
    for the same duty is cancelled."""
    first = moves[0]
    take_day = moves[1].duty.day if len(moves) > 1 else None
    await session.execute(
        sa.update(SwapRequest)
        .where(
            SwapRequest.unit_id == served.unit_id,
            SwapRequest.status == SwapStatus.PENDING,
            SwapRequest.giver_id == first.duty.staff_id,
            SwapRequest.give_day == first.duty.day,
        )
        .values(status=SwapStatus.CANCELLED, decided_at=utcnow())
    )
    request = SwapRequest(
        unit_id=served.unit_id,
        requester_id=requester.id,
        target_id=target.id,
        giver_id=first.duty.staff_id,
        give_day=first.duty.day,
        take_day=take_day,
        chat=chat,
        message_id=message_id,
        created_at=clock.to_utc_naive(now),
        expires_at=clock.to_utc_naive(now + SWAP_VALID),
    )
    session.add(request)
    await session.flush()
    await audit(
        session,
        served.unit_id,
        "swap_request",
        "swaprequest",
        request.id,
        actor_qq=requester.qq,
        message_id=message_id,
        at=now,
        detail="；".join(
            f"{m.duty.day.isoformat()} {m.duty.site}：{m.duty.name} → {m.to.name}" for m in moves
        ),
    )
    return request


async def open_requests_for(
    session: AsyncSession, target_id: int, now: datetime
) -> list[SwapRequest]:
    """Requests waiting for ``target_id``'s answer, oldest first."""
    return list(
        await session.scalars(
            sa.select(SwapRequest)
            .where(
                SwapRequest.target_id == target_id,
                SwapRequest.status == SwapStatus.PENDING,
                SwapRequest.expires_at > clock.to_utc_naive(now),
            )
            .order_by(SwapRequest.id)
        )
    )


async def expired_open_request_for(
    session: AsyncSession, target_id: int, now: datetime
) -> SwapRequest | None:
    return await session.scalar(
        sa.select(SwapRequest)
        .where(
            SwapRequest.target_id == target_id,
            SwapRequest.status.in_([SwapStatus.PENDING, SwapStatus.EXPIRED]),
            SwapRequest.expires_at <= clock.to_utc_naive(now),
            # Only a recent one is worth mentioning.
            SwapRequest.expires_at > clock.to_utc_naive(now - SWAP_VALID),
        )
        .order_by(SwapRequest.id.desc())
        .limit(1)
    )


async def staff_person(session: AsyncSession, staff_id: int) -> Person:
    row = await session.get(Staff, staff_id)
    assert row is not None
    return Person.of(row)


async def swap_parties(
    session: AsyncSession, request: SwapRequest
) -> tuple[Person, Person, Person]:
    """Requester, target and the giver of the first duty."""
    return (
        await staff_person(session, request.requester_id),
        await staff_person(session, request.target_id),
        await staff_person(session, request.giver_id),
    )


async def replan_request(
    session: AsyncSession, served: ServedUnit, request: SwapRequest
) -> list[Move]:
    """The request's moves against the roster as it is now (it may have changed)."""
    requester, target, giver = await swap_parties(session, request)
    other = target if giver.id == requester.id else requester
    return await plan_swap(session, served, giver, other, request.give_day, request.take_day)


async def answer_swap(
    session: AsyncSession,
    served: ServedUnit,
    request: SwapRequest,
    accept: bool,
    *,
    now: datetime,
    actor_qq: int | None,
    message_id: str | None,
) -> list[Move]:
    """Accept (the moves are made and returned) or refuse a pending request."""
    if request.status != SwapStatus.PENDING:
        raise SwapNotPending(request.status.value)
    moves: list[Move] = []
    if accept:
        moves = await replan_request(session, served, request)
        await ensure_not_done(session, served, moves, now)
        await apply_moves(
            session, served, moves, action="swap", actor_qq=actor_qq, message_id=message_id, at=now
        )
    request.status = SwapStatus.ACCEPTED if accept else SwapStatus.REFUSED
    request.decided_at = clock.to_utc_naive(now)
    request.decided_message_id = message_id
    if not accept:
        await audit(
            session,
            served.unit_id,
            "swap_refused",
            "swaprequest",
            request.id,
            actor_qq=actor_qq,
            message_id=message_id,
            at=now,
        )
    await session.flush()
    return moves


async def cancel_request(session: AsyncSession, request: SwapRequest, now: datetime) -> None:
    """The request can no longer be carried out (the roster changed since it was made)."""
    request.status = SwapStatus.CANCELLED
    request.decided_at = clock.to_utc_naive(now)
    await session.flush()


async def _cancel_swaps_of(
    session: AsyncSession, unit_id: int, staff_id: int, first: date, last: date
) -> None:
    """Open requests about this person's duties in the span no longer stand."""
    await session.execute(
        sa.update(SwapRequest)
        .where(
            SwapRequest.unit_id == unit_id,
            SwapRequest.status == SwapStatus.PENDING,
            sa.or_(
                SwapRequest.requester_id == staff_id,
                SwapRequest.target_id == staff_id,
            ),
            sa.or_(
                sa.and_(SwapRequest.give_day >= first, SwapRequest.give_day <= last),
                sa.and_(SwapRequest.take_day >= first, SwapRequest.take_day <= last),
            ),
        )
        .values(status=SwapStatus.CANCELLED, decided_at=utcnow())
    )


async def expire_swaps(session: AsyncSession, unit_id: int, now: datetime) -> list[SwapRequest]:
    """Mark the unit's unanswered requests past their time as expired; returns those this
    call expired (a conditional update, so two processes never both report one)."""
    cutoff = clock.to_utc_naive(now)
    due = list(
        await session.scalars(
            sa.select(SwapRequest).where(
                SwapRequest.unit_id == unit_id,
                SwapRequest.status == SwapStatus.PENDING,
                SwapRequest.expires_at <= cutoff,
            )
        )
    )
    expired = []
    for request in due:
        result = await session.execute(
            sa.update(SwapRequest)
            .where(SwapRequest.id == request.id, SwapRequest.status == SwapStatus.PENDING)
            .values(status=SwapStatus.EXPIRED, decided_at=cutoff)
            .execution_options(synchronize_session=False)
        )
        if getattr(result, "rowcount", 0) == 1:
            expired.append(request)
    return expired


# ---------------------------------------------------------------------------------------------
# Attendance and reports, for the reminders


async def checked_in_ids(session: AsyncSession, unit_id: int, day: date) -> set[int]:
    """Staff checked in on ``day`` at any of the unit's sites."""
    result = await session.scalars(
        sa.select(Checkin.staff_id).where(Checkin.unit_id == unit_id, Checkin.duty_date == day)
    )
    return set(result)


async def checkins_between(
    session: AsyncSession, unit_id: int, first: date, last: date
) -> set[tuple[int, date]]:
    rows = await session.execute(
        sa.select(Checkin.staff_id, Checkin.duty_date).where(
            Checkin.unit_id == unit_id, Checkin.duty_date >= first, Checkin.duty_date <= last
        )
    )
    return {(staff_id, day) for staff_id, day in rows}


async def past_duties(
    session: AsyncSession, unit_id: int, staff_id: int, day: date, limit: int = 10
) -> list[Duty]:
    """A person's last ``limit`` planned duties up to ``day``, oldest first."""
    duties = await duties_between(
        session, unit_id, day - timedelta(days=366), day, staff_id=staff_id
    )
    return duties[-limit:]


# ---------------------------------------------------------------------------------------------
# The reminder log


@dataclass(frozen=True)
class LoggedReminder:
    status: ReminderStatus
    attempts: int


async def logged_reminders(
    session: AsyncSession, unit_id: int, since: date
) -> dict[str, LoggedReminder]:
    rows = await session.execute(
        sa.select(Reminder.key, Reminder.status, Reminder.attempts).where(
            Reminder.unit_id == unit_id, Reminder.day >= since
        )
    )
    return {key: LoggedReminder(status, attempts) for key, status, attempts in rows}


async def claim_reminder(
    session: AsyncSession,
    *,
    key: str,
    unit_id: int,
    kind: str,
    day: date,
    target: str,
    due_at: datetime,
    text: str,
    status: ReminderStatus = ReminderStatus.SENDING,
) -> bool:
    """Record the reminder under its unique key and commit; True if this caller may send it.

    A failed reminder is claimed again (up to :data:`MAX_SEND_ATTEMPTS`) by a conditional
    update, so of two processes only one wins either way."""
    existing = await session.scalar(sa.select(Reminder).where(Reminder.key == key))
    if existing is not None:
        if existing.status != ReminderStatus.FAILED or existing.attempts >= MAX_SEND_ATTEMPTS:
            return False
        result = await session.execute(
            sa.update(Reminder)
            .where(Reminder.key == key, Reminder.status == ReminderStatus.FAILED)
            .values(status=status, attempts=Reminder.attempts + 1, text=text)
            .execution_options(synchronize_session=False)
        )
        await session.commit()
        return getattr(result, "rowcount", 0) == 1
    session.add(
        Reminder(
            key=key,
            unit_id=unit_id,
            kind=kind,
            day=day,
            target=target,
            due_at=clock.to_utc_naive(due_at),
            status=status,
            text=text,
        )
    )
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        return False
    return True


async def reminder_done(session: AsyncSession, key: str, sent: bool) -> None:
    await session.execute(
        sa.update(Reminder)
        .where(Reminder.key == key)
        .values(
            status=ReminderStatus.SENT if sent else ReminderStatus.FAILED,
            sent_at=utcnow() if sent else None,
        )
    )
    await session.commit()
