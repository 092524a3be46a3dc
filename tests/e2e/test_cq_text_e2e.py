"""Text that looks like CQ code (``[CQ:at,qq=all]``, ``[CQ:image,file=file:///…]``) sent by a
member comes back, wherever the bot echoes it, as plain text: never an @全体成员, never a file."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from nonebot.adapters.onebot.v11 import Message

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001
AT_ALL = "[CQ:at,qq=all]"
FILE = "[CQ:image,file=file:///etc/passwd]"
T = int(datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")).timestamp())

# (sender, message, what of the user's text the reply must carry as text)
STEPS = [
    (30001, f"/绑定 {AT_ALL}", "[CQ:at,qq=a"),  # a name
    (20001, f"/帮助 {AT_ALL}", "[CQ:at,qq"),
    (20001, f"/问题 玄帝庙街 {AT_ALL}垃圾堆放{FILE}", ""),
    (20001, "/问题 1", f"{AT_ALL}垃圾堆放{FILE}"),  # a problem description
    (20001, "/问题 列表", AT_ALL),
    (10001, "/月报 2026-12", AT_ALL),
    (10001, f"/协调 1 {FILE}城管", FILE),  # /协调 text
    (20001, f"今天值班{AT_ALL}，王晓明到岗，发现垃圾2处已清理。{FILE}", ""),  # report text
    (20001, f"/日报 玄帝庙街值班：{FILE}李娜到岗", ""),
    (20001, f"/请假 12-09 {AT_ALL}", "[CQ:at"),  # a reason
    (20001, f"/撤销 1 {AT_ALL}", AT_ALL),
]


def as_a_client_reads_it(message: Any) -> list[tuple[str, dict]]:
    """Segments as a OneBot client takes them: an array as it is, a string as CQ code."""
    if isinstance(message, str):
        return [(seg.type, dict(seg.data)) for seg in Message(message)]
    return [(seg["type"], seg["data"]) for seg in message]


async def test_cq_looking_text_is_echoed_as_text(bot_process: BotProcess, qq: SimulatedQQ):
    for number, (sender, text, echoed) in enumerate(STEPS):
        await qq.group_message(GROUP, sender, text, time_=T + number * 60)
        call = await qq.next_call(None)
        while call["action"] not in ("send_msg", "send_group_msg", "send_private_msg"):
            call = await qq.next_call(None)
        segments = as_a_client_reads_it(call["params"]["message"])
        assert {kind for kind, _ in segments} <= {"text", "reply"}, (text, segments)
        shown = "".join(data.get("text", "") for kind, data in segments if kind == "text")
        assert echoed in shown, (text, shown)
    [(description,)] = await bot_process.fetch(
        "SELECT description FROM ledger_problem ORDER BY id LIMIT 1"
    )
    assert description == f"{AT_ALL}垃圾堆放{FILE}"  # kept as written
