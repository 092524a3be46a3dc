"""Slips with /换班, /同意, /调班, /请假 and /排班 (issue 14): a clear answer, and the roster
changes only as the words ask."""

from __future__ import annotations

from nonebug import App

from tests.fake import at
from tests.plugins.roster.helpers import (
    SITE_A,
    WED,
    chat,
    check_in,
    msg,
    planned,
    rows,
    seed,
    send,
    send_private,
)

TEAM_A = ["王晓明", "李娜", "赵强"]


async def swap_requests():
    from plugins.roster.model import SwapRequest

    return await rows(SwapRequest)


# ---------------------------------------------------------------------------------------------
# A duty that is over cannot be swapped


async def test_swap_after_checking_in_is_refused(app: App):
    await seed()
    await check_in(WED, "李娜")
    await send(
        app,
        "/换班 孙悦 12-02",
        "你12月2日已经报到，这天的班已经值了，不能再换。",
        user_id=20002,
        time=at("2026-12-02 08:30"),
    )
    assert await swap_requests() == []
    assert (await planned(WED))[SITE_A] == TEAM_A


async def test_swap_after_the_duty_ended_is_refused(app: App):
    await seed()
    await send(
        app,
        "/换班 孙悦 12-02",
        "12月2日的值班已经结束，不能再换班。",
        user_id=20002,
        time=at("2026-12-02 09:30"),
    )
    assert await swap_requests() == []


