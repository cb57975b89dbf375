"""The plan in and out of Excel: one XLSX workbook with a sheet each for the strategy's
header, focus areas, goals, actions and indicators.

The export holds the region's current version; the template holds the same sheets and
headings with no rows, to start a region's first plan. An import never changes the
current version: it builds a new version beside it, not current (a draft, published from
the editor). ``preview_plan`` reads and checks the whole workbook without writing;
``import_plan`` checks it again and writes the draft in one transaction, or nothing when
any row has an error.

Every row of the export carries the ID of its object in the exported version, so an
imported row with an ID continues that object (``_continue_identity``); a row without
one is new, and an object of the current version that no row names is left out of the
draft. Sheet names and headings are the file format's, Finnish in every interface
language, as in the other imports (``coordination.datasets``); messages are English
msgids read in Finnish.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

import openpyxl
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Max, Model
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from coordination.transfer import (
    MAX_FILE_SIZE,
    MAX_ROWS,
    ImportFileError,
    _check_unpacked_size,
)
from coordination.transfer_base import (
    ChoiceWidget,
    DateWidget,
    DecimalWidget,
    IntegerWidget,
    RegionOrganisationWidget,
    TextWidget,
    split_list,
)
from lib.bounds import text_error, year_error
from lib.locking import lock_and_reread
from lib.scoping import scope
from lib.translation import all_field_names
from network.models import Organisation, Region
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    NationalGoal,
    Strategy,
)
from strategy.services import save_with_history

logger = logging.getLogger(__name__)

# Sheet names and column headings: the file format's, not user-interface text.
STRATEGY_SHEET = "Strategia"
FOCUS_AREA_SHEET = "Painopistealueet"
GOAL_SHEET = "Tavoitteet"
ACTION_SHEET = "Toimenpiteet"
INDICATOR_SHEET = "Mittarit"
INSTRUCTIONS_SHEET = "Ohjeet"
ID = "ID"
LIST_SEPARATOR = "; "
# What a cell of organisations says when the plan does not name them (``Action.lead_unknown``,
# ``Action.responsibles_unknown``): the file format's word, read in English too.
NOT_KNOWN = "Ei tiedossa"
_NOT_KNOWN_WORDS = {NOT_KNOWN.casefold(), "not known"}


class NumberListWidget(widgets.Widget):
    """Whole numbers in one cell, separated by semicolons ("1; 3"), each once, in order."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[int]:
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = IntegerWidget().clean(value)
            return [] if value is None else [value]
        numbers: list[int] = []
        for part in split_list(value):
            number = IntegerWidget().clean(part)
            if number is not None and number not in numbers:
                numbers.append(number)
        return numbers


class OrganisationListWidget(widgets.Widget):
    """Member organisations named in one cell, separated by semicolons."""

    def __init__(self, organisation: RegionOrganisationWidget) -> None:
        super().__init__()
        self.organisation = organisation

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[Organisation]:
        found: list[Organisation] = []
        errors: list[str] = []
        for name in split_list(value):
            try:
                organisation = self.organisation.clean(name)
            except ValueError as error:
                errors.append(str(error))
                continue
            if organisation is not None and organisation not in found:
                found.append(organisation)
        if errors:
            raise ValueError(" ".join(errors))
        return found


