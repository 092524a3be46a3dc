"""The roster as chat text: short lines that read well on a phone."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time

from .dates import md_weekday
from .roster import MonthRoster, Shift, site_label
from .unit import Unit

LEADER_MARK = "★"


def _site_order(unit: Unit):
    names = [s.name for s in unit.sites]

    def order(shift: Shift) -> tuple[date, int, str]:
        index = names.index(shift.site) if shift.site in names else len(names)
        return shift.date, index, shift.site

    return order


def shift_line(shift: Shift, unit: Unit) -> str:
    """``玄帝庙街路西：王晓明★ 李娜 赵强`` (the leader first, marked)."""
    people = [f"{n}{LEADER_MARK}" if n == shift.leader else n for n in shift.people]
    return f"{site_label(unit, shift.site)}：{' '.join(people)}"


def shift_lines(shifts: Iterable[Shift], unit: Unit) -> list[str]:
    """A heading per date, then one line per site."""
    lines: list[str] = []
    current: date | None = None
    for shift in sorted(shifts, key=_site_order(unit)):
        if shift.date != current:
            current = shift.date
            lines.append(md_weekday(current))
        lines.append(shift_line(shift, unit))
    return lines


def times_text(start: time, end: time) -> str:
    return f"{start:%H:%M}-{end:%H:%M}"


def month_text(roster: MonthRoster, unit: Unit, *, notes: bool = True) -> str:
    """The whole month, as posted when it is built."""
    lines = [
        f"{unit.name} {roster.year}年{roster.month}月值班表"
        f"（{times_text(unit.roster.start, unit.roster.end)}，{LEADER_MARK}为带班）"
    ]
    if not roster.shifts:
        lines.append("本月没有值班日。")
    lines += shift_lines(roster.shifts, unit)
    counts = list(roster.duty_counts().values())
    if counts and roster.shifts:
        low, high = min(counts), max(counts)
        spread = f"{low}" if low == high else f"{low}–{high}"
        lines.append(f"本月每人值班 {spread} 次。")
    if notes and roster.notes:
        lines.append("说明：")
        lines += [f"· {note.text}" for note in roster.notes]
    return "\n".join(lines)


def days_text(title: str, shifts: Sequence[Shift], unit: Unit) -> str:
    """A week (or any span) of the roster under ``title``."""
    lines = [f"{title}（{times_text(unit.roster.start, unit.roster.end)}，{LEADER_MARK}为带班）"]
    lines += shift_lines(shifts, unit)
    return "\n".join(lines)


def duty_line(shift: Shift, name: str, unit: Unit) -> str:
    """One of a person's duties: ``12月2日（周三）07:30 玄帝庙街路西（带班）``."""
    lead = "（带班）" if shift.leader == name else ""
    return f"{md_weekday(shift.date)} {shift.start:%H:%M} {site_label(unit, shift.site)}{lead}"


def short_duty(day: date, site: str, unit: Unit) -> str:
    """``12月5日（周六）玄帝庙街路西``."""
    return f"{md_weekday(day)}{site_label(unit, site)}"


def month_name(year: int, month: int, today: date | None = None) -> str:
    """``12月``, or ``2027年1月`` when not in ``today``'s year."""
    if today is not None and today.year == year:
        return f"{month}月"
    return f"{year}年{month}月"
