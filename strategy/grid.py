"""The indicator grid: a strategy's indicators as rows, the years as columns, a value a cell.

``build_grid`` reads the grid in two queries (the indicators, their values) whatever its
size; ``save_cell`` writes one cell, refusing a cell changed since it was read. A cell's
version is ``lib.concurrency``'s digest of its value, source and note, or ``EMPTY_CELL`` for
a year without a value, so a value someone added, changed or deleted meanwhile is caught
the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from lib import concurrency
from portal import closed_years
from strategy.formatting import indicator_value
from strategy.models import Indicator, IndicatorValue, Strategy

#: What a cell guards: what the grid shows and edits (the source link is edited elsewhere).
CELL_FIELDS = ["value", "source", "note"]
#: The version of a year without a value.
EMPTY_CELL = "empty"


def grid_years(strategy: Strategy, indicators: list[Indicator]) -> range:
    """The grid's columns: from the year before the strategy (the usual baseline year), or an
    earlier baseline or value, to the strategy's last year, or a later value's."""
    first, last = strategy.start_year - 1, strategy.end_year
    for indicator in indicators:
        years = [value.year for value in indicator.yearly_values]  # type: ignore[attr-defined]
        if indicator.baseline_year:
            years.append(indicator.baseline_year)
        if years:
            first, last = min(first, *years), max(last, *years)
    return range(first, last + 1)


def cell_prefix(indicator_id: int, year: int) -> str:
    """The form prefix and the element id of a cell: unique on the page, stable across saves."""
    return f"solu-{indicator_id}-{year}"


def cell_version(value: IndicatorValue | None) -> str:
    return EMPTY_CELL if value is None else concurrency.row_version(value, CELL_FIELDS)


@dataclass
class GridCell:
    indicator: Indicator
    year: int
    value: IndicatorValue | None
    #: The cell's form on the grid's form page (``IndicatorCellForm``); None on the grid.
    form: Any = None
    #: Why the cell cannot change: its year is closed (``portal.closed_years``); "" if open.
    locked: str = ""
    #: The value is of a closed year but reopened by the coordinator.
    reopened: bool = False

    @property
    def prefix(self) -> str:
        return cell_prefix(self.indicator.pk, self.year)


@dataclass
class GridRow:
    indicator: Indicator
    cells: list[GridCell] = field(default_factory=list)


@dataclass
class Grid:
    years: range
    rows: list[GridRow]

    def cells(self) -> list[GridCell]:
        return [cell for row in self.rows for cell in row.cells]


def grid_indicators(strategy: Strategy) -> list[Indicator]:
    """The strategy's indicators in their order with their values: two queries."""
    indicators = list(Indicator.objects.filter(strategy=strategy).with_yearly_values())
    for indicator in indicators:
        indicator.strategy = strategy
    return indicators


def build_grid(strategy: Strategy) -> Grid:
    """Every indicator of ``strategy`` with a cell for each year of ``grid_years``."""
    indicators = grid_indicators(strategy)
    years = grid_years(strategy, indicators)
    # The region's closed years and its reopened values: two queries, whatever the cells.
    closed = closed_years.closed_years(strategy.region_id)
    reopened = closed_years.reopened_ids(strategy.region_id, IndicatorValue) if closed else set()
    rows = []
    for indicator in indicators:
        by_year = {value.year: value for value in indicator.yearly_values}  # type: ignore[attr-defined]
        cells = []
        for year in years:
            value = by_year.get(year)
            cell = GridCell(indicator, year, value)
            if year in closed and (value is None or value.pk not in reopened):
                cell.locked = closed_years.locked_text(closed[year])
            cell.reopened = year in closed and value is not None and value.pk in reopened
            cells.append(cell)
        rows.append(GridRow(indicator, cells))
    return Grid(years, rows)


def cell_initial(value: IndicatorValue | None) -> dict[str, Any]:
    """A cell's form as read: the value with every stored decimal and none added."""
    if value is None:
        return {"value": None, "source": "", "note": "", "read_version": EMPTY_CELL}
    return {
        "value": value.value.normalize() if value.value % 1 else value.value.to_integral_value(),
        "source": value.source,
        "note": value.note,
        "read_version": cell_version(value),
    }


def _current_display(indicator: Indicator, value: IndicatorValue | None) -> str:
    if value is None:
        return _("empty")
    shown = indicator_value(value.value, indicator)
    if value.source:
        shown = _("%(value)s (source: %(source)s)") % {"value": shown, "source": value.source}
    return shown


def save_cell(
    indicator: Indicator,
    year: int,
    *,
    value: Decimal | None,
    source: str,
    note: str,
    read_version: str | None,
    user: Any,
) -> IndicatorValue | None:
    """Write one cell: its value, source and note, or, with ``value`` None, delete the year's
    value. Both leave a history record by ``user``. Returns the stored value, or None.

    The cell's row is locked while it is compared with ``read_version`` (the version the
    person's cell was read at; None checks nothing): a cell changed, added or deleted
    meanwhile raises ``concurrency.StaleEdit`` with the current value and version.
    """
    with transaction.atomic():
        # The indicator's lock orders two saves of the same new year: the second finds
        # the first's row and is refused, rather than failing on the unique constraint.
        Indicator.objects.select_for_update().filter(pk=indicator.pk).first()
        current = (
            IndicatorValue.objects.select_for_update()
            .filter(indicator=indicator, year=year)
            .first()
        )
        if read_version is not None and read_version != cell_version(current):
            change = concurrency.Change(
                label=_("Value"),
                yours=None,
                current=_current_display(indicator, current),
            )
            raise concurrency.StaleEdit([change], cell_version(current))
        unchanged = current is not None and (current.value, current.source, current.note) == (
            value,
            source,
            note,
        )
        if not unchanged and (current is not None or value is not None):
            # A closed year's cell refuses its change (``YearClosed``), its deletion included.
            closed_years.check_open(current or IndicatorValue(indicator=indicator, year=year))
        if value is None:
            if current is not None:
                current._history_user = user  # type: ignore[attr-defined]
                current.delete()
            return None
        row = current or IndicatorValue(indicator=indicator, year=year)
        if current is not None and (row.value, row.source, row.note) == (value, source, note):
            return row  # nothing changed: no history record
        row.value, row.source, row.note = value, source, note
        row._history_user = user  # type: ignore[attr-defined]
        row.save()
        return row
