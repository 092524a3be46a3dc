"""Text a member wrote is text in every workbook the bot writes: never a formula, and a
control character never breaks the file."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import openpyxl

from dutybot.monthly import Period

FORMULA = '=HYPERLINK("http://evil.example/x","点我查看")'
NOVEMBER = Period(date(2026, 11, 1), date(2026, 11, 30))


async def test_a_description_starting_with_equals_is_a_string_cell(served, data_dir):
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import Source
    from plugins.ledger import service as ledger
    from plugins.monthly import delivery, exports

    async with get_session() as session:
        for description in (FORMULA, "+1+2 电动车", "垃圾\x07堆放"):
            await ledger.add_problem(
                session,
                served.unit_id,
                None,
                "环境卫生",
                description,
                1,
                datetime(2026, 11, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai")),
                Source.COMMAND,
                20001,
                None,
            )
        await session.commit()
        summary = await delivery.build_summary(session, served, NOVEMBER)
        path = await exports.write_workbook(
            session, summary, served.unit_id, data_dir / "exports" / "x.xlsx"
        )
    sheet = openpyxl.load_workbook(path)["问题台账"]
    cells = {
        cell.value: cell.data_type
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    assert cells[FORMULA] == "s"
    assert cells["+1+2 电动车"] == "s"
    assert cells["垃圾堆放"] == "s"  # the control character dropped, the rest kept
    assert all(kind != "f" for row in sheet.iter_rows() for kind in [c.data_type for c in row])


def test_the_roster_workbook_writes_names_as_text():
    from io import BytesIO

    from dutybot.roster import build_roster
    from dutybot.roster_export import roster_xlsx
    from tests.domain.helpers import make_unit, people

    name = "=1+1"
    unit = make_unit(people(f"{name}:秘书科* 乙:领事科 丙:侨务科 丁:秘书科 戊:领事科 己:侨务科"))
    book = openpyxl.load_workbook(BytesIO(roster_xlsx(build_roster(unit, 2026, 12), unit)))
    kinds = [
        cell.data_type
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str) and name in cell.value
    ]
    assert kinds and set(kinds) == {"s"}
