"""Reference data a fresh deployment has: ``migrate`` alone writes it, ``load_demo`` adds
only the demo's content on top, and the portal's root page is usable on it.

The tests here add no rows first: pytest-django's test database holds exactly what the
migrations wrote, as a production database does after ``manage.py migrate``.
"""

from io import StringIO

import pytest
from django.core import serializers
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from actions.models import GuidanceChannel, TargetGroup
from network.models import Province, Region
from reporting.models import Level, ReportingYear, SubTheme, Theme
from strategy.models import KeyMeasure, NationalGoal, NationalStrategy

pytestmark = pytest.mark.django_db

REFERENCE_MODELS = (
    Region,
    Province,
    NationalStrategy,
    NationalGoal,
    KeyMeasure,
    TargetGroup,
    GuidanceChannel,
)

OFFICIAL_ORDER = [
    ("Uusimaa", "uusimaa"),
    ("Varsinais-Suomi", "varsinais-suomi"),
    ("Satakunta", "satakunta"),
    ("Häme", "hame"),
    ("Pirkanmaa", "pirkanmaa"),
    ("Kaakkois-Suomi", "kaakkois-suomi"),
    ("Etelä-Savo", "etela-savo"),
    ("Pohjois-Savo", "pohjois-savo"),
    ("Pohjois-Karjala", "pohjois-karjala"),
    ("Keski-Suomi", "keski-suomi"),
    ("Etelä-Pohjanmaa", "etela-pohjanmaa"),
    ("Pohjanmaa", "pohjanmaa"),
    ("Pohjois-Pohjanmaa", "pohjois-pohjanmaa"),
    ("Kainuu", "kainuu"),
    ("Lappi", "lappi"),
]


def reference_rows() -> dict[str, list[dict]]:
    """Every reference row with all its fields, by model."""
    return {
        model._meta.label: serializers.serialize("python", model._default_manager.order_by("pk"))
        for model in REFERENCE_MODELS
    }


def test_the_migrations_write_the_fifteen_regions_in_the_official_order():
    assert list(Region.objects.values_list("name", "slug")) == OFFICIAL_ORDER
    assert list(Region.objects.values_list("position", flat=True)) == list(range(1, 16))
    assert Region.objects.get(slug="lappi").ely_centre == "Lapin ELY-keskus"
    kaselo = Region.objects.get(slug="kaakkois-suomi")
    assert (kaselo.abbreviation, kaselo.network_name) == (
        "KASELO",
        "Kaakkois-Suomen ELO-verkosto",
    )


def test_the_migrations_write_kaselos_two_provinces():
    assert list(Province.objects.values_list("region__slug", "name", "slug")) == [
        ("kaakkois-suomi", "Etelä-Karjala", "etela-karjala"),
        ("kaakkois-suomi", "Kymenlaakso", "kymenlaakso"),
    ]


def test_the_migrations_write_the_national_strategy_with_its_six_goals():
    national = NationalStrategy.objects.get()
    assert (national.title, national.start_year, national.end_year) == (
        "Elinikäisen ohjauksen strategia",
        2020,
        2023,
    )
    assert list(NationalGoal.objects.values_list("number", "title")) == [
        (1, "Saavutettavasti ja asiakaslähtöisesti"),
        (2, "Laadukkaasti"),
        (3, "Digitaalisesti"),
        (4, "Monialaisesti ja koordinoidusti"),
        (5, "Tietoon perustuen"),
        (6, "Yhdenvertaisesti ja kestävästi"),
    ]
    assert all(NationalGoal.objects.values_list("description", flat=True))
    assert set(NationalGoal.objects.values_list("national_strategy", flat=True)) == {national.pk}


