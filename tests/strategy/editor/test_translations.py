"""The coordinator writes the plan in Swedish and English beside Finnish, and the translations
travel with it: every editing form has them side by side, a stale save of a translation is
refused like any other, a new version and its publication keep them, and the editor's own
pages show them in the page's language with the Finnish fallback marked."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains

from strategy import revisions
from strategy.models import Action, FocusArea, Goal, Indicator, Strategy
from tests.concurrency import form_data
from tests.factories import PASSWORD, ProjectFactory

pytestmark = pytest.mark.django_db


def editor_url(region, name, language="fi", **kwargs):
    with translation.override(language):
        return reverse(f"editor:{name}", kwargs={"region": region.slug, **kwargs})


def edit_forms(plan, region):
    """(URL name, its arguments, the translated fields the form must offer)."""
    project = ProjectFactory(region=region)
    return {
        "strategy": ("strategy_edit", {}, ["title", "vision", "values", "overall_goal"]),
        "focus_area": ("focus_area_edit", {"pk": plan["focus_area"].pk}, ["title", "description"]),
        "goal": ("goal_edit", {"pk": plan["goals"][0].pk}, ["title"]),
        "action": ("action_edit", {"pk": plan["actions"][0].pk}, ["title", "description"]),
        "indicator": ("indicator_edit", {"pk": plan["indicator"].pk}, ["title", "unit"]),
        "profile": ("profile_edit", {}, ["description", "network_history", "term"]),
        "project": ("project_edit", {"pk": project.pk}, ["name", "description"]),
    }


@pytest.mark.parametrize(
    "kind", ["strategy", "focus_area", "goal", "action", "indicator", "profile", "project"]
)
def test_every_editor_form_offers_the_swedish_and_english_beside_the_finnish(
    coordinator_client, region, plan, kind
):
    name, kwargs, fields = edit_forms(plan, region)[kind]

    response = coordinator_client.get(editor_url(region, name, **kwargs))

    assert response.status_code == 200
    for field in fields:
        for column in (field, f"{field}_sv", f"{field}_en"):
            assertContains(response, f'name="{column}"')
    assertContains(response, 'class="translated-field"', count=len(edit_forms_fields(kind)))


def edit_forms_fields(kind):
    """How many translated fields each form groups (all of the model's it edits)."""
    return {
        "strategy": Strategy.translated_fields,
        "focus_area": FocusArea.translated_fields,
        "goal": Goal.translated_fields,
        "action": Action.translated_fields,
        "indicator": Indicator.translated_fields,
        "profile": ("description", "network_history", "term", "meeting_rhythm"),
        "project": ("name", "description"),
    }[kind]


def test_a_long_text_gets_the_same_roomy_input_in_every_language(coordinator_client, region, plan):
    response = coordinator_client.get(
        editor_url(region, "focus_area_edit", pk=plan["focus_area"].pk)
    )

    form = response.context["form"]
    for column in ("title", "title_sv", "title_en"):
        assert form.fields[column].widget.attrs.get("rows") == 2, column


@pytest.fixture
def two_coordinators(coordinator):
    first, second = Client(), Client()
    first.force_login(coordinator)
    second.force_login(coordinator)
    return first, second


@pytest.mark.parametrize(
    ("kind", "field"),
    [("strategy", "vision_sv"), ("focus_area", "title_sv"), ("goal", "title_sv")],
)
def test_a_translation_saved_meanwhile_stops_the_other_persons_stale_save(
    two_coordinators, region, plan, kind, field
):
    name, kwargs, _fields = edit_forms(plan, region)[kind]
    url = editor_url(region, name, **kwargs)
    first, second = two_coordinators
    first_form, second_form = first.get(url), second.get(url)

    saved = first.post(url, form_data(first_form, **{field: "Svensk text A"}))
    assert saved.status_code == 302
    refused = second.post(url, form_data(second_form, **{field: "Svensk text B"}))

    assert refused.status_code == 200
    assertContains(refused, 'class="stale-changes"')
    assert refused.context["form"].stale_changes[0].current == "Svensk text A"
    row = {"strategy": plan["strategy"], "focus_area": plan["focus_area"]}.get(
        kind, plan["goals"][0]
    )
    row.refresh_from_db()
    assert getattr(row, field) == "Svensk text A"


def test_a_new_version_and_its_publication_keep_every_translation(region, plan, coordinator):
    strategy, focus_area = plan["strategy"], plan["focus_area"]
    Strategy.objects.filter(pk=strategy.pk).update(vision_sv="Visionen", objectives_en="Aims")
    FocusArea.objects.filter(pk=focus_area.pk).update(title_sv="Tillgänglighet")
    Goal.objects.filter(pk=plan["goals"][0].pk).update(title_en="A goal")
    Action.objects.filter(pk=plan["actions"][0].pk).update(description_sv="Beskrivning")
    Indicator.objects.filter(pk=plan["indicator"].pk).update(unit_sv="procent")
    strategy.refresh_from_db()

    draft = revisions.start_revision(strategy, "tarkistus 2026", coordinator)

    def kept(version):
        assert (version.vision_sv, version.objectives_en) == ("Visionen", "Aims")
        assert version.focus_areas.get().title_sv == "Tillgänglighet"
        goals = Goal.objects.filter(focus_area__strategy=version)
        assert sorted(goals.values_list("title_en", flat=True)) == ["", "A goal"]
        actions = Action.objects.filter(focus_area__strategy=version)
        assert actions.get(position=0).description_sv == "Beskrivning"
        assert version.indicators.get().unit_sv == "procent"

    kept(draft)
    revisions.publish_draft(draft, dt.date(2026, 1, 1), "Uusi versio", coordinator)
    published = Strategy.objects.get(pk=draft.pk)
    assert published.is_current
    kept(published)


def test_the_editor_shows_the_swedish_text_and_marks_what_lacks_a_translation(
    coordinator_client, region, plan
):
    FocusArea.objects.filter(pk=plan["focus_area"].pk).update(title_sv="Tillgänglig vägledning")
    Goal.objects.filter(pk=plan["goals"][0].pk).update(title_sv="Ett svenskt mål")

    swedish = coordinator_client.get(editor_url(region, "home", language="sv"))
    finnish = coordinator_client.get(editor_url(region, "home"))

    assertContains(swedish, "Tillgänglig vägledning")
    assertContains(swedish, "Ett svenskt mål")
    assertNotContains(swedish, plan["focus_area"].title)
    # The vision has no Swedish: shown in Finnish, marked so, with the marker beside it.
    vision = plan["strategy"].vision
    assertContains(swedish, f'<span lang="fi">{vision}</span>')
    assertContains(swedish, 'class="untranslated"')
    assertContains(finnish, plan["focus_area"].title)
    assertNotContains(finnish, "Tillgänglig vägledning")
    assertNotContains(finnish, '<span lang="fi">')
    assertNotContains(finnish, 'class="untranslated"')


# The journey of issue 17 -------------------------------------------------------------------


@pytest.fixture
def swedish_coordinator(coordinator):
    coordinator.language = "sv"
    coordinator.save(update_fields=["language"])
    return coordinator


def test_a_swedish_coordinator_writes_a_new_version_in_swedish_and_publishes_it(
    region, plan, swedish_coordinator
):
    client = Client()
    with translation.override("sv"):
        login_url = reverse("account_login")
    assert login_url.startswith("/sv/")
    signed_in = client.post(login_url, {"login": swedish_coordinator.email, "password": PASSWORD})
    assert signed_in.status_code == 302

    started = client.post(
        editor_url(region, "new_revision", language="sv"), {"version_label": "revision 2026"}
    )
    assert started.status_code == 302
    draft = Strategy.objects.get(region=region, version=2)

    header_url = editor_url(region, "strategy_edit", language="sv") + "?versio=luonnos"
    header = client.get(header_url)
    assertContains(header, '<html lang="sv">')
    saved = client.post(
        header_url, form_data(header, vision_sv="Ett livslångt vägledningsnätverk för alla")
    )
    assert saved.status_code == 302, saved.context["form"].errors

    focus_area = draft.focus_areas.get()
    focus_url = editor_url(region, "focus_area_edit", language="sv", pk=focus_area.pk)
    saved = client.post(
        focus_url, form_data(client.get(focus_url), title_sv="Vägledning som når alla")
    )
    assert saved.status_code == 302, saved.context["form"].errors

    goal = focus_area.goals.order_by("position", "pk").first()
    goal_url = editor_url(region, "goal_edit", language="sv", pk=goal.pk)
    saved = client.post(goal_url, form_data(client.get(goal_url), title_sv="Ett mål på svenska"))
    assert saved.status_code == 302, saved.context["form"].errors

    published = client.post(
        editor_url(region, "draft_publish", language="sv"),
        {"published_on": "2026-01-01", "change_note": "Svenska texter"},
    )
    assert published.status_code == 302
    draft.refresh_from_db()
    assert draft.is_current
    assert draft.vision_sv == "Ett livslångt vägledningsnätverk för alla"
    assert draft.vision == plan["strategy"].vision  # the Finnish record is untouched

    editor = client.get(editor_url(region, "home", language="sv"))
    assertContains(editor, "Ett livslångt vägledningsnätverk för alla")
    assertContains(editor, "Vägledning som når alla")
    assertContains(editor, "Ett mål på svenska")


def test_the_swedish_strategy_page_shows_the_published_swedish_texts(
    client, region, plan, coordinator
):
    draft = revisions.start_revision(plan["strategy"], "revision 2026", coordinator)
    Strategy.objects.filter(pk=draft.pk).update(vision_sv="Ett vägledningsnätverk för alla")
    FocusArea.objects.filter(strategy=draft).update(title_sv="Vägledning som når alla")
    revisions.publish_draft(draft, dt.date(2026, 1, 1), "Svenska texter", coordinator)

    with translation.override("sv"):
        swedish = client.get(reverse("strategy:region_home", kwargs={"region": region.slug}))
    finnish = client.get(reverse("strategy:region_home", kwargs={"region": region.slug}))

    assertContains(finnish, plan["strategy"].vision)
    assertNotContains(finnish, "Ett vägledningsnätverk för alla")
    assertContains(swedish, "Ett vägledningsnätverk för alla")
    assertContains(swedish, "Vägledning som når alla")
    assertNotContains(swedish, plan["focus_area"].title)
