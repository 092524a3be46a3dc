"""A reminder sent by the real process on its own clock, and not again after a restart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import BotProcess, SimulatedQQ, message_text

GROUP = 700000001


async def roster_on(process: BotProcess, day) -> None:
    """王晓明 (leading), 李娜 and 赵强 on duty at the first site on ``day``."""
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    engine = create_async_engine(process.database_url, poolclass=NullPool)
    try:
        async with engine.begin() as db:
            unit_id = (await db.execute(sa.text("SELECT id FROM duty_unit"))).scalar_one()
            site_id = (
                await db.execute(sa.text("SELECT id FROM duty_site ORDER BY id LIMIT 1"))
            ).scalar_one()
            for index, name in enumerate(("王晓明", "李娜", "赵强")):
                staff_id = (
                    await db.execute(
                        sa.text("SELECT id FROM duty_staff WHERE name = :name"), {"name": name}
                    )
                ).scalar_one()
                await db.execute(
                    sa.text(
                        "INSERT INTO duty_rosterentry (unit_id, site_id, staff_id, duty_date,"
                        " is_leader, status, created_at) VALUES (:unit, :site, :staff, :day,"
                        " :leader, 'planned', :created)"
                    ),
                    {
                        "unit": unit_id,
                        "site": site_id,
                        "staff": staff_id,
                        "day": day,
                        "leader": index == 0,
                        "created": datetime(2026, 1, 1),
                    },
                )
    finally:
        await engine.dispose()


def daytime_zone() -> ZoneInfo:
    """A fixed-offset zone where it is about noon now: the bot sends nothing in the quiet hours,
    and the test should run at any hour of the day."""
    offset = 12 - datetime.now(UTC).hour
    return ZoneInfo("Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}")


async def test_day_before_reminder_once_across_a_restart(tmp_path, unit_file, bot_database_url):
    zone = daytime_zone()
    now = datetime.now(zone)
    # The eve reminder due from 07:00, so that it is due whenever this runs; no deadlines.
    unit_file.write_text(
        unit_file.read_text(encoding="utf-8")
        + '\n[reminders]\nday_before = "07:00"\ndeadlines = []\n',
        encoding="utf-8",
    )
    process = BotProcess(
        tmp_path / "data",
        unit_file,
        database_url=bot_database_url,
        extra_env={"DUTY_TIMEZONE": zone.key},
    )
    with process:  # first start: creates the database
        pass
    tomorrow = (now + timedelta(days=1)).date()
    await roster_on(process, tomorrow)

    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            call = await qq.next_call("send_group_msg", timeout=75)
    assert call["params"]["group_id"] == GROUP
    text = message_text(call["params"]["message"])
    assert text.startswith(f"【值班提醒】明天 {tomorrow.month}月{tomorrow.day}日")
    assert "玄帝庙街路西：@20001（带班） @20002 @20003" in text

    with process:  # restarted: the log in the database says it was sent
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            with pytest.raises(TimeoutError):
                await qq.next_call("send_group_msg", timeout=8)
    # (On a Monday morning the weekly reminder's catch-up is logged too: only the eve's counts.)
    rows = await process.fetch(
        "SELECT key, status FROM roster_reminder WHERE key LIKE '%:day_before:%'"
    )
    assert rows == [(f"u1:day_before:{tomorrow.isoformat()}:g{GROUP}", "sent")]
