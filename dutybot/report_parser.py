"""Reading free-text daily duty reports (值班日报) posted in the group. The contract is REPORTS.md.

``parse_message`` runs on every group message, so it is built to be cheap on chat (one regex
search decides most of them) and to never raise. A report is read in four passes:

1. clean the text (CQ codes, full-width digits) and drop what is clearly not a report
   (coordinators' notices, questions, chat);
2. split it by site when it covers several (``【玄帝庙街路西】… 【凤凰城社区】…``);
3. read the duty date from the whole message;
4. per site: staff names, and sentence by sentence the problems, what was fixed, activities.

Within a site the text is cut into sentences (。；newline) and fragments (，：brackets). A
fragment that names a problem opens an item; the fragments after it say how many and whether
it was fixed. Labels such as ``发现问题：``, ``整改情况：``, ``下步打算：`` set what the lines
under them mean until the next label.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from functools import lru_cache
from typing import Any

from .classify import Classifier, classifier_for
from .quantity import MEASURE_WORDS, Quantity, chinese_numeral, find_quantities, find_quantity
from .text import fold, without_brackets
from .unit import TITLES, Category, Site, StaffMember, Unit, strip_title

log = logging.getLogger(__name__)

# Reports are a few hundred characters; past this the text is a paste, not a report.
MAX_ANALYSED_CHARS = 4000

ACTIVITY_UNITS = {
    "劝导": "人次",
    "发放宣传资料": "份",
    "入户宣传": "户",
    "问卷调查": "份",
    "志愿服务": "人次",
}


# ---------------------------------------------------------------------------------------------
# Results


@dataclass(frozen=True)
class Item:
    category: str
    text: str
    count: int

    def to_contract(self) -> dict[str, Any]:
        return {"category": self.category, "text": self.text, "count": self.count}


@dataclass(frozen=True)
class Activity:
    kind: str
    count: int
    unit: str

    def to_contract(self) -> dict[str, Any]:
        return {"kind": self.kind, "count": self.count, "unit": self.unit}


@dataclass(frozen=True)
class ReportedProblem:
    """A found item together with how much of it was fixed, for the problem ledger."""

    category: str
    text: str
    count: int
    resolved: int
    fix_text: str = ""


@dataclass(frozen=True)
class ParsedReport:
    """One site's report; the totals are derived from the items, so they always agree."""

    date: date
    site: str | None
    staff: tuple[str, ...] = ()
    found: tuple[Item, ...] = ()
    resolved: tuple[Item, ...] = ()
    activities: tuple[Activity, ...] = ()
    found_total: int = field(init=False, default=0)
    resolved_total: int = field(init=False, default=0)
    pending_total: int = field(init=False, default=0)
    # Short Chinese phrases about what could not be understood, for the bot's reply.
    notes: tuple[str, ...] = ()
    # ``found`` paired with ``resolved``: one entry per found item.
    problems: tuple[ReportedProblem, ...] = ()

    def __post_init__(self) -> None:
        found_total = sum(item.count for item in self.found)
        resolved_total = sum(item.count for item in self.resolved)
        object.__setattr__(self, "found_total", found_total)
        object.__setattr__(self, "resolved_total", resolved_total)
        object.__setattr__(self, "pending_total", max(0, found_total - resolved_total))

    def to_contract(self) -> dict[str, Any]:
        """The REPORTS.md form (notes are for the chat reply and are not part of it)."""
        return {
            "date": self.date.isoformat(),
            "site": self.site,
            "staff": list(self.staff),
            "found": [item.to_contract() for item in self.found],
            "resolved": [item.to_contract() for item in self.resolved],
            "activities": [activity.to_contract() for activity in self.activities],
            "found_total": self.found_total,
            "resolved_total": self.resolved_total,
            "pending_total": self.pending_total,
        }


def parse_message(
    text: str,
    sent_at: datetime,
    unit: Unit,
    sender: str | None = None,
    *,
    assume_report: bool = False,
) -> list[ParsedReport]:
    """The duty reports in one group message; ``[]`` when it is not a report.

    ``sent_at`` should be aware and in the unit's local time: relative dates (今天, 周三) are
    read against its calendar date. ``sender`` is accepted for the callers' convenience but
    never added to the staff: the contract wants only the people the text names.

    ``assume_report`` is for ``/日报 文本``: the sender says it is a report, so the checks that
    tell chat from reports are skipped and a text with nothing readable still yields one
    (empty) report.
    """
    try:
        return _parse(text, sent_at, unit, assume_report)
    except Exception:  # a parser bug must never take the bot's message handling down
        log.exception(
            "report parser failed on a message of %d characters",
            len(text) if isinstance(text, str) else -1,
        )
        return []


# ---------------------------------------------------------------------------------------------
# Vocabulary

_CN = "〇零一二两三四五六七八九十"
_NUM = rf"(?:\d{{1,6}}|[{_CN}百]{{1,8}})"

# One of these, or a site name, must occur for a message to be worth reading.
_DUTY_WORDS = re.compile(
    r"值班|巡查|巡逻|到岗|网格|路段|路长|日报|整改|劝导|入户|问卷|宣传资料|志愿服务|创城"
)
_NOTICE_START = re.compile(
    r"^\s*(?:@全体成员|@所有人|@全体|各位[,，：:]|[【\[]?\s*(?:通知|公告|温馨提示|提醒)\s*[】\]:：])"
)
_NOTICE_WORDS = re.compile(
    r"请各|请大家|请相关|请各位|各值班组|安排如下|值班安排|排班如下|值班表|值班名单|"
    r"名单如下|下周值班|务必|请于|请[^，。；]{0,8}(?:值班的?同志|值班人员)"
)
_QUESTION = re.compile(r"[?？]|请问|吗[。！!~～\s]*$|怎么办|是否")
_PERIOD_SUMMARY = re.compile(r"上个?月|本月|这个月|今年|全年|本年度|累计|一共值班|共值班\d")
_NO_PROBLEM = re.compile(
    r"未发现(?:明显)?问题|没有?发现(?:明显)?问题|无(?:明显|其他|其它)?问题|未见(?:明显)?问题|"
    r"一切正常|情况正常|其余正常|其他正常|其它正常|均正常|秩序良好|环境整洁|路段整洁|"
    r"干净整洁|整体(?:较好|良好|干净)|存在问题[:：]\s*无|(?:情况|路段|网格|社区)[:：]?\s*(?:良好|正常)"
)


# Labels at the start of a sentence that say what the following sentences are.
class _Kind(Enum):
    NEUTRAL = "neutral"
    FOUND = "found"
    FIX = "fix"
    EFFECT = "effect"
    PLAN = "plan"
    CARRIED = "carried"
    STAFF = "staff"
    DATE = "date"
    SITE = "site"


