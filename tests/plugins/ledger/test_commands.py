"""The ledger commands in the group, with exact replies and the rows they leave."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebug import App

from tests.fake import SELF_ID, at, fake_group_message
from tests.photo_server import JPEG, PNG

ROAD = "玄帝庙街（铁北路至车站西路）路西"
MONDAY = at("2026-11-30 07:35")
TUESDAY = at("2026-12-01 08:00")
THURSDAY = at("2026-12-03 09:00")


async def send(app: App, message, reply: str | None, *, bot_message_id: int = 1, **event_args):
    """Post one group message; expect ``reply`` (None: expect silence)."""
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        event = fake_group_message(message, **event_args)
        ctx.receive_event(bot, event)
        if reply is not None:
            ctx.should_call_send(event, reply, result={"message_id": bot_message_id})
    return event


async def send_reply(
    app: App,
    quoted_id: int,
    quoted_text: str | None,
    message,
    reply: str | None,
    *,
    quoted_sender: int = SELF_ID,
    **event_args,
):
    """A QQ reply. The adapter asks for the quoted message (get_msg) and fills
    ``event.reply`` before any matcher runs; nonebug skips that step, so it is run here with
    the adapter's own function. ``quoted_text=None``: get_msg fails."""
    from nonebot.adapters.onebot.v11 import ActionFailed
    from nonebot.adapters.onebot.v11.bot import _check_reply

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        event = fake_group_message(MessageSegment.reply(quoted_id) + Message(message), **event_args)
        if quoted_text is None:
            ctx.should_call_api(
                "get_msg", {"message_id": quoted_id}, exception=ActionFailed(retcode=100)
            )
        else:
            ctx.should_call_api(
                "get_msg",
                {"message_id": quoted_id},
                result={
                    "time": MONDAY,
                    "message_type": "group",
                    "message_id": quoted_id,
                    "real_id": quoted_id,
                    "sender": {"user_id": quoted_sender, "nickname": "值班机器人"},
                    "message": [{"type": "text", "data": {"text": quoted_text}}],
                },
            )
        await _check_reply(bot, event)
        ctx.receive_event(bot, event)
        if reply is not None:
            ctx.should_call_send(event, reply, result={"message_id": 2})


async def rows(sql: str) -> list[tuple]:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return [tuple(r) for r in await session.execute(sa.text(sql))]


async def problems() -> list[tuple]:
    return await rows(
        "SELECT p.number, s.name, p.category, p.description, p.quantity, p.status, "
        "p.reporter_qq FROM ledger_problem p LEFT JOIN duty_site s ON s.id = p.site_id "
        "ORDER BY p.number"
    )


async def history(number: int = 1) -> list[tuple]:
    return await rows(
        "SELECT e.action, e.from_status, e.to_status, e.actor_qq, e.note FROM ledger_problemevent e "
        f"JOIN ledger_problem p ON p.id = e.problem_id WHERE p.number = {number} ORDER BY e.id"
    )


async def nothing_written() -> bool:
    counts = await rows(
        "SELECT (SELECT count(*) FROM ledger_problem), (SELECT count(*) FROM ledger_problemevent),"
        " (SELECT count(*) FROM ledger_photo)"
    )
    return counts == [(0, 0, 0)]


@pytest.fixture
def images(monkeypatch: pytest.MonkeyPatch, photo_dir):
    """Image links served from memory: http://img/<name>; anything else fails."""
    from plugins.ledger import photos

    served = {"http://img/before.png": PNG, "http://img/after.jpg": JPEG}
    asked: list[str] = []

    async def fake_fetch(url: str) -> bytes:
        asked.append(url)
        if url not in served:
            raise photos.PhotoError("HTTP 500")
        return served[url]

    monkeypatch.setattr(photos, "fetch_bytes", fake_fetch)
    return asked


def image(name: str) -> MessageSegment:
    return MessageSegment("image", {"file": f"{name}.image", "url": f"http://img/{name}"})


