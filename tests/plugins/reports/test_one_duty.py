"""One duty, one set of figures: a problem told by /问题, by the leader's report and by a second
member's report is counted once, and every reply says what a message was matched to."""

from __future__ import annotations

from nonebug import App

from tests.fake import at
from tests.plugins.ledger.test_commands import rows, send, send_reply

MORNING = at("2026-11-30 07:40")
REPORT_TIME = at("2026-11-30 09:10")

LEADER_REPORT = (
    "【玄帝庙街路西值班日报】11月30日\n"
    "值班人员：王晓明、李娜、赵强、刘海燕\n"
    "发现问题：\n"
    "1.电动车乱停放8辆，已摆放整齐\n"
    "2.井盖松动1处，已报城管维修\n"
    "3.绿化带烟头纸屑若干，已清理\n"
    "劝导行人10人次。"
)
SECOND_REPORT = (
    "玄帝庙街路西值班：陈志远、孙悦到岗。发现共享单车乱停放6辆，已摆放整齐；"
    "路灯不亮1处，已报城管。劝导行人10人次。"
)


async def ledger() -> list[tuple]:
    return await rows(
        "SELECT number, category, quantity, status FROM ledger_problem ORDER BY number"
    )


async def register_two(app: App) -> None:
    await send(
        app,
        "/问题 玄帝庙街 电动车乱停放8辆",
        "已登记问题 #1（市容秩序·玄帝庙街路西，8处）",
        time=MORNING,
    )
    await send(
        app,
        "/问题 玄帝庙街 车站西路口井盖松动",
        "已登记问题 #2（基础设施·玄帝庙街路西，1处）",
        time=MORNING + 60,
        bot_message_id=2,
    )


async def test_problems_registered_in_the_morning_are_not_counted_again(app: App):
    await register_two(app)
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处（其中 #1 #2 已登记），"
        "已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=3,
    )
    # #1 is resolved by the report (its source is the report's message); #3 is the only new one.
    assert await ledger() == [
        (1, "市容秩序", 8, "resolved"),
        (2, "基础设施", 1, "open"),
        (3, "环境卫生", 1, "resolved"),
    ]
    [(note, message)] = await rows(
        "SELECT e.note, e.message_id FROM ledger_problemevent e "
        "JOIN ledger_problem p ON p.id = e.problem_id WHERE p.number = 1 AND e.action = 'resolve'"
    )
    [(report_message,)] = await rows("SELECT message_id FROM reports_dailyreport")
    assert message == report_message
    assert note.startswith("日报")
    told = await rows(
        "SELECT p.number, t.source, t.registered FROM ledger_problemtelling t "
        "JOIN ledger_problem p ON p.id = t.problem_id ORDER BY t.id"
    )
    assert told == [
        (1, "command", 1),
        (2, "command", 1),
        (1, "report", 0),
        (2, "report", 0),
        (3, "report", 1),
    ]


async def test_a_second_members_report_joins_the_duty(app: App):
    await register_two(app)
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处（其中 #1 #2 已登记），已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=3,
    )
    await send(
        app,
        SECOND_REPORT,
        "已并入 11月30日 玄帝庙街路西 的日报：新增问题1处，#1 已登记",
        time=REPORT_TIME + 600,
        user_id=20005,
        bot_message_id=4,
    )
    # The shared bikes are the e-bikes of #1 (6 told, 8 registered: the larger stands); the
    # street lamp is new.
    assert await ledger() == [
        (1, "市容秩序", 8, "resolved"),
        (2, "基础设施", 1, "open"),
        (3, "环境卫生", 1, "resolved"),
        (4, "基础设施", 1, "open"),
    ]
    # Everyone either report names is present once.
    [(present,)] = await rows("SELECT COUNT(*) FROM duty_checkin")
    assert present == 6


async def test_a_report_without_a_site_is_asked_about_and_counted_when_answered(app: App):
    await send(
        app,
        "今天值班发现电动车乱停放5辆，已摆放整齐。",
        "11月30日的日报没认出是哪个地点，先不计入。是哪个地点？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格\n（也可以发“/日报 地点 内容”重发）",
        time=REPORT_TIME,
    )
    assert await ledger() == []
    await send(
        app,
        "2",
        "已记录 11月30日 市16网格：到岗0人，发现问题5处，已解决5处",
        time=REPORT_TIME + 30,
    )
    assert await ledger() == [(1, "市容秩序", 5, "resolved")]
    [(site, status)] = await rows(
        "SELECT s.name, r.status FROM reports_dailyreport r JOIN duty_site s ON s.id = r.site_id"
    )
    assert (site, status) == ("市16网格（南苑街道凤凰城社区）", "active")


