"""Cached page fragments: served while the data holds, rendered afresh once it changes.

The cache is the real Redis of the suite; every test starts with it empty (conftest).
"""

import re
import threading

import pytest
from django.db import connection, transaction
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actions.models import GuidanceAction
from coordination import transfer
from network.models import Membership
from portal import page_cache
from portal.templatetags.portal import CSRF_PLACEHOLDER
from strategy.models import Action, NationalGoal
from tests.coordination.transfer.conftest import csv_upload
from tests.factories import (
    ActionFactory,
    CoordinatorFactory,
    GuidanceActionFactory,
    MembershipFactory,
    OrganisationFactory,
    ProgressUpdateFactory,
    StrategyFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


def without_tokens(html):
    return re.sub(r'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', r"\1-", html)


@pytest.fixture
def home_url(region):
    return reverse("strategy:region_home", args=[region.slug])


# --- Served from the cache while the data holds ----------------------------------------------


def test_the_second_visit_is_served_from_the_cache_with_the_same_page(client, strategy, home_url):
    cold, first = queries_of(client, home_url)
    warm, second = queries_of(client, home_url)

    # Region, strategy, focus areas, indicators (no values to prefetch), events, the region's
    # profile; then the region only: the rest comes cached.
    assert (cold, warm) == (6, 1)
    assert without_tokens(second) == without_tokens(first)


def test_a_saved_change_shows_on_the_next_visit(client, strategy, home_url):
    queries_of(client, home_url)
    strategy.vision = "Uusi visio: ohjausta kaikille"
    strategy.save()

    count, page = queries_of(client, home_url)

    assert count == 6
    assert "Uusi visio: ohjausta kaikille" in page


def test_deleted_rows_and_changed_links_show_on_the_next_visit(client, focus_area, kotka):
    action = ActionFactory(focus_area=focus_area, title="Ohjaamoiden yhteinen chat")
    url = focus_area.get_absolute_url()
    queries_of(client, url)

    action.responsible_organisations.add(kotka)  # a many-to-many link: no save of a row
    assert "Ohjaamo Kotka" in queries_of(client, url)[1]

    Action.objects.filter(pk=action.pk).first().delete()
    assert "Ohjaamoiden yhteinen chat" not in queries_of(client, url)[1]


def test_a_change_in_another_region_keeps_this_regions_pages_cached(
    client, strategy, home_url, etela_savo
):
    queries_of(client, home_url)
    StrategyFactory(region=etela_savo, vision="Etelä-Savon visio").save()

    assert queries_of(client, home_url)[0] == 1


def test_a_change_of_national_rows_renders_every_region_afresh(client, strategy, home_url):
    queries_of(client, home_url)
    # The national goals come from a migration: an edit of one is a change of national rows.
    goal = NationalGoal.objects.get(number=3)
    goal.description = "Digitaaliset palvelut kaikille."
    goal.save()

    assert queries_of(client, home_url)[0] == 6


def test_an_import_written_in_bulk_shows_on_the_next_visit(client, region):
    url = reverse("network:organisation_list", args=[region.slug])
    queries_of(client, url)
    upload = csv_upload(
        [
            ["Nimi", "Lyhenne", "Tyyppi", "Sektori", "Maakunnat", "Verkkosivu", "Aktiivinen"],
            ["Ohjaamo Hamina", "", "ohjaamo", "public", "", "", "kyllä"],
        ]
    )

    assert transfer.run_import(region, "organisaatiot", upload).is_valid
    assert "Ohjaamo Hamina" in queries_of(client, url)[1]


def test_the_languages_are_cached_apart(client, strategy, region):
    finnish = queries_of(client, reverse("strategy:region_home", args=[region.slug]))[1]
    with_english = client.get(f"/en/{region.slug}/").content.decode()

    assert 'lang="fi"' in finnish
    assert 'lang="en"' in with_english
    assert "Upcoming events" in with_english


def test_a_filtered_list_is_rendered_afresh_and_the_plain_list_cached(client, region, kotka):
    url = reverse("network:organisation_list", args=[region.slug])
    queries_of(client, url)
    plain = queries_of(client, url)[0]
    queries_of(client, f"{url}?q=Kotka")
    filtered = queries_of(client, f"{url}?q=Kotka")[0]

    assert filtered > plain


# --- What stays personal ---------------------------------------------------------------------


def test_each_person_gets_their_own_csrf_token_in_a_cached_editor(region, strategy, focus_area):
    action = ActionFactory(focus_area=focus_area, title="Yhteinen kalenteri")
    editor_url = reverse("editor:home", args=[region.slug])
    status_url = reverse("editor:action_status", args=[region.slug, action.pk])
    clients = []
    for email in ("eka@kaselo.example", "toka@kaselo.example"):
        user = UserFactory(email=email)
        CoordinatorFactory(user=user, region=region)
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        clients.append(client)

    tokens = []
    for client in clients:
        page = client.get(editor_url).content.decode()
        tokens.append(re.search(r'csrfmiddlewaretoken" value="([^"]+)', page).group(1))
    assert CSRF_PLACEHOLDER not in page

    # The second page came from the cache, yet its token is the second person's own.
    for client, token, status in zip(clients, tokens, ("ongoing", "done"), strict=True):
        response = client.post(status_url, {"status": status, "csrfmiddlewaretoken": token})
        assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "done"


def test_the_edit_link_is_shown_to_the_coordinator_only(client_of, coordinator, strategy, home_url):
    edit_url = reverse("editor:home", args=[strategy.region.slug])
    visitor_page = queries_of(client_of(None), home_url)[1]
    coordinator_page = queries_of(client_of(coordinator), home_url)[1]
    editor_page = queries_of(
        client_of(
            MembershipFactory(
                organisation=OrganisationFactory(region=strategy.region),
                role=Membership.Role.EDITOR,
            ).user
        ),
        home_url,
    )[1]

    assert f'href="{edit_url}"' not in visitor_page
    assert f'href="{edit_url}"' in coordinator_page
    assert f'href="{edit_url}"' not in editor_page


# --- The tag and the versions ----------------------------------------------------------------


def render(source, method="get", **context):
    request = getattr(RequestFactory(), method)("/")
    return Template("{% load portal %}" + source).render(Context({"request": request, **context}))


def test_the_tag_renders_once_and_serves_the_copy():
    source = "{% fragment 'kokeilu' %}{{ number }}{% endfragment %}"
    assert render(source, number=1) == "1"
    assert render(source, number=2) == "1"

    page_cache.bump_national()
    assert render(source, number=3) == "3"


def test_the_parts_posts_and_conditions_decide_what_is_cached():
    keyed = "{% fragment 'kokeilu' part %}{{ number }}{% endfragment %}"
    assert render(keyed, part="a", number=1) == "1"
    assert render(keyed, part="b", number=2) == "2"
    assert render(keyed, method="post", part="a", number=3) == "3"
    conditional = "{% fragment 'ehto' when=cache_it %}{{ number }}{% endfragment %}"
    assert render(conditional, cache_it=False, number=4) == "4"
    assert render(conditional, cache_it=False, number=5) == "5"


def test_a_fragment_without_a_name_is_a_template_error():
    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load portal %}{% fragment when=yes %}x{% endfragment %}")


