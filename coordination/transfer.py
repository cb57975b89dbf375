"""Imports and exports of a region's data: organisations, guidance actions, events, indicators.

A file is read into a table (CSV in UTF-8, with or without a BOM, comma or semicolon
delimited, or the first sheet of an XLSX workbook), checked against the dataset's columns,
and handed to the dataset's django-import-export resource, bound to the region.

``preview_import`` runs the import as a dry run inside a transaction that is always rolled
back, and tells what would be created, updated or left unchanged, and every error with
its line (the header is line 1), column and a Finnish message. ``run_import`` validates
again and writes everything in one transaction, or nothing if any row has an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import re
import secrets
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, NamedTuple

import openpyxl
import tablib
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import InterfaceError, OperationalError, connection, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.results import Result, RowResult
from openpyxl.styles import Font

from coordination.datasets.events import EventResource
from coordination.datasets.guidance_actions import GuidanceActionResource
from coordination.datasets.indicator_values import IndicatorValueResource
from coordination.datasets.organisations import OrganisationResource
from coordination.transfer_base import Change, RegionResource
from lib.scoping import iterate_in_scope, scope
from network.models import Region
from portal import page_cache

logger = logging.getLogger(__name__)

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 10_000
#: The most an XLSX workbook may hold unpacked: what a 5 MB CSV holds, with the XML around
#: every cell. openpyxl keeps a whole cell (and the shared strings) in memory, so a small
#: file that unpacks to hundreds of megabytes would fill a worker's memory.
MAX_XLSX_UNPACKED_SIZE = 25 * 1024 * 1024
#: How much larger than its packed size a part of the workbook may unpack; spreadsheets
#: pack about 5 to 30 times. Only parts over ``_RATIO_CHECKED_FROM`` bytes are judged.
MAX_XLSX_RATIO = 100
_RATIO_CHECKED_FROM = 1024 * 1024
#: Parts of a workbook: a real one has a dozen or two.
MAX_XLSX_PARTS = 500
FORMATS = ("csv", "xlsx")
#: Where uploads wait between the preview and the confirmation, under MEDIA_ROOT.
UPLOAD_DIR = "imports"
_UPLOAD_NAME = re.compile(rf"^{UPLOAD_DIR}/[0-9a-f]{{32}}\.(csv|xlsx)$")
#: A cell beginning with one of these is a formula to a spreadsheet program; the CSV
#: export writes it after an apostrophe, and the import removes that apostrophe again.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class ImportFileError(Exception):
    """The file cannot be read at all: wrong type, too big, empty, not UTF-8."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ImportInterrupted(Exception):
    """The database connection failed during an import: nothing was saved, and the file
    itself may be fine, so the person is asked to try again rather than to correct it."""


#: Errors of the connection, not of the data: the server restarted or the link broke.
CONNECTION_ERRORS = (OperationalError, InterfaceError)


@dataclass(frozen=True)
class DatasetSpec:
    """One kind of data the coordinator moves in and out, named in the URL."""

    name: str
    label: Promise
    note: Promise
    resource_class: type[RegionResource]

    def resource(self, region: Region, user: Any = None) -> RegionResource:
        return self.resource_class(region, user=user)


DATASETS: dict[str, DatasetSpec] = {
    spec.name: spec
    for spec in (
        DatasetSpec(
            "organisaatiot",
            gettext_lazy("Member organisations"),
            gettext_lazy(
                "Rows are matched on the organisation's name. Type and sector may be written "
                "as codes or in Finnish; provinces are separated by semicolons."
            ),
            OrganisationResource,
        ),
        DatasetSpec(
            "ohjaustoimenpiteet",
            gettext_lazy("Guidance actions"),
            gettext_lazy(
                "Rows are matched on organisation, year and title. Focus areas are the numbers "
                "of the current strategy; target groups and channels are names separated by "
                "semicolons. Imported guidance actions are accepted at once: you import the "
                "network's record, so they need no review."
            ),
            GuidanceActionResource,
        ),
        DatasetSpec(
            "tapahtumat",
            gettext_lazy("Events"),
            gettext_lazy(
                "Rows are matched on title and start date. Organisers are names of member "
                "organisations separated by semicolons. Imported events are accepted at once "
                "and shown in the public calendar."
            ),
            EventResource,
        ),
        DatasetSpec(
            "mittariarvot",
            gettext_lazy("Indicator values"),
            gettext_lazy(
                "Yearly values of the current strategy's indicators, matched on indicator "
                "title and year. Decimals may be written with a comma."
            ),
            IndicatorValueResource,
        ),
    )
}


