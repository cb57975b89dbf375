"""The language switch in the browser: a visitor reading a page in Swedish chooses English
and reads the same page at its English address; an old Finnish address under /sv/ opens
the page at its Swedish one."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def address(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_a_swedish_reader_switches_to_english_and_stays_on_the_focus_area(page, focus_area):
    page.set_viewport_size({"width": 1366, "height": 900})
    kwargs = {"region": "kaakkois-suomi", "number": 1}
    page.goto(address("sv", "strategy:focus_area_detail", **kwargs))
    assert page.url.endswith("/sv/kaakkois-suomi/fokusomraden/1/")

    page.select_option("#language-switcher-select", "en")
    page.locator(".language-switcher button[type=submit]").click()

    expect(page).to_have_url(address("en", "strategy:focus_area_detail", **kwargs))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def test_an_old_finnish_bookmark_under_sv_opens_the_swedish_page(page, region):
    page.goto("/sv/kaakkois-suomi/hankkeet/")

    expect(page).to_have_url("/sv/kaakkois-suomi/projekt/")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
