"""Storage for daily reports, as intention-named functions taking the session.

One duty, one set of figures. A duty (a site on a day) is told by several messages: problems
registered on the spot with ``/问题``, the leader's daily report, a second member's report.
Recording a report keeps the report and what it read (:class:`~dutybot.duty_record.Reading`),
then applies it: each problem it lists is matched with the ledger
(:mod:`plugins.ledger.tellings`) and counted once however often it is told; the people it
names are present (each once), the people it says did not come are not; its activities are
kept per report and the monthly figures take each duty's largest telling of each, so that a
second report repeating the first is not summed twice.

A report is held, not counted, while the bot waits for an answer: which site (none could be
told), or whether a paste with far too many items is really one duty's report. A correction
(the same sender's new report for the same site and day) replaces the earlier one; recalling a
message withdraws what it told, and recalling a correction brings back the report it replaced.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.duty_record import Reading, looks_pasted
from dutybot.ledger import MAX_DESCRIPTION, Source
from dutybot.matching import lexicon_for
from dutybot.text import clip
from dutybot.unit import Site
from plugins.duty import service as duty_service
from plugins.duty.model import Checkin, CheckinSource, Staff
from plugins.duty.units import ServedUnit
from plugins.ledger import tellings
from plugins.ledger.tellings import Told

from .model import DailyReport, HeldFor, ReportActivity, ReportSource, ReportStatus

LEDGER_SOURCE = {
    ReportSource.MESSAGE: Source.REPORT,
    ReportSource.COMMAND: Source.REPORT,
    ReportSource.IMPORT: Source.IMPORT,
}


@dataclass(frozen=True)
class RecordedReport:
    """What the bot says back, so that a wrong reading or a wrong match is seen at once."""

    report_id: int
    duty_date: date
    site_label: str | None
    present: int
    found_total: int
    resolved_total: int
    pending_total: int
    notes: tuple[str, ...]
    # True when it replaced the sender's earlier report for the same site and day.
    corrected: bool = False
    # Another member's report of the same duty was there first: this one joined it.
    merged: bool = False
    # Ledger numbers of the problems it told that were registered before (by /问题 or an
    # earlier report), those it registered now, and the quantity of the new ones.
    known: tuple[int, ...] = ()
    new_numbers: tuple[int, ...] = ()
    new_found: int = 0
    # Problems told before that this report says are now fixed.
    resolved_known: tuple[int, ...] = ()
    absent: tuple[str, ...] = ()
    # Not counted yet: waiting for the sender's answer.
    held_for: HeldFor | None = None
    items: int = 0
    # Sentences that repeated others in the message (read once).
    repeated: int = 0
    # The report names a site of another unit served by the bot.
    other_unit_site: str | None = None


@dataclass(frozen=True)
class Withdrawal:
    duty_date: date
    site_label: str | None
    problems: int
    checkins: int
    # A recalled correction: the report it had replaced counts again.
    restored: RecordedReport | None = None


@dataclass
class _Applied:
    present: int = 0
    known: list[int] = field(default_factory=list)
    new_numbers: list[int] = field(default_factory=list)
    new_found: int = 0
    resolved_known: list[int] = field(default_factory=list)


async def report_submitted(session: AsyncSession, site_id: int, day: date) -> bool:
    """Whether a site's duty on ``day`` has a (current) daily report."""
    found = await session.scalar(
        sa.select(DailyReport.id)
        .where(
            DailyReport.site_id == site_id,
            DailyReport.duty_date == day,
            DailyReport.status == ReportStatus.ACTIVE,
        )
        .limit(1)
    )
    return found is not None


def found_at(served: ServedUnit, report: DailyReport, day: date) -> datetime:
    """When a report's problems were found: its send time, or the end of the duty it is about
    when it was sent on a later day."""
    return _found_at(served, day, clock.to_local(report.sent_at))


def _found_at(served: ServedUnit, day: date, sent_at: datetime) -> datetime:
    # A report posted the next day about yesterday's duty: its problems were found that day.
    if day == sent_at.date():
        return sent_at
    return datetime.combine(day, served.unit.roster.end, tzinfo=clock.timezone())


