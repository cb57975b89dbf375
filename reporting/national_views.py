"""The national landing page: the regions, their strategies, this year's reports and the
national PDFs, for the national team (and coordinators, who read the national pages).

The reports appear by state only (no content), as on ``reporting:index``: who reads which
report's content is decided on the report's own page.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import TemplateView

from network.models import Region
from reporting.models import AnnualReport, PdfJob, ReportingYear
from reporting.views import NationalMixin, report_state
from strategy.models import Strategy


class NationalHomeView(NationalMixin, TemplateView):
    """Every region with its current strategy and the state of its latest year's report,
    and the forms that build the national PDFs.

    Queries: the user (the session is cached), the person's roles (asked once, for the
    TNO summary's regions), the reporting years, the regions, their current strategies,
    and the reports' states of the year: six, however many regions.
    """

    permission_required = "reporting.view_national_summary"
    template_name = "reporting/national_home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        years = list(ReportingYear.objects.order_by("-year"))
        reporting_year = years[0] if years else None
        regions = list(
            Region.objects.order_by("position", "name").prefetch_related(
                Prefetch(
                    "strategies",
                    queryset=Strategy.objects.current().only(
                        "pk", "region_id", "title", "start_year", "end_year"
                    ),
                    to_attr="current_strategies",
                )
            )
        )
        statuses: dict[int, str] = {}
        if reporting_year is not None:
            statuses = dict(
                AnnualReport.objects.filter(year=reporting_year.year).values_list(
                    "region_id", "status"
                )
            )
        today = timezone.localdate()
        rows: list[dict[str, Any]] = []
        counts: dict[str, int] = {}
        for region in regions:
            state = report_state(statuses.get(region.pk), reporting_year, today)
            counts[state.label] = counts.get(state.label, 0) + 1
            strategies: list[Strategy] = region.current_strategies  # type: ignore[attr-defined]
            rows.append(
                {
                    "region": region,
                    "strategy": strategies[0] if strategies else None,
                    "state": state,
                    # A link where the person reads the report: an accepted one, or any of
                    # a region whose unaccepted reports they read (``reporting.view_report``).
                    "report_link": region.pk in statuses
                    and (
                        statuses[region.pk] == AnnualReport.Status.ACCEPTED
                        or user.has_perm("reporting.view_report", region)
                    ),
                }
            )
        context.update(
            reporting_year=reporting_year,
            years=years,
            rows=rows,
            state_counts=sorted(counts.items()),
            # The TNO summary of any region the person may ask one of: every region for
            # the national team, a coordinator's own (``reporting.request_region_pdf``).
            tno_regions=[
                region
                for region in regions
                if user.has_perm("reporting.request_region_pdf", region)
            ],
            kinds=PdfJob.Kind,
        )
        return context
