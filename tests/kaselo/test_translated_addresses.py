"""Addresses read in the visitor's language, and the language switch keeps the page.

Each literal segment of a route is ``pgettext_lazy("URL", <Finnish segment>)``: Finnish
addresses are what they always were, ``/sv/`` and ``/en/`` read in Swedish and English,
the switcher takes a visitor to the same page in the other language, and an old Finnish
address under ``/sv/`` or ``/en/`` redirects to the translated one.
"""

import re
import uuid

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern
from django.utils import translation
from django.utils.text import slugify
from pytest_django.asserts import assertRedirects

from network.reference import REGIONS
from tests.factories import ActionFactory, EventFactory, ProjectFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ("fi", "sv", "en")
#: A segment that reads the same in every language.
SAME_IN_EVERY_LANGUAGE = {"pdf/"}
CONVERTER = re.compile(r"<(?:(?P<kind>\w+):)?(?P<name>\w+)>")
#: Included URL modules whose inner routes keep their own addresses.
OWN_ADDRESSES = ("allauth.urls", "django.conf.urls.i18n")
SAMPLE = {"int": 7, "slug": "kaakkois-suomi", "str": "goal", "uuid": uuid.UUID(int=7)}


def in_language(language, name, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def portal_routes():
    """(name, route) of every named route of the portal in the active language.

    The admin, Django's i18n view and allauth's inner routes keep their own addresses.
    """

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            prefixed = isinstance(pattern.pattern, LocalePrefixPattern)
            route = "" if prefixed else str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                module = getattr(pattern.urlconf_name, "__name__", pattern.urlconf_name)
                if pattern.app_name == "admin" or module in OWN_ADDRESSES:
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, prefix + route, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}", prefix + route

    return list(walk(get_resolver().url_patterns, "", ""))


def segments(route):
    return [s for s in re.findall(r"[^/]*/|[^/]+$", route) if not s.startswith("<")]


def test_reverse_reads_swedish_and_english_segments_and_keeps_the_finnish_ones():
    kwargs = {"region": "kaakkois-suomi", "pk": 3}

    assert in_language("fi", "strategy:project_detail", **kwargs) == "/kaakkois-suomi/hankkeet/3/"
    assert in_language("sv", "strategy:project_detail", **kwargs) == (
        "/sv/kaakkois-suomi/projekt/3/"
    )
    assert in_language("en", "strategy:project_detail", **kwargs) == (
        "/en/kaakkois-suomi/projects/3/"
    )
    assert in_language("sv", "dashboard") == "/sv/konto/egna/"
    assert in_language("sv", "account_login") == "/sv/konto/login/"
    assert in_language("sv", "feeds:region", region="kaakkois-suomi") == (
        "/sv/kaakkois-suomi/kalender.ics"
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_finnish_segment_is_left_in_a_swedish_or_english_address(language):
    with translation.override("fi"):
        finnish = {s for _name, route in portal_routes() for s in segments(route)}
    with translation.override(language):
        untranslated = {
            name: segment
            for name, route in portal_routes()
            for segment in segments(route)
            if segment in finnish - SAME_IN_EVERY_LANGUAGE
        }

    assert untranslated == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_address_leads_back_to_its_own_page_so_no_sibling_hides_another(language):
    with translation.override(language):
        for name, route in portal_routes():
            kwargs = {m["name"]: SAMPLE[m["kind"] or "str"] for m in CONVERTER.finditer(route)}
            address = reverse(name, kwargs=kwargs)

            assert resolve(address).view_name == name, address


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_first_segment_of_the_site_is_a_region_slug(language):
    slugs = {f"{slugify(region.name)}/" for region in REGIONS}
    with translation.override(language):
        first = {route.split("/", 1)[0] + "/" for _name, route in portal_routes()}

    assert first & slugs == set()


# --- The language switch ----------------------------------------------------------------


@pytest.fixture
def pages(focus_area, coordinator):
    """Pages of each kind: (the person looking, the route's name, its kwargs, a query)."""
    region = focus_area.strategy.region.slug
    action = ActionFactory(focus_area=focus_area)
    event = EventFactory(region=focus_area.strategy.region)
    return {
        "plan action": (None, "strategy:action_detail", {"region": region, "pk": action.pk}, ""),
        "focus area": (None, "strategy:focus_area_detail", {"region": region, "number": 1}, ""),
        "event": (None, "events:event_detail", {"region": region, "pk": event.pk}, ""),
        "national strategy": (None, "strategy:national_strategy", {}, ""),
        "editor": (coordinator, "editor:action_edit", {"region": region, "pk": action.pk}, ""),
        "query": (None, "events:event_list", {"region": region}, "?page=1"),
    }


@pytest.mark.parametrize("page", ["plan action", "focus area", "event", "national strategy"])
@pytest.mark.parametrize(("shown", "chosen"), [("sv", "fi"), ("fi", "sv"), ("sv", "en")])
def test_the_switcher_leads_to_the_same_page_in_the_chosen_language(
    client_of, pages, page, shown, chosen
):
    _switch_and_follow(client_of, pages[page], shown, chosen)


@pytest.mark.parametrize("page", ["editor", "query"])
@pytest.mark.parametrize(("shown", "chosen"), [("sv", "fi"), ("fi", "sv"), ("sv", "en")])
def test_the_switcher_keeps_an_editor_page_and_a_query_string(
    client_of, pages, page, shown, chosen
):
    _switch_and_follow(client_of, pages[page], shown, chosen)


def _switch_and_follow(client_of, page, shown, chosen):
    person, name, kwargs, query = page
    client = client_of(person)
    shown_page = client.get(in_language(shown, name, **kwargs) + query)
    assert shown_page.status_code == 200
    [next_path] = re.findall(r'name="next" value="([^"]*)"', shown_page.content.decode())

    switch = {"language": chosen, "next": next_path}
    response = client.post(in_language("fi", "set_language"), switch)

    assertRedirects(response, in_language(chosen, name, **kwargs) + query)


# --- Old addresses ----------------------------------------------------------------------


def test_an_old_finnish_address_under_sv_redirects_to_the_swedish_one(client, region):
    response = client.get("/sv/kaakkois-suomi/hankkeet/?vuosi=2021")

    assertRedirects(
        response, "/sv/kaakkois-suomi/projekt/?vuosi=2021", status_code=301, target_status_code=200
    )


def test_an_old_sign_in_address_under_en_redirects_to_the_english_one(client, region):
    assertRedirects(client.get("/en/tili/login/"), "/en/account/login/", status_code=301)


def test_a_missing_object_at_a_translated_address_stays_a_404(client, region):
    project = ProjectFactory(region=region)
    missing = in_language("sv", "strategy:project_detail", region=region.slug, pk=project.pk + 1)

    assert client.get(missing).status_code == 404


def test_what_is_no_address_in_any_language_stays_a_404(client, region):
    assert client.get("/sv/kaakkois-suomi/ei-tallaista-sivua/").status_code == 404
    assert client.get("/kaakkois-suomi/projekt/").status_code == 404, "Swedish is not Finnish"


def test_a_post_to_an_old_address_is_not_redirected(client, region):
    assert client.post("/sv/kaakkois-suomi/hankkeet/").status_code == 404
