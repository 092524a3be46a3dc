"""A token bucket for outgoing QQ messages: accounts that send fast get restricted by QQ."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable


class TokenBucket:
    """Allows ``burst`` sends at once, then ``rate`` per second. Waiters are served in order."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = float(burst)
        self._updated = monotonic()
        self._lock = asyncio.Lock()

    def _refill(self) -> None:
        now = self._monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    async def acquire(self) -> float:
        """Wait for a token; returns how long it waited."""
        waited = 0.0
        async with self._lock:
            self._refill()
            while self._tokens < 1:
                delay = (1 - self._tokens) / self.rate
                await self._sleep(delay)
                waited += delay
                self._refill()
            self._tokens -= 1
        return waited


class SendDropped(Exception):
    """The sender already has as many sends waiting as one sender may have."""


class FairBucket:
    """The same pace as :class:`TokenBucket`, but waiters are not served first come first
    served: urgent sends (reminders) go first, then whoever has had the fewest sends lately.
    One member sending forty commands waits behind everyone else instead of in front of them,
    and has at most ``max_waiting`` replies queued: the rest are dropped (their commands still
    did their work)."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        window: float = 60.0,
        max_waiting: int = 5,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be positive and burst at least 1")
        self.rate = rate
        self.burst = burst
        self.window = window
        self.max_waiting = max_waiting
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = float(burst)
        self._updated = monotonic()
        self._waiting: list[tuple[int, int, int, object, asyncio.Future[None]]] = []
        self._order = itertools.count()
        self._recent: dict[object, deque[float]] = {}
        self._pump: asyncio.Task[None] | None = None

    def _refill(self) -> None:
        now = self._monotonic()
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def _load(self, key: object) -> int:
        """Sends granted to ``key`` within the window, plus those it is waiting for; raises
        SendDropped if it is waiting for too many already."""
        if key is None:
            return 0
        granted = self._recent.get(key)
        cutoff = self._monotonic() - self.window
        while granted and granted[0] < cutoff:
            granted.popleft()
        waiting = sum(1 for entry in self._waiting if entry[3] == key and not entry[4].done())
        if waiting >= self.max_waiting:
            raise SendDropped(key)
        return (len(granted) if granted else 0) + waiting

    def _grant(self, key: object) -> None:
        self._tokens -= 1
        if key is not None:
            self._recent.setdefault(key, deque()).append(self._monotonic())
            if len(self._recent) > 10_000:  # forget the oldest senders
                self._recent.pop(next(iter(self._recent)))

    async def acquire(self, key: object = None, *, urgent: bool = False) -> float:
        """Wait for a token; returns how long it waited. SendDropped when ``key`` already
        waits for ``max_waiting`` sends."""
        started = self._monotonic()
        self._refill()
        if not self._waiting and self._tokens >= 1:
            self._grant(key)
            return 0.0
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (0 if urgent else 1, self._load(key), next(self._order), key, future)
        heapq.heappush(self._waiting, entry)
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._serve())
        await future
        return self._monotonic() - started

    async def _serve(self) -> None:
        while self._waiting:
            self._refill()
            if self._tokens < 1:
                await self._sleep((1 - self._tokens) / self.rate)
                continue
            *_, key, future = heapq.heappop(self._waiting)
            if future.done():  # its sender gave up
                continue
            self._grant(key)
            future.set_result(None)
