"""Reading one site's text, sentence by sentence and clause by clause, into items (problems
found and what became of them) and activities."""

from __future__ import annotations

import dataclasses
import itertools
import re

from ..quantity import MEASURE_WORDS, Quantity, chinese_numeral, names_a_thing, number_value
from ..unit import DEFAULT_OBJECTS
from .amounts import PERSON_WORDS, amounts, first_amount, offenders_counted
from .clauses import (
    LABEL,
    LEADING_MARKER,
    MARKER,
    Kind,
    fragments,
    index_refs,
    label_of,
    marker_number,
    sentences,
)
from .clean import drop_repeats
from .items import EARLIER_TOLD, STILL_THERE_TODAY, Draft, Reading, fix_in_order, put_count_right
from .lexicon import (
    ACTIVITY_COUNT,
    ACTIVITY_MENTION,
    ACTIVITY_RULES,
    ALL_FIXED,
    CARRIED_OVER,
    CN,
    CONSEQUENCE,
    CORRECTED,
    CORRECTION_FILLER,
    DONE_AFTER,
    EXCEPT,
    HANDED_TOTAL,
    ITEM_FLUFF,
    KIND_SUBTOTAL,
    NEGATED_START,
    NO_PROBLEM,
    NOT_COUNTED,
    OBJECT_WORDS,
    PASSIVE,
    PERSON_TIMES,
    PLAN_START,
    POSITIVE,
    PROBLEM_PREDICATE,
    PUBLICITY_WORK,
    RECOUNTED,
    REMAINDER,
    REST,
    SCOPE,
    STATUS_TOKEN,
    SUMMARY_FIXED,
    SUMMARY_FOUND,
    TAKEN_BACK,
    TEACHING,
    TODAY_WORK,
    TOKEN_ROLE,
    URGED_TO_DO_RIGHT,
    VISIT_HOME,
)
from .linking import bigrams, draft_numbered, matching_draft
from .model import ACTIVITY_UNITS, MAX_CLAUSES, MAX_ITEMS, Activity
from .staff import find_staff
from .status import (
    COUNT_JUST_BEFORE,
    LIES_THERE,
    OTHERS_PUT,
    STATUS_OPENING,
    STATUS_TAIL,
    Status,
    done_by_others,
    read_status,
)
from .totals import finish
from .unitwords import UnitWords

# ---------------------------------------------------------------------------------------------
# One site's text

_BRACKETED = re.compile(r"[（(](?P<inner>[^（）()\n]{2,80}+)[）)]")
_NAME_GLUE = re.compile(r"[\x00、，,；;\s/和及]++")


def _names_set_apart(body: str, lexicon: UnitWords) -> str:
    """今天纺园街值班耿亚楠齐心苏梦任晓东发现共享单车乱停…: voice input strings the team's names
    into what they found; a pause after the names keeps them out of the first item."""
    if lexicon.staff_pattern is None:
        return body
    cuts: list[int] = []
    run_end, run_length = -1, 0
    for match in lexicon.staff_pattern.finditer(body):
        if run_length and _NAME_RUN_GAP.fullmatch(body, run_end, match.start()):
            run_length += 1
        else:
            if run_length >= 2:
                cuts.append(run_end)
            run_length = 1
        run_end = match.end()
    if run_length >= 2:
        cuts.append(run_end)
    if not cuts:
        return body
    parts: list[str] = []
    start = 0
    for cut in cuts:
        after = _AFTER_NAMES.match(body, cut)
        position = after.end() if after else cut
        if position < len(body) and _CJK.match(body, position):
            parts.append(body[start:position])
            parts.append("，")
            start = position
    parts.append(body[start:])
    return "".join(parts)


# Between names of one run, and what may close it (杜海涛所长一起, 张三李四等4人).
_NAME_RUN_GAP = re.compile(r"[、，,\s/和跟与及同]*+(?:还有)?")
_AFTER_NAMES = re.compile(
    r"(?:所长|科长|主任|局长|队长|组长|股长|站长|同志|老师|书记)?"
    r"(?:[等共]?[\d一二三四五六七八九十两]个?人|俩人|仨人)?(?:一起|一同|共同)?"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _without_name_brackets(body: str, lexicon: UnitWords) -> str:
    """我们4个人（谢国栋、何伟强、邓子聪）把…挪走: once the staff are read, a bracket of their
    names is no part of what they did (its commas would cut the sentence into items)."""
    if lexicon.staff_pattern is None or ("（" not in body and "(" not in body):
        return body

    def drop(match: re.Match[str]) -> str:
        masked = lexicon.staff_pattern.sub("\x00", match["inner"])
        return "" if "\x00" in masked and not _NAME_GLUE.sub("", masked) else match[0]

    return _BRACKETED.sub(drop, body)


def read_section(body: str, lexicon: UnitWords, *, whole_message: bool = True) -> Reading:
    """One site's part of a message. ``whole_message``: the part is all the message says, so a
    total it states is this site's alone (in a part of a longer message, only a total that does
    not speak of both sites or of the whole day is)."""
    reading = Reading()
    body, reading.repeated_sentences = drop_repeats(body)
    people = find_staff(body, lexicon)
    reading.staff, reading.unlisted, reading.absent = people.names, people.unlisted, people.absent
    staff_labelled = people.labelled
    body = _names_set_apart(_without_name_brackets(body, lexicon), lexicon)
    body = _site_before_reference(body, lexicon)
    reading.no_problem = bool(NO_PROBLEM.search(body)) or _site_fine(body, lexicon)
    kind = Kind.NEUTRAL
    found_seen = False
    done_heading = False  # under 已处理： on a line of its own, each line is an item done
    # Under 居民反映：, until 现场查看： or another part: what residents told, not yet seen.
    told_by_residents = False
    # Under 上次的问题复查：, until 今天发现： or another part: earlier duties' problems.
    rechecking = False
    new_findings_told = _NEW_FINDING_LINE.search(body) is not None
    for sentence in sentences(_done_line_as_one_list(body)):
        line_opening = sentence
        reading.clauses += 1  # a sentence costs like a clause, even an empty one
        if reading.clauses > MAX_CLAUSES:
            reading.notes.append("消息太长，后面的部分没有读")
            break
        label = LABEL.match(sentence)
        if label is None and done_heading:
            # ✔已处理：／· 8号楼北侧冻在地上的垃圾（3堆）: the heading says what became of it.
            sentence = _told_done(sentence)
        if label:
            if _NEW_FINDING_OPENING.match(line_opening):
                rechecking = False  # 新发现： on its own line, the list below it today's
            done_heading = _says_done(label) and not sentence[label.end() :].strip()
            kind_here = label_of(label)
            if kind_here in (Kind.FOUND, Kind.FIX):
                reading.strong = True
            sentence = sentence[label.end() :]
            if kind_here in (Kind.STAFF, Kind.DATE, Kind.SITE):
                continue
            kind = kind_here
            if (
                _MEASURES_TAKEN.search(label.group())
                and _RESULTS_TOLD.search(body)
                and not _DIGIT.search(sentence)
            ):
                # 整改措施：摆放车辆… then 整改结果：电动车已全部摆放整齐: the results say it.
                kind = Kind.PLAN
            if not sentence.strip():
                continue
            if _says_done(label):
                # 已整改：巷道垃圾6袋、小广告3处: the label says what became of what it lists.
                sentence = _told_done(sentence)
        if (
            kind in (Kind.PLAN, Kind.CARRIED)
            # (不计入今日 speaks of today only to leave the item out of it.)
            or (
                (carried := CARRIED_OVER.search(sentence)) is not None
                and not TODAY_WORK.search(_NOT_TODAY.sub("", sentence))
                and not _counted_before(sentence[: carried.start()], lexicon)
                and not _more_told_after(sentence, carried.end(), lexicon)
            )
            or PLAN_START.match(sentence.strip())
            # 本月累计发现问题41处, 迎检以来累计整改21处: the period's figures, not today's.
            or (reading.drafts and _PERIOD_FIGURES.search(sentence))
            or _EQUIPMENT.match(sentence)  # 工具：扫帚5把、夹子5个: what the team brought
            # 更正一下刚才那条 电动车是6辆不是9辆 (then the report again): about the message
            # before this one, which the lines below now replace.
            or (_EARLIER_MESSAGE_PUT_RIGHT.match(sentence) and "\n" in body.strip())
            or (_META.search(sentence) and not first_amount(sentence))
            or _corrected_in_sentence(sentence, reading, lexicon)
            or _struck_out(sentence, reading)
        ):
            continue
        if kind == Kind.FOUND:
            found_seen = True
        if label or _SEEN_OPENING.match(sentence):
            told_by_residents = False
        if _TOLD_OPENING.match(sentence):
            told_by_residents = True
        if _RECHECK_OPENING.match(sentence) or (
            new_findings_told and _RECHECK_LINE.match(line_opening)
        ):
            rechecking = True
        elif label or _NEW_FINDING_OPENING.match(sentence):
            rechecking = False
        # (only under 居民反映： are the items a sentence adds marked)
        told_here = told_by_residents and not _LOOKED.search(sentence)
        earlier = {id(draft) for draft in reading.drafts} if told_here else set()
        drafts_before = len(reading.drafts)
        _read_sentence(sentence, kind, found_seen, reading, lexicon)
        if rechecking:
            # 上次的问题复查：／✓ 巷口垃圾桶 已换: how earlier duties' problems stand now.
            for draft in reading.drafts[drafts_before:]:
                draft.earlier = draft.earlier or sentence
        if STILL_THERE_TODAY.search(sentence):
            # 上个月报的井盖松动，今天看还在: an earlier one looked at today and still there.
            for draft in reading.drafts:
                if draft.earlier and draft.earlier in sentence:
                    draft.still_there = True
        if told_here:
            for draft in reading.drafts:
                if id(draft) not in earlier:
                    draft.told_by_residents = True
    if staff_labelled:
        reading.strong = True
    # (国平路骑楼段到岗5人，发现问题4处，其中…: in a message about two sites, a site's own total
    # is its own; 两处共发现问题16处 is the message's.)
    own_total = whole_message or (bool(reading.summary_text) and not _ACROSS_SITES.search(body))
    finish(reading, lexicon.classifier.classify, totals_are_own=own_total)
    return reading


_ACROSS_SITES = re.compile(
    r"两处|两个|两地|两点|共计|合计|总共|总计|累计|全天|各|共发现|一共|小结|汇总|总结|以上"
)


# 钟鼓岭正常。金钩山：…: a site named and all well there.
_FINE_AFTER = re.compile(
    r"\s*+[:：]?\s*+(?:都|均|一切)?(?:正常|良好|无异常|无问题|没问题|无|ok|OK)(?=$|[\s，,。；;！!~])"
)


def _site_before_reference(body: str, lexicon: UnitWords) -> str:
    """处置情况：英龙街第1、2条当场整改: the site names whose items the numbers are."""
    if lexicon.site_pattern is None or "第" not in body:
        return body
    cuts = [
        (m.start(), m.end())
        for m in lexicon.site_pattern.finditer(body)
        if _REFERENCE_AFTER.match(body, m.end())
    ]
    for start, end in reversed(cuts):
        body = body[:start] + body[end:]
    return body


_REFERENCE_AFTER = re.compile(r"的?第[\d一二三四五六七八九十]")


def _site_fine(body: str, lexicon: UnitWords) -> bool:
    if lexicon.site_pattern is None:
        return False
    return any(_FINE_AFTER.match(body, m.end()) for m in lexicon.site_pattern.finditer(body))


def _spoke_of_another(before: list[str], items: list[Draft], lexicon: UnitWords) -> bool:
    """Whether the last clause before that names a thing names none of these items."""
    for piece in reversed(before):
        if not topic_words(piece, lexicon) or STATUS_OPENING.match(piece):
            continue  # (已放置警示牌: what was done about it, not another thing)
        return matching_draft(piece, items, lexicon) is None and not any(
            len(bigrams(piece) & bigrams(item.text)) >= 2 for item in items
        )
    return False


def _counted_before(before: str, lexicon: UnitWords) -> bool:
    """…电动车乱停三四十辆 摆了一早上 全整好了 … 那个井盖是上周报的那个 还没修 不算今天的: a
    run-on message that reaches an earlier item only after today's, counted, items; the clause
    that says so leaves out that item alone."""
    return bool(lexicon.classifier.words(before)) and first_amount(before) is not None


_DONE_LABELS = frozenset(("已处理", "已整改", "已解决", "已改"))


_DIGIT = re.compile(r"\d")
_MEASURES_TAKEN = re.compile(r"(?:整改|处置|处理)?措施")
_RESULTS_TOLD = re.compile(r"(?:整改|处置|处理)?结果\s*+[:：]")
_EARLIER_MESSAGE_PUT_RIGHT = re.compile(
    r"[\W_]*+(?:更正|纠正|修正|改正)[^，。；\n]{0,6}?(?:刚才|刚刚|上一?条|前面那?条|之前那?条)"
)
_EQUIPMENT = re.compile(r"[\W_]*+(?:携带|带了?|准备了?)?(?:工具|装备|物资|器材)\s*+[:：]")
_PERIOD_FIGURES = re.compile(
    r"(?:本月|本周|上周|上月|本年度?|今年|全年|全月|月初|以来|至今)[^。；;\n]{0,12}?累计|"
    r"(?:以来|至今)[^。；;\n]{0,12}?(?:共|累计)?(?:发现|整改)"
)


# 已处理：油污、小广告: things named in short, one after another, and nothing else.
_THINGS_NAMED_IN_SHORT = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:[、，,/和][\u4e00-\u9fff]{1,8}){0,8}[。；;]?[ \t]*"
)


def _told_done(listed: str) -> str:
    """Things a done label or heading lists, with no outcome of their own, said to be done."""
    if STATUS_TOKEN.search(listed) or (
        first_amount(listed) is None and not _THINGS_NAMED_IN_SHORT.fullmatch(listed)
    ):
        return listed
    return f"{listed.rstrip('。；; ')}，均已整改"


def _says_done(label: re.Match[str]) -> bool:
    return label.group("colon_label") in _DONE_LABELS or bool(label.group("done_verb"))


def _done_line_as_one_list(body: str) -> str:
    """已清：小广告14张；单元门口建筑垃圾2堆: what a done label lists runs to the line's end."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if (
            _OUTCOME_HEADING.fullmatch(line)
            and index + 1 < len(lines)
            and _BULLET.match(lines[index + 1])
        ):
            # ✔已处理 / - 路边散落煤渣（2堆）: a heading over the bullets below, said without a colon.
            line = lines[index] = f"{line.rstrip()}："
        label = LABEL.match(line)
        if label and _says_done(label):
            lines[index] = line[: label.end()] + _LIST_BREAK.sub("、", line[label.end() :])
    return "\n".join(lines)


_LIST_BREAK = re.compile(r"[；;]")
_OUTCOME_HEADING = re.compile(r"[^\w\n]{0,4}(?:已处理|待处理|未处理|已整改|未整改)\s*")
_BULLET = re.compile(r"\s*[·•\-*－]")


def _struck_out(sentence: str, reading: Reading) -> bool:
    """补充说明：第1条…物业在我们到之前就已经清运掉了，这条不算: an item the writer takes back."""
    if not reading.drafts or not (NOT_COUNTED.search(sentence) or _STRUCK.search(sentence)):
        return False
    numbers = _ITEM_NUMBER.findall(sentence)
    if len(numbers) != 1:
        return False
    draft = draft_numbered(reading.drafts, int(numbers[0]))
    if draft is None:
        return False
    reading.drafts.remove(draft)
    return True


_STRUCK = re.compile(r"划掉|删掉|删除|作废")
_ITEM_NUMBER = re.compile(r"第(\d{1,2})[条项点]")


def _corrected_in_sentence(sentence: str, reading: Reading, lexicon: UnitWords) -> bool:
    """更正一下，电动车是10辆，不是12辆，刚才数错了; 注：第3条地砖是三块，上面写错了: a sentence
    that only puts an item's number right. The item is found by its name or its number."""
    if not reading.drafts or not _CORRECTION_CUE.search(sentence):
        return False
    # A correction restates a number or two (垃圾是7袋，小广告是9处，前面写错了); looking at
    # the first few keeps a long paste linear.
    restated: list[tuple[Draft, int]] = []
    said: list[tuple[int, int]] = []
    for match in itertools.islice(_RESTATED.finditer(sentence), 3):
        value = number_value(match.group("n"))
        if not value:
            continue
        number = match.group("no")
        named = (
            draft_numbered(reading.drafts, int(number))
            if number
            else matching_draft(match.group("thing"), reading.drafts, lexicon)
            # 共享单车刚才数重复了，实际是10辆: the thing named before the number.
            or matching_draft(sentence[: match.start()], reading.drafts, lexicon)
        )
        if named is None or any(named is done for done, _value in restated):
            continue
        restated.append((named, value))
        said.append(match.span())
    if not restated:
        return False
    # What the sentence says besides the numbers restated.
    bounds = [0, *itertools.chain.from_iterable(said), len(sentence)]
    rest = "".join(
        sentence[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True)
    )
    rest = _CORRECTION_WORDS.sub("", rest)
    # (有一处是住户正在搬家，不算: why the number was wrong.)
    if _NOT_CONTENT.sub("", rest) and (
        len(topic_words(rest, lexicon)) > 1
        or (STATUS_TOKEN.search(rest) and not _LEFT_OUT.search(rest))
    ):
        return False  # more is said here than the number and why: read it as usual
    for named, value in restated:
        put_count_right(named, value)
    return True


# What says a number was wrong, and the words around a correction that say nothing else.
_CORRECTION_CUE = re.compile(r"更正|纠正|写错|数错|数漏|打错|说错|搞错|弄错|记错|口误")
_RESTATED = re.compile(
    rf"(?:第(?P<no>\d{{1,2}})[条项点个])?(?P<thing>[\u4e00-\u9fff]{{1,10}}?)"
    rf"(?:应该是|应为|改为|实际是|实际为|是)\s*+(?P<n>\d{{1,4}}|[{CN}百]{{1,4}})\s*+[{MEASURE_WORDS}]"
)
_CORRECTION_WORDS = re.compile(
    rf"(?:注|备注|说明)?\s*+[:：]|更正一下|更正|纠正一下|纠正|不是\s*+(?:\d{{1,4}}|[{CN}百]{{1,4}})\s*+[{MEASURE_WORDS}]?|"
    r"(?:刚才|上面|上一条|上条|前面|之前)?(?:写错|数错|数漏|打错|说错|搞错|弄错|记错)了?|口误|以此为准|不好意思|抱歉"
)
_NOT_CONTENT = re.compile(r"[\W_]++")
_LEFT_OUT = re.compile(r"不算|不计")


def _refers_to(rest: str, targets: list[Draft], kind: Kind, lexicon: UnitWords) -> bool:
    """Whether a numbered line speaks of the items its numbers name (1、3当场整改) rather than
    being an item of its own. Under 发现问题 a line that names a problem is its own item; under
    整改情况 too when it counts a problem the numbered item is not (1、违建铁皮棚1处——移交)."""
    if kind not in (Kind.FIX, Kind.EFFECT):
        return not _names_problem(rest, lexicon)
    first = _FIRST_CLAUSE.match(rest)
    head = first.group() if first else rest
    return not (
        _counted(head)
        and _names_problem(head, lexicon)
        and not STATUS_TOKEN.search(head)
        and matching_draft(head, targets, lexicon) is None
    )


_FIRST_CLAUSE = re.compile(r"[^，,；;—]*+")


