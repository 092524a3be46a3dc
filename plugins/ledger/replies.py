"""The Chinese the ledger answers with: short lines for phones."""

from __future__ import annotations

from datetime import date, datetime

from dutybot.errors import (
    AlreadyResolved,
    AlreadyWithdrawn,
    DescriptionTooLong,
    DutyError,
    EmptyDescription,
    IllegalTransition,
    NotAllowed,
    NotResolved,
    UnknownCategory,
    UnknownProblem,
)
from dutybot.ledger import SETTLED, Action, Status
from dutybot.text import clip, without_brackets
from plugins.duty.units import ServedUnit

from .photos import FetchedPhoto
from .service import Change, HistoryEntry, ProblemView

LIST_LIMIT = 30


def site_label(served: ServedUnit, problem: ProblemView) -> str:
    if problem.site_id is not None:
        site = served.site_by_id(problem.site_id)
        if site is not None:
            return site.label
    if problem.site_name:
        return without_brackets(problem.site_name) or problem.site_name
    return "地点未定"


def heading(served: ServedUnit, problem: ProblemView, *extra: str) -> str:
    """``#12（市容秩序·玄帝庙街路西，5处）``"""
    parts = [f"{problem.category}·{site_label(served, problem)}", f"{problem.quantity}处"]
    parts += [e for e in extra if e]
    return f"#{problem.number}（{'，'.join(parts)}）"


def _photo_count(photos: list[FetchedPhoto], stage: str = "") -> str:
    saved = sum(1 for p in photos if p.saved)
    return f"{stage}照片{saved}张" if saved else ""


def _photo_failures(photos: list[FetchedPhoto]) -> list[str]:
    failed = [p for p in photos if not p.saved]
    if not failed:
        return []
    reasons = "、".join(dict.fromkeys(p.error for p in failed))
    return [f"{len(failed)}张照片没能保存（{reasons}），可回复本条消息补发照片。"]


def registered(served: ServedUnit, problem: ProblemView, photos: list[FetchedPhoto]) -> str:
    spot = "现场已整改" if problem.on_the_spot else ""
    lines = [f"已登记问题 {heading(served, problem, spot, _photo_count(photos))}"]
    return "\n".join(lines + _photo_failures(photos))


def told_before(served: ServedUnit, problem: ProblemView, photos: list[FetchedPhoto]) -> str:
    """``/问题`` of a problem already in the ledger (a report listed it, or it is still open
    from an earlier duty): not counted again."""
    lines = [
        f"这个问题已登记过：{heading(served, problem, _photo_count(photos))}，不重复计数"
        + ("，照片已补充。" if any(p.saved for p in photos) else "。"),
        f"如果是另一处问题，请发送：/问题 另一处 {problem.description[:12]}",
    ]
    return "\n".join(lines + _photo_failures(photos))


def photos_added(problem: ProblemView, photos: list[FetchedPhoto]) -> str:
    stage = "整改后" if problem.status in SETTLED else "整改前"
    saved = sum(1 for p in photos if p.saved)
    lines = [f"已为问题 #{problem.number} 补充{stage}照片{saved}张。"] if saved else []
    failures = [p for p in photos if not p.saved]
    if failures:
        reasons = "、".join(dict.fromkeys(p.error for p in failures))
        lines.append(f"{len(failures)}张照片没能保存（{reasons}），请稍后再发一次。")
    return "\n".join(lines)


def resolved(served: ServedUnit, change: Change, photos: list[FetchedPhoto], today: date) -> str:
    problem = change.problem
    late = problem.overdue_days(today)
    extra = [_photo_count(photos, "整改后"), f"超期{late}天" if late else ""]
    lines = [f"已解决问题 {heading(served, problem, *extra)}"]
    lines += _photo_failures(photos)
    if change.before is Status.COORDINATING:
        lines.append(f"如需下次值班现场核查，请发送：/核查 {problem.number}")
    return "\n".join(lines)


def coordinated(served: ServedUnit, change: Change) -> str:
    problem = change.problem
    return f"问题 {heading(served, problem)} 协调中：已交{problem.coordinating_with}处理。"


def marked_for_recheck(served: ServedUnit, change: Change) -> str:
    problem = change.problem
    return (
        f"问题 #{problem.number} 待核查：下次在{site_label(served, problem)}值班时现场看一下。"
        f"\n看过后发送 /核查 {problem.number} 通过，或 /重开 {problem.number} 原因"
    )


def verified(change: Change) -> str:
    return f"问题 #{change.problem.number} 核查通过，已结案。"


def reopened(change: Change) -> str:
    problem = change.problem
    return (
        f"问题 #{problem.number} 已重开（待处理，第{problem.rework_count}次返工），"
        f"请于{_day(problem.due_on)}前处置。"
    )


def withdrawn(change: Change, reason: str) -> str:
    return f"问题 #{change.problem.number} 已撤销：{clip(reason, 40)}"


def _day(day: date) -> str:
    return f"{day.month}月{day.day}日"


def _moment(moment: datetime) -> str:
    return f"{moment:%m-%d %H:%M}"


def state_line(problem: ProblemView, today: date) -> str:
    """``协调中（城管执法中队），已3天，已超期2天``"""
    status = problem.status.label
    if problem.status is Status.COORDINATING and problem.coordinating_with:
        status += f"（{problem.coordinating_with}）"
    parts = [status]
    if problem.unresolved:
        age = problem.age_days(today)
        parts.append(f"已{age}天" if age else "今天登记")
        late = problem.overdue_days(today)
        if late:
            parts.append(f"已超期{late}天")
        else:
            parts.append(f"{_day(problem.due_on)}前处置")
    elif problem.resolved_at is not None and problem.status is not Status.WITHDRAWN:
        parts.append(f"{_moment(problem.resolved_at)}解决")
        late = problem.overdue_days(today)
        if late:
            parts.append(f"超期{late}天")
    if problem.rework_count:
        parts.append(f"返工{problem.rework_count}次")
    return "，".join(parts)


