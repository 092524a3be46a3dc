"""The 12-month trend: the monthly summary's own totals, months that are over kept until a
change dated in them (or a bulk statement on the figures' tables) is flushed."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from dutybot.monthly import Period, combine
from tests.plugins.monthly.month import utc

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))


async def unit_trend(served):
    from nonebot_plugin_orm import get_session

    from plugins.dashboard import trend
    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, NOVEMBER)
        return await trend.trend(session, (served.unit_id,), NOVEMBER, summary.total)


async def october_total(served):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import figures

    async with get_session() as session:
        return combine(await figures.site_figures(session, served.unit_id, OCTOBER))


def cached_months() -> list[str]:
    from plugins.dashboard import trend

    return sorted(key for _, key in trend._cache)


async def test_twelve_months_of_the_summary_figures(november, served):
    points = await unit_trend(served)
    assert [p.period.key for p in points] == [f"2025-{m:02d}" for m in (12,)] + [
        f"2026-{m:02d}" for m in range(1, 12)
    ]
    assert [p.label for p in points][-3:] == ["9月", "10月", "11月"]
    october = await october_total(served)
    assert points[-2].figures == october
    assert (october.found, october.present, october.rostered) == (2, 1, 1)
    assert points[-1].figures.found == 15  # the month looked at, as given
    # The eleven months before are over: kept.
    assert len(cached_months()) == 11


async def test_a_change_dated_in_a_cached_month_drops_it(november, served):
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Checkin, CheckinSource

    await unit_trend(served)
    async with get_session() as session:  # a check-in recorded late for 28 October
        session.add(
            Checkin(
                unit_id=served.unit_id,
                site_id=november.road,
                staff_id=november.staff["李娜"],
                duty_date=date(2026, 10, 28),
                checked_at=utc("2026-10-28 07:40"),
                source=CheckinSource.LEADER,
            )
        )
        await session.commit()
    assert cached_months()[-1] == "2026-09"  # October dropped, September kept
    points = await unit_trend(served)
    assert points[-2].figures.present == 2
    assert points[-2].figures == await october_total(served)


async def test_todays_work_keeps_the_months_that_are_over(november, served):
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Checkin, CheckinSource
    from plugins.roster.model import Reminder

    await unit_trend(served)
    async with get_session() as session:
        session.add(
            Checkin(
                unit_id=served.unit_id,
                site_id=november.road,
                staff_id=november.staff["李娜"],
                duty_date=date(2026, 12, 2),
                checked_at=utc("2026-12-02 07:40"),
                source=CheckinSource.SELF,
            )
        )
        await session.execute(sa.update(Reminder).values(attempts=2))  # not a figure
        await session.commit()
    assert len(cached_months()) == 11


async def test_a_bulk_statement_on_the_figures_drops_everything(november, served):
    from nonebot_plugin_orm import get_session

    from plugins.ledger.model import Problem

    await unit_trend(served)
    async with get_session() as session:
        await session.execute(
            sa.update(Problem).where(Problem.number == 999).values(category="其他")
        )
        await session.commit()
    assert cached_months() == []


async def test_problems_reopened_drop_the_month_they_were_resolved_in(november, served):
    from nonebot_plugin_orm import get_session

    from plugins.ledger import service as ledger
    from tests.plugins.monthly.month import QQ, local

    await unit_trend(served)
    async with get_session() as session:
        # #3 was found on 20 October and resolved on 6 November.
        await ledger.reopen_problem(
            session, served.unit_id, 3, QQ["王晓明"], local("2026-12-02 08:00"), "又松了"
        )
        await session.commit()
    assert cached_months()[-1] == "2026-09"  # from its finding in October on
