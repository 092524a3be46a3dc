"""A simulated QQ side: the bot run as its own process, and a OneBot v11 client that connects
to its reverse WebSocket the way NapCat, Lagrange.OneBot or LLOneBot do.

Used by the end-to-end tests, ``dutybot demo`` and the benchmarks, so that all three speak the
real protocol over a real socket.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent

Segment = dict[str, Any]
ApiAnswer = Callable[[dict[str, Any]], Any]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BotProcess:
    """``python bot.py`` in a separate process, on a free port, with its own data folder."""

    def __init__(
        self,
        data_dir: Path,
        unit_file: Path,
        *,
        access_token: str = "sim-token",
        port: int | None = None,
        extra_env: Mapping[str, str] | None = None,
        log_level: str = "INFO",
        database_url: str | None = None,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.unit_file = Path(unit_file)
        self.access_token = access_token
        self.port = port or free_port()
        self.extra_env = dict(extra_env or {})
        if database_url:
            self.extra_env["SQLALCHEMY_DATABASE_URL"] = database_url
        self.log_level = log_level
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = self.data_dir / "bot.log"

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/onebot/v11/ws"

    @property
    def database_url(self) -> str:
        return self.extra_env.get(
            "SQLALCHEMY_DATABASE_URL", f"sqlite+aiosqlite:///{self.data_dir / 'duty.db'}"
        )

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            {
                "HOST": "127.0.0.1",
                "PORT": str(self.port),
                "ONEBOT_ACCESS_TOKEN": self.access_token,
                "SQLALCHEMY_DATABASE_URL": self.database_url,
                "LOCALSTORE_DATA_DIR": str(self.data_dir / "store"),
                "LOCALSTORE_CACHE_DIR": str(self.data_dir / "cache"),
                "LOCALSTORE_CONFIG_DIR": str(self.data_dir / "store-config"),
                "DUTY_UNIT_FILE": str(self.unit_file),
                "DUTY_DATA_DIR": str(self.data_dir),
                "LOG_LEVEL": self.log_level,
                # The simulated client is no QQ server: no need to pace the bot.
                "DUTY_SEND_RATE": "1000",
                "DUTY_SEND_BURST": "1000",
                "PYTHONUNBUFFERED": "1",
                "PYTHONIOENCODING": "utf-8",
                # Image links of the simulated QQ are served on loopback: allowed here (the bot
                # fetches only from public addresses otherwise), and never via a proxy.
                "DUTY_PHOTO_PRIVATE_NETWORKS": '["127.0.0.1/32"]',
                "NO_PROXY": ",".join(
                    filter(None, [os.environ.get("NO_PROXY", ""), "127.0.0.1", "localhost"])
                ),
            }
        )
        env.update(self.extra_env)
        return env

    def command(self) -> list[str]:
        """What is run: the bot (the benchmarks also run a bare nonebot2 process this way)."""
        return [sys.executable, str(PROJECT_ROOT / "bot.py")]

    def start(self, timeout: float = 60) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            self.command(),
            cwd=PROJECT_ROOT,
            env=self.environment(),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"bot exited with {self.process.returncode}:\n{self.log()}")
            # uvicorn listens only once the startup (migrations included) is complete, at any
            # log level.
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), 0.5),
            ):
                return
            time.sleep(0.05)
        self.stop()
        raise TimeoutError(f"bot did not start in {timeout}s:\n{self.log()}")

    async def fetch(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        """Rows of a query on the bot's database (SQLite or PostgreSQL alike); dates and times
        come back as ISO text, as SQLite stores them."""
        return await fetch_rows(self.database_url, sql, **params)

    def log(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def kill(self) -> None:
        """SIGKILL: no shutdown hooks, no flushing."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def __enter__(self) -> BotProcess:
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()


@dataclass(frozen=True)
class ReceivedFile:
    """A file the simulated QQ side took in an upload, with the bytes it got."""

    action: str
    target: int
    name: str
    form: str  # "path", "base64" or "url"
    data: bytes


def _napcat_refusal(file: str) -> dict[str, Any]:
    # NapCat: a path that does not exist on its disk is no URI it knows (OneBotAction's
    # websocket answer to an exception: status failed, retcode 1200, message and wording).
    said = f"识别URL失败, uri= {file[:80]}"
    return {"status": "failed", "retcode": 1200, "data": None, "message": said, "wording": said}


def _llonebot_refusal(file: str) -> dict[str, Any]:
    said = f"Error: 未知文件类型或路径不存在: {file[:80]}"
    return {"status": "failed", "retcode": 1200, "data": None, "message": said, "wording": said}


