"""Example tests for the roster generator and substitutions."""

from __future__ import annotations

import dataclasses
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from dutybot.duty_calendar import duty_calendar
from dutybot.roster import (
    NoteKind,
    NotOnRoster,
    Shift,
    apply_substitution,
    build_roster,
    closing_balance,
    normalise_balance,
    reduced_sizes,
    site_quotas,
    split_sites,
    substitute_for,
)
from dutybot.unit import Site, load_unit

from .helpers import SITE_A, SITE_B, SITE_C, make_unit, people

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def office():
    return load_unit(ROOT / "config" / "duty.toml")


def department_of(unit):
    return {m.name: m.department for m in unit.staff}


def test_october_2026_for_the_example_office(office):
    roster = build_roster(office, 2026, 10)
    assert roster.dates == tuple(
        date(2026, 10, d) for d in (8, 9, 10, 12, 14, 16, 19, 21, 23, 26, 28, 30)
    )
    assert roster.calendar_known
    for day in roster.dates:
        shifts = roster.shifts_on(day)
        assert [s.site for s in shifts] == [s.name for s in office.sites]
        assert [len(s.people) for s in shifts] == [3, 3]
    # 12 dates × 6 places over 14 people: 5 or 6 each.
    assert set(roster.duty_counts().values()) == {5, 6}
    kinds = Counter(n.kind for n in roster.notes)
    assert kinds[NoteKind.MOVED] == 2
    assert kinds[NoteKind.SKIPPED] == 1
    # 18 places a week for 14 people: some serve twice, and the coordinator is told.
    assert kinds[NoteKind.REPEAT_IN_WEEK] >= 1
    assert any("10月5日" in n.text and "10月8日" in n.text for n in roster.notes)


def test_holiday_moves_are_told_before_who_serves_twice(office):
    roster = build_roster(office, 2026, 10)
    holiday = {NoteKind.MOVED, NoteKind.MOVED_OUT, NoteKind.SKIPPED}
    is_holiday = [n.kind in holiday for n in roster.notes]
    assert is_holiday == sorted(is_holiday, reverse=True)  # every holiday note comes first
    # Each group reads in date order: 2 Oct skipped, 5 Oct moved to the 8th, 7 Oct to the 10th.
    moves = [n.day for n in roster.notes if n.kind in holiday]
    assert moves == [date(2026, 10, 2), date(2026, 10, 8), date(2026, 10, 10)]
    repeats = [n.day for n in roster.notes if n.kind == NoteKind.REPEAT_IN_WEEK]
    assert len(repeats) >= 2 and repeats == sorted(repeats)


def test_example_office_teams_never_share_a_department(office):
    """Seven departments of two: every team of three can be all different, all year."""
    departments = department_of(office)
    balance = None
    for month in range(1, 13):
        roster = build_roster(office, 2026, month, balance=balance)
        for shift in roster.shifts:
            assert len({departments[n] for n in shift.people}) == 3, shift
        # The two leader-flagged members lead every team they are in.
        for shift in roster.shifts:
            flagged = [n for n in shift.people if n in ("王晓明", "周建国")]
            if flagged:
                assert shift.leader in flagged
        assert not [n for n in roster.notes if n.kind == NoteKind.DEPARTMENT_MIX]
        balance = roster.balance
    # Over the year everyone ends within one duty of everyone else.
    assert max(balance.values()) <= 1


def test_a_large_department_is_spread_evenly_over_the_days():
    """Six of twelve people in one department: three of them every day, never five and one."""
    spec = " ".join([f"科员{i}:一科" for i in range(6)] + [f"员{c}:{c}科" for c in "二三四五六七"])
    unit = make_unit(people(spec))
    departments = department_of(unit)
    for month in (1, 6, 10):
        roster = build_roster(unit, 2026, month)
        for day in roster.dates:
            shifts = roster.shifts_on(day)
            assert sum(departments[n] == "一科" for s in shifts for n in s.people) == 3
            # Three in two teams of three: one team has two, the other one.
            assert sorted(sum(departments[n] == "一科" for n in s.people) for s in shifts) == [1, 2]


