"""/月报, /月报 材料 and /周报 in the group and in private chat: replies, uploads, refusals."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment, NetworkError
from nonebug import App

from dutybot.monthly import Period, render_chat
from dutybot.simulator import LAGRANGE_DOCKER, NAPCAT_DOCKER
from tests.emulated_qq import EmulatedQQ
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


async def expected_text(served, period: Period, footer: str = "") -> Message:
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, period)
    return text(render_chat(summary, footer=footer))


def text(value: str) -> Message:
    """A reply built from a text segment (user text in it never becomes CQ code)."""
    return Message(MessageSegment.text(value))


def upload(data_dir: Path, name: str, **target) -> tuple[str, dict]:
    path = data_dir / "exports" / name
    api = "upload_group_file" if "group_id" in target else "upload_private_file"
    return api, {**target, "file": str(path.absolute()), "name": name}


async def converse(
    app: App, event, *, calls=(), reply: str | Message | None = None, peer=None, monkeypatch=None
):
    """Post ``event``; expect the API ``calls`` (api, data, outcome) then the ``reply``. With
    a ``peer`` (an EmulatedQQ), that answers the API calls instead."""
    async with app.test_matcher() as ctx:
        adapter = ctx.create_adapter()
        if peer is not None:
            peer.attach(monkeypatch, adapter, str(SELF_ID))
        bot = ctx.create_bot(base=Bot, adapter=adapter, self_id=str(SELF_ID))
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
    assert reply.extract_plain_text().startswith(
        "市外侨办 2026年11月值班月报\n【玄帝庙街路西】\n值班 4 次（计划 4 次）"
    )
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
    assert reply.extract_plain_text().startswith("市外侨办 2026年11月（1日—20日）值班月报")
    await converse(
        app,
        fake_group_message("／月报", user_id=SUPERUSER),  # a superuser may too
        calls=[(api, data, None)],
        reply=reply,
    )


class Unanswered(EmulatedQQ):
    """A QQ side that takes the upload but does not answer in time (the adapter's timeout)."""

    async def _call_api(self, bot, api: str, **data):
        self.calls.append((api, data))
        raise NetworkError(f"WebSocket call api {api} timeout")


async def test_upload_failure_says_where_the_file_is(
    app: App, november, served, data_dir, today, monkeypatch
):
    """Lagrange.OneBot in Docker takes neither the path nor base64 nor the link."""
    name = "市外侨办-2026-11-月报.xlsx"
    path = (data_dir / "exports" / name).resolve()
    footer = (
        f"Excel 明细没能发到群文件（QQ 没有接收），已保存在机器人电脑上：{path}"
        "\nWord 说明报告：/月报 材料 2026-11"
    )
    peer = EmulatedQQ(LAGRANGE_DOCKER)
    await converse(
        app,
        fake_group_message("/月报 2026-11", user_id=COORDINATOR),
        reply=await expected_text(served, NOVEMBER, footer),
        peer=peer,
        monkeypatch=monkeypatch,
    )
    assert [data["file"].split(":")[0] for _, data in peer.calls] == [str(path), "base64", "http"]
    assert peer.files == []
    assert path.is_file()


async def test_an_unanswered_upload_is_not_called_sent_nor_sent_again(
    app: App, november, served, data_dir, today, monkeypatch
):
    name = "市外侨办-2026-11-月报.xlsx"
    path = (data_dir / "exports" / name).resolve()
    footer = (
        "Excel 明细已交给 QQ 发送，但没等到 QQ 的确认，请看看群文件里有没有；"
        f"没有的话，文件在机器人电脑上：{path}\nWord 说明报告：/月报 材料 2026-11"
    )
    peer = Unanswered(NAPCAT_DOCKER)
    await converse(
        app,
        fake_group_message("/月报 2026-11", user_id=COORDINATOR),
        reply=await expected_text(served, NOVEMBER, footer),
        peer=peer,
        monkeypatch=monkeypatch,
    )
    assert len(peer.calls) == 1


async def test_files_reach_napcat_in_docker(
    app: App, november, served, data_dir, today, monkeypatch
):
    """The path refused (识别URL失败), base64 taken: the very bytes of the file on disk."""
    name = "市外侨办-2026-11-月报.xlsx"
    footer = f"Excel 明细已发到群文件：{name}\nWord 说明报告：/月报 材料 2026-11"
    peer = EmulatedQQ(NAPCAT_DOCKER)
    await converse(
        app,
        fake_group_message("/月报 2026-11", user_id=COORDINATOR),
        reply=await expected_text(served, NOVEMBER, footer),
        peer=peer,
        monkeypatch=monkeypatch,
    )
    [received] = peer.files
    assert (received.form, received.name) == ("base64", name)
    assert received.data == (data_dir / "exports" / name).read_bytes()


async def test_materials(app: App, november, served, data_dir, today):
    name = "市外侨办-2026-11-月报材料.docx"
    api, data = upload(data_dir, name, group_id=GROUP)
    await converse(
        app,
        fake_group_message("/月报 材料 2026-11", user_id=COORDINATOR),
        calls=[(api, data, None)],
        reply=text(
            "市外侨办 2026年11月值班月报\n"
            f"Word 说明报告草稿（约700字，含整改前后对比照片）已发到群文件：{name}\n"
            "请核对修改后上报。"
        ),
    )
    document = docx.Document(str(data_dir / "exports" / name))
    assert document.paragraphs[0].text.endswith("工作情况的说明报告")


async def test_materials_upload_failure(app: App, november, served, data_dir, today, monkeypatch):
    name = "市外侨办-2026-11-月报材料.docx"
    where = (data_dir / "exports" / name).resolve()
    await converse(
        app,
        fake_group_message("/月报 2026-11 材料", user_id=COORDINATOR),
        reply=text(
            "市外侨办 2026年11月值班月报\n"
            "Word 说明报告草稿（约700字，含整改前后对比照片）没能发到群文件（QQ 没有接收），"
            f"已保存在机器人电脑上：{where}\n"
            "请核对修改后上报。"
        ),
        peer=EmulatedQQ(LAGRANGE_DOCKER),
        monkeypatch=monkeypatch,
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
    assert reply.extract_plain_text().startswith(
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
