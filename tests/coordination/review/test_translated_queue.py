"""The review queue in Swedish: an event's and a proposed good practice's Swedish titles
where written, the Finnish ones marked lang="fi" where not, none of it inside an attribute."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal.review import ReviewStatus
from tests.factories import EventFactory, GoodPracticeFactory
from tests.translated_pages import assert_no_misplaced_markup, swedish_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def waiting(region, kotka, focus_area):
    focus_area.title_sv = "VÄGLEDNINGENS TILLGÄNGLIGHET"
    focus_area.save()
    EventFactory(
        region=region,
        title="Verkostokokous",
        title_sv="Nätverksmöte",
        review_status=ReviewStatus.SUBMITTED,
    )
    EventFactory(region=region, title="Ohjaamotapaaminen", review_status=ReviewStatus.SUBMITTED)
    proposal = GoodPracticeFactory(
        region=region,
        number=None,
        is_published=False,
        proposed_by=kotka,
        title="Kaakon OPO-tiimi",
        description="Opinto-ohjaajat tapaavat.",
    )
    proposal.focus_areas.add(focus_area)


def test_the_swedish_review_queue_shows_swedish_titles_and_marks_the_finnish_ones(
    client_of, coordinator, waiting
):
    response = client_of(coordinator).get(swedish_url("review:queue", region="kaakkois-suomi"))
    html = response.content.decode()

    assertContains(response, ">Nätverksmöte</a>")
    assertContains(response, '<span lang="fi">Ohjaamotapaaminen</span>')
    assertContains(response, '<span class="visually-hidden">: <span lang="fi">Ohjaamotapaaminen')
    assertContains(response, '<span lang="fi">Kaakon OPO-tiimi</span>')
    assertContains(response, '<div lang="fi"><p>Opinto-ohjaajat tapaavat.</p></div>')
    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET")
    assert_no_misplaced_markup(html)


def test_the_finnish_review_queue_is_unchanged(client_of, coordinator, waiting):
    response = client_of(coordinator).get(reverse("review:queue", args=["kaakkois-suomi"]))

    assertContains(response, ">Verkostokokous</a>")
    assertContains(response, "1. OHJAUSPALVELUN SAAVUTETTAVUUS")
    assertNotContains(response, "Nätverksmöte")
    assertNotContains(response, '<span lang="fi">')