def test_same_inputs_same_roster(office):
    leave = {"李娜": [date(2026, 12, 2)]}
    assert build_roster(office, 2026, 12, leave=leave) == build_roster(
        office, 2026, 12, leave=leave
    )


def test_higher_balance_means_fewer_duties(office):
    names = [m.name for m in office.staff]
    balance = dict.fromkeys(names, 1) | {"李娜": 0, "赵强": 0}
    roster = build_roster(office, 2026, 10, balance=balance)
    counts = roster.duty_counts()
    # 72 places: 14 × 5 = 70, the two extra go to the two who were behind.
    assert counts["李娜"] == counts["赵强"] == 6
    assert {counts[n] for n in names if n not in ("李娜", "赵强")} == {5}
    assert set(roster.balance.values()) == {0}


def test_missing_names_start_level_with_the_least_loaded():
    assert normalise_balance({"甲": 3, "乙": 5}, ["甲", "乙", "丙"]) == {"甲": 0, "乙": 2, "丙": 0}
    assert normalise_balance({}, ["甲"]) == {"甲": 0}
    assert normalise_balance({"退休": 9}, ["甲"]) == {"甲": 0}


def test_leave_is_never_rostered_and_is_excused(office):
    away = {"王晓明": [date(2026, 12, d) for d in range(1, 16)]}
    roster = build_roster(office, 2026, 12, leave=away)
    for shift in roster.shifts:
        if shift.date.day < 16:
            assert "王晓明" not in shift.people
    assert roster.leave == {"王晓明": frozenset(d for d in away["王晓明"])}
    # Back from leave, he is not made to catch up: about the others' pace, not all at once.
    after = [s for s in roster.shifts if s.date.day >= 16 and "王晓明" in s.people]
    others = Counter(n for s in roster.shifts if s.date.day >= 16 for n in s.people)
    assert len(after) <= max(others.values())
    assert roster.balance["王晓明"] <= 1


def test_small_team_returning_from_leave_is_not_hammered():
    staff = people("甲:一科 乙:二科 丙:三科 丁:四科 戊:五科 己:六科")
    unit = make_unit(staff, sites=(SITE_A,), per_shift=3)
    first_half = [date(2026, 12, d) for d in range(1, 14)]
    roster = build_roster(unit, 2026, 12, leave={"甲": first_half})
    late = Counter(n for s in roster.shifts if s.date.day >= 14 for n in s.people)
    # 8 duty dates × 3 places over 6 people after the 14th: 4 each. Without the leave credit
    # 甲 would be on every one of them.
    assert late["甲"] <= 5
    assert roster.balance["甲"] <= 1


def test_short_staffed_days_are_reported(office):
    few = make_unit(people("甲:一科* 乙:二科 丙:三科 丁:四科"))
    roster = build_roster(few, 2026, 12)
    for day in roster.dates:
        assert [len(s.people) for s in roster.shifts_on(day)] == [2, 2]
    short = [n for n in roster.notes if n.kind == NoteKind.SHORT_STAFFED]
    assert [n.day for n in short] == list(roster.dates)
    assert "只有 4 人可排" in short[0].text
    # Leave makes one day short in the example office.
    names = [m.name for m in office.staff]
    leave = {n: [date(2026, 12, 9)] for n in names[:9]}
    roster = build_roster(office, 2026, 12, leave=leave)
    assert [len(s.people) for s in roster.shifts_on(date(2026, 12, 9))] == [3, 2]
    assert [n.day for n in roster.notes if n.kind == NoteKind.SHORT_STAFFED] == [date(2026, 12, 9)]


