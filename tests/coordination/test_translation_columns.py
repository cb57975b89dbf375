"""Translations travel through the files: the plan workbook and the events file export each
translated field's Swedish and English in columns named after the Finnish one ("Otsikko
ruotsiksi"), importing them fills the translations, and a file without those columns (made
before them) still imports and leaves the stored translations as they were."""

import datetime as dt
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coordination import plan_transfer, transfer
from coordination.plan_transfer import FOCUS_AREA_SHEET, GOAL_SHEET, STRATEGY_SHEET
from events.models import Event
from strategy.models import FocusArea, Goal, Strategy
from tests.coordination.transfer.conftest import csv_upload, rows_of_xlsx
from tests.factories import EventFactory, FocusAreaFactory, GoalFactory

pytestmark = pytest.mark.django_db

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(workbook, name="suunnitelma.xlsx"):
    output = io.BytesIO()
    workbook.save(output)
    return SimpleUploadedFile(name, output.getvalue(), content_type=XLSX)


def records(sheet):
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def translated_plan(strategy, focus_area):
    Strategy.objects.filter(pk=strategy.pk).update(
        vision_sv="En vision för alla", overall_goal_en="Closer cooperation"
    )
    FocusArea.objects.filter(pk=focus_area.pk).update(
        title_sv="Tillgänglig vägledning", description_en="Guidance within reach"
    )
    FocusAreaFactory(strategy=strategy, number=2, title="MONIALAINEN YHTEISTYÖ")
    GoalFactory(focus_area=focus_area, title="Palvelut saavutettavia", title_sv="Ett mål")
    return strategy


def draft_of(region):
    return Strategy.objects.get(region=region, is_current=False)


def test_the_plan_workbook_has_the_translations_in_columns_named_after_the_finnish(
    region, translated_plan
):
    workbook = openpyxl.load_workbook(io.BytesIO(plan_transfer.export_plan(region)))

    [header] = records(workbook[STRATEGY_SHEET])
    assert header["Visio ruotsiksi"] == "En vision för alla"
    assert header["Yleistavoite englanniksi"] == "Closer cooperation"
    assert header["Visio englanniksi"] is None
    focus_areas = records(workbook[FOCUS_AREA_SHEET])
    assert focus_areas[0]["Otsikko ruotsiksi"] == "Tillgänglig vägledning"
    assert focus_areas[0]["Kuvaus englanniksi"] == "Guidance within reach"
    assert records(workbook[GOAL_SHEET])[0]["Tavoite ruotsiksi"] == "Ett mål"
    # The Finnish columns stay where they were; the translations come after them.
    headings = [cell.value for cell in workbook[FOCUS_AREA_SHEET][1]]
    assert headings[:5] == ["ID", "Numero", "Otsikko", "Kuvaus", "Kansalliset tavoitteet"]


def test_the_plan_workbook_round_trips_its_translations_into_the_draft(region, translated_plan):
    workbook = openpyxl.load_workbook(io.BytesIO(plan_transfer.export_plan(region)))
    sheet = workbook[FOCUS_AREA_SHEET]
    column = [cell.value for cell in sheet[1]].index("Otsikko englanniksi") + 1
    sheet.cell(row=2, column=column, value="Guidance for all")

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    draft = draft_of(region)
    assert (draft.vision_sv, draft.overall_goal_en) == ("En vision för alla", "Closer cooperation")
    focus_area = draft.focus_areas.get(number=1)
    assert (focus_area.title_sv, focus_area.title_en, focus_area.description_en) == (
        "Tillgänglig vägledning",
        "Guidance for all",
        "Guidance within reach",
    )
    assert Goal.objects.get(focus_area=focus_area).title_sv == "Ett mål"


def test_a_workbook_without_the_translation_columns_imports_and_keeps_the_translations(
    region, translated_plan
):
    workbook = openpyxl.load_workbook(io.BytesIO(plan_transfer.export_plan(region)))
    for sheet in workbook.worksheets:
        headings = [cell.value for cell in sheet[1]]
        for index in reversed(range(len(headings))):
            heading = str(headings[index] or "")
            if heading.endswith((" ruotsiksi", " englanniksi")):
                sheet.delete_cols(index + 1)
    sheet = workbook[FOCUS_AREA_SHEET]
    sheet.append([None, 3, "UUSI PAINOPISTE", None, None])

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    draft = draft_of(region)
    assert draft.vision_sv == "En vision för alla"
    assert draft.focus_areas.get(number=1).title_sv == "Tillgänglig vägledning"
    assert draft.focus_areas.get(number=3).title_sv == ""


def test_a_translation_emptied_in_the_workbook_is_emptied_in_the_draft(region, translated_plan):
    workbook = openpyxl.load_workbook(io.BytesIO(plan_transfer.export_plan(region)))
    sheet = workbook[FOCUS_AREA_SHEET]
    column = [cell.value for cell in sheet[1]].index("Otsikko ruotsiksi") + 1
    sheet.cell(row=2, column=column).value = None

    outcome = plan_transfer.import_plan(region, upload(workbook))

    assert outcome.is_valid, outcome.errors
    assert draft_of(region).focus_areas.get(number=1).title_sv == ""


@pytest.fixture
def event(region):
    return EventFactory(
        region=region,
        title="Verkostokokous",
        title_sv="Nätverksmöte",
        starts_on=dt.date(2021, 5, 26),
    )


@pytest.mark.parametrize("file_format", transfer.FORMATS)
def test_the_events_file_round_trips_the_titles_translations(region, event, file_format):
    if file_format == "csv":
        data = "".join(transfer.export_csv(region, "tapahtumat")).encode("utf-8")
    else:
        data = transfer.export_xlsx(region, "tapahtumat")
    rows = rows_of_xlsx(transfer.export_xlsx(region, "tapahtumat"))
    assert rows[0][1:3] == ["Otsikko ruotsiksi", "Otsikko englanniksi"]
    assert rows[1][:3] == ["Verkostokokous", "Nätverksmöte", ""]

    Event.objects.filter(pk=event.pk).update(title_sv="", title_en="")
    outcome = transfer.run_import(
        region, "tapahtumat", SimpleUploadedFile(f"vienti.{file_format}", data)
    )

    assert outcome.errors == []
    event.refresh_from_db()
    assert (event.title_sv, event.title_en) == ("Nätverksmöte", "")


def test_an_events_file_without_the_translation_columns_keeps_the_stored_ones(region, event):
    upload = csv_upload([["Otsikko", "Alkaa", "Paikka"], ["Verkostokokous", "26.5.2021", "Kotka"]])

    outcome = transfer.run_import(region, "tapahtumat", upload)

    assert outcome.errors == []
    assert outcome.updated == 1
    event.refresh_from_db()
    assert (event.place, event.title_sv) == ("Kotka", "Nätverksmöte")


def test_an_events_file_with_a_swedish_title_fills_it_in(region, event):
    upload = csv_upload(
        [
            ["Otsikko", "Otsikko ruotsiksi", "Alkaa"],
            ["Verkostokokous", "Nätverksträff", "26.5.2021"],
            ["Uusi tapahtuma", "Ny händelse", "1.6.2021"],
        ]
    )

    outcome = transfer.run_import(region, "tapahtumat", upload)

    assert outcome.errors == []
    assert Event.objects.get(pk=event.pk).title_sv == "Nätverksträff"
    assert Event.objects.get(title="Uusi tapahtuma").title_sv == "Ny händelse"
