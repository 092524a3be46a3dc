"""``dutybot import``: a QQ group chat history (exported from the QQ PC client as text) into
the database, as if its daily reports had been posted then. Importing a file twice adds
nothing: every message is claimed under a key made of its time, sender and text."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Messages recorded together (plugins.reports.batch): what they need is read once a batch.
BATCH = 1000


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import",
        help="导入 QQ 群聊天记录里的值班日报",
        description="导入 QQ 电脑版导出的群聊天记录（.txt，UTF-8 或 GBK），把其中的值班日报按当时"
        "发送记入数据库；同一文件导入两次不会重复。聊天记录里没有单位文件的任何人员和地点时不导入"
        "（多半是选错了单位文件）。--undo 撤销一个文件的导入。",
    )
    parser.add_argument("--unit", required=True, help="这个群所属单位的单位文件（.toml）")
    parser.add_argument("chat", help="聊天记录文件（QQ 电脑版：消息管理 → 导出为 .txt）")
    parser.add_argument("--quiet", action="store_true", help="不显示进度")
    parser.add_argument(
        "--undo",
        action="store_true",
        help="撤销这个文件（用同一单位文件）的导入：其中的日报、问题和到岗记录像撤回消息一样撤销，"
        "留有记录；之后可以重新导入",
    )
    parser.set_defaults(handler=run)


@dataclass
class ImportCounts:
    messages: int = 0
    report_messages: int = 0
    reports: int = 0
    problems: int = 0
    problem_quantity: int = 0
    already: int = 0
    # Reports whose site could not be told (or pastes): kept, not counted.
    held: int = 0


@dataclass
class UndoCounts:
    messages: int = 0
    reports: int = 0
    problems: int = 0
    checkins: int = 0


class ImportRefused(Exception):
    """The file is not imported; ``str()`` is the one line saying why."""


def run(args: argparse.Namespace) -> int:
    from .textfile import TextFileError
    from .unit import UnitFileError, load_unit

    # Paths as the user typed them, from where they stand (loading the bot changes folder).
    unit_path = Path(args.unit).resolve()
    chat_path = Path(args.chat).resolve()
    try:
        if not chat_path.exists():
            raise ImportRefused(f"找不到聊天记录文件：{args.chat}")
        unit = load_unit(unit_path)
        # An import made under the wrong unit file is undone with that same file.
        check_matches(unit, chat_path, need_match=not args.undo)
    except (ImportRefused, TextFileError, UnitFileError) as error:
        print(error, file=sys.stderr)
        return 1
    if args.undo:
        undone = asyncio.run(undo_import(unit_path, chat_path))
        if not undone.messages:
            print(
                f"{args.chat} 没有用单位文件 {unit_path.name} 导入过（或已经撤销），没有改动。",
                file=sys.stderr,
            )
            return 1
        print(
            f"已撤销导入：{undone.messages} 条消息，其中日报 {undone.reports} 份"
            f"（问题 {undone.problems} 条、到岗记录 {undone.checkins} 条）已像撤回消息一样撤销，"
            "留有记录。需要时可以重新导入。"
        )
        return 0
    counts = asyncio.run(
        import_history(unit_path, chat_path, chat_path.stat().st_size, progress=not args.quiet)
    )
    print(
        f"导入完成：读了 {counts.messages} 条消息，其中日报 {counts.report_messages} 条"
        f"（{counts.reports} 份，问题 {counts.problems} 条共 {counts.problem_quantity} 处）；"
        f"已导入过而跳过 {counts.already} 条。"
        + (
            f"\n其中 {counts.held} 份日报没认出地点或像是重复粘贴，未计入"
            "（可在群里用“/日报 地点 内容”补发）。"
            if counts.held
            else ""
        )
    )
    return 0


def message_key(sent_at, sender: str, text: str) -> str:
    digest = hashlib.sha256(f"{sent_at.isoformat()}\n{sender}\n{text}".encode()).hexdigest()
    return digest[:32]


def history(chat_path: Path) -> Iterator:
    """The messages of an export, read in whatever encoding QQ or Windows saved it in."""
    from .chat_history import read_history
    from .clock import timezone
    from .textfile import open_text

    stream, _ = open_text(chat_path)
    with stream:
        yield from read_history(stream, timezone())


def check_matches(unit, chat_path: Path, need_match: bool = True) -> None:
    """ImportRefused unless the file is a QQ export in which at least one of the unit's people
    writes or one of its sites is named: imported under the wrong unit file, a chat's reports
    would all land in a unit of their own, under 未注明地点."""
    from .text import fold

    qqs = {member.qq for member in unit.staff if member.qq is not None}
    names = [member.name for member in unit.staff]
    spellings = {spelling for site in unit.sites for spelling in site.spellings()}
    messages = 0
    for message in history(chat_path):
        messages += 1
        if not need_match:
            return
        if message.qq in qqs or any(name in message.sender for name in names):
            return
        text = fold(message.text)
        if any(spelling in text for spelling in spellings):
            return
    if not messages:
        raise ImportRefused(
            f"{chat_path.name} 里没有读到消息：不是 QQ 电脑版导出的聊天记录"
            "（消息管理 → 导出为 .txt），没有导入任何内容。"
        )
    raise ImportRefused(
        f"{chat_path.name} 的 {messages} 条消息里没有单位文件 {unit.source}（{unit.name}）的"
        "任何人员或地点：是不是选错了单位文件？没有导入任何内容。"
    )


async def import_history(
    unit_path: Path, chat_path: Path, size: int, progress: bool = True
) -> ImportCounts:
    from .bootstrap import open_database

    await open_database(duty_unit_file=str(unit_path), log_level="WARNING")

    from plugins.duty import units

    from .chat_history import read_history
    from .clock import timezone
    from .textfile import open_text

    # The database was opened with this unit file only, so it is the one unit served.
    [served] = units.all_served()
    counts = ImportCounts()
    size = max(size, 1)
    batch: list = []
    shown = time.monotonic()
    stream, _ = open_text(chat_path)
    with stream:
        for message in read_history(stream, timezone()):
            counts.messages += 1
            batch.append(message)
            if len(batch) >= BATCH:
                await _import_batch(served, batch, counts)
                batch = []
            if progress and time.monotonic() - shown > 1:
                shown = time.monotonic()
                print(
                    f"\r导入中 {min(stream.buffer.tell() * 100 // size, 99)}%"
                    f"（{counts.messages} 条消息）",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
        if batch:
            await _import_batch(served, batch, counts)
    if progress:
        print(f"\r导入中 100%（{counts.messages} 条消息）", file=sys.stderr)
    return counts


async def undo_import(unit_path: Path, chat_path: Path) -> UndoCounts:
    """Withdraw what importing ``chat_path`` under this unit file recorded, as recalling each
    message would (audited), and release the messages so that they can be imported again.
    The imported rows are those of the import's chat (``i<unit id>``) and message keys."""
    from .bootstrap import open_database

    await open_database(duty_unit_file=str(unit_path), log_level="WARNING")

    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    from plugins.duty import service as duty_service
    from plugins.duty import units
    from plugins.duty.model import ProcessedMessage
    from plugins.reports.service import withdraw_recalled

    from . import clock

    [served] = units.all_served()
    chat = f"i{served.unit_id}"
    keys = list(dict.fromkeys(message_key(m.sent_at, m.sender, m.text) for m in history(chat_path)))
    counts = UndoCounts()
    now = clock.now()
    async with get_session() as session:
        for start in range(0, len(keys), BATCH):
            claimed = list(
                await session.scalars(
                    sa.select(ProcessedMessage).where(
                        ProcessedMessage.chat == chat,
                        ProcessedMessage.message_id.in_(keys[start : start + BATCH]),
                    )
                )
            )
            for row in claimed:
                withdrawals = await withdraw_recalled(
                    session, served, chat, row.message_id, None, now, reason="导入已撤销"
                )
                counts.reports += len(withdrawals)
                counts.problems += sum(w.problems for w in withdrawals)
                counts.checkins += sum(w.checkins for w in withdrawals)
                await session.delete(row)
            counts.messages += len(claimed)
        if counts.messages:
            await duty_service.audit(
                session,
                served.unit_id,
                "undo",
                "import",
                None,
                detail=f"撤销导入 {chat_path.name}：{counts.messages} 条消息，日报 {counts.reports} 份，"
                f"问题 {counts.problems} 条，到岗记录 {counts.checkins} 条",
                at=now,
            )
        await session.commit()
    return counts