def _read_sentence(
    sentence: str, kind: Kind, found_seen: bool, reading: Reading, lexicon: UnitWords
) -> None:
    list_no: int | None = None
    targets: list[Draft] = []  # items a 整改 line refers to by number (1、3当场整改)
    if _all_but(sentence, reading, lexicon):
        return
    if reading.drafts and _TALLY_LINE.match(sentence):
        return  # 合计：隐患9处，整改7处，移交1处: the items above, added up
    refs = index_refs(sentence)
    if refs:
        targets = [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d]
        # Under 发现问题 a numbered line is a new item unless it only tells an outcome.
        first = _FIRST_CLAUSE.match(refs[1])
        if targets and _refers_to(refs[1], targets, kind, lexicon):
            sentence = refs[1]
        elif (
            targets
            and first
            and not _names_problem(first.group(), lexicon)
            and read_status(first.group()).state
        ):
            # 第1项当场铲除，大件垃圾社区清运车已拉走: the first clause is of the items named by
            # number; the clauses after it name their own.
            sentence = refs[1]
        else:
            targets = []
    if not targets:
        marker = LEADING_MARKER.match(sentence)
        lead_in = None if marker else _LEAD_IN.match(sentence)
        if lead_in:
            # 经查：一、骑楼下…: a few words and a colon before the first numbered item.
            sentence_after = sentence[lead_in.end() :]
            marker = LEADING_MARKER.match(sentence_after)
            # (Only after words of handling: 路面坑洼：1，待修 is an item and its count.)
            refs = (
                index_refs(sentence_after)
                if reading.drafts and STATUS_TOKEN.search(lead_in.group())
                else None
            )
            if refs:
                # 现场督促整改：第1、2、3项当场整改到位: the items it speaks of, by number.
                targets = [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d]
                if targets and not _names_problem(refs[1], lexicon):
                    sentence, marker = refs[1], None
                else:
                    targets = []
            if marker:
                sentence = sentence_after
        if marker:
            list_no = marker_number(marker.group("marker"))
            sentence = sentence[marker.end() :]
    current: Draft | None = targets[0] if len(targets) == 1 else None
    put_right: Draft | None = None  # the item whose number a correction just put right
    grown_by = 0  # and by how much
    pending_activity: str | None = None
    work: str | None = None  # a clause telling work with no outcome yet (主要是捡垃圾)
    # A part of an item the clause before named (盲道被占用的3处中2处).
    part_named: tuple[Draft, Quantity] | None = None
    # The rest of a partly fixed item, just named (挪开3辆，还有1辆车主不在，我们推到了路边).
    rest_named: tuple[Draft, int] | None = None
    unnamed: str | None = None  # a clause that named things and nothing wrong with them
    in_summary = False
    group: list[Draft] = []  # the items the last clause listed
    made_here: list[Draft] = []  # the items this sentence named
    if reading.sentence_items:
        # The items of the last sentence that named any (问题：…／处置：…／结果：已整改).
        reading.previous_sentence_items = reading.sentence_items
    reading.sentence_items = made_here
    made_last: Draft | None = None  # the item the clause before named
    # Whether the clause before opened with its fix verb (清理卫生死角3处): a bare item after
    # it (垃圾5袋) was done the same way.
    opened_by_fix = False
    listed_run: list[Draft] = []  # items named by the clauses just before, one after another
    # Items the clause before named together, awaiting their outcome (一是占用盲道的电动车、
    # 倒伏的共享单车｜已全部扶正归位).
    joined_named: list[Draft] = []
    earlier = reading.drafts[-_RECENT_DRAFTS:]  # the items of the sentences before
    pieces = fragments(sentence, lexicon.classifier.words, lexicon.classifier.classify)
    told_already = -1  # a piece read with the one before it (当场整改6处｜消防通道占用4处、…)
    for index, raw in enumerate(pieces):
        if index <= told_already:
            continue
        # A clause is a few dozen characters; a longer run is a paste, read only in part.
        # #创文# #椰风路#: hashtags name the campaign or the site (read with the message),
        # never a problem.
        fragment = _HASHTAG.sub("", raw).strip()[:_MAX_CLAUSE_CHARS]
        if not fragment:
            continue
        reading.clauses += 1
        if reading.clauses > MAX_CLAUSES:
            return
        if (
            _PUT_RIGHT_ALONE.fullmatch(fragment) or _SAID_BEFORE.fullmatch(fragment)
        ) and index + 1 < len(pieces):
            # 不对 冰面是四处: the correction goes on after the space.
            joined = f"{fragment}，{pieces[index + 1].strip()}"
            if _RECOUNT_NAMED.match(joined) or _RECOUNT.match(joined):
                fragment, told_already = joined, index + 1
        if _CLOCK_ONLY.fullmatch(fragment):
            continue  # 08:20 重新张贴: the time a thing was done, no clause of its own
        if lexicon.category_tally is not None:
            tally = lexicon.category_tally.match(fragment)
            if tally is not None and tally.end() == len(fragment):
                continue  # 其中：环境卫生类3处、市容秩序类10处: the items follow, by category
            if tally is not None and _fixed_by_category(fragment, tally.group(), reading, lexicon):
                continue
        if lexicon.staff_pattern is not None and _names_only(fragment, lexicon):
            continue  # 王建川、罗布旺堆、尼玛卓嘎4个人: the team (旺堆 names no pile)
        told_off = (
            index + 1 < len(pieces)
            and not _has_problem_word(fragment, lexicon)
            and _offenders_told_off(fragment, pieces[index + 1])
        )
        if told_off:
            # 有3名学生在梯坎扶手上滑着玩，已劝阻: people told off were doing wrong, and the
            # next clause is what became of it (劝离了 too, said without 已).
            # (被我们叫下来了 is the team's doing: 已叫下来了.)
            outcome = _TEAM_AS_AGENT.sub("", pieces[index + 1].strip(), count=1)
            fragment = f"{fragment}，{'' if STATUS_OPENING.match(outcome) else '已'}{outcome}"
            told_already = index + 1
        made_before, made_last = made_last, None
        if made_before is None:
            listed_run.clear()
        opened_by_fix_before, opened_by_fix = opened_by_fix, False
        counted_then_done = False
        joined_before, joined_named = joined_named, []
        thing_count: int | None = None
        work_before, work = work, None
        part_named, said_part = None, part_named
        rest_named, said_rest = None, rest_named
        thing_before, unnamed = unnamed, None
        if NOT_COUNTED.search(fragment):
            # 上周那个井盖的问题已经修好了，不算今天的: the item just named is not today's; one
            # that names its thing (…那个井盖今天不算) drops that item only, if it is one.
            if topic_words(fragment, lexicon):
                named = matching_draft(fragment, made_here, lexicon)
                dropped = [named] if named else []
            elif (current is None or current in made_here) and _spoke_of_another(
                pieces[max(0, index - 3) : index],
                [current] if current is not None else made_here,
                lexicon,
            ):
                # 单车摆了二十多台，上个礼拜报的那个井盖还是松的，这个上次报过了就不重复算: the
                # thing just spoken of was never made an item today; the bikes stay.
                dropped = []
            else:
                dropped = [current] if current in made_here else made_here
            for draft in dropped:
                if draft in reading.drafts:
                    reading.drafts.remove(draft)
            if dropped:
                current, made_here, group = None, [], []
            continue
        if _PLAN_CLAUSE.match(fragment):
            break  # 下步打算是…: the rest of the sentence is a plan
        if _NOT_THERE.search(fragment) and not topic_words(fragment, lexicon):
            # 居民说路边有流浪狗，我们去看时没看到: what was told was not found.
            if current is not None and current in made_here and current in reading.drafts:
                reading.drafts.remove(current)
                made_here.remove(current)
                current = None
            continue
        if _CONFIRMED.search(fragment) and current is not None:
            current.told_by_residents = False  # 上楼看了确实不亮: what was told, now seen
        if (
            _CONFIRMED.search(fragment)
            and reading.drafts
            and all(quantity.vague for quantity in amounts(fragment))
        ):
            continue
        if (
            _CONFIRMED.search(fragment)
            and current is not None
            and current in reading.drafts
            and current.hearsay
            and not current.explicit
            and (seen := first_amount(fragment)) is not None
        ):
            # 大姐说北门路灯不亮，我们过去看了下确实有两个灯不亮: the count of what was told, seen.
            put_count_right(current, seen.value)
            current.hearsay = ""
            continue
        if (
            _TURNED_OUT_FINE.search(fragment)
            and read_status(fragment).state is None
            and current is not None
            and current in made_here
            and current.status is None
            and current in reading.drafts
        ):
            # 地砖看着翘起来，踩了一下是稳的: what looked wrong was not.
            reading.drafts.remove(current)
            made_here.remove(current)
            current = None
            continue
        if (
            _CLEARED_BY_OTHERS.search(fragment)
            and not first_amount(fragment)
            and matching_draft(fragment, reading.drafts, lexicon) is None
        ):
            continue  # 路面积雪已被环卫清扫: how the team found it, already seen to by others
        if (
            _OTHERS_SAW_TO_IT.match(fragment)
            and topic_words(fragment, lexicon)  # (保洁已经清运走了: the item's own outcome)
            and not first_amount(fragment)
            and matching_draft(fragment, reading.drafts, lexicon) is None
        ):
            # 环卫已经把主路上的雪推完了, 垃圾点的炉灰环卫早上已经拉走了: done by others before
            # the team came, nothing the team found or did (of an item told, it is its fix).
            continue
        if _NOT_SEEN.match(fragment):
            continue  # 未发现乱停乱放: nothing found, no outcome of the item before
        if _ASKED_OF_A_MEMBER.search(fragment):
            continue  # 三号门东头的电动车你数了冇？: a question to a teammate, nothing told
        if _KEPT_UP.search(fragment):
            continue  # 路段积雪清理及时: the state of the street, kept well by others
        if (
            _THRONGED.search(fragment)
            and not first_amount(fragment)
            and not read_status(fragment).state
        ):
            continue  # 骑楼下摊档林立, 一路鱼摊林立: how busy the street is, no problem of its own
        if (
            _RESIDENT_ASKS.search(fragment)
            and read_status(fragment).state != "fixed"
            # (阿姨问乱停的电动车到底几多辆: asking about a problem the team then counted.)
            and not PROBLEM_PREDICATE.search(fragment)
        ):
            # 5幢的王阿姨问垃圾分类定时定点投放是几点到几点, 有居民提议…多放几个分类垃圾桶: a
            # question or a wish, however it is answered, is no problem found.
            continue
        if _TEAM_TELLS.match(fragment) and not read_status(fragment).state:
            continue  # 我们说社区在楼下设了洗涤池, 跟她们解释了…的规定: the team's own answer
        if _PUT_RIGHT_BEFORE_WE_CAME.search(fragment) or _ALREADY_WHEN_WE_CAME.match(fragment):
            # 杂货店老板一早就把纸箱自己搬进去了，我们到的时候已经清清爽爽: others saw to it
            # before the team came; nothing found, nothing done on duty.
            continue
        if _ASIDE_REMARK.match(fragment) or _PATROLLED.search(fragment):
            continue  # 还好没有孩子受伤; 把卫生死角都走了一遍: a remark, the round itself
        if (
            _CHECKING.search(fragment)
            and not first_amount(fragment)
            and not PROBLEM_PREDICATE.search(fragment)
        ):
            continue  # 跟城管联合夜查兴华大街烟花爆竹摊点: what was checked, before what was found
        if _LOOKED_INTO.search(fragment) and not PROBLEM_PREDICATE.search(fragment):
            continue  # 到沿线3家加油站周边查看冬季扬尘治理情况: the places visited, not problems
        if (_NONE_OF.match(fragment) or _NO_SUCH.search(fragment)) and not first_amount(fragment):
            continue  # 小广告没有, 摊贩也没: none of that today
        if (_CARRIED_OUT.search(fragment) or _WORK_ON.match(fragment)) and not first_amount(
            fragment
        ):
            continue  # 到景区开展文明旅游志愿服务: the work itself, its counts follow
        if lexicon.site_pattern is not None and lexicon.site_pattern.search(fragment):
            unnamed_site = lexicon.site_pattern.sub("", fragment)
            if (
                not topic_words(unnamed_site, lexicon)
                and not first_amount(unnamed_site)
                and not read_status(fragment).state
            ):
                continue  # 榕阴街骑楼段 11月10日: the site's name, with a keyword inside it
        if (
            _THEY_SAID.match(fragment)
            and not first_amount(fragment)
            and read_status(fragment).state is None
        ):
            continue  # 伊讲油烟机坏脱了: what they said of it, not another problem
        if (
            _LEFT_ON_THE_GROUND.match(fragment)
            and current is not None
            and current in made_here
            and _LEAKING.search(current.text)
            and not read_status(fragment).state
        ):
            continue  # 油烟机滴油，地上一大片油污: what the leak left, the same item
        if _TREND.search(fragment) and not first_amount(fragment):
            continue  # 倾倒炉灰、煤渣现象有所抬头: how things have been going, no item
        named_recount = _RECOUNT_NAMED.match(fragment)
        if named_recount and reading.drafts:
            # 更正：电动车是8辆，都挪了: the number of the item it names put right.
            value = number_value(named_recount.group("n") or named_recount.group("pair"))
            thing = (
                named_recount.group("thing")
                or named_recount.group("said")
                or named_recount.group("should")
            )
            named = matching_draft(thing, reading.drafts, lexicon)
            if value and named is not None:
                grown_by = value - named.count
                put_count_right(named, value)
                current = put_right = named
                rest = fragment[named_recount.end() :].strip(" ，,")
                if not rest:
                    continue
                fragment = rest
        recount = _RECOUNT.match(fragment)
        if recount and reading.drafts:
            # 上一行写错了 是8辆 都摆了; 更正：是6处: the last item's number put right.
            value = number_value(recount["n"] or recount["pair"])
            last = reading.drafts[-1]
            if value:
                grown_by = value - last.count
                put_count_right(last, value)
                current = put_right = last
                rest = fragment[recount.end() :].strip(" ，,")
                if not rest:
                    continue
                fragment = rest
        corrected = _CORRECTION.fullmatch(fragment)
        if corrected is None and current is not None and current.count > 1:
            # 大概七八辆，数了一下是9辆: a rough count, then the exact one.
            corrected = _COUNTED_EXACTLY.fullmatch(fragment)
        if corrected is None and current is not None:
            corrected = _COUNTED_LATER.fullmatch(fragment)
        if corrected and current is not None and current in made_here:
            # 电动车乱停七辆 不对是九辆: the number put right.
            value = number_value(corrected["n"] or corrected["pair"])
            if value:
                grown_by = value - current.count
                put_count_right(current, value)
                put_right = current
            continue
        if (
            put_right is not None
            and current is put_right
            and not read_status(fragment).state
            and (
                _MISSED_IN_COUNT.search(fragment)
                or (
                    # (the ones it had missed: as many as the number grew by, naming nothing)
                    (also := _ALSO_THERE.search(fragment))
                    and number_value(also.group("n")) == grown_by
                    and not topic_words(fragment, lexicon)
                )
            )
        ):
            # 电线杆背面有1处刚才漏数了, 前面路口还有3辆一起摆的: why the number was put right.
            continue
        if _DUTY_DONE.fullmatch(fragment) and current is not None and current.status is not None:
            continue  # …报上去了，搞归一了: the duty done, said after the item's own outcome
        if _TOLD_NOT_TO.match(fragment) and not first_amount(fragment):
            continue  # 嫑叫堆了, 别再乱停了: what the team told them, not another problem
        if KIND_SUBTOTAL.match(fragment):
            continue  # 其中市容秩序类6处：: the items of that kind follow
        if _COUNTED_FINE.search(fragment) and not PROBLEM_PREDICATE.search(fragment):
            continue  # 新换表箱12个外观完好: counted and all right
        if current is not None and current in made_here and _SMELL_OF_IT.fullmatch(fragment):
            continue  # 死鱼烂虾一堆，臭味很重: how the item just named smells
        if _WORK_HEADING.match(fragment):
            continue
        if (
            _INSPECTED.match(fragment)
            and not PROBLEM_PREDICATE.search(fragment)
            # (巡查的楼道小广告清了九处: what the round cleared, not what it looked at.)
            and read_status(fragment).state != "fixed"
        ):
            continue  # 排查门头招牌45块：, 共检查沿街门店32家: how many were looked at
        if _CAMPAIGN.search(fragment) and not first_amount(fragment):
            continue  # 出店经营专项整治: the name of a campaign, not a problem found
        part_left = _PART_NOT_DONE.match(fragment)
        if (
            part_left
            and current is not None
            and current.status == "fixed"
            and current.fixed_count is None
            and (read_status(fragment).state == "pending" or _REFUSED.search(fragment))
        ):
            # 清理楼道乱堆乱放11处，其中2处住户不同意清理: the part left undone.
            left = number_value(part_left.group("n")) or 0
            if 0 < left < current.count:
                current.fixed_count = current.count - left
                continue
        part_said = _PART_OF.match(fragment)
        if (
            part_said
            and current is not None
            and current in made_here
            and current.status is None
            and read_status(fragment).state is None
            and 0 < (number_value(part_said.group("n")) or 0) < current.count
        ):
            continue  # 电瓶车乱停5辆，其中2辆压盲道: more about part of the item
        owners = _OWNERS_FOUND.search(fragment)
        owned = current or (reading.drafts[-1] if reading.drafts else None)
        if owners and owned is not None and owned.status is None:
            value = number_value(owners.group("n")) or 0
            if 0 < value <= owned.count:
                # 我们找到了2辆车的车主｜他们把车开走了: the part whose owners were found.
                current = owned
                part_named = (owned, Quantity(value, owners.start("n"), owners.end("n")))
                continue
        if _PART_IS.match(fragment) and current is not None and current.fixed_count:
            continue  # 当场分拣2处，1处是整袋厨余垃圾扔进干垃圾桶: what the rest is
        if _PART_PLACES.match(fragment) and current is not None:
            continue  # 清理垃圾4处，其中两处在2号楼后面，两处在车棚里: where its parts were
        if NO_PROBLEM.search(fragment) and not topic_words(fragment, lexicon):
            continue  # 别的没啥, 其他正常: an all-clear, not an outcome
        activity, pending_activity = _activity(fragment, pending_activity)
        if activity is not None:
            reading.activities.append(activity)
            continue
        if (
            pending_activity is not None
            and _ACTIVITY_OPENING.match(fragment)
            and not read_status(fragment).state
            # 劝导占道经营商户5户: the problem persuaded, counted; not work awaiting its count.
            and not (_has_problem_word(fragment, lexicon) and _counted(fragment))
        ):
            continue  # 劝导了那个乱扔垃圾的，三人次: work done, its count to follow
        if (
            (ACTIVITY_MENTION.search(fragment) and not _has_problem_word(fragment, lexicon))
            or PUBLICITY_WORK.match(fragment)
            or TEACHING.search(fragment)
        ):
            reading.activity_mentioned = True
            continue
        if (
            in_summary
            and not _names_problem(fragment, lexicon)
            and not lexicon.classifier.words(fragment)
        ):
            # 合计发现9处，解决8处，1处待市政处理: what follows a tally and names nothing is
            # the tally too.
            _summary(fragment, reading)
            continue
        in_summary = False
        listed_fixes = _fixed_again_listed(fragment, earlier, lexicon)
        if listed_fixes:
            # 已当场整改甜茶馆桌椅外摆五处、非机动车乱停放四处: each part, its item's fix.
            for draft, status, part in listed_fixes:
                apply_status(draft, status, part, True)
            current = listed_fixes[-1][0]
            continue
        named_fixed = _fixes_naming_items(fragment, reading.drafts, lexicon)
        if named_fixed:
            # 并当场清理了烟头纸屑和塑料袋、将共享单车摆放整齐: each thing named, its item fixed.
            done = read_status(fragment)
            for draft, part in named_fixed:
                apply_status(draft, Status("fixed", None, done.starts_with_action), part, True)
            current = None  # (the clause after names its own item: 早餐摊劝离1个)
            continue
        fixed_before = reading.summary_fixed
        if _summary(fragment, reading):
            in_summary = True
            fixed = reading.summary_fixed
            if fixed and fixed != fixed_before and index + 1 < len(pieces):
                # 发现隐患9处…当场整改6处（消防通道占用4处、堆放易燃物2处）: the items it fixed;
                # 整改10处，其中单车7辆全部归位、垃圾3处清理完毕 may be cut after a count.
                status = read_status(fragment, True)
                for last in range(index + 1, min(index + 4, len(pieces))):
                    breakdown = _fix_breakdown(
                        "".join(pieces[index + 1 : last + 1]), fixed, reading, lexicon
                    )
                    if breakdown and status.quantity is not None:
                        for draft, value, part in breakdown:
                            apply_status(draft, _with_count(status, value), part, True)
                        told_already = last
                        break
            continue
        if fragment.isdigit() and len(fragment) <= 4:
            # 电动车乱停 6: a number alone after a space, the count of the item just named (not
            # 0, nor a digit of another script: ²).
            value = int(fragment) if fragment.isascii() else 0
            if value and current is not None and current in made_here and not current.explicit:
                current.count, current.explicit = value, True
            continue
        quantity = first_amount(fragment)
        if (
            quantity is not None
            and not quantity.vague
            and current is None
            and thing_before is not None
            and _FEWER.search(thing_before)
            and _names_problem(thing_before, lexicon)
            and not topic_words(fragment, lexicon)
            and not STATUS_TOKEN.search(fragment)
        ):
            # 电动车乱停比前几天少多了，只有五六辆: fewer than before, and these are the count.
            fragment = f"{thing_before}，{fragment[quantity.start :]}"
            quantity = first_amount(fragment)
        if quantity is None and current is not None and current in made_here:
            offenders = offenders_counted(fragment, current.text)
            if offenders is not None and not current.explicit:
                current.count, current.explicit = offenders.value, True
                continue
        if (
            quantity is not None
            and _is_bare_count(
                fragment,
                quantity,
                # 桂花落叶较多，约5处堆积: the count of the item just named without one.
                uncounted=current is not None and current in made_here and not current.explicit,
                thing=_thing_said_again(fragment, current, made_here, lexicon),
            )
            # (差不多二十台: the 不 of 差不多 is no outcome.)
            and not STATUS_TOKEN.search(fragment.replace("差不多", ""))
            # (电动车：10辆，已摆齐: the count of the thing just named, read with it below; so
            # after an item counted already: 摆货（3家，已收回）、共享单车（12辆，已摆放）.)
            and not (
                (current is None or current.explicit)
                and thing_before
                and _thing_only(thing_before, lexicon)
            )
        ):
            # 约20辆, 共9辆, （十二辆）: how many of the item before; with none before, a total
            # that the list below spells out (发现问题：2处。①…). 一堆 alone adds nothing.
            if work_before is not None and not quantity.vague:
                # 捡垃圾，装了五袋: the work just told, now with what it came to.
                current = _work_done(work_before, quantity.value, reading, lexicon)
                made_here.append(current)
                continue
            owner = current or (reading.drafts[-1] if reading.drafts else None)
            if owner is not None and not owner.explicit and not quantity.vague:
                owner.count, owner.explicit = quantity.value, True
            elif (
                owner is not None
                and owner in made_here
                and owner.measure in _SHOPS
                and quantity.measure in _THINGS_OF_SHOPS
                and quantity.value >= owner.count
                and owner.status is None
            ):
                # 7家店外摆餐桌，计23张: the shops, then their tables, which are the count.
                owner.count, owner.measure = quantity.value, quantity.measure
            elif (
                owner is not None
                and owner.count == 1
                and not quantity.vague
                and quantity.value > 1
                and quantity.measure != "处"
                and owner.status is None
            ):
                owner.count = (
                    quantity.value
                )  # 有一处共享单车乱停，大约十几辆: a place, then how many
            continue
        if (
            thing_before is not None
            and first_amount(fragment) is not None
            and not topic_words(fragment, lexicon)
            and _thing_only(thing_before, lexicon)
        ):
            # 电动车：约30辆✅全部摆整齐: the thing, then its count and outcome.
            fragment = thing_before + fragment
            current = None
            outcome = pieces[index + 1].strip() if index + 1 < len(pieces) else ""
            if (
                read_status(fragment).state is None
                and STATUS_OPENING.match(outcome)
                and read_status(outcome).state is not None
            ):
                # 电动车：10辆，已摆齐: the outcome in a clause of its own.
                fragment, told_already = f"{fragment}，{outcome}", index + 1
        elif thing_before is not None:
            vehicles = _vehicles_put_right(fragment, thing_before, lexicon)
            if vehicles is not None:
                # 江边电动车明显少了，只摆了8辆; 电动车倒是不多，摆了七八辆: the bikes it
                # lined up were out of place, whatever was said of them before.
                fragment, current = vehicles + fragment, None
                counted_then_done = True  # a new item, not one named before
        if (
            thing_before is not None
            and _THING_COUNTED.fullmatch(thing_before.strip())
            and _thing_only(_THING_COUNTED.fullmatch(thing_before.strip()).group("thing"), lexicon)
            and not topic_words(fragment, lexicon)
            and read_status(fragment).state == "fixed"
        ):
            # 电单车 25→规整25: a thing and its count, then what was done with it (a new item).
            thing_count = first_amount(thing_before).value if first_amount(thing_before) else None
            fragment = thing_before + "，" + fragment
            current = None
            counted_then_done = True
        if thing_before is not None and _RISK.match(fragment):
            # 有户人家在楼道烧蜂窝煤炉子，有安全隐患: the risk makes the clause before a problem.
            fragment = thing_before + "，" + fragment
            current = None
        if current is not None and CONSEQUENCE.match(fragment):
            # 存在安全隐患: says why the item matters, not a new one; read with the item, it may
            # tell its kind (地面积水结冰，存在安全隐患 is the unit's 安全隐患).
            owner = lexicon.classifier.owner
            if current in made_here and any(
                owner[w][1] for w in lexicon.classifier.words(fragment)
            ):
                current.category = lexicon.classifier.classify(current.text + "，" + fragment)
            continue
        refs = index_refs(fragment)  # 1、2当场整改到位，3已报区城管局
        numbered = (
            [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d] if refs else []
        )
        if numbered and refs and _refers_to(refs[1], numbered, kind, lexicon):
            targets = numbered
            fragment = refs[1]
            current = numbered[0] if len(numbered) == 1 else None
        if len(targets) > 1:
            other = matching_draft(fragment, reading.drafts, lexicon)
            if other is not None and other not in targets:
                # 第1、2条当场整改，摊贩劝离1个: the next clause names another item.
                targets, current = [], other
            else:
                status = read_status(fragment, kind == Kind.FIX)
                for target in targets:
                    apply_status(target, status, fragment, False)
                continue

        status = read_status(fragment, kind == Kind.FIX)
        recounted = _recount(fragment, status, reading, lexicon, list_no)
        if recounted is not None:
            # …就这些，数字上是单车六辆，井盖一个: how many of each item told before.
            current = recounted
            continue
        if (
            said_part is not None
            and status.state == "fixed"
            and status.quantity is None
            and not topic_words(fragment, lexicon)
        ):
            # 我们找到了2辆车的车主，他们把车开走了: the part just named was fixed.
            part_of, part = said_part
            apply_status(part_of, Status("fixed", part, False), fragment, True)
            current = part_of
            continue
        if (
            status.state == "fixed"
            and _BOTH_DONE.match(fragment)
            and not topic_words(fragment, lexicon)
            and len(listed_run) > 1
            and all(draft.status is None for draft in listed_run)
        ):
            # 共享单车乱放约20辆，电动车乱停9辆，都整理好了: every item just listed.
            for draft in listed_run:
                if draft.status is None:
                    apply_status(draft, status, fragment, False)
            continue
        if (
            status.state is None
            and (kind == Kind.FIX or not made_here)
            and _JOINED.search(fragment)
            and not first_amount(fragment)
        ):
            listed = _BREAKDOWN.sub("", fragment, count=1)
            together = _named_items(listed, reading.drafts, lexicon)
            # (…。其中共享单车、雪堆、小广告｜当场整改: every thing listed is an item of the
            # sentences before, so the list names them again.)
            if len(together) > 1 and (
                kind == Kind.FIX or len(together) == len(_LIST_JOINT.split(listed))
            ):
                joined_named, current = together, together[-1]
                continue  # 一是占用盲道的电动车、倒伏的共享单车｜已全部扶正归位
        if (
            status.state
            and (
                kind == Kind.FIX
                or group
                or _BACK_REFERENCE.match(fragment)
                # 垃圾和小广告已清理: items of the sentence before, fixed together.
                or (not first_amount(fragment) and not made_here)
            )
            and _JOINED.search(fragment)
        ):
            # 电动车、小广告已处理完毕; 小广告和杂物已清理: the outcome of each item named.
            named = _named_items(fragment, reading.drafts, lexicon)
            if len(named) > 1:
                for draft in named:
                    apply_status(draft, status, fragment, False)
                continue
        first_n = _FIRST_N.match(fragment) if status.state else None
        # 小广告 8 / 电动车 5 / 垃圾 3袋 on lines of their own, then 前三项当场清了: the first
        # items of the report.
        listed = group if len(group) > 1 else reading.drafts if _OF_THE_LIST.match(fragment) else []
        if first_n is not None and len(listed) > 1:
            # A、B、C、D各1处，当场整改了前三处: the first ones of the list, by position.
            for draft in listed[: number_value(first_n.group("n")) or 0]:
                apply_status(draft, status, fragment, False)
            continue
        if (
            status.state
            and len(group) > 1
            and (
                _COLLECTIVE.match(fragment)
                or (ALL_FIXED.search(fragment) and not topic_words(fragment, lexicon))
                # 楼道小广告10余处、单元门口乱堆杂物2处，已清理: a bare outcome after a list.
                or (STATUS_OPENING.match(fragment) and not topic_words(fragment, lexicon))
            )
        ):
            # 电动车3处、小广告1处，均已整改: the outcome of every item just listed.
            for draft in group:
                apply_status(draft, status, fragment, False)
            continue
        if (
            said_rest is not None
            and status.state == "fixed"
            and status.quantity is None
            and _TEAM_DID.match(fragment)
            and not topic_words(fragment, lexicon)
        ):
            draft, extra = said_rest
            draft.fixed_count = min(draft.count, (draft.fixed_count or 0) + extra)
            continue
        if status.state and len(joined_before) > 1 and STATUS_OPENING.match(fragment):
            for draft in joined_before:
                apply_status(draft, status, fragment, False)
            continue
        if (
            status.state == "fixed"
            and status.quantity is not None
            and reading.drafts
            and STATUS_OPENING.match(fragment)
            and not topic_words(fragment, lexicon)
        ):
            next_piece = pieces[index + 1] if index + 1 < len(pieces) else ""
            breakdown = _fix_breakdown(next_piece, status.quantity.value, reading, lexicon)
            if breakdown:
                # 当场整改6处（消防通道占用4处、堆放易燃物2处）: the items it fixed, by name.
                for draft, value, part in breakdown:
                    apply_status(draft, _with_count(status, value), part, True)
                told_already = index + 1
                continue
            if status.quantity.measure not in _LOADS and _fixed_over_several(
                status.quantity.value, current or reading.drafts[-1], reading
            ):
                continue
        if status.state and current is not None and STATUS_OPENING.match(fragment):
            if said_part is not None and said_part[0] is current and status.quantity is None:
                # 盲道被占用的3处中2处，已清理: the outcome of the part just named.
                status = Status(
                    status.state, said_part[1], status.starts_with_action, status.by_mark
                )
            apply_status(current, status, fragment, True)
            continue
        if status.state and REST.match(fragment):
            if current is not None and current.fixed_count is not None:
                # 已摆放5辆，其余3辆车主挪走: the rest of this item, fixed too (or not).
                if status.state == "fixed":
                    current.fixed_count = current.count
                continue
            # 余下飞线充电2处移交社区: the item it names; 其余2处已报社区: the items no
            # fragment has spoken for yet.
            named = (
                matching_draft(fragment, reading.drafts, lexicon)
                if topic_words(fragment, lexicon)
                else None
            )
            if named is not None:
                apply_status(named, status, fragment, True)
                continue
            for draft in reading.drafts:
                if draft.status is None and draft is not current:
                    apply_status(draft, status, fragment, False)
            continue
        if (
            current is not None
            and current is made_before
            and status.state is None
            and _EXAMPLES.search(fragment)
            and not first_amount(fragment)
            and lexicon.classifier.classify(fragment) == current.category
        ):
            # 楼道里堆的杂物，白菜啊蜂窝煤啊老多了: what the item is made of, by examples.
            continue
        if current is not None and current is made_before and _MODIFIER.fullmatch(fragment):
            # 护栏上面挂了一些衣服，晾晒的: it says what the item is, which may change its kind.
            current.category = lexicon.classifier.classify(current.text + fragment)
            continue
        if (
            current is not None
            and current is made_before
            and status.state is None
            and not first_amount(fragment)
            and _only_keywords(fragment, lexicon)
            and lexicon.classifier.classify(fragment) == current.category
            and not _counted_anew(current, pieces, index)
        ):
            if fragment in current.text:
                group = []  # …路灯灯罩破损2处，灯罩破损｜已上报: that one of the list, named again
            continue  # 烟花爆竹摊点2处，占道经营: what kind the item is
        if current is not None and current in made_here and _CLASSED.match(fragment):
            # 属于飞线充电: what kind the item is.
            current.category = lexicon.classifier.classify(current.text + fragment)
            continue
        if status.state is None and REST.match(fragment):
            continue  # 其余车辆较多: the rest of an item, not a new one
        if (
            current is not None
            and current.fixed_count is not None
            and status.state != "fixed"
            and _rest_of(fragment, current, lexicon)
        ):
            # 违停车辆9辆（劝离5辆，4辆车主不在…）: the rest of it, however it is described.
            if status.state == "pending":
                apply_status(current, status, fragment, False)
            else:
                rest = first_amount(fragment)
                rest_named = (current, rest.value) if rest is not None else None
            continue
        remainder = REMAINDER.match(fragment) if current is not None else None
        if remainder and _INTRODUCER.fullmatch(fragment, remainder.end()):
            continue  # 还有一个就是那个: a new topic is coming, not more of this one
        if remainder and current is not None and status.state != "fixed":
            extra = number_value(remainder.group("n")) or 0
            if (
                current.fixed_count is not None
                and current.count - current.fixed_count >= extra
                and (
                    not _another_fault(fragment[remainder.end() :], current)
                    # 违停14辆，其中9辆已摆放，另5辆上锁停在雪堆里: just the rest, however
                    # it stands.
                    or (
                        current.count - current.fixed_count == extra
                        and not _names_other_thing(fragment[remainder.end() :], current, lexicon)
                    )
                )
            ):
                # 杂物三处清理了两处，还有一处是住户的纸箱子; 坡道2处已清理1处，另1处被车辆压实:
                # the rest of it, however it is described.
                rest_named = (current, extra)
                continue
            if (
                current.status == "fixed"
                and current.fixed_count is None
                and not _names_own_problem(fragment[remainder.end() :], lexicon)
                # 还有七八辆三轮 after 摊子占道…都劝走了: another thing, a new item.
                and not _names_other_thing(fragment[remainder.end() :], current, lexicon)
            ):
                # 小广告已清除3处，还有2处够不着: 5 found, 3 fixed.
                current.fixed_count, current.count = current.count, current.count + extra
                continue
        if (
            current is not None
            and status.state is None
            and (_elaborates(fragment, lexicon) or _CONTINUATION.match(fragment))
            and not _counted_anew(current, pieces, index)
        ):
            # 私拉电线，从二楼阳台拉下来给电动车充电: more about the same item; 旧沙发太沉
            # names another one, which the next clause will speak of.
            current = matching_draft(fragment, reading.drafts, lexicon) or current
            if (
                _REPORTED_BEFORE.match(fragment)
                and matching_draft(fragment, made_here, lexicon) is None
            ):
                current = None  # 上个礼拜报的那个井盖还是松的: an earlier day's item, not today's
            continue
        if (
            made_before is not None
            and made_before in reading.drafts
            and made_before.explicit
            and "、" in made_before.text
            and _BREAKDOWN.match(fragment)
            and _counted(fragment)
        ):
            # 小广告、乱堆杂物、扶手松动等共5处，其中小广告2处…: the parts replace the total.
            reading.drafts.remove(made_before)
            if made_before in made_here:
                made_here.remove(made_before)
            current = None
            fragment = fragment[_BREAKDOWN.match(fragment).end() :]
            status = read_status(fragment, kind == Kind.FIX)
        if (
            thing_before is not None
            and status.state is None
            and not topic_words(fragment, lexicon)
            and PROBLEM_PREDICATE.search(fragment)
            and not first_amount(fragment)
        ):
            fragment = thing_before + "，" + fragment  # …国庆节的海报，内容过时: one problem

        if _is_problem(
            fragment,
            kind,
            status,
            lexicon,
            numbered=list_no is not None,
            after_item=current is not None and current in made_here,
            told_off=told_off,
            following=pieces[index + 1] if index + 1 < len(pieces) else "",
        ):
            target = (
                None
                if counted_then_done
                else (
                    _named_again(fragment, earlier, lexicon)
                    # …垃圾桶满溢各1处，…，垃圾桶满溢已通知物业: named again within the sentence.
                    or _named_again(fragment, made_here, lexicon, shorter_only=True)
                    or _target_of(fragment, kind, status, current, reading, lexicon, list_no)
                    or _fixed_again(fragment, status, earlier, lexicon)
                    or _open_item_before_outcome(
                        fragment,
                        status,
                        pieces[index + 1] if index + 1 < len(pieces) else "",
                        reading.drafts if list_no is None else [],
                        lexicon,
                    )
                )
            )
            if target is not None:
                apply_status(target, status, fragment, True, adopt_count=True)
                # The clause speaks of this one item now, not of the list before it.
                current, group = target, []
                said = first_amount(fragment)
                if status.state is None and said and not said.vague and said.value < target.count:
                    part_named = (target, said)
                continue
            if kind == Kind.EFFECT and found_seen:
                continue  # 工作成效 restates what the list already counted
            if kind == Kind.FIX and current is not None and current in targets:
                # 第4条经劝导，1户已将货物收回店内: the numbered item, partly fixed.
                apply_status(current, status, fragment, True)
                continue
            parts = _split_listed(fragment, lexicon)
            if (
                list_no is not None
                and len(parts) == 1
                and current is not None
                and current in made_here
                and status.state is None
                and not first_amount(fragment)
                and lexicon.classifier.classify(fragment) == current.category
            ):
                # 1、流动摊贩3个，占道经营: one numbered item, described further.
                continue
            if (
                list_no is not None
                and len(parts) == 1
                and current is not None
                and current in made_here
                and current.status is None
                and not current.explicit
                and status.state is None
                and _counted(fragment)
                and lexicon.classifier.classify(fragment) == current.category
            ):
                # （一）非机动车停放无序，电动车乱停12辆: one numbered item, now counted.
                quantity = first_amount(fragment)
                if quantity is not None:
                    current.count, current.explicit = quantity.value, True
                    current.measure = quantity.measure
                if _KIND_HEADING.search(current.text):
                    # 三是安全隐患问题，楼道内电动车飞线充电2处: the heading names a kind of
                    # problem; the problem is the one told after it.
                    current.text = _new_draft(fragment, list_no, lexicon).text
                continue
            if len(reading.drafts) >= MAX_ITEMS:
                continue
            if (
                made_before is not None
                and made_before in reading.drafts
                and made_before.status is None
                and not made_before.explicit
                and _volume_only(made_before.text, lexicon)
                and lexicon.classifier.classify(fragment) == made_before.category
            ):
                # 早高峰非机动车较多，乱停电动车8辆已摆齐: how busy it was, then the problem.
                reading.drafts.remove(made_before)
            group = []
            again = (
                _listed_again(parts, reading.drafts, made_here, lexicon) if kind == Kind.FIX else []
            )
            if again:
                # 整改落实：小广告2处、散落垃圾1处已当场清理 after 存在问题：楼道小广告2处、…:
                # the fix part lists the items above again; what became of them follows.
                for draft, part in zip(again, parts, strict=True):
                    own = read_status(part)
                    apply_status(draft, own if own.state else status, part, False)
                group, current = again, again[-1]
                listed_run.extend(again)
                continue
            if (
                opened_by_fix_before
                and status.state is None
                and len(parts) == 1
                and _BARE_THING_COUNTED.fullmatch(fragment)
                and not PROBLEM_PREDICATE.search(fragment)
            ):
                status = Status("fixed", first_amount(fragment), True)
                parts_status: Status | None = status
            else:
                parts_status = None
            for part in parts:
                current = _new_draft(part, list_no, lexicon)
                reading.drafts.append(current)
                group.append(current)
                made_here.append(current)
                made_last = current
                listed_run.append(current)
                # 清理楼道杂物4处、小广告15张 and 电动车3处、小广告1处均已整改: the verb
                # at either end speaks for every part.
                own = parts_status or read_status(part)
                told = own if own.state or len(parts) == 1 else status
                if told.state == "pending" and any(_UNDONE_AS_PROBLEM.search(p) for p in parts):
                    # 可燃物未清理3处、…: what is wrong with the thing, not what became of it.
                    told = Status(None, None, False)
                apply_status(current, told, part, len(parts) == 1)
            opened_by_fix = status.state == "fixed" and status.starts_with_action
            if counted_then_done and len(group) == 1 and thing_count is not None:
                # 小广告 12→清10: 12 found, of which 10 were fixed.
                told = group[0]
                done = told.resolved
                told.count, told.explicit = thing_count, True
                told.fixed_count = done if done < thing_count else None
            continue

        if status.state is None:
            if _describes_work(fragment, lexicon):
                work = fragment  # 主要是捡垃圾: an item once a count or an outcome follows
                continue
            # 旧沙发太沉，已让物业拉走: naming an item again makes it the one spoken of.
            named = matching_draft(fragment, reading.drafts, lexicon)
            if named is not None and not _THING_COUNTED.fullmatch(fragment):
                current = named
                if _FEW_OF_THEM.search(fragment) or POSITIVE.search(fragment):
                    unnamed = fragment  # 电动车倒是不多，摆了七八辆: other bikes than the item's
            elif topic_words(fragment, lexicon) or _OTHERS_DOING.search(fragment):
                unnamed = fragment  # 宣传栏里还是国庆节的海报: what is wrong may follow
            continue
        if (
            work_before is not None
            and status.state == "fixed"
            and not topic_words(fragment, lexicon)
        ):
            # 捡垃圾，捡了老多了: the work just told was done.
            current = _work_done(work_before, None, reading, lexicon)
            made_here.append(current)
            apply_status(current, status, fragment, True, adopt_count=True)
            continue
        if current is not None and current.status is not None:
            # 沙土已清扫，煤炭已由商户搬回店内: an outcome naming another open item is its own.
            other = matching_draft(fragment, reading.drafts, lexicon)
            if other is not None and other is not current and other.status is None:
                current = other
        if (current is None or _ALL_NAMED.search(fragment)) and ALL_FIXED.search(fragment):
            for draft in reading.drafts:
                draft.status, draft.fixed_count = "fixed", None
                draft.fix_text = draft.fix_text or fragment
            continue
        if current is None and reading.drafts:
            # The item it names (早餐店桌椅已让老板收回), else the only one still open in a
            # 整改 section, else the one just named.
            current = matching_draft(fragment, reading.drafts, lexicon)
            if current is not None:
                pass
            elif kind == Kind.FIX:
                open_drafts = [d for d in reading.drafts if d.status != "fixed"]
                just_named = reading.previous_sentence_items
                if (
                    just_named
                    and not made_here
                    and all(d.status is not None for d in just_named)
                    and status.state == "fixed"
                    and any(d.status == "fixed" for d in just_named)
                ):
                    continue  # 处置：现场整理／结果：已摆放整齐: the same items, said again
                if len(open_drafts) == 1:
                    current = open_drafts[0]
                elif (
                    just_named
                    and all(d in open_drafts and d.status is None for d in just_named)
                    and not made_here
                ):
                    # 发现:流浪狗2只；处理:已告知社区; 3. 问题：电瓶车乱停6辆、共享单车乱停10余辆
                    # ／结果：已摆放整齐: the items the line before named.
                    if len(just_named) == 1:
                        current = just_named[0]
                    else:
                        for draft in just_named:
                            apply_status(draft, status, fragment, False)
                        continue
            elif (
                reading.drafts[-1].status == "pending"
                and status.state == "fixed"
                and _TOLD_TO_ACT.search(reading.drafts[-1].pending_text)
                and not topic_words(fragment, lexicon)
            ):
                # 跟老板说了他说马上收 / 我们走的时候已经收了: told, then done.
                current = reading.drafts[-1]
            elif reading.drafts[-1].status is None and not (
                _names_other_thing(fragment, reading.drafts[-1], lexicon)
                and lexicon.classifier.classify(fragment) != reading.drafts[-1].category
            ):
                current = reading.drafts[-1]
        if current is not None:
            apply_status(current, status, fragment, True)


