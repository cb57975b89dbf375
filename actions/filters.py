"""Filters of the public list of guidance actions: year, who, where, what for whom, and text."""

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from actions.models import GUIDANCE_STATUSES, GuidanceAction, GuidanceChannel, TargetGroup
from lib.localized_choices import localize_labels
from network.models import Organisation, Province, Region
from strategy.models import FocusArea


class GuidanceActionFilter(django_filters.FilterSet):
    """Filter a region's accepted guidance actions; every choice is limited to the region.

    Each many-to-many filter takes one value, and an action is linked to a value at most
    once, so no filter repeats rows and the list needs no DISTINCT.
    """

    q = django_filters.CharFilter(method="filter_text", label=_("Search"))
    year = django_filters.NumberFilter(label=_("Year"))
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.none(),
        label=_("Organisation"),
        empty_label=_("All organisations"),
    )
    province = django_filters.ModelChoiceFilter(
        field_name="organisation__provinces",
        queryset=Province.objects.none(),
        label=_("Province"),
        empty_label=_("All provinces"),
    )
    focus_area = django_filters.ModelChoiceFilter(
        field_name="focus_areas",
        queryset=FocusArea.objects.none(),
        label=_("Focus area"),
        empty_label=_("All focus areas"),
    )
    status = django_filters.ChoiceFilter(
        choices=GUIDANCE_STATUSES, label=_("Status"), empty_label=_("All statuses")
    )
    target_group = django_filters.ModelChoiceFilter(
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        label=_("Target group"),
        empty_label=_("All target groups"),
    )
    channel = django_filters.ModelChoiceFilter(
        field_name="channels",
        queryset=GuidanceChannel.objects.all(),
        label=_("Guidance channel"),
        empty_label=_("All guidance channels"),
    )

    class Meta:
        model = GuidanceAction
        fields = [
            "q",
            "year",
            "organisation",
            "province",
            "focus_area",
            "status",
            "target_group",
            "channel",
        ]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["organisation"].queryset = Organisation.objects.for_region(region).order_by(
            "name"
        )
        self.filters["province"].queryset = region.provinces.all()
        self.filters["focus_area"].queryset = (
            FocusArea.objects.for_region(region).current().order_by("number")
        )
        localize_labels(self.filters["focus_area"].field, numbered=True)
        localize_labels(self.filters["target_group"].field, "name")
        localize_labels(self.filters["channel"].field, "name")

    def filter_text(
        self, queryset: QuerySet[GuidanceAction], name: str, value: str
    ) -> QuerySet[GuidanceAction]:
        return queryset.matching(value)  # type: ignore[attr-defined,no-any-return]
