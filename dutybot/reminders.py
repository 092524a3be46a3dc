"""Which reminders are due at a given moment, their unique keys, and what they say.

Plain functions of plain values, so they are tested with plain datetimes; the bot feeds them
the roster and sends what they return.

Every reminder is a :class:`Slot`: a kind, the day it is about, the moment it becomes due and
the moment it stops being useful. A slot is *deliverable* at ``now`` when
``due <= now < expires`` and ``now`` is outside the quiet hours (22:00–07:00). The bot checks
every minute, so a reminder missed while it was down is sent on start if it is still within
its window, and dropped otherwise. What was sent is recorded under :meth:`Slot.key` (unit,
kind, day, recipient) before sending, so nothing goes out twice.

The windows, for a duty on day D from ``start`` to ``end``:

========== ===================================== ================================================
kind        due                                   expires
========== ===================================== ================================================
day_before  D-1 at ``day_before`` (17:30)         D-1 at 22:00
morning     D at ``morning`` (07:00)              when the check-in reminder is due
checkin     D at ``start`` + N minutes (30)       at ``end`` (or an hour after due, if later)
evening     D at ``evening`` (18:00)              D at 22:00
streak      D+1 at ``morning``                    D+1 at 22:00 (to the coordinators)
weekly      Monday at ``weekly`` (08:30)          Monday at 22:00
deadline    N days before at ``weekly``           the deadline day at 22:00 (to the coordinators)
========== ===================================== ================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum

from . import clock
from .dates import day_range, md, md_weekday
from .unit import QUIET_FROM, QUIET_UNTIL, ReminderRules

# How many of a site's problems the morning reminder lists before "…等 N 个".
PROBLEMS_SHOWN = 5
# Missed this many duties (or reports) in a row: the coordinators are told.
STREAK_LENGTH = 2


class Kind(StrEnum):
    DAY_BEFORE = "day_before"
    MORNING = "morning"
    CHECKIN = "checkin"
    EVENING = "evening"
    STREAK = "streak"
    WEEKLY = "weekly"
    DEADLINE = "deadline"

    @property
    def to_coordinators(self) -> bool:
        """Sent privately to the unit's coordinators instead of to its groups."""
        return self in (Kind.STREAK, Kind.DEADLINE)

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Kind.DAY_BEFORE: "前一天提醒",
    Kind.MORNING: "当天早上提醒",
    Kind.CHECKIN: "报到提醒",
    Kind.EVENING: "日报提醒",
    Kind.STREAK: "连续缺勤提醒",
    Kind.WEEKLY: "每周情况",
    Kind.DEADLINE: "报送截止提醒",
}


def is_quiet(moment: datetime, zone: tzinfo | None = None) -> bool:
    """Whether ``moment`` falls in the quiet hours (22:00–07:00 local), when nothing is sent."""
    local = moment.astimezone(zone or clock.timezone()).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def target_key(*, group: int | None = None, qq: int | None = None) -> str:
    """``g<group>`` or ``p<qq>``: who a reminder goes to, as part of its key."""
    if group is not None:
        return f"g{group}"
    if qq is not None:
        return f"p{qq}"
    raise ValueError("a reminder goes to a group or a person")


@dataclass(frozen=True, order=True)
class Slot:
    due: datetime
    kind: Kind
    # The duty day it is about (weekly: the Monday; deadline: the deadline day).
    day: date
    expires: datetime

    def deliverable(self, now: datetime) -> bool:
        return self.due <= now < self.expires and not is_quiet(now, self.due.tzinfo)

    def key(self, unit_id: int, target: str) -> str:
        """The unique key under which the reminder is recorded before it is sent."""
        return f"u{unit_id}:{self.kind.value}:{self.day.isoformat()}:{target}"


def _at(day: date, moment: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone)


