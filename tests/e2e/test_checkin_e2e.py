"""The bot as its own process, a simulated QQ client over a real WebSocket."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from dutybot.simulator import PROJECT_ROOT, BotProcess, SimulatedQQ

GROUP = 700000001
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY_0735 = int(datetime(2026, 11, 30, 7, 35, tzinfo=SHANGHAI).timestamp())


async def test_six_people_check_in(bot_process: BotProcess, qq: SimulatedQQ):
    people = [
        (20001, "王晓明"),
        (20002, "李娜"),
        (20003, "赵强"),
        (20004, "刘海燕"),
        (20005, "陈志远"),
        (20006, "孙悦"),
    ]
    for count, (user_id, _) in enumerate(people, 1):
        await qq.group_message(GROUP, user_id, "/报到 玄帝庙街", time_=MONDAY_0735 + count)
        reply = await qq.reply_text()
        names = "、".join(name for _, name in people[:count])
        assert reply == f"已报到（玄帝庙街路西 {count}人）：{names}"

    # Again: counted once, and said so.
    await qq.group_message(GROUP, 20001, "／报到 玄帝庙街", time_=MONDAY_0735 + 60)
    assert (await qq.reply_text()).startswith("你今天 07:35 已在玄帝庙街路西报到过，不重复计。")

    # A group the bot does not serve gets nothing.
    await qq.group_message(123456, 20001, "/报到 玄帝庙街")
    await qq.no_call()

    rows = await bot_process.fetch(
        "SELECT s.name, c.duty_date, c.source, c.checked_at FROM duty_checkin c "
        "JOIN duty_staff s ON s.id = c.staff_id ORDER BY c.id"
    )
    version = await bot_process.fetch("SELECT version_num FROM alembic_version")
    assert [r[0] for r in rows] == [name for _, name in people]
    assert {r[1] for r in rows} == {"2026-11-30"}
    assert {r[2] for r in rows} == {"self"}
    # Stored in UTC: 07:36 in Shanghai is 23:36 the day before.
    assert rows[0][3].startswith("2026-11-29 23:35:01")
    assert len(version) >= 1  # started through the shipped migrations


async def test_wrong_token_is_rejected(bot_process: BotProcess):
    import pytest
    from websockets.exceptions import InvalidStatus

    client = SimulatedQQ(bot_process.url, access_token="wrong")
    with pytest.raises(InvalidStatus):
        await client.connect()


def test_bad_unit_file_stops_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        (PROJECT_ROOT / "tests" / "data" / "unit.toml")
        .read_text(encoding="utf-8")
        .replace("qq = 20002", "qq = 20001"),
        encoding="utf-8",
    )
    process = BotProcess(tmp_path / "data", bad)
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bot.py")],
        cwd=tmp_path,
        env=process.environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert lines == [
        f"dutybot 无法启动：单位文件有误 {bad}：[[staff]] 第2项（李娜）.qq："
        "QQ 号 20001 已属于“王晓明”，一个 QQ 号只能绑定一人"
    ]
    assert "Traceback" not in result.stdout + result.stderr


def test_open_host_without_token_is_refused(tmp_path):
    process = BotProcess(
        tmp_path / "data",
        PROJECT_ROOT / "tests" / "data" / "unit.toml",
        access_token="",
        extra_env={"HOST": "0.0.0.0"},
    )
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bot.py")],
        env=process.environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert result.returncode == 1
    assert "ONEBOT_ACCESS_TOKEN" in result.stderr
    assert len([line for line in result.stderr.splitlines() if line.strip()]) == 1
