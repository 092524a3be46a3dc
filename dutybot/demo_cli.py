"""``dutybot demo``: see the bot work without QQ.

The bot is started as its own process on a temporary database; a simulated QQ group talks to
it over a real OneBot v11 WebSocket and replays last month's duty, every message stamped with
its time in that month (the bot takes a message's own time as "now"): /排班 before the month,
a /请假 and a /换班 with /同意, check-ins, problems with photos (served from 127.0.0.1),
resolutions by reply, free-text daily reports (one corrected, one recalled). Then the
coordinator asks for /月报 and /月报 材料. The conversation is printed; the folder with the
.xlsx and .docx is left behind. Only reading: the demo looks into the bot's database to know
who is on duty, as a person would look at /值班表.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import sqlite3
import struct
import sys
import tempfile
import threading
import zlib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

PROJECT_ROOT = Path(__file__).resolve().parent.parent
UNIT_FILE = PROJECT_ROOT / "config" / "duty.toml"
GROUP = 700000001
COORDINATOR = 10001
REPLY_TIMEOUT = 20.0
SEND_ACTIONS = ("send_msg", "send_group_msg", "send_private_msg")


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "demo",
        help="不连 QQ，演示机器人一个月的工作",
        description=(
            "在临时数据库上启动机器人，用模拟的 QQ 群通过真实 WebSocket 重放上个月的值班："
            "报到、带照片的问题、整改、自由文字日报、请假和换班，最后发 /月报。"
            "打印对话，留下生成的 Excel 和 Word 文件。"
        ),
    )
    parser.add_argument("--dir", help="演示文件夹（默认新建临时文件夹）")
    parser.add_argument("--seed", type=int, default=2018, help="随机种子（同一种子同样的对话）")
    parser.add_argument("--days", type=int, default=0, help="只重放前几个值班日（默认整月）")
    parser.set_defaults(handler=run)


MARKER = ".dutybot-demo"


class FolderRefused(Exception):
    """The demo will not use this folder; ``str()`` says why in one line."""


def prepare_folder(folder: Path) -> str | None:
    """Make ``folder`` ready for a fresh demo. A folder a demo used before is cleared (its
    database reused would double every figure); any other non-empty folder is refused, so that
    nothing of the user's is touched. Returns what was done, if anything worth saying."""
    import shutil

    from .files import why

    if folder.exists() and not folder.is_dir():
        raise FolderRefused(f"{folder} 是文件，不是文件夹；请用 --dir 写一个新文件夹的路径")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not any(folder.iterdir()):
            (folder / MARKER).write_text("dutybot demo\n", encoding="utf-8")
            return None
        if not (folder / MARKER).is_file():
            raise FolderRefused(
                f"文件夹 {folder} 里已经有别的文件；演示需要一个新的（或空的）文件夹，"
                "请换一个 --dir，或不写 --dir"
            )
        for name in ("data", "duty.toml"):
            path = folder / name
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
    except OSError as error:
        raise FolderRefused(f"无法使用文件夹 {folder}：{why(error)}") from None
    return f"清除了这个文件夹里上次演示的数据，从头开始：{folder}"


def run(args: argparse.Namespace) -> int:
    folder = (
        Path(args.dir).absolute() if args.dir else Path(tempfile.mkdtemp(prefix="dutybot-demo-"))
    )
    try:
        note = prepare_folder(folder)
    except FolderRefused as error:
        print(error, file=sys.stderr)
        return 1
    if note:
        print(note, flush=True)
    try:
        return asyncio.run(Demo(folder, seed=args.seed, days=args.days).run())
    except KeyboardInterrupt:
        return 130


# ---------------------------------------------------------------------------------------------
# Photos, as QQ image links