_CATEGORY_WORD = re.compile(r"类|方面")


def _fixed_by_category(fragment: str, named: str, reading: Reading, lexicon: UnitWords) -> bool:
    """环境卫生类、市容秩序类问题已当场整改完毕: every item of the categories named."""
    if not _CATEGORY_WORD.search(named):
        return False  # 其他咯里冇得么子哒: 其他 as a word, not the category
    status = read_status(fragment[len(named) :], True)
    kinds = {c.name for c in lexicon.categories if c.name in named}
    if status.state is None or status.quantity is not None or not kinds:
        return False
    of_kind = [d for d in reading.drafts if d.category in kinds]
    for draft in of_kind:
        apply_status(draft, status, fragment, False)
    return bool(of_kind)


def _fix_breakdown(
    text: str, fixed: int, reading: Reading, lexicon: UnitWords
) -> list[tuple[Draft, int, str]]:
    """The items a fix total goes on to name with their counts (…（拆除飞线3处、清理杂物2处）),
    each an item already found; nothing unless they add up to the total."""
    parts = [p for p in _LIST_JOINT.split(text.strip(" （）()")) if p.strip()]
    if not parts or len(parts) > _MAX_BREAKDOWN:
        return []
    out: list[tuple[Draft, int, str]] = []
    for part in parts:
        quantity = first_amount(part)
        draft = matching_draft(part, reading.drafts, lexicon) if quantity else None
        if quantity is None or draft is None or quantity.value > draft.count:
            return []
        out.append((draft, quantity.value, part))
    return out if sum(value for _, value, _ in out) == fixed else []


