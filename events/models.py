"""Network events: ELO and ELO & JAO meetings, Ohjaamo meetings, webinars, forums."""

import datetime as dt
from collections.abc import Iterable
from typing import cast

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lib.scoping import RegionScopedManager
from lib.search import text_search
from lib.translation import translated, translations
from network.models import Organisation, Region
from portal.review import Reviewable, ReviewableQuerySet, ReviewStatus
from strategy.models import FocusArea, Project

#: How far back calendar feeds reach: subscribers want the recent past, not the archive.
FEED_HISTORY_YEARS = 2


def years_before(day: dt.date, years: int) -> dt.date:
    """Return the same date ``years`` earlier; 29 February becomes the 28th."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class EventQuerySet(ReviewableQuerySet):
    def published(self) -> "EventQuerySet":
        return cast("EventQuerySet", super().published())

    def for_region(self, region: Region) -> "EventQuerySet":
        return self.filter(region=region)

    def upcoming(self, today: dt.date | None = None) -> "EventQuerySet":
        today = today or timezone.localdate()
        return self.filter(ends_on__gte=today).order_by("starts_on", "start_time", "id")

    def past(self, today: dt.date | None = None) -> "EventQuerySet":
        today = today or timezone.localdate()
        return self.filter(ends_on__lt=today).order_by("-starts_on", "-start_time", "-id")

    def overlapping(self, first: dt.date, last: dt.date) -> "EventQuerySet":
        """Events on any day from ``first`` to ``last``, so a month view keeps multi-day events."""
        return self.filter(starts_on__lte=last, ends_on__gte=first)

    def with_organisers(self) -> "EventQuerySet":
        """Prefetch organisers: one extra query for the whole list."""
        return self.prefetch_related(
            models.Prefetch("organisers", queryset=Organisation.objects.order_by("name"))
        )

    def organised_by(self, organisation: Organisation) -> "EventQuerySet":
        """The organisation's events, newest first: its page lists what it has done lately."""
        return self.filter(organisers=organisation).order_by("-starts_on", "-start_time", "-id")

    def for_feed(self, today: dt.date) -> "EventQuerySet":
        """Events a calendar feed carries: ended at most two years before ``today``, or later.

        Oldest first, the region joined (for the events' addresses) and the organisers
        prefetched: two queries however many events. Chain ``published()`` last.
        """
        return (
            self.filter(ends_on__gte=years_before(today, FEED_HISTORY_YEARS))
            .select_related("region")
            .with_organisers()
            .order_by("starts_on", "start_time", "id")
        )

    def with_details(self) -> "EventQuerySet":
        """Everything the event page shows: the series joined, one query per relation, five.

        Only focus areas of the current strategy are loaded, as the page links to them.
        """
        return (
            self.select_related("series")
            .with_organisers()
            .prefetch_related(
                models.Prefetch("partner_regions", queryset=Region.objects.order_by("name")),
                models.Prefetch(
                    "focus_areas", queryset=FocusArea.objects.current().order_by("number")
                ),
                "projects",
                "materials",
            )
        )

    def matching(self, text: str) -> "EventQuerySet":
        """Events whose title, description or place match the words of ``text``.

        Finnish full-text search on PostgreSQL (so "työpajat" finds "työpaja"), a plain
        substring match elsewhere; see ``lib.search``.
        """
        return text_search(self, text, ("title", "description", "place"))

    def unpublished_for(self, organisation_ids: Iterable[int] | None) -> "EventQuerySet":
        """Events not yet public, of the given organisations (all of them for None).

        Their people see these on the event list while the public does not; one query.
        """
        events = self.exclude(review_status=ReviewStatus.ACCEPTED)
        if organisation_ids is not None:
            events = events.filter(
                pk__in=Event.organisers.through.objects.filter(
                    organisation_id__in=list(organisation_ids)
                ).values("event_id")
            )
        return events.order_by("starts_on", "start_time", "id")


