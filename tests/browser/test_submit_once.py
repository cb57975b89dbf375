"""A double click on "Tallenna" sends the event form once, and the button shows it works.

The page records, in its session storage, what the save button looked like once the first
submit had gone (disabled, with the working label the page rendered); the next page reads
it. Playwright counts the POSTs the clicks sent: one, and one event.
"""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from events.models import Event
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WATCH_THE_BUTTON = """() => {
  const buttons = document.querySelectorAll("main form button[type=submit]");
  const save = buttons[buttons.length - 1];
  new MutationObserver(() => {
    sessionStorage.setItem("save-button", JSON.stringify([save.disabled, save.textContent.trim()]));
  }).observe(save, {attributes: true, childList: true, subtree: true, characterData: true});
}"""


def test_a_double_click_on_save_creates_one_event_and_the_button_shows_it_works(
    page, editor, region, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    sign_in(page, editor.email)
    add_url = reverse("events:add", kwargs={"region": region.slug})
    posts: list[str] = []
    page.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    page.goto(add_url)
    page.get_by_label("Otsikko", exact=True).fill("Ohjaamo Kotkan avoimet ovet")
    page.get_by_label("Alkamispäivä").fill("2021-09-15")
    working = page.locator("body").get_attribute("data-working-label")
    assert working
    page.evaluate(WATCH_THE_BUTTON)

    page.locator("main form button[type=submit]").last.dblclick()

    expect(page.locator("h1")).to_contain_text("Ohjaamo Kotkan avoimet ovet")
    assert page.evaluate("() => JSON.parse(sessionStorage.getItem('save-button'))") == [
        True,
        working,
    ]
    assert len(posts) == 1
    assert Event.objects.filter(title="Ohjaamo Kotkan avoimet ovet").count() == 1
