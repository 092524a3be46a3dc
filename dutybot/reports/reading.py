"""Reading one site's text, sentence by sentence and clause by clause, into items (problems
found and what became of them) and activities."""

from __future__ import annotations

import re

from ..quantity import Quantity, chinese_numeral, find_quantities, find_quantity
from .clauses import (
    LABEL,
    LABEL_KIND,
    LEADING_MARKER,
    SENTENCE_END,
    Kind,
    fragments,
    index_refs,
    marker_number,
)
from .items import Draft, Reading
from .lexicon import (
    ACTIVITY_COUNT,
    ACTIVITY_MENTION,
    ACTIVITY_RULES,
    ALL_FIXED,
    CARRIED_OVER,
    CONSEQUENCE,
    ITEM_FLUFF,
    NEGATED_START,
    NO_PROBLEM,
    NOT_COUNTED,
    OBJECT_WORDS,
    PERSON_TIMES,
    PLAN_START,
    POSITIVE,
    PROBLEM_PREDICATE,
    PUBLICITY_WORK,
    REMAINDER,
    REST,
    SCOPE,
    SUMMARY_FIXED,
    SUMMARY_FOUND,
)
from .linking import draft_numbered, matching_draft
from .model import ACTIVITY_UNITS, Activity
from .staff import find_staff
from .status import STATUS_OPENING, STATUS_TAIL, Status, read_status
from .totals import finish
from .unitwords import UnitWords

# ---------------------------------------------------------------------------------------------
# One site's text


def read_section(body: str, lexicon: UnitWords) -> Reading:
    reading = Reading()
    reading.staff, reading.unlisted, staff_labelled = find_staff(body, lexicon)
    reading.no_problem = bool(NO_PROBLEM.search(body))
    kind = Kind.NEUTRAL
    found_seen = False
    for sentence in _sentences(body):
        label = LABEL.match(sentence)
        if label:
            kind_here = LABEL_KIND[label.group("label")]
            if kind_here in (Kind.FOUND, Kind.FIX):
                reading.strong = True
            sentence = sentence[label.end() :]
            if kind_here in (Kind.STAFF, Kind.DATE, Kind.SITE):
                continue
            kind = kind_here
            if not sentence.strip():
                continue
        if (
            kind in (Kind.PLAN, Kind.CARRIED)
            or NOT_COUNTED.search(sentence)
            or CARRIED_OVER.search(sentence)
            or PLAN_START.match(sentence.strip())
        ):
            continue
        if kind == Kind.FOUND:
            found_seen = True
        _read_sentence(sentence, kind, found_seen, reading, lexicon)
    if staff_labelled:
        reading.strong = True
    finish(reading)
    return reading


def _sentences(body: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(body) if s.strip()]


def _read_sentence(
    sentence: str, kind: Kind, found_seen: bool, reading: Reading, lexicon: UnitWords
) -> None:
    list_no: int | None = None
    targets: list[Draft] = []  # items a 整改 line refers to by number (1、3当场整改)
    if kind in (Kind.FIX, Kind.EFFECT):
        refs = index_refs(sentence)
        if refs:
            targets = [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d]
            if targets:
                sentence = refs[1]
    else:
        marker = LEADING_MARKER.match(sentence)
        if marker:
            list_no = marker_number(marker.group("marker"))
            sentence = sentence[marker.end() :]
    current: Draft | None = targets[0] if len(targets) == 1 else None
    pending_activity: str | None = None
    for raw in fragments(sentence):
        fragment = raw.strip()
        if not fragment:
            continue
        activity, pending_activity = _activity(fragment, pending_activity)
        if activity is not None:
            reading.activities.append(activity)
            continue
        if (
            ACTIVITY_MENTION.search(fragment) and not _has_problem_word(fragment, lexicon)
        ) or PUBLICITY_WORK.match(fragment):
            reading.activity_mentioned = True
            continue
        if _summary(fragment, reading):
            continue
        if current is not None and CONSEQUENCE.match(fragment):
            continue  # 存在安全隐患: says why the item matters, not a new one
        if kind in (Kind.FIX, Kind.EFFECT):
            refs = index_refs(fragment)  # 1、2当场整改到位，3已报区城管局
            numbered = (
                [d for d in (draft_numbered(reading.drafts, n) for n in refs[0]) if d]
                if refs
                else []
            )
            if numbered and refs:
                targets = numbered
                fragment = refs[1]
                current = numbered[0] if len(numbered) == 1 else None
        if len(targets) > 1:
            status = read_status(fragment)
            for target in targets:
                apply_status(target, status, fragment, False)
            continue

        status = read_status(fragment)
        if status.state and current is not None and STATUS_OPENING.match(fragment):
            apply_status(current, status, fragment, True)
            continue
        if status.state and REST.match(fragment):
            # 其余2处已报社区: the items no fragment has spoken for yet.
            for draft in reading.drafts:
                if draft.status is None and draft is not current:
                    apply_status(draft, status, fragment, False)
            continue
        if _is_problem(fragment, kind, status, lexicon):
            target = _target_of(fragment, kind, status, current, reading, lexicon)
            if target is not None:
                apply_status(target, status, fragment, True, adopt_count=True)
                current = target
                continue
            if kind == Kind.EFFECT and found_seen:
                continue  # 工作成效 restates what the list already counted
            parts = _split_listed(fragment)
            for part in parts:
                current = _new_draft(part, list_no, lexicon)
                reading.drafts.append(current)
                # 清理楼道杂物4处、小广告15张 and 电动车3处、小广告1处均已整改: the verb
                # at either end speaks for every part.
                own = read_status(part)
                apply_status(
                    current, own if own.state or len(parts) == 1 else status, part, len(parts) == 1
                )
            continue

        if status.state is None:
            remainder = REMAINDER.match(fragment)
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
        if current is None and ALL_FIXED.search(fragment):
            for draft in reading.drafts:
                draft.status, draft.fixed_count = "fixed", None
                draft.fix_text = draft.fix_text or fragment
            continue
        if current is None and reading.drafts:
            if kind in (Kind.FIX, Kind.EFFECT):
                open_drafts = [d for d in reading.drafts if d.status != "fixed"]
                if len(open_drafts) == 1:
                    current = open_drafts[0]
            elif reading.drafts[-1].status is None:
                current = reading.drafts[-1]
        if current is not None:
            apply_status(current, status, fragment, True)


