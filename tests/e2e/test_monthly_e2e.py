"""A short month over a real WebSocket: check-ins and problems in chat, a roster put in the
database as the roster plugin would, then /月报 from the coordinator."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import openpyxl

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
COORDINATOR = 10001
SHANGHAI = ZoneInfo("Asia/Shanghai")
ROAD = "玄帝庙街（铁北路至车站西路）路西"


def last_month() -> tuple[int, int]:
    first = datetime.now(SHANGHAI).date().replace(day=1)
    previous = first - timedelta(days=1)
    return previous.year, previous.month


def moment(year: int, month: int, day: int, hour: int, minute: int = 0) -> int:
    return int(datetime(year, month, day, hour, minute, tzinfo=SHANGHAI).timestamp())


async def seed_roster(bot: BotProcess, year: int, month: int) -> None:
    """Two duties of three people at the road on the 3rd and the 10th, written as /排班 would
    (into the bot's database, SQLite or PostgreSQL)."""
    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    from plugins.duty.model import RosterEntry, Site, Staff

    engine = create_async_engine(bot.database_url, poolclass=NullPool)
    async with engine.begin() as db:
        unit_id, site_id = (
            await db.execute(sa.select(Site.unit_id, Site.id).where(Site.name == ROAD))
        ).one()
        staff = dict((await db.execute(sa.select(Staff.name, Staff.id))).all())
        await db.execute(
            sa.insert(RosterEntry),
            [
                {
                    "unit_id": unit_id,
                    "site_id": site_id,
                    "staff_id": staff[name],
                    "duty_date": date(year, month, day),
                    "is_leader": False,
                    "status": "planned",
                    "created_at": datetime(2000, 1, 1),
                }
                for day in (3, 10)
                for name in ("王晓明", "李娜", "赵强")
            ],
        )
    await engine.dispose()


async def test_monthly_summary_of_a_short_month(bot_process: BotProcess, qq: SimulatedQQ):
    year, month = last_month()
    await seed_roster(bot_process, year, month)

    for day, people in ((3, (20001, 20002)), (10, (20001, 20002, 20003))):
        for user in people:
            await qq.group_message(
                GROUP, user, "/报到 玄帝庙街", time_=moment(year, month, day, 7, 35)
            )
            assert (await qq.reply_text()).startswith("已报到（玄帝庙街路西")
    await qq.group_message(
        GROUP, 20001, "/问题 玄帝庙街 电动车乱停放5处", time_=moment(year, month, 3, 7, 50)
    )
    assert await qq.reply_text() == "已登记问题 #1（市容秩序·玄帝庙街路西，5处）"
    await qq.group_message(
        GROUP, 20002, "/问题 凤凰城 井盖松动", time_=moment(year, month, 10, 8, 0)
    )
    assert await qq.reply_text() == "已登记问题 #2（基础设施·市16网格，1处）"
    await qq.group_message(GROUP, 20003, "/解决 1 已摆放整齐", time_=moment(year, month, 3, 9))
    assert (await qq.reply_text()).startswith("已解决问题 #1")

    key = f"{year}-{month:02d}"
    await qq.group_message(GROUP, 20002, f"/月报 {key}")
    assert await qq.reply_text() == (
        "月报和周报由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"
    )

    await qq.group_message(GROUP, COORDINATOR, f"/月报 {key}")
    upload = await qq.next_call("upload_group_file", timeout=30)
    name = f"市外侨办-{key}-月报.xlsx"
    path = bot_process.data_dir / "exports" / name
    assert upload["params"] == {"group_id": GROUP, "file": str(path.absolute()), "name": name}
    reply = (await qq.reply_text(timeout=30)).splitlines()
    assert reply[:9] == [
        f"市外侨办 {year}年{month}月值班月报",
        "【玄帝庙街路西】",
        "值班 2 次（计划 2 次）",
        "到岗 5 人次（排班 6 人次，到岗率 83%）",
        "发现问题 5 处（市容秩序 5）",
        "已解决 5 处，未解决 0 处",
        "结案率 100%，按期结案率 100%，返工率 0%",
        "处置天数中位数 0 天",
        "工作成效：无记录",
    ]
    assert reply[9:16] == [
        "【市16网格】",
        "值班 0 次（计划 0 次）",
        "到岗 0 人次（排班 0 人次，到岗率 —）",
        "发现问题 1 处（基础设施 1）",
        "已解决 0 处，未解决 1 处（超期 1 处）",  # 15 days from the 10th
        "结案率 0%，按期结案率 —，返工率 —",
        "处置天数中位数 —",
    ]
    assert "赵强：排班 2，到岗 1，缺岗 1，请假 0，换班 0，到岗率 50%，当日日报 0" in reply
    assert "#2 市16网格·基础设施 井盖松动｜" in "\n".join(reply)
    assert reply[-2:] == [f"Excel 明细已发到群文件：{name}", f"Word 说明报告：/月报 材料 {key}"]

    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总", "人员", "问题台账", "值班记录"]
    assert book["问题台账"]["D2"].value == "电动车乱停放5处"


def test_demo_from_the_command_line(tmp_path):
    """``dutybot demo``: the bot in its own process, a simulated group, the files left."""
    import os
    import subprocess
    import sys

    from dutybot.simulator import PROJECT_ROOT

    env = dict(os.environ, PYTHONPATH=str(PROJECT_ROOT), PYTHONIOENCODING="utf-8")
    env.pop("DUTY_TEST_DATABASE_URL", None)
    folder = tmp_path / "demo"
    result = subprocess.run(
        [sys.executable, "-m", "dutybot", "demo", "--dir", str(folder), "--days", "4"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = result.stdout
    year, month = last_month()
    key = f"{year}-{month:02d}"
    for expected in (
        f"协调人：/排班 {key}",
        "已保存",
        "/请假 ",
        "机器人：已记下：",
        "/换班 @",
        "机器人：换班已生效：",
        "机器人：已报到（玄帝庙街路西",
        "机器人：已登记问题 #1（",
        "机器人：已更正 ",
        "撤回了一条消息",
        f"协调人：/月报 {key}",
        f"机器人：市外侨办 {year}年{month}月值班月报",
        "值班 4 次（计划 ",  # the whole month is rostered, 4 days replayed
        f"Excel 明细已发到群文件：市外侨办-{key}-月报.xlsx",
    ):
        assert expected in out, expected
    exports = folder / "data" / "exports"
    book = openpyxl.load_workbook(exports / f"市外侨办-{key}-月报.xlsx")
    assert book["汇总"]["A4"].value == ROAD
    assert (exports / f"市外侨办-{key}-月报材料.docx").is_file()
    assert f"生成的文件：{exports / f'市外侨办-{key}-月报.xlsx'}" in out
