"""Storage for daily reports, as intention-named functions taking the session."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from .model import DailyReport, ReportStatus


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
