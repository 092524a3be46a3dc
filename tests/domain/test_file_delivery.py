"""The rules of getting a file to the QQ side: forms in turn, size against NapCat's frame cap,
signed links, and wording true to the outcome."""

from __future__ import annotations

import pytest

from dutybot.file_delivery import (
    FRAME_CAP,
    Mode,
    Outcome,
    State,
    attempt_order,
    base64_length,
    file_note,
    fits_one_frame,
    link_signature,
    link_valid,
)

SECRET = b"s" * 32
MB = 1024 * 1024


def test_path_first_then_base64_then_link():
    assert attempt_order(10 * MB, url_available=True) == [Mode.PATH, Mode.BASE64, Mode.URL]
    assert attempt_order(10 * MB, url_available=False) == [Mode.PATH, Mode.BASE64]


def test_what_worked_last_is_tried_first():
    order = attempt_order(MB, url_available=True, preferred=Mode.BASE64)
    assert order == [Mode.BASE64, Mode.PATH, Mode.URL]
    # A form that cannot be used now is not preferred.
    assert attempt_order(MB, url_available=False, preferred=Mode.URL) == [Mode.PATH, Mode.BASE64]


def test_base64_only_while_it_fits_napcats_frame():
    assert base64_length(3) == len("base64://") + 4
    assert base64_length(4) == len("base64://") + 8
    largest = max(n for n in range(36 * MB, 38 * MB, 1024) if fits_one_frame(n))
    assert base64_length(largest) < FRAME_CAP
    assert largest > 36 * MB  # a Word draft with photos is far below this
    too_big = largest + 1024
    assert attempt_order(too_big, url_available=True) == [Mode.PATH, Mode.URL]
    assert attempt_order(too_big, url_available=False) == [Mode.PATH]


def test_a_link_is_valid_for_its_file_until_it_expires():
    signature = link_signature(SECRET, "abc", 1000)
    assert link_valid(SECRET, "abc", 1000, signature, now=999)
    assert link_valid(SECRET, "abc", 1000, signature, now=1000)
    assert not link_valid(SECRET, "abc", 1000, signature, now=1001)


GOOD = link_signature(SECRET, "abc", 1000)


@pytest.mark.parametrize(
    ("file_id", "expires", "signature"),
    [
        ("abd", 1000, GOOD),  # another file
        ("abc", 2000, GOOD),  # a later expiry
        ("abc", 1000, "0" * 64),
        ("abc", 1000, GOOD[:-1]),
        ("abc", 1000, ""),
        ("abc", 1000, "不是签名"),
    ],
)
def test_a_changed_link_is_refused(file_id, expires, signature):
    assert link_valid(SECRET, "abc", 1000, GOOD, now=0)
    assert not link_valid(SECRET, file_id, expires, signature, now=0)


def test_another_process_secret_is_refused():
    assert not link_valid(b"x" * 32, "abc", 1000, GOOD, now=0)


def test_notes_say_what_happened():
    sent = Outcome(State.SENT, Mode.BASE64)
    failed = Outcome(State.FAILED, None, "path: failed 1200 识别URL失败")
    unconfirmed = Outcome(State.UNCONFIRMED, Mode.PATH, "timeout")
    assert file_note("Excel 明细", sent, "a.xlsx", "群文件", "data/a.xlsx") == (
        "Excel 明细已发到群文件：a.xlsx"
    )
    assert file_note("Excel 明细", failed, "a.xlsx", "私聊", "data/a.xlsx") == (
        "Excel 明细没能发到私聊（QQ 没有接收），已保存在机器人电脑上：data/a.xlsx"
    )
    text = file_note("Excel 明细", unconfirmed, "a.xlsx", "群文件", "data/a.xlsx")
    assert "已发到" not in text
    assert text.endswith("没有的话，文件在机器人电脑上：data/a.xlsx")
