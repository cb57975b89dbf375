"""The national pages: the landing page (regions, strategies, this year's reports, the national
PDFs), the reporting years and the national summary, for the national team (and
coordinators, who read the national pages).

The reports appear by state only (no content), as on ``reporting:index``: who reads which
report's content is decided on the report's own page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Model, Prefetch
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseBase,
)
from django.shortcuts import get_object_or_404, redirect
from django.shortcuts import render as render_page
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from lib.access import PermissionMixin
from lib.concurrency import OnceOnlyCreateMixin, StaleEdit, add_submission_token, refuse_stale
from lib.deletion import summarize
from lib.scoping import render_in_scope
from network.models import Region
from portal.rules import report_audience
from reporting import charts, framework_services, services
from reporting.forms import FrameworkMoveForm, ReportingYearForm, SubThemeForm, ThemeForm
from reporting.models import AnnualReport, PdfJob, ReportingYear, SubTheme, Theme
from reporting.summary import SubThemeSummary, build_national_summary
from reporting.views import report_state
from strategy.models import Strategy

# --- National pages -----------------------------------------------------------------------


class NationalMixin(PermissionMixin):
    """National pages belong to no region: the permission is asked without an object.

    They read every region on purpose (``scope(region=None)``): the permission check comes
    first, and what a coordinator may read of other regions' reports is ``readable_by``'s.
    """

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return render_in_scope(
            None, lambda: super(NationalMixin, self).dispatch(request, *args, **kwargs)
        )

    def get_permission_object(self) -> Model | None:
        return None


class ReportingIndexView(NationalMixin, TemplateView):
    """Every reporting year with its due date, and per region the state of its report.

    Queries: the user (the session is cached), the person's roles (none for the national
    team), the years, the regions and the reports' states: four for the national team,
    however many regions and years.
    """

    permission_required = "reporting.view_national_summary"
    template_name = "reporting/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        years = list(ReportingYear.objects.order_by("-year"))
        regions = list(Region.objects.order_by("position", "name"))
        statuses = {
            (region_id, year): status
            for region_id, year, status in AnnualReport.objects.values_list(
                "region_id", "year", "status"
            )
        }
        today = timezone.localdate()
        rows = [
            {
                "region": region,
                "cells": [
                    {
                        "year": reporting_year.year,
                        "state": report_state(
                            statuses.get((region.pk, reporting_year.year)), reporting_year, today
                        ),
                        "exists": (region.pk, reporting_year.year) in statuses,
                    }
                    for reporting_year in years
                ],
            }
            for region in regions
        ]
        context.update(
            years=years,
            rows=rows,
            can_manage=self.request.user.has_perm("reporting.manage_years"),
            next_year=(years[0].year + 1) if years else today.year,
        )
        return context


class ReportingYearEditView(NationalMixin, FormView):
    """The national team sets a year's due date, instructions and reminder schedule; a new
    year is opened so."""

    permission_required = "reporting.manage_years"
    template_name = "reporting/year_form.html"
    form_class = ReportingYearForm

    def get_form_kwargs(self) -> dict[str, Any]:
        year = self.kwargs["year"]
        if not 2000 <= year <= 2100:
            raise Http404(_("Page not found."))
        # A new year suggests the usual schedule: 30 and 7 days before, weekly when late.
        self.reporting_year = ReportingYear.objects.filter(year=year).first() or ReportingYear(
            year=year, reminder_days=[30, 7], remind_weekly_when_overdue=True
        )
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = self.reporting_year
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["reporting_year"] = self.reporting_year
        return context

    def form_valid(self, form: ReportingYearForm) -> HttpResponse:
        form.save()
        messages.success(
            self.request,
            _("The reporting year %(year)s was saved.") % {"year": self.kwargs["year"]},
        )
        return redirect("reporting:index")


def distribution_chart(sub_theme: SubThemeSummary) -> SafeString:
    """How many regions stand on each level of the sub-theme, as an inline SVG bar chart."""
    titles = {group.value: group.title for group in sub_theme.levels}
    items = sorted(sub_theme.distribution.items())
    return charts.bar_chart(
        f"jakauma-{sub_theme.number.replace('.', '-')}",
        _("Regions by level: %(number)s %(title)s")
        % {"number": sub_theme.number, "title": sub_theme.title},
        "; ".join(
            _("level %(level)s: %(count)s regions") % {"level": value, "count": count}
            for value, count in items
        ),
        [(f"{value} {titles.get(value, '')}".strip(), count) for value, count in items],
        stacked=True,
    )


class NationalSummaryView(NationalMixin, TemplateView):
    """The national summary of a year's submitted and accepted reports, like seed 001.

    Of the reports the person may read: the national team's and administrators' summary
    has every region's, a coordinator's the accepted reports and their own region's.

    Queries: the user (the session is cached), the person's roles (none for the national
    team), the reporting year, the regions' content versions (the cached summary's key),
    then, when the cached summary is out of date, the summary's six
    (``build_national_summary``): nine for the national team, for any number of regions,
    and three while the cached summary holds.
    """

    permission_required = "reporting.view_national_summary"
    template_name = "reporting/summary.html"
    reporting_year: ReportingYear

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        self.reporting_year = get_object_or_404(ReportingYear, year=self.kwargs["year"])
        audience = report_audience(self.request.user)
        # The summary is built only if the page's cached fragment is rendered afresh; the
        # fragment is keyed on the audience, so a coordinator's never serves the national
        # team's, nor the other way round.
        context.update(
            reporting_year=self.reporting_year,
            summary_audience=audience.key,
            summary_is_partial=not audience.reads_everything,
            summary_data=self.summary_context,
        )
        return context

    def summary_context(self) -> dict[str, Any]:
        """The summary and its charts: the template's ``fragment`` calls this."""
        summary = build_national_summary(
            self.reporting_year.year, AnnualReport.objects.readable_by(self.request.user)
        )
        return {
            "summary": summary,
            "sections": [
                {
                    "theme": theme,
                    "sub_themes": [
                        {
                            "summary": sub_theme,
                            "distribution": sorted(sub_theme.distribution.items()),
                            "chart": distribution_chart(sub_theme),
                        }
                        for sub_theme in theme.sub_themes
                    ],
                }
                for theme in summary.themes
            ],
            "columns": list(zip(summary.sub_theme_labels, summary.sub_theme_titles, strict=True)),
        }


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
                        statuses[region.pk]
                        in (AnnualReport.Status.ACCEPTED, AnnualReport.Status.HISTORICAL)
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


