"""/排班: build a month, confirm a replacement, export."""

from __future__ import annotations

from datetime import date

import pytest
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from tests.fake import at, fake_group_message, fake_private_message
from tests.plugins.roster.helpers import WED, planned, rows, seed, send, served

COORDINATOR = 10001


async def reply_to(app: App, text: str, **event_args) -> str:
    """Send ``text`` and return the reply, whatever it is."""
    from nonebot.adapters.onebot.v11 import Bot

    replies = []

    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)

        async def capture(*args, **kwargs):
            replies.append(kwargs.get("message", args[1] if len(args) > 1 else None))
            return {"message_id": 1}

        bot.send = capture  # type: ignore[method-assign]
        ctx.receive_event(bot, fake_group_message(text, **event_args))
    assert len(replies) == 1, replies
    return str(replies[0])


async def test_members_cannot_build(app: App):
    await send(app, "/排班 2026-12", "只有协调人可以排班。查看值班表请发送：/值班表")


async def test_usage_and_bad_month(app: App):
    await send(
        app,
        "/排班",
        "用法：/排班 2026-12：按规则排出一个月的值班表（协调人）；/排班 确认：替换已有的表；"
        "/排班 导出 2026-12：发 Excel 和日历文件",
        user_id=COORDINATOR,
    )
    await send(
        app, "/排班 十二月", "没看懂“十二月”。请写月份，如：/排班 2026-11", user_id=COORDINATOR
    )


async def test_past_and_far_months_are_refused(app: App):
    await send(
        app,
        "/排班 2026-10",
        "2026年10月已经过去了，不能重新排班。查看请发送：/值班表 2026-10",
        user_id=COORDINATOR,
    )
    await send(app, "/排班 2028-01", "最多提前一年排班。", user_id=COORDINATOR)


async def test_private_chat_points_to_the_group(app: App):
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_private_message("/排班 2026-12", user_id=10001)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event, "排班请在值班工作群里发送，如：/排班 2026-12", result={"message_id": 1}
        )


async def test_build_a_new_month(app: App):
    from dutybot.roster import build_roster
    from dutybot.roster_text import month_text
    from plugins.duty.model import AuditEntry, RosterEntry, RosterStatus
    from plugins.roster.model import MonthPlan, PlanStatus

    unit = served().unit
    expected = month_text(build_roster(unit, 2026, 12), unit)
    await send(
        app,
        "/排班 2026-12",
        f"{expected}\n\n已保存12月值班表。导出：/排班 导出 2026-12\n"
        "值班前一天 17:30 和当天 07:00 会在群里提醒。",
        user_id=COORDINATOR,
    )
    entries = await rows(RosterEntry, RosterEntry.status == RosterStatus.PLANNED)
    assert len(entries) == 13 * 6
    assert sum(e.is_leader for e in entries) == 13 * 2
    [plan] = await rows(MonthPlan)
    assert (plan.year, plan.month, plan.status, plan.from_day) == (
        2026,
        12,
        PlanStatus.ACTIVE,
        date(2026, 12, 1),
    )
    [entry] = await rows(AuditEntry, AuditEntry.action == "roster_build")
    assert entry.actor_qq == COORDINATOR


async def test_rebuilding_asks_first_then_replaces(app: App):
    from plugins.duty.model import RosterEntry, RosterStatus
    from plugins.roster.model import MonthPlan, PlanStatus

    await seed()
    text = await reply_to(app, "/排班 2026-12", user_id=COORDINATOR)
    assert text.endswith(
        "12月已有值班表。以上是新排的表：回复 /排班 确认 用它替换值班（24 小时内有效）；不回复则保持原表。"
    )
    # Nothing changed yet.
    assert await planned(WED) != {}
    assert len(await rows(RosterEntry, RosterEntry.status == RosterStatus.PLANNED)) == 12

    await send(
        app,
        "/排班 确认",
        "已换用新排的12月值班表（12月1日—12月31日）。查看：/值班表 2026-12",
        user_id=COORDINATOR,
    )
    assert len(await rows(RosterEntry, RosterEntry.status == RosterStatus.PLANNED)) == 13 * 6
    assert len(await rows(RosterEntry, RosterEntry.status == RosterStatus.REPLACED)) == 12
    statuses = [p.status for p in await rows(MonthPlan)]
    assert statuses == [PlanStatus.REPLACED, PlanStatus.ACTIVE]
    await send(
        app,
        "/排班 确认",
        "没有等待确认的新值班表。排班请发送：/排班 2026-12",
        user_id=COORDINATOR,
    )


