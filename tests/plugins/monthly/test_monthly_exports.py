"""The workbook and the 说明报告 of the hand-built month, opened with openpyxl and python-docx."""

from __future__ import annotations

from datetime import date, datetime

import docx
import openpyxl

from dutybot.monthly import Period
from tests.plugins.monthly.month import ROAD

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


async def files(served, data_dir, period=NOVEMBER):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, period)
        workbook = await delivery.make_workbook(session, served, summary, data_dir)
        report = await delivery.make_report(session, served, summary, data_dir)
    return workbook, report


def rows(sheet) -> list[tuple]:
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def trimmed(row: tuple) -> tuple:
    values = list(row)
    while values and values[-1] is None:
        values.pop()
    return tuple(values)


async def test_workbook(november, served, data_dir):
    workbook, _ = await files(served, data_dir)
    assert workbook == data_dir / "exports" / "市外侨办-2026-11-月报.xlsx"
    assert not list((data_dir / "exports").glob(".*.part"))
    book = openpyxl.load_workbook(workbook)
    assert book.sheetnames == ["汇总", "人员", "问题台账", "值班记录"]

    summary = [trimmed(r) for r in rows(book["汇总"])]
    assert summary[0] == ("市外侨办2026年11月“路长制”、网格化管理值班汇总",)
    assert summary[1] == ("统计日期：2026-11-01 至 2026-11-30",)
    assert summary[2][:4] == ("地点", "计划值班（次）", "值班（次）", "排班（人次）")
    assert summary[3] == (
        ROAD, 4, 4, 8, 7, 1, "75%", 4, 15, 7, 9, 7, "47%", "86%", "14%", "11 天",
        "发放宣传资料 30 份、劝导 20 人次",
    )  # fmt: skip
    assert summary[4] == (
        "市16网格（南苑街道凤凰城社区）", 0, 0, 0, 0, 0, "—", 0, 0, 0, 1, 1, "—", "—", "—", "—",
    )  # fmt: skip
    assert summary[5] == (
        "未注明地点", 0, 0, 0, 0, 0, "—", 1, 0, 0, 0, 0, "—", "—", "—", "—",
    )  # fmt: skip
    assert summary[6][:13] == ("合计", 4, 4, 8, 7, 1, "75%", 5, 15, 7, 10, 8, "47%")
    assert summary[8:] == [
        ("问题类别", "发现（处）", "已解决（处）"),
        ("环境卫生", 7, 0),
        ("市容秩序", 5, 5),
        ("基础设施", 3, 2),
        ("合计", 15, 7),
    ]

    people = [trimmed(r) for r in rows(book["人员"])]
    assert people[0] == (
        "科室", "姓名", "排班（次）", "到岗（次）", "缺岗（次）", "请假（次）", "换班（次）",
        "非排班到岗（次）", "到岗率", "当日日报（份）",
    )  # fmt: skip
    assert people[1:8] == [
        ("秘书科", "王晓明", 1, 1, 0, 0, 1, 0, "100%", 1),
        ("秘书科", "李娜", 2, 2, 0, 0, 0, 0, "100%", 1),
        ("领事科", "赵强", 2, 1, 1, 0, 0, 0, "50%", 1),
        ("领事科", "刘海燕", 2, 1, 1, 0, 0, 0, "50%", 0),
        ("出国境科", "陈志远", 0, 0, 0, 1, 0, 0, "—", 0),
        ("出国境科", "孙悦", 1, 1, 0, 0, 0, 0, "100%", 0),
        ("侨务科", "周建国", 0, 0, 0, 0, 0, 1, "—", 0),
    ]
    assert people[10:] == [
        ("秘书科", 2, 3, 3, 0, 0, 1, 0, "100%", 2),
        ("领事科", 2, 4, 2, 2, 0, 0, 0, "50%", 1),
        ("出国境科", 2, 1, 1, 0, 1, 0, 0, "100%", 0),
        ("侨务科", 1, 0, 0, 0, 0, 0, 1, "—", 0),
    ]

    ledger = rows(book["问题台账"])
    assert ledger[0] == (
        "序号", "发现时间", "地点", "问题描述", "类别", "数量", "责任单位", "整改情况", "整改时间",
        "照片", "台账编号", "报告来源",
    )  # fmt: skip
    # Found in the month, resolved in it, or open at its end; never the withdrawn #4.
    assert [row[:11] for row in ledger[1:]] == [
        (1, "2026-10-10 08:00", "市16网格", "宣传栏破损", "宣传氛围", 1, "市外侨办", "待处理",
         None, None, 8),
        (2, "2026-10-20 08:00", "玄帝庙街路西", "井盖松动", "基础设施", 1, "市外侨办", "已整改",
         "2026-11-06 10:00", None, 3),
        (3, "2026-11-02 07:50", "玄帝庙街路西", "电动车乱停放5处", "市容秩序", 5, "市外侨办",
         "现场整改，已核查", "2026-11-02 07:50", "整改前 1 张、整改后 1 张", 1),
        (4, "2026-11-04 07:45", "玄帝庙街路西", "绿化带内垃圾3处", "环境卫生", 3, "市外侨办",
         "待处理", None, None, 2),
        (5, "2026-11-09 08:00", "玄帝庙街路西", "护栏损坏", "基础设施", 1, "市外侨办",
         "已整改；返工 1 次", "2026-11-20 10:00", None, 5),
        (6, "2026-11-16 08:00", "玄帝庙街路西", "路面坑洼2处", "基础设施", 2, "城管执法中队",
         "协调中（城管执法中队）", None, None, 7),
        # Resolved on 2 December: open at the end of November, its later photo not shown.
        (7, "2026-11-25 07:50", "玄帝庙街路西", "烟头4处", "环境卫生", 4, "市外侨办", "待处理",
         None, "整改前 1 张", 6),
    ]  # fmt: skip
    # 报告来源: every message that told the problem (here each was told once).
    assert [row[11] for row in ledger[1:]] == [
        "/问题 王晓明 10-10 08:00",
        "/问题 王晓明 10-20 08:00",
        "/问题 王晓明 11-02 07:50",
        "/问题 王晓明 11-04 07:45",
        "/问题 王晓明 11-09 08:00",
        "/问题 王晓明 11-16 08:00",
        "/问题 王晓明 11-25 07:50",
    ]

    duty = rows(book["值班记录"])
    assert duty[0] == (
        "日期", "星期", "地点", "排班人员", "到岗人员", "非排班到岗", "请假", "换班", "值班日报（份）",
    )  # fmt: skip
    day = datetime.fromisoformat
    assert duty[1:] == [
        (day("2026-11-02"), "周一", ROAD, "王晓明、李娜、赵强", "王晓明、李娜", None, None, None, 1),
        (day("2026-11-04"), "周三", ROAD, "刘海燕、孙悦", "刘海燕、孙悦", "周建国", "陈志远", None, 1),
        (day("2026-11-06"), "周五", ROAD, "李娜、赵强", "李娜、赵强", None, None, "王晓明", 2),
        (day("2026-11-09"), "周一", ROAD, "刘海燕", None, None, None, None, 0),
        (day("2026-11-11"), "周三", ROAD, None, None, None, None, None, 1),
    ]  # fmt: skip
    assert book["值班记录"]["A2"].number_format == "yyyy-mm-dd"