def _lagrange_refusal(file: str) -> dict[str, Any]:
    # Lagrange.OneBot opens ``file`` as a local path; any exception answers like this.
    return {"status": "failed", "retcode": 200, "data": None}


@dataclass(frozen=True)
class FileSide:
    """How the QQ side takes the ``file`` of ``upload_group_file`` / ``upload_private_file``,
    as the OneBot implementations do (checked against their code):

    - ``sees_bot_disk``: the bot's paths exist for it (same PC, or a shared volume);
    - ``takes_links``: ``base64://…`` and ``http(s)://…`` are taken (NapCat, LLOneBot; not
      Lagrange.OneBot, which opens ``file`` as a path);
    - ``refusal``: its answer to a file it cannot take;
    - ``upload_failure``: an answer to every upload, taken or not (Lagrange's failed highway);
    - ``base64_limit``: base64 text longer than this is refused (its frame cap, scaled down).
    """

    name: str
    sees_bot_disk: bool = True
    takes_links: bool = True
    refusal: Callable[[str], dict[str, Any]] = _napcat_refusal
    upload_failure: dict[str, Any] | None = None
    base64_limit: int | None = None

    async def take(
        self, file: str, download: Callable[[str], Awaitable[bytes | None]]
    ) -> tuple[str, bytes]:
        """The form and bytes of an uploaded ``file`` as this implementation gets them;
        raises :class:`Refused` with its answer when it cannot take it."""
        data: bytes | None = None
        form = "path"
        if file.startswith("base64://"):
            form = "base64"
            if self.takes_links and (self.base64_limit is None or len(file) <= self.base64_limit):
                data = base64.b64decode(file.removeprefix("base64://"), validate=True)
        elif file.startswith(("http://", "https://")):
            form = "url"
            if self.takes_links:
                data = await download(file)
        elif self.sees_bot_disk:
            data = await asyncio.to_thread(_read_if_file, file)
        if data is None:
            raise Refused(self.refusal(file))
        if self.upload_failure is not None:
            raise Refused(dict(self.upload_failure))
        return form, data


# NapCat or LLOneBot on the bot's own PC: every form works.
SAME_PC = FileSide("same-pc")
NAPCAT_DOCKER = FileSide("napcat-docker", sees_bot_disk=False)
# NapCat in Docker when base64 is too big for it: only the link is left.
NAPCAT_DOCKER_BIG_FILE = FileSide("napcat-docker-big-file", sees_bot_disk=False, base64_limit=64)
LLONEBOT_OTHER_HOST = FileSide(
    "llonebot-other-host", sees_bot_disk=False, refusal=_llonebot_refusal
)
LAGRANGE_SAME_PC = FileSide("lagrange-same-pc", takes_links=False, refusal=_lagrange_refusal)
LAGRANGE_DOCKER = FileSide(
    "lagrange-docker", sees_bot_disk=False, takes_links=False, refusal=_lagrange_refusal
)
LAGRANGE_HIGHWAY_FAILED = FileSide(
    "lagrange-highway-failed",
    takes_links=False,
    refusal=_lagrange_refusal,
    upload_failure={"status": "Highway Failed", "retcode": -91001, "data": None},
)
FILE_SIDES = (
    SAME_PC,
    NAPCAT_DOCKER,
    NAPCAT_DOCKER_BIG_FILE,
    LLONEBOT_OTHER_HOST,
    LAGRANGE_SAME_PC,
    LAGRANGE_DOCKER,
    LAGRANGE_HIGHWAY_FAILED,
)


class Refused(Exception):
    """An API call answered with this whole reply (status, retcode, message)."""

    def __init__(self, reply: dict[str, Any]) -> None:
        super().__init__(reply.get("message", ""))
        self.reply = reply


