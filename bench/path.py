"""The message path: group messages over a real OneBot v11 WebSocket to ``python bot.py``, and
the time until the bot's reply (its ``send_msg`` call) reaches the client. Also the bot's
footprint, idle and after the run.

The floors are ``/echo0`` and ``/echo`` (``bench.echo_plugin``), loaded into the same bot
process and measured in the same run: interleaved message by message when sequential, in
alternating blocks when concurrent. ``/echo0`` is checked before any of the bot's matchers:
the framework alone. ``/echo`` is at the commands' priority and dispatched like them. So is
plain chat, which the bot only looks at: the echo plugin answers it after every matcher of the
bot had its look.

Concurrency: OneBot has one connection per QQ account, and one account serves a city's
groups, so "20 concurrent clients" are 20 people posting at once in 20 units' groups over that
one connection: 20 events in flight, each sender waiting for its reply before the next.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import sqlite3
import statistics
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from dutybot.generate import PROBLEMS, duty_report
from dutybot.matching import DAMAGE_WORDS
from dutybot.simulator import BotProcess, SimulatedQQ, message_text
from dutybot.unit import load_unit

from .units import BenchUnit, write_units

KINDS = ("echo_first", "echo", "chat", "checkin", "problem", "report")
# "chat" is a plain chat message the bot does not answer; the echo plugin's last matcher does
# (``bench.echo_plugin.CHAT_MARK``, kept equal by a test).
ECHOES = {"echo": "/echo ", "echo_first": "/echo0 ", "chat": "闲聊："}
EXPECTED_START = {"checkin": "已报到", "problem": "已登记问题", "report": "已记录"}
ZONE = ZoneInfo("Asia/Shanghai")
# Live traffic: the messages are dated after the bot started, from tomorrow on (a message dated
# before the start may be a redelivery, and is looked up in the database). Disjoint day ranges,
# so that no report checks in anyone a /报到 also checks in.
CHECKIN_FROM = PROBLEM_FROM = datetime.now(ZONE).date() + timedelta(days=1)
REPORT_FROM = CHECKIN_FROM + timedelta(days=425)
ECHO_TEXTS = ("收到", "好的，马上到", "今天下雨还去吗", "辛苦了", "明天谁值班", "已到岗")
SPOTS = ("", "北门口", "公交站旁", "十字路口东侧", "小区南门", "菜市场门口")
REPLY_TIMEOUT = 30.0
# A broken thing still open is the same problem when registered again on a later day (told
# again, "已登记过"); the traffic registers new problems, so only passing ones.
PASSING_PROBLEMS = [p for p in PROBLEMS if not any(word in p[0] for word in DAMAGE_WORDS)]


@dataclass(frozen=True)
class Outgoing:
    kind: str
    unit: BenchUnit
    user_id: int
    card: str
    text: str
    sent_at: int  # the event's time, seconds


class Traffic:
    """Messages that each get exactly one reply of the same shape: a /报到 is always someone's
    first at that site that day (three people per site and day), a report is always the first
    for its site and day (no "已更正"), problems are realistic one-liners."""

    def __init__(self, units: list[BenchUnit], seed: int = 8) -> None:
        self.units = units
        self.rng = random.Random(seed)
        self.counters: dict[tuple[str, int], itertools.count[int]] = {}
        self.unit_files = {u.index: load_unit(u.path) for u in units}

    def _next(self, kind: str, unit: BenchUnit) -> int:
        counter = self.counters.setdefault((kind, unit.index), itertools.count())
        return next(counter)

    def make(self, kind: str, unit: BenchUnit) -> Outgoing:
        n = self._next(kind, unit)
        staff = unit.staff
        if kind in ECHOES:
            member = staff[n % len(staff)]
            text = ECHOES[kind] + ECHO_TEXTS[n % len(ECHO_TEXTS)]
            at = _moment(CHECKIN_FROM, 0, 12, n % 60)
        elif kind == "checkin":
            day, seat = divmod(n, 6)
            member = staff[(6 * day + seat) % len(staff)]
            site = unit.sites[seat // 3]
            text = f"/报到 {site.alias}"
            at = _moment(CHECKIN_FROM, day, 7, 25 + seat)
        elif kind == "problem":
            member = staff[n % len(staff)]
            site = unit.sites[n % 2]
            what, measure, fix = PASSING_PROBLEMS[self.rng.randrange(len(PASSING_PROBLEMS))]
            count = self.rng.randint(1, 6)
            spot = self.rng.choice(SPOTS)
            done = f"，{fix}" if self.rng.random() < 0.3 and fix.startswith("已") else ""
            text = f"/问题 {site.alias} {spot}{what}{count}{measure}{done}"
            at = _moment(PROBLEM_FROM, n // 4, 8, n % 4 * 10)
        elif kind == "report":
            day, site_index = divmod(n, 2)
            people = [staff[(3 * n + k) % len(staff)] for k in range(3)]
            member = people[0]
            duty_day = REPORT_FROM + timedelta(days=day)
            text, _, _ = duty_report(
                self.rng,
                self.unit_files[unit.index],
                duty_day,
                site_index,
                [p.name for p in people],
            )
            at = _moment(REPORT_FROM, day, 9, 10)
        else:
            raise ValueError(kind)
        return Outgoing(kind, unit, member.qq, member.card, text, at)


def _moment(first: date, days: int, hour: int, minute: int) -> int:
    day = first + timedelta(days=days)
    return int(datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE).timestamp())


class LatencyClient(SimulatedQQ):
    """A simulated QQ that notes when each reply arrives, matched to its message by group and
    sender (one message in flight per group at a time)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.waiting: dict[tuple[int, int], asyncio.Future[tuple[float, str]]] = {}
        self.unexpected: list[str] = []
        self.sends = 0

    def _answer(self, action: str, params: dict[str, Any]) -> Any:
        if action == "send_msg":
            arrived = time.perf_counter()
            self.sends += 1
            key = (int(params.get("group_id") or 0), int(params.get("user_id") or 0))
            future = self.waiting.pop(key, None)
            text = message_text(params.get("message", ""))
            if future is not None and not future.done():
                future.set_result((arrived, text))
            else:
                self.unexpected.append(text[:80])
        return super()._answer(action, params)

    async def ask(self, out: Outgoing) -> tuple[float, str]:
        """Post the message; the seconds until its reply arrived, and the reply's text."""
        key = (out.unit.group, out.user_id)
        if key in self.waiting:
            raise RuntimeError(f"two messages in flight for {key}")
        future = asyncio.get_running_loop().create_future()
        self.waiting[key] = future
        started = time.perf_counter()
        await self.group_message(
            out.unit.group, out.user_id, out.text, time_=out.sent_at, card=out.card
        )
        try:
            arrived, text = await asyncio.wait_for(future, REPLY_TIMEOUT)
        except TimeoutError:
            self.waiting.pop(key, None)
            raise
        return arrived - started, text


