"""Public pages of the network's events: the list, a month's calendar, an event and a series."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from events.calendar import build_month, month_bounds
from events.filters import EventFilter
from events.forms import EventMaterialForm
from events.models import Event, EventMaterial, EventQuerySet, EventSeries
from events.services import loggable_organisations, unpublished_events, visible_events
from lib.downloads import serve_file
from lib.scoping import scope
from network.mixins import RegionMixin
from network.models import Region
from portal import closed_years
from portal.review import ReviewStatus


class EventListView(RegionMixin, ListView):
    """The next 50 published events and past ones newest first, paginated, both filtered.

    "Today" is the date in Helsinki (TIME_ZONE): an event is past once its last day is.
    A signed-in editor or coordinator also sees their unpublished events in a section of
    their own, and a link to log one.
    """

    template_name = "events/event_list.html"
    context_object_name = "past_events"
    paginate_by = settings.PAGE_SIZE
    nav_section = "events"

    @cached_property
    def today(self) -> dt.date:
        """Today in Helsinki, read once so both lists split the events at the same day."""
        return timezone.localdate()

    @cached_property
    def filterset(self) -> EventFilter:
        return EventFilter(
            self.request.GET or None,
            queryset=Event.objects.for_region(self.region).published(),
            region=self.region,
        )

    def get_queryset(self) -> Any:
        # A filter with an invalid value is ignored and its error shown beside it.
        events: EventQuerySet = self.filterset.qs
        return events.past(self.today).with_organisers()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events: EventQuerySet = self.filterset.qs
        # The next PAGE_SIZE upcoming events; one more row tells whether the list goes on
        # (then the month views carry the rest), so the page stays bounded in one query.
        upcoming = list(events.upcoming(self.today).with_organisers()[: self.paginate_by + 1])
        upcoming_has_more = len(upcoming) > self.paginate_by
        upcoming = upcoming[: self.paginate_by]
        context.update(
            today=self.today,
            filter=self.filterset,
            upcoming_events=upcoming,
            upcoming_has_more=upcoming_has_more,
            result_count=len(upcoming) + context["paginator"].count,
            is_filtered=any(self.request.GET.get(name) for name in self.filterset.filters),
        )
        # Visitors cost no query here; signed-in people two (their roles) and one per list.
        context["loggable_organisations"] = loggable_organisations(self.request.user, self.region)
        context["unpublished_events"] = unpublished_events(self.request.user, self.region)
        return context


class EventMonthView(RegionMixin, TemplateView):
    """A month's published events as a calendar table (weeks, Monday first) and as a list."""

    template_name = "events/event_month.html"
    nav_section = "events"
    nav_is_section_page = False
    first_day: dt.date
    last_day: dt.date
    month_events: EventQuerySet
    page: Page[Event]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year, month = self.kwargs["year"], self.kwargs["month"]
        try:
            first, last = month_bounds(year, month)
        except ValueError as error:
            raise Http404("No such month.") from error
        self.first_day, self.last_day = first, last
        self.month_events = (
            Event.objects.for_region(self.region).published().overlapping(first, last)
        )
        # The list under the calendar goes PAGE_SIZE a page: a busy month stays readable.
        # Counting them sizes the pages and names the cached fragment's page (one query);
        # the events are loaded and laid out only if that fragment is rendered afresh.
        paginator = Paginator(self.month_events, settings.PAGE_SIZE)
        self.page = paginator.get_page(self.request.GET.get("page"))
        context.update(first_day=first, page_obj=self.page, month_data=self.month_context)
        # The calendar links every event of every day: one reverse for all, not one a link.
        marker = 918273645
        before, after = reverse(
            "events:event_detail", kwargs={"region": self.region.slug, "pk": marker}
        ).split(str(marker))
        context.update(event_url_before=before, event_url_after=after)
        return context

    def month_context(self) -> dict[str, Any]:
        """The month's events as a calendar (all of them, titles only) and the page of the
        list below it: the template's ``fragment`` calls this."""
        events = list(self.month_events.with_organisers())
        first = self.first_day
        return {
            "events": events,
            "listed_events": events[self.page.start_index() - 1 : self.page.end_index()],
            "calendar": build_month(first.year, first.month, events, today=timezone.localdate()),
        }


class EventDetailView(RegionMixin, DetailView):
    """One event of the region.

    An event of another region answers 404, and so does an unpublished one to anyone who
    may not read it (``actions.view_entry``): its existence stays private.
    """

    template_name = "events/event_detail.html"
    context_object_name = "event"
    nav_section = "events"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> Event:
        event = get_object_or_404(
            Event.objects.for_region(self.region).with_details(), pk=self.kwargs["pk"]
        )
        if not self.request.user.has_perm("actions.view_entry", event):
            raise Http404("No such event.")
        return event

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The organisers are prefetched, so asking costs no query.
        context["can_change"] = self.request.user.has_perm("actions.change_entry", self.object)
        # A closed year's event: its edit, delete, submit, review and material buttons go.
        lock = closed_years.year_lock(self.object) if context["can_change"] else None
        context.update(
            year_lock=lock,
            is_open=lock is None or not lock.is_locked,
            can_reopen=lock is not None
            and self.request.user.has_perm("network.review_entries", self.object),
        )
        if context["can_change"] and context["is_open"]:
            context["material_form"] = EventMaterialForm()
        # The coordinator decides on a submitted event here, without going back to the queue.
        context["can_review"] = self.object.review_status == ReviewStatus.SUBMITTED and (
            self.request.user.has_perm("network.review_entries", self.object)
        )
        return context


class EventSeriesDetailView(RegionMixin, DetailView):
    """A meeting series and its events in date order: published ones, all for the reviewer."""

    template_name = "events/series_detail.html"
    context_object_name = "series"
    nav_section = "events"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> EventSeries:
        return get_object_or_404(
            EventSeries.objects.filter(region=self.region), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        events = visible_events(
            self.request.user, self.region, Event.objects.filter(series=self.object)
        )
        context["events"] = events.order_by("starts_on", "start_time", "id").with_organisers()
        return context


@require_GET
def material_download(request: HttpRequest, region: str, pk: int) -> FileResponse:
    """Stream an event's uploaded material to whoever may read the event, as an attachment.

    Files are never served from MEDIA_URL: a draft's slides stay as private as the draft.
    """
    with scope(region=get_object_or_404(Region, slug=region).pk):
        material = get_object_or_404(
            EventMaterial.objects.select_related("event").exclude(file=""),
            pk=pk,
            event__region__slug=region,
        )
        if not request.user.has_perm("actions.view_entry", material.event):
            raise Http404("No such material.")  # As the event page: a draft stays invisible.
    return serve_file(material.file, filename=material.file.name.rsplit("/", 1)[-1])
