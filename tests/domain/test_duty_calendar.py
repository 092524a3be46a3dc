"""Duty dates of a month: holidays, make-up working days, the fallback for unknown years."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings

from dutybot.duty_calendar import duty_calendar, is_workday, month_days, package_knows
from dutybot.unit import RosterRules

from .helpers import may_hold_duty, months, rules

MWF = RosterRules(weekdays=(1, 3, 5))


def days(year, month, rules=MWF):
    return [d.day for d in duty_calendar(rules, year, month).days]


def test_2026_10_national_day():
    # 2026: 1–7 October off, Sunday 20 September and Saturday 10 October are working days.
    calendar = duty_calendar(MWF, 2026, 10)
    assert days(2026, 10) == [8, 9, 10, 12, 14, 16, 19, 21, 23, 26, 28, 30]
    moved = {(d.planned, d.day, d.holiday) for d in calendar.dates if d.moved}
    # Monday 5th → Thursday 8th; Wednesday 7th → Saturday 10th (Friday 9th has its own duty).
    assert moved == {
        (date(2026, 10, 5), date(2026, 10, 8), "国庆节"),
        (date(2026, 10, 7), date(2026, 10, 10), "国庆节"),
    }
    # Friday 2nd: Saturday and Sunday are off too, so the week has nothing to move to.
    assert [(s.planned, s.by_policy) for s in calendar.skipped] == [(date(2026, 10, 2), False)]
    assert calendar.calendar_known


def test_2026_10_with_skip_policy():
    skip = RosterRules(weekdays=(1, 3, 5), holiday_policy="skip")
    calendar = duty_calendar(skip, 2026, 10)
    assert days(2026, 10, skip) == [9, 12, 14, 16, 19, 21, 23, 26, 28, 30]
    assert [s.planned.day for s in calendar.skipped] == [2, 5, 7]
    assert all(s.by_policy for s in calendar.skipped)


def test_make_up_working_day_is_not_a_duty_day_by_itself():
    # Sunday 20 September 2026 is a working day; it is not a duty weekday.
    assert days(2026, 9) == [2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 28, 30]
    # Saturday 9 May 2026 likewise; Monday 4 May moves to Thursday 7 (Wednesday 6 keeps its own).
    assert days(2026, 5) == [6, 7, 8, 11, 13, 15, 18, 20, 22, 25, 27, 29]
    # With Saturdays configured, that make-up Saturday is an ordinary duty day.
    saturdays = RosterRules(weekdays=(6,))
    assert days(2026, 5, saturdays) == [9, 16, 23, 30]
    # ... and a Saturday inside the Labour Day holiday is not.
    assert date(2026, 5, 2) not in duty_calendar(saturdays, 2026, 5).days


def test_2026_02_spring_festival():
    calendar = duty_calendar(MWF, 2026, 2)
    # 15–23 February off; Saturdays 14 and 28 February are working days, not duty days.
    assert days(2026, 2) == [2, 4, 6, 9, 11, 13, 24, 25, 27]
    assert [s.planned.day for s in calendar.skipped] == [16, 18, 20]
    assert [(d.planned.day, d.day.day) for d in calendar.dates if d.moved] == [(23, 24)]


def test_2026_01_duty_moves_to_a_make_up_sunday():
    # Friday 2 January is off, Saturday 3rd too; Sunday 4th is a working day of the same week.
    calendar = duty_calendar(MWF, 2026, 1)
    assert days(2026, 1) == [4, 5, 7, 9, 12, 14, 16, 19, 21, 23, 26, 28, 30]
    assert [(d.planned, d.day) for d in calendar.dates if d.moved] == [
        (date(2026, 1, 2), date(2026, 1, 4))
    ]


def test_december_2026_is_known_although_2027_is_not():
    calendar = duty_calendar(MWF, 2026, 12)
    assert days(2026, 12) == [2, 4, 7, 9, 11, 14, 16, 18, 21, 23, 25, 28, 30]
    assert calendar.calendar_known


def test_unknown_year_falls_back_to_weekends_and_says_so():
    assert not package_knows(2027)
    calendar = duty_calendar(MWF, 2027, 1)
    assert not calendar.calendar_known
    assert calendar.unknown_years == (2027,)
    assert not calendar.overrides_used
    # New Year's Day 2027 is a Friday: without the notice it is taken as a working day.
    assert days(2027, 1) == [1, 4, 6, 8, 11, 13, 15, 18, 20, 22, 25, 27, 29]


def test_unit_file_holidays_and_workdays_fill_in_an_unknown_year():
    rules = RosterRules(
        weekdays=(1, 3, 5),
        holidays=(date(2027, 1, 1), date(2027, 1, 4)),
        workdays=(date(2027, 1, 9),),
    )
    calendar = duty_calendar(rules, 2027, 1)
    assert not calendar.calendar_known
    assert calendar.overrides_used
    # Friday 1st off (weekend follows: skipped); Monday 4th off → Tuesday 5th.
    assert [s.planned for s in calendar.skipped] == [date(2027, 1, 1)]
    assert days(2027, 1, rules)[:4] == [5, 6, 8, 11]
    assert is_workday(date(2027, 1, 9), rules)
    assert not is_workday(date(2027, 1, 1), rules)


def test_unit_file_overrides_apply_in_known_years_too():
    rules = RosterRules(
        weekdays=(1, 3, 5), holidays=(date(2026, 12, 2),), workdays=(date(2026, 10, 3),)
    )
    assert days(2026, 12, rules)[:2] == [3, 4]
    # Saturday 3 October made a working day: Friday 2nd's duty moves there.
    assert days(2026, 10, rules)[0] == 3
    # A date in both lists is a holiday.
    both = RosterRules(weekdays=(3,), holidays=(date(2026, 12, 2),), workdays=(date(2026, 12, 2),))
    assert not is_workday(date(2026, 12, 2), both)


def test_a_duty_moved_across_the_month_end_belongs_to_the_next_month():
    # Tuesday 31 March 2026 made a holiday: its duty moves to Wednesday 1 April.
    rules = RosterRules(weekdays=(2,), holidays=(date(2026, 3, 31),))
    march, april = duty_calendar(rules, 2026, 3), duty_calendar(rules, 2026, 4)
    assert date(2026, 3, 31) not in march.days
    assert [d.day for d in march.moved_out] == [date(2026, 4, 1)]
    assert april.dates[0].day == date(2026, 4, 1)
    assert april.dates[0].planned == date(2026, 3, 31)
    # Thursday 30 April off and Friday 1 May is Labour Day: skipped, in April.
    rules = RosterRules(weekdays=(4,), holidays=(date(2026, 4, 30),))
    assert [s.planned for s in duty_calendar(rules, 2026, 4).skipped] == [date(2026, 4, 30)]
    assert not duty_calendar(rules, 2026, 5).skipped


def test_month_must_exist():
    with pytest.raises(ValueError, match="month"):
        duty_calendar(MWF, 2026, 13)
    assert month_days(2026, 12) == (date(2026, 12, 1), date(2026, 12, 31))


@settings(max_examples=300)
@given(months().flatmap(lambda ym: rules(*ym).map(lambda r: (ym, RosterRules(**r)))))
def test_duty_dates_follow_the_calendar(case):
    (year, month), rules_ = case
    calendar = duty_calendar(rules_, year, month)
    first, last = month_days(year, month)
    seen = set()
    for duty in calendar.dates:
        assert first <= duty.day <= last
        assert may_hold_duty(duty.day, rules_)
        assert duty.planned.isoweekday() in rules_.weekdays
        assert duty.day.isocalendar()[:2] == duty.planned.isocalendar()[:2]
        assert duty.day >= duty.planned
        assert duty.day not in seen
        seen.add(duty.day)
        if not duty.moved:
            assert duty.day.isoweekday() in rules_.weekdays
        if rules_.holiday_policy == "skip":
            assert not duty.moved
    # Every planned date of the month is accounted for exactly once (here or moved out).
    planned = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    planned = [d for d in planned if d.isoweekday() in rules_.weekdays]
    accounted = (
        [d.planned for d in calendar.dates if d.planned >= first]
        + [s.planned for s in calendar.skipped]
        + [d.planned for d in calendar.moved_out]
    )
    assert sorted(accounted) == planned
    # The neighbouring month agrees on the week the two share.
    year2, month2 = (year + 1, 1) if month == 12 else (year, month + 1)
    following = duty_calendar(rules_, year2, month2)
    assert not {d.planned for d in calendar.dates} & {d.planned for d in following.dates}
    assert {d.day for d in calendar.moved_out} <= set(following.days)
