"""The projects register: the public list and page, the coordinator's forms and deletes,
and the data migration that turned each project's funding source into a funding line."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from lib import concurrency
from strategy.models import FundingLine, FundingSource, Project, RegionProfile
from tests.factories import (
    ActionFactory,
    CoordinatorFactory,
    EventFactory,
    FocusAreaFactory,
    FundingLineFactory,
    OrganisationFactory,
    ProjectFactory,
    StrategyFactory,
)
from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator(region):
    return CoordinatorFactory(region=region).user


def add_projects(region, focus_area, count, first):
    for number in range(first, first + count):
        project = ProjectFactory(region=region, name=f"Hanke {number:02}")
        FundingLineFactory(project=project, source=FundingSource.ESR, amount=Decimal(1000))
        FundingLineFactory(project=project, source=FundingSource.NATIONAL, start_year=2021)
        project.organisations.add(*OrganisationFactory.create_batch(2, region=region))
        project.actions.add(ActionFactory(focus_area=focus_area))
        event = EventFactory(region=region)
        event.projects.add(project)


def test_the_list_query_count_does_not_grow_with_projects(
    client, region, focus_area, django_assert_num_queries
):
    url = reverse("strategy:project_list", kwargs={"region": region.slug})
    add_projects(region, focus_area, 2, first=1)
    # region, count, projects, their funding lines, their organisations
    with django_assert_num_queries(5):
        assert client.get(url).status_code == 200

    add_projects(region, focus_area, 6, first=3)
    with django_assert_num_queries(5):
        response = client.get(url)
    assertContains(response, "Hanke 08")


def test_the_project_page_query_count_does_not_grow_with_its_links(
    client, region, focus_area, django_assert_num_queries
):
    project = ProjectFactory(region=region, name="Opin ovi")
    url = reverse("strategy:project_detail", kwargs={"region": region.slug, "pk": project.pk})

    def link(count):
        for _ in range(count):
            FundingLineFactory(project=project)
            project.organisations.add(OrganisationFactory(region=region))
            project.actions.add(ActionFactory(focus_area=focus_area))
            EventFactory(region=region).projects.add(project)

    link(1)
    # region, project, funding lines, organisations, actions, events
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200
    link(4)
    with django_assert_num_queries(6):
        assert client.get(url).status_code == 200


def test_the_project_page_shows_its_funding_organisations_actions_and_events(
    client, region, focus_area
):
    project = ProjectFactory(region=region, name="Studio", description="ELOPELTO-kahvilat")
    FundingLineFactory(
        project=project, source=FundingSource.ESR, amount=Decimal(25000), start_year=2021
    )
    FundingLineFactory(project=project, source=FundingSource.UNKNOWN)
    project.organisations.add(OrganisationFactory(region=region, name="Jyväskylän kaupunki"))
    project.actions.add(ActionFactory(focus_area=focus_area, title="Learning cafe kerran kuussa"))
    EventFactory(region=region, title="ELOPELTO", starts_on=dt.date(2021, 5, 1)).projects.add(
        project
    )
    EventFactory(region=region, title="LUONNOS", review_status="draft").projects.add(project)

    response = client.get(project.get_absolute_url())

    for text in (
        "ELOPELTO-kahvilat",
        "25\xa0000 €",
        "2021\u2013?",
        "Jyväskylän kaupunki",
        "Learning cafe kerran kuussa",
        "ELOPELTO",
    ):
        assertContains(response, text)
    assertNotContains(response, "LUONNOS")
    # A visitor gets no tools.
    assertNotContains(response, "/muokkaa/")


def test_another_regions_project_is_not_found_under_this_region(client, region, etela_savo):
    project = ProjectFactory(region=etela_savo)

    url = reverse("strategy:project_detail", kwargs={"region": region.slug, "pk": project.pk})

    assert client.get(url).status_code == 404


def test_the_coordinator_adds_edits_and_deletes_a_project(
    client_of, region, coordinator, focus_area
):
    action = ActionFactory(focus_area=focus_area)
    organisation = OrganisationFactory(region=region)
    client = client_of(coordinator)

    response = client.post(
        reverse("editor:project_add", kwargs={"region": region.slug}),
        {
            "name": "Opin ovi",
            "description": "Aikuisohjausstrategia",
            "organisations": [organisation.pk],
            "actions": [action.pk],
            concurrency.TOKEN_FIELD: "6d1c2c57-2b4a-4a4e-9d1e-6f0f9d6a1c01",
        },
    )

    project = Project.objects.get(region=region, name="Opin ovi")
    assert response.url == project.get_absolute_url()
    assert list(project.actions.all()) == [action]
    assert list(project.organisations.all()) == [organisation]

    line_url = reverse(
        "editor:funding_line_add", kwargs={"region": region.slug, "project": project.pk}
    )
    client.post(
        line_url,
        {
            "source": "esr",
            "amount": "1200",
            "start_year": "2021",
            "end_year": "2020",
            concurrency.TOKEN_FIELD: "6d1c2c57-2b4a-4a4e-9d1e-6f0f9d6a1c02",
        },
    )
    assert not project.funding_lines.exists()  # the years the wrong way round
    client.post(
        line_url,
        {"source": "esr", concurrency.TOKEN_FIELD: "6d1c2c57-2b4a-4a4e-9d1e-6f0f9d6a1c03"},
    )
    (line,) = project.funding_lines.all()
    assert (line.source, line.amount, line.start_year) == ("esr", None, None)

    delete_url = reverse("editor:project_delete", kwargs={"region": region.slug, "pk": project.pk})
    page = client.get(delete_url)
    # The confirmation lists what goes with it: the funding line and the links.
    affected = {item.key: item.count for item in page.context["summary"].affected}
    assert affected == {
        "strategy.FundingLine": 1,
        "strategy.Project.organisations": 1,
        "strategy.Project.actions": 1,
    }

    response = client.post(delete_url)

    assert response.url == reverse("strategy:project_list", kwargs={"region": region.slug})
    assert not Project.objects.filter(pk=project.pk).exists()
    assert not FundingLine.objects.filter(pk=line.pk).exists()


def edit_page_data(client, url):
    """The edit form's fields as its page holds them (the read version included)."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None:
            continue
        data[name] = [str(v) for v in value] if isinstance(value, list) else value
    return data


