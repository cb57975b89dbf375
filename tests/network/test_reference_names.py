"""Reference data has its names in Swedish and English: the regions, the national strategy's
goals and key measures, the lookups and seed 001's reporting framework.

``migrate`` alone gives every row its names (pytest-django's test database holds what the
migrations wrote); the first reporting year opened gets the framework's headings from
``write_framework``; and a database migrated before the names were written gets them from
each app's data migration, without overwriting a translation somebody wrote or translating
a heading somebody reworded.
"""

import pytest
from django.db import models
from django.utils import translation

from actions.models import GuidanceChannel, TargetGroup
from lib.translation import localized
from network.models import Region
from reporting.framework import write_framework
from reporting.models import Level, LevelActivity, ReportingYear, SubTheme, Theme
from strategy.models import KeyMeasure, NationalGoal, NationalStrategy
from tests.migrations import latest, migrate

# Every reference model and the name that must be translated; the framework's are written
# when a reporting year opens.
NAMED = [
    (Region, "name"),
    (Region, "ely_centre"),
    (NationalStrategy, "title"),
    (NationalGoal, "title"),
    (KeyMeasure, "title"),
    (TargetGroup, "name"),
    (GuidanceChannel, "name"),
    (Theme, "title"),
    (SubTheme, "title"),
    (Level, "title"),
]

# The state before the names were written: each app's migration adding the columns.
BEFORE = [
    ("network", "0008_swedish_and_english_content"),
    ("strategy", "0011_swedish_and_english_content"),
    ("actions", "0011_swedish_and_english_content"),
    ("reporting", "0011_swedish_and_english_content"),
]


