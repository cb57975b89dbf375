"""Building blocks of the region-scoped import and export resources (see ``coordination.transfer``).

Every resource is bound to one region in its constructor: rows are looked up and created
in that region only, and a name of another region's organisation is an error. Widgets
read what people type in Finnish spreadsheets (``26.5.2021``, ``12,5``, ``kyllä``, the
Finnish labels of choices) as well as the ISO forms and the typed cells of an XLSX file,
and write one canonical form, so that an export re-imports unchanged.

Error messages are English msgids; ``coordination.transfer`` runs imports under
``translation.override("fi")``, so people read them in Finnish.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from lib.bounds import date_error, text_error
from lib.scoping import scope
from network.models import Organisation, Region
from portal import closed_years
from portal.review import ReviewStatus

#: Separator of several names or numbers in one cell ("Kymenlaakso; Etelä-Karjala").
LIST_SEPARATOR = ";"
_EMPTY = (None, "")
#: Rows a bulk import writes in one INSERT or UPDATE, and related links in one statement.
BATCH_SIZE = 1000
#: A natural-key column with more distinct values than this is not used to narrow the
#: query that loads the stored rows: the other key columns narrow it enough.
_KEY_FILTER_LIMIT = 1000


class Change(NamedTuple):
    """One column of a row that an import would change, as the file writes the values."""

    column: str
    old: str
    new: str


def _text(value: Any) -> str:
    """A cell as text: XLSX cells may be numbers, dates or None."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class TextWidget(widgets.Widget):
    """Plain text; an empty cell is an empty string. At most ``MAX_TEXT_LENGTH`` characters,
    as in the portal's forms (a shorter model field refuses more itself)."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str:
        text = _text(value)
        if (error := text_error(text)) is not None:
            raise ValueError(error)
        return text

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    """A choice written as its code (``public``) or its Finnish or English label."""

    def __init__(
        self, choices: type[models.TextChoices], exclude: tuple[str, ...] = (), **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.choices = choices
        self.exclude = exclude
        self._lookup_cache: dict[str, str] | None = None

    def _lookup(self) -> dict[str, str]:
        """Codes and labels in both languages; built once, as it translates every label."""
        if self._lookup_cache is not None:
            return self._lookup_cache
        lookup: dict[str, str] = {}
        for value, label in self.choices.choices:
            if value in self.exclude:
                continue
            for language in ("en", "fi"):
                with translation.override(language):
                    lookup[str(label).casefold()] = value
            lookup[value.casefold()] = value
        self._lookup_cache = lookup
        return lookup

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> str | None:
        text = _text(value)
        if not text:
            return None
        try:
            return self._lookup()[text.casefold()]
        except KeyError:
            allowed = ", ".join(
                str(label) for value, label in self.choices.choices if value not in self.exclude
            )
            raise ValueError(
                _("Unknown value '%(value)s'. Use one of: %(allowed)s.")
                % {"value": text, "allowed": allowed}
            ) from None

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        """The choice's Finnish label, whatever the interface language: the file format's
        language, as its headers; ``clean`` reads the label (and the code) back."""
        if not value:
            return ""
        try:
            label = self.choices(value).label
        except ValueError:
            return str(value)
        with translation.override("fi"):
            return str(label)


class BooleanWidget(widgets.Widget):
    """Yes or no: ``kyllä``/``ei`` as the export writes them, or 1/0, true/false, x."""

    TRUE = {"kyllä", "k", "x", "1", "true", "yes", "ja"}
    FALSE = {"ei", "e", "0", "false", "no", "nej"}

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> bool | None:
        if isinstance(value, bool):
            return value
        text = _text(value).casefold()
        if not text:
            return None
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("Write 'kyllä' or 'ei', not '%(value)s'.") % {"value": _text(value)})

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "kyllä" if value else "ei"


class DateWidget(widgets.Widget):
    """A date as d.m.yyyy (the export's form) or ISO yyyy-mm-dd, or a date cell of XLSX;
    between 1.1.2000 and 31.12.2100, as in the portal's forms."""

    FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
    ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> dt.date | None:
        day = self._read(value)
        if (error := date_error(day)) is not None:
            raise ValueError(error)
        return day

    def _read(self, value: Any) -> dt.date | None:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            if match := self.FINNISH.match(text):
                day, month, year = (int(part) for part in match.groups())
                return dt.date(year, month, day)
            if match := self.ISO.match(text):
                year, month, day = (int(part) for part in match.groups())
                return dt.date(year, month, day)
        except ValueError:
            pass
        raise ValueError(
            _("Date '%(value)s' is not valid: use the form dd.mm.yyyy") % {"value": text}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return f"{value.day}.{value.month}.{value.year}" if value else ""

    def native(self, value: Any) -> dt.date | None:
        """The date itself, for a date cell of XLSX (``clean`` reads it back)."""
        return value or None


class TimeWidget(widgets.Widget):
    """A clock time as 9.00, 9:00 or 09:00:00, or a time cell of XLSX; written HH:MM."""

    PATTERN = re.compile(r"^(\d{1,2})[.:](\d{2})(?::(\d{2}))?$")

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> dt.time | None:
        if isinstance(value, dt.datetime):
            return value.time()
        if isinstance(value, dt.time):
            return value
        text = _text(value)
        if not text:
            return None
        if match := self.PATTERN.match(text):
            try:
                return dt.time(int(match[1]), int(match[2]), int(match[3] or 0))
            except ValueError:
                pass
        raise ValueError(
            _("Time '%(value)s' is not valid: use the form hh.mm, e.g. 9.30") % {"value": text}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.strftime("%H:%M") if value else ""

    def native(self, value: Any) -> dt.time | None:
        return value or None


def _number_text(value: Any) -> str:
    """A number as typed in Finland: spaces (also no-break) between thousands, comma decimals."""
    return re.sub(r"[\s\u00a0\u202f]", "", _text(value)).replace(",", ".")


class IntegerWidget(widgets.Widget):
    """A whole number, e.g. a year or a count of participants."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> int | None:
        if isinstance(value, bool):
            raise ValueError(_("'%(value)s' is not a whole number.") % {"value": value})
        if isinstance(value, int):
            return value
        text = _number_text(value)
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or number != number.to_integral_value() or len(text) > 12:
            raise ValueError(_("'%(value)s' is not a whole number.") % {"value": _text(value)})
        return int(number)

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return "" if value is None else str(value)

    def native(self, value: Any) -> int | None:
        """The number itself, for a number cell of XLSX."""
        return None if value is None else int(value)


class DecimalWidget(widgets.Widget):
    """A decimal number with a comma (12,5) or a point (12.5); written with a comma."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Decimal | None:
        if isinstance(value, bool):
            raise ValueError(_("'%(value)s' is not a number.") % {"value": value})
        if isinstance(value, int | Decimal):
            return Decimal(value)
        if isinstance(value, float):
            return Decimal(repr(value))
        text = _number_text(value)
        if not text:
            return None
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite() or len(text) > 20:
            raise ValueError(_("'%(value)s' is not a number.") % {"value": _text(value)})
        return number

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        # Normalised, so 12.50 as stored and 12.5 as read write the same: "12,5".
        if value is None:
            return ""
        return format(Decimal(value).normalize(), "f").replace(".", ",")

    def native(self, value: Any) -> Decimal | None:
        """The number itself, for a number cell of XLSX (read back as a float, whose
        ``repr`` gives the same decimal for the values an indicator holds)."""
        return None if value is None else Decimal(value).normalize()


def split_list(value: Any) -> list[str]:
    """The names of a list cell, in order, without blanks or repeats."""
    names: list[str] = []
    for part in _text(value).split(LIST_SEPARATOR):
        name = part.strip()
        if name and name not in names:
            names.append(name)
    return names


class NameListWidget(widgets.ManyToManyWidget):
    """Related rows named in one cell, separated by semicolons, looked up by one field.

    ``queryset`` is read once per import (``reset`` forgets it; the resource calls it
    before each import), so it may depend on the resource's region, and a file of ten
    thousand rows costs one query here, not one a row: the lists it names (focus areas,
    target groups, channels, provinces, organisers) are short.
    Being a ManyToManyWidget tells import-export to save it after the row itself.
    """

    def __init__(
        self,
        queryset: Callable[[], QuerySet[Any]],
        field: str,
        unknown_message: Callable[[str], str],
        **kwargs: Any,
    ) -> None:
        widgets.Widget.__init__(self, **kwargs)
        self.model = None
        self.separator = LIST_SEPARATOR
        self.queryset = queryset
        self.field = field
        self.unknown_message = unknown_message
        self._by_name: dict[str, Any] | None = None
        self._by_folded_name: dict[str, Any] = {}

    def reset(self) -> None:
        """Forget the loaded rows, so the next clean reads them again."""
        self._by_name = None
        self._by_folded_name = {}

    def _load(self) -> dict[str, Any]:
        if self._by_name is None:
            self._by_name, self._by_folded_name = {}, {}
            for obj in self.queryset():
                name = str(getattr(obj, self.field))
                self._by_name.setdefault(name, obj)
                self._by_folded_name.setdefault(name.casefold(), obj)
        return self._by_name

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> list[Any]:
        names = split_list(value)
        if not names:
            return []
        by_name = self._load()
        found: list[Any] = []
        errors: list[str] = []
        for name in names:
            # The name as written, or else in another case.
            obj = by_name.get(name)
            if obj is None:
                obj = self._by_folded_name.get(name.casefold())
            if obj is None:
                errors.append(self.unknown_message(name))
            found.append(obj)
        if errors:
            raise ValueError(" ".join(errors))
        return found

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        items: Iterable[Any] = value.all() if hasattr(value, "all") else value
        return f"{LIST_SEPARATOR} ".join(sorted(str(getattr(item, self.field)) for item in items))


class NumberListWidget(NameListWidget):
    """Related rows named by their numbers, e.g. focus areas "1; 3"; written in number order."""

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        if value is None:
            return ""
        items: Iterable[Any] = value.all() if hasattr(value, "all") else value
        numbers = sorted(getattr(item, self.field) for item in items)
        return f"{LIST_SEPARATOR} ".join(str(number) for number in numbers)


class RegionOrganisationWidget(widgets.Widget):
    """An organisation named by its name, among the region's organisations only."""

    def __init__(self, region: Region, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.region = region
        self._found: dict[str, Organisation] | None = None
        self._not_found: dict[str, Organisation | str] = {}

    def reset(self) -> None:
        """Forget the organisations read; the resource calls it before each import."""
        self._found = None
        self._not_found = {}

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Organisation | None:
        """The organisation, from the region's organisations read once per import.

        A name not among them is looked up in the database (another region's, or
        unknown), once per name: the answer, organisation or error message, is kept.
        """
        name = _text(value)
        if not name:
            return None
        if self._found is None:
            self._found = {}
            for member in Organisation.objects.for_region(self.region):
                self._found.setdefault(member.name.casefold(), member)
        if (organisation := self._found.get(name.casefold())) is not None:
            return organisation
        if name not in self._not_found:
            try:
                self._not_found[name] = self._look_up(name)
            except ValueError as error:
                self._not_found[name] = str(error)
        found = self._not_found[name]
        if isinstance(found, str):
            raise ValueError(found)
        return found

    def _look_up(self, name: str) -> Organisation:
        organisation = (
            Organisation.objects.for_region(self.region).filter(name__iexact=name).first()
        )
        if organisation is not None:
            return organisation
        # Another region's organisation of that name: only to say so, so this reads every
        # region on purpose (a yes or no, never the row).
        with scope(region=None):
            elsewhere = (
                Organisation.objects.exclude(region=self.region).filter(name__iexact=name).exists()
            )
        if elsewhere:
            raise ValueError(
                _("Organisation '%(name)s' belongs to another region's network.") % {"name": name}
            )
        raise ValueError(
            _("Unknown organisation '%(name)s': it is not a member of %(region)s.")
            % {"name": name, "region": self.region.name}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> str:
        return value.name if value else ""


def column(attribute: str, header: str, widget: widgets.Widget, **kwargs: Any) -> fields.Field:
    """A resource field with the file's column header."""
    return fields.Field(attribute=attribute, column_name=header, widget=widget, **kwargs)


class RegionResource(resources.ModelResource):
    """A resource bound to one region, reporting each row's changes for the preview.

    ``changes[row_number]`` holds the columns a row changes (or, for a new row, fills);
    rows whose values equal the stored ones are skipped and counted as unchanged.

    Shaped for files of ten thousand rows: ``before_import`` reads the stored rows the
    file's natural keys name in one query (``preload_existing`` adds what their columns
    show), and the widgets read the names they look up once, so a row costs no query to
    match and check. With ``use_bulk`` in Meta, rows are written with bulk INSERTs and
    UPDATEs and their many-to-many links with bulk statements on the link tables, in the
    import's one transaction; such a model must have no signals or history to keep.
    """

    #: Fields whose empty cell means "keep the stored value or the default".
    keep_when_empty: tuple[str, ...] = ()
    #: True when ``check_row`` and matching rows on their natural key (stored rows, and
    #: earlier rows of the file) check every constraint of the model, so that full_clean
    #: need not ask the database once a row for each unique and check constraint.
    constraints_checked_in_rows = False

    def __init__(self, region: Region, user: Any = None) -> None:
        self.region = region
        self.user = user
        self.changes: dict[int, list[Change]] = {}
        self._before: dict[str, str] = {}
        self._new = True
        self._m2m_values: dict[str, list[Any]] = {}
        self._row_changes: list[Change] = []
        self._seen_keys: dict[tuple[Any, ...], int] = {}
        #: The stored rows by natural key, read by ``before_import``.
        self._existing: dict[tuple[Any, ...], Any] | None = None
        #: Many-to-many links of rows written in bulk: (instance, is new, {attribute: objects}).
        self._pending_m2m: list[tuple[Any, bool, dict[str, list[Any]]]] = []
        #: The file line of each row number (1-based), set by ``coordination.transfer``.
        self.row_lines: list[int] = []
        super().__init__()
        self.fields = self.build_fields()

    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        # The preview's changes come from ``skip_row``'s own comparison: no deep copy of
        # each row for import-export's diff.
        skip_diff = True
        skip_html_diff = True
        use_transactions = True
        batch_size = BATCH_SIZE

    def build_fields(self) -> dict[str, fields.Field]:
        """The columns of the file, in order; subclasses declare them with the region."""
        raise NotImplementedError

    def get_import_order(self) -> tuple[str, ...]:
        return tuple(self.fields)

    def get_export_order(self) -> tuple[str, ...]:
        return tuple(self.fields)

    @property
    def headers(self) -> list[str]:
        return [field.column_name for field in self.fields.values()]

    @property
    def key_headers(self) -> list[str]:
        return [self.fields[name].column_name for name in self.get_import_id_fields()]

    def column_of(self, attribute: str) -> str:
        """The header of the column that fills ``attribute``, or "" for the row as a whole."""
        for field in self.fields.values():
            if field.attribute == attribute:
                return str(field.column_name)
        return ""

    def _is_m2m(self, field: fields.Field) -> bool:
        return isinstance(field.widget, NameListWidget)

    def _key_of_row(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """The row's natural key by attribute, or None when a key cell is empty or unreadable."""
        lookup = {}
        for name in self.get_import_id_fields():
            field = self.fields[name]
            try:
                value = field.clean(row)
            except (ValueError, KeyError):
                return None
            if value in _EMPTY:
                return None
            lookup[field.attribute] = value
        return lookup

    def _key_value(self, attribute: str, value: Any) -> Any:
        """A key cell's value as the dictionary of stored rows holds it: a related row's pk."""
        return value.pk if isinstance(value, models.Model) else value

    def _stored_key(self, instance: Any) -> tuple[Any, ...]:
        key = []
        for name in self.get_import_id_fields():
            attribute = self.fields[name].attribute
            model_field = instance._meta.get_field(attribute)
            key.append(getattr(instance, model_field.attname))
        return tuple(key)

    def before_import(self, dataset: Any, **kwargs: Any) -> None:
        """Read what the rows refer to once: the names the widgets look up, and the stored
        rows with the file's natural keys (one query, plus ``preload_existing``'s)."""
        for field in self.fields.values():
            if hasattr(field.widget, "reset"):
                field.widget.reset()
        self._seen_keys = {}
        self._pending_m2m = []
        self._load_closed_years()
        values: dict[str, set[Any]] = {}
        for data_row in dataset:
            lookup = self._key_of_row(dict(zip(dataset.headers, data_row, strict=False)))
            for attribute, value in (lookup or {}).items():
                values.setdefault(attribute, set()).add(self._key_value(attribute, value))
        self._existing = {}
        if not values:
            return
        queryset = self.get_queryset().filter(
            **{
                f"{attribute}__in": sorted(found, key=str)
                for attribute, found in values.items()
                if len(found) <= _KEY_FILTER_LIMIT
            }
        )
        if not queryset.ordered:
            queryset = queryset.order_by("pk")  # as ``first()`` would read them
        for instance in self.preload_existing(queryset):
            self._existing.setdefault(self._stored_key(instance), instance)

    # Closed years (``portal.closed_years``) -------------------------------------------

    #: The field whose year makes a row an entry of that year ("year", or a date's year);
    #: "" for rows of no year. A row of a closed year that would change is refused.
    closing_year_field = ""

    def _load_closed_years(self) -> None:
        """The region's closed years and reopened entries, read once for the whole file
        (two queries), with the region's row held so no report is accepted meanwhile."""
        self._closed: dict[int, Any] = {}
        self._reopened: set[int] = set()
        self._closed_error = ""
        if not self.closing_year_field:
            return
        closed_years.hold_region(self.region.pk)
        self._closed = closed_years.closed_years(self.region.pk)
        if self._closed:
            self._reopened = closed_years.reopened_ids(self.region.pk, self._meta.model)

    def _closing_year(self, instance: Any) -> int | None:
        value = getattr(instance, self.closing_year_field, None)
        return getattr(value, "year", value)

    def _check_closed_year(self, instance: Any) -> str:
        """Why the row cannot be written: its stored entry or its new year is closed."""
        if not self._closed:
            return ""
        stored = None if self._new else self._stored_year
        if stored in self._closed and instance.pk not in self._reopened:
            return closed_years.locked_text(self._closed[stored])
        year = self._closing_year(instance)
        if year in self._closed and year != stored:
            return closed_years.moved_text(self._closed[year])
        return ""

    def preload_existing(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """The stored rows an import may update, with what their columns show prefetched."""
        return queryset

    def get_instance(self, instance_loader: Any, row: dict[str, Any]) -> Any:
        """The stored row with the same natural key, or None when a key cell is unreadable.

        An unreadable key (an unknown organisation, a bad year) makes the row new here;
        ``import_instance`` then reports the cell's error.
        """
        lookup = self._key_of_row(row)
        if lookup is None:
            return None
        if self._existing is not None:
            return self._existing.get(
                tuple(self._key_value(attribute, value) for attribute, value in lookup.items())
            )
        return self.get_queryset().filter(**lookup).first()

    def after_init_instance(self, instance: Any, new: bool, row: Any, **kwargs: Any) -> None:
        self._new = new
        self._m2m_values = {}
        self._before = {} if new else self._snapshot(instance)
        self._closed_error = ""
        self._stored_year = (
            None if new or not self.closing_year_field else self._closing_year(instance)
        )

    def _snapshot(self, instance: Any) -> dict[str, str]:
        return {str(field.column_name): field.export(instance) for field in self.fields.values()}

    def import_field(
        self, field: fields.Field, instance: Any, row: Any, is_m2m: bool = False, **kwargs: Any
    ) -> None:
        if (
            field.column_name in row
            and not is_m2m
            and field.attribute in self.keep_when_empty
            and field.clean(row) in _EMPTY
        ):
            return
        if is_m2m and field.attribute in self._m2m_values:
            # Cleaned once in import_instance: set what was validated.
            getattr(instance, field.attribute).set(self._m2m_links(instance, field.attribute))
            return
        super().import_field(field, instance, row, is_m2m=is_m2m, **kwargs)

    def kept_m2m(self, instance: Any, attribute: str) -> list[Any]:
        """Related rows the import keeps linked beside those the file names."""
        return []

    def _m2m_links(self, instance: Any, attribute: str) -> list[Any]:
        return [*self._m2m_values[attribute], *self.kept_m2m(instance, attribute)]

    def import_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        """Fill the instance and check every cell, many-to-many ones included.

        import-export checks related lists only when it saves them, as a row-wide error;
        here their errors join the other cells' errors, each under its own column.
        """
        errors: dict[str, Any] = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for field in self.fields.values():
            if self._is_m2m(field) and field.column_name in row:
                try:
                    self._m2m_values[field.attribute] = field.clean(row)
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        self.check_row(instance, errors)
        if not errors:
            self._check_repeated_key(instance, kwargs.get("row_number", 0), errors)
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance: Any, errors: dict[str, Any]) -> None:
        """Checks across cells, with clearer words than the database constraints'."""

    def validate_instance(
        self, instance: Any, import_validation_errors: Any = None, validate_unique: bool = True
    ) -> None:
        """The cells' errors and the model's own checks (Django's ``full_clean``), together.

        As ``full_clean``, except that a foreign key holding a row is not looked up again
        to prove it exists: the import found it (a widget's lookup, or the stored row's
        own value), so checking a row costs no query for it. With
        ``constraints_checked_in_rows`` the unique and check constraints are left to
        ``check_row`` and the natural-key matching, which check them without a query.
        """
        errors = dict(import_validation_errors or {})
        if self._closed_error:
            errors.setdefault(self.closing_year_field, []).append(self._closed_error)
            self._closed_error = ""
        exclude = set(errors)
        found_relations = {
            field.name
            for field in instance._meta.concrete_fields
            if field.many_to_one and getattr(instance, field.attname) is not None
        }
        try:
            instance.clean_fields(exclude=exclude | found_relations)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        try:
            instance.clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not self.constraints_checked_in_rows:
            for check in (instance.validate_unique, instance.validate_constraints):
                exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
                try:
                    check(exclude=exclude)
                except ValidationError as error:
                    errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def _check_repeated_key(self, instance: Any, row_number: int, errors: dict[str, Any]) -> None:
        key = tuple(
            getattr(instance, self.fields[name].attribute) for name in self.get_import_id_fields()
        )
        first = self._seen_keys.setdefault(key, row_number)
        if first != row_number:
            attribute = self.fields[self.get_import_id_fields()[-1]].attribute
            errors[attribute] = [
                _("The same row is already on line %(line)s of the file.")
                % {"line": self.line_of(first)}
            ]

    def line_of(self, row_number: int) -> int:
        if 0 < row_number <= len(self.row_lines):
            return self.row_lines[row_number - 1]
        return row_number + 1

    def skip_row(
        self,
        instance: Any,
        original: Any,
        row: Any,
        import_validation_errors: Any = None,
    ) -> bool:
        """Skip a stored row whose every column already says what the file says."""
        self._row_changes = []
        if import_validation_errors:
            return False
        for field in self.fields.values():
            header = str(field.column_name)
            if header not in row:
                continue
            if self._is_m2m(field):
                new = field.widget.render(self._m2m_values.get(field.attribute, []))
            else:
                new = field.export(instance)
            old = self._before.get(header, "")
            if new != old:
                self._row_changes.append(Change(header, old, new))
        skipped = not self._new and not self._row_changes
        # A row that would write an entry of a closed year is an error; an unchanged row
        # of it is not (an exported file imports again as it was).
        self._closed_error = "" if skipped else self._check_closed_year(instance)
        return skipped and not self._closed_error

    def after_import_row(self, row: Any, row_result: Any, **kwargs: Any) -> None:
        self.changes[kwargs.get("row_number", 0)] = self._row_changes

    # Writing in bulk (``use_bulk``) ---------------------------------------------------

    def get_bulk_update_fields(self) -> list[str]:
        """The model fields an updated row may change: its columns but the key, and the
        fields ``before_save_instance`` and ``auto_now`` set."""
        key = set(self.get_import_id_fields())
        names = [
            field.attribute
            for name, field in self.fields.items()
            if name not in key and not self._is_m2m(field)
        ]
        names += [name for name in self.bulk_update_extra_fields if name not in names]
        names += [
            field.name
            for field in self._meta.model._meta.concrete_fields
            if getattr(field, "auto_now", False) and field.name not in names
        ]
        return names

    #: Fields ``before_save_instance`` sets, which an update in bulk must write too.
    bulk_update_extra_fields: tuple[str, ...] = ()

    def save_instance(self, instance: Any, is_create: bool, row: Any, **kwargs: Any) -> None:
        if self._meta.use_bulk and not is_create:
            # ``save()`` would set these; a bulk UPDATE does not.
            for field in instance._meta.concrete_fields:
                if getattr(field, "auto_now", False):
                    field.pre_save(instance, add=False)
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance: Any, row: Any, **kwargs: Any) -> None:
        """Links of a row written in bulk wait for ``after_import``: the row has no pk yet."""
        if not self._meta.use_bulk:
            super().save_m2m(instance, row, **kwargs)
            return
        links = {
            field.attribute: self._m2m_links(instance, field.attribute)
            for field in self.fields.values()
            if self._is_m2m(field)
            and field.column_name in row
            and field.attribute in self._m2m_values
        }
        if links:
            self._pending_m2m.append((instance, self._new, links))

    def after_import(self, dataset: Any, result: Any, **kwargs: Any) -> None:
        """Write the links of rows written in bulk, unless the import is rolled back anyway."""
        pending, self._pending_m2m = self._pending_m2m, []
        if pending and not (result.has_errors() or result.has_validation_errors()):
            for field in self.fields.values():
                if self._is_m2m(field):
                    self._write_links(field.attribute, pending)
        super().after_import(dataset, result, **kwargs)

    def _write_links(
        self, attribute: str, pending: list[tuple[Any, bool, dict[str, list[Any]]]]
    ) -> None:
        """Make each row's links what ``set()`` would: delete the links no longer wanted,
        insert the new ones; a few statements for the whole file. A stored row's present
        links come from ``preload_existing``'s prefetch."""
        relation = self._meta.model._meta.get_field(attribute)
        through = relation.remote_field.through
        source = through._meta.get_field(relation.m2m_field_name()).attname
        target = through._meta.get_field(relation.m2m_reverse_field_name()).attname
        added: list[Any] = []
        removed: list[tuple[Any, Any]] = []
        for instance, new, links in pending:
            if attribute not in links:
                continue
            wanted = list(dict.fromkeys(obj.pk for obj in links[attribute]))
            present = set() if new else {obj.pk for obj in getattr(instance, attribute).all()}
            added += [
                through(**{source: instance.pk, target: pk}) for pk in wanted if pk not in present
            ]
            removed += [(instance.pk, pk) for pk in present if pk not in wanted]
        for start in range(0, len(removed), BATCH_SIZE):
            condition = functools.reduce(
                operator.or_,
                (Q(**{source: a, target: b}) for a, b in removed[start : start + BATCH_SIZE]),
            )
            through.objects.filter(condition).delete()
        through.objects.bulk_create(added, batch_size=BATCH_SIZE)

    def export_queryset(self) -> Iterable[Any]:
        """The region's rows in export order, with what the columns show prefetched (a
        queryset, or a list where the export adds rows not stored, as a template to fill)."""
        raise NotImplementedError

    def export_rows(self, native: bool = False) -> Iterable[list[Any]]:
        """The region's rows, one list of cells each, in the import format.

        Cells are texts (as a CSV file holds them); with ``native``, numbers, dates and
        times are the values themselves, for typed XLSX cells, from widgets that have
        a ``native`` method.
        """
        fields_ = list(self.fields.values())
        natives = [getattr(field.widget, "native", None) if native else None for field in fields_]
        for instance in self.export_queryset():
            yield [
                field.export(instance)
                if to_native is None
                else to_native(field.get_value(instance))
                for field, to_native in zip(fields_, natives, strict=True)
            ]


class ReviewedResource(RegionResource):
    """Rows of the review workflow: what the coordinator imports is accepted at once."""

    bulk_update_extra_fields = ("review_status", "reviewed_at", "reviewed_by")

    def before_save_instance(self, instance: Any, row: Any, **kwargs: Any) -> None:
        instance.review_status = ReviewStatus.ACCEPTED
        instance.reviewed_at = timezone.now()
        if self.user is not None and getattr(self.user, "pk", None):
            instance.reviewed_by = self.user
            if instance.pk is None:
                instance.created_by = self.user


def unique_slug(queryset: QuerySet[Any], name: str, exclude_pk: int | None = None) -> str:
    """A slug of ``name`` unused in ``queryset``: ``nimi``, ``nimi-2``, ``nimi-3``..."""
    base = slugify(name)[:190] or "organisaatio"
    taken = set(
        queryset.exclude(pk=exclude_pk).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