async def _import_batch(served, messages: list, counts: ImportCounts) -> None:
    """Record a batch of messages (``plugins.reports.batch``: the rows ``record_report`` would
    write message by message), each message once."""
    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import ProcessedMessage
    from plugins.reports.batch import ImportedMessage, record_messages

    from .report_parser import parse_message

    unit = served.unit
    chat = f"i{served.unit_id}"
    keyed = {message_key(m.sent_at, m.sender, m.text): m for m in messages}
    async with get_session() as session:
        done = set(
            await session.scalars(
                sa.select(ProcessedMessage.message_id).where(
                    ProcessedMessage.chat == chat, ProcessedMessage.message_id.in_(list(keyed))
                )
            )
        )
        counts.already += len(done)
        todo = [
            ImportedMessage(
                key=key,
                sent_at=message.sent_at,
                sender=message.sender,
                sender_qq=_sender_qq(unit, message),
                text=message.text,
                reports=parse_message(message.text, message.sent_at, unit, message.sender),
            )
            for key, message in keyed.items()
            if key not in done
        ]
        for message, recorded in zip(
            todo, await record_messages(session, served, chat, todo), strict=True
        ):
            if message.reports:
                counts.report_messages += 1
            for report in recorded:
                counts.reports += 1
                if report.held_for is not None:
                    counts.held += 1
                # New problems only: one told again is counted once, where it was first.
                counts.problems += len(report.new_numbers)
                counts.problem_quantity += report.new_found


def _sender_qq(unit, message) -> int | None:
    """The sender's QQ: from the export's header, else from a listed name in the nickname."""
    if message.qq is not None:
        return message.qq
    named = [m for m in unit.staff if m.name in message.sender and m.qq is not None]
    return named[0].qq if len(named) == 1 else None
