import pytest

from dutybot.quantity import chinese_numeral, extract_quantity, find_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("电动车乱停放5处", 5),
        ("盲道砖破损2块", 2),
        ("共享单车乱停放8辆", 8),
        ("流动摊贩2个", 2),
        ("遛狗不牵绳1起", 1),
        ("清理楼道小广告十二处", 12),
        ("捡拾垃圾三袋", 3),
        ("共规整电动车、自行车二十三辆", 23),
        ("两辆电动车停在盲道上", 2),
        ("共清运五车", 5),
        ("路灯不亮3盏", 3),
        ("电动车 乱停 8 辆", 8),
        ("一百零五辆", 105),
        ("三十五辆", 35),
    ],
)
def test_numbers_with_a_measure_word(text, expected):
    assert extract_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("约20辆", 20),
        ("20余辆", 20),
        ("十余张", 10),
        ("二十多辆", 20),
        ("十几辆", 10),
        ("百余辆", 100),
        ("二十来张", 20),
        # REPORTS.md: a range counts the larger number.
        ("两三辆", 3),
        ("三四处", 4),
        # 三五 is "three to five", not 35 (三十五 is).
        ("拉客的三五个", 5),
        ("三五十辆", 50),
        ("一两处", 2),
        ("七八辆", 8),
        ("三四十辆", 40),
        ("3-4处", 4),
        ("四五个", 5),
    ],
)
def test_approximate_numbers_count_their_number(text, expected):
    quantity = find_quantity(text)
    assert quantity is not None
    assert quantity.value == expected
    assert quantity.approximate


@pytest.mark.parametrize(
    "text", ["烟头纸屑若干", "楼道小广告多处", "部分商户出店经营", "塑料袋一些", "落叶较多"]
)
def test_vague_amounts_count_one(text):
    quantity = find_quantity(text)
    assert quantity is not None
    assert quantity.vague
    assert extract_quantity(text) == 1


@pytest.mark.parametrize(
    "text",
    [
        "往南50米有垃圾",  # distance
        "8号楼前路灯不亮",  # house number
        "7:25到岗",  # time
        "11月20日值班",  # date
        "附图4张",  # photo count
        "照片3张",
        "第3处",
        "劝导12人次",  # an activity, not a problem
        "四处张贴小广告",  # "everywhere"
        "大家一起打扫",  # 一起 is "together"
        "2.5吨",
        "",
        "没有数字",
    ],
)
def test_numbers_that_are_not_quantities(text):
    assert extract_quantity(text) == 1
    assert find_quantity(text) is None or find_quantity(text).vague


def test_first_real_number_wins_over_other_numbers():
    assert extract_quantity("3号楼东侧一处井盖松动") == 1
    assert extract_quantity("往北20米处有大件垃圾2件") == 2
    assert extract_quantity("大家一起把十五辆电动车摆放到停车区") == 15


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("十五", 15),
        ("两", 2),
        ("二〇二六", 2026),
        ("三十一", 31),
        ("12", 12),
        ("十", 10),
        ("", None),
        ("abc", None),
        ("十x", None),
    ],
)
def test_chinese_numeral(text, expected):
    assert chinese_numeral(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("垃圾桶坏了俩", 2), ("倒了仨", 3), ("俩电动车", 2), ("电动车歪了一排", 1)],
)
def test_colloquial_numbers(text, expected):
    assert extract_quantity(text) == expected


def test_people_in_twos_and_threes_are_not_a_quantity():
    assert find_quantity("我们俩负责东边") is None
    assert find_quantity("他们仨") is None


def test_a_lone_thousand_or_ten_thousand_is_a_figure_of_speech():
    from dutybot.quantity import chinese_numeral

    assert chinese_numeral("万") is None
    assert chinese_numeral("千") is None
    assert chinese_numeral("百") == 100  # 百余辆 is a count
    assert chinese_numeral("一万") == 10000


def test_a_lump_is_counted_and_one_big_lump_is_a_lot():
    assert extract_quantity("3栋门口有人乱倒建筑垃圾两坨") == 2
    # 一大坨 is a heap, as good as no number.
    assert find_quantity("共享单车又是一大坨乱停").vague


def test_bare_digits_that_are_no_range_name_a_thing_and_a_third_is_the_count():
    # 三七 is a herb (Wenshan's market), not 37; its stalls are counted after.
    assert extract_quantity("三七摊子占道4个") == 4
    assert extract_quantity("占道晾晒三七四处") == 4
    # Counted aloud: the last number said.
    assert extract_quantity("一二三四家门市房都有") == 4
    # Ranges stay ranges.
    assert extract_quantity("电动车七八辆") == 8
    assert extract_quantity("三五个") == 5


@pytest.mark.parametrize(("text", "expected"), [("自行车乱放的10几个", 10), ("20几辆电动车", 20)])
def test_tens_and_some_typed_with_digits(text, expected):
    assert extract_quantity(text) == expected