# --- A year's framework -------------------------------------------------------------------


class FrameworkMixin(NationalMixin):
    """A reporting year's framework pages: the national team only (``manage_years``)."""

    permission_required = "reporting.manage_years"
    request: HttpRequest
    kwargs: dict[str, Any]

    def reporting_year(self) -> ReportingYear:
        year: ReportingYear = get_object_or_404(ReportingYear, year=self.kwargs["year"])
        return year

    def framework_url(self, anchor: str = "") -> str:
        url = reverse("reporting:framework", kwargs={"year": self.kwargs["year"]})
        return f"{url}#{anchor}" if anchor else url

    def get_theme(self) -> Theme:
        """The URL's theme, of the URL's year (another year's answers 404)."""
        theme: Theme = get_object_or_404(
            Theme.objects.select_related("reporting_year"),
            pk=self.kwargs["pk"],
            reporting_year__year=self.kwargs["year"],
        )
        return theme

    def get_sub_theme(self) -> SubTheme:
        """The URL's sub-theme, of the URL's year."""
        sub_theme: SubTheme = get_object_or_404(
            SubTheme.objects.select_related("theme__reporting_year"),
            pk=self.kwargs["pk"],
            theme__reporting_year__year=self.kwargs["year"],
        )
        return sub_theme


class FrameworkView(FrameworkMixin, TemplateView):
    """The year's themes, sub-themes and ladders, with their edit links while the framework
    is open, and why it is fixed once a report of the year is submitted. Five queries:
    the year, whether it is fixed and the framework's three."""

    template_name = "reporting/framework.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        reporting_year = self.reporting_year()
        fixed = reporting_year.framework_is_fixed()
        context.update(
            reporting_year=reporting_year,
            themes=services.framework(reporting_year.year, with_activities=True),
            fixed=fixed,
            fixed_message=framework_services.fixed_message(reporting_year.year) if fixed else "",
        )
        return context


