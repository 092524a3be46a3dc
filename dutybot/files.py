"""The folders and files the bot writes: checks, safe names, atomic saves, and file errors
told in Chinese."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

# What the operating system's (English) error text means, for the people reading it.
_MEANING = {
    errno.ENOENT: "找不到",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.ENOTDIR: "路径里有一段是文件，不是文件夹",
    errno.EACCES: "没有权限",
    errno.EPERM: "没有权限",
    errno.EROFS: "所在的磁盘是只读的",
    errno.ENOSPC: "磁盘空间不足",
    errno.EEXIST: "已经存在",
    errno.EBUSY: "正被其他程序使用",
    errno.ENAMETOOLONG: "文件名太长",
    errno.EINVAL: "文件名里有不能用的字符",
}
# Windows: the file is open in another program (Excel keeps what it shows locked).
_SHARING_VIOLATION = (32, 33)


def why(error: OSError) -> str:
    """A file error in a few Chinese words: ``没有权限``, ``正被其他程序打开（如 Excel）…``."""
    if getattr(error, "winerror", None) in _SHARING_VIOLATION:
        return "文件正被其他程序打开（如 Excel、WPS），请先关闭它"
    if isinstance(error, PermissionError) and os.name == "nt":
        return "没有权限，或文件正被其他程序打开（如 Excel、WPS），请先关闭它"
    meaning = _MEANING.get(error.errno or 0)
    if meaning:
        return meaning
    return f"系统错误 {error.errno}" if error.errno else "系统错误"


def output_problem(path: Path) -> str | None:
    """Why a file cannot be written at ``path`` (a folder is fine: the file goes into it), in
    one line; None when it can. Told before the work that would fill the file."""
    if path.is_dir():
        reason = unwritable_reason(path)
        return f"无法在文件夹 {path} 里写文件：{reason}" if reason else None
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        return f"无法写入 {path}：{folder} 是文件，不是文件夹"
    if path.exists():
        try:
            with path.open("r+b"):  # fails while Excel or WPS has the file open (Windows)
                pass
        except OSError as error:
            return f"无法写入 {path}：{why(error)}"
    reason = unwritable_reason(path.parent)
    return f"无法写入 {path}：{reason}" if reason else None


def unwritable_reason(folder: Path) -> str | None:
    """None when files can be created in ``folder`` (made if missing); else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return why(error)
    return None


# Characters no file name may hold on Windows or Linux, path separators first; and blanks.
_UNSAFE = re.compile(r'[\\/:*?"<>|\s\x00-\x1f]+')


def safe_name(text: str, fallback: str = "单位") -> str:
    """``text`` made into a plain file name: no folder part, no reserved characters, not a
    hidden or relative name (``../x`` → ``x``)."""
    name = _UNSAFE.sub("_", text).strip("_. ")
    return name[:80] or fallback


def atomic_save(path: Path, save: Callable[[Path], object]) -> Path:
    """Write through ``save(partial)`` beside ``path`` and rename over it: a reader never sees
    half a file, and a failure leaves the old file (if any) as it was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.part")
    try:
        save(partial)
        os.replace(partial, path)
    except BaseException:
        # No half-written file is left behind (the target was a folder, or open in Excel).
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    return path


def atomic_write(path: Path, content: bytes) -> Path:
    return atomic_save(path, lambda partial: partial.write_bytes(content))