def test_a_project_edited_meanwhile_is_not_overwritten(client_of, region, coordinator):
    project = ProjectFactory(region=region, name="Studio", description="Alku")
    url = reverse("editor:project_edit", kwargs={"region": region.slug, "pk": project.pk})
    client = client_of(coordinator)
    data = edit_page_data(client, url)
    # Someone else saves a new description while the form is open.
    Project.objects.filter(pk=project.pk).update(description="Toisen muutos")

    response = client.post(url, {**data, "description": "Minun muutokseni"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes
    project.refresh_from_db()
    assert project.description == "Toisen muutos"


def test_a_funding_line_edited_meanwhile_is_not_overwritten(client_of, region, coordinator):
    line = FundingLineFactory(project=ProjectFactory(region=region), amount=Decimal(100))
    url = reverse("editor:funding_line_edit", kwargs={"region": region.slug, "pk": line.pk})
    client = client_of(coordinator)
    data = edit_page_data(client, url)
    FundingLine.objects.filter(pk=line.pk).update(amount=Decimal(200))

    response = client.post(url, {**data, "amount": "300"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes
    line.refresh_from_db()
    assert line.amount == Decimal(200)


def test_a_project_name_is_unique_in_its_region_and_said_so_beside_the_field(region):
    from strategy.editor.forms import ProjectForm

    ProjectFactory(region=region, name="Studio")

    form = ProjectForm(data={"name": "Studio"}, region=region)

    assert not form.is_valid()
    assert "name" in form.errors


def test_the_project_form_offers_only_the_regions_organisations_and_current_actions(
    region, focus_area, etela_savo
):
    from strategy.editor.forms import ProjectForm

    own = OrganisationFactory(region=region)
    OrganisationFactory(region=etela_savo)
    current = ActionFactory(focus_area=focus_area)
    old_version = StrategyFactory(region=region, version=0, is_current=False)
    ActionFactory(focus_area=FocusAreaFactory(strategy=old_version, number=1))

    form = ProjectForm(region=region)

    assert list(form.fields["organisations"].queryset) == [own]
    assert list(form.fields["actions"].queryset) == [current]


def test_funding_line_constraints_refuse_a_negative_amount_and_years_backwards(region):
    project = ProjectFactory(region=region)
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingLine.objects.create(project=project, source="esr", amount=Decimal(-1))
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingLine.objects.create(project=project, source="esr", start_year=2022, end_year=2021)


def test_the_coordinator_writes_the_regions_profile_and_a_stale_save_is_refused(
    client_of, region, coordinator
):
    url = reverse("editor:profile_edit", kwargs={"region": region.slug})
    client = client_of(coordinator)
    data = edit_page_data(client, url)
    assert not RegionProfile.objects.exists()  # opening the form creates nothing

    response = client.post(url, {**data, "group_name": "ELO-ryhmä", "chair": ""})

    assert response.url == region.get_absolute_url()
    profile = RegionProfile.objects.get(region=region)
    assert (profile.group_name, profile.chair) == ("ELO-ryhmä", "")

    data = edit_page_data(client, url)
    RegionProfile.objects.filter(pk=profile.pk).update(meeting_rhythm="Kuukausittain")
    response = client.post(url, {**data, "meeting_rhythm": "Joka toinen kuukausi"})

    assert response.status_code == 200
    assert response.context["form"].stale_changes
    profile.refresh_from_db()
    assert profile.meeting_rhythm == "Kuukausittain"


def test_another_regions_coordinator_cannot_write_this_regions_profile(
    client_of, region, etela_savo
):
    outsider = CoordinatorFactory(region=etela_savo).user
    url = reverse("editor:profile_edit", kwargs={"region": region.slug})

    response = client_of(outsider).post(url, {"group_name": "KAAPATTU"})

    assert response.status_code == 404
    assert not RegionProfile.objects.exists()


# --- The data migration ----------------------------------------------------------------------

BEFORE = [("strategy", "0007_draft_revisions")]
AFTER = [("strategy", "0008_projects_register_and_region_profiles")]


@pytest.mark.django_db(transaction=True)
def test_each_projects_funding_source_becomes_its_funding_line():
    try:
        old = migrate(BEFORE).loader.project_state(BEFORE).apps
        region, _ = old.get_model("network", "Region").objects.get_or_create(
            slug="kaakkois-suomi", defaults={"name": "Kaakkois-Suomi"}
        )
        projects = old.get_model("strategy", "Project").objects
        esr = projects.create(region=region, name="Ruuti", funding_source="esr")
        other = projects.create(region=region, name="TalentHUB", funding_source="other")

        migrate(AFTER)

        lines = FundingLine.objects.order_by("project_id")
        assert list(lines.values_list("project_id", "source", "amount", "start_year")) == [
            (esr.pk, "esr", None, None),
            (other.pk, "other", None, None),
        ]
    finally:
        migrate(latest())
