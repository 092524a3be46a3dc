"""The simulated QQ side's answers (dutybot.simulator.FileSide), in-process for nonebug tests:
for what only runs on the bot's own clock, like the 1st-of-month post. API calls go through
the adapter's own result handling; download links are fetched from the bot's FastAPI app."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import httpx
import nonebot
import pytest
from nonebot.adapters.onebot.v11 import adapter as onebot_adapter

from dutybot.simulator import UPLOADS, FileSide, ReceivedFile, Refused

# What the bot's reverse WebSocket would have been asked for (see plugins.duty.upload).
WS_URL = "ws://testserver/onebot/v11/ws"


class EmulatedQQ:
    def __init__(self, side: FileSide) -> None:
        self.side = side
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.files: list[ReceivedFile] = []

    def attach(self, monkeypatch: pytest.MonkeyPatch, adapter: Any, self_id: str) -> None:
        """Answer the calls made through ``adapter`` (a nonebug adapter), as if this QQ side
        had connected to ``WS_URL``."""
        monkeypatch.setattr(adapter, "_call_api", self._call_api)
        connection = SimpleNamespace(request=SimpleNamespace(url=WS_URL))
        monkeypatch.setattr(adapter, "connections", {self_id: connection}, raising=False)

    async def _call_api(self, bot: Any, api: str, **data: Any) -> Any:
        self.calls.append((api, data))
        reply: dict[str, Any] = {"status": "ok", "retcode": 0, "data": None}
        if api in UPLOADS:
            try:
                form, content = await self.side.take(str(data["file"]), download)
            except Refused as refused:
                reply = refused.reply
            else:
                target = data.get("group_id") or data.get("user_id")
                self.files.append(ReceivedFile(api, int(target), data["name"], form, content))
        elif api.startswith("send_"):
            reply["data"] = {"message_id": len(self.calls)}
        return onebot_adapter.handle_api_result(reply)

    def sent(self, api: str) -> list[Any]:
        return [data["message"] for called, data in self.calls if called == api]


async def download(url: str) -> bytes | None:
    transport = httpx.ASGITransport(app=nonebot.get_app())
    async with httpx.AsyncClient(transport=transport) as client:
        response = await client.get(url)
    return response.content if response.status_code == 200 else None
