"""PDF jobs: request one (reusing a finished file whose inputs have not changed), build it in
the background, notice a build that died, and delete expired files.

A request creates the ``PdfJob`` row first and queues ``reporting.tasks.build_pdf`` with the
row's id once the transaction has committed. ``inputs_hash`` fingerprints what the document
is built from with a few cheap aggregate queries, so a second request with unchanged inputs
gets the finished job back, and a request while one is queued or running gets that one.

The official PDF of a submitted annual report is the frozen record of its version: built
once, kept on its ``ReportVersion`` (and as ``AnnualReport.official_pdf``), never rebuilt or
expired; an accepted version gets one more, with its acceptance record, built at acceptance.

Every PDF is built in the language of the person who asks (``parameters["language"]``, the
request's language), and the language is part of the inputs, so a Finnish file is never
handed to someone who asked in Swedish. The official record of a report version stays
Finnish, the language it was written and decided in; asked for in Swedish or English, the
same frozen version is rendered in that language as an ordinary job of its own (a
*rendering*: its interface and the framework's names translated, the region's answers as
written), reused while unchanged and expired like any other file, never stored on the version.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django import db
from django.conf import settings
from django.core.files import File
from django.db import connection, transaction
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from actions.models import GoodPractice
from events.models import Event
from lib.scoping import scope
from lib.translation import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES, active_language, localized
from network.models import Organisation, Region
from notices import services as notices
from portal.rules import ReportAudience, report_audience
from reporting.documents import (
    DocumentError,
    annual_report_for,
    prepare_for_job,
    render,
    write_pdf,
)
from reporting.documents.tno import default_period
from reporting.models import (
    AnnualReport,
    Answer,
    Level,
    PdfJob,
    ReportVersion,
    SubTheme,
    Theme,
)
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy

logger = logging.getLogger(__name__)

#: Bump when a document's template or data change shape, so older files are not reused.
#: 2: documents in the requester's language, translated content and Swedish hyphenation.
DOCUMENT_FORMAT = 2

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


def heartbeat_interval() -> float:
    """Seconds between a running build's signs of life."""
    return float(getattr(settings, "PDF_HEARTBEAT_SECONDS", 10))


def heartbeat_timeout() -> float:
    """Seconds without a sign of life after which a running build counts as dead."""
    return float(getattr(settings, "PDF_HEARTBEAT_TIMEOUT", 60))


def requeue_after() -> float:
    """Seconds a job may stay queued before its message counts as lost and is sent again."""
    return float(getattr(settings, "PDF_REQUEUE_AFTER", 180))


def no_worker_hint_after() -> float:
    """Seconds queued after which the status page says no worker may be running."""
    return float(getattr(settings, "PDF_NO_WORKER_HINT_SECONDS", 20))


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


def _in_language(language: str, *names: str) -> list[str]:
    """``names`` and, for a translation language, each one's column in it: what a document
    in ``language`` reads of a translated model (``title`` → ``title``, ``title_sv``)."""
    if language not in TRANSLATION_LANGUAGES:
        return list(names)
    return [column for name in names for column in (name, f"{name}_{language}")]


def _history_mark(history: Any) -> list[Any]:
    """The newest change and the number of changes of a history table: one query."""
    row = history.aggregate(latest=Max("history_date"), count=Count("history_id"))
    return [row["latest"], row["count"]]


