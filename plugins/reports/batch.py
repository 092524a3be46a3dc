"""Recording many messages' reports at once (``dutybot import``): the same rows as
:func:`~.service.record_report` message by message, in a fraction of the time.

Message by message, a report costs some thirty statements (the duty's earlier reports, the
ledger problems it may tell again, the people present, one insert per row), each a round trip
to the database. Here the reports of a batch of messages are applied in memory, in order and
by the same rules: what they need from the database is read once (the unit's staff, the
problems the batch's duties may tell again, the duties' reports and check-ins), ids are taken
in advance so that rows can point at each other before they are written, and the new rows go
out as one multi-row insert per table.

Only the plain case is done here: a report whose site is known, that is no paste, corrects
nothing, says nobody was absent, and tells no problem a withdrawn report had told. Anything
else is recorded by ``record_report`` itself, once the batch's rows so far are written.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.duty_record import Reading, looks_pasted
from dutybot.ledger import (
    MAX_DESCRIPTION,
    MAX_NOTE,
    UNRESOLVED,
    Action,
    Source,
    Status,
    check_description,
    due_date,
)
from dutybot.matching import Candidate, Telling, lexicon_for, match_tellings
from dutybot.text import clip
from dutybot.unit import DEFAULT_TIME_LIMIT_DAYS
from plugins.duty.database import is_sqlite
from plugins.duty.model import AuditEntry, Checkin, CheckinSource, ProcessedMessage, Staff, Unit
from plugins.duty.model import utcnow as _utcnow
from plugins.duty.units import ServedUnit
from plugins.ledger.model import Problem, ProblemEvent, ProblemTelling
from plugins.ledger.tellings import LASTING_LOOKBACK, Told, keep_fuller_count

from . import service
from .model import DailyReport, HeldFor, ReportActivity, ReportSource, ReportStatus

_TABLES = {
    model.__table__.name: model.__table__  # type: ignore[attr-defined]
    for model in (
        DailyReport,
        ReportActivity,
        Problem,
        ProblemEvent,
        ProblemTelling,
        Checkin,
        AuditEntry,
        ProcessedMessage,
    )
}
# Written in this order: a row's references are written before it.
_ORDER = tuple(_TABLES)
_PROBLEM_COLUMNS = tuple(column.key for column in Problem.__table__.columns)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ImportedMessage:
    """A message of a chat history, with the reports read from it (possibly none)."""

    key: str  # the import's message key (time, sender, text)
    sent_at: datetime  # aware
    sender: str
    sender_qq: int | None
    text: str
    reports: Sequence[Any]  # what ``parse_message`` read


class _ProblemRow:
    """A ledger problem in memory: every column, plus what this batch did to it."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update({key: values.get(key) for key in _PROBLEM_COLUMNS})
        self.new: bool = values.get("new", False)
        self.retracted: bool = values.get("retracted", False)
        self.changed: bool = False

    def snapshot(self) -> tuple:
        return tuple(getattr(self, key) for key in _PROBLEM_COLUMNS)

    def values(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in _PROBLEM_COLUMNS}

    # Attributes read and set here, for the type checker.
    id: int
    unit_id: int
    number: int
    site_id: int | None
    category: str
    description: str
    quantity: int
    resolved_quantity: int
    status: Status
    found_at: datetime
    found_on: date
    time_limit_days: int
    message_id: str | None
    version: int


