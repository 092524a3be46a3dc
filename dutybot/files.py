"""The folders and files the bot writes: checks, safe names, atomic saves."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from pathlib import Path


def unwritable_reason(folder: Path) -> str | None:
    """None when files can be created in ``folder`` (made if missing); else why not."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(dir=folder, prefix=".write-test-")
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        return error.strerror or str(error)
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
        partial.unlink(missing_ok=True)
        raise
    return path


def atomic_write(path: Path, content: bytes) -> Path:
    return atomic_save(path, lambda partial: partial.write_bytes(content))
