"""Getting a file to the QQ side, as rules: in which forms to offer it, how a download link is
signed, and how the outcome is told.

The OneBot v11 implementations take the ``file`` of ``upload_group_file`` /
``upload_private_file`` differently:

- NapCat and LLOneBot: a local path (only if it exists on *their* disk: in Docker or on another
  computer the bot's path is refused, NapCat with "识别URL失败"), ``base64://…`` and
  ``http(s)://`` links, which they download.
- Lagrange.OneBot: a local path only; anything else fails. It reports a failed upload with a
  non-"failed" status (``{"status": "Highway Failed", "retcode": -91001}``).

So the bot offers a local path first (nothing to copy when the QQ side shares the disk), then
the bytes as base64 while the message stays under NapCat's WebSocket frame cap, then a
short-lived signed link to the bot's own HTTP server (which the QQ side reaches, since its
reverse WebSocket connects there).
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from enum import StrEnum

# NapCat's WebSocket frame cap; the base64 text and the JSON around it must stay below it.
FRAME_CAP = 50 * 1024 * 1024
FRAME_HEADROOM = 1024 * 1024
BASE64_PREFIX = "base64://"
# A signed link lives this long: the QQ side downloads it during the upload call.
LINK_SECONDS = 300


class Mode(StrEnum):
    PATH = "path"
    BASE64 = "base64"
    URL = "url"


def base64_length(size: int) -> int:
    """Characters of ``base64://…`` for a file of ``size`` bytes."""
    return len(BASE64_PREFIX) + 4 * ((size + 2) // 3)


def fits_one_frame(size: int) -> bool:
    return base64_length(size) <= FRAME_CAP - FRAME_HEADROOM


def attempt_order(size: int, *, url_available: bool, preferred: Mode | None = None) -> list[Mode]:
    """The forms to offer a file of ``size`` bytes in, in turn: the one that worked last on this
    connection first, then path, base64 (if it fits one frame), link (if the bot knows the
    address the QQ side reaches it at)."""
    order = [Mode.PATH]
    if fits_one_frame(size):
        order.append(Mode.BASE64)
    if url_available:
        order.append(Mode.URL)
    if preferred in order:
        order.remove(preferred)
        order.insert(0, preferred)
    return order


# ---------------------------------------------------------------------------------------------
# Signed links


def link_signature(secret: bytes, file_id: str, expires: int) -> str:
    return hmac.new(secret, f"{file_id}:{expires}".encode(), hashlib.sha256).hexdigest()


def link_valid(secret: bytes, file_id: str, expires: int, signature: str, now: float) -> bool:
    """The link was made by this bot for this file and has not expired (compared in constant
    time, so a guess learns nothing from the answer's timing)."""
    expected = link_signature(secret, file_id, expires)
    return hmac.compare_digest(expected.encode(), signature.encode()) and now <= expires


# ---------------------------------------------------------------------------------------------
# Outcome and wording


class State(StrEnum):
    SENT = "sent"
    FAILED = "failed"
    # The QQ side did not answer in time: the file may or may not have arrived.
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class Outcome:
    state: State
    mode: Mode | None = None
    # What the QQ side said (for the log), e.g. "识别URL失败" or "Highway Failed (-91001)".
    detail: str = ""

    @property
    def sent(self) -> bool:
        return self.state is State.SENT


def file_note(what: str, outcome: Outcome, name: str, where: str, saved_at: str) -> str:
    """One line on one file, true to the outcome: ``Excel 明细已发到群文件：x.xlsx``."""
    if outcome.state is State.SENT:
        return f"{what}已发到{where}：{name}"
    if outcome.state is State.UNCONFIRMED:
        return (
            f"{what}已交给 QQ 发送，但没等到 QQ 的确认，请看看{where}里有没有；"
            f"没有的话，文件在机器人电脑上：{saved_at}"
        )
    return f"{what}没能发到{where}（QQ 没有接收），已保存在机器人电脑上：{saved_at}"
