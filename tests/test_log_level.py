"""The console log handler takes records from the configured level up: below it, loguru does
not even make the record (nonebot logs several debug lines for every message)."""

from __future__ import annotations

import bot


def test_no_record_is_made_below_the_configured_level():
    from nonebot.log import logger

    bot.log_from_configured_level()  # LOG_LEVEL is WARNING in the tests
    made: list[str] = []
    logger.opt(lazy=True).debug("{}", lambda: made.append("debug") or "")
    logger.opt(lazy=True).info("{}", lambda: made.append("info") or "")
    logger.opt(lazy=True).warning("{}", lambda: made.append("warning") or "")
    assert made == ["warning"]
