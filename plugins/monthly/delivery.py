"""Making the summary and its files for a served unit, and getting them to people: uploads in
whatever form the QQ side takes, told truly, and the 1st-of-month post (claimed in the roster's reminder log,
``roster_reminder``, under a unique key before it is sent, so it goes out once)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nonebot import get_bots, logger
from nonebot.adapters.onebot.v11 import Bot, Message, MessageSegment
from nonebot.exception import ActionFailed, ApiNotAvailable, NetworkError
from nonebot_plugin_orm import get_session
from sqlalchemy.ext.asyncio import AsyncSession

from dutybot import clock, file_delivery
from dutybot.file_delivery import Outcome
from dutybot.monthly import (
    Period,
    UnitSummary,
    monthly_post_due,
    previous_month,
    render_chat,
    summary_title,
)
from plugins.duty.units import ServedUnit, all_served
from plugins.duty.upload import send_file
from plugins.roster import service as roster_log
from plugins.roster.model import ReminderStatus

from . import exports, figures

# The kind of the monthly post in the reminder log.
KIND = "monthly"
MAX_ATTEMPTS = roster_log.MAX_SEND_ATTEMPTS
SEND_FAILURES = (ActionFailed, NetworkError, ApiNotAvailable)


def site_labels(served: ServedUnit) -> dict[int, str]:
    return {served.site_id(site): site.label for site in served.unit.sites}


async def build_summary(session: AsyncSession, served: ServedUnit, period: Period) -> UnitSummary:
    return await figures.unit_summary(
        session,
        served.unit_id,
        period,
        unit_name=served.unit.name,
        labels=site_labels(served),
    )


async def make_workbook(
    session: AsyncSession, served: ServedUnit, summary: UnitSummary, data_dir: Path
) -> Path:
    path = exports.export_dir(data_dir) / exports.file_name(
        served.unit.name,
        summary.period,
        "月报" if summary.period.kind == "month" else "周报",
        ".xlsx",
    )
    return await exports.write_workbook(session, summary, served.unit_id, path)


async def make_report(
    session: AsyncSession, served: ServedUnit, summary: UnitSummary, data_dir: Path
) -> Path:
    pairs = await figures.photo_pairs(session, served.unit_id, summary.period, site_labels(served))
    path = exports.export_dir(data_dir) / exports.file_name(
        served.unit.name, summary.period, "月报材料", ".docx"
    )
    return exports.write_report_docx(summary, pairs, data_dir, path)


def shown_path(path: Path) -> str:
    """The path as the operator finds it: relative to the bot's folder when inside it."""
    path = Path(path).resolve()
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Target:
    group_id: int | None = None
    user_id: int | None = None

    @property
    def key(self) -> str:
        return f"g{self.group_id}" if self.group_id is not None else f"p{self.user_id}"


async def upload(bot: Bot, target: Target, path: Path) -> Outcome:
    """Send a file to a group (group files) or a person in whatever form the connected QQ side
    takes; the outcome says whether it arrived (the file stays saved where it is either way)."""
    return await send_file(bot, path, group_id=target.group_id, user_id=target.user_id)


def file_label(path: Path) -> str:
    return {".xlsx": "Excel 明细", ".docx": "Word 说明报告"}.get(Path(path).suffix, "文件")


def file_note(what: str, outcome: Outcome, path: Path, where: str = "群文件") -> str:
    return file_delivery.file_note(what, outcome, Path(path).name, where, shown_path(path))


def as_text(text: str) -> Message:
    """A message of plain text: what users wrote stays text, never CQ code."""
    return Message(MessageSegment.text(text))


# ---------------------------------------------------------------------------------------------
# The 1st-of-month post

# (unit id, period key) whose post is finished in this process: no need to ask the database.
_finished: set[tuple[int, str]] = set()


# (unit id, period key) → coordinator QQ → (files that reached them, files), in this process
_files_received: dict[tuple[int, str], dict[int, tuple[int, int]]] = {}


def forget_finished() -> None:
    """What a restarted process knows: nothing."""
    _finished.clear()
    _files_received.clear()


async def monthly_summary_tick(now: datetime | None = None) -> int:
    """Post last month's summary where it is due; returns the number of targets served.
    A unit that fails is logged and skipped; the others go on."""
    now = (now or clock.now()).astimezone(clock.timezone())
    bots = [bot for bot in list(get_bots().values()) if isinstance(bot, Bot)]
    if not bots:
        return 0  # nothing is claimed: it goes out once a bot connects (while still due)
    done = 0
    for served in all_served():
        if not monthly_post_due(now, served.unit.monthly.summary_at):
            continue
        try:
            done += await post_monthly_summary(served, previous_month(now.date()), bots, now)
        except Exception:
            logger.exception(f"月报发送出错（{served.unit.name}），其他单位照常")
    return done


