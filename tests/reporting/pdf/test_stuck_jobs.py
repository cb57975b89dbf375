"""Jobs that cannot get stuck: a broker that is down or stalls, a lost message, a killed
worker, no worker at all. Real Redis, real Celery workers, real PostgreSQL.
"""

import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from kaselo.celery import app
from reporting import pdf
from reporting.models import PdfJob

TNO = PdfJob.Kind.TNO_SUMMARY
ROOT = Path(__file__).resolve().parents[3]

needs_redis = pytest.mark.skipif(not django_settings.REDIS_URL, reason="needs Redis (REDIS_URL)")


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def use_broker(url: str) -> None:
    """Point the app's publishing at ``url``: its connection pools are made once, so drop them."""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker_at(settings) -> Iterator[callable]:
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = (app.conf.task_always_eager, app.conf.broker_url)
    app.conf.task_always_eager = False
    yield use_broker
    app.conf.task_always_eager = False
    use_broker(previous[1])
    app.conf.task_always_eager = previous[0]


@pytest.fixture
def stalled_broker() -> Iterator[str]:
    """A server that accepts connections and never answers: a Redis that hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/0"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    server.close()


# --- Queuing errors -------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fault",
    [
        "down",  # kombu's OperationalError
        "misconfigured",  # a KeyError from the transport: no OperationalError at all
    ],
)
def test_a_broker_that_cannot_take_the_job_fails_it_at_once_and_the_person_is_told(
    fault, plan, region, client_of, coordinator, broker_at, django_capture_on_commit_callbacks
):
    port = spare_port()
    broker_at(
        f"redis://127.0.0.1:{port}/0"
        if fault == "down"
        else f"redis://127.0.0.1:{port}/0?ssl_cert_reqs=mistyped"
    )
    client = client_of(coordinator)

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("pdf:request"), {"kind": TNO, "region": region.slug})
    took = time.monotonic() - started

    assert took < 5, f"the request waited {took:.1f} s for the broker"
    job = PdfJob.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("pdf:status", kwargs={"pk": job.pk})
    assert job.status == PdfJob.Status.FAILED
    with translation.override("fi"):
        assert job.error == pdf.queue_failure()
    assert job.error in client.get(response.url).content.decode()


@pytest.mark.django_db
def test_a_broker_that_hangs_holds_the_request_a_few_seconds_at_most(
    plan, region, coordinator, broker_at, stalled_broker, django_capture_on_commit_callbacks
):
    broker_at(stalled_broker)

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        job = pdf.request_pdf(TNO, region=region, user=coordinator)
    took = time.monotonic() - started

    assert took < 8, f"the request waited {took:.1f} s for a stalled broker"
    job.refresh_from_db()
    assert job.status == PdfJob.Status.FAILED


@pytest.mark.django_db
def test_the_next_request_after_a_queuing_error_queues_a_new_job(
    plan, region, coordinator, broker_at, django_capture_on_commit_callbacks
):
    broker_at(f"redis://127.0.0.1:{spare_port()}/0")
    with django_capture_on_commit_callbacks(execute=True):
        failed = pdf.request_pdf(TNO, region=region, user=coordinator)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        again = pdf.request_pdf(TNO, region=region, user=coordinator)

    assert again != failed
    assert len(callbacks) == 1


# --- Lost messages and no worker ------------------------------------------------------------


@pytest.mark.django_db
def test_a_job_queued_too_long_is_sent_again_not_reused_as_is(
    plan, region, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.PDF_REQUEUE_AFTER = 180
    with django_capture_on_commit_callbacks(execute=False):
        job = pdf.request_pdf(TNO, region=region, user=coordinator)
    lost_at = timezone.now() - dt.timedelta(minutes=5)
    PdfJob.objects.filter(pk=job.pk).update(queued_at=lost_at)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        same = pdf.request_pdf(TNO, region=region, user=coordinator)

    assert same == job
    assert len(callbacks) == 1, "the lost job's build is sent to the workers again"
    job.refresh_from_db()
    assert job.queued_at > lost_at
    assert job.status == PdfJob.Status.QUEUED

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        pdf.request_pdf(TNO, region=region, user=coordinator)
    assert callbacks == [], "a freshly sent job is shared, not sent once per request"


@pytest.mark.django_db
def test_the_status_page_says_plainly_when_no_worker_has_started(
    region, client_of, coordinator, settings
):
    settings.PDF_NO_WORKER_HINT_SECONDS = 20
    job = PdfJob.objects.create(kind=TNO, region=region)
    client = client_of(coordinator)
    url = reverse("pdf:status", kwargs={"pk": job.pk})
    with translation.override("fi"):
        hint = gettext(
            "The build has not started yet: the background service may not be running. "
            "The page keeps checking; you may also try again later."
        )

    assert hint not in client.get(url).content.decode()

    PdfJob.objects.filter(pk=job.pk).update(queued_at=timezone.now() - dt.timedelta(seconds=30))
    assert hint in client.get(url).content.decode()
    assert hint in client.get(url, headers={"HX-Request": "true"}).content.decode()


@pytest.mark.django_db
def test_a_second_build_leaves_a_job_a_live_worker_is_building(plan, region):
    job = PdfJob.objects.create(kind=TNO, region=region)
    assert pdf.claim_job(str(job.pk))

    assert not pdf.claim_job(str(job.pk)), "a live build is not started twice"
    PdfJob.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - dt.timedelta(seconds=pdf.heartbeat_timeout() + 1)
    )
    assert pdf.claim_job(str(job.pk)), "a silent build's job is taken over"


# --- A killed worker ------------------------------------------------------------------------


def wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"waited {seconds} s for {what}")


@pytest.fixture
def stalling_worker(settings, tmp_path) -> Iterator[subprocess.Popen]:
    """A real ``celery worker`` process on this test's Redis and database, whose builds
    stall at 60 %; the test kills it, and this fixture makes sure it is gone."""
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.control.purge()
    database = connection.settings_dict
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "kaselo.settings",
        "DATABASE_URL": f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "MEDIA_ROOT": str(tmp_path / "worker-media"),
        "PDF_HEARTBEAT_SECONDS": "1",
    }
    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen(  # noqa: S603 (our own celery, fixed arguments)
        [
            str(Path(sys.executable).parent / "celery"),
            "-A",
            "tests.reporting.pdf.stalling_worker",
            "worker",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=info",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield worker
    finally:
        if worker.poll() is None:
            os.kill(worker.pid, signal.SIGKILL)
        worker.wait(timeout=30)
        log.close()
        app.control.purge()


@needs_redis
@pytest.mark.django_db(transaction=True)
def test_a_killed_workers_job_is_not_handed_to_the_next_request(
    plan, region, coordinator, client_of, settings, stalling_worker
):
    settings.PDF_HEARTBEAT_TIMEOUT = 4
    job = pdf.request_pdf(TNO, region=region, user=coordinator)

    def stalled_at_60() -> bool:
        job.refresh_from_db()
        return job.status == PdfJob.Status.RUNNING and job.progress == pdf.PROGRESS_RENDERED

    wait_for(stalled_at_60, 120, "the worker to start the build")
    first_beat = job.heartbeat_at
    wait_for(
        lambda: PdfJob.objects.get(pk=job.pk).heartbeat_at > first_beat,
        10,
        "the running build's heartbeat",
    )
    assert pdf.request_pdf(TNO, region=region, user=coordinator) == job, "alive: shared"

    os.kill(stalling_worker.pid, signal.SIGKILL)
    stalling_worker.wait(timeout=30)
    killed = time.monotonic()

    def another_job_is_given() -> bool:
        return pdf.request_pdf(TNO, region=region, user=coordinator) != job

    wait_for(another_job_is_given, 60, "the dead job to be given up")
    assert time.monotonic() - killed < 60
    job.refresh_from_db()
    assert job.status == PdfJob.Status.FAILED
    page = client_of(coordinator).get(reverse("pdf:status", kwargs={"pk": job.pk}))
    assert job.error in page.content.decode()
