"""The report parser's throughput on the corpus, and ``dutybot import`` of a generated chat
history (time and peak memory), each against a floor measured in the same run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from dutybot.simulator import PROJECT_ROOT, BotProcess

from .units import write_units

CORPUS = PROJECT_ROOT / "tests" / "corpus"
# The cheapest look at every character: what any reader of the text pays.
_SCAN = re.compile(r"\d+|[，。；：、\n]")
# The generator writes about six messages a day (chat, and a report per site on duty days).
MESSAGES_PER_DAY = 5.8
HISTORY_ENDS = date(2026, 11, 29)


def corpus() -> list[tuple[str, datetime, Any, str]]:
    """Every corpus message with its unit: (text, sent_at, unit, sender)."""
    from dutybot.unit import load_unit

    unit_files = json.loads((CORPUS / "units.json").read_text(encoding="utf-8"))
    units: dict[str, Any] = {}
    rows = []
    for path in sorted(CORPUS.glob("*.jsonl")):
        files = unit_files.get(path.name, {})
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            name = files.get(row.get("unit", "a"), f"unit-{row.get('unit', 'a')}.toml")
            if name not in units:
                units[name] = load_unit(CORPUS / name)
            sent_at = datetime.fromisoformat(row["sent_at"])
            rows.append((row["text"], sent_at, units[name], row.get("sender") or ""))
    return rows


def _scan(text: str) -> int:
    return len(_SCAN.findall(unicodedata.normalize("NFKC", text)))


def parser_throughput(min_seconds: float) -> dict[str, Any]:
    """Messages per second of ``parse_message`` over the corpus, passes repeated until
    ``min_seconds`` have gone by; the floor (one NFKC normalisation and one regex scan of each
    message) is run in alternate passes."""
    from dutybot.report_parser import parse_message

    rows = corpus()
    for text, sent_at, unit, sender in rows:  # warm: lexicons and regexes are built once
        parse_message(text, sent_at, unit, sender)
    parser_seconds = floor_seconds = 0.0
    passes = 0
    reports = 0
    while parser_seconds < min_seconds or passes < 3:
        started = time.perf_counter()
        reports = sum(len(parse_message(t, s, u, n)) for t, s, u, n in rows)
        parser_seconds += time.perf_counter() - started
        started = time.perf_counter()
        for text, *_ in rows:
            _scan(text)
        floor_seconds += time.perf_counter() - started
        passes += 1
    messages = passes * len(rows)
    per_second = messages / parser_seconds
    floor_per_second = messages / floor_seconds
    return {
        "corpus_messages": len(rows),
        "reports_read": reports,
        "characters": sum(len(r[0]) for r in rows),
        "passes": passes,
        "per_second": round(per_second),
        "microseconds_per_message": round(1e6 / per_second, 1),
        "floor": "one NFKC normalisation and one regex scan of each message",
        "floor_per_second": round(floor_per_second),
        "ratio": round(floor_per_second / per_second, 1),
    }


def parser_adversarial(repeat: int = 3) -> dict[str, Any]:
    """The generated adversarial set (bench/adversarial.py) through ``parse_message``: messages
    per second over the set and the slowest message. Each message is timed ``repeat`` times in
    CPU time (process time: other processes on a shared machine do not count) and its fastest
    run kept."""
    from dutybot.report_parser import parse_message
    from dutybot.unit import load_unit

    from .adversarial import adversarial_messages

    unit = load_unit(CORPUS / "unit-a.toml")
    sent_at = datetime(2026, 11, 25, 9, 30).astimezone()
    parse_message("玄帝庙街值班", sent_at, unit)  # warm: the unit's lexicon is built once
    timings = []
    for label, text in adversarial_messages(unit):
        best = float("inf")
        for _ in range(max(1, repeat)):
            started = time.process_time()
            parse_message(text, sent_at, unit)
            best = min(best, time.process_time() - started)
        timings.append((best, label, len(text)))
    timings.sort(reverse=True)
    total = sum(seconds for seconds, _label, _chars in timings)
    slowest_seconds, slowest_label, slowest_chars = timings[0]
    return {
        "messages": len(timings),
        "per_second": round(len(timings) / total) if total else None,
        "median_ms": round(timings[len(timings) // 2][0] * 1000, 2),
        "slowest_ms": round(slowest_seconds * 1000, 2),
        "slowest": slowest_label,
        "slowest_chars": slowest_chars,
        "next_slowest": [
            {"ms": round(seconds * 1000, 2), "message": label}
            for seconds, label, _chars in timings[1:6]
        ],
        "timing": "CPU time of one parse, fastest of the repeats",
    }


def write_history(path: Path, unit_file: Path, messages: int, seed: int = 8) -> dict[str, Any]:
    """A generated group chat history of ``messages`` messages, exported as the QQ PC client
    does (``dutybot.generate``), ending on HISTORY_ENDS."""
    from dutybot.generate import chat_history, export_text
    from dutybot.unit import load_unit

    unit = load_unit(unit_file)
    days = int(messages / MESSAGES_PER_DAY * 1.1) + 30
    start = HISTORY_ENDS - timedelta(days=days - 1)
    # The last ``messages`` of a few more days, so that the history ends on HISTORY_ENDS.
    generated = list(chat_history(unit, start, days, seed))[-messages:]
    with path.open("w", encoding="utf-8") as out:
        out.writelines(export_text(iter(generated)))
    return {
        "messages": len(generated),
        "report_messages": sum(m.is_report for m in generated),
        "first_day": generated[0].sent_at.date().isoformat() if generated else None,
        "last_day": generated[-1].sent_at.date().isoformat() if generated else None,
        "file_mib": round(path.stat().st_size / 2**20, 1),
    }


def run_measured(command: list[str], env: dict[str, str], log: Path) -> dict[str, Any]:
    """Run a process to its end: wall time, its peak RSS and its stdout.

    The peak is VmHWM read from /proc while it runs (every 20 ms; it only grows). Not
    ``ru_maxrss`` from wait4: on Linux a child's ru_maxrss starts at its parent's RSS at
    fork time, which here is the benchmark's own."""
    out_path = log.with_suffix(".out")
    peak_kib = 0
    with out_path.open("wb") as out, log.open("ab") as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=PROJECT_ROOT, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=err
        )
        status = Path(f"/proc/{process.pid}/status")
        while process.poll() is None:
            try:
                for line in status.read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        peak_kib = max(peak_kib, int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.02)
        seconds = time.perf_counter() - started
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command[:4])} … exited with {process.returncode}:\n"
            + log.read_text(encoding="utf-8", errors="replace")[-3000:]
        )
    return {"seconds": seconds, "peak_mib": round(peak_kib / 1024, 1), "stdout": stdout}