async def test_the_site_can_be_answered_later_by_replying_to_the_question(app: App):
    await send(
        app,
        "今天值班发现电动车乱停放5辆，已摆放整齐。",
        "11月30日的日报没认出是哪个地点，先不计入。是哪个地点？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格\n（也可以发“/日报 地点 内容”重发）",
        time=REPORT_TIME,
        bot_message_id=77,
    )
    from plugins.duty import pending

    pending.clear()  # the few minutes for a plain answer have passed
    await send(app, "1", None, time=REPORT_TIME + 3600)
    await send_reply(
        app,
        77,
        "11月30日的日报没认出是哪个地点…",
        "1",
        "已记录 11月30日 玄帝庙街路西：到岗0人，发现问题5处，已解决5处",
        time=REPORT_TIME + 3700,
    )
    assert await ledger() == [(1, "市容秩序", 5, "resolved")]


async def test_a_report_resent_with_its_site_replaces_the_unresolved_one(app: App):
    await send(
        app,
        "今天值班发现电动车乱停放5辆，已摆放整齐。",
        "11月30日的日报没认出是哪个地点，先不计入。是哪个地点？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格\n（也可以发“/日报 地点 内容”重发）",
        time=REPORT_TIME,
    )
    await send(
        app,
        "/日报 玄帝庙街 今天值班发现电动车乱停放5辆，已摆放整齐。",
        "已记录 11月30日 玄帝庙街路西：到岗0人，发现问题5处，已解决5处",
        time=REPORT_TIME + 120,
    )
    statuses = await rows("SELECT status FROM reports_dailyreport ORDER BY id")
    assert statuses == [("superseded",), ("active",)]
    assert await ledger() == [(1, "市容秩序", 5, "resolved")]


def pasted_report() -> str:
    items = "\n".join(f"{n}.烟头{n}处，已清理" for n in range(1, 23))
    return f"玄帝庙街值班：\n{items}"


async def test_a_pasted_wall_is_held_until_confirmed(app: App):
    await send(
        app,
        pasted_report(),
        "11月30日 玄帝庙街路西 这条消息读出问题22条（253处），比一次值班多得多，像是粘贴的长文，"
        "先不计入。核对无误请回复本消息“确认”；不对请删掉多余部分后重发。",
        time=REPORT_TIME,
        bot_message_id=50,
    )
    assert await ledger() == []
    await send_reply(
        app,
        50,
        "这条消息读出问题22条…",
        "确认",
        "已记录 11月30日 玄帝庙街路西：到岗0人，发现问题253处，已解决253处",
        time=REPORT_TIME + 60,
    )
    [(found,)] = await rows("SELECT SUM(quantity) FROM ledger_problem")
    assert found == 253


async def test_a_reply_corrects_the_report_and_recalling_it_undoes_that(app: App):
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=60,
    )
    await send_reply(
        app,
        60,
        "已记录 11月30日 玄帝庙街路西：…",
        "更正 发现12处 解决11处",
        "已更正 11月30日 玄帝庙街路西：发现问题12处，已解决11处，待协调1处",
        time=REPORT_TIME + 300,
    )
    assert await ledger() == [
        (1, "市容秩序", 8, "resolved"),
        (2, "基础设施", 1, "open"),
        (3, "环境卫生", 1, "resolved"),
        (4, "其他", 2, "resolved"),
    ]
    [(found, resolved)] = await rows("SELECT found_total, resolved_total FROM reports_dailyreport")
    assert (found, resolved) == (12, 11)

    await send_reply(
        app,
        60,
        "已记录 11月30日 玄帝庙街路西：…",
        "#3 是重复的",
        "已撤销 #3（不计入统计）\n已更正 11月30日 玄帝庙街路西：发现问题11处，已解决10处，待协调1处",
        time=REPORT_TIME + 400,
    )
    assert (3, "环境卫生", 1, "withdrawn") in await ledger()


async def test_a_number_told_by_someone_else_is_not_withdrawn_by_a_reply(app: App):
    await register_two(app)
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处（其中 #1 #2 已登记），已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=60,
    )
    await send_reply(
        app,
        60,
        "已记录 …",
        "#1 不是问题",
        "#1 不是这份日报登记的，如要撤销请发：/撤销 1 原因\n"
        "已更正 11月30日 玄帝庙街路西：发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME + 60,
    )
    assert (1, "市容秩序", 8, "resolved") in await ledger()


async def test_only_the_sender_or_a_coordinator_corrects(app: App):
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=60,
    )
    await send_reply(
        app,
        60,
        "已记录 …",
        "更正 发现2处",
        "只有发这份日报的人或协调人可以更正。",
        time=REPORT_TIME + 60,
        user_id=20005,
    )
    [(found,)] = await rows("SELECT SUM(quantity) FROM ledger_problem")
    assert found == 10


