"""The dashboard's pages as HTML, from plain values: the monthly figure dataclasses of
:mod:`dutybot.monthly` (the very ones /月报 prints) and the small row types below.

Templates are Jinja2 with autoescaping on: every text a user wrote (descriptions, notes,
names) is escaped; only the charts, built here, are trusted markup. Links are relative, so
the pages work the same behind a reverse proxy that mounts the bot under a sub-path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from dutybot.duty_calendar import WEEKDAY_NAMES
from dutybot.monthly import CityRow, Period, SiteFigures, UnitSummary, combine

from . import charts
from .charts import FOUND, OPEN, OVERDUE, RESOLVED, Series

_env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

TREND_MONTHS = 12


def render(template: str, **values: Any) -> str:
    return _env.get_template(template).render(**values)


def moment_text(moment: datetime) -> str:
    return f"{moment.month}月{moment.day}日 {moment:%H:%M}"


def date_text(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


# ---------------------------------------------------------------------------------------------
# The frame around every page


@dataclass(frozen=True)
class Frame:
    title: str
    scope: str  # 市外侨办, 全市（200 个单位）
    tab: str  # overview, problems, roster
    tabs: tuple[tuple[str, str, str], ...]  # (key, label, href)
    month_key: str
    months: tuple[tuple[str, str, str], ...] = ()  # (key, label, href)
    back: str | None = None  # to the overview of all the holder's units
    now_text: str = ""
    expires_text: str = ""


def unit_tabs(unit_root: str, month_key: str) -> tuple[tuple[str, str, str], ...]:
    query = f"?month={month_key}"
    return (
        ("overview", "总览", f"{unit_root}{query}"),
        ("problems", "问题台账", f"{unit_root}problems"),
        ("roster", "值班表", f"{unit_root}roster{query}"),
    )


def month_choices(latest: date, count: int = TREND_MONTHS) -> list[tuple[str, str]]:
    """(key, label) of the ``count`` months up to ``latest``'s, newest first."""
    result = []
    year, month = latest.year, latest.month
    for _ in range(count):
        result.append((f"{year}-{month:02d}", f"{year}年{month}月"))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return result


def month_links(latest: date, href: str, count: int = TREND_MONTHS) -> tuple[tuple[str, ...], ...]:
    """The month picker, newest first: ``href?month=…``, labelled ``11月`` (with the year for
    the newest month and each January)."""
    links = []
    for key, label in month_choices(latest, count):
        short = label if key.endswith("-01") or key == f"{latest:%Y-%m}" else label[5:]
        links.append((key, short, f"{href}?month={key}"))
    return tuple(links)


# ---------------------------------------------------------------------------------------------
# 总览


@dataclass(frozen=True)
class TrendPoint:
    """One month of the trend: its period and the scope's total figures for it."""

    period: Period
    figures: SiteFigures

    @property
    def label(self) -> str:
        return f"{self.period.first.month}月"


@dataclass(frozen=True)
class Row:
    label: str
    figures: SiteFigures
    href: str | None = None


def _rate(numerator: int, denominator: int) -> float | None:
    return 100 * numerator / denominator if denominator else None


Chart = tuple[str, Any]  # (title, svg)


def trend_charts(trend: Sequence[TrendPoint]) -> list[Chart]:
    labels = [p.label for p in trend]
    found_title = f"近{len(trend)}个月发现和解决的问题（处）"
    rate_title = f"近{len(trend)}个月到岗率"
    return [
        (
            found_title,
            charts.column_chart(
                labels,
                [
                    Series("发现", FOUND, [p.figures.found for p in trend]),
                    Series("已解决", RESOLVED, [p.figures.resolved for p in trend]),
                ],
                found_title,
            ),
        ),
        (
            rate_title,
            charts.line_chart(
                labels,
                [_rate(p.figures.present_rostered, p.figures.rostered) for p in trend],
                rate_title,
            ),
        ),
    ]


def category_chart(total: SiteFigures) -> Chart:
    found = {c.label: c.count for c in total.found_by_category}
    resolved = {c.label: c.count for c in total.resolved_by_category}
    # The same order as the workbook's category table.
    names = sorted(set(found) | set(resolved), key=lambda c: (-found.get(c, 0), c))
    title = "问题类别（处）"
    return title, charts.bar_chart(
        names,
        [
            Series("发现", FOUND, [found.get(n, 0) for n in names]),
            Series("已解决", RESOLVED, [resolved.get(n, 0) for n in names]),
        ],
        title,
    )


@dataclass(frozen=True)
class OpenItem:
    number: int
    description: str
    site: str
    category: str
    quantity: int
    found_on: str
    age: int
    overdue: bool
    coordinating_with: str | None
    href: str


