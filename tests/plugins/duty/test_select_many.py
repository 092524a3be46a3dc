"""``select_many``: several statements in one trip, rows as the session gives them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
import sqlalchemy as sa


async def test_rows_are_those_of_the_session_and_see_what_is_not_flushed(database):
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source, Status
    from plugins.duty import units
    from plugins.duty.select_many import select_many
    from plugins.ledger.model import Problem

    [served] = units.all_served()
    day = sa.bindparam("day", type_=sa.Date)
    by_status = (
        sa.select(Problem.status, Problem.found_on, sa.func.count())
        .where(Problem.unit_id == sa.bindparam("unit"), Problem.found_on <= day)
        .group_by(Problem.status, Problem.found_on)
        .order_by(Problem.status)
    )
    numbers = sa.select(Problem.number, Problem.found_at).order_by(Problem.number)
    async with get_session() as session:
        for number, status in ((1, Status.OPEN), (2, Status.RESOLVED)):
            session.add(
                Problem(
                    unit_id=served.unit_id, number=number, site_id=None, category="市容秩序",
                    description="小广告", quantity=2, status=status, source=Source.COMMAND,
                    found_at=datetime(2026, 11, 30, 0, 35), found_on=date(2026, 11, 30),
                    time_limit_days=3, due_on=date(2026, 12, 3),
                )
            )  # fmt: skip
        values = {"unit": served.unit_id, "day": date(2026, 11, 30)}
        got = await select_many(session, [(by_status, values), (numbers, {})])
        expected = [
            [tuple(row) for row in await session.execute(by_status, values)],
            [tuple(row) for row in await session.execute(numbers)],
        ]
    assert got == expected
    assert got[0] == [
        (Status.OPEN, date(2026, 11, 30), 1),
        (Status.RESOLVED, date(2026, 11, 30), 1),
    ]
    assert got[1] == [(1, datetime(2026, 11, 30, 0, 35)), (2, datetime(2026, 11, 30, 0, 35))]


async def test_a_list_parameter_is_refused(database):
    from nonebot_plugin_orm import get_session

    from plugins.duty.database import is_sqlite
    from plugins.duty.select_many import select_many
    from plugins.ledger.model import Problem

    if not is_sqlite():
        pytest.skip("other databases run the statements through the session")
    async with get_session() as session:
        with pytest.raises(ValueError, match="IN"):
            await select_many(session, [(sa.select(Problem.id).where(Problem.id.in_([1, 2])), {})])
