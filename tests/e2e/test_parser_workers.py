"""A fresh parser worker imports the parser before any parse's time limit starts counting."""

from __future__ import annotations

from datetime import datetime

from dutybot import isolated_parser


async def test_a_fresh_worker_reads_within_the_limit_however_slow_the_import(monkeypatch):
    monkeypatch.setattr(isolated_parser, "PARSER", "tests.e2e.slow_import_parser:parse_message")
    parser = isolated_parser.IsolatedParser(workers=1)
    try:
        result = await parser.parse(
            "玄帝庙街值班", datetime(2026, 11, 30, 9, 12), {}, time_limit=1.0
        )
    finally:
        parser.close()
    assert result == "read: 玄帝庙街值班"
