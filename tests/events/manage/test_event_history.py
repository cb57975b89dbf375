"""An event keeps its history: who changed or deleted it, and what it said."""

import pytest
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
