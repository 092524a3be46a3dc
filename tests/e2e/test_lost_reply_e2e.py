"""A QQ reply whose quoted message the QQ side could not find: NapCat sends it without the
reply segment, as "@机器人 已解决" (the @ of the quoted sender that QQ adds, and the text)."""

from __future__ import annotations

from dutybot.simulator import SimulatedQQ

GROUP = 700000001


async def test_at_the_bot_resolved_without_its_quote(qq: SimulatedQQ):
    await qq.group_message(GROUP, 20001, "/问题 玄帝庙街 电动车乱停放5处")
    assert await qq.reply_text() == "已登记问题 #1（市容秩序·玄帝庙街路西，5处）"
    await qq.group_message(
        GROUP,
        20002,
        [
            {"type": "at", "data": {"qq": str(qq.self_id)}},
            {"type": "text", "data": {"text": " 已解决"}},
        ],
    )
    assert await qq.reply_text() == (
        "没看到你回复的是哪条问题（QQ 没有带上被回复的消息）。请发送：/解决 12（12 换成问题编号），"
        "或者再回复一次该问题的消息。不知道编号可发送：/问题 列表"
    )
    await qq.group_message(GROUP, 20002, "/问题 1")
    assert "待处理" in await qq.reply_text()
