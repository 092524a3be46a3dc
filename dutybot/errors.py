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
