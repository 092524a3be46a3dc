"""Cleaning a message before it is read: CQ codes out, full-width to half-width, zero-width
characters dropped, traditional characters read as simplified (OpenCC's t2s, the converter the
input methods themselves use), the input method's usual slips put right, repeated sentences
counted once.

The slips are the ones pinyin input and voice-to-text make in every office (值斑 for 值班, 以 for
已 before a verb); they are fixed only in the spelling that cannot mean anything else, so that
``以上`` and ``予以清理`` stay as written.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

import opencc

from ..quantity import MEASURE_WORDS, chinese_numeral, number_value
from .lexicon import HANDLING, NOT_COUNTED, RECOUNTED, STATUS_TOKEN
from .tables import read_tables

_CQ_CODE = re.compile(
    r"\[CQ:[^\]]{0,2000}+\]|\[(?:图片|表情|动画表情|语音|视频|文件|链接|QQ红包|位置|闪照)\]"
)
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\ufe0f"))
_WIDTH = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    0x3000: ord(" "),
    0xA0: ord(" "),
    ord("\r"): ord("\n"),
    ord("\t"): ord("｜"),  # a tab separates cells, like ｜
    ord("|"): ord("｜"),
    # Check marks of other fonts read as the two the reader knows.
    ord("✓"): ord("✔"),
    ord("√"): ord("✔"),
    ord("✗"): ord("✖"),
    ord("✘"): ord("✖"),
    **_ZERO_WIDTH,
}

# 井盖松动 1 ×, 污水 1 ×（市政还没来）: a times sign after the count, with no number after
# it, is the cross of a list whose other lines are ticked.
# (盲道砖松 1 ×报总务, 流动摊 3 ✔2 ×1: the cross before what became of it, or before the
# part of the count not done.)
_TIMES_AS_CROSS = re.compile(
    r"(?<=\d)[ \t]++×(?=[ \t]*+(?:$|\n|[（(]|[\u4e00-\u9fff]))|(?<=[✔✅☑]\d)[ \t]++×(?=\d)",
    re.MULTILINE,
)
# 楼道杂物 2个 1个✔ 另1个住户说下午自己搬: the count, then the part of it ticked.
_PART_TICKED = re.compile(
    rf"(?P<all>\d{{1,3}}[{MEASURE_WORDS}])[ \t]++(?P<done>\d{{1,3}}[{MEASURE_WORDS}])[ \t]*+✔"
)
# 楼道小广告 8个 👌, 楼道杂物 2个 1个👌: the OK hand after a count is a tick (not 收到👌).
_OK_HAND_AS_TICK = re.compile(
    rf"(?<=[\d{MEASURE_WORDS}])[ \t]*+👌(?=[ \t]*+(?:$|\n|[\u4e00-\u9fff（(]))", re.MULTILINE
)
# 电动车乱停 9 好了, 垃圾桶满了 2 🆗, 路灯杆歪 1 没好: a line's count, then in a word or a mark
# whether it was put right (杂物乱堆 3 好了2个: how many of them).
_SAID_DONE_AFTER_COUNT = re.compile(
    rf"(?<=[\d{MEASURE_WORDS}干些俩仨])[ \t]++(?:好了|🆗)(?P<part>\d{{1,3}})?(?P<measure>个|处|辆)?"
    r"(?=[ \t]*+(?:$|\n))",
    re.MULTILINE,
)
_SAID_NOT_DONE_AFTER_COUNT = re.compile(
    rf"(?<=[\d{MEASURE_WORDS}干些俩仨])[ \t]++没好(?=[ \t]*+(?:$|\n|[\u4e00-\u9fff]))", re.MULTILINE
)

# Words the input method gets wrong, and their meaning.
_SLIPS = {
    "值斑": "值班",
    "值般": "值班",
    "值搬": "值班",
    "发线": "发现",
    "整该": "整改",
    "正改": "整改",
    "问提": "问题",
    "以经": "已经",
    # Fuzhou speech: 毛 is 没 (毛发现问题, 之前毛报过).
    "毛发现": "没发现",
    "毛问题": "没问题",
    "毛报过": "没报过",
    "毛有": "没有",
    "清里干净": "清理干净",
    "青理": "清理",
    "停在忙到": "停在盲道",
    "职班": "值班",
    "摆放真齐": "摆放整齐",
    "摆真齐": "摆整齐",
    "已经商报": "已经上报",
    "已商报": "已上报",
    "已经清楚了": "已经清除了",
    "跟无业": "跟物业",
    "找无业": "找物业",
    "给无业": "给物业",
    # Typed by sound, and no word as typed: 楼到 (楼道), 通到 (通道), 垃极 (垃圾).
    "楼到": "楼道",
    "消防通到": "消防通道",
    "垃极": "垃圾",
    "垃级": "垃圾",
    "以青理": "已清理",
    "清里了": "清理了",
    "已清里": "已清理",
    # Dialect for 没有 (莫得啥子问题, 盖子莫得了).
    "莫得": "没有",
    "没得": "没有",
    # Cantonese function words, as voice input and Guangdong staff write them (劝咗佢走,
    # 我哋全部摆返好搞掂); only forms that mean nothing else in Mandarin.
    "咗": "了",
    "冇得": "没有",
    "冇": "没有",
    "我哋": "我们",
    "佢哋": "他们",
    "你哋": "你们",
    "佢": "他",
    "嚟": "来",
    "仲有": "还有",
    "好彩": "还好",
    "仲未": "还未",
    "仲系": "还是",
    "仲要": "还要",
    "仲冇": "还没有",
    "成条": "整条",
    "嘅": "的",
    "啲": "些",
    "喺": "在",
    "搞掂": "搞定",
    "执咗": "捡了",
    # 执好晒, 执好咗: tidied, all of it; 收埋 put away; 扶返起身 stood up again; 熄咗 put out.
    "执好晒": "收拾好了",
    "执好": "收拾好",
    "收埋": "收起来",
    "扶返起身": "扶起来",
    "熄咗": "灭了",
    # 十二档 唔系 系十档: voice input putting its number right.
    "唔系 系": "不对是",
    "唔系，系": "不对，是",
    "拦低": "拦下",
    "剩低": "剩下",
    "话畀": "告诉",
    "畀": "给",
    "嗰": "那",
    "唔喺度": "不在",
    "摆返": "摆回",
    "执返": "收拾",
    "唔": "不",
    # OpenCC writes 嗰 as 𠮶.
    "𠮶": "那",
    "冇咩": "没什么",
    # 电鸡 is what Guangdong calls an e-bike; 摊档 a stall.
    "电鸡": "电动车",
    "電鸡": "电动车",
    "摊档": "摊点",
    "咩": "什么",
    "睇": "看",
    "嘢": "东西",
    "就系": "就是",
    "真系": "真是",
    "唔着": "不亮",
    "搬唔郁": "搬不动",
    "收返": "收回",
    "搬返入去": "搬回进去",
    "返入去": "回进去",
    # Teochew speech: 廿外辆 is twenty-odd (十外 below), 收入去 put inside, 无乜 nothing much,
    # 同伊 with him; 占了路 / 占了道 is 占道 said in two.
    "廿外": "二十余",
    "收入去": "收进去",
    "无乜": "没什么",
    "无法度": "没办法",
    "排好势": "排好",
    "同伊": "跟他",
    "占了路": "占道",
    "占了道": "占道",
    # 廿几架, 卅多个: twenty and thirty in one character.
    "廿": "二十",
    "卅": "三十",
    "己经": "已经",
    # Gan (Jiangxi) speech: 哩 is 了 (摆齐哩, 交给城管哩), 渠 is 他 where it is a person.
    "哩": "了",
    "渠们": "他们",
    "渠就": "他就",
    "叫渠": "叫他",
    "让渠": "让他",
    "喊渠": "喊他",
    "渠说": "他说",
    "渠讲": "他讲",
    # Shanxi and Inner Mongolia speech: 咧 is 了 (弄好咧, 推完咧), 甚 is 什么.
    "咧": "了",
    "没甚": "没什么",
    "日脏": "很脏",
    # North-western speech: 嫑 is 不要, 麻达 a problem.
    "嫑": "不要",
    "尕": "小",
    "没麻达": "没问题",
    "麻达": "问题",
    # Shanghai speech (阿拉摆好了, 下趟勿会了, 摆辣海).
    "阿拉": "我们",
    # Hebei, Shandong and Henan speech: 木有 is 没有, 老些 is a lot.
    "木有": "没有",
    # 木有啥垃圾, 没有啥问题: none at all.
    "没有啥": "没有",
    "木有啥": "没有",
    "老些": "很多",
    # Wu speech (Ningbo, Shanghai): 嘞 is 了 (推开嘞), 伊 is 他 after a verb of telling.
    "嘞": "了",
    "叫伊": "叫他",
    "让伊": "让他",
    "帮伊": "帮他",
    "劝伊": "劝他",
    "讲了伊": "讲了他",
    "讲伊": "讲他",
    # Typed by sound: 整其 for 整齐 after the verb.
    "排整其": "排整齐",
    "摆整其": "摆整齐",
    "勿": "不",
    "今朝": "今天",
    "下半日": "下午",
    "辣海": "在那",
    "下趟": "下次",
    # Shandong speech: 整里 is 整理 (电动车整里了十辆); typed by sound, 小光告 is 小广告.
    "整里": "整理",
    "小光告": "小广告",
    # Chaoshan speech: 十外 is 十多 (摩托车乱停十外架).
    "十外": "十余",
    # 井盖1（报）: reported, said in one character.
    "（报）": "（已报）",
    "(报)": "(已报)",
    # 推进车棚 is pushed into the shed, not 推进 (to advance).
    "推进车棚": "推到车棚",
    "推进车位": "推到车位",
    "推进停车区": "推到停车区",
    "推进白线": "推到白线",
    # Jianghuai and Changsha speech: 克 is 去 after a direction (收进克了, 下克了).
    "进克": "进去",
    "下克": "下去",
    "上克": "上去",
    "出克": "出去",
    "回克": "回去",
    # Yunnan and Guizhou speech: 我们四个克了, 挪克巷子里头 (去 after a verb of moving).
    "克了": "去了",
    "克嘞": "去了",
    "挪克": "挪去",
    "推克": "推去",
    "搬克": "搬去",
    # Changsha speech: 哒 is 了 (清理哒, 摆好哒, 克哒 is 去了), 冇 as above.
    "克哒": "去了",
    "哒": "了",
    "么子": "什么",
    "咯里": "这里",
    # Minnan-flavoured Mandarin: 拢总 is all of them, 足多 a lot.
    "足多": "很多",
    # Guizhou speech: 嘎嘎多 is very many.
    "嘎嘎多": "很多",
    "拢总是": "到处都是",
    "拢总": "全部",
    # Voice input hearing a count's measure or its tens by sound: 石几处 is 十几处.
    "石几处": "十几处",
    "石几张": "十几张",
    "石几辆": "十几辆",
    "石几个": "十几个",
}
# 以/己 for 已 before what is done (以清理, 己摆放); not 以上, 予以清理, 可以清理.
_DONE_VERB_AHEAD = (
    r"(?=整理|清理|处理|整改|解决|摆放|摆正|清除|清扫|清运|劝离|劝导|挪|修|上报|报|联系|通知|告知|"
    r"规整|移|搬|拆|收|铲|撕|归位|恢复|完成|督促|反映|协调|安排|落实|摆|装|扫|捡|清|劝)"
)
_SLIP = re.compile(
    "|".join(map(re.escape, sorted(_SLIPS, key=len, reverse=True)))
    # Gan speech: 咯 after a verb is 了 (摆咯十来台, 报咯城管, 随手捡咯).
    + r"|(?<=[摆捡铲报讲撕扫推搬拖挪收劝扯贴清])咯"
    # 垃圾有四五代: 代 heard for 袋 after a count (not 一代, a generation).
    + r"|(?<=[\d二两三四五六七八九十几])代(?![表价理替办言谢])"
    + rf"|(?<![予加可得难用所足给])以{_DONE_VERB_AHEAD}"
    + rf"|(?<![自知利异克舍])己{_DONE_VERB_AHEAD}"
)
# A half-width full stop typed between words ends a sentence (撕了.3号楼后头…, 归置了 .2号楼),
# unlike the one inside a number or a date (12.3, 2.5米).
_WORD_STOP = re.compile(
    r"(?<=[\u4e00-\u9fff])\s*+\.++|(?<![\d.\s])\s++\.++(?=\s*+[\u4e00-\u9fff\d])"
)
# Minnan-flavoured Mandarin tells a thing done with 有 before the verb (拢总有摆好了, 他有收进去
# 了): after a pause or a person, before a handling verb that comes to a result.
_HAVE_DONE = re.compile(
    r"(?<=[\u4e00-\u9fff，,。\s])(?<![没还沒])有(?=[摆收拖退清捡扫拿搬挪推撕铲扶码整劝排叫喊][^，,。；\s]{0,6}?"
    r"(?:了|好|掉|走|进去|起来|回去|整齐|干净))"
    # 烟头纸屑有捡，差不多一袋; 小广告有清5处: the bare verb, ending its clause or counted.
    r"|(?<=[\u4e00-\u9fff])(?<![没还沒])有(?=[捡扫撕铲摆清拖退收](?:[，,。；\s\d]|$))"
)
# 电动车乱停放，数量×7: the word before a count in a work order.
# ✔ 楼道小广告 12 / ✘ 9号楼路面塌陷 1: a mark opening a line says how that line's item
# ended, like one typed after it (not a bullet before 值班： or before words of its own).
_LEADING_MARK = re.compile(r"(?m)^[ \t]*+(?P<mark>[✅✔☑✖❌❎])[ \t]*+(?P<rest>[^\n]*+)$")
_LABEL = re.compile(r"[:：]")
# 不牵绳遛狗 ✔ 2人: the count typed after the mark is the item's; put before it.
_COUNT_AFTER_MARK = re.compile(
    rf"(?m)(?P<mark>[✅✔☑✖❌❎])[ \t]*+(?P<count>\d{{1,4}}[ \t]*+(?:[{MEASURE_WORDS}]|人次?)?)[ \t]*+$"
)


# ✔ 电动车乱停 7（不是9，刚才数重了）, ✘ 积水 1（下水道堵了，等社区）, ✔ 流动摊贩（卖橘子的）2: a
# note in brackets on a ticked line; the mark tells the outcome and the number the count.
_NOTE_AFTER_COUNT = re.compile(
    rf"(?P<body>[^（(]{{1,30}}?\d{{1,4}}[ \t]*+(?:[{MEASURE_WORDS}])?)[ \t]*+[（(][^（）()]{{1,30}}[）)]"
)
_NOTE_BEFORE_COUNT = re.compile(
    rf"(?P<thing>[^（(\d]{{1,20}}?)[ \t]*+[（(][^（）()\d]{{1,20}}[）)][ \t]*+"
    rf"(?P<n>\d{{1,4}}[ \t]*+(?:[{MEASURE_WORDS}])?)"
)


def _mark_to_end(match: re.Match[str]) -> str:
    rest = match.group("rest").rstrip()
    noted = _NOTE_AFTER_COUNT.fullmatch(rest)
    if noted is not None and not NOT_COUNTED.search(rest):  # (…（上周报过的 不算今天的）)
        rest = noted["body"]
    noted = _NOTE_BEFORE_COUNT.fullmatch(rest)
    if noted is not None:
        rest = f"{noted['thing']} {noted['n']}"
    if (
        not rest
        or _LABEL.search(rest)
        or any(token.group() not in "✅✔☑✖❌❎" for token in STATUS_TOKEN.finditer(rest))
    ):
        return match.group()
    return f"{rest} {match.group('mark')}"


# 电动车 12/12 ✓, 小广告 6/4: found/fixed typed after a thing, not a date.
# (The found may be about or said in words: 约15/15, 20余/20, 仨袋/3, 一两袋/清.)
_PAIR_FOUND = (
    rf"(?P<found>(?:约|大概|近)?(?:\d{{1,3}}|[一二两三四五六七八九十俩仨]{{1,3}})(?:余|多|来)?)"
    rf"(?P<m>[{MEASURE_WORDS}])?+"
)
# (…and the fixed may be a word: 清, 清5, 清俩, 全清, 报环卫, 劝移走, 通知物业.)
_PAIR_FIXED = (
    r"(?P<fixed>\d{1,3}|(?:全|都)?清(?:完|掉|理|运|走)?"
    r"(?:\d{1,3}|[一二两三四五六七八九十俩仨]{1,3})?"
    # (…an outcome, not the next thing: 单车15/小广告6 is two things.)
    r"|(?=已|未|待|报|劝|通知|联系|交|剪|拆|扫|撕|铲|摆|扶|收|拖|运|处理|整改|修)"
    r"[\u4e00-\u9fff]{1,8}+(?![\d一二两三四五六七八九十]))"
    r"(?:(?P=m))?+"
)
_FOUND_SLASH_FIXED = re.compile(
    rf"(?<=[\u4e00-\u9fff）)])(?P<gap>[ \t]*+)(?<![\d一二两三四五六七八九十俩仨])"
    rf"{_PAIR_FOUND}\s*+/\s*+{_PAIR_FIXED}"
    # (…or before a bar that parts it from the next pair: 电动车 25/25 ｜ 单车 10/10.)
    r"(?=(?P<end>[ \t]*+(?:[✓✔✅☑❌✖｜|（(]|$|\n))?)"
)


def _slashed_pair(match: re.Match[str]) -> str:
    # Two numbers are a date unless spaced from the thing and at the end of their line or
    # before a mark (玄帝庙街 11/4 李娜, 紫菱11/25); a word after the slash never is.
    if match["fixed"].isdigit() and not (match["gap"] and match["end"] is not None):
        return match.group()
    return _found_and_fixed(match)


# 漂浮物 0, 摊贩：0: a tally's thing with none of it today.
_NONE_IN_TALLY = re.compile(
    # (已清  0 in a table's row is the column of those left open.)
    r"(?m)(?:^|(?<=[ \t]))(?![已未待尚])(?P<what>[\u4e00-\u9fff]{1,8})[ \t]*+[:：]?[ \t]*+0(?:[个处起])?"
    r"(?=[ \t]*+(?:$|[；;，,]))"
)
# 电动车 20+, 小广告30+处: more than twenty.
_PLUS_AFTER_COUNT = re.compile(
    rf"(?:(?<=[\u4e00-\u9fff ]\d)|(?<=[\u4e00-\u9fff ]\d\d))\+(?=[ \t\n]|$|[{MEASURE_WORDS}])"
)
# 共享单车乱停 20余 摆好了: about so many, the measure left out before a space.
_ABOUT_WITHOUT_MEASURE = re.compile(r"(?m)(?<=\d)(?P<w>余|多|来)(?=[ \t]|$)")
# 十5张, 两3辆, 七8家: voice input writing the second half of a number in digits.
_TEN_THEN_DIGIT = re.compile(
    rf"(?<![\d一二两三四五六七八九十百])十(?P<d>[1-9])(?=[ \t]*+[{MEASURE_WORDS}])"
)
_NUMERAL_THEN_DIGIT = re.compile(
    rf"(?<![\d一二两三四五六七八九十百])(?P<c>[一二两三四五六七八])(?P<d>[2-9])(?=[ \t]*+[{MEASURE_WORDS}])"
)
_DIGIT_WORDS = "零一二三四五六七八九"


def _numeral_then_digit(match: re.Match[str]) -> str:
    first = chinese_numeral(match["c"])
    second = int(match["d"])
    # (两3辆 is two or three, said as 两三; 三7 is no range and stays as written.)
    return f"{match['c']}{_DIGIT_WORDS[second]}" if second == first + 1 else match.group()


# 张继伟（与罗静换班）, 和丽娟（替段志刚）: the one swapped out, named beside the one who came.
_SWAPPED_OUT = re.compile(
    r"[（(][ \t]*+(?:(?:与|和|跟)[^（）()\n]{1,8}?(?:换班|调班|换了班|对调)"
    r"|(?:替|代|顶)(?:班)?[^（）()\n]{1,6}?(?:值班|上岗)?)[ \t]*+[）)]"
)
# 电动车乱停8✅, 路灯不亮2❌报社区: the count glued to the mark after the thing.
# (电瓶车 5-6 ✔: a range typed after a space, before the mark.)
_COUNT_BEFORE_MARK = re.compile(
    r"(?:(?<=[\u4e00-\u9fff）)])\d{1,4}|(?<=[\u4e00-\u9fff] )\d{1,3}[-~～]\d{1,3})"
    r"(?=[ \t]*+[✅✔☑✓❌✖✘])"
)
# 家长开车接送约40辆，电动车送学生80多辆，过斑马线学生约260人次: how busy the school gate was,
# counted; no problem in it.
_TRAFFIC_WORDS = re.compile(r"接送|过马路|过街|过斑马线")
_WRONG_WORDS = re.compile(r"乱|违|占|堵|逆行|闯|横穿|翻|不戴|双排|未|没")
_A_COUNT = re.compile(r"\d|[一二两三四五六七八九十百]")
_SENTENCE_PARTS = re.compile(r"([^。；;\n]*)([。；;\n]?)")


def _without_traffic_counts(text: str, keep: tuple[str, ...]) -> str:
    """(A sentence that names a site or a person is kept: 今早庆丰路小学门口，接送高峰….)"""
    if _TRAFFIC_WORDS.search(text) is None:
        return text
    parts = []
    for body, end in _SENTENCE_PARTS.findall(text):
        if (
            _TRAFFIC_WORDS.search(body)
            and _A_COUNT.search(body)
            and not _WRONG_WORDS.search(body)
            and not STATUS_TOKEN.search(body)
            and not any(word in body for word in keep)
        ):
            body = ""
        parts.append(body + end)
    return "".join(parts)


# 电动车12+共享单车6: a plus between a count and the next thing joins two items.
_PLUS_BETWEEN_ITEMS = re.compile(
    r"(?:(?<=[\u4e00-\u9fff]\d)|(?<=[\u4e00-\u9fff]\d\d))\+(?=[\u4e00-\u9fff])"
)


# 整改前：纸皮堆在通道口约3处；整改后：住户已搬走: the problem, then its outcome, told as a
# before-and-after pair; the labels add nothing to either.
_BEFORE_AFTER = re.compile(r"(?m)^[ \t]*+整改[前后][ \t]*+[:：][ \t]*+")
# 问题一：5栋门口乱堆杂物 / 整改前：纸皮、旧家具堆在消防通道口，约3处: the heading names what
# the before line counts; one item, told by the before line.
_HEADING_BEFORE = re.compile(
    r"(?m)^(?P<marker>[ \t]*+(?:问题[一二三四五六七八九十\d]{1,3}[ \t]*+[:：]|\d{1,2}[、.．]|"
    r"[一二三四五六七八九十]{1,3}、))[ \t]*+(?P<head>[^\n:：]{1,30}?)[ \t]*+\n"
    r"[ \t]*+整改前[ \t]*+[:：][ \t]*+(?P<before>[^\n；;。]{1,80}+)"
)
# 发现5处：电动车占盲道3 … / 处置4处：电动车3辆归位 …: a count heading the items found,
# then one heading what was done with them.
# (发现 3个 问题：: the same with 问题 after the count.)
_FOUND_HEADING = re.compile(
    r"(?m)^(?P<lead>[ \t]*+)发现\s*+(?P<n>\d{1,4})\s*+[处个项起]\s*+(?:问题|隐患)?\s*+[:：]"
)
_DONE_HEADING = re.compile(
    r"(?m)^(?P<lead>[ \t]*+)(?:处置|整改|处理)\s*+\d{1,4}\s*+[处个项起]\s*+[:：]"
)
# 电动车/12/已整理: a bare number between slashes is the count of the thing before it.
# 垃圾桶满溢2环卫当场拉走, 出店经营2劝回, 宣传栏玻璃碎1 报住建: a bare count typed right before
# the outcome.
_COUNT_BEFORE_OUTCOME = re.compile(
    # (环卫8点40清运完毕: the minutes of a time, not a count.)
    r"(?<=[\u4e00-\u9fff])(?<![点时])(?P<n>\d{1,3})[ \t]*+"
    r"(?=(?:已|劝|报|环卫|物业|商户|当场|摆|清|撕|铲|挪|扫)[\u4e00-\u9fff])"
)
_SLASHED_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*+/[ \t]*+(?P<n>\d{1,4})[ \t]*+(?=/|\n|$)")
# 南门5辆，西门3辆，合计8辆: the places counted, then their total, which is the item's count.
_PART = rf"[\u4e00-\u9fff\d]{{1,8}}?\s*+\d{{1,4}}\s*+[{MEASURE_WORDS}]"
_PARTS_BEFORE_TOTAL = re.compile(
    rf"{_PART}(?:\s*+[，,、+]\s*+{_PART}){{1,9}}\s*+[，,、]?\s*+(?=(?:合计|共计|总计)\s*+\d)"
)
# 共享单车乱停8辆、电动车乱停6辆、出店经营1处，小计14；: a kind's items, then their subtotal.
_SUBTOTAL_AFTER_ITEMS = re.compile(
    # (…，绿化带枯枝落叶若干。小计51处。 and 以上问题已全部整改。小计51处。: after a vague count or
    # the fixes, and after a full stop.)
    rf"(?:(?<=\d[{MEASURE_WORDS}])|(?<=[）)])|(?<=若干)|(?<=一些)|(?<=整改)|(?<=完毕))[ \t]*+[，,。][ \t]*+(?:小计|计|共计)[ \t]*+[:：]?"
    rf"[ \t]*+\d{{1,4}}[ \t]*+"
    rf"[{MEASURE_WORDS}]?(?=[ \t]*+(?:[；;。\n]|$))"
)
# 非机动车乱停26辆（其中共享单车19辆、电动车7辆）: the kinds the count is made of, not more.
_KINDS_OF_THE_COUNT = re.compile(
    rf"(?<=[{MEASURE_WORDS}])[（(]其中(?P<inside>[^（）()]{{1,40}}+)[）)]"
)
# 4号楼北侧上次的建筑垃圾已经清运走了, 7号楼化粪池盖板（11月19日报的）已经修好了: a problem of an
# earlier day, now seen to by others; nothing found today (the team's own fix of it still counts).
_EARLIER_ONE_NOW_DONE = re.compile(
    # (电瓶车 8 辆 整好 前天报的护栏修好啦: a space parts it from the day's own items too.)
    r"(?:(?<=[，,。；;！!：:\n \t])|^)(?![^，,。；;！!\n]{0,50}?(?:我们|咱|俺|大家|我))"
    # (…，今天大家一起清理干净; …，今天全部换新: the team's own fix today still counts.)
    # (…同上次还是有，这回查到五处，拆掉了四处: found again today, and the team's.)
    r"(?![^。；;！!\n]{0,50}?(?:大家|今天全部|今天一起|今日全部|还是有|仍有|又有|这回|这次|"
    # (…，今天我们和住户一起清掉了: the team's own, said after a comma.)
    r"我们(?:和|跟|与|一起|帮|自己|动手|当场|顺手)))"
    # (复查12月7日满溢的2个垃圾桶，保洁已清运: a recheck is of an earlier one.)
    r"(?:(?:[一二三四五六七八九十\d]{1,2}[、.．][ \t]*+)?(?<![省国市检])复查(?![中，,])|[^，,。；;！!：:\n \t]{0,30}?(?:上次|上周|上回|上礼拜|上星期|前几天|之前|前天|琴日|昨日|昨天报|上午报|"
    # (下午复查：上午劝收的晾晒已全部收好; 上午剩的2处楼道杂物住户已自行清理: the morning's items.)
    r"上午(?:剩|劝收|没收|未改)的|"
    # (昨天剩下那两辆集卡已经开走了: what was left over from the day before.)
    r"(?:昨天|上次|上回)剩下的?|"
    # (昨天反映的炉灰社区已清运完毕: told the day before.)
    r"(?:昨天|前天|前期|上周|前几天|(?:\d{1,2}月)?\d{1,2}[日号])反映的|"
    # (上午反映的路沿石缺损已由住建局修复; 上午江海波他们报的路灯，路灯所已经来修好了.)
    # (Not 上午居民在社区群里反映的: residents' word, for the team to see to.)
    r"上午(?:(?!居民|群众|市民)[^，,。；;！!：:\n]){0,8}?(?:报|反映|说)的|"
    r"(?:周|礼拜|星期)[一二三四五六日天]报|(?:\d{1,2}月)?\d{1,2}[日号]所?上?报|上周报修|"
    # (15日的潲水外溢已复查，店家已清理干净: the day's problem looked at again.)
    r"(?:\d{1,2}月)?\d{1,2}[日号]的(?=[^，,。；;！!：:\n]{1,12}?已?复查)))"
    # (上周报的小区主干道路面坑洼，今天去看社区已经填平了: the outcome may follow a comma.)
    r"[^。；;！!：:\n]{0,24}?(?<![未没不])(?<!还没)(?:修好|修复|清运走|清走|拉走|通了|铲干净|处理好|整改好|换好|解决|填好|填平|"
    r"补好|清理干净|自行清理|收好|加固|粉刷完|换了新的|换新|更换|清运(?!走)|接好|补装|补齐|(?<!之前)(?<!以前)装(?:上|好)|扶正|"
    # (12幢那边的杂物上次催了，今天去看已经清掉了; 上次说的…种菜那块，社区已经铲掉了.)
    r"清掉|铲掉|拆除|拆掉|清空|重新张贴|"
    # (上周所报北段2盏路灯已亮: lit again since.)
    r"已亮|亮了|"
    # (楼顶冰溜子上次报的社区已经打掉了: knocked down since.)
    r"打掉|敲掉)"
    # (…，已经拆掉了，没有了: gone, said twice.)
    r"[^，,。；;！!\n]{0,8}+(?:[，,。；;！!]|$)(?:[ \t]*+(?:没有了|没了|没问题了)(?:[，,。；;！!]|$))?"
)


# How a site's name or alias ends (杨家巷, 舜江社区, 7网格), unlike a person's.
_SITE_WORD_END = re.compile(r"[路街巷道桥村苑园区格湾港弄坊场城镇口岸段侧]$")


def _earlier_one_now_done(match: re.Match[str], keep: tuple[str, ...]) -> str:
    # (今天下午回访杨家巷7号院门口的冰面（昨天报过的…），物业已经铲掉了: the site named stays;
    # 上午江海波他们报的路灯 names no one on today's duty.)
    return "".join(
        f"{word}，" for word in keep if word in match.group() and _SITE_WORD_END.search(word)
    )


# 广场东侧井盖下沉，市政已修复，复查无问题: seen to by others since, and checked again; nothing
# found today.
_RECHECKED_FINE = re.compile(
    r"(?:(?<=[，,。；;！!：:】\]\n])|^)(?![^。；;！!\n]{0,40}?(?:我们|咱|俺|大家))"
    r"[^。；;！!：:\n]{0,40}?(?:已由|已经?)[^。；;！!：:\n，,]{0,10}?"
    r"(?:修复|更换|修好|换新|换了|移走|拉走|清走|清运)[^。；;！!\n，,]{0,4}[，,]\s*+"
    r"复查(?:无问题|正常|完好|没问题|无异常)[。；;！!]?"
)
# 3单元 扶手物业已经修好, 流浪狗窝街道拉走了: another body has seen to it since; nothing of
# today's (装修垃圾3袋 叫物业来拉走了 is the team's asking, and counted).
_OTHER_BODY = r"(?:物业|社区|街道|环卫|城管|交警|市政|住建局?|路灯所|施工方|园区|保洁|供电所?|水务)"
_PLACE_LABEL = r"(?:(?:\d{1,2}[、.．]|\d{1,3}(?:单元|幢|栋|号楼?|楼))[ \t]*+)?"
_TEAM_OR_ASKED = (
    r"(?![^，,。；;！!\n]{0,30}?(?:我们|咱|俺|大家|我|叫|让|帮|请|喊|催|联系|通知|发现))"
)
_SEEN_TO_BY_OTHERS = re.compile(
    # (垃圾桶满溢2个，码头保洁已清走: after a count, the outcome of that item.)
    rf"(?:(?<=[，,。；;！!：:\n])(?<![{MEASURE_WORDS}][，,])|^)[ \t]*+{_TEAM_OR_ASKED}{_PLACE_LABEL}"
    # (Not 已协调保洁清走, 值班时交警来拖走了: the outcome of the item before, on the duty.)
    # (Nor 广场垃圾桶满了 ✔ 保洁清了: the fault is told with it, today.)
    r"(?:(?!已|找|协调|由|经|值班时|当场|随后|正在|刚好|正好|满|乱|堵|破|坏|脏)"
    r"[^，,。；;！!：:\n\d一二两三四五六七八九十几若✔✓✅☑]){1,16}?"
    rf"{_OTHER_BODY}(?:已经?|已)?(?:来|派人)?"
    r"(?:修好|修复|修了|换好|换了新的|换了|换新的?|加固好?|通好|通了|清了|清走|清掉|拉走|拖走|固定好|补好|装好)了?"
    r"(?:[，,][ \t]*+(?:正常|好的?|没问题|干净|蛮好)了?)?[ \t]*+(?:[，,。；;！!]|(?=\n)|$)"
)
_SENTENCE_END = "。；;！!"
_LABEL_LEFT = re.compile(r"(?:^|(?<=\n))[ \t]*+[^\s，,。；;！!：:]{1,12}[ \t]*+[：:]?[ \t]*+$")


def _seen_to_left_out(pattern: re.Pattern[str], text: str) -> str:
    """``text`` without what ``pattern`` finds; the sentence before keeps its end (…推到停车区。,
    not …推到停车区，) and a line left with only its label (10栋：) goes too."""
    parts: list[str] = []
    last = 0
    for match in pattern.finditer(text):
        head = text[last : match.start()]
        at_line_end = match.end() == len(text) or text[match.end()] == "\n"
        skip = 0
        if at_line_end:
            head = _LABEL_LEFT.sub("", head)
            # (a line gone whole takes its line break, so no blank line parts the message.)
            skip = 1 if (not head or head.endswith("\n")) and match.end() < len(text) else 0
        end = match.group()[-1]
        if end in _SENTENCE_END:
            stripped = head.rstrip(" \t，,")
            head = stripped + end if stripped and stripped[-1] not in _SENTENCE_END + "\n" else head
        parts.append(head)
        last = match.end() + skip
    parts.append(text[last:])
    return "".join(parts)


# 蓝湾：店招灯箱已经修好了，正常; 1、护栏已修复，正常: put right since, and in order now.
_DONE_SINCE_AND_FINE = re.compile(
    rf"(?:(?<=[，,。；;！!：:\n])|^)[ \t]*+{_TEAM_OR_ASKED}{_PLACE_LABEL}"
    r"[^，,。；;！!：:\n\d]{1,16}?(?:已经?|已)"
    r"(?:修好|修复|换好|换新|加固好?|固定好|拉走|清走|清运走?|补好|装好)了?"
    r"[，,][ \t]*+(?:正常|好的?|没问题|干净|蛮好)(?=[ \t]*+(?:[，,。；;！!\n]|$))[，,。；;！!]?"
)
# 检查：11号楼前建筑垃圾已清，没有反弹: an earlier problem looked at again, still put right.
_NO_REBOUND = re.compile(
    r"(?:(?<=[，,。；;！!：:】\]\n])|^)(?![^。；;！!\n]{0,40}?(?:我们|咱|俺|大家))"
    r"[^。；;！!：:\n]{0,40}?已经?[^。；;！!：:\n，,]{0,10}?"
    r"(?:清|修|拆|整改|处理)[^。；;！!\n，,]{0,4}[，,]\s*+(?:没有|无|未|没)(?:反弹|回潮|复发)[。；;！!]?"
)
# 今日到明珠社区复查：5号楼楼道杂物已清理干净，6号楼前路面塌陷已修复，未发现新问题: a recheck's
# part tells how the earlier ones stand now; nothing new unless it says so (复查中新发现…).
_RECHECK_PART = re.compile(
    r"(?P<head>(?:^|(?<=[。；;！!\n]))[^。；;！!\n：:]{0,40}?复查(?!中)[^。；;！!\n：:]{0,12}?[：:])"
    r"(?!今天|今日|上午|下午)"
    r"(?=(?:(?!新发现)[^。！!\n]){0,120}?(?:修好|修复|清理干净|清运|清完|换新|接好|拖走|不计入|不再统计|不重复))"
    # (…，今天我们配合社区拖走了: the team's own fix today still counts.)
    r"(?:(?!新发现|今[日天]发现|我们|咱们|大家)[^。！!\n]){1,120}+(?:[。！!]|(?=\n)|$)"
)


def _recheck_told(match: re.Match[str]) -> str:
    # 今日到明珠社区复查：the visit itself tells the site and stays; 燃煤炉具复查：goes with its part.
    head = match["head"]
    # (11月9日薛春梅、任志强对…上周问题进行复查：the day and the team stay too.)
    return f"{head}无新问题。" if "到" in head or "去" in head or len(head) > 20 else ""


# 居民反映晚上弄堂里有人烧纸钱，我们去看了没发现痕迹: hearsay looked into and not met.
_HEARSAY_NOT_MET = re.compile(
    r"(?:(?<=[，,。；;！!\n])|^)[ \t]*+(?:还有|另外|另)?有?(?:个别|一些|几位|部分)?(?:个|位)?"
    r"(?:居民|群众|市民|住户|商户|阿姨|大爷|大妈|大姐|老太太|老大爷|家长)"
    # (有个阿姨拉着说…，这个我们没看到; …，我们转了一圈没找到; …，我们今天没碰到.)
    r"(?:过来|拉着|跑来|也|又)?(?:反映|反应|说|讲|投诉)[^。；;！!\n]{0,40}?"
    r"(?:没发现|未发现|没有发现|没看到|未见|没见到|没再见到|没找到|未找到|没碰到|没遇到|没碰上|没碰着|没看着|没见着)"
    r"[^。；;！!\n]{0,20}+[。；;！!]?"
)
# 我建议跟药店打个招呼，以后纸箱子不要堆在人行道上: the writer's opinion or advice, no item.
_OPINION = re.compile(
    r"(?:(?<=[。！!；;\n])|^)[ \t]*+(?:我觉得|我认为|我建议|我的意见是|个人建议|建议以后|建议下次|我看这个)"
    r"[^。！!；;\n]{0,80}+(?:[。！!；;]|$)"
)
# 存在问题：群众文明意识有待提高，劝导压力大; 老旧院落卫生反弹较快: how things stand in general,
# not a problem found.
_GENERAL_REMARK = re.compile(
    r"(?:(?<=[，,。；;：:\n])|^)[ \t]*+(?:\d{1,2}[.、．])?[^，,。；;：:\n\d]{0,14}?"
    r"(?:意识(?:不强|不高|淡薄|薄弱|较差|较弱|差|有待提高|还需加强|仍需加强|有待加强)"
    r"|(?:卫生|环境)反弹|压力(?:较大|大|不小)|素质有待提高|反复出现|时有发生|屡禁不止)"
    r"[^，,。；;\n\d]{0,10}+(?=[，,。；;\n]|$)[，,。；;]?"
)
# 2.楼道小广告：已查6个楼道，未发现。 4.垃圾池：已清运，周边无散落。: a checklist line, looked at and
# found fine.
_CHECKLIST_FINE = re.compile(
    r"(?m)^[ \t]*+(?:\d{1,2}|[①-⑳])[.、．]?[ \t]*+[\u4e00-\u9fff]{1,8}[ \t]*+[:：][ \t]*+"
    r"(?:(?:已查|查了|看了|检查了?)[^，,。；;\n]{0,10}[，,]|[^，,。；;\n\d]{0,10}[，,])?"
    r"[^，,。；;\n\d]{0,4}?(?:无|未发现|没有发现|没发现)[^，,。；;\n\d]{0,6}[。；;]?[ \t]*+$"
)
# 去…那片小饭店查燃气安全，共8家，发现…: how many places were looked at, before what was found.
_PLACES_LOOKED_AT = re.compile(
    r"(?P<check>(?:查|检查|排查|巡查|走访)[^，,。；;\n]{0,24})[，,][ \t]*+(?:共|一共)\d{1,3}[家户栋个处间][，,]"
    r"(?=[ \t]*+(?:发现|其中|有))"
)
# 检查人行道路面、盲道、路灯、垃圾桶、公益广告牌，均正常: all that was looked at, and all of it fine.
_LOOKED_AT_ALL_FINE = re.compile(
    r"(?:(?<=[：:，,。；;\n])|^)[ \t]*+(?:对|重点)?(?:检查|查看|巡查|排查)了?"
    r"(?:(?!发现)[^。；;！!\n]){1,80}?[，,][ \t]*+(?:均|都|全部|全都|一切)(?:正常|完好|良好|无问题|没问题|无异常|规范)"
    r"(?=[ \t]*+(?:[。；;，,\n]|$))"
)
# 检查垃圾桶9个，满溢1个; 沿线垃圾桶6个，其中2个满溢; 共查了15个，有1个井盖错位: so many
# looked at, and the few of them at fault are the problem, counted by the few.
_NUM_WORD = r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})"
_NOT_A_FAULT = r"(?![已均都为是系经劝清整摆捡扫撕铲挪推拖收正完合当现另])"
_SOME_OF_THOSE_LOOKED_AT = re.compile(
    r"(?:检查(?!井)|查看|共查看?|排查|抽查|巡查|沿线)了?(?P<thing>(?![^，,。；;\n]{0,10}?发现)[\u4e00-\u9fff]{0,10}?)"
    rf"(?P<n>{_NUM_WORD})(?P<m>[个处辆家只块根盏座间栋])[ \t]*+[，,][ \t]*+"
    rf"(?:(?:其中)?+有?+(?P<k>{_NUM_WORD})(?P=m){_NOT_A_FAULT}(?P<fault>[\u4e00-\u9fff]{{1,12}}+)"
    rf"|{_NOT_A_FAULT}(?P<fault2>[\u4e00-\u9fff]{{1,4}}?)(?P<k2>{_NUM_WORD})(?P=m)(?![\u4e00-\u9fff]))"
)


def _the_few_at_fault(match: re.Match[str]) -> str:
    few, fault = match["k"] or match["k2"], match["fault"] or match["fault2"]
    if number_value(few) > number_value(match["n"]):
        return match.group()
    return f"{match['thing']}{fault}{few}{match['m']}"


# 社区食品摊点3处，均正常; 抽查食品店6家，均无: so many looked at, and all of them fine.
_COUNTED_AND_FINE = re.compile(
    # (检查了沿街8家商户的灭火器，均在有效期内: what of them was looked at may follow.)
    r"(?:(?<=[：:，,。；;\n])|^)[^，,。；;：:\n]{1,20}?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})[处个家户辆台]"
    r"[^，,。；;：:\n\d]{0,8}?[ \t]*+[，,][ \t]*+(?:均|都|全部|全都|经?(?:检查|查看)[了过]?)(?:正常|无|没有|合格|规范|完好|有效|达标|在有效期内?"
    # (河边夜宵摊2个，都在规定区域内，正常: where they should be.)
    r"|在(?:规定|指定|划定)(?:的)?(?:区域|位置|范围)内?(?:[ \t]*+[，,][ \t]*+正常)?)"
    r"(?=[ \t]*+(?:[。；;，,\n]|$))"
)
# 总的来看，…总体平稳，但个别客栈仍存在隐患: a closing judgement, no items (unless it counts).
_OVERALL_VIEW = re.compile(
    r"(?m)(?:^|(?<=[。！!\n]))[ \t]*+(?:总的来看|总的来说|总的看|总体看|总体来看|总体上看|从总体看|整体来看|总体而言)"
    r"[，,](?![^。！!\n]{0,80}?[一二两三四五六七八九十几][处个辆件起])[^。！!\n\d]{0,80}+(?:[。！!]|$)"
)
# 更正上条：电动车是18辆不是8辆，重发一遍——: what the report below puts right.
_REPOST_PREAMBLE = re.compile(
    r"^\s*+(?:更正|纠正)[^\n]{0,40}?(?:重发一遍|重发如下|重新发一遍|重发)[：:，,。\s—\-]*+"
)
_SPACE_IN_COUNT = re.compile(rf"(?<=\d[余多来])[ \t]++(?=[{MEASURE_WORDS}])")
# 电动车+15: a plus before a count, as a tally is kept.
_PLUS_BEFORE_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]*+\+[ \t]*+(?=\d{1,4}(?![\d.%]))")


# 小广 x5 ok: 小广告 said short (not 小广场).
# 公交站那块冰贼厚 刨了半天, 冻了一大片冰我们给铲了: ice told as a thing, with the work on it.
_ICE_AS_A_THING = re.compile(
    r"(?:(?<=[那的块片层])|(?<=[^没无]有))冰(?![面包雪溜坨棱镩柜箱棍糕淇])"
    # (那片冰物业撒了盐了没事了: seen to by others, it is told as no problem.)
    r"(?![^，,。；;\n]{0,4}?(?:物业|环卫|社区|保洁))"
    r"(?=[^，,。；;\n]{0,8}?(?:刨|铲|打|敲|撒|清|整|扫|凿))"
    # 台阶上全是冰，都刨了: the ice, then what the team did to it.
    r"|(?<=全是|都是|满是)冰(?=[，,\s]{1,2}(?:都|全|也)?(?:刨|铲|打|敲|撒|清|凿))"
)
# 单元门口的雪清了十二个, 清了老年活动室门口的雪: the snow of a place, handled by the team, is
# 积雪 (not 下雪, 雪后, 清雪 the day's work).
_SNOW_AS_A_THING = re.compile(
    r"(?<=的)雪(?![花人糕景球天夜地后])"
    # (把台阶的雪清一下: asked for, not done.)
    r"(?![^，,。；;\n]{0,4}?(?:物业|环卫|社区|保洁|店家|自己|一下))"
    r"(?=[ \t]*+(?:全|都|也|已经?)?[ \t]*+(?:清|推|扫|铲|除|运|整))"
    r"|(?P<done>[清扫推铲][了完掉][^，,。；;\s的]{1,12}的)雪(?![花人糕景球天夜地后])"
)
# 扫雪…小区主道清出来了, 单元门口也都清了 十五六个: on a snow day, a place the team cleared is
# the snow on it.
_SNOWY_PLACE_CLEARED = re.compile(
    r"(?<![积的])(?P<place>小区主道|主干道|主道|人行道|步道|单元门口|楼门口|门洞|台阶|坡道|公交站台)"
    r"(?P<mid>[^，,。；;\n\d雪]{0,3}?)"
    r"(?=(?:都|也|全部|已经?|基本|全段)?(?:清出来|推开|清扫|扫出来|清了|扫了|铲平|清完|扫干净))"
    # (人行道清扫积雪约800米: the snow is named after the verb.)
    r"(?![^，,。；;\n]{0,8}雪)"
    r"(?<!物业)(?<!环卫)"
)
_XIAOGUANG = re.compile(r"小广(?![告场州东西播泛元])")
# 电动车乱停/9辆/100%, 整改100%: all of it fixed (not 整改率100%, a rate over the day's total).
_ALL_BY_PERCENT = re.compile(r"(?:(?<=[/／｜|])[ \t]*+|整改)100[ \t]*+[%％](?![\d])")


# 单车15/小广告6/垃圾3袋/井盖1（报）: a slash after a count parts one item from the next.
_SLASH_BETWEEN_ITEMS = re.compile(
    rf"(?:(?<=[\u4e00-\u9fff]\d)|(?<=[\u4e00-\u9fff]\d\d)|(?<=\d[{MEASURE_WORDS}余多]))"
    r"[ \t]*+[/／][ \t]*+(?=[\u4e00-\u9fff])"
)


# 已整改7/8: seven of the eight found.
_FIXED_FRACTION = re.compile(
    r"(?<=整改|处置|处理|解决)[ \t]*+(?P<n>\d{1,4})[ \t]*+/[ \t]*+\d{1,4}(?![\d/])"
)
# …其余当场整改，整改率90%: a rate over the day's total, no outcome of an item.
# (It starts at 整改率 itself: a pattern that starts with optional spaces is quadratic on a run
# of them.)
_FIX_RATE = re.compile(r"整改率[ \t]*+[:：]?[ \t]*+\d{1,3}(?:\.\d{1,2})?[ \t]*+[%％]")


# 已清理楼道堆放杂物3处、已规整共享单车11辆: a fix told verb first, with 已 before the verb.
_DONE_VERB_FIRST = re.compile(
    r"(?:(?<=^)|(?<=[\s，,、；;。：:]))已(?=(?:清理|清除|清运|清扫|规整|整理|摆放|铲除|拆除|劝离|撕除|捡拾)"
    r"[\u4e00-\u9fff]{2,14}?\d)"
)
# 本日合计：发现18处，当场整改15处: the day's tally after the items.
_TALLY_FOUND = re.compile(r"(?:本日|今日|当日|本次|今天)?合计\s*+[:：]\s*+发现(?=\s*+\d)")

# 一、环境卫生 小计 发现5 整改5: a kind's heading with its subtotal; its items follow.
_KIND_SUBTOTAL_LINE = re.compile(
    r"(?m)^(?P<head>[ \t]*+(?:[一二三四五六七八九十]{1,2}[、.]|\d{1,2}[、.)）])?[ \t]*+"
    r"[\u4e00-\u9fff]{2,6}?(?:类|问题)?)[ \t]*+[:：]?[ \t]*+(?:小计|合计)[ \t]*+[:：]?[ \t]*+发现"
    r"[ \t]*+\d[^\n]*+$"
)
_DAY_WORDS = re.compile(r"[本今当全共总累]|日|天|班|次|周|月")
# 一是清理人行道积沙。受大风影响…共清扫积沙12处: the heading of a part of the work; the
# sentences after it tell the items.
_WORK_HEADING = re.compile(
    r"(?:(?<=^)|(?<=[。；;\n]))[ \t]*+[一二三四五六七八九十]是"
    r"(?:清理|清扫|规范|整治|排查|开展|加强|整顿|做好|抓好|强化|治理|维护|优化)"
    r"[^，,。；;：:\n\d]{1,10}[。：:](?=[ \t]*+[^\s])"
)


def _kind_heading_only(match: re.Match[str]) -> str:
    head = match["head"]
    return match.group() if _DAY_WORDS.search(head) else head


# 单车6摆正 垃圾2袋清, 井盖1报: a thing, its count and a one-word outcome, between spaces.
# (…and with spaces between, the count said in words: 乱停 8 整 8, 占道 俩 收 俩, 乱停 十几 整.)
_COUNT_THEN_DONE_WORD = re.compile(
    r"(?:(?<=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff][ \t]))"
    r"(?P<n>\d{1,3}[-~～]\d{1,3}(?=[ \t])|\d{1,4}|[俩仨]|[一二两三四五六七八九十几]{1,3}(?:余|多|来)?(?=[ \t])"
    r"|若干(?=[ \t]))"
    r"[ \t]*+(?P<m>[袋辆处个张台件堆块车根棵])?[ \t]*+(?:(?<=[ \t])已)?"
    r"(?P<v>摆正|摆齐|摆好|摆|铲除|铲|捡拾|捡|清理|清走|清|撕掉|撕|挪走|挪|扶正|扶|拆除|拆|收走|收|"
    r"搬走|扫掉|扫|劝离|劝走|劝回|劝|整理|整|报修|报(?:市政|社区|城管|物业|街道)|报)"
    # (杂物2搬走1: how many of them.)
    # (乱停车 十一 已摆 十一, 小广告 6 铲了4: 已 and 了 around the word, the count in words.)
    r"(?:了?[ \t]*+(?P<k>\d{1,4}|[俩仨]|[一二两三四五六七八九十]{1,3})(?=[ \t]*+(?:$|[，,；;。\n])))?"
    r"(?=[ \t]|$|[，,；;。\n])"
)
# 整 8, 收 2, 劝 …: a tally's one-word outcomes, written out.
_DONE_WORD_IN_FULL = {
    "整": "整理",
    "收": "收回",
    "劝": "劝离",
    "摆": "摆放",
    "扶": "扶正",
    "挪": "挪走",
}


def _spelled_out(number: str) -> str:
    """俩 → 2, 仨 → 3; any other number as written."""
    return str(number_value(number)) if number in ("俩", "仨") else number


def _count_then_done(match: re.Match[str]) -> str:
    count = _spelled_out(match["n"])
    measure = match["m"] or ""
    done_count = _spelled_out(match["k"]) if match["k"] else None
    done = f"{done_count}{measure or '处'}" if done_count else ""
    verb = _DONE_WORD_IN_FULL.get(match["v"], match["v"])
    # (十几 alone is read as a count only with its measure: 乱停 十几 整; 钓鱼的 俩 劝走 is
    # two of them, as 俩 said.)
    typed = match["n"].isdigit() or count == "若干"
    unit = measure or ("" if typed else "个")
    return f"{count}{unit}，已{verb}{done}；"


# 主要问题有：…。针对上述问题，…: the found part, then the fix part, as a deputy writes them.
_PROBLEMS_ARE = re.compile(r"(?P<head>主要问题|存在的?问题|发现的?问题)(?:有|如下|是)[:：]")
_FIXES_FOR_THE_ABOVE = re.compile(
    r"(?m)针对(?:上述|以上|上面|这些)(?:问题|情况)[，,：:]"
    # 整改清单：, on a line of its own: the heading of the fixes of the 问题清单 above.
    r"|^[ \t]*+整改清单[ \t]*+[:：][ \t]*+$"
)

# 信河街：发现9/整改7: the day's tally of a site, found over fixed.
_TALLY_SLASH = re.compile(
    r"(?<![\u4e00-\u9fff])发现[ \t]*+(?P<found>\d{1,4})[ \t]*+(?:处|个|项)?[ \t]*+/[ \t]*+"
    r"整改[ \t]*+(?P<fixed>\d{1,4})[ \t]*+(?:处|个|项)?"
)

# 垃圾站：满溢，已打电话给环卫: a place, then only what is wrong there; one item.
_PLACE_THEN_FAULT = re.compile(
    r"(?m)^(?P<place>[ \t]*+[\u4e00-\u9fff\d]{2,8}?)[ \t]*+[：:][ \t]*+"
    r"(?=满溢|满了|破损|损坏|堵塞|外溢|不亮|松动|缺失|结冰|积水|冒水|漏水)"
)
# 八一北路口—护栏断开—1处—已报交通局: a row of fields parted by dashes (where, what, how many,
# what was done) reads as one sentence.
_DASHED_ROW = re.compile(
    r"(?m)^(?P<lead>[ \t]*+(?:\d{1,2}[.、．][ \t]*+)?)(?P<a>[^—\n]{1,20})—{1,2}(?P<b>[^—\n]{1,20})—{1,2}"
    r"(?P<c>[^—\n]{1,20})(?:—{1,2}(?P<d>[^—\n]{1,30}))?[ \t]*+$"
)


def _dashed_row(match: re.Match[str]) -> str:
    fields = [match[k].strip() for k in "abcd" if match[k]]
    return match["lead"] + "".join(fields[:-1]) + "，" + fields[-1]


# 1、书法长廊，乱涂乱画，3处，已擦除: a numbered row of place, problem, count and outcome parted by
# commas; the place and the problem are one item.
_COMMA_ROW = re.compile(
    r"(?m)^(?P<lead>[ \t]*+\d{1,2}[、.．][ \t]*+)(?P<place>[^，,、\n]{1,14})[，,]"
    r"(?P<what>[^，,\n\d]{1,16})[，,][ \t]*+"
    r"(?=(?:\d{1,4}|[一二两三四五六七八九十百几]{1,4}|若干|多)[^，,\n]{0,4}[，,])"
)
# 垃圾桶旁边有纸箱，三。已经清理了。 电动车乱停，二十多。: the count alone after the thing, in
# words and without its measure word.
_BARE_WORD_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff])[，,][ \t]*+(?P<n>(?:[一二两三四五六七八九]?十)?[一二两三四五六七八九]|[一二两三四五六七八九]?十)"
    r"(?P<more>多|来|几)?(?=[ \t]*+(?:[。；;\n]|$|[，,][^，,。；;\n]{0,6}?(?:在|报|摆|扫|撕|清|已)))"
)
# 乱停9处理9 小广告8处理6: so many found, so many handled (not 9处 then 理9).
_FOUND_THEN_HANDLED = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<n>\d{1,4}+)处理(?P<k>\d{1,4}+)(?![\d.:：])"
)
# 楼道小广告✔ 6, 楼道小广告✔ 十几: a line's mark, then the count alone at its end.
_MARK_THEN_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff])(?P<mark>[✔✓√☑✅])[ \t]*+"
    r"(?P<n>\d{1,4}+|(?:[一二两三四五六七八九]?十)?[一二两三四五六七八九]|[一二两三四五六七八九]?十)"
    r"(?P<more>多|来|几|余)?(?=[ \t]*+(?:[（(\n]|$))"
)
# 问题：…\n措施：…\n结果：…: one problem told in three labelled lines is one sentence.
_PROBLEM_MEASURE_RESULT = re.compile(
    # (Several problems on the 问题 line, each fixed in its own way, stay a form.)
    r"(?m)^[ \t]*+(?:问题|情况)[ \t]*+[:：][ \t]*+(?P<what>[^\n；;]{1,60})\n"
    r"[ \t]*+(?:措施|处理|处置)[ \t]*+[:：][ \t]*+(?P<how>[^\n；;]{1,40})\n"
    r"[ \t]*+(?:结果|处理结果|整改结果)[ \t]*+[:：][ \t]*+(?P<result>[^\n]{1,60})$"
)
# 隐患：路灯1盏不亮；整改：已报园区管委会；状态：未闭环: one line per problem, its label
# (隐患 is the unit's word for a hazard, not a hazard of its own) before the thing.
_HAZARD_LINE_LABEL = re.compile(
    r"(?P<lead>[ \t]*+(?:\d{1,2}[、.．][ \t]*+)?)(?:隐患|问题|事项)[ \t]*+\d{0,2}[ \t]*+[:：][ \t]*+"
    r"(?=[^\n；;]{1,60}[；;][ \t]*+(?:整改|处置|处理|措施)[ \t]*+[:：])"
)
_NOT_COUNTED_NOW = re.compile(r"不计|不再计|不重复计")


def _hazard_lines_read(text: str) -> str:
    """Each 隐患：…；整改：…；状态：… line without its label; a line marked as not counted this
    time (状态：已闭环（不计入本次）) goes whole."""
    if _HAZARD_LINE_LABEL.search(text) is None:
        return text
    lines = []
    for line in text.split("\n"):
        label = _HAZARD_LINE_LABEL.match(line)
        if label is None:
            lines.append(line)
        elif not _NOT_COUNTED_NOW.search(line):
            lines.append(label.group("lead") + line[label.end() :])
    return "\n".join(lines)


# 今日路长制：人员…；问题…；整改…；遗留…: a template's labels typed without their colons.
_LABEL_WITHOUT_COLON = re.compile(
    r"(?<=[；;：:])[ \t]*+(?P<label>人员|问题|整改|遗留)(?![已均都较不是的多少时情结措落完单人问])(?=[\u4e00-\u9fff])"
)
# 渣土车3辆未苫盖, 裸土2处未覆盖: the count between the thing and what it failed to be; the
# fault joins its thing (未整改 and the like tell an outcome, and stay).
_COUNT_BEFORE_NOT_DONE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?P<n>\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})(?P<m>[{MEASURE_WORDS}])"
    r"(?P<fault>(?:未|没有?)(?!整改|处理|处置|解决|修|清|完成|到位|改|拆|落实|收|挪|移|报|发现|见|再)"
    r"[\u4e00-\u9fff]{1,4}?)(?=[，,。；;、\s]|$)"
)
# Words of a report's own labels, never a place or a kind of problem (问题：无, 情况：满…).
_LABEL_WORDS = re.compile(
    r"问题|异常|情况|遗留|发现|整改|处置|处理|结果|其他|其它|备注|人员|路段|网格|社区"
)


def _place_with_its_fault(match: re.Match[str]) -> str:
    return match.group() if _LABEL_WORDS.search(match["place"]) else match["place"]


_TENS_AND_SOME = re.compile(r"(?<=十)好几")
_SELLERS_LI = re.compile(r"(卖[\u4e00-\u9fff]{1,3}?)哩(?=[\u4e00-\u9fff])")
# 占道经营 海门路口 3家 已收回: thing, place, count and outcome between spaces, one a line.
_THING_PLACE_COUNT = re.compile(
    r"(?m)^(?P<thing>[\u4e00-\u9fff]{2,10})[ \t]++"
    # (压盲道, 占道 are what is wrong, not where.)
    r"(?P<place>(?:(?![压占停堆挡乱摆晒违])[\u4e00-\u9fff\d]){0,8}[路街口门楼幢栋号站场边旁前后里内外道桥头区院巷墙杆])"
    r"[ \t]++"
    r"(?P<count>(?:约|大概)?(?:\d{1,4}(?:-\d{1,4})?|[一二两三四五六七八九十几俩仨]{1,3})[\u4e00-\u9fff]?"
    r"|若干|多处|一堆|一排|一片)[ \t]++(?P<rest>[^\n]+)$"
)
# 电动车乱停、摆放整齐8辆、人行道烟头纸屑、捡拾2袋、盲道砖松动1块、已拍照报城管: one long run
# cut by 、, each thing then what was done to how many of it; each pair is one item.
_THING_THEN_DONE_COUNT = re.compile(
    r"(?P<thing>[\u4e00-\u9fff]{2,12})、"
    r"(?P<verb>(?:摆放|摆|清理|捡拾|捡|撕掉?|清除|劝离|铲除|清扫|拖走|挪走|收回)(?:整齐|干净)?)"
    rf"(?P<n>\d{{1,3}}余?|[一二两三四五六七八九十俩仨]{{1,3}}余?)(?P<m>[{MEASURE_WORDS}])(?:、|(?=$|[，,。；;\n]))"
)
# …盲道砖松动1块、已拍照报城管, 流动摊贩2个、劝离: the outcome after the counted thing.
_OUTCOME_AFTER_COUNT = re.compile(
    rf"(?<=\d[{MEASURE_WORDS}])、(?=(?:已|转交|报|劝离|劝导|移交|上报)[^、，,。；;\n\d]{{0,10}}(?:、|$|[，,。；;\n]))"
)
# 地点：码头空地 问题：渔网乱堆 数量：3堆 处理：已搬走: a log line's fields, place first;
# the item is where and what, its count follows without the label.
_PLACE_FIRST_FORM_LINE = re.compile(
    r"(?m)^(?P<lead>[ \t]*+(?:\d{1,2}[.、．)）][ \t]*+)?)(?:地点|位置|点位)[ \t]*+[:：][ \t]*+"
    r"(?P<place>[^\s:：；;，,。]{1,20})[ \t；;，,]++问题[ \t]*+[:：][ \t]*+"
    r"(?P<item>[^\n:：]{1,40}?)(?:[ \t；;，,]++数量[ \t]*+[:：][ \t]*+(?P<n>[^\s:：；;，,]{1,10}))?"
    # (_EMPTY_OUTCOME_LABEL has already made the outcome's label a comma.)
    r"(?=[ \t]*+[；;，,]|[ \t]++(?:处理|处置|整改|结果)|[ \t]*+$)"
)
# 电动车乱停（9）✔, 盲道砖缺失（3块）✘: the count in brackets before the mark.
_COUNT_IN_BRACKETS = re.compile(
    rf"(?<=[\u4e00-\u9fff])[（(](?P<n>\d{{1,4}}|[一二两三四五六七八九十百几多余来若干]{{1,5}})"
    rf"(?P<m>[{MEASURE_WORDS}]|人次)?[）)](?=[ \t]*+[✔✓✅☑✘✗×❌✖])"
    # 楼道小广告(6)🧽 全部铲掉啦, 电动车乱停(8)🛵 摆好: a picture after it, then what was done.
    rf"|(?<=[\u4e00-\u9fff])[（(](?P<n2>\d{{1,4}}|[一二两三四五六七八九十百几多余来若干]{{1,5}})"
    rf"(?P<m2>[{MEASURE_WORDS}])?[）)](?=[^\w\s（）()，,。；;：:\n]++[ \t]*+[\u4e00-\u9fff✔✓✅☑])"
)


def _count_in_brackets(match: re.Match[str]) -> str:
    number, measure = match["n"] or match["n2"], match["m"] or match["m2"]
    return f" {number}{measure or ('' if number == '若干' else '个')} "


# 十几二十个, 二三十几辆: from about ten to twenty, the larger.
_TEENS_TO_TWENTY = re.compile(r"(?<![一二三四五六七八九十几])十几(?=二十)")
# 时间：7:30｜地点：北山台阶｜情况：…｜处理：已清扫: a log's fields, each its own sentence.
# (It starts at the bar itself: optional spaces first would be quadratic on a run of them.)
# 电动车乱停12辆已摆放整齐、绿化带烟头纸屑若干已捡拾、小广告3张已铲除: items each with its
# outcome, listed with 、; each ends where its outcome does.
_DONE_THEN_NEXT = re.compile(
    # (已规整共享单车、电动车共15辆: the outcome first, its things after it, is one item.)
    r"(?<=[^\s，,。；;、：:])(?P<done>已[\u4e00-\u9fff]{1,8})、"
    r"(?=[^，,。；;、\n]{2,30}?(?:\d|[一二两三四五六七八九十俩仨若]))"
)
_FIELD_BAR = re.compile(
    r"[｜|][ \t]*+(?=(?:时间|地点|位置|情况|问题|处理|处置|结果|措施|整改|人员)[ \t]*+[:：])"
)
# 一、, 3. : the number of a template's line, if it has one.
_ITEM_NUMBER = r"(?:(?:[一二三四五六七八九十]{1,2}|\d{1,2})[、.．][ \t]*+)?"
_CHECK_BULLET = r"[①-⑳□☐■◆●]"
# 垃圾杂物：有，烟头纸屑一些，已清: a template's kind, then what of it was there; one item,
# told by what was there (小广告：有，3张 stays as it is: the count alone needs the kind).
# (① 垃圾池：有问题，满溢1处 and 盲道——有问题：非机动车压盲道4辆: a checklist's, the same.)
_KIND_THEN_WHAT = re.compile(
    rf"(?m)^(?P<lead>[ \t]*+(?:{_CHECK_BULLET}[ \t]*+)?{_ITEM_NUMBER})"
    r"(?P<kind>[\u4e00-\u9fff]{2,6}?)[ \t]*+(?:[：:]|—{1,2})[ \t]*+有(?:问题)?[ \t]*+[，,、：:][ \t]*+"
    r"(?P<what>[^，,；;。\n]{1,30})"
)
# 不文明行为：乱扔烟头3人、随地吐痰1人, 摊贩：流动摊贩3个: a kind heading its line, then what of it
# was there; the same, without 有.
_KIND_HEADING_THEN_WHAT = re.compile(
    rf"(?m)^(?P<lead>[ \t]*+{_ITEM_NUMBER})"
    r"(?P<kind>不文明行为|文明行为|摊贩|停车|车辆|占道经营|环境卫生|市容秩序|基础设施|宣传氛围|"
    r"市容|卫生|设施|秩序|垃圾杂物|设施损坏|乱停乱放|乱停放|"
    # (a market inspector's: 店招：1家灯箱歪了, 过期的东西：1家杂货店过期酱油1瓶.)
    r"占道|店招|过期的?东西|过期食品|无证经营)[ \t]*+[：:][ \t]*+"
    # (乱停放：有，8辆 and 设施：无 are the template's own lines.)
    r"(?!有[ \t]*+[，,、]|无|没有|暂无|未发现)(?P<what>[^，,；;。\n]{1,30})"
)
_COUNT_ONLY = re.compile(
    rf"(?:约|大概|近|大约)?(?:\d{{1,4}}|[一二两三四五六七八九十几俩仨]{{1,3}})"
    rf"(?:余|多|来)?(?:[{MEASURE_WORDS}]|人次)?(?:左右|余|多)?"
)
_COUNT_FIRST = re.compile(rf"(?:{_COUNT_ONLY.pattern})(?![\u4e00-\u9fff])")


def _kind_told_by_what(match: re.Match[str]) -> str:
    if _LABEL_WORDS.search(match["kind"]) or _COUNT_ONLY.fullmatch(match["what"].strip()):
        return match.group()
    return f"{match['lead']}{match['what']}（{match['kind']}）"


# 待整改2个（出店经营1户、灯罩脱落1个）: the open ones of a tally, named above already.
_OPEN_ONES_NAMED = re.compile(
    rf"(?P<head>(?:待|未|尚未|没有?|暂未)(?:整改|处理|解决|完成|处置)[ \t]*+"
    rf"(?:\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})[ \t]*+[{MEASURE_WORDS}项])[ \t]*+"
    r"[（(][^（）()\n]{1,80}[）)]"
)
# 创文办临时通知, 周日创文突击: the campaign's office and its drives, never a thing on the street
# (a unit may list 创文 among its publicity words for the campaign's own posters).
_CAMPAIGN_AT_WORK = re.compile(
    r"(?:创文|创城|创卫)(?=办|工作|突击|迎检|暗访|督查|活动|期间|要求|通知|测评|考核|任务|攻坚|整治|值班|专项)"
)
# 4 路灯 ✔ / 1 楼道小广告 ✘ 6处 已铲除✔: a checklist's kinds, ticked when all was well there,
# crossed when something was found, then what was found and done.
_CHECKLIST_TICKED = re.compile(
    r"(?m)^[ \t]*+\d{1,2}[ \t.、．]*+[\u4e00-\u9fff/]{2,10}"
    # (3.垃圾箱旁煤灰十几个✔: a count in words makes it an item, ticked done.)
    rf"(?<![一二两三四五六七八九十几][{MEASURE_WORDS}])[ \t]*+[✔✓☑✅]"
    r"(?:[ \t]*+[（(][^（）()\n]{0,30}[）)])?[ \t]*+$"
)
_CHECKLIST_CROSSED = re.compile(
    # (numbered, as a checklist is; 电动车×12 is a count.)
    r"(?m)^(?P<lead>[ \t]*+\d{1,2}[ \t.、．]*+)(?P<kind>[\u4e00-\u9fff/]{2,10})[ \t]++[✘✗❌✖][ \t]*+"
    r"(?P<what>[^ \t\n]{1,30})"
)

# 卫生 ✔ 烟头纸屑若干已扫 / 设施 ✔ 无 / 小广告 ✔ 8张已撕: a kind, its mark, then what of it was
# there (unnumbered); the kind names the thing only when a count follows it at once.
_KIND_MARKED_LINE = re.compile(
    r"(?m)^(?P<lead>[ \t]*+)(?P<kind>[\u4e00-\u9fff/]{2,6})[ \t]++(?P<mark>[✔✅☑✖❌])[ \t]++"
    r"(?P<rest>[^\n]{1,60})$"
)
_COUNT_SPELLED = rf"\d|[一二两三四五六七八九十几俩仨]{{1,3}}[{MEASURE_WORDS}]"
_COUNT_OPENS = re.compile(_COUNT_SPELLED)
_COUNT_IN = re.compile(rf"{_COUNT_SPELLED}|若干")
_ALL_WELL = re.compile(
    r"(?:检查)?(?:均|都|全部)?(?:正常|无[^\d，,。；;\n]{0,5}|良好|完好|没问题|未发现[^\d，,。；;\n]{0,5}|干净|整洁)[。！!]?"
)


def _kind_marked(match: re.Match[str]) -> str:
    rest = match["rest"].strip()
    if _ALL_WELL.fullmatch(rest):
        return ""
    if _COUNT_OPENS.match(rest):
        rest = f"{match['kind']}{rest}"
    elif not _COUNT_IN.search(rest):
        # 甬道上的冰 ✔ 刨完了, 垃圾站满溢 ✘ 清运车没来: no count after it, so what stands before
        # the mark is the thing itself.
        rest = f"{match['kind']}，{rest}"
    if not STATUS_TOKEN.search(rest):
        rest = f"{rest} {match['mark']}"
    return f"{match['lead']}{rest}"


def _crossed_kind(match: re.Match[str]) -> str:
    what = match["what"]
    if _COUNT_ONLY.fullmatch(what):
        return f"{match['lead']}{match['kind']} {what}"  # 楼道小广告 ✘ 6处: the kind, counted
    return f"{match['lead']}{what}（{match['kind']}）"  # 积雪冰面 ✘ 台阶结冰1处: what was there


# 路面积雪环卫凌晨已清扫，整体干净: done by others before the team came, and all is well.
_CLEARED_BEFORE_WE_CAME = re.compile(
    r"(?:(?<=[，,。；;：:\n])|^)[^，,。；;：:\n]{0,12}?(?:环卫|保洁|社区|物业)(?:工人|车|铲车)?"
    r"(?:凌晨|早上|一早|提前|之前)?(?:已经|已)(?:组织|安排人?)?(?:清扫|推完|扫完|清理|扫了|清了|推了)[了咧啦]?"
    r"[，,]\s*+(?=(?:整体|路面|总体|基本|情况|环境|楼道|小区|地面)?挺?(?:干净|良好|整洁))"
)
# 人行道积雪已清，个别地方结冰…; 商户门前积雪都清了; 社区道路积雪已清，无新问题: how the snow
# stands when the team came, told by no one who cleared it and with no count; no item.
# (Beside how the rest stands: after 通畅，/较好，/清洁， or before ，无新问题/，个别…/，发现…. In a
# list of what the team did, 人行道积雪已清扫；… is its own work and counts.)
_SNOW_ALREADY_CLEARED = re.compile(
    r"(?:(?<=通畅[，,])|(?<=较好[，,])|(?<=清洁[，,])|(?<=干净[，,])|(?<=正常[，,])"
    r"|(?:(?<=[，,。；;：:\n])|^)(?=[^，,。；;：:\n]{0,24}?[，,][ \t]*+(?:个别|无新|没有新|未发现|发现|通行|通畅|无问题)))"
    r"[ \t]*+[^，,。；;：:\n\d我俺咱铲扫刨推]{0,10}?积雪"
    r"(?:都|均|全部|基本)?(?:已经?)?(?:清|清理|清除|清扫)(?:完|干净)?(?:了)?"
    r"(?=[ \t]*+(?:[，,。；;\n]|$))"
)
# 人行道积雪环卫已经清过了, 向阳处积雪已化完: snow others cleared before the team came, or the sun
# took away, was no problem of the day.
_SNOW_GONE_WITHOUT_US = re.compile(
    r"(?:(?<=[，,。；;：:\n])|^)[ \t]*+[^，,。；;：:\n\d我俺咱]{0,10}?积雪"
    # (巷道积雪社区前两天已经清完: when they did it may come first.)
    r"(?:(?:环卫工?|物业|保洁|社区)(?:前两天|前几天|昨天|前天|早上|一早|凌晨|之前|提前)?"
    r"(?:都|均)?(?:已经?)?(?:清|清理|清扫|扫)(?:过|完|干净)"
    r"|(?:已经?)?(?:都|均|全部|基本)?(?:已经?)?(?:融化|化)(?:完|掉|开)?)了?"
    r"(?=[ \t]*+(?:[，,。；;\n]|$))[，,。；;]?"
)
# 电动车12 已 / 路灯不亮1 未 报城管了 / 楼道杂物3处 已2 未1: 已 and 未 standing alone after a
# count say done and not done.
# 电动车乱停 7 已摆放5 2辆车主不在: the count of the done typed bare after its verb.
_DONE_COUNT_BARE = re.compile(
    r"(?m)(?<=[ \t])(?P<verb>已[\u4e00-\u9fff]{1,3}?)(?P<n>\d{1,3})(?=[ \t]|$)"
)
_BARE_DONE = re.compile(r"(?m)(?<=[\d\u4e00-\u9fff])[ \t]++已(?P<n>\d{1,3})?(?=[ \t]|$)")
_BARE_NOT_DONE = re.compile(r"(?m)(?<=[\d\u4e00-\u9fff])[ \t]++未(?P<n>\d{1,3})?(?=[ \t]|$)")
# 电动车、三轮车乱停放共计25辆，其中三轮车3辆，均已规整: part of a total told after it; the total
# is the count.
_PART_OF_THE_TOTAL = re.compile(
    rf"(?P<total>(?:共计|共|合计)(?P<n>\d{{1,4}})(?P<m>[{MEASURE_WORDS}]))[，,][ \t]*+其中"
    # (…其中电动车乱停6处，商户出店经营3处…: a list of the parts, each an item, stays.)
    rf"[^，,。；;\n\d]{{1,12}}?(?P<k>\d{{1,4}})(?P=m)"
    r"(?=[ \t]*+(?:[。；;]|$|[，,][ \t]*+(?:均|都|已|全部|当场)))"
)
# 单车12 电动5 摊1 / 全清: a terse line's word for all of it cleared.
# (单车12/摊1/垃圾2袋 全处理: the same, said as handled.)
_ALL_CLEARED = re.compile(
    r"(?<![\u4e00-\u9fff])(?:全清|全部清|都清|全处理|全部处理|全整改|全部整改)(?![\u4e00-\u9fff])"
)
# 油烟：无； 醉酒：无: a template's line for a kind of problem, none of it today.
# (⑤ 流浪狗：正常，没见到 and 小广告——正常: a checklist's line for a thing all right.)
_NONE_OF_KIND = re.compile(
    rf"(?m)(?:^|(?<=[；;。\n]))[ \t]*+(?:{_CHECK_BULLET}[ \t]*+)?{_ITEM_NUMBER}"
    r"(?P<what>[\u4e00-\u9fff]{2,8}?)[ \t]*+(?:[:：]|—{1,2})[ \t]*+"
    r"(?:无|没有|未发现|暂无|(?<=[:：—])[ \t]*+(?:正常|完好|良好|无问题|没问题)"
    r"(?:[，,][ \t]*+(?:没见到|没看到|未见|无)[^\n，,；;。\d]{0,4})?(?=[ \t]*+$))"
    r"[ \t]*+(?:[；;。，,]|$)"
)


# 车 15/15, 车：12辆: 车 alone at the head of a tally line is the vehicles.
_BARE_CHE = re.compile(r"(?m)^[ \t]*+车(?=[ \t]*+[:：]?[ \t]*+\d)")
# 让他们往里挪了挪, 往边上推了推: the verb said twice is said once, done.
_VERB_TWICE = re.compile(rf"([{HANDLING}])了\1")
# 摊1 劝, 椰子摊 2个 劝走1: 摊 told with its count is the stalls.
# (检查商户9家，其中…早点摊4家 counts the shops looked at.)
# 卖对联的劝到市场去了, 有个烤地瓜的 劝走了: the one who sells, told by what is sold, is a
# stall (not 卖烤红薯的摊子, which names it, nor 买菜的).
_SELLER_BY_WARES = re.compile(
    r"(?<![买在是])(?:卖|烤|炸)[\u4e00-\u9fff]{1,4}?的"
    r"(?=[ \t]*+(?:[，,。；;]|劝|让|叫|被|已|都|又|还|也|$"
    # 俩卖拐棍的在路口, 卖香的拉着游客不撒手, 卖香的拉客的有五六个: where they stood, what they did.
    r"|在|拉|有|占|堵|挡|摆|蹲|围))"
)
_BARE_TAN = re.compile(
    r"(?m)^[ \t]*+摊(?=[ \t]*+[:：]?[ \t]*+\d)"
    r"|(?<=[\u4e00-\u9fff])(?<!摊)摊(?=[ \t]*+(?:\d{1,3}|[一两二三四五六七八九十俩仨几]{1,3})个)"
    # (单车12/摊1/垃圾2袋: one of a slashed run.)
    r"|(?<=[/／])摊(?=[ \t]*+(?:\d|[一两二三四五六七八九十俩仨]))"
)


# 水表井看了10个，都盖得好好的; 沿街查了消防栓4个、阀门井6个; 共查排水口9个，3个被冰冻住: how many
# were looked at is no count of problems (what was wrong with some of them follows).
_LOOKED_AT_RUN = (
    # (看了楼道 小广告清了12处: the space and the second 了 start what was done.)
    # (去看了是2根: what was told, seen to be so many.)
    r"(?P<run>(?:[ \t]?+(?:(?!发现|存在|隐患|问题|是)[^，,。；;：:、有了\s\d]){0,8}?(?:共|一共)?"
    r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:余|多|来)?"
    r"[个处家栋座口只根户块][、和及]?){1,6}+"
    # (井盖8个、护栏全线: the last thing looked at may be uncounted.)
    r"(?:(?<=[、和及])[^，,。；;：:、\s\d]{1,6}+)?)"
)
_LOOKED_AT_COUNT = re.compile(
    r"(?P<verb>(?:共|一共|逐个)?(?:查了|看了|检查了|排查了|共查|查看了))"
    + _LOOKED_AT_RUN
    + r"(?=[，,；;。\s]|$)"
    # 检查雨棚20处广告牌18块 发现…, 检查沙井盖十余个，未见破损: without 了, when what was
    # found (or that nothing was) follows. (检查垃圾桶9个，满溢1个 counts the bins at fault.)
    + r"|(?P<verb2>(?:共|一共|逐个)?(?:检查|排查|查看))"
    + _LOOKED_AT_RUN.replace("?P<run>", "?P<run2>")
    + r"(?=[，,；;。\s]++(?:均|都|全部|也)?(?:未|没|无|发现|完好|正常))"
)
_LOOKED_AT_NUMBER = re.compile(
    r"(?:共|一共)?(?:\d{1,3}|[一二两三四五六七八九十]{1,3})(?:余|多|来)?[个处家栋座口只根户块]"
)
# 帮独居老人打扫卫生3户: homes cleaned for others, volunteer work and no problem found.
_HOMES_CLEANED = re.compile(
    r"(?:为|帮|给)[^，,。；;、\n]{0,10}?打扫(?:室内|家庭|屋里)?卫生(?:\d{1,3}|[一二两三四五六七八九十]{1,3})户[，,、；;]?"
)
# 撒融雪剂两袋, 撒了两袋盐: what the ice was treated with is no count of the ice.
_MATERIAL_USED = re.compile(
    r"(?P<verb>撒了?|铺了?|用了?)(?:(?P<n1>\d{1,3}|[一二两三四五六七八九十几]{1,3})[袋包桶车]"
    r"(?P<what1>融雪剂|工业盐|盐|沙子|沙|炉灰|炉渣|煤渣)|(?P<what2>融雪剂|工业盐|盐|沙子|沙|炉灰|炉渣|煤渣)"
    r"(?P<n2>\d{1,3}|[一二两三四五六七八九十几]{1,3})[袋包桶车])"
)
# 扫了8个单元门口的雪, 清了3个单元门口的雪: the snow of so many doorways, cleared.
_DOORWAYS_OF_SNOW = re.compile(
    r"(?P<verb>扫|清|铲|清理|清扫|推)了?(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3}(?:来|多)?)个"
    r"(?P<where>单元门口?|楼门口?|楼道口|门口)的?(?:积?雪)"
)
# 问题4：流动摊贩1个 处理：(left empty): nothing done yet, not 处理 as a fix.
# (…2块 处理：已上报: the label is no fix; what follows it tells the outcome.)
_EMPTY_OUTCOME_LABEL = re.compile(
    r"(?m)(?<=[^\s：:])[ \t]++(?:处理|处置|整改|处理结果|处理情况|整改情况|整改结果|结果|措施)[ \t]*+[:：][ \t]*+"
    r"(?P<end>$)?"
)
# 流动摊贩5、6个, 车辆乱停7、8辆: neighbouring numbers with 、 between are a range.
_RANGE_WITH_COMMA = re.compile(
    rf"(?<![\d.、])(?P<low>\d)、(?P<high>\d)(?=[ \t]*+[{MEASURE_WORDS}])"
)
# 检查了观江亭一带6盏路灯; 对步道沿线12盏路灯、4个救生圈进行检查: how many were looked at.
_LOOKED_AT_BEFORE_THING = re.compile(
    r"(?P<verb>检查了|查看了|查了|看了)(?P<where>[^，,。；;：:、有\n\d]{0,8}?)"
    r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})[盏个处台座根只](?=[\u4e00-\u9fff]{1,6}(?:[，,。；;、\s]|$))"
)
_LOOKED_AT_BY_DUI = re.compile(r"对(?P<what>[^，,。；;\n]{1,30}?)进行了?(?=检查|巡查|排查|查看)")
_ANY_COUNT = re.compile(r"(?:\d{1,3}|[一二两三四五六七八九十]{1,3})[盏个处台座根只块]")
# 路过人民广场看到2辆僵尸车，不归我们管: seen on the way, outside the team's own site.
# (…（不是我们的路段）支援: a whole duty elsewhere, in brackets, is still reported; 这个要走维修
# 基金，不归我们管 is a problem handed on.)
_NOT_OURS = re.compile(
    r"(?:(?<=[。；;：:\n])|^)(?:[^。；;：:\n（(]{0,60}?(?:不是我们|不属于我们|不是咱们?)的?"
    # (…居民说他家楼上漏水让我们管，这个不是我们能办的: a resident's own matter.)
    r"(?:路段|点位?|网格|辖区|范围|地盘|能办|能管)"
    r"|[^。；;：:\n]{0,12}?(?:路过|路上|顺带|顺便|过来的时候)[^。；;：:\n]{0,50}?(?:不归我们|不归咱)管?)"
    r"[^。；;\n]{0,30}?(?:[。；;]|$)"
)
# 问题：3栋楼道小广告12处，老锅炉房旁建筑垃圾1堆\n处理：已清理，已联系社区清运: the outcomes
# line in the same order as the problems line; each outcome goes with its problem.
_PROBLEMS_THEN_OUTCOMES = re.compile(
    r"(?m)^(?P<head>[ \t]*+(?:发现问题|存在问题|问题|发现)[ \t]*+[:：])(?P<items>[^\n]{1,200}+)\n"
    r"[ \t]*+(?:处理情况|整改情况|处置情况|处理结果|处理|整改|处置)[ \t]*+[:：](?P<outcomes>[^\n]{1,200}+)$"
)
_LIST_CUT = re.compile(r"[，,；;]")
_BARE_OUTCOME = re.compile(r"(?:已经?|当场|现场|待|未|尚未)[\u4e00-\u9fff]{1,10}")


def _outcomes_in_order(match: re.Match[str]) -> str:
    items = [p.strip() for p in _LIST_CUT.split(match["items"].strip(" 。")) if p.strip()]
    outcomes = [p.strip() for p in _LIST_CUT.split(match["outcomes"].strip(" 。")) if p.strip()]
    if (
        len(items) < 2
        or len(items) != len(outcomes)
        # (整改：跨门营业、占道堆物全部当场整改；…: outcomes that name their items match by
        # what they name, later.)
        or not all(_BARE_OUTCOME.fullmatch(outcome) for outcome in outcomes)
    ):
        return match.group()
    paired = "；".join(f"{item}，{outcome}" for item, outcome in zip(items, outcomes, strict=True))
    return f"{match['head']}{paired}。"


# 一数十七辆, 一溜十二辆: counted, and in a row; the count is what stays.
_COUNTED_IN_PASSING = re.compile(r"一(?:数|溜|共是)(?=[\d一二两三四五六七八九十])")
# 单元门口积雪 4个单元: units of a building counted are places.
# (两个单元清理了小广告 says where the work was, not how many problems.)
_UNITS_COUNTED = re.compile(r"(?<=[\d一二两三四五六七八九十])个单元(?=[，,。；;、\s]|$)")
# 外墙批荡脱落3栋, C级危房2栋: so many buildings with the fault (3栋门口 is a place).
_BUILDINGS_WITH_FAULT = re.compile(
    r"(?<=脱落|危房|开裂|裂缝|渗漏|漏雨|漏水|松脱|破损|损坏|倾斜)(?P<n>\d{1,3})栋(?=[，,。；;、\s]|$)"
)


def _rest_named(match: re.Match[str]) -> str:
    if match["what"]:
        return f"{match['what']}{match['n']}{match['m'] or ''}"
    return f"{match['told']}{match['n2']}{match['m2'] or ''}"


# 电瓶车 15/15 垃圾 2/2 河面漂浮物 1/0（报河长）: several found/fixed pairs in one line.
_PAIR_IN_RUN = re.compile(
    rf"(?<=[\u4e00-\u9fff）)])[ \t]*+{_PAIR_FOUND}[ \t]*+/[ \t]*+{_PAIR_FIXED}(?![\d/])"
)


# 车12/12 广3/3 垃2/2 井1/0: a tally's things cut to their first character.
_ONE_CHARACTER_THING = re.compile(
    r"(?<![\u4e00-\u9fff])[车广垃井护灯雪冰摊](?=[ \t]*+\d{1,3}[ \t]*+/)"
)
_THING_IN_FULL = {
    "车": "车辆",
    "广": "小广告",
    "垃": "垃圾",
    "井": "井盖",
    "护": "护栏",
    "灯": "路灯",
    "雪": "积雪",
    "冰": "结冰",
    "摊": "摊贩",
}


def _pairs_in_runs(text: str) -> str:
    """Lines with two or more ``thing N/M`` pairs are tallies (one alone may be a date)."""
    if "/" not in text:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if len(_PAIR_IN_RUN.findall(line)) >= 2:
            line = _ONE_CHARACTER_THING.sub(lambda m: _THING_IN_FULL[m.group()], line)
            lines[index] = _PAIR_IN_RUN.sub(lambda m: _found_and_fixed(m) + "；", line)
    return "\n".join(lines)


_CLEARED_SOME = re.compile(r"(?:全|都)?清(?:完|掉|理|运|走)?(?P<n>[^\s]*)")


def _found_and_fixed(match: re.Match[str]) -> str:
    found = f" {match['found']}{match['m'] or '个'}"
    cleared = _CLEARED_SOME.fullmatch(match["fixed"])
    if cleared and cleared["n"]:
        return f"{found}，已清理{cleared['n']}{match['m'] or '个'}"  # 小广告 7/清5
    if cleared:
        return f"{found}，已处理{found}"  # 垃圾 一两袋/清: all of it
    if not match["fixed"].isdigit():
        return f"{found}，{match['fixed']}"  # 垃圾桶满溢 2/报环卫: what became of it
    if int(match["fixed"]) == 0:
        return f"{found}，未处理"  # 井盖 1/0: none of it fixed
    return f"{found}，已处理{match['fixed']}{match['m'] or '个'}"


# A found/fixed pair as _found_and_fixed writes it, in a line of them (the cleaned text).
TALLIED_PAIR = re.compile(
    rf"[\d一二两三四五六七八九十俩仨余多来][{MEASURE_WORDS}]，(?:已处理[^，；]{{1,8}}|未处理)；"
)


# 1.问题：牛皮癣小广告；位置：沿线电线杆；数量：7处；责任单位：值班组；整改时限：当场: a form's
# fields on one line; the item is where, what and how many, the rest is for the office.
_FIELD_FORM_LINE = re.compile(
    r"(?m)问题[ \t]*+[:：][ \t]*+(?P<item>[^；;:：\n]{1,30})[；;][ \t]*+"
    r"(?:位置|地点|点位)[ \t]*+[:：][ \t]*+(?P<place>[^；;:：\n]{1,30})[；;][ \t]*+"
    r"数量[ \t]*+[:：][ \t]*+(?P<n>[^；;:：\n]{1,12})"
    r"(?:[；;][ \t]*+责任(?:单位|人)[ \t]*+[:：][^；;\n]{0,30})?"
    r"(?:[；;][ \t]*+(?:整改时限|时限|完成时限)[ \t]*+[:：][ \t]*+(?P<due>[^；;\n]{0,60}))?"
)
# (往日遗留问题，本次不计数 said in the deadline's field still says so.)
_NOT_COUNTED_NOTE = re.compile(r"不计|不算|遗留|不重复")


def _field_form_line(match: re.Match[str]) -> str:
    due = match["due"] or ""
    note = f"，{due}" if _NOT_COUNTED_NOTE.search(due) else ""
    return f"{match['place']}{match['item']}{match['n']}{note}"


# Vunz（人员）：…, Note: …: a word in Latin letters before a colon is a label, not a name.
_LATIN_LABEL = re.compile(
    r"(?<![A-Za-z])[A-Za-z]{2,12}[ \t]*+(?=(?:[（(][^（()）\n]{1,6}[）)])?[ \t]*+[:：])"
)
# 问题: 楼道小广告 数量: 12 状态: 已处理: one line of a form; the count belongs to its item.
_FORM_LINE = re.compile(
    r"(?m)^[ \t]*+问题\s*+[:：]\s*+(?P<item>[^\n:：]{1,30}?)\s*+数量\s*+[:：]\s*+(?P<n>[^\s:：]{1,8})"
    r"\s*+状态\s*+[:：]\s*+(?P<state>[^\n]{1,30})$"
)


def _form_line(match: re.Match[str]) -> str:
    count = match["n"] + ("处" if match["n"].isdigit() else "")
    return f"{match['item']}{count}，{match['state']}"


# 未完成2处：1.…: a heading over the open items, its count theirs.
_OPEN_HEADING_COUNT = re.compile(r"(?<=未完成)\s*+\d{1,3}\s*+[处个项](?=\s*+[：:])")
# 对小区内乱停放的电动车进行了规范摆放，共计15辆: the formal way to say it was put right.
_DONE_TO = re.compile(
    r"(?:同时|并|还|另)?对(?P<thing>[^，,。；;\n对]{2,20}?)进行了?"
    r"(?P<verb>规范摆放|集中清理|清理|整理|清扫|摆放|劝离|拆除|清除|铲除)"
)
# 上述第1、2、5项已当场整改: the items above, by number.
_ABOVE_BEFORE_REFS = re.compile(r"(?:上述|以上|前述)(?=第)")
# 发现12处 整改10处 移交2处: the day's totals, typed short.
_SHORT_TOTALS = re.compile(
    r"(?<![\u4e00-\u9fff])发现(?=\s*+\d{1,4}\s*+[处个项][，,、\s]\s*+(?:已?整改|处理|处置))"
)
_REST_NAMED = re.compile(
    r"(?:其余|其他|剩余|剩下的?)(?P<n>\d++|[一二两三四五六七八九十百]++)(?P<m>处|个|起|项|辆)?+"
    r"[（(](?:均为|均系|都是|全是|全部为|为|系)?+(?P<what>[^（）()，,。；;\n]{1,20}+)[）)]"
    # 其余13处为电动车乱停放，已摆放整齐: the same, told without brackets (剩余2处为夜市固定摊位
    # after 当场规范3处 is the rest of one item, not of the total).
    # (其余5辆为商户车辆 after 电动车已摆放15辆 is the rest of one item, counted in its things.)
    r"|(?:其余|其他)(?P<n2>\d++|[一二两三四五六七八九十百]++)(?P<m2>处|个|起|项)?+"
    r"(?:均为|均系|都是|全是|全部为|为|系|是)(?P<told>[^（）()，,。；;：:\n]{2,20}+)(?=[，,。；;\n]|$)"
)
# 合计 12 / 10, 总计 13 整改 12, 共9处 整改8处: a list's last line, found then fixed.
# (…路平。共4处，处理3处，沙发物业说下午来拉: after a full stop, and before a word on the rest.)
_TALLY_TOTAL_LINE = re.compile(
    r"(?m)(?:^|(?<=[。；;]))[ \t]*+(?:合计|总计|共计|共)[:：]?[ \t]*+(?P<found>\d{1,4})[ \t]*+[处个项]?+[ \t]*+"
    r"(?:/|[，,、]?+[ \t]*+(?:已?整改|处理|解决)[:：]?)[ \t]*+(?P<fixed>\d{1,4})[ \t]*+[处个项]?+[ \t]*+"
    r"(?=[。；;，,]|$)"
)
# 今天发现4处整改4处, 发现8处整改7处，未整改1处：…: the totals typed as one word run.
_TOTALS_RUN_TOGETHER = re.compile(
    r"(?:今天|今日|本次|共)?发现(?P<found>\d{1,4})[处个项][ \t]*+(?P<verb>已?整改|处理|处置|解决)(?P<fixed>\d{1,4})[处个项]"
)
# 发现12，整改10，待办2: the day's totals with the measure left out.
_BARE_TOTALS = re.compile(
    r"(?<![\u4e00-\u9fff])发现\s*+(?P<found>\d{1,4})(?P<sep>\s*+[，,、/]\s*+|\s++)"
    r"(?P<verb>已?整改|处理|处置|解决)\s*+(?P<fixed>\d{1,4})(?![\d处个项起条])"
)
# 楼道小广告：3号楼2处、5号楼1处、7号楼3处: one problem counted at several places.
# (Places only: buildings, doors and sides; 充电插座2处、楼道杂物2处 lists things.)
_PLACE = r"(?:\d{1,3}(?:号楼|号|栋|幢|单元)|[\u4e00-\u9fff]{1,5}?(?:门口|路口|巷口|[东西南北]侧|门前|楼下))"
_PLACE_COUNT = rf"{_PLACE}\s*+\d{{1,3}}\s*+[处个辆件张堆袋根]"
_COUNTED_AT_PLACES = re.compile(
    rf"(?<=[\u4e00-\u9fff])\s*+[：:]\s*+(?P<list>{_PLACE_COUNT}(?:、{_PLACE_COUNT}){{1,19}})(?=[，,。；;\s]|$)"
)
_ONE_PLACE_COUNT = re.compile(
    rf"(?P<place>{_PLACE})\s*+(?P<n>\d{{1,3}})\s*+(?P<m>[处个辆件张堆袋根])"
)


def _total_of_places(match: re.Match[str]) -> str:
    parts = list(_ONE_PLACE_COUNT.finditer(match["list"]))
    total = sum(int(part["n"]) for part in parts)
    places = "、".join(part["place"] for part in parts)
    return f"{total}{parts[0]['m']}（{places}）"


# 捡拾垃圾两编织袋, 一蛇皮袋: bags of a kind are bags.
_KIND_OF_BAG = re.compile(
    r"(?<=[\d一二两三四五六七八九十几])(?:大)?(?:编织袋|蛇皮袋|塑料袋|垃圾袋)"
)
# 出店经营：3个摊位; 1个摊位私拉电线: the stalls are what is counted, the count's measure.
_STALLS_COUNTED = re.compile(r"(?<=[\d一二两三四五六七八九十几])个摊位")
# 问：处理？答：单车摆齐15辆: a report written as questions and answers; the question is the
# answer's label.
_QUESTION_AND_ANSWER = re.compile(
    r"问\s*+[：:]\s*+(?P<q>[^？?\n：:]{1,10}?)\s*+[？?]\s*+答\s*+[：:]"
)
# 劝导闯红灯的十来个人次: 个 before 人次 counts the same times.
_GE_PERSON_TIMES = re.compile(r"(?<=[\d十百几来多余])个(?=人次)")
# 散放牛4头, 牛两头在坡上, 赶走3头: livestock counted by 头, as 只 (两头跑 is no count).
_HEAD_OF_LIVESTOCK = re.compile(
    r"(?:(?<=[牛猪羊驴骡])|(?<=赶走|牵走|赶离|赶回|牵回|赶跑|赶出))(?P<between>[^，,。；;\n\d]{0,6}?)"
    r"(?P<n>\d{1,3}|[一二两三四五六七八九十几俩仨]{1,3})头"
)
# 晒鱼干4户，占道约30米，劝收3户: how far the item before takes up the pavement, no item.
_EXTENT_TAKEN_UP = re.compile(
    r"[，,][ \t]*+占(?:道|用人行道|用道路|路|用路面)(?:约|大约|长约|近|达)?\d{1,4}(?:多|余)?米(?=[，,；;。])"
)
# 已劝离2个另1个已交市场管理处: the rest of a count starts a clause of its own.
_REST_OF_A_COUNT = re.compile(
    r"(?<=[\d一二两三四五六七八九十][个辆处家户只块张件])(?=(?:另外?|其余|剩下|剩余)[\d一二两三四五六七八九十])"
)
# 发现问题：共6类31处: how many kinds says nothing the count does not.
_KINDS_BEFORE_COUNT = re.compile(
    r"(?<=共)[\d一二三四五六七八九十]{1,2}大?类(?=[\d一二三四五六七八九十]{1,4}[处个件起])"
)
# 三轮车、代步车都停在划线区内，没有占道; 摊位基本都摆在划线里面，只有2摊出线: parked or set out
# within the lines is things in order; only an exception after it, with its count, is an item (of
# the thing named before). Found by its verb and place first, then read back to the thing, so a
# long message costs one scan.
_WITHIN_THE_LINES = re.compile(
    r"(?:停|摆|放)(?:得|的)?在(?:划线|线|白线|停车线|黄线)(?:区|框)?(?:内|里面?|里头|以内)"
)
_HOW_ORDERLY = re.compile(r"(?:基本上?|大部分|大多|均|也)?(?:都|全)?(?:规规矩矩|整整齐齐|整齐)?地?")
_EXCEPTION_AFTER = re.compile(
    r"[，,][ \t]*+(?P<rest>(?:只有|就|但是?|仅)?[^，,。；;：:\n\d]{0,8}?)(?=[\d一二两三四五六七八九十几俩仨])"
)
_CLAUSE_MARKS = "，,。；;：:\n"
_THING_SPAN = 16  # characters of the thing named before the words of how orderly


def _within_the_lines(text: str) -> str:
    if "线" not in text:
        return text
    out: list[str] = []
    done = 0
    for place in _WITHIN_THE_LINES.finditer(text):
        if place.start() < done:
            continue
        window = max(done, place.start() - 2 * _THING_SPAN - 8)
        start = window
        for index in range(place.start() - 1, window - 1, -1):
            if text[index] in _CLAUSE_MARKS:
                start = index + 1
                break
        # (车子都停在线里: 车子 is the thing, 都 how orderly.)
        orderly = next(
            at
            for at in range(start, place.start() + 1)
            if _HOW_ORDERLY.fullmatch(text, at, place.start())
        )
        start = max(start, orderly - _THING_SPAN)
        exception = _EXCEPTION_AFTER.match(text, place.end())
        # (…基本停在划线内，有4辆歪的 → 摩托车有4辆歪的: the exception, of the thing named.)
        kept = f"{text[start:orderly]}{exception['rest']}" if exception else ""
        out.append(text[done:start])
        out.append(kept)
        done = exception.end() if exception else place.end()
    out.append(text[done:])
    return "".join(out)


# 楼道小广告原来说8处，后来…数了一遍是11处: the count first said, before the recount.
_FIRST_SAID = re.compile(
    r"(?:原来|原先|开始|本来)(?:说|讲|报|写)的?(?=[约大概]{0,2}[\d一二两三四五六七八九十几])"
)
# 劝导 十来个人 on a tally line of its own: the people urged, 劝导…人次 written short.
_URGED_PEOPLE_LINE = re.compile(
    r"(?m)^(?P<lead>[ \t]*+(?:劝导|劝阻|提醒|引导)[ \t]*+)"
    r"(?P<n>\d{1,4}|[一二两三四五六七八九十几]{1,3})(?P<about>余|多|来)?(?:个|名|位)?人[ \t]*+$"
)
# 收竿走咯, 摆好咯: 咯 after a verb's result is 了 (Nanchang, Changsha, Hainan speech).
_LO_AFTER_RESULT = re.compile(r"(?<=[走好完掉齐净开回起])咯")
# 电动车乱停6俩: after a digit 俩 is 辆 typed by sound (俩 alone is two).
_LIANG_AFTER_DIGIT = re.compile(r"(?<=\d)俩")
# 有两台车停人行道上了: 台 for cars, as 辆.
_TAI_FOR_CARS = re.compile(
    r"(?<=[\d一二两三四五六七八九十几俩仨])台(?=车|小车|轿车|面包车|私家车|货车|三轮)"
)
# 共享单车 ×7: the times sign typed after a space still counts the thing before it.
_SPACE_BEFORE_TIMES = re.compile(r"(?<=[\u4e00-\u9fff）)])[ \t]++(?=[×xX＊*][ \t]*+\d)")
# 电动车堵消防通道 x3-4: a range after the times sign, not a date.
_TIMES_RANGE = re.compile(
    r"[×xX＊*][ \t]*+(?P<range>\d{1,3}[ \t]*+[-~～][ \t]*+\d{1,3})(?![\d月日号./])"
)
_COUNT_WORD = re.compile(r"数量\s*+[:：]?\s*+(?=[×xX*＊]?\s*+\d)")
_HAS_LATIN = re.compile(r"[A-Za-z]")
# 电瓶车乱停 12 摆好了: a bare count between spaces, typed after its item; given a measure word
# so that it reads as the count.
_SPACED_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff）)] )(?P<n>\d{1,3}) "
    # …before what was done with it (not 已摆好 2 烟头纸屑, a list number).
    r"(?=[已摆理扫清劝报推收挪拖撕铲捡整规码排扶都全当现敲刨砸搬抬拆摘✔✅☑✖❌]|\s*+$)"
)
_BARE_QING = re.compile(
    r"(?:(?<=^)|(?<=[\s，,。；;：:、]))清(?![理扫除运走掉完空点楚晨明单洁水新真算一退])"
    # …before what is cleared (not 清和街, a street's name).
    r"(?=[\u4e00-\u9fff]{0,8}?(?:垃圾|广告|杂物|烟头|落叶|淤泥|积水|纸屑|树枝|断枝|牛皮癣|积雪|雪|冰|"
    r"渣|灰|粪|污|油|泥|沙|土|草|叶|屑|袋|堆|处|车|[\d一二两三四五六七八九十几])|[。；;，,！!\s]|$)"
)
_SAID_TWICE = re.compile(r"([\u4e00-\u9fff]{2,8})[，, ](?=\1(?:[，,。；;\s]|$))")
# 二十多辆二十多辆, 满了满了: said twice without a pause (one character doubled is a word: 慢慢;
# 一辆一辆 is one by one).
_SAID_TWICE_RUN = re.compile(r"((?!一)[\u4e00-\u9fff]{2,8}?)\1")
_ROW_NUMBER = re.compile(
    r"(?m)^[ \t]*+(?P<n>\d{1,2})[ \t｜]++(?=[\u4e00-\u9fff])(?![月日号点时分年周])"
)
_COUNT_CELL = re.compile(
    # (People counted keep their measure: their item says what they did wrong.)
    r"(?<=[\u4e00-\u9fff）)])\s*+｜\s*+(?P<n>\d{1,4})\s*+(?P<m>[名人位]?)\s*+｜"
)
# 更正：是6处: the correction and its number in one clause.
# 更正：电动车是8辆: and with the thing it corrects named first.
_CORRECTION_COLON = re.compile(
    r"更正\s*+[：:]\s*+(?=(?:[\u4e00-\u9fff]{1,10}?(?:应为|应该是|改为|是)|应为|是)?\s*+"
    r"[\d一二两三四五六七八九十])"
    # 电动车乱停7辆，更正一下，是9辆: said as an aside, before the right number.
    # (…7辆，更正一下是6辆: without the second comma too.)
    r"|(?:更正一下|纠正一下|更正)\s*+[，,]\s*+(?=(?:是|应为|应该是)\s*+[\d一二两三四五六七八九十])"
    r"|(?<=[，,])\s*+(?:更正一下|纠正一下)\s*+(?=(?:是|应为|应该是)\s*+[\d一二两三四五六七八九十])"
)
# 电动车乱停有五辆，不是，六辆: set off by commas, 不是 puts the count right (not 是2处，不是3处).
_NOT_BUT = re.compile(
    # (十二辆 哦不是 十一辆: a filler before it.)
    rf"(?<=[{MEASURE_WORDS}])(?:\s*+[，,]\s*+|[ \t]++)(?:[哦噢喔呃嗯啊][，,]?\s*+)?(?:不是|唔系|唔是|不系)"
    r"(?:\s*+[，,]\s*+|[ \t]++)(?=[\d一二两三四五六七八九十])"
)
# 有1个井盖松了，哦不是1个是2个: the count said again after what was wrong, then the right one.
_RECOUNT_AFTER_FAULT = re.compile(
    rf"(?P<n>\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})(?P<m>[{MEASURE_WORDS}])(?P<mid>[^，,。；;\n\d]{{1,10}}?)"
    rf"[，,]\s*+[哦噢喔嗯]?\s*+不是\s*+(?P=n)(?P=m)\s*+(?:是|而是)\s*+"
    rf"(?P<k>\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})(?P=m)"
)
# 出店经营7家，哦是6家: 哦是 before a count puts the one before right.
_OH_IT_IS = re.compile(
    rf"(?<=[{MEASURE_WORDS}])[，,]\s*+(?:[哦噢喔]|其实|实际上?)\s*+是\s*+(?=[\d一二两三四五六七八九十])"
)
# 十来辆，不对，额数错咧，是十二辆: owning the slip, then the right count.
_MISCOUNTED_IT_IS = re.compile(
    rf"(?<=[{MEASURE_WORDS}])[，,]\s*+(?:不对|错了)[，,]\s*+(?:[我额俺咱]们?)?(?:数|说|写|记|算)错[了咧啦]?"
    rf"[，,]\s*+(?:应该)?是\s*+(?=[\d一二两三四五六七八九十])"
)
# 铲了二十来张 不是二十来张是三十来张, 冰包铲了俩 不是俩是仨: the count said again, then the right one.
_NOT_THAT_BUT = re.compile(
    # (捡了大概五袋，哦不是五袋是四袋: a filler before it too.)
    rf"(?<=[{MEASURE_WORDS}俩仨])[ \t]*+[，,]?[ \t]*+(?:[哦噢喔呃嗯][，,]?)?(?:不是|唔系)[ \t]*+"
    rf"(?:[\d一二两三四五六七八九十俩仨来余多几]{{1,6}}[{MEASURE_WORDS}]?)?[ \t]*+[，,]?[ \t]*+(?:是|而是)[ \t]*+"
    r"(?=[\d一二两三四五六七八九十俩仨])"
)
# 收拾了七堆不对是九堆, 有三个不对是四个井盖: voice input putting a count right with no pause;
# only the right count is read.
_COUNT_PUT_RIGHT_AT_ONCE = re.compile(
    rf"(?<![\d一二两三四五六七八九十])(?:\d{{1,4}}|[一二两三四五六七八九十几]{{1,4}})[{MEASURE_WORDS}]"
    r"[哦噢喔]?(?:不对|说错了|讲错了)(?:应该)?是?(?=\d|[一二两三四五六七八九十俩仨])"
)
# 楼道小广告*8 不对是6: a bare count put right at once; the right one stands alone.
# 劝他走哩, 叫她们收摊了, 让人家离开: the one told, between the telling and the going.
# 有小孩在楼道里放炮仗 说了 不放了; 劝了，不洗了: told, and they stopped.
_TOLD_AND_STOPPED = re.compile(
    r"(?P<told>说了|劝了|讲了|说了说|劝了劝|说了他们|说了他)(?P<sep>[，,。 \t]*+)"
    r"(?:他们|她们|他|她|人家|小孩)?(?:就|也)?不(?:再)?[放扔摆倒烧吐洗晒抽卖弄玩](?:了|啦)"
)
# 已督促住户清理，明天复查: urged, and to be looked at again, so not done yet.
_URGED_THEN_RECHECK = re.compile(
    r"(?P<urged>督促[^，,。；;\n]{1,12}?)[，,]\s*+"
    r"(?=(?:明天|明日|次日|后天|下周|过两天|隔天|改天)?再?(?:复查|回查|再查|跟踪))"
)
_TOLD_HIM_TO_GO = re.compile(r"(?P<tell>[劝叫让喊])(?:他们|她们|他|她|人家)(?P<go>走|离开|收摊)")
_BARE_COUNT_PUT_RIGHT = re.compile(
    r"(?<=[\u4e00-\u9fff\s*×xX＊])(?P<wrong>\d{1,4})[ \t]*+[，,]?[ \t]*+(?:不对|错了|说错了)"
    r"[ \t]*+[，,]?[ \t]*+(?:是|应该是)?[ \t]*+(?P<right>\d{1,4})(?![\d.])"
)
_PAIR_WORD_AFTER_CORRECTION = re.compile(r"(?<=不对，)[俩仨](?![\u4e00-\u9fff])")
_CORRECTED_SPACE = re.compile(
    r"(?P<word>不对|说错了|错了|口误)(?:\s++|\s*+[，,]\s*+)"
    rf"(?=(?:{RECOUNTED})?(?:是|应该是)?\s*+[\d一二两三四五六七八九十])"
)
# 电动车乱停放6辆（更正：刚才数漏了，是8辆）: a correction in brackets after the count.
_BRACKETED_CORRECTION = re.compile(
    # (刚才数错了，更正为14辆: a few words of why first.)
    # (刚数错了，是8辆: the count before was wrong.)
    r"[（(]\s*+[^）)（(\n]{0,10}?(?:更正|纠正|修正|数错|数漏|数重|数差|写错|改一下|改正)[^）)\n]{0,16}?"
    r"(?:应该是|应为|改为|为|是|(?<=更正)\s*+[:：])\s*+"
    # (11（更正：10）: in a table's cell, the measure left to the column.)
    rf"(?P<n>\d{{1,4}}|[一二两三四五六七八九十百]{{1,4}})\s*+(?P<m>[{MEASURE_WORDS}])?\s*+[）)]"
)
# 共享单车又让人扔得哪哪都是: 让人/叫人 before what was done to a thing is the passive, not a
# request (叫人来清理 stays one).
_PASSIVE_BY_PEOPLE = re.compile(
    r"(?:让|叫)(?=(?:人|风|雪|雨|车|狗)[扔丢撕踩推弄搞划砸偷占堆撞压吹刮淋冲碾刨])"
)
_MARKED_COUNTS = re.compile(r"(?P<mark>[✅✔☑])\s?+(?P<n>\d{1,4})\s*+(?=[❌✖❎✘])")
# English words young staff type for how things ended (帮忙破袋 done, 已 fix, pending).
# 垃圾桶 ok / 井盖 ok on a line of its own, no count: looked at and fine.
_THING_OK = re.compile(r"(?mi)^(?P<what>[ \t]*+[\u4e00-\u9fff]{1,8}+)[ \t]*+ok[ \t]*+$")
_ENGLISH_STATUS = re.compile(
    # 电动车×6 ok, 梯坎垃圾 2袋 ok: ok after a count ends its line as done; TODO is still to do.
    # (垃圾桶 ok with no count: the bins were looked at and fine.)
    rf"(?i)(?:(?<=[\d俩仨干些])|(?<=[\d一二两三四五六七八九十几][{MEASURE_WORDS}]))[ \t]++ok(?=[ \t]*+(?:\n|$))|(?<![a-z])todo(?![a-z])|"
    r"(?<![a-z])(?:all\s+fixed|all\s+done|today\s+done|done|fixed|已\s*fix(?:ed)?|fix\s*(?:了|掉了?|好了?)|"
    r"pending|all\s+good\s+otherwise|check\s*过了?|ok\s*了|"
    # 小广告 x12 cleaned, 共享单车 5 → 3 moved: what was done, in English.
    r"cleaned|cleared|picked\s+up|picked|moved|lined\s+up|removed|tidied|reported)(?![a-z])"
)
# 图1 整改前：社区活动中心旁电动车乱停 / 图2 整改后：已摆放整齐 … 小结：…整理电动车11辆: before-and-
# after captions, then a summary that tells the same things with their counts; the summary counts.
_BEFORE_AFTER_CAPTION = re.compile(
    r"[ \t]*+(?:图片?|照片)[ \t]*+\d{1,2}[ \t：:]*+(?:整改|处理|清理)[前后][^\n]{0,40}+"
)
_SUMMARY_LINE = re.compile(r"[ \t]*+(?:小结|总结|汇总)[ \t]*+[：:]")


def _captions_before_summary(text: str) -> str:
    """The text without runs of before-and-after captions that a summary follows (at once or
    after one more line); line by line, so its time grows with the text, not its square."""
    if "图" not in text and "照片" not in text:
        return text
    lines = text.split("\n")
    dropped: set[int] = set()
    index = 0
    while index < len(lines):
        if not _BEFORE_AFTER_CAPTION.fullmatch(lines[index]):
            index += 1
            continue
        end = index
        while end < len(lines) and _BEFORE_AFTER_CAPTION.fullmatch(lines[end]):
            end += 1
        following = lines[end : end + 2]
        if (following and _SUMMARY_LINE.match(following[0])) or (
            len(following) == 2 and len(following[0]) <= 40 and _SUMMARY_LINE.match(following[1])
        ):
            dropped.update(range(index, end))
        index = end
    return "\n".join(line for i, line in enumerate(lines) if i not in dropped)


# 图1：…已清理；图4、图5：…: a photo's caption number, no count.
_CAPTION = re.compile(
    r"(?m)^[ \t]*+(?:图片?|照片|附图)\s*+\d{1,2}(?:\s*+[、,，和~～-]\s*+(?:图片?|照片)?\s*+\d{1,2}){0,6}"
    # 图1 和顺路口: a caption typed with a space, the place it shows after it.
    r"(?:\s*+[：:]|[ \t]++(?=[\u4e00-\u9fff]))"
)
# 电动车乱停放5辆（椰林路口公交站旁）图1, 垃圾桶满溢1处（图3）: which photo shows it, after the
# item; no count.
_PHOTO_NUMBER = re.compile(
    r"[（(][ \t]*+(?:见|如)?(?:图片?|照片|附图)[ \t]*+\d{1,2}[ \t]*+[）)]"
    r"|(?:(?<![\u4e00-\u9fff])|(?<=见|如))(?:图片?|照片)[ \t]*+\d{1,2}(?![\d.．、])(?=[ \t]*+(?:$|[，,。；;\n]))"
)
# 处置前后照片：4张, 现场照片 3张: a form's field for the photos sent, no count.
_PHOTOS_FIELD = re.compile(
    r"(?m)^[ \t]*+[\u4e00-\u9fff]{0,6}?(?:照片|图片|相片|附图)[ \t]*+[：:]?[ \t]*+"
    r"(?:\d{1,2}|[一二两三四五六七八九十])[ \t]*+张[ \t]*+$"
)
# 2.【港湾路口公交站】共享单车占用盲道4辆: an item's place in brackets, before what is there.
_PLACE_IN_BRACKETS_FIRST = re.compile(
    r"(?m)^(?P<lead>[ \t]*+(?:\d{1,2}[、.．]|[①-⑳])[ \t]*+)【(?P<place>[^【】\n]{1,12})】"
    r"(?=[\u4e00-\u9fff])"
)
# 3、5、7号楼楼道堆物: the buildings of one item, not a list of items.
# (After a word, not at the start of a line: 1、4号楼前油污 is item 1.)
_BUILDING_LIST = re.compile(
    r"(?<=[\u4e00-\u9fff])\d{1,3}(?:、\d{1,3}){1,8}+(?=\s?(?:号楼|号|栋|幢|单元))"
)
# K0+300处, K0+520~K0+650: a chainage along a road or river, a place, not a count.
_CHAINAGE = re.compile(
    r"[Kk]\d{1,3}\s*+\+\s*+\d{1,4}(?:\s*+[~～-]\s*+[Kk]\d{1,3}\s*+\+\s*+\d{1,4})?(?:处)?"
)
# 整改的等下发, 整改情况稍后补: the fixes are to follow in another message; no fix here.
_FIXES_TO_FOLLOW = re.compile(
    r"(?:整改|处理)(?:情况|结果|的)?\s*+(?:等下|等一下|等会儿?|一会儿?|稍后|晚点|待会儿?|随后)"
    r"(?:再)?(?:发|补|报|上报|补发|发上来)?"
)
# 单车 approx 15架: English for "about" before a number.
_ENGLISH_ABOUT = re.compile(
    r"(?i)(?<![a-z])(?:approx(?:imately)?|about|around|abt|ca)\.?\s*+(?=[~～]?\d)"
)
# (哈~ 7网格那边…: a cheerful tilde ends the sentence; about is a count, not a grid's number.)
_TILDE_ABOUT = re.compile(
    r"(?:(?<![\d\s~～])\s*+[~～]\s*+|(?<=\s)[~～])(?=\d)(?!\d{1,3}[ \t]*+(?:网格|号|栋|幢|单元|组))"
)
_ENGLISH_MEANING = {
    "ok": "已处理",
    "todo": "待处理",
    "all fixed": "全部已处理",
    "all done": "全部已完成",
    "today done": "今天已完成",
    "done": "已完成",
    "fixed": "已处理",
    "pending": "待处理",
    "all good otherwise": "其他正常",
    "cleaned": "已清理",
    "cleared": "已清理",
    "picked up": "已捡拾",
    "picked": "已捡拾",
    "moved": "已挪走",
    "lined up": "已摆放",
    "removed": "已清除",
    "tidied": "已整理",
    "reported": "已上报",
}


# 🚲×22 ✅, 🛵压盲道×3: emoji for the things counted.
# (Only before a count or a word: 推到了划线区域里🏍️ ends with a decoration.)
_EMOJI_WORDS = {
    "🚲": "单车",
    "🛵": "电动车",
    "🏍": "摩托车",
    "🚗": "汽车",
    "🚬": "烟头",
    "🗑": "垃圾桶",
}
# (电动车乱停(8)🛵 摆好: after a count in brackets the picture only shows the thing named.)
_EMOJI_THING = re.compile(
    rf"(?<![)）])[{''.join(_EMOJI_WORDS)}]\ufe0f?(?=[ \t]*+[×xX*＊\u4e00-\u9fff])"
)
# Pinyin initials young staff type for the things they count (ddc+15, xgg 3处, gx单车).
_PINYIN_INITIALS = {
    "ddc": "电动车",
    "xgg": "小广告",
    "gxdc": "共享单车",
    "gx": "共享",
    "zxc": "自行车",
    "mtc": "摩托车",
    "ljt": "垃圾桶",
    # and the English words they use for them (bike 15 done, 垃圾 2 bags cleared).
    "bike": "单车",
    "bikes": "单车",
    "ebike": "电动车",
    "ebikes": "电动车",
    "e-bike": "电动车",
    "e-bikes": "电动车",
    "bag": "袋",
    "bags": "袋",
}
_PINYIN_THING = re.compile(
    r"(?i)(?<![a-z])(?:ddc|xgg|gxdc|zxc|mtc|ljt|gx(?=单车)|e-?bikes?|bikes?|(?<=\d )bags?|(?<=\d)bags?)"
    r"(?![a-z])"
)


def _english(match: re.Match[str]) -> str:
    said = re.sub(r"\s+", " ", match.group().lower()).strip()
    if said in _ENGLISH_MEANING:
        return " " + _ENGLISH_MEANING[said]
    if said.startswith("check"):
        return "查看过了"
    if said.startswith("ok"):
        return "好了"
    return "已处理"


# Arrows say "and then": 垃圾一堆→已清运.
_ARROW_TO_DONE = re.compile(r"(?:-+>|=+>|→|⇒|➡|➔)\s*+(?=[摆清扶撕铲捡扫拖挪劝收拆整规码归理推搬])")
_ARROW = re.compile(r"-+>|=+>|→|⇒|➡|➔")


def _slip(match: re.Match[str]) -> str:
    word = match.group()
    if word == "代":
        return "袋"
    if word == "咯":
        return "了"
    return _SLIPS.get(word, "已")


@cache
def _to_simplified() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _bare_qing_outside_names(text: str, keep: tuple[str, ...]) -> str:
    """清垃圾 7袋 is 清理; not in the unit's names (清河社区)."""
    kept = _kept_pattern(keep) if "清" in text else None
    if kept is None:
        return _BARE_QING.sub("清理", text)
    named = {m.start() for m in kept.finditer(text)}
    return _BARE_QING.sub(lambda match: match.group() if match.start() in named else "清理", text)


