from __future__ import annotations

from pathlib import Path

import pytest

from dutybot.unit import UnitFileError, load_unit, load_units, parse_unit

TESTS = Path(__file__).resolve().parent.parent
GOOD = (TESTS / "data" / "unit.toml").read_text(encoding="utf-8")


def write(tmp_path: Path, text: str, name: str = "unit.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(UnitFileError) as caught:
        load_units(write(tmp_path, text))
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_example_unit_file_loads():
    unit = load_unit(TESTS / "data" / "unit.toml")
    assert unit.name == "市外侨办"
    assert unit.key == "市外侨办"
    assert unit.groups == (700000001,)
    assert [s.label for s in unit.sites] == ["玄帝庙街路西", "市16网格"]
    assert len(unit.staff) == 14
    assert unit.roster.weekdays == (1, 3, 5)
    assert unit.category("市容秩序").time_limit_days == 1
    assert unit.category("宣传氛围").time_limit_days == 7


def test_shipped_config_and_public_corpus_unit_load():
    root = TESTS.parent
    assert load_units(root / "config" / "duty.toml")
    assert load_units(TESTS / "corpus" / "unit-a.toml")


def test_site_spellings():
    unit = load_unit(TESTS / "data" / "unit.toml")
    street = unit.sites[0]
    for text in (
        "玄帝庙街",
        "玄帝庙街西侧",
        "玄帝庙街路西",
        "玄帝庙街（铁北路至车站西路）路西",
        "玄帝庙街(铁北路至车站西路)路西",
        " 玄帝庙街路西 ",
    ):
        assert unit.site_named(text) == street, text
    assert unit.site_named("凤凰城") == unit.sites[1]
    assert unit.site_named("火星") is None
    assert unit.site_named("") is None


def test_staff_names_with_titles():
    unit = load_unit(TESTS / "data" / "unit.toml")
    assert unit.staff_named("王晓明同志").name == "王晓明"
    assert unit.staff_named("王晓明科长").name == "王晓明"
    assert unit.staff_named("王") is None


def test_two_sites_with_one_alias(tmp_path):
    text = GOOD.replace(
        'aliases = ["16网格", "市16网格", "凤凰城社区", "凤凰城"]',
        'aliases = ["16网格", "玄帝庙街"]',
    )
    message = error_of(tmp_path, text)
    assert "[[sites]] 第2项" in message and "玄帝庙街" in message


def test_staff_qq_twice(tmp_path):
    text = GOOD.replace("qq = 20002", "qq = 20001")
    message = error_of(tmp_path, text)
    assert "qq" in message and "20001" in message and "王晓明" in message


def test_unknown_category_in_time_limits(tmp_path):
    message = error_of(tmp_path, GOOD + '\n"噪声污染" = 3\n')
    assert "time_limits.噪声污染" in message and "未知的类别" in message


def test_toml_syntax_error_names_the_line(tmp_path):
    message = error_of(tmp_path, GOOD.replace('name = "李娜"', "name = 李娜"))
    assert "TOML 语法错误" in message and "line" in message


def test_missing_unit_table(tmp_path):
    assert "缺少 [unit] 表" in error_of(tmp_path, "[[sites]]\nname='x'\nkind='路段'\n")


def test_unknown_key_is_caught(tmp_path):
    message = error_of(tmp_path, GOOD.replace('kind = "路段"', 'kind = "路段"\nalias = ["x"]'))
    assert "alias" in message and "未知的键" in message


def test_bad_values(tmp_path):
    assert "路段 或 网格" in error_of(tmp_path, GOOD.replace('kind = "路段"', 'kind = "街道"'))
    assert "roster.weekdays" in error_of(
        tmp_path, GOOD.replace("weekdays = [1, 3, 5]", "weekdays = [0, 8]")
    )
    assert "roster.start" in error_of(tmp_path, GOOD.replace('start = "07:30"', 'start = "早上"'))
    assert "roster.end" in error_of(tmp_path, GOOD.replace('end = "09:00"', 'end = "07:00"'))
    assert "不是有效的 QQ 号" in error_of(
        tmp_path, GOOD.replace("groups = [700000001]", 'groups = ["abc"]')
    )


def test_missing_file_and_empty_folder(tmp_path):
    with pytest.raises(UnitFileError, match="找不到"):
        load_units(tmp_path / "nope.toml")
    with pytest.raises(UnitFileError, match=r"没有 \.toml"):
        load_units(tmp_path)


def test_not_utf8(tmp_path):
    path = tmp_path / "unit.toml"
    path.write_bytes(GOOD.encode("gbk"))
    with pytest.raises(UnitFileError, match="UTF-8"):
        load_units(path)


def test_folder_of_units(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    other = GOOD.replace('name = "市外侨办"', 'name = "市商务局"').replace("700000001", "700000002")
    write(tmp_path, other, "b.toml")
    units = load_units(tmp_path)
    assert [u.name for u in units] == ["市外侨办", "市商务局"]


def test_folder_with_shared_group_is_refused(tmp_path):
    write(tmp_path, GOOD, "a.toml")
    write(tmp_path, GOOD.replace('name = "市外侨办"', 'name = "市商务局"'), "b.toml")
    with pytest.raises(UnitFileError, match="700000001"):
        load_units(tmp_path)


def test_default_categories_when_absent():
    unit = parse_unit(
        {
            "unit": {"name": "x", "groups": [700000009]},
            "sites": [{"name": "某路", "kind": "路段"}],
            "staff": [{"name": "甲", "department": "办公室"}],
        }
    )
    assert unit.category_names == (
        "环境卫生",
        "市容秩序",
        "基础设施",
        "宣传氛围",
        "文明行为",
        "其他",
    )
    assert unit.roster.per_shift == 6


def test_reminder_defaults_when_absent():
    from datetime import time

    unit = load_unit(TESTS / "data" / "unit.toml")
    rules = unit.reminders
    assert rules.enabled
    assert (rules.day_before, rules.morning, rules.evening, rules.weekly) == (
        time(17, 30),
        time(7, 0),
        time(18, 0),
        time(8, 30),
    )
    assert rules.checkin_after_minutes == 30
    assert rules.deadlines == ((7, 5), (10, 9), (11, 15))
    assert rules.deadline_days_before == 3
    assert "reminders" not in unit.extra


def test_reminders_table_is_read(tmp_path):
    from datetime import time

    text = GOOD + (
        '\n[reminders]\nday_before = "16:00"\nmorning = "07:10"\ncheckin_after_minutes = 0\n'
        'evening = "19:30"\nweekly = "09:00"\ndeadlines = ["12-01", "2月29日"]\n'
        "deadline_days_before = 5\nenabled = false\n"
    )
    unit = load_unit(write(tmp_path, text))
    rules = unit.reminders
    assert not rules.enabled
    assert rules.day_before == time(16, 0)
    assert rules.morning == time(7, 10)
    assert rules.checkin_after_minutes == 0
    assert rules.evening == time(19, 30)
    assert rules.weekly == time(9, 0)
    assert rules.deadlines == ((2, 29), (12, 1))
    assert rules.deadline_days_before == 5


def test_reminders_empty_deadline_list(tmp_path):
    unit = load_unit(write(tmp_path, GOOD + "\n[reminders]\ndeadlines = []\n"))
    assert unit.reminders.deadlines == ()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('morning = "06:30"', "reminders.morning"),
        ('evening = "22:00"', "夜间"),
        ('day_before = "下午"', "不是时间"),
        ("checkin_after_minutes = -5", "0–600"),
        ("checkin_after_minutes = true", "reminders.checkin_after_minutes"),
        ('deadlines = ["13-01"]', "“13-01”不是日期"),
        ('deadlines = "07-05"', "月-日"),
        ("deadline_days_before = 100", "0–60"),
        ('enabled = "yes"', "true 或 false"),
        ('evenings = "18:00"', "未知的键"),
    ],
)
def test_bad_reminder_values(tmp_path, line, expected):
    message = error_of(tmp_path, GOOD + f"\n[reminders]\n{line}\n")
    assert expected in message


def test_check_prints_the_reminder_settings():
    from dutybot.check_cli import reminders_summary
    from dutybot.unit import ReminderRules

    assert reminders_summary(ReminderRules()) == (
        "前一天 17:30，当天 07:00，开始后 30 分钟催报到，18:00 催日报，周一 08:30 周报；"
        "报送截止 7月5日、10月9日、11月15日（提前 3 天）"
    )
    assert reminders_summary(ReminderRules(enabled=False)).startswith("已关闭")
