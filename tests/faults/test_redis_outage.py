"""With Redis stopped, hung or full, people still sign in, work and save; nothing they did
is lost, they are told what happened, and the pages they read are never stale.

Real requests through the Django test client against a redis-server of the test's own
(``conftest.py``): the cache, the sessions and allauth's rate limit all point at it.
"""

from __future__ import annotations

import logging
import time

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from events.models import Event
from lib.sessions import SessionStore
from reporting.models import PdfJob
from strategy.models import Action
from tests.factories import PASSWORD, ActionFactory

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def cache_warnings(caplog):
    return [record for record in caplog.records if record.name == "kaselo.cache"]


def edit_action_title(client, region, action, title):
    return client.post(
        reverse("editor:action_edit", kwargs={"region": region.slug, "pk": action.pk}),
        {
            "title": title,
            "goals": [],
            "responsible_organisations": [],
            "status": action.status,
        },
        follow=True,
    )


@pytest.fixture
def action(focus_area):
    return ActionFactory(focus_area=focus_area, title="Ohjaamoiden yhteinen chat")


# --- Signing in ------------------------------------------------------------------------------


def test_signing_in_with_redis_stopped_signs_the_person_in_and_logs_it_once(
    own_redis, editor, caplog
):
    own_redis.stop()
    client = Client()

    with caplog.at_level(logging.WARNING):
        response = sign_in(client, editor)
        page = client.get(response.url, follow=True)

    assert response.status_code == 302
    assert page.status_code == 200
    assert page.context["user"] == editor
    assert messages_of(page)  # "signed in as …"
    # The session is in the database, where it survives the outage.
    assert Session.objects.filter(session_key=client.session.session_key).exists()
    # One line for the outage, no traceback per cache call.
    assert len(cache_warnings(caplog)) == 1
    assert not any(record.exc_info for record in caplog.records)


def test_signing_in_with_redis_hung_answers_within_two_seconds(own_redis, editor):
    own_redis.hang()
    client = Client()

    started = time.monotonic()
    response = sign_in(client, editor)
    signed_in = time.monotonic() - started
    started = time.monotonic()
    page = client.get(response.url, follow=True)
    shown = time.monotonic() - started

    assert response.status_code == 302
    assert page.context["user"] == editor
    assert signed_in < 2
    assert shown < 2


def test_a_failed_sign_in_with_redis_stopped_is_refused_not_an_error(own_redis, editor):
    own_redis.stop()

    response = Client().post(
        reverse("account_login"), {"login": editor.email, "password": "väärä-salasana"}
    )

    assert response.status_code == 200  # the form again, with its error
    assert response.context["form"].errors


# --- Working while signed in -----------------------------------------------------------------


@pytest.mark.parametrize("fault", ["stop", "hang"])
def test_signed_in_pages_answer_with_redis_gone(fault, own_redis, coordinator, editor, region):
    coordinator_client, editor_client = Client(), Client()
    sign_in(coordinator_client, coordinator)
    sign_in(editor_client, editor)
    getattr(own_redis, fault)()

    started = time.monotonic()
    editor_home = coordinator_client.get(reverse("editor:home", args=[region.slug]))
    workspace = editor_client.get(reverse("guidance:mine", args=[region.slug]))

    assert time.monotonic() - started < 2  # a hung Redis costs one socket timeout

    # Still signed in (no redirect to the sign-in page): the sessions came from the database.
    assert editor_home.status_code == 200
    assert editor_home.context["user"] == coordinator
    assert workspace.status_code == 200
    assert workspace.context["user"] == editor


@pytest.mark.parametrize("fault", ["stop", "hang"])
def test_an_action_saved_with_redis_gone_is_kept_and_the_person_told(
    fault, own_redis, coordinator, region, action
):
    client = Client()
    sign_in(client, coordinator)
    getattr(own_redis, fault)()

    started = time.monotonic()
    response = edit_action_title(client, region, action, "Ohjaamoiden chat ilman Redistä")

    assert time.monotonic() - started < 2
    assert response.status_code == 200
    assert Action.objects.get(pk=action.pk).title == "Ohjaamoiden chat ilman Redistä"
    assert "Toimenpide tallennettiin." in messages_of(response)
    # The next page shows the saved title, rendered afresh.
    page = client.get(action.focus_area.get_absolute_url())
    assert "Ohjaamoiden chat ilman Redistä" in page.content.decode()


