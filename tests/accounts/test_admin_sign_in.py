"""The site administration is signed into through allauth, with TOTP, and only by staff.

The outside probe signed in as the administrator through Django's own admin form with the
password alone, from any signed-in account, with no lock-out and after TOTP was enrolled.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from tests.accounts.conftest import PASSWORD, TOTP_SECRET, current_code

pytestmark = pytest.mark.django_db


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def test_a_visitor_at_the_admin_sign_in_is_sent_to_the_portals_sign_in(client):
    response = client.get(reverse("admin:login"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login") + "?next=")


def test_the_admins_password_form_does_not_sign_a_visitor_in(client, site_admin):
    response = client.post(
        reverse("admin:login"), {"username": site_admin.email, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert signed_in_user_id(client) is None


def test_a_signed_in_viewer_cannot_sign_in_as_the_administrator_with_the_password(
    client_of, viewer, site_admin
):
    client = client_of(viewer)
    for _attempt in range(3):
        response = client.post(
            reverse("admin:login"), {"username": site_admin.email, "password": PASSWORD}
        )
        assert response.status_code == 403

    assert signed_in_user_id(client) == str(viewer.pk)
    assert client.get(reverse("admin:index")).url.startswith(reverse("admin:login"))


def test_the_admin_login_page_offers_no_password_form_to_anyone(client_of, viewer):
    response = client_of(viewer).get(reverse("admin:login"))

    assert response.status_code == 403
    assert 'name="password"' not in response.content.decode()


def test_staff_signed_in_through_allauth_reach_the_admin(client, site_admin):
    client.post(reverse("account_login"), {"login": site_admin.email, "password": PASSWORD})

    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:login")).url == reverse("admin:index")


def test_the_admin_login_never_redirects_off_site(client_of, site_admin):
    response = client_of(site_admin).get(reverse("admin:login") + "?next=https://evil.example/")

    assert response.url == reverse("admin:index")


def test_staff_without_totp_are_sent_to_set_it_up_when_it_is_required(
    client_of, site_admin, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True

    response = client_of(site_admin).get(reverse("admin:index"))

    assert response.url == reverse("mfa_activate_totp")


def test_staff_with_totp_must_have_passed_it_in_this_session(client_of, site_admin, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    TOTP.activate(site_admin, TOTP_SECRET)
    # A session opened without the code (as Django's own admin form would have).
    client = client_of(site_admin)

    response = client.get(reverse("admin:index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    code = client.post(response.url, {"code": current_code()})
    assert code.status_code == 302
    assert client.get(reverse("admin:index")).status_code == 200


def test_staff_with_totp_sign_in_with_password_and_code_and_reach_the_admin(
    client, site_admin, settings
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = True
    TOTP.activate(site_admin, TOTP_SECRET)

    password = client.post(
        reverse("account_login"), {"login": site_admin.email, "password": PASSWORD}
    )
    assert password.url == reverse("mfa_authenticate")
    assert signed_in_user_id(client) is None
    assert client.get(reverse("admin:index")).url.startswith(reverse("admin:login"))

    client.post(reverse("mfa_authenticate"), {"code": current_code()})

    assert signed_in_user_id(client) == str(site_admin.pk)
    assert client.get(reverse("admin:index")).status_code == 200
    assert Authenticator.objects.filter(user=site_admin).count() == 1
