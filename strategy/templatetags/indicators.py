"""Indicators' figures and charts in templates: ``{% load indicators %}``.

``{{ value|indicator_value:indicator }}`` writes a value, a baseline or a target as every page
and PDF does ("70,1 %", see ``strategy.formatting``); ``{% indicator_chart indicator %}`` and
``{% indicator_sparkline indicator %}`` draw ``strategy.charts``' SVG from the prefetched
values, without a query.
"""

from __future__ import annotations

from decimal import Decimal

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from lib.translation import localized
from strategy import charts, formatting
from strategy.models import Indicator

register = template.Library()


@register.filter
def indicator_value(value: Decimal | int | float | None, indicator: formatting.HasPrecision) -> str:
    """The figure with the indicator's decimals and unit; "" for None. A Finnish unit on a
    Swedish or English page (no translation written) is marked ``lang="fi"``."""
    if value is not None and "unit" in getattr(indicator, "translated_fields", ()):
        unit = localized(indicator, "unit")  # type: ignore[arg-type]
        if unit.fallback and unit.plain.strip():
            number = formatting.indicator_number(value, indicator.precision)
            return format_html(
                '{}\u00a0<span lang="{}">{}</span>', number, unit.lang, unit.plain.strip()
            )
    return formatting.indicator_value(value, indicator)


@register.simple_tag
def indicator_chart(indicator: Indicator) -> SafeString:
    return charts.line_chart(indicator)


@register.simple_tag
def indicator_sparkline(indicator: Indicator) -> SafeString:
    return charts.sparkline(indicator)
