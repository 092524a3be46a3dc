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
    # More in the total than in the items: the total is the figure, the rest left open.
    report = one(
        "玄帝庙街值班：共发现问题10处。电动车乱停放5处，已规整；小广告3处，已清除。", unit_a
    )
    assert totals(report) == (10, 8, 2)
    assert any("按合计记" in note for note in report.notes)
    # More in the items than in the total: the items are what was seen.
    report = one(
        "玄帝庙街值班：共发现问题6处。电动车乱停放5处，已规整；小广告3处，已清除。", unit_a
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


# --- rules REPORTS.md decides since the public 60 (issue 12) -----------------------------------

GRID_B = "市23网格（越河街道仙营社区）"
ROAD_B_SHARED = "古槐路（共青团路至建设路）东侧"


@pytest.fixture(scope="module")
def unit_bs():
    from dutybot.unit import load_unit

    from .support import CORPUS

    return load_unit(CORPUS / "unit-b-shared.toml")


@pytest.fixture(scope="module")
def unit_c():
    from dutybot.unit import load_unit

    from .support import CORPUS

    return load_unit(CORPUS / "unit-c.toml")


@pytest.mark.parametrize(
    ("written", "site"),
    [
        ("玄地庙街路西", ROAD_A),  # voice input writes a character that sounds the same
        ("玄帝庙路西", ROAD_A),  # one character left out of a long name
        ("凤凰成社区", GRID_A),
    ],
)
def test_site_names_as_they_sound_or_with_a_slip(unit_a, written, site):
    assert one(f"{written}今日值班，电动车乱停3辆，已摆放整齐。", unit_a).site == site


@pytest.mark.parametrize("written", ["古怀路", "鲜营社区", "📍仙营"])
def test_site_names_by_sound_in_unit_b(unit_bs, written):
    report = one(f"{written} 值班 韩东升 蒋丽萍 小广告3处 撕了", unit_bs)
    assert report.site in (ROAD_B_SHARED, GRID_B)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("三四处", 4),  # a range counts the larger number
        ("3-4处", 4),
        ("一两处", 2),
        ("七八辆", 8),
        ("十几处", 10),  # like 十余
        ("俩", 2),
        ("仨", 3),
        ("一片", 1),
        ("不少", 1),
    ],
)
def test_colloquial_numbers_and_ranges(unit_a, text, found):
    report = one(f"玄帝庙街值班：小广告{text}，已清除。", unit_a)
    assert totals(report) == (found, found, 0)


@pytest.mark.parametrize(
    "text",
    [
        "凤凰城社区值班，我们五个人都到了，楼道小广告2处，已清除。",
        "凤凰城社区6人值班，楼道小广告2处，已清除。",
        "凤凰城社区值班，周建国、吴婷婷四人分两组，楼道小广告2处，已清除。",
    ],
)
def test_a_head_count_is_not_a_quantity(unit_a, text):
    assert totals(one(text, unit_a)) == (2, 2, 0)


def test_a_number_in_its_own_clause_counts_the_item_before(unit_a):
    report = one("玄帝庙街值班：共享单车乱放，大概20来辆，已摆放整齐。", unit_a)
    assert totals(report) == (20, 20, 0)
    assert [i.category for i in report.found] == ["市容秩序"]


@pytest.mark.parametrize(
    "text",
    [
        "玄帝庙街值班：往南50米有井盖破损，已报城管。",
        "凤凰城社区值班：8号楼井盖破损，已报城管。",
        "凤凰城社区值班：7:25到岗，井盖破损，已报城管。附图4张。",
    ],
)
def test_numbers_that_are_not_quantities(unit_a, text):
    assert totals(one(text, unit_a)) == (1, 0, 1)


@pytest.mark.parametrize(
    ("outcome", "fixed"),
    [
        ("已劝改", True),
        ("劝走了", True),
        ("已扶正", True),
        ("交给社区了", False),
        ("已移交社区", False),
        ("已转交物业", False),
        ("已上报", False),
        ("已通知物业", False),
        ("跟社区说了让他们找车拉走", False),
    ],
)
def test_fix_words_and_handovers(unit_a, outcome, fixed):
    report = one(f"凤凰城社区值班：楼道乱堆杂物2处，{outcome}。", unit_a)
    assert totals(report) == ((2, 2, 0) if fixed else (2, 0, 2))


