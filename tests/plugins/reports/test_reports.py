"""Daily reports posted as ordinary messages: recorded, corrected, recalled."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import Bot
from nonebug import App

from dutybot.report_parser import MAX_ANALYSED_CHARS
from tests.fake import at, fake_group_message, fake_group_recall

REPORT = (
    "【路长制值班日报】\n"
    "值班时间：11月30日 7:30-9:00\n"
    "值班路段：玄帝庙街（铁北路至车站西路）路西\n"
    "值班人员：王晓明、李娜、赵强、刘海燕、陈志远、孙悦\n"
    "发现问题：\n"
    "1.电动车乱停放5处\n"
    "2.绿化带内烟头纸屑若干\n"
    "3.盲道砖破损2块\n"
    "整改情况：电动车已摆放整齐，绿化带垃圾当场清理；盲道砖破损已拍照上报城管，待维修。\n"
    "值班期间劝导行人12人次。"
)
REPLY = "已记录 11月30日 玄帝庙街路西：到岗6人，发现问题8处，已解决6处，待协调2处"


async def say(app: App, text: str, reply: str | None, **event_args) -> int:
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_message(text, **event_args)
        ctx.receive_event(bot, event)
        if reply is not None:
            ctx.should_call_send(event, reply, result={"message_id": 9})
    return event.message_id


async def rows(statement):
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return list((await session.execute(statement)).all())


async def reports():
    from plugins.reports.model import DailyReport

    return await rows(
        sa.select(DailyReport.status, DailyReport.found_total, DailyReport.resolved_total).order_by(
            DailyReport.id
        )
    )


async def problems():
    from plugins.ledger.model import Problem

    return await rows(
        sa.select(Problem.category, Problem.quantity, Problem.status, Problem.found_on).order_by(
            Problem.number
        )
    )


async def checkins():
    from plugins.duty.model import Checkin, Staff

    return await rows(
        sa.select(Staff.name, Checkin.source)
        .join(Staff, Staff.id == Checkin.staff_id)
        .order_by(Checkin.id)
    )


async def test_report_is_recorded_without_a_command(app: App):
    from plugins.reports.model import ReportActivity

    await say(app, REPORT, REPLY, time=at("2026-11-30 09:12"))
    assert await reports() == [("active", 8, 6)]
    assert [(c, q, s.value) for c, q, s, _ in await problems()] == [
        ("市容秩序", 5, "resolved"),
        ("环境卫生", 1, "resolved"),
        ("基础设施", 2, "open"),
    ]
    assert {d for *_, d in await problems()} == {date(2026, 11, 30)}
    assert [(n, s.value) for n, s in await checkins()] == [
        ("王晓明", "report"),
        ("李娜", "report"),
        ("赵强", "report"),
        ("刘海燕", "report"),
        ("陈志远", "report"),
        ("孙悦", "report"),
    ]
    assert await rows(sa.select(ReportActivity.kind, ReportActivity.count)) == [("劝导", 12)]


async def test_people_already_checked_in_are_counted_once(app: App):
    await say(
        app, "/报到 玄帝庙街", "已报到（玄帝庙街路西 1人）：王晓明", time=at("2026-11-30 07:31")
    )
    await say(app, REPORT, REPLY, time=at("2026-11-30 09:12"))
    assert [(n, s.value) for n, s in await checkins()][:2] == [
        ("王晓明", "self"),
        ("李娜", "report"),
    ]
    assert len(await checkins()) == 6


async def test_chat_is_not_a_report(app: App):
    for text in (
        "收到",
        "好的👍",
        "明天谁值班？",
        "@全体成员 请各值班组按时到岗，发现问题及时上报",
    ):
        await say(app, text, None)
    assert await reports() == []


async def test_report_about_yesterday_counts_on_the_duty_day(app: App):
    text = (
        "昨日（11月29日）凤凰城社区值班，周建国、吴婷婷到岗。"
        "发现楼道小广告3处，已清理；井盖破损1个，已通知物业。"
    )
    await say(
        app,
        text,
        "已记录 11月29日 市16网格：到岗2人，发现问题4处，已解决3处，待协调1处",
        time=at("2026-11-30 08:00"),
        user_id=20007,
    )
    assert {d for *_, d in await problems()} == {date(2026, 11, 29)}


async def test_corrected_report_replaces_the_earlier(app: App):
    await say(app, REPORT, REPLY, time=at("2026-11-30 09:12"))
    corrected = REPORT.replace("盲道砖破损2块", "盲道砖破损3块").replace(
        "王晓明、李娜、赵强、刘海燕、陈志远、孙悦", "王晓明、李娜、赵强、刘海燕、陈志远"
    )
    await say(
        app,
        corrected,
        "已更正 11月30日 玄帝庙街路西：到岗5人，发现问题9处，已解决6处，待协调3处",
        time=at("2026-11-30 09:20"),
    )
    assert await reports() == [("superseded", 8, 6), ("active", 9, 6)]
    current = [(c, q, s.value) for c, q, s, _ in await problems() if s.value != "withdrawn"]
    assert current == [
        ("市容秩序", 5, "resolved"),
        ("环境卫生", 1, "resolved"),
        ("基础设施", 3, "open"),
    ]
    # The corrected report's problems keep their numbers: nothing withdrawn, nothing added.
    assert len(await problems()) == 3
    assert "孙悦" not in [n for n, _ in await checkins()]


async def test_someone_elses_report_of_the_same_duty_joins_it(app: App):
    await say(app, REPORT, REPLY, time=at("2026-11-30 09:12"))
    await say(
        app,
        "玄帝庙街值班补充：发现烟头2处，已清理；路灯不亮1处，已报城管。",
        "已并入 11月30日 玄帝庙街路西 的日报：新增问题1处，#2 已登记",
        user_id=20002,
        time=at("2026-11-30 09:30"),
    )
    # Both reports are kept; the litter is the same problem (#2), the street lamp is new.
    assert [s for s, *_ in await reports()] == ["active", "active"]
    assert [(c, q, s.value) for c, q, s, _ in await problems()] == [
        ("市容秩序", 5, "resolved"),
        ("环境卫生", 2, "resolved"),
        ("基础设施", 2, "open"),
        ("基础设施", 1, "open"),
    ]


async def test_recalled_report_is_withdrawn_with_what_it_created(app: App):
    from plugins.duty.model import AuditEntry

    message_id = await say(app, REPORT, REPLY, time=at("2026-11-30 09:12"))
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_recall(message_id, time=at("2026-11-30 09:15"))
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            "消息已撤回：11月30日 玄帝庙街路西 的日报不再计入，一并撤销问题记录3条、到岗6人。",
            result={"message_id": 10},
        )
    assert await reports() == [("withdrawn", 8, 6)]
    assert {s.value for *_, s, _ in await problems()} == {"withdrawn"}
    assert await checkins() == []
    actions = await rows(sa.select(AuditEntry.action, AuditEntry.subject).order_by(AuditEntry.id))
    assert ("withdraw", "report") in actions
    assert actions.count(("withdraw", "checkin")) == 6


async def test_recalling_an_ordinary_message_says_nothing(app: App):
    message_id = await say(app, "收到", None)
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        ctx.receive_event(bot, fake_group_recall(message_id))


async def test_report_command_for_what_was_not_recognised(app: App):
    await say(app, "今天在凤凰城，捡了烟头十几个？", None)
    await say(
        app,
        "/日报 今天在凤凰城，捡了烟头十几个？",
        "已记录 11月30日 市16网格：到岗0人，发现问题10处，已解决10处",
    )
    await say(
        app,
        "/日报",
        "用法：/日报 文本：机器人没认出的值班日报，用它再发一次（平时直接在群里发日报即可）",
    )


async def test_unknown_site_and_bad_date_are_said(app: App):
    await say(
        app,
        "11月31日值班，发现人民路电动车乱停3辆，已摆放整齐。",
        "11月30日的日报没认出是哪个地点，先不计入。是哪个地点？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格\n（也可以发“/日报 地点 内容”重发）\n"
        "注意：日期“11月31日”不存在，按发送日期记",
    )
    # Nothing is counted blind: no check-ins, no problems under 未注明地点.
    assert await checkins() == []
    assert await problems() == []
    assert await reports() == [("held", 3, 3)]


async def test_only_emoji_and_huge_messages(app: App):
    await say(app, "😀😀😀", None)
    huge = "玄帝庙街值班，发现烟头3处已清理。" + "很" * 50_000
    await say(
        app,
        huge,
        "已记录 11月30日 玄帝庙街路西：到岗0人，发现问题3处，已解决3处\n"
        f"注意：消息太长，只读了前{MAX_ANALYSED_CHARS}字",
    )
    from plugins.reports.model import DailyReport

    [(raw,)] = await rows(sa.select(DailyReport.raw_text))
    assert raw == huge  # the raw text is kept whole


async def test_nul_characters_are_taken_out_before_the_report_is_read(app: App):
    # PostgreSQL text cannot hold NUL: such a report could never be saved there.
    text = "玄帝庙街值班，\x00发现烟头3处已清理。\x00"
    await say(
        app,
        text,
        "已记录 11月30日 玄帝庙街路西：到岗0人，发现问题3处，已解决3处",
        card="城管科-王\x00晓明",
    )
    from plugins.reports.model import DailyReport

    [(raw, name)] = await rows(sa.select(DailyReport.raw_text, DailyReport.sender_name))
    assert (raw, name) == ("玄帝庙街值班，发现烟头3处已清理。", "城管科-王晓明")


async def test_redelivered_report_is_recorded_once(app: App):
    await say(app, REPORT, REPLY, message_id=4242)
    await say(app, REPORT, None, message_id=4242)
    assert len(await reports()) == 1