def details(
    served: ServedUnit, problem: ProblemView, history: list[HistoryEntry], today: date
) -> str:
    limit = f"时限：{problem.time_limit_days}天"
    if not (problem.unresolved and not problem.overdue_days(today)):
        # The state line shows "…前处置" only while due and in time: the date once, here else.
        limit += f"（{_day(problem.due_on)}前）"
    lines = [
        f"问题 {heading(served, problem)}",
        clip(problem.description, 200),
        f"状态：{state_line(problem, today)}",
        limit,
    ]
    photos = problem.photos
    if photos.saved or photos.failed:
        text = f"照片：整改前{photos.before}张，整改后{photos.after}张"
        if photos.failed:
            text += f"（另有{photos.failed}张没能保存）"
        lines.append(text)
    else:
        lines.append("照片：无")
    lines.append("记录：")
    for entry in history:
        who = entry.actor_name or (str(entry.actor_qq) if entry.actor_qq else "机器人")
        what = entry.action.label
        if entry.action is Action.REGISTER and entry.to_status is Status.RESOLVED:
            what += "（现场整改）"
        elif entry.note:
            what += f"：{clip(entry.note, 30)}"
        lines.append(f"{_moment(entry.at)} {who} {what}")
    return "\n".join(lines)


def listing(served: ServedUnit, problems: list[ProblemView], today: date, scope: str = "") -> str:
    if not problems:
        return f"{scope}没有未解决的问题。"
    open_count = sum(1 for p in problems if p.unresolved)
    recheck_count = len(problems) - open_count
    overdue = sum(1 for p in problems if p.is_overdue(today))
    head = f"{scope}未解决问题{open_count}个"
    if overdue:
        head += f"（{overdue}个已超期）"
    if recheck_count:
        head += f"，待核查{recheck_count}个"
    lines = [head + "，最早的在前："]
    for problem in problems[:LIST_LIMIT]:
        line = f"#{problem.number} {site_label(served, problem)}·{problem.category} "
        line += clip(problem.description, 16)
        if problem.status is Status.RECHECKING:
            line += "｜待核查"
        else:
            if problem.status is Status.COORDINATING:
                line += f"｜协调中 {problem.coordinating_with or ''}".rstrip()
            age = problem.age_days(today)
            line += f"｜{age}天" if age else "｜今天"
            if problem.is_overdue(today):
                line += " 已超期"
        lines.append(line)
    if len(problems) > LIST_LIMIT:
        lines.append(
            f"……还有{len(problems) - LIST_LIMIT}个，可按地点或类别查看，如：/问题 列表 {served.unit.sites[0].label}"
        )
    return "\n".join(lines)


def refusal(error: DutyError, served: ServedUnit, problem: ProblemView | None = None) -> str:
    """A short answer to an action that could not be done, saying what to send instead."""
    if isinstance(error, UnknownProblem):
        return f"没有问题 #{error.number}。发送 /问题 列表 查看未解决的问题。"
    if isinstance(error, EmptyDescription):
        return f"请写上问题描述，如：/问题 {served.unit.sites[0].label} 电动车乱停放5处（可附照片）"
    if isinstance(error, DescriptionTooLong):
        return f"描述太长（{error.length}字），请控制在{error.limit}字以内；多个问题请分条登记。"
    if isinstance(error, UnknownCategory):
        return f"没有“{clip(error.text, 10)}”这个类别。可用：{'、'.join(error.choices)}"
    if isinstance(error, IllegalTransition):
        return _transition_refusal(error, problem)
    if isinstance(error, NotAllowed):
        return "只有登记人或协调人可以撤销问题。"
    return "没能办理，请检查后再发一次。"


def _transition_refusal(error: IllegalTransition, problem: ProblemView | None) -> str:
    n = error.number
    action = Action(error.action)
    status = Status(error.status)
    if isinstance(error, AlreadyWithdrawn):
        return f"问题 #{n} 已撤销，不能再{action.label}。如需登记，请重新发送 /问题 地点 描述"
    if isinstance(error, AlreadyResolved):
        if problem is not None and problem.resolved_at is not None:
            when = f"已于{_moment(problem.resolved_at)}解决"
        else:
            when = f"已是“{status.label}”"
        verb = "无需重复" if action is Action.RESOLVE else "不用再协调"
        if status is Status.RECHECKING:
            return (
                f"问题 #{n} {when}，正等待现场核查。看过后请发送 /核查 {n} 通过，或 /重开 {n} 原因"
            )
        return f"问题 #{n} {when}，{verb}。如问题又出现，请发送：/重开 {n} 原因"
    if isinstance(error, NotResolved):
        if action is Action.REOPEN:
            return f"问题 #{n} 还没有解决（{status.label}），不需要重开。"
        return f"问题 #{n} 还没有解决（{status.label}），解决后才能核查。解决了请发送：/解决 {n}"
    if status is Status.RECHECKING and action is Action.RECHECK:
        return f"问题 #{n} 已在待核查。看过后发送 /核查 {n} 通过，或 /重开 {n} 原因"
    return f"问题 #{n} 现在是“{status.label}”，不能{action.label}。"
