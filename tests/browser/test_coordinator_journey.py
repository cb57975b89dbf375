"""The KASELO coordinator edits the action plan in the browser, as they would each week.

Signs in, edits an action, reorders actions, starts a revision, and finds the change in
the history and on the public pages; axe-core checks every page on the way.
"""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from strategy.models import Action, Strategy
from tests.browser.conftest import sign_in
from tests.factories import CoordinatorFactory, UserFactory

# serialized_rollback: the rows data migrations seed (target groups, channels) survive the
# flush that follows each live-server test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def coordinator(transactional_db, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    call_command("load_demo", verbosity=0)
    user = UserFactory(email="kaisa@kaselo.example", first_name="Kaisa")
    region = Strategy.objects.get(is_current=True, region__slug="kaakkois-suomi").region
    CoordinatorFactory(user=user, region=region)
    return user


def test_the_coordinator_edits_reorders_revises_and_sees_it_in_history_and_public(
    page, coordinator, assert_accessible
):
    sign_in(page, coordinator.email)
    expect(page.locator("h1")).to_have_text("Omat sivut")
    assert_accessible(page)

    page.goto("/kaakkois-suomi/muokkaa/")
    assert_accessible(page)

    # Edit the first action of focus area 1.
    first, second = Action.objects.filter(
        focus_area__strategy__is_current=True, focus_area__number=1
    ).order_by("position")[:2]
    page.locator(f"#toimenpiteet-{first.focus_area_id}").get_by_role(
        "link", name=re.compile("Muokkaa " + re.escape(first.title))
    ).click()
    assert_accessible(page)
    page.get_by_label("Seuranta").fill("Seurataan verkoston kokouksissa kahdesti vuodessa.")
    page.get_by_role("button", name="Tallenna").click()
    assert_accessible(page)

    # Move the second action above the first.
    page.goto("/kaakkois-suomi/muokkaa/")
    assert (
        "script-src 'self'"
        in page.request.get("/kaakkois-suomi/muokkaa/").headers["content-security-policy"]
    )
    with page.expect_response(lambda response: response.request.method == "POST") as moved:
        page.get_by_role("button", name=f"Siirrä ”{second.title}” ylös").click()
    # htmx made the move under the strict policy (the page fixture fails on any refusal).
    assert moved.value.request.headers.get("hx-request") == "true"
    page.wait_for_load_state("networkidle")
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.position < first.position

    # Start the next revision.
    page.goto("/kaakkois-suomi/muokkaa/uusi-versio/")
    assert_accessible(page)
    page.get_by_label("Uuden version nimi").fill("tarkistus 2025")
    page.get_by_role("button", name="Luo luonnos").click()
    # The new version is a draft the public does not see until it is published.
    draft = Strategy.objects.drafts().get(region__slug="kaakkois-suomi")
    assert draft.version_label == "tarkistus 2025"
    page.goto("/")
    expect(page.locator("main")).not_to_contain_text("tarkistus 2025")
    page.goto("/kaakkois-suomi/muokkaa/luonnos/julkaise/")
    assert_accessible(page)
    page.get_by_label("Julkaisupäivä").fill("2025-04-01")
    page.get_by_label("Mitä tässä versiossa muuttui").fill("Toimenpiteiden järjestys tarkistettu.")
    page.get_by_role("button", name="Julkaise").click()
    page.wait_for_load_state("networkidle")
    current = Strategy.objects.get(region__slug="kaakkois-suomi", is_current=True)
    # The demo holds two versions (14.4.2021 and 21.10.2021): this revision is the third.
    assert current.version == 3
    assert current.version_label == "tarkistus 2025"

    # The history shows the edit, with who made it.
    page.goto(f"/kaakkois-suomi/muokkaa/historia/action/{first.pk}/")
    assert_accessible(page)
    expect(page.locator("main")).to_contain_text(
        "Seurataan verkoston kokouksissa kahdesti vuodessa."
    )
    expect(page.locator("main")).to_contain_text("Kaisa")
    page.goto("/kaakkois-suomi/muokkaa/historia/")
    assert_accessible(page)

    # The public site shows the new version; the old one stays readable.
    page.goto("/")
    expect(page.locator("main")).to_contain_text("tarkistus 2025")
    page.goto("/kaakkois-suomi/painopisteet/1/")
    expect(page.locator("main")).to_contain_text(
        "Seurataan verkoston kokouksissa kahdesti vuodessa."
    )
    # The version it replaced (the demo's second, of 21.10.2021) stays readable.
    page.goto("/kaakkois-suomi/versiot/2/")
    expect(page.locator("main")).to_contain_text("21.10.2021")
    assert_accessible(page)
