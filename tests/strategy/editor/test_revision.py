"""A new version of the strategy copies everything into a draft; published, it becomes current
and the old one stays readable."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.models import Region
from strategy import services
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    KeyMeasure,
    NationalGoal,
    Strategy,
)
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaselo_demo(db):
    """KASELO's plan as load_demo loads it from the seeds, and a coordinator of it."""
    call_command("load_demo", stdout=StringIO())
    region = Region.objects.get(slug="kaakkois-suomi")
    return region, CoordinatorFactory(region=region).user


def start(client, region, label="tarkistus 2025"):
    return client.post(
        reverse("editor:new_revision", kwargs={"region": region.slug}), {"version_label": label}
    )


def publish(client, region, note="Painopisteet tarkistettu"):
    return client.post(
        reverse("editor:draft_publish", kwargs={"region": region.slug}),
        {"published_on": "2025-03-01", "change_note": note},
    )


def test_the_revision_page_suggests_a_name_and_explains_the_copy(coordinator_client, region, plan):
    response = coordinator_client.get(
        reverse("editor:new_revision", kwargs={"region": region.slug})
    )

    assertContains(response, 'value="tarkistus ')


def test_a_new_version_is_a_draft_with_copies_of_everything(coordinator_client, region, plan):
    old = plan["strategy"]
    old_goal_ids = set(Goal.objects.values_list("pk", flat=True))
    plan["focus_area"].national_goals.set(NationalGoal.objects.filter(number__in=[2, 6]))
    plan["focus_area"].key_measures.set(KeyMeasure.objects.filter(number__in=[4, 5]))

    response = start(coordinator_client, region)

    assert response.status_code == 302
    assert response.url.endswith("?versio=luonnos")
    old.refresh_from_db()
    new = Strategy.objects.get(region=region, version=2)
    assert old.is_current
    assert new.is_draft
    assert (new.version, new.version_label, new.previous) == (2, "tarkistus 2025", old)
    assert new.vision == old.vision

    focus_area = new.focus_areas.get()
    assert focus_area.pk != plan["focus_area"].pk
    assert focus_area.title == plan["focus_area"].title
    assert list(focus_area.national_goals.all()) == list(plan["focus_area"].national_goals.all())
    assert list(focus_area.key_measures.all()) == list(plan["focus_area"].key_measures.all())
    assert focus_area.key_measures.count() == 2
    assert focus_area.goals.count() == 2
    assert not set(focus_area.goals.values_list("pk", flat=True)) & old_goal_ids

    actions = list(Action.objects.filter(focus_area=focus_area))
    assert [a.title for a in actions] == ["Ensimmäinen", "Toinen", "Kolmas"]
    first = actions[0]
    assert [g.focus_area_id for g in first.goals.all()] == [focus_area.pk]
    assert [g.title for g in first.goals.all()] == [plan["goals"][0].title]
    assert list(first.responsible_organisations.all()) == [plan["organisation"]]

    indicator = new.indicators.get()
    assert list(indicator.focus_areas.all()) == [focus_area]
    assert list(indicator.values.values_list("year", flat=True)) == [2022]
    # The old version keeps its own rows.
    assert plan["indicator"].focus_areas.get() == plan["focus_area"]
    assert Indicator.objects.count() == 2


def test_editing_the_new_version_leaves_the_old_as_it_was(coordinator_client, region, plan):
    start(coordinator_client, region)
    new_area = FocusArea.objects.get(strategy__version=2)

    coordinator_client.post(
        reverse("editor:focus_area_edit", kwargs={"region": region.slug, "pk": new_area.pk}),
        {"number": 1, "title": "UUSI OTSIKKO"},
    )

    plan["focus_area"].refresh_from_db()
    assert plan["focus_area"].title == "OHJAUSPALVELUN SAAVUTETTAVUUS"
    new_area.refresh_from_db()
    assert new_area.title == "UUSI OTSIKKO"


def test_the_old_version_stays_readable_at_its_url_and_the_home_shows_the_new(
    client, coordinator_client, region, plan
):
    start(coordinator_client, region)
    new_area = FocusArea.objects.get(strategy__version=2)
    new_area.title = "UUSI OTSIKKO"
    new_area.save()
    publish(coordinator_client, region)

    old_page = client.get(
        reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1})
    )
    assertContains(old_page, "OHJAUSPALVELUN SAAVUTETTAVUUS")
    assertContains(old_page, "Ensimmäinen")
    assertContains(old_page, "Ohjaamo Kotka")
    assertContains(old_page, "aiempi versio")
    assertNotContains(old_page, "UUSI OTSIKKO")

    home = client.get(reverse("strategy:region_home", kwargs={"region": region.slug}))
    assertContains(home, "UUSI OTSIKKO")
    assertContains(home, "tarkistus 2025")


def test_only_the_current_version_can_be_revised(region, plan, coordinator):
    services.start_revision(plan["strategy"], "tarkistus 2025", coordinator)

    with pytest.raises(services.PlanError):
        services.start_revision(plan["strategy"], "tarkistus 2026", coordinator)

    assert Strategy.objects.filter(region=region).count() == 2


def test_the_version_page_query_count_does_not_grow_with_rows(
    client, region, plan, django_assert_num_queries
):
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1})
    # region, strategy, focus areas, national goals, key measures, goals, actions with lead,
    # responsible organisations
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200

    Action.objects.create(focus_area=plan["focus_area"], title="Neljäs", position=4)
    Goal.objects.create(focus_area=plan["focus_area"], title="Kolmas tavoite")
    with django_assert_num_queries(8):
        assert client.get(url).status_code == 200


def test_an_unknown_version_answers_404(client, region, plan):
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 9})

    assert client.get(url).status_code == 404


def test_the_demo_plan_of_kaselo_can_be_edited_and_revised_whole(client, kaselo_demo):
    region, coordinator = kaselo_demo
    old = Strategy.objects.get(region=region, is_current=True)
    counts = {
        "focus areas": FocusArea.objects.filter(strategy=old).count(),
        "goals": Goal.objects.filter(focus_area__strategy=old).count(),
        "actions": Action.objects.filter(focus_area__strategy=old).count(),
        "indicators": Indicator.objects.filter(strategy=old).count(),
    }
    client.force_login(coordinator)
    assert client.get(reverse("editor:home", kwargs={"region": region.slug})).status_code == 200

    start(client, region)

    new = Strategy.objects.get(region=region, version=old.version + 1)
    assert {
        "focus areas": FocusArea.objects.filter(strategy=new).count(),
        "goals": Goal.objects.filter(focus_area__strategy=new).count(),
        "actions": Action.objects.filter(focus_area__strategy=new).count(),
        "indicators": Indicator.objects.filter(strategy=new).count(),
    } == counts
    assert counts["focus areas"] == 5
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": old.version})
    assert client.get(url).status_code == 200
