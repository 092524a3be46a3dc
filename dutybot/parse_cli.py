"""``dutybot parse``: read duty reports from a JSONL file of messages, print them as REPORTS.md.

Input lines: ``{"id", "sent_at", "sender", "text"}`` (other keys are ignored). Output: one
``{"id": ..., "reports": [...]}`` line per input line. A line that cannot be read is reported
on stderr and skipped. With ``--score``, the input's ``expected`` field is compared with the
output and the per-field accuracy goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from .clock import timezone


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "parse",
        help="解析值班日报（JSONL）",
        description="逐行读取消息（JSONL：id、sent_at、sender、text），按 REPORTS.md 的格式输出解析结果。",
    )
    parser.add_argument("--unit", required=True, help="单位文件（.toml）")
    parser.add_argument("file", help="消息文件（JSONL），- 表示标准输入")
    parser.add_argument(
        "--score", action="store_true", help="输入行带 expected 时，把各项准确率打印到标准错误"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .report_parser import parse_message
    from .scoring import FIELDS, score
    from .unit import UnitFileError, load_unit

    try:
        unit = load_unit(Path(args.unit))
    except UnitFileError as error:
        print(error, file=sys.stderr)
        return 1
    from .textfile import TextFileError, open_text

    try:
        source = sys.stdin if args.file == "-" else open_text(Path(args.file))[0]
    except TextFileError as error:
        print(error, file=sys.stderr)
        return 1

    scored_rows: list[dict[str, Any]] = []
    outputs: dict[str, list[dict[str, Any]]] = {}
    failures = 0
    with source:
        for number, line in enumerate(source, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                print(f"第{number}行无法读取：不是 JSON", file=sys.stderr)
                failures += 1
                continue
            try:
                message_id, sent_at, text = _message(row)
            except BadMessage as error:
                print(f"第{number}行无法读取：{error}", file=sys.stderr)
                failures += 1
                continue
            reports = [
                r.to_contract() for r in parse_message(text, sent_at, unit, row.get("sender"))
            ]
            print(
                json.dumps({"id": message_id, "reports": reports}, ensure_ascii=False), flush=False
            )
            outputs[message_id] = reports
            if args.score and isinstance(row.get("expected"), dict):
                scored_rows.append(row)
    sys.stdout.flush()
    if args.score and scored_rows:
        result = score(scored_rows, outputs)
        for name in (*FIELDS, "mean"):
            if name in result:
                print(f"{name:<15} {result[name]:.3f}", file=sys.stderr)
    if not outputs and not failures and args.file != "-":
        print(f"{args.file} 里没有消息（每行应是一条 JSON 消息）", file=sys.stderr)
        return 1
    return 1 if failures and not outputs else 0


class BadMessage(Exception):
    """A line that is no message; ``str()`` says what is wrong with it."""


def _message(row: Any) -> tuple[str, datetime, str]:
    if not isinstance(row, dict):
        raise BadMessage("不是 JSON 对象")
    missing = [key for key in ("id", "sent_at", "text") if key not in row]
    if missing:
        raise BadMessage(f"缺少 {'、'.join(missing)}")
    message_id = row["id"]
    text = row["text"]
    if not isinstance(text, str):
        raise BadMessage("text 不是文字")
    try:
        sent_at = datetime.fromisoformat(str(row["sent_at"]))
    except ValueError:
        raise BadMessage(
            f"sent_at 不是时间（应写成 2026-11-20T08:05:00）：{row['sent_at']}"
        ) from None
    if sent_at.tzinfo is None:
        # A bare time is the unit's local time, never the host's.
        sent_at = sent_at.replace(tzinfo=timezone())
    return str(message_id), sent_at, text
