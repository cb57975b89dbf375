"""Notices on the real services: a Celery worker on Redis sends one, two requests telling of
one event at once make one notice, and a PDF that took long is announced."""

import datetime as dt
import threading
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from kaselo.celery import app
from notices import services
from notices.models import Notice
from reporting import pdf
from reporting.models import PdfJob
from tests.factories import PdfJobFactory, UserFactory


@pytest.fixture
def real_worker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = (app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend)
    app.conf.task_always_eager = False
    app.conf.broker_url = settings.REDIS_URL
    app.conf.result_backend = settings.REDIS_URL
    app._pool = None
    app.amqp._producer_pool = None
    app.control.purge()
    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        yield
    app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend = previous
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_sends_the_notice_in_the_recipients_language(real_worker):
    swede = UserFactory(email="svensk@kaselo.example", language="sv")
    mail.outbox = []

    with transaction.atomic():
        [notice] = services.notify(
            "entry_accepted",
            [swede],
            {"title": "Ohjaamo-kahvit", "name": "Kaisa"},
            "worker:1:accepted",
            link="/kaakkois-suomi/tapahtumat/1/",
        )
        assert mail.outbox == [], "nothing is sent before the change commits"
    deadline = time.monotonic() + 30
    while not mail.outbox and time.monotonic() < deadline:
        time.sleep(0.2)

    [message] = mail.outbox
    assert message.to == [swede.email]
    assert message.subject == notice.subject
    assert "https://elo.example/sv/kaakkois-suomi/evenemang/1/" in message.body
    assert "Öppna det:" in message.body  # "Open it:" in the Swedish catalogue
    notice.refresh_from_db()
    assert notice.status == Notice.Status.SENT
    assert notice.sent_at is not None


@pytest.mark.django_db(transaction=True)
def test_two_requests_telling_of_one_event_at_once_make_one_notice():
    person = UserFactory(email="kilpa@kaselo.example")
    first_inside = threading.Event()
    results: dict[str, int] = {}

    def tell(name, hold):
        try:
            with transaction.atomic():
                created = services.notify(
                    "entry_accepted", [person], {"title": "A", "name": "K"}, "race:1", link="/r/"
                )
                if hold:
                    first_inside.set()
                    time.sleep(0.5)  # the second waits on the unique index meanwhile
            results[name] = len(created)
        finally:
            connection.close()

    first = threading.Thread(target=tell, args=("first", True))
    first.start()
    first_inside.wait(5)
    second = threading.Thread(target=tell, args=("second", False))
    second.start()
    first.join(10)
    second.join(10)

    assert results == {"first": 1, "second": 0}
    assert Notice.objects.filter(event_key="race:1").count() == 1


@pytest.mark.django_db
def test_a_pdf_that_took_long_is_announced_to_whoever_asked(
    region, editor, eager_tasks, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    slow = PdfJobFactory(region=region, requested_by=editor)
    quick = PdfJobFactory(region=region, requested_by=editor)
    PdfJob.objects.filter(pk=slow.pk).update(created_at=timezone.now() - dt.timedelta(seconds=30))
    slow.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        pdf._tell_if_slow(slow)
        pdf._tell_if_slow(quick)
        pdf._tell_if_slow(slow)  # built twice: told once

    [notice] = Notice.objects.filter(kind="pdf_ready")
    assert notice.recipient == editor
    assert notice.link == reverse("pdf:download", kwargs={"pk": slow.pk})
    assert "Kaakkois-Suomi" in notice.subject
    assert [message.to for message in mail.outbox] == [[editor.email]]