async def test_an_ordinary_reply_to_the_report_message_is_left_alone(app: App):
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=60,
    )
    await send_reply(app, 60, "已记录 …", "收到", None, time=REPORT_TIME + 60, user_id=20005)


async def test_activities_repeated_by_a_second_report_are_not_summed_twice(app: App):
    from datetime import date

    from nonebot_plugin_orm import get_session

    from dutybot.monthly import Period
    from plugins.duty import units
    from plugins.monthly.figures import unit_summary

    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=3,
    )
    await send(
        app,
        SECOND_REPORT,
        "已并入 11月30日 玄帝庙街路西 的日报：新增问题1处，#1 已登记",
        time=REPORT_TIME + 600,
        user_id=20005,
        bot_message_id=4,
    )
    [served] = units.all_served()
    async with get_session() as session:
        summary = await unit_summary(
            session, served.unit_id, Period(date(2026, 11, 30), date(2026, 11, 30))
        )
    road = summary.sites[0]
    assert road.reports == 1
    assert [(c.label, c.count) for c in road.activities] == [("劝导", 10)]
    assert road.found == 11


async def test_recalling_a_correction_reply_undoes_it(app: App):
    from nonebot.adapters.onebot.v11 import Bot

    from tests.fake import fake_group_recall

    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
        bot_message_id=60,
    )
    await send_reply(
        app,
        60,
        "已记录 …",
        "#3 不是问题",
        "已撤销 #3（不计入统计）\n已更正 11月30日 玄帝庙街路西：发现问题9处，已解决8处，待协调1处",
        time=REPORT_TIME + 60,
    )
    [(correction_id,)] = await rows(
        "SELECT message_id FROM ledger_problemtelling WHERE changes LIKE '%withdrawn%'"
    )
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot)
        event = fake_group_recall(int(correction_id), time=REPORT_TIME + 120)
        ctx.receive_event(bot, event)
        ctx.should_call_send(
            event,
            "更正消息已撤回，11月30日 玄帝庙街路西 的日报恢复为：发现问题10处，已解决9处",
            result={"message_id": 61},
        )
    assert (3, "环境卫生", 1, "resolved") in await ledger()


async def test_people_the_report_says_did_not_come_are_not_present(app: App):
    from datetime import date

    from nonebot_plugin_orm import get_session

    from dutybot import clock
    from dutybot.duty_record import Reading, ToldProblem
    from plugins.duty import units
    from plugins.reports.model import ReportSource
    from plugins.reports.service import record_report

    # 赵强 was named by an earlier report of the same duty; this one says he is on leave.
    [served] = units.all_served()
    await send(
        app,
        "玄帝庙街值班，王晓明、赵强到岗，巡查未发现问题。",
        "已记录 11月30日 玄帝庙街路西：到岗2人，发现问题0处，已解决0处",
        time=REPORT_TIME - 600,
        user_id=20005,
    )
    reading = Reading(
        date(2026, 11, 30),
        "玄帝庙街（铁北路至车站西路）路西",
        ("王晓明", "李娜"),
        ("赵强",),
        (ToldProblem("环境卫生", "烟头", 2, 2, "已清理"),),
        (),
    )
    async with get_session() as session:
        recorded = await record_report(
            session,
            served,
            reading,
            raw_text="…",
            sent_at=clock.from_timestamp(REPORT_TIME),
            source=ReportSource.MESSAGE,
            sender_qq=20001,
            message_id="m1",
        )
        await session.commit()
    assert recorded.present == 2
    assert recorded.absent == ("赵强",)
    names = await rows(
        "SELECT s.name FROM duty_checkin c JOIN duty_staff s ON s.id = c.staff_id ORDER BY s.name"
    )
    assert sorted(n for (n,) in names) == ["李娜", "王晓明"]


async def test_a_problem_at_a_place_that_is_no_site_asks_which_site(app: App):
    # 王晓明 is rostered nowhere today, but even a rostered site must not be guessed when the
    # message names another place: the word would end up in the wrong site's ledger.
    await send(
        app,
        "/问题 古淮路 井盖松动",
        "没认出地点“古淮路”。在哪个地点登记问题？回复序号即可：\n1. 玄帝庙街路西\n2. 市16网格",
        time=MORNING,
    )
    assert await ledger() == []
    await send(app, "1", "已登记问题 #1（基础设施·玄帝庙街路西，1处）", time=MORNING + 30)
    [(description,)] = await rows("SELECT description FROM ledger_problem")
    assert description == "井盖松动"


