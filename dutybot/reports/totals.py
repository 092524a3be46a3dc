"""Turning the items read into found and resolved lists, problems and totals."""

from __future__ import annotations

import re
from collections.abc import Callable

from .items import Draft, Reading, fix_in_order
from .linking import bigrams
from .model import Item, ReportedProblem


def finish(
    reading: Reading,
    classify: Callable[[str], str] | None = None,
    *,
    totals_are_own: bool = True,
) -> None:
    # What someone only told the team, and the team neither fixed nor passed on, is hearsay;
    # so is what residents told under 居民反映：, unless the team saw it or fixed it.
    reading.drafts = [d for d in reading.drafts if not d.only_heard and not d.told_unseen]
    # An earlier duty's problem, and how it stands now, is no problem of today's; the message is
    # still a report of the day's duty (上次那只流浪狗已经不在了).
    todays = [d for d in reading.drafts if not d.not_today]
    if len(todays) < len(reading.drafts):
        reading.no_problem = reading.no_problem or not todays
    reading.drafts = todays
    if reading.drafts and reading.summary_fixed:
        _fixed_but_not_listed(reading, classify)
    if totals_are_own:
        _rest_of_the_total(reading, classify)
    if reading.drafts and reading.summary_fixed:
        _fixed_by_total(reading.drafts, reading.summary_fixed)
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
        # Only totals were given: one item, of the kind the total names if it names one
        # (检查发现消防隐患6处), else 其他.
        fallback = "其他"
        if classify is not None and reading.summary_text:
            fallback = classify(reading.summary_text)
        what = "隐患" if "隐患" in reading.summary_text else "问题"
        reading.found.append(Item(fallback, what, reading.summary_found))
        fixed = min(reading.summary_fixed or 0, reading.summary_found)
        if fixed:
            reading.resolved.append(Item(fallback, "已整改", fixed))
        reading.problems.append(
            ReportedProblem(fallback, what, reading.summary_found, fixed, "已整改" if fixed else "")
        )
    elif reading.drafts and reading.summary_found:
        total = sum(d.count for d in reading.drafts)
        if reading.summary_found not in (total, len(reading.drafts)):
            reading.notes.append(
                f"问题合计{reading.summary_found}处与明细{total}处不一致，按明细记"
            )


# A total that is not today's own: the month's or the year's, or one quoted from someone else.
_NOT_TODAYS_TOTAL = re.compile(r"累计|本月|本周|全年|今年|年度|以来|至今|\d{4}年")


def _rest_of_the_total(reading: Reading, classify: Callable[[str], str] | None) -> None:
    """总共发现8个问题：电动车乱停5辆，路灯1盏不亮 (and items told in words the reading did not
    take): the total the writer stated is the figure; what the items do not make up is one more
    item, so the month's figures hold what the report says."""
    listed = sum(d.count for d in reading.drafts)
    found = reading.summary_found
    if (
        not reading.drafts
        or found is None
        or found <= listed
        or _NOT_TODAYS_TOTAL.search(reading.summary_text)
    ):
        return
    category = classify(reading.summary_text) if classify and reading.summary_text else "其他"
    if category == "其他":
        # The rest is most likely more of what the items are (其余14处均为乱停电动车).
        weight: dict[str, int] = {}
        for draft in reading.drafts:
            weight[draft.category] = weight.get(draft.category, 0) + draft.count
        category = max(weight, key=lambda c: weight[c])
    reading.drafts.append(
        Draft(
            text="其余问题（合计有、明细未列）",
            category=category,
            count=found - listed,
            explicit=True,
            list_no=None,
        )
    )
    reading.notes.append(f"问题合计{found}处，明细只列了{listed}处，其余{found - listed}处按合计记")


def _fixed_but_not_listed(reading: Reading, classify: Callable[[str], str] | None) -> None:
    """发现问题6个，当场整改4个，移交2个：1.… 2.…: only what was handed over is listed; the
    ones fixed on the spot are an item of their own, of the kind the total names if any."""
    listed = sum(d.count for d in reading.drafts)
    found, fixed = reading.summary_found, reading.summary_fixed
    if (
        found is None
        or fixed is None
        or any(d.resolved for d in reading.drafts)
        or found - listed != fixed
    ):
        return
    category = classify(reading.summary_text) if classify and reading.summary_text else "其他"
    reading.drafts.append(
        Draft(
            text="当场整改的问题",
            category=category,
            count=fixed,
            explicit=True,
            list_no=None,
            status="fixed",
            fix_text="当场整改",
        )
    )


def _fixed_by_total(drafts: list[Draft], fixed: int) -> None:
    """共发现问题8处，其中…。已整改7处，地砖松动已报市政: a fixed total that the items not
    told otherwise make up exactly fixes them; a smaller one fixes that many of them in the order
    told (the report does not say which; the figures need only how many)."""
    told = sum(d.resolved for d in drafts)
    open_drafts = [d for d in drafts if d.status is None]
    if open_drafts and told < fixed <= told + sum(d.count for d in open_drafts):
        fix_in_order(open_drafts, fixed - told)


def _resolution_text(draft: Draft) -> str:
    fix = draft.fix_text.strip(" ，,。；;")
    if not fix:
        return f"{draft.text}（已整改）"
    if bigrams(fix) & bigrams(draft.text):
        return fix[:60]
    return f"{draft.text}，{fix}"[:60]
