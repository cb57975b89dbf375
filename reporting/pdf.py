"""PDF jobs: request one (reusing a finished file whose inputs have not changed), build it in
the background, notice a build that died, and delete expired files.

A request creates the ``PdfJob`` row first and queues ``reporting.tasks.build_pdf`` with the
row's id once the transaction has committed. ``inputs_hash`` fingerprints what the document
is built from with a few cheap aggregate queries, so a second request with unchanged inputs
gets the finished job back, and a request while one is queued or running gets that one.

The official PDF of a submitted annual report is the frozen record of its version: built
once, kept in ``AnnualReport.official_pdf``, never rebuilt or expired.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import tempfile
import unicodedata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions.models import GoodPractice
from events.models import Event
from lib.scoping import scope
from network.models import Organisation, Region
from portal.rules import ReportAudience, report_audience
from reporting.documents import (
    DocumentError,
    annual_report_for,
    prepare_for_job,
    render,
    write_pdf,
)
from reporting.documents.tno import default_period
from reporting.models import AnnualReport, Answer, Level, PdfJob, SubTheme, Theme
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy

logger = logging.getLogger(__name__)

#: Bump when a document's template or data change shape, so older files are not reused.
DOCUMENT_FORMAT = 1

#: Progress steps the status page shows.
PROGRESS_STARTED = 5
PROGRESS_GATHERED = 10
PROGRESS_RENDERED = 60
PROGRESS_WRITTEN = 90
PROGRESS_DONE = 100

#: Seconds a queued job may wait for a worker before it is given up as lost.
DEFAULT_QUEUE_TIMEOUT = 3600
#: Seconds beyond the task's hard time limit before a running job counts as dead.
STALE_GRACE_SECONDS = 60


def retention_days() -> int:
    return int(getattr(settings, "PDF_RETENTION_DAYS", 30))


def task_time_limit() -> int:
    """The build task's hard limit: the worker process is killed after this many seconds."""
    return int(getattr(settings, "PDF_TASK_TIME_LIMIT", 180))


def task_soft_time_limit() -> int:
    """The build task's soft limit: the task is told to stop and marks its job failed."""
    return int(getattr(settings, "PDF_TASK_SOFT_TIME_LIMIT", 150))


def generic_failure() -> str:
    return _("The PDF could not be made because of an unexpected error. Please try again later.")


# --- What a document is built from ----------------------------------------------------------


def _history_mark(history: Any) -> list[Any]:
    """The newest change and the number of changes of a history table: one query."""
    row = history.aggregate(latest=Max("history_date"), count=Count("history_id"))
    return [row["latest"], row["count"]]


def _tno_inputs(region: Region, parameters: dict[str, Any]) -> dict[str, Any]:
    """The region's plan, indicators and the period's published events: ten small queries.

    The plan's tables keep their history (django-simple-history), and every change, deletions
    too, adds a history row; so the newest history date and the count of history rows say
    whether anything changed. Events and organisations keep no history: their shown fields
    are fingerprinted directly, which for a year's events is a few dozen short rows.
    """
    strategy = Strategy.objects.for_region(region).current().values("pk", "updated_at").first()
    start = dt.date.fromisoformat(parameters["start"])
    end = dt.date.fromisoformat(parameters["end"])
    events = list(
        Event.objects.published()
        .for_region(region)
        .overlapping(start, end)
        .order_by("pk")
        .values_list(
            "pk", "title", "kind", "starts_on", "ends_on", "participants_count", "organisers"
        )
    )
    return {
        "region": [region.pk, region.name, region.network_name],
        "strategy": strategy,
        "strategy_history": _history_mark(Strategy.history.filter(region=region)),
        "focus_areas": _history_mark(FocusArea.history.filter(strategy__region=region)),
        "goals": _history_mark(Goal.history.filter(focus_area__strategy__region=region)),
        "actions": _history_mark(Action.history.filter(focus_area__strategy__region=region)),
        "indicators": _history_mark(Indicator.history.filter(strategy__region=region)),
        "values": _history_mark(IndicatorValue.history.filter(indicator__strategy__region=region)),
        "organisations": _digest(
            Organisation.objects.for_region(region).order_by("pk").values_list("pk", "name")
        ),
        "events": _digest(events),
    }


