"""The public pages of the plan and the network show content in the active language.

A Swedish text, where written, replaces the Finnish one on /sv/; where it is not, the Finnish
text shows inside an element marked ``lang="fi"``; the Finnish page adds no such mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.db import models

from network.models import Region
from strategy import revisions, services
from strategy.models import KeyMeasure, NationalGoal, NationalStrategy
from tests.factories import (
    ActionFactory,
    CoordinatorFactory,
    GoalFactory,
    GoodPracticeFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProjectFactory,
    RegionProfileFactory,
    UserFactory,
)
from tests.html_languages import address_in, languages_of

pytestmark = pytest.mark.django_db

REGION = "/kaakkois-suomi"


@dataclass
class Plan:
    """One of each translated object of the plan, on the pages of KASELO."""

    region: Region
    objects: dict[str, models.Model]


@pytest.fixture
def plan(focus_area, kotka):
    strategy = focus_area.strategy
    region = strategy.region
    # Without a network's own name the pages head the network by the region's name.
    region.network_name = ""
    region.save()
    strategy.values_statement = "Arvot ohjaavat."
    strategy.objectives = "Tavoitteet kaudelle."
    strategy.save()
    goal = GoalFactory(focus_area=focus_area)
    action = ActionFactory(focus_area=focus_area, description="Kuvaus.", lead_organisation=kotka)
    indicator = IndicatorFactory(strategy=strategy, description="Mittarin kuvaus.", unit="hlö")
    indicator.focus_areas.add(focus_area)
    IndicatorValueFactory(indicator=indicator, year=2021, value=Decimal(40))
    IndicatorValueFactory(indicator=indicator, year=2022, value=Decimal(50))
    indicator.baseline, indicator.baseline_year = Decimal(30), 2020
    indicator.save()
    project = ProjectFactory(region=region, description="Hankkeen kuvaus.")
    project.organisations.add(kotka)
    profile = RegionProfileFactory(
        region=region,
        description="Verkoston kuvaus.",
        network_history="Historia.",
        meeting_rhythm="Neljästi vuodessa.",
        term="2021-2024",
    )
    national = NationalStrategy.objects.first()
    national_goal = NationalGoal.objects.filter(national_strategy=national).first()
    key_measure = KeyMeasure.objects.filter(national_strategy=national).first()
    focus_area.national_goals.add(national_goal)
    focus_area.key_measures.add(key_measure)
    practice = GoodPracticeFactory(region=region, is_published=True)
    practice.organisations.add(kotka)
    return Plan(
        region=region,
        objects={
            "region": region,
            "strategy": strategy,
            "focus_area": focus_area,
            "goal": goal,
            "action": action,
            "indicator": indicator,
            "project": project,
            "profile": profile,
            "national": national,
            "national_goal": national_goal,
            "key_measure": key_measure,
            "practice": practice,
            "kotka": kotka,
        },
    )


def _action(plan: Plan) -> str:
    return f"{REGION}/toimenpiteet/{plan.objects['action'].pk}/"


def _project(plan: Plan) -> str:
    return f"{REGION}/hankkeet/{plan.objects['project'].pk}/"


def _organisation(plan: Plan) -> str:
    return f"{REGION}/organisaatiot/{plan.objects['kotka'].slug}/"


HOME = f"{REGION}/"
FOCUS_AREA = f"{REGION}/painopisteet/1/"
NATIONAL = "/valtakunnallinen/strategia/"
PROJECTS = f"{REGION}/hankkeet/"
VERSION = f"{REGION}/versiot/1/"

#: (object, field, the pages that show it): every translated field the public pages show.
CASES: list[tuple[str, str, list[str | Callable[[Plan], str]]]] = [
    ("region", "name", [HOME, NATIONAL]),
    ("strategy", "title", [HOME, FOCUS_AREA, VERSION]),
    ("strategy", "vision", [HOME, VERSION]),
    ("strategy", "values", [HOME, VERSION]),
    ("strategy", "values_statement", [HOME, VERSION]),
    ("strategy", "overall_goal", [HOME, VERSION]),
    ("strategy", "objectives", [HOME, VERSION]),
    ("focus_area", "title", [HOME, FOCUS_AREA, VERSION, NATIONAL, _action, _organisation]),
    ("focus_area", "description", [FOCUS_AREA, VERSION]),
    ("goal", "title", [FOCUS_AREA, VERSION]),
    ("action", "title", [FOCUS_AREA, VERSION, _action, _organisation]),
    ("action", "description", [FOCUS_AREA, _action]),
    ("indicator", "title", [HOME, FOCUS_AREA]),
    ("indicator", "description", [FOCUS_AREA]),
    ("indicator", "unit", [HOME, FOCUS_AREA]),
    ("project", "name", [PROJECTS, _project, _organisation]),
    ("project", "description", [PROJECTS, _project, _organisation]),
    ("profile", "description", [HOME]),
    ("profile", "network_history", [HOME]),
    ("profile", "meeting_rhythm", [HOME]),
    ("profile", "term", [HOME]),
    ("national", "title", [NATIONAL]),
    ("national", "description", [NATIONAL]),
    ("national_goal", "title", [NATIONAL, FOCUS_AREA]),
    ("national_goal", "description", [NATIONAL]),
    ("key_measure", "title", [NATIONAL, FOCUS_AREA]),
    ("practice", "title", [_organisation]),
]

IDS = [f"{kind}.{field}" for kind, field, _pages in CASES]


def write(obj: models.Model, field: str, finnish: str, swedish: str) -> None:
    """The Finnish text and the Swedish one; no English (reference data may carry one)."""
    setattr(obj, field, finnish)
    setattr(obj, f"{field}_sv", swedish)
    setattr(obj, f"{field}_en", "")
    obj.save()


def pages_of(plan: Plan, pages: list[str | Callable[[Plan], str]]) -> list[str]:
    return [page(plan) if callable(page) else page for page in pages]


def marker(field: str, language: str) -> str:
    """A word no page shows otherwise (no hyphen: a line may break there)."""
    return f"{'Suomeksi' if language == 'fi' else 'Svenska'}{field.replace('_', '')}Merkki"


@pytest.mark.parametrize(("kind", "field", "pages"), CASES, ids=IDS)
def test_a_swedish_translation_replaces_the_finnish_text_on_swedish_pages(
    client, plan, kind, field, pages
):
    finnish, swedish = marker(field, "fi"), marker(field, "sv")
    write(plan.objects[kind], field, finnish, swedish)

    for path in pages_of(plan, pages):
        html = client.get(address_in(path, "sv")).content.decode()

        assert swedish in html, path
        assert finnish not in html, path
        assert all(lang == "sv" for lang in languages_of(html, swedish)), path


@pytest.mark.parametrize(("kind", "field", "pages"), CASES, ids=IDS)
def test_a_missing_translation_shows_the_finnish_text_marked_finnish(
    client, plan, kind, field, pages
):
    finnish = marker(field, "fi")
    write(plan.objects[kind], field, finnish, "")

    for path in pages_of(plan, pages):
        for language in ("sv", "en"):
            html = client.get(address_in(path, language)).content.decode()

            found = languages_of(html, finnish)
            assert found, (language, path)
            assert set(found) == {"fi"}, (language, path)


@pytest.mark.parametrize(("kind", "field", "pages"), CASES, ids=IDS)
def test_the_finnish_page_shows_the_finnish_text_without_a_mark(client, plan, kind, field, pages):
    finnish = marker(field, "fi")
    write(plan.objects[kind], field, finnish, marker(field, "sv"))

    for path in pages_of(plan, pages):
        html = client.get(path).content.decode()

        assert languages_of(html, finnish), path
        assert '<span lang="fi">' not in html, path
        assert '<div lang="fi">' not in html, path
        assert ' lang="fi">' + finnish not in html, path


def revise(plan: Plan, coordinator, change) -> None:
    """Publish a second version of the plan, changed by ``change(draft)``."""
    draft = services.start_revision(plan.objects["strategy"], "tarkistus", coordinator)
    change(draft)
    revisions.publish_draft(draft, dt.date(2025, 1, 15), "Tarkistus", coordinator)


def test_the_comparison_names_a_changed_object_in_the_active_language(client, coordinator, plan):
    def rename(draft):
        area = draft.focus_areas.get(number=1)
        write(area, "title", "Uusi painopisteen nimi", "Nytt namn på fokusområdet")

    revise(plan, coordinator, rename)

    swedish = client.get(address_in(f"{REGION}/versiot/vertaa/?a=1&b=2", "sv")).content.decode()

    assert set(languages_of(swedish, "Nytt namn på fokusområdet")) == {"sv"}
    # The old version has no Swedish title, so the words are compared in Finnish, marked so.
    assert set(languages_of(swedish, "OHJAUSPALVELUN")) == {"fi"}
    assert set(languages_of(swedish, "painopisteen")) == {"fi"}


def test_a_translation_written_for_one_version_only_is_no_change(client, coordinator, plan):
    def translate(draft):
        area = draft.focus_areas.get(number=1)
        area.title_sv = "Vägledningens tillgänglighet"
        area.save()

    revise(plan, coordinator, translate)

    for language in ("fi", "sv"):
        html = client.get(
            address_in(f"{REGION}/versiot/vertaa/?a=1&b=2", language)
        ).content.decode()
        assert "change--changed" not in html, language


def test_the_comparison_diffs_the_active_languages_words_where_both_versions_have_them(
    client, coordinator, plan
):
    plan.objects["focus_area"].title_sv = "Gammalt namn"
    plan.objects["focus_area"].save()

    def rename(draft):
        area = draft.focus_areas.get(number=1)
        write(area, "title", "Uusi painopisteen nimi", "Nytt namn")

    revise(plan, coordinator, rename)

    swedish = client.get(address_in(f"{REGION}/versiot/vertaa/?a=1&b=2", "sv")).content.decode()

    assert "Gammalt" in swedish
    assert "Uusi painopisteen nimi" not in swedish
    assert "OHJAUSPALVELUN" not in swedish


def test_an_indicator_chart_is_labelled_in_plain_text_of_the_active_language(client, plan):
    indicator = plan.objects["indicator"]
    write(indicator, "title", "Mittarin nimi", "Indikatorns namn")
    write(indicator, "unit", "hlö", "pers.")

    html = client.get(address_in(FOCUS_AREA, "sv")).content.decode()

    assert "Indikatorns namn (pers.)</title>" in html
    assert "50\u00a0pers." in html


def test_a_coordinator_of_several_regions_reads_their_names_in_the_active_language(
    client_of, plan, etela_savo
):
    user = UserFactory()
    CoordinatorFactory(user=user, region=plan.region)
    CoordinatorFactory(user=user, region=etela_savo)
    etela_savo.name_sv = "Södra Savolax"
    etela_savo.save()
    client = client_of(user)

    html = client.get(address_in(f"{REGION}/", "sv")).content.decode()

    assert "(Södra Savolax)" in html


def test_an_organisation_keeps_its_name_in_every_language(client, plan):
    html = client.get(address_in(_organisation(plan), "sv")).content.decode()

    assert "<h1>Ohjaamo Kotka</h1>" in html


def test_a_region_without_a_strategy_lists_the_networks_in_the_active_language(client, etela_savo):
    etela_savo.network_name = ""
    etela_savo.name_sv = "Södra Savolax"
    etela_savo.save()
    Region.objects.exclude(pk=etela_savo.pk).update(network_name="", name_sv="")
    Region.objects.filter(slug="uusimaa").update(name_sv="Nyland")

    html = client.get(address_in("/etela-savo/", "sv")).content.decode()

    assert set(languages_of(html, "Södra Savolax")) == {"sv"}
    assert set(languages_of(html, "Nyland")) == {"sv"}
    assert set(languages_of(html, "Satakunta")) == {"fi"}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_key_measures_finnish_only_details_are_marked_finnish(client, language):
    """A key measure's policy area, ministries and funding have no translations: on a Swedish
    or English page they are read as Finnish."""
    measure = KeyMeasure.objects.exclude(policy_area="").exclude(responsible="").first()
    assert measure is not None

    html = client.get(address_in("/valtakunnallinen/strategia/", language)).content.decode()

    for text in (measure.policy_area, measure.responsible, measure.funding):
        assert set(languages_of(html, text)) == {"fi"}, text
    finnish = client.get("/valtakunnallinen/strategia/").content.decode()
    assert '<dd lang="fi">' not in finnish
