"""The dashboard in a real browser: the bot as its own process, a month of duty over the
simulated QQ, a link from /看板, and headless Chromium (Debian's ``chromium`` package) that
opens it, reads the figures, clicks through to a problem and its photos, and takes
screenshots at phone and desktop widths (kept under the test's tmp folder; the path is
printed)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from dutybot.simulator import BotProcess, SimulatedQQ, image_segment, message_text
from tests.browser import DESKTOP, PHONE, Browser, Page, chromium_binary
from tests.e2e.test_monthly_e2e import last_month, moment, seed_roster
from tests.photo_server import PhotoServer

pytestmark = pytest.mark.skipif(
    chromium_binary() is None,
    reason="chromium is not installed (Debian: apt-get install chromium); "
    "the dashboard's browser test needs it",
)

GROUP = 700000001
COORDINATOR = 10001
MEMBER = 20002
LINK = re.compile(r"http://127\.0\.0\.1:\d+/dutybot/board/[0-9a-f.]+/")


def street_photo(tidy: bool) -> bytes:
    """A picture of a pavement: bikes scattered across it, or lined up at its edge."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (960, 720), (196, 200, 204))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 960, 720), fill=(120, 124, 128))  # the road
    draw.rectangle((0, 450, 960, 470), fill=(230, 190, 60))  # tactile paving
    for index in range(5):
        if tidy:
            x, y, angle = 90 + index * 170, 330, 0
        else:
            x, y, angle = 120 + index * 150, 300 + (index % 3) * 60, 25 * (index % 2)
        colour = ((40, 110, 200), (230, 120, 40), (60, 160, 90))[index % 3]
        draw.rounded_rectangle((x, y + angle, x + 120, y + 40 + angle), 12, fill=colour)
        draw.ellipse(
            (x - 10, y + 30 + angle, x + 30, y + 70 + angle), outline=(30, 30, 30), width=6
        )
        draw.ellipse((x + 90, y + 30, x + 130, y + 70), outline=(30, 30, 30), width=6)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def text(value: str) -> dict:
    return {"type": "text", "data": {"text": value}}


def chat_figures(reply: list[str]) -> dict[str, dict[str, str]]:
    """The figures of each site in /月报's text."""
    sites: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in reply:
        if line.startswith("【"):
            name = line[1 : line.index("】")]
            people = name in ("各科室", "个人") or name.startswith("最久")
            current = {} if people else sites.setdefault(name, {})
        elif match := re.match(r"值班 (\d+) 次（计划 (\d+) 次）", line):
            current |= {"held_duties": match[1], "planned_duties": match[2]}
        elif match := re.match(r"到岗 (\d+) 人次（排班 (\d+) 人次，到岗率 (\S+?)[，）]", line):
            current |= {"present": match[1], "rostered": match[2], "attendance_rate": match[3]}
        elif match := re.match(r"发现问题 (\d+) 处", line):
            current["found"] = match[1]
        elif match := re.match(r"已解决 (\d+) 处，未解决 (\d+) 处(?:（超期 (\d+) 处）)?", line):
            current |= {
                "resolved": match[1],
                "unresolved": match[2],
                "unresolved_overdue": match[3] or "0",
            }
        elif match := re.match(r"结案率 (\S+)，按期结案率 (\S+)，返工率", line):
            current |= {"closure_rate": match[1], "on_time_rate": match[2]}
    return sites


PAGE_FIGURES = """(() => {
    const rows = {};
    for (const row of document.querySelectorAll("table.figures tr[data-row]")) {
        const figures = {};
        for (const cell of row.querySelectorAll("td[data-f]")) {
            figures[cell.dataset.f] = cell.textContent.trim();
        }
        rows[row.dataset.row] = figures;
    }
    return rows;
})()"""

IMAGES_SHOWN = """(() => Array.from(document.querySelectorAll("figure.photo img")).map(
    (img) => [img.closest("figure").dataset.stage, img.complete && img.naturalWidth > 0,
              img.naturalWidth]))()"""


async def choose_month(page: Page, key: str) -> None:
    """Click the month in the month row, unless it is the one shown."""
    chip = f'.months a[href="?month={key}"]'
    if await page.evaluate(f"!!document.querySelector({chip!r})"):
        await page.click(chip)
    assert await page.evaluate("document.querySelector('.months .on').textContent") in (
        f"{int(key[5:])}月",
        f"{key[:4]}年{int(key[5:])}月",
    )


async def shoot(page: Page, folder: Path, name: str) -> None:
    await page.screenshot(folder / f"{name}.png")