def _eloliv_inputs(region: Region | None) -> dict[str, Any]:
    """The published practices with their links, and the names shown: four queries."""
    practices = GoodPractice.objects.published()
    if region is not None:
        practices = practices.for_region(region)
    ids = list(practices.values_list("pk", flat=True))
    return {
        "practices": _digest(
            practices.order_by("pk").values_list(
                "pk", "number", "title", "description", "region__name", "region__network_name"
            )
        ),
        "organisations": _digest(
            GoodPractice.organisations.through.objects.filter(goodpractice_id__in=ids)
            .order_by("pk")
            .values_list("goodpractice_id", "organisation__name")
        ),
        "focus_areas": _digest(
            GoodPractice.focus_areas.through.objects.filter(
                goodpractice_id__in=ids, focusarea__strategy__is_current=True
            )
            .order_by("pk")
            .values_list("goodpractice_id", "focusarea__number", "focusarea__title")
        ),
    }


def _framework_inputs() -> str:
    """The reporting framework's titles and ladders: three queries."""
    return _digest(
        [
            list(Theme.objects.order_by("pk").values_list("pk", "number", "title")),
            list(SubTheme.objects.order_by("pk").values_list("pk", "theme_id", "number", "title")),
            list(Level.objects.order_by("pk").values_list("sub_theme_id", "value", "title")),
        ]
    )


def _annual_report_inputs(report: AnnualReport) -> dict[str, Any]:
    """A submitted or accepted version never changes: its id and version say it all.

    A draft is fingerprinted by its answers, its summary and the framework; the year's
    records (events, projects, indicators) are counted live, so a draft's PDF is rebuilt
    at most once a day for them (the date is part of its inputs).
    """
    if report.is_frozen:
        return {"report": report.pk, "version": report.version}
    return {
        "report": report.pk,
        "version": report.version,
        "status": report.status,
        "updated_at": report.updated_at,
        "day": timezone.localdate(),
        "answers": _digest(
            Answer.objects.filter(report=report)
            .order_by("pk")
            .values_list("sub_theme_id", "level", "activities", "examples")
        ),
        "framework": _framework_inputs(),
    }


def _national_summary_inputs(year: int, audience: ReportAudience) -> dict[str, Any]:
    """The counted reports the audience reads of the year and of earlier years: frozen
    versions, and the framework. Two queries and three for the framework."""
    counted = (AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED)
    return {
        "reports": _digest(
            AnnualReport.objects.for_audience(audience)
            .filter(year__lte=year, status__in=counted)
            .order_by("pk")
            .values_list("pk", "year", "version", "status", "region__name")
        ),
        "regions": _digest(Region.objects.order_by("pk").values_list("pk", "name", "position")),
        "framework": _framework_inputs(),
    }


def _digest(rows: Any) -> str:
    return hashlib.sha256(_stable_json(list(rows)).encode()).hexdigest()


def _stable_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, separators=(",", ":"))


def compute_inputs_hash(
    kind: str, region: Region | None, year: int | None, parameters: dict[str, Any]
) -> str:
    """The sha256 of a stable JSON of the job's kind, parameters and the data it reads."""
    data: Any
    if kind == PdfJob.Kind.TNO_SUMMARY:
        assert region is not None  # noqa: S101 (the request validates this)
        data = _tno_inputs(region, parameters)
    elif kind == PdfJob.Kind.ELOLIV_BOOKLET:
        data = _eloliv_inputs(region)
    elif kind == PdfJob.Kind.ANNUAL_REPORT:
        report = annual_report_for(region.pk if region else None, year)
        data = _annual_report_inputs(report) if report else None
    else:
        assert year is not None  # noqa: S101 (the request validates this)
        data = _national_summary_inputs(
            year, ReportAudience.from_parameter(parameters.get("audience"))
        )
    fingerprint = {
        "format": DOCUMENT_FORMAT,
        "kind": kind,
        "region": region.pk if region else None,
        "year": year,
        "parameters": parameters,
        "data": data,
    }
    return hashlib.sha256(_stable_json(fingerprint).encode()).hexdigest()


# --- Requests -------------------------------------------------------------------------------


