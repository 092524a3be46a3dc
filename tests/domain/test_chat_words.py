"""Reading ordinary slips: a mistyped site, the leave reason before the days, /报到 撤销."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dutybot.checkin import read_undo_args
from dutybot.roster_args import looks_like_reason, read_roster_args, reason_first
from dutybot.suggest import closest_site
from dutybot.unit import Site, Unit, load_unit, parse_unit

UNIT = load_unit(Path(__file__).resolve().parent.parent / "data" / "unit.toml")
TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("word", "site"),
    [
        ("玄地庙街", "玄帝庙街路西"),
        ("玄帝庙", "玄帝庙街路西"),
        ("16格", "市16网格"),
        ("市十六网格", "市16网格"),
        ("火星", None),
        ("张三", None),
        ("王", None),
    ],
)
def test_closest_site(word, site):
    found = closest_site(word, UNIT)
    assert (found.label if found else None) == site


def test_closest_site_of_the_issue():
    unit = _unit_with_sites("仙营社区", "玄帝庙街")
    found = closest_site("仙营社", unit)
    assert found is not None and found.name == "仙营社区"
    assert closest_site("先营社区", unit) == found


def test_a_tie_between_two_sites_suggests_neither():
    unit = _unit_with_sites("东一网格", "东二网格")
    assert closest_site("东三网格", unit) is None


def _unit_with_sites(*names: str) -> Unit:
    base = UNIT
    return parse_unit(
        {
            "unit": {"name": base.name, "groups": [700000009], "coordinators": [10001]},
            "sites": [{"name": n, "kind": "网格"} for n in names],
            "staff": [{"name": "王晓明", "department": "秘书科"}],
        }
    )


@pytest.mark.parametrize(
    ("text", "names", "days", "reason"),
    [
        ("病假 12-05", [], [date(2026, 12, 5)], "病假"),
        ("临时有事 12-05 12-07", [], [date(2026, 12, 5), date(2026, 12, 7)], "临时有事"),
        ("病假 李娜 12-05", ["李娜"], [date(2026, 12, 5)], "病假"),
    ],
)
def test_reason_first(text, names, days, reason):
    flipped = reason_first(read_roster_args(text, UNIT, TODAY), UNIT, TODAY)
    assert flipped is not None
    assert (flipped.names, flipped.days, flipped.rest) == (names, days, reason)


@pytest.mark.parametrize("text", ["12-05 病假", "张三 12-05 病假", "病假", ""])
def test_not_reason_first(text):
    assert reason_first(read_roster_args(text, UNIT, TODAY), UNIT, TODAY) is None


def test_looks_like_reason():
    assert looks_like_reason("病假") and looks_like_reason("回老家") and looks_like_reason("出差")
    assert not looks_like_reason("张三")


def test_read_undo_args():
    assert read_undo_args("玄帝庙街", UNIT, TODAY) is None
    undo = read_undo_args("撤销 李娜 凤凰城 11-27", UNIT, TODAY)
    assert undo is not None
    assert isinstance(undo.site, Site) and undo.site.label == "市16网格"
    assert (undo.names, undo.day, undo.unknown) == (["李娜"], date(2026, 11, 27), [])
    assert read_undo_args("撤销 火星", UNIT, TODAY).unknown == ["火星"]


def test_fix_words_are_the_report_parsers():
    from dutybot.fix_words import FIX_VERBS
    from dutybot.reports import lexicon

    assert set(FIX_VERBS) == {*lexicon._RESULT_VERBS, *lexicon._FIX_VERBS}


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("流动摊贩2处，已劝离", True),
        ("电动车乱停放5处已摆放整齐。", True),
        ("小广告已清除", True),
        ("乱堆杂物 已经清走了", True),
        ("现场整改", True),
        ("垃圾3处需现场处理", False),
        ("垃圾已清理一半", False),
        ("井盖松动已报修", False),
        ("已通知物业", False),
        ("未清理", False),
    ],
)
def test_ends_fixed(text, fixed):
    from dutybot.fix_words import ends_fixed

    assert ends_fixed(text) is fixed


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("已清理，车都挪走了", "已清理"),
        ("已拆除完毕", "已拆除完毕"),
        ("当场清理了", "当场清理了"),
        ("已解决", "已解决"),
        ("已通知城管", None),
        ("已阅", None),
        ("好的已处理", None),
    ],
)
def test_fix_word_at_start(text, word):
    from dutybot.fix_words import fix_word_at_start

    assert fix_word_at_start(text) == word
