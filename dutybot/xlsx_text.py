"""Rows for the bot's workbooks with every piece of text written as text.

openpyxl stores a string that starts with ``=`` as a formula: a problem description such as
``=HYPERLINK("http://…","点击")`` would become a live formula in the 问题台账 sheet. And a
control character (some QQ clients send them) makes openpyxl refuse the whole workbook. Every
row goes through :func:`append`, which writes strings as strings, without those characters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet._write_only import WriteOnlyWorksheet


def clean(text: str) -> str:
    """The text without the control characters a workbook cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def _as_text(cell: Any) -> Any:
    if isinstance(cell.value, str):
        cell.value = clean(cell.value)
        cell.data_type = "s"  # never "f": no formula, whatever the text starts with
    return cell


def text_cell(sheet: WriteOnlyWorksheet, value: Any) -> Any:
    """A cell of a write-only sheet (to style before appending), text kept as text."""
    return _as_text(WriteOnlyCell(sheet, value=clean(value) if isinstance(value, str) else value))


def append(sheet: Any, values: Iterable[Any]) -> None:
    """``sheet.append(values)``, strings kept as text (write-only and ordinary sheets)."""
    if isinstance(sheet, WriteOnlyWorksheet):
        sheet.append(
            [_as_text(v) if hasattr(v, "data_type") else text_cell(sheet, v) for v in values]
        )
        return
    sheet.append([clean(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        _as_text(cell)
