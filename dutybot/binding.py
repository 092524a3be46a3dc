"""Who a group card names, for binding a QQ number to the staff list without /绑定.

Only an exact match counts: the card is the name itself (``何永军``) or ``科室-姓名`` with the
person's own department (``友协办-何永军``; ``-``, ``－``, ``—``, ``_``, ``·`` or a blank between).
A card that merely contains a name (``宋佳佳的家长``, ``宋佳（退休）``) names nobody. Leaders
are never bound this way: they may check in others, so they bind with /绑定 themselves.
"""

from __future__ import annotations

from .unit import StaffMember, Unit

SEPARATORS = "-－—_·・ "


def card_member(unit: Unit, card: str) -> StaffMember | None:
    text = " ".join(card.split())  # blanks at the ends or doubled do not matter
    if not text:
        return None
    found = [m for m in unit.staff if m.active and _names(text, m)]
    if len(found) != 1 or found[0].leader:
        return None
    return found[0]


def _names(card: str, member: StaffMember) -> bool:
    if card == member.name:
        return True
    if not card.startswith(member.department) or not card.endswith(member.name):
        return False
    between = card[len(member.department) : len(card) - len(member.name)]
    return len(between) == 1 and between in SEPARATORS
