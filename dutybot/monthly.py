"""The monthly (and weekly) summary, free of NoneBot and of the database: the periods, the
figure dataclasses and their rates, and the texts made from them (the chat summary, the city
overview, the draft 说明报告).

The figures are computed by SQL aggregates in ``plugins/monthly/figures.py``; everything here
works on the plain values it returns, so it is tested with plain asserts.

Every rate is a quotient of two whole numbers kept side by side; a zero denominator shows as
"—" (nothing to measure), never as 0% or 100%.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from .errors import DutyError
from .unit import QUIET_FROM

NO_VALUE = "—"
# How many of the oldest open problems the chat summary lists.
OLDEST_SHOWN = 5
# Before/after photo pairs in the 说明报告 (the evaluation asks for 3 sample pictures).
PHOTO_PAIRS = 3
# Up to this day of a month, /月报 means the month before (its paperwork is due).
LAST_MONTH_UNTIL_DAY = 5


# ---------------------------------------------------------------------------------------------
# Periods


class BadMonth(DutyError):
    """Text that is not a month (``2026-13``, ``十一月份吧``)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class FutureMonth(DutyError):
    """A month that has not begun yet."""

    def __init__(self, year: int, month: int) -> None:
        super().__init__(year, month)
        self.year = year
        self.month = month


@dataclass(frozen=True)
class Period:
    """Local dates ``first``..``last``, both included. ``kind`` is ``month`` or ``week``;
    ``partial`` is True for the current month so far (``last`` is today)."""

    first: date
    last: date
    kind: str = "month"
    partial: bool = False

    @property
    def key(self) -> str:
        """``2026-11`` for a month, ``2026-11-23`` (its Monday) for a week."""
        if self.kind == "month":
            return f"{self.first:%Y-%m}"
        return self.first.isoformat()

    @property
    def title(self) -> str:
        """``2026年11月``, ``2026年11月（1日—20日）`` so far, ``11月23日—29日`` for a week."""
        if self.kind == "month":
            base = f"{self.first.year}年{self.first.month}月"
            if self.partial:
                return f"{base}（{self.first.day}日—{self.last.day}日）"
            return base
        return span_text(self.first, self.last)

    @property
    def noun(self) -> str:
        return "本月" if self.kind == "month" else "本周"

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def each_day(self) -> Iterable[date]:
        for offset in range(self.days):
            yield self.first + timedelta(days=offset)


def span_text(first: date, last: date) -> str:
    """``11月23日—29日``; ``11月30日—12月6日`` across months; with the year across years."""
    if first.year != last.year:
        return f"{first.year}年{first.month}月{first.day}日—{last.year}年{last.month}月{last.day}日"
    if first.month != last.month:
        return f"{first.month}月{first.day}日—{last.month}月{last.day}日"
    return f"{first.month}月{first.day}日—{last.day}日"