async def post_monthly_summary(
    served: ServedUnit, period: Period, bots: list[Bot], now: datetime
) -> int:
    """The workbook and the 说明报告 to each coordinator (if the unit file says so), then the
    summary to each of the unit's groups, its footer saying whether the coordinators got them."""
    if (served.unit_id, period.key) in _finished:
        return 0
    from . import duty_settings

    coordinators = served.unit.coordinators if served.unit.monthly.files_to_coordinators else ()
    # Coordinators first: the group post then tells what actually reached them.
    targets = [Target(user_id=qq) for qq in coordinators]
    targets += [Target(group_id=g) for g in served.unit.groups]
    async with get_session() as session:
        pending = await _unsent(session, served.unit_id, period, targets)
    if not pending:
        _finished.add((served.unit_id, period.key))
        return 0

    data_dir = Path(duty_settings.duty_data_dir)
    async with get_session() as session:
        summary = await build_summary(session, served, period)
        files: list[Path] = []
        if any(t.user_id is not None for t in pending):
            files = [
                await make_workbook(session, served, summary, data_dir),
                await make_report(session, served, summary, data_dir),
            ]

    received = _files_received.setdefault((served.unit_id, period.key), {})
    served_count = 0
    for target in pending:
        text = ""
        if target.group_id is not None:
            footer = files_footer(period, coordinators, received)
            text = render_chat(summary, footer=footer)
        key = dispatch_key(served.unit_id, period, target)
        async with get_session() as session:
            claimed = await roster_log.claim_reminder(
                session,
                key=key,
                unit_id=served.unit_id,
                kind=KIND,
                day=period.first,
                target=target.key,
                due_at=now,
                text=text,
            )
        if not claimed:
            continue
        if target.group_id is not None:
            error = await _post_to_group(bots, target.group_id, text)
        else:
            assert target.user_id is not None
            error, arrived = await _files_to_coordinator(
                bots, target.user_id, summary_title(summary), files
            )
            received[target.user_id] = (arrived, len(files))
        async with get_session() as session:
            await roster_log.reminder_done(session, key, not error)
        if error:
            logger.warning(f"月报没能发给 {target.key}：{error}")
        served_count += 1
    return served_count


def files_footer(
    period: Period, coordinators: tuple[int, ...], received: dict[int, tuple[int, int]]
) -> str:
    """The group post's last line, true to what reached the coordinators. When this process
    does not know (they were served before a restart), it claims nothing."""
    ask = (
        f"协调人可发送 /月报 {period.key} 获取 Excel 明细，"
        f"/月报 材料 {period.key} 获取 Word 说明报告。"
    )
    known = [received[qq] for qq in coordinators if qq in received]
    if not coordinators or len(known) < len(coordinators):
        return ask
    arrived = sum(got for got, _ in known)
    if arrived == sum(total for _, total in known):
        return "Excel 明细和 Word 说明报告草稿已私发协调人。"
    if arrived == 0:
        return "Excel 明细和 Word 说明报告草稿没能私发协调人（文件已保存在机器人电脑上）。" + ask
    return "Excel 明细和 Word 说明报告草稿有的没能私发协调人（已保存在机器人电脑上）。" + ask


async def _post_to_group(bots: list[Bot], group_id: int, text: str) -> str:
    """Post with the first bot that can; the error text, or "" when sent."""
    error = "没有可用的机器人连接"
    for bot in bots:
        try:
            await bot.send_group_msg(group_id=group_id, message=as_text(text))
            return ""
        except SEND_FAILURES as failure:
            error = f"{type(failure).__name__}: {failure}"[:255]
    return error


async def _files_to_coordinator(
    bots: list[Bot], user_id: int, title: str, files: list[Path]
) -> tuple[str, int]:
    """A line saying what comes, the files, and a note on each that did not arrive. Returns
    the error text ("" when the person was reached) and how many files arrived."""
    error = "没有可用的机器人连接"
    target = Target(user_id=user_id)
    for bot in bots:
        try:
            await bot.send_private_msg(
                user_id=user_id,
                message=as_text(f"{title}：正在发送 Excel 明细和 Word 说明报告草稿。"),
            )
        except SEND_FAILURES as failure:
            error = f"{type(failure).__name__}: {failure}"[:255]
            continue
        outcomes = [(path, await upload(bot, target, path)) for path in files]
        notes = [
            file_note(file_label(path), outcome, path, "私聊")
            for path, outcome in outcomes
            if not outcome.sent
        ]
        if notes:
            try:
                await bot.send_private_msg(user_id=user_id, message=as_text("\n".join(notes)))
            except SEND_FAILURES as failure:
                logger.warning(f"没能告诉协调人 {user_id} 文件的去向：{failure}")
        return "", sum(outcome.sent for _, outcome in outcomes)
    return error, 0


async def _unsent(
    session: AsyncSession, unit_id: int, period: Period, targets: list[Target]
) -> list[Target]:
    """Targets with nothing in the log yet, or a failed post with attempts left."""
    logged = await roster_log.logged_reminders(session, unit_id, since=period.first)
    pending = []
    for target in targets:
        found = logged.get(dispatch_key(unit_id, period, target))
        if found is None or (
            found.status == ReminderStatus.FAILED and found.attempts < MAX_ATTEMPTS
        ):
            pending.append(target)
    return pending


def dispatch_key(unit_id: int, period: Period, target: Target) -> str:
    """The reminder log's key, in its format: u<unit>:<kind>:<day>:<target>."""
    return f"u{unit_id}:{KIND}:{period.first.isoformat()}:{target.key}"
