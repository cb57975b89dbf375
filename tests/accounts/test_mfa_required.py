"""Coordinators and the national team must set up TOTP when the setting asks for it."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "national_team"])
def test_a_privileged_person_without_totp_is_sent_to_set_it_up(
    request, client_of, settings, persona
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    client = client_of(request.getfixturevalue(persona))

    response = client.get(reverse("accounts:dashboard"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_signing_out_stays_open_while_totp_is_missing(client_of, coordinator, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True

    response = client_of(coordinator).post(reverse("account_logout"))

    assert response.url != reverse("mfa_activate_totp")


def test_a_coordinator_signing_in_can_reach_totp_set_up_through_the_password_check(
    client, coordinator, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})

    asked = client.get(reverse("accounts:dashboard"))
    assert asked.url == reverse("mfa_activate_totp")
    reauthenticate = client.get(asked.url)
    assert reauthenticate.url.startswith(reverse("account_reauthenticate"))
    assert client.get(reauthenticate.url).status_code == 200
    confirmed = client.post(reauthenticate.url, {"password": PASSWORD})
    assert confirmed.url == reverse("mfa_activate_totp")
    assert client.get(confirmed.url).status_code == 200


def test_nothing_is_required_when_the_setting_is_off(client_of, coordinator, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False

    response = client_of(coordinator).get(reverse("accounts:dashboard"))

    assert response.status_code == 200


def test_a_coordinator_with_totp_passes(client_of, coordinator, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    Authenticator.objects.create(
        user=coordinator, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )

    response = client_of(coordinator).get(reverse("accounts:dashboard"))

    assert response.status_code == 200


def test_an_organisation_editor_is_not_required_to_set_up_totp(client_of, editor, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True

    response = client_of(editor).get(reverse("accounts:dashboard"))

    assert response.status_code == 200
