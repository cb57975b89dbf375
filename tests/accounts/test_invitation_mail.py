"""An invitation's mail goes through Celery: a failing mail server never loses the
invitation nor answers 500, the coordinator sees the failure and sends it again."""

import re
import socket
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts import services
from accounts.models import Invitation
from kaselo.celery import app
from tests.mail_backends import FlakyMailServer

FLAKY = "tests.mail_backends.FlakyMailServer"
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def people_url(region):
    return reverse("people:list", args=[region.slug])


def resend_url(region, invitation):
    return reverse("people:resend_invitation", args=[region.slug, invitation.pk])


def invite(client, region, organisation):
    return client.post(
        reverse("people:invite", args=[region.slug]),
        {
            "email": "tiina.tulokas@kotka.example",
            "organisation": organisation.pk,
            "role": "editor",
        },
    )


def finnish(msgid, **values):
    with translation.override("fi"):
        return gettext(msgid) % values


@pytest.mark.django_db(transaction=True)
def test_a_broken_mail_server_keeps_the_invitation_and_it_can_be_sent_again(
    client_of, coordinator, region, kotka, mailoutbox, settings
):
    """Committed for real, as in development: the mail is tried before the page answers."""
    settings.EMAIL_BACKEND = FLAKY
    FlakyMailServer.failures, FlakyMailServer.attempts = 100, 0
    client = client_of(coordinator)

    response = invite(client, region, kotka)

    assert FlakyMailServer.attempts == 1, "in-process, one try: no retries inside the request"
    assert response.status_code == 302
    assert response.url == people_url(region)
    invitation = Invitation.objects.get()
    assert invitation.send_failed
    assert invitation.sent_at is None
    page = client.get(response.url).content.decode()
    assert (
        finnish(
            "The invitation to %(email)s is saved, but its e-mail could not be sent. "
            "Send it again from the list below.",
            email=invitation.email,
        )
        in page
    )
    assert finnish("Sending failed, send it again") in page
    assert mailoutbox == []
    old_token = invitation.token

    settings.EMAIL_BACKEND = LOCMEM
    response = client.post(resend_url(region, invitation))

    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.token != old_token, "a fresh link"
    assert invitation.sent_at is not None
    assert not invitation.send_failed
    assert len(mailoutbox) == 1
    link = re.search(r"http://testserver(/tili/kutsu/\S+/)", mailoutbox[0].body).group(1)
    assert link == reverse("accounts:accept_invitation", args=[invitation.token])
    assert Client().get(link).status_code == 200
    assert Client().get(reverse("accounts:accept_invitation", args=[old_token])).status_code == 404
    assert (
        finnish("An invitation was sent to %(email)s.", email=invitation.email)
        in client.get(response.url).content.decode()
    )


@pytest.mark.django_db
def test_an_unreachable_broker_keeps_the_invitation_and_marks_its_mail_unsent(
    client_of, coordinator, region, kotka, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = app.conf.broker_url
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    app.conf.broker_url = f"redis://127.0.0.1:{closed}/0"
    app._pool = None
    app.amqp._producer_pool = None
    try:
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = invite(client_of(coordinator), region, kotka)
        took = time.monotonic() - started
    finally:
        app.conf.broker_url = previous
        app._pool = None
        app.amqp._producer_pool = None

    assert response.status_code == 302
    assert took < 5
    assert Invitation.objects.get().send_failed


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_retries_until_the_mail_server_answers(coordinator, region, kotka, settings):
    settings.EMAIL_BACKEND = FLAKY
    settings.MAIL_RETRY_DELAY = 1
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    FlakyMailServer.failures, FlakyMailServer.attempts = 2, 0
    mail.outbox = []
    app.control.purge()

    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        invitation = services.invite_person(
            region=region,
            organisation=kotka,
            email="tiina.tulokas@kotka.example",
            role="editor",
            invited_by=coordinator,
            base_url="https://portaali.example/",
        )
        deadline = time.monotonic() + 30
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.2)

    assert FlakyMailServer.attempts == 3
    assert [message.to for message in mail.outbox] == [["tiina.tulokas@kotka.example"]]
    invitation.refresh_from_db()
    assert invitation.sent_at is not None
    assert not invitation.send_failed
