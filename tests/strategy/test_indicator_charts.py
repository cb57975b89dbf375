"""One number format for indicators, and the SVG chart of an indicator's values.

The figures are written with the indicator's own precision and a Finnish decimal comma
wherever they appear; the chart is drawn on the server, scales to its column, carries its
meaning in words (``role="img"``, ``<title>``, ``<desc>``) and sits beside a table of the
same values on the focus-area page.
"""

import re
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.translation import override
from pytest_django.asserts import assertContains

from strategy import charts
from strategy.formatting import indicator_number, indicator_value
from strategy.models import Indicator, IndicatorValue
from tests.factories import IndicatorFactory, IndicatorValueFactory

NBSP = "\u00a0"


def unsaved_indicator(**fields):
    """An indicator with its values as the prefetch would give them: no database."""
    values = fields.pop("values", [])
    indicator = Indicator(title="Työllisyysaste", unit="%", **fields)
    indicator.pk = 7
    indicator.yearly_values = [
        IndicatorValue(year=year, value=Decimal(value)) for year, value in values
    ]
    return indicator


@pytest.mark.parametrize(
    ("value", "unit", "decimals", "expected"),
    [
        (Decimal("70.10"), "%", None, f"70,1{NBSP}%"),  # a percentage: one decimal
        (Decimal("72"), "%", None, f"72,0{NBSP}%"),  # beside it, the same precision
        (Decimal("70.15"), "%", None, f"70,2{NBSP}%"),  # rounded half up, not cut
        (Decimal("1250"), "henkilöä", None, f"1{NBSP}250{NBSP}henkilöä"),
        (Decimal("12.5"), "", 2, "12,50"),  # the indicator's own decimals win
        (Decimal("-0.04"), "%", None, f"0,0{NBSP}%"),  # no "-0,0"
    ],
)
def test_a_figure_is_written_with_the_indicators_precision_in_finnish(
    value, unit, decimals, expected
):
    indicator = Indicator(unit=unit, decimals=decimals)

    with override("fi"):
        assert indicator_value(value, indicator) == expected


def test_the_template_filter_formats_a_value_and_leaves_none_empty():
    indicator = Indicator(unit="%")
    template = Template(
        "{% load indicators %}[{{ a|indicator_value:i }}][{{ b|indicator_value:i }}]"
    )

    with override("fi"):
        rendered = template.render(Context({"a": Decimal("70.10"), "b": None, "i": indicator}))

    assert rendered == f"[70,1{NBSP}%][]"


def test_the_unit_is_escaped_by_the_template():
    indicator = Indicator(unit="<b>%</b>", decimals=0)
    template = Template("{% load indicators %}{{ a|indicator_value:i }}")

    assert "<b>" not in template.render(Context({"a": 1, "i": indicator}))


def test_the_chart_draws_the_values_the_target_and_the_baseline_and_says_them_in_words():
    indicator = unsaved_indicator(
        baseline=Decimal("68"),
        baseline_year=2020,
        target=Decimal("75"),
        target_year=2027,
        values=[(2021, "70.1"), (2022, "72"), (2023, "71.5")],
    )

    with override("fi"):
        svg = str(charts.line_chart(indicator))

    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart"')
    assert 'role="img"' in svg
    assert 'viewBox="0 0 520 260"' in svg
    assert "width=" not in svg.split(">")[0]  # the stylesheet sizes it to the column
    assert '<title id="indicator-7-chart-title">Työllisyysaste (%)</title>' in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    assert f"2021: 70,1{NBSP}%" in desc
    assert f"2023: 71,5{NBSP}%" in desc
    assert f"75,0{NBSP}%" in desc
    assert "2027" in desc
    assert svg.count('<line class="target"') == 1
    assert svg.count('<line class="baseline"') == 1
    assert svg.count('<circle class="value"') == 3
    assert '<polyline class="values"' in svg
    # The years on the axis run from the baseline's to the target's.
    for year in (2020, 2024, 2027):
        assert f">{year}</text>" in svg
    # The target line is higher up the chart than every point (the target is above them).
    target_y = float(re.search(r'class="target" x1="\d+" y1="([\d.]+)"', svg).group(1))
    point_ys = [float(y) for y in re.findall(r'class="value" cx="[\d.]+" cy="([\d.]+)"', svg)]
    assert all(target_y < y for y in point_ys)


def test_the_chart_escapes_the_title():
    indicator = unsaved_indicator(values=[(2021, "1")])
    indicator.title = '<script>alert("x")</script>'

    svg = str(charts.line_chart(indicator))

    assert "<script>" not in svg


def test_a_sparkline_needs_two_values():
    assert str(charts.sparkline(unsaved_indicator(values=[(2021, "1")]))) == ""
    assert "<polyline" in str(
        charts.sparkline(unsaved_indicator(values=[(2021, "1"), (2022, "2")]))
    )


@pytest.mark.django_db
def test_the_focus_area_page_shows_each_indicators_chart_beside_its_table(client, focus_area):
    indicator = IndicatorFactory(
        strategy=focus_area.strategy, title="Työllisyysaste", unit="%", target=75, target_year=2027
    )
    indicator.focus_areas.add(focus_area)
    IndicatorValueFactory(indicator=indicator, year=2021, value="70.1")
    IndicatorValueFactory(indicator=indicator, year=2022, value="72")

    response = client.get(focus_area.get_absolute_url())

    assertContains(
        response, '<svg xmlns="http://www.w3.org/2000/svg" class="indicator-chart"', count=1
    )
    assertContains(response, '<line class="target"', count=1)
    assertContains(response, '<circle class="value"', count=2)
    assertContains(response, f'<td class="numeric">70,1{NBSP}%</td>', html=True)
    assertContains(response, f'<td class="numeric">72,0{NBSP}%</td>', html=True)


def test_indicator_number_groups_thousands():
    with override("fi"):
        assert indicator_number(Decimal("1234567.891"), 2) == f"1{NBSP}234{NBSP}567,89"
