"""An indicator's values by year as an SVG line chart for the web pages, and a sparkline.

Server-rendered markup, no JavaScript: the chart is a string built here and marked safe,
every outside text escaped. It scales to the column (``viewBox``, ``.indicator-chart`` in
the stylesheet: the full width up to a limit), so a phone shows the same chart smaller with
its type still above 12 px (18 units drawn at 0.69 on a 390 px screen; the screen walk
measures it). It carries ``role="img"`` with a ``<title>`` and a ``<desc>`` that say in
words what it shows; the pages put the table of the same values beside it.
Figures are written as everywhere else (``strategy.formatting``). The PDFs draw their own
fixed-width charts (``reporting/charts.py``) with the same number format.

Reads ``indicator.yearly_values`` (``IndicatorQuerySet.with_yearly_values``): no query.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from lib.translation import localized
from strategy.formatting import indicator_number, indicator_value, unit_of
from strategy.models import Indicator

WIDTH, HEIGHT = 520, 260
LEFT, RIGHT, TOP, BOTTOM = 72, 28, 56, 34
FONT = 18
LINE_COLOUR = "#0a4f8f"  # the links' blue: 8.3:1 on white
TARGET_COLOUR = "#a4161a"  # 7.2:1 on white
BASELINE_COLOUR = "#4a5560"  # the muted text: 7.6:1 on white
GRID_COLOUR = "#d0d6dc"
TARGET_DASH = 'stroke-width="2" stroke-dasharray="8 5"'
BASELINE_DASH = 'stroke-width="1.5" stroke-dasharray="2 4"'
#: Above this many years on the axis, every other year is labelled.
MAX_YEAR_LABELS = 9


@dataclass(frozen=True)
class Point:
    year: int
    value: Decimal


def points_of(indicator: Indicator) -> list[Point]:
    """The indicator's values in year order, from the prefetched ``yearly_values``."""
    return [Point(value.year, value.value) for value in indicator.yearly_values]  # type: ignore[attr-defined]


def description(indicator: Indicator, points: Sequence[Point]) -> str:
    """The chart in words: every value, then the baseline and the target."""
    parts = []
    if points:
        values = ", ".join(f"{p.year}: {indicator_value(p.value, indicator)}" for p in points)
        parts.append(_("Values by year: %(values)s.") % {"values": values})
    else:
        parts.append(_("No values yet."))
    if indicator.baseline is not None:
        parts.append(
            _("Baseline %(value)s (%(year)s).")
            % {
                "value": indicator_value(indicator.baseline, indicator),
                "year": indicator.baseline_year,
            }
        )
    if indicator.target is not None:
        target = indicator_value(indicator.target, indicator)
        if indicator.target_year:
            parts.append(
                _("Target %(value)s by %(year)s.")
                % {"value": target, "year": indicator.target_year}
            )
        else:
            parts.append(_("Target %(value)s.") % {"value": target})
    return " ".join(parts)


