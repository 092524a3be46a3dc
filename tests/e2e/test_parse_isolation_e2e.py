"""No message can stall the bot: a report that takes forever to parse is stopped, and the bot
answers everyone else meanwhile."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
SENT = int(datetime(2026, 11, 30, 9, 12, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())
REPORT = "今天玄帝庙街值班，王晓明、李娜到岗。发现电动车乱停放5辆，已摆放整齐。"


@pytest.fixture
def slow_bot(tmp_path, unit_file, bot_database_url):
    process = BotProcess(
        tmp_path / "data",
        unit_file,
        database_url=bot_database_url,
        extra_env={"DUTY_EXTRA_PLUGINS": json.dumps(["tests.e2e.slow_parser"])},
    )
    with process:
        yield process


async def _reply_within(qq: SimulatedQQ, seconds: float) -> tuple[str, float]:
    started = time.monotonic()
    text = await qq.reply_text(timeout=seconds)
    return text, time.monotonic() - started


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("玄帝庙街值班：慢慢读" + "一起" * 20 + "X清理垃圾", "请分段发送，或用 /日报 加原文重发。"),
        ("/日报 玄帝庙街值班：慢慢读" + " " * 1000 + "清理垃圾", "请分成几段，每段用 /日报 发送。"),
    ],
)
async def test_help_is_answered_while_a_runaway_report_is_parsed(slow_bot, text, answer):
    async with SimulatedQQ(slow_bot.url, access_token=slow_bot.access_token) as qq:
        await qq.group_message(GROUP, 20001, text, time_=SENT)
        await asyncio.sleep(0.2)  # the runaway parse is under way
        started = time.monotonic()
        await qq.group_message(GROUP, 20002, "/帮助", time_=SENT + 1)
        help_text = await qq.reply_text(timeout=1.0)
        assert help_text.startswith("值班机器人命令")
        assert time.monotonic() - started < 1.0

        # The runaway parse is stopped after its time limit, answered in one line.
        slow_answer = await qq.reply_text(timeout=10)
        assert slow_answer.endswith(answer)
        assert "\n" not in slow_answer

        # Nothing was recorded, and the next report is read as usual (a fresh worker).
        assert await slow_bot.fetch("SELECT id FROM reports_dailyreport") == []
        await qq.group_message(GROUP, 20003, REPORT, time_=SENT + 60)
        assert (await qq.reply_text()).startswith("已记录 11月30日 玄帝庙街路西：到岗2人")
    rows = await slow_bot.fetch("SELECT sender_qq FROM reports_dailyreport")
    assert rows == [(20003,)]
