"""A report's versions: what changed between two, and each version's PDF.

Both read the versions of a region's report, with the national team's comments on the
returned ones, so both ask ``reporting.view_report_versions`` on the region: its people,
the national team and administrators. An accepted report's public page shows only its
final version.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView, View

from lib.downloads import serve_file
from reporting import pdf, versions
from reporting.forms import CompareVersionsForm
from reporting.models import ReportVersion
from reporting.views import RegionReportMixin


class CompareVersionsView(RegionReportMixin, TemplateView):
    """What changed between two versions of a report, word by word.

    ``?old=1&new=2`` picks them; without, the latest version against the one before.
    Queries: the user, the region, the person's roles, the report, the versions' numbers
    and the two versions compared: six, however many versions and answers.
    """

    permission_required = "reporting.view_report_versions"
    template_name = "reporting/version_compare.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report("reporting.view_report")
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        numbers = list(
            ReportVersion.objects.filter(report=self.report)
            .order_by("number")
            .values_list("number", flat=True)
        )
        form = CompareVersionsForm(self.request.GET or None, numbers=numbers)
        comparison = None
        if len(numbers) >= 2:
            if form.is_bound and form.is_valid():
                old, new = sorted((form.cleaned_data["old"], form.cleaned_data["new"]))
            else:
                old, new = numbers[-2], numbers[-1]
            if not form.is_bound:
                form = CompareVersionsForm(initial={"old": old, "new": new}, numbers=numbers)
            pair = {
                version.number: version
                for version in versions.versions_of(self.report).filter(number__in=[old, new])
            }
            comparison = versions.compare_versions(pair[old], pair[new])
        context.update(
            report=self.report,
            form=form,
            comparison=comparison,
            detail_url=self.detail_url(),
        )
        return context


class VersionPdfView(RegionReportMixin, View):
    """A version's official PDF: the accepted one's with its acceptance record, else the
    file made when it was submitted; 404 while it is not there."""

    permission_required = "reporting.view_report_versions"
    http_method_names = ["get"]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        report = self.get_report("reporting.view_report")
        version = ReportVersion.objects.filter(report=report, number=kwargs["number"]).first()
        if version is None:
            raise Http404("No such version.")
        stored = version.accepted_pdf or version.official_pdf
        if not stored:
            raise Http404("The PDF of the version is not ready.")
        name = (
            _("Annual report %(region)s %(year)s version %(number)s")
            % {"region": self.region.name, "year": report.year, "number": version.number}
            + ".pdf"
        )
        return serve_file(
            stored,
            filename=name,
            content_type="application/pdf",
            ascii_filename=pdf.ascii_name(name),
        )
