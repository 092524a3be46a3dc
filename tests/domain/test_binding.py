"""A group card binds only when it is exactly a listed name, or 科室-姓名."""

from __future__ import annotations

import pytest

from dutybot.binding import card_member
from dutybot.unit import StaffMember

from .helpers import make_unit

STAFF = [
    StaffMember(name="宋佳", department="友协办"),
    StaffMember(name="宋佳佳", department="友协办"),
    StaffMember(name="何永军", department="友协办"),
    StaffMember(name="王晓明", department="秘书科", leader=True),
    StaffMember(name="李娜", department="秘书科", active=False),
]


@pytest.fixture(scope="module")
def unit():
    return make_unit(STAFF)


@pytest.mark.parametrize(
    ("card", "name"),
    [
        ("何永军", "何永军"),
        ("友协办-何永军", "何永军"),
        ("友协办－何永军", "何永军"),
        ("友协办 何永军", "何永军"),
        (" 友协办_何永军 ", "何永军"),
        ("宋佳", "宋佳"),
        ("友协办-宋佳佳", "宋佳佳"),
    ],
)
def test_exact_cards_name_the_person(unit, card, name):
    member = card_member(unit, card)
    assert member is not None and member.name == name


@pytest.mark.parametrize(
    "card",
    [
        "宋佳佳的家长",  # contains 宋佳 (and 宋佳佳), is neither
        "宋佳（退休）",
        "老宋佳",
        "秘书科-何永军",  # not his department
        "友协办--何永军",
        "何永军2",
        "王晓明",  # a leader binds with /绑定
        "秘书科-王晓明",
        "李娜",  # no longer on duty
        "",
        "   ",
    ],
)
def test_anything_else_names_nobody(unit, card):
    assert card_member(unit, card) is None
