"""An export re-imports unchanged, and into an empty region it rebuilds the same data."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actions.models import GuidanceAction
from coordination import transfer
from events.models import Event
from network.models import Organisation
from strategy.models import IndicatorValue
from tests.coordination.transfer.conftest import rows_of_xlsx
from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProvinceFactory,
    guidance_channel,
    target_group,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def region_data(region, strategy, focus_area, kotka, lut, mikkeli, etela_savo):
    """A little of everything, with the cells that are easy to get wrong."""
    kymenlaakso = ProvinceFactory(region=region, name="Kymenlaakso")
    karjala = ProvinceFactory(region=region, name="Etelä-Karjala")
    kotka.provinces.set([kymenlaakso, karjala])
    Organisation.objects.filter(pk=kotka.pk).update(
        abbreviation="=OK", kind="ohjaamo", website="https://ohjaamo.example.fi/"
    )
    Organisation.objects.filter(pk=lut.pk).update(kind="university", active=False)
    second_area = FocusAreaFactory(strategy=strategy, number=2)
    action = GuidanceActionFactory(
        organisation=kotka,
        year=2021,
        title="Ohjaamon messut; syksy",
        description='Rivi 1\nRivi 2, jossa "lainaus"',
        start_date=dt.date(2021, 9, 1),
        end_date=dt.date(2021, 12, 31),
        outcomes="300 kävijää",
    )
    action.focus_areas.set([focus_area, second_area])
    action.target_groups.set([target_group("nuoret"), target_group("tyottomat")])
    action.channels.set([guidance_channel("verkossa")])
    GuidanceActionFactory(organisation=lut, year=2022, title="Urapalvelut")
    event = EventFactory(
        region=region,
        title="Verkostokokous",
        starts_on=dt.date(2021, 5, 26),
        day_part=Event.DayPart.TIMED,
        start_time=dt.time(9, 0),
        end_time=dt.time(11, 30),
        channel=Event.Channel.HYBRID,
        place="Kotka, Keskuskatu 1",
        participants_count=42,
    )
    event.organisers.set([kotka, lut])
    EventFactory(region=region, title="-2 päivää ELOLIV", starts_on=dt.date(2022, 3, 1))
    indicator = IndicatorFactory(strategy=strategy, title="Ohjauksen saatavuus")
    IndicatorValueFactory(indicator=indicator, year=2021, value=Decimal("12.50"), source="Kysely")
    IndicatorValueFactory(indicator=indicator, year=2022, value=Decimal("1234"))
    # Another region's data never shows in this region's files.
    EventFactory(region=etela_savo, title="Mikkelin kokous")
    GuidanceActionFactory(organisation=mikkeli, title="Mikkelin messut")


DELETE = {
    "organisaatiot": lambda region: Organisation.objects.filter(region=region).delete(),
    "ohjaustoimenpiteet": lambda region: GuidanceAction.objects.for_region(region).delete(),
    "tapahtumat": lambda region: Event.objects.filter(region=region).delete(),
    "mittariarvot": lambda region: IndicatorValue.objects.filter(
        indicator__strategy__region=region
    ).delete(),
}


def exported(region, dataset, file_format):
    if file_format == "csv":
        return "".join(transfer.export_csv(region, dataset)).encode("utf-8")
    return transfer.export_xlsx(region, dataset)


def as_upload(data, file_format):
    return SimpleUploadedFile(f"vienti.{file_format}", data)


@pytest.mark.parametrize("file_format", transfer.FORMATS)
@pytest.mark.parametrize("dataset", list(transfer.DATASETS))
def test_an_export_reimports_unchanged_and_rebuilds_the_same_data(
    region, region_data, dataset, file_format
):
    first = exported(region, dataset, file_format)
    csv_before = exported(region, dataset, "csv")

    unchanged = transfer.run_import(region, dataset, as_upload(first, file_format))
    assert unchanged.errors == []
    assert (unchanged.new, unchanged.updated) == (0, 0)
    assert unchanged.unchanged >= 2

    DELETE[dataset](region)
    rebuilt = transfer.run_import(region, dataset, as_upload(first, file_format))

    assert rebuilt.errors == []
    # The indicator values' export is a template: a row for every year of the strategy
    # (2020-2027), the six without a value left empty and skipped on import.
    empty_template_rows = 6 if dataset == "mittariarvot" else 0
    assert rebuilt.new == unchanged.unchanged - empty_template_rows
    assert exported(region, dataset, "csv") == csv_before


def test_the_csv_export_is_semicolon_separated_utf8_with_a_bom_and_escapes_formulas(
    region, region_data
):
    text = exported(region, "organisaatiot", "csv").decode("utf-8")

    assert text.startswith("\ufeffNimi;Lyhenne;Tyyppi;Sektori;Maakunnat;Verkkosivu;Aktiivinen\r\n")
    assert 'Ohjaamo Kotka;\'=OK;Ohjaamo;Julkinen sektori;"Etelä-Karjala; Kymenlaakso";' in text
    assert "Mikkeli" not in text


def test_the_xlsx_export_keeps_formula_like_text_as_text(region, region_data):
    rows = rows_of_xlsx(exported(region, "organisaatiot", "xlsx"))

    assert rows[0] == [
        "Nimi",
        "Lyhenne",
        "Tyyppi",
        "Sektori",
        "Maakunnat",
        "Verkkosivu",
        "Aktiivinen",
    ]
    assert ["LUT-yliopisto", "", "Yliopisto", "Julkinen sektori", "", "", "ei"] in rows
    assert rows[2][:2] == ["Ohjaamo Kotka", "=OK"]


def test_exports_hold_only_the_regions_rows(region, region_data):
    for dataset in transfer.DATASETS:
        assert "Mikkeli" not in exported(region, dataset, "csv").decode("utf-8")


def test_guidance_actions_keep_links_to_earlier_strategy_versions(region, strategy, kotka):
    from tests.factories import StrategyFactory

    old_strategy = StrategyFactory(region=region, version=0, is_current=False)
    old_area = FocusAreaFactory(strategy=old_strategy, number=1)
    current_area = FocusAreaFactory(strategy=strategy, number=1)
    action = GuidanceActionFactory(organisation=kotka, title="Messut")
    action.focus_areas.set([old_area, current_area])

    result = transfer.run_import(
        region,
        "ohjaustoimenpiteet",
        as_upload(exported(region, "ohjaustoimenpiteet", "csv"), "csv"),
    )

    assert (result.unchanged, result.errors) == (1, [])
    assert set(action.focus_areas.all()) == {old_area, current_area}


def test_the_indicator_values_export_is_a_template_of_every_indicator_and_year(region, strategy):
    measured = IndicatorFactory(strategy=strategy, title="Työllisyysaste", position=1)
    IndicatorValueFactory(indicator=measured, year=2021, value=Decimal("70.1"), note="Ennakko")
    IndicatorFactory(strategy=strategy, title="Keskeyttäneet", position=2)

    rows = rows_of_xlsx(exported(region, "mittariarvot", "xlsx"))

    assert rows[0] == ["Mittari", "Vuosi", "Arvo", "Lähde", "Lähteen linkki", "Huomautus"]
    # A row for each indicator and each year of the strategy 2021-2027, and the year before.
    assert [(row[0], row[1]) for row in rows[1:]] == [
        (title, year) for title in ("Työllisyysaste", "Keskeyttäneet") for year in range(2020, 2028)
    ]
    assert rows[2][2:] == [70.1, "", "", "Ennakko"]
    assert rows[3][2] in ("", None)


def test_a_filled_template_imports_its_values_and_skips_the_empty_rows(region, strategy):
    measured = IndicatorFactory(strategy=strategy, title="Työllisyysaste")
    IndicatorValueFactory(indicator=measured, year=2021, value=Decimal("70.1"))
    text = exported(region, "mittariarvot", "csv").decode("utf-8-sig")
    filled = text.replace("Työllisyysaste;2023;;;;", "Työllisyysaste;2023;72,4;Tilastokeskus;;")
    assert filled != text

    result = transfer.run_import(region, "mittariarvot", as_upload(filled.encode(), "csv"))

    assert result.errors == []
    assert (result.new, result.updated) == (1, 0)
    assert IndicatorValue.objects.get(indicator=measured, year=2023).value == Decimal("72.4")
    # An empty row does not delete a stored value either: it is only skipped.
    assert IndicatorValue.objects.filter(indicator=measured).count() == 2
