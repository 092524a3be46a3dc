"""Cutting a site's text into sentences and clauses, and the section labels (发现问题：, 整改情况：)
and list markers (1、 ① （2）) that structure it."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

from ..quantity import MEASURE_WORDS, TIMES_COUNT, chinese_numeral
from .amounts import first_amount
from .lexicon import (
    CN,
    HANDLING,
    NO_PROBLEM,
    NOT_COUNTED,
    OBJECT_WORDS,
    POSITIVE,
    PROBLEM_PREDICATE,
    REST,
    STATUS_TOKEN,
)
from .model import MAX_CLAUSES
from .status import read_status


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
        "查见",
        "主要问题",
        "存在的问题",
        # 隐患及问题：, 一、问题隐患: a safety office's heading for what it found.
        "隐患及问题",
        "问题及隐患",
        "问题隐患",
        "隐患问题",
        "存在隐患",
        "发现隐患",
        # 往期问题：… 今日新发现：…: today's items after earlier ones.
        "今日新发现问题",
        "今天新发现问题",
        "新发现问题",
        "今日新发现",
        "今天新发现",
        "新发现",
        "今日问题",
        "今天问题",
        "今日新增",
        "新增问题",
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
        "结果",
        "现场处置",
        "处置结果",
        "处置措施",
        "处理措施",
        "解决情况",
        "整改落实",
        "整改",
        "处置",
        "措施",
    ),
    # A doctor's note as a report: 查见 is what was found, 转归 how it ended.
    Kind.EFFECT: ("工作成效", "取得成效", "工作成果", "成效", "转归"),
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
        "医嘱",
        # 存在困难：小广告清理后几天又贴上: why the work is hard, no problem of the day.
        "存在困难",
        "存在的困难",
        "困难和问题",
        "工作难点",
    ),
    Kind.CARRIED: (
        "遗留问题",
        "历史问题",
        "前期问题",
        "往期问题",
        "以前问题",
        "复查情况",
        # 之前的：上周三报的井盖已经换了新的: earlier items and how they stand now.
        "之前的",
        "以前的",
        "之前报的",
        "上次的",
        "此前",
        # …and its complaint and history tell why, not what was found today.
        "主诉",
        "现病史",
    ),
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
        "随诊",
        "值班医生",
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
        # 1.位置：6号楼西侧楼道口 / 问题：堆放煤块 / 处理：…: where, before the item.
        "位置",
        "具体位置",
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
        # A shift log's parts: before, during and after the round.
        "班前",
        "班中",
        "班后",
    ),
}
# Labels that are also plain statements (已处理。): labels only with a colon.
_COLON_LABELS: dict[Kind, tuple[str, ...]] = {
    Kind.FIX: (
        "已处理",
        "未处理",
        "已整改",
        "未整改",
        # 已改：三轮车挪走5辆 / 未改：护栏待维修: a short form's two outcome lines.
        "已改",
        "未改",
        "待处理",
        "已解决",
        "未解决",
        "处理",
        "未完成",
        "尚未完成",
    ),
}
LABEL_KIND = {
    label: kind
    for labels_by_kind in (_LABELS, _COLON_LABELS)
    for kind, labels in labels_by_kind.items()
    for label in labels
}
MARKER = (
    r"(?:[(（]\s*+(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*+[)）]|\d{1,2}\ufe0f?\u20e3|"
    r"\d{1,2}\s*+、|\d{1,2}\s*+[)）]|\d{1,2}\s*+[.．](?!\d)|\d{1,2}[.．](?=\d{1,3}[号栋幢名])|[①-⑳]|[一二三四五六七八九十]{1,3}\s*+[、.．]|"
    r"[一二三四五六七八九十]是|第[一二三四五六七八九十\d]{1,3}[条项点个]?[、，,.．:：]?)"
)
# Emoji, bullets and other symbols that decorate the start of a line.
DECORATION = r"[^\w（(【\[]*+"


def _alternation(words: object) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # type: ignore[arg-type]


_LABEL_WORDS = _alternation(label for labels in _LABELS.values() for label in labels)
_ANY_LABEL_WORDS = _alternation(LABEL_KIND)
LABEL = re.compile(
    rf"^{DECORATION}(?:{MARKER})?{DECORATION}(?:"
    # 【整改】已全部整改, 【处理】1、2当场整改: a label in brackets needs no colon.
    + rf"[【\[]\s*+(?P<bracketed>{_ANY_LABEL_WORDS})(?:情况|工作|措施|结果)?\s*+[】\]]\s*+[:：]?|"
    + r"[【\[]?\s*+(?:(?P<label>"
    + _LABEL_WORDS
    + r")(?:情况|工作|措施|结果|如下)?\s*+[】\]]?\s*+(?:[:：]|$)|(?P<counted_label>"
    # 二、新发现问题2类5处：（一）…: the heading counts what it lists.
    + r"新发现问题|今日新发现问题|今天新发现问题)\s*+(?:\d{1,2}\s*+类\s*+)?\d{1,3}\s*+[处个起件项条][:：]"
    # 二、整改情况共计8处。出店经营3处已劝导…: what follows fixes the items above.
    + r"|(?P<counted_fix>整改情况|处理情况|处置情况|整改结果|处理结果)\s*+(?:共计|合计|共)?\s*+"
    + r"\d{1,3}\s*+[处个起件项条](?:[:：]|$)"
    + r"|(?P<colon_label>"
    + _alternation(label for labels in _COLON_LABELS.values() for label in labels)
    + r")\s*+[】\]]?\s*+[:：]"
    # 已摆放：电动车18辆、共享单车9辆: a done handling verb over the items it did.
    + rf"|(?P<done_verb>已[{HANDLING}规处][\u4e00-\u9fff]?)\s*+[】\]]?\s*+[:：]"
    # 未清：大件垃圾1个: what a line leaves undone.
    + rf"|(?P<undone_verb>未[{HANDLING}规处][\u4e00-\u9fff]?)\s*+[】\]]?\s*+[:：]"
    # （一）环境卫生方面：…: a heading for the items under it.
    + r"|(?P<aspect>[\u4e00-\u9fff]{2,6}?方面)\s*+[:：]))"
)


def label_of(match: re.Match[str]) -> Kind:
    if match.group("aspect"):
        return Kind.FOUND
    if match.group("done_verb") or match.group("undone_verb"):
        return Kind.FIX
    if match.group("counted_label"):
        return Kind.FOUND
    if match.group("counted_fix"):
        return Kind.FIX
    return LABEL_KIND[
        match.group("bracketed") or match.group("label") or match.group("colon_label")
    ]


LEADING_MARKER = re.compile(rf"^{DECORATION}(?P<marker>{MARKER}){DECORATION}")
SENTENCE_END = re.compile(r"[\n。；;！!]+")
# A list marker inside a line starts a new sentence: ``①已摆放整齐 ②已联系物业``,
# ``1.电动车乱停 2.小广告``; not a list of references (（1）（3）已整改, ①③已整改).
_INLINE_MARKER = re.compile(
    # (发现问题4处：1.电动车…；2.…: after a count and its colon the first item is numbered too.)
    r"(?:(?<=[\s，,、])|(?<=[\d一二三四五六七八九十两][处个项条][：:]))(?<![、和及与])"
    r"(?=[①-⑳]|[(（]\d{1,2}[)）](?![(（、①-⑳])|\d{1,2}[、.．](?!\d))"
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
    r"[，,：【】\[\]｜]|(?<!\d)/(?!\d)|(?<!\d):(?!\d)|—+|～|~|、(?=已|当场|现场|均已|都已|并已|全部已)|"
    # 清理小广告18处、捡拾垃圾4袋、劝导闯红灯行人12人次: the work with people is a clause of its own.
    r"、(?=劝导|发放|入户|走访|问卷|开展|志愿)"
    # 清理楼道杂物4处、清扫小区内积雪: after a count, the next thing done is a clause of its own.
    rf"|(?<=[{MEASURE_WORDS}])、(?=清理|清扫|清除|清运|捡拾|铲除|撕除|撕掉|摆放|规整|扶正|拆除)"
)
# A bracket that only says where or what (绿化带（8号楼东侧）有垃圾) stays inside its clause;
# one with a number or an outcome (约30辆, 已清理) is a clause of its own.
_ASIDE = re.compile(r"[(（](?P<inside>[^()（）]{1,40}+)[)）]")


def fragments(
    sentence: str,
    words: Callable[[str], list[str]] | None = None,
    kind_of: Callable[[str], str] | None = None,
) -> list[str]:
    """The clauses of a sentence: cut at commas and colons, and in run-on text (voice input,
    spaces for punctuation) at connectives, before what became of an item and after its count.
    ``words`` gives the category keywords of a text, to keep ``电动车 乱停`` together."""
    out: list[str] = []
    for piece in _FRAGMENT_SPLIT.split(_ASIDE.sub(_keep_aside, sentence)):
        out.extend(_cut_run_on(piece, words, kind_of) if len(piece) > 3 else [piece])
        if len(out) > MAX_CLAUSES:
            break  # a paste, not a sentence: the reader stops before this
    return out


# Connectives and fillers of spoken reports: a clause ends before them.
_CONNECTIVE = re.compile(
    r"然后呢?|还有就是|还有|另外|另有|再就是|再有就是|再有|接着|此外|以及|其次|同时|"
    r"(?<![一二三四五六七八九十两几\d])(?:嗯+|呃+|额+)"
)
_FILLER = re.compile(
    r"^(?:嗯+|呃+|额+|啊+|那个(?!个)|就是说?|这个(?![月周])|反正|的话|然后呢?|还有就是|再就是)++"
)
# What became of an item starts a clause of its own (…乱停放5辆已摆放整齐).
_OUTCOME_START = re.compile(
    r"(?<![未没尚还不早并且而均都全皆也已经场])(?:均|都|全部|全都|皆|也)?"
    r"(?:已经|已|当场|现场|随手|顺手|马上|立即|及时)(?!经过)|"
    r"(?<![已])(?:报给|上报|交给|转给|移交)|我们|大家|咱们|俺们|"
    # …好几处让住户自己收拾了: asking someone else to deal with it.
    r"(?:让|叫|请|找|跟|和|给)(?=住户|物业|社区|商户|老板|店主|店家|车主|环卫|保洁|城管|交警|"
    r"他们|人家|居民|业主|摊主|网格员)|"
    # …堵着楼道口给挪开了: 给 before the verb that tells it done.
    r"(?<=[\u4e00-\u9fff])给(?=挪|摆|拉走|推|扶|清|捡|收|拖|铲|撕)"
)
# Where the team and the time of arrival end (…张秀英早上七点就到了电动车…, 俺跟郭志刚俩人楼道里…):
# what follows is the report.
_HEAD_END = re.compile(
    r"(?:[点分半钟](?:多|左右)?(?:就|才|准时|按时)?(?:到了|到的|到岗了?|集合了?|出发了?))"
    # …余芳五个到岗电动车乱停…: the team counted as it arrived.
    r"|(?:[\d一二两三四五六七八九十]\s?个人?(?:都|全)?(?:到岗|到齐|到位)了?)"
    r"|(?<![有了\d一二两三四五六七八九十])(?:[\d一二两三四五六七八九十]\s?个?人|俩人|仨人|(?<=[们俺我咱])[俩仨])"
    r"(?=[\u4e00-\u9fff])(?!次|在|横穿|乱穿|闯|翻|乱扔|乱丢|随地|骑|遛|吸烟|抽烟|吐痰|逆行)"
)
# After 了, a new clause starts with a thing and what is wrong with it (收拾了|垃圾桶满了) or
# with someone else doing something (了|环卫拉走了).
_PERFECTIVE = re.compile(r"[了啦咧嘞]")
_AGENT = re.compile(
    r"(?:环卫|物业|社区|住户|商户|老板|店主|车主|保洁|城管|交警|摊主|业主|居民)(?:工人|人员|的人)?"
)
# A count right after the problem it counts (乱停十几辆) ends the clause; after 了/有 it counts
# what follows (停了3辆电动车).
_COUNTED_BEFORE = re.compile(r"(?<![了有是着在被把将让给、，,])$")
_AFTER_COUNT = re.compile(
    # (捡了三大袋子, 两小堆: a size between the number and its measure.)
    rf"(?:\d{{1,6}}+|[{CN}百几]{{1,6}}+)\s?(?:余|多|来|左右)?\s?[大小]?[{MEASURE_WORDS}]子?"
    # (满溢的一个都没有: not one, which ends nothing.)
    r"(?![都也](?:没|无))"
    rf"|{TIMES_COUNT}"
)
# (清扫卫生死角2处: the corners are the item, not cleaning in general.)
_GENERAL_WORK = re.compile(r"(?:打扫|清扫|搞|做|整治)了?(?:环境)?卫生(?!死角|盲区|黑点|角落)")
_MIN_LEFT = 3  # characters a clause needs before a cut inside it
_WINDOW = 40  # characters before a possible cut that decide it
_MAX_CANDIDATES = 200


def _cut_run_on(
    piece: str,
    words: Callable[[str], list[str]] | None,
    kind_of: Callable[[str], str] | None = None,
) -> list[str]:
    # Every place a clause may end, in order; each is judged on the few characters since the
    # cut before it (at most _WINDOW), so that a long piece costs linear time.
    candidates: list[tuple[int, int, re.Match[str]]] = []
    candidates.extend((m.start(), 0, m) for m in _CONNECTIVE.finditer(piece))
    # 基本就是打扫卫生 落叶扫了一片: cleaning in general is work done, not the item after it.
    candidates.extend((m.end(), 0, m) for m in _GENERAL_WORK.finditer(piece))
    # 上周的路灯问题不再计入 今日小广告…: what is not counted ends its clause.
    candidates.extend((m.end(), 0, m) for m in NOT_COUNTED.finditer(piece))
    candidates.extend((m.start(), 1, m) for m in _OUTCOME_START.finditer(piece))
    candidates.extend((m.end(), 0, m) for m in _HEAD_END.finditer(piece))
    candidates.extend((m.end(), 4, m) for m in _PERFECTIVE.finditer(piece))
    candidates.extend((m.end(), 2, m) for m in _AFTER_COUNT.finditer(piece))
    candidates.extend((m.start(), 3, m) for m in _SPACE.finditer(piece))
    candidates.extend((m.start(), 3, m) for m in _SPACE_AFTER_COUNT.finditer(piece))
    if "(" in piece or "（" in piece:
        # 积水容器(旧轮胎 花盆)5个: a space inside brackets ends nothing.
        inside = _inside_brackets(piece)
        candidates = [c for c in candidates if not (c[0] < len(piece) and inside[c[0]])]
    candidates.sort(key=lambda candidate: (candidate[0], candidate[1]))
    # No sentence has this many places to cut; past them the piece is a paste, and the reader
    # reads at most MAX_CLAUSES clauses anyway.
    del candidates[_MAX_CANDIDATES:]
    cuts: list[int] = []
    last = 0
    for position, kind, match in candidates:
        if cuts and position <= cuts[-1]:
            continue
        if kind == 0:
            accept = position >= _MIN_LEFT
        elif kind == 1:
            # 电动车乱停放5辆已摆放整齐 is two clauses; 其中小广告当场清除 is one.
            left = piece[max(last, position - _WINDOW) : position]
            accept = (
                len(left) >= _MIN_LEFT
                and _states_problem(left, words)
                and not _OUTCOME_START.match(left)
                and not REST.match(left)
            )
        elif kind == 2:
            # 电动车乱停十几辆小广告三四处: a count after what it counts closes the clause; in
            # 有两辆电动车 it comes first.
            left = piece[max(last, match.start() - _WINDOW) : match.start()]
            accept = bool(
                position < len(piece) - 1
                and words
                and (
                    (
                        words(left)
                        and (
                            _NEW_START.match(piece, position)
                            or (
                                _ends_with_problem(left, words)
                                and _starts_anew(piece, position, words)
                            )
                        )
                    )
                    or _counts_an_outcome(left, piece, position, words)
                    # 捡了三大袋子电动车被风刮倒了: what was done and how much, then a new thing.
                    or (
                        _DONE_THEN_COUNT.search(left) is not None
                        # (门口摆了两张桌子占道: the things put out, in the way.)
                        and not _PUT_IN_THE_WAY.match(piece, position)
                        and _starts_anew(piece, position, words)
                        and _has_own_fault(piece, position, words)
                    )
                    # 走访了32户发放宣传资料64份问卷调查20份小区里面…: work counted, then more.
                    or (
                        _WORK_COUNTED.search(piece, match.start(), position) is not None
                        and _WORK_WORDS.search(left) is not None
                    )
                )
            )
        elif kind == 4:
            accept = (
                position >= _MIN_LEFT
                # 清理了沿街商铺门口乱堆乱放的杂物: a verb alone is no clause to end.
                and bool(
                    _VERB_ALONE.sub(
                        "", STATUS_TOKEN.sub("", piece[max(last, position - _WINDOW) : position])
                    )
                )
                and _new_after_perfective(piece, position, words)
            )
        else:
            # 电动车 自行车乱停 摆了十几辆: a space ends a clause once it says something (a
            # problem, a count, an outcome) or when it names nothing a category knows (a site,
            # names), or when an outcome follows; a list of things stays together.
            left = piece[max(last, position - _WINDOW) : position]
            # (流浪狗 俩 在垃圾站翻垃圾: where the things counted are, and what they do.)
            accept = not (
                piece.startswith("在", match.end()) and _COUNT_AT_END.search(left)
            ) and bool(
                _says_something(left)
                or (words is not None and not words(left))
                or STATUS_TOKEN.match(piece, match.end())
                or _OUTCOME_START.match(piece, match.end())
                or _SYMBOL.match(piece, match.end())
                or _TEAM_START.match(piece, match.end())
            )
        if accept:
            cuts.append(position)
            last = position
            if len(cuts) >= MAX_CLAUSES:
                break  # more clauses than any site's text is read for: the rest stays whole
    if not cuts:
        return [piece]
    parts = []
    start = 0
    for cut in cuts:
        parts.append(piece[start:cut])
        start = cut
    parts.append(piece[start:])
    cleaned: list[str] = []
    spaced: list[bool] = []  # whether a space parted a clause from the one before
    for index, part in enumerate(parts):
        text = _FILLER.sub("", part.strip())
        if text:
            cleaned.append(text)
            spaced.append(part[:1].isspace() or (index > 0 and parts[index - 1][-1:].isspace()))
    return _merge_halves(cleaned, spaced, words, kind_of) if words else cleaned


_TOLD_BEFORE = re.compile(r"(?:提醒|通知|告诉|告知|联系|要求|督促|叫|让|请|喊)了$")
_DONE_THEN_COUNT = re.compile(
    r"(?:捡|扫|清|撕|铲|拉|运|装|收|摆|挪|整|码|推|拖|捞|清理|清运|清扫|收拾|规整|整理)了(?:有|大概|约)?$"
)
_DONE_WITH_IT = re.compile(
    r"(?:也|都|全|给)?(?:扫|捡|撕|铲|拉|运|摆|挪|推|拖|捞|收拾|清理|清扫|清运|规整|整理)了"
)
_PUT_IN_THE_WAY = re.compile(r"[^，,。；;\s]{1,6}?(?:占道|占用|占了|挡了|堵了)")
_VERB_ALONE = re.compile(r"[了啦咧嘞\W_]++")
_WORK_COUNTED = re.compile(r"(?:份|户|人次)$")
_WORK_WORDS = re.compile(r"问卷|宣传|发放|入户|走访|劝导|志愿")


def _inside_brackets(piece: str) -> list[bool]:
    """For each position, whether it lies inside an open bracket (a short one: 20 characters)."""
    inside = [False] * len(piece)
    opened = -1
    for index, char in enumerate(piece):
        if char in "(（":
            opened = index
        elif char in ")）":
            opened = -1
        elif opened >= 0 and index - opened <= 20:
            inside[index] = True
    return inside


# A space between two words of text (电动车 乱停 8 辆: only the first) ends a clause.
# A space between two words (not inside a count: 乱停 8 辆).
_SPACE = re.compile(
    rf"(?:(?<=[^\s\d])|(?<=\d[:：]\d\d)|(?<=[xX×*＊]\d)|(?<=[xX×*＊]\d\d)"
    # 违停3 僵尸车1: a bare count typed after its item, then the next item.
    rf"|(?<=[\u4e00-\u9fff]\d)(?=\s++(?![{MEASURE_WORDS}])[\u4e00-\u9fff])"
    rf"|(?<=[\u4e00-\u9fff]\d\d)(?=\s++(?![{MEASURE_WORDS}])[\u4e00-\u9fff]))"
    rf"\s++(?=[^\s])(?!\d{{1,6}}+\s?+[{MEASURE_WORDS}])"
)
# 挪走3辆 1辆联系不上车主: a count after a space, once the clause before has its own count.
_SPACE_AFTER_COUNT = re.compile(
    rf"(?<=[\d{CN}][{MEASURE_WORDS}])\s++(?=\d{{1,6}}+\s?+[{MEASURE_WORDS}])"
)
_COUNT_AT_END = re.compile(rf"(?:\d{{1,6}}|[{CN}俩仨]{{1,4}})[{MEASURE_WORDS}]?$")
_NEW_START = re.compile(
    r"已|当场|现场|也|都|全|均|就|又|还|我们|大家|并|后|随即|马上|给|"
    r"(?:中间|旁边|那边|这边|另外|路口|门口)?有(?:[一两二三四五六七八九十几]|个)"
)


# 落叶纸屑 我和王淑琴…: the team named after a space starts a clause of its own.
_TEAM_START = re.compile(r"[我俺咱][和跟同]")
# A symbol after a space starts a new item (… 孙悦 ✅ 路面干净).
_SYMBOL = re.compile(r"[^\w\s（(【\[]")
_PERSON_TIMES = re.compile(r"\d人次|[一二两三四五六七八九十百]人次")
_MARKS = re.compile(r"[✅☑✔❌✖❎]")


_AFTER_PERFECTIVE_SPAN = 8


_THING_LEAD = 6
# A place, then 有 and a count: a new thing found there (not 扫了大概有两袋, the count of the work).
_PLACE_HAS_COUNT = re.compile(
    r"(?!大概|大约|差不多|总共|一共|约)[\u4e00-\u9fff\d]{2,6}?(?:那里|那边|这边|门口|旁边|里|上|下)"
    r"(?:还?有(?:[一两二三四五六七八九十几]|\d)"
    # …修好了通济桥下面又有人扔了两袋: a place, and someone doing wrong there again.
    r"|面?(?:又|还)有人)"
)
_PUT_OUT = re.compile(r"[放摆堆挂晾晒贴搭]了$")
_PUT_OUT_LOOK_BACK = 12
_GOES_ON = frozenset("把将被给个只辆块张一两几些点")
# 清理了场地周边纸屑: a verb with 了 and no result after it goes on to its object.
_TAKES_OBJECT = re.compile(r"(?:清理|清扫|清除|捡拾|捡|撕|铲|拆|挪|扫|清|收拾|整理|规整)[了啦]$")
_PLACE_END = re.compile(
    r"(?:门口|路口|旁边|那边|这边|边上|前面|后面|对面|里面|[里上下前后外]头|边边|那头|这头|"
    # (绿化带里头, 栏杆那哈儿, 楼道头: where, as the south-west and Hunan say it.)
    r"那哈儿?|这哈儿?|那儿|这儿|[里上下前后边])$"
)


def _new_after_perfective(
    piece: str, position: int, words: Callable[[str], list[str]] | None
) -> bool:
    """Whether a new clause starts right after 了: a thing and then what is wrong with it
    (垃圾桶满了, 电动车乱七八糟), or someone else and what they did (环卫拉走了)."""
    if position >= len(piece) or not ("\u4e00" <= piece[position] <= "\u9fff"):
        return False
    ahead = piece[position : position + _AFTER_PERFECTIVE_SPAN]
    if _PLACE_HAS_COUNT.match(piece, position):
        return True  # …摆放整齐了公交站那里有两个小广告也撕了
    agent = _AGENT.match(ahead)
    if agent:
        # (提醒了物业撒盐: the one told, and what they were told to do.)
        return STATUS_TOKEN.search(ahead, agent.end()) is not None and not _TOLD_BEFORE.search(
            piece, max(0, position - 4), position
        )
    if words is None:
        return False
    # 两家店门口放了广告牌占道: what was put out comes after the verb, the same clause.
    if _PUT_OUT.search(piece, max(0, position - 2), position) and not words(
        piece[max(0, position - _PUT_OUT_LOOK_BACK) : position]
    ):
        return False
    found = words(ahead)
    if not found:
        return False
    # 摆正齐了送货呢三轮车堵到盲道上: a few words of place or kind may come before the thing.
    thing_at = ahead.find(found[0])
    before = ahead[:thing_at]
    # 摆放整齐了惠民超市门口出店经营: a place, then what is wrong there (a fault by itself, not
    # a thing like 电动车 whose fault would follow); 摆好了乱停的 goes on about the same thing.
    placed = (
        not _TAKES_OBJECT.search(piece, max(0, position - 4), position)
        and len(before) >= 2
        and _PLACE_END.search(before) is not None
        and not STATUS_TOKEN.search(before)
        and before[0] not in _GOES_ON
    )
    if PROBLEM_PREDICATE.fullmatch(found[0]):
        return placed
    if placed and found[0] not in OBJECT_WORDS:
        return True
    if thing_at > _THING_LEAD or (
        before
        and (
            STATUS_TOKEN.search(before)
            or first_amount(before)
            or "了" in before
            # 倒了把盲道堵牢了, 搭了个棚棚: the same clause goes on.
            or before[0] in _GOES_ON
        )
    ):
        return False
    # (What is wrong with it may come just past the first few characters: 和顺路口那个井盖松动了.)
    thing_end = position + thing_at + len(found[0])
    after_thing = piece[thing_end : thing_end + _AFTER_PERFECTIVE_SPAN]
    count = first_amount(after_thing)
    predicate = PROBLEM_PREDICATE.search(after_thing)
    if predicate is not None and (count is None or count.start > predicate.start()):
        return True
    # 叫住户收了路边垃圾两堆清理了: a thing, its count, then its outcome (捡了垃圾两袋 is one).
    return (
        count is not None
        and count.start == 0
        and STATUS_TOKEN.match(after_thing, count.end) is not None
    )


def _has_own_fault(piece: str, position: int, words: Callable[[str], list[str]]) -> bool:
    """Whether the thing at ``position`` comes with what is wrong with it (电动车被风刮倒了),
    not as the object of the count before it (捡了两袋垃圾)."""
    ahead = piece[position : position + _AFTER_PERFECTIVE_SPAN + 4]
    found = words(ahead)
    if not found or not ahead.startswith(found[0]):
        return False
    after = ahead[len(found[0]) :]
    return bool(after) and (
        after[0] in "被让叫"
        or PROBLEM_PREDICATE.match(after) is not None
        # 摆了大概二十辆银杏叶扫了八袋: the next thing and what was done with it.
        or _DONE_WITH_IT.match(after) is not None
    )


def _says_something(text: str) -> bool:
    """A problem, a count (人次 too), an outcome, or a description that ends (放杂物的)."""
    text = _MARKS.sub("", text)
    return bool(
        PROBLEM_PREDICATE.search(text)
        or first_amount(text)
        or _PERSON_TIMES.search(text)
        or read_status(text).state
        or text.endswith("的")
    )


def _states_problem(text: str, words: Callable[[str], list[str]] | None) -> bool:
    """Whether a clause before an outcome is a problem of its own (电动车乱停5辆), not only a
    count of one (其中2辆)."""
    if PROBLEM_PREDICATE.search(text):
        return True
    return bool(words and words(text) and first_amount(text))


# 摆齐了估摸着有三四十辆: how many an outcome dealt with, said after it.
_OUTCOME_THEN_COUNT = re.compile(
    r"了(?:估摸着?|估计|大概|大约|差不多|得有|约莫?|一共|总共|共|足足|少说|前后)+有?$|了[^，]{0,3}?有$"
)


def _counts_an_outcome(
    left: str, piece: str, position: int, words: Callable[[str], list[str]]
) -> bool:
    """A count said after an outcome (俺们给摆齐了估摸着有三四十辆) closes its clause, unless
    the thing it counts follows right after (摆了有三十辆电动车)."""
    if not _OUTCOME_THEN_COUNT.search(left) or not read_status(left).state:
        return False
    following = words(piece[position : position + 8])
    return not following or not piece.startswith(following[0], position)


def _ends_with_problem(text: str, words: Callable[[str], list[str]]) -> bool:
    """Whether ``text`` ends with a problem or a thing (电动车乱停, 小广告), not 有/停了."""
    stripped = text.rstrip()
    if not stripped or not _COUNTED_BEFORE.search(stripped):
        return False
    if stripped.endswith(("发现", "看到", "看见", "查到", "还有", "另有")):
        return False  # 发现3辆电动车堵消防通道: the count of what is found next
    found = words(stripped)
    return (bool(found) and stripped.endswith(found[-1])) or bool(
        PROBLEM_PREDICATE.search(stripped[-2:])
    )


def _starts_anew(piece: str, pos: int, words: Callable[[str], list[str]] | None) -> bool:
    """Whether a new clause starts at ``pos``, right after a count (十几辆我们都摆好了)."""
    if _NEW_START.match(piece, pos):
        return True
    if words is None:
        return False
    following = words(piece[pos : pos + 6])
    return (
        bool(following)
        and piece.startswith(following[0], pos)
        and not PROBLEM_PREDICATE.match(following[0])
    )


def _merge_halves(
    parts: list[str],
    spaced: list[bool],
    words: Callable[[str], list[str]],
    kind_of: Callable[[str], str] | None = None,
) -> list[str]:
    """Pieces of one clause that spaces parted: a thing alone and its problem or its outcome
    (电动车 + 乱停, 电动车 + 摆了七八辆), and a list of things of one kind after a verb
    (捡了那个烟头 + 饮料瓶)."""
    merged: list[str] = []
    for part, space in zip(parts, spaced, strict=True):
        if (
            merged
            and _thing_alone(merged[-1], words)
            and (
                # 共享单车十五辆 + 小广告六处: each counted, two items.
                (
                    _problem_alone(part, words)
                    and not (
                        first_amount(merged[-1])
                        and (first_amount(part) or _BARE_COUNT_AT_END.search(part))
                    )
                )
                # 共享单车 十几辆 + 扶好: a counted thing and its outcome stay two clauses.
                or (_outcome_alone(part, words) and not first_amount(merged[-1]))
            )
        ):
            merged[-1] = merged[-1] + (" " if space else "") + part  # as written
        elif (
            merged
            and kind_of is not None
            and _bare_things(part, words)
            # (杂物1堆 + 小广告9: a thing counted already ends its clause.)
            and not first_amount(merged[-1])
            and words(merged[-1])
            and merged[-1].endswith(words(merged[-1])[-1])
            and kind_of(part) == kind_of(words(merged[-1])[-1])
        ):
            merged[-1] = merged[-1] + " " + part
        else:
            merged.append(part)
    return merged


# 杂物1堆 + 小广告9: a number typed bare after its thing is its count.
_BARE_COUNT_AT_END = re.compile(r"[\u4e00-\u9fff]\d{1,4}$")


def _outcome_alone(text: str, words: Callable[[str], list[str]]) -> bool:
    """What became of something, naming nothing (摆了七八辆; not 没发现啥问题)."""
    return bool(read_status(text).state) and not words(text) and not NO_PROBLEM.search(text)


def _bare_things(text: str, words: Callable[[str], list[str]]) -> bool:
    """Only names of things, perhaps with their count (饮料瓶 一袋): no problem, no outcome,
    no 还有 that starts a new item."""
    return bool(words(text)) and not (
        PROBLEM_PREDICATE.search(text) or STATUS_TOKEN.search(text) or _CONNECTIVE.match(text)
    )


def _thing_alone(text: str, words: Callable[[str], list[str]]) -> bool:
    found = words(text)
    return (
        bool(found)
        and all(w in OBJECT_WORDS for w in found)
        and not POSITIVE.search(text)
        and not (PROBLEM_PREDICATE.search(text) or STATUS_TOKEN.search(text))
        and not _counted_in_the_middle(text)
    )


def _counted_in_the_middle(text: str) -> bool:
    """A count anywhere but at the end (共享单车x5 + 乱停 still joins; 3辆电动车 does not)."""
    quantity = first_amount(text)
    return quantity is not None and quantity.end < len(text.rstrip())


def _problem_alone(text: str, words: Callable[[str], list[str]]) -> bool:
    if _OUTCOME_START.match(text) or STATUS_TOKEN.match(text):
        return False
    found = words(text)
    has_problem = PROBLEM_PREDICATE.search(text) is not None or any(
        w not in OBJECT_WORDS for w in found
    )
    return has_problem and not any(w in OBJECT_WORDS for w in found)


# 小广告（疏通下水道）6张: what an advert offers (疏通, 办证, 开锁) is no outcome.
_ADVERT_BEFORE = re.compile(r"(?:广告|牛皮癣)$")
_DONE_MARK = re.compile(r"已|当场|现场|均|全部|清理|清除|撕|铲")


def _keep_aside(match: re.Match[str]) -> str:
    inside = match.group("inside")
    if (
        _ADVERT_BEFORE.search(match.string, max(0, match.start() - 3), match.start())
        and not first_amount(inside)
        and not _DONE_MARK.search(inside)
    ):
        return match.group()
    if match.start() and (first_amount(inside) or STATUS_TOKEN.search(inside)):
        return _fault_first(inside) + "，"
    return match.group()


# 垃圾池（1个，满溢，已通知环卫）, 盲道砖（2块松动，报城管）: a tally's bracket that says what is
# wrong with the thing before it; the fault goes with the thing, the rest becomes clauses.
_COUNT_THEN_FAULT = re.compile(
    rf"(?P<count>[\d{CN}几百]{{1,6}}[{MEASURE_WORDS}])(?P<fault>[\u4e00-\u9fff]{{1,4}})"
)
_FAULT_THEN_COUNT = re.compile(
    rf"(?P<fault>[\u4e00-\u9fff]{{1,4}}?)(?P<count>[\d{CN}几百]{{1,6}}[{MEASURE_WORDS}])"
)


def _fault_first(inside: str) -> str:
    parts = re.split(r"[，,、；;]", inside)
    for index, part in enumerate(parts):
        part = part.strip()
        if PROBLEM_PREDICATE.fullmatch(part) and first_amount(part) is None:
            fault, count = part, ""
        else:
            split = _COUNT_THEN_FAULT.fullmatch(part) or _FAULT_THEN_COUNT.fullmatch(part)
            if split is None or not PROBLEM_PREDICATE.fullmatch(split.group("fault")):
                continue
            fault, count = split.group("fault"), split.group("count")
        rest = [p for p in (count, *parts[:index], *parts[index + 1 :]) if p.strip()]
        return fault + "".join("，" + p for p in rest)
    return "，" + inside


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
    """``1、3当场整改`` → ([1, 3], "当场整改"); None when the fragment does not start so.
    Chinese numerals refer to items only as 第一、三项 or （一）（四）, never as a bare 一是."""
    # 第②条14辆全部归位: with 第 and 条 the number is plainly an item's, whatever follows.
    match = INDEX_REFS.match(fragment) or _NAMED_REFS.match(fragment)
    if not match:
        # 当场整改：1、3: the outcome first, then the items it is of.
        after = REFS_AFTER_STATUS.match(fragment)
        if after and STATUS_TOKEN.search(after.group("status")):
            numbers = [
                chinese_numeral(token.group("low")) or 0
                for token in _REF_TOKEN.finditer(after.group("refs"))
                if token.group("low") and not token.group("high")
            ]
            return (numbers, after.group("status")) if numbers else None
        return None
    refs = match.group("refs")
    if _CN_DIGIT.search(refs) and not (
        match.group("di") or match.group("suffix") or "第" in refs or "(" in refs or "（" in refs
    ):
        return None
    numbers: list[int] = []
    for token in _REF_TOKEN.finditer(refs):
        if token.group("high"):  # 1-4条: every number in the range
            low = chinese_numeral(token.group("low")) or 0
            high = chinese_numeral(token.group("high")) or 0
            numbers.extend(range(low, high + 1) if 0 < high - low < 20 else (low, high))
        elif token.group("low"):
            numbers.append(chinese_numeral(token.group("low")) or 0)
        else:  # ① is a digit to str.isdigit but not to int()
            numbers.append(CIRCLED.index(token.group()) + 1)
    rest = fragment[match.end() :]
    if not rest or not STATUS_TOKEN.search(rest):
        return None
    return numbers, rest


_CN_DIGIT = re.compile(r"[一二三四五六七八九十]")
_REF_NUMBER = r"(?:\d{1,2}+|[一二三四五六七八九十]{1,3}+)"
_REF_TOKEN = re.compile(
    rf"(?P<low>{_REF_NUMBER})(?:\s*+[-~～至到—–－]\s*+第?[(（]?(?P<high>{_REF_NUMBER}))?|[①-⑳]"
)
_REF = (
    rf"[(（]?(?:{_REF_NUMBER}(?:\s*+[-~～至到—–－]\s*+第?[(（]?{_REF_NUMBER}[)）]?)?|[①-⑳])[)）]?"
)
REFS_AFTER_STATUS = re.compile(
    rf"^{DECORATION}(?P<status>[^：:\d\n]{{2,12}}?)[：:]\s*+第?"
    rf"(?P<refs>\d{{1,2}}+(?:\s*+[、,，和及与/]\s*+第?\d{{1,2}}+)*+)(?:项|条|点)?\s*+[。；;]?$"
)
INDEX_REFS = re.compile(
    rf"^{DECORATION}(?:以上)?(?P<di>第)?(?P<refs>{_REF}(?:\s*+[、,，和及与/]?\s*+第?{_REF})*+)"
    rf"(?P<suffix>项|条|号问题|点)?\s*+[.．、:：]?"
    rf"(?![\d{MEASURE_WORDS}.．一二三四五六七八九十])"
)
_NAMED_REFS = re.compile(
    rf"^{DECORATION}(?:以上)?(?P<di>第)(?P<refs>{_REF}(?:\s*+[、,，和及与/]?\s*+第?{_REF})*+)"
    # (第1、2、4处已整改: after a numbered list of 处, the places are its items.)
    rf"(?P<suffix>项|条|点|处)\s*+[.．、:：]?"
)
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