async def record_report(
    session: AsyncSession,
    served: ServedUnit,
    parsed,
    *,
    raw_text: str,
    sent_at: datetime,
    source: ReportSource,
    sender_qq: int | None,
    sender_name: str = "",
    chat: str | None = None,
    message_id: str | None = None,
    other_unit_site: str | None = None,
) -> RecordedReport:
    """Record one site's report read from a message (a message may carry several)."""
    reading = parsed if isinstance(parsed, Reading) else Reading.from_parsed(parsed)
    unit = served.unit
    if reading.site is None and len(unit.sites) == 1:
        reading = reading.with_site(unit.sites[0].name)
    site = unit.site(reading.site) if reading.site else None
    site_id = served.site_id(site) if site else None
    held_for = None
    if site_id is None:
        held_for = HeldFor.SITE
    elif looks_pasted(reading):
        held_for = HeldFor.CONFIRMATION

    earlier = await _earlier_from_sender(session, served, site_id, reading.date, sender_qq)
    report = DailyReport(
        unit_id=served.unit_id,
        site_id=site_id,
        duty_date=reading.date,
        sender_qq=sender_qq,
        sender_name=sender_name[:64],
        chat=chat,
        message_id=message_id,
        sent_at=clock.to_utc_naive(sent_at),
        raw_text=raw_text,
        source=source,
        status=ReportStatus.HELD if held_for else ReportStatus.ACTIVE,
        held_for=held_for,
        parsed=reading.to_json(),
        found_total=reading.found_total,
        resolved_total=reading.resolved_total,
        pending_total=reading.pending_total,
        staff_named=json.dumps(list(reading.staff), ensure_ascii=False),
        notes=json.dumps(list(reading.notes), ensure_ascii=False),
    )
    session.add(report)
    await session.flush()

    # A correction replaces the sender's earlier report, and a report with the site replaces
    # the sender's report that is still waiting to be told its site.
    corrected = False
    for old in earlier:
        if held_for is HeldFor.SITE and old.status is not ReportStatus.HELD:
            continue
        await _unapply(session, served, old, sender_qq, sent_at, "被更正后的日报替代", message_id)
        old.status = ReportStatus.SUPERSEDED
        old.superseded_by_id = report.id
        corrected = corrected or old.site_id == site_id

    applied = _Applied()
    merged = False
    if held_for is None:
        merged = await _has_other_report(session, report)
        applied = await _apply(session, served, report, reading, sender_qq, sent_at)

    await duty_service.audit(
        session,
        served.unit_id,
        "correct" if corrected else ("hold" if held_for else "record"),
        "report",
        report.id,
        actor_qq=sender_qq,
        message_id=message_id,
        detail=f"{reading.date} {site.label if site else '地点未认出'}："
        f"发现{reading.found_total} 解决{reading.resolved_total}",
        at=sent_at,
    )
    await session.flush()
    return _recorded(
        report,
        reading,
        site,
        applied,
        corrected=corrected,
        merged=merged and not corrected,
        held_for=held_for,
        other_unit_site=other_unit_site,
    )


def _recorded(
    report: DailyReport,
    reading: Reading,
    site: Site | None,
    applied: _Applied,
    *,
    corrected: bool = False,
    merged: bool = False,
    held_for: HeldFor | None = None,
    other_unit_site: str | None = None,
) -> RecordedReport:
    return RecordedReport(
        report_id=report.id,
        duty_date=reading.date,
        site_label=site.label if site else None,
        present=applied.present,
        found_total=reading.found_total,
        resolved_total=reading.resolved_total,
        pending_total=reading.pending_total,
        notes=reading.notes,
        corrected=corrected,
        merged=merged,
        known=tuple(dict.fromkeys(applied.known)),
        new_numbers=tuple(applied.new_numbers),
        new_found=applied.new_found,
        resolved_known=tuple(dict.fromkeys(applied.resolved_known)),
        absent=reading.absent,
        held_for=held_for,
        items=len(reading.problems),
        repeated=reading.repeated_sentences,
        other_unit_site=other_unit_site,
    )


