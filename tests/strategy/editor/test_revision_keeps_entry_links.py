"""After a revision, logged entries keep their focus areas and goals (in the new version).

Guidance actions, events and good practices link to focus areas (and guidance actions to
goals) of one strategy version. Lists, filters, forms and exports read the current
version, so a revision carries the links over to the copies, matched by focus area.
"""

import datetime as dt

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from actions.models import GoodPractice, GuidanceAction
from coordination import transfer
from events.models import Event
from portal.review import ReviewStatus
from strategy import revisions, services
from strategy.models import Action, FocusArea, Goal
from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    GoalFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(region, strategy, kotka):
    first = FocusAreaFactory(strategy=strategy, number=1, title="Saavutettavuus")
    second = FocusAreaFactory(strategy=strategy, number=2, title="Osaaminen")
    goal = GoalFactory(focus_area=second, title="Ohjaajat osaavat")
    action = GuidanceActionFactory(
        organisation=kotka, year=2021, title="Ohjaamon messut", review_status=ReviewStatus.ACCEPTED
    )
    action.focus_areas.set([first, second])
    action.goals.set([goal])
    event = EventFactory(region=region, title="Verkostokokous", starts_on=dt.date(2021, 5, 3))
    event.focus_areas.set([second])
    practice = GoodPracticeFactory(region=region, number=1, title="OPO-tiimi")
    practice.focus_areas.set([first])
    return {"action": action, "event": event, "practice": practice}


def revise(strategy, coordinator):
    """A new version drafted and published: publishing carries the entries' links over."""
    draft = revisions.start_revision(strategy, "tarkistus 2025", coordinator)
    return revisions.publish_draft(draft, dt.date(2025, 1, 1), "", coordinator)


def current_numbers(queryset):
    return sorted(area.number for area in queryset.filter(strategy__is_current=True))


def test_a_revision_carries_the_entries_links_over_to_the_new_version(
    strategy, coordinator, entries
):
    new = revise(strategy, coordinator)

    action = GuidanceAction.objects.get(pk=entries["action"].pk)
    assert [area.strategy_id for area in action.focus_areas.all()] == [new.pk, new.pk]
    assert current_numbers(action.focus_areas) == [1, 2]
    assert [goal.focus_area.strategy_id for goal in action.goals.all()] == [new.pk]
    assert [goal.title for goal in action.goals.all()] == ["Ohjaajat osaavat"]
    event = Event.objects.get(pk=entries["event"].pk)
    assert current_numbers(event.focus_areas) == [2]
    practice = GoodPractice.objects.get(pk=entries["practice"].pk)
    assert current_numbers(practice.focus_areas) == [1]
    # The old version's rows themselves are left as they were.
    assert FocusArea.objects.filter(strategy=strategy).count() == 2
    assert Goal.objects.filter(focus_area__strategy=strategy).count() == 1


def test_lists_pages_and_exports_show_the_focus_areas_after_a_revision(
    client, strategy, coordinator, region, entries
):
    revise(strategy, coordinator)

    guidance_list = client.get(reverse("guidance:list", args=[region.slug]))
    assert [list(row.focus_areas.all()) for row in guidance_list.context["guidance_actions"]] != [
        []
    ]
    assertContains(guidance_list, "<td>1, 2</td>", html=True)
    detail = client.get(entries["action"].get_absolute_url())
    assertContains(detail, "2. Osaaminen")
    assertContains(detail, "Ohjaajat osaavat")
    assertContains(client.get(entries["practice"].get_absolute_url()), "1. Saavutettavuus")
    headers, rows = transfer.export_rows(region, "ohjaustoimenpiteet")
    (row,) = list(rows)
    assert row[headers.index("Painopisteet")] in ("1; 2", "1;2")


def test_the_list_filter_by_focus_area_finds_entries_logged_before_the_revision(
    client, strategy, coordinator, region, entries
):
    revise(strategy, coordinator)
    second = FocusArea.objects.get(strategy__is_current=True, number=2)

    response = client.get(reverse("guidance:list", args=[region.slug]), {"focus_area": second.pk})

    assert [row.title for row in response.context["guidance_actions"]] == ["Ohjaamon messut"]


def test_entries_linked_to_an_older_version_are_relinked_by_number(
    region, strategy, coordinator, kotka
):
    """Links left on an old version (before revisions carried them over) are mended."""
    old_area = FocusAreaFactory(strategy=strategy, number=3, title="Yhteistyö")
    action = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.ACCEPTED)
    new = revise(strategy, coordinator)
    # As a revision made before the fix left it: linked to the old version's focus area.
    action.focus_areas.set([old_area])

    services.relink_entries_to_current(region)

    assert [(area.strategy_id, area.number) for area in action.focus_areas.all()] == [(new.pk, 3)]


def test_a_revision_carries_the_plan_action_links_over_to_the_copies(strategy, coordinator, kotka):
    area = FocusAreaFactory(strategy=strategy, number=1)
    plan_action = ActionFactory(focus_area=area, title="Ohjaamot kouluihin")
    untouched = ActionFactory(focus_area=area, title="Ei linkkejä")
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.ACCEPTED)
    entry.plan_actions.set([plan_action])
    practice = GoodPracticeFactory(region=strategy.region, number=1)
    practice.actions.set([plan_action])

    new = revise(strategy, coordinator)

    copy = Action.objects.get(focus_area__strategy=new, lineage=plan_action.lineage)
    assert list(entry.plan_actions.all()) == [copy]
    assert list(practice.actions.all()) == [copy]
    assert not Action.objects.get(
        focus_area__strategy=new, lineage=untouched.lineage
    ).guidance_actions.exists()