def overview_unit(
    frame: Frame,
    summary: UnitSummary,
    trend: Sequence[TrendPoint],
    *,
    problem_href: str,
    ledger_href: str,
    downloads: Sequence[tuple[str, str]],
) -> str:
    """One unit: its sites (as /月报 shows them, 未注明地点 only when it has something),
    the charts, the oldest open problems, departments and people, the files."""
    period = summary.period
    sites = [
        Row(s.label, s)
        for s in summary.sites
        if s.site_id is not None or s.has_problems_or_work or not s.is_empty
    ]
    oldest = [
        OpenItem(
            number=p.number,
            description=p.description,
            site=p.site_label,
            category=p.category,
            quantity=p.quantity,
            found_on=p.found_on.isoformat(),
            age=p.age_days(period.last),
            overdue=p.overdue(period.last),
            coordinating_with=p.coordinating_with,
            href=f"{problem_href}{p.number}",
        )
        for p in summary.oldest_open
    ]
    total = summary.total
    page = {
        "heading": f"{summary.unit_name} {period.title}",
        "period": period,
        "empty": summary.is_empty,
        "total": total,
        "sites": sites,
        "total_row": Row("合计", total) if len(sites) > 1 else None,
        "charts": [
            (
                "各地点发现和解决的问题（处）",
                charts.column_chart(
                    [s.label for s in sites],
                    [
                        Series("发现", FOUND, [s.figures.found for s in sites]),
                        Series("已解决", RESOLVED, [s.figures.resolved for s in sites]),
                    ],
                    "各地点发现和解决的问题（处）",
                ),
            ),
            category_chart(total),
            *trend_charts(trend),
        ],
        "oldest": oldest,
        "open_total": total.unresolved,
        "ledger_href": ledger_href,
        "departments": list(summary.departments),
        "people": [p for p in summary.people if not p.is_empty],
        "downloads": list(downloads),
    }
    return render("overview_unit.html", frame=frame, page=page)


SORTS = (
    ("name", "单位名称"),
    ("unresolved", "未解决最多"),
    ("overdue", "超期最多"),
    ("attendance", "到岗率最低"),
    ("closure", "结案率最低"),
)


def _sorted_rows(rows: Sequence[tuple[CityRow, str]], sort: str) -> list[tuple[CityRow, str]]:
    def low_rate(numerator: int, denominator: int) -> tuple[int, float]:
        # Nothing to measure goes last.
        return (0, numerator / denominator) if denominator else (1, 0.0)

    keys = {
        "unresolved": lambda r: -r[0].figures.unresolved,
        "overdue": lambda r: -r[0].figures.unresolved_overdue,
        "attendance": lambda r: low_rate(r[0].figures.present_rostered, r[0].figures.rostered),
        "closure": lambda r: low_rate(r[0].figures.resolved, r[0].figures.found),
    }
    if sort not in keys:
        return list(rows)
    return sorted(rows, key=keys[sort])  # stable: ties keep the name order


def overview_city(
    frame: Frame,
    period: Period,
    rows: Sequence[tuple[CityRow, str]],
    trend: Sequence[TrendPoint],
    *,
    heading: str,
    sort: str,
    sort_href: str,
    downloads: Sequence[tuple[str, str]] = (),
) -> str:
    """Several units: one row each (the unit's /月报 total), linked to its own overview."""
    total = combine([r.figures for r, _ in rows], "合计", "合计")
    behind = sorted(
        (r for r, _ in rows if r.figures.unresolved),
        key=lambda r: (-r.figures.unresolved, -r.figures.unresolved_overdue),
    )[:10]
    page = {
        "heading": heading,
        "period": period,
        "total": total,
        "rows": [Row(r.unit_name, r.figures, href) for r, href in _sorted_rows(rows, sort)],
        "total_row": Row("合计", total) if len(rows) > 1 else None,
        "sort": sort if sort in dict(SORTS) else "name",
        "sorts": [(key, label, f"{sort_href}&sort={key}") for key, label in SORTS],
        "charts": [
            (
                "未解决问题最多的单位（处）",
                charts.bar_chart(
                    [r.unit_name for r in behind],
                    [
                        Series("未解决", OPEN, [r.figures.unresolved for r in behind]),
                        Series("其中超期", OVERDUE, [r.figures.unresolved_overdue for r in behind]),
                    ],
                    "未解决问题最多的单位（处）",
                ),
            ),
            category_chart(total),
            *trend_charts(trend),
        ],
        "downloads": list(downloads),
    }
    return render("overview_city.html", frame=frame, page=page)


# ---------------------------------------------------------------------------------------------
# 问题台账


@dataclass(frozen=True)
class LedgerRow:
    number: int
    description: str
    site: str
    category: str
    quantity: int
    status_label: str
    status_class: str  # open, coordinating, settled, withdrawn
    found_on: str
    age_text: str  # 已 25 天 / 12月3日解决，用时 2 天
    overdue: bool
    photos: int
    href: str


