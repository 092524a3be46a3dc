"""Storage for the core records, as intention-named functions that take the session.

Callers own the transaction: these functions add and flush, the caller commits, and only then
tells the user that something was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.binding import card_member
from dutybot.errors import NameAlreadyBound, NotCheckedIn, QQAlreadyBound, UnknownStaff
from dutybot.unit import Unit as UnitFile

from .model import (
    AuditEntry,
    BindingSource,
    Checkin,
    CheckinSource,
    RosterEntry,
    RosterStatus,
    Site,
    Staff,
    Unit,
    utcnow,
)


@dataclass(frozen=True)
class Person:
    """A staff member as the chat layer sees one: plain values, safe after the session."""

    id: int
    name: str
    department: str
    leader: bool
    qq: int | None

    @classmethod
    def of(cls, row: Staff) -> Person:
        return cls(
            id=row.id, name=row.name, department=row.department, leader=row.leader, qq=row.qq
        )


@dataclass(frozen=True)
class UnitIds:
    """Database ids of a unit and of its sites by canonical name."""

    unit_id: int
    site_ids: dict[str, int]


async def sync_unit(session: AsyncSession, unit: UnitFile) -> UnitIds:
    """Bring the database in line with the unit file, which is the source of truth for its
    entries. (Forgets the QQ numbers this process knew: they may have changed.) People and sites no longer in the file become inactive, keeping their history;
    bindings made in chat (/绑定) stay unless the file now gives that person a QQ number."""
    forget_people()
    row = await session.scalar(sa.select(Unit).where(Unit.key == unit.key))
    if row is None:
        row = Unit(key=unit.key, name=unit.name)
        session.add(row)
        await session.flush()
    row.name = unit.name
    row.updated_at = utcnow()

    sites = {
        s.name: s for s in await session.scalars(sa.select(Site).where(Site.unit_id == row.id))
    }
    for site in unit.sites:
        existing = sites.get(site.name)
        if existing is None:
            existing = Site(unit_id=row.id, name=site.name, kind=site.kind)
            session.add(existing)
            sites[site.name] = existing
        existing.kind = site.kind
        existing.active = True
    listed_sites = {s.name for s in unit.sites}
    for name, existing in sites.items():
        if name not in listed_sites:
            existing.active = False

    staff = {
        s.name: s for s in await session.scalars(sa.select(Staff).where(Staff.unit_id == row.id))
    }
    listed = {m.name for m in unit.staff}
    file_qq = {m.qq: m.name for m in unit.staff if m.qq is not None}
    # Free QQ numbers the file now gives to someone else before assigning them (unique key).
    for name, existing in staff.items():
        if existing.qq is not None and file_qq.get(existing.qq, name) != name:
            await audit(
                session,
                row.id,
                "unbind",
                "staff",
                existing.id,
                detail=f"{name} 的 QQ {existing.qq} 按单位文件改绑给 {file_qq[existing.qq]}",
            )
            existing.qq = None
            existing.bound_via = None
    await session.flush()
    for member in unit.staff:
        existing = staff.get(member.name)
        if existing is None:
            existing = Staff(unit_id=row.id, name=member.name, department=member.department)
            session.add(existing)
            staff[member.name] = existing
        existing.department = member.department
        existing.leader = member.leader
        existing.active = member.active
        if member.qq is not None and existing.qq != member.qq:
            existing.qq = member.qq
            existing.bound_via = BindingSource.FILE
            existing.bound_at = utcnow()
    for name, existing in staff.items():
        if name not in listed:
            existing.active = False
    await session.flush()
    return UnitIds(unit_id=row.id, site_ids={name: site.id for name, site in sites.items()})


# Who a QQ number is, once found: every command asks. Only bindings are kept (an unknown
# number is looked up again), and a binding only changes through the unit file, which is
# read at start (the cache is emptied then) or through /绑定 in this process.
_people_by_qq: dict[tuple[int, int], Person] = {}


def forget_people() -> None:
    _people_by_qq.clear()


async def staff_by_qq(session: AsyncSession, unit_id: int, qq: int) -> Person | None:
    known = _people_by_qq.get((unit_id, qq))
    if known is not None:
        return known
    row = await session.scalar(
        sa.select(Staff).where(Staff.unit_id == unit_id, Staff.qq == qq, Staff.active)
    )
    if row is None:
        return None
    person = _people_by_qq[(unit_id, qq)] = Person.of(row)
    return person


async def units_of_qq(session: AsyncSession, qq: int) -> list[tuple[int, Person]]:
    """Every unit where this QQ is bound to an active staff member, with that person."""
    rows = await session.scalars(sa.select(Staff).where(Staff.qq == qq, Staff.active))
    return [(row.unit_id, Person.of(row)) for row in rows]


async def staff_by_names(session: AsyncSession, unit_id: int, names: list[str]) -> list[Person]:
    """Active staff rows in the order of ``names``; a name not found raises UnknownStaff."""
    rows = {
        s.name: s
        for s in await session.scalars(
            sa.select(Staff).where(Staff.unit_id == unit_id, Staff.name.in_(names), Staff.active)
        )
    }
    for name in names:
        if name not in rows:
            raise UnknownStaff(name)
    return [Person.of(rows[name]) for name in names]


async def bind_staff(
    session: AsyncSession,
    unit_id: int,
    name: str,
    qq: int,
    via: BindingSource,
    message_id: str | None = None,
) -> Person:
    """Bind ``qq`` to the listed, not yet bound ``name``."""
    member = await session.scalar(
        sa.select(Staff).where(Staff.unit_id == unit_id, Staff.name == name, Staff.active)
    )
    if member is None:
        raise UnknownStaff(name)
    current = await staff_by_qq(session, unit_id, qq)
    if current is not None:
        raise QQAlreadyBound(current.name)
    if member.qq is not None:
        raise NameAlreadyBound(name)
    member.qq = qq
    member.bound_via = via
    member.bound_at = utcnow()
    await audit(
        session,
        unit_id,
        "bind",
        "staff",
        member.id,
        actor_qq=qq,
        message_id=message_id,
        detail=f"{name} 绑定 QQ {qq}（{via.value}）",
    )
    await session.flush()
    return Person.of(member)


async def bind_from_card(
    session: AsyncSession, unit: UnitFile, unit_id: int, qq: int, card: str
) -> Person | None:
    """Bind an unknown sender whose group card is exactly one unbound listed person's name or
    ``科室-姓名`` (``dutybot.binding``); never a leader. Anything else is left for /绑定."""
    listed = card_member(unit, card)
    if listed is None:
        return None
    member = await session.scalar(
        sa.select(Staff).where(Staff.unit_id == unit_id, Staff.name == listed.name, Staff.active)
    )
    if member is None or member.qq is not None:
        return None
    return await bind_staff(session, unit_id, member.name, qq, BindingSource.CARD)


async def rostered_site_ids(session: AsyncSession, staff_id: int, day: date) -> list[int]:
    """The sites a person is rostered at on ``day`` (normally one)."""
    result = await session.scalars(
        sa.select(RosterEntry.site_id).where(
            RosterEntry.staff_id == staff_id,
            RosterEntry.duty_date == day,
            RosterEntry.status == RosterStatus.PLANNED,
        )
    )
    return list(dict.fromkeys(result))


async def is_rostered_leader(session: AsyncSession, staff_id: int, day: date) -> bool:
    found = await session.scalar(
        sa.select(RosterEntry.id).where(
            RosterEntry.staff_id == staff_id,
            RosterEntry.duty_date == day,
            RosterEntry.is_leader,
            RosterEntry.status == RosterStatus.PLANNED,
        )
    )
    return found is not None


@dataclass(frozen=True)
class CheckinOutcome:
    new: list[str]
    # Already checked in at this site today: name and the time of that first check-in.
    already: list[tuple[str, datetime]]
    # Everyone checked in at the site that day afterwards, in order of arrival.
    present: list[str]
    # Newly checked in here who are checked in at another site that day too: name, that
    # site's id and the time there (local).
    elsewhere: list[tuple[str, int, datetime]] = field(default_factory=list)


async def record_checkins(
    session: AsyncSession,
    unit_id: int,
    site_id: int,
    people: list[Person],
    day: date,
    at: datetime,
    source: CheckinSource,
    by_qq: int | None,
    message_id: str | None,
) -> CheckinOutcome:
    """Mark people present for ``day``'s duty at a site; each counts once per day and site.
    One read of who is there already; the inserts go out with the caller's commit."""
    present = await _present_rows(session, site_id, day)
    existing = {staff_id: checked_at for staff_id, _, checked_at in present}
    other_sites = await session.execute(
        sa.select(Checkin.staff_id, Checkin.site_id, Checkin.checked_at)
        .where(
            Checkin.staff_id.in_([p.id for p in people]),
            Checkin.duty_date == day,
            Checkin.site_id != site_id,
        )
        .order_by(Checkin.checked_at)
    )
    first_elsewhere: dict[int, tuple[int, datetime]] = {}
    for staff_id, other_site, checked_at in other_sites:
        first_elsewhere.setdefault(staff_id, (other_site, checked_at))
    names = [name for _, name, _ in present]
    new: list[str] = []
    already: list[tuple[str, datetime]] = []
    elsewhere: list[tuple[str, int, datetime]] = []
    at_utc = clock.to_utc_naive(at)
    for person in people:
        if person.id in existing:
            already.append((person.name, clock.to_local(existing[person.id])))
            continue
        session.add(
            Checkin(
                unit_id=unit_id,
                site_id=site_id,
                staff_id=person.id,
                duty_date=day,
                checked_at=at_utc,
                source=source,
                by_qq=by_qq,
                message_id=message_id,
            )
        )
        existing[person.id] = at_utc
        new.append(person.name)
        names.append(person.name)
        if person.id in first_elsewhere:
            other_site, checked_at = first_elsewhere[person.id]
            elsewhere.append((person.name, other_site, clock.to_local(checked_at)))
    return CheckinOutcome(new=new, already=already, present=names, elsewhere=elsewhere)


