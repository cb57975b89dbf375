"""The indicator grid of the editor: indicators as rows, years as columns, a value a cell.

The whole grid as one form saves its valid cells and gives the invalid ones back with what
was typed and the error beside them; a cell changed by someone else meanwhile is refused
with its current value; an emptied cell deletes the value with a history record; htmx
opens and saves one cell in place. Messages are built with gettext under Finnish, as the
catalogue is compiled only after the new strings are merged.
"""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.translation import gettext, override
from pytest_django.asserts import assertContains, assertNotContains

from portal import closed_years
from strategy.models import IndicatorValue
from tests.factories import ClosedYearFactory, IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def employment(strategy):
    """A percentage with one decimal, a target and two yearly values."""
    indicator = IndicatorFactory(
        strategy=strategy,
        title="Työllisyysaste",
        unit="%",
        decimals=1,
        target=Decimal("75"),
        target_year=2027,
        position=1,
    )
    IndicatorValueFactory(
        indicator=indicator, year=2021, value=Decimal("70.10"), source="Tilastokeskus"
    )
    IndicatorValueFactory(indicator=indicator, year=2022, value=Decimal("72"))
    return indicator


@pytest.fixture
def dropouts(strategy):
    return IndicatorFactory(
        strategy=strategy, title="Keskeyttäneet", unit="", decimals=0, position=2
    )


def grid_url(region, name="indicator_grid", **kwargs):
    return reverse(f"editor:{name}", kwargs={"region": region.slug, **kwargs})


def cell_url(region, indicator, year):
    return grid_url(region, "indicator_cell", indicator=indicator.pk, year=year)


def _sent(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return str(value)


def grid_data(response, **typed):
    """What the grid's form page sends unchanged (values, hidden initials, versions), with
    ``typed`` cells changed: ``typed`` keys are input names, e.g. ``solu-3-2021-value``."""
    data = {}
    for cell in response.context["grid"].cells():
        form = cell.form
        for name, field in form.fields.items():
            data[form.add_prefix(name)] = _sent(form[name].value())
            if field.show_hidden_initial:
                data[form.add_initial_prefix(name)] = _sent(form[name].initial)
    data.update(typed)
    return data


def cell_data(form_response, **typed):
    """What a cell's small form (htmx) sends, with ``typed`` fields (value, source, note)."""
    form = form_response.context["cell"].form
    data = {}
    for name, field in form.fields.items():
        data[form.add_prefix(name)] = _sent(form[name].value())
        if field.show_hidden_initial:
            data[form.add_initial_prefix(name)] = _sent(form[name].initial)
    for name, value in typed.items():
        data[form.add_prefix(name)] = value
    return data


def test_the_grid_shows_every_indicator_by_year_in_one_number_format(
    coordinator_client, region, employment, dropouts
):
    response = coordinator_client.get(grid_url(region))

    grid = response.context["grid"]
    # The strategy runs 2021-2027: its columns start a year earlier, for the baseline.
    assert list(grid.years) == list(range(2020, 2028))
    assert [row.indicator for row in grid.rows] == [employment, dropouts]
    assertContains(response, "70,1\u00a0%")
    assertContains(response, "72,0\u00a0%")
    assertContains(response, "Tilastokeskus")
    assertNotContains(response, "70,10")
    assertContains(response, f'href="{grid_url(region, "indicator_grid_form")}"')


def test_the_editor_home_links_to_the_grid(coordinator_client, region, employment):
    response = coordinator_client.get(reverse("editor:home", kwargs={"region": region.slug}))

    assertContains(response, f'href="{grid_url(region)}"')


def test_the_grid_query_count_does_not_grow_with_indicators(
    coordinator_client, region, strategy, employment, django_assert_num_queries
):
    # user (the session is cached), region, roles, strategy, indicators, their values,
    # the region's closed years (the reopened values are read only when a year is closed)
    expected = 7
    with django_assert_num_queries(expected):
        assert coordinator_client.get(grid_url(region)).status_code == 200
    for number in range(6):
        indicator = IndicatorFactory(strategy=strategy, unit="%", decimals=1)
        for year in (2021, 2022, 2023):
            IndicatorValueFactory(indicator=indicator, year=year, value=number + year % 10)
    with django_assert_num_queries(expected):
        assert coordinator_client.get(grid_url(region)).status_code == 200
    with django_assert_num_queries(expected):
        assert coordinator_client.get(grid_url(region, "indicator_grid_form")).status_code == 200
    # A closed year with a reopened value adds one query, whatever the cells.
    ClosedYearFactory(region=region, year=2021)
    closed_years.reopen(IndicatorValue.objects.filter(year=2021).first(), None, "Korjaus")
    with django_assert_num_queries(expected + 1):
        assert coordinator_client.get(grid_url(region)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "expected"),
    [("editor", 403), ("coordinator_of_other_region", 404), ("national_team", 403)],
)
def test_only_the_regions_coordinator_reaches_the_grid(
    request, client, region, employment, persona, expected
):
    client.force_login(request.getfixturevalue(persona))

    for url in (
        grid_url(region),
        grid_url(region, "indicator_grid_form"),
        cell_url(region, employment, 2023),
    ):
        assert client.get(url).status_code == expected
        assert client.post(url, {}).status_code == expected
    assert IndicatorValue.objects.filter(indicator=employment).count() == 2


