"""Draft revisions: a new version is prepared as a draft that only the region's coordinators
see and edit, then published with a date and a note, or discarded leaving nothing behind."""

import datetime as dt
import re
import threading

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import GuidanceAction
from events.models import Event
from lib.scoping import scope
from reporting.documents.tno import build_tno_summary
from strategy import revisions, services
from strategy.models import Action, FocusArea, Goal, IndicatorValue, Strategy
from tests.concurrency import post_twice_at_once
from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    GoalFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProjectFactory,
    StrategyFactory,
)
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db

#: Text typed into the draft only: no page but the coordinator's may show it.
MARK = "LUONNOSMERKKI"


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


@pytest.fixture
def plan(strategy, focus_area, kotka):
    """The current version: a focus area with a goal, two actions and an indicator with a
    value, a project doing the first action; a guidance action and an event linked to it."""
    goal = GoalFactory(focus_area=focus_area, title="Ohjaus on saavutettavaa", position=0)
    first = ActionFactory(focus_area=focus_area, title="Ensimmäinen", position=0)
    ActionFactory(focus_area=focus_area, title="Toinen", position=1, lead_organisation=kotka)
    first.goals.set([goal])
    first.responsible_organisations.set([kotka])
    indicator = IndicatorFactory(strategy=strategy, title="Työllisyysaste")
    indicator.focus_areas.set([focus_area])
    IndicatorValueFactory(indicator=indicator, year=2022, value=70)
    ProjectFactory(region=strategy.region, name="TalentHUB").actions.set([first])
    entry = GuidanceActionFactory(organisation=kotka, review_status="accepted")
    entry.focus_areas.set([focus_area])
    entry.goals.set([goal])
    event = EventFactory(region=strategy.region, title="Verkostokokous")
    event.focus_areas.set([focus_area])
    return {"strategy": strategy, "focus_area": focus_area, "goal": goal, "entry": entry}


@pytest.fixture
def draft(plan, coordinator):
    """A draft of version 2 with the mark in its header, its focus area and a new area."""
    draft = revisions.start_revision(plan["strategy"], "tarkistus 2025", coordinator)
    draft.vision = f"{MARK} visio"
    draft.save()
    area = draft.focus_areas.get(number=1)
    area.title = f"{MARK} PAINOPISTE"
    area.save()
    FocusAreaFactory(strategy=draft, number=2, title=f"{MARK} UUSI PAINOPISTE")
    return draft


def editor(region, name="home", **kwargs):
    return reverse(f"editor:{name}", kwargs={"region": region.slug, **kwargs})