def test_the_migrations_write_the_nine_key_measures_as_seed_003s_table_gives_them():
    measures = KeyMeasure.objects.order_by("number")
    assert measures.count() == 9
    first = measures.get(number=1)
    # The table names no ministry for the first measure and no status for the last.
    assert first.responsible == ""
    assert (first.funding, first.start_year, first.status) == (
        "Kansallinen budjetti",
        2021,
        KeyMeasure.Status.TO_BE_PROPOSED,
    )
    assert measures.get(number=9).status == KeyMeasure.Status.UNKNOWN
    assert list(measures.get(number=4).goals.values_list("number", flat=True)) == [2, 6]
    assert list(measures.values_list("start_year", flat=True)) == [
        2021,
        2020,
        2021,
        2021,
        2022,
        2020,
        2021,
        2021,
        2021,
    ]
    assert list(measures.values_list("status", flat=True)) == [
        "to_be_proposed",
        "granted",
        "proposed",
        "to_be_proposed",
        "proposed",
        "proposed",
        "granted",
        "proposed",
        "unknown",
    ]


def test_the_migrations_write_the_lookups():
    assert TargetGroup.objects.count() == 9
    assert GuidanceChannel.objects.count() == 4


def test_the_first_reporting_year_opened_gets_seed_001s_reporting_framework():
    # The framework belongs to a year: a fresh deployment has none until a year opens.
    assert not Theme.objects.exists()

    ReportingYear.objects.create(year=2025)

    assert list(Theme.objects.values_list("title", flat=True)) == [
        "ELO-RYHMIEN TOIMINTA",
        "VIESTINTÄ JA SITOUTUMINEN",
        "ALUEELLISEN OHJAUKSEN KEHITTÄMINEN JA TOIMENPITEET",
        "LISÄNÄKÖKULMIA",
    ]
    assert SubTheme.objects.count() == 8
    # The first sub-theme has a ladder of three levels, the other seven of four.
    assert Level.objects.count() == 3 + 7 * 4


def test_the_root_page_of_a_fresh_deployment_lists_the_regions(client):
    response = client.get(reverse("strategy:home"))

    assert response.status_code == 200
    assertContains(response, "<h1>Kaakkois-Suomen ELO-verkosto</h1>", html=True)
    assertContains(response, "Verkoston strategiaa ei ole vielä julkaistu portaalissa.")
    for name, slug in OFFICIAL_ORDER:
        label = "Kaakkois-Suomen ELO-verkosto" if slug == "kaakkois-suomi" else name
        assertContains(response, f'href="/{slug}/"')
        assertContains(response, label)


def test_every_region_of_a_fresh_deployment_answers_its_home_page(client):
    for region in Region.objects.all():
        assert client.get(region.get_absolute_url()).status_code == 200


def test_load_demo_adds_no_reference_row_and_changes_none():
    before = reference_rows()

    call_command("load_demo", stdout=StringIO())
    after_first = reference_rows()
    call_command("load_demo", stdout=StringIO())

    assert after_first == before
    assert reference_rows() == before
    # The demo's two versions (seeds 002 and 000), not one more on the second run.
    assert Region.objects.get(slug="kaakkois-suomi").strategies.count() == 2


def test_load_reference_data_brings_back_what_was_removed_and_nothing_twice():
    before = {label: len(rows) for label, rows in reference_rows().items()}
    Region.objects.filter(slug="lappi").delete()
    reporting_year = ReportingYear.objects.create(year=2025)
    framework = list(SubTheme.objects.values_list("theme__number", "number", "title"))
    Theme.objects.all().delete()

    call_command("load_reference_data", stdout=StringIO())
    call_command("load_reference_data", stdout=StringIO())

    # A year left without a framework gets seed 001's again, once.
    assert (
        list(
            SubTheme.objects.filter(theme__reporting_year=reporting_year).values_list(
                "theme__number", "number", "title"
            )
        )
        == framework
    )

    assert {label: len(rows) for label, rows in reference_rows().items()} == before
    assert list(Region.objects.values_list("name", "slug")) == OFFICIAL_ORDER
