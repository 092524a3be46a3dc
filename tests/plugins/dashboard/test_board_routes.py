"""The dashboard's pages over HTTP (nonebot's own FastAPI app) on the hand-built November of
``tests/plugins/monthly/month.py``: what a valid link shows, and every way in that is refused."""

from __future__ import annotations

import re
import time
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import openpyxl
import pytest
from nonebug import App

from dutybot.monthly import Period
from tests.plugins.monthly.month import ROAD, png, saved_photo

COORDINATOR = 10001
OTHER_COORDINATOR = 10002
SUPERUSER = 99999
MEMBER = 20002
NOVEMBER = Period(*(__import__("datetime").date(2026, 11, d) for d in (1, 30)))
REFUSED = "链接无效或已过期"
NOT_FOUND = "没有这个页面"


def link(qq: int = COORDINATOR, seconds: int = 3600) -> str:
    from dutybot.board.access import make_token
    from plugins.dashboard import routes

    token = make_token(routes.signing_key(), qq, int(time.time()) + seconds)
    return f"/dutybot/board/{token}/"


@pytest.fixture
async def web(app: App):
    """A client of the bot's ASGI app, without its start and stop: the routes alone (the
    bot's start would start the scheduler and its jobs, and reread the unit file)."""
    import httpx
    import nonebot

    transport = httpx.ASGITransport(app=nonebot.get_asgi())
    async with httpx.AsyncClient(
        transport=transport, base_url="http://127.0.0.1:8080", follow_redirects=True
    ) as client:
        yield client


async def get(client, path: str, method: str = "GET"):
    return await client.request(method, path)


class Figures(HTMLParser):
    """``tr[data-row]`` → {data-f: text} of the figure tables."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, str]] = {}
        self._row: dict[str, str] | None = None
        self._field: str | None = None

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if tag == "tr" and "data-row" in values:
            self._row = self.rows.setdefault(values["data-row"] or "", {})
        elif tag == "td" and self._row is not None and "data-f" in values:
            self._field = values["data-f"]
            self._row[self._field or ""] = ""

    def handle_endtag(self, tag):
        if tag == "td":
            self._field = None
        elif tag == "tr":
            self._row = None

    def handle_data(self, data):
        if self._row is not None and self._field:
            self._row[self._field] += data.strip()


def figures_of(html: str) -> dict[str, dict[str, str]]:
    parser = Figures()
    parser.feed(html)
    return parser.rows


def expected(figures) -> dict[str, str]:
    return {
        "held_duties": str(figures.held_duties),
        "planned_duties": str(figures.planned_duties),
        "rostered": str(figures.rostered),
        "present": str(figures.present),
        "attendance_rate": figures.attendance_rate,
        "found": str(figures.found),
        "resolved": str(figures.resolved),
        "unresolved": str(figures.unresolved),
        "unresolved_overdue": str(figures.unresolved_overdue),
        "closure_rate": figures.closure_rate,
        "on_time_rate": figures.on_time_rate,
    }


def problem_numbers(html: str) -> list[int]:
    return [int(n) for n in re.findall(r'<li data-problem="(\d+)">', html)]


def unit_files(folder: Path, *texts: str) -> Path:
    """A folder of unit files, as ``DUTY_UNIT_FILE`` may name; the bot reads it at start
    (the test server starts it too)."""
    folder.mkdir(exist_ok=True)
    for index, text in enumerate(texts):
        (folder / f"unit-{index}.toml").write_text(text, encoding="utf-8")
    return folder


SECOND_UNIT = (
    ('name = "市外侨办"', 'name = "市二单位"'),
    ("groups = [700000001]", "groups = [700000002]"),
    ("coordinators = [10001]", f"coordinators = [{OTHER_COORDINATOR}]"),
)


@pytest.fixture
async def second_unit(database, data_dir, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Another office on the same bot (group 700000002, coordinator 10002) with one problem
    and its photo."""
    from nonebot_plugin_orm import get_session

    import plugins.duty
    from dutybot.ledger import Source
    from plugins.duty import units
    from plugins.ledger import service as ledger
    from tests.conftest import UNIT_FILE
    from tests.plugins.monthly.month import local

    first = UNIT_FILE.read_text(encoding="utf-8")
    second = first
    for old, new in SECOND_UNIT:
        second = second.replace(old, new)
    folder = unit_files(tmp_path / "units", first, second)
    monkeypatch.setattr(plugins.duty.plugin_config, "duty_unit_file", folder)
    async with get_session() as session:
        served = {
            s.unit.name: s for s in await units.activate(session, units.read_unit_files(folder))
        }
        other = served["市二单位"]
        await ledger.add_problem(
            session,
            other.unit_id,
            other.site_ids[ROAD],
            "环境卫生",
            "垃圾桶满溢",
            1,
            local("2026-11-20 08:00"),
            Source.COMMAND,
            20001,
            None,
            photos=[saved_photo(data_dir, png(shade=90), "http://img/other.png")],
        )
        await session.commit()
    return other


