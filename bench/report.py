"""The results as Markdown tables (printed, and pasted into README "性能")."""

from __future__ import annotations

from typing import Any

TARGET_RATIO = 3.0
TARGET_UNIT_MS = 1000.0
KIND_LABELS = {
    "echo_first": "/echo0（排在所有命令前）",
    "echo": "/echo（地板）",
    "chat": "闲聊（机器人不回复的普通消息）",
    "checkin": "/报到",
    "problem": "/问题",
    "report": "自由文字日报",
}


def _n(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, int) or digits == 0:
        return f"{round(value):,}"
    return f"{value:,.{digits}f}"


def _x(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def _mark(ok: bool | None) -> str:
    return "—" if ok is None else ("✓" if ok else "✗")


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _error(section: dict[str, Any]) -> list[str]:
    return [f"出错：{section['error']}"]


def machine_line(machine: dict[str, Any]) -> str:
    load = machine.get("load_average_at_start") or []
    parts = [
        str(machine.get("date", ""))[:10],
        str(machine.get("cpu", "")),
        f"{machine.get('cores')} 核",
        f"{machine.get('memory_gib')} GiB 内存",
        f"Python {machine.get('python')}",
        f"SQLite {machine.get('sqlite')}",
        f"NoneBot {machine.get('nonebot')}",
    ]
    if load:
        parts.append(f"开始时负载 {load[0]}")
    if machine.get("commit"):
        parts.append(f"提交 {machine['commit']}")
    return " · ".join(parts)


def path_lines(path: dict[str, Any]) -> list[str]:
    if "error" in path:
        return _error(path)
    rows = []
    modes = (("sequential", "顺序"), ("concurrent", f"{path['concurrency']} 人同时"))
    for mode, label in modes:
        for kind, row in path[mode].items():
            is_echo = kind in ("echo", "echo_first")
            rows.append(
                [
                    label,
                    KIND_LABELS.get(kind, kind),
                    _n(row["n"], 0),
                    _n(row["median_ms"], 1),
                    "1.00×" if kind == "echo" else _x(row.get("median_ratio")),
                    "1.00×" if kind == "echo_first" else _x(row.get("framework_median_ratio")),
                    _n(row["p99_ms"], 1),
                    "1.00×" if kind == "echo" else _x(row.get("p99_ratio")),
                    _n(row.get("per_second"), 0) if row.get("per_second") else "",
                    "" if is_echo else _mark(_ratio_ok(row.get("median_ratio"))),
                ]
            )
    head = ["方式", "消息", "条数", "中位 ms", "×地板", "×/echo0", "p99 ms", "×地板", "条/秒"]
    lines = _table([*head, "≤3×"], rows)
    wrong = sum(
        row["wrong_replies"] + row["lost"] for mode, _ in modes for row in path[mode].values()
    )
    lines.append("")
    lines.append(
        f"共发 {path['posted']:,} 条消息，收到回复 {path['replies']:,} 条"
        f"（答非所问或没有回复 {wrong} 条，多余回复 {len(path['extra_replies'])} 条）。"
    )
    return lines


def _ratio_ok(ratio: float | None) -> bool | None:
    return None if ratio is None else ratio <= TARGET_RATIO


def monthly_lines(monthly: dict[str, Any]) -> list[str]:
    if "error" in monthly:
        return _error(monthly)
    rows = []
    notes = []
    for scale in monthly["scales"]:
        data = scale["rows"]
        size = (
            f"{scale['scale']}×：{scale['units']:,} 单位，{data['duty_checkin']:,} 次报到，"
            f"{data['ledger_problem']:,} 个问题，{data['reports_dailyreport']:,} 份日报"
        )
        for key, label in (
            ("one_unit", "一个单位"),
            ("one_unit_with_excel", "一个单位，连同 Excel 明细"),
            ("whole_city", "全市"),
        ):
            figure = scale.get(key)
            if figure is None:
                continue
            median = figure.get("median_ms")
            ratio = figure.get("ratio")
            if median is None:
                target = None
            elif key == "one_unit":
                target = bool(_ratio_ok(ratio)) and median < TARGET_UNIT_MS
            elif key == "one_unit_with_excel":
                target = median < TARGET_UNIT_MS
            else:
                target = _ratio_ok(ratio)
            rows.append(
                [
                    size,
                    label,
                    _n(median, 1) if median is not None else "未接入",
                    _n(figure["floor_ms"], 1),
                    _x(ratio),
                    _mark(figure.get("agrees_with_floor")),
                    _mark(target),
                ]
            )
        notes.append(
            f"{scale['scale']}×：生成 {scale['generate_seconds']} s，数据库 "
            f"{scale['database_mib']} MiB"
        )
        if not scale.get("available"):
            notes.append(f"/月报尚未接入：{scale.get('monthly')}")
    lines = _table(
        ["数据（一年）", "月报", "/月报 ms", "地板 ms", "×地板", "数字一致", "目标"], rows
    )
    lines += ["", "；".join(notes) + "。"]
    return lines


def parser_lines(parser: dict[str, Any] | None, imported: dict[str, Any] | None) -> list[str]:
    rows = []
    if parser is not None:
        if "error" in parser:
            rows.append(["日报解析", parser["error"], "", ""])
        else:
            rows.append(
                [
                    f"日报解析（语料 {parser['corpus_messages']} 条 × {parser['passes']} 遍）",
                    f"{parser['per_second']:,} 条/秒（{parser['microseconds_per_message']} µs/条）",
                    f"{parser['floor_per_second']:,} 条/秒（NFKC 规范化 + 一次正则扫描）",
                    f"{parser['ratio']:.1f}×",
                ]
            )
    if imported is not None:
        if "error" in imported:
            rows.append(["dutybot import", imported["error"], "", ""])
        else:
            history = imported["history"]
            rows.append(
                [
                    f"dutybot import {history['messages']:,} 条消息"
                    f"（其中日报 {history['report_messages']:,} 条）",
                    f"{imported['seconds']:,.1f} s（{imported['per_second']:,} 条/秒）",
                    f"{imported['floor_seconds']:,.1f} s（同一文件只读取和解析，不写库）",
                    f"{imported['ratio']:.1f}×",
                ]
            )
            rows.append(
                [
                    "dutybot import 峰值内存",
                    f"{imported['peak_mib']} MiB",
                    f"{imported['floor_peak_mib']} MiB",
                    f"{imported['memory_ratio']:.2f}×",
                ]
            )
    return _table(["项目", "结果", "地板", "×地板"], rows)


def footprint_lines(footprint: dict[str, Any]) -> list[str]:
    if "error" in footprint:
        return _error(footprint)
    floor = footprint["floor_idle_mib"]["VmRSS"]
    idle = footprint["idle_mib"]
    after = footprint["after_path_mib"]
    rows = [
        [
            "空闲（启动并连接后）",
            f"{idle['VmRSS']} MiB",
            f"{floor} MiB",
            _x(footprint["idle_ratio"]),
        ],
        [
            f"消息路径后（{footprint['after_path_messages']:,} 条消息），峰值 VmHWM",
            f"{after['VmHWM']} MiB（现 {after['VmRSS']} MiB）",
            f"{floor} MiB",
            _x(footprint["after_path_ratio"]),
        ],
    ]
    return _table(["机器人进程", "RSS", "地板：空的 nonebot2 进程", "×地板"], rows)


def render(results: dict[str, Any]) -> str:
    sections = results["sections"]
    lines = [f"机器：{machine_line(results['machine'])}", ""]
    if "path" in sections:
        lines += ["### 消息路径：发出消息到收到回复（真实 OneBot v11 WebSocket）", ""]
        lines += [*path_lines(sections["path"]), ""]
    if "monthly" in sections:
        lines += ["### 月报：全市规模", ""]
        lines += [*monthly_lines(sections["monthly"]), ""]
    if "parser" in sections or "import" in sections:
        lines += ["### 日报解析与聊天记录导入", ""]
        lines += [*parser_lines(sections.get("parser"), sections.get("import")), ""]
    if "footprint" in sections:
        lines += ["### 内存占用", ""]
        lines += [*footprint_lines(sections["footprint"]), ""]
    lines.append(f"总用时 {results['seconds']:,.0f} s。")
    return "\n".join(lines)


def main() -> None:
    """``python -m bench.report [results.json]``: the tables again, e.g. for the README."""
    import json
    import sys
    from pathlib import Path

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("results.json")
    print(render(json.loads(path.read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