async def _present_rows(session: AsyncSession, site_id: int, day: date) -> list:
    return list(
        await session.execute(
            sa.select(Staff.id, Staff.name, Checkin.checked_at)
            .join(Checkin, Checkin.staff_id == Staff.id)
            .where(Checkin.site_id == site_id, Checkin.duty_date == day)
            .order_by(Checkin.checked_at, Checkin.id)
        )
    )


@dataclass(frozen=True)
class UndoneCheckin:
    name: str
    site_id: int
    day: date
    checked_at: datetime  # local time of the check-in that was undone


async def undo_checkin(
    session: AsyncSession,
    unit_id: int,
    person: Person,
    day: date,
    site_id: int | None,
    *,
    actor_qq: int,
    message_id: str | None,
    at: datetime,
) -> UndoneCheckin:
    """Take back ``person``'s check-in on ``day`` (at ``site_id``, or the latest one that day).
    The row goes, as a report's withdrawn check-ins do; the audit trail keeps every field of it,
    so nothing disappears without a record. Raises NotCheckedIn."""
    query = sa.select(Checkin).where(
        Checkin.unit_id == unit_id, Checkin.staff_id == person.id, Checkin.duty_date == day
    )
    if site_id is not None:
        query = query.where(Checkin.site_id == site_id)
    row = await session.scalar(query.order_by(Checkin.checked_at.desc(), Checkin.id.desc()))
    if row is None:
        raise NotCheckedIn(person.name, day)
    undone = UndoneCheckin(person.name, row.site_id, day, clock.to_local(row.checked_at))
    await audit(
        session,
        unit_id,
        "checkin_undo",
        "checkin",
        row.id,
        actor_qq=actor_qq,
        message_id=message_id,
        at=at,
        detail=(
            f"撤销 {person.name} {day.isoformat()} 的报到：site {row.site_id}，"
            f"{undone.checked_at:%H:%M}，来源 {row.source.value}，由 QQ {row.by_qq}，"
            f"消息 {row.message_id}"
        ),
    )
    await session.delete(row)
    await session.flush()
    return undone


async def present_at(session: AsyncSession, site_id: int, day: date) -> list[str]:
    """Names checked in at a site on a day, in order of arrival."""
    return [name for _, name, _ in await _present_rows(session, site_id, day)]


async def audit(
    session: AsyncSession,
    unit_id: int,
    action: str,
    subject: str,
    subject_id: int | None,
    *,
    actor_qq: int | None = None,
    message_id: str | None = None,
    detail: str = "",
    at: datetime | None = None,
) -> None:
    session.add(
        AuditEntry(
            unit_id=unit_id,
            at=clock.to_utc_naive(at or clock.now()),
            actor_qq=actor_qq,
            action=action,
            subject=subject,
            subject_id=subject_id,
            message_id=message_id,
            detail=detail,
        )
    )
