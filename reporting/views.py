"""A region's annual reports, under /<region>/raportit/ (the national pages: ``national_views``).

Every view checks its permission through ``lib.access`` (``reporting.*`` in
``portal.rules``): on the region for its list and for starting a report, on the report
itself otherwise. Changes go through ``reporting.services``; their ``ReportError`` becomes a
message on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from lib.access import PermissionMixin, check_permission
from lib.concurrency import ConcurrentEditMixin
from network.mixins import RegionMixin
from reporting import charts, services, versions
from reporting.forms import EntryDeadlineForm, ReportForm, ReturnForm
from reporting.models import AnnualReport, Answer, EntryDeadline, ReportingYear

# --- Where a report stands ----------------------------------------------------------------


@dataclass(frozen=True)
class ReportState:
    """How a region's report on a year stands, for a table cell."""

    status: str  # "not_started" or an AnnualReport.Status value
    label: str
    overdue: bool


def report_state(
    report_status: str | None, reporting_year: ReportingYear | None, today: Any
) -> ReportState:
    """The state of a report (None: not started); overdue when past due and not submitted."""
    if report_status is None:
        status, label = "not_started", _("Not started")
    else:
        status, label = report_status, str(AnnualReport.Status(report_status).label)
    waiting = report_status in (None, AnnualReport.Status.DRAFT, AnnualReport.Status.RETURNED)
    overdue = waiting and reporting_year is not None and reporting_year.is_overdue(today)
    return ReportState(status=status, label=label, overdue=overdue)


# --- A region's reports -------------------------------------------------------------------


class RegionReportMixin(RegionMixin, PermissionMixin):
    """The URL's region; ``permission_required`` is checked on the region first."""

    request: HttpRequest
    kwargs: dict[str, Any]
    report: AnnualReport

    def get_permission_object(self) -> Model:
        return self.region

    def get_report(self, permission: str) -> AnnualReport:
        """The region's report on the URL's year, checked for ``permission``; else 404."""
        report: AnnualReport = get_object_or_404(
            AnnualReport.objects.select_related("region"),
            region=self.region,
            year=self.kwargs["year"],
        )
        check_permission(self.request, permission, report)
        return report

    def detail_url(self) -> str:
        return reverse(
            "reports:detail", kwargs={"region": self.region.slug, "year": self.kwargs["year"]}
        )


class ReportListView(RegionReportMixin, TemplateView):
    """The region's reports by year, with due dates, and a start button for open years.

    Queries: the user (the session is cached), the region, the person's roles, the
    reporting years, the region's reports and its entry deadlines: six for a coordinator,
    however many years.
    """

    permission_required = "reporting.view_report"
    template_name = "reporting/report_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        years = {
            reporting_year.year: reporting_year for reporting_year in ReportingYear.objects.all()
        }
        reports = {
            report.year: report for report in AnnualReport.objects.filter(region=self.region)
        }
        deadlines = {
            deadline.year: deadline for deadline in EntryDeadline.objects.filter(region=self.region)
        }
        can_edit = self.request.user.has_perm("reporting.edit_report", self.region)
        today = timezone.localdate()
        rows = []
        for year in sorted(set(years) | set(reports), reverse=True):
            report = reports.get(year)
            rows.append(
                {
                    "year": year,
                    "reporting_year": years.get(year),
                    "report": report,
                    "state": report_state(
                        report.status if report else None, years.get(year), today
                    ),
                    "can_start": report is None and year in years and can_edit,
                    "entry_deadline": deadlines.get(year),
                    "can_set_entry_deadline": can_edit and year in years,
                }
            )
        context.update(rows=rows, can_edit=can_edit)
        return context


class StartReportView(RegionReportMixin, View):
    """Start the region's report on a year (POST), then open its form."""

    permission_required = "reporting.edit_report"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.start_report(self.region, kwargs["year"], request.user)
        except services.ReportError as error:
            messages.error(request, str(error))
            return redirect("reports:list", region=self.region.slug)
        messages.success(request, _("The report was started."))
        return redirect("reports:edit", region=self.region.slug, year=kwargs["year"])


def compare_with_previous(doc: services.AnswerDoc, before: Answer | None) -> dict[str, Any]:
    """An answer of the report beside the previous report's, and whether they differ."""
    activities = "\n".join(doc.activities)
    return {
        "doc": doc,
        "previous": before,
        "level_changed": (before.level if before else None) != doc.level,
        "activities_changed": (before.activities if before else "") != activities,
    }


