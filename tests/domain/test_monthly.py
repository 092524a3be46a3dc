"""The monthly summary's pure rules: periods, rates, the median, and the texts."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dutybot.monthly import (
    BadMonth,
    CityRow,
    Count,
    FutureMonth,
    OpenProblem,
    Period,
    PersonFigures,
    PhotoPair,
    SiteFigures,
    UnitSummary,
    combine,
    default_month,
    departments_of,
    last_week,
    median_days,
    monthly_post_due,
    percent,
    photo_caption,
    read_month,
    read_summary_args,
    read_week_args,
    render_chat,
    render_city,
    render_narrative,
)
from dutybot.unit import MonthlyRules, UnitFileError, parse_unit

from .support import SHANGHAI

TODAY = date(2026, 11, 20)


# ---------------------------------------------------------------------------------------------
# Periods


def test_default_month_is_last_month_in_the_first_five_days():
    assert default_month(date(2026, 12, 1)) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert default_month(date(2026, 12, 5)) == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert default_month(date(2026, 1, 3)) == Period(date(2025, 12, 1), date(2025, 12, 31))


def test_default_month_later_is_this_month_so_far():
    period = default_month(date(2026, 12, 6))
    assert period == Period(date(2026, 12, 1), date(2026, 12, 6), "month", partial=True)
    assert period.title == "2026年12月（1日—6日）"
    assert period.key == "2026-12"
    assert period.days == 6


def test_month_on_its_last_day_is_whole():
    period = read_month("2026-11", date(2026, 11, 30))
    assert period == Period(date(2026, 11, 1), date(2026, 11, 30))
    assert not period.partial
    assert period.title == "2026年11月"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2026-11", date(2026, 11, 1), date(2026, 11, 20)),
        ("2026-10", date(2026, 10, 1), date(2026, 10, 31)),
        ("2026.10", date(2026, 10, 1), date(2026, 10, 31)),
        ("2026/2", date(2026, 2, 1), date(2026, 2, 28)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2026年10月", date(2026, 10, 1), date(2026, 10, 31)),
        ("２０２６－１０", date(2026, 10, 1), date(2026, 10, 31)),
        ("202610", date(2026, 10, 1), date(2026, 10, 31)),
        ("10月", date(2026, 10, 1), date(2026, 10, 31)),
        ("十月", date(2026, 10, 1), date(2026, 10, 31)),
        ("十二月份", date(2025, 12, 1), date(2025, 12, 31)),
        ("12月", date(2025, 12, 1), date(2025, 12, 31)),
        ("上月", date(2026, 10, 1), date(2026, 10, 31)),
        ("本月", date(2026, 11, 1), date(2026, 11, 20)),
    ],
)
def test_read_month(text, first, last):
    period = read_month(text, TODAY)
    assert (period.first, period.last) == (first, last)


@pytest.mark.parametrize("text", ["2026-13", "2026-0", "13月", "十一月份吧", "明年", "1999-01", ""])
def test_read_month_refuses(text):
    with pytest.raises(BadMonth):
        read_month(text, TODAY)


def test_future_month():
    with pytest.raises(FutureMonth) as raised:
        read_month("2026-12", TODAY)
    assert (raised.value.year, raised.value.month) == (2026, 12)


def test_summary_args():
    assert read_summary_args("", TODAY).period == Period(TODAY.replace(day=1), TODAY, partial=True)
    request = read_summary_args("材料 2026-10", TODAY)
    assert request.materials
    assert request.period.key == "2026-10"
    assert read_summary_args("2026-10 材料", TODAY) == request
    assert read_summary_args("材料", date(2026, 12, 2)).period.key == "2026-11"
    assert not read_summary_args("2026年 10月", TODAY).materials
    with pytest.raises(BadMonth):
        read_summary_args("2026-10 2026-09", TODAY)


def test_weeks():
    # 2026-11-20 is a Friday; last week is Mon 9th to Sun 15th.
    week = last_week(TODAY)
    assert week == Period(date(2026, 11, 9), date(2026, 11, 15), "week")
    assert week.title == "11月9日—15日"
    assert last_week(date(2026, 11, 16)) == week  # a Monday
    assert last_week(date(2026, 12, 2)).title == "11月23日—29日"
    assert last_week(date(2026, 12, 9)).title == "11月30日—12月6日"
    assert last_week(date(2027, 1, 6)).title == "2026年12月28日—2027年1月3日"
    assert read_week_args("", TODAY) == week
    this_week = read_week_args("本周", TODAY)
    assert (this_week.first, this_week.last, this_week.partial) == (
        date(2026, 11, 16),
        TODAY,
        True,
    )
    with pytest.raises(BadMonth):
        read_week_args("2026-11", TODAY)


def test_monthly_post_due():
    nine = time(9, 0)

    def at(text):
        return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)

    assert not monthly_post_due(at("2026-12-01 08:59"), nine)
    assert monthly_post_due(at("2026-12-01 09:00"), nine)
    assert monthly_post_due(at("2026-12-03 21:59"), nine)  # catching up
    assert not monthly_post_due(at("2026-12-01 22:00"), nine)  # night
    assert not monthly_post_due(at("2026-12-04 10:00"), nine)
    assert not monthly_post_due(at("2026-12-01 10:00"), None)  # switched off


# ---------------------------------------------------------------------------------------------
# Rates


@pytest.mark.parametrize(
    ("numerator", "denominator", "shown"),
    [
        (0, 0, "—"),
        (5, 0, "—"),
        (0, 7, "0%"),
        (7, 7, "100%"),
        (6, 7, "86%"),
        (1, 7, "14%"),
        (7, 15, "47%"),
        (1, 8, "13%"),  # 12.5 rounds half up
        (9, 8, "113%"),  # a month clearing older problems
    ],
)
def test_percent(numerator, denominator, shown):
    assert percent(numerator, denominator) == shown


def test_median_days():
    assert median_days(()) is None
    assert median_days(((3, 0),)) is None
    assert median_days(((0, 1), (11, 1), (17, 1))) == 11
    assert median_days(((1, 2), (5, 2))) == 3
    assert median_days(((2, 1), (1, 1))) == 1.5
    assert median_days(((4, 5),)) == 4


@given(st.lists(st.integers(min_value=0, max_value=60), min_size=1, max_size=40))
def test_median_of_histogram_is_the_median_of_the_values(values):
    import statistics

    histogram = {}
    for value in values:
        histogram[value] = histogram.get(value, 0) + 1
    assert median_days(tuple(histogram.items())) == statistics.median(values)


# ---------------------------------------------------------------------------------------------
# Texts

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))
ROAD = SiteFigures(
    name="玄帝庙街（铁北路至车站西路）路西",
    label="玄帝庙街路西",
    site_id=1,
    planned_duties=13,
    held_duties=12,
    rostered=78,
    present=74,
    present_rostered=72,
    reports=12,
    found=20,
    found_by_category=(Count("市容秩序", 12), Count("环境卫生", 8)),
    resolved=18,
    resolved_by_category=(Count("市容秩序", 12), Count("环境卫生", 6)),
    resolved_in_time=15,
    reopened=1,
    unresolved=3,
    unresolved_overdue=1,
    days_to_resolve=((0, 10), (1, 3), (3, 2)),
    activities=(Count("劝导", 40, "人次"), Count("发放宣传资料", 120, "份")),
)
GRID = SiteFigures(name="市16网格（南苑街道凤凰城社区）", label="市16网格", site_id=2)


def summary(**changes) -> UnitSummary:
    values: dict[str, Any] = dict(
        unit_name="市外侨办",
        period=NOVEMBER,
        sites=(ROAD, GRID),
        people=(
            PersonFigures("王晓明", "秘书科", 1, duties=6, present=5, leave=1, reports_on_day=4),
            PersonFigures("李娜", "秘书科", 2, duties=6, present=6, swapped=1, reports_on_day=1),
            PersonFigures("周建国", "侨务科", 7, extra=2),
            PersonFigures("宋佳", "友协办", 14),  # nothing at all: left out
        ),
        oldest_open=(
            OpenProblem(
                12, "市16网格", "基础设施", "井盖松动", 1, date(2026, 11, 5), date(2026, 11, 20)
            ),
            OpenProblem(
                15,
                "玄帝庙街路西",
                "市容秩序",
                "占道经营",
                2,
                date(2026, 11, 28),
                date(2026, 11, 29),
                "城管执法中队",
            ),
        ),
    )
    values.update(changes)
    return UnitSummary(**values)


def test_site_rates():
    assert ROAD.attendance_rate == "92%"  # 72 of 78 rostered came
    assert ROAD.extra_present == 2
    assert ROAD.closure_rate == "90%"
    assert ROAD.on_time_rate == "83%"
    assert ROAD.rework_rate == "6%"
    assert ROAD.median_days == 0
    assert GRID.is_empty
    for rate in (GRID.attendance_rate, GRID.closure_rate, GRID.on_time_rate, GRID.rework_rate):
        assert rate == "—"
    assert GRID.median_days is None


def test_combine_sums_and_merges():
    other = SiteFigures(
        name="b",
        label="b",
        found=3,
        found_by_category=(Count("环境卫生", 3),),
        days_to_resolve=((3, 20),),
        activities=(Count("劝导", 2, "人次"), Count("入户宣传", 5, "户")),
    )
    total = combine([ROAD, other])
    assert total.found == 23
    assert total.found_by_category == (Count("市容秩序", 12), Count("环境卫生", 11))
    assert total.days_to_resolve == ((0, 10), (1, 3), (3, 22))
    assert total.median_days == 3
    assert total.activities == (
        Count("发放宣传资料", 120, "份"),
        Count("劝导", 42, "人次"),
        Count("入户宣传", 5, "户"),
    )


def test_person_and_department_figures():
    wang = PersonFigures("王晓明", "秘书科", duties=6, present=5, leave=1)
    assert (wang.absent, wang.attendance_rate) == (1, "83%")
    on_leave_only = PersonFigures("陈志远", "出国境科", leave=2)
    assert on_leave_only.attendance_rate == "—"  # leave is no absence
    departments = departments_of(summary().people)
    assert [(d.department, d.people, d.duties, d.present, d.absent) for d in departments] == [
        ("秘书科", 2, 12, 11, 1),
        ("侨务科", 1, 0, 0, 0),
        ("友协办", 1, 0, 0, 0),
    ]


def test_chat_text():
    assert render_chat(summary(), footer="Excel 明细已发到群文件") == "\n".join(
        [
            "市外侨办 2026年11月值班月报",
            "【玄帝庙街路西】",
            "值班 12 次（计划 13 次）",
            "到岗 74 人次（排班 78 人次，到岗率 92%，含非排班 2 人次）",
            "发现问题 20 处（市容秩序 12、环境卫生 8）",
            "已解决 18 处，未解决 3 处（超期 1 处）",
            "结案率 90%，按期结案率 83%，返工率 6%",
            "处置天数中位数 0 天",
            "工作成效：劝导 40 人次、发放宣传资料 120 份",
            "【市16网格】本月没有值班和问题记录",
            "【各科室】",
            "秘书科：排班 12，到岗 11，缺岗 1，请假 1，换班 1，到岗率 92%",
            "侨务科：排班 0，到岗 0，缺岗 0，请假 0，换班 0，到岗率 —，非排班 2",
            "【个人】",
            "王晓明：排班 6，到岗 5，缺岗 1，请假 1，换班 0，到岗率 83%，当日日报 4",
            "李娜：排班 6，到岗 6，缺岗 0，请假 0，换班 1，到岗率 100%，当日日报 1",
            "周建国：排班 0，到岗 0，缺岗 0，请假 0，换班 0，到岗率 —，非排班 2，当日日报 0",
            "【最久未解决】（共 3 处）",
            "#12 市16网格·基础设施 井盖松动｜25天 已超期",
            "#15 玄帝庙街路西·市容秩序 占道经营 2处｜2天 已超期，城管执法中队处理中",
            "Excel 明细已发到群文件",
        ]
    )


def test_chat_text_of_an_empty_week():
    week = Period(date(2026, 11, 9), date(2026, 11, 15), "week")
    empty = UnitSummary("市外侨办", week, (GRID,))
    assert render_chat(empty) == (
        "市外侨办 11月9日—15日值班周报\n本周没有排班、报到、日报和问题记录。\n"
        "【市16网格】本周没有值班和问题记录"
    )


def test_narrative_is_about_700_characters_with_the_figures():
    pair = PhotoPair(
        1,
        "玄帝庙街路西",
        "市容秩序",
        "电动车乱停放5处",
        5,
        "photos/a.png",
        "photos/b.png",
        datetime(2026, 11, 2, 7, 50, tzinfo=SHANGHAI),
        datetime(2026, 11, 2, 8, 5, tzinfo=SHANGHAI),
    )
    paragraphs = render_narrative(summary(), [pair])
    text = "".join(paragraphs)
    assert 600 <= len(text) <= 850
    assert paragraphs[0] == "市外侨办2026年11月“路长制”、网格化管理工作情况的说明报告"
    for figure in (
        "计划值班 13 次，实际值班 12 次",
        "排班 78 人次，到岗 74 人次，到岗率 92%",
        "共发现问题 20 处，其中市容秩序 12 处、环境卫生 8 处",
        "已解决 18 处，结案率 90%，按期结案率 83%，返工率 6%",
        "截至11月30日，尚有 3 处问题未解决（其中 1 处已超过处置时限）",
        "发放宣传资料120份、劝导40人次",
        "督促协调解决问题和工作成效",
        "附：整改前后对比照片 1 组",
    ):
        assert figure in text, figure
    assert photo_caption(pair, "市外侨办", "整改后") == (
        "整改后：2026年11月2日 08:05，玄帝庙街路西；主办单位：市外侨办；"
        "主题：市容秩序整治：电动车乱停放5处"
    )


def test_narrative_of_an_empty_month():
    empty = UnitSummary("市外侨办", NOVEMBER, (GRID,))
    text = "".join(render_narrative(empty))
    assert "本月没有值班记录" in text
    assert "发现的问题均已解决" in text
    assert "主要是" not in text
    assert "—" in text  # 到岗率 with nothing rostered


def test_city_text():
    rows = [CityRow("市外侨办", combine([ROAD])), CityRow("市商务局", GRID)]
    text = render_city(NOVEMBER, rows)
    lines = text.splitlines()
    assert lines[0] == "全市 2026年11月“路长制”、网格化管理值班汇总（2 个单位）"
    assert lines[1].startswith("市外侨办：值班 12 次（计划 13 次），到岗 74 人次（到岗率 92%）")
    assert lines[2] == (
        "市商务局：值班 0 次（计划 0 次），到岗 0 人次（到岗率 —），发现问题 0 处，已解决 0 处，"
        "未解决 0 处，结案率 —，按期结案率 —，返工率 —"
    )
    assert "【全市合计】" in lines


# ---------------------------------------------------------------------------------------------
# The unit file's [monthly]

BASE = {
    "unit": {"name": "市外侨办", "groups": [700000001]},
    "sites": [{"name": "玄帝庙街", "kind": "路段"}],
    "staff": [{"name": "王晓明", "department": "秘书科"}],
}


def test_monthly_table_defaults_and_values():
    assert parse_unit(BASE).monthly == MonthlyRules(time(9, 0), True)
    unit = parse_unit(BASE | {"monthly": {"summary_at": "08:30", "files_to_coordinators": False}})
    assert unit.monthly == MonthlyRules(time(8, 30), False)
    assert parse_unit(BASE | {"monthly": {"summary_at": False}}).monthly.summary_at is None


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"summary_at": "9点"}, "monthly.summary_at：“9点”不是时间"),
        (
            {"summary_at": True},
            'monthly.summary_at：“True”应写成 "09:00" 这样的时间，不发则写 false',
        ),
        ({"summary_at": "23:00"}, "23:00 在夜间"),
        ({"files_to_coordinators": "是"}, "monthly.files_to_coordinators：应为 true 或 false"),
        ({"post": "09:00"}, "monthly.post：未知的键"),
    ],
)
def test_monthly_table_errors_are_one_line(table, message):
    with pytest.raises(UnitFileError) as raised:
        parse_unit(BASE | {"monthly": table})
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
