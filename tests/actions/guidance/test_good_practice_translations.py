"""A good practice is proposed with its title and description in Swedish and English too."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from actions.models import GoodPractice

pytestmark = pytest.mark.django_db


def test_a_proposal_keeps_its_swedish_and_english_beside_the_finnish(
    client_of, editor, kotka, focus_area
):
    url = reverse("actions:good_practice_propose", args=["kaakkois-suomi"])
    client = client_of(editor)
    opened = client.get(url)
    assertContains(opened, 'name="title_sv"')
    assertContains(opened, 'name="description_en"')

    response = client.post(
        url,
        {
            "organisation": kotka.pk,
            "title": "Kaakon OPO-tiimi",
            "title_sv": "Studiehandledarnas team",
            "description": "Opinto-ohjaajien yhteinen tiimi.",
            "description_en": "A team of study counsellors.",
            "focus_areas": [focus_area.pk],
        },
    )

    assert response.status_code == 302
    practice = GoodPractice.objects.get()
    assert (practice.title_sv, practice.description_en) == (
        "Studiehandledarnas team",
        "A team of study counsellors.",
    )