def get_dataset(name: str) -> DatasetSpec:
    """The dataset named in a URL; KeyError for an unknown name."""
    return DATASETS[name]


class RowError(NamedTuple):
    """An error in the file: line (the header is line 1; None for the whole file), column."""

    line: int | None
    column: str
    message: str


@dataclass(frozen=True)
class PreviewRow:
    """A row the import creates or updates, with the columns it fills or changes."""

    line: int
    action: str  # "new" or "update"
    label: str
    changes: list[Change]

    @property
    def is_new(self) -> bool:
        return self.action == RowResult.IMPORT_TYPE_NEW


@dataclass
class ImportPreview:
    """What an import does or would do: counts, the changed rows, and every error."""

    dataset: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rows: list[PreviewRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(self.new or self.updated)


@dataclass
class Table:
    """The cells of a file: headers, rows, and the file line each row came from."""

    headers: list[str]
    rows: list[list[Any]]
    lines: list[int]


# Reading files ------------------------------------------------------------------------


def read_table(uploaded_file: IO[bytes] | File) -> Table:
    """The file's cells, or ImportFileError with a message for the person who sent it."""
    name = str(getattr(uploaded_file, "name", "") or "").lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise ImportFileError(_("The file is larger than 5 MB. Split it into smaller files."))
    if not data.strip():
        raise ImportFileError(_("The file is empty."))
    if extension not in FORMATS:
        raise ImportFileError(
            _("Only CSV and XLSX files can be imported. Save the file in one of these formats.")
        )
    if extension == "xlsx":
        if not data.startswith(b"PK\x03\x04"):
            raise ImportFileError(_("The file is not a valid XLSX workbook."))
        _check_unpacked_size(data)
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFileError(
            _('The file is not in UTF-8. In Excel, save it as "CSV UTF-8".')
        ) from None
    if "\x00" in text:
        raise ImportFileError(_("The file is not a CSV text file."))
    first_line = text.split("\n", 1)[0]
    # Finnish Excel writes semicolons; the headers themselves contain neither.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[Any]] = []
    lines: list[int] = []
    previous_end = 0
    try:
        for record in reader:
            records.append([_unescape(cell) for cell in record])
            lines.append(previous_end + 1)
            previous_end = reader.line_num
            if len(records) > MAX_ROWS + 1:
                raise ImportFileError(_("The file has too many rows."))
    except csv.Error:
        raise ImportFileError(
            _("The CSV file cannot be read after line %(line)s.") % {"line": previous_end}
        ) from None
    return _table(records, lines)


def _unescape(cell: str) -> str:
    if cell.startswith("'") and cell[1:2] and cell[1] in _FORMULA_START:
        return cell[1:]
    return cell


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a workbook that would unpack too large, before openpyxl inflates any of it.

    The sizes come from the zip's central directory, which is what ``zipfile`` (and so
    openpyxl) trusts when reading: it stops a part at its declared size, so a part whose
    directory entry understates it cannot unpack more than the sum judged here.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ImportFileError(_("The file is not a valid XLSX workbook.")) from None
    unpacked = sum(part.file_size for part in parts)
    too_packed = any(
        part.file_size > _RATIO_CHECKED_FROM
        and part.file_size > MAX_XLSX_RATIO * max(part.compress_size, 1)
        for part in parts
    )
    if len(parts) > MAX_XLSX_PARTS or unpacked > MAX_XLSX_UNPACKED_SIZE:
        logger.info("XLSX upload refused: %s parts, %s bytes unpacked", len(parts), unpacked)
        raise ImportFileError(
            _(
                "The workbook is too large when unpacked (%(size)s; at most %(limit)s). "
                "Remove extra sheets and very long cells, or save it as CSV."
            )
            % {
                "size": filesizeformat(unpacked),
                "limit": filesizeformat(MAX_XLSX_UNPACKED_SIZE),
            }
        )
    if too_packed:
        logger.info("XLSX upload refused: a part unpacks over %s times its size", MAX_XLSX_RATIO)
        raise ImportFileError(
            _(
                "The workbook unpacks to more than %(ratio)s times its size, which no "
                "spreadsheet of this data does. Save it as CSV and import that."
            )
            % {"ratio": MAX_XLSX_RATIO}
        )


