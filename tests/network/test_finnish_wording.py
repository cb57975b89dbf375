"""Sentences that stay correct Finnish whatever the network's name, and empty states.

A network's name ("Kaakkois-Suomen ELO-verkosto") is in the nominative and cannot be
inflected, so sentences name it first, followed by a colon, rather than inside a
sentence where Finnish needs another case ("verkoston ... jäsenorganisaatiot").
"""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from reporting.models import PdfJob
from strategy.models import Action
from tests.factories import InvitationFactory

pytestmark = pytest.mark.django_db


def test_the_guidance_list_names_the_network_first(client, region):
    response = client.get(reverse("guidance:list", args=[region.slug]))

    assertContains(response, f"{region.network_name}: mitä jäsenorganisaatiot tekevät")


def test_the_people_page_names_the_network_first(client_of, coordinator, region):
    response = client_of(coordinator).get(reverse("people:list", args=[region.slug]))

    assertContains(response, f"{region.network_name}: jäsenorganisaatioiden henkilöt")


def test_the_invitation_names_the_network_after_a_colon(region, kotka):
    invitation = InvitationFactory(organisation=kotka)
    context = {
        "invitation": invitation,
        "organisation": kotka,
        "region": region,
        "role": "editor",
        "valid_days": 14,
    }

    with translation.override("en"):
        subject = render_to_string("accounts/email/invitation_subject.txt", context)
        message = render_to_string("accounts/email/invitation_message.txt", context)

    assert subject.strip() == f"Invitation to the ELO portal: {region.network_name}"
    assert f"Network: {region.network_name}." in message
    assert f"of {region.network_name}" not in message


def test_the_invitation_page_names_the_network_after_a_colon(client, region, kotka):
    invitation = InvitationFactory(organisation=kotka)

    response = client.get(reverse("accounts:accept_invitation", args=[invitation.token]))

    assertContains(response, f"Verkosto: {region.network_name}.")


def test_a_finished_pdf_is_not_called_done_as_an_action_is():
    with translation.override("fi"):
        assert str(Action.Status.DONE.label) == "Toteutettu"
        assert str(PdfJob.Status.DONE.label) != "Toteutettu"


def test_an_empty_list_without_filters_does_not_blame_the_filters(client, region, kotka):
    url = reverse("guidance:list", args=[region.slug])

    assertNotContains(client.get(url), "Hakuehtoja vastaavia")
    assertNotContains(client.get(url), "No guidance actions match")
    filtered = client.get(url, {"year": "1999"})
    assert filtered.context["is_filtered"] is True
    assert client.get(url).context["is_filtered"] is False


def test_the_organisation_list_tells_filters_from_an_empty_network(client, region):
    url = reverse("network:organisation_list", args=[region.slug])

    assert client.get(url).context["is_filtered"] is False
    assert client.get(url, {"q": "ei ketään"}).context["is_filtered"] is True
