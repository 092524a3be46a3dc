"""Nobody gets in without the token: forged HTTP events, forged bots, weak tokens."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import httpx
import pytest
from websockets.exceptions import InvalidStatus

from dutybot.simulator import PROJECT_ROOT, BotProcess, SimulatedQQ

GROUP = 700000001
SELF_ID = 3000000001
HTTP_EVENT_PATHS = ("/onebot/v11/", "/onebot/v11/http", "/onebot/v11/http/")


def forged_checkin(user_id: int, message_id: int) -> dict:
    return {
        "time": int(time.time()),
        "self_id": SELF_ID,
        "post_type": "message",
        "message_type": "group",
        "sub_type": "normal",
        "message_id": message_id,
        "group_id": GROUP,
        "user_id": user_id,
        "message": [{"type": "text", "data": {"text": "/报到 玄帝庙街"}}],
        "raw_message": "/报到 玄帝庙街",
        "font": 0,
        "sender": {"user_id": user_id, "nickname": "x", "card": "", "role": "member"},
    }


async def test_forged_http_events_are_refused_and_write_nothing(bot_process: BotProcess):
    base = f"http://127.0.0.1:{bot_process.port}"
    async with httpx.AsyncClient(base_url=base, trust_env=False) as client:
        for number, path in enumerate(HTTP_EVENT_PATHS):
            for self_id in (SELF_ID, 4000000000 + number):
                response = await client.post(
                    path,
                    content=json.dumps(forged_checkin(20001, 900 + number)),
                    headers={"X-Self-ID": str(self_id), "Content-Type": "application/json"},
                )
                assert response.status_code == 401, (path, response.status_code)
            # A wrong token is no better than none.
            response = await client.post(
                path,
                content=json.dumps(forged_checkin(20002, 950 + number)),
                headers={"X-Self-ID": str(SELF_ID), "Authorization": "Bearer sim-tokeX"},
            )
            assert response.status_code == 401
            # With the right token the routes simply do not exist.
            response = await client.post(
                path,
                content=json.dumps(forged_checkin(20003, 980 + number)),
                headers={
                    "X-Self-ID": str(SELF_ID),
                    "Authorization": f"Bearer {bot_process.access_token}",
                },
            )
            assert response.status_code in (404, 405)
        # Nothing else is served to a stranger either.
        for path in ("/", "/docs", "/openapi.json", "/onebot/v11/ws"):
            assert (await client.get(path)).status_code == 401

    # No forged bot was added: the real QQ client, with the same X-Self-ID, still connects
    # (a forged one would make its connection a "duplicate") and is the one that answers.
    async with SimulatedQQ(bot_process.url, access_token=bot_process.access_token) as qq:
        await qq.group_message(GROUP, 20004, "/报到 玄帝庙街")
        assert (await qq.reply_text()).startswith("已报到（玄帝庙街路西 1人）：刘海燕")
    rows = await bot_process.fetch("SELECT staff_id FROM duty_checkin")
    assert len(rows) == 1
    claims = await bot_process.fetch("SELECT message_id FROM duty_processedmessage")
    assert all(not m.startswith("9") for (m,) in claims)
    log = bot_process.log()
    assert "4000000000" not in log and "4000000001" not in log


async def test_websocket_without_the_right_token_is_refused(bot_process: BotProcess):
    for token in (None, "", "wrong", bot_process.access_token + "x"):
        client = SimulatedQQ(bot_process.url, access_token=token)
        with pytest.raises(InvalidStatus):
            await client.connect()


def _start(tmp_path, host: str, token: str) -> subprocess.CompletedProcess[str]:
    process = BotProcess(
        tmp_path / "data",
        PROJECT_ROOT / "tests" / "data" / "unit.toml",
        access_token=token,
        extra_env={"HOST": host},
    )
    return subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bot.py")],
        env=process.environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )


@pytest.mark.parametrize("token", ["short-token", "has a blank in it 1234"])
def test_a_weak_token_beyond_loopback_stops_the_start_in_one_line(tmp_path, token):
    result = _start(tmp_path, "0.0.0.0", token)
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "ONEBOT_ACCESS_TOKEN 太短或含空格" in lines[0]
    assert token not in result.stdout + result.stderr
