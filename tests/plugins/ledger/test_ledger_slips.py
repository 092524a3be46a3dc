"""Slips with the problem ledger (issue 14): the fix words of the report parser work in /问题
and in replies, photos replying to the /问题 message are kept, /核查 不通过 needs a reason."""

from __future__ import annotations

import pytest
from nonebot.adapters.onebot.v11 import MessageSegment
from nonebug import App

from tests.plugins.ledger.test_commands import (
    MONDAY,
    history,
    image,
    images,  # noqa: F401 - fixture
    problems,
    register,
    rows,
    send,
    send_reply,
)

BOT_MESSAGE = "已登记问题 #1（市容秩序·玄帝庙街路西，5处）"


@pytest.mark.parametrize("word", ["已清理", "已清除", "已清扫", "已摆放整齐", "已劝离", "已拆除"])
async def test_replying_any_fix_word_to_the_bot_message_resolves(app: App, word: str):
    await register(app)
    await send_reply(
        app, 9001, BOT_MESSAGE, word, "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", user_id=20002
    )
    assert [p[5] for p in await problems()] == ["resolved"]
    # How it was fixed is kept as the note.
    assert (await history())[-1] == ("resolve", "open", "resolved", 20002, word)


async def test_replying_a_fix_word_with_a_photo_to_the_problem_message(app: App, images):  # noqa: F811
    event = await send(app, "/问题 玄帝庙街 电动车乱停放5处", BOT_MESSAGE)
    await send_reply(
        app,
        event.message_id,
        "/问题 玄帝庙街 电动车乱停放5处",
        MessageSegment.at(20001) + " 已清理 " + image("after.jpg"),
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，整改后照片1张）",
        quoted_sender=20001,
        user_id=20002,
    )
    assert await rows("SELECT stage FROM ledger_photo") == [("after",)]


async def test_a_photo_with_a_few_words_replying_to_the_problem_message(app: App, images):  # noqa: F811
    event = await send(app, "/问题 玄帝庙街 电动车乱停放5处", BOT_MESSAGE)
    await send_reply(
        app,
        event.message_id,
        "/问题 玄帝庙街 电动车乱停放5处",
        MessageSegment.at(20001) + " 现场照片 " + image("before.png"),
        "已为问题 #1 补充整改前照片1张。",
        quoted_sender=20001,
        user_id=20002,
    )
    assert await rows("SELECT stage FROM ledger_photo") == [("before",)]
    assert [p[5] for p in await problems()] == ["open"]


async def test_a_request_to_someone_else_is_not_a_fix(app: App):
    await register(app)
    await send_reply(app, 9001, BOT_MESSAGE, "已通知物业", None)
    assert [p[5] for p in await problems()] == ["open"]


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("/问题 玄帝庙街 流动摊贩2处 已劝离", "市容秩序·玄帝庙街路西，2处，现场已整改"),
        ("/问题 玄帝庙街 违规广告牌1处，已拆除", "市容秩序·玄帝庙街路西，1处，现场已整改"),
        ("/问题 玄帝庙街 电动车乱停放5处已摆放整齐", "市容秩序·玄帝庙街路西，5处，现场已整改"),
        ("/问题 玄帝庙街 垃圾3处需现场处理", "环境卫生·玄帝庙街路西，3处"),
        ("/问题 玄帝庙街 垃圾3处 已通知物业", "环境卫生·玄帝庙街路西，3处"),
    ],
)
async def test_problem_with_a_fix_word_at_the_end_is_fixed_on_the_spot(
    app: App, text: str, reply: str
):
    await send(app, text, f"已登记问题 #1（{reply}）")
    [problem] = await problems()
    assert problem[5] == ("resolved" if reply.endswith("现场已整改") else "open")


async def test_failed_recheck_needs_a_reason(app: App):
    await register(app, time=MONDAY)
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")
    await send(app, "/核查 1 不通过", "请写上核查没通过的原因，如：/核查 1 不通过 电动车又停满了")
    assert [p[5] for p in await problems()] == ["resolved"]


async def test_problem_details_show_the_due_date_once(app: App):
    await register(app, time=MONDAY)
    await send(
        app,
        "/问题 1",
        "问题 #1（市容秩序·玄帝庙街路西，5处）\n"
        "电动车乱停放5处\n"
        "状态：待处理，今天登记，12月1日前处置\n"
        "时限：1天\n"
        "照片：无\n"
        "记录：\n"
        "11-30 07:35 王晓明 登记",
        time=MONDAY + 60,
    )