def test_the_form_saves_valid_cells_and_keeps_the_invalid_ones_typed(
    coordinator_client, region, employment, dropouts
):
    page = coordinator_client.get(grid_url(region, "indicator_grid_form"))
    data = grid_data(
        page,
        **{
            f"solu-{employment.pk}-2023-value": "73,4",
            f"solu-{employment.pk}-2023-source": "Tilastokeskus",
            f"solu-{employment.pk}-2024-value": "seitsemänkymmentä",
            f"solu-{dropouts.pk}-2023-value": "1 250",
            f"solu-{dropouts.pk}-2024-value": "12345678901234",
        },
    )

    response = coordinator_client.post(grid_url(region, "indicator_grid_form"), data)

    assert response.status_code == 200
    saved = {
        (value.indicator_id, value.year): value
        for value in IndicatorValue.objects.filter(indicator__in=[employment, dropouts])
    }
    assert saved[employment.pk, 2023].value == Decimal("73.4")
    assert saved[employment.pk, 2023].source == "Tilastokeskus"
    assert saved[dropouts.pk, 2023].value == Decimal("1250")
    assert (employment.pk, 2024) not in saved
    assert (dropouts.pk, 2024) not in saved
    assert saved[employment.pk, 2021].value == Decimal("70.10")  # untouched
    cells = {cell.prefix: cell for cell in response.context["grid"].cells()}
    bad = cells[f"solu-{employment.pk}-2024"].form
    with override("fi"):
        assert bad.errors["value"] == [gettext("The value is not a number.")]
        assert cells[f"solu-{dropouts.pk}-2024"].form.errors["value"] == [
            gettext("The value is too large.")
        ]
    assertContains(response, 'value="seitsemänkymmentä"')
    assertContains(response, 'value="12345678901234"')
    # The saved cells come back as they are now, ready for the next change.
    assert not cells[f"solu-{employment.pk}-2023"].form.is_bound


def test_an_unchanged_grid_saves_nothing(coordinator_client, region, employment):
    page = coordinator_client.get(grid_url(region, "indicator_grid_form"))
    history_before = IndicatorValue.history.count()

    response = coordinator_client.post(grid_url(region, "indicator_grid_form"), grid_data(page))

    assert response.status_code == 302
    assert IndicatorValue.history.count() == history_before


def test_a_cell_changed_meanwhile_is_refused_with_its_current_value(
    coordinator_client, region, employment
):
    page = coordinator_client.get(grid_url(region, "indicator_grid_form"))
    other = Client()
    other.force_login(page.wsgi_request.user)
    other_page = other.get(grid_url(region, "indicator_grid_form"))
    other.post(
        grid_url(region, "indicator_grid_form"),
        grid_data(other_page, **{f"solu-{employment.pk}-2022-value": "74"}),
    )

    response = coordinator_client.post(
        grid_url(region, "indicator_grid_form"),
        grid_data(
            page,
            **{
                f"solu-{employment.pk}-2022-value": "71,5",
                f"solu-{employment.pk}-2023-value": "73",
            },
        ),
    )

    value = IndicatorValue.objects.get(indicator=employment, year=2022)
    assert value.value == Decimal("74")  # the other's save stands
    assert IndicatorValue.objects.get(indicator=employment, year=2023).value == 73
    cells = {cell.prefix: cell for cell in response.context["grid"].cells()}
    refused = cells[f"solu-{employment.pk}-2022"].form
    (error,) = refused.non_field_errors()
    assert "74,0\u00a0%" in error
    assertContains(response, 'value="71,5"')

    # Saving again from the refusal replaces the current value, knowingly.
    again = coordinator_client.post(grid_url(region, "indicator_grid_form"), grid_data(response))

    assert again.status_code == 302
    value.refresh_from_db()
    assert value.value == Decimal("71.5")


