"""/请假: recorded, the duty goes to the least loaded free colleague, the group is told."""

from __future__ import annotations

from datetime import date, datetime

from nonebug import App

from tests.fake import at
from tests.plugins.roster.helpers import SITE_A, WED, msg, planned, rows, seed, send, send_private


async def test_leave_on_a_rostered_day_finds_a_substitute(app: App):
    from plugins.duty.model import AuditEntry, RosterEntry, RosterStatus
    from plugins.roster.model import Leave

    await seed()
    await send(
        app,
        "/请假 12-02 出差",
        msg(
            "已记下：李娜 12月2日 请假（出差）。\n12月2日（周三）玄帝庙街路西：由 ",
            20006,
            " 替班\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。",
        ),
        user_id=20002,
    )
    assert (await planned(WED))[SITE_A] == ["王晓明", "赵强", "孙悦"]
    [away] = await rows(RosterEntry, RosterEntry.status == RosterStatus.LEAVE)
    [cover] = await rows(RosterEntry, RosterEntry.replaces_id == away.id)
    assert cover.status == RosterStatus.PLANNED and not cover.is_leader
    [leave] = await rows(Leave)
    assert (leave.first_day, leave.last_day, leave.reason) == (WED, WED, "出差")
    [entry] = await rows(AuditEntry, AuditEntry.action == "leave")
    assert entry.actor_qq == 20002 and "孙悦" in entry.detail
    assert entry.at == datetime(2026, 11, 29, 23, 35)  # the message's own time, in UTC


async def test_leave_of_the_leader_hands_over_the_lead(app: App):
    await seed()
    await send(
        app,
        "/请假 12月2日 开会",
        msg(
            "已记下：王晓明 12月2日 请假（开会）。\n12月2日（周三）玄帝庙街路西：由 ",
            20006,
            " 替班，孙悦 带班\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。",
        ),
        user_id=20001,
    )
    # Nobody left in the team is a leader = true member: the fewest leader turns leads.
    assert (await planned(WED))[SITE_A] == ["孙悦", "李娜", "赵强"]


async def test_leave_over_days_without_duty(app: App):
    await seed()
    await send(
        app,
        "/请假 12-08 至 12-10 培训",
        "已记下：李娜 12月8日—12月10日 请假（培训）。这几天李娜没有值班安排。",
        user_id=20002,
    )


async def test_leave_is_honoured_by_the_next_roster(app: App):
    await send(
        app,
        "/请假 2027-01-04 2027-01-08 探亲",
        "已记下：李娜 1月4日—1月8日 请假（探亲）。这几天李娜没有值班安排。",
        user_id=20002,
    )
    async with app.test_matcher() as ctx:
        from nonebot.adapters.onebot.v11 import Bot

        from tests.fake import fake_group_message

        bot = ctx.create_bot(base=Bot)
        bot.send = _swallow  # type: ignore[method-assign]
        ctx.receive_event(bot, fake_group_message("/排班 2027-01", user_id=10001))
    for day in range(4, 9):
        teams = await planned(date(2027, 1, day))
        assert all("李娜" not in team for team in teams.values())


async def _swallow(*args, **kwargs):
    return {"message_id": 1}


async def test_refusals(app: App):
    await seed()
    await send(
        app,
        "/请假 11-29 病假",
        "11月29日已经过去了，请写今天或以后的日期。事后补记请假请找协调人：/请假 李娜 11-29 原因",
        user_id=20002,
    )
    await send(app, "/请假 12-02", "请写上请假原因，如：/请假 12-02 出差", user_id=20002)
    await send(
        app,
        "/请假 出差",
        "请写请假日期，如：/请假 12-05 出差 或 /请假 12-05 12-07 出差。日期可以写 12-05、12月5日、明天、下周一。",
        user_id=20002,
    )
    await send(
        app,
        "/请假 13-45 出差",
        "没看懂日期“13-45”。日期可以写 12-05、12月5日、明天、下周一。",
        user_id=20002,
    )
    await send(
        app,
        "/请假 12-07 12-05 出差",
        "结束日期早于开始日期，请写成：/请假 12-05 12-07 原因",
        user_id=20002,
    )
    await send(app, "/请假 12-01 2027-03-01 长假", "一次最多请 62 天，请分开发送。", user_id=20002)
    await send(
        app, "/请假 赵强 12-02 病假", "只能给自己请假。请发送：/请假 12-05 原因", user_id=20002
    )
    await send(
        app,
        "/请假 12-02 病假",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=55555,
    )
    assert await planned(WED) != {}