async def register(app: App, text="/问题 玄帝庙街 电动车乱停放5处", number=1, **kw) -> None:
    await send(
        app,
        text,
        f"已登记问题 #{number}（市容秩序·玄帝庙街路西，5处）",
        bot_message_id=9000 + number,
        **kw,
    )


# ---------------------------------------------------------------------------------------------
# /问题: registering


async def test_register_with_a_named_site(app: App):
    await register(app, time=MONDAY)
    assert await problems() == [(1, ROAD, "市容秩序", "电动车乱停放5处", 5, "open", 20001)]
    assert await history() == [("register", None, "open", 20001, "")]
    [(found_at, found_on, due_on, bot_message_id, source)] = await rows(
        "SELECT found_at, found_on, due_on, bot_message_id, source FROM ledger_problem"
    )
    assert str(found_at).startswith("2026-11-29 23:35")  # the message's own time, in UTC
    assert (str(found_on), str(due_on)) == ("2026-11-30", "2026-12-01")
    assert (bot_message_id, source) == ("9001", "command")


async def test_numbers_count_up(app: App):
    await register(app)
    await send(app, "/问题 凤凰城 井盖松动", "已登记问题 #2（基础设施·市16网格，1处）")
    await send(
        app, "／问题 玄帝庙街 垃圾桶满溢 #环境卫生", "已登记问题 #3（环境卫生·玄帝庙街路西，1处）"
    )


async def test_chinese_quantity_and_category_override(app: App):
    await send(
        app,
        "/问题 玄帝庙街 共享单车五辆堵住盲道 #文明",
        "已登记问题 #1（文明行为·玄帝庙街路西，5处）",
    )


async def test_site_from_the_roster(app: App, served):
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import RosterEntry, Staff

    async with get_session() as session:
        staff = await session.scalar(sa.select(Staff).where(Staff.name == "王晓明"))
        session.add(
            RosterEntry(
                unit_id=served.unit_id,
                site_id=served.site_ids["市16网格（南苑街道凤凰城社区）"],
                staff_id=staff.id,
                duty_date=date(2026, 11, 30),
            )
        )
        await session.commit()
    await send(app, "/问题 井盖松动", "已登记问题 #1（基础设施·市16网格，1处）", time=MONDAY)


async def test_site_from_todays_checkin(app: App):
    await send(app, "/报到 凤凰城", "已报到（市16网格 1人）：王晓明", time=MONDAY)
    await send(app, "/问题 井盖松动", "已登记问题 #1（基础设施·市16网格，1处）", time=MONDAY)


async def test_asks_for_the_site_and_keeps_the_reply_id(app: App):
    await send(
        app, "/问题 井盖松动", "在哪个地点登记问题？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格"
    )
    assert await nothing_written()
    await send(app, "2", "已登记问题 #1（基础设施·市16网格，1处）", bot_message_id=7777)
    assert await rows("SELECT bot_message_id FROM ledger_problem") == [("7777",)]


async def test_found_and_fixed_on_the_spot(app: App):
    await send(
        app,
        "/问题 玄帝庙街 烟头20个 已清理",
        "已登记问题 #1（环境卫生·玄帝庙街路西，20处，现场已整改）",
    )
    assert await rows("SELECT status, resolved_quantity, on_the_spot FROM ledger_problem") == [
        ("resolved", 20, 1)
    ]
    assert await history() == [("register", None, "resolved", 20001, "现场整改")]


async def test_register_with_photos(app: App, images, photo_dir):
    import hashlib

    message = Message("/问题 玄帝庙街 电动车乱停放5处") + image("before.png") + image("before.png")
    await send(app, message, "已登记问题 #1（市容秩序·玄帝庙街路西，5处，照片2张）")
    digest = hashlib.sha256(PNG).hexdigest()
    assert (
        await rows("SELECT stage, status, path, sha256, source_url, error FROM ledger_photo")
        == [
            ("before", "saved", f"photos/2026-11/{digest}.png", digest, "http://img/before.png", "")
        ]
        * 2
    )
    assert (photo_dir / "photos" / "2026-11" / f"{digest}.png").read_bytes() == PNG


