"""The problem ledger over a real WebSocket: photos fetched over HTTP from 127.0.0.1, a reply
that resolves, and what is left on disk and in the SQLite file."""

from __future__ import annotations

import hashlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from dutybot.simulator import (
    BotProcess,
    SimulatedQQ,
    image_segment,
    message_text,
    reply_segment,
)
from tests.photo_server import JPEG, PNG, PhotoServer

GROUP = 700000001
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY_0735 = int(datetime(2026, 11, 30, 7, 35, tzinfo=SHANGHAI).timestamp())


@pytest.fixture
def images():
    with PhotoServer() as server:
        server.routes = {"/qq/before.png": PNG, "/qq/after.jpg": JPEG}
        yield server


def text(value: str) -> dict:
    return {"type": "text", "data": {"text": value}}


async def test_register_coordinate_and_resolve_by_reply(
    bot_process: BotProcess, qq: SimulatedQQ, images: PhotoServer
):
    # Registered with two photos, one of whose links has already expired.
    await qq.group_message(
        GROUP,
        20001,
        [
            text("/问题 玄帝庙街 电动车乱停放5处"),
            image_segment(images.url("/qq/before.png")),
            image_segment(images.url("/qq/expired.png")),
        ],
        time_=MONDAY_0735,
    )
    call = await qq.next_call("send_msg")
    registered_id = call["result"]["message_id"]
    assert message_text(call["params"]["message"]) == (
        "已登记问题 #1（市容秩序·玄帝庙街路西，5处，照片1张）\n"
        "1张照片没能保存（链接已失效），可回复本条消息补发照片。"
    )

    await qq.group_message(GROUP, 20002, "/协调 1 城管执法中队", time_=MONDAY_0735 + 600)
    assert await qq.reply_text() == (
        "问题 #1（市容秩序·玄帝庙街路西，5处） 协调中：已交城管执法中队处理。"
    )

    # A QQ reply to the bot's message: the adapter fetches the quoted message first.
    await qq.group_message(
        GROUP,
        20003,
        [
            reply_segment(registered_id),
            text("已整改"),
            image_segment(images.url("/qq/after.jpg")),
        ],
        time_=MONDAY_0735 + 3600,
    )
    fetched = await qq.next_call("get_msg")
    assert fetched["params"]["message_id"] == registered_id
    assert await qq.reply_text() == (
        "已解决问题 #1（市容秩序·玄帝庙街路西，5处，整改后照片1张）\n"
        "如需下次值班现场核查，请发送：/核查 1"
    )

    folder = bot_process.data_dir / "photos" / "2026-11"
    before = hashlib.sha256(PNG).hexdigest()
    after = hashlib.sha256(JPEG).hexdigest()
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{before}.png", f"{after}.jpg"])
    assert (folder / f"{before}.png").read_bytes() == PNG

    problem = await bot_process.fetch(
        "SELECT number, status, quantity, resolved_quantity, resolved_by_qq, found_on, "
        "resolved_on, coordinating_with, bot_message_id FROM ledger_problem"
    )
    events = await bot_process.fetch(
        "SELECT action, from_status, to_status, actor_qq, note, at FROM ledger_problemevent "
        "ORDER BY id"
    )
    photos = await bot_process.fetch(
        "SELECT stage, status, path, sha256, error FROM ledger_photo ORDER BY id"
    )
    assert problem == [
        (1, "resolved", 5, 5, 20003, "2026-11-30", "2026-11-30", "城管执法中队", str(registered_id))
    ]
    assert [e[:5] for e in events] == [
        ("register", None, "open", 20001, ""),
        ("coordinate", "open", "coordinating", 20002, "城管执法中队"),
        ("resolve", "coordinating", "resolved", 20003, ""),
    ]
    assert events[0][5].startswith("2026-11-29 23:35:00")  # the message's own time, UTC
    assert photos == [
        ("before", "saved", f"photos/2026-11/{before}.png", before, ""),
        ("before", "failed", None, None, "链接已失效"),
        ("after", "saved", f"photos/2026-11/{after}.jpg", after, ""),
    ]
    assert images.hits["/qq/expired.png"] == 1  # an expired link is not retried


async def test_list_and_details(qq: SimulatedQQ):
    await qq.group_message(GROUP, 20001, "/问题 凤凰城 井盖松动", time_=MONDAY_0735)
    assert await qq.reply_text() == "已登记问题 #1（基础设施·市16网格，1处）"
    await qq.group_message(GROUP, 20002, "/问题 列表", time_=MONDAY_0735 + 86400 * 20)
    assert await qq.reply_text() == (
        "未解决问题1个（1个已超期），最早的在前：\n#1 市16网格·基础设施 井盖松动｜20天 已超期"
    )
