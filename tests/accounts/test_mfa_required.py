"""Coordinators, the national team and staff must pass TOTP in the session, when required."""

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
)
from django.urls import reverse

from tests.accounts.conftest import PASSWORD, TOTP_SECRET, current_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", ["coordinator", "national_team"])
def test_a_privileged_person_without_totp_is_sent_to_set_it_up(
    request, client_of, settings, persona
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    client = client_of(request.getfixturevalue(persona))

    response = client.get(reverse("dashboard"))

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

    asked = client.get(reverse("dashboard"))
    assert asked.url == reverse("mfa_activate_totp")
    reauthenticate = client.get(asked.url)
    assert reauthenticate.url.startswith(reverse("account_reauthenticate"))
    assert client.get(reauthenticate.url).status_code == 200
    confirmed = client.post(reauthenticate.url, {"password": PASSWORD})
    assert confirmed.url == reverse("mfa_activate_totp")
    assert client.get(confirmed.url).status_code == 200


def test_nothing_is_required_when_the_setting_is_off(client_of, coordinator, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False

    response = client_of(coordinator).get(reverse("dashboard"))

    assert response.status_code == 200


def test_a_coordinator_with_totp_who_passed_it_in_this_session_passes(
    client, coordinator, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    TOTP.activate(coordinator, TOTP_SECRET)
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": current_code()})

    response = client.get(reverse("dashboard"))

    assert response.status_code == 200


@pytest.mark.parametrize("persona", ["coordinator", "national_team"])
def test_having_totp_is_not_enough_the_session_must_have_passed_it(
    request, client_of, settings, persona
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    user = request.getfixturevalue(persona)
    TOTP.activate(user, TOTP_SECRET)
    client = client_of(user)  # signed in without the code

    response = client.get(reverse("dashboard"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_reauthenticate") + "?next=" + reverse("dashboard")
    client.post(response.url, {"code": current_code()})
    assert client.get(reverse("dashboard")).status_code == 200


@pytest.mark.django_db(transaction=True)  # allauth announces the new TOTP on commit
def test_setting_up_totp_counts_as_this_sessions_second_factor(client, coordinator, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]

    activated = client.post(reverse("mfa_activate_totp"), {"code": current_code(secret)})

    assert activated.status_code == 302
    assert Authenticator.objects.filter(user=coordinator, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("dashboard")).status_code == 200


def test_a_coordinator_with_an_unverified_address_verifies_it_then_sets_up_totp(
    client, coordinator, settings, mailoutbox
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    EmailAddress.objects.create(
        user=coordinator, email=coordinator.email, primary=True, verified=False
    )
    client.post(reverse("account_login"), {"login": coordinator.email, "password": PASSWORD})

    asked = client.get(reverse("dashboard"), follow=True)
    assert asked.redirect_chain[-1][0] == reverse("account_email")
    assert "Vahvista ensin sähköpostiosoitteesi" in asked.content.decode()
    sent = client.post(reverse("account_email"), {"action_send": "", "email": coordinator.email})
    assert sent.status_code == 302
    link = re.search(r"https?://[^/\s]+(/\S*confirm-email/\S+/)", mailoutbox[-1].body)
    assert link is not None, mailoutbox[-1].body
    client.post(link.group(1))

    assert EmailAddress.objects.get(user=coordinator).verified
    assert client.get(reverse("dashboard")).url == reverse("mfa_activate_totp")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert client.get(reverse("mfa_activate_totp")).status_code == 200


def test_an_organisation_editor_is_not_required_to_set_up_totp(client_of, editor, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True

    response = client_of(editor).get(reverse("dashboard"))

    assert response.status_code == 200