def keep_unit_spelling(text: str, words: tuple[str, ...]) -> str:
    """The unit's own names as the unit file writes them, where reading traditional characters
    as simplified changed them (张乾 is not 张干, 李昇 is not 李升)."""
    pattern, written = _respelling(words)
    if pattern is None:
        return text
    return pattern.sub(lambda match: written[match.group()], text)


@lru_cache(maxsize=16)
def _respelling(words: tuple[str, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    converter = _to_simplified()
    written = {converter.convert(word): word for word in words}
    written = {changed: word for changed, word in written.items() if changed != word}
    if not written:
        return None, {}
    alternatives = "|".join(map(re.escape, sorted(written, key=len, reverse=True)))
    return re.compile(alternatives), written


@lru_cache(maxsize=16)
def _kept_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    kept = sorted({word for word in words if len(word) >= 2}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, kept))) if kept else None


def _slips_put_right(text: str, keep: tuple[str, ...]) -> str:
    """The input method's slips and dialect words read, except inside the unit's own names and
    site words (阿拉坦社区 is a place in Hohhot, not 我们坦社区)."""
    pattern = _kept_pattern(keep)
    spans = [m.span() for m in pattern.finditer(text)] if pattern is not None else []
    if not spans:
        return _SLIP.sub(_slip, text)
    starts = [start for start, _end in spans]

    def slip_outside_names(match: re.Match[str]) -> str:
        at = bisect_right(starts, match.start()) - 1
        if at >= 0 and spans[at][1] > match.start():
            return match.group()  # inside a name: as the unit writes it
        following = bisect_right(starts, match.start())
        if following < len(spans) and spans[following][0] < match.end():
            return match.group()  # running into a name
        return _slip(match)

    return _SLIP.sub(slip_outside_names, text)


