"""The values no form of the portal takes: years and dates far from now, and endless text.

A year 0, a date 1.1.0001 or a description of 100,000 characters is a slip of the keyboard
or a test of the server, never a guidance action: the database stores them, but pages,
reports and PDFs built from them break or are unreadable. ``BoundedFormMixin`` sets the
bounds on every field of a form when it is made, so the browser refuses first (``maxlength``,
``min`` and ``max`` on the inputs) and the server refuses the same values with a Finnish
message next to the field, keeping everything else typed:

- free text without a length of its own (a model's ``TextField``, a form's ``CharField``):
  at most ``MAX_TEXT_LENGTH`` characters;
- dates and date-times: from ``FIRST_DATE`` to ``LAST_DATE``;
- whole-number fields named ``year`` or ``..._year`` without a lower bound of their own:
  from ``FIRST_YEAR`` to ``LAST_YEAR``.

The imports (``coordination/datasets/``) check the same bounds through these constants.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

FIRST_YEAR, LAST_YEAR = 2000, 2100
FIRST_DATE, LAST_DATE = dt.date(FIRST_YEAR, 1, 1), dt.date(LAST_YEAR, 12, 31)
#: The longest free text: a long description is a few thousand characters.
MAX_TEXT_LENGTH = 10_000

YEAR_MESSAGE = _("Give a year between %(first)s and %(last)s.")
DATE_MESSAGE = _("Give a date between %(first)s and %(last)s.")
TEXT_MESSAGE = _("Write at most %(limit_value)d characters (now %(show_value)d).")


def _finnish_date(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def validate_date(value: dt.date | dt.datetime | None) -> None:
    """Refuse a date (or the date of a date-time) outside ``FIRST_DATE``..``LAST_DATE``."""
    if value is None:
        return
    day = value.date() if isinstance(value, dt.datetime) else value
    if not FIRST_DATE <= day <= LAST_DATE:
        raise ValidationError(
            DATE_MESSAGE,
            code="date_range",
            params={"first": _finnish_date(FIRST_DATE), "last": _finnish_date(LAST_DATE)},
        )


def year_error(year: int | None) -> str | None:
    """The message for a year out of bounds, or None; for imports, which collect messages."""
    if year is None or FIRST_YEAR <= year <= LAST_YEAR:
        return None
    return str(YEAR_MESSAGE % {"first": FIRST_YEAR, "last": LAST_YEAR})


def date_error(value: dt.date | None) -> str | None:
    """The message for a date out of bounds, or None."""
    try:
        validate_date(value)
    except ValidationError as error:
        return " ".join(error.messages)
    return None


def text_error(value: str | None, limit: int = MAX_TEXT_LENGTH) -> str | None:
    """The message for a text longer than ``limit``, or None."""
    if value is None or len(value) <= limit:
        return None
    return str(TEXT_MESSAGE % {"limit_value": limit, "show_value": len(value)})


def _is_year(name: str, field: forms.Field) -> bool:
    return isinstance(field, forms.IntegerField) and (name == "year" or name.endswith("_year"))


def bound_field(
    name: str, field: forms.Field, years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)
) -> None:
    """Give one form field the portal's bounds, where it has none of its own; once."""
    if getattr(field, "portal_bounded", False):
        return
    field.portal_bounded = True  # type: ignore[attr-defined]
    attrs = field.widget.attrs
    # A UUIDField is a CharField that cleans to a UUID: its own format bounds it.
    if (
        isinstance(field, forms.CharField)
        and not isinstance(field, forms.UUIDField)
        and field.max_length is None
    ):
        field.max_length = MAX_TEXT_LENGTH
        field.validators.append(MaxLengthValidator(MAX_TEXT_LENGTH, message=TEXT_MESSAGE))
        if not field.widget.is_hidden:
            attrs["maxlength"] = str(MAX_TEXT_LENGTH)
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(validate_date)
        if getattr(field.widget, "input_type", "") == "date":
            attrs.setdefault("min", FIRST_DATE.isoformat())
            attrs.setdefault("max", LAST_DATE.isoformat())
    elif _is_year(name, field) and not any(
        isinstance(validator, MinValueValidator) and validator.limit_value >= 1
        for validator in field.validators
    ):
        first, last = years
        params = {"first": first, "last": last}
        field.validators += [
            MinValueValidator(first, message=YEAR_MESSAGE % params),
            MaxValueValidator(last, message=YEAR_MESSAGE % params),
        ]
        field.min_value, field.max_value = first, last  # type: ignore[attr-defined]
        attrs.update(min=first, max=last)


def bound_fields(
    fields: dict[str, forms.Field], year_bounds: dict[str, tuple[int, int]] | None = None
) -> None:
    """Bound every field; ``year_bounds`` gives a year field other first and last years."""
    for name, field in fields.items():
        bound_field(name, field, (year_bounds or {}).get(name, (FIRST_YEAR, LAST_YEAR)))


class BoundedFormMixin:
    """Put first among a form's bases: every field gets the portal's bounds (see above).

    The bounds are set when the form is made, and again, for fields its own ``__init__``
    adds after that (a report's questions), when a field is rendered or the form is
    cleaned: whatever a form builds, nothing reaches the browser or the database unbounded.
    """

    fields: dict[str, forms.Field]
    #: Year fields whose sensible years differ from 2000-2100, by name.
    year_bounds: dict[str, tuple[int, int]] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        bound_fields(self.fields, self.year_bounds)

    def __getitem__(self, name: str) -> Any:
        if name in self.fields:
            bound_fields({name: self.fields[name]}, self.year_bounds)
        return super().__getitem__(name)  # type: ignore[misc]

    def full_clean(self) -> None:
        bound_fields(self.fields, self.year_bounds)
        super().full_clean()  # type: ignore[misc]
