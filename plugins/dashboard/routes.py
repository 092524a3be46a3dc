"""The dashboard's HTTP side, on nonebot's own FastAPI app (same host and port as the OneBot
connection; no second server, nothing fetched from elsewhere: pages carry their styles and
their charts inline, and use no script).

Authorisation: these routes do not take ``ONEBOT_ACCESS_TOKEN`` (a coordinator's phone has no
token). Every request is authorised by its signed link instead: the first path segment is the
token of :mod:`dutybot.board.access` (the holder's QQ number and an expiry, HMAC-signed by a
key in the data folder, compared in constant time). Each request then looks up what the holder
may see now (:func:`sight_of`): the units they coordinate, or every unit for a SUPERUSER, and
refuses any unit outside it, any photo or file of such a unit included. A missing, tampered or
expired link gets the same page (403); another unit's page, photo or file, or a malformed
path, the same "not found" (404). A token check added in front of every HTTP route must leave
:data:`PREFIX` to this signed link.

Read-only: every route is a GET; none writes to the database (the files it offers are written
to the exports folder, as /月报 writes them).
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import nonebot
from nonebot_plugin_orm import get_session

from dutybot import clock
from dutybot.board import pages
from dutybot.board.access import Holder, Sight, load_key, read_token
from dutybot.errors import UnknownProblem
from dutybot.ledger import STATUS_LABELS, PhotoStage, is_overdue, overdue_days
from dutybot.monthly import FutureMonth, Period, combine, default_month, month_end, month_period
from dutybot.roster_text import times_text
from plugins.duty.chat import is_coordinator
from plugins.duty.units import ServedUnit, all_served
from plugins.ledger import service as ledger_service
from plugins.monthly.exports import picture_bytes

from . import service, trend

PREFIX = "/dutybot/board"
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Robots-Tag": "noindex, nofollow",
    "Content-Security-Policy": (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
}
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_keys: dict[Path, bytes] = {}


def data_dir() -> Path:
    from plugins.monthly import duty_settings

    return Path(duty_settings.duty_data_dir)


def signing_key() -> bytes:
    folder = data_dir()
    if folder not in _keys:
        _keys[folder] = load_key(folder)
    return _keys[folder]


def sight_of(qq: int) -> Sight | None:
    """What ``qq`` may see now: every unit for a SUPERUSER (the city), the units they
    coordinate otherwise; None for anyone else."""
    served = all_served()
    if str(qq) in nonebot.get_driver().config.superusers:
        return Sight(tuple(s.unit_id for s in served), city=True)
    mine = tuple(s.unit_id for s in served if is_coordinator(s, qq))
    return Sight(mine) if mine else None


# ---------------------------------------------------------------------------------------------
# Responses


def html(body: str, status: int = 200):
    from fastapi.responses import HTMLResponse

    return HTMLResponse(body, status_code=status, headers=SECURITY_HEADERS)


def refused():
    return html(pages.refused(*pages.REFUSED), 403)


def not_found():
    return html(pages.refused(*pages.NOT_FOUND), 404)


class Refusal(Exception):
    def __init__(self, response: Any) -> None:
        self.response = response


@dataclass(frozen=True)
class Visit:
    """An authorised request: who, what they may see, and the units served."""

    holder: Holder
    sight: Sight
    units: dict[int, ServedUnit]

    @property
    def many(self) -> bool:
        return len(self.sight.unit_ids) > 1

    def unit(self, text: str) -> ServedUnit:
        if not (text.isascii() and text.isdigit()):
            raise Refusal(not_found())
        unit_id = int(text)
        if not self.sight.allows(unit_id) or unit_id not in self.units:
            raise Refusal(not_found())
        return self.units[unit_id]

    def frame(
        self,
        title: str,
        scope: str,
        tab: str,
        month_key: str,
        *,
        unit_root: str | None,
        root: str,
        months: tuple = (),
        tab_month: str | None = None,
    ) -> pages.Frame:
        expires = datetime.fromtimestamp(self.holder.expires, clock.timezone())
        tab_month = tab_month or month_key
        tabs = pages.unit_tabs(unit_root, tab_month) if unit_root is not None else ()
        if unit_root is None:
            tabs = (("overview", "总览", f"{root}?month={tab_month}"),)
        return pages.Frame(
            title=title,
            scope=scope,
            tab=tab,
            tabs=tabs,
            month_key=month_key,
            months=months,
            # Back to all the holder's units, from one unit's pages.
            back=f"{root}?month={tab_month}" if self.many and unit_root is not None else None,
            now_text=f"数据截至 {pages.moment_text(clock.now())}",
            expires_text=f"链接有效至 {pages.moment_text(expires)}",
        )


def visit(token: str) -> Visit:
    holder = read_token(signing_key(), token, time.time())
    if holder is None:
        raise Refusal(refused())
    sight = sight_of(holder.qq)
    if sight is None:
        raise Refusal(refused())
    units = {s.unit_id: s for s in all_served() if sight.allows(s.unit_id)}
    return Visit(holder, sight, units)


def chosen_month(text: str) -> Period:
    """``2026-11`` (as /月报 takes it: up to today for the current month); nothing: /月报's
    default month. Refusal for anything else, or a month to come."""
    today = clock.today()
    if not text:
        return default_month(today)
    match = _MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2100:
        raise Refusal(not_found())
    try:
        return month_period(int(match.group(1)), int(match.group(2)), today)
    except FutureMonth:
        raise Refusal(not_found()) from None


async def guarded(work) -> Any:
    try:
        return await work()
    except Refusal as refusal:
        return refusal.response


# ---------------------------------------------------------------------------------------------
# 总览


async def overview(token: str, month: str = "", sort: str = "") -> Any:
    async def work():
        seen = visit(token)
        period = chosen_month(month)
        if not seen.many:
            (served,) = seen.units.values()
            return await _unit_overview(seen, served, period, unit_root=f"u/{served.unit_id}/")
        return await _units_overview(seen, period, sort)

    return await guarded(work)


async def unit_overview(token: str, unit: str, month: str = "") -> Any:
    async def work():
        seen = visit(token)
        return await _unit_overview(seen, seen.unit(unit), chosen_month(month), unit_root="")

    return await guarded(work)


def _root_from(unit_root: str) -> str:
    """From a unit page's folder (``u/3/``, or ``""`` when on it) back to the token's."""
    return "" if unit_root.startswith("u/") else "../../"


async def _unit_overview(seen: Visit, served: ServedUnit, period: Period, unit_root: str):
    root = _root_from(unit_root)
    async with get_session() as session:
        summary = await service.unit_summary(session, served, period)
        points = await trend.trend(session, (served.unit_id,), period, summary.total)
    frame = seen.frame(
        f"{served.unit.name} {period.title}",
        served.unit.name,
        "overview",
        period.key,
        unit_root=unit_root or "./",
        root=root,
        months=pages.month_links(clock.today(), ""),
    )
    key = period.key
    body = pages.overview_unit(
        frame,
        summary,
        points,
        problem_href=f"{unit_root}problems/",
        ledger_href=f"{unit_root}problems?status=open",
        downloads=[
            (f"Excel 明细（{period.title}）", f"{unit_root}files/{key}.xlsx"),
            (f"Word 说明报告草稿（{period.title}）", f"{unit_root}files/{key}.docx"),
        ],
    )
    return html(body)


async def _units_overview(seen: Visit, period: Period, sort: str):
    served = [seen.units[u] for u in seen.sight.unit_ids if u in seen.units]
    async with get_session() as session:
        rows = await service.unit_rows(session, served, period)
        total = combine([r.figures for r in rows], "合计", "合计")
        points = await trend.trend(session, tuple(s.unit_id for s in served), period, total)
    scope = f"全市（{len(served)} 个单位）" if seen.sight.city else f"我的 {len(served)} 个单位"
    frame = seen.frame(
        f"{scope} {period.title}",
        scope,
        "overview",
        period.key,
        unit_root=None,
        root="",
        months=pages.month_links(clock.today(), ""),
    )
    linked = [
        (row, f"u/{unit.unit_id}/?month={period.key}")
        for row, unit in zip(rows, served, strict=True)
    ]
    downloads = []
    if seen.sight.city:
        downloads.append((f"全市汇总 Excel（{period.title}）", f"files/{period.key}.xlsx"))
    body = pages.overview_city(
        frame,
        period,
        linked,
        points,
        heading=f"{'全市' if seen.sight.city else '我的单位'} {period.title}",
        sort=sort,
        sort_href=f"?month={period.key}",
        downloads=downloads,
    )
    return html(body)


# ---------------------------------------------------------------------------------------------
# 问题台账


async def problems(
    token: str,
    unit: str,
    site: str = "",
    category: str = "",
    status: str = "",
    month: str = "",
    page: str = "1",
) -> Any:
    async def work():
        seen = visit(token)
        served = seen.unit(unit)
        if month and not _MONTH.match(month):
            raise Refusal(not_found())
        if status not in dict(pages.STATUS_FILTERS):
            raise Refusal(not_found())
        number = int(page) if page.isascii() and page.isdigit() and 0 < len(page) < 6 else 1
        chosen = pages.LedgerFilters(
            site=site[:12], category=category[:32], status=status, month=month
        )
        async with get_session() as session:
            rows, total = await service.ledger(session, served, chosen, number, "problems/")
            categories = await service.categories_in_use(session, served)
        query = {k: v for k, v in vars(chosen).items() if v}
        pages_count = (total + service.PAGE_SIZE - 1) // service.PAGE_SIZE

        def at(n: int) -> str:
            return "problems?" + urlencode({**query, "page": n})

        sites = [(str(served.site_id(s)), s.label) for s in served.unit.sites]
        sites.append(("none", service.NO_SITE))
        month_key = default_month(clock.today()).key
        frame = seen.frame(
            f"问题台账 · {served.unit.name}",
            served.unit.name,
            "problems",
            month_key,
            unit_root="./",
            root="../../",
        )
        body = pages.problems(
            frame,
            unit_name=served.unit.name,
            rows=rows,
            total=total,
            chosen=chosen,
            sites=sites,
            categories=categories,
            months=pages.month_choices(clock.today()),
            more_href=at(number + 1) if number < pages_count else None,
            less_href=at(number - 1) if number > 1 else None,
        )
        return html(body)

    return await guarded(work)


async def problem(token: str, unit: str, number: str) -> Any:
    async def work():
        seen = visit(token)
        served = seen.unit(unit)
        if not (number.isascii() and number.isdigit() and len(number) < 9):
            raise Refusal(not_found())
        async with get_session() as session:
            try:
                view = await ledger_service.problem_by_number(session, served.unit_id, int(number))
            except UnknownProblem:
                raise Refusal(not_found()) from None
            history = await ledger_service.problem_history(session, served.unit_id, int(number))
            photos = await service.photos_of(session, served.unit_id, view.id)
        today = clock.today()
        labels = {served.site_id(s): s.label for s in served.unit.sites}
        site = service.site_label(view.site_id, view.site_name, labels)
        facts = [
            ("状态", view.status.label),
            ("地点", site),
            ("类别", view.category),
            ("数量", f"{view.quantity} 处"),
            ("发现时间", pages.date_text(view.found_at.date()) + f" {view.found_at:%H:%M}"),
            ("登记", f"{view.reporter_name or '—'}（{service.SOURCE_TEXT[view.source]}）"),
            ("处置时限", f"{view.time_limit_days} 天，{pages.date_text(view.due_on)}前"),
        ]
        if view.coordinating_with:
            facts.append(("协调单位", view.coordinating_with))
        if view.resolved_at is not None:
            facts.append(
                (
                    "解决时间",
                    pages.date_text(view.resolved_at.date()) + f" {view.resolved_at:%H:%M}",
                )
            )
        if view.resolution_note:
            facts.append(("整改情况", view.resolution_note))
        if view.rework_count:
            facts.append(("返工", f"{view.rework_count} 次"))
        stages = []
        for stage, label in ((PhotoStage.BEFORE, "整改前"), (PhotoStage.AFTER, "整改后")):
            items = tuple(
                pages.PhotoItem(f"../photos/{p.id}", pages.moment_text(p.taken_at))
                for p in photos
                if p.stage is stage
            )
            stages.append((label, items))
        detail = pages.ProblemDetail(
            number=view.number,
            description=view.description,
            status_label=view.status.label,
            status_class=service.STATUS_CLASS[view.status],
            overdue=is_overdue(view.status, view.due_on, today),
            overdue_days=overdue_days(view.status, view.due_on, today, view.resolved_on),
            facts=tuple(facts),
            photos=tuple(stages) if photos else (),
            failed_photos=view.photos.failed,
            history=tuple(
                pages.HistoryItem(
                    when=pages.date_text(h.at.date()) + f" {h.at:%H:%M}",
                    action=h.action.label,
                    who=h.actor_name,
                    to=STATUS_LABELS[h.to_status] if h.from_status != h.to_status else None,
                    note=h.note,
                )
                for h in history
            ),
            ledger_href="../problems",
        )
        frame = seen.frame(
            f"#{view.number} {view.description[:20]} · {served.unit.name}",
            served.unit.name,
            "problems",
            default_month(today).key,
            unit_root="../",
            root="../../../",
        )
        return html(pages.problem(frame, detail))

    return await guarded(work)


MEDIA_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
}


async def photo(token: str, unit: str, photo_id: str, original: str = "") -> Any:
    """A photo of one of the holder's units: upright and at most 1600 px (as in the Word
    report), or the file as saved with ``?original=1``."""
    from fastapi.responses import FileResponse, Response

    async def work():
        seen = visit(token)
        served = seen.unit(unit)
        if not (photo_id.isascii() and photo_id.isdigit() and len(photo_id) < 12):
            raise Refusal(not_found())
        async with get_session() as session:
            path = await service.photo_path(session, served.unit_id, int(photo_id), data_dir())
        media = MEDIA_TYPES.get(path.suffix.lower()) if path is not None else None
        if path is None or media is None:
            raise Refusal(not_found())
        headers = {**SECURITY_HEADERS, "Cache-Control": "private, max-age=86400"}
        if original:
            return FileResponse(path, media_type=media, headers=headers)
        import asyncio

        picture = await asyncio.to_thread(picture_bytes, path)
        if picture is None:
            return FileResponse(path, media_type=media, headers=headers)
        return Response(picture.getvalue(), media_type="image/jpeg", headers=headers)

    return await guarded(work)


# ---------------------------------------------------------------------------------------------
# 值班表


async def roster(token: str, unit: str, month: str = "") -> Any:
    async def work():
        seen = visit(token)
        served = seen.unit(unit)
        today = clock.today()
        first = roster_month(month, today)
        last = month_end(first.year, first.month)
        async with get_session() as session:
            by_day = await service.month_duties(session, served, first, last, clock.now())
        rules = served.unit.roster
        frame = seen.frame(
            f"值班表 {first.year}年{first.month}月 · {served.unit.name}",
            served.unit.name,
            "roster",
            f"{first:%Y-%m}",
            unit_root="./",
            root="../../",
            months=pages.month_links(_next_month(today), ""),
            # Next month has a roster, not yet figures: the overview shows this month.
            tab_month=f"{min(first, today.replace(day=1)):%Y-%m}",
        )
        body = pages.roster(
            frame,
            unit_name=served.unit.name,
            key=f"{first:%Y-%m}",
            title=f"{first.year}年{first.month}月",
            times=f"每次 {times_text(rules.start, rules.end)}",
            days=pages.calendar_days(first, last, by_day, today),
        )
        return html(body)

    return await guarded(work)


def roster_month(text: str, today: date) -> date:
    """The first day of the month asked for: this month by default, up to next month (its
    roster is made in advance)."""
    if not text:
        return today.replace(day=1)
    match = _MONTH.match(text)
    if not match or not 1 <= int(match.group(2)) <= 12 or int(match.group(1)) < 2000:
        raise Refusal(not_found())
    first = date(int(match.group(1)), int(match.group(2)), 1)
    if first > _next_month(today):
        raise Refusal(not_found())
    return first


def _next_month(today: date) -> date:
    return date(today.year + today.month // 12, today.month % 12 + 1, 1)


# ---------------------------------------------------------------------------------------------
# Files


async def unit_file(token: str, unit: str, name: str) -> Any:
    from fastapi.responses import FileResponse

    async def work():
        seen = visit(token)
        served = seen.unit(unit)
        key, _, suffix = name.partition(".")
        if suffix not in ("xlsx", "docx"):
            raise Refusal(not_found())
        period = chosen_month(key)
        async with get_session() as session:
            make = service.workbook if suffix == "xlsx" else service.report
            path = await make(session, served, period, data_dir())
        return FileResponse(path, filename=path.name, headers=_file_headers())

    return await guarded(work)


async def city_file(token: str, name: str) -> Any:
    from fastapi.responses import FileResponse

    async def work():
        seen = visit(token)
        key, _, suffix = name.partition(".")
        if not seen.sight.city or suffix != "xlsx":
            raise Refusal(not_found())
        period = chosen_month(key)
        served = [seen.units[u] for u in seen.sight.unit_ids if u in seen.units]
        async with get_session() as session:
            path = await service.city_workbook(session, served, period, data_dir())
        return FileResponse(path, filename=path.name, headers=_file_headers())

    return await guarded(work)


def _file_headers() -> dict[str, str]:
    return {**SECURITY_HEADERS, "Cache-Control": "private, no-store"}


ROUTES = (
    ("/{token}/", overview),
    ("/{token}/files/{name}", city_file),
    ("/{token}/u/{unit}/", unit_overview),
    ("/{token}/u/{unit}/problems", problems),
    ("/{token}/u/{unit}/problems/{number}", problem),
    ("/{token}/u/{unit}/photos/{photo_id}", photo),
    ("/{token}/u/{unit}/roster", roster),
    ("/{token}/u/{unit}/files/{name}", unit_file),
)


def register() -> None:
    try:
        app = nonebot.get_app()
    except (AssertionError, ValueError):  # no HTTP server (another driver): no dashboard
        return
    present = {getattr(route, "path", None) for route in app.routes}
    for path, endpoint in ROUTES:
        if PREFIX + path not in present:
            app.add_api_route(PREFIX + path, endpoint, methods=["GET"], include_in_schema=False)
