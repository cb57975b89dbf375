"""Housekeeping of the helpers' own tables, run by Celery beat."""

import datetime as dt
import logging

from celery import shared_task
from django.core.mail import send_mail
from django.utils import timezone

from lib.mail import MAIL_ERRORS, max_retries
from lib.models import SubmittedForm, UnsentMail

logger = logging.getLogger(__name__)

#: A form older than this is not sent again by a double click or a reload.
SUBMISSION_TOKEN_DAYS = 2


@shared_task
def delete_old_submission_tokens() -> int:
    """Delete the once-only tokens of forms processed days ago; returns how many went."""
    cutoff = timezone.now() - dt.timedelta(days=SUBMISSION_TOKEN_DAYS)
    deleted, _ = SubmittedForm.objects.filter(created_at__lt=cutoff).delete()
    return deleted


@shared_task
def send_unsent_mail() -> int:
    """Send the notices whose task could not be queued; returns how many went.

    Each is tried once a run; one the mail server keeps refusing is dropped with an
    error in the log after ``MAIL_MAX_RETRIES`` runs, so a bad address is not tried forever.
    """
    sent = 0
    for unsent in UnsentMail.objects.order_by("created_at")[:100]:
        try:
            send_mail(unsent.subject, unsent.message, None, unsent.recipients)
        except MAIL_ERRORS:
            unsent.attempts += 1
            if unsent.attempts >= max_retries():
                logger.exception("Could not send the kept %s; gave up", unsent.template)
                unsent.delete()
            else:
                logger.warning("Could not send the kept %s yet", unsent.template, exc_info=True)
                unsent.save(update_fields=["attempts"])
            continue
        unsent.delete()
        sent += 1
    return sent
