"""Finding the item a clause speaks about: by list number, or by the object it names."""

from __future__ import annotations

import re
from functools import lru_cache

from .items import Draft
from .lexicon import STATUS_TOKEN
from .unitwords import UnitWords


def matching_draft(fragment: str, drafts: list[Draft], lexicon: UnitWords) -> Draft | None:
    """The already named item a fixing fragment speaks about, if any."""
    if not drafts:
        return None
    category = lexicon.classifier.classify(fragment)
    grams = bigrams(fragment)
    best: Draft | None = None
    best_score = 0.0
    for draft in drafts:
        shared = len(grams & bigrams(draft.text))
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
def bigrams(text: str) -> frozenset[str]:
    core = STATUS_TOKEN.sub(" ", text)
    core = _NOT_CONTENT.sub(" ", core)
    grams = set()
    for chunk in core.split():
        grams.update(chunk[i : i + 2] for i in range(len(chunk) - 1))
    return frozenset(grams)


def draft_numbered(drafts: list[Draft], number: int) -> Draft | None:
    for draft in drafts:
        if draft.list_no == number:
            return draft
    if not any(d.list_no for d in drafts) and 1 <= number <= len(drafts):
        return drafts[number - 1]
    return None
