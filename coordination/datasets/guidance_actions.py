"""Member organisations' guidance actions as a file: import and export (``coordination.transfer``).

Imported rows are accepted at once: the coordinator imports the network's record, so
there is nothing left to review.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _
from import_export import fields

from actions.models import GuidanceAction, GuidanceChannel, TargetGroup
from coordination.transfer_base import (
    LIST_SEPARATOR,
    ChoiceWidget,
    DateWidget,
    IntegerWidget,
    NameListWidget,
    NumberListWidget,
    RegionOrganisationWidget,
    ReviewedResource,
    TextWidget,
    column,
)
from lib.bounds import FIRST_YEAR, LAST_YEAR
from lib.scoping import scope
from strategy.models import Action, FocusArea, Strategy

# Column headers are names of the file format, not user-interface text: they stay Finnish
# whatever the interface language, so a file exported in Swedish re-imports in Finnish.
ORGANISATION = "Organisaatio"
YEAR = "Vuosi"
TITLE = "Otsikko"
DESCRIPTION = "Kuvaus"
FOCUS_AREAS = "Painopisteet"
TARGET_GROUPS = "Kohderyhmät"
CHANNELS = "Kanavat"
STATUS = "Tila"
START_DATE = "Alkaa"
END_DATE = "Päättyy"
OUTCOMES = "Tulokset"


class CurrentFocusAreaWidget(NumberListWidget):
    """Focus areas by number in the region's current strategy; others are neither shown nor lost."""

    def __init__(self, resource: GuidanceActionResource) -> None:
        super().__init__(
            lambda: FocusArea.objects.for_region(resource.region).current(),
            "number",
            lambda number: (
                _("The current strategy has no focus area %(number)s.") % {"number": number}
            ),
        )
        self.resource = resource

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        items = value.all() if hasattr(value, "all") else value
        current = self.resource.current_strategy_id
        numbers = sorted(item.number for item in items if item.strategy_id == current)
        return f"{LIST_SEPARATOR} ".join(str(number) for number in numbers)


class GuidanceActionResource(ReviewedResource):
    """Guidance actions of one region's organisations, matched on (organisation, year, title).

    Written in bulk (a file may hold ten thousand rows): GuidanceAction has no history
    and no signals. Its constraints are checked here without a query a row: the year's
    range and the dates' order in ``check_row``, the unique natural key by matching the
    stored row with the same key and refusing a key repeated in the file.
    """

    keep_when_empty = ("status",)
    constraints_checked_in_rows = True

    closing_year_field = "year"

    class Meta(ReviewedResource.Meta):
        model = GuidanceAction
        import_id_fields = ("organisation", "year", "title")
        use_bulk = True

    @cached_property
    def current_strategy_id(self) -> int | None:
        strategy = Strategy.objects.for_region(self.region).current().only("pk").first()
        return strategy.pk if strategy else None

    @cached_property
    def current_strategy_ids(self) -> set[int]:
        """Every region's current strategy: links to focus areas of others are kept."""
        # Ids only, of every region on purpose: a kept link to another region's focus area
        # must be recognised as current.
        with scope(region=None):
            return set(Strategy.objects.filter(is_current=True).values_list("pk", flat=True))

    def build_fields(self) -> dict[str, fields.Field]:
        return {
            "organisation": column(
                "organisation", ORGANISATION, RegionOrganisationWidget(self.region)
            ),
            "year": column("year", YEAR, IntegerWidget()),
            "title": column("title", TITLE, TextWidget()),
            "description": column("description", DESCRIPTION, TextWidget()),
            "focus_areas": column("focus_areas", FOCUS_AREAS, CurrentFocusAreaWidget(self)),
            "target_groups": column(
                "target_groups",
                TARGET_GROUPS,
                NameListWidget(
                    TargetGroup.objects.all,
                    "name",
                    lambda name: _("Unknown target group '%(name)s'.") % {"name": name},
                ),
            ),
            "channels": column(
                "channels",
                CHANNELS,
                NameListWidget(
                    GuidanceChannel.objects.all,
                    "name",
                    lambda name: _("Unknown guidance channel '%(name)s'.") % {"name": name},
                ),
            ),
            "status": column(
                "status", STATUS, ChoiceWidget(Action.Status, exclude=(Action.Status.UNKNOWN,))
            ),
            "start_date": column("start_date", START_DATE, DateWidget()),
            "end_date": column("end_date", END_DATE, DateWidget()),
            "outcomes": column("outcomes", OUTCOMES, TextWidget()),
        }

    def get_queryset(self) -> QuerySet[GuidanceAction]:
        return GuidanceAction.objects.for_region(self.region)

    def init_instance(self, row: Any = None) -> GuidanceAction:
        return GuidanceAction()

    def preload_existing(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Four queries for all the stored rows: the rows with their organisation, then
        each relation the columns show (every focus area, for the earlier ones kept)."""
        return queryset.select_related("organisation").prefetch_related(
            "focus_areas", "target_groups", "channels"
        )

    def after_init_instance(self, instance: Any, new: bool, row: Any, **kwargs: Any) -> None:
        super().after_init_instance(instance, new, row, **kwargs)
        # Links to earlier strategy versions' focus areas are kept: the file names only
        # the current strategy's.
        self._earlier_focus_areas = (
            []
            if new
            else [
                area
                for area in instance.focus_areas.all()
                if area.strategy_id not in self.current_strategy_ids
            ]
        )

    def check_row(self, instance: GuidanceAction, errors: dict[str, Any]) -> None:
        if instance.year is not None and not FIRST_YEAR <= instance.year <= LAST_YEAR:
            errors.setdefault("year", []).append(
                _("The year must be between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        if instance.start_date and instance.end_date and instance.end_date < instance.start_date:
            errors.setdefault("end_date", []).append(_("The end date is before the start date."))

    def kept_m2m(self, instance: Any, attribute: str) -> list[Any]:
        return self._earlier_focus_areas if attribute == "focus_areas" else []

    def export_queryset(self) -> QuerySet[GuidanceAction]:
        """Four queries in all: the actions with their organisation, then each relation."""
        return (
            self.get_queryset()
            .select_related("organisation")
            .prefetch_related(
                Prefetch(
                    "focus_areas",
                    queryset=FocusArea.objects.for_region(self.region).current(),
                ),
                "target_groups",
                "channels",
            )
            .order_by("organisation__name", "year", "title")
        )
