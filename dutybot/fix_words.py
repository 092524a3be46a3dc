"""The words that say a problem was fixed, for /问题 (``…已劝离``) and for replies to a problem
(``已清理``), taken from the report parser so that the chat and the daily reports agree.

The report parser's verbs are the one source: ``_RESULT_VERBS`` (劝离, 拆除, 挪走 …) and
``_FIX_VERBS`` (清理, 清扫, 摆放 …). This module is the only place that reaches into the
parser for them; when the parser moves, only the import below changes.
"""

from __future__ import annotations

import re

from .reports.lexicon import _FIX_VERBS, _RESULT_VERBS  # the parser's fix vocabulary

FIX_VERBS: tuple[str, ...] = tuple(dict.fromkeys((*_RESULT_VERBS, *_FIX_VERBS)))

# What says it already happened before the verb: 已清理, 已经劝离, 现场已整改, 当场清除 (and
# 现场整改, as /问题 always took it). Not after 需, 待, 未 …: 需现场处理 is still to do.
_DONE_BEFORE = (
    r"(?<![需待未要请没应])(?:已经|已|均已|都已|已全部|全部已|已当场|已现场|现场已|当场|现场)"
)
# What may follow the verb and still leave it done: 已清理干净, 已摆放整齐, 已拆除完毕.
_DONE_AFTER = r"(?:了|完毕|干净|整齐|到位|完成|好|掉|走|完)?"
_VERBS = "|".join(map(re.escape, sorted(FIX_VERBS, key=len, reverse=True)))
# Longest first: "已解决问题" never reads as 已解决 + a stray 问题, 摆放到 before 摆放.
_FIXED = re.compile(rf"{_DONE_BEFORE}(?:{_VERBS}){_DONE_AFTER}")
_FIXED_AT_START = re.compile(rf"^\s*{_FIXED.pattern}")
_FIXED_AT_END = re.compile(rf"{_FIXED.pattern}$")
_TRAILING = " \t,，。.;；、!！~～"


def fix_word_at_start(text: str) -> str | None:
    """``已清理，车都挪走了`` → ``已清理``: the fix word a reply starts with, or None."""
    match = _FIXED_AT_START.match(text)
    return match.group().strip() if match else None


def ends_fixed(description: str) -> bool:
    """``流动摊贩2处，已劝离``: the description ends by saying it was fixed on the spot."""
    return _FIXED_AT_END.search(description.rstrip(_TRAILING)) is not None