def duty_slots(
    day: date, start: time, end: time, rules: ReminderRules, zone: tzinfo | None = None
) -> list[Slot]:
    """The reminders about a duty on ``day`` from ``start`` to ``end``."""
    zone = zone or clock.timezone()
    eve = day - timedelta(days=1)
    after = day + timedelta(days=1)
    start_at, end_at = _at(day, start, zone), _at(day, end, zone)
    nag = start_at + timedelta(minutes=rules.checkin_after_minutes)
    morning = _at(day, rules.morning, zone)
    # A morning reminder set after the start stays useful until the end.
    morning_expires = nag if nag > morning else max(end_at, morning + timedelta(hours=1))
    return [
        Slot(_at(eve, rules.day_before, zone), Kind.DAY_BEFORE, day, _at(eve, QUIET_FROM, zone)),
        Slot(morning, Kind.MORNING, day, morning_expires),
        Slot(nag, Kind.CHECKIN, day, max(end_at, nag + timedelta(hours=1))),
        Slot(_at(day, rules.evening, zone), Kind.EVENING, day, _at(day, QUIET_FROM, zone)),
        Slot(_at(after, rules.morning, zone), Kind.STREAK, day, _at(after, QUIET_FROM, zone)),
    ]


def weekly_slot(monday: date, rules: ReminderRules, zone: tzinfo | None = None) -> Slot:
    zone = zone or clock.timezone()
    return Slot(_at(monday, rules.weekly, zone), Kind.WEEKLY, monday, _at(monday, QUIET_FROM, zone))


def deadline_days(year: int, rules: ReminderRules) -> list[date]:
    days = []
    for month, day in rules.deadlines:
        try:
            days.append(date(year, month, day))
        except ValueError:  # 02-29 in a common year
            days.append(date(year, month, 28))
    return days


def deadline_slots(year: int, rules: ReminderRules, zone: tzinfo | None = None) -> list[Slot]:
    zone = zone or clock.timezone()
    return [
        Slot(
            _at(deadline - timedelta(days=rules.deadline_days_before), rules.weekly, zone),
            Kind.DEADLINE,
            deadline,
            _at(deadline, QUIET_FROM, zone),
        )
        for deadline in deadline_days(year, rules)
    ]


def due_slots(
    now: datetime,
    rules: ReminderRules,
    duties: Mapping[date, tuple[time, time]],
    zone: tzinfo | None = None,
) -> list[Slot]:
    """The reminders deliverable at ``now``, oldest first.

    ``duties``: the unit's duty days (with start and end) around ``now``: at least yesterday,
    today and tomorrow, the days a slot deliverable now can be about.
    """
    if not rules.enabled:
        return []
    zone = zone or clock.timezone()
    now = now.astimezone(zone)
    today = now.date()
    candidates: list[Slot] = []
    for day, (start, end) in duties.items():
        if abs((day - today).days) <= 1:
            candidates += duty_slots(day, start, end, rules, zone)
    if today.weekday() == 0:
        candidates.append(weekly_slot(today, rules, zone))
    for year in (today.year, today.year + 1):
        candidates += deadline_slots(year, rules, zone)
    return sorted(slot for slot in candidates if slot.deliverable(now))


# ---------------------------------------------------------------------------------------------
# What the reminders say


@dataclass(frozen=True)
class Mention:
    qq: int
    name: str


Part = str | Mention


@dataclass(frozen=True)
class Notice:
    """A message: text with @mentions in it."""

    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        """As it reads in the chat (an @ shows as ``@name``)."""
        return "".join(p if isinstance(p, str) else f"@{p.name}" for p in self.parts)

    @property
    def mentioned(self) -> tuple[int, ...]:
        return tuple(p.qq for p in self.parts if isinstance(p, Mention))

    def prefixed(self, prefix: str) -> Notice:
        return Notice((prefix, *self.parts))


class _Builder:
    def __init__(self) -> None:
        self.parts: list[Part] = []

    def add(self, *parts: Part) -> None:
        for part in parts:
            if isinstance(part, str) and self.parts and isinstance(self.parts[-1], str):
                self.parts[-1] += part
            elif part != "":
                self.parts.append(part)

    def notice(self) -> Notice:
        return Notice(tuple(self.parts))


