"""Corrections replied to the bot's "已记录 …" message: fix a report without retyping it.

``更正 发现12处 解决10处`` sets the report's figures, ``#8 是重复的`` / ``#8 不是问题`` takes a
problem out, ``不是问题`` does it for a report's only new problem. Each change is a telling of
the correction message (kept in the problem's history); recalling the correction undoes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot.duty_record import Correction
from dutybot.ledger import Status
from plugins.duty import service as duty_service
from plugins.duty.units import ServedUnit
from plugins.ledger import tellings
from plugins.ledger.model import Problem, ProblemTelling

from .model import DailyReport
from .service import found_at

NOTE = "日报更正"


@dataclass(frozen=True)
class Corrected:
    found: int
    resolved: int
    withdrawn: tuple[int, ...] = ()
    # Numbers named that this report did not register (registered by /问题 or another report).
    not_its_own: tuple[int, ...] = ()
    # "不是问题" without a number when the report registered several: which one?
    ask_number: tuple[int, ...] = ()


async def correct_report(
    session: AsyncSession,
    served: ServedUnit,
    report: DailyReport,
    correction: Correction,
    actor_qq: int | None,
    at: datetime,
    message_id: str | None,
) -> Corrected:
    assert report.site_id is not None
    rows = await tellings.report_rows(session, served.unit_id, report.id)
    own = await _registered(session, report.id)
    withdrawn: list[int] = []
    not_its_own: list[int] = []
    wanted = list(correction.not_problems)
    if correction.not_a_problem:
        mine = [r.number for r in rows if r.id in own]
        if len(mine) != 1:
            found, resolved = _figures(rows)
            return Corrected(found, resolved, ask_number=tuple(mine))
        wanted = mine
    by_number = {r.number: r for r in rows}
    for number in wanted:
        row = by_number.get(number)
        if row is None or row.id not in own:
            not_its_own.append(number)
            continue
        await tellings.withdraw_told(
            session, row, at, actor_qq, message_id, report.id, f"{NOTE}：不是问题或重复"
        )
        withdrawn.append(number)
    if correction.found is not None or correction.resolved is not None:
        found, resolved = await tellings.correct_totals(
            session,
            served.unit_id,
            report.site_id,
            report.id,
            found_at(served, report, report.duty_date),
            correction.found,
            correction.resolved,
            at,
            actor_qq,
            message_id,
            NOTE,
        )
    else:
        found, resolved = _figures(await tellings.report_rows(session, served.unit_id, report.id))
    report.found_total = found
    report.resolved_total = resolved
    report.pending_total = max(0, found - resolved)
    await duty_service.audit(
        session,
        served.unit_id,
        "correct",
        "report",
        report.id,
        actor_qq=actor_qq,
        message_id=message_id,
        detail=f"回复更正：发现{found} 解决{resolved}"
        + (f"，撤销 {' '.join(f'#{n}' for n in withdrawn)}" if withdrawn else ""),
        at=at,
    )
    await session.flush()
    return Corrected(found, resolved, tuple(withdrawn), tuple(not_its_own))


async def undo_correction(
    session: AsyncSession,
    served: ServedUnit,
    chat_message_id: str,
    actor_qq: int | None,
    at: datetime,
) -> DailyReport | None:
    """A recalled correction: its changes are undone and the report's figures follow."""
    report_id = await session.scalar(
        sa.select(ProblemTelling.report_id)
        .where(
            ProblemTelling.unit_id == served.unit_id,
            ProblemTelling.message_id == chat_message_id,
            ProblemTelling.report_id.is_not(None),
            ProblemTelling.active.is_(True),
        )
        .limit(1)
    )
    if report_id is None:
        return None
    report = await session.get(DailyReport, report_id)
    if report is None or report.message_id == chat_message_id:
        return None
    await tellings.retract_tellings(
        session,
        served.unit_id,
        message_id=chat_message_id,
        at=at,
        actor_qq=actor_qq,
        reason="更正消息已撤回",
    )
    found, resolved = _figures(await tellings.report_rows(session, served.unit_id, report.id))
    report.found_total = found
    report.resolved_total = resolved
    report.pending_total = max(0, found - resolved)
    await duty_service.audit(
        session,
        served.unit_id,
        "withdraw",
        "correction",
        report.id,
        actor_qq=actor_qq,
        message_id=chat_message_id,
        detail=f"更正撤回：发现{found} 解决{resolved}",
        at=at,
    )
    await session.flush()
    return report


def _figures(rows: list[Problem]) -> tuple[int, int]:
    counted = [r for r in rows if r.status is not Status.WITHDRAWN]
    return sum(r.quantity for r in counted), sum(r.resolved_quantity for r in counted)


async def _registered(session: AsyncSession, report_id: int) -> set[int]:
    return set(
        await session.scalars(
            sa.select(ProblemTelling.problem_id).where(
                ProblemTelling.report_id == report_id,
                ProblemTelling.registered.is_(True),
                ProblemTelling.active.is_(True),
            )
        )
    )