def test_site_quotas():
    staff = people("甲:一科 乙:二科 丙:三科 丁:四科 戊:五科 己:六科 庚:七科 辛:八科")
    even = make_unit(staff, sites=(SITE_A, SITE_B), per_shift=7)
    assert [k for _, k in site_quotas(even)] == [4, 3]
    fixed = make_unit(
        staff, sites=(dataclasses.replace(SITE_A, per_shift=2), SITE_B, SITE_C), per_shift=6
    )
    assert [k for _, k in site_quotas(fixed)] == [2, 2, 2]
    all_fixed = make_unit(
        staff,
        sites=(dataclasses.replace(SITE_A, per_shift=2), dataclasses.replace(SITE_B, per_shift=2)),
        per_shift=6,
    )
    roster = build_roster(all_fixed, 2026, 12)
    assert {len(s.people) for s in roster.shifts} == {2}
    assert any(n.kind == NoteKind.SITE_QUOTA for n in roster.notes)
    assert reduced_sizes([4, 2], 3) == [2, 1]
    assert reduced_sizes([3, 3], 5) == [3, 2]
    assert reduced_sizes([3, 3], 0) == [0, 0]


def test_split_keeps_departments_apart_where_possible():
    team = people("甲:一科* 乙:一科 丙:二科 丁:二科* 戊:三科 己:三科")
    first, second = split_sites(team, [3, 3])
    for side in (first, second):
        assert len({m.department for m in side}) == 3
        assert any(m.leader for m in side)
    # Four of one department in six: two sites of three cannot both stay at one each.
    crowded = people("甲:一科 乙:一科 丙:一科 丁:一科 戊:二科 己:三科")
    split = split_sites(crowded, [3, 3])
    assert sorted(Counter(m.department for m in side)["一科"] for side in split) == [2, 2]


def test_inactive_and_explicit_staff(office):
    retired = dataclasses.replace(office.staff[0], active=False)
    unit = dataclasses.replace(office, staff=(retired, *office.staff[1:]))
    roster = build_roster(unit, 2026, 12)
    assert retired.name not in roster.duty_counts()
    only = office.staff[:6]
    roster = build_roster(office, 2026, 12, staff=only)
    assert set(roster.duty_counts()) == {m.name for m in only}
    with pytest.raises(ValueError, match="twice"):
        build_roster(office, 2026, 12, staff=[*only, only[0]])


def test_unknown_year_is_reported(office):
    roster = build_roster(office, 2027, 1)
    assert not roster.calendar_known
    unknown = [n for n in roster.notes if n.kind == NoteKind.CALENDAR_UNKNOWN]
    assert len(unknown) == 1
    assert "2027年" in unknown[0].text
    assert roster.notes[0] is unknown[0]
    assert date(2027, 1, 1) in roster.dates


def test_recent_duties_count_for_the_straddling_week():
    # 18 people, 6 a day, Monday/Wednesday/Friday: 18 places a week, nobody twice.
    staff = people(" ".join(f"员{i}:{'一二三四五六'[i % 6]}科" for i in range(18)))
    unit = make_unit(staff)
    november = build_roster(unit, 2026, 11)
    december = build_roster(
        unit, 2026, 12, balance=november.balance, recent=november.duty_dates_by_person()
    )
    week = [date(2026, 11, 30), date(2026, 12, 2), date(2026, 12, 4)]
    served = Counter(
        n for d in week for s in [*november.shifts_on(d), *december.shifts_on(d)] for n in s.people
    )
    assert max(served.values()) == 1
    assert len(served) == 18


def test_closing_balance_credits_leave():
    shifts = [
        Shift(date(2026, 12, 2), "A", ("甲", "乙"), "甲"),
        Shift(date(2026, 12, 4), "A", ("甲", "丙"), "甲"),
    ]
    # 丁 away on both dates: credited 2/3 each day (two on duty, three available).
    balance = closing_balance(
        shifts, ["甲", "乙", "丙", "丁"], {}, {"丁": [date(2026, 12, 2), date(2026, 12, 4)]}
    )
    assert balance == {"甲": 1, "乙": 0, "丙": 0, "丁": 0}
    # Opening balance carries.
    assert closing_balance(shifts, ["甲", "乙", "丙"], {"乙": 2}, {}) == {"甲": 1, "乙": 2, "丙": 0}


