"""``python -m bench``: dutybot's benchmarks (issue 8). Prints a table and writes
``bench/results.json``.

Every figure is a ratio against a floor measured in the same run, because absolute times on a
shared machine drift:

- path: latency from a group message to the bot's reply over a real OneBot WebSocket, for
  /报到, /问题 and a free-text report, against /echo loaded into the same bot process;
- monthly: /月报's figures for one unit and for the whole city, on a generated year of a
  city's records, against one hand-written SQL aggregate over the same rows;
- parser: messages per second of the report parser on the corpus, against one scan of the text,
  and over a generated adversarial set (bench/adversarial.py) with its slowest message;
- import: ``dutybot import`` of a generated chat history (time, peak memory), against reading
  and parsing the same file without a database;
- footprint: the bot's memory idle and after the message path, against a bare nonebot2 process.

It asserts nothing about time; the targets are reported, met or not.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import machine
from .report import render

SECTIONS = ("path", "monthly", "parser", "import", "footprint")
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "results.json"
SMOKE = {
    "messages": 4,
    "concurrency": 2,
    "units": 3,
    "scale": "1",
    "history": 300,
    "repeat": 2,
    "parser_seconds": 0.05,
    "warmup": 2,
    "settle": 0.2,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="dutybot 性能测试：每项都与同一次运行中测得的“地板”相比。",
    )
    parser.add_argument(
        "--messages", type=int, default=2000, help="消息路径：每个命令、每种方式的消息数"
    )
    parser.add_argument("--concurrency", type=int, default=20, help="消息路径：同时发消息的人数")
    parser.add_argument("--warmup", type=int, default=20, help="消息路径：预热轮数（不计入）")
    parser.add_argument("--settle", type=float, default=1.0, help="内存：连接后等几秒再量空闲占用")
    parser.add_argument("--units", type=int, default=200, help="月报：1 倍规模的单位数")
    parser.add_argument(
        "--scale",
        default="1,10",
        help="月报：数据规模倍数，逗号分隔（10 = 10 倍的单位数，2000 个单位）",
    )
    parser.add_argument("--repeat", type=int, default=5, help="月报：每项计时次数（取中位数）")
    parser.add_argument("--history", type=int, default=100_000, help="导入：聊天记录的消息数")
    parser.add_argument("--parser-seconds", type=float, default=3.0, help="解析：至少计时多少秒")
    parser.add_argument("--smoke", action="store_true", help="极小规模，几秒内跑完（测试用）")
    parser.add_argument(
        "--only",
        action="append",
        choices=SECTIONS,
        help="只跑这一项（可重复）；footprint 和 path 共用一次机器人进程",
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="结果文件（JSON）")
    parser.add_argument("--workdir", type=Path, help="放生成数据的文件夹（默认临时文件夹）")
    parser.add_argument("--keep", action="store_true", help="保留生成的数据")
    return parser


def options(argv: list[str] | None = None) -> argparse.Namespace:
    args = build_parser().parse_args(argv)
    if args.smoke:
        for key, value in SMOKE.items():
            setattr(args, key, value)
    args.scales = [int(s) for s in str(args.scale).split(",") if s.strip()]
    args.sections = list(dict.fromkeys(args.only or SECTIONS))
    return args


def run_city(workdir: Path, units: int, repeat: int) -> dict[str, Any]:
    """One scale of the monthly benchmark, in a process of its own."""
    from dutybot.simulator import BotProcess

    from .parsing import run_measured

    workdir.mkdir(parents=True, exist_ok=True)
    output = workdir / "result.json"
    env = BotProcess(workdir, workdir / "units").environment()
    measured = run_measured(
        [
            sys.executable,
            "-m",
            "bench.city",
            "--workdir",
            str(workdir),
            "--units",
            str(units),
            "--repeat",
            str(repeat),
            "--output",
            str(output),
        ],
        env,
        workdir / "city.log",
    )
    result = json.loads(output.read_text(encoding="utf-8"))
    result["process_seconds"] = round(measured["seconds"], 1)
    result["process_peak_mib"] = measured["peak_mib"]
    return result


def run_sections(args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    results: dict[str, Any] = {}

    def attempt(names: list[str], work: Callable[[], dict[str, Any]]) -> None:
        """Run one job; it returns the results of ``names``. An error is recorded for them and
        the other sections still run."""
        started = time.perf_counter()
        print(f"… {' + '.join(names)}", file=sys.stderr, flush=True)
        try:
            results.update(work())
        except Exception as error:
            traceback.print_exc()
            results.update({name: {"error": f"{type(error).__name__}: {error}"} for name in names})
        print(f"  {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)

    wanted = [name for name in SECTIONS if name in args.sections]
    if "path" in wanted or "footprint" in wanted:
        from . import path

        names = [name for name in ("path", "footprint") if name in wanted]

        def path_and_footprint() -> dict[str, Any]:
            # The footprint is measured on the message path's bot process, so it runs either way.
            measured = asyncio.run(
                path.run(
                    workdir / "path", args.messages, args.concurrency, args.warmup, args.settle
                )
            )
            return {name: measured[name] for name in names}

        attempt(names, path_and_footprint)
    if "monthly" in wanted:

        def monthly() -> dict[str, Any]:
            scales = []
            for scale in args.scales:
                folder = workdir / f"city-{scale}x"
                scales.append({"scale": scale, **run_city(folder, args.units * scale, args.repeat)})
                if not args.keep:
                    shutil.rmtree(folder, ignore_errors=True)
            return {"monthly": {"scales": scales}}

        attempt(["monthly"], monthly)
    if "parser" in wanted:
        from .parsing import parser_adversarial, parser_throughput

        def parser_section() -> dict[str, Any]:
            result = parser_throughput(args.parser_seconds)
            result["adversarial"] = parser_adversarial(1 if args.smoke else 3)
            return {"parser": result}

        attempt(["parser"], parser_section)
    if "import" in wanted:
        from .parsing import import_history

        attempt(["import"], lambda: {"import": import_history(workdir / "import", args.history)})
    return results


def _merged(results: dict, output: Path) -> dict:
    """A run of some sections (``--only parser``) updates those sections of the last full run
    and says when and where they were measured; the others keep their figures."""
    if set(results["options"]["sections"]) == set(SECTIONS) or not output.exists():
        return results
    try:
        earlier = json.loads(output.read_text("utf-8"))
    except (OSError, ValueError):
        return results
    if not isinstance(earlier.get("sections"), dict):
        return results
    for name, section in results["sections"].items():
        if isinstance(section, dict):
            section["measured"] = {
                "commit": results["machine"].get("commit"),
                "date": results["machine"].get("date"),
            }
        earlier["sections"][name] = section
    return earlier


def main(argv: list[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors="replace")
    args = options(argv)
    started = time.perf_counter()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="dutybot-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    about = machine.describe()
    try:
        sections = run_sections(args, workdir)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    results = {
        "machine": about,
        "options": {
            "messages": args.messages,
            "concurrency": args.concurrency,
            "warmup": args.warmup,
            "settle": args.settle,
            "units": args.units,
            "scales": args.scales,
            "repeat": args.repeat,
            "history": args.history,
            "parser_seconds": args.parser_seconds,
            "smoke": args.smoke,
            "sections": args.sections,
        },
        "seconds": round(time.perf_counter() - started, 1),
        "sections": sections,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(
        json.dumps(_merged(results, args.output), ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    print(render(results))
    print(f"\n结果已写入 {args.output}", file=sys.stderr)
    failed = [name for name, value in sections.items() if "error" in value]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
