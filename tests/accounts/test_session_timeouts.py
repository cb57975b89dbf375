"""A session ends when idle too long (2 h privileged, 8 h others) or 12 h after sign-in."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 12, 7, 8, 0, tzinfo=dt.UTC)


def sign_in(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302


def dashboard(client):
    return client.get(reverse("dashboard"))


@pytest.mark.parametrize(
    ("persona", "still_in", "signed_out"),
    [
        ("coordinator", dt.timedelta(hours=1, minutes=59), dt.timedelta(hours=2, minutes=1)),
        ("national_team", dt.timedelta(hours=1, minutes=59), dt.timedelta(hours=2, minutes=1)),
        ("editor", dt.timedelta(hours=7, minutes=59), dt.timedelta(hours=8, minutes=1)),
    ],
)
def test_an_idle_session_ends_after_its_roles_limit(request, client, persona, still_in, signed_out):
    user = request.getfixturevalue(persona)
    with time_machine.travel(START, tick=False) as traveller:
        sign_in(client, user)
        traveller.shift(still_in)
        assert dashboard(client).status_code == 200
        traveller.shift(signed_out)

        response = dashboard(client)

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=" + reverse("dashboard")
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert "Istuntosi päättyi" in page.content.decode()


def test_a_session_in_use_stays_open_until_its_absolute_lifetime(client, editor):
    with time_machine.travel(START, tick=False) as traveller:
        sign_in(client, editor)
        for _hour in range(11):
            traveller.shift(dt.timedelta(hours=1))
            assert dashboard(client).status_code == 200
        traveller.shift(dt.timedelta(hours=1, minutes=1))

        response = dashboard(client)

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_an_htmx_request_of_an_ended_session_sends_the_whole_page_to_sign_in(client, editor):
    with time_machine.travel(START, tick=False) as traveller:
        sign_in(client, editor)
        traveller.shift(dt.timedelta(hours=9))

        response = client.get(reverse("dashboard"), headers={"HX-Request": "true"})

    assert response["HX-Redirect"].startswith(reverse("account_login"))


def test_the_stored_session_lives_no_longer_than_the_absolute_lifetime(client, editor):
    sign_in(client, editor)

    assert client.session.get_expiry_age() <= 12 * 3600
