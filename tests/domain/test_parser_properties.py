"""Properties: the parser never raises, and every report's totals agree with its items."""

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dutybot.report_parser import MAX_ANALYSED_CHARS, parse_message

from .support import at

SENT = at("2026-11-25 09:30")

# Pieces of real reports, so that generated text reaches deep into the parser, not only the
# early exit that plain random text takes.
PIECES = st.sampled_from(
    [
        "玄帝庙街路西",
        "凤凰城社区",
        "市16网格",
        "值班",
        "值班人员：",
        "王晓明、",
        "李娜",
        "张华",
        "等6人",
        "发现问题：",
        "整改情况：",
        "下步打算：",
        "遗留问题：",
        "工作成效：",
        "1.",
        "2、",
        "(3)",
        "①",
        "一是",
        "电动车乱停放",
        "5处",
        "十余张",
        "若干",
        "约20辆",
        "两辆",
        "盲道砖破损",
        "小广告",
        "垃圾桶满溢",
        "已摆放整齐",
        "当场清理",
        "已报城管",
        "待维修",
        "其中",
        "3辆已挪走",
        "其余",
        "均已整改",
        "已全部整改",
        "劝导",
        "12人次",
        "入户宣传",
        "15户",
        "发放宣传资料",
        "30份",
        "问卷",
        "志愿服务",
        "附图4张",
        "8号楼",
        "往南50米",
        "7:30-9:00",
        "11月31日",
        "11.20",
        "周三",
        "昨天",
        "2026年2月30日",
        "上周五",
        "下周三",
        "，",
        "。",
        "；",
        "\n",
        "（",
        "）",
        "【",
        "】",
        "：",
        "？",
        "@全体成员",
        "[CQ:image,file=a.jpg]",
        "[图片]",
        "👍",
        "1️⃣",
        "\u200b",
        "\u3000",
        "１２月３日",
        " ",
    ]
)
REPORTISH = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.text(max_size=400)


def check_invariants(reports):
    for report in reports:
        assert report.found_total == sum(item.count for item in report.found)
        assert report.resolved_total == sum(item.count for item in report.resolved)
        assert report.pending_total == max(0, report.found_total - report.resolved_total)
        assert all(item.count >= 1 for item in (*report.found, *report.resolved))
        assert all(activity.count >= 1 for activity in report.activities)
        contract = report.to_contract()
        assert contract["found_total"] == report.found_total
        # The ledger's view pairs every found item with what was fixed of it.
        assert sum(p.count for p in report.problems) == report.found_total
        assert sum(p.resolved for p in report.problems) == report.resolved_total
        assert all(0 <= p.resolved <= p.count for p in report.problems)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(ANY_TEXT, REPORTISH, st.tuples(REPORTISH, ANY_TEXT, REPORTISH).map("".join)))
def test_never_raises_and_totals_agree(unit_a, text):
    from dutybot import report_parser

    # The unguarded parser, so that a bug is not hidden by parse_message's safety net.
    check_invariants(report_parser._parse(text, SENT, unit_a))


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=200))
def test_odd_unicode(unit_b, text):
    check_invariants(parse_message(text, SENT, unit_b))


def test_huge_input_is_bounded(unit_a):
    report_line = (
        "玄帝庙街路西值班：王晓明、李娜。电动车乱停放5处，已摆放整齐；小广告3处，已清除。\n"
    )
    huge = report_line * 2000  # about 90,000 characters
    start = time.perf_counter()
    reports = parse_message(huge, SENT, unit_a)
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0
    assert reports
    assert any(f"只读了前{MAX_ANALYSED_CHARS}字" in n for n in reports[0].notes)
    check_invariants(reports)
    assert parse_message("好" * 50_000, SENT, unit_a) == []
    assert parse_message("[CQ:" * 20_000, SENT, unit_a) == []


def test_edge_inputs(unit_a):
    for text in (
        "",
        " ",
        "\n\n",
        "😀😀😀",
        "[CQ:at,qq=all]",
        "\x00\x01",
        "（（（（",
        "1.2.3.4.5",
        "值班" * 3000,
        "\ufeff收到",
    ):
        check_invariants(parse_message(text, SENT, unit_a))
