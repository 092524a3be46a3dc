"""/换班 with /同意 or /拒绝, and /调班 by a coordinator."""

from __future__ import annotations

from nonebot.adapters.onebot.v11 import Message, MessageSegment
from nonebug import App

from tests.fake import at
from tests.plugins.roster.helpers import (
    FRI,
    SITE_A,
    WED,
    msg,
    planned,
    rows,
    seed,
    send,
    send_private,
)

ASK_SUNYUE = msg(
    20006,
    " 李娜请你替 12月2日（周三）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
)


def with_at(text: str, qq: int, rest: str = "") -> Message:
    return Message(text) + MessageSegment.at(qq) + rest


async def test_handover_asked_and_accepted(app: App):
    from plugins.duty.model import AuditEntry, RosterEntry, RosterStatus
    from plugins.roster.model import SwapRequest, SwapStatus

    await seed()
    await send(app, with_at("/换班 ", 20006, " 12-02"), ASK_SUNYUE, user_id=20002)
    assert "李娜" in (await planned(WED))[SITE_A]  # nothing changes before the answer
    await send(
        app,
        "/同意",
        msg("换班已生效：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 李娜）"),
        user_id=20006,
    )
    assert (await planned(WED))[SITE_A] == ["王晓明", "赵强", "孙悦"]
    [request] = await rows(SwapRequest)
    assert request.status == SwapStatus.ACCEPTED
    [old] = await rows(RosterEntry, RosterEntry.status == RosterStatus.SWAPPED)
    assert old.duty_date == WED
    actions = [a.action for a in await rows(AuditEntry)]
    assert actions[-2:] == ["swap_request", "swap"]
    await send(app, "/同意", "没有等你回复的换班请求。", user_id=20006)


