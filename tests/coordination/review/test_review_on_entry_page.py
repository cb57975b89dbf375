"""The coordinator reviews an entry on its own page: accept or return, then the next one."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from portal.review import ReviewStatus
from tests.factories import EventFactory, GuidanceActionFactory

pytestmark = pytest.mark.django_db

SUBMITTED = ReviewStatus.SUBMITTED


def submitted_at(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


def accept_url(kind, entry):
    return reverse("review:accept", args=["kaakkois-suomi", kind, entry.pk])


def return_url(kind, entry):
    return reverse("review:return", args=["kaakkois-suomi", kind, entry.pk])


def test_a_submitted_guidance_action_shows_the_coordinator_accept_and_return(
    client_of, coordinator, kotka
):
    action = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)

    response = client_of(coordinator).get(action.get_absolute_url())

    assertContains(response, f'action="{accept_url("guidance", action)}"')
    assertContains(response, f'action="{return_url("guidance", action)}"')
    assertContains(response, 'name="then" value="next"', count=2)


def test_a_submitted_event_shows_the_coordinator_accept_and_return(
    client_of, coordinator, region, kotka
):
    event = EventFactory(region=region, review_status=SUBMITTED)
    event.organisers.add(kotka)

    response = client_of(coordinator).get(event.get_absolute_url())

    assertContains(response, f'action="{accept_url("event", event)}"')
    assertContains(response, f'action="{return_url("event", event)}"')


@pytest.mark.parametrize("persona", ["editor", "national_team"])
def test_others_see_no_review_buttons(request, client_of, kotka, persona):
    action = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)

    response = client_of(request.getfixturevalue(persona)).get(action.get_absolute_url())

    assert response.status_code == 200
    assertNotContains(response, accept_url("guidance", action))


def test_an_entry_not_waiting_for_review_shows_no_review_buttons(client_of, coordinator, kotka):
    action = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.RETURNED)

    response = client_of(coordinator).get(action.get_absolute_url())

    assertNotContains(response, accept_url("guidance", action))


def test_accepting_on_the_entry_page_opens_the_next_waiting_entry(client_of, coordinator, kotka):
    first = GuidanceActionFactory(
        organisation=kotka, title="Eka", review_status=SUBMITTED, submitted_at=submitted_at(5)
    )
    following = GuidanceActionFactory(
        organisation=kotka, title="Toka", review_status=SUBMITTED, submitted_at=submitted_at(1)
    )

    response = client_of(coordinator).post(
        accept_url("guidance", first), {"then": "next"}, follow=True
    )

    assert response.redirect_chain[-1][0] == following.get_absolute_url()
    assertContains(response, "Eka (2021)")
    first.refresh_from_db()
    assert first.review_status == ReviewStatus.ACCEPTED


def test_returning_the_last_waiting_entry_goes_back_to_the_queue(
    client_of, coordinator, region, kotka, editor, django_capture_on_commit_callbacks
):
    event = EventFactory(region=region, title="Tapaaminen", review_status=SUBMITTED)
    event.organisers.add(kotka)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator).post(
            return_url("event", event), {"then": "next", "comment": "Lisää paikka."}
        )

    assert response.status_code == 302
    assert response.url == reverse("review:queue", args=["kaakkois-suomi"])
    event.refresh_from_db()
    assert event.review_status == ReviewStatus.RETURNED
    assert event.review_comment == "Lisää paikka."
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_a_return_without_a_comment_keeps_the_way_to_the_next_entry(client_of, coordinator, kotka):
    action = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)

    response = client_of(coordinator).post(return_url("guidance", action), {"then": "next"})

    assert response.status_code == 200
    assertContains(response, '<input type="hidden" name="then" value="next">', html=True)
    action.refresh_from_db()
    assert action.review_status == SUBMITTED


def test_the_queue_still_returns_to_the_queue(client_of, coordinator, kotka):
    first, _second = GuidanceActionFactory.create_batch(
        2, organisation=kotka, review_status=SUBMITTED
    )

    response = client_of(coordinator).post(accept_url("guidance", first))

    assert response.url == reverse("review:queue", args=["kaakkois-suomi"])