async def test_a_close_typo_of_a_site_is_suggested(app: App):
    await send(
        app,
        "/问题 玄帝庙路 井盖松动",
        "没认出地点“玄帝庙路”。是不是“玄帝庙街路西”？在哪个地点登记问题？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格",
        time=MORNING,
    )


async def test_a_report_naming_another_units_site_says_so(app: App, monkeypatch):
    from dutybot.unit import load_unit
    from plugins.duty import units
    from plugins.duty.units import ServedUnit
    from tests.domain.support import CORPUS

    [ours] = units.all_served()
    other = ServedUnit(load_unit(CORPUS / "unit-b.toml"), ours.unit_id + 100, {})
    monkeypatch.setattr(units, "all_served", lambda: [ours, other])
    await send(
        app,
        "建设路东侧值班：发现电动车乱停放5辆，已摆放整齐。",
        "“建设路东侧（市商务局）”不是本单位的值班地点，先不计入。是哪个地点？回复序号即可：\n"
        "1. 玄帝庙街路西\n2. 市16网格\n（也可以发“/日报 地点 内容”重发）",
        time=REPORT_TIME,
    )
    assert await ledger() == []


async def test_a_problem_registered_after_the_report_is_not_counted_again(app: App):
    await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
    )
    # The photo of the loose manhole cover, sent with /问题 after the report.
    await send(
        app,
        "/问题 玄帝庙街 井盖松动",
        "这个问题已登记过：#2（基础设施·玄帝庙街路西，1处），不重复计数。\n"
        "如果是另一处问题，请发送：/问题 另一处 井盖松动",
        time=REPORT_TIME + 300,
    )
    await send(
        app,
        "/问题 玄帝庙街 另一处 井盖松动",
        "已登记问题 #4（基础设施·玄帝庙街路西，1处）",
        time=REPORT_TIME + 400,
    )
    assert [(n, q) for n, _, q, _ in await ledger()] == [(1, 8), (2, 1), (3, 1), (4, 1)]


async def test_a_lasting_problem_registered_again_next_week_is_the_same(app: App):
    await send(
        app, "/问题 玄帝庙街 井盖松动", "已登记问题 #1（基础设施·玄帝庙街路西，1处）", time=MORNING
    )
    await send(
        app,
        "/问题 玄帝庙街 车站西路口井盖还是松动",
        "这个问题已登记过：#1（基础设施·玄帝庙街路西，1处），不重复计数。\n"
        "如果是另一处问题，请发送：/问题 另一处 井盖松动",
        time=MORNING + 7 * 86400,
    )
    # Two /问题 of the same day are two problems, as the sender meant.
    await send(
        app,
        "/问题 玄帝庙街 电动车乱停",
        "已登记问题 #2（市容秩序·玄帝庙街路西，1处）",
        time=MORNING + 7 * 86400 + 60,
    )
    await send(
        app,
        "/问题 玄帝庙街 电动车乱停",
        "已登记问题 #3（市容秩序·玄帝庙街路西，1处）",
        time=MORNING + 7 * 86400 + 120,
    )


async def test_a_problem_leaves_the_ledger_with_the_last_report_that_told_it(app: App):
    from nonebot.adapters.onebot.v11 import Bot

    from tests.fake import fake_group_recall

    first = await send(
        app,
        LEADER_REPORT,
        "已记录 11月30日 玄帝庙街路西：到岗4人，发现问题10处，已解决9处，待协调1处",
        time=REPORT_TIME,
    )
    second = await send(
        app,
        SECOND_REPORT,
        "已并入 11月30日 玄帝庙街路西 的日报：新增问题1处，#1 已登记",
        time=REPORT_TIME + 600,
        user_id=20005,
    )

    async def recall(event, reply: str) -> None:
        async with app.test_matcher() as ctx:
            bot = ctx.create_bot(base=Bot)
            notice = fake_group_recall(event.message_id, user_id=event.user_id)
            ctx.receive_event(bot, notice)
            ctx.should_call_send(notice, reply, result={"message_id": 90})

    await recall(
        first,
        "消息已撤回：11月30日 玄帝庙街路西 的日报不再计入，一并撤销问题记录2条、到岗4人。",
    )
    # The e-bikes (#1) are still told by the second report; #2 and #3 only by the first.
    assert [(n, s) for n, _, _, s in await ledger()] == [
        (1, "resolved"),
        (2, "withdrawn"),
        (3, "withdrawn"),
        (4, "open"),
    ]
    await recall(
        second,
        "消息已撤回：11月30日 玄帝庙街路西 的日报不再计入，一并撤销问题记录2条、到岗2人。",
    )
    assert {s for *_, s in await ledger()} == {"withdrawn"}
