"""Headless Chromium for tests, driven over the Chrome DevTools protocol with the
``websockets`` client the project already has: Debian's ``chromium`` package, nothing
downloaded. Pages are opened, read with JavaScript, clicked with real mouse events and
photographed at phone and desktop sizes."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-proxy-server",
    "--hide-scrollbars",
    "--mute-audio",
    "--remote-debugging-port=0",
)
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
DESKTOP = {"width": 1366, "height": 900, "deviceScaleFactor": 1, "mobile": False}


def chromium_binary() -> str | None:
    for name in (os.environ.get("CHROMIUM", ""), "chromium", "chromium-browser"):
        if name and shutil.which(name):
            return shutil.which(name)
    return None


class Browser:
    def __init__(self, profile: Path, timeout: float = 30) -> None:
        self.profile = Path(profile)
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = None
        self._socket: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._ids = itertools.count(1)
        self._waiting: dict[int, asyncio.Future[dict[str, Any]]] = {}
        self._events: list[dict[str, Any]] = []
        self._event_added = asyncio.Event()

    async def __aenter__(self) -> Browser:
        self.process = self._launch()
        port_file = self.profile / "DevToolsActivePort"
        deadline = time.monotonic() + self.timeout
        while not (port_file.is_file() and len(port_file.read_text().splitlines()) >= 2):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.05)
        port, path = port_file.read_text().splitlines()[:2]
        from websockets.asyncio.client import connect

        self._socket = await connect(f"ws://127.0.0.1:{port}{path}", max_size=None)
        self._reader = asyncio.create_task(self._read())
        return self

    def _launch(self) -> subprocess.Popen[bytes]:
        """Chromium with a fresh profile of its own; its output goes to chromium.log."""
        binary = chromium_binary()
        if binary is None:
            raise RuntimeError("chromium is not installed")
        self.profile.mkdir(parents=True, exist_ok=True)
        with (self.profile.parent / "chromium.log").open("ab") as log:
            return subprocess.Popen(
                [binary, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    async def __aexit__(self, *_: object) -> None:
        if self._reader:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._socket is not None:
            with contextlib.suppress(Exception):
                await self._socket.close()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    async def _read(self) -> None:
        async for frame in self._socket:
            message = json.loads(frame)
            waiter = self._waiting.pop(message.get("id", -1), None)
            if waiter is not None and not waiter.done():
                waiter.set_result(message)
            elif "method" in message:
                self._events.append(message)
                self._event_added.set()

    async def send(self, method: str, params: dict | None = None, session: str | None = None):
        number = next(self._ids)
        request: dict[str, Any] = {"id": number, "method": method, "params": params or {}}
        if session:
            request["sessionId"] = session
        waiter = asyncio.get_running_loop().create_future()
        self._waiting[number] = waiter
        await self._socket.send(json.dumps(request))
        answer = await asyncio.wait_for(waiter, self.timeout)
        if "error" in answer:
            raise RuntimeError(f"{method}: {answer['error']}")
        return answer.get("result", {})

    async def event(self, method: str, session: str | None, since: int) -> dict[str, Any]:
        deadline = time.monotonic() + self.timeout
        while True:
            for event in self._events[since:]:
                if event["method"] == method and event.get("sessionId") == session:
                    return event
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no {method} within {self.timeout}s")
            self._event_added.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._event_added.wait(), remaining)

    async def new_page(self) -> Page:
        target = await self.send("Target.createTarget", {"url": "about:blank"})
        attached = await self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}
        )
        page = Page(self, attached["sessionId"])
        await page.send("Page.enable")
        await page.send("Runtime.enable")
        return page


class Page:
    def __init__(self, browser: Browser, session: str) -> None:
        self.browser = browser
        self.session = session

    async def send(self, method: str, params: dict | None = None) -> dict[str, Any]:
        return await self.browser.send(method, params, self.session)

    async def _loaded_after(self, action) -> None:
        mark = len(self.browser._events)
        await action()
        await self.browser.event("Page.loadEventFired", self.session, mark)

    async def goto(self, url: str) -> None:
        await self._loaded_after(lambda: self.send("Page.navigate", {"url": url}))

    async def evaluate(self, expression: str) -> Any:
        result = await self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def url(self) -> str:
        return await self.evaluate("location.href")

    async def click(self, selector: str) -> None:
        """A real mouse click in the middle of the element (scrolled into view), waiting for
        the page it opens."""
        box = await self.evaluate(
            f"""(() => {{
                const element = document.querySelector({json.dumps(selector)});
                if (!element) return null;
                element.scrollIntoView({{block: "center"}});
                const r = element.getBoundingClientRect();
                return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
            }})()"""
        )
        if box is None:
            raise LookupError(f"nothing matches {selector}")

        async def press() -> None:
            for kind in ("mousePressed", "mouseReleased"):
                await self.send(
                    "Input.dispatchMouseEvent",
                    {"type": kind, "x": box["x"], "y": box["y"], "button": "left", "clickCount": 1},
                )

        await self._loaded_after(press)

    async def size(self, metrics: dict[str, Any]) -> None:
        await self.send("Emulation.setDeviceMetricsOverride", metrics)

    async def screenshot(self, path: Path) -> Path:
        """The whole page, as tall as it is."""
        layout = await self.send("Page.getLayoutMetrics")
        content = layout.get("cssContentSize") or layout["contentSize"]
        shot = await self.send(
            "Page.captureScreenshot",
            {
                "format": "png",
                "captureBeyondViewport": True,
                "clip": {
                    "x": 0,
                    "y": 0,
                    "width": content["width"],
                    "height": content["height"],
                    "scale": 1,
                },
            },
        )
        return _save(path, base64.b64decode(shot["data"]))


def _save(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
