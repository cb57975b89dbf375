"""Exports a Finnish coordinator can use: Finnish labels, and typed XLSX cells."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from coordination import transfer
from events.models import Event
from network.models import Organisation
from strategy.models import Action
from tests.coordination.transfer.conftest import rows_of_xlsx
from tests.factories import (
    EventFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(region, strategy, kotka):
    Organisation.objects.filter(pk=kotka.pk).update(
        kind=Organisation.Kind.VOCATIONAL_SCHOOL, sector=Organisation.Sector.THIRD
    )
    GuidanceActionFactory(
        organisation=kotka,
        year=2021,
        title="Messut",
        status=Action.Status.ONGOING,
        start_date=dt.date(2021, 9, 1),
    )
    event = EventFactory(
        region=region,
        title="Kokous",
        kind=Event.Kind.ELO_JAO,
        channel=Event.Channel.ONLINE,
        starts_on=dt.date(2021, 5, 26),
        participants_count=42,
    )
    event.organisers.set([kotka])
    indicator = IndicatorFactory(strategy=strategy, title="Saatavuus")
    IndicatorValueFactory(indicator=indicator, year=2021, value=Decimal("12.50"))


def xlsx_table(region, dataset):
    headers, *rows = rows_of_xlsx(transfer.export_xlsx(region, dataset))
    return [dict(zip(headers, row, strict=True)) for row in rows]


@pytest.mark.parametrize("language", ["fi", "en"])
def test_choices_are_exported_as_their_finnish_labels(region, data, language):
    with translation.override(language):
        organisations = "".join(transfer.export_csv(region, "organisaatiot"))
        guidance = "".join(transfer.export_csv(region, "ohjaustoimenpiteet"))
        events = "".join(transfer.export_csv(region, "tapahtumat"))

    assert ";Ammatillinen oppilaitos;Kolmas sektori;" in organisations
    assert ";Käynnissä;" in guidance
    assert "ELO & JAO -kokous" in events
    assert ";Verkossa;" in events
    for code in ("vocational_school", "third", "ongoing", "elo_jao", "online"):
        assert f";{code};" not in organisations + guidance + events


def test_xlsx_numbers_and_dates_are_typed_cells(region, data):
    (action,) = xlsx_table(region, "ohjaustoimenpiteet")
    assert action["Vuosi"] == 2021
    assert isinstance(action["Vuosi"], int)
    assert action["Alkaa"] == dt.datetime(2021, 9, 1)
    assert action["Tila"] == "Käynnissä"

    (event,) = xlsx_table(region, "tapahtumat")
    typed = {key: value for key, value in event.items() if not isinstance(value, str)}
    assert dt.datetime(2021, 5, 26) in typed.values()
    assert 42 in typed.values()

    (value,) = [row for row in xlsx_table(region, "mittariarvot") if row["Arvo"] not in (None, "")]
    numbers = [cell for cell in value.values() if isinstance(cell, int | float)]
    assert sorted(numbers) == [12.5, 2021]


def test_an_xlsx_date_cell_shows_in_the_finnish_form(region, data):
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(
        io.BytesIO(transfer.export_xlsx(region, "ohjaustoimenpiteet"))
    ).worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=headers.index("Alkaa") + 1).number_format == "d.m.yyyy"


@pytest.mark.parametrize("dataset", ["organisaatiot", "ohjaustoimenpiteet", "tapahtumat"])
def test_labels_and_codes_both_import(region, data, dataset):
    exported = "".join(transfer.export_csv(region, dataset))
    with_codes = (
        exported.replace("Ammatillinen oppilaitos", "vocational_school")
        .replace("Kolmas sektori", "third")
        .replace("Käynnissä", "ongoing")
        .replace("Verkossa", "online")
    )

    for text in (exported, with_codes):
        result = transfer.run_import(
            region, dataset, SimpleUploadedFile("tiedosto.csv", text.encode("utf-8"))
        )
        assert result.errors == []
        assert (result.new, result.updated) == (0, 0)
