"""Finding the item a clause speaks about: by list number, or by the object it names."""

from __future__ import annotations

import re
from functools import lru_cache

from ..quantity import MEASURE_WORDS
from .items import Draft
from .lexicon import STATUS_TOKEN
from .unitwords import UnitWords


def matching_draft(fragment: str, drafts: list[Draft], lexicon: UnitWords) -> Draft | None:
    """The already named item a fixing fragment speaks about, if any."""
    if not drafts:
        return None
    # 物业的人开着三轮车来把垃圾拉走了: the fix is done to what follows 把, whatever brought it.
    disposal = fragment.rfind("把")
    if 0 < disposal < len(fragment) - 1:
        done_to = matching_draft(fragment[disposal + 1 :], drafts, lexicon)
        if done_to is not None:
            return done_to
    category = lexicon.classifier.classify(fragment)
    # (清理炉灰3堆: 堆 counts the ash; as a word it would name heaps, another kind.)
    fragment_words = lexicon.classifier.words(_COUNTED.sub("", fragment))
    owner = lexicon.classifier.owner
    known = bool(fragment_words)
    grams = bigrams(fragment) - _PLACE_GRAMS
    best: Draft | None = None
    best_score = 0.0
    # 车辆已全部归位 speaks of the 电动车、摩托车 above: the general word for their kind.
    kinds = [kind for word, kind in _GENERAL_WORDS if word in fragment]
    for draft in drafts[-_RECENT:]:
        common = grams & bigrams(draft.text)
        general = any(kind in draft.text for kind in kinds)
        shared = len(common) + general
        if shared == 0:
            continue
        if shared == 1 and not general and _FUNCTION_CHARS & set(next(iter(common))):
            continue  # one pair of characters that is no word (子里, 人家)
        # One shared pair of characters is enough when the categories agree, or when the
        # clause names nothing the categories know (扶正单车 for 共享单车乱停).
        if any(
            word not in draft.text and owner[word][0] != draft.category
            for word in fragment_words
            # (广告牌破损已报 after 公益广告牌被撕破: the fault said in other words.)
            if word not in OBJECT_OF_ANY and word not in _DAMAGE
        ):
            continue  # 盲道积雪清理完毕 is not 人行道积雪: another thing of another kind
        if (
            known
            and draft.category != category
            and shared < 2
            and not any(word in draft.text for word in lexicon.classifier.words(fragment))
        ):
            continue  # (烟头已捡拾 still finds 乱扔烟头的行人: the same word in both)
        score = (
            shared
            + (1 if draft.category == category else 0)
            + (0.5 if draft.status != "fixed" else 0)
        )
        if score > best_score:
            best, best_score = draft, score
    return best


# (商户退回店内, 收回桌凳 put right the 出店经营 above.)
_GENERAL_WORDS = (
    ("车辆", "车"),
    ("车子", "车"),
    *(
        (inside, outside)
        for inside in (
            "店内",
            "店里",
            "进店",
            "回店",
            "桌凳",
            "桌椅",
            "桌子",
            "凳子",
            "货架",
            "展架",
        )
        for outside in ("出店", "占道经营")
    ),
)
_FUNCTION_CHARS = frozenset("里的了子家有是在上下个一这那边")
_COUNTED = re.compile(rf"(?:\d{{1,4}}|[一二两三四五六七八九十几俩仨]{{1,3}})[{MEASURE_WORDS}]")
# Damage, whatever is damaged: a fault word that names no kind of thing.
_DAMAGE = frozenset(("破损", "损坏", "损毁", "破旧", "破烂", "缺损", "残缺", "变形", "脱落"))
# Words that name no kind of problem of their own (a place, a common thing).
OBJECT_OF_ANY = frozenset(("卫生", "宣传", "停放", "停车", "路面", "地面"))
# A fix speaks of one of the last items named; looking no further back bounds the work.
_RECENT = 30
_NOT_CONTENT = re.compile(r"[^\u4e00-\u9fff]")
# Where things are says little about which item is meant: two items may share a place.
_PLACE_GRAMS = frozenset(
    [
        "小区",
        "社区",
        "门口",
        "路口",
        "人行",
        "行道",
        "附近",
        "周边",
        "周围",
        "东门",
        "西门",
        "南门",
        "北门",
        "楼前",
        "楼下",
        "楼道",
        "路边",
        "沿街",
        "街道",
        "两侧",
        "一侧",
        "西侧",
        "东侧",
        "南侧",
        "北侧",
        "号楼",
        "单元",
        "门前",
        "店门",
        "商户",
        "路段",
        "网格",
        "巡查",
        "发现",
        "问题",
        "情况",
        "已经",
        "现场",
        "当场",
        "全部",
        "以上",
        "其中",
        "另外",
        "我们",
        "大家",
        "巷子",
        "巷内",
        "巷口",
        "路上",
        "地上",
        "墙上",
        "树下",
        "院内",
        "院里",
        "楼下",
        "楼上",
        "里面",
        "外面",
        "旁边",
        "对面",
        "一处",
        "一个",
    ]
)


@lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    core = STATUS_TOKEN.sub(" ", text)
    core = _NOT_CONTENT.sub(" ", core)
    grams = set()
    for chunk in core.split():
        grams.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return frozenset(grams)


def draft_numbered(drafts: list[Draft], number: int) -> Draft | None:
    for draft in drafts:
        if draft.list_no == number:
            return draft
    if not any(d.list_no for d in drafts) and 1 <= number <= len(drafts):
        return drafts[number - 1]
    return None