@dataclass(frozen=True)
class Member:
    name: str
    qq: int | None = None
    leader: bool = False


@dataclass(frozen=True)
class SiteTeam:
    """People at one site on one day; ``site`` is its short name."""

    site: str
    people: tuple[Member, ...]


def _people(builder: _Builder, people: Sequence[Member], *, mark_leader: bool) -> None:
    for index, person in enumerate(people):
        if index:
            builder.add(" ")
        builder.add(Mention(person.qq, person.name) if person.qq else person.name)
        if mark_leader and person.leader:
            builder.add("（带班）")


def _teams(builder: _Builder, teams: Sequence[SiteTeam], *, mark_leader: bool) -> None:
    for team in teams:
        builder.add(f"\n{team.site}：")
        _people(builder, team.people, mark_leader=mark_leader)


def day_before_notice(day: date, start: time, end: time, teams: Sequence[SiteTeam]) -> Notice:
    b = _Builder()
    b.add(f"【值班提醒】明天 {md_weekday(day)} {start:%H:%M}-{end:%H:%M} 值班：")
    _teams(b, teams, mark_leader=True)
    b.add("\n到岗后请发送 /报到；不能来请发送 /请假 或 /换班。")
    return b.notice()


def morning_notice(
    day: date,
    start: time,
    end: time,
    teams: Sequence[SiteTeam],
    problems: Mapping[str, Sequence[str]] | None = None,
) -> Notice:
    """The morning reminder; ``problems``: per site, the lines of its open and to-be-re-checked
    problems, for the team to look at on the spot."""
    b = _Builder()
    b.add(f"【今天值班】{md_weekday(day)} {start:%H:%M}-{end:%H:%M}")
    for team in teams:
        b.add(f"\n{team.site}：")
        _people(b, team.people, mark_leader=False)
        lines = list((problems or {}).get(team.site, ()))
        for line in lines[:PROBLEMS_SHOWN]:
            b.add(f"\n  {line}")
        if len(lines) > PROBLEMS_SHOWN:
            b.add(f"\n  …等 {len(lines)} 个问题，请现场查看")
    return b.notice()


@dataclass(frozen=True)
class ProblemLine:
    """A problem of the ledger as a reminder shows it."""

    number: int
    description: str
    found_on: date
    site: str = ""
    # The ledger's status label: 待处理, 协调中, 待核查.
    status: str = "待处理"


def problem_lines(
    open_problems: Sequence[ProblemLine], to_recheck: Sequence[ProblemLine]
) -> list[str]:
    """The morning reminder's lines for one site: what is still open there, and what was
    resolved by others and is to be re-checked on the spot."""
    lines = [
        f"{p.status} #{p.number} {_short(p.description)}（{md(p.found_on)}起）"
        for p in open_problems
    ]
    lines += [
        f"待核查 #{p.number} {_short(p.description)}（看过后 /核查 {p.number} 通过）"
        for p in to_recheck
    ]
    return lines


def old_problem_lines(problems: Sequence[ProblemLine], today: date, days: int = 7) -> list[str]:
    """The problems open for more than ``days`` days, oldest first, for the weekly summary."""
    old = sorted(
        (p for p in problems if (today - p.found_on).days > days),
        key=lambda p: (p.found_on, p.number),
    )
    return [
        f"#{p.number} {p.site + ' ' if p.site else ''}{_short(p.description)}"
        f"（{md(p.found_on)}起，已 {(today - p.found_on).days} 天）"
        for p in old
    ]


