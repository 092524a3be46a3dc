"""The 1st-of-month post: awaited directly with the clock given, as the scheduler runs it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from nonebot.adapters.onebot.v11 import ActionFailed, Bot, Message, MessageSegment
from nonebug import App

from dutybot.simulator import FILE_SIDES, FileSide
from tests.conftest import UNIT_FILE
from tests.emulated_qq import EmulatedQQ
from tests.fake import GROUP, SELF_ID
from tests.plugins.monthly.month import SHANGHAI

COORDINATOR = 10001
DUE = datetime(2026, 12, 1, 9, 0, tzinfo=SHANGHAI)


@pytest.fixture
async def posting(served, tmp_path: Path):
    """The test unit with the monthly post switched on (as [monthly] summary_at = "09:00")."""
    from nonebot_plugin_orm import get_session

    from plugins.duty import units
    from plugins.monthly import delivery

    def activate(monthly: str):
        text = UNIT_FILE.read_text(encoding="utf-8").replace("summary_at = false", monthly)
        path = tmp_path / "unit.toml"
        path.write_text(text, encoding="utf-8")
        return units.read_unit_files(path)

    async def switch(monthly: str = 'summary_at = "09:00"'):
        delivery.forget_finished()
        async with get_session() as session:
            await units.activate(session, activate(monthly))
        return units.for_group(GROUP)

    return switch


async def summary_text(served, footer: str) -> str:
    from nonebot_plugin_orm import get_session

    from dutybot.monthly import Period, render_chat
    from plugins.monthly import delivery

    period = Period(datetime(2026, 11, 1).date(), datetime(2026, 11, 30).date())
    async with get_session() as session:
        return render_chat(await delivery.build_summary(session, served, period), footer=footer)


async def dispatches() -> list[tuple]:
    from nonebot_plugin_orm import get_session

    async with get_session() as session:
        return [
            tuple(row)
            for row in await session.execute(
                sa.text(
                    "SELECT key, status, attempts FROM roster_reminder "
                    "WHERE kind = 'monthly' ORDER BY id"
                )
            )
        ]


def files(data_dir: Path, user_id: int) -> list[tuple[str, dict]]:
    return [
        (
            "upload_private_file",
            {
                "user_id": user_id,
                "file": str((data_dir / "exports" / name).absolute()),
                "name": name,
            },
        )
        for name in ("市外侨办-2026-11-月报.xlsx", "市外侨办-2026-11-月报材料.docx")
    ]


def resolved(path: str) -> str:
    return str(Path(path).resolve())


def text(value: str) -> Message:
    return Message(MessageSegment.text(value))


INTRO = text("市外侨办 2026年11月值班月报：正在发送 Excel 明细和 Word 说明报告草稿。")
SENT = "Excel 明细和 Word 说明报告草稿已私发协调人。"
ASK = "协调人可发送 /月报 2026-11 获取 Excel 明细，/月报 材料 2026-11 获取 Word 说明报告。"


async def test_posts_once_to_the_group_and_the_files_to_the_coordinator(
    app: App, november, posting, data_dir
):
    from plugins.monthly.delivery import forget_finished, monthly_summary_tick

    served = await posting()
    post = text(await summary_text(served, SENT))
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.should_call_api(
            "send_private_msg", {"user_id": COORDINATOR, "message": INTRO}, result={}
        )
        for api, data in files(data_dir, COORDINATOR):
            ctx.should_call_api(api, data, result=None)
        ctx.should_call_api("send_group_msg", {"group_id": GROUP, "message": post}, result={})
        assert await monthly_summary_tick(DUE) == 2
        # Again a minute later, and as a restarted process would (memory gone): nothing.
        assert await monthly_summary_tick(DUE.replace(minute=1)) == 0
        forget_finished()
        assert await monthly_summary_tick(DUE.replace(hour=15)) == 0
    assert await dispatches() == [
        (f"u{served.unit_id}:monthly:2026-11-01:p{COORDINATOR}", "sent", 1),
        (f"u{served.unit_id}:monthly:2026-11-01:g{GROUP}", "sent", 1),
    ]


@pytest.mark.parametrize(
    "now",
    [
        DUE.replace(hour=8, minute=59),  # too early
        DUE.replace(day=4, hour=10),  # too late to catch up
        DUE.replace(hour=22, minute=5),  # night
    ],
)
async def test_nothing_outside_its_time(app: App, posting, now):
    from plugins.monthly.delivery import monthly_summary_tick

    await posting()
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        assert await monthly_summary_tick(now) == 0
    assert await dispatches() == []


async def test_switched_off(app: App, posting):
    from plugins.monthly.delivery import monthly_summary_tick

    await posting("summary_at = false")
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        assert await monthly_summary_tick(DUE) == 0
    assert await dispatches() == []


async def test_no_bot_connected_claims_nothing(app: App, posting):
    from plugins.monthly.delivery import monthly_summary_tick

    await posting()
    assert await monthly_summary_tick(DUE) == 0
    assert await dispatches() == []


async def test_group_only_when_files_are_not_wanted(app: App, posting, data_dir):
    from plugins.monthly.delivery import monthly_summary_tick

    served = await posting('summary_at = "08:30"\nfiles_to_coordinators = false')
    post = text(await summary_text(served, ASK))
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.should_call_api("send_group_msg", {"group_id": GROUP, "message": post}, result={})
        assert await monthly_summary_tick(DUE.replace(hour=8, minute=30)) == 1
    assert not (data_dir / "exports").exists()


async def test_a_failed_post_is_tried_again_later(app: App, posting, data_dir):
    from plugins.monthly.delivery import monthly_summary_tick

    served = await posting()
    private = ("send_private_msg", {"user_id": COORDINATOR, "message": INTRO})
    # The coordinator could not be reached: the group post claims nothing.
    not_reached = text(
        await summary_text(
            served,
            "Excel 明细和 Word 说明报告草稿没能私发协调人（文件已保存在机器人电脑上）。" + ASK,
        )
    )
    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.should_call_api(*private, exception=ActionFailed(retcode=1200))
        ctx.should_call_api(
            "send_group_msg",
            {"group_id": GROUP, "message": not_reached},
            exception=ActionFailed(retcode=1200),
        )
        assert await monthly_summary_tick(DUE) == 2
    assert [status for _, status, _ in await dispatches()] == ["failed", "failed"]

    async with app.test_api() as ctx:
        ctx.create_bot(base=Bot, self_id=str(SELF_ID))
        ctx.should_call_api(*private, result={})
        for api, data in files(data_dir, COORDINATOR):
            ctx.should_call_api(api, data, result=None)
        ctx.should_call_api(
            "send_group_msg",
            {"group_id": GROUP, "message": text(await summary_text(served, SENT))},
            result={},
        )
        assert await monthly_summary_tick(DUE.replace(minute=1)) == 2
    assert [row[1:] for row in await dispatches()] == [("sent", 2), ("sent", 2)]


async def test_gives_up_after_three_attempts(app: App, posting):
    from plugins.monthly.delivery import MAX_ATTEMPTS, monthly_summary_tick

    served = await posting('summary_at = "09:00"\nfiles_to_coordinators = false')
    post = text(await summary_text(served, ASK))
    for minute in range(MAX_ATTEMPTS + 1):
        async with app.test_api() as ctx:
            ctx.create_bot(base=Bot, self_id=str(SELF_ID))
            if minute < MAX_ATTEMPTS:
                ctx.should_call_api(
                    "send_group_msg",
                    {"group_id": GROUP, "message": post},
                    exception=ActionFailed(retcode=1200),
                )
            await monthly_summary_tick(DUE.replace(minute=minute))
    assert [row[1:] for row in await dispatches()] == [("failed", MAX_ATTEMPTS)]


class RefusesWorkbooks(EmulatedQQ):
    """NapCat on the bot's PC that, for some reason of its own, refuses every .xlsx."""

    async def _call_api(self, bot, api: str, **data):
        if str(data.get("name", "")).endswith(".xlsx"):
            self.calls.append((api, data))
            raise ActionFailed(status="failed", retcode=1200, message="上传失败")
        return await super()._call_api(bot, api, **data)


