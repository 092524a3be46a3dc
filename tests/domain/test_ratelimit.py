from __future__ import annotations

import asyncio

import pytest

from dutybot.ratelimit import TokenBucket


class FakeTime:
    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds


async def test_burst_then_steady_rate():
    clock = FakeTime()
    bucket = TokenBucket(rate=1.0, burst=3, monotonic=clock.monotonic, sleep=clock.sleep)
    waits = [await bucket.acquire() for _ in range(6)]
    assert waits[:3] == [0, 0, 0]
    assert waits[3:] == pytest.approx([1.0, 1.0, 1.0])
    assert clock.now == pytest.approx(3.0)


async def test_tokens_come_back_after_a_pause():
    clock = FakeTime()
    bucket = TokenBucket(rate=2.0, burst=2, monotonic=clock.monotonic, sleep=clock.sleep)
    await bucket.acquire()
    await bucket.acquire()
    clock.now += 10
    assert await bucket.acquire() == 0
    assert await bucket.acquire() == 0
    assert await bucket.acquire() == pytest.approx(0.5)


async def test_concurrent_senders_are_spaced():
    clock = FakeTime()
    bucket = TokenBucket(rate=1.0, burst=1, monotonic=clock.monotonic, sleep=clock.sleep)
    await asyncio.gather(*(bucket.acquire() for _ in range(5)))
    assert clock.now == pytest.approx(4.0)


def test_rejects_nonsense():
    with pytest.raises(ValueError, match="rate"):
        TokenBucket(rate=0, burst=1)