class _SiteProblems:
    """A site's problems in memory, indexed for what ``tellings._families`` reads: the day's,
    and earlier ones still open (a telling here only ever resolves one)."""

    def __init__(self) -> None:
        self.rows: list[_ProblemRow] = []  # in number order
        self.by_day: dict[date, list[_ProblemRow]] = defaultdict(list)
        self.open: list[_ProblemRow] = []

    def add(self, row: _ProblemRow) -> None:
        self.rows.append(row)
        self.by_day[row.found_on].append(row)
        if row.status in UNRESOLVED:
            self.open.append(row)

    def told_about(self, day: date) -> list[_ProblemRow]:
        """``tellings._families``' rows, in number order."""
        if (
            len(self.open) > 64
            and sum(r.status in UNRESOLVED for r in self.open) < len(self.open) / 2
        ):
            self.open = [r for r in self.open if r.status in UNRESOLVED]
        since = day - LASTING_LOOKBACK
        earlier = [r for r in self.open if since <= r.found_on < day and r.status in UNRESOLVED]
        rows = self.by_day.get(day, []) + earlier
        rows.sort(key=lambda r: r.number)
        return rows


@dataclass
class _Family:
    rows: list[_ProblemRow]

    def candidate(self, index: int) -> Candidate:
        first = self.rows[0]
        return Candidate(
            key=index,
            category=first.category,
            text=first.description,
            quantity=sum(row.quantity for row in self.rows),
            found_on=first.found_on,
            unresolved=any(row.status in UNRESOLVED or row.retracted for row in self.rows),
        )


class _Ids:
    """Ids handed out before the rows are written. SQLite: on from the largest, as SQLite itself
    would number them (the batch holds the write lock). PostgreSQL: taken from the sequences."""

    def __init__(self) -> None:
        self.next: dict[str, int] = {}
        self.reserved: dict[str, list[int]] = defaultdict(list)

    async def prepare(self, session: AsyncSession, wanted: dict[str, int]) -> None:
        if is_sqlite():
            for name in wanted:
                if name not in self.next:
                    table = _TABLES[name]
                    largest = await session.scalar(sa.select(sa.func.max(table.c.id)))
                    self.next[name] = (largest or 0) + 1
            return
        for name, count in wanted.items():
            missing = count - len(self.reserved[name])
            if missing > 0:
                ids = await session.scalars(
                    sa.select(
                        sa.func.nextval(sa.func.pg_get_serial_sequence(name, "id"))
                    ).select_from(sa.func.generate_series(1, missing))
                )
                self.reserved[name].extend(sorted(ids))

    def take(self, name: str) -> int:
        if name in self.next:
            value = self.next[name]
            self.next[name] = value + 1
            return value
        return self.reserved[name].pop(0)


