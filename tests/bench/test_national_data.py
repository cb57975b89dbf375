"""The benchmark's national data: its counts, its determinism, and the query
counts of the main pages on it, which must not grow with the data."""

import pytest
from django.db import connection
from django.db.models import Count, Max, Min
from django.test import Client
from django.test.utils import CaptureQueriesContext

from actions.models import GuidanceAction, ProgressUpdate
from bench.national_data import (
    YEARS,
    NationalDataExists,
    build_national_data,
    delete_national_data,
)
from bench.pages import bench_region, main_pages, persona_user
from events.models import Event
from network.models import Coordinator, Organisation, Region
from portal import page_cache
from reporting.models import AnnualReport, Answer, SubTheme
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy

pytestmark = pytest.mark.django_db

MAX_QUERIES = 15


def generated(model, **lookups):
    return model.objects.filter(**lookups)


def test_scale_0_1_builds_the_national_shape_with_a_tenth_of_the_volumes():
    build_national_data(scale=0.1, seed=1)

    regions = Region.objects.count()
    assert regions == 15
    organisations = Organisation.objects.filter(slug__startswith="gen-")
    assert organisations.count() == 15 * 4
    assert set(
        organisations.values("region").annotate(n=Count("pk")).values_list("n", flat=True)
    ) == {4}
    assert Coordinator.objects.count() == 15
    assert Strategy.objects.filter(is_current=True).count() == 15
    assert FocusArea.objects.count() == 15 * 5
    assert Goal.objects.count() == 15 * 5  # 20 x 0.1 = 2, but at least one a focus area
    assert Action.objects.count() == 15 * 20
    assert Action.objects.filter(responsible_organisations__isnull=True).count() == 0
    assert Indicator.objects.count() == 15 * 10
    assert IndicatorValue.objects.count() == 15 * 10 * len(YEARS)
    # Ten guidance actions for every organisation and year, each with 1-3 progress updates.
    per_org_year = GuidanceAction.objects.values("organisation", "year").annotate(n=Count("pk"))
    assert per_org_year.count() == 15 * 4 * len(YEARS)
    assert set(per_org_year.values_list("n", flat=True)) == {10}
    updates = GuidanceAction.objects.annotate(n=Count("progress_updates")).aggregate(
        low=Min("n"), high=Max("n")
    )
    assert (updates["low"], updates["high"]) == (1, 3)
    assert ProgressUpdate.objects.count() >= GuidanceAction.objects.count()
    # 300 x 0.1 events a region a year, every one organised by a member organisation.
    assert Event.objects.count() == 15 * 30 * len(YEARS)
    assert Event.objects.filter(organisers__isnull=True).count() == 0
    generated_reports = AnnualReport.objects.filter(year__in=YEARS)
    assert generated_reports.count() == 15 * len(YEARS)
    assert Answer.objects.filter(report__in=generated_reports).count() == (
        15 * SubTheme.objects.filter(theme__reporting_year__year__in=YEARS).count()
    )


def sample_titles():
    """A sample of generated titles in an order that does not depend on primary keys."""
    return (
        list(
            Organisation.objects.order_by("region__position", "slug").values_list(
                "name", flat=True
            )[:20]
        ),
        list(
            GuidanceAction.objects.order_by("organisation__slug", "-year", "title").values_list(
                "title", flat=True
            )[:50]
        ),
        list(
            Event.objects.order_by("region__position", "starts_on", "title").values_list(
                "title", flat=True
            )[:50]
        ),
        list(
            Action.objects.order_by("focus_area__strategy__region__position", "title").values_list(
                "title", flat=True
            )[:50]
        ),
    )


def test_the_same_seed_builds_the_same_data_and_another_seed_other_data():
    build_national_data(scale=0.05, seed=7)
    first = sample_titles()

    build_national_data(scale=0.05, seed=7, reset=True)
    assert sample_titles() == first

    build_national_data(scale=0.05, seed=8, reset=True)
    assert sample_titles() != first


def test_building_twice_is_refused_and_reset_leaves_no_generated_rows():
    build_national_data(scale=0.05, seed=1)
    with pytest.raises(NationalDataExists):
        build_national_data(scale=0.05, seed=1)

    delete_national_data()
    assert not Organisation.objects.filter(slug__startswith="gen-").exists()
    assert not Event.objects.exists()
    assert not Strategy.objects.exists()
    assert Region.objects.count() == 15  # regions stay


def page_query_counts():
    """Each main page's queries for one request as its persona: rendered afresh right after
    a change, then served from the cache of rendered fragments."""
    region = bench_region()
    counts = {}
    for page in main_pages(with_yardsticks=False):
        client = Client()
        user = persona_user(page.persona, region)
        if user is not None:
            client.force_login(user)
        assert client.get(page.url).status_code == 200, page.url
        page_cache.bump_national()
        with CaptureQueriesContext(connection) as cold:
            client.get(page.url)
        with CaptureQueriesContext(connection) as warm:
            client.get(page.url)
        counts[page.name] = (len(cold.captured_queries), len(warm.captured_queries))
    return counts


def test_main_pages_make_the_same_few_queries_at_two_scales():
    build_national_data(scale=0.05, seed=1)
    small = page_query_counts()
    build_national_data(scale=0.1, seed=1, reset=True)
    large = page_query_counts()

    # Queries per page do not grow with the data, rendered afresh or from the cache ...
    assert large == small
    # ... stay at 15 or fewer, and the cache saves some on every page.
    assert {name: cold for name, (cold, _warm) in large.items() if cold > MAX_QUERIES} == {}
    assert {name: (cold, warm) for name, (cold, warm) in large.items() if warm >= cold} == {}


@pytest.mark.django_db
def test_a_database_without_the_reporting_framework_gets_seed_001s_again():
    from bench.national_data import YEARS, BuildReport, _reporting_framework, _reporting_years
    from reporting.framework import FRAMEWORK
    from reporting.models import Theme

    _reporting_years(BuildReport())
    expected = list(
        SubTheme.objects.filter(theme__reporting_year__year=YEARS[0]).values_list(
            "theme__number", "number", "title"
        )
    )
    Theme.objects.all().delete()
    report = BuildReport()

    sub_themes = _reporting_framework(report)

    for year in YEARS:
        assert [(s.theme.number, s.number, s.title) for s in sub_themes[year]] == expected
    assert report.created["reporting.SubTheme"] == len(expected) * len(YEARS)
    assert Theme.objects.count() == len(FRAMEWORK) * len(YEARS)
