from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, field_validator

from dutybot.clock import DEFAULT_TIMEZONE


class Config(BaseModel):
    duty_unit_file: Path = Path("config/duty.toml")
    """The unit file, or a folder of unit files (one per office served by this bot)."""

    duty_timezone: str = DEFAULT_TIMEZONE
    """Timezone of every date and time the bot shows or schedules."""

    duty_data_dir: Path = Path("data")
    """Runtime files: photos, exports, backups."""

    duty_send_rate: float = 1.0
    """Messages per second the bot sends at most, sustained (QQ restricts fast senders)."""

    duty_send_burst: int = 5
    """Messages the bot may send at once before the rate applies."""

    @field_validator("duty_timezone")
    @classmethod
    def known_timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"未知的时区 {value!r}，例如 Asia/Shanghai") from None
        return value
