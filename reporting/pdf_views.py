"""PDF jobs on the web: ask for one, watch it being made, download it.

Who may ask depends on the kind: a region's TNO summary or ELOLIV booklet the region's
coordinator and the national team (``reporting.request_region_pdf``), an annual report
whoever may read it, the national summary and the all-regions booklet whoever may read
the national summary. Who may watch and download asks the same of the job's object
again: everybody else gets 404, so a job of others stays invisible.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from lib.access import check_permission
from lib.downloads import serve_file
from lib.scoping import scope, view_in_scope
from network.models import Region
from portal.rules import ReportAudience, report_audience
from reporting import pdf
from reporting.documents import annual_report_for
from reporting.models import AnnualReport, PdfJob
from reporting.pdf_forms import PdfRequestForm

#: htmx stops polling when a response has this status (the job has finished).
HTMX_STOP_POLLING = 286


def required_permission(kind: str, region: Region | None) -> str:
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        return "reporting.view_report"
    if kind == PdfJob.Kind.NATIONAL_SUMMARY or region is None:
        return "reporting.view_national_summary"
    return "reporting.request_region_pdf"


def may_view_job(user: Any, job: PdfJob) -> bool:
    """Whether the person may see the job's progress and download its file.

    The national team every region's; a region's own people their region's; the public
    only what is published, that is accepted annual reports. A national summary was built
    for its requester's audience (see ``reporting.pdf.request_pdf``): only someone who
    reads every report it may show sees it, so a coordinator never downloads the national
    team's (a job without a stored audience counts as built for the national team).
    """
    if job.kind == PdfJob.Kind.ANNUAL_REPORT:
        report = annual_report_for(job.region_id, job.year)
        return report is not None and user.has_perm("reporting.view_report", report)
    if job.kind == PdfJob.Kind.NATIONAL_SUMMARY:
        built_for = ReportAudience.from_parameter(job.parameters.get("audience"))
        return user.has_perm("reporting.view_national_summary") and report_audience(user).covers(
            built_for
        )
    if job.region is None:
        return user.has_perm("reporting.view_national_summary")
    return user.has_perm("network.view_region_private", job.region)


def visible_job(request: HttpRequest, pk: Any) -> PdfJob:
    job = get_object_or_404(PdfJob.objects.select_related("region"), pk=pk)
    if not may_view_job(request.user, job):
        raise Http404("No such PDF.")
    return job


#: A job is named by its UUID alone, not by a region: its status page and download look it
#: up in every region on purpose, and ``may_view_job`` asks of the job's own object (its
#: region, report or audience) whether the person may see it.
_job_of_any_region = view_in_scope(region=None)


@require_POST
def request_pdf(request: HttpRequest) -> HttpResponseBase:
    """Ask for a PDF and go to its status page (a finished one's at once, if reused)."""
    form = PdfRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "reporting/pdf/request_invalid.html", {"form": form}, status=400)
    data = form.cleaned_data
    kind = data["kind"]
    region = get_object_or_404(Region, slug=data["region"]) if data["region"] else None
    year = (
        data["year"] if kind in (PdfJob.Kind.ANNUAL_REPORT, PdfJob.Kind.NATIONAL_SUMMARY) else None
    )
    # The form names the region; a national document (no region) reads every region.
    with scope(region=region.pk if region else None):
        return _request_pdf(request, data, kind, region, year)


def _request_pdf(
    request: HttpRequest, data: dict[str, Any], kind: str, region: Region | None, year: Any
) -> HttpResponseBase:
    if kind == PdfJob.Kind.ANNUAL_REPORT:
        target: Any = get_object_or_404(AnnualReport, region=region, year=year)
    else:
        target = None if kind == PdfJob.Kind.NATIONAL_SUMMARY else region
    permission = required_permission(kind, region)
    if not request.user.is_authenticated and not request.user.has_perm(permission, target):
        return redirect_to_login(_page_to_return_to(request))
    check_permission(request, permission, target)
    job = pdf.request_pdf(
        kind,
        region=region if kind != PdfJob.Kind.NATIONAL_SUMMARY else None,
        year=year,
        parameters={"start": data["start"], "end": data["end"]},
        user=request.user,
    )
    return redirect("pdf:status", pk=job.pk)


def _page_to_return_to(request: HttpRequest) -> str:
    """The page the button was on (its ``next`` field), to come back to after signing in."""
    page = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(page, {request.get_host()}, request.is_secure()):
        return page
    return reverse("strategy:home")


def job_json(job: PdfJob) -> dict[str, Any]:
    return {
        "id": str(job.pk),
        "kind": job.kind,
        "status": job.status,
        "status_label": str(job.get_status_display()),
        "progress": job.progress,
        "error": job.error,
        "notice": pdf.waiting_notice(job),
        "download_url": reverse("pdf:download", kwargs={"pk": job.pk})
        if job.status == PdfJob.Status.DONE
        else None,
    }


@require_GET
@_job_of_any_region
def job_status(request: HttpRequest, pk: Any) -> HttpResponse:
    """The job's status: a page that polls itself, its partial for htmx, or JSON.

    Every look marks a job whose worker died as failed (see ``pdf.expire_if_stale``), sends
    a job whose message was lost again (``pdf.requeue_if_lost``), and says so plainly when no
    worker has picked the job up for a while (``pdf.waiting_notice``).
    """
    job = visible_job(request, pk)
    if not pdf.expire_if_stale(job):
        pdf.requeue_if_lost(job)
    finished = job.status in (PdfJob.Status.DONE, PdfJob.Status.FAILED)
    context = {
        "job": job,
        "finished": finished,
        "file_name": pdf.display_name(job),
        "waiting_notice": pdf.waiting_notice(job),
    }
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse(job_json(job))
    if getattr(request, "htmx", False):
        return render(
            request,
            "reporting/pdf/includes/job_progress.html",
            context,
            status=HTMX_STOP_POLLING if finished else 200,
        )
    return render(request, "reporting/pdf/status.html", {**context, "region": job.region})


@require_GET
@_job_of_any_region
def download(request: HttpRequest, pk: Any) -> FileResponse:
    """Stream a finished PDF to whoever may see its object, as an attachment."""
    job = visible_job(request, pk)
    if job.status != PdfJob.Status.DONE or not job.file:
        raise Http404("The PDF is not ready.")
    name = pdf.display_name(job)
    return serve_file(
        job.file,
        filename=name,
        content_type="application/pdf",
        ascii_filename=pdf.ascii_name(name),
    )
