"""The monthly duty roster: who goes to which site on each duty date, and who leads.

Inputs are explicit so the bot can feed them from its database: the unit (sites, staff,
``[roster]`` rules), the month, each person's opening balance, leave dates, optionally the
active staff (instead of the unit file's) and the duty dates already served in the week that
straddles the start of the month.

How people are chosen, in order of importance:

1. Nobody on leave on a date is rostered that date.
2. Fairness. Each person's *load* is the opening balance plus this month's duties so far
   (plus a credit for duty dates spent on leave, see below). For each date the people with the
   lowest ``(duties this ISO week, load)`` are chosen. Among people who had no leave and the
   same opening balance, monthly duty counts then differ by at most one, and a person with a
   higher opening balance never gets more duties than one with a lower one.
3. Weekly limit. Putting "duties this week" first means nobody is rostered twice in an ISO
   week while someone available has not served that week; with more people free all week than
   the week's places, nobody serves twice.
4. Department mix. Only among people with exactly the same ``(week, load)`` does the choice
   look at departments (each department's share of the day close to its share of the people
   in contention) and leader flags; then the day's people are split across sites so that no
   site has more than half of its team from one department whenever the day's people allow
   it (an exact transport-flow check, not a heuristic).
5. Leaders: at each site the leader is a ``leader = true`` member of the team if there is one,
   else the team member with the fewest leader turns this month.

Ties are broken by a hash of the date and the name, so the roster is the same for the same
inputs (no global random state, independent of the order the staff are listed in) while
different days pair different people.

The balance carried to the next month is ``opening + duties + leave credit``, rounded and
shifted so that the least loaded person has 0. The leave credit excuses leave: for each duty
date a person is on leave they are credited the share an available colleague had that day
(people on duty / people available), so returning from leave does not mean catching up.
A person missing from the opening balance starts level with the least loaded colleague.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

from .duty_calendar import WEEKDAY_NAMES, DutyCalendar, duty_calendar, month_days
from .text import without_brackets
from .unit import RosterRules, Site, StaffMember, Unit


class RosterError(Exception):
    """A request the roster functions cannot serve (for the bot to turn into a reply)."""


class NotOnRoster(RosterError):
    """``name`` has no shift on ``day``."""

    def __init__(self, name: str, day: dt.date) -> None:
        self.name = name
        self.day = day
        super().__init__(f"{name} is not on duty on {day.isoformat()}")


class NoteKind(StrEnum):
    CALENDAR_UNKNOWN = "calendar_unknown"
    MOVED = "moved"
    MOVED_OUT = "moved_out"
    SKIPPED = "skipped"
    SHORT_STAFFED = "short_staffed"
    REPEAT_IN_WEEK = "repeat_in_week"
    DEPARTMENT_MIX = "department_mix"
    SITE_QUOTA = "site_quota"


@dataclass(frozen=True)
class RosterNote:
    """Something the coordinator should know about the month; ``text`` is for them."""

    kind: NoteKind
    text: str
    day: dt.date | None = None


@dataclass(frozen=True)
class Shift:
    """The team at one site on one date; ``people`` starts with the leader."""

    date: dt.date
    site: str
    people: tuple[str, ...]
    leader: str
    start: dt.time = RosterRules.start
    end: dt.time = RosterRules.end


@dataclass(frozen=True)
class MonthRoster:
    year: int
    month: int
    shifts: tuple[Shift, ...]
    notes: tuple[RosterNote, ...] = ()
    calendar_known: bool = True
    # The people the month was rostered over (active staff), in the unit's order.
    staff: tuple[str, ...] = ()
    # Normalised opening balance (least loaded = 0) for every name in ``staff``.
    opening_balance: Mapping[str, int] = field(default_factory=dict)
    # Leave on this month's dates, per name.
    leave: Mapping[str, frozenset[dt.date]] = field(default_factory=dict)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(sorted({shift.date for shift in self.shifts}))

    def shifts_on(self, day: dt.date) -> tuple[Shift, ...]:
        return tuple(shift for shift in self.shifts if shift.date == day)

    def on_duty(self, day: dt.date) -> frozenset[str]:
        return frozenset(name for shift in self.shifts_on(day) for name in shift.people)

    def duty_counts(self) -> dict[str, int]:
        """Duties this month per person, with 0 for everyone in ``staff``."""
        counts = dict.fromkeys(self.staff, 0)
        for shift in self.shifts:
            for name in shift.people:
                counts[name] = counts.get(name, 0) + 1
        return counts

    def leader_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(self.staff, 0)
        for shift in self.shifts:
            counts[shift.leader] = counts.get(shift.leader, 0) + 1
        return counts

    def duty_dates_by_person(self) -> dict[str, tuple[dt.date, ...]]:
        """What to pass as ``recent`` when building the next month."""
        dates: dict[str, list[dt.date]] = defaultdict(list)
        for shift in sorted(self.shifts, key=lambda s: s.date):
            for name in shift.people:
                dates[name].append(shift.date)
        return {name: tuple(days) for name, days in dates.items()}

    @property
    def balance(self) -> dict[str, int]:
        """The balance to carry into the next month (see the module docstring)."""
        return closing_balance(self.shifts, self.staff, self.opening_balance, self.leave)


@dataclass(frozen=True)
class Substitution:
    """A proposal: ``substitute`` takes ``absent``'s place at ``site`` on ``day``."""

    day: dt.date
    site: str
    absent: str
    substitute: str
    # The shift's leader after the change (changes only when the absent person led).
    leader: str