async def test_files_that_cannot_be_sent_are_pointed_to(app: App, posting, data_dir, monkeypatch):
    """The workbook is refused in every form offered (path, base64, link), the Word draft
    arrives: the coordinator is told where the workbook is, the group that not all arrived."""
    from plugins.monthly.delivery import monthly_summary_tick

    served = await posting()
    peer = RefusesWorkbooks(FILE_SIDES[0])
    async with app.test_api() as ctx:
        adapter = ctx.create_adapter()
        peer.attach(monkeypatch, adapter, str(SELF_ID))
        ctx.create_bot(base=Bot, adapter=adapter, self_id=str(SELF_ID))
        assert await monthly_summary_tick(DUE) == 2

    xlsx = data_dir / "exports" / "市外侨办-2026-11-月报.xlsx"
    tried = [d["file"] for api, d in peer.calls if api == "upload_private_file"]
    assert [file.split(":")[0] for file in tried] == [
        str(xlsx),
        "base64",
        "http",
        str(xlsx).replace(".xlsx", "材料.docx"),
    ]
    assert [f.name for f in peer.files] == ["市外侨办-2026-11-月报材料.docx"]
    assert peer.sent("send_private_msg") == [
        INTRO,
        text(f"Excel 明细没能发到私聊（QQ 没有接收），已保存在机器人电脑上：{xlsx.resolve()}"),
    ]
    partly = "Excel 明细和 Word 说明报告草稿有的没能私发协调人（已保存在机器人电脑上）。"
    assert peer.sent("send_group_msg") == [text(await summary_text(served, partly + ASK))]
    assert [row[1] for row in await dispatches()] == ["sent", "sent"]


