"""The summary as files: the .xlsx workbook (汇总, 人员, 问题台账, 值班记录) and the draft 说明报告
as .docx. Both are fed with the figure dataclasses; the two long sheets stream their rows
from a query bounded to the unit and the period.

Files are written under ``<DUTY_DATA_DIR>/exports/`` through a temporary name and renamed,
so a half-written file never carries the final name.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from io import BytesIO
from pathlib import Path
from typing import Any, cast

import sqlalchemy as sa
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock
from dutybot.duty_calendar import WEEKDAY_NAMES
from dutybot.files import atomic_save, safe_name
from dutybot.ledger import PhotoStage, PhotoStatus, Source, Status
from dutybot.monthly import (
    CityRow,
    Period,
    PhotoPair,
    SiteFigures,
    UnitSummary,
    combine,
    days_text,
    departments_of,
    photo_caption,
    render_narrative,
)
from dutybot.text import without_brackets
from dutybot.xlsx_text import append as append_text
from dutybot.xlsx_text import text_cell
from plugins.duty.model import Checkin, RosterEntry, RosterStatus, Site, Staff
from plugins.ledger.model import Photo, Problem, ProblemTelling
from plugins.reports.model import DailyReport, ReportStatus

from .figures import NO_SITE

SUMMARY_SHEET = "汇总"
PEOPLE_SHEET = "人员"
LEDGER_SHEET = "问题台账"
DUTY_SHEET = "值班记录"

SUMMARY_HEADER = (
    "地点",
    "计划值班（次）",
    "值班（次）",
    "排班（人次）",
    "到岗（人次）",
    "其中非排班（人次）",
    "到岗率",
    "值班日报（份）",
    "发现问题（处）",
    "已解决（处）",
    "未解决（处）",
    "其中超期（处）",
    "结案率",
    "按期结案率",
    "返工率",
    "处置天数中位数",
    "工作成效",
)
PEOPLE_HEADER = (
    "科室",
    "姓名",
    "排班（次）",
    "到岗（次）",
    "缺岗（次）",
    "请假（次）",
    "换班（次）",
    "非排班到岗（次）",
    "到岗率",
    "当日日报（份）",
)
LEDGER_HEADER = (
    "序号",
    "发现时间",
    "地点",
    "问题描述",
    "类别",
    "数量",
    "责任单位",
    "整改情况",
    "整改时间",
    "照片",
    "台账编号",
    "报告来源",
)
DUTY_HEADER = (
    "日期",
    "星期",
    "地点",
    "排班人员",
    "到岗人员",
    "非排班到岗",
    "请假",
    "换班",
    "值班日报（份）",
)
STREAM_BATCH = 500

# A site's duty on a day: (date, site id).
Day = tuple[date, int | None]


def export_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_name(unit_name: str, period: Period, kind: str, suffix: str) -> str:
    """``市外侨办-2026-11-月报.xlsx``; ``kind`` is 月报, 月报材料, 周报 …"""
    return f"{safe_name(unit_name)}-{period.key}-{kind}{suffix}"


def _atomic_save(path: Path, save) -> Path:
    return atomic_save(path, save)


# ---------------------------------------------------------------------------------------------
# The workbook


def _header(sheet, values: Sequence[str]) -> None:
    cells = []
    for value in values:
        cell = text_cell(sheet, value)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cells.append(cell)
    append_text(sheet, cells)


def _title(sheet, text: str) -> None:
    cell = text_cell(sheet, text)
    cell.font = Font(bold=True, size=14)
    append_text(sheet, [cell])


def _widths(sheet, widths: Sequence[int]) -> None:
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width


def summary_row(figures: SiteFigures) -> list:
    return [
        figures.name,
        figures.planned_duties,
        figures.held_duties,
        figures.rostered,
        figures.present,
        figures.extra_present,
        figures.attendance_rate,
        figures.reports,
        figures.found,
        figures.resolved,
        figures.unresolved,
        figures.unresolved_overdue,
        figures.closure_rate,
        figures.on_time_rate,
        figures.rework_rate,
        days_text(figures.median_days),
        "、".join(c.text() for c in figures.activities),
    ]


def _summary_sheet(book: Workbook, summary: UnitSummary) -> None:
    sheet = book.create_sheet(SUMMARY_SHEET)
    _widths(sheet, (34, 9, 9, 9, 9, 9, 8, 9, 9, 9, 9, 9, 8, 9, 8, 10, 40))
    _title(sheet, f"{summary.unit_name}{summary.period.title}“路长制”、网格化管理值班汇总")
    append_text(
        sheet, [f"统计日期：{summary.period.first:%Y-%m-%d} 至 {summary.period.last:%Y-%m-%d}"]
    )
    _header(sheet, SUMMARY_HEADER)
    for site in summary.sites:
        append_text(sheet, summary_row(site))
    append_text(sheet, summary_row(summary.total))
    append_text(sheet, [])
    _header(sheet, ("问题类别", "发现（处）", "已解决（处）"))
    found = {c.label: c.count for c in summary.total.found_by_category}
    resolved = {c.label: c.count for c in summary.total.resolved_by_category}
    categories = sorted(set(found) | set(resolved), key=lambda c: (-found.get(c, 0), c))
    for category in categories:
        append_text(sheet, [category, found.get(category, 0), resolved.get(category, 0)])
    append_text(sheet, ["合计", summary.total.found, summary.total.resolved])
    # Rows as written: title, dates, header, one per site, the total, a blank, the
    # category header, one per category, the total.
    site_rows = (SUMMARY_FIRST_ROW, SUMMARY_FIRST_ROW + len(summary.sites) - 1)
    category_header = site_rows[1] + 3
    below = category_header + len(categories) + 3
    # One under the other at the left: on A4 and on a phone both stay in view with the tables.
    if summary.sites:
        sheet.add_chart(_site_chart(sheet, *site_rows), f"A{below}")
        below += CHART_ROWS
    if categories:
        rows = (category_header + 1, category_header + len(categories))
        sheet.add_chart(_category_chart(sheet, *rows), f"A{below}")


# The 汇总 sheet's first site row (after the title, the dates and the header), and the
# columns of 发现问题（处） and 已解决（处） in it.
SUMMARY_FIRST_ROW = 4
FOUND_COLUMN = SUMMARY_HEADER.index("发现问题（处）") + 1
RESOLVED_COLUMN = SUMMARY_HEADER.index("已解决（处）") + 1
# Rows a chart of 8.5 cm covers (rows of 15 pt), and one to spare.
CHART_ROWS = 18
CHART_COLOURS = ("1F4E79", "3A8C6E")  # 发现 dark blue, 已解决 green, as on the dashboard


def _bar_chart(title: str, horizontal: bool):
    """A clustered bar chart as Excel and WPS draw it natively: the numbers stay live cells,
    text uses the reader's own fonts (nothing to embed for Chinese)."""
    from openpyxl.chart import BarChart
    from openpyxl.chart.label import DataLabelList

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.grouping = "clustered"
    chart.title = title
    chart.y_axis.title = "处"
    chart.y_axis.majorGridlines = None
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.legend.position = "b"
    # Only the number on each bar: a reader that defaults the others to on (LibreOffice)
    # would write the series and category names there too.
    chart.dataLabels = DataLabelList(
        showVal=True,
        showSerName=False,
        showCatName=False,
        showLegendKey=False,
        showPercent=False,
        showBubbleSize=False,
    )
    chart.width, chart.height = 16, 8.5
    return chart


