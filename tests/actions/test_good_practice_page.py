"""The good practices page lists the region's published good practices."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    FocusAreaFactory,
    GoodPracticeFactory,
    OrganisationFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def good_practices_url(region_slug="kaakkois-suomi"):
    return reverse("actions:good_practice_list", kwargs={"region": region_slug})


def test_good_practices_page_lists_published_practices_in_number_order(client, region):
    GoodPracticeFactory(region=region, number=2, title="Kaakkois-Suomen Työelämäyhteistyöpajat")
    GoodPracticeFactory(region=region, number=1, title="Kaakkois-Suomen Yrittäjyyskasvatustiimi")
    GoodPracticeFactory(region=region, number=3, title="Luonnos", is_published=False)
    GoodPracticeFactory(title="Toisen alueen käytäntö")

    response = client.get(good_practices_url())

    assertContains(response, "<h1>Hyvät käytännöt</h1>", html=True)
    assertContains(response, "Tapahtumat")
    assert [practice.title for practice in response.context["good_practices"]] == [
        "Kaakkois-Suomen Yrittäjyyskasvatustiimi",
        "Kaakkois-Suomen Työelämäyhteistyöpajat",
    ]
    assertContains(response, 'id="kaytanto-1"')
    assertNotContains(response, "Luonnos")
    assertNotContains(response, "Toisen alueen käytäntö")


def test_good_practices_link_to_their_organisations_and_focus_areas(client, region):
    practice = GoodPracticeFactory(region=region, number=3, title="Kaakon OPO-tiimi")
    organisation = OrganisationFactory(region=region, name="Kouvolan kaupunki")
    practice.organisations.add(organisation)
    focus_area = FocusAreaFactory(
        strategy=StrategyFactory(region=region), number=3, title="OHJAUKSEN LAADUN KEHITTÄMINEN"
    )
    practice.focus_areas.add(focus_area)

    response = client.get(good_practices_url())

    assertContains(response, f'<a href="{organisation.get_absolute_url()}">Kouvolan kaupunki</a>')
    assertContains(response, f'href="{focus_area.get_absolute_url()}"')
    assertContains(response, "3. OHJAUKSEN LAADUN KEHITTÄMINEN")


def test_good_practices_page_of_an_unknown_region_answers_404(client, region):
    assert client.get(good_practices_url("ei-ole")).status_code == 404


def test_good_practice_url_points_to_its_anchor_on_the_page(region):
    practice = GoodPracticeFactory(region=region, number=7)

    assert practice.get_absolute_url() == "/kaakkois-suomi/hyvat-kaytannot/#kaytanto-7"


def add_good_practice_rows(region, focus_area, count):
    for practice in GoodPracticeFactory.create_batch(count, region=region):
        practice.organisations.add(*OrganisationFactory.create_batch(2, region=region))
        practice.focus_areas.add(focus_area)


def test_good_practices_page_query_count_does_not_grow_with_rows(
    client, region, focus_area, django_assert_num_queries
):
    url = good_practices_url()
    add_good_practice_rows(region, focus_area, 2)
    # region, good practices, their organisations, their focus areas
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200

    add_good_practice_rows(region, focus_area, 8)
    with django_assert_num_queries(4):
        assert client.get(url).status_code == 200