def events_chart(records: services.YearRecords) -> SafeString | None:
    """The year's published events by kind as an inline SVG bar chart; None without events."""
    if not records.events_by_kind:
        return None
    return charts.bar_chart(
        "tapahtumat",
        _("Published events by kind in %(year)s") % {"year": records.year},
        "; ".join(f"{row.label}: {row.count}" for row in records.events_by_kind),
        [(row.label, row.count) for row in records.events_by_kind],
        stacked=True,
    )


class ReportDetailView(RegionMixin, TemplateView):
    """A report with its answers, the previous report beside them and the year's records.

    An accepted report is public; others only for the region's people, the national team
    and administrators (a visitor is asked to sign in, an outsider gets 404).
    """

    template_name = "reporting/report_detail.html"
    request: HttpRequest
    report: AnnualReport

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = get_object_or_404(AnnualReport, region=self.region, year=kwargs["year"])
        if not request.user.has_perm("reporting.view_report", self.report):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            check_permission(request, "reporting.view_report", self.report)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        document = services.build_report_document(self.report)
        # Beside the answers only a previous report the person may read: an accepted
        # report is public, the region's earlier draft is not.
        previous = services.previous_report(self.report, AnnualReport.objects.readable_by(user))
        earlier = (
            {
                services.sub_theme_number(answer.sub_theme): answer
                for answer in previous.answers.all()
            }
            if previous
            else {}
        )
        themes = [
            {
                "theme": theme,
                "answers": [
                    compare_with_previous(doc, earlier.get(doc.number)) for doc in theme.sub_themes
                ],
            }
            for theme in document.themes
        ]
        can_review = (
            user.has_perm("reporting.review_report", self.report)
            and self.report.status == AnnualReport.Status.SUBMITTED
        )
        may_decide = can_review and user.has_perm("reporting.decide_report", self.report)
        context.update(
            report=self.report,
            document=document,
            themes=themes,
            previous_report=previous,
            can_edit=user.has_perm("reporting.edit_report", self.report)
            and not self.report.is_frozen,
            can_review=can_review and may_decide,
            # A reviewer with a role in the region is told why the buttons are not there.
            own_region=can_review and not may_decide,
            versions=list(versions.versions_of(self.report))
            if user.has_perm("reporting.view_report_versions", self.report)
            else [],
            reporting_year=ReportingYear.objects.filter(year=self.report.year).first(),
            events_chart=events_chart(document.records),
        )
        return context


class ReportEditView(RegionReportMixin, FormView):
    """The whole report on one page: per sub-theme a level, activities and examples.

    Beside each answer the previous report's answer, marked where this one differs. The
    form is saved in one transaction or not at all; a frozen report is not edited.
    """

    permission_required = "reporting.edit_report"
    template_name = "reporting/report_form.html"
    form_class = ReportForm

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        if self.report.is_frozen:
            return self._refuse_frozen()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        if self.report.is_frozen:
            return self._refuse_frozen()
        return super().post(request, *args, **kwargs)

    def _refuse_frozen(self) -> HttpResponse:
        messages.error(self.request, services.frozen_reason(self.report))
        return redirect(self.detail_url())

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        self.answers = {
            answer.sub_theme_id: answer
            for answer in self.report.answers.prefetch_related("rung_activities")
        }
        kwargs.update(themes=services.framework(self.report.year), answers=self.answers)
        kwargs["initial"] = {
            "summary": self.report.summary,
            "read_version": services.report_version(self.report),
        }
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form: ReportForm = context["form"]
        previous = services.previous_report(self.report)
        # The previous report answered its own year's framework: matched by number ("1.2").
        earlier = (
            {
                services.sub_theme_number(answer.sub_theme): answer
                for answer in previous.answers.all()
            }
            if previous
            else {}
        )
        sections = form.sections()
        for section in sections:
            for item in section["sub_themes"]:
                before = earlier.get(item["number"])
                item["previous"] = before
                if previous is not None:
                    level = item["level"].value()
                    item["level_changed"] = str(level or "") != str(
                        before.level if before and before.level else ""
                    )
                    item["activities_changed"] = (item["activities"].value() or "").strip() != (
                        before.activities if before else ""
                    )
        context.update(
            report=self.report,
            sections=sections,
            previous_report=previous,
            detail_url=self.detail_url(),
            reporting_year=ReportingYear.objects.filter(year=self.report.year).first(),
        )
        return context

    def form_valid(self, form: ReportForm) -> HttpResponse:
        try:
            services.save_answers(
                self.report, form.report_input(), form.cleaned_data["read_version"]
            )
        except services.StaleReport as stale:
            # What the person typed stays in the bound form; the current version lets them
            # save again on top of the other save, knowingly.
            data = self.request.POST.copy()
            data["read_version"] = stale.current_version
            form.data = data
            form.add_error(None, str(stale))
            return self.form_invalid(form)
        except services.ReportError as error:
            messages.error(self.request, str(error))
            return redirect(self.detail_url())
        messages.success(self.request, _("The report was saved."))
        return redirect(self.detail_url())


