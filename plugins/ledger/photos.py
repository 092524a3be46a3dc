"""Photos sent with a problem: downloaded at once (QQ image links expire) into
``<DUTY_DATA_DIR>/photos/YYYY-MM/<sha256>.<ext>``.

Nothing here touches the database: the caller downloads first and then records the outcome in
one short transaction. A failed download is retried a few times with a short backoff and then
reported as a :class:`FetchedPhoto` carrying the error, so that the problem is still recorded.
"""

from __future__ import annotations

import asyncio
import errno
import hashlib
import ipaddress
import os
import socket
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from nonebot import get_driver, logger
from pydantic import BaseModel

MAX_BYTES = 20 * 1024 * 1024
# Photos kept from one message, and downloads under way at once (for all messages together).
MAX_PER_MESSAGE = 20
MAX_CONCURRENT = 4
MAX_REDIRECTS = 5
# Per network operation, and for the whole download of one photo.
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 40.0
# Waits before the 2nd and 3rd attempts.
BACKOFF = (0.5, 2.0)


class PhotoConfig(BaseModel):
    duty_photo_private_networks: list[str] = []
    """Private networks photos may be fetched from (e.g. ``["127.0.0.1/32"]`` when the QQ
    client serves pictures itself on this machine). By default only public addresses."""


@dataclass(frozen=True)
class PhotoRef:
    """An image segment of a message (OneBot v11: ``data.url`` and ``data.file``)."""

    url: str
    file: str = ""


@dataclass(frozen=True)
class FetchedPhoto:
    ref: PhotoRef
    # Relative to the data folder, with forward slashes; None when the download failed.
    path: str | None = None
    sha256: str | None = None
    size: int | None = None
    error: str = ""

    @property
    def saved(self) -> bool:
        return self.path is not None


class PhotoError(Exception):
    """A download that failed; ``str()`` is the short Chinese reason kept in the database."""

    retry = True


class _Permanent(PhotoError):
    retry = False


def image_refs(segments: Iterable[Any]) -> list[PhotoRef]:
    """The image segments of a message, in order."""
    refs = []
    for segment in segments:
        if segment.type != "image":
            continue
        data = segment.data
        url = str(data.get("url") or "")
        file = str(data.get("file") or "")
        if not url and file.startswith(("http://", "https://")):
            url = file
        refs.append(PhotoRef(url=url, file=file))
    return refs


class _Refused(_Permanent):
    """An address the bot does not fetch from (the reply gives no detail about it)."""


def _allowed_networks() -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    from nonebot import get_plugin_config

    return tuple(
        ipaddress.ip_network(n, strict=False)
        for n in get_plugin_config(PhotoConfig).duty_photo_private_networks
    )


