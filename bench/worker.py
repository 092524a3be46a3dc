"""Small jobs the benchmark runs as their own processes, so that their time and peak memory
are theirs alone: ``python -m bench.worker migrate|parse-history ...``."""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path


def migrate(args: argparse.Namespace) -> dict[str, object]:
    """A fresh database brought to the latest migration, the unit file synced (settings from
    the environment, as for ``dutybot import``)."""
    from dutybot.bootstrap import open_database

    asyncio.run(open_database(duty_unit_file=str(Path(args.unit).resolve()), log_level="WARNING"))
    return {}


def parse_history(args: argparse.Namespace) -> dict[str, object]:
    """The import's floor: read the chat history and parse every message, as ``dutybot
    import`` does, but write nothing."""
    from dutybot.chat_history import read_history
    from dutybot.clock import timezone
    from dutybot.report_parser import parse_message
    from dutybot.unit import load_unit

    unit = load_unit(args.unit)
    started = time.perf_counter()
    messages = reports = 0
    with open(args.chat, "rb") as stream:
        lines = (raw.decode("utf-8", errors="replace") for raw in stream)
        for message in read_history(lines, timezone()):
            messages += 1
            reports += bool(parse_message(message.text, message.sent_at, unit, message.sender))
    return {
        "messages": messages,
        "report_messages": reports,
        "seconds": time.perf_counter() - started,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.worker")
    commands = parser.add_subparsers(dest="command", required=True)
    migrating = commands.add_parser("migrate")
    migrating.add_argument("--unit", required=True)
    parsing = commands.add_parser("parse-history")
    parsing.add_argument("--unit", required=True)
    parsing.add_argument("chat")
    args = parser.parse_args()
    result = {"migrate": migrate, "parse-history": parse_history}[args.command](args)
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()