def normalise_parameters(kind: str, parameters: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters as stored: the language, and a TNO summary's period as ISO dates.

    The period defaults to the last twelve months; an end before the start is swapped.
    """
    given = dict(parameters or {})
    result: dict[str, Any] = {
        "language": given.get("language") or translation.get_language() or settings.LANGUAGE_CODE
    }
    if kind == PdfJob.Kind.TNO_SUMMARY:
        default_start, default_end = default_period(timezone.localdate())
        start = _as_date(given.get("start")) or default_start
        end = _as_date(given.get("end")) or default_end
        if end < start:
            start, end = end, start
        result.update(start=start.isoformat(), end=end.isoformat())
    return result


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        return dt.date.fromisoformat(value)
    return None


def _lock_inputs(digest: str) -> None:
    """Serialise requests for the same inputs until the transaction ends (PostgreSQL).

    Two people pressing the button at once would otherwise both find no job and start two.
    SQLite (development) writes one transaction at a time anyway.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [digest])


def _reusable(kind: str, digest: str) -> PdfJob | None:
    """A finished job with its file still stored, or one queued or running; else None."""
    for job in PdfJob.objects.filter(kind=kind, inputs_hash=digest).exclude(
        status=PdfJob.Status.FAILED
    ):
        if expire_if_stale(job):
            continue
        if job.status != PdfJob.Status.DONE:
            return job
        if job.file and job.file.storage.exists(job.file.name):
            return job
    return None


def _create_and_queue(**fields: Any) -> PdfJob:
    job = PdfJob.objects.create(**fields)
    job_id = str(job.pk)
    # Robust: a failure to queue is logged and fails the job, never the request.
    transaction.on_commit(lambda: queue_build(job_id), robust=True)
    return job


def queue_build(job_id: str) -> None:
    """Send the build to the workers; a broker that cannot be reached fails the job."""
    from kombu.exceptions import OperationalError as BrokerError
    from redis.exceptions import RedisError

    from reporting.tasks import build_pdf

    try:
        build_pdf.delay(job_id)
    except (BrokerError, ConnectionError, RedisError, RuntimeError):
        # RuntimeError: Celery's answer when the result store (Redis) cannot be reached.
        logger.exception("Could not queue the PDF job %s", job_id)
        # After the commit, maybe outside the request's region: the job is named by its id.
        with scope(region=None):
            finish_failed(job_id, _("The PDF could not be queued. Please try again later."))


def request_pdf(
    kind: str,
    *,
    region: Region | None = None,
    year: int | None = None,
    parameters: dict[str, Any] | None = None,
    user: Any = None,
) -> PdfJob:
    """Return a job for the document: a finished or running one with the same inputs, or a
    new queued one whose build starts when the caller's transaction commits.

    A submitted or accepted annual report is asked for as its official PDF. The national
    summary is made of the reports ``user`` may read: their audience is one of the job's
    parameters, so it is part of the inputs (a coordinator never gets the national team's
    file, nor the other way round) and the worker builds for the same audience.
    """
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        report = annual_report_for(region.pk if region else None, year)
        if report is not None and report.is_frozen:
            return request_official_pdf(report, user=user)
    stored = normalise_parameters(kind, parameters)
    if kind == PdfJob.Kind.NATIONAL_SUMMARY:
        stored["audience"] = report_audience(user).as_parameter()
    digest = compute_inputs_hash(kind, region, year, stored)
    with transaction.atomic():
        _lock_inputs(digest)
        existing = _reusable(kind, digest)
        if existing is not None:
            return existing
        return _create_and_queue(
            kind=kind,
            region=region,
            year=year,
            parameters=stored,
            inputs_hash=digest,
            requested_by=user if getattr(user, "is_authenticated", False) else None,
        )


def official_file_stem(report: AnnualReport) -> str:
    """The stored name of a version's official PDF, without the storage's unique suffix."""
    return f"reports/vuosiraportti-{report.region.slug}-{report.year}-v{report.version}"


