"""The public list of accepted guidance actions, its filters and search, and an entry's page."""

import pytest
from pytest_django.asserts import assertContains, assertNotContains

from portal.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.factories import (
    FocusAreaFactory,
    GuidanceActionFactory,
    ProgressUpdateFactory,
    ProvinceFactory,
    guidance_channel,
    target_group,
)

pytestmark = pytest.mark.django_db

ACCEPTED = ReviewStatus.ACCEPTED


def listed_titles(response):
    return sorted(entry.title for entry in response.context["guidance_actions"])


def test_the_list_shows_only_the_regions_accepted_entries(client, kotka, mikkeli):
    GuidanceActionFactory(organisation=kotka, title="Hyväksytty", review_status=ACCEPTED)
    for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.RETURNED):
        GuidanceActionFactory(organisation=kotka, title=f"Kesken {status}", review_status=status)
    GuidanceActionFactory(organisation=mikkeli, title="Toisen alueen", review_status=ACCEPTED)

    response = client.get(url("list"))

    assert listed_titles(response) == ["Hyväksytty"]
    assertContains(response, "Ohjaustoimenpiteet")


@pytest.fixture
def catalogue(region, kotka, lut, focus_area):
    kymenlaakso = ProvinceFactory(region=region, name="Kymenlaakso")
    kotka.provinces.add(kymenlaakso)
    other_area = FocusAreaFactory(strategy=focus_area.strategy, number=2)
    first = GuidanceActionFactory(
        organisation=kotka, title="Kotkan urapäivä", year=2021, review_status=ACCEPTED
    )
    first.focus_areas.add(focus_area)
    first.target_groups.add(target_group("nuoret"))
    first.channels.add(guidance_channel("kasvokkain"))
    second = GuidanceActionFactory(
        organisation=lut,
        title="LUTin verkko-ohjaus",
        year=2022,
        status="done",
        review_status=ACCEPTED,
    )
    second.focus_areas.add(other_area)
    second.target_groups.add(target_group("opiskelijat"))
    second.channels.add(guidance_channel("verkossa"))
    return {"kymenlaakso": kymenlaakso, "focus_area": focus_area, "other_area": other_area}


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("year", lambda c, kotka: 2022, ["LUTin verkko-ohjaus"]),
        ("organisation", lambda c, kotka: kotka.pk, ["Kotkan urapäivä"]),
        ("province", lambda c, kotka: c["kymenlaakso"].pk, ["Kotkan urapäivä"]),
        ("focus_area", lambda c, kotka: c["other_area"].pk, ["LUTin verkko-ohjaus"]),
        ("status", lambda c, kotka: "done", ["LUTin verkko-ohjaus"]),
        ("target_group", lambda c, kotka: target_group("nuoret").pk, ["Kotkan urapäivä"]),
        ("channel", lambda c, kotka: guidance_channel("verkossa").pk, ["LUTin verkko-ohjaus"]),
    ],
)
def test_the_list_filters_by(client, catalogue, kotka, field, value, expected):
    response = client.get(url("list"), {field: value(catalogue, kotka)})

    assert listed_titles(response) == expected


def test_the_filters_offer_only_the_regions_organisations(client, catalogue, mikkeli):
    response = client.get(url("list"))

    assertContains(response, "LUT-yliopisto")
    assertNotContains(response, "Ohjaamo Mikkeli")


def test_finnish_full_text_search_finds_inflected_forms(client, kotka):
    GuidanceActionFactory(
        organisation=kotka,
        title="Jalkautuva ohjaus",
        description="Ohjaajat tavoittivat nuoria Ohjaamoissa ympäri Kymenlaaksoa.",
        review_status=ACCEPTED,
    )
    GuidanceActionFactory(
        organisation=kotka, title="Yritysvierailut", outcomes="Työnantajat", review_status=ACCEPTED
    )

    # The finnish snowball stemmer reduces "Ohjaamoissa" (in the Ohjaamos) to "ohjaamo".
    assert listed_titles(client.get(url("list"), {"q": "ohjaamo"})) == ["Jalkautuva ohjaus"]
    # Outcomes are searched too; an unknown word finds nothing.
    assert listed_titles(client.get(url("list"), {"q": "työnantajat"})) == ["Yritysvierailut"]
    assert listed_titles(client.get(url("list"), {"q": "kalastus"})) == []


