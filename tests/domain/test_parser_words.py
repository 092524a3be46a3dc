"""Item texts are the problem as written: one stretch of the message that starts and ends on
word boundaries (共享单车, never 享单车), with no outcome words in it. jieba, a word segmenter
made for Chinese, is the reference for where words end; the unit's names, sites, category
keywords and the parser's outcome words are added to its dictionary as a person would know them.
"""

from __future__ import annotations

import json
from datetime import datetime
from functools import lru_cache

import pytest

from dutybot.quantity import find_quantities
from dutybot.report_parser import parse_message
from dutybot.reports.lexicon import TOKEN_ROLE
from dutybot.reports.message import prepared_text
from dutybot.unit import Unit, load_unit

from .support import CORPUS

jieba = pytest.importorskip("jieba")

UNIT_FILES: dict[str, dict[str, str]] = json.loads((CORPUS / "units.json").read_text("utf-8"))
# Words that tell what became of a problem; none belongs in its text.
OUTCOME_WORDS = ("已", "当场", "待维修", "通知", "上报", "报给", "联系", "劝离", "清理了")


@lru_cache(maxsize=8)
def unit(name: str) -> Unit:
    return load_unit(CORPUS / name)


@lru_cache(maxsize=8)
def segmenter(name: str):
    jieba.setLogLevel(60)
    tokenizer = jieba.Tokenizer()
    known = unit(name)
    words = {member.name for member in known.staff}
    for site in known.sites:
        words.update(site.aliases)
    for category in known.categories:
        words.update(category.keywords)
    words.update(TOKEN_ROLE)
    for word in words:
        tokenizer.add_word(word, 100_000)
    return tokenizer


def word_edges(text: str, unit_file: str) -> set[int]:
    edges = {0, len(text)}
    for _word, start, end in segmenter(unit_file).tokenize(text, HMM=False):
        edges.update((start, end))
    # A count ends where its measure word does (2家门口…: jieba reads 家门口, but 2家 is the
    # count and 门口 starts the words after it).
    edges.update(quantity.end for quantity in find_quantities(text))
    return edges


def corpus_items():
    for corpus, files in sorted(UNIT_FILES.items()):
        for line in (CORPUS / corpus).read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                yield corpus, files[row["unit"]], row


def test_item_texts_start_and_end_on_word_boundaries():
    wrong = []
    checked = 0
    for corpus, unit_file, row in corpus_items():
        text = prepared_text(row["text"], unit(unit_file))
        edges = word_edges(text, unit_file)
        sent_at = datetime.fromisoformat(row["sent_at"])
        for report in parse_message(row["text"], sent_at, unit(unit_file)):
            for problem in report.problems:
                checked += 1
                places = [i for i in range(len(text)) if text.startswith(problem.text, i)]
                if not any(i in edges and i + len(problem.text) in edges for i in places):
                    wrong.append((corpus, row["id"], problem.text))
    assert checked > 500
    assert wrong == [], "\n".join(map(str, wrong))


def test_item_texts_hold_no_outcome_words():
    wrong = []
    for corpus, unit_file, row in corpus_items():
        sent_at = datetime.fromisoformat(row["sent_at"])
        for report in parse_message(row["text"], sent_at, unit(unit_file)):
            for item in report.found:
                if any(word in item.text for word in OUTCOME_WORDS):
                    wrong.append((corpus, row["id"], item.text))
    assert wrong == [], "\n".join(map(str, wrong))


@pytest.mark.parametrize(
    ("message", "text"),
    [
        ("玄帝庙街值班：发现共享单车乱停14辆、已摆放整齐", "共享单车乱停"),
        ("玄帝庙街值班：共青团路口小广告3处，已清除", "共青团路口小广告"),
        ("玄帝庙街值班：宣传栏破损1处待社区维修", "宣传栏破损"),
        ("玄帝庙街值班：有害垃圾箱满溢1处，已清运", "有害垃圾箱满溢"),
    ],
)
def test_item_text_examples(message, text):
    [report] = parse_message(
        message, datetime.fromisoformat("2026-11-25T09:30:00+08:00"), unit("unit-a.toml")
    )
    assert [item.text for item in report.found] == [text]
