"""Numbers in Chinese duty-report text.

Two uses: the quantity stated with a problem (``电动车乱停放5处``, ``十余张``, ``若干``) and the
numerals inside dates (``十一月二十日``, ``二〇二六年``). Only a number followed by a measure
word is a quantity, so house numbers (``8号楼``), distances (``50米``), times (``7:25``) and
dates never count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import cn2an

# Measure words that can follow the number of a problem. 人次 is excluded on purpose: it is
# how 劝导 and 志愿服务 are counted, and those are activities.
MEASURE_WORDS = "处个辆起块根堆袋名人位台棵张车条只份户件盏家间箱桶筐片座面幅株组副排摞捆段摊节部架支具档扇盆罐瓶颗级套滩坨方匹拨匾卷"

# What litter is carried off in, counted like a measure word (扫了两撮箕, 装了三簸箕); and 包
# (布匹堆了有五六包, 装修垃圾十几包), but not in 门前三包 (the frontage pledge) or 包装.
LOAD_WORDS = '撮箕|簸箕|畚箕|撮子|(?<![前“"][三四五])包(?![装干])'

# Words that state an unknown amount; they count as 1.
VAGUE_AMOUNTS = (
    "若干",
    "多处",
    "部分",
    "一些",
    "少量",
    "大量",
    "较多",
    "很多",
    "许多",
    "不少",
    "几处",
    "数处",
    "多个",
    "多辆",
    "多块",
    "多张",
    "多根",
    "多袋",
    "个别",
    "零星",
    "一堆",
    "好几个",
    "好几处",
    "好几辆",
    "好几",
    "好多",
    "几个",
    "一地",
)

CHINESE_DIGITS = "零〇一二两三四五六七八九"
_CHINESE_NUMERAL = f"[{CHINESE_DIGITS}十百千万]"

_QUANTITY = re.compile(
    rf"(?<![\d.:：第{CHINESE_DIGITS}十百千万几])"
    # (数 only as in 数十, 数百: 数了数25辆 is counting, then the number.)
    rf"(?P<number>\d{{1,6}}+(?:\s?[-~～到至]\s?\d{{1,6}}+)?(?![\d.:：])|"
    rf"(?:数(?=[十百千万]))?[{CHINESE_DIGITS}十百千万几]{{1,8}}+)"
    # (10几个, 20几辆: 十几 typed with digits.)
    rf"\s?(?P<approx>余|多|来|左右|(?<=\d0)几)?\s?(?:大|小|满|整)?(?P<measure>[{MEASURE_WORDS}]|{LOAD_WORDS})"
)
# 俩 and 仨 carry their own measure word (电动车倒了俩); after 我们 they are people.
_COLLOQUIAL = re.compile(r"(?<![我你他她咱俺们])(?P<number>[俩仨])(?:个|辆|处|人|名)?")
_COLLOQUIAL_VALUE = {"俩": 2, "仨": 3}
# 电动车x5, 小广告×8, 烟头*3: a count after a multiplication sign (not inside a word: box3).
TIMES_COUNT = r"(?<![A-Za-z0-9])[xX×*＊]\s?(?P<number>\d{1,4}+)(?![\d.:：])"
_TIMES = re.compile(TIMES_COUNT)
_RANGE = re.compile(r"(?P<low>\d{1,6})\s?[-~～到至]\s?(?P<high>\d{1,6})")
_VAGUE = re.compile("|".join(VAGUE_AMOUNTS))
# Photos attached to a message are counted in 张 too: ``附图4张``, ``照片3张``.
_TOGETHER_BEFORE = re.compile(r"(?:跟|和|同|与|我们|大家|咱们|俺们)[^，。；\s]{0,4}+$")
# (处置前后照片：4张: the field of a grid app's form, its value the photos.)
_PHOTO_BEFORE = re.compile(r"(附图|附件|照片|图片|配图|拍照|附)\s*+[:：]?\s*+$")
_WALKED_BEFORE = re.compile(r"(?:走|巡|逛|转|往前)(?:了|过)?$")
_COUNT_AFTER_STRETCH = re.compile(  # used with match(text, pos)
    rf"[^，,。；;！!\n\d]{{1,16}}?(?:\d|[两三四五六七八九十](?=[一二两三四五六七八九十]|[{MEASURE_WORDS}]))"
)
_PHOTO_AFTER = re.compile(r"\s*+(照片|图片|图|相片)")  # used with match(text, pos)


@dataclass(frozen=True)
class Quantity:
    """A number found in text, with where it stands (so callers can cut it out)."""

    value: int
    start: int
    end: int
    # 约20辆, 20余辆, 十余张: a lower bound or estimate, counted as the number itself.
    approximate: bool = False
    # 若干, 多处: no number at all, counted as 1.
    vague: bool = False
    # The measure word (辆, 处, 人): 人 and 名 may count the people on duty instead.
    measure: str = ""


def chinese_numeral(text: str) -> int | None:
    """``十五`` → 15, ``两`` → 2, ``二〇二六`` → 2026, ``15`` → 15; anything else → None."""
    text = text.strip()
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    return _convert_chinese(text)


@lru_cache(maxsize=512)
def _convert_chinese(text: str) -> int | None:
    if not all(ch in CHINESE_DIGITS or ch in "十百千万" for ch in text):
        return None
    if text in ("千", "万"):
        return None  # 垃圾分类进万家, 千家万户: a figure of speech, no count

    # cn2an rejects a bare unit (百余辆 → 百).
    if text[0] in "百千万":
        text = "一" + text
    try:
        value = cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value)


def _quantity_value(number: str) -> tuple[int | None, bool]:
    """The value of a matched number and whether it is only approximate."""
    if number.isdigit():
        return int(number), False
    span = _RANGE.fullmatch(number)
    if span:  # 3-4处: a range counts its larger end
        return max(int(span.group("low")), int(span.group("high"))), True
    # 三四处, 七八辆, 一两处, 三四十辆, 十七八个: a range of neighbouring digits counts the larger.
    for i in range(len(number) - 1):
        low, high = _DIGIT_VALUE.get(number[i]), _DIGIT_VALUE.get(number[i + 1])
        if low is not None and high is not None and low >= 1 and high == low + 1:
            return _convert_chinese(number[:i] + number[i + 1 :]), True
    # 三两处, 三两辆: the colloquial "two or three", said the other way round.
    if number == "三两":
        return 3, True
    # 三五个, 三五十辆: "three to five", a colloquial range, not 35.
    if number.startswith("三五") and len(number) <= 3:
        return _convert_chinese("五" + number[2:]), True
    # 十几, 几十, 数十: about ten (several tens is still at least ten).
    if "几" in number or "数" in number:
        core = number.replace("几", "").replace("数", "")
        if not core:
            return None, True
        return _convert_chinese(core), True
    return _convert_chinese(number), False


_DIGIT_VALUE = {ch: i for i, ch in enumerate("零一二三四五六七八九")} | {"两": 2, "〇": 0}
_BARE_DIGITS = re.compile("[一二两三四五六七八九]{2,8}+")


def names_a_thing(number: str) -> bool:
    """Two bare digits that are no range (三四辆, 三五个 are) name a thing: 三七 is a herb."""
    return (
        len(number) == 2 and bool(_BARE_DIGITS.fullmatch(number)) and not _quantity_value(number)[1]
    )


def number_value(number: str) -> int | None:
    """A written number as a count: ranges count their larger end (三四十 → 40), 十几 → 10,
    俩 → 2."""
    number = number.strip()
    if number in _COLLOQUIAL_VALUE:
        return _COLLOQUIAL_VALUE[number]
    return _quantity_value(number)[0] if number else None


def find_quantities(text: str) -> list[Quantity]:
    """Every stated amount in ``text``, in order (numbers with a measure word, and vague words)."""
    found: list[Quantity] = []
    for match in _QUANTITY.finditer(text):
        number, measure = match.group("number"), match.group("measure")
        end = match.end()
        # 百部梯, 百步梯: a bare 百 begins a name; a hundred of something is said 一百 or 百余.
        if number == "百" and not match.group("approx"):
            continue
        # 一起 is "together" unless it ends the phrase (遛狗不牵绳一起); 冻在一起3处 is together,
        # and the count follows.
        if (
            number == "一"
            and measure == "起"
            and end < len(text)
            and (
                _is_cjk(text[end])
                or (text[end].isdigit() and text[match.start() - 1 : match.start()] == "在")
            )
        ):
            continue
        # 跟保洁一块清掉了: "together"; 一块板 is one board.
        near = max(0, match.start() - 8)  # looking a few characters back keeps this linear
        if (
            number == "一"
            and measure == "块"
            and _TOGETHER_BEFORE.search(text, near, match.start())
        ):
            continue
        # 东一辆西一辆: scattered about, not one.
        if number == "一" and text[match.start() - 1 : match.start()] in ("东", "西", "这", "那"):
            continue
        # 一辆一辆摆整齐, 一辆辆扶起来: one by one, not one.
        if number == "一" and (
            text.startswith("一" + measure, end)
            or text.startswith(measure, end)
            or text[max(0, match.start() - 2) : match.start()] == "一" + measure
        ):
            continue
        if measure == "人" and text.startswith("次", end):
            continue
        # 又走了一段看到…: a stretch walked, not a count.
        if measure == "段" and _WALKED_BEFORE.search(text, near, match.start()):
            continue
        # 四处张贴 means "everywhere", not four places.
        if number == "四" and measure == "处" and end < len(text) and _is_cjk(text[end]):
            continue
        if measure == "张" and (
            _PHOTO_BEFORE.search(text, near, match.start()) or _PHOTO_AFTER.match(text, end)
        ):
            continue
        start = match.start()
        if _BARE_DIGITS.fullmatch(number):
            # 三七四处, 一二三四家 (counted aloud): of three digits or more the last is the count.
            if len(number) >= 3:
                start, number = match.end("number") - 1, number[-1]
            elif names_a_thing(number):
                continue
        value, approximate = _quantity_value(number)
        if value is None or value < 1:
            continue
        prefix_approx = text[max(0, start - 2) : start].endswith(("约", "近"))
        # 一堆, 一片, 一排: one lot of it, as good as no number (REPORTS.md: counts 1, and a
        # number said after it, 一堆装修垃圾，装了五车, is the count). 一段人行道上电瓶车乱停11辆:
        # the stretch where the things are, their count after it (围墙有一段开裂 is one thing).
        lot = number == "一" and (
            measure in "堆片排摊溜坨"
            or (measure == "段" and bool(_COUNT_AFTER_STRETCH.match(text, end)))
        )
        found.append(
            Quantity(
                value,
                start,
                end,
                approximate=approximate or prefix_approx or bool(match.group("approx")),
                vague=lot,
                measure=measure,
            )
        )
    covered = {i for q in found for i in range(q.start, q.end)}
    for match in _COLLOQUIAL.finditer(text):
        if match.start() not in covered:
            value = _COLLOQUIAL_VALUE[match.group("number")]
            measure = match.group()[1:] or "个"
            found.append(Quantity(value, match.start(), match.end(), measure=measure))
            covered.update(range(match.start(), match.end()))
    for match in _TIMES.finditer(text):
        if match.start() not in covered:
            # 电动车x5, 小广告×8: how many, typed the short way.
            found.append(Quantity(int(match.group("number")), match.start(), match.end()))
            covered.update(range(match.start(), match.end()))
    for match in _VAGUE.finditer(text):
        if match.start() not in covered:
            found.append(Quantity(1, match.start(), match.end(), vague=True))
    found.sort(key=lambda q: q.start)
    return found


def find_quantity(text: str) -> Quantity | None:
    """The first stated amount, preferring a real number over a vague word."""
    quantities = find_quantities(text)
    for quantity in quantities:
        if not quantity.vague:
            return quantity
    return quantities[0] if quantities else None


def extract_quantity(text: str) -> int:
    """The quantity stated with a problem: ``电动车乱停放5处`` → 5, ``若干`` or no number → 1."""
    quantity = find_quantity(text)
    return quantity.value if quantity else 1


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"
