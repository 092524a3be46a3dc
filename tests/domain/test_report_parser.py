"""One test or more per rule of REPORTS.md."""

from datetime import date

import pytest

from dutybot.report_parser import Activity, Item, ParsedReport, parse_message

from .support import at

ROAD_A = "玄帝庙街（铁北路至车站西路）路西"
GRID_A = "市16网格（南苑街道凤凰城社区）"
ROAD_B = "建设路（太白楼路至红星路）东侧"
ROAD2_B = "琵琶山路（共青团路至洸河路）路北"
WEDNESDAY = at("2026-11-25 09:30")


def one(text, unit, sent_at=WEDNESDAY, sender=None) -> ParsedReport:
    reports = parse_message(text, sent_at, unit, sender)
    assert len(reports) == 1, reports
    return reports[0]


def totals(report: ParsedReport) -> tuple[int, int, int]:
    return report.found_total, report.resolved_total, report.pending_total


# --- site ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "玄帝庙街（铁北路至车站西路）路西",
        "玄帝庙街(铁北路至车站西路)路西",
        "玄帝庙街路西",
        "玄帝庙街西侧",
        "玄帝庙街（铁北路至车站西路）西侧",
        "玄帝庙街",
    ],
)
def test_site_spellings_of_unit_a(unit_a, written):
    assert one(f"{written}今日值班，未发现问题。", unit_a).site == ROAD_A


@pytest.mark.parametrize(
    ("written", "site"),
    [
        ("琵琶山路北侧", ROAD2_B),
        ("琵琶山路路北", ROAD2_B),
        ("琵琶山路", ROAD2_B),  # no aliases
        ("建设路东侧", ROAD_B),
        ("23网格", "市23网格（古槐街道运河社区）"),
        ("古槐街道运河社区", "市23网格（古槐街道运河社区）"),
    ],
)
def test_site_variations_without_aliases(unit_b, written, site):
    assert one(f"{written}今日值班，未发现问题。", unit_b).site == site


def test_unknown_site_is_null_with_a_note(unit_a):
    report = one("今日红星路值班：李娜、赵强。电动车乱停放3辆，已摆放整齐。", unit_a)
    assert report.site is None
    assert "没认出地点“红星路”" in report.notes


def test_a_labelled_site_wins_over_an_earlier_mention(unit_a):
    text = "凤凰城社区创城工作\n值班地点：玄帝庙街路西\n电动车乱停放2辆，已规整"
    assert one(text, unit_a).site == ROAD_A


def test_one_message_two_sites(unit_a):
    text = (
        "12月2日值班情况\n【玄帝庙街路西】李娜、赵强、孙悦\n电动车乱停放7辆，已摆放整齐。\n"
        "【凤凰城社区】陈志远、刘海燕\n入户宣传15户；楼道乱堆杂物2处，已通知物业清理。"
    )
    reports = parse_message(text, at("2026-12-02 10:45"), unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("李娜", "赵强", "孙悦"), (7, 7, 0)),
        (GRID_A, ("陈志远", "刘海燕"), (2, 0, 2)),
    ]
    assert reports[1].activities == (Activity("入户宣传", 15, "户"),)
    assert all(r.date == date(2026, 12, 2) for r in reports)


# --- staff -----------------------------------------------------------------------------------


def test_titles_are_stripped_and_order_is_kept(unit_a):
    report = one("玄帝庙街值班：陈志远科长、孙悦同志、王晓明主任、李娜。未发现问题。", unit_a)
    assert report.staff == ("陈志远", "孙悦", "王晓明", "李娜")


def test_unlisted_names_are_kept_as_written(unit_a):
    report = one(
        "16网格今日值班：周建国、吴婷婷和新来的同事张华、林小雨一起到凤凰城社区，"
        "发放宣传资料60份。",
        unit_a,
    )
    assert report.staff == ("周建国", "吴婷婷", "张华", "林小雨")
    assert "“张华”不在人员名单中，按原文记" in report.notes


def test_unlisted_names_in_a_labelled_list(unit_b):
    report = one("建设路东侧值班\n值班人员：黄磊、周敏、志愿者李梅\n未发现问题", unit_b)
    assert report.staff == ("黄磊", "周敏", "李梅")


def test_the_sender_is_not_added_unless_named(unit_a):
    report = one("我和李娜今天在玄帝庙街值班，捡拾烟头一袋。", unit_a, sender="秘书科-王晓明")
    assert report.staff == ("李娜",)
    report = one("玄帝庙街今日值班6人，路段整洁，未发现问题。", unit_a, sender="出国境科-孙悦")
    assert report.staff == ()