def test_the_loader_runs_only_when_the_fragment_renders():
    calls = []

    def loader():
        calls.append(1)
        return {"number": len(calls)}

    source = "{% fragment 'lataus' data=loader %}{{ number }}{% endfragment %}"
    assert render(source, loader=loader) == "1"
    assert render(source, loader=loader) == "1"
    assert calls == [1]


def versions_seen_by_another_request(region_id):
    """The versions as another connection reads them (Django gives each thread its own)."""
    seen = []

    def read():
        try:
            seen.append(page_cache.versions(region_id))
        finally:
            connection.close()

    thread = threading.Thread(target=read)
    thread.start()
    thread.join()
    return seen[0]


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_for_others_with_the_commit(kotka):
    before = page_cache.versions(kotka.region_id)
    with transaction.atomic():
        kotka.save()
        # Until the commit others read the old rows: their pages keep the old version.
        assert versions_seen_by_another_request(kotka.region_id) == before
    after = versions_seen_by_another_request(kotka.region_id)

    assert after[1] != before[1]
    assert after[0] == before[0]  # the national version stays


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_write_leaves_the_version_as_it_was(kotka):
    before = page_cache.versions(kotka.region_id)
    with transaction.atomic():
        kotka.name = "Ohjaamo Kotka 2"
        kotka.save()
        transaction.set_rollback(True)

    assert page_cache.versions(kotka.region_id) == before


