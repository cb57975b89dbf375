"""iCalendar feeds of a region's published events: all of them, an organisation's, a focus area's.

Each feed answers ``text/calendar`` in three queries (the region, the events with their
region joined, their organisers) plus one for the organisation or focus area it is about.
"""

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from events.ical import build_calendar
from events.models import Event, EventQuerySet
from network.mixins import RegionMixin
from network.models import Organisation
from strategy.models import FocusArea


class CalendarFeedView(RegionMixin, View):
    """Answer the calendar of the events ``get_events`` picks from the region's feed window.

    ``get_events`` runs first: a subclass loads there what its ``get_calendar_name`` names.
    """

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        events = (
            self.get_events(Event.objects.for_region(self.region))
            .for_feed(timezone.localdate())
            .published()
        )
        calendar = build_calendar(
            events,
            name=self.get_calendar_name(),
            uid_domain=settings.ICAL_UID_DOMAIN,
            event_url=lambda event: request.build_absolute_uri(event.get_absolute_url()),
            stamp=timezone.now(),
        )
        return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")

    def get_events(self, events: EventQuerySet) -> EventQuerySet:
        return events

    @property
    def network_name(self) -> str:
        return self.region.network_name or self.region.name

    def get_calendar_name(self) -> str:
        return _("%(network)s: events") % {"network": self.network_name}


class RegionFeedView(CalendarFeedView):
    """All the region's published events."""


class OrganisationFeedView(CalendarFeedView):
    """The events an organisation of the region organises; another region's answers 404."""

    def get_events(self, events: EventQuerySet) -> EventQuerySet:
        self.organisation = get_object_or_404(
            Organisation.objects.for_region(self.region), slug=self.kwargs["slug"]
        )
        return events.filter(organisers=self.organisation)

    def get_calendar_name(self) -> str:
        return _("%(network)s: events of %(organisation)s") % {
            "network": self.network_name,
            "organisation": self.organisation.name,
        }


class FocusAreaFeedView(CalendarFeedView):
    """The events linked to a focus area of the region's current strategy, by its number."""

    def get_events(self, events: EventQuerySet) -> EventQuerySet:
        self.focus_area = get_object_or_404(
            FocusArea.objects.for_region(self.region).current(), number=self.kwargs["number"]
        )
        return events.filter(focus_areas=self.focus_area)

    def get_calendar_name(self) -> str:
        return _("%(network)s: events of focus area %(number)s") % {
            "network": self.network_name,
            "number": self.focus_area.number,
        }