_MAX_BREAKDOWN = 8


def _with_count(status: Status, value: int) -> Status:
    assert status.quantity is not None
    return dataclasses.replace(status, quantity=dataclasses.replace(status.quantity, value=value))


def _fixed_over_several(fixed: int, current: Draft, reading: Reading) -> bool:
    """电动车入户充电6处，飞线充电4处，当场整改8处: a fix naming nothing, counting more than the
    item before holds, fixes that many of the open items in the order they were told (which ones
    the report does not say; the figures only need how many)."""
    # (南门口散落垃圾，现场清理3袋: an item told without a count takes the fix's.)
    if current.status is not None or fixed <= current.count or not current.explicit:
        return False
    open_drafts = [d for d in reading.drafts if d.status is None and d.fixed_count is None]
    if len(open_drafts) < 2 or current not in open_drafts:
        return False
    if sum(d.count for d in open_drafts) < fixed:
        return False
    fix_in_order(open_drafts, fixed)
    return True


def _names_only(fragment: str, lexicon: UnitWords) -> bool:
    """Whether a clause, its staff names taken out, says nothing of a thing or what is wrong."""
    assert lexicon.staff_pattern is not None
    masked, named = lexicon.staff_pattern.subn("、", fragment)
    return (
        named > 0
        # (Only where a name itself reads like a thing or a fault: plain names read as before.)
        and bool(topic_words(fragment, lexicon) or PROBLEM_PREDICATE.search(fragment))
        and not topic_words(masked, lexicon)
        and not PROBLEM_PREDICATE.search(masked)
        and not read_status(masked).state
    )


def _wrong_of_its_own(fragment: str) -> bool:
    """A word saying the thing is wrong (违规, 不亮), not only that it was found (仅发现1处)."""
    return any(m.group() not in _FOUND_ONLY for m in PROBLEM_PREDICATE.finditer(fragment))


_FOUND_ONLY = frozenset(("发现", "存在", "有人", "被"))


def _outcome_only(piece: str, lexicon: UnitWords) -> bool:
    """当场停用, 下达整改通知: what became of the clause before, naming nothing itself."""
    return (
        STATUS_OPENING.match(piece) is not None
        and read_status(piece).state is not None
        and not topic_words(piece, lexicon)
    )


def _open_item_before_outcome(
    fragment: str, status: Status, following: str, drafts: list[Draft], lexicon: UnitWords
) -> Draft | None:
    """…垃圾桶满溢2个，小广告已清除，满溢垃圾｜已通知保洁员清运: an item still open named again,
    with no number, right before its outcome, is that item (not a new one)."""
    if (
        status.state is not None
        or _DIGIT.search(fragment)
        or first_amount(fragment)
        or not STATUS_OPENING.match(following)
    ):
        return None
    return matching_draft(fragment, [d for d in drafts if d.status != "fixed"], lexicon)


def _fixed_again(
    fragment: str, status: Status, earlier: list[Draft], lexicon: UnitWords
) -> Draft | None:
    """…其中出店经营3处、非机动车乱停放3处。现已整改出店经营2处，规整非机动车3处: a fix told
    verb first with its count, of an item still open from a sentence before (no more than it
    holds), is that item's fix, not a new item."""
    if status.state != "fixed" or not status.starts_with_action:
        return None
    quantity = first_amount(fragment)
    if quantity is None or quantity.vague:
        return None
    draft = matching_draft(fragment, [d for d in earlier if d.status is None], lexicon)
    return draft if draft is not None and quantity.value <= draft.count else None


def _fixes_naming_items(
    fragment: str, drafts: list[Draft], lexicon: UnitWords
) -> list[tuple[Draft, str]]:
    """The items a fix clause names one after another, each once, with the words naming each
    (清理了小广告和烟头纸屑、将电动车摆放整齐); nothing unless two or more are named and the
    clause counts nothing."""
    if len(drafts) < 2 or first_amount(fragment) or read_status(fragment).state != "fixed":
        return []
    named: list[tuple[Draft, str]] = []
    for part in _FIX_LIST_JOINT.split(fragment):
        if not topic_words(part, lexicon):
            continue
        left = [d for d in drafts if not any(d is seen for seen, _ in named)]
        draft = matching_draft(part, left, lexicon)
        if draft is None:
            return []
        named.append((draft, part.strip()))
    return named if len(named) >= 2 else []


_FIX_LIST_JOINT = re.compile(r"、|(?<=[\u4e00-\u9fff])(?:和|及|以及|与)(?=[\u4e00-\u9fff])")


def _fixed_again_listed(
    fragment: str, earlier: list[Draft], lexicon: UnitWords
) -> list[tuple[Draft, Status, str]]:
    """A fix told verb first over a list of counted things, each an item still open from a
    sentence before (no more than it holds): each with the fix of its own count; nothing unless
    every part is one."""
    if "、" not in fragment:
        return []
    status = read_status(fragment)
    if status.state != "fixed" or status.quantity is None:
        return []
    if not (status.starts_with_action or STATUS_OPENING.match(fragment)):
        return []
    parts = [p for p in fragment.split("、") if p.strip()]
    if not 1 < len(parts) <= _MAX_BREAKDOWN:
        return []
    open_drafts = [d for d in earlier if d.status is None]
    out: list[tuple[Draft, Status, str]] = []
    for part in parts:
        quantity = first_amount(part)
        draft = matching_draft(part, open_drafts, lexicon) if quantity else None
        if quantity is None or quantity.vague or draft is None or quantity.value > draft.count:
            return []
        if any(draft is taken for taken, _, _ in out):
            return []
        out.append((draft, _with_count(status, quantity.value), part))
    return out


def _listed_again(
    parts: list[str], drafts: list[Draft], made_here: list[Draft], lexicon: UnitWords
) -> list[Draft]:
    """The items of earlier sentences that every part of a list names again, each with its own
    number or none; else nothing (one part that is new makes the whole list new)."""
    if len(parts) < 2:
        return []
    earlier = [d for d in drafts if d not in made_here]
    found: list[Draft] = []
    for part in parts:
        draft = matching_draft(part, earlier, lexicon)
        said = first_amount(part)
        if draft is None or draft in found or (said is not None and said.value != draft.count):
            return []
        found.append(draft)
    return found


def _named_again(
    fragment: str, earlier: list[Draft], lexicon: UnitWords, shorter_only: bool = False
) -> Draft | None:
    """An item of an earlier sentence named again in the same words, without a count of its own
    (…路口护栏倾斜2处。…护栏倾斜已报交通局): the same item, not a new one. Within a sentence
    only a shorter naming is the same item (路边有个垃圾桶破损 is not the 垃圾 just picked up)."""
    said = first_amount(fragment)
    text = _item_text(_before_outcome(fragment, lexicon))
    # 地砖松动问题已拍照上报 after 人行道地砖松动1处: the item, called a problem.
    text = _CALLED_A_PROBLEM.sub("", text)
    if len(text) < _SAME_WORDS and not (
        len(text) == 2 and lexicon.classifier.words(text) == [text]
    ):
        return None
    if said is not None:
        # 电动车入户充电2处下发整改通知书2份 after 电动车入户充电2处: the same words and number.
        if shorter_only:
            return None
        # (4处非机动车已全部规整 after 非机动车占用盲道4处: the item, by its thing and number.)
        return next(
            (
                d
                for d in reversed(earlier)
                if d.count == said.value
                and (
                    text.startswith(d.text)
                    or (len(text) >= _SAME_WORDS and d.text.startswith(text))
                )
            ),
            None,
        )
    named = [
        draft
        for draft in reversed(earlier)
        if text in draft.text or (not shorter_only and draft.text in text)
    ]
    if len(named) > 1:
        # 电动车已全部归位 after 电动车乱停放14辆 and 电动车飞线充电2处: the one of its kind.
        kind = lexicon.classifier.classify(fragment)
        return next((d for d in named if d.category == kind), named[0])
    return named[0] if named else None


_SAME_WORDS = 3
_CALLED_A_PROBLEM = re.compile(r"(?:的|这个|那个)?(?:问题|情况|现象)$")
_RECENT_DRAFTS = 30


def _target_of(
    fragment: str,
    kind: Kind,
    status: Status,
    current: Draft | None,
    reading: Reading,
    lexicon: UnitWords,
    list_no: int | None = None,
) -> Draft | None:
    """The item a problem-naming fragment is about, when it is not a new one."""
    if kind in (Kind.FIX, Kind.EFFECT):
        named = matching_draft(fragment, reading.drafts, lexicon)
        if named is None and kind == Kind.FIX and not first_amount(fragment):
            # ✅处理：垃圾捡干净了 after 竹签+纸碗 一地: the one open item of that kind.
            category = lexicon.classifier.classify(fragment)
            open_of_kind = [
                d for d in reading.drafts if d.status is None and d.category == category
            ]
            named = open_of_kind[0] if len(open_of_kind) == 1 else None
        if (
            named is not None
            and named.status == "fixed"
            and named.fixed_count is None  # (not the rest of a partly fixed item)
            and status.state != "fixed"
            and first_amount(fragment)
            and named.text not in fragment
        ):
            return None  # 未清：大件垃圾1个 after 已清：建筑垃圾2堆: another item, left open
        return named
    if status.state and not status.starts_with_action:
        # 电动车已摆放整齐: the fate of something already named (or a new item, fixed).
        named = matching_draft(fragment, reading.drafts, lexicon)
        if (
            named is not None
            and list_no is not None
            and named.list_no is not None
            and named.list_no != list_no
            and first_amount(fragment)
        ):
            return None  # ②未经审批新设招牌1块❌ after ①招牌破损4块: its own numbered item
        if (
            named is not None
            and first_amount(fragment)
            and (
                _another_kind_of_thing(fragment, named, lexicon)
                or _another_place(fragment, named, lexicon)
            )
        ):
            # 楼道小广告清理15处 after 广告横幅已拆除: another thing; 西门小广告撕了2张 after
            # 东门小广告撕了3张: the same thing at another place.
            return None
        if (
            named is None
            and current is not None
            and current.status is None
            and not first_amount(fragment)
            and _same_kind_of_thing(fragment, current, lexicon)
        ):
            return current  # 卫生死角2处，垃圾清掉了: the litter of the corner just named
        return named
    if (
        status.state == "fixed"
        and current is not None
        and (current.status is None or not current.explicit)
        # 楼道小广告清理15处 after 广告横幅已拆除: another thing, a new item.
        and not (first_amount(fragment) and _another_kind_of_thing(fragment, current, lexicon))
    ):
        # 路上落叶多，大家一起清扫了人行道落叶: one item, now fixed; 对小广告进行了集中清理，
        # 共清除小广告23处: one item, now counted.
        return matching_draft(fragment, [current], lexicon)
    return None


