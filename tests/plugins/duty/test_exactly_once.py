from __future__ import annotations

import pytest
import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import DEFAULT_TIME, fake_group_message


async def count(model) -> int:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return await session.scalar(sa.select(sa.func.count()).select_from(model))


async def test_redelivered_message_changes_nothing_and_gets_no_reply(app: App):
    from plugins.duty.model import Checkin, ProcessedMessage

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/报到 玄帝庙街", message_id=777)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "已报到（玄帝庙街路西 1人）：王晓明", result={"message_id": 1})
        ctx.receive_event(bot, fake_group_message("/报到 玄帝庙街", message_id=777))
    assert await count(Checkin) == 1
    assert await count(ProcessedMessage) == 1


async def test_redelivered_after_restart_is_found_in_the_database(app: App):
    from plugins.duty import inbox
    from plugins.duty.model import Checkin

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/报到 玄帝庙街", message_id=778)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "已报到（玄帝庙街路西 1人）：王晓明", result={"message_id": 1})
    inbox.forget_recent()  # as after a restart
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.receive_event(bot, fake_group_message("/报到 玄帝庙街", message_id=778))
    assert await count(Checkin) == 1


async def test_same_id_in_another_group_is_another_message(app: App, tmp_path):
    from nonebot_plugin_orm import get_session

    from plugins.duty import units
    from tests.conftest import UNIT_FILE

    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "a.toml").write_text(UNIT_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.toml").write_text(
        UNIT_FILE.read_text(encoding="utf-8")
        .replace('name = "市外侨办"', 'name = "市商务局"')
        .replace("700000001", "700000002"),
        encoding="utf-8",
    )
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        for group in (700000001, 700000002):
            event = fake_group_message("/报到 玄帝庙街", message_id=779, group_id=group)
            ctx.receive_event(bot, event)
            ctx.should_call_send(
                event, "已报到（玄帝庙街路西 1人）：王晓明", result={"message_id": 1}
            )


async def test_checkpoint_folds_the_wal_back(app: App, database):
    import os
    import sqlite3

    import pytest

    from plugins.duty import database as db_settings

    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite only")
    await db_settings.checkpoint()  # the empty tables, into the file
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/报到 玄帝庙街")
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "已报到（玄帝庙街路西 1人）：王晓明", result={"message_id": 1})
    path = database.url.database

    def rows_in_the_database_file() -> int:
        # immutable=1 reads the main file alone, ignoring the WAL.
        with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as db:
            return db.execute("SELECT COUNT(*) FROM duty_checkin").fetchone()[0]

    assert rows_in_the_database_file() == 0  # still only in the WAL
    await db_settings.checkpoint()
    assert rows_in_the_database_file() == 1


async def test_only_a_message_from_before_the_start_is_looked_up(
    app: App, monkeypatch: pytest.MonkeyPatch
):
    """Live messages are not looked up in the database (the recent ids and the claim's unique
    key cover them); one sent before this process started may have been handled by another."""
    from datetime import timedelta

    from dutybot import clock
    from plugins.duty import inbox

    looked_up: list[str] = []
    real = inbox.already_processed

    async def spy(session, event):
        looked_up.append(str(event.message_id))
        return await real(session, event)

    monkeypatch.setattr(inbox, "already_processed", spy)
    # The process started an hour before the first message.
    monkeypatch.setattr(inbox, "_started", clock.from_timestamp(DEFAULT_TIME) - timedelta(hours=1))
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        live = fake_group_message("/报到 玄帝庙街", message_id=780)
        ctx.receive_event(bot, live)
        ctx.should_call_send(live, "已报到（玄帝庙街路西 1人）：王晓明", result={"message_id": 1})
        # Stamped a few minutes before the start (the QQ server's clock may run ahead of ours).
        early = fake_group_message(
            "/报到 凤凰城", user_id=20002, message_id=781, time=DEFAULT_TIME - 3 * 3600
        )
        ctx.receive_event(bot, early)
        ctx.should_call_send(early, "已报到（市16网格 1人）：李娜", result={"message_id": 2})
    from plugins.duty.model import Checkin

    assert looked_up == ["781"]
    assert await count(Checkin) == 2
