"""Bring up nonebot and the plugins without serving, for command-line work on the database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def quiet_logs() -> None:
    """Command-line output is the command's own: nonebot's log goes to stderr, warnings only."""
    import nonebot.log

    try:
        nonebot.log.logger.remove(nonebot.log.logger_id)
    except ValueError:  # already removed
        return
    # A format function: loguru then appends no traceback (set DUTYBOT_TRACEBACK to see them).
    shown = "{level}: {message}\n{exception}" if os.environ.get("DUTYBOT_TRACEBACK") else None
    nonebot.log.logger.add(
        sys.stderr, level="WARNING", format=lambda record: shown or "{level}: {message}\n"
    )


def load_bot(**overrides: object):
    """Import ``bot.py`` from the project folder and initialise it; returns the module."""
    if str(PROJECT_ROOT) not in sys.path:
        sys.path.insert(0, str(PROJECT_ROOT))
    quiet_logs()
    import bot

    try:
        bot.init(**overrides)
    except bot.SetupError as error:
        print(error, file=sys.stderr)
        raise SystemExit(1) from None
    return bot


async def open_database(**overrides: object) -> None:
    """Initialise, upgrade the database to the latest migration and sync the unit files, as
    the bot's own start would."""
    import contextlib

    bot = load_bot(**overrides)
    # The migration's progress line is no result of the command: stdout is for results.
    with contextlib.redirect_stdout(sys.stderr):
        await bot.upgrade_database()
    from nonebot_plugin_orm import _init_orm

    _init_orm()
    from plugins.duty import load_served_units

    await load_served_units()
