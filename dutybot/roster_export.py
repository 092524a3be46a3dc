"""A month's roster as an Excel workbook (to print and post) and as an iCalendar file.

The calendar is written with the ``icalendar`` package: it escapes text, folds lines at 75
octets without splitting a UTF-8 character, ends lines with CRLF and builds the VTIMEZONE from
the tz database, which are the parts of RFC 5545 that hand-written files usually get wrong.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from io import BytesIO
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from . import clock
from .duty_calendar import WEEKDAY_NAMES, month_days
from .roster import MonthRoster, Shift, site_label
from .unit import Unit
from .xlsx_text import append as append_text

SCHEDULE_SHEET = "值班表"
SCHEDULE_HEADER = ("日期", "星期", "时间", "地点", "带班", "人员")
COUNTS_SHEET = "人员统计"
COUNTS_HEADER = ("姓名", "科室", "值班次数", "带班次数")
NOTES_SHEET = "说明"
PRODID = "-//dutybot//值班表//ZH"


def roster_title(roster: MonthRoster, unit: Unit | None = None) -> str:
    name = f"{unit.name} " if unit is not None else ""
    return f"{name}{roster.year}年{roster.month}月值班表"


def roster_xlsx(roster: MonthRoster, unit: Unit | None = None) -> bytes:
    """The workbook: sheet 值班表 (one row per site shift), 人员统计, and 说明 when notes exist."""
    book = Workbook()
    book.properties.title = roster_title(roster, unit)
    sheet = book.active
    assert sheet is not None
    sheet.title = SCHEDULE_SHEET
    append_text(sheet, SCHEDULE_HEADER)
    for shift in sorted(roster.shifts, key=_shift_order(unit)):
        append_text(
            sheet,
            (
                shift.date,
                WEEKDAY_NAMES[shift.date.weekday()],
                f"{shift.start:%H:%M}-{shift.end:%H:%M}",
                shift.site,
                shift.leader,
                "、".join(shift.people),
            ),
        )
        sheet.cell(sheet.max_row, 1).number_format = "yyyy-mm-dd"
    _style(sheet, (12, 6, 13, 34, 10, 40))

    counts_sheet = book.create_sheet(COUNTS_SHEET)
    append_text(counts_sheet, COUNTS_HEADER)
    departments = {m.name: m.department for m in unit.staff} if unit is not None else {}
    duties = roster.duty_counts()
    leads = roster.leader_counts()
    for name in duties:
        append_text(
            counts_sheet, (name, departments.get(name, ""), duties[name], leads.get(name, 0))
        )
    _style(counts_sheet, (12, 14, 10, 10))

    if roster.notes:
        notes_sheet = book.create_sheet(NOTES_SHEET)
        append_text(notes_sheet, ("说明",))
        for note in roster.notes:
            append_text(notes_sheet, (note.text,))
        _style(notes_sheet, (90,))

    out = BytesIO()
    book.save(out)
    return out.getvalue()


def roster_ics(
    roster: MonthRoster,
    unit: Unit | None = None,
    *,
    stamp: dt.datetime | None = None,
    timezone: str | None = None,
) -> bytes:
    """An iCalendar file with one event per site shift.

    ``timezone`` is the tz database name of the duty times (default: the bot's configured
    timezone, Asia/Shanghai). ``stamp`` is the DTSTAMP (default: now). UIDs depend only on the
    unit, date and site, so importing a corrected roster updates the events already imported.
    """
    tzid = timezone or clock.timezone().key
    zone = ZoneInfo(tzid)
    stamp = (stamp or clock.now()).astimezone(dt.UTC)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", roster_title(roster, unit))
    calendar.add("x-wr-timezone", tzid)
    # The VTIMEZONE goes before the events that use it, which some clients rely on.
    first, last = month_days(roster.year, roster.month)
    calendar.add_component(
        Timezone.from_tzid(
            tzid, first_date=first - dt.timedelta(days=1), last_date=last + dt.timedelta(days=2)
        )
    )
    for shift in sorted(roster.shifts, key=_shift_order(unit)):
        event = Event()
        event.add("uid", shift_uid(shift, unit))
        event.add("dtstamp", stamp)
        event.add("dtstart", dt.datetime.combine(shift.date, shift.start, zone))
        event.add("dtend", dt.datetime.combine(shift.date, shift.end, zone))
        event.add("summary", f"值班：{site_label(unit, shift.site)}")
        event.add("location", shift.site)
        event.add("description", f"带班：{shift.leader}\n人员：{'、'.join(shift.people)}")
        calendar.add_component(event)
    return calendar.to_ical()


def shift_uid(shift: Shift, unit: Unit | None = None) -> str:
    """A stable UID for the event of ``shift``: unit, date and site, not the people."""
    key = unit.key if unit is not None else ""
    digest = hashlib.blake2b(f"{key}\x1f{shift.site}".encode(), digest_size=6).hexdigest()
    return f"{shift.date:%Y%m%d}-{digest}@dutybot"


def _shift_order(unit: Unit | None):
    sites = [s.name for s in unit.sites] if unit is not None else []

    def order(shift: Shift) -> tuple[dt.date, int, str]:
        index = sites.index(shift.site) if shift.site in sites else len(sites)
        return shift.date, index, shift.site

    return order


def _style(sheet, widths: tuple[int, ...]) -> None:
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"