async def test_a_coordinator_records_leave_for_someone(app: App):
    from nonebot.adapters.onebot.v11 import Message, MessageSegment

    await seed()
    await send(
        app,
        Message("/请假 ") + MessageSegment.at(20002) + " 明天 病假",
        "已记下：李娜 12月1日 请假（病假）。这几天李娜没有值班安排。",
        user_id=99999,  # a superuser, coordinator of every unit, not on the staff
    )


async def test_leave_in_private_tells_the_group(app: App):
    await seed()
    notice = msg(
        "已记下：李娜 12月2日 请假（出差）。\n12月2日（周三）玄帝庙街路西：由 ",
        20006,
        " 替班\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。",
    )
    await send_private(
        app,
        "/请假 12-02 出差",
        "已记下：李娜 12月2日 请假（出差）。\n12月2日（周三）玄帝庙街路西：由 @孙悦 替班\n"
        "替班的同志如不方便，请发送 /换班 另找人或联系协调人。\n（已在群里通知）",
        announce=notice,
        user_id=20002,
    )


async def test_leave_today_after_the_duty_began_counts_with_nobody_sent(app: App):
    # Too late to send a substitute, but never "no duty these days": it is leave.
    await seed()
    await send(
        app,
        "/请假 今天 身体不适",
        "已记下：李娜 12月2日 请假（身体不适）。\n"
        "12月2日（周三）玄帝庙街路西：值班已开始，来不及找人替班，记为请假",
        user_id=20002,
        time=at("2026-12-02 07:40"),
    )
    assert (await planned(WED))[SITE_A] == ["王晓明", "赵强"]


async def test_nobody_free_leaves_the_team_short(app: App):
    from nonebot_plugin_orm import get_session

    from plugins.duty.service import staff_by_names
    from plugins.roster import service
    from tests.plugins.roster.helpers import served

    await seed()
    busy_elsewhere = ["刘海燕", "陈志远", "何永军", "马文静", "胡立新", "宋佳", "孙悦", "朱琳"]
    now = at_datetime("2026-11-30 08:00")
    async with get_session() as session:
        for person in await staff_by_names(session, served().unit_id, busy_elsewhere):
            await service.record_leave(
                session, served(), person, WED, WED, "出差", now=now, actor_qq=None, message_id=None
            )
        [lina] = await staff_by_names(session, served().unit_id, ["李娜"])
        covers = await service.record_leave(
            session, served(), lina, WED, WED, "病假", now=now, actor_qq=None, message_id=None
        )
        await session.commit()
    assert [(c.absent, c.substitute) for c in covers] == [("李娜", None)]
    assert (await planned(WED))[SITE_A] == ["王晓明", "赵强"]


def at_datetime(text: str):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    return datetime.fromisoformat(text).replace(tzinfo=ZoneInfo("Asia/Shanghai"))


async def test_leave_for_an_unknown_person(app: App):
    await send(
        app,
        "/请假 张三 12-02 病假",
        "没认出“张三”：请 @ 同事或写值班名单上的姓名，日期写 12-05 这样。",
        user_id=10001,
    )
    await send(
        app,
        "/请假 12-02 病假",
        "请写请假的同事，如：/请假 李娜 12-05 原因",
        user_id=10001,  # a coordinator who is not on the staff list
    )
