import pytest

from dutybot.classify import category_words, classify
from dutybot.unit import Category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电动车乱停放5处", "市容秩序"),
        ("电动车占用盲道", "市容秩序"),  # the e-bike is the problem
        ("盲道被电动车占用", "市容秩序"),
        ("盲道砖破损2块", "基础设施"),  # the slab is the problem
        ("垃圾桶破损", "基础设施"),  # longest keyword beats 垃圾
        ("垃圾桶损坏", "基础设施"),  # 垃圾 in 垃圾桶 names a bin
        ("垃圾桶满溢2处", "环境卫生"),
        ("乱扔垃圾", "文明行为"),  # longest keyword beats 垃圾
        ("翻越护栏", "文明行为"),
        ("护栏上晾晒衣物", "市容秩序"),  # 护栏 is only the place
        ("路灯杆上小广告五处", "市容秩序"),
        ("人行道护栏松动", "基础设施"),
        ("绿化带内烟头纸屑若干", "环境卫生"),
        ("公益广告牌褪色", "宣传氛围"),
        ("宣传栏内容过期", "宣传氛围"),
        ("单元门口乱堆纸箱", "市容秩序"),  # a built-in hint, no unit keyword
        ("井盖缺失，存在安全隐患", "基础设施"),  # 其他 only when nothing else fits
        ("工地夜间施工噪音扰民", "其他"),
        ("路面积雪结冰", "环境卫生"),
        ("问题", "其他"),
        ("", "其他"),
    ],
)
def test_categories_as_a_person_would_choose(unit_a, text, expected):
    assert classify(text, unit_a) == expected


def test_custom_categories_and_fallback():
    categories = (Category("车辆", ("电动车", "单车")), Category("卫生", ("垃圾",)))
    from dutybot.classify import classify_with

    assert classify_with("电动车乱停", categories) == "车辆"
    assert classify_with("垃圾", categories) == "卫生"
    # No 其他 configured: the last category is the fallback.
    assert classify_with("噪音", categories) == "卫生"
    assert category_words("电动车旁垃圾", categories) == ["电动车", "垃圾"]
