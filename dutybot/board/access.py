"""Personal dashboard links: who may look, until when, and the key that signs them.

A link carries a QQ number and an expiry, signed with HMAC-SHA256 (the signing helper of
:mod:`dutybot.file_delivery`, under its own subject ``board:<qq>``) by a key kept in the data
folder, so a link outlives a restart and every link dies when the key file is deleted. The
link grants nothing by itself: each request looks up what that QQ number may see *now*
(coordinator of which units, or a SUPERUSER for the city), so removing someone from a unit
file closes their link at once. Nothing is stored per link: no schema, no session.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from dutybot.file_delivery import link_signature, link_valid

LINK_DAYS = 7
LINK_SECONDS = LINK_DAYS * 24 * 3600
KEY_FILE = "board.key"
_SEPARATOR = "."


def _subject(qq: int) -> str:
    return f"board:{qq}"


def make_token(secret: bytes, qq: int, expires: int) -> str:
    """``<qq>.<expires>.<signature>``: URL-safe, one path segment."""
    return _SEPARATOR.join((str(qq), str(expires), link_signature(secret, _subject(qq), expires)))


@dataclass(frozen=True)
class Holder:
    """Whose link it is and when it expires (Unix time)."""

    qq: int
    expires: int


def read_token(secret: bytes, token: str, now: float) -> Holder | None:
    """The link's holder when this key signed it and it has not expired; None for anything
    else (malformed, tampered, expired), alike. The signature is compared in constant time."""
    parts = token.split(_SEPARATOR)
    if len(parts) != 3:
        return None
    qq_text, expires_text, signature = parts
    if not (_digits(qq_text) and _digits(expires_text)) or not signature.isascii():
        return None
    qq, expires = int(qq_text), int(expires_text)
    if not link_valid(secret, _subject(qq), expires, signature, now):
        return None
    return Holder(qq, expires)


def _digits(text: str) -> bool:
    return text.isascii() and text.isdigit() and 0 < len(text) <= 20


def load_key(folder: Path) -> bytes:
    """The signing key in ``folder/board.key``, made (random, readable by the owner only) the
    first time. Two processes starting together agree: only one creates it."""
    path = Path(folder) / KEY_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_hex(32))
    text = path.read_text(encoding="ascii").strip()
    if len(text) < 32:  # a partly written file of the other process: read again shortly
        raise OSError(f"{path} is incomplete")
    return bytes.fromhex(text)


@dataclass(frozen=True)
class Sight:
    """What a link's holder sees: the units (ids, in order) and whether as the city office."""

    unit_ids: tuple[int, ...]
    city: bool = False

    def allows(self, unit_id: int) -> bool:
        return unit_id in self.unit_ids
