"""The dashboard's pages over HTTP (nonebot's own FastAPI app): what a valid link shows, and
every way in that is refused."""

from __future__ import annotations

import time

from nonebug import App

COORDINATOR = 10001
SUPERUSER = 99999


def link(qq: int = COORDINATOR, seconds: int = 3600) -> str:
    from dutybot.board.access import make_token
    from plugins.dashboard import routes

    token = make_token(routes.signing_key(), qq, int(time.time()) + seconds)
    return f"/dutybot/board/{token}/"


async def get(app: App, path: str):
    async with app.test_server() as ctx:
        client = ctx.get_client()
        return await client.get(path)


async def test_smoke(app: App, november, data_dir):
    base = link()
    for path in ("", "u/1/", "u/1/problems", "u/1/problems/1", "u/1/roster", "u/1/photos/1"):
        response = await get(app, base + path)
        print(path, response.status_code, len(response.content))
        assert response.status_code == 200, response.text
    response = await get(app, link(SUPERUSER))
    assert response.status_code == 200
    (data_dir / "overview.html").write_text(response.text)
