"""What the bot says about reports: short, so that a wrong reading or a wrong match is seen at
once, and every question says what to answer."""

from __future__ import annotations

from collections.abc import Sequence

from dutybot.duty_record import MAX_REPEATED_SENTENCES
from dutybot.unit import Site

from .model import HeldFor
from .service import RecordedReport, Withdrawal

MAX_NOTES = 3
MAX_NUMBERS = 6


def _day(day) -> str:
    return f"{day.month}月{day.day}日"


def _numbers(numbers: Sequence[int]) -> str:
    shown = " ".join(f"#{n}" for n in numbers[:MAX_NUMBERS])
    return shown + (f" 等{len(numbers)}个" if len(numbers) > MAX_NUMBERS else "")


def _line(report: RecordedReport) -> str:
    site = report.site_label or "（地点未认出）"
    if report.merged:
        parts = [f"新增问题{report.new_found}处" if report.new_found else "没有新问题"]
        if report.known:
            parts.append(f"{_numbers(report.known)} 已登记")
        if report.resolved_known:
            parts.append(f"{_numbers(report.resolved_known)} 记为已解决")
        return f"已并入 {_day(report.duty_date)} {site} 的日报：{'，'.join(parts)}"
    verb = "已更正" if report.corrected else "已记录"
    found = f"发现问题{report.found_total}处"
    if report.known:
        found += f"（其中 {_numbers(report.known)} 已登记）"
    figures = [found, f"已解决{report.resolved_total}处"]
    if report.pending_total:
        figures.append(f"待协调{report.pending_total}处")
    figures.insert(0, f"到岗{report.present}人")
    return f"{verb} {_day(report.duty_date)} {site}：{'，'.join(figures)}"


def recorded(reports: list[RecordedReport], sites: Sequence[Site] = ()) -> str:
    """The reply to a message carrying reports: one line per site, then what to check or
    answer. ``sites`` are the choices when a report's site must be asked."""
    lines = []
    notes: list[str] = []
    for report in reports:
        if report.held_for is HeldFor.CONFIRMATION:
            lines.append(pasted(report))
            continue
        if report.held_for is not HeldFor.SITE:
            lines.append(_line(report))
        if report.absent:
            notes.append(f"{'、'.join(report.absent)} 未到，不计到岗")
        notes.extend(n for n in report.notes if n not in notes and "地点" not in n)
    if notes:
        shown = notes[:MAX_NOTES]
        more = f"等{len(notes)}条" if len(notes) > MAX_NOTES else ""
        lines.append("注意：" + "；".join(shown) + more)
    waiting = [r for r in reports if r.held_for is HeldFor.SITE]
    if waiting:
        lines.insert(len(lines) - bool(notes), which_site(waiting[0], sites))
    return "\n".join(lines)


def which_site(report: RecordedReport, sites: Sequence[Site]) -> str:
    lead = f"{_day(report.duty_date)}的日报没认出是哪个地点"
    unknown = next((n for n in report.notes if n.startswith("没认出地点")), None)
    if unknown:
        lead = f"{_day(report.duty_date)}的日报{unknown}"
    if report.other_unit_site:
        lead = f"“{report.other_unit_site}”不是本单位的值班地点"
    lines = [f"{lead}，先不计入。是哪个地点？回复序号即可："]
    lines += [f"{index}. {site.label}" for index, site in enumerate(sites, 1)]
    lines.append("（也可以发“/日报 地点 内容”重发）")
    return "\n".join(lines)


def pasted(report: RecordedReport) -> str:
    site = f" {report.site_label}" if report.site_label else ""
    if report.repeated > MAX_REPEATED_SENTENCES:
        why = f"有{report.repeated}句和前面重复，像是同一段内容粘贴了几遍（重复的只算一次）"
    else:
        why = (
            f"读出问题{report.items}条（{report.found_total}处），比一次值班多得多，像是粘贴的长文"
        )
    return (
        f"{_day(report.duty_date)}{site} 这条消息{why}，先不计入。"
        "核对无误请回复本消息“确认”；不对请删掉多余部分后重发。"
    )


def withdrawn(withdrawals: list[Withdrawal]) -> str:
    lines = []
    for item in withdrawals:
        site = item.site_label or "（地点未认出）"
        if item.restored is not None:
            figures = _line(item.restored).split("：", 1)[1]
            lines.append(
                f"更正已撤回：{_day(item.duty_date)} {site} 的日报恢复为更正前的：{figures}"
            )
            continue
        parts = []
        if item.problems:
            parts.append(f"问题记录{item.problems}条")
        if item.checkins:
            parts.append(f"到岗{item.checkins}人")
        what = f"，一并撤销{'、'.join(parts)}" if parts else ""
        lines.append(f"消息已撤回：{_day(item.duty_date)} {site} 的日报不再计入{what}。")
    return "\n".join(lines)


def corrected(day, site: str, result) -> str:
    """The reply to a correction replied to the bot's report message."""
    if result.ask_number:
        return f"这份日报登记了 {_numbers(result.ask_number)}，请写明哪一条，如：#{result.ask_number[0]} 不是问题"
    lines = []
    if result.withdrawn:
        lines.append(f"已撤销 {_numbers(result.withdrawn)}（不计入统计）")
    if result.not_its_own:
        first = result.not_its_own[0]
        lines.append(
            f"{_numbers(result.not_its_own)} 不是这份日报登记的，如要撤销请发：/撤销 {first} 原因"
        )
    pending = max(0, result.found - result.resolved)
    figures = f"发现问题{result.found}处，已解决{result.resolved}处"
    if pending:
        figures += f"，待协调{pending}处"
    lines.append(f"已更正 {_day(day)} {site}：{figures}")
    return "\n".join(lines)


def correction_recalled(day, site: str, found: int, resolved: int) -> str:
    return f"更正消息已撤回，{_day(day)} {site} 的日报恢复为：发现问题{found}处，已解决{resolved}处"
