"""The 汇总 sheet's native charts: present, and drawn from the right cells (read back with
openpyxl, as Excel and WPS read them)."""

from __future__ import annotations

from datetime import date
from typing import Any

import openpyxl

from dutybot.monthly import Period
from tests.plugins.monthly.test_monthly_exports import files

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


def refs(chart) -> list[tuple[str, str, str]]:
    """(series title cell, categories, values) of each series."""
    return [(s.tx.strRef.f, (s.cat.strRef or s.cat.numRef).f, s.val.numRef.f) for s in chart.series]


def title(chart) -> str:
    return "".join(run.t for p in chart.title.tx.rich.p for run in (p.r or []))


async def test_summary_sheet_charts(november, served, data_dir):
    workbook, _ = await files(served, data_dir)
    sheet: Any = openpyxl.load_workbook(workbook)["汇总"]
    # Rows: 1 title, 2 dates, 3 header, 4-6 the three sites (road, grid, 未注明地点), 7 合计,
    # 8 blank, 9 category header, 10-12 three categories, 13 合计, 14 blank, 15 the charts.
    assert [sheet.cell(row, 1).value for row in (3, 4, 6, 7, 9, 10, 12, 13)] == [
        "地点",
        "玄帝庙街（铁北路至车站西路）路西",
        "未注明地点",
        "合计",
        "问题类别",
        "环境卫生",
        "基础设施",
        "合计",
    ]
    assert (sheet["I3"].value, sheet["J3"].value) == ("发现问题（处）", "已解决（处）")
    sites, categories = sheet._charts
    assert title(sites) == "各地点发现和解决的问题（处）"
    assert sites.type == "col"
    assert refs(sites) == [
        ("'汇总'!I3", "'汇总'!$A$4:$A$6", "'汇总'!$I$4:$I$6"),
        ("'汇总'!J3", "'汇总'!$A$4:$A$6", "'汇总'!$J$4:$J$6"),
    ]
    assert title(categories) == "问题类别（处）"
    assert categories.type == "bar"
    assert refs(categories) == [
        ("'汇总'!B9", "'汇总'!$A$10:$A$12", "'汇总'!$B$10:$B$12"),
        ("'汇总'!C9", "'汇总'!$A$10:$A$12", "'汇总'!$C$10:$C$12"),
    ]
    # Below both tables, one under the other.
    assert (sites.anchor._from.row, sites.anchor._from.col) == (14, 0)
    assert (categories.anchor._from.row, categories.anchor._from.col) == (14 + 18, 0)


async def test_no_charts_for_an_empty_month(served, data_dir):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, NOVEMBER)
        summary = type(summary)(unit_name=summary.unit_name, period=NOVEMBER, sites=())
        path = await delivery.make_workbook(session, served, summary, data_dir)
    sheet: Any = openpyxl.load_workbook(path)["汇总"]
    assert sheet._charts == []
