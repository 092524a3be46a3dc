"""Photo links are fetched only from public addresses, a few at a time, with the bytes on the
wire counted: a link cannot reach the bot's own machine or network, nor flood it."""

from __future__ import annotations

import gzip
from datetime import date

import pytest

from tests.photo_server import PNG, PhotoServer

DAY = date(2026, 11, 30)


@pytest.fixture
def server():
    with PhotoServer() as running:
        yield running


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch: pytest.MonkeyPatch):
    from plugins.ledger import photos

    monkeypatch.setattr(photos, "BACKOFF", (0, 0))


@pytest.fixture
def public_only(monkeypatch: pytest.MonkeyPatch):
    """As deployed: no private network allowed (the test suite allows its loopback server)."""
    from plugins.ledger import photos

    monkeypatch.setattr(photos, "_allowed_networks", lambda: ())


@pytest.fixture
def fetch(tmp_path):
    async def fetch(*urls: str):
        from plugins.ledger.photos import PhotoRef, fetch_photos

        return await fetch_photos([PhotoRef(url=u) for u in urls], tmp_path, DAY)

    return fetch


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:{port}/a",
        "http://localhost:{port}/a",
        "http://[::1]:{port}/a",
        "http://0.0.0.0:{port}/a",
        "http://10.1.2.3/a",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::ffff:127.0.0.1]:{port}/a",
    ],
)
async def test_internal_addresses_are_refused_without_asking_them(
    fetch, server, public_only, url: str
):
    server.routes = {"/a": PNG}
    [photo] = await fetch(url.format(port=server.httpd.server_address[1]))
    assert not photo.saved
    assert photo.error == "链接无法下载"  # nothing about what is there
    assert server.hits == {}


async def test_a_redirect_to_an_internal_address_is_refused(fetch, server, monkeypatch):
    import ipaddress

    from plugins.ledger import photos

    # Only this server may be asked; the redirect points elsewhere on the machine.
    monkeypatch.setattr(
        photos, "_allowed_networks", lambda: (ipaddress.ip_network("127.0.0.1/32"),)
    )
    port = server.httpd.server_address[1]
    server.routes = {
        "/jump": [(302, b"", {"Location": f"http://127.0.0.2:{port}/secret"})],
        "/hop": [(302, b"", {"Location": "/a"})],
        "/a": PNG,
    }
    refused, followed = await fetch(server.url("/jump"), server.url("/hop"))
    assert refused.error == "链接无法下载"
    assert followed.saved  # an allowed redirect is still followed
    assert server.hits == {"/jump": 1, "/hop": 1, "/a": 1}


async def test_a_compressed_body_is_not_inflated(fetch, server):
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # 50 MB in about 50 KB
    server.routes = {"/bomb": [(200, bomb, {"Content-Encoding": "gzip"})]}
    [photo] = await fetch(server.url("/bomb"))
    assert photo.error == "不是图片"


async def test_bytes_on_the_wire_are_counted(fetch, server, monkeypatch):
    from plugins.ledger import photos

    monkeypatch.setattr(photos, "MAX_BYTES", 300)
    server.routes = {"/big": [(200, PNG * 2, {})]}
    [photo] = await fetch(server.url("/big"))
    assert photo.error.startswith("超过")


async def test_a_message_with_many_images_fetches_a_few_at_a_time(fetch, server):
    from plugins.ledger import photos

    server.routes = {f"/{n}": PNG + bytes([n]) for n in range(30)}
    server.delay = 0.05
    results = await fetch(*(server.url(f"/{n}") for n in range(30)))
    assert len(results) == photos.MAX_PER_MESSAGE == 20
    assert all(r.saved for r in results)
    assert sum(server.hits.values()) == 20
    assert server.most_in_flight <= photos.MAX_CONCURRENT


async def test_one_client_serves_every_download(fetch, server, monkeypatch):
    import httpx

    from plugins.ledger import photos

    await photos.close_client()
    made = []
    real = httpx.AsyncClient

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(httpx, "AsyncClient", counting)
    server.routes = {"/a": PNG, "/b": PNG + b"b"}
    await fetch(server.url("/a"))
    await fetch(server.url("/b"), server.url("/a"))
    assert len(made) == 1
    await photos.close_client()
