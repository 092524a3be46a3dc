"""How a person reads a report, rule by rule: the kinds of failure the blind batches showed,
each tested in general (the corpus test covers the batches themselves)."""

from dataclasses import replace
from datetime import date

import pytest

from dutybot.classify import classify_with
from dutybot.report_parser import ParsedReport, parse_message
from dutybot.reports.amounts import first_amount
from dutybot.reports.status import read_status
from dutybot.unit import Category, load_unit

from .support import CORPUS, at

ROAD_A = "玄帝庙街（铁北路至车站西路）路西"
GRID_A = "市16网格（南苑街道凤凰城社区）"
WEDNESDAY = at("2026-11-25 09:30")


@pytest.fixture(scope="session")
def unit_f():
    return load_unit(CORPUS / "unit-f.toml")


@pytest.fixture(scope="session")
def unit_g():
    return load_unit(CORPUS / "unit-g.toml")


def one(text, unit, sent_at=WEDNESDAY) -> ParsedReport:
    reports = parse_message(text, sent_at, unit)
    assert len(reports) == 1, reports
    return reports[0]


def totals(report: ParsedReport) -> tuple[int, int, int]:
    return report.found_total, report.resolved_total, report.pending_total


def with_words(unit, category_name, *words):
    """The unit with more keywords for one category, as an office with its own words has."""
    categories = tuple(
        replace(category, keywords=(*category.keywords, *words))
        if category.name == category_name
        else category
        for category in unit.categories
    )
    return replace(unit, categories=categories)


# --- people ------------------------------------------------------------------------------------


def test_a_phrase_ending_in_de_is_no_name(unit_a):
    # 车 is a surname, but 违停的车忒多 introduces nobody; 新来的小伙子孙浩 does.
    report = one("玄帝庙街值班 王晓明 李娜 违停的车忒多 四十多辆 都给挪整齐了", unit_a)
    assert report.staff == ("王晓明", "李娜")
    assert totals(report) == (40, 40, 0)
    report = one("凤凰城社区值班 周建国 新来的小伙子孙浩 捡了两袋垃圾", unit_a)
    assert report.staff == ("周建国", "孙浩")


def test_dialect_i_and_a_name_standing_alone(unit_a):
    assert one("就俩人 俺和李娜 玄帝庙街 没啥问题", unit_a).staff == ("李娜",)
    report = one("凤凰城社区 周建国 上周的路灯问题不再计入 今日小广告12张已清除", unit_a)
    assert report.staff == ("周建国",)
    assert totals(report) == (12, 12, 0)


# --- what counts ---------------------------------------------------------------------------


def test_not_counted_names_its_own_thing(unit_a):
    # The carried-over 井盖 was never an item; the 违停 just named stays.
    report = one(
        "玄帝庙街值班 王晓明 李娜 违停车辆四十多辆 都给挪整齐了 上周已经报过了的那个井盖今天不算",
        unit_a,
    )
    assert totals(report) == (40, 40, 0)
    report = one(
        "玄帝庙街值班：王晓明、李娜。井盖松动1处，已报城管，上周报过了，不算今天的。", unit_a
    )
    assert totals(report) == (0, 0, 0)


def test_work_told_then_what_it_came_to(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 主要是捡垃圾 捡了老多了 装了五袋", unit_a)
    assert totals(report) == (5, 5, 0)
    assert report.found[0].category == "环境卫生"
    # Work told with nothing after it is no item.
    report = one(
        "凤凰城社区：周建国、吴婷婷四人分两组，一组沿小区主干道捡拾垃圾，一组跟着网格员入户。"
        "捡了一袋烟头塑料袋。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_a_time_before_a_fix_told_verb_first(unit_a):
    report = one("玄帝庙街 王晓明 李娜 7:00-8:30 摆放非机动车三十余辆", unit_a)
    assert totals(report) == (30, 30, 0)


def test_a_thing_handed_on_is_a_problem_with_it(unit_a):
    report = one("玄帝庙街 王晓明 李娜 电动车x12 摆齐✅ 小广告x3 ✅ 井盖❌已报", unit_a)
    assert totals(report) == (16, 15, 1)
    assert [(i.category, i.count) for i in report.found][-1] == ("基础设施", 1)


@pytest.mark.parametrize("written", ["x5", "×5", "*5", "X5"])
def test_counts_typed_with_a_multiplication_sign(unit_a, written):
    report = one(f"玄帝庙街 王晓明 李娜 电动车乱停{written} 已摆齐", unit_a)
    assert totals(report) == (5, 5, 0)
    assert report.found[0].text == "电动车乱停"


def test_another_thing_after_still_another_is_a_new_item(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 一溜儿的流动摊贩占道 二十来个 都劝走了 还有七八辆三轮 挪开了",
        unit_a,
    )
    assert totals(report) == (28, 28, 0)
    assert len(report.found) == 2
    # The rest of the same thing stays the same item (a range counts its larger end).
    report = one("玄帝庙街 王晓明 李娜 小广告已清除3处，还有七八处够不着", unit_a)
    assert totals(report) == (11, 3, 8)


# --- where one clause ends -------------------------------------------------------------------


def test_a_dictated_report_in_one_breath(unit_a):
    report = one(
        "今儿个玄帝庙街俺们四个王晓明李娜赵强孙悦早上七点就到了电动车乱七八糟的停了一溜儿"
        "俺们给摆齐了估摸着有三四十辆路口小广告贴得老多了撕了十来张还有个井盖松了报给城管了",
        unit_a,
    )
    assert totals(report) == (51, 50, 1)
    assert [i.category for i in report.found] == ["市容秩序", "市容秩序", "基础设施"]


def test_after_le_a_thing_and_its_problem_start_anew(unit_a):
    report = one(
        "凤凰城社区今天俺跟周建国俩人楼道里堆的杂物好几处让住户自己收拾了垃圾桶满了环卫拉走了",
        unit_a,
    )
    assert report.staff == ("周建国",)
    assert totals(report) == (2, 2, 0)
    assert [i.category for i in report.found] == ["市容秩序", "环境卫生"]


# --- fixes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "refs",
    [
        "第（一）、（二）、（三）项当场整改",
        "第一、二、三项当场整改",
        "以上第一至第三项均已当场整改",
    ],
)
def test_fixes_by_chinese_numbered_items(unit_a, refs):
    text = (
        "玄帝庙街值班：王晓明、李娜。\n存在问题：\n（一）非机动车乱停放26辆；\n（二）出店经营3处；\n"
        f"（三）小广告12处；\n（四）井盖松动1处。\n整改落实：\n{refs}，第（四）项已移交城管。"
    )
    assert totals(one(text, unit_a)) == (42, 41, 1)


def test_one_is_no_reference_to_item_one(unit_a):
    text = "玄帝庙街值班：王晓明、李娜。\n1.电动车乱停5辆\n一是垃圾已清理"
    report = one(text, unit_a)
    assert totals(report) == (6, 1, 5)


@pytest.mark.parametrize(
    "outcome",
    ["已归整", "给顺好了", "刮掉了", "已驱赶", "已取下", "均已复位", "撵走了", "已劝其退回店内"],
)
def test_more_words_for_done(unit_a, outcome):
    assert totals(one(f"玄帝庙街值班 王晓明 李娜 流动摊贩2个 {outcome}", unit_a)) == (2, 2, 0)


def test_uncivil_behaviour_stopped_and_persuasion_as_work(unit_a):
    report = one("玄帝庙街 王晓明 李娜 一名男子随地吐痰 已劝导 劝导闯红灯行人15人次", unit_a)
    assert totals(report) == (1, 1, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("劝导", 15)]


# --- sites and days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今天玄帝庙街值班 王晓明 李娜 小广告4处 清了（应为凤凰城社区）",
        "玄帝庙街……不对，是凤凰城社区 今天 王晓明 李娜 小广告4处 清了",
    ],
)
def test_a_site_named_by_mistake_gives_way_to_its_correction(unit_a, text):
    assert one(text, unit_a).site == GRID_A


def test_a_site_named_only_to_be_denied(unit_a):
    text = "今天 王晓明 李娜 凤凰城那边的井盖不归我们管 玄帝庙街电动车乱停3辆 摆好了"
    assert one(text, unit_a).site == ROAD_A


def test_each_site_of_a_message_may_state_its_own_day(unit_a):
    text = (
        "昨天凤凰城社区：周建国、吴婷婷，楼道杂物2处已清理。\n"
        "今天玄帝庙街：王晓明、李娜，烟头较多已清扫。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.date) for r in reports] == [
        (GRID_A, date(2026, 11, 24)),
        (ROAD_A, date(2026, 11, 25)),
    ]


@pytest.mark.parametrize("written", ["11/4 李娜 王晓明", "11.4 玄帝庙街", "11.4 人民路口"])
def test_month_and_day_before_names_and_places(unit_a, written):
    report = one(f"玄帝庙街 {written} 王晓明 李娜 未发现问题", unit_a)
    assert report.date == date(2026, 11, 4)


# --- what is a report ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [("电动车乱停 8辆 摆好了", 8), ("更正：刚才电动车是5辆，都摆好了", 5), ("井盖松动 已上报", 1)],
)
def test_one_problem_sent_alone_is_a_report(unit_a, text, found):
    report = one(text, unit_a)
    assert (report.site, report.staff, report.found_total) == (None, (), found)


@pytest.mark.parametrize(
    "text",
    [
        "今天又是被共享单车支配的一天😂 我看咱们可以申请去当运维了",
        "小区门口电动车好多啊",
        "小广告真是清不完啊，昨天刚撕今天又贴上了",
        "大家注意，路口那边井盖松动已经报给住建局了，路过注意安全",
        "上周的统计：共清理小广告200多处，规整电动车500余辆",
    ],
)
def test_chat_about_problems_is_no_report(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


# --- categories ------------------------------------------------------------------------------


def test_a_door_is_where_before_kou():
    categories = (
        Category("市容秩序", ("杂物",)),
        Category("基础设施", ("单元门",)),
        Category("其他", ()),
    )
    assert classify_with("6号楼2单元门口杂物2处", categories) == "市容秩序"
    assert classify_with("6号楼2单元门坏了", categories) == "基础设施"


def test_a_full_bin_is_litter(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 垃圾桶满了 环卫拉走了", unit_a)
    assert report.found[0].category == "环境卫生"


# --- from batch f1 -----------------------------------------------------------------------------


def test_a_day_said_to_have_had_no_duty_is_not_the_duty_day(unit_a):
    text = "俺说一下，昨天礼拜天俺们没值班哈。今天玄帝庙街，俺跟李娜、赵强，饮料瓶好几个，捡了。"
    assert one(text, unit_a, at("2026-11-23 08:40")).date == date(2026, 11, 23)


def test_where_a_thing_was_put_tells_a_fix_or_the_problem(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 门口摆摊卖菜的占道十几家 都劝到市场里去了", unit_a)
    assert totals(report) == (10, 10, 0)
    report = one(
        "凤凰城社区 周建国 吴婷婷 二号楼有家把电动车推到楼道里充电 有安全隐患 劝他推出去了",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_examples_of_an_item_add_none(unit_f):
    # 蜂窝煤 is one of unit f's own words for disorder, like 杂物.
    report = one("东关，岳敏、王振华。楼道里堆的杂物，白菜啊蜂窝煤啊老多了，跟物业说了。", unit_f)
    assert totals(report) == (1, 0, 1)


def test_someone_pouring_into_a_drain_is_uncivil(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷，路上看见有人往下水道倒剩饭剩菜，劝阻了。", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "文明行为"


def test_a_stall_put_out_again_is_the_problem_and_moving_it_the_fix(unit_a):
    report = one(
        "玄帝庙街今天李娜、赵强到岗。早上那个卖早点的摊子又摆到路边了，劝他往里挪了挪，"
        "还有十来个烟头捡了。",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)
    assert report.found[0].category == "市容秩序"


def test_the_campaigns_own_banner_is_publicity(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 活动室门口的创城横幅挂歪了，咱给挂正了。", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "宣传氛围"


def test_a_farm_three_wheeler_parked_on_the_pavement(unit_a):
    report = one(
        "玄帝庙街，李娜、赵强。电动车乱停七八辆，摆好了，还有一辆农用三轮停在人行道上，"
        "找不着车主，给拍照报交警了。",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)


def test_two_sites_in_one_line(unit_a):
    text = (
        "今儿人手多分了两拨：玄帝庙街是王晓明、李娜，电动车摆了十五辆；"
        "凤凰城社区是周建国、吴婷婷，楼道小广告清了二十张，有个路灯不亮报给社区了。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜"), (15, 15, 0)),
        (GRID_A, ("周建国", "吴婷婷"), (21, 20, 1)),
    ]


# --- terse phone typing ------------------------------------------------------------------------


def test_slashes_and_arrows_part_clauses(unit_a):
    report = one("玄帝庙街/王晓明 李娜/电动车乱停×8→摆齐/烟头若干→捡拾", unit_a)
    assert (report.staff, totals(report)) == (("王晓明", "李娜"), (9, 9, 0))


def test_done_typed_as_yi_and_a_bare_verb(unit_a):
    report = one("玄帝庙街 王晓明 李娜 电动车乱停5辆已摆 小广告3处已撕 路灯不亮1盏已报", unit_a)
    assert totals(report) == (9, 8, 1)
    # 已移交 and 已贴单 are no 已移 and no 已贴.
    report = one("玄帝庙街 王晓明 李娜 井盖松动1处已移交城管 违停2辆已贴单", unit_a)
    assert totals(report) == (3, 0, 3)


def test_a_count_typed_before_a_space_and_a_word_starting_with_wu(unit_a):
    report = one("玄帝庙街 王晓明 李娜：小广告x4 撕除；无烟区吸烟x2 劝阻", unit_a)
    assert totals(report) == (6, 6, 0)
    assert [i.category for i in report.found] == ["市容秩序", "文明行为"]


def test_a_bare_number_typed_after_the_problem(unit_a):
    report = one("玄帝庙街 王晓明 李娜 共享单车倒地15 → 扶正 垃圾桶破损1 → 已报环卫", unit_a)
    assert totals(report) == (16, 15, 1)
    assert report.found[0].text == "共享单车倒地"
    # House numbers and the like stay what they are.
    report = one("凤凰城社区 周建国 吴婷婷 垃圾满溢 在3号楼 已清理", unit_a)
    assert totals(report) == (1, 1, 0)


# --- from batch g1 -----------------------------------------------------------------------------


def test_a_counted_thing_then_its_problem_is_one_clause(unit_a):
    report = one("玄帝庙街：共享单车x5 乱停→已摆齐；烟头纸屑若干→已捡", unit_a)
    assert totals(report) == (6, 6, 0)
    report = one("玄帝庙街 王晓明 李娜\n✅ 共享单车 十几辆 扶好", unit_a)
    assert totals(report) == (10, 10, 0)


@pytest.mark.parametrize("written", ["问题：0", "问题0 ✔", "发现问题：0处", "0问题"])
def test_zero_problems_is_an_all_clear(unit_a, written):
    report = one(f"玄帝庙街 7:30-9:00 到岗4人 {written}", unit_a)
    assert (report.site, totals(report)) == (ROAD_A, (0, 0, 0))


# --- before f2: formal reports, pieces of a report, other offices -----------------------------


def test_another_office_answering_is_no_report(unit_a):
    text = "市城管局：移交的玄帝庙街井盖松动问题已于今日修复，特此反馈。"
    assert parse_message(text, WEDNESDAY, unit_a) == []
    # The unit heading its own report is a report.
    assert one("市外侨办：玄帝庙街值班 王晓明 李娜 小广告3处已清除", unit_a).found_total == 3


def test_a_date_an_earlier_problem_was_reported_on_is_not_the_duty_day(unit_a):
    text = (
        "凤凰城社区值班：周建国、吴婷婷。小广告12处，已全部清除。11月20日已报的井盖问题，本次不计。"
    )
    report = one(text, unit_a)
    assert (report.date, totals(report)) == (date(2026, 11, 25), (12, 12, 0))


@pytest.mark.parametrize(
    ("text", "found", "resolved"),
    [
        ("6号楼2单元门口杂物2处 通知物业了", 2, 0),
        ("往东80米 井盖松动 已报住建局 附图3张", 1, 0),
        ("门口那堆建筑垃圾 附图2张", 1, 0),
    ],
)
def test_more_pieces_of_a_report_sent_alone(unit_a, text, found, resolved):
    report = one(text, unit_a)
    assert (report.found_total, report.resolved_total) == (found, resolved)


def test_a_cigarette_put_out_on_request(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 有个大爷在无烟区吸烟 劝灭了 一个小孩乱扔垃圾 让他捡起来了", unit_a
    )
    assert totals(report) == (2, 2, 0)


# --- from batch f2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "通报：12月8日创城办暗访，玄帝庙街发现电动车乱停5处、地砖破损6块，请外侨办于12月11日前"
        "整改到位并反馈。",
        "市城管局回复：玄帝庙街路面坑洼已于今日下午修复，请下次值班时核实。",
        "王主任，凤凰城那个垃圾池社区说下午派车清运。",
        # A reply or a word to someone about what will be done next.
        "收到。流浪狗的事我跟社区再说一下",
        "收到，@李娜 垃圾桶的事中午前再跟环卫催一下。",
        "@王晓明 井盖缺失是安全隐患，你跟住建局再催一下，有回复在群里说一声。",
        "@李娜 11/24玄帝庙街井盖下沉那张照片再发一下，区城管要",
        "好的王主任。出店经营那两家我明天再去回头看一下。",
    ],
)
def test_notices_replies_and_words_to_someone_are_no_reports(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


def test_labels_with_a_suffix_and_aspect_headings(unit_a):
    text = (
        "玄帝庙街值班日报\n值班人员：王晓明、李娜\n"
        "一是发现路口护栏倾斜2处；\n二是发现流动摊贩4处。\n"
        "整改落实情况：流动摊贩已劝离3处，另1处已移交城管；护栏倾斜已报交通局维修。\n"
        "（一）环境卫生方面：烟头纸屑较多，共清扫4袋。"
    )
    report = one(text, unit_a)
    assert totals(report) == (10, 7, 3)
    assert "环境卫生方面" not in [i.text for i in report.found]


def test_an_item_named_again_in_the_same_words_is_the_same_item(unit_a):
    text = "玄帝庙街值班：李娜、赵强。一是发现路口护栏倾斜2处；二是小广告5处，已清除。护栏倾斜已报交通局。"
    assert totals(one(text, unit_a)) == (7, 5, 2)


def test_a_numbered_item_before_a_house_number(unit_a):
    text = (
        "凤凰城社区值班：周建国、吴婷婷\n1）6号楼北侧垃圾1处；\n2）小区内飞线充电3处。\n"
        "整改落实：第1）项已组织清理完毕；第2）项已督促住户当场拆除2处，另1处已反馈社区。"
    )
    assert totals(one(text, unit_a)) == (4, 3, 1)


def test_a_promise_is_not_done(unit_a):
    text = (
        "玄帝庙街值班：李娜、赵强。存在问题：（一）促销横幅乱挂7条。整改落实：第（一）项已督促商户"
        "当场拆除5条，其余2条商户承诺今日下班前拆除。"
    )
    assert totals(one(text, unit_a)) == (7, 5, 2)


def test_an_earlier_problem_closed_by_others_is_not_todays(unit_a):
    text = (
        "凤凰城社区值班：周建国、吴婷婷。发现问题：楼道小广告11处。整改情况：以上问题均已整改。"
        "另，11月21日反馈的流浪狗问题，社区已联系畜牧局处置完毕。"
    )
    assert totals(one(text, unit_a)) == (11, 11, 0)


def test_a_title_before_a_name(unit_a):
    text = "玄帝庙街值班日报\n今日7:00—8:30，带班领导王晓明，值班人员李娜、赵强共3人。未发现问题。"
    assert one(text, unit_a).staff == ("王晓明", "李娜", "赵强")


# --- before g2: messages about two sites -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "玄帝庙街 王晓明 李娜 电动车6辆摆齐\n凤凰城社区 周建国 吴婷婷 小广告4处撕了",
        "玄帝庙街今天王晓明李娜去的 电动车6辆摆了 凤凰城社区是周建国吴婷婷 小广告4处撕了",
        "今天我们分两组，一组玄帝庙街（王晓明、李娜），电动车6辆摆齐；一组凤凰城社区（周建国、吴婷婷），"
        "小广告4处清除。",
    ],
)
def test_two_sites_each_with_its_team(unit_a, text):
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜"), (6, 6, 0)),
        (GRID_A, ("周建国", "吴婷婷"), (4, 4, 0)),
    ]


def test_two_sites_one_team(unit_a):
    text = (
        "玄帝庙街和凤凰城社区今天一起巡的，王晓明、李娜。玄帝庙街电动车乱停6辆，已摆齐；"
        "凤凰城社区小广告4处，已清除。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜"), (6, 6, 0)),
        (GRID_A, ("王晓明", "李娜"), (4, 4, 0)),
    ]


def test_a_count_before_the_fix_verb_tells_it_was_done(unit_a):
    assert totals(one("玄帝庙街 王晓明 李娜 小广告4处清除", unit_a)) == (4, 4, 0)


# --- from batch g2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今天玄帝庙街、凤凰城社区都跑了一遍。玄帝庙街：共享单车乱停12辆，已摆放整齐；凤凰城社区："
        "垃圾桶满溢2个，已联系环卫清运。值班人员王晓明、李娜。",
        "今晚夜查（玄帝庙街+凤凰城社区），王晓明、李娜。玄帝庙街：共享单车乱停12辆，已摆放整齐；"
        "凤凰城社区：垃圾桶满溢2个，已联系环卫清运。",
    ],
)
def test_a_team_named_before_or_after_both_sites(unit_a, text):
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜"), (12, 12, 0)),
        (GRID_A, ("王晓明", "李娜"), (2, 0, 2)),
    ]


def test_each_site_with_the_team_named_beside_it_first(unit_a):
    text = (
        "跨年前夜查：今晚凤凰城社区王晓明、李娜，玄帝庙街周建国、吴婷婷。凤凰城社区：占道经营摊点2个，"
        "已劝离；玄帝庙街：无问题。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff, totals(r)) for r in reports] == [
        (GRID_A, ("王晓明", "李娜"), (2, 2, 0)),
        (ROAD_A, ("周建国", "吴婷婷"), (0, 0, 0)),
    ]


def test_a_late_part_and_a_weekend_part(unit_a):
    text = (
        "昨天（周二）凤凰城社区的没来得及报：周建国、吴婷婷，电动车乱停5辆已摆放。"
        "今天加班值守在玄帝庙街：王晓明、李娜，非机动车乱停40余辆，全部摆放整齐。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.date, r.staff, totals(r)) for r in reports] == [
        (GRID_A, date(2026, 11, 24), ("周建国", "吴婷婷"), (5, 5, 0)),
        (ROAD_A, date(2026, 11, 25), ("王晓明", "李娜"), (40, 40, 0)),
    ]


def test_how_busy_it_was_is_no_problem(unit_a):
    text = (
        "玄帝庙街：王晓明、李娜。早高峰非机动车较多，乱停电动车8辆已摆齐；绿化带内烟头若干已清理。"
    )
    assert totals(one(text, unit_a)) == (9, 9, 0)


def test_a_stall_packed_up_and_one_that_says_it_will(unit_a):
    report = one("凤凰城社区：周建国、吴婷婷。烧烤摊占道经营1处，已劝其收摊。", unit_a)
    assert totals(report) == (1, 1, 0)
    report = one("凤凰城社区：周建国、吴婷婷。流动摊贩2处，劝离1处，另一处摊主称马上收摊。", unit_a)
    assert totals(report) == (2, 1, 1)


def test_a_correction_in_brackets_is_no_name(unit_a):
    text = "凤凰城社区值班（群公告里写成玄帝庙街了，应为凤凰城社区）：周建国、吴婷婷。未发现问题。"
    report = one(text, unit_a)
    assert (report.site, report.staff) == (GRID_A, ("周建国", "吴婷婷"))


# --- before f3 and g3: chat, coordinators, activities -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "今天市里暗访玄帝庙街，发现电动车乱停10辆，请抓紧整改。",
        "玄帝庙街今天表现不错，电动车摆放整齐，给大家点赞👍",
    ],
)
def test_a_coordinators_request_and_praise_are_no_reports(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


def test_a_problem_and_its_count_sent_alone(unit_a):
    report = one("鼓楼那边小广告12处", unit_a)
    assert (report.site, report.found_total, report.resolved_total) == (None, 12, 0)


def test_persuading_a_counted_problem_is_no_activity(unit_a):
    report = one("玄帝庙街 王晓明 李娜 劝导占道经营商户5户，均已退回店内", unit_a)
    assert (totals(report), report.activities) == ((5, 5, 0), ())
    report = one("凤凰城社区 周建国 吴婷婷 劝导了乱扔垃圾的，三人次", unit_a)
    assert (totals(report), [(a.kind, a.count) for a in report.activities]) == (
        (0, 0, 0),
        [("劝导", 3)],
    )


# --- from batch f3 -----------------------------------------------------------------------------


def test_a_number_put_right_by_the_next(unit_a):
    report = one("更正：刚才的电动车乱停3辆是5辆，都摆好了", unit_a)
    assert totals(report) == (5, 5, 0)


def test_a_weekday_something_is_to_happen_on_is_no_duty_day(unit_a):
    report = one("补一条：小区东门外往南50米有堆建筑垃圾，社区说周五来拉", unit_a)
    assert (report.date, totals(report)) == (date(2026, 11, 25), (1, 0, 1))
    # A weekday the team came on is one.
    report = one("补一下周一来值班的情况：玄帝庙街 王晓明 李娜 小广告3处已清除", unit_a)
    assert report.date == date(2026, 11, 23)


def test_a_blind_path_taken_up_is_disorder(unit_a):
    report = one("玄帝庙街 王晓明 李娜 盲道被占3处✅已清理", unit_a)
    assert report.found[0].category == "市容秩序"


def test_a_clause_after_fixes_by_number_may_name_another_item(unit_a):
    text = (
        "玄帝庙街值班：王晓明、李娜。\n1.共享单车乱停25辆；\n2.小广告8处；\n3.流动摊贩2个。\n"
        "整改情况：第1、2条当场整改，摊贩劝离1个，另1个已抄告城管。"
    )
    assert totals(one(text, unit_a)) == (35, 34, 1)


# --- from batch g3 -----------------------------------------------------------------------------


def test_the_outcome_of_a_part_of_an_item(unit_a):
    text = (
        "玄帝庙街报告：王晓明、李娜\n发现问题：共享单车乱停18辆、盲道被占用3处\n"
        "整改情况：单车已摆放整齐，盲道被占用的3处中2处已清理，另1处为施工围挡，已联系施工方。"
    )
    assert totals(one(text, unit_a)) == (21, 20, 1)


def test_a_label_in_brackets_needs_no_colon(unit_a):
    text = (
        "玄帝庙街：王晓明、李娜。\n【发现问题】共享单车乱停15辆、小广告4处；\n【整改】已全部整改。"
    )
    assert totals(one(text, unit_a)) == (19, 19, 0)


def test_names_inside_quotation_marks_are_titles(unit_g):
    # 文明 is on unit g's staff list.
    text = (
        "周六志愿服务：西段，张思琪、彭浩、何静带领志愿者开展“文明出行我先行”活动，志愿服务16人次。"
    )
    assert one(text, unit_g).staff == ("张思琪", "彭浩", "何静")


def test_the_rest_of_a_partly_fixed_item_opening_with_its_count(unit_a):
    text = "玄帝庙街：王晓明、李娜。发现：违停车辆9辆（劝离5辆，4辆车主不在，已抄告交警）。"
    assert totals(one(text, unit_a)) == (9, 5, 4)


def test_what_the_team_bought_is_no_problem(unit_a):
    text = "凤凰城社区：周建国、吴婷婷。入户宣传18户。老周还自掏腰包买了两卷垃圾袋哈哈。"
    assert totals(one(text, unit_a)) == (0, 0, 0)


def test_i_and_a_name_then_what_we_did(unit_a):
    text = "昨天凤凰城社区值班补一条：居民反映单元门口有大件垃圾1处，我和吴婷婷当场协助物业清运了。"
    report = one(text, unit_a)
    assert (report.staff, totals(report)) == (("吴婷婷",), (1, 1, 0))


def test_no_anomaly_with_a_site_is_a_report_of_nothing(unit_a):
    # 人员同上周 names nobody; 无异常 is 无问题 in other words.
    text = "今日路长制值班：玄帝庙街路西\n人员同上周\n巡查情况：无异常。"
    report = one(text, unit_a)
    assert (report.site, report.staff, totals(report)) == (ROAD_A, (), (0, 0, 0))
    assert one("凤凰城社区 周建国 未发现异常情况", unit_a).found_total == 0


def test_a_list_of_whole_problems_is_one_item_each(unit_a):
    text = "凤凰城社区 周建国 吴婷婷 巡查发现：楼道小广告、单元门口电动车乱停、垃圾桶旁散落垃圾，均已清理。"
    assert totals(one(text, unit_a)) == (3, 3, 0)
    # Examples of one item, or bare things sharing what follows, stay one item.
    text = "玄帝庙街 王晓明 李娜 树穴内烟头、纸屑、塑料袋等垃圾，当场清理。电动车、自行车乱停，已摆放。"
    assert totals(one(text, unit_a)) == (2, 2, 0)


def test_each_gives_every_listed_item_its_count(unit_a):
    text = (
        "凤凰城社区 周建国 吴婷婷 楼道堆放杂物、楼道小广告、门口电动车乱停、垃圾桶满溢各1处，"
        "当场整改了前三处，垃圾桶满溢已通知物业。"
    )
    report = one(text, unit_a)
    assert totals(report) == (4, 3, 1)
    assert len(report.found) == 4


def test_an_outcome_after_a_list_and_items_joined_by_he(unit_a):
    text = "凤凰城社区 周建国 吴婷婷 楼道小广告10余处、单元门口乱堆杂物2处，已清理。"
    assert totals(one(text, unit_a)) == (12, 12, 0)
    text = (
        "凤凰城社区 周建国 吴婷婷 楼道小广告、垃圾桶满溢、单元门口杂物各1处，小广告和杂物已清理。"
    )
    assert totals(one(text, unit_a)) == (3, 2, 1)


def test_a_day_in_a_plan_or_a_reference_is_not_the_duty_day(unit_a):
    thursday = at("2026-11-19 09:00")
    text = "玄帝庙街 王晓明 李娜 摆放电动车15辆。明天（周五）配合督查，计划检查盲道。"
    assert one(text, unit_a, thursday).date == date(2026, 11, 19)
    text = "凤凰城社区 周建国 吴婷婷 小广告3处已清理。明天不值班，周一继续去凤凰城社区。"
    assert one(text, unit_a, thursday).date == date(2026, 11, 19)
    text = "昨天说的入户宣传今天上午完成了：周建国、吴婷婷到凤凰城社区入户宣传18户。"
    assert one(text, unit_a, thursday).date == date(2026, 11, 19)


def test_names_in_brackets_before_a_colon_are_the_team(unit_a):
    # 外出 inside 门外出店经营 is no absence, and 请督促 asks others to act.
    text = "凤凰城社区网格巡查（吴婷婷、郑凯、马文静）：小区东门外出店经营3家，劝导后2家已收回。"
    report = one(text, unit_a)
    assert report.staff == ("吴婷婷", "郑凯", "马文静")
    assert totals(report) == (3, 2, 1)
    assert parse_message("凤凰城社区垃圾清运的事已转街道，请督促物业。", WEDNESDAY, unit_a) == []


def test_outcomes_asked_of_others_or_arranged_are_pending(unit_a):
    base = "凤凰城社区 周建国 吴婷婷 "
    text = base + "小区内发现马蜂窝一个，位于6号楼二楼窗外，已联系社区请专业人员摘除。"
    report = one(text, unit_a)
    assert totals(report) == (1, 0, 1)
    assert report.found[0].category == "其他"
    assert totals(one(base + "6号楼前井盖松动，社区说已安排维修。", unit_a)) == (1, 0, 1)
    assert totals(one(base + "商铺门前杂物3处，已让店家收回。", unit_a)) == (3, 3, 0)
    text = base + "上午社区反映8号楼下有一堆装修垃圾，今天下午我们值班时清运完毕。"
    assert totals(one(text, unit_a)) == (1, 1, 0)


def test_what_was_not_found_and_a_count_at_the_head_of_each_part(unit_a):
    text = "凤凰城社区：马文静、胡立新。巡查未发现占道经营、乱搭乱建等问题，楼道整洁。"
    assert totals(one(text, unit_a)) == (0, 0, 0)
    text = "玄帝庙街 王晓明 李娜 一处护栏断裂、一处路灯灯罩脱落，均已上报。"
    assert totals(one(text, unit_a)) == (2, 0, 2)


def test_what_was_not_there_and_what_was_seen_again(unit_b_shared):
    text = "古槐路东侧值班：蒋丽萍、许志强。劝导行人闯红灯15人次，捡拾垃圾2袋，路面整洁，未发现乱停乱放。"
    assert totals(one(text, unit_b_shared)) == (2, 2, 0)
    text = (
        "古槐路东侧值班：蒋丽萍、许志强。路口地砖破损一处，已报城管；"
        "另有居民说路边有流浪狗，我们去看时没看到。"
    )
    assert totals(one(text, unit_b_shared)) == (1, 0, 1)
    text = "古槐路东侧值班：蒋丽萍、许志强。流浪狗问题仍然存在，今天又见到2只，已再次联系社区。"
    assert totals(one(text, unit_b_shared)) == (2, 0, 2)


def test_a_total_for_a_list_then_its_parts(unit_a):
    text = (
        "凤凰城社区 周建国 吴婷婷 楼道内小广告、乱堆杂物、楼梯扶手松动等共5处，"
        "其中小广告2处、杂物2处已清理，扶手松动1处待物业维修。"
    )
    assert totals(one(text, unit_a)) == (5, 4, 1)
    text = (
        "玄帝庙街 王晓明 李娜 电动车乱放、机动车违停共15辆，已整改12辆，机动车违停3辆已联系交警。"
    )
    assert totals(one(text, unit_a)) == (15, 12, 3)
    text = (
        "玄帝庙街 王晓明 李娜 已整改问题6处（电动车乱停4处、小广告2处）。另有路灯不亮1处，已报修。"
    )
    assert totals(one(text, unit_a)) == (7, 6, 1)


def test_traditional_characters_read_as_simplified(unit_a):
    report = one("玄帝廟街值班 王曉明 李娜 電動車亂停七八輛 已擺放整齊", unit_a)
    assert (report.site, report.staff) == (ROAD_A, ("王晓明", "李娜"))
    assert totals(report) == (8, 8, 0)


def test_older_staff_phrasing(unit_a):
    # The team's head count and how long it took are no quantities; 以 for 已 before 摆好.
    text = "玄帝庙街 王晓明 李娜 电动车停的乱七八糟的大概五十辆 我们四个摆了一个多小时都摆好了"
    assert totals(one(text, unit_a)) == (50, 50, 0)
    assert totals(one("玄帝庙街 王晓明 李娜 电动车二十来辆以摆好", unit_a)) == (20, 20, 0)
    # Two counted things joined by 和, then an outcome for both.
    text = "玄帝庙街值班,王晓明,李娜,督查组通报的两处电动车乱停和一处垃圾,今天都弄好了"
    assert totals(one(text, unit_a)) == (3, 3, 0)
    # A thing still not mended, then said not to count today.
    text = "玄帝庙街 王晓明 李娜 电动车乱停三十几辆摆好了 井盖那个还是没修 这个是上回的 今天不算"
    assert totals(one(text, unit_a)) == (30, 30, 0)


def test_titles_and_names_around_the_team(unit_a):
    text = "玄帝庙街值班情况\n王晓明副局长带队，李娜、赵强参加。另有社区网格员马小红。小广告3处已清理。"
    assert one(text, unit_a).staff == ("王晓明", "李娜", "赵强", "马小红")
    assert one("玄帝庙街值班李娜\n赵强 小广告3处已清理", unit_a).staff == ("李娜", "赵强")
    text = "转发市创城办：测评期间全市共清理卫生死角1200余处、清除小广告8000余处。"
    assert parse_message(text, WEDNESDAY, unit_a) == []


def test_what_others_put_out_then_told_and_done(unit_a):
    text = (
        "今天玄帝庙街 王晓明 李娜\n人行道上一家饭店把桌子摆出来了\n跟老板说了他说马上收\n"
        "我们走的时候已经收了"
    )
    report = one(text, unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "市容秩序"
    text = "凤凰城社区 周建国 吴婷婷\n有户人家在楼下晒被子挂在树上\n说了以后收了"
    assert totals(one(text, unit_a)) == (1, 1, 0)
    text = "玄帝庙街 王晓明 李娜 有一个人闯红灯 劝住了。宣传栏坏了，社区表示本周内更换。"
    assert totals(one(text, unit_a)) == (2, 1, 1)


def test_kinds_a_person_gives_by_what_is_done(unit_a):
    base = "凤凰城社区 周建国 吴婷婷 "
    assert one(base + "两个小孩翻护栏 叫下来了", unit_a).found[0].category == "文明行为"
    assert one(base + "垃圾池满了 联系环卫拉走了", unit_a).found[0].category == "环境卫生"
    assert one(base + "2名居民在楼下焚烧树叶，当场制止", unit_a).found[0].category == "文明行为"


def test_a_list_that_counts_its_own_parts(unit_a):
    text = (
        "玄帝庙街 王晓明 李娜 督查组反馈的路口垃圾桶周边脏乱、车站西路口非机动车乱停两个问题，"
        "今日值班时已全部整改到位。"
    )
    report = one(text, unit_a)
    assert totals(report) == (2, 2, 0)
    assert {item.category for item in report.found} == {"环境卫生", "市容秩序"}


def test_space_separated_counts_and_a_thing_found_in_a_place(unit_a):
    text = "玄帝庙街 十一月十七 共享单车十五辆 小广告六处 护栏松动一处 落叶纸屑 我和李娜赵强 劝导十二人次"
    report = one(text, unit_a)
    assert totals(report) == (23, 0, 23)
    assert report.staff == ("李娜", "赵强")
    text = "玄帝庙街 王晓明 李娜 电动车乱停三十几辆摆好了 绿化带里有个死猫 找环卫拉走了"
    assert totals(one(text, unit_a)) == (31, 31, 0)


def test_terse_notes_of_what_was_done(unit_a):
    text = "凤凰城社区 周建国 吴婷婷 车三十五辆左右摆了 摊贩二个劝走 还给老人们讲了垃圾分类"
    report = one(text, unit_a)
    assert totals(report) == (37, 37, 0)
    assert {item.category for item in report.found} == {"市容秩序"}


def test_names_with_titles_in_a_teachers_report(unit_a):
    text = "今天我和孙浩老师、李娜两位同志在玄帝庙街值班。小广告3处已清理。"
    assert set(one(text, unit_a).staff) == {"孙浩", "李娜"}  # 孙浩 is not on unit a's list
    text = "今天第一次网格值班，跟着王晓明科长、李娜科长、孙浩老师一起参加，走了凤凰城社区。"
    assert set(one(text, unit_a).staff) == {"王晓明", "李娜", "孙浩"}
    text = "本来安排了四个人，赵强临时出差，实际到岗的是孙浩、李娜。玄帝庙街小广告3处已清理。"
    assert set(one(text, unit_a).staff) == {"孙浩", "李娜"}


def test_a_teachers_narrative(unit_a):
    text = (
        "今天在玄帝庙街值班，王晓明、李娜。上学高峰时，二中门口有3位家长把车直接停在斑马线上下车，"
        "造成后面车辆拥堵，我们上前劝导，车都已驶离。楼道里的小广告特别多，我们在3号楼、5号楼两个单元"
        "清理了小广告二十余张。小区里晾晒的衣物少了。"
    )
    report = one(text, unit_a)
    assert totals(report) == (23, 23, 0)
    assert {item.category for item in report.found} == {"市容秩序"}


def test_partial_fixes_that_add_up(unit_a):
    base = "玄帝庙街值班：王晓明、李娜。"
    text = (
        base
        + "校门西侧有5辆电动车停在盲道上，其中3辆车主就在旁边等孩子，经劝导自行挪走，另外2辆我们推到了停车区。"
    )
    assert totals(one(text, unit_a)) == (5, 5, 0)
    text = (
        base + "有4名家长的电动车停在校门口盲道上，劝导后挪开3辆，还有1辆车主不在，我们推到了路边。"
    )
    assert totals(one(text, unit_a)) == (4, 4, 0)
    text = base + "流动摊贩3个，劝离2个，还有1个说卖完这点就走，我们离开时还在。"
    assert totals(one(text, unit_a)) == (3, 2, 1)


def test_more_outcomes_and_kinds_told_in_prose(unit_a):
    base = "玄帝庙街值班：王晓明、李娜。"
    text = (
        base
        + "16:50路灯还没亮，已请学校后勤联系路灯管理所。人行道上发现2辆电动车占用盲道，已推至停车区。"
    )
    assert totals(one(text, unit_a)) == (3, 2, 1)
    assert totals(one(base + "人行道上乱堆建材一处，已联系店主，店主说今晚清走。", unit_a)) == (
        1,
        0,
        1,
    )
    report = one(base + "有两位家长为了抄近路翻越了中间的护栏，我们及时上前劝阻。", unit_a)
    assert report.found[0].category == "文明行为"
    assert one(base + "9号楼前有一堆树枝，已联系物业清运。", unit_a).found[0].category == "环境卫生"


def test_remarks_rounds_and_where_the_parts_were(unit_a):
    base = "育英路值班：王晓明、李娜。"
    text = (
        base
        + "路上有一堆碎玻璃，不知道是谁打碎的酒瓶，我们赶紧拿来扫帚和簸箕扫干净了，还好没有孩子受伤。"
    )
    assert totals(one(text, unit_a)) == (1, 1, 0)
    text = base + "有两位老人骑电动车准备闯红灯，我们赶紧上前拦住，跟老人讲了道理。"
    assert totals(one(text, unit_a)) == (2, 2, 0)
    text = (
        base
        + "我们把小区里的卫生死角都走了一遍，清理垃圾4处，其中两处是在2号楼后面，两处在自行车棚里。"
    )
    assert totals(one(text, unit_a)) == (4, 4, 0)
    text = (
        base
        + "学院路口早上有一辆渣土车停在人行道边上，我们请司机开走了。校门对面有一处共享单车乱停，大约十几辆，我们整理好了。"
    )
    assert totals(one(text, unit_a)) == (11, 11, 0)


def test_a_thing_then_what_is_wrong_with_it(unit_a):
    text = "玄帝庙街值班：王晓明、李娜。校门对面的宣传栏里还是国庆节的海报，内容过时，已跟学校说了更换。"
    report = one(text, unit_a)
    assert totals(report) == (1, 0, 1)
    assert report.found[0].category == "宣传氛围"
    text = "凤凰城社区：周建国。小区楼道里又出现了小广告，3号楼一个单元就有十来张，我们全部清理了。"
    assert totals(one(text, unit_a)) == (10, 10, 0)


def test_southern_words_for_things_and_states(unit_a):
    base = "凤凰城社区 周建国 吴婷婷 "
    assert totals(one(base + "6栋门口有两辆电驴堵到消防通道，找到车主挪走了", unit_a)) == (2, 2, 0)
    assert totals(one(base + "桂花市场门口还是有摊摊，劝走了3个。莫得啥子别的问题", unit_a)) == (
        3,
        3,
        0,
    )
    report = one(base + "垃圾桶盖子烂了 1个 报了", unit_a)
    assert (totals(report), report.found[0].category) == ((1, 0, 1), "基础设施")
    report = one(base + "小广告已清理。还有两个人在店门口抽烟乱丢烟头，喊了一下就捡起来了", unit_a)
    assert (totals(report), report.found[1].category) == ((3, 3, 0), "文明行为")
    text = base + "5栋一楼有人堆了几袋垃圾，跟住户讲了，住户自己拎去垃圾站了。"
    assert totals(one(text, unit_a)) == (1, 1, 0)


def test_what_lies_there_and_a_risk_told_after(unit_a):
    base = "凤凰城社区 周建国 吴婷婷，"
    text = base + "3栋和5栋中间那条巷子摆起一堆装修垃圾，喊了社区，社区说明天安排车拉走"
    assert totals(one(text, unit_a)) == (1, 0, 1)
    text = base + "清了楼道杂物8处，还有5栋有户人家在楼道烧蜂窝煤炉子，有安全隐患，跟社区讲了"
    report = one(text, unit_a)
    assert totals(report) == (9, 8, 1)
    assert report.found[1].category == "其他"
    report = one(base + "摊摊占盲道 3个 劝走了", unit_a)
    assert (totals(report), report.found[0].category) == ((3, 3, 0), "市容秩序")


def test_a_team_moving_on_to_the_other_site_in_one_breath(unit_a):
    text = (
        "今天周六加班，上午先在玄帝庙街把乱停的电动车摆了一遍有25辆，然后又去凤凰城社区帮社区撕小广告，"
        "撕了大概40张，人员是王晓明、李娜和我"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.found_total, r.resolved_total) for r in reports] == [
        (ROAD_A, 25, 25),
        (GRID_A, 40, 40),
    ]
    assert all(r.staff == ("王晓明", "李娜") for r in reports)
    assert parse_message("电驴好多 已经全部摆整齐了", WEDNESDAY, unit_a)
    text = "玄帝庙街 王晓明 李娜 电动车11辆已摆 摊贩2个已劝离 没有其他"
    assert totals(one(text, unit_a)) == (13, 13, 0)


def test_winter_duty_in_the_north(unit_a):
    base = "玄帝庙街值班 王晓明 李娜 "
    assert totals(one(base + "路面结冰3处，当场用镐刨平", unit_a)) == (3, 3, 0)
    assert totals(one(base + "楼道口结冰2处，已打掉", unit_a)) == (2, 2, 0)
    assert totals(one("凤凰城社区下午又清了一堆炉灰，李娜和我俩去的", unit_a)) == (1, 1, 0)
    text = "晚上跟城管联合夜查玄帝庙街烟花爆竹摊点，王晓明、李娜参加，查出无证摊点2处，当场取缔。"
    assert totals(one(text, unit_a)) == (2, 2, 0)
    text = "今晚夜查玄帝庙街，王晓明、李娜参加，烟花爆竹摊点都有证，没发现问题。"
    assert totals(one(text, unit_a)) == (0, 0, 0)
    text = "下午我和李娜又去了趟玄帝庙街，在路口摆了防滑沙袋，给沿街商户发了防滑提示单20份。"
    assert one(text, unit_a).activities[0].count == 20


def test_northeastern_words(unit_a):
    base = "玄帝庙街值班 王晓明 李娜 "
    text = base + "发现路口炉灰一堆、积雪一处，都清理了；路口护栏歪了2节，已报城管维修。"
    assert totals(one(text, unit_a)) == (4, 2, 2)
    text = base + "人行道上纸屑贼多已经扫了 没毛病"
    assert totals(one(text, unit_a)) == (1, 1, 0)
    report = one(base + "有2个小孩往井盖眼里扔鞭炮，已劝阻。", unit_a)
    assert (totals(report), report.found[0].category) == ((2, 2, 0), "文明行为")
    text = "凤凰城社区网格值班，周建国、吴婷婷到岗，另有社区志愿者赵大勇参加。小广告3处已清理。"
    assert set(one(text, unit_a).staff) == {"周建国", "吴婷婷", "赵大勇"}


def test_names_the_unit_writes_with_characters_that_look_traditional(unit_a):
    unit = replace(unit_a, staff=(*unit_a.staff, replace(unit_a.staff[0], name="张乾")))
    report = one("玄帝庙街 张乾 李娜 小广告3处已清理", unit)
    assert report.staff == ("张乾", "李娜")
    assert one("玄帝廟街 張乾 李娜 小廣告3處已清理", unit).staff == ("张乾", "李娜")


def test_shop_fronts_as_a_market_office_sees_them(unit_a):
    unit = replace(
        unit_a,
        categories=tuple(
            replace(c, keywords=(*c.keywords, "店招")) if c.name == "市容秩序" else c
            for c in unit_a.categories
        ),
    )
    report = one("玄帝庙街 王晓明 李娜 店招破损1块，店主说找人修。", unit)
    assert (totals(report), report.found[0].category) == ((1, 0, 1), "市容秩序")
    text = "玄帝庙街 王晓明 李娜 排查门头招牌45块：招牌破损4块，已告知店主；无证摊贩2个，已劝离。"
    assert totals(one(text, unit)) == (6, 2, 4)
    text = "玄帝庙街 王晓明 李娜 今天发现问题共9处，当场整改7处，2处店主答应整改。"
    assert totals(one(text, unit)) == (9, 7, 2)


def test_wu_counts_and_bare_counts_between_spaces(unit_a):
    base = "玄帝庙街 王晓明 李娜 "
    assert totals(one(base + "电瓶车乱停交关，十几部，阿拉帮伊拉摆摆好了", unit_a)) == (10, 10, 0)
    assert totals(one(base + "违停3 僵尸车1 电动车占盲道7\n电动车已挪 其余报交警", unit_a)) == (
        11,
        7,
        4,
    )
    text = base + "门口私拉的广告横幅1条已拆除，楼道小广告清理15处。"
    assert totals(one(text, unit_a)) == (16, 16, 0)


def test_cantonese_function_words(unit_a):
    base = "玄帝庙街 王晓明 李娜 "
    text = (
        base
        + "骑楼底下啲单车摆得好乱 大概二三十架 我哋全部摆返好搞掂 仲有两个井盖松咗 已经报咗城管"
    )
    assert totals(one(text, unit_a)) == (32, 30, 2)
    assert totals(one(base + "有个流动摊贩卖甘蔗的占道 劝咗佢走", unit_a)) == (1, 1, 0)


def test_more_cantonese_verbs(unit_a):
    base = "凤凰城社区 周建国 吴婷婷 "
    assert totals(one(base + "执咗烟头纸屑两袋 冇其他问题", unit_a)) == (2, 2, 0)
    text = base + "帮社区搞垃圾分类宣传 派咗宣传资料六十份 另外北门有两个垃圾桶满咗 叫保洁清咗"
    report = one(text, unit_a)
    assert totals(report) == (2, 2, 0)
    assert report.activities[0].count == 60


def test_wu_halves_of_the_day_absences_and_next_years_dates(unit_a):
    text = (
        "今朝两个点一道报了：\n上半天玄帝庙街：王晓明、李娜，电动车摆放18辆。\n"
        "下半天凤凰城社区：周建国、吴婷婷，楼道小广告清理7处。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site, r.staff) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜")),
        (GRID_A, ("周建国", "吴婷婷")),
    ]
    text = "值班人员：王晓明、李娜、赵强（孙悦在省里培训，本周不参加值班），统一穿着志愿者马甲。小广告3处已清理。"
    assert one(text, unit_a).staff == ("王晓明", "李娜", "赵强")
    notice = "元旦三天（1月1日至3日）玄帝庙街每天上午一班：1日王晓明、李娜，2日赵强、孙悦。"
    assert parse_message(notice, at("2026-12-31 11:30"), unit_a) == []


def test_vehicles_by_measure_and_litter_of_the_corner(unit_a):
    base = "玄帝庙街 王晓明 李娜 "
    text = base + "人行道上停的私家车5部，贴了告知单，车主都还没来。"
    assert totals(one(text, unit_a)) == (5, 0, 5)
    text = base + "北站门口违停的车子6部，徐师傅去敲了两部的车窗，开走了，其余4部没人。"
    assert totals(one(text, unit_a)) == (6, 2, 4)
    assert totals(one(base + "卫生死角2处，垃圾清掉了。", unit_a)) == (2, 2, 0)


def test_marked_lines_and_central_china_words(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n✅出店经营2处 当场整改\n❌路灯杆上小广告1处 冇铲掉，明天带铲子来",
        unit_a,
    )
    assert report.found[0].text == "出店经营"
    assert totals(report) == (3, 2, 1)
    text = "凤凰城社区 周建国 吴婷婷 今天冇得啥大问题，就是单元门口电动车乱停了5辆，搞好了。"
    assert totals(one(text, unit_a)) == (5, 5, 0)
    text = "玄帝庙街 王晓明 李娜 今儿天冷，摊贩少，就菜市场门口俩卖菜哩占道，劝到市场里头了。"
    assert totals(one(text, unit_a)) == (2, 2, 0)


def test_promises_for_days_to_come_are_pending(unit_a):
    base = "玄帝庙街 王晓明 李娜 "
    assert totals(one(base + "店招破损1块，店主承诺元旦后更换。", unit_a)) == (1, 0, 1)
    text = base + "宣传栏破损1处，已告知店主，店主说这两天换。"
    assert totals(one(text, unit_a)) == (1, 0, 1)
    assert totals(one(base + "出店经营2处，劝导后收回。", unit_a)) == (2, 2, 0)


def test_a_fix_counted_after_its_verb(unit_a):
    base = "玄帝庙街 王晓明 李娜 "
    text = base + "违停3部喊走了2部，还有一部没人。一只垃圾桶满出来了，喊环卫来，已经倒掉了。"
    assert totals(one(text, unit_a)) == (4, 3, 1)
    assert totals(one(base + "违停2 已走 摊贩1 劝离 其他正常", unit_a)) == (3, 3, 0)


def test_voice_input_cantonese_and_people_urged_to_do_right(unit_a):
    # Misheard trade words are read as meant: the 小广告 is found, the 物业 makes it pending.
    report = one(
        "凤凰城社区值班 周建国 楼道小广高好多 当场铲掉 门口杂物一堆 已通知物叶清理", unit_a
    )
    assert totals(report) == (2, 1, 1)
    # 廿几 is twenty-odd; 嗰 (which OpenCC writes 𠮶) is 那; 唔着 is a light that is out.
    report = one("玄帝庙街 王晓明 嗰段电动车有廿几架乱停 摆好咗 有两支路灯唔着 报咗城管", unit_a)
    assert totals(report) == (22, 20, 2)
    # 劝导了十几个人戴头盔 is work done, not offenders; 叫停 stops someone on the spot.
    report = one("玄帝庙街 王晓明 冇咩问题 派咗二三十份传单 劝导咗十几个人戴头盔", unit_a)
    assert totals(report) == (0, 0, 0)
    report = one("玄帝庙街 王晓明 无问题。劝导了二十几个人戴头盔。", unit_a)
    assert [(a.kind, a.count) for a in report.activities] == [("劝导", 20)]
    report = one("玄帝庙街 王晓明 汽车站门口随地吐痰有两个 叫停咗", unit_a)
    assert totals(report) == (2, 2, 0)
    assert report.found[0].category == "文明行为"


def test_health_and_northern_fix_words(unit_a):
    # 清倒 empties a container; 劝灭 puts a cigarette out; 归置/拾掇 tidy up (northern speech).
    report = one("凤凰城社区 周建国 花坛里积水容器8个 清倒了 有人在公交站随地吐痰 叫停了", unit_a)
    assert totals(report) == (9, 9, 0)
    report = one("凤凰城社区 周建国 小区里电动车乱停的二十来辆都给归置好了,垃圾拾掇了三袋", unit_a)
    assert totals(report) == (23, 23, 0)
    # …but asked of others, they are not done.
    report = one("凤凰城社区 周建国 5号楼楼道里杂物堆了一溜儿 跟物业说了 叫他们拾掇", unit_a)
    assert totals(report) == (1, 0, 1)


def test_a_half_width_full_stop_between_words_ends_a_sentence(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 .楼道里小广告十几张 撕了.3号楼后头有个井盖响 跟物业说了", unit_a
    )
    assert totals(report) == (11, 10, 1)
    # 12.3 and 2.5米 keep their point.
    report = one(
        "12.3 玄帝庙街 王晓明 2.5米长的护栏松动1处 已报城管", unit_a, at("2026-12-03 10:00")
    )
    assert report.date == date(2026, 12, 3)
    assert totals(report) == (1, 0, 1)


def test_colloquial_two_or_three_said_backwards(unit_a):
    assert totals(one("玄帝庙街 王晓明 今儿个杠好 就三两辆电动车乱停 归置了", unit_a)) == (3, 3, 0)


def test_kind_subtotals_and_kinds_in_a_total_are_not_items(unit_a):
    report = one(
        "玄帝庙街值班 王晓明 李娜。共计发现问题3类4处。其中市容秩序类2处：电动车乱停放2辆；"
        "环境卫生类1处：烟头纸屑若干；基础设施类1处：护栏松动1处。",
        unit_a,
    )
    assert totals(report) == (4, 0, 4)
    assert [item.category for item in report.found] == ["市容秩序", "环境卫生", "基础设施"]


def test_outcome_first_then_the_items_it_is_of(unit_a):
    report = one(
        "凤凰城社区值班 周建国、吴婷婷\n巡查发现：\n1. 共享单车乱停 9辆\n2. 路灯不亮 2盏\n"
        "3. 地面油污 1处\n当场整改：1、3\n路灯已报社区。",
        unit_a,
    )
    assert totals(report) == (12, 10, 2)


def test_told_by_a_resident_then_seen_to_be_so(unit_a):
    # 看了确实… confirms the item told, it is not another one.
    report = one(
        "凤凰城社区 周建国 住户反映1栋门口路灯坏了 看了确实不亮 已报社区\n"
        "居民反映6栋楼下垃圾堆了好几天 我们过去看了确实有一堆 已和保洁一起清掉了",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


def test_people_addressed_or_away_are_not_on_duty(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 (孙浩下沉社区 未到) 小广告3张已清理 @李娜", unit_a)
    assert report.staff == ("周建国", "吴婷婷")
    report = one("今天凤凰城社区就我和吴婷婷俩人 其他人都没来 小广告3张已清理", unit_a)
    assert report.staff == ("吴婷婷",)


def test_work_for_a_campaign_and_materials_handed_out_are_no_problems(unit_a):
    report = one(
        "凤凰城社区 周建国 配合社区搞病媒消杀 清倒积水容器20多个 发放健康教育资料40份", unit_a
    )
    assert totals(report) == (20, 20, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("发放宣传资料", 40)]


def test_beijing_speech_terse_counts_and_sign_offs(unit_a):
    # 齐活 signs off, it is nobody; 前儿 is the day before yesterday.
    report = one("前儿凤凰城社区 周建国 吴婷婷 楼道杂物归置了两处 齐活", unit_a)
    assert report.staff == ("周建国", "吴婷婷")
    assert report.date == date(2026, 11, 23)
    # A count with 多 or in words and no measure; 小广告没有 is none of them.
    report = one("玄帝庙街 3处占道 劝走了 单车码了30多 小广告没有", unit_a)
    assert totals(report) == (33, 33, 0)
    report = one("玄帝庙街 单车二十几 码了 完事", unit_a)
    assert totals(report) == (20, 20, 0)


def test_a_count_after_a_count_starts_a_clause(unit_a):
    report = one("凤凰城社区 周建国 电动车堵消防通道4辆 挪走3辆 1辆联系不上车主 报物业", unit_a)
    assert totals(report) == (4, 3, 1)


def test_handed_over_for_removal_or_for_later_is_pending(unit_a):
    report = one("凤凰城社区 周建国。飞线充电1处，已报物业拆除；狗粪1处，已清理。", unit_a)
    assert totals(report) == (2, 1, 1)
    report = one("凤凰城社区 周建国。僵尸自行车6辆，已贴告知单，由物业7日后统一清理。", unit_a)
    assert totals(report) == (6, 0, 6)


def test_touts_are_offenders_and_banners_hung_against_the_rules_are_problems(unit_a):
    report = one(
        "玄帝庙街 王晓明。景区口黑导游揽客2人，已劝离。",
        with_words(unit_a, "市容秩序", "黑导游", "揽客"),
    )
    assert totals(report) == (2, 2, 0)
    report = one("玄帝庙街 王晓明。拆除商户违规悬挂广告横幅1条。", unit_a)
    assert totals(report) == (1, 1, 0)
    # Work done for a campaign names no problem; the litter picked up does.
    report = one(
        "周六到凤凰城社区开展文明旅游志愿服务，周建国、吴婷婷参加，捡拾游客丢弃的垃圾四袋。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_a_fix_verb_speaks_for_the_bare_items_after_it(unit_a):
    report = one(
        "凤凰城社区 周建国 清理卫生死角3处 垃圾5袋 烟头2袋\n发现2处井盖松动 已告诉社区", unit_a
    )
    assert totals(report) == (12, 10, 2)
    report = one("凤凰城社区 周建国。清理卫生死角2处,垃圾4袋,发放宣传单50份", unit_a)
    assert totals(report) == (6, 6, 0)
    # A problem after it is not fixed by it.
    report = one("凤凰城社区 周建国 清理卫生死角3处 路灯坏了2盏", unit_a)
    assert totals(report) == (5, 3, 2)


def test_minnan_mandarin_and_voice_slips(unit_a):
    # 有 before a handling verb tells it done; 拢总 is all; 共想单车, 摆号 are misheard.
    report = one(
        "今天玄帝庙街值班，王晓明 李娜。骑楼下面电动车乱停有十几辆，拢总有摆好了。"
        "饭店把杂物堆到人行道上，有跟老板讲，他有收进去了。",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)
    report = one(
        "凤凰城社区 周建国 吴婷婷。小区门口共想单车到处停，有十几辆，我们都摆号了。", unit_a
    )
    assert totals(report) == (10, 10, 0)


def test_items_listed_then_all_done(unit_a):
    report = one(
        "今天玄帝庙街值班王晓明、李娜。发现共享单车乱放约20辆，电动车乱停9辆，都整理好了。", unit_a
    )
    assert totals(report) == (29, 29, 0)
    # Not an item told earlier with its own outcome in between.
    report = one(
        "玄帝庙街 王晓明 李娜 有五户的门牌掉了 登记下来了 回去按程序补装 电动车乱停七八辆 都摆正了",
        unit_a,
    )
    assert totals(report)[1] == 8


def test_a_lead_in_before_the_first_numbered_item(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜\n经查：一、电动车乱停十余辆；二、小广告五张；三、护栏变形1处。\n"
        "处理情况：第一、二项业已当场整改完毕；第三项已移交区城管部门处理。",
        unit_a,
    )
    assert totals(report) == (16, 15, 1)


def test_what_turned_out_fine_is_no_problem(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜。电动车乱停6辆，已摆好。人行道有一块地砖看着翘起来，"
        "踩了一下是稳的，没有松动。捡了烟头纸屑一小袋。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)
    report = one(
        "凤凰城社区 周建国。卫生死角垃圾堵了，我们掏干净了。发放防台风宣传册30份。", unit_a
    )
    assert totals(report) == (1, 1, 0)
    assert [a.kind for a in report.activities] == ["发放宣传资料"]


def test_a_work_order(unit_a):
    report = one(
        "【创城值班工单】\n日期：11月25日\n地点：玄帝庙街\n值班人员：王晓明、李娜\n问题描述：\n"
        "①人行道电动车乱停放，数量×7\n②护栏上小广告，数量×4\n③井盖松动，数量×1\n"
        "处理措施：①现场摆放归位；②现场铲除；③登记，转城管处理\n"
        "处理结果：①已闭环 ②已闭环 ③未闭环",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)


def test_notices_plans_and_others_rounds_are_no_reports(unit_a):
    for text in (
        "【停电通知】定于11月29日对凤凰城社区1-14号楼停电，施工期间将更换老旧线缆、电杆3基、"
        "表箱12个，请社区网格员提前通知居民，勿私拉电线、飞线充电。",
        "明天凤凰城社区：周建国、吴婷婷；玄帝庙街：王晓明、李娜。7点准时到岗。",
        "测评组上午来咱玄帝庙街转了一圈，说盲道挺干净😄",
        "清走了，施工队昨天下午拉走的，包装垃圾也一块弄走了",
    ):
        assert parse_message(text, WEDNESDAY, unit_a) == [], text


def test_a_look_back_after_the_duty_keeps_the_report(unit_a):
    report = one(
        "2026年最后一天，王晓明带领李娜、赵强再次来到玄帝庙街，站好最后一班岗。"
        "规整电动车三四十辆；清理小广告十余处。一年来，累计值班70余次、发现整改问题800余处。",
        unit_a,
    )
    assert totals(report) == (50, 50, 0)


def test_things_counted_and_fine_headings_and_what_could_not_be_done(unit_a):
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。新换表箱12个外观完好；检查楼道路灯12盏，其中2盏不亮，"
        "已告知物业更换。一是整治乱堆乱放。清理楼道杂物3处。",
        unit_a,
    )
    assert totals(report) == (5, 3, 2)
    report = one(
        "玄帝庙街 王晓明 还有个井盖烂了一角，喊了城管的人来看，说要换，莫得办法当场搞定。", unit_a
    )
    assert totals(report) == (1, 0, 1)


def test_hints_follow_the_units_own_words():
    categories = (
        Category("市容秩序", ("电动车",)),
        Category("用电安全", ("私拉电线", "飞线充电")),
        Category("其他", ("流浪狗",)),
    )
    assert classify_with("楼道私拉电线给电动车充电", categories) == "用电安全"
    assert classify_with("窗户吊线给电动车充电", categories) == "用电安全"
    default = (Category("市容秩序", ("电动车",)), Category("其他", ("流浪狗",)))
    assert classify_with("窗户吊线给电动车充电", default) == "其他"


def test_laundry_smoking_and_promises_for_next_week(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷。6号楼下有人晒被子挂在树上，跟阿姨说了她收回去了。"
        "9号楼下两辆僵尸自行车，已联系物业，物业说下周清走。",
        unit_a,
    )
    assert totals(report) == (3, 1, 2)
    report = one("玄帝庙街 王晓明。开元街口有两个人在公交站抽烟，提醒后灭了烟。", unit_a)
    assert totals(report) == (2, 2, 0)
    assert report.found[0].category == "文明行为"


def test_things_joined_by_gen_are_fixed_together(unit_a):
    report = one(
        "玄帝庙街 王晓明。骑楼下面停了五六辆电动车，还有两台摩托车停在盲道上。"
        "刚才讲的那几辆电动车跟摩托车拢总有牵开了。烟头纸屑有捡，差不多一袋。",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)


def test_counts_of_what_others_were_made_to_do_and_of_what_was_left(unit_a):
    report = one("凤凰城社区 周建国。楼道堆放杂物3处,已协调住户清理2处。", unit_a)
    assert totals(report) == (3, 2, 1)
    report = one("玄帝庙街 王晓明。店铺门口占道经营3家 劝导后2家收回 1家不听 已上报城管", unit_a)
    assert totals(report) == (3, 2, 1)
    report = one(
        "凤凰城社区 周建国。清理楼道乱堆乱放11处，其中2处住户不同意清理，已交给社区做工作；"
        "清理卫生死角4处。",
        unit_a,
    )
    assert totals(report) == (15, 13, 2)


def test_not_in_time_is_not_done_and_brackets_hold_together(unit_a):
    report = one(
        "凤凰城社区 周建国。垃圾站附近苍蝇多 垃圾没有及时清运，已通知社区督促环卫。", unit_a
    )
    assert totals(report) == (1, 0, 1)
    report = one("凤凰城社区 周建国\n楼顶积水容器(旧轮胎 花盆)5个 清倒了", unit_a)
    assert totals(report) == (5, 5, 0)


def test_changsha_speech_and_things_in_good_order(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。电动车乱停十几台，摆好哒；门口垃圾桶满溢，喊保洁清哒。", unit_a
    )
    assert totals(report) == (11, 11, 0)
    report = one(
        "玄帝庙街值班：王晓明、李娜。路面干净，电动车都停在停车区，盲道畅通，未发现问题。", unit_a
    )
    assert totals(report) == (0, 0, 0)
    report = one("玄帝庙街值班：王晓明。3辆电动车停在盲道上，已挪开。", unit_a)
    assert totals(report) == (3, 3, 0)


def test_english_words_young_staff_type(unit_a):
    report = one(
        "凤凰城社区 report 👇\nKevin、周建国、吴婷婷\n门口共享单车乱停 十几辆，已经排整齐了\n"
        "9号楼门口垃圾没破袋就扔进桶 3袋，帮忙破袋 done\n健身器材坏了一个，报居委了 pending",
        unit_a,
    )
    assert set(report.staff) == {"Kevin", "周建国", "吴婷婷"}
    assert totals(report) == (14, 13, 1)


def test_one_line_per_problem_with_the_count_in_between(unit_a):
    report = one(
        "11/25 玄帝庙街\n王晓明 李娜\n电瓶车乱停 12 摆好了\n共享单车 一排 理好\n"
        "小广告 若干 撕掉了\n盲道砖翘起 1块 报城管",
        unit_a,
    )
    assert totals(report) == (15, 14, 1)
    # A list number between spaces is no count.
    report = one("玄帝庙街 王晓明 发现问题 1 共享单车乱停15辆 已摆好 2 烟头纸屑若干 已清理", unit_a)
    assert totals(report) == (16, 16, 0)


def test_problem_action_result_items(unit_a):
    report = one(
        "凤凰城社区值班日报\n值班人员：周建国、吴婷婷\n"
        "1、问题：7号楼门口电瓶车乱停5辆，其中2辆压盲道\n处置：现场推到车棚\n结果：5辆全部归位\n"
        "2、问题：小区北门围墙小广告若干\n处置：拍照报居委\n结果：待居委安排清除",
        unit_a,
    )
    assert totals(report) == (6, 5, 1)


def test_a_doctors_note_as_a_report(unit_a):
    report = one(
        "玄帝庙街值班小结\n主诉：门前乱停乱放反复发作半月余。\n现病史：7:40左右救护车回来，路口被堵。\n"
        "查见：\n1.人行道电动车乱停放十余台\n2.公交站台边一名男子随地吐痰\n"
        "处理：电动车全部归位；吐痰的当场劝阻。\n转归：好转。\n医嘱：下次早点守着。\n"
        "值班：王晓明、李娜",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)


def test_none_of_the_things_that_would_be_wrong(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜。路口方圆50米内无违停车辆，小广告冇看到；"
        "绿化带里塑料袋饮料瓶一些，捡干净哒。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_people_sent_away_count_and_a_bracket_speaks_for_its_own_name(unit_a):
    report = one("玄帝庙街 王晓明。劝离流动摊贩2名。", unit_a)
    assert totals(report) == (2, 2, 0)
    report = one("凤凰城社区\n人员：周建国、吴婷婷、孙浩（请假）\n小广告3张已清理", unit_a)
    assert report.staff == ("周建国", "吴婷婷")


def test_all_but_the_numbered_items_then_what_became_of_them(unit_a):
    report = one(
        "11月25日玄帝庙街路长制值班情况\n值班人员：王晓明、李娜\n1）电动车乱停放9辆\n"
        "2）绿化带内烟头、纸屑若干\n3）2号检查井盖破损1处\n4）门店出店经营2家\n"
        "以上问题除第3项外均已当场整改，井盖已拍照报市政。",
        unit_a,
    )
    assert totals(report) == (13, 12, 1)


def test_two_groups_at_two_sites_in_one_sentence(unit_a):
    reports = parse_message(
        "今天分两组值班，第一组王晓明、李娜、赵强在玄帝庙街，发现电动车乱停12辆全部摆放整齐；"
        "第二组周建国、吴婷婷在凤凰城社区，清理楼道小广告约40张，两组都没有其他问题。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.staff, r.found_total) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜", "赵强"), 12),
        (GRID_A, ("周建国", "吴婷婷"), 40),
    ]


def test_a_household_doing_something_is_no_visit(unit_a):
    report = one(
        "凤凰城社区 周建国。还有一户居民在楼道里晾晒被褥，做工作后收回去了。入户宣传20户。", unit_a
    )
    assert totals(report) == (1, 1, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("入户宣传", 20)]


def test_boards_blown_over_and_north_western_words(unit_a):
    report = one(
        "凤凰城社区 周建国。社区广场上的宣传展板被风刮倒了2块，我们扶起来固定好了。"
        "有个人牵狗没拴绳子，说了一哈拴上了。一个尕卖部把货摆到人行道上了，叫收回去了。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_bracketed_found_handled_and_left_headings(unit_a):
    report = one(
        "【值班日报】11月25日 凤凰城社区\n值班人员：周建国、吴婷婷\n"
        "【巡查发现】电动车乱停放9辆；垃圾桶满溢2个；宣传栏公益广告褪色破损1块。\n"
        "【现场处置】电动车已摆放整齐。\n【遗留问题】垃圾桶满溢已通知环卫清运；宣传栏已告知社区更换。",
        unit_a,
    )
    assert totals(report) == (12, 9, 3)


def test_compact_figures_with_arrows(unit_a):
    report = one(
        "凤凰城社区 11.25：电动车 25→规整25；共享单车 8→规整8；杂物 2处→报社区；"
        "小广告 12→清10；垃圾 6袋→清6",
        unit_a,
    )
    assert totals(report) == (53, 49, 4)


def test_a_site_named_with_a_keyword_inside_is_no_item():
    unit = load_unit(CORPUS / "unit-a.toml")
    named = replace(unit.sites[0], aliases=(*unit.sites[0].aliases, "玄帝庙街骑楼段"))
    unit = replace(unit, sites=(named, *unit.sites[1:]))
    categories = tuple(
        replace(c, keywords=(*c.keywords, "骑楼")) if c.name == "市容秩序" else c
        for c in unit.categories
    )
    report = one(
        "玄帝庙街骑楼段 11月25日\n值班人员：王晓明、李娜\n小广告3张已清理",
        replace(unit, categories=categories),
    )
    assert totals(report) == (3, 3, 0)


def test_northern_le_marked_counts_and_qing(unit_a):
    report = one(
        "凤凰城社区 下午复查\n人：周建国 吴婷婷\n楼道小广告 x4 ✅\n电动车堵消防通道 x3 ✅2 ❌1 锁了挪不动\n"
        "垃圾桶满溢 x2 ❌ 报环卫",
        unit_a,
    )
    assert totals(report) == (9, 6, 3)
    report = one(
        "玄帝庙街 王晓明 李娜 电动车乱停大约二十辆，整好了；有人在路口随地吐痰 当场劝止；"
        "烟头纸屑我们拾掇咧；大件垃圾已通知社区联系人拉走。\n清垃圾 7袋。",
        unit_a,
    )
    assert totals(report) == (30, 29, 1)


def test_handed_to_sanitation_and_told_not_to(unit_a):
    report = one(
        "凤凰城社区 周建国。人行道上有一堆建筑垃圾，已交环卫清运；单元门口有人堆的杂物2堆，"
        "嫑叫堆了，社区说通知住户挪。",
        unit_a,
    )
    assert totals(report) == (3, 0, 3)


def test_problem_action_result_with_indented_lines(unit_a):
    report = one(
        "玄帝庙街 12月1日\n值班人员：王晓明、李娜\n1. 问题：88号出店经营（反复）\n"
        "   处置：再次劝导无效，拍照留证\n   结果：已移交城管中队\n2. 问题：120号五金店出店经营\n"
        "   处置：劝导店主\n   结果：已整改\n3. 问题：电瓶车乱停6辆、共享单车乱停10余辆\n"
        "   处置：现场整理\n   结果：已摆放整齐",
        unit_a,
        at("2026-12-01 10:00"),
    )
    assert totals(report) == (18, 17, 1)


def test_what_they_said_and_bikes_in_the_shed(unit_a):
    report = one(
        "凤凰城社区 周建国。还有一家小饭店门口油污，伊讲油烟机坏脱了，已经报给社区了。"
        "电瓶车基本停在车棚里，只有2辆停在消防通道上，已推走。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)


def test_the_above_all_fixed_and_minnan_you_after_a_noun(unit_a):
    report = one(
        "玄帝庙街路长制值班报告。值班人员：王晓明、李娜。经查，该路段存在非机动车乱停放十二辆、"
        "商户出店经营二户、人行道烟头纸屑若干等问题。经值班人员现场规整、责令商户收回、清扫，"
        "上述问题现已整改完毕。",
        unit_a,
    )
    assert totals(report) == (15, 15, 0)
    report = one(
        "玄帝庙街：王晓明、李娜，骑楼下电动车有摆好12辆，楼道小广告有清5处。"
        "有几个少年仔放烟花，不文明也危险，有叫他们不行放，他们有收起来走了。",
        unit_a,
    )
    assert totals(report)[:2] == (18, 18)


def test_voice_input_saying_things_twice(unit_a):
    report = one(
        "就是说今天玄帝庙街那个，有个人在那里乱扔垃圾，乱扔垃圾，我们喊他捡起来了，"
        "他就捡起来丢垃圾桶了。然后垃圾桶那个满了，满了，满出来了，跟环卫打了电话。"
        "值班的是王晓明、李娜。",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


def test_tables_jianghuai_volume_and_offenders_counted_in_people(unit_a):
    report = one(
        "凤凰城社区 11月25日 周建国 吴婷婷\n序号\t问题\t数量\t处理情况\n1\t电动车乱停放\t14\t已整理\n"
        "2\t楼道小广告\t9\t已清除\n3\t垃圾桶满溢\t3\t已通知环卫",
        unit_a,
    )
    assert totals(report) == (26, 23, 3)
    report = one(
        "玄帝庙街 王晓明 李娜\n路面干净\n电动车都停得蛮整齐的\n2个人横穿马路（当场劝阻）\n"
        "电动车停的老些，有个二三十辆，都给摆齐了",
        unit_a,
    )
    assert totals(report) == (32, 32, 0)


def test_gan_speech_and_voice_input_putting_itself_right(unit_a):
    report = one(
        "玄帝庙街今天值班王晓明李娜都到岗哩 电动车乱停七辆 不对是九辆 都摆好了 "
        "小广告十五处 不对是十三处 已清除 垃圾捡了五袋 不对 六袋 路灯坏了一个 跟社区讲哩",
        unit_a,
    )
    assert totals(report) == (29, 28, 1)


def test_numbered_lines_of_one_kind_and_what_a_leak_left(unit_a):
    report = one(
        "玄帝庙街门头招牌排查📍\n👥王晓明 李娜\n排查门头招牌45块：\n①招牌破损4块❌已告知店主\n"
        "②未经审批新设招牌1块❌已下发通知\n③招牌悬挂不牢固1块✅店主当场拆除",
        unit_a,
    )
    assert totals(report) == (6, 1, 5)
    report = one(
        "玄帝庙街 王晓明。饭店门口油烟机滴油，地上一大片油污，给老板说了，老板当场拿拖把拖干净了。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_a_banner_taken_down_is_not_the_small_ads(unit_a):
    report = one(
        "玄帝庙街：王晓明、李娜。清理非法小广告52张，劝离流动摊贩4处，拆除商户违规悬挂广告横幅1条。",
        unit_a,
    )
    assert totals(report) == (57, 57, 0)


def test_a_table_typed_with_spaces_and_items_left_out_of_today(unit_a):
    report = one(
        "凤凰城社区 11月25日 周建国 吴婷婷\n序号 问题 数量 处理情况\n1 楼道小广告 9 \n2 电动车乱停 6 \n"
        "3 绿化带烟头纸屑 若干 \n以上问题均已当场整改。\n"
        "注：11月20日上报的地砖缺损2块、护栏倾斜1处仍未修复，不计入今日。",
        unit_a,
    )
    assert totals(report) == (16, 16, 0)
    report = one("凤凰城社区 周建国。小区门口早点摊出店经营，跟老板讲了，收进克了。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_an_inspections_totals_and_luckily_none(unit_a):
    report = one(
        "凤凰城社区消防安全检查：检查单位23家，检查发现隐患6处，当场整改4处，下发整改通知书2份。"
        "值班人员：周建国、吴婷婷。",
        unit_a,
    )
    assert totals(report) == (6, 4, 2)
    report = one(
        "凤凰城社区 周建国 吴婷婷。好彩冇乱停，就是有2户电动车推入屋充电，已经推出来了。在3条巷道清理杂物4堆。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_hashtags_states_in_order_and_risks(unit_a):
    report = one(
        "迎检顺利✌️ #创文# #玄帝庙街# #路长制#\n人员：王晓明、李娜\n只指出1处盲道被电动车占用，我们马上挪开了\n"
        "另有一棵树上有干枯树枝悬挂，有掉落风险，已通知园林",
        unit_a,
    )
    assert report.site == ROAD_A
    assert totals(report) == (2, 1, 1)
    report = one("11月25日玄帝庙街值班，王晓明、李娜，路面干净，车辆摆放整齐，未发现问题。", unit_a)
    assert totals(report) == (0, 0, 0)


def test_corrections_on_the_next_line_and_things_fixed_together(unit_a):
    report = one(
        "凤凰城社区 今天值班 周建国 吴婷婷\n电动车乱停6辆 摆了\n上一行写错了 是8辆 都摆了", unit_a
    )
    assert totals(report) == (8, 8, 0)
    report = one(
        "凤凰城社区今天巡完了，周建国，楼道小广告5处已清。\n更正：是6处，3单元那处也撕了", unit_a
    )
    assert totals(report) == (6, 6, 0)
    report = one(
        "凤凰城社区：周建国、吴婷婷。巡查发现：活动室门前垃圾1堆、墙面小广告约10处、1处井盖破损。"
        "垃圾和小广告已清理，井盖处已插上警示标志并告知物业。",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)


def test_a_fire_inspections_breakdown_fixes_and_the_rest_named(unit_a):
    report = one(
        "11月25日凤凰城社区值班检查情况：值班人员周建国、吴婷婷。检查发现隐患7处（楼道堆放杂物3处、"
        "私拉电线充电2处、垃圾桶满溢2处），当场整改5处，下发整改通知书2份，余下私拉电线充电2处移交社区跟进。",
        unit_a,
    )
    assert totals(report) == (7, 5, 2)


def test_a_run_on_of_work_counted_then_what_was_found(unit_a):
    report = one(
        "凤凰城社区今天网格值班人员周建国吴婷婷一共2个人主要是配合社区搞入户宣传走访了32户"
        "发放宣传资料64份问卷调查20份小区里面发现3辆电动车堵消防通道已经挪走了",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_items_named_together_then_their_outcome(unit_a):
    report = one(
        "玄帝庙街路长制值班日报\n值班人员：王晓明、李娜\n二、发现问题\n共计发现问题11处，其中：电动车占用盲道5辆；"
        "共享单车倒伏4辆；商户门前乱堆乱放纸箱1处；人行道地砖松动1处。\n三、整改情况\n"
        "一是占用盲道的电动车、倒伏的共享单车已全部扶正归位，摆放整齐；二是门前纸箱已督促商户收回店内；"
        "三是地砖松动已上报城管部门，待维修。",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)


def test_work_on_a_problem_and_a_bracket_saying_why_someone_is_away(unit_a):
    report = one(
        "玄帝庙街值班，王晓明、李娜到岗。联合交警对路口违停进行了整治，现场查处违停机动车7辆，已全部驶离。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)
    report = one(
        "凤凰城社区值班情况\n值班人员：周建国、吴婷婷（孙浩借调市创城办，本周不参加值班）\n楼道内小广告6处，已清理。",
        unit_a,
    )
    assert report.staff == ("周建国", "吴婷婷")


def test_measure_words_of_fire_kit_and_stalls(unit_a):
    # 灭火器过期3具, 摊贩占道4档: each is a count, and the number is no part of the text.
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。灭火器过期3具，已通知物业；流动摊贩占道4档，已劝离。",
        unit_a,
    )
    assert totals(report) == (7, 4, 3)
    assert [item.text for item in report.found][:2] == ["灭火器过期", "流动摊贩占道"]


def test_a_bracket_of_names_after_a_head_count(unit_a):
    report = one(
        "凤凰城社区：4个人（周建国、吴婷婷、郑凯、李娜）把2条巷子消防通道上的电动车11辆全部挪走；"
        "楼道小广告3处，已清理。",
        unit_a,
    )
    assert report.staff == ("周建国", "吴婷婷", "郑凯", "李娜")
    assert totals(report) == (14, 14, 0)
    assert [item.count for item in report.found] == [11, 3]


def test_charging_in_homes_is_a_hazard_not_a_home_visit(unit_a):
    report = one(
        "凤凰城社区夜查，周建国、吴婷婷。发现电动车入户充电8户，已全部整改；入户宣传20户。", unit_a
    )
    assert totals(report) == (8, 8, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("入户宣传", 20)]


@pytest.mark.parametrize("about", ["approx", "approx.", "about", "abt", "around", "Approx "])
def test_english_about_before_a_count(unit_a, about):
    report = one(f"玄帝庙街done 王晓明 李娜\n乱停单车 {about} 15架 已排好", unit_a)
    assert totals(report) == (15, 15, 0)


def test_a_fix_total_over_several_items(unit_a):
    # Which ones is not said; the figures need only how many.
    report = one(
        "凤凰城社区夜查，周建国、吴婷婷。检查发现楼道堆放杂物6处，私拉电线4处，当场整改8处，"
        "另2处已移交社区。",
        unit_a,
    )
    assert totals(report) == (10, 8, 2)


def test_a_fix_total_with_its_breakdown_in_brackets(unit_a):
    report = one(
        "凤凰城社区检查，周建国、吴婷婷。检查发现隐患9处：消防通道占用4处，私拉电线2处，"
        "楼道堆放杂物2处，应急照明灯损坏1盏。当场整改6处（消防通道占用4处、楼道堆放杂物2处）；"
        "私拉电线2处下发整改通知书2份，责令当晚拆除；应急照明灯已通知物业更换。",
        unit_a,
    )
    assert totals(report) == (9, 6, 3)
    assert len(report.found) == 4
    fixed = {item.text: item.count for item in report.resolved}
    assert fixed == {"消防通道占用4处": 4, "楼道堆放杂物2处": 2}


def test_fire_exit_routes_and_orders_for_later():
    assert read_status("疏散通道堆放杂物3处").state is None
    assert read_status("责令当晚推出").state == "pending"
    assert read_status("要求商户明天清走").state == "pending"
    assert read_status("让老板收回了").state == "fixed"


def test_a_span_of_days_is_no_date(unit_a):
    sent = at("2026-11-13 17:45")
    report = one("凤凰城社区检查，周建国、吴婷婷。楼道杂物3处，限期3日内整改。", unit_a, sent)
    assert report.date == date(2026, 11, 13)
    assert totals(report) == (3, 0, 3)


def test_snow_already_cleared_by_others_is_no_problem(unit_a):
    report = one(
        "玄帝庙街值班，王晓明、李娜。路面积雪已被环卫清扫，人行道上有垃圾两堆，已清扫。", unit_a
    )
    assert totals(report) == (2, 2, 0)


def test_a_bracketed_handling_label(unit_a):
    report = one(
        "【地点】玄帝庙街\n【人员】王晓明、李娜\n【问题】1、人行道煤渣3处 2、电动车占用盲道4辆 "
        "3、护栏缺失1段\n【处理】1、2当场整改；3已报城管",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)


def test_a_correction_on_the_next_line(unit_a):
    report = one("玄帝庙街今天：电动车乱停12辆，摆好了。\n不对，是14辆，南头俩也摆了。", unit_a)
    assert totals(report) == (14, 14, 0)


def test_said_twice_without_a_pause(unit_a):
    report = one(
        "玄帝庙街今天我们 王晓明 李娜 那个那个电动车很多很多乱停 有二十多辆二十多辆 我们有摆好",
        unit_a,
    )
    assert totals(report) == (20, 20, 0)
    # One by one is no repeat.
    report = one("玄帝庙街 王晓明 李娜 盲道上停了7辆电动车，我们一辆一辆推到了停车线里。", unit_a)
    assert totals(report) == (7, 7, 0)


def test_times_of_day_before_each_step_and_doing_it_again(unit_a):
    report = one(
        "凤凰城社区 周建国、吴婷婷\n07:55 5栋前电动车乱停4辆，08:05 挪走3辆，1辆无人。\n"
        "08:15 宣传栏海报脱落1张，08:20 重新张贴。",
        unit_a,
    )
    assert totals(report) == (5, 4, 1)


def test_cleaned_typed_with_the_wrong_li(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 楼道里的小广告有八九张，已经清里干净。", unit_a)
    assert totals(report) == (9, 9, 0)


def test_a_report_that_asks_something_on_the_way(unit_a):
    reports = parse_message(
        "今天凤凰城社区这边整完了！楼道纸箱两三处，已经喊房东收掉了。就是7号楼门口那根电线还是"
        "私拉电线，跟房东讲了，他说明天整，要不要报社区？今天周建国、吴婷婷。",
        WEDNESDAY,
        unit_a,
    )
    assert len(reports) == 1
    assert totals(reports[0])[:2] == (4, 3)
    # A question about a report is still no report.
    assert parse_message("周建国、吴婷婷，凤凰城社区楼道纸箱3处清了吗？", WEDNESDAY, unit_a) == []


def test_a_run_on_voice_report_cut_after_each_outcome(unit_a):
    report = one(
        "今天玄帝庙街值班王晓明李娜两个人路口电动车乱停十几辆都摆整齐了送货的三轮车堵到盲道上两辆"
        "叫老板开走了还有一个井盖有点松动已经报给市政了",
        unit_a,
    )
    assert totals(report) == (13, 12, 1)
    # 倒了把盲道堵住了 goes on about the same thing.
    report = one("玄帝庙街 王晓明 李娜 人行道上一辆电动车倒了把盲道堵住了，扶起来了。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_a_fixed_total_and_the_one_left_called_a_problem(unit_a):
    report = one(
        "玄帝庙街值守，王晓明、李娜。经巡查，共发现问题9处，其中电动车乱停放5处、商户出店经营3处、"
        "人行道地砖松动1处，现已整改8处，地砖松动问题已拍照上报区城管局，待维修。",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)
    assert len(report.found) == 3


def test_a_fixed_total_smaller_than_the_items_open(unit_a):
    report = one(
        "凤凰城社区检查，周建国、吴婷婷。共发现问题8处，其中楼道堆放杂物3处、私拉电线3处、"
        "垃圾桶满溢2处。已整改5处，下发告知书3份。",
        unit_a,
    )
    assert totals(report) == (8, 5, 3)


def test_check_marks_of_other_fonts(unit_a):
    report = one(
        "凤凰城社区 12.2\n→ 周建国 吴婷婷\n→ 小广告 15处 ✓ 全铲\n→ 路边垃圾 2堆 √\n→ 私拉电线 1处 ✗",
        unit_a,
        at("2026-12-02 10:00"),
    )
    assert totals(report) == (18, 17, 1)


@pytest.mark.parametrize("done", ["已敲除", "全部敲除", "拿杆子捅下来了", "敲掉了"])
def test_ice_knocked_off_is_fixed(done):
    assert read_status(done).state == "fixed"


def test_spots_with_the_problem_and_children_called_down(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷\n楼道转角两三个地方有狗粪，已经铲干净了\n"
        "仨娃儿翻栏杆在边上耍，太危险了，喊下来了",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_not_counted_again(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 楼道小广告3处已清理。上次报的路灯还是没修好，"
        "这个之前报过了今天就不重复算了。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_a_run_on_goes_on_to_a_place_with_something_there(unit_a):
    report = one(
        "玄帝庙街今天我们 王晓明 李娜 到岗了发现电动车乱停二十余辆全部摆放整齐了公交站那里有两个"
        "小广告也撕了还有一个井盖松动已经报给市政了",
        unit_a,
    )
    assert totals(report) == (23, 22, 1)
    # 扫了大概有两袋: the count of the sweeping.
    report = one("玄帝庙街 王晓明 李娜 路边垃圾扫了大概有两袋", unit_a)
    assert totals(report) == (2, 2, 0)


def test_steps_are_counted(unit_a):
    report = one("玄帝庙街 王晓明 李娜 人行道有两级台阶破损，已报城管。", unit_a)
    assert totals(report) == (2, 0, 2)


def test_fixes_told_verb_first_with_counts_after_a_breakdown(unit_a):
    report = one(
        "凤凰城社区巡查，周建国、吴婷婷。经巡查，共发现问题11处，其中外墙小广告6处、楼道乱堆杂物3处、"
        "垃圾收集点满溢1处、私拉电线1处。现已清除小广告6处，清理杂物2处；垃圾收集点满溢问题已通知"
        "保洁公司，私拉电线已移交社区。",
        unit_a,
    )
    assert totals(report) == (11, 8, 3)
    assert len(report.found) == 4


def test_winter_ice_is_a_problem_by_default(unit_a):
    report = one("玄帝庙街 王晓明 李娜 人行道冰雪3处，已清除；甬道冰包2处，已刨平。", unit_a)
    assert totals(report) == (5, 5, 0)
    assert {item.category for item in report.found} == {"环境卫生"}


def test_items_named_again_together_then_their_outcome(unit_a):
    report = one(
        "玄帝庙街值班情况：值班人员王晓明、李娜。发现问题：共享单车乱停放9辆、盲道被杂物占用2处、"
        "小广告3处、井盖松动1处。其中共享单车、杂物、小广告当场整改，井盖已报市政。",
        unit_a,
    )
    assert totals(report) == (15, 14, 1)


def test_owners_found_for_part_of_the_cars_and_what_the_thing_means(unit_a):
    report = one(
        "凤凰城社区值班 值班人员：周建国、吴婷婷。\n我们一起检查了小区的消防通道，发现有3辆私家车"
        "堵在消防通道上面，这个是很大的安全隐患。我们找到了2辆车的车主，他们把车开走了，另外1辆车的"
        "车主联系不上，我们在车上贴了提示。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)


def test_undone_as_the_problem_in_a_breakdown_and_a_fix_total(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 隐患排查：共排查17户，发现隐患9处，其中：楼道杂物未清理3处、"
        "私拉电线2处、垃圾桶满溢4处。整改5处，限期整改4处。",
        unit_a,
    )
    assert totals(report) == (9, 5, 4)


def test_a_tally_line_after_the_items_adds_nothing(unit_a):
    report = one(
        "【玄帝庙街路长制值班】\n值班：王晓明、李娜\n1.门前杂物堆放3处\n2.井盖缺失1个\n"
        "第1条当场整改；第2条已上报。\n合计：问题4处，整改3处，上报1处。",
        unit_a,
    )
    assert totals(report) == (4, 3, 1)
    assert len(report.found) == 2


def test_ice_then_salt_or_ash_on_it_and_stalls_sent_back(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 11号楼后面的路上结冰很厉害，用铁锹把冰铲掉了一大片，又撒了炉灰防滑。"
        "俩流动摊贩把炉子摆到盲道上，仨卖干果的三轮车堵在路口，都给撵回去了。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_a_name_that_reads_like_a_pile_is_no_problem(unit_a):
    unit = replace(
        unit_a,
        staff=(*unit_a.staff, replace(unit_a.staff[0], name="罗布旺堆", qq=29999)),
    )
    report = one(
        "玄帝庙街今天搞定。王晓明、罗布旺堆、李娜3个人。摩托车乱停5辆，喊车主挪走了3辆，"
        "剩下2辆找不到人。",
        unit,
    )
    assert report.staff == ("王晓明", "罗布旺堆", "李娜")
    assert totals(report) == (5, 3, 2)


def test_an_item_range_with_a_long_dash_and_fixes_by_mop_and_rope(unit_a):
    report = one(
        "玄帝庙街值班日报 值班人员：王晓明、李娜\n1.门前污水流到人行道3处；\n2.塑料绳等垃圾约5袋；\n"
        "3.电动车乱停12辆；\n4.人行道地砖下沉1处。\n以上第1—3项均已现场整改，第4项已上报。",
        unit_a,
    )
    assert totals(report) == (21, 20, 1)
    assert read_status("已让摊主拿拖布拖干").state == "fixed"
    assert read_status("当场找人给绑结实了").state == "fixed"


def test_a_street_named_by_its_count_is_no_item(unit_a):
    report = one(
        "今天下午联合城管中队对玄帝庙街小吃一条街开展占道经营专项整治，王晓明、李娜参加。"
        "共清理违规外摆摊位9处。",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)


def test_a_correction_naming_its_item_and_a_count_with_how_they_stood(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜。发现电动车乱停6辆，已挪至停车区；垃圾桶破损1个，已报环卫。\n"
        "更正：电动车是8辆，都挪了。",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)
    report = one("玄帝庙街 王晓明 李娜 路口那块电动车贼乱，七八辆横七竖八的，都给整齐了。", unit_a)
    assert totals(report) == (8, 8, 0)


def test_fixes_to_follow_and_all_but_the_handed_on(unit_a):
    report = one(
        "玄帝庙街 12.16 王晓明、李娜\n发现：①电动车乱停13辆 ②摊贩占道2处 ③路灯灯罩破损1个\n整改一会儿发",
        unit_a,
        at("2026-12-16 10:00"),
    )
    assert totals(report) == (16, 0, 16)
    report = one(
        "凤凰城社区值班：王晓明、李娜。清理小广告20余处，整理电动车30辆；路灯不亮2盏、井盖破损1个"
        "已报社区。以上问题除报修的外均已整改。",
        unit_a,
    )
    assert totals(report) == (53, 50, 3)
    assert one("玄帝庙街 王晓明 李娜 路面干净，毛发现问题。", unit_a).found == ()


def test_told_then_done_and_another_fault_after_a_partial_fix(unit_a):
    report = one(
        "凤凰城社区今天值班周建国吴婷婷 发现3栋后面有人晒被子占了消防通道大概有五六处 跟住户说了收了两处 "
        "还有一个化粪池井盖松动了报给物业了 另外入户宣传了12户",
        unit_a,
    )
    assert totals(report) == (7, 2, 5)


def test_two_units_with_the_fault_count_two(unit_a):
    report = one("凤凰城社区 周建国 吴婷婷 还有两个单元的楼道灯不亮，报了物业。", unit_a)
    assert totals(report) == (2, 0, 2)


def test_circled_item_numbers_with_a_count_after_and_counts_said_loosely(unit_a):
    report = one(
        "凤凰城社区值班记录\n人员：周建国、吴婷婷\n① 07:40 2栋楼道堆放杂物 5处；\n② 07:58 车棚外电动车乱停 14辆；\n"
        "③ 08:30 小区东门井盖缺失 1个。\n整改情况：第①条清理4处；第②条14辆全部归位；③上报社区。",
        unit_a,
    )
    assert totals(report) == (20, 18, 2)
    report = one("玄帝庙街 王晓明 李娜\n共享单车乱停 ~30，已排好", unit_a)
    assert totals(report) == (30, 30, 0)
    report = one(
        "玄帝庙街 王晓明 李娜 北门那块电瓶车还是乱，一塌刮子四十几辆，全部码齐了。", unit_a
    )
    assert totals(report) == (40, 40, 0)


def test_photo_captions_and_chainages_are_no_counts(unit_a):
    report = one(
        "【16网格】周建国、吴婷婷\n图1：5栋楼下乱堆杂物一堆，已清理；\n图2：主干道共享单车乱停4辆，已摆放整齐；\n"
        "图3、图4：老锅炉房旁井盖松动一个，已告知社区，待维修。",
        unit_a,
    )
    assert totals(report) == (6, 5, 1)
    report = one(
        "玄帝庙街巡查记录 值班：王晓明、李娜\nK0+000~K0+300：人行道电动车乱停7辆，已归位；\n"
        "K0+300处排水沟井盖缺失1个，已报市政。",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)


def test_a_lead_in_of_handling_then_item_numbers(unit_a):
    report = one(
        "玄帝庙街值班 值班人员：王晓明、李娜\n检查发现：1.南门段小吃摊点出店经营4处；2.流动摊贩三轮车2辆；"
        "3.绿化带内垃圾若干；4.一处井盖松动。\n现场督促整改：第1、2、3项当场整改到位，第4项已拍照上报。",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)
    # An item with its count after a colon is no reference (路面坑洼：1 → 待修).
    report = one(
        "玄帝庙街 12/23\n王晓明 李娜\n- 小广告：3处 → 清理 ✓\n- 路面坑洼：1 → 待修",
        unit_a,
        at("2026-12-23 10:00"),
    )
    assert totals(report) == (4, 3, 1)


def test_a_fix_line_naming_only_the_kind_of_the_one_open_item(unit_a):
    report = one(
        "玄帝庙街 11.26 王晓明 李娜\n📌发现：\n🚲单车乱停 ×18\n🍢烟头纸屑 一地（大概5处）\n✅处理：\n"
        "单车全部码好了\n垃圾捡干净了",
        unit_a,
        at("2026-11-26 10:00"),
    )
    assert totals(report) == (23, 23, 0)
    assert len(report.found) == 2


def test_both_sites_as_paragraphs_tagged_with_their_kind(unit_a):
    reports = parse_message(
        "11月25日值班情况\n【路段】玄帝庙街：王晓明、李娜、赵强。步道烟头纸屑若干，已捡拾；共享单车乱停8辆，"
        "摆整齐了6辆。\n【网格】凤凰城社区：王晓明、李娜。楼道口堆了三袋装修垃圾，已通知社区清运。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.staff) for r in reports] == [
        (ROAD_A, ("王晓明", "李娜", "赵强")),
        (GRID_A, ("王晓明", "李娜")),
    ]
    assert [totals(r) for r in reports] == [(9, 7, 2), (3, 0, 3)]


def test_a_site_whose_name_opens_with_qing_is_not_cleaned(unit_a):
    unit = replace(
        unit_a,
        sites=(replace(unit_a.sites[0], name="清和街（利民街至北寺巷）南侧", aliases=("清和街",)),),
    )
    report = one("清和街今儿么麻达，王晓明、李娜。寺门口一辆僵尸车，给交警说了。", unit)
    assert report.site == "清和街（利民街至北寺巷）南侧"
    # 清 alone before what is cleared, or at the end, is still 清理.
    report = one("玄帝庙街 王晓明 李娜\n垃圾 4袋 清。\n清骑楼柱小广告 3处", unit_a)
    assert totals(report) == (7, 7, 0)


def test_names_strung_together_in_speech(unit_a):
    report = one(
        "那个今天下午我们那个去凤凰城社区然后就是人员有我周建国还有吴婷婷然后孙悦还有郑凯四个人"
        "然后发现那个电动车在楼道里面充电的有三四辆然后我们看着他推出去了",
        unit_a,
    )
    assert report.staff == ("周建国", "吴婷婷", "孙悦", "郑凯")
    report = one(
        "今朝玄帝庙街，王晓明搭李娜、赵强。弄堂口垃圾交关多，帮伊扫掉了，装了两袋。", unit_a
    )
    assert report.staff == ("王晓明", "李娜", "赵强")


def test_touts_counted_in_people_and_a_zero_count(unit_a):
    report = one(
        "玄帝庙街值班日报 值班人员：王晓明 李娜\n①路口流动摊贩人员3名\n②井盖松动1处\n"
        "第1条当场劝离，井盖已报市政。\n烟头纸屑若干已清。竹筏揽客0起。",
        unit_a,
    )
    assert totals(report) == (5, 4, 1)


def test_a_count_with_its_fault_after_an_uncounted_item(unit_a):
    report = one("玄帝庙街 王晓明 李娜 沿街步道落叶较多，约5处堆积，当场清扫完毕。", unit_a)
    assert totals(report) == (5, 5, 0)
    # After a counted item, a thing labelled on its own line keeps its own count.
    report = one("玄帝庙街 王晓明 李娜\n小广告：3处（已清理）\n井盖：1处松动（已上报）", unit_a)
    assert totals(report) == (4, 3, 1)


def test_a_fix_over_a_list_of_counted_items_and_counts_before_a_mark(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜。经过认真巡查，共计发现各类问题十二处，其中商户出店经营五处、"
        "非机动车乱停放四处、地面纸屑二处、路沿石破损一处。已当场整改商户出店经营五处、非机动车乱停放"
        "四处、纸屑二处，剩余路沿石破损一处已移交城管部门。",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)
    assert len(report.found) == 4
    report = one(
        "凤凰城社区 周建国 吴婷婷\n电动车 5 ✔\n小广告 10多张 ✔\n井盖松 1 ❌ 居委会说明天来修",
        unit_a,
    )
    assert totals(report) == (16, 15, 1)


def test_fixes_by_verbs_with_a_result_and_by_people_called_in(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷\n河面漂浮物一片，用网兜捞掉了。\n楼道飞线充电2处，已让车主拔除。\n"
        "横幅广告挂歪了一条，扯下来了。\n流浪狗拴的拉绳绊人2处，解掉了。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    # Someone called in who did it is a fix; one only called in is pending.
    report = one(
        "玄帝庙街 王晓明 李娜 垃圾桶满溢2个，叫环卫来清了。3号门前积水一处，已叫物业疏通。"
        "门口一堆大件垃圾，喊社区安排车拉走了。",
        unit_a,
    )
    assert totals(report) == (4, 3, 1)
    # 房东剪掉了2根: the one who did it comes first; the count after it is what was done.
    report = one("凤凰城社区 周建国 飞线3根，跟房东说了，房东剪掉了2根。", unit_a)
    assert totals(report) == (3, 2, 1)


def test_wu_speech_for_done(unit_a):
    report = one(
        "今朝玄帝庙街，王晓明、李娜。卖年糕的三轮车停在盲道上，叫伊推开嘞。电瓶车乱停十来部，排整其了。",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)


@pytest.mark.parametrize(
    "clause", ["我们赶到现场", "拿起扫帚", "赶上下雨", "店关了", "扯了电线", "通知社区疏通"]
)
def test_words_near_the_new_fix_verbs_are_no_fix(clause):
    assert read_status(clause).state != "fixed"


def test_a_mark_opening_a_line_is_that_lines_outcome(unit_a):
    report = one(
        "12-14 凤凰城社区\n✔ 楼道小广告 12\n✔ 电动车飞线充电（安全隐患） 2\n✘ 9号楼路面塌陷 1\n"
        "· 不牵绳遛狗 ✔ 2人\n周建国 吴婷婷",
        unit_a,
        sent_at=at("2026-12-14 10:50"),
    )
    assert totals(report) == (17, 16, 1)
    # A mark before a label, or before a line that says its own outcome, is a bullet.
    report = one(
        "凤凰城社区\n✔值班：周建国 吴婷婷\n✔楼道堆放杂物4处，清掉了3处，还有1处要物业去讲",
        unit_a,
    )
    assert report.staff == ("周建国", "吴婷婷")
    assert totals(report) == (4, 3, 1)


def test_a_sentence_that_only_puts_a_number_right(unit_a):
    report = one(
        "玄帝庙街值班 王晓明 李娜\n发现：电动车乱停12辆，已挪到停车区；人行道积雪两处，已清。\n"
        "更正一下，电动车是10辆，不是12辆，刚才数错了",
        unit_a,
    )
    assert totals(report) == (12, 12, 0)
    report = one(
        "玄帝庙街值班 王晓明 李娜\n1.电动车乱停放约20辆，已整理\n2.人行道地砖松动两块\n"
        "注：第2条地砖是三块，上面写错了",
        unit_a,
    )
    assert totals(report) == (23, 20, 3)


def test_a_formal_report_that_ends_with_te_ci_bao_gao(unit_a):
    report = one(
        "关于凤凰城社区网格值班情况的报告\n局领导、各位同事：\n现将情况报告如下：\n"
        "一、经查，小区内非机动车无序停放，共计电动自行车9辆，已全部规范摆放。\n"
        "二、经查，8号楼单元门口地砖松动1处，已告知社区居委会。\n参加人员为周建国、吴婷婷。\n特此报告。",
        unit_a,
    )
    assert totals(report) == (10, 9, 1)


def test_chu_counts_the_spots_that_have_the_problem(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 2处楼道堆放杂物（纸壳子、旧自行车），已通知楼长。", unit_a
    )
    assert totals(report) == (2, 0, 2)


def test_a_place_before_an_e_bike_in_a_list_shares_the_fault_after_it(unit_a):
    report = one("玄帝庙街 王晓明 李娜\n• 骑楼廊下电动车、摩托车乱停 3-4辆 → 已摆正", unit_a)
    assert totals(report) == (4, 4, 0)
    assert len(report.found) == 1
    # Places before things that are faults by themselves are still two problems.
    report = one("凤凰城社区 周建国 吴婷婷 楼道小广告、单元门口电动车乱停，均已处理。", unit_a)
    assert len(report.found) == 2


def test_the_rest_of_a_partly_fixed_item_however_it_stands(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 小区内共享单车乱停8辆，3辆已挪到停车点，另外5辆堵在消防通道里面"
        "锁着挪不动，已告知物业；桌椅3套占道，已劝导收回。",
        unit_a,
    )
    assert totals(report) == (11, 6, 5)
    assert len(report.found) == 2


def test_a_correction_in_brackets_and_work_told_before_its_items(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 电动车乱停放6辆（更正：刚才数漏了，是8辆），已全部摆放整齐。", unit_a
    )
    assert totals(report) == (8, 8, 0)
    report = one(
        "凤凰城社区 周建国 吴婷婷 对小区楼道、垃圾池、车棚进行全面清理，清理小广告20余张，清运垃圾4车。",
        unit_a,
    )
    assert totals(report) == (24, 24, 0)


def test_someone_called_in_is_done_only_when_told_so(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷 椰子壳一堆放在路边，叫社区的拉走先。垃圾桶满溢 2个 喊保洁清了✅",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)


def test_loads_carried_off_after_a_full_fix_are_not_its_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 断枝落叶堆积15处，已全部清扫，共清运三车；井盖移位1个，已复位。",
        unit_a,
    )
    assert totals(report) == (16, 16, 0)


def test_a_run_of_names_in_voice_input_is_kept_out_of_the_first_item(unit_a):
    report = one("今天玄帝庙街值班王晓明李娜赵强发现共享单车乱停大概有十五六辆摆放整齐了", unit_a)
    assert report.staff == ("王晓明", "李娜", "赵强")
    assert [item.text for item in report.found] == ["共享单车乱停"]
    assert totals(report) == (16, 16, 0)


def test_a_place_and_its_fault_after_le_in_voice_input(unit_a):
    report = one(
        "今天玄帝庙街值班王晓明李娜发现电动车乱停二十多辆都摆好了铁北路口那个井盖松动了一踩就响"
        "已经报给城管了",
        unit_a,
    )
    assert totals(report) == (21, 20, 1)
    report = one(
        "玄帝庙街今天王晓明李娜共享单车乱停十五六辆摆放整齐了惠民超市门口出店经营已经让他收回去了",
        unit_a,
    )
    assert totals(report) == (17, 17, 0)
    # A verb with 了 goes on to its object: one item each.
    report = one("玄帝庙街 王晓明 李娜 顺手清理了场地周边纸屑、塑料袋2袋。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_photo_captions_typed_with_a_space_and_buildings_listed_with_dun(unit_a):
    report = one(
        "11月2日玄帝庙街值班情况\n值班人员：王晓明 李娜\n图1 铁北路口\n·电动车乱停8辆，已摆放整齐\n"
        "图2 好再来饭店门口\n·出店经营，桌椅摆到人行道上，已责令收回\n图3 车站西路口\n·路沿石破损2处，已上报",
        unit_a,
        sent_at=at("2026-11-02 09:10"),
    )
    assert totals(report) == (11, 9, 2)
    report = one("凤凰城社区 周建国 吴婷婷 清理了3、5、7号楼楼道堆物共11处。", unit_a)
    assert totals(report) == (11, 11, 0)
    # A list number before a building is still the list's.
    report = one(
        "凤凰城社区 周建国 吴婷婷\n1、4号楼前地面油污一片\n2、车棚内僵尸自行车十余辆\n1、2已清",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)


def test_all_ordered_and_done_and_a_weekly_notice(unit_a):
    report = one(
        "玄帝庙街沿街商户检查：\n1.出店经营2家\n2.门前乱堆杂物1家\n以上均已当场责令整改到位。\n检查人：王晓明、李娜",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)
    assert (
        parse_message(
            "本周（11.16-11.20）各包联单位值班情况通报：区市场监管局玄帝庙街共报送日报7篇，发现问题112处，"
            "整改98处；区卫健局报送4篇，发现问题41处，整改35处。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )


def test_a_fix_counted_in_loads_goes_to_the_uncounted_item_before_it(unit_a):
    report = one(
        "凤凰城社区值班\n值班人员：周建国、吴婷婷\n1、楼下堆放杂物一处，已联系社区\n2、小区花园座椅损坏2个\n"
        "3、南门口散落垃圾，现场清理3袋\n4、外墙乱挂横幅1条，已摘除\n第3、4条已整改，第1、2条已交社区跟进。",
        unit_a,
    )
    assert totals(report) == (7, 4, 3)


def test_two_faults_of_one_thing_and_weather_after_a_fault(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷\n1、社区宣传栏公益广告内容过期、破损\n2、小区南门地面坑洼1处，雨天积水\n"
        "3、路上木有啥垃圾，可干净",
        unit_a,
    )
    assert totals(report) == (2, 0, 2)


def test_no_dialect_word_is_read_into_the_units_own_names():
    unit = load_unit(CORPUS / "unit-a.toml")
    sites = tuple(
        replace(site, aliases=(*site.aliases, "阿拉坦社区")) if site.name == GRID_A else site
        for site in unit.sites
    )
    unit = replace(unit, sites=sites)
    report = one("阿拉坦社区今儿个值班的是周建国、吴婷婷。楼道小广告撕了十几张。", unit)
    assert report.site == GRID_A
    assert totals(report) == (10, 10, 0)
    # Outside the names the dialect word is still read (阿拉 is 我们 in Shanghai speech).
    report = one("凤凰城社区 周建国 吴婷婷 阿拉摆好了电瓶车十来部。", unit)
    assert totals(report) == (10, 10, 0)


def test_a_done_label_over_a_list_and_numbered_items_handed_over(unit_a):
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。共发现问题13处，已整改9处，移交4处。已整改：巷道垃圾6袋、"
        "小广告3处。移交清单：\n1、45号旁楼道堆放杂物1处——移交街道执法中队；\n2、飞线充电2处——转交社区；\n"
        "3、路灯不亮1盏——已上报区市政。",
        unit_a,
    )
    assert totals(report) == (13, 9, 4)


def test_spread_on_ice_bagged_up_and_the_passive_with_people(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 公交站台冰面撒了防滑沙。3号楼和5号楼中间那垃圾老鼻子了，俺们装了6袋。"
        "门口那共享单车又让人扔得哪哪都是，整了二十多辆。",
        unit_a,
    )
    assert totals(report) == (27, 27, 0)


def test_an_accountants_tally_lines_and_a_place_in_brackets_after_a_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n一、发现问题\n1、共享单车倒伏：11辆；\n2、垃圾桶满溢：2个；\n"
        "3、路灯不亮：1盏（铁北路口往西约30米）。\n以上合计14处（11+2+1=14）。\n二、整改情况\n"
        "共享单车已摆放整齐；垃圾桶已联系环卫，暂未清；路灯已报。\n已整改合计11，未整改合计3，核对无误。",
        unit_a,
    )
    assert totals(report) == (14, 11, 3)
    assert len(report.found) == 3


def test_young_staffers_english_and_a_phone_typists_slips(unit_a):
    report = one(
        "凤凰城社区 11.25\n人员：周建国 吴婷婷\n- 共享单车 ×7 done\n电动车×6 ok\n梯坎垃圾 2袋 ok\n"
        "扶手松动 1处 TODO 已报市政",
        unit_a,
    )
    assert totals(report) == (16, 15, 1)
    report = one(
        "凤凰城社区值斑情况：周建国 吴婷婷。院子里点动车乱停6俩 以整理，楼到里小广告2处 以青理。",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)


def test_the_first_items_of_the_report_and_all_cleared_alone(unit_a):
    report = one(
        "凤凰城社区 12月16日\n周建国 吴婷婷\n小广告 8\n电动车 5\n垃圾 3袋\n井盖缺失 1\n前三项当场清了 井盖报物业了",
        unit_a,
        sent_at=at("2026-12-16 09:00"),
    )
    assert totals(report) == (17, 16, 1)
    report = one(
        "凤凰城社区 11.4\n周建国 吴婷婷\n电动车 10\n楼道小广告 12\n狗粪 2处\n全清了", unit_a
    )
    assert totals(report) == (24, 24, 0)


def test_a_load_then_a_new_thing_with_its_fault_in_voice_input(unit_a):
    report = one(
        "今天玄帝庙街值班王晓明李娜风太大了门口的塑料袋刮得满地都是捡了三大袋子电动车被风刮倒了六七辆"
        "都扶起来摆好了还有一块宣传牌让风吹歪了报给市场管理处了",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)
    # The thing after a count is the count's own when nothing is said wrong of it.
    report = one("玄帝庙街 王晓明 李娜 捡了两袋垃圾 清理小广告五处", unit_a)
    assert totals(report) == (7, 7, 0)


def test_minnan_have_done_and_a_list_inside_brackets(unit_a):
    report = one(
        "玄帝庙街今天有去了，王晓明、李娜。骑楼下面电动车足多，拢总排了二十几台，有排好了。"
        "有一个阿伯随地吐痰，有劝他了。",
        unit_a,
    )
    assert totals(report) == (21, 21, 0)
    report = one(
        "凤凰城社区 周建国 吴婷婷 发现一户门口堆放杂物（泡沫箱、旧家具）一处，已帮忙搬到大件垃圾点。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    assert len(report.found) == 1


def test_guizhou_voice_slips_and_doorways_counted(unit_a):
    report = one(
        "凤凰城社区 周建国 吴婷婷。仨单元门口有小广告，都撕了；电动车停起嘎嘎多，十多辆都给它摆好了；"
        "5栋单元门口台阶结冰，有安全隐患，提醒了物业撒盐。",
        unit_a,
    )
    assert totals(report) == (14, 13, 1)
    report = one(
        "凤凰城社区今天值班人员周建国吴婷婷发现楼道里面小广告一片已经清楚了还有那个路灯坏了两盏已经跟无业讲了",
        unit_a,
    )
    assert totals(report) == (3, 1, 2)


def test_work_with_people_in_a_list_of_fixes_and_people_counted_in_a_cell(unit_a):
    report = one(
        "11月4日 玄帝庙街 王晓明 李娜\n清理小广告18处、摆放单车30辆、捡拾垃圾4袋、劝导闯红灯行人12人次",
        unit_a,
        sent_at=at("2026-11-04 09:15"),
    )
    assert totals(report) == (52, 52, 0)
    assert [a.count for a in report.activities] == [12]
    report = one(
        "11/23 玄帝庙街\n王晓明 李娜\n问题｜数量｜状态\n电动车占盲道｜7辆｜已挪✅\n横穿马路行人｜3名｜已劝导✅",
        unit_a,
        sent_at=at("2026-11-23 09:20"),
    )
    assert totals(report) == (10, 10, 0)


def test_wu_tuo_after_a_verb_tells_it_done(unit_a):
    report = one("玄帝庙街 王晓明 李娜 桥洞底下小广告交关，铲脱8张；电瓶车摆脱17部。", unit_a)
    assert totals(report) == (25, 25, 0)


def test_fished_out_tied_back_and_called_back_up():
    unit = load_unit(CORPUS / "next" / "unit-nc.toml")
    report = one(
        "湖滨路 罗斌 涂志刚\n1 水面漂浮物约3处，已打捞2处，剩1处报河湖科\n2 两个小孩翻越护栏到湖边玩水，赶紧叫上来了"
        "\n3 救生圈绳子断了1处，我们先系上了\n4 禁钓牌边上两个人在钓鱼，讲了好久才收竿走咯",
        unit,
    )
    assert totals(report) == (8, 7, 1)


def test_questions_and_answers_and_a_recount_in_voice(unit_a):
    report = one(
        "问：今天哪个点？答：玄帝庙街。\n问：人员？答：王晓明、李娜。\n问：问题？答：共享单车乱停约30辆；"
        "流动摊贩一个；垃圾桶满溢两个。\n问：处理？答：单车摆齐15辆；摊贩劝离；垃圾桶已联系环卫。",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")
    assert totals(report) == (33, 16, 17)
    report = one(
        "玄帝庙街今天王晓明李娜值班。东门口电动车乱停七辆不对刚数了是六辆都摆好了。劝导闯红灯的十来个人次。"
        "两个单元门口堆着杂物，跟住户说了。路面都干了，没结冰。",
        unit_a,
    )
    assert totals(report) == (8, 6, 2)
    assert [a.count for a in report.activities] == [10]


def test_an_item_the_writer_takes_back(unit_a):
    report = one(
        "凤凰城社区值班：周建国、吴婷婷到岗。\n1、20号楼门口垃圾桶满溢，垃圾堆到地上\n2、共享单车乱停8辆，已摆放整齐\n"
        "3、单元门口小广告5处，已清理\n补充说明：第1条我后来问了物业，他们保洁在我们到之前就已经清运掉了，这条不算。",
        unit_a,
    )
    assert totals(report) == (13, 13, 0)


def test_a_correction_aside_and_work_together_with_others(unit_a):
    report = one(
        "玄帝庙街值班，王晓明、李娜。\n电动车乱停7辆，更正一下，是9辆，刚才数漏了，已摆好；\n"
        "和物业2名保安一起清理垃圾3袋；另和社区4名志愿者一起清扫落叶两袋。",
        unit_a,
    )
    assert totals(report) == (14, 14, 0)


def test_found_slash_fixed_after_a_thing_is_no_date(unit_a):
    report = one(
        "玄帝庙街 11.2\n人：王晓明 李娜\n（发现/处理）\n电动车 12/12 ✓\n共享单车 7/7 ✓\n小广告 6/4\n电动车 20+ 全理 ✓\n"
        "井盖松动 1 已报城管",
        unit_a,
        sent_at=at("2026-11-02 09:20"),
    )
    assert report.date == date(2026, 11, 2)
    assert totals(report) == (46, 43, 3)


def test_visitors_doing_wrong_are_counted_in_people():
    unit = load_unit(CORPUS / "next" / "unit-hz.toml")
    report = one(
        "映湖路 楼晓峰 潘志刚\n1、3名游客踩草坪拍照，已劝离\n2、湖边有人喂鱼（2人），劝阻后离开\n3、踩草坪拍照 4人 劝离 ✓",
        unit,
    )
    assert totals(report) == (9, 9, 0)


def test_a_latin_label_is_no_name_and_stalls_are_counted():
    unit = load_unit(CORPUS / "next" / "unit-nn.toml")
    report = one(
        "榕荫路南侧夜市 11月13日\nVunz（人员）：蒙春燕、陆文斌\n①出店经营：3个摊位（炒粉、螺蛳粉、烤生蚝），已收回\n"
        "②煤气罐放在人行道边：1个摊位，存在安全隐患，已劝摊主搬回摊内",
        unit,
        sent_at=at("2026-11-13 21:45"),
    )
    assert report.staff == ("蒙春燕", "陆文斌")
    assert totals(report) == (4, 4, 0)


def test_bags_of_a_kind_are_bags(unit_a):
    report = one("玄帝庙街 王晓明 李娜 沿街捡拾烟头纸屑等垃圾两编织袋。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_a_formal_report_and_a_colleague_who_went_along(unit_a):
    report = one(
        "今天，我们局的王晓明、李娜两位同志按照值班表的安排，准时到达玄帝庙街开展值班。发现东段小广告6张，"
        "已清除4张，另2张太高够不着。",
        unit_a,
    )
    assert totals(report) == (6, 4, 2)
    report = one(
        "2026年12月31日，今年的最后一天，我们王晓明、李娜到玄帝庙街开展了今年最后一次值班，发现小广告3张，已清除。",
        unit_a,
        sent_at=at("2026-12-31 10:20"),
    )
    assert totals(report) == (3, 3, 0)
    report = one(
        "群众反映玄帝庙街有电动车堵住盲道，我和李娜过去看了，两辆电动车，已经叫车主挪走了。", unit_a
    )
    assert report.staff == ("李娜",)


def test_one_problem_counted_at_several_buildings_and_short_totals(unit_a):
    report = one(
        "凤凰城社区今天上午值班，周建国、吴婷婷。\n楼道小广告：3号楼2处、5号楼1处、7号楼3处，已铲除；\n"
        "杂物堆放：4号楼3处、8号楼2处，清了4处，剩1处是居民的旧柜子，居民说周末自己搬",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)
    report = one(
        "11月18日玄帝庙街：发现15处 整改12处 移交3处\n1.小广告6处，已清除\n2.电动车乱停6辆，已摆放\n"
        "3.路沿石破损1处、井盖松动2处，移交区城管局\n今日到岗：王晓明、李娜",
        unit_a,
        sent_at=at("2026-11-18 08:55"),
    )
    assert totals(report) == (15, 12, 3)
    # Things listed with counts are not places.
    report = one("凤凰城社区 周建国 吴婷婷\n发现：楼道杂物2处、垃圾桶破损2个", unit_a)
    assert totals(report) == (4, 0, 4)


def test_form_lines_and_items_above_by_number(unit_a):
    report = one(
        "11.4 凤凰城社区值班\n人员：周建国 吴婷婷\n问题: 共享单车乱停 数量: 7 状态: 已处理\n"
        "问题: 楼道小广告 数量: 12 状态: 已处理\n问题: 路灯不亮 数量: 1 状态: 未处理",
        unit_a,
        sent_at=at("2026-11-04 10:00"),
    )
    assert totals(report) == (20, 19, 1)
    report = one(
        "凤凰城社区值班\n值班：周建国 吴婷婷\n1、卫生死角垃圾堆积1处\n2、电动车乱停9辆\n3、健身器材松动1处\n"
        "上述第1、2项已当场整改，第3项已告知物业。",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)


def test_fixed_total_with_its_breakdown_then_the_open_items(unit_a):
    report = one(
        "11月2日玄帝庙街值班：王晓明、李娜到岗。共发现问题14处，当场整改12处（电动车乱停9辆、小广告3处）。"
        "未完成2处：1.井盖破损1个，已报区城管；2.门口外摆桌椅占道1处，店家说中午前收。",
        unit_a,
        sent_at=at("2026-11-02 09:08"),
    )
    assert totals(report) == (14, 12, 2)


def test_a_day_of_last_week_is_no_weekly_tally(unit_a):
    report = one(
        "补报上周五下午临时任务：王晓明、李娜两人协助街道清雪，清理积雪堆4处，扶正被雪埋倒的共享单车12辆。",
        unit_a,
        sent_at=at("2026-12-21 08:50"),
    )
    assert report.date == date(2026, 12, 18)
    assert totals(report) == (16, 16, 0)


def test_a_late_addition_and_work_done_to_things(unit_a):
    report = one(
        "昨日玄帝庙街值班有一条漏报：饭店门口杂物乱堆一处，当时已让店家搬走。特此补报。",
        unit_a,
        sent_at=at("2026-12-22 09:00"),
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "今天凤凰城社区值班，参加人员有周建国、吴婷婷。值班中对小区环境进行了全面巡查，共清理楼道小广告30余处，"
        "同时对小区内乱停放的电动车进行了规范摆放，共计15辆。",
        unit_a,
    )
    assert totals(report) == (45, 45, 0)


def test_a_second_report_added_on_in_the_same_message(unit_a):
    reports = parse_message(
        "今天（11月25日）玄帝庙街值班：王晓明、李娜，共享单车乱停放17辆已整理。\n"
        "另补报前天（周一）凤凰城社区值班：周建国、吴婷婷。清理楼道小广告40余处。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.date, totals(r)) for r in reports] == [
        (ROAD_A, date(2026, 11, 25), (17, 17, 0)),
        (GRID_A, date(2026, 11, 23), (40, 40, 0)),
    ]


def test_a_done_verb_as_a_line_label_fixes_what_the_line_lists(unit_a):
    report = one(
        "凤凰城社区 11.25\n"
        "已摆放：电动车18辆、共享单车9辆\n"
        "已清：楼道小广告14张；单元门口建筑垃圾2堆\n"
        "已规整：晾衣绳3根\n"
        "未清：小区西墙根下大件垃圾（旧床垫）1个，太重，已通知物业\n"
        "人员：周建国、吴婷婷",
        unit_a,
    )
    assert totals(report) == (47, 46, 1)
    assert [i.text for i in report.found][-1].startswith("小区西墙根下大件垃圾")


def test_people_told_off_were_doing_wrong_whatever_they_did(unit_a):
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。有3名学生在健身器材上爬着玩，已劝阻；"
        "中心广场俩小孩在草坪上踢球，劝离了。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    assert {i.category for i in report.found} == {"文明行为"}
    # The owners of an item told what to do are not offenders; a bare head count is the item's.
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。门口电动车乱停放9辆（车主2人在场，劝导后自行挪走）；"
        "有人在墙角随地便溺，1人，劝阻了。",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)


def test_guangdong_words_for_buildings_bikes_and_stalls(unit_a):
    # 5座 numbers a building; 电鸡 is an e-bike, 架 its measure word; 摊档 a stall.
    report = one(
        "凤凰城社区值班：周建国、吴婷婷。5座楼道小广告20张，撕咗；2座、5座门口电鸡乱泊咗七八架，"
        "已经摆返好；有个流动摊档，劝咗佢走；有条狗冇拉绳，同主人讲咗。",
        unit_a,
    )
    assert totals(report) == (30, 29, 1)
    assert [i.category for i in report.found] == ["市容秩序", "市容秩序", "市容秩序", "文明行为"]


def test_the_periods_running_figures_are_not_todays(unit_a):
    report = one(
        "玄帝庙街11.25值班：王晓明、李娜。本次发现问题6处，其中共享单车乱停4辆、烟头垃圾2处，当场整改6处。"
        "迎检以来玄帝庙街累计发现问题22处，累计整改21处，1处（盲道石墩）已移交城管未销号。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_a_fix_total_broken_down_after_its_count_is_cut(unit_a):
    report = one(
        "玄帝庙街11.25值班：王晓明、李娜。本次共发现问题11处，其中：共享单车乱停7辆，烟头垃圾3处，"
        "破损宣传牌1块。本次整改10处，其中单车7辆全部归位、垃圾3处清理完毕，宣传牌已上报待更换。"
        "本月累计发现问题41处，累计整改35处。",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)


def test_counting_aloud_strewn_things_and_a_head_count_after_what_people_did(unit_a):
    # 数了数25辆: counting, then the number (数 is 数十 only before 十/百).
    report = one(
        "玄帝庙街值班 王晓明 李娜 电动车乱停的老些 数了数二十五六辆 都摆好了 "
        "共享单车横七竖八，码放40余辆。8:40 路口有行人翻越护栏，2人，劝回",
        unit_a,
    )
    assert totals(report) == (68, 68, 0)
    assert [i.count for i in report.found] == [26, 40, 2]


def test_minnan_totals_bare_header_totals_and_earlier_items_under_their_label(unit_a):
    # 拢总十七台 and 差不多二十台 after the outcome: how many there were.
    report = one(
        "玄帝庙街今天值班 王晓明 李娜 很多台电动车乱停 有摆好了 拢总十七台 "
        "很多台共享单车乱乱停 有排好 差不多二十台",
        unit_a,
    )
    assert totals(report) == (37, 37, 0)
    # 发现12，整改10: the totals with the measure left out; 之前的： earlier items, not counted.
    report = one(
        "玄帝庙街今日：发现3，整改2，待办1\n"
        "电动车乱停 2辆（已摆放）\n"
        "路面坑洼 1处（已报）\n"
        "之前的：上周三报的井盖已经换了新的👍；两个破垃圾桶还是没人管。\n"
        "值班：王晓明 李娜",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)


def test_bikes_lined_up_after_being_said_to_be_few(unit_a):
    # The bikes put right were out of place, however few; another item's bikes are not them.
    report = one(
        "玄帝庙街值班：王晓明、李娜。有俩小伙子骑电动车在人行道上飙车，劝下来推着走了。"
        "电动车倒是不多，摆了七八辆。江边共享单车明显少了，只摆了5辆。",
        unit_a,
    )
    assert totals(report) == (15, 15, 0)


def test_pinyin_initials_for_the_things_counted(unit_a):
    report = one("玄帝庙街 王晓明 李娜\nddc+15 已摆\ngx单车 6 已摆\nxgg 3处 已清", unit_a)
    assert totals(report) == (24, 24, 0)
    assert [i.text for i in report.found] == ["电动车", "共享单车", "小广告"]


def test_slashed_fragments_and_before_and_after_pairs(unit_a):
    report = one(
        "玄帝庙街 11.25\n王晓明 李娜\n电动车/12/已整理\n共享单车/5/已整理\n垃圾/3袋/已清\n井盖/1/松动/已报城管",
        unit_a,
    )
    assert totals(report) == (21, 20, 1)
    report = one(
        "玄帝庙街 11月25日值班小结（王晓明、李娜）\n"
        "问题一：门口乱堆杂物\n整改前：纸皮、旧家具堆在消防通道口，约3处；\n整改后：住户已搬走，通道畅通。\n"
        "问题二：出店经营\n整改前：3家干货店货架摆到人行道；\n整改后：全部收回。\n"
        "问题三：人行道地砖\n整改前：路口地砖翘起4块；\n整改后：已上报市政，待维修。",
        unit_a,
    )
    assert totals(report) == (10, 6, 4)


def test_own_report_below_a_forward_a_shift_log_and_a_correction_before_the_report(unit_a):
    report = one(
        "转发社区网格员的消息：\n【凤凰城社区】今日网格巡查发现：①私拉电线1处；②垃圾箱满溢2处。以上问题已登记。\n"
        "——以上是社区发的。\n我们今天值班（周建国、吴婷婷）：帮着把满溢的两个垃圾箱周边清理干净了；"
        "楼道小广告清理15处。",
        unit_a,
    )
    assert (report.site, totals(report)) == (GRID_A, (17, 17, 0))
    report = one(
        "【值班日志】玄帝庙街\n班前：07:00到岗，到岗2人：王晓明、李娜。工具：扫帚5把、夹子5个、垃圾袋1捆。\n"
        "班中：共享单车倒伏7辆，当场扶正归位7辆；井盖松动1个，已报市政。\n班后：08:30收队。",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)
    report = one(
        "更正一下刚才那条 电动车是6辆不是9辆 别的不变\n"
        "玄帝庙街 王晓明 李娜 电动车乱停6辆 都给码齐了",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_places_counted_before_their_total_and_a_thing_its_count_and_outcome(unit_a):
    report = one(
        "凤凰城社区值班\n人员：周建国 吴婷婷\n"
        "一、共享单车乱停：南门5辆，西门3辆，合计8辆，已全部摆放到位。\n"
        "二、楼道小广告：2单元4张，5单元6张，合计10张，当场铲除。\n"
        "电动车：10辆，已摆齐\n井盖：1个，已报市政",
        unit_a,
    )
    assert totals(report) == (29, 28, 1)


def test_a_correction_note_then_the_report_sent_again(unit_a):
    report = one(
        "更正上条：电动车是18辆不是8辆，重发一遍——玄帝庙街：王晓明、李娜到岗。"
        "电动车乱停18辆已摆放，小广告5张已清理。",
        unit_a,
    )
    assert totals(report) == (23, 23, 0)
    report = one(
        "玄帝庙街 王晓明 李娜\n发现：电瓶车乱停放12辆（刚才数错了，更正为14辆），已全部摆放整齐。",
        unit_a,
    )
    assert totals(report) == (14, 14, 0)


def test_night_market_furniture_and_the_things_a_person_put_out(unit_a):
    report = one(
        "玄帝庙街早班，值班人员：王晓明、李娜。\n昨晚夜市收摊不彻底，主要问题：\n"
        "1、人行道上遗留折叠桌9张，粉店老板已全部收回店内；\n"
        "2、一个粉店老板把5张桌子摆到人行道上，经劝导已收回3张，剩下2张老板说8点半前收。",
        unit_a,
    )
    assert totals(report) == (14, 12, 2)


def test_a_terse_log_with_found_and_done_headings(unit_a):
    report = one(
        "11月25日 玄帝庙街\n0730到位 2人：王晓明 李娜\n0730-0900 巡查完毕\n"
        "发现5处：电动车占盲道3 烟头纸屑1片 井盖松动1\n处置4处：电动车3辆归位 烟头纸屑清理\n"
        "井盖1处 报城管 待修\n完毕",
        unit_a,
    )
    assert totals(report) == (5, 4, 1)


def test_people_doing_wrong_counted_in_person_times(unit_a):
    report = one(
        "玄帝庙街路口文明劝导岗（王晓明、李娜）：闯红灯7人次，均已劝阻；乱扔烟头2人，已让其捡起。"
        "另劝导闯红灯行人12人次。",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("劝导", 12)]


def test_measures_taken_then_their_results_and_a_spaced_approximate_count(unit_a):
    report = one(
        "玄帝庙街值班报告\n值班人员：王晓明、李娜\n存在问题：电动车乱停放26辆；5名行人闯红灯横穿马路。\n"
        "整改措施：摆放车辆；对闯红灯行人现场劝阻。\n整改结果：电动车已全部摆放整齐。",
        unit_a,
    )
    assert totals(report)[:2] == (31, 26)
    report = one(
        "11-25 玄帝庙街\n- 值班 2 人：王晓明、李娜\n- 共享单车乱停 20+ 辆 → 已摆放", unit_a
    )
    assert totals(report) == (20, 20, 0)


def test_only_the_handed_over_listed_under_the_totals(unit_a):
    report = one(
        "【玄帝庙街值班日报】11月25日\n值班人员：王晓明、李娜\n发现问题6个，当场整改4个，移交2个：\n"
        "1.路口人行道井盖松动1处，已移交城管；\n2.12号门前路灯灯罩破损1个，已上报。",
        unit_a,
    )
    assert totals(report) == (6, 4, 2)
    report = one(
        "玄帝庙街值班日报\n值班人员：王晓明、李娜\n"
        "发现问题12个，当场整改10个（共享单车乱停8个、人行道垃圾2处），移交2个：\n"
        "1.路口盲道砖破损2块，已上报城管待维修。",
        unit_a,
    )
    assert totals(report) == (12, 10, 2)


def test_english_shorthand_for_things_and_what_was_done(unit_a):
    report = one(
        "玄帝庙街 11/25 duty：王晓明 李娜\nbike 15 done\n小广告 x6 ok\n垃圾 2 bags cleared\n"
        "井盖 loose x1 → reported 城管",
        unit_a,
    )
    assert totals(report) == (24, 23, 1)


def test_counts_told_after_the_items_they_count(unit_a):
    report = one(
        "玄帝庙街值班 王晓明 李娜 公交站那儿地上烟头不老少，扫了扫，有几辆共享单车倒在盲道上，"
        "给扶起来摆一边了，就这些，数字上是单车六辆。",
        unit_a,
    )
    assert [i.count for i in report.found if "单车" in i.text] == [6]


def test_todays_items_after_earlier_ones_and_emoji_for_things(unit_a):
    report = one(
        "周一玄帝庙街值班：王晓明、李娜\n一、往期问题：上周五说的盲道砖，市政今天早上来修了，不算。\n"
        "二、今日新发现：电动车乱停7辆，已摆放；公交站有两个人乱扔烟头，劝阻了。",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)
    report = one(
        "📍玄帝庙街 11.25\n👥 王晓明 李娜\n1️⃣ 🚲×22 ✅\n2️⃣ 🛵压盲道×3 ✅\n"
        "3️⃣ 石板梯那段人行道上停了十几辆摩托车，全部推到了划线区域里🏍️",
        unit_a,
    )
    assert totals(report) == (35, 35, 0)


def test_a_stated_total_the_items_do_not_make_up(unit_a):
    # The writer's total is the figure; the rest is one more item of the items' kind.
    report = one(
        "玄帝庙街 王晓明 李娜 总共发现8个问题：电动车乱停5辆，路灯1盏不亮。车子弄好了，路灯报城管了。",
        unit_a,
    )
    assert report.found_total == 8
    assert any("合计" in note for note in report.notes)
    # The month's figures, or a total over two sites, are not this part's own.
    report = one(
        "玄帝庙街值班：王晓明、李娜。本次发现问题3处：共享单车乱停3辆，已归位。"
        "累计：路段本月发现问题20处，整改17处。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)
    reports = parse_message(
        "11月25日两处共发现问题9处。\n一、玄帝庙街（王晓明、李娜）：电动车乱停4辆，已摆放。\n"
        "二、16网格（赵强、孙悦）：楼道小广告2处，已清理。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.found_total for r in reports] == [4, 2]


def test_the_rest_of_a_total_named_in_brackets(unit_a):
    report = one(
        "11.25 玄帝庙街值班 王晓明 李娜\n发现问题17处，未整改3处：\n1、路灯不亮2盏，已报社区待维修；\n"
        "2、人行道地砖塌陷1处，已通知物业。\n其余14处（乱停电动车）均已整改。",
        unit_a,
    )
    assert totals(report) == (17, 14, 3)
    assert ("乱停电动车", 14) in [(i.text, i.count) for i in report.found]


def test_the_days_own_date_before_a_duty_is_not_an_earlier_problem(unit_a):
    report = one(
        "11月25日凤凰城社区值班（王晓明、李娜、赵强）发现：电动车乱停放7辆（已摆好）、"
        "楼道小广告4处（清了2处，另2处太高待社区处理）。",
        unit_a,
    )
    assert totals(report) == (11, 9, 2)


def test_plus_signs_between_items_and_after_a_count(unit_a):
    report = one("玄帝庙街 王晓明 李娜：电动车12+共享单车6 已摆齐/小广告30+处 已铲", unit_a)
    assert [(i.text, i.count) for i in report.found] == [
        ("电动车", 12),
        ("共享单车", 6),
        ("小广告", 30),
    ]
    assert totals(report) == (48, 48, 0)


def test_shandong_and_chaoshan_words_for_tidying_and_more_than(unit_a):
    report = one("玄帝庙街 王晓明 李娜 电动车乱停的有九辆整里了 摩托车乱停十外架，排好了", unit_a)
    assert totals(report) == (19, 19, 0)


def test_a_fix_part_that_lists_the_items_again_with_their_numbers(unit_a):
    report = one(
        "凤凰城社区 王晓明、李娜\n二、存在问题：共发现问题4处，其中楼道小广告2处、垃圾收集点周边垃圾散落1处、"
        "小区健身器材座椅损坏1处。\n三、整改落实：小广告2处、散落垃圾1处已当场清理；"
        "健身器材座椅损坏已告知社区联系厂家维修。",
        unit_a,
    )
    assert len(report.found) == 3
    assert totals(report) == (4, 3, 1)


def test_one_line_reports_with_bare_counts_and_a_fixed_total(unit_a):
    report = one("凤凰城 王晓明 李娜 单车仨 杂物1堆 小广告9 全部整改 路灯坏1已报社区", unit_a)
    assert [(i.text, i.count) for i in report.found][:3] == [
        ("单车", 3),
        ("杂物", 1),
        ("小广告", 9),
    ]
    assert totals(report) == (14, 13, 1)
    report = one("凤凰城 王晓明 李娜 垃圾3袋 单车9 小广告5 整改17", unit_a)
    assert totals(report) == (17, 17, 0)
    # 已整改3处 after a reference is that item's, not a total.
    report = one(
        "玄帝庙街 王晓明 李娜\n发现问题：1.商铺门前乱堆乱放4处 2.绿化带内垃圾若干\n"
        "整改情况：第1条已整改3处；第2条当场清理",
        unit_a,
    )
    assert totals(report) == (5, 4, 1)


def test_the_rest_of_a_total_told_without_brackets_and_percent_and_short_words(unit_a):
    report = one(
        "11月25日玄帝庙街值班：共发现问题15处、整改13处、移交2处。其中移交：1、人行道地砖破损一片，"
        "已移交区城管局；2、配电箱门损坏，已上报供电公司。其余13处为电动车乱停放，已摆放整齐。"
        "值班人员：王晓明、李娜。",
        unit_a,
    )
    assert totals(report) == (15, 13, 2)
    # 剩余2处为… after a partial fix is the rest of that item, not more problems.
    report = one(
        "玄帝庙街 王晓明 李娜 发现占道经营摊点5处，当场规范3处，剩余2处为夜市固定摊位，已移交城管。",
        unit_a,
    )
    assert totals(report) == (5, 3, 2)
    report = one(
        "玄帝庙街 王晓明 李娜\n问题/数量/整改\n电动车乱停/9辆/100%\n护栏歪倒/2处/交社区\n"
        "小广 x5 ok\n电动车乱停 5辆——已推进车棚",
        unit_a,
    )
    assert totals(report) == (21, 19, 2)


def test_a_kind_heading_then_the_problem_and_a_look_back_between_team_and_items(unit_a):
    report = one(
        "凤凰城社区11月25日巡查情况\n值班人员：王晓明、李娜\n一是电动车乱停放问题，小区主路及单元门口电动车乱停放14辆；"
        "二是安全隐患问题，楼道内电动车飞线充电2处。共计16处。\n"
        "整改情况：电动车已全部归位；飞线已督促住户拆除1处，另1处已交社区跟进。",
        unit_a,
    )
    assert [i.text for i in report.found] == [
        "小区主路及单元门口电动车乱停放",
        "楼道内电动车飞线充电",
    ]
    assert totals(report) == (16, 15, 1)
    report = one(
        "11月25日上午，王晓明、李娜、赵强3名同志在玄帝庙街开展路长制值班。今年以来，支部累计参与值班"
        "150余次。今天值班中，同志们规范停放电动车45辆，清理绿化带垃圾4袋。",
        unit_a,
    )
    assert totals(report) == (49, 49, 0)


def test_totals_and_fixes_by_category(unit_a):
    report = one(
        "【玄帝庙街值班日报】11月25日\n值班人员：王晓明、李娜\n"
        "本次共发现问题3类15处，其中：环境卫生类3处、市容秩序类10处、基础设施类2处。具体如下：\n"
        "一、环境卫生类3处：1）人行道烟头纸屑1处；2）绿化带内塑料袋、饮料瓶2处。\n"
        "二、市容秩序类10处：1）电动车乱停放8辆；2）共享单车倒地2辆。\n"
        "三、基础设施类2处：1）盲道砖松动2块。\n"
        "整改情况：环境卫生类、市容秩序类问题已当场整改完毕；盲道砖松动已报城管，待维修。",
        unit_a,
    )
    assert len(report.found) == 5
    assert totals(report) == (15, 13, 2)


def test_an_earlier_item_at_the_end_of_a_run_on_message_leaves_today_standing(unit_a):
    report = one(
        "今儿个玄帝庙街 王晓明 李娜 电动车乱停三四十辆 贼乱 摆了一早上 全整好了 还有俩小广告贴电线杆上 "
        "撕了 路口那个井盖是上周报的那个 还没修 不算今天的 就这",
        unit_a,
    )
    assert totals(report) == (42, 42, 0)


def test_a_tally_line_cut_by_slashes_and_all_but_one_fixed(unit_a):
    report = one(
        "玄帝庙街 11.25 王晓明 李娜\n单车15/小广告6/垃圾3袋/井盖1（报）\n除井盖都当场弄完", unit_a
    )
    assert [(i.text, i.count) for i in report.found] == [
        ("单车", 15),
        ("小广告", 6),
        ("垃圾", 3),
        ("井盖", 1),
    ]
    assert totals(report) == (25, 24, 1)


def test_fractions_and_rates_of_fixes_and_one_item_of_a_list_named_again(unit_a):
    report = one(
        "16网格 王晓明、李娜。巡查发现问题8个：楼道堆放杂物3处、小区道路垃圾4处、路灯不亮1处。"
        "已整改7/8，路灯已报社区维修。",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)
    report = one(
        "玄帝庙街 王晓明、李娜。发现问题20处：电动车乱停12处、绿化带垃圾6处、路灯灯罩破损2处，"
        "灯罩破损已上报，其余当场整改，整改率90%。",
        unit_a,
    )
    assert totals(report) == (20, 18, 2)


def test_measures_then_results_a_tally_after_the_items_and_done_verbs_with_yi(unit_a):
    report = one(
        "时间：11月25日 7:30—9:00\n地点：玄帝庙街\n人员：王晓明、李娜\n"
        "问题：1、人行道电动车乱停放14辆；2、绿化带内烟头、纸屑较多；3、路口一处井盖松动\n"
        "措施：现场摆放电动车，捡拾烟头纸屑，井盖拍照留存\n"
        "结果：电动车14辆已摆放整齐，烟头纸屑已清理干净，井盖松动已报城管维修",
        unit_a,
    )
    assert totals(report) == (16, 15, 1)
    report = one(
        "玄帝庙街值班 王晓明 李娜\n图1：共享单车乱停13辆，已摆放\n图2：人行道砖松动3块，已上报城管\n"
        "本日合计：发现16处，当场整改13处，上报3处。",
        unit_a,
    )
    assert totals(report) == (16, 13, 3)
    report = one(
        "凤凰城社区：王晓明、李娜。已清理楼道堆放杂物3处、已清理绿化带白色垃圾2袋、已规整共享单车11辆；"
        "已通知物业：10号楼单元门破损1处。",
        unit_a,
    )
    assert report.found[0].text == "楼道堆放杂物"
    assert totals(report) == (17, 16, 1)


def test_what_others_only_told_the_team_is_no_problem_of_the_day(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 江边步道烟头3处，捡了；电动车乱停12辆，摆齐了；环卫的李师傅说这几天落叶多。",
        unit_a,
    )
    assert totals(report) == (15, 15, 0)
    # The team telling the owner is no hearsay; what it then did counts.
    report = one("玄帝庙街 王晓明 李娜 早点摊桌子摆在人行道上3张，跟老板讲了，他搬进店里了", unit_a)
    assert totals(report) == (3, 3, 0)


def test_a_found_and_fixed_grid_with_bare_che_and_a_count_first_fix(unit_a):
    report = one(
        "16网格 11.25（发现/整改）\n王晓明 李娜\n车 15/15\n小广告 6/6\n井盖 1/0\n杂物 2/1", unit_a
    )
    assert totals(report) == (24, 22, 2)
    report = one(
        "玄帝庙街值班：王晓明、李娜。经核查，本路段共发现问题5处，具体为：非机动车占用盲道4处、"
        "人行道井盖破损1处。经现场督促，4处非机动车已全部规整至停车区域；井盖破损已移交城管。",
        unit_a,
    )
    assert len(report.found) == 2
    assert totals(report) == (5, 4, 1)


def test_counts_said_in_passing_and_building_units_counted(unit_a):
    report = one(
        "11月25号 玄帝庙街值班 王晓明 李娜 电动车乱停 贼拉多 一数十七辆 都给推停车区 整好了", unit_a
    )
    assert totals(report) == (17, 17, 0)
    report = one("凤凰城社区 王晓明 李娜 单元门口积雪 4个单元，都铲了", unit_a)
    assert totals(report) == (4, 4, 0)


def test_a_slogan_with_ten_thousand_homes_counts_nothing(unit_a):
    report = one(
        "今天周六上午局里志愿者到凤凰城社区开展“垃圾分类进万家”志愿服务，王晓明、李娜参加，"
        "顺手清理小区绿化带垃圾4袋。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_found_and_fixed_pairs_on_one_line_between_bars(unit_a):
    report = one(
        "玄帝庙街 11.25 ｜ 王晓明 李娜\n电动车 25/25 ｜ 单车 10/10 ｜ 垃圾 3袋/3袋 ｜ 井盖破损 1/0\n"
        "计 39/38，井盖已报城管",
        unit_a,
    )
    assert totals(report) == (39, 38, 1)


def test_fixes_told_during_the_round_or_done_for_residents_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜：劝导群众23人次，发放宣传页80份。"
        "巡查中清理路边果皮纸屑1袋，摆放共享单车9辆。",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)
    report = one(
        "凤凰城社区 王晓明 李娜 巡查中帮居民清理楼道堆放的旧家具2件，发现小区北门一处围墙破损，已交社区。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)
    # What residents did unasked is still no fix of the team's.
    report = one("凤凰城社区 王晓明 李娜 居民把杂物堆在楼道2处，已劝导搬走", unit_a)
    assert totals(report) == (2, 2, 0)


def test_subtotals_in_kind_headings_are_no_items(unit_a):
    report = one(
        "凤凰城社区 11月24日\n人员：王晓明 李娜\n一、环境卫生 小计 发现5 整改5\n 垃圾 3袋 已清\n"
        " 烟头 多处 已清\n 卫生死角 1处 已清\n二、市容秩序 小计 发现9 整改6\n 电动车乱停 6辆 已摆放\n"
        " 乱拉绳晾晒 3处 已报社区\n三、基础设施 小计 发现1 整改0\n 路灯不亮 1盏 待维修\n"
        "合计：发现15 整改11 待整改4",
        unit_a,
    )
    assert totals(report) == (15, 11, 4)
    assert len(report.found) == 6


def test_a_correction_naming_the_thing_before_the_number_and_why(unit_a):
    report = one(
        "今天玄帝庙街值班，王晓明、李娜到岗。巡查发现人行道共享单车乱停12辆，已全部摆放整齐；"
        "绿化带里垃圾清了3袋；路口地砖破损一处，已拍照报区城管局。\n"
        "更正一下：共享单车刚才数重复了，实际是10辆，不是12辆。",
        unit_a,
    )
    assert totals(report) == (14, 13, 1)
    report = one(
        "凤凰城社区今日值班人员：王晓明、李娜。\n巡查情况：楼道堆放纸箱等杂物3处，已协助住户清理；"
        "垃圾桶旁散落垃圾2袋，已清理装袋。\n补充更正：楼道杂物是2处，不是3处，有一处是住户正在搬家，不算。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_fewer_than_before_then_how_many_is_the_count(unit_a):
    report = one(
        "今天玄帝庙街值班：王晓明、李娜。情况还好，电动车乱停比前几天少多了，只有五六辆，已摆放好。"
        "公交站附近有一两处小广告，已撕掉。",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)
    assert report.found[0].text == "电动车乱停比前几天少多了"


def test_a_team_moving_on_to_the_other_site_mid_sentence(unit_a):
    reports = parse_message(
        "昨天下午我跟王晓明李娜去了一趟凤凰城社区，楼道里的小广告又贴满了，铲了十几张，"
        "还有二单元门口一个井盖翘起来了，已经报给社区了，回来的时候顺路走了下玄帝庙街，"
        "有五六台电动车停到盲道上，摆到边上去了",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site[:3], totals(r)) for r in reports] == [
        ("市16", (11, 10, 1)),
        ("玄帝庙", (6, 6, 0)),
    ]
    reports = parse_message(
        "今日人员：王晓明、李娜。\n先巡玄帝庙街：电动车乱停20辆摆齐，三轮车2台劝离。\n"
        "再去16网格：小广告9张清完，路灯坏1盏报社区。",
        WEDNESDAY,
        unit_a,
    )
    assert [totals(r) for r in reports] == [(22, 22, 0), (10, 9, 1)]


def test_all_well_said_in_one_word(unit_a):
    reports = parse_message(
        "玄帝庙街正常。凤凰城社区：小广告7 铲了；电动车飞线充电1处 报社区", WEDNESDAY, unit_a
    )
    assert [totals(r) for r in reports] == [(0, 0, 0), (8, 7, 1)]
    report = one("16网格 巡查一圈 正常", unit_a)
    assert totals(report) == (0, 0, 0)


def test_an_earlier_days_item_left_out_leaves_todays_before_it(unit_a):
    report = one(
        "今天玄帝庙街我顶孙悦的班，跟王晓明、李娜一起，单车摆了二十多台，上个礼拜报的那个井盖还是松的，"
        "城管还没来修，这个上次报过了就不重复算了",
        unit_a,
    )
    assert totals(report) == (20, 20, 0)


def test_a_count_then_a_one_word_outcome_between_spaces(unit_a):
    report = one("玄帝庙街：单车11摆 小广告5铲 垃圾1袋捡 井盖1报 7:20到", unit_a)
    assert totals(report) == (18, 17, 1)
    assert [item.text for item in report.found] == ["单车", "小广告", "垃圾", "井盖"]


def test_main_problems_then_fixes_for_the_above(unit_a):
    report = one(
        "今日玄帝庙街值班，王晓明、李娜、赵强到岗。主要问题有：商户门前占道摆放年货4处；路灯灯罩破损1个；"
        "人行道上机动车违停6辆。针对上述问题，占道年货已督促商户全部收回，违停车辆经劝离挪走3辆，"
        "其余3辆已抄告交警；灯罩破损已报修。",
        unit_a,
    )
    assert totals(report) == (11, 7, 4)


def test_a_sites_tally_found_over_fixed_and_the_rest_named(unit_a):
    report = one("11月25日 玄帝庙街：发现8/整改6\n剩2处出店经营，已移交执法中队。", unit_a)
    assert totals(report) == (8, 6, 2)
    reports = parse_message(
        "11月25日\n玄帝庙街：发现14/整改14\n凤凰城：发现6/整改5\n凤凰城剩1处：9幢门口井盖缺角，已报物业。",
        WEDNESDAY,
        unit_a,
    )
    assert [totals(r) for r in reports] == [(14, 14, 0), (6, 5, 1)]


def test_the_days_tally_without_the_word_problem_then_some_items(unit_a):
    report = one(
        "今日发现9处，整改7处。凤凰城社区：王晓明、李娜。未整改2处：2号楼单元门禁损坏、"
        "小区健身器材螺丝松动，均已交社区。",
        unit_a,
    )
    assert totals(report) == (9, 7, 2)


def test_a_place_then_only_what_is_wrong_there_is_one_item(unit_a):
    report = one(
        "16网格 11.23 王晓明 李娜\n东口：三轮车占道卖菜1辆，劝离\n5号楼：楼道堆放纸箱七八个，已清理\n"
        "垃圾站：满溢，已打电话给环卫",
        unit_a,
    )
    assert totals(report) == (10, 9, 1)


def test_stalls_moved_into_the_market_and_all_put_right_with_quan(unit_a):
    report = one(
        "11月24日 凤凰城社区：王晓明、李娜。复测前一天重点整治菜场周边：流动摊贩七八个，全部劝进场；"
        "菜场外墙小广告十余处，已清除。",
        unit_a,
    )
    assert totals(report) == (18, 18, 0)
    report = one(
        "玄帝庙街 11.24\n人员 王晓明 李娜\n电瓶车 20多辆 乱停 全摆好\n垃圾桶 满了 2个 打电话给环卫 还没来",
        unit_a,
    )
    assert totals(report) == (22, 20, 2)


def test_the_kind_of_site_alone_names_the_units_only_site_of_it(unit_a):
    reports = parse_message("路段：电动车13 已摆\n网格：无", WEDNESDAY, unit_a)
    assert [(r.site[:3], totals(r)) for r in reports] == [
        ("玄帝庙", (13, 13, 0)),
        ("市16", (0, 0, 0)),
    ]
    report = one("玄帝庙街：无", unit_a)
    assert totals(report) == (0, 0, 0)


def test_another_office_answering_and_a_months_notice_are_no_reports(unit_a):
    for text in (
        "@王晓明 玄帝庙街那个缺损的井盖昨晚已经换新的了，请知悉。",
        "玄帝庙街上周二报的路灯罩已经换好了，上周六盲道上那辆三轮车也拖走了，谢谢中心的同志。",
        "11月值班通报：全月值班16次（含测评加强班），发现问题约150个，整改130余个。感谢大家的付出！",
    ):
        assert parse_message(text, WEDNESDAY, unit_a) == [], text


def test_what_others_put_right_before_the_team_came_is_not_counted(unit_a):
    report = one(
        "今天凤凰城社区网格值班，我和王晓明、李娜。书仓巷口那家杂货店老板一早就把堆在巷口的纸箱自己搬进去了，"
        "我们到的时候已经清清爽爽，给老板点个赞！我们这边主要发现后巷有两处乱拉电线晾衣服，跟住户讲了以后都收起来了。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_a_count_put_right_between_commas_and_a_sites_items_by_number(unit_a):
    report = one("凤凰城社区 王晓明 李娜 电动车乱停有五辆，不是，六辆，都有排好了", unit_a)
    assert totals(report) == (6, 6, 0)
    reports = parse_message(
        "11月24日值班情况\n一、巡查情况：王晓明、李娜先巡查玄帝庙街，后到凤凰城社区。\n二、发现问题：\n"
        "（一）玄帝庙街：1.非机动车乱停放8辆；2.店铺门口生活垃圾1袋。\n"
        "（二）凤凰城社区：1.后巷小广告十几处；2.水沟盖板下沉1处。\n"
        "三、处置情况：玄帝庙街第1、2条当场整改；凤凰城社区小广告已清除，水沟盖板下沉已移交社区。",
        WEDNESDAY,
        unit_a,
    )
    assert [totals(r) for r in reports] == [(9, 9, 0), (11, 10, 1)]


def test_sand_spread_without_le_makes_the_ice_safe(unit_a):
    report = one(
        "11月9日 玄帝庙街 王晓明 李娜\n昨晚下了场小雪，今早情况：\n1.人行道台阶结冰4处，已撒沙子\n"
        "2.人行道落叶一片，已清扫\n3.垃圾桶满溢2个，已通知环卫",
        unit_a,
    )
    assert totals(report) == (7, 5, 2)


def test_two_teams_at_two_sites_told_in_one_breath(unit_a):
    def sites_and_totals(text):
        return [
            (r.site[:3] if r.site else None, r.staff, totals(r))
            for r in parse_message(text, WEDNESDAY, unit_a)
        ]

    assert sites_and_totals(
        "今天我们分两组值班：我和王晓明、李娜在玄帝庙街，经过巡查发现电动车乱停7辆，已摆放整齐；"
        "赵强、孙悦在凤凰城社区，经过走访发现3号楼楼道堆放杂物一处，已清理。"
    ) == [("玄帝庙", ("王晓明", "李娜"), (7, 7, 0)), ("市16", ("赵强", "孙悦"), (1, 1, 0))]
    assert sites_and_totals(
        "报一下 玄帝庙街那边是我跟王晓明 电动车摆了有二十来辆 然后凤凰城社区那边是赵强跟孙悦去的 "
        "8号楼楼道里的杂物清了三堆"
    ) == [("玄帝庙", ("王晓明",), (20, 20, 0)), ("市16", ("赵强", "孙悦"), (3, 3, 0))]
    assert sites_and_totals(
        "【路段+网格】11月24日\n路段（玄帝庙街）：王晓明、李娜\n【问题】1.电动车乱停8辆\n【整改】第1项当场整改\n"
        "网格（凤凰城社区）：赵强、孙悦\n【问题】1.楼道杂物2堆\n【整改】第1项已清理"
    ) == [("玄帝庙", ("王晓明", "李娜"), (8, 8, 0)), ("市16", ("赵强", "孙悦"), (2, 2, 0))]
    assert sites_and_totals(
        "今天区里临时通知去新华路配合交通劝导，没去玄帝庙街。王晓明、李娜参加，发放宣传单100份。"
    ) == [(None, ("王晓明", "李娜"), (0, 0, 0))]


def test_handed_over_to_handle_is_pending_and_things_dropped_are_litter(unit_a):
    assert read_status("交给社区处理了").state == "pending"
    assert read_status("已联系物业处理完毕").state == "fixed"
    report = one(
        "凤凰城社区 王晓明 李娜\n海边步道垃圾桶满溢2个（叫保洁清了）\n路边有一条死鱼，好臭（交给社区处理了）\n"
        "游客乱扔奶茶杯3个，捡了",
        unit_a,
    )
    assert totals(report) == (6, 5, 1)


def test_what_the_team_had_a_stallholder_do_is_its_fix():
    assert read_status("喊摊主冲洗干净了").state == "fixed"
    assert read_status("摊主把桌子摆出来了").state != "fixed"


def test_a_site_named_qing_is_not_read_as_cleaning(unit_a):
    unit = replace(
        unit_a,
        sites=(replace(unit_a.sites[0], aliases=(*unit_a.sites[0].aliases, "清河社区")),),
    )
    report = one("清河社区11.21值班：王晓明、李娜。清理楼道小广告12处，摆放电动车9辆。", unit)
    assert report.site == unit_a.sites[0].name
    assert totals(report) == (21, 21, 0)


def test_a_report_with_a_notice_in_its_plans_and_more_than_ten(unit_a):
    reports = parse_message(
        "11月24日值班情况报告\n我局分两组开展工作：\n一是玄帝庙街，王晓明、李娜到岗，劝离乱停出租车7辆，"
        "清扫站前垃圾1处；\n二是凤凰城社区，赵强、孙悦到岗，清理楼道小广告11处，发现2栋单元门损坏1处，已报物业。\n"
        "下一步，一是认真总结本年度工作；二是12月份值班表另行通知。",
        WEDNESDAY,
        unit_a,
    )
    assert [totals(r) for r in reports] == [(8, 8, 0), (12, 11, 1)]
    report = one("玄帝庙街：王晓明、李娜。出站口电动车乱停十好几辆，挨个劝说走了8辆", unit_a)
    assert totals(report) == (10, 8, 2)


def test_the_rest_of_a_report_sent_later_without_its_site(unit_a):
    reports = parse_message(
        "更新一下：拉客的3个人当时就劝走了，黑车五辆劝走了3辆，还剩2辆拍照发给客运站管理处了。烟头纸屑扫了。",
        WEDNESDAY,
        unit_a,
    )
    assert len(reports) == 1 and reports[0].site is None


def test_a_template_line_with_none_of_its_kind_and_drunks_counted(unit_a):
    report = one(
        "11月24日晚玄帝庙街值班\n人员：王晓明、李娜\n1.垃圾满溢：1处，已清理；\n2.油烟：无；\n"
        "3.醉酒人员：3名醉酒人员在路口推搡，已劝离；\n4.乱停：未发现。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)
    reports = parse_message("路段：电动车13 已摆\n网格：无", WEDNESDAY, unit_a)
    assert len(reports) == 2


def test_a_terse_all_cleared_and_pupils_told_off(unit_a):
    report = one("玄帝庙街 周三 王晓明 李娜\n单车12 烟头一片\n全清 劝导3", unit_a)
    assert totals(report) == (13, 13, 0)
    report = one("凤凰城社区值班：王晓明、李娜。发现2名小学生在台阶扶手上滑着玩，已劝阻。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_a_logs_fields_between_bars(unit_a):
    report = one(
        "【值班日志】凤凰城社区\n日期：11月24日\n人员：王晓明、李娜\n"
        "时间：7:30｜地点：北山台阶｜情况：台阶两侧落叶、烟头较多，清出3袋｜处理：已清扫\n"
        "时间：8:00｜地点：后坡巷｜情况：电动车横停堵塞巷道2辆｜处理：已联系车主挪走",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)


def test_shops_then_their_things_count_the_things(unit_a):
    report = one("玄帝庙街 王晓明 李娜\n华光路口3家出店经营桌子11张——劝导后收回8张", unit_a)
    assert totals(report) == (11, 8, 3)


def test_terse_counts_with_outcomes_and_ten_to_twenty(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n单车俩摆好，垃圾1袋清走，烟头一片扫掉，广告4撕掉，井盖1报市政，杂物2搬走1",
        unit_a,
    )
    assert totals(report) == (11, 9, 2)
    report = one(
        "玄帝庙街 王晓明 李娜 公交站旁边共享单车乱停了十几二十个，我们一个个搬起来摆好了", unit_a
    )
    assert totals(report) == (20, 20, 0)


def test_shops_named_then_their_things_counted_in_the_next_clause(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n1.出店经营：华光路口共有7家店出店经营，计23张，劝导收回17张。",
        unit_a,
    )
    assert report.found[0].count == 23


def test_what_shopkeepers_put_out_is_found_and_corrections_after_a_recount(unit_a):
    report = one(
        "玄帝庙街值班（王晓明、李娜）：发现2名商户在店门口摆放货架出店经营，劝导后已收回；电动车乱停8辆，已摆正。",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)
    report = one("玄帝庙街 王晓明 李娜 路灯杆子上小广告七八张 不对 数了是十一张 撕干净了", unit_a)
    assert totals(report) == (11, 11, 0)
    report = one("玄帝庙街 王晓明 李娜 路边小广告三处，唔系，四处，都铲掉了", unit_a)
    assert totals(report) == (4, 4, 0)


def test_not_many_then_how_many_were_done(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 楼道里的小广告不算多，撕了七八张，5栋门口有个井盖响，跟社区讲了",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)


def test_counts_in_brackets_before_the_mark(unit_a):
    report = one(
        "玄帝庙街 11.24\n王晓明 李娜\n电动车乱停（9）✔\n小广告（2）✔\n路灯杆歪斜（1）✘ 已报\n"
        "绿化带垃圾（若干）✔\n劝导闯红灯（7人次）",
        unit_a,
    )
    assert totals(report) == (13, 12, 1)
    assert report.activities[0].count == 7


def test_several_found_fixed_pairs_in_one_line(unit_a):
    report = one("11.24 玄帝庙街 电动车 8/8 共享单车 3/3 井盖 1/0（报城管） 劝导 6", unit_a)
    assert report.date == date(2026, 11, 24)
    assert totals(report) == (12, 11, 1)


def test_a_tally_line_alone_and_the_days_own_tally_of_work(unit_a):
    reports = parse_message("周一：电动车7/7，垃圾1/1，井盖松动1/0已报", WEDNESDAY, unit_a)
    assert [totals(r) for r in reports] == [(9, 8, 1)]
    report = one(
        "凤凰城社区今日值班，王晓明、李娜、赵强3人。联合社区开展“冬季护河”志愿服务活动，累计志愿服务19人次。"
        "巡查中清理小区内卫生死角2处、垃圾4袋，整理非机动车12辆。",
        unit_a,
    )
    assert totals(report) == (18, 18, 0)


def test_residents_questions_and_wishes_are_no_problems(unit_a):
    report = one(
        "凤凰城社区入户走访：王晓明、李娜。5幢的王阿姨问垃圾分类定时定点投放是几点到几点，跟她讲了；"
        "有居民提议社区在河边多放几个分类垃圾桶，我们记下来了会转给社区。巡查中发现6幢北侧绿化带有狗粪，已清理。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_fixes_by_the_number_of_the_place(unit_a):
    report = one(
        "【玄帝庙街值班】11.24\n值班人员：王晓明、李娜\n【发现问题】4处\n1.共享单车乱停放12辆\n2.沿街墙面小广告3-5处\n"
        "3.路口护栏倾斜1处\n4.绿化带落叶堆积\n【整改情况】第1、2、4处已整改\n【未整改】第3处护栏已报区城管局",
        unit_a,
    )
    assert totals(report) == (19, 18, 1)


def test_people_who_came_along_and_a_rarer_surname_with_a_title(unit_a):
    report = one(
        "凤凰城社区网格值班日报\n值班人员：王晓明、李娜\n另有社区网格员刘芳一同巡查。\n楼道内堆放杂物6处，已清理4处",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜", "刘芳")
    unit = replace(
        unit_a,
        staff=(
            *unit_a.staff,
            replace(unit_a.staff[0], name="储成林"),
            replace(unit_a.staff[0], name="储晓燕"),
        ),
    )
    report = one(
        "凤凰城社区网格值班，储科长带队，王晓明、李娜同志准时到岗。楼道乱堆杂物9处，已清理。", unit
    )
    assert report.staff == ("储科长", "王晓明", "李娜")


def test_section_chiefs_by_title_and_a_phrase_with_ji_that_is_no_list(unit_a):
    report = one("今日玄帝庙街我同王晓明股长、李娜值班，电动车乱停5辆，已摆好", unit_a)
    assert report.staff == ("王晓明", "李娜")
    report = one(
        "补报昨日玄帝庙街 我同王晓明李娜 昨日没有及时发 不好意思 盲道上停了四架电动车 已经搬开",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")


def test_thing_place_count_outcome_between_spaces(unit_a):
    report = one(
        "11.24 玄帝庙街 王晓明 李娜\n占道经营 海门路口 3家 已收回\n三轮车乱停 老码头门口 5辆 挪走3辆\n"
        "共享单车 压盲道 4 挪开了\n小广告 楼道 若干 已清",
        unit_a,
    )
    assert totals(report) == (13, 11, 2)
    assert report.found[0].text == "占道经营（海门路口）"


def test_a_street_thronged_with_stalls_is_no_problem(unit_a):
    report = one(
        "周日加班巡查玄帝庙街：王晓明、李娜。骑楼下摊档林立，游客较多。一是共享单车停放较乱，约30辆，已组织摆放。",
        unit_a,
    )
    assert totals(report) == (30, 30, 0)


def test_one_fix_clause_naming_several_items(unit_a):
    report = one(
        "玄帝庙街今天王晓明、李娜值班，巡查发现人行道上烟头纸屑若干、共享单车乱停七辆、绿化带里塑料袋两处、"
        "一家早点铺出店经营，并当场清理了烟头纸屑和塑料袋、将共享单车摆放整齐，出店经营已劝店主收回店内。",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)
    report = one(
        "玄帝庙街值班日报\n值班人员：王晓明 李娜\n一、发现问题：电动车乱停18辆、共享单车占用盲道6辆、流动摊贩2个、地面油污1处\n"
        "二、整改情况：电动车、共享单车全部摆放到位，摊贩劝离1个，油污已联系环卫冲洗",
        unit_a,
    )
    assert totals(report) == (27, 25, 2)


def test_henan_li_after_a_seller_is_de(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 小区里头还中 就是南门那边有仨卖菜哩摊子占道 劝走了", unit_a
    )
    assert totals(report) == (3, 3, 0)


def test_a_template_kind_with_what_was_there_is_one_item(unit_a):
    report = one(
        "11月25日 玄帝庙街\n人员：王晓明 李娜\n乱停放：有，8辆，已规整\n垃圾杂物：有，烟头纸屑一些，已清\n"
        "小广告：有，电线杆上2张，已铲除\n设施损坏：有，路灯不亮2盏，已报物业\n占道经营：无",
        unit_a,
    )
    assert totals(report) == (13, 11, 2)
    assert len(report.found) == 4


def test_the_open_ones_of_a_tally_named_again_in_brackets(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜\n一、非机动车乱停放20余辆，已全部规整；\n二、出店经营3户，已劝导收回2户；\n"
        "三、路灯杆灯罩脱落1个，已上报。\n共计发现问题24个，当场整改22个，待整改2个（出店经营1户、灯罩脱落1个）。",
        unit_a,
    )
    assert totals(report) == (24, 22, 2)


def test_one_liners_sent_during_the_duty(unit_a):
    # Pieces posted one by one, without site or names: each a problem and what became of it.
    assert totals(one("有人遛狗不牵绳，劝了", unit_a)) == (1, 1, 0)
    assert totals(one("健身器材那边有个座椅断了，报社区了", unit_a)) == (1, 0, 1)
    assert totals(one("人行道上停了辆僵尸车，贴了告知单", unit_a)) == (1, 0, 1)
    assert read_status("遛狗不牵绳").state is None


def test_tally_pairs_said_in_words_or_about(unit_a):
    report = one("玄帝庙街 电瓶车 9/9 垃圾 仨袋/3 小广告 约15/15 摊贩 1/1", unit_a)
    assert totals(report) == (28, 28, 0)
    report = one("玄帝庙街 11.25\n电瓶车 20余/20\n垃圾 一两袋/清\n漂浮物 0", unit_a)
    assert totals(report) == (22, 22, 0)
    assert [item.text for item in report.found] == ["电瓶车", "垃圾"]


def test_what_residents_said_and_the_team_answered_is_no_problem(unit_a):
    report = one(
        "凤凰城社区今天：王晓明、李娜。1号楼的张阿姨问社区能不能多装几个充电桩，说有人在楼上拉线充电她很担心。"
        "还有一位阿姨说她家楼下经常有人遛狗不牵绳，我们转了一圈没碰到。"
        "跟她们解释了楼道不能堆物的规定。巡查中发现3号楼北侧绿化带有狗粪一处，已清理。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_tally_pairs_with_an_outcome_word_after_the_slash(unit_a):
    report = one(
        "凤凰城社区 11.25\n小广告 9/清9\n垃圾 4袋/清\n楼道杂物 2处/通知物业\n垃圾桶满溢 2/报环卫",
        unit_a,
    )
    assert totals(report) == (17, 13, 4)
    report = one(
        "凤凰城社区 11/25\n8号楼下 垃圾2袋/清\n小广告 7/清5 剩2张太高够不到 报物业\n"
        "楼道堆物 仨/清俩 剩1处报物业\n楼道杂物 2/1（1处住户不在）",
        unit_a,
    )
    assert totals(report) == (14, 10, 4)
    # Things parted by slashes are things, and two numbers after a name are a date.
    report = one(
        "玄帝庙街 11.25 王晓明 李娜\n单车15/小广告6/垃圾3袋/井盖1（报）\n除井盖都当场弄完", unit_a
    )
    assert totals(report) == (25, 24, 1)


def test_the_campaigns_office_and_drives_are_no_things(unit_a):
    unit = replace(
        unit_a,
        categories=tuple(
            replace(c, keywords=(*c.keywords, "创文")) if c.name == "宣传氛围" else c
            for c in unit_a.categories
        ),
    )
    report = one(
        "周日创文突击，王晓明、李娜到玄帝庙街加了一次班：清理垃圾六七袋，规整共享单车二三十辆。",
        unit,
    )
    assert totals(report) == (37, 37, 0)
    assert (
        parse_message(
            "区创文办今天反馈：玄帝庙街有一处垃圾堆放，周四值班的同志去看一下。", WEDNESDAY, unit
        )
        == []
    )


def test_done_as_hunan_and_the_south_west_say_it(unit_a):
    report = one(
        "今天玄帝庙街值班咯王晓明李娜七点钟就到哒电动车乱停的蛮多大概十来辆我们都把它摆整齐哒"
        "绿化带里头烟头纸屑也搞干净哒还有个井盖有点翘起来冇得办法弄已经跟城管打哒电话要他们来修",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)
    assert read_status("电平车摆归一了").state == "fixed"
    assert read_status("搞卫生").state is None


def test_a_checklist_ticked_where_all_was_well_and_crossed_where_not(unit_a):
    report = one(
        "【玄帝庙街值班自查】11月25日 周三\n值班：王晓明 李娜\n1 人行道卫生 ✔\n"
        "2 非机动车停放 ✘ 电动车乱停5辆 挪走3辆（另2辆上锁搬不动）\n3 占道经营 ✘ 2处 已劝离✔\n"
        "4 积雪冰面 ✘ 西门台阶结冰1处 撒盐✔\n5 井盖/盲道 ✔\n6 宣传牌 ✔（上周报的1块已修好，不计）",
        unit_a,
    )
    assert totals(report) == (8, 6, 2)
    assert len(report.found) == 3


def test_a_count_said_again_then_put_right(unit_a):
    report = one("凤凰城社区 李娜 楼下小广告铲了差不多二十来张 不是二十来张是三十来张", unit_a)
    assert totals(report) == (30, 30, 0)
    report = one("凤凰城社区 李娜 七号楼八号楼之间的冰包铲了俩 不是俩是仨", unit_a)
    assert totals(report) == (3, 3, 0)


def test_when_a_problem_could_harm_and_a_street_kept_up_are_no_items(unit_a):
    report = one(
        "今天下午王晓明、李娜对玄帝庙街商户门头做了一次检查：门头灯箱松动2处，大风天有掉落隐患，已通知商户加固；"
        "另有1处门头广告字脱落，已拍照留存。",
        unit_a,
    )
    assert totals(report) == (3, 0, 3)
    report = one(
        "12月8日玄帝庙街值班，王晓明、李娜到岗，路段积雪清理及时，未发现问题。",
        unit_a,
        at("2026-12-08 10:00"),
    )
    assert totals(report) == (0, 0, 0)


def test_a_numbered_item_of_the_same_thing_is_its_own(unit_a):
    report = one(
        "玄帝庙街 王晓明\n① 人行道积雪已清出通道；\n② 商户门前积雪 5处，均已清理；", unit_a
    )
    assert totals(report) == (6, 6, 0)
    assert len(report.found) == 2


def test_a_kind_heading_its_line_is_no_item_of_its_own(unit_a):
    report = one(
        "11.25 玄帝庙街 值班：王晓明 李娜\n不文明行为：乱扔烟头3人、随地吐痰1人，均当场劝阻；\n"
        "摊贩：流动摊贩3个（卖玫瑰花、出租民族服装拍照），已劝离；\n占道经营：1（已改）",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)


def test_the_pavement_taken_is_a_problem(unit_a):
    report = one(
        "今天玄帝庙街整得板扎，单车摆了十五六辆，有个老倌在路边卖干巴菌占了人行道，劝他挪到边边上了，王晓明李娜",
        unit_a,
    )
    assert totals(report) == (17, 17, 0)


def test_a_forms_fields_on_one_line(unit_a):
    report = one(
        "【玄帝庙街值班日报】\n【人员】王晓明、李娜\n【问题清单】\n"
        "1.问题：非机动车乱停放；位置：公交站出站口；数量：25余辆；责任单位：值班组；整改时限：当场\n"
        "2.问题：行人翻越护栏；位置：公交站对面；数量：3名；责任单位：值班组；整改时限：当场\n"
        "3.问题：候车亭玻璃破损；位置：候车亭北侧；数量：1块；责任单位：公交公司；"
        "整改时限：已于11月17日上报（往日遗留问题，本次不计数）\n【整改情况】第1、2项当场整改完毕。",
        unit_a,
    )
    assert totals(report) == (28, 28, 0)


def test_about_so_many_with_the_measure_left_out(unit_a):
    assert totals(one("玄帝庙街 王晓明\n共享单车乱停 20+ 摆好了\n站台垃圾 2袋 清了", unit_a)) == (
        22,
        22,
        0,
    )


def test_counted_again_before_the_right_number(unit_a):
    report = one(
        "凤凰城社区值班：王晓明、李娜。入口电动车乱停5辆，不对，又数了一遍是6辆，都已摆放到停车区",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_tally_lines_of_thing_count_and_a_one_word_outcome_between_spaces(unit_a):
    report = one(
        "玄帝庙街 11.25\n人员：王晓明 李娜\n乱停 8 整 8\n占道 3 收 2\n垃圾 若干 清\n广告 5 撕 5\n"
        "小广告 仨 撕 仨\n单车 十几 整\n劝 12",
        unit_a,
    )
    assert totals(report) == (30, 29, 1)
    assert totals(one("凤凰城社区：单车6摆正 垃圾2袋清", unit_a)) == (8, 8, 0)


def test_voice_input_writing_half_a_number_in_digits(unit_a):
    report = one(
        "今天凤凰城社区值班王晓明李娜两个人到了3号楼那边有两3辆电动车停在消防通道上已经推走了"
        "还有十5张小广告在单元门口都撕掉了",
        unit_a,
    )
    assert totals(report) == (18, 18, 0)


def test_the_team_counted_as_it_arrived_is_no_count_of_things(unit_a):
    report = one(
        "今天玄帝庙街值班王晓明李娜赵强孙悦四个到岗电动车乱停大概三十来辆全部摆好了", unit_a
    )
    assert totals(report) == (30, 30, 0)


def test_an_absence_in_brackets_is_its_own_names_alone(unit_a):
    report = one(
        "凤凰城社区值班\n值班人员：王晓明、李娜、赵强（请假）、孙悦\n单车乱停7辆已摆放", unit_a
    )
    assert report.staff == ("王晓明", "李娜", "孙悦")


def test_the_one_swapped_out_is_not_on_duty(unit_a):
    report = one(
        "地点：凤凰城社区\n人员：王晓明、李娜（与赵强换班）、孙悦\n问题及处置：居民门口乱堆杂物5处，当场清理4处。",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜", "孙悦")
    report = one("地点：凤凰城社区\n人员：王晓明、李娜（替赵强）\n楼道小广告3处已清理", unit_a)
    assert report.staff == ("王晓明", "李娜")


def test_which_photo_shows_an_item_is_no_count(unit_a):
    report = one(
        "【路长制值班日报】\n路段：玄帝庙街\n人员：王晓明、李娜\n问题清单：\n"
        "1.电动车乱停放5辆（公交站旁）图1\n2.绿化带内饮料瓶、塑料袋若干（3号入口）图2\n"
        "3.【港湾路口】垃圾桶满溢1处（图3）\n4.路灯灯罩破损1个 图4\n"
        "整改情况：第1、2、3条当场整改；第4条已拍照报区市政中心。",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)


def test_minimal_notes_with_ranges_and_bare_stalls(unit_a):
    report = one(
        "凤凰城社区 11.25\n王晓明 李娜\n垃圾 3堆 清\n电动车 4-5 摆\n摊1 劝\n小广告 1 铲", unit_a
    )
    assert totals(report) == (10, 10, 0)


def test_apart_from_that_opens_a_new_item(unit_a):
    report = one(
        "玄帝庙街这边我们两个，王晓明李娜，卖气球的流动摊贩五六个，劝走了四个，其它就是电动车摆了十几辆，搞定了",
        unit_a,
    )
    assert totals(report) == (16, 14, 2)


def test_the_one_addressed_and_one_back_from_leave(unit_a):
    report = one(
        "王主任 今儿个玄帝庙街值班俺们仨都到了 俺 李娜 赵强 电动车乱停十几辆 都给它摆齐整了", unit_a
    )
    assert report.staff == ("李娜", "赵强")
    report = one("王科长带队，李娜、赵强参加，玄帝庙街电动车乱停5辆已摆齐", unit_a)
    assert "王晓明" in report.staff
    report = one(
        "凤凰城社区值班：王晓明、李娜、孙悦（病假已销）参加。清理楼道杂物5处，均已当场整改。",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜", "孙悦")


def test_a_sites_own_total_in_a_message_about_both(unit_a):
    reports = parse_message(
        "11月25日值班情况：\n玄帝庙街：到岗5人，发现问题9处，其中占道经营4处、电动车乱停3处，已全部整改。\n"
        "凤凰城社区：到岗5人，未发现问题。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.found_total for r in reports] == [9, 0]


def test_a_stall_set_up_however_it_is_said(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 头巷有一个阿姆在巷口摆了个摊卖粿 占了半条路 我们跟伊讲了 伊就收进去厝里了",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_all_of_a_list_moved_in_and_a_question_to_a_teammate(unit_a):
    report = one(
        "玄帝庙街 王晓明 今日发现问题：电动车乱停7辆，自行车乱停俩，已全部摆放；医院门口乱停电动车约40辆，全部摆进停车线内。",
        unit_a,
    )
    assert totals(report) == (49, 49, 0)
    report = one(
        "玄帝庙街值班情况\n值班人员：王晓明、李娜\n1. 西头非机动车乱停约15辆，已摆放整齐；\n"
        "2. 人行道垃圾2处，已通知环卫清扫；\n@赵强 东头的电动车你数了没？",
        unit_a,
    )
    assert totals(report) == (17, 15, 2)


def test_the_people_on_the_street_are_no_names(unit_a):
    report = one(
        "今天玄帝庙街人多得很 我们王晓明 李娜 九点过就到了 游客也好多 路边乱停的电瓶车有20多辆 全部挪到停车点了",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")


def test_oh_no_then_the_right_count(unit_a):
    report = one(
        "玄帝庙街今天王晓明 李娜 电瓶车乱停的我们摆了五辆 哦不对是六辆 绿化带头烟头纸屑好多 捡干净了",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)


def test_a_summary_after_both_sites_is_no_sites_own_total(unit_a):
    reports = parse_message(
        "【11月25日值班日报】\n（一）玄帝庙街\n人员：王晓明\n1.电动车乱停放8辆，已规整；\n"
        "（二）凤凰城社区\n人员：李娜\n1.院内乱堆杂物3处，已清理2处；\n小结：发现问题11处，整改10处，待整改1处。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.found_total for r in reports] == [8, 3]


def test_counted_wrong_then_the_right_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 今天发现电动车乱停六辆 不对 刚才数错了 是八辆 已经全部摆放整齐",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)
    report = one("玄帝庙街 王晓明 电动车乱停的有十二辆 不对不对 是十五辆 都给摆利索了", unit_a)
    assert totals(report) == (15, 15, 0)
    report = one(
        "凤凰城社区 王晓明 1、清理楼道小广告23处（刚数错了，是32处）；2、捡拾垃圾2袋。", unit_a
    )
    assert totals(report) == (34, 34, 0)


def test_a_tallys_things_cut_to_one_character(unit_a):
    report = one("玄帝庙街 车12/12 广3/3 垃2/2 井1/0", unit_a)
    assert totals(report) == (18, 17, 1)
    assert [item.text for item in report.found] == ["车辆", "小广告", "垃圾", "井盖"]


def test_the_count_glued_to_the_mark(unit_a):
    report = one(
        "凤凰城社区11.25\n王晓明 李娜\n电动车乱停8✅\n楼道小广告12✅\n垃圾桶满溢2✅\n井盖破损1❌报城管",
        unit_a,
    )
    assert totals(report) == (23, 22, 1)


def test_a_garden_in_the_green_belt_is_a_problem(unit_a):
    report = one("凤凰城社区 王晓明 6号楼前有居民在绿化带种菜、搭架子，已劝导居民当场拆除", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "市容秩序"


def test_goods_put_out_where_people_walk(unit_a):
    report = one("玄帝庙街 王晓明 花市门口杜鹃、山茶盆景摆上人行道，劝店主搬回去了", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "市容秩序"
    report = one("玄帝庙街 王晓明 炸糕摊把油锅支到便道上，说了一声挪回去了", unit_a)
    assert totals(report) == (1, 1, 0)


def test_things_thrown_out_snow_left_lying_and_a_septic_tank(unit_a):
    report = one("凤凰城社区 王晓明 8栋楼下旧沙发一张，已联系环卫拉走了", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "环境卫生"
    report = one("玄帝庙街 王晓明 水果店门口的雪没扫，跟老板说了，他马上扫了", unit_a)
    assert totals(report) == (1, 1, 0)
    report = one("凤凰城社区 王晓明 2栋那个化粪池盖子裂了，已报社区", unit_a)
    assert report.found[0].category == "基础设施"


def test_roster_changes_corrections_and_work_orders_are_chat(unit_a):
    assert (
        parse_message(
            "周四李娜和孙悦对调，孙悦周四去凤凰城社区，李娜调到周六。其他人不变。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )
    assert (
        parse_message(
            "更正：今天玄帝庙街报的共享单车是25辆，不是20余辆，我对着照片数了一遍。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )
    assert (
        parse_message(
            "【转12345工单】市民反映：凤凰城社区东口每天早上三轮车堵路、垃圾没人收。请周四值班组到岗后重点查看。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )
    report = one(
        "更正，上条人员写错了，以此条为准：\n玄帝庙街 11.25\n王晓明 李娜\n电动车乱停5辆已摆好",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")


def test_went_as_yunnan_and_guizhou_say_it(unit_a):
    report = one(
        "凤凰城社区今天我和李娜克了，就我们俩，赵强家头有事请假了么，后巷那点有堆建筑垃圾，推了三车到垃圾池",
        unit_a,
    )
    assert report.staff == ("李娜",)


def test_thanks_and_requests_in_the_group_are_chat(unit_a):
    text = "大家辛苦了！这两周两个点位值班到位、整改及时，凤凰城社区的牛皮癣清得很干净。市里暗访下周就开始，要保持住。"
    assert parse_message(text, WEDNESDAY, unit_a) == []
    assert (
        parse_message(
            "@李娜 李科长，井盖下沉的具体位置麻烦发一下，我汇总报区城管。", WEDNESDAY, unit_a
        )
        == []
    )


def test_yesterday_in_shaanxi_and_shandong_and_a_weekdays_team(unit_a):
    report = one(
        "张主任夜个玄帝庙街的忘了报咧现在补上 夜个是王晓明 李娜 电动车有十五六辆都弄端正了", unit_a
    )
    assert report.date == date(2026, 11, 24)
    report = one("秦主任 夜来玄帝庙街的俺给忘了 俺补上 俺王晓明 李娜 电动车十来辆给摆齐了", unit_a)
    assert report.date == date(2026, 11, 24)
    report = one(
        "玄帝庙街这边整完了，周二组两个人都到了，王晓明、李娜，电动车十来辆都摆齐了", unit_a
    )
    assert report.date == date(2026, 11, 25)
    report = one(
        "三轮车那个弄好了 9辆 都进线了\n井盖还没换 社区说周五换\n今天凤凰城社区 李娜", unit_a
    )
    assert report.date == date(2026, 11, 25)


def test_a_team_moving_on_in_run_on_speech(unit_a):
    reports = parse_message(
        "今天值班两个点都跑了先在玄帝庙街那边王晓明李娜两个人电动车整理了13辆出店的两家劝回去了"
        "然后又去凤凰城社区那边帮忙清了一下楼道的杂物5处",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.found_total) for r in reports] == [(ROAD_A, 13), (GRID_A, 5)]
    reports = parse_message(
        "上午王晓明、李娜对玄帝庙街进行了集中整治，纠正出店经营6家。下午转至凤凰城社区，共清理楼道杂物11处。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]


def test_the_other_site_taken_up_in_run_on_speech(unit_a):
    reports = parse_message(
        "今天两个点我都跑了 玄帝庙街是我和李娜 垃圾捡了一袋 完了我又去凤凰城社区帮了一哈忙 那边赵强孙悦在弄 小广告撕了5张",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.staff) for r in reports] == [(ROAD_A, ("李娜",)), (GRID_A, ("赵强", "孙悦"))]
    reports = parse_message(
        "今天上午玄帝庙街值完班我们又到凤凰城社区去哒两个地方都讲一下玄帝庙街那边王晓明李娜电动车乱停十二台都摆齐哒"
        "凤凰城社区那边就是我跟赵强两个把五栋后面的垃圾搞干净哒大概两车",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]


def test_how_busy_the_school_gate_was_is_no_problem(unit_a):
    report = one(
        "11月25日玄帝庙街小学门口值班情况\n值班人员：王晓明、李娜\n7:10到岗。家长开车接送约40辆，电动车送学生80多辆，"
        "过斑马线学生约260人次。\n问题：1.学校门口接送车辆违停6辆，已劝离；2.电动车占用人行道停放10余辆，已摆放整齐。",
        unit_a,
    )
    assert totals(report) == (16, 16, 0)


def test_a_count_put_right_between_spaces(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 背阴那块路面结冰 我们用铁锹铲了 两处 不是 三处 其他没啥", unit_a
    )
    assert totals(report) == (3, 3, 0)
    report = one("凤凰城社区 王晓明 电动车乱停两辆 不是 三辆 摆好了", unit_a)
    assert totals(report) == (3, 3, 0)


def test_a_stall_told_with_its_count_is_a_problem(unit_a):
    report = one("玄帝庙街 周三\n王晓明 李娜\n单车 7 摆\n椰子摊 2个 劝走1 另1报执法", unit_a)
    assert totals(report) == (9, 8, 1)
    # The shops looked at are no problems.
    report = one(
        "凤凰城社区商户检查：检查商户9家，其中小超市3家、早点摊4家。发现问题：早点摊占道经营2家，已责令收回。王晓明、李娜",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_what_an_advert_offers_is_no_outcome(unit_a):
    report = one(
        "玄帝庙街 王晓明\n① 店前积雪 2处，已清理；\n② 小广告（疏通下水道）6张，已清除；", unit_a
    )
    assert totals(report) == (8, 8, 0)
    assert [item.text for item in report.found][1].startswith("小广告（疏通下水道）")


def test_a_tally_with_counts_in_words_and_done_words_with_yi_and_le(unit_a):
    report = one(
        "玄帝庙街 11.9\n王晓明 李娜\n乱停车 十一 已摆 十一\n垃圾 3袋 清走\n小广告 6 铲了4", unit_a
    )
    assert totals(report) == (20, 18, 2)
    # A count and 已 inside a sentence are no tally (其中1处已清理，2处已通知物业).
    report = one("凤凰城社区 王晓明\n1. 楼道堆放杂物3处，其中1处已清理，2处已通知物业", unit_a)
    assert totals(report) == (3, 1, 2)
    report = one(
        "玄帝庙街 王晓明 发现问题 1 共享单车乱停15辆 已摆好 2 烟头纸屑若干 已清理 3 糖水铺出店经营 已报城管",
        unit_a,
    )
    assert totals(report) == (17, 16, 1)


def test_posters_put_up_with_their_slogan_are_work_not_problems(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 清理楼道小广告12处；张贴元旦春节“讲文明树新风”宣传海报20张；"
        "在宣传栏更新“讲文明树新风”公益广告2幅；张贴元旦安全提示。",
        unit_a,
    )
    assert totals(report) == (12, 12, 0)


def test_done_by_others_before_the_team_came_and_all_well_is_no_problem(unit_a):
    report = one(
        "玄帝庙街今日值班情况：王晓明、李娜到岗。路面积雪环卫凌晨已清扫，整体干净。发现问题：灯杆小广告5张，已清除。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    # Done by others while the team was there still counts.
    report = one("玄帝庙街 王晓明 垃圾桶满溢2个，环卫已清运。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_ice_told_as_a_thing_with_the_work_on_it(unit_a):
    report = one(
        "玄帝庙街 王晓明\n公交站那块冰贼厚 刨了半天 整利索了\n电动车乱停 七八辆 推齐了", unit_a
    )
    assert totals(report) == (9, 9, 0)
    report = one("凤凰城社区 王晓明 李娜 五号楼楼下有人倒脏水冻了一大片冰我们给铲了", unit_a)
    assert totals(report) == (1, 1, 0)
    # Ice that others saw to is no problem of the team's.
    report = one(
        "凤凰城社区 王晓明 小区里电动车停的乱七八糟的 我们摆了有十几辆 楼道里小广告拾掇了七八张 6号楼北边那片冰物业撒了盐了没事了",
        unit_a,
    )
    assert totals(report) == (18, 18, 0)


def test_where_the_things_counted_are_stays_with_them(unit_a):
    report = one("凤凰城社区 王晓明\n流浪狗 俩 在垃圾站翻垃圾 ✘ 已经跟社区说了", unit_a)
    assert totals(report) == (2, 0, 2)


def test_a_closing_judgement_names_no_problem(unit_a):
    report = one(
        "今天下午，王晓明带领李娜对玄帝庙街开展安全检查。发现消防通道堆放杂物3处，已当场清理；"
        "灭火器过期2具，已责令限期整改。\n总体看，沿街商户安全意识有所增强，但个别客栈仍存在隐患，节日期间需加强巡查。",
        unit_a,
    )
    assert totals(report) == (5, 3, 2)
    report = one(
        "玄帝庙街 王晓明 李娜 电动车乱停三五辆，已摆放整齐。总的来看，周边经营秩序总体平稳，下一步将开展常态化检查。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)


def test_a_kinds_subtotal_and_the_kinds_a_count_is_made_of_add_nothing(unit_a):
    report = one(
        "玄帝庙街 11月20日值班统计\n到岗：王晓明、李娜\n（一）市容秩序：共享单车乱停8辆、出店经营1处，小计9；\n"
        "（二）环境卫生：烟头纸屑散落5处，小计5；\n（三）文明行为：遛狗不牵绳1人（已劝阻），小计1。",
        unit_a,
    )
    assert totals(report)[0] == 15
    report = one(
        "玄帝庙街 王晓明 非机动车乱停26辆（其中共享单车19辆、电动车7辆），已全部规整。", unit_a
    )
    assert totals(report) == (26, 26, 0)
    # The work's own total stays: 对电动车进行了整理，共计11辆.
    report = one("玄帝庙街 王晓明 对人行道上乱停放的电动车进行了整理，共计11辆。", unit_a)
    assert totals(report) == (11, 11, 0)


def test_on_to_the_other_site_in_passing(unit_a):
    reports = parse_message(
        "下午王晓明、李娜对玄帝庙街沿街商户出店经营集中整治，规范出店经营商户9家；顺带去凤凰城社区，清理楼道杂物4处。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, totals(r)) for r in reports] == [(ROAD_A, (9, 9, 0)), (GRID_A, (4, 4, 0))]


def test_the_first_item_right_after_a_counted_colon_is_numbered(unit_a):
    report = one(
        "玄帝庙街 王晓明 发现问题3处：1、电动车占用盲道5辆；2、商户出店经营1处；3、绿化带内建筑垃圾1堆。第1、2项当场整改。",
        unit_a,
    )
    assert totals(report) == (7, 6, 1)


def test_a_problem_of_an_earlier_day_now_seen_to_by_others_is_not_found_today(unit_a):
    report = one(
        "11月24日 凤凰城社区 王晓明、李娜\n巡查了8栋楼，院内卫生整体较好。4号楼北侧上次的建筑垃圾已经清运走了。"
        "新发现楼道口自行车乱放若干，已摆放整齐。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "凤凰城社区 今天 王晓明 李娜：巡查一遍无异常。4号楼下水道上周堵的已经通了。", unit_a
    )
    assert totals(report) == (0, 0, 0)


def test_things_looked_at_and_fine_are_no_problems(unit_a):
    report = one(
        "11月24日玄帝庙街：王晓明、李娜。人行道干净，井盖完好，路灯正常，盲道畅通，护栏无破损，公益广告牌完好，"
        "非机动车停放整齐。未发现问题。",
        unit_a,
    )
    assert totals(report) == (0, 0, 0)
    report = one(
        "凤凰城社区值班情况：王晓明、李娜。井盖完好，公共座椅无破损。12号门口堆放杂物两三处，已帮居民归置好。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_hearsay_looked_into_and_not_met_is_no_problem(unit_a):
    report = one(
        "凤凰城社区：王晓明、李娜。居民反映晚上弄堂里有人烧纸钱，我们去看了没发现痕迹，已请社区晚上留意。"
        "巡查发现垃圾桶满溢2个，已通知保洁，保洁当场来清掉了。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)
    # Looked into and seen, it counts.
    report = one(
        "凤凰城社区：王晓明。有居民反映楼道灯不亮，我们上去看了，确实不亮，已报物业。", unit_a
    )
    assert totals(report) == (1, 0, 1)


def test_how_many_were_looked_at_is_no_count_of_problems(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜。沿街查了消防栓4个、井盖6个，都正常。小区雨水篦子看了6个，有1个被落叶塞满，当场掏干净了。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "凤凰城社区 王晓明 帮独居老人打扫卫生3户，顺带清理了楼道堆积杂物2处。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_who_was_meant_to_come_and_did_not_and_names_before_what_they_did(unit_a):
    report = one(
        "今天凤凰城社区值班的是王晓明、李娜，本来还有赵强，下乡核查耕地去了没来。楼道小广告5张，已清理。",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")
    report = one("暗访通报的那几处，今天我和赵强专门去玄帝庙街看了：流动摊贩3个都劝离了。", unit_a)
    assert report.staff == ("赵强",)


def test_a_day_of_the_month_with_hao_and_the_time_of_day(unit_a):
    report = one(
        "23号下午局里安排在玄帝庙街加了一次巡查，人员：王晓明、李娜。路灯杆上小广告十来张，全部清理。",
        unit_a,
    )
    assert report.date == date(2026, 11, 23)
    report = one("补报二十三号下午凤凰城社区的情况：我和李娜把8号楼楼道小广告清了十来处。", unit_a)
    assert report.date == date(2026, 11, 23)
    # An item's number before a count of people is no date.
    report = one(
        "玄帝庙街值班：王晓明、李娜\n1.电动车乱停6辆，已挪开\n2.2名行人横穿马路，已劝阻", unit_a
    )
    assert report.date == WEDNESDAY.date()
    assert totals(report) == (8, 8, 0)


def test_a_teams_week_told_day_by_day_is_a_report(unit_a):
    reports = parse_message(
        "三组本周值班汇总：\n周一（11月23日）玄帝庙街：王晓明、李娜，清理人行道积雪、冰坨，共清运五车；劝离流动摊贩2个。\n"
        "周二（11月24日）凤凰城社区：赵强、孙悦，清理楼道小广告12张。\n下周二继续清雪，大家带好手套。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.date, totals(r)) for r in reports] == [
        (ROAD_A, date(2026, 11, 23), (7, 7, 0)),
        (GRID_A, date(2026, 11, 24), (12, 12, 0)),
    ]
    # The coordinator's tally of the week stays chat.
    assert (
        parse_message(
            "【11月第4周值班汇总】\n玄帝庙街：值班3次，发现问题41处，整改35处；\n凤凰城社区：值班3次，发现问题22处，整改19处。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )


def test_snow_of_so_many_doorways_and_what_the_ice_was_treated_with(unit_a):
    report = one("凤凰城社区今天加一班 王晓明 李娜 扫了8个单元门口的雪 别的没事", unit_a)
    assert totals(report) == (8, 8, 0)
    report = one(
        "玄帝庙街清雪，王晓明、李娜，清理人行道积雪约500米，撒融雪剂两袋。发现公交站候车亭顶棚积雪过厚1处，已报公交公司。",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


def test_an_outcome_label_is_no_fix_and_left_empty_tells_nothing_done(unit_a):
    report = one(
        "11月17日 玄帝庙街 值班：王晓明、李娜\n问题1：商户门口广告牌占道4块 处理：已挪回店内\n"
        "问题2：台阶石板松动2块 处理：已上报城管\n问题3：流动摊贩1个 处理：",
        unit_a,
    )
    assert totals(report) == (7, 4, 3)


def test_a_count_put_right_with_gengzheng_yixia_and_no_second_comma(unit_a):
    report = one("玄帝庙街 王晓明 院内自行车乱停7辆，更正一下是6辆，已摆放整齐。", unit_a)
    assert totals(report) == (6, 6, 0)


def test_a_week_of_two_duties_in_one_line(unit_a):
    reports = parse_message(
        "本周值班汇总：周一（23日）玄帝庙街，王晓明、李娜到岗，劝离流动早餐车3辆；"
        "周二（24日）凤凰城社区，赵强、孙悦到岗，发现楼道堆放杂物4处，均已当场整改。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, r.date, r.staff, totals(r)) for r in reports] == [
        (ROAD_A, date(2026, 11, 23), ("王晓明", "李娜"), (3, 3, 0)),
        (GRID_A, date(2026, 11, 24), ("赵强", "孙悦"), (4, 4, 0)),
    ]


def test_a_site_the_team_was_not_at_is_not_its_site(unit_a):
    report = one(
        "今天我们没在玄帝庙街哈，创城办临时把我们喊到汉安大道路口去帮忙。值班的王晓明、李娜。共享单车乱停了一排，全部摆整齐了。",
        unit_a,
    )
    assert report.site is None


def test_voice_corrections_with_a_filler_and_the_writers_opinion(unit_a):
    report = one("玄帝庙街 王晓明 地上垃圾也多，我们捡了大概五袋，哦不是五袋是四袋", unit_a)
    assert totals(report) == (4, 4, 0)
    report = one("玄帝庙街 王晓明 地上有油污一滩，嗯，不对，是两滩，已经让店里拿拖把拖掉了", unit_a)
    assert totals(report) == (2, 2, 0)
    report = one(
        "玄帝庙街 11月24日\n门诊对面—电动车乱停6辆（改一下，是9辆）—已摆放整齐\n人员：王晓明",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)
    report = one(
        "玄帝庙街 王晓明 人行道上有一大堆纸箱子，我们叫药店的人收回去了。我建议跟药店打个招呼，以后纸箱子不要堆在人行道上。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_spots_counted_after_the_problem_and_with_someone_said_the_southern_way(unit_a):
    report = one("今儿玄帝庙街：王晓明、李娜。就一样，狗屎仨地方，环卫大姐当场就给扫了。", unit_a)
    assert totals(report) == (3, 3, 0)
    report = one("礼拜二下昼同李娜再去玄帝庙街睇咗下：2袋垃圾已清。", unit_a)
    assert report.staff == ("李娜",)
    report = one("今日上午我同赵强去玄帝庙街睇了下：游客多，电动车乱停约30辆，已规整。", unit_a)
    assert report.staff == ("赵强",)


def test_a_time_still_to_come_a_range_with_a_dunhao_and_more_earlier_ones_now_done(unit_a):
    report = one(
        "玄帝庙街值班人员：王晓明、李娜。\n1.廊下堆放建材一堆，已联系业主，讲中午前清走\n2.电动车乱停十余辆，已规整",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)
    report = one("玄帝庙街夜巡（王晓明、李娜）：卖雪花喷雾的流动摊贩5、6个，已劝离。", unit_a)
    assert totals(report) == (6, 6, 0)
    report = one(
        "下午复查玄帝庙街：上午报的墙面乱涂乱画社区已经安排人粉刷完，11月24日报的井盖城管也换了新的，未发现新问题。"
        "复查人员：王晓明、李娜。",
        unit_a,
    )
    assert (report.site, totals(report)) == (ROAD_A, (0, 0, 0))


def test_a_note_putting_another_messages_figure_right_and_a_request_by_name_are_chat(unit_a):
    assert (
        parse_message(
            "更正：昨天玄帝庙街日报里电动车是挪走4辆，不是5辆，还有2辆没挪动", WEDNESDAY, unit_a
        )
        == []
    )
    assert (
        parse_message(
            "刚接区创城办电话：明天上午省测评组到南苑街道，凤凰城社区是必检点。今天下午请王晓明同志带人再过一遍，重点是楼道堆物和飞线充电。",
            WEDNESDAY,
            unit_a,
        )
        == []
    )


def test_first_here_then_there_and_the_afternoon_the_southern_way(unit_a):
    reports = parse_message(
        "今天另外一组（王晓明、李娜）：先在玄帝庙街发了宣传资料20份，顺手撕了护栏上1张小广告；"
        "后到凤凰城社区入户宣传，走访18户，未发现问题。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]
    reports = parse_message(
        "今日两个点：早上玄帝庙街 7辆电动车已摆正；下昼凤凰城社区 2处巷道杂物已清。早上人员王晓明；下昼李娜。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site, totals(r)) for r in reports] == [(ROAD_A, (7, 7, 0)), (GRID_A, (2, 2, 0))]


def test_things_looked_at_and_what_was_seen_on_the_way(unit_a):
    report = one(
        "玄帝庙街值班日报 王晓明、李娜\n1、步道烟头纸屑若干，已清扫\n2、对步道沿线12盏路灯、4个救生圈进行检查，均完好",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "今天玄帝庙街值班，人员：王晓明、李娜。先讲一下路上看到的：永叔路公交站那里垃圾桶满溢，这个不是我们路段的，"
        "已经拍了发给环卫群。到路段以后发现的：步道边上饮料瓶、塑料袋若干，已捡拾。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    # A whole duty elsewhere is still its own report.
    report = one(
        "今天区创城办临时抽调我们去桃园北路西侧（不是我们的路段）支援，王晓明、李娜参加。清理小广告40余处。",
        unit_a,
    )
    assert (report.site, report.staff, totals(report)) == (None, ("王晓明", "李娜"), (40, 40, 0))


def test_anglers_counted_are_offenders_not_the_team():
    assert first_amount("禁钓区垂钓人员4名，经劝导已离开").value == 4


def test_a_report_sent_in_parts_its_problems_and_its_outcomes(unit_a):
    report = one("问题：\n1、亲水平台下方白色垃圾一大片\n2、步道中段电动车乱停5辆", unit_a)
    assert (report.site, totals(report)) == (None, (6, 0, 6))
    report = one("以上。处理：垃圾已组织捡拾，清了3袋；电动车5辆已挪到停车区。", unit_a)
    assert totals(report) == (8, 8, 0)


def test_a_count_put_right_after_what_was_wrong_and_oh_it_is(unit_a):
    report = one("玄帝庙街 王晓明 有1个井盖松了，哦不是1个是2个，报城管了", unit_a)
    assert totals(report) == (2, 0, 2)
    report = one("玄帝庙街 王晓明 出店经营7家，哦是6家，都劝回了", unit_a)
    assert totals(report) == (6, 6, 0)


def test_nothing_new_and_what_a_heap_does_are_no_items(unit_a):
    report = one(
        "凤凰城社区今天正常巡查，王晓明、李娜，楼道小广告清了12张，平房区燃煤炉子没新增。", unit_a
    )
    assert totals(report) == (12, 12, 0)
    report = one(
        "玄帝庙街 王晓明 李娜 人行道上小广告一些，已清除；3号商铺门口堆煤块1堆，起扬尘，店主当场拿苫布盖上了。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_seen_to_by_others_since_and_checked_again(unit_a):
    report = one(
        "11月24日玄帝庙街\n【照片1】出站口共享单车乱放若干，已码放整齐。\n【照片2】广场东侧井盖下沉，市政已修复，复查无问题。\n"
        "【照片3】值班人员：王晓明、李娜",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "玄帝庙街 王晓明 李娜 周二报的两个松动井盖城管已经修好了；小学门口电动车乱停6辆，已摆正。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_shops_kept_inside_are_no_problem_and_a_dead_chicken_is(unit_a):
    report = one(
        "玄帝庙街今早王晓明、李娜值班，药材铺都在店里经营，人行道通畅，没发现问题。", unit_a
    )
    assert totals(report) == (0, 0, 0)
    report = one(
        "玄帝庙街 王晓明 电动车乱停十五六台，摆了；药材铺今日都冇出店，比之前好好多。", unit_a
    )
    assert totals(report) == (16, 16, 0)
    report = one("凤凰城社区 王晓明 江边有只死鸡，捡走了", unit_a)
    assert totals(report) == (1, 1, 0)


def test_outcomes_listed_in_the_order_of_the_problems(unit_a):
    report = one(
        "时间：11月24日15:00-17:00\n地点：凤凰城社区\n人员：王晓明、李娜\n"
        "问题：3栋楼道小广告12处，锅炉房旁建筑垃圾1堆，主干道路灯不亮2盏\n处理：已清理，已联系社区清运，已报社区维修",
        unit_a,
    )
    assert totals(report) == (15, 12, 3)


def test_homes_walked_to_are_work_and_stairwells_counted_with_their_fault(unit_a):
    report = one(
        "今天跟李娜去凤凰城社区入户做问卷，就是有两个单元楼道灯不亮，报给物业了。问卷做了45份，走了45户。",
        unit_a,
    )
    assert totals(report) == (2, 0, 2)
    # 清走一户 is a fix, not a visit.
    report = one("凤凰城社区 王晓明 七巷有两户门口堆的泡沫箱，已督促清走一户，另一户没人。", unit_a)
    assert totals(report) == (2, 1, 1)


def test_snow_the_community_had_cleared_before_and_all_clean(unit_a):
    report = one(
        "凤凰城社区今天3人（王晓明、李娜、赵强），巡查一遍，道路积雪社区已经组织清扫了，楼道干净，没发现问题。",
        unit_a,
    )
    assert totals(report) == (0, 0, 0)


def test_a_checklist_line_looked_at_and_fine_and_things_in_order(unit_a):
    report = one(
        "凤凰城社区今天巡查情况（王晓明、李娜）：\n1.主干道卫生：干净，无问题。\n2.楼道小广告：已查6个楼道，未发现。\n"
        "3.垃圾池：已清运，周边无散落。\n4.井盖：5栋后面有一个井盖松动，已报社区。",
        unit_a,
    )
    assert totals(report) == (1, 0, 1)
    report = one(
        "玄帝庙街今日值班：王晓明、李娜。电动车都在线内排队，路面基本没垃圾。发现人行道上有人乱丢烟头3处，已清扫。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_a_residents_own_matter_the_team_cannot_handle_is_no_problem(unit_a):
    report = one(
        "凤凰城社区今天下午：王晓明、李娜。1号楼西头垃圾池满溢，已联系环卫，下午就清走了；"
        "有个居民说他家楼上漏水让我们管，这个不是我们能办的，让他找物业。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_counts_voice_input_heard_by_sound_and_a_bare_hundred_in_a_name(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 百部梯那边垃圾有四五代 已经清理了 楼道小广告石几处 清掉了", unit_a
    )
    assert totals(report) == (15, 15, 0)


def test_log_lines_with_the_place_first_and_a_cantonese_fix(unit_a):
    report = one(
        "凤凰城社区 11月24日 人员：王晓明 李娜\n"
        "地点：3栋门口 问题：电动车乱停 数量：5-6辆 处理：已推返路边\n"
        "地点：垃圾池旁 问题：泡沫箱乱丢 数量：一堆 处理：已清理\n"
        "地点：小广场 问题：健身器材松动 数量：1 处理：已报社区",
        unit_a,
    )
    assert totals(report) == (8, 7, 1)
    assert report.found[0].text.startswith("3栋门口")


def test_a_tally_by_category_in_single_spaced_rows_and_the_note_on_one_row(unit_a):
    report = one(
        "日期：11.24\n路段：玄帝庙街\n人员：王晓明 李娜 赵强\n类别 发现 整改\n环境卫生 4 4\n"
        "市容秩序 6 5\n基础设施 1 0\n合计 11 9\n备注：基础设施1处为井盖缺失，已报住建局。",
        unit_a,
    )
    assert (report.found_total, report.resolved_total) == (11, 9)
    assert {item.category for item in report.found} == {"环境卫生", "市容秩序", "基础设施"}
    report = one(
        "凤凰城社区 王晓明 李娜\n类别 发现 整改\n环境卫生 3 3\n其他 2 0\n合计 5 3\n"
        "其他为居民反映暖气不热2户，已转物业。",
        unit_a,
    )
    assert (report.found_total, report.resolved_total) == (5, 3)


def test_a_thing_not_put_right_is_a_problem(unit_a):
    report = one("凤凰城社区 王晓明 5栋楼下有个井盖没盖严 缺了个角 旁边放了个锥桶 报社区了", unit_a)
    assert totals(report) == (1, 0, 1)
    report = one("玄帝庙街 王晓明 李娜 路口护栏没装好 已报城管", unit_a)
    assert totals(report) == (1, 0, 1)


def test_the_day_before_the_site_and_yesterday_said_in_the_north_east(unit_a):
    report = one("24号玄帝庙街 王晓明李娜 昨晚上不知道谁倒了一堆垃圾 清了", unit_a)
    assert report.date == date(2026, 11, 24)
    report = one("昨个凤凰城社区 王晓明 李娜 楼道小广告撕了5张", unit_a)
    assert report.date == date(2026, 11, 24)
    report = one("凤凰城社区 王晓明 5号楼门口 电动车乱停3辆 已摆好", unit_a)
    assert report.date == date(2026, 11, 25)


def test_who_led_whom_and_who_went_along_to_help(unit_a):
    report = one("凤凰城社区那边王晓明领着李娜赵强去的 楼道小广告撕了十张", unit_a)
    assert set(report.staff) == {"王晓明", "李娜", "赵强"}
    report = one("凤凰城社区 我和孙悦配合社区清理楼道杂物3处", unit_a)
    assert "孙悦" in report.staff


def test_none_of_the_snow_and_a_seller_told_by_the_wares(unit_a):
    report = one("玄帝庙街 王晓明 李娜 人行道没有积雪，周边不再结冰，乱停电动车4辆已摆齐。", unit_a)
    assert totals(report) == (4, 4, 0)
    report = one("凤凰城社区处理结果：王晓明 卖对联的已劝离；有个烤地瓜的 劝走了。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_what_was_said_then_what_it_really_was(unit_a):
    report = one("凤凰城社区 王晓明 李娜 楼下电动车乱停是2辆，其实是3辆，都摆好了", unit_a)
    assert totals(report) == (3, 3, 0)


def test_an_earlier_problem_seen_to_since_with_its_day_or_after_a_comma(unit_a):
    report = one(
        "今天玄帝庙街：王晓明、李娜值班。3号报的护栏松动那处今天去看已经修好了。今天发现共享单车乱停4辆，已摆正。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)
    report = one(
        "凤凰城社区这边：王晓明。上周报的小区主干道路面坑洼，今天去看社区已经填平了；楼道小广告3处，已清除。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_left_over_and_still_not_mended_is_not_counted_today(unit_a):
    report = one(
        "凤凰城社区今天值班：王晓明、李娜。发现楼道小广告12处，均已整改。上周遗留的6号楼垃圾池破损仍未处理，"
        "系此前已报问题，今日不重复统计。",
        unit_a,
    )
    assert totals(report) == (12, 12, 0)


def test_touts_stopped_are_people_doing_wrong_not_persuasion():
    # A tourist town's unit, which files touts under a kind of its own.
    unit = load_unit(CORPUS / "next" / "unit-zjj.toml")
    report = one(
        "回龙路 覃建华 田志刚：北门广场拉客人员10余人次，当场劝离；劝导游客文明游览20人次。",
        unit,
        at("2026-12-05 11:00"),
    )
    assert totals(report) == (10, 10, 0)
    assert [(a.kind, a.count) for a in report.activities] == [("劝导", 20)]


def test_a_subtotal_after_a_vague_count_and_a_full_stop(unit_a):
    report = one(
        "凤凰城社区今日值班：王晓明、李娜\n发现问题：楼道小广告约30处，电动车乱停20余辆，绿化带枯枝落叶若干。小计51处。\n"
        "整改情况：以上问题已全部整改。小计51处。",
        unit_a,
    )
    assert totals(report) == (51, 51, 0)


def test_a_short_form_with_its_done_and_not_done_lines(unit_a):
    report = one(
        "路段：玄帝庙街\n人员：王晓明、李娜、赵强\n问题：电动车乱停7辆；绿化带垃圾若干；护栏倾斜1处\n"
        "已改：电动车挪走5辆，垃圾清理\n未改：电动车2辆车主不在；护栏待维修",
        unit_a,
    )
    assert totals(report) == (9, 6, 3)


def test_a_report_that_opens_by_greeting_the_group(unit_a):
    report = one(
        "各位，今天下午凤凰城社区值班情况：我和王晓明、李娜三人。在18号楼背面发现一处化粪池盖板破裂，已通知物业更换。",
        unit_a,
    )
    assert totals(report) == (1, 0, 1)


def test_the_one_shop_holds_the_things_counted_after_it(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 一家店门口堆了五六箱货，我们走之前已经搬完；一户门口堆了建筑垃圾大概四五袋，已通知社区清运。",
        unit_a,
    )
    assert totals(report) == (11, 6, 5)


def test_rubbish_counted_in_cubic_metres_with_digits_only(unit_a):
    report = one("凤凰城社区 王晓明 李娜 5栋后面空地建筑垃圾约5方，已协调物业清运完毕。", unit_a)
    assert totals(report) == (5, 5, 0)
    report = one("凤凰城社区 王晓明 李娜 四方堰那边小广告清了几张。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_gan_speech_tells_the_work_done_with_lo(unit_a):
    report = one("玄帝庙街 王晓明 李娜 赵强 今日蛮好 电动车摆咯五六台 烟头冇几个 随手捡咯", unit_a)
    assert report.resolved_total == 7


def test_a_market_inspectors_kind_lines_and_goods_off_the_shelf(unit_a):
    report = one(
        "玄帝庙街 11月24日 王晓明 李娜\n出店经营5家，收回4家，1家店主不在，已留告知书；\n"
        "店招：1家灯箱歪了，店家当场加固好\n过期的东西：1家杂货店过期酱油1瓶，已下架；\n"
        "社区食品摊点3处，均正常。",
        unit_a,
    )
    assert (report.found_total, report.resolved_total) == (7, 6)


def test_fireworks_stopped_and_no_shop_spilling_out(unit_a):
    report = one(
        "玄帝庙街值班，王晓明、李娜到岗。沿线巡查，路面干净，店铺无出店经营，未发现问题。", unit_a
    )
    assert totals(report) == (0, 0, 0)
    report = one(
        "玄帝庙街今晚夜巡：王晓明、李娜。路口夜宵摊贩2个，都在规定区域内，正常；有人在路口燃放烟花1起，已劝阻；"
        "垃圾桶满溢3处，已通知环卫。",
        unit_a,
    )
    assert totals(report) == (4, 1, 3)


def test_one_name_alone_in_brackets_is_on_duty(unit_a):
    report = one("11月23日凤凰城社区排水设施复查（王晓明）：新发现篦子堵塞4处，清掏3处。", unit_a)
    assert report.staff == ("王晓明",)


def test_photos_with_captions_and_tomorrows_duty_are_no_reports(unit_a):
    assert (
        parse_message(
            "[图片][图片][图片]\n图1 玄帝庙街步道\n图2 篦子清理后\n图3 值班合影", WEDNESDAY, unit_a
        )
        == []
    )
    text = "明早玄帝庙街值班：王晓明、李娜、赵强，7:20路口集合，记得戴红袖章，带好夹子和垃圾袋。"
    assert parse_message(text, WEDNESDAY, unit_a) == []
    # A caption sent alone that tells a problem and its outcome is a piece of the report.
    assert parse_message("图1 玄帝庙街 炸鸡店门前积雪 已清理", WEDNESDAY, unit_a)


def test_before_and_after_captions_then_a_summary_with_the_counts(unit_a):
    report = one(
        "凤凰城社区网格巡查\n图1 整改前：活动中心旁电动车乱停\n图2 整改后：已摆放整齐\n"
        "图3 整改前：3栋后面堆的装修垃圾\n图4 整改后：已清运\n"
        "小结：今天下午我和王晓明、李娜巡了一圈，整理电动车11辆，清运装修垃圾2车。",
        unit_a,
    )
    assert totals(report) == (13, 13, 0)


def test_the_afternoon_recheck_of_the_mornings_items(unit_a):
    report = one(
        "凤凰城社区下午复查（王晓明、李娜）：上午劝收的晾晒已全部收好，院内无新增问题。", unit_a
    )
    assert totals(report) == (0, 0, 0)
    report = one(
        "凤凰城社区下午复查：王晓明、李娜。上午剩的2处楼道杂物住户已自行清理；新发现楼道小广告4处，已清除。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_a_fix_names_the_heaps_it_cleared_by_their_count(unit_a):
    report = one(
        "玄帝庙街今日共发现问题10处，其中：路边建筑垃圾乱倒3堆；共享单车乱停放5辆；人行道积雪未清扫2段。"
        "当场清理建筑垃圾3堆、摆正单车5辆、清扫积雪2段。值班人员：王晓明、李娜",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)


def test_one_long_run_cut_by_dunhao_thing_then_what_was_done(unit_a):
    report = one(
        "11月24日玄帝庙街值班王晓明、李娜、赵强到岗、电动车乱停、摆放整齐8辆、人行道烟头纸屑、捡拾2袋、"
        "小广告、清理3处、盲道砖松动1块、已拍照报城管",
        unit_a,
    )
    assert totals(report) == (14, 13, 1)
    assert set(report.staff) == {"王晓明", "李娜", "赵强"}


def test_so_many_buildings_with_the_fault_and_a_building_as_a_place(unit_a):
    report = one(
        "凤凰城社区房屋安全巡查：王晓明、李娜。共查看房屋26栋，发现外墙批荡脱落3栋、骑楼柱开裂2处，"
        "3栋门口招牌松动4处，以上问题已移交街道。",
        unit_a,
    )
    assert totals(report) == (9, 0, 9)


def test_the_team_moves_on_at_a_time_of_day(unit_a):
    reports = parse_message(
        "今天我和李娜、赵强先在玄帝庙街值守到8点，把十几辆乱停的电瓶车理了理；8点以后转到凤凰城社区，"
        "发现3栋和5栋之间绿化带里有建筑垃圾两堆，已通知社区联系清运。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]
    assert [totals(r) for r in reports] == [(10, 10, 0), (2, 0, 2)]


def test_a_remark_noted_but_not_seen_is_no_problem(unit_a):
    report = one(
        "凤凰城社区今天：王晓明、李娜。楼道小广告撕了5张。有个大爹说3栋路口那盏路灯晚上不亮，我们白天看不出来，先记一下。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    report = one(
        "凤凰城社区：王晓明、李娜。电动车摆了9辆。另有居民反映小区后门晚上路灯不亮，已记下待晚上核实。",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)


def test_places_looked_at_and_extinguishers_in_date_are_no_problems():
    # A unit with a fire-safety kind of its own, whose words make these look like problems.
    unit = load_unit(CORPUS / "next" / "unit-yka.toml")
    report = one(
        "渔港社区今日值班人员：曲晓梅、张丽、姜波。今天主要检查了小区10个单元楼道，消防通道均畅通，"
        "灭火器都在有效期内，未发现问题。",
        unit,
        at("2026-12-15 10:00"),
    )
    assert totals(report) == (0, 0, 0)
    report = one(
        "今天下午我和于洪涛去营口港老港区门口那片小饭店查燃气安全，共8家，发现燃气泄漏隐患3处、"
        "灭火器过期4具，已下达整改通知书，移交市场监管所。",
        unit,
        at("2026-12-29 17:00"),
    )
    # (The eight shops looked at count nothing; the two kinds found count 3 and 4.)
    assert sorted(item.count for item in report.found if item.count > 1) == [3, 4]


def test_niupixuan_misheard_is_still_small_adverts(unit_a):
    report = one("凤凰城社区 王晓明 李娜 楼道里牛皮藓清了二十多张", unit_a)
    assert totals(report) == (20, 20, 0)


def test_the_coordinator_speaking_to_one_person_or_changing_the_roster_is_chat(unit_a):
    for text in (
        "@王晓明 晓明，你报的小广告“三四十张”我按40张统计了，下次尽量报准数哈。",
        "@李娜 凤凰城社区后门路灯那个下次值班顺便看一下，确实不亮的话报社区。",
        "好的，已调整。12日玄帝庙街：王晓明、李娜、赵强、孙悦。",
        "报告！明日玄帝庙街值班人员王晓明、李娜、赵强已通知到位，请领导放心。完毕！",
        "今天区创文办检查，对凤凰城社区评价不错，感谢大家！楼道清得很干净👍",
    ):
        assert parse_message(text, WEDNESDAY, unit_a) == [], text


def test_the_writer_and_one_companion_said_the_local_way(unit_a):
    report = one(
        "上礼拜五下午额跟李娜到凤凰城社区帮忙，楼道里头电动车推进去充电的有仨，劝人家推出去了俩",
        unit_a,
    )
    assert report.staff == ("李娜",)
    report = one(
        "下午和赵强又去凤凰城社区转了一圈，院里新发现一堆乱堆的纸壳子，我们帮着收拾到回收点了。",
        unit_a,
    )
    assert report.staff == ("赵强",)


def test_the_night_of_the_snow_is_not_the_duty_day(unit_a):
    report = one(
        "昨个后半夜又下了 今天早上我领着李娜赵强把凤凰城社区门口的雪整了 台阶冻了一层冰 也刨了",
        unit_a,
    )
    assert report.date == date(2026, 11, 25)
    report = one(
        "24号玄帝庙街加班巡查情况：王晓明、李娜。周日夜里降雪，人行道积雪已全部清理。", unit_a
    )
    assert report.date == date(2026, 11, 24)


def test_the_team_moves_on_at_a_clock_time(unit_a):
    reports = parse_message(
        "今天机动组：王晓明、李娜。7:30先到玄帝庙街，人行道共享单车乱停10余辆，整理好了；8:20到凤凰城社区，"
        "协助清理楼道小广告20处。两处均已整改。",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]
    assert [r.found_total for r in reports] == [10, 20]


def test_a_cheerful_tilde_before_the_other_sites_number(unit_a):
    reports = parse_message(
        "周一值班汇报来啦~ 玄帝庙街：王晓明、李娜，捡了二十来个烟头哈~ 16网格那边是赵强、孙悦去的，"
        "她们说楼道小广告撕了七八张哈~",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]
    assert [r.staff for r in reports] == [("王晓明", "李娜"), ("赵强", "孙悦")]


def test_snow_already_cleared_beside_how_the_rest_stands(unit_a):
    report = one(
        "凤凰城社区今天值班：王晓明、李娜。社区道路积雪已清，无新问题。3号楼前冰包1处，已刨除。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    report = one(
        "11月20日玄帝庙街：王晓明、李娜。路面清洁，商户门前积雪都清了。路口井盖松动1处，已报城管。",
        unit_a,
    )
    assert totals(report) == (1, 0, 1)
    # In a list of what the team did, the snow cleared is its own work.
    report = one(
        "玄帝庙街：王晓明、李娜。电动车乱停11辆，均已规整；人行道积雪已清；门前垃圾2袋已清走。",
        unit_a,
    )
    assert totals(report) == (14, 14, 0)


def test_a_ticked_list_with_a_cross_and_its_totals_line(unit_a):
    # × after a count is the list's cross; the last line is the totals, not the last item's.
    report = one(
        "玄帝庙街 王晓明 李娜\n电动车占盲道 5 ✓\n摊贩 1 ✓\n垃圾桶满溢 2 ✓\n井盖松动 1 ×\n共9处 整改8处",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)
    report = one(
        "玄帝庙街 王晓明 李娜\n1 电动车占盲道 7 ✓\n2 三轮车 1 ✓\n3 垃圾桶满溢 1 ×\n4 小广告 若干 ✓\n"
        "合计 10 / 9",
        unit_a,
    )
    assert totals(report) == (10, 9, 1)
    # A thing with ok and no count was looked at and is fine; with a count, ok is done.
    report = one(
        "玄帝庙街 王晓明 李娜\n电动车 10+ ✓\n污水 1 ×（市政还没来）\n垃圾桶 ok\n井盖 ok\n烟头 一片 ok\n"
        "总计 12 整改 11",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)


def test_the_few_at_fault_among_those_looked_at(unit_a):
    # The bins looked at are not problems; the ones overflowing are.
    report = one(
        "玄帝庙街 王晓明 李娜：沿线垃圾桶6个，其中2个满溢，已联系环卫清运；人行道污水1处，已冲洗。",
        unit_a,
    )
    assert totals(report) == (3, 1, 2)
    report = one(
        "玄帝庙街 王晓明 李娜：检查垃圾桶9个，满溢1个，已联系保洁清理完毕；人行道烟头若干，已清扫。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)
    assert report.found[0].text == "垃圾桶满溢"
    # An inspection's own total and what was fixed on the spot stay as they are.
    report = one("玄帝庙街 王晓明 李娜：检查商铺23家，检查发现隐患6处，当场整改4处。", unit_a)
    assert totals(report) == (6, 4, 2)


def test_looked_at_then_what_was_done_after_a_space(unit_a):
    # 看了楼道 is where they looked; 小广告清了12处 is what they did, counted.
    report = one("凤凰城社区值班 王晓明 李娜 今天重点看了楼道 小广告清了12处 没其他问题", unit_a)
    assert totals(report) == (12, 12, 0)
    # How many were looked at still counts nothing.
    report = one("凤凰城社区值班 王晓明 李娜 水表井看了10个，都盖得好好的", unit_a)
    assert totals(report) == (0, 0, 0)


def test_a_recheck_tells_how_earlier_problems_stand(unit_a):
    # What a recheck finds seen to was counted the day it was found.
    report = one(
        "今日到凤凰城社区复查：5号楼楼道杂物已清理干净，6号楼前路面塌陷已修复，未发现新问题。王晓明、李娜",
        unit_a,
    )
    assert report.site == GRID_A
    assert totals(report) == (0, 0, 0)
    report = one(
        "凤凰城社区值班：王晓明、李娜。今天主要复查上周报的问题：3栋路灯社区已修好，宣传栏已换新。"
        "新发现：6栋楼道堆放旧家具2件，住户已搬回家。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)
    report = one(
        "凤凰城社区值班：王晓明、李娜。复查12月7日满溢的2个垃圾桶，保洁已清运；楼道小广告3处已清除。",
        unit_a,
        at("2026-12-10 09:30"),
    )
    assert totals(report) == (3, 3, 0)
    # The team's own fix today still counts, and a city's inspection is no recheck.
    report = one(
        "凤凰城社区值班：王晓明、李娜。复查12月1日移交问题：废弃自行车2辆，今天我们配合社区拖走了。",
        unit_a,
        at("2026-12-10 09:30"),
    )
    assert totals(report) == (2, 2, 0)
    report = one(
        "凤凰城社区值班：王晓明、李娜。迎接省复查，重点清理了小区死角，共清运垃圾五车。", unit_a
    )
    assert totals(report) == (5, 5, 0)


def test_what_a_resident_told_seen_and_counted(unit_a):
    # The telling and the seeing are one problem, counted as seen.
    report = one(
        "凤凰城社区值班 王晓明、李娜。有个大姐说晚上北门那边路灯不亮，黑乎乎的，"
        "我们过去看了下确实有两个灯不亮，已经跟社区说了",
        unit_a,
    )
    assert totals(report) == (2, 0, 2)
    report = one(
        "凤凰城社区值班 王晓明 李娜 有个老汉说这一块路灯坏了半个月了咋没人管 我们看了确实有两个不亮 "
        "给路灯所打了电话",
        unit_a,
    )
    assert totals(report) == (2, 0, 2)


def test_cinders_on_the_ice_make_it_safe(unit_a):
    report = one(
        "凤凰城社区值班 王晓明 李娜。巡查发现6号楼前路面结冰一处，已撒炉渣防滑；楼道小广告仨，已清理",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_a_bare_count_put_right_at_once(unit_a):
    report = one("凤凰城社区 王晓明 李娜\n楼道小广告*8 不对是6 已铲 电动车乱停*4 已摆放", unit_a)
    assert totals(report) == (10, 10, 0)


def test_one_reported_on_a_day_and_since_seen_to(unit_a):
    report = one(
        "凤凰城社区：王晓明、李娜。楼道杂物2处，清理；小广告4处，清除；11月18日所报井盖缺失，社区已补装，核查完毕。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_none_of_these_wrongs(unit_a):
    report = one(
        "凤凰城社区值班：王晓明、李娜。经巡查，社区主次干道整洁有序，楼道无乱堆乱放，宣传栏内容完好，无私拉电线。",
        unit_a,
    )
    assert totals(report) == (0, 0, 0)


def test_a_fix_tried_and_not_managed(unit_a):
    # 挪不了, 搬不动: the verb tried and could not; those are still open.
    report = one("玄帝庙街值班 王晓明 李娜。电动车盲道上停4辆，挪了2辆，2辆锁着挪不了。", unit_a)
    assert totals(report) == (4, 2, 2)
    report = one("凤凰城社区值班 王晓明 李娜。楼道旧沙发1个，太重搬不动，已告知物业。", unit_a)
    assert totals(report) == (1, 0, 1)


def test_a_space_after_every_word(unit_a):
    # Some write a space after every word; the sentence is one item all the same.
    report = one(
        "玄帝庙街 王晓明 李娜\n早上 下雨，落叶 多，扫了 3 堆。\n电动车 乱停 十来 辆，摆齐。\n"
        "横穿马路 的 人 劝了 4 个。",
        unit_a,
    )
    assert totals(report) == (17, 17, 0)
    # Spaces that part items in a run of voice input still do.
    report = one(
        "玄帝庙街值班 王晓明 李娜 电动车乱停的有个七八辆 都推到车棚那块了 地上烟头有一些 捡掉了",
        unit_a,
    )
    assert totals(report) == (9, 9, 0)


def test_a_safety_offices_heading_is_no_item(unit_a):
    report = one(
        "玄帝庙街 11月10日\n到岗：王晓明、李娜\n隐患及问题：\n1.公交站台小广告十余张；\n"
        "2.沿街配电箱箱门损坏1处。\n第1条当场整改。第2条移交供电部门。",
        unit_a,
    )
    assert totals(report) == (11, 10, 1)
    report = one(
        "玄帝庙街值班\n值班人员：王晓明、李娜\n一、问题隐患\n1.沿街商铺占道经营4处，已整改；\n"
        "2.人行道地砖破损5块，移交区城管局。",
        unit_a,
    )
    assert totals(report) == (9, 4, 5)


def test_extinguishers_looked_at_and_fine_and_alarms_fitted_since(unit_a):
    report = one(
        "玄帝庙街值班：王晓明、李娜。重点检查了沿街8家商户的灭火器，均在有效期内，消防通道畅通。"
        "共享单车乱停放约20辆，已摆放整齐。",
        unit_a,
    )
    assert totals(report) == (20, 20, 0)
    report = one(
        "凤凰城社区：王晓明、李娜。复查燃气隐患，上次那5户没装报警器的已全部装好；"
        "新发现楼道堆放纸箱1处，督促住户当场清走了。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_a_checklist_of_kinds_each_with_its_mark(unit_a):
    # Each line: a kind, its mark, then what of it was there; fine kinds count nothing.
    report = one(
        "凤凰城社区 周三 王晓明 李娜\n卫生 ✔ 垃圾4袋已清\n市容 ✘ 楼道杂物3处 清了1处 另2处住户不让动 已交给社区\n"
        "小广告 ✔ 8张已撕\n设施 ✔ 无\n宣传栏 ✔ 正常",
        unit_a,
    )
    assert totals(report) == (15, 13, 2)
    # Without a count after the mark, what stands before it is the thing itself.
    report = one(
        "凤凰城社区 王晓明 李娜\n楼道小广告 14张 ✔\n垃圾站满溢 ✘ 清运车没来 打电话了\n甬道上的冰 ✔ 刨完了",
        unit_a,
    )
    assert totals(report) == (16, 15, 1)


def test_the_count_between_a_thing_and_what_it_failed_to_be(unit_a):
    # A unit whose words name both the thing and the fault (渣土车, 未苫盖): one item still.
    dust = Category("大气污染", ("渣土车", "未苫盖", "未覆盖", "裸土"))
    unit = replace(unit_a, categories=(*unit_a.categories, dust))
    report = one(
        "玄帝庙街值班：王晓明、李娜。路口渣土车3辆未苫盖，已移交交警；人行道电动车5辆未整改，已告知物业。",
        unit,
    )
    assert totals(report) == (8, 0, 8)
    assert report.found[0].text.endswith("渣土车未苫盖")


def test_a_template_typed_without_its_colons(unit_a):
    report = one(
        "今日路长制：人员王晓明、李娜；问题玄帝庙街烟头纸屑若干、楼道小广告5张、垃圾池满溢1处；"
        "整改烟头、小广告已清理；遗留垃圾池已通知环卫。",
        unit_a,
    )
    assert report.staff == ("王晓明", "李娜")
    assert totals(report) == (7, 6, 1)
    assert not report.found[0].text.startswith("问题")


def test_hearsay_looked_for_and_not_met(unit_a):
    report = one(
        "凤凰城社区值班 王晓明 李娜。楼道小广告清了七八张。有个阿姨拉着说楼上老往下扔垃圾，这个我们没看到；"
        "有居民说晚上有人烧煤冒黑烟，我们转了一圈没找到。",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)


def test_told_to_go_and_nothing_much_wrong(unit_a):
    # 劝他走哩: the one told stands between the telling and the going; 冇么子大问题 undoes no fix.
    report = one(
        "玄帝庙街 王晓明 李娜 有个卖橘子的三轮车占道 劝他走哩 他也蛮配合 垃圾桶边上有一滴滴垃圾 顺手捡掉哩 "
        "冇么子大问题",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)
    report = one("玄帝庙街 王晓明 李娜 路口烟头捡了一袋，没有什么大问题", unit_a)
    assert totals(report) == (1, 1, 0)


def test_a_row_of_dashed_fields_and_snow_the_sun_took(unit_a):
    report = one(
        "玄帝庙街 12.2 王晓明 李娜\n路口—电动车乱停—5到6辆—已摆齐\n人民路口—护栏断开—1处—已报交通局",
        unit_a,
        at("2026-12-02 10:00"),
    )
    assert totals(report) == (7, 6, 1)
    report = one(
        "凤凰城社区值班：王晓明、李娜。巡查未发现乱停乱放，楼道干净，向阳一侧积雪已化完。"
        "发现电动车乱停6辆，已摆放整齐。下午计划再去北门看看积雪情况。",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_captions_then_a_total_after_a_full_stop(unit_a):
    report = one(
        "图1：1号楼门前积雪，已清理\n图2：小区主路结冰路段，已撒融雪剂\n图3：垃圾箱旁大件垃圾（旧沙发），已联系物业\n"
        "图4：6号楼楼道口小广告，已清理\n今天凤凰城社区清雪：王晓明、李娜。共4处，处理3处，沙发物业说下午来拉。",
        unit_a,
    )
    assert totals(report) == (4, 3, 1)
    report = one(
        "凤凰城社区 11月16日\n到岗：王晓明、李娜。\n发现 3个 问题：\n楼道口 积雪结冰 2处，已清理。\n"
        "废弃自行车 1辆，已贴告知单。\n共3处，整改2处。",
        unit_a,
        at("2026-11-16 10:00"),
    )
    assert totals(report) == (3, 2, 1)


def test_one_problem_in_three_labelled_lines(unit_a):
    report = one(
        "11月20日玄帝庙街值班（王晓明 李娜）\n问题：路口井盖下沉（17日已报）\n措施：复查\n结果：市政所已修复，不计入今日\n"
        "问题：人行道电动车乱停10余辆\n措施：逐辆规整\n结果：已整改\n问题：公交站亭及座椅\n措施：逐个检查\n结果：完好，无问题",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)


def test_so_many_at_each_place_named(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜：2栋、6栋楼道小广告各2处，已清除；东门和西门各有1个垃圾桶破损，已报社区更换。",
        unit_a,
    )
    assert totals(report) == (6, 4, 2)


def test_all_that_was_looked_at_and_all_of_it_fine(unit_a):
    report = one(
        "【玄帝庙街路长制值班日报】\n值班人员：王晓明、李娜\n"
        "一、检查情况：检查人行道路面、盲道、路灯、垃圾桶、公益广告牌，均正常；沿街商户门前三包落实较好。\n"
        "二、发现问题：\n1.路口电动车乱停放6辆；\n2.绿化带内烟头、纸屑若干。\n三、整改情况：均已当场整改。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)


def test_northern_winter_lines(unit_a):
    # A bare count between spaces before 敲了; snow others cleared; 没看着 is none seen.
    report = one(
        "凤凰城社区 王晓明 李娜\n主道积雪 清了\n冰溜子 3 敲了\n楼道小广告 十来张 撕了", unit_a
    )
    assert totals(report) == (14, 14, 0)
    report = one(
        "今天玄帝庙街值班，王晓明、李娜到岗。人行道积雪环卫已经清过了。发现两家商铺出店经营，已劝导收回；"
        "冰溜子没看着。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_tai_for_cars(unit_a):
    report = one("玄帝庙街 王晓明 李娜 有两台车停人行道上了 车主挪走了", unit_a)
    assert totals(report) == (2, 2, 0)


def test_totals_typed_as_one_run(unit_a):
    assert totals(one("玄帝庙街 今天发现4处整改4处。王晓明 李娜", unit_a)) == (4, 4, 0)
    report = one(
        "凤凰城社区 王晓明 李娜 发现8处整改7处，未整改1处：11号楼下水井盖松动，已通知物业。", unit_a
    )
    assert totals(report) == (8, 7, 1)


def test_reached_down_opened_and_shouted_down(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 风刮的塑料袋挂在树上，够下来七八个；垃圾桶冻住三个，桶盖打不开，已用热水浇开。",
        unit_a,
    )
    assert totals(report) == (11, 11, 0)


def test_told_the_day_before_and_seen_to_since(unit_a):
    report = one(
        "凤凰城社区下午值班王晓明、李娜：楼道小广告3处，已清除；昨天反映的建筑垃圾社区已清运完毕。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)


def test_the_team_named_before_both_site_headings(unit_a):
    reports = parse_message(
        "11月24日（周二）值班汇总\n值班人员：王晓明、李娜、赵强\n【路段】玄帝庙街\n1.共享单车乱停放约20辆，已扶正摆放\n"
        "【网格】凤凰城社区\n1.楼道小广告7处，已清理",
        WEDNESDAY,
        unit_a,
    )
    assert [r.site for r in reports] == [ROAD_A, GRID_A]
    assert [r.staff for r in reports] == [("王晓明", "李娜", "赵强")] * 2
    assert [r.date for r in reports] == [date(2026, 11, 24)] * 2


def test_a_slashed_run_all_handled(unit_a):
    report = one("玄帝庙街 王晓明 李娜 单车12/摊1/垃圾2袋 全处理 路灯不亮1 报", unit_a)
    assert totals(report) == (16, 15, 1)


def test_bare_yi_and_wei_after_a_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n电动车12 已\n垃圾2袋 已\n小广告8 已\n路灯不亮1 未 报城管了\n楼道杂物3处 已2 未1",
        unit_a,
    )
    assert totals(report) == (26, 24, 2)


def test_part_of_a_total_told_after_it(unit_a):
    report = one(
        "玄帝庙街：王晓明、李娜。电动车、三轮车乱停放共计25辆，其中三轮车3辆，均已规整；小广告十余处，已清理。",
        unit_a,
    )
    assert totals(report) == (35, 35, 0)
    # A list of the parts after 其中 is the items themselves.
    report = one(
        "玄帝庙街：王晓明、李娜。今日巡查发现问题共12处，其中电动车乱停6处，商户出店经营3处，绿化带垃圾3处，均已当场整改。",
        unit_a,
    )
    assert totals(report) == (12, 12, 0)


def test_i_and_a_colleague_patrolled(unit_a):
    report = one("玄帝庙街今天我和李娜巡的 烟头若干 扫了", unit_a)
    assert report.staff == ("李娜",)


def test_nothing_else_after_a_fix_keeps_the_fix(unit_a):
    # 没别的事 is an all-clear, not a 没 that undoes what was just done.
    report = one(
        "玄帝庙街 王晓明 李娜 今天值班完事了，捡了三袋垃圾，电动车一排倒了，给扶起来了，没别的事。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)
    report = one("玄帝庙街 王晓明 李娜 垃圾3袋，捡了，没有其他事情", unit_a)
    assert totals(report) == (3, 3, 0)


def test_urged_then_and_there_and_done(unit_a):
    # 已督促商户 + a thing done in minutes: done; 责令 / 督促整改 / a recheck to come: not yet.
    report = one(
        "玄帝庙街 王晓明 李娜：商户门前油污3处，已督促商户冲洗；蜂窝煤、杂物2处，已督促商户收进店内。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    report = one("玄帝庙街 王晓明 李娜：商户门前杂物2处，已督促商户清理待明日复查。", unit_a)
    assert totals(report) == (2, 0, 2)
    report = one("玄帝庙街 王晓明 李娜：部分商户门口垃圾未入桶，已督促整改。", unit_a)
    assert totals(report) == (1, 0, 1)
    report = one("玄帝庙街 王晓明 李娜：商户门前堆放杂物4处，已责令商户当天清运。", unit_a)
    assert totals(report) == (4, 0, 4)


def test_earlier_ones_seen_to_since(unit_a):
    # An earlier report's problem replaced or lit again since, and snow already melted: none today.
    report = one(
        "玄帝庙街 王晓明 李娜：上周所报北段2盏路灯已亮。11月19日所报井盖异响，物业已更换。路面积雪已基本融化。新发现电动车乱停4辆，已摆齐。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_a_long_recheck_heading_keeps_the_day_and_team(unit_a):
    report = one(
        "11月20日（周五）王晓明、李娜对玄帝庙街上周问题进行复查：桥头护栏松动已修复，树坑垃圾已清运。新发现盲道砖缺失2块，已报区市政。",
        unit_a,
        at("2026-11-21 09:00"),
    )
    assert report.staff == ("王晓明", "李娜")
    assert str(report.date) == "2026-11-20"
    assert totals(report) == (2, 0, 2)


def test_slash_table_rows_with_a_note(unit_a):
    # A note in brackets after the cells (车主未到, 已报…) leaves the row a row; 不计入 drops it.
    report = one(
        "玄帝庙街 11月20日\n人员：王晓明、李娜\n类别：数量/已改/未改\n电动车乱停：8/5/3（车主未到）\n"
        "流动摊贩：2/2/0\n井盖下沉：1/0/1（已报区市政所）\n护栏松动：1/0/1（11.16已报，不计入）\n合计：11/7/4",
        unit_a,
        at("2026-11-20 12:00"),
    )
    assert totals(report) == (11, 7, 4)


def test_sand_on_the_ice_and_cars_towed(unit_a):
    report = one("凤凰城社区 王晓明 李娜：小区主路结冰2处，已撒沙防滑；拖移僵尸车2辆。", unit_a)
    assert totals(report) == (4, 4, 0)


def test_the_snow_of_a_place_cleared_by_the_team(unit_a):
    # A winter office names 积雪 among its words; the snow of a place is that.
    unit_a = with_words(unit_a, "环境卫生", "积雪")
    report = one("凤凰城社区 王晓明 李娜 小区主道的雪清了两条 单元门口的雪清了十二个", unit_a)
    assert totals(report) == (14, 14, 0)
    report = one("凤凰城社区 王晓明 李娜 帮社区清了老年活动室门口的雪", unit_a)
    assert totals(report) == (1, 1, 0)
    # Snow others cleared, and snow someone is asked to clear, are not the team's.
    report = one("凤凰城社区 王晓明 李娜 门口的雪物业清了 电动车乱停3辆 已摆好", unit_a)
    assert totals(report) == (3, 3, 0)


def test_the_same_thing_at_another_place_is_another_item(unit_a):
    report = one("凤凰城社区 王晓明 李娜 东门小广告撕了3张，西门小广告撕了2张", unit_a)
    assert totals(report) == (5, 5, 0)
    # The same place named again is the same item.
    report = one("凤凰城社区 王晓明 李娜 东门小广告5张，东门小广告已撕了3张", unit_a)
    assert totals(report) == (5, 3, 2)


def test_a_remark_on_how_things_stand_is_no_problem(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 清理墙面小广告23处。\n存在问题：群众文明意识有待提高，劝导压力大；部分老旧院落卫生反弹较快。",
        unit_a,
    )
    assert totals(report) == (23, 23, 0)


def test_an_item_by_number_then_items_by_name_in_one_sentence(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 发现楼道小广告二十余处、废弃沙发等大件垃圾3件、化粪池盖板破损1处。"
        "第1项当场铲除，大件垃圾社区清运车已拉走，盖板破损已移交社区物业。",
        unit_a,
    )
    assert totals(report) == (24, 23, 1)


def test_a_note_in_brackets_on_a_ticked_line(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜\n✔ 电动车乱停 7（不是9，刚才数重了）\n✔ 流动摊贩（卖橘子的）2\n"
        "✘ 路口积水 1（下水道堵了，等社区）\n❌ 盲道砖碎 3块（上周报过的 不算今天的）",
        unit_a,
    )
    assert totals(report) == (10, 9, 1)


def test_a_numbered_row_of_place_problem_count_outcome(unit_a):
    report = one(
        "玄帝庙街（11.20）\n人员：王晓明 李娜\n1、北门口，共享单车乱停，7辆，已摆放整齐\n2、书法长廊，乱涂乱画，3处，已擦除\n"
        "3、垃圾池，满溢，1个，已联系环卫\n4、公交站北侧，盲道砖松动，2块，已上报城管",
        unit_a,
        at("2026-11-20 12:00"),
    )
    assert totals(report) == (13, 10, 3)
    assert len(report.found) == 4


def test_a_count_in_words_standing_alone_after_the_thing(unit_a):
    report = one(
        "凤凰城社区。王晓明，李娜。\n垃圾桶旁边有纸箱，三。已经清理了。\n车棚前面电动车乱停，二十多。我们摆好了。\n"
        "座椅坏了，一，在小花园。报给社区了。",
        unit_a,
    )
    assert totals(report) == (24, 23, 1)


def test_a_done_label_over_items_named_in_short(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜\n发现：电动车乱停12辆；烟头若干；护栏倾斜1处。\n已处理：电动车、烟头。\n未处理：护栏（报城管）。",
        unit_a,
    )
    assert totals(report) == (14, 13, 1)


def test_horses_and_groups_are_counted(unit_a):
    # 匹 for horses, 拨 for groups of people: measure words like 辆 and 个 (for a town whose
    # words name horses and touts).
    unit_a = with_words(unit_a, "市容秩序", "马匹", "拉客")
    report = one(
        "玄帝庙街 王晓明 李娜 马匹进入人行道2匹，已让马夫牵出；劝了七八拨拉客的，说了以后都走了。",
        unit_a,
    )
    assert totals(report)[0] == 10


def test_problems_of_earlier_days_named_by_the_day_of_the_month(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜：今天已清理梯坎烟头纸屑4袋。30日报的台阶破损正在维修，待验收。"
        "22日报的路灯社区已扶正。15日的门前油污已复查，店家已清理干净。11月24日移交的僵尸车仍停在原处。",
        unit_a,
        at("2026-12-31 12:00"),
    )
    assert totals(report) == (4, 4, 0)


def test_bare_totals_parted_by_a_space(unit_a):
    # 发现5 整改5: the day's totals with the measure left out, parted by a space only.
    report = one("玄帝庙街 摩托车乱停4辆 已挪 烟头一袋 已捡 发现5 整改5", unit_a)
    assert totals(report) == (5, 5, 0)


def test_a_count_changed_and_a_bare_count_of_the_done(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜\n电动车乱停 5 更正为6 已摆放\n共享单车乱停 7 已摆放5 2辆车主不在\n楼道小广告 4 已清理",
        unit_a,
    )
    assert totals(report) == (17, 15, 2)


def test_on_a_snow_day_a_place_the_team_cleared_is_its_snow(unit_a):
    unit_a = with_words(unit_a, "环境卫生", "积雪")
    report = one(
        "凤凰城社区 王晓明 李娜 今儿个这雪下的呀 从七点整到快十点 单元门口也都清了 十五六个",
        unit_a,
    )
    assert totals(report) == (16, 16, 0)
    # The snow named after the verb is one item, not the place again.
    report = one(
        "凤凰城社区 王晓明 李娜 今天上午扫雪，小区人行道清扫积雪约800米，撒融雪剂两袋。", unit_a
    )
    assert totals(report) == (1, 1, 0)


def test_a_bare_count_typed_right_before_the_outcome(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 电动车乱停9已摆齐/小广告5已铲/垃圾桶满溢2环卫当场拉走/出店经营2劝回/宣传栏玻璃碎1 报住建 劝导12人次",
        unit_a,
    )
    assert totals(report) == (19, 18, 1)


def test_cantonese_tidied_put_away_and_put_right(unit_a):
    report = one(
        "今日玄帝庙街 我哋王晓明 李娜 门口啲三轮车乱停有十几架 执好晒 海鲜档摆出嚟占道有十二档 唔系 系十档 收埋晒 "
        "仲有三四架单车倒喺地 扶返起身",
        unit_a,
    )
    assert totals(report) == (24, 24, 0)


def test_told_and_they_stopped(unit_a):
    report = one("凤凰城社区 王晓明 李娜 有两个小孩在楼道里乱扔垃圾 说了 不扔了", unit_a)
    assert totals(report) == (2, 2, 0)
    report = one("凤凰城社区 王晓明 李娜 有人在路边随地吐痰，劝了，不吐了。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_a_range_after_the_times_sign_is_no_date(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜\n🛵电动车堵消防通道 x3-4 ✓\n🗑️垃圾桶满了 x2 已叫环卫", unit_a
    )
    assert str(report.date) == "2026-11-25"
    assert totals(report) == (6, 4, 2)


def test_the_ok_hand_after_a_count_is_a_tick(unit_a):
    report = one(
        "- 凤凰城社区 今天\n- 王晓明 李娜\n- 楼道小广告 8个 👌\n- 楼道杂物 2个 1个👌 另1个住户说下午自己搬\n- 垃圾桶满溢 3个 已叫保洁",
        unit_a,
    )
    assert totals(report) == (13, 9, 4)


def test_totals_with_jiejue_and_a_remark_that_it_keeps_happening(unit_a):
    report = one("凤凰城社区 发现5处 解决4处\n小广告4处铲了 路灯不亮一个报社区了", unit_a)
    assert totals(report) == (5, 4, 1)
    report = one("玄帝庙街 发现6 解决6\n电动车占盲道4辆挪了 小广告2张撕了", unit_a)
    assert totals(report) == (6, 6, 0)
    report = one(
        "玄帝庙街 王晓明 李娜：沿线发现电动车乱停7辆，已全部摆放整齐。\n存在问题\n一是非机动车乱停现象反复出现。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)


def test_a_bar_tables_total_row(unit_a):
    report = one(
        "玄帝庙街 11月20日\n值班：王晓明 李娜\n问题类型｜数量｜处置\n电动车乱停｜8辆｜已摆放\n流动摊贩｜3个｜劝离2个\n"
        "绿化带垃圾｜若干｜已清理\n合计｜12｜处置11",
        unit_a,
        at("2026-11-20 12:00"),
    )
    assert totals(report) == (12, 11, 1)


def test_an_open_item_named_again_right_before_its_outcome(unit_a):
    # After another item's fix, the overflowing bins named again (满溢垃圾) are the bins.
    report = one(
        "凤凰城社区 王晓明 李娜：发现楼道小广告5处、垃圾桶满溢2个，小广告已清除，满溢垃圾已通知社区保洁员清运。",
        unit_a,
    )
    assert totals(report) == (7, 5, 2)
    report = one(
        "玄帝庙街 王晓明 李娜：人行道上烟头、纸屑等垃圾若干，公交站台小广告3处。"
        "小广告已铲除，路面垃圾已清扫干净。",
        unit_a,
    )
    assert totals(report) == (4, 4, 0)


def test_none_of_them_wrong(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜：路段整体干净，未发现乱停放，垃圾桶均未满溢，未发现问题。", unit_a
    )
    assert totals(report) == (0, 0, 0)


def test_what_a_resident_told_confirmed_in_the_next_clause(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜：有居民反映7栋后面有人往绿化带倒剩饭剩菜，我们过去看了，确实有一堆，已清理干净。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)
    assert "剩饭剩菜" in report.to_contract()["found"][0]["text"]


def test_litter_left_lying_and_a_thing_a_little_wrong(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜 发现问题：非机动车乱停放11辆，已全部规整；绿化带内烟花爆竹残屑一片，已清扫。",
        unit_a,
    )
    assert totals(report) == (12, 12, 0)
    report = one(
        "玄帝庙街今天搞定了，王晓明、李娜。电动车乱停的有七八辆，全部摆好了；"
        "有个井盖有点松，踩起哐当哐当的，拍了照片等会儿报给城管。",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)


def test_words_said_in_quotes_are_no_part_of_the_duty(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。\n一个骑电动车的小伙子问“停这里都不得啊？”，盲道上停的四辆电动车，都挪到停车线里了。\n"
        "环卫阿姨说“今天垃圾车来晚了”，路口垃圾桶满溢一个，8点20垃圾车来清走了。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    report = one(
        "凤凰城社区 王晓明 李娜。奶茶店老板说“就放一下下，马上搬进去”，门口摆了两张桌子占道，后面搬进去了。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_things_looked_into_and_all_right(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜 楼道小广告清了仨 有一堆建筑垃圾在5号楼西边 物业说明天清运 还有俩井盖检查了没问题",
        unit_a,
    )
    assert totals(report) == (4, 3, 1)
    report = one(
        "玄帝庙街 王晓明 李娜\n1.电动车乱停放10辆，已归位；\n2.沿线文明宣传栏6块逐一查看，完好；\n3.井盖松动1处—检查后确认正常→无需处理",
        unit_a,
    )
    assert totals(report) == (10, 10, 0)


def test_what_others_saw_to_before_the_team_came(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜。我们到的时候环卫已经把主路上的垃圾扫完了，物业也把楼前的小广告撕了，"
        "垃圾点的垃圾保洁早上已经拉走了。我们清了楼道小广告5处。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    # Called by the team, others' doing is the fix of the item.
    report = one("凤凰城社区 王晓明 李娜 垃圾桶满溢2个，保洁已经清运走了。", unit_a)
    assert totals(report) == (2, 2, 0)


def test_a_correction_parted_from_its_number_by_a_space(unit_a):
    report = one(
        "- 玄帝庙街 王晓明 李娜\n- 小广告三处 撕了\n- 不对 小广告是四处\n- 电动车12辆 摆好了\n- 不对 电动车是14辆 后来又看见俩 也摆了",
        unit_a,
    )
    assert totals(report) == (18, 18, 0)


def test_ash_heaped_up_and_steps_all_ice(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜。发现：垃圾收集点外垃圾袋15袋，已协助保洁员归堆；单元门口台阶上全是冰，都刨了，撒了炉灰。",
        unit_a,
    )
    assert totals(report) == (16, 16, 0)


def test_people_doing_wrong_counted_in_person_times_then_stopped(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜：翻越护栏人员3人次劝离；劝导闯红灯12人次。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)
    assert report.to_contract()["activities"] == [{"kind": "劝导", "count": 12, "unit": "人次"}]


def test_new_problems_after_a_recheck_part(unit_a):
    report = one(
        "12月8日凤凰城社区值班情况：\n值班人员：王晓明、李娜。\n"
        "一、复查情况：经复查，11月24日通知物业清理的楼道杂物2处，现已清理。以上问题不计入本次统计。\n"
        "二、新发现问题2类5处：（一）3号楼单元门口非机动车乱停放共4辆，现已规整；（二）小区北门围墙乱涂乱画1处，已转交社区安排粉刷。",
        unit_a,
    )
    assert totals(report) == (5, 4, 1)


def test_broken_glass_and_a_cover_gone_blind(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜：电动车乱停7辆，已全部摆放整齐；人行道上碎玻璃1处，已清扫。路边有个井盖瞎咧，报给城管咧。",
        unit_a,
    )
    assert totals(report) == (9, 8, 1)


def test_a_miscount_owned_before_the_right_count(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。电动车乱停咧十来辆，不对，额数错咧，是十二辆，都给摆齐咧。", unit_a
    )
    assert totals(report) == (12, 12, 0)


def test_an_earlier_problem_knocked_down_since(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜。发现：楼道小广告若干，已清除。另外，楼顶冰溜子上次报的社区已经打掉了，检查没问题。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_a_mark_then_the_count_alone_at_the_lines_end(unit_a):
    report = one(
        "凤凰城社区 11月4日 王晓明 李娜\n1.楼道堆放杂物× 4\n2.楼道小广告✔ 6\n3.垃圾箱旁垃圾✔ 十几\n4.健身器材螺丝松动× 1",
        unit_a,
        at("2026-11-04 12:00"),
    )
    assert totals(report) == (21, 16, 5)


def test_a_count_in_brackets_then_a_picture(unit_a):
    report = one(
        "凤凰城社区今日打卡✅ 王晓明、李娜\n楼道小广告(6)🧽 全部铲掉啦\n电动车乱停(3)🛵 摆整齐了\n"
        "垃圾池旁边建筑垃圾(1)😤 已经跟社区说了\n垃圾桶满溢(2)🗑️ 环卫8点来清走了✅",
        unit_a,
    )
    assert totals(report) == (12, 11, 1)


def test_a_count_said_again_then_put_right_and_dustpans_as_a_measure(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。发现乱吐的槟榔渣和烟头5处，不是5处，是6处，都扫干净了。路上垃圾蛮多，扫了两撮箕。",
        unit_a,
    )
    assert totals(report) == (8, 8, 0)


def test_how_much_a_hazard_matters_and_packing_thrown_away(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。路口发现一处井盖缺失，安全隐患大，当即现场围挡并报区城管；清理路边散落的货物包装物2堆。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)
    assert [f["category"] for f in report.to_contract()["found"]] == ["基础设施", "环境卫生"]


def test_what_was_looked_at_counted_without_le(unit_a):
    report = one(
        "玄帝庙街 王晓明 李娜。共检查沿街雨棚26处、广告招牌31块，发现雨棚松动3处，均已告知业主限期加固；"
        "检查井盖十余个，未见破损；沿线检查护栏8处、座椅全线，均未见异常。",
        unit_a,
    )
    assert totals(report) == (3, 0, 3)


def test_teochew_tidying_and_twenty_odd(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜。有两个阿姆在巷口晒菜脯占了路，同伊讲好势了，收入去了；电动车乱停廿外辆，排好势了。其他无乜问题。",
        unit_a,
    )
    assert totals(report) == (22, 22, 0)


def test_so_many_found_so_many_handled_in_shorthand(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜\n乱停9处理9 小广告12处理12 楼道堆物3处理1 垃圾满溢2处理2 劝导6人次",
        unit_a,
    )
    assert totals(report) == (26, 24, 2)


def test_wrong_and_counted_then_what_was_done(unit_a):
    # No keyword of the unit names the heater; it is wrong (违规), counted, and dealt with.
    report = one(
        "凤凰城社区 王晓明 李娜 开展冬季安全检查：车间内违规使用电暖器1台，当场停用；疏散指示灯不亮4个，下达整改通知。",
        unit_a,
    )
    assert totals(report) == (5, 1, 4)
    # Only found, not wrong of itself: the item before, counted again.
    report = one("凤凰城社区 王晓明 李娜 飞线充电已基本清零，仅发现1处，已拆除。", unit_a)
    assert totals(report) == (1, 1, 0)


def test_a_board_kept_up_to_date_is_no_problem(unit_a):
    report = one(
        "【凤凰城社区网格值班情况】\n值班日期：11月25日（星期三）\n值班人员：王晓明、李娜\n"
        "一、发现问题：无。经检查，社区内消防通道畅通，垃圾分类亭整洁，宣传栏内容更新及时。\n"
        "二、入户宣传15户，发放宣传资料60份。",
        unit_a,
    )
    assert totals(report) == (0, 0, 0)


def test_what_the_wind_did_to_a_thing_is_wrong_of_itself(unit_a):
    # No keyword of the unit names the sign; 被风刮倒 says what is wrong with it (被 alone
    # would only say something happened to it).
    report = one("玄帝庙街 王晓明 李娜 桥下警示牌被风刮倒1块，已扶正固定；", unit_a)
    assert totals(report) == (1, 1, 0)


def test_counted_then_looked_at_and_all_in_order(unit_a):
    report = one(
        "玄帝庙街 今天\n王晓明 李娜\n小广告 一片—撕了\n井盖 12个—查了 都好",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_not_counted_again_after_what_was_done_about_it(unit_a):
    # 已放置警示牌 (警示牌 names a thing) is what was done about the leak, not another thing:
    # 不重复计数 drops the leak.
    report = one(
        "玄帝庙街值班：王晓明、李娜。电动车乱停7辆已摆放整齐；63号楼漏雨处（24日已报）今天仍在滴水，"
        "地面湿滑，已放置警示牌，不重复计数。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        # A name, then 按 and what they were told to do.
        ("昨天晚上，我和赵强按区里安排在玄帝庙街巡了一个钟头，捡了纸屑两袋。", ("赵强",)),
        # A name and those with them, on duty.
        ("刘海燕她们昨天在凤凰城社区值班漏报一条：楼道堆物1处，已清理。", ("刘海燕",)),
        # 跟 someone (with a title) to the site, the writer left out.
        ("今天上午跟陈志远主任去凤凰城社区，把破损的宣传海报换了，共3张。", ("陈志远",)),
        # …but not someone asked to look again tomorrow.
        ("玄帝庙街 王晓明 电动车乱停3辆已摆正。请孙悦她们明天值班时再看一下。", ("王晓明",)),
        # Away in town, or covering the other site, is not on duty here.
        (
            "凤凰城社区 11月25日\n人员：王晓明、李娜、赵强（3人，刘海燕、孙悦顶玄帝庙街去了）\n"
            "• 冻结垃圾（3处）已清理",
            ("王晓明", "李娜", "赵强"),
        ),
        ("凤凰城社区值班：王晓明、李娜，周建国去市里了。楼道堆物2处已清理。", ("王晓明", "李娜")),
    ],
)
def test_people_with_others_and_people_away(unit_a, text, staff):
    assert one(text, unit_a).staff == staff


def test_taken_down_abandoned_and_dead(unit_a):
    report = one(
        "玄帝庙街11月25日：王晓明、李娜。商铺门口乱挂横幅2条，摘了1条，另1条店主说下午自己摘。",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)
    report = one(
        "凤凰城社区：王晓明、李娜。6号楼前有辆废弃自行车，已通知物业处理；东门补种的冬青死了3棵，已报社区。",
        unit_a,
    )
    assert totals(report) == (4, 0, 4)
    assert report.found[0].category == "市容秩序"


def test_a_fix_naming_the_general_word_for_the_vehicles(unit_a):
    report = one(
        "玄帝庙街11月25日值班\n值班人员：王晓明、李娜\n一、巡查发现\n1.人行道电动车、摩托车乱停放12辆；\n"
        "2.市场门口流动摊贩3处；\n3.绿化带内槟榔渣、烟头较多；\n4.路沿石破损2处。\n二、处置结果\n"
        "车辆已全部归位摆放；流动摊贩经劝导已离开；绿化带已清理干净。\n三、遗留问题\n"
        "路沿石破损已报送城管，待修复。",
        unit_a,
    )
    assert totals(report) == (18, 16, 2)


def test_the_place_as_found_and_who_put_a_thing_there(unit_a):
    report = one(
        "玄帝庙街11月25日：王晓明、李娜。台风后第二天，路面基本清干净了，园林所昨天已把倒伏的树运走。"
        "今天发现断枝两三堆，清了。",
        unit_a,
    )
    assert totals(report) == (3, 3, 0)
    report = one(
        "补一个 玄帝庙街 王晓明\n后面椰子壳堆了一堆 好多好多\n问了 是卖椰子的老板堆的\n我们叫他拉走了",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


@pytest.mark.parametrize(
    "text",
    [
        # People praised by name, no duty told.
        "值班今天全部结束，感谢大家起早摸黑！特别表扬王晓明、李娜两位同志，报告又快又清楚。",
        # The rota for the days ahead, each day with its weekday in brackets, after 每周三、周五.
        "各位同事：11月起路长制和网格值班照旧，每周三、周五早上7:30-9:00。\n"
        "11月26日（周四）玄帝庙街：王晓明、李娜、赵强\n11月28日（周六）凤凰城社区：孙悦、周建国\n"
        "过马路注意安全，反光背心都穿上。",
    ],
)
def test_praise_by_name_and_the_rota_ahead_are_no_reports(unit_a, text):
    assert parse_message(text, at("2026-11-25 16:30"), unit_a) == []


def test_where_then_what_then_how_and_an_earlier_one_seen_to_by_others(unit_a):
    report = one(
        "凤凰城社区11月25日值班情况\n值班人员：王晓明、李娜\n\n1.位置：小区南门垃圾池\n问题：垃圾满溢\n"
        "处理：已联系环卫清运\n\n2.位置：6号楼西侧楼道口\n问题：堆放煤块、旧家具\n处理：住户当场搬回家中\n\n"
        "另：20日反映的9号楼楼道窗户玻璃，物业已换好。",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


@pytest.mark.parametrize("heading", ["✔已处理：", "✔已处理"])
def test_items_under_a_done_heading_of_their_own(unit_a, heading):
    report = one(
        f"凤凰城社区 11.25 值班\n人员：王晓明 李娜\n{heading}\n· 8号楼北侧冻在地上的垃圾（3堆）\n"
        "· 单元门口小广告（12处）\n⏳待处理：\n· 小区东门路灯不亮（2盏）——已报社区",
        unit_a,
    )
    assert totals(report) == (17, 15, 2)


def test_an_earlier_one_looked_at_again_and_still_right(unit_a):
    report = one(
        "凤凰城社区 王晓明 李娜\n楼道口堆放的柴草（2处），已挪到院里\n检查：11号楼前建筑垃圾已清，没有反弹。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_a_time_and_a_warning_put_up_are_no_items(unit_a):
    report = one(
        "玄帝庙街 11月25日\n值班：王晓明、李娜\n问题：台阶两侧青苔湿滑 处置：设置提示牌2块 结果：已报市政清洗\n"
        "问题：垃圾桶满溢 处置：通知环卫 结果：环卫8点40清运完毕",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "11月25日值班情况汇总：\n我们组（王晓明、李娜、赵强）在玄帝庙街：电动车乱停放9辆，已摆放整齐。\n"
        "老孙那组（孙悦、周建国、吴婷婷）在凤凰城社区：楼道堆放杂物3处，已通知物业清理。",
        "11月25日两组情况：\n我们组（王晓明、李娜、赵强）玄帝庙街：电动车乱停放9辆，已摆放整齐；\n"
        "老孙那组（孙悦、周建国、吴婷婷）凤凰城社区：楼道堆放杂物3处，已通知物业清理。",
        "今天值班情况：\n我们组：王晓明、李娜、赵强，玄帝庙街，电动车乱停放9辆，已摆放整齐。\n"
        "老孙那组：孙悦、周建国、吴婷婷，凤凰城社区，楼道堆放杂物3处，已通知物业清理。",
    ],
)
def test_each_group_with_its_own_site_and_people(unit_a, text):
    road, grid = parse_message(text, WEDNESDAY, unit_a)
    assert (road.site, road.staff, totals(road)) == (ROAD_A, ("王晓明", "李娜", "赵强"), (9, 9, 0))
    assert (grid.site, grid.staff, totals(grid)) == (
        GRID_A,
        ("孙悦", "周建国", "吴婷婷"),
        (3, 0, 3),
    )


def test_after_a_count_the_next_thing_done_is_its_own(unit_a):
    report = one(
        "今天凤凰城社区开展志愿服务，王晓明、李娜带队，帮社区清理楼道杂物4处、清扫小区内积雪，"
        "发放宣传资料80份。",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)


def test_frozen_together_then_the_count(unit_a):
    report = one(
        "11月25日玄帝庙街值班情况\n值班人员：王晓明 李娜\n1.人行道落叶和初雪冻在一起3处（已处理）\n"
        "2.门市房门前乱堆煤块2处（已处理）",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)


def test_what_an_item_seems_to_be_and_the_places_looked_into(unit_a):
    report = one(
        "玄帝庙街11月25日值班：王晓明、李娜。发现人行道树坑内垃圾2处，已清理；一辆废旧三轮车长期停放在人行道上，"
        "疑似僵尸车，已拍照报交警。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)
    report = one(
        "玄帝庙街 今天下午王晓明、李娜到沿线3处垃圾中转站周边查看冬季扬尘治理情况。发现垃圾桶满溢1个，已督促当场清运完毕。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_the_days_work_told_as_what_it_mostly_was_and_bins_not_full(unit_a):
    report = one(
        "11月25日凤凰城社区网格值班情况：今天主要是入户宣传文明城市创建，走访居民32户，"
        "发放宣传资料64份。顺便把社区门口的标语重新贴好了。人员：王晓明、李娜。",
        with_words(unit_a, "宣传氛围", "文明城市"),
    )
    assert totals(report)[0] == 1
    report = one(
        "今天王晓明、李娜在玄帝庙街值班。商户门口两个促销立牌占道，已挪进店内。一路上垃圾桶都不满，总体比较干净。",
        unit_a,
    )
    assert totals(report) == (2, 2, 0)


def test_sellers_told_by_their_wares_where_they_stood(unit_a):
    report = one(
        "玄帝庙街今天王晓明、李娜值班。有俩卖拐棍的在路口，让他们往里挪了挪，不挡道了。"
        "一个井盖松了，已经打12345了。",
        unit_a,
    )
    assert totals(report) == (3, 2, 1)


def test_what_is_wrong_typed_after_a_space_of_its_own(unit_a):
    report = one(
        "玄帝庙街 今天 王晓明 李娜 值班。一个垃圾桶 坏了 盖子没有。路边 一个宣传牌 倒了，扶起来了。",
        unit_a,
    )
    assert totals(report) == (2, 1, 1)


def test_a_herb_named_by_two_digits_is_no_count(unit_a):
    report = one(
        "玄帝庙街 11月25日\n值班：王晓明 李娜\n三七摊子占道4个 已收回\n垃圾1堆 已扫",
        unit_a,
    )
    assert totals(report) == (5, 5, 0)
    assert report.found[0].text.startswith("三七摊子")


def test_litter_and_slops_by_name(unit_a):
    report = one(
        "玄帝庙街 今天王晓明、李娜值班。又走了一段看到绿化带里扔了五六个啤酒瓶，捡起来丢进垃圾桶。"
        "小区西门外米线店把潲水倒在路边，跟店主说了，店主马上冲洗干净了。",
        unit_a,
    )
    assert totals(report) == (7, 7, 0)


def test_whose_doing_unknown_describes_the_item_before(unit_a):
    report = one(
        "玄帝庙街 今天王晓明、李娜值班。路上有一堆碎玻璃，不知道是谁打碎的酒瓶，我们拿扫帚扫干净了。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


def test_a_line_that_opens_with_its_count_then_the_thing(unit_a):
    report = one(
        "玄帝庙街 今天\n王晓明 李娜 赵强\n4堆 落叶 扫了\n2个 摊摊 劝走了\n1处 护栏 歪了 报城管\n3家 都收回去了",
        unit_a,
    )
    assert totals(report) == (7, 6, 1)
    assert [item.text for item in report.found][:2] == ["落叶", "摊摊"]


@pytest.mark.parametrize(
    "text",
    [
        "谢谢王晓明帮忙协调物业，凤凰城社区那堆装修垃圾下午就拉走了👍",
        "两个组的日报都收到了，辛苦大家！@李娜 流浪狗的事我再跟社区说一声。",
        "表扬一下凤凰城社区王晓明、李娜两位同志，这两周问题发现得细、照片拍得清楚，大家向她们学习！",
        "气象台预报周四有小到中雪，玄帝庙街路面可能结冰，值班同志穿防滑鞋，注意安全。",
    ],
)
def test_the_coordinators_thanks_praise_and_warnings_are_chat(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


def test_a_correction_that_restates_two_numbers(unit_a):
    report = one(
        "凤凰城社区11月25日值班：王晓明、李娜。共清理垃圾5袋，楼道小广告8处，发现6号楼前井盖缺失1个，已报物业。\n\n"
        "刚才核对了一下，垃圾是7袋，小广告是9处，前面写错了。",
        unit_a,
    )
    assert totals(report) == (17, 16, 1)


def test_stalls_in_order_said_without_a_verb_and_sorting_not_in_order(unit_a):
    report = one("玄帝庙街 11.25 夜市巡查 王晓明 李娜：摊位整齐，地面干净，未发现问题。", unit_a)
    assert totals(report) == (0, 0, 0)
    report = one(
        "凤凰城社区 11.25\n人员：王晓明 李娜\n1.垃圾分类投放不规范：4处 [已整改]\n2.楼道小广告：2处 [已整改]",
        unit_a,
    )
    assert totals(report) == (6, 6, 0)


def test_a_tally_of_things_each_with_its_count_and_outcome_in_brackets(unit_a):
    report = one(
        "玄帝庙街 11.25 王晓明 李娜\n"
        "门口占道摆货（3家，已收回）、共享单车（12辆，已摆放）、护栏小广告（2张，已撕）、电动车（4辆，未处理）",
        unit_a,
    )
    assert totals(report) == (21, 17, 4)
    assert [item.text for item in report.found] == [
        "门口占道摆货",
        "共享单车",
        "护栏小广告",
        "电动车",
    ]


def test_a_tally_bracket_that_says_what_is_wrong_with_the_thing(unit_a):
    report = one(
        "凤凰城社区 11.25 王晓明 李娜\n"
        "烟头（一些，已捡）、垃圾池（1个，满溢，已通知环卫）、盲道砖（2块松动，报城管）、"
        "垃圾箱（满溢2个，报环卫）、窨井盖（2个，完好）",
        unit_a,
    )
    assert totals(report) == (6, 1, 5)
    assert [item.text for item in report.found] == [
        "烟头",
        "垃圾池满溢",
        "盲道砖松动",
        "垃圾箱满溢",
    ]


def test_each_part_of_a_template_split_by_site_labels(unit_a):
    reports = parse_message(
        "【路长制、网格化管理工作日报】\n"
        "【基本情况】11月24日，玄帝庙街：王晓明、李娜到岗；凤凰城社区：赵强、孙悦到岗。\n"
        "【存在问题】玄帝庙街：非机动车乱停放12辆，路沿石破损1处。\n凤凰城社区：楼前乱挂晾晒衣物2处。\n"
        "【整改情况】玄帝庙街：非机动车已全部归位，路沿石破损已上报城管局。\n凤凰城社区：晾晒衣物已劝导居民收回。",
        WEDNESDAY,
        unit_a,
    )
    assert [(r.site[:3], r.staff, totals(r)) for r in reports] == [
        ("玄帝庙", ("王晓明", "李娜"), (13, 12, 1)),
        ("市16", ("赵强", "孙悦"), (2, 2, 0)),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "玄帝庙街 今天 王晓明 电动车乱停8辆摆好了，小广告两处铲了。噢不对，电动车是6辆。",
            (8, 8, 0),
        ),
        ("玄帝庙街 今天 王晓明 小广告10处 清了 还有个僵尸车 报社区了 不对 僵尸车是俩", (12, 10, 2)),
    ],
)
def test_a_slip_put_right_by_naming_the_thing_after_a_filler_or_with_a_pair_word(
    unit_a, text, expected
):
    assert totals(one(text, unit_a)) == expected


def test_someone_already_made_to_act_did_it_unless_called_in_to_come(unit_a):
    report = one(
        "凤凰城社区 11.25 王晓明 李娜：两户人家门口的柴火堆到巷道里，已让住户挪进院子；"
        "乱堆纸箱3处，已让店主收进去；垃圾桶满溢1个，已喊环卫来清运；路灯坏了1盏，已经叫物业嚟修。",
        unit_a,
    )
    assert totals(report) == (7, 5, 2)


def test_a_fix_done_to_what_follows_ba_whatever_brought_it(unit_a):
    report = one(
        "凤凰城社区 11.25 王晓明 李娜：5号楼和6号楼中间的空地上堆着一堆装修垃圾，我们找到物业，"
        "物业的人开着三轮车来把垃圾拉走了。",
        unit_a,
    )
    assert totals(report) == (1, 1, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "玄帝庙街 今天 王晓明 李娜：电动车乱停6辆，不对，刚看了照片是8辆，已摆正；落叶两堆，已扫。",
            (10, 10, 0),
        ),
        (
            "玄帝庙街 今天 王晓明：共享单车乱停4辆，已摆放；花盆乱摆2处，已搬回。"
            "刚才说共享单车4辆，应该是7辆，路口还有3辆一起摆的。",
            (9, 9, 0),
        ),
        (
            "玄帝庙街 今天 王晓明\n电动车乱停 10辆 已摆放\n小广告 3处 已清除\n"
            "更正一下，小广告是4处，路灯杆背面有1处刚才漏数了，也撕了",
            (14, 14, 0),
        ),
        # The rest left over is no reason for the new number: it is counted.
        (
            "玄帝庙街 今天 王晓明 小广告撕了十张 不对 是十一张 高处还有两张够不着",
            (13, 11, 2),
        ),
    ],
)
def test_a_recount_with_why_it_changed(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_all_but_the_one_named_when_a_comma_ends_the_exception(unit_a):
    report = one(
        "凤凰城社区 今天 王晓明：一是楼道小广告二十处；二是健身器材损坏一件。"
        "以上问题除健身器材已报社区外，均已当场整改。",
        unit_a,
    )
    assert totals(report) == (21, 20, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 单元门 and 楼道灯 are things, not where the count was made.
        (
            "凤凰城社区 今天 王晓明\n楼道小广告 5处 已处理\n单元门坏了 2个 已上报\n楼道灯坏了 3个 已报物业",
            (10, 5, 5),
        ),
        # 排出来的 says where the water came from; nothing was cleared.
        ("凤凰城社区 今天 王晓明：门口排出来的污水冻了一片，已通知物业处理", (1, 0, 1)),
        # 退回店内 puts right the 出店经营, not the last item named.
        (
            "玄帝庙街 今天 王晓明：出店经营三家、垃圾桶满溢一个；已劝导商户退回店内，垃圾桶已通知环卫。",
            (4, 3, 1),
        ),
    ],
)
def test_things_that_look_like_places_or_outcomes(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The corners are the item, not cleaning in general.
        ("凤凰城社区 今天 王晓明：清理小广告二十余张，清扫卫生死角2处。", (22, 22, 0)),
        # 收摊后 says when the rubbish was carted, not who carted it.
        ("玄帝庙街 今天 王晓明：地面油污两处，已冲洗；收摊后垃圾清运三车。", (5, 5, 0)),
        # Telling people about sorting rubbish is work done, not rubbish found.
        (
            "凤凰城社区 今天 王晓明：楼下电动车摆了十来辆；最后去两户老人家里宣传了垃圾分类。",
            (10, 10, 0),
        ),
    ],
)
def test_work_and_times_that_name_a_problem_word(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_after_the_stalls_close_is_a_time_not_a_fix(unit_a):
    unit = with_words(with_words(unit_a, "市容秩序", "夜市摊点", "遮阳棚"), "环境卫生", "泡沫箱")
    report = one(
        "玄帝庙街 今天 王晓明\n【发现问题】1.夜市摊点收摊后遗留泡沫箱、纸箱一排；2.商铺遮阳棚乱搭2处；"
        "3.人行道地砖松动约10块\n【整改情况】泡沫箱纸箱已清运；遮阳棚商户已自行拆除；地砖松动已上报市政处理。",
        unit,
    )
    assert totals(report) == (13, 3, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Told under 居民反映：, then seen under 现场查看：: counted once, as seen.
        (
            "凤凰城社区 今天 王晓明 李娜：走访3栋、4栋12户。居民反映：3栋单元门门禁坏了，外人随便进；"
            "4栋楼下有人长期占用消防通道晒被子。现场查看：3栋门禁确实坏了，已交物业报修；"
            "4栋消防通道上晒被子的架子1个，已劝住户搬走。",
            (2, 1, 1),
        ),
        # Told and only passed on: not a problem the team found.
        (
            "凤凰城社区 今天 王晓明\n楼道：小广告×5→已清除\n居民反映：有人从楼上往下扔垃圾→已转社区",
            (5, 5, 0),
        ),
        # Told, and seen in the same breath: counted.
        (
            "凤凰城社区 今天 王晓明：居民反映的问题：1、6号楼楼道灯不亮，上楼看了确实不亮，已转社区报修；"
            "2、院内有住户在绿化带种菜，现场看了确实种了一小片，已报社区。",
            (2, 0, 2),
        ),
    ],
)
def test_what_residents_told_counts_once_seen(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_the_duty_done_after_an_item_handed_on_leaves_it_open(unit_a):
    report = one(
        "玄帝庙街 今天 王晓明 李娜，电瓶车乱停的有五六辆，推整齐了，路口有一块地砖碎了，"
        "拍了照片报上去了，其他莫得啥子，搞归一了。",
        unit_a,
    )
    assert totals(report) == (7, 6, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "凤凰城社区 今天 王晓明 李娜 检查情况\n① 垃圾池：有问题，满溢1处，环卫车当场清运\n"
            "② 健身器材：正常\n③ 流浪狗：正常，没见到\n④ 消防通道：有问题，私家车占用2辆，挪走1辆，另1辆联系不上",
            (3, 2, 1),
        ),
        (
            "玄帝庙街 今天 王晓明\n盲道——有问题：电动车压盲道4辆，已挪开\n小广告——正常\n"
            "□ 垃圾收集点：正常\n□ 商铺：有问题，门口污水结冰1处，店主已铲除",
            (5, 5, 0),
        ),
    ],
)
def test_a_checklist_of_things_all_right_or_with_a_problem(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Why the work is hard is no problem of the day.
        (
            "凤凰城社区 今天 王晓明 李娜：坡道护栏松动2处，已上报社区维修。\n"
            "存在困难：部分老旧楼栋无物业，小广告清理后几天又贴上，清运车辆进不去。",
            (2, 0, 2),
        ),
        # 收回桌凳 puts right the 出店经营 above.
        (
            "玄帝庙街 今天 王晓明：米粉店出店经营2家，劝说后收回桌凳；店门口地面油污一处，待店家清洗。",
            (3, 2, 1),
        ),
        # Told, and not seen by the team.
        (
            "凤凰城社区 今天 王晓明：五金店门口堆了三捆钢管，店主说是刚到的货，当着我们的面搬进去了。"
            "有个老奶奶拉住我们说楼上住户天天往下扔烟头，这个我们没看到，跟网格员说了。",
            (3, 3, 0),
        ),
    ],
)
def test_difficulties_tables_put_back_and_what_was_not_seen(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The buyers' bikes are the problem; nothing bought by the team.
        (
            "玄帝庙街 今天 王晓明：馕坊门口买馕的人把电动车停在盲道上五六辆，劝导以后都挪走了。",
            (6, 6, 0),
        ),
        # Cleared by the community days ago: no problem of today.
        (
            "凤凰城社区 今天 王晓明：巷道积雪社区前两天已经清完，今天发现楼门口乱堆杂物三四处，已督促居民清走。",
            (4, 4, 0),
        ),
    ],
)
def test_buyers_bikes_and_snow_cleared_days_ago(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "玄帝庙街 今天 王晓明 李娜到岗，人行道电动车乱停12辆已摆放整齐、绿化带烟头纸屑若干已捡拾、"
            "公交站台小广告3张已铲除、盲道砖松动2块已拍照报城管，劝导闯红灯行人6人次。",
            (18, 16, 2),
        ),
        # The outcome first, its things after it: one item.
        (
            "凤凰城社区 今天 王晓明：已规整共享单车、电动车共15辆；已清理绿化带、树池垃圾4袋。",
            (19, 19, 0),
        ),
    ],
)
def test_items_each_with_its_outcome_listed_with_a_pause_mark(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Firecrackers let off are what people did wrong; 2名 counts them.
        ("凤凰城社区 今天 王晓明：另外有2名小孩在小区里放鞭炮，劝阻了。", (2, 2, 0)),
        # 一个都没有: none of them.
        ("凤凰城社区 今天 王晓明：小广告就仨，已撕；垃圾桶满溢的一个都没有。", (3, 3, 0)),
        # 看到 before the thing says it was seen, not where it was put.
        ("玄帝庙街 今天 王晓明：地面干净，就看到流动摊贩1个，劝离了。", (1, 1, 0)),
    ],
)
def test_firecrackers_not_one_and_what_was_seen(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An outcome naming another open item is that item's, not the one just fixed.
        (
            "玄帝庙街 今天 王晓明：发现人行道上沙土2处，商户门口乱放煤炭1处。沙土已清扫，煤炭已由商户搬回店内。",
            (3, 3, 0),
        ),
        # A rough count, then the exact one.
        (
            "玄帝庙街 今天 王晓明：店门口乱停的三轮车，大概七八辆，数了一下是9辆，已经让车主挪走了。",
            (9, 9, 0),
        ),
    ],
)
def test_an_outcome_for_the_item_it_names_and_a_count_made_exact(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An earlier duty's problem mended by others since is not today's.
        (
            "玄帝庙街 今天 王晓明、李娜：电动车乱停2辆摆好了。上次报的莲花池桥头护栏已经补上了。",
            (2, 2, 0),
        ),
        (
            "凤凰城社区 王晓明 赵强 楼道小广告3处 已撕 另 上周报的井盖已修好",
            (3, 3, 0),
        ),
        (
            "凤凰城社区今天王晓明、孙悦。上回那个8号楼井盖子 物业给整利索了，小区里没啥问题。",
            (0, 0, 0),
        ),
        # …still open, and said so without 不计: carried over all the same.
        ("玄帝庙街 今天 王晓明：井盖上次报的 还没修；小广告3处已铲。", (3, 3, 0)),
        # …but looked at today and still there, it is counted (a run-on's own item stays too).
        (
            "凤凰城社区 今天 王晓明：上个月报的6号楼前井盖松动，今天看还在，社区说已安排维修；楼道小广告10余处，已清理。",
            (11, 10, 1),
        ),
        # Seen again today, or put right by the team today: today's.
        ("玄帝庙街 今天 王晓明：上周的流动摊贩今天又来了，已劝离。", (1, 1, 0)),
        (
            "凤凰城社区 今天 王晓明：社区网格员上周反映的11幢楼道堆物，今天我们和住户一起清掉了，共3处。",
            (3, 3, 0),
        ),
        (
            "玄帝庙街 今天 王晓明：督查组上周指出的廊柱牛皮癣5处，今日全部铲除。",
            (5, 5, 0),
        ),
        # 前阵子居民反映的…, named by who told it, mended by others since.
        (
            "凤凰城社区 今天 王晓明：1.小广告2处，已清除；2.前阵子居民反映的楼下路灯不亮，社区回复已修好，今天看了正常。",
            (2, 2, 0),
        ),
        # A problem of two days ago told late is no earlier report.
        (
            "凤凰城社区 王晓明：前天发现5栋楼道灯坏了一盏，忘记报了，已告知物业。",
            (1, 0, 1),
        ),
    ],
)
def test_a_problem_told_on_an_earlier_duty_is_not_todays(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_an_earlier_one_named_after_another_items_outcome_in_a_run_on(unit_a):
    # The 摊贩 told before 路灯上次报的 in one breath are today's, whatever the 路灯 is.
    text = "玄帝庙街 今天 王晓明 李娜 共享单车摆了九辆 流动摊贩三个劝回去了路灯上次报的还没修"
    assert totals(one(text, unit_a))[0] == 12


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Livestock is counted by 头.
        (
            "玄帝庙街 今天 王晓明：散放牛4头，赶走3头，1头赶不动，已联系村委会找牛主。",
            (4, 3, 1),
        ),
        ("凤凰城社区 今天 王晓明：巷口散放黄牛两头，找到主人牵回去了。", (2, 2, 0)),
        # 两头跑 is the team at both ends, no count.
        ("凤凰城社区 今天 王晓明、李娜两头跑，小广告3处，已清理。", (3, 3, 0)),
        # 劝导 十来个人 on a tally line: people urged, not the count of the line above.
        ("玄帝庙街 11.6\n王晓明 李娜\n地上烟头 若干 扫了\n劝导 十来个人", (1, 1, 0)),
    ],
)
def test_livestock_by_the_head_and_people_urged_on_a_tally_line(unit_a, text, expected):
    unit_a = with_words(unit_a, "其他", "散放牛", "散放黄牛")
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 一是清理…。 heads a part of the work; the sentences after it tell the items.
        (
            "11月2日，王晓明、李娜到玄帝庙街值班。一是清理人行道垃圾。受大风影响，人行道垃圾较多，共清扫垃圾12处；"
            "二是规范停放秩序。将乱停的共享单车18辆摆放整齐。",
            (30, 30, 0),
        ),
        (
            "玄帝庙街 今天 王晓明、李娜。一是整治停车秩序。共享单车乱停20余辆，已全部摆放整齐；"
            "二是清理环境卫生。捡拾塑料袋等垃圾3袋。",
            (23, 23, 0),
        ),
    ],
)
def test_a_heading_of_a_part_of_the_work_is_no_item(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_how_far_an_item_takes_up_the_pavement_is_no_item(unit_a):
    unit_a = with_words(unit_a, "市容秩序", "晒鱼干")
    text = "玄帝庙街 今天 王晓明：码头口晒鱼干4户，占道约30米，劝收3户；小广告2处，已清除。"
    assert totals(one(text, unit_a)) == (6, 5, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Handed to whoever runs the place: passed on, not handled.
        (
            "玄帝庙街 今天 王晓明：出店经营5家，已交市场服务中心处理；共享单车乱停4辆，已摆放整齐。",
            (9, 4, 5),
        ),
        ("玄帝庙街 今天 王晓明：占道经营2家，已交执法中队处理。", (2, 0, 2)),
        # The rest of a count starts a clause of its own, without a comma too.
        (
            "玄帝庙街 今天 王晓明：占道卖菜摊点3个已劝离2个另1个已交市场管理处。",
            (3, 2, 1),
        ),
    ],
)
def test_handed_to_whoever_runs_it_and_the_rest_of_a_count(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_a_recheck_part_of_its_own_holds_earlier_problems(unit_a):
    text = (
        "凤凰城社区 今天\n到岗：王晓明 李娜\n上次的问题复查：\n✓ 3号楼井盖 已换新\n✓ 巷口垃圾桶 已换\n"
        "今天发现：\n1. 小广告 5张 ✓\n2. 楼道杂物 2处 ✗已告知社区"
    )
    assert totals(one(text, unit_a)) == (7, 5, 2)


def test_how_many_kinds_before_the_count_is_no_item(unit_a):
    text = (
        "玄帝庙街 今天 王晓明、李娜\n（二）发现问题：共3类24处。其中共享单车乱停18辆，小广告5处，垃圾桶满溢1个。\n"
        "（三）整改情况：均已当场处置。"
    )
    assert totals(one(text, unit_a)) == (24, 24, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Parked within the lines is things in order.
        (
            "玄帝庙街 今天 王晓明：重点查了早市段，共享单车都停在划线区内，没有占道。其它：路口小广告1处，已铲除。",
            (1, 1, 0),
        ),
        # …and only the exception after it is an item, of the thing named.
        (
            "玄帝庙街 今天 王晓明：医院门口共享单车基本停在划线内，有4辆歪的，保安帮忙摆正了。",
            (4, 4, 0),
        ),
        (
            "玄帝庙街 今天 王晓明：共享单车基本都停在划线区内，只有新二街口有6辆没按线停，已重新摆放。",
            (6, 6, 0),
        ),
    ],
)
def test_parked_within_the_lines_is_in_order(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The count first said, then counted again later: the later count.
        (
            "凤凰城社区今天值班：王晓明、李娜。楼道小广告原来说8处，后来李娜又上楼数了一遍是11处，都铲掉了。",
            (11, 11, 0),
        ),
        (
            "凤凰城社区 今天 王晓明\n共享单车乱停：原来说12辆，后来数了是14辆，都推到车棚了",
            (14, 14, 0),
        ),
        (
            "凤凰城社区 今天 王晓明：共享单车乱停原来说十五辆左右，后来李娜从东门数到西门是19辆，全部摆好。",
            (19, 19, 0),
        ),
    ],
)
def test_a_count_said_first_then_counted_again_later(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The vehicle as a heading, then what is wrong with it: one item.
        (
            "玄帝庙街 今天 王晓明\n旅游大巴：东门外辅道违停4辆，保安引导进停车场3辆，1辆司机不在\n小广告：3处，已清除",
            (7, 6, 1),
        ),
        # 临时停靠 is what is wrong with it.
        (
            "玄帝庙街 今天 王晓明：南营子大街口，旅游大巴临时停靠上下客，2辆，已引导至停车场。",
            (2, 2, 0),
        ),
    ],
)
def test_a_vehicle_is_a_thing_until_told_what_is_wrong(unit_a, text, expected):
    unit_a = with_words(unit_a, "市容秩序", "大巴", "旅游大巴")
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    "fix_heading",
    ["二、整改情况共计4处。", "二、整改情况共4处：", "整改情况4处\n", "二、处理情况合计4处。"],
)
def test_a_fix_heading_with_its_count_fixes_the_items_above(unit_a, fix_heading):
    text = (
        "玄帝庙街今天值班：王晓明、李娜。\n一、发现问题共计5处。1、小吃店门口货架出店经营3处；2、井盖松动1处；3、小广告1处。\n"
        + fix_heading
        + "出店经营3处已劝导店主收回，小广告1处已铲除。井盖松动已报市政，待修复。"
    )
    assert totals(one(text, unit_a)) == (5, 4, 1)


@pytest.mark.parametrize(
    "rough",
    ["毛估估有七八堆", "目测有七八堆", "粗略估计七八堆", "估摸着有七八堆"],
)
def test_a_rough_count_in_the_writers_own_words_counts_the_item_before(unit_a, rough):
    text = f"凤凰城社区今天值班：王晓明、李娜。3号楼后头包装纸箱堆了交关，{rough}。喊了保洁，十点前拖走了。"
    assert totals(one(text, unit_a))[0] == 8


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count, then the next thing and what was done with it: two items.
        ("凤凰城社区今天值班王晓明李娜电动车乱停的摆了大概二十辆落叶扫了八袋", (28, 28, 0)),
        ("凤凰城社区今天值班 电动车乱停摆了十几辆小广告撕了五张", (15, 15, 0)),
    ],
)
def test_a_run_on_count_closes_its_item_before_the_next_thing_done(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A count put right with no pause: the right count, and no item made of the words.
        ("凤凰城社区今天值班快递柜那边纸箱子乱堆我们收拾了七堆不对是九堆", (9, 9, 0)),
        (
            "凤凰城社区今天值班：楼道小广告清了六处哦不对是九处，有三个不对是四个井盖松动",
            (13, 9, 4),
        ),
    ],
)
def test_a_count_put_right_with_no_pause(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_what_the_round_cleared_is_no_count_of_things_looked_at(unit_a):
    text = "今天凤凰城社区巡查的楼道小广告清了九处。"
    assert totals(one(text, unit_a)) == (9, 9, 0)


@pytest.mark.parametrize(
    "put_out",
    ["17号摊秤盘放到过道上", "水产店的盆放在人行道上", "摆秤的桌子伸到过道", "货架摆在通道上"],
)
def test_goods_put_where_people_walk_are_a_problem_whatever_they_are(unit_a, put_out):
    report = one(f"凤凰城社区今天值班：王晓明。{put_out}，已让摊主收回。", unit_a)
    assert totals(report) == (1, 1, 0)
    assert report.found[0].category == "市容秩序"


def test_a_tick_after_a_request_keeps_the_problem_pending(unit_a):
    # The tick says the line is dealt with; the words say how (told, reported: not fixed).
    text = (
        "凤凰城社区 今日巡查\n人员：王晓明、李娜\n"
        "1.3号楼楼道堆放杂物2处 已通知业主✓\n2.5号楼门口路灯不亮 已报修✓\n"
        "3.健身器材螺丝松动1处 已跟物业说✓\n4.垃圾桶满溢 喊保洁清了✓\n5.电动车乱停4辆 已摆放✓"
    )
    assert totals(one(text, unit_a)) == (9, 5, 4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 包 counts what is piled or dumped, like 袋.
        ("玄帝庙街今天值班：王晓明。批发部门口布匹堆了有五六包，已让老板搬回店里。", (6, 6, 0)),
        ("凤凰城社区今天值班：王晓明。3号楼门口装修垃圾十几包，已通知物业清运。", (10, 0, 10)),
        # …but 门前三包 is the shops' frontage pledge, no count.
        ("玄帝庙街今天值班：王晓明。宣传门前三包责任制，店外经营2家已劝回。", (2, 2, 0)),
    ],
)
def test_bags_are_counted_but_not_the_frontage_pledge(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The thing said again to give its count: the item's count, not a second item.
        (
            "玄帝庙街今天值班：王晓明。批发部把货物堆在门外面，货物堆了有五六箱，已让老板搬回店里。",
            (6, 6, 0),
        ),
        # 一辆接一辆 is many, uncounted; the count follows.
        (
            "玄帝庙街今天值班：王晓明。三轮车一辆接一辆的把非机动车道堵了，三轮车有十来辆，都靠边排好了。",
            (10, 10, 0),
        ),
    ],
)
def test_the_thing_said_again_gives_the_item_its_count(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    "promise", ["老板说周四前叫收废品的拉走", "店主说月底前清走", "答应礼拜五前搬回去"]
)
def test_a_deadline_still_to_come_is_no_fix(unit_a, promise):
    text = f"玄帝庙街今天值班：王晓明。鑫达五金门口杂物乱堆3处，{promise}。"
    assert totals(one(text, unit_a)) == (3, 0, 3)


def test_nobody_doing_wrong_is_no_problem(unit_a):
    text = "凤凰城社区今天值班：王晓明。楼道杂物乱堆5处，已督促住户整理好。有居民说最近干净多了，晚上也没人乱倒垃圾了。"
    assert totals(one(text, unit_a)) == (5, 5, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # How the item just named smells is no second problem, and its outcome is the item's.
        ("凤凰城社区今天值班：王晓明。路边死鱼烂虾一堆，臭味很重，叫环卫车来拉走了。", (1, 1, 0)),
        # A survey's subject is no litter found.
        (
            "凤凰城社区今天值班：王晓明。配合社区开展垃圾分类问卷调查，完成问卷30份，楼道烟头捡了2袋。",
            (2, 2, 0),
        ),
    ],
)
def test_what_describes_the_work_or_the_item_is_no_problem(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_a_round_told_in_plain_words_is_a_report_without_a_site(unit_a):
    text = "今天江堤那边走了一趟，跳广场舞的音响开得比较响，跟她们说了小一点，江堤台阶上有碎玻璃一小堆已经扫掉了"
    report = one(text, unit_a)
    assert report.site is None
    assert totals(report) == (1, 1, 0)


def test_two_named_people_moving_on_start_the_other_sites_part(unit_a):
    text = (
        "11月18日网格和路段情况：\n上午凤凰城社区（王晓明、李娜、赵强）：小区东门共享单车乱停12辆，已整理。\n"
        "下午李娜、王晓明两人顺路去玄帝庙街看了一下，地面瓜子壳、竹签若干，随手捡了。"
    )
    reports = parse_message(text, WEDNESDAY, unit_a)
    assert [(r.site[:4], r.found_total, r.resolved_total) for r in reports] == [
        ("市16网", 12, 12),
        ("玄帝庙街", 1, 1),
    ]


@pytest.mark.parametrize(
    ("correction", "expected"),
    [
        ("补充：小广告应为4处，刚才漏写一处（也已清理）。", (5, 4, 1)),
        ("小广告应为4处，刚才漏写一处。", (5, 4, 1)),
    ],
)
def test_a_named_item_should_have_had_another_count(unit_a, correction, expected):
    text = (
        "凤凰城社区值班\n发现问题：\n（1）楼道小广告3处\n（2）井盖松动1处\n"
        "处理情况：小广告已全部清理完；井盖已报市政。\n" + correction
    )
    assert totals(one(text, unit_a)) == expected


def test_a_count_said_in_the_things_own_measure(unit_a):
    unit_a = with_words(unit_a, "市容秩序", "竹匾")
    text = "凤凰城社区今天值班：王晓明。晒香菇的竹匾摆到路面上十几匾，户主已收回院坝。"
    assert totals(one(text, unit_a)) == (10, 10, 0)


@pytest.mark.parametrize(
    "text",
    [
        "下午又去凤凰城社区看了一下上次报的路灯社区已经找人修好了3号楼下面又有人扔了两袋垃圾捡掉了",
        "凤凰城社区：上次报的路灯社区已经找人修好了，3号楼下面又有人扔了两袋垃圾，捡掉了。",
    ],
)
def test_an_earlier_problem_put_right_does_not_hide_todays_after_it(unit_a, text):
    # The sentence goes on past the earlier item: today's are read, the earlier one is not.
    assert totals(one(text, unit_a)) == (2, 2, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "玄帝庙街：今天游客少。三家店都没摆出来，表扬一下。"
            "水果店门口纸箱堆了两三堆，说下午拉走。地上烟头一些，捡了。",
            (4, 1, 3),
        ),
        (
            "玄帝庙街巡查：1）垃圾桶满了，跟环卫说了；旁边外卖盒七八个，捡了。"
            "2）有个阿姨遛狗，狗拉了屎，她自己捡走了，点赞👍",
            (10, 9, 1),
        ),
    ],
)
def test_a_passer_by_praised_inside_a_report_keeps_the_report(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "玄帝庙街今天表现不错，电动车摆放整齐，给大家点赞",
        "表扬一下王晓明同志！他昨天下午自己跑去凤凰城社区，把楼梯间那个旧沙发搬走了。",
        "12月值班小结：玄帝庙街共发现问题156个，整改141个。感谢大家一年来的辛苦付出！",
    ],
)
def test_praise_for_the_team_is_still_chat(unit_a, text):
    assert parse_message(text, WEDNESDAY, unit_a) == []


@pytest.mark.parametrize(
    ("text", "expected"), [("已巡，无异常", (0, 0, 0)), ("已巡，发现3处已处理", (3, 3, 0))]
)
def test_the_round_done_told_in_two_characters(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("玄帝庙街：路口往东50米一段人行道上电动车乱停11辆，都整理了。", (11, 11, 0)),
        ("玄帝庙街：有一段栏杆三四根松掉了，回来报给城管了。", (4, 0, 4)),
        ("玄帝庙街：10栋后面围墙有一段开裂，已上报街道。", (1, 0, 1)),
    ],
)
def test_a_stretch_before_the_count_is_where_things_are(unit_a, text, expected):
    assert totals(one(text, unit_a)) == expected


def test_the_photos_field_of_a_grid_form_is_no_count(unit_a):
    text = (
        "【网格通·巡查记录】\n网格名称：凤凰城社区\n巡查人员：王晓明、李娜\n"
        "问题描述：2幢楼道小广告共16张；3幢前绿地烟头若干\n处置情况：已全部清理\n处置前后照片：4张"
    )
    assert totals(one(text, unit_a)) == (17, 17, 0)


def test_who_counted_before_the_rough_count(unit_a):
    text = (
        "凤凰城社区：楼道里头小广告是贴得蛮多的，我们数了数大概有十几张，"
        "还有3幢后面角落头有一堆建筑垃圾，小广告我们当场都撕掉了。"
    )
    assert totals(one(text, unit_a)) == (11, 10, 1)


def test_what_was_put_out_comes_after_the_verb(unit_a):
    text = "玄帝庙街：两家店门口放了广告牌占道，已让店家挪进去了。"
    assert totals(one(text, unit_a)) == (2, 2, 0)


@pytest.mark.parametrize("fine", ["→检查正常", "，检查正常", "，完好"])
def test_things_looked_at_and_in_order_are_no_problem(unit_a, fine):
    text = (
        f"凤凰城社区 下午巡查\n📍10幢楼道 小广告8处→清理\n📍中心花园 健身器材6件{fine}\n"
        "人员：王晓明 李娜"
    )
    assert totals(one(text, unit_a)) == (8, 8, 0)


@pytest.mark.parametrize("seen", ["我们去看了是2根", "我们去看了有2根"])
def test_what_residents_told_seen_and_counted(unit_a, seen):
    text = f"凤凰城社区入户：3号楼张阿姨说楼下晾衣杆搭到人行道上了，{seen}，帮她挪到院子里了。"
    assert totals(one(text, unit_a)) == (2, 2, 0)


def test_a_fix_part_names_the_damage_in_other_words(unit_a):
    text = (
        "玄帝庙街值班\n一、发现问题\n（一）路口流动摊贩2个；\n（二）北门公益广告牌被撕破1块；\n"
        "二、整改情况\n流动摊贩经劝导已离开；广告牌破损已报创建办，待更换。"
    )
    assert totals(one(text, unit_a)) == (3, 2, 1)


@pytest.mark.parametrize(
    "said",
    ["电动车乱停 十二辆 哦不是 十一辆 都摆好了", "电动车乱停十二辆，哦不是，十一辆，都摆好了"],
)
def test_a_count_put_right_after_a_filler_and_bu_shi(unit_a, said):
    assert totals(one(f"玄帝庙街 {said}", unit_a)) == (11, 11, 0)


def test_by_how_much_it_changed_is_no_count(unit_a):
    text = "凤凰城社区 王晓明 李娜\n电动车乱停比上次少了4辆，还剩6辆，已摆好\n小广告比上次多了2处，一共5处，已铲"
    assert totals(one(text, unit_a)) == (11, 11, 0)


def test_one_helping_at_the_other_site_is_not_on_this_duty(unit_a):
    text = "凤凰城社区：王晓明、李娜、赵强（孙悦去路段支援）。北门共享单车倾倒9辆，已扶正摆放。"
    assert one(text, unit_a).staff == ("王晓明", "李娜", "赵强")


def test_rolls_are_counted(unit_a):
    unit_a = with_words(unit_a, "市容秩序", "皮革卷")
    text = "玄帝庙街 王晓明 李娜\n问题\t数量\t处理\n店外堆放皮革卷\t5卷\t已搬回店内\n电动车乱停\t7辆\t已摆放"
    assert totals(one(text, unit_a)) == (12, 12, 0)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("门店门口堆放建筑材料，占用人行道，已联系店主，答应下午清走", (1, 0, 1)),
        ("东门外电动车乱停放二十余辆，堵塞消防通道，已整改", (20, 20, 0)),
    ],
)
def test_standing_in_the_way_tells_of_the_thing_before(unit_a, said, counts):
    assert totals(one(f"玄帝庙街 王晓明 李娜 {said}", unit_a)) == counts


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("2家鞋店门口各摆纸箱3个，已叫店员收进去", (6, 6, 0)),
        ("水泵出店摆放2家，各3台，已搬回；电动车乱停约15辆，已摆齐", (21, 21, 0)),
        ("水泵店门口水泵摆出来蛮多，三家门口各摆了四五台，都搬进去了", (15, 15, 0)),
    ],
)
def test_so_many_at_each_shop(unit_a, said, counts):
    unit_a = with_words(unit_a, "市容秩序", "水泵")
    assert totals(one(f"玄帝庙街 王晓明 李娜 {said}", unit_a)) == counts


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("7号、9号 门口各停了两辆电瓶车，推到巷口停车点了", (4, 4, 0)),
        ("10号 12号 花盆摆到路中间，各四个，帮他们往墙根挪了", (8, 8, 0)),
        ("23号 25号 27号 门口各放了一只泡沫箱，占道，挪进去了", (3, 3, 0)),
    ],
)
def test_so_many_at_each_house_named(unit_a, said, counts):
    unit_a = with_words(unit_a, "市容秩序", "泡沫箱")
    text = f"凤凰城社区 王晓明 李娜\n1号 好的\n{said}\n29号 好的"
    assert totals(one(text, unit_a)) == counts


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("上午反映的路沿石缺损已由住建局修复；门口新发现麻袋占道1处，已收回。", (1, 1, 0)),
        ("12幢那边的杂物上次催了，今天去看已经清掉了。楼道小广告3张，已撕。", (3, 3, 0)),
        (
            "上回报的车棚飞线充电，去看了一下，已经拆掉了，没有了。电动车乱停4辆，已摆好。",
            (4, 4, 0),
        ),
        # (seen again today, and the team's own doing: still counted.)
        ("楼道飞线充电同上次还是有，5处，这回拆掉了4处。", (5, 4, 1)),
    ],
)
def test_an_earlier_one_seen_to_since_is_not_counted(unit_a, said, counts):
    assert totals(one(f"凤凰城社区 王晓明 李娜\n{said}", unit_a)) == counts


def test_the_site_named_in_an_earlier_one_seen_to_stays(unit_a):
    text = (
        "今天下午回访凤凰城社区7号楼门口的冰面（昨天报过的，不重复计），物业已经铲掉了。"
        "另外楼道小广告3张，李娜顺手撕掉了。"
    )
    report = one(text, unit_a)
    assert report.site == "市16网格（南苑街道凤凰城社区）" and totals(report) == (3, 3, 0)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("1单元 好\n3单元 扶手物业已经修好\n4单元 楼道小广告3张，撕了\n5单元 正常", (3, 3, 0)),
        ("北门：路灯已修好，正常\n南门：楼道小广告3张，已撕", (3, 3, 0)),
        ("5号楼雨棚物业已经加固好了。楼道小广告3张，已撕。", (3, 3, 0)),
        (
            "有五六辆电动车停在人行道中间已经全部推到停车区，路口那个松了的路沿石城管已经修好了。",
            (6, 6, 0),
        ),
        # (seen to on the duty, after the item: still the item's outcome.)
        ("垃圾桶满溢2个，保洁已清走。", (2, 2, 0)),
        ("- 电动车乱停 9辆 ✔\n- 垃圾桶满了 ✔ 保洁清了", (10, 10, 0)),
    ],
)
def test_an_earlier_one_another_body_has_seen_to(unit_a, said, counts):
    assert totals(one(f"凤凰城社区 王晓明 李娜\n{said}", unit_a)) == counts


def test_found_and_fixed_as_a_pair_per_kind(unit_a):
    text = (
        "凤凰城社区 王晓明 李娜\n楼道小广告 发现5处整改5处\n乱堆杂物 发现3处整改2处\n"
        "垃圾桶满溢 发现2处整改0处，已通知物业"
    )
    assert totals(one(text, unit_a)) == (10, 7, 3)


def test_a_sites_found_and_fixed_pair_is_its_tally(unit_a):
    assert totals(one("凤凰城社区 发现5处 整改4处", unit_a)) == (5, 4, 1)


def test_lines_that_begin_with_their_count(unit_a):
    text = "凤凰城社区 王晓明 李娜\n5 电动车 已摆\n2 小广告 撕了\n1 井盖松 报社区\n3 袋垃圾 清了"
    assert totals(one(text, unit_a)) == (11, 10, 1)


def test_lines_numbered_in_order_are_rows_not_counts(unit_a):
    text = (
        "凤凰城社区 王晓明 李娜\n1 楼道杂物乱堆3处 已清\n2 墙面小广告多处 已铲\n3 井盖松动 已报社区"
    )
    assert totals(one(text, unit_a)) == (5, 4, 1)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("有俩小孩爬护栏，家长领走了。", (2, 2, 0)),
        ("2个游客翻到护栏外拍照，喊回来了。", (2, 2, 0)),
        ("永丰桥下有2名老人在河边洗拖把，已劝阻。", (2, 2, 0)),
        ("有俩小孩往河里扔石头，叫住了。", (2, 2, 0)),
        ("河边有人放孔明灯，劝阻了。", (1, 1, 0)),
    ],
)
def test_what_people_do_wrong_at_the_water_and_the_rails(unit_a, said, counts):
    report = one(f"玄帝庙街 王晓明 李娜。{said}", unit_a)
    assert totals(report) == counts
    assert {item.category for item in report.found} == {"文明行为"}


@pytest.mark.parametrize(
    "said",
    [
        "劝导乱停电动车车主12人次，路面没发现其他问题。",
        "路面未发现其他问题。",
        "今天下午配合凤凰城社区开展垃圾分类督导，和社区志愿者一起志愿服务6人次，入户宣传40户。",
    ],
)
def test_nothing_else_found_and_sorting_work_are_no_problems(unit_a, said):
    assert totals(one(f"凤凰城社区：王晓明、李娜。{said}", unit_a)) == (0, 0, 0)


def test_a_heading_naming_sorting_work_is_no_problem(unit_a):
    text = (
        "11月25日周三 凤凰城社区垃圾分类督导\n值班人员：王晓明、李娜\n7幢垃圾桶破损1个，已报社区。"
    )
    assert totals(one(text, unit_a)) == (1, 0, 1)


def test_rubbish_sorted_wrong_is_sanitation(unit_a):
    report = one("凤凰城社区：王晓明、李娜。发现混投的垃圾桶4个，已现场分拣。", unit_a)
    assert totals(report) == (4, 4, 0)
    assert [item.category for item in report.found] == ["环境卫生"]


def test_an_earlier_one_fixed_since_after_a_space_leaves_the_days_items(unit_a):
    text = "玄帝庙街 今天 王晓明 李娜 电动车 8 辆 整好 前天报的护栏修好啦👍 别的没啥"
    report = one(text, unit_a)
    assert report.staff == ("王晓明", "李娜")
    assert totals(report) == (8, 8, 0)


@pytest.mark.parametrize(
    "said",
    [
        "王晓明，没问题也请写一下巡查了哪些地方，区里检查台账要看的，谢谢。",
        "收到张主任。窨井盖缺失那处请李娜跟踪一下，修好之前每天去看一眼，注意安全。",
    ],
)
def test_a_request_to_one_of_the_team_is_no_report(unit_a, said):
    assert parse_message(said, WEDNESDAY, unit_a) == []


def test_until_it_is_mended_is_not_mended():
    assert read_status("修好之前每天去看一眼").state is None
    assert read_status("清走以前先围起来").state is None
    assert read_status("已修好").state == "fixed"


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("电瓶车两排大概三十辆，已全部摆放整齐。", (30, 30, 0)),
        ("电动车乱停两排约16辆，已摆放。", (16, 16, 0)),
        ("门口两排三轮车，已劝离。", (2, 2, 0)),
    ],
)
def test_rows_then_how_many_count_the_things(unit_a, said, counts):
    assert totals(one(f"玄帝庙街 王晓明 李娜。{said}", unit_a)) == counts


def test_what_was_left_from_yesterday_gone_since_is_not_today(unit_a):
    text = "玄帝庙街 王晓明 李娜。昨天剩下那两堆杂物已经清走了。电动车乱停5辆，已摆好。"
    assert totals(one(text, unit_a)) == (5, 5, 0)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("问题：臭豆腐摊出店经营两家，沿街栏杆上晾晒衣物三处，桥洞下烟头一片", (6, 0, 6)),
        ("已处理：两家摊位都收进店里了，晾晒的劝收了两处，烟头我们扫掉了", (5, 5, 0)),
        ("发现：5幢门口堆了装修垃圾一堆，楼道小广告七八处，还有个井盖有点响", (10, 0, 10)),
    ],
)
def test_a_report_sent_in_parts_without_numbers(unit_a, said, counts):
    report = one(said, unit_a)
    assert report.site is None
    assert totals(report) == counts


def test_one_item_left_out_sent_after(unit_a):
    text = "补一条 刚才张科长漏了 玄帝庙街路口有辆僵尸电瓶车 轮胎都瘪了 贴了告知单 等城管拖走🚗"
    report = one(text, unit_a)
    assert report.site == ROAD_A
    assert totals(report) == (1, 0, 1)
    assert [item.category for item in report.found] == ["市容秩序"]


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        (
            "阿拉今朝在凤凰城社区值班，我王晓明，还有李娜、赵强。电动车乱停5辆，推好了。",
            ("王晓明", "李娜", "赵强"),
        ),
        ("今天和李娜在凤凰城社区巡了一下，电动车乱停11辆已整理。", ("李娜",)),
        ("本局王晓明、李娜二人参加凤凰城社区段清理，清除小广告二十三处。", ("王晓明", "李娜")),
    ],
)
def test_the_writer_and_those_with_them(unit_a, text, staff):
    assert one(text, unit_a).staff == staff


@pytest.mark.parametrize(
    "said",
    [
        "11月路段值班9次，发现问题270多个，整改率95%以上。\n网格问题不多，但整改慢，12月要抓一抓。",
        "11、12两个月路段值班加加岗共30多次，发现问题600多个，整改率97%。",
        "更正：昨天李娜报的电动车是12辆，统计表里写成21了，已改。",
    ],
)
def test_a_leaders_period_figures_and_a_tallys_correction_are_no_reports(unit_a, said):
    assert parse_message(said, WEDNESDAY, unit_a) == []


def test_a_days_report_with_no_fix_rate_is_still_the_report(unit_a):
    text = "11月25日玄帝庙街值班（王晓明、李娜）：发现问题0处，整改0处，整改率—。路面干净，劝导10人次。"
    assert totals(one(text, unit_a)) == (0, 0, 0)


def test_clipped_lines_with_ticks_crosses_and_ranges(unit_a):
    text = (
        "周三 玄帝庙街\n王晓明 李娜\n电瓶车 5-6 ✔\n流动摊 3 ✔2 ×1\n盲道砖松 1 ×报总务\n早餐摊 2 ✔"
    )
    assert totals(one(text, unit_a)) == (12, 10, 2)


def test_a_leader_forwarding_the_teams_own_report(unit_a):
    text = (
        "转发网格组今天的情况，整体不错。\n【凤凰城社区值班 11.25】\n"
        "人员：王晓明 李娜 赵强\n发现：楼道乱堆杂物2处，已协助收起；垃圾桶破损1只，已报社区更换。"
    )
    report = one(text, unit_a)
    assert (report.site, report.staff) == (GRID_A, ("王晓明", "李娜", "赵强"))
    assert totals(report) == (3, 2, 1)


@pytest.mark.parametrize(
    "said",
    [
        "【转发】区文明办：玄帝庙街人行道电动车乱停放较多，请责任单位立即整改。\n"
        "@王晓明 @李娜 麻烦明早带人去处理一下。",
        "@王晓明 玄帝庙街推车整改前后的照片也发一下，月底台账要用。",
        "[图片][图片][图片]\n玄帝庙街15号、17号推车整改前后",
        "[图片] 玄帝庙街路口早上7:30班车停靠情况",
        "[图片][图片] 凤凰城社区楼道小广告清理前后对比",
    ],
)
def test_forwarded_notices_requests_and_photos_of_what_was_done_are_no_reports(unit_a, said):
    assert parse_message(said, WEDNESDAY, unit_a) == []


def test_a_photo_caption_with_a_problem_and_its_outcome_is_a_report(unit_a):
    report = one("[图片] 玄帝庙街 电动车堆放人行道，已搬离\n[图片] 同上，整改后", unit_a)
    assert totals(report) == (1, 1, 0)


def test_hazard_lines_with_their_labels_and_state(unit_a):
    unit = with_words(unit_a, "其他", "隐患")
    text = (
        "11月25日 玄帝庙街 王晓明 李娜\n"
        "隐患：路边临时停靠货车2辆；整改：现场劝离；状态：已闭环\n"
        "隐患：禁烟区吸烟人员2名；整改：当场制止；状态：已闭环\n"
        "隐患：路灯1盏不亮；整改：已报园区管委会；状态：未闭环\n"
        "隐患：上周地砖松动3块；整改：物业已更换；状态：已闭环（不计入本次）"
    )
    assert totals(one(text, unit)) == (5, 4, 1)


def test_counted_twice_over_gives_the_count(unit_a):
    text = "凤凰城社区 王晓明 李娜。弄堂里电瓶车乱停交关多，数数有十几部，全部帮伊拉摆好了。"
    assert totals(one(text, unit_a)) == (10, 10, 0)


def test_the_day_before_told_then_todays_duty(unit_a):
    text = (
        "玄帝庙街：昨天下午路过看到路口堆了一堆竹料，今天值班去看还在，已督促挪进店里。"
        "值班：王晓明、李娜。"
    )
    assert one(text, unit_a).date == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "staff"),
    [
        (
            "玄帝庙街值班：王晓明请假，李娜顶班；赵强借调区里，孙悦顶班。到岗：李娜、孙悦。发现垃圾2处，已清理。",
            ("李娜", "孙悦"),
        ),
        (
            "玄帝庙街值班（王晓明、李娜，另有镇农办陈伟参加）：垃圾9处，已全部整改。",
            ("王晓明", "李娜", "陈伟"),
        ),
        ("今天玄帝庙街人不多。地上烟头蛮多，我跟李娜扫了一下。", ("李娜",)),
    ],
)
def test_seconded_away_someone_from_another_body_and_who_swept_with_me(unit_a, text, staff):
    assert one(text, unit_a).staff == staff


def test_two_said_as_lia_between_spaces_counts_them(unit_a):
    text = "玄帝庙街 王晓明 李娜 垃圾 8处 清了 翻护栏的 俩 劝走 护栏 1处 松了 报社区了"
    assert totals(one(text, unit_a)) == (11, 10, 1)


@pytest.mark.parametrize(
    "said",
    [
        "玄帝庙街今天跟上周一比：拉客的少了，就剩2个，劝走了。",
        "玄帝庙街比昨天：电动三轮又多了，5辆，劝离了。",
    ],
)
def test_the_day_compared_with_is_not_the_duty_day(unit_a, said):
    assert one(f"{said}王晓明、李娜。", unit_a).date == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("said", "reports"),
    [
        ("更正：上午李娜那条，小广告清理的是25处，不是20处。", 0),
        ("更正一下：王晓明发的玄帝庙街那条，违停是4辆不是3辆，劝离的还是2辆。", 0),
        # (a site's line put right, its items told again: a report of its own.)
        ("更正一下玄帝庙街那条：小广告是5处 不是3处，已清理。", 1),
    ],
)
def test_a_correction_of_someones_message(unit_a, said, reports):
    assert len(parse_message(said, WEDNESDAY, unit_a)) == reports


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("俩老人在绿化带里种菜，劝了劝，说是明天拔掉嘞。", (2, 0, 2)),
        ("楼道堆物3处，已通知住户搬走，住户说下午处理。", (3, 0, 3)),
        ("门口摆桌椅2家，已劝其整改，商户答应下午拆除。", (2, 0, 2)),
        # (moved already: what they promise on top changes nothing.)
        ("碎砖头一堆，我们帮着挪到垃圾池旁边了，物业说下午拉走。", (1, 1, 0)),
    ],
)
def test_a_promise_after_only_asking_is_not_a_fix(unit_a, said, counts):
    assert totals(one(f"玄帝庙街，王晓明、李娜。{said}", unit_a)) == counts


@pytest.mark.parametrize(
    "said",
    [
        "玄帝庙街我和李娜走的后半段，一切正常，没发现问题。",
        "玄帝庙街我和李娜查的：垃圾1处，已清理。",
        "补充一下，玄帝庙街我跟李娜转的北头：烟头十几个，捡了。",
    ],
)
def test_the_one_who_walked_a_part_with_me(unit_a, said):
    assert one(said, unit_a).staff == ("李娜",)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("还有，岸边有几个饮料瓶，顺手捡了。", (1, 1, 0)),
        ("还有徽墨店门口摆了两个货架出来 劝进去了", (2, 2, 0)),
    ],
)
def test_one_more_item_sent_after_the_report(unit_a, said, counts):
    assert totals(one(said, unit_a)) == counts


def test_racks_put_out_are_how_the_shops_spilled_out(unit_a):
    text = "玄帝庙街，3家店出店经营，把货架摆到了人行道上，2家已经收回。"
    assert totals(one(text, unit_a)) == (3, 2, 1)


@pytest.mark.parametrize(
    "said",
    [
        "提醒明天（11月26日周四）值班的同事：玄帝庙街王晓明、李娜、赵强；16网格刘海燕、陈志远。明早7:20前到岗。",
        "提醒一下～28号玄帝庙街晚上加一班哈，18点到20点，自愿报名，接龙👇\n1. 王晓明\n2. 李娜",
    ],
)
def test_a_reminder_of_the_next_duty_is_no_report(unit_a, said):
    assert parse_message(said, WEDNESDAY, unit_a) == []


@pytest.mark.parametrize(
    "said",
    [
        "上条更正：入户是30户，不是二十来户",
        "更正：第2条是共享单车5辆，不是3辆，都摆好了",
        "上条第二项写错了，单元门口结冰是十处，铲除八处，其他不变。",
    ],
)
def test_a_figure_put_right_in_a_note_is_no_report(unit_a, said):
    assert parse_message(said, WEDNESDAY, unit_a) == []


def test_a_note_that_tells_a_sites_items_again_stays_a_report(unit_a):
    said = "上条更正：今天玄帝庙街小广告清理的是18处，不是8处；白色垃圾2袋没变。"
    assert len(parse_message(said, WEDNESDAY, unit_a)) == 1


@pytest.mark.parametrize(
    "said",
    [
        "有2个游客翻进晒场，我们劝出来了。",
        "2名学生在花坛里踩来踩去，被我们叫下来了。",
        "2个小孩在护栏上爬来爬去，劝下来了。",
    ],
)
def test_people_sent_out_or_called_down_were_doing_wrong(unit_a, said):
    report = one(f"玄帝庙街：王晓明、李娜。{said}", unit_a)
    assert totals(report) == (2, 2, 0)
    assert [f.category for f in report.found] == ["文明行为"]


@pytest.mark.parametrize("said", ["啊不是，应该是二十来辆", "哦不是，是20辆", "嗯，不对，是二十辆"])
def test_a_count_taken_back_with_a_filler_and_bu_shi(unit_a, said):
    text = f"玄帝庙街 王晓明 李娜 就是摩托车乱停有十几辆，{said}，都摆好了"
    assert totals(one(text, unit_a)) == (20, 20, 0)


def test_motorbikes_told_in_telegraphic_lines(unit_a):
    text = "玄帝庙街 今早\n人 王晓明 李娜\n摩托 七八辆 已摆\n桥头烟头 若干 已捡"
    report = one(text, unit_a)
    assert totals(report) == (9, 9, 0)
    assert report.found[0].category == "市容秩序"


def test_a_recheck_told_on_its_line_before_todays_new_finds(unit_a):
    text = (
        "16网格11月30日：王晓明、李娜。\n"
        "复查：11.20挡土墙裂缝，镇里已拉警戒线；11.27楼道杂物另2处已清。\n"
        "新发现：楼道小广告8处，已清；单元门口电动车乱停4辆，已摆好。"
    )
    assert totals(one(text, unit_a)) == (12, 12, 0)
    numbered = (
        "玄帝庙街11月6日值班情况：王晓明、李娜。\n"
        "一、复查周一问题：桥下护栏松动处已由城管加固，正常。\n"
        "二、今日新发现：1.电动车乱停约30辆，摆放整齐；2.流动摊贩占道4处，已劝离。"
    )
    assert totals(one(numbered, unit_a)) == (34, 34, 0)


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("电动车还是蛮乱，七八辆横七竖八停到人行道上，我们一辆辆推整齐了。", (8, 8, 0)),
        ("那个小广告，电梯里面贴了五六张，撕掉了。", (6, 6, 0)),
    ],
)
def test_the_count_told_with_where_the_things_were_put(unit_a, said, counts):
    assert totals(one(f"玄帝庙街 王晓明 李娜 {said}", unit_a)) == counts


@pytest.mark.parametrize(
    ("said", "counts"),
    [
        ("外卖车停得乱，十几辆，摆好了。", (10, 10, 0)),
        ("出租车停在公交站6辆，都开走了。", (6, 6, 0)),
    ],
)
def test_a_stations_vehicles_are_street_order(unit_a, said, counts):
    report = one(f"玄帝庙街 王晓明 李娜 {said}", unit_a)
    assert totals(report) == counts
    assert {f.category for f in report.found} == {"市容秩序"}


@pytest.mark.parametrize(
    "said",
    [
        "李娜报一下今天玄帝庙街的情况，垃圾2处，已清理。",
        "玄帝庙街补充一条：垃圾桶破损两个，已报城管更换。\n——李娜",
        "玄帝庙街值班时，李娜发现有人往花坛里倒剩饭，前后2次，当场劝阻了。",
    ],
)
def test_the_one_who_found_told_or_signed_it(unit_a, said):
    assert one(said, unit_a).staff == ("李娜",)


def test_a_lines_count_then_done_or_not_in_a_word(unit_a):
    text = (
        "玄帝庙街\n王晓明 李娜\n电动车乱停 9 好了\n烟头纸屑 若干 好了\n"
        "杂物乱堆 3 好了2个\n路灯杆歪 1 没好"
    )
    assert totals(one(text, unit_a)) == (14, 12, 2)


def test_sheds_and_buildings_looked_at_are_no_problems(unit_a):
    text = "16网格 王晓明 李娜 巡查车棚5个、楼栋10栋，车棚电动车乱停2辆已摆好。"
    assert totals(one(text, unit_a)) == (2, 2, 0)


@pytest.mark.parametrize("said", ["抽查井盖8个，均无松动。", "消防栓抽查6个，压力正常。"])
def test_a_sample_looked_at_is_no_problem(unit_a, said):
    text = f"16网格 王晓明 李娜 飞线充电3处，已拆除。{said}"
    assert totals(one(text, unit_a)) == (3, 3, 0)