@translated("title", "description")
class EventSeries(models.Model):
    """A recurring meeting, e.g. the monthly "Ajankohtaista ohjaamoista" on Teams."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="event_series", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)

    objects = RegionScopedManager["EventSeries"]("region")

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title"]
        constraints = [
            models.UniqueConstraint(fields=["region", "title"], name="event_series_unique_title"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("events:series_detail", kwargs={"region": self.region.slug, "pk": self.pk})


@translated("title", "description")
class Event(Reviewable):
    """A dated event of the network.

    Dates and clock times are kept apart, in Helsinki local time: the seeds give many
    events as a date with "apv"/"ipv" (morning or afternoon) or no time at all.
    """

    class Kind(models.TextChoices):
        NETWORK_MEETING = "network_meeting", _("Network meeting")
        ELO_JAO = "elo_jao", _("ELO & JAO meeting")
        OHJAAMO_MEETING = "ohjaamo_meeting", _("Ohjaamo meeting")
        WEBINAR = "webinar", _("Webinar")
        WORKSHOP = "workshop", _("Workshop")
        TNO_FORUM = "tno_forum", _("TNO forum")
        ELO_FORUM = "elo_forum", _("National ELO forum")
        ELOLIV = "eloliv", _("ELOLIV")
        STEERING_GROUP = "steering_group", _("Steering group")
        OTHER = "other", _("Other")

    class DayPart(models.TextChoices):
        TIMED = "timed", _("At the given times")
        MORNING = "morning", _("Half day, morning")
        AFTERNOON = "afternoon", _("Half day, afternoon")
        ALL_DAY = "all_day", _("All day")
        UNSPECIFIED = "unspecified", _("Time not given")

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        ON_SITE = "on_site", _("On site")
        HYBRID = "hybrid", _("Hybrid")
        # The sources do not say how the event was held.
        UNKNOWN = "unknown", _("Not known")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="events", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    starts_on = models.DateField(_("start date"))
    ends_on = models.DateField(_("end date"))
    day_part = models.CharField(
        _("time of day"), max_length=12, choices=DayPart.choices, default=DayPart.UNSPECIFIED
    )
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    channel = models.CharField(
        _("channel"), max_length=10, choices=Channel.choices, default=Channel.ONLINE
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online link"), blank=True)
    organisers = models.ManyToManyField(
        Organisation, related_name="organised_events", blank=True, verbose_name=_("organisers")
    )
    partner_regions = models.ManyToManyField(
        Region, related_name="partner_events", blank=True, verbose_name=_("partner regions")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, related_name="events", blank=True, verbose_name=_("focus areas")
    )
    projects = models.ManyToManyField(
        Project, related_name="events", blank=True, verbose_name=_("projects")
    )
    participants_count = models.PositiveIntegerField(_("participants"), null=True, blank=True)
    materials_url = models.URLField(_("materials link"), blank=True)
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("meeting series"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )

    objects = RegionScopedManager.from_queryset(EventQuerySet)("region")

    # Who changed or deleted an event, and what it said before: the admin's history reads it.
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on", "start_time", "id"]
        indexes = [
            models.Index(fields=["region", "starts_on"], name="event_region_start"),
            # The review queue and the dashboard's count: a region's few submitted events.
            models.Index(
                fields=["region", "submitted_at"],
                condition=Q(review_status=ReviewStatus.SUBMITTED),
                name="event_awaiting_review",
            ),
            # A region's public events that have not ended (the home page's upcoming ones):
            # a range of end dates, not the region's whole history.
            models.Index(
                fields=["region", "ends_on"],
                condition=Q(review_status=ReviewStatus.ACCEPTED),
                name="event_public_region_end",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="event_end_after_start"
            ),
            models.CheckConstraint(
                condition=~Q(day_part="timed") | Q(start_time__isnull=False),
                name="event_timed_has_start_time",
            ),
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(ends_on__gt=F("starts_on"))
                | Q(end_time__gt=F("start_time")),
                name="event_end_time_after_start_time",
            ),
        ]

    def __str__(self) -> str:
        d = self.starts_on
        return f"{d.day}.{d.month}.{d.year} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"region": self.region.slug, "pk": self.pk})

    @property
    def is_multi_day(self) -> bool:
        return self.ends_on > self.starts_on

    @property
    def closing_period(self) -> tuple[int, int]:
        """(region id, year): the year whose closing locks the event (``portal.closed_years``),
        by its start date, as the reporting counts a year's events."""
        return self.region_id, self.starts_on.year


@translated("title")
class EventMaterial(models.Model):
    """Slides or other material of an event: an uploaded file or a link."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="materials", verbose_name=_("event")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    file = models.FileField(_("file"), upload_to="events/%Y/", blank=True)
    url = models.URLField(_("link"), blank=True)

    objects = RegionScopedManager["EventMaterial"]("event__region")

    class Meta:
        verbose_name = _("event material")
        verbose_name_plural = _("event materials")
        ordering = ["event", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="event_material_file_or_link"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def closing_entry(self) -> Event:
        """A material is locked and reopened with its event."""
        return self.event
