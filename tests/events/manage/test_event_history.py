"""An event keeps its history: who changed or deleted it, and what it said."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains

from events.models import Event, EventMaterial
from portal.review import ReviewStatus
from tests.events.manage.conftest import add_url, event_url

pytestmark = pytest.mark.django_db


def test_an_edit_and_a_delete_leave_records_with_the_editor(client_of, editor, kotka, event_data):
    client = client_of(editor)
    client.post(add_url(kotka), event_data())
    event = Event.objects.get(title="Ohjaamoiden verkostotapaaminen")
    assert event.review_status == ReviewStatus.DRAFT

    response = client.post(event_url("edit", event), event_data(title="Syystapaaminen"))
    assert response.status_code == 302
    assert client.post(event_url("delete", event)).status_code == 302

    assert not Event.objects.filter(pk=event.pk).exists()
    records = list(Event.history.filter(id=event.pk).order_by("-history_id"))
    assert (records[0].history_type, records[0].history_user) == ("-", editor)
    assert records[0].title == "Syystapaaminen"
    changed = [r for r in records if r.history_type == "~"]
    assert changed
    assert changed[0].history_user == editor
    assert records[-1].history_type == "+"


def test_the_delete_page_lists_the_materials_and_links_that_go(
    client_of, editor, kotka, event_data, focus_area
):
    client = client_of(editor)
    client.post(add_url(kotka), event_data(focus_areas=[focus_area.pk]))
    event = Event.objects.get(title="Ohjaamoiden verkostotapaaminen")
    EventMaterial.objects.create(event=event, title="Diat", url="https://example.fi/diat")

    response = client.get(event_url("delete", event))

    for text in (
        "1 tapahtuman materiaali",
        "1 linkki järjestäjään",
        "1 tapahtuman linkki painopisteeseen",
    ):
        assertContains(response, f"<li>{text}</li>", html=True)


def history_url(event):
    return event_url("history", event)


def test_the_history_page_shows_each_save_with_what_changed(
    client_of, editor, coordinator, kotka, event_data
):
    client = client_of(editor)
    client.post(add_url(kotka), event_data())
    event = Event.objects.get(title="Ohjaamoiden verkostotapaaminen")
    client.post(event_url("edit", event), event_data(title="Syystapaaminen"))

    assertContains(client.get(event_url("event_detail", event)), history_url(event))
    for person in (editor, coordinator):
        response = client_of(person).get(history_url(event))
        assert response.status_code == 200
        entries = response.context["entries"]
        assert [entry.history_type for entry in entries][:1] == ["~"]
        assert entries[-1].history_type == "+"
        title = next(
            c
            for c in entries[0].changes
            if c.label == str(Event._meta.get_field("title").verbose_name)
        )
        assert (title.before, title.after) == ("Ohjaamoiden verkostotapaaminen", "Syystapaaminen")

    # The page costs the same whatever the number of saves.
    with CaptureQueriesContext(connection) as few:
        client.get(history_url(event))
    for n in range(5):
        client.post(event_url("edit", event), event_data(title=f"Syystapaaminen {n}"))
    with CaptureQueriesContext(connection) as many:
        client.get(history_url(event))
    assert len(many) == len(few)


@pytest.mark.parametrize(
    "persona",
    ["anonymous", "viewer", "editor_of_other_organisation", "coordinator_of_other_region"],
)
def test_only_the_events_own_people_and_its_coordinator_read_its_history(
    client_of, editor, kotka, event_data, persona, request
):
    client_of(editor).post(add_url(kotka), event_data())
    event = Event.objects.get(title="Ohjaamoiden verkostotapaaminen")
    user = None if persona == "anonymous" else request.getfixturevalue(persona)

    response = (
        client_of(user).get(history_url(event)) if user else client_of(None).get(history_url(event))
    )

    assert response.status_code in (302, 403, 404)
    if user is not None:
        assert response.status_code in (403, 404)
