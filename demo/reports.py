"""The regions' 2016 reports, as seed 001 gives them: demo data on top of the framework.

The framework itself (themes, sub-themes, levels) is seed 001's, ``reporting.framework``;
each reporting year has its own copy, written when the year is opened. ``load_reporting_demo``
opens 2016 and 2021, writes 2016's framework again (nothing changes where it is there; a
flushed database gets it back) with each rung's own activities (the seed's lines without a
region), and turns the lines with regions into one 2016 report per region the seed names,
on 2016's framework: a historical record from the 2017 summary, not a report the region
submitted, so it is neither accepted nor closes the year.

Running the loader again changes nothing: every row is looked up by its natural key and
only saved when a value differs.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from io import TextIOBase

from django.db import transaction
from django.utils.text import slugify

from network.models import ClosedYear, Region
from network.reference import REGIONS, upsert
from reporting.framework import FRAMEWORK, write_framework
from reporting.models import (
    AnnualReport,
    Answer,
    AnswerActivity,
    Level,
    LevelActivity,
    ReportingYear,
    ReportVersion,
    SubTheme,
    Theme,
)

logger = logging.getLogger(__name__)

#: The year seed 001 reports on, and the year the network reports on next.
SEED_YEAR = 2016
NEXT_YEAR = 2021


#: The seed's abbreviations of ELY centres, to the region names of ``network.reference``.
REGION_ABBREVIATIONS = {
    "POPELY": "Pohjois-Pohjanmaa",
    "POPO": "Pohjois-Pohjanmaa",
    "ESA": "Etelä-Savo",
    "ESAELY": "Etelä-Savo",
    "KSELY": "Keski-Suomi",
    "PKELY": "Pohjois-Karjala",
    "HÄME": "Häme",
}

# "Pohjanmaa ja Keski-Pohjanmaa" is one ELY centre's area: the region Pohjanmaa.
_POHJANMAA = re.compile(r"Pohjanmaa\s*(?:ja|&)\s*Keski-Pohjanmaa", re.IGNORECASE)


def region_slugs(named: str) -> list[str]:
    """The region slugs the seed's parentheses name, in the order written, each once.

    "ESA, KAAKKOIS-SUOMI" → ["etela-savo", "kaakkois-suomi"]; "Lappi, Pohjanmaa &
    Keski-Pohjanmaa" → ["lappi", "pohjanmaa"]. A name that is no region raises LookupError,
    so a typo in the data stops the load instead of dropping a region's answer.
    """
    slugs: list[str] = []
    for part in re.split(r"[,&]", _POHJANMAA.sub("Pohjanmaa", named)):
        name = part.strip()
        if not name:
            continue
        name = REGION_ABBREVIATIONS.get(name.upper(), name)
        slug = slugify(name)
        if slug not in _KNOWN_SLUGS:
            raise LookupError(f"Seed 001 names an unknown region: {part.strip()!r}")
        if slug not in slugs:
            slugs.append(slug)
    return slugs


_KNOWN_SLUGS = frozenset(slugify(data.name) for data in REGIONS)


@dataclass
class _SeedAnswer:
    level: int
    #: (level, position on the level, text, the seed's regions as written)
    activities: list[tuple[int, int, str, str]]


def seed_answers() -> dict[str, dict[tuple[int, int], _SeedAnswer]]:
    """Each region's 2016 answers by (theme number, sub-theme number), from ``FRAMEWORK``.

    Every line naming the region is one of its activities on the line's rung, with the
    seed's parentheses kept as written, so a line of two regions shows once, as the seed
    writes it. The summary gives no region a level of its own: a region listed under
    several rungs of a sub-theme is taken to stand on the highest.
    """
    answers: dict[str, dict[tuple[int, int], _SeedAnswer]] = {}
    for theme_number, theme in enumerate(FRAMEWORK, start=1):
        for sub_number, sub_theme in enumerate(theme.sub_themes, start=1):
            for level in sub_theme.levels:
                for position, activity in enumerate(level.activities, start=1):
                    line = (level.value, position, activity.text, activity.regions)
                    for slug in region_slugs(activity.regions):
                        key = (theme_number, sub_number)
                        answer = answers.setdefault(slug, {}).get(key)
                        if answer is None:
                            answers[slug][key] = _SeedAnswer(level.value, [line])
                        else:
                            answer.level = max(answer.level, level.value)
                            answer.activities.append(line)
    return answers


def _load_2016_reports(sub_themes: dict[tuple[int, int], SubTheme]) -> tuple[int, int]:
    """The 2016 reports as historical records (``AnnualReport.Status.HISTORICAL``): no
    version, no acceptance, no closed year. Returns the reports and their activities."""
    regions = {region.slug: region for region in Region.objects.all()}
    loaded = lines = 0
    for slug, answers in seed_answers().items():
        region = regions.get(slug)
        if region is None:
            logger.info("Region %s is not loaded; its 2016 report is skipped", slug)
            continue
        before = (
            AnnualReport.objects.filter(region=region, year=SEED_YEAR)
            .values_list("status", flat=True)
            .first()
        )
        report = upsert(
            AnnualReport,
            {"region": region, "year": SEED_YEAR},
            {"status": AnnualReport.Status.HISTORICAL},
        )
        if before == AnnualReport.Status.ACCEPTED:
            # An earlier load kept the reports as accepted versions that closed the year:
            # they were never submitted, and close nothing.
            ReportVersion.objects.filter(report=report).delete()
            ClosedYear.objects.filter(region=region, year=SEED_YEAR).delete()
        for key, answer in answers.items():
            row = upsert(
                Answer,
                {"report": report, "sub_theme": sub_themes[key]},
                {"level": answer.level, "activities": ""},
            )
            for value, position, text, named in answer.activities:
                upsert(
                    AnswerActivity,
                    {"answer": row, "level": value, "position": position},
                    {"text": text, "regions_label": named},
                )
                lines += 1
        loaded += 1
    return loaded, lines


def load_reporting_demo(stdout: TextIOBase | None = None) -> None:
    """Load the framework, the reporting years 2016 and 2021 and the 2016 reports.

    The regions come from ``demo.loader.load_demo``, which runs first. No due date
    is set: the seeds give none, and the national team sets it on the reporting index.
    """
    with transaction.atomic():
        # The seed year first, so 2021 opens as a copy of its framework.
        seed_year, _created = ReportingYear.objects.get_or_create(year=SEED_YEAR)
        sub_themes = write_framework(
            Theme, SubTheme, Level, reporting_year=seed_year, activity_model=LevelActivity
        )
        ReportingYear.objects.get_or_create(year=NEXT_YEAR)
        reports, lines = _load_2016_reports(sub_themes)
    message = (
        f"Reporting: {Theme.objects.count()} themes, {SubTheme.objects.count()} sub-themes, "
        f"{Level.objects.count()} levels with {LevelActivity.objects.count()} activities of "
        f"their own, {reports} historical reports on {SEED_YEAR} with {lines} activities "
        f"on the levels."
    )
    logger.info(message)
    if stdout is not None:
        stdout.write(message + "\n")
