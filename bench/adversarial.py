"""Messages made to be slow for the report parser: the cases the security review found (issue
13) and long repeats of every separator and every word the parser looks for.

A message of ``MAX_ANALYSED_CHARS`` characters is read only up to that length, so repeats are
built to about that size: a pattern that backtracks shows as a slow message here, and the
benchmark prints the slowest one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

SEPARATORS = (
    "，",
    ",",
    "。",
    "；",
    ";",
    "、",
    "：",
    ":",
    "\n",
    " ",
    "\u3000",
    "\t",
    "(",
    "（",
    ")",
    "）",
    "【",
    "】",
    "[",
    "]",
    "｜",
    "|",
    "→",
    "->",
    "—",
    "-",
    "~",
    "～",
    "/",
    "!",
    "！",
    "?",
    "？",
    "✅",
    "❌",
    "👍",
    "\n\n",
    "\n---\n",
)
# Pieces of reports that patterns look for, each repeated on its own and with separators.
PIECES = (
    "一起",
    "已",
    "已经",
    "第",
    "约",
    "余",
    "来",
    "共",
    "的",
    "了",
    "有",
    "还有",
    "然后",
    "嗯",
    "那个",
    "就是",
    "1.",
    "1、",
    "①",
    "（1）",
    "(1)",
    "一是",
    "第1条",
    "1-4条",
    "1、3",
    "5辆",
    "十几处",
    "三四十辆",
    "一两处",
    "俩",
    "人次",
    "20人次",
    "不是7辆",
    "其余",
    "除第3项外",
    "以上",
    "发现问题：",
    "整改情况：",
    "值班人员：",
    "下步打算：",
    "已处理：",
    "请假",
    "未到",
    "没来",
    "王科长",
    "小刘",
    "同志",
    "今天",
    "昨天",
    "11月20日",
    "11.20",
    "2026年11月20日",
    "周三",
    "电动车乱停",
    "已摆放整齐",
    "已报城管",
    "待维修",
    "通知物业",
    "被撕了",
    "劝导",
    "入户宣传",
    "发放",
    "更正",
    "不计入",
    "上周",
    "存在安全隐患",
    "雨后",
    "堆了",
    "好几个",
    "一块",
    "一辆一辆",
    "[CQ:",
    "[CQ:image,file=a.jpg]",
    "共享单车",
    "小广告",
    "垃圾",
    "清理",
    "扶了",
    "让",
    "找车拉走",
    "路西",
    "社区",
    "网格",
)


def adversarial_messages(unit: Any, size: int = 4000) -> Iterator[tuple[str, str]]:
    """(label, text) pairs for ``unit`` (its site and staff names are among the pieces)."""
    site = unit.sites[0].name if unit.sites else "玄帝庙街"
    short_site = (unit.sites[0].aliases or (site,))[0] if unit.sites else site
    staff = unit.staff[0].name if unit.staff else "王晓明"
    head = f"{short_site}值班："
    yield "一起×20（安全审查）", f"{short_site}值班：" + "一起" * 20 + "X清理垃圾"
    yield "地点后 1000 个空格（安全审查）", short_site + " " * 1000
    yield "地点后 1000 个空格再值班", short_site + " " * 1000 + "值班，电动车乱停5辆"
    pieces = (*PIECES, site, short_site, staff, staff + "请假", short_site + "值班")
    for separator in SEPARATORS:
        yield f"分隔符 {separator!r} 重复", head + separator * (size // len(separator))
    for piece in pieces:
        yield f"{piece!r} 重复", head + piece * (size // len(piece))
        for separator in ("，", " ", "\n", "、", ""):
            unit_text = piece + separator + "x"
            yield (
                f"{piece!r}+{separator!r}+x 重复",
                head + unit_text * (size // len(unit_text)),
            )
    # Two pieces in alternation: what a pattern with an optional part may try both ways.
    for first in ("已", "一起", "的", " ", "1.", "了", "有"):
        for second in ("已", "清理", "了", "1", "处", " ", "，"):
            pair = first + second
            yield f"{pair!r} 重复", head + pair * (size // len(pair))