def test_substitute_for_leave(office):
    roster = build_roster(office, 2026, 12)
    day = date(2026, 12, 9)
    shift = roster.shifts_on(day)[0]
    absent = shift.leader
    proposal = substitute_for(roster, office, day, absent)
    assert proposal is not None
    assert proposal.site == shift.site
    assert proposal.absent == absent
    assert proposal.substitute not in roster.on_duty(day)
    departments = department_of(office)
    team = [n for n in shift.people if n != absent] + [proposal.substitute]
    assert len({departments[n] for n in team}) == 3
    assert proposal.leader in team
    changed = apply_substitution(roster, proposal)
    new_shift = changed.shifts_on(day)[0]
    assert new_shift.people[0] == new_shift.leader == proposal.leader
    assert set(new_shift.people) == set(team)
    assert changed.leave[absent] == frozenset({day})
    # Someone else on leave that day is not proposed.
    other = substitute_for(roster, office, day, absent, leave={proposal.substitute: [day]})
    assert other is not None
    assert other.substitute != proposal.substitute


def test_substitute_prefers_someone_not_on_duty_that_week():
    # 24 people for 18 places a week: six are free all week.
    staff = people(" ".join(f"员{i}:{'一二三四五六七八'[i % 8]}科" for i in range(24)))
    unit = make_unit(staff)
    roster = build_roster(unit, 2026, 12)
    day = date(2026, 12, 2)
    week = [date(2026, 12, d) for d in (2, 4)]
    served = {n for d in [*week, date(2026, 11, 30)] for n in roster.on_duty(d)}
    absent = roster.shifts_on(day)[1].people[1]
    proposal = substitute_for(roster, unit, day, absent)
    assert proposal is not None
    assert proposal.substitute not in served
    # Friday: two days' people are already out this week; still someone fresh.
    friday = date(2026, 12, 4)
    absent = roster.shifts_on(friday)[0].people[2]
    proposal = substitute_for(roster, unit, friday, absent)
    assert proposal is not None
    assert proposal.substitute not in {n for d in week for n in roster.on_duty(d)}


def test_substitute_errors(office):
    roster = build_roster(office, 2026, 12)
    day = date(2026, 12, 2)
    outsider = next(m.name for m in office.staff if m.name not in roster.on_duty(day))
    with pytest.raises(NotOnRoster) as caught:
        substitute_for(roster, office, day, outsider)
    assert caught.value.name == outsider
    assert caught.value.day == day
    with pytest.raises(NotOnRoster):
        substitute_for(roster, office, date(2026, 12, 3), outsider)
    # Nobody free: everyone else is on duty or on leave.
    absent = roster.shifts_on(day)[0].people[0]
    everyone = {m.name: [day] for m in office.staff if m.name not in roster.on_duty(day)}
    assert substitute_for(roster, office, day, absent, leave=everyone) is None


def test_weekend_duty_units_work_on_plain_saturdays():
    staff = people("甲:一科 乙:二科 丙:三科 丁:四科")
    unit = make_unit(staff, sites=(Site("广场", "网格"),), weekdays=(6,), per_shift=2)
    roster = build_roster(unit, 2026, 10)
    # Saturday 3 October is National Day; the 10th is a working Saturday; the rest are plain.
    assert roster.dates == (
        date(2026, 10, 10),
        date(2026, 10, 17),
        date(2026, 10, 24),
        date(2026, 10, 31),
    )
    assert duty_calendar(unit.roster, 2026, 10).skipped[0].planned == date(2026, 10, 3)
