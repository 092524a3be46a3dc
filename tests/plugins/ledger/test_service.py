"""The ledger's storage functions, called directly as the report reader and reminders will."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from dutybot.errors import (
    AlreadyResolved,
    DescriptionTooLong,
    EmptyDescription,
    NotAllowed,
    NotResolved,
    UnknownProblem,
)
from dutybot.ledger import Source, Status

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 30, 7, 35, tzinfo=SHANGHAI)
TUESDAY = datetime(2026, 12, 1, 8, 0, tzinfo=SHANGHAI)
ROAD = "玄帝庙街（铁北路至车站西路）路西"
GRID = "市16网格（南苑街道凤凰城社区）"


async def record(served, text="电动车乱停放5处", quantity=5, category="市容秩序", **kw):
    from nonebot_plugin_orm import get_session

    from plugins.ledger import service

    args = dict(
        site_id=served.site_ids[ROAD],
        category=category,
        description=text,
        quantity=quantity,
        found_at=MONDAY,
        source=Source.COMMAND,
        reporter_qq=20001,
        message_id="m1",
    )
    args.update(kw)
    async with get_session() as session:
        row = await service.add_problem(session, served.unit_id, **args)
        problem = await service.problem_view(session, row)
        await session.commit()
    return problem


async def rows(sql: str) -> list[tuple]:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return [tuple(r) for r in await session.execute(sa.text(sql))]


async def run(function, *args, **kwargs):
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        result = await function(session, *args, **kwargs)
        await session.commit()
    return result


async def test_record_problem_with_dates_and_deadline(served):
    problem = await record(served)
    assert problem.number == 1
    assert problem.status is Status.OPEN
    assert problem.found_on == date(2026, 11, 30)
    assert problem.time_limit_days == 1  # [time_limits] 市容秩序 = 1
    assert problem.due_on == date(2026, 12, 1)
    assert problem.reporter_name == "王晓明"
    assert problem.site_name == ROAD
    assert not problem.is_overdue(date(2026, 12, 1))
    assert problem.is_overdue(date(2026, 12, 2))
    [(found_at, found_on, due_on, source)] = await rows(
        "SELECT found_at, found_on, due_on, source FROM ledger_problem"
    )
    assert str(found_at).startswith("2026-11-29 23:35")  # naive UTC
    assert (str(found_on), str(due_on), source) == ("2026-11-30", "2026-12-01", "command")
    assert await rows(
        "SELECT action, from_status, to_status, actor_qq FROM ledger_problemevent"
    ) == [("register", None, "open", 20001)]


async def test_category_without_a_limit_uses_the_default(served):
    problem = await record(served, "路边噪音大", 1, "其他")
    assert problem.time_limit_days == 7


async def test_numbers_count_up_per_unit(two_units):
    first, second = two_units
    assert [(await record(first)).number for _ in range(3)] == [1, 2, 3]
    assert (await record(second, site_id=second.site_ids[ROAD])).number == 1


async def test_registrations_at_the_same_moment_get_different_numbers(served):
    numbers = await asyncio.gather(*(record(served) for _ in range(5)))
    assert sorted(p.number for p in numbers) == [1, 2, 3, 4, 5]


async def test_empty_or_long_description_writes_nothing(served):
    with pytest.raises(EmptyDescription):
        await record(served, "  ")
    with pytest.raises(DescriptionTooLong):
        await record(served, "乱" * 5000)
    assert await rows("SELECT count(*) FROM ledger_problem") == [(0,)]
    assert await rows("SELECT count(*) FROM ledger_problemevent") == [(0,)]


async def test_problem_from_a_report(served):
    problem = await record(served, source=Source.REPORT, report_id=77, message_id="r9")
    assert (problem.source, problem.report_id) == (Source.REPORT, 77)
    assert await rows("SELECT report_id FROM ledger_problem WHERE report_id = 77") == [(77,)]


async def test_found_and_fixed_on_the_spot(served):
    problem = await record(served, "烟头10个", 10, "环境卫生", resolved=True)
    assert problem.status is Status.RESOLVED
    assert problem.on_the_spot
    assert (problem.resolved_quantity, problem.resolved_on) == (10, date(2026, 11, 30))
    assert problem.resolved_by_qq == 20001
    assert await rows("SELECT action, from_status, to_status, note FROM ledger_problemevent") == [
        ("register", None, "resolved", "现场整改")
    ]


async def test_partly_fixed_is_two_rows_and_the_figures_add_up(served):
    from plugins.ledger import service

    async def parts(session, *args, **kwargs):
        # Read before the commit expires the rows.
        rows = await service.add_partly_fixed(session, *args, **kwargs)
        return [
            SimpleNamespace(quantity=r.quantity, status=r.status, number=r.number) for r in rows
        ]

    done, rest = await run(
        parts,
        served.unit_id,
        served.site_ids[ROAD],
        "市容秩序",
        "违停5处，已挪走3处",
        5,
        3,
        MONDAY,
        Source.REPORT,
        20001,
        "m1",
        report_id=5,
    )
    assert (done.quantity, done.status, rest.quantity, rest.status) == (
        3,
        Status.RESOLVED,
        2,
        Status.OPEN,
    )
    await record(served, "井盖松动", 1, "基础设施")
    withdrawn = await record(served, "重复的", 4)
    await run(service.withdraw_problem, served.unit_id, withdrawn.number, 20001, MONDAY, "重复")
    figures = await run(
        service.ledger_figures, served.unit_id, date(2026, 11, 1), date(2026, 11, 30)
    )
    assert [
        (f.category, f.found, f.found_problems, f.resolved, f.on_the_spot) for f in figures
    ] == [
        ("基础设施", 1, 1, 0, 0),
        ("市容秩序", 5, 2, 3, 3),
    ]
    # The rest resolved in December counts for December.
    await run(service.resolve_problem, served.unit_id, rest.number, 20002, TUESDAY)
    december = await run(
        service.ledger_figures, served.unit_id, date(2026, 12, 1), date(2026, 12, 31)
    )
    assert [(f.category, f.found, f.resolved) for f in december] == [("市容秩序", 0, 2)]


async def test_the_whole_life_of_a_problem_is_kept(served):
    from plugins.ledger import service

    problem = await record(served)
    n = problem.number
    change = await run(
        service.coordinate_problem, served.unit_id, n, "城管执法中队", 20002, MONDAY, "m2"
    )
    assert (change.before, change.after) == (Status.OPEN, Status.COORDINATING)
    change = await run(service.resolve_problem, served.unit_id, n, 20003, TUESDAY, "已清走", "m3")
    assert change.problem.resolved_on == date(2026, 12, 1)
    assert change.problem.resolved_quantity == 5
    await run(service.mark_for_recheck, served.unit_id, n, 20001, TUESDAY, "m4")
    change = await run(service.reopen_problem, served.unit_id, n, 20001, TUESDAY, "又停满了", "m5")
    assert change.rework
    assert change.problem.rework_count == 1
    assert change.problem.status is Status.OPEN
    assert change.problem.resolved_on is None and change.problem.resolved_quantity == 0
    assert change.problem.due_on == date(2026, 12, 2)  # the limit starts again
    await run(service.resolve_problem, served.unit_id, n, 20003, TUESDAY)
    await run(service.confirm_recheck, served.unit_id, n, 20001, TUESDAY, "", "m7")

    history = await run(service.problem_history, served.unit_id, n)
    assert [(h.action.value, h.from_status, h.to_status, h.actor_name) for h in history] == [
        ("register", None, Status.OPEN, "王晓明"),
        ("coordinate", Status.OPEN, Status.COORDINATING, "李娜"),
        ("resolve", Status.COORDINATING, Status.RESOLVED, "赵强"),
        ("recheck", Status.RESOLVED, Status.RECHECKING, "王晓明"),
        ("reopen", Status.RECHECKING, Status.OPEN, "王晓明"),
        ("resolve", Status.OPEN, Status.RESOLVED, "赵强"),
        ("verify", Status.RESOLVED, Status.VERIFIED, "王晓明"),
    ]
    assert [h.note for h in history][1:5] == ["城管执法中队", "已清走", "", "又停满了"]
    assert history[1].message_id == "m2"


async def test_refusals_change_nothing(served):
    from plugins.ledger import service

    problem = await record(served)
    await run(service.resolve_problem, served.unit_id, problem.number, 20002, MONDAY)
    with pytest.raises(AlreadyResolved) as caught:
        await run(service.resolve_problem, served.unit_id, problem.number, 20003, TUESDAY)
    assert caught.value.number == problem.number
    with pytest.raises(UnknownProblem):
        await run(service.resolve_problem, served.unit_id, 99, 20003, TUESDAY)
    other = await record(served)
    with pytest.raises(NotResolved):
        await run(service.reopen_problem, served.unit_id, other.number, 20003, TUESDAY, "x")
    assert len(await rows("SELECT id FROM ledger_problemevent")) == 3


async def test_only_the_reporter_or_a_coordinator_withdraws(served):
    from plugins.ledger import service

    problem = await record(served)
    with pytest.raises(NotAllowed):
        await run(service.withdraw_problem, served.unit_id, problem.number, 20002, MONDAY, "错")
    change = await run(
        service.withdraw_problem,
        served.unit_id,
        problem.number,
        10001,
        MONDAY,
        "重复",
        by_coordinator=True,
    )
    assert change.after is Status.WITHDRAWN
    assert await rows("SELECT status FROM ledger_problem") == [("withdrawn",)]


async def test_another_units_problem_is_not_found(two_units):
    from plugins.ledger import service

    first, second = two_units
    await record(second, site_id=second.site_ids[ROAD])
    await record(second, site_id=second.site_ids[ROAD])
    with pytest.raises(UnknownProblem):
        await run(service.problem_by_number, first.unit_id, 2)
    with pytest.raises(UnknownProblem):
        await run(service.resolve_problem, first.unit_id, 2, 20001, MONDAY)


async def test_open_problems_and_rechecks_by_site_oldest_first(served):
    from plugins.ledger import service

    later = await record(served, "垃圾满溢", 1, "环境卫生", found_at=TUESDAY)
    earlier = await record(served, "电动车乱停放5处")
    grid = await record(served, "井盖松动", 1, "基础设施", site_id=served.site_ids[GRID])
    fixed = await record(served, "小广告", 2)
    await run(service.resolve_problem, served.unit_id, fixed.number, 20002, TUESDAY)
    await run(service.mark_for_recheck, served.unit_id, fixed.number, 20002, TUESDAY)

    road = await run(service.open_problems, served.unit_id, served.site_ids[ROAD])
    assert [p.number for p in road] == [earlier.number, later.number]
    everywhere = await run(service.open_problems, served.unit_id)
    assert [p.number for p in everywhere] == [earlier.number, grid.number, later.number]
    by_category = await run(service.open_problems, served.unit_id, category="基础设施")
    assert [p.number for p in by_category] == [grid.number]
    with_rechecks = await run(service.open_problems, served.unit_id, include_rechecking=True)
    assert fixed.number in [p.number for p in with_rechecks]

    assert [
        p.number
        for p in await run(service.problems_to_recheck, served.unit_id, served.site_ids[ROAD])
    ] == [fixed.number]
    assert await run(service.problems_to_recheck, served.unit_id, served.site_ids[GRID]) == []


async def test_problem_by_message(served):
    from plugins.ledger import service

    problem = await record(served, message_id="555")
    await run(service.note_bot_message, served.unit_id, problem.number, "9001")
    assert (await run(service.problem_by_message, served.unit_id, "9001")).number == 1
    assert (await run(service.problem_by_message, served.unit_id, "555")).number == 1
    assert await run(service.problem_by_message, served.unit_id, "1") is None


async def test_two_changes_at_once_cannot_both_apply(served):
    from nonebot_plugin_orm import get_session
    from sqlalchemy.orm.exc import StaleDataError

    from plugins.ledger import service
    from plugins.ledger.model import Problem

    problem = await record(served)
    async with get_session() as first, get_session() as second:
        # The second has read the open problem (and holds it) when the first resolves it.
        held = await second.scalar(sa.select(Problem).where(Problem.id == problem.id))
        assert held.status is Status.OPEN
        await service.resolve_problem(first, served.unit_id, problem.number, 20002, MONDAY)
        await first.commit()
        with pytest.raises(StaleDataError):
            await service.resolve_problem(second, served.unit_id, problem.number, 20003, MONDAY)
    assert await rows("SELECT actor_qq FROM ledger_problemevent WHERE action = 'resolve'") == [
        (20002,)
    ]
