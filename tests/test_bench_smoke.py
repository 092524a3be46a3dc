"""``python -m bench --smoke`` still works: every section runs on tiny sizes and writes sane
fields. Nothing here is about speed (the benchmark is not a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from dutybot.simulator import PROJECT_ROOT


def test_bench_smoke_run(tmp_path: Path):
    output = tmp_path / "results.json"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--smoke",
            "--output",
            str(output),
            "--workdir",
            str(tmp_path / "work"),
        ],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "消息路径" in result.stdout
    results = json.loads(output.read_text(encoding="utf-8"))

    machine = results["machine"]
    assert machine["cores"] >= 1
    assert machine["cpu"]
    assert machine["python"].startswith("3.")
    assert machine["sqlite"].startswith("3.")
    assert machine["date"]

    sections = results["sections"]
    assert set(sections) == {"path", "monthly", "parser", "import", "footprint"}
    assert not [name for name, value in sections.items() if "error" in value]

    path = sections["path"]
    messages = results["options"]["messages"]
    assert path["replies"] == path["posted"]
    assert path["extra_replies"] == []
    for mode in ("sequential", "concurrent"):
        assert set(path[mode]) == {"echo_first", "echo", "chat", "checkin", "problem", "report"}
        for kind, row in path[mode].items():
            assert row["n"] == messages, (mode, kind, row)
            assert row["wrong_replies"] == 0, row
            assert row["lost"] == 0
            assert 0 < row["median_ms"] <= row["p99_ms"]
            if kind not in ("echo", "echo_first"):
                assert row["median_ratio"] > 0
                assert row["p99_ratio"] > 0
            if kind != "echo_first":
                assert row["framework_median_ratio"] > 0
    # The commands really did their work: /报到 and reports check in, /问题 registers …
    assert path["recorded"]["reports_dailyreport"] == (results["options"]["warmup"] + 2 * messages)

    footprint = sections["footprint"]
    assert footprint["idle_mib"]["VmRSS"] > 0
    assert footprint["floor_idle_mib"]["VmRSS"] > 0
    assert footprint["after_path_mib"]["VmHWM"] >= footprint["idle_mib"]["VmRSS"] * 0.9

    [scale] = sections["monthly"]["scales"]
    assert scale["units"] == results["options"]["units"]
    assert scale["rows"]["duty_checkin"] > 0
    assert scale["rows"]["ledger_problem"] > 0
    assert scale["rows"]["ledger_problemevent"] > scale["rows"]["ledger_problem"]
    assert scale["month_totals"]["found"] > 0
    assert scale["available"], scale["monthly"]
    for figure in ("one_unit", "whole_city"):
        assert scale[figure]["floor_ms"] > 0
        assert scale[figure]["median_ms"] > 0
        # /月报 and the hand-written floor read the same month from the same rows.
        assert scale[figure]["agrees_with_floor"] is True
    assert scale["one_unit_with_excel"]["median_ms"] > 0

    parser = sections["parser"]
    assert parser["corpus_messages"] >= 100
    assert parser["per_second"] > 0
    assert parser["floor_per_second"] > 0
    # The generated adversarial set is timed and its slowest message named.
    hostile = parser["adversarial"]
    assert hostile["messages"] >= 100
    assert hostile["per_second"] > 0
    assert 0 < hostile["median_ms"] <= hostile["slowest_ms"]
    assert hostile["slowest"]
    assert hostile["slowest_chars"] > 0
    assert [row["ms"] for row in hostile["next_slowest"]] == sorted(
        (row["ms"] for row in hostile["next_slowest"]), reverse=True
    )
    assert all(row["ms"] <= hostile["slowest_ms"] for row in hostile["next_slowest"])
    assert "构造的恶意消息" in result.stdout

    imported = sections["import"]
    history = imported["history"]
    assert history["messages"] == results["options"]["history"]
    assert imported["imported"]["messages"] == history["messages"]
    assert imported["imported"]["report_messages"] == history["report_messages"]
    assert imported["peak_mib"] > 0
    assert imported["floor_peak_mib"] > 0


def test_echo_floor_is_at_the_commands_priority():
    """The floor echo must pay the same matcher dispatch as the commands it is compared with."""
    import ast

    from plugins.duty.chat import COMMAND_PRIORITY

    source = (PROJECT_ROOT / "bench" / "echo_plugin" / "__init__.py").read_text(encoding="utf-8")
    assigned = {
        target.id: node.value.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    assert assigned["ECHO_PRIORITY"] == COMMAND_PRIORITY


def test_chat_echo_comes_after_every_matcher_of_the_bot():
    """Plain chat is answered by the echo plugin only once every matcher of the bot looked."""
    import ast

    import nonebot

    from bench.path import ECHOES

    source = (PROJECT_ROOT / "bench" / "echo_plugin" / "__init__.py").read_text(encoding="utf-8")
    assigned = {
        target.id: node.value.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    priorities = {
        matcher.priority
        for plugin in nonebot.get_loaded_plugins()
        if plugin.module_name.startswith("plugins.")
        for matcher in plugin.matcher
    }
    assert assigned["LAST_PRIORITY"] > max(priorities)
    assert assigned["CHAT_MARK"] == ECHOES["chat"]


def test_a_run_of_some_sections_keeps_the_others(tmp_path: Path):
    from bench.__main__ import SECTIONS, _merged

    output = tmp_path / "results.json"
    full = {
        "machine": {"commit": "aaa", "date": "d1"},
        "options": {"sections": list(SECTIONS)},
        "sections": {name: {"figure": 1} for name in SECTIONS},
    }
    output.write_text(json.dumps(full), "utf-8")
    parser_only = {
        "machine": {"commit": "bbb", "date": "d2"},
        "options": {"sections": ["parser"]},
        "sections": {"parser": {"figure": 2}},
    }
    merged = _merged(parser_only, output)
    assert merged["machine"]["commit"] == "aaa"
    assert merged["sections"]["path"] == {"figure": 1}
    assert merged["sections"]["parser"] == {
        "figure": 2,
        "measured": {"commit": "bbb", "date": "d2"},
    }
    # A full run replaces the file.
    assert _merged(full, output) is full
