"""The organisation's workspace: its entries by year with their review state."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.models import Membership
from portal.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.factories import EventFactory, GuidanceActionFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_an_editor_sees_their_organisations_entries_by_year_with_badges(
    client_of, editor, kotka, lut
):
    GuidanceActionFactory(organisation=kotka, title="Vanha", year=2020)
    GuidanceActionFactory(
        organisation=kotka, title="Odottaa", year=2021, review_status=ReviewStatus.SUBMITTED
    )
    GuidanceActionFactory(
        organisation=kotka, title="Julki", year=2021, review_status=ReviewStatus.ACCEPTED
    )
    GuidanceActionFactory(organisation=lut, title="LUTin luonnos")

    response = client_of(editor).get(url("mine"))

    html = response.content.decode()
    assert html.index("2021") < html.index("2020")
    assertContains(response, "Luonnos")
    assertContains(response, "Odottaa tarkastusta")
    assertContains(response, "Hyväksytty")
    assertNotContains(response, "LUTin luonnos")
    assertContains(response, url("add", kotka.slug))


def test_a_returned_entry_shows_the_coordinators_comment_prominently(client_of, editor, kotka):
    GuidanceActionFactory(
        organisation=kotka,
        review_status=ReviewStatus.RETURNED,
        review_comment="Kerro tavoitettujen nuorten määrä.",
    )

    response = client_of(editor).get(url("mine"))

    assertContains(response, 'role="alert"')
    assertContains(response, "Kerro tavoitettujen nuorten määrä.")


def test_the_coordinator_opens_any_organisations_workspace(client_of, coordinator, lut):
    GuidanceActionFactory(organisation=lut, title="LUTin luonnos")

    response = client_of(coordinator).get(url("mine"), {"organisation": lut.slug})

    assertContains(response, "LUTin luonnos")


def test_an_editor_cannot_open_another_organisations_workspace(
    client_of, editor, lut, editor_of_other_region
):
    assert client_of(editor).get(url("mine"), {"organisation": lut.slug}).status_code == 403
    assert client_of(editor_of_other_region).get(url("mine")).status_code == 404


def test_a_visitor_is_sent_to_sign_in(client, region):
    response = client.get(url("mine"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_viewer_reads_but_cannot_log(client_of, kotka, draft):
    viewer = MembershipFactory(organisation=kotka, role=Membership.Role.VIEWER).user

    response = client_of(viewer).get(url("mine"))

    assertContains(response, draft.title)
    assertNotContains(response, url("add", kotka.slug))


def test_the_workspace_query_count_does_not_grow_with_entries(
    client_of, editor, kotka, lut, django_assert_num_queries
):
    MembershipFactory(user=editor, organisation=lut)
    client = client_of(editor)
    GuidanceActionFactory.create_batch(2, organisation=kotka)
    EventFactory(region=kotka.region).organisers.add(kotka)
    client.get(url("mine"))
    # user (the session is cached), region, the person's roles, organisations, guidance
    # actions, events
    with django_assert_num_queries(6):
        assert client.get(url("mine")).status_code == 200

    GuidanceActionFactory.create_batch(10, organisation=kotka)
    GuidanceActionFactory.create_batch(10, organisation=lut, year=2020)
    for _ in range(5):
        EventFactory(region=kotka.region).organisers.add(kotka, lut)
    with django_assert_num_queries(6):
        assert client.get(url("mine")).status_code == 200


def test_the_workspace_lists_the_organisations_events_with_their_review_state(
    client_of, editor, kotka, lut
):
    returned = EventFactory(
        region=kotka.region,
        title="Kotkan palautettu tapahtuma",
        review_status=ReviewStatus.RETURNED,
        review_comment="Lisää paikka.",
    )
    returned.organisers.add(kotka)
    shared = EventFactory(region=kotka.region, title="Yhteinen tapahtuma")
    shared.organisers.add(kotka, lut)
    EventFactory(region=kotka.region, title="LUTin tapahtuma").organisers.add(lut)

    response = client_of(editor).get(url("mine"))

    assertContains(response, "Kotkan palautettu tapahtuma")
    assertContains(response, "Lisää paikka.")
    assertContains(response, "Yhteinen tapahtuma", count=1)
    assertContains(response, returned.get_absolute_url())
    assertNotContains(response, "LUTin tapahtuma")
    assertContains(response, reverse("events:add", args=[kotka.region.slug]))
