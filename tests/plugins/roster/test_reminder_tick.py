"""The reminder tick, awaited directly with an injected clock: right people, right times,
one message per group, no duplicates across ticks, restarts or two processes."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from nonebot.adapters.onebot.v11 import ActionFailed, Bot
from nonebug import App

from tests.fake import at
from tests.plugins.roster.helpers import (
    FRI,
    SITE_A,
    SITE_B,
    WED,
    chat,
    check_in,
    moment,
    report,
    rows,
    seed,
    served,
)

GROUP = 700000001

MORNING = chat(
    "【今天值班】12月2日（周三） 07:30-09:00\n"
    "玄帝庙街路西：@王晓明 @李娜 @赵强\n"
    "市16网格：@周建国 @吴婷婷 @郑凯"
)


def expect_group(ctx, message, **kwargs) -> None:
    ctx.should_call_api(
        "send_group_msg",
        {"group_id": GROUP, "message": message},
        result={"message_id": 9},
        **kwargs,
    )


async def tick(text: str) -> int:
    from plugins.roster.reminders import reminder_tick

    return await reminder_tick(moment(text))


async def restart() -> None:
    """What survives a restart is the database: new engine, units synced again."""
    import nonebot_plugin_orm
    from nonebot_plugin_orm import get_session

    from plugins.duty import inbox, units
    from tests.conftest import UNIT_FILE

    await nonebot_plugin_orm._engines[""].dispose()
    nonebot_plugin_orm._init_orm()
    inbox.forget_recent()
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(UNIT_FILE))


async def test_morning_reminder_once_across_ticks_and_a_restart(app: App):
    from plugins.roster.model import Reminder, ReminderStatus

    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING)
        assert await tick("2026-12-02 07:00") == 1
        assert await tick("2026-12-02 07:01") == 0
        await restart()
        assert await tick("2026-12-02 07:02") == 0
    [row] = await rows(Reminder)
    assert row.key == f"u{served().unit_id}:morning:2026-12-02:g{GROUP}"
    assert row.status == ReminderStatus.SENT
    assert row.text.startswith("【今天值班】")


async def test_day_before_with_everyone_at(app: App):
    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【值班提醒】明天 12月2日（周三） 07:30-09:00 值班：\n"
                "玄帝庙街路西：@王晓明（带班） @李娜 @赵强\n"
                "市16网格：@周建国（带班） @吴婷婷 @郑凯\n"
                "到岗后请发送 /报到；不能来请发送 /请假 或 /换班。"
            ),
        )
        assert await tick("2026-12-01 17:30") == 1
        assert await tick("2026-12-01 21:00") == 0


async def test_day_before_names_people_without_qq_plainly(app: App):
    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【值班提醒】明天 12月4日（周五） 07:30-09:00 值班：\n"
                "玄帝庙街路西：@刘海燕（带班） @陈志远 何永军\n"
                "市16网格：@马文静（带班） @胡立新 宋佳\n"
                "到岗后请发送 /报到；不能来请发送 /请假 或 /换班。"
            ),
        )
        assert await tick("2026-12-03 18:00") == 1


async def test_checkin_reminder_names_only_the_missing(app: App):
    await seed()
    await check_in(WED, "王晓明", "赵强", "周建国", "吴婷婷")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【报到提醒】07:30 的值班已开始 30 分钟，以下同志还没有报到：\n"
                "玄帝庙街路西：@李娜\n市16网格：@郑凯\n到岗后请发送 /报到。"
            ),
        )
        assert await tick("2026-12-02 08:00") == 1


async def test_nothing_to_say_is_recorded_and_not_asked_again(app: App):
    from plugins.roster.model import Reminder, ReminderStatus

    await seed()
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷", "郑凯")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        assert await tick("2026-12-02 08:00") == 0
        assert await tick("2026-12-02 08:01") == 0
    [row] = await rows(Reminder)
    assert (row.kind, row.status) == ("checkin", ReminderStatus.SKIPPED)


async def test_evening_names_the_sites_without_report(app: App):
    await seed()
    await report(WED, SITE_A)
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【日报提醒】今天（12月2日）这些地点的值班日报还没有收到：\n"
                "市16网格：@周建国（带班） @吴婷婷 @郑凯\n请把值班日报发到群里。"
            ),
        )
        assert await tick("2026-12-02 18:00") == 1


async def test_quiet_hours_send_nothing_and_claim_nothing(app: App):
    from plugins.roster.model import Reminder

    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        assert await tick("2026-12-01 22:30") == 0
        assert await tick("2026-12-02 06:59") == 0
    assert await rows(Reminder) == []


async def test_missed_while_down_is_sent_if_still_useful(app: App):
    from plugins.roster.model import Reminder

    await seed()
    # 07:00: no QQ client connected: nothing is claimed.
    assert await tick("2026-12-02 07:00") == 0
    assert await rows(Reminder) == []
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING)
        assert await tick("2026-12-02 07:40") == 1


async def test_missed_and_no_longer_useful_is_dropped(app: App):
    await seed()
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        # The morning reminder's window closed at 08:00; the check-in one is on.
        expect_group(
            ctx,
            chat(
                "【报到提醒】07:30 的值班已开始 30 分钟，以下同志还没有报到：\n"
                "市16网格：@郑凯\n到岗后请发送 /报到。"
            ),
        )
        assert await tick("2026-12-02 08:05") == 1


async def test_a_failed_send_is_tried_again(app: App):
    from plugins.roster.model import Reminder, ReminderStatus

    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING, exception=ActionFailed(retcode=1200, status="failed"))
        assert await tick("2026-12-02 07:00") == 0
        [row] = await rows(Reminder)
        assert (row.status, row.attempts) == (ReminderStatus.FAILED, 1)
        expect_group(ctx, MORNING)
        assert await tick("2026-12-02 07:01") == 1
        assert await tick("2026-12-02 07:02") == 0
    [row] = await rows(Reminder)
    assert (row.status, row.attempts) == (ReminderStatus.SENT, 2)


async def test_two_processes_racing_send_once(app: App):
    """Two bot processes on one database tick at the same moment: the unique key lets one
    of them send."""
    from plugins.roster.reminders import remind_unit

    await seed()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING)
        now = moment("2026-12-02 07:00")
        # Not through reminder_tick: its lock would keep the two apart in one process.
        results = await asyncio.gather(remind_unit(served(), now), remind_unit(served(), now))
        assert sorted(results) == [0, 1]


async def test_the_patched_clock_drives_the_tick(app: App, monkeypatch: pytest.MonkeyPatch):
    from dutybot import clock
    from plugins.roster.reminders import reminder_tick

    await seed()
    monkeypatch.setattr(clock, "now", lambda: moment("2026-12-02 07:05"))
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING)
        assert await reminder_tick() == 1


async def test_streaks_go_to_the_coordinators_only(app: App):
    days = {
        WED: (["王晓明", "李娜", "赵强"], ["周建国", "吴婷婷", "郑凯"]),
        FRI: (["李娜", "陈志远", "何永军"], ["马文静", "胡立新", "宋佳"]),
    }
    await seed(days)
    await check_in(WED, "王晓明", "赵强", "周建国", "吴婷婷", "郑凯")
    await check_in(FRI, "陈志远", "何永军", "马文静", "胡立新", "宋佳")
    for day in (WED, FRI):
        await report(day, SITE_A)
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        ctx.should_call_api(
            "send_private_msg",
            {
                "user_id": 10001,
                "message": chat(
                    "【连续缺勤提醒】截至12月4日：\n李娜：连续 2 次值班未报到（12月2日、12月4日）"
                ),
            },
            result={"message_id": 3},
        )
        assert await tick("2026-12-05 07:00") == 1
        assert await tick("2026-12-05 12:00") == 0


async def test_report_streak(app: App):
    days = {
        WED: (["王晓明", "李娜", "赵强"], ["周建国", "吴婷婷", "郑凯"]),
        FRI: (["刘海燕", "陈志远", "何永军"], ["周建国", "胡立新", "宋佳"]),
    }
    await seed(days)
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷", "郑凯")
    await check_in(FRI, "刘海燕", "陈志远", "何永军", "周建国", "胡立新", "宋佳")
    await report(WED, SITE_A)
    await report(FRI, SITE_A)
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        ctx.should_call_api(
            "send_private_msg",
            {
                "user_id": 10001,
                "message": chat(
                    "【连续缺勤提醒】截至12月4日：\n周建国：连续 2 次值班没有日报（12月2日、12月4日）"
                ),
            },
            result={"message_id": 3},
        )
        assert await tick("2026-12-05 07:00") == 1


async def test_weekly_summary_on_monday(app: App):
    await seed()
    await check_in(WED, "王晓明", "李娜", "赵强", "周建国", "吴婷婷", "郑凯")
    await check_in(FRI, "刘海燕", "陈志远", "何永军", "马文静", "胡立新")
    await report(WED, SITE_A)
    await report(WED, SITE_B)
    await report(FRI, SITE_A)
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【上周值班情况】11月30日—12月6日\n"
                "12月2日（周三） 到岗 6/6，日报 2/2\n"
                "12月4日（周五） 到岗 5/6，日报 1/2，未报到：宋佳\n"
                "合计到岗 11/12 人次，日报 3/4 份。"
            ),
        )
        assert await tick("2026-12-07 08:30") == 1


async def test_deadline_reminder_to_each_coordinator(app: App):
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        ctx.should_call_api(
            "send_private_msg",
            {
                "user_id": 10001,
                "message": chat(
                    "【报送提醒】7月5日（周日）是创城材料报送截止日，还有 3 天，请提前准备。"
                ),
            },
            result={"message_id": 3},
        )
        assert await tick("2026-07-02 08:30") == 1
        assert await tick("2026-07-03 08:30") == 0


async def test_unanswered_swap_request_expires_with_one_notice(app: App):
    from tests.plugins.roster.helpers import send

    await seed()
    await send(
        app,
        "/换班 孙悦 12-02",
        chat(
            "@孙悦 李娜请你替 12月2日（周三）玄帝庙街路西 的值班。"
            "同意请发送 /同意，不同意发送 /拒绝（24 小时内有效）。"
        ),
        user_id=20002,
        time=at("2026-11-30 08:00"),
    )
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        assert await tick("2026-12-01 07:59") == 0
        expect_group(
            ctx,
            chat("李娜 请 孙悦 换班（12月2日）的请求 24 小时内没有回复，已失效，值班不变。"),
        )
        assert await tick("2026-12-01 08:01") == 1
        assert await tick("2026-12-01 08:02") == 0


async def test_disabled_reminders(app: App, monkeypatch: pytest.MonkeyPatch):
    from dutybot.unit import ReminderRules
    from plugins.duty import units

    await seed()
    unit = dataclasses.replace(served().unit, reminders=ReminderRules(enabled=False))
    monkeypatch.setattr(units, "_served", [dataclasses.replace(served(), unit=unit)])
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        assert await tick("2026-12-02 07:00") == 0


async def test_one_unit_failing_does_not_stop_the_others(app: App, monkeypatch):
    from plugins.duty import units
    from plugins.roster import reminders

    await seed()
    broken = dataclasses.replace(served(), unit_id=-1)
    monkeypatch.setattr(units, "_served", [broken, served()])
    real = reminders.remind_unit

    async def remind_unit(unit, now):
        if unit.unit_id == -1:
            raise RuntimeError("broken unit")
        return await real(unit, now)

    monkeypatch.setattr(reminders, "remind_unit", remind_unit)
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(ctx, MORNING)
        assert await tick("2026-12-02 07:00") == 1


async def add_problem(site: str | None, description: str, found: str, *, recheck=False) -> int:
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.ledger import service as ledger

    unit_id = served().unit_id
    site_id = served().site_ids[site] if site else None
    async with get_session() as session:
        problem = await ledger.add_problem(
            session,
            unit_id,
            site_id,
            "环境卫生",
            description,
            1,
            moment(found),
            Source.COMMAND,
            20001,
            None,
        )
        if recheck:
            later = moment(found).replace(hour=15)
            await ledger.resolve_problem(session, unit_id, problem.number, 20003, later)
            await ledger.mark_for_recheck(session, unit_id, problem.number, 10001, later)
        number = problem.number  # read before the commit expires the row
        await session.commit()
        return number


async def test_morning_lists_the_sites_open_and_recheck_problems(app: App):
    await seed()
    await add_problem(SITE_A, "井盖松动", "2026-11-28 08:00")
    await add_problem(SITE_A, "墙上小广告", "2026-11-27 08:00", recheck=True)
    await add_problem(SITE_B, "垃圾桶满溢", "2026-12-01 08:00")
    await add_problem(None, "无地点的问题", "2026-12-01 08:00")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【今天值班】12月2日（周三） 07:30-09:00\n"
                "玄帝庙街路西：@王晓明 @李娜 @赵强\n"
                "  待处理 #1 井盖松动（11月28日起）\n"
                "  待核查 #2 墙上小广告（看过后 /核查 2 通过）\n"
                "市16网格：@周建国 @吴婷婷 @郑凯\n"
                "  待处理 #3 垃圾桶满溢（12月1日起）"
            ),
        )
        assert await tick("2026-12-02 07:00") == 1


async def test_weekly_lists_problems_open_for_more_than_a_week(app: App):
    await add_problem(SITE_A, "井盖松动", "2026-11-20 08:00")
    await add_problem(SITE_B, "垃圾桶满溢", "2026-12-01 08:00")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot)
        expect_group(
            ctx,
            chat(
                "【上周值班情况】11月30日—12月6日\n上周没有值班。\n"
                "超过 7 天未解决的问题 1 个：\n#1 玄帝庙街路西 井盖松动（11月20日起，已 17 天）"
            ),
        )
        assert await tick("2026-12-07 08:30") == 1