@dataclass
class _Batch:
    """What the batch's reports need from the database, and the rows they add."""

    served: ServedUnit
    ids: _Ids
    staff_by_name: dict[str, int]  # active staff
    staff_by_qq: dict[int, int]
    next_number: int
    problems: dict[int, _SiteProblems]
    reports: dict[tuple[date, int], list[tuple[int | None, ReportStatus, HeldFor | None]]]
    present: dict[tuple[int, date], list[int]]  # (site, day) -> staff ids
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    @property
    def unit_id(self) -> int:
        return self.served.unit_id

    def add(self, table: str, **values: Any) -> int:
        values.setdefault("id", self.ids.take(table))
        self.rows[table].append(values)
        return values["id"]

    # -- the plain case ---------------------------------------------------------------------

    def plain(self, reading: Reading, sender_qq: int | None) -> _Plan | None:
        """How the report would be applied here; None when ``record_report`` must do it."""
        unit = self.served.unit
        if reading.site is None:
            return None
        site = unit.site(reading.site)
        site_id = self.served.site_id(site)
        if looks_pasted(reading):
            return None
        if sender_qq is not None and any(
            (other_site == site_id and status in _CURRENT)
            or (other_site is None and status is ReportStatus.HELD and held is HeldFor.SITE)
            for other_site, status, held in self.reports.get((reading.date, sender_qq), ())
        ):
            return None  # a correction, or the site of a report still waiting for it
        if any(unit.staff_named(name) is not None for name in reading.absent):
            return None
        listed = [
            member.name for name in reading.staff if (member := unit.staff_named(name)) is not None
        ]
        listed = list(dict.fromkeys(listed))
        if any(name not in self.staff_by_name for name in listed):
            return None  # record_report raises UnknownStaff
        families = self._families(site_id, reading.date)
        told = [
            Told(
                p.category,
                clip(p.text.strip() or p.category, MAX_DESCRIPTION),
                max(1, p.count),
                max(0, min(p.fixed, p.count)),
                p.fix_text,
            )
            for p in reading.problems
        ]
        candidates = [family.candidate(index) for index, family in enumerate(families)]
        tellings = [Telling(t.category, t.text, t.count) for t in told]
        matches = match_tellings(tellings, candidates, reading.date, lexicon_for(unit))
        matched = [None if m is None else families[int(m.key)] for m in matches]  # type: ignore[arg-type]
        if any(family is not None and any(r.retracted for r in family.rows) for family in matched):
            return None  # told again after its report was withdrawn: restored under its number
        for item in told:
            check_description(item.text)
        return _Plan(reading, site_id, site.label, told, matched, listed)

    def _families(self, site_id: int, day: date) -> list[_Family]:
        families: dict[tuple, _Family] = {}
        site = self.problems.get(site_id)
        for row in site.told_about(day) if site is not None else ():
            if row.status is Status.WITHDRAWN and not row.retracted:
                continue
            key = (row.message_id, row.description, row.found_at, row.category)
            families.setdefault(key, _Family([])).rows.append(row)
        return list(families.values())

    def apply(
        self,
        plan: _Plan,
        *,
        raw_text: str,
        sent_at: datetime,
        sender_qq: int | None,
        sender_name: str,
        chat: str,
        message_id: str,
    ) -> service.RecordedReport:
        """What ``record_report`` does for a report of the plain case, row for row."""
        reading = plan.reading
        report_id = self.add(
            "reports_dailyreport",
            unit_id=self.unit_id,
            site_id=plan.site_id,
            duty_date=reading.date,
            sender_qq=sender_qq,
            sender_name=sender_name[:64],
            chat=chat,
            message_id=message_id,
            sent_at=clock.to_utc_naive(sent_at),
            raw_text=raw_text,
            source=ReportSource.IMPORT,
            status=ReportStatus.ACTIVE,
            superseded_by_id=None,
            found_total=reading.found_total,
            resolved_total=reading.resolved_total,
            pending_total=reading.pending_total,
            staff_named=json.dumps(list(reading.staff), ensure_ascii=False),
            notes=json.dumps(list(reading.notes), ensure_ascii=False),
            parsed=reading.to_json(),
            held_for=None,
            bot_message_id=None,
        )
        self.reports.setdefault((reading.date, sender_qq), []).append(  # type: ignore[arg-type]
            (plan.site_id, ReportStatus.ACTIVE, None)
        )
        found_at = service._found_at(
            self.served, reading.date, clock.to_local(clock.to_utc_naive(sent_at))
        )
        for activity in reading.activities:
            self.add(
                "reports_reportactivity",
                report_id=report_id,
                kind=activity.kind,
                count=activity.count,
                unit=activity.unit,
            )
        told = _Telling(self, plan.site_id, found_at, sender_qq, message_id, report_id)
        known: list[int] = []
        new_numbers: list[int] = []
        new_found = 0
        resolved_known: list[int] = []
        for item, family in zip(plan.told, plan.matched, strict=True):
            if family is None:
                new_numbers.extend(told.register(item))
                new_found += item.count
            else:
                numbers, resolved_now = told.again(family, reading.date, item)
                known.extend(numbers)
                resolved_known.extend(resolved_now)
        present = self.present.setdefault((plan.site_id, reading.date), [])
        checked_at = clock.to_utc_naive(found_at)
        for name in plan.listed:
            staff_id = self.staff_by_name[name]
            if staff_id in present:
                continue
            self.add(
                "duty_checkin",
                unit_id=self.unit_id,
                site_id=plan.site_id,
                staff_id=staff_id,
                duty_date=reading.date,
                checked_at=checked_at,
                source=CheckinSource.IMPORT,
                by_qq=sender_qq,
                message_id=message_id,
            )
            present.append(staff_id)
        self.add(
            "duty_auditentry",
            unit_id=self.unit_id,
            at=clock.to_utc_naive(sent_at),
            actor_qq=sender_qq,
            action="record",
            subject="report",
            subject_id=report_id,
            message_id=message_id,
            detail=f"{reading.date} {plan.site_label}："
            f"发现{reading.found_total} 解决{reading.resolved_total}",
        )
        return service.RecordedReport(
            report_id=report_id,
            duty_date=reading.date,
            site_label=plan.site_label,
            present=len(present),
            found_total=reading.found_total,
            resolved_total=reading.resolved_total,
            pending_total=reading.pending_total,
            notes=reading.notes,
            known=tuple(dict.fromkeys(known)),
            new_numbers=tuple(new_numbers),
            new_found=new_found,
            resolved_known=tuple(dict.fromkeys(resolved_known)),
            absent=reading.absent,
            items=len(reading.problems),
            repeated=reading.repeated_sentences,
        )

    def claim(self, chat: str, message: ImportedMessage) -> None:
        self.add(
            "duty_processedmessage",
            chat=chat,
            message_id=message.key,
            user_id=message.sender_qq or 0,
            sent_at=clock.to_utc_naive(message.sent_at),
        )

    # -- writing ------------------------------------------------------------------------------

    async def write(self, session: AsyncSession) -> None:
        """The new rows, one multi-row insert per table, and the problems it changed."""
        now = _utcnow()
        problems = [row for site in self.problems.values() for row in site.rows]
        new = sorted((row for row in problems if row.new), key=lambda row: row.id)
        for row in new:
            self.rows["ledger_problem"].append(
                {**row.values(), "created_at": now, "updated_at": now}
            )
        for name in _ORDER:
            rows = self.rows.get(name)
            if not rows:
                continue
            if "created_at" in _TABLES[name].c:
                for values in rows:
                    values.setdefault("created_at", now)
            await _insert(session, _TABLES[name], rows)
        changed = [row for row in problems if row.changed and not row.new]
        if changed:
            table = _TABLES["ledger_problem"]
            updated = await session.execute(
                sa.update(table)
                .where(table.c.id == sa.bindparam("b_id"), table.c.version == sa.bindparam("b_v"))
                .values({key: sa.bindparam(f"v_{key}") for key in _UPDATED}),
                [
                    {
                        **{f"v_{key}": getattr(row, key) for key in _UPDATED},
                        "v_updated_at": now,
                        "b_id": row.id,
                        "b_v": row.loaded_version,  # type: ignore[attr-defined]
                    }
                    for row in changed
                ],
            )
            if updated.rowcount not in (-1, len(changed)):
                raise RuntimeError("ledger problems changed by someone else during the import")
        for row in problems:
            row.new = row.changed = False
            row.loaded_version = row.version  # type: ignore[attr-defined]
        self.rows = defaultdict(list)


