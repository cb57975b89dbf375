"""A visitor compares two versions of KASELO's strategy on a computer and on a phone."""

import datetime

import pytest
from django.core.management import call_command
from django.utils.translation import gettext, override

from strategy import revisions, services
from strategy.models import Action, Strategy

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def revised(transactional_db):
    """KASELO's demo plan revised once, with an action renamed and another removed."""
    call_command("load_demo", verbosity=0)
    current = Strategy.objects.get(region__slug="kaakkois-suomi", is_current=True)
    new = services.start_revision(current, "tarkistus 2025", None)
    actions = Action.objects.filter(focus_area__strategy=new).order_by("focus_area", "position")
    Action.objects.filter(pk=actions[0].pk).update(title=f"{actions[0].title} ja verkossa")
    actions[1].delete()
    # The public compares published versions only.
    new = revisions.publish_draft(new, datetime.date(2025, 4, 1), "Tarkistettu", None)
    return current, new


@pytest.mark.parametrize("width", [1366, 390])
def test_the_changes_read_without_colour_on_a_computer_and_a_phone(
    page, revised, assert_accessible, width
):
    old, new = revised
    page.set_viewport_size({"width": width, "height": 900})

    page.goto(f"/kaakkois-suomi/versiot/vertaa/?a={old.version}&b={new.version}")

    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the comparison scrolls sideways by {overflow}px"
    added = page.locator(".change__fields ins").first
    with override("fi"):
        # The hidden word a screen reader reads before the added ones.
        assert added.text_content() == f"{gettext('added:')} ja verkossa"
    assert "underline" in added.evaluate("e => getComputedStyle(e).textDecorationLine")
    removed = page.locator(".change--removed")
    assert removed.count() == 1
    legend_del = page.locator(".comparison__legend del")
    assert "line-through" in legend_del.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert_accessible(page)