def import_history(workdir: Path, messages: int) -> dict[str, Any]:
    """``dutybot import`` of a generated history into a fresh migrated database, as its own
    process; the floor is reading and parsing the same file in a process of its own."""
    workdir.mkdir(parents=True, exist_ok=True)
    [unit] = write_units(workdir / "units", 1)
    chat = workdir / "聊天记录.txt"
    history = write_history(chat, unit.path, messages)
    env = BotProcess(workdir / "data", unit.path).environment()
    python = sys.executable
    run_measured(
        [python, "-m", "bench.worker", "migrate", "--unit", str(unit.path)],
        env,
        workdir / "migrate.log",
    )
    floor = run_measured(
        [python, "-m", "bench.worker", "parse-history", "--unit", str(unit.path), str(chat)],
        env,
        workdir / "floor.log",
    )
    imported = run_measured(
        [python, "-m", "dutybot", "import", "--quiet", "--unit", str(unit.path), str(chat)],
        env,
        workdir / "import.log",
    )
    floor_result = json.loads(floor["stdout"].strip().splitlines()[-1])
    summary = imported["stdout"].strip().splitlines()[-1]
    counts = [int(n) for n in re.findall(r"\d+", summary)]
    return {
        "history": history,
        "imported": {
            "messages": counts[0] if counts else None,
            "report_messages": counts[1] if len(counts) > 1 else None,
            "summary": summary,
        },
        "seconds": round(imported["seconds"], 2),
        "per_second": round(history["messages"] / imported["seconds"]),
        "peak_mib": imported["peak_mib"],
        "floor": "the same file read and every message parsed (no database), own process",
        "floor_seconds": round(floor["seconds"], 2),
        "floor_parse_seconds": round(floor_result["seconds"], 2),
        "floor_peak_mib": floor["peak_mib"],
        "ratio": round(imported["seconds"] / floor["seconds"], 2),
        "memory_ratio": round(imported["peak_mib"] / floor["peak_mib"], 2),
        "database_mib": round((workdir / "data" / "duty.db").stat().st_size / 2**20, 1),
    }
