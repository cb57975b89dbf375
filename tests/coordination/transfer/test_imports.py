"""Importing a file: all rows or nothing, errors by line and column, twins never made."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actions.models import GuidanceAction
from coordination import transfer
from events.models import Event
from network.models import Organisation
from portal.review import ReviewStatus
from strategy.models import IndicatorValue
from tests.coordination.transfer.conftest import csv_upload, xlsx_upload
from tests.factories import (
    FocusAreaFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    OrganisationFactory,
    ProvinceFactory,
    StrategyFactory,
    guidance_channel,
    target_group,
)

pytestmark = pytest.mark.django_db

ORGANISATION_HEADERS = [
    "Nimi",
    "Lyhenne",
    "Tyyppi",
    "Sektori",
    "Maakunnat",
    "Verkkosivu",
    "Aktiivinen",
]


@pytest.fixture
def provinces(region):
    return [
        ProvinceFactory(region=region, name="Kymenlaakso"),
        ProvinceFactory(region=region, name="Etelä-Karjala"),
    ]


def organisation_file(*rows):
    return csv_upload([ORGANISATION_HEADERS, *rows])


GOOD_ROWS = [
    [
        "Ohjaamo Hamina",
        "",
        "ohjaamo",
        "public",
        "Kymenlaakso",
        "https://hamina.example.fi/",
        "kyllä",
    ],
    [
        "Saimaan ammattiopisto Sampo",
        "Sampo",
        "Ammatillinen oppilaitos",
        "Julkinen sektori",
        "Etelä-Karjala; Kymenlaakso",
        "",
        "kyllä",
    ],
]


def test_a_file_with_one_bad_row_writes_nothing_and_names_its_line_and_column(region, provinces):
    upload = organisation_file(
        *GOOD_ROWS, ["Kotkan seurakunta", "", "avaruusasema", "third", "", "", "kyllä"]
    )

    preview = transfer.preview_import(region, "organisaatiot", upload)
    result = transfer.run_import(region, "organisaatiot", upload)

    for outcome in (preview, result):
        assert not outcome.is_valid
        assert len(outcome.errors) == 1
        line, column, message = outcome.errors[0]
        assert (line, column) == (4, "Tyyppi")
        assert message.startswith("Tuntematon arvo ”avaruusasema”. Käytä jotakin näistä:")
    assert not Organisation.objects.filter(region=region).exists()


def test_a_bad_date_is_named_in_finnish_with_the_form_to_use(region, kotka):
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko", "Alkaa"],
            ["Ohjaamo Kotka", "2021", "Messut", "31.2.2021"],
        ]
    )

    preview = transfer.preview_import(region, "ohjaustoimenpiteet", upload)

    assert preview.errors == [
        (2, "Alkaa", "Päivämäärä ”31.2.2021” ei kelpaa: käytä muotoa pp.kk.vvvv")
    ]


def test_a_valid_file_imports_every_row_and_counts_them(region, provinces):
    result = transfer.run_import(region, "organisaatiot", organisation_file(*GOOD_ROWS))

    assert result.is_valid
    assert (result.new, result.updated, result.unchanged) == (2, 0, 0)
    sampo = Organisation.objects.get(region=region, name="Saimaan ammattiopisto Sampo")
    assert sampo.kind == Organisation.Kind.VOCATIONAL_SCHOOL
    assert sampo.sector == Organisation.Sector.PUBLIC
    assert sampo.slug == "saimaan-ammattiopisto-sampo"
    assert sorted(p.name for p in sampo.provinces.all()) == ["Etelä-Karjala", "Kymenlaakso"]


def test_the_preview_tells_what_would_be_created_and_writes_nothing(region, provinces):
    preview = transfer.preview_import(region, "organisaatiot", organisation_file(*GOOD_ROWS))

    assert (preview.new, preview.updated) == (2, 0)
    assert [row.line for row in preview.rows] == [2, 3]
    assert ("Lyhenne", "", "Sampo") in preview.rows[1].changes
    assert not Organisation.objects.filter(region=region).exists()


def test_reimporting_the_same_file_changes_nothing(region, provinces):
    transfer.run_import(region, "organisaatiot", organisation_file(*GOOD_ROWS))
    before = list(Organisation.objects.filter(region=region).order_by("pk").values())

    result = transfer.run_import(region, "organisaatiot", organisation_file(*GOOD_ROWS))

    assert (result.new, result.updated, result.unchanged) == (0, 0, 2)
    assert list(Organisation.objects.filter(region=region).order_by("pk").values()) == before


def test_a_row_matching_an_existing_organisation_updates_it(region, kotka):
    result = transfer.run_import(
        region,
        "organisaatiot",
        organisation_file(["Ohjaamo Kotka", "OK", "ohjaamo", "public", "", "", "ei"]),
    )

    assert (result.new, result.updated) == (0, 1)
    assert Organisation.objects.filter(region=region, name="Ohjaamo Kotka").count() == 1
    kotka.refresh_from_db()
    assert (kotka.abbreviation, kotka.kind, kotka.active) == ("OK", "ohjaamo", False)


def test_an_organisation_of_another_region_is_refused(region, kotka, mikkeli):
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko"],
            ["Ohjaamo Kotka", "2021", "Messut"],
            ["Ohjaamo Mikkeli", "2021", "Messut"],
        ]
    )

    result = transfer.run_import(region, "ohjaustoimenpiteet", upload)

    assert result.errors == [
        (3, "Organisaatio", "Organisaatio ”Ohjaamo Mikkeli” kuuluu toisen alueen verkostoon.")
    ]
    assert not GuidanceAction.objects.exists()


def test_the_same_name_in_another_region_is_another_organisation(region, etela_savo):
    OrganisationFactory(region=etela_savo, name="Ohjaamo Hamina", sector="public")

    transfer.run_import(region, "organisaatiot", organisation_file([*GOOD_ROWS[0][:4], "", "", ""]))

    assert Organisation.objects.filter(name="Ohjaamo Hamina").count() == 2


def test_a_semicolon_csv_with_a_bom_imports(region, provinces):
    upload = csv_upload([ORGANISATION_HEADERS, *GOOD_ROWS], delimiter=";", bom=True)

    result = transfer.run_import(region, "organisaatiot", upload)

    assert (result.new, result.errors) == (2, [])


def test_an_xlsx_file_with_typed_cells_imports(region, kotka, focus_area):
    upload = xlsx_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko", "Painopisteet", "Kohderyhmät", "Alkaa", "Päättyy"],
            [
                "Ohjaamo Kotka",
                2021,
                "Messut",
                1,
                "Nuoret; Työttömät",
                dt.datetime(2021, 3, 1),
                "31.5.2021",
            ],
        ]
    )

    result = transfer.run_import(region, "ohjaustoimenpiteet", upload)

    assert result.errors == []
    action = GuidanceAction.objects.get()
    assert (action.start_date, action.end_date) == (dt.date(2021, 3, 1), dt.date(2021, 5, 31))
    assert list(action.focus_areas.all()) == [focus_area]
    assert sorted(group.slug for group in action.target_groups.all()) == ["nuoret", "tyottomat"]


def test_imported_guidance_actions_are_accepted(region, kotka, coordinator):
    GuidanceActionFactory(organisation=kotka, year=2021, title="Messut", review_status="submitted")
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko", "Tulokset"],
            ["Ohjaamo Kotka", "2021", "Messut", "300 kävijää"],
            ["Ohjaamo Kotka", "2022", "Messut", ""],
        ]
    )

    result = transfer.run_import(region, "ohjaustoimenpiteet", upload, coordinator)

    assert (result.new, result.updated) == (1, 1)
    assert set(GuidanceAction.objects.values_list("review_status", "reviewed_by")) == {
        (ReviewStatus.ACCEPTED, coordinator.pk)
    }


def test_an_updated_guidance_action_gets_the_files_links_and_keeps_earlier_ones(
    region, strategy, kotka, lut, coordinator
):
    earlier_area = FocusAreaFactory(
        strategy=StrategyFactory(region=region, version=0, is_current=False), number=1
    )
    first, second = (FocusAreaFactory(strategy=strategy, number=n) for n in (1, 2))
    changed = GuidanceActionFactory(organisation=kotka, year=2021, title="Messut")
    changed.focus_areas.set([earlier_area, first])
    changed.target_groups.set([target_group("nuoret"), target_group("tyottomat")])
    changed.channels.set([guidance_channel("verkossa")])
    kept = GuidanceActionFactory(organisation=lut, year=2021, title="Urapäivä")
    kept.target_groups.set([target_group("opiskelijat")])
    updated_at = changed.updated_at
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko", "Painopisteet", "Kohderyhmät", "Kanavat"],
            ["ohjaamo kotka", "2021", "Messut", "2", "Nuoret; Opiskelijat", ""],
            ["LUT-yliopisto", "2021", "Urapäivä", "", "Opiskelijat", ""],
            ["Ohjaamo Kotka", "2022", "Messut", "1; 2", "Työttömät", "Verkossa"],
        ]
    )

    preview = transfer.preview_import(region, "ohjaustoimenpiteet", upload, coordinator)
    result = transfer.run_import(region, "ohjaustoimenpiteet", upload, coordinator)

    for outcome in (preview, result):
        assert (outcome.new, outcome.updated, outcome.unchanged, outcome.errors) == (1, 1, 1, [])
    assert ("Painopisteet", "1", "2") in result.rows[0].changes
    changed.refresh_from_db()
    assert set(changed.focus_areas.all()) == {earlier_area, second}
    assert {group.slug for group in changed.target_groups.all()} == {"nuoret", "opiskelijat"}
    assert not changed.channels.exists()
    assert (changed.review_status, changed.reviewed_by) == (ReviewStatus.ACCEPTED, coordinator)
    assert changed.updated_at > updated_at
    assert [group.slug for group in kept.target_groups.all()] == ["opiskelijat"]
    new = GuidanceAction.objects.get(year=2022)
    assert (set(new.focus_areas.all()), new.created_by) == ({first, second}, coordinator)
    assert [channel.slug for channel in new.channels.all()] == ["verkossa"]


def test_the_queries_of_a_guidance_action_import_do_not_grow_with_its_rows(
    region, strategy, focus_area, kotka, lut
):
    def queries_to_import(count):
        GuidanceActionFactory(organisation=kotka, year=2020, title=f"Tallennettu {count}")
        header = ["Organisaatio", "Vuosi", "Otsikko", "Painopisteet", "Kohderyhmät", "Kanavat"]
        rows = [
            [
                ("Ohjaamo Kotka", "LUT-yliopisto")[n % 2],
                "2020",
                f"Rivi {count}.{n}",
                "1",
                "Nuoret",
                "",
            ]
            for n in range(count)
        ]
        rows.append(["Ohjaamo Kotka", "2020", f"Tallennettu {count}", "1", "Nuoret", "Verkossa"])
        upload = csv_upload([header, *rows])
        with CaptureQueriesContext(connection) as queries:
            result = transfer.run_import(region, "ohjaustoimenpiteet", upload)
        assert (result.new, result.updated, result.errors) == (count, 1, [])
        return len(queries)

    # Per import, not per row: the organisations, the focus areas, target groups and
    # channels, the stored rows and their three relations, the writes in bulk.
    assert queries_to_import(40) == queries_to_import(4)


def test_a_row_repeating_an_earlier_one_is_an_error(region, kotka):
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko"],
            ["Ohjaamo Kotka", "2021", "Messut"],
            ["Ohjaamo Kotka", "2021", "Messut"],
        ]
    )

    result = transfer.run_import(region, "ohjaustoimenpiteet", upload)

    assert result.errors == [(3, "Otsikko", "Sama rivi on jo tiedoston rivillä 2.")]
    assert not GuidanceAction.objects.exists()


def test_an_event_row_without_an_end_date_lasts_one_day(region, kotka):
    upload = csv_upload(
        [
            ["Otsikko", "Alkaa", "Tyyppi", "Ajankohta", "Alkamisaika", "Järjestäjät"],
            [
                "Verkostokokous",
                "26.5.2021",
                "Verkostokokous",
                "Ilmoitettuina kellonaikoina",
                "9.00",
                "Ohjaamo Kotka",
            ],
        ]
    )

    result = transfer.run_import(region, "tapahtumat", upload)

    assert result.errors == []
    event = Event.objects.get()
    assert event.ends_on == event.starts_on == dt.date(2021, 5, 26)
    assert event.start_time == dt.time(9, 0)
    assert event.review_status == ReviewStatus.ACCEPTED
    assert list(event.organisers.all()) == [kotka]


def test_indicator_values_accept_a_decimal_comma_and_update_by_year(region, strategy):
    indicator = IndicatorFactory(strategy=strategy, title="Ohjauksen saatavuus")
    IndicatorValue.objects.create(indicator=indicator, year=2021, value=50)
    upload = csv_upload(
        [
            ["Mittari", "Vuosi", "Arvo", "Lähde"],
            ["Ohjauksen saatavuus", "2021", "52,5", "Kysely"],
            ["Ohjauksen saatavuus", "2022", "1 234,25", ""],
            ["Tuntematon mittari", "2022", "1,0", ""],
        ],
        delimiter=";",
    )

    preview = transfer.preview_import(region, "mittariarvot", upload)
    assert preview.errors == [
        (4, "Mittari", "Voimassa olevassa strategiassa ei ole mittaria ”Tuntematon mittari”.")
    ]

    result = transfer.run_import(
        region,
        "mittariarvot",
        csv_upload(
            [
                ["Mittari", "Vuosi", "Arvo", "Lähde"],
                ["Ohjauksen saatavuus", "2021", "52,5", "Kysely"],
                ["Ohjauksen saatavuus", "2022", "1 234,25", ""],
            ]
        ),
    )
    assert (result.new, result.updated) == (1, 1)
    assert dict(IndicatorValue.objects.values_list("year", "value")) == {
        2021: Decimal("52.50"),
        2022: Decimal("1234.25"),
    }


def test_a_missing_key_column_and_an_unknown_column_are_errors_on_line_one(region):
    upload = csv_upload([["Lyhenne", "Värikoodi"], ["OK", "sininen"]])

    result = transfer.preview_import(region, "organisaatiot", upload)

    assert [(line, column) for line, column, _message in result.errors] == [
        (1, "Värikoodi"),
        (1, "Nimi"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tiedot.pdf", b"%PDF-1.4", "Vain CSV- ja XLSX-tiedostoja voi tuoda."),
        ("tiedot.csv", b"", "Tiedosto on tyhjä."),
        ("tiedot.csv", "Nimi\nÄänekoski".encode("cp1252"), "Tiedosto ei ole UTF-8-muodossa."),
        ("tiedot.xlsx", b"Nimi;Lyhenne\n", "Tiedosto ei ole kelvollinen XLSX-työkirja."),
        ("tiedot.csv", b"Nimi\n" + b"x" * transfer.MAX_FILE_SIZE, "Tiedosto on yli 5 Mt."),
    ],
)
def test_files_that_cannot_be_read_are_refused_in_finnish(region, name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(transfer.ImportFileError) as refused:
        transfer.preview_import(region, "organisaatiot", SimpleUploadedFile(name, content))

    assert refused.value.message.startswith(message)
