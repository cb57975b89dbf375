"""Dates in Finnish and in Swedish as they are written in Finland: 26.5.2021, kl. 14.30.

Django's own Swedish formats are Sweden's (2021-05-26, 26 maj 2021); ``kaselo/formats/sv``
writes them as Finland-Swedish public-sector text does.
"""

import datetime as dt

import pytest
from django.utils import formats, translation

WHEN = dt.datetime(2021, 5, 26, 14, 30)


@pytest.mark.parametrize(
    ("language", "date", "short", "moment"),
    [
        ("fi", "26.5.2021", "26.5.2021", "26.5.2021 klo 14.30"),
        ("sv", "26.5.2021", "26.5.2021", "26.5.2021 kl. 14.30"),
    ],
)
def test_dates_are_written_the_finnish_way_in_finnish_and_swedish(language, date, short, moment):
    with translation.override(language):
        assert formats.date_format(WHEN.date()) == date
        assert formats.date_format(WHEN.date(), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(WHEN, "DATETIME_FORMAT") == moment


def test_a_swedish_form_reads_a_date_typed_the_finnish_way():
    with translation.override("sv"):
        assert "%d.%m.%Y" in formats.get_format("DATE_INPUT_FORMATS")