class NotKnownOr(widgets.Widget):
    """A cell read by ``widget``, or the word that the plan does not say (``NOT_KNOWN``),
    which it returns as it is, so the import can tell "not known" from "none"."""

    def __init__(self, widget: widgets.Widget) -> None:
        super().__init__()
        self.widget = widget

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        if isinstance(value, str) and value.strip().casefold() in _NOT_KNOWN_WORDS:
            return NOT_KNOWN
        return self.widget.clean(value, row, **kwargs)


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading, the field it fills and how a cell is read.

    ``required``: every row needs a value. ``max_length``: the model field's limit, when
    shorter than the portal's limit of free text. ``optional``: the sheet may leave the
    column out (a translation's, which workbooks of before the translations lack).
    """

    header: str
    attribute: str
    widget: widgets.Widget
    required: bool = False
    max_length: int | None = None
    optional: bool = False


#: How a translation's heading names its language after the Finnish column's heading.
TRANSLATION_HEADINGS = {"sv": "ruotsiksi", "en": "englanniksi"}


def with_translations(model: type[Model], *columns: Column) -> tuple[Column, ...]:
    """A sheet's columns with its translated fields' Swedish columns, then their English
    ones, after them ("Otsikko ruotsiksi", ..., "Otsikko englanniksi", ...): optional and
    never required, and last, so the Finnish columns stay where they always were."""
    names = getattr(model, "translated_fields", ())
    return (
        *columns,
        *(
            Column(
                f"{column.header} {word}",
                f"{column.attribute}_{code}",
                column.widget,
                max_length=column.max_length,
                optional=True,
            )
            for code, word in TRANSLATION_HEADINGS.items()
            for column in columns
            if column.attribute in names
        ),
    )


@dataclass(frozen=True)
class SheetSpec:
    name: str
    columns: tuple[Column, ...]
    #: The plan objects the rows continue, by ID (None: the sheet has no ID column).
    model: type[Model] | None = None
    #: The header sheet holds one row at most.
    single_row: bool = False

    @property
    def headers(self) -> list[str]:
        return [column.header for column in self.columns]


@dataclass(frozen=True)
class PlanRowError:
    """An error of the workbook: its sheet, the row (the headings are row 1; None for
    the whole sheet or file), the column, and the message."""

    sheet: str
    line: int | None
    column: str
    message: str


@dataclass
class ParsedRow:
    """A row read from a sheet: its line, its cleaned values by attribute, and the object
    of the current version it continues (its ID), if any."""

    line: int
    values: dict[str, Any]
    source: Any = None


@dataclass
class SheetSummary:
    """What a sheet brings into the draft: rows continuing an object, new rows, and
    objects of the current version that no row names (left out of the draft)."""

    sheet: str
    continued: int = 0
    new: int = 0
    left_out: int = 0

    @property
    def rows(self) -> int:
        return self.continued + self.new


@dataclass
class PlanImport:
    """The outcome of reading (or importing) a workbook: per-sheet counts, every error,
    the header's source, and after an import the draft created."""

    summaries: list[SheetSummary] = field(default_factory=list)
    errors: list[PlanRowError] = field(default_factory=list)
    header_from_file: bool = True
    current: Strategy | None = None
    draft: Strategy | None = None

    @property
    def is_valid(self) -> bool:
        return not self.errors


class PlanImportRefused(Exception):
    """The region cannot take an imported plan now (a draft waits); nothing was read."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# The sheets ---------------------------------------------------------------------------


def sheet_specs(region: Region) -> list[SheetSpec]:
    """The workbook's sheets in order, their organisation columns bound to ``region``
    (one lookup of the region's organisations per import, shared by both columns)."""
    organisation = RegionOrganisationWidget(region)
    text = TextWidget()
    integer = IntegerWidget()
    numbers = NumberListWidget()
    return [
        SheetSpec(
            STRATEGY_SHEET,
            with_translations(
                Strategy,
                Column("Otsikko", "title", text, required=True, max_length=300),
                Column("Ensimmäinen vuosi", "start_year", integer, required=True),
                Column("Viimeinen vuosi", "end_year", integer, required=True),
                Column("Versio", "version_label", text, max_length=100),
                Column("Visio", "vision", text, required=True),
                Column("Arvot", "values", text, required=True, max_length=300),
                Column("Arvojen kuvaus", "values_statement", text),
                Column("Yleistavoite", "overall_goal", text, required=True),
                Column("Kauden tavoitteet", "objectives", text),
            ),
            single_row=True,
        ),
        SheetSpec(
            FOCUS_AREA_SHEET,
            with_translations(
                FocusArea,
                Column(ID, "id", integer),
                Column("Numero", "number", integer, required=True),
                Column("Otsikko", "title", text, required=True, max_length=300),
                Column("Kuvaus", "description", text),
                Column("Kansalliset tavoitteet", "national_goals", numbers),
            ),
            model=FocusArea,
        ),
        SheetSpec(
            GOAL_SHEET,
            with_translations(
                Goal,
                Column(ID, "id", integer),
                Column("Painopistealue", "focus_area", integer, required=True),
                Column("Numero", "number", integer, required=True),
                Column("Tavoite", "title", text, required=True),
            ),
            model=Goal,
        ),
        SheetSpec(
            ACTION_SHEET,
            with_translations(
                Action,
                Column(ID, "id", integer),
                Column("Painopistealue", "focus_area", integer, required=True),
                Column("Tavoitteet", "goals", numbers),
                Column("Otsikko", "title", text, required=True, max_length=300),
                Column("Kuvaus", "description", text),
                Column("Tila", "status", ChoiceWidget(Action.Status)),
                Column("Vastuuorganisaatio", "lead_organisation", NotKnownOr(organisation)),
                Column(
                    "Vastuuorganisaatiot",
                    "responsible_organisations",
                    NotKnownOr(OrganisationListWidget(organisation)),
                ),
                Column("Muut vastuutahot", "responsible_note", text, max_length=300),
                Column("Alkaa", "start_date", DateWidget()),
                Column("Päättyy", "end_date", DateWidget()),
                Column("Seuranta", "monitoring_note", text),
            ),
            model=Action,
        ),
        SheetSpec(
            INDICATOR_SHEET,
            with_translations(
                Indicator,
                Column(ID, "id", integer),
                Column("Otsikko", "title", text, required=True, max_length=300),
                Column("Kuvaus", "description", text),
                Column("Yksikkö", "unit", text, max_length=50),
                Column("Suunta", "direction", ChoiceWidget(Indicator.Direction)),
                Column("Lähtötaso", "baseline", DecimalWidget()),
                Column("Lähtötason vuosi", "baseline_year", integer),
                Column("Tavoitetaso", "target", DecimalWidget()),
                Column("Tavoitevuosi", "target_year", integer),
                Column("Painopistealueet", "focus_areas", numbers),
            ),
            model=Indicator,
        ),
    ]


#: The largest number of a focus area or of a goal within its focus area.
MAX_NUMBER = 999
#: The largest value a decimal field of an indicator holds (12 digits, 2 decimals).
_DECIMAL_LIMIT = Decimal("9999999999.99")


def _continue_identity(source: Model, copy: Model) -> None:
    """Mark ``copy`` (unsaved, in the draft) as the continuation of ``source`` (the
    current version's object its row names by ID): it takes the source's ``lineage``, the
    key by which ``strategy.comparison`` pairs an object's versions. A row without an ID
    keeps the fresh lineage of a new object."""
    copy.lineage = source.lineage  # type: ignore[attr-defined]


# Exporting ----------------------------------------------------------------------------


def _current(region: Region) -> Strategy | None:
    return Strategy.objects.for_region(region).current().first()


def plan_rows(strategy: Strategy, region: Region) -> dict[str, list[list[Any]]]:
    """The rows of each sheet for ``strategy``, cells as native values (numbers, years
    and dates as themselves): nine queries whatever the plan's size (the strategy's
    focus areas with their national goals, goals, actions with their lead organisation,
    goals and responsible organisations, indicators with their focus areas)."""
    status = ChoiceWidget(Action.Status)
    direction = ChoiceWidget(Indicator.Direction)
    focus_areas = list(
        FocusArea.objects.filter(strategy=strategy)
        .order_by("number")
        .prefetch_related("national_goals")
    )
    number_of = {focus_area.pk: focus_area.number for focus_area in focus_areas}
    goal_numbers: dict[int, int] = {}
    goal_rows: list[list[Any]] = []
    goals = Goal.objects.filter(focus_area__strategy=strategy).order_by(
        "focus_area__number", "position", "id"
    )
    counts: dict[int, int] = {}
    for goal in goals:
        counts[goal.focus_area_id] = counts.get(goal.focus_area_id, 0) + 1
        goal_numbers[goal.pk] = counts[goal.focus_area_id]
        goal_rows.append(
            [
                goal.pk,
                number_of[goal.focus_area_id],
                goal_numbers[goal.pk],
                goal.title,
                *_translation_cells(goal),
            ]
        )
    actions = (
        Action.objects.filter(focus_area__strategy=strategy)
        .with_responsibles()
        .prefetch_related("goals")
        .order_by("focus_area__number", "position", "id")
    )
    indicators = (
        Indicator.objects.filter(strategy=strategy)
        .prefetch_related("focus_areas")
        .order_by("position", "id")
    )
    return {
        STRATEGY_SHEET: [
            [
                strategy.title,
                strategy.start_year,
                strategy.end_year,
                strategy.version_label,
                strategy.vision,
                strategy.values,
                strategy.values_statement,
                strategy.overall_goal,
                strategy.objectives,
                *_translation_cells(strategy),
            ]
        ],
        FOCUS_AREA_SHEET: [
            [
                focus_area.pk,
                focus_area.number,
                focus_area.title,
                focus_area.description,
                _numbers(goal.number for goal in focus_area.national_goals.all()),
                *_translation_cells(focus_area),
            ]
            for focus_area in focus_areas
        ],
        GOAL_SHEET: goal_rows,
        ACTION_SHEET: [
            [
                action.pk,
                number_of[action.focus_area_id],
                _numbers(goal_numbers[goal.pk] for goal in action.goals.all()),
                action.title,
                action.description,
                status.render(action.status),
                NOT_KNOWN
                if action.lead_unknown
                else (action.lead_organisation.name if action.lead_organisation else ""),
                NOT_KNOWN
                if action.responsibles_unknown
                else LIST_SEPARATOR.join(o.name for o in action.responsible_organisations.all()),
                action.responsible_note,
                action.start_date,
                action.end_date,
                action.monitoring_note,
                *_translation_cells(action),
            ]
            for action in actions
        ],
        INDICATOR_SHEET: [
            [
                indicator.pk,
                indicator.title,
                indicator.description,
                indicator.unit,
                direction.render(indicator.direction),
                _decimal(indicator.baseline),
                indicator.baseline_year,
                _decimal(indicator.target),
                indicator.target_year,
                _numbers(focus_area.number for focus_area in indicator.focus_areas.all()),
                *_translation_cells(indicator),
            ]
            for indicator in indicators
        ],
    }


def _translation_cells(obj: Model) -> list[str]:
    """The row's last cells: its translations, in the order ``with_translations`` gives
    the columns (every translated field of the plan's models has its column)."""
    return [getattr(obj, name) for name in _translation_columns(type(obj))]


def _translation_columns(model: type[Model]) -> list[str]:
    """``title_sv, description_sv, title_en, description_en``: Swedish first, then English."""
    return [
        f"{name}_{code}"
        for code in TRANSLATION_HEADINGS
        for name in getattr(model, "translated_fields", ())
    ]


def _numbers(numbers: Iterable[int]) -> str:
    return LIST_SEPARATOR.join(str(number) for number in sorted(numbers))


def _decimal(value: Decimal | None) -> Decimal | int | None:
    """A stored decimal as the spreadsheet shows it: 12.50 as 12.5, 72.00 as 72."""
    if value is None:
        return None
    normalised = value.normalize()
    return int(normalised) if normalised == normalised.to_integral_value() else normalised


def export_plan(region: Region) -> bytes | None:
    """The region's current version as an XLSX workbook, or None when it has none."""
    with scope(region=region.pk):
        strategy = _current(region)
        if strategy is None:
            return None
        rows = plan_rows(strategy, region)
    return _workbook(region, rows)


def plan_template(region: Region) -> bytes:
    """The empty workbook: the same sheets and headings, no rows, and the instructions
    sheet first, to start a region's first plan."""
    return _workbook(region, {}, instructions_first=True)


def _instructions() -> list[str]:
    """What the instructions sheet says, in Finnish whatever the interface language."""
    with translation.override("fi"):
        return [
            _("How to fill in the plan"),
            _(
                "Each sheet holds one part of the plan. Keep the sheet names and the "
                "headings of the first row; add one row for each focus area, goal, action "
                "and indicator."
            ),
            _(
                "Strategia: one row, the strategy's title, first and last year, vision, "
                "values (separated by commas) and overall goal. Without this row the "
                "draft takes them from the current version."
            ),
            _(
                "Painopistealueet: focus areas numbered 1, 2, 3... National goals are the "
                "numbers of the national strategy's goals, separated by semicolons."
            ),
            _(
                "Tavoitteet: each goal names its focus area's number and its own number "
                "within the focus area."
            ),
            _(
                "Toimenpiteet: each action names its focus area's number and the numbers of "
                "its goals in that focus area. Organisations are written by their names in "
                "the member register, separated by semicolons. Dates are written as "
                "dd.mm.yyyy."
            ),
            _(
                "Toimenpiteet: write Ei tiedossa in an organisation column when the plan does "
                "not say which organisation leads the action or which are responsible for it, "
                "and as the status when it does not say how far the action is."
            ),
            _(
                "Mittarit: decimals may be written with a comma; focus areas are numbers "
                "separated by semicolons. A row with an ID keeps the indicator's yearly "
                "values, which are imported separately."
            ),
            _(
                "Columns whose heading ends in ruotsiksi or englanniksi hold the Swedish and "
                "English text of the column before them. They may be left empty or left out: "
                "the Swedish and English pages then show the Finnish text."
            ),
            _(
                "ID: the identifier of the row's object in the exported version. Keep it "
                "when you change a row, leave it empty on a new row, and delete the row to "
                "leave the object out."
            ),
            _(
                "The import creates a new draft version; the current version does not "
                "change until the draft is published."
            ),
        ]


#: How typed cells show, as a Finnish spreadsheet writes dates.
_DATE_FORMAT = "d.m.yyyy"


def _workbook(
    region: Region, rows: dict[str, list[list[Any]]], *, instructions_first: bool = False
) -> bytes:
    """A workbook of the sheets with bold, frozen headings; text cells are never formulas."""
    workbook = openpyxl.Workbook()
    first = workbook.active
    if instructions_first:
        _write_instructions(first)
    else:
        workbook.remove(first)
    for spec in sheet_specs(region):
        sheet = workbook.create_sheet(spec.name)
        sheet.append(spec.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for values in rows.get(spec.name, []):
            sheet.append([None if value in ("", None) else value for value in values])
            for cell, value in zip(sheet[sheet.max_row], values, strict=False):
                if isinstance(value, str):
                    cell.data_type = "s"
                elif isinstance(value, dt.date):
                    cell.number_format = _DATE_FORMAT
        for index, column in enumerate(spec.columns, start=1):
            wide = isinstance(column.widget, TextWidget) and column.max_length != 100
            sheet.column_dimensions[get_column_letter(index)].width = (
                40 if wide else max(10, len(column.header) + 4)
            )
    if not instructions_first:
        _write_instructions(workbook.create_sheet())
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _write_instructions(sheet: Any) -> None:
    sheet.title = INSTRUCTIONS_SHEET
    sheet.column_dimensions["A"].width = 100
    for index, text in enumerate(_instructions(), start=1):
        sheet.append([text])
        cell = sheet.cell(row=index, column=1)
        cell.data_type = "s"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if index == 1:
            cell.font = Font(bold=True)


# Reading ------------------------------------------------------------------------------


def read_workbook(uploaded_file: IO[bytes] | File) -> dict[str, list[tuple[Any, ...]]]:
    """The workbook's sheets by name, each its rows of cell values (headings first);
    ImportFileError when the file is not a readable XLSX workbook."""
    name = str(getattr(uploaded_file, "name", "") or "").lower()
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise ImportFileError(_("The file is larger than 5 MB. Split it into smaller files."))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if not name.endswith(".xlsx"):
        raise ImportFileError(
            _(
                "The plan is imported as an XLSX workbook with a sheet for each part. "
                "Export the plan or download the template, and fill that in."
            )
        )
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError(_("The file is not a valid XLSX workbook."))
    _check_unpacked_size(data)
    sheets: dict[str, list[tuple[Any, ...]]] = {}
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        for sheet in workbook.worksheets:
            records: list[tuple[Any, ...]] = []
            for values in sheet.iter_rows(values_only=True):
                records.append(values)
                if len(records) > MAX_ROWS + 1:
                    raise ImportFileError(_("The file has too many rows."))
            sheets[sheet.title.strip()] = records
        workbook.close()
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on a damaged file.
        logger.info("Unreadable plan workbook", exc_info=True)
        raise ImportFileError(_("The file is not a valid XLSX workbook.")) from None
    return sheets


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Reader:
    """Reads the sheets of one workbook against the region's current version, keeping
    every error; ``rows[sheet]`` holds the rows read."""

    def __init__(self, region: Region, current: Strategy | None) -> None:
        self.region = region
        self.current = current
        self.specs = {spec.name: spec for spec in sheet_specs(region)}
        self.errors: list[PlanRowError] = []
        self.rows: dict[str, list[ParsedRow]] = {}
        self.sources = self._current_objects()

    def _current_objects(self) -> dict[str, dict[int, Any]]:
        """The current version's objects by ID, per sheet: four queries (none without one)."""
        if self.current is None:
            return {name: {} for name in self.specs}
        strategy = self.current
        return {
            STRATEGY_SHEET: {},
            FOCUS_AREA_SHEET: FocusArea.objects.filter(strategy=strategy).in_bulk(),
            GOAL_SHEET: Goal.objects.filter(focus_area__strategy=strategy).in_bulk(),
            ACTION_SHEET: Action.objects.filter(focus_area__strategy=strategy).in_bulk(),
            INDICATOR_SHEET: Indicator.objects.filter(strategy=strategy)
            .prefetch_related("values")
            .in_bulk(),
        }

    def error(self, sheet: str, line: int | None, column: str, message: str) -> None:
        self.errors.append(PlanRowError(sheet, line, column, message))

    def read(self, sheets: dict[str, list[tuple[Any, ...]]]) -> None:
        known = {name.casefold(): records for name, records in sheets.items()}
        for spec in self.specs.values():
            records = known.get(spec.name.casefold())
            if records is None:
                if spec.name != STRATEGY_SHEET or self.current is None:
                    self.error(
                        spec.name,
                        None,
                        "",
                        _('The workbook has no sheet "%(sheet)s".') % {"sheet": spec.name},
                    )
                self.rows[spec.name] = []
                continue
            self.rows[spec.name] = self._read_sheet(spec, records)

    def _read_sheet(self, spec: SheetSpec, records: list[tuple[Any, ...]]) -> list[ParsedRow]:
        if not records or all(_is_blank(value) for value in records[0]):
            self.error(spec.name, 1, "", _("The first row of the sheet must hold the headings."))
            return []
        columns = self._columns(spec, records[0])
        if columns is None:
            return []
        parsed: list[ParsedRow] = []
        seen_ids: dict[int, int] = {}
        for line, record in enumerate(records[1:], start=2):
            if all(_is_blank(value) for value in record):
                continue
            row = self._read_row(spec, columns, record, line, seen_ids)
            parsed.append(row)
        if spec.single_row and len(parsed) > 1:
            self.error(spec.name, parsed[1].line, "", _("The sheet may hold only one row."))
        return parsed

    def _columns(self, spec: SheetSpec, headings: tuple[Any, ...]) -> dict[int, Column] | None:
        """The sheet's columns by index, or None (with the errors) when a heading is wrong."""
        by_header = {column.header.casefold(): column for column in spec.columns}
        columns: dict[int, Column] = {}
        ok = True
        for index, heading in enumerate(headings):
            if _is_blank(heading):
                continue
            column = by_header.get(str(heading).strip().casefold())
            if column is None:
                self.error(
                    spec.name,
                    1,
                    str(heading),
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join(spec.headers)},
                )
                ok = False
            elif column in columns.values():
                self.error(spec.name, 1, column.header, _("The column appears twice."))
                ok = False
            else:
                columns[index] = column
        for column in spec.columns:
            if column.header != ID and not column.optional and column not in columns.values():
                self.error(
                    spec.name,
                    1,
                    column.header,
                    _('The sheet has no column "%(column)s".') % {"column": column.header},
                )
                ok = False
        return columns if ok else None

    def _read_row(
        self,
        spec: SheetSpec,
        columns: dict[int, Column],
        record: tuple[Any, ...],
        line: int,
        seen_ids: dict[int, int],
    ) -> ParsedRow:
        values: dict[str, Any] = {}
        for index, column in columns.items():
            cell = record[index] if index < len(record) else None
            try:
                value = column.widget.clean(cell)
            except ValueError as error:
                self.error(spec.name, line, column.header, str(error))
                continue
            if value in (None, "", []) and column.required:
                self.error(spec.name, line, column.header, _("This cell cannot be empty."))
                continue
            message = (
                text_error(value, column.max_length)
                if isinstance(value, str) and column.max_length is not None
                else None
            )
            if message is not None:
                self.error(spec.name, line, column.header, message)
                continue
            values[column.attribute] = value
        row = ParsedRow(line, values)
        identifier = values.pop("id", None)
        if identifier is not None:
            source = self.sources[spec.name].get(identifier)
            if source is None:
                self.error(
                    spec.name,
                    line,
                    ID,
                    _(
                        "The current version has no row with the ID %(id)s on this sheet. "
                        "Leave the ID empty for a new row."
                    )
                    % {"id": identifier},
                )
            elif identifier in seen_ids:
                self.error(
                    spec.name,
                    line,
                    ID,
                    _("The same ID is already on row %(line)s.") % {"line": seen_ids[identifier]},
                )
            else:
                seen_ids[identifier] = line
                row.source = source
        return row

    # Checks across cells and sheets ---------------------------------------------------

    def check(self) -> None:
        """What no single cell shows: years and dates in order, numbers once, and every
        focus area and goal a row names present in the file."""
        self._check_header()
        focus_areas = self._check_unique(
            FOCUS_AREA_SHEET, lambda row: row.values.get("number"), "Numero"
        )
        for number, row in focus_areas.items():
            self._check_number(FOCUS_AREA_SHEET, row, number)
        if not self.rows.get(FOCUS_AREA_SHEET) and not self._sheet_errors(FOCUS_AREA_SHEET):
            self.error(FOCUS_AREA_SHEET, None, "", _("The plan needs at least one focus area."))
        national = set(NationalGoal.objects.values_list("number", flat=True))
        for row in self.rows.get(FOCUS_AREA_SHEET, []):
            for number in row.values.get("national_goals", []):
                if number not in national:
                    self.error(
                        FOCUS_AREA_SHEET,
                        row.line,
                        "Kansalliset tavoitteet",
                        _("The national strategy has no goal %(number)s.") % {"number": number},
                    )
        for row in self.rows.get(GOAL_SHEET, []):
            self._check_focus_area(GOAL_SHEET, row, focus_areas)
        goals = self._check_unique(
            GOAL_SHEET,
            lambda row: (row.values.get("focus_area"), row.values.get("number")),
            "Numero",
        )
        for (_focus_area, number), row in goals.items():
            self._check_number(GOAL_SHEET, row, number)
        for row in self.rows.get(ACTION_SHEET, []):
            if self._check_focus_area(ACTION_SHEET, row, focus_areas):
                for number in row.values.get("goals", []):
                    if (row.values["focus_area"], number) not in goals:
                        self.error(
                            ACTION_SHEET,
                            row.line,
                            "Tavoitteet",
                            _("Focus area %(focus_area)s has no goal %(number)s in the file.")
                            % {"focus_area": row.values["focus_area"], "number": number},
                        )
            self._check_order(ACTION_SHEET, row, "start_date", "end_date", "Päättyy")
        self._check_unique(
            INDICATOR_SHEET, lambda row: (row.values.get("title") or "").casefold(), "Otsikko"
        )
        for row in self.rows.get(INDICATOR_SHEET, []):
            self._check_indicator(row, focus_areas)

    def _check_number(self, sheet: str, row: ParsedRow, number: int) -> None:
        if not 1 <= number <= MAX_NUMBER:
            self.error(
                sheet,
                row.line,
                "Numero",
                _("Give a number between %(first)s and %(last)s.")
                % {"first": 1, "last": MAX_NUMBER},
            )

    def _sheet_errors(self, sheet: str) -> bool:
        return any(error.sheet == sheet for error in self.errors)

    def _check_header(self) -> None:
        rows = self.rows.get(STRATEGY_SHEET, [])
        if not rows:
            if self.current is None and not self._sheet_errors(STRATEGY_SHEET):
                self.error(
                    STRATEGY_SHEET,
                    None,
                    "",
                    _(
                        "The region has no strategy yet: fill in the strategy's title, "
                        "years, vision, values and overall goal on one row of this sheet."
                    ),
                )
            return
        row = rows[0]
        for attribute, header in (
            ("start_year", "Ensimmäinen vuosi"),
            ("end_year", "Viimeinen vuosi"),
        ):
            self._check_year(STRATEGY_SHEET, row, attribute, header)
        self._check_order(STRATEGY_SHEET, row, "start_year", "end_year", "Viimeinen vuosi")

    def _check_year(self, sheet: str, row: ParsedRow, attribute: str, header: str) -> None:
        year = row.values.get(attribute)
        if year is not None and (message := year_error(year)) is not None:
            self.error(sheet, row.line, header, message)
            row.values[attribute] = None

    def _check_order(self, sheet: str, row: ParsedRow, first: str, last: str, header: str) -> None:
        start, end = row.values.get(first), row.values.get(last)
        if start is not None and end is not None and end < start:
            self.error(sheet, row.line, header, _("The end is before the beginning."))

    def _check_unique(
        self, sheet: str, key: Callable[[ParsedRow], Any], header: str
    ) -> dict[Any, ParsedRow]:
        """The sheet's rows by ``key`` (rows without a whole key left out), with an error
        for each row repeating an earlier one's key."""
        found: dict[Any, ParsedRow] = {}
        for row in self.rows.get(sheet, []):
            value = key(row)
            if value in (None, "") or (isinstance(value, tuple) and None in value):
                continue
            if value in found:
                self.error(
                    sheet,
                    row.line,
                    header,
                    _("The same value is already on row %(line)s.") % {"line": found[value].line},
                )
            else:
                found[value] = row
        return found

    def _check_focus_area(
        self, sheet: str, row: ParsedRow, focus_areas: dict[Any, ParsedRow]
    ) -> bool:
        number = row.values.get("focus_area")
        if number is None:
            return False
        if number not in focus_areas:
            self.error(
                sheet,
                row.line,
                "Painopistealue",
                _("The file has no focus area %(number)s.") % {"number": number},
            )
            return False
        return True

    def _check_indicator(self, row: ParsedRow, focus_areas: dict[Any, ParsedRow]) -> None:
        for attribute, header in (
            ("baseline_year", "Lähtötason vuosi"),
            ("target_year", "Tavoitevuosi"),
        ):
            self._check_year(INDICATOR_SHEET, row, attribute, header)
        for attribute, header in (("baseline", "Lähtötaso"), ("target", "Tavoitetaso")):
            value = row.values.get(attribute)
            if value is not None and abs(value) > _DECIMAL_LIMIT:
                self.error(INDICATOR_SHEET, row.line, header, _("The number is too large."))
                row.values[attribute] = None
        if row.values.get("baseline") is not None and row.values.get("baseline_year") is None:
            self.error(
                INDICATOR_SHEET, row.line, "Lähtötason vuosi", _("Give the baseline's year.")
            )
        for number in row.values.get("focus_areas", []):
            if number not in focus_areas:
                self.error(
                    INDICATOR_SHEET,
                    row.line,
                    "Painopistealueet",
                    _("The file has no focus area %(number)s.") % {"number": number},
                )

    def summaries(self) -> list[SheetSummary]:
        summaries = []
        for spec in self.specs.values():
            if spec.model is None:
                continue
            rows = self.rows.get(spec.name, [])
            continued = sum(1 for row in rows if row.source is not None)
            summaries.append(
                SheetSummary(
                    spec.name,
                    continued=continued,
                    new=len(rows) - continued,
                    left_out=len(self.sources[spec.name]) - continued,
                )
            )
        return summaries


def _pending_draft(region: Region) -> bool:
    """Whether the region has a draft revision already (one at a time)."""
    return Strategy.objects.for_region(region).drafts().exists()


def has_current(region: Region) -> bool:
    """Whether the region has a current version to export."""
    with scope(region=region.pk):
        return Strategy.objects.for_region(region).current().exists()


def has_draft(region: Region) -> bool:
    """Whether the region has a draft waiting, which an import would not replace."""
    with scope(region=region.pk):
        return _pending_draft(region)


def _read_plan(region: Region, uploaded_file: Any) -> tuple[PlanImport, _Reader]:
    current = _current(region)
    if _pending_draft(region):
        raise PlanImportRefused(_("The region already has a draft: publish or discard it first."))
    sheets = read_workbook(uploaded_file)
    reader = _Reader(region, current)
    reader.read(sheets)
    reader.check()
    reader.errors.sort(
        key=lambda error: (
            list(reader.specs).index(error.sheet) if error.sheet in reader.specs else -1,
            error.line or 0,
            error.column,
        )
    )
    outcome = PlanImport(
        summaries=reader.summaries(),
        errors=reader.errors,
        header_from_file=bool(reader.rows.get(STRATEGY_SHEET)),
        current=current,
    )
    return outcome, reader


def preview_plan(region: Region, uploaded_file: Any) -> PlanImport:
    """What importing the workbook would create; nothing is written.

    Raises ImportFileError when the file cannot be read, PlanImportRefused when the
    region already has a draft.
    """
    with translation.override("fi"), scope(region=region.pk):
        outcome, _reader = _read_plan(region, uploaded_file)
    return outcome


def import_plan(region: Region, uploaded_file: Any, user: Any = None) -> PlanImport:
    """Import the workbook as a new draft version: everything, or nothing when any row
    has an error (the outcome then holds the errors and no draft).

    The workbook is checked again inside the transaction, with the region's row locked,
    so two imports (or an import and a revision) cannot take the same version number.
    """
    with translation.override("fi"), scope(region=region.pk):
        try:
            with transaction.atomic():
                lock_and_reread(region)
                outcome, reader = _read_plan(region, uploaded_file)
                if not outcome.is_valid:
                    return outcome
                outcome.draft = _write_draft(region, outcome.current, reader, user)
        except IntegrityError:
            logger.warning("Plan import into %s collided with another change", region.slug)
            raise PlanImportRefused(
                _("The plan changed while the file was imported. Nothing was saved; try again.")
            ) from None
    logger.info("Plan imported into %s as draft version %s", region.slug, outcome.draft.version)
    return outcome


def _header(reader: _Reader, current: Strategy | None) -> dict[str, Any]:
    """The draft's header: the file's row, or else the current version's fields."""
    rows = reader.rows.get(STRATEGY_SHEET, [])
    if rows:
        values = dict(rows[0].values)
        return {
            **{key: "" if value is None else value for key, value in values.items()},
            **_translations(Strategy, rows[0], current),
        }
    if current is None:  # checked by ``_check_header``: a first plan needs the row
        raise ValueError("A first plan without its header row")
    return {
        column.attribute: getattr(current, column.attribute)
        for column in reader.specs[STRATEGY_SHEET].columns
    }


def _translations(model: type[Model], row: ParsedRow, source: Model | None) -> dict[str, str]:
    """The row's translations: its sheet's translation columns, and for a column the sheet
    leaves out, the translation of the object the row continues (``source``; the current
    version for the header), so a workbook of before the translations loses none."""
    values: dict[str, str] = {}
    for name in all_field_names(model):
        if name in row.values:
            values[name] = row.values[name] or ""
        elif source is not None:
            values[name] = getattr(source, name)
    return values


def _write_draft(region: Region, current: Strategy | None, reader: _Reader, user: Any) -> Strategy:
    """Create the draft from the rows read: one history record per object, as a revision
    leaves (``strategy.services.start_revision``)."""
    last = Strategy.objects.for_region(region).aggregate(last=Max("version"))["last"]
    draft = Strategy(
        region=region,
        version=(last or 0) + 1,
        is_current=False,
        previous=current,
        **_header(reader, current),
    )
    save_with_history(draft, user=user)

    national_goals = NationalGoal.objects.in_bulk(field_name="number")
    focus_areas: dict[int, FocusArea] = {}
    for row in reader.rows[FOCUS_AREA_SHEET]:
        focus_area = FocusArea(
            strategy=draft,
            number=row.values["number"],
            title=row.values["title"],
            description=row.values.get("description") or "",
            **_translations(FocusArea, row, row.source),
        )
        linked = [national_goals[n] for n in row.values.get("national_goals", [])]
        _save(focus_area, row, user, national_goals=linked)
        focus_areas[focus_area.number] = focus_area

    goals: dict[tuple[int, int], Goal] = {}
    goal_rows = sorted(
        reader.rows[GOAL_SHEET], key=lambda row: (row.values["focus_area"], row.values["number"])
    )
    for position, row in _positions(goal_rows, "focus_area"):
        goal = Goal(
            focus_area=focus_areas[row.values["focus_area"]],
            title=row.values["title"],
            position=position,
            **_translations(Goal, row, row.source),
        )
        _save(goal, row, user)
        goals[(row.values["focus_area"], row.values["number"])] = goal

    for position, row in _positions(reader.rows[ACTION_SHEET], "focus_area"):
        number = row.values["focus_area"]
        lead = row.values.get("lead_organisation")
        responsibles = row.values.get("responsible_organisations", [])
        action = Action(
            focus_area=focus_areas[number],
            title=row.values["title"],
            description=row.values.get("description") or "",
            status=row.values.get("status") or Action.Status.PLANNED,
            lead_organisation=None if lead == NOT_KNOWN else lead,
            lead_unknown=lead == NOT_KNOWN,
            responsibles_unknown=responsibles == NOT_KNOWN,
            responsible_note=row.values.get("responsible_note") or "",
            start_date=row.values.get("start_date"),
            end_date=row.values.get("end_date"),
            monitoring_note=row.values.get("monitoring_note") or "",
            position=position,
            **_translations(Action, row, row.source),
        )
        _save(
            action,
            row,
            user,
            goals=[goals[(number, goal)] for goal in row.values.get("goals", [])],
            responsible_organisations=[] if responsibles == NOT_KNOWN else responsibles,
        )

    for position, row in enumerate(reader.rows[INDICATOR_SHEET]):
        indicator = Indicator(
            strategy=draft,
            title=row.values["title"],
            description=row.values.get("description") or "",
            unit=row.values.get("unit") or "",
            direction=row.values.get("direction") or Indicator.Direction.INCREASE,
            baseline=row.values.get("baseline"),
            baseline_year=row.values.get("baseline_year"),
            target=row.values.get("target"),
            target_year=row.values.get("target_year"),
            position=position,
            **_translations(Indicator, row, row.source),
        )
        linked_areas = [focus_areas[n] for n in row.values.get("focus_areas", [])]
        _save(indicator, row, user, focus_areas=linked_areas)
        if row.source is not None:
            # The yearly values are not in the workbook: a continued indicator keeps its own.
            for value in row.source.values.all():
                save_with_history(
                    IndicatorValue(
                        indicator=indicator,
                        year=value.year,
                        value=value.value,
                        source=value.source,
                        source_url=value.source_url,
                    ),
                    user=user,
                )
    return draft


def _positions(rows: Sequence[ParsedRow], group: str) -> Iterable[tuple[int, ParsedRow]]:
    """Each row with its place (0, 1, 2...) among the rows of the same ``group`` value."""
    counts: dict[Any, int] = {}
    for row in rows:
        key = row.values[group]
        position = counts.get(key, 0)
        counts[key] = position + 1
        yield position, row


def _save(instance: Model, row: ParsedRow, user: Any, **links: list[Any]) -> None:
    """Save a new object of the draft with its links, as one change in its history."""
    if row.source is not None:
        _continue_identity(row.source, instance)

    def set_links() -> None:
        for name, related in links.items():
            getattr(instance, name).set(related)

    save_with_history(instance, set_links if links else None, user)