# ---------------------------------------------------------------------------------------------
# Building a month


def build_roster(
    unit: Unit,
    year: int,
    month: int,
    *,
    balance: Mapping[str, int] | None = None,
    leave: Mapping[str, Iterable[dt.date]] | None = None,
    staff: Iterable[StaffMember] | None = None,
    recent: Mapping[str, Iterable[dt.date]] | None = None,
) -> MonthRoster:
    """The roster of ``year``-``month`` for ``unit``.

    ``balance``: each person's balance from the previous month (``MonthRoster.balance``).
    ``leave``: dates each person is away. ``staff``: who can be rostered (default: the unit
    file's staff); inactive members are left out. ``recent``: duty dates served before the
    month (``MonthRoster.duty_dates_by_person()`` of the previous month), used for the weekly
    limit in the week that straddles the month's start.
    """
    rules = unit.roster
    calendar = duty_calendar(rules, year, month)
    first, last = month_days(year, month)
    members = active_pool(unit.staff if staff is None else staff)
    names = tuple(m.name for m in members)
    opening = normalise_balance(balance or {}, names)
    leave = leave or {}
    leave_on = {
        name: frozenset(d for d in leave.get(name, ()) if first <= d <= last) for name in names
    }
    quotas = site_quotas(unit)

    notes = calendar_notes(calendar, rules) + quota_notes(unit, quotas)
    state = _MonthState(members, opening, recent or {}, first)
    shifts: list[Shift] = []
    repeats: dict[tuple[int, int], set[str]] = defaultdict(set)
    for duty in calendar.dates:
        day = duty.day
        available = [m for m in members if day not in leave_on[m.name]]
        target = sum(k for _, k in quotas)
        if len(available) < target:
            notes.append(
                RosterNote(
                    NoteKind.SHORT_STAFFED,
                    f"{_md(day)}（{_weekday(day)}）只有 {len(available)} 人可排，少于每班 {target} 人",
                    day,
                )
            )
        chosen = state.choose(day, available, target, len(quotas))
        sizes = reduced_sizes([k for _, k in quotas], len(chosen))
        teams = split_sites(
            chosen,
            sizes,
            state.visit_cost([s for s, _ in quotas]),
            tiebreak=lambda m, day=day: _tiebreak(day, m.name),
        )
        for (site, _), team, size in zip(quotas, teams, sizes, strict=True):
            if not size:
                continue
            leader = choose_leader(team, state.leader_turns, day, site.name)
            ordered = [leader, *(m for m in members if m in team and m is not leader)]
            shifts.append(
                Shift(
                    date=day,
                    site=site.name,
                    people=tuple(m.name for m in ordered),
                    leader=leader.name,
                    start=rules.start,
                    end=rules.end,
                )
            )
            excess = _worst_department(team)
            if excess is not None:
                department, count = excess
                notes.append(
                    RosterNote(
                        NoteKind.DEPARTMENT_MIX,
                        f"{_md(day)} {site.label}：{len(team)} 人中有 {count} 人来自{department}"
                        "（当天可排人员的科室不够分散）",
                        day,
                    )
                )
            state.record_site(team, site.name, leader)
        for member in chosen:
            if state.week_load(day, member.name) > 0:
                repeats[_week(day)].add(member.name)
        state.record_day(day, chosen, available, [m for m in members if m not in available])

    for week, people in sorted(repeats.items()):
        days = [d.day for d in calendar.dates if _week(d.day) == week]
        ordered = [n for n in names if n in people]
        notes.append(
            RosterNote(
                NoteKind.REPEAT_IN_WEEK,
                f"{_md(days[0])}—{_md(days[-1])} 这一周可排人数不足，{'、'.join(ordered)} "
                "一周值班不止一次",
                days[0],
            )
        )

    return MonthRoster(
        year=year,
        month=month,
        shifts=tuple(shifts),
        notes=tuple(sorted(notes, key=_note_order)),
        calendar_known=calendar.calendar_known,
        staff=names,
        opening_balance=opening,
        leave={n: d for n, d in leave_on.items() if d},
    )


