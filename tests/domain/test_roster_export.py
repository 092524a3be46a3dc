"""The roster as .xlsx and .ics: read back with openpyxl and icalendar, and byte checks."""

from __future__ import annotations

import time as time_module
from datetime import UTC, date, datetime, time
from io import BytesIO
from pathlib import Path

import icalendar
import openpyxl
import pytest

from dutybot.roster import build_roster
from dutybot.roster_export import roster_ics, roster_xlsx, shift_uid
from dutybot.unit import load_unit

from .helpers import SITE_A, SITE_B, make_unit, people

ROOT = Path(__file__).resolve().parents[2]
STAMP = datetime(2026, 11, 20, 1, 2, 3, tzinfo=UTC)


@pytest.fixture(scope="module")
def office():
    return load_unit(ROOT / "config" / "duty.toml")


@pytest.fixture(scope="module")
def october(office):
    return build_roster(office, 2026, 10, leave={"李娜": [date(2026, 10, 8)]})


def test_xlsx_sheets_and_rows(office, october):
    book = openpyxl.load_workbook(BytesIO(roster_xlsx(october, office)))
    assert book.sheetnames == ["值班表", "人员统计", "说明"]
    rows = list(book["值班表"].iter_rows(values_only=True))
    assert rows[0] == ("日期", "星期", "时间", "地点", "带班", "人员")
    assert len(rows) == 1 + len(october.shifts)
    first = rows[1]
    assert first[0].date() == date(2026, 10, 8)
    assert first[1] == "周四"
    assert first[2] == "07:30-09:00"
    assert first[3] == "玄帝庙街（铁北路至车站西路）路西"
    shift = october.shifts_on(date(2026, 10, 8))[0]
    assert first[4] == shift.leader
    assert first[5] == "、".join(shift.people)
    assert first[5].split("、")[0] == first[4]
    # Rows follow the dates, the sites in the unit file's order.
    assert [r[0].date() for r in rows[1:]] == sorted(r[0].date() for r in rows[1:])
    assert rows[2][3] == "市16网格（南苑街道凤凰城社区）"
    assert {r[1] for r in rows[1:]} == {"周一", "周三", "周四", "周五", "周六"}

    counts = list(book["人员统计"].iter_rows(values_only=True))
    assert counts[0] == ("姓名", "科室", "值班次数", "带班次数")
    assert [r[0] for r in counts[1:]] == [m.name for m in office.staff]
    duties, leads = october.duty_counts(), october.leader_counts()
    for name, department, duty, lead in counts[1:]:
        assert department == next(m.department for m in office.staff if m.name == name)
        assert (duty, lead) == (duties[name], leads[name])
    assert sum(r[2] for r in counts[1:]) == sum(len(s.people) for s in october.shifts)

    notes = [r[0] for r in book["说明"].iter_rows(values_only=True)]
    assert notes[0] == "说明"
    assert notes[1:] == [n.text for n in october.notes]


def test_xlsx_without_notes_has_two_sheets():
    unit = make_unit(people(" ".join(f"员{i}:{'一二三四五六'[i % 6]}科" for i in range(18))))
    roster = build_roster(unit, 2026, 12)
    assert not roster.notes
    book = openpyxl.load_workbook(BytesIO(roster_xlsx(roster, unit)))
    assert book.sheetnames == ["值班表", "人员统计"]


def unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_ics_events(office, october):
    data = roster_ics(october, office, stamp=STAMP)
    calendar = icalendar.Calendar.from_ical(data)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(october.shifts)
    zones = list(calendar.walk("VTIMEZONE"))
    assert [str(z["TZID"]) for z in zones] == ["Asia/Shanghai"]
    assert str(calendar["X-WR-CALNAME"]) == "市外侨办 2026年10月值班表"

    event = events[0]
    shift = october.shifts_on(date(2026, 10, 8))[0]
    assert str(event["SUMMARY"]) == "值班：玄帝庙街路西"
    assert str(event["LOCATION"]) == shift.site
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo is not None
    assert str(start.tzinfo) == "Asia/Shanghai"
    assert (start.date(), start.time(), end.time()) == (date(2026, 10, 8), time(7, 30), time(9, 0))
    assert start.utcoffset().total_seconds() == 8 * 3600
    assert str(event["DESCRIPTION"]) == f"带班：{shift.leader}\n人员：{'、'.join(shift.people)}"
    assert event.decoded("DTSTAMP") == STAMP
    assert str(events[1]["SUMMARY"]) == "值班：市16网格"  # the label drops the brackets

    lines = unfold(data)
    assert "DTSTART;TZID=Asia/Shanghai:20261008T073000" in lines
    assert "DTEND;TZID=Asia/Shanghai:20261008T090000" in lines
    assert "DTSTAMP:20261120T010203Z" in lines
    assert "BEGIN:VTIMEZONE" in lines
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")


def test_ics_line_endings_and_folding(office):
    # Twelve people at one site make DESCRIPTION long enough to fold several times.
    big = make_unit(
        people(" ".join(f"欧阳{i:02d}号:{'一二三四五六'[i % 6]}科" for i in range(30))),
        sites=(SITE_A, SITE_B),
        per_shift=24,
    )
    roster = build_roster(big, 2026, 12)
    data = roster_ics(roster, big, stamp=STAMP)
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"\r" not in data.replace(b"\r\n", b"")
    physical = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in physical) <= 75
    assert any(line.startswith(b" ") for line in physical), "nothing was folded"
    for line in physical:
        line.decode("utf-8")  # folding never splits a character
    calendar = icalendar.Calendar.from_ical(data)
    event = next(iter(calendar.walk("VEVENT")))
    shift = roster.shifts[0]
    assert str(event["DESCRIPTION"]).endswith("、".join(shift.people))


def test_ics_uids_are_stable_and_unique(office, october):
    again = build_roster(office, 2026, 10, leave={"赵强": [date(2026, 10, 9)]})
    uids = [shift_uid(s, office) for s in october.shifts]
    assert len(set(uids)) == len(uids)
    assert uids == [shift_uid(s, office) for s in again.shifts]
    events = icalendar.Calendar.from_ical(roster_ics(october, office, stamp=STAMP)).walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == sorted(uids)
    other = make_unit(office.staff, key="另一个单位", sites=office.sites)
    assert shift_uid(october.shifts[0], other) != uids[0]


def test_exports_do_not_depend_on_the_host_timezone(office, october, monkeypatch):
    before = roster_ics(october, office, stamp=STAMP)
    rows_before = list(
        openpyxl.load_workbook(BytesIO(roster_xlsx(october, office)))["值班表"].iter_rows(
            values_only=True
        )
    )
    for zone in ("America/Los_Angeles", "Pacific/Kiritimati", "UTC"):
        monkeypatch.setenv("TZ", zone)
        time_module.tzset()
        assert build_roster(office, 2026, 10, leave={"李娜": [date(2026, 10, 8)]}) == october
        assert roster_ics(october, office, stamp=STAMP) == before
        rows = list(
            openpyxl.load_workbook(BytesIO(roster_xlsx(october, office)))["值班表"].iter_rows(
                values_only=True
            )
        )
        assert rows == rows_before
    monkeypatch.undo()
    time_module.tzset()


def test_ics_timezone_can_be_configured(office, october):
    data = roster_ics(october, office, stamp=STAMP, timezone="Asia/Urumqi")
    assert "DTSTART;TZID=Asia/Urumqi:20261008T073000" in unfold(data)
