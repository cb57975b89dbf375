"""The PDF documents the portal builds, one module each; ``prepare_for_job`` picks by kind."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import TYPE_CHECKING

from django.template.loader import get_template
from django.utils.translation import gettext as _

from reporting.documents.base import (
    DocumentError,
    PreparedDocument,
    RenderedDocument,
    render,
    template_path,
    write_pdf,
)

if TYPE_CHECKING:
    from reporting.models import AnnualReport, PdfJob

__all__ = [
    "DocumentError",
    "PreparedDocument",
    "RenderedDocument",
    "annual_report_for",
    "load_all",
    "prepare_for_job",
    "render",
    "write_pdf",
]


def annual_report_for(region_id: int | None, year: int | None) -> AnnualReport | None:
    """The region's report on the year, its region joined; None without either."""
    from reporting.models import AnnualReport

    if region_id is None or year is None:
        return None
    return (
        AnnualReport.objects.select_related("region").filter(region_id=region_id, year=year).first()
    )


#: One module a document, each naming its template (``TEMPLATE_NAME``).
DOCUMENT_MODULES = ("annual_report", "eloliv", "national_summary", "tno")


def load_all() -> None:
    """Import every document module and compile its template: a worker does this once
    when it starts (``reporting.tasks.warm_up``) rather than during its first job."""
    for name in DOCUMENT_MODULES:
        module = importlib.import_module(f"reporting.documents.{name}")
        get_template(template_path(module.TEMPLATE_NAME))


def prepare_for_job(job: PdfJob) -> PreparedDocument:
    """Gather the data of the document the job asks for, in the active language.

    Raises DocumentError for what the requester can act on: a report that does not exist
    (any more), a region without a strategy, a year nobody has reported on.
    """
    from reporting.models import PdfJob

    kind = job.kind
    if kind == PdfJob.Kind.TNO_SUMMARY:
        from reporting.documents.tno import prepare_tno_summary

        if job.region is None:
            raise DocumentError(_("The summary needs a region."))
        start = dt.date.fromisoformat(job.parameters["start"])
        end = dt.date.fromisoformat(job.parameters["end"])
        return prepare_tno_summary(job.region, start, end)
    if kind == PdfJob.Kind.ELOLIV_BOOKLET:
        from reporting.documents.eloliv import prepare_eloliv_booklet

        return prepare_eloliv_booklet(job.region)
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        from reporting.documents.annual_report import prepare_annual_report

        report = annual_report_for(job.region_id, job.year)
        if report is None:
            raise DocumentError(_("The annual report does not exist."))
        return prepare_annual_report(report)
    if kind == PdfJob.Kind.NATIONAL_SUMMARY:
        from portal.rules import ReportAudience
        from reporting.documents.national_summary import prepare_national_summary

        if job.year is None:
            raise DocumentError(_("The summary needs a year."))
        # Built for whom it was asked for: the audience is part of the job's parameters.
        audience = ReportAudience.from_parameter(job.parameters.get("audience"))
        return prepare_national_summary(job.year, audience)
    raise DocumentError(_("Unknown kind of document."))
