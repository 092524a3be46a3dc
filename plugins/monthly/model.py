"""The one record the monthly plugin keeps: what the 1st-of-month job has sent.

A dispatch is claimed under its unique key before it is sent, so that a restart, a second
tick or a second bot process finds the key and does not post the summary twice.
"""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from nonebot_plugin_orm import Model
from sqlalchemy.orm import Mapped, mapped_column

from plugins.duty.model import enum_type, utcnow


class DispatchStatus(enum.StrEnum):
    SENDING = "sending"  # claimed; being sent (or the process died while sending)
    SENT = "sent"
    FAILED = "failed"  # could not be sent; tried again while attempts remain


class Dispatch(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    # u<unit>:<period>:<g group | p qq>, e.g. "u1:2026-11:g700000001".
    key: Mapped[str] = mapped_column(sa.String(80), unique=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    period: Mapped[str] = mapped_column(sa.String(16))
    target: Mapped[str] = mapped_column(sa.String(24))
    status: Mapped[DispatchStatus] = mapped_column(enum_type(DispatchStatus))
    attempts: Mapped[int] = mapped_column(default=1)
    error: Mapped[str] = mapped_column(sa.String(255), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
