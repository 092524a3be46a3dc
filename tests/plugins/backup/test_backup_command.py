from __future__ import annotations

from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import fake_group_message


async def test_coordinator_backs_up(app: App, tmp_path, monkeypatch):
    import os

    import pytest

    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite only")
    from plugins import backup as plugin

    monkeypatch.setattr(plugin, "backup_folder", lambda: tmp_path / "backups")

    class Replies:
        text = ""

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/备份", user_id=10001)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Anything(Replies), result={"message_id": 1})
    [made] = list((tmp_path / "backups").glob("duty-*.db"))
    assert Replies.text.startswith(f"已备份：{made.name}（")
    assert Replies.text.endswith("MB），共保留 1 份备份。")


async def test_postgres_is_told_to_use_its_tools(app: App, monkeypatch):
    from plugins import backup as plugin

    monkeypatch.setattr(plugin, "sqlite_file", lambda: None)
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/备份", user_id=10001)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            "备份没有成功：数据库不是 SQLite，请用数据库自己的工具备份（PostgreSQL：pg_dump）",
            result={"message_id": 1},
        )


async def test_staff_cannot_back_up(app: App):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/备份", user_id=20002)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "只有协调人可以备份数据库。", result={"message_id": 1})


class Anything:
    """Equal to any reply text, remembering it (the file name carries the time)."""

    def __init__(self, sink) -> None:
        self.sink = sink

    def __eq__(self, other: object) -> bool:
        self.sink.text = str(other)
        return True


async def test_coordinator_backs_up_in_private_chat(app: App, tmp_path, monkeypatch):
    import os

    import pytest

    from tests.fake import fake_private_message

    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite only")
    from plugins import backup as plugin

    monkeypatch.setattr(plugin, "backup_folder", lambda: tmp_path / "backups")

    class Replies:
        text = ""

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_private_message("/备份", user_id=10001)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, Anything(Replies), result={"message_id": 1})
    assert Replies.text.startswith("已备份：duty-")


async def test_the_daily_backup_rotates_only_daily_ones_and_logs_what_it_removed(
    app: App, tmp_path, monkeypatch
):
    import os

    import pytest
    from nonebot import logger

    if os.environ.get("DUTY_TEST_DATABASE_URL"):
        pytest.skip("SQLite only")
    from plugins import backup as plugin

    folder = tmp_path / "backups"
    folder.mkdir()
    monkeypatch.setattr(plugin, "backup_folder", lambda: folder)
    for day in range(1, 21):
        (folder / f"duty-2020-01-{day:02d}-033000.db").write_bytes(b"")
    (folder / "duty-manual-2020-01-01-120000.db").write_bytes(b"")
    (folder / "restored-from.txt").write_text("duty-2020-01-02-033000.db\n", encoding="utf-8")
    logged: list[str] = []
    sink = logger.add(lambda message: logged.append(message.record["message"]), level="INFO")
    try:
        await plugin.daily_backup()
    finally:
        logger.remove(sink)
    names = {p.name for p in folder.iterdir()}
    removed = [f"duty-2020-01-{day:02d}-033000.db" for day in (1, 3, 4, 5, 6, 7)]
    assert not names & set(removed)
    assert {"duty-manual-2020-01-01-120000.db", "duty-2020-01-02-033000.db"} <= names
    [line] = [m for m in logged if m.startswith("每日备份完成")]
    assert line.endswith(f"；按保留规则删除了 {'、'.join(removed)}")
