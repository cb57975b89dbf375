"""The dashboard: a person's roles and where they lead."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from network.models import Membership
from tests.factories import CoordinatorFactory, MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_coordinator_sees_the_editor_and_people_links_of_the_region(
    client_of, coordinator, region
):
    html = client_of(coordinator).get(reverse("accounts:dashboard")).content.decode()

    assert "/kaakkois-suomi/muokkaa/" in html
    assert reverse("people:list", args=[region.slug]) in html
    assert reverse("mfa_index") in html


def test_an_editor_sees_the_organisation_and_role_but_no_coordinator_links(client_of, editor):
    html = client_of(editor).get(reverse("accounts:dashboard")).content.decode()

    assert "Ohjaamo Kotka" in html
    assert "Muokkaaja" in html
    assert "/muokkaa/" not in html
    assert "/ihmiset/" not in html


def test_the_national_team_is_told_of_its_role(client_of, national_team):
    html = client_of(national_team).get(reverse("accounts:dashboard")).content.decode()

    assert "Valtakunnallinen tiimi" in html


def test_the_dashboard_takes_the_same_queries_for_many_roles(client_of, coordinator, region):
    client = client_of(coordinator)
    MembershipFactory(user=coordinator, organisation=OrganisationFactory(region=region))
    url = reverse("accounts:dashboard")
    client.get(url)

    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        MembershipFactory(
            user=coordinator, organisation=OrganisationFactory(), role=Membership.Role.VIEWER
        )
        CoordinatorFactory(user=coordinator)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)

    # session, user, coordinated regions, memberships with organisations and regions
    assert len(many) == len(few) <= 4
    assert response.content.decode().count("/muokkaa/") == 5
