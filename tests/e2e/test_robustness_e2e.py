"""Nothing lost, nothing twice: redelivery, concurrent writers, a killed process, the token."""

from __future__ import annotations

import asyncio
import contextlib
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
SHANGHAI = ZoneInfo("Asia/Shanghai")
BASE = datetime(2026, 11, 2, 7, 40, tzinfo=SHANGHAI)
STAFF_QQ = list(range(20001, 20013))  # the twelve with QQ numbers in the unit file


def stamp(moment: datetime) -> int:
    return int(moment.timestamp())


async def test_redelivery_after_reconnect_changes_nothing(bot_process: BotProcess):
    async with SimulatedQQ(bot_process.url, access_token=bot_process.access_token) as qq:
        await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", message_id=555, time_=stamp(BASE))
        assert await qq.reply_text() == "已报到（玄帝庙街路西 1人）：王晓明"
        await qq.group_message(
            GROUP, 20002, "/问题 凤凰城 楼道小广告3处", message_id=556, time_=stamp(BASE)
        )
        assert (await qq.reply_text()).startswith("已登记问题 #1")
    # The QQ client reconnects and delivers the same events again.
    async with SimulatedQQ(bot_process.url, access_token=bot_process.access_token) as qq:
        await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", message_id=555, time_=stamp(BASE))
        await qq.group_message(
            GROUP, 20002, "/问题 凤凰城 楼道小广告3处", message_id=556, time_=stamp(BASE)
        )
        await qq.no_call(1.0)
    assert await bot_process.fetch("SELECT COUNT(*) FROM duty_checkin") == [(1,)]
    assert await bot_process.fetch("SELECT COUNT(*) FROM ledger_problem") == [(1,)]


async def test_twenty_people_at_the_same_second(bot_process: BotProcess, qq: SimulatedQQ):
    moment = stamp(BASE)
    sends = []
    for user in STAFF_QQ:  # 12 check-ins
        sends.append(qq.group_message(GROUP, user, "/报到 玄帝庙街", time_=moment))
    for index, user in enumerate(STAFF_QQ[:8]):  # and 8 problems
        sends.append(
            qq.group_message(GROUP, user, f"/问题 凤凰城 小广告{index + 1}处", time_=moment)
        )
    await asyncio.gather(*sends)
    replies = [await qq.reply_text(timeout=30) for _ in range(20)]
    assert sum(r.startswith("已报到（玄帝庙街路西") for r in replies) == 12
    assert sorted(int(m) for r in replies for m in re.findall(r"已登记问题 #(\d+)", r)) == list(
        range(1, 9)
    )
    assert await bot_process.fetch("SELECT COUNT(*) FROM duty_checkin") == [(12,)]
    assert await bot_process.fetch("SELECT COUNT(*), SUM(quantity) FROM ledger_problem") == [
        (8, 36)
    ]
    await qq.no_call()


def burst() -> list[tuple[int, str, datetime]]:
    """Check-ins, problems and reports, each on its own day so that every one is new."""
    messages = []
    for i in range(60):
        user = STAFF_QQ[i % len(STAFF_QQ)]
        moment = BASE + timedelta(days=i)
        kind = i % 3
        if kind == 0:
            text = "/报到 玄帝庙街"
        elif kind == 1:
            text = f"/问题 凤凰城 电动车乱停放{i % 5 + 1}辆"
        else:
            text = (
                f"{moment.month}月{moment.day}日凤凰城值班，周建国、吴婷婷到岗。"
                f"发现垃圾{i % 4 + 1}处，已清理；井盖破损1个，已通知物业。"
            )
        messages.append((user, text, moment))
    return messages