class SimulatedQQ:
    """The OneBot v11 implementation's end of the reverse WebSocket.

    It posts events the way QQ clients do (message as a segment array, ``time`` in seconds)
    and answers every API call the bot makes, recording it (with the ``result`` it answered).
    ``answers`` maps an action to a function of its params returning the ``data`` of the reply;
    an exception there turns into a failed call (``status: failed``). Like a real client it
    remembers the messages posted and sent, and answers ``get_msg`` for them (the adapter asks
    for the quoted message of every reply). Uploads are taken as ``file_side`` says, and each
    file taken is kept in ``files`` with its bytes.
    """

    def __init__(
        self,
        url: str,
        *,
        self_id: int = 3000000001,
        access_token: str | None = None,
        answers: Mapping[str, ApiAnswer] | None = None,
        file_side: FileSide = SAME_PC,
    ) -> None:
        self.url = url
        self.file_side = file_side
        self.files: list[ReceivedFile] = []
        self.self_id = self_id
        self.access_token = access_token
        self.answers: dict[str, ApiAnswer] = dict(answers or {})
        self.calls: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self.history: list[dict[str, Any]] = []
        # message_id → the message as get_msg returns it
        self.messages: dict[int, dict[str, Any]] = {}
        self._message_ids = itertools.count(int(time.time()) % 1_000_000 * 100)
        self._websocket: Any = None
        self._reader: asyncio.Task[None] | None = None

    async def connect(self) -> None:
        from websockets.asyncio.client import connect

        headers = {
            "X-Self-ID": str(self.self_id),
            "X-Client-Role": "Universal",
            "User-Agent": "dutybot-simulator",
        }
        if self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        self._websocket = await connect(self.url, additional_headers=headers, max_size=None)
        self._reader = asyncio.create_task(self._read())
        await self.post(
            {"post_type": "meta_event", "meta_event_type": "lifecycle", "sub_type": "connect"}
        )

    async def close(self) -> None:
        if self._reader:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._websocket is not None:
            with contextlib.suppress(Exception):
                await self._websocket.close()

    async def __aenter__(self) -> SimulatedQQ:
        await self.connect()
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    def next_message_id(self) -> int:
        return next(self._message_ids)

    async def post(self, event: dict[str, Any]) -> None:
        event = {"time": int(time.time()), "self_id": self.self_id, **event}
        await self._websocket.send(json.dumps(event, ensure_ascii=False))

    async def group_message(
        self,
        group_id: int,
        user_id: int,
        message: str | list[Segment],
        *,
        time_: int | None = None,
        message_id: int | None = None,
        card: str = "",
        nickname: str = "",
    ) -> int:
        """Post a group message; returns its message id."""
        segments = (
            [{"type": "text", "data": {"text": message}}] if isinstance(message, str) else message
        )
        message_id = message_id if message_id is not None else self.next_message_id()
        sent_at = time_ if time_ is not None else int(time.time())
        self._remember(message_id, sent_at, user_id, nickname or str(user_id), segments)
        await self.post(
            {
                "time": sent_at,
                "post_type": "message",
                "message_type": "group",
                "sub_type": "normal",
                "message_id": message_id,
                "group_id": group_id,
                "user_id": user_id,
                "message": segments,
                "raw_message": _raw(segments),
                "font": 0,
                "sender": {
                    "user_id": user_id,
                    "nickname": nickname or str(user_id),
                    "card": card,
                    "role": "member",
                },
            }
        )
        return message_id

    async def private_message(
        self, user_id: int, message: str | list[Segment], *, nickname: str = ""
    ) -> int:
        """Post a private (friend) message; returns its message id."""
        segments = (
            [{"type": "text", "data": {"text": message}}] if isinstance(message, str) else message
        )
        message_id = self.next_message_id()
        sent_at = int(time.time())
        self._remember(message_id, sent_at, user_id, nickname or str(user_id), segments)
        await self.post(
            {
                "time": sent_at,
                "post_type": "message",
                "message_type": "private",
                "sub_type": "friend",
                "message_id": message_id,
                "user_id": user_id,
                "message": segments,
                "raw_message": _raw(segments),
                "font": 0,
                "sender": {"user_id": user_id, "nickname": nickname or str(user_id)},
            }
        )
        return message_id

    async def group_recall(
        self, group_id: int, user_id: int, message_id: int, operator_id: int | None = None
    ) -> None:
        await self.post(
            {
                "post_type": "notice",
                "notice_type": "group_recall",
                "group_id": group_id,
                "user_id": user_id,
                "operator_id": operator_id or user_id,
                "message_id": message_id,
            }
        )

    async def next_call(
        self, action: str | None = "send_msg", timeout: float = 15
    ) -> dict[str, Any]:
        """The next API call the bot made (of ``action``, skipping others), as {action, params}."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                raise TimeoutError(f"no {action} call within {timeout}s")
            call = await asyncio.wait_for(self.calls.get(), remaining)
            if action is None or call["action"] == action:
                return call

    async def reply_text(self, timeout: float = 15) -> str:
        """The text of the bot's next message."""
        call = await self.next_call("send_msg", timeout)
        return message_text(call["params"]["message"])

    async def no_call(self, within: float = 0.5) -> None:
        """Assert the bot stays silent for a moment."""
        try:
            call = await asyncio.wait_for(self.calls.get(), within)
        except TimeoutError:
            return
        raise AssertionError(f"unexpected call: {call}")

    async def _read(self) -> None:
        async for frame in self._websocket:
            request = json.loads(frame)
            action, params, echo = (
                request.get("action"),
                request.get("params", {}),
                request.get("echo"),
            )
            call = {"action": action, "params": params}
            self.history.append(call)
            reply: dict[str, Any] = {"echo": echo}
            try:
                if action in UPLOADS and action not in self.answers:
                    data = await self._upload(action, params)
                else:
                    data = self._answer(action, params)
            except Refused as refused:
                reply |= refused.reply
                call["refused"] = refused.reply
            except Exception as error:  # an answer that fails is a failed call
                reply |= {"status": "failed", "retcode": 100, "data": None, "message": str(error)}
            else:
                reply |= {"status": "ok", "retcode": 0, "data": data}
                call["result"] = data
            await self._websocket.send(json.dumps(reply, ensure_ascii=False))
            self.calls.put_nowait(call)

    async def _upload(self, action: str, params: dict[str, Any]) -> Any:
        form, data = await self.file_side.take(str(params.get("file", "")), _download)
        target = params.get("group_id") or params.get("user_id")
        self.files.append(ReceivedFile(action, int(target), str(params.get("name")), form, data))
        return None

    def _answer(self, action: str, params: dict[str, Any]) -> Any:
        if action in self.answers:
            return self.answers[action](params)
        if action in ("send_msg", "send_group_msg", "send_private_msg"):
            message_id = self.next_message_id()
            message = params.get("message", "")
            segments = (
                [{"type": "text", "data": {"text": message}}]
                if isinstance(message, str)
                else message
            )
            self._remember(message_id, int(time.time()), self.self_id, "值班机器人", segments)
            return {"message_id": message_id}
        if action == "get_msg":
            message_id = int(params["message_id"])
            if message_id not in self.messages:
                raise LookupError(f"no message {message_id}")
            return self.messages[message_id]
        return None

    def _remember(
        self, message_id: int, at: int, user_id: int, nickname: str, segments: list[Segment]
    ) -> None:
        self.messages[message_id] = {
            "time": at,
            "message_type": "group",
            "message_id": message_id,
            "real_id": message_id,
            "sender": {"user_id": user_id, "nickname": nickname},
            "message": segments,
        }