class FrameworkEditMixin(FrameworkMixin):
    """An edit page of a fixed framework sends the person back to the framework with the
    reason; a change refused meanwhile (a report submitted) comes back as the form's error."""

    def refuse_if_fixed(self, reporting_year: ReportingYear) -> HttpResponse | None:
        if reporting_year.framework_is_fixed():
            messages.error(self.request, framework_services.fixed_message(reporting_year.year))
            return redirect(self.framework_url())
        return None

    def load(self) -> ReportingYear:
        """Read the page's rows from the URL (404 for another year's) and name their year."""
        raise NotImplementedError

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse_if_fixed(self.load()) or super().get(  # type: ignore[misc]
            request, *args, **kwargs
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse_if_fixed(self.load()) or super().post(  # type: ignore[misc]
            request, *args, **kwargs
        )

    def refuse_changed(
        self, form: ThemeForm, changed: framework_services.ChangedMeanwhile
    ) -> HttpResponse:
        """The form again with what the person typed, what changed and the current version
        (``lib.concurrency``'s refusal): saving again replaces the other change knowingly."""
        refuse_stale(
            form, StaleEdit(form.changes(changed.current, changed.changed), changed.version)
        )
        return self.form_invalid(form)  # type: ignore[attr-defined,no-any-return]


class ThemeEditView(FrameworkEditMixin, FormView):
    """Rename a theme of the year's framework or change its description."""

    template_name = "reporting/framework_form.html"
    form_class = ThemeForm

    def load(self) -> ReportingYear:
        self.theme = self.get_theme()
        return self.theme.reporting_year

    def get_initial(self) -> dict[str, Any]:
        return framework_services.theme_values(self.theme)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["read_version"] = framework_services.version(
            framework_services.theme_values(self.theme)
        )
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=_("Theme %(number)s of %(year)s")
            % {"number": self.theme.number, "year": self.kwargs["year"]},
            reporting_year=self.theme.reporting_year,
            framework_url=self.framework_url(),
        )
        return context

    def form_valid(self, form: ThemeForm) -> HttpResponse:
        try:
            framework_services.change_theme(
                self.theme,
                form.cleaned_data["title"],
                form.cleaned_data["description"],
                self.request.user,
                read_version=form.sent_version(),
                translations=form.translations(),
            )
        except framework_services.FrameworkFixed as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        except framework_services.ChangedMeanwhile as changed:
            return self.refuse_changed(form, changed)
        messages.success(self.request, _("The theme was saved."))
        return redirect(self.framework_url())


class SubThemeEditView(FrameworkEditMixin, FormView):
    """Rename a sub-theme, change its description and its ladder of levels."""

    template_name = "reporting/framework_form.html"
    form_class = SubThemeForm

    def load(self) -> ReportingYear:
        self.sub_theme = self.get_sub_theme()
        return self.sub_theme.theme.reporting_year

    def get_initial(self) -> dict[str, Any]:
        initial = framework_services.sub_theme_values(self.sub_theme)
        for level in self.sub_theme.levels.prefetch_related("activities"):
            initial[f"level_{level.value}"] = level.title
            initial[f"activities_{level.value}"] = "\n".join(
                activity.text for activity in level.activities.all()
            )
        return initial

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["read_version"] = framework_services.version(
            framework_services.sub_theme_values(self.sub_theme)
        )
        return kwargs

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=_("Sub-theme %(number)s of %(year)s")
            % {
                "number": f"{self.sub_theme.theme.number}.{self.sub_theme.number}",
                "year": self.kwargs["year"],
            },
            reporting_year=self.sub_theme.theme.reporting_year,
            framework_url=self.framework_url(),
        )
        return context

    def form_valid(self, form: SubThemeForm) -> HttpResponse:
        try:
            framework_services.change_sub_theme(
                self.sub_theme,
                form.cleaned_data["title"],
                form.cleaned_data["description"],
                form.ladder(),
                self.request.user,
                read_version=form.sent_version(),
                activities=form.rung_activities(),
                translations=form.translations(),
            )
        except framework_services.FrameworkFixed as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        except framework_services.ChangedMeanwhile as changed:
            return self.refuse_changed(form, changed)
        messages.success(self.request, _("The sub-theme was saved."))
        return redirect(self.framework_url())


class ThemeAddView(FrameworkEditMixin, OnceOnlyCreateMixin, FormView):
    """Add a theme at the end of an open year's framework; the form is processed once, so
    a double submit adds one theme."""

    template_name = "reporting/framework_form.html"
    form_class = ThemeForm

    def load(self) -> ReportingYear:
        self.year_row = self.reporting_year()
        return self.year_row

    def get_form(self, form_class: Any = None) -> ThemeForm:
        form: ThemeForm = add_submission_token(super().get_form(form_class))  # type: ignore[assignment]
        return form

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=_("New theme of %(year)s") % {"year": self.kwargs["year"]},
            reporting_year=self.year_row,
            framework_url=self.framework_url(),
        )
        return context

    def form_valid(self, form: ThemeForm) -> HttpResponse:
        try:
            theme = framework_services.add_theme(
                self.year_row,
                form.cleaned_data["title"],
                form.cleaned_data["description"],
                self.request.user,
                translations=form.translations(),
            )
        except framework_services.FrameworkFixed as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("Theme %(number)s was added.") % {"number": theme.number})
        return redirect(self.framework_url(f"teema-{theme.pk}"))


