"""The PDFs the benchmark measures, through the reporting task code (``bench.probe pdf``).

``build`` runs Celery's ``build_pdf`` task in this process (``apply``: the task's own code,
retries and all, without a broker) on a job row made as ``reporting.pdf`` makes them, and
reports the seconds and the process's peak memory. ``weasyprint_only`` renders the same
document's final HTML (gathered and rendered untimed) and times WeasyPrint alone: the
limit for that document. Each runs in a fresh process; both import WeasyPrint before the
clock starts, as a warm worker has, and ``build`` first runs ``reporting.tasks.warm_up``,
as a worker process does when it starts (Celery's result backend, the document modules and
templates; no WeasyPrint work).
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from django.utils import translation

from bench.national_data import OPEN_YEAR
from reporting.models import PdfJob

#: The year the annual report and the national summary are about: the last accepted one.
PDF_YEAR = OPEN_YEAR - 1


def _job(kind: str) -> PdfJob:
    from bench.pages import bench_region
    from reporting.pdf import normalise_parameters

    region = bench_region()
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        fields: dict[str, Any] = {"region": region, "year": PDF_YEAR}
        parameters: dict[str, Any] = {}
    elif kind == PdfJob.Kind.NATIONAL_SUMMARY:
        fields, parameters = {"region": None, "year": PDF_YEAR}, {}
    elif kind == PdfJob.Kind.TNO_SUMMARY:
        fields = {"region": region, "year": None}
        parameters = {"start": dt.date(PDF_YEAR, 1, 1), "end": dt.date(PDF_YEAR, 12, 31)}
    elif kind == PdfJob.Kind.ELOLIV_BOOKLET:
        fields, parameters = {"region": None, "year": None}, {}  # all regions
    else:
        raise ValueError(f"Unknown PDF kind {kind!r}")
    with translation.override("fi"):
        stored = normalise_parameters(kind, parameters)
    return PdfJob.objects.create(kind=kind, parameters=stored, **fields)


def build(kind: str) -> dict[str, Any]:
    import weasyprint  # noqa: F401 (loaded before the clock, as in a warm worker)

    from bench.probe import peak_rss_mb
    from reporting.tasks import build_pdf, warm_up

    warm_up()  # what a worker process does at start (worker_process_init)
    job = _job(kind)
    started = time.perf_counter()
    status = build_pdf.apply(args=[str(job.pk)]).get(propagate=False)
    seconds = time.perf_counter() - started
    job.refresh_from_db()
    size = job.file.size if job.file else 0
    return {
        "kind": kind,
        "status": str(status),
        "error": job.error,
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "pdf_kb": round(size / 1024),
    }


def weasyprint_only(kind: str) -> dict[str, Any]:
    import weasyprint  # noqa: F401

    from bench.probe import peak_rss_mb
    from reporting.documents import prepare_for_job, render, write_pdf

    job = _job(kind)
    with translation.override(job.parameters.get("language") or "fi"):
        document = render(prepare_for_job(job))
    job.delete()
    with tempfile.TemporaryDirectory(prefix="bench-pdf-") as folder:
        started = time.perf_counter()
        write_pdf(document.html, Path(folder) / document.filename)
        seconds = time.perf_counter() - started
    return {
        "kind": kind,
        "weasyprint_seconds": round(seconds, 2),
        "weasyprint_peak_rss_mb": round(peak_rss_mb(), 1),
        "html_kb": round(len(document.html.encode()) / 1024),
    }
