"""A guidance entry keeps its history: who changed or deleted it, and what it said."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from actions.models import GuidanceAction
from tests.actions.guidance.conftest import url
from tests.factories import ProgressUpdateFactory, UserFactory, target_group

pytestmark = pytest.mark.django_db


def test_an_edit_and_a_delete_leave_records_with_the_editor(
    client_of, editor, draft, focus_area, goal
):
    client = client_of(editor)
    data = {
        "title": "Ohjaamon jalkautuva ohjaus kouluilla",
        "year": "2021",
        "focus_areas": [focus_area.pk],
        "goals": [goal.pk],
        "status": "ongoing",
    }

    assert client.post(url("edit", draft.pk), data).status_code == 302
    assert client.post(url("delete", draft.pk)).status_code == 302

    assert not GuidanceAction.objects.filter(pk=draft.pk).exists()
    deleted, changed = GuidanceAction.history.filter(id=draft.pk).order_by("-history_id")[:2]
    assert (deleted.history_type, deleted.history_user) == ("-", editor)
    assert deleted.title == "Ohjaamon jalkautuva ohjaus kouluilla"
    assert (changed.history_type, changed.history_user) == ("~", editor)
    assert changed.title == "Ohjaamon jalkautuva ohjaus kouluilla"


def test_the_admin_shows_an_entrys_history(client_of, draft):
    admin = UserFactory(is_staff=True, is_superuser=True)
    draft.title = "Muutettu otsikko"
    draft.save()

    response = client_of(admin).get(
        reverse("admin:actions_guidanceaction_history", args=[draft.pk])
    )

    assertContains(response, "Muutettu otsikko")


def test_the_delete_page_lists_the_updates_and_links_that_go(client_of, editor, draft, goal):
    ProgressUpdateFactory.create_batch(2, action=draft)
    draft.goals.set([goal])
    draft.target_groups.set([target_group("nuoret")])

    response = client_of(editor).get(url("delete", draft.pk))

    for text in (
        "2 edistymispäivitystä",
        "1 ohjaustoimenpiteen linkki tavoitteeseen",
        "1 linkki kohderyhmään",
    ):
        assertContains(response, f"<li>{text}</li>", html=True)
