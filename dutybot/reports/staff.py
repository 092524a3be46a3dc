"""Who was on duty: listed staff (canonical names), unlisted names where a list or an on-duty
word stands, and people said to be absent.

A person reads names from where they stand, not from the name alone:
- a staff label (值班人员：) and the name-only lines under it, a list of two or more names, or an
  on-duty word (参加, 到岗, 带队, 一起 …) make a clause a staff clause; a listed name elsewhere
  (继续向前巡查, 早高峰) is an ordinary word, not a person;
- a name not on the list is kept only in a staff clause (志愿者李强参加, 刘洋(借调的));
- surname + title (王科长) is the listed person when exactly one has that surname, else it is
  kept as written;
- a name followed by an absence word (请假, 未到, 出差, 没来, 缺席 …), or under an absence label
  (请假：), is absent, not on duty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..unit import TITLES, strip_title
from .clauses import LABEL, LEADING_MARKER, Kind, label_of
from .model import MAX_CLAUSES
from .unitwords import UnitWords

_SENTENCE = re.compile(r"[\n。；;！!]+")
_CLAUSE = re.compile(r"[，,]+")
_ABSENCE = (
    # (骆春林（病假已销）: back from leave, on duty.)
    r"(?:请假|请了假|休假|病假|事假)(?!已销|已经销|结束|已结束|回来|已回)|"
    r"缺席|缺勤|未到岗?|没到岗?|没有到|未参加|没参加|没有参加|缺岗|调休|"
    r"出差|没来(?!得)|没有来|未来|下乡|外出|有事|去开会|开会|培训|学习|借调走|不在|不参加|"
    # 陆佳怡借调区里，储建国顶班: seconded elsewhere, someone standing in.
    r"借调(?:到|去)?(?:区里|市里|县里|局里|省里)|"
    # 王磊 陈晓东去市里了, 马晓丽、杨帆顶伊敏街去了: away, or covering the other site.
    r"去(?:市里|区里|县里|局里|省里)|回局里|顶[^，,。；（()）\s]{1,8}?去了|"
    # （范国庆去路段支援）: helping at the other site, named by its kind (not 去五一路菜场帮忙,
    # the team's own errand).
    r"去(?:路段|网格|社区|另一[个处组]|那边|对面)(?:那边)?(?:支援|帮忙)"
)
# After a name: 孙悦请假, 胡科长出差, 王晓明下乡未到, 蒋丽萍同志今天请假.
# …or a few words of reason between (柴晓东孩子发烧请假了).
_ABSENT_AFTER = re.compile(
    rf"\s*+[（(]?(?:同志|今天|今日|因事|因病|临时|也|都|已|因)?+(?:{_ABSENCE})"
    # （俞婷借调市创城办，本周不参加值班）: a bracket saying why, then that they are away.
    rf"|\s*+[（(](?!其余|其他|其它|别的|另外|另有|另)[^）)（(]{{0,24}}?(?:{_ABSENCE})"
    # …or with a space in it (万思琪下沉社区 未到).
    rf"|[\u4e00-\u9fff]{{1,10}}?\s?(?:{_ABSENCE})"
    # 彭晓燕和曹俊 他们两个今天去开会了没来; not 我和向东俩人 其他人都没来.
    rf"|\s*+(?:他们|她们|他俩|她俩|两人|俩人)(?:俩|两个|二位|几个)?"
    rf"(?:(?!其他|其余|别的|别人|剩下)[^、，,。；]){{0,8}}?(?:{_ABSENCE})"
)
# Before names: 请假：孙悦; 未到的有王晓明、李娜.
_ABSENT_BEFORE = re.compile(
    rf"^[^\w]*+(?:{_ABSENCE})(?:的|人员)?(?:有|是)?[:：\s]*+"
    # 本来还有荆海波，下乡核查耕地去了没来: who was meant to come, and did not.
    r"|^[^\w]*+(?:本来|原本|原定|本应)还?(?:有|是|排了?)"
)
# A clause with one of these speaks of the people on duty.
_ON_DUTY = re.compile(
    r"值班|到岗|在岗|参加|参与|带队|带班|牵头|一起|一同|同志|人员|报送|填报|上报人|记录人|出勤|到场|"
    r"等[\d一二三四五六七八九十两]|我们[俩仨几\d一二三四五六七八九十两]|一行|"
    r"[我俺咱额][和跟同搭]|[和跟同][我俺咱额]|我们|咱们|俺们|咱俩|俺俩|"
    # 下午和田家豪又去7网格: with someone, the writer left out.
    r"(?:^|(?<=[午天上下]))[和跟](?=[\u4e00-\u9fff]{2,5}(?:又|再|一起)?(?:去|到|在))|"
    # 阿拉今朝在前河新村值班，我应国栋，还有楼伟: the writer's own name after 我.
    r"^[ \t]*+[我俺]是?(?=[\u4e00-\u9fff]{2,4}[ \t]*+$)|"
    # 今日上午同古远航去社保大厅: with someone, as Cantonese and Hakka say it.
    r"(?:^|(?<=[日午昼天上下]))同(?=[\u4e00-\u9fff]{2,4}(?:再|又)?(?:去|睇|巡|到))|由[^，]{0,8}?(?:带|负责)|去了|到了|来了|都到|到齐|志愿者|实习生|借调|另有|还有|"
    # 童小燕发现…, 汪建华报一下今朝…, ——王桂芳: who found it, who tells it, who signs it.
    r"发现|报一下|^[ \t]*+(?:——|--)"
)
# Words that say an unlisted name is a person on duty (志愿者李强, 刘洋(借调的), 我们仨).
_PEOPLE = re.compile(
    r"志愿者|实习生|借调|另有|还有|同事|网格员|我们[俩仨几\d一二三四五六七八九十两]|"
    r"等[\d一二三四五六七八九十两]+[名位人]|带队|参加"
)
_TITLED = re.compile(
    r"(?P<surname>[\u4e00-\u9fff])(?P<title>副?(?:科长|主任|局长|处长|站长|队长|组长|股长|所长)|老师)"
    r"|(?P<familiar>[小老])(?P<surname2>[\u4e00-\u9fff])(?![\u4e00-\u9fff]{2})"
)
_OFFICIAL_AFTER = re.compile(
    r"同志?(?:书记|网格长|经理|所长)|书记|网格长|经理|所长|社区主任|楼长|物业"
)
# People words that may stand before a name in a list (志愿者李强, 新来的同事张华).
_NAME_SPLIT = re.compile(r"[、，,；;：:\s/｜]+|和|及(?!时)|与|跟|以及|还有|然后|搭")
_NAME_PREFIX = re.compile(
    r"^.*?(?:新来的同事|新同事|同事|志愿者|实习生|网格员|以及|还有|另有|带领|和|及|与|跟|有|的是|今天是)"
)
_NAME_SUFFIX = re.compile(
    r"(?:等\d*|等[一二三四五六七八九十]*|一起|一同|也都?|到了|来了|在场|到场|参加|参与|值班|同志|按时|到岗|负责|带队|"
    r"[\d一二三四五六七八九十两]+[名位人]).*$"
)
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "刀俸"  # Dai and Zhuang surnames (刀玉兰, 俸志刚)
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
    "办队局委会室组长员楼号门口处辆车值班岗天日月年今昨周全体家我你他她它都也没为"
    "里棚边外内甲上下前后旁"
)


@dataclass
class StaffReading:
    names: list[str] = field(default_factory=list)
    unlisted: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    labelled: bool = False


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str  # canonical, or as written
    listed: bool


def find_staff(body: str, lexicon: UnitWords) -> StaffReading:
    """Names on duty in order (canonical for listed staff), the unlisted ones, the absent ones,
    and whether a staff label (值班人员：) was seen."""
    reading = StaffReading()
    in_staff_block = False
    clauses = 0
    for sentence in _SENTENCE.split(body):
        if not sentence.strip():
            continue
        clauses += 1
        if clauses > MAX_CLAUSES:
            break
        label = LABEL.match(sentence)
        labelled = bool(label and label_of(label) == Kind.STAFF)
        if label and not labelled:
            in_staff_block = False
        if labelled and label:
            reading.labelled = True
            in_staff_block = True
            sentence = sentence[label.end() :]
        elif in_staff_block and not _only_names(sentence, lexicon):
            in_staff_block = False
        staff_sentence = labelled or in_staff_block
        for clause in _CLAUSE.split(sentence):
            clauses += 1
            if clauses > MAX_CLAUSES:
                break
            _read_clause(clause, staff_sentence, lexicon, reading)
    reading.names = [n for n in reading.names if n not in reading.absent]
    reading.unlisted = [n for n in reading.unlisted if n in reading.names]
    return reading


def _read_clause(
    clause: str, staff_sentence: bool, lexicon: UnitWords, reading: StaffReading
) -> None:
    if not clause.strip():
        return
    mentions = _mentions(clause, lexicon)
    absent_all = _ABSENT_BEFORE.match(clause) is not None
    staff_clause = staff_sentence or len(mentions) >= 2 or _ON_DUTY.search(clause) is not None
    for index, mention in enumerate(mentions):
        if _quoted(clause, mention.start):
            continue  # “文明出行我先行”活动, 《文明旅游公约》: a title, not a person
        if mention.start and clause[mention.start - 1] in "@＠":
            continue  # @程丽华: someone addressed, not someone on duty
        if absent_all or _absent_after(clause, mentions, index):
            _add(reading.absent, mention.name)
            continue
        if not staff_sentence and not _stands_alone(clause, mentions, index):
            continue  # 早高峰, 摆得方方正正, 齐心协力: the name is part of another word
        if staff_clause or _isolated(clause, mention) or _bracketed_alone(clause, mention):
            _add(reading.names, mention.name)
            if not mention.listed:
                _add(reading.unlisted, mention.name)
    unlisted_here = staff_sentence or any(m.listed for m in mentions) or _PEOPLE.search(clause)
    if unlisted_here and not absent_all:
        for name in _unlisted_names(clause, lexicon):
            after = clause.find(name) + len(name)
            if _OFFICIAL_AFTER.match(clause, after):
                continue  # 张红梅书记: the community's official, not the unit's staff
            if _ABSENT_AFTER.match(clause, after):
                _add(reading.absent, name)
            elif name not in reading.names:
                reading.names.append(name)
                reading.unlisted.append(name)


# What may stand right before and right after a name (a separator, another name, 和, 带队 …).
_BEFORE_NAME = frozenset(
    "和跟与及同有是由让请派带领我们天日午科室办队站局组员了：:、，,()（）【】[]/｜ \n的"
    "导长任记"  # 带班领导刘国栋, 组长王振华: a title before the name
    "班"  # 文昌阁街值班孙桂芝
    "着是"  # 跟着赵敏科长, 今天是何晓丽
    "边"  # 松鹤那边王立新领着…去的
)
_AFTER_NAME = frozenset(
    "和跟与及同等值到参负在也都一起请出未没今昨已带去来说科主组队书老小：:、，,()（）【】[]/｜ \n。；;"
    "一二三四五六七八九十两俩仨0123456789"
    "当现协把将帮对共先又还再"  # 我和林小北当场协助物业清运了
    "专被"  # 我和陈静专门去看了, 我和周敏被抽调到…
    "副馆局处所站院股"  # 孔繁礼副馆长带队, 廖振宇股长: a title after the name
    "过赶跑"  # 我和黄晓琪过去看了, 赶到现场: went there
    "领配"  # 王立新领着崔永利去的, 我和崔永利配合街道清雪
    "巡"  # 我和热依拉·艾买提巡的
    "走查看转"  # 我和黄丽萍走的紫阳桥那头, 我和叶子健查的: the part the two covered
    "按"  # 我和于海涛按区里安排…巡了
    "扫捡撕摆挪推"  # 我跟丁磊扫了一下: what the two did
)


# (The look-ahead stops within a clause's length, so each name costs a bounded step.)
_WITH_THEM = re.compile(r"[他她]们(?![^，,。；]{0,40}?(?:明天|明日|下次|下周|下回))")


def _stands_alone(clause: str, mentions: list[_Mention], index: int) -> bool:
    """Whether a mention is a name in its own right, not inside a longer word."""
    mention = mentions[index]
    before = clause[mention.start - 1] if mention.start else ""
    after = clause[mention.end] if mention.end < len(clause) else ""
    adjacent_before = index > 0 and _joined(clause, mentions[index - 1].end, mention.start)
    adjacent_after = index + 1 < len(mentions) and _joined(
        clause, mention.end, mentions[index + 1].start
    )
    if adjacent_before or adjacent_after:
        # In a list of names (值班人员为赵敏、何静; 组织欧阳春华、王建平) one side is enough.
        return True
    before_ok = not before.isalnum() or before in _BEFORE_NAME or adjacent_before
    after_ok = (
        not after.isalnum()
        or after in _AFTER_NAME
        # 斯琴高娃她们昨天在林苑社区值班: the name and those with them (not 请梁科长他们明天…).
        or _WITH_THEM.match(clause, mention.end) is not None
        or adjacent_after
        or _ON_DUTY.match(clause, mention.end)
    )
    return before_ok and bool(after_ok)


_OPENING_QUOTES = "“《「『〈"
_CLOSING_QUOTES = "”》」』〉"


def _quoted(clause: str, position: int) -> bool:
    """Whether ``position`` lies inside quotation marks or title marks."""
    before = clause[:position]
    opened = sum(before.count(mark) for mark in _OPENING_QUOTES)
    closed = sum(before.count(mark) for mark in _CLOSING_QUOTES)
    return opened > closed or before.count('"') % 2 == 1


_TOKEN_EDGE = frozenset(" \n\t/｜、:：")


def _bracketed_alone(clause: str, mention: _Mention) -> bool:
    """排水设施复查（黄志坚）：…: one listed name alone in brackets, the one on duty."""
    before = clause[mention.start - 1] if mention.start else ""
    after = clause[mention.end] if mention.end < len(clause) else ""
    return before in ("（", "(") and after in ("）", ")")


def _isolated(clause: str, mention: _Mention) -> bool:
    """A listed name standing as a word of its own between spaces or at the clause's ends (9网格
    彭浩 小广告…): a name, not part of a phrase."""
    before = clause[mention.start - 1] if mention.start else " "
    after = clause[mention.end] if mention.end < len(clause) else " "
    written = re.sub(r"\s+", "", clause[mention.start : mention.end])
    return written == mention.name and before in _TOKEN_EDGE and after in _TOKEN_EDGE


# 赵敏科长、孙立军科长: a title may stand between a name and the next.
_LIST_JOIN = re.compile(
    # …and in speech: 史小蕾还有戴晓峰然后林立, 俞国强搭竺文涛 (Wu 搭 is 和).
    r"(?:同志|科长|主任|老师|局长|书记|组长|队长|站长|副科长|副主任)?\s*+"
    r"(?:[、，,/｜和及与跟搭同]|以及|还有|然后(?:是|就是)?)?\s*+"
)


def _joined(clause: str, end: int, start: int) -> bool:
    """Whether two names stand next to each other in a list."""
    return end <= start and _LIST_JOIN.fullmatch(clause, end, start) is not None


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)


def _absent_after(clause: str, mentions: list[_Mention], index: int) -> bool:
    """An absence word right after this name, or after the list of names it stands in
    (孙悦、李娜请假)."""
    end = mentions[index].end
    said = _ABSENT_AFTER.match(clause, end)
    next_start = mentions[index + 1].start if index + 1 < len(mentions) else len(clause)
    if said and said.end() <= next_start and not _about_another(clause, end):
        return True  # not 王晓明李娜请假, where the absence is the next name's
    # 孙悦、李娜请假: a short list joined by 、 or 和; names in a row with spaces (到岗的有石建华
    # 卢永福 谭玉梅请假了) each speak for themselves.
    if _ON_DUTY.search(clause, 0, mentions[index].start):
        return False
    if clause[end : end + 1] in ("（", "("):
        return False  # 周晓蕾、范琪（请假）: the bracket is about its own name
    last = index
    for later_index in range(index + 1, len(mentions)):
        between = clause[end : mentions[later_index].start]
        if between.strip() not in ("、", "和", "与", "及", "跟", "以及"):
            break
        end, last = mentions[later_index].end, later_index
    if last == index or clause[end : end + 1] in ("（", "("):
        return False  # (王晓明、李娜、赵强（请假）: the bracket is the last name's own)
    said = _ABSENT_AFTER.match(clause, end)
    next_start = mentions[last + 1].start if last + 1 < len(mentions) else len(clause)
    return bool(said) and said.end() <= next_start


def _about_another(clause: str, end: int) -> bool:
    """吴婷婷（孙浩下沉社区 未到）: a bracket after a name that opens with another name."""
    bracket = re.match(r"\s*+[（(]", clause[end : end + 3])
    if bracket is None:
        return False
    inner = clause[end + bracket.end() : end + bracket.end() + 3]
    return _looks_like_name(inner) or _looks_like_name(inner[:2])


# No clause names more people than this; the cap keeps a pasted run of names cheap.
_MAX_MENTIONS = 40


def _mentions(clause: str, lexicon: UnitWords) -> list[_Mention]:
    mentions: list[_Mention] = []
    clause = clause[: _MAX_MENTIONS * 8]
    if lexicon.staff_pattern is not None:
        for match in lexicon.staff_pattern.finditer(clause):
            mentions.append(
                _Mention(match.start(), match.end(), lexicon.staff_at(match.group()), True)
            )
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for match in _TITLED.finditer(clause):
        if match.start() in covered:
            continue
        if _addressed(clause, match, lexicon):
            continue  # 郭主任 今儿个仲景北路值班…: the one the report is sent to
        surname = match.group("surname") or match.group("surname2")
        same = [name for name in lexicon.staff_by_name.values() if name.startswith(surname)]
        if surname not in _SURNAMES and not same:
            continue  # (储科长: a rarer surname, but one on the unit's list)
        if len(same) == 1:
            mentions.append(_Mention(match.start(), match.end(), same[0], True))
        elif not match.group("familiar"):
            # 王科长 with two 王 on the list: kept as written.
            mentions.append(_Mention(match.start(), match.end(), match.group(), False))
    mentions.sort(key=lambda m: m.start)
    return mentions[:_MAX_MENTIONS]


# 郭主任 今儿个…, 秦主任，夜来…: a title opening the message, then the report itself.
_OPENING_ADDRESS = re.compile(r"[\s@]*+$")
_AFTER_ADDRESS = re.compile(r"[ \t]*+[，,：:！!]?[ \t]*+")


def _addressed(clause: str, match: re.Match[str], lexicon: UnitWords) -> bool:
    if not match.group("title") or not _OPENING_ADDRESS.match(clause[: match.start()]):
        return False
    after = _AFTER_ADDRESS.match(clause, match.end())
    if after is None or after.end() == match.end():
        return False  # 王科长带队…: the one who led the duty
    rest = clause[after.end() : after.end() + 4]
    names_next = lexicon.staff_pattern is not None and lexicon.staff_pattern.match(rest)
    return not names_next and _TITLED.match(rest) is None and rest[:1] not in "、和及与"


def _only_names(sentence: str, lexicon: UnitWords) -> bool:
    """A line of names under a staff label (1.王晓明 / 王晓明 李娜)."""
    marker = LEADING_MARKER.match(sentence)
    rest = sentence[marker.end() :] if marker else sentence
    masked = lexicon.staff_pattern.sub("\x00", rest) if lexicon.staff_pattern else rest
    masked = re.sub(r"[（(][^）)]{0,20}+[）)]", "", masked)
    tokens = [t for t in _NAME_SPLIT.split(masked) if t]
    return bool(tokens) and all(
        ("\x00" in t and not t.replace("\x00", "").strip()) or _looks_like_name(strip_title(t))
        for t in tokens
    )


def _mask_titled(match: re.Match[str], clause: str) -> str:
    """王科长, 小刘 masked; not the 小红 of 马小红, a full name with 小 in it."""
    if match.group("familiar") and match.start() > 0 and clause[match.start() - 1] in _SURNAMES:
        return match.group()
    if (
        match.group("title") == "老师"
        and match.start() > 0
        and "\u4e00" <= clause[match.start() - 1] <= "\u9fff"
    ):
        return match.group()  # 何晓丽老师: a full name, then the title (stripped later)
    return "\x00"


# 另有镇农办陈伟参加: the body someone comes from, before their name.
_BODY_BEFORE_NAME = re.compile(
    r"^(?:镇|区|市|县|乡|街道|社区|村)[\u4e00-\u9fff]{0,4}?(?:办公室|办|局|委|所|站|队|中心)的?"
)
_STRETCH_AFTER_SITE = re.compile(r"、(?:段|片区|一带|沿线|周边)")


def _unlisted_names(clause: str, lexicon: UnitWords) -> list[str]:
    """Names in a staff clause that are not on the list (郑凯和新来的同事张华、林小雨一起…)."""
    masked = lexicon.staff_pattern.sub("\x00", clause) if lexicon.staff_pattern else clause
    masked = _TITLED.sub(lambda m: _mask_titled(m, masked), masked)
    if lexicon.site_pattern is not None:
        masked = lexicon.site_pattern.sub("、", masked)
        # 参加仓桥直街段清理: the site's stretch, not 段 someone.
        masked = _STRETCH_AFTER_SITE.sub("、", masked)
    masked = re.sub(r"[（(][^）)]{0,20}+[）)]", "、", masked)
    found = []
    for token in _NAME_SPLIT.split(masked):
        if not token or "\x00" in token:
            continue
        marker = LEADING_MARKER.match(token)
        name = token[marker.end() :] if marker else token
        name = _NAME_PREFIX.sub("", name)
        name = _BODY_BEFORE_NAME.sub("", name)
        for department in lexicon.departments:
            if name.startswith(department):
                name = name[len(department) :]
        name = _NAME_SUFFIX.sub("", name)
        name = strip_title(name)
        if _looks_like_name(name):
            found.append(name)
            continue
        if _LATIN_NAME.fullmatch(name) and name.lower() not in _ENGLISH_WORDS:
            found.append(name)  # Kevin、周晓蕾: a nickname in the list, kept as written
            continue
        # 新来的小伙子孙浩, 借调过来的王磊: the name ends the phrase that introduces it.
        for size in (3, 2):
            tail = name[-size:]
            if len(name) > size and _introduces(name[:-size]) and _looks_like_name(tail):
                found.append(tail)
                break
    return found


_LATIN_NAME = re.compile(r"[A-Z][a-z]{2,11}")
# English words people type in a report, which are no names.
_ENGLISH_WORDS = frozenset(
    [
        "done",
        "fixed",
        "fix",
        "pending",
        "check",
        "report",
        "sorry",
        "today",
        "list",
        "again",
        "good",
        "all",
        "otherwise",
        "team",
        "duty",
        "update",
        "note",
        "photo",
        "pic",
        "pics",
        "thanks",
        "ok",
        "okay",
        "yes",
        "hello",
        "morning",
    ]
)


# The last character of words that introduce a person (…的, 小伙子, 志愿者, 实习生, 同事).
_INTRO_END = frozenset("子者生事员娘伙")
# …的 introduces a person only after words about coming or helping (新来的, 借调过来的, 帮忙的);
# 违停的车忒多 has no name in it.
_INTRO_OF = re.compile(r"来|调|帮|新|实习|志愿|临时|派")


def _introduces(words: str) -> bool:
    return words[-1] in _INTRO_END or (words[-1] == "的" and _INTRO_OF.search(words) is not None)


_NOT_A_NAME = re.compile(
    r"(?:周|星期|礼拜)[一二三四五六日天]|[今昨前明][天日早晚]|上午|下午|早上|晚上"
    # Words that sign a message off (齐活 is "all done" in Beijing speech).
    r"|齐活|齐全|齐了"
    # 路段（曙光街）：宋卫东…: the kind of site heading the team.
    r"|路段|网格|社区|小区"
    # 游客也好多, 居民说: the people on the street (游, 居, 商 are surnames too).
    # (游客多, 居民说: and what is said of them after.)
    r"|(?:游客|游人|居民|市民|行人|商户|路人|车主|店主|业主|住户|群众|司机|老板)[\u4e00-\u9fff]*"
)


def _looks_like_name(name: str) -> bool:
    if _NOT_A_NAME.fullmatch(name):
        return False
    if not 2 <= len(name) <= 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in name):
        return False
    if name.endswith(TITLES):
        return False
    compound = name.startswith(_COMPOUND_SURNAMES)
    if not compound and (name[0] not in _SURNAMES or len(name) > 3):
        return False
    given = name[2:] if compound else name[1:]
    return bool(given) and not any(ch in _NOT_IN_NAMES for ch in given)
