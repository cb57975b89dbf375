"""Housekeeping of the helpers' own table, run by Celery beat."""

import datetime as dt

from celery import shared_task
from django.utils import timezone

from lib.models import SubmittedForm

#: A form older than this is not sent again by a double click or a reload.
SUBMISSION_TOKEN_DAYS = 2


@shared_task
def delete_old_submission_tokens() -> int:
    """Delete the once-only tokens of forms processed days ago; returns how many went."""
    cutoff = timezone.now() - dt.timedelta(days=SUBMISSION_TOKEN_DAYS)
    deleted, _ = SubmittedForm.objects.filter(created_at__lt=cutoff).delete()
    return deleted
