"""Public pages of a region's strategy: the home page, a focus area's page and earlier versions."""

from typing import Any

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from lib.scoping import render_in_scope
from network.mixins import RegionMixin
from network.models import Organisation, Region
from strategy.models import (
    Action,
    FocusArea,
    NationalStrategy,
    RegionProfile,
    Strategy,
    focus_area_detail_prefetches,
)
from strategy.rollup import ActionRollUp


class RegionHomeView(RegionMixin, TemplateView):
    """The region's current strategy at a glance, a few upcoming events and the indicators.

    A region without a current strategy still gets its page, saying so and listing every
    region's network, so a visitor of a fresh deployment (the regions come from a migration,
    their content not yet) can go on from the portal's root page.
    """

    template_name = "strategy/region_home.html"
    nav_section = "home"
    upcoming_event_count = 5

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Loaded only if the page's cached fragment is rendered afresh.
        context["home_data"] = self.home_context
        return context

    def home_context(self) -> dict[str, Any]:
        """The strategy at a glance and the next events: the template's ``fragment`` calls
        this."""
        return {
            "strategy": Strategy.objects.for_region(self.region)
            .current()
            .with_focus_areas()
            .with_indicators()
            .first(),
            # Through the region's own relation: the plan's app sits below the events app.
            "upcoming_events": self.region.events.published().upcoming()[
                : self.upcoming_event_count
            ],
            # The versions before the current one, published ones only (never a draft):
            # one query, whatever their number, made only for a revised version.
            "earlier_versions": Strategy.objects.for_region(self.region)
            .published()
            .filter(is_current=False)
            .order_by("-version")
            .only("version", "version_label", "published_on", "change_note"),
            # The network's profile, with its cooperation group's organisations: two
            # queries, or one while the region has none.
            "profile": RegionProfile.objects.filter(region=self.region)
            .prefetch_related(
                Prefetch("member_organisations", queryset=Organisation.objects.order_by("name"))
            )
            .first(),
            # Lazy: queried only by the page of a region without a current strategy. Another
            # region renamed shows here once this region's content or the code changes;
            # regions are reference data and hardly ever renamed.
            "regions": Region.objects.order_by("position", "name").only(
                "name", "name_sv", "name_en", "slug", "network_name"
            ),
        }


class FocusAreaDetailView(RegionMixin, DetailView):
    """A focus area of the region's current strategy, found by its number.

    Everything that grows with the years is bounded: the actions ``PAGE_SIZE`` a page,
    the events the next and the latest ``event_count`` each, with a link to the event
    list filtered by the area for the rest.

    Queries: the region, the focus area (its strategy joined, its actions counted), then,
    when the cached fragment is out of date, its goals, national goals, indicators and
    their values, a page of actions and their responsible organisations, the upcoming and
    the past events: the same count however many rows.
    """

    template_name = "strategy/focus_area_detail.html"
    context_object_name = "focus_area"
    nav_section = "focus_areas"
    nav_is_section_page = False
    event_count = 10

    def get_object(self, queryset: Any = None) -> FocusArea:
        return get_object_or_404(
            FocusArea.objects.for_region(self.region)
            .current()
            .select_related("strategy")
            .annotate(action_count=Count("actions")),
            number=self.kwargs["number"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.object.actions.with_responsibles(), settings.PAGE_SIZE)
        paginator.count = self.object.action_count  # type: ignore[attr-defined,misc]  # counted
        # The page's number names its cached fragment; the rest is loaded only if that
        # fragment is rendered afresh.
        self.page = paginator.get_page(self.request.GET.get("page"))
        context.update(page_obj=self.page, area_data=self.area_context)
        return context

    def area_context(self) -> dict[str, Any]:
        """The area's goals, indicators, actions and events: the template's ``fragment``
        calls this."""
        prefetch_related_objects([self.object], *focus_area_detail_prefetches())
        today = timezone.localdate()
        events = self.object.events.published()
        return {
            "actions": self.page.object_list,
            "upcoming_events": events.upcoming(today)[: self.event_count],
            "past_events": events.past(today)[: self.event_count],
        }


class StrategyVersionDetailView(RegionMixin, DetailView):
    """One version of the region's strategy, read-only: current, earlier, or (for its
    coordinators) the draft.

    Queries: the region, the version (with the version it was revised from, which the page
    links a comparison with), then its action plan in five (see
    ``StrategyQuerySet.with_action_plan``), whatever the number of rows.
    """

    template_name = "strategy/version_detail.html"
    context_object_name = "version"
    nav_section = "home"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> Strategy:
        """The version by its number; a draft only for those who may edit the plan (the
        region's coordinators), 404 for everyone else, as if it did not exist."""
        version = get_object_or_404(
            Strategy.objects.for_region(self.region).select_related("previous").with_action_plan(),
            version=self.kwargs["version"],
        )
        if version.is_draft and not self.request.user.has_perm("strategy.edit_plan", version):
            raise Http404(_("No such version."))
        return version


class NationalStrategyView(TemplateView):
    """The national lifelong-guidance strategy: each goal and key measure with the regions'
    focus areas that say they serve it, from the current version of each region's strategy.

    Public and of no region: it reads every region's focus areas on purpose
    (``scope(region=None)``). Queries: the national strategy, its goals, their focus areas
    (regions joined), the key measures, their goals and their focus areas: six however
    many regions and links.
    """

    template_name = "strategy/national_strategy.html"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        return render_in_scope(
            None, lambda: super(NationalStrategyView, self).dispatch(request, *args, **kwargs)
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        national = NationalStrategy.objects.with_goals_and_measures().first()
        if national is None:
            raise Http404(_("No national strategy has been entered."))
        context.update(national=national, nav_section="national", nav_current="page")
        return context


class ActionDetailView(RegionMixin, DetailView):
    """A plan action with the organisations' work that carries it out.

    The accepted guidance actions linked to it (``GuidanceAction.plan_actions``), each with
    its latest accepted progress update, and a roll-up of them. Read through the action's
    reverse relation: the entries' app sits above the plan's. An action of a draft is
    shown only to those who may edit the plan.

    Queries: the region, the action (its focus area, strategy and lead joined), its
    responsible organisations, the entries with their organisations, and their accepted
    updates: the same whatever the number of entries.
    """

    template_name = "strategy/action_detail.html"
    context_object_name = "action"
    nav_section = "focus_areas"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> Action:
        action = get_object_or_404(
            Action.objects.for_region(self.region)
            .select_related("focus_area__strategy")
            .with_responsibles(),
            pk=self.kwargs["pk"],
        )
        strategy = action.focus_area.strategy
        if strategy.is_draft and not self.request.user.has_perm("strategy.edit_plan", strategy):
            raise Http404(_("No such action."))
        return action

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        entries = list(
            # The region's own filter too: a link across regions (no form makes one)
            # shows nothing of the other region.
            self.object.guidance_actions.for_region(self.region)
            .published()
            .with_latest_progress()
            .order_by("-year", "organisation__name", "title", "pk")
        )
        context.update(entries=entries, roll_up=ActionRollUp.of(entries))
        return context