UPLOADS = ("upload_group_file", "upload_private_file")


def _read_if_file(path: str) -> bytes | None:
    return Path(path).read_bytes() if Path(path).is_file() else None


async def _download(url: str) -> bytes | None:
    """What the QQ side does with a link: fetch it (None when the bot refuses it)."""
    import httpx

    async with httpx.AsyncClient(trust_env=False, timeout=30) as client:
        response = await client.get(url)
    return response.content if response.status_code == 200 else None


def reply_segment(message_id: int) -> Segment:
    """Quote a message, as a QQ reply does."""
    return {"type": "reply", "data": {"id": str(message_id)}}


def image_segment(url: str, file: str = "") -> Segment:
    """A picture as QQ clients post it: a temporary link and a file name."""
    return {"type": "image", "data": {"file": file or url.rsplit("/", 1)[-1], "url": url}}


async def fetch_rows(database_url: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    import datetime as dt

    import sqlalchemy as sa
    from sqlalchemy.ext.asyncio import create_async_engine
    from sqlalchemy.pool import NullPool

    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return value.isoformat(sep=" ")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    engine = create_async_engine(database_url, poolclass=NullPool)
    try:
        async with engine.connect() as connection:
            result = await connection.execute(sa.text(sql), params)
            return [tuple(plain(v) for v in row) for row in result.all()]
    finally:
        await engine.dispose()


def message_text(message: Any) -> str:
    """Plain text of an outgoing message (a string or a segment array)."""
    if isinstance(message, str):
        return message
    return "".join(
        seg["data"].get("text", "")
        if seg["type"] == "text"
        else f"@{seg['data'].get('qq')}"
        if seg["type"] == "at"
        else ""
        for seg in message
    )


def _raw(segments: list[Segment]) -> str:
    parts = []
    for seg in segments:
        if seg["type"] == "text":
            parts.append(seg["data"]["text"])
        else:
            data = ",".join(f"{k}={v}" for k, v in seg["data"].items())
            parts.append(f"[CQ:{seg['type']},{data}]")
    return "".join(parts)
