"""A real Celery worker on the real Redis builds a PDF: the path production takes.

The worker runs in a thread of this process with its own database connection, so the test
commits its rows (``transaction=True``) for the worker to see them.
"""

import time

import pypdf
import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings as django_settings

from kaselo.celery import app
from reporting import pdf
from reporting.models import PdfJob

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)"),
]


@pytest.fixture
def real_worker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = (app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend)
    app.conf.task_always_eager = False
    app.conf.broker_url = settings.REDIS_URL
    app.conf.result_backend = settings.REDIS_URL
    app.control.purge()  # no message left over from an earlier run
    with start_worker(app, perform_ping_check=False, shutdown_timeout=30):
        yield
    app.conf.task_always_eager, app.conf.broker_url, app.conf.result_backend = previous


def wait_until_finished(job: PdfJob, seconds: float = 60) -> PdfJob:
    deadline = time.monotonic() + seconds
    seen = []
    while time.monotonic() < deadline:
        job.refresh_from_db()
        seen.append(job.status)
        if job.status in (PdfJob.Status.DONE, PdfJob.Status.FAILED):
            return job
        time.sleep(0.2)
    pytest.fail(f"the job did not finish in {seconds} s: {seen[-5:]}")


def test_a_real_worker_builds_the_tno_summary(plan, region, coordinator, real_worker):
    job = pdf.request_pdf(PdfJob.Kind.TNO_SUMMARY, region=region, user=coordinator)
    # Outside a transaction the queueing ran at once: the job waits for the worker.
    assert job.status == PdfJob.Status.QUEUED

    job = wait_until_finished(job)

    assert job.status == PdfJob.Status.DONE, job.error
    assert job.progress == 100
    with job.file.open("rb") as handle:
        reader = pypdf.PdfReader(handle)
        assert reader.metadata.title == "TNO-foorumin yhteenveto: Kaakkois-Suomi"
        assert len(reader.pages) > 1
