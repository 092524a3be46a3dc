from __future__ import annotations

from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import fake_private_message


async def test_checkin_and_bind_point_to_the_group(app: App):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_private_message("/报到")
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            "报到请在值班工作群里发送 /报到，方便大家看到谁到岗了。",
            result={"message_id": 1},
        )
        event = fake_private_message("/绑定 王晓明", user_id=55555)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, "绑定请在值班工作群里发送 /绑定 你的姓名。", result={"message_id": 2}
        )


async def test_who_is_in_private_chat(app: App):
    from nonebot_plugin_orm import get_session

    from plugins.duty.chat import who_is

    async with get_session() as session:
        served, person = await who_is(session, fake_private_message("hi", user_id=20002))
        assert (served.unit.name, person.name) == ("市外侨办", "李娜")
        assert await who_is(session, fake_private_message("hi", user_id=55555)) is None
