"""/月报, /月报 材料 and /周报 in the group and in private chat: replies, uploads, refusals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from nonebot.adapters.onebot.v11 import ActionFailed, Bot, NetworkError
from nonebug import App

from dutybot.monthly import Period, render_chat
from tests.fake import GROUP, SELF_ID, fake_group_message, fake_private_message
from tests.plugins.monthly.month import SHANGHAI

COORDINATOR = 10001
SUPERUSER = 99999
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch):
    """Freeze the bot's clock: ``today("2026-12-02")``."""
    from dutybot import clock

    def freeze(day: str) -> None:
        moment = datetime.fromisoformat(f"{day} 10:00").replace(tzinfo=SHANGHAI)
        monkeypatch.setattr(clock, "now", lambda: moment)

    freeze("2026-12-02")
    return freeze


async def expected_text(served, period: Period, footer: str = "") -> str:
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, period)
    return render_chat(summary, footer=footer)


def upload(data_dir: Path, name: str, **target) -> tuple[str, dict]:
    path = data_dir / "exports" / name
    api = "upload_group_file" if "group_id" in target else "upload_private_file"
    return api, {**target, "file": str(path.absolute()), "name": name}


async def converse(app: App, event, *, calls=(), reply: str | None = None):
    """Post ``event``; expect the API ``calls`` (api, data, outcome) then the ``reply``."""
    async with app.test_matcher() as ctx:
        bot = ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.receive_event(bot, event)
        for api, data, outcome in calls:
            if isinstance(outcome, Exception):
                ctx.should_call_api(api, data, exception=outcome)
            else:
                ctx.should_call_api(api, data, result=outcome)
        if reply is not None:
            ctx.should_call_send(event, reply, result={"message_id": 1})


async def test_monthly_in_the_group(app: App, november, served, data_dir, today):
    name = "市外侨办-2026-11-月报.xlsx"
    footer = f"Excel 明细已发到群文件：{name}\nWord 说明报告：/月报 材料 2026-11"
    reply = await expected_text(served, NOVEMBER, footer)
    assert reply.startswith("市外侨办 2026年11月值班月报\n【玄帝庙街路西】\n值班 4 次（计划 4 次）")
    api, data = upload(data_dir, name, group_id=GROUP)
    await converse(
        app,
        fake_group_message("/月报 2026-11", user_id=COORDINATOR),
        calls=[(api, data, None)],
        reply=reply,
    )
    book = openpyxl.load_workbook(data_dir / "exports" / name)
    assert book.sheetnames == ["汇总", "人员", "问题台账", "值班记录"]


async def test_monthly_defaults_to_last_month_early_in_a_month(
    app: App, november, served, data_dir, today
):
    today("2026-12-05")
    name = "市外侨办-2026-11-月报.xlsx"
    api, data = upload(data_dir, name, group_id=GROUP)
    footer = f"Excel 明细已发到群文件：{name}\nWord 说明报告：/月报 材料 2026-11"
    await converse(
        app,
        fake_group_message("/月报", user_id=COORDINATOR),
        calls=[(api, data, None)],
        reply=await expected_text(served, NOVEMBER, footer),
    )


async def test_monthly_later_in_a_month_is_the_month_so_far(
    app: App, november, served, data_dir, today
):
    today("2026-11-20")
    so_far = Period(date(2026, 11, 1), date(2026, 11, 20), partial=True)
    name = "市外侨办-2026-11-月报.xlsx"
    api, data = upload(data_dir, name, group_id=GROUP)
    footer = f"Excel 明细已发到群文件：{name}\nWord 说明报告：/月报 材料 2026-11"
    reply = await expected_text(served, so_far, footer)
    assert reply.startswith("市外侨办 2026年11月（1日—20日）值班月报")
    await converse(
        app,
        fake_group_message("／月报", user_id=SUPERUSER),  # a superuser may too
        calls=[(api, data, None)],
        reply=reply,
    )


@pytest.mark.parametrize("failure", [ActionFailed(retcode=100), NetworkError("timeout")])
async def test_upload_failure_says_where_the_file_is(
    app: App, november, served, data_dir, today, failure
):
    name = "市外侨办-2026-11-月报.xlsx"
    api, data = upload(data_dir, name, group_id=GROUP)
    footer = (
        f"Excel 明细没能直接发送，已保存在机器人电脑上：{(data_dir / 'exports' / name).resolve()}"
        "\nWord 说明报告：/月报 材料 2026-11"
    )
    await converse(
        app,
        fake_group_message("/月报 2026-11", user_id=COORDINATOR),
        calls=[(api, data, failure)],
        reply=await expected_text(served, NOVEMBER, footer),
    )
    assert (data_dir / "exports" / name).is_file()


