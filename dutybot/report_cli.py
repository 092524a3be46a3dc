"""``dutybot report [2026-11] [--unit 名称] [--xlsx FILE] [--docx FILE]``: the monthly summary
on the command line, for one unit or for every unit the deployment serves (the city office's
view), read from the same database and with the same figures as ``/月报``."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from pathlib import Path


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "report",
        help="打印月报（一个单位或全部单位）",
        description=(
            "打印某月的值班汇总：指定 --unit 时为该单位的月报（与群里 /月报 相同），"
            "否则为全部单位的汇总（每个单位一行，最后是合计）。"
        ),
    )
    parser.add_argument(
        "month",
        nargs="?",
        default="",
        help="年-月，如 2026-11（默认：每月1—5日为上月，之后为本月至今）",
    )
    parser.add_argument("--unit", help="单位名称（默认：全部单位；只有一个单位时就是它）")
    parser.add_argument(
        "--xlsx", metavar="FILE", help="同时写出 Excel 文件（写文件夹时用通常的文件名存到其中）"
    )
    parser.add_argument(
        "--docx", metavar="FILE", help="同时写出 Word 说明报告（一个单位时；可写文件夹）"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from .files import output_problem

    # Paths as the user meant them: loading the bot changes to the project folder.
    xlsx = Path(args.xlsx).absolute() if args.xlsx else None
    docx = Path(args.docx).absolute() if args.docx else None
    for path in (xlsx, docx):
        problem = output_problem(path) if path else None
        if problem:  # said before the database is opened and the figures are computed
            print(problem, file=sys.stderr)
            return 1
    return asyncio.run(_run(args, xlsx, docx))


async def _run(args: argparse.Namespace, xlsx: Path | None, docx: Path | None) -> int:
    from .bootstrap import open_database

    # The summary alone goes to stdout (scripts read it); migration notes to stderr.
    with contextlib.redirect_stdout(sys.stderr):
        await open_database(log_level="WARNING")
    import nonebot_plugin_orm
    from nonebot_plugin_orm import get_session

    from plugins.duty.units import all_served

    try:
        async with get_session() as session:
            lines, code = await report(
                session,
                all_served(),
                args.month,
                unit=args.unit,
                xlsx=xlsx,
                docx=docx,
            )
    finally:
        await nonebot_plugin_orm._engines[""].dispose()
    print("\n".join(lines))
    return code


async def report(
    session,
    served_units,
    month: str,
    *,
    unit: str | None = None,
    xlsx: Path | None = None,
    docx: Path | None = None,
    data_dir: Path | None = None,
) -> tuple[list[str], int]:
    """What ``dutybot report`` prints, and its exit code."""
    from plugins.monthly import delivery, duty_settings, exports, figures

    from . import clock
    from .files import why
    from .monthly import BadMonth, FutureMonth, default_month, read_month, render_chat
    from .text import fold

    today = clock.today()
    try:
        period = read_month(month, today) if month.strip() else default_month(today)
    except BadMonth:
        return [f"“{month}”不是月份，请写 年-月，如 {today:%Y-%m}"], 2
    except FutureMonth as error:
        return [f"{error.year}年{error.month}月还没到。本月至今：dutybot report {today:%Y-%m}"], 2

    chosen = list(served_units)
    if unit:
        wanted = fold(unit)
        chosen = [s for s in served_units if wanted in (fold(s.unit.name), fold(s.unit.key))]
        if not chosen:  # a part of exactly one name: 商务局 → 市商务局
            chosen = [s for s in served_units if wanted and wanted in fold(s.unit.name)]
        names = "、".join(s.unit.name for s in (chosen if len(chosen) > 1 else served_units))
        if not chosen:
            return [f"没有“{unit}”这个单位。可选：{names or '（没有）'}"], 1
        if len(chosen) > 1:
            return [f"“{unit}”可能是：{names}。请写全称"], 1
    if not chosen:
        return ["单位文件里没有单位，请先检查：dutybot check"], 1

    lines: list[str] = []
    writing: Path | None = None  # the file being written, for the line an error gives
    try:
        if len(chosen) == 1:
            served = chosen[0]
            summary = await delivery.build_summary(session, served, period)
            lines.append(render_chat(summary))
            if xlsx is not None:
                writing = xlsx = _in_folder(
                    xlsx, exports.file_name(served.unit.name, period, "月报", ".xlsx")
                )
                await exports.write_workbook(session, summary, served.unit_id, xlsx)
                lines.append(f"已写出 Excel：{xlsx}")
            if docx is not None:
                writing = docx = _in_folder(
                    docx, exports.file_name(served.unit.name, period, "月报材料", ".docx")
                )
                pairs = await figures.photo_pairs(
                    session, served.unit_id, period, delivery.site_labels(served)
                )
                exports.write_report_docx(
                    summary, pairs, data_dir or Path(duty_settings.duty_data_dir), docx
                )
                lines.append(f"已写出 Word：{docx}")
            return lines, 0

        from .monthly import render_city

        rows = await figures.city_figures(session, period, [s.unit_id for s in chosen])
        lines.append(render_city(period, rows))
        if xlsx is not None:
            writing = xlsx = _in_folder(xlsx, exports.file_name("全市", period, "月报", ".xlsx"))
            exports.write_city_workbook(period, rows, xlsx)
            lines.append(f"已写出 Excel：{xlsx}")
        if docx is not None:
            lines.append("Word 说明报告按单位写出，请加 --unit 单位名称")
        return lines, 0
    except OSError as error:  # e.g. the file is open in Excel on Windows
        return [*lines, f"无法写入 {writing or error.filename}：{why(error)}"], 1


def _in_folder(path: Path, name: str) -> Path:
    """A folder given for a file: the file goes into it under its usual name."""
    return path / name if path.is_dir() else path