@pytest.mark.parametrize("outcome", ["已重新张贴", "重新贴好了"])
def test_a_poster_put_up_again_is_fixed(unit_a, outcome):
    report = one(f"凤凰城社区值班：宣传栏海报脱落1处，{outcome}。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_a_partial_fix_next_to_a_pending_one(unit_a):
    report = one("凤凰城社区值班：流动摊贩四五个，劝离了三个，另外两个已报城管。", unit_a)
    assert totals(report) == (5, 3, 2)


def test_uncivil_behaviour_stopped_is_a_problem_found_and_resolved(unit_a):
    report = one("玄帝庙街值班：2名行人翻越护栏，已劝阻；劝导闯红灯8人次。", unit_a)
    assert [(i.category, i.count) for i in report.found] == [("文明行为", 2)]
    assert totals(report) == (2, 2, 0)
    assert report.activities == (Activity("劝导", 8, "人次"),)


def test_fixes_by_item_number(unit_a):
    report = one(
        "玄帝庙街值班\n发现问题：\n1.电动车乱停6辆\n2.烟头若干\n3.井盖松动1处\n4.小广告3处\n"
        "整改情况：第1、2、4条当场整改，第3条已报城管。",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)


def test_a_fix_section_matches_fixes_to_problems_by_object(unit_a):
    report = one(
        "凤凰城社区值班\n发现问题：\n（一）楼道内堆放杂物3处\n（二）绿化带内建筑垃圾1堆\n"
        "（三）宣传栏海报褪色1处\n整改情况：\n（一）建筑垃圾已清运完毕\n（二）杂物已督促住户清理完毕",
        unit_a,
    )
    assert [(p.category, p.count, p.resolved) for p in report.problems] == [
        ("市容秩序", 3, 3),
        ("环境卫生", 1, 1),
        ("宣传氛围", 1, 0),
    ]


def test_all_but_the_named_exception_is_fixed(unit_a):
    text = (
        "玄帝庙街值班\n1.电动车乱停5辆\n2.护栏油漆脱落一段\n3.烟头若干\n以上问题除第2项外均已整改。"
    )
    assert totals(one(text, unit_a)) == (7, 6, 1)


def test_carried_over_and_plans_are_not_counted_even_mid_sentence(unit_a):
    text = (
        "凤凰城社区值班 上周那个井盖的问题已经修好了 不算今天的 然后今天捡了两袋垃圾 "
        "下步打算是跟社区协调小广告的问题"
    )
    assert totals(one(text, unit_a)) == (2, 2, 0)


def test_item_text_keeps_the_whole_problem_without_status_words(unit_a):
    report = one(
        "玄帝庙街值班：发现共享单车乱停14辆、已摆放整齐；宣传栏破损1处待社区维修；"
        "共青团路口小广告3处，已清除。",
        unit_a,
    )
    assert [i.text for i in report.found] == ["共享单车乱停", "宣传栏破损", "共青团路口小广告"]


def test_a_run_on_voice_message(unit_bs):
    report = one(
        "那个今天我们在古怀路值班然后就是发现电动车乱停了大概十几辆然后我们都给摆好了"
        "还有就是小广告有三四处也撕掉了嗯井盖有一个松了报给城管了",
        unit_bs,
    )
    assert report.site == ROAD_B_SHARED
    assert totals(report) == (15, 14, 1)
    assert {i.category for i in report.found} == {"市容秩序", "基础设施"}


def test_a_report_with_spaces_for_punctuation(unit_a):
    report = one(
        "📍玄帝庙街 打卡✅\n👥王晓明 李娜 赵强\n电动车乱停 摆了十几辆~ 烟头 纸屑 一堆 捡完啦\n"
        "❌盲道砖碎了俩 已报城管",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜", "赵强")
    assert totals(report) == (13, 11, 2)


@pytest.mark.parametrize("separator", ["\n————————\n", "\n\n"])
def test_two_sites_parted_by_a_dash_line_or_a_blank_line(unit_a, separator):
    text = (
        "今天玄帝庙街路西值班：王晓明、李娜，电动车乱停5辆，已摆放整齐。"
        f"{separator}凤凰城社区：陈志远、孙悦，楼道小广告3处，已清除。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜"), (5, 5, 0)),
        (GRID_A, ("陈志远", "孙悦"), (3, 3, 0)),
    ]


