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
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
from nonebot import logger

MAX_BYTES = 20 * 1024 * 1024
# Per network operation, and for the whole download of one photo.
READ_TIMEOUT = 15.0
TOTAL_TIMEOUT = 40.0
# Waits before the 2nd and 3rd attempts.
BACKOFF = (0.5, 2.0)


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


async def fetch_bytes(url: str) -> bytes:
    """Download one image; the seam tests replace. Raises PhotoError."""
    timeout = httpx.Timeout(READ_TIMEOUT, connect=10.0)
    try:
        async with (
            httpx.AsyncClient(timeout=timeout, follow_redirects=True) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                error_class = PhotoError if response.status_code >= 500 else _Permanent
                raise error_class(f"HTTP {response.status_code}")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > MAX_BYTES:
                raise _Permanent(f"超过{MAX_BYTES // 1024 // 1024}MB")
            chunks, total = [], 0
            async for chunk in response.aiter_bytes():
                total += len(chunk)
                if total > MAX_BYTES:
                    raise _Permanent(f"超过{MAX_BYTES // 1024 // 1024}MB")
                chunks.append(chunk)
            return b"".join(chunks)
    except httpx.TimeoutException:
        raise PhotoError("下载超时") from None
    except httpx.InvalidURL:
        raise _Permanent("下载地址无效") from None
    except httpx.HTTPError as error:
        raise PhotoError(f"下载失败（{type(error).__name__}）") from None


async def fetch_photos(refs: list[PhotoRef], data_dir: Path, day: date) -> list[FetchedPhoto]:
    """Download and store every photo (at the same time); never raises for one photo."""
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
