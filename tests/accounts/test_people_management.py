"""The coordinator's people pages: members, pending invitations, removing and withdrawing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Invitation
from network.models import Membership
from tests.factories import InvitationFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_the_people_list_shows_members_and_pending_invitations_of_the_region_only(
    client_of, coordinator, region, kotka, editor, mikkeli, editor_of_other_region
):
    InvitationFactory(organisation=kotka, email="odottaa@kotka.example")
    InvitationFactory(organisation=mikkeli, email="toinen-alue@esa.example")

    html = client_of(coordinator).get(reverse("people:list", args=[region.slug])).content.decode()

    assert "toimittaja@kaselo.example" in html
    assert "odottaa@kotka.example" in html
    assert "muu@esa.example" not in html
    assert "toinen-alue@esa.example" not in html


def test_the_people_list_takes_the_same_queries_for_more_people(
    client_of, coordinator, region, kotka, lut
):
    client = client_of(coordinator)
    MembershipFactory(organisation=kotka)
    InvitationFactory(organisation=kotka)
    url = reverse("people:list", args=[region.slug])
    client.get(url)  # warm up

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        MembershipFactory(organisation=lut)
        InvitationFactory(organisation=lut)
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    # session, user, roles (coordinators, memberships), region, organisations,
    # their memberships with users, pending invitations: the same for any number of people.
    assert len(many) == len(few)


def test_removing_a_membership_asks_for_confirmation_first(client_of, coordinator, region, editor):
    membership = Membership.objects.get(user=editor)
    url = reverse("people:remove_membership", args=[region.slug, membership.pk])

    page = client_of(coordinator).get(url)

    assert page.status_code == 200
    assert "toimittaja@kaselo.example" in page.content.decode()
    assert 'method="post"' in page.content.decode()
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_coordinator_removes_a_person_from_an_organisation(
    client_of, coordinator, region, editor
):
    membership = Membership.objects.get(user=editor)

    response = client_of(coordinator).post(
        reverse("people:remove_membership", args=[region.slug, membership.pk])
    )

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()
    assert type(editor).objects.filter(pk=editor.pk).exists()  # the account stays


def test_a_membership_of_another_region_cannot_be_removed_through_this_one(
    client_of, coordinator, region, editor_of_other_region
):
    membership = Membership.objects.get(user=editor_of_other_region)

    response = client_of(coordinator).post(
        reverse("people:remove_membership", args=[region.slug, membership.pk])
    )

    assert response.status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_withdrawing_an_invitation_asks_confirmation_and_the_link_stops_working(
    client_of, client, coordinator, region, kotka
):
    invitation = InvitationFactory(organisation=kotka)
    url = reverse("people:revoke_invitation", args=[region.slug, invitation.pk])
    coordinator_client = client_of(coordinator)

    assert coordinator_client.get(url).status_code == 200
    assert Invitation.objects.filter(pk=invitation.pk).exists()
    response = coordinator_client.post(url)

    assert response.status_code == 302
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
    accept = client.get(reverse("accounts:accept_invitation", args=[invitation.token]))
    assert accept.status_code == 404
