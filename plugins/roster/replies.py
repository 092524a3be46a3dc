"""The Chinese the roster commands answer with: short lines for phones."""

from __future__ import annotations

from datetime import date

from nonebot.adapters.onebot.v11 import Message

from dutybot.dates import day_range, md, md_weekday
from dutybot.errors import (
    AlreadyOnDuty,
    BothOnDuty,
    DutyDone,
    DutyError,
    NeitherOnDuty,
    NotOnDuty,
    OnLeave,
)
from dutybot.reminders import Mention, Notice
from dutybot.roster_args import RosterArgs
from dutybot.roster_text import short_duty
from dutybot.text import clip
from plugins.duty.service import Person
from plugins.duty.units import ServedUnit

from .reminders import to_message
from .service import Cover, Move, Phase

DAY_EXAMPLES = "日期可以写 12-05、12月5日、明天、下周一"
PRIVATE_NOT_BOUND = "私聊使用需要先在工作群里绑定：/绑定 你的姓名"


def past_day(day: date, today: date) -> str:
    return f"{md(day)}已经过去了，请写今天或以后的日期。"


def day_problem(args: RosterArgs) -> str | None:
    if args.bad_day is not None:
        return f"没看懂日期“{clip(args.bad_day, 12)}”。{DAY_EXAMPLES}。"
    return None


def unknown_word(rest: str) -> str:
    word = clip(rest.split()[0], 12)
    return f"没认出“{word}”：请 @ 同事或写值班名单上的姓名，日期写 12-05 这样。"


def not_on_roster(unknown: list[str]) -> str:
    shown = "、".join(unknown[:3])
    return f"{shown} 不在值班名单里（或还没有绑定 QQ）。请按值班名单写姓名，或 @ 已绑定的同事。"


def as_reply(notice: Notice) -> str | Message:
    """Plain text unless someone is @-ed."""
    return to_message(notice) if notice.mentioned else notice.text


def swap_error(error: DutyError, me: Person | None = None, *, adjust: bool = False) -> str:
    """``adjust``: the words of /调班 (the coordinator's move) rather than /换班."""

    def who(name: str) -> str:
        return "你" if me is not None and name == me.name else name

    verb = "调" if adjust else "换"
    if isinstance(error, NotOnDuty):
        return f"{who(error.name)}{md(error.day)}没有值班，没有可{verb}的班。"
    if isinstance(error, NeitherOnDuty):
        a, b = (who(n) for n in error.names)
        return f"{md(error.day)}{a}和{b}都没有值班，没有可{verb}的班。"
    if isinstance(error, BothOnDuty):
        example = "/调班 12-05 12-07 王晓明 李娜" if adjust else "/换班 @某人 12-05 12-07"
        return f"{md(error.day)}两人都在值班，{verb}不了。两天互换请写两个日期，如：{example}"
    if isinstance(error, DutyDone):
        if error.checked_in:
            return f"{who(error.name)}{md(error.day)}已经报到，这天的班已经值了，不能再{verb}。"
        return f"{md(error.day)}的值班已经结束，不能再{verb}班。"
    if isinstance(error, AlreadyOnDuty):
        return f"{who(error.name)}{md(error.day)}已经在值班了，不能再接这天的班。"
    if isinstance(error, OnLeave):
        return f"{who(error.name)}{md(error.day)}请了假，不能接这天的班。"
    raise error


def moves_notice(moves: list[Move], served: ServedUnit) -> Notice:
    parts: list = []
    for index, move in enumerate(moves):
        if index:
            parts.append("\n")
        parts.append(f"{short_duty(move.duty.day, move.duty.site, served.unit)} 由 ")
        parts.append(Mention(move.to.qq, move.to.name) if move.to.qq else move.to.name)
        parts.append(f" 值班（原 {move.duty.name}）")
    return Notice(tuple(parts))


def ask_text(requester: Person, moves: list[Move], served: ServedUnit) -> str:
    first = moves[0].duty
    where = short_duty(first.day, first.site, served.unit)
    if len(moves) > 1:
        second = moves[1].duty
        back = short_duty(second.day, second.site, served.unit)
        return f"{requester.name}想用 {where} 的值班换你 {back} 的值班。"
    if first.staff_id == requester.id:
        return f"{requester.name}请你替 {where} 的值班。"
    return f"{requester.name}想替你 {where} 的值班。"


def request_text(
    requester: Person, target: Person, giver: Person, day: date, take_day: date | None
) -> str:
    if take_day is not None:
        return f"{requester.name}：用 {md_weekday(day)} 的值班换你 {md_weekday(take_day)} 的值班"
    if giver.id == requester.id:
        return f"{requester.name}：请你替 {md_weekday(day)} 的值班"
    return f"{requester.name}：想替你 {md_weekday(day)} 的值班"


def leave_notice(
    served: ServedUnit, person: Person, first: date, last: date, reason: str, covers: list[Cover]
) -> Notice:
    parts: list = [f"已记下：{person.name} {day_range(first, last)} 请假（{clip(reason, 30)}）。"]
    if not covers:
        parts.append(f"这几天{person.name}没有值班安排。")
        return Notice(tuple(parts))
    for cover in covers:
        parts.append(f"\n{short_duty(cover.day, cover.site, served.unit)}：")
        if cover.checked_in:
            parts.append("已报到，按到岗计，不算请假")
        elif cover.phase is Phase.BEGUN:
            parts.append("值班已开始，来不及找人替班，记为请假")
        elif cover.phase is Phase.ENDED:
            parts.append("值班已结束，补记为请假")
        elif cover.substitute is None:
            parts.append("没有可替班的人，请协调人安排（/调班）")
        else:
            sub = cover.substitute
            parts += ["由 ", Mention(sub.qq, sub.name) if sub.qq else sub.name, " 替班"]
        if cover.new_leader:
            parts.append(f"，{cover.new_leader} 带班")
    if any(c.substitute for c in covers):
        parts.append("\n替班的同志如不方便，请发送 /换班 另找人或联系协调人。")
    return Notice(tuple(parts))