STATUS_FILTERS = (
    ("", "全部（未解决在前）"),
    ("open", "未解决"),
    ("overdue", "已超期"),
    ("coordinating", "协调中"),
    ("settled", "已解决"),
    ("withdrawn", "已撤销"),
)


@dataclass(frozen=True)
class LedgerFilters:
    site: str = ""  # a site id as text, "none" for 未注明地点
    category: str = ""
    status: str = ""
    month: str = ""  # found in, YYYY-MM


def problems(
    frame: Frame,
    *,
    unit_name: str,
    rows: Sequence[LedgerRow],
    total: int,
    chosen: LedgerFilters,
    sites: Sequence[tuple[str, str]],
    categories: Sequence[str],
    months: Sequence[tuple[str, str]],
    more_href: str | None,
    less_href: str | None,
) -> str:
    shown = f"共 {total} 个问题" if total else "没有问题"
    if total > len(rows):
        shown += f"（本页 {len(rows)} 个）"
    page = {
        "unit_name": unit_name,
        "rows": list(rows),
        "count_text": shown,
        "chosen": chosen,
        "sites": list(sites),
        "categories": list(categories),
        "statuses": list(STATUS_FILTERS),
        "months": list(months),
        "more_href": more_href,
        "less_href": less_href,
    }
    return render("problems.html", frame=frame, page=page)


@dataclass(frozen=True)
class PhotoItem:
    href: str
    taken: str


@dataclass(frozen=True)
class HistoryItem:
    when: str
    action: str
    who: str | None
    to: str | None
    note: str


@dataclass(frozen=True)
class ProblemDetail:
    number: int
    description: str
    status_label: str
    status_class: str
    overdue: bool
    overdue_days: int
    facts: tuple[tuple[str, str], ...]
    photos: tuple[tuple[str, tuple[PhotoItem, ...]], ...]  # (整改前/整改后, photos)
    failed_photos: int
    history: tuple[HistoryItem, ...]
    ledger_href: str


def problem(frame: Frame, detail: ProblemDetail) -> str:
    return render("problem.html", frame=frame, page=detail)


# ---------------------------------------------------------------------------------------------
# 值班表


@dataclass(frozen=True)
class PersonMark:
    name: str
    mark: str  # present, absent, planned (not yet), leave, swapped, extra
    leader: bool = False

    @property
    def title(self) -> str:
        return {
            "present": "到岗",
            "absent": "排班未报到",
            "planned": "排班",
            "leave": "请假",
            "swapped": "换班换出",
            "extra": "非排班到岗",
        }.get(self.mark, "")


@dataclass(frozen=True)
class SiteDay:
    label: str
    people: tuple[PersonMark, ...]
    reports: int = 0


@dataclass(frozen=True)
class CalendarDay:
    day: date
    in_month: bool
    sites: tuple[SiteDay, ...] = ()
    today: bool = False

    @property
    def number(self) -> int:
        return self.day.day

    @property
    def iso(self) -> str:
        return self.day.isoformat()

    @property
    def label(self) -> str:
        return f"{self.day.month}月{self.day.day}日 {WEEKDAY_NAMES[self.day.weekday()]}"


def calendar_days(
    first: date, last: date, sites_by_day: dict[date, tuple[SiteDay, ...]], today: date
) -> list[CalendarDay]:
    """Whole weeks (Monday first) covering the month."""
    start = first - timedelta(days=first.weekday())
    end = last + timedelta(days=6 - last.weekday())
    days = []
    day = start
    while day <= end:
        days.append(
            CalendarDay(
                day,
                first <= day <= last,
                sites_by_day.get(day, ()) if first <= day <= last else (),
                day == today and first <= day <= last,
            )
        )
        day += timedelta(days=1)
    return days


def roster(
    frame: Frame,
    *,
    unit_name: str,
    key: str,
    title: str,
    times: str,
    days: Sequence[CalendarDay],
) -> str:
    page = {
        "unit_name": unit_name,
        "key": key,
        "title": title,
        "times": times,
        "days": list(days),
        "duty_days": sum(1 for d in days if d.sites),
        "weekday_names": WEEKDAY_NAMES,
    }
    return render("roster.html", frame=frame, page=page)


# ---------------------------------------------------------------------------------------------
# Refusals

REFUSED = (
    "链接无效或已过期",
    "看板链接 7 天内有效，只给协调人本人。请在 QQ 里私聊机器人发送 /看板，获取新的链接。",
)
NOT_FOUND = ("没有这个页面", "这个页面不存在，或不在你的链接可以查看的范围内。")


def refused(heading: str, text: str) -> str:
    return render("refused.html", heading=heading, text=text)
