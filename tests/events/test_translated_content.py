"""The event pages in Swedish: an event's Swedish title and description where they are
written, the Finnish ones marked lang="fi" where not, and the Finnish pages as before."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import (
    EventFactory,
    EventMaterialFactory,
    EventSeriesFactory,
    ProjectFactory,
)
from tests.translated_pages import assert_no_misplaced_markup, page_title, swedish_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated_event(region, focus_area):
    """An upcoming event written in Swedish too, its description only in Finnish, linked to a
    focus area, a series and a project with Swedish names, and a material."""
    focus_area.title_sv = "VÄGLEDNINGENS TILLGÄNGLIGHET"
    focus_area.save()
    series = EventSeriesFactory(region=region, title="TNO-foorumi", title_sv="TNO-forum")
    project = ProjectFactory(region=region, name="Ohjaamohanke", name_sv="Navigatorprojektet")
    event = EventFactory(
        region=region,
        title="Verkostokokous",
        title_sv="Nätverksmöte",
        description="Ensimmäinen kappale.\n\nToinen kappale.",
        starts_on=timezone.localdate() + dt.timedelta(days=3),
        series=series,
    )
    event.focus_areas.add(focus_area)
    event.projects.add(project)
    EventMaterialFactory(event=event, title="Diat", title_sv="Bilder", url="https://example.fi/d")
    return event


@pytest.fixture
def untranslated_event(region):
    return EventFactory(
        region=region,
        title="Ohjaamotapaaminen",
        starts_on=timezone.localdate() + dt.timedelta(days=5),
    )


def test_the_swedish_event_list_shows_swedish_titles_and_marks_finnish_ones(
    client, translated_event, untranslated_event
):
    response = client.get(swedish_url("events:event_list", region="kaakkois-suomi"))

    assertContains(response, ">Nätverksmöte</a>")
    assertNotContains(response, "Verkostokokous")
    assertContains(response, '<span lang="fi">Ohjaamotapaaminen</span>')
    assert_no_misplaced_markup(response.content.decode())


def test_the_swedish_event_page_shows_its_swedish_content_and_the_finnish_fallbacks(
    client, translated_event
):
    response = client.get(
        swedish_url("events:event_detail", region="kaakkois-suomi", pk=translated_event.pk)
    )
    html = response.content.decode()

    assertContains(response, "<h1>Nätverksmöte</h1>", html=True)
    assert page_title(html).startswith("Nätverksmöte")
    # The description has no Swedish text: its paragraphs come in Finnish, marked so.
    assertContains(
        response, '<div lang="fi"><p>Ensimmäinen kappale.</p>\n\n<p>Toinen kappale.</p></div>'
    )
    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET")
    assertContains(response, ">TNO-forum</a>")
    assertContains(response, "Navigatorprojektet")
    assertContains(response, ">Bilder</a>")
    assert_no_misplaced_markup(html)


def test_an_event_without_a_swedish_title_keeps_its_finnish_title_plain_in_the_page_title(
    client, untranslated_event
):
    response = client.get(
        swedish_url("events:event_detail", region="kaakkois-suomi", pk=untranslated_event.pk)
    )
    html = response.content.decode()

    assertContains(response, '<h1><span lang="fi">Ohjaamotapaaminen</span></h1>', html=True)
    assert page_title(html).startswith("Ohjaamotapaaminen")
    assert_no_misplaced_markup(html)


def test_the_swedish_month_and_series_pages_show_swedish_titles(client, translated_event):
    day = translated_event.starts_on
    month = client.get(
        swedish_url("events:event_month", region="kaakkois-suomi", year=day.year, month=day.month)
    )
    series = client.get(
        swedish_url("events:series_detail", region="kaakkois-suomi", pk=translated_event.series_id)
    )

    assertContains(month, ">Nätverksmöte</a>")
    assertContains(series, "<h1>TNO-forum</h1>", html=True)
    assert page_title(series.content.decode()).startswith("TNO-forum")
    for response in (month, series):
        assert_no_misplaced_markup(response.content.decode())


def test_the_finnish_pages_are_unchanged(client, translated_event):
    listing = client.get(reverse("events:event_list", kwargs={"region": "kaakkois-suomi"}))
    page = client.get(
        reverse(
            "events:event_detail", kwargs={"region": "kaakkois-suomi", "pk": translated_event.pk}
        )
    )

    assertContains(listing, ">Verkostokokous</a>")
    assertContains(page, "<h1>Verkostokokous</h1>", html=True)
    assertContains(page, "<p>Ensimmäinen kappale.</p>")
    assertContains(page, ">Diat</a>")
    for response in (listing, page):
        assertNotContains(response, "Nätverksmöte")
        assertNotContains(response, '<span lang="fi">')
        assertNotContains(response, '<div lang="fi">')


def test_the_swedish_event_form_names_the_focus_areas_and_series_in_swedish(
    client_of, editor, translated_event
):
    response = client_of(editor).get(swedish_url("events:add", region="kaakkois-suomi"))

    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET")
    assertContains(response, ">TNO-forum</option>")
    assert_no_misplaced_markup(response.content.decode())