def active_pool(staff: Iterable[StaffMember]) -> list[StaffMember]:
    """The active members, in order; ``ValueError`` on a repeated name."""
    members = [m for m in staff if m.active]
    seen: set[str] = set()
    for member in members:
        if member.name in seen:
            raise ValueError(f"staff name {member.name!r} appears twice")
        seen.add(member.name)
    return members


def normalise_balance(balance: Mapping[str, int], names: Sequence[str]) -> dict[str, int]:
    """``balance`` for exactly ``names``: missing names level with the least loaded, min 0."""
    present = {n: int(balance[n]) for n in names if n in balance}
    default = min(present.values(), default=0)
    full = {n: present.get(n, default) for n in names}
    base = min(full.values(), default=0)
    return {n: v - base for n, v in full.items()}


def closing_balance(
    shifts: Iterable[Shift],
    staff: Sequence[str],
    opening: Mapping[str, int],
    leave: Mapping[str, Iterable[dt.date]],
) -> dict[str, int]:
    """Opening balance + duties + leave credit, rounded, least loaded = 0, for ``staff``."""
    on_duty: dict[dt.date, set[str]] = defaultdict(set)
    for shift in shifts:
        on_duty[shift.date].update(shift.people)
    away = {n: frozenset(leave.get(n, ())) for n in staff}
    counts = Counter(n for people in on_duty.values() for n in people)
    credit = dict.fromkeys(staff, Fraction(0))
    for day, people in on_duty.items():
        available = [n for n in staff if day not in away[n]]
        if not available:
            continue
        share = Fraction(len(people), len(available))
        for name in staff:
            if day in away[name]:
                credit[name] += share
    totals = {
        n: opening.get(n, 0) + counts[n] + math.floor(credit[n] + Fraction(1, 2)) for n in staff
    }
    base = min(totals.values(), default=0)
    return {n: v - base for n, v in totals.items()}


def site_quotas(unit: Unit) -> list[tuple[Site, int]]:
    """How many of a shift go to each site: a site's ``per_shift``, else an even share."""
    per_shift = unit.roster.per_shift
    fixed = sum(s.per_shift for s in unit.sites if s.per_shift)
    shared = [s for s in unit.sites if not s.per_shift]
    rest = max(per_shift - fixed, 0)
    quotas: list[tuple[Site, int]] = []
    index = 0
    for site in unit.sites:
        if site.per_shift:
            quotas.append((site, site.per_shift))
        else:
            base, extra = divmod(rest, len(shared))
            quotas.append((site, base + (index < extra)))
            index += 1
    return quotas


