"""The organisation directory's text search over name, abbreviation and description."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from network.models import Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def directory_url(region_slug="kaakkois-suomi"):
    return reverse("network:organisation_list", kwargs={"region": region_slug})


def found(client, text):
    response = client.get(directory_url(), {"q": text})
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["object_list"]]


@pytest.fixture
def organisations(region, kotka, lut):
    OrganisationFactory(
        region=region,
        name="Kaakkois-Suomen ammattikorkeakoulu",
        abbreviation="Xamk",
        description="Ammattikorkeakoulu Kotkassa, Kouvolassa, Mikkelissä ja Savonlinnassa.",
    )
    OrganisationFactory(region=region, name="Ohjaamo Imatra")
    OrganisationFactory(name="Ohjaamo Kotka toisella alueella")


def test_directory_has_a_labelled_search_field(client, organisations):
    response = client.get(directory_url())

    assertContains(response, '<label for="id_q">Hae nimellä tai kuvauksella</label>', html=True)
    assertContains(response, 'type="search"')


def test_search_finds_ohjaamo_kotka_by_the_town(client, organisations):
    assert "Ohjaamo Kotka" in found(client, "kotka")


def test_search_finds_the_ohjaamos_by_ohjaamo(client, organisations):
    assert found(client, "Ohjaamo") == ["Ohjaamo Imatra", "Ohjaamo Kotka"]


def test_search_finds_by_a_part_of_the_name(client, organisations):
    assert found(client, "ohjaa") == ["Ohjaamo Imatra", "Ohjaamo Kotka"]


def test_search_finds_by_abbreviation(client, organisations):
    assert found(client, "xamk") == ["Kaakkois-Suomen ammattikorkeakoulu"]


def test_search_finds_by_words_of_the_description(client, organisations):
    assert found(client, "Savonlinnassa") == ["Kaakkois-Suomen ammattikorkeakoulu"]


def test_search_keeps_to_the_region(client, organisations):
    assert "Ohjaamo Kotka toisella alueella" not in found(client, "kotka")


def test_search_combines_with_the_other_filters(client, region, organisations):
    OrganisationFactory(region=region, name="Ohjaamo Hamina", kind=Organisation.Kind.OHJAAMO)

    response = client.get(directory_url(), {"q": "ohjaamo", "kind": "ohjaamo"})

    assert [organisation.name for organisation in response.context["object_list"]] == [
        "Ohjaamo Hamina"
    ]


def test_search_keeps_the_directorys_query_count(client, organisations, django_assert_num_queries):
    # region, province choices of the filter, count for the paginator, the page of
    # organisations, their provinces
    with django_assert_num_queries(5):
        assert found(client, "ohjaamo")
