"""Background work of the portal: the review workflow's notices, sent with retries."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.mail import send_mail

from lib.mail import MAIL_ERRORS, gives_up, max_retries, retry_delay

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True)
def send_notice(  # type: ignore[no-untyped-def]
    self, template: str, subject: str, message: str, recipients: list[str]
) -> str:
    """Send a rendered notice; on an SMTP error, try again later with backoff.

    The request renders the text (it holds the entry and the people), so the task needs
    nothing from the database and a retry sends exactly what the transition said.
    """
    try:
        send_mail(subject, message, None, recipients)
    except MAIL_ERRORS as error:
        if gives_up(self.request):
            logger.exception(
                "Could not send %s to %d recipients; gave up", template, len(recipients)
            )
            return "failed"
        logger.warning("Could not send %s; retrying", template, exc_info=True)
        raise self.retry(
            exc=error, countdown=retry_delay(self.request.retries), max_retries=max_retries()
        ) from error
    logger.info("Sent %s to %d recipients", template, len(recipients))
    return "sent"