# 落叶 多，扫了 3 堆: some write a space after every word; in a sentence with its commas and no
# label, spaces between words that short part no items (电动车冇好多 就五六台 摆好哒 does).
_SPACE_BETWEEN_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]++(?=[\u4e00-\u9fff])")
_SPACE_AT_COUNT = re.compile(r"(?<=[\u4e00-\u9fff])[ \t]++(?=\d)|(?<=\d)[ \t]++(?=[\u4e00-\u9fff])")
_WORD_RUN = re.compile(r"[\u4e00-\u9fff]++")
_NOT_PLAIN_SENTENCE = re.compile(r"[：:→>＞a-zA-Z【】]")
_SPACED_WORDS = 3
_SHORT_WORDS = 2.5
# 3处 垃圾 已清, 2辆 电瓶车 挪了: a line that opens with its count, then a space and the
# thing, is the thing with that count (垃圾3处 已清), not a count for the line before.
_COUNT_OPENS_LINE = re.compile(
    r"(?m)^(?P<lead>[ \t]*+)(?P<count>\d{1,4}+[处个辆张堆块家只袋条根棵盏名台])[ \t]++"
    r"(?P<thing>(?!都|全|均|已|还|也|又|没|未|待)[\u4e00-\u9fff]{1,8}+)(?=[ \t]|$)"
)
# 一个垃圾桶 坏了 盖子没有, 路边 一个宣传牌 倒了，扶起来了, 一个三轮车 卖水果 占道: what is wrong
# with a thing, typed after a space of its own, belongs to the thing before it.
_SPACE_BEFORE_FAULT = re.compile(
    r"(?<=[\u4e00-\u9fff])[ \t]++"
    r"(?=(?:(?:坏|倒|歪|破|烂|断|裂|松|堵|塌|翻)(?:掉)?了|不亮了?|满溢|满了|占道|乱停|乱放|乱摆|乱贴|乱堆"
    r"|过期|松动?|破损|损坏|缺失|脱落)"
    r"(?:[ \t，,。；;！!]|$))"
)


