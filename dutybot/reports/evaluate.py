"""Score the parser on a corpus file, per field and per unit file, with the wrong ids.

    python -m dutybot.reports.evaluate CORPUS.jsonl --unit a=unit-a.toml --unit b=unit-b.toml
        [--wrong] [--show ID ...]

Corpus lines carry ``unit`` (a key) and ``expected``; each key maps to a unit file. Used to
record first-sight scores of new batches and by the corpus test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from dutybot.scoring import FIELDS, score_details
from dutybot.unit import Unit, load_unit


def read_rows(path: Path) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def parse_rows(rows: Sequence[Mapping[str, Any]], units: Mapping[str, Unit]) -> dict[str, list]:
    from dutybot.report_parser import parse_message

    outputs: dict[str, list] = {}
    for row in rows:
        unit = units[row.get("unit", "a")]
        sent_at = datetime.fromisoformat(row["sent_at"])
        reports = parse_message(row["text"], sent_at, unit, row.get("sender"))
        outputs[row["id"]] = [r.to_contract() for r in reports]
    return outputs


def evaluate(
    rows: Sequence[Mapping[str, Any]], units: Mapping[str, Unit]
) -> tuple[dict[str, dict[str, float]], dict[str, list[str]], dict[str, list]]:
    """Scores overall (key ``all``) and per unit key, the wrong ids per field, the outputs."""
    outputs = parse_rows(rows, units)
    scores: dict[str, dict[str, float]] = {}
    overall, wrong = score_details(rows, outputs)
    scores["all"] = overall
    for key in sorted({row.get("unit", "a") for row in rows}):
        part = [row for row in rows if row.get("unit", "a") == key]
        scores[key] = score_details(part, outputs)[0]
    return scores, wrong, outputs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dutybot.reports.evaluate")
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--unit", action="append", default=[], help="key=unit.toml")
    parser.add_argument("--wrong", action="store_true", help="list the wrong ids per field")
    parser.add_argument("--show", nargs="*", default=[], help="print text, expected and output")
    args = parser.parse_args(argv)
    units = {}
    for spec in args.unit:
        key, _, path = spec.partition("=")
        units[key] = load_unit(Path(path))
    rows = read_rows(args.corpus)
    scores, wrong, outputs = evaluate(rows, units)
    header = "unit  n   " + " ".join(f"{f[:10]:>10}" for f in (*FIELDS, "mean"))
    print(header)
    for key, result in scores.items():
        n = len(rows) if key == "all" else sum(1 for r in rows if r.get("unit", "a") == key)
        cells = " ".join(
            f"{result[f]:>10.3f}" if f in result else f"{'-':>10}" for f in (*FIELDS, "mean")
        )
        print(f"{key:<5} {n:<3} {cells}")
    if args.wrong:
        for name in FIELDS:
            if wrong[name]:
                print(f"{name}: {' '.join(wrong[name])}")
    by_id = {row["id"]: row for row in rows}
    for message_id in args.show:
        row = by_id[message_id]
        print(f"--- {message_id} ({row.get('unit')}) {row['sent_at']} {row.get('sender')}")
        print(row["text"])
        print("expected:", json.dumps(row["expected"]["reports"], ensure_ascii=False))
        print("output:  ", json.dumps(outputs[message_id], ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
