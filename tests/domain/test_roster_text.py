from __future__ import annotations

from datetime import date, time
from pathlib import Path

from dutybot.roster import MonthRoster, NoteKind, RosterNote, Shift, build_roster
from dutybot.roster_text import days_text, duty_line, month_name, month_text, shift_line
from dutybot.unit import load_unit

UNIT = load_unit(Path(__file__).resolve().parent.parent / "data" / "unit.toml")
A, B = (s.name for s in UNIT.sites)


def shift(day, site, people, leader=None):
    return Shift(day, site, tuple(people), leader or people[0], time(7, 30), time(9, 0))


def test_shift_line_marks_the_leader():
    assert shift_line(shift(date(2026, 12, 2), A, ["王晓明", "李娜"]), UNIT) == (
        "玄帝庙街路西：王晓明★ 李娜"
    )


def test_month_text():
    roster = MonthRoster(
        2026,
        12,
        (
            shift(date(2026, 12, 2), B, ["周建国", "吴婷婷"]),
            shift(date(2026, 12, 2), A, ["王晓明", "李娜"]),
            shift(date(2026, 12, 4), A, ["赵强", "孙悦"]),
        ),
        notes=(RosterNote(NoteKind.MOVED, "1月1日（周五，元旦）的值班顺延到 1月4日"),),
        staff=("王晓明", "李娜", "周建国", "吴婷婷", "赵强", "孙悦"),
    )
    assert month_text(roster, UNIT) == (
        "市外侨办 2026年12月值班表（07:30-09:00，★为带班）\n"
        "12月2日（周三）\n"
        "玄帝庙街路西：王晓明★ 李娜\n"
        "市16网格：周建国★ 吴婷婷\n"
        "12月4日（周五）\n"
        "玄帝庙街路西：赵强★ 孙悦\n"
        "本月每人值班 1 次。\n"
        "说明：\n"
        "· 1月1日（周五，元旦）的值班顺延到 1月4日"
    )
    assert "说明" not in month_text(roster, UNIT, notes=False)


def test_whole_month_of_the_test_unit_reads_well():
    roster = build_roster(UNIT, 2026, 12)
    text = month_text(roster, UNIT, notes=False)
    lines = text.splitlines()
    assert len(roster.dates) == 13
    # A heading per date, a line per site, the title and the counts.
    assert len(lines) == 1 + 13 * 3 + 1
    assert lines[-1] == "本月每人值班 5–6 次。"
    assert all(len(line) <= 40 for line in lines)


def test_days_and_duty_lines():
    s = shift(date(2026, 12, 2), A, ["王晓明", "李娜"])
    assert days_text("本周值班", [s], UNIT).splitlines() == [
        "本周值班（07:30-09:00，★为带班）",
        "12月2日（周三）",
        "玄帝庙街路西：王晓明★ 李娜",
    ]
    assert duty_line(s, "王晓明", UNIT) == "12月2日（周三） 07:30 玄帝庙街路西（带班）"
    assert duty_line(s, "李娜", UNIT) == "12月2日（周三） 07:30 玄帝庙街路西"


def test_month_name():
    assert month_name(2026, 12, date(2026, 11, 30)) == "12月"
    assert month_name(2027, 1, date(2026, 11, 30)) == "2027年1月"
