"""The ledger's rules without NoneBot: transitions, deadlines, command arguments."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dutybot.errors import (
    AlreadyResolved,
    AlreadyWithdrawn,
    DescriptionTooLong,
    EmptyDescription,
    IllegalTransition,
    NotResolved,
    UnknownCategory,
)
from dutybot.ledger import (
    MAX_DESCRIPTION,
    SETTLED,
    TRANSITIONS,
    UNRESOLVED,
    Action,
    Status,
    age_days,
    category_named,
    chinese_number,
    classify_problem,
    due_date,
    is_overdue,
    is_rework,
    next_status,
    number_in_text,
    overdue_days,
    read_list_filter,
    read_number,
    read_problem_args,
    split_number,
)
from dutybot.unit import load_unit
from tests.conftest import UNIT_FILE

UNIT = load_unit(UNIT_FILE)
ROAD = UNIT.site("玄帝庙街（铁北路至车站西路）路西")
GRID = UNIT.site("市16网格（南苑街道凤凰城社区）")


# ---------------------------------------------------------------------------------------------
# State machine


def test_the_main_path():
    status = Status.OPEN
    for action, expected in [
        (Action.COORDINATE, Status.COORDINATING),
        (Action.RESOLVE, Status.RESOLVED),
        (Action.RECHECK, Status.RECHECKING),
        (Action.VERIFY, Status.VERIFIED),
    ]:
        status = next_status(status, action)
        assert status is expected


def test_resolving_directly_and_confirming_without_marking():
    assert next_status(Status.OPEN, Action.RESOLVE) is Status.RESOLVED
    assert next_status(Status.RESOLVED, Action.VERIFY) is Status.VERIFIED


def test_coordinating_again_hands_on():
    assert next_status(Status.COORDINATING, Action.COORDINATE) is Status.COORDINATING


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.RECHECKING, Status.VERIFIED])
def test_reopening_a_settled_problem_is_rework(status):
    after = next_status(status, Action.REOPEN)
    assert after is Status.OPEN
    assert is_rework(status, after)


def test_other_changes_are_not_rework():
    for (before, _action), after in TRANSITIONS.items():
        if not (before in SETTLED and after in UNRESOLVED):
            assert not is_rework(before, after)


@pytest.mark.parametrize("status", [s for s in Status if s is not Status.WITHDRAWN])
def test_anything_but_a_withdrawn_problem_can_be_withdrawn(status):
    assert next_status(status, Action.WITHDRAW) is Status.WITHDRAWN


@pytest.mark.parametrize("status", [Status.RESOLVED, Status.RECHECKING, Status.VERIFIED])
def test_resolving_twice_is_refused(status):
    with pytest.raises(AlreadyResolved) as caught:
        next_status(status, Action.RESOLVE)
    assert caught.value.status == status.value
    assert caught.value.action == "resolve"
    with pytest.raises(AlreadyResolved):
        next_status(status, Action.COORDINATE)


@pytest.mark.parametrize("action", list(Action))
def test_a_withdrawn_problem_is_final(action):
    with pytest.raises(AlreadyWithdrawn):
        next_status(Status.WITHDRAWN, action)


@pytest.mark.parametrize("status", [Status.OPEN, Status.COORDINATING])
@pytest.mark.parametrize("action", [Action.RECHECK, Action.VERIFY, Action.REOPEN])
def test_checking_or_reopening_an_unresolved_problem_is_refused(status, action):
    with pytest.raises(NotResolved):
        next_status(status, action)


def test_marking_twice_for_recheck_is_refused():
    with pytest.raises(IllegalTransition):
        next_status(Status.RECHECKING, Action.RECHECK)
    with pytest.raises(IllegalTransition):
        next_status(Status.VERIFIED, Action.RECHECK)


@given(st.sampled_from(list(Status)), st.sampled_from(list(Action)))
def test_every_pair_either_moves_or_raises_a_typed_error(status, action):
    try:
        after = next_status(status, action)
    except IllegalTransition:
        assert (status, action) not in TRANSITIONS
    else:
        assert TRANSITIONS[(status, action)] is after


def test_labels_are_chinese():
    assert [s.label for s in Status] == ["待处理", "协调中", "已解决", "待核查", "已核查", "已撤销"]
    assert Action.REOPEN.label == "重开"


# ---------------------------------------------------------------------------------------------
# Deadlines


def test_due_date_counts_whole_days_after_finding():
    assert due_date(date(2026, 11, 30), 1) == date(2026, 12, 1)
    assert due_date(date(2026, 11, 30), 15) == date(2026, 12, 15)


def test_overdue_only_after_the_due_day_and_only_while_unresolved():
    due = date(2026, 12, 1)
    assert not is_overdue(Status.OPEN, due, date(2026, 12, 1))
    assert is_overdue(Status.OPEN, due, date(2026, 12, 2))
    assert is_overdue(Status.COORDINATING, due, date(2026, 12, 2))
    for status in (Status.RESOLVED, Status.RECHECKING, Status.VERIFIED, Status.WITHDRAWN):
        assert not is_overdue(status, due, date(2027, 1, 1))


def test_overdue_days_of_open_and_resolved_problems():
    due = date(2026, 12, 1)
    assert overdue_days(Status.OPEN, due, date(2026, 12, 4), None) == 3
    assert overdue_days(Status.OPEN, due, date(2026, 11, 30), None) == 0
    # Resolved late: counted up to the day it was resolved, not today.
    assert overdue_days(Status.RESOLVED, due, date(2027, 1, 1), date(2026, 12, 3)) == 2
    assert overdue_days(Status.VERIFIED, due, date(2027, 1, 1), date(2026, 12, 1)) == 0
    assert overdue_days(Status.WITHDRAWN, due, date(2027, 1, 1), None) == 0


def test_age_in_days():
    assert age_days(date(2026, 11, 30), date(2026, 11, 30)) == 0
    assert age_days(date(2026, 11, 30), date(2026, 12, 3)) == 3


# ---------------------------------------------------------------------------------------------
# Numbers


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        ("#12", 12),
        ("＃12", 12),
        ("＃１２", 12),
        (" 12 ", 12),
        ("第12号", 12),
        ("12号", 12),
        ("No.12", 12),
        ("十二", 12),
        ("十二号", 12),
        ("三", 3),
        ("两", 2),
    ],
)
def test_number_forms(text, number):
    assert read_number(text) == number
    assert split_number(text) == (number, "")


@pytest.mark.parametrize("text", ["", "0", "abc", "12 说明", "一直没人管", "#", "电动车5处"])
def test_not_a_number_alone(text):
    assert read_number(text) is None


def test_number_and_the_rest():
    assert split_number("12 城管执法中队") == (12, "城管执法中队")
    assert split_number("#12　已清理，谢谢") == (12, "已清理，谢谢")
    assert split_number("12已清理") == (12, "已清理")
    assert split_number("十二 城管") == (12, "城管")
    # A word that starts with a Chinese numeral is not a number.
    assert split_number("一直没人管") == (None, "一直没人管")
    assert split_number("城管 12") == (None, "城管 12")


def test_chinese_numbers():
    assert chinese_number("二十五") == 25
    assert chinese_number("一百零三") == 103
    assert chinese_number("abc") is None
    assert chinese_number("") is None


def test_number_in_quoted_text():
    assert number_in_text("已登记问题 #12（市容秩序·玄帝庙街路西，5处）") == 12
    assert number_in_text("问题 ＃３ 已重开") == 3
    assert number_in_text("3#楼门口有垃圾") is None
    assert number_in_text("没有编号") is None


# ---------------------------------------------------------------------------------------------
# /问题 arguments


def test_site_then_description():
    request = read_problem_args("玄帝庙街 电动车乱停放5处", UNIT)
    assert request.site is ROAD
    assert request.description == "电动车乱停放5处"
    assert request.category is None
    assert not request.on_the_spot


def test_site_glued_to_the_description():
    request = read_problem_args("凤凰城井盖松动", UNIT)
    assert request.site is GRID
    assert request.description == "井盖松动"


def test_no_site():
    request = read_problem_args("电动车乱停放5处", UNIT)
    assert request.site is None
    assert request.description == "电动车乱停放5处"


def test_category_tag_overrides_and_may_be_partial():
    request = read_problem_args("玄帝庙街 路边堆了建筑垃圾 #市容秩序", UNIT)
    assert request.category == "市容秩序"
    assert request.description == "路边堆了建筑垃圾"
    assert read_problem_args("＃基础 路灯不亮", UNIT).category == "基础设施"


def test_unknown_category_tag():
    with pytest.raises(UnknownCategory) as caught:
        read_problem_args("玄帝庙街 路灯不亮 #路灯", UNIT)
    assert caught.value.text == "路灯"
    assert "基础设施" in caught.value.choices


def test_hash_inside_a_word_is_not_a_tag():
    request = read_problem_args("3#楼门口垃圾满溢", UNIT)
    assert request.description == "3#楼门口垃圾满溢"
    assert request.category is None


def test_fixed_on_the_spot():
    assert read_problem_args("玄帝庙街 烟头10个 已清理", UNIT).on_the_spot
    assert read_problem_args("玄帝庙街 盲道被占，已现场整改。", UNIT).on_the_spot
    assert not read_problem_args("玄帝庙街 垃圾满溢 请环卫清理", UNIT).on_the_spot


def test_empty_description():
    for text in ("", "   ", "玄帝庙街", "玄帝庙街 #环境卫生"):
        with pytest.raises(EmptyDescription):
            read_problem_args(text, UNIT)


def test_description_too_long():
    with pytest.raises(DescriptionTooLong) as caught:
        read_problem_args("垃圾" * 2500, UNIT)
    assert (caught.value.length, caught.value.limit) == (5000, MAX_DESCRIPTION)
    assert read_problem_args("垃" * MAX_DESCRIPTION, UNIT).description


def test_category_names():
    assert category_named("环境卫生", UNIT) == "环境卫生"
    assert category_named("市容", UNIT) == "市容秩序"
    with pytest.raises(UnknownCategory):
        category_named("火星", UNIT)


def test_list_filter():
    assert read_list_filter("", UNIT).site is None
    assert read_list_filter("全部", UNIT).category is None
    assert read_list_filter("玄帝庙街", UNIT).site is ROAD
    assert read_list_filter("#市容", UNIT).category == "市容秩序"
    assert read_list_filter("火星", UNIT) is None


# ---------------------------------------------------------------------------------------------
# Category and quantity (dutybot.classify and dutybot.quantity)


@pytest.mark.parametrize(
    ("text", "category", "quantity"),
    [
        ("电动车乱停放5处", "市容秩序", 5),
        ("共享单车五辆乱停", "市容秩序", 5),
        ("垃圾桶破损", "基础设施", 1),
        ("捡拾烟头二十个", "环境卫生", 20),
        ("说不清是什么", "其他", 1),
    ],
)
def test_classify_problem(text, category, quantity):
    assert classify_problem(text, UNIT) == (category, quantity)