def quota_notes(unit: Unit, quotas: Sequence[tuple[Site, int]]) -> list[RosterNote]:
    notes = []
    total = sum(k for _, k in quotas)
    if total < unit.roster.per_shift:
        notes.append(
            RosterNote(
                NoteKind.SITE_QUOTA,
                f"各地点人数之和 {total} 少于每班人数 {unit.roster.per_shift}，按每班 {total} 人排",
            )
        )
    for site, k in quotas:
        if not k:
            notes.append(
                RosterNote(
                    NoteKind.SITE_QUOTA,
                    f"{site.label} 分不到人（其他地点的 per_shift 已用满每班人数），不排班",
                )
            )
    return notes


def calendar_notes(calendar: DutyCalendar, rules: RosterRules) -> list[RosterNote]:
    notes = []
    if not calendar.calendar_known:
        years = "、".join(f"{y}年" for y in calendar.unknown_years)
        if calendar.overrides_used:
            tail = "，并按单位文件 roster.holidays / roster.workdays 写明的日期调整"
        else:
            tail = "；请把放假和调休日期写进单位文件 roster.holidays / roster.workdays 后重新排班"
        notes.append(
            RosterNote(
                NoteKind.CALENDAR_UNKNOWN,
                f"还没有{years}的法定节假日安排，本月只按周末休息排班{tail}",
            )
        )
    for duty in calendar.dates:
        if duty.moved:
            notes.append(
                RosterNote(
                    NoteKind.MOVED,
                    f"{_md(duty.planned)}（{_weekday(duty.planned)}，{duty.holiday}）的值班"
                    f"顺延到 {_md(duty.day)}（{_weekday(duty.day)}）",
                    duty.day,
                )
            )
    for duty in calendar.moved_out:
        notes.append(
            RosterNote(
                NoteKind.MOVED_OUT,
                f"{_md(duty.planned)}（{_weekday(duty.planned)}，{duty.holiday}）的值班"
                f"顺延到 {_md(duty.day)}，排在下个月",
                duty.planned,
            )
        )
    for skipped in calendar.skipped:
        why = (
            "按 holiday_policy = skip 不排"
            if skipped.by_policy
            else "本周已没有可顺延的工作日，不排"
        )
        notes.append(
            RosterNote(
                NoteKind.SKIPPED,
                f"{_md(skipped.planned)}（{_weekday(skipped.planned)}）{skipped.holiday}，{why}",
                skipped.planned,
            )
        )
    return notes


