"""Seed 001 as data: the framework, the 2016 reports and their national summary."""

import re
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings

from demo.loader import load_demo
from demo.reports import load_reporting_demo, region_slugs
from network.models import ClosedYear
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
from reporting.summary import build_national_summary

pytestmark = pytest.mark.django_db

SEED_REGIONS = {
    "uusimaa",
    "hame",
    "pirkanmaa",
    "kaakkois-suomi",
    "etela-savo",
    "pohjois-karjala",
    "keski-suomi",
    "etela-pohjanmaa",
    "pohjanmaa",
    "pohjois-pohjanmaa",
    "kainuu",
    "lappi",
}


@pytest.fixture
def seeded(db):
    load_demo()
    load_reporting_demo()


def sub_theme_summary(summary, number):
    (found,) = (s for theme in summary.themes for s in theme.sub_themes if s.number == number)
    return found


def test_the_seed_abbreviations_name_the_regions():
    assert region_slugs("ESA, KAAKKOIS-SUOMI, KSELY, PKELY") == [
        "etela-savo",
        "kaakkois-suomi",
        "keski-suomi",
        "pohjois-karjala",
    ]
    assert region_slugs("Lappi, Pohjanmaa & Keski-Pohjanmaa") == ["lappi", "pohjanmaa"]
    assert region_slugs("HÄME & KAAKKOIS-SUOMI") == ["hame", "kaakkois-suomi"]
    assert region_slugs("POPELY") == region_slugs("POPO") == ["pohjois-pohjanmaa"]
    assert region_slugs("") == []
    with pytest.raises(LookupError):
        region_slugs("Ahvenanmaa")


def test_the_framework_is_built_as_the_seed_writes_it(seeded):
    # 2016's own framework; 2021 opens with a copy of it.
    assert Theme.objects.filter(reporting_year__year=2021).count() == 4
    Theme.objects.filter(reporting_year__year=2021).delete()
    assert list(Theme.objects.values_list("title", flat=True)) == [
        "ELO-RYHMIEN TOIMINTA",
        "VIESTINTÄ JA SITOUTUMINEN",
        "ALUEELLISEN OHJAUKSEN KEHITTÄMINEN JA TOIMENPITEET",
        "LISÄNÄKÖKULMIA",
    ]
    assert "JATKUVA OPPIMINEN" in Theme.objects.get(number=1).description
    assert SubTheme.objects.count() == 8
    assert Level.objects.count() == 3 + 7 * 4
    first = SubTheme.objects.get(theme__number=1, number=1)
    assert first.title == "Monikanavaisten TNO-palvelujen kehittämistyön tukeminen"
    assert list(first.levels.values_list("value", flat=True)) == [1, 2, 3]
    evaluation = SubTheme.objects.get(theme__number=3, number=1)
    assert list(evaluation.levels.values_list("title", flat=True)) == [
        "Ei systemaattista arviointia/seurantaa",
        "Suunniteltu/sovittu arviointi",
        "Systemaattinen - Vuosittainen/vuoden aikainen arviointi",
        "Systemaattinen – menetelmällinen kehittäminen",  # noqa: RUF001 (the seed's dash)
    ]


def test_every_region_the_seed_names_has_a_historical_2016_report(seeded):
    reports = AnnualReport.objects.filter(year=2016)
    assert {report.region.slug for report in reports} == SEED_REGIONS
    # Examples in the 2017 summary, not the regions' own reports: never submitted or
    # accepted, no version, and the year stays open.
    assert {report.status for report in reports} == {AnnualReport.Status.HISTORICAL}
    assert not ReportVersion.objects.filter(report__year=2016).exists()
    assert not ClosedYear.objects.filter(year=2016).exists()
    assert set(ReportingYear.objects.values_list("year", "due_date")) == {
        (2016, None),
        (2021, None),
    }


def test_a_region_keeps_its_level_and_its_activities_on_other_rungs(seeded):
    answer = Answer.objects.get(
        report__region__slug="keski-suomi",
        report__year=2016,
        sub_theme__theme__number=1,
        sub_theme__number=3,
    )
    assert answer.level == 4
    assert list(answer.rung_activities.values_list("level", "text", "regions_label")) == [
        (
            3,
            "Alueelliset seminaarit ja webinaarit verkkovälitteisinä alueille",
            "Pirkanmaa, KESKI-SUOMI",
        ),
        (4, "ELO-pelto –learning cafe", "KESKI-SUOMI"),  # noqa: RUF001 (the seed's dash)
    ]


def test_the_rungs_have_the_seeds_own_activities_in_every_year(seeded):
    own = LevelActivity.objects.filter(level__sub_theme__theme__reporting_year__year=2016)
    assert own.count() == 37
    communication = own.filter(level__sub_theme__theme__number=2, level__sub_theme__number=1)
    assert communication.filter(level__value=4).count() == 3
    # 2021 opened as a copy of 2016's framework: its rungs have copies of the activities.
    copies = LevelActivity.objects.filter(level__sub_theme__theme__reporting_year__year=2021)
    assert sorted(copies.values_list("text", flat=True)) == sorted(
        own.values_list("text", flat=True)
    )
    assert not set(copies.values_list("pk", flat=True)) & set(own.values_list("pk", flat=True))


