from datetime import date

import pytest

from dutybot.report_parser import parse_message, resolve_date

from .support import at

THURSDAY = at("2026-11-26 09:00")  # 2026-11-26 is a Thursday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("今天玄帝庙街值班", date(2026, 11, 26)),
        ("今日值班", date(2026, 11, 26)),
        ("今早7点半到岗", date(2026, 11, 26)),
        ("昨天值班情况补报", date(2026, 11, 25)),
        ("昨日（11月25日）值班", date(2026, 11, 25)),
        ("前天值班", date(2026, 11, 24)),
        ("周三值班补报", date(2026, 11, 25)),
        ("星期四值班", date(2026, 11, 26)),  # the send day itself
        ("周五值班", date(2026, 11, 20)),  # the last Friday, not tomorrow
        ("星期日值班", date(2026, 11, 22)),
        ("上周五值班补报", date(2026, 11, 20)),
        ("11月20日值班", date(2026, 11, 20)),
        ("11月20号值班", date(2026, 11, 20)),
        ("十一月二十日值班", date(2026, 11, 20)),
        ("11.20 值班情况", date(2026, 11, 20)),
        ("值班日期：11-20", date(2026, 11, 20)),
        ("11/20值班", date(2026, 11, 20)),
        ("2026年11月20日值班", date(2026, 11, 20)),
        ("二〇二六年十一月二十日值班", date(2026, 11, 20)),
        ("2026.11.20 值班", date(2026, 11, 20)),
        ("2026/11/20 值班", date(2026, 11, 20)),
        ("补报（18日）值班情况", date(2026, 11, 18)),
        ("电动车乱停放5处", date(2026, 11, 26)),  # no date: the send date
    ],
)
def test_each_date_form(text, expected):
    assert resolve_date(text, THURSDAY) == (expected, ())


def test_a_labelled_date_beats_a_relative_word():
    assert resolve_date("今天补报\n值班日期：11月24日", THURSDAY)[0] == date(2026, 11, 24)


def test_a_calendar_date_in_the_head_beats_a_relative_word():
    assert resolve_date("今天补报11月24日值班情况", THURSDAY)[0] == date(2026, 11, 24)


def test_deadlines_and_references_are_not_the_duty_date():
    assert resolve_date("今天值班。井盖限11月30日前修复", THURSDAY)[0] == date(2026, 11, 26)
    assert resolve_date("今天值班，复查了11月18日反映的问题", THURSDAY)[0] == date(2026, 11, 26)
    assert resolve_date("今天值班，下周三复查", THURSDAY)[0] == date(2026, 11, 26)


def test_times_and_numbers_are_not_dates():
    assert resolve_date("值班时间 7:30-9:00，清运垃圾1.5吨", THURSDAY)[0] == date(2026, 11, 26)
    assert resolve_date("1.电动车乱停放5处\n2.8号楼前井盖松动", THURSDAY)[0] == date(2026, 11, 26)
    # 值班时长：1.5小时 is how long, not the fifth of January (which would make it a plan).
    assert resolve_date("玄帝庙街值班\n值班时长：1.5小时", THURSDAY)[0] == date(2026, 11, 26)


def test_a_dotted_date_at_the_end_of_a_line_before_a_staff_label():
    assert resolve_date("玄帝庙街西侧 11.20\n人员：王晓明 李娜", THURSDAY)[0] == date(2026, 11, 20)


def test_month_and_year_boundaries():
    new_year = at("2027-01-02 09:00")
    assert resolve_date("12月31日值班补报", new_year)[0] == date(2026, 12, 31)
    assert resolve_date("昨天值班", at("2027-01-01 09:00"))[0] == date(2026, 12, 31)
    assert resolve_date("30日值班补报", at("2026-12-01 09:00"))[0] == date(2026, 11, 30)
    assert resolve_date("周五值班补报", at("2027-01-04 09:00"))[0] == date(2027, 1, 1)
    assert resolve_date("上周三", at("2026-03-02 09:00"))[0] == date(2026, 2, 25)


def test_a_date_that_does_not_exist_gives_the_send_date_and_a_note():
    day, notes = resolve_date("11月31日值班", at("2026-12-01 09:00"))
    assert day == date(2026, 12, 1)
    assert notes == ("日期“11月31日”不存在，按发送日期记",)
    day, notes = resolve_date("2月29日值班", at("2027-03-01 09:00"))
    assert day == date(2027, 3, 1)
    assert "不存在" in notes[0]


def test_a_long_past_date_is_kept_and_questioned():
    day, notes = resolve_date("2025年11月20日值班", THURSDAY)
    assert day == date(2025, 11, 20)
    assert "请确认" in notes[0]


def test_the_invalid_date_note_reaches_the_report(unit_a):
    reports = parse_message(
        "11月31日玄帝庙街路西值班：电动车乱停放3辆，已摆放整齐。", at("2026-12-01 09:30"), unit_a
    )
    assert reports[0].date == date(2026, 12, 1)
    assert "日期“11月31日”不存在，按发送日期记" in reports[0].notes


def test_a_staff_name_is_not_read_as_a_weekday(unit_a):
    from dataclasses import replace

    from dutybot.unit import StaffMember

    unit = replace(unit_a, staff=(*unit_a.staff, StaffMember("周一鸣", "秘书科")))
    reports = parse_message("玄帝庙街值班：周一鸣、李娜。电动车乱停放2辆，已规整。", THURSDAY, unit)
    assert reports[0].date == date(2026, 11, 26)
    assert "周一鸣" in reports[0].staff