def signed_in(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# --- Starting a revision -------------------------------------------------------------------


def test_starting_a_revision_makes_a_draft_and_keeps_the_current_version_public(
    client, region, plan, coordinator
):
    home = reverse("strategy:region_home", kwargs={"region": region.slug})
    client.get(home)  # cached before the draft exists

    draft = revisions.start_revision(plan["strategy"], "tarkistus 2025", coordinator)
    draft.vision = f"{MARK} visio"
    draft.save()

    plan["strategy"].refresh_from_db()
    assert plan["strategy"].is_current
    assert (draft.is_draft, draft.is_current, draft.published_on) == (True, False, None)
    assert (draft.version, draft.previous) == (2, plan["strategy"])
    assert list(Strategy.objects.drafts()) == [draft]
    assert list(Strategy.objects.published()) == [plan["strategy"]]
    assertNotContains(client.get(home), MARK)
    # The entries stay on the current version until the draft is published.
    assert list(plan["entry"].focus_areas.all()) == [plan["focus_area"]]


def test_a_second_draft_is_refused_while_one_is_being_prepared(region, draft, plan, coordinator):
    with pytest.raises(services.PlanError) as refusal:
        revisions.start_revision(plan["strategy"], "tarkistus 2026", coordinator)

    assert "luonnos" in str(refusal.value) or "draft" in str(refusal.value)
    assert Strategy.objects.filter(region=region).count() == 2


def test_the_new_version_page_says_a_draft_exists(region, draft, coordinator):
    client = signed_in(coordinator)

    response = client.post(editor(region, "new_revision"), {"version_label": "tarkistus 2026"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [revisions._draft_exists()]
    assert Strategy.objects.filter(region=region).count() == 2


def test_the_database_holds_one_draft_a_region(region, draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        StrategyFactory(region=region, version=3, is_current=False)


def test_a_version_made_without_a_publication_date_and_not_current_is_a_draft(region, strategy):
    # The plan's XLSX import creates its draft this way.
    made = Strategy.objects.create(
        region=region,
        title="Tuotu",
        start_year=2025,
        end_year=2027,
        version=2,
        is_current=False,
        vision="v",
        values="a",
        overall_goal="g",
    )

    assert made.is_draft
    assert strategy.published_on == timezone.localdate()  # a current version is published


# --- Publishing ---------------------------------------------------------------------------


def test_publishing_makes_the_draft_current_with_its_date_and_note_and_moves_the_entries(
    client, region, plan, draft, coordinator
):
    home = reverse("strategy:region_home", kwargs={"region": region.slug})
    assertNotContains(client.get(home), MARK)  # cached while the draft is a draft

    revisions.publish_draft(draft, dt.date(2025, 3, 1), " Painopisteet tarkistettu. ", coordinator)

    old, new = plan["strategy"], draft
    old.refresh_from_db()
    new.refresh_from_db()
    assert (old.is_current, new.is_current, new.is_draft) == (False, True, False)
    assert (new.published_on, new.change_note) == (dt.date(2025, 3, 1), "Painopisteet tarkistettu.")
    entry = GuidanceAction.objects.get(pk=plan["entry"].pk)
    assert [area.strategy_id for area in entry.focus_areas.all()] == [new.pk]
    assert [goal.focus_area.strategy_id for goal in entry.goals.all()] == [new.pk]
    event = Event.objects.get(title="Verkostokokous")
    assert [area.strategy_id for area in event.focus_areas.all()] == [new.pk]
    # The page cache was bumped: the public sees the new version at once.
    assertContains(client.get(home), MARK)


def test_a_reworded_goal_keeps_its_entries_by_its_place(region, plan, draft, coordinator):
    goal = Goal.objects.get(focus_area__strategy=draft)
    goal.title = "Ohjaus on saavutettavaa kaikille"
    goal.save()

    revisions.publish_draft(draft, dt.date(2025, 3, 1), "", coordinator)

    assert list(plan["entry"].goals.all()) == [goal]


def test_the_publish_page_proposes_today_and_publishes_with_the_note(region, draft, coordinator):
    client = signed_in(coordinator)
    page = client.get(editor(region, "draft_publish"))
    assert page.context["form"]["published_on"].value() == timezone.localdate()

    response = client.post(
        editor(region, "draft_publish"),
        {"published_on": "2025-03-01", "change_note": "Uusi painopiste lisätty."},
    )

    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.is_current, draft.change_note) == (True, "Uusi painopiste lisätty.")


def test_publishing_needs_a_date_and_a_note(region, draft, coordinator):
    response = signed_in(coordinator).post(editor(region, "draft_publish"), {})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"published_on", "change_note"}
    draft.refresh_from_db()
    assert draft.is_draft


def test_publishing_a_second_time_is_told_and_changes_nothing(region, draft, coordinator):
    revisions.publish_draft(draft, dt.date(2025, 3, 1), "Ensimmäinen", coordinator)

    with pytest.raises(services.PlanError):
        revisions.publish_draft(draft, dt.date(2025, 4, 1), "Toinen", coordinator)
    response = signed_in(coordinator).post(
        editor(region, "draft_publish"), {"published_on": "2025-04-01", "change_note": "Toinen"}
    )

    assert response.status_code == 302
    message = gettext("There is no draft any more: it was published or discarded meanwhile.")
    assert message in [str(m) for m in response.wsgi_request._messages]
    draft.refresh_from_db()
    assert (draft.published_on, draft.change_note) == (dt.date(2025, 3, 1), "Ensimmäinen")


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_publishing_at_once_publish_once(region, coordinator):
    current = StrategyFactory(region=region)
    FocusAreaFactory(strategy=current, number=1)
    draft = revisions.start_revision(current, "tarkistus 2025", coordinator)
    url = editor(region, "draft_publish")
    data = {"published_on": "2025-03-01", "change_note": "Tarkistettu"}

    statuses = post_twice_at_once(coordinator, url, data)

    # One publishes (302); the other waited for the lock, then was told (200, its form).
    assert statuses in ([200, 302], [302, 302])
    assert Strategy.objects.filter(region=region, is_current=True).get() == draft
    assert not Strategy.objects.drafts().exists()
    assert list(Strategy.objects.filter(region=region).order_by("version")) == [current, draft]


def at_once(region, *calls):
    """Run each call in a thread of its own, with its own connection, started together;
    what each returned or raised, in the order of ``calls``."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            with scope(region=region):  # a service runs in its region's scope
                results[index] = call()
        except Exception as error:  # the test reads it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.mark.django_db(transaction=True)
def test_of_two_publishes_at_once_one_publishes_and_the_other_is_refused(region, coordinator):
    current = StrategyFactory(region=region)
    draft = revisions.start_revision(current, "tarkistus 2025", coordinator)

    results = at_once(
        region,
        *(
            lambda note=note: revisions.publish_draft(draft, dt.date(2025, 3, 1), note, coordinator)
            for note in ("Ensimmäinen", "Toinen")
        ),
    )

    refused = [r for r in results if isinstance(r, services.PlanError)]
    published = [r for r in results if isinstance(r, Strategy)]
    assert (len(published), len(refused)) == (1, 1), results
    draft.refresh_from_db()
    assert draft.is_current
    assert draft.change_note == published[0].change_note
    history = Strategy.history.filter(id=draft.pk, is_current=True)
    assert history.count() == 1  # published once


@pytest.mark.django_db(transaction=True)
def test_two_coordinators_starting_a_revision_at_once_make_one_draft(region, coordinator):
    current = StrategyFactory(region=region)
    FocusAreaFactory(strategy=current, number=1)

    statuses = post_twice_at_once(
        coordinator, editor(region, "new_revision"), {"version_label": "tarkistus 2025"}
    )

    assert statuses == [200, 302]
    assert Strategy.objects.drafts().count() == 1
    assert Strategy.objects.filter(region=region).count() == 2
    assert FocusArea.objects.count() == 2


# --- Discarding ---------------------------------------------------------------------------


def plan_rows():
    """The number of rows of every table of the plan: the models, their many-to-many
    links, their history records and the history of those links, and the entries' links."""
    counts = {
        model._meta.label: model._base_manager.count()
        for model in apps.get_app_config("strategy").get_models(include_auto_created=True)
    }
    for through, _entry_column, _target_column in services._entry_links():
        counts[through._meta.label] = through._base_manager.count()
    return counts


def test_discarding_a_draft_leaves_nothing_behind(region, plan, coordinator):
    before = plan_rows()
    client = signed_in(coordinator)
    client.post(editor(region, "new_revision"), {"version_label": "tarkistus 2025"})
    draft = Strategy.objects.drafts().get()
    area = draft.focus_areas.get()
    # Edits of every kind in the draft, each with its history: added, changed, deleted.
    client.post(
        f"{editor(region, 'focus_area_add')}?versio=luonnos",
        {"number": 2, "title": "UUSI", "submission_token": "7f6c3f2e-7a0e-4d43-a4fb-2d1c7a9e1a01"},
    )
    added = draft.focus_areas.get(number=2)
    GoalFactory(focus_area=added, title="Uuden tavoite")
    deleted_goal = Goal.objects.get(focus_area=area)
    services.delete_object(deleted_goal, coordinator)
    action = Action.objects.filter(focus_area=area).first()
    action.title = "Muutettu luonnoksessa"
    action.save()
    value = IndicatorValue.objects.get(indicator__strategy=draft)
    services.delete_object(value, coordinator)
    assert plan_rows() != before

    page = client.get(editor(region, "draft_discard"))
    assertContains(page, gettext("Discard the draft"))
    response = client.post(editor(region, "draft_discard"))

    assert response.status_code == 302
    assert plan_rows() == before
    assert not Strategy.objects.filter(region=region, version=2).exists()
    plan["strategy"].refresh_from_db()
    assert plan["strategy"].is_current


def test_the_discard_page_names_what_the_draft_holds(region, draft, coordinator):
    response = signed_in(coordinator).get(editor(region, "draft_discard"))

    labels = [item.label for item in response.context["summary"].affected]
    assert any("2" in label for label in labels)  # the draft's two focus areas
    assertContains(response, gettext("This cannot be undone."))
    assert Strategy.objects.filter(pk=draft.pk).exists()


# --- The editor ---------------------------------------------------------------------------


def test_the_editor_home_shows_the_draft_and_its_tools(region, draft, coordinator):
    client = signed_in(coordinator)

    current = client.get(editor(region))
    assertContains(current, reverse("editor:draft_publish", kwargs={"region": region.slug}))
    assertContains(current, reverse("editor:draft_discard", kwargs={"region": region.slug}))
    assertContains(current, "?versio=luonnos")
    assertNotContains(current, reverse("editor:new_revision", kwargs={"region": region.slug}))
    assertNotContains(current, f"{MARK} visio")

    shown = client.get(f"{editor(region)}?versio=luonnos")
    assertContains(shown, f"{MARK} visio")
    assertContains(shown, f"{editor(region, 'strategy_edit')}?versio=luonnos")
    assertContains(shown, f"{editor(region, 'focus_area_add')}?versio=luonnos")


def test_the_draft_is_edited_with_the_editors_own_pages(region, plan, draft, coordinator):
    client = signed_in(coordinator)
    area = draft.focus_areas.get(number=1)

    # A row of the draft: its page works on the draft.
    response = client.post(
        editor(region, "focus_area_edit", pk=area.pk), {"number": 1, "title": "LUONNOKSEN OTSIKKO"}
    )
    assert response.status_code == 302
    assert "versio=luonnos" in response.url
    area.refresh_from_db()
    assert area.title == "LUONNOKSEN OTSIKKO"
    # A page without a row works on the draft when asked.
    page = client.get(f"{editor(region, 'strategy_edit')}?versio=luonnos")
    assert page.context["form"].instance == draft
    # The current version stays editable beside it.
    page = client.get(editor(region, "strategy_edit"))
    assert page.context["form"].instance == plan["strategy"]
    plan["focus_area"].refresh_from_db()
    assert plan["focus_area"].title == "OHJAUSPALVELUN SAAVUTETTAVUUS"


def test_an_earlier_published_version_is_not_edited(region, plan, draft, coordinator):
    revisions.publish_draft(draft, dt.date(2025, 3, 1), "", coordinator)
    client = signed_in(coordinator)

    response = client.get(editor(region, "goal_edit", pk=plan["goal"].pk))

    assert response.status_code == 404


def test_asking_for_a_draft_that_is_not_there(region, plan, coordinator):
    client = signed_in(coordinator)

    assert client.get(f"{editor(region, 'strategy_edit')}?versio=luonnos").status_code == 404
    assert client.get(f"{editor(region)}?versio=luonnos").status_code == 200
    assert client.get(editor(region, "draft_publish")).status_code == 302


# --- The public never sees a draft --------------------------------------------------------


def public_pages(region):
    slug = {"region": region.slug}
    return [
        reverse("strategy:region_home", kwargs=slug),
        reverse("strategy:focus_area_detail", kwargs={**slug, "number": 1}),
        reverse("strategy:version_detail", kwargs={**slug, "version": 1}),
        reverse("feeds:region", kwargs=slug),
        reverse("feeds:focus_area", kwargs={**slug, "number": 1}),
        reverse("guidance:list", kwargs=slug),
        f"{reverse('guidance:list', kwargs=slug)}?q=PAINOPISTE",
        reverse("events:event_list", kwargs=slug),
        reverse("actions:good_practice_list", kwargs=slug),
        reverse("network:organisation_list", kwargs=slug),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_public_page_shows_the_draft_to_anyone(persona, personas, region, draft):
    client = signed_in(personas[persona])

    for url in public_pages(region):
        response = client.get(url)
        assert response.status_code == 200, url
        assertNotContains(response, MARK, msg_prefix=url)
    # The draft's new focus area has no public page.
    url = reverse("strategy:focus_area_detail", kwargs={"region": region.slug, "number": 2})
    assert client.get(url).status_code == 404
    if personas[persona] is not None:
        assertNotContains(client.get(reverse("dashboard")), MARK)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("visitor", 404),
        ("editor", 404),
        ("editor_of_other_organisation", 404),
        ("editor_of_other_region", 404),
        ("coordinator", 200),
        ("coordinator_of_other_region", 404),
        ("national_team", 404),
    ],
)
def test_the_drafts_version_page_is_for_the_regions_coordinators_only(
    persona, status, personas, region, draft
):
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 2})

    response = signed_in(personas[persona]).get(url)

    assert response.status_code == status
    if status == 200:
        assertContains(response, MARK)


