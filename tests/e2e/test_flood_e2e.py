"""One member flooding the bot with commands does not hold up everyone else's replies."""

from __future__ import annotations

import asyncio
import time

from dutybot.simulator import BotProcess, SimulatedQQ

GROUP = 700000001


async def test_a_flood_of_help_does_not_delay_the_coordinator(
    tmp_path, unit_file, bot_database_url
):
    process = BotProcess(
        tmp_path / "data",
        unit_file,
        database_url=bot_database_url,
        # The pace of a real QQ account, as shipped in config/.env.
        extra_env={"DUTY_SEND_RATE": "1", "DUTY_SEND_BURST": "5"},
    )
    with process:
        async with SimulatedQQ(process.url, access_token=process.access_token) as qq:
            for _ in range(40):
                await qq.group_message(GROUP, 20002, "/帮助")
            await asyncio.sleep(0.5)  # all forty are in the bot
            started = time.monotonic()
            await qq.group_message(GROUP, 10001, "/帮助 报到")
            while True:
                call = await qq.next_call("send_msg", timeout=10)
                if call["params"].get("user_id") == 10001:
                    break
            # At most a token's wait (1 s) and the flood's own processing; it was 30 s.
            assert time.monotonic() - started < 5.0
            # The flooder gets a few replies, not forty (the rest were dropped, not queued).
            flooder = 0
            try:
                while True:
                    call = await qq.next_call("send_msg", timeout=3)
                    flooder += 1
            except TimeoutError:
                pass
    to_flooder = [c for c in qq.history if c["params"].get("user_id") == 20002]
    assert 5 <= len(to_flooder) <= 12
    assert flooder < 12
