"""The notices' mail: one task a notice, and beat's sweep of those left pending."""

from __future__ import annotations

import datetime as dt
import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from lib.mail import gives_up, max_retries, retry_delay
from notices import services
from notices.models import Notice

logger = logging.getLogger(__name__)


def pending_after() -> dt.timedelta:
    """How long a notice waits for its own task before beat sends it."""
    return dt.timedelta(seconds=int(getattr(settings, "NOTICE_PENDING_AFTER", 300)))


@shared_task(bind=True, acks_late=True)
def send_notice_mail(self, notice_id: int) -> str:  # type: ignore[no-untyped-def]
    """Send one notice's mail, retrying with backoff while the mail server fails.

    A retry that finds the notice sent (beat got there first) does nothing.
    """
    try:
        return services.deliver(notice_id, last_try=gives_up(self.request))
    except services.Deferred as error:
        logger.warning("Could not send notice %s yet; retrying", notice_id)
        raise self.retry(
            exc=error, countdown=retry_delay(self.request.retries), max_retries=max_retries()
        ) from error


@shared_task
def send_pending_notices() -> int:
    """Send the notices whose task never ran (the broker was away); returns how many went.

    Each is tried once a run; after ``MAIL_MAX_RETRIES`` tries it goes to the kept mail.
    """
    cutoff = timezone.now() - pending_after()
    sent = 0
    pending = Notice.objects.filter(status=Notice.Status.PENDING, created_at__lt=cutoff)
    for notice_id, attempts in pending.order_by("created_at").values_list("pk", "attempts")[:200]:
        try:
            result = services.deliver(notice_id, last_try=attempts + 1 >= max_retries())
        except services.Deferred:
            logger.warning("Could not send the pending notice %s yet", notice_id)
            continue
        sent += result == "sent"
    return sent
