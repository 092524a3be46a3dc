"""Which dates of a month are duty dates, with Chinese public holidays and make-up working days.

The unit's ``[roster]`` names duty weekdays (ISO 1–7). A duty weekday that falls on a day off
is moved to the next free working day of the same ISO week (``holiday_policy =
"next_workday"``) or dropped (``"skip"``). A make-up working day (调休, e.g. a Saturday the
State Council declares a working day) is not a duty day by itself; it can only receive a moved
duty, because it is a working day.

Working days come from the ``chinese-calendar`` package. For a year the package does not
know (it raises ``NotImplementedError``), Monday–Friday are taken as working days and the
result says ``calendar_known = False`` so that the coordinator is told. The unit file's
``roster.holidays`` and ``roster.workdays`` override the package in every year; a date listed
in both counts as a holiday (nobody is sent out on a day that may be off).

A duty belongs to the month of the date it actually happens on: a Wednesday duty of
30 September moved to 8 October is part of October's roster. Each ISO week is resolved from
its Monday in date order, so the two months sharing a week agree on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

from .unit import RosterRules

WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


@dataclass(frozen=True)
class DutyDate:
    """A day with duty. ``planned`` is the configured weekday it stands for."""

    day: date
    planned: date
    # Why the planned date was off (e.g. "国庆节"), when the duty was moved.
    holiday: str = ""

    @property
    def moved(self) -> bool:
        return self.day != self.planned


@dataclass(frozen=True)
class SkippedDuty:
    """A planned duty date of the month that has no duty (a holiday with no day to move to)."""

    planned: date
    holiday: str
    # True when ``holiday_policy = "skip"`` dropped it; False when the week had no free day.
    by_policy: bool


@dataclass(frozen=True)
class DutyCalendar:
    year: int
    month: int
    # The month's duty dates, ascending.
    dates: tuple[DutyDate, ...]
    skipped: tuple[SkippedDuty, ...]
    # Planned in this month, moved into the next month (that month's roster holds them).
    moved_out: tuple[DutyDate, ...]
    # False when a year the holiday package does not know was needed (weekends-only fallback).
    calendar_known: bool
    unknown_years: tuple[int, ...]
    # Whether the unit file lists holidays or workdays in an unknown year.
    overrides_used: bool = False

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(d.day for d in self.dates)


def package_knows(year: int) -> bool:
    """Whether ``chinese-calendar`` has the State Council's holiday notice for ``year``."""
    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


class WorkCalendar:
    """Working days for one unit's rules; remembers which unknown years it had to guess."""

    def __init__(self, rules: RosterRules) -> None:
        self.rules = rules
        self._holidays = frozenset(rules.holidays)
        self._workdays = frozenset(rules.workdays) - self._holidays
        self._known: dict[int, bool] = {}
        self.unknown_years: set[int] = set()

    def knows(self, year: int) -> bool:
        if year not in self._known:
            self._known[year] = package_knows(year)
        return self._known[year]

    def is_workday(self, day: date) -> bool:
        if day in self._holidays:
            return False
        if day in self._workdays:
            return True
        if self.knows(day.year):
            return chinese_calendar.is_workday(day)
        self.unknown_years.add(day.year)
        return day.weekday() < 5

    def holiday_name(self, day: date) -> str:
        """The named holiday of ``day`` in Chinese, or "" for a plain weekend or working day."""
        if day in self._holidays:
            return self._package_name(day) or "放假"
        if day in self._workdays or not self.knows(day.year):
            return ""
        return self._package_name(day)

    def _package_name(self, day: date) -> str:
        if not self.knows(day.year):
            return ""
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
        if not on_holiday or not name:
            return ""
        try:
            holiday = chinese_calendar.Holiday(name)
        except ValueError:
            return str(name)
        # The enum carries its Chinese name as an extra attribute.
        return str(getattr(holiday, "chinese", name))

    def is_duty_weekday(self, day: date) -> bool:
        return day.isoweekday() in self.rules.weekdays

    def is_off(self, day: date) -> bool:
        """Whether a planned duty on ``day`` cannot take place there.

        A working day is never off. A plain weekend is off for a Monday–Friday schedule, but a
        unit that configured Saturday duty keeps it unless the Saturday is a named holiday.
        """
        if self.is_workday(day):
            return False
        return day.weekday() < 5 or bool(self.holiday_name(day))

    def off_reason(self, day: date) -> str:
        return self.holiday_name(day) or ("休息日" if day.weekday() >= 5 else "放假")


def month_days(year: int, month: int) -> tuple[date, date]:
    """The first and last day of a month; ``ValueError`` for an impossible month."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be 1-12, not {month}")
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def resolve_week(
    monday: date, calendar: WorkCalendar, *, until: date | None = None
) -> list[DutyDate | SkippedDuty]:
    """Each planned duty of the ISO week starting ``monday``: where it happens, or skipped.

    Planned dates after ``until`` are not looked at (so a month's roster does not consult the
    next year's calendar unless one of its own duties has to move there).
    """
    rules = calendar.rules
    sunday = monday + timedelta(days=6)
    taken: set[date] = set()
    result: list[DutyDate | SkippedDuty] = []
    for offset in range(7):
        planned = monday + timedelta(days=offset)
        if until is not None and planned > until:
            break
        if not calendar.is_duty_weekday(planned):
            continue
        if not calendar.is_off(planned):
            taken.add(planned)
            result.append(DutyDate(planned, planned))
            continue
        reason = calendar.off_reason(planned)
        if rules.holiday_policy == "skip":
            result.append(SkippedDuty(planned, reason, by_policy=True))
            continue
        target = planned + timedelta(days=1)
        while target <= sunday:
            # A later planned duty that can take place keeps its own day.
            reserved = calendar.is_duty_weekday(target) and not calendar.is_off(target)
            if target not in taken and not reserved and calendar.is_workday(target):
                break
            target += timedelta(days=1)
        if target > sunday:
            result.append(SkippedDuty(planned, reason, by_policy=False))
        else:
            taken.add(target)
            result.append(DutyDate(target, planned, reason))
    return result


def duty_calendar(rules: RosterRules, year: int, month: int) -> DutyCalendar:
    """The duty dates of ``year``-``month`` under ``rules``."""
    first, last = month_days(year, month)
    calendar = WorkCalendar(rules)
    dates: list[DutyDate] = []
    skipped: list[SkippedDuty] = []
    moved_out: list[DutyDate] = []
    monday = first - timedelta(days=first.weekday())
    while monday <= last:
        for item in resolve_week(monday, calendar, until=last):
            if isinstance(item, SkippedDuty):
                if first <= item.planned <= last:
                    skipped.append(item)
            elif first <= item.day <= last:
                dates.append(item)
            elif item.day > last and item.planned >= first:
                moved_out.append(item)
        monday += timedelta(days=7)
    dates.sort(key=lambda d: d.day)
    unknown = tuple(sorted(calendar.unknown_years))
    overrides = any(d.year in unknown for d in (*rules.holidays, *rules.workdays))
    return DutyCalendar(
        year=year,
        month=month,
        dates=tuple(dates),
        skipped=tuple(skipped),
        moved_out=tuple(moved_out),
        calendar_known=not unknown,
        unknown_years=unknown,
        overrides_used=overrides,
    )


def is_workday(day: date, rules: RosterRules) -> bool:
    """Whether ``day`` is a working day for the unit (package, fallback and overrides)."""
    return WorkCalendar(rules).is_workday(day)
