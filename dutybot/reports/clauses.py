"""Cutting a site's text into sentences and clauses, and the section labels (发现问题：, 整改情况：)
and list markers (1、 ① （2）) that structure it."""

from __future__ import annotations

import re
from enum import Enum

from ..quantity import MEASURE_WORDS, chinese_numeral
from .amounts import first_amount
from .lexicon import CN, STATUS_TOKEN


# Labels at the start of a sentence that say what the following sentences are.
class Kind(Enum):
    NEUTRAL = "neutral"
    FOUND = "found"
    FIX = "fix"
    EFFECT = "effect"
    PLAN = "plan"
    CARRIED = "carried"
    STAFF = "staff"
    DATE = "date"
    SITE = "site"


_LABELS: dict[Kind, tuple[str, ...]] = {
    Kind.FOUND: (
        "发现问题",
        "存在问题",
        "巡查发现",
        "今日发现",
        "检查发现",
        "发现情况",
        "问题排查",
        "问题清单",
        "主要问题",
        "存在的问题",
        "发现",
        "问题",
    ),
    Kind.FIX: (
        "整改情况",
        "处理情况",
        "处置情况",
        "整改措施",
        "处理结果",
        "整改结果",
        "解决情况",
        "整改落实",
        "整改",
        "处置",
    ),
    Kind.EFFECT: ("工作成效", "取得成效", "工作成果", "成效"),
    Kind.PLAN: (
        "下步打算",
        "下一步打算",
        "下步计划",
        "下一步计划",
        "下步工作",
        "下一步工作",
        "明日计划",
        "下一步",
        "工作计划",
        "打算",
    ),
    Kind.CARRIED: ("遗留问题", "历史问题", "前期问题", "往期问题", "以前问题", "复查情况"),
    Kind.STAFF: (
        "值班人员",
        "参加人员",
        "到岗人员",
        "参与人员",
        "人员名单",
        "值班同志",
        "人员",
        "到岗",
        "参加",
        "值班",
        "带队",
    ),
    Kind.DATE: ("值班日期", "值班时间", "日期", "时间"),
    Kind.SITE: (
        "值班地点",
        "值班路段",
        "值班网格",
        "值班点位",
        "责任路段",
        "地点",
        "路段",
        "点位",
    ),
    Kind.NEUTRAL: (
        "情况",
        "具体情况",
        "具体",
        "工作内容",
        "其他工作",
        "其它工作",
        "其他",
        "其它",
        "工作情况",
        "值班情况",
        "巡查情况",
        "备注",
        "宣传",
    ),
}
# Labels that are also plain statements (已处理。): labels only with a colon.
_COLON_LABELS: dict[Kind, tuple[str, ...]] = {
    Kind.FIX: ("已处理", "未处理", "已整改", "未整改", "待处理", "已解决", "未解决", "处理"),
}
LABEL_KIND = {
    label: kind
    for labels_by_kind in (_LABELS, _COLON_LABELS)
    for kind, labels in labels_by_kind.items()
    for label in labels
}
MARKER = (
    r"(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,2}\ufe0f?\u20e3|"
    r"\d{1,2}\s*[、.．)）](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十\d]{1,3}[条项点个]?[、，,.．:：]?)"
)
# Emoji, bullets and other symbols that decorate the start of a line.
DECORATION = r"[^\w（(【\[]*+"


def _alternation(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


LABEL = re.compile(
    rf"^{DECORATION}(?:{MARKER})?{DECORATION}[【\[]?\s*+(?:(?P<label>"
    + _alternation(label for labels in _LABELS.values() for label in labels)
    + r")\s*+[】\]]?\s*+(?:[:：]|$)|(?P<colon_label>"
    + _alternation(label for labels in _COLON_LABELS.values() for label in labels)
    + r")\s*+[】\]]?\s*+[:：])"
)


def label_of(match: re.Match[str]) -> Kind:
    return LABEL_KIND[match.group("label") or match.group("colon_label")]


LEADING_MARKER = re.compile(rf"^{DECORATION}(?P<marker>{MARKER}){DECORATION}")
SENTENCE_END = re.compile(r"[\n。；;！!]+")
# A list marker inside a line starts a new sentence: ``①已摆放整齐 ②已联系物业``,
# ``1.电动车乱停 2.小广告``; not a list of references (（1）（3）已整改, ①③已整改).
_INLINE_MARKER = re.compile(
    r"(?<=[\s，,、])(?<![、和及与])(?=[①-⑳]|[(（]\d{1,2}[)）](?![(（、①-⑳])|\d{1,2}[、.．](?!\d))"
    r"|(?<=[^\s，,、①-⑳和及与第])(?=[①-⑳](?![、，,①-⑳]))"
)


def sentences(body: str) -> list[str]:
    """The sentences of a text: cut at 。；！ and line ends, and before a list marker."""
    out = []
    for sentence in SENTENCE_END.split(body):
        for part in _INLINE_MARKER.split(sentence):
            part = part.strip()
            if part:
                out.append(part)
    return out


_FRAGMENT_SPLIT = re.compile(
    r"[，,：【】\[\]｜]|(?<!\d):(?!\d)|—+|～|~|、(?=已|当场|现场|均已|都已|并已|全部已)"
)
# A bracket that only says where or what (绿化带（8号楼东侧）有垃圾) stays inside its clause;
# one with a number or an outcome (约30辆, 已清理) is a clause of its own.
_ASIDE = re.compile(r"[(（](?P<inside>[^()（）]{1,40}+)[)）]")


def fragments(sentence: str) -> list[str]:
    return _FRAGMENT_SPLIT.split(_ASIDE.sub(_keep_aside, sentence))


def _keep_aside(match: re.Match[str]) -> str:
    inside = match.group("inside")
    if match.start() and (first_amount(inside) or STATUS_TOKEN.search(inside)):
        return "，" + inside + "，"
    return match.group()


def marker_number(marker: str) -> int | None:
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    circled = re.search(f"[{CIRCLED}]", marker)
    if circled:
        return CIRCLED.index(circled.group()) + 1
    numeral = re.search(f"[{CN}]+", marker)
    return chinese_numeral(numeral.group()) if numeral else None


def index_refs(fragment: str) -> tuple[list[int], str] | None:
    """``1、3当场整改`` → ([1, 3], "当场整改"); None when the fragment does not start so."""
    match = INDEX_REFS.match(fragment)
    if not match:
        return None
    numbers = []
    for token in re.findall(rf"\d{{1,2}}|[{CIRCLED}]", match.group("refs")):
        # ① is a digit to str.isdigit but not to int().
        numbers.append(CIRCLED.index(token) + 1 if token in CIRCLED else int(token))
    rest = fragment[match.end() :]
    if not rest or not STATUS_TOKEN.search(rest):
        return None
    return numbers, rest


INDEX_REFS = re.compile(
    rf"^{DECORATION}(?:第)?(?P<refs>[(（]?(?:\d{{1,2}}+|[①-⑳])[)）]?"
    rf"(?:\s*+[、,，和及与/]?\s*+第?[(（]?(?:\d{{1,2}}+|[①-⑳])[)）]?)*+)(?:项|条|号问题|点)?\s*+[.．、:：]?"
    rf"(?![\d{MEASURE_WORDS}.．])"
)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