@pytest.mark.parametrize(
    ("text", "staff", "absent"),
    [
        (
            "玄帝庙街值班：王晓明、李娜、赵强。孙悦请假，刘海燕出差没来，陈志远未到。未发现问题。",
            ("王晓明", "李娜", "赵强"),
            ("孙悦", "刘海燕", "陈志远"),
        ),
        (
            "凤凰城社区值班：周建国 吴婷婷 郑凯，朱琳缺席。未发现问题。",
            ("周建国", "吴婷婷", "郑凯"),
            ("朱琳",),
        ),
        (
            "凤凰城社区值班：周建国、吴婷婷，胡科长出差。未发现问题。",
            ("周建国", "吴婷婷"),
            ("胡立新",),  # the only 胡 on the list
        ),
    ],
)
def test_absent_people_are_not_staff(unit_a, text, staff, absent):
    report = one(text, unit_a)
    assert (report.staff, report.absent) == (staff, absent)


def test_numbered_and_space_separated_name_lists(unit_a):
    report = one("玄帝庙街值班\n值班人员：\n1.王晓明\n2.李娜\n3.张华\n未发现问题。", unit_a)
    assert report.staff == ("王晓明", "李娜", "张华")
    report = one("凤凰城社区 周建国 吴婷婷 刘洋(借调的) 未发现问题", unit_a)
    assert report.staff == ("周建国", "吴婷婷", "刘洋")


def test_unlisted_names_only_with_a_staff_list_or_on_duty_word(unit_a):
    report = one("凤凰城社区值班：周建国、吴婷婷，另有社区志愿者李强参加。未发现问题。", unit_a)
    assert report.staff == ("周建国", "吴婷婷", "李强")
    report = one("凤凰城社区值班：周建国、吴婷婷。张大爷反映楼道灯不亮，已报物业。", unit_a)
    assert report.staff == ("周建国", "吴婷婷")


def test_staff_names_that_are_common_words_count_only_as_names(unit_c):
    report = one("洸河路北侧值班 孟庆华 褚丽娟 柴晓东 早高峰电动车较多 摆得方方正正 约20辆", unit_c)
    assert report.staff == ("孟庆华", "褚丽娟", "柴晓东")  # not 高峰, not 方正
    report = one("文昌巷值班：高峰、方正、俞志刚。墙上小广告十几处，撕了。", unit_c)
    assert report.staff == ("高峰", "方正", "俞志刚")


def test_surname_and_title(unit_a):
    # One 王 on unit a's list: 王晓明. Unit d has two 王, so 王科长 stays as written there.
    assert one("玄帝庙街值班：王科长、李娜。未发现问题。", unit_a).staff == ("王晓明", "李娜")
    from dutybot.unit import load_unit

    from .support import CORPUS

    unit_d = load_unit(CORPUS / "unit-d.toml")
    report = one("红星东路值班：王科长、齐心、杨帆。未发现问题。", unit_d)
    assert report.staff == ("王科长", "齐心", "杨帆")
    report = one("红星东路值班：杨帆、赵敏，大家齐心协力清理小广告5处。", unit_d)
    assert report.staff == ("杨帆", "赵敏")


def test_repeated_sentences_count_once(unit_a):
    text = (
        "玄帝庙街路西值班：王晓明、李娜。电动车乱停5辆，已摆放整齐。\n电动车乱停5辆，已摆放整齐。"
    )
    report = one(text, unit_a)
    assert totals(report) == (5, 5, 0)
    assert report.repeated_sentences == 1
    pasted = "凤凰城社区值班：小广告3处，已清除。\n\n凤凰城社区值班：小广告3处，已清除。"
    assert one(pasted, unit_a).repeated_sentences == 1
