"""The dashboard's rules without a server: personal links, the key that signs them, the SVG
charts and the pages' HTML."""

from __future__ import annotations

import os
import stat
from datetime import date

from dutybot.board import charts, pages
from dutybot.board.access import LINK_SECONDS, Holder, Sight, load_key, make_token, read_token
from dutybot.monthly import Count, Period, SiteFigures

SECRET = b"k" * 32
NOW = 1_800_000_000


def test_a_link_names_its_holder_until_it_expires():
    token = make_token(SECRET, 10001, NOW + LINK_SECONDS)
    assert token.startswith(f"10001.{NOW + LINK_SECONDS}.")
    assert read_token(SECRET, token, NOW) == Holder(10001, NOW + LINK_SECONDS)
    assert read_token(SECRET, token, NOW + LINK_SECONDS) == Holder(10001, NOW + LINK_SECONDS)
    assert read_token(SECRET, token, NOW + LINK_SECONDS + 1) is None
    assert LINK_SECONDS == 7 * 24 * 3600


def test_anything_but_the_signed_link_is_refused():
    token = make_token(SECRET, 10001, NOW + 60)
    qq, expires, signature = token.split(".")
    flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    for forged in (
        f"{qq}.{expires}.{flipped}",  # tampered signature
        f"10002.{expires}.{signature}",  # someone else's number
        f"{qq}.{int(expires) + 3600}.{signature}",  # a longer life
        make_token(b"x" * 32, 10001, NOW + 60),  # another key
        f"{qq}.{expires}",
        f"{qq}.{expires}.{signature}.x",
        "",
        f"-1.{expires}.{signature}",
        f"１０００１.{expires}.{signature}",  # full-width digits
        f"{qq}.{expires}.{signature[:-2]}",
        f"{qq}.{expires}.签名",
    ):
        assert read_token(SECRET, forged, NOW) is None, forged


def test_the_signing_key_is_made_once_and_kept(tmp_path):
    key = load_key(tmp_path)
    assert len(key) == 32
    path = tmp_path / "board.key"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_key(tmp_path) == key  # a restart signs the same links
    path.unlink()
    assert load_key(tmp_path) != key  # deleting the file ends every link


def test_sight():
    sight = Sight((3, 5))
    assert sight.allows(3) and not sight.allows(4)
    assert not Sight((), city=True).allows(1)


def test_column_chart_draws_every_value_and_escapes_labels():
    svg = str(
        charts.column_chart(
            ["玄帝庙街路西", "<b>网格</b>"],
            [
                charts.Series("发现", charts.FOUND, [15, 0]),
                charts.Series("已解决", charts.RESOLVED, [7, 1]),
            ],
            "各地点发现和解决的问题（处）",
        )
    )
    assert svg.startswith('<svg class="chart" viewBox="0 0 360 ')
    assert 'aria-label="各地点发现和解决的问题（处）"' in svg
    assert "<title>玄帝庙街路西 发现 15 处</title>" in svg
    assert "<title>&lt;b&gt;网格&lt;/b&gt; 已解决 1 处</title>" in svg
    assert "<b>" not in svg
    assert svg.count("<rect") == 2 + 4  # the legend's two keys, four bars


def test_bar_chart_and_line_chart():
    bars = str(
        charts.bar_chart(
            ["环境卫生", "一个名字很长很长很长的单位"],
            [charts.Series("未解决", charts.OPEN, [7, 3])],
            "未解决问题最多的单位（处）",
        )
    )
    assert "<title>一个名字很长很长很长的单位</title>一个名字很长很长很…</text>" in bars
    line = str(charts.line_chart(["10月", "11月", "12月"], [100.0, None, 75.0], "到岗率"))
    assert line.count("<circle") == 2  # no point for a month with nothing to measure
    assert "<title>12月 75%</title>" in line


def test_an_empty_chart_says_so():
    for svg in (
        charts.column_chart([], [], "x"),
        charts.bar_chart(["a"], [charts.Series("发现", charts.FOUND, [0])], "x"),
        charts.line_chart(["10月"], [None], "x"),
    ):
        assert "没有数据" in str(svg)


def test_nice_axis():
    assert charts.nice_top(7) == (8, 2)
    assert charts.nice_top(15) == (20, 5)
    assert charts.nice_top(0) == (4, 1)
    assert charts.nice_top(3700) == (4000, 1000)


def test_month_links_newest_first():
    links = pages.month_links(date(2026, 2, 10), "", 4)
    assert [(key, label) for key, label, _ in links] == [
        ("2026-02", "2026年2月"),
        ("2026-01", "2026年1月"),
        ("2025-12", "12月"),
        ("2025-11", "11月"),
    ]
    assert links[0][2] == "?month=2026-02"


def test_calendar_covers_whole_weeks():
    days = pages.calendar_days(date(2026, 11, 1), date(2026, 11, 30), {}, date(2026, 12, 2))
    assert days[0].day == date(2026, 10, 26) and not days[0].in_month  # a Monday
    assert days[-1].day == date(2026, 12, 6)
    assert len(days) == 6 * 7
    assert not any(d.today for d in days)  # 2 December is outside November


def test_user_text_is_escaped_in_pages():
    frame = pages.Frame("t", "<i>单位</i>", "problems", (), "2026-11")
    row = pages.LedgerRow(
        number=1,
        description='<script>alert("x")</script>',
        site="玄帝庙街路西",
        category="市容秩序",
        quantity=1,
        status_label="待处理",
        status_class="open",
        found_on="2026-11-02",
        age_text="已 3 天",
        overdue=False,
        photos=0,
        href="problems/1",
    )
    html = pages.problems(
        frame,
        unit_name="市外侨办",
        rows=[row],
        total=1,
        chosen=pages.LedgerFilters(),
        sites=[],
        categories=[],
        months=[],
        more_href=None,
        less_href=None,
    )
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;i&gt;单位&lt;/i&gt;" in html


def test_overview_city_sorts_and_ranks():
    from dutybot.monthly import CityRow

    period = Period(date(2026, 11, 1), date(2026, 11, 30))
    rows = [
        (CityRow("甲单位", SiteFigures("甲", "甲", found=4, unresolved=1)), "u/1/"),
        (CityRow("乙单位", SiteFigures("乙", "乙", found=2, unresolved=5, unresolved_overdue=2,
                 found_by_category=(Count("环境卫生", 2),))), "u/2/"),
    ]  # fmt: skip
    frame = pages.Frame("全市", "全市", "overview", (), "2026-11")
    html = pages.overview_city(
        frame, period, rows, [], heading="全市 2026年11月", sort="unresolved", sort_href="?month=x"
    )
    assert html.index('data-row="乙单位"') < html.index('data-row="甲单位"')
    assert '<tr data-row="合计" class="total">' in html
    assert "<title>乙单位 未解决 5 处</title>" in html
