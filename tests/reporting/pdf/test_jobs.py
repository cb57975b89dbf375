"""PDF jobs: reuse of unchanged inputs, one build at a time, failures, dead workers, expiry
and the official PDF of a submitted report."""

import datetime as dt

import pytest
from celery.exceptions import Retry
from django.core.files.base import ContentFile
from django.db import OperationalError
from django.utils import timezone, translation

from reporting import pdf
from reporting.models import AnnualReport, PdfJob
from reporting.tasks import build_pdf, delete_expired_pdfs
from tests.factories import GoalFactory, RegionFactory

pytestmark = pytest.mark.django_db

TNO = PdfJob.Kind.TNO_SUMMARY


def request_tno(region, coordinator, capture, **parameters):
    with capture(execute=True):
        job = pdf.request_pdf(TNO, region=region, parameters=parameters, user=coordinator)
    job.refresh_from_db()
    return job


def test_a_request_builds_the_pdf_and_marks_the_job_done(
    plan, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    job = request_tno(region, coordinator, django_capture_on_commit_callbacks)

    assert job.status == PdfJob.Status.DONE
    assert job.progress == 100
    assert job.file.name.startswith(f"pdf/{timezone.now().year}/tno-yhteenveto-kaakkois-suomi-")
    assert job.file.read(5) == b"%PDF-"
    assert job.started_at
    assert job.finished_at
    assert job.requested_by == coordinator
    assert job.parameters["start"] < job.parameters["end"]


def test_a_second_request_with_unchanged_inputs_reuses_the_finished_job(
    plan, region, coordinator, national_team, eager_tasks, django_capture_on_commit_callbacks
):
    first = request_tno(region, coordinator, django_capture_on_commit_callbacks)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        second = pdf.request_pdf(TNO, region=region, user=national_team)

    assert second == first
    assert callbacks == []  # nothing queued


def test_a_change_in_the_plan_makes_a_new_pdf(
    plan, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    first = request_tno(region, coordinator, django_capture_on_commit_callbacks)

    GoalFactory(focus_area=plan.fifth, title="Uusi tavoite")
    second = request_tno(region, coordinator, django_capture_on_commit_callbacks)

    assert second != first
    assert second.inputs_hash != first.inputs_hash
    assert second.status == PdfJob.Status.DONE


def test_another_period_is_another_pdf(
    plan, region, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        default = pdf.request_pdf(TNO, region=region, user=coordinator)
        year_2021 = pdf.request_pdf(
            TNO,
            region=region,
            parameters={"start": "2021-01-01", "end": "2021-12-31"},
            user=coordinator,
        )

    assert default != year_2021
    assert year_2021.parameters["start"] == "2021-01-01"


def test_no_second_build_starts_while_one_is_queued_or_running(
    plan, region, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        first = pdf.request_pdf(TNO, region=region, user=coordinator)
        again = pdf.request_pdf(TNO, region=region, user=coordinator)
    PdfJob.objects.filter(pk=first.pk).update(
        status=PdfJob.Status.RUNNING, started_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=False) as more_callbacks:
        while_running = pdf.request_pdf(TNO, region=region, user=coordinator)

    assert again == first == while_running
    assert len(callbacks) == 1
    assert more_callbacks == []
    assert PdfJob.objects.count() == 1


def test_a_finished_job_whose_file_is_gone_is_built_again(
    plan, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    first = request_tno(region, coordinator, django_capture_on_commit_callbacks)
    first.file.storage.delete(first.file.name)

    second = request_tno(region, coordinator, django_capture_on_commit_callbacks)

    assert second != first
    assert second.status == PdfJob.Status.DONE


def test_the_task_is_idempotent_for_a_finished_job(plan, region, coordinator, monkeypatch):
    job = PdfJob.objects.create(kind=TNO, region=region, status=PdfJob.Status.DONE, progress=100)
    monkeypatch.setattr(pdf, "write_pdf", lambda *args: pytest.fail("built again"))

    assert build_pdf(str(job.pk)) == PdfJob.Status.DONE


def test_a_region_without_a_strategy_fails_with_a_finnish_message(coordinator):
    lonely = RegionFactory(name="Kainuu", slug="kainuu")
    job = PdfJob.objects.create(
        kind=TNO,
        region=lonely,
        parameters={"language": "fi", "start": "2021-01-01", "end": "2021-12-31"},
    )

    assert build_pdf(str(job.pk)) == PdfJob.Status.FAILED

    job.refresh_from_db()
    assert job.status == PdfJob.Status.FAILED
    assert job.error == (
        "Alueella Kainuu ei ole voimassa olevaa strategiaa, joten yhteenvetoa ei voi tehdä."
    )
    assert not job.file


def test_an_unexpected_error_fails_the_job_with_a_general_message_and_no_file(
    plan, region, monkeypatch, caplog
):
    job = PdfJob.objects.create(
        kind=TNO,
        region=region,
        parameters={"language": "fi", "start": "2021-01-01", "end": "2021-12-31"},
    )

    def broken(html, target):
        target.write_bytes(b"%PDF-half")
        raise RuntimeError("cairo exploded")

    monkeypatch.setattr(pdf, "write_pdf", broken)

    with pytest.raises(RuntimeError):
        build_pdf(str(job.pk))

    job.refresh_from_db()
    assert job.status == PdfJob.Status.FAILED
    assert job.error.startswith("PDF-tiedostoa ei voitu tehdä odottamattoman virheen vuoksi.")
    assert "cairo" not in job.error
    assert not job.file
    assert "cairo exploded" in caplog.text  # the traceback is logged


def test_a_transient_error_puts_the_job_back_in_the_queue_for_a_retry(plan, region, monkeypatch):
    job = PdfJob.objects.create(
        kind=TNO,
        region=region,
        parameters={"language": "fi", "start": "2021-01-01", "end": "2021-12-31"},
    )

    def database_away(job_id):
        raise OperationalError("server closed the connection")

    monkeypatch.setattr(pdf, "run_job", database_away)
    # Run in-process, the task asks Celery for a retry (with backoff) by raising Retry.
    with pytest.raises(Retry):
        build_pdf.apply(args=[str(job.pk)], throw=True)

    job.refresh_from_db()
    assert job.status == PdfJob.Status.QUEUED
    assert job.progress == 0


def test_a_job_left_running_past_the_time_limit_is_marked_failed_when_looked_at(plan, region):
    # A worker killed at the hard time limit (or a dead machine) cannot report anything.
    long_ago = timezone.now() - dt.timedelta(seconds=pdf.task_time_limit() + 120)
    job = PdfJob.objects.create(
        kind=TNO, region=region, status=PdfJob.Status.RUNNING, progress=60, started_at=long_ago
    )
    recent = PdfJob.objects.create(
        kind=TNO, region=region, status=PdfJob.Status.RUNNING, started_at=timezone.now()
    )

    with translation.override("fi"):
        assert pdf.expire_if_stale(job)
        assert not pdf.expire_if_stale(recent)

    job.refresh_from_db()
    assert job.status == PdfJob.Status.FAILED
    assert (
        job.error
        == "PDF-tiedoston tekeminen keskeytyi ennen kuin se valmistui. Pyydä PDF uudelleen."
    )
    recent.refresh_from_db()
    assert recent.status == PdfJob.Status.RUNNING


def test_a_dead_job_is_not_reused_by_the_next_request(
    plan, region, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False):
        dead = pdf.request_pdf(TNO, region=region, user=coordinator)
    long_ago = timezone.now() - dt.timedelta(hours=2)
    PdfJob.objects.filter(pk=dead.pk).update(status=PdfJob.Status.RUNNING, started_at=long_ago)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        fresh = pdf.request_pdf(TNO, region=region, user=coordinator)

    assert fresh != dead
    assert len(callbacks) == 1
    dead.refresh_from_db()
    assert dead.status == PdfJob.Status.FAILED


def test_expired_files_are_deleted_on_schedule_and_official_ones_kept(region, settings):
    settings.PDF_RETENTION_DAYS = 30
    old = timezone.now() - dt.timedelta(days=31)
    expired = PdfJob.objects.create(
        kind=TNO, region=region, status=PdfJob.Status.DONE, finished_at=old
    )
    expired.file.save("vanha.pdf", ContentFile(b"%PDF-old"))
    name = expired.file.name
    fresh = PdfJob.objects.create(
        kind=TNO, region=region, status=PdfJob.Status.DONE, finished_at=timezone.now()
    )
    official = PdfJob.objects.create(
        kind=PdfJob.Kind.ANNUAL_REPORT,
        region=region,
        year=2016,
        status=PdfJob.Status.DONE,
        finished_at=old,
        parameters={"official": True, "version": 1},
    )
    dead = PdfJob.objects.create(
        kind=TNO, region=region, status=PdfJob.Status.RUNNING, started_at=old
    )

    assert delete_expired_pdfs() == 1

    assert not PdfJob.objects.filter(pk=expired.pk).exists()
    assert not expired.file.storage.exists(name)
    assert PdfJob.objects.filter(pk__in=[fresh.pk, official.pk]).count() == 2
    dead.refresh_from_db()
    assert dead.status == PdfJob.Status.FAILED


def test_the_official_pdf_of_a_submitted_version_is_built_once(
    framework, region, eager_tasks, django_capture_on_commit_callbacks, monkeypatch
):
    report = AnnualReport.objects.get(region=region, year=2016)
    AnnualReport.objects.filter(pk=report.pk).update(status=AnnualReport.Status.SUBMITTED)
    report.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        job = pdf.request_official_pdf(report)
    job.refresh_from_db()
    report.refresh_from_db()

    assert job.status == PdfJob.Status.DONE
    assert report.official_pdf.name == job.file.name
    assert report.official_pdf.name.startswith("reports/vuosiraportti-kaakkois-suomi-2016-v1")
    assert report.official_pdf.read(5) == b"%PDF-"

    # Never rebuilt for this version: asking again, even as an ordinary request and even
    # after the job rows are gone, gives the same file.
    monkeypatch.setattr(pdf, "write_pdf", lambda *args: pytest.fail("built again"))
    assert pdf.request_pdf(PdfJob.Kind.ANNUAL_REPORT, region=region, year=2016) == job
    PdfJob.objects.all().delete()
    again = pdf.request_official_pdf(report)
    assert again.status == PdfJob.Status.DONE
    assert again.file.name == report.official_pdf.name


def test_a_draft_report_pdf_is_not_official(
    draft, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = pdf.request_pdf(PdfJob.Kind.ANNUAL_REPORT, region=region, year=2021, user=coordinator)
    job.refresh_from_db()
    draft.refresh_from_db()

    assert job.status == PdfJob.Status.DONE
    assert "official" not in job.parameters
    assert not draft.official_pdf