def _read_xlsx(data: bytes) -> Table:
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        records: list[list[Any]] = []
        for values in sheet.iter_rows(values_only=True):
            records.append(list(values))
            if len(records) > MAX_ROWS + 1:
                raise ImportFileError(_("The file has too many rows."))
        workbook.close()
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on a damaged file.
        logger.info("Unreadable XLSX upload", exc_info=True)
        raise ImportFileError(_("The file is not a valid XLSX workbook.")) from None
    return _table(records, list(range(1, len(records) + 1)))


def _is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _table(records: list[list[Any]], lines: list[int]) -> Table:
    """Headers from the first record; blank rows (Excel leaves some) are dropped."""
    if not records or all(_is_blank(value) for value in records[0]):
        raise ImportFileError(_("The first line of the file must hold the column headers."))
    headers = ["" if value is None else str(value).strip() for value in records[0]]
    rows, row_lines = [], []
    for record, line in zip(records[1:], lines[1:], strict=True):
        if all(_is_blank(value) for value in record):
            continue
        rows.append(record)
        row_lines.append(line)
    if not rows:
        raise ImportFileError(_("The file has column headers but no rows."))
    return Table(headers, rows, row_lines)


def _dataset(resource: RegionResource, table: Table) -> tuple[tablib.Dataset, list[RowError]]:
    """The table as the resource's columns, or the header errors (all on line 1)."""
    known = {header.casefold(): header for header in resource.headers}
    errors: list[RowError] = []
    columns: list[tuple[int, str]] = []
    for index, header in enumerate(table.headers):
        if not header:
            if any(index < len(row) and not _is_blank(row[index]) for row in table.rows):
                errors.append(RowError(1, "", _("A column with values has no header.")))
            continue
        canonical = known.get(header.casefold())
        if canonical is None:
            errors.append(
                RowError(
                    1,
                    header,
                    _("Unknown column. The columns are: %(columns)s.")
                    % {"columns": ", ".join(resource.headers)},
                )
            )
        elif canonical in (name for _index, name in columns):
            errors.append(RowError(1, header, _("The column appears twice.")))
        else:
            columns.append((index, canonical))
    present = {name for _index, name in columns}
    for header in resource.key_headers:
        if header not in present:
            errors.append(
                RowError(1, header, _('The file has no column "%(column)s".') % {"column": header})
            )
    dataset = tablib.Dataset(headers=[name for _index, name in columns])
    for row in table.rows:
        dataset.append([row[index] if index < len(row) else None for index, _name in columns])
    return dataset, errors


# Importing ----------------------------------------------------------------------------


