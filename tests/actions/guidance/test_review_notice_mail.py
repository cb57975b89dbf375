"""Review notices go through Celery: a mail server that is down never turns a saved
transition into an error page, and a real worker retries until the mail goes out."""

import socket
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail

from actions.models import GuidanceAction
from kaselo.celery import app
from lib.models import UnsentMail
from lib.tasks import send_unsent_mail
from notices.models import Notice
from notices.tasks import send_pending_notices
from portal import review_services
from portal.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.mail_backends import FlakyMailServer


@pytest.mark.django_db(transaction=True)
def test_a_broken_mail_server_does_not_undo_or_break_the_submission(
    client_of, editor, coordinator, draft, settings
):
    settings.EMAIL_BACKEND = "tests.mail_backends.BrokenMailServer"

    response = client_of(editor).post(url("submit", draft.pk))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.SUBMITTED


@pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)")
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_retries_the_notice_until_the_mail_server_answers(
    editor, coordinator, draft, settings
):
    settings.EMAIL_BACKEND = "tests.mail_backends.FlakyMailServer"
    settings.MAIL_RETRY_DELAY = 1
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    FlakyMailServer.failures, FlakyMailServer.attempts = 1, 0
    mail.outbox = []
    app.control.purge()

    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        review_services.submit(GuidanceAction.objects.get(pk=draft.pk), editor)
        deadline = time.monotonic() + 30
        while not mail.outbox and time.monotonic() < deadline:
            time.sleep(0.2)

    assert FlakyMailServer.attempts == 2
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


@pytest.fixture
def unreachable_broker(settings):
    """Celery's broker on a port nobody listens on: queuing a task fails at once."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    previous = app.conf.broker_url
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    app.conf.broker_url = f"redis://127.0.0.1:{closed}/0"
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url = previous
    app._pool = None
    app.amqp._producer_pool = None


@pytest.mark.django_db
def test_a_notice_that_cannot_be_queued_stays_pending_and_beat_sends_it_later(
    client_of,
    editor,
    coordinator,
    draft,
    unreachable_broker,
    mailoutbox,
    django_capture_on_commit_callbacks,
    settings,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(editor).post(url("submit", draft.pk))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.SUBMITTED
    notice = Notice.objects.get()
    assert (notice.kind, notice.recipient, notice.status) == (
        "entry_submitted",
        coordinator,
        Notice.Status.PENDING,
    )
    assert mailoutbox == []

    settings.NOTICE_PENDING_AFTER = 0
    assert send_pending_notices() == 1
    assert send_pending_notices() == 0, "a notice sent is never sent again"

    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert mailoutbox[0].subject == notice.subject
    assert Notice.objects.get().status == Notice.Status.SENT


@pytest.mark.django_db
def test_a_kept_notice_the_mail_server_refuses_is_tried_again_and_dropped_at_last(settings):
    settings.EMAIL_BACKEND = "tests.mail_backends.BrokenMailServer"
    settings.MAIL_MAX_RETRIES = 2
    UnsentMail.objects.create(
        template="review_submitted", subject="Aihe", message="Viesti", recipients=["a@b.example"]
    )

    assert send_unsent_mail() == 0
    assert UnsentMail.objects.get().attempts == 1
    assert send_unsent_mail() == 0
    assert not UnsentMail.objects.exists(), "a notice that never goes is not tried forever"
