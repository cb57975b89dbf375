"""Every page that asks before deleting or removing asks the same way
(``templates/includes/confirm_delete.html``): one heading with the question, the danger
button in a POST form, and a link back."""

import re

import pytest
from django.urls import reverse

from network.models import Membership
from tests.factories import (
    ActionFactory,
    EventFactory,
    EventMaterialFactory,
    GuidanceActionFactory,
    InvitationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(region, kotka, focus_area, editor):
    slug = region.slug
    event = EventFactory(region=region, title="Kevätkokous")
    material = EventMaterialFactory(event=event, title="Diat")
    entry = GuidanceActionFactory(organisation=kotka, title="Ryhmävalmennus")
    action = ActionFactory(focus_area=focus_area, title="Yhteinen kalenteri")
    membership = Membership.objects.get(user=editor)
    invitation = InvitationFactory(organisation=kotka, email="uusi@kaselo.example")
    return {
        "guidance:delete": (
            reverse("guidance:delete", args=[slug, entry.pk]),
            "Poistetaanko tämä ohjaustoimenpide?",
            "Poista",
            entry.get_absolute_url(),
        ),
        "events:delete": (
            reverse("events:delete", args=[slug, event.pk]),
            "Poistetaanko ”Kevätkokous”?",
            "Poista",
            reverse("events:event_detail", args=[slug, event.pk]),
        ),
        "events:material_delete": (
            reverse("events:material_delete", args=[slug, material.pk]),
            "Poistetaanko ”Diat”?",
            "Poista",
            reverse("events:event_detail", args=[slug, event.pk]) + "#materials",
        ),
        "editor:action_delete": (
            reverse("editor:action_delete", args=[slug, action.pk]),
            None,
            "Poista",
            None,
        ),
        "people:remove_membership": (
            reverse("people:remove_membership", args=[slug, membership.pk]),
            "Poista jäsen",
            "Poista",
            reverse("people:list", args=[slug]),
        ),
        "people:revoke_invitation": (
            reverse("people:revoke_invitation", args=[slug, invitation.pk]),
            "Peru kutsu",
            "Peru",
            reverse("people:list", args=[slug]),
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "guidance:delete",
        "events:delete",
        "events:material_delete",
        "editor:action_delete",
        "people:remove_membership",
        "people:revoke_invitation",
    ],
)
def test_each_confirmation_has_one_heading_a_danger_button_and_a_way_back(
    name, pages, coordinator, client_of, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    url, question, button, cancel_url = pages[name]

    response = client_of(coordinator).get(url)

    assert response.status_code == 200
    main = response.content.decode().split("<main", 1)[1]
    headings = re.findall(r"<h1[^>]*>(.*?)</h1>", main, re.S)
    assert len(headings) == 1
    if question:
        assert headings[0].strip() == question
    assert re.search(r'<form method="post" class="editor-form">', main)
    buttons = re.findall(r'<button type="submit" class="button-danger">(.*?)</button>', main)
    if button:
        assert buttons == [button]
    if cancel_url:
        assert f'<a href="{cancel_url}">Peruuta</a>' in main
