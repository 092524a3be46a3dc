"""A hand-built month of duty for the test unit (tests/data/unit.toml), November 2026, with
everything the summary has to get right; every figure the tests expect is derived in the
comments here.

Road 玄帝庙街路西 (R) — the roster, with what happened:

    Oct 30  王晓明 planned, checked in (October: not counted in November)
    Nov  2  王晓明, 李娜, 赵强 planned; 王晓明 checks in, 李娜 is named present in a report
            (check-in source report), 赵强 absent
    Nov  4  刘海燕 planned; 陈志远 on leave, 孙悦 covers him (planned, replaces); 刘海燕
            checks in, 孙悦 checked in by a leader, 周建国 comes unrostered
    Nov  6  王晓明 swapped to 李娜 (planned, replaces); 赵强 planned; both check in
    Nov  9  刘海燕 planned; nobody comes and no report: planned, not held
    Nov 11  no roster; 王晓明 posts a report: held, not planned
    Dec  2  王晓明 planned (December: not counted)

Reports (sent times local):
    Nov 2  王晓明, R, sent 11-02 08:50, active: 劝导 12 人次, 发放宣传资料 30 份
           (his earlier version, superseded: 劝导 99 人次 — not counted)
    Nov 2  李娜, no site read, sent 11-02 09:10, active (counts for her duty that day)
    Nov 4  刘海燕, R, sent 11-05 09:00 (the day after), active: 劝导 5 人次
    Nov 4  孙悦, R, sent 11-04 09:00, recalled (withdrawn): 发放宣传资料 100 份 — not counted
    Nov 6  李娜, R, sent 11-07 00:30 (local date the 7th, UTC date the 6th): not on the day
    Nov 6  赵强, R, sent 11-06 07:55 (UTC date the 5th, local date the 6th): on the day
    Nov 11 王晓明, R, sent 11-11 09:00, active: 劝导 3 人次 (he had no duty that day)

Problems (#number, site, category, 处, what happens):
    #1 R 市容秩序 5  found 11-02, fixed on the spot, verified; photos before and after
    #2 R 环境卫生 3  found 11-04, open (due 11-05: overdue at the end)
    #3 R 基础设施 1  found 10-20 (due 11-04), resolved 11-06: late; 17 days
    #4 R 市容秩序 2  found 11-06, withdrawn: never counted
    #5 R 基础设施 1  found 11-09, resolved 11-10, reopened 11-12 (due 11-27), resolved
                     11-20: in time; 11 days; one reopening (返工)
    #6 R 环境卫生 4  found 11-25 (due 11-26), resolved 12-02: open at the end of November,
                     overdue; photos
    #7 R 基础设施 2  found 11-16, 协调 城管执法中队 (due 12-01): open, not overdue
    #8 G 宣传氛围 1  found 10-10 (due 10-17), open: the grid has no duty at all
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")
ROAD = "玄帝庙街（铁北路至车站西路）路西"
GRID = "市16网格（南苑街道凤凰城社区）"
QQ = {
    "王晓明": 20001,
    "李娜": 20002,
    "赵强": 20003,
    "刘海燕": 20004,
    "陈志远": 20005,
    "孙悦": 20006,
    "周建国": 20007,
}


def local(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


def utc(text: str) -> datetime:
    """A local wall-clock time as the database keeps it: naive UTC."""
    return local(text).astimezone(UTC).replace(tzinfo=None)


def png(width: int = 4, height: int = 3, shade: int = 0) -> bytes:
    """A real (tiny) PNG, so that Word can embed it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + bytes([shade, 128, 255 - shade]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def saved_photo(data_dir: Path, content: bytes, url: str):
    from plugins.ledger.photos import FetchedPhoto, PhotoRef

    digest = hashlib.sha256(content).hexdigest()
    relative = f"photos/2026-11/{digest}.png"
    target = data_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
    return FetchedPhoto(PhotoRef(url), path=relative, sha256=digest, size=len(content))


@dataclass
class Month:
    unit_id: int
    road: int
    grid: int
    staff: dict[str, int]


async def build_november(served, data_dir: Path) -> Month:
    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.duty.model import Checkin, CheckinSource, RosterEntry, RosterStatus, Staff
    from plugins.ledger import service as ledger
    from plugins.reports.model import DailyReport, ReportActivity, ReportSource, ReportStatus

    unit_id = served.unit_id
    road, grid = served.site_ids[ROAD], served.site_ids[GRID]
    async with get_session() as session:
        staff = {
            name: staff_id
            for staff_id, name in await session.execute(
                sa.select(Staff.id, Staff.name).where(Staff.unit_id == unit_id)
            )
        }

        async def entry(day: str, name: str, status=RosterStatus.PLANNED, replaces=None, site=road):
            row = RosterEntry(
                unit_id=unit_id,
                site_id=site,
                staff_id=staff[name],
                duty_date=date.fromisoformat(day),
                status=status,
                replaces_id=replaces.id if replaces is not None else None,
            )
            session.add(row)
            await session.flush()
            return row

        def checkin(day: str, name: str, source=CheckinSource.SELF, at="07:40"):
            session.add(
                Checkin(
                    unit_id=unit_id,
                    site_id=road,
                    staff_id=staff[name],
                    duty_date=date.fromisoformat(day),
                    checked_at=utc(f"{day} {at}"),
                    source=source,
                    by_qq=QQ[name],
                )
            )

        await entry("2026-10-30", "王晓明")
        checkin("2026-10-30", "王晓明")
        await entry("2026-11-02", "王晓明")
        await entry("2026-11-02", "李娜")
        await entry("2026-11-02", "赵强")
        checkin("2026-11-02", "王晓明")
        checkin("2026-11-02", "李娜", CheckinSource.REPORT)
        await entry("2026-11-04", "刘海燕")
        away = await entry("2026-11-04", "陈志远", RosterStatus.LEAVE)
        await entry("2026-11-04", "孙悦", replaces=away)
        checkin("2026-11-04", "刘海燕")
        checkin("2026-11-04", "孙悦", CheckinSource.LEADER)
        checkin("2026-11-04", "周建国")
        handed = await entry("2026-11-06", "王晓明", RosterStatus.SWAPPED)
        await entry("2026-11-06", "李娜", replaces=handed)
        await entry("2026-11-06", "赵强")
        checkin("2026-11-06", "李娜")
        checkin("2026-11-06", "赵强")
        await entry("2026-11-09", "刘海燕")
        await entry("2026-12-02", "王晓明")

        async def report(day, name, sent, site=road, status=ReportStatus.ACTIVE, activities=()):
            row = DailyReport(
                unit_id=unit_id,
                site_id=site,
                duty_date=date.fromisoformat(day),
                sender_qq=QQ[name],
                sender_name=name,
                chat="g700000001",
                message_id=f"r-{day}-{name}-{status}",
                sent_at=utc(sent),
                raw_text=f"{day} {name} 值班日报",
                source=ReportSource.MESSAGE,
                status=status,
            )
            session.add(row)
            await session.flush()
            for kind, count, unit in activities:
                session.add(ReportActivity(report_id=row.id, kind=kind, count=count, unit=unit))
            return row

        await report(
            "2026-11-02",
            "王晓明",
            "2026-11-02 08:40",
            status=ReportStatus.SUPERSEDED,
            activities=[("劝导", 99, "人次")],
        )
        await report(
            "2026-11-02",
            "王晓明",
            "2026-11-02 08:50",
            activities=[("劝导", 12, "人次"), ("发放宣传资料", 30, "份")],
        )
        await report("2026-11-02", "李娜", "2026-11-02 09:10", site=None)
        await report("2026-11-04", "刘海燕", "2026-11-05 09:00", activities=[("劝导", 5, "人次")])
        await report(
            "2026-11-04",
            "孙悦",
            "2026-11-04 09:00",
            status=ReportStatus.WITHDRAWN,
            activities=[("发放宣传资料", 100, "份")],
        )
        await report("2026-11-06", "李娜", "2026-11-07 00:30")
        await report("2026-11-06", "赵强", "2026-11-06 07:55")
        await report("2026-11-11", "王晓明", "2026-11-11 09:00", activities=[("劝导", 3, "人次")])

        async def problem(site, category, text, quantity, found, **kw):
            return await ledger.add_problem(
                session,
                unit_id,
                site,
                category,
                text,
                quantity,
                local(found),
                Source.COMMAND,
                QQ["王晓明"],
                None,
                **kw,
            )

        one = await problem(
            road,
            "市容秩序",
            "电动车乱停放5处",
            5,
            "2026-11-02 07:50",
            resolved=True,
            photos=[saved_photo(data_dir, png(shade=10), "http://img/1-before.png")],
        )
        await ledger.attach_photos(
            session,
            unit_id,
            one.number,
            _after(),
            [saved_photo(data_dir, png(shade=20), "http://img/1-after.png")],
            local("2026-11-02 08:05"),
        )
        await ledger.confirm_recheck(session, unit_id, 1, QQ["王晓明"], local("2026-11-04 08:00"))
        await problem(road, "环境卫生", "绿化带内垃圾3处", 3, "2026-11-04 07:45")
        await problem(road, "基础设施", "井盖松动", 1, "2026-10-20 08:00")
        await ledger.resolve_problem(session, unit_id, 3, QQ["赵强"], local("2026-11-06 10:00"))
        await problem(road, "市容秩序", "小广告2处", 2, "2026-11-06 07:50")
        await ledger.withdraw_problem(
            session, unit_id, 4, QQ["王晓明"], local("2026-11-06 09:00"), "重复登记"
        )
        await problem(road, "基础设施", "护栏损坏", 1, "2026-11-09 08:00")
        await ledger.resolve_problem(session, unit_id, 5, QQ["赵强"], local("2026-11-10 10:00"))
        await ledger.reopen_problem(
            session, unit_id, 5, QQ["王晓明"], local("2026-11-12 08:00"), "又坏了"
        )
        await ledger.resolve_problem(session, unit_id, 5, QQ["赵强"], local("2026-11-20 10:00"))
        await problem(
            road,
            "环境卫生",
            "烟头4处",
            4,
            "2026-11-25 07:50",
            photos=[saved_photo(data_dir, png(shade=30), "http://img/6-before.png")],
        )
        await ledger.resolve_problem(
            session,
            unit_id,
            6,
            QQ["李娜"],
            local("2026-12-02 08:00"),
            photos=[saved_photo(data_dir, png(shade=40), "http://img/6-after.png")],
        )
        await problem(road, "基础设施", "路面坑洼2处", 2, "2026-11-16 08:00")
        await ledger.coordinate_problem(
            session, unit_id, 7, "城管执法中队", QQ["王晓明"], local("2026-11-16 09:00")
        )
        await problem(grid, "宣传氛围", "宣传栏破损", 1, "2026-10-10 08:00")
        await session.commit()
    return Month(unit_id=unit_id, road=road, grid=grid, staff=staff)


def _after():
    from dutybot.ledger import PhotoStage

    return PhotoStage.AFTER