async def _earlier_from_sender(
    session: AsyncSession,
    served: ServedUnit,
    site_id: int | None,
    day: date,
    sender_qq: int | None,
) -> list[DailyReport]:
    """The sender's current reports this one replaces: the same site and day, or (when this
    one has its site) one of that day still waiting to be told its site."""
    if sender_qq is None:
        return []
    same_duty = (
        sa.and_(DailyReport.site_id == site_id, DailyReport.status.in_(_CURRENT))
        if site_id is not None
        else sa.false()
    )
    waiting = sa.and_(
        DailyReport.site_id.is_(None),
        DailyReport.status == ReportStatus.HELD,
        DailyReport.held_for == HeldFor.SITE,
    )
    return list(
        await session.scalars(
            sa.select(DailyReport)
            .where(
                DailyReport.unit_id == served.unit_id,
                DailyReport.duty_date == day,
                DailyReport.sender_qq == sender_qq,
                sa.or_(same_duty, waiting),
            )
            .order_by(DailyReport.id)
        )
    )


_CURRENT = (ReportStatus.ACTIVE, ReportStatus.HELD)


async def _has_other_report(session: AsyncSession, report: DailyReport) -> bool:
    found = await session.scalar(
        sa.select(DailyReport.id)
        .where(
            DailyReport.unit_id == report.unit_id,
            DailyReport.site_id == report.site_id,
            DailyReport.duty_date == report.duty_date,
            DailyReport.status == ReportStatus.ACTIVE,
            DailyReport.id != report.id,
        )
        .limit(1)
    )
    return found is not None


async def _apply(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    reading: Reading,
    actor_qq: int | None,
    at: datetime,
) -> _Applied:
    """Count a report: its activities, its problems (each matched with the ledger) and its
    people."""
    assert report.site_id is not None
    unit = served.unit
    found_on_duty = found_at(served, report, reading.date)
    for activity in reading.activities:
        session.add(
            ReportActivity(
                report_id=report.id, kind=activity.kind, count=activity.count, unit=activity.unit
            )
        )
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
    outcomes = await tellings.tell_problems(
        session,
        served.unit_id,
        report.site_id,
        reading.date,
        found_on_duty,
        told,
        lexicon_for(unit),
        source=LEDGER_SOURCE[report.source],
        actor_qq=report.sender_qq,
        message_id=report.message_id,
        report_id=report.id,
    )
    applied = _Applied()
    for item, outcome in zip(told, outcomes, strict=True):
        if outcome.new:
            applied.new_numbers.extend(outcome.numbers)
            applied.new_found += item.count
        else:
            applied.known.extend(outcome.numbers)
            applied.resolved_known.extend(outcome.resolved_now)

    absent = {m.name for name in reading.absent if (m := unit.staff_named(name)) is not None}
    listed = [
        member.name
        for name in reading.staff
        if (member := unit.staff_named(name)) is not None and member.name not in absent
    ]
    listed = list(dict.fromkeys(listed))
    people = await duty_service.staff_by_names(session, served.unit_id, listed)
    outcome = await duty_service.record_checkins(
        session,
        served.unit_id,
        report.site_id,
        people,
        reading.date,
        found_on_duty,
        CheckinSource.IMPORT if report.source is ReportSource.IMPORT else CheckinSource.REPORT,
        report.sender_qq,
        report.message_id,
    )
    if absent:
        await _not_present(session, served, report, sorted(absent), actor_qq, at)
        outcome_present = await _present_count(session, report.site_id, reading.date)
    else:
        outcome_present = len(outcome.present)
    applied.present = outcome_present
    return applied


async def _present_count(session: AsyncSession, site_id: int, day: date) -> int:
    return int(
        await session.scalar(
            sa.select(sa.func.count())
            .select_from(Checkin)
            .where(Checkin.site_id == site_id, Checkin.duty_date == day)
        )
        or 0
    )


async def _not_present(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    names: list[str],
    actor_qq: int | None,
    at: datetime,
) -> None:
    """People the report says did not come: a check-in made for them by someone else (a report,
    a leader's /报到 of the whole team) is taken back. Their own /报到 stands."""
    rows = await session.execute(
        sa.select(Checkin, Staff.qq)
        .join(Staff, Staff.id == Checkin.staff_id)
        .where(
            Checkin.site_id == report.site_id,
            Checkin.duty_date == report.duty_date,
            Staff.name.in_(names),
        )
    )
    for checkin, qq in rows:
        if checkin.source is CheckinSource.SELF and (qq is None or checkin.by_qq == qq):
            continue
        await duty_service.audit(
            session,
            served.unit_id,
            "withdraw",
            "checkin",
            checkin.id,
            actor_qq=actor_qq,
            message_id=report.message_id,
            detail=f"日报写明未到：staff {checkin.staff_id} {checkin.duty_date}",
            at=at,
        )
        await session.delete(checkin)
    await session.flush()