def month_end(year: int, month: int) -> date:
    following = date(year + month // 12, month % 12 + 1, 1)
    return following - timedelta(days=1)


def month_period(year: int, month: int, today: date) -> Period:
    """A month as of ``today``: whole if it is over, up to today if it is the current one.
    Raises FutureMonth."""
    first = date(year, month, 1)
    if first > today:
        raise FutureMonth(year, month)
    last = month_end(year, month)
    if last >= today:
        return Period(first, today, "month", partial=last > today)
    return Period(first, last, "month")


def default_month(today: date) -> Period:
    """In the first days of a month (up to the 5th) the month before, whose summary is due;
    later on, this month so far."""
    if today.day <= LAST_MONTH_UNTIL_DAY:
        previous = today.replace(day=1) - timedelta(days=1)
        return month_period(previous.year, previous.month, today)
    return month_period(today.year, today.month, today)


def previous_month(today: date) -> Period:
    previous = today.replace(day=1) - timedelta(days=1)
    return month_period(previous.year, previous.month, today)


def last_week(today: date) -> Period:
    """Monday to Sunday of the week before ``today``'s."""
    monday = today - timedelta(days=today.weekday() + 7)
    return Period(monday, monday + timedelta(days=6), "week")


_MONTH_FORMS = (
    re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?份?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)
_MONTH_ONLY = re.compile(r"^(\d{1,2})\s*月份?$")
_CN_MONTHS = {
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "十一": 11,
    "十二": 12,
}


def read_month(text: str, today: date) -> Period:
    """A month as people write it: ``2026-11``, ``2026.11``, ``2026年11月``, ``202611``,
    ``11月`` / ``十一月`` (the latest such month not in the future), ``上月``, ``本月``.
    Raises BadMonth or FutureMonth."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned in ("上月", "上个月"):
        return previous_month(today)
    if cleaned in ("本月", "这个月", "当月"):
        return month_period(today.year, today.month, today)
    year: int | None = None
    month: int | None = None
    for form in _MONTH_FORMS:
        match = form.match(cleaned)
        if match:
            year, month = int(match.group(1)), int(match.group(2))
            break
    else:
        match = _MONTH_ONLY.match(cleaned)
        if match:
            month = int(match.group(1))
        else:
            word = cleaned.removesuffix("份").removesuffix("月")
            if cleaned.endswith(("月", "月份")) and word in _CN_MONTHS:
                month = _CN_MONTHS[word]
        if month is not None and 1 <= month <= 12:
            year = today.year if month <= today.month else today.year - 1
    if year is None or month is None or not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise BadMonth(text)
    return month_period(year, month, today)


@dataclass(frozen=True)
class SummaryRequest:
    """What ``/月报 [材料] [年-月]`` asks for."""

    period: Period
    materials: bool = False  # the 说明报告 (.docx) rather than the summary and workbook


MATERIAL_WORDS = ("材料", "说明报告", "报告", "word", "docx")


def read_summary_args(text: str, today: date) -> SummaryRequest:
    """``[材料] [月份]`` in either order; no month: :func:`default_month`. Raises BadMonth
    (also for anything else in the text) or FutureMonth."""
    words = unicodedata.normalize("NFKC", text).split()
    materials = False
    rest = []
    for word in words:
        if word.lower() in MATERIAL_WORDS:
            materials = True
        else:
            rest.append(word)
    if not rest:
        return SummaryRequest(default_month(today), materials)
    return SummaryRequest(read_month("".join(rest), today), materials)


def read_week_args(text: str, today: date) -> Period:
    """``/周报``: last week; ``/周报 本周``: this week so far. Raises BadMonth otherwise."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if cleaned in ("", "上周", "上一周"):
        return last_week(today)
    if cleaned in ("本周", "这周", "这一周"):
        monday = today - timedelta(days=today.weekday())
        return Period(monday, today, "week", partial=today.weekday() < 6)
    raise BadMonth(text)


# The 1st-of-month post goes out from its time of day until QUIET_FROM, on the first
# CATCH_UP_DAYS days of the month (a bot that was down on the 1st catches up).
CATCH_UP_DAYS = 3


def monthly_post_due(now: datetime, at: time | None) -> bool:
    """Whether last month's summary is due to be posted at ``now`` (local)."""
    if at is None or not 1 <= now.day <= CATCH_UP_DAYS:
        return False
    return at <= now.time().replace(tzinfo=None) < QUIET_FROM


# ---------------------------------------------------------------------------------------------
# Rates


def percent(numerator: int, denominator: int) -> str:
    """``94%`` (rounded half up), or "—" when there is nothing to divide by."""
    if denominator <= 0:
        return NO_VALUE
    return f"{(200 * numerator + denominator) // (2 * denominator)}%"


def median_days(histogram: Sequence[tuple[int, int]]) -> float | None:
    """The median of durations given as (days, how many) pairs; None when there are none."""
    pairs = sorted((days, count) for days, count in histogram if count > 0)
    total = sum(count for _, count in pairs)
    if total == 0:
        return None
    # The lower and upper middle positions (the same one for an odd total), 0-based.
    wanted = ((total - 1) // 2, total // 2)
    found: list[int] = []
    seen = 0
    for days, count in pairs:
        for position in wanted:
            if seen <= position < seen + count:
                found.append(days)
        seen += count
    return (found[0] + found[1]) / 2


def days_text(value: float | None) -> str:
    if value is None:
        return NO_VALUE
    return f"{value:g} 天"


def merge_histograms(*histograms: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: dict[int, int] = {}
    for histogram in histograms:
        for days, count in histogram:
            merged[days] = merged.get(days, 0) + count
    return tuple(sorted(merged.items()))


def merge_counts(*groups: Sequence[Count]) -> tuple[Count, ...]:
    """Counts with the same label (and unit) added; the largest first, then by label."""
    merged: dict[tuple[str, str], int] = {}
    for group in groups:
        for item in group:
            merged[(item.label, item.unit)] = merged.get((item.label, item.unit), 0) + item.count
    return tuple(
        Count(label, count, unit)
        for (label, unit), count in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))
    )


# ---------------------------------------------------------------------------------------------
# Figures


@dataclass(frozen=True)
class Count:
    """A labelled quantity: a category's 处, or an activity (劝导 12 人次)."""

    label: str
    count: int
    unit: str = "处"

    def text(self) -> str:
        return (
            f"{self.label} {self.count}"
            if self.unit == "处"
            else f"{self.label} {self.count} {self.unit}"
        )


@dataclass(frozen=True)
class SiteFigures:
    """One site's figures for a period (or the sum over sites, or over a unit's sites).

    Duty and attendance (``duty_rosterentry``, ``duty_checkin``, ``reports_dailyreport``):

    - ``planned_duties`` 计划值班: distinct dates with at least one roster entry of status
      planned at the site (leave and swapped entries are no longer duties).
    - ``held_duties`` 值班 N 次: distinct dates with at least one check-in at the site or an
      active daily report for it (superseded and withdrawn reports do not count). A day held
      without being planned counts too.
    - ``rostered`` 排班 人次: roster entries of status planned.
    - ``present`` 到岗 N 人次: distinct (person, day) check-ins at the site, whatever their
      source: a daily report that names people present records check-ins with source report,
      so they are counted here once and never twice.
    - ``present_rostered``: those check-ins that match a planned roster entry (same person,
      site and date). 到岗率 = present_rostered ÷ rostered; ``present`` − ``present_rostered``
      came without being rostered (非排班).
    - ``reports``: duties (site and day) in the period with an active daily report; several
      members' reports of one duty count once.

    Problems (``ledger_problem``, counted in 处 by quantity; withdrawn problems never count):

    - ``found`` 发现问题 N 处: SUM(quantity) with found_on in the period; by category in
      ``found_by_category``.
    - ``resolved`` 已解决 N 处: SUM(resolved_quantity) with resolved_on in the period, whenever
      found (a problem found in October and resolved in November counts in November).
    - ``resolved_in_time``: the part of ``resolved`` with resolved_on <= due_on (the category's
      time limit from the finding, or from the last reopening).
    - ``reopened``: SUM(quantity) over reopen events (重开, 核查不通过) dated in the period.
    - ``unresolved`` 未解决 N 处: SUM(quantity) of problems found on or before the last day
      that were not resolved by its end: status open or coordinating, or resolved after the
      period. ``unresolved_overdue``: those whose due date had passed by the last day.
    - ``days_to_resolve``: (resolved_on − found_on in days, number of problems) for the
      problems resolved in the period; the median is taken over problems, not 处.
    - ``activities``: by kind and unit, the sum over duties of each duty's largest telling
      (a second report repeating the first is not summed twice).

    Rates: 结案率 = resolved ÷ found (it can pass 100% in a month that clears older
    problems), 按期结案率 = resolved_in_time ÷ resolved, 返工率 = reopened ÷ resolved.
    """

    name: str
    label: str
    site_id: int | None = None
    planned_duties: int = 0
    held_duties: int = 0
    rostered: int = 0
    present: int = 0
    present_rostered: int = 0
    reports: int = 0
    found: int = 0
    found_by_category: tuple[Count, ...] = ()
    resolved: int = 0
    resolved_by_category: tuple[Count, ...] = ()
    resolved_in_time: int = 0
    reopened: int = 0
    unresolved: int = 0
    unresolved_overdue: int = 0
    days_to_resolve: tuple[tuple[int, int], ...] = ()
    activities: tuple[Count, ...] = ()

    @property
    def extra_present(self) -> int:
        return self.present - self.present_rostered

    @property
    def attendance_rate(self) -> str:
        return percent(self.present_rostered, self.rostered)

    @property
    def closure_rate(self) -> str:
        return percent(self.resolved, self.found)

    @property
    def on_time_rate(self) -> str:
        return percent(self.resolved_in_time, self.resolved)

    @property
    def rework_rate(self) -> str:
        return percent(self.reopened, self.resolved)

    @property
    def median_days(self) -> float | None:
        return median_days(self.days_to_resolve)

    @property
    def has_problems_or_work(self) -> bool:
        """Anything the chat shows besides duty (a report with no site read has none)."""
        return any((self.found, self.resolved, self.reopened, self.unresolved, self.activities))

    @property
    def is_empty(self) -> bool:
        return not any(
            (
                self.planned_duties,
                self.held_duties,
                self.rostered,
                self.present,
                self.reports,
                self.found,
                self.resolved,
                self.reopened,
                self.unresolved,
                self.activities,
            )
        )


_SUMMED = (
    "planned_duties",
    "held_duties",
    "rostered",
    "present",
    "present_rostered",
    "reports",
    "found",
    "resolved",
    "resolved_in_time",
    "reopened",
    "unresolved",
    "unresolved_overdue",
)


def combine(parts: Sequence[SiteFigures], name: str = "合计", label: str = "合计") -> SiteFigures:
    """The sum over sites (or units); the median is taken over all their durations."""
    return SiteFigures(
        name=name,
        label=label,
        **{key: sum(getattr(p, key) for p in parts) for key in _SUMMED},
        found_by_category=merge_counts(*(p.found_by_category for p in parts)),
        resolved_by_category=merge_counts(*(p.resolved_by_category for p in parts)),
        days_to_resolve=merge_histograms(*(p.days_to_resolve for p in parts)),
        activities=merge_counts(*(p.activities for p in parts)),
    )


class _Attendance:
    """缺岗 and 到岗率, the same for a person and for a department."""

    duties: int
    present: int

    @property
    def absent(self) -> int:
        return max(0, self.duties - self.present)

    @property
    def attendance_rate(self) -> str:
        return percent(self.present, self.duties)


@dataclass(frozen=True)
class PersonFigures(_Attendance):
    """One person's duties in the period (``duty_rosterentry`` by status, ``duty_checkin``).

    - ``duties`` 排班: roster entries of status planned (duties taken over by leave cover or a
      swap are the taker's planned entries).
    - ``present`` 到岗: planned entries with a check-in of the person at that site that day.
    - ``absent`` 缺岗 = duties − present.
    - ``leave`` 请假 / ``swapped`` 换班: entries of status leave / swapped (duties handed on);
      they are not duties, so 到岗率 = present ÷ duties leaves leave out.
    - ``extra`` 非排班到岗: check-ins that match no planned entry of the person.
    - ``reports_on_day`` 当日日报: planned duties for which an active daily report sent by the
      person (sender_qq = their QQ) for that date, and that site or no site, was sent on the
      duty date itself (local time).
    """

    name: str
    department: str
    staff_id: int | None = None
    duties: int = 0
    present: int = 0
    leave: int = 0
    swapped: int = 0
    extra: int = 0
    reports_on_day: int = 0

    @property
    def is_empty(self) -> bool:
        return not (self.duties or self.leave or self.swapped or self.extra or self.present)


@dataclass(frozen=True)
class DepartmentFigures(_Attendance):
    """The sum of its people's figures (``people``: those with any figure)."""

    department: str
    people: int = 0
    duties: int = 0
    present: int = 0
    leave: int = 0
    swapped: int = 0
    extra: int = 0
    reports_on_day: int = 0


def departments_of(people: Sequence[PersonFigures]) -> tuple[DepartmentFigures, ...]:
    """Departments in the order their first person appears."""
    order: dict[str, DepartmentFigures] = {}
    for person in people:
        current = order.get(person.department, DepartmentFigures(person.department))
        order[person.department] = replace(
            current,
            people=current.people + 1,
            duties=current.duties + person.duties,
            present=current.present + person.present,
            leave=current.leave + person.leave,
            swapped=current.swapped + person.swapped,
            extra=current.extra + person.extra,
            reports_on_day=current.reports_on_day + person.reports_on_day,
        )
    return tuple(order.values())


@dataclass(frozen=True)
class OpenProblem:
    """A problem not resolved by the end of the period (see ``SiteFigures.unresolved``)."""

    number: int
    site_label: str
    category: str
    description: str
    quantity: int
    found_on: date
    due_on: date
    coordinating_with: str | None = None

    def age_days(self, on: date) -> int:
        return max(0, (on - self.found_on).days)

    def overdue(self, on: date) -> bool:
        return on > self.due_on


@dataclass(frozen=True)
class PhotoPair:
    """A problem resolved in the period with its first saved 整改前 and 整改后 photos; paths
    are relative to the data folder."""

    number: int
    site_label: str
    category: str
    description: str
    quantity: int
    before_path: str
    after_path: str
    # When each photo was sent (aware, local).
    before_at: datetime
    after_at: datetime

    @property
    def theme(self) -> str:
        return f"{self.category}整治：{self.description}"


@dataclass(frozen=True)
class UnitSummary:
    """Everything the summary of one unit for one period shows."""

    unit_name: str
    period: Period
    sites: tuple[SiteFigures, ...]
    people: tuple[PersonFigures, ...] = ()
    oldest_open: tuple[OpenProblem, ...] = ()
    # Bodies that problems were handed to (/协调), with how many 处, for the narrative.
    coordinated_with: tuple[Count, ...] = ()
    total: SiteFigures = field(default=None)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        if self.total is None:
            object.__setattr__(self, "total", combine(self.sites))

    @property
    def departments(self) -> tuple[DepartmentFigures, ...]:
        return departments_of(self.people)

    @property
    def is_empty(self) -> bool:
        return self.total.is_empty and not any(not p.is_empty for p in self.people)


@dataclass(frozen=True)
class CityRow:
    """One unit's totals in the city overview."""

    unit_name: str
    figures: SiteFigures


# ---------------------------------------------------------------------------------------------
# Chat text


def summary_title(summary: UnitSummary) -> str:
    kind = "值班月报" if summary.period.kind == "month" else "值班周报"
    return f"{summary.unit_name} {summary.period.title}{kind}"


def figure_lines(figures: SiteFigures) -> list[str]:
    """The figures of one site (or the total), one short line each, with the fixed labels."""
    attendance = f"排班 {figures.rostered} 人次，到岗率 {figures.attendance_rate}"
    if figures.extra_present:
        attendance += f"，含非排班 {figures.extra_present} 人次"
    found = f"发现问题 {figures.found} 处"
    if figures.found_by_category:
        found += "（" + "、".join(c.text() for c in figures.found_by_category) + "）"
    unresolved = f"未解决 {figures.unresolved} 处"
    if figures.unresolved_overdue:
        unresolved += f"（超期 {figures.unresolved_overdue} 处）"
    activities = "、".join(c.text() for c in figures.activities) or "无记录"
    return [
        f"值班 {figures.held_duties} 次（计划 {figures.planned_duties} 次）",
        f"到岗 {figures.present} 人次（{attendance}）",
        found,
        f"已解决 {figures.resolved} 处，{unresolved}",
        f"结案率 {figures.closure_rate}，按期结案率 {figures.on_time_rate}，"
        f"返工率 {figures.rework_rate}",
        f"处置天数中位数 {days_text(figures.median_days)}",
        f"工作成效：{activities}",
    ]


def person_line(person: PersonFigures | DepartmentFigures, name: str) -> str:
    line = (
        f"{name}：排班 {person.duties}，到岗 {person.present}，缺岗 {person.absent}，"
        f"请假 {person.leave}，换班 {person.swapped}，到岗率 {person.attendance_rate}"
    )
    if person.extra:
        line += f"，非排班 {person.extra}"
    if isinstance(person, PersonFigures):
        line += f"，当日日报 {person.reports_on_day}"
    return line


def open_problem_line(problem: OpenProblem, on: date) -> str:
    # 电动车乱停放5处 says its quantity already.
    shown = problem.quantity > 1 and str(problem.quantity) not in problem.description
    quantity = f" {problem.quantity}处" if shown else ""
    flag = " 已超期" if problem.overdue(on) else ""
    where = f"，{problem.coordinating_with}处理中" if problem.coordinating_with else ""
    description = (
        problem.description if len(problem.description) <= 16 else problem.description[:15] + "…"
    )
    return (
        f"#{problem.number} {problem.site_label}·{problem.category} {description}{quantity}"
        f"｜{problem.age_days(on)}天{flag}{where}"
    )


def render_chat(summary: UnitSummary, *, footer: str = "") -> str:
    """The summary as one chat message: per site, the total, departments, people, the oldest
    open problems."""
    period = summary.period
    lines = [summary_title(summary)]
    if summary.is_empty:
        lines.append(f"{period.noun}没有排班、报到、日报和问题记录。")
    shown = [s for s in summary.sites if s.site_id is not None or s.has_problems_or_work]
    for site in shown:
        if site.is_empty:
            lines.append(f"【{site.label}】{period.noun}没有值班和问题记录")
            continue
        lines.append(f"【{site.label}】")
        lines.extend(figure_lines(site))
    if sum(1 for s in shown if not s.is_empty) > 1:
        lines.append("【合计】")
        lines.extend(figure_lines(summary.total))

    people = [p for p in summary.people if not p.is_empty]
    if people:
        lines.append("【各科室】")
        lines.extend(person_line(d, d.department) for d in departments_of(people))
        lines.append("【个人】")
        lines.extend(person_line(p, p.name) for p in people)
    if summary.oldest_open:
        lines.append(f"【最久未解决】（共 {summary.total.unresolved} 处）")
        lines.extend(open_problem_line(p, period.last) for p in summary.oldest_open)
    if footer:
        lines.append(footer)
    return "\n".join(lines)


def render_city(period: Period, rows: Sequence[CityRow]) -> str:
    """The city office's view: one line per unit, then the city total."""
    lines = [f"全市 {period.title}“路长制”、网格化管理值班汇总（{len(rows)} 个单位）"]
    for row in rows:
        f = row.figures
        lines.append(
            f"{row.unit_name}：值班 {f.held_duties} 次（计划 {f.planned_duties} 次），"
            f"到岗 {f.present} 人次（到岗率 {f.attendance_rate}），发现问题 {f.found} 处，"
            f"已解决 {f.resolved} 处，未解决 {f.unresolved} 处，结案率 {f.closure_rate}，"
            f"按期结案率 {f.on_time_rate}，返工率 {f.rework_rate}"
        )
    lines.append("【全市合计】")
    lines.extend(figure_lines(combine([r.figures for r in rows], "全市", "全市")))
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The draft 说明报告


def narrative_title(summary: UnitSummary) -> str:
    return f"{summary.unit_name}{summary.period.title}“路长制”、网格化管理工作情况的说明报告"


def _joined(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return "、".join(items[:-1]) + "和" + items[-1]


def render_narrative(summary: UnitSummary, pairs: Sequence[PhotoPair] = ()) -> list[str]:
    """The draft 说明报告 (about 700 characters) as paragraphs, the title first; written in
    the tone of the office's plan, with the period's figures. A draft: people edit it."""
    period, t = summary.period, summary.total
    noun = period.noun
    sites = [s for s in summary.sites if s.site_id is not None]
    site_names = _joined([s.name for s in sites]) or "包保路段和网格"
    people = [p for p in summary.people if not p.is_empty]
    reports = sum(p.reports_on_day for p in people)

    intro = (
        f"按照市文明城市创建工作办公室要求，{period.title}，{summary.unit_name}继续做好"
        f"{site_names}“路长制”、网格化管理督导、协调、服务等工作，派员赴值班路段和网格协助"
        f"管理，实行当日报告、每月总结制度。现将{noun}工作情况报告如下。"
    )
    duty = (
        f"一、值班开展情况。{noun}计划值班 {t.planned_duties} 次，实际值班 {t.held_duties} 次；"
        f"排班 {t.rostered} 人次，到岗 {t.present} 人次，到岗率 {t.attendance_rate}。"
    )
    came = [p for p in people if p.present or p.extra]
    if came:
        duty += f"{len(departments_of(came))}个科室 {len(came)} 名同志参加值班"
        leave = sum(p.leave for p in people)
        swapped = sum(p.swapped for p in people)
        if leave or swapped:
            duty += f"，其间请假 {leave} 人次、换班 {swapped} 人次"
        duty += "。"
    if t.held_duties:
        duty += (
            "值班人员巡查、清理责任路段和网格内的垃圾杂物，摆放乱停乱放的电动车、自行车，"
            f"并于值班当天将督促协调解决问题和工作成效上报QQ工作群，共报送值班日报 {t.reports} 份"
        )
        duty += f"（其中值班当天报送 {reports} 份）。" if reports != t.reports else "。"
    else:
        duty += f"{noun}没有值班记录。"

    if t.found_by_category:
        kinds = "，其中" + "、".join(f"{c.label} {c.count} 处" for c in t.found_by_category[:4])
    else:
        kinds = ""
    problems = (
        f"二、问题发现和解决情况。{noun}共发现问题 {t.found} 处{kinds}；已解决 {t.resolved} 处，"
        f"结案率 {t.closure_rate}，按期结案率 {t.on_time_rate}，返工率 {t.rework_rate}"
    )
    if t.median_days is not None:
        problems += f"，处置天数中位数 {days_text(t.median_days)}"
    problems += "。"
    if summary.coordinated_with:
        bodies = _joined([c.label for c in summary.coordinated_with[:3]])
        problems += f"对需其他单位处理的问题，及时协调{bodies}等单位处置。"
    if t.unresolved:
        problems += (
            f"截至{period.last.month}月{period.last.day}日，尚有 {t.unresolved} 处问题未解决"
        )
        if t.unresolved_overdue:
            problems += f"（其中 {t.unresolved_overdue} 处已超过处置时限）"
        problems += "，已列入问题台账持续跟踪督促。"
    else:
        problems += f"截至{period.last.month}月{period.last.day}日，发现的问题均已解决。"

    if t.activities:
        done = "、".join(
            f"{c.label}{c.count}{c.unit}" if c.unit != "处" else f"{c.label}{c.count}处"
            for c in t.activities
        )
        results = (
            f"三、工作成效。值班期间{done}，宣传文明城市创建知识，引导群众文明出行、"
            "爱护环境，责任路段和网格环境卫生、市容秩序得到改善。"
        )
    else:
        results = (
            "三、工作成效。值班期间宣传文明城市创建知识，引导群众文明出行、爱护环境，"
            "责任路段和网格环境卫生、市容秩序有所改善。"
        )

    issues = []
    if t.unresolved_overdue:
        issues.append(f"{t.unresolved_overdue} 处问题超过处置时限仍未解决")
    if t.reopened:
        issues.append(f"{t.reopened} 处问题整改后又反复")
    if t.rostered > t.present_rostered:
        issues.append(f"缺岗 {t.rostered - t.present_rostered} 人次")
    plans = "四、存在的问题和下步打算。"
    if issues:
        plans += "主要是" + "，".join(issues) + "。"
    plans += (
        "下步，我们将严格落实值班制度，加强与创城办和属地街道、社区的沟通协调，及时督导、协调、"
        "解决路段、网格内存在的问题，做到早发现、早处理，确保工作不漏项、无缝隙、全覆盖。"
    )
    paragraphs = [narrative_title(summary), intro, duty, problems, results, plans]
    if pairs:
        paragraphs.append(f"附：整改前后对比照片 {len(pairs)} 组（时间、主办单位、主题见图注）。")
    return paragraphs


def photo_caption(pair: PhotoPair, unit_name: str, stage: str) -> str:
    """``整改前：2026年11月3日 07:40，玄帝庙街路西；主办单位：市外侨办；主题：…``"""
    moment = pair.before_at if stage == "整改前" else pair.after_at
    return (
        f"{stage}：{moment.year}年{moment.month}月{moment.day}日 {moment:%H:%M}，"
        f"{pair.site_label}；主办单位：{unit_name}；主题：{pair.theme}"
    )