# About the message itself (更正重发，刚才数字打错了), not the duty.
_META = re.compile(r"更正|重发|打错|写错|发错|以此为准|以这条为准|以本条为准|撤回|作废")
# 上个礼拜报的那个井盖还是松的: an item told on an earlier day.
_REPORTED_BEFORE = re.compile(
    r"[\W_]*+(?:上个?(?:礼拜|星期|周)[一二三四五六日天]?|上次|上回|之前|前几天|前天|昨天)"
    r"[^，。；]{0,4}?(?:报|说|反映|提)(?:过|了)?的"
)
# 你数了冇？, 你们看了没有? : asking a teammate.
_ASKED_OF_A_MEMBER = re.compile(
    r"(?:你|你们|您)[^，。；]{0,8}?(?:了没有?|了冇|了吗|没有|冇)[ \t]*+[?？]"
)
# 路段积雪清理及时, 垃圾清运及时: how well the street is kept, not something the team did.
_KEPT_UP = re.compile(
    r"(?:清理|清扫|打扫|清运|清除|收运|更新|更换)(?:得)?(?:很|较|比较|都很)?及时[。！!]?$"
)
# 骑楼下摊档林立: a street thronged with stalls (not 小广告林立, adverts everywhere).
_THRONGED = re.compile(r"(?:摊|摊位|摊档|摊点|店铺|商铺|门店|排档)林立[。！!～~😂]*+$")
# 王阿姨问…几点, 有居民提议…: a resident's question or wish.
_RESIDENT_ASKS = re.compile(
    r"(?:阿姨|大伯|大爷|大妈|老伯|老人|住户|居民|业主|市民|一位|有位)[^，。；]{0,6}?"
    r"(?:问|提议|建议|希望|咨询|想让|能不能|什么时候)"
)
# 我们说社区设了洗涤池, 跟她们解释了埠头不能洗涤的规定: what the team told residents.
_TEAM_TELLS = re.compile(
    r"[\W_]*+(?:(?:我们|我|大家)(?:就|也|又)?(?:说|讲|答复|回复|解释|告诉)"
    r"|(?:跟|给|向|对)[^，。；]{1,6}?(?:解释|讲解|说明|宣传)了?[^，。；]{0,16}?(?:规定|政策|要求|制度))"
)
# 杂货店老板一早就把纸箱自己搬进去了, 我们到的时候已经清清爽爽: seen to before the team came.
_PUT_RIGHT_BEFORE_WE_CAME = re.compile(
    r"(?:老板|店主|阿姨|阿婆|大爷|大妈|奶奶|爷爷|住户|居民|业主|街坊|摊主)[^，。；]{0,12}?"
    r"(?:自己|主动|自觉|一早就|早就)[^，。；]{0,12}?(?:把|将)[^，。；]{1,20}?"
    r"(?:了|干净|好|整齐|进去|回去)$"
)
_ALREADY_WHEN_WE_CAME = re.compile(
    r"[\W_]*+(?:我们)?(?:到的时候|过去的时候|到时|来时|到场时|过去)[^，。；]{0,4}?(?:已经|已)"
)
# 发现一处卫生死角，堆了不少塑料袋: a clause without a subject says what the item is like.
_CONTINUATION = re.compile(
    r"(?:堆了|堆着|堆满|满是|全是|都是|散落着?|到处是|里面有|里边有|上面有|有不少|有很多|有好多|"
    r"占着|占了|占用着)"
)
_ACTIVITY_OPENING = re.compile(
    # 今天主要是入户宣传…: the day's work, said as what the day was mostly.
    r"[\W_]*+(?:今天|今日|上午|下午)?(?:主要是|主要)?(?:我们|大家|还|又|另外)?"
    r"(?:劝导|宣传|入户|走访|发放|发了|问卷|志愿)"
)
_INTRODUCER = re.compile(r"(?:就是|是|那个|这个|嗯|呃|啊|的话|问题)*+[\W_]*+")
_MODIFIER = re.compile(r"[^，,。；\s的]{1,6}+的")
_GUESS = re.compile(
    r"[\W_]*+(?:疑似|怀疑是|像是|估计是|多半是|应该是|可能是"
    # 不知道是谁打碎的酒瓶: whose doing the item before was, unknown.
    r"|也?(?:不知道|不晓得|不清楚)是?谁)"
)
_WHOSE_IT_IS = re.compile(r"是[^，,。；\s]{1,12}?(?:堆|放|扔|贴|停|摆|倒|丢|晒|挂)的")
_PLAN_CLAUSE = re.compile(
    # (下午计划再去八一北路口看看积雪情况: a plan for later in the day too.)
    r"[\W_]*+(?:下午|晚上|明天|明日|明早|下次|下周|后续)?(?:下步打算|下一步打算|下步计划|下一步计划|下一步|下步|打算|计划)"
)
# 用纸箱, 扔进了垃圾桶, 抬到了垃圾清运点: what a fix used or where it put things.
# (看到流动摊贩1个, 碰到: what was seen, not where a thing was put.)
_TOOL_OR_PLACE_BEFORE = re.compile(
    r"(?:(?<![农专公家商自军民通备])用|拿|进了?|(?<![看碰遇见找])到了?|入|至|往)$"
)
_OUTCOME_WORD = re.compile(r"均已|都已|全部已|已经|已|当场|现场|均|全部")
_NEW_ITEM = re.compile(
    r"[\W_]*+(?:有个|有一|有人|还有|另有|另外|另|发现|又)"
    r"|[\W_]*+[\u4e00-\u9fff]{1,5}?[里上边旁前后内](?:有个|有一|有只|有条)"  # 绿化带里有个死猫
)
_FOUND_OPENING = re.compile(
    r"[\W_]*+(?:巡查中?|今天|还|另外|另|又|[\u4e00-\u9fff]{1,4}?[内里边旁前后])?发现"
)
_FOUND_COUNTED = re.compile(rf"发现[\u4e00-\u9fff]{{2,8}}?(?:一|两|\d{{1,3}})[{MEASURE_WORDS}]$")
_CLASSED = re.compile(r"[\W_]*+(?:属于|是属于|算是|这是|这属于)")
_MAX_CLAUSE_CHARS = 200
# (买馕的人把电动车停在盲道上: the buyers, whose bikes are the problem.)
_SUPPLY = re.compile(
    r"买(?![\u4e00-\u9fff]{0,4}?的(?:人|顾客|客人|市民))|购|自掏腰包|带了|带上|准备了|领了|领取|借了"
)
_WARNING_PUT_UP = re.compile(
    r"[\W_]*+(?:已经?|当场|现场)?(?:设置|放置|摆放|摆上|摆了|立了|竖了|拉了|拉起|围上|插上)了?"
    r"[^，,。；;]{0,6}?(?:提示牌|警示牌|警示标志|警示带|警戒线|锥桶|路锥|围挡)"
)
# Particles that list examples (白菜啊蜂窝煤啊, 纸箱什么的).
_EXAMPLES = re.compile(
    r"[\u4e00-\u9fff](?:啊|呀|哇|啦)[\u4e00-\u9fff]|什么的|啥的|之类|等等|比如|像是"
)
_HANDED_ON = re.compile(
    r"❌|✖|❎|已[^，。；]{0,3}?(?:报|交|通知|告知|联系|反映)|报了|上报|移交|转交"
)
_TOLD_TO_ACT = re.compile(r"说了|劝|跟老板|跟店|让|叫|提醒|告诉")
_HUNG = re.compile(r"晒|晾|挂")
_NOT_MENDED = re.compile(r"(?:没|未)有?(?:修|换|处理|弄|亮)")
_PROBLEMS_NAMED = re.compile(r"(?:等|共)?(?P<n>[两二三四五六七八九2-9])(?:个|处|项)(?:问题|方面)$")
# 车三十五辆, 门口的车十辆: the clause is about vehicles (not 车主骑走3辆).
_VEHICLE_FIRST = re.compile(r"[\W_]*+[\u4e00-\u9fff]{0,4}?车(?![主位窗门身牌头])")
_FEW_OF_THEM = re.compile(r"不多|没有?几|不算多|少了|减少|变少")
_FEWER = re.compile(r"(?:少了|减少了?|变少|少多了|(?<=[\u4e00-\u9fff]{2})(?<![不多减太])少)$")
# 我们推到了路边: the team itself did it.
_TEAM_DID = re.compile(r"[\W_]*+(?:我们|大家|咱们|俺们)(?!离开|走)")
_ANOTHER_PART = re.compile(r"[\W_]*+(?:另外|另|其余|剩下|剩余|余下)")
_VEHICLE_NEXT = re.compile(r"[\u4e00-\u9fff]{0,3}?车(?![主位窗门身牌头])")
_VEHICLE_BEFORE = re.compile(r"车(?:子|辆)?[约共有]?$")
_RISK = re.compile(r"[\W_]*+(?:有|存在|有一定的?)?(?:安全|消防)?隐患")
_OTHERS_DOING = re.compile(r"有户人家|有人|有户|住户|居民")
_AND = re.compile(r"(?<=[\u4e00-\u9fff])(?:和|以及|及|还有)(?=[\u4e00-\u9fff\d])")
_BREAKDOWN = re.compile(r"[\W_]*+(?:其中|分别是|分别为|包括)[:：]?")
_ASIDE_REMARK = re.compile(r"[\W_]*+(?:还好|幸好|幸亏|好在)")
_PATROLLED = re.compile(r"(?:走|转|巡|查|看|过)了一(?:遍|圈|趟)$")
_PART_PLACES = re.compile(r"[\W_]*+(?:其中)?[一二两三四五\d]处(?:是|都)?在")
_CHECKING = re.compile(
    r"(?:夜查|检查|排查|巡查|联合|督查)(?![^，。；]{0,14}?(?:发现|查出|看到|见到))[^，。；]{0,14}$"
)
_LOOKED_INTO = re.compile(r"(?:查看|检查|排查|巡查|督查|了解)[^，,。；;]{0,12}?情况$")
_INSPECTED = re.compile(
    # (抽查楼道灭火器8具, 灭火器抽查10具: a sample looked at.)
    rf"[\W_]*+(?:(?!发现)[^，。；：:]){{0,14}}?(?:排查|检查|巡查|查看|抽查)(?![中时])了?(?:(?!发现)[^，。；：:]){{0,10}}?"
    # (巡查车棚5个、楼栋10栋: buildings looked at are counted in 栋.)
    rf"(?:\d{{1,4}}|[一二三四五六七八九十百]{{1,4}})[{MEASURE_WORDS}栋幢][：:]?$"
    # 沿线文明宣传栏6块逐一查看: the count first, then the looking.
    rf"|[^，。；：:]{{1,14}}?(?:\d{{1,4}}|[一二三四五六七八九十百]{{1,4}})[{MEASURE_WORDS}]"
    rf"(?:逐一|逐个|挨个|全部|均)(?:查看|检查|排查)了?$"
)
# 新换表箱12个外观完好: things counted and found in order.
_COUNTED_FINE = re.compile(r"(?:外观)?(?:完好|完整|正常|良好|齐全|无损坏|无异常)[。；，,]?$")
# 一是整治私拉乱接, 二是清洁家园: the heading of a kind of work, its items follow.
_WORK_HEADING = re.compile(
    r"[\W_]*+(?:[一二三四五六七八九十]是)?(?:整治|治理|规范|清洁家园|宣传引导|专项整治|集中整治)"
    r"[^，。；\d]{0,8}$"
)
# 垃圾5袋, 烟头纸屑两袋: a thing and its count, nothing else.
_BARE_THING_COUNTED = re.compile(
    rf"[\u4e00-\u9fff]{{1,10}}?\s?+(?:\d{{1,6}}|[{CN}百几]{{1,6}})\s?+(?:余|多|来)?\s?+[{MEASURE_WORDS}](?:子)?"
)


def _recount(
    fragment: str,
    status: Status,
    reading: Reading,
    lexicon: UnitWords,
    list_no: int | None = None,
) -> Draft | None:
    """The uncounted item a bare thing-and-count clause names, now counted (not one of its own
    number in a list: ② 商户门前积雪 5处 after ① 人行道积雪已清出通道)."""
    if status.state is not None or not _THING_COUNTED.fullmatch(fragment.strip()):
        return None
    quantity = first_amount(fragment)
    if quantity is None or quantity.vague:
        return None
    named = matching_draft(fragment, reading.drafts, lexicon)
    if named is None or named.explicit:
        return None
    if list_no is not None and named.list_no is not None and named.list_no != list_no:
        return None
    named.count, named.explicit, named.measure = quantity.value, True, quantity.measure
    return named


_THING_COUNTED = re.compile(
    rf"(?P<thing>[\u4e00-\u9fff、]{{2,10}}?)\s*+(?:\d{{1,4}}|[{CN}百几]{{1,4}})\s*+[{MEASURE_WORDS}]?"
)
_THEY_SAID = re.compile(
    r"[\W_]*+(?:他|她|伊|佢|老板|店主|店家|摊主|车主|住户|居民)(?:们)?(?:说|讲|称|表示)"
)
# 上述问题现已整改完毕: every item told above.
_ALL_NAMED = re.compile(r"(?:上述|以上|所有|全部|这些)(?:问题|情况)")
_IN_ORDER = re.compile(
    r"(?:停|摆|放)得(?:很|蛮|挺|比较|还|都)?(?:整齐|规范|有序|好(?=的|[，,。；\s]|$))"
)
_HASHTAG = re.compile(r"#[^#\n]{1,16}+#")
_STATE_IN_ORDER = re.compile(
    # (摊位整齐，地面干净: the stalls in order, said without a verb.)
    r"[\W_]*+[\u4e00-\u9fff]{1,8}?(?:(?:摆放|停放|摆|停)得?)?(?:很|较|比较|都|基本)?"
    r"(?<![不未没])(?:整齐|有序|规范)[，。]?"
)
_OFFENDER_DID = re.compile(r"[\W_]*+(?:他|她|伊|佢)(?:们|哋)?(?:就|也|都|马上|立马|当场)?")
_NOT_TODAY = re.compile(
    r"(?:不计入|不计|不算|不统计)(?:今日|今天|本次)"
    r"|(?:今日|今天|本次)(?:不重复统计|不再统计|不计入?|不算|不统计|不重复计)"
)
_LEFT_ON_THE_GROUND = re.compile(r"[\W_]*+地上(?:一大片|一片|一摊|全是|都是)")
_LEAKING = re.compile(r"滴|漏|洒|冒|溢")
_TREND = re.compile(r"现象(?:有所)?(?:抬头|增多|较多|突出|频发|反弹)|有所抬头|呈上升趋势")
# 是8辆, 三十来张, 仨: the right count after a correction.
_RIGHT_COUNT = (
    rf"(?:(?P<n>\d{{1,4}}|[{CN}百]{{1,4}})(?:来|余|多)?\s*+[{MEASURE_WORDS}]"
    r"|(?P<pair>俩|仨)(?![\u4e00-\u9fff]))"
)
# (噢不对 电动车是6辆: a filler before it.)
_PUT_RIGHT_ALONE = re.compile(
    rf"[\W_]*+(?:{CORRECTION_FILLER}(?:不对|更正|纠正|说错了|写错了|打错了)(?:一下)?"
    # (啊不是 on its own, then 应该是二十来辆.)
    rf"|{TAKEN_BACK})[了，,：:\s]*+"
)
# 更正：电动车是8辆, 噢不对，电动车是6辆, 不对 僵尸车是俩: the item named, with its right count.
# (刚才说共享单车5辆，应该是8辆: the item and the number said before, then the right one.)
# 刚才说 … 5辆: the words that bring back a number said before, and that number.
_SAID_EARLIER = r"(?:刚才|刚刚)(?:说|讲|报|写)的?"
_COUNT_SAID = rf"(?:\d{{1,4}}|[{CN}百]{{1,4}})[来余多]?[{MEASURE_WORDS}]"
_RECOUNT_NAMED = re.compile(
    rf"[\W_]*+(?:{CORRECTION_FILLER}(?:更正|纠正|修正|不对)(?:一下)?[了，,：:\s]*+"
    rf"(?P<thing>[\u4e00-\u9fff]{{2,10}}?)(?:应该是|应为|改为|是)"
    rf"|{_SAID_EARLIER}(?P<said>[\u4e00-\u9fff]{{2,10}}?)"
    rf"{_COUNT_SAID}[，,\s]*+(?:应该是|应为|其实是|实际是)"
    # 补充：柴堆应为4处，刚才漏写一处: the item named, and the number it should have had.
    rf"|(?P<should>[\u4e00-\u9fff]{{2,10}}?)(?:应为|应该为|实为))"
    rf"\s*+{_RIGHT_COUNT}"
)
# 刚才说共享单车5辆: the first half of a correction that goes on after the comma.
_SAID_BEFORE = re.compile(rf"[\W_]*+{_SAID_EARLIER}[\u4e00-\u9fff]{{2,10}}?{_COUNT_SAID}")
# 电线杆背面有1处刚才漏数了: why the count was put right, said after it.
_MISSED_IN_COUNT = re.compile(r"漏数|数漏|漏算|少数了|没数上|没数到|漏了没数")
# 前面路口还有3辆一起摆的: the ones a recount added, said after it.
_ALSO_THERE = re.compile(rf"还有(?P<n>\d{{1,3}}|[{CN}]{{1,3}})[{MEASURE_WORDS}]")
_RECOUNT = re.compile(
    rf"[\W_]*+(?:(?:上一行|上面|上条|上一条|刚才)?(?:写错了|说错了|打错了|错了|更正|不对)(?:一下)?"
    rf"|{TAKEN_BACK})[了，,：:\s]*+"
    rf"(?:{RECOUNTED})?(?:应该)?是?\s*+"
    rf"{_RIGHT_COUNT}"
)
_CORRECTION = re.compile(
    rf"[\W_]*+{CORRECTED}\s*+[，,：:]?\s*+(?:{RECOUNTED})?"
    rf"(?:是|应该是|应为)?\s*+{_RIGHT_COUNT}[。！!]?"
)
# 数了一下是9辆, 挨个数了一遍是8家: counted one by one, the exact number.
_COUNTED_EXACTLY = re.compile(
    rf"[\W_]*+(?:{RECOUNTED}|(?:挨家|挨个|一个个|仔细)(?:看|数|点)了?(?:一遍|一下|下)?[，,\s]*+)"
    rf"(?:实际|一共|其实)?是\s*+{_RIGHT_COUNT}[。！!]?"
)
# 原来说8处，后来沈佳怡又上楼数了一遍是11处; 后来从东门数到西门是19辆: counted again later.
_COUNTED_LATER = re.compile(
    rf"[\W_]*+(?:后来|然后|结果|最后)[^，,。；;]{{0,14}}?数[^，,。；;是]{{0,8}}?是\s*+{_RIGHT_COUNT}[。！!]?"
)
# 搞归一了, 其他都搞定了: the duty is done (Guizhou and Sichuan 归一: finished).
_DUTY_DONE = re.compile(
    r"[\W_]*+(?:其他|其余|别的)?(?:都|全部|就|也)?(?:搞归一|搞定|弄完|搞完|弄归一)了?[啦嘛哈咯]?[。！!]?"
)
_TOLD_NOT_TO = re.compile(
    r"[\W_]*+(?:不要|别|莫|勿|不许|不准)(?:叫|让|再|在这|在这里)?[\u4e00-\u9fff]{1,6}[了啦哈]?$"
)
_NONE_OF = re.compile(
    r"[\u4e00-\u9fff]{1,8}?(?:也|都|就|倒)?(?:没有|没|无|木有|没有?看到|未发现|没有?发现|没见到?|未见)[啦哈呢]?$"
)
# 急诊门口方圆50米内无违停车辆: none of the things that would be wrong.
_NO_SUCH = re.compile(
    # 路面没发现其他问题: none besides what was told.
    r"(?:无|没有|未见|未发现|没发现)(?:其他|其它|别的|新的?)?(?:违停|乱停|乱放|乱摆|占道|出店|摊贩|小广告|垃圾|积水|积雪|结冰|问题|异常"
    # 楼道无乱堆乱放, 无私拉电线, 无破损: none of these wrongs.
    r"|乱堆|乱贴|乱扔|乱晾|乱搭|乱挂|乱拉|私拉|飞线|破损|损坏|堵塞|脱落|松动)"
    # 周边不再结冰: looked at again, and no more of it.
    r"|不再(?:结冰|积水|冒水|漏水|堆放|乱停)"
    # 还好没有飞线: luckily none of it.
    r"|^(?:还好|幸好|好在)(?:没有|无|没)"
    # 冰溜子没看着: looked for, and none seen.
    r"|(?:没看着|没瞅着|没见着)$"
)
# 联合交警对北站门口违停进行了整治: the work done, its items and counts follow.
_WORK_ON = re.compile(
    r"[\W_]*+(?:联合[^，。；]{0,6}?)?对[^，。；]{1,30}?进行了?(?:全面|集中|专项|彻底|细致)?的?"
    r"(?:整治|清理|整理|检查|巡查|排查|清扫)$"
)
_CARRIED_OUT = re.compile(
    # 开展垃圾分类督导: the work, not litter found.
    r"(?:开展|组织|参加|参与)[^，。；]{0,24}?(?:活动|志愿服务|宣传|整治|行动|巡查|消杀|督导|督查)$"
)
_CAMPAIGN = re.compile(
    r"(?:专项整治|专项行动|集中整治|攻坚行动|大扫除|消杀|灭鼠|灭蚊|除四害|"
    # 开展垃圾分类问卷调查, 木垟社区垃圾分类督导: the work's subject, not litter found.
    r"(?<=分类)(?:问卷调查|入户调查|调查|问卷|督导|督查))$"
)
# 死鱼烂虾一堆，臭味很重: how the item just named smells, not another problem.
_SMELL_OF_IT = re.compile(
    r"[\W_]*+(?:臭味|气味|味道|腥味|异味|臭气)(?:很|特别|比较|有点|非常|太|好|还)?"
    r"(?:重|大|冲|浓|难闻|刺鼻)(?:了|得很)?[。！!]?"
)
# 居民反映：, 居民主要反映：, 居民说的问题：: what residents told follows.
_TOLD_OPENING = re.compile(
    r"[\W_]*+(?:居民|群众|住户|业主)们?(?:主要|普遍)?(?:反映|说|提出|投诉|反映的问题|说的问题|提的问题)"
    r"(?:的问题|了|有)?(?:如下)?[:：]"
)
# 上次的问题复查：, 上周问题回头看：, 复查情况： on a line of its own: earlier problems follow.
_RECHECK_OPENING = re.compile(
    r"[\W_]*+(?:对)?(?:上次|上周|前期|之前|往期|以前|前几天)?(?:的|报的|反映的|遗留)?(?:问题)?"
    r"(?:复查|回头看|回访|跟踪)(?:情况)?[:：]\s*+$"
)
# 一、复查周一问题：护栏已由城管加固，正常, told on its line before 二、今日新发现：….
_RECHECK_LINE = re.compile(
    r"[\W_]*+(?:[一二三四五六七八九十\d]{1,2}[、.．])?\s*+(?:复查|回头看|回访)"
    r"(?:[^：:，,。；\n]{0,8}?问题)?(?:情况)?[:：]"
)
_NEW_FINDING_LINE = re.compile(r"\n[^\n]{0,12}?新(?:发现|问题)")
# 今天发现：, 新发现：, 本次巡查发现: today's own again.
_NEW_FINDING_OPENING = re.compile(
    r"[\W_]*+(?:[一二三四五六七八九十\d]{1,2}[、.．])?\s*+(?:今天|今日|本次|此次)?(?:巡查)?(?:新)?发现"
    r"|[\W_]*+新问题"
)
# 上楼看了确实不亮, 现场看了有2块地砖翘起: told, and seen in the same breath.
_LOOKED = re.compile(r"看了|看过|查看|核实|核查|察看|属实|确实|确有")
# 现场查看：, 我们现场看了，, 我们自己去看了：: what the team saw follows.
_SEEN_OPENING = re.compile(
    r"[\W_]*+(?:我们|我们几个)?(?:现场|实地|自己|上门|过去|去|到现场)*+(?:查看|看了看|看了|核实|核查|察看)(?:了|过|一下|一遍)?"
    r"(?:情况)?[:：，,]|[\W_]*+经(?:现场)?(?:查看|核实|核查|查)[:：，,]"
)
# 我们过去看了确实有一堆, 看了确实不亮: what was told is so; the item was already named.
_CONFIRMED = re.compile(
    r"(?:看了|看过|查看|核实|去看|到场)[^，,。；]{0,6}?(?:确实|的确|确有|属实)"
    # …我们过去看了，确实有一堆: the looking was the clause before.
    r"|^[\W_]*+(?:确实|的确|确有|果然)"
    # 张阿姨说晾衣杆搭到人行道上了，我们去看了是2根: what was told, seen and counted.
    r"|(?:看了|看过|去看|查看)[^，,。；]{0,4}?[是有](?=\d|[二两三四五六七八九十俩仨])"
)
_NOT_SEEN = re.compile(
    r"[\W_]*+(?:巡查|检查|今天|今日|另外|另)?(?:中|时)?(?:均|并|也|暂)?"
    r"(?:未发现|没有?发现|未见到?|未看到|没有?看到|没有?见到)(?!整改|清理|处理|好转|改善|效果)"
)
# (这个我们没看到: what was told, not seen by the team.)
_NOT_THERE = re.compile(
    r"(?:(?:去看|去查看|过去|到场|赶到|到现场|核实)[^，,。；]{0,4}?|^[\W_]*+(?:这个|这事|这件事)?我们(?:都|也)?)"
    r"(?:没有?看到|未看到|没有?找到|未找到|没有?发现|未发现|已经?不在|不属实)$"
)
_COLLECTIVE = re.compile(r"[\W_]*+(?:今天|今日|当场|现场|也)?(?:均|都|全部|全都|皆|一律|以上)")
_LIST_JOINT = re.compile(r"、|(?<=[\u4e00-\u9fff])(?:和|及|与|跟|同)(?=[\u4e00-\u9fff])")
_UNDONE_AS_PROBLEM = re.compile(
    rf"(?:未|没有?|尚未)(?:清理|清扫|清除|整改|处理|修复|收回|拆除|铲除)\s*+"
    rf"(?:\d{{1,4}}|[{CN}几]{{1,3}})\s*+[{MEASURE_WORDS}]\s*+$"
)
_THE_HANDED_ON = re.compile(
    r"(?:已经?)?(?:报修|上报|移交|交办|报社区|报城管|转交|报)(?:了)?的(?:问题|那几处|几处)?"
)
_NONE_COUNTED = re.compile(rf"(?<![\d.:：])0\s*+[{MEASURE_WORDS}](?![\d])")
_TALLY_LINE = re.compile(
    r"[\W_]*+(?:(?:合计|总计|共计|小计|汇总|统计)\s*+[:：｜]"
    # 以上合计30处（16+11+2+1=30）; 已整改合计27，未整改合计3，核对无误: the items above, added up.
    r"|以上(?:合计|共计|总计)|(?:已整改|未整改|已处理|未处理)合计|[^，。；]{0,12}核对无误"
    # 合计｜12｜处置11: a table's total row, its cells joined.
    r"|(?:合计|总计|共计|小计)\s*+\d{1,4}\s*+[个处项件起条]?\s*+[｜，,；;]\s*+"
    r"(?:已?处置|已?整改|已?解决|已?处理)\s*+\d)"
)
_CLOCK_ONLY = re.compile(r"[\W_]*+\d{1,2}[:：]\d{2}(?:[-~～至到]\d{1,2}[:：]\d{2})?[\W_]*+")
_CLEARED_BY_OTHERS = re.compile(
    r"已经?(?:被|由)(?:沿街)?(?:环卫|物业|保洁|商户|店主|店家|社区|城管|园林|市政|居民|住户)"
    r"[^，,。；]{0,8}?(?:清扫|清理|清除|扫|清运|铲|清)"
)
# Who keeps a street or a shop front clean besides the team.
_OTHER_CLEANERS = r"(?:环卫|物业|保洁|网格员|铲车|扫雪车|清雪车|老板|店主|店家|园林|市政)(?:所|处|车|工人|的人|那帮人|保洁)?"
_OTHERS_SAW_TO_IT = re.compile(
    rf"[\W_]*+(?:今天|今早|早上|上午)?[^，,。；]{{0,10}}?{_OTHER_CLEANERS}[^，,。；]{{0,6}}?"
    r"(?:(?:已经?|早就|早已|一早就|早上就|上午就|也|都|自己)[^，,。；]{0,3}?(?:把|将)"
    r"|(?:早上|一早|早就|已经|早已)(?:已经|就)?[^，,。；]{0,3}?"
    r"(?:拉走|清|扫|推|铲|刨|撒|运走|收走|拉空))"
)
_TURNED_OUT_FINE = re.compile(
    r"不算问题|不是问题|不属于问题|是稳的|是好的|没有?松动|并没有?坏|没什么问题|虚惊一场|误会"
    # 井盖松动1处—检查后确认正常→无需处理, 俩井盖检查了没问题: looked into, and all right.
    r"|确认(?:正常|完好|无误|没问题|无问题)|无需处理|(?:检查|查看|看)[了过]?(?:一下|一遍)?(?:没|无)问题"
    # 警示牌 12块—查了 都好: each one looked at, and all in order.
    r"|(?:检查|查看|查|看)[了过]\s?(?:一下|一遍)?\s?(?:都|均|全)(?:好|完好|正常|没问题|没事)"
    r"|^(?:都|均|全)(?:好|完好|正常|没问题|没事)的?$"
    # 健身器材6件→检查正常: the things looked at, and in order.
    r"|^(?:经?(?:检查|查看)[了过]?|都|均|全)?(?:正常|完好)$"
)


