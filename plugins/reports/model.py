"""Daily duty reports (值班日报) as posted in the group, with what the parser read from them.

The raw text is always kept. A corrected report from the same sender for the same site and
day supersedes the earlier one (kept, marked); a recalled message withdraws its report.
Figures used by the monthly summary (totals, activities) are columns, so SQL can sum them.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from nonebot_plugin_orm import Model
from sqlalchemy.orm import Mapped, mapped_column

from plugins.duty.model import enum_type, utcnow


class ReportSource(enum.StrEnum):
    MESSAGE = "message"  # a group message recognised as a report, no command
    COMMAND = "command"  # /日报 文本
    IMPORT = "import"  # dutybot import of a chat history


class ReportStatus(enum.StrEnum):
    ACTIVE = "active"
    SUPERSEDED = "superseded"  # replaced by a corrected report
    WITHDRAWN = "withdrawn"  # the message was recalled
    # Not counted yet: the site could not be told, or the text looks pasted many times; the
    # sender was asked (``held_for``) and the report counts once answered.
    HELD = "held"


class HeldFor(enum.StrEnum):
    SITE = "site"  # which site? (numbered choices)
    CONFIRMATION = "confirm"  # far more items than a duty has, or repeated paragraphs


class DailyReport(Model):
    __table_args__ = (
        sa.Index("ix_reports_dailyreport_unit_date", "unit_id", "duty_date"),
        sa.Index("ix_reports_dailyreport_site_date", "site_id", "duty_date"),
        sa.Index("ix_reports_dailyreport_message", "chat", "message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    # None when no configured site could be read from the text.
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("duty_site.id"), default=None)
    duty_date: Mapped[date]
    sender_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    sender_name: Mapped[str] = mapped_column(sa.String(64), default="")
    # Where the report came from: "g<group>" and the QQ message id.
    chat: Mapped[str | None] = mapped_column(sa.String(24), default=None)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    sent_at: Mapped[datetime]
    raw_text: Mapped[str] = mapped_column(sa.Text)
    source: Mapped[ReportSource] = mapped_column(enum_type(ReportSource))
    status: Mapped[ReportStatus] = mapped_column(
        enum_type(ReportStatus), default=ReportStatus.ACTIVE
    )
    superseded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("reports_dailyreport.id"), default=None
    )
    found_total: Mapped[int] = mapped_column(default=0)
    resolved_total: Mapped[int] = mapped_column(default=0)
    pending_total: Mapped[int] = mapped_column(default=0)
    # Names the report gives as on duty (JSON list), and what could not be read (JSON list).
    staff_named: Mapped[str] = mapped_column(sa.Text, default="[]")
    notes: Mapped[str] = mapped_column(sa.Text, default="[]")
    # What the parser read, as JSON (problems with their fixes, staff, absent people,
    # activities), so that a held report or a report restored after a recall can be applied
    # again exactly as it was read.
    parsed: Mapped[str | None] = mapped_column(sa.Text, default=None)
    held_for: Mapped[HeldFor | None] = mapped_column(enum_type(HeldFor), default=None)
    # The bot's "已记录 …" reply, so that replying to it corrects this report.
    bot_message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ReportActivity(Model):
    """Work done that is not a problem: 劝导 12 人次, 发放宣传资料 30 份 …"""

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(sa.ForeignKey("reports_dailyreport.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    count: Mapped[int]
    unit: Mapped[str] = mapped_column(sa.String(8))