def untranslated(model: type[models.Model], field: str) -> list[str]:
    """The Finnish names of ``model``'s rows missing their Swedish or English name."""
    blank = models.Q(**{f"{field}_sv": ""}) | models.Q(**{f"{field}_en": ""})
    return list(model._default_manager.filter(blank).values_list(field, flat=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field"), NAMED, ids=lambda value: getattr(value, "__name__", value)
)
def test_every_reference_row_has_its_swedish_and_english_name(model, field):
    ReportingYear.objects.create(year=2025)  # the first year opened: seed 001's framework

    assert model._default_manager.exists()
    assert untranslated(model, field) == []


@pytest.mark.django_db
def test_the_names_are_the_official_ones():
    kaselo = Region.objects.get(slug="kaakkois-suomi")
    assert (kaselo.name_sv, kaselo.name_en) == ("Sydöstra Finland", "Southeast Finland")
    assert list(Region.objects.values_list("name_sv", flat=True)) == [
        "Nyland",
        "Egentliga Finland",
        "Satakunta",
        "Tavastland",
        "Birkaland",
        "Sydöstra Finland",
        "Södra Savolax",
        "Norra Savolax",
        "Norra Karelen",
        "Mellersta Finland",
        "Södra Österbotten",
        "Österbotten",
        "Norra Österbotten",
        "Kajanaland",
        "Lappland",
    ]
    assert NationalStrategy.objects.values_list("title_sv", "title_en").get() == (
        "Strategi för livslång vägledning",
        "Strategy for Lifelong Guidance",
    )
    assert NationalGoal.objects.get(number=5).title_en == "Knowledge-based"
    # Descriptions are content: they stay Finnish and fall back marked lang="fi".
    assert set(NationalGoal.objects.values_list("description_sv", "description_en")) == {("", "")}


@pytest.mark.django_db
def test_a_swedish_page_reads_the_swedish_name_and_the_finnish_activities():
    ReportingYear.objects.create(year=2025)
    level = Level.objects.get(sub_theme__theme__number=3, sub_theme__number=1, value=1)
    activity = LevelActivity.objects.filter(level=level).first()

    with translation.override("sv"):
        region = localized(Region.objects.get(slug="pohjanmaa"), "name")
        title = localized(level, "title")
        text = localized(activity, "text")

    assert (region, region.fallback) == ("Österbotten", False)
    assert (title, title.fallback) == ("Ingen systematisk utvärdering/uppföljning", False)
    assert (text.lang, text.fallback) == ("fi", True)


@pytest.mark.django_db(transaction=True)
def test_a_database_migrated_before_the_names_gets_them_and_keeps_what_was_written():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps

        def model(label: str) -> type[models.Model]:
            return old.get_model(*label.split("."))

        # A transactional test before this one may have flushed the reference rows: write
        # them as the migrations did, then take the names away again.
        from actions.lookups import write_lookup_rows
        from network.reference import write_regions
        from strategy.reference import write_national_strategy

        write_regions(model("network.Region"), model("network.Province"))
        write_national_strategy(
            model("strategy.NationalStrategy"),
            model("strategy.NationalGoal"),
            model("strategy.KeyMeasure"),
        )
        write_lookup_rows(model("actions.TargetGroup"), model("actions.GuidanceChannel"))
        for year in (2016, 2021):
            write_framework(
                model("reporting.Theme"),
                model("reporting.SubTheme"),
                model("reporting.Level"),
                reporting_year=model("reporting.ReportingYear").objects.create(year=year),
            )
        # The centres' columns came later (network 0010), and were not there to empty.
        for reference, field in NAMED:
            if (reference, field) != (Region, "ely_centre"):
                old_model = model(reference._meta.label)
                old_model.objects.update(**{f"{field}_sv": "", f"{field}_en": ""})
        model("reporting.Theme").objects.update(description_sv="", description_en="")
        # A coordinator's own Swedish name, and a level of 2021 the national team reworded.
        model("network.Region").objects.filter(slug="lappi").update(name_sv="Lappland (egen)")
        reworded = model("reporting.Level").objects.get(
            sub_theme__theme__reporting_year__year=2021,
            sub_theme__theme__number=1,
            sub_theme__number=2,
            value=1,
        )
        reworded.title = "ELO-ryhmä kokoontuu säännöllisesti"
        reworded.save()

        migrate(latest())

        assert Region.objects.get(slug="lappi").name_sv == "Lappland (egen)"
        assert Region.objects.get(slug="lappi").name_en == "Lapland"
        reworded_now = Level.objects.get(pk=reworded.pk)
        assert (reworded_now.title_sv, reworded_now.title_en) == ("", "")
        assert untranslated(Level, "title") == ["ELO-ryhmä kokoontuu säännöllisesti"]
        for reference, field in NAMED:
            if reference is not Level:
                assert untranslated(reference, field) == [], reference.__name__
        # Both years' frameworks, matched by number: the same headings.
        assert set(
            Level.objects.filter(
                sub_theme__theme__number=3, sub_theme__number=1, value=2
            ).values_list("sub_theme__theme__reporting_year__year", "title_sv")
        ) == {
            (2016, "Planerad/överenskommen utvärdering"),
            (2021, "Planerad/överenskommen utvärdering"),
        }
        assert {
            (year, text[:26])
            for year, text in Theme.objects.filter(number=1).values_list(
                "reporting_year__year", "description_en"
            )
        } == {(2016, "Follow-up of the regional "), (2021, "Follow-up of the regional ")}
        assert (
            Theme.objects.filter(number=2).values_list("description_sv", flat=True).distinct().get()
            == ""
        )
    finally:
        migrate(latest())


@pytest.mark.django_db
def test_kaselo_names_its_centre_and_network_in_swedish_and_english():
    kaselo = Region.objects.get(abbreviation="KASELO")
    with translation.override("sv"):
        assert localized(kaselo, "ely_centre") == "NTM-centralen i Sydöstra Finland"
        assert localized(kaselo, "network_name") == "ELO-nätverket i Sydöstra Finland"
    with translation.override("en"):
        assert localized(kaselo, "network_name") == "ELO network of Southeast Finland"
