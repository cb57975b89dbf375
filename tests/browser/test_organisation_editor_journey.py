"""An Ohjaamo counsellor logs the organisation's guidance action and event in the browser.

The editor of Ohjaamo Kotka logs an action with a progress update and submits it, then
logs an event and submits it; the coordinator accepts both and the public sees them.
axe-core checks every page on the way.
"""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from actions.models import GuidanceAction
from events.models import Event
from network.models import Membership, Organisation
from portal.review import ReviewStatus
from portal.review_services import accept
from tests.browser.conftest import sign_in
from tests.factories import MembershipFactory, UserFactory

# serialized_rollback: the rows data migrations seed (target groups, channels) survive the
# flush that follows each live-server test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def counsellor(transactional_db, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    call_command("load_demo", verbosity=0)
    kotka = Organisation.objects.get(region__slug="kaakkois-suomi", name="Ohjaamo Kotka")
    user = UserFactory(email="ohjaaja@ohjaamokotka.example", first_name="Onni")
    MembershipFactory(user=user, organisation=kotka, role=Membership.Role.EDITOR)
    return user


def test_the_counsellor_logs_an_action_and_an_event_that_become_public_once_accepted(
    page, counsellor, assert_accessible
):
    sign_in(page, counsellor.email)
    assert_accessible(page)

    # The guidance action, with a progress update.
    page.goto("/kaakkois-suomi/ohjaustoimenpiteet/oma/")
    assert_accessible(page)
    page.get_by_role("link", name="Kirjaa uusi ohjaustoimenpide").first.click()
    assert_accessible(page)
    page.get_by_label("Otsikko", exact=True).fill("Työnhaun ryhmävalmennus nuorille")
    page.get_by_label("Vuosi").fill("2021")
    page.get_by_label("Nuoret").check()
    page.get_by_label("Ryhmässä").check()
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("h1")).to_have_text("Työnhaun ryhmävalmennus nuorille")
    assert_accessible(page)

    page.get_by_role("link", name="Lisää edistymispäivitys").click()
    assert_accessible(page)
    page.get_by_label("Päivämäärä").fill("2021-06-01")
    page.get_by_label("Kuvaus", exact=True).fill("Kevään ryhmä päättyi, kahdeksan osallistujaa.")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("main")).to_contain_text("Kevään ryhmä päättyi")
    page.get_by_role("button", name="Lähetä tarkastettavaksi").click()
    action = GuidanceAction.objects.get(title="Työnhaun ryhmävalmennus nuorille")
    assert action.review_status == ReviewStatus.SUBMITTED

    # The event.
    page.goto("/kaakkois-suomi/tapahtumat/lisaa/")
    assert_accessible(page)
    page.get_by_label("Otsikko", exact=True).fill("Ohjaamo Kotkan avoimet ovet")
    page.get_by_label("Alkamispäivä").fill("2021-09-15")
    page.get_by_role("button", name="Tallenna").click()
    expect(page.locator("h1")).to_contain_text("Ohjaamo Kotkan avoimet ovet")
    assert_accessible(page)
    page.get_by_role("button", name="Lähetä tarkastettavaksi").click()
    event = Event.objects.get(title="Ohjaamo Kotkan avoimet ovet")
    assert event.review_status == ReviewStatus.SUBMITTED

    # Nothing is public before the coordinator accepts; everything after.
    page.goto("/kaakkois-suomi/ohjaustoimenpiteet/")
    expect(page.locator("main")).not_to_contain_text("Työnhaun ryhmävalmennus nuorille")
    accept(action, reviewer=None)
    accept(event, reviewer=None)
    page.goto("/kaakkois-suomi/ohjaustoimenpiteet/")
    expect(page.locator("main")).to_contain_text("Työnhaun ryhmävalmennus nuorille")
    assert_accessible(page)
    page.goto("/kaakkois-suomi/tapahtumat/2021/9/")
    expect(page.locator("main")).to_contain_text("Ohjaamo Kotkan avoimet ovet")