async def test_materials(app: App, november, served, data_dir, today):
    name = "市外侨办-2026-11-月报材料.docx"
    api, data = upload(data_dir, name, group_id=GROUP)
    await converse(
        app,
        fake_group_message("/月报 材料 2026-11", user_id=COORDINATOR),
        calls=[(api, data, None)],
        reply=(
            "市外侨办 2026年11月值班月报\n"
            f"Word 说明报告草稿（约700字，含整改前后对比照片）已发到群文件：{name}\n"
            "请核对修改后上报。"
        ),
    )
    document = docx.Document(str(data_dir / "exports" / name))
    assert document.paragraphs[0].text.endswith("工作情况的说明报告")


async def test_materials_upload_failure(app: App, november, served, data_dir, today):
    name = "市外侨办-2026-11-月报材料.docx"
    api, data = upload(data_dir, name, group_id=GROUP)
    where = (data_dir / "exports" / name).resolve()
    await converse(
        app,
        fake_group_message("/月报 2026-11 材料", user_id=COORDINATOR),
        calls=[(api, data, ActionFailed(retcode=100))],
        reply=(
            "市外侨办 2026年11月值班月报\n"
            f"Word 说明报告草稿（约700字，含整改前后对比照片）没能直接发送，已保存在机器人电脑上：{where}\n"
            "请核对修改后上报。"
        ),
    )


async def test_monthly_in_private_chat(app: App, november, served, data_dir, today):
    name = "市外侨办-2026-11-月报.xlsx"
    api, data = upload(data_dir, name, user_id=COORDINATOR)
    footer = f"Excel 明细已发到私聊：{name}\nWord 说明报告：/月报 材料 2026-11"
    await converse(
        app,
        fake_private_message("/月报 2026-11", user_id=COORDINATOR),
        calls=[(api, data, None)],
        reply=await expected_text(served, NOVEMBER, footer),
    )


REFUSED = "月报和周报由协调人查看。需要时请联系协调人；未解决的问题可发送：/问题 列表"


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        ("/月报", REFUSED),
        ("/月报 材料 2026-11", REFUSED),
        ("/周报", REFUSED),
    ],
)
async def test_staff_are_refused(app: App, served, data_dir, today, text, reply):
    await converse(app, fake_group_message(text, user_id=20002), reply=reply)
    await converse(app, fake_private_message(text, user_id=20002), reply=reply)
    assert not (data_dir / "exports").exists()


@pytest.mark.parametrize(
    ("text", "reply"),
    [
        (
            "/月报 2026-13",
            "没看懂“2026-13”。请写 年-月，如：/月报 2026-12；Word 说明报告：/月报 材料 2026-12",
        ),
        (
            "/月报 十一月份吧",
            "没看懂“十一月份吧”。请写 年-月，如：/月报 2026-12；Word 说明报告：/月报 材料 2026-12",
        ),
        ("/月报 2027-01", "2027年1月还没到。本月至今请发送：/月报 2026-12"),
        ("/周报 2026-11", "没看懂“2026-11”。上周汇总请发送：/周报；本周至今：/周报 本周"),
    ],
)
async def test_bad_arguments_say_what_to_type(app: App, served, data_dir, today, text, reply):
    await converse(app, fake_group_message(text, user_id=COORDINATOR), reply=reply)
    assert not (data_dir / "exports").exists()


async def test_weekly(app: App, november, served, data_dir, today):
    today("2026-11-12")
    week = Period(date(2026, 11, 2), date(2026, 11, 8), "week")
    reply = await expected_text(served, week)
    assert reply.startswith(
        "市外侨办 11月2日—8日值班周报\n【玄帝庙街路西】\n值班 3 次（计划 3 次）"
    )
    await converse(app, fake_group_message("/周报", user_id=COORDINATOR), reply=reply)
    assert not (data_dir / "exports").exists()  # chat only


async def test_help_lists_the_commands(app: App, served):
    from plugins.duty.chat import command_usages

    usages = command_usages()
    assert usages["月报"].startswith("/月报 [年-月]")
    assert usages["周报"] == "/周报：上周汇总（协调人）"


async def test_a_superuser_of_several_units_is_sent_to_the_group(app: App, served, tmp_path):
    from nonebot_plugin_orm import get_session

    from plugins.duty import units
    from tests.conftest import UNIT_FILE

    folder = tmp_path / "units"
    folder.mkdir()
    text = UNIT_FILE.read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    (folder / "b.toml").write_text(
        text.replace('name = "市外侨办"', 'name = "市商务局"')
        .replace("700000001", "700000002")
        .replace("coordinators = [10001]", "coordinators = [10002]"),
        encoding="utf-8",
    )
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))
    await converse(
        app,
        fake_private_message("/月报", user_id=SUPERUSER),
        reply="你是多个单位的协调人，请在对应单位的工作群里发送 /月报。",
    )