def _summarise(
    spec: DatasetSpec, resource: RegionResource, result: Result, lines: list[int]
) -> ImportPreview:
    def line_of(number: int) -> int:
        return lines[number - 1] if 0 < number <= len(lines) else number + 1

    preview = ImportPreview(dataset=spec.name)
    for number, row_result in enumerate(result.rows, start=1):
        if row_result.import_type == RowResult.IMPORT_TYPE_SKIP:
            preview.unchanged += 1
        elif row_result.import_type in (RowResult.IMPORT_TYPE_NEW, RowResult.IMPORT_TYPE_UPDATE):
            if row_result.import_type == RowResult.IMPORT_TYPE_NEW:
                preview.new += 1
            else:
                preview.updated += 1
            preview.rows.append(
                PreviewRow(
                    line=line_of(number),
                    action=row_result.import_type,
                    label=row_result.object_repr or "",
                    changes=resource.changes.get(number, []),
                )
            )
    for invalid in result.invalid_rows:
        for attribute, messages in invalid.error_dict.items():
            header = "" if attribute == NON_FIELD_ERRORS else resource.column_of(attribute)
            for message in messages:
                preview.errors.append(RowError(line_of(invalid.number), header, str(message)))
    for error_row in result.error_rows:
        for error in error_row.errors:
            logger.warning("Import row %s failed: %r", error_row.number, error.error)
            preview.errors.append(
                RowError(line_of(error_row.number), "", _("The row could not be saved."))
            )
    for error in result.base_errors:
        logger.warning("Import failed: %r", error.error)
        preview.errors.append(RowError(None, "", _("The file could not be imported.")))
    preview.errors.sort(key=lambda error: (error.line or 0, error.column))
    return preview


def _lost_connection(result: Result) -> bool:
    """Whether a row or the import failed because the connection did: import-export keeps
    such an error as a row's, which would read as a fault of the file."""
    errors = [error for row in result.error_rows for error in row.errors]
    errors += result.base_errors
    return any(isinstance(error.error, CONNECTION_ERRORS) for error in errors)


def _import(
    region: Region, dataset_name: str, uploaded_file: Any, user: Any, *, dry_run: bool
) -> ImportPreview:
    """Raises ImportInterrupted (nothing written) when the database connection fails."""
    try:
        return _import_rows(region, dataset_name, uploaded_file, user, dry_run=dry_run)
    except (ImportInterrupted, *CONNECTION_ERRORS) as error:
        logger.warning("Import of %s into %s interrupted: %r", dataset_name, region.slug, error)
        # A broken connection is dropped here, so the rest of the request (its session and
        # the message to the person) opens a new one.
        if not connection.in_atomic_block and not connection.is_usable():
            connection.close()
        raise ImportInterrupted from error


def _import_rows(
    region: Region, dataset_name: str, uploaded_file: Any, user: Any, *, dry_run: bool
) -> ImportPreview:
    spec = get_dataset(dataset_name)
    # An import reads and writes the region's rows only, wherever it is called from.
    with translation.override("fi"), scope(region=region.pk):
        table = read_table(uploaded_file)
        resource = spec.resource(region, user=user)
        dataset, header_errors = _dataset(resource, table)
        if header_errors:
            return ImportPreview(dataset=spec.name, errors=header_errors)
        resource.row_lines = table.lines
        with transaction.atomic():
            result = resource.import_data(
                dataset,
                dry_run=dry_run,
                use_transactions=True,
                rollback_on_validation_errors=True,
            )
            if _lost_connection(result):
                raise ImportInterrupted
            preview = _summarise(spec, resource, result, table.lines)
            if dry_run or not preview.is_valid:
                transaction.set_rollback(True)
            else:
                page_cache.bump(region.pk)  # the rows went in bulk, without signals
    return preview


def preview_import(
    region: Region, dataset_name: str, uploaded_file: Any, user: Any = None
) -> ImportPreview:
    """What importing the file would do; nothing is written.

    Raises ImportFileError when the file cannot be read, KeyError for an unknown dataset,
    ImportInterrupted when the database connection fails.
    """
    return _import(region, dataset_name, uploaded_file, user, dry_run=True)


