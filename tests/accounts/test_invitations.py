"""Inviting a person to an organisation of the region, and accepting the invitation."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import Invitation
from network.models import Membership
from tests.accounts.conftest import PASSWORD
from tests.factories import InvitationFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
NEW_PASSWORD = "Kaakkois-Suomi-ohjaus-2021"  # noqa: S105


def invite_url(region):
    return reverse("people:invite", args=[region.slug])


def accept_url(invitation):
    return reverse("accounts:accept_invitation", args=[invitation.token])


def row_counts():
    return (User.objects.count(), Membership.objects.count(), Invitation.objects.count())


def new_person(**overrides):
    return {
        "first_name": "Tiina",
        "last_name": "Tulokas",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        **overrides,
    }


def test_coordinator_invites_and_the_person_accepts_and_is_signed_in(
    client_of, coordinator, region, kotka, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator).post(
            invite_url(region),
            {"email": "Tiina.Tulokas@Kotka.example", "organisation": kotka.pk, "role": "editor"},
        )

    assert response.status_code == 302
    assert response.url == reverse("people:list", args=[region.slug])
    invitation = Invitation.objects.get()
    assert invitation.email == "tiina.tulokas@kotka.example"
    assert invitation.invited_by == coordinator
    assert timezone.now() + dt.timedelta(days=13) < invitation.expires_at
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["tiina.tulokas@kotka.example"]
    assert "Ohjaamo Kotka" in message.body
    assert "Kutsu" in message.subject
    link = re.search(r"http://testserver(/tili/kutsu/\S+/)", message.body).group(1)
    assert link == accept_url(invitation)

    newcomer = Client()
    page = newcomer.get(link)
    assert page.status_code == 200
    assert "Ohjaamo Kotka" in page.content.decode()
    response = newcomer.post(link, new_person())

    assert response.status_code == 302
    assert response.url == reverse("dashboard")
    user = User.objects.get(email="tiina.tulokas@kotka.example")
    assert (user.first_name, user.last_name) == ("Tiina", "Tulokas")
    assert user.check_password(NEW_PASSWORD)
    membership = Membership.objects.get(user=user)
    assert (membership.organisation, membership.role) == (kotka, Membership.Role.EDITOR)
    invitation.refresh_from_db()
    assert invitation.is_accepted
    assert int(newcomer.session["_auth_user_id"]) == user.pk
    assert "Ohjaamo Kotka" in newcomer.get(response.url).content.decode()


def test_the_invite_form_offers_only_the_regions_organisations(
    client_of, coordinator, region, kotka, mikkeli
):
    html = client_of(coordinator).get(invite_url(region)).content.decode()

    assert "Ohjaamo Kotka" in html
    assert "Ohjaamo Mikkeli" not in html


def test_an_invitation_to_another_regions_organisation_is_a_form_error(
    client_of, coordinator, region, mikkeli
):
    before = row_counts()

    response = client_of(coordinator).post(
        invite_url(region),
        {"email": "uusi@esa.example", "organisation": mikkeli.pk, "role": "editor"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "Valitse jokin alueen omista organisaatioista." in html
    assert 'value="uusi@esa.example"' in html
    assert row_counts() == before


@pytest.mark.parametrize(
    ("email", "field", "error"),
    [
        ("ei-osoite", "email", "Anna kelvollinen sähköpostiosoite"),
        ("", "email", "Tämä kenttä vaaditaan."),
        ("toimittaja@kaselo.example", "email", "Henkilö on jo organisaation jäsen."),
    ],
)
def test_bad_input_to_the_invite_form_returns_it_with_finnish_errors_and_saves_nothing(
    client_of, coordinator, region, kotka, editor, email, field, error
):
    before = row_counts()

    response = client_of(coordinator).post(
        invite_url(region), {"email": email, "organisation": kotka.pk, "role": "viewer"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert f'aria-describedby="id_{field}_errors"' in html
    assert f'id="id_{field}_errors"' in html
    assert 'aria-invalid="true"' in html
    assert f'<option value="{kotka.pk}" selected>' in html
    assert row_counts() == before


def test_a_second_invitation_while_one_waits_is_refused(client_of, coordinator, region, kotka):
    InvitationFactory(email="odottaa@kotka.example", organisation=kotka)
    before = row_counts()

    response = client_of(coordinator).post(
        invite_url(region),
        {"email": "odottaa@kotka.example", "organisation": kotka.pk, "role": "editor"},
    )

    assert response.status_code == 200
    assert "odottaa hyväksyntää" in response.content.decode()
    assert row_counts() == before


def test_the_invite_post_requires_a_csrf_token(client_of, coordinator, region, kotka):
    client = client_of(coordinator, enforce_csrf_checks=True)

    response = client.post(
        invite_url(region), {"email": "uusi@kotka.example", "organisation": kotka.pk}
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_an_expired_invitation_is_refused_with_410_and_creates_nothing(client, kotka):
    invitation = InvitationFactory(organisation=kotka)
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=timezone.now() - dt.timedelta(days=20),
        expires_at=timezone.now() - dt.timedelta(days=1),
    )
    before = row_counts()

    get = client.get(accept_url(invitation))
    post = client.post(accept_url(invitation), new_person())

    assert (get.status_code, post.status_code) == (410, 410)
    assert "Kutsu on vanhentunut." in post.content.decode()
    assert row_counts() == before


def test_a_used_invitation_is_refused_with_410_and_creates_nothing(client, kotka):
    invitation = InvitationFactory(organisation=kotka, accepted_at=timezone.now())
    before = row_counts()

    response = client.post(accept_url(invitation), new_person())

    assert response.status_code == 410
    assert "Kutsu on jo käytetty." in response.content.decode()
    assert row_counts() == before


def test_an_invitation_cannot_be_accepted_twice(kotka):
    invitation = InvitationFactory(organisation=kotka)
    assert Client().post(accept_url(invitation), new_person()).status_code == 302
    before = row_counts()

    response = Client().post(accept_url(invitation), new_person(first_name="Toinen"))

    assert response.status_code == 410
    assert row_counts() == before


def test_an_unknown_token_answers_404_with_a_finnish_page(client):
    response = client.get(reverse("accounts:accept_invitation", args=["ei-tallaista"]))

    assert response.status_code == 404
    assert "Kutsua ei löytynyt." in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "field", "error"),
    [
        ({"password2": "jotain-muuta-2021"}, "password2", "Salasanat eivät ole samat."),
        ({"password1": "12345678", "password2": "12345678"}, "password1", "yleinen"),
        ({"first_name": ""}, "first_name", "Tämä kenttä vaaditaan."),
    ],
)
def test_bad_input_to_the_accept_form_returns_it_with_finnish_errors_and_creates_nothing(
    client, kotka, overrides, field, error
):
    invitation = InvitationFactory(organisation=kotka)
    before = row_counts()

    response = client.post(accept_url(invitation), new_person(**overrides))

    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    assert f'aria-describedby="id_{field}_errors"' in html or (
        f'aria-describedby="id_{field}_helptext id_{field}_errors"' in html
    )
    assert 'value="Tulokas"' in html or field == "last_name"
    assert row_counts() == before
    invitation.refresh_from_db()
    assert not invitation.is_accepted


def test_a_signed_in_person_with_the_invited_address_accepts_with_one_click(client, kotka, lut):
    person = MembershipFactory(organisation=lut, user__email="olemassa@kaselo.example").user
    invitation = InvitationFactory(
        organisation=kotka, email="olemassa@kaselo.example", role=Membership.Role.VIEWER
    )
    client.force_login(person)

    response = client.post(accept_url(invitation))

    assert response.status_code == 302
    assert Membership.objects.get(user=person, organisation=kotka).role == Membership.Role.VIEWER
    assert User.objects.filter(email="olemassa@kaselo.example").count() == 1


def test_someone_with_an_account_who_is_not_signed_in_is_asked_to_sign_in_first(client, kotka):
    UserFactory(email="olemassa@kaselo.example")
    invitation = InvitationFactory(organisation=kotka, email="olemassa@kaselo.example")
    before = row_counts()

    page = client.get(accept_url(invitation))
    post = client.post(accept_url(invitation), new_person())

    assert "Kirjaudu ensin sisään" in page.content.decode()
    assert f"?next={accept_url(invitation)}" in page.content.decode()
    assert post.status_code == 200
    assert row_counts() == before


def test_a_person_signed_in_with_another_address_cannot_accept(client, kotka):
    client.force_login(UserFactory(email="joku@kaselo.example", password=PASSWORD))
    invitation = InvitationFactory(organisation=kotka, email="toinen@kaselo.example")
    before = row_counts()

    response = client.post(accept_url(invitation))

    assert response.status_code == 200
    assert "toinen@kaselo.example" in response.content.decode()
    assert row_counts() == before