async def test_a_photo_that_fails_is_noted_and_the_problem_kept(app: App, images):
    message = Message("/问题 玄帝庙街 电动车乱停放5处") + image("before.png") + image("gone.png")
    await send(
        app,
        message,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处，照片1张）\n"
        "1张照片没能保存（HTTP 500），可回复本条消息补发照片。",
    )
    assert await rows("SELECT status, error FROM ledger_photo ORDER BY id") == [
        ("saved", ""),
        ("failed", "HTTP 500"),
    ]
    assert len(await problems()) == 1
    assert images.count("http://img/gone.png") == 3  # retried


async def test_usage_without_arguments(app: App):
    await send(
        app,
        "/问题",
        "用法：/问题 [地点] 描述 [#类别] [图片]：登记问题；/问题 列表 [地点|类别]；/问题 12 查看",
    )


async def test_empty_description(app: App, images):
    await send(
        app,
        Message("/问题 玄帝庙街 ") + image("before.png"),
        "请写上问题描述，如：/问题 玄帝庙街路西 电动车乱停放5处（可附照片）",
    )
    assert await nothing_written()
    assert images == []  # nothing downloaded for a refused message


async def test_description_of_five_thousand_characters(app: App):
    await send(
        app,
        "/问题 玄帝庙街 " + "电动车乱停放" * 833 + "乱停",
        "描述太长（5000字），请控制在500字以内；多个问题请分条登记。",
    )
    assert await nothing_written()


async def test_unknown_category(app: App):
    await send(
        app,
        "/问题 玄帝庙街 路灯不亮 #路灯",
        "没有“路灯”这个类别。可用：环境卫生、市容秩序、基础设施、宣传氛围、文明行为、其他",
    )
    assert await nothing_written()


async def test_not_staff(app: App):
    await send(
        app,
        "/问题 玄帝庙街 电动车乱停放5处",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=55555,
    )
    assert await nothing_written()


# ---------------------------------------------------------------------------------------------
# /协调 /解决 and reply-to-resolve


async def test_coordinate_then_resolve_with_an_after_photo(app: App, images):
    await register(app, time=MONDAY)
    await send(
        app,
        "/协调 1 城管执法中队",
        "问题 #1（市容秩序·玄帝庙街路西，5处） 协调中：已交城管执法中队处理。",
        user_id=20002,
        time=MONDAY + 600,
    )
    await send(
        app,
        Message("/解决 #1 城管已清走") + image("after.jpg"),
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，整改后照片1张）\n"
        "如需下次值班现场核查，请发送：/核查 1",
        user_id=20003,
        time=MONDAY + 3600,
    )
    assert await history() == [
        ("register", None, "open", 20001, ""),
        ("coordinate", "open", "coordinating", 20002, "城管执法中队"),
        ("resolve", "coordinating", "resolved", 20003, "城管已清走"),
    ]
    [(by, resolved_at, resolved_on, note, coordinating_with, quantity)] = await rows(
        "SELECT resolved_by_qq, resolved_at, resolved_on, resolution_note, coordinating_with, "
        "resolved_quantity FROM ledger_problem"
    )
    assert (by, str(resolved_on), note, coordinating_with, quantity) == (
        20003,
        "2026-11-30",
        "城管已清走",
        "城管执法中队",
        5,
    )
    assert str(resolved_at).startswith("2026-11-30 00:35")
    assert await rows("SELECT stage, status FROM ledger_photo") == [("after", "saved")]


async def test_resolving_late_says_so(app: App):
    await register(app, time=MONDAY)
    await send(
        app,
        "/解决 1",
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，超期2天）",
        time=THURSDAY,
    )


async def test_resolving_twice(app: App):
    await register(app, time=MONDAY)
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", time=MONDAY + 60)
    await send(
        app,
        "/解决 1",
        "问题 #1 已于11-30 07:36解决，无需重复。如问题又出现，请发送：/重开 1 原因",
        user_id=20002,
    )
    assert len(await history()) == 2