# ---------------------------------------------------------------------------------------------
# What a coordinator sees


async def test_overview_shows_the_figures_of_the_monthly_summary(web, november, served):
    from nonebot_plugin_orm import get_session

    from plugins.monthly import delivery

    async with get_session() as session:
        summary = await delivery.build_summary(session, served, NOVEMBER)
    for path in ("", "?month=2026-11", "u/1/?month=2026-11"):
        response = await get(web, link() + path)
        assert response.status_code == 200
        shown = figures_of(response.text)
        assert shown == {
            "玄帝庙街路西": expected(summary.sites[0]),
            "市16网格": expected(summary.sites[1]),
            "未注明地点": expected(summary.sites[2]),  # a report with no site read
            "合计": expected(summary.total),
        }
        assert "<h1>市外侨办 2026年11月</h1>" in response.text
    page = response.text
    assert page.count('<svg class="chart"') == 4
    assert "近12个月发现和解决的问题（处）" in page
    # The oldest open problems, linked to their pages; the files of the month.
    assert '<a class="num" href="problems/8">#8</a>' in page
    assert 'href="files/2026-11.xlsx"' in page and 'href="files/2026-11.docx"' in page
    assert "<summary>个人（7 人）</summary>" in page


async def test_pages_are_read_only_and_self_contained(web, november):
    response = await get(web, link())
    headers = response.headers
    assert headers["Cache-Control"] == "no-store"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert "script-src" not in headers["Content-Security-Policy"]  # none at all
    assert "<script" not in response.text
    assert not re.search(r'(src|href)="(https?:)?//', response.text)  # nothing from elsewhere
    for path in ("", "u/1/problems", "u/1/photos/1"):
        assert (await get(web, link() + path, "POST")).status_code == 405


async def test_ledger_open_and_overdue_first_with_filters(web, november):
    base = link() + "u/1/problems"
    # Overdue first (oldest first), then the dealt-with (newest first); withdrawn left out.
    assert problem_numbers((await get(web, base)).text) == [8, 2, 7, 6, 5, 1, 3]
    assert problem_numbers((await get(web, base + "?status=withdrawn")).text) == [4]
    assert problem_numbers((await get(web, base + "?status=overdue")).text) == [8, 2, 7]
    assert problem_numbers((await get(web, base + "?status=settled")).text) == [6, 5, 1, 3]
    assert problem_numbers((await get(web, base + "?site=2")).text) == [8]
    assert problem_numbers((await get(web, base + "?category=基础设施")).text) == [7, 5, 3]
    assert problem_numbers((await get(web, base + "?month=2026-10")).text) == [8, 3]
    assert problem_numbers((await get(web, base + "?site=999")).text) == []
    page = (await get(web, base)).text
    assert "共 7 个问题" in page
    assert "照片 2 张" in page


async def test_problem_page_with_history_and_photos(web, november, data_dir):
    page = (await get(web, link() + "u/1/problems/1")).text
    assert "<h1>#1 电动车乱停放5处</h1>" in page
    assert re.findall(r"<strong>(\S+?)</strong>", page) == ["登记", "核查通过"]  # fixed on the spot
    assert re.findall(r'<img src="([^"]+)"', page) == ["../photos/1", "../photos/2"]
    photo = await get(web, link() + "u/1/photos/1")
    assert photo.status_code == 200
    assert photo.headers["Content-Type"] == "image/jpeg"  # upright, scaled, as in the report
    original = await get(web, link() + "u/1/photos/1?original=1")
    assert original.headers["Content-Type"] == "image/png"
    assert original.content == png(shade=10)
    assert (await get(web, link() + "u/1/problems/99")).status_code == 404


