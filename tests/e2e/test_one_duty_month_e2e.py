"""A month told the way a real group tells it, over the real WebSocket: every problem told two
or three ways (/问题, the leader's report, a second member's report), people who did not come,
a site typo resent with /日报, a recalled correction, pasted text. /月报 must equal the hand
count stated here line by line.

Sites: R = 玄帝庙街路西, G = 市16网格. Problems as the hand counts them:

    day 3, R   #1 电动车乱停放 8    /问题 (李娜) + leader's report (fixed) + 刘海燕's report
                                    ("共享单车乱停6辆": the same bikes)      resolved
               #2 井盖松动 1        /问题 (刘海燕) + leader's report (报城管)   open, lasting
               #3 烟头纸屑 1        leader's report, cleaned                   resolved
               #4 路灯不亮 1        刘海燕's report only (new)                 open
    day 5, G   #5 楼道小广告 5      report resent with /日报 after a site typo; a correction
                                    to 6 recalled, so 5 stands                  resolved
               #6 宣传栏破损 1      the same report, handed to the community    open
               (孙悦 pastes the report three times: held, confirmed, the same problems, nothing new;
                a pasted 25-line notice is held and never confirmed: nothing)
    day 10, R  #2 told again: still open from day 3, lasting: the same problem
               #7 电动车乱停放 3    赵强's report + 王晓明's report: a new day, a new problem
               #8 日报更正补记 1    赵强 replies "更正 发现5处 解决4处" to the bot      resolved

    R found 8+1+1+1+3+1 = 15 (市容秩序 11, 基础设施 2, 环境卫生 1, 其他 1), resolved 8+1+3+1 = 13,
      open 2 (#2, #4), 劝导 10 人次 (day 3, told twice, counted once)
    G found 5+1 = 6, resolved 5, open 1

People (roster seeded): day 3 R 王晓明 李娜 赵强 刘海燕; day 5 G 陈志远 孙悦 周建国;
day 10 R 王晓明 李娜 赵强. 赵强 was checked in by the leader on day 3 but the report says he was
on leave (请假未到): not present. R: rostered 7, present 6; G: rostered 3, present 3.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl

from dutybot.simulator import BotProcess, SimulatedQQ, reply_segment

GROUP = 700000001
COORDINATOR = 10001
SHANGHAI = ZoneInfo("Asia/Shanghai")
ROAD = "玄帝庙街（铁北路至车站西路）路西"
GRID = "市16网格（南苑街道凤凰城社区）"
QQ = {"王晓明": 20001, "李娜": 20002, "赵强": 20003, "刘海燕": 20004}
QQ |= {"陈志远": 20005, "孙悦": 20006, "周建国": 20007}
ROSTER = {
    (3, ROAD): ("王晓明", "李娜", "赵强", "刘海燕"),
    (5, GRID): ("陈志远", "孙悦", "周建国"),
    (10, ROAD): ("王晓明", "李娜", "赵强"),
}


def last_month() -> tuple[int, int]:
    first = datetime.now(SHANGHAI).date().replace(day=1)
    previous = first - timedelta(days=1)
    return previous.year, previous.month


async def seed_roster(bot: BotProcess, year: int, month: int) -> None:
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    from plugins.duty.model import RosterEntry, Site, Staff

    engine = create_async_engine(bot.database_url, poolclass=NullPool)
    async with engine.begin() as db:
        sites = {
            name: (unit, site)
            for unit, site, name in await db.execute(sa.select(Site.unit_id, Site.id, Site.name))
        }
        staff = dict((await db.execute(sa.select(Staff.name, Staff.id))).all())
        await db.execute(
            sa.insert(RosterEntry),
            [
                {
                    "unit_id": sites[site][0],
                    "site_id": sites[site][1],
                    "staff_id": staff[name],
                    "duty_date": date(year, month, day),
                    "is_leader": False,
                    "status": "planned",
                    "created_at": datetime(2000, 1, 1),
                }
                for (day, site), names in ROSTER.items()
                for name in names
            ],
        )
    await engine.dispose()


class Group:
    """The group chat of one month: who says what when, and what the bot answers."""

    def __init__(self, qq: SimulatedQQ, year: int, month: int) -> None:
        self.qq, self.year, self.month = qq, year, month

    def at(self, day: int, hour: int, minute: int = 0) -> int:
        moment = datetime(self.year, self.month, day, hour, minute, tzinfo=SHANGHAI)
        return int(moment.timestamp())

    async def say(self, who: str, text, day: int, hour: int, minute: int = 0) -> int:
        return await self.qq.group_message(GROUP, QQ[who], text, time_=self.at(day, hour, minute))

    async def answer(self) -> tuple[str, int]:
        """The bot's next message and its id (to reply to it)."""
        from dutybot.simulator import message_text

        call = await self.qq.next_call("send_msg")
        return message_text(call["params"]["message"]), call["result"]["message_id"]