def _tno_inputs(region: Region, parameters: dict[str, Any], language: str) -> dict[str, Any]:
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
            "pk",
            *_in_language(language, "title"),
            "kind",
            "starts_on",
            "ends_on",
            "participants_count",
            "organisers",
        )
    )
    return {
        "region": [region.pk, *_region_names(region, language), region.network_name],
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


def _region_names(region: Region, language: str) -> list[str]:
    return [getattr(region, column) for column in _in_language(language, "name")]


def _eloliv_inputs(region: Region | None, language: str) -> dict[str, Any]:
    """The published practices with their links, and the names shown: four queries."""
    practices = GoodPractice.objects.published()
    if region is not None:
        practices = practices.for_region(region)
    ids = list(practices.values_list("pk", flat=True))
    return {
        "practices": _digest(
            practices.order_by("pk").values_list(
                "pk",
                "number",
                *_in_language(language, "title", "description", "region__name"),
                "region__network_name",
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
            .values_list(
                "goodpractice_id", "focusarea__number", *_in_language(language, "focusarea__title")
            )
        ),
    }


def _framework_inputs(year: int, language: str) -> str:
    """The titles and ladders of ``year``'s reporting framework, in the document's language
    too: three queries."""
    titles = _in_language(language, "title")
    return _digest(
        [
            list(
                Theme.objects.filter(reporting_year__year=year)
                .order_by("pk")
                .values_list("pk", "number", *titles)
            ),
            list(
                SubTheme.objects.filter(theme__reporting_year__year=year)
                .order_by("pk")
                .values_list("pk", "theme_id", "number", *titles)
            ),
            list(
                Level.objects.filter(sub_theme__theme__reporting_year__year=year)
                .order_by("pk")
                .values_list("sub_theme_id", "value", *titles)
            ),
        ]
    )


def _annual_report_inputs(report: AnnualReport, language: str) -> dict[str, Any]:
    """A submitted or accepted version never changes: its id and version say it all, and
    for a rendering in Swedish or English the framework's and the region's names in it.

    A draft is fingerprinted by its answers, its summary and the framework; the year's
    records (events, projects, indicators) are counted live, so a draft's PDF is rebuilt
    at most once a day for them (the date is part of its inputs).
    """
    if report.is_frozen:
        frozen: dict[str, Any] = {"report": report.pk, "version": report.version}
        if language != SOURCE_LANGUAGE:
            frozen["framework"] = _framework_inputs(report.year, language)
            frozen["region"] = _region_names(report.region, language)
        return frozen
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
        "framework": _framework_inputs(report.year, language),
        "region": _region_names(report.region, language),
    }


def _national_summary_inputs(year: int, audience: ReportAudience, language: str) -> dict[str, Any]:
    """The counted reports the audience reads of the year and of earlier years: frozen
    versions, and the framework. Two queries and three for the framework."""
    counted = (
        AnnualReport.Status.SUBMITTED,
        AnnualReport.Status.ACCEPTED,
        AnnualReport.Status.HISTORICAL,
    )
    return {
        "reports": _digest(
            AnnualReport.objects.for_audience(audience)
            .filter(year__lte=year, status__in=counted)
            .order_by("pk")
            .values_list("pk", "year", "version", "status", "region__name")
        ),
        "regions": _digest(
            Region.objects.order_by("pk").values_list(
                "pk", *_in_language(language, "name"), "position"
            )
        ),
        "framework": _framework_inputs(year, language),
    }


def _digest(rows: Any) -> str:
    return hashlib.sha256(_stable_json(list(rows)).encode()).hexdigest()


def _stable_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str, separators=(",", ":"))


