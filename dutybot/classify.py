"""Which of a unit's problem categories a piece of text belongs to.

Shared by the free-text report parser and the ``/问题 描述`` command. The unit's own keywords
decide; a few built-in hints help when none of them fits (``乱堆纸箱``, ``垃圾桶损坏``), but
only for categories the unit actually has.

How a person reads it, in rules:
- a longer keyword beats the shorter one inside it (乱扔垃圾 is 文明行为, not 环境卫生);
- a keyword used as a place counts little (``护栏上晾晒衣物`` is about the clothes,
  ``路灯杆上小广告`` about the adverts), and ``垃圾`` in ``垃圾桶`` names a bin, not litter;
- damage words (破损, 损坏, 缺失 …) lean towards 基础设施, so a broken tactile paving slab is
  基础设施 while an e-bike on the tactile paving is 市容秩序;
- on a tie the later keyword wins: Chinese puts the head of the phrase last;
- the fallback category (其他) is chosen only when nothing else matches.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from .unit import FALLBACK_CATEGORY, Category, Unit
from .wordregex import word_regex

# Built-in hints for the default categories; weaker than any keyword of the unit.
HINTS: dict[str, tuple[str, ...]] = {
    "环境卫生": (
        "卫生",
        "积雪",
        "结冰",
        "冰雪",
        "冰包",
        "冰面",
        "暗冰",
        "积水",
        "杂草",
        "枯枝",
        "粪便",
        "异味",
        "脏",
        "散落",
        "蜘蛛网",
        "尘土",
        "泥土",
        "呕吐物",
        "垃圾袋",
        # 烟花爆竹残屑一片, 纸屑: what is left lying.
        "残屑",
        "纸屑",
        "碎屑",
        "碎玻璃",
        "玻璃碴",
        # 扔了五六个啤酒瓶, 台阶上矿泉水瓶好几个, 潲水倒在路边: litter and slops by name.
        "啤酒瓶",
        "酒瓶",
        "矿泉水瓶",
        "塑料瓶",
        "易拉罐",
        "瓜子皮",
        "瓜子壳",
        "竹签",
        "外卖盒",
        "餐盒",
        "潲水",
        "泔水",
        # 路边散落的货物包装物, 地上全是包装袋: packing thrown away.
        "包装物",
        "包装袋",
        "包装盒",
        # 发现混投的垃圾桶4个: rubbish sorted wrong is a sanitation matter, whatever the bin.
        "混投",
        "桶满",
        "箱满",
        "池满",
        "狗屎",
        "菜叶",
        "树叶",
        "树枝",
        "死猫",
        "死狗",
        "死老鼠",
        "死鱼",
        "死鸟",
        "死鸡",
        "死鸭",
        "动物尸体",
        # 旧沙发扔在楼道口: things thrown out.
        "沙发",
        # 商户门口的雪没扫, 巷道积雪未清: snow left lying.
        "雪没扫",
        "雪没清",
        "雪没人扫",
        "雪未清",
    ),
    "市容秩序": (
        # 有辆面包车停在人行道上: cars parked where they should not be.
        "面包车",
        # 外卖车停得乱，十几辆; 出租车6辆都开走了: the vehicles of a station's forecourt.
        "外卖车",
        "快递车",
        "货车",
        "出租车",
        "的士",
        "网约车",
        # 院内僵尸自行车仨: vehicles abandoned where they stand.
        "僵尸",
        "私家车",
        "轿车",
        # 有人晒被子挂在树上: laundry where it should not be.
        "晒被子",
        "晒衣服",
        "挂在树上",
        # What people call an e-bike or a stall around the country.
        "电瓶车",
        # 摩托 七八辆 已摆, 电摩乱停七台: motorbikes, the south's e-bikes.
        "摩托",
        "摩托车",
        "电摩",
        "电驴",
        "小电驴",
        "电单车",
        "摊摊",
        "摊子",
        # 流动摊 3 ✔2 ×1, 小吃摊 0: a stall, however short the word.
        "流动摊",
        "小吃摊",
        "早餐摊",
        "摊贩",
        "小贩",
        "商贩",
        "摆摊",
        "地摊",
        "摊点",
        "乱堆",
        "乱摆",
        "乱贴",
        "乱拉",
        # 牛皮癣 (and its slip 牛皮藓) is 小广告.
        "牛皮癣",
        "牛皮藓",
        "堆",
        "纸箱",
        "车辆",
        "机动车",
        "停放",
        "停车",
        "停在盲道",
        "占盲道",
        "占用",
        "被占",
        "占着",
        "摊点",
        "摊位",
        "摆摊",
        "广告牌",
        "招牌",
        "横幅",
        "私搭",
        "乱建",
        "搭建",
        "三轮车",
        # 杜鹃盆景摆到人行道上, 油锅支到便道上: goods put out where people walk.
        *(
            f"{put}{where}"
            for put in ("摆到", "摆上", "摆在", "支到", "堆到", "放到", "放在", "伸到")
            for where in (
                "人行道",
                "便道",
                "盲道",
                "路上",
                "马路上",
                "路中间",
                "巷子中间",
                "骑楼下",
                # 秤盘放到过道上: a market's aisle, where shoppers walk.
                "过道",
                "通道",
                "走道",
            )
        ),
        # 绿化带里种菜, 毁绿种菜: a garden where the green belt should be.
        "种菜",
        "毁绿",
        # 巷口摆了个摊卖粿: a stall set up, however it is said.
        "摆了个摊",
        "摆了摊",
        "摆个摊",
        # 卖干巴菌占了人行道: the pavement taken.
        "占了人行道",
        "占人行道",
        "占着人行道",
        "占了盲道",
        "三轮",
        "摊子",
        "摊儿",
        "消防通道",
        "店外",
        "桌椅",
        # 人行道上遗留折叠桌9张、塑料凳30余张: a night market's furniture left out.
        "桌凳",
        "桌子",
        "凳子",
        "折叠桌",
        "塑料凳",
        "出店",
        "经营",
        "货物",
        # 门口摆了两个货架出来, 展架2个占用盲道: a shop's racks put out on the street.
        "货架",
        "展架",
        "歪",
        "倒地",
        "倒伏",
        "单车",
        "车辆",
        "涂鸦",
        "乱搭",
        # 人行道上一辆废弃摩托车: a vehicle left to rot where it stands.
        "废弃",
        "棚子",
        "晾",
        "窝棚",
        "乱画",
        "张贴",
        "广告",
    ),
    "基础设施": (
        "盲道",
        "窨井",
        "下水道",
        "消防栓",
        "栏杆",
        "台阶",
        "电线杆",
        "站牌",
        "车棚",
        "破损",
        "损坏",
        "缺失",
        "不亮",
        "脱落",
        "坏了",
        "烂了",
        "断裂",
        "破裂",
        "裂缝",
        "缺损",
        "变形",
        "丢失",
        "倾斜",
        "破旧",
        "漏水",
        "堵塞",
        "化粪池",
        "路名牌",
        "标志牌",
        "指示牌",
        "警示牌",
        "路名",
    ),
    "宣传氛围": (
        "宣传",
        "褪色",
        "过期",
        "公示",
        "标识",
        # The campaign's own banners are publicity, not the disorder of 乱挂横幅.
        *(
            f"{whose}{what}"
            for whose in ("创城", "创文", "创卫", "宣传", "公益")
            for what in ("横幅", "条幅")
        ),
    ),
    "其他": ("充电", "私拉", "飞线", "隐患", "流浪", "野狗", "野猫", "冰溜子", "冰挂"),
    "文明行为": (
        "吸烟",
        "抽烟",
        # 牵狗没拴绳子: a dog off the lead, however it is said.
        "没拴绳",
        "不拴绳",
        "没牵绳",
        "没有牵绳",
        "没有拴绳",
        "没拉绳",
        "没有拉绳",
        "不拉绳",
        "没拴",
        "吐痰",
        "插队",
        "喧哗",
        "随地",
        "逆行",
        "乱穿",
        "焚烧",
        "烧树叶",
        "烧纸",
        "烧垃圾",
        "翻越",
        "翻护栏",
        "钻过",
        "丢烟头",
        "扔鞭炮",
        "放鞭炮",
        "燃放烟花",
        "放烟花",
        "乱丢烟头",
        "乱扔烟头",
        "钻护栏",
        # 有俩小孩爬护栏, 2个游客翻到护栏外拍照: climbing over the rails, however it is said.
        "爬护栏",
        "爬栏杆",
        "翻到护栏",
        "翻到栏杆",
        "翻过护栏",
        "翻过栏杆",
        # 2个阿姨在江里洗拖把, 有俩小孩往江里扔石头, 江堤上投喂的十几人: harm done at the water.
        "洗拖把",
        "扔石头",
        "投喂",
        "喂鱼",
        "喂鸭",
        "喂野鸭",
        "孔明灯",
        "翻栏杆",
        "横穿",
        "攀爬",
        "扔垃圾",
        "扔烟头",
        "倒剩饭",
        "倒剩菜",
        "倒泔水",
        "泼脏水",
        "乱泼",
        "乱丢",
        "乱扔",
        "醉酒",
        "喝醉",
        "推搡",
        "打架",
    ),
}
# Damage words pull a problem towards 基础设施 more strongly than other hints.
_DAMAGE = (
    "破损",
    "损坏",
    "缺失",
    "不亮",
    "脱落",
    "坏了",
    "坏掉",
    "烂了",
    "破了",
    "断裂",
    "破裂",
    "缺损",
    "丢失",
)
INFRASTRUCTURE = "基础设施"

HINT_WEIGHT = 0.5  # per character, against 1 per character for a unit keyword
# Words for disorder that fit many things (乱放, 堆放): beside a thing of another kind, they
# weigh half (垃圾袋乱放 is litter, not 市容秩序).
_DISORDER = frozenset(("乱放", "乱停", "堆放", "乱堆乱放", "乱挂", "乱堆", "乱摆"))
DISORDER_FACTOR = 0.5
CONSEQUENCE_FACTOR = 0.25  # 安全隐患: a reason, weaker than what the problem is (井盖缺失)
# Hints as strong as a unit keyword: the fire risk of charging indoors is its own kind.
STRONG_HINTS = frozenset(("充电", "私拉", "飞线"))
DAMAGE_BONUS = 1.0
PLACE_FACTOR = 0.25  # a keyword used as a place
_PLACE_AFTER = re.compile(
    r"[杆柱桩座箱缝眼]?(?:上|下|旁|边|前|后|里|周边|周围|附近|门口|处|区|那边|这边|一带|内(?!容))"
    r"|(?<=门)口"  # 单元门口 is where, not the door
)
# A thing right after these verbs, or before 被, is what the problem acts on.
_ACTED_ON_BEFORE = re.compile(
    r"(?:翻越|翻过|翻|越过|攀爬|焚烧|烧|攀登|停在|占用|占着|占了|占|挡住|挡着|堵住|堵着|遮挡|覆盖|压着|骑着?|骑了)了?[^，。；]{0,4}$"
)
_THING_ACTED_ON = re.compile(r"(?:焚烧|烧|被|占|占用|停在|堵|挡)了?$")
_PASSIVE_AFTER = re.compile(r"[^，。；被]{0,2}被(?![子褥单罩])")
# 电动车推到楼道里充电, 电动车电瓶充电: what is charged; the charging is the problem.
_CHARGED_AFTER = re.compile(r"[^，。；]{0,6}充电")
# …but the wire that charges it is the problem itself (私拉电线给电动车充电).
_WIRING = re.compile(r"线|插|电源|充电")


def _acted_on_by_another(pattern: re.Pattern[str], text: str, end: int) -> bool:
    """坡道被积雪覆盖: a thing before 被 with another thing after it (路牌被撞歪了 keeps 路牌)."""
    passive = _PASSIVE_AFTER.match(text, end)
    if not passive:
        return False
    agent = pattern.search(text, passive.end(), passive.end() + 6)
    return agent is not None and len(agent.group()) > 1 and agent.group() not in _DAMAGE


# ``垃圾`` followed by these names a container or a site, not litter.
_CONTAINER_AFTER = re.compile(r"[桶箱池站房车]")


@dataclass(frozen=True)
class Classifier:
    pattern: re.Pattern[str] | None
    owner: dict[str, tuple[str, bool]]  # word → (category, is_unit_keyword)
    fallback: str
    # The categories' own names, for an item told only by its category (发现市容秩序问题6处).
    names: tuple[str, ...] = ()

    def words(self, text: str) -> list[str]:
        """The keywords and hints that occur in ``text``, in order."""
        return [m.group() for m in self.pattern.finditer(text)] if self.pattern else []

    def classify(self, text: str) -> str:
        if not text or self.pattern is None:
            return self.fallback
        scores: dict[str, float] = {}
        last_seen: dict[str, int] = {}
        keyword_ends: list[int] = []
        matches = list(self.pattern.finditer(text))
        # 安全隐患 says why a problem matters; beside another of the unit's words it weighs
        # little (井盖缺失，存在安全隐患), alone it is the unit's word for the problem.
        other_keyword = any(self.owner[m.group()][1] and "隐患" not in m.group() for m in matches)
        categories_named = {self.owner[m.group()][0] for m in matches if m.group() not in _DISORDER}

        def other_thing(category: str) -> bool:
            return bool(categories_named - {category})

        previous: re.Match[str] | None = None
        for match in matches:
            word = match.group()
            category, is_keyword = self.owner[word]
            end = match.end()
            if is_keyword or word in STRONG_HINTS:
                weight = float(len(word))
                if "隐患" in word and other_keyword:
                    weight *= CONSEQUENCE_FACTOR
                if word.endswith("垃圾") and _CONTAINER_AFTER.match(text, end):
                    weight = 0.0
                elif (
                    _PLACE_AFTER.match(text, end)
                    or _ACTED_ON_BEFORE.search(text, max(0, match.start() - 6), match.start())
                    or _acted_on_by_another(self.pattern, text, end)
                    or (_CHARGED_AFTER.match(text, end) and not _WIRING.search(word))
                ):
                    # 护栏上晾晒, 翻越中心护栏, 坡道被积雪覆盖: the thing acted on, not the problem
                    weight *= PLACE_FACTOR
                if word in _DISORDER and other_thing(category):
                    weight *= DISORDER_FACTOR  # 垃圾袋乱放: the thing says what it is
                keyword_ends.append(end)
            else:
                weight = HINT_WEIGHT * len(word)
                if word in _DAMAGE and category == INFRASTRUCTURE:
                    # 店招破损 where the unit files 店招 under 市容秩序: the damage of the
                    # unit's own thing keeps its kind.
                    if not (
                        previous is not None
                        and match.start() - previous.end() <= 2  # 店招灯箱破损
                        and self.owner[previous.group()][1]
                        and self.owner[previous.group()][0] != INFRASTRUCTURE
                    ):
                        weight += DAMAGE_BONUS
                elif _THING_ACTED_ON.search(text, max(0, match.start() - 3), match.start()):
                    weight *= PLACE_FACTOR  # 焚烧树叶, 被树枝遮挡: the leaves burnt, the branches in the way
            previous = match
            if weight <= 0:
                continue
            scores[category] = scores.get(category, 0.0) + weight
            last_seen[category] = match.start()
        if not scores:
            return next((name for name in self.names if name in text), self.fallback)
        best = self.fallback
        best_key: tuple[float, int] = (0.0, -1)
        for category, score in scores.items():
            key = (score, last_seen[category])
            if key > best_key:
                best, best_key = category, key
        return best


@lru_cache(maxsize=32)
def classifier_for(categories: tuple[Category, ...]) -> Classifier:
    """The (cached) classifier of a unit's categories, for callers that classify a lot."""
    names = [c.name for c in categories]
    # Unit files always have 其他; a bare list without it falls back to its last category.
    fallback = FALLBACK_CATEGORY if FALLBACK_CATEGORY in names or not names else names[-1]
    owner: dict[str, tuple[str, bool]] = {}
    for category in categories:
        for keyword in category.keywords:
            # A keyword listed under two categories belongs to the first (the file's order).
            owner.setdefault(keyword, (category.name, True))
    for name, hints in HINTS.items():
        for hint in hints:
            # A hint goes where the unit files its own words containing it (飞线充电 under
            # 用电安全 takes 充电 there), else to its usual category.
            own = {owner[k][0] for k in owner if owner[k][1] and hint in k and k != hint}
            if len(own) == 1:
                owner.setdefault(hint, (own.pop(), False))
            elif name in names:
                owner.setdefault(hint, (name, False))
    # Longest first, so that at one position the most specific word wins.
    words = sorted((w for w in owner if w), key=len, reverse=True)
    pattern = word_regex(words) if words else None
    return Classifier(pattern, owner, fallback, tuple(n for n in names if n != fallback))


def classify(text: str, unit: Unit) -> str:
    """The category of a problem described by ``text`` (``电动车乱停放5处`` → 市容秩序)."""
    return classify_with(text, unit.categories)


def classify_with(text: str, categories: Sequence[Category]) -> str:
    """:func:`classify` for a bare list of categories."""
    return classifier_for(tuple(categories)).classify(text)


def category_words(text: str, categories: Sequence[Category]) -> list[str]:
    """The keywords and hints of ``categories`` that occur in ``text``, in order."""
    return classifier_for(tuple(categories)).words(text)
