"""Roster commands over a real WebSocket: the bot as its own process."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from dutybot.simulator import BotProcess, SimulatedQQ, message_text

GROUP = 700000001
COORDINATOR = 10001
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY_0800 = int(datetime(2026, 11, 30, 8, 0, tzinfo=SHANGHAI).timestamp())


async def test_build_leave_and_export(bot_process: BotProcess, qq: SimulatedQQ):
    await qq.group_message(GROUP, COORDINATOR, "/排班 2026-12", time_=MONDAY_0800)
    table = await qq.reply_text()
    assert table.startswith("市外侨办 2026年12月值班表（07:30-09:00，★为带班）\n12月2日（周三）")
    assert "已保存12月值班表" in table

    [(name, person_qq)] = await bot_process.fetch(
        "SELECT s.name, s.qq FROM duty_rosterentry r JOIN duty_staff s ON s.id = r.staff_id "
        "WHERE r.duty_date = :day AND r.status = 'planned' AND s.qq IS NOT NULL "
        "ORDER BY r.id LIMIT 1",
        day=date(2026, 12, 2),
    )

    await qq.group_message(GROUP, person_qq, "/请假 12-02 出差", time_=MONDAY_0800 + 60)
    call = await qq.next_call("send_msg")
    text = message_text(call["params"]["message"])
    assert text.startswith(f"已记下：{name} 12月2日 请假（出差）。\n12月2日（周三）")
    assert " 替班" in text
    statuses = await bot_process.fetch(
        "SELECT status, replaces_id IS NOT NULL FROM duty_rosterentry "
        "WHERE status != 'planned' OR replaces_id IS NOT NULL"
    )
    assert sorted(statuses) == [("leave", False), ("planned", True)]

    await qq.group_message(GROUP, COORDINATOR, "/排班 导出 2026-12", time_=MONDAY_0800 + 120)
    uploads = [await qq.next_call("upload_group_file") for _ in range(2)]
    files = [Path(u["params"]["file"]) for u in uploads]
    assert [f.suffix for f in files] == [".xlsx", ".ics"]
    assert all(f.is_file() and f.is_relative_to(bot_process.data_dir) for f in files)
    assert (await qq.reply_text()).startswith("已发送市外侨办 2026年12月值班表")