@pytest.mark.parametrize(("persona", "sees"), [("coordinator", True), ("national_team", False)])
def test_the_change_history_shows_the_drafts_changes_to_the_coordinator_only(
    persona, sees, personas, region, draft
):
    client = signed_in(personas[persona])
    area = draft.focus_areas.get(number=1)

    feed = client.get(editor(region, "feed"))
    own = client.get(editor(region, "history", kind="focusarea", pk=area.pk))

    assert feed.status_code == 200
    assert (MARK in feed.content.decode()) is sees
    assert own.status_code == (200 if sees else 404)


def test_the_tno_summary_is_built_from_the_current_version(region, draft):
    summary = build_tno_summary(region, dt.date(2021, 1, 1), dt.date(2021, 12, 31))

    assert MARK not in repr(summary)


# --- Earlier versions on the public page --------------------------------------------------


def test_the_public_page_lists_the_published_earlier_versions_with_date_and_note(
    client, region, plan, coordinator
):
    second = revisions.start_revision(plan["strategy"], "tarkistus 2023", coordinator)
    revisions.publish_draft(second, dt.date(2023, 6, 1), "Painopisteet tarkistettu.", coordinator)
    third = revisions.start_revision(second, "tarkistus 2025", coordinator)
    revisions.publish_draft(third, dt.date(2025, 3, 1), "Mittarit päivitetty.", coordinator)
    revisions.start_revision(third, f"{MARK} 2026", coordinator)  # a draft: not listed

    response = client.get(reverse("strategy:region_home", kwargs={"region": region.slug}))

    html = response.content.decode()
    earlier = html[html.index('id="aiemmat-versiot"') :]
    links = re.findall(rf'href="/{region.slug}/versiot/(\d+)/"', earlier)
    assert links == ["2", "1"]
    assertContains(response, "1.6.2023")
    assertContains(response, "Painopisteet tarkistettu.")
    assertNotContains(response, "Mittarit päivitetty.")  # the current version's own note
    assertNotContains(response, MARK)