@pytest.mark.parametrize("side", FILE_SIDES, ids=lambda side: side.name)
async def test_in_every_deployment(
    app: App, november, posting, data_dir, monkeypatch, side: FileSide
):
    """The QQ side as each implementation and deployment takes files: the coordinator gets
    both files (the very bytes on disk) wherever that is possible, and the group post says
    truly whether they did. User text (a problem, a /协调 unit) that looks like CQ code is
    posted as text."""
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.ledger import service as ledger
    from plugins.monthly.delivery import monthly_summary_tick

    served = await posting()
    async with get_session() as session:
        problem = await ledger.add_problem(
            session,
            served.unit_id,
            None,
            "市容秩序",
            "[CQ:at,qq=all]",
            1,
            datetime(2026, 11, 27, 8, 0, tzinfo=SHANGHAI),
            Source.COMMAND,
            20001,
            None,
        )
        problem.coordinating_with = "[CQ:image,file=file:///etc/passwd]"
        await session.commit()

    peer = EmulatedQQ(side)
    async with app.test_api() as ctx:
        adapter = ctx.create_adapter()
        peer.attach(monkeypatch, adapter, str(SELF_ID))
        ctx.create_bot(base=Bot, adapter=adapter, self_id=str(SELF_ID))
        assert await monthly_summary_tick(DUE) == 2

    exports = data_dir / "exports"
    names = ("市外侨办-2026-11-月报.xlsx", "市外侨办-2026-11-月报材料.docx")
    [post] = peer.sent("send_group_msg")
    assert [segment.type for segment in post] == ["text"]
    assert (
        "#9 未注明地点·市容秩序 [CQ:at,qq=all]｜3天 已超期，[CQ:image,file=file:///etc/passwd]处理中"
        in str(post[0].data["text"])
    )
    private = peer.sent("send_private_msg")
    assert all([segment.type for segment in message] == ["text"] for message in private)
    assert private[0] == INTRO
    if side.name in ("lagrange-docker", "lagrange-highway-failed"):  # they take no file
        assert peer.files == []
        notes = private[1][0].data["text"].splitlines()
        assert notes == [
            f"{what}没能发到私聊（QQ 没有接收），已保存在机器人电脑上：{(exports / name).resolve()}"
            for what, name in zip(("Excel 明细", "Word 说明报告"), names, strict=True)
        ]
        assert (
            post[0]
            .data["text"]
            .endswith(
                "Excel 明细和 Word 说明报告草稿没能私发协调人（文件已保存在机器人电脑上）。" + ASK
            )
        )
    else:
        assert [(f.action, f.target, f.name, f.data) for f in peer.files] == [
            ("upload_private_file", COORDINATOR, name, (exports / name).read_bytes())
            for name in names
        ]
        assert len(private) == 1  # no note: both arrived
        assert post[0].data["text"].endswith(SENT)
    assert [row[1] for row in await dispatches()] == ["sent", "sent"]


async def test_the_job_is_scheduled(app: App):
    from nonebot_plugin_apscheduler import scheduler

    from plugins.monthly.delivery import monthly_summary_tick

    job = scheduler.get_job("monthly_summary")
    assert job is not None
    assert job.func is monthly_summary_tick
    fields = {f.name: str(f) for f in job.trigger.fields}
    assert (fields["day"], fields["hour"], fields["minute"]) == ("1-3", "*", "*")
