"""A message sent as a plain string (the QQ client reads it as CQ code) is escaped on the way
out, whoever built it: the monthly post and any later raw send included."""

from __future__ import annotations

from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebug import App

from tests.conftest import COORDINATOR, GROUP

AT_ALL = "[CQ:at,qq=all]"
FILE = "[CQ:image,file=file:///etc/passwd]"


async def test_plain_string_sends_reach_the_client_as_text(app: App):
    text = f"最久未解决：#1 {AT_ALL}垃圾堆放{FILE} & 其他"
    escaped = "最久未解决：#1 &#91;CQ:at,qq=all&#93;垃圾堆放&#91;CQ:image,file=file:///etc/passwd&#93; &amp; 其他"
    async with app.test_api() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.should_call_api("send_group_msg", {"group_id": GROUP, "message": escaped}, result={})
        ctx.should_call_api(
            "send_private_msg", {"user_id": COORDINATOR, "message": escaped}, result={}
        )
        await bot.send_group_msg(group_id=GROUP, message=text)
        await bot.send_private_msg(user_id=COORDINATOR, message=text)
    # What a OneBot client makes of it: one text segment, the words as written.
    assert Message(escaped) == Message(MessageSegment.text(text))


async def test_segments_and_escaped_strings_are_left_alone(app: App):
    segments = Message([MessageSegment.text(AT_ALL), MessageSegment.at(20001)])
    async with app.test_api() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.should_call_api("send_group_msg", {"group_id": GROUP, "message": segments}, result={})
        ctx.should_call_api(
            "send_group_msg",
            {"group_id": GROUP, "message": AT_ALL, "auto_escape": True},
            result={},
        )
        await bot.send_group_msg(group_id=GROUP, message=segments)
        await bot.send_group_msg(group_id=GROUP, message=AT_ALL, auto_escape=True)