_PART_NOT_DONE = re.compile(
    rf"[\W_]*+其中(?:有)?(?P<n>\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})[{MEASURE_WORDS}]"
)
_PART_OF = re.compile(
    rf"[\W_]*+其中(?:有)?(?P<n>\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})[{MEASURE_WORDS}](?![\d{{CN}}])"
)
_OWNERS_FOUND = re.compile(
    r"(?:找到|联系上|联系到|找着|叫来)了?(?P<n>\d{1,3}|[一二两三四五六七八九十])(?:辆|个|台)(?:车的?)?(?:车主|主人)"
)
_VISITING = re.compile(rf"{VISIT_HOME}|走访|上门|拜访|慰问")
_PART_IS = re.compile(
    rf"[\W_]*+(?:另|另外|还有|剩下的?|其余)?(?:\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})[{MEASURE_WORDS}]是"
)
_REFUSED = re.compile(r"不同意|不配合|不愿|拒绝|不听|不在家|联系不上|未能|没能")
_LEAD_IN = re.compile(r"[^：:，,。；\d]{1,8}[：:]\s*+")
# 刚才讲的那几辆电动车跟摩托车…: the items told above, named again.
_BACK_REFERENCE = re.compile(r"[\W_]*+(?:刚才|刚刚|上面|前面|之前)(?:讲|说|提)?的")
# (…，已全部摆放: the same, after 已.)
_BOTH_DONE = re.compile(r"[\W_]*+(?:已经?)?(?:都|均|全都|全部都?|一并|统统)(?:已经?|给|被我们)?")
_JOINED = re.compile(r"、|[\u4e00-\u9fff](?:和|及|与|跟|同)[\u4e00-\u9fff]")
_OF_THE_LIST = re.compile(r"[\W_]*+前[\d两二三四五六七八九](?:项|条)")
_FIRST_N = re.compile(
    r"[\W_]*+(?:已|均已)?(?:当场|现场)?[\u4e00-\u9fff]{0,4}?前(?P<n>[\d两二三四五六七八九])(?:处|个|项|条|件)"
)


def topic_words(text: str, lexicon: UnitWords) -> list[str]:
    """The category words a clause names, leaving out its counts (扫了四五堆 names no 堆) and
    the tools and places of a fix (用纸箱包好扔进了垃圾桶 names neither)."""
    for quantity in reversed(amounts(text)):
        if not quantity.vague:
            blank = " " * (quantity.end - quantity.start)
            text = text[: quantity.start] + blank + text[quantity.end :]
    if lexicon.classifier.pattern is None:
        return []
    return [
        m.group()
        for m in lexicon.classifier.pattern.finditer(text)
        if not _TOOL_OR_PLACE_BEFORE.search(text, max(0, m.start() - 3), m.start())
        # 把它们搬到了小区西北角的大件垃圾堆放点: where things were taken.
        and not _DESTINATION_BEFORE.search(text, max(0, m.start() - 16), m.start())
        and not _AREA_AFTER.match(text, m.end())  # 门前三包责任区: a place
    ]


_AREA_AFTER = re.compile(r"责任区|责任段|区域|示范")
_DESTINATION_BEFORE = re.compile(
    r"(?:搬|运|拉|送|扔|倒|挪|推|移)(?:到|至|进|去)了?[^，。；,]{0,12}$"
)
_VOLUME = re.compile(r"较多|很多|挺多|特别多|比较多|多|不少|一些|若干|大量")


def _volume_only(text: str, lexicon: UnitWords) -> bool:
    """Only things and how many there were (非机动车较多), nothing wrong said of them."""
    words = topic_words(text, lexicon)
    rest = _VOLUME.sub("", text)
    return (
        bool(words)
        and all(word in OBJECT_WORDS for word in words)
        and rest != text
        and PROBLEM_PREDICATE.search(rest) is None
    )


def _describes_work(fragment: str, lexicon: UnitWords) -> bool:
    """Work told before anything is said of its outcome or count (一组沿主干道捡拾垃圾)."""
    return (
        bool(topic_words(fragment, lexicon))
        and _action_before(fragment, lexicon)
        and first_amount(fragment) is None
    )


def _work_done(fragment: str, count: int | None, reading: Reading, lexicon: UnitWords) -> Draft:
    """The item that work told in ``fragment`` dealt with, fixed."""
    draft = _new_draft(fragment, None, lexicon)
    if count is not None:
        draft.count, draft.explicit = count, True
    draft.status, draft.fix_text = "fixed", fragment
    if len(reading.drafts) < MAX_ITEMS:
        reading.drafts.append(draft)
    return draft


def _elaborates(fragment: str, lexicon: UnitWords) -> bool:
    """A clause with no count, no problem word of the unit's and no problem predicate, only
    things and hints: it says more about the item before rather than naming a new one (not
    when it opens a new one: 有个小孩往地上扔垃圾)."""
    if first_amount(fragment) or PROBLEM_PREDICATE.search(fragment) or _NEW_ITEM.match(fragment):
        return False
    owner = lexicon.classifier.owner
    return not any(
        owner[word][1] and word not in OBJECT_WORDS for word in topic_words(fragment, lexicon)
    )


def _named_items(fragment: str, drafts: list[Draft], lexicon: UnitWords) -> list[Draft]:
    """The items a list of things names (电动车、小广告已处理完毕), each found by its object."""
    outcome = _OUTCOME_WORD.search(fragment) or STATUS_TOKEN.search(fragment)
    head = fragment[: outcome.start()] if outcome else fragment
    found: list[Draft] = []
    for part in _LIST_JOINT.split(head):
        draft = matching_draft(part, drafts, lexicon) if part.strip() else None
        if draft is not None and draft not in found:
            found.append(draft)
    return found


def _rest_of(fragment: str, current: Draft, lexicon: UnitWords) -> bool:
    """A clause that opens with a count no larger than what is left of a partly fixed item and
    names no other thing (4辆车主不在 after 违停9辆，劝离5辆)."""
    quantity = first_amount(fragment)
    if quantity is None or quantity.vague:
        return False
    if quantity.start > _REST_COUNT_START:
        # …机动车违停共15辆，已整改12辆，机动车违停3辆已联系交警: a part the item listed.
        part = fragment[: quantity.start].strip()
        if len(part) < _SAME_WORDS or part not in current.text or "、" not in current.text:
            return False
        left = current.count - (current.fixed_count or 0)
        return 0 < quantity.value <= left
    left = current.count - (current.fixed_count or 0)
    after = fragment[quantity.end :]
    if _another_fault(after, current):
        return False
    return 0 < quantity.value <= left and not _names_other_thing(after, current, lexicon)


def _another_fault(text: str, current: Draft) -> bool:
    """还有一个化粪池盖子松动了: a thing with a fault the item does not have is another problem
    (还有一处是住户的纸箱子 says what the rest is)."""
    fault = PROBLEM_PREDICATE.search(text)
    return fault is not None and fault.group() not in current.text and fault.start() >= 3


_REST_COUNT_START = 2


def _names_other_thing(text: str, current: Draft | None, lexicon: UnitWords) -> bool:
    """Whether ``text`` names a thing the item does not (还有七八辆三轮 after 摊子占道); a
    general word for damage (1家设备坏了) names none."""
    if current is None:
        return False
    named = [w for w in topic_words(text, lexicon) if not PROBLEM_PREDICATE.match(w)]
    return bool(named) and not any(word in current.text for word in named)


def _another_kind_of_thing(fragment: str, current: Draft, lexicon: UnitWords) -> bool:
    """Whether a clause names only things of another kind than the item (小广告 is not a 横幅;
    电动车、自行车 are the 非机动车 of the item)."""
    item_groups = {_THING_GROUP[w] for w in _THING_GROUP if w in current.text}
    named = [w for w in topic_words(fragment, lexicon) if w in _THING_GROUP]
    if not named or all(word in current.text for word in named):
        return False
    # (拆除广告横幅1条 after 小广告52张: 广告 is in both, the 横幅 is not a 小广告.)
    return not any(_THING_GROUP[w] in item_groups for w in named)


def _another_place(fragment: str, named: Draft, lexicon: UnitWords) -> bool:
    """Whether a clause names the item's thing with a place of its own that the item does not
    have (西门的垃圾 after 东门的垃圾)."""
    text = _item_text(_before_outcome(fragment, lexicon))
    for word in topic_words(text, lexicon):
        if word in named.text:
            here = text[: text.find(word)].removesuffix("的")
            there = named.text[: named.text.find(word)].removesuffix("的")
            return (
                bool(_PLACE_ONLY.fullmatch(here))
                and bool(_PLACE_ONLY.fullmatch(there))
                and here not in named.text
                and there not in text
            )
    return False


# 西门, 3号楼前, 北段: a place and nothing else (not 现已清除, 算下来, 小区里 with a verb after).
_PLACE_ONLY = re.compile(
    r"(?:(?![已了对把将算和及跟与])[\u4e00-\u9fff\d]){0,7}"
    r"[门口边侧旁前后楼栋号段路道街巷区院场站]"
)


def _same_kind_of_thing(fragment: str, current: Draft, lexicon: UnitWords) -> bool:
    """Whether a clause names only things of the item's own kind (垃圾 for a 卫生死角)."""
    item_groups = {_THING_GROUP[w] for w in _THING_GROUP if w in current.text}
    named = [w for w in topic_words(fragment, lexicon) if w in _THING_GROUP]
    return bool(named) and all(_THING_GROUP[w] in item_groups for w in named)


# Each word for a thing, and the kind of thing it is (共享单车 and 电动车 are both 非机动车).
_THING_GROUP = {word: group for group, words in DEFAULT_OBJECTS.items() for word in words}


def _names_own_problem(text: str, lexicon: UnitWords) -> bool:
    """A problem predicate or one of the unit's own problem words (井盖有点松动), more than a
    hint (是住户的纸箱子)."""
    if PROBLEM_PREDICATE.search(text):
        return True
    owner = lexicon.classifier.owner
    return any(owner[word][1] for word in topic_words(text, lexicon))


def _names_problem(text: str, lexicon: UnitWords) -> bool:
    """Whether a clause names a problem, not only an object and what became of it."""
    return _has_problem_word(text, lexicon) or PROBLEM_PREDICATE.search(text) is not None


_EXCEPT_AFTER = re.compile(
    r"(?P<done>[^，,。；;]{1,12}?)[，,]\s*+除了?(?P<what>[^，,。；;]{1,16}?)(?:以外|之外|外)?[。！!]?"
)


def _all_but(sentence: str, reading: Reading, lexicon: UnitWords) -> bool:
    """``以上问题除第3项外均已整改``, ``以上除垃圾桶外已整改``: every item but those is fixed."""
    if not reading.drafts:
        return False
    exception = EXCEPT.search(sentence)
    if exception is not None:
        # …均已当场整改，井盖已拍照报市政: the outcome of the rest ends at the comma (除…外，
        # 均已整改: after the one that ends the exception).
        after = sentence[exception.end() :].lstrip("，, ")
        outcome = re.split(r"[，,；;]", after, maxsplit=1)[0]
    else:
        # 都弄完了，除了第2条: the outcome first, then what it leaves out.
        exception = _EXCEPT_AFTER.fullmatch(sentence.strip())
        if exception is None:
            return False
        outcome = exception.group("done")
    if read_status(outcome).state != "fixed":
        return False
    what = exception.group("what")
    refs = index_refs(what + "已整改")
    excluded = (
        [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d] if refs else []
    )
    if not excluded and _THE_HANDED_ON.fullmatch(what):
        # 除报修的外均已整改: every item not already handed on was fixed.
        excluded = [d for d in reading.drafts if d.status == "pending"]
    if not excluded:
        match = matching_draft(what, reading.drafts, lexicon)
        excluded = [match] if match else []
    if not excluded:
        return False
    for draft in reading.drafts:
        if draft not in excluded and draft.status != "fixed":
            draft.status, draft.fixed_count = "fixed", None
            draft.fix_text = draft.fix_text or sentence
    for draft in excluded:
        if draft.status is None:
            draft.status = "pending"
    # A bracket after it may still speak of one item (（第5项已当场劝阻）).
    return True


