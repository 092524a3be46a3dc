"""The problem ledger: problems, every change to them, and their photos. Nothing is deleted.

Times are naive UTC set in Python (the event's own time); the local dates that monthly figures
group on (``found_on``, ``due_on``, ``resolved_on``) are stored next to them so that SQL can
aggregate without timezone arithmetic.
"""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from nonebot_plugin_orm import Model
from sqlalchemy.orm import Mapped, mapped_column

from dutybot.ledger import Action, PhotoStage, PhotoStatus, Source, Status
from plugins.duty.model import enum_type, utcnow


class Problem(Model):
    """One problem found at a site, in the unit's ledger under a short number (#12).

    Quantities: ``quantity`` is how many were found (电动车乱停放5处 → 5) and
    ``resolved_quantity`` how many of those are resolved, which is ``quantity`` while the
    status is resolved, rechecking or verified and 0 otherwise: a row is wholly open or wholly
    resolved. A partial fix ("5 处违停，已挪走 3 处") is recorded as two rows from the same
    message: 3 resolved on the spot and 2 open (``service.add_partly_fixed``). So for a month:

        found    = SUM(quantity)          WHERE found_on    IN month AND status != 'withdrawn'
        resolved = SUM(resolved_quantity) WHERE resolved_on IN month AND status != 'withdrawn'

    (``service.ledger_figures`` runs exactly these). ``resolved_on`` is set exactly while the
    problem is resolved; reopening clears it.
    """

    __table_args__ = (
        sa.UniqueConstraint("unit_id", "number", name="uq_ledger_problem_unit_number"),
        sa.Index("ix_ledger_problem_unit_found_on", "unit_id", "found_on"),
        sa.Index("ix_ledger_problem_unit_resolved_on", "unit_id", "resolved_on"),
        sa.Index("ix_ledger_problem_unit_status", "unit_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    # The unit's own short number, shown as #12; allocated as max + 1 under a lock.
    number: Mapped[int]
    # None only for a problem from a report or an import whose site could not be told.
    site_id: Mapped[int | None] = mapped_column(sa.ForeignKey("duty_site.id"), index=True)
    category: Mapped[str] = mapped_column(sa.String(32))
    description: Mapped[str] = mapped_column(sa.Text)
    quantity: Mapped[int] = mapped_column(default=1)
    resolved_quantity: Mapped[int] = mapped_column(default=0)
    status: Mapped[Status] = mapped_column(enum_type(Status), default=Status.OPEN)

    source: Mapped[Source] = mapped_column(enum_type(Source))
    # The daily report it was read from (reports plugin); deliberately no foreign key, so that
    # the ledger does not depend on the reports plugin.
    report_id: Mapped[int | None] = mapped_column(default=None, index=True)
    reporter_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    reporter_staff_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("duty_staff.id"), default=None
    )
    # The message that reported it, and the bot's "已登记问题 #12" reply (reply-to-resolve).
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None, index=True)
    bot_message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None, index=True)

    found_at: Mapped[datetime]
    found_on: Mapped[date]
    # The category's time limit when registered (unit file [time_limits]); due_on is found_on
    # plus it, or the reopening day plus it after /重开.
    time_limit_days: Mapped[int]
    due_on: Mapped[date]

    # The body asked to act (/协调 12 城管执法中队), kept after it resolves the problem.
    coordinating_with: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    resolved_at: Mapped[datetime | None] = mapped_column(default=None)
    resolved_on: Mapped[date | None] = mapped_column(default=None)
    resolved_by_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    resolution_note: Mapped[str] = mapped_column(sa.Text, default="")
    # Found and fixed on the spot by the duty team (发现即整改).
    on_the_spot: Mapped[bool] = mapped_column(default=False)
    # Times it was reopened after being resolved (返工).
    rework_count: Mapped[int] = mapped_column(default=0)

    # Optimistic lock: two changes of one problem at once cannot both apply.
    version: Mapped[int] = mapped_column(default=1)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012


class ProblemEvent(Model):
    """One change of a problem: who, when (the message's own time), what, from which message.
    Never updated."""

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(sa.ForeignKey("ledger_problem.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    at: Mapped[datetime]
    actor_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    action: Mapped[Action] = mapped_column(enum_type(Action))
    from_status: Mapped[Status | None] = mapped_column(enum_type(Status), default=None)
    to_status: Mapped[Status] = mapped_column(enum_type(Status))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Photo(Model):
    """A photo sent as evidence: 整改前 (before) with the report, 整改后 (after) with the fix.

    Saved under ``<DUTY_DATA_DIR>/photos/YYYY-MM/<sha256>.<ext>``; ``path`` is relative to the
    data folder. A download that failed keeps its row (status ``failed``, ``error``) so the
    gap is visible."""

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(sa.ForeignKey("ledger_problem.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"), index=True)
    stage: Mapped[PhotoStage] = mapped_column(enum_type(PhotoStage))
    status: Mapped[PhotoStatus] = mapped_column(enum_type(PhotoStatus))
    path: Mapped[str | None] = mapped_column(sa.String(255), default=None)
    sha256: Mapped[str | None] = mapped_column(sa.String(64), default=None, index=True)
    size: Mapped[int | None] = mapped_column(default=None)
    source_url: Mapped[str] = mapped_column(sa.Text, default="")
    source_file: Mapped[str] = mapped_column(sa.String(255), default="")
    error: Mapped[str] = mapped_column(sa.String(255), default="")
    taken_at: Mapped[datetime]  # the time of the message that carried it
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class ProblemTelling(Model):
    """One message telling a problem: the ``/问题`` that registered it, a daily report that
    listed it, a second member's report of the same duty. A problem is counted once however
    often it is told; this is where every telling is kept (the Excel ledger lists them).

    ``changes`` records what this telling changed on a problem it did not create (JSON, e.g.
    ``{"status": ["open", "resolved"]}``), so that withdrawing the telling's report can undo
    exactly that and nothing someone did since."""

    __table_args__ = (sa.Index("ix_ledger_problemtelling_message", "unit_id", "message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    problem_id: Mapped[int] = mapped_column(sa.ForeignKey("ledger_problem.id"), index=True)
    unit_id: Mapped[int] = mapped_column(sa.ForeignKey("duty_unit.id"))
    source: Mapped[Source] = mapped_column(enum_type(Source))
    # The daily report (reports plugin) it came from; no foreign key, as for Problem.
    report_id: Mapped[int | None] = mapped_column(default=None, index=True)
    message_id: Mapped[str | None] = mapped_column(sa.String(64), default=None)
    actor_qq: Mapped[int | None] = mapped_column(sa.BigInteger, default=None)
    at: Mapped[datetime]
    text: Mapped[str] = mapped_column(sa.Text, default="")
    quantity: Mapped[int] = mapped_column(default=1)
    # How many the telling says were fixed.
    fixed: Mapped[int] = mapped_column(default=0)
    # True for the telling that put the problem in the ledger.
    registered: Mapped[bool] = mapped_column(default=False)
    # False once its report was corrected or recalled.
    active: Mapped[bool] = mapped_column(default=True)
    changes: Mapped[str] = mapped_column(sa.Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
