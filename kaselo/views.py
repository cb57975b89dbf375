"""A signed-in person's own page ("Omat sivut"): their tasks from every app, roles and links.

It sits in the project package because it reads the plan, the entries of actions and
events, the review queue and the annual reports: the one page above every app.
"""

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import OuterRef
from django.http import HttpRequest, HttpResponseBase
from django.templatetags.static import static
from django.utils import timezone
from django.views.generic import RedirectView, TemplateView

from accounts.forms import LanguageForm
from coordination.review_views import waiting_for_review
from kaselo import dashboard
from lib.scoping import render_in_scope
from network.models import Coordinator, Membership, Region
from notices import services as notices
from notices.models import Notice
from portal import navigation
from reporting.reminders import overdue_entries


def annotated_region(coordinator: Coordinator) -> Region:
    """The coordinated region, carrying the count of entries waiting for its review."""
    coordinator.region.waiting_count = coordinator.waiting_count  # type: ignore[attr-defined]
    return coordinator.region


class DashboardView(LoginRequiredMixin, TemplateView):
    """Where a person lands after signing in: their tasks ("Tehtäväsi"), roles and links.

    Queries: the user (the session is cached), coordinated regions with their review
    queue's count, memberships with their organisation and region; then by role, never
    by the amount of data: an editor's unfinished guidance actions and events (two), a
    coordinator's reporting year and region's report (two) and passed entry deadlines with
    the organisations behind (two), the national team's reports to review (one, and the
    reporting year); and the person's latest notices (one).
    """

    template_name = "dashboard.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # A person's own page reads every region on purpose: each of its queries is of the
        # person's own roles and entries, wherever they are (and the national team's reports
        # to review come from every region).
        return render_in_scope(
            None, lambda: super(DashboardView, self).dispatch(request, *args, **kwargs)
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        user_id: int = user.pk  # type: ignore[assignment]  # signed in
        coordinators = list(
            Coordinator.objects.filter(user_id=user_id)
            .select_related("region")
            # What waits in each region's review queue, counted in subqueries.
            .annotate(waiting_count=waiting_for_review(OuterRef("region")))
            .order_by("region__position", "region__name")
        )
        memberships = list(
            Membership.objects.filter(user_id=user_id)
            .select_related("organisation__region")
            .order_by("organisation__region__position", "organisation__name")
        )
        # The header's links come from the same rows: a role added since sign-in shows.
        navigation.remember_places(self.request, navigation.places_from(coordinators, memberships))
        coordinated_regions = [annotated_region(c) for c in coordinators]
        editor_memberships = [m for m in memberships if m.role == Membership.Role.EDITOR]
        is_national = bool(getattr(user, "is_national_team", False))
        reporting_year = (
            dashboard.latest_reporting_year() if coordinated_regions or is_national else None
        )
        today = timezone.localdate()
        if coordinated_regions and reporting_year is not None:
            # Each coordinated region carries its organisations behind their entry deadline
            # (deadlines are set for opened reporting years only).
            overdue = overdue_entries([region.pk for region in coordinated_regions], today)
            for region in coordinated_regions:
                region.overdue_entries = overdue.get(region.pk)  # type: ignore[attr-defined]
        context.update(
            coordinated_regions=coordinated_regions,
            memberships=memberships,
            editor_memberships=editor_memberships,
            entry_tasks=dashboard.entry_tasks(m.organisation_id for m in editor_memberships),
            reporting_year=reporting_year,
            region_reports=dashboard.region_reports(coordinated_regions, reporting_year, today),
            reports_to_review=dashboard.reports_to_review() if is_national else [],
            is_national=is_national,
            notices=notices.localized(Notice.objects.latest_for(user_id)),
            language_form=LanguageForm(instance=user),
        )
        return context


class FaviconView(RedirectView):
    """/favicon.ico, which browsers and feed readers ask for without reading the page's icon
    link: the static icon, by its hashed name once the static files are collected."""

    permanent = True

    def get_redirect_url(self, *args: Any, **kwargs: Any) -> str:
        return static("img/favicon.svg")