def test_finnish_stemming_does_not_join_every_form_of_a_word(client, kotka):
    # What the finnish configuration really does: "ohjausta" stems to "ohjau" while
    # "ohjaus" stays "ohjaus", so a partitive is not found from the base form.
    GuidanceActionFactory(
        organisation=kotka,
        title="Urapäivä",
        description="Tarjosimme ohjausta.",
        review_status=ACCEPTED,
    )

    assert listed_titles(client.get(url("list"), {"q": "ohjausta"})) == ["Urapäivä"]
    assert listed_titles(client.get(url("list"), {"q": "ohjaustoimenpide"})) == []


def test_the_list_paginates_at_fifty(client, kotka):
    GuidanceActionFactory.create_batch(51, organisation=kotka, review_status=ACCEPTED)

    first = client.get(url("list"))
    second = client.get(url("list"), {"page": 2})

    assert len(first.context["guidance_actions"]) == 50
    assert len(second.context["guidance_actions"]) == 1


def add_list_rows(organisation, focus_area, count):
    for _ in range(count):
        entry = GuidanceActionFactory(organisation=organisation, review_status=ACCEPTED)
        entry.focus_areas.add(focus_area)


def test_the_list_query_count_does_not_grow_with_rows(
    client, kotka, focus_area, django_assert_num_queries
):
    add_list_rows(kotka, focus_area, 2)
    # region, the choices of organisation, province, focus area, target group and channel,
    # the paginator's count, the page of entries with organisations, their focus areas
    with django_assert_num_queries(9):
        assert client.get(url("list"), {"q": "ohjaustoimenpide"}).status_code == 200
    with django_assert_num_queries(9):
        assert client.get(url("list")).status_code == 200

    add_list_rows(kotka, focus_area, 20)
    with django_assert_num_queries(9):
        assert client.get(url("list")).status_code == 200


def test_an_entry_page_shows_the_progress_timeline(client, accepted):
    ProgressUpdateFactory(action=accepted, note="Kevään kiertue", figure=120, figure_label="nuorta")
    ProgressUpdateFactory(action=accepted, note="Syksyn kiertue", date="2021-10-01")

    response = client.get(accepted.get_absolute_url())

    assertContains(response, "<h1>Nuorten urapäivä</h1>", html=True)
    html = response.content.decode()
    assert html.index("Kevään kiertue") < html.index("Syksyn kiertue")
    assertContains(response, "<strong>120</strong> nuorta", html=True)
    assertNotContains(response, "/muokkaa/")


@pytest.mark.parametrize("status", ["draft", "submitted", "returned"])
def test_an_unpublished_entry_answers_404_to_outsiders(
    client, client_of, editor_of_other_organisation, editor_of_other_region, kotka, status
):
    entry = GuidanceActionFactory(organisation=kotka, review_status=status)

    assert client.get(entry.get_absolute_url()).status_code == 404
    assert client_of(editor_of_other_organisation).get(entry.get_absolute_url()).status_code == 404
    assert client_of(editor_of_other_region).get(entry.get_absolute_url()).status_code == 404


def test_an_unpublished_entry_is_shown_to_its_organisation_the_coordinator_and_national_team(
    client_of, editor, coordinator, national_team, draft
):
    for person in (editor, coordinator, national_team):
        assert client_of(person).get(draft.get_absolute_url()).status_code == 200


def test_an_entry_of_another_region_answers_404_under_this_region(client, mikkeli):
    entry = GuidanceActionFactory(organisation=mikkeli, review_status=ACCEPTED)

    assert client.get(url("detail", entry.pk)).status_code == 404
    assert client.get(url("detail", entry.pk, region="etela-savo")).status_code == 200


def test_the_organisation_page_lists_its_accepted_entries(client, kotka, accepted, draft):
    response = client.get(kotka.get_absolute_url())

    assertContains(response, f'href="{accepted.get_absolute_url()}"')
    assertNotContains(response, draft.title)


def test_the_list_of_an_unknown_region_answers_404(client):
    assert client.get(url("list", region="ei-ole")).status_code == 404


def test_an_unknown_organisation_in_the_filter_is_an_error_not_a_crash(client, catalogue):
    response = client.get(url("list"), {"organisation": 999999})

    assert response.status_code == 200
    assert "organisation" in response.context["filter"].errors


def test_an_organisation_of_another_region_cannot_be_chosen_as_filter(client, catalogue, mikkeli):
    response = client.get(url("list"), {"organisation": mikkeli.pk})

    assert "organisation" in response.context["filter"].errors
