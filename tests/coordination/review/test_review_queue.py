"""The coordinator's review queue: guidance actions and events, accepted or returned."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from coordination import review_views
from portal.review import ReviewStatus
from reporting.models import EntryDeadline
from tests.factories import (
    EventFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    OrganisationFactory,
    ProgressUpdateFactory,
)

pytestmark = pytest.mark.django_db

SUBMITTED = ReviewStatus.SUBMITTED
ACCEPTED = ReviewStatus.ACCEPTED


def queue_url(region="kaakkois-suomi"):
    return reverse("review:queue", args=[region])


def accept_url(kind, pk, region="kaakkois-suomi"):
    return reverse("review:accept", args=[region, kind, pk])


def return_url(kind, pk, region="kaakkois-suomi"):
    return reverse("review:return", args=[region, kind, pk])


def submitted_at(days_ago):
    return timezone.now() - dt.timedelta(days=days_ago)


def test_the_queue_lists_submitted_actions_and_events_oldest_first(
    client_of, coordinator, region, kotka, mikkeli
):
    GuidanceActionFactory(
        organisation=kotka, title="Uudempi", review_status=SUBMITTED, submitted_at=submitted_at(1)
    )
    GuidanceActionFactory(
        organisation=kotka, title="Vanhempi", review_status=SUBMITTED, submitted_at=submitted_at(5)
    )
    GuidanceActionFactory(organisation=kotka, title="Luonnos")
    GuidanceActionFactory(organisation=mikkeli, title="Muun alueen", review_status=SUBMITTED)
    event = EventFactory(region=region, title="Ohjaamotapaaminen", review_status=SUBMITTED)
    event.organisers.add(kotka)
    EventFactory(region=region, title="Julkaistu tapahtuma")

    response = client_of(coordinator).get(queue_url())

    assert [entry.title for entry in response.context["guidance"].entries] == [
        "Vanhempi",
        "Uudempi",
    ]
    assert [entry.title for entry in response.context["events"].entries] == ["Ohjaamotapaaminen"]
    assertContains(response, f'href="{event.get_absolute_url()}"')
    assertContains(response, accept_url("event", event.pk))
    assertNotContains(response, "Muun alueen")
    assertNotContains(response, "Julkaistu tapahtuma")


def test_the_queue_shows_the_oldest_entries_and_counts_them_all(
    client_of, coordinator, region, kotka, monkeypatch
):
    monkeypatch.setattr(review_views, "QUEUE_LENGTH", 2)
    for days_ago in (3, 9, 1, 5):
        GuidanceActionFactory(
            organisation=kotka,
            title=f"{days_ago} päivää sitten",
            review_status=SUBMITTED,
            submitted_at=submitted_at(days_ago),
        )

    response = client_of(coordinator).get(queue_url())

    guidance = response.context["guidance"]
    assert [entry.title for entry in guidance.entries] == ["9 päivää sitten", "5 päivää sitten"]
    assert guidance.waiting == 4
    assertContains(response, "Ohjaustoimenpiteet (4)")


def test_the_coordinator_accepts_a_submitted_event(client_of, coordinator, region):
    event = EventFactory(region=region, review_status=SUBMITTED)

    response = client_of(coordinator).post(accept_url("event", event.pk))

    assert response.status_code == 302
    event.refresh_from_db()
    assert event.review_status == ReviewStatus.ACCEPTED


def test_returning_an_event_mails_its_organisers_editors(
    client_of, coordinator, editor, kotka, region, mailoutbox, django_capture_on_commit_callbacks
):
    event = EventFactory(region=region, review_status=SUBMITTED)
    event.organisers.add(kotka)

    with django_capture_on_commit_callbacks(execute=True):
        client_of(coordinator).post(return_url("event", event.pk), {"comment": "Lisää paikka."})

    event.refresh_from_db()
    assert event.review_status == ReviewStatus.RETURNED
    assert [message.to for message in mailoutbox] == [[editor.email]]
    assert f"{settings.SITE_URL}{event.get_absolute_url()}" in mailoutbox[0].body


def test_the_return_form_requires_a_comment(
    client_of, coordinator, kotka, mailoutbox, django_capture_on_commit_callbacks
):
    entry = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)
    client = client_of(coordinator)

    assert client.get(return_url("guidance", entry.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(return_url("guidance", entry.pk), {"comment": "  "})

    assert response.status_code == 200
    assertContains(response, "Tämä kenttä vaaditaan.")
    entry.refresh_from_db()
    assert entry.review_status == SUBMITTED
    assert mailoutbox == []


def test_accepting_an_entry_that_is_not_submitted_says_so_and_changes_nothing(
    client_of, coordinator, kotka
):
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.DRAFT)

    response = client_of(coordinator).post(accept_url("guidance", entry.pk), follow=True)

    assertContains(response, "Vain lähetetyn merkinnän voi hyväksyä.")
    entry.refresh_from_db()
    assert entry.review_status == ReviewStatus.DRAFT


def test_returning_an_accepted_entry_says_so_and_changes_nothing(
    client_of, coordinator, kotka, mailoutbox, django_capture_on_commit_callbacks
):
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.ACCEPTED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator).post(
            return_url("guidance", entry.pk), {"comment": "Muuta"}, follow=True
        )

    assertContains(response, "Vain lähetetyn merkinnän voi palauttaa.")
    entry.refresh_from_db()
    assert entry.review_status == ReviewStatus.ACCEPTED
    assert mailoutbox == []


def test_an_unknown_kind_answers_404(client_of, coordinator, kotka):
    entry = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)

    assert client_of(coordinator).post(accept_url("hanke", entry.pk)).status_code == 404


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("editor", 403),
        ("editor_of_other_organisation", 403),
        ("national_team", 403),
        ("editor_of_other_region", 404),
        ("coordinator_of_other_region", 404),
    ],
)
def test_only_the_regions_coordinator_reviews(request, client_of, kotka, persona, status):
    entry = GuidanceActionFactory(organisation=kotka, review_status=SUBMITTED)
    client = client_of(request.getfixturevalue(persona))

    assert client.get(queue_url()).status_code == status
    assert client.post(accept_url("guidance", entry.pk)).status_code == status
    assert client.post(return_url("guidance", entry.pk), {"comment": "x"}).status_code == status
    entry.refresh_from_db()
    assert entry.review_status == SUBMITTED


def test_a_visitor_is_sent_to_sign_in(client, region):
    assert client.get(queue_url()).status_code == 302


def test_an_entry_of_another_region_answers_404(client_of, coordinator, mikkeli):
    entry = GuidanceActionFactory(organisation=mikkeli, review_status=SUBMITTED)

    assert client_of(coordinator).post(accept_url("guidance", entry.pk)).status_code == 404
    entry.refresh_from_db()
    assert entry.review_status == SUBMITTED


def add_queue_rows(region, count):
    for _ in range(count):
        organisation = OrganisationFactory(region=region)
        GuidanceActionFactory(
            organisation=organisation, review_status=SUBMITTED, submitted_at=timezone.now()
        )
        ProgressUpdateFactory(
            action=GuidanceActionFactory(organisation=organisation, review_status=ACCEPTED),
            review_status=SUBMITTED,
            submitted_at=timezone.now(),
        )
        EventFactory(region=region, review_status=SUBMITTED).organisers.add(organisation)
        GoodPracticeFactory(region=region, number=None, is_published=False)


def test_the_queue_query_count_does_not_grow_with_entries(
    client_of, coordinator, region, django_assert_num_queries
):
    client = client_of(coordinator)
    add_queue_rows(region, 2)
    # A passed entry deadline: the organisations of the rows have logged nothing of 2024.
    EntryDeadline.objects.create(region=region, year=2024, due_date=dt.date(2025, 1, 31))
    # user (the session is cached), region, the person's roles, the passed entry deadline,
    # the organisations behind it, guidance actions with their organisations, progress
    # updates with their entries, events, their organisers, proposals, their focus areas
    with django_assert_num_queries(11):
        assert client.get(queue_url()).status_code == 200
    # Until an entry changes the queue comes from the cache: user, region, roles, and the
    # entry deadline with the organisations behind it, which change with the day.
    with django_assert_num_queries(5):
        assert client.get(queue_url()).status_code == 200

    add_queue_rows(region, 10)
    with django_assert_num_queries(11):
        response = client.get(queue_url())
    assert response.status_code == 200
    assert response.content.decode().count("/organisaatiot/") >= 12


def test_the_dashboard_links_the_queue_with_the_count_waiting(
    client_of, coordinator, region, kotka, mikkeli
):
    GuidanceActionFactory.create_batch(2, organisation=kotka, review_status=SUBMITTED)
    EventFactory(region=region, review_status=SUBMITTED)
    GoodPracticeFactory(region=region, number=None, is_published=False)
    GuidanceActionFactory(organisation=mikkeli, review_status=SUBMITTED)

    response = client_of(coordinator).get(reverse("dashboard"))

    assertContains(response, f'href="{queue_url()}"')
    assertContains(response, "4 odottaa")
    assert response.context["coordinated_regions"][0].waiting_count == 4


def test_the_dashboard_links_an_editor_to_the_workspace(client_of, editor, kotka):
    response = client_of(editor).get(reverse("dashboard"))

    workspace = reverse("guidance:mine", args=["kaakkois-suomi"])
    assertContains(response, f'href="{workspace}?organisation={kotka.slug}"')
