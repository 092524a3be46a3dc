from __future__ import annotations

from pydantic import BaseModel, field_validator


class Config(BaseModel):
    duty_board_url: str = ""
    """The address people open the dashboard at, e.g. ``https://duty.example.gov.cn`` behind a
    reverse proxy. Empty: the address the QQ side connects to the bot at."""

    @field_validator("duty_board_url")
    @classmethod
    def web_address(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if value and not value.startswith(("http://", "https://")):
            raise ValueError(
                "应写成 http:// 或 https:// 开头的地址，如 https://duty.example.gov.cn"
            )
        return value
