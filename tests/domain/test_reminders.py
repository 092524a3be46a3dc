"""Which reminders are due when, and what they say: plain datetimes, no bot."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dutybot.reminders import (
    DayAttendance,
    DutyRecord,
    Kind,
    Member,
    Mention,
    Notice,
    ProblemLine,
    SiteTeam,
    checkin_notice,
    day_before_notice,
    deadline_notice,
    due_slots,
    duty_slots,
    evening_notice,
    is_quiet,
    missed_streaks,
    morning_notice,
    old_problem_lines,
    problem_lines,
    streak_notice,
    target_key,
    weekly_notice,
)
from dutybot.unit import ReminderRules

SHANGHAI = ZoneInfo("Asia/Shanghai")
RULES = ReminderRules()
START, END = time(7, 30), time(9, 0)
WED = date(2026, 12, 2)  # a duty Wednesday
DUTIES = {WED: (START, END)}


def at(text: str, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=zone)


def kinds(now: datetime, duties=DUTIES, rules=RULES) -> list[tuple[Kind, date]]:
    return [(s.kind, s.day) for s in due_slots(now, rules, duties, SHANGHAI)]


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        ("2026-12-01 17:29", []),
        ("2026-12-01 17:30", [(Kind.DAY_BEFORE, WED)]),
        ("2026-12-01 21:59", [(Kind.DAY_BEFORE, WED)]),
        ("2026-12-01 22:00", []),  # quiet hours: the eve reminder is over
        ("2026-12-02 06:59", []),
        ("2026-12-02 07:00", [(Kind.MORNING, WED)]),
        ("2026-12-02 07:59", [(Kind.MORNING, WED)]),
        ("2026-12-02 08:00", [(Kind.CHECKIN, WED)]),  # the morning one gives way
        ("2026-12-02 08:59", [(Kind.CHECKIN, WED)]),
        ("2026-12-02 09:00", []),  # the duty is over: nobody is asked to check in
        ("2026-12-02 17:59", []),
        ("2026-12-02 18:00", [(Kind.EVENING, WED)]),
        ("2026-12-02 21:59", [(Kind.EVENING, WED)]),
        ("2026-12-02 22:00", []),
        ("2026-12-03 06:59", []),
        ("2026-12-03 07:00", [(Kind.STREAK, WED)]),
        ("2026-12-03 21:59", [(Kind.STREAK, WED)]),
        ("2026-12-03 22:00", []),
    ],
)
def test_what_is_due_around_a_duty(moment, expected):
    assert kinds(at(moment)) == expected


def test_nothing_without_a_duty_on_an_ordinary_day():
    assert kinds(at("2026-12-03 08:00"), duties={}) == []


def test_weekly_summary_on_monday_only():
    monday = date(2026, 11, 30)
    assert kinds(at("2026-11-30 08:29"), duties={}) == []
    assert kinds(at("2026-11-30 08:30"), duties={}) == [(Kind.WEEKLY, monday)]
    assert kinds(at("2026-11-30 21:59"), duties={}) == [(Kind.WEEKLY, monday)]
    assert kinds(at("2026-12-01 08:30"), duties={}) == []


def test_deadline_reminder_three_days_before_until_the_day():
    deadline = date(2026, 7, 5)
    assert kinds(at("2026-07-02 08:29"), duties={}) == []
    assert kinds(at("2026-07-02 08:30"), duties={}) == [(Kind.DEADLINE, deadline)]
    # Missed (bot down) on the 2nd: still useful on the 4th, gone after the day itself.
    assert kinds(at("2026-07-04 10:00"), duties={}) == [(Kind.DEADLINE, deadline)]
    assert kinds(at("2026-07-05 21:59"), duties={}) == [(Kind.DEADLINE, deadline)]
    assert kinds(at("2026-07-07 08:30"), duties={}) == []


def test_deadline_of_next_january_is_seen_in_december():
    rules = ReminderRules(deadlines=((1, 2),), deadline_days_before=3)
    assert kinds(at("2026-12-30 09:00"), duties={}, rules=rules) == [
        (Kind.DEADLINE, date(2027, 1, 2))
    ]


def test_disabled_sends_nothing():
    rules = ReminderRules(enabled=False)
    assert kinds(at("2026-12-02 07:00"), rules=rules) == []


def test_overlapping_slots_come_oldest_first():
    # Monday duty: the weekly summary and the morning reminder, and the day-before of Tuesday.
    monday, tuesday = date(2026, 11, 30), date(2026, 12, 1)
    duties = {monday: (time(9, 0), time(12, 0)), tuesday: (START, END)}
    now = at("2026-11-30 17:45")
    assert kinds(now, duties) == [(Kind.WEEKLY, monday), (Kind.DAY_BEFORE, tuesday)]
    now = at("2026-11-30 08:40")
    assert kinds(now, duties) == [(Kind.MORNING, monday), (Kind.WEEKLY, monday)]


def test_checkin_reminder_long_after_the_start_gets_an_hour():
    rules = ReminderRules(checkin_after_minutes=120)  # 09:30, after the 09:00 end
    slots = {s.kind: s for s in duty_slots(WED, START, END, rules, SHANGHAI)}
    assert slots[Kind.CHECKIN].due == at("2026-12-02 09:30")
    assert slots[Kind.CHECKIN].expires == at("2026-12-02 10:30")


def test_morning_reminder_set_after_the_start_lasts_until_the_end():
    slots = {s.kind: s for s in duty_slots(WED, time(7, 0), time(11, 0), RULES, SHANGHAI)}
    # Morning 07:00 = start; the check-in reminder is at 07:30, still after it.
    assert slots[Kind.MORNING].expires == at("2026-12-02 07:30")
    late = ReminderRules(morning=time(8, 0))
    slots = {s.kind: s for s in duty_slots(WED, time(7, 0), time(11, 0), late, SHANGHAI)}
    assert slots[Kind.MORNING].expires == at("2026-12-02 11:00")


def test_a_computed_time_in_the_night_waits_for_seven():
    # A 06:00 start: the check-in reminder (06:30) falls in the quiet hours.
    duties = {WED: (time(6, 0), time(8, 0))}
    assert kinds(at("2026-12-02 06:30"), duties) == []
    assert kinds(at("2026-12-02 07:00"), duties) == [(Kind.CHECKIN, WED), (Kind.MORNING, WED)]


def test_the_host_timezone_does_not_matter():
    # The same instant written in UTC gives the same answer.
    now = at("2026-12-02 00:00", ZoneInfo("UTC"))  # 08:00 in Shanghai
    assert kinds(now) == [(Kind.CHECKIN, WED)]
    assert is_quiet(at("2026-12-01 15:00", ZoneInfo("UTC")), SHANGHAI)  # 23:00 local


def test_keys_name_unit_kind_day_and_recipient():
    slot = due_slots(at("2026-12-02 07:05"), RULES, DUTIES, SHANGHAI)[0]
    assert slot.key(3, target_key(group=700000001)) == "u3:morning:2026-12-02:g700000001"
    assert slot.key(3, target_key(qq=10001)) == "u3:morning:2026-12-02:p10001"
    with pytest.raises(ValueError, match="group or a person"):
        target_key()


def test_coordinator_kinds():
    assert {k for k in Kind if k.to_coordinators} == {Kind.STREAK, Kind.DEADLINE}


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)))
def test_never_due_in_quiet_hours(moment):
    now = moment.replace(tzinfo=SHANGHAI)
    duties = {now.date() + timedelta(days=d): (START, END) for d in (-1, 0, 1)}
    slots = due_slots(now, RULES, duties, SHANGHAI)
    if time(22, 0) <= now.time() or now.time() < time(7, 0):
        assert slots == []
    for slot in slots:
        assert slot.due <= now < slot.expires


@given(
    st.datetimes(min_value=datetime(2026, 11, 28), max_value=datetime(2026, 12, 8)),
    st.integers(min_value=1, max_value=24 * 60),
)
def test_each_reminder_is_due_in_one_unbroken_window(moment, minutes):
    """Ticking minute by minute, a key is due from one moment to another and never again,
    so a tick that finds it logged never needs to look further back than its window."""
    duties = {WED: (START, END), WED + timedelta(days=2): (START, END)}
    start = moment.replace(tzinfo=SHANGHAI, second=0, microsecond=0)
    seen: dict[tuple[Kind, date], list[datetime]] = {}
    for step in range(0, minutes, 7):
        now = start + timedelta(minutes=step)
        for slot in due_slots(now, RULES, duties, SHANGHAI):
            seen.setdefault((slot.kind, slot.day), []).append(now)
    for moments in seen.values():
        gaps = [b - a for a, b in pairwise(moments)]
        assert all(gap == timedelta(minutes=7) for gap in gaps)


# ---------------------------------------------------------------------------------------------
# Texts

TEAMS = [
    SiteTeam("玄帝庙街路西", (Member("王晓明", 20001, True), Member("李娜", 20002))),
    SiteTeam("市16网格", (Member("周建国", 20007, True), Member("何永军", None))),
]


def test_day_before_names_everyone_with_at():
    notice = day_before_notice(WED, START, END, TEAMS)
    assert notice.text == (
        "【值班提醒】明天 12月2日（周三） 07:30-09:00 值班：\n"
        "玄帝庙街路西：@王晓明（带班） @李娜\n"
        "市16网格：@周建国（带班） 何永军\n"
        "到岗后请发送 /报到；不能来请发送 /请假 或 /换班。"
    )
    # Someone without a QQ number is named, not @-ed.
    assert notice.mentioned == (20001, 20002, 20007)
    assert Mention(20001, "王晓明") in notice.parts


def test_morning_lists_the_sites_problems():
    problems = {
        "玄帝庙街路西": problem_lines(
            [ProblemLine(12, "井盖松动，有安全隐患需要尽快处理的问题和其他", date(2026, 11, 28))],
            [ProblemLine(9, "小广告", date(2026, 11, 20), status="待核查")],
        )
    }
    notice = morning_notice(WED, START, END, TEAMS, problems)
    assert notice.text == (
        "【今天值班】12月2日（周三） 07:30-09:00\n"
        "玄帝庙街路西：@王晓明 @李娜\n"
        "  待处理 #12 井盖松动，有安全隐患需要尽快处理的问题…（11月28日起）\n"
        "  待核查 #9 小广告（看过后 /核查 9 通过）\n"
        "市16网格：@周建国 何永军"
    )


def test_morning_cuts_a_long_problem_list():
    lines = [f"待处理 #{n} 垃圾" for n in range(8)]
    notice = morning_notice(WED, START, END, TEAMS[:1], {"玄帝庙街路西": lines})
    assert notice.text.count("待处理") == 5
    assert notice.text.endswith("…等 8 个问题，请现场查看")


def test_checkin_and_evening_are_none_when_nobody_is_missing():
    assert checkin_notice(START, 30, []) is None
    assert checkin_notice(START, 30, [SiteTeam("市16网格", ())]) is None
    assert evening_notice(WED, []) is None
    notice = checkin_notice(START, 30, [SiteTeam("市16网格", (Member("周建国", 20007),))])
    assert notice is not None
    assert notice.text == (
        "【报到提醒】07:30 的值班已开始 30 分钟，以下同志还没有报到：\n"
        "市16网格：@周建国\n到岗后请发送 /报到。"
    )
    notice = evening_notice(WED, TEAMS[1:])
    assert notice is not None
    assert notice.text.startswith(
        "【日报提醒】今天（12月2日）这些地点的值班日报还没有收到：\n市16网格"
    )


def test_prefixed_notice_keeps_its_mentions():
    notice = day_before_notice(WED, START, END, TEAMS).prefixed("【提醒测试】")
    assert notice.text.startswith("【提醒测试】【值班提醒】")
    assert notice.mentioned == (20001, 20002, 20007)


def test_streaks_end_on_the_day_and_grow():
    records = [
        DutyRecord(date(2026, 11, 23), True, True),
        DutyRecord(date(2026, 11, 25), False, True),
        DutyRecord(date(2026, 11, 27), False, False),
        DutyRecord(date(2026, 11, 30), False, False),
    ]
    streaks = missed_streaks("李娜", records, date(2026, 11, 30))
    assert [(s.what, len(s.days)) for s in streaks] == [("checkin", 3), ("report", 2)]
    # One missed duty is no streak; a run not extended on the day is not repeated.
    assert missed_streaks("李娜", records, date(2026, 11, 25)) == []
    assert missed_streaks("李娜", records, date(2026, 11, 28)) == []
    # A duty attended breaks the run.
    records.append(DutyRecord(date(2026, 12, 2), True, False))
    streaks = missed_streaks("李娜", records, date(2026, 12, 2))
    assert [(s.what, len(s.days)) for s in streaks] == [("report", 3)]


def test_streak_notice_text():
    assert streak_notice(WED, []) is None
    streaks = missed_streaks(
        "李娜",
        [DutyRecord(date(2026, 11, 30), False, True), DutyRecord(WED, False, True)],
        WED,
    )
    notice = streak_notice(WED, streaks)
    assert notice is not None
    assert (
        notice.text
        == "【连续缺勤提醒】截至12月2日：\n李娜：连续 2 次值班未报到（11月30日、12月2日）"
    )


def test_weekly_notice():
    monday = date(2026, 12, 7)
    days = [
        DayAttendance(date(2026, 11, 30), 6, 5, ("李娜",), 2, 2),
        DayAttendance(date(2026, 12, 2), 6, 6, (), 2, 1),
    ]
    old = old_problem_lines(
        [
            ProblemLine(3, "井盖松动", date(2026, 11, 20), "市16网格"),
            ProblemLine(4, "垃圾", date(2026, 12, 5), "市16网格"),
        ],
        monday,
    )
    notice = weekly_notice(monday, days, old)
    assert notice is not None
    assert notice.text == (
        "【上周值班情况】11月30日—12月6日\n"
        "11月30日（周一） 到岗 5/6，日报 2/2，未报到：李娜\n"
        "12月2日（周三） 到岗 6/6，日报 1/2\n"
        "合计到岗 11/12 人次，日报 3/4 份。\n"
        "超过 7 天未解决的问题 1 个：\n"
        "#3 市16网格 井盖松动（11月20日起，已 17 天）"
    )
    assert weekly_notice(monday, [], []) is None
    assert weekly_notice(monday, [], old) is not None


def test_deadline_notice():
    assert deadline_notice(date(2026, 7, 5), date(2026, 7, 2)).text == (
        "【报送提醒】7月5日（周日）是创城材料报送截止日，还有 3 天，请提前准备。"
    )
    assert "就是今天" in deadline_notice(date(2026, 7, 5), date(2026, 7, 5)).text


def test_notice_text_joins_parts():
    assert Notice(("a", Mention(1, "甲"), "b")).text == "a@甲b"
