"""A reminder sent by the real process on its own clock, and not again after a restart."""

from __future__ import annotations

import sqlite3
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import BotProcess, SimulatedQQ, message_text

GROUP = 700000001
SHANGHAI = ZoneInfo("Asia/Shanghai")


def roster_tomorrow(database, tomorrow) -> None:
    with sqlite3.connect(database) as db:
        unit_id = db.execute("SELECT id FROM duty_unit").fetchone()[0]
        site_id = db.execute("SELECT id FROM duty_site ORDER BY id").fetchone()[0]
        for index, name in enumerate(("王晓明", "李娜", "赵强")):
            staff_id = db.execute("SELECT id FROM duty_staff WHERE name = ?", (name,)).fetchone()[0]
            db.execute(
                "INSERT INTO duty_rosterentry (unit_id, site_id, staff_id, duty_date, is_leader,"
                " status, created_at) VALUES (?, ?, ?, ?, ?, 'planned', '2026-01-01')",
                (unit_id, site_id, staff_id, tomorrow.isoformat(), index == 0),
            )


async def test_day_before_reminder_once_across_a_restart(tmp_path, unit_file):
    now = datetime.now(SHANGHAI)
    if not time(7, 1) <= now.time() < time(21, 58):
        pytest.skip("nothing is sent in the quiet hours")
    # The eve reminder due from 07:00, so that it is due whenever this runs; no deadlines.
    unit_file.write_text(
        unit_file.read_text(encoding="utf-8")
        + '\n[reminders]\nday_before = "07:00"\ndeadlines = []\n',
        encoding="utf-8",
    )
    process = BotProcess(tmp_path / "data", unit_file)
    with process:  # first start: creates the database
        pass
    tomorrow = (now + timedelta(days=1)).date()
    roster_tomorrow(process.data_dir / "duty.db", tomorrow)

    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            call = await qq.next_call("send_group_msg", timeout=30)
    assert call["params"]["group_id"] == GROUP
    text = message_text(call["params"]["message"])
    assert text.startswith(f"【值班提醒】明天 {tomorrow.month}月{tomorrow.day}日")
    assert "玄帝庙街路西：@20001（带班） @20002 @20003" in text

    with process:  # restarted: the log in the database says it was sent
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            with pytest.raises(TimeoutError):
                await qq.next_call("send_group_msg", timeout=12)
    with sqlite3.connect(process.data_dir / "duty.db") as db:
        rows = db.execute("SELECT key, status FROM roster_reminder").fetchall()
    assert rows == [(f"u1:day_before:{tomorrow.isoformat()}:g{GROUP}", "sent")]