def compute_inputs_hash(
    kind: str, region: Region | None, year: int | None, parameters: dict[str, Any]
) -> str:
    """The sha256 of a stable JSON of the job's kind, parameters and the data it reads.

    The parameters hold the document's language, so each language is a file of its own,
    and the data read includes the translations in that language.
    """
    data: Any
    language = parameters.get("language") or SOURCE_LANGUAGE
    if kind == PdfJob.Kind.TNO_SUMMARY:
        assert region is not None  # noqa: S101 (the request validates this)
        data = _tno_inputs(region, parameters, language)
    elif kind == PdfJob.Kind.ELOLIV_BOOKLET:
        data = _eloliv_inputs(region, language)
    elif kind == PdfJob.Kind.ANNUAL_REPORT:
        report = annual_report_for(region.pk if region else None, year)
        data = _annual_report_inputs(report, language) if report else None
    else:
        assert year is not None  # noqa: S101 (the request validates this)
        data = _national_summary_inputs(
            year, ReportAudience.from_parameter(parameters.get("audience")), language
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


def document_language(given: Any = None) -> str:
    """The language a PDF is built in: ``given`` if the portal has it (``sv`` for
    ``sv-fi``), else the active one, the language of the request asking; Finnish by default."""
    if isinstance(given, str) and given:
        code = given.split("-")[0].lower()
        if code in (SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES):
            return code
    return active_language()


def normalise_parameters(kind: str, parameters: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters as stored: the language, and a TNO summary's period as ISO dates.

    The period defaults to the last twelve months; an end before the start is swapped.
    """
    given = dict(parameters or {})
    result: dict[str, Any] = {"language": document_language(given.get("language"))}
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
            requeue_if_lost(job)
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
    """Send the build to the workers; any error on the way fails the job, never the request.

    Not only kombu's OperationalError: a Redis timeout, a refused connection or a
    serialisation error would otherwise leave the job queued for every later request.
    The publish itself is bounded by the broker's timeouts and retry policy (settings).
    """
    from reporting.tasks import build_pdf

    try:
        build_pdf.delay(job_id)
    except Exception:
        logger.exception("Could not queue the PDF job %s", job_id)
        # After the commit, maybe outside the request's region: the job is named by its id.
        with scope(region=None):
            finish_failed(job_id, queue_failure())


def queue_failure() -> str:
    return _(
        "The PDF could not be queued: the background service is not reachable. "
        "Please try again in a moment."
    )


def requeue_if_lost(job: PdfJob, now: dt.datetime | None = None) -> bool:
    """Send a job queued for longer than ``requeue_after()`` to the workers again.

    Its message may have been lost (a broker restarted without persistence): without
    this, everyone asking for the same document would wait on a job nothing runs. A
    duplicate message is harmless: the build claims the job once (``claim_job``). The
    conditional update makes one of two simultaneous requests the one that re-sends.
    """
    now = now or timezone.now()
    if job.status != PdfJob.Status.QUEUED:
        return False
    if job.queued_at > now - dt.timedelta(seconds=requeue_after()):
        return False
    resent = PdfJob.objects.filter(
        pk=job.pk, status=PdfJob.Status.QUEUED, queued_at=job.queued_at
    ).update(queued_at=now)
    if not resent:
        return False
    job.queued_at = now
    job_id = str(job.pk)
    logger.warning("PDF job %s waited in the queue too long; sending it again", job_id)
    transaction.on_commit(lambda: queue_build(job_id), robust=True)
    return True


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
    stored = normalise_parameters(kind, parameters)
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        report = annual_report_for(region.pk if region else None, year)
        # A historical record was never submitted: it has no official version to print.
        if report is not None and report.is_frozen and not report.is_historical:
            return request_official_pdf(report, user=user, language=stored["language"])
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


def official_file_stem(report: AnnualReport, accepted: bool = False) -> str:
    """The stored name of a version's official PDF, without the storage's unique suffix."""
    stem = f"reports/vuosiraportti-{report.region.slug}-{report.year}-v{report.version}"
    return stem + "-hyvaksytty" if accepted else stem


def _stored_official(report: AnnualReport, accepted: bool) -> str:
    """The name of the version's stored official file, if it is there; else ""."""
    version = ReportVersion.objects.filter(report=report, number=report.version).first()
    if version is not None:
        official = version.accepted_pdf if accepted else version.official_pdf
    else:  # a report submitted before versions were kept
        official = report.official_pdf
    if (
        official
        and official.name.startswith(official_file_stem(report, accepted))
        and official.storage.exists(official.name)
    ):
        return str(official.name)
    return ""


def request_official_pdf(
    report: AnnualReport, user: Any = None, language: str = SOURCE_LANGUAGE
) -> PdfJob:
    """Return the job of the submitted version's official PDF, queuing it the first time.

    Built once per version as submitted, and once more when the version is accepted, with
    the acceptance record (who, in what role, when). A finished file stored on the version
    is never rebuilt, even when its job row is gone (a done job row is made for it), so
    the accepted PDF a person downloads later is the very file made at the acceptance.

    The record is Finnish. Asked for in Swedish or English, the same version is rendered
    in that language (``official_rendering``), a file of its own that is not the record.
    """
    accepted = report.status == AnnualReport.Status.ACCEPTED
    if language != SOURCE_LANGUAGE:
        return official_rendering(report, language, user=user)
    parameters = {
        "language": SOURCE_LANGUAGE,
        "official": True,
        "version": report.version,
    }
    if accepted:
        parameters["accepted"] = True
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
        stored = _stored_official(report, accepted)
        if stored:
            now = timezone.now()
            return PdfJob.objects.create(
                **fields,
                status=PdfJob.Status.DONE,
                progress=PROGRESS_DONE,
                file=stored,
                started_at=now,
                finished_at=now,
            )
        return _create_and_queue(**fields)


def official_rendering(report: AnnualReport, language: str, user: Any = None) -> PdfJob:
    """Return the job of a frozen version rendered in ``language`` (Swedish or English),
    queuing it the first time: the version's answers as submitted, the acceptance record of
    an accepted one, the rest of the page in ``language``. Keyed by the version and the
    language (and the translations it reads), reused while they stand; not the record, so
    it is neither stored on the version nor kept beyond ``PDF_RETENTION_DAYS``."""
    parameters: dict[str, Any] = {"language": language, "version": report.version}
    if report.status == AnnualReport.Status.ACCEPTED:
        parameters["accepted"] = True
    digest = compute_inputs_hash(PdfJob.Kind.ANNUAL_REPORT, report.region, report.year, parameters)
    with transaction.atomic():
        _lock_inputs(digest)
        existing = _reusable(PdfJob.Kind.ANNUAL_REPORT, digest)
        if existing is not None:
            return existing
        return _create_and_queue(
            kind=PdfJob.Kind.ANNUAL_REPORT,
            region=report.region,
            year=report.year,
            parameters=parameters,
            inputs_hash=digest,
            requested_by=user if getattr(user, "is_authenticated", False) else None,
        )


def waiting_notice(job: PdfJob, now: dt.datetime | None = None) -> str:
    """What to tell a person whose job no worker has picked up for a while, or ""."""
    now = now or timezone.now()
    if job.status != PdfJob.Status.QUEUED:
        return ""
    if job.queued_at > now - dt.timedelta(seconds=no_worker_hint_after()):
        return ""
    return _(
        "The build has not started yet: the background service may not be running. "
        "The page keeps checking; you may also try again later."
    )


# --- Dead and expired jobs ------------------------------------------------------------------


def _silent_since(now: dt.datetime) -> Q:
    """Running jobs whose build has given no sign of life for ``heartbeat_timeout()``."""
    silent = now - dt.timedelta(seconds=heartbeat_timeout())
    return Q(heartbeat_at__lt=silent) | Q(heartbeat_at__isnull=True, started_at__lt=silent)


def _stale_filter(now: dt.datetime) -> Q:
    running_limit = dt.timedelta(seconds=task_time_limit() + STALE_GRACE_SECONDS)
    queue_limit = dt.timedelta(
        seconds=int(getattr(settings, "PDF_QUEUE_TIMEOUT", DEFAULT_QUEUE_TIMEOUT))
    )
    return (
        Q(status=PdfJob.Status.RUNNING, started_at__lt=now - running_limit)
        | (Q(status=PdfJob.Status.RUNNING) & _silent_since(now))
        | Q(status=PdfJob.Status.QUEUED, created_at__lt=now - queue_limit)
    )


def _stale_message(status: str) -> str:
    if status == PdfJob.Status.RUNNING:
        return _("The build was interrupted before it finished. Please request the PDF again.")
    return _("The build did not start in time. Please request the PDF again.")


def expire_if_stale(job: PdfJob, now: dt.datetime | None = None) -> bool:
    """Mark the job failed if its worker died (no sign of life for ``heartbeat_timeout()``,
    or running past the hard time limit) or it was never picked up; return whether it was.
    The status page asks this on every poll, and every request for the same document.

    A killed worker (the hard limit, ``kill -9``, a lost machine) cannot report anything:
    the job would stay "running" for everyone without this check.
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
    if fields.get("status") == PdfJob.Status.RUNNING or "progress" in fields:
        fields.setdefault("heartbeat_at", timezone.now())
    PdfJob.objects.filter(pk=job_id).update(**fields)


def claim_job(job_id: str) -> bool:
    """Mark the job running for this build, unless another live build has it.

    A lost message sent again (``requeue_if_lost``) may reach a second worker while the
    first still builds: only a queued job, or a running one whose build has gone silent
    (its worker died), is taken. Returns whether this build took it.
    """
    now = timezone.now()
    claimable = Q(status=PdfJob.Status.QUEUED) | (
        Q(status=PdfJob.Status.RUNNING) & _silent_since(now)
    )
    return bool(
        PdfJob.objects.filter(claimable, pk=job_id).update(
            status=PdfJob.Status.RUNNING,
            progress=PROGRESS_STARTED,
            started_at=now,
            heartbeat_at=now,
            error="",
        )
    )


@contextlib.contextmanager
def heartbeat(job_id: str) -> Iterator[None]:
    """Touch the job's ``heartbeat_at`` every ``heartbeat_interval()`` seconds while the build
    runs, from a thread of the worker process.

    The long steps (WeasyPrint's layout) report no progress for a minute or more; the
    thread shows the build is alive meanwhile. When the worker process dies, the thread
    dies with it, and the silence tells the next person asking that the job is dead.
    """
    stop = threading.Event()

    def beat() -> None:
        try:
            while not stop.wait(heartbeat_interval()):
                # A thread has no scope of its own; the job is named by its id.
                with scope(region=None):
                    PdfJob.objects.filter(pk=job_id, status=PdfJob.Status.RUNNING).update(
                        heartbeat_at=timezone.now()
                    )
        except Exception:  # A lost database: the build itself will report it.
            logger.exception("The heartbeat of PDF job %s stopped", job_id)
        finally:
            db.connections.close_all()

    thread = threading.Thread(target=beat, name=f"pdf-heartbeat-{job_id}", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=heartbeat_interval() + 5)


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
    if not claim_job(job_id):
        logger.info("PDF job %s is being built by another worker", job_id)
        return PdfJob.Status.RUNNING
    language = document_language(job.parameters.get("language"))
    try:
        with translation.override(language), heartbeat(job_id):
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
    _tell_if_slow(job)
    return PdfJob.Status.DONE


def _tell_if_slow(job: PdfJob) -> None:
    """Tell whoever asked for the PDF that it is ready, when it took longer than
    ``PDF_NOTICE_AFTER`` seconds (a quick one they saw appear on the page). A job built
    twice (a lost message sent again) tells once: the job names the event."""
    waited = (timezone.now() - job.created_at).total_seconds()
    if job.requested_by_id is None or waited < getattr(settings, "PDF_NOTICE_AFTER", 5):
        return
    document = display_name(job)  # in the document's language, the language it was asked in
    try:
        notices.notify(
            "pdf_ready",
            notices.people_with_ids([job.requested_by_id]),
            {"document": document},
            event_key=f"reporting.pdfjob:{job.pk}:ready",
            link=reverse("pdf:download", kwargs={"pk": job.pk}),
        )
    except Exception:  # the PDF is done whatever becomes of its notice
        logger.exception("Could not tell of the PDF job %s", job.pk)


def _official_report(job: PdfJob) -> AnnualReport | None:
    """The report whose official PDF the job builds, checked to be still that version
    (and, for the accepted PDF, still accepted). A rendering of a version in another
    language is checked the same way, but is not stored as the record: None."""
    if "version" not in job.parameters:
        return None
    report = annual_report_for(job.region_id, job.year)
    if report is None:
        raise DocumentError(_("The annual report does not exist."))
    accepted = bool(job.parameters.get("accepted"))
    if (
        report.version != job.parameters.get("version")
        or not report.is_frozen
        or (accepted and report.status != AnnualReport.Status.ACCEPTED)
    ):
        raise DocumentError(
            _("The report has changed since this PDF was requested. Please request it again.")
        )
    return report if job.parameters.get("official") else None


def _store(job: PdfJob, report: AnnualReport | None, path: Path, filename: str) -> str:
    """Save the finished file to storage and return its stored name.

    An official file goes on its version (as submitted, or as accepted) and becomes the
    report's current official PDF. A version's file, once there, stays: a second build
    that finishes later (a lost message sent again) keeps the first one and drops its own.
    """
    if report is None:
        with path.open("rb") as handle:
            job.file.save(filename, File(handle), save=False)
        return job.file.name
    accepted = bool(job.parameters.get("accepted"))
    field = "accepted_pdf" if accepted else "official_pdf"
    with path.open("rb") as handle:
        stored = report.official_pdf.storage.save(
            official_file_stem(report, accepted) + ".pdf", File(handle)
        )
    with transaction.atomic():
        version = (
            ReportVersion.objects.select_for_update()
            .filter(report=report, number=report.version)
            .first()
        )
        if version is not None:
            kept = getattr(version, field)
            if kept and kept.storage.exists(kept.name):
                report.official_pdf.storage.delete(stored)
                return str(kept.name)
            ReportVersion.objects.filter(pk=version.pk).update(**{field: stored})
        AnnualReport.objects.filter(pk=report.pk, version=report.version).update(
            official_pdf=stored
        )
    return stored


# --- Downloads ------------------------------------------------------------------------------


def display_name(job: PdfJob) -> str:
    """The file name a person sees, in the document's language whatever page shows it:
    "TNO-foorumin yhteenveto Kaakkois-Suomi 2024-05-01-2025-04-30.pdf", "Sammandrag för
    TNO-forumet Sydöstra Finland …" for the Swedish file."""
    with translation.override(document_language(job.parameters.get("language"))):
        parts = [str(job.get_kind_display())]
        if job.region is not None:
            parts.append(localized(job.region, "name").plain)
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