def _colour(chart) -> None:
    for series, colour in zip(chart.series, CHART_COLOURS, strict=False):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour


def _site_chart(sheet, first: int, last: int):
    """发现 and 已解决 per site: columns 发现问题 and 已解决 of the site rows (not the total)."""
    from openpyxl.chart import Reference

    chart = _bar_chart("各地点发现和解决的问题（处）", horizontal=False)
    data = Reference(
        sheet, min_col=FOUND_COLUMN, max_col=RESOLVED_COLUMN, min_row=first - 1, max_row=last
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    _colour(chart)
    return chart


def _category_chart(sheet, first: int, last: int):
    """The category split: 发现 and 已解决 per category (the category table, not its total)."""
    from openpyxl.chart import Reference

    chart = _bar_chart("问题类别（处）", horizontal=True)
    chart.add_data(
        Reference(sheet, min_col=2, max_col=3, min_row=first - 1, max_row=last),
        titles_from_data=True,
    )
    chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
    # The largest category on top, as listed; the value axis then stays at the bottom.
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.crosses = "max"
    _colour(chart)
    return chart


def _people_sheet(book: Workbook, summary: UnitSummary) -> None:
    sheet = book.create_sheet(PEOPLE_SHEET)
    _widths(sheet, (14, 10, 9, 9, 9, 9, 9, 10, 8, 10))
    _header(sheet, PEOPLE_HEADER)
    people = [p for p in summary.people if not p.is_empty]
    for p in people:
        append_text(
            sheet,
            [
                p.department,
                p.name,
                p.duties,
                p.present,
                p.absent,
                p.leave,
                p.swapped,
                p.extra,
                p.attendance_rate,
                p.reports_on_day,
            ],
        )
    append_text(sheet, [])
    _header(sheet, ("科室", "人数", *PEOPLE_HEADER[2:]))
    for d in departments_of(people):
        append_text(
            sheet,
            [
                d.department,
                d.people,
                d.duties,
                d.present,
                d.absent,
                d.leave,
                d.swapped,
                d.extra,
                d.attendance_rate,
                d.reports_on_day,
            ],
        )


def _local_text(moment: datetime | None) -> str:
    return f"{clock.to_local(moment):%Y-%m-%d %H:%M}" if moment is not None else ""


def progress_text(
    status: Status, on_the_spot: bool, coordinating_with: str | None, note: str, rework_count: int
) -> str:
    """整改情况 of one ledger row."""
    if status in (Status.RESOLVED, Status.RECHECKING, Status.VERIFIED):
        text = "现场整改" if on_the_spot else "已整改"
        if status is Status.RECHECKING:
            text += "，待核查"
        elif status is Status.VERIFIED:
            text += "，已核查"
        if note and note != "现场整改":
            text += f"（{note}）"
    elif status is Status.COORDINATING:
        text = f"协调中（{coordinating_with}）" if coordinating_with else "协调中"
    else:
        text = "待处理"
    if rework_count:
        text += f"；返工 {rework_count} 次"
    return text


async def _ledger_sheet(
    book: Workbook, session: AsyncSession, unit_id: int, unit_name: str, period: Period
) -> None:
    """Problems found in the period, resolved in it, or still open at its end (not withdrawn),
    oldest first: the ledger of the month."""
    sheet = book.create_sheet(LEDGER_SHEET)
    _widths(sheet, (6, 17, 20, 40, 10, 6, 16, 26, 17, 18, 8, 40))
    _header(sheet, LEDGER_HEADER)
    first, last = period.first, period.last
    photos = (
        sa.select(
            Photo.problem_id,
            sa.func.sum(sa.case((Photo.stage == PhotoStage.BEFORE, 1), else_=0)).label("before"),
            sa.func.sum(sa.case((Photo.stage == PhotoStage.AFTER, 1), else_=0)).label("after"),
        )
        .join(Problem, Problem.id == Photo.problem_id)
        .where(
            Photo.unit_id == unit_id, Photo.status == PhotoStatus.SAVED, Problem.found_on <= last
        )
        .group_by(Photo.problem_id)
        .subquery()
    )
    query = (
        sa.select(
            Problem.number,
            Problem.found_at,
            Site.name,
            Problem.description,
            Problem.category,
            Problem.quantity,
            Problem.coordinating_with,
            Problem.status,
            Problem.on_the_spot,
            Problem.resolution_note,
            Problem.rework_count,
            Problem.resolved_at,
            Problem.resolved_on,
            photos.c.before,
            photos.c.after,
        )
        .outerjoin(Site, Site.id == Problem.site_id)
        .outerjoin(photos, photos.c.problem_id == Problem.id)
        .where(
            Problem.unit_id == unit_id,
            Problem.status != Status.WITHDRAWN,
            Problem.found_on <= last,
            sa.or_(
                Problem.found_on >= first,
                Problem.resolved_on.between(first, last),
                Problem.status.in_((Status.OPEN, Status.COORDINATING)),
                Problem.resolved_on > last,
            ),
        )
        .order_by(Problem.found_at, Problem.number)
        .execution_options(yield_per=STREAM_BATCH)
    )
    told_by = await _tellings_text(session, unit_id, first, last)
    index = 0
    result = await session.stream(query)
    async for row in result:
        index += 1
        # A problem resolved after the period shows as open at its end.
        status = Status(row.status)
        resolved_later = row.resolved_on is not None and row.resolved_on > last
        if resolved_later:
            status = Status.COORDINATING if row.coordinating_with else Status.OPEN
        photo_text = "、".join(
            part
            for part in (
                f"整改前 {row.before} 张" if row.before else "",
                f"整改后 {row.after} 张" if row.after and not resolved_later else "",
            )
            if part
        )
        append_text(
            sheet,
            [
                index,
                _local_text(row.found_at),
                without_brackets(row.name) if row.name else NO_SITE,
                row.description,
                row.category,
                row.quantity,
                row.coordinating_with or unit_name,
                progress_text(
                    status,
                    row.on_the_spot,
                    row.coordinating_with,
                    row.resolution_note,
                    row.rework_count,
                ),
                "" if resolved_later else _local_text(row.resolved_at),
                photo_text,
                row.number,
                told_by.get(row.number, ""),
            ],
        )


TOLD_BY = {Source.COMMAND: "/问题", Source.REPORT: "日报", Source.IMPORT: "导入"}


async def _tellings_text(
    session: AsyncSession, unit_id: int, first: date, last: date
) -> dict[int, str]:
    """Every message that told each problem of the period (报告来源): a problem is one row
    however often it was told, and this column shows by whom and when."""
    names = dict(
        (
            await session.execute(
                sa.select(Staff.qq, Staff.name).where(
                    Staff.unit_id == unit_id, Staff.qq.is_not(None)
                )
            )
        ).all()
    )
    rows = await session.execute(
        sa.select(Problem.number, ProblemTelling.source, ProblemTelling.actor_qq, ProblemTelling.at)
        .join(Problem, Problem.id == ProblemTelling.problem_id)
        .where(
            ProblemTelling.unit_id == unit_id,
            ProblemTelling.active.is_(True),
            sa.or_(ProblemTelling.registered.is_(True), ProblemTelling.quantity > 0),
            Problem.found_on <= last,
            sa.or_(
                Problem.found_on >= first,
                Problem.resolved_on >= first,
                Problem.resolved_on.is_(None),
            ),
        )
        .order_by(Problem.number, ProblemTelling.at, ProblemTelling.id)
    )
    told: dict[int, list[str]] = defaultdict(list)
    for number, source, qq, at in rows:
        who = names.get(qq, str(qq) if qq else "")
        told[number].append(
            " ".join(
                p for p in (TOLD_BY[Source(source)], who, f"{clock.to_local(at):%m-%d %H:%M}") if p
            )
        )
    return {number: "；".join(parts) for number, parts in told.items()}


async def _duty_sheet(book: Workbook, session: AsyncSession, unit_id: int, period: Period) -> None:
    """One row per site and day that was planned or held, with the names."""
    sheet = book.create_sheet(DUTY_SHEET)
    _widths(sheet, (12, 6, 34, 40, 40, 20, 14, 14, 10))
    _header(sheet, DUTY_HEADER)
    first, last = period.first, period.last
    planned: dict[Day, list[str]] = defaultdict(list)
    leave: dict[Day, list[str]] = defaultdict(list)
    swapped: dict[Day, list[str]] = defaultdict(list)
    present: dict[Day, list[str]] = defaultdict(list)
    extra: dict[Day, list[str]] = defaultdict(list)
    reports: dict[Day, int] = {}
    lists = {
        RosterStatus.PLANNED: planned,
        RosterStatus.LEAVE: leave,
        RosterStatus.SWAPPED: swapped,
    }
    entries = await session.stream(
        sa.select(RosterEntry.duty_date, RosterEntry.site_id, RosterEntry.status, Staff.name)
        .join(Staff, Staff.id == RosterEntry.staff_id)
        .where(
            RosterEntry.unit_id == unit_id,
            RosterEntry.duty_date.between(first, last),
            RosterEntry.status.in_(list(lists)),
        )
        .order_by(
            RosterEntry.duty_date, RosterEntry.site_id, RosterEntry.is_leader.desc(), RosterEntry.id
        )
        .execution_options(yield_per=STREAM_BATCH)
    )
    async for day, site_id, status, name in entries:
        lists[RosterStatus(status)][(day, site_id)].append(name)
    rostered = sa.exists().where(
        RosterEntry.site_id == Checkin.site_id,
        RosterEntry.staff_id == Checkin.staff_id,
        RosterEntry.duty_date == Checkin.duty_date,
        RosterEntry.status == RosterStatus.PLANNED,
    )
    checkins = await session.stream(
        sa.select(Checkin.duty_date, Checkin.site_id, Staff.name, rostered)
        .join(Staff, Staff.id == Checkin.staff_id)
        .where(Checkin.unit_id == unit_id, Checkin.duty_date.between(first, last))
        .order_by(Checkin.duty_date, Checkin.site_id, Checkin.checked_at, Checkin.id)
        .execution_options(yield_per=STREAM_BATCH)
    )
    async for day, site_id, name, was_rostered in checkins:
        (present if was_rostered else extra)[(day, site_id)].append(name)
    for day, site_id, count in await session.execute(
        sa.select(DailyReport.duty_date, DailyReport.site_id, sa.func.count())
        .where(
            DailyReport.unit_id == unit_id,
            DailyReport.duty_date.between(first, last),
            DailyReport.status == ReportStatus.ACTIVE,
            DailyReport.site_id.is_not(None),
        )
        .group_by(DailyReport.duty_date, DailyReport.site_id)
    ):
        reports[(day, site_id)] = int(count)
    names: dict[int | None, str] = dict(
        (await session.execute(sa.select(Site.id, Site.name).where(Site.unit_id == unit_id))).all()
    )
    order: dict[int | None, int] = {
        site_id: index for index, site_id in enumerate(sorted(n for n in names if n is not None))
    }
    days = set(planned) | set(leave) | set(swapped) | set(present) | set(extra) | set(reports)
    for key in sorted(days, key=lambda k: (k[0], order.get(k[1], 0))):
        day, site_id = key
        day_cell = text_cell(sheet, cast(Any, day))  # a date cell; stubs say datetime
        day_cell.number_format = "yyyy-mm-dd"
        append_text(
            sheet,
            [
                day_cell,
                WEEKDAY_NAMES[day.weekday()],
                names.get(site_id, ""),
                "、".join(planned.get(key, [])),
                "、".join(present.get(key, [])),
                "、".join(extra.get(key, [])),
                "、".join(leave.get(key, [])),
                "、".join(swapped.get(key, [])),
                reports.get(key, 0),
            ],
        )


async def write_workbook(
    session: AsyncSession, summary: UnitSummary, unit_id: int, path: Path
) -> Path:
    """The unit's workbook for the summary's period: 汇总, 人员, 问题台账, 值班记录."""
    book = Workbook(write_only=True)
    book.properties.title = f"{summary.unit_name}{summary.period.title}值班汇总"
    _summary_sheet(book, summary)
    _people_sheet(book, summary)
    await _ledger_sheet(book, session, unit_id, summary.unit_name, summary.period)
    await _duty_sheet(book, session, unit_id, summary.period)
    return _atomic_save(Path(path), book.save)


def write_city_workbook(period: Period, rows: Sequence[CityRow], path: Path) -> Path:
    """The city's overview: one 汇总 row per unit and the city total."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SUMMARY_SHEET)
    _widths(sheet, (20, 9, 9, 9, 9, 9, 8, 9, 9, 9, 9, 9, 8, 9, 8, 10, 40))
    _title(sheet, f"全市{period.title}“路长制”、网格化管理值班汇总")
    _header(sheet, ("单位", *SUMMARY_HEADER[1:]))
    for row in rows:
        append_text(sheet, summary_row(row.figures))
    append_text(sheet, summary_row(combine([r.figures for r in rows], "全市合计", "全市合计")))
    return _atomic_save(Path(path), book.save)


# ---------------------------------------------------------------------------------------------
# The 说明报告


# GB/T 9704 (official documents): A4, 仿宋 三号 body, a bold sans title; the margins it sets.
BODY_FONT = "仿宋"
TITLE_FONT = "黑体"
BODY_SIZE = 16  # pt, 三号
TITLE_SIZE = 22  # pt, 二号
CAPTION_SIZE = 10.5  # pt, 五号
PICTURE_WIDTH_CM = 7.2  # two side by side within the 15.6 cm text width
# Photos are scaled to at most this many pixels on the long side and saved as JPEG: sharp in
# print at the picture's width, a few hundred KB each instead of a phone camera's megabytes.
PHOTO_MAX_PIXELS = 1600
PHOTO_QUALITY = 85


def write_report_docx(
    summary: UnitSummary, pairs: Sequence[PhotoPair], data_dir: Path, path: Path
) -> Path:
    """The draft 说明报告 with the before/after photo pairs, each captioned with its time,
    site, organiser and theme. A photo whose file is gone (or is no picture) is listed with its
    caption only."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(3.7), Cm(3.5)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.6)
    style: Any = document.styles["Normal"]
    style.font.size = Pt(BODY_SIZE)
    _set_font(style.element, BODY_FONT)

    title, *paragraphs = render_narrative(summary, pairs)
    heading = document.add_paragraph()
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = heading.add_run(title)
    run.font.size = Pt(TITLE_SIZE)
    _set_font(run._element, TITLE_FONT)
    for text in paragraphs:
        paragraph = document.add_paragraph(text)
        paragraph.paragraph_format.first_line_indent = Pt(BODY_SIZE * 2)

    for index, pair in enumerate(pairs, 1):
        document.add_paragraph(f"对比照片 {index}：#{pair.number} {pair.description}")
        table = document.add_table(rows=2, cols=2)
        table.style = "Table Grid"
        for column, (stage, relative) in enumerate(
            (("整改前", pair.before_path), ("整改后", pair.after_path))
        ):
            picture_cell = table.cell(0, column)
            if not _add_picture(
                picture_cell.paragraphs[0], Path(data_dir) / relative, Cm(PICTURE_WIDTH_CM)
            ):
                picture_cell.paragraphs[0].add_run(f"（照片文件缺失：{relative}）")
            table.cell(1, column).paragraphs[0].add_run(
                photo_caption(pair, summary.unit_name, stage)
            ).font.size = Pt(CAPTION_SIZE)

    return _atomic_save(Path(path), document.save)


def _set_font(element: Any, name: str) -> None:
    """The font of a style or run for Latin and for Chinese text: Word takes Chinese characters
    from ``w:eastAsia``, which python-docx's ``font.name`` leaves unset."""
    from docx.oxml.ns import qn

    fonts = element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), name)


def picture_bytes(path: Path) -> BytesIO | None:
    """The photo upright (as the camera's orientation tag says), at most
    :data:`PHOTO_MAX_PIXELS` on its long side, as JPEG; None when it is no picture."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            image = ImageOps.exif_transpose(opened)
            image.thumbnail((PHOTO_MAX_PIXELS, PHOTO_MAX_PIXELS))
            if image.mode != "RGB":  # JPEG has no alpha: flatten onto white
                background = Image.new("RGB", image.size, "white")
                rgba = image.convert("RGBA")
                background.paste(rgba, mask=rgba.getchannel("A"))
                image = background
            out = BytesIO()
            image.save(out, "JPEG", quality=PHOTO_QUALITY, optimize=True)
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None
    out.seek(0)
    return out


def _add_picture(paragraph, path: Path, width) -> bool:
    if not path.is_file():
        return False
    picture = picture_bytes(path)
    if picture is None:
        return False
    try:
        paragraph.add_run().add_picture(picture, width=width)
    except Exception:  # python-docx cannot read it after all
        return False
    return True
