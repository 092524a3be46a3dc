"""Typed errors of the domain and storage layers; the chat layer turns them into Chinese."""

from __future__ import annotations


class DutyError(Exception):
    """Base of every error a user's action can run into."""


class NotStaff(DutyError):
    """The sender is not bound to anyone on the unit's staff list."""


class UnknownStaff(DutyError):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class NameAlreadyBound(DutyError):
    """Someone else's QQ is already bound to this name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class QQAlreadyBound(DutyError):
    """The sender's QQ is already bound to a (different) name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


class UnknownSite(DutyError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


class NotAllowed(DutyError):
    """The sender lacks the role the action needs (shift leader, coordinator...)."""


# ---------------------------------------------------------------------------------------------
# The problem ledger


class UnknownProblem(DutyError):
    """No problem with this number in the sender's unit (it may exist in another unit)."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


class IllegalTransition(DutyError):
    """The action cannot be applied to a problem in its current status.

    ``status`` and ``action`` are the plain values of ``dutybot.ledger.Status`` / ``Action``;
    ``number`` is filled in by the storage layer, which knows which problem it was.
    """

    def __init__(self, status: str, action: str, number: int | None = None) -> None:
        super().__init__(status, action, number)
        self.status = status
        self.action = action
        self.number = number


class AlreadyResolved(IllegalTransition):
    """Resolving (or coordinating) a problem that is already resolved."""


class AlreadyWithdrawn(IllegalTransition):
    """Any action on a withdrawn problem."""


class NotResolved(IllegalTransition):
    """Re-checking, confirming or reopening a problem that has not been resolved."""


class EmptyDescription(DutyError):
    """A problem needs a description."""


class DescriptionTooLong(DutyError):
    def __init__(self, length: int, limit: int) -> None:
        super().__init__(length, limit)
        self.length = length
        self.limit = limit


class UnknownCategory(DutyError):
    def __init__(self, text: str, choices: tuple[str, ...]) -> None:
        super().__init__(text)
        self.text = text
        self.choices = choices


# ---------------------------------------------------------------------------------------------
# The roster


class NotOnDuty(DutyError):
    """``name`` has no duty on ``day`` (nothing to hand over or take)."""

    def __init__(self, name: str, day) -> None:
        super().__init__(name, day)
        self.name = name
        self.day = day


class AlreadyOnDuty(DutyError):
    """``name`` is on duty on ``day`` already, so cannot take another duty that day."""

    def __init__(self, name: str, day) -> None:
        super().__init__(name, day)
        self.name = name
        self.day = day


class BothOnDuty(DutyError):
    """Both people of a one-day swap are on duty that day: there is nothing to swap."""

    def __init__(self, day) -> None:
        super().__init__(day)
        self.day = day


class OnLeave(DutyError):
    """``name`` is on leave on ``day``."""

    def __init__(self, name: str, day) -> None:
        super().__init__(name, day)
        self.name = name
        self.day = day


class SwapNotPending(DutyError):
    """The swap request was answered, expired or cancelled already."""

    def __init__(self, status: str) -> None:
        super().__init__(status)
        self.status = status


class NeitherOnDuty(DutyError):
    """Neither person of a one-day swap is on duty that day: there is nothing to hand over."""

    def __init__(self, names: tuple[str, str], day) -> None:
        super().__init__(names, day)
        self.names = names
        self.day = day


class DutyDone(DutyError):
    """``name``'s duty on ``day`` is over (the day is past, its end time has passed, or the
    person checked in for it): it can no longer be handed over."""

    def __init__(self, name: str, day, checked_in: bool = False) -> None:
        super().__init__(name, day, checked_in)
        self.name = name
        self.day = day
        self.checked_in = checked_in


# ---------------------------------------------------------------------------------------------
# Check-ins


class NotCheckedIn(DutyError):
    """``name`` has no check-in on ``day`` (at the site asked about, if any) to undo."""

    def __init__(self, name: str, day, site: str | None = None) -> None:
        super().__init__(name, day, site)
        self.name = name
        self.day = day
        self.site = site
