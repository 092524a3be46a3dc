"""The duty date a message states, read against its send time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from itertools import islice

from ..quantity import MEASURE_WORDS, chinese_numeral
from .lexicon import CN
from .unitwords import UnitWords


def mask_names(text: str, lexicon: UnitWords) -> str:
    """Staff names hidden, so that 周一鸣 is not read as a Monday."""
    if lexicon.staff_pattern is None:
        return text
    return lexicon.staff_pattern.sub(lambda m: "□" * len(m.group()), text)


# ---------------------------------------------------------------------------------------------
# Dates


_MEASURES_BUT_REN = MEASURE_WORDS.replace("人", "")
_DATE = re.compile(
    rf"(?P<full>(?P<fy>\d{{4}}|[{CN}]{{4}})\s*+[年./-]\s*+(?P<fm>\d{{1,2}}|[{CN}]{{1,3}})\s*+[月./-]\s*+"
    rf"(?P<fd>\d{{1,2}}|[{CN}]{{1,3}})(?![\d])\s*+[日号]?)"
    rf"|(?P<md>(?<![\d.])(?P<mm>\d{{1,2}}|[{CN}]{{1,3}})\s*+月\s*+(?P<md_d>\d{{1,2}}|[{CN}]{{1,3}})\s*+[日号])"
    rf"|(?P<num>(?<![\d./-])(?<!\d[:：])(?P<nm>\d{{1,2}})[./-](?P<nd>\d{{1,2}})"
    # (4.2名行人横穿马路: an item's number, then a count of people; 12.3人民路 is a date.)
    rf"(?![\d./:：-]|[ \t]*+(?:人(?![民行员])|[{_MEASURES_BUT_REN}]|号|米|%|吨|元|斤|公斤|倍|万|小时|钟头|分钟|公里|平方|天)))"
    # (限期3日内整改, 3日后复查: a span of days, no date.)
    rf"|(?P<day>(?<![\d月.])(?P<dd>\d{{1,2}}|[{CN}]{{1,3}})(?:日(?![内后前起])"
    # (3号下午局里安排…, 3号迎检那天: 号 with the time of day, not 3号楼.)
    rf"|号(?=上午|下午|晚上|早上|中午|傍晚|夜里|那天|这天|当天|迎检)"
    # (21号光宇街 我王立新宫雪仨: the day, then the site; 3号楼, 5号院 are places.)
    rf"|(?<![\u4e00-\u9fff]\d)(?<![\u4e00-\u9fff]\d\d)号(?![楼院门栋单幢户])"
    rf"(?=[ \t]*+[\u4e00-\u9fff]{{1,8}}?(?:街|路|社区|网格|村)"
    rf"(?:[\s，,：:]|$|值班|巡查|加班|[东西南北]侧|路[东西南北]))))"
    # (周二组, 周四班: the team of that weekday, no date.)
    rf"|(?P<week>(?P<wp>上|本|这|(?<!一)下)?(?<!每)(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])(?![组班]))"
    # (夜个, 夜来: yesterday in Shaanxi and Shandong speech.)
    rf"|(?P<rel>今天|今日|今早|今晨|本日|今儿个|今儿|昨天|昨日|昨晚|昨儿个|昨儿|前天|前日|前儿个|前儿|"
    rf"夜个|夜儿个|夜来(?=[^了的人])|昨个)"
)
# 昨天礼拜天俺们没值班: a day said to have had no duty is not the duty's day.
_NO_DUTY_AFTER = re.compile(
    r"[^，,。；;！!\n]{0,12}?(?:没|未|不|无)(?:有)?(?:值班|排班|上岗|巡查)|[^，,。；;\n]{0,8}?休息"
    # (昨个后半夜又下了 今天早上…: the night the snow fell, not the duty's day.)
    r"|(?:后半夜|半夜|夜里|晚上|夜间)[^，,。；;！!\n]{0,4}?(?:下了|下雪|降雪|下雨|刮大风)"
)
# 社区说周五来拉: a weekday something is to happen on is no duty day.
_PLANNED_AFTER = re.compile(
    r"(?:上午|下午|晚上)?(?:再|会|要|才|安排|派|统一|前|来(?:拉|修|清|处理|收|弄|换|装)|"
    # 社区说周五换: what someone else will do that day.
    r"(?:换|修|拉|清运|处理|来)(?:$|[，,。；;\s]))"
)
_DATE_LABEL_BEFORE = re.compile(r"(?:日期|时间)\s*+[:：]?\s*+$")
_DATE_REFERENCE_AFTER = re.compile(
    r"\s*+(?:前|之前|以前|以来|至今|起|(?:已经?|曾)?(?:反映|上报|报的|报过|已报|发现的|交办|通报|移交|转交)"
    r"|(?:说|讲|提到|布置|安排|约)(?:的|过|好的))"
)
# 今天跟上周一比, 站前路比昨天：…: the day compared with, not the duty's.
_COMPARED_WITH = re.compile(r"[比较跟]$")
# 明天周四不值班，周五继续去…; 明天（周四）配合督查: a day in a clause about what is to come.
_AHEAD_BEFORE = re.compile(r"明天|明日|明早|后天|下次|下周|下星期|计划|打算|准备|将于|继续")
_AHEAD_AFTER = re.compile(r"[^，,。；;]{0,4}?(?:继续|再去|还去|要去|计划|打算|准备)")
_CLAUSE_END = re.compile(r"[，,。；;！!？?\n]")
_AHEAD_LOOKBACK = 16
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
    "今儿个": 0,
    "今儿": 0,
    "昨儿个": 1,
    "昨儿": 1,
    "前儿个": 2,
    "前儿": 2,
    "夜个": 1,
    "夜儿个": 1,
    "夜来": 1,
    # (昨个: yesterday in the north-east.)
    "昨个": 1,
}
_HEAD_CHARS = 60
_MAX_DATES = 40
# A stated date further back than this is kept but questioned in the reply.
STALE_DAYS = 31


def resolve_date(text: str, sent_at: datetime) -> tuple[date, tuple[str, ...]]:
    """The duty date a message states, read against the day it was sent, and any notes.

    Preference: a labelled date (日期：…), then a calendar date, a weekday, a relative word
    (今天, 昨日), each first in the message's head; dates after the send date are plans or
    deadlines and are skipped. A date that does not exist gives the send date and a note.
    """
    day, notes, _only_future = read_date(text, sent_at.date())
    return day, notes


def stated_date(text: str, sent: date) -> date | None:
    """The date a part of a message states itself (昨天9网格…), or None when it states none."""
    day, notes, _only_future = read_date(text, sent)
    if day == sent and not notes and not _DATE.search(text):
        return None
    return day if not notes else None


_WEEKDAY_OF = re.compile(r"\s?[（(]?")
_EVERY_WEEK = re.compile(
    r"每(?:个)?(?:周|星期|礼拜)[一二三四五六日天](?:[、和及与](?:周|星期|礼拜)?[一二三四五六日天])*"
)


_TODAY = frozenset(("今天", "今日"))
_ON_DUTY_AFTER = re.compile(r"(?:上午|早上)?值班(?!的|人员)")


def read_date(text: str, sent: date) -> tuple[date, tuple[str, ...], bool]:
    """``resolve_date`` plus whether every date the text states lies ahead (a plan)."""
    first_line_end = text.find("\n")
    head_end = max(_HEAD_CHARS, first_line_end)
    best: tuple[int, int] | None = None
    best_result: tuple[date | None, str] | None = None
    future_seen = False
    future_end = -1
    every_week = [m.span() for m in islice(_EVERY_WEEK.finditer(text), _MAX_DATES)]
    for seen, match in enumerate(_DATE.finditer(text)):
        if seen >= _MAX_DATES:
            break  # no report states this many dates; the rest of a paste changes nothing
        if (
            _DATE_REFERENCE_AFTER.match(text, match.end())
            or _COMPARED_WITH.search(text, max(0, match.start() - 1), match.start())
            or _NO_DUTY_AFTER.match(text, match.end())
            or (match.group("week") and _PLANNED_AFTER.match(text, match.end()))
        ):
            continue
        if not match.group("rel") and _ahead_in_clause(text, match.start(), match.end()):
            continue  # a plan told beside the report; the message may still be one
        if match.group("day") and future_seen:
            continue  # 1月1日至3日…2日赵强: the days of the month just said to lie ahead
        if match.group("week") and any(a <= match.start() < b for a, b in every_week):
            continue  # 每周三、周五: every week, no day of its own
        if (
            match.group("week")
            and future_end >= 0
            and _WEEKDAY_OF.fullmatch(text, future_end, match.start())
        ):
            continue  # 11月4日（周三）: the weekday of the day just said to lie ahead
        resolved, written = _resolve_match(match, sent)
        if resolved == "future":
            future_seen, future_end = True, match.end()
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
        elif match.group("rel") in _TODAY and _ON_DUTY_AFTER.match(text, match.end()):
            rank = 2  # 昨天下午路过看到…，今天值班去看还在: the duty's own day, the day before told

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


def _ahead_in_clause(text: str, start: int, end: int) -> bool:
    """Whether the clause of a date speaks of what is to come (明天（周四）…, 周五继续去)."""
    window = text[max(0, start - _AHEAD_LOOKBACK) : start]
    ends = list(_CLAUSE_END.finditer(window))
    clause = window[ends[-1].end() :] if ends else window
    if _AHEAD_BEFORE.search(clause):
        return True
    after = text[end : end + _AHEAD_LOOKBACK]
    stop = _CLAUSE_END.search(after)
    return _AHEAD_AFTER.match(after[: stop.start()] if stop else after) is not None


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
        # 元旦三天（1月1日至3日） said on 12月31日: next year's, ahead.
        if (sent - this_year).days > 300:
            try:
                if (date(sent.year + 1, month, day_number) - sent).days <= 62:
                    return "future"
            except ValueError:
                pass
        return this_year
    if this_year is not None and (this_year - sent).days <= 62:
        return "future"
    try:
        return date(sent.year - 1, month, day_number)
    except ValueError:
        return None