async def test_dashboard_in_a_browser(
    bot_process: BotProcess, qq: SimulatedQQ, tmp_path: Path, capsys: pytest.CaptureFixture
):
    year, month = last_month()
    key = f"{year}-{month:02d}"
    await seed_roster(bot_process, year, month)
    with PhotoServer() as images:
        images.routes = {"/qq/before.jpg": street_photo(False), "/qq/after.jpg": street_photo(True)}
        for day, people in ((3, (20001, 20002)), (10, (20001, 20002, 20003))):
            for user in people:
                await qq.group_message(
                    GROUP, user, "/报到 玄帝庙街", time_=moment(year, month, day, 7, 35)
                )
                assert (await qq.reply_text()).startswith("已报到")
        await qq.group_message(
            GROUP,
            20001,
            [text("/问题 玄帝庙街 电动车乱停放5处"), image_segment(images.url("/qq/before.jpg"))],
            time_=moment(year, month, 3, 7, 50),
        )
        assert (await qq.reply_text()).startswith("已登记问题 #1（市容秩序·玄帝庙街路西，5处")
        await qq.group_message(
            GROUP, 20002, "/问题 凤凰城 井盖松动", time_=moment(year, month, 10, 8, 0)
        )
        assert (await qq.reply_text()).startswith("已登记问题 #2")
        await qq.group_message(
            GROUP,
            20003,
            [text("/解决 1 已摆放整齐"), image_segment(images.url("/qq/after.jpg"))],
            time_=moment(year, month, 3, 9),
        )
        assert (await qq.reply_text()).startswith("已解决问题 #1")

    await qq.group_message(GROUP, COORDINATOR, f"/月报 {key}")
    await qq.next_call("upload_group_file", timeout=30)
    monthly = (await qq.reply_text(timeout=30)).splitlines()
    expected = chat_figures(monthly)
    assert set(expected) == {"玄帝庙街路西", "市16网格", "合计"}

    # Not for a member; in the group the link goes to the coordinator privately.
    await qq.group_message(GROUP, MEMBER, "/看板")
    assert (await qq.reply_text()).startswith("看板由协调人查看。")
    await qq.group_message(GROUP, COORDINATOR, "/看板")
    private = await qq.next_call("send_private_msg")
    assert private["params"]["user_id"] == COORDINATOR
    assert LINK.search(message_text(private["params"]["message"]))
    assert await qq.reply_text() == "看板链接已私聊发给你，7天内有效。"
    await qq.private_message(COORDINATOR, "/看板")
    answer = await qq.reply_text()
    assert answer.startswith("值班看板（市外侨办）：\nhttp://127.0.0.1:")
    link = LINK.search(answer)
    assert link is not None

    shots = tmp_path / "screenshots"
    async with Browser(tmp_path / "chromium-profile") as browser:
        page = await browser.new_page()
        await page.size(DESKTOP)
        await page.goto(link[0])
        assert await page.evaluate("document.title") != ""
        # The month of /月报 (the default month, or chosen in the month row).
        await choose_month(page, key)
        heading = await page.evaluate("document.querySelector('h1').textContent")
        assert heading == f"市外侨办 {year}年{month}月"
        shown = await page.evaluate(PAGE_FIGURES)
        for site, figures in expected.items():
            assert shown[site] == figures, site
        assert await page.evaluate("document.querySelectorAll('svg.chart').length") == 4
        await shoot(page, shots, "desktop-overview")

        await page.click('nav.tabs a[href$="problems"]')
        assert await page.evaluate("document.querySelectorAll('li[data-problem]').length") == 2
        # Open ones first: #2 is still open, #1 was resolved.
        first = await page.evaluate("document.querySelector('li[data-problem]').dataset.problem")
        assert first == "2"
        await shoot(page, shots, "desktop-problems")
        await page.click('li[data-problem="1"] a.num')
        assert (await page.url()).endswith("/problems/1")
        assert await page.evaluate(IMAGES_SHOWN) == [["整改前", True, 960], ["整改后", True, 960]]
        history = await page.evaluate(
            "Array.from(document.querySelectorAll('ol.history strong')).map(e => e.textContent)"
        )
        assert history == ["登记", "解决"]
        await shoot(page, shots, "desktop-problem")
        await page.click('nav.tabs a[href*="roster"]')
        await choose_month(page, key)
        people = await page.evaluate(
            "Array.from(document.querySelectorAll('.day[data-day] .p')).map("
            "e => e.textContent + ':' + e.className)"
        )
        assert people.count("王晓明:p present") == 2
        assert "赵强:p absent" in people
        await shoot(page, shots, "desktop-roster")

        await page.size(PHONE)
        await page.goto(link[0] + f"?month={key}")
        assert await page.evaluate(PAGE_FIGURES) == shown
        await shoot(page, shots, "phone-overview")
        await page.goto(link[0] + "u/1/problems/1")
        assert [s for s, ok, _ in await page.evaluate(IMAGES_SHOWN) if ok] == ["整改前", "整改后"]
        await shoot(page, shots, "phone-problem")
        await page.goto(link[0] + f"u/1/roster?month={key}")
        await shoot(page, shots, "phone-roster")

        # A tampered link shows nothing but the refusal.
        tampered = link[0][:-3] + ("0" if link[0][-3] != "0" else "1") + link[0][-2:]
        await page.goto(tampered)
        assert await page.evaluate("document.querySelector('h1').textContent") == "链接无效或已过期"

    assert sorted(p.name for p in shots.iterdir()) == [
        "desktop-overview.png",
        "desktop-problem.png",
        "desktop-problems.png",
        "desktop-roster.png",
        "phone-overview.png",
        "phone-problem.png",
        "phone-roster.png",
    ]
    with capsys.disabled():
        print(f"\ndashboard screenshots: {shots}")
