"""Every figure of the summary against the hand-built month in ``month.py`` (where each
expected value is derived), computed by the real SQL on a migrated schema."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import event

from dutybot.monthly import (
    CityRow,
    Count,
    OpenProblem,
    Period,
    PersonFigures,
    SiteFigures,
    render_chat,
)
from tests.plugins.monthly.month import GRID, ROAD, SHANGHAI

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
OCTOBER = Period(date(2026, 10, 1), date(2026, 10, 31))
DECEMBER = Period(date(2026, 12, 1), date(2026, 12, 31))
JUNE = Period(date(2026, 6, 1), date(2026, 6, 30))
WEEK = Period(date(2026, 11, 2), date(2026, 11, 8), "week")


async def summary_of(served, period):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        return await delivery.build_summary(session, served, period)


def road(november, **figures) -> SiteFigures:
    return SiteFigures(name=ROAD, label="玄帝庙街路西", site_id=november.road, **figures)


def grid(november, **figures) -> SiteFigures:
    return SiteFigures(name=GRID, label="市16网格", site_id=november.grid, **figures)


def people(november, *rows) -> tuple[PersonFigures, ...]:
    departments = {
        "王晓明": "秘书科",
        "李娜": "秘书科",
        "赵强": "领事科",
        "刘海燕": "领事科",
        "陈志远": "出国境科",
        "孙悦": "出国境科",
        "周建国": "侨务科",
    }
    return tuple(
        PersonFigures(name, departments[name], november.staff[name], *values)
        for name, *values in rows
    )


async def test_november(november, served):
    summary = await summary_of(served, NOVEMBER)
    assert summary.unit_name == "市外侨办"
    assert summary.sites == (
        road(
            november,
            planned_duties=4,  # 2, 4, 6, 9 November
            held_duties=4,  # 2, 4, 6 (check-ins) and 11 (a report only); not the 9th
            rostered=8,  # 3 + 2 + 2 + 1 planned entries (leave and swapped ones are not)
            present=7,  # 2 + 3 + 2 check-ins, the report-named 李娜 counted once
            present_rostered=6,  # 周建国 was not rostered
            # duties with an active report: 2, 4, 6 (李娜's and 赵强's reports are one duty), 11
            reports=4,
            found=15,  # #1 5, #2 3, #5 1, #6 4, #7 2; #4 withdrawn; #3 found in October
            found_by_category=(Count("环境卫生", 7), Count("市容秩序", 5), Count("基础设施", 3)),
            resolved=7,  # #1 5, #3 1 (found in October), #5 1; #6 only in December
            resolved_by_category=(Count("市容秩序", 5), Count("基础设施", 2)),
            resolved_in_time=6,  # #3 was two days late
            reopened=1,  # #5
            unresolved=9,  # #2 3, #6 4 (resolved after the month), #7 2
            unresolved_overdue=7,  # #2 and #6; #7 is due 1 December
            days_to_resolve=((0, 1), (11, 1), (17, 1)),
            activities=(Count("发放宣传资料", 30, "份"), Count("劝导", 20, "人次")),
        ),
        grid(november, unresolved=1, unresolved_overdue=1),  # no duty; #8 from October
        SiteFigures(name="未注明地点", label="未注明地点", reports=1),  # 李娜's report
    )
    total = summary.total
    assert (total.reports, total.unresolved, total.unresolved_overdue) == (5, 10, 8)
    assert total.attendance_rate == "75%"
    assert total.closure_rate == "47%"
    assert total.on_time_rate == "86%"
    assert total.rework_rate == "14%"
    assert total.median_days == 11

    assert summary.people == people(
        november,
        # duties, present, leave, swapped, extra, reports on the day
        ("王晓明", 1, 1, 0, 1, 0, 1),  # swapped the 6th; report of the 2nd on the 2nd
        ("李娜", 2, 2, 0, 0, 0, 1),  # report with no site on the 2nd; the 6th's came on the 7th
        ("赵强", 2, 1, 0, 0, 0, 1),  # absent the 2nd; report sent 07:55 on the 6th
        ("刘海燕", 2, 1, 0, 0, 0, 0),  # absent the 9th; report a day late
        ("陈志远", 0, 0, 1, 0, 0, 0),
        ("孙悦", 1, 1, 0, 0, 0, 0),  # her report was recalled
        ("周建国", 0, 0, 0, 0, 1, 0),
    )
    assert [
        (d.department, d.duties, d.present, d.absent, d.attendance_rate)
        for d in summary.departments
    ] == [
        ("秘书科", 3, 3, 0, "100%"),
        ("领事科", 4, 2, 2, "50%"),
        ("出国境科", 1, 1, 0, "100%"),
        ("侨务科", 0, 0, 0, "—"),
    ]
    assert summary.oldest_open == (
        OpenProblem(
            8, "市16网格", "宣传氛围", "宣传栏破损", 1, date(2026, 10, 10), date(2026, 10, 17)
        ),
        OpenProblem(
            2,
            "玄帝庙街路西",
            "环境卫生",
            "绿化带内垃圾3处",
            3,
            date(2026, 11, 4),
            date(2026, 11, 5),
        ),
        OpenProblem(
            7,
            "玄帝庙街路西",
            "基础设施",
            "路面坑洼2处",
            2,
            date(2026, 11, 16),
            date(2026, 12, 1),
            "城管执法中队",
        ),
        OpenProblem(
            6, "玄帝庙街路西", "环境卫生", "烟头4处", 4, date(2026, 11, 25), date(2026, 11, 26)
        ),
    )
    assert summary.coordinated_with == (Count("城管执法中队", 2),)

    assert render_chat(summary) == "\n".join(
        [
            "市外侨办 2026年11月值班月报",
            "【玄帝庙街路西】",
            "值班 4 次（计划 4 次）",
            "到岗 7 人次（排班 8 人次，到岗率 75%，含非排班 1 人次）",
            "发现问题 15 处（环境卫生 7、市容秩序 5、基础设施 3）",
            "已解决 7 处，未解决 9 处（超期 7 处）",
            "结案率 47%，按期结案率 86%，返工率 14%",
            "处置天数中位数 11 天",
            "工作成效：发放宣传资料 30 份、劝导 20 人次",
            "【市16网格】",
            "值班 0 次（计划 0 次）",
            "到岗 0 人次（排班 0 人次，到岗率 —）",
            "发现问题 0 处",
            "已解决 0 处，未解决 1 处（超期 1 处）",
            "结案率 —，按期结案率 —，返工率 —",
            "处置天数中位数 —",
            "工作成效：无记录",
            "【合计】",
            "值班 4 次（计划 4 次）",
            "到岗 7 人次（排班 8 人次，到岗率 75%，含非排班 1 人次）",
            "发现问题 15 处（环境卫生 7、市容秩序 5、基础设施 3）",
            "已解决 7 处，未解决 10 处（超期 8 处）",
            "结案率 47%，按期结案率 86%，返工率 14%",
            "处置天数中位数 11 天",
            "工作成效：发放宣传资料 30 份、劝导 20 人次",
            "【各科室】",
            "秘书科：排班 3，到岗 3，缺岗 0，请假 0，换班 1，到岗率 100%",
            "领事科：排班 4，到岗 2，缺岗 2，请假 0，换班 0，到岗率 50%",
            "出国境科：排班 1，到岗 1，缺岗 0，请假 1，换班 0，到岗率 100%",
            "侨务科：排班 0，到岗 0，缺岗 0，请假 0，换班 0，到岗率 —，非排班 1",
            "【个人】",
            "王晓明：排班 1，到岗 1，缺岗 0，请假 0，换班 1，到岗率 100%，当日日报 1",
            "李娜：排班 2，到岗 2，缺岗 0，请假 0，换班 0，到岗率 100%，当日日报 1",
            "赵强：排班 2，到岗 1，缺岗 1，请假 0，换班 0，到岗率 50%，当日日报 1",
            "刘海燕：排班 2，到岗 1，缺岗 1，请假 0，换班 0，到岗率 50%，当日日报 0",
            "陈志远：排班 0，到岗 0，缺岗 0，请假 1，换班 0，到岗率 —，当日日报 0",
            "孙悦：排班 1，到岗 1，缺岗 0，请假 0，换班 0，到岗率 100%，当日日报 0",
            "周建国：排班 0，到岗 0，缺岗 0，请假 0，换班 0，到岗率 —，非排班 1，当日日报 0",
            "【最久未解决】（共 10 处）",
            "#8 市16网格·宣传氛围 宣传栏破损｜51天 已超期",
            "#2 玄帝庙街路西·环境卫生 绿化带内垃圾3处｜26天 已超期",
            "#7 玄帝庙街路西·基础设施 路面坑洼2处｜14天，城管执法中队处理中",
            "#6 玄帝庙街路西·环境卫生 烟头4处｜5天 已超期",
        ]
    )


async def test_october_keeps_what_was_open_at_its_end(november, served):
    """#3 was found in October and resolved in November: open at the end of October."""
    summary = await summary_of(served, OCTOBER)
    assert summary.sites == (
        road(
            november,
            planned_duties=1,
            held_duties=1,
            rostered=1,
            present=1,
            present_rostered=1,
            found=1,
            found_by_category=(Count("基础设施", 1),),
            unresolved=1,  # #3, due 4 November: not overdue yet
        ),
        grid(
            november,
            found=1,
            found_by_category=(Count("宣传氛围", 1),),
            unresolved=1,
            unresolved_overdue=1,
        ),
    )
    assert summary.people == people(november, ("王晓明", 1, 1, 0, 0, 0, 0))
    assert [(p.number, p.age_days(OCTOBER.last)) for p in summary.oldest_open] == [(8, 21), (3, 11)]
    assert summary.total.closure_rate == "0%"
    assert summary.total.on_time_rate == "—"