async def test_unknown_number(app: App):
    await send(app, "/解决 12", "没有问题 #12。发送 /问题 列表 查看未解决的问题。")
    await send(app, "/协调 十二 城管", "没有问题 #12。发送 /问题 列表 查看未解决的问题。")
    await send(app, "/问题 12", "没有问题 #12。发送 /问题 列表 查看未解决的问题。")
    assert await nothing_written()


async def test_a_problem_of_another_unit_is_not_reachable(app: App, two_units):
    await send(
        app,
        "/问题 玄帝庙街 电动车乱停放5处",
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        group_id=700000002,
    )
    await send(
        app,
        "/问题 玄帝庙街 井盖松动",
        "已登记问题 #2（基础设施·玄帝庙街路西，1处）",
        group_id=700000002,
    )
    await send(app, "/解决 2", "没有问题 #2。发送 /问题 列表 查看未解决的问题。")
    assert await rows("SELECT count(*) FROM ledger_problem WHERE status = 'resolved'") == [(0,)]
    await register(app)  # this unit's own #1
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")
    assert await rows(
        "SELECT u.name, p.number, p.status FROM ledger_problem p JOIN duty_unit u "
        "ON u.id = p.unit_id ORDER BY u.name, p.number"
    ) == [
        ("市商务局", 1, "open"),
        ("市商务局", 2, "open"),
        ("市外侨办", 1, "resolved"),
    ]


async def test_command_without_number_or_body(app: App):
    await send(
        app,
        "/解决",
        "用法：/解决 12 [说明] [图片]：问题已解决（也可回复“已登记问题”消息：已解决 + 照片）",
    )
    await send(app, "/协调 1", "请写上交哪个单位处理，如：/协调 1 城管执法中队")
    await send(app, "/协调 城管", "用法：/协调 12 单位：交有关单位处理，如 /协调 12 城管执法中队")


async def test_reply_to_the_bot_message_resolves(app: App, images):
    await register(app, time=MONDAY)  # the bot's reply had message id 9001
    await send_reply(
        app,
        9001,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        Message("已整改，车都挪走了") + image("after.jpg"),
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，整改后照片1张）",
        user_id=20002,
        time=MONDAY + 1800,
    )
    assert await history() == [
        ("register", None, "open", 20001, ""),
        ("resolve", "open", "resolved", 20002, "车都挪走了"),
    ]
    assert await rows("SELECT stage FROM ledger_photo") == [("after",)]


async def test_reply_to_the_report_itself_resolves(app: App):
    event = await send(
        app, "/问题 玄帝庙街 电动车乱停放5处", "已登记问题 #1（市容秩序·玄帝庙街路西，5处）"
    )
    await send_reply(
        app,
        event.message_id,
        "/问题 玄帝庙街 电动车乱停放5处",
        "已解决",
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处）",
        quoted_sender=20001,
    )