def request_official_pdf(report: AnnualReport, user: Any = None) -> PdfJob:
    """Return the job of the submitted version's official PDF, queuing it the first time.

    Built once per version: a finished file in ``report.official_pdf`` for this version is
    never rebuilt, even when its job row is gone (a done job row is made for it).
    """
    parameters = {
        "language": settings.LANGUAGE_CODE,
        "official": True,
        "version": report.version,
    }
    digest = compute_inputs_hash(PdfJob.Kind.ANNUAL_REPORT, report.region, report.year, parameters)
    with transaction.atomic():
        _lock_inputs(digest)
        existing = _reusable(PdfJob.Kind.ANNUAL_REPORT, digest)
        if existing is not None:
            return existing
        fields = {
            "kind": PdfJob.Kind.ANNUAL_REPORT,
            "region": report.region,
            "year": report.year,
            "parameters": parameters,
            "inputs_hash": digest,
            "requested_by": user if getattr(user, "is_authenticated", False) else None,
        }
        official = report.official_pdf
        if (
            official
            and official.name.startswith(official_file_stem(report))
            and official.storage.exists(official.name)
        ):
            now = timezone.now()
            return PdfJob.objects.create(
                **fields,
                status=PdfJob.Status.DONE,
                progress=PROGRESS_DONE,
                file=official.name,
                started_at=now,
                finished_at=now,
            )
        return _create_and_queue(**fields)


# --- Dead and expired jobs ------------------------------------------------------------------


def _stale_filter(now: dt.datetime) -> Q:
    running_limit = dt.timedelta(seconds=task_time_limit() + STALE_GRACE_SECONDS)
    queue_limit = dt.timedelta(
        seconds=int(getattr(settings, "PDF_QUEUE_TIMEOUT", DEFAULT_QUEUE_TIMEOUT))
    )
    return Q(status=PdfJob.Status.RUNNING, started_at__lt=now - running_limit) | Q(
        status=PdfJob.Status.QUEUED, created_at__lt=now - queue_limit
    )


def _stale_message(status: str) -> str:
    if status == PdfJob.Status.RUNNING:
        return _("The build was interrupted before it finished. Please request the PDF again.")
    return _("The build did not start in time. Please request the PDF again.")


def expire_if_stale(job: PdfJob, now: dt.datetime | None = None) -> bool:
    """Mark the job failed if its worker died (running past the hard time limit) or it was
    never picked up; return whether it was. The status page asks this on every poll.

    The hard limit kills the worker process, so nothing in the task can report it: the job
    would stay "running" for ever without this check.
    """
    now = now or timezone.now()
    if job.status not in (PdfJob.Status.QUEUED, PdfJob.Status.RUNNING):
        return False
    updated = (
        PdfJob.objects.filter(pk=job.pk)
        .filter(_stale_filter(now))
        .update(status=PdfJob.Status.FAILED, error=_stale_message(job.status), finished_at=now)
    )
    if updated:
        job.refresh_from_db()
        logger.warning("PDF job %s was left %s and is marked failed", job.pk, job.status)
    return bool(updated)


def fail_stale_jobs(now: dt.datetime | None = None) -> int:
    """Mark every dead or lost job failed; the periodic clean-up calls this."""
    now = now or timezone.now()
    count = 0
    for status in (PdfJob.Status.RUNNING, PdfJob.Status.QUEUED):
        count += PdfJob.objects.filter(_stale_filter(now), status=status).update(
            status=PdfJob.Status.FAILED, error=_stale_message(status), finished_at=now
        )
    return count


def delete_expired(now: dt.datetime | None = None) -> int:
    """Delete finished files older than PDF_RETENTION_DAYS with their jobs, and old failed
    jobs; official PDFs of annual reports are records and stay. Returns the jobs deleted."""
    now = now or timezone.now()
    fail_stale_jobs(now)
    cutoff = now - dt.timedelta(days=retention_days())
    expired = PdfJob.objects.filter(
        Q(status=PdfJob.Status.DONE) | Q(status=PdfJob.Status.FAILED),
        finished_at__lt=cutoff,
    ).exclude(parameters__has_key="official")
    deleted = 0
    for job in expired:
        if job.file:
            job.file.storage.delete(job.file.name)
        job.delete()
        deleted += 1
    if deleted:
        logger.info("Deleted %s expired PDF jobs", deleted)
    return deleted


# --- Building -------------------------------------------------------------------------------


def update_job(job_id: str, **fields: Any) -> None:
    PdfJob.objects.filter(pk=job_id).update(**fields)