async def test_accepting_after_the_duty_ended_changes_nothing(app: App):
    from plugins.roster.model import SwapStatus

    await seed()
    await send(
        app,
        "/换班 孙悦 12-02",
        msg(
            20006,
            " 李娜请你替 12月2日（周三）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        ),
        user_id=20002,
        time=at("2026-12-01 20:00"),
    )
    await send(
        app,
        "/同意",
        "12月2日的值班已经结束，不能再换班。这个换班请求已作废。",
        user_id=20006,
        time=at("2026-12-02 09:30"),
    )
    assert (await planned(WED))[SITE_A] == TEAM_A
    [request] = await swap_requests()
    assert request.status == SwapStatus.CANCELLED


async def test_adjust_of_a_duty_already_done_is_refused(app: App):
    await seed()
    await check_in(WED, "李娜")
    await send(
        app,
        "/调班 12-02 李娜 孙悦",
        "李娜12月2日已经报到，这天的班已经值了，不能再调。",
        user_id=10001,
        time=at("2026-12-02 08:00"),
    )
    assert (await planned(WED))[SITE_A] == TEAM_A


# ---------------------------------------------------------------------------------------------
# /请假 on the day, once the duty has begun or is over


async def test_leave_after_the_duty_ended_is_refused_with_the_reason(app: App):
    from plugins.roster.model import Leave

    await seed()
    await send(
        app,
        "/请假 12-02 临时有事",
        "12月2日的值班已经结束，不能再请这天的假。如当天确有事没能到岗，"
        "请协调人补记：/请假 李娜 12-02 原因",
        user_id=20002,
        time=at("2026-12-02 10:00"),
    )
    assert await rows(Leave) == []
    assert (await planned(WED))[SITE_A] == TEAM_A


async def test_leave_over_days_from_one_already_over_says_how_to_write_it(app: App):
    await seed()
    await send(
        app,
        "/请假 12-02 12-04 临时有事",
        "12月2日的值班已经结束，不能再请这天的假。如当天确有事没能到岗，"
        "请协调人补记：/请假 李娜 12-02 原因\n以后几天请从明天写起：/请假 12-03 12-04 原因",
        user_id=20002,
        time=at("2026-12-02 10:00"),
    )


async def test_coordinator_records_leave_after_the_fact(app: App):
    from plugins.duty.model import RosterEntry, RosterStatus

    await seed()
    await send(
        app,
        "/请假 李娜 12-02 临时有事",
        "已记下：李娜 12月2日 请假（临时有事）。\n12月2日（周三）玄帝庙街路西：值班已结束，补记为请假",
        user_id=10001,
        time=at("2026-12-03 09:00"),
    )
    [away] = await rows(RosterEntry, RosterEntry.status == RosterStatus.LEAVE)
    assert away.duty_date == WED
    # /月报 counts it as leave, not as a missed duty.
    lina = await _month_figures("李娜")
    assert (lina.duties, lina.absent, lina.leave) == (0, 0, 1)


async def _month_figures(name: str):
    from datetime import date

    from nonebot_plugin_orm import get_session

    from dutybot.monthly import Period
    from plugins.monthly.figures import person_figures
    from tests.plugins.roster.helpers import served

    async with get_session() as session:
        people = await person_figures(
            session, served().unit_id, Period(date(2026, 12, 1), date(2026, 12, 31))
        )
    return next(p for p in people if p.name == name)


async def test_leave_for_a_duty_checked_in_is_not_counted(app: App):
    from plugins.duty.model import RosterEntry, RosterStatus

    await seed()
    await check_in(WED, "李娜")
    await send(
        app,
        "/请假 12-02 临时有事",
        "已记下：李娜 12月2日 请假（临时有事）。\n"
        "12月2日（周三）玄帝庙街路西：已报到，按到岗计，不算请假",
        user_id=20002,
        time=at("2026-12-02 08:00"),
    )
    assert await rows(RosterEntry, RosterEntry.status == RosterStatus.LEAVE) == []


async def test_staff_past_day_leave_points_to_the_coordinator(app: App):
    await seed()
    await send(
        app,
        "/请假 11-27 病假",
        "11月27日已经过去了，请写今天或以后的日期。事后补记请假请找协调人：/请假 李娜 11-27 原因",
        user_id=20002,
    )


# ---------------------------------------------------------------------------------------------
# /请假 with the reason first


async def test_leave_with_the_reason_first_is_understood(app: App):
    await seed()
    await send(
        app,
        "/请假 病假 12-02",
        msg(
            "已记下：李娜 12月2日 请假（病假）。\n12月2日（周三）玄帝庙街路西：由 ",
            20006,
            " 替班\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。",
        ),
        user_id=20002,
    )


async def test_coordinator_reason_first_that_may_be_a_name_gets_both_forms(app: App):
    await seed()
    await send(
        app,
        "/请假 张三 12-02",
        "没认出“张三”。请假原因请写在日期后面：/请假 12-02 张三；"
        "替同事请假请按值班名单写姓名：/请假 李娜 12-02 原因",
        user_id=10001,
    )


# ---------------------------------------------------------------------------------------------
# Choosing among requests by name


async def test_two_requests_for_one_day_are_chosen_by_name_or_mention(app: App):
    from plugins.roster.model import SwapStatus

    await seed()
    await send(app, "/换班 孙悦 12-02", _ask("李娜"), user_id=20002)
    await send(app, "/换班 孙悦 12-02", _ask("赵强"), user_id=20003)
    which = (
        "你有 2 个换班请求：\n李娜：请你替 12月2日（周三） 的值班\n"
        "赵强：请你替 12月2日（周三） 的值班\n请写明是谁的请求（姓名或 @ 对方），如：/同意 李娜"
    )
    await send(app, "/同意", which, user_id=20006)
    await send(app, "/同意 12-02", which, user_id=20006)
    await send(
        app,
        "/同意 赵强",
        msg("换班已生效：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 赵强）"),
        user_id=20006,
    )
    assert (await planned(WED))[SITE_A] == ["王晓明", "李娜", "孙悦"]
    await send(
        app,
        chat("/拒绝 @李娜"),
        msg(20002, " 孙悦 没有同意换班，12月2日的值班不变。"),
        user_id=20006,
    )
    statuses = sorted(r.status for r in await swap_requests())
    assert statuses == sorted([SwapStatus.ACCEPTED, SwapStatus.REFUSED])


def _ask(requester: str):
    return msg(
        20006,
        f" {requester}请你替 12月2日（周三）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
    )


# ---------------------------------------------------------------------------------------------
# /调班 in the README's order


async def test_adjust_follows_the_order_of_the_names(app: App):
    await seed()
    await send(
        app,
        "/调班 12-02 孙悦 李娜",
        "孙悦12月2日没有值班，没有可调的班。要把李娜这天的值班调给孙悦，请发送：/调班 12-02 李娜 孙悦",
        user_id=10001,
    )
    assert (await planned(WED))[SITE_A] == TEAM_A


# ---------------------------------------------------------------------------------------------
# /排班 in private chat by staff


async def test_build_in_private_by_staff_says_who_may(app: App):
    await send_private(
        app, "/排班 2026-12", "只有协调人可以排班。查看值班表请发送：/值班表", user_id=20002
    )
    await send_private(
        app, "/排班 2026-12", "排班请在值班工作群里发送，如：/排班 2026-12", user_id=10001
    )


# ---------------------------------------------------------------------------------------------
# The substitute is not the one who just swapped out of that day


async def test_leave_substitute_is_not_who_swapped_out_that_day(app: App):
    await seed()
    # 朱琳 is away all week; 李娜 hands 12-02 to 孙悦, so she has no duty left this week.
    await send(
        app,
        "/请假 11-30 12-06 出差",
        "已记下：朱琳 11月30日—12月6日 请假（出差）。这几天朱琳没有值班安排。",
        user_id=20012,
    )
    await send(
        app,
        "/调班 12-02 李娜 孙悦",
        msg("已调班：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 李娜）"),
        user_id=10001,
    )
    await send(
        app,
        "/请假 12-02 开会",
        msg(
            "已记下：赵强 12月2日 请假（开会）。\n12月2日（周三）玄帝庙街路西：由 ",
            20010,
            " 替班\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。",
        ),
        user_id=20003,
    )
    assert "李娜" not in (await planned(WED))[SITE_A]