async def test_december_counts_the_november_problem_it_resolved(november, served):
    summary = await summary_of(served, DECEMBER)
    assert summary.sites == (
        road(
            november,
            planned_duties=1,  # 王晓明 on the 2nd, who did not come
            rostered=1,
            resolved=4,  # #6, found 25 November
            resolved_by_category=(Count("环境卫生", 4),),
            resolved_in_time=0,  # due 26 November
            unresolved=5,  # #2 3, #7 2
            unresolved_overdue=5,
            days_to_resolve=((7, 1),),
        ),
        grid(november, unresolved=1, unresolved_overdue=1),
    )
    total = summary.total
    assert (total.closure_rate, total.on_time_rate, total.rework_rate) == ("—", "0%", "0%")
    assert total.attendance_rate == "0%"
    assert summary.people == people(november, ("王晓明", 1, 0, 0, 0, 0, 0))
    assert summary.people[0].absent == 1


async def test_a_week(november, served):
    summary = await summary_of(served, WEEK)
    assert summary.sites[0] == road(
        november,
        planned_duties=3,
        held_duties=3,
        rostered=7,
        present=7,
        present_rostered=6,
        reports=3,  # 2, 4 and 6 November: the 6th's two reports are one duty
        found=8,
        found_by_category=(Count("市容秩序", 5), Count("环境卫生", 3)),
        resolved=6,
        resolved_by_category=(Count("市容秩序", 5), Count("基础设施", 1)),
        resolved_in_time=5,
        unresolved=3,
        unresolved_overdue=3,
        days_to_resolve=((0, 1), (17, 1)),
        activities=(Count("发放宣传资料", 30, "份"), Count("劝导", 17, "人次")),
    )
    assert summary.sites[0].median_days == 8.5
    text = render_chat(summary)
    assert text.startswith("市外侨办 11月2日—8日值班周报\n【玄帝庙街路西】\n值班 3 次（计划 3 次）")
    assert "处置天数中位数 8.5 天" in text


