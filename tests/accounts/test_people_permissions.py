"""Who may use the people pages: a table of persona, page, method and the answer."""

import pytest
from django.urls import reverse

from accounts.models import Invitation
from network.models import Membership
from tests.factories import InvitationFactory
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

PAGES = ["list", "invite", "remove_membership", "revoke_invitation"]

# The coordinator of the region manages its people; people of the region with weaker
# roles (and the national team) get 403; everyone else 404, so they do not learn what exists.
EXPECTED = {
    "visitor": 302,
    "editor": 403,
    "editor_of_other_organisation": 403,
    "editor_of_other_region": 404,
    "coordinator": 200,
    "coordinator_of_other_region": 404,
    "national_team": 403,
}


@pytest.fixture
def urls(region, kotka, editor):
    membership = Membership.objects.get(user=editor)
    invitation = InvitationFactory(organisation=kotka)
    return {
        "list": reverse("people:list", args=[region.slug]),
        "invite": reverse("people:invite", args=[region.slug]),
        "remove_membership": reverse("people:remove_membership", args=[region.slug, membership.pk]),
        "revoke_invitation": reverse("people:revoke_invitation", args=[region.slug, invitation.pk]),
    }


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_people_pages_answer_each_persona(personas, client_of, urls, persona, page):
    response = client_of(personas[persona]).get(urls[page])

    assert response.status_code == EXPECTED[persona]
    if persona == "visitor":
        assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize("page", ["invite", "remove_membership", "revoke_invitation"])
@pytest.mark.parametrize("persona", ["editor", "coordinator_of_other_region"])
def test_people_changes_are_refused_to_others_and_change_nothing(
    request, client_of, urls, persona, page
):
    before = (Membership.objects.count(), Invitation.objects.count())

    response = client_of(request.getfixturevalue(persona)).post(urls[page], {})

    assert response.status_code == EXPECTED[persona]
    assert (Membership.objects.count(), Invitation.objects.count()) == before


def test_the_dashboard_sends_a_visitor_to_sign_in(client):
    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
