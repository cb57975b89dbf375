"""Review notices go through Celery: a mail server that is down never turns a saved
transition into an error page, and a real worker retries until the mail goes out."""

import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings
from django.core import mail

from actions.models import GuidanceAction
from kaselo.celery import app
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
