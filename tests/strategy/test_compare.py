"""Comparing two versions of a region's strategy: what was added, removed and changed.

A revision copies each object with its ``lineage``; the comparison matches objects by it,
so a version revised and then edited compares as the edits, word by word.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext, override
from pytest_django.asserts import assertContains, assertNotContains

from lib.diff import Piece, word_diff
from strategy import revisions, services
from strategy.comparison import compare_versions
from strategy.models import Action, FocusArea, Goal, Indicator, Strategy
from tests.factories import (
    ActionFactory,
    FocusAreaFactory,
    GoalFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    NationalGoalFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def build_plan(strategy, kotka, areas=1, rows=3):
    """``areas`` focus areas, each with ``rows`` goals and actions, and ``rows`` indicators
    with two yearly values each; the first action linked to a goal and to Ohjaamo Kotka."""
    national_goal = NationalGoalFactory(number=1, title="Saavutettavasti ja asiakaslähtöisesti")
    for number in range(1, areas + 1):
        area = FocusAreaFactory(strategy=strategy, number=number, title=f"PAINOPISTE {number}")
        area.national_goals.set([national_goal])
        goals = [
            GoalFactory(focus_area=area, title=f"Tavoite {number}.{i}", position=i)
            for i in range(rows)
        ]
        for i in range(rows):
            action = ActionFactory(
                focus_area=area,
                title=f"Ohjaajien koulutus {number}.{i}",
                position=i,
                lead_organisation=kotka,
                start_date=dt.date(2023, 1, 1),
            )
            action.goals.set(goals[:1])
            action.responsible_organisations.set([kotka])
    for i in range(rows):
        indicator = IndicatorFactory(
            strategy=strategy,
            title=f"Työllisyysaste {i}",
            target=Decimal("75"),
            target_year=2027,
            position=i,
        )
        indicator.focus_areas.set(FocusArea.objects.filter(strategy=strategy))
        IndicatorValueFactory(indicator=indicator, year=2021, value=Decimal("70.1"))
        IndicatorValueFactory(indicator=indicator, year=2022, value=Decimal("72"))


@pytest.fixture
def revised(strategy, kotka, coordinator):
    """Version 1 with a plan, and version 2 started from it with four edits: a goal added,
    an action removed, an action's title changed, an indicator's target changed."""
    build_plan(strategy, kotka)
    new = services.start_revision(strategy, "tarkistus 2025", coordinator)
    area = new.focus_areas.get()
    GoalFactory(focus_area=area, title="Ohjaus tavoittaa nuoret", position=9)
    Action.objects.get(focus_area=area, position=2).delete()
    Action.objects.filter(focus_area=area, position=0).update(
        title="Ohjaajien yhteinen koulutus verkossa 1.0"
    )
    Indicator.objects.filter(strategy=new, title="Työllisyysaste 0").update(target=Decimal("80"))
    strategy.refresh_from_db()
    return strategy, new


@pytest.fixture
def published(revised, coordinator):
    """``revised`` with its draft published: both versions public."""
    old, new = revised
    revisions.publish_draft(new, dt.date(2025, 1, 15), "Tarkistus 2025", coordinator)
    old.refresh_from_db()
    new.refresh_from_db()
    return old, new


def compare_url(region, **params):
    url = reverse("strategy:compare_versions", kwargs={"region": region.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


# --- Lineage -----------------------------------------------------------------------------


def test_a_revision_copies_each_objects_lineage(strategy, kotka, coordinator):
    build_plan(strategy, kotka)

    new = services.start_revision(strategy, "tarkistus 2025", coordinator)

    for model, path in (
        (FocusArea, "strategy"),
        (Goal, "focus_area__strategy"),
        (Action, "focus_area__strategy"),
        (Indicator, "strategy"),
    ):
        old_rows = model.objects.filter(**{path: strategy})
        new_rows = model.objects.filter(**{path: new})
        old_lineages = set(old_rows.values_list("lineage", flat=True))
        assert len(old_lineages) == old_rows.count(), model  # each object its own
        assert set(new_rows.values_list("lineage", flat=True)) == old_lineages, model
        assert not set(old_rows.values_list("pk", flat=True)) & set(
            new_rows.values_list("pk", flat=True)
        )


def test_two_objects_of_one_version_cannot_share_a_lineage(strategy):
    from django.db import IntegrityError

    first = FocusAreaFactory(strategy=strategy, number=1)

    with pytest.raises(IntegrityError):
        FocusAreaFactory(strategy=strategy, number=2, lineage=first.lineage)


# --- The service -------------------------------------------------------------------------


def test_words_are_diffed_whole():
    assert word_diff("Ohjaajien koulutus 1.0", "Ohjaajien yhteinen koulutus verkossa 1.0") == (
        Piece("same", "Ohjaajien "),
        Piece("insert", "yhteinen"),
        Piece("same", " koulutus "),
        Piece("insert", "verkossa"),
        Piece("same", " 1.0"),
    )
    # Spacing alone is no change; the shared words keep the new text's spacing.
    assert word_diff("tavoite  A", "tavoite B") == (
        Piece("same", "tavoite "),
        Piece("delete", "A"),
        Piece("insert", "B"),
    )
    assert word_diff("Ohjaamo\nKotka", "Ohjaamo Kotka") == (Piece("same", "Ohjaamo Kotka"),)


def test_a_revision_compares_as_its_edits(revised):
    old, new = revised

    comparison = compare_versions(old, new)

    assert comparison.header == ()
    assert comparison.focus_areas.count == 0
    assert [item.title for item in comparison.goals.added] == ["Ohjaus tavoittaa nuoret"]
    assert comparison.goals.added[0].place == "1. PAINOPISTE 1"
    assert (comparison.goals.removed, comparison.goals.changed) == ((), ())
    assert [item.title for item in comparison.actions.removed] == ["Ohjaajien koulutus 1.2"]
    assert comparison.actions.added == ()
    [changed_action] = comparison.actions.changed
    assert changed_action.item.title == "Ohjaajien yhteinen koulutus verkossa 1.0"
    [title] = changed_action.changes
    assert (title.old, title.new) == ("Ohjaajien koulutus 1.0", title.new)
    assert [s.text.strip() for s in title.words if s.kind != "same"] == [
        "yhteinen",
        "verkossa",
    ]
    [changed_indicator] = comparison.indicators.changed
    assert changed_indicator.item.title == "Työllisyysaste 0"
    [target] = changed_indicator.changes
    assert (target.old, target.new) == ("75 (2027)", "80 (2027)")
    assert (comparison.indicators.added, comparison.indicators.removed) == ((), ())


def test_the_strategys_own_fields_and_an_actions_links_are_compared(
    strategy, kotka, lut, coordinator
):
    build_plan(strategy, kotka)
    new = services.start_revision(strategy, "tarkistus 2025", coordinator)
    Strategy.objects.filter(pk=new.pk).update(
        vision="Muutoskyvykäs ELO-verkosto asiakkaan parhaaksi", values="osaaminen, luottamus"
    )
    new.refresh_from_db()
    action = Action.objects.get(focus_area__strategy=new, position=1)
    action.responsible_organisations.add(lut)
    Action.objects.filter(pk=action.pk).update(status=Action.Status.DONE)

    comparison = compare_versions(strategy, new)

    with override("en"):
        labels = {change.label: change for change in compare_versions(strategy, new).header}
    assert set(labels) == {"Vision", "Values"}
    assert labels["Values"].words[0] == Piece("delete", "asiakaslähtöisyys,")
    [changed] = comparison.actions.changed
    changes = {change.label: change for change in changed.changes}
    assert len(changes) == 2
    responsibles = next(c for c in changed.changes if "LUT" in c.new)
    assert responsibles.new == "LUT-yliopisto, Ohjaamo Kotka"
    assert Piece("insert", "LUT-yliopisto,") in responsibles.words


def test_comparing_a_version_with_itself_is_refused(strategy):
    with pytest.raises(ValueError, match="another version"):
        compare_versions(strategy, strategy)


@pytest.mark.parametrize("size", [(1, 1), (3, 4)])
def test_the_comparison_takes_ten_queries_whatever_the_plan(
    size, strategy, kotka, coordinator, django_assert_num_queries
):
    build_plan(strategy, kotka, areas=size[0], rows=size[1])
    new = services.start_revision(strategy, "tarkistus 2025", coordinator)
    Action.objects.filter(focus_area__strategy=new).update(status=Action.Status.DONE)

    # Focus areas and their national goals and key measures; goals; actions, their
    # responsible organisations and goals; indicators and their yearly values and focus areas.
    with django_assert_num_queries(10):
        comparison = compare_versions(strategy, new)

    assert len(comparison.actions.changed) == size[0] * size[1]


# --- The page ----------------------------------------------------------------------------


def test_the_page_marks_changed_words_for_the_eye_and_the_ear(client, region, published):
    response = client.get(compare_url(region, a=1, b=2))

    assert response.status_code == 200
    assert response.context["comparison"].actions.removed
    added = gettext("added:")
    assertContains(
        response,
        f'<ins><span class="visually-hidden">{added} </span>yhteinen</ins>',
        html=True,
    )
    assertContains(
        response, f'<del><span class="visually-hidden">{gettext("removed:")} </span>75</del>'
    )
    assertContains(response, "Ohjaus tavoittaa nuoret")
    assertContains(response, 'class="card change change--removed"', count=1)


def test_without_a_choice_the_page_compares_the_current_version_with_its_predecessor(
    client, region, published
):
    response = client.get(compare_url(region))

    comparison = response.context["comparison"]
    assert (comparison.old.version, comparison.new.version) == (1, 2)
    assertContains(response, '<option value="2" selected>')


def test_a_region_with_one_version_is_told_there_is_nothing_to_compare(client, region, strategy):
    response = client.get(compare_url(region))

    assert response.status_code == 200
    assert response.context["comparison"] is None
    assertNotContains(response, 'name="a"')


@pytest.mark.parametrize(
    "params",
    [{"a": 1, "b": 9}, {"a": 9, "b": 1}, {"a": 1, "b": 3}],
    ids=["unknown-new", "unknown-old", "another-regions"],
)
def test_a_version_the_region_does_not_have_is_not_found(
    client, region, published, etela_savo, params
):
    StrategyFactory(region=etela_savo, version=3)

    response = client.get(compare_url(region, **params))

    assert response.status_code == 404


def test_another_regions_versions_are_not_found_under_its_name(client, etela_savo, published):
    # Etelä-Savo has no versions of its own; KASELO's 1 and 2 are not read under its name.
    response = client.get(compare_url(etela_savo, a=1, b=2))

    assert response.status_code == 404


def test_an_unknown_region_is_not_found(client, published):
    response = client.get("/ei-aluetta/versiot/vertaa/?a=1&b=2")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"a": "abc", "b": 2}, "Choose a version from the list."),
        ({"a": 0, "b": 2}, "Choose a version from the list."),
        ({"a": 1}, "Choose a version from the list."),
        ({"a": 2, "b": 2}, "Choose two different versions."),
    ],
    ids=["not-a-number", "zero", "one-missing", "the-same-twice"],
)
def test_a_bad_choice_gets_the_form_back_with_a_finnish_message(
    client, region, published, params, message
):
    response = client.get(compare_url(region, **params))

    assert response.status_code == 200
    assert response.context["comparison"] is None
    with override("fi"):
        assertContains(response, gettext(message))
    assertContains(response, 'class="error-summary"')


def test_the_page_takes_the_same_queries_whatever_the_plan(
    client, region, strategy, kotka, coordinator, django_assert_max_num_queries
):
    build_plan(strategy, kotka, areas=3, rows=5)
    new = services.start_revision(strategy, "tarkistus 2025", coordinator)
    Action.objects.filter(focus_area__strategy=new).update(status=Action.Status.DONE)
    revisions.publish_draft(new, dt.date(2025, 1, 15), "Tarkistus 2025", coordinator)

    # The region with its content versions, the versions, the comparison's ten.
    with django_assert_max_num_queries(12):
        response = client.get(compare_url(region, a=1, b=2))

    assert len(response.context["comparison"].actions.changed) == 15


def test_a_version_links_to_what_changed_since_its_predecessor(client, region, published):
    response = client.get(
        reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 2})
    )

    assertContains(response, compare_url(region, a=1, b=2).replace("&", "&amp;"))


def test_the_editor_links_to_the_comparison(client_of, coordinator, region, revised, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False

    response = client_of(coordinator).get(reverse("editor:home", kwargs={"region": region.slug}))

    assertContains(response, compare_url(region))


def test_a_draft_is_compared_for_its_coordinators_only(
    client, client_of, coordinator, region, revised
):
    """Until it is published the draft is no version to the public: its number is not found."""
    assert client.get(compare_url(region, a=1, b=2)).status_code == 404
    assert client.get(compare_url(region)).context["comparison"] is None

    response = client_of(coordinator).get(compare_url(region, a=1, b=2))

    assert response.status_code == 200
    assert response.context["comparison"].actions.removed