def address_allowed(address: str) -> bool:
    """Public internet addresses only, unless the network is listed in
    ``DUTY_PHOTO_PRIVATE_NETWORKS``: a link must not make the bot reach its own machine or
    the office network (routers, printers, cloud metadata)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if any(ip in network for network in _allowed_networks()):
        return True
    return ip.is_global and not ip.is_multicast


async def _public_address(host: str, port: int) -> str:
    """The address to connect to for ``host``: every address it resolves to must be allowed
    (checked after resolving, and the connection then goes to that very address)."""
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        raise PhotoError("下载失败（找不到服务器）") from None
    addresses = [info[4][0] for info in infos]
    if not addresses or not all(address_allowed(a) for a in addresses):
        raise _Refused("链接无法下载")
    return addresses[0]


_client: httpx.AsyncClient | None = None
_downloads: asyncio.Semaphore | None = None


def _shared_client() -> httpx.AsyncClient:
    """One client (and connection pool) for every download, created on first use."""
    global _client
    if _client is None or _client.is_closed:
        _client = httpx.AsyncClient(
            timeout=httpx.Timeout(READ_TIMEOUT, connect=10.0),
            follow_redirects=False,  # each hop is checked below
            limits=httpx.Limits(max_connections=MAX_CONCURRENT, max_keepalive_connections=4),
            headers={"Accept-Encoding": "identity"},
        )
    return _client


async def close_client() -> None:
    global _client
    client, _client = _client, None
    if client is not None:
        await client.aclose()


get_driver().on_shutdown(close_client)


def _download_slots() -> asyncio.Semaphore:
    global _downloads
    if _downloads is None:
        _downloads = asyncio.Semaphore(MAX_CONCURRENT)
    return _downloads


async def fetch_bytes(url: str) -> bytes:
    """Download one image; the seam tests replace. Raises PhotoError."""
    try:
        async with _download_slots():
            for _hop in range(MAX_REDIRECTS + 1):
                target = httpx.URL(url)
                if target.scheme not in ("http", "https") or not target.host:
                    raise _Permanent("下载地址无效")
                port = target.port or (443 if target.scheme == "https" else 80)
                address = await _public_address(target.host, port)
                pinned = target.copy_with(host=address)
                request = _shared_client().build_request(
                    "GET",
                    pinned,
                    headers={"Host": target.netloc.decode("ascii")},
                    extensions={"sni_hostname": target.host} if target.scheme == "https" else {},
                )
                response = await _shared_client().send(request, stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        url = str(target.join(response.headers["location"]))
                        continue
                    return await _read_body(response)
                finally:
                    await response.aclose()
            raise _Permanent("下载失败（跳转太多）")
    except httpx.TimeoutException:
        raise PhotoError("下载超时") from None
    except httpx.InvalidURL:
        raise _Permanent("下载地址无效") from None
    except httpx.HTTPError as error:
        raise PhotoError(f"下载失败（{type(error).__name__}）") from None


async def _read_body(response: httpx.Response) -> bytes:
    if response.status_code >= 400:
        logger.info(f"照片链接返回 HTTP {response.status_code}")
        if response.status_code >= 500:
            raise PhotoError("下载失败")
        raise _Permanent("链接已失效")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        # A compressed body can inflate a thousandfold; pictures are not sent that way.
        raise _Permanent("不是图片")
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BYTES:
        raise _Permanent(f"超过{MAX_BYTES // 1024 // 1024}MB")
    chunks, total = [], 0
    async for chunk in response.aiter_raw():  # the bytes on the wire, counted as they come
        total += len(chunk)
        if total > MAX_BYTES:
            raise _Permanent(f"超过{MAX_BYTES // 1024 // 1024}MB")
        chunks.append(chunk)
    return b"".join(chunks)


async def fetch_photos(refs: list[PhotoRef], data_dir: Path, day: date) -> list[FetchedPhoto]:
    """Download and store the photos (at most ``MAX_PER_MESSAGE``, a few at a time); never
    raises for one photo."""
    if len(refs) > MAX_PER_MESSAGE:
        logger.warning(f"一条消息带了 {len(refs)} 张图片，只保存前 {MAX_PER_MESSAGE} 张")
        refs = refs[:MAX_PER_MESSAGE]
    return list(await asyncio.gather(*(_fetch_one(ref, data_dir, day) for ref in refs)))


async def _fetch_one(ref: PhotoRef, data_dir: Path, day: date) -> FetchedPhoto:
    if not ref.url:
        return FetchedPhoto(ref, error="没有下载地址")
    error: PhotoError = PhotoError("下载失败")
    for attempt in range(len(BACKOFF) + 1):
        if attempt:
            await asyncio.sleep(BACKOFF[attempt - 1])
        try:
            content = await asyncio.wait_for(fetch_bytes(ref.url), TOTAL_TIMEOUT)
            extension = image_extension(content)
            if extension is None:
                raise _Permanent("不是图片")
        except TimeoutError:
            error = PhotoError("下载超时")
        except PhotoError as failure:
            error = failure
            if not failure.retry:
                break
        else:
            try:
                return await asyncio.to_thread(_store, content, extension, data_dir, day, ref)
            except OSError as failure:
                logger.error(f"照片无法保存到 {data_dir}: {failure}")
                return FetchedPhoto(ref, error=storage_problem(failure))
    logger.warning(f"照片下载失败 {ref.url[:80]}: {error}")
    return FetchedPhoto(ref, error=str(error)[:200])


def storage_problem(failure: OSError) -> str:
    """What went wrong writing a file, in words an office worker can pass on."""
    if failure.errno == errno.ENOSPC:
        return "磁盘已满，无法保存"
    if failure.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "照片文件夹不可写，无法保存"
    return f"无法保存（{failure.strerror or failure}）"


def image_extension(content: bytes) -> str | None:
    if content.startswith(b"\xff\xd8\xff"):
        return ".jpg"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return ".png"
    if content.startswith((b"GIF87a", b"GIF89a")):
        return ".gif"
    if content[:4] == b"RIFF" and content[8:12] == b"WEBP":
        return ".webp"
    if content.startswith(b"BM"):
        return ".bmp"
    return None


def _store(content: bytes, extension: str, data_dir: Path, day: date, ref: PhotoRef):
    digest = hashlib.sha256(content).hexdigest()
    relative = f"photos/{day:%Y-%m}/{digest}{extension}"
    target = Path(data_dir) / relative
    if not target.exists():  # same content, same name: stored once
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.part")
        partial.write_bytes(content)
        os.replace(partial, target)
    return FetchedPhoto(ref, path=relative, sha256=digest, size=len(content))