async def test_roster_calendar(web, november):
    page = (await get(web, link() + "u/1/roster?month=2026-11")).text
    days = {chunk[:10]: chunk.split('<div class="day')[0] for chunk in page.split('data-day="')[1:]}
    marks = {
        day: re.findall(r'<span class="p (\w+)[^"]*" title="[^"]*">(\S+?)</span>', body)
        for day, body in days.items()
    }
    assert marks == {
        "2026-11-02": [("present", "王晓明"), ("present", "李娜"), ("absent", "赵强")],
        "2026-11-04": [
            ("present", "刘海燕"),
            ("leave", "陈志远"),
            ("present", "孙悦"),
            ("extra", "周建国"),
        ],
        "2026-11-06": [("swapped", "王晓明"), ("present", "李娜"), ("present", "赵强")],
        "2026-11-09": [("absent", "刘海燕")],
        "2026-11-11": [],  # held (a report) without a roster
    }
    assert "日报 1 份" in page


async def test_files_are_those_of_the_monthly_summary(web, november, data_dir):
    response = await get(web, link() + "u/1/files/2026-11.xlsx")
    assert response.status_code == 200
    assert "filename*=utf-8''" in response.headers["Content-Disposition"]
    path = data_dir / "exports" / "市外侨办-2026-11-月报.xlsx"
    assert response.content == path.read_bytes()
    book = openpyxl.load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["汇总", "人员", "问题台账", "值班记录"]
    assert len(book["汇总"]._charts) == 2  # type: ignore[attr-defined]
    word = await get(web, link() + "u/1/files/2026-11.docx")
    assert word.status_code == 200
    assert word.content == (data_dir / "exports" / "市外侨办-2026-11-月报材料.docx").read_bytes()
    for name in ("2026-11.pdf", "2026-13.xlsx", "../../x.xlsx", "2027-01.xlsx"):
        assert (await get(web, link() + f"u/1/files/{name}")).status_code == 404


async def test_the_city_office_sees_every_unit(web, november, second_unit):
    page = (await get(web, link(SUPERUSER) + "?month=2026-11")).text
    assert "全市（2 个单位）" in page
    rows = figures_of(page)
    assert set(rows) == {"市外侨办", "市二单位", "合计"}
    assert rows["市二单位"]["found"] == "1"
    assert rows["合计"]["found"] == str(int(rows["市外侨办"]["found"]) + 1)
    assert '<a href="u/2/?month=2026-11">市二单位</a>' in page
    unit_page = (await get(web, link(SUPERUSER) + "u/2/?month=2026-11")).text
    assert '<a class="back" href="../../?month=2026-11">← 全部单位</a>' in unit_page
    workbook = await get(web, link(SUPERUSER) + "files/2026-11.xlsx")
    assert workbook.status_code == 200
    rows_of = list(
        openpyxl.load_workbook(BytesIO(workbook.content))["汇总"].iter_rows(values_only=True)
    )
    assert [r[0] for r in rows_of[2:]] == ["市外侨办", "市二单位", "全市合计"]
    # Sorted by what is behind.
    ranked = (await get(web, link(SUPERUSER) + "?month=2026-11&sort=unresolved")).text
    assert ranked.index('data-row="市外侨办"') < ranked.index('data-row="市二单位"')


# ---------------------------------------------------------------------------------------------
# Refused


async def test_no_link_no_page(web, november):
    assert (await get(web, "/dutybot/board/")).status_code == 404
    for token in ("x", "10001", "10001.99999999999.abc", "../../onebot"):
        response = await get(web, f"/dutybot/board/{token}/u/1/problems/1")
        assert response.status_code in (403, 404)
        assert "电动车" not in response.text


async def test_expired_and_tampered_links_are_refused(web, november):
    expired = link(seconds=-1)
    token = link().split("/")[3]
    qq, expires, signature = token.split(".")
    tampered = f"{qq}.{expires}.{signature[:-1]}{'0' if signature[-1] != '0' else '1'}"
    longer = f"{qq}.{int(expires) + 86400}.{signature}"
    for base in (expired, f"/dutybot/board/{tampered}/", f"/dutybot/board/{longer}/"):
        for path in ("", "u/1/", "u/1/problems/1", "u/1/photos/1", "u/1/files/2026-11.xlsx"):
            response = await get(web, base + path)
            assert response.status_code == 403, (base, path)
            assert REFUSED in response.text
            assert "市外侨办" not in response.text


