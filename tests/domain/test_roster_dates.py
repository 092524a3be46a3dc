from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dutybot.dates import BadDate, day_range, md, md_weekday, read_day, read_month
from dutybot.roster_args import looks_like_day, read_roster_args
from dutybot.unit import load_unit

TODAY = date(2026, 11, 30)  # a Monday
UNIT = load_unit(Path(__file__).resolve().parent.parent / "data" / "unit.toml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-05", date(2026, 12, 5)),
        ("2026/12/5", date(2026, 12, 5)),
        ("2026年12月5日", date(2026, 12, 5)),
        ("12-05", date(2026, 12, 5)),
        ("12/5", date(2026, 12, 5)),
        ("12.5", date(2026, 12, 5)),
        ("12月5日", date(2026, 12, 5)),
        ("12月5号", date(2026, 12, 5)),
        ("１２－０５", date(2026, 12, 5)),  # full width
        ("今天", TODAY),
        ("明天", date(2026, 12, 1)),
        ("后天", date(2026, 12, 2)),
        ("周三", date(2026, 12, 2)),
        ("星期一", TODAY),
        ("本周五", date(2026, 12, 4)),
        ("下周一", date(2026, 12, 7)),
        ("下周日", date(2026, 12, 13)),
        ("5号", date(2026, 12, 5)),
        ("30日", TODAY),
        # Nearest year: January typed in late autumn is next January.
        ("01-05", date(2027, 1, 5)),
        # A date a little in the past stays in this year (and is refused as past).
        ("11-20", date(2026, 11, 20)),
    ],
)
def test_read_day(text, expected):
    assert read_day(text, TODAY) == expected


def test_read_day_in_january_looks_back_for_december():
    assert read_day("12-30", date(2027, 1, 2)) == date(2026, 12, 30)


def test_day_of_month_after_the_first_day_of_a_range():
    assert read_day("7日", TODAY, after=date(2026, 12, 5)) == date(2026, 12, 7)


def test_leap_day_in_a_common_year_is_the_28th():
    assert read_day("02-29", date(2027, 1, 10)) == date(2027, 2, 28)
    assert read_day("02-29", date(2028, 1, 10)) == date(2028, 2, 29)


@pytest.mark.parametrize(
    "text", ["13-05", "12-32", "2026-02-30", "9999-12-31", "0001-01-01", "明年", "周八", "abc", ""]
)
def test_bad_days(text):
    with pytest.raises(BadDate):
        read_day(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12", (2026, 12)),
        ("2026年12月", (2026, 12)),
        ("2027.1", (2027, 1)),
        ("12月", (2026, 12)),
        ("1月", (2027, 1)),
        ("10月", (2026, 10)),
        ("本月", (2026, 11)),
        ("下月", (2026, 12)),
        ("下个月", (2026, 12)),
    ],
)
def test_read_month(text, expected):
    assert read_month(text, TODAY) == expected


def test_next_month_in_december():
    assert read_month("下月", date(2026, 12, 20)) == (2027, 1)


@pytest.mark.parametrize(
    "text", ["2026-13", "9999-12", "1900-01", "十二月", "12", "", "2026-12-05"]
)
def test_bad_months(text):
    with pytest.raises(BadDate):
        read_month(text, TODAY)


def test_writing_dates():
    assert md(date(2026, 12, 5)) == "12月5日"
    assert md_weekday(date(2026, 12, 5)) == "12月5日（周六）"
    assert day_range(date(2026, 12, 5), date(2026, 12, 5)) == "12月5日"
    assert day_range(date(2026, 12, 5), date(2026, 12, 7)) == "12月5日—12月7日"


def test_roster_args_names_days_and_reason():
    args = read_roster_args("12-05 至 12-07 到北京出差", UNIT, TODAY)
    assert args.days == [date(2026, 12, 5), date(2026, 12, 7)]
    assert args.rest == "到北京出差"
    assert args.names == []

    args = read_roster_args("李娜，12月5日至7日 病假", UNIT, TODAY)
    assert args.names == ["李娜"]
    assert args.days == [date(2026, 12, 5), date(2026, 12, 7)]
    assert args.rest == "病假"

    args = read_roster_args("12-05 王晓明 李娜同志", UNIT, TODAY)
    assert args.names == ["王晓明", "李娜"]
    assert args.days == [date(2026, 12, 5)]
    assert args.rest == ""


def test_roster_args_point_out_an_impossible_date():
    args = read_roster_args("13-45 出差", UNIT, TODAY)
    assert args.bad_day == "13-45"
    assert args.days == []
    assert args.rest == "出差"


def test_a_number_in_the_reason_is_not_a_date():
    args = read_roster_args("明天 陪孩子看病 2 小时", UNIT, TODAY)
    assert args.days == [date(2026, 12, 1)]
    assert args.rest == "陪孩子看病 2 小时"
    assert not looks_like_day("2")
    assert looks_like_day("12-45")


@given(
    st.lists(
        st.one_of(
            st.text(max_size=12),
            st.sampled_from(["12-05", "至", "李娜", "下周一", "5号", "9999-12-31", "02-29"]),
            st.from_regex(r"\d{1,5}[-/.月年]\d{1,3}([-/.月]\d{1,3})?[日号]?", fullmatch=True),
        ),
        max_size=6,
    ),
    st.dates(min_value=date(2001, 1, 1), max_value=date(2099, 12, 31)),
)
def test_any_text_reads_without_error_into_sane_days(words, today):
    args = read_roster_args(" ".join(words), UNIT, today)
    for day in args.days:
        assert 2000 <= day.year <= 2100
    try:
        year, _ = read_month(" ".join(words), today)
    except BadDate:
        return
    assert 2000 <= year <= 2100
