"""/值班表 and /我的值班, in the group and in private chat."""

from __future__ import annotations

from nonebug import App

from tests.fake import at
from tests.plugins.roster.helpers import msg, seed, send, send_private

WEEK_TEXT = (
    "本周值班（11月30日—12月6日）（07:30-09:00，★为带班）\n"
    "12月2日（周三）\n"
    "玄帝庙街路西：王晓明★ 李娜 赵强\n"
    "市16网格：周建国★ 吴婷婷 郑凯\n"
    "12月4日（周五）\n"
    "玄帝庙街路西：刘海燕★ 陈志远 何永军\n"
    "市16网格：马文静★ 胡立新 宋佳"
)


async def test_this_week(app: App):
    await seed()
    await send(app, "/值班表", WEEK_TEXT)
    await send(app, "/值班表 本周", WEEK_TEXT)


async def test_next_week_without_duties(app: App):
    await seed()
    await send(app, "/值班表 下周", "下周值班（12月7日—12月13日）：没有值班安排。")


async def test_a_month(app: App):
    await seed()
    await send(
        app,
        "/值班表 2026-12",
        "市外侨办 2026年12月值班表（07:30-09:00，★为带班）\n"
        "12月2日（周三）\n"
        "玄帝庙街路西：王晓明★ 李娜 赵强\n"
        "市16网格：周建国★ 吴婷婷 郑凯\n"
        "12月4日（周五）\n"
        "玄帝庙街路西：刘海燕★ 陈志远 何永军\n"
        "市16网格：马文静★ 胡立新 宋佳\n"
        "本月每人值班 0–1 次。",
    )
    await send(app, "/值班表 2027-01", "2027年1月还没有值班表。")


async def test_unreadable_argument(app: App):
    await send(
        app,
        "/值班表 明年",
        "没看懂“明年”。可以发送：/值班表、/值班表 下周、/值班表 2026-11",
    )


async def test_in_private_chat(app: App):
    await seed()
    await send_private(app, "/值班表", WEEK_TEXT, user_id=20002)
    await send_private(
        app, "/值班表", "私聊使用需要先在工作群里绑定：/绑定 你的姓名", user_id=55555
    )


async def test_my_duties(app: App):
    await seed()
    await send(
        app,
        "/我的值班",
        "李娜，你接下来的值班：\n12月2日（周三） 07:30 玄帝庙街路西",
        user_id=20002,
    )
    await send(
        app,
        "/我的值班",
        "王晓明，你接下来的值班：\n12月2日（周三） 07:30 玄帝庙街路西（带班）",
        user_id=20001,
    )
    await send(app, "/我的值班", "孙悦，你近期没有值班安排。", user_id=20006)


async def test_my_duties_ends_once_the_duty_is_over(app: App):
    await seed()
    await send(
        app,
        "/我的值班",
        "李娜，你接下来的值班：\n12月2日（周三） 07:30 玄帝庙街路西",
        user_id=20002,
        time=at("2026-12-02 08:59"),
    )
    await send(
        app, "/我的值班", "李娜，你近期没有值班安排。", user_id=20002, time=at("2026-12-02 09:00")
    )


async def test_my_duties_needs_a_binding(app: App):
    await send(
        app,
        "/我的值班",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=55555,
    )
    await send_private(
        app, "/我的值班", "私聊使用需要先在工作群里绑定：/绑定 你的姓名", user_id=55555
    )


async def test_my_duties_in_private_lists_requests_waiting(app: App):
    await seed()
    await send(
        app,
        "/换班 孙悦 12-02",
        msg(
            20006,
            " 李娜请你替 12月2日（周三）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        ),
        user_id=20002,
    )
    await send_private(
        app,
        "/我的值班",
        "孙悦，你近期没有值班安排。\n等你回复的换班请求：\n李娜：请你替 12月2日（周三） 的值班\n"
        "同意请发送 /同意，不同意发送 /拒绝。",
        user_id=20006,
    )


async def test_my_duties_shows_the_next_five(app: App):
    from nonebot_plugin_orm import get_session

    from dutybot.roster import build_roster
    from plugins.roster import service
    from tests.plugins.roster.helpers import served

    unit = served().unit
    roster = build_roster(unit, 2026, 12)
    built = service.BuiltMonth(roster, roster.dates[0].replace(day=1), {})
    async with get_session() as session:
        await service.save_month(session, served(), built, actor_qq=None, message_id=None)
        await session.commit()
    mine = [s for s in roster.shifts if "王晓明" in s.people]
    assert len(mine) > 5
    lines = ["王晓明，你接下来的值班："]
    for shift in mine[:5]:
        lead = "（带班）" if shift.leader == "王晓明" else ""
        site = next(s.label for s in unit.sites if s.name == shift.site)
        weekday = "一二三四五六日"[shift.date.weekday()]
        lines.append(f"{shift.date.month}月{shift.date.day}日（周{weekday}） 07:30 {site}{lead}")
    lines.append(f"…两个月内共 {len(mine)} 次，全表请发送：/值班表 2026-12")
    await send(app, "/我的值班", "\n".join(lines), user_id=20001)


async def test_a_year_nobody_means_is_not_read(app: App):
    await send(
        app,
        "/值班表 9999-12",
        "没看懂“9999-12”。可以发送：/值班表、/值班表 下周、/值班表 2026-11",
    )
