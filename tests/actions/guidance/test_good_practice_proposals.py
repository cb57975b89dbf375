"""Good practices: an organisation proposes, the coordinator publishes with the next number."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import GoodPractice
from tests.factories import GoodPracticeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def propose_url(region="kaakkois-suomi"):
    return reverse("actions:good_practice_propose", args=[region])


def publish_url(practice):
    return reverse("actions:good_practice_publish", args=[practice.region.slug, practice.pk])


def test_an_editor_proposes_a_practice_for_their_organisation(client_of, editor, kotka, focus_area):
    response = client_of(editor).post(
        propose_url(),
        {
            "organisation": kotka.pk,
            "title": "Kaakon OPO-tiimi",
            "description": "Opinto-ohjaajien yhteinen tiimi.",
            "focus_areas": [focus_area.pk],
        },
    )

    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert practice.is_published is False
    assert practice.number is None
    assert practice.proposed_by == kotka
    assert list(practice.organisations.all()) == [kotka]
    assert list(practice.focus_areas.all()) == [focus_area]


def test_an_editor_cannot_propose_for_another_organisation(client_of, editor, lut):
    response = client_of(editor).post(
        propose_url(), {"organisation": lut.pk, "title": "Vieras", "description": "Ei"}
    )

    assert response.status_code == 200
    assert response.context["form"].has_error("organisation", "invalid_choice")
    assert not GoodPractice.objects.exists()


def test_a_proposal_without_a_description_is_refused(client_of, editor, kotka):
    response = client_of(editor).post(propose_url(), {"organisation": kotka.pk, "title": "Otsikko"})

    assertContains(response, "Tämä kenttä vaaditaan.")
    assert not GoodPractice.objects.exists()


def test_only_people_who_may_log_can_propose(
    client, client_of, editor_of_other_region, national_team, region
):
    assert client.get(propose_url()).status_code == 302
    assert client_of(editor_of_other_region).get(propose_url()).status_code == 404
    assert client_of(national_team).get(propose_url()).status_code == 403


def test_publishing_gives_the_next_number_of_the_region(
    client_of, coordinator, region, kotka, etela_savo
):
    GoodPracticeFactory(region=region, number=12)
    GoodPracticeFactory(region=etela_savo, number=40)
    first = GoodPracticeFactory(region=region, number=None, is_published=False, proposed_by=kotka)
    second = GoodPracticeFactory(region=region, number=None, is_published=False, proposed_by=kotka)
    client = client_of(coordinator)

    client.post(publish_url(second))
    client.post(publish_url(first))

    first.refresh_from_db()
    second.refresh_from_db()
    assert (second.number, first.number) == (13, 14)
    assert first.is_published
    assert second.is_published


def test_publishing_twice_says_so_and_keeps_the_number(client_of, coordinator, region):
    practice = GoodPracticeFactory(region=region, number=3)

    response = client_of(coordinator).post(publish_url(practice), follow=True)

    assertContains(response, "on jo julkaistu")
    practice.refresh_from_db()
    assert practice.number == 3


def test_only_the_regions_coordinator_publishes(
    client_of, editor, coordinator_of_other_region, region
):
    practice = GoodPracticeFactory(region=region, number=None, is_published=False)

    assert client_of(editor).post(publish_url(practice)).status_code == 403
    assert client_of(coordinator_of_other_region).post(publish_url(practice)).status_code == 404
    practice.refresh_from_db()
    assert practice.is_published is False


def test_the_catalogue_shows_published_practices_by_number_and_a_numberless_one_last(
    client, region
):
    GoodPracticeFactory(region=region, number=2, title="Toinen")
    GoodPracticeFactory(region=region, number=None, title="Numeroton")
    GoodPracticeFactory(region=region, number=1, title="Ensimmäinen")
    GoodPracticeFactory(region=region, number=None, is_published=False, title="Ehdotus")

    response = client.get(reverse("actions:good_practice_list", args=[region.slug]))

    titles = [practice.title for practice in response.context["good_practices"]]
    assert titles == ["Ensimmäinen", "Toinen", "Numeroton"]
    assertNotContains(response, "Ehdotus")


def test_proposals_appear_in_the_review_queue(client_of, coordinator, region):
    organisation = OrganisationFactory(region=region, name="Saimaan ammattiopisto Sampo")
    GoodPracticeFactory(
        region=region,
        number=None,
        is_published=False,
        proposed_by=organisation,
        title="Sammon ohjausmalli",
    )

    response = client_of(coordinator).get(reverse("review:queue", args=[region.slug]))

    assertContains(response, "Sammon ohjausmalli")
    assertContains(response, "Saimaan ammattiopisto Sampo")