class SubThemeAddView(FrameworkEditMixin, OnceOnlyCreateMixin, FormView):
    """Add a sub-theme with its ladder at the end of a theme of an open year; processed
    once, so a double submit adds one sub-theme."""

    template_name = "reporting/framework_form.html"
    form_class = SubThemeForm

    def load(self) -> ReportingYear:
        self.theme = self.get_theme()
        return self.theme.reporting_year

    def get_form(self, form_class: Any = None) -> SubThemeForm:
        form: SubThemeForm = add_submission_token(super().get_form(form_class))  # type: ignore[assignment]
        return form

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=_("New sub-theme of theme %(number)s. %(title)s")
            % {"number": self.theme.number, "title": self.theme.title},
            reporting_year=self.theme.reporting_year,
            framework_url=self.framework_url(),
        )
        return context

    def form_valid(self, form: SubThemeForm) -> HttpResponse:
        try:
            sub_theme = framework_services.add_sub_theme(
                self.theme,
                form.cleaned_data["title"],
                form.cleaned_data["description"],
                form.ladder(),
                self.request.user,
                activities=form.rung_activities(),
                translations=form.translations(),
            )
        except framework_services.FrameworkFixed as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Sub-theme %(number)s was added.")
            % {"number": f"{self.theme.number}.{sub_theme.number}"},
        )
        return redirect(self.framework_url(f"alateema-{sub_theme.pk}"))


class FrameworkMoveView(FrameworkMixin, View):
    """Move a theme or a sub-theme one place up or down (a button's POST); a fixed year's
    refusal comes back as a message on the framework page."""

    http_method_names = ["post"]

    def move(self, up: bool) -> str:
        """Move the URL's row; return the anchor of the row on the framework page."""
        raise NotImplementedError

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = FrameworkMoveForm(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Choose up or down."))
        try:
            anchor = self.move(form.cleaned_data["direction"] == "up")
        except framework_services.FrameworkFixed as refused:
            messages.error(request, str(refused))
            return redirect(self.framework_url())
        return redirect(self.framework_url(anchor))


class ThemeMoveView(FrameworkMoveView):
    """Move a theme one place up or down."""

    def move(self, up: bool) -> str:
        theme = self.get_theme()
        framework_services.move_theme(theme, up=up, user=self.request.user)
        return f"teema-{theme.pk}"


class SubThemeMoveView(FrameworkMoveView):
    """Move a sub-theme one place up or down within its theme."""

    def move(self, up: bool) -> str:
        sub_theme = self.get_sub_theme()
        framework_services.move_sub_theme(sub_theme, up=up, user=self.request.user)
        return f"alateema-{sub_theme.pk}"


class FrameworkDeleteMixin(FrameworkEditMixin):
    """The confirmation before a theme or sub-theme is deleted, saying what goes with it
    (``lib.deletion``: its sub-themes, their levels and the draft reports' answers), and
    the delete itself on POST. A fixed year sends the person back with the reason."""

    template_name = "reporting/framework_confirm_delete.html"

    def target(self) -> Theme | SubTheme:
        raise NotImplementedError

    def question(self, target: Any) -> str:
        raise NotImplementedError

    def delete(self, target: Any) -> str:
        """Delete ``target``; return the success message."""
        raise NotImplementedError

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self.target()
        refused = self.refuse_if_fixed(self.year_of(target))
        if refused is not None:
            return refused
        context = {
            "reporting_year": self.year_of(target),
            "question": self.question(target),
            "object": target.title,
            "summary": summarize(target),
            "framework_url": self.framework_url(),
            "cancel_url": self.framework_url(),
        }
        return render_page(request, self.template_name, context)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        target = self.target()
        try:
            message = self.delete(target)
        except framework_services.FrameworkFixed as refused:
            messages.error(request, str(refused))
            return redirect(self.framework_url())
        messages.success(request, message)
        return redirect(self.framework_url())

    @staticmethod
    def year_of(target: Theme | SubTheme) -> ReportingYear:
        return target.reporting_year if isinstance(target, Theme) else target.theme.reporting_year


class ThemeDeleteView(FrameworkDeleteMixin, View):
    """Delete a theme with its sub-themes, their levels and the drafts' answers to them."""

    def target(self) -> Theme:
        return self.get_theme()

    def question(self, target: Theme) -> str:
        return _("Delete theme %(number)s?") % {"number": target.number}

    def delete(self, target: Theme) -> str:
        framework_services.delete_theme(target, self.request.user)
        return _("Theme %(number)s was deleted; the themes after it moved up.") % {
            "number": target.number
        }


class SubThemeDeleteView(FrameworkDeleteMixin, View):
    """Delete a sub-theme with its levels and the drafts' answers to it."""

    def target(self) -> SubTheme:
        return self.get_sub_theme()

    def question(self, target: SubTheme) -> str:
        return _("Delete sub-theme %(number)s?") % {
            "number": f"{target.theme.number}.{target.number}"
        }

    def delete(self, target: SubTheme) -> str:
        framework_services.delete_sub_theme(target, self.request.user)
        return _("Sub-theme %(number)s was deleted; the sub-themes after it moved up.") % {
            "number": f"{target.theme.number}.{target.number}"
        }
