"""Small SVG charts for the PDFs: horizontal bars and a line against a target.

WeasyPrint draws inline SVG, so a chart is a string of markup built here in Python: no
JavaScript, no image files, and the numbers stay text (selectable and read out by screen
readers). Every chart carries ``role="img"`` with a ``<title>`` and a ``<desc>`` that say in
words what it shows, and labels its values with text, so it is readable without colour.
All text from outside is escaped; the result is marked safe for the templates.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

from django.utils import formats
from django.utils.safestring import SafeString, mark_safe

Number = int | float | Decimal

FONT = "DejaVu Sans, sans-serif"
BAR_COLOUR = "#1f5f8b"
LINE_COLOUR = "#1f5f8b"
TARGET_COLOUR = "#b3261e"
GRID_COLOUR = "#c8c8c8"
TEXT_COLOUR = "#222222"


def format_number(value: Number) -> str:
    """The number as the active language writes it, at most one decimal ("75", "12,5")."""
    rounded = round(float(value), 1)
    decimals = 0 if rounded == int(rounded) else 1
    return formats.number_format(rounded, decimals)


def _svg_open(
    chart_id: str,
    width: int,
    height: int,
    title: str,
    description: str,
    *,
    font_size: int = 10,
    css_class: str = "chart",
) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{css_class}" role="img" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-family="{FONT}" font-size="{font_size}" fill="{TEXT_COLOUR}">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>'
    )


def _shorten(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, Number]],
    *,
    width: int = 440,
    bar_height: int = 16,
    label_width: int = 150,
    fmt: Callable[[Number], str] = format_number,
    stacked: bool = False,
) -> SafeString:
    """Return a horizontal bar chart: one labelled bar per ``(label, value)``, value at its end.

    Bars are scaled to the largest value (a chart of zeros draws no bars, only the zeros).
    Long labels are shortened in the drawing; the full label stays in ``description``.

    ``stacked`` draws for a screen of any width: each label on its own line above its bar,
    in larger type, so the chart can shrink to a phone (``.chart--fluid`` in the stylesheet
    scales it to the column) with its labels still readable. The PDFs keep the side by
    side layout at their fixed width.
    """
    if stacked:
        return _stacked_bar_chart(chart_id, title, description, bars, fmt=fmt)
    gap = 6
    top = 4
    height = top + len(bars) * (bar_height + gap) + 4
    largest = max((float(value) for _label, value in bars), default=0.0)
    room = width - label_width - 40
    parts = [_svg_open(chart_id, width, height, title, description)]
    for index, (label, value) in enumerate(bars):
        y = top + index * (bar_height + gap)
        length = 0.0 if largest <= 0 else room * float(value) / largest
        middle = y + bar_height / 2 + 3.5
        parts.append(
            f'<text x="{label_width - 6}" y="{middle:.1f}" text-anchor="end">'
            f"{escape(_shorten(label, 28))}</text>"
        )
        if length > 0:
            parts.append(
                f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" '
                f'fill="{BAR_COLOUR}"/>'
            )
        parts.append(
            f'<text x="{label_width + length + 4:.1f}" y="{middle:.1f}">{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every outside text above is escaped)


# A stacked chart is drawn 400 units wide with 14-unit type: scaled down to a phone's
# 358-px column its labels are still 12.5 px; the stylesheet stops it growing past 28rem.
STACKED_WIDTH = 400
STACKED_FONT = 14


def _stacked_bar_chart(
    chart_id: str,
    title: str,
    description: str,
    bars: Sequence[tuple[str, Number]],
    *,
    fmt: Callable[[Number], str],
) -> SafeString:
    width, font, bar_height, gap, top = STACKED_WIDTH, STACKED_FONT, 14, 12, 2
    line = font + 3
    labels = [_wrap(label, 44, 3) for label, _value in bars]
    height = top + sum(len(lines) * line + 4 + bar_height + gap for lines in labels)
    largest = max((float(value) for _label, value in bars), default=0.0)
    room = width - 56  # the value is written after the longest bar
    parts = [
        _svg_open(
            chart_id,
            width,
            height,
            title,
            description,
            font_size=font,
            css_class="chart chart--fluid",
        )
    ]
    y = top
    for lines, (_label, value) in zip(labels, bars, strict=True):
        bar_top = y + len(lines) * line + 4
        length = 0.0 if largest <= 0 else room * float(value) / largest
        parts.append(
            "<text>"
            + "".join(
                f'<tspan x="0" y="{y + font + number * line}">{escape(text)}</tspan>'
                for number, text in enumerate(lines)
            )
            + "</text>"
        )
        if length > 0:
            parts.append(
                f'<rect x="0" y="{bar_top}" width="{length:.1f}" height="{bar_height}" '
                f'fill="{BAR_COLOUR}"/>'
            )
        parts.append(
            f'<text x="{length + 6:.1f}" y="{bar_top + bar_height - 2:.1f}">'
            f"{escape(fmt(value))}</text>"
        )
        y = bar_top + bar_height + gap
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every outside text above is escaped)


def _wrap(label: str, width: int, most: int) -> list[str]:
    """The label in lines of at most ``width`` characters, at most ``most`` of them."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > most:
        lines = [*lines[: most - 1], _shorten(" ".join(lines[most - 1 :]), width)]
    return lines


