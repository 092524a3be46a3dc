"""Charts as inline SVG, drawn on the server: no script, no library, no web font. The text is
the page's own (the browser's Chinese fonts); every bar carries a ``<title>`` with its
number, and every chart a ``<title>`` saying what it shows, for screen readers.

Each chart is drawn in a 360-unit-wide view box, about the width of a phone, so that on a
phone the text is shown at its own size and on a desktop it grows with the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH = 360
FONT = 13
SMALL = 12
AXIS = "#8a94a3"
GRID = "#e3e7ed"
INK = "#1d2733"
MUTED = "#5b6675"

FOUND = "#1f4e79"  # 发现
RESOLVED = "#3a8c6e"  # 已解决
OPEN = "#c0841a"  # 未解决
OVERDUE = "#b3412e"  # 超期
RATE = "#1f4e79"


@dataclass(frozen=True)
class Series:
    name: str
    colour: str
    values: Sequence[int]


def nice_top(value: float) -> tuple[int, int]:
    """A round axis maximum at or above ``value`` and its tick step (about four ticks)."""
    if value <= 0:
        return 4, 1
    raw = value / 4
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        step = max(1, int(magnitude * factor))
        if step * 4 >= value:
            return step * 4, step
    return int(magnitude * 40), int(magnitude * 10)


def text_width(text: str, size: float) -> float:
    """About how wide ``text`` is drawn at ``size`` (a CJK character is square, a digit or a
    Latin letter about 0.6 of it)."""
    return sum(size if ord(char) > 0x2E7F else size * 0.6 for char in text)


def _fitting_size(labels: Sequence[str], room: float, size: int = SMALL, least: int = 9) -> int:
    """The largest font size (down to ``least``) at which every label fits in ``room``."""
    while size > least and any(text_width(label, size) > room for label in labels):
        size -= 1
    return size


def _clip(text: str, room: float, size: float = FONT) -> str:
    """Text cut to fit ``room`` units wide, with "…" in place of the rest."""
    if text_width(text, size) <= room:
        return text
    for end in range(len(text) - 1, 0, -1):
        if text_width(text[:end], size) + size <= room:
            return text[:end] + "…"
    return text[:1] + "…"


def _svg(height: float, title: str, body: list[str]) -> Markup:
    label = escape(title)
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-label="{label}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{label}</title>{''.join(body)}</svg>"
    )


def _legend(series: Sequence[Series], y: float = 14) -> list[str]:
    parts, x = [], 0.0
    for item in series:
        parts.append(
            f'<rect x="{x:.1f}" y="{y - 9}" width="10" height="10" rx="2" fill="{item.colour}"/>'
            f'<text x="{x + 14:.1f}" y="{y}" font-size="{FONT}" fill="{MUTED}">'
            f"{escape(item.name)}</text>"
        )
        x += 14 + len(item.name) * FONT + 16
    return parts


def _empty(title: str, height: float = 120) -> Markup:
    return _svg(
        height,
        title,
        [
            f'<rect x="0.5" y="0.5" width="{WIDTH - 1}" height="{height - 1}" rx="6" '
            f'fill="#f6f8fa" stroke="{GRID}"/>',
            f'<text x="{WIDTH / 2}" y="{height / 2 + 4}" text-anchor="middle" '
            f'font-size="{FONT}" fill="{MUTED}">没有数据</text>',
        ],
    )


def column_chart(
    labels: Sequence[str], series: Sequence[Series], title: str, *, unit: str = "处"
) -> Markup:
    """Grouped vertical bars, one group per label (sites, months); the values are written on
    the bars while there is room."""
    if not labels or not any(any(s.values) for s in series):
        return _empty(title)
    peak, step = nice_top(max(max(s.values, default=0) for s in series))
    height, top, bottom, right = 230.0, 30.0, 34.0, 6.0
    left = max(28.0, text_width(str(peak), SMALL) + 10)
    plot_h = height - top - bottom
    plot_w = WIDTH - left - right
    body = _legend(series)
    for tick in range(0, peak + 1, step):
        y = top + plot_h - plot_h * tick / peak
        body.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="{SMALL}" '
            f'fill="{AXIS}">{tick}</text>'
        )
    group = plot_w / len(labels)
    bar = min(28.0, group * 0.8 / len(series))
    values_shown = bar >= 13
    label_size = _fitting_size(labels, group - 2)
    for index, label in enumerate(labels):
        x0 = left + group * index + (group - bar * len(series)) / 2
        for number, item in enumerate(series):
            value = item.values[index]
            h = plot_h * value / peak
            x = x0 + bar * number
            y = top + plot_h - h
            body.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar - 1:.1f}" height="{h:.1f}" '
                f'fill="{item.colour}"><title>{escape(label)} {escape(item.name)} '
                f"{value} {escape(unit)}</title></rect>"
            )
            if values_shown and value:
                body.append(
                    f'<text x="{x + (bar - 1) / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle" '
                    f'font-size="{SMALL}" fill="{INK}">{value}</text>'
                )
        centre = left + group * index + group / 2
        shown = _clip(label, group - 2, label_size)
        body.append(
            f'<text x="{centre:.1f}" y="{height - bottom + 16}" text-anchor="middle" '
            f'font-size="{label_size}" fill="{MUTED}">{escape(shown)}</text>'
        )
    body.append(
        f'<line x1="{left}" x2="{WIDTH - right}" y1="{top + plot_h}" y2="{top + plot_h}" '
        f'stroke="{AXIS}"/>'
    )
    return _svg(height, title, body)


def bar_chart(
    labels: Sequence[str], series: Sequence[Series], title: str, *, unit: str = "处"
) -> Markup:
    """Grouped horizontal bars, one row per label (categories, units): long Chinese names
    stay readable on a phone. Every value is written at the end of its bar."""
    if not labels or not any(any(s.values) for s in series):
        return _empty(title)
    peak = max(max(s.values, default=0) for s in series) or 1
    top, bar_h = 28.0, 10.0
    # Room for the longest name (up to about 40% of the width) and the largest number.
    label_w = min(max(text_width(label, FONT) for label in labels) + 10, WIDTH * 0.4)
    label_w = max(label_w, 56.0)
    value_room = text_width(str(peak), SMALL) + 8
    row_h = bar_h * len(series) + 12
    height = top + row_h * len(labels) + 4
    plot_w = WIDTH - label_w - value_room
    body = _legend(series)
    for index, label in enumerate(labels):
        y0 = top + row_h * index
        shown = _clip(label, label_w - 10)
        middle = y0 + (bar_h * len(series)) / 2 + 4
        body.append(
            f'<text x="{label_w - 8}" y="{middle:.1f}" text-anchor="end" font-size="{FONT}" '
            f'fill="{INK}"><title>{escape(label)}</title>{escape(shown)}</text>'
        )
        for number, item in enumerate(series):
            value = item.values[index]
            w = plot_w * value / peak
            y = y0 + bar_h * number
            body.append(
                f'<rect x="{label_w}" y="{y:.1f}" width="{max(w, 0.0):.1f}" '
                f'height="{bar_h - 1}" fill="{item.colour}"><title>{escape(label)} '
                f"{escape(item.name)} {value} {escape(unit)}</title></rect>"
                f'<text x="{label_w + w + 4:.1f}" y="{y + bar_h - 1.5:.1f}" '
                f'font-size="{SMALL}" fill="{INK}">{value}</text>'
            )
    body.append(
        f'<line x1="{label_w}" x2="{label_w}" y1="{top - 4}" y2="{height - 4}" stroke="{AXIS}"/>'
    )
    return _svg(height, title, body)


def line_chart(labels: Sequence[str], values: Sequence[float | None], title: str) -> Markup:
    """A percentage over time (0–100%); a month with nothing to measure has no point."""
    if not labels or all(v is None for v in values):
        return _empty(title, 100)
    height, top, bottom, left, right = 150.0, 18.0, 26.0, 40.0, 10.0
    plot_h = height - top - bottom
    plot_w = WIDTH - left - right
    body = []
    for tick in (0, 50, 100):
        y = top + plot_h - plot_h * tick / 100
        body.append(
            f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end" font-size="{SMALL}" '
            f'fill="{AXIS}">{tick}%</text>'
        )
    step = plot_w / len(labels)
    label_size = _fitting_size(labels, step - 2)
    points = []
    for index, (label, value) in enumerate(zip(labels, values, strict=True)):
        x = left + step * index + step / 2
        body.append(
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle" font-size="{label_size}" '
            f'fill="{MUTED}">{escape(_clip(label, step - 2, label_size))}</text>'
        )
        if value is None:
            continue
        y = top + plot_h - plot_h * min(max(value, 0), 100) / 100
        points.append(f"{x:.1f},{y:.1f}")
        body.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{RATE}"><title>{escape(label)} '
            f"{value:.0f}%</title></circle>"
        )
        if step >= 22:
            body.append(
                f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle" font-size="10" '
                f'fill="{INK}">{value:.0f}</text>'
            )
    if len(points) > 1:
        body.insert(
            0,
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{RATE}" '
            'stroke-width="2" stroke-linejoin="round"/>',
        )
    return _svg(height, title, body)