def test_a_bump_in_a_rolled_back_savepoint_is_made_again(kotka):
    first = page_cache.versions(kotka.region_id)
    with transaction.atomic():
        page_cache.bump_national()
        transaction.set_rollback(True)
    assert page_cache.versions(kotka.region_id) == first

    page_cache.bump_national()  # the bump of the rolled-back savepoint counts as none
    assert page_cache.versions(kotka.region_id)[0] != first[0]


def test_writes_in_one_transaction_replace_the_version_again_only_after_a_render(kotka):
    kotka.save()
    first = page_cache.versions(kotka.region_id)
    kotka.name = "Ohjaamo Kotka 2"
    kotka.save()  # nothing was rendered since: no fragment can hold the old name
    assert page_cache.versions(kotka.region_id) == first

    page_cache.set_fragment("fragment:kokeilu", "<p>Ohjaamo Kotka 2</p>")
    kotka.name = "Ohjaamo Kotka 3"
    kotka.save()
    assert page_cache.versions(kotka.region_id) != first


def delete_queries(kotka, updates):
    entry = GuidanceActionFactory(organisation=kotka)
    ProgressUpdateFactory.create_batch(updates, action=entry)
    entry = GuidanceAction.objects.get(pk=entry.pk)  # nothing of its parents loaded
    # A page was cached since the last bump: the delete has to bump again.
    page_cache.set_fragment("fragment:kokeilu", "<p>Ohjaamo Kotka</p>")
    with CaptureQueriesContext(connection) as queries:
        entry.delete()
    return len(queries.captured_queries)


def test_a_delete_that_cascades_asks_no_region_row_by_row(kotka):
    # A deleted row bumps the national version rather than look its region up, and the
    # version is written once for the whole cascade.
    page_cache.bump_national()  # its row exists from now on
    assert delete_queries(kotka, 20) == delete_queries(kotka, 2)


def test_the_code_version_changes_with_a_template(settings, tmp_path):
    template = tmp_path / "templates" / "sivu.html"
    template.parent.mkdir()
    template.write_text("<p>Hei</p>", encoding="utf-8")
    settings.BASE_DIR = tmp_path
    first = page_cache.code_version.__wrapped__()

    template.write_text("<p>Hei maailma</p>", encoding="utf-8")

    assert page_cache.code_version.__wrapped__() != first
    settings.FRAGMENT_CODE_VERSION = "julkaisu-42"
    assert page_cache.code_version.__wrapped__() == "julkaisu-42"


def test_without_a_reachable_cache_pages_render_and_writes_go_through(
    settings, client, strategy, home_url
):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "kaselo.cache.ReusingRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        },
    }
    strategy.vision = "Visio ilman välimuistia"
    strategy.save()
    page_cache.bump_national()  # logged, not raised

    count, page = queries_of(client, home_url)

    assert "Visio ilman välimuistia" in page
    assert count == 6  # rendered afresh, as on a cache miss