async def _unapply(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    actor_qq: int | None,
    at: datetime,
    reason: str,
    message_id: str | None,
) -> tuple[int, int]:
    """Withdraw what a report told: problems only it told leave the ledger, what it changed on
    others is undone, and check-ins only it made are taken back (a person another current
    report of the duty names stays present, now on that report's account)."""
    if report.status is not ReportStatus.ACTIVE:
        return 0, 0
    retraction = await tellings.retract_tellings(
        session,
        served.unit_id,
        report_id=report.id,
        at=at,
        actor_qq=actor_qq,
        reason=reason,
    )
    removed = 0
    if report.message_id is not None and report.site_id is not None:
        checkins = list(
            await session.scalars(
                sa.select(Checkin).where(
                    Checkin.site_id == report.site_id,
                    Checkin.duty_date == report.duty_date,
                    Checkin.message_id == report.message_id,
                    Checkin.source.in_([CheckinSource.REPORT, CheckinSource.IMPORT]),
                )
            )
        )
        others = await _other_reports_naming(session, report)
        for checkin in checkins:
            still = others.get(checkin.staff_id)
            if still is not None:
                checkin.message_id = still
                continue
            await duty_service.audit(
                session,
                served.unit_id,
                "withdraw",
                "checkin",
                checkin.id,
                actor_qq=actor_qq,
                message_id=message_id,
                detail=f"日报到岗记录撤回（{reason}）：staff {checkin.staff_id} {checkin.duty_date}",
                at=at,
            )
            await session.delete(checkin)
            removed += 1
    await session.flush()
    return len(retraction.withdrawn), removed


async def _other_reports_naming(session: AsyncSession, report: DailyReport) -> dict[int, str]:
    """Staff ids named present by the duty's other current reports, with that report's message."""
    rows = await session.execute(
        sa.select(DailyReport.staff_named, DailyReport.parsed, DailyReport.message_id).where(
            DailyReport.unit_id == report.unit_id,
            DailyReport.site_id == report.site_id,
            DailyReport.duty_date == report.duty_date,
            DailyReport.status == ReportStatus.ACTIVE,
            DailyReport.id != report.id,
            DailyReport.message_id.is_not(None),
        )
    )
    names: dict[str, str] = {}
    for staff_named, parsed, message_id in rows:
        absent = set(Reading.from_json(parsed).absent) if parsed else set()
        for name in json.loads(staff_named or "[]"):
            if name not in absent:
                names.setdefault(name, message_id)
    if not names:
        return {}
    staff = await session.execute(
        sa.select(Staff.id, Staff.name).where(
            Staff.unit_id == report.unit_id, Staff.name.in_(list(names))
        )
    )
    return {staff_id: names[name] for staff_id, name in staff}


def reading_of(report: DailyReport, served: ServedUnit) -> Reading:
    """What the report was read as (reports from before readings were kept are read again)."""
    if report.parsed:
        return Reading.from_json(report.parsed)
    from dutybot.report_parser import parse_message

    sent = clock.to_local(report.sent_at)
    for parsed in parse_message(report.raw_text, sent, served.unit, report.sender_name, True):
        site = served.unit.site(parsed.site) if parsed.site else None
        if (served.site_id(site) if site else None) == report.site_id:
            return Reading.from_parsed(parsed)
    return Reading(report.duty_date, None, (), (), (), ())


async def withdraw_recalled(
    session: AsyncSession,
    served: ServedUnit,
    chat: str,
    message_id: str,
    actor_qq: int | None,
    at: datetime,
    *,
    reason: str = "消息已撤回",
) -> list[Withdrawal]:
    """A recalled message withdraws the reports read from it and what they told (an undone
    import withdraws its messages the same way, with its own ``reason``). When the recalled
    report had corrected an earlier one, that earlier report counts again."""
    reports = list(
        await session.scalars(
            sa.select(DailyReport).where(
                DailyReport.unit_id == served.unit_id,
                DailyReport.chat == chat,
                DailyReport.message_id == message_id,
                DailyReport.status.in_(_CURRENT),
            )
        )
    )
    withdrawals = []
    for report in reports:
        problems, checkins = await _unapply(
            session, served, report, actor_qq, at, reason, message_id
        )
        report.status = ReportStatus.WITHDRAWN
        await duty_service.audit(
            session,
            served.unit_id,
            "withdraw",
            "report",
            report.id,
            actor_qq=actor_qq,
            message_id=message_id,
            detail=reason,
            at=at,
        )
        restored = await _restore_replaced(session, served, report, actor_qq, at)
        site = served.site_by_id(report.site_id) if report.site_id else None
        withdrawals.append(
            Withdrawal(report.duty_date, site.label if site else None, problems, checkins, restored)
        )
    await session.flush()
    return withdrawals