def test_loading_again_changes_nothing(seeded):
    before = list(AnnualReport.objects.order_by("pk").values_list("pk", "updated_at"))
    counts = (Theme.objects.count(), SubTheme.objects.count(), Level.objects.count())
    answers = Answer.objects.count()
    activities = (LevelActivity.objects.count(), AnswerActivity.objects.count())

    load_reporting_demo()

    assert list(AnnualReport.objects.order_by("pk").values_list("pk", "updated_at")) == before
    assert (Theme.objects.count(), SubTheme.objects.count(), Level.objects.count()) == counts
    assert Answer.objects.count() == answers
    assert (LevelActivity.objects.count(), AnswerActivity.objects.count()) == activities


def test_the_2016_summary_groups_the_regions_by_level_like_the_seed(seeded):
    summary = build_national_summary(2016, AnnualReport.objects.all())

    resources = sub_theme_summary(summary, "1.2")
    assert resources.title.startswith("Alueellisten resurssit, yhteistyö- rakenteet")
    level_4 = resources.levels[3]
    assert level_4.title == "Tiivis, jatkuva vuorovaikutus kehittämistyössä"
    lines = {line.text: line.regions for line in level_4.activities}
    # The regions as the seed writes them, one line for the regions it names together.
    assert lines["ELO-ryhmien omien verkkoympäristöjen aktiivinen ylläpito"] == [
        "ESA, KAAKKOIS-SUOMI, KSELY, PKELY"
    ]
    assert lines["ELO-ryhmien yhteiset kokoukset"] == ["HÄME & KAAKKOIS-SUOMI"]
    assert level_4.activities[0].label == (
        "Yhteistyökokoukset alueiden oppilaitosten kanssa (HÄME)"
    )
    assert resources.levels[0].own_activities == ["Säännölliset verkostokokoukset"]
    assert resources.distribution == {1: 0, 2: 0, 3: 1, 4: 5}
    assert summary.previous_year is None
    assert len(summary.regions) == 12
    assert summary.regions[0] == "Uusimaa"
    assert summary.sub_theme_labels == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1", "4.1"]
    kaselo = next(row for row in summary.matrix if row.region == "Kaakkois-Suomi")
    assert kaselo.levels == [None, 4, None, None, None, None, None, None]


def test_the_summary_takes_a_constant_number_of_queries(seeded, django_assert_num_queries):
    # The previous year, the regions, the framework (four, the rungs' own activities
    # included), the answers, the activities on the rungs: eight queries.
    with django_assert_num_queries(8):
        build_national_summary(2016, AnnualReport.objects.all())


#: Seed 001 sits beside the repository, with the other seeds.
SEED_DIR = Path(settings.BASE_DIR).parent / "shared" / "seeds"


def seed_001_ladders() -> dict[tuple[str, int], Counter[str]]:
    """Every activity line of seed 001 by (sub-theme title, level), as the seed writes it.

    The seed is a slide deck turned to text: a non-bold ``#`` heading is a sub-theme
    ("Toiminta: " dropped), a ``##`` heading the next rung of its ladder, and each ``-``
    item under it an activity line, its rung's number written before it or on a line of
    its own. Markdown links and emphasis are reduced to their text.
    """
    (path,) = SEED_DIR.glob("001_*.txt")
    ladders: dict[tuple[str, int], Counter[str]] = {}
    sub_theme, level = "", 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            level += 1
            ladders[(sub_theme, level)] = Counter()
        elif line.startswith("# "):
            heading = line[2:].strip()
            if not heading.startswith("**"):
                sub_theme, level = heading.removeprefix("Toiminta: "), 0
        elif line.startswith("- ") and level:
            text = re.sub(r"^\d+(\s+-\s+|$)", "", line[2:].strip())
            text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text).replace("*", "")
            if text:
                ladders[(sub_theme, level)][" ".join(text.split())] += 1
    return ladders


@pytest.mark.skipif(not SEED_DIR.is_dir(), reason="the seeds are not beside the repository")
def test_the_2016_summary_shows_every_line_of_seed_001_under_its_rung(seeded):
    seed = seed_001_ladders()
    assert sum(sum(lines.values()) for lines in seed.values()) == 63

    summary = build_national_summary(2016, AnnualReport.objects.all())

    shown = {}
    for theme in summary.themes:
        for sub_theme in theme.sub_themes:
            for group in sub_theme.levels:
                shown[(sub_theme.title, group.value)] = Counter(
                    [*group.own_activities, *(line.label for line in group.activities)]
                )
    assert shown == seed
    ohjaamot = sub_theme_summary(summary, "2.3")
    assert sum(len(group.own_activities) + len(group.activities) for group in ohjaamot.levels) == 10
