"""A walk of the public pages of the plan and the network in Swedish and English, with the
demo's content (written in Finnish only, as a network starts): no content text is read out
as Swedish or English, and no ``lang`` mark lands where HTML cannot hold one.

A ``{{ obj.tr.title }}`` put in an attribute, a ``<title>`` or an ``<option>`` writes its
``<span lang="fi">`` there (``.plain`` is the text for those places); a content text shown
through its Finnish field instead of ``obj.tr`` comes without the mark.
"""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from network.models import Organisation, Region
from strategy.models import Action, FocusArea, Goal, Project, Strategy
from tests.factories import CoordinatorFactory
from tests.html_languages import address_in, texts_with_languages

pytestmark = pytest.mark.django_db

#: A ``<span lang=`` opened inside a tag (an attribute's value), or escaped into text.
SPAN_IN_TAG = re.compile(r"<[^<>]*<span lang=|&lt;span lang=")
#: Elements that hold text only.
TEXT_ONLY = re.compile(r"<(title|option)\b[^>]*>(.*?)</\1>", re.DOTALL)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for the module, rolled back after it (as tests/demo does)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def kaselo(demo, db) -> Region:
    return Region.objects.get(slug="kaakkois-suomi")


def public_paths(region: Region) -> list[str]:
    """Every public page of the plan and the network of the region, and the national one."""
    base = f"/{region.slug}"
    current = Strategy.objects.get(region=region, is_current=True)
    versions = Strategy.objects.filter(region=region).exclude(published_on=None)
    organisations = Organisation.objects.filter(region=region).order_by("name")
    return [
        "/",
        f"{base}/",
        "/valtakunnallinen/strategia/",
        *(f"{base}/painopisteet/{area.number}/" for area in current.focus_areas.all()),
        *(
            f"{base}/toimenpiteet/{action.pk}/"
            for action in Action.objects.filter(focus_area__strategy__region=region)
        ),
        *(f"{base}/versiot/{version.version}/" for version in versions),
        f"{base}/versiot/vertaa/",
        f"{base}/hankkeet/",
        *(f"{base}/hankkeet/{project.pk}/" for project in Project.objects.filter(region=region)),
        f"{base}/organisaatiot/",
        *(f"{base}/organisaatiot/{organisation.slug}/" for organisation in organisations),
    ]


def content_texts(region: Region) -> set[str]:
    """The plan's own words: each line of the focus areas' titles and the goals (long
    enough to be the plan's alone), and the vision of each version."""
    texts = [area.title for area in FocusArea.objects.filter(strategy__region=region)]
    texts += [goal.title for goal in Goal.objects.filter(focus_area__strategy__region=region)]
    texts += [strategy.vision for strategy in Strategy.objects.filter(region=region)]
    return {line.strip() for text in texts for line in text.splitlines() if len(line) >= 15}


def misplaced_marks(html: str) -> list[str]:
    found = [match.group(0) for match in SPAN_IN_TAG.finditer(html)]
    found += [
        match.group(0)
        for match in TEXT_ONLY.finditer(html)
        if "<span" in match.group(2) or "&lt;span" in match.group(2)
    ]
    return found


def unmarked_content(html: str, texts: set[str]) -> list[str]:
    return [
        data.strip()
        for data, lang in texts_with_languages(html)
        if lang != "fi" and any(text in data for text in texts)
    ]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_public_page_reads_the_finnish_plan_as_another_language(client, kaselo, language):
    texts = content_texts(kaselo)
    assert len(texts) > 10  # the demo's plan is there to be found
    paths = public_paths(kaselo)
    problems = {}
    for path in paths:
        response = client.get(address_in(path, language))
        assert response.status_code == 200, path
        html = response.content.decode()
        found = misplaced_marks(html) + unmarked_content(html, texts)
        if found:
            problems[path] = found

    assert problems == {}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_coordinators_pages_name_the_network_in_the_page_language(client, kaselo, language):
    client.force_login(CoordinatorFactory(region=kaselo).user)

    html = client.get(address_in("/tili/oma/", language)).content.decode()

    assert misplaced_marks(html) == []
    name = {"sv": "ELO-nätverket i Sydöstra Finland", "en": "ELO network of Southeast Finland"}
    assert {lang for data, lang in texts_with_languages(html) if name[language] in data} == {
        language
    }
    assert "Kaakkois-Suomen ELO" not in html
