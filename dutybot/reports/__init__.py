"""Reading free-text daily duty reports (值班日报) posted in the group. The contract is REPORTS.md
(tests/corpus/REPORTS.md).

``parse_message`` runs on every group message: cheap on chat (one regex search decides most of
it), never raising, and linear on any input (at most MAX_ANALYSED_CHARS characters, MAX_CLAUSES
clauses and MAX_ITEMS items per site are read). The stages, one module each:

- ``clean``: CQ codes out, full-width to half-width, the input method's slips put right
  (值斑 → 值班, 以清理 → 已清理), repeated sentences and paragraphs read once;
- ``message``: the gate that drops chat, notices and questions, then the stages below;
- ``sites``: which configured site (as spelled, with a character left out, or as it sounds:
  ``homophones``, from pypinyin's table), the site meant (a slip gives way to its correction, a
  site named only to be denied is left out), and splitting a message where each site opens a
  clause, by site headings, or by blocks parted with dash or blank lines (a part that names no
  team takes the team the message names);
- ``dates``: the duty date, read against the send time (each site's part may state its own);
- ``staff``: names where they stand as names (a list, a staff label, an on-duty word), unlisted
  names in those places only, surname + title, and the people said to be absent;
- ``clauses``: sentences, list markers, section labels (发现问题：, 整改情况：) and clauses, cut
  also inside run-on text (voice input, spaces for punctuation) at connectives, before an
  outcome and after a problem's count;
- ``lexicon`` and ``amounts``: the words (things, problem predicates, fix and result verbs,
  requests that hand a problem over, pending words, activities) and the counts of problems (not
  of the people on duty);
- ``status``: what a clause says became of a problem: fixed, pending or nothing;
- ``reading`` and ``linking``: clause by clause, a problem opens an item, a count or an outcome
  goes to the item it speaks of, found by list number, by the thing it names, or as the one just
  named; ``totals`` turns the items into found, resolved, problems and totals.

Word segmentation (jieba), measured on the 334 corpus messages when this shape was chosen:
the hand-written clause cuts fall inside a jieba word at 0 of 6,510 clause edges (the one slip
the measurement found, 自己 read as 自已, is fixed), and none of the first-sight failures of
batches e1, c1, d1 and e2 was a segmentation error (they were words for outcomes, what counts,
and where names stand). jieba would add a 1.8 s dictionary load and about 200 MB to the bot,
0.18 ms per message to tokenize and 2.1 ms with part-of-speech tags, against 0.39 ms for a
whole parse today. So the parser does not use it; the tests do, as the reference for word
boundaries (tests/domain/test_parser_words.py: no item text starts or ends inside a word).
"""

from __future__ import annotations

import logging
from datetime import datetime

from ..unit import Unit
from .dates import resolve_date
from .message import parse
from .model import MAX_ANALYSED_CHARS, Activity, Item, ParsedReport, ReportedProblem

__all__ = [
    "MAX_ANALYSED_CHARS",
    "Activity",
    "Item",
    "ParsedReport",
    "ReportedProblem",
    "parse",
    "parse_message",
    "resolve_date",
]

log = logging.getLogger(__name__)


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
        return parse(text, sent_at, unit, assume_report)
    except Exception:  # a parser bug must never take the bot's message handling down
        log.exception(
            "report parser failed on a message of %d characters",
            len(text) if isinstance(text, str) else -1,
        )
        return []
