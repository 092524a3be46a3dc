"""``dutybot report``: the same summary on the command line, for one unit or the city."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import docx
import openpyxl
import pytest

from dutybot.monthly import Period, render_chat
from tests.conftest import ROOT, UNIT_FILE
from tests.plugins.monthly.month import SHANGHAI

NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture(autouse=True)
def december(monkeypatch: pytest.MonkeyPatch):
    from dutybot import clock

    monkeypatch.setattr(clock, "now", lambda: datetime(2026, 12, 10, 9, 0, tzinfo=SHANGHAI))


async def run_report(month: str = "", served_units=None, **options):
    from nonebot_plugin_orm import get_session

    from dutybot.report_cli import report
    from plugins.duty.units import all_served

    async with get_session() as session:
        return await report(session, served_units or all_served(), month, **options)


async def test_one_unit_prints_the_chat_summary(november, served, data_dir, tmp_path: Path):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        expected = render_chat(await delivery.build_summary(session, served, NOVEMBER))
    lines, code = await run_report(
        "2026-11",
        unit="市外侨办",
        xlsx=tmp_path / "m.xlsx",
        docx=tmp_path / "m.docx",
        data_dir=data_dir,
    )
    assert code == 0
    assert lines == [
        expected,
        f"已写出 Excel：{tmp_path / 'm.xlsx'}",
        f"已写出 Word：{tmp_path / 'm.docx'}",
    ]
    assert openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames == [
        "汇总",
        "人员",
        "问题台账",
        "值班记录",
    ]
    assert len(docx.Document(str(tmp_path / "m.docx")).inline_shapes) == 2


async def test_the_city(november, served, tmp_path: Path):
    from nonebot_plugin_orm import get_session

    from plugins.duty import units

    folder = tmp_path / "units"
    folder.mkdir()
    text = UNIT_FILE.read_text(encoding="utf-8")
    (folder / "a.toml").write_text(text, encoding="utf-8")
    (folder / "b.toml").write_text(
        text.replace('name = "市外侨办"', 'name = "市商务局"').replace("700000001", "700000002"),
        encoding="utf-8",
    )
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))

    lines, code = await run_report("2026-11", xlsx=tmp_path / "city.xlsx")
    assert code == 0
    text = lines[0].splitlines()
    assert text[0] == "全市 2026年11月“路长制”、网格化管理值班汇总（2 个单位）"
    assert text[1] == (
        "市外侨办：值班 4 次（计划 4 次），到岗 7 人次（到岗率 75%），发现问题 15 处，已解决 7 处，"
        "未解决 10 处，结案率 47%，按期结案率 86%，返工率 14%"
    )
    assert text[2].startswith("市商务局：值班 0 次（计划 0 次）")
    assert text[3:6] == [
        "【全市合计】",
        "值班 4 次（计划 4 次）",
        "到岗 7 人次（排班 8 人次，到岗率 75%，含非排班 1 人次）",
    ]
    assert lines[1] == f"已写出 Excel：{tmp_path / 'city.xlsx'}"
    sheet = openpyxl.load_workbook(tmp_path / "city.xlsx")["汇总"]
    assert [sheet.cell(row, 1).value for row in range(3, 6)] == ["市外侨办", "市商务局", "全市合计"]

    lines, code = await run_report("2026-11", unit="商务局")
    assert (code, lines[0].splitlines()[0]) == (0, "市商务局 2026年11月值班月报")


@pytest.mark.parametrize(
    ("month", "unit", "message", "code"),
    [
        ("2026-13", None, "“2026-13”不是月份，请写 年-月，如 2026-12", 2),
        ("2027-01", None, "2027年1月还没到。本月至今：dutybot report 2026-12", 2),
        ("2026-11", "市教育局", "没有“市教育局”这个单位。可选：市外侨办", 1),
    ],
)
async def test_mistakes_say_what_to_type(served, month, unit, message, code):
    assert await run_report(month, unit=unit) == ([message], code)


async def test_default_month(served):
    lines, _ = await run_report("")
    assert lines[0].startswith("市外侨办 2026年12月（1日—10日）值班月报")


def test_command_line_on_a_fresh_database(tmp_path: Path):
    """The real command: its own process, a new database upgraded by the migrations."""
    env = dict(os.environ)
    env.update(
        {
            "SQLALCHEMY_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'duty.db'}",
            "DUTY_UNIT_FILE": str(UNIT_FILE),
            "DUTY_DATA_DIR": str(tmp_path / "data"),
            "LOCALSTORE_DATA_DIR": str(tmp_path / "store"),
            "LOCALSTORE_CACHE_DIR": str(tmp_path / "cache"),
            "LOCALSTORE_CONFIG_DIR": str(tmp_path / "config"),
            "PYTHONPATH": str(ROOT),
            "PYTHONIOENCODING": "utf-8",
        }
    )
    env.pop("DUTY_TEST_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "dutybot", "report", "2026-06", "--xlsx", "june.xlsx"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "市外侨办 2026年6月值班月报",
        "本月没有排班、报到、日报和问题记录。",
    ]
    assert (tmp_path / "june.xlsx").is_file()  # relative to where it was run