async def test_report(november, served, data_dir):
    _, report = await files(served, data_dir)
    assert report == data_dir / "exports" / "市外侨办-2026-11-月报材料.docx"
    document = docx.Document(str(report))
    paragraphs = [p.text for p in document.paragraphs if p.text]
    assert paragraphs[0] == "市外侨办2026年11月“路长制”、网格化管理工作情况的说明报告"
    body = "".join(paragraphs[1:6])
    assert 600 <= len(body) <= 850
    for figure in (
        "计划值班 4 次，实际值班 4 次；排班 8 人次，到岗 7 人次，到岗率 75%",
        "4个科室 6 名同志参加值班，其间请假 1 人次、换班 1 人次",
        "共报送值班日报 5 份（其中值班当天报送 3 份）",
        "共发现问题 15 处，其中环境卫生 7 处、市容秩序 5 处、基础设施 3 处",
        "已解决 7 处，结案率 47%，按期结案率 86%，返工率 14%，处置天数中位数 11 天",
        "及时协调城管执法中队等单位处置",
        "截至11月30日，尚有 10 处问题未解决（其中 8 处已超过处置时限）",
        "发放宣传资料30份、劝导20人次",
        "主要是8 处问题超过处置时限仍未解决，1 处问题整改后又反复，缺岗 2 人次",
    ):
        assert figure in body, figure
    assert "附：整改前后对比照片 1 组（时间、主办单位、主题见图注）。" in paragraphs
    assert "对比照片 1：#1 电动车乱停放5处" in paragraphs
    [table] = document.tables
    captions = [cell.text for cell in table.rows[1].cells]
    assert captions == [
        "整改前：2026年11月2日 07:50，玄帝庙街路西；主办单位：市外侨办；主题：市容秩序整治：电动车乱停放5处",
        "整改后：2026年11月2日 08:05，玄帝庙街路西；主办单位：市外侨办；主题：市容秩序整治：电动车乱停放5处",
    ]
    assert len(document.inline_shapes) == 2  # both photos embedded


async def test_report_with_a_photo_file_gone(november, served, data_dir):
    for photo in (data_dir / "photos" / "2026-11").iterdir():
        photo.unlink()
    _, report = await files(served, data_dir)
    document = docx.Document(str(report))
    [table] = document.tables
    assert table.rows[0].cells[0].text.startswith("（照片文件缺失：photos/2026-11/")
    assert len(document.inline_shapes) == 0


async def test_files_of_an_empty_month(served, data_dir):
    workbook, report = await files(served, data_dir, Period(date(2026, 6, 1), date(2026, 6, 30)))
    book = openpyxl.load_workbook(workbook)
    assert [trimmed(r) for r in rows(book["问题台账"])][1:] == []
    assert [trimmed(r) for r in rows(book["值班记录"])][1:] == []
    assert trimmed(rows(book["汇总"])[5])[:8] == ("合计", 0, 0, 0, 0, 0, "—", 0)
    text = "".join(p.text for p in docx.Document(str(report)).paragraphs)
    assert "本月没有值班记录" in text
    assert not docx.Document(str(report)).tables


async def test_city_workbook(november, served, tmp_path):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import exports, figures

    async with get_session() as session:
        rows_ = await figures.city_figures(session, NOVEMBER)
    path = exports.write_city_workbook(NOVEMBER, rows_, tmp_path / "city.xlsx")
    sheet = openpyxl.load_workbook(path)["汇总"]
    values = [trimmed(r) for r in rows(sheet)]
    assert values[0] == ("全市2026年11月“路长制”、网格化管理值班汇总",)
    assert values[1][0] == "单位"
    assert values[2][:11] == ("市外侨办", 4, 4, 8, 7, 1, "75%", 5, 15, 7, 10)
    assert values[3][:11] == ("全市合计", 4, 4, 8, 7, 1, "75%", 5, 15, 7, 10)