async def test_reply_when_the_quoted_message_cannot_be_fetched(app: App):
    await register(app)
    # get_msg failed: the reply segment stays in the message and its id is enough.
    await send_reply(app, 9001, None, "已解决", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")


async def test_reply_found_by_the_number_in_the_quoted_text(app: App):
    await register(app)
    await register(app, number=2)
    # The bot's message id was not kept (e.g. a restart lost it): "#2" in the quote is enough.
    await send_reply(
        app,
        123,
        "已登记问题 #2（市容秩序·玄帝庙街路西，5处）",
        "已解决",
        "已解决问题 #2（市容秩序·玄帝庙街路西，5处）",
    )
    assert [p[5] for p in await problems()] == ["open", "resolved"]


async def test_an_ordinary_reply_is_left_alone(app: App):
    await register(app)
    await send_reply(app, 4242, "空调坏了谁来修一下", "已解决", None, quoted_sender=20005)
    assert [p[5] for p in await problems()] == ["open"]


async def test_reply_to_resolve_twice(app: App):
    await register(app, time=MONDAY)
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", time=MONDAY + 60)
    await send_reply(
        app,
        9001,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        "已解决",
        "问题 #1 已于11-30 07:36解决，无需重复。如问题又出现，请发送：/重开 1 原因",
    )


async def test_slash_resolve_as_a_reply_needs_no_number(app: App):
    await register(app)
    await send_reply(
        app,
        9001,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        "/解决 已清理",
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处）",
    )
    assert (await history())[-1][4] == "已清理"


async def test_photos_sent_later_as_a_reply(app: App, images):
    await register(app)
    await send_reply(
        app,
        9001,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        image("before.png"),
        "已为问题 #1 补充整改前照片1张。",
    )
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")
    await send_reply(
        app,
        9001,
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        Message("补充") + image("after.jpg") + image("gone.png"),
        "已为问题 #1 补充整改后照片1张。\n1张照片没能保存（HTTP 500），请稍后再发一次。",
    )
    assert await rows("SELECT stage, status FROM ledger_photo ORDER BY id") == [
        ("before", "saved"),
        ("after", "saved"),
        ("after", "failed"),
    ]
    assert [h[0] for h in await history()] == ["register", "resolve"]  # no status change


async def test_a_picture_replying_to_something_else_is_left_alone(app: App, images):
    await send_reply(app, 4242, "今天谁值班", image("before.png"), None, quoted_sender=20005)
    assert images == []


# ---------------------------------------------------------------------------------------------
# /核查 /重开 /撤销


async def test_recheck_pass(app: App):
    await register(app, time=MONDAY)
    await send(
        app,
        "/协调 1 城管执法中队",
        "问题 #1（市容秩序·玄帝庙街路西，5处） 协调中：已交城管执法中队处理。",
    )
    await send(
        app,
        "/解决 1",
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处）\n如需下次值班现场核查，请发送：/核查 1",
    )
    await send(
        app,
        "/核查 1",
        "问题 #1 待核查：下次在玄帝庙街路西值班时现场看一下。\n看过后发送 /核查 1 通过，或 /重开 1 原因",
    )
    await send(
        app,
        "/核查 1",
        "问题 #1 已在待核查。看过后发送 /核查 1 通过，或 /重开 1 原因",
    )
    await send(
        app,
        "/解决 1",
        "问题 #1 已于11-30 07:35解决，正等待现场核查。看过后请发送 /核查 1 通过，或 /重开 1 原因",
    )
    await send(app, "/核查 1 通过", "问题 #1 核查通过，已结案。", user_id=20004)
    assert [h[:3] for h in await history()][-2:] == [
        ("recheck", "resolved", "rechecking"),
        ("verify", "rechecking", "verified"),
    ]


async def test_recheck_failed_reopens_as_rework(app: App):
    await register(app, time=MONDAY)
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", time=MONDAY)
    await send(
        app,
        "/核查 1 不通过 还停着两辆",
        "问题 #1 已重开（待处理，第1次返工），请于12月2日前处置。",
        time=TUESDAY,
    )
    assert (await history())[-1] == ("reopen", "resolved", "open", 20001, "还停着两辆")
    assert await rows(
        "SELECT rework_count, resolved_on, resolved_quantity FROM ledger_problem"
    ) == [(1, None, 0)]


async def test_reopen(app: App):
    await register(app, time=MONDAY)
    await send(app, "/重开 1 又停满了", "问题 #1 还没有解决（待处理），不需要重开。")
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")
    await send(app, "/重开 1", "请写上重开的原因，如：/重开 1 电动车又停满了")
    await send(
        app,
        "/重开 1 又停满了",
        "问题 #1 已重开（待处理，第1次返工），请于12月4日前处置。",
        time=THURSDAY,
    )


async def test_recheck_of_an_unresolved_problem(app: App):
    await register(app)
    await send(
        app, "/核查 1", "问题 #1 还没有解决（待处理），解决后才能核查。解决了请发送：/解决 1"
    )
    await send(app, "/核查 1 看看", "没看懂“看看”。核查后请发送 /核查 1 通过，或 /重开 1 原因")


async def test_withdraw_by_the_reporter(app: App):
    await register(app)
    await send(app, "/撤销 1", "请写上撤销的原因，如：/撤销 1 重复登记")
    await send(app, "/撤销 1 重复登记", "问题 #1 已撤销：重复登记")
    assert await history() == [
        ("register", None, "open", 20001, ""),
        ("withdraw", "open", "withdrawn", 20001, "重复登记"),
    ]
    await send(
        app,
        "/解决 1",
        "问题 #1 已撤销，不能再解决。如需登记，请重新发送 /问题 地点 描述",
    )


async def test_withdraw_by_someone_else_or_a_coordinator(app: App):
    await register(app)
    await send(app, "/撤销 1 登错了", "只有登记人或协调人可以撤销问题。", user_id=20002)
    await send(app, "/撤销 1 登错了", "问题 #1 已撤销：登错了", user_id=10001)  # a coordinator
    assert [h[3] for h in await history()] == [20001, 10001]


async def test_not_staff_cannot_change(app: App):
    await register(app)
    for command in ("/解决 1", "/协调 1 城管", "/核查 1", "/重开 1 原因", "/撤销 1 原因"):
        await send(
            app,
            command,
            "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
            user_id=55555,
        )
    assert len(await history()) == 1


# ---------------------------------------------------------------------------------------------
# /问题 列表, /问题 12


async def test_list_oldest_first_with_age_and_overdue(app: App):
    await register(app, time=MONDAY)
    await send(app, "/问题 凤凰城 井盖松动", "已登记问题 #2（基础设施·市16网格，1处）", time=MONDAY)
    await send(
        app, "/问题 凤凰城 小广告3处", "已登记问题 #3（市容秩序·市16网格，3处）", time=TUESDAY
    )
    await send(
        app, "/协调 2 市政维修", "问题 #2（基础设施·市16网格，1处） 协调中：已交市政维修处理。"
    )
    await send(
        app, "/问题 玄帝庙街 烟头 已清理", "已登记问题 #4（环境卫生·玄帝庙街路西，1处，现场已整改）"
    )
    await send(
        app,
        "/问题 列表",
        "未解决问题3个（2个已超期），最早的在前：\n"
        "#1 玄帝庙街路西·市容秩序 电动车乱停放5处｜3天 已超期\n"
        "#2 市16网格·基础设施 井盖松动｜协调中 市政维修｜3天\n"
        "#3 市16网格·市容秩序 小广告3处｜2天 已超期",
        time=THURSDAY,
    )
    await send(
        app,
        "/问题 列表 凤凰城",
        "市16网格未解决问题2个（1个已超期），最早的在前：\n"
        "#2 市16网格·基础设施 井盖松动｜协调中 市政维修｜3天\n"
        "#3 市16网格·市容秩序 小广告3处｜2天 已超期",
        time=THURSDAY,
    )
    await send(
        app,
        "/问题 列表 #市容",
        "市容秩序未解决问题2个（2个已超期），最早的在前：\n"
        "#1 玄帝庙街路西·市容秩序 电动车乱停放5处｜3天 已超期\n"
        "#3 市16网格·市容秩序 小广告3处｜2天 已超期",
        time=THURSDAY,
    )
    await send(app, "/问题 列表 宣传", "宣传氛围没有未解决的问题。")
    await send(
        app,
        "/问题 列表 火星",
        "没认出“火星”。可写地点（玄帝庙街路西、市16网格）、类别（环境卫生、市容秩序、基础设施、宣传氛围、文明行为、其他）或 全部。",
    )


async def test_list_shows_problems_waiting_for_a_recheck(app: App):
    await register(app, time=MONDAY)
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）")
    await send(
        app,
        "/核查 1",
        "问题 #1 待核查：下次在玄帝庙街路西值班时现场看一下。\n看过后发送 /核查 1 通过，或 /重开 1 原因",
    )
    await send(
        app,
        "/问题 列表 全部",
        "未解决问题0个，待核查1个，最早的在前：\n#1 玄帝庙街路西·市容秩序 电动车乱停放5处｜待核查",
    )


async def test_show_one_problem_with_its_history(app: App, images):
    await send(
        app,
        Message("/问题 玄帝庙街 电动车乱停放5处") + image("before.png") + image("gone.png"),
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处，照片1张）\n"
        "1张照片没能保存（HTTP 500），可回复本条消息补发照片。",
        time=MONDAY,
    )
    await send(
        app,
        "/协调 1 城管执法中队",
        "问题 #1（市容秩序·玄帝庙街路西，5处） 协调中：已交城管执法中队处理。",
        user_id=20002,
        time=TUESDAY,
    )
    await send(
        app,
        "/问题 #1",
        "问题 #1（市容秩序·玄帝庙街路西，5处）\n"
        "电动车乱停放5处\n"
        "状态：协调中（城管执法中队），已3天，已超期2天\n"
        "时限：1天（12月1日前）\n"
        "照片：整改前1张，整改后0张（另有1张没能保存）\n"
        "记录：\n"
        "11-30 07:35 王晓明 登记\n"
        "12-01 08:00 李娜 协调：城管执法中队",
        time=THURSDAY,
    )
    await send(
        app,
        "/解决 1 已清走",
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，超期2天）\n如需下次值班现场核查，请发送：/核查 1",
        time=THURSDAY,
    )
    await send(
        app,
        "/问题 1",
        "问题 #1（市容秩序·玄帝庙街路西，5处）\n"
        "电动车乱停放5处\n"
        "状态：已解决，12-03 09:00解决，超期2天\n"
        "时限：1天（12月1日前）\n"
        "照片：整改前1张，整改后0张（另有1张没能保存）\n"
        "记录：\n"
        "11-30 07:35 王晓明 登记\n"
        "12-01 08:00 李娜 协调：城管执法中队\n"
        "12-03 09:00 王晓明 解决：已清走",
        time=THURSDAY,
    )


async def test_help_lists_the_ledger_commands(app: App):
    await send(app, "/帮助 撤销", "用法：/撤销 12 原因：撤销重复或登记错的问题（登记人或协调人）")


# ---------------------------------------------------------------------------------------------
# Exactly once


async def test_a_redelivered_message_is_recorded_once(app: App):
    from plugins.duty import inbox

    await send(
        app,
        "/问题 玄帝庙街 电动车乱停放5处",
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）",
        message_id=880,
    )
    await send(app, "/解决 1", "已解决问题 #1（市容秩序·玄帝庙街路西，5处）", message_id=881)
    inbox.forget_recent()  # as after a restart: found in the database
    await send(app, "/问题 玄帝庙街 电动车乱停放5处", None, message_id=880)
    await send(app, "/解决 1", None, message_id=881)
    assert len(await problems()) == 1
    assert [h[0] for h in await history()] == ["register", "resolve"]
    assert await rows(
        "SELECT message_id FROM duty_processedmessage WHERE message_id IN ('880', '881')"
    ) == [("880",), ("881",)]


async def test_private_chat_points_to_the_group(app: App):
    from tests.fake import fake_private_message

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        for text in ("/问题 玄帝庙街 井盖松动", "/解决 1"):
            event = fake_private_message(text)
            ctx.receive_event(bot, event)
            ctx.should_call_send(
                event,
                "问题请在值班工作群里登记和处理（/问题、/解决 等），方便大家看到。",
                result={"message_id": 1},
            )
    assert await nothing_written()


async def test_a_full_disk_keeps_the_problem_and_says_so(app: App, images, monkeypatch):
    import errno

    from plugins.ledger import photos

    def no_space(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(photos, "_store", no_space)
    await send(
        app,
        Message("/问题 玄帝庙街 电动车乱停放5处") + image("before.png"),
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处）\n"
        "1张照片没能保存（磁盘已满，无法保存），可回复本条消息补发照片。",
    )
    assert await rows("SELECT status, error FROM ledger_photo") == [
        ("failed", "磁盘已满，无法保存")
    ]
    assert len(await problems()) == 1


async def test_a_number_too_large_for_the_database_is_no_problem(app: App):
    huge = "9" * 30
    for command in (f"/重开 {huge} 又乱了", f"/问题 {huge}", f"/解决 {huge}"):
        await send(app, command, f"没有问题 #{huge}。发送 /问题 列表 查看未解决的问题。")
