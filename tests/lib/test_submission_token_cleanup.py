"""The once-only tokens of processed forms are deleted after two days by Celery beat."""

import datetime as dt
import uuid

from django.conf import settings
from django.utils import timezone

from lib.models import SubmittedForm
from lib.tasks import delete_old_submission_tokens


def test_tokens_older_than_two_days_are_deleted_and_newer_ones_kept(db):
    old = SubmittedForm.objects.create(token=uuid.uuid4())
    SubmittedForm.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=3))
    fresh = SubmittedForm.objects.create(token=uuid.uuid4())

    assert delete_old_submission_tokens() == 1

    assert list(SubmittedForm.objects.all()) == [fresh]


def test_beat_runs_the_cleanup():
    tasks = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "lib.tasks.delete_old_submission_tokens" in tasks