def _spaced_words_joined(text: str) -> str:
    if " " not in text:
        return text
    text = _COUNT_OPENS_LINE.sub(r"\g<lead>\g<thing>\g<count>", text)
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if ("，" not in line and "。" not in line) or _NOT_PLAIN_SENTENCE.search(line):
            continue  # (a label, an arrow or x5 tells of a list, whose spaces part items)
        runs = [len(run) for run in _WORD_RUN.findall(line)]
        if line.count(" ") >= _SPACED_WORDS and sum(runs) <= _SHORT_WORDS * len(runs):
            lines[i] = _SPACE_AT_COUNT.sub("", _SPACE_BETWEEN_WORDS.sub("", line))
    return _SPACE_BEFORE_FAULT.sub("", "\n".join(lines))


def _characters_folded(text: str, keep: tuple[str, ...]) -> str:
    """Widths, scripts, emoji, arrows and slips of the keyboard folded to plain text."""
    text = _CQ_CODE.sub(" ", text)
    # Before widths are folded: a count table's columns are told by where its numbers stand.
    text = read_tables(text.replace("\r\n", "\n"))
    text = text.translate(_WIDTH)
    if not text.isascii():
        # 電動車亂停七八輛 is 电动车乱停七八辆: the unit's words and names are simplified.
        text = _to_simplified().convert(text)
    # 断枝 4→清4: an arrow to a verb says it was done (→报社区 stays a hand-over by its verb).
    text = _spaced_words_joined(text)
    text = _EMOJI_THING.sub(lambda match: _EMOJI_WORDS[match.group()[0]], text)
    text = _ARROW_TO_DONE.sub("，已", text)
    text = _ARROW.sub("，", text)
    text = _TIMES_AS_CROSS.sub(" ✖", text)
    text = _OK_HAND_AS_TICK.sub(" ✔", text)
    text = _SAID_DONE_AFTER_COUNT.sub(
        lambda m: f"，已处理{m['part']}{m['measure'] or '个'}" if m["part"] else " ✔", text
    )
    text = _SAID_NOT_DONE_AFTER_COUNT.sub(" ✖", text)
    text = _PART_TICKED.sub(r"\g<all>，已处理\g<done>", text)
    text = _WORD_STOP.sub("。", text)
    # 卖菜哩摊子, 卖红薯哩三轮车: Henan's 哩 after a seller is 的 (elsewhere it is 了).
    text = _SELLERS_LI.sub(r"\1的", text)
    text = _slips_put_right(text, keep)
    if text.isascii() is False and _HAS_LATIN.search(text):
        text = _THING_OK.sub(r"\g<what>正常", text)
        text = _ENGLISH_STATUS.sub(_english, text)
        text = _ENGLISH_ABOUT.sub("约", text)
        text = _PINYIN_THING.sub(lambda match: _PINYIN_INITIALS[match.group().lower()], text)
    # 共享单车乱停 ~30: a tilde before a number (not between two: 3~5) is about.
    text = _TILDE_ABOUT.sub("约", text)
    return text