def _short(text: str, limit: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def checkin_notice(start: time, minutes: int, missing: Sequence[SiteTeam]) -> Notice | None:
    """The people not checked in, per site; None when everyone is."""
    missing = [team for team in missing if team.people]
    if not missing:
        return None
    b = _Builder()
    b.add(f"【报到提醒】{start:%H:%M} 的值班已开始 {minutes} 分钟，以下同志还没有报到：")
    _teams(b, missing, mark_leader=False)
    b.add("\n到岗后请发送 /报到。")
    return b.notice()


def evening_notice(day: date, unreported: Sequence[SiteTeam]) -> Notice | None:
    """The teams of the sites with no daily report today; None when every site has one."""
    unreported = [team for team in unreported if team.people]
    if not unreported:
        return None
    b = _Builder()
    b.add(f"【日报提醒】今天（{md(day)}）这些地点的值班日报还没有收到：")
    _teams(b, unreported, mark_leader=True)
    b.add("\n请把值班日报发到群里。")
    return b.notice()


@dataclass(frozen=True)
class DutyRecord:
    """One of a person's past duties: was the person checked in, did the site report."""

    day: date
    checked_in: bool
    reported: bool


@dataclass(frozen=True)
class Streak:
    name: str
    # "checkin": duties without checking in; "report": duties whose site had no daily report.
    what: str
    days: tuple[date, ...]


def missed_streaks(
    name: str, records: Iterable[DutyRecord], day: date, least: int = STREAK_LENGTH
) -> list[Streak]:
    """The person's runs of missed check-ins and missed reports ending with the duty on
    ``day``, if at least ``least`` long. A run that did not grow on ``day`` is not repeated."""
    history = sorted((r for r in records if r.day <= day), key=lambda r: r.day)
    if not history or history[-1].day != day:
        return []
    streaks = []
    for what, missed in (
        ("checkin", lambda r: not r.checked_in),
        ("report", lambda r: not r.reported),
    ):
        run: list[date] = []
        for record in reversed(history):
            if not missed(record):
                break
            run.append(record.day)
        if len(run) >= least:
            streaks.append(Streak(name, what, tuple(reversed(run))))
    return streaks


def streak_notice(day: date, streaks: Sequence[Streak]) -> Notice | None:
    if not streaks:
        return None
    lines = [f"【连续缺勤提醒】截至{md(day)}："]
    for streak in streaks:
        missed = "值班未报到" if streak.what == "checkin" else "值班没有日报"
        dates = "、".join(md(d) for d in streak.days)
        lines.append(f"{streak.name}：连续 {len(streak.days)} 次{missed}（{dates}）")
    return Notice(("\n".join(lines),))


@dataclass(frozen=True)
class DayAttendance:
    day: date
    rostered: int
    present: int
    absent: tuple[str, ...]
    sites: int
    reports: int


def weekly_notice(
    monday: date, days: Sequence[DayAttendance], old_problems: Sequence[str] = ()
) -> Notice | None:
    """Last week's attendance and the problems open for more than a week; None if neither."""
    if not days and not old_problems:
        return None
    first, last = monday - timedelta(days=7), monday - timedelta(days=1)
    lines = [f"【上周值班情况】{day_range(first, last)}"]
    if days:
        for day in days:
            line = f"{md_weekday(day.day)} 到岗 {day.present}/{day.rostered}"
            line += f"，日报 {day.reports}/{day.sites}"
            if day.absent:
                line += f"，未报到：{'、'.join(day.absent)}"
            lines.append(line)
        present = sum(d.present for d in days)
        rostered = sum(d.rostered for d in days)
        reports = sum(d.reports for d in days)
        sites = sum(d.sites for d in days)
        lines.append(f"合计到岗 {present}/{rostered} 人次，日报 {reports}/{sites} 份。")
    else:
        lines.append("上周没有值班。")
    if old_problems:
        lines.append(f"超过 7 天未解决的问题 {len(old_problems)} 个：")
        lines += list(old_problems[:10])
        if len(old_problems) > 10:
            lines.append(f"…另有 {len(old_problems) - 10} 个")
    return Notice(("\n".join(lines),))


def deadline_notice(deadline: date, today: date) -> Notice:
    left = (deadline - today).days
    when = "就是今天" if left <= 0 else f"还有 {left} 天"
    return Notice(
        (f"【报送提醒】{md_weekday(deadline)}是创城材料报送截止日，{when}，请提前准备。",)
    )
