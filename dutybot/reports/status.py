"""How a clause says things ended: fixed, pending (asked for, handed over, waiting) or not said."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..quantity import MEASURE_WORDS, Quantity
from .amounts import amounts, first_amount
from .lexicon import (
    ACTION_LEAD_WORD,
    CALLED_IN,
    DONE_AFTER,
    DONE_BEFORE,
    HANDED_OVER_WORDS,
    HANDLING,
    PASSIVE,
    STATUS_TOKEN,
    TOKEN_ROLE,
)


@dataclass(frozen=True)
class Status:
    state: str | None  # "fixed", "pending" or None
    quantity: Quantity | None  # the number the state is about (3辆已挪走)
    starts_with_action: bool  # 清理楼道小广告十二处: the verb opens the fragment
    # Only a ✅ or ❌ says it, no word: enough for an item, not to make 路面干净 one.
    by_mark: bool = False


STATUS_TAIL = re.compile(r"(?:已经?|当场|现场|均已|都已|经(?:过|劝导|联系|协调|沟通))[^，]{0,80}+$")
# A fragment opening like this tells what became of the item before it.
STATUS_OPENING = re.compile(r"[\W_]*(?:已|当场|现场|经|均|都|全部|并|随即|立即|及时|随后|后)")


OTHERS_PUT = re.compile(
    r"(?:店|饭馆|商户|商铺|超市|卖部|人家|住户|居民|摊主|老板)[^，。；]{0,6}?把[^，。；]{1,8}?"
    r"(?:摆|放|堆|晒|晾|挂|搬|推|拿)[^，。；]{0,3}?(?:出来|出去|在|到|上)"
    r"|(?:人家|住户|居民)[^，。；]{0,8}?(?:晒|晾)[^，。；]{1,6}?在"
    # 有3位家长把车直接停在斑马线上: parked where it should not be.
    r"|(?:家长|司机|车主|有人|奶奶|爷爷|大爷|大妈)[^，。；]{0,8}?把[^，。；]{0,4}?车[^，。；]{0,4}?(?:停|横|堵|挡)"
)
LIES_THERE = re.compile(r"(?:一|好几|几)(?:堆|排|片|摊|大堆)")
_LATER_DAY = re.compile(r"(?:元旦|春节|节|年|周末|月底|月初|明天|下周|两天|几天|开学|放假)后已?$")
_THEMSELVES = re.compile(r"自己|自行")
_ARRANGED = re.compile(r"找|安排|派|叫")
# 责令当晚推出, 要求明天清走: what they were told to do by a time still ahead.
_BY_A_TIME_AHEAD = re.compile(r"当晚|今晚|明天|明日|明早|限期|尽快|\d{1,2}日内|[\d一二两三五]天内")
_ARRANGED_BEFORE = re.compile(r"安排(?:了|好了|好)?(?:人员?|专人)?$")
_FINISHED_AFTER = re.compile(r"完毕|干净|完成|结束")
_MAX_TOKENS = 40
# Someone other than the team as the one acting (早餐店把桌椅摆到了人行道上).
_OTHERS = re.compile(
    r"店|商户|商铺|居民|住户|有人|有家|有户|人家|车主|老板|摊(?![后前])|小贩|行人|业主|司机|工地"
)
# Warning devices put up until something is mended.
# (和物业2名保安一起清理: who came along may be counted before 一起.)
_TOGETHER = re.compile(r"[^，,。；]{0,6}?(?:一起|一块|一同|共同|合力|配合)")
_HANDLED = ("处理", "处置", "解决")
_HANDED_TO_HANDLE = 6  # characters between 交给社区 and 处理
_PERSUADED = re.compile(r"劝|督促|让|请|要求|经|叫|喊|提醒")
# 帮居民清理楼道杂物2件: the team did it for them.
_FOR_THEM = re.compile(
    r"(?:帮|替|给|协助)(?:着|忙|助)?(?:[^，。；]{0,2}?)(?:居民|住户|商户|业主|店主|老板|人家|摊主)"
)
_SAFETY = re.compile(r"锥桶|警示|围挡|隔离带|提示牌|警戒")
_LEAD_LIMIT = 24
_CANNOT = re.compile(r"(?:没有?|莫得|无)(?:办法|法子)|无法|没法|不能")
# 2辆锁着挪不了, 搬不动: the verb tried and could not.
_COULD_NOT = re.compile(r"不(?:了|动|走|掉|开|着|下来|下去|上去|进去)")
_CROSS = re.compile("[❌✖❎]")
# 修好之前每天去看一眼: until it is mended, so not mended yet.
_UNTIL = re.compile(r"之前|以前")
_DENIED_MARK = re.compile(r"(?:没有|未能)(?:及时|马上|立即|当场)")
_RIGHT_AFTER = re.compile(r"了?(?:约|共|大概)?")
# …and told to, then did (跟住户说了收了两处, 喊老板收了3根: 喊 is to tell, in the south-west).
_MAKE_ACT = frozenset(("让", "督促", "要求", "责令", "请", "协调", "说了", "喊", *CALLED_IN))
_HANDED_OVER = frozenset(HANDED_OVER_WORDS)
# 已督促商户清理: urged then and there to do a thing done in minutes, and done (not 已督促
# 整改, nor what 责令/要求 order for later; clean.py reads 已督促…清理，明日复查 as waiting).
_URGED_THEN = re.compile(r"(?:已经?|当场|现场|均已|都已)$")
# 已让住户挪进院子, 已喊老板收回: people already made to act on the spot, and they did; but
# 已喊环卫来清运, 已经叫物业嚟修: someone called in to come has yet to.
_ALREADY_BEFORE = re.compile(r"已经?$")
_MADE_THERE = frozenset(("让", "叫", "喊"))
_COMING = re.compile(r"来|嚟|过去")
_PERFECTIVE_END = re.compile(r"了[啦哈呢~！!。\s]*+$")
# 清理小区绿化带落叶枯枝6袋, 清扫约200米: a count soon after the verb tells what was done.
_COUNT_AFTER_SOON = re.compile(
    rf"[^，。；]{{0,12}}?(?:\d|[一二两三四五六七八九十几]{{1,3}}(?:余|多|来)?[{MEASURE_WORDS}])"
)
COUNT_JUST_BEFORE = re.compile(
    rf"(?:\d|[一二两三四五六七八九十几])(?:余|多|来)?\s?[{MEASURE_WORDS}]\s?+$"
)
_COUNT_AFTER = re.compile(r"\s?+(?:\d|[一二两三四五六七八九十几俩仨])")


def done_by_others(before: str) -> bool:
    """早餐店把桌椅摆到了人行道上, 2名商户在店门口摆放货架: the verb after ``before`` is what
    others did unasked (劝导店主清扫完毕, 帮居民清理, 住户自己拎去垃圾站了 are fixes)."""
    return (
        _OTHERS.search(before) is not None
        and not _PERSUADED.search(before)
        and not _FOR_THEM.search(before)
        # 住户自己拎去垃圾站了: told, they did it themselves.
        and not _THEMSELVES.search(before)
    )


def read_status(fragment: str, fixing: bool = False) -> Status:
    """How a fragment says things ended: the last event in it wins. ``fixing`` is for the
    lines of a 整改情况 section, where a plain fix verb tells what was done."""
    state: str | None = None
    governed = False  # after 通知/联系/报, a plain fix verb is only what was asked
    future = False  # after 待/未/限期, a verb is not done yet
    last_block = -1
    request_end = block_end = 0
    made_to_act = False
    made_already = False
    requests = 0  # 已通知社区联系人拉走: asked to ask someone is not done
    later_today = False  # the last waiting word was 下午 (下午又清了一堆炉灰 is done)
    asked = False  # the last request was 请 (请专业人员摘除: asked, not yet done)
    # Where the 了 that ends the clause stands (found once: searching from each verb would
    # make a long clause cost the square of its length).
    ending = _PERFECTIVE_END.search(fragment[-8:])
    perfective = len(fragment) - 8 + ending.start() if ending and len(fragment) >= 8 else -1
    if ending and len(fragment) < 8:
        perfective = ending.start()
    starts_with_action = False
    urged_then = False  # the last request was 督促, said done then and there (已督促商户)
    fixed_at = 0  # where the last verb telling a fix ends
    safety = _SAFETY.search(fragment) is not None
    # 一家饭店把桌子摆出来了: what someone else put out, not a fix.
    put_out = OTHERS_PUT.search(fragment)
    previous_role: str | None = None
    previous_end = 0
    for seen, match in enumerate(STATUS_TOKEN.finditer(fragment)):
        if seen >= _MAX_TOKENS:
            break  # no clause says this much; the rest of a pasted run changes nothing
        token = match.group()
        role = TOKEN_ROLE[token]
        role_before, previous_role = previous_role, role
        # (联系环卫清了✅: the verb before the tick said done, in its last character or the one
        # after it; 已报修✅: it did not.)
        bare_before = not _SAID_DONE.search(fragment, max(0, previous_end - 1), previous_end + 1)
        previous_end = match.end()
        start = match.start()
        if (
            token in _MARK_TOKENS
            and role != "pending"
            and state == "pending"
            and (role_before in ("request", "pending") or (governed and bare_before))
        ):
            continue  # 已通知业主✔, 已报修✔: the tick says the line is done with, the words how
        if role in ("fix", "result") and PASSIVE.search(fragment, max(0, start - 3), start):
            continue  # 海报被撕了, 被风刮倒: what happened to it, the problem itself
        if put_out is not None and put_out.start() <= start < put_out.end():
            continue
        if token == "摆起" and LIES_THERE.match(fragment, match.end()):
            continue  # 巷子摆起一堆装修垃圾: it lies there (southern speech), nobody tidied it
        if role == "pending":
            if token == "不":
                # 不 alone is too common (不牵绳, 不亮); it counts only before a fix verb.
                following = STATUS_TOKEN.match(fragment, match.end())
                if not following or TOKEN_ROLE[following.group()] not in ("fix", "result"):
                    continue
            state, future, last_block = "pending", True, start
            block_end = match.end()
            later_today = token == "下午"
            continue
        if role == "request" and _TOGETHER.match(fragment, match.end()):
            continue  # 和物业一起清运: together with them, not asking them
        if role == "request":
            requests += 1
            state, governed, future, last_block = "pending", True, False, start
            request_end = block_end = match.end()
            # 让住户收了: someone made to act did it; 通知社区换了: someone told has yet to.
            made_to_act = token in _MAKE_ACT
            # 已让住户挪进院子: someone already made to act, and the act follows (not
            # 已叫保洁来清运: someone called in to come is yet to; 已督促整改 is read above).
            made_already = (
                token in _MADE_THERE
                and _ALREADY_BEFORE.search(fragment, max(0, start - 2), start) is not None
            )
            urged_then = (
                token == "督促"
                and _URGED_THEN.search(fragment, max(0, start - 3), start) is not None
            )
            # (叫社区的拉走先: called in, and done only when told so: 叫物业拉走了.)
            asked = token == "请" or token in _HANDED_OVER or token in CALLED_IN
            continue
        if role in ("fix", "result") and _UNTIL.match(fragment, match.end()):
            continue
        if _CANNOT.search(fragment, max(0, start - 8), start):
            state, future = "pending", False  # 没有办法当场搞定: could not be done
            continue
        if role in ("fix", "result") and _COULD_NOT.match(fragment, match.end()):
            # 2辆锁着挪不了: those are left; 锁了挪不动 after ❌1 only says why, and no fix.
            if not _CROSS.search(fragment, 0, start) and first_amount(fragment[:start]):
                state, future = "pending", False
            continue
        marked_before = _marked_before(fragment, start, last_block, block_end) or (
            # 小广告4处清除: how many, then the verb, tells what was done.
            not governed
            and not future
            and COUNT_JUST_BEFORE.search(fragment, max(0, start - 6), start)
        )
        if (
            future
            and not marked_before
            and not _FINISHED_AFTER.match(fragment, match.end())
            and not (later_today and (token.endswith("了") or perfective >= match.end()))
        ):
            state = "pending"  # (今天下午我们值班时清运完毕 is done, whatever 下午 said)
            continue
        if _ARRANGED_BEFORE.search(fragment, max(0, start - 6), start):
            state, future = "pending", False  # 社区说已安排维修: arranged, not done
            continue
        if not governed and not marked_before:
            # (有人遛狗不牵绳，劝了: who did wrong before a stop did not do the fix.)
            before = fragment[max(0, start - 10) : start].rpartition("，")[2]
            # 早餐店把桌椅摆到了人行道上, 充电线从窗户拉出来: what others did unasked, or
            # where a thing comes from, is the problem, not its fix (劝导店主清扫完毕, 店主
            # 收回1块 are fixes).
            if "从" in before or (role == "fix" and done_by_others(before)):
                continue
        if safety and not marked_before:
            continue  # 找了个锥桶先放上: a warning until it is mended, not a fix
        if (
            role == "result"
            and token not in _MARK_TOKENS  # 喊保洁清了✅: the mark says it was done
            and governed
            and (asked or requests > 1)
            and not marked_before
            and perfective < match.end()
        ):
            state = "pending"  # 已联系社区请专业人员摘除: what others are asked to do
            continue
        if (
            asked
            and token.startswith(_HANDLED)
            and start - request_end <= _HANDED_TO_HANDLE
            and not marked_before
        ):
            continue  # 交给社区处理了: handed over for them to handle, not handled yet
        if role == "result" or (
            role == "fix" and token.endswith("了") and (not governed or made_to_act)
        ):
            # 让他们找车拉走, 安排人拉走: what someone else is to do.
            # …unless they did it (喊社区安排车拉走了).
            arranged = (
                governed
                and not (made_to_act and perfective >= match.end())
                and (
                    _ARRANGED.search(fragment, max(request_end, start - 12), start)
                    or _BY_A_TIME_AHEAD.search(fragment, request_end, start)
                )
            )
            state, future = ("pending", False) if arranged else ("fixed", False)
            fixed_at = match.end()
            continue
        # Only a short start can be all people and linking words (大家和环卫工人一起清扫).
        lead = _leading_words(fragment[max(0, start - _LEAD_LIMIT) : start])
        opens = not governed and start <= _LEAD_LIMIT and _opens(lead)
        # 把电动车摆放到停车区: the disposal form tells of something done.
        disposal = not governed and ("把" in lead or "将" in lead)
        # 小广告清理3处: a fix verb with its count tells what was done.
        # …and after 协调住户/督促商户 the count tells what they did (已协调住户清理2处).
        counted = (not governed or made_to_act) and _COUNT_AFTER_SOON.match(
            fragment, match.end()
        ) is not None
        # 劝他挪到路口外面去了: a clause that ends in 了 after the verb tells it happened.
        # …and so does one after someone was made to act (喊保洁阿姨来扫清爽了).
        counted = counted or ((not governed or made_to_act) and perfective >= match.end())
        if (
            marked_before
            or opens
            or disposal
            or counted
            or (fixing and not governed)
            or (made_already and role == "fix" and not _COMING.search(fragment, request_end, start))
            or (
                urged_then
                and role == "fix"
                and token[0] in HANDLING
                and not token.startswith(("整改", "修"))
            )
            or DONE_AFTER.match(fragment, match.end())
        ):
            state, future = "fixed", False
            fixed_at = match.end()
            starts_with_action = starts_with_action or (opens and not marked_before)
        elif governed:
            state = "pending"
    quantity = first_amount(fragment) if state else None
    if quantity is not None and quantity.vague:
        quantity = None
    if state == "fixed" and quantity is not None and quantity.end <= fixed_at:
        # 违停3部喊走了2部: the count right after the fix is what was fixed (not 2家收回
        # 1家不听, where the next count is of what was not).
        after = next((q for q in amounts(fragment) if q.start >= fixed_at and not q.vague), None)
        if after is not None and _RIGHT_AFTER.fullmatch(fragment, fixed_at, after.start):
            quantity = after
    by_mark = state is not None and all(
        m.group() in _MARK_TOKENS for m in STATUS_TOKEN.finditer(fragment)
    )
    return Status(state, quantity, starts_with_action, by_mark)


_MARK_TOKENS = frozenset("✅☑✔❌✖❎")
_SAID_DONE = re.compile(r"[了完好掉]")


def _opens(lead: str) -> bool:
    """Whether only people and linking words come before the verb (大家和环卫工人一起清扫)."""
    rest = ACTION_LEAD_WORD.sub("", lead)
    return not rest or (len(rest) <= 8 and "一起" in lead)


def _leading_words(prefix: str) -> str:
    return re.sub(r"[\W_]", "", prefix)


def _marked_before(fragment: str, start: int, last_block: int, block_end: int = 0) -> bool:
    """已/当场/… between the last 通知/待 and the verb."""
    window_start = max(last_block + 1, block_end, start - 10, 0)
    window = fragment[window_start:start]
    # 垃圾没有及时清运: a mark denied is no mark.
    if _DENIED_MARK.match(fragment, max(0, window_start - 2)) and fragment[
        max(0, window_start - 2) : window_start
    ] in ("没有", "未能"):
        return False
    # (全摆好, 全清了: 全 right before the verb.)
    return (
        any(mark in window for mark in DONE_BEFORE if mark not in ("后", "并"))
        or window.endswith(("全", "全都"))
        or (
            window.endswith(("后", "后已", "并"))
            and last_block >= 0
            # 店主承诺元旦后更换: after a day to come, not after being asked.
            and not _LATER_DAY.search(window)
        )
    )
