"""Finnish is the default; Swedish and English live under /sv/ and /en/."""

import pytest
from django.urls import reverse, translate_url
from django.utils import translation
from pytest_django.asserts import assertContains, assertRedirects

from tests.factories import EventFactory, GoodPracticeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_paths(focus_area):
    region = focus_area.strategy.region
    organisation = OrganisationFactory(region=region, slug="ely")
    event = EventFactory(region=region)
    GoodPracticeFactory(region=region)
    return [
        "/",
        "/kaakkois-suomi/",
        "/kaakkois-suomi/painopisteet/1/",
        "/kaakkois-suomi/organisaatiot/",
        f"/kaakkois-suomi/organisaatiot/{organisation.slug}/",
        "/kaakkois-suomi/tapahtumat/",
        "/kaakkois-suomi/tapahtumat/2021/5/",
        f"/kaakkois-suomi/tapahtumat/{event.pk}/",
        "/kaakkois-suomi/hyvat-kaytannot/",
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_public_page_answers_in_swedish_and_english_under_its_prefix(
    client, public_paths, language
):
    for path in public_paths:
        with translation.override("fi"):  # the request before left its language active
            translated = translate_url(path, language)
        response = client.get(translated)

        assert translated.startswith(f"/{language}/"), path
        assert response.status_code == 200, translated
        assertContains(response, f'<html lang="{language}">')


def test_unprefixed_pages_are_finnish_even_when_the_browser_asks_for_english(client, public_paths):
    for path in public_paths:
        response = client.get(path, headers={"accept-language": "en"})

        assertContains(response, '<html lang="fi">')
        assertContains(response, "Tapahtumat")


def test_english_pages_fall_back_to_the_english_source_strings(client, focus_area):
    response = client.get("/en/kaakkois-suomi/")

    assertContains(response, "Strategic focus areas")
    assertContains(response, "Events")


def test_every_page_has_a_labelled_language_switcher_posting_to_set_language(client, region):
    response = client.get("/kaakkois-suomi/")

    assertContains(response, f'action="{reverse("set_language")}" method="post"')
    assertContains(response, '<label for="language-switcher-select">Kieli</label>', html=True)
    assertContains(response, '<option value="fi" lang="fi" selected>Suomi</option>', html=True)
    assertContains(response, '<option value="sv" lang="sv">Svenska</option>', html=True)
    assertContains(response, '<option value="en" lang="en">English</option>', html=True)


def test_choosing_swedish_leads_to_the_same_page_in_swedish(client, region):
    response = client.post(
        reverse("set_language"), {"language": "sv", "next": "/kaakkois-suomi/tapahtumat/"}
    )

    assertRedirects(response, "/sv/kaakkois-suomi/evenemang/")


def test_the_switcher_on_a_swedish_page_can_lead_back_to_finnish(client, region):
    page = client.get("/sv/kaakkois-suomi/evenemang/?page=1")
    assertContains(
        page,
        '<input type="hidden" name="next" value="/kaakkois-suomi/tapahtumat/?page=1">',
        html=True,
    )

    response = client.post(
        reverse("set_language"), {"language": "fi", "next": "/kaakkois-suomi/tapahtumat/?page=1"}
    )

    assertRedirects(response, "/kaakkois-suomi/tapahtumat/?page=1")


def test_every_page_has_a_skip_link_landmarks_and_a_current_navigation_item(client, region):
    response = client.get("/kaakkois-suomi/tapahtumat/")

    assertContains(response, '<a class="skip-link" href="#main">Siirry pääsisältöön</a>', html=True)
    assertContains(response, '<main id="main"')
    assertContains(response, '<nav class="main-nav" aria-label="Päävalikko">')
    assertContains(
        response,
        '<a href="/kaakkois-suomi/tapahtumat/" aria-current="page">Tapahtumat</a>',
        html=True,
    )
    assertContains(response, "<footer")
    assertContains(response, "<h1>", count=1)


def test_an_unknown_page_answers_404_with_a_finnish_page(client, region):
    response = client.get("/kaakkois-suomi/ei-tallaista-sivua/")

    assertContains(response, "Sivua ei löytynyt", status_code=404)
    assertContains(response, '<html lang="fi">', status_code=404)
