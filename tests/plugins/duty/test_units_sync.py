"""The unit file is the source of truth for its entries; history survives re-reading it."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.conftest import UNIT_FILE
from tests.fake import fake_group_message


async def staff_rows() -> dict[str, tuple]:
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Staff

    async with get_session() as session:
        rows = await session.scalars(sa.select(Staff))
        return {r.name: (r.qq, r.department, r.active) for r in rows}


async def resync(path: Path) -> None:
    from nonebot_plugin_orm import get_session

    from plugins.duty import units

    async with get_session() as session:
        await units.activate(session, units.read_unit_files(path))


async def test_rereading_updates_people_and_keeps_history(app: App, tmp_path: Path):
    changed = (
        UNIT_FILE.read_text(encoding="utf-8")
        .replace(
            'name = "孙悦"\ndepartment = "出国境科"\nqq = 20006\n',
            'name = "孙悦"\ndepartment = "出国境科"\nqq = 20066\n',
        )
        .replace('name = "赵强"\ndepartment = "领事科"', 'name = "赵强"\ndepartment = "秘书科"')
        .replace('[[staff]]\nname = "宋佳"\ndepartment = "友协办"\n', "")
    )
    path = tmp_path / "unit.toml"
    path.write_text(changed, encoding="utf-8")

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/报到 玄帝庙街", user_id=20006)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, "已报到（玄帝庙街路西 1人）：孙悦", result={"message_id": 1})

    await resync(path)
    rows = await staff_rows()
    assert rows["孙悦"] == (20066, "出国境科", True)
    assert rows["赵强"][1] == "秘书科"
    assert rows["宋佳"][2] is False  # removed from the file: inactive, not deleted

    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Checkin

    async with get_session() as session:
        assert await session.scalar(sa.select(sa.func.count(Checkin.id))) == 1


async def test_binding_from_chat_survives_rereading(app: App):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/绑定 宋佳", user_id=30014)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, "绑定成功：宋佳（友协办）。以后直接发送 /报到 即可。", result={"message_id": 1}
        )
    await resync(UNIT_FILE)
    assert (await staff_rows())["宋佳"][0] == 30014


async def test_file_gives_a_bound_qq_to_someone_else(app: App, tmp_path: Path):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/绑定 宋佳", user_id=30014)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, "绑定成功：宋佳（友协办）。以后直接发送 /报到 即可。", result={"message_id": 1}
        )
    path = tmp_path / "unit.toml"
    path.write_text(
        UNIT_FILE.read_text(encoding="utf-8").replace(
            'name = "何永军"\ndepartment = "友协办"\n',
            'name = "何永军"\ndepartment = "友协办"\nqq = 30014\n',
        ),
        encoding="utf-8",
    )
    await resync(path)
    rows = await staff_rows()
    assert rows["何永军"][0] == 30014
    assert rows["宋佳"][0] is None


async def test_two_units_in_one_deployment(app: App, tmp_path: Path):
    folder = tmp_path / "units"
    folder.mkdir()
    (folder / "a.toml").write_text(UNIT_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.toml").write_text(
        UNIT_FILE.read_text(encoding="utf-8")
        .replace('name = "市外侨办"', 'name = "市商务局"')
        .replace("700000001", "700000002"),
        encoding="utf-8",
    )
    await resync(folder)
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        for group, count in ((700000001, 1), (700000002, 1)):
            event = fake_group_message("/报到 玄帝庙街", user_id=20001, group_id=group)
            ctx.receive_event(bot, event)
            ctx.should_call_send(
                event, f"已报到（玄帝庙街路西 {count}人）：王晓明", result={"message_id": 1}
            )

    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Checkin, Unit

    async with get_session() as session:
        rows = await session.execute(
            sa.select(Unit.name).join(Checkin, Checkin.unit_id == Unit.id).order_by(Unit.name)
        )
        assert sorted(r[0] for r in rows) == ["市商务局", "市外侨办"]
