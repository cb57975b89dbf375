"""One way to write an indicator's figures: the active language's decimals, the indicator's
own precision, the unit after a no-break space ("70,1 %", "1 250 henkilöä").

Every page, PDF and chart label writes values, baselines and targets through
``indicator_number``/``indicator_value`` (the template filter ``indicator_value`` in
``strategy/templatetags/indicators.py``), so a percentage never appears as "70,10 %" beside
"72 %". The precision is ``Indicator.precision``: its ``decimals`` (0-2) or, where the
coordinator chose none, its unit's (one for "%", none otherwise): a property of the
indicator, not of each figure. Exports
keep the numbers themselves (``coordination/datasets/indicator_values.py``).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from django.utils import formats

from lib.translation import localized

Number = int | float | Decimal


class HasPrecision(Protocol):
    @property
    def unit(self) -> str: ...
    @property
    def precision(self) -> int: ...


def rounded(value: Number, decimals: int) -> Decimal:
    """``value`` rounded half up to ``decimals`` places (Django's formatting cuts instead)."""
    number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    result = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return result if result != 0 else abs(result)  # no "-0,0"


def indicator_number(value: Number | None, decimals: int) -> str:
    """The number alone, in the active language, with exactly ``decimals`` decimals and
    thousands grouped; "" for None."""
    if value is None:
        return ""
    return str(
        formats.number_format(
            rounded(value, decimals), decimals, use_l10n=True, force_grouping=True
        )
    )


def indicator_value(value: Number | None, indicator: HasPrecision) -> str:
    """The number with the indicator's precision and unit, e.g. "70,1 %"; "" for None."""
    if value is None:
        return ""
    number = indicator_number(value, indicator.precision)
    unit = unit_of(indicator)
    return f"{number}\u00a0{unit}" if unit else number


def unit_of(indicator: HasPrecision) -> str:
    """The unit in the active language: an indicator's translation where one is written
    (the Finnish unit otherwise), or the unit of a row copied from one as it is."""
    if "unit" in getattr(indicator, "translated_fields", ()):
        return localized(indicator, "unit").plain.strip()  # type: ignore[arg-type]
    return indicator.unit.strip()


def typed_number(value: Decimal | None) -> str:
    """A stored value as a form shows it to edit: every stored decimal, none added ("70,15",
    "72"), so opening and saving a cell never rounds it."""
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", str(formats.get_format("DECIMAL_SEPARATOR")))