def _words_made_plain(text: str) -> str:
    """One word for one thing: 小广告, 车辆, 摊贩, 已全部整改; words that count nothing go."""
    text = _XIAOGUANG.sub("小广告", text)
    text = _ICE_AS_A_THING.sub("冰面", text)
    text = _SNOW_AS_A_THING.sub(lambda m: (m["done"] or "") + "积雪", text)
    if "雪" in text:
        text = _SNOWY_PLACE_CLEARED.sub(r"\g<place>积雪\g<mid>", text)
    text = _CAMPAIGN_AT_WORK.sub("创建", text)
    text = _ALL_BY_PERCENT.sub("已全部整改", text)
    text = _DONE_VERB_FIRST.sub("", text)
    text = _BARE_CHE.sub("车辆", text)
    text = _BARE_TAN.sub("摊贩", text)
    text = _SELLER_BY_WARES.sub(lambda m: m.group() + "摊贩", text)
    text = _VERB_TWICE.sub(r"\1了", text)
    text = _COUNTED_IN_PASSING.sub("", text)
    text = _LOOKED_AT_COUNT.sub(
        lambda m: (m["verb"] or m["verb2"]) + _LOOKED_AT_NUMBER.sub("", m["run"] or m["run2"]), text
    )
    text = _HOMES_CLEANED.sub("", text)
    text = _PROBLEMS_THEN_OUTCOMES.sub(_outcomes_in_order, text)
    text = _LOOKED_AT_BEFORE_THING.sub(r"\g<verb>\g<where>", text)
    text = _LOOKED_AT_BY_DUI.sub(lambda m: "对" + _ANY_COUNT.sub("", m["what"]) + "进行", text)
    text = _NOT_OURS.sub("", text)
    text = _QUOTED_WORDS.sub("", text)
    text = _URGED_THEN_RECHECK.sub(r"\g<urged>待", text)
    text = _RANGE_WITH_COMMA.sub(
        lambda m: f"{m['low']}-{m['high']}" if int(m["high"]) == int(m["low"]) + 1 else m.group(),
        text,
    )
    text = _EMPTY_OUTCOME_LABEL.sub(lambda m: "" if m["end"] is not None else "，", text)
    text = _MATERIAL_USED.sub(lambda m: m["verb"] + (m["what1"] or m["what2"]), text)
    text = _DOORWAYS_OF_SNOW.sub(r"\g<where>积雪\g<n>处，已\g<verb>", text)
    # 十好几辆, 二十好几个: more than ten, as 十几.
    text = _TENS_AND_SOME.sub("几", text)
    return text


