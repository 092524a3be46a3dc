"""Downloading photos for real over HTTP on 127.0.0.1: retries, limits, content-hash names."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from tests.photo_server import JPEG, PNG, PhotoServer

DAY = date(2026, 11, 30)


@pytest.fixture
def server():
    with PhotoServer() as running:
        yield running


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch):
    from plugins.ledger import photos

    monkeypatch.setattr(photos, "BACKOFF", (0, 0))


async def fetch(server, tmp_path, *paths):
    from plugins.ledger.photos import PhotoRef, fetch_photos

    refs = [PhotoRef(url=server.url(p), file=p.strip("/")) for p in paths]
    return await fetch_photos(refs, tmp_path, DAY)


async def test_saved_under_the_month_by_content_hash(server, tmp_path):
    server.routes = {"/a": PNG, "/b": JPEG, "/a-again": PNG}
    a, b, again = await fetch(server, tmp_path, "/a", "/b", "/a-again")
    digest = hashlib.sha256(PNG).hexdigest()
    assert a.path == f"photos/2026-11/{digest}.png"
    assert (a.sha256, a.size, a.error) == (digest, len(PNG), "")
    assert b.path.endswith(".jpg")
    assert again.path == a.path  # the same picture is stored once
    assert (tmp_path / a.path).read_bytes() == PNG
    assert sorted(p.name for p in (tmp_path / "photos" / "2026-11").iterdir()) == sorted(
        [f"{digest}.png", f"{hashlib.sha256(JPEG).hexdigest()}.jpg"]
    )


async def test_a_server_error_is_retried(server, tmp_path):
    server.routes = {"/flaky": [(502, b"bad gateway"), (503, b"busy"), (200, PNG)]}
    [photo] = await fetch(server, tmp_path, "/flaky")
    assert photo.saved
    assert server.hits["/flaky"] == 3


async def test_failure_after_three_attempts(server, tmp_path):
    server.routes = {"/down": [(500, b"error")]}
    [photo] = await fetch(server, tmp_path, "/down")
    assert not photo.saved
    assert photo.error == "下载失败"  # the status itself is only logged
    assert server.hits["/down"] == 3
    assert not (tmp_path / "photos").exists()


async def test_an_expired_link_is_not_retried(server, tmp_path):
    [photo] = await fetch(server, tmp_path, "/expired")
    assert photo.error == "链接已失效"
    assert server.hits["/expired"] == 1


async def test_not_an_image(server, tmp_path):
    server.routes = {"/page": b"<html>login</html>"}
    [photo] = await fetch(server, tmp_path, "/page")
    assert photo.error == "不是图片"


async def test_too_large(server, tmp_path, monkeypatch):
    from plugins.ledger import photos

    monkeypatch.setattr(photos, "MAX_BYTES", 100)
    server.routes = {"/big": PNG}
    [photo] = await fetch(server, tmp_path, "/big")
    assert photo.error.startswith("超过")
    assert server.hits["/big"] == 1


async def test_a_download_that_hangs_times_out(tmp_path, monkeypatch):
    import asyncio

    from plugins.ledger import photos

    calls = []

    async def hang(url: str) -> bytes:
        calls.append(url)
        await asyncio.sleep(10)
        return PNG

    monkeypatch.setattr(photos, "fetch_bytes", hang)
    monkeypatch.setattr(photos, "TOTAL_TIMEOUT", 0.05)
    [photo] = await photos.fetch_photos([photos.PhotoRef(url="http://x/slow")], tmp_path, DAY)
    assert photo.error == "下载超时"
    assert len(calls) == 3


async def test_nothing_listening(tmp_path):
    from dutybot.simulator import free_port
    from plugins.ledger.photos import PhotoRef, fetch_photos

    [photo] = await fetch_photos([PhotoRef(url=f"http://127.0.0.1:{free_port()}/x")], tmp_path, DAY)
    assert photo.error.startswith("下载失败")


async def test_a_segment_without_a_link():
    from nonebot.adapters.onebot.v11 import MessageSegment

    from plugins.ledger.photos import PhotoRef, fetch_photos, image_refs

    refs = image_refs(
        [
            MessageSegment.text("井盖"),
            MessageSegment("image", {"file": "abc.image", "url": "http://x/1"}),
            MessageSegment("image", {"file": "https://x/2.jpg"}),
            MessageSegment("image", {"file": "abc.image"}),
        ]
    )
    assert refs == [
        PhotoRef(url="http://x/1", file="abc.image"),
        PhotoRef(url="https://x/2.jpg", file="https://x/2.jpg"),
        PhotoRef(url="", file="abc.image"),
    ]
    [photo] = await fetch_photos(refs[2:], None, DAY)  # type: ignore[arg-type]
    assert photo.error == "没有下载地址"