_inserts: dict[tuple[str, tuple[str, ...]], tuple[str, list]] = {}


async def _insert(session: AsyncSession, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """Rows into a table in one statement. On SQLite, the values are converted here, column by
    column, and handed to the driver as they are: SQLAlchemy's per-row work for a multi-row
    insert cost more than SQLite's."""
    connection = await session.connection()
    dialect = connection.dialect
    keys = tuple(rows[0])
    if dialect.name != "sqlite" or any(tuple(values) != keys for values in rows):
        await session.execute(sa.insert(table), rows)
        return
    found = _inserts.get((table.name, keys))
    if found is None:
        compiled = sa.insert(table).compile(dialect=dialect, column_keys=list(keys))
        names = list(compiled.positiontup or ())
        found = (
            str(compiled),
            [
                (keys.index(name), table.c[name].type.dialect_impl(dialect).bind_processor(dialect))
                for name in names
            ],
        )
        _inserts[(table.name, keys)] = found
    sql, columns = found
    await connection.exec_driver_sql(
        sql,
        [
            tuple(
                value if process is None or value is None else process(value)
                for value, process in ((row[index], process) for index, process in columns)
            )
            for row in (tuple(values.values()) for values in rows)
        ],
    )


# Problem columns a telling may change (``version`` counts each change, as the ORM's does).
_UPDATED = (
    "quantity",
    "resolved_quantity",
    "status",
    "resolved_at",
    "resolved_on",
    "resolved_by_qq",
    "resolution_note",
    "on_the_spot",
    "version",
    "updated_at",
)
_CURRENT = (ReportStatus.ACTIVE, ReportStatus.HELD)


@dataclass(frozen=True)
class _Plan:
    reading: Reading
    site_id: int
    site_label: str
    told: list[Told]
    matched: list[_Family | None]
    listed: list[str]


@dataclass
class _Telling:
    """One report's tellings, as ``plugins.ledger.tellings`` makes them."""

    batch: _Batch
    site_id: int
    found_at: datetime
    actor_qq: int | None
    message_id: str
    report_id: int

    @property
    def at_utc(self) -> datetime:
        return clock.to_utc_naive(self.found_at)

    def event(
        self,
        row: _ProblemRow,
        action: Action,
        before: Status | None,
        note: str,
        at: datetime | None = None,
    ) -> None:
        self.batch.add(
            "ledger_problemevent",
            problem_id=row.id,
            unit_id=row.unit_id,
            at=at or self.at_utc,
            actor_qq=self.actor_qq,
            action=action,
            from_status=before,
            to_status=row.status,
            note=note,
            message_id=self.message_id,
        )

    def telling(self, row: _ProblemRow, at: datetime | None = None, **values: Any) -> None:
        self.batch.add(
            "ledger_problemtelling",
            problem_id=row.id,
            unit_id=row.unit_id,
            source=Source.IMPORT,
            report_id=self.report_id,
            message_id=self.message_id,
            actor_qq=self.actor_qq,
            at=at or self.at_utc,
            active=True,
            **values,
        )

    def register(self, item: Told) -> list[int]:
        """``tellings._register``: a new problem, or two rows for a partial fix."""
        if 0 < item.fixed < item.count:
            fixed = max(0, min(item.fixed, item.count))
            numbers = []
            if fixed:
                note = f"现场整改{fixed}处" if fixed < item.count else ""
                numbers.append(self.add_problem(item.category, item.text, fixed, True, note))
            if item.count - fixed > 0 or not fixed:
                rest = max(1, item.count - fixed)
                note = f"其余{item.count - fixed}处待处理" if fixed else ""
                numbers.append(self.add_problem(item.category, item.text, rest, False, note))
            return numbers
        note = item.fix_text if item.all_fixed else ""
        return [self.add_problem(item.category, item.text, item.count, item.all_fixed, note)]

    def add_problem(
        self,
        category: str,
        description: str,
        quantity: int,
        resolved: bool,
        note: str,
        *,
        found_at: datetime | None = None,
        time_limit_days: int | None = None,
        site_id: int | None = None,
    ) -> int:
        """``ledger.service.add_problem`` (no photos): the row, its event and its telling."""
        batch = self.batch
        check_description(description)
        if time_limit_days is None:
            found = batch.served.unit.category(category)
            time_limit_days = found.time_limit_days if found else DEFAULT_TIME_LIMIT_DAYS
        quantity = max(1, quantity)
        found_utc = clock.to_utc_naive(found_at or self.found_at)
        found_on = clock.to_local(found_utc).date()
        number = batch.next_number
        batch.next_number += 1
        row = _ProblemRow(
            new=True,
            id=batch.ids.take("ledger_problem"),
            unit_id=batch.unit_id,
            number=number,
            site_id=site_id if site_id is not None else self.site_id,
            category=category,
            description=description,
            quantity=quantity,
            resolved_quantity=quantity if resolved else 0,
            status=Status.RESOLVED if resolved else Status.OPEN,
            source=Source.IMPORT,
            report_id=self.report_id,
            reporter_qq=self.actor_qq,
            reporter_staff_id=batch.staff_by_qq.get(self.actor_qq)
            if self.actor_qq is not None
            else None,
            message_id=self.message_id,
            bot_message_id=None,
            found_at=found_utc,
            found_on=found_on,
            time_limit_days=time_limit_days,
            due_on=due_date(found_on, time_limit_days),
            coordinating_with=None,
            resolution_note="",
            on_the_spot=resolved,
            rework_count=0,
            version=1,
        )
        if resolved:
            row.resolved_at = found_utc  # type: ignore[attr-defined]
            row.resolved_on = found_on  # type: ignore[attr-defined]
            row.resolved_by_qq = self.actor_qq  # type: ignore[attr-defined]
            row.resolution_note = note[:MAX_NOTE] or "现场整改"  # type: ignore[attr-defined]
        batch.problems.setdefault(row.site_id, _SiteProblems()).add(row)  # type: ignore[arg-type]
        self.event(
            row,
            Action.REGISTER,
            None,
            row.resolution_note if resolved else note[:MAX_NOTE],  # type: ignore[attr-defined]
            at=found_utc,
        )
        self.telling(
            row,
            at=found_utc,
            text=description,
            quantity=quantity,
            fixed=quantity if resolved else 0,
            registered=True,
            changes="{}",
        )
        return number

    def again(self, family: _Family, day: date, item: Told) -> tuple[list[int], list[int]]:
        """``tellings._tell_again`` (nothing retracted): the problem told again."""
        before_rows = {row.id: row.snapshot() for row in family.rows}
        changes: dict[int, dict[str, list]] = {row.id: {} for row in family.rows}
        resolved_now: list[int] = []
        extra_numbers: list[int] = []
        open_rows = [row for row in family.rows if row.status in UNRESOLVED]
        fix_note = ("日报：" + item.fix_text) if item.fix_text else "日报：已整改"
        at_utc = self.at_utc
        if item.all_fixed:
            for row in open_rows:
                before = row.status
                _resolve(row, at_utc, self.actor_qq, fix_note)
                changes[row.id]["status"] = [before.value, row.status.value]
                self.event(row, Action.RESOLVE, before, fix_note[:MAX_NOTE])
                resolved_now.append(row.number)
        elif item.fixed > 0 and len(family.rows) == 1 and open_rows and open_rows[0].quantity > 1:
            row = open_rows[0]
            fixed = min(item.fixed, row.quantity - 1)
            changes[row.id]["quantity"] = [row.quantity, row.quantity - fixed]
            row.quantity -= fixed
            extra_numbers.append(
                self.add_problem(
                    row.category,
                    row.description,
                    fixed,
                    True,
                    fix_note,
                    found_at=clock.to_local(row.found_at),
                    time_limit_days=row.time_limit_days,
                    site_id=row.site_id,
                )
            )
        if len(family.rows) == 1 and not extra_numbers:
            keep_fuller_count(family.rows[0], item.count, day, changes[family.rows[0].id])
        primary = open_rows[0] if open_rows else family.rows[0]
        for row in family.rows:
            told_here = row is primary
            if not changes[row.id] and not told_here:
                continue
            self.telling(
                row,
                text=item.text,
                quantity=item.count if told_here else 0,
                fixed=item.fixed if told_here else 0,
                registered=False,
                changes=json.dumps(changes[row.id], ensure_ascii=False),
            )
            if told_here and not changes[row.id]:
                self.event(row, Action.TOLD, row.status, f"再次报告：{item.text}"[:MAX_NOTE])
        for row in family.rows:
            if row.snapshot() != before_rows[row.id]:
                # Written as one UPDATE by the message's flush: the version counts it once.
                row.version += 1
                row.changed = True
        numbers = [row.number for row in family.rows] + extra_numbers
        return numbers, resolved_now


def _resolve(row: _ProblemRow, at_utc: datetime, actor_qq: int | None, note: str) -> None:
    # As ``tellings._resolve``.
    row.status = Status.RESOLVED
    row.resolved_at = at_utc  # type: ignore[attr-defined]
    row.resolved_on = clock.to_local(at_utc).date()  # type: ignore[attr-defined]
    row.resolved_by_qq = actor_qq  # type: ignore[attr-defined]
    row.resolved_quantity = row.quantity
    row.resolution_note = note[:MAX_NOTE]  # type: ignore[attr-defined]


async def _load(
    session: AsyncSession,
    served: ServedUnit,
    days: Iterable[date],
    senders: Iterable[int],
    ids: _Ids,
) -> _Batch:
    """What the batch's reports need, read once. Takes the unit's write lock first, as
    registering a problem does, so that numbers and ids stay the batch's own."""
    unit_id = served.unit_id
    await session.execute(
        sa.update(Unit)
        .where(Unit.id == unit_id)
        .values(id=Unit.id)
        .execution_options(synchronize_session=False)
    )
    days = sorted(set(days))
    staff_by_name: dict[str, int] = {}
    staff_by_qq: dict[int, int] = {}
    for staff_id, name, qq, active in await session.execute(
        sa.select(Staff.id, Staff.name, Staff.qq, Staff.active).where(Staff.unit_id == unit_id)
    ):
        if active:
            staff_by_name[name] = staff_id
        if qq is not None:
            staff_by_qq[qq] = staff_id
    next_number = (
        await session.scalar(
            sa.select(sa.func.max(Problem.number)).where(Problem.unit_id == unit_id)
        )
        or 0
    ) + 1
    problems: dict[int, _SiteProblems] = {}
    reports: dict[tuple[date, int], list] = {}
    present: dict[tuple[int, date], list[int]] = {}
    if days:
        table = Problem.__table__  # type: ignore[attr-defined]
        withdrawn: list[_ProblemRow] = []
        for values in await session.execute(
            sa.select(table)
            .where(
                table.c.unit_id == unit_id,
                table.c.found_on >= days[0] - LASTING_LOOKBACK,
                table.c.found_on <= days[-1],
                table.c.site_id.is_not(None),
            )
            .order_by(table.c.number)
        ):
            row = _ProblemRow(**values._mapping)
            row.loaded_version = row.version  # type: ignore[attr-defined]
            problems.setdefault(row.site_id, _SiteProblems()).add(row)  # type: ignore[arg-type]
            if row.status is Status.WITHDRAWN:
                withdrawn.append(row)
        if withdrawn:
            last: dict[int, Action] = {}
            for problem_id, action in await session.execute(
                sa.select(ProblemEvent.problem_id, ProblemEvent.action)
                .where(ProblemEvent.problem_id.in_([row.id for row in withdrawn]))
                .order_by(ProblemEvent.id)
            ):
                last[problem_id] = action
            for row in withdrawn:
                row.retracted = last.get(row.id) is Action.RETRACT
        senders = sorted(set(senders))
        if senders:
            for day, qq, site_id, status, held in await session.execute(
                sa.select(
                    DailyReport.duty_date,
                    DailyReport.sender_qq,
                    DailyReport.site_id,
                    DailyReport.status,
                    DailyReport.held_for,
                ).where(
                    DailyReport.unit_id == unit_id,
                    DailyReport.duty_date.in_(days),
                    DailyReport.sender_qq.in_(senders),
                    DailyReport.status.in_(_CURRENT),
                )
            ):
                reports.setdefault((day, qq), []).append((site_id, status, held))
        for site_id, day, staff_id in await session.execute(
            sa.select(Checkin.site_id, Checkin.duty_date, Checkin.staff_id)
            .where(Checkin.unit_id == unit_id, Checkin.duty_date.in_(days))
            .order_by(Checkin.id)
        ):
            present.setdefault((site_id, day), []).append(staff_id)
    return _Batch(
        served=served,
        ids=ids,
        staff_by_name=staff_by_name,
        staff_by_qq=staff_by_qq,
        next_number=next_number,
        problems=problems,
        reports=reports,
        present=present,
    )


def _ids_wanted(messages: Sequence[ImportedMessage]) -> dict[str, int]:
    """At most how many rows of each table the messages add (PostgreSQL takes ids ahead)."""
    reports = sum(len(m.reports) for m in messages)
    items = sum(len(r.problems) for m in messages for r in m.reports)
    return {
        "reports_dailyreport": reports,
        "reports_reportactivity": sum(len(r.activities) for m in messages for r in m.reports),
        "ledger_problem": 2 * items,
        "ledger_problemevent": 4 * items,
        "ledger_problemtelling": 4 * items,
        "duty_checkin": sum(len(r.staff) for m in messages for r in m.reports),
        "duty_auditentry": reports,
        "duty_processedmessage": len(messages),
    }


async def record_messages(
    session: AsyncSession,
    served: ServedUnit,
    chat: str,
    messages: Sequence[ImportedMessage],
) -> list[list[service.RecordedReport]]:
    """Record the messages' reports and claim the messages, in order: the same rows as
    ``record_report`` for each report and a ``ProcessedMessage`` for each message. Commits
    (the caller's session); returns each message's recorded reports."""
    readings = [
        [
            _with_single_site(served, r if isinstance(r, Reading) else Reading.from_parsed(r))
            for r in message.reports
        ]
        for message in messages
    ]
    days = {reading.date for rs in readings for reading in rs}
    senders = {m.sender_qq for m in messages if m.sender_qq is not None}
    results: list[list[service.RecordedReport]] = []
    batch: _Batch | None = None
    for message, message_readings in zip(messages, readings, strict=True):
        if batch is None:
            ids = _Ids()
            batch = await _load(session, served, days, senders, ids)
            await ids.prepare(session, _ids_wanted(messages))
        recorded: list[service.RecordedReport] = []
        for index, reading in enumerate(message_readings):
            plan = batch.plain(reading, message.sender_qq)
            if plan is None:
                # The rest of this message the long way, after what the batch has so far.
                await batch.write(session)
                session.expire_all()
                for rest in message_readings[index:]:
                    recorded.append(
                        await service.record_report(
                            session,
                            served,
                            rest,
                            raw_text=message.text,
                            sent_at=message.sent_at,
                            source=ReportSource.IMPORT,
                            sender_qq=message.sender_qq,
                            sender_name=message.sender,
                            chat=chat,
                            message_id=message.key,
                        )
                    )
                session.add(
                    ProcessedMessage(
                        chat=chat,
                        message_id=message.key,
                        user_id=message.sender_qq or 0,
                        sent_at=clock.to_utc_naive(message.sent_at),
                    )
                )
                await session.commit()
                batch = None
                break
            recorded.append(
                batch.apply(
                    plan,
                    raw_text=message.text,
                    sent_at=message.sent_at,
                    sender_qq=message.sender_qq,
                    sender_name=message.sender,
                    chat=chat,
                    message_id=message.key,
                )
            )
        else:
            batch.claim(chat, message)
        results.append(recorded)
    if batch is not None:
        await batch.write(session)
        await session.commit()
    return results


def _with_single_site(served: ServedUnit, reading: Reading) -> Reading:
    if reading.site is None and len(served.unit.sites) == 1:
        return reading.with_site(served.unit.sites[0].name)
    return reading