_LABELS: dict[_Kind, tuple[str, ...]] = {
    _Kind.FOUND: (
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
    _Kind.FIX: (
        "整改情况",
        "处理情况",
        "处置情况",
        "整改措施",
        "处理结果",
        "整改结果",
        "解决情况",
        "整改落实",
        "整改",
        "处理",
        "处置",
    ),
    _Kind.EFFECT: ("工作成效", "取得成效", "工作成果", "成效"),
    _Kind.PLAN: (
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
    _Kind.CARRIED: ("遗留问题", "历史问题", "前期问题", "往期问题", "以前问题", "复查情况"),
    _Kind.STAFF: (
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
    _Kind.DATE: ("值班日期", "值班时间", "日期", "时间"),
    _Kind.SITE: (
        "值班地点",
        "值班路段",
        "值班网格",
        "值班点位",
        "责任路段",
        "地点",
        "路段",
        "点位",
    ),
    _Kind.NEUTRAL: (
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
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels}
_MARKER = (
    r"(?:[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|\d{1,2}\ufe0f?\u20e3|"
    r"\d{1,2}\s*[、.．)）](?!\d)|[①-⑳]|[一二三四五六七八九十]{1,3}\s*[、.．]|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十\d]{1,3}[条项点个]?[、，,.．:：]?)"
)
# Emoji, bullets and other symbols that decorate the start of a line.
_DECORATION = r"[^\w（(【\[]*"
_LABEL = re.compile(
    rf"^{_DECORATION}(?:{_MARKER})?{_DECORATION}[【\[]?\s*(?P<label>"
    + "|".join(sorted(map(re.escape, _LABEL_KIND), key=len, reverse=True))
    + r")\s*[】\]]?\s*(?:[:：]|$)"
)
_LEADING_MARKER = re.compile(rf"^{_DECORATION}(?P<marker>{_MARKER}){_DECORATION}")
_SENTENCE_END = re.compile(r"[\n。；;！!]+")
_FRAGMENT_SPLIT = re.compile(r"[，,：（）()【】\[\]]|(?<!\d):(?!\d)|—+|～|~")

# Sentences about other days or about plans are not today's problems.
_NOT_COUNTED = re.compile(r"不计入|不计|不重复统计|不再统计|不重复计|不再计|已计入|不统计|不算")
_CARRIED_OVER = re.compile(
    r"(?:上次|上周|前期|此前|之前|前几天|遗留|往期|以前|前天|上月)[^，。；]{0,12}"
    r"(?:反映|上报|报的|发现|提出|交办|问题)[^。；]*(?:仍|还|尚|依然|依旧)(?:未|没)"
)
_PLAN_START = re.compile(r"^(?:下一步|下步|明天|明日|下周|下次|今后|计划|拟|将继续|继续|争取)")

# Fragments that state what was looked at, not what was found.
_SCOPE = re.compile(
    r"对[^，。；]{0,24}进行|重点(?:对|检查|巡查|整治|清理)|开展[^，。；]{0,10}(?:整治|检查|巡查|排查)行动|"
    r"进行了?(?:检查|巡查|排查)"
)
_POSITIVE = re.compile(
    r"干净|整洁|良好|正常|较好|有序|规范|整齐|无问题|未发现|没有?发现|无明显|未见"
)
_NEGATED_START = re.compile(r"^(?:无|未发现|没有?发现|没有|未见|暂无)")
# Keywords that name things rather than problems (护栏 is fine until it is 松动).
_OBJECT_WORDS = frozenset(
    (
        "电动车",
        "自行车",
        "共享单车",
        "非机动车",
        "机动车",
        "车辆",
        "单车",
        "井盖",
        "盲道砖",
        "地砖",
        "路沿石",
        "缘石",
        "路面",
        "护栏",
        "路灯",
        "灯罩",
        "健身器材",
        "座椅",
        "公益广告",
        "宣传栏",
        "宣传牌",
        "标语",
        "海报",
        "展板",
        "核心价值观",
        "讲文明树新风",
        "盲道",
        "窨井",
        "下水道",
        "栏杆",
        "台阶",
        "电线杆",
        "站牌",
        "车棚",
        "消防通道",
        "停放",
        "停车",
        "宣传",
        "卫生",
        "标识",
        "公示",
        "广告牌",
        "招牌",
        "消防栓",
    )
)
_PROBLEM_PREDICATE = re.compile(
    r"乱|破损|损坏|缺失|丢失|松动|不亮|坏|占用|占道|杂乱|无序|不规范|过期|褪色|脱落|破旧|残缺|倒伏|"
    r"倾斜|堵塞|积水|满溢|未清|随意|违规|违停|堆积|堆|较多|很多|多处|若干|一些|扰民|停在|停放在|塌陷|"
    r"下沉|坑洼|裂缝|断裂|污损|缺|外溢|散落|不牵绳|私搭|张贴|涂画|晾晒|发现|有人|存在|被"
)

# How things ended. Result verbs say it is done even after 联系/通知 (已联系车主挪走); plain
# fix verbs need a sign that it happened (已, 当场, 了, 干净 …), or open the fragment
# (清理楼道小广告十二处), and after 通知/联系/报 they are only what was asked for.
_RESULT_VERBS = (
    "挪走",
    "挪开",
    "搬走",
    "搬离",
    "拖走",
    "拉走",
    "收走",
    "移走",
    "开走",
    "运走",
    "取走",
    "劝离",
    "驱离",
    "离开",
    "撤离",
    "收回",
    "撤回",
    "拆除",
    "清空",
    "清完",
    "修好",
    "捡起",
    "捡走",
    "驶离",
    "撤除",
    "拆掉",
)
_FIX_VERBS = (
    "清理",
    "清扫",
    "清除",
    "清运",
    "清走",
    "打扫",
    "捡拾",
    "拾捡",
    "捡",
    "规整",
    "整理",
    "处理",
    "修复",
    "维修",
    "修理",
    "更换",
    "撕掉",
    "撕除",
    "铲除",
    "擦除",
    "擦拭",
    "冲洗",
    "清洗",
    "摆放到",
    "摆放至",
    "摆放",
    "摆正",
    "摆好",
    "码放",
    "扶正",
    "挪至",
    "挪到",
    "挪",
    "移至",
    "移到",
    "改正",
    "纠正",
    "整改",
    "恢复",
    "归位",
    "拆",
    "制止",
    "疏导",
    "搬",
    "修",
    "解决",
    "处置",
    "落实",
    "完成",
)
_REQUEST_WORDS = (
    "通知",
    "联系",
    "告知",
    "要求",
    "督促",
    "责令",
    "建议",
    "交由",
    "转交",
    "上报",
    "报告",
    "报给",
    "报送",
    "已报",
    "报城管",
    "反映",
    "转达",
    "协调",
    "对接",
    "反馈",
    "移交",
    "拍照",
    "请",
    "让",
)
_PENDING_WORDS = (
    "待",
    "尚未",
    "未",
    "没有",
    "还没",
    "没",
    "暂未",
    "仍",
    "正在",
    "需要",
    "需",
    "等待",
    "等厂家",
    "等着",
    "限期",
    "尽快",
    "计划",
    "准备",
    "不",
)
_DONE_BEFORE = (
    "已经",
    "已",
    "当场",
    "现场",
    "均已",
    "都已",
    "全部",
    "均",
    "都",
    "随手",
    "顺手",
    "及时",
    "立即",
    "马上",
    "随即",
    "后",
    "并",
)
_DONE_AFTER = re.compile(r"(?:了|完毕|干净|整齐|到位|完成|好|掉|完|结束|到|至|起)")
_STATUS_TOKEN = re.compile(
    "|".join(
        sorted(
            map(re.escape, {*_RESULT_VERBS, *_FIX_VERBS, *_REQUEST_WORDS, *_PENDING_WORDS}),
            key=len,
            reverse=True,
        )
    )
)
_TOKEN_ROLE: dict[str, str] = {
    **{w: "pending" for w in _PENDING_WORDS},
    **{w: "request" for w in _REQUEST_WORDS},
    **{w: "fix" for w in _FIX_VERBS},
    **{w: "result" for w in _RESULT_VERBS},
}
# Words that may come before a verb that opens a fragment (大家一起清扫了…, 共规整…).
_ACTION_LEAD = re.compile(
    r"^(?:我们|大家|值班人员|志愿者|一起|共计|共|合计|并|还|又|另外|另|同时|随后|然后|帮助|帮|协助|"
    r"集中|主动|对|把|将|和|与|环卫工人|社区|物业|保洁员?|[^，]{0,8}一起|[\d一二三四五六七八九十]+名?人)*$"
)

_ALL_FIXED = re.compile(
    r"(?:均|都|全部|全都|已全部|全部已|一律)(?:已经?)?(?:当场|现场)?(?:整改|处理|清理|解决|处置|完成|落实|"
    r"整改到位|整改完毕|清除|规整)|当场(?:整改|清理|处理)完毕|已整改完毕|整改完毕|已全部整改"
)
_REST = re.compile(r"(?:其余|其他|其它|剩余|剩下|余下)(?!正常|均?无)")
_REMAINDER = re.compile(
    rf"(?:还有|另有|另外还有|另|剩余|剩下|余下)\s*(?P<n>{_NUM})\s*[{MEASURE_WORDS}]"
)
_CONSEQUENCE = re.compile(
    r"(?:存在|造成|形成|有)?[^，]{0,4}(?:安全)?隐患$|影响(?:通行|出行|市容|美观|环境)|易(?:绊倒|发生)"
)
_SUMMARY_FOUND = re.compile(
    rf"(?:发现|排查|存在|查找)(?:各类|各种)?问题(?P<n>{_NUM})(?:处|个|项|起|条)"
)
_SUMMARY_FIXED = re.compile(
    rf"^(?:已|当场|现场|已当场)?(?:整改|处理|解决|处置)(?:完成|完毕|到位)?(?P<n>{_NUM})(?:处|个|项|起|条)"
)
_ITEM_FLUFF = re.compile(
    r"^(?:[\W\d]*?)(?:巡查(?:中|时)?(?:还)?(?:发现|看到)|检查(?:中|时)?发现|仅发现|另外发现|另发现|还发现|"
    r"又发现|发现|看到|另外有|另有|还有|其中|另外|同时|并且|主要问题是|主要是|有|存在|一是|二是|三是|四是|五是|六是)+"
)

# Activities: (kind, trigger, measure words that count it).
_ACTIVITY_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("志愿服务", re.compile(r"志愿"), "人次|人"),
    ("劝导", re.compile(r"劝导|劝阻|劝离|纠正|制止|提醒|引导|教育"), "人次|人"),
    ("问卷调查", re.compile(r"问卷"), "份|张"),
    (
        "发放宣传资料",
        re.compile(
            r"(?:发放|分发|派发|散发|发出|赠送|递送)[^，。；]*?"
            r"(?:资料|彩页|传单|宣传单|折页|手册|公约|倡议书|明白纸|宣传品|宣传页|读本|告知书|一封信)"
        ),
        "份|张|册|本|页",
    ),
    ("入户宣传", re.compile(r"入户|走访|上门|居民|住户"), "户"),
)
# Putting up posters is work done for 宣传氛围, not a problem found (张贴小广告 is one).
_PUBLICITY_WORK = re.compile(
    r"[^，]{0,6}?(?:张贴|悬挂|布置|新增|制作|安装|设置)[^，]{0,10}?"
    r"(?:公益广告|标语|海报|展板|宣传画|横幅|宣传栏)(?![^，]*(?:破损|褪色|过期|缺失|脱落))"
)
_PERSON_TIMES = re.compile(rf"(?<![\d{_CN}百])(?P<n>\d{{1,6}}|[{_CN}百]{{1,8}})人次")
_ACTIVITY_MENTION = re.compile(r"入户|走访|问卷|宣传资料|发放|志愿|人次|宣传(?!栏|牌)")
_ACTIVITY_COUNT = re.compile(
    rf"(?<![\d.:：第{_CN}百])(?P<n>\d{{1,6}}|[{_CN}百]{{1,8}})\s?(?:余|多)?\s?(?P<unit>人次|份|户|张|册|本|页|人)"
)

_INDEX_REFS = re.compile(
    rf"^{_DECORATION}(?:第)?(?P<refs>[(（]?(?:\d{{1,2}}|[①-⑳])[)）]?"
    rf"(?:\s*[、,，和及与/]\s*[(（]?(?:\d{{1,2}}|[①-⑳])[)）]?)*)(?:项|条|号问题|点)?\s*[.．、:：]?"
    rf"(?![\d{MEASURE_WORDS}.．])"
)
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_LEAVE = re.compile(r"请假|缺勤|未到岗|没到岗|未参加|没参加|缺岗|调休|出差")
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


# ---------------------------------------------------------------------------------------------
# Per-unit lookup tables, built once per unit


@dataclass(frozen=True)
class _Lexicon:
    site_pattern: re.Pattern[str] | None
    site_by_spelling: dict[str, Site]
    staff_pattern: re.Pattern[str] | None
    staff_by_name: dict[str, str]
    departments: tuple[str, ...]
    categories: tuple[Category, ...]
    classifier: Classifier

    def site_at(self, spelling: str) -> Site | None:
        return self.site_by_spelling.get(_site_key(spelling))

    def staff_at(self, written: str) -> str:
        return self.staff_by_name.get(re.sub(r"\s+", "", written), written)


def _site_key(text: str) -> str:
    return fold(text).replace("(", "").replace(")", "")


def _site_variants(site: Site) -> set[str]:
    """Spellings beyond the site's own: without the side of the road, the grid's community."""
    forms = set(site.spellings())
    bare = without_brackets(site.name)
    side = re.search(r"(?:路|)([东西南北])侧$|路([东西南北])$|两侧$", bare)
    if side:
        base = bare[: side.start()]
        if side.group(2) and not base.endswith(("路", "街", "道", "巷", "线")):
            base = bare[:-1]  # 建设路西 → 建设路
        if len(base) >= 3:
            forms.add(fold(base))
    for inside in re.findall(r"[（(]([^（）()]*)[）)]", site.name):
        if inside.endswith(("社区", "小区", "网格", "村")):
            forms.add(fold(inside))
            community = re.sub(r"^.*?(?:街道|镇|乡)", "", inside)
            if len(community) >= 3:
                forms.add(fold(community))
    return forms


@lru_cache(maxsize=16)
def _lexicon_for(
    sites: tuple[Site, ...], staff: tuple[StaffMember, ...], categories: tuple[Category, ...]
) -> _Lexicon:
    owners: dict[str, set[str]] = {}
    written: dict[str, str] = {}
    for site in sites:
        for form in _site_variants(site):
            key = _site_key(form)
            owners.setdefault(key, set()).add(site.name)
            written.setdefault(key, form)
    by_name = {site.name: site for site in sites}
    # A loose spelling two sites share (建设路 for both sides) names neither.
    site_by_spelling = {
        key: by_name[next(iter(names))]
        for key, names in owners.items()
        if len(names) == 1 and len(key) >= 2
    }
    site_pattern = None
    if site_by_spelling:
        site_pattern = re.compile(
            "|".join(
                _site_regex(written[key]) for key in sorted(site_by_spelling, key=len, reverse=True)
            ),
            re.IGNORECASE,
        )

    staff_by_name: dict[str, str] = {}
    for member in staff:
        staff_by_name[re.sub(r"\s+", "", member.name)] = member.name
    staff_pattern = None
    if staff_by_name:
        staff_pattern = re.compile(
            "|".join(
                r"\s{0,2}".join(map(re.escape, name))
                for name in sorted(staff_by_name, key=len, reverse=True)
            )
        )
    departments = tuple(
        sorted({m.department for m in staff if m.department}, key=len, reverse=True)
    )
    return _Lexicon(
        site_pattern,
        site_by_spelling,
        staff_pattern,
        staff_by_name,
        departments,
        categories,
        classifier_for(categories),
    )


def _site_regex(form: str) -> str:
    # Spellings are folded (half-width brackets); the text may use either width.
    return "".join("[(（]" if ch == "(" else "[)）]" if ch == ")" else re.escape(ch) for ch in form)


def _lexicon(unit: Unit) -> _Lexicon:
    return _lexicon_for(unit.sites, unit.staff, unit.categories)


# ---------------------------------------------------------------------------------------------
# The whole message


def _clean(text: str) -> str:
    text = _CQ_CODE.sub(" ", text)
    return text.translate(_WIDTH)


def _parse(
    text: str, sent_at: datetime, unit: Unit, assume_report: bool = False
) -> list[ParsedReport]:
    if not isinstance(text, str) or not text:
        return []
    notes: list[str] = []
    if len(text) > MAX_ANALYSED_CHARS:
        text = text[:MAX_ANALYSED_CHARS]
        notes.append(f"消息太长，只读了前{MAX_ANALYSED_CHARS}字")
    text = _clean(text)
    lexicon = _lexicon(unit)
    # The cheap exit that most chat takes.
    site_hit = lexicon.site_pattern.search(text) if lexicon.site_pattern else None
    if not assume_report and (
        (not site_hit and not _DUTY_WORDS.search(text)) or _NOTICE_START.search(text)
    ):
        return []

    sections = _split_by_site(text, lexicon)
    day, date_notes, only_future = _read_date(_mask_names(text, lexicon), sent_at.date())
    if only_future and not assume_report:
        return []  # 1月15日值班名单… : about a duty still to come
    notes.extend(date_notes)

    reports: list[ParsedReport] = []
    strong = False
    for site, body in sections:
        reading = _read_section(body, lexicon)
        strong = strong or reading.strong
        if not reading.has_content and not (assume_report and len(sections) == 1):
            continue
        site_notes = list(notes)
        if site is None:
            site_notes.append(_unknown_site_note(text))
        site_notes.extend(f"“{name}”不在人员名单中，按原文记" for name in reading.unlisted)
        site_notes.extend(reading.notes)
        reports.append(
            ParsedReport(
                date=day,
                site=site.name if site else None,
                staff=tuple(reading.staff),
                found=tuple(reading.found),
                resolved=tuple(reading.resolved),
                activities=tuple(reading.activities),
                notes=tuple(site_notes),
                problems=tuple(reading.problems),
            )
        )
    if not reports:
        return []
    if not strong and not assume_report:
        # Without a report's shape, a question, a request to others or a period summary is chat.
        if _QUESTION.search(text) or _NOTICE_WORDS.search(text):
            return []
        if _PERIOD_SUMMARY.search(text) and not site_hit:
            return []
    return reports


def _unknown_site_note(text: str) -> str:
    labelled = re.search(
        r"(?:值班地点|值班路段|值班网格|地点|路段|点位)\s*[:：]\s*([^\s，,。；;]{2,24})", text
    )
    if labelled:
        return f"没认出地点“{labelled.group(1)}”"
    named = re.search(
        r"([\u4e00-\u9fff\d]{2,12}?(?:路|街|大道|社区|网格|小区|广场))"
        r"(?:[东西南北]侧|路[东西南北]|两侧)?\s*(?:今日|今天|今早)?(?:网格)?值班",
        text,
    )
    if named:
        place = re.sub(r"^(?:今日|今天|今早|昨天|昨日|在|到|赴)+", "", named.group(1))
        return f"没认出地点“{place}”"
    return "没找到值班地点"


def _mask_names(text: str, lexicon: _Lexicon) -> str:
    """Staff names hidden, so that 周一鸣 is not read as a Monday."""
    if lexicon.staff_pattern is None:
        return text
    return lexicon.staff_pattern.sub(lambda m: "人" * len(m.group()), text)


# ---------------------------------------------------------------------------------------------
# Sites


def _find_sites(text: str, lexicon: _Lexicon) -> list[tuple[int, int, Site]]:
    if lexicon.site_pattern is None:
        return []
    hits = []
    for match in lexicon.site_pattern.finditer(text):
        site = lexicon.site_at(match.group())
        if site is not None:
            hits.append((match.start(), match.end(), site))
    return hits


_HEADER_BEFORE = re.compile(
    rf"(?:^|[\n。；;])\s*{_DECORATION}(?:{_MARKER})?{_DECORATION}[【\[（(]?\s*$"
)
_HEADER_AFTER = re.compile(r"^\s*(?:[】\]]|[（(]|[:：]|\s|$|值班|网格值班)")
_SITE_LABEL = re.compile(
    r"(?:值班地点|值班路段|值班网格|值班点位|责任路段|地点|路段|点位)\s*[:：]\s*$"
)


def _before(text: str, start: int, width: int = 16) -> str:
    """The few characters before ``start``; a leading "x" stands for cut-off text, so that
    ``^`` in a pattern still means the start of the message."""
    if start <= width:
        return text[:start]
    return "x" + text[start - width : start]


def _split_by_site(text: str, lexicon: _Lexicon) -> list[tuple[Site | None, str]]:
    """(site, text about it) pairs: one per site heading when several sites have one, else
    the whole text with the site named first (a labelled 值班地点 first of all)."""
    hits = _find_sites(text, lexicon)
    if not hits:
        return [(None, text)]
    headers = [
        (start, end, site)
        for start, end, site in hits
        if _HEADER_BEFORE.search(_before(text, start)) and _HEADER_AFTER.match(text[end : end + 4])
    ]
    if len({site.name for _, _, site in headers}) >= 2:
        bodies: dict[str, list[str]] = {}
        by_name: dict[str, Site] = {}
        # A section starts at its heading's line or sentence, decorations included.
        starts = [
            max(text.rfind(mark, 0, start) for mark in "\n。；;") + 1
            for start, _end, _site in headers
        ]
        for index, (_start, _end, site) in enumerate(headers):
            stop = starts[index + 1] if index + 1 < len(starts) else len(text)
            bodies.setdefault(site.name, []).append(text[starts[index] : stop])
            by_name[site.name] = site
        return [(by_name[name], "\n".join(parts)) for name, parts in bodies.items()]
    labelled = [hit for hit in hits if _SITE_LABEL.search(_before(text, hit[0]))]
    chosen = (labelled or hits)[0][2]
    return [(chosen, text)]


# ---------------------------------------------------------------------------------------------
# Dates


_DATE = re.compile(
    rf"(?P<full>(?P<fy>\d{{4}}|[{_CN}]{{4}})\s*[年./-]\s*(?P<fm>\d{{1,2}}|[{_CN}]{{1,3}})\s*[月./-]\s*"
    rf"(?P<fd>\d{{1,2}}|[{_CN}]{{1,3}})(?![\d])\s*[日号]?)"
    rf"|(?P<md>(?<![\d.])(?P<mm>\d{{1,2}}|[{_CN}]{{1,3}})\s*月\s*(?P<md_d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号])"
    rf"|(?P<num>(?<![\d./-])(?<!\d[:：])(?P<nm>\d{{1,2}})[./-](?P<nd>\d{{1,2}})"
    rf"(?![\d./:：-]|\s*(?:[{MEASURE_WORDS}]|号|米|%|吨|元|斤|公斤|倍|万)))"
    rf"|(?P<day>(?<![\d月.])(?P<dd>\d{{1,2}}|[{_CN}]{{1,3}})日)"
    rf"|(?P<week>(?P<wp>上|本|这|下)?(?<!每)(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7]))"
    rf"|(?P<rel>今天|今日|今早|今晨|本日|昨天|昨日|昨晚|前天|前日)"
)
_DATE_LABEL_BEFORE = re.compile(r"(?:日期|时间)\s*[:：]?\s*$")
_DATE_REFERENCE_AFTER = re.compile(
    r"\s*(?:前|之前|以前|以来|至今|反映|上报|报的|发现的|交办|通报|起)"
)
_WEEKDAYS = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "1": 0,
    "2": 1,
    "3": 2,
    "4": 3,
    "5": 4,
    "6": 5,
    "7": 6,
}
_RELATIVE_DAYS = {
    "今天": 0,
    "今日": 0,
    "今早": 0,
    "今晨": 0,
    "本日": 0,
    "昨天": 1,
    "昨日": 1,
    "昨晚": 1,
    "前天": 2,
    "前日": 2,
}
_HEAD_CHARS = 60
# A stated date further back than this is kept but questioned in the reply.
STALE_DAYS = 31


def resolve_date(text: str, sent_at: datetime) -> tuple[date, tuple[str, ...]]:
    """The duty date a message states, read against the day it was sent, and any notes.

    Preference: a labelled date (日期：…), then a calendar date, a weekday, a relative word
    (今天, 昨日), each first in the message's head; dates after the send date are plans or
    deadlines and are skipped. A date that does not exist gives the send date and a note.
    """
    day, notes, _only_future = _read_date(text, sent_at.date())
    return day, notes


def _read_date(text: str, sent: date) -> tuple[date, tuple[str, ...], bool]:
    """``resolve_date`` plus whether every date the text states lies ahead (a plan)."""
    first_line_end = text.find("\n")
    head_end = max(_HEAD_CHARS, first_line_end)
    best: tuple[int, int] | None = None
    best_result: tuple[date | None, str] | None = None
    future_seen = False
    for match in _DATE.finditer(text):
        if _DATE_REFERENCE_AFTER.match(text, match.end()):
            continue
        resolved, written = _resolve_match(match, sent)
        if resolved == "future":
            future_seen = True
            continue
        if resolved == "skip":
            continue
        if match.group("full") or match.group("md") or match.group("num") or match.group("day"):
            rank = 1
        elif match.group("week"):
            rank = 2
        else:
            rank = 3
        if _DATE_LABEL_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            rank = 0
        if match.start() > head_end and rank:
            rank += 4
        key = (rank, match.start())
        if best is None or key < best:
            best = key
            best_result = (resolved if isinstance(resolved, date) else None, written)
    if best_result is None:
        return sent, (), future_seen
    found, written = best_result
    if found is None:
        return sent, (f"日期“{written}”不存在，按发送日期记",), False
    if (sent - found).days > STALE_DAYS:
        return found, (f"日期“{written}”距发送日已超过{STALE_DAYS}天，请确认",), False
    return found, (), False


def _resolve_match(match: re.Match[str], sent: date) -> tuple[date | str | None, str]:
    """A date match as a date; ``None`` when it does not exist; ``"future"`` when it lies
    after the send date; ``"skip"`` when it is not a date after all (13月5日)."""
    written = match.group().strip()
    if match.group("rel"):
        return sent - timedelta(days=_RELATIVE_DAYS[match.group("rel")]), written
    if match.group("week"):
        weekday = _WEEKDAYS[match.group("wd")]
        monday = sent - timedelta(days=sent.weekday())
        prefix = match.group("wp")
        if prefix == "上":
            return monday - timedelta(days=7 - weekday), written
        if prefix == "下":
            return "future", written
        day = monday + timedelta(days=weekday)
        if prefix:  # 本周五 said on a Wednesday is ahead
            return ("future" if day > sent else day), written
        return (day if day <= sent else day - timedelta(days=7)), written
    if match.group("full"):
        year = chinese_numeral(match.group("fy"))
        month = chinese_numeral(match.group("fm"))
        day_number = chinese_numeral(match.group("fd"))
        if year is None or month is None or day_number is None or not 1 <= month <= 12:
            return "skip", written  # not a date at all
        try:
            stated = date(year, month, day_number)
        except ValueError:
            return None, written
        return ("future" if stated > sent else stated), written
    if match.group("md") or match.group("num"):
        month = chinese_numeral(match.group("mm") or match.group("nm"))
        day_number = chinese_numeral(match.group("md_d") or match.group("nd"))
        if month is None or day_number is None or not 1 <= month <= 12 or not 1 <= day_number <= 31:
            return "skip", written
        return _nearest_past(sent, month, day_number), written
    day_number = chinese_numeral(match.group("dd"))
    if day_number is None or not 1 <= day_number <= 31:
        return "skip", written
    month, year = sent.month, sent.year
    if day_number > sent.day:
        month, year = (12, year - 1) if month == 1 else (month - 1, year)
    try:
        return date(year, month, day_number), written
    except ValueError:
        return None, written


def _nearest_past(sent: date, month: int, day_number: int) -> date | str | None:
    """A month and day without a year: this year's, or last year's across New Year."""
    try:
        this_year = date(sent.year, month, day_number)
    except ValueError:
        this_year = None
    if this_year is not None and this_year <= sent:
        return this_year
    if this_year is not None and (this_year - sent).days <= 62:
        return "future"
    try:
        return date(sent.year - 1, month, day_number)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------
# One site's text


@dataclass
class _Draft:
    """An item while its sentence is being read."""

    text: str
    category: str
    count: int
    explicit: bool
    list_no: int | None
    status: str | None = None  # "fixed" or "pending"
    fixed_count: int | None = None  # a partial fix stated with its own number
    fix_text: str = ""

    @property
    def resolved(self) -> int:
        if self.fixed_count is not None:
            return min(self.count, self.fixed_count)
        return self.count if self.status == "fixed" else 0


@dataclass
class _Reading:
    staff: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    problems: list[ReportedProblem] = field(default_factory=list)
    no_problem: bool = False
    activity_mentioned: bool = False
    strong: bool = False
    summary_found: int | None = None
    summary_fixed: int | None = None
    notes: list[str] = field(default_factory=list)
    found: list[Item] = field(default_factory=list)
    resolved: list[Item] = field(default_factory=list)

    @property
    def has_content(self) -> bool:
        return bool(
            self.found
            or self.activities
            or self.no_problem
            or len(self.staff) >= 2
            or (self.activity_mentioned and self.staff)
        )


@dataclass(frozen=True)
class _Status:
    state: str | None  # "fixed", "pending" or None
    quantity: Quantity | None  # the number the state is about (3辆已挪走)
    starts_with_action: bool  # 清理楼道小广告十二处: the verb opens the fragment


def _read_section(body: str, lexicon: _Lexicon) -> _Reading:
    reading = _Reading()
    reading.staff, reading.unlisted, staff_labelled = _find_staff(body, lexicon)
    reading.no_problem = bool(_NO_PROBLEM.search(body))
    kind = _Kind.NEUTRAL
    found_seen = False
    for sentence in _sentences(body):
        label = _LABEL.match(sentence)
        if label:
            kind_here = _LABEL_KIND[label.group("label")]
            if kind_here in (_Kind.FOUND, _Kind.FIX):
                reading.strong = True
            sentence = sentence[label.end() :]
            if kind_here in (_Kind.STAFF, _Kind.DATE, _Kind.SITE):
                continue
            kind = kind_here
            if not sentence.strip():
                continue
        if (
            kind in (_Kind.PLAN, _Kind.CARRIED)
            or _NOT_COUNTED.search(sentence)
            or _CARRIED_OVER.search(sentence)
            or _PLAN_START.match(sentence.strip())
        ):
            continue
        if kind == _Kind.FOUND:
            found_seen = True
        _read_sentence(sentence, kind, found_seen, reading, lexicon)
    if staff_labelled:
        reading.strong = True
    _finish(reading)
    return reading


def _sentences(body: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(body) if s.strip()]


def _read_sentence(
    sentence: str, kind: _Kind, found_seen: bool, reading: _Reading, lexicon: _Lexicon
) -> None:
    list_no: int | None = None
    targets: list[_Draft] = []  # items a 整改 line refers to by number (1、3当场整改)
    if kind in (_Kind.FIX, _Kind.EFFECT):
        refs = _index_refs(sentence)
        if refs:
            targets = [d for d in (_draft_numbered(reading.drafts, n) for n in refs[0]) if d]
            if targets:
                sentence = refs[1]
    else:
        marker = _LEADING_MARKER.match(sentence)
        if marker:
            list_no = _marker_number(marker.group("marker"))
            sentence = sentence[marker.end() :]
    current: _Draft | None = targets[0] if len(targets) == 1 else None
    pending_activity: str | None = None
    for raw in _fragments(sentence):
        fragment = raw.strip()
        if not fragment:
            continue
        activity, pending_activity = _activity(fragment, pending_activity)
        if activity is not None:
            reading.activities.append(activity)
            continue
        if (
            _ACTIVITY_MENTION.search(fragment) and not _has_problem_word(fragment, lexicon)
        ) or _PUBLICITY_WORK.match(fragment):
            reading.activity_mentioned = True
            continue
        if _summary(fragment, reading):
            continue
        if current is not None and _CONSEQUENCE.match(fragment):
            continue  # 存在安全隐患: says why the item matters, not a new one
        if kind in (_Kind.FIX, _Kind.EFFECT):
            refs = _index_refs(fragment)  # 1、2当场整改到位，3已报区城管局
            numbered = (
                [d for d in (_draft_numbered(reading.drafts, n) for n in refs[0]) if d]
                if refs
                else []
            )
            if numbered and refs:
                targets = numbered
                fragment = refs[1]
                current = numbered[0] if len(numbered) == 1 else None
        if len(targets) > 1:
            status = _status(fragment)
            for target in targets:
                _apply(target, status, fragment, False)
            continue

        status = _status(fragment)
        if status.state and current is not None and _STATUS_OPENING.match(fragment):
            _apply(current, status, fragment, True)
            continue
        if status.state and _REST.match(fragment):
            # 其余2处已报社区: the items no fragment has spoken for yet.
            for draft in reading.drafts:
                if draft.status is None and draft is not current:
                    _apply(draft, status, fragment, False)
            continue
        if _is_problem(fragment, kind, status, lexicon):
            target = _target_of(fragment, kind, status, current, reading, lexicon)
            if target is not None:
                _apply(target, status, fragment, True, adopt_count=True)
                current = target
                continue
            if kind == _Kind.EFFECT and found_seen:
                continue  # 工作成效 restates what the list already counted
            parts = _split_listed(fragment)
            for part in parts:
                current = _new_draft(part, list_no, lexicon)
                reading.drafts.append(current)
                # 清理楼道杂物4处、小广告15张 and 电动车3处、小广告1处均已整改: the verb
                # at either end speaks for every part.
                own = _status(part)
                _apply(
                    current, own if own.state or len(parts) == 1 else status, part, len(parts) == 1
                )
            continue

        if status.state is None:
            remainder = _REMAINDER.match(fragment)
            if (
                remainder
                and current is not None
                and current.status == "fixed"
                and current.fixed_count is None
            ):
                # 小广告已清除3处，还有2处够不着: 5 found, 3 fixed.
                extra = chinese_numeral(remainder.group("n")) or 0
                current.fixed_count, current.count = current.count, current.count + extra
                continue
            if current is not None and not current.explicit:
                quantity = find_quantity(fragment)
                if quantity and not quantity.vague and _is_bare_count(fragment, quantity):
                    current.count, current.explicit = quantity.value, True  # 共两袋
            continue
        if current is None and _ALL_FIXED.search(fragment):
            for draft in reading.drafts:
                draft.status, draft.fixed_count = "fixed", None
                draft.fix_text = draft.fix_text or fragment
            continue
        if current is None and reading.drafts:
            if kind in (_Kind.FIX, _Kind.EFFECT):
                open_drafts = [d for d in reading.drafts if d.status != "fixed"]
                if len(open_drafts) == 1:
                    current = open_drafts[0]
            elif reading.drafts[-1].status is None:
                current = reading.drafts[-1]
        if current is not None:
            _apply(current, status, fragment, True)


def _target_of(
    fragment: str,
    kind: _Kind,
    status: _Status,
    current: _Draft | None,
    reading: _Reading,
    lexicon: _Lexicon,
) -> _Draft | None:
    """The item a problem-naming fragment is about, when it is not a new one."""
    if kind in (_Kind.FIX, _Kind.EFFECT):
        return _matching_draft(fragment, reading.drafts, lexicon)
    if status.state and not status.starts_with_action:
        # 电动车已摆放整齐: the fate of something already named (or a new item, fixed).
        return _matching_draft(fragment, reading.drafts, lexicon)
    if status.state == "fixed" and current is not None and current.status is None:
        # 路上落叶多，大家一起清扫了人行道落叶: one item, now fixed.
        return _matching_draft(fragment, [current], lexicon)
    return None


def _fragments(sentence: str) -> list[str]:
    return _FRAGMENT_SPLIT.split(sentence)


def _marker_number(marker: str) -> int | None:
    digits = re.search(r"\d+", marker)
    if digits:
        return int(digits.group())
    circled = re.search(f"[{_CIRCLED}]", marker)
    if circled:
        return _CIRCLED.index(circled.group()) + 1
    numeral = re.search(f"[{_CN}]+", marker)
    return chinese_numeral(numeral.group()) if numeral else None


def _index_refs(fragment: str) -> tuple[list[int], str] | None:
    """``1、3当场整改`` → ([1, 3], "当场整改"); None when the fragment does not start so."""
    match = _INDEX_REFS.match(fragment)
    if not match:
        return None
    numbers = []
    for token in re.findall(rf"\d{{1,2}}|[{_CIRCLED}]", match.group("refs")):
        # ① is a digit to str.isdigit but not to int().
        numbers.append(_CIRCLED.index(token) + 1 if token in _CIRCLED else int(token))
    rest = fragment[match.end() :]
    if not rest or not _STATUS_TOKEN.search(rest):
        return None
    return numbers, rest


def _draft_numbered(drafts: list[_Draft], number: int) -> _Draft | None:
    for draft in drafts:
        if draft.list_no == number:
            return draft
    if not any(d.list_no for d in drafts) and 1 <= number <= len(drafts):
        return drafts[number - 1]
    return None


def _has_problem_word(text: str, lexicon: _Lexicon) -> bool:
    return any(w not in _OBJECT_WORDS for w in lexicon.classifier.words(text))


def _is_problem(fragment: str, kind: _Kind, status: _Status, lexicon: _Lexicon) -> bool:
    if _NEGATED_START.match(fragment) or (_SCOPE.search(fragment) and not find_quantity(fragment)):
        return False
    words = lexicon.classifier.words(fragment)
    if not words:
        # Under 发现问题, a counted thing is a problem even without a keyword (as 其他).
        return kind == _Kind.FOUND and _counted(fragment) and not _POSITIVE.search(fragment)
    quantity = find_quantity(fragment)
    predicate = _PROBLEM_PREDICATE.search(fragment)
    problem_word = any(w not in _OBJECT_WORDS for w in words)
    if _POSITIVE.search(fragment) and not (predicate or quantity or status.state):
        return False
    if kind == _Kind.FOUND:
        return True
    return bool(problem_word or predicate or quantity or status.state == "fixed")


def _split_listed(fragment: str) -> list[str]:
    """``楼道小广告2处、垃圾桶破损1个`` is two items; ``电动车、自行车二十三辆`` is one."""
    parts = [p for p in fragment.split("、") if p.strip()]
    if len(parts) >= 2 and sum(1 for p in parts if _counted(p)) >= 2:
        return parts
    return [fragment]


def _counted(text: str) -> bool:
    quantity = find_quantity(text)
    return quantity is not None and not quantity.vague


def _is_bare_count(fragment: str, quantity: Quantity) -> bool:
    rest = (fragment[: quantity.start] + fragment[quantity.end :]).strip()
    return len(re.sub(r"共|计|约|合计|总共|大约|[\W_]", "", rest)) <= 2


def _new_draft(fragment: str, list_no: int | None, lexicon: _Lexicon) -> _Draft:
    quantities = [q for q in find_quantities(fragment)]
    real = [q for q in quantities if not q.vague]
    if real:
        count, explicit = real[0].value, True
    else:
        count, explicit = 1, False
    text = _item_text(fragment, quantities)
    category = lexicon.classifier.classify(fragment)
    return _Draft(
        text=text or fragment.strip(),
        category=category,
        count=max(1, count),
        explicit=explicit,
        list_no=list_no,
    )


_STATUS_TAIL = re.compile(r"(?:已经?|当场|现场|均已|都已|经(?:过|劝导|联系|协调|沟通))[^，]*$")
# A fragment opening like this tells what became of the item before it.
_STATUS_OPENING = re.compile(r"[\W_]*(?:已|当场|现场|经|均|都|全部|并|随即|立即|及时|随后|后)")


def _item_text(fragment: str, quantities: list[Quantity]) -> str:
    text = fragment
    for quantity in sorted(quantities, key=lambda q: q.start, reverse=True):
        text = text[: quantity.start] + text[quantity.end :]
    text = _STATUS_TAIL.sub("", text)
    text = re.sub(r"^(?:共|约|计)+|(?:共|约|计|的|了|等)+$", "", _ITEM_FLUFF.sub("", text).strip())
    return text.strip(" 　、,，.。：:;；-—")[:60]


def _matching_draft(fragment: str, drafts: list[_Draft], lexicon: _Lexicon) -> _Draft | None:
    """The already named item a fixing fragment speaks about, if any."""
    if not drafts:
        return None
    category = lexicon.classifier.classify(fragment)
    grams = _bigrams(fragment)
    best: _Draft | None = None
    best_score = 0.0
    for draft in drafts:
        shared = len(grams & _bigrams(draft.text))
        if shared == 0:
            continue
        if draft.category != category and shared < 2:
            continue
        score = (
            shared
            + (1 if draft.category == category else 0)
            + (0.5 if draft.status != "fixed" else 0)
        )
        if score > best_score:
            best, best_score = draft, score
    return best


_NOT_CONTENT = re.compile(r"[^\u4e00-\u9fff]")


@lru_cache(maxsize=4096)
def _bigrams(text: str) -> frozenset[str]:
    core = _STATUS_TOKEN.sub(" ", text)
    core = _NOT_CONTENT.sub(" ", core)
    grams = set()
    for chunk in core.split():
        grams.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return frozenset(grams)


def _status(fragment: str) -> _Status:
    """How a fragment says things ended: the last event in it wins."""
    state: str | None = None
    governed = False  # after 通知/联系/报, a plain fix verb is only what was asked
    future = False  # after 待/未/限期, a verb is not done yet
    last_block = -1
    starts_with_action = False
    for match in _STATUS_TOKEN.finditer(fragment):
        token = match.group()
        role = _TOKEN_ROLE[token]
        start = match.start()
        if role == "pending":
            if token == "不":
                # 不 alone is too common (不牵绳, 不亮); it counts only before a fix verb.
                following = _STATUS_TOKEN.match(fragment, match.end())
                if not following or _TOKEN_ROLE[following.group()] not in ("fix", "result"):
                    continue
            state, future, last_block = "pending", True, start
            continue
        if role == "request":
            state, governed, future, last_block = "pending", True, False, start
            continue
        marked_before = _marked_before(fragment, start, last_block)
        if future and not marked_before:
            state = "pending"
            continue
        if role == "result":
            state, future = "fixed", False
            continue
        lead = _leading_words(fragment[:start])
        opens = not governed and _ACTION_LEAD.match(lead) is not None
        # 把电动车摆放到停车区: the disposal form tells of something done.
        disposal = not governed and ("把" in lead or "将" in lead)
        if marked_before or opens or disposal or _DONE_AFTER.match(fragment, match.end()):
            state, future = "fixed", False
            starts_with_action = starts_with_action or (opens and not marked_before)
        elif governed:
            state = "pending"
    quantity = find_quantity(fragment) if state else None
    if quantity is not None and quantity.vague:
        quantity = None
    return _Status(state, quantity, starts_with_action)


def _leading_words(prefix: str) -> str:
    return re.sub(r"[\W_]", "", prefix)


def _marked_before(fragment: str, start: int, last_block: int) -> bool:
    """已/当场/… between the last 通知/待 and the verb."""
    window = fragment[max(last_block + 1, start - 6, 0) : start]
    return any(mark in window for mark in _DONE_BEFORE if mark not in ("后", "并")) or (
        window.endswith(("后", "后已", "并")) and last_block >= 0
    )


def _apply(
    draft: _Draft, status: _Status, fragment: str, about_this: bool, adopt_count: bool = False
) -> None:
    """Record what a fragment says about an item's outcome."""
    if status.state is None:
        return
    quantity = status.quantity
    if status.state == "fixed":
        if quantity is not None and about_this:
            if adopt_count and not draft.explicit and quantity.value > draft.count:
                draft.count, draft.explicit = quantity.value, True
            if quantity.value >= draft.count:
                draft.fixed_count = None
            else:
                draft.fixed_count = (draft.fixed_count or 0) + quantity.value
        draft.status = "fixed"
        draft.fix_text = fragment.strip()
        return
    # Pending: 3辆已挪走，另2辆车主联系不上 keeps the 3.
    if draft.fixed_count is not None:
        return
    if draft.status == "fixed" and quantity is not None and quantity.value < draft.count:
        draft.fixed_count = draft.count - quantity.value
        return
    draft.status = "pending"


def _summary(fragment: str, reading: _Reading) -> bool:
    """``共发现问题8处`` and ``整改6处``: totals, used when no item is named."""
    found = _SUMMARY_FOUND.search(fragment)
    if found:
        reading.summary_found = chinese_numeral(found.group("n"))
        return True
    fixed = _SUMMARY_FIXED.search(fragment)
    if fixed and reading.summary_found is not None and not reading.drafts:
        reading.summary_fixed = chinese_numeral(fixed.group("n"))
        return True
    return False


def _activity(fragment: str, pending: str | None) -> tuple[Activity | None, str | None]:
    """An activity with its number, and the kind still waiting for a number (入户宣传，走访…)."""
    for kind, trigger, measures in _ACTIVITY_RULES:
        if not trigger.search(fragment):
            continue
        for match in _ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                count = chinese_numeral(match.group("n"))
                if count:
                    return Activity(kind, count, ACTIVITY_UNITS[kind]), None
        if kind != "入户宣传" or "入户" in fragment:
            return None, kind
    if pending is not None:
        measures = next(m for k, _t, m in _ACTIVITY_RULES if k == pending)
        for match in _ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                count = chinese_numeral(match.group("n"))
                if count:
                    return Activity(pending, count, ACTIVITY_UNITS[pending]), None
    # 人次 with no other word is someone persuaded.
    match = _PERSON_TIMES.search(fragment)
    if match and not _PROBLEM_PREDICATE.search(fragment[: match.start()]):
        count = chinese_numeral(match.group("n"))
        if count:
            return Activity("劝导", count, "人次"), None
    return None, pending


def _finish(reading: _Reading) -> None:
    for draft in reading.drafts:
        reading.found.append(Item(draft.category, draft.text, draft.count))
        fix_text = ""
        if draft.resolved > 0:
            fix_text = _resolution_text(draft)
            reading.resolved.append(Item(draft.category, fix_text, draft.resolved))
        reading.problems.append(
            ReportedProblem(draft.category, draft.text, draft.count, draft.resolved, fix_text)
        )
    if not reading.drafts and reading.summary_found:
        # Only totals were given: one uncategorised item.
        fallback = "其他"
        reading.found.append(Item(fallback, "问题", reading.summary_found))
        fixed = min(reading.summary_fixed or 0, reading.summary_found)
        if fixed:
            reading.resolved.append(Item(fallback, "已整改", fixed))
        reading.problems.append(
            ReportedProblem(
                fallback, "问题", reading.summary_found, fixed, "已整改" if fixed else ""
            )
        )
    elif reading.drafts and reading.summary_found:
        total = sum(d.count for d in reading.drafts)
        if reading.summary_found not in (total, len(reading.drafts)):
            reading.notes.append(
                f"问题合计{reading.summary_found}处与明细{total}处不一致，按明细记"
            )


def _resolution_text(draft: _Draft) -> str:
    fix = draft.fix_text.strip(" ，,。；;")
    if not fix:
        return f"{draft.text}（已整改）"
    if _bigrams(fix) & _bigrams(draft.text):
        return fix[:60]
    return f"{draft.text}，{fix}"[:60]


# ---------------------------------------------------------------------------------------------
# Staff


_NAME_SPLIT = re.compile(r"[、，,；;：:\s/]+|和|及|与|以及|还有")
_NAME_PREFIX = re.compile(r"^.*?(?:新来的同事|新同事|同事|志愿者|实习生|以及|还有|带领|和|及|与)")
_NAME_SUFFIX = re.compile(
    r"(?:等\d*|等[一二三四五六七八九十]*|一起|共|到|在|参加|参与|值班|同志|按时|到岗|负责|带队|"
    r"[\d一二三四五六七八九十两]+[名位人]).*$"
)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "夏侯",
    "长孙",
    "宇文",
    "司徒",
    "端木",
)
_NOT_IN_NAMES = frozenset(
    "的了们是在有和与及等到去来说把被让给对从向着过这那个位名人同志区路街社网格科"
    "办队局委会室组长员楼号门口处辆车值班岗天日月年今昨周全体大家我你他她它"
)


def _find_staff(body: str, lexicon: _Lexicon) -> tuple[list[str], list[str], bool]:
    """Names on duty in order (canonical for listed staff), the unlisted ones, and whether a
    staff label (值班人员：) was seen."""
    names: list[str] = []
    unlisted: list[str] = []
    labelled_seen = False
    for clause in re.split(r"[\n。；;！!]+", body):
        if not clause.strip() or _LEAVE.search(clause):
            continue
        label = _LABEL.match(clause)
        labelled = bool(label and _LABEL_KIND[label.group("label")] == _Kind.STAFF)
        labelled_seen = labelled_seen or labelled
        known = list(lexicon.staff_pattern.finditer(clause)) if lexicon.staff_pattern else []
        for match in known:
            name = lexicon.staff_at(match.group())
            if name not in names:
                names.append(name)
        if known or labelled:
            value = clause[label.end() :] if labelled and label else clause
            for name in _unlisted_names(value, lexicon):
                if name not in names:
                    names.append(name)
                    unlisted.append(name)
    return names, unlisted, labelled_seen


def _unlisted_names(clause: str, lexicon: _Lexicon) -> list[str]:
    """Names in a list that also holds listed staff (郑凯和新来的同事张华、林小雨一起…)."""
    masked = lexicon.staff_pattern.sub("\x00", clause) if lexicon.staff_pattern else clause
    masked = re.sub(r"[（(][^）)]*[）)]", "、", masked)
    found = []
    for token in _NAME_SPLIT.split(masked):
        if not token or "\x00" in token:
            continue
        name = _NAME_PREFIX.sub("", token)
        for department in lexicon.departments:
            if name.startswith(department):
                name = name[len(department) :]
        name = _NAME_SUFFIX.sub("", name)
        name = strip_title(name)
        if _looks_like_name(name):
            found.append(name)
    return found


def _looks_like_name(name: str) -> bool:
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if name.endswith(TITLES):
        return False
    compound = name.startswith(_COMPOUND_SURNAMES)
    if not compound and (name[0] not in _SURNAMES or len(name) > 3):
        return False
    given = name[2:] if compound else name[1:]
    return bool(given) and not any(ch in _NOT_IN_NAMES for ch in given)