LEADER_REPORT = (
    "【玄帝庙街路西值班日报】\n"
    "值班人员：王晓明、李娜、刘海燕\n"
    "赵强请假未到。\n"
    "发现问题：\n"
    "1.电动车乱停放8辆，已摆放整齐\n"
    "2.车站西路口井盖松动1处，已报城管维修\n"
    "3.绿化带烟头纸屑若干，已清理\n"
    "劝导行人10人次。"
)
SECOND_REPORT = (
    "玄帝庙街路西值班补充：共享单车乱停6辆，已摆放整齐；路灯不亮1处，已报城管。劝导行人10人次。"
)
GRID_REPORT = "凤凰城社区值班：陈志远、孙悦、周建国到岗。楼道小广告5处，已清理；宣传栏破损1处，已通知社区维修。"
PASTE = "玄帝庙街路西巡查记录：\n" + "\n".join(f"{n}.垃圾桶满溢{n}处，已清理" for n in range(1, 26))


async def test_a_month_told_many_ways_is_counted_once(bot_process: BotProcess, qq: SimulatedQQ):
    year, month = last_month()
    await seed_roster(bot_process, year, month)
    group = Group(qq, year, month)
    day3, day5, day10 = (f"{month}月{d}日" for d in (3, 5, 10))

    # Day 3, the road: the leader checks in his team, then 赵强 turns out to be on leave.
    await group.say("王晓明", "/报到 王晓明 李娜 赵强", 3, 7, 35)
    assert "已报到（玄帝庙街路西 3人）" in (await group.answer())[0]
    await group.say("刘海燕", "/报到 玄帝庙街", 3, 7, 40)
    assert "已报到（玄帝庙街路西 4人）" in (await group.answer())[0]
    await group.say("李娜", "/问题 玄帝庙街 电动车乱停放8辆", 3, 7, 50)
    assert (await group.answer())[0] == "已登记问题 #1（市容秩序·玄帝庙街路西，8处）"
    await group.say("刘海燕", "/问题 玄帝庙街 车站西路口井盖松动", 3, 7, 55)
    assert (await group.answer())[0] == "已登记问题 #2（基础设施·玄帝庙街路西，1处）"
    await group.say("王晓明", LEADER_REPORT, 3, 9, 10)
    assert (await group.answer())[0] == (
        f"已记录 {day3} 玄帝庙街路西：到岗3人，发现问题10处（其中 #1 #2 已登记），"
        "已解决9处，待协调1处\n注意：赵强 未到，不计到岗"
    )
    await group.say("刘海燕", SECOND_REPORT, 3, 9, 30)
    assert (await group.answer())[0] == (
        f"已并入 {day3} 玄帝庙街路西 的日报：新增问题1处，#1 已登记"
    )

    # Day 5, the grid: a site the bot does not know (a typo by sound, 凤凰成, it reads right),
    # resent with /日报; a correction recalled; pastes.
    wrong = GRID_REPORT.replace("凤凰城社区", "凤城小区")
    await group.say("周建国", wrong, 5, 9, 0)
    text, _ = await group.answer()
    assert text.startswith(f"{day5}的日报没认出地点“凤城小区”，先不计入。是哪个地点？")
    await group.say("周建国", "/日报 " + GRID_REPORT, 5, 9, 5)
    assert (await group.answer())[0] == (
        f"已记录 {day5} 市16网格：到岗3人，发现问题6处，已解决5处，待协调1处"
    )
    corrected = await group.say("周建国", GRID_REPORT.replace("5处", "6处"), 5, 9, 20)
    assert (await group.answer())[0] == (
        f"已更正 {day5} 市16网格：到岗3人，发现问题7处，已解决6处，待协调1处"
    )
    await qq.group_recall(GROUP, QQ["周建国"], corrected)
    assert (await group.answer())[0] == (
        f"更正已撤回：{day5} 市16网格 的日报恢复为更正前的："
        "到岗3人，发现问题6处，已解决5处，待协调1处"
    )
    await group.say("孙悦", "\n".join([GRID_REPORT] * 3), 5, 9, 40)
    text, held_id = await group.answer()
    assert text == (
        f"{day5} 市16网格 这条消息有6句和前面重复，像是同一段内容粘贴了几遍（重复的只算一次），"
        "先不计入。核对无误请回复本消息“确认”；不对请删掉多余部分后重发。"
    )
    await group.say("孙悦", [reply_segment(held_id), _text("确认")], 5, 9, 42)
    assert (await group.answer())[0] == (f"已并入 {day5} 市16网格 的日报：没有新问题，#5 #6 已登记")
    await group.say("孙悦", PASTE, 5, 9, 45)
    text, _ = await group.answer()
    assert "比一次值班多得多" in text and "先不计入" in text

    # Day 10, the road again: the manhole cover is still loose; two members report.
    await group.say("李娜", "/报到 玄帝庙街", 10, 7, 31)
    await group.answer()
    await group.say("赵强", "/报到 玄帝庙街", 10, 7, 32)
    await group.answer()
    await group.say(
        "赵强",
        "玄帝庙街路西值班：王晓明、李娜、赵强到岗。车站西路口井盖仍然松动，已再次报城管；"
        "电动车乱停放3辆，已摆放整齐。",
        10,
        9,
        0,
    )
    text, recorded_id = await group.answer()
    assert text == (
        f"已记录 {day10} 玄帝庙街路西：到岗3人，发现问题4处（其中 #2 已登记），已解决3处，待协调1处"
    )
    await group.say(
        "王晓明", "玄帝庙街值班情况：电动车乱停3辆已摆放整齐，井盖松动已报城管。", 10, 9, 5
    )
    assert (await group.answer())[0] == (
        f"已并入 {day10} 玄帝庙街路西 的日报：没有新问题，#7 #2 已登记"
    )
    await group.say("赵强", [reply_segment(recorded_id), _text("更正 发现5处 解决4处")], 10, 9, 30)
    assert (await group.answer())[0] == (
        f"已更正 {day10} 玄帝庙街路西：发现问题5处，已解决4处，待协调1处"
    )

    # The coordinator's /月报 equals the hand count above.
    key = f"{year}-{month:02d}"
    await qq.group_message(GROUP, COORDINATOR, f"/月报 {key}")
    await qq.next_call("upload_group_file", timeout=30)
    reply = (await qq.reply_text(timeout=30)).splitlines()
    assert reply[1:9] == [
        "【玄帝庙街路西】",
        "值班 2 次（计划 2 次）",
        "到岗 6 人次（排班 7 人次，到岗率 86%）",
        "发现问题 15 处（市容秩序 11、基础设施 2、其他 1、环境卫生 1）",
        "已解决 13 处，未解决 2 处（超期 2 处）",  # due 7 days after the 3rd
        "结案率 87%，按期结案率 100%，返工率 0%",
        "处置天数中位数 0 天",
        "工作成效：劝导 10 人次",
    ]
    assert reply[9:14] == [
        "【市16网格】",
        "值班 1 次（计划 1 次）",
        "到岗 3 人次（排班 3 人次，到岗率 100%）",
        "发现问题 6 处（市容秩序 5、宣传氛围 1）",
        "已解决 5 处，未解决 1 处（超期 1 处）",
    ]
    assert "赵强：排班 2，到岗 1，缺岗 1，请假 0，换班 0，到岗率 50%，当日日报 1" in reply
    assert not any("未注明地点" in line for line in reply)

    # The Excel ledger shows each problem once, with every message that told it.
    path = bot_process.data_dir / "exports" / f"市外侨办-{key}-月报.xlsx"
    sheet = openpyxl.load_workbook(path)["问题台账"]
    by_number = {row[10]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert sorted(by_number) == [1, 2, 3, 4, 5, 6, 7, 8]
    assert by_number[1][11].split("；")[0].startswith("/问题 李娜")
    assert [part.split()[0] for part in by_number[1][11].split("；")] == ["/问题", "日报", "日报"]
    assert by_number[2][11].count("日报") == 3  # day 3 once, day 10 twice


def _text(text: str) -> dict:
    return {"type": "text", "data": {"text": text}}
