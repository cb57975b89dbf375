"""Signing in with an e-mail address, signing out, closed sign-up and password reset."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from django.urls import reverse

from tests.accounts.conftest import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def sign_in(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_the_sign_in_page_is_in_finnish_inside_the_portal_layout(client):
    response = client.get(reverse("account_login"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="fi">' in html
    assert 'class="site-header"' in html
    assert "<h1>Kirjaudu sisään</h1>" in html
    assert '<label for="id_login">' in html
    assert '<label for="id_password">' in html
    assert "kutsu" in html  # accounts are created by invitation, not by signing up


def test_a_person_signs_in_with_e_mail_and_lands_on_the_dashboard(client):
    UserFactory(email="toimittaja@kaselo.example")

    response = sign_in(client, "Toimittaja@Kaselo.example", PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    dashboard = client.get(response.url)
    assert "toimittaja@kaselo.example" in dashboard.content.decode()


def test_a_wrong_password_returns_the_form_with_a_finnish_error_beside_it(client):
    UserFactory(email="toimittaja@kaselo.example")

    response = sign_in(client, "toimittaja@kaselo.example", "väärä-salasana")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Annettu sähköposti tai salasana ei ole oikein." in html
    assert 'value="toimittaja@kaselo.example"' in html
    assert "_auth_user_id" not in client.session


def test_after_five_failed_sign_ins_even_the_right_password_is_refused(client):
    UserFactory(email="toimittaja@kaselo.example")
    for _attempt in range(5):
        sign_in(client, "toimittaja@kaselo.example", "väärä-salasana")

    response = sign_in(client, "toimittaja@kaselo.example", PASSWORD)

    assert response.status_code == 200
    assert "Liian monta virheellistä kirjautumisyritystä" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed_with_a_friendly_invitation_only_page(client):
    response = client.get("/tili/signup/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Tilin saa vain kutsulla" in html
    assert 'class="site-header"' in html


def test_password_reset_sends_an_e_mail_with_a_reset_link(client, mailoutbox):
    UserFactory(email="toimittaja@kaselo.example")

    response = client.post(
        reverse("account_reset_password"), {"email": "toimittaja@kaselo.example"}
    )

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["toimittaja@kaselo.example"]
    assert "/tili/password/reset/key/" in mailoutbox[0].body


def test_the_password_reset_page_renders_in_the_portal_layout(client):
    response = client.get(reverse("account_reset_password"))

    assert response.status_code == 200
    assert '<label for="id_email">' in response.content.decode()


def test_visitors_see_a_sign_in_link_in_the_header(client, region):
    html = client.get(reverse("strategy:region_home", args=[region.slug])).content.decode()

    assert f'href="{reverse("account_login")}">Kirjaudu sisään</a>' in html
    assert "Kirjaudu ulos" not in html


def test_a_signed_in_person_sees_their_e_mail_my_pages_and_sign_out_in_the_header(client, region):
    user = UserFactory(email="toimittaja@kaselo.example")
    client.force_login(user)

    html = client.get(reverse("strategy:region_home", args=[region.slug])).content.decode()

    assert "toimittaja@kaselo.example" in html
    assert f'href="{reverse("dashboard")}"' in html
    assert f'method="post" action="{reverse("account_logout")}"' in html


def test_signing_out_is_a_post(client):
    client.force_login(UserFactory())

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_password_change_page_renders_for_a_signed_in_person(client):
    client.force_login(UserFactory())

    response = client.get(reverse("account_change_password"))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_oldpassword">' in html
    assert 'aria-describedby="id_oldpassword_helptext"' in html


def test_the_totp_activation_page_renders_after_the_password_is_confirmed(client):
    UserFactory(email="toimittaja@kaselo.example")
    sign_in(client, "toimittaja@kaselo.example", PASSWORD)

    asked = client.get(reverse("mfa_activate_totp"))
    assert asked.url.startswith(reverse("account_reauthenticate"))
    confirmed = client.post(asked.url, {"password": PASSWORD})
    response = client.get(confirmed.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert '<label for="id_code">' in html
    assert 'aria-describedby="authenticator_secret_helptext"' in html


@pytest.mark.parametrize(
    "url_name",
    [
        "account_logout",
        "account_change_password",
        "account_reauthenticate",
        "account_reset_password_done",
        "mfa_index",
        "mfa_deactivate_totp",
        "mfa_view_recovery_codes",
    ],
)
def test_every_account_page_renders_inside_the_portal_layout(client, url_name):
    user = UserFactory(email="toimittaja@kaselo.example")
    sign_in(client, user.email, PASSWORD)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    RecoveryCodes.activate(user)

    response = client.get(reverse(url_name))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="site-header"' in html
    assert "<h1>" in html
