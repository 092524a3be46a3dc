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
from typing import BinaryIO

BATCH = 250


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "import",
        help="导入 QQ 群聊天记录里的值班日报",
        description="导入 QQ 电脑版导出的群聊天记录（.txt），把其中的值班日报按当时发送记入数据库；"
        "同一文件导入两次不会重复。",
    )
    parser.add_argument("--unit", required=True, help="这个群所属单位的单位文件（.toml）")
    parser.add_argument("chat", help="聊天记录文件（QQ 电脑版：消息管理 → 导出为 .txt）")
    parser.add_argument("--quiet", action="store_true", help="不显示进度")
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


def run(args: argparse.Namespace) -> int:
    unit_path = Path(args.unit).resolve()
    chat_path = Path(args.chat)
    if not chat_path.is_file():
        print(f"找不到聊天记录文件：{chat_path}", file=sys.stderr)
        return 1
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


def _lines(stream: BinaryIO, read: list[int]) -> Iterator[str]:
    for raw in stream:
        read[0] += len(raw)
        yield raw.decode("utf-8", errors="replace")


async def import_history(
    unit_path: Path, chat_path: Path, size: int, progress: bool = True
) -> ImportCounts:
    from .bootstrap import open_database

    await open_database(duty_unit_file=str(unit_path), log_level="WARNING")

    from plugins.duty import units

    from .chat_history import read_history
    from .clock import timezone

    # The database was opened with this unit file only, so it is the one unit served.
    [served] = units.all_served()
    counts = ImportCounts()
    size = max(size, 1)
    read = [0]
    batch: list = []
    shown = time.monotonic()
    with chat_path.open("rb") as stream:
        for message in read_history(_lines(stream, read), timezone()):
            counts.messages += 1
            batch.append(message)
            if len(batch) >= BATCH:
                await _import_batch(served, batch, counts)
                batch = []
            if progress and time.monotonic() - shown > 1:
                shown = time.monotonic()
                print(
                    f"\r导入中 {read[0] * 100 // size}%（{counts.messages} 条消息）",
                    end="",
                    file=sys.stderr,
                    flush=True,
                )
        if batch:
            await _import_batch(served, batch, counts)
    if progress:
        print(f"\r导入中 100%（{counts.messages} 条消息）", file=sys.stderr)
    return counts


async def _import_batch(served, messages: list, counts: ImportCounts) -> None:
    import sqlalchemy as sa
    from nonebot_plugin_orm import get_session

    from plugins.duty.model import ProcessedMessage
    from plugins.reports.model import ReportSource
    from plugins.reports.service import record_report

    from .clock import to_utc_naive
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
        for key, message in keyed.items():
            if key in done:
                continue
            reports = parse_message(message.text, message.sent_at, unit, message.sender)
            sender_qq = _sender_qq(unit, message)
            if reports:
                counts.report_messages += 1
                for parsed in reports:
                    recorded = await record_report(
                        session,
                        served,
                        parsed,
                        raw_text=message.text,
                        sent_at=message.sent_at,
                        source=ReportSource.IMPORT,
                        sender_qq=sender_qq,
                        sender_name=message.sender,
                        chat=chat,
                        message_id=key,
                    )
                    counts.reports += 1
                    if recorded.held_for is not None:
                        counts.held += 1
                    # New problems only: one told again is counted once, where it was first.
                    counts.problems += len(recorded.new_numbers)
                    counts.problem_quantity += recorded.new_found
            session.add(
                ProcessedMessage(
                    chat=chat,
                    message_id=key,
                    user_id=sender_qq or 0,
                    sent_at=to_utc_naive(message.sent_at),
                )
            )
        await session.commit()


def _sender_qq(unit, message) -> int | None:
    """The sender's QQ: from the export's header, else from a listed name in the nickname."""
    if message.qq is not None:
        return message.qq
    named = [m for m in unit.staff if m.name in message.sender and m.qq is not None]
    return named[0].qq if len(named) == 1 else None
