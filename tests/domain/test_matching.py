"""Matching a told problem to the ledger: the same problem in other words is found, a different
one with the same words is not."""

from datetime import date

from dutybot.matching import (
    Candidate,
    Telling,
    lexicon_for,
    lexicon_from,
    likeness,
    match_tellings,
    wording_similarity,
)
from dutybot.unit import load_unit, parse_unit

from .support import CORPUS

DAY = date(2026, 11, 20)
LEXICON = lexicon_for(load_unit(CORPUS / "unit-a.toml"))


def known(key, category, text, quantity=1, found_on=DAY, unresolved=True):
    return Candidate(key, category, text, quantity, found_on, unresolved)


def test_shared_bikes_single_bikes_and_e_bikes_are_one_kind_of_thing():
    candidates = [known(4, "市容秩序", "共享单车乱停放", 5)]
    for text in ("电动车乱停8辆", "单车摆放不整齐", "非机动车占道"):
        assert match_tellings([Telling("市容秩序", text, 8)], candidates, DAY, LEXICON) == [
            candidates[0]
        ], text


def test_a_manhole_cover_is_not_a_street_lamp():
    candidates = [known(7, "基础设施", "路灯不亮")]
    assert match_tellings([Telling("基础设施", "井盖松动")], candidates, DAY, LEXICON) == [None]


def test_the_category_must_agree():
    # An e-bike on the tactile paving (市容秩序) is not a broken paving slab (基础设施).
    candidates = [known(3, "基础设施", "盲道砖破损", 2)]
    told = Telling("市容秩序", "电动车占用盲道", 2)
    assert match_tellings([told], candidates, DAY, LEXICON) == [None]


def test_passing_problems_found_again_on_another_day_are_new():
    yesterday = date(2026, 11, 19)
    candidates = [
        known(1, "市容秩序", "电动车乱停放", 5, found_on=yesterday),
        known(2, "环境卫生", "绿化带垃圾", 1, found_on=yesterday),
    ]
    tellings = [Telling("市容秩序", "电动车乱停放", 5), Telling("环境卫生", "绿化带内垃圾")]
    assert match_tellings(tellings, candidates, DAY, LEXICON) == [None, None]


def test_a_lasting_problem_still_open_from_before_is_the_same_problem():
    last_week = date(2026, 11, 13)
    manhole = known(9, "基础设施", "车站西路口井盖松动", found_on=last_week)
    assert match_tellings([Telling("基础设施", "井盖松动")], [manhole], DAY, LEXICON) == [manhole]


def test_a_lasting_problem_already_resolved_is_not_matched_on_a_later_day():
    last_week = date(2026, 11, 13)
    manhole = known(9, "基础设施", "井盖松动", found_on=last_week, unresolved=False)
    assert match_tellings([Telling("基础设施", "井盖松动")], [manhole], DAY, LEXICON) == [None]


def test_a_later_problem_never_matches_an_earlier_day():
    tomorrow = known(9, "基础设施", "井盖松动", found_on=date(2026, 11, 21))
    assert match_tellings([Telling("基础设施", "井盖松动")], [tomorrow], DAY, LEXICON) == [None]


def test_each_problem_takes_one_telling_and_the_closer_count_wins():
    five = known("five", "市容秩序", "电动车乱停放", 5)
    twenty = known("twenty", "市容秩序", "共享单车乱停放", 20)
    tellings = [Telling("市容秩序", "单车乱停", 19), Telling("市容秩序", "电动车乱停", 6)]
    assert match_tellings(tellings, [five, twenty], DAY, LEXICON) == [twenty, five]


def test_a_third_telling_of_two_known_problems_is_new():
    candidates = [known(1, "市容秩序", "电动车乱停放", 5)]
    tellings = [Telling("市容秩序", "电动车乱停放", 5), Telling("市容秩序", "电动车占用盲道", 2)]
    assert match_tellings(tellings, candidates, DAY, LEXICON) == [candidates[0], None]


def test_without_object_words_the_wording_decides():
    candidates = [known(1, "宣传氛围", "公益宣传内容陈旧")]
    assert (
        match_tellings([Telling("宣传氛围", "公益宣传内容陈旧需更新")], candidates, DAY, LEXICON)[0]
        == (candidates[0])
    )
    assert match_tellings(
        [Telling("其他", "噪音扰民")], [known(2, "其他", "流浪猫")], DAY, LEXICON
    ) == [None]


def test_wording_similarity():
    assert wording_similarity("电动车乱停放", "电动车乱停放") == 1.0
    assert wording_similarity("井盖松动", "路灯不亮") == 0.0
    assert 0 < wording_similarity("人行道地砖破损", "地砖破损") < 1


def test_likeness_prefers_the_same_day():
    lasting = known(1, "基础设施", "井盖松动", found_on=date(2026, 11, 13))
    today = known(2, "基础设施", "井盖松动")
    told = Telling("基础设施", "井盖松动")
    assert likeness(told, today, DAY, LEXICON) > likeness(told, lasting, DAY, LEXICON)
    assert match_tellings([told], [lasting, today], DAY, LEXICON) == [today]


def test_a_unit_file_adds_its_own_object_words():
    data = {
        "unit": {"name": "测试办", "groups": [700000009]},
        "sites": [{"name": "某路", "kind": "路段"}],
        "staff": [{"name": "张三", "department": "办公室"}],
        "objects": {"非机动车": ["小电驴", "电动车"], "快递柜": ["快递柜", "丰巢"]},
    }
    unit = parse_unit(data)
    lexicon = lexicon_for(unit)
    assert lexicon.objects("小电驴乱停") == {"非机动车"}
    assert lexicon.objects("丰巢柜门坏了") == {"快递柜"}
    # Replaced, not merged: the unit's own words for the group are the only ones.
    assert lexicon.objects("共享单车") == frozenset()


def test_longest_word_wins():
    lexicon = lexicon_from({"垃圾": ("垃圾",), "垃圾桶": ("垃圾桶",)}, ())
    assert lexicon.objects("垃圾桶满溢") == {"垃圾桶"}
    assert lexicon.objects("垃圾桶旁有垃圾") == {"垃圾桶", "垃圾"}