class _MonthState:
    """Running counts while the month is built."""

    def __init__(
        self,
        members: Sequence[StaffMember],
        opening: Mapping[str, int],
        recent: Mapping[str, Iterable[dt.date]],
        first: dt.date,
    ) -> None:
        self.opening = opening
        self.counts: Counter[str] = Counter()
        self.credit: dict[str, Fraction] = defaultdict(Fraction)
        self.leader_turns: Counter[str] = Counter()
        self.visits: Counter[tuple[str, str]] = Counter()
        self.week_counts: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
        # Duties served before the month in a week the month shares. Capped at one each: what
        # matters is whether someone already served that week, and the cap keeps the fairness
        # bound exact (see the module docstring).
        self.prior: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
        names = {m.name for m in members}
        for name, days in recent.items():
            if name not in names:
                continue
            for day in set(days):
                if day < first:
                    self.prior[_week(day)][name] = 1

    def week_load(self, day: dt.date, name: str) -> int:
        week = _week(day)
        return self.week_counts[week][name] + self.prior[week][name]

    def load(self, name: str) -> Fraction:
        return self.opening[name] + self.counts[name] + self.credit[name]

    def rank(self, day: dt.date, member: StaffMember) -> tuple[int, Fraction]:
        return self.week_load(day, member.name), self.load(member.name)

    def choose(
        self, day: dt.date, available: Sequence[StaffMember], target: int, sites: int
    ) -> list[StaffMember]:
        """The ``target`` people for ``day``: lowest rank first, departments among equals."""
        if target <= 0:
            return []
        if len(available) <= target:
            return list(available)
        ranked = sorted(available, key=lambda m: (self.rank(day, m), _tiebreak(day, m.name)))
        boundary = self.rank(day, ranked[target - 1])
        chosen = [m for m in ranked if self.rank(day, m) < boundary]
        ties = [m for m in ranked if self.rank(day, m) == boundary]
        # Fill the places left from the ties so that each department's share of the day
        # follows its share of everyone in contention. Taking the rarest departments first
        # instead makes today diverse but leaves the crowded department to a later day.
        pool = Counter(m.department for m in (*chosen, *ties))
        size = len(chosen) + len(ties)
        departments = Counter(m.department for m in chosen)
        leaders = sum(m.leader for m in chosen)

        def priority(m: StaffMember) -> tuple[Fraction, int, bool, int, str]:
            shortfall = Fraction(target * pool[m.department], size) - departments[m.department]
            return (
                -shortfall,
                departments[m.department],
                not (m.leader and leaders < sites),
                _tiebreak(day, m.name),
                m.name,
            )

        while len(chosen) < target:
            pick = min(ties, key=priority)
            ties.remove(pick)
            chosen.append(pick)
            departments[pick.department] += 1
            leaders += pick.leader
        return chosen

    def visit_cost(self, sites: Sequence[Site]) -> Callable[[StaffMember, int], int]:
        """How often a member has been at the site with this index this month."""

        def cost(member: StaffMember, index: int) -> int:
            return self.visits[member.name, sites[index].name]

        return cost

    def record_site(self, team: Sequence[StaffMember], site: str, leader: StaffMember) -> None:
        for member in team:
            self.visits[member.name, site] += 1
        self.leader_turns[leader.name] += 1

    def record_day(
        self,
        day: dt.date,
        chosen: Sequence[StaffMember],
        available: Sequence[StaffMember],
        away: Sequence[StaffMember],
    ) -> None:
        for member in chosen:
            self.counts[member.name] += 1
            self.week_counts[_week(day)][member.name] += 1
        if available:
            share = Fraction(len(chosen), len(available))
            for member in away:
                self.credit[member.name] += share


def reduced_sizes(targets: Sequence[int], people: int) -> list[int]:
    """Site team sizes when only ``people`` can go: the targets, or shares of the shortfall."""
    if people >= sum(targets):
        return list(targets)
    sizes = [0] * len(targets)
    for _ in range(people):
        index = min(
            (i for i, k in enumerate(targets) if sizes[i] < k),
            key=lambda i: (Fraction(sizes[i], targets[i]), -targets[i], i),
        )
        sizes[index] += 1
    return sizes