# 奶茶店老板说“就放一下下，马上搬进去”, 小伙子问“停这里都不得啊？”: the words said, in
# quotes, are no part of the duty told around them (what the team saw is told outside them).
_QUOTED_WORDS = re.compile(
    r"(?:(?<=[，,。；;！!？?\n])|^)[ \t]*+[^，,。；;！!？?\n“\"「]{0,16}?(?:说|讲|问|道)[:：]?"
    r"[“\"「][^”\"」\n]{1,60}+[”\"」][，,]?"
)


def _templates_read(text: str, keep: tuple[str, ...]) -> str:
    """Templates, tallies and checklists written as the plain items they stand for."""
    text = _LABEL_WITHOUT_COLON.sub(r"\g<label>：", text)
    text = _DASHED_ROW.sub(_dashed_row, text)
    text = _COMMA_ROW.sub(r"\g<lead>\g<place>\g<what>", text)
    text = _BARE_WORD_COUNT.sub(lambda m: f"{m['n']}{m['more'] or ''}个", text)
    text = _FOUND_THEN_HANDLED.sub(r"\g<n>处，已处理\g<k>处", text)
    text = _MARK_THEN_COUNT.sub(lambda m: f"{m['n']}{m['more'] or ''}个{m['mark']}", text)
    text = _PROBLEM_MEASURE_RESULT.sub(r"\g<what>，\g<how>，\g<result>。", text)
    text = _hazard_lines_read(text)
    text = _THING_THEN_DONE_COUNT.sub(
        lambda m: f"{m['thing']}{m['n']}{m['m']}，已{m['verb']}；", text
    )
    text = _OUTCOME_AFTER_COUNT.sub("，", text)
    text = _PLACE_FIRST_FORM_LINE.sub(
        lambda m: f"{m['lead']}{m['place']}{m['item']}{(' ' + m['n']) if m['n'] else ''}", text
    )
    text = _THING_PLACE_COUNT.sub(r"\g<thing>（\g<place>）\g<count>，\g<rest>", text)
    text = _COUNT_IN_BRACKETS.sub(_count_in_brackets, text)
    text = _TEENS_TO_TWENTY.sub("", text)
    text = _FIELD_BAR.sub("；", text)
    text = _DONE_THEN_NEXT.sub(r"\g<done>；", text)
    text = _PART_OF_THE_TOTAL.sub(
        lambda m: m["total"] if int(m["k"]) < int(m["n"]) else m.group(), text
    )
    text = _ALL_CLEARED.sub("均已清理", text)
    text = _DONE_COUNT_BARE.sub(r"\g<verb>\g<n>个", text)
    text = _BARE_DONE.sub(lambda m: f" 已处理{m['n']}个" if m["n"] else " 已处理", text)
    text = _BARE_NOT_DONE.sub(lambda m: f" 未处理{m['n']}个" if m["n"] else " 未处理", text)
    text = _CLEARED_BEFORE_WE_CAME.sub("", text)
    text = _SNOW_ALREADY_CLEARED.sub("", text)
    text = _SNOW_GONE_WITHOUT_US.sub("", text)
    text = _OPEN_ONES_NAMED.sub(r"\g<head>", text)
    text = _KIND_THEN_WHAT.sub(_kind_told_by_what, text)
    text = _KIND_HEADING_THEN_WHAT.sub(
        # (占道经营：1（已改）: the count alone needs its kind.)
        lambda m: m.group() if _COUNT_FIRST.match(m["what"]) else m["lead"] + m["what"],
        text,
    )
    text = _KIND_MARKED_LINE.sub(_kind_marked, text)
    text = _CHECKLIST_TICKED.sub("", text)
    text = _CHECKLIST_CROSSED.sub(_crossed_kind, text)
    text = _NONE_OF_KIND.sub(
        # (问题：无 and 网格：无 say all is well; a site's name with 无 says so of the site.)
        lambda m: m.group() if _LABEL_WORDS.search(m["what"]) or m["what"] in keep else "",
        text,
    )
    text = _UNITS_COUNTED.sub("处", text)
    text = _BUILDINGS_WITH_FAULT.sub(r"\g<n>处", text)
    text = _COUNT_BEFORE_NOT_DONE.sub(r"\g<fault>\g<n>\g<m>", text)
    text = _PLACE_THEN_FAULT.sub(_place_with_its_fault, text)
    text = _TALLY_SLASH.sub(r"共发现问题\g<found>处，整改\g<fixed>处", text)
    text = _PROBLEMS_ARE.sub(r"\g<head>：", text)
    text = _FIXES_FOR_THE_ABOVE.sub("整改情况：", text)
    text = _COUNT_THEN_DONE_WORD.sub(_count_then_done, text)
    text = _KIND_SUBTOTAL_LINE.sub(_kind_heading_only, text)
    text = _WORK_HEADING.sub("", text)
    text = _TALLY_FOUND.sub("合计发现问题", text)
    text = _FIXED_FRACTION.sub(r"\g<n>处", text)
    text = _FIX_RATE.sub("", text)
    return text