def tiny_png(seed: int) -> bytes:
    """A small real PNG, different for every seed (photos are stored by content)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rng = random.Random(seed)
    width, height = 48, 32
    rows = b"".join(
        b"\x00" + bytes(rng.randrange(256) for _ in range(width * 3)) for _ in range(height)
    )
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


class PhotoServer:
    """Serves generated photos on 127.0.0.1: /photo/<n>.png."""

    def __init__(self) -> None:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                name = self.path.rsplit("/", 1)[-1].removesuffix(".png")
                body = tiny_png(int(name)) if name.isdigit() else b""
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.count = 0

    def url(self) -> str:
        self.count += 1
        return f"http://127.0.0.1:{self.server.server_address[1]}/photo/{self.count}.png"

    def __enter__(self) -> PhotoServer:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


# ---------------------------------------------------------------------------------------------
# The month


@dataclass
class Duty:
    day: date
    site: Any  # dutybot.unit.Site
    people: list[str]
    leader: str
    absent: set[str] = field(default_factory=set)


def demo_unit_text() -> str:
    """The shipped example unit, with the 1st-of-month post off (the demo asks itself)."""
    text = UNIT_FILE.read_text(encoding="utf-8")
    return text.replace('summary_at = "09:00"', "summary_at = false")


def last_month(today: date) -> tuple[int, int]:
    previous = today.replace(day=1) - timedelta(days=1)
    return previous.year, previous.month


class Demo:
    def __init__(self, folder: Path, *, seed: int = 2018, days: int = 0) -> None:
        self.folder = folder
        self.rng = random.Random(seed)
        self.days = days
        self.zone = ZoneInfo("Asia/Shanghai")
        self.qq: Any = None
        self.lines: list[str] = []

    # -- printing ------------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        print(text, flush=True)

    def show_message(self, when: datetime, who: str, text: str) -> None:
        first, *rest = text.splitlines() or [""]
        self.say(f"[{when:%m-%d %H:%M}] {who}：{first}")
        for line in rest:
            self.say(f"{'':16}{line}")

    def show_reply(self, text: str) -> None:
        # "@20004" as the group shows it: "@刘海燕".
        text = re.sub(r"@(\d{5,})", lambda m: "@" + self.name_of(int(m.group(1))), text)
        first, *rest = text.splitlines() or [""]
        self.say(f"{'':14}机器人：{first}")
        for line in rest:
            self.say(f"{'':21}{line}")

    # -- talking -------------------------------------------------------------------------------

    async def send(
        self,
        when: datetime,
        qq: int,
        who: str,
        text: str,
        *,
        images: int = 0,
        reply_to: int | None = None,
        mention: int | None = None,
        expect_reply: bool = True,
    ) -> tuple[int, int | None, str]:
        """Post a group message; print it and the bot's answer. Returns the message's id,
        the reply's id and text."""
        from dutybot.simulator import image_segment, message_text, reply_segment

        segments: list[dict] = []
        if reply_to is not None:
            segments.append(reply_segment(reply_to))
        command, _, rest = text.partition(" ")
        if mention is not None:
            # "/换班 @李娜 12-05": the @ as QQ sends it, a segment of its own.
            segments.append({"type": "text", "data": {"text": f"{command} "}})
            segments.append({"type": "at", "data": {"qq": str(mention)}})
            segments.append({"type": "text", "data": {"text": f" {rest}"}})
            shown_mention = f"{command} @{self.name_of(mention)} {rest}"
        else:
            segments.append({"type": "text", "data": {"text": text}})
            shown_mention = text
        for _ in range(images):
            segments.append(image_segment(self.photos.url()))
        shown = shown_mention + ("[图片]" * images)
        self.show_message(when, who, ("回复：" if reply_to else "") + shown)
        message_id = await self.qq.group_message(
            GROUP, qq, segments, time_=int(when.timestamp()), card=who
        )
        if not expect_reply:
            await asyncio.sleep(0.05)
            return message_id, None, ""
        call = await self._next_send()
        reply = message_text(call["params"]["message"])
        self.show_reply(reply)
        result = call.get("result") or {}
        return message_id, result.get("message_id"), reply

    async def _next_send(self, timeout: float = REPLY_TIMEOUT) -> dict:
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            call = await self.qq.next_call(None, max(remaining, 0.01))
            if call["action"] == "send_msg":  # a reply to a message (or to a recall)
                return call
            if call["action"] in ("upload_group_file", "upload_private_file"):
                self.say(f"{'':14}机器人：[群文件] {call['params'].get('name')}")
            elif call["action"] in SEND_ACTIONS:
                # Something the bot posts by itself (a reminder on the real clock).
                from dutybot.simulator import message_text

                self.show_reply("（定时消息）" + message_text(call["params"].get("message", "")))

    async def recall(self, when: datetime, qq: int, who: str, message_id: int) -> None:
        from dutybot.simulator import message_text

        self.say(f"[{when:%m-%d %H:%M}] {who} 撤回了一条消息")
        await self.qq.group_recall(GROUP, qq, message_id)
        try:
            call = await self._next_send(5)
        except TimeoutError:
            return
        self.show_reply(message_text(call["params"]["message"]))

    # -- the month -----------------------------------------------------------------------------

    def at(self, day: date, hour: int, minute: int) -> datetime:
        return datetime.combine(day, time(hour, minute), self.zone)

    async def run(self) -> int:
        from dutybot.simulator import BotProcess, SimulatedQQ
        from dutybot.unit import load_unit

        unit_file = self.folder / "duty.toml"
        unit_file.write_text(demo_unit_text(), encoding="utf-8")
        self.unit = load_unit(unit_file)
        data = self.folder / "data"
        self.say(f"演示文件夹：{self.folder}")
        self.say("启动机器人（临时数据库），模拟的 QQ 群通过 WebSocket 连接……")
        # The month is replayed with its own timestamps; the real-time jobs (reminders, expiring
        # swap requests, backups) would act on "now" in between, so they stay off.
        bot = BotProcess(data, unit_file, extra_env={"APSCHEDULER_AUTOSTART": "false"})
        bot.start()
        try:
            with PhotoServer() as photos:
                self.photos = photos
                async with SimulatedQQ(bot.url, access_token=bot.access_token) as qq:
                    self.qq = qq
                    await asyncio.sleep(0.3)
                    await self.month(bot)
        finally:
            bot.stop()
        return 0

    async def month(self, bot) -> None:
        today = datetime.now(self.zone).date()
        year, month = last_month(today)
        first = date(year, month, 1)
        self.db = bot.data_dir / "duty.db"

        self.say("—— 月初之前：协调人排班 ——")
        await self.send(
            self.at(first - timedelta(days=6), 10, 0),
            COORDINATOR,
            "协调人",
            f"/排班 {year}-{month:02d}",
        )
        dates = self.duty_dates(first)
        if self.days:
            dates = dates[: self.days]
        self.say("")

        problems: list[tuple[int, int | None, datetime]] = []  # (number, bot message id, when)
        corrected = recalled = False
        for index, day in enumerate(dates):
            self.say(f"—— {day.month}月{day.day}日（周{'一二三四五六日'[day.weekday()]}）——")
            for duty in self.duties_on(day):
                if duty.site is self.unit.sites[0]:
                    await self.road_duty(duty, problems)
                else:
                    report_id = await self.grid_report(duty)
                    if not corrected and index == 1:
                        corrected = True
                        await self.grid_report(duty, correction=True)
                    elif not recalled and index == 3:
                        recalled = True
                        qq, card = self.speaker(duty.people)
                        await self.recall(self.at(day, 9, 30), qq, card, report_id)
            # Problems left from earlier duties: coordinated, resolved, reopened.
            await self.follow_up(day, problems)
            # A leave for the next duty day and a swap for the one after.
            if index + 1 < len(dates) and index == 0:
                await self.leave(dates[index + 1], self.at(day, 12, 0))
            if index + 1 < len(dates) and index == 1:
                await self.swap(dates[index + 1], self.at(day, 15, 0))

        key = f"{year}-{month:02d}"
        end = datetime.now(self.zone)
        self.say("")
        self.say("—— 月底：协调人要月报 ——")
        await self.send(end, COORDINATOR, "协调人", f"/月报 {key}")
        await self.send(end, COORDINATOR, "协调人", f"/月报 材料 {key}")
        exports = bot.data_dir / "exports"
        self.say("")
        for path in sorted(exports.glob("*月报*")):
            self.say(f"生成的文件：{path}")
        self.say(f"演示数据都在 {self.folder}（不再需要时可整个删除）。")

    # -- the roster as the bot keeps it (read only) ----------------------------------------

    def _rows(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(self.db, timeout=30) as db:
            return db.execute(sql, params).fetchall()

    def duty_dates(self, first: date) -> list[date]:
        last = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        rows = self._rows(
            "SELECT DISTINCT duty_date FROM duty_rosterentry WHERE status = 'planned' "
            "AND duty_date >= ? AND duty_date < ? ORDER BY duty_date",
            first.isoformat(),
            last.isoformat(),
        )
        return [date.fromisoformat(day) for (day,) in rows]

    def duties_on(self, day: date) -> list[Duty]:
        """Who is on duty on ``day`` now (after leave and swaps), per site, leader first."""
        rows = self._rows(
            "SELECT s.name, p.name, r.is_leader FROM duty_rosterentry r "
            "JOIN duty_site s ON s.id = r.site_id JOIN duty_staff p ON p.id = r.staff_id "
            "WHERE r.duty_date = ? AND r.status = 'planned' ORDER BY s.id, r.is_leader DESC, r.id",
            day.isoformat(),
        )
        duties: dict[str, Duty] = {}
        for site, name, leader in rows:
            duty = duties.get(site)
            if duty is None:
                duty = duties[site] = Duty(day, self.unit.site(site), [], name)
            duty.people.append(name)
            if leader:
                duty.leader = name
        return list(duties.values())

    def with_qq(self, names: list[str]) -> list[str]:
        return [n for n in names if (m := self.unit.staff_named(n)) is not None and m.qq]

    async def leave(self, day: date, when: datetime) -> None:
        """Someone on duty that day asks for leave; the bot finds cover."""
        on_duty = [n for d in self.duties_on(day) for n in d.people[1:]]
        people = self.with_qq(on_duty)
        if not people:
            return
        name = people[0]
        await self.send(
            when,
            self.qq_of(name),
            self.card(name),
            f"/请假 {day.month:02d}-{day.day:02d} 家中有事",
        )

    async def swap(self, day: date, when: datetime) -> None:
        """Someone on duty asks a free colleague to take the day; the colleague agrees."""
        on_duty = [n for d in self.duties_on(day) for n in d.people]
        givers = self.with_qq([n for d in self.duties_on(day) for n in d.people[1:]])
        takers = self.with_qq(
            [m.name for m in self.unit.staff if m.active and m.name not in on_duty]
        )
        if not givers or not takers:
            return
        giver, taker = givers[-1], takers[len(takers) // 2]
        await self.send(
            when,
            self.qq_of(giver),
            self.card(giver),
            f"/换班 {day.month:02d}-{day.day:02d}",
            mention=self.qq_of(taker),
        )
        await self.send(when + timedelta(minutes=12), self.qq_of(taker), self.card(taker), "/同意")

    def name_of(self, qq: int) -> str:
        member = self.unit.staff_by_qq(qq)
        return member.name if member else str(qq)

    def qq_of(self, name: str) -> int:
        member = self.unit.staff_named(name)
        return member.qq if member and member.qq else COORDINATOR

    def card(self, name: str) -> str:
        member = self.unit.staff_named(name)
        return f"{member.department}-{name}" if member else name

    def speaker(self, names: list[str]) -> tuple[int, str]:
        """Who posts: the first of ``names`` with a QQ number, else the coordinator (someone
        without QQ cannot post, and a card naming them would bind the poster to them)."""
        for name in names:
            member = self.unit.staff_named(name)
            if member is not None and member.qq:
                return member.qq, self.card(name)
        return COORDINATOR, "协调人"

    async def road_duty(self, duty: Duty, problems: list) -> None:
        """The road: /报到 (the leader checks in those without QQ), /问题 with photos, some
        fixed on the spot by replying to the bot's message with a photo."""
        rng = self.rng
        site = duty.site
        alias = site.aliases[0] if site.aliases else site.label
        present = [n for n in duty.people if rng.random() > 0.12 or n == duty.leader]
        duty.absent = set(duty.people) - set(present)
        minute = 28
        leader_adds = []
        for name in present:
            minute += rng.randint(1, 3)
            member = self.unit.staff_named(name)
            if member is None or member.qq is None:
                leader_adds.append(name)
                continue
            await self.send(
                self.at(duty.day, 7, minute), self.qq_of(name), self.card(name), f"/报到 {alias}"
            )
        if leader_adds:
            # The leader checks in those without QQ; a leader without QQ, the coordinator.
            qq, card = self.speaker([duty.leader] if duty.leader not in leader_adds else [])
            await self.send(
                self.at(duty.day, 7, minute + 1), qq, card, f"/报到 {alias} {' '.join(leader_adds)}"
            )
        from .generate import PROBLEMS
        from .ledger import number_in_text

        minute = 40
        for what, measure, _fix in rng.sample(PROBLEMS, k=rng.randint(1, 2)):
            count = rng.randint(1, 6)
            minute += rng.randint(6, 10)
            when = self.at(duty.day, 7, minute)
            qq, card = self.speaker(rng.sample(present, len(present)))
            _, bot_id, reply = await self.send(
                when, qq, card, f"/问题 {alias} {what}{count}{measure}", images=1
            )
            number = number_in_text(reply) or 0
            if rng.random() < 0.55 and bot_id is not None:
                qq, card = self.speaker(rng.sample(present, len(present)))
                await self.send(
                    when + timedelta(minutes=4), qq, card, "已整改", images=1, reply_to=bot_id
                )
            else:
                problems.append((number, bot_id, when))

    async def grid_report(self, duty: Duty, *, correction: bool = False) -> int:
        """The grid: no /报到; one of the team posts the free-text daily report naming who
        came (the reports plugin records them present)."""
        from .generate import duty_report

        rng = self.rng
        index = list(self.unit.sites).index(duty.site)
        text, _, _ = duty_report(rng, self.unit, duty.day, index, duty.people)
        advised = rng.randint(5, 20)
        leaflets = rng.choice([0, 20, 30, 50])
        text += f"\n劝导不文明行为{advised}人次"
        if leaflets:
            text += f"，发放宣传资料{leaflets}份"
        text += "。"
        when = self.at(duty.day, 8, 50 + (5 if correction else 0))
        if correction:
            text = "更正：" + text
        qq, card = self.speaker(duty.people)
        message_id, _, _ = await self.send(when, qq, card, text)
        return message_id

    async def follow_up(self, day: date, problems: list) -> None:
        """After each duty day: hand one open problem to 城管, resolve one, once reopen."""
        rng = self.rng
        if not problems:
            return
        number, _bot_id, found = problems[0]
        if number == 0:
            problems.pop(0)
            return
        later = self.at(day, 10, 0)
        if (day - found.date()).days == 0 and rng.random() < 0.5:
            await self.send(later, COORDINATOR, "协调人", f"/协调 {number} 城管执法中队")
            return
        if (day - found.date()).days >= 2:
            problems.pop(0)
            await self.send(
                later, self.qq_of("李娜"), self.card("李娜"), f"/解决 {number} 已处理", images=1
            )
            if not getattr(self, "reopened", False) and rng.random() < 0.5:
                self.reopened = True
                await self.send(
                    later + timedelta(hours=3),
                    COORDINATOR,
                    "协调人",
                    f"/重开 {number} 现场复查又出现",
                )
                problems.append((number, None, later))