def _has_problem_word(text: str, lexicon: UnitWords) -> bool:
    return any(w not in OBJECT_WORDS for w in topic_words(text, lexicon))


_FIX_WITH_MATERIAL = re.compile(r"撒了?")
# 3名学生, 俩小孩, 几个年轻人: people counted, who may be the problem.
_OFFENDERS = re.compile(rf"(?:\d{{1,3}}|[{CN}几]{{1,3}}|俩|仨)\s*+(?:名|位|个|人)?{PERSON_WORDS}")
# 已劝阻, 劝离, 当场制止: people told to stop.
_TOLD_OFF = re.compile(
    r"[\W_]*+(?:被|由)?(?:我们|我|大家)?(?:已经?|均已|都已|当场|现场|随即|立即|及时|经)?\s*+"
    # (我们劝出来了, 被我们喊下来了: who told them, and where they were sent.)
    r"(?:劝阻|劝离|劝走|制止|劝导|劝说|劝止|批评教育|提醒|劝出|劝下|喊下|叫下|拦下|叫回|喊回)"
    r"(?!无效|不听|未果)"
)
_OWNERS = re.compile(r"车主|店主|摊主|业主|户主|住户|老板|人次")
_TEAM_AS_AGENT = re.compile(r"^(?:被|由)?(?:我们|我|大家)")


def _offenders_told_off(fragment: str, outcome: str) -> bool:
    """有3名学生在梯坎扶手上滑着玩，已劝阻: people counted, doing something, then told off
    in a clause that says only that (车主2人在场 are the owners of the item, not offenders)."""
    people = _OFFENDERS.search(fragment)
    told = _TOLD_OFF.match(outcome)
    if people is None or told is None or _OWNERS.search(fragment):
        return False
    rest = outcome[told.end() :].strip()
    did = len(_CJK.findall(fragment, people.end())) + len(_CJK.findall(fragment, 0, people.start()))
    return did >= 3 and len(rest) <= 6 and not any(c.isdigit() for c in rest)


_CJK = re.compile(r"[\u4e00-\u9fff]")


_CHECKED_AND_FINE = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:无|没有?|未见)(?:破损|损坏|缺失|脱落|松动|异常|遮挡|倾斜|坏)"
    r"(?=$|[，,。；;\s])|(?:桶|箱)没满|(?:桶|箱)(?:都|也|均)?不满|(?:也|都)没(?:了|有了)$"
    # 平房区燃煤炉子没新增, 复查无新增, 没有新的: looked at again, and nothing new.
    r"|(?:无|没|没有)(?:新增|新的)"
    # 药材铺都在店里经营, 今日都冇出店: the shops kept inside.
    r"|都在店(?:里|内)|都(?:没有?|冇|未)(?:出店|占道)"
    # 运蔗车都在厂内排队, 路面基本没泥土: in order, or none of it.
    r"|都在[^，,。；;]{0,6}?排队|(?:基本|已经)没(?:有)?(?:泥土|泥巴|垃圾|积水|违停)"
    # 台风后第二天，路面基本清干净了: how the place was found, already clean.
    r"|^(?:路面|地面|街面|路上)基本(?:上)?(?:都)?(?:清|扫)?干净了?$"
    # 灭火器都在有效期内: checked, and in date.
    r"|(?:都|均|全部)在有效期内?"
    # 垃圾桶均未满溢, 井盖都没有破损: each one looked at, none wrong.
    r"|(?:均|都|全部)(?:未|没有?|无)(?:满溢|溢出|破损|损坏|缺失|堆放|乱停)"
)


def _is_problem(
    fragment: str,
    kind: Kind,
    status: Status,
    lexicon: UnitWords,
    numbered: bool = False,
    after_item: bool = False,
    told_off: bool = False,
    following: str = "",
) -> bool:
    if NEGATED_START.match(fragment) or (SCOPE.search(fragment) and not first_amount(fragment)):
        return False
    if _CHECKED_AND_FINE.search(fragment) and not first_amount(fragment):
        return False  # 公共座椅无破损, 桶没满, 小广告也没了: looked at, and nothing wrong
    if told_off:
        return True
    if _TURNED_OUT_FINE.search(fragment) and status.state != "fixed":
        return False  # 还有俩井盖检查了没问题: looked into, and all right
    if _NONE_COUNTED.search(fragment):
        return False  # 竹筏揽客0起: counted, and there were none
    if (
        _IN_ORDER.search(fragment)
        or (
            _STATE_IN_ORDER.fullmatch(fragment)
            and not STATUS_OPENING.match(fragment)
            and "已" not in fragment
        )
    ) and not first_amount(fragment):
        return False  # 电动车都停得蛮整齐的, 车辆摆放整齐: in order, not put in order
    if status.state == "fixed" and _OFFENDER_DID.match(fragment) and not first_amount(fragment):
        return False  # 他就捡起来丢垃圾桶了: what the person told did, the item's outcome
    if _FEWER.search(fragment) and not first_amount(fragment) and not status.state:
        return False  # 小区里晾晒的衣物少了: better than before, nothing to do
    words = topic_words(fragment, lexicon)
    if words and status.state:
        # 重新张贴: the keyword is the doing again (张贴), no thing named; 又撒了炉灰防滑 after
        # the ice just named is how it was fixed (alone, 撒了炉灰 tells of ice that is no more).
        verbs = [
            m.group()
            for m in STATUS_TOKEN.finditer(fragment)
            if m.group()[:2] == "重新" or (after_item and _FIX_WITH_MATERIAL.match(m.group()))
        ]
        words = [w for w in words if not any(w in verb for verb in verbs)]
    if _MODIFIER.fullmatch(fragment) and not PROBLEM_PREDICATE.search(fragment):
        return False  # 放杂物的: what the item before is for, not a new one
    if after_item and _GUESS.match(fragment):
        return False  # …停放在人行道上，疑似僵尸车: what the item before seems to be
    if _WHOSE_IT_IS.fullmatch(fragment):
        return False  # 是卖椰子的老板堆的: who put the thing before there, not a new one
    if words and status.state is None and _action_before(fragment, lexicon):
        return False  # 一组沿主干道捡拾垃圾: work being described, nothing found or done yet
    first_word = lexicon.classifier.pattern.search(fragment) if lexicon.classifier.pattern else None
    if first_word is not None and _SUPPLY.search(fragment, 0, first_word.start()):
        return False  # 老杜自掏腰包买了两卷垃圾袋: what the team brought, not a problem
    if _WARNING_PUT_UP.match(fragment):
        return False  # 处置：设置提示牌2块: what the team put up to warn people, not a problem
    only_things = all(w in OBJECT_WORDS for w in words)  # (桌子: where it stands says)
    if only_things and OTHERS_PUT.search(fragment) and status.state != "fixed":
        return True  # 一家饭店把桌子摆出来了: what someone else put out is the problem
    if not words and _vehicles_counted(fragment):
        return True  # 车三十五辆左右摆了: vehicles by their measure word
    if not words:
        # Under 发现问题, or after 发现, a counted thing is a problem even without a keyword
        # (as 其他): 发现一处雨棚被雪压塌.
        # 小区内发现马蜂窝一个: what was found, counted, needs no predicate.
        # ②未经审批新设招牌1块❌: a numbered line with a count and a mark is one too.
        found_here = (
            kind == Kind.FOUND
            or (numbered and status.by_mark)
            # 车间内违规使用电暖器1台，当场停用: wrong, counted, and then dealt with.
            or (_wrong_of_its_own(fragment) and _outcome_only(following, lexicon))
            or (
                _FOUND_OPENING.match(fragment) is not None
                and (
                    PROBLEM_PREDICATE.search(fragment) is not None
                    or _FOUND_COUNTED.search(fragment)
                )
            )
        )
        return (
            found_here
            and _counted(fragment)
            and not POSITIVE.search(fragment)
            and status.state is None  # 整理摆放二十辆: a fix of the item before
        )
    quantity = first_amount(fragment)
    predicate = PROBLEM_PREDICATE.search(fragment)
    problem_word = any(w not in OBJECT_WORDS for w in words)
    if POSITIVE.search(fragment) and not (
        predicate or quantity or (status.state and not status.by_mark)
    ):
        return False
    if kind == Kind.FOUND:
        return True
    # A thing, then that it was handed on (井盖❌已报, 门禁已报修): a problem with the thing.
    handed_on = (
        status.state == "pending"
        and first_word is not None
        and (
            _HANDED_ON.search(fragment, first_word.end()) is not None
            # 井盖那个还是没修: the thing is still broken.
            or _NOT_MENDED.search(fragment, first_word.end()) is not None
        )
    )
    return bool(problem_word or predicate or quantity or status.state == "fixed" or handed_on)


def _action_before(fragment: str, lexicon: UnitWords) -> bool:
    """Whether a fix verb comes before the first thing the clause names (捡拾垃圾)."""
    first_word = lexicon.classifier.pattern.search(fragment) if lexicon.classifier.pattern else None
    if first_word is None:
        return False
    for token in STATUS_TOKEN.finditer(fragment, 0, first_word.start()):
        if token.group() == "摆起" and LIES_THERE.match(fragment, token.end()):
            continue  # 巷子摆起一堆装修垃圾: it lies there
        if _put_out_of_place(fragment, token):
            continue  # 货架摆到人行道（出店经营）: put where it should not be
        if done_by_others(fragment[max(0, token.start() - 10) : token.start()]):
            continue  # 2名商户在店门口摆放货架: what they put out, not the team's work
        if TOKEN_ROLE[token.group()] in ("fix", "result"):
            return True
    return False


_OUT_OF_PLACE = re.compile(
    r"了?(?:人行道|盲道|马路|路上|路边|店外|门外|店门外|消防通道|骑楼外|绿化带|草坪)"
)


def _put_out_of_place(fragment: str, token: re.Match[str]) -> bool:
    """摆到人行道, 堆在消防通道: the verb tells where the thing was put wrong, no fix."""
    return token.group()[-1] in "到在" and _OUT_OF_PLACE.match(fragment, token.end()) is not None


def _only_keywords(fragment: str, lexicon: UnitWords) -> bool:
    """占道经营, 乱堆乱放: nothing but the unit's words for a kind of problem."""
    rest = fragment.strip(" ，,。；;")
    for word in lexicon.classifier.words(rest):
        rest = rest.replace(word, "", 1)
    return rest != fragment.strip(" ，,。；;") and not rest


def _vehicles_put_right(fragment: str, before: str, lexicon: UnitWords) -> str | None:
    """The bikes of ``before`` when ``fragment`` tells only how many of them were put right;
    or the thing of ``before`` said to be few (楼道里的小广告不算多，撕了七八张)."""
    quantity = first_amount(fragment)
    if (
        quantity is None
        or quantity.vague
        or topic_words(fragment, lexicon)
        or read_status(fragment).state != "fixed"
    ):
        return None
    words = topic_words(before, lexicon)
    if quantity.measure not in _VEHICLE_MEASURES:
        return words[0] if words and _FEW_OF_THEM.search(before) else None
    bikes = [w for w in words if _THING_GROUP.get(w) == "非机动车"]
    return bikes[0] if bikes else None


_VEHICLE_MEASURES = frozenset("辆台架部")


def _thing_only(text: str, lexicon: UnitWords) -> bool:
    """电动车: only the name of a thing (or things), as a line's heading."""
    rest = text.strip(" ：:，,")
    words = lexicon.classifier.words(rest)
    if not words or len(rest) > 12:
        return False
    for word in words:
        rest = rest.replace(word, "", 1)
    return len(rest) <= 1


def _vehicles_counted(fragment: str) -> bool:
    """车三十五辆: a count of vehicles, whatever the word for them."""
    quantity = first_amount(fragment)
    return (
        quantity is not None
        and quantity.measure in ("辆", "部", "架")
        and not quantity.vague
        and (
            _VEHICLE_FIRST.match(fragment, 0, quantity.start) is not None
            # 人行道上停的私家车5部
            or _VEHICLE_BEFORE.search(fragment, max(0, quantity.start - 3), quantity.start)
            is not None
            # 有一辆渣土车停在人行道边上
            or _VEHICLE_NEXT.match(fragment, quantity.end) is not None
        )
    )


def _counted_anew(current: Draft, pieces: list[str], index: int) -> bool:
    """摆货（3家，已收回）、共享单车（12辆，已摆放）: after an item counted and seen to, a thing
    that its own count follows is the next item, not more about that one."""
    return (
        current.explicit
        and current.status is not None
        and index + 1 < len(pieces)
        and _LEADING_COUNT.match(pieces[index + 1].strip()) is not None
    )


def _outside_brackets(fragment: str) -> str:
    """The fragment with each 、 outside brackets marked for a cut (门口堆放杂物（泡沫箱、旧家具）
    is one item, its bracket says what the heap holds)."""
    if "（" not in fragment and "(" not in fragment:
        return fragment.replace("、", "\x00")
    out: list[str] = []
    depth = 0
    for char in fragment:
        if char in "（(":
            depth += 1
        elif char in "）)" and depth:
            depth -= 1
        out.append("\x00" if char == "、" and not depth else char)
    return "".join(out)


def _split_listed(fragment: str, lexicon: UnitWords) -> list[str]:
    """``楼道小广告2处、垃圾桶破损1个`` is two items; ``电动车、自行车二十三辆`` is one;
    ``楼道小广告、单元门口电动车乱停`` is two (each names its own problem); ``A、B各1处`` gives
    each its count."""
    parts = [p for p in _outside_brackets(fragment).split("\x00") if p.strip()]
    if any(_BUILDING_ONLY.fullmatch(p) for p in parts[:-1]):
        return [fragment]  # 2座、5座门口电动车乱停: the buildings of one item
    if len(parts) < 2:
        # 两处电动车乱停和一处垃圾: two counted things joined by 和.
        joined = [p for p in _AND.split(fragment) if p.strip()]
        if len(joined) >= 2 and all(_counted(p) for p in joined):
            return joined
        return [fragment]
    if sum(1 for p in parts if _counted(p)) >= 2:
        return parts
    if all(first_amount(p) is not None for p in parts):
        return parts  # 炉灰一堆、积雪一处: each with its own amount, however loose
    if any(PROBLEM_PREDICATE.fullmatch(p.strip(" ，,。")) for p in parts[1:]):
        return [fragment]  # 宣传栏公益广告内容过期、破损: two faults of one thing
    each = _EACH.search(parts[-1])
    if each is not None:
        share = each.group("amount")
        last = parts[-1][: each.start()] + parts[-1][each.end() :]
        return [p if _counted(p) else p + share for p in [*parts[:-1], last]]
    named = _PROBLEMS_NAMED.search(parts[-1])
    if named is not None and number_value(named.group("n")) == len(parts):
        # 反馈的A、B两个问题: the list counts its own parts.
        return [*parts[:-1], parts[-1][: named.start()]]
    if any(first_amount(p) is not None for p in parts):
        # 电动车、自行车二十三辆, 塑料袋、饮料瓶若干: one count for the things listed.
        return [fragment]
    if "等" not in parts[-1] and all(_own_problem(p, lexicon) for p in parts):
        return parts
    return [fragment]  # 烟头、纸屑、塑料袋等垃圾: examples of one item


_BUILDING_ONLY = re.compile(r"\s*+\d{1,3}\s*+(?:座|号楼|栋|幢|号)\s*+")
# 各1处, 各两个: the same count for every part listed.
_EACH = re.compile(
    rf"各\s*+(?P<amount>(?:\d{{1,4}}|[一二两三四五六七八九十]{{1,3}})\s*+[{MEASURE_WORDS}])"
)


def _own_problem(part: str, lexicon: UnitWords) -> bool:
    """A listed part that is a problem by itself: it says where (楼道小广告) or what is wrong
    (乱堆杂物, 垃圾桶满溢); a bare thing (电动车、自行车乱停; 烟头、纸屑) shares the words around
    the list."""
    part = _before_outcome(part, lexicon).strip()
    first = lexicon.classifier.pattern.search(part) if lexicon.classifier.pattern else None
    if first is None:
        return False
    if PROBLEM_PREDICATE.search(part) is not None:
        return True
    # 骑楼廊下电动车、摩托车乱停: a place before a thing that is no fault by itself (an e-bike)
    # still shares the fault named after it.
    return first.start() >= 2 and first.group() not in OBJECT_WORDS


def _counted(text: str) -> bool:
    quantity = first_amount(text)
    return quantity is not None and not quantity.vague


# (单元门, 楼道灯: things, which a count after them counts.)
_WHERE_COUNTED = re.compile(
    r"\d{1,3}号楼|[一二两三四五\d]个单元|单元(?!门(?!口)|楼|灯)|楼道里?(?![灯门窗])|门口|就有|光是|仅"
)
_COUNT_WORDS = re.compile(
    r"一共|总共|拢共|全部|合计|共计|共|计|大约|大概|约莫|约|左右|差不多|估计|将近|近|有个|有|足有|至少|上下|"
    # 毛估估有七八堆, 目测有十来辆: a rough count in the writer's own words.
    r"毛估估|毛估|目测|粗略|粗估|估摸着|估摸|大致|"
    # 我们数了数大概有十几张: who counted.
    r"(?:我们|我|俺们|俺)(?=数|点了|估)|"
    # 流浪狗问题仍然存在，今天又见到2只: how many were seen this time.
    r"今天|今日|又|还|见到|看到|看见|满满当当|满满|整整|足足|"
    r"的样子|样子|吧|啊|呢|呀|数了一下|数了数|数了|数数|数起来|数起|一塌刮子|少说也有|少说|起码有|起码|"
    r"[\W_]"
)


def _thing_said_again(
    fragment: str, current: Draft | None, made_here: list[Draft], lexicon: UnitWords
) -> str:
    """The thing of the item just named without a count, said again to give it one (把布匹堆在
    门外面，布匹堆了有五六包; 板车把非机动车道堵了，板车有十来辆)."""
    if current is None or current not in made_here or current.explicit:
        return ""
    said = lexicon.classifier.words(fragment[:_THING_AGAIN_SPAN])
    if said and fragment.startswith(said[0]) and said[0] in lexicon.classifier.words(current.text):
        return said[0]
    return ""


_THING_AGAIN_SPAN = 8


