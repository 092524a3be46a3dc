"""Builders, hypothesis strategies and independent checks shared by the roster tests."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import cache

import chinese_calendar
from hypothesis import strategies as st

from dutybot.duty_calendar import duty_calendar, month_days
from dutybot.roster import MonthRoster, NoteKind, site_quotas
from dutybot.unit import RosterRules, Site, StaffMember, Unit

SITE_A = Site(name="玄帝庙街（铁北路至车站西路）路西", kind="路段", aliases=("玄帝庙街",))
SITE_B = Site(name="市16网格（南苑街道凤凰城社区）", kind="网格", aliases=("16网格",))
SITE_C = Site(name="车站西路（共青团路至太白楼路）", kind="路段")


def make_unit(staff, *, sites=(SITE_A, SITE_B), key="测试办", **rules) -> Unit:
    return Unit(
        key=key,
        name=key,
        groups=(700000001,),
        coordinators=(10001,),
        sites=tuple(sites),
        staff=tuple(staff),
        roster=RosterRules(**rules),
        categories=(),
    )


def people(spec: str) -> list[StaffMember]:
    """``"甲:秘书科 乙:领事科*"``: name:department, ``*`` marks a leader."""
    result = []
    for item in spec.split():
        name, department = item.split(":")
        leader = department.endswith("*")
        result.append(StaffMember(name=name, department=department.rstrip("*"), leader=leader))
    return result


# ---------------------------------------------------------------------------------------------
# Strategies

HOLIDAY_MONTHS = [
    (2026, 1),
    (2026, 2),
    (2026, 5),
    (2026, 10),
    (2026, 9),
    (2026, 12),
    (2027, 1),
    (2027, 2),
    (2027, 10),
]
DEPARTMENTS = [
    "秘书科",
    "领事科",
    "出国境科",
    "侨务科",
    "涉外礼宾科",
    "涉外综合科",
    "友协办",
    "机关党委",
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


@dataclass
class Scenario:
    unit: Unit
    year: int
    month: int
    balance: dict[str, int] = field(default_factory=dict)
    leave: dict[str, set[date]] = field(default_factory=dict)

    @property
    def active(self) -> list[StaffMember]:
        return [m for m in self.unit.staff if m.active]


@st.composite
def months(draw):
    if draw(st.booleans()):
        return draw(st.sampled_from(HOLIDAY_MONTHS))
    return draw(st.integers(2025, 2027)), draw(st.integers(1, 12))


@st.composite
def staff_lists(draw, min_size=4, max_size=40):
    size = draw(st.integers(min_size, max_size))
    department_count = draw(st.integers(1, len(DEPARTMENTS)))
    departments = DEPARTMENTS[:department_count]
    names = [f"{SURNAMES[i % 20]}{GIVEN[(i * 7) % 20]}{i}" for i in range(size)]
    members = []
    for name in names:
        members.append(
            StaffMember(
                name=name,
                department=draw(st.sampled_from(departments)),
                leader=draw(st.integers(0, 3)) == 0,
                active=draw(st.integers(0, 19)) > 0,
            )
        )
    if not any(m.active for m in members):
        members[0] = StaffMember(members[0].name, members[0].department)
    return members


@st.composite
def rules(draw, year: int, month: int) -> dict:
    weekdays = draw(
        st.one_of(
            st.just((1, 3, 5)),
            st.lists(st.integers(1, 7), min_size=1, max_size=7, unique=True).map(
                lambda d: tuple(sorted(d))
            ),
        )
    )
    per_shift = draw(st.integers(1, 9))
    first, last = month_days(year, month)
    window = st.dates(min_value=first - timedelta(days=7), max_value=last + timedelta(days=7))
    holidays = tuple(sorted(set(draw(st.lists(window, max_size=4)))))
    workdays = tuple(sorted(set(draw(st.lists(window, max_size=3)))))
    return dict(
        weekdays=weekdays,
        per_shift=per_shift,
        holiday_policy=draw(st.sampled_from(["next_workday", "skip"])),
        holidays=holidays,
        workdays=workdays,
        start=time(7, 30),
        end=time(9, 0),
    )


@st.composite
def site_lists(draw, per_shift: int):
    count = draw(st.integers(1, 3))
    sites = [SITE_A, SITE_B, SITE_C][:count]
    result = []
    left = per_shift
    for site in sites:
        fixed = draw(st.one_of(st.none(), st.integers(1, max(1, per_shift))))
        if fixed is not None and fixed <= left:
            left -= fixed
            site = Site(site.name, site.kind, site.aliases, per_shift=fixed)
        result.append(site)
    return result


@st.composite
def scenarios(draw, *, with_leave=True, min_staff=4, max_staff=40):
    year, month = draw(months())
    staff = draw(staff_lists(min_staff, max_staff))
    roster_rules = draw(rules(year, month))
    sites = draw(site_lists(roster_rules["per_shift"]))
    unit = make_unit(staff, sites=sites, **roster_rules)
    names = [m.name for m in staff]
    balance = {}
    for name in names:
        if draw(st.integers(0, 4)):
            balance[name] = draw(st.integers(0, 3))
    leave: dict[str, set[date]] = {}
    if with_leave:
        first, last = month_days(year, month)
        days = st.dates(min_value=first, max_value=last)
        for name in draw(
            st.lists(st.sampled_from(names), max_size=len(names) // 3 + 1, unique=True)
        ):
            leave[name] = set(draw(st.lists(days, min_size=1, max_size=10)))
    return Scenario(unit, year, month, balance, leave)


# ---------------------------------------------------------------------------------------------
# Independent checks


@cache
def package_knows(year: int) -> bool:
    return min(chinese_calendar.holidays).year <= year <= max(chinese_calendar.holidays).year


def workday(day: date, rules: RosterRules) -> bool:
    """Written apart from dutybot.duty_calendar, from the rules in the requirement."""
    if day in rules.holidays:
        return False
    if day in rules.workdays:
        return True
    if package_knows(day.year):
        return chinese_calendar.is_workday(day)
    return day.weekday() < 5


def named_holiday(day: date, rules: RosterRules) -> bool:
    if day in rules.holidays:
        return True
    if day in rules.workdays or not package_knows(day.year):
        return False
    return day in chinese_calendar.holidays


def may_hold_duty(day: date, rules: RosterRules) -> bool:
    """A working day, or a plain weekend the unit configured as a duty weekday."""
    if workday(day, rules):
        return True
    return (
        day.weekday() >= 5 and day.isoweekday() in rules.weekdays and not named_holiday(day, rules)
    )


def cap(size: int) -> int:
    return max(1, size // 2)


def split_possible(departments: list[str], sizes: list[int]) -> bool:
    """Brute force: can these people fill ``sizes`` with at most half a team per department?"""
    counts = sorted(Counter(departments).values(), reverse=True)

    @cache
    def place(index: int, room: tuple[int, ...]) -> bool:
        if index == len(counts):
            return all(r == 0 for r in room)

        def spread(site: int, left: int, room: tuple[int, ...]) -> bool:
            if site == len(room):
                return left == 0 and place(index + 1, room)
            most = min(left, room[site], cap(sizes[site]))
            for take in range(most, -1, -1):
                changed = (*room[:site], room[site] - take, *room[site + 1 :])
                if spread(site + 1, left - take, changed):
                    return True
            return False

        return spread(0, counts[index], room)

    return place(0, tuple(sizes))


def duty_dates(scenario: Scenario) -> list[date]:
    return list(duty_calendar(scenario.unit.roster, scenario.year, scenario.month).days)


def no_leave_people(scenario: Scenario) -> list[str]:
    days = set(duty_dates(scenario))
    return [m.name for m in scenario.active if not (scenario.leave.get(m.name, set()) & days)]


def check_basic_invariants(scenario: Scenario, roster: MonthRoster) -> None:
    """Everything that must hold for any input."""
    unit = scenario.unit
    rules = unit.roster
    members = {m.name: m for m in scenario.active}
    calendar = duty_calendar(rules, scenario.year, scenario.month)
    quotas = site_quotas(unit)
    target = sum(k for _, k in quotas)
    short_days = {n.day for n in roster.notes if n.kind == NoteKind.SHORT_STAFFED}

    year = scenario.year
    if not package_knows(year):
        assert not roster.calendar_known
        assert any(n.kind == NoteKind.CALENDAR_UNKNOWN for n in roster.notes)
    elif package_knows(year - 1) and package_knows(year + 1):
        assert roster.calendar_known
    for duty in calendar.dates:
        # No duty on a day off; a moved duty stays in its ISO week and moves forward.
        assert may_hold_duty(duty.day, rules), duty
        assert duty.day.isocalendar()[:2] == duty.planned.isocalendar()[:2]
        assert duty.day >= duty.planned
        assert duty.day.month == scenario.month

    for day in calendar.days:
        shifts = roster.shifts_on(day)
        available = [n for n in members if day not in scenario.leave.get(n, set())]
        rostered = [n for s in shifts for n in s.people]
        assert len(rostered) == len(set(rostered)), "someone twice on one day"
        for name in rostered:
            assert name in members, "inactive or unknown person rostered"
            assert day not in scenario.leave.get(name, set()), "rostered on leave"
        if len(available) >= target:
            assert len(rostered) == target
            sizes = {s.site: len(s.people) for s in shifts}
            assert sizes == {site.name: k for site, k in quotas if k}
            assert day not in short_days
        else:
            assert len(rostered) == len(available)
            assert day in short_days
        for shift in shifts:
            assert shift.people
            assert shift.people[0] == shift.leader
            team = [members[n] for n in shift.people]
            if any(m.leader for m in team):
                assert members[shift.leader].leader
            assert (shift.start, shift.end) == (rules.start, rules.end)
        # The split across sites keeps departments mixed whenever the day's people allow it.
        if len(shifts) > 0:
            departments = [members[n].department for n in rostered]
            sizes_list = [len(s.people) for s in shifts]
            if split_possible(departments, sizes_list):
                for shift in shifts:
                    counts = Counter(members[n].department for n in shift.people)
                    assert max(counts.values()) <= cap(len(shift.people)), shift
    mix_notes = {(n.day) for n in roster.notes if n.kind == NoteKind.DEPARTMENT_MIX}
    for shift in roster.shifts:
        counts = Counter(members[n].department for n in shift.people)
        if max(counts.values()) > cap(len(shift.people)):
            assert shift.date in mix_notes
    assert {s.date for s in roster.shifts} <= set(calendar.days)

    balance = roster.balance
    assert set(balance) == set(members)
    if balance:
        assert min(balance.values()) == 0


def check_fairness(scenario: Scenario, roster: MonthRoster, *, monotone: bool = True) -> None:
    """Among people with no leave: equal opening balance → counts within one; carry-over."""
    counts = roster.duty_counts()
    opening = roster.opening_balance
    steady = no_leave_people(scenario)
    by_balance: dict[int, list[int]] = {}
    for name in steady:
        by_balance.setdefault(opening[name], []).append(counts[name])
    for balance, values in by_balance.items():
        assert max(values) - min(values) <= 1, (balance, values)
    for x in steady:
        for y in steady:
            if opening[x] <= opening[y]:
                # Levelling never overshoots: a lower opening balance ends at most one above.
                assert opening[x] + counts[x] <= opening[y] + counts[y] + 1, (x, y)
            if monotone and opening[x] < opening[y]:
                # Whoever did more before is never given more now.
                assert counts[x] >= counts[y], (x, y)


def check_weekly_limit(
    scenario: Scenario, roster: MonthRoster, prior: dict[str, set[date]] | None = None
) -> None:
    """Nobody twice in an ISO week when the people free all week outnumber its places."""
    prior = prior or {}
    days = duty_dates(scenario)
    weeks: dict[tuple[int, int], list[date]] = {}
    for day in days:
        weeks.setdefault(day.isocalendar()[:2], []).append(day)
    target = sum(k for _, k in site_quotas(scenario.unit))
    for week, week_days in weeks.items():
        earlier = {n for n, ds in prior.items() if any(d.isocalendar()[:2] == week for d in ds)}
        free = [
            m.name
            for m in scenario.active
            if not scenario.leave.get(m.name, set()) & set(week_days)
        ]
        if len(free) - len(earlier) >= target * len(week_days):
            served = Counter(n for d in week_days for s in roster.shifts_on(d) for n in s.people)
            for name in earlier:
                served[name] += 1
            assert max(served.values(), default=0) <= 1, (week, served.most_common(3))
