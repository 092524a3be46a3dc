"""Who may talk to the bot's HTTP server: the token rules and the gate in front of every route.

Plain Python and plain ASGI (no nonebot), so the rules are tested directly. The bot serves the
OneBot reverse WebSocket; with a token set, every request (HTTP or WebSocket, any path) must
carry it as ``Authorization: Bearer <token>``, compared in constant time, before any route
sees it. The one exception: plain GETs under :data:`SIGNED_PREFIXES`, links the bot hands out
itself (a file for the QQ side to fetch, a coordinator's dashboard), which the QQ client or a
phone's browser opens without the token. Each of those routes checks its own signature and
expiry in constant time and serves only what the signature names.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

MIN_TOKEN_LENGTH = 16
# Paths whose GETs carry their own signed, expiring authorisation (see the module docstring).
SIGNED_PREFIXES: tuple[str, ...] = ("/dutybot/files/", "/dutybot/board/")

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def is_loopback(host: str) -> bool:
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def token_problem(host: str, token: str | None) -> str | None:
    """Why ``token`` is not good enough for listening on ``host`` (one Chinese line), or None.

    On loopback only local programs can connect and any token (or none) will do; beyond it the
    token is all that keeps strangers out, so it must be long and free of blanks (a blank is
    usually a copy-and-paste slip that the QQ client would not send)."""
    if is_loopback(host):
        return None
    if not token:
        return (
            f"HOST={host} 对外监听，但没有设置 ONEBOT_ACCESS_TOKEN；请在 config/.env 里设置访问令牌"
            f"（至少 {MIN_TOKEN_LENGTH} 位字母数字），或把 HOST 改为 127.0.0.1"
        )
    if len(token) < MIN_TOKEN_LENGTH or any(c.isspace() for c in token):
        return (
            f"HOST={host} 对外监听，ONEBOT_ACCESS_TOKEN 太短或含空格：请改为至少 "
            f"{MIN_TOKEN_LENGTH} 位、不含空格的字母数字（QQ 端填同一个值），或把 HOST 改为 127.0.0.1"
        )
    return None


def bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer …`` (or ``Token …``) header."""
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() in {"bearer", "token"} else None


def token_matches(offered: str | None, token: str) -> bool:
    """Constant-time comparison, so the time taken says nothing about how much was right."""
    if offered is None:
        return False
    return hmac.compare_digest(offered.encode("utf-8"), token.encode("utf-8"))


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def _signed_link(scope: Scope) -> bool:
    path = scope.get("path", "")
    return (
        scope["type"] == "http"
        and scope.get("method") in ("GET", "HEAD")
        and path.startswith(SIGNED_PREFIXES)
    )


class TokenGate:
    """ASGI middleware: a request without the right token never reaches a route.

    HTTP gets ``401``; a WebSocket handshake is closed before it is accepted (the client sees
    HTTP 403). Lifespan events pass. ``token`` is read on each request, so None (loopback
    without a token) lets everything through."""

    def __init__(self, app: ASGIApp, token: Callable[[], str | None]) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        token = self.token()
        if scope["type"] not in ("http", "websocket") or not token:
            await self.app(scope, receive, send)
            return
        if token_matches(bearer(_header(scope, b"authorization")), token) or _signed_link(scope):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return
        body = b"Missing or invalid access token"
        await send(
            {
                "type": "http.response.start",
                "status": 401,
                "headers": [
                    (b"content-type", b"text/plain"),
                    (b"content-length", str(len(body)).encode()),
                    (b"www-authenticate", b"Bearer"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