async def test_an_empty_month(november, served):
    summary = await summary_of(served, JUNE)
    assert summary.sites == (road(november), grid(november))
    assert summary.people == ()
    assert summary.oldest_open == ()
    assert summary.coordinated_with == ()
    assert summary.is_empty
    assert render_chat(summary) == (
        "市外侨办 2026年6月值班月报\n本月没有排班、报到、日报和问题记录。\n"
        "【玄帝庙街路西】本月没有值班和问题记录\n【市16网格】本月没有值班和问题记录"
    )


async def test_nothing_at_all(served):
    """A fresh database: no figures, no errors."""
    summary = await summary_of(served, NOVEMBER)
    assert summary.is_empty
    assert summary.total.median_days is None


async def test_photo_pairs(november, served):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery, figures

    async with get_session() as session:
        in_november = await figures.photo_pairs(
            session, served.unit_id, NOVEMBER, delivery.site_labels(served)
        )
        in_december = await figures.photo_pairs(session, served.unit_id, DECEMBER)
    assert [(p.number, p.site_label, p.theme) for p in in_november] == [
        (1, "玄帝庙街路西", "市容秩序整治：电动车乱停放5处")
    ]
    assert in_november[0].before_at == datetime(2026, 11, 2, 7, 50, tzinfo=SHANGHAI)
    assert in_november[0].after_at == datetime(2026, 11, 2, 8, 5, tzinfo=SHANGHAI)
    assert in_november[0].before_path.startswith("photos/2026-11/")
    assert [(p.number, p.after_at.date()) for p in in_december] == [(6, date(2026, 12, 2))]