def test_people_on_leave_are_not_on_duty(unit_a):
    report = one("玄帝庙街值班：王晓明、李娜、赵强。\n孙悦请假。\n未发现问题。", unit_a)
    assert report.staff == ("王晓明", "李娜", "赵强")


def test_grouped_staff_keeps_only_the_named(unit_a):
    assert one("【凤凰城社区值班】\n值班：何永军等6人\n未发现问题", unit_a).staff == ("何永军",)


# --- found, resolved, totals -----------------------------------------------------------------


def test_structured_report_with_a_fix_section(unit_a):
    report = one(
        "【路长制值班日报】\n值班路段：玄帝庙街路西\n发现问题：\n1.电动车乱停放5处\n"
        "2.绿化带内烟头纸屑若干\n3.盲道砖破损2块\n整改情况：电动车已摆放整齐，绿化带垃圾当场清理；"
        "盲道砖破损已拍照上报城管，待维修。",
        unit_a,
    )
    assert [(i.category, i.count) for i in report.found] == [
        ("市容秩序", 5),
        ("环境卫生", 1),
        ("基础设施", 2),
    ]
    assert [(i.category, i.count) for i in report.resolved] == [("市容秩序", 5), ("环境卫生", 1)]
    assert totals(report) == (8, 6, 2)


