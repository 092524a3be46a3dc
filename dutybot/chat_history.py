"""Reading a QQ group chat history exported from the QQ PC client as text.

The export is a preamble (消息记录, 消息分组, 消息对象 …) and then, for each message, a header
line ``2026-11-20 8:05:12 秘书科-王晓明(20001)`` (or ``名字<someone@qq.com>``, or a name alone)
followed by the message's lines. Read as a stream, so a file of years of chat needs little
memory.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

_HEADER = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2}) (?P<time>\d{1,2}:\d{2}:\d{2}) (?P<who>.+?)\s*$"
)
_QQ_IN_PARENS = re.compile(r"^(?P<name>.*)\((?P<qq>\d{5,12})\)$")
_EMAIL = re.compile(r"^(?P<name>.*)<(?P<email>[^<>]+)>$")


@dataclass(frozen=True)
class HistoryMessage:
    sent_at: datetime
    sender: str
    qq: int | None
    text: str
    # 1-based line of the header, to point at a message in the file.
    line: int


def _parse_header(line: str, timezone: ZoneInfo) -> tuple[datetime, str, int | None] | None:
    match = _HEADER.match(line)
    if not match:
        return None
    try:
        sent_at = datetime.strptime(f"{match['date']} {match['time']}", "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    who = match["who"]
    qq: int | None = None
    if found := _QQ_IN_PARENS.match(who):
        who, qq = found["name"].strip(), int(found["qq"])
    elif found := _EMAIL.match(who):
        email = found["email"]
        who = found["name"].strip()
        local = email.split("@", 1)[0]
        if email.endswith("@qq.com") and local.isdigit():
            qq = int(local)
    return sent_at.replace(tzinfo=timezone), who, qq


def read_history(lines: Iterable[str], timezone: ZoneInfo) -> Iterator[HistoryMessage]:
    """Messages in file order. Lines before the first header (the preamble) are skipped."""
    current: tuple[datetime, str, int | None, int] | None = None
    body: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n").lstrip("\ufeff")
        header = _parse_header(line, timezone)
        if header is not None:
            if current is not None:
                yield _message(current, body)
            current = (*header, number)
            body = []
        elif current is not None:
            body.append(line)
    if current is not None:
        yield _message(current, body)


def _message(header: tuple[datetime, str, int | None, int], body: list[str]) -> HistoryMessage:
    sent_at, sender, qq, line = header
    # The export separates messages with a blank line; keep blank lines inside a message.
    while body and not body[-1].strip():
        body.pop()
    return HistoryMessage(sent_at=sent_at, sender=sender, qq=qq, text="\n".join(body), line=line)
