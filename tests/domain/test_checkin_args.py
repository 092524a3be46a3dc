from __future__ import annotations

from pathlib import Path

import pytest

from dutybot.checkin import read_checkin_args
from dutybot.unit import load_unit

UNIT = load_unit(Path(__file__).resolve().parent.parent / "data" / "unit.toml")


@pytest.mark.parametrize(
    ("text", "site", "names", "unknown"),
    [
        ("", None, [], []),
        ("玄帝庙街", "玄帝庙街路西", [], []),
        ("凤凰城 王晓明同志、李娜", "市16网格", ["王晓明", "李娜"], []),
        ("王晓明李娜赵强", None, ["王晓明", "李娜", "赵强"], []),
        ("玄帝庙街王晓明", "玄帝庙街路西", ["王晓明"], []),
        ("王晓明科长李娜", None, ["王晓明", "李娜"], []),
        ("李娜,李娜", None, ["李娜"], []),
        ("张三 李娜", None, ["李娜"], ["张三"]),
        ("李娜张三", None, ["李娜"], ["张三"]),
    ],
)
def test_read_checkin_args(text, site, names, unknown):
    request = read_checkin_args(text, UNIT)
    assert (request.site.label if request.site else None) == site
    assert request.names == names
    assert request.unknown == unknown