def test_fixes_referred_to_by_number(unit_a):
    report = one(
        "玄帝庙街路西值班\n发现问题：\n1.护栏上晾晒衣物1处\n2.垃圾桶破损1个\n3.树坑内烟头较多\n"
        "整改：1、3当场整改；2已报城管维修。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)
    assert {i.category for i in report.resolved} == {"市容秩序", "环境卫生"}


def test_everything_fixed(unit_a):
    text = (
        "玄帝庙街西侧值班\n发现问题：机动车违停两辆，路灯杆上小广告五处，绿化带内塑料袋一些。\n"
        "整改情况：已全部整改。"
    )
    assert totals(one(text, unit_a)) == (8, 8, 0)
    text2 = "玄帝庙街值班。问题：乱堆纸箱3处；白色垃圾多处；小广告4处。\n以上问题均已整改。"
    assert totals(one(text2, unit_a)) == (8, 8, 0)


def test_fixed_on_the_spot_counts_as_found_and_resolved(unit_a):
    report = one(
        "今天凤凰城社区值班，清理楼道小广告十二处，捡拾垃圾三袋；发现3号楼东侧一处井盖松动，"
        "已告知社区联系物业维修。",
        unit_a,
    )
    assert [(i.category, i.count) for i in report.found] == [
        ("市容秩序", 12),
        ("环境卫生", 3),
        ("基础设施", 1),
    ]
    assert totals(report) == (16, 15, 1)


def test_partial_fixes_count_only_what_was_fixed(unit_a):
    assert totals(
        one(
            "凤凰城社区值班：小区南门机动车违停5辆，经联系物业，3辆已挪走，另2辆车主联系不上。",
            unit_a,
        )
    ) == (5, 3, 2)
    assert totals(
        one("凤凰城社区值班：消防通道违停5辆，挪走3辆，2辆车主联系不上，已告知物业。", unit_a)
    ) == (5, 3, 2)
    assert totals(
        one("凤凰城社区值班：楼道内小广告二十余处，已清除十五处，剩余待下次清理。", unit_a)
    ) == (20, 15, 5)


@pytest.mark.parametrize(
    ("outcome", "fixed"),
    [
        ("已清理", True),
        ("已清完", True),
        ("已挪走", True),
        ("经劝导已离开", True),
        ("已劝离", True),
        ("已劝导商户收回", True),
        ("当场清理完毕", True),
        ("已督促商户清扫干净", True),
        ("经联系物业已当场清运", True),
        ("已联系车主挪走", True),
        ("已报城管", False),
        ("已联系城管", False),
        ("已通知物业", False),
        ("待维修", False),
        ("还没修", False),
        ("已通知物业限期清理", False),
        ("已报社区，待维修", False),
        ("已联系交警处理，暂未挪走", False),
        ("已向社区反映", False),
    ],
)
def test_what_counts_as_fixed(unit_a, outcome, fixed):
    report = one(f"玄帝庙街值班：电动车乱停放3辆，{outcome}。", unit_a)
    assert totals(report) == ((3, 3, 0) if fixed else (3, 0, 3))


def test_numbers_in_the_item_and_after_it(unit_a):
    text = "玄帝庙街值班。路上落叶多，大家和环卫工人一起清扫了人行道落叶和绿化带内的塑料袋等垃圾，共两袋。"
    assert totals(one(text, unit_a)) == (2, 2, 0)
    text = "玄帝庙街值班，主要问题是电动车停放杂乱，大家一起把十五辆电动车摆放到停车区内。"
    assert totals(one(text, unit_a)) == (15, 15, 0)


def test_listed_items_with_their_own_numbers(unit_a):
    report = one(
        "市16网格值班：发现问题4处（楼道小广告2处、垃圾桶破损1个、公益广告缺失1处），"
        "其中小广告当场清除，其余2处已报社区。",
        unit_a,
    )
    assert [(i.category, i.count) for i in report.found] == [
        ("市容秩序", 2),
        ("基础设施", 1),
        ("宣传氛围", 1),
    ]
    assert totals(report) == (4, 2, 2)


def test_a_summary_alone_becomes_one_item(unit_a):
    report = one("凤凰城社区值班：共发现问题5处，当场整改4处，1处已报社区。", unit_a)
    assert report.found == (Item("其他", "问题", 5),)
    assert totals(report) == (5, 4, 1)


def test_a_summary_that_disagrees_with_the_details_is_noted(unit_a):
    report = one(
        "玄帝庙街值班：共发现问题10处。电动车乱停放5处，已规整；小广告3处，已清除。", unit_a
    )
    assert totals(report) == (8, 8, 0)
    assert any("不一致" in note for note in report.notes)


def test_no_problem_report(unit_a):
    report = one("凤凰城社区今天值班情况正常，6人到岗，未发现问题。", unit_a)
    assert (report.site, report.found, report.resolved, totals(report)) == (
        GRID_A,
        (),
        (),
        (0, 0, 0),
    )


# --- what counts today -----------------------------------------------------------------------


def test_plans_and_carried_over_problems_are_not_counted(unit_a):
    text = (
        "玄帝庙街路西值班\n今日发现：\n1、共享单车乱停放9辆，已规整\n"
        "遗留问题：上周上报的井盖下沉仍未修复（已报城管，不计入今日问题）\n"
        "下步打算：继续做好早高峰非机动车停放引导，清理小广告。"
    )
    assert totals(one(text, unit_a)) == (9, 9, 0)
    text = "今天凤凰城社区值班。上周反映的井盖破损问题仍未维修，已再次催促物业。今日发现流动摊贩1处，已劝离。"
    assert totals(one(text, unit_a)) == (1, 1, 0)


def test_a_restated_result_is_not_counted_twice(unit_a):
    text = (
        "今日玄帝庙街路西值班\n发现：\n- 电动车乱停放12辆（已摆放整齐）\n- 人行道地砖破损3块（已上报）\n"
        "工作成效：规范停车12辆，劝导市民文明出行8人次。"
    )
    report = one(text, unit_a)
    assert totals(report) == (15, 12, 3)
    assert report.activities == (Activity("劝导", 8, "人次"),)


def test_a_problem_flagged_by_others_and_fixed_on_duty_counts(unit_a):
    text = (
        "今天玄帝庙街路西值班。按创城办反馈，对铁北路口周边小广告进行了集中清理，共清除小广告23处。"
    )
    assert totals(one(text, unit_a)) == (23, 23, 0)


# --- activities ------------------------------------------------------------------------------


def test_activities_are_not_problems(unit_a):
    report = one(
        "凤凰城社区值班：入户宣传创城知识，走访居民二十户，发放《市民文明公约》等宣传资料六十份，"
        "开展问卷调查，回收问卷30份，参加志愿服务6人次，劝导闯红灯行人十二人次。",
        unit_a,
    )
    assert report.activities == (
        Activity("入户宣传", 20, "户"),
        Activity("发放宣传资料", 60, "份"),
        Activity("问卷调查", 30, "份"),
        Activity("志愿服务", 6, "人次"),
        Activity("劝导", 12, "人次"),
    )
    assert report.found == ()


def test_persuasion_counted_in_person_times_is_always_an_activity(unit_a):
    report = one("玄帝庙街值班：劝导不文明行为12人次，劝导遛狗不牵绳3人次。", unit_a)
    assert report.found == ()
    assert [a.count for a in report.activities] == [12, 3]


# --- not reports -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "收到",
        "好的👍",
        "明天谁值班？",
        "已阅",
        "[CQ:face,id=76][CQ:face,id=76]",
        "[图片][图片]\n玄帝庙街路西今日值班照片",
        "请问今天凤凰城社区那边谁带队？我这边有点事晚到十分钟",
        "请问12月7日玄帝庙街是6个人还是3个人？名单上只有5个",
        "@全体成员 近期玄帝庙街路西电动车乱停放、烟头较多，请各值班组重点整治。",
        "【通知】玄帝庙街路西发现问题12处（电动车乱停放8处、小广告4处），请于12月20日前整改到位。",
        "各位，今天暗访反馈：玄帝庙街路西有3处小广告、2辆电动车乱停，请周一值班的同志重点整改。",
        "11月27日（周五）值班名单：玄帝庙街路西 郑凯、马文静；凤凰城社区 王晓明、李娜。",
        "上个月我们单位一共值班13次，发现问题86处，整改79处，大家辛苦了！",
        "玄帝庙街今天的整改效果很好，电动车摆得很整齐，值得表扬👍",
        "今天风好大，大家注意保暖",
    ],
)
def test_non_reports(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


def test_to_contract_is_the_reports_md_form(unit_a):
    report = one(
        "11月20日玄帝庙街路西值班：王晓明、李娜。电动车乱停放5处，已摆放整齐；劝导12人次。",
        unit_a,
        sent_at=at("2026-11-20 09:20"),
    )
    assert report.to_contract() == {
        "date": "2026-11-20",
        "site": ROAD_A,
        "staff": ["王晓明", "李娜"],
        "found": [{"category": "市容秩序", "text": "电动车乱停放", "count": 5}],
        "resolved": [{"category": "市容秩序", "text": "电动车乱停放，已摆放整齐", "count": 5}],
        "activities": [{"kind": "劝导", "count": 12, "unit": "人次"}],
        "found_total": 5,
        "resolved_total": 5,
        "pending_total": 0,
    }


def test_a_numbered_fix_list_follows_the_found_list(unit_a):
    text = "玄帝庙街值班\n发现问题：\n1.电动车乱停放6辆\n2.烟头若干\n3.井盖松动1处\n整改情况：\n1.已摆放整齐\n2.已清理\n3.已报城管"
    assert totals(one(text, unit_a)) == (8, 7, 1)


def test_a_remainder_adds_to_what_was_fixed(unit_a):
    text = "玄帝庙街值班。小广告已清除3处，还有2处在高处够不着，已报城管。"
    assert totals(one(text, unit_a)) == (5, 3, 2)


def test_a_second_site_heading_inside_a_line(unit_a):
    text = "玄帝庙街路西值班：王晓明、李娜\n电动车乱停3辆，已规整。凤凰城社区：小广告5处，已清除。"
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, totals(r)) for r in reports] == [(ROAD_A, (3, 3, 0)), (GRID_A, (5, 5, 0))]


