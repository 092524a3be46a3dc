"""How many: the amounts a clause states about problems, without the people on duty.

``quantity.find_quantities`` reads every number with a measure word; in a report ``我们五个人``,
``6人值班``, ``四人分两组`` count the team, not offenders. A count of people is a problem's only
where the clause speaks of what people did wrong (2名行人翻越护栏).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..quantity import Quantity, find_quantities, number_value
from .lexicon import CORRECTED, RECOUNTED

_PEOPLE = frozenset("人名位")
_DENIED = re.compile(r"(?:不是|并非|而非|不止)$")
# 垃圾桶满溢的一个都没有: not one, no count.
_NOT_ONE = re.compile(
    r"(?:都|也)(?:没有|没见着?|没看到|没发现|无)(?=$|[^\u4e00-\u9fff]|[啦了呢哈呀])"
)
# 盲道被占用的3处中2处已清理, 两个井盖中有一个: the whole, then the part spoken of.
_WHOLE_BEFORE_PART = re.compile(
    r"(?:的)?(?:中|里|当中|之中|其中)(?:有|的)?\s*+[\d一二两三四五六七八九十几]"
)
_ROWS = frozenset(("排", "溜", "行", "列"))
# (两排三轮车: the 三 of 三轮车 is no count.)
_COUNT_AFTER_ROWS = re.compile(
    r"\s*+[，,]?\s*+(?:大概|大约|约|差不多|估计|一共|共|有)?\s*+[\d一二两三四五六七八九十](?!轮)"
)
# 电动车乱停3辆是5辆, 3辆应为5辆: the number said first is put right by the second.
_REPLACED = re.compile(
    r"\s*+(?:是|应为|应是|应该是|改为|更正为|实际是|其实是)\s*+[\d一二两三四五六七八九十]"
    # 十五处 不对是十三处, 三袋 不对 四袋: voice input putting itself right.
    # (七辆不对刚数了是六辆: a few words of recounting before the right number.)
    rf"|\s*+[，,]?\s*+{CORRECTED}\s*+[，,：:]?\s*+(?:{RECOUNTED})?"
    r"\s*+(?:是|应该是|应为)?\s*+"
    r"[\d一二两三四五六七八九十俩仨]"
)
_CHANGE_BEFORE = re.compile(r"比[^，,。；;\d]{0,6}?(?:少了?|多了?|减少了?|增加了?|下降了?)$")
_CHANGE_SPAN = 12
_ONE_AFTER_ANOTHER = re.compile(r"[接挨连]着?一")
_ANOTHER_BEFORE = re.compile(r"[接挨连]着?$")
_HEAD_COUNT_BEFORE = re.compile(r"(?:我们|咱们|俺们|他们|她们|大家)$")
_DURATION_AFTER = re.compile(r"\s*+(?:多|半)?\s*+(?:小时|钟头|钟|月|星期|礼拜)")
_PLACES_AFTER = re.compile(
    r"(?:单元|楼道|楼栋|车位|路口|小区|地方|位置|网格|社区|门口|巷道|巷子|小巷|街巷)"
)
# 5座楼道, 3座门口, 2座、5座: in Guangdong 座 numbers a building, as 号楼 does.
_BUILDING_AFTER = re.compile(
    r"(?:楼道|楼下|楼上|楼前|楼后|楼梯|门口|门前|后巷|后面|前面|旁边|旁|侧|单元|天台|架空层|"
    r"[东西南北]侧|、\s*+\d{1,3}座)"
)
_ESTATE_BEFORE = re.compile(r"(?:小区|花园|社区|家园|新村|大厦|苑|村|里)$")
_STREET_AFTER = re.compile(r"街|马路|路(?![灯面沿牌口])|巷|胡同|弄堂")
# 两三个地方有狗粪, 两个单元的楼道灯不亮: so many spots with the problem in them.
_SPOTS_WITH = re.compile(
    r"(?:地方|位置)(?:都|还|也)?有|(?:单元|楼栋|楼道|路口|门口|地方|位置)的|"
    # 马粪仨地方，环卫当场扫了: the spots, counted after the problem that is in them.
    r"(?:地方|位置)(?=$|[，,。；;\s])|"
    # 两个单元楼道灯不亮: so many stairwells, each with what is wrong.
    r"(?:单元|楼栋|楼道)[^，,。；;\s]{0,4}?(?:不亮|坏了|损坏|破损|堵塞|漏水|缺失)|"
    # 仨单元门口有小广告, 两个单元门口堆着蜂窝煤: so many doorways, each with the problem.
    r"(?:单元|楼栋|楼道)(?:门口|里|口)?(?:都|还|也)?(?:有|堆|放|停|摆|挂|贴)"
)
_TEAM = re.compile(
    r"我们|咱们|俺们|大家|一行|全体|值班|到岗|参加|同志|同事|志愿者|(?<!揽客|拉客|摆摊|游商|小贩|摊贩|乞讨|醉酒|垂钓|钓鱼|吸烟|抽烟)人员|"
    r"干部|职工|网格员|带队|"
    r"分成?[两二三四2-4]组|一起|都到|到齐|出动|组织"
)
# What people do wrong: with one of these, 3人 are offenders.
_MISCONDUCT = re.compile(
    r"翻越|闯红灯|横穿|乱穿|吸烟|抽烟|吐痰|乱扔|随地|遛狗|不牵绳|逆行|插队|喧哗|摆摊|摊贩|占道|"
    r"乱停|违停|骑|攀爬|踩踏|垂钓|游泳|烧|晾晒|乞讨|行人|路人|市民|商户|小贩|摊主|居民|"
    # 有4位家长在校门口的黄色网格线内停车: people parking where they should not.
    r"停在|停车|把车|"
    # 景区口黑导游揽客2人: touts and unlicensed guides are people doing wrong.
    r"揽客|拉客|导游|黑车|医托|号贩子|黄牛|托儿|"
    # 劝离医托2名, 制止3人: people sent away or stopped were doing wrong.
    r"劝离|劝阻|制止|驱离|劝走|"
    # 3名游客踩草坪拍照, 喂鱼2人, 5名游客翻到护栏外: what visitors do wrong.
    r"游客|踩|喂鱼|喂鸽|翻|钓鱼|烧纸|涂鸦|乱涂|攀折|摘花|"
    # 醉酒人员3名，已劝离: drunks making trouble.
    r"醉酒|喝醉|喝多|争吵|推搡|打架|斗殴|"
    # 2名老人在河边洗拖把, 有俩小孩往江里扔石头, 爬护栏: harm done at the water and the rails.
    r"洗拖把|扔石头|投喂|喂鸭|喂野鸭|孔明灯|爬护栏|爬栏杆|"
    # 2名小孩在小区里放鞭炮: firecrackers let off where they should not be.
    r"鞭炮|放炮|炮仗|烟花"
)


_BARE_COUNT = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![号楼栋层室门元第路街巷区段期年月日点时分秒米补])\s?"
    # 单车码了30多, 单车二十几: about so many, the measure left out.
    r"(?P<n>\d{1,3}+|[一二三四五六七八九两]?十[一二三四五六七八九几]?)"
    # 电瓶车 5-6: a range, the larger counts.
    r"(?:[-~～](?P<upper>\d{1,3}+))?(?:多|来|余)?\s*+$"
)


@lru_cache(maxsize=8192)
def amounts(text: str) -> tuple[Quantity, ...]:
    """The quantities of ``text`` that can count problems, in order."""
    # 是17辆不是7辆: a number said not to be the count is not one.
    found = [
        q
        for q in find_quantities(text)
        if not _DENIED.search(text, max(0, q.start - 3), q.start)
        and not _REPLACED.match(text, q.end)
        and not (q.value == 1 and _NOT_ONE.match(text, q.end))
        # 板车一辆接一辆, 一个挨一个: one after another, many and uncounted.
        and not (
            q.value == 1
            and (
                _ONE_AFTER_ANOTHER.match(text, q.end)
                or _ANOTHER_BEFORE.search(text, max(0, q.start - 2), q.start)
            )
        )
        and not _WHOLE_BEFORE_PART.match(text, q.end)
        # 比上次少了4辆，还剩6辆: by how much it changed, not how many there are.
        and not _CHANGE_BEFORE.search(text, max(0, q.start - _CHANGE_SPAN), q.start)
        # 我们四个摆了一个多小时: the team and how long, not how many.
        and not _HEAD_COUNT_BEFORE.search(text, max(0, q.start - 2), q.start)
        and not (q.measure == "个" and _DURATION_AFTER.match(text, q.end))
        and not (
            q.measure == "座"
            and (
                _BUILDING_AFTER.match(text, q.end)
                or _ESTATE_BEFORE.search(text, max(0, q.start - 2), q.start)
            )
        )
        # 约5方 (cubic metres of rubbish) is written with digits; 四方堰社区 is a name.
        and not (q.measure == "方" and not re.search(r"\d", text[q.start : q.end]))
        # 电瓶车两排大概三十辆: the rows they stand in, then how many there are.
        and not (q.measure in _ROWS and _COUNT_AFTER_ROWS.match(text, q.end))
        # 海鲜一条街, 两条巷子: streets, not things.
        and not (q.measure == "条" and _STREET_AFTER.match(text, q.end))
        # 3号楼、5号楼两个单元清理了小广告, 占着两个车位: how many places, not problems.
        # (2处楼道堆放杂物: 处 counts the spots that have the problem.)
        and not (
            q.measure in "个条"
            and _PLACES_AFTER.match(text, q.end)
            # 两三个地方有狗粪: so many spots with the problem in them.
            and not _SPOTS_WITH.match(text, q.end)
        )
    ]
    if not any(not q.vague for q in found):
        # 共享单车倒地15, 垃圾桶破损1: a bare number typed right after the problem, ending it.
        bare = _BARE_COUNT.search(text)
        if bare:
            value = number_value(bare.group("n")) or 0
            if bare.group("upper"):
                value = max(value, int(bare.group("upper")))
            if value > 0:
                found.append(
                    Quantity(
                        value, bare.start("n"), bare.end("upper" if bare.group("upper") else "n")
                    )
                )
                found.sort(key=lambda q: q.start)
    # 一家店门口堆了五六箱货, 一户门口堆了建筑垃圾四五袋: the one shop or home holds the things
    # counted after it.
    found = [
        q
        for q in found
        if not (
            q.value == 1
            and q.measure in "家户"
            and any(later.start > q.end and not later.vague for later in found)
        )
    ]
    people = [q for q in found if q.measure in _PEOPLE or _person_counted(text, q)]
    if not people:
        return tuple(found)
    if len(people) < len(found) and not any(q.measure in _PEOPLE for q in people):
        # 一个粉店老板把5张桌子摆到人行道上: the things are counted, not the one who put them.
        return tuple(q for q in found if q not in people)
    team = _TEAM.search(text) is not None
    # (两个小孩在护栏上爬: 个 counts people who are the problem unless they are the team.)
    offenders = _MISCONDUCT.search(text) is not None
    return tuple(
        q for q in found if not (q in people and (team or (q.measure in _PEOPLE and not offenders)))
    )


# Words for people, counted by 名/位/个 (3名学生, 一个粉店老板, 俩小孩).
PERSON_WORDS = (
    r"(?:老板|店主|摊主|阿姨|大爷|大妈|大哥|大姐|老人|小孩|孩子|小朋友|男子|女子|骑手|师傅|居民|市民|"
    r"商户|游客|行人|路人|青年|小伙子?|年轻人|小学生|中学生|学生|人)"
)
# 一个粉店老板, 两个阿姨: 个 counting people.
_PERSON_AFTER = re.compile(rf"[\u4e00-\u9fff]{{0,3}}?{PERSON_WORDS}")


def _person_counted(text: str, quantity: Quantity) -> bool:
    return quantity.measure == "个" and _PERSON_AFTER.match(text, quantity.end) is not None


def first_amount(text: str) -> Quantity | None:
    """The first stated amount, preferring a real number over a vague word."""
    found = amounts(text)
    for quantity in found:
        if not quantity.vague:
            return quantity
    return found[0] if found else None


_BARE_PEOPLE = re.compile(r"[\W_]*+(?:共|约|有)?\s*+\S{1,6}?[人名位]\s*+")


def offenders_counted(text: str, item: str) -> Quantity | None:
    """游客翻越护栏到礁石上拍照，2人: a head count alone, after what people did wrong."""
    if not _BARE_PEOPLE.fullmatch(text) or _MISCONDUCT.search(item) is None:
        return None
    found = [
        q
        for q in find_quantities(text)
        if (q.measure in _PEOPLE or _person_counted(text, q)) and not q.vague
    ]
    return found[0] if len(found) == 1 else None
