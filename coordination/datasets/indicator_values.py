"""Indicators' yearly values as a file: import and export (see ``coordination.transfer``).

Indicators are named by their title in the region's current strategy, so the file
holds the values of the current strategy's indicators. The export is also the template to
fill in: every indicator has a row for each year of the strategy's grid
(``strategy.grid.grid_years``), its value empty where none is stored; the import skips a
row whose value and other cells are empty, so the file comes back as it went out.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export import fields, widgets

from coordination.transfer_base import (
    DecimalWidget,
    IntegerWidget,
    RegionResource,
    TextWidget,
    column,
)
from strategy.grid import grid_years
from strategy.models import Indicator, IndicatorValue, Strategy

# Column headers are names of the file format, not user-interface text: they stay Finnish
# whatever the interface language, so a file exported in Swedish re-imports in Finnish.
INDICATOR = "Mittari"
YEAR = "Vuosi"
VALUE = "Arvo"
SOURCE = "Lähde"
SOURCE_URL = "Lähteen linkki"
NOTE = "Huomautus"

FIRST_YEAR, LAST_YEAR = 1900, 2100


class CurrentIndicatorWidget(widgets.Widget):
    """An indicator named by its title in the region's current strategy."""

    def __init__(self, resource: IndicatorValueResource) -> None:
        super().__init__()
        self.resource = resource

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Indicator | None:
        title = "" if value is None else str(value).strip()
        if not title:
            return None
        indicator = (
            Indicator.objects.filter(
                strategy__region=self.resource.region, strategy__is_current=True
            )
            .filter(title__iexact=title)
            .first()
        )
        if indicator is None:
            raise ValueError(
                _("The current strategy has no indicator '%(title)s'.") % {"title": title}
            )
        return indicator

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.title if value else ""


class IndicatorValueResource(RegionResource):
    """Yearly values of the current strategy's indicators, matched on (indicator, year)."""

    closing_year_field = "year"

    class Meta(RegionResource.Meta):
        model = IndicatorValue
        import_id_fields = ("indicator", "year")

    def build_fields(self) -> dict[str, fields.Field]:
        return {
            "indicator": column("indicator", INDICATOR, CurrentIndicatorWidget(self)),
            "year": column("year", YEAR, IntegerWidget()),
            "value": column("value", VALUE, DecimalWidget()),
            "source": column("source", SOURCE, TextWidget()),
            "source_url": column("source_url", SOURCE_URL, TextWidget()),
            "note": column("note", NOTE, TextWidget()),
        }

    def get_queryset(self) -> QuerySet[IndicatorValue]:
        return IndicatorValue.objects.filter(
            indicator__strategy__region=self.region, indicator__strategy__is_current=True
        )

    def init_instance(self, row: Any = None) -> IndicatorValue:
        return IndicatorValue()

    def skip_row(
        self,
        instance: Any,
        original: Any,
        row: Any,
        import_validation_errors: Any = None,
    ) -> bool:
        """Skip a row of the template left empty: its value and every other cell but the
        indicator and the year. A stored value is not deleted by an empty row."""
        if not import_validation_errors and self._is_empty(row):
            self._row_changes = []
            return True
        return super().skip_row(instance, original, row, import_validation_errors)

    def _is_empty(self, row: Any) -> bool:
        filled = ("value", "source", "source_url", "note")
        return all(
            str(row.get(self.fields[name].column_name) or "").strip() == "" for name in filled
        )

    def check_row(self, instance: IndicatorValue, errors: dict[str, Any]) -> None:
        if instance.year is not None and not FIRST_YEAR <= instance.year <= LAST_YEAR:
            errors.setdefault("year", []).append(
                _("The year must be between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )

    def export_queryset(self) -> list[IndicatorValue]:
        """Every indicator of the current strategy with a row for each year of its grid, the
        stored value or an empty one: three queries (the strategy, the indicators, their
        values)."""
        strategy = Strategy.objects.for_region(self.region).current().first()
        if strategy is None:
            return []
        indicators = list(
            Indicator.objects.filter(strategy=strategy)
            .order_by("position", "id")
            .with_yearly_values()
        )
        years = grid_years(strategy, indicators)
        rows: list[IndicatorValue] = []
        for indicator in indicators:
            by_year = {value.year: value for value in indicator.yearly_values}  # type: ignore[attr-defined]
            for year in years:
                value = by_year.get(year) or IndicatorValue(indicator=indicator, year=year)
                value.indicator = indicator
                rows.append(value)
        return rows
