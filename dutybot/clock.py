"""The one clock of the bot.

Everything that needs "now" calls :func:`now`; tests patch it. The timezone comes from the
configuration (``DUTY_TIMEZONE``), never from the host.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Asia/Shanghai"

_timezone = ZoneInfo(DEFAULT_TIMEZONE)


def set_timezone(name: str) -> None:
    global _timezone
    _timezone = ZoneInfo(name)


def timezone() -> ZoneInfo:
    return _timezone


def now() -> datetime:
    """The current moment, aware, in the configured timezone."""
    return datetime.now(_timezone)


def today() -> date:
    return now().date()


def from_timestamp(timestamp: float) -> datetime:
    """An event's Unix time (OneBot ``time``) as an aware local datetime."""
    return datetime.fromtimestamp(timestamp, _timezone)


def to_local(moment: datetime) -> datetime:
    """Aware local time; naive values are taken as UTC (that is how the database keeps them)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(_timezone)


def to_utc_naive(moment: datetime) -> datetime:
    """What the database stores: naive UTC, the same on SQLite and PostgreSQL."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(UTC).replace(tzinfo=None)
