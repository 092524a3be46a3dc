"""Opening the text files people hand to the command line, whatever Windows saved them as.

QQ's PC client and Notepad write UTF-8 (often with a BOM), older Windows tools write GBK and
"Unicode" in Notepad is UTF-16. The encoding is told from the file's beginning; a file that is
none of these is refused with one line instead of being read as garbage.
"""

from __future__ import annotations

import codecs
import io
from pathlib import Path
from typing import BinaryIO

from .files import why

SAMPLE = 64 * 1024

# Shown to people: what the encodings are called in Windows' "save as" dialogs.
NAMES = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8", "utf-16": "UTF-16", "gb18030": "GBK"}


class TextFileError(Exception):
    """A file that cannot be read as text; ``str()`` is the one line to show."""


def detect_encoding(head: bytes) -> str | None:
    """The encoding of a file beginning with ``head``: ``utf-8-sig``, ``utf-16``, ``utf-8``,
    ``gb18030`` (a superset of GBK), or None when it is none of them (a binary file)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:  # no text in these encodings has NUL bytes; UTF-16 without BOM
        return None
    for encoding in ("utf-8", "gb18030"):
        # Incremental, so that a character cut at the sample's end is no error.
        try:
            codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return encoding
    return None


def read_sample(path: Path) -> bytes:
    """The beginning of ``path``, or TextFileError saying in Chinese why it cannot be read."""
    if path.is_dir():
        raise TextFileError(f"{path} 是文件夹，请写文件的路径")
    try:
        with path.open("rb") as stream:
            return stream.read(SAMPLE)
    except OSError as error:
        raise TextFileError(f"无法读取 {path}：{why(error)}") from None


def open_text(path: Path) -> tuple[io.TextIOWrapper, str]:
    """``path`` opened for reading as text, and the name of its encoding. Undecodable bytes
    further on become U+FFFD rather than stopping a long file half-way."""
    head = read_sample(path)
    if not head:
        raise TextFileError(f"{path} 是空文件")
    encoding = detect_encoding(head)
    if encoding is None:
        raise TextFileError(f"{path} 不是文本文件（不是 UTF-8、GBK 或 UTF-16 编码的文字）")
    try:
        binary: BinaryIO = path.open("rb")
    except OSError as error:
        raise TextFileError(f"无法读取 {path}：{why(error)}") from None
    return io.TextIOWrapper(binary, encoding=encoding, errors="replace", newline=None), NAMES[
        encoding
    ]
