"""The roster's own records: month plans, leave, swap requests and the reminder log.

The roster itself (who is on duty where and when) is the core's ``duty_rosterentry``; these
tables hold what is needed around it. Times are naive UTC set in Python, as in the core.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from nonebot_plugin_orm import Model
from sqlalchemy.orm import Mapped, mapped_column

from plugins.duty.model import enum_type, utcnow


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"  # built, waiting for /排班 确认 to replace the month's roster
    ACTIVE = "active"  # the month's roster
    REPLACED = "replaced"  # an earlier roster of the month, replaced by a confirmed draft
    DISCARDED = "discarded"  # a draft never confirmed (expired or superseded by another)


class MonthPlan(Model):
    """A month's roster as built, with what fairness across months needs: the people it was
    built over and their opening balance. The shifts themselves live in duty_rosterentry
    (with later leave and swaps); a draft keeps its shifts here until confirmed."""

    __table_args__ = (sa.Index("ix_roster_monthplan_unit_month", "unit_id", "year", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    year: Mapped[int]
    month: Mapped[int]
    status: Mapped[PlanStatus] = mapped_column(enum_type(PlanStatus))
    # Rostered from this day on; earlier days of the month were kept as they were.
    from_day: Mapped[date]
    # JSON: names, {name: balance}, [shift...], [note text...].
    staff: Mapped[str] = mapped_column(sa.Text, default="[]")
    opening_balance: Mapped[str] = mapped_column(sa.Text, default="{}")
    shifts: Mapped[str] = mapped_column(sa.Text, default="[]")
    notes: Mapped[str] = mapped_column(sa.Text, default="[]")
    calendar_known: Mapped[bool] = mapped_column(default=True)
    created_by_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(default=None)


class Leave(Model):
    """A person away from ``first_day`` to ``last_day`` (inclusive)."""

    __table_args__ = (sa.Index("ix_roster_leave_unit_days", "unit_id", "first_day", "last_day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"), index=True)
    first_day: Mapped[date]
    last_day: Mapped[date]
    reason: Mapped[str] = mapped_column(sa.String(200), default="")
    actor_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class SwapStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    REFUSED = "refused"
    EXPIRED = "expired"
    CANCELLED = "cancelled"  # the duty changed meanwhile (leave, 调班, a new roster)


class SwapRequest(Model):
    """``/换班``: the duty of ``giver`` on ``give_day`` goes to the other person; for an
    exchange, the other person's duty on ``take_day`` comes back. The person asked (``target``)
    answers /同意 or /拒绝 before ``expires_at``."""

    __table_args__ = (sa.Index("ix_roster_swaprequest_target", "target_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    requester_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"))
    target_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"))
    giver_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"))
    give_day: Mapped[date]
    take_day: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[SwapStatus] = mapped_column(enum_type(SwapStatus), default=SwapStatus.PENDING)
    # Where it was asked ("g<group>" or "p<qq>") and from which message.
    chat: Mapped[str] = mapped_column(sa.String(24))
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    decided_at: Mapped[datetime | None] = mapped_column(default=None)
    decided_message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)


class ReminderStatus(enum.StrEnum):
    SENDING = "sending"  # claimed; being sent (or the process died while sending)
    SENT = "sent"
    FAILED = "failed"  # no bot could send it; retried while still useful
    SKIPPED = "skipped"  # nothing to say (everyone checked in, every report in)


class Reminder(Model):
    """A reminder, recorded under its unique key before it is sent: a restart or a second
    bot process finds the key and does not send it again."""

    __table_args__ = (sa.UniqueConstraint("key", name="uq_roster_reminder_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # u<unit>:<kind>:<day>:<g group | p qq>, see dutybot.reminders.Slot.key.
    key: Mapped[str] = mapped_column(sa.String(160))
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(16))
    day: Mapped[date]
    target: Mapped[str] = mapped_column(sa.String(24))
    due_at: Mapped[datetime]
    status: Mapped[ReminderStatus] = mapped_column(enum_type(ReminderStatus))
    attempts: Mapped[int] = mapped_column(default=1)
    text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(default=None)