async def test_a_link_is_only_worth_what_its_holder_may_see_now(
    web, november, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    from nonebot_plugin_orm import get_session

    import plugins.duty
    from plugins.duty import units
    from tests.conftest import UNIT_FILE

    member = link(MEMBER)  # rightly signed, but not a coordinator
    assert (await get(web, member)).status_code == 403
    coordinator = link()
    assert (await get(web, coordinator)).status_code == 200
    # Taken off the unit file's coordinators (the bot reads the file again at its start).
    folder = unit_files(
        tmp_path / "units",
        UNIT_FILE.read_text(encoding="utf-8").replace(
            "coordinators = [10001]", "coordinators = []"
        ),
    )
    monkeypatch.setattr(plugins.duty.plugin_config, "duty_unit_file", folder)
    async with get_session() as session:
        await units.activate(session, units.read_unit_files(folder))
    response = await get(web, coordinator + "u/1/photos/1")
    assert response.status_code == 403


async def test_another_units_pages_photos_and_files(web, november, second_unit):
    other = link(OTHER_COORDINATOR)
    assert (await get(web, other + "u/2/?month=2026-11")).status_code == 200
    found = re.search(
        r'<img src="\.\./photos/(\d+)"', (await get(web, other + "u/2/problems/1")).text
    )
    assert found is not None
    photo_id = found[1]
    assert (await get(web, other + f"u/2/photos/{photo_id}")).status_code == 200
    for path in (
        "u/1/",
        "u/1/problems",
        "u/1/problems/1",
        "u/1/photos/1",
        "u/1/roster",
        "u/1/files/2026-11.xlsx",
        "u/2/photos/1",  # unit 1's photo under unit 2's address
        "files/2026-11.xlsx",  # the city's file
    ):
        response = await get(web, other + path)
        assert response.status_code == 404, path
        assert NOT_FOUND in response.text
    # And the first unit's coordinator cannot see the second unit's photo either.
    assert (await get(web, link() + f"u/1/photos/{photo_id}")).status_code == 404
    assert (await get(web, link() + f"u/2/photos/{photo_id}")).status_code == 404


async def test_malformed_addresses(web, november):
    base = link()
    for path in (
        "u/abc/",
        "u/1/problems/abc",
        "u/1/problems/-1",
        "u/1/photos/../../board.key",
        "u/1/problems?status=bogus",
        "u/1/problems?month=2026-1",
        "?month=2026-13",
        "?month=2099-01",
        "u/1/roster?month=11月",
    ):
        assert (await get(web, base + path)).status_code == 404, path


async def test_a_photo_row_pointing_outside_the_photo_folder(web, november, data_dir: Path):
    from nonebot_plugin_orm import get_session

    from dutybot.ledger import PhotoStage, PhotoStatus
    from plugins.ledger.model import Photo
    from tests.plugins.monthly.month import utc

    (data_dir / "secret.png").write_bytes(png())
    async with get_session() as session:
        row = Photo(
            problem_id=1,
            unit_id=1,
            stage=PhotoStage.BEFORE,
            status=PhotoStatus.SAVED,
            path="photos/../secret.png",
            taken_at=utc("2026-11-02 08:00"),
        )
        session.add(row)
        await session.flush()
        photo_id = row.id
        await session.commit()
    assert (await get(web, link() + f"u/1/photos/{photo_id}")).status_code == 404


async def test_every_link_on_the_pages_leads_to_a_page(web, november, second_unit):
    """Crawl from the link as its holder would (tabs, months, sorting, filters, problems,
    photos, back links): every address the pages give is answered."""
    for holder in (COORDINATOR, SUPERUSER):
        await crawl(web, link(holder))


async def crawl(client, start: str) -> None:
    import html
    from urllib.parse import urljoin

    queue, seen = [start + "?month=2026-11"], set()
    while queue and len(seen) < 400:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = await client.get(url)
        assert response.status_code == 200, url
        if not response.headers["Content-Type"].startswith("text/html"):
            continue
        for href in re.findall(r'(?:href|src)="([^"#]*)"', response.text):
            target = urljoin(url, html.unescape(href))
            assert target.startswith(start), (url, href)
            other_month = re.search(r"month=(\d{4}-\d{2})", target)
            if other_month and other_month[1] not in ("2026-11", "2026-12", "2027-01"):
                continue  # every month has the same links: three are enough
            if not target.endswith((".xlsx", ".docx")):
                queue.append(target)
    assert len(seen) >= 20
    assert not queue
