"""An organisation's editor keeps its profile current; bad input saves nothing."""

import pytest
from django.urls import reverse

from network.models import Organisation
from tests.factories import ProvinceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def url(kotka):
    return reverse(
        "network:organisation_edit", kwargs={"region": kotka.region.slug, "slug": kotka.slug}
    )


def test_the_editor_updates_the_profile_and_sees_it_on_the_public_page(
    kotka, editor, client_of, url
):
    province = ProvinceFactory(region=kotka.region, name="Kymenlaakso")
    response = client_of(editor).post(
        url,
        {
            "abbreviation": "",
            "description": "Alle 30-vuotiaiden matalan kynnyksen palvelupiste.",
            "website": "https://ohjaamokotka.example.fi/",
            "kind": Organisation.Kind.OHJAAMO,
            "sector": Organisation.Sector.PUBLIC,
            "provinces": [province.pk],
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == kotka.get_absolute_url()
    assert "Alle 30-vuotiaiden matalan kynnyksen palvelupiste." in response.content.decode()
    assert "Organisaation tiedot tallennettiin." in response.content.decode()
    kotka.refresh_from_db()
    assert list(kotka.provinces.all()) == [province]


def test_a_bad_website_comes_back_in_finnish_and_saves_nothing(kotka, editor, client_of, url):
    response = client_of(editor).post(
        url,
        {
            "description": "Uusi kuvaus",
            "website": "ei osoite",
            "kind": Organisation.Kind.OHJAAMO,
            "sector": Organisation.Sector.PUBLIC,
        },
    )
    assert response.status_code == 200
    assert "Syötä oikea URL-osoite." in response.content.decode()
    assert 'value="ei osoite"' in response.content.decode()
    kotka.refresh_from_db()
    assert kotka.description == ""


def test_a_province_of_another_region_is_refused(kotka, editor, client_of, url, etela_savo):
    other = ProvinceFactory(region=etela_savo, name="Etelä-Savo")
    response = client_of(editor).post(
        url,
        {"kind": "ohjaamo", "sector": "public", "provinces": [other.pk]},
    )
    assert response.status_code == 200
    assert kotka.provinces.count() == 0


def test_the_edit_link_shows_only_to_those_who_may_edit(kotka, editor, lut, client_of):
    page = kotka.get_absolute_url()
    assert "Muokkaa tietoja" in client_of(editor).get(page).content.decode()
    assert "Muokkaa tietoja" not in client_of(None).get(page).content.decode()
