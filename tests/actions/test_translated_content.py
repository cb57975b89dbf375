"""Good practices and guidance actions in Swedish: a practice's Swedish title and text
where written, the Finnish ones marked lang="fi" where not, the lookups' Swedish names on
the pages and as the form's checkbox labels, and the Finnish pages as before."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from portal.review import ReviewStatus
from tests.factories import (
    GoodPracticeFactory,
    GuidanceActionFactory,
    guidance_channel,
    target_group,
)
from tests.translated_pages import assert_no_misplaced_markup, page_title, swedish_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices(region, focus_area):
    focus_area.title_sv = "VÄGLEDNINGENS TILLGÄNGLIGHET"
    focus_area.save()
    translated = GoodPracticeFactory(
        region=region,
        number=1,
        title="Kaakon OPO-tiimi",
        title_sv="Sydöstra Finlands studiehandledarteam",
        description="Opinto-ohjaajat tapaavat kuukausittain.",
        description_sv="Studiehandledarna träffas varje månad.",
    )
    translated.focus_areas.add(focus_area)
    untranslated = GoodPracticeFactory(
        region=region,
        number=2,
        title="Työelämäyhteistyöpajat",
        description="Pajat kokoavat koulut ja yritykset.\n\nKaksi kertaa vuodessa.",
    )
    return translated, untranslated


def test_the_swedish_good_practices_show_swedish_text_and_mark_the_finnish_fallback(
    client, practices
):
    response = client.get(swedish_url("actions:good_practice_list", region="kaakkois-suomi"))
    html = response.content.decode()

    assertContains(response, "1. Sydöstra Finlands studiehandledarteam")
    assertContains(response, "<p>Studiehandledarna träffas varje månad.</p>")
    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET")
    assertContains(response, '2. <span lang="fi">Työelämäyhteistyöpajat</span>')
    assertContains(
        response,
        '<div lang="fi"><p>Pajat kokoavat koulut ja yritykset.</p>\n\n'
        "<p>Kaksi kertaa vuodessa.</p></div>",
    )
    assertNotContains(response, "Kaakon OPO-tiimi")
    assert_no_misplaced_markup(html)


def test_the_finnish_good_practices_are_unchanged(client, practices):
    response = client.get(reverse("actions:good_practice_list", args=["kaakkois-suomi"]))

    assertContains(response, "1. Kaakon OPO-tiimi")
    assertContains(response, "<p>Opinto-ohjaajat tapaavat kuukausittain.</p>")
    assertContains(response, "1. OHJAUSPALVELUN SAAVUTETTAVUUS")
    assertNotContains(response, "Sydöstra Finlands")
    assertNotContains(response, '<span lang="fi">')
    assertNotContains(response, '<div lang="fi">')


@pytest.fixture
def swedish_lookups():
    youth = target_group("nuoret")
    youth.name_sv = "Unga"
    youth.save()
    online = guidance_channel("verkossa")
    online.name_sv = "På nätet"
    online.save()
    # The reference data names every lookup in Swedish; the unemployed lose theirs here.
    unemployed = target_group("tyottomat")
    unemployed.name_sv = ""
    unemployed.save()
    return youth, online


def test_a_swedish_guidance_action_page_names_its_lookups_and_focus_areas_in_swedish(
    client, kotka, focus_area, swedish_lookups
):
    youth, online = swedish_lookups
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.ACCEPTED)
    entry.focus_areas.add(focus_area)
    entry.target_groups.add(youth, target_group("tyottomat"))
    entry.channels.add(online)
    focus_area.title_sv = "VÄGLEDNINGENS TILLGÄNGLIGHET"
    focus_area.save()

    response = client.get(swedish_url("guidance:detail", region="kaakkois-suomi", pk=entry.pk))

    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET")
    assertContains(response, "Unga, ")
    # The unemployed have no Swedish name yet: Finnish, marked.
    assertContains(response, f'<span lang="fi">{target_group("tyottomat").name}</span>')
    assertContains(response, "På nätet")
    assert_no_misplaced_markup(response.content.decode())


def test_the_swedish_guidance_form_labels_its_checkboxes_in_swedish_without_markup(
    client_of, editor, kotka, focus_area, swedish_lookups
):
    focus_area.title_sv = "VÄGLEDNINGENS TILLGÄNGLIGHET"
    focus_area.save()

    response = client_of(editor).get(
        swedish_url("guidance:add", region="kaakkois-suomi", organisation=kotka.slug)
    )
    html = response.content.decode()

    assertContains(response, "Unga</label>")
    assertContains(response, "På nätet</label>")
    assertContains(response, "1. VÄGLEDNINGENS TILLGÄNGLIGHET</label>")
    # A lookup without a Swedish name is labelled in Finnish, as plain text.
    assertContains(response, f"{target_group('tyottomat').name}</label>")
    assert '<span lang="fi">' not in html
    assert_no_misplaced_markup(html)


def test_the_swedish_guidance_list_filters_offer_the_swedish_names(client, region, swedish_lookups):
    response = client.get(swedish_url("guidance:list", region="kaakkois-suomi"))

    assertContains(response, ">Unga</option>")
    assertContains(response, ">På nätet</option>")
    assert_no_misplaced_markup(response.content.decode())


def test_a_proposal_page_title_and_heading_stay_plain_in_swedish(client, practices):
    response = client.get(swedish_url("actions:good_practice_list", region="kaakkois-suomi"))

    assert "<span" not in page_title(response.content.decode())
