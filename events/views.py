"""Public pages of the network's events: the list, a month's calendar and an event."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.generic import DetailView, ListView, TemplateView

from events.calendar import build_month, month_bounds
from events.models import Event
from network.mixins import RegionMixin


class EventListView(RegionMixin, ListView):
    """Upcoming events in full and past events newest first, paginated.

    "Today" is the date in Helsinki (TIME_ZONE): an event is past once its last day is.
    """

    template_name = "events/event_list.html"
    context_object_name = "past_events"
    paginate_by = settings.PAGE_SIZE
    nav_section = "events"

    @cached_property
    def today(self) -> dt.date:
        """Today in Helsinki, read once so both lists split the events at the same day."""
        return timezone.localdate()

    def get_queryset(self) -> Any:
        return Event.objects.for_region(self.region).past(self.today).with_organisers()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["today"] = self.today
        context["upcoming_events"] = (
            Event.objects.for_region(self.region).upcoming(self.today).with_organisers()
        )
        return context


class EventMonthView(RegionMixin, TemplateView):
    """A month's events as a calendar table (weeks, Monday first) and as a list."""

    template_name = "events/event_month.html"
    nav_section = "events"
    nav_is_section_page = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, month = self.kwargs["year"], self.kwargs["month"]
        try:
            first, last = month_bounds(year, month)
        except ValueError as error:
            raise Http404("No such month.") from error
        events = list(
            Event.objects.for_region(self.region).overlapping(first, last).with_organisers()
        )
        context["events"] = events
        context["calendar"] = build_month(year, month, events, today=timezone.localdate())
        return context


class EventDetailView(RegionMixin, DetailView):
    """One event of the region; an event of another region answers 404."""

    template_name = "events/event_detail.html"
    context_object_name = "event"
    nav_section = "events"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> Event:
        return get_object_or_404(
            Event.objects.for_region(self.region).with_details(), pk=self.kwargs["pk"]
        )