def department_cap(size: int) -> int:
    """At most half of a team from one department (one for a team of one)."""
    return max(1, size // 2)


def split_sites(
    people: Sequence[StaffMember],
    sizes: Sequence[int],
    visit_cost: Callable[[StaffMember, int], int] | None = None,
    tiebreak: Callable[[StaffMember], int] | None = None,
) -> list[list[StaffMember]]:
    """Split ``people`` into teams of ``sizes``.

    First no department above half of any team wherever the people allow it (found exactly
    with a small transport flow), then a leader-flagged member in every team where possible,
    then each person at the site they visited less this month.
    """
    assert sum(sizes) == len(people)
    visit_cost = visit_cost or (lambda member, index: 0)
    order = tiebreak or (lambda member: 0)
    by_department: dict[str, list[StaffMember]] = defaultdict(list)
    for member in sorted(people, key=lambda m: (order(m), m.name)):
        by_department[member.department].append(member)
    departments = sorted(by_department)
    supply = [len(by_department[d]) for d in departments]
    plan = None
    for extra in range(max(sizes, default=0) + 1):
        caps = [min(k, department_cap(k) + extra) for k in sizes]
        plan = _transport(supply, list(sizes), caps)
        if plan is not None:
            break
    assert plan is not None

    teams: list[list[StaffMember]] = [[] for _ in sizes]
    for d, department in enumerate(departments):
        pool = list(by_department[department])
        for index in range(len(sizes)):
            for _ in range(plan[d][index]):
                pick = min(pool, key=lambda m, i=index: visit_cost(m, i))
                pool.remove(pick)
                teams[index].append(pick)

    def site_cost(index: int, team: Sequence[StaffMember]) -> tuple[int, int, int]:
        cap = department_cap(sizes[index])
        counts = Counter(m.department for m in team)
        excess = sum(max(0, c - cap) for c in counts.values())
        leaderless = int(bool(team) and not any(m.leader for m in team))
        return excess, leaderless, sum(visit_cost(m, index) for m in team)

    def plus(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
        return tuple(x + y for x, y in zip(a, b, strict=True))

    # Swap pairs between teams while that strictly improves (excess, leaderless, visits).
    improved = True
    while improved:
        improved = False
        for i in range(len(teams)):
            for j in range(i + 1, len(teams)):
                for a in list(teams[i]):
                    for b in list(teams[j]):
                        before = plus(site_cost(i, teams[i]), site_cost(j, teams[j]))
                        new_i = [b if m is a else m for m in teams[i]]
                        new_j = [a if m is b else m for m in teams[j]]
                        after = plus(site_cost(i, new_i), site_cost(j, new_j))
                        if after < before:
                            teams[i], teams[j] = new_i, new_j
                            improved = True
                            break
                    if improved:
                        break
                if improved:
                    break
            if improved:
                break
    return teams


def _transport(supply: list[int], demand: list[int], caps: list[int]) -> list[list[int]] | None:
    """Departments → sites with at most ``caps[site]`` per department, or None (max flow)."""
    rows, cols = len(supply), len(demand)
    source, sink = rows + cols, rows + cols + 1
    size = rows + cols + 2
    capacity = [[0] * size for _ in range(size)]
    for d in range(rows):
        capacity[source][d] = supply[d]
        for s in range(cols):
            capacity[d][rows + s] = caps[s]
    for s in range(cols):
        capacity[rows + s][sink] = demand[s]
    flow = [[0] * size for _ in range(size)]
    total = 0
    while True:
        parent = [-1] * size
        parent[source] = source
        queue = [source]
        for node in queue:
            for nxt in range(size):
                if parent[nxt] < 0 and capacity[node][nxt] - flow[node][nxt] > 0:
                    parent[nxt] = node
                    queue.append(nxt)
        if parent[sink] < 0:
            break
        push, node = sum(supply), sink
        while node != source:
            push = min(push, capacity[parent[node]][node] - flow[parent[node]][node])
            node = parent[node]
        node = sink
        while node != source:
            flow[parent[node]][node] += push
            flow[node][parent[node]] -= push
            node = parent[node]
        total += push
    if total != sum(supply):
        return None
    return [[flow[d][rows + s] for s in range(cols)] for d in range(rows)]


def choose_leader(
    team: Sequence[StaffMember], turns: Mapping[str, int], day: dt.date, site: str
) -> StaffMember:
    """A ``leader = true`` member if any, else anyone; fewest leader turns first."""
    flagged = [m for m in team if m.leader] or list(team)
    return min(flagged, key=lambda m: (turns.get(m.name, 0), _tiebreak(day, site, m.name), m.name))


def _worst_department(team: Sequence[StaffMember]) -> tuple[str, int] | None:
    if not team:
        return None
    counts = Counter(m.department for m in team)
    department, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return (department, count) if count > department_cap(len(team)) else None


# ---------------------------------------------------------------------------------------------
# Leave on a rostered date


def substitute_for(
    roster: MonthRoster,
    unit: Unit,
    day: dt.date,
    absent: str,
    *,
    leave: Mapping[str, Iterable[dt.date]] | None = None,
    staff: Iterable[StaffMember] | None = None,
) -> Substitution | None:
    """Who should stand in for ``absent`` on ``day``; None when nobody is free.

    Candidates are active, not on leave that day (``leave`` and the roster's own), and not on
    duty that day. Preferred in order: not on duty that ISO week, keeps the site's department
    mix, least loaded (the roster's balance), then a hash of date and name.
    Raises :class:`NotOnRoster` when ``absent`` has no shift on ``day``.
    """
    shift = next((s for s in roster.shifts_on(day) if absent in s.people), None)
    if shift is None:
        raise NotOnRoster(absent, day)
    members = active_pool(unit.staff if staff is None else staff)
    by_name = {m.name: m for m in members}
    extra = leave or {}

    def away(name: str) -> bool:
        return day in roster.leave.get(name, ()) or day in set(extra.get(name, ()))

    busy = roster.on_duty(day)
    week = _week(day)
    this_week = Counter(n for s in roster.shifts if _week(s.date) == week for n in s.people)
    load = roster.balance
    rest = [by_name.get(n) or StaffMember(n, "") for n in shift.people if n != absent]
    cap = department_cap(len(shift.people))

    def excess(candidate: StaffMember) -> int:
        counts = Counter(m.department for m in [*rest, candidate])
        return sum(max(0, c - cap) for c in counts.values())

    candidates = [m for m in members if m.name not in busy and not away(m.name)]
    if not candidates:
        return None
    best = min(
        candidates,
        key=lambda m: (
            this_week[m.name] > 0,
            excess(m),
            load.get(m.name, 0),
            _tiebreak(day, m.name),
            m.name,
        ),
    )
    leader = shift.leader
    if leader == absent:
        leader = choose_leader([*rest, best], roster.leader_counts(), day, shift.site).name
    return Substitution(
        day=day, site=shift.site, absent=absent, substitute=best.name, leader=leader
    )


def apply_substitution(roster: MonthRoster, substitution: Substitution) -> MonthRoster:
    """The roster with the substitution made and the absence recorded as leave."""
    sub = substitution
    shifts = []
    for shift in roster.shifts:
        if shift.date == sub.day and shift.site == sub.site and sub.absent in shift.people:
            people = [sub.substitute if n == sub.absent else n for n in shift.people]
            people = [sub.leader, *(n for n in people if n != sub.leader)]
            shift = dataclasses.replace(shift, people=tuple(people), leader=sub.leader)
        shifts.append(shift)
    leave = dict(roster.leave)
    leave[sub.absent] = frozenset({*leave.get(sub.absent, ()), sub.day})
    staff = roster.staff
    opening = dict(roster.opening_balance)
    if sub.substitute not in staff:
        staff = (*staff, sub.substitute)
        opening[sub.substitute] = min(opening.values(), default=0)
    return dataclasses.replace(
        roster, shifts=tuple(shifts), leave=leave, staff=staff, opening_balance=opening
    )


# ---------------------------------------------------------------------------------------------
# Small helpers


def _tiebreak(*parts: object) -> int:
    """A stable pseudo-random number for ``parts`` (Python's ``hash`` changes per process)."""
    text = "\x1f".join(p.isoformat() if isinstance(p, dt.date) else str(p) for p in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def _week(day: dt.date) -> tuple[int, int]:
    iso = day.isocalendar()
    return iso.year, iso.week


def _md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def _weekday(day: dt.date) -> str:
    return WEEKDAY_NAMES[day.weekday()]


_NOTE_RANK = {kind: rank for rank, kind in enumerate(NoteKind)}


_CALENDAR_NOTES = frozenset({NoteKind.MOVED, NoteKind.MOVED_OUT, NoteKind.SKIPPED})


def _note_order(note: RosterNote) -> tuple[int, dt.date, int]:
    # Notes for the whole month first, then the holiday moves in date order, then the
    # staffing notes in date order: a coordinator reads "what moved" before "who doubled up".
    if note.day is None:
        group = 0
    elif note.kind in _CALENDAR_NOTES:
        group = 1
    else:
        group = 2
    return (group, note.day or dt.date.min, _NOTE_RANK[note.kind])


def site_label(unit: Unit | None, name: str) -> str:
    """The short name of a site for chat and calendars."""
    if unit is not None:
        for site in unit.sites:
            if site.name == name:
                return site.label
    return without_brackets(name) or name