def run_import(
    region: Region, dataset_name: str, uploaded_file: Any, user: Any = None
) -> ImportPreview:
    """Import the file in one transaction: every row, or nothing when any row has an error.

    The rows are validated again (the data may have changed since the preview); the
    returned preview holds the counts of what was written, or the errors. Raises
    ImportInterrupted, with nothing written, when the database connection fails.
    """
    preview = _import(region, dataset_name, uploaded_file, user, dry_run=False)
    if preview.is_valid:
        logger.info(
            "Imported %s into %s: %s new, %s updated, %s unchanged",
            dataset_name,
            region.slug,
            preview.new,
            preview.updated,
            preview.unchanged,
        )
    return preview


# Exporting ----------------------------------------------------------------------------


def export_rows(
    region: Region, dataset_name: str, native: bool = False
) -> tuple[list[str], Iterator[list[Any]]]:
    """The headers and the region's rows in the import format (KeyError: unknown dataset);
    with ``native``, numbers and dates as values rather than texts (for XLSX)."""
    # The rows are read in the region's scope, chunk by chunk: a streamed CSV is read after
    # the view has returned.
    with scope(region=region.pk):
        resource = get_dataset(dataset_name).resource(region)
        headers = resource.headers
    return headers, iterate_in_scope(resource.export_rows(native=native), region=region.pk)


def _escape(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_START) else cell


def export_csv(region: Region, dataset_name: str) -> Iterator[str]:
    """The CSV file in chunks, for streaming: UTF-8 with a BOM and semicolons, as Finnish
    Excel opens it; cells that a spreadsheet would run as formulas are escaped."""
    headers, rows = export_rows(region, dataset_name)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")

    def flush() -> str:
        chunk = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return chunk

    writer.writerow(headers)
    yield "\ufeff" + flush()
    for row in rows:
        writer.writerow([_escape(cell) for cell in row])
        yield flush()


#: How typed XLSX cells show, as a Finnish spreadsheet writes dates and times.
_CELL_FORMATS: dict[type, str] = {dt.date: "d.m.yyyy", dt.time: "h:mm"}


def export_xlsx(region: Region, dataset_name: str) -> bytes:
    """The XLSX workbook: one sheet, bold frozen headers; numbers and dates are number
    and date cells (sums and sorting work), everything else is text."""
    headers, rows = export_rows(region, dataset_name, native=True)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = dataset_name[:31]
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for row in rows:
        sheet.append([None if value == "" else value for value in row])
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, str):
                # A text cell is never run as a formula, whatever it begins with.
                cell.data_type = "s"
            elif type(value) in _CELL_FORMATS:
                cell.number_format = _CELL_FORMATS[type(value)]
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[openpyxl.utils.get_column_letter(index)].width = max(
            12, len(header) + 4
        )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


# Uploads waiting for confirmation -----------------------------------------------------


def store_upload(uploaded_file: Any) -> str:
    """Keep an upload under MEDIA_ROOT/imports/ under a random name; return that name."""
    name = str(getattr(uploaded_file, "name", "")).lower()
    extension = "xlsx" if name.endswith(".xlsx") else "csv"
    uploaded_file.seek(0)
    return default_storage.save(f"{UPLOAD_DIR}/{secrets.token_hex(16)}.{extension}", uploaded_file)


def open_upload(name: str) -> File | None:
    """A stored upload, or None when the name is not one of ours or the file is gone."""
    if not _UPLOAD_NAME.match(name or "") or not default_storage.exists(name):
        return None
    return default_storage.open(name, "rb")


def delete_upload(name: str | None) -> None:
    if name and _UPLOAD_NAME.match(name) and default_storage.exists(name):
        default_storage.delete(name)


def purge_stale_uploads(max_age: dt.timedelta = dt.timedelta(days=1)) -> None:
    """Delete uploads left unconfirmed for longer than ``max_age``."""
    if not default_storage.exists(UPLOAD_DIR):
        return
    cutoff = timezone.now() - max_age
    _dirs, files = default_storage.listdir(UPLOAD_DIR)
    for filename in files:
        name = f"{UPLOAD_DIR}/{filename}"
        if _UPLOAD_NAME.match(name) and default_storage.get_modified_time(name) < cutoff:
            default_storage.delete(name)