def test_a_one_word_all_clear_is_a_report(unit_a):
    assert totals(one("玄帝庙街值班情况：正常", unit_a)) == (0, 0, 0)


def test_putting_up_posters_is_work_not_a_problem(unit_a):
    report = one("凤凰城社区值班：清理楼道杂物6处，张贴春节公益广告10张。", unit_a)
    assert totals(report) == (6, 6, 0)
    assert totals(one("凤凰城社区值班：楼道内乱张贴小广告4处，已清除。", unit_a)) == (4, 4, 0)


def test_problems_pair_found_items_with_their_fixes(unit_a):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from dutybot.report_parser import parse_message

    sent = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    [report] = parse_message(
        "玄帝庙街值班：发现垃圾3处已清理；电动车乱停5辆，其中2辆已摆放整齐；井盖破损1处已报城管",
        sent,
        unit_a,
    )
    assert [(p.category, p.count, p.resolved) for p in report.problems] == [
        ("环境卫生", 3, 3),
        ("市容秩序", 5, 2),
        ("基础设施", 1, 0),
    ]


def test_assume_report_reads_what_the_checks_would_drop(unit_a):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from dutybot.report_parser import parse_message

    sent = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    text = "今天在凤凰城，捡了烟头十几个？"
    assert parse_message(text, sent, unit_a) == []
    [report] = parse_message(text, sent, unit_a, assume_report=True)
    assert report.site == "市16网格（南苑街道凤凰城社区）"
    assert report.found_total >= 1
    [empty] = parse_message("今天没什么", sent, unit_a, assume_report=True)
    assert empty.site is None
    assert empty.found_total == 0
