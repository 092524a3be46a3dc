"""Sending a file to a group's files or to a person, in whatever form the connected QQ side
takes (the rules are in :mod:`dutybot.file_delivery`), and the outcome told truly.

Two pieces of the bot's HTTP side live here:

- ``/dutybot/files/{file_id}``: serves one offered file to the QQ side while its upload call
  runs. Only a link this process signed, not yet expired, for a file it offered, is answered;
  nothing in the request becomes a path.
- A OneBot answer with a non-zero ``retcode`` is a failure, whatever its ``status`` says
  (Lagrange reports a failed upload as ``{"status": "Highway Failed", "retcode": -91001}``,
  which the adapter alone takes for success).
"""

from __future__ import annotations

import asyncio
import base64
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nonebot
from nonebot import logger
from nonebot.adapters.onebot.v11 import ActionFailed, Bot
from nonebot.adapters.onebot.v11 import adapter as onebot_adapter
from nonebot.exception import ActionFailed as AnyActionFailed
from nonebot.exception import ApiNotAvailable, NetworkError
from yarl import URL

from dutybot.file_delivery import (
    BASE64_PREFIX,
    LINK_SECONDS,
    Mode,
    Outcome,
    State,
    attempt_order,
    link_signature,
    link_valid,
)

ROUTE = "/dutybot/files/{file_id}"

# Signs this process's links; a link dies with the process, as the upload it serves.
_secret = secrets.token_bytes(32)


@dataclass(frozen=True)
class _Offer:
    path: Path
    name: str
    expires: int


# file id → the one file that id serves, while its upload call runs
_offers: dict[str, _Offer] = {}
# bot self id → the form that last worked for it (tried first next time; if the QQ side moved,
# say into Docker, that form is refused once and the others follow)
_worked: dict[str, Mode] = {}


async def send_file(
    bot: Bot,
    path: Path,
    *,
    group_id: int | None = None,
    user_id: int | None = None,
    name: str | None = None,
) -> Outcome:
    """Upload ``path`` to the group's files (``group_id``) or to a person (``user_id``) as
    ``name`` (the file's own name by default), trying each form the QQ side may take until
    one is accepted."""
    path, size = await asyncio.to_thread(_resolved_and_size, Path(path))
    name = name or path.name
    base = peer_base_url(bot)
    order = attempt_order(size, url_available=base is not None, preferred=_worked.get(bot.self_id))
    refusals: list[str] = []
    for mode in order:
        file_id = None
        if mode is Mode.PATH:
            file = str(path)
        elif mode is Mode.BASE64:
            file = await asyncio.to_thread(_as_base64, path)
        else:
            assert base is not None
            file_id, file = offer(base, path, name)
        try:
            await _upload(bot, file, name, group_id=group_id, user_id=user_id)
        except AnyActionFailed as error:
            refusals.append(f"{mode}: {refusal_text(error)}")
            continue
        except NetworkError as error:
            # No answer in time: it may still arrive, so another copy is not sent.
            logger.warning(f"文件 {name} 已交给 QQ（{mode}），没等到确认：{error}")
            return Outcome(State.UNCONFIRMED, mode, str(error))
        except ApiNotAvailable:
            return Outcome(State.FAILED, None, "没有连接 QQ")
        finally:
            if file_id is not None:
                _offers.pop(file_id, None)
        _worked[bot.self_id] = mode
        return Outcome(State.SENT, mode)
    detail = "；".join(refusals)
    logger.warning(f"文件 {name} 没能发送，QQ 端的回答：{detail}")
    return Outcome(State.FAILED, None, detail)


def _resolved_and_size(path: Path) -> tuple[Path, int]:
    path = path.resolve()
    return path, path.stat().st_size


def _as_base64(path: Path) -> str:
    return BASE64_PREFIX + base64.b64encode(path.read_bytes()).decode("ascii")


def forget_what_worked() -> None:
    _worked.clear()


async def _upload(
    bot: Bot, file: str, name: str, *, group_id: int | None, user_id: int | None
) -> None:
    if group_id is not None:
        await bot.call_api("upload_group_file", group_id=group_id, file=file, name=name)
    else:
        await bot.call_api("upload_private_file", user_id=user_id, file=file, name=name)


def refusal_text(error: AnyActionFailed) -> str:
    info: dict[str, Any] = getattr(error, "info", {}) or {}
    said = info.get("wording") or info.get("message") or info.get("msg") or ""
    status = info.get("status", "")
    return f"{status} {info.get('retcode')} {said}".strip()[:200]


# ---------------------------------------------------------------------------------------------
# Signed links to the bot's own HTTP server


def peer_base_url(bot: Bot) -> URL | None:
    """``http://host:port`` as the QQ side reaches the bot: the address its reverse WebSocket
    connected to (the Host it asked for). None without such a connection."""
    connections = getattr(bot.adapter, "connections", None) or {}
    websocket = connections.get(bot.self_id)
    request = getattr(websocket, "request", None)
    if request is None:
        return None
    url = URL(str(request.url))
    if not url.host:
        return None
    scheme = "https" if url.scheme in ("wss", "https") else "http"
    return URL.build(scheme=scheme, host=url.host, port=url.explicit_port)


def offer(base: URL, path: Path, name: str, now: float | None = None) -> tuple[str, str]:
    """Make a link that serves ``path`` (as ``name``) for a few minutes; returns (file id,
    link)."""
    file_id = secrets.token_urlsafe(16)
    expires = int(now if now is not None else time.time()) + LINK_SECONDS
    _offers[file_id] = _Offer(path=Path(path), name=name, expires=expires)
    link = (base / "dutybot" / "files" / file_id).with_query(
        expires=str(expires), signature=link_signature(_secret, file_id, expires)
    )
    return file_id, str(link)


def serve_offered_file(file_id: str, expires: str = "", signature: str = "") -> Any:
    from fastapi.responses import FileResponse, PlainTextResponse

    # Every refusal looks the same: nothing to learn from probing.
    found = _offers.get(file_id)
    if (
        found is None
        or not expires.isascii()
        or not expires.isdigit()
        or found.expires != int(expires)
        or not link_valid(_secret, file_id, found.expires, signature, time.time())
        or not found.path.is_file()
    ):
        return PlainTextResponse("not found", status_code=404)
    return FileResponse(found.path, filename=found.name, media_type="application/octet-stream")


def _register_route() -> None:
    try:
        app = nonebot.get_app()
    except (AssertionError, ValueError):  # no HTTP server (another driver): no links either
        return
    if any(getattr(route, "path", None) == ROUTE for route in app.routes):
        return
    app.add_api_route(ROUTE, serve_offered_file, methods=["GET"], include_in_schema=False)


# ---------------------------------------------------------------------------------------------
# A non-zero retcode is a failure

_adapter_result = onebot_adapter.handle_api_result


def strict_api_result(result: dict[str, Any] | None) -> Any:
    if isinstance(result, dict) and result.get("retcode") not in (0, None):
        raise ActionFailed(**result)
    return _adapter_result(result)


def install() -> None:
    onebot_adapter.handle_api_result = strict_api_result
    _register_route()