def test_a_pdf_asked_for_with_redis_stopped_is_refused_in_finnish(
    broker_at_own_redis, coordinator, region, django_capture_on_commit_callbacks
):
    client = Client()
    sign_in(client, coordinator)
    broker_at_own_redis.stop()

    # The build is queued when the request's transaction commits (within the request).
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(
            reverse("pdf:request"),
            {"kind": "tno_summary", "region": region.slug, "next": f"/{region.slug}/"},
        )
    status = client.get(asked.url)

    assert asked.status_code == 302
    job = PdfJob.objects.get()
    assert asked.url == reverse("pdf:status", kwargs={"pk": job.pk})
    assert job.status == PdfJob.Status.FAILED
    assert status.status_code == 200
    assert "PDF-tiedoston tekemistä ei voitu aloittaa" in status.content.decode()


@pytest.mark.parametrize("fault", ["stop", "hang"])
def test_an_inline_status_change_with_redis_gone_is_saved_and_its_row_says_so(
    fault, own_redis, coordinator, region, action
):
    client = Client()
    sign_in(client, coordinator)
    getattr(own_redis, fault)()

    started = time.monotonic()
    response = client.post(
        reverse("editor:action_status", kwargs={"region": region.slug, "pk": action.pk}),
        {"status": Action.Status.DONE},
        HTTP_HX_REQUEST="true",
    )

    assert time.monotonic() - started < 2
    assert response.status_code == 200
    assert Action.objects.get(pk=action.pk).status == Action.Status.DONE
    assert response.context["status_saved"] is True
    assert f'id="toimenpide-{action.pk}"' in response.content.decode()


@pytest.mark.parametrize("fault", ["stop", "hang"])
def test_an_event_logged_with_redis_gone_is_kept_and_the_person_told(
    fault, own_redis, editor, region, kotka
):
    client = Client()
    sign_in(client, editor)
    getattr(own_redis, fault)()

    started = time.monotonic()
    response = client.post(
        reverse("events:add", kwargs={"region": region.slug}) + f"?organisation={kotka.slug}",
        {
            "title": "Verkostotapaaminen ilman Redistä",
            "kind": "ohjaamo_meeting",
            "starts_on": "2021-09-15",
            "day_part": "morning",
            "channel": "online",
            "online_url": "https://teams.example.fi/kokous",
            "organisers": [kotka.pk],
        },
        follow=True,
    )

    assert time.monotonic() - started < 3
    assert response.status_code == 200
    event = Event.objects.get(title="Verkostotapaaminen ilman Redistä")
    assert response.redirect_chain[-1][0] == event.get_absolute_url()
    assert messages_of(response), "the person is told the event was saved"
    assert "Verkostotapaaminen ilman Redistä" in response.content.decode()


# --- Redis full: writes refused, pages still fresh --------------------------------------------


def test_with_redis_full_a_saved_title_shows_on_the_public_pages_at_once(
    own_redis, coordinator, region, action
):
    client = Client()
    sign_in(client, coordinator)
    visitor = Client()
    focus_area_url = action.focus_area.get_absolute_url()
    editor_url = reverse("editor:home", args=[region.slug])
    # Both pages cached in Redis with the old title.
    assert "Ohjaamoiden yhteinen chat" in visitor.get(focus_area_url).content.decode()
    assert "Ohjaamoiden yhteinen chat" in client.get(editor_url).content.decode()
    own_redis.fill()

    response = edit_action_title(client, region, action, "Ohjaamoiden chat täydessä Redisissä")

    assert "Toimenpide tallennettiin." in messages_of(response)
    assert Action.objects.get(pk=action.pk).title == "Ohjaamoiden chat täydessä Redisissä"
    for page in (visitor.get(focus_area_url), client.get(editor_url)):
        assert page.status_code == 200
        assert "Ohjaamoiden chat täydessä Redisissä" in page.content.decode()
        assert "Ohjaamoiden yhteinen chat" not in page.content.decode()

    # Once Redis has room again, the pages stay fresh.
    own_redis.make_room()
    page = visitor.get(focus_area_url)
    assert "Ohjaamoiden chat täydessä Redisissä" in page.content.decode()


# --- Sessions: the database is the record --------------------------------------------------


def test_a_session_saved_while_redis_is_full_is_not_read_from_its_old_copy(own_redis, editor):
    client = Client()
    sign_in(client, editor)
    key = client.session.session_key
    store = SessionStore(key)
    store["tervehdys"] = "ennen"
    store.save()  # the copy in Redis says "ennen"
    own_redis.fill()

    store["tervehdys"] = "jälkeen"
    store.save()  # Redis refuses the new copy

    assert SessionStore(key)["tervehdys"] == "jälkeen"
    own_redis.make_room()
    assert SessionStore(key)["tervehdys"] == "jälkeen"


def test_signing_out_while_redis_is_full_signs_out(own_redis, editor):
    client = Client()
    sign_in(client, editor)
    own_redis.fill()

    client.post(reverse("account_logout"))

    assert client.get(reverse("dashboard")).status_code == 302  # to the sign-in page