def _is_bare_count(
    fragment: str, quantity: Quantity, uncounted: bool = False, thing: str = ""
) -> bool:
    """约20辆, 共两袋, and a verb before it (装了五车): how many, of the item before; also where
    (3号楼一个单元就有十来张), and the item's thing said again (布匹堆了有五六包)."""
    rest = fragment[: quantity.start] + fragment[quantity.end :]
    # The thing said again before its count (布匹堆了有五六包), not before a vague amount: 垃圾撒了
    # 一地 after 垃圾池满溢 says how the litter lies.
    if thing and not quantity.vague:
        rest = rest[len(thing) :]
    if "各" in rest:
        return False  # 3号楼、5号楼、9号楼各有一处: a count for each, not how many in all
    # 1盏（松柏路口往西约30米）: where it is, in brackets after the count.
    rest = _COUNT_WORDS.sub("", _WHERE_COUNTED.sub("", _WHERE_ASIDE.sub("", rest)).strip())
    if _IN_DISORDER.fullmatch(rest) or (
        uncounted and quantity.start <= 1 and PROBLEM_PREDICATE.fullmatch(rest)
    ):
        # 电动车贼乱，七八辆横七竖八的; 桂花落叶较多，约5处堆积: how many, and how they were.
        return True
    if (
        uncounted
        and len(rest) <= _WHERE_PUT_CHARS
        and (
            (quantity.start <= 1 and _PUT_WHERE.fullmatch(rest))
            or (quantity.end >= len(fragment.rstrip("。，, ")) and _WHERE_PUT.fullmatch(rest))
        )
    ):
        # 电动车还是蛮乱，七八辆停到人行道上; 那个小广告，电梯里面贴了五六张: how many of
        # the item just named, and where they were put.
        return True
    return len(rest) <= 1 or (len(rest) <= 3 and rest.endswith("了") and quantity.start > 0)


# 七八辆横七竖八停到人行道上: the count first, then where they were put.
_PUT_WHERE = re.compile(
    r"(?:横七竖八|乱七八糟|东倒西歪)?(?:地|的)?(?:停|摆|堆|放)(?:到|在)[\u4e00-\u9fff]{1,6}?"
    r"(?:上|里|边|那里|那边|门口|旁边)?"
)
# 电梯里面贴了五六张: where they were put, then the count.
_WHERE_PUT = re.compile(
    r"[\u4e00-\u9fff]{1,6}?(?:里面|里头|上面|门口|边上|墙上)(?:又|也)?(?:贴|停|堆|摆)了(?:有)?"
)
_WHERE_PUT_CHARS = 12
_WHERE_ASIDE = re.compile(r"[（(][^（）()，。；]{1,30}[）)]$")
_IN_DISORDER = re.compile(
    r"(?:都|全)?(?:横七竖八|乱七八糟|东倒西歪|歪七扭八|七扭八歪|乱糟糟|歪歪扭扭|七零八落)(?:地|的)?(?:停着|倒着|摆着)?"
)


_PARTITIVE = re.compile(r"中有|里有|里面有|其中|当中")


_SHOPS = frozenset("家户名")
_BETWEEN_COUNTS = re.compile(r"[，,；;。已]|收回|劝|清")
_THINGS_OF_SHOPS = frozenset("张个台辆件把顶块套")


def _new_draft(fragment: str, list_no: int | None, lexicon: UnitWords) -> Draft:
    quantities = [q for q in list(amounts(fragment))]
    real = [q for q in quantities if not q.vague]
    if len(real) >= 2 and _PARTITIVE.search(fragment, real[0].end, real[1].start):
        real = real[1:]  # 两个井盖中有一个盖子裂了: one of them
    elif (
        len(real) >= 2
        and real[0].measure in _SHOPS
        and real[1].measure in _THINGS_OF_SHOPS
        and real[1].value >= real[0].value
        and not _BETWEEN_COUNTS.search(fragment, real[0].end, real[1].start)
    ):
        real = real[1:]  # 3家外摆桌11张, 2名商贩占道摆摊，摊位3个: the things, not who put them
    times = PERSON_TIMES.search(fragment)
    measure = ""
    if real:
        count, explicit, measure = real[0].value, True, real[0].measure
    elif (
        times
        and _WRONGDOING.search(fragment, 0, times.start())
        and not _PERSUADING.search(fragment, 0, times.start())
    ):
        count, explicit = number_value(times.group("n")) or 1, True  # 闯红灯 14人次
    else:
        count, explicit = 1, False
    text = _item_text(_before_outcome(fragment, lexicon))
    category = lexicon.classifier.classify(fragment)
    if category == lexicon.classifier.fallback and _vehicles_counted(fragment):
        category = lexicon.classifier.classify("车辆乱停")
    elif (
        not _has_problem_word(fragment, lexicon)
        and _OFFENDERS.search(fragment)
        and _TOLD_OFF.search(fragment)
    ):
        # 3名学生在扶手上滑着玩，已劝阻: people doing wrong, whatever they did.
        category = lexicon.classifier.classify("随地吐痰")
    elif category == lexicon.classifier.fallback and OTHERS_PUT.search(fragment):
        # Goods put out on the pavement or bedding hung in the trees: what the unit calls it.
        hint = "晾晒" if _HUNG.search(fragment) else "占道"
        category = lexicon.classifier.classify(hint)
    return Draft(
        text=text or fragment.strip(),
        category=category,
        count=max(1, count),
        explicit=explicit,
        list_no=list_no,
        hearsay=fragment if _HEARSAY.search(fragment) else "",
        measure=measure,
        earlier=fragment if _told_earlier(fragment) else "",
    )


def _more_told_after(sentence: str, end: int, lexicon: UnitWords) -> bool:
    """Whether a sentence goes on, past the clause about an earlier problem, to name another
    thing (…路灯社区已经找人修好了通济桥下面又有人扔了两袋垃圾): today's, read clause by clause."""
    boundary = _CLAUSE_BOUNDARY.search(sentence, end)
    return boundary is not None and bool(lexicon.classifier.words(sentence[boundary.end() :]))


_CLAUSE_BOUNDARY = re.compile(r"[，,]|了")


def _told_earlier(fragment: str) -> bool:
    """上次报的莲花池桥头护栏, 井盖上次报的: the item is one told on an earlier duty (not in
    卖海鲜的占道三个劝回去了路灯上次报的还没修, a run-on where another item's outcome comes first)."""
    told = EARLIER_TOLD.search(fragment)
    # (到福顺社区看了一下上个月报的井盖, 复查了上周的飞线充电: the looking comes first.)
    return told is not None and _OUTCOME_BEFORE.search(fragment, 0, told.start()) is None


_OUTCOME_BEFORE = re.compile(r"(?<![看查])了")


# 环卫的李师傅说…, 早点店老板问我们…, 有居民反映…: what someone else said.
# (跟老板讲了: the team telling someone, not someone telling the team.)
_HEARSAY = re.compile(
    r"(?<![跟和对给向让叫找同])"
    r"(?:师傅|老板|老板娘|居民|大爷|大妈|阿姨|老太太|老大爷|老人家|住户|市民|群众|业主|店主|保安|"
    r"大爹|阿婆|阿公|老伯|阿叔|街坊|商户|大姐|大哥|大娘|大叔|大婶|老汉|老头|老奶奶|老爷爷)"
    r"(?:们|也|又|还)?(?:说|讲|问|反映|提到|投诉|告诉)"
    # …问社区能不能多装几个充电桩，说有人在楼上拉线充电, 三是说督导员有时候不在: the telling
    # goes on in a clause of its own.
    r"|^[\W_]*+(?:[一二三四五六七八九十]是)?(?:还|又|也)?(?:说|反映|提到)(?![了过好明])"
)


# Waiting words that end a problem's text (井盖松动待维修); 未 and 不 may be the problem itself
# (垃圾未清运, 遛狗不牵绳).
_WAITING = frozenset(
    ("待", "尚未", "暂未", "还没", "等待", "等着", "答应", "下午", "明天", "稍后", "回头", "❌")
)


def _before_outcome(fragment: str, lexicon: UnitWords) -> str:
    """The clause up to where it tells what became of the problem (墙上小广告十几处|撕了), and
    after the verb of a fix told first (清理了|人行道上的烟头)."""
    first = lexicon.classifier.pattern.search(fragment) if lexicon.classifier.pattern else None
    if first is None:
        return fragment
    verb_end = 0
    for token in STATUS_TOKEN.finditer(fragment, 0, first.start()):
        # ✅出店经营2处: a mark is no verb, so 出 keeps its place in the item.
        if (
            TOKEN_ROLE[token.group()] in ("fix", "result")
            and token.group() not in "✅☑✔"
            and not _put_out_of_place(fragment, token)
        ):
            verb_end = token.end()
    if verb_end:
        fragment = _AFTER_VERB.sub("", fragment[verb_end:])
        first = lexicon.classifier.pattern.search(fragment)
        if first is None:
            return fragment
    for token in STATUS_TOKEN.finditer(fragment, first.end()):
        word = token.group()
        role = TOKEN_ROLE[word]
        # A plain fix verb may belong to the problem (占道摆放广告牌); it tells an outcome
        # when it is marked done (已摆放, 撕了, 清理3处).
        done = role != "fix" or (
            word.endswith("了")
            or COUNT_JUST_BEFORE.search(fragment, max(0, token.start() - 6), token.start())
            or _DONE_MARK_BEFORE.search(fragment, max(0, token.start() - 3), token.start())
            or DONE_AFTER.match(fragment, token.end())
            or _COUNT_RIGHT_AFTER.match(fragment, token.end())
        )
        if PASSIVE.search(fragment, max(0, token.start() - 3), token.start()):
            continue  # 海报被撕了: part of the problem
        if fragment[token.start() - 1 : token.start()] in ("不", "没", "未"):
            continue  # 遛狗不牵绳: the problem itself
        if role in ("fix", "result", "request") and done:
            return fragment[: token.start()]
        if word in _WAITING or word.startswith("等"):
            return fragment[: token.start()]
    return fragment


_AFTER_VERB = re.compile(r"^(?:了|掉|完|好|起|出)?(?:一下)?")
_DONE_MARK_BEFORE = re.compile(r"已|当场|现场|都|也|均|全|给|随手|顺手")
_COUNT_RIGHT_AFTER = re.compile(r"\s?+(?:\d|[一二两三四五六七八九十几俩仨])")


_LEAD_OFF = re.compile(rf"^(?:[^\w（(]++|{MARKER})++")
_COUNT_WORDS_BEFORE = r"(?:一共|总共|合计|共计|共|计|大约|大概|约|近|有)?"


def _item_text(fragment: str) -> str:
    """The problem as written: one stretch of the clause, from its first word to its last,
    without what became of it, its count at either end, or the words that lead up to it."""
    text = STATUS_TAIL.sub("", fragment).strip()
    for _ in range(3):
        before = text
        text = _LEAD_OFF.sub("", text)
        text = ITEM_FLUFF.sub("", text)
        leading = _LEADING_COUNT.match(text)
        if leading and not names_a_thing(leading["number"]):
            text = text[leading.end() :]  # (三七摊子占道: the herb's stalls, no count)
        if text == before:
            break
    # Only the last few characters can be a trailing count or particle; looking no further
    # keeps this linear on any text.
    tail = _TRAILING.search(text[-24:])
    if tail:
        text = text[: len(text) - (len(text[-24:]) - tail.start())]
    # 占道经营（海门路口）3家: the count cut off, the bracket it followed stays closed.
    opened = max(text.rfind("（"), text.rfind("("))
    if opened > 0 and not any(mark in text[opened:] for mark in "）)"):
        at = fragment.find(text)
        after = fragment[at + len(text) : at + len(text) + 1] if at >= 0 else ""
        if after in ("）", ")"):
            text += after
    return text[:60]


_LEADING_COUNT = re.compile(
    rf"^{_COUNT_WORDS_BEFORE}(?P<number>\d{{1,6}}+|[{CN}几]{{1,4}}+)(?:余|多|来)?[{MEASURE_WORDS}](?![\u4e00-\u9fff]?[:：])"
)
_TRAILING = re.compile(
    rf"(?:[，,、\s]*+{_COUNT_WORDS_BEFORE}好?(?:\d{{1,6}}+|[{CN}百几]{{1,6}}+)\s?(?:余|多|来|左右)?\s?"
    rf"[{MEASURE_WORDS}](?:左右)?|[俩仨]|[xX×*＊]?\s?\d{{1,4}}+[{MEASURE_WORDS}]?|等|的|啦|哈|呢|[\W_]|"
    # 共享单车乱停大概 (有十五六辆…): how sure the count that follows is.
    r"大概|大约|约莫|差不多|估计|将近)++$"
)


# 南头俩也摆了: these too, after all of it was said done.
_ALSO_DONE = re.compile(r"也(?:都|已经?|给)?[\u4e00-\u9fff]{1,2}了")
_UNDONE = re.compile(r"还没|没有?|未|尚未|暂未|待|不了|不动|不能|无法|没法")
# 已劝导, 叫物业换了: the fix told is only the asking (not 劝离开了).
_ONLY_ASKED = re.compile(r"劝(?![离走回退散])|通知|联系|告知|督促|要求|责令|叫|让")
# 劝了劝，说是明天拔掉: told off, and they promised to do it later, so not done yet.
_PROMISED = re.compile(
    r"(?:说|讲|答应|表示|称|承诺)(?:是|了)?(?:会|明天|明日|下午|晚上|今晚|等下|等会|一会|"
    r"过两天|过几天|晚点|回头|马上|稍后|这周|本周|周末)"
)


# Measures of what was carried away, not of how many problems.
_LOADS = frozenset("车袋桶筐箱趟")


def apply_status(
    draft: Draft, status: Status, fragment: str, about_this: bool, adopt_count: bool = False
) -> None:
    """Record what a fragment says about an item's outcome."""
    if status.state is None:
        return
    quantity = status.quantity
    if status.state == "fixed":
        if (
            quantity is not None
            and draft.status == "fixed"
            and draft.fixed_count is None
            and (_ANOTHER_PART.match(fragment) or _ALSO_DONE.search(fragment))
        ):
            return  # 经劝导自行挪走，另外2辆我们推到了停车区: all of it was fixed already
        if (
            quantity is not None
            and draft.status == "fixed"
            and draft.fixed_count is None
            and draft.explicit
            and quantity.measure in _LOADS
        ):
            return  # 断枝落叶15处已全部清扫，共清运三车: how much was carried off, not how many
        if quantity is not None and about_this:
            # 清理角落落叶垃圾，共清运五车: an item named without a number takes the fix's.
            if not draft.explicit and quantity.value > draft.count:
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
    # 捡干净了，跟物业说了让他们贴个提示: asking for more after fixing it undoes nothing; 还没拉
    # and 待维修 do, and so does a promise after only asking (已劝导，商户表示明天整改).
    if (
        draft.status == "fixed"
        and not _UNDONE.search(fragment)
        and not (_PROMISED.search(fragment) and _ONLY_ASKED.search(draft.fix_text or ""))
        and not status.quantity
    ):
        return
    if draft.status == "fixed" and quantity is not None and quantity.value < draft.count:
        draft.fixed_count = draft.count - quantity.value
        return
    draft.status = "pending"
    draft.pending_text = fragment


def _summary(fragment: str, reading: Reading) -> bool:
    """``共发现问题8处`` and ``整改6处``: totals, used when no item is named."""
    found = SUMMARY_FOUND.search(fragment)
    if found:
        reading.summary_found = chinese_numeral(
            found.group("n") or found.group("n2") or found.group("n3") or found.group("n4")
        )
        reading.summary_text = fragment
        return True
    if reading.summary_found is not None and HANDED_TOTAL.fullmatch(fragment.strip()):
        return True  # 发现问题6个，当场整改4个，移交2个：the rest of the totals, not an outcome
    fixed = SUMMARY_FIXED.search(fragment)
    if (
        fixed
        and reading.summary_found is None
        and not reading.drafts
        and not fragment[fixed.end() :].strip(" 。，,；;")
    ):
        # 已整改问题6处（电动车乱停4处、小广告2处）: the items that follow, fixed, if they add up.
        reading.summary_fixed = chinese_numeral(fixed.group("n"))
        return True
    if fixed and reading.summary_found is not None:
        rest = fragment[fixed.end() :].strip(" 。，,；;")
        if not reading.drafts or not rest:
            # 共发现问题8处…已整改7处: which ones is settled once the items are known.
            reading.summary_fixed = chinese_numeral(fixed.group("n"))
            return not rest
    bare = _FIX_TOTAL_AFTER_ITEMS.fullmatch(fragment.strip(" 。，,；;"))
    if bare and reading.summary_found is None and reading.drafts:
        # 垃圾3袋 单车9 小广告5 整改17: more than the last item has, so all of them together.
        value = int(bare.group("n"))
        if reading.drafts[-1].count < value <= sum(d.count for d in reading.drafts):
            reading.summary_fixed = value
            return True
    if (
        reading.summary_found is not None
        and not reading.drafts
        and ALL_FIXED.match(fragment.strip(" ，,")) is not None
    ):
        reading.summary_fixed = reading.summary_found  # 共发现问题5处，均已整改：…
        return True
    return False


_KIND_HEADING = re.compile(r"(?:问题|隐患|现象)$")
_FIX_TOTAL_AFTER_ITEMS = re.compile(
    r"(?:共|共计)?(?:整改|处理|处置|解决)(?P<n>\d{1,4})(?:处|个|项)?"
    r"(?:[（(][^（）()]{0,20}[）)])?"
)
_WRONGDOING = re.compile(
    r"闯红灯|横穿|乱穿|翻越|吸烟|抽烟|吐痰|乱扔|不牵绳|没牵绳|逆行|随地|醉酒|喝醉|争吵|推搡|打架"
    # 拉客人员10余人次，当场劝离: touts stopped are people doing wrong, as are fireworks let off.
    r"|拉客|揽客|燃放|放鞭炮|乱刻|乱画"
)
_STOPPED_AFTER = re.compile(
    r"[，,\s]*+(?:已|当场|现场|均|都|均已|都已)?(?:劝离|劝阻|制止|劝走|劝返)"
)
_PERSUADING = re.compile(r"劝导|劝说|宣传|引导|教育|提醒|纠正")


def _activity(fragment: str, pending: str | None) -> tuple[Activity | None, str | None]:
    """An activity with its number, and the kind still waiting for a number (入户宣传，走访…)."""
    urged = URGED_TO_DO_RIGHT.match(fragment)
    if urged:
        count = number_value(urged.group("n"))
        if count:
            return Activity("劝导", count, "人次"), None
    times = PERSON_TIMES.search(fragment)
    if (
        times
        and _WRONGDOING.search(fragment, 0, times.start())
        and not _PERSUADING.search(fragment, 0, times.start())
        and _STOPPED_AFTER.match(fragment, times.end())
    ):
        return None, pending  # 拉客人员3人次劝离: so many doing wrong, then stopped
    # The first kind whose words and count are both here (发放健康教育资料40份 is not 劝导 for its
    # 教育); else the first kind named, to wait for its count.
    waiting = None
    for kind, trigger, measures in ACTIVITY_RULES:
        if not trigger.search(fragment):
            continue
        visits = kind == "入户宣传" and not _VISITING.search(fragment)
        for match in ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                # 走访居民25户, not 一户居民在楼道里晾晒被褥 (a household doing something).
                if visits and match.start() < trigger.search(fragment).start():
                    continue
                count = number_value(match.group("n"))
                if count:
                    return Activity(kind, count, ACTIVITY_UNITS[kind]), None
        if waiting is None and (kind != "入户宣传" or re.search(VISIT_HOME, fragment)):
            waiting = kind
    if waiting is not None:
        return None, waiting
    if pending is not None:
        measures = next(m for k, _t, m in ACTIVITY_RULES if k == pending)
        for match in ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                count = number_value(match.group("n"))
                if count:
                    return Activity(pending, count, ACTIVITY_UNITS[pending]), None
    # 人次 with no other word is someone persuaded.
    match = PERSON_TIMES.search(fragment)
    if (
        match
        and not PROBLEM_PREDICATE.search(fragment[: match.start()])
        # 闯红灯 14人次: so many people doing wrong, not persuaded ones (劝导闯红灯行人 are).
        and not (
            _WRONGDOING.search(fragment, 0, match.start())
            and not _PERSUADING.search(fragment, 0, match.start())
        )
    ):
        count = number_value(match.group("n"))
        if count:
            return Activity("劝导", count, "人次"), None
    return None, pending