async def test_offer_to_take_someone_elses_duty(app: App):
    await seed()
    await send(
        app,
        "/换班 李娜 12-02",
        msg(
            20002,
            " 孙悦想替你 12月2日（周三）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        ),
        user_id=20006,
    )
    await send(
        app,
        "/同意",
        msg("换班已生效：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 李娜）"),
        user_id=20002,
    )


async def test_refused(app: App):
    from plugins.roster.model import SwapRequest, SwapStatus

    await seed()
    await send(app, "/换班 孙悦 12-02", ASK_SUNYUE, user_id=20002)
    await send(app, "/拒绝", msg(20002, " 孙悦 没有同意换班，12月2日的值班不变。"), user_id=20006)
    assert "李娜" in (await planned(WED))[SITE_A]
    [request] = await rows(SwapRequest)
    assert request.status == SwapStatus.REFUSED


async def test_answer_after_a_day_is_too_late(app: App):
    await seed()
    await send(app, "/换班 孙悦 12-02", ASK_SUNYUE, user_id=20002, time=at("2026-11-30 08:00"))
    await send(
        app,
        "/同意",
        "这个换班请求已超过 24 小时，已失效。需要的话请对方重新发送 /换班。",
        user_id=20006,
        time=at("2026-12-01 08:01"),
    )
    assert "李娜" in (await planned(WED))[SITE_A]


async def test_exchange_of_two_days(app: App):
    await seed()
    await send(
        app,
        "/换班 刘海燕 12-02 12-04",
        msg(
            20004,
            " 李娜想用 12月2日（周三）玄帝庙街路西 的值班换你 12月4日（周五）玄帝庙街路西 的值班。"
            "同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        ),
        user_id=20002,
    )
    await send(
        app,
        "/同意 12-04",
        msg(
            "换班已生效：12月2日（周三）玄帝庙街路西 由 ",
            20004,
            " 值班（原 李娜）\n12月4日（周五）玄帝庙街路西 由 ",
            20002,
            " 值班（原 刘海燕）",
        ),
        user_id=20004,
    )
    assert "刘海燕" in (await planned(WED))[SITE_A]
    assert "李娜" in (await planned(FRI))[SITE_A]


async def test_two_requests_ask_which(app: App):
    await seed()
    await send(app, "/换班 孙悦 12-02", ASK_SUNYUE, user_id=20002)
    await send(
        app,
        "/换班 孙悦 12-04",
        msg(
            20006,
            " 陈志远请你替 12月4日（周五）玄帝庙街路西 的值班。同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。",
        ),
        user_id=20005,
    )
    await send(
        app,
        "/同意",
        "你有 2 个换班请求：\n李娜：请你替 12月2日（周三） 的值班\n"
        "陈志远：请你替 12月4日（周五） 的值班\n请写明是谁的请求或日期，如：/同意 李娜 或 /同意 12-02",
        user_id=20006,
    )
    await send(
        app,
        "/同意 12-04",
        msg("换班已生效：12月4日（周五）玄帝庙街路西 由 ", 20006, " 值班（原 陈志远）"),
        user_id=20006,
    )


async def test_the_roster_changed_before_the_answer(app: App):
    from plugins.roster.model import SwapRequest, SwapStatus

    await seed()
    await send(app, "/换班 孙悦 12-02", ASK_SUNYUE, user_id=20002)
    # Meanwhile the coordinator gives 李娜's duty to 朱琳 directly.
    await send(
        app,
        "/调班 12-02 李娜 朱琳",
        msg("已调班：12月2日（周三）玄帝庙街路西 由 ", 20012, " 值班（原 李娜）"),
        user_id=10001,
    )
    # The change cancelled the request.
    await send(app, "/同意", "没有等你回复的换班请求。", user_id=20006)
    [request] = await rows(SwapRequest)
    assert request.status == SwapStatus.CANCELLED


async def test_swap_refusals(app: App):
    await seed()
    # Someone not on the staff list (or not bound).
    await send(
        app,
        with_at("/换班 ", 55555, " 12-02"),
        "@55555 不在值班名单里（或还没有绑定 QQ）。请按值班名单写姓名，或 @ 已绑定的同事。",
        user_id=20002,
    )
    await send(
        app,
        "/换班 张三 12-02",
        "没认出“张三”：请 @ 同事或写值班名单上的姓名，日期写 12-05 这样。",
        user_id=20002,
    )
    # Neither of the two is on the roster that day.
    await send(app, "/换班 孙悦 12-03", "12月3日你和孙悦都没有值班，没有可换的班。", user_id=20002)
    await send(
        app,
        "/换班 赵强 12-02",
        "12月2日两人都在值班，换不了。两天互换请写两个日期，如：/换班 @某人 12-05 12-07",
        user_id=20002,
    )
    await send(app, "/换班 孙悦 12-02 12-04", "孙悦12月4日没有值班，没有可换的班。", user_id=20002)
    await send(app, "/换班 孙悦 11-29", "11月29日已经过去了，请写今天或以后的日期。", user_id=20002)
    await send(
        app,
        "/换班 李娜 12-02",
        "不能和自己换班。请 @ 要换班的同事，如：/换班 @李娜 12-05",
        user_id=20002,
    )
    await send(
        app,
        "/换班 孙悦",
        "请写要换的日期，如：/换班 @孙悦 12-05。日期可以写 12-05、12月5日、明天、下周一。",
        user_id=20002,
    )
    await send(
        app,
        "/换班",
        "用法：/换班 @某人 12-05：请对方替你这天的值班（或你替对方），对方 /同意 后生效；写两个日期为两天互换",
        user_id=20002,
    )
    await send(
        app,
        "/换班 孙悦 12-02",
        "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
        user_id=55555,
    )


async def test_taker_on_leave(app: App):
    await seed()
    await send(
        app,
        "/请假 12-01 12-03 出差",
        "已记下：孙悦 12月1日—12月3日 请假（出差）。这几天孙悦没有值班安排。",
        user_id=20006,
    )
    await send(app, "/换班 孙悦 12-02", "孙悦12月2日请了假，不能接这天的班。", user_id=20002)


async def test_swap_in_private_chat(app: App):
    await seed()
    await send_private(
        app,
        "/换班 孙悦 12-02",
        "已把换班请求发到群里，等 孙悦 回复。",
        announce=ASK_SUNYUE,
        user_id=20002,
    )
    notice = msg("换班已生效：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 李娜）")
    await send_private(
        app,
        "/同意",
        "换班已生效：12月2日（周三）玄帝庙街路西 由 @孙悦 值班（原 李娜）\n（已在群里通知）",
        announce=notice,
        user_id=20006,
    )


# ---------------------------------------------------------------------------------------------
# /调班


async def test_adjust_by_a_coordinator(app: App):
    from plugins.duty.model import AuditEntry

    await seed()
    await send(
        app,
        "/调班 12-02 李娜 孙悦",
        msg("已调班：12月2日（周三）玄帝庙街路西 由 ", 20006, " 值班（原 李娜）"),
        user_id=10001,
    )
    assert (await planned(WED))[SITE_A] == ["王晓明", "赵强", "孙悦"]
    [entry] = await rows(AuditEntry, AuditEntry.action == "adjust")
    assert entry.actor_qq == 10001


async def test_adjust_the_leader_moves_the_lead(app: App):
    await seed()
    await send(
        app,
        "/调班 12-02 王晓明 周建国",
        "12月2日两人都在值班，调不了。两天互换请写两个日期，如：/调班 12-05 12-07 王晓明 李娜",
        user_id=10001,
    )
    await send(
        app,
        "/调班 12-02 王晓明 朱琳",
        msg("已调班：12月2日（周三）玄帝庙街路西 由 ", 20012, " 值班（原 王晓明）"),
        user_id=10001,
    )
    team = (await planned(WED))[SITE_A]
    assert set(team) == {"李娜", "赵强", "朱琳"} and len(team) == 3


async def test_adjust_refusals(app: App):
    await seed()
    await send(
        app,
        "/调班 12-02 李娜 孙悦",
        "只有协调人可以直接调班。想和同事换班请发送：/换班 @某人 12-05",
        user_id=20002,
    )
    await send(
        app,
        "/调班 12-02 李娜 张三",
        "没认出“张三”：请 @ 同事或写值班名单上的姓名，日期写 12-05 这样。",
        user_id=10001,
    )
    await send(
        app, "/调班 11-29 李娜 孙悦", "11月29日已经过去了，请写今天或以后的日期。", user_id=10001
    )
    await send(
        app,
        "/调班 12-02 李娜 12-03 孙悦",
        "孙悦12月3日没有值班，没有可调的班。",
        user_id=10001,
    )
    await send(
        app,
        "/调班 12-02",
        "用法：/调班 12-05 王晓明 李娜：把王晓明这天的值班直接调给李娜（协调人）；写两个日期为互换",
        user_id=10001,
    )


async def test_accepting_after_the_roster_changed_cancels_the_request(app: App):
    from plugins.roster.model import SwapRequest, SwapStatus

    await seed()
    await send(app, "/换班 孙悦 12-02", ASK_SUNYUE, user_id=20002)
    # Meanwhile 孙悦 is given a duty of her own that day.
    await send(
        app,
        "/调班 12-02 郑凯 孙悦",
        msg("已调班：12月2日（周三）市16网格 由 ", 20006, " 值班（原 郑凯）"),
        user_id=10001,
    )
    await send(
        app,
        "/同意",
        "值班已有变动，这个换班做不成了：12月2日两人都在值班，换不了。两天互换请写两个日期，"
        "如：/换班 @某人 12-05 12-07\n需要的话请重新发送 /换班。",
        user_id=20006,
    )
    [request] = await rows(SwapRequest)
    assert request.status == SwapStatus.CANCELLED
    assert "李娜" in (await planned(WED))[SITE_A]


async def test_answers_need_a_binding(app: App):
    for command in ("/同意", "/拒绝"):
        await send(
            app,
            command,
            "你还没有绑定值班人员身份。请发送：/绑定 你的姓名（须是值班名单上的姓名）",
            user_id=55555,
        )
        await send_private(
            app, command, "私聊使用需要先在工作群里绑定：/绑定 你的姓名", user_id=55555
        )