async def test_draft_expires_after_a_day(app: App):
    from plugins.roster.model import MonthPlan, PlanStatus

    await seed()
    await reply_to(app, "/排班 2026-12", user_id=COORDINATOR, time=at("2026-11-30 08:00"))
    await send(
        app,
        "/排班 确认",
        "新排的12月值班表超过 24 小时没有确认，已作废。请重新发送：/排班 2026-12",
        user_id=COORDINATOR,
        time=at("2026-12-01 08:01"),
    )
    assert [p.status for p in await rows(MonthPlan)] == [PlanStatus.ACTIVE, PlanStatus.DISCARDED]


async def test_cancel_a_draft(app: App):
    await seed()
    await reply_to(app, "/排班 2026-12", user_id=COORDINATOR)
    await send(app, "/排班 取消", "新排的2026年12月值班表已作废，原表不变。", user_id=COORDINATOR)
    await send(app, "/排班 取消", "没有等待确认的新值班表。", user_id=COORDINATOR)


async def test_rebuild_in_the_month_keeps_the_days_gone_by(app: App):
    from plugins.duty.model import RosterEntry, RosterStatus

    await seed()
    before = await planned(WED)
    now = at("2026-12-03 10:00")
    text = await reply_to(app, "/排班 2026-12", user_id=COORDINATOR, time=now)
    assert "用它替换12月4日起的值班" in text
    await send(
        app,
        "/排班 确认",
        "已换用新排的12月值班表（12月4日—12月31日）。查看：/值班表 2026-12",
        user_id=COORDINATOR,
        time=at("2026-12-03 10:05"),
    )
    assert await planned(WED) == before
    replaced = await rows(RosterEntry, RosterEntry.status == RosterStatus.REPLACED)
    assert {e.duty_date for e in replaced} == {date(2026, 12, 4)}


async def test_a_year_without_holiday_data_is_said(app: App):
    text = await reply_to(app, "/排班 2027-01", user_id=COORDINATOR)
    assert "还没有2027年的法定节假日安排，本月只按周末休息排班" in text
    assert "roster.holidays" in text


async def test_export_sends_two_files(app: App, tmp_path):
    from plugins.roster import duty_config

    await seed()
    folder = (duty_config.duty_data_dir / "exports").resolve()
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message("/排班 导出 2026-12", user_id=COORDINATOR)
        ctx.receive_event(bot, event)
        for suffix in ("xlsx", "ics"):
            ctx.should_call_api(
                "upload_group_file",
                {
                    "group_id": 700000001,
                    "file": str(folder / f"市外侨办-2026-12.{suffix}"),
                    "name": f"市外侨办 2026年12月值班表.{suffix}",
                },
                result=None,
            )
        ctx.should_call_send(
            event,
            "已发送市外侨办 2026年12月值班表：Excel 表格和日历文件（.ics，可导入手机日历）。",
            result={"message_id": 1},
        )
    assert (folder / "市外侨办-2026-12.xlsx").read_bytes()[:2] == b"PK"
    assert (folder / "市外侨办-2026-12.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")


async def test_export_that_cannot_be_uploaded_says_where_it_is(app: App, monkeypatch):
    """Lagrange.OneBot in Docker: neither the path nor base64 nor a link is taken."""
    from nonebot.adapters.onebot.v11 import Message, MessageSegment

    from dutybot.simulator import LAGRANGE_DOCKER
    from plugins.roster import duty_config
    from tests.emulated_qq import EmulatedQQ
    from tests.fake import SELF_ID

    await seed()
    folder = (duty_config.duty_data_dir / "exports").resolve()
    peer = EmulatedQQ(LAGRANGE_DOCKER)
    async with app.test_matcher() as ctx:
        adapter = ctx.create_adapter()
        peer.attach(monkeypatch, adapter, str(SELF_ID))
        bot = ctx.create_bot(base=Bot, adapter=adapter, self_id=str(SELF_ID))
        event = fake_group_message("/排班 导出 12月", user_id=COORDINATOR)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            Message(
                MessageSegment.text(
                    "市外侨办 2026年12月值班表：\n"
                    "Excel 表格没能发到群文件（QQ 没有接收），已保存在机器人电脑上："
                    f"{folder / '市外侨办-2026-12.xlsx'}\n"
                    "日历文件没能发到群文件（QQ 没有接收），已保存在机器人电脑上："
                    f"{folder / '市外侨办-2026-12.ics'}"
                )
            ),
            result={"message_id": 1},
        )
    assert peer.files == []
    assert len(peer.calls) == 6  # path, base64, link for each


