"""Ordinary slips around /报到 and the bot itself (issue 14): each gets a clear answer and
changes nothing wrongly."""

from __future__ import annotations

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebug import App

from tests.fake import SELF_ID, at, fake_group_message, fake_private_message
from tests.plugins.duty.test_checkin import SITE, checkins, send

GRID = "市16网格（南苑街道凤凰城社区）"
ASK = "在哪个地点报到？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格"


async def audit_rows(action: str) -> list[str]:
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import AuditEntry

    async with get_session() as session:
        return list(
            await session.scalars(
                sa.select(AuditEntry.detail)
                .where(AuditEntry.action == action)
                .order_by(AuditEntry.id)
            )
        )


# ---------------------------------------------------------------------------------------------
# The site question


async def test_a_number_that_is_no_choice_is_answered_and_the_question_stays(app: App):
    await send(app, "/报到", ASK)
    await send(app, "3", "没有第 3 个地点。请回复 1–2 的序号：\n1. 玄帝庙街路西\n2. 市16网格")
    assert await checkins() == []
    await send(app, "2", "已报到（市16网格 1人）：王晓明")
    assert await checkins() == [("王晓明", GRID, "self")]


# ---------------------------------------------------------------------------------------------
# @机器人 alone, 帮助 without the slash


async def _said_to_the_bot(app: App, message: Message, reply: str | None) -> None:
    from nonebot.adapters.onebot.v11.bot import _check_at_me

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        event = fake_group_message(message)
        _check_at_me(bot, event)  # the adapter's own step: strips the @ and sets to_me
        ctx.receive_event(bot, event)
        if reply is not None:
            ctx.should_call_send(event, reply, result={"message_id": 1})


async def test_a_bare_mention_gets_the_short_help(app: App):
    from plugins.duty import SHORT_HELP

    await _said_to_the_bot(app, Message(MessageSegment.at(SELF_ID)), SHORT_HELP)
    await _said_to_the_bot(app, MessageSegment.at(SELF_ID) + " 帮助", SHORT_HELP)
    assert SHORT_HELP.endswith("全部命令请发送：/帮助")


async def test_help_without_slash_in_private_chat(app: App):
    from plugins.duty import SHORT_HELP

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_private_message("帮助")
        ctx.receive_event(bot, event)
        ctx.should_call_send(event, SHORT_HELP, result={"message_id": 1})


async def test_plain_help_word_not_addressed_to_the_bot_is_left_alone(app: App):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.receive_event(bot, fake_group_message("帮助"))


# ---------------------------------------------------------------------------------------------
# Remarks on unusual check-ins, and taking one back


async def test_checkin_after_the_duty_ended_is_remarked_on(app: App):
    await send(
        app,
        "/报到 玄帝庙街",
        "已报到（玄帝庙街路西 1人）：王晓明\n"
        "注意：今天的值班时间 07:30–09:00 已过，这次报到记在 10:30。如是误发，请发送：/报到 撤销",
        time=at("2026-11-30 10:30"),
    )
    assert await checkins() == [("王晓明", SITE, "self")]


async def test_checkin_at_a_second_site_is_remarked_on(app: App):
    await send(
        app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明", time=at("2026-11-30 07:32")
    )
    await send(
        app,
        "/报到 凤凰城",
        "已报到（市16网格 1人）：王晓明\n"
        "注意：你今天 07:32 已在玄帝庙街路西报到，现在两个地点都记了到岗。"
        "报错了哪个就撤销哪个，如：/报到 撤销 玄帝庙街路西",
        time=at("2026-11-30 07:40"),
    )


async def test_leader_checking_others_in_late_is_told_who_can_undo(app: App):
    await send(
        app,
        "/报到 凤凰城 李娜",
        "已为 李娜 报到。\n已报到（市16网格 1人）：李娜",
        time=at("2026-11-30 07:32"),
    )
    await send(
        app,
        "/报到 玄帝庙街 李娜",
        "已为 李娜 报到。\n已报到（玄帝庙街路西 1人）：李娜\n"
        "注意：今天的值班时间 07:30–09:00 已过，这次报到记在 09:10。"
        "如是误发，请协调人发送：/报到 撤销 李娜\n"
        "注意：李娜今天 07:32 已在市16网格报到，现在两个地点都记了到岗。"
        "报错了请协调人撤销，如：/报到 撤销 李娜 市16网格",
        user_id=20001,
        time=at("2026-11-30 09:10"),
    )


async def test_undo_ones_own_checkin(app: App):
    await send(
        app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明", time=at("2026-11-30 07:32")
    )
    await send(
        app,
        "/报到 凤凰城",
        "已报到（市16网格 1人）：王晓明\n" + _second_site_note(),
        time=at("2026-11-30 07:40"),
    )
    await send(
        app,
        "/报到 撤销 玄帝庙街",
        "已撤销 王晓明 11月30日 07:32 在玄帝庙街路西的报到（已记入改动记录）。",
        time=at("2026-11-30 07:41"),
    )
    assert await checkins() == [("王晓明", GRID, "self")]
    [detail] = await audit_rows("checkin_undo")
    assert detail.startswith("撤销 王晓明 2026-11-30 的报到：")
    assert "07:32" in detail and "来源 self" in detail
    await send(
        app,
        "/报到 撤销 玄帝庙街",
        "王晓明11月30日没有在玄帝庙街路西报到，没有可撤销的。",
        time=at("2026-11-30 07:42"),
    )


def _second_site_note() -> str:
    return (
        "注意：你今天 07:32 已在玄帝庙街路西报到，现在两个地点都记了到岗。"
        "报错了哪个就撤销哪个，如：/报到 撤销 玄帝庙街路西"
    )


async def test_undo_someone_elses_checkin_is_for_the_coordinator(app: App):
    await send(app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：李娜", user_id=20002)
    await send(
        app,
        "/报到 撤销 李娜",
        "只有协调人可以撤销别人的报到。撤销自己的请发送：/报到 撤销",
        user_id=20003,
    )
    assert len(await checkins()) == 1
    await send(
        app,
        "/报到 撤销 李娜 11-30",
        "已撤销 李娜 11月30日 07:35 在玄帝庙街路西的报到（已记入改动记录）。",
        user_id=10001,
        time=at("2026-12-01 09:00"),
    )
    assert await checkins() == []
    assert len(await audit_rows("checkin_undo")) == 1


# ---------------------------------------------------------------------------------------------
# Words /报到 does not know


async def test_close_typo_of_a_site_gets_a_suggestion(app: App):
    await send(
        app,
        "/报到 玄地庙街",
        "没有报到：没认出 “玄地庙街”。是不是“玄帝庙街路西”？请发送：/报到 玄帝庙街路西",
    )
    assert await checkins() == []
