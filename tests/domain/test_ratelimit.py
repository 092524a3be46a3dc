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


async def test_a_flooding_sender_waits_behind_the_others():
    from dutybot.ratelimit import FairBucket

    clock = FakeTime()
    bucket = FairBucket(
        rate=1.0, burst=5, max_waiting=50, monotonic=clock.monotonic, sleep=clock.sleep
    )
    served: list[str] = []

    async def send(who: str, urgent: bool = False) -> None:
        await bucket.acquire(None if urgent else who, urgent=urgent)
        served.append(who)

    flood = [asyncio.create_task(send("flooder")) for _ in range(40)]
    others = [
        asyncio.create_task(send("coordinator")),
        asyncio.create_task(send("reminder", urgent=True)),
        asyncio.create_task(send("member")),
    ]
    await asyncio.gather(*flood, *others)
    assert served[:5] == ["flooder"] * 5  # the burst went to whoever came first
    assert served[5:8] == ["reminder", "coordinator", "member"]
    assert clock.now == pytest.approx(38.0)  # the pace itself is unchanged


async def test_fair_bucket_keeps_the_pace_and_burst():
    from dutybot.ratelimit import FairBucket

    clock = FakeTime()
    bucket = FairBucket(rate=2.0, burst=2, monotonic=clock.monotonic, sleep=clock.sleep)
    waits = [await bucket.acquire("a") for _ in range(4)]
    assert waits == pytest.approx([0, 0, 0.5, 0.5])


async def test_a_sender_has_only_a_few_sends_waiting():
    from dutybot.ratelimit import FairBucket, SendDropped

    clock = FakeTime()
    bucket = FairBucket(
        rate=1.0, burst=2, max_waiting=3, monotonic=clock.monotonic, sleep=clock.sleep
    )
    results = await asyncio.gather(
        *(bucket.acquire("flooder") for _ in range(10)), return_exceptions=True
    )
    dropped = [r for r in results if isinstance(r, SendDropped)]
    assert len(dropped) == 5  # 2 at once, 3 waiting, the rest dropped
    assert await bucket.acquire("someone else") >= 0
