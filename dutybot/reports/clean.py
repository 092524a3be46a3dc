"""Cleaning a message before it is read: CQ codes out, full-width to half-width, zero-width
characters dropped."""

from __future__ import annotations

import re

_CQ_CODE = re.compile(
    r"\[CQ:[^\]]{0,2000}\]|\[(?:图片|表情|动画表情|语音|视频|文件|链接|QQ红包|位置|闪照)\]"
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"))
_WIDTH = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0x3000: ord(" "),
    ord("\r"): ord("\n"),
    **_ZERO_WIDTH,
}


def clean_text(text: str) -> str:
    text = _CQ_CODE.sub(" ", text)
    return text.translate(_WIDTH)
