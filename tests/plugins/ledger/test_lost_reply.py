"""A reply whose quoted message the QQ side could not find arrives without its reply segment
(NapCat drops it): "@机器人 已解决" alone. The bot cannot tell which problem is meant, so it
says what to do instead, and changes nothing."""

from __future__ import annotations

from nonebug import App

from tests.plugins.ledger.test_commands import problems, register, send, send_reply

LOST = (
    "没看到你回复的是哪条问题（QQ 没有带上被回复的消息）。请发送：/解决 12（12 换成问题编号），"
    "或者再回复一次该问题的消息。不知道编号可发送：/问题 列表"
)


async def test_at_the_bot_resolved_without_a_quote_says_what_to_do(app: App, database):
    await register(app)
    await send(app, "已解决", LOST, to_me=True)
    await send(app, "已整改 摆放整齐了", LOST, to_me=True)
    assert [p[5] for p in await problems()] == ["open"]


async def test_resolved_in_chat_without_the_bot_is_left_alone(app: App, database):
    await register(app)
    await send(app, "已解决", None)
    assert [p[5] for p in await problems()] == ["open"]


async def test_a_reply_that_keeps_its_quote_still_resolves(app: App, database):
    await register(app)
    await send_reply(
        app, 9001, None, "已解决", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", to_me=True
    )
