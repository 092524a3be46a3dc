"""Core records: units, sites, staff, the roster, check-ins, and the audit trail.

Every row is keyed by its unit. Times are naive UTC set in Python (the event's own time where
there is an event), so that SQLite and PostgreSQL agree and tests can freeze the clock.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime

import sqlalchemy as sa
from nonebot_plugin_orm import Model
from sqlalchemy.orm import Mapped, mapped_column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def enum_type(enum_class: type[enum.Enum]) -> sa.Enum:
    """Stored as its plain values in a VARCHAR, the same on SQLite and PostgreSQL."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        length=16,
        values_callable=lambda members: [m.value for m in members],
    )


class BindingSource(enum.StrEnum):
    FILE = "file"  # the QQ number is in the unit file
    COMMAND = "command"  # /绑定 姓名
    CARD = "card"  # matched from the group card, e.g. 秘书科-王晓明


class CheckinSource(enum.StrEnum):
    SELF = "self"  # /报到 by the person
    LEADER = "leader"  # /报到 张三 by a shift leader or coordinator
    REPORT = "report"  # named as present in a daily report
    IMPORT = "import"  # from an imported chat history


class RosterStatus(enum.StrEnum):
    PLANNED = "planned"
    LEAVE = "leave"  # taken off by /请假
    SWAPPED = "swapped"  # handed over by /换班 or /调班
    # Superseded by a rebuilt roster of the month (/排班 确认). A plain value in the same
    # VARCHAR(16) column: no schema change.
    REPLACED = "replaced"


class Unit(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    name: Mapped[str] = mapped_column(sa.String(64))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Site(Model):
    __table_args__ = (sa.UniqueConstraint("unit_id", "name", name="uq_duty_site_unit_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(128))
    kind: Mapped[str] = mapped_column(sa.String(8))
    # A site removed from the unit file stays, inactive, so its history keeps its name.
    active: Mapped[bool] = mapped_column(default=True)


class Staff(Model):
    __table_args__ = (
        sa.UniqueConstraint("unit_id", "name", name="uq_duty_staff_unit_name"),
        sa.UniqueConstraint("unit_id", "qq", name="uq_duty_staff_unit_qq"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(32))
    department: Mapped[str] = mapped_column(sa.String(64))
    qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    bound_via: Mapped[BindingSource | None] = mapped_column(enum_type(BindingSource), default=None)
    bound_at: Mapped[datetime | None] = mapped_column(default=None)
    leader: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)


class RosterEntry(Model):
    """One person on one duty: a date at a site. Changes keep the old row with its status."""

    __table_args__ = (sa.Index("ix_duty_rosterentry_unit_date", "unit_id", "duty_date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_site.id"))
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"), index=True)
    duty_date: Mapped[date]
    is_leader: Mapped[bool] = mapped_column(default=False)
    status: Mapped[RosterStatus] = mapped_column(
        enum_type(RosterStatus), default=RosterStatus.PLANNED
    )
    # The entry this one took over from (leave substitute or swap).
    replaces_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("duty_rosterentry.id"), default=None
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Checkin(Model):
    """A person present for a day's duty at a site: counted once per person, day and site."""

    __table_args__ = (
        sa.UniqueConstraint("site_id", "staff_id", "duty_date", name="uq_duty_checkin_once"),
        sa.Index("ix_duty_checkin_unit_date", "unit_id", "duty_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    site_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_site.id"))
    staff_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_staff.id"))
    duty_date: Mapped[date]
    # The event's own time (UTC), not the moment it was processed.
    checked_at: Mapped[datetime]
    source: Mapped[CheckinSource] = mapped_column(enum_type(CheckinSource))
    # Who posted it (a leader may check in others) and from which QQ message.
    by_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Model):
    """Who changed what, when and from which message; nothing here is ever updated."""

    __table_args__ = (sa.Index("ix_duty_auditentry_subject", "subject", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    at: Mapped[datetime]
    actor_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    action: Mapped[str] = mapped_column(sa.String(32))
    subject: Mapped[str] = mapped_column(sa.String(32))
    subject_id: Mapped[int | None] = mapped_column(default=None)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    detail: Mapped[str] = mapped_column(sa.Text, default="")


class ProcessedMessage(Model):
    """A QQ message whose effects are in the database. Written in the same transaction as
    those effects, so a message delivered twice (after a reconnect, or to two bot processes)
    is recorded once."""

    __table_args__ = (
        sa.UniqueConstraint("chat", "message_id", name="uq_duty_processedmessage_once"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # "g<group id>" or "p<user id>": message ids are only unique within a chat.
    chat: Mapped[str] = mapped_column(sa.String(24))
    message_id: Mapped[str] = mapped_column(sa.String(64))
    user_id: Mapped[int] = mapped_column(sa.BigInteger)
    sent_at: Mapped[datetime]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