def _repeats_and_labels_dropped(text: str) -> str:
    """A phrase said twice, captions, photo numbers and chainage go; done and done-by words
    take the one form later stages read."""
    # 乱甩烟头，乱甩烟头; 满了，满了: voice input says a phrase twice.
    text = _SAID_TWICE.sub("", text)
    text = _SAID_TWICE_RUN.sub(r"\1", text)
    text = _HAVE_DONE.sub("已", text)
    text = _FIXES_TO_FOLLOW.sub("", text)
    text = _PASSIVE_BY_PEOPLE.sub("被", text)
    text = _captions_before_summary(text)
    text = _CAPTION.sub("", text)
    text = _PHOTOS_FIELD.sub("", text)
    text = _PHOTO_NUMBER.sub("", text)
    text = _PLACE_IN_BRACKETS_FIRST.sub(r"\g<lead>\g<place>", text)
    text = _BUILDING_LIST.sub(lambda match: match.group().replace("、", "/"), text)
    text = _CHAINAGE.sub("", text)
    return text


# 电动车乱停 5 更正为6 已摆放: a count put right at once by the one after it.
_COUNT_CHANGED_TO = re.compile(
    rf"(?<![\d.])\d{{1,4}}(?P<m>[{MEASURE_WORDS}])?[ \t]*+[，,]?[ \t]*+"
    r"(?:更正为|更正[:：]|改为|应为)[ \t]*+(?P<new>\d{1,4})"
    rf"(?P<m2>[{MEASURE_WORDS}])?"
)