def test_the_earlier_versions_cost_one_query_whatever_their_number(
    client, region, plan, coordinator, django_assert_num_queries
):
    url = reverse("strategy:region_home", kwargs={"region": region.slug})
    current = plan["strategy"]
    for year in (2023, 2024):
        draft = revisions.start_revision(current, f"tarkistus {year}", coordinator)
        current = revisions.publish_draft(draft, dt.date(year, 1, 1), f"Muutos {year}", coordinator)
    # region, strategy, focus areas, indicators, values, upcoming events, earlier versions,
    # the region's profile (none here)
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200

    for year in (2025, 2026, 2027):
        draft = revisions.start_revision(current, f"tarkistus {year}", coordinator)
        current = revisions.publish_draft(draft, dt.date(year, 1, 1), f"Muutos {year}", coordinator)
    with django_assert_num_queries(8):
        response = client.get(url)
    assertContains(response, "Muutos 2026")
    assertContains(response, "Muutos 2023")


# --- The migration ------------------------------------------------------------------------

BEFORE_DRAFTS = [("strategy", "0004_plan_actions_and_projects")]


@pytest.mark.django_db(transaction=True)
def test_the_migration_dates_every_existing_version_by_its_creation():
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(BEFORE_DRAFTS)
        old = executor.loader.project_state(BEFORE_DRAFTS).apps
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        versions = old.get_model("strategy", "Strategy").objects
        for version, current in ((1, False), (2, False), (3, True)):
            versions.create(
                region=region,
                title="KASELO",
                start_year=2021,
                end_year=2027,
                version=version,
                is_current=current,
                vision="Visio",
            )
        versions.filter(version=1).update(created_at=dt.datetime(2021, 2, 1, 12, tzinfo=dt.UTC))
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())

    dated = dict(
        Strategy.objects.filter(region__slug="kaakkois-suomi").values_list(
            "version", "published_on"
        )
    )
    assert dated[1] == dt.date(2021, 2, 1)
    assert None not in dated.values()  # none of them is a draft
    assert not Strategy.objects.drafts().exists()
