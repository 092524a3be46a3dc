"""The OneBot v11 adapter as the bot uses it: reverse WebSocket only, the token checked in
constant time.

nonebot-adapter-onebot 2.4 also opens HTTP POST routes (``/onebot/v11/``, ``/onebot/v11/http``,
``/onebot/v11/http/``) that check ``X-Self-ID`` and an optional signature but never the access
token, and that add a bot to ``get_bots()`` for any new ``X-Self-ID``. The bot never uses them
(QQ clients connect by reverse WebSocket), so here they are not registered at all.
"""

from __future__ import annotations

from nonebot.adapters.onebot.v11 import Adapter as OneBotV11Adapter
from nonebot.drivers import URL, ASGIMixin, Request, Response, WebSocketServerSetup
from typing_extensions import override

from .access import bearer, token_matches

WEBSOCKET_PATHS = ("/onebot/v11/", "/onebot/v11/ws", "/onebot/v11/ws/")


class Adapter(OneBotV11Adapter):
    @override
    def _setup(self) -> None:
        if isinstance(self.driver, ASGIMixin):
            for path in WEBSOCKET_PATHS:
                self.setup_websocket_server(
                    WebSocketServerSetup(URL(path), f"{self.get_name()} WS {path}", self._handle_ws)
                )
        if self.onebot_config.onebot_ws_urls:
            self.on_ready(self._start_forward)
        self.driver.on_shutdown(self._stop)

    @override
    async def _handle_http(self, request: Request) -> Response:
        # Unreachable (no route leads here); kept closed should a route ever be added.
        return Response(404, content="Not Found")

    @override
    def _check_access_token(self, request: Request) -> Response | None:
        token = self.onebot_config.onebot_access_token
        if not token:
            return None
        if token_matches(bearer(request.headers.get("authorization")), token):
            return None
        return Response(403, content="Missing or invalid access token")