class SubmitReportView(RegionReportMixin, TemplateView):
    """Confirm (GET) and submit (POST) the report to the national team."""

    permission_required = "reporting.edit_report"
    template_name = "reporting/report_submit.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            report=self.report,
            missing=services.missing_levels(self.report),
            detail_url=self.detail_url(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        try:
            services.submit_report(self.report, request.user)
        except services.ReportError as error:
            messages.error(request, str(error))
            return redirect("reports:submit", region=self.region.slug, year=self.report.year)
        messages.success(request, _("The report was submitted to the national team."))
        return redirect(self.detail_url())


def shown_version(data: Any) -> int | None:
    """The version number a decision's page showed (its ``shown_version``), if it sent one."""
    value = str(data.get("shown_version", ""))
    return int(value) if value.isdigit() and len(value) < 6 else None


class AcceptReportView(RegionReportMixin, View):
    """The national team accepts a submitted report (POST)."""

    permission_required = "reporting.review_report"
    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        report = self.get_report(self.permission_required)
        try:
            services.accept_report(report, request.user, shown_version(request.POST))
        except services.ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The report was accepted."))
        return redirect(self.detail_url())


class ReturnReportView(RegionReportMixin, FormView):
    """The national team returns a submitted report with a comment."""

    permission_required = "reporting.review_report"
    template_name = "reporting/report_return.html"
    form_class = ReturnForm

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.report = self.get_report(self.permission_required)
        return super().post(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"shown_version": self.report.version}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(report=self.report, detail_url=self.detail_url())
        return context

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        try:
            services.return_report(
                self.report,
                self.request.user,
                form.cleaned_data["comment"],
                form.cleaned_data.get("shown_version"),
            )
        except services.ReportError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, _("The report was returned to the region."))
        return redirect(self.detail_url())


class EntryDeadlineEditView(ConcurrentEditMixin, RegionReportMixin, FormView):
    """The coordinator sets by when the organisations log a year's work (an opened year).

    An empty date removes the deadline. Two coordinators setting a new one at once: the
    second is told, by the unique region and year, instead of an error page.
    """

    permission_required = "reporting.edit_report"
    template_name = "reporting/entry_deadline_form.html"
    form_class = EntryDeadlineForm

    def get_form_kwargs(self) -> dict[str, Any]:
        year = self.kwargs["year"]
        if not ReportingYear.objects.filter(year=year).exists():
            raise Http404(_("Page not found."))
        self.deadline = EntryDeadline.objects.filter(
            region=self.region, year=year
        ).first() or EntryDeadline(region=self.region, year=year)
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.deadline
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(year=self.kwargs["year"], deadline=self.deadline)
        return context

    def form_valid(self, form: EntryDeadlineForm) -> HttpResponse:
        year = self.kwargs["year"]
        try:
            with transaction.atomic():
                if form.cleaned_data["due_date"] is not None:
                    form.save()
                    done = _("The entry deadline of %(year)s was saved.")
                else:
                    if self.deadline.pk is not None:
                        self.deadline.delete()
                    done = _("The entry deadline of %(year)s was removed.")
        except IntegrityError:
            form.add_error(
                None,
                _(
                    "Someone else set the entry deadline of %(year)s while you had this page "
                    "open. Open the page again to see it."
                )
                % {"year": year},
            )
            return self.form_invalid(form)
        messages.success(self.request, done % {"year": year})
        return redirect("reports:list", region=self.region.slug)