async def test_city(november, two_units):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import figures

    first, second = two_units
    async with get_session() as session:
        rows = await figures.city_figures(session, NOVEMBER, [first.unit_id, second.unit_id])
        by_name = await figures.city_figures(session, NOVEMBER)
    assert [row.unit_name for row in rows] == ["市外侨办", "市商务局"]
    assert [row.unit_name for row in by_name] == ["市商务局", "市外侨办"]
    unit_total = (await summary_of(first, NOVEMBER)).total
    city = rows[0].figures
    for field in (
        "planned_duties",
        "held_duties",
        "rostered",
        "present",
        "present_rostered",
        "reports",
        "found",
        "found_by_category",
        "resolved",
        "resolved_by_category",
        "resolved_in_time",
        "reopened",
        "unresolved",
        "unresolved_overdue",
        "days_to_resolve",
        "activities",
    ):
        assert getattr(city, field) == getattr(unit_total, field), field
    assert rows[1] == CityRow("市商务局", SiteFigures(name="市商务局", label="市商务局"))


@pytest.fixture
async def two_units(served, tmp_path):
    """The test unit with 市商务局 (group 700000002, no records) beside it."""
    from nonebot_plugin_orm import get_session

    from plugins.duty import units
    from tests.conftest import UNIT_FILE

    folder = tmp_path / "units"
    folder.mkdir()
    text = UNIT_FILE.read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    (folder / "b.toml").write_text(
        text.replace('name = "市外侨办"', 'name = "市商务局"').replace("700000001", "700000002"),
        encoding="utf-8",
    )
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))
    return units.for_group(700000001), units.for_group(700000002)


async def test_the_number_of_queries_does_not_grow_with_the_data(november, served, database):
    """Aggregates, not rows: a month with many more records takes the same statements."""
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.ledger import service as ledger
    from tests.plugins.monthly.month import local

    statements: list[str] = []

    def count(*args):
        statements.append(args[2])

    event.listen(database.sync_engine, "before_cursor_execute", count)
    try:
        await summary_of(served, NOVEMBER)
        before = len(statements)
        async with get_session() as session:
            for day in range(1, 29):
                await ledger.add_problem(
                    session,
                    served.unit_id,
                    november.road,
                    "环境卫生",
                    f"垃圾{day}处",
                    day,
                    local(f"2026-11-{day:02d} 08:00"),
                    Source.COMMAND,
                    20001,
                    None,
                    resolved=day % 2 == 0,
                )
            await session.commit()
        statements.clear()
        summary = await summary_of(served, NOVEMBER)
    finally:
        event.remove(database.sync_engine, "before_cursor_execute", count)
    assert len(statements) == before
    assert summary.sites[0].found == 15 + sum(range(1, 29))
