from __future__ import annotations

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import fake_group_message


async def send(app: App, text: str, reply: str, **event_args) -> None:
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message(text, **event_args)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, reply, result={"message_id": 1})


async def binding(name: str) -> tuple[int | None, str | None]:
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Staff

    async with get_session() as session:
        row = await session.scalar(sa.select(Staff).where(Staff.name == name))
        return row.qq, row.bound_via.value if row.bound_via else None


async def test_bind_a_listed_unbound_name(app: App):
    await send(
        app, "/绑定 宋佳", "绑定成功：宋佳（友协办）。以后直接发送 /报到 即可。", user_id=30014
    )
    assert await binding("宋佳") == (30014, "command")
    await send(app, "/报到 凤凰城", "已报到（市16网格 1人）：宋佳", user_id=30014)


async def test_bind_with_title_is_understood(app: App):
    await send(
        app, "/绑定 宋佳同志", "绑定成功：宋佳（友协办）。以后直接发送 /报到 即可。", user_id=30014
    )


async def test_bind_needs_a_name(app: App):
    await send(app, "/绑定", "用法：/绑定 姓名：把自己的 QQ 绑定到值班名单上的姓名", user_id=30014)


async def test_bind_unknown_name(app: App):
    await send(
        app,
        "/绑定 张三",
        "值班名单里没有“张三”。请按名单上的姓名发送，如：/绑定 王晓明",
        user_id=30014,
    )


async def test_bind_name_taken_by_someone_else(app: App):
    await send(app, "/绑定 李娜", "“李娜”已绑定了别的 QQ。如有误，请联系协调人。", user_id=30014)
    assert await binding("李娜") == (20002, "file")


async def test_bind_twice(app: App):
    await send(app, "/绑定 王晓明", "你已绑定为“王晓明”，无需重复绑定。", user_id=20001)
    await send(
        app, "/绑定 宋佳", "你的 QQ 已绑定为“王晓明”。如需更改，请联系协调人。", user_id=20001
    )
    assert await binding("宋佳") == (None, None)


async def test_help_lists_every_command(app: App):
    from plugins.duty.chat import command_usages

    usages = command_usages()
    assert {"报到", "绑定", "帮助"} <= set(usages)
    await send(app, "/帮助", "值班机器人命令（/ 或 ／ 开头）：\n" + "\n".join(usages.values()))


async def test_help_for_one_command(app: App):
    await send(app, "/帮助 绑定", "用法：/绑定 姓名：把自己的 QQ 绑定到值班名单上的姓名")
    await send(app, "/帮助 飞翔", "没有“飞翔”这个命令。发送 /帮助 查看全部命令。")
