"""A visitor reads KASELO's public pages in the browser; each passes axe-core."""

import pytest
from django.core.management import call_command

# serialized_rollback: the rows data migrations seed (target groups, channels) survive the
# flush that follows each live-server test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def kaselo(transactional_db):
    call_command("load_demo", verbosity=0)


def test_a_visitor_finds_the_strategy_and_an_event_by_keyboard_and_links(
    page, kaselo, assert_accessible
):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Kaakkois-Suomen ELO-verkosto"
    assert_accessible(page)

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == ("Siirry pääsisältöön")

    page.get_by_role("link", name="MONIALAISEN YHTEISTYÖN KOORDINOINTI JA KEHITTÄMINEN").click()
    assert "MONIALAISEN YHTEISTYÖN" in page.locator("h1").inner_text()
    assert_accessible(page)

    page.get_by_role("navigation", name="Päävalikko").get_by_role(
        "link", name="Organisaatiot"
    ).click()
    assert_accessible(page)
    page.get_by_role("link", name="LUT-yliopisto").click()
    assert page.locator("h1").inner_text() == "LUT-yliopisto"
    assert_accessible(page)

    page.goto("/kaakkois-suomi/tapahtumat/2021/5/")
    assert_accessible(page)
    page.get_by_role("link", name="TNO-foorumi").first.click()
    assert "TNO-foorumi" in page.locator("h1").inner_text()
    assert_accessible(page)

    page.goto("/kaakkois-suomi/tapahtumat/")
    assert_accessible(page)
    page.goto("/kaakkois-suomi/hyvat-kaytannot/")
    assert_accessible(page)


def test_the_pages_read_well_on_a_phone(page, kaselo, assert_accessible):
    page.set_viewport_size({"width": 360, "height": 740})
    for path in ("/", "/kaakkois-suomi/painopisteet/1/", "/kaakkois-suomi/tapahtumat/2021/5/"):
        page.goto(path)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow}px"
        assert_accessible(page)
