"""Text files in the encodings Windows saves them in."""

from __future__ import annotations

import errno

import pytest

from dutybot.files import why
from dutybot.textfile import TextFileError, detect_encoding, open_text

TEXT = "2026-11-20 8:05:12 秘书科-王晓明(20001)\n玄帝庙街 发现问题3处\n"


@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),
    ],
)
def test_each_encoding_reads_back_the_same_text(tmp_path, encoding, detected):
    path = tmp_path / "chat.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert detect_encoding(path.read_bytes()) == detected
    stream, _ = open_text(path)
    with stream:
        assert stream.read() == TEXT


def test_a_character_cut_at_the_sample_end_is_no_error():
    assert detect_encoding(TEXT.encode("utf-8")[:-3]) == "utf-8"


def test_binary_files_and_folders_are_refused_in_one_line(tmp_path):
    (tmp_path / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(TextFileError, match=r"x\.png 不是文本文件"):
        open_text(tmp_path / "x.png")
    with pytest.raises(TextFileError, match="是文件夹，请写文件的路径"):
        open_text(tmp_path)
    with pytest.raises(TextFileError, match=r"无法读取 .*：找不到"):
        open_text(tmp_path / "missing.txt")


def test_file_errors_are_told_in_chinese():
    assert why(FileNotFoundError(errno.ENOENT, "No such file or directory")) == "找不到"
    assert why(PermissionError(errno.EACCES, "Permission denied")) in (
        "没有权限",
        "没有权限，或文件正被其他程序打开（如 Excel、WPS），请先关闭它",
    )
    locked = PermissionError(errno.EACCES, "The process cannot access the file")
    locked.winerror = 32  # what Windows says while Excel has the file open
    assert why(locked) == "文件正被其他程序打开（如 Excel、WPS），请先关闭它"