async def test_killed_in_a_burst_loses_nothing_confirmed(tmp_path, unit_file, bot_database_url):
    process = BotProcess(tmp_path / "data", unit_file, database_url=bot_database_url)
    process.start()
    confirmed: list[str] = []
    try:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:

            async def collect() -> None:
                while True:
                    confirmed.append(await qq.reply_text(timeout=60))

            collector = asyncio.create_task(collect())
            for user, text, moment in burst():
                await qq.group_message(GROUP, user, text, time_=stamp(moment))
                await asyncio.sleep(0.01)
                if len(confirmed) >= 25:
                    break
            while len(confirmed) < 25:  # noqa: ASYNC110 - polling a list the collector fills
                await asyncio.sleep(0.01)
            process.kill()  # SIGKILL, mid-burst
            await asyncio.sleep(0.3)
            collector.cancel()
    finally:
        process.kill()

    assert len(confirmed) >= 25
    # Every confirmation the client saw is in the database.
    for reply in confirmed:
        if match := re.match(r"已登记问题 #(\d+)", reply):
            rows = await process.fetch(
                "SELECT COUNT(*) FROM ledger_problem WHERE number = :n", n=int(match[1])
            )
            assert rows == [(1,)], reply
        elif match := re.match(r"已记录 (\d+)月(\d+)日 市16网格", reply):
            month, day = int(match[1]), int(match[2])
            rows = await process.fetch(
                "SELECT COUNT(*) FROM reports_dailyreport WHERE duty_date = :d AND status = 'active'",
                d=date(2026 if month >= 11 else 2027, month, day),
            )
            assert rows == [(1,)], reply
        else:
            assert reply.startswith("已报到（玄帝庙街路西 1人）"), reply
    checkins = (await process.fetch("SELECT COUNT(*) FROM duty_checkin WHERE source = 'self'"))[0][
        0
    ]
    assert checkins >= sum(r.startswith("已报到") for r in confirmed)

    # Nothing half-written: every report's problems are all there, every problem has its history,
    # every claimed message has its effects.
    # (A problem told again, such as the manhole cover still broken from an earlier duty, is
    # a telling of that problem: a report's figures are the sum of its tellings.)
    mismatched = await process.fetch(
        "SELECT r.id FROM reports_dailyreport r WHERE r.status = 'active' AND r.found_total != "
        "(SELECT COALESCE(SUM(t.quantity), 0) FROM ledger_problemtelling t "
        " WHERE t.report_id = r.id AND t.active)"
    )
    assert mismatched == []
    orphans = await process.fetch(
        "SELECT p.id FROM ledger_problem p WHERE NOT EXISTS "
        "(SELECT 1 FROM ledger_problemevent e WHERE e.problem_id = p.id)"
    )
    assert orphans == []
    empty_claims = await process.fetch(
        "SELECT m.message_id FROM duty_processedmessage m WHERE "
        "NOT EXISTS (SELECT 1 FROM duty_checkin c WHERE c.message_id = m.message_id) AND "
        "NOT EXISTS (SELECT 1 FROM ledger_problem p WHERE p.message_id = m.message_id) AND "
        "NOT EXISTS (SELECT 1 FROM reports_dailyreport r WHERE r.message_id = m.message_id)"
    )
    assert empty_claims == []

    # And the bot starts again and serves.
    process.start()
    try:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            await qq.group_message(
                GROUP, 20012, "/报到 凤凰城", time_=stamp(BASE + timedelta(days=200))
            )
            assert (await qq.reply_text()).startswith("已报到（市16网格 1人）：朱琳")
    finally:
        process.stop()


async def test_the_token_never_appears_in_the_log(tmp_path, unit_file, bot_database_url):
    process = BotProcess(
        tmp_path / "data",
        unit_file,
        access_token="s3cret-T0ken-42",
        log_level="DEBUG",
        database_url=bot_database_url,
    )
    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            await qq.group_message(GROUP, 20001, "/报到 玄帝庙街", time_=stamp(BASE))
            await qq.reply_text()
        bad = SimulatedQQ(process.url, access_token="wrong-token-99")
        with contextlib.suppress(Exception):
            await bad.connect()
    log = process.log()
    assert "Application startup complete" in log
    assert "s3cret-T0ken-42" not in log
    assert "wrong-token-99" not in log
