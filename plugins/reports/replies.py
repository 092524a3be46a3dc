"""What the bot says about reports: short, so that a wrong reading is seen at once."""

from __future__ import annotations

from .service import RecordedReport, Withdrawal

MAX_NOTES = 3


def _day(day) -> str:
    return f"{day.month}月{day.day}日"


def recorded(reports: list[RecordedReport]) -> str:
    lines = []
    notes: list[str] = []
    for report in reports:
        verb = "已更正" if report.corrected else "已记录"
        site = report.site_label or "（地点未认出）"
        figures = [f"发现问题{report.found_total}处", f"已解决{report.resolved_total}处"]
        if report.pending_total:
            figures.append(f"待协调{report.pending_total}处")
        if report.site_label:
            figures.insert(0, f"到岗{report.present}人")
        lines.append(f"{verb} {_day(report.duty_date)} {site}：{'，'.join(figures)}")
        notes.extend(n for n in report.notes if n not in notes)
        if report.site_label is None:
            tip = "未计到岗：请写明地点后重发，或发“/日报 地点 内容”"
            if tip not in notes:
                notes.append(tip)
    if notes:
        shown = notes[:MAX_NOTES]
        more = f"等{len(notes)}条" if len(notes) > MAX_NOTES else ""
        lines.append("注意：" + "；".join(shown) + more)
    return "\n".join(lines)


def withdrawn(withdrawals: list[Withdrawal]) -> str:
    lines = []
    for item in withdrawals:
        site = item.site_label or "（地点未认出）"
        parts = []
        if item.problems:
            parts.append(f"问题记录{item.problems}条")
        if item.checkins:
            parts.append(f"到岗{item.checkins}人")
        what = f"，一并撤销{'、'.join(parts)}" if parts else ""
        lines.append(f"消息已撤回：{_day(item.duty_date)} {site} 的日报不再计入{what}。")
    return "\n".join(lines)
