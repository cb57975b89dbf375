"""The SVG charts the PDFs draw: accessible, labelled with text, and safe from markup."""

from django.utils import translation

from reporting.charts import bar_chart, format_number, line_chart


def test_bar_chart_is_an_image_with_a_title_a_description_and_text_labels():
    svg = bar_chart(
        "tila",
        "Toimenpiteet tiloittain",
        "Käynnissä: 3, Toteutettu: 1",
        [
            ("Käynnissä", 3),
            ("Toteutettu", 1),
        ],
    )

    assert svg.startswith("<svg")
    assert 'role="img"' in svg
    assert 'aria-labelledby="tila-title tila-desc"' in svg
    assert '<title id="tila-title">Toimenpiteet tiloittain</title>' in svg
    assert '<desc id="tila-desc">Käynnissä: 3, Toteutettu: 1</desc>' in svg
    assert ">Käynnissä</text>" in svg
    assert ">3</text>" in svg
    assert svg.count("<rect") == 2


def test_bar_chart_scales_bars_to_the_largest_value_and_draws_none_for_zero():
    svg = bar_chart("x", "t", "d", [("a", 4), ("b", 2), ("c", 0)], width=440, label_width=150)

    assert 'width="250.0"' in svg  # the largest bar fills the room: 440 - 150 - 40
    assert 'width="125.0"' in svg
    assert svg.count("<rect") == 2


def test_chart_text_is_escaped():
    svg = bar_chart("x", "<b>otsikko</b>", "a & b", [("<script>", 1)])

    assert "<script>" not in svg
    assert "&lt;b&gt;otsikko&lt;/b&gt;" in svg
    assert "a &amp; b" in svg


def test_line_chart_draws_the_values_by_year_and_the_target_as_a_dashed_line():
    with translation.override("fi"):
        svg = line_chart(
            "mittari",
            "Työllisyysaste",
            "2019: 68, 2021: 70,2",
            [(2019, 68), (2020, 67.5), (2021, 70.2)],
            target=75,
            target_label="Tavoite",
        )

    assert "<polyline" in svg
    assert svg.count("<circle") == 3
    assert 'class="target"' in svg
    assert "stroke-dasharray" in svg
    assert ">Tavoite 75</text>" in svg
    assert ">2019</text>" in svg
    assert ">67,5</text>" in svg


def test_line_chart_of_one_value_has_a_point_and_no_line():
    svg = line_chart("m", "t", "d", [(2021, 5)])

    assert "<polyline" not in svg
    assert svg.count("<circle") == 1


def test_line_chart_without_values_or_target_is_still_valid_svg():
    svg = line_chart("m", "t", "d", [])

    assert svg.startswith("<svg")
    assert svg.endswith("</svg>")
    assert "<circle" not in svg


def test_numbers_are_written_the_finnish_way():
    with translation.override("fi"):
        assert format_number(12.5) == "12,5"
        assert format_number(75) == "75"
        assert format_number(70.04) == "70"
