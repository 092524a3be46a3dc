"""The files reach QQ wherever the QQ client runs: the bot as its own process, the simulated QQ
side taking uploads as NapCat, LLOneBot and Lagrange.OneBot do on the bot's PC, in Docker or
on another host. Each file that arrives is compared byte for byte with the one on disk; when
none can arrive, the reply says so and where the file is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest

from dutybot.simulator import (
    FILE_SIDES,
    NAPCAT_DOCKER_BIG_FILE,
    BotProcess,
    FileSide,
    SimulatedQQ,
)
from tests.e2e.test_monthly_e2e import last_month

GROUP = 700000001
COORDINATOR = 10001
SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY_0800 = int(datetime(2026, 11, 30, 8, 0, tzinfo=SHANGHAI).timestamp())

# The form each kind of QQ side ends up taking the file in; None: it cannot take it at all.
TAKEN_AS = {
    "same-pc": "path",
    "napcat-docker": "base64",
    "napcat-docker-big-file": "url",
    "llonebot-other-host": "base64",
    "lagrange-same-pc": "path",
    "lagrange-docker": None,
    "lagrange-highway-failed": None,
}


def check_delivery(
    qq: SimulatedQQ,
    side: FileSide,
    reply: str,
    what: str,
    path: Path,
    name: str,
    where: str,
    *,
    one_line_per_file: bool = True,
) -> None:
    form = TAKEN_AS[side.name]
    got = [f for f in qq.files if f.name == name]
    if form is None:
        assert got == []
        assert f"{what}没能发到{where}（QQ 没有接收），已保存在机器人电脑上：{path}" in reply
        assert "已发到" not in reply
        return
    if one_line_per_file:
        assert f"{what}已发到{where}：{name}" in reply
    assert [(f.form, f.data) for f in got] == [(form, path.read_bytes())]


@pytest.mark.parametrize("side", FILE_SIDES, ids=lambda side: side.name)
async def test_every_file_command_in_every_deployment(
    tmp_path, unit_file, bot_database_url, side: FileSide
):
    year, month = last_month()
    key = f"{year}-{month:02d}"
    with BotProcess(tmp_path / "data", unit_file, database_url=bot_database_url) as process:
        exports = process.data_dir / "exports"
        async with SimulatedQQ(
            process.url, access_token=process.access_token, file_side=side
        ) as qq:
            await qq.group_message(GROUP, COORDINATOR, f"/月报 {key}")
            reply = await qq.reply_text(timeout=30)
            name = f"市外侨办-{key}-月报.xlsx"
            check_delivery(qq, side, reply, "Excel 明细", exports / name, name, "群文件")

            await qq.group_message(GROUP, COORDINATOR, f"/月报 材料 {key}")
            reply = await qq.reply_text(timeout=30)
            name = f"市外侨办-{key}-月报材料.docx"
            what = "Word 说明报告草稿（约700字，含整改前后对比照片）"
            check_delivery(qq, side, reply, what, exports / name, name, "群文件")

            qq.files.clear()
            await qq.private_message(COORDINATOR, f"/月报 {key}")
            reply = await qq.reply_text(timeout=30)
            name = f"市外侨办-{key}-月报.xlsx"
            check_delivery(qq, side, reply, "Excel 明细", exports / name, name, "私聊")
            if TAKEN_AS[side.name]:
                assert qq.files[-1].action == "upload_private_file"
                assert qq.files[-1].target == COORDINATOR

            await qq.group_message(GROUP, COORDINATOR, "/排班 2026-12", time_=MONDAY_0800)
            assert "已保存12月值班表" in await qq.reply_text(timeout=30)
            await qq.group_message(GROUP, COORDINATOR, "/排班 导出 2026-12", time_=MONDAY_0800 + 60)
            reply = await qq.reply_text(timeout=30)
            title = "市外侨办 2026年12月值班表"
            for what, suffix in (("Excel 表格", "xlsx"), ("日历文件", "ics")):
                path = exports / f"市外侨办-2026-12.{suffix}"
                check_delivery(
                    qq,
                    side,
                    reply,
                    what,
                    path,
                    f"{title}.{suffix}",
                    "群文件",
                    one_line_per_file=False,
                )
            if TAKEN_AS[side.name]:
                assert reply == f"已发送{title}：Excel 表格和日历文件（.ics，可导入手机日历）。"


async def test_a_download_link_serves_one_file_during_its_upload_only(
    tmp_path, unit_file, bot_database_url
):
    """NapCat in Docker with a file too big for base64: the link is taken, then it is dead;
    a forged or altered link never serves anything."""
    year, month = last_month()
    key = f"{year}-{month:02d}"
    with BotProcess(tmp_path / "data", unit_file, database_url=bot_database_url) as process:
        async with SimulatedQQ(
            process.url, access_token=process.access_token, file_side=NAPCAT_DOCKER_BIG_FILE
        ) as qq:
            await qq.group_message(GROUP, COORDINATOR, f"/月报 {key}")
            assert "Excel 明细已发到群文件" in await qq.reply_text(timeout=30)
        [link] = [
            call["params"]["file"]
            for call in qq.history
            if call["action"] == "upload_group_file" and call["params"]["file"].startswith("http")
        ]
        base = f"http://127.0.0.1:{process.port}"
        assert link.startswith(f"{base}/dutybot/files/")
        url = httpx.URL(link)
        other = "0" if url.params["signature"][0] != "0" else "1"
        forged = url.copy_set_param("signature", other + url.params["signature"][1:])
        later = url.copy_set_param("expires", str(int(url.params["expires"]) + 3600))
        async with httpx.AsyncClient(trust_env=False) as client:
            for attempt in (
                link,  # used: withdrawn when its upload call ended
                str(forged),
                str(later),
                str(url.copy_set_param("expires", "abc")),
                f"{base}/dutybot/files/..%2Fduty.db",
                f"{base}/dutybot/files/",
            ):
                response = await client.get(attempt)
                assert response.status_code == 404, attempt
                assert b"PK" not in response.content
