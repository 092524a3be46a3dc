"""The monthly summary at city scale: a year of generated duty records for a city's offices,
written straight into a migrated database, then ``/月报``'s figures for one unit and for the
whole city timed against one hand-written SQL aggregate over the same rows (the database's
floor).

Run by ``python -m bench`` as its own process per scale (``python -m bench.city ...``), since
it initialises nonebot and the plugins the way ``dutybot`` commands do. Writes its result as JSON to ``--output``.

The year is 2025-12-01 … 2026-11-30, duty on Mondays, Wednesdays and Fridays (holidays are
ignored), six people a duty, three at each of the unit's two sites. Per unit and year that
is about 940 roster entries, 930 check-ins, 156 daily reports and 490 problems with their
histories (register, coordinate, resolve, recheck, verify, reopen, withdraw) and photos.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sqlite3
import statistics
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dutybot.generate import PROBLEMS

from .board_hook import CITY_OFFICE
from .units import write_units

YEAR_FIRST = date(2025, 12, 1)
YEAR_LAST = date(2026, 11, 30)
MONTH_FIRST = date(2026, 11, 1)
MONTH_LAST = date(2026, 11, 30)
DUTY_WEEKDAYS = (1, 3, 5)
UTC_OFFSET = timedelta(hours=8)  # Asia/Shanghai has no daylight saving time
CREATED = "2026-12-01 00:00:00.000000"
CHUNK = 20_000

CATEGORIES = (  # name, time limit (days), weight, typical problems
    ("市容秩序", 1, 40, ("电动车乱停放", "共享单车占用盲道", "流动摊贩占道经营", "楼道小广告")),
    ("环境卫生", 1, 30, ("绿化带内烟头纸屑", "垃圾桶满溢", "卫生死角垃圾堆积")),
    ("基础设施", 15, 18, ("盲道砖破损", "井盖松动", "护栏损坏", "路灯不亮")),
    ("宣传氛围", 7, 6, ("公益广告破损", "宣传栏内容过期")),
    ("文明行为", 7, 4, ("不牵绳遛狗", "随地吐痰")),
    ("其他", 7, 2, ("流浪狗", "安全隐患")),
)
BODIES = ("城管执法中队", "环卫所", "市政维修处", "物业公司", "街道办事处", "交警大队")
ACTIVITIES = (("劝导", "人次"), ("发放宣传资料", "份"), ("清理小广告", "处"))


def stamp(moment: datetime) -> str:
    """A naive UTC datetime as SQLAlchemy stores it in SQLite."""
    return moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def local(day: date, hour: int, minute: int) -> str:
    """A local time of ``day`` as stored: naive UTC."""
    return stamp(datetime(day.year, day.month, day.day, hour, minute) - UTC_OFFSET)


def duty_days(first: date, last: date) -> list[date]:
    days = []
    day = first
    while day <= last:
        if day.isoweekday() in DUTY_WEEKDAYS:
            days.append(day)
        day += timedelta(days=1)
    return days


@dataclass
class UnitRows:
    unit_id: int
    site_ids: list[int]
    staff: list[tuple[int, int, str]]  # id, qq, card


# Every column of the tables written (the models set defaults in Python, so raw inserts give
# them all). A migration that adds a NOT NULL column makes the inserts fail loudly.
COLUMNS = {
    "duty_rosterentry": "id unit_id site_id staff_id duty_date is_leader status replaces_id "
    "created_at",
    "duty_checkin": "id unit_id site_id staff_id duty_date checked_at source by_qq message_id "
    "created_at",
    "reports_dailyreport": "id unit_id site_id duty_date sender_qq sender_name chat message_id "
    "sent_at raw_text source status superseded_by_id found_total resolved_total "
    "pending_total staff_named notes created_at",
    "reports_reportactivity": "id report_id kind count unit",
    "ledger_problem": "id unit_id number site_id category description quantity "
    "resolved_quantity status source report_id reporter_qq reporter_staff_id message_id "
    "bot_message_id found_at found_on time_limit_days due_on coordinating_with resolved_at "
    "resolved_on resolved_by_qq resolution_note on_the_spot rework_count version created_at "
    "updated_at",
    "ledger_problemevent": "id problem_id unit_id at actor_qq action from_status to_status "
    "note message_id created_at",
    "ledger_photo": "id problem_id unit_id stage status path sha256 size source_url "
    "source_file error taken_at message_id created_at",
}


class Writer:
    """Rows for each table, inserted with executemany in chunks, ids given here."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in COLUMNS}
        self.counts = dict.fromkeys(COLUMNS, 0)
        self.ids = {
            table: db.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}").fetchone()[0]
            for table in COLUMNS
        }

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self.rows[table]
        rows.append(row)
        if len(rows) >= CHUNK:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.rows):
            rows = self.rows[name]
            if rows:
                columns = COLUMNS[name].split()
                self.db.executemany(
                    f"INSERT INTO {name} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )
                self.counts[name] += len(rows)
                rows.clear()


def generate(database: Path, seed: int = 8) -> dict[str, int]:
    """A year of records for every unit in the (migrated, synced) database."""
    db = sqlite3.connect(database)
    db.execute("PRAGMA synchronous = OFF")
    units = _units(db)
    writer = Writer(db)
    days = duty_days(YEAR_FIRST, YEAR_LAST)
    with db:
        for unit in units:
            _unit_year(writer, unit, days, random.Random(seed * 1_000_003 + unit.unit_id))
        writer.flush()
    db.close()
    return writer.counts


def _units(db: sqlite3.Connection) -> list[UnitRows]:
    units = []
    for (unit_id,) in db.execute("SELECT id FROM duty_unit ORDER BY id").fetchall():
        sites = [
            r[0]
            for r in db.execute(
                "SELECT id FROM duty_site WHERE unit_id = ? ORDER BY id", (unit_id,)
            )
        ]
        staff = [
            (staff_id, qq, f"{department}-{name}")
            for staff_id, qq, name, department in db.execute(
                "SELECT id, qq, name, department FROM duty_staff WHERE unit_id = ? ORDER BY id",
                (unit_id,),
            )
        ]
        units.append(UnitRows(unit_id, sites, staff))
    return units


def _unit_year(w: Writer, unit: UnitRows, days: list[date], rng: random.Random) -> None:
    staff = unit.staff
    size = len(staff)
    number = 0
    for k, day in enumerate(days):
        iso = day.isoformat()
        on_site: dict[int, list[int]] = {site: [] for site in unit.site_ids}
        present: set[tuple[int, int]] = set()
        for j in range(6):
            site = unit.site_ids[j // 3 % len(unit.site_ids)]
            person = (6 * k + j) % size
            status = "planned"
            draw = rng.random()
            if draw < 0.03:
                status = "leave"
            elif draw < 0.05:
                status = "swapped"
            entry = w.next_id("duty_rosterentry")
            w.add(
                "duty_rosterentry",
                (
                    entry,
                    unit.unit_id,
                    site,
                    staff[person][0],
                    iso,
                    j % 3 == 0,
                    status,
                    None,
                    CREATED,
                ),
            )
            if status != "planned":  # someone else takes the place
                person = (person + 6 + rng.randrange(size - 6)) % size
                w.add(
                    "duty_rosterentry",
                    (w.next_id("duty_rosterentry"), unit.unit_id, site, staff[person][0], iso,
                     False, "planned", entry, CREATED),
                )  # fmt: skip
            on_site[site].append(person)
        for site, people in on_site.items():
            if rng.random() < 0.08:  # someone not on the roster comes along
                people = [*people, rng.randrange(size)]
            for person in people:
                if (site, person) in present or rng.random() < 0.01:
                    continue
                present.add((site, person))
                source = rng.choices(("self", "leader", "report"), (75, 15, 10))[0]
                w.add(
                    "duty_checkin",
                    (w.next_id("duty_checkin"), unit.unit_id, site, staff[person][0], iso,
                     local(day, 7, 20 + rng.randrange(15)), source, staff[person][1],
                     str(rng.randrange(10**9)), CREATED),
                )  # fmt: skip
        for site, people in on_site.items():
            number = _site_day(w, unit, site, day, people, number, rng)


def _site_day(
    w: Writer,
    unit: UnitRows,
    site: int,
    day: date,
    people: list[int],
    number: int,
    rng: random.Random,
) -> int:
    """A site's duty day: maybe a daily report, and the problems found."""
    staff = unit.staff
    count = rng.choice((0, 1, 1, 2, 2, 2, 3))
    report_id = None
    writer_qq = staff[people[0]][1]
    problems = [_problem_draw(rng) for _ in range(count)]
    if rng.random() < 0.5:
        report_id = _report(w, unit, site, day, people, problems, rng)
    for category, limit, description, quantity in problems:
        number += 1
        _problem(
            w, unit, site, day, number, category, limit, description, quantity, report_id,
            writer_qq, rng,
        )  # fmt: skip
    return number


def _problem_draw(rng: random.Random) -> tuple[str, int, str, int]:
    name, limit, _, examples = rng.choices(CATEGORIES, [c[2] for c in CATEGORIES])[0]
    quantity = rng.randint(1, 6)
    what = rng.choice(examples)
    measure = next((m for w_, m, _ in PROBLEMS if w_ == what), "处")
    return name, limit, f"{what}{quantity}{measure}", quantity


def _report(
    w: Writer,
    unit: UnitRows,
    site: int,
    day: date,
    people: list[int],
    problems: list[tuple[str, int, str, int]],
    rng: random.Random,
) -> int:
    staff = unit.staff
    names = [staff[p][2].split("-", 1)[1] for p in people]
    body = "；".join(description for _, _, description, _ in problems) or "未发现明显问题"
    text = f"{day.month}月{day.day}日值班，{'、'.join(names)}到岗。巡查发现：{body}。"
    found = sum(q for *_, q in problems)
    resolved = sum(q for *_, q in problems if rng.random() < 0.4)
    sent = local(day, 9, rng.randrange(60))
    status = rng.choices(("active", "superseded", "withdrawn"), (97, 2, 1))[0]
    report_id = w.next_id("reports_dailyreport")
    superseded_by = report_id + 1 if status == "superseded" else None
    writer = staff[people[0]]
    row = [
        report_id, unit.unit_id, site, day.isoformat(), writer[1], writer[2], f"g{unit.unit_id}",
        str(rng.randrange(10**9)), sent, text, "message", status, superseded_by, found, resolved,
        found - resolved, json.dumps(names, ensure_ascii=False), "[]", CREATED,
    ]  # fmt: skip
    w.add("reports_dailyreport", tuple(row))
    if status == "superseded":  # the correction, a minute later, is the one that counts
        row[0] = w.next_id("reports_dailyreport")
        row[7] = str(rng.randrange(10**9))
        row[11], row[12] = "active", None
        w.add("reports_dailyreport", tuple(row))
        report_id = row[0]
    for kind, measure in ACTIVITIES:
        if rng.random() < 0.35:
            w.add(
                "reports_reportactivity",
                (w.next_id("reports_reportactivity"), report_id, kind, rng.randint(2, 30), measure),
            )
    return report_id


def _problem(
    w: Writer,
    unit: UnitRows,
    site: int,
    day: date,
    number: int,
    category: str,
    limit: int,
    description: str,
    quantity: int,
    report_id: int | None,
    reporter_qq: int,
    rng: random.Random,
) -> None:
    problem_id = w.next_id("ledger_problem")
    found_at = datetime(day.year, day.month, day.day, 8, rng.randrange(60)) - UTC_OFFSET
    due_on = day + timedelta(days=limit)
    events: list[tuple[datetime, str, str | None, str, str]] = []
    status, resolved_at, coordinating_with, rework = "open", None, None, 0
    on_the_spot = rng.random() < 0.35
    if on_the_spot:
        status, resolved_at = "resolved", found_at
        events.append((found_at, "register", None, "resolved", "现场整改"))
    else:
        events.append((found_at, "register", None, "open", ""))
        moment = found_at
        if rng.random() < 0.3:
            coordinating_with = rng.choice(BODIES)
            moment += timedelta(hours=rng.randint(1, 30))
            events.append((moment, "coordinate", "open", "coordinating", coordinating_with))
            status = "coordinating"
        delay = timedelta(
            days=min(int(rng.expovariate(1 / max(limit, 2))), 60), hours=rng.randint(1, 9)
        )
        if rng.random() < 0.97 and (moment + delay).date() <= YEAR_LAST:
            moment += delay
            events.append((moment, "resolve", status, "resolved", "已整改"))
            status, resolved_at = "resolved", moment
            if rng.random() < 0.04:  # not fixed after all: rework
                moment += timedelta(days=rng.randint(1, 3))
                if moment.date() <= YEAR_LAST:
                    events.append((moment, "reopen", "resolved", "open", "又出现了"))
                    status, resolved_at, rework = "open", None, 1
                    moment += timedelta(days=rng.randint(1, 7))
                    if moment.date() <= YEAR_LAST:
                        events.append((moment, "resolve", "open", "resolved", "已整改"))
                        status, resolved_at = "resolved", moment
            if status == "resolved" and coordinating_with and rng.random() < 0.6:
                moment += timedelta(days=rng.randint(0, 2))
                if moment.date() <= YEAR_LAST:
                    events.append((moment, "recheck", "resolved", "rechecking", ""))
                    status = "rechecking"
                    moment += timedelta(days=2)
                    if moment.date() <= YEAR_LAST and rng.random() < 0.8:
                        events.append((moment, "verify", "rechecking", "verified", "现场核查通过"))
                        status = "verified"
    if rng.random() < 0.03:
        moment = events[-1][0] + timedelta(hours=1)
        events.append((moment, "withdraw", status, "withdrawn", "重复登记"))
        status = "withdrawn"
    settled = status in ("resolved", "rechecking", "verified")
    resolved_on = (resolved_at + UTC_OFFSET).date() if settled and resolved_at else None
    message_id = str(rng.randrange(10**9))
    w.add(
        "ledger_problem",
        (
            problem_id, unit.unit_id, number, site, category, description, quantity,
            quantity if settled else 0, status, "report" if report_id else "command", report_id,
            reporter_qq, None, message_id, None, stamp(found_at), day.isoformat(), limit,
            (due_on if not rework else due_on + timedelta(days=3)).isoformat(), coordinating_with,
            stamp(resolved_at) if settled and resolved_at else None,
            resolved_on.isoformat() if resolved_on else None,
            reporter_qq if settled else None, "已整改" if settled else "", on_the_spot, rework,
            len(events), CREATED, CREATED,
        ),
    )  # fmt: skip
    for at, action, from_status, to_status, note in events:
        w.add(
            "ledger_problemevent",
            (w.next_id("ledger_problemevent"), problem_id, unit.unit_id, stamp(at), reporter_qq,
             action, from_status, to_status, note, None, CREATED),
        )  # fmt: skip
    stages = [("before", found_at)] if rng.random() < 0.3 else []
    if settled and resolved_at and rng.random() < 0.25:
        stages.append(("after", resolved_at))
    for stage, taken in stages:
        digest = f"{rng.getrandbits(256):064x}"
        w.add(
            "ledger_photo",
            (w.next_id("ledger_photo"), problem_id, unit.unit_id, stage, "saved",
             f"photos/{taken:%Y-%m}/{digest}.jpg", digest, rng.randint(80_000, 900_000),
             "", f"{digest[:16]}.jpg", "", stamp(taken), message_id, CREATED),
        )  # fmt: skip


# ---------------------------------------------------------------------------------------------
# The floor: one statement over the same rows

FLOOR_SQL = """
WITH
roster AS (
    SELECT unit_id AS k, COUNT(*) AS n FROM duty_rosterentry
    WHERE {scope} AND duty_date BETWEEN :first AND :last AND status = 'planned' GROUP BY unit_id),
checkins AS (
    SELECT unit_id AS k, COUNT(*) AS n FROM duty_checkin
    WHERE {scope} AND duty_date BETWEEN :first AND :last GROUP BY unit_id),
reports AS (
    SELECT unit_id AS k, COUNT(*) AS n FROM reports_dailyreport
    WHERE {scope} AND duty_date BETWEEN :first AND :last AND status = 'active' GROUP BY unit_id),
activities AS (
    SELECT r.unit_id AS k, SUM(a.count) AS n
    FROM reports_reportactivity AS a JOIN reports_dailyreport AS r ON r.id = a.report_id
    WHERE {scope_r} AND r.duty_date BETWEEN :first AND :last AND r.status = 'active'
    GROUP BY r.unit_id),
found AS (
    SELECT unit_id AS k, SUM(quantity) AS n FROM ledger_problem
    WHERE {scope} AND found_on BETWEEN :first AND :last AND status != 'withdrawn'
    GROUP BY unit_id),
resolved AS (
    SELECT unit_id AS k, SUM(resolved_quantity) AS n FROM ledger_problem
    WHERE {scope} AND resolved_on BETWEEN :first AND :last AND status != 'withdrawn'
    GROUP BY unit_id),
unresolved AS (
    SELECT unit_id AS k, SUM(quantity) AS n FROM ledger_problem
    WHERE {scope} AND status != 'withdrawn' AND found_on <= :last
      AND (status IN ('open', 'coordinating') OR resolved_on > :last)
    GROUP BY unit_id),
reopened AS (
    SELECT e.unit_id AS k, SUM(p.quantity) AS n
    FROM ledger_problemevent AS e JOIN ledger_problem AS p ON p.id = e.problem_id
    WHERE {scope_e} AND e.action = 'reopen' AND e.at >= :start AND e.at < :end
      AND p.status != 'withdrawn'
    GROUP BY e.unit_id)
SELECT u.id, roster.n, checkins.n, reports.n, activities.n, found.n, resolved.n, unresolved.n,
       reopened.n
FROM duty_unit AS u
LEFT JOIN roster ON roster.k = u.id
LEFT JOIN checkins ON checkins.k = u.id
LEFT JOIN reports ON reports.k = u.id
LEFT JOIN activities ON activities.k = u.id
LEFT JOIN found ON found.k = u.id
LEFT JOIN resolved ON resolved.k = u.id
LEFT JOIN unresolved ON unresolved.k = u.id
LEFT JOIN reopened ON reopened.k = u.id
WHERE {scope_u}
"""
FLOOR_FIELDS = (
    "rostered", "present", "reports", "activities", "found", "resolved", "unresolved", "reopened",
)  # fmt: skip


def floor_sql(one_unit: bool) -> str:
    if one_unit:
        scopes = {
            "scope": "unit_id = :unit",
            "scope_r": "r.unit_id = :unit",
            "scope_e": "e.unit_id = :unit",
            "scope_u": "u.id = :unit",
        }
    else:
        scopes = dict.fromkeys(("scope", "scope_r", "scope_e", "scope_u"), "1 = 1")
    return FLOOR_SQL.format(**scopes)


def floor_params(unit_id: int | None) -> dict[str, Any]:
    start = datetime(MONTH_FIRST.year, MONTH_FIRST.month, MONTH_FIRST.day) - UTC_OFFSET
    end = datetime(MONTH_LAST.year, MONTH_LAST.month, MONTH_LAST.day) + timedelta(days=1)
    params: dict[str, Any] = {
        "first": MONTH_FIRST.isoformat(),
        "last": MONTH_LAST.isoformat(),
        "start": stamp(start),
        "end": stamp(end - UTC_OFFSET),
    }
    if unit_id is not None:
        params["unit"] = unit_id
    return params


async def floor_figures(unit_id: int | None) -> dict[int, dict[str, int]]:
    """The floor: per unit, the month's figures in one statement."""
    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        rows = await session.execute(sa.text(floor_sql(unit_id is not None)), floor_params(unit_id))
        return {
            row[0]: {
                name: int(value or 0) for name, value in zip(FLOOR_FIELDS, row[1:], strict=True)
            }
            for row in rows
        }


# ---------------------------------------------------------------------------------------------
# /月报's own work (plugins/monthly, through bench/monthly_hook.py)


async def timed(call: Callable[[], Awaitable[Any]]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = await call()
    return time.perf_counter() - started, result


async def measure(unit_ids: list[int], repeat: int, data_dir: Path) -> dict[str, Any]:
    from .monthly_hook import monthly_functions

    hook = monthly_functions(MONTH_FIRST, MONTH_LAST, data_dir)
    # Units spread over the city; every repetition takes the next, floor and /月报 alike.
    chosen = [unit_ids[(i * len(unit_ids)) // max(repeat, 1)] for i in range(max(repeat, 1))]
    times: dict[str, list[float]] = {
        name: [] for name in ("unit_floor", "unit", "excel", "city_floor", "city")
    }
    agree: dict[str, bool | None] = {"unit": None, "city": None}
    # One untimed round first: the first query of a process pays for opening the database.
    await floor_figures(chosen[0])
    if hook.available:
        await hook.one_unit_with_excel(chosen[0])
    for unit_id in chosen:
        seconds, floor_unit = await timed(lambda u=unit_id: floor_figures(u))
        times["unit_floor"].append(seconds)
        if hook.available:
            seconds, summary = await timed(lambda u=unit_id: hook.one_unit(u))
            times["unit"].append(seconds)
            agree["unit"] = _and(agree["unit"], hook.agrees_unit(summary, floor_unit[unit_id]))
            seconds, _ = await timed(lambda u=unit_id: hook.one_unit_with_excel(u))
            times["excel"].append(seconds)
    floor_city: dict[int, dict[str, int]] = {}
    for _ in chosen:
        seconds, floor_city = await timed(lambda: floor_figures(None))
        times["city_floor"].append(seconds)
        if hook.available:
            seconds, rows = await timed(hook.whole_city)
            times["city"].append(seconds)
            agree["city"] = _and(agree["city"], hook.agrees_city(rows, floor_city))

    def figure(name: str, floor_name: str) -> dict[str, Any]:
        values = times[name]
        floor = times[floor_name]
        result: dict[str, Any] = {
            "floor_ms": round(statistics.median(floor) * 1000, 2),
            "floor_runs_ms": [round(v * 1000, 2) for v in floor],
        }
        if values:
            result["median_ms"] = round(statistics.median(values) * 1000, 2)
            result["runs_ms"] = [round(v * 1000, 2) for v in values]
            result["ratio"] = round(statistics.median(values) / statistics.median(floor), 2)
            result["agrees_with_floor"] = agree.get(name)
        return result

    city_totals = {name: sum(row[name] for row in floor_city.values()) for name in FLOOR_FIELDS}
    board = await measure_board(chosen, city_totals)
    return {
        "monthly": hook.description,
        "available": hook.available,
        "month": f"{MONTH_FIRST:%Y-%m}",
        "repeat": len(chosen),
        "one_unit": figure("unit", "unit_floor"),
        "one_unit_with_excel": figure("excel", "unit_floor"),
        "whole_city": figure("city", "city_floor"),
        "month_totals": city_totals,
        **board,
    }


async def measure_board(chosen: list[int], city_totals: dict[str, int]) -> dict[str, Any]:
    """The dashboard's 总览 (``bench/board_hook.py``), against the city floor's median."""
    from .board_hook import board_functions, total_row

    hook = board_functions(f"{MONTH_FIRST:%Y-%m}")
    if not hook.available:
        return {"board": hook.description}
    await hook.one_unit(chosen[0])  # untimed: the first request of the app
    times: dict[str, list[float]] = {"board_city_first": [], "board_city": [], "board_unit": []}
    agree: bool | None = None
    for unit_id in chosen:
        seconds, page = await timed(hook.city_first)
        times["board_city_first"].append(seconds)
        seconds, page = await timed(hook.city)
        times["board_city"].append(seconds)
        shown = total_row(page)
        agree = (agree is not False) and all(
            shown.get(name) == city_totals[name]
            for name in ("rostered", "present", "found", "resolved", "unresolved")
        )
        seconds, _ = await timed(lambda u=unit_id: hook.one_unit(u))
        times["board_unit"].append(seconds)
    result: dict[str, Any] = {"board": hook.description}
    for name, values in times.items():
        result[name] = {
            "median_ms": round(statistics.median(values) * 1000, 2),
            "runs_ms": [round(v * 1000, 2) for v in values],
            "agrees_with_floor": agree if name.startswith("board_city") else None,
        }
    return result


def _and(before: bool | None, now: bool | None) -> bool | None:
    if now is None:
        return before
    return now if before is None else before and now


# ---------------------------------------------------------------------------------------------
# The worker process


async def _main(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(args.workdir)
    units_dir = workdir / "units"
    started = time.perf_counter()
    write_units(units_dir, args.units)
    database = workdir / "duty.db"
    from dutybot.bootstrap import open_database

    await open_database(
        duty_unit_file=str(units_dir),
        sqlalchemy_database_url=f"sqlite+aiosqlite:///{database}",
        localstore_data_dir=str(workdir / "store"),
        localstore_cache_dir=str(workdir / "cache"),
        localstore_config_dir=str(workdir / "store-config"),
        duty_data_dir=str(workdir),
        log_level="WARNING",
        superusers=[str(CITY_OFFICE)],  # the dashboard's city view
    )
    synced = time.perf_counter()
    rows = await asyncio.to_thread(generate, database, args.seed)
    generated = time.perf_counter()
    # The year was written behind the bot's back; a bot serving that database has folded its
    # WAL back (its checkpoint job, every 30 s) and gathered the tables' statistics (at every
    # start), which SQLite plans from. Both, as the bot does them.
    import bot
    from plugins.duty.database import checkpoint

    await checkpoint()
    await bot.upgrade_database()
    settled = time.perf_counter()
    with sqlite3.connect(database) as db:
        unit_ids = [r[0] for r in db.execute("SELECT id FROM duty_unit ORDER BY id")]
    result = await measure(unit_ids, args.repeat, workdir)
    result.update(
        {
            "units": args.units,
            "sites": 2 * args.units,
            "year": f"{YEAR_FIRST} … {YEAR_LAST}",
            "rows": rows,
            "database_mib": round(database.stat().st_size / 2**20, 1),
            "setup_seconds": round(synced - started, 1),
            "generate_seconds": round(generated - synced, 1),
            "settle_seconds": round(settled - generated, 1),
        }
    )
    return result


def main(argv: Iterable[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.city")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--output", required=True, help="where to write the result (JSON)")
    args = parser.parse_args(list(argv) if argv is not None else None)
    result = asyncio.run(_main(args))
    Path(args.output).write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
