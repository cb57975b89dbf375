"""The event list's filters: text search, kind, organiser, focus area, year, province, channel."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import Event, EventQuerySet
from lib.localized_choices import localize_labels
from network.models import Organisation, Province, Region
from strategy.models import FocusArea


class EventFilter(django_filters.FilterSet):
    """Filter a region's events; choices are the region's own organisations, provinces,
    focus areas of its current strategy and the years it has events in.

    Filters through many-to-many relations use subqueries (``pk__in``), so an event with two
    organisers in the chosen province is listed once, without ``DISTINCT``.
    """

    q = django_filters.CharFilter(
        method="filter_text",
        label=_("Search"),
        help_text=_("Words of the title, description or place."),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = django_filters.ChoiceFilter(
        choices=Event.Kind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(),
        method="filter_organisation",
        label=_("Organiser"),
        empty_label=_("All organisations"),
    )
    focus_area = django_filters.ModelChoiceFilter(
        queryset=FocusArea.objects.none(),
        method="filter_focus_area",
        label=_("Focus area"),
        empty_label=_("All focus areas"),
    )
    year = django_filters.ChoiceFilter(
        field_name="starts_on__year", choices=(), label=_("Year"), empty_label=_("All years")
    )
    province = django_filters.ModelChoiceFilter(
        queryset=Province.objects.none(),
        method="filter_province",
        label=_("Province"),
        empty_label=_("All provinces"),
    )
    channel = django_filters.ChoiceFilter(
        choices=Event.Channel.choices, label=_("Channel"), empty_label=_("All channels")
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "organisation", "focus_area", "year", "province", "channel"]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.for_region(region).order_by(
            "name"
        )
        self.filters["focus_area"].queryset = (
            FocusArea.objects.for_region(region).current().order_by("number")
        )
        localize_labels(self.filters["focus_area"].field, numbered=True)
        self.filters["province"].queryset = region.provinces.order_by("name")
        years = Event.objects.for_region(region).published().dates("starts_on", "year", "DESC")
        # A callable: the years are read when the form is built, one query.
        self.filters["year"].extra["choices"] = lambda: [(d.year, d.year) for d in years]

    def filter_text(self, queryset: EventQuerySet, name: str, value: str) -> EventQuerySet:
        return queryset.matching(value)

    def filter_organisation(
        self, queryset: EventQuerySet, name: str, value: Organisation
    ) -> EventQuerySet:
        return queryset.filter(
            pk__in=Event.organisers.through.objects.filter(organisation=value).values("event_id")
        )

    def filter_focus_area(
        self, queryset: EventQuerySet, name: str, value: FocusArea
    ) -> EventQuerySet:
        return queryset.filter(
            pk__in=Event.focus_areas.through.objects.filter(focusarea=value).values("event_id")
        )

    def filter_province(self, queryset: EventQuerySet, name: str, value: Province) -> EventQuerySet:
        return queryset.filter(
            pk__in=Event.organisers.through.objects.filter(organisation__provinces=value).values(
                "event_id"
            )
        )