def test_emptying_a_cell_deletes_the_value_with_history(coordinator_client, region, employment):
    page = coordinator_client.get(grid_url(region, "indicator_grid_form"))

    response = coordinator_client.post(
        grid_url(region, "indicator_grid_form"),
        grid_data(page, **{f"solu-{employment.pk}-2021-value": ""}),
    )

    assert response.status_code == 302
    assert not IndicatorValue.objects.filter(indicator=employment, year=2021).exists()
    last = IndicatorValue.history.filter(indicator_id=employment.pk, year=2021).first()
    assert last.history_type == "-"
    assert last.history_user == page.wsgi_request.user


def test_a_source_without_a_value_is_refused(coordinator_client, region, employment):
    page = coordinator_client.get(grid_url(region, "indicator_grid_form"))

    response = coordinator_client.post(
        grid_url(region, "indicator_grid_form"),
        grid_data(page, **{f"solu-{employment.pk}-2025-source": "Tilastokeskus"}),
    )

    form = {c.prefix: c for c in response.context["grid"].cells()}[
        f"solu-{employment.pk}-2025"
    ].form
    assert "value" in form.errors
    assert not IndicatorValue.objects.filter(indicator=employment, year=2025).exists()


def test_htmx_opens_a_cell_and_its_save_replaces_it(coordinator_client, region, employment):
    url = cell_url(region, employment, 2023)
    opened = coordinator_client.get(url, **HTMX)

    assert opened.status_code == 200
    assertContains(opened, f'hx-post="{url}"')
    assertContains(opened, "autofocus")

    saved = coordinator_client.post(
        url, cell_data(opened, value="73,45", note="Ennakkotieto"), **HTMX
    )

    assert saved.status_code == 200
    assertContains(saved, f'id="solu-{employment.pk}-2023"')
    assertContains(saved, "73,5\u00a0%")  # shown with the indicator's one decimal
    value = IndicatorValue.objects.get(indicator=employment, year=2023)
    assert (value.value, value.note) == (Decimal("73.45"), "Ennakkotieto")
    # Opened again, the cell shows every stored decimal, so a save does not round it.
    reopened = coordinator_client.get(url, **HTMX)
    assertContains(reopened, 'value="73,45"')


def test_htmx_cell_refuses_a_bad_value_in_place(coordinator_client, region, employment):
    url = cell_url(region, employment, 2022)
    opened = coordinator_client.get(url, **HTMX)

    response = coordinator_client.post(url, cell_data(opened, value="7x"), **HTMX)

    assert response.status_code == 200
    assert response.context["cell"].form.errors["value"]
    assertContains(response, 'value="7x"')
    assert IndicatorValue.objects.get(indicator=employment, year=2022).value == 72


def test_a_year_outside_the_strategy_is_refused(coordinator_client, region, employment):
    url = cell_url(region, employment, 2035)
    opened = coordinator_client.get(url, **HTMX)

    response = coordinator_client.post(url, cell_data(opened, value="80"), **HTMX)

    (error,) = response.context["cell"].form.non_field_errors()
    assert "2035" in error
    assert "2020" in error
    assert not IndicatorValue.objects.filter(indicator=employment, year=2035).exists()


def test_without_javascript_a_cell_link_leads_to_the_grid_form(
    coordinator_client, region, employment
):
    response = coordinator_client.get(cell_url(region, employment, 2023))

    assert response.status_code == 302
    assert response.url == f"{grid_url(region, 'indicator_grid_form')}#solu-{employment.pk}-2023"