def _target_of(
    fragment: str,
    kind: Kind,
    status: Status,
    current: Draft | None,
    reading: Reading,
    lexicon: UnitWords,
) -> Draft | None:
    """The item a problem-naming fragment is about, when it is not a new one."""
    if kind in (Kind.FIX, Kind.EFFECT):
        return matching_draft(fragment, reading.drafts, lexicon)
    if status.state and not status.starts_with_action:
        # 电动车已摆放整齐: the fate of something already named (or a new item, fixed).
        return matching_draft(fragment, reading.drafts, lexicon)
    if status.state == "fixed" and current is not None and current.status is None:
        # 路上落叶多，大家一起清扫了人行道落叶: one item, now fixed.
        return matching_draft(fragment, [current], lexicon)
    return None


def _has_problem_word(text: str, lexicon: UnitWords) -> bool:
    return any(w not in OBJECT_WORDS for w in lexicon.classifier.words(text))


def _is_problem(fragment: str, kind: Kind, status: Status, lexicon: UnitWords) -> bool:
    if NEGATED_START.match(fragment) or (SCOPE.search(fragment) and not find_quantity(fragment)):
        return False
    words = lexicon.classifier.words(fragment)
    if not words:
        # Under 发现问题, a counted thing is a problem even without a keyword (as 其他).
        return kind == Kind.FOUND and _counted(fragment) and not POSITIVE.search(fragment)
    quantity = find_quantity(fragment)
    predicate = PROBLEM_PREDICATE.search(fragment)
    problem_word = any(w not in OBJECT_WORDS for w in words)
    if POSITIVE.search(fragment) and not (predicate or quantity or status.state):
        return False
    if kind == Kind.FOUND:
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


def _new_draft(fragment: str, list_no: int | None, lexicon: UnitWords) -> Draft:
    quantities = [q for q in find_quantities(fragment)]
    real = [q for q in quantities if not q.vague]
    if real:
        count, explicit = real[0].value, True
    else:
        count, explicit = 1, False
    text = _item_text(fragment, quantities)
    category = lexicon.classifier.classify(fragment)
    return Draft(
        text=text or fragment.strip(),
        category=category,
        count=max(1, count),
        explicit=explicit,
        list_no=list_no,
    )


def _item_text(fragment: str, quantities: list[Quantity]) -> str:
    text = fragment
    for quantity in sorted(quantities, key=lambda q: q.start, reverse=True):
        text = text[: quantity.start] + text[quantity.end :]
    text = STATUS_TAIL.sub("", text)
    text = re.sub(r"^(?:共|约|计)+|(?:共|约|计|的|了|等)+$", "", ITEM_FLUFF.sub("", text).strip())
    return text.strip(" 　、,，.。：:;；-—")[:60]


def apply_status(
    draft: Draft, status: Status, fragment: str, about_this: bool, adopt_count: bool = False
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


def _summary(fragment: str, reading: Reading) -> bool:
    """``共发现问题8处`` and ``整改6处``: totals, used when no item is named."""
    found = SUMMARY_FOUND.search(fragment)
    if found:
        reading.summary_found = chinese_numeral(found.group("n"))
        return True
    fixed = SUMMARY_FIXED.search(fragment)
    if fixed and reading.summary_found is not None and not reading.drafts:
        reading.summary_fixed = chinese_numeral(fixed.group("n"))
        return True
    return False


def _activity(fragment: str, pending: str | None) -> tuple[Activity | None, str | None]:
    """An activity with its number, and the kind still waiting for a number (入户宣传，走访…)."""
    for kind, trigger, measures in ACTIVITY_RULES:
        if not trigger.search(fragment):
            continue
        for match in ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                count = chinese_numeral(match.group("n"))
                if count:
                    return Activity(kind, count, ACTIVITY_UNITS[kind]), None
        if kind != "入户宣传" or "入户" in fragment:
            return None, kind
    if pending is not None:
        measures = next(m for k, _t, m in ACTIVITY_RULES if k == pending)
        for match in ACTIVITY_COUNT.finditer(fragment):
            if re.fullmatch(measures, match.group("unit")):
                count = chinese_numeral(match.group("n"))
                if count:
                    return Activity(pending, count, ACTIVITY_UNITS[pending]), None
    # 人次 with no other word is someone persuaded.
    match = PERSON_TIMES.search(fragment)
    if match and not PROBLEM_PREDICATE.search(fragment[: match.start()]):
        count = chinese_numeral(match.group("n"))
        if count:
            return Activity("劝导", count, "人次"), None
    return None, pending