@dataclass
class Series:
    latencies: list[float]
    wrong: list[str]
    lost: int = 0
    busy_seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        values = sorted(self.latencies)
        result: dict[str, Any] = {
            "n": len(values),
            "median_ms": round(statistics.median(values) * 1000, 3) if values else None,
            "p99_ms": round(percentile(values, 0.99) * 1000, 3) if values else None,
            "wrong_replies": len(self.wrong),
            "lost": self.lost,
        }
        if self.busy_seconds:
            result["per_second"] = round(len(values) / self.busy_seconds, 1)
        if self.wrong:
            result["wrong_examples"] = self.wrong[:3]
        return result


def percentile(sorted_values: list[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least ``fraction`` of the values at or below."""
    rank = max(1, -(-len(sorted_values) * fraction // 1))
    return sorted_values[int(rank) - 1]


def _check(out: Outgoing, reply: str) -> bool:
    if out.kind in ECHOES:
        return reply == out.text.removeprefix(ECHOES[out.kind])
    return reply.startswith(EXPECTED_START[out.kind])


async def _one(client: LatencyClient, out: Outgoing, series: Series) -> None:
    try:
        latency, reply = await client.ask(out)
    except TimeoutError:
        series.lost += 1
        return
    series.latencies.append(latency)
    if not _check(out, reply):
        series.wrong.append(f"{out.text[:40]!r} → {reply[:80]!r}")


async def run_sequential(
    client: LatencyClient, traffic: Traffic, messages: int
) -> dict[str, Series]:
    """One message at a time, the kinds interleaved message by message."""
    series = {kind: Series([], []) for kind in KINDS}
    units = itertools.cycle(traffic.units)
    for _ in range(messages):
        unit = next(units)
        for kind in KINDS:
            await _one(client, traffic.make(kind, unit), series[kind])
    return series


async def run_concurrent(
    client: LatencyClient, traffic: Traffic, messages: int, concurrency: int, rounds: int = 5
) -> dict[str, Series]:
    """``concurrency`` senders at once, one per unit's group, each waiting for its reply before
    posting the next. Blocks of one kind at a time (so that each figure is that command under
    its own load), the kinds alternating over ``rounds`` rounds so that drift hits all alike."""
    series = {kind: Series([], []) for kind in KINDS}
    rounds = max(1, min(rounds, messages))
    sizes = [messages // rounds + (r < messages % rounds) for r in range(rounds)]
    for r, size in enumerate(sizes):
        order = KINDS[r % len(KINDS) :] + KINDS[: r % len(KINDS)]
        for kind in order:
            shares = [size // concurrency + (w < size % concurrency) for w in range(concurrency)]

            async def sender(worker: int, count: int, kind: str = kind) -> None:
                unit = traffic.units[worker]
                for _ in range(count):
                    await _one(client, traffic.make(kind, unit), series[kind])

            started = time.perf_counter()
            await asyncio.gather(*(sender(w, n) for w, n in enumerate(shares) if n))
            series[kind].busy_seconds += time.perf_counter() - started
    return series


def memory(pid: int) -> dict[str, float]:
    """VmRSS (now) and VmHWM (peak so far) of a process, in MiB."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


class BareBotProcess(BotProcess):
    """``python -m bench.bare_bot``: nonebot2, the adapter and /echo, nothing of dutybot."""

    def command(self) -> list[str]:
        import sys

        return [sys.executable, "-m", "bench.bare_bot"]


async def _connected(process: BotProcess) -> LatencyClient:
    client = LatencyClient(process.url, access_token=process.access_token)
    await client.connect()
    return client


async def bare_footprint(workdir: Path, unit_file: Path, settle: float) -> dict[str, float]:
    """Idle memory of a bare nonebot2 process, started and connected the same way."""
    process = BareBotProcess(workdir / "bare", unit_file)
    await asyncio.to_thread(process.start)
    try:
        client = await _connected(process)
        await asyncio.sleep(settle)
        assert process.process is not None
        idle = memory(process.process.pid)
        await client.close()
    finally:
        await asyncio.to_thread(process.stop)
    return idle


async def run(
    workdir: Path, messages: int, concurrency: int, warmup: int = 20, settle: float = 1.0
) -> dict[str, Any]:
    """The message path and the footprint, in one bot process."""
    units = write_units(workdir / "units", max(concurrency, 1))
    process = BotProcess(
        workdir / "bot",
        workdir / "units",
        extra_env={
            "DUTY_EXTRA_PLUGINS": '["bench.echo_plugin"]',
            # The limiter stays in the path but never waits: the client is no QQ server.
            "DUTY_SEND_RATE": "1000000",
            "DUTY_SEND_BURST": "1000000",
        },
    )
    traffic = await asyncio.to_thread(Traffic, units)
    await asyncio.to_thread(process.start)
    assert process.process is not None
    pid = process.process.pid
    try:
        client = await _connected(process)
        await asyncio.sleep(settle)
        idle = memory(pid)
        await run_sequential(client, traffic, warmup)
        started = time.perf_counter()
        sequential = await run_sequential(client, traffic, messages)
        concurrent = await run_concurrent(client, traffic, messages, concurrency)
        elapsed = time.perf_counter() - started
        await asyncio.sleep(0.5)  # a stray second reply would arrive now
        after = memory(pid)
        sends, unexpected = client.sends, list(client.unexpected)
        await client.close()
    finally:
        await asyncio.to_thread(process.stop)
    floor = await bare_footprint(workdir, workdir / "units", settle)
    recorded = _recorded(process.data_dir / "duty.db")

    def table(series: dict[str, Series]) -> dict[str, Any]:
        rows = {kind: s.summary() for kind, s in series.items()}
        echo, first = rows["echo"], rows["echo_first"]
        for kind, row in rows.items():
            if kind not in ("echo", "echo_first") and row["n"] and echo["n"]:
                row["median_ratio"] = round(row["median_ms"] / echo["median_ms"], 2)
                row["p99_ratio"] = round(row["p99_ms"] / echo["p99_ms"], 2)
            if kind != "echo_first" and row["n"] and first["n"]:
                row["framework_median_ratio"] = round(row["median_ms"] / first["median_ms"], 2)
        return rows

    posted = (warmup + 2 * messages) * len(KINDS)
    return {
        "path": {
            "messages_per_series": messages,
            "concurrency": concurrency,
            "connection": "one OneBot v11 reverse WebSocket (one QQ account); concurrent "
            "senders post in different units' groups",
            "units": len(units),
            "posted": posted,
            "replies": sends,
            "extra_replies": unexpected[:5],
            "seconds": round(elapsed, 1),
            "sequential": table(sequential),
            "concurrent": table(concurrent),
            "recorded": recorded,
        },
        "footprint": {
            "idle_mib": idle,
            "after_path_mib": after,
            "after_path_messages": posted,
            "floor_idle_mib": floor,
            "floor": "python -m bench.bare_bot: nonebot2 + FastAPI + OneBot v11 adapter + /echo",
            "idle_ratio": round(idle["VmRSS"] / floor["VmRSS"], 2),
            "after_path_ratio": round(after["VmHWM"] / floor["VmRSS"], 2),
        },
    }


def _recorded(database: Path) -> dict[str, int]:
    """What the commands wrote: proof that the measured replies did the work."""
    with sqlite3.connect(database) as db:
        return {
            table: db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("duty_checkin", "ledger_problem", "reports_dailyreport")
        }
