"""Storage for daily reports, as intention-named functions taking the session.

Recording a report writes the report row, its activities, its problems into the ledger (found,
and resolved where it says so) and check-ins for the people it names. A correction or a recall
withdraws what the earlier report created, leaving history rows, and nothing is deleted but
the check-ins that only the withdrawn report had made (their removal is audited).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.ledger import MAX_DESCRIPTION, Source, Status
from dutybot.report_parser import ParsedReport
from dutybot.text import clip
from plugins.duty import service as duty_service
from plugins.duty.model import Checkin, CheckinSource
from plugins.duty.units import ServedUnit
from plugins.ledger import service as ledger
from plugins.ledger.model import Problem

from .model import DailyReport, ReportActivity, ReportSource, ReportStatus

LEDGER_SOURCE = {
    ReportSource.MESSAGE: Source.REPORT,
    ReportSource.COMMAND: Source.REPORT,
    ReportSource.IMPORT: Source.IMPORT,
}


@dataclass(frozen=True)
class RecordedReport:
    """What the bot says back, so that a wrong reading is seen at once."""

    report_id: int
    duty_date: date
    site_label: str | None
    present: int
    found_total: int
    resolved_total: int
    pending_total: int
    notes: tuple[str, ...]
    # True when it replaced the sender's earlier report for the same site and day.
    corrected: bool


@dataclass(frozen=True)
class Withdrawal:
    duty_date: date
    site_label: str | None
    problems: int
    checkins: int


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


async def record_report(
    session: AsyncSession,
    served: ServedUnit,
    parsed: ParsedReport,
    *,
    raw_text: str,
    sent_at: datetime,
    source: ReportSource,
    sender_qq: int | None,
    sender_name: str = "",
    chat: str | None = None,
    message_id: str | None = None,
) -> RecordedReport:
    """Record one site's report read from a message (a message may carry several)."""
    unit = served.unit
    site = unit.site(parsed.site) if parsed.site else None
    site_id = served.site_id(site) if site else None
    # A report posted the next day about yesterday's duty: its problems were found that day.
    if parsed.date == sent_at.date():
        found_at = sent_at
    else:
        found_at = datetime.combine(parsed.date, unit.roster.end, tzinfo=clock.timezone())

    earlier = None
    if site_id is not None and sender_qq is not None:
        earlier = await session.scalar(
            sa.select(DailyReport).where(
                DailyReport.unit_id == served.unit_id,
                DailyReport.site_id == site_id,
                DailyReport.duty_date == parsed.date,
                DailyReport.sender_qq == sender_qq,
                DailyReport.status == ReportStatus.ACTIVE,
            )
        )

    report = DailyReport(
        unit_id=served.unit_id,
        site_id=site_id,
        duty_date=parsed.date,
        sender_qq=sender_qq,
        sender_name=sender_name[:64],
        chat=chat,
        message_id=message_id,
        sent_at=clock.to_utc_naive(sent_at),
        raw_text=raw_text,
        source=source,
        found_total=parsed.found_total,
        resolved_total=parsed.resolved_total,
        pending_total=parsed.pending_total,
        staff_named=json.dumps(list(parsed.staff), ensure_ascii=False),
        notes=json.dumps(list(parsed.notes), ensure_ascii=False),
    )
    session.add(report)
    await session.flush()

    if earlier is not None:
        await _withdraw_effects(
            session, served, earlier, sender_qq, sent_at, "被更正后的日报替代", message_id
        )
        earlier.status = ReportStatus.SUPERSEDED
        earlier.superseded_by_id = report.id

    for activity in parsed.activities:
        session.add(
            ReportActivity(
                report_id=report.id, kind=activity.kind, count=activity.count, unit=activity.unit
            )
        )

    await _record_problems(session, served, parsed, report, site_id, found_at, sender_qq)

    present = 0
    if site_id is not None:
        listed = [name for name in parsed.staff if unit.staff_named(name) is not None]
        people = await duty_service.staff_by_names(session, served.unit_id, listed)
        outcome = await duty_service.record_checkins(
            session,
            served.unit_id,
            site_id,
            people,
            parsed.date,
            found_at,
            CheckinSource.IMPORT if source is ReportSource.IMPORT else CheckinSource.REPORT,
            sender_qq,
            message_id,
        )
        present = len(outcome.present)

    await duty_service.audit(
        session,
        served.unit_id,
        "correct" if earlier is not None else "record",
        "report",
        report.id,
        actor_qq=sender_qq,
        message_id=message_id,
        detail=f"{parsed.date} {site.label if site else '地点未认出'}："
        f"发现{parsed.found_total} 解决{parsed.resolved_total}",
        at=sent_at,
    )
    await session.flush()
    return RecordedReport(
        report_id=report.id,
        duty_date=parsed.date,
        site_label=site.label if site else None,
        present=present,
        found_total=parsed.found_total,
        resolved_total=parsed.resolved_total,
        pending_total=parsed.pending_total,
        notes=parsed.notes,
        corrected=earlier is not None,
    )


async def _record_problems(
    session: AsyncSession,
    served: ServedUnit,
    parsed: ParsedReport,
    report: DailyReport,
    site_id: int | None,
    found_at: datetime,
    sender_qq: int | None,
) -> None:
    source = LEDGER_SOURCE[report.source]
    for problem in parsed.problems:
        description = clip(problem.text.strip() or problem.category, MAX_DESCRIPTION)
        where = (session, served.unit_id, site_id, problem.category, description)
        if 0 < problem.resolved < problem.count:
            await ledger.add_partly_fixed(
                *where,
                problem.count,
                problem.resolved,
                found_at,
                source,
                sender_qq,
                report.message_id,
                report.id,
            )
        else:
            fixed = problem.resolved >= problem.count
            await ledger.add_problem(
                *where,
                problem.count,
                found_at,
                source,
                sender_qq,
                report.message_id,
                report.id,
                fixed,
                note=problem.fix_text if fixed else "",
            )


async def _withdraw_effects(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    actor_qq: int | None,
    at: datetime,
    reason: str,
    message_id: str | None,
) -> tuple[int, int]:
    """Withdraw the problems a report created and the check-ins only it had made."""
    numbers = list(
        await session.scalars(
            sa.select(Problem.number).where(
                Problem.unit_id == served.unit_id,
                Problem.report_id == report.id,
                Problem.status != Status.WITHDRAWN,
            )
        )
    )
    for number in numbers:
        await ledger.withdraw_problem(
            session,
            served.unit_id,
            number,
            actor_qq,
            at,
            reason,
            message_id,
            by_coordinator=True,
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
        for checkin in checkins:
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
    return len(numbers), removed


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
    """A recalled message withdraws the reports read from it and what they created (an undone
    import withdraws its messages the same way, with its own ``reason``)."""
    reports = list(
        await session.scalars(
            sa.select(DailyReport).where(
                DailyReport.unit_id == served.unit_id,
                DailyReport.chat == chat,
                DailyReport.message_id == message_id,
                DailyReport.status == ReportStatus.ACTIVE,
            )
        )
    )
    withdrawals = []
    for report in reports:
        problems, checkins = await _withdraw_effects(
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
        site = served.site_by_id(report.site_id) if report.site_id else None
        withdrawals.append(
            Withdrawal(report.duty_date, site.label if site else None, problems, checkins)
        )
    await session.flush()
    return withdrawals
