from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from nonebug import App

from tests.fake import GROUP, at, fake_group_message

SITE = "玄帝庙街（铁北路至车站西路）路西"


async def checkins(day: date = date(2026, 11, 30)) -> list[tuple[str, str, str]]:
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import Checkin, Site, Staff

    async with get_session() as session:
        rows = await session.execute(
            sa.select(Staff.name, Site.name, Checkin.source)
            .join(Staff, Staff.id == Checkin.staff_id)
            .join(Site, Site.id == Checkin.site_id)
            .where(Checkin.duty_date == day)
            .order_by(Checkin.id)
        )
        return [(name, site, source.value) for name, site, source in rows]


async def send(app: App, text: str, reply: str, **event_args) -> None:
    from nonebot.adapters.onebot.v11 import Bot

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message(text, **event_args)
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, reply, result={"message_id": 1})


async def test_checkin_with_named_site(app: App):
    await send(app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明")
    assert await checkins() == [("王晓明", SITE, "self")]


async def test_full_width_slash_and_alias_of_site(app: App):
    await send(app, "／报到 玄帝庙街西侧", "已报到（玄帝庙街路西 1人）：王晓明")
    assert len(await checkins()) == 1


async def test_second_checkin_counts_once(app: App):
    await send(
        app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明", time=at("2026-11-30 07:32")
    )
    await send(
        app,
        "/报到 玄帝庙街",
        "你今天 07:32 已在玄帝庙街路西报到过，不重复计。\n已报到（玄帝庙街路西 1人）：王晓明",
        time=at("2026-11-30 07:50"),
    )
    assert len(await checkins()) == 1


async def test_checkins_list_everyone_present(app: App):
    await send(app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明", user_id=20001)
    await send(app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 2人）：王晓明、李娜", user_id=20002)
    await send(app, "/报到 凤凰城", "已报到（市16网格 1人）：赵强", user_id=20003)
    assert [c[0] for c in await checkins()] == ["王晓明", "李娜", "赵强"]


async def test_event_time_decides_the_day(app: App):
    # A message sent late on the 29th and delivered later still counts for the 29th.
    await send(
        app,
        "/报到 玄帝庙街",
        "已报到（玄帝庙街路西 1人）：王晓明\n"
        "注意：今天的值班时间 07:30–09:00 已过，这次报到记在 23:59。如是误发，请发送：/报到 撤销",
        time=at("2026-11-29 23:59"),
    )
    assert await checkins(date(2026, 11, 29)) == [("王晓明", SITE, "self")]
    assert await checkins(date(2026, 11, 30)) == []


async def test_site_from_the_roster(app: App):
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import RosterEntry, Site, Staff

    async with get_session() as session:
        site = await session.scalar(sa.select(Site).where(Site.name.like("市16网格%")))
        staff = await session.scalar(sa.select(Staff).where(Staff.name == "王晓明"))
        session.add(
            RosterEntry(
                unit_id=site.unit_id,
                site_id=site.id,
                staff_id=staff.id,
                duty_date=date(2026, 11, 30),
            )
        )
        await session.commit()
    await send(app, "/报到", "已报到（市16网格 1人）：王晓明")


async def test_unknown_site_asks_which_then_numbered_answer(app: App):
    await send(app, "/报到", "在哪个地点报到？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格")
    assert await checkins() == []
    await send(app, "2", "已报到（市16网格 1人）：王晓明")
    assert await checkins() == [("王晓明", "市16网格（南苑街道凤凰城社区）", "self")]


async def test_question_does_not_swallow_other_messages(app: App):
    from nonebot.adapters.onebot.v11 import Bot

    await send(app, "/报到", "在哪个地点报到？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格")
    # Someone else answering "1" is not the asker: nothing happens.
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.receive_event(bot, fake_group_message("1", user_id=20002))
    # The asker going on with a command gets that command handled.
    await send(
        app,
        "/帮助 报到",
        "用法：/报到 [地点]：到岗报到；带班负责人可 /报到 姓名… 替他人报到；/报到 撤销：撤销报错的报到",
    )
    await send(app, "1", "已报到（玄帝庙街路西 1人）：王晓明")


async def test_answer_uses_the_time_of_the_first_message(app: App):
    await send(
        app,
        "/报到",
        "在哪个地点报到？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格",
        time=at("2026-11-29 23:58"),
    )
    await send(
        app,
        "玄帝庙街",
        "已报到（玄帝庙街路西 1人）：王晓明\n"
        "注意：今天的值班时间 07:30–09:00 已过，这次报到记在 23:58。如是误发，请发送：/报到 撤销",
        time=at("2026-11-30 00:01"),
    )
    assert len(await checkins(date(2026, 11, 29))) == 1


async def test_not_staff_is_told_how_to_bind(app: App):
    await send(
        app,
        "/报到 玄帝庙街",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=55555,
    )
    assert await checkins() == []


async def test_group_card_binds_automatically(app: App):
    # 何永军 has no QQ number in the unit file.
    await send(
        app,
        "/报到 玄帝庙街",
        "已报到（玄帝庙街路西 1人）：何永军",
        user_id=30013,
        card="友协办-何永军",
    )
    assert await checkins() == [("何永军", SITE, "self")]


async def test_leader_checks_in_others(app: App):
    await send(
        app,
        "/报到 玄帝庙街 李娜 赵强",
        "已为 李娜、赵强 报到。\n已报到（玄帝庙街路西 2人）：李娜、赵强",
        user_id=20001,
    )
    assert [(c[0], c[2]) for c in await checkins()] == [("李娜", "leader"), ("赵强", "leader")]


async def test_leader_with_unknown_name(app: App):
    await send(
        app,
        "/报到 玄帝庙街 李娜 张三",
        "已为 李娜 报到。\n已报到（玄帝庙街路西 1人）：李娜\n"
        "注意：没认出 “张三”，已略过（不是地点，也不在值班名单里）。"
        "地点可写：玄帝庙街路西、市16网格；姓名请按值班名单写。",
        user_id=20001,
    )
    assert [c[0] for c in await checkins()] == ["李娜"]


async def test_member_cannot_check_in_others(app: App):
    await send(
        app,
        "/报到 玄帝庙街 赵强",
        "只有带班负责人或协调人可以替别人报到。自己报到请发送：/报到",
        user_id=20002,
    )
    assert await checkins() == []


async def test_coordinator_checks_in_by_mention(app: App):
    from nonebot.adapters.onebot.v11 import Message, MessageSegment

    message = Message("/报到 凤凰城 ") + MessageSegment.at(20004) + MessageSegment.at(20005)
    await send(
        app,
        message,
        "已为 刘海燕、陈志远 报到。\n已报到（市16网格 2人）：刘海燕、陈志远",
        user_id=10001,
    )
    assert [c[2] for c in await checkins()] == ["leader", "leader"]


async def test_unknown_word_only(app: App):
    await send(
        app,
        "/报到 火星",
        "没有报到：没认出 “火星”（不是地点，也不在值班名单里）。"
        "地点可写：玄帝庙街路西、市16网格；姓名请按值班名单写。",
    )
    assert await checkins() == []


async def test_other_groups_are_ignored(app: App):
    from nonebot.adapters.onebot.v11 import Bot

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.receive_event(bot, fake_group_message("/报到 玄帝庙街", group_id=123))
    assert await checkins() == []
    assert GROUP != 123


async def test_a_card_that_only_contains_a_name_binds_nobody(app: App):
    # 宋佳 has no QQ number in the unit file; her name is inside this parent's card.
    await send(
        app,
        "/报到 玄帝庙街",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=30020,
        card="宋佳佳的家长",
    )
    assert await checkins() == []
    await send(
        app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：宋佳", user_id=30021, card="友协办-宋佳"
    )
    assert await checkins() == [("宋佳", SITE, "self")]
