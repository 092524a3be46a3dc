"""Who was on duty: listed staff (canonical names), unlisted names where a list or an on-duty
word stands, and people said to be absent."""

from __future__ import annotations

import re

from ..unit import TITLES, strip_title
from .clauses import LABEL, LABEL_KIND, Kind
from .unitwords import UnitWords

_LEAVE = re.compile(r"请假|缺勤|未到岗|没到岗|未参加|没参加|缺岗|调休|出差")


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


def find_staff(body: str, lexicon: UnitWords) -> tuple[list[str], list[str], bool]:
    """Names on duty in order (canonical for listed staff), the unlisted ones, and whether a
    staff label (值班人员：) was seen."""
    names: list[str] = []
    unlisted: list[str] = []
    labelled_seen = False
    for clause in re.split(r"[\n。；;！!]+", body):
        if not clause.strip() or _LEAVE.search(clause):
            continue
        label = LABEL.match(clause)
        labelled = bool(label and LABEL_KIND[label.group("label")] == Kind.STAFF)
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


def _unlisted_names(clause: str, lexicon: UnitWords) -> list[str]:
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