async def test_export_of_a_month_without_roster(app: App):
    await send(
        app,
        "/排班 导出 2027-01",
        "2027年1月还没有值班表。先发送：/排班 2027-01",
        user_id=COORDINATOR,
    )


@pytest.mark.parametrize("user_id", [99999])
async def test_superusers_are_coordinators(app: App, user_id):
    text = await reply_to(app, "/排班 2026-12", user_id=user_id)
    assert text.startswith("市外侨办 2026年12月值班表")


async def test_the_balance_and_last_duties_carry_into_the_next_month(app: App):
    import json

    from nonebot_plugin_orm import get_session

    from dutybot.roster import build_roster
    from plugins.roster import service
    from plugins.roster.model import MonthPlan

    await reply_to(app, "/排班 2026-12", user_id=COORDINATOR)
    # A leave with a substitute changes December's balance before January is built.
    await reply_to(app, "/请假 12-02 出差", user_id=20002)
    async with get_session() as session:
        december = await service.month_roster(session, served(), 2026, 12)
    await reply_to(app, "/排班 2027-01", user_id=COORDINATOR)
    plans = {(p.year, p.month): p for p in await rows(MonthPlan)}
    assert json.loads(plans[2027, 1].opening_balance) == december.balance
    # January is what the domain builds from December as it stands (after the leave).
    async with get_session() as session:
        january = await service.month_roster(session, served(), 2027, 1)
    expected = build_roster(
        served().unit,
        2027,
        1,
        balance=december.balance,
        recent=december.duty_dates_by_person(),
    )
    assert set(january.shifts) == set(expected.shifts)
    # Over the two months everyone but the one on leave is within one duty of the others:
    # the substitute's extra December duty is made up in January.
    totals = {
        name: december.duty_counts().get(name, 0) + january.duty_counts().get(name, 0)
        for name in december.staff
        if name != "李娜"
    }
    assert max(totals.values()) - min(totals.values()) <= 1


@pytest.mark.parametrize("key", ["市委办/督查室", "../../市委办/督查室"])
async def test_export_names_its_files_safely_whatever_the_unit_key(app: App, key: str):
    from plugins.duty import units
    from plugins.roster import duty_config

    await seed()
    unit = units.for_group(700000001).unit
    original = unit.key
    object.__setattr__(unit, "key", key)
    data = duty_config.duty_data_dir.resolve()
    folder = data / "exports"
    try:
        async with app.test_matcher() as ctx:
            bot = ctx.create_bot(base=Bot)
            event = fake_group_message("/排班 导出 2026-12", user_id=COORDINATOR)
            ctx.receive_event(bot, event)
            for suffix in ("xlsx", "ics"):
                ctx.should_call_api(
                    "upload_group_file",
                    {
                        "group_id": 700000001,
                        "file": str(folder / f"市委办_督查室-2026-12.{suffix}"),
                        "name": f"市外侨办 2026年12月值班表.{suffix}",
                    },
                    result=None,
                )
            ctx.should_call_send(
                event,
                "已发送市外侨办 2026年12月值班表：Excel 表格和日历文件（.ics，可导入手机日历）。",
                result={"message_id": 1},
            )
    finally:
        object.__setattr__(unit, "key", original)
    assert (folder / "市委办_督查室-2026-12.xlsx").read_bytes()[:2] == b"PK"
    assert not list(data.parent.glob("**/督查室-2026-12.*"))
    assert not list(folder.glob(".*.part"))
