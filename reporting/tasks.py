"""Background work of the reporting app: building PDFs and deleting expired ones."""

from __future__ import annotations

import logging
from contextlib import AbstractContextManager
from typing import Any

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_process_init
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django.utils.translation import gettext as _

from lib.scoping import scope
from reporting import pdf, reminders
from reporting.models import PdfJob

logger = logging.getLogger(__name__)

#: Errors worth another try: the database or the broker was briefly out of reach.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError)


def job_scope(job_id: str) -> AbstractContextManager[None]:
    """The scope a job's build runs in: its region's, or every region's for a document of all
    regions (a job without a region: the national summary, the booklet of every region).

    The job is named by its id alone, so its region is looked up in every region.
    """
    with scope(region=None):
        region_id = PdfJob.objects.filter(pk=job_id).values_list("region_id", flat=True).first()
    return scope(region=region_id)


@shared_task(
    bind=True,
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=3,
    soft_time_limit=pdf.task_soft_time_limit(),
    time_limit=pdf.task_time_limit(),
    acks_late=True,
)
def build_pdf(self, job_id: str) -> str:  # type: ignore[no-untyped-def]
    """Build the PDF of the job ``job_id`` and return the job's final status.

    Transient errors are retried with exponential backoff (the job shows "queued" while it
    waits); when the retries run out, or on the soft time limit, or on any other error, the
    job is marked failed with a general message and the traceback goes to the log. A build
    killed at the hard time limit leaves its job "running"; ``pdf.expire_if_stale`` (the
    status page) and ``delete_expired_pdfs`` mark such jobs failed.
    """
    with job_scope(job_id):
        try:
            return pdf.run_job(job_id)
        except SoftTimeLimitExceeded:
            logger.error("PDF job %s ran out of time", job_id)
            pdf.finish_failed(job_id, _("Making the PDF took too long. Please try again later."))
            return "failed"
        except TRANSIENT_ERRORS:
            if self.request.retries >= self.max_retries:
                logger.exception("PDF job %s failed after %s retries", job_id, self.request.retries)
                pdf.finish_failed(job_id, pdf.generic_failure())
            else:
                logger.warning("PDF job %s hit a transient error; retrying", job_id, exc_info=True)
                pdf.update_job(job_id, status="queued", progress=0, queued_at=timezone.now())
            raise
        except Exception:
            logger.exception("PDF job %s failed unexpectedly", job_id)
            pdf.finish_failed(job_id, pdf.generic_failure())
            raise


def warm_up() -> None:
    """Pay a worker process's one-off costs before its first job, not during it.

    The first task run loads Celery's result backend (importing the Redis client takes
    about 0.13 s), and the first build of a document imports its module and compiles its
    template: a fifth of the build of the short annual report.
    """
    from reporting import documents

    backend = build_pdf.backend  # The first access imports and sets it up.
    documents.load_all()
    logger.debug("PDF worker ready; results go to %s", type(backend).__name__)


@worker_process_init.connect
def _warm_worker_process(**_kwargs: Any) -> None:
    warm_up()


@shared_task(time_limit=600, soft_time_limit=540)
def delete_expired_pdfs() -> int:
    """Fail dead jobs and delete expired PDF files with their jobs; return how many went."""
    # Housekeeping of every region's jobs, on purpose.
    with scope(region=None):
        return pdf.delete_expired()


@shared_task(
    autoretry_for=TRANSIENT_ERRORS,
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
    time_limit=600,
    soft_time_limit=540,
)
def send_reminders() -> int:
    """Send the reporting year's reminders due today (daily, from beat); return how many.

    A run that fails on the database rolls back whole and is retried later; its records and
    its mails go together, so nothing is sent twice. A mail whose task cannot be queued
    (the broker down) is kept in ``UnsentMail`` and sent by ``lib.tasks.send_unsent_mail``.
    """
    # Every region's reports and organisations, on purpose.
    with scope(region=None):
        return reminders.send_reminders()
