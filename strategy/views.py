"""Public pages of a region's strategy: the home page, a focus area's page and earlier versions."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, TemplateView

from events.models import Event
from network.mixins import RegionMixin
from strategy.models import FocusArea, Strategy


class RegionHomeView(RegionMixin, TemplateView):
    """The region's current strategy at a glance, a few upcoming events and the indicators.

    A region without a current strategy still gets its page, saying so.
    """

    template_name = "strategy/region_home.html"
    nav_section = "home"
    upcoming_event_count = 5

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["strategy"] = (
            Strategy.objects.for_region(self.region)
            .current()
            .with_focus_areas()
            .with_indicators()
            .first()
        )
        context["upcoming_events"] = (
            Event.objects.for_region(self.region)
            .published()
            .upcoming()[: self.upcoming_event_count]
        )
        return context


class FocusAreaDetailView(RegionMixin, DetailView):
    """A focus area of the region's current strategy, found by its number."""

    template_name = "strategy/focus_area_detail.html"
    context_object_name = "focus_area"
    nav_section = "focus_areas"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> FocusArea:
        return get_object_or_404(
            FocusArea.objects.for_region(self.region).current().with_details(),
            number=self.kwargs["number"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["actions"] = self.object.actions.with_responsibles()
        context["events"] = self.object.events.published()
        return context


class StrategyVersionDetailView(RegionMixin, DetailView):
    """One version of the region's strategy, read-only, current or earlier.

    Queries: the region, the version, then its action plan in five (see
    ``StrategyQuerySet.with_action_plan``), whatever the number of rows.
    """

    template_name = "strategy/version_detail.html"
    context_object_name = "version"
    nav_section = "home"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> Strategy:
        return get_object_or_404(
            Strategy.objects.for_region(self.region).with_action_plan(),
            version=self.kwargs["version"],
        )
