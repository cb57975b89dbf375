"""The region's events as a file: import and export (see ``coordination.transfer``).

Imported events are accepted at once: the coordinator imports the network's record.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export import fields

from coordination.transfer_base import (
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    NameListWidget,
    ReviewedResource,
    TextWidget,
    TimeWidget,
    column,
)
from events.models import Event, EventQuerySet
from lib.scoping import scope
from network.models import Organisation

# Column headers are names of the file format, not user-interface text: they stay Finnish
# whatever the interface language, so a file exported in Swedish re-imports in Finnish.
TITLE = "Otsikko"
# The title's translations (``lib.translation``), optional columns: a file without them
# imports as before and leaves the stored translations alone.
TITLE_SV = "Otsikko ruotsiksi"
TITLE_EN = "Otsikko englanniksi"
STARTS_ON = "Alkaa"
ENDS_ON = "Päättyy"
KIND = "Tyyppi"
DAY_PART = "Ajankohta"
START_TIME = "Alkamisaika"
END_TIME = "Päättymisaika"
CHANNEL = "Kanava"
PLACE = "Paikka"
ORGANISERS = "Järjestäjät"
PARTICIPANTS = "Osallistujia"


class EventResource(ReviewedResource):
    """Events of one region, matched on (title, start date) within the region."""

    keep_when_empty = ("kind", "day_part", "channel")

    closing_year_field = "starts_on"

    class Meta(ReviewedResource.Meta):
        model = Event
        import_id_fields = ("title", "starts_on")

    def build_fields(self) -> dict[str, fields.Field]:
        def unknown_organiser(name: str) -> str:
            # Only to say the name is another region's: every region, on purpose (a yes or no).
            with scope(region=None):
                elsewhere = (
                    Organisation.objects.exclude(region=self.region)
                    .filter(name__iexact=name)
                    .exists()
                )
            if elsewhere:
                return _("Organisation '%(name)s' belongs to another region's network.") % {
                    "name": name
                }
            return _("Unknown organisation '%(name)s': it is not a member of %(region)s.") % {
                "name": name,
                "region": self.region.name,
            }

        return {
            "title": column("title", TITLE, TextWidget()),
            "title_sv": column("title_sv", TITLE_SV, TextWidget()),
            "title_en": column("title_en", TITLE_EN, TextWidget()),
            "starts_on": column("starts_on", STARTS_ON, DateWidget()),
            "ends_on": column("ends_on", ENDS_ON, DateWidget()),
            "kind": column("kind", KIND, ChoiceWidget(Event.Kind)),
            "day_part": column("day_part", DAY_PART, ChoiceWidget(Event.DayPart)),
            "start_time": column("start_time", START_TIME, TimeWidget()),
            "end_time": column("end_time", END_TIME, TimeWidget()),
            "channel": column("channel", CHANNEL, ChoiceWidget(Event.Channel)),
            "place": column("place", PLACE, TextWidget()),
            "organisers": column(
                "organisers",
                ORGANISERS,
                NameListWidget(
                    lambda: Organisation.objects.for_region(self.region), "name", unknown_organiser
                ),
            ),
            "participants_count": column("participants_count", PARTICIPANTS, IntegerWidget()),
        }

    def get_queryset(self) -> EventQuerySet:
        return Event.objects.for_region(self.region)

    def init_instance(self, row: Any = None) -> Event:
        return Event(region=self.region)

    def check_row(self, instance: Event, errors: dict[str, Any]) -> None:
        if instance.starts_on and instance.ends_on is None and "ends_on" not in errors:
            # A one-day event needs no end date in the file.
            instance.ends_on = instance.starts_on
        if instance.starts_on and instance.ends_on and instance.ends_on < instance.starts_on:
            errors.setdefault("ends_on", []).append(_("The end date is before the start date."))
        if instance.day_part == Event.DayPart.TIMED and instance.start_time is None:
            errors.setdefault("start_time", []).append(
                _("An event at given times needs a start time.")
            )
        if (
            instance.start_time
            and instance.end_time
            and instance.starts_on == instance.ends_on
            and instance.end_time <= instance.start_time
        ):
            errors.setdefault("end_time", []).append(_("The end time is not after the start time."))
        if instance.participants_count is not None and instance.participants_count < 0:
            errors.setdefault("participants_count", []).append(
                _("The number of participants cannot be negative.")
            )

    def export_queryset(self) -> QuerySet[Event]:
        """Two queries: the events, then all their organisers."""
        return self.get_queryset().with_organisers().order_by("starts_on", "start_time", "title")
