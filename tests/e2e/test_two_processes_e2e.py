"""Two bot processes on one database (a city-wide deployment): a message that reaches both is
recorded once and answered once."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
T0 = int(datetime(2026, 11, 30, 7, 40, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
MESSAGES = [
    (20001, "/报到 玄帝庙街"),
    (20002, "/报到 玄帝庙街"),
    (20003, "/问题 凤凰城 楼道小广告3处"),
    (20007, "今天凤凰城值班，周建国、吴婷婷到岗，发现垃圾2处已清理。"),
    (20008, "/问题 玄帝庙街 电动车乱停放4辆"),
]


async def replies_within(client: SimulatedQQ, seconds: float) -> list[str]:
    texts = []
    while True:
        try:
            texts.append(await client.reply_text(timeout=seconds))
        except TimeoutError:
            return texts


async def test_same_messages_to_two_processes(tmp_path, unit_file, bot_database_url):
    url = bot_database_url or f"sqlite+aiosqlite:///{tmp_path / 'shared.db'}"
    first = BotProcess(tmp_path / "a", unit_file, database_url=url)
    second = BotProcess(tmp_path / "b", unit_file, database_url=url)
    with first, second:
        async with (
            SimulatedQQ(first.url, access_token=first.access_token) as qq_a,
            SimulatedQQ(second.url, access_token=second.access_token) as qq_b,
        ):
            for index, (user, text) in enumerate(MESSAGES):
                message_id = 9000 + index
                await asyncio.gather(
                    qq_a.group_message(GROUP, user, text, time_=T0 + index, message_id=message_id),
                    qq_b.group_message(GROUP, user, text, time_=T0 + index, message_id=message_id),
                )
            # (8 s of quiet: both bots start their parsing workers, each importing the parser.)
            got_a, got_b = await asyncio.gather(replies_within(qq_a, 8), replies_within(qq_b, 8))
    assert len(got_a) + len(got_b) == len(MESSAGES), (got_a, got_b)
    rows = await first.fetch(
        "SELECT (SELECT COUNT(*) FROM duty_checkin), (SELECT COUNT(*) FROM ledger_problem),"
        " (SELECT COUNT(*) FROM reports_dailyreport), (SELECT COUNT(*) FROM duty_processedmessage)"
    )
    # 2 check-ins + 2 people named in the report; 2 problems + 1 from the report; 1 report.
    assert rows == [(4, 3, 1, 5)]
    numbers = await first.fetch("SELECT number FROM ledger_problem ORDER BY number")
    assert numbers == [(1,), (2,), (3,)]
