"""Daily reports over a real WebSocket: recorded, corrected, recalled."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
SENT = int(datetime(2026, 11, 30, 9, 12, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
REPORT = (
    "今天玄帝庙街值班，王晓明、李娜、赵强到岗。发现电动车乱停放5辆，已摆放整齐；"
    "盲道砖破损2块，已报城管维修。劝导行人8人次。"
)


async def test_report_correction_and_recall(bot_process: BotProcess, qq: SimulatedQQ):
    first = await qq.group_message(GROUP, 20001, REPORT, time_=SENT)
    assert await qq.reply_text() == (
        "已记录 11月30日 玄帝庙街路西：到岗3人，发现问题7处，已解决5处，待协调2处"
    )
    second = await qq.group_message(GROUP, 20001, REPORT.replace("2块", "3块"), time_=SENT + 60)
    assert await qq.reply_text() == (
        "已更正 11月30日 玄帝庙街路西：到岗3人，发现问题8处，已解决5处，待协调3处"
    )
    await qq.group_message(GROUP, 20002, "收到", time_=SENT + 90)
    await qq.no_call()

    await qq.group_recall(GROUP, 20001, first)  # the superseded one: nothing left to withdraw
    await qq.no_call()

    statuses = [
        r[0] for r in await bot_process.fetch("SELECT status FROM reports_dailyreport ORDER BY id")
    ]
    [(open_quantity,)] = await bot_process.fetch(
        "SELECT SUM(quantity) FROM ledger_problem WHERE status = 'open'"
    )
    activities = await bot_process.fetch("SELECT kind, count FROM reports_reportactivity")
    assert statuses == ["superseded", "active"]
    assert open_quantity == 3
    assert ("劝导", 8) in activities

    # Recalling the correction brings back the report it had replaced, under the same numbers.
    await qq.group_recall(GROUP, 20001, second)
    assert await qq.reply_text() == (
        "更正已撤回：11月30日 玄帝庙街路西 的日报恢复为更正前的："
        "到岗3人，发现问题7处，已解决5处，待协调2处"
    )
    statuses = [
        r[0] for r in await bot_process.fetch("SELECT status FROM reports_dailyreport ORDER BY id")
    ]
    problems = await bot_process.fetch(
        "SELECT number, quantity, status FROM ledger_problem ORDER BY number"
    )
    [(checkins,)] = await bot_process.fetch("SELECT COUNT(*) FROM duty_checkin")
    assert statuses == ["active", "withdrawn"]
    assert problems == [(1, 5, "resolved"), (2, 2, "open")]
    assert checkins == 3

    # Recalling the first report now withdraws it for good.
    await qq.group_recall(GROUP, 20001, first)
    assert await qq.reply_text() == (
        "消息已撤回：11月30日 玄帝庙街路西 的日报不再计入，一并撤销问题记录2条、到岗3人。"
    )
    [(open_quantity,)] = await bot_process.fetch(
        "SELECT SUM(quantity) FROM ledger_problem WHERE status = 'open'"
    )
    [(checkins,)] = await bot_process.fetch("SELECT COUNT(*) FROM duty_checkin")
    assert open_quantity is None
    assert checkins == 0