def finish_failed(job_id: str, message: str) -> None:
    try:
        update_job(job_id, status=PdfJob.Status.FAILED, error=message, finished_at=timezone.now())
    except Exception:  # The database may be what failed; the sweeper will catch the job.
        logger.exception("Could not mark the PDF job %s failed", job_id)


def run_job(job_id: str) -> str:
    """Build the job's PDF; return its final status. Called by the Celery task.

    Idempotent: a done (or given-up) job returns at once; a job left running by a worker
    that died is built again when the broker redelivers it. The PDF is written to a
    temporary file and saved under its final name only when complete, and the job is marked
    done only after that, so no half-written file is ever offered.

    DocumentError marks the job failed with its own message; other exceptions propagate to
    the task, which decides between a retry and a failure.
    """
    job = PdfJob.objects.select_related("region").filter(pk=job_id).first()
    if job is None:
        logger.warning("PDF job %s no longer exists", job_id)
        return "missing"
    if job.status in (PdfJob.Status.DONE, PdfJob.Status.FAILED):
        return str(job.status)
    update_job(
        job_id,
        status=PdfJob.Status.RUNNING,
        progress=PROGRESS_STARTED,
        started_at=timezone.now(),
        error="",
    )
    language = job.parameters.get("language") or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            report = _official_report(job)
            prepared = prepare_for_job(job)
            update_job(job_id, progress=PROGRESS_GATHERED)
            document = render(prepared)
            update_job(job_id, progress=PROGRESS_RENDERED)
            with tempfile.TemporaryDirectory(prefix="pdf-") as folder:
                path = Path(folder) / document.filename
                write_pdf(document.html, path)
                update_job(job_id, progress=PROGRESS_WRITTEN)
                name = _store(job, report, path, document.filename)
    except DocumentError as error:
        logger.info("PDF job %s failed: %s", job_id, error.message)
        finish_failed(job_id, error.message)
        return PdfJob.Status.FAILED
    update_job(
        job_id,
        status=PdfJob.Status.DONE,
        progress=PROGRESS_DONE,
        file=name,
        error="",
        finished_at=timezone.now(),
    )
    logger.info("PDF job %s done: %s", job_id, name)
    return PdfJob.Status.DONE


def _official_report(job: PdfJob) -> AnnualReport | None:
    """The report whose official PDF the job builds, checked to be still that version."""
    if not job.parameters.get("official"):
        return None
    report = annual_report_for(job.region_id, job.year)
    if report is None:
        raise DocumentError(_("The annual report does not exist."))
    if report.version != job.parameters.get("version") or not report.is_frozen:
        raise DocumentError(
            _("The report has changed since this PDF was requested. Please request it again.")
        )
    return report


def _store(job: PdfJob, report: AnnualReport | None, path: Path, filename: str) -> str:
    """Save the finished file to storage and return its stored name."""
    with path.open("rb") as handle:
        if report is not None:
            stored = report.official_pdf.storage.save(
                official_file_stem(report) + ".pdf", File(handle)
            )
            AnnualReport.objects.filter(pk=report.pk, version=report.version).update(
                official_pdf=stored
            )
            return stored
        job.file.save(filename, File(handle), save=False)
        return job.file.name


# --- Downloads ------------------------------------------------------------------------------


def display_name(job: PdfJob) -> str:
    """The file name a person sees, in the document's language: "TNO-foorumin yhteenveto
    Kaakkois-Suomi 2024-05-01-2025-04-30.pdf"."""
    parts = [str(job.get_kind_display())]
    if job.region is not None:
        parts.append(job.region.name)
    if job.year:
        parts.append(str(job.year))
    if job.parameters.get("start"):
        parts.append(f"{job.parameters['start']}–{job.parameters['end']}")  # noqa: RUF001
    return " ".join(parts) + ".pdf"


def ascii_name(name: str) -> str:
    """The name in ASCII for old clients: ä → a, ö → o, å → a, quotes and dashes plain."""
    plain = unicodedata.normalize("NFKD", name.replace("–", "-"))  # noqa: RUF001
    text = plain.encode("ascii", "ignore").decode("ascii")
    return "".join(c if c.isalnum() or c in " .-_()" else "_" for c in text)