def line_chart(
    chart_id: str,
    title: str,
    description: str,
    points: Sequence[tuple[int, Number]],
    *,
    target: Number | None = None,
    target_label: str = "",
    width: int = 440,
    height: int = 180,
    fmt: Callable[[Number], str] = format_number,
) -> SafeString:
    """Return a line chart of values by year, with the target as a dashed horizontal line.

    The vertical axis runs from zero (or the smallest value, if negative) to a little above
    the largest of the values and the target, so the distance to the target shows at a
    glance. Each point is labelled with its value and each year on the axis.
    """
    left, right, top, bottom = 40, 16, 14, 24
    plot_width = width - left - right
    plot_height = height - top - bottom
    values = [float(value) for _year, value in points]
    if target is not None:
        values.append(float(target))
    low = min([0.0, *values])
    high = max([1.0, *values]) * 1.1 if values else 1.0
    if high <= low:
        high = low + 1.0
    years = [year for year, _value in points]
    first, last = (min(years), max(years)) if years else (0, 0)
    span = max(last - first, 1)

    def x_of(year: int) -> float:
        if len(years) == 1:
            return left + plot_width / 2
        return left + plot_width * (year - first) / span

    def y_of(value: float) -> float:
        return top + plot_height * (1 - (value - low) / (high - low))

    parts = [_svg_open(chart_id, width, height, title, description)]
    base = y_of(max(low, 0.0))
    parts.append(
        f'<line x1="{left}" y1="{base:.1f}" x2="{width - right}" y2="{base:.1f}" '
        f'stroke="{GRID_COLOUR}"/>'
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{top + plot_height}" '
        f'stroke="{GRID_COLOUR}"/>'
        f'<text x="{left - 4}" y="{top + 4}" text-anchor="end">{escape(fmt(high))}</text>'
        f'<text x="{left - 4}" y="{base + 3:.1f}" text-anchor="end">{escape(fmt(low))}</text>'
    )
    if target is not None:
        target_y = y_of(float(target))
        caption = f"{target_label} {fmt(target)}".strip()
        parts.append(
            f'<line class="target" x1="{left}" y1="{target_y:.1f}" x2="{width - right}" '
            f'y2="{target_y:.1f}" stroke="{TARGET_COLOUR}" stroke-dasharray="5 3"/>'
            f'<text x="{width - right}" y="{target_y - 4:.1f}" text-anchor="end" '
            f'fill="{TARGET_COLOUR}">{escape(caption)}</text>'
        )
    if len(points) > 1:
        path = " ".join(f"{x_of(year):.1f},{y_of(float(value)):.1f}" for year, value in points)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="2"/>'
        )
    for year, value in points:
        x, y = x_of(year), y_of(float(value))
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{LINE_COLOUR}"/>'
            f'<text x="{x:.1f}" y="{y - 6:.1f}" text-anchor="middle">{escape(fmt(value))}</text>'
            f'<text x="{x:.1f}" y="{height - 8}" text-anchor="middle">{year}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every outside text above is escaped)
