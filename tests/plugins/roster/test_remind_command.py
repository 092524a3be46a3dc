"""/提醒 测试: today's reminders, now, for trying the setup."""

from __future__ import annotations

from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import at, fake_group_message
from tests.plugins.roster.helpers import SITE_A, WED, chat, check_in, report, rows, seed, send


async def test_sends_todays_reminders_marked_as_a_test(app: App):
    from plugins.roster.model import Reminder

    await seed()
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷")
    await report(WED, SITE_A)
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/提醒 测试", user_id=10001, time=at("2026-12-02 08:10"))
        ctx.receive_event(bot, event)
        for text in (
            "【提醒测试】【今天值班】12月2日（周三） 07:30-09:00\n"
            "玄帝庙街路西：@王晓明 @李娜 @赵强\n市16网格：@周建国 @吴婷婷 @郑凯",
            "【提醒测试】【报到提醒】07:30 的值班已开始 30 分钟，以下同志还没有报到：\n"
            "市16网格：@郑凯\n到岗后请发送 /报到。",
            "【提醒测试】【日报提醒】今天（12月2日）这些地点的值班日报还没有收到：\n"
            "市16网格：@周建国（带班） @吴婷婷 @郑凯\n请把值班日报发到群里。",
        ):
            ctx.should_call_send(event, chat(text), result={"message_id": 1})
        ctx.should_call_send(
            event,
            "提醒测试完成。\n已发送：当天早上提醒、报到提醒、日报提醒。\n正式提醒照常按时发送。",
            result={"message_id": 2},
        )
    # A test is no reminder: the real ones still go out at their time.
    assert await rows(Reminder) == []


async def test_nothing_missing_is_said(app: App):
    from tests.plugins.roster.helpers import SITE_B

    await seed()
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷", "郑凯")
    await report(WED, SITE_A)
    await report(WED, SITE_B)
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/提醒 测试", user_id=10001, time=at("2026-12-02 08:10"))
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            chat(
                "【提醒测试】【今天值班】12月2日（周三） 07:30-09:00\n"
                "玄帝庙街路西：@王晓明 @李娜 @赵强\n市16网格：@周建国 @吴婷婷 @郑凯"
            ),
            result={"message_id": 1},
        )
        ctx.should_call_send(
            event,
            "提醒测试完成。\n已发送：当天早上提醒。\n"
            "没有要提醒的：报到提醒、日报提醒（大家都已报到或已交日报）。\n正式提醒照常按时发送。",
            result={"message_id": 2},
        )


async def test_the_day_before(app: App):
    await seed()
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/提醒 测试", user_id=10001, time=at("2026-12-01 12:00"))
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            chat(
                "【提醒测试】【值班提醒】明天 12月2日（周三） 07:30-09:00 值班：\n"
                "玄帝庙街路西：@王晓明（带班） @李娜 @赵强\n"
                "市16网格：@周建国（带班） @吴婷婷 @郑凯\n"
                "到岗后请发送 /报到；不能来请发送 /请假 或 /换班。"
            ),
            result={"message_id": 1},
        )
        ctx.should_call_send(
            event,
            "提醒测试完成。\n已发送：前一天提醒。\n正式提醒照常按时发送。",
            result={"message_id": 2},
        )


async def test_refusals(app: App):
    await seed()
    await send(app, "/提醒 测试", "只有协调人可以测试提醒。", user_id=20002)
    await send(
        app,
        "/提醒",
        "用法：/提醒 测试：马上发出今天的提醒，试试设置（协调人）",
        user_id=10001,
    )
    await send(
        app,
        "/提醒 测试",
        "夜间（22:00–07:00）不发提醒，请 7 点以后再试。",
        user_id=10001,
        time=at("2026-12-01 22:30"),
    )
    await send(
        app,
        "/提醒 测试",
        "今天和明天都没有值班，没有要发的提醒。",
        user_id=10001,
        time=at("2026-12-05 10:00"),
    )