def _nice_step(span: float) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) dividing ``span`` in about four."""
    rough = max(span / 4, 1e-9)
    power = 10 ** math.floor(math.log10(rough))
    for multiple in (1, 2, 2.5, 5, 10):
        if multiple * power >= rough:
            return float(multiple * power)
    return float(10 * power)


def value_axis(figures: Sequence[float]) -> tuple[float, float, float]:
    """The value axis as (low, high, step): round steps around the figures with some room,
    not below zero for figures that are not. A line need not start at zero, so a change of
    two points on a scale of seventy still shows."""
    if not figures:
        return 0.0, 1.0, 0.25
    smallest, largest = min(figures), max(figures)
    spread = (largest - smallest) or abs(largest) or 1.0
    low, high = smallest - spread * 0.3, largest + spread * 0.3
    if smallest >= 0:
        low = max(low, 0.0)
    step = _nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


def line_chart(indicator: Indicator, chart_id: str = "") -> SafeString:
    """The indicator's values as a line over the years, with the target as a dashed line
    and the baseline as a dotted one, both labelled, and each point labelled with its value.

    The vertical axis runs from zero (or the lowest figure, if negative) to a round number
    above the highest of the values, the baseline and the target, so the distance to the
    target shows at a glance; the years run from the baseline's (or the first value's) to
    the target's (or the last value's).
    """
    chart_id = chart_id or f"indicator-{indicator.pk}-chart"
    points = points_of(indicator)
    figures = [float(p.value) for p in points]
    for extra in (indicator.baseline, indicator.target):
        if extra is not None:
            figures.append(float(extra))
    low, high, step = value_axis(figures)
    years = [p.year for p in points]
    if indicator.baseline is not None and indicator.baseline_year:
        years.append(indicator.baseline_year)
    if indicator.target is not None and indicator.target_year:
        years.append(indicator.target_year)
    first, last = (min(years), max(years)) if years else (0, 0)
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM

    inset = 24  # the first and the last point keep clear of the axis and the edge

    def x_of(year: int) -> float:
        if last == first:
            return LEFT + plot_width / 2
        return LEFT + inset + (plot_width - 2 * inset) * (year - first) / (last - first)

    def y_of(value: float) -> float:
        return TOP + plot_height * (1 - (value - low) / (high - low))

    def number(value: float) -> str:
        # The axis shows round steps: the indicator's own decimals, or none if they are whole.
        decimals = 0 if float(value).is_integer() else indicator.precision
        return indicator_number(Decimal(repr(value)), decimals)

    # Plain text in the active language: an SVG <title> holds no markup.
    name = localized(indicator, "title").plain
    unit = unit_of(indicator)
    title = f"{name} ({unit})" if unit else name
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart" role="img" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMinYMin meet" '
        f'aria-labelledby="{escape(chart_id)}-title {escape(chart_id)}-desc" '
        f'font-size="{FONT}" fill="#1b1f24">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
        f'<desc id="{escape(chart_id)}-desc">{escape(description(indicator, points))}</desc>'
    ]
    # The value axis: a line at each round step, labelled.
    levels = [low + step * index for index in range(round((high - low) / step) + 1)]
    for level in levels:
        y = y_of(level)
        parts.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{GRID_COLOUR}"/>'
            f'<text class="axis-label" x="{LEFT - 6}" y="{y + 5:.1f}" text-anchor="end">'
            f"{escape(number(level))}</text>"
        )
    if unit:
        parts.append(
            f'<text class="axis-unit" x="{LEFT - 6}" y="{TOP - 14}" text-anchor="end">'
            f"{escape(unit)}</text>"
        )
    parts.extend(_legend(indicator))
    # The year axis.
    every = 1 if last - first < MAX_YEAR_LABELS else 2
    for year in range(first, last + 1, every) if years else ():
        parts.append(
            f'<text class="axis-label" x="{x_of(year):.1f}" y="{HEIGHT - 10}" '
            f'text-anchor="middle">{year}</text>'
        )
    if indicator.baseline is not None:
        y = y_of(float(indicator.baseline))
        parts.append(
            f'<line class="baseline" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{BASELINE_COLOUR}" {BASELINE_DASH}/>'
        )
    if indicator.target is not None:
        y = y_of(float(indicator.target))
        parts.append(
            f'<line class="target" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" '
            f'stroke="{TARGET_COLOUR}" {TARGET_DASH}/>'
        )
    if len(points) > 1:
        path = " ".join(f"{x_of(p.year):.1f},{y_of(float(p.value)):.1f}" for p in points)
        parts.append(
            f'<polyline class="values" points="{path}" fill="none" stroke="{LINE_COLOUR}" '
            f'stroke-width="2.5"/>'
        )
    for point in points:
        x, y = x_of(point.year), y_of(float(point.value))
        parts.append(
            f'<circle class="value" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{LINE_COLOUR}"/>'
            f'<text class="value-label" x="{x:.1f}" y="{y - 10:.1f}" text-anchor="middle">'
            f"{escape(indicator_number(point.value, indicator.precision))}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every outside text above is escaped)


def _legend(indicator: Indicator) -> list[str]:
    """The target's and the baseline's lines named above the plot, each with a sample of its
    dash, so they are told apart without colour and no label covers a point."""
    entries = []
    if indicator.target is not None:
        label = _("Target %(value)s") % {"value": indicator_value(indicator.target, indicator)}
        entries.append(("target", TARGET_COLOUR, TARGET_DASH, label))
    if indicator.baseline is not None:
        value = indicator_value(indicator.baseline, indicator)
        entries.append(
            ("baseline", BASELINE_COLOUR, BASELINE_DASH, _("Baseline %(value)s") % {"value": value})
        )
    parts, x = [], LEFT
    for name, colour, dash, label in entries:
        parts.append(
            f'<line x1="{x}" y1="13" x2="{x + 28}" y2="13" stroke="{colour}" {dash}/>'
            f'<text class="{name}-label" x="{x + 34}" y="18" fill="{colour}">{escape(label)}</text>'
        )
        x += 34 + int(len(label) * FONT * 0.6) + 24
    return parts


SPARK_WIDTH, SPARK_HEIGHT = 80, 24


def sparkline(indicator: Indicator) -> SafeString:
    """A small line of the values without axes, for a table cell beside the latest value;
    empty for fewer than two values. Its title says the values in words."""
    points = points_of(indicator)
    if len(points) < 2:
        return mark_safe("")
    values = [float(p.value) for p in points]
    low, high = min(values), max(values)
    spread = (high - low) or 1.0
    first, last = points[0].year, points[-1].year

    def x_of(year: int) -> float:
        return 2 + (SPARK_WIDTH - 4) * (year - first) / max(last - first, 1)

    def y_of(value: float) -> float:
        return SPARK_HEIGHT - 3 - (SPARK_HEIGHT - 6) * (value - low) / spread

    path = " ".join(f"{x_of(p.year):.1f},{y_of(float(p.value)):.1f}" for p in points)
    end_x, end_y = x_of(last), y_of(values[-1])
    title = description(indicator, points)
    return mark_safe(  # noqa: S308 (the title is escaped)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" '
        f'viewBox="0 0 {SPARK_WIDTH} {SPARK_HEIGHT}" width="{SPARK_WIDTH}" '
        f'height="{SPARK_HEIGHT}"><title>{escape(title)}</title>'
        f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" stroke-width="1.5"/>'
        f'<circle cx="{end_x:.1f}" cy="{end_y:.1f}" r="2.5" fill="{LINE_COLOUR}"/></svg>'
    )
