"""A full disk: the message gets "暂时无法保存，请稍后重发。", and nothing is half-written."""

from __future__ import annotations

import os

import pytest
import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import fake_group_message

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DUTY_TEST_DATABASE_URL")), reason="SQLite page limit"
)


@pytest.fixture
async def full_disk(database):
    """Every new connection may not grow the file: writes fail with SQLITE_FULL, as on a
    full disk."""
    from sqlalchemy import event

    async with database.connect() as connection:
        pages = (await connection.execute(sa.text("PRAGMA page_count"))).scalar()

    def no_room(dbapi_connection, _record):
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    await database.dispose()
    event.listen(database.sync_engine, "connect", no_room)
    yield
    event.remove(database.sync_engine, "connect", no_room)
    await database.dispose()


async def count(sql: str) -> int:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return (await session.execute(sa.text(sql))).scalar_one()


async def test_a_report_on_a_full_disk_is_answered_and_leaves_nothing(app: App, full_disk):
    text = "今天玄帝庙街值班，王晓明、李娜到岗。发现电动车乱停放5辆，已摆放整齐。" * 40
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message(text)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "暂时无法保存，请稍后重发。", result={"message_id": 1})
    assert await count("SELECT count(*) FROM reports_dailyreport") == 0
    assert await count("SELECT count(*) FROM ledger_problem") == 0
    assert await count("SELECT count(*) FROM duty_checkin") == 0
    assert await count("SELECT count(*) FROM duty_processedmessage") == 0