async def _restore_replaced(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    actor_qq: int | None,
    at: datetime,
) -> RecordedReport | None:
    earlier = await session.scalar(
        sa.select(DailyReport)
        .where(
            DailyReport.superseded_by_id == report.id,
            DailyReport.status == ReportStatus.SUPERSEDED,
        )
        .order_by(DailyReport.id.desc())
        .limit(1)
    )
    if earlier is None:
        return None
    reading = reading_of(earlier, served)
    earlier.superseded_by_id = None
    if earlier.site_id is None or earlier.held_for is not None:
        earlier.status = ReportStatus.HELD
        return None
    earlier.status = ReportStatus.ACTIVE
    applied = await _apply(session, served, earlier, reading, actor_qq, at)
    await duty_service.audit(
        session,
        served.unit_id,
        "restore",
        "report",
        earlier.id,
        actor_qq=actor_qq,
        message_id=report.message_id,
        detail="更正的日报撤回，恢复原日报",
        at=at,
    )
    site = served.site_by_id(earlier.site_id)
    return _recorded(earlier, reading, site, applied)


# ---------------------------------------------------------------------------------------------
# Held reports: answered later


async def held_report(session: AsyncSession, unit_id: int, report_id: int) -> DailyReport | None:
    return await session.scalar(
        sa.select(DailyReport).where(
            DailyReport.id == report_id,
            DailyReport.unit_id == unit_id,
            DailyReport.status == ReportStatus.HELD,
        )
    )


async def release_held(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    actor_qq: int | None,
    at: datetime,
    message_id: str | None,
    site: Site | None = None,
) -> RecordedReport:
    """The sender answered: the site is ``site``, or the paste is confirmed as one duty."""
    reading = reading_of(report, served)
    if site is not None:
        reading = reading.with_site(site.name)
        report.site_id = served.site_id(site)
        report.parsed = reading.to_json()
        report.notes = json.dumps(list(reading.notes), ensure_ascii=False)
        # The sender's own earlier report of that duty is replaced, as by a correction.
        for old in await _earlier_from_sender(
            session, served, report.site_id, reading.date, report.sender_qq
        ):
            if old.id == report.id:
                continue
            await _unapply(session, served, old, actor_qq, at, "被更正后的日报替代", message_id)
            old.status = ReportStatus.SUPERSEDED
            old.superseded_by_id = report.id
        if looks_pasted(reading):
            report.held_for = HeldFor.CONFIRMATION
            await session.flush()
            return _recorded(report, reading, site, _Applied(), held_for=HeldFor.CONFIRMATION)
    assert report.site_id is not None
    report.status = ReportStatus.ACTIVE
    report.held_for = None
    merged = await _has_other_report(session, report)
    applied = await _apply(session, served, report, reading, actor_qq, at)
    await duty_service.audit(
        session,
        served.unit_id,
        "record",
        "report",
        report.id,
        actor_qq=actor_qq,
        message_id=message_id,
        detail=f"答复后计入：{reading.date} 发现{reading.found_total} 解决{reading.resolved_total}",
        at=at,
    )
    await session.flush()
    return _recorded(report, reading, served.site_by_id(report.site_id), applied, merged=merged)


async def note_bot_message(session: AsyncSession, report_ids: list[int], message_id: str) -> None:
    """Remember the bot's reply about these reports, so that replying to it corrects them."""
    await session.execute(
        sa.update(DailyReport)
        .where(DailyReport.id.in_(report_ids))
        .values(bot_message_id=message_id)
        .execution_options(synchronize_session=False)
    )


async def reports_by_bot_message(
    session: AsyncSession, unit_id: int, message_id: str
) -> list[DailyReport]:
    return list(
        await session.scalars(
            sa.select(DailyReport)
            .where(DailyReport.unit_id == unit_id, DailyReport.bot_message_id == message_id)
            .order_by(DailyReport.id)
        )
    )