def _corrections_joined(text: str) -> str:
    """A correction and its right number written together, one way."""
    # 捡了三袋 不对 四袋: the correction and its number belong together.
    text = _BARE_COUNT_PUT_RIGHT.sub(r"\g<right>", text)
    text = _COUNT_PUT_RIGHT_AT_ONCE.sub("", text)
    text = _COUNT_CHANGED_TO.sub(lambda m: m["new"] + (m["m2"] or m["m"] or ""), text)
    text = _TOLD_HIM_TO_GO.sub(r"劝\g<go>", text)
    text = _TOLD_AND_STOPPED.sub(r"\g<told>\g<sep>已制止", text)
    text = _NOT_BUT.sub("，不对，", text)
    text = _RECOUNT_AFTER_FAULT.sub(r"\g<k>\g<m>\g<mid>", text)
    text = _OH_IT_IS.sub("，不对，", text)
    text = _MISCOUNTED_IT_IS.sub("，不对，", text)
    text = _NOT_THAT_BUT.sub("，不对，", text)
    # (…俩，不对，仨: the right count with its measure, as a count alone is read.)
    text = _PAIR_WORD_AFTER_CORRECTION.sub(lambda m: "两个" if m.group() == "俩" else "三个", text)
    text = _CORRECTED_SPACE.sub(r"\g<word>", text)
    text = _BRACKETED_CORRECTION.sub(r"，更正是\g<n>\g<m>，", text)
    text = _CORRECTION_COLON.sub("更正", text)
    return text


# 5 电动车 已摆 / 2 小广告 撕了 / 3-4 钢件堆 厂里收了: each line begins with its count. Lines
# numbered 1, 2, 3… in order are a list's rows instead (1 楼道小广告 9).
_COUNT_FIRST_LINE = re.compile(
    r"(?m)^[ \t]*+(?P<n>\d{1,3}(?:-\d{1,3})?)[ \t]++"
    r"(?P<thing>[\u4e00-\u9fff]{1,10})(?P<rest>(?:[ \t]++[^\n\d]*+)?)$"
)
_LINE_NUMBER = re.compile(r"(?m)^[ \t]*+(\d{1,3})[ \t]++(?=[\u4e00-\u9fff])")


def _counts_first(text: str) -> str:
    lines = list(_COUNT_FIRST_LINE.finditer(text))
    if len(lines) < 2:
        return text
    leading = _LINE_NUMBER.findall(text)
    if leading[:3] == [str(i) for i in range(1, min(3, len(leading)) + 1)]:
        return text  # (1 … 2 … 3 …: row numbers)

    def count_after(match: re.Match[str]) -> str:
        thing, number = match["thing"], match["n"]
        if thing[0] in MEASURE_WORDS and len(thing) > 1:  # (3 袋垃圾: the measure came first)
            return f"{thing[1:]}{number}{thing[0]}{match['rest']}"
        return f"{thing}{number}个{match['rest']}"

    return _COUNT_FIRST_LINE.sub(count_after, text)


def _rows_and_cells_read(text: str, keep: tuple[str, ...]) -> str:
    """Rows, cells, marks and form lines of typed lists read as items with counts."""
    text = _FOUND_AND_FIXED_PAIR.sub(lambda m: _found_and_fixed_pair(m, keep), text)
    text = _counts_first(text)
    # 1 楼道小广告 9: a row number at the start of a line, typed with a space.
    text = _ROW_NUMBER.sub(r"\g<n>、", text)
    # 电动车乱停放｜14｜已整理: a table's number cell is the count of the cell before it.
    # (横穿马路行人｜3名｜已劝导: the count joins its item, measure and all.)
    text = _COUNT_CELL.sub(lambda m: f"{m['n']}{m['m'] or '个'}｜", text)
    # 清垃圾 7袋, 清骑楼柱小广告: 清 opening a clause is 清理.
    text = _bare_qing_outside_names(text, keep)
    # 电动车堵消防通道 x3 ✅2 ❌1: how many were done, then how many were not.
    text = _MARKED_COUNTS.sub(r"\g<mark>\g<n>个，", text)
    if _HAS_LATIN.search(text):
        text = _LATIN_LABEL.sub("", text)
    text = _TIMES_RANGE.sub(r" \g<range>个", text)
    text = _SPACE_BEFORE_TIMES.sub("", text)
    text = _STALLS_COUNTED.sub("处", text)
    text = _KIND_OF_BAG.sub("袋", text)
    text = _TALLY_TOTAL_LINE.sub(r"共发现问题\g<found>处，整改\g<fixed>处", text)
    text = _BARE_TOTALS.sub(r"发现\g<found>处\g<sep>\g<verb>\g<fixed>处", text)
    text = _TOTALS_RUN_TOGETHER.sub(r"共发现问题\g<found>处，整改\g<fixed>处", text)
    text = _SHORT_TOTALS.sub("共发现问题", text)
    text = _FORM_LINE.sub(_form_line, text)
    text = _FIELD_FORM_LINE.sub(_field_form_line, text)
    text = _ABOVE_BEFORE_REFS.sub("", text)
    text = _DONE_TO.sub(r"\g<verb>\g<thing>", text)
    text = _OPEN_HEADING_COUNT.sub("", text)
    text = _COUNTED_AT_PLACES.sub(_total_of_places, text)
    # (问题：0 says all is well, and stays.)
    text = _NONE_IN_TALLY.sub(lambda m: m.group() if _LABEL_WORDS.search(m["what"]) else "", text)
    text = _FOUND_SLASH_FIXED.sub(_slashed_pair, text)
    text = _pairs_in_runs(text)
    return text


# 2栋、6栋楼道小广告各2处, 东门和西门各有1个垃圾桶破损: so many at each place named, so the
# count is that many times the places (电动车乱停放、小广告各1处 names things, each an item).
_ONE_PLACE = r"(?:\d{1,3}(?:号楼|号|栋|幢|单元)|[东西南北](?:门|侧|头))"
# (7号、9号 门口各停了两辆电瓶车; 10号 12号 花盆摆到路中间，各四个: house by house, the same.)
# (…各, then what was done with how many of what: the part the places and the shops share.)
_EACH_THEN_COUNT = (
    r"[，,]?[ \t]*+各(?P<verb>(?:有|摆|放|堆|停|晒|挂|摊|占|出)[了出着放有]?)?"
    r"(?P<thing>[^，,。；;：:\n\d各]{0,6}?)"
    rf"(?P<n>\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})(?P<m>[{MEASURE_WORDS}])"
)
_EACH_OF_THE_PLACES = re.compile(
    rf"(?P<places>{_ONE_PLACE}(?:(?:[、和及与][ \t]*+|[ \t]++){_ONE_PLACE}){{1,5}})"
    rf"(?P<what>[^，,。；;：:\n\d各]{{0,12}}?){_EACH_THEN_COUNT}"
)
_A_PLACE = re.compile(_ONE_PLACE)


def _each_of_the_places(match: re.Match[str]) -> str:
    each = number_value(match["n"])
    if not each:
        return match.group()
    return match["places"] + _each_told(match, len(_A_PLACE.findall(match["places"])), each)


def _each_told(match: re.Match[str], places: int, each: int) -> str:
    """What stands before 各 and what was done, with the count for all the places in one."""
    return f"{match['what']}{match['verb'] or ''}{match['thing']}{places * each}{match['m']}"


# 3家门口各2台水泵, 水泵出店摆放2家，各3台, 三家门口各摆了四五台: so many at each shop, so the
# count is that many times the shops (the shops themselves are no count of their own).
_EACH_OF_THE_SHOPS = re.compile(
    r"(?P<k>\d{1,2}|[一二两三四五六七八九十俩仨]{1,3})(?:家|户|个(?:店|摊位?|门面|门市))"
    rf"(?P<what>[^，,。；;：:\n\d各]{{0,10}}?){_EACH_THEN_COUNT}"
)


def _each_of_the_shops(match: re.Match[str]) -> str:
    shops, each = number_value(match["k"]), number_value(match["n"])
    if not shops or not each:
        return match.group()
    return _each_told(match, shops, each)


# 楼道小广告 发现5处整改5处, 垃圾桶满溢 发现2处整改0处: a kind's found and fixed, as a pair.
# (今天共发现8处，整改6处 is the day's total, read as such elsewhere.)
_PAIR_NUMBER = r"\d{1,4}|[一二两三四五六七八九十]{1,3}"
_FOUND_AND_FIXED_PAIR = re.compile(
    r"(?m)^[ \t]*+(?:\d{1,2}[.、．][ \t]*+)?"
    r"(?P<kind>(?:(?!共|计|今|本次|问题|发现|小结|总体|汇总|情况|结果|率|整改)[\u4e00-\u9fff]){2,10})[ \t]*+[：:]?[ \t]*+"
    rf"发现(?P<n>{_PAIR_NUMBER})(?P<m>[处个辆张起件堆])[ \t]*+[，,、]?[ \t]*+(?:当场|现场)?整改"
    rf"(?P<k>{_PAIR_NUMBER})(?P<m2>[处个辆张起件堆])"
)


def _found_and_fixed_pair(match: re.Match[str], keep: tuple[str, ...]) -> str:
    if any(word in match["kind"] for word in keep):
        return match.group()  # (药城社区 发现5处 整改4处: the site's tally, not a kind's)
    fixed = number_value(match["k"])
    done = "未整改" if not fixed else f"已整改{match['k']}{match['m2']}"
    return f"{match['kind']}{match['n']}{match['m']}，{done}"


def _counts_made_plain(text: str, keep: tuple[str, ...]) -> str:
    """Counts written the ways people type them (20+, 十5, 仨/3) as a number and a measure."""
    text = _PLUS_AFTER_COUNT.sub("余", text)
    text = _EACH_OF_THE_PLACES.sub(_each_of_the_places, text)
    text = _EACH_OF_THE_SHOPS.sub(_each_of_the_shops, text)
    text = _ABOUT_WITHOUT_MEASURE.sub(r"\g<w>个", text)
    text = _COUNT_BEFORE_MARK.sub(r"\g<0>个", text)
    text = _without_traffic_counts(text, keep)
    text = _SWAPPED_OUT.sub("", text)
    text = _TEN_THEN_DIGIT.sub(r"1\g<d>", text)
    text = _NUMERAL_THEN_DIGIT.sub(_numeral_then_digit, text)
    text = _PLUS_BETWEEN_ITEMS.sub("、", text)
    text = _SLASH_BETWEEN_ITEMS.sub("，", text)
    text = _SPACE_IN_COUNT.sub("", text)  # 20+ 辆 read as 20余 辆: one count
    return text


def _headings_and_marks_placed(text: str, keep: tuple[str, ...]) -> str:
    """Headings, the rest of a total, questions and leading marks put where the reader looks
    (发现问题3处：, 其余14处（…）均已整改, ✅ after its item)."""
    text = _FOUND_HEADING.sub(r"\g<lead>发现问题\g<n>处：", text)
    text = _DONE_HEADING.sub(r"\g<lead>处置情况：", text)
    text = _HEADING_BEFORE.sub(r"\g<marker>\g<before>（\g<head>）", text)
    text = _BEFORE_AFTER.sub("", text)
    text = _PLUS_BEFORE_COUNT.sub(" ", text)
    text = _PARTS_BEFORE_TOTAL.sub("", text)
    text = _REPOST_PREAMBLE.sub("", text)
    text = _OVERALL_VIEW.sub("", text)
    text = _CHECKLIST_FINE.sub("", text)
    text = _LOOKED_AT_ALL_FINE.sub("", text)
    text = _SOME_OF_THOSE_LOOKED_AT.sub(_the_few_at_fault, text)
    text = _COUNTED_AND_FINE.sub("", text)
    text = _PLACES_LOOKED_AT.sub(r"\g<check>，", text)
    text = _OPINION.sub("", text)
    text = _GENERAL_REMARK.sub("", text)
    text = _EARLIER_ONE_NOW_DONE.sub(lambda m: _earlier_one_now_done(m, keep), text)
    text = _HEARSAY_NOT_MET.sub("", text)
    text = _RECHECKED_FINE.sub("", text)
    text = _NO_REBOUND.sub("", text)
    text = _RECHECK_PART.sub(_recheck_told, text)
    text = _seen_to_left_out(_SEEN_TO_BY_OTHERS, text)
    text = _seen_to_left_out(_DONE_SINCE_AND_FINE, text)
    text = _SUBTOTAL_AFTER_ITEMS.sub("", text)
    text = _KINDS_OF_THE_COUNT.sub(
        lambda m: m.group() if STATUS_TOKEN.search(m["inside"]) else "", text
    )
    # 其余14处（乱停电动车）均已整改: the rest of the total, named in brackets, is an item.
    text = _REST_NAMED.sub(_rest_named, text)
    text = _SLASHED_COUNT.sub(r"\g<n>个", text)
    text = _COUNT_BEFORE_OUTCOME.sub(r"\g<n>个，", text)
    text = _LIANG_AFTER_DIGIT.sub("辆", text)
    text = _TAI_FOR_CARS.sub("辆", text)
    text = _LO_AFTER_RESULT.sub("了", text)
    text = _QUESTION_AND_ANSWER.sub(r"\g<q>：", text)
    text = _GE_PERSON_TIMES.sub("", text)
    text = _EXTENT_TAKEN_UP.sub("", text)
    text = _FIRST_SAID.sub("", text)
    text = _within_the_lines(text)
    text = _KINDS_BEFORE_COUNT.sub("", text)
    text = _REST_OF_A_COUNT.sub("，", text)
    text = _HEAD_OF_LIVESTOCK.sub(r"\g<between>\g<n>只", text)
    text = _URGED_PEOPLE_LINE.sub(r"\g<lead>\g<n>\g<about>人次", text)
    text = _LEADING_MARK.sub(_mark_to_end, text)
    text = _COUNT_AFTER_MARK.sub(r"\g<count> \g<mark>", text)
    text = _SPACED_COUNT.sub(r"\g<n>个 ", text)
    return _COUNT_WORD.sub("", text)


def clean_text(text: str, keep: tuple[str, ...] = ()) -> str:
    """``keep``: the unit's names and site words, which no slip is read into.

    The stages run in this order; each expects what the ones before it wrote."""
    text = _characters_folded(text, keep)
    text = _words_made_plain(text)
    text = _templates_read(text, keep)
    text = _repeats_and_labels_dropped(text)
    text = _corrections_joined(text)
    text = _rows_and_cells_read(text, keep)
    text = _counts_made_plain(text, keep)
    return _headings_and_marks_placed(text, keep)


_PARAGRAPH = re.compile(r"\n[ \t]*+\n")
_SENTENCE = re.compile(r"[^\n。；;！!]++[\n。；;！!]*+")
_NOT_CONTENT = re.compile(r"[\W_]++")
# Shorter sentences (已清理。) may well say the same thing of two items.
_MIN_REPEAT = 6


def drop_repeats(text: str) -> tuple[str, int]:
    """The text with repeated paragraphs and sentences kept once, and how many were dropped
    (a message pasted twice, or a line sent again by mistake)."""
    dropped = 0
    seen: set[str] = set()
    paragraphs = []
    for paragraph in _PARAGRAPH.split(text):
        key = _NOT_CONTENT.sub("", paragraph)
        if len(key) >= _MIN_REPEAT and key in seen:
            dropped += 1
            continue
        seen.add(key)
        paragraphs.append(paragraph)
    text = "\n\n".join(paragraphs)
    seen.clear()
    kept = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        key = _NOT_CONTENT.sub("", sentence)
        if len(key) >= _MIN_REPEAT and key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(sentence)
    return "".join(kept), dropped
