"""Two people on one event, a form opened before the event was accepted, a stale review
decision, and one event form sent twice at the same moment."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains

from events.models import Event, EventSeries
from portal import review_services
from portal.review import ReviewStatus
from tests.concurrency import form_data, post_twice_at_once
from tests.events.manage.conftest import add_url, event_url
from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def draft(region, kotka):
    event = EventFactory(
        region=region, title="Verkostotapaaminen", review_status=ReviewStatus.DRAFT
    )
    event.organisers.set([kotka])
    return event


def test_the_second_of_two_editors_saving_one_event_is_refused(editor, draft):
    first, second = signed_in(editor), signed_in(editor)
    url = event_url("edit", draft)
    first_form, second_form = first.get(url), second.get(url)

    assert first.post(url, form_data(first_form, title="Ensimmäisen otsikko")).status_code == 302
    refused = second.post(url, form_data(second_form, title="Toisen otsikko"))

    assert refused.status_code == 200
    assertContains(refused, 'class="stale-changes"')
    assertContains(refused, "Toisen otsikko")
    draft.refresh_from_db()
    assert draft.title == "Ensimmäisen otsikko"


def test_an_editors_form_opened_before_acceptance_does_not_send_the_event_back_to_draft(
    editor, coordinator, draft
):
    client = signed_in(editor)
    url = event_url("edit", draft)
    opened = client.get(url)
    Event.objects.filter(pk=draft.pk).update(
        review_status=ReviewStatus.SUBMITTED, submitted_at=timezone.now()
    )
    review_services.accept(Event.objects.get(pk=draft.pk), coordinator)

    refused = client.post(url, form_data(opened, title="Muutettu ennen hyväksyntää"))

    assert refused.status_code == 200
    assertContains(refused, "Muutettu ennen hyväksyntää")
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.ACCEPTED
    assert draft.title == "Verkostotapaaminen"


def test_a_review_decision_on_an_entry_that_changed_since_it_was_shown_is_refused(
    coordinator, draft
):
    draft.review_status = ReviewStatus.SUBMITTED
    draft.submitted_at = timezone.now()
    draft.save()
    shown = review_services.shown_version(draft)
    # Meanwhile another coordinator returned it and the editor sent it again, changed.
    review_services.return_for_changes(Event.objects.get(pk=draft.pk), coordinator, "Muuta")
    Event.objects.filter(pk=draft.pk).update(
        title="Uusi sisältö", review_status=ReviewStatus.SUBMITTED, submitted_at=timezone.now()
    )
    client = signed_in(coordinator)
    url = reverse(
        "review:accept", kwargs={"region": draft.region.slug, "kind": "event", "pk": draft.pk}
    )

    client.post(url, {"shown": shown})

    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.SUBMITTED
    # With the version it shows now, the decision goes through.
    client.post(url, {"shown": review_services.shown_version(draft)})
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.ACCEPTED


def test_the_queue_and_the_entry_page_send_the_version_shown(coordinator, draft):
    Event.objects.filter(pk=draft.pk).update(
        review_status=ReviewStatus.SUBMITTED, submitted_at=timezone.now()
    )
    shown = review_services.shown_version(Event.objects.get(pk=draft.pk))
    page = signed_in(coordinator).get(draft.get_absolute_url())
    assertContains(page, f'name="shown" value="{shown}"', count=2)


@pytest.mark.django_db(transaction=True)
def test_one_event_form_with_a_new_series_sent_twice_at_once_creates_one_event_and_series(
    region, kotka, editor, event_data
):
    url = add_url(kotka)
    client = signed_in(editor)
    token = form_data(client.get(url))["submission_token"]
    data = event_data(new_series="Syksyn tapaamiset", submission_token=token)

    statuses = post_twice_at_once(editor, url, data)

    assert statuses == [302, 302]
    assert Event.objects.filter(title=data["title"]).count() == 1
    assert EventSeries.objects.filter(title="Syksyn tapaamiset").count() == 1
