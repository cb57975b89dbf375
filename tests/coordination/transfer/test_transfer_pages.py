"""The coordinator's import and export pages: who may use them, and an import from upload to
confirmation."""

import pytest
from django.conf import settings
from django.urls import reverse

from network.models import Organisation
from tests.coordination.transfer.conftest import csv_upload

pytestmark = pytest.mark.django_db

HEADERS = ["Nimi", "Lyhenne", "Tyyppi", "Sektori", "Maakunnat", "Verkkosivu", "Aktiivinen"]


def url(name, **kwargs):
    return reverse(f"transfer:{name}", kwargs={"region": "kaakkois-suomi", **kwargs})


URLS = {
    "index": url("index"),
    "export": url("export", dataset="organisaatiot", format="csv"),
    "import": url("import", dataset="organisaatiot"),
}

EXPECTED = {
    "visitor": 302,
    "editor": 403,
    "editor_of_other_organisation": 403,
    "editor_of_other_region": 404,
    "coordinator": 200,
    "coordinator_of_other_region": 404,
    "national_team": 403,
}


@pytest.mark.parametrize("persona", EXPECTED)
@pytest.mark.parametrize("name", URLS)
def test_only_the_regions_coordinator_may_open_the_pages(
    personas, client_of, region, name, persona
):
    response = client_of(personas[persona]).get(URLS[name])

    assert response.status_code == EXPECTED[persona]
    if persona == "visitor":
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("persona", EXPECTED)
def test_only_the_regions_coordinator_may_post_an_import(personas, client_of, region, persona):
    upload = csv_upload([HEADERS, ["Ohjaamo Hamina", "", "ohjaamo", "public", "", "", ""]])

    response = client_of(personas[persona]).post(URLS["import"], {"file": upload})

    assert response.status_code == EXPECTED[persona]
    assert not Organisation.objects.filter(name="Ohjaamo Hamina").exists()


def test_the_index_offers_an_import_and_two_exports_for_each_dataset(
    coordinator, client_of, region
):
    content = client_of(coordinator).get(URLS["index"]).content.decode()

    for dataset in ("organisaatiot", "ohjaustoimenpiteet", "tapahtumat", "mittariarvot"):
        assert url("import", dataset=dataset) in content
        assert url("export", dataset=dataset, format="csv") in content
        assert url("export", dataset=dataset, format="xlsx") in content
    assert "Vie CSV" in content
    assert "Vie XLSX" in content
    assert ">Tuo<" in content
    assert "hyväksytään heti" in content


def test_the_editor_home_links_to_imports_and_exports(coordinator, client_of, strategy):
    content = client_of(coordinator).get(reverse("editor:home", args=[strategy.region.slug]))

    assert URLS["index"] in content.content.decode()


def test_an_export_is_a_download_of_the_regions_rows(coordinator, client_of, kotka, mikkeli):
    response = client_of(coordinator).get(URLS["export"])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="kaakkois-suomi-organisaatiot-'
    )
    content = b"".join(response.streaming_content).decode("utf-8")
    assert "Ohjaamo Kotka" in content
    assert "Mikkeli" not in content


def test_an_xlsx_export_is_a_workbook(coordinator, client_of, kotka):
    response = client_of(coordinator).get(url("export", dataset="tapahtumat", format="xlsx"))

    assert response.status_code == 200
    assert response.content.startswith(b"PK")


@pytest.mark.parametrize(
    ("dataset", "file_format"), [("tuntematon", "csv"), ("organisaatiot", "pdf")]
)
def test_an_unknown_dataset_or_format_is_not_found(
    coordinator, client_of, region, dataset, file_format
):
    response = client_of(coordinator).get(url("export", dataset=dataset, format=file_format))

    assert response.status_code == 404


def test_an_upload_shows_the_preview_and_the_confirmation_imports(coordinator, client_of, region):
    client = client_of(coordinator)
    upload = csv_upload(
        [HEADERS, ["Ohjaamo Hamina", "OH", "ohjaamo", "public", "", "", "kyllä"]], delimiter=";"
    )

    preview = client.post(URLS["import"], {"file": upload})

    content = preview.content.decode()
    assert "Tuonti lisäisi 1 riviä, päivittäisi 0 ja jättäisi 0 ennalleen." in content
    assert "Ohjaamo Hamina" in content
    assert "Vahvista tuonti" in content
    assert not Organisation.objects.filter(name="Ohjaamo Hamina").exists()
    stored = list((settings.MEDIA_ROOT / "imports").iterdir())
    assert len(stored) == 1

    response = client.post(URLS["import"], {"confirm": "1"}, follow=True)

    assert response.redirect_chain[-1][0] == URLS["index"]
    assert "Jäsenorganisaatiot tuotiin: 1 uutta, 0 päivitettyä, 0 ennallaan." in (
        response.content.decode()
    )
    assert Organisation.objects.get(region=region, name="Ohjaamo Hamina").abbreviation == "OH"
    assert not stored[0].exists()


def test_a_file_with_errors_shows_them_by_line_and_column_without_a_confirm_button(
    coordinator, client_of, region
):
    upload = csv_upload(
        [
            HEADERS,
            ["Ohjaamo Hamina", "", "ohjaamo", "public", "", "", ""],
            ["Kotkan seurakunta", "", "kirkko", "third", "", "osoite", ""],
        ]
    )

    content = client_of(coordinator).post(URLS["import"], {"file": upload}).content.decode()

    assert "Tiedostossa on 2 virhettä." in content
    assert "<td>3</td><td>Tyyppi</td><td>Tuntematon arvo ”kirkko”." in content
    assert "<td>3</td><td>Verkkosivu</td>" in content
    assert "Vahvista tuonti" not in content
    assert not (settings.MEDIA_ROOT / "imports").exists() or not any(
        (settings.MEDIA_ROOT / "imports").iterdir()
    )


def test_confirming_without_a_pending_upload_asks_for_the_file_again(
    coordinator, client_of, region
):
    response = client_of(coordinator).post(URLS["import"], {"confirm": "1"}, follow=True)

    assert response.redirect_chain[-1][0] == URLS["import"]
    assert "Tuotavaa tiedostoa ei löytynyt. Lähetä se uudelleen." in response.content.decode()


def test_a_new_upload_replaces_the_pending_file(coordinator, client_of, region):
    client = client_of(coordinator)
    row = ["Ohjaamo Hamina", "", "ohjaamo", "public", "", "", ""]
    client.post(URLS["import"], {"file": csv_upload([HEADERS, row])})
    client.post(URLS["import"], {"file": csv_upload([HEADERS, row], name="toinen.csv")})

    assert len(list((settings.MEDIA_ROOT / "imports").iterdir())) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("tiedot.pdf", b"%PDF-1.4 ...", "Vain CSV- ja XLSX-tiedostoja voi tuoda."),
        ("tiedot.docx", b"PK\x03\x04 ...", "Vain CSV- ja XLSX-tiedostoja voi tuoda."),
        ("tiedot.csv", b"", "Lähetetty tiedosto on tyhjä."),
        ("tiedot.csv", b"\n\n", "Tiedosto on tyhjä."),
    ],
)
def test_a_file_that_is_not_csv_or_xlsx_or_is_empty_gets_a_finnish_message(
    coordinator, client_of, region, name, content, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_of(coordinator).post(
        URLS["import"], {"file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
