"""The organisation directory and an organisation's own page."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.models import Organisation
from portal.review import ReviewStatus
from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    FundingLineFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    OrganisationFactory,
    ProjectFactory,
    ProvinceFactory,
    RegionFactory,
    StrategyFactory,
)

pytestmark = pytest.mark.django_db


def directory_url(region_slug="kaakkois-suomi"):
    return reverse("network:organisation_list", kwargs={"region": region_slug})


def listed_names(response):
    return [organisation.name for organisation in response.context["object_list"]]


@pytest.fixture
def provinces(region):
    return (
        ProvinceFactory(region=region, name="Etelä-Karjala", slug="etela-karjala"),
        ProvinceFactory(region=region, name="Kymenlaakso", slug="kymenlaakso"),
    )


@pytest.fixture
def organisation(region, provinces):
    return OrganisationFactory(
        region=region,
        name="Kaakkois-Suomen ELY-keskus",
        slug="kaakkois-suomen-ely-keskus",
        abbreviation="KASELY",
        kind=Organisation.Kind.STATE_AGENCY,
        sector=Organisation.Sector.PUBLIC,
        provinces=provinces,
    )


def test_directory_lists_the_regions_active_organisations_in_finnish(client, region, organisation):
    OrganisationFactory(region=region, name="Lakkautettu säätiö", active=False)
    OrganisationFactory(name="Toisen alueen organisaatio")

    response = client.get(directory_url())

    assertContains(response, "<h1>Jäsenorganisaatiot</h1>", html=True)
    assertContains(response, "Organisaatiot")
    assertContains(response, "Kaakkois-Suomen ELY-keskus")
    assertContains(response, "Valtion virasto")
    assertContains(response, "Julkinen sektori")
    assertContains(response, "Etelä-Karjala, Kymenlaakso")
    assertContains(response, f'href="{organisation.get_absolute_url()}"')
    assert listed_names(response) == ["Kaakkois-Suomen ELY-keskus"]


def test_directory_has_labelled_filters_for_province_kind_and_sector(client, organisation):
    response = client.get(directory_url())

    assertContains(response, '<label for="id_province">Maakunta</label>', html=True)
    assertContains(response, '<label for="id_kind">Tyyppi</label>', html=True)
    assertContains(response, '<label for="id_sector">Sektori</label>', html=True)
    assertContains(response, "Kaikki maakunnat")


def test_directory_filters_by_province(client, region, provinces, organisation):
    etela_karjala, kymenlaakso = provinces
    OrganisationFactory(region=region, name="Ohjaamo Imatra", provinces=[etela_karjala])
    OrganisationFactory(region=region, name="Ohjaamo Kotka", provinces=[kymenlaakso])

    response = client.get(directory_url(), {"province": kymenlaakso.pk})

    assert listed_names(response) == ["Kaakkois-Suomen ELY-keskus", "Ohjaamo Kotka"]


def test_directory_filters_by_kind(client, region, organisation):
    OrganisationFactory(region=region, name="Ohjaamo Kotka", kind=Organisation.Kind.OHJAAMO)

    response = client.get(directory_url(), {"kind": "ohjaamo"})

    assert listed_names(response) == ["Ohjaamo Kotka"]


def test_directory_filters_by_sector(client, region, organisation):
    OrganisationFactory(region=region, name="SAK", sector=Organisation.Sector.THIRD)
    OrganisationFactory(region=region, name="Yritys Oy", sector=Organisation.Sector.PRIVATE)

    response = client.get(directory_url(), {"sector": "third"})

    assert listed_names(response) == ["SAK"]


def test_directory_offers_only_the_regions_own_provinces(client, region, provinces):
    ProvinceFactory(name="Lappi")

    response = client.get(directory_url())

    assertContains(response, "Kymenlaakso")
    assertNotContains(response, "Lappi")


def test_directory_paginates_at_fifty_and_keeps_the_filters_in_page_links(client, region):
    OrganisationFactory.create_batch(51, region=region, kind=Organisation.Kind.OHJAAMO)
    OrganisationFactory(region=region, kind=Organisation.Kind.UNION)

    first = client.get(directory_url(), {"kind": "ohjaamo"})
    second = client.get(directory_url(), {"kind": "ohjaamo", "page": 2})

    assert len(first.context["object_list"]) == 50
    assertContains(first, "51 organisaatiota")
    assertContains(first, 'href="?kind=ohjaamo&amp;page=2"')
    assert len(second.context["object_list"]) == 1


def test_directory_of_an_unknown_region_answers_404(client, region):
    assert client.get(directory_url("ei-ole")).status_code == 404


def add_directory_rows(region, provinces, count):
    for _ in range(count):
        OrganisationFactory(region=region, provinces=provinces)


def test_directory_query_count_does_not_grow_with_rows(
    client, region, provinces, django_assert_num_queries
):
    url = directory_url()
    add_directory_rows(region, provinces, 3)
    # region, province choices of the filter, count for the paginator, the page of
    # organisations, their provinces
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200

    add_directory_rows(region, provinces, 30)
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200


@pytest.fixture
def focus_area(region):
    return FocusAreaFactory(
        strategy=StrategyFactory(region=region), number=2, title="MONIALAISEN YHTEISTYÖN"
    )


def test_organisation_page_shows_its_details_in_finnish(client, organisation):
    organisation.description = "Koordinoi alueen ELO-verkostoa."
    organisation.website = "https://www.ely-keskus.fi/"
    organisation.save()

    response = client.get(organisation.get_absolute_url())

    assertContains(response, "<h1>Kaakkois-Suomen ELY-keskus (KASELY)</h1>", html=True)
    assertContains(response, "Valtion virasto")
    assertContains(response, "Julkinen sektori")
    assertContains(response, "Koordinoi alueen ELO-verkostoa.")
    assertContains(response, 'href="https://www.ely-keskus.fi/"')
    assertContains(response, "Tapahtumat")


def test_organisation_page_lists_actions_it_leads_or_is_responsible_for(
    client, region, organisation, focus_area
):
    ActionFactory(
        focus_area=focus_area, title="Yhteistyöryhmän kokoukset", lead_organisation=organisation
    )
    shared = ActionFactory(focus_area=focus_area, title="Ohjaamojen kehittäminen")
    shared.responsible_organisations.add(organisation, OrganisationFactory(region=region))
    ActionFactory(focus_area=focus_area, title="Muiden toimenpide")
    old_strategy = StrategyFactory(region=region, version=0, is_current=False)
    ActionFactory(
        focus_area=FocusAreaFactory(strategy=old_strategy, number=1),
        title="Vanhan suunnitelman toimenpide",
        lead_organisation=organisation,
    )

    response = client.get(organisation.get_absolute_url())

    actions = {action.title: action.is_lead for action in response.context["actions"]}
    assert actions == {"Yhteistyöryhmän kokoukset": True, "Ohjaamojen kehittäminen": False}
    assertContains(response, "Vetovastuu")
    assertContains(response, "Vastuutaho")
    assertContains(response, "Käynnissä")
    assertContains(response, f'href="{focus_area.get_absolute_url()}"')


def test_organisation_page_lists_its_events_projects_and_published_good_practices(
    client, region, organisation
):
    EventFactory(region=region, title="Kaakon OPO-tiimi").organisers.add(organisation)
    EventFactory(region=region, title="Jonkun muun tapahtuma")
    talenthub = ProjectFactory(region=region, name="TalentHUB")
    talenthub.organisations.add(organisation)
    FundingLineFactory(project=talenthub, source="esr")
    GoodPracticeFactory(region=region, title="Kaakon OPO-tiimi käytäntönä").organisations.add(
        organisation
    )
    GoodPracticeFactory(region=region, title="Keskeneräinen", is_published=False).organisations.add(
        organisation
    )

    response = client.get(organisation.get_absolute_url())

    assertContains(response, "Järjestetyt tapahtumat")
    assertContains(response, "Kaakon OPO-tiimi")
    assertNotContains(response, "Jonkun muun tapahtuma")
    assertContains(response, "TalentHUB")
    assertContains(response, "ESR (Euroopan sosiaalirahasto)")
    assertContains(response, "Kaakon OPO-tiimi käytäntönä")
    assertNotContains(response, "Keskeneräinen")


def test_organisation_page_answers_404_for_an_unknown_slug(client, organisation):
    url = reverse(
        "network:organisation_detail", kwargs={"region": "kaakkois-suomi", "slug": "ei-ole"}
    )

    assert client.get(url).status_code == 404


def test_organisation_page_answers_404_for_an_organisation_of_another_region(
    client, region, organisation
):
    other = OrganisationFactory(region=RegionFactory(), slug="muualla")
    url = reverse("network:organisation_detail", kwargs={"region": region.slug, "slug": other.slug})

    assert client.get(url).status_code == 404


def add_organisation_page_rows(region, organisation, focus_area, count):
    for _ in range(count):
        ActionFactory(focus_area=focus_area, lead_organisation=organisation)
        ActionFactory(focus_area=focus_area).responsible_organisations.add(organisation)
        EventFactory(region=region).organisers.add(organisation)
        project = ProjectFactory(region=region)
        project.organisations.add(organisation)
        FundingLineFactory(project=project)
        GoodPracticeFactory(region=region).organisations.add(organisation)
        GuidanceActionFactory(organisation=organisation, review_status=ReviewStatus.ACCEPTED)


def test_organisation_page_query_count_does_not_grow_with_rows(
    client, region, organisation, focus_area, django_assert_num_queries
):
    url = organisation.get_absolute_url()
    add_organisation_page_rows(region, organisation, focus_area, 2)
    # region, organisation, its provinces, actions with their focus areas, events,
    # projects, their funding lines, good practices, accepted guidance actions
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200

    add_organisation_page_rows(region, organisation, focus_area, 6)
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


def test_organisation_page_shows_the_latest_events_and_links_to_the_rest(
    client, region, organisation
):
    for number in range(12):
        EventFactory(region=region, title=f"Tapahtuma {number:02}").organisers.add(organisation)

    response = client.get(organisation.get_absolute_url())

    assert response.content.decode().count("Tapahtuma ") == 10
    events_url = reverse("events:event_list", kwargs={"region": region.slug})
    assertContains(response, f'href="{events_url}?organisation={organisation.pk}"')
