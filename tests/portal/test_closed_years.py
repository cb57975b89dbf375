"""A year that closes: once a region's report for a year is accepted, its guidance actions,
events and indicator values of that year refuse every change, through every path (forms,
htmx cells, deletes, review decisions, imports, the admin), until the coordinator reopens
one entry with a written reason."""

import datetime as dt
import threading
import time
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from actions.models import GuidanceAction, ProgressUpdate
from coordination import transfer
from events.models import Event, EventMaterial
from lib.scoping import own_filters_only
from network.models import ClosedYear, EntryReopening
from portal import closed_years
from portal.review import ReviewStatus
from reporting import services as reporting_services
from reporting.models import AnnualReport, ReportVersion
from strategy.models import Indicator, IndicatorValue
from tests.concurrency import form_data
from tests.coordination.transfer.conftest import csv_upload
from tests.factories import (
    ClosedYearFactory,
    EventFactory,
    EventMaterialFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    ProgressUpdateFactory,
    RegionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CLOSED, OPEN = 2019, 2021
SLUG = "kaakkois-suomi"


def locked_text(region, year=CLOSED):
    return closed_years.locked_text(ClosedYear.objects.get(region=region, year=year))


@pytest.fixture
def closed(region):
    return ClosedYearFactory(region=region, year=CLOSED)


@pytest.fixture
def entry(kotka):
    return GuidanceActionFactory(organisation=kotka, year=CLOSED, title="Ohjaamon kävijät")


@pytest.fixture
def open_entry(kotka):
    return GuidanceActionFactory(organisation=kotka, year=OPEN, title="Messut")


@pytest.fixture
def event(region, kotka):
    event = EventFactory(
        region=region, starts_on=dt.date(CLOSED, 5, 26), review_status=ReviewStatus.DRAFT
    )
    event.organisers.add(kotka)
    return event


@pytest.fixture
def value(strategy):
    indicator = IndicatorFactory(strategy=strategy, title="Ohjauksen saatavuus")
    return IndicatorValueFactory(indicator=indicator, year=CLOSED, value=50)


def guidance_url(name, pk):
    return reverse(f"guidance:{name}", args=[SLUG, pk])


def event_url(name, pk):
    return reverse(f"events:{name}", kwargs={"region": SLUG, "pk": pk})


def reopen_url(kind, pk):
    return reverse("review:reopen_entry", kwargs={"region": SLUG, "kind": kind, "pk": pk})


# --- Closing: the acceptance of the report -------------------------------------------------


def test_accepting_a_report_closes_its_year_for_its_region_only(region, etela_savo, national_team):
    report = AnnualReport.objects.create(
        region=region, year=CLOSED, status=AnnualReport.Status.SUBMITTED
    )
    ReportVersion.objects.create(report=report, number=1, submitted_at=report.created_at)

    reporting_services.accept_report(report, national_team)

    closed = ClosedYear.objects.get()
    assert (closed.region, closed.year, closed.closed_by) == (region, CLOSED, national_team)
    assert not ClosedYear.objects.filter(region=etela_savo).exists()


def test_another_regions_closed_year_locks_nothing_here(
    region, etela_savo, entry, client_of, editor
):
    ClosedYearFactory(region=etela_savo, year=CLOSED)
    # The scope would hide the other region's row anyway: prove the rule's own filter.
    with own_filters_only():
        assert closed_years.lock_message(entry) == ""
        response = client_of(editor).get(guidance_url("edit", entry.pk))
    assert response.status_code == 200


# --- Guidance actions and progress updates ---------------------------------------------------


def test_the_edit_form_of_a_closed_years_entry_is_refused_with_the_reason(
    region, entry, client_of, editor
):
    client = client_of(editor)
    data = form_data(client.get(guidance_url("edit", entry.pk)), title="Muutettu")
    ClosedYearFactory(region=region, year=CLOSED)  # accepted while the form was open

    response = client.post(guidance_url("edit", entry.pk), data)

    assert response.status_code == 200
    assert locked_text(region) in response.context["form"].errors["year"]
    entry.refresh_from_db()
    assert entry.title == "Ohjaamon kävijät"
    # Opening the form again leads back to the entry, which says why.
    again = client.get(guidance_url("edit", entry.pk), follow=True)
    assert escape(locked_text(region)) in again.content.decode()
    assert guidance_url("edit", entry.pk) not in again.content.decode()


def test_an_open_years_entry_is_still_edited(closed, open_entry, client_of, editor):
    client = client_of(editor)
    data = form_data(client.get(guidance_url("edit", open_entry.pk)), title="Muutettu")
    response = client.post(guidance_url("edit", open_entry.pk), data)
    assert response.status_code == 302
    open_entry.refresh_from_db()
    assert open_entry.title == "Muutettu"


def test_nothing_is_added_to_a_closed_year_or_moved_into_it(
    region, closed, open_entry, kotka, client_of, editor
):
    client = client_of(editor)
    add = reverse("guidance:add", args=[SLUG, kotka.slug])
    data = form_data(client.get(add), title="Uusi", year=str(CLOSED))
    response = client.post(add, data)
    assert response.status_code == 200
    assert response.context["form"].errors["year"] == [closed_years.moved_text(closed)]
    assert not GuidanceAction.objects.filter(title="Uusi").exists()

    data = form_data(client.get(guidance_url("edit", open_entry.pk)), year=str(CLOSED))
    response = client.post(guidance_url("edit", open_entry.pk), data)
    assert response.status_code == 200
    open_entry.refresh_from_db()
    assert open_entry.year == OPEN


def test_delete_submit_and_progress_updates_of_a_closed_year_are_refused(
    region, closed, entry, client_of, editor, coordinator
):
    update = ProgressUpdateFactory(action=entry, date=dt.date(CLOSED, 6, 1))
    client = client_of(editor)

    client.post(guidance_url("submit", entry.pk))
    client.post(guidance_url("add_update", entry.pk), {"date": "2019-07-01", "note": "Uusi"})
    client.post(guidance_url("delete_update", update.pk))
    client_of(coordinator).post(guidance_url("delete", entry.pk))

    entry.refresh_from_db()
    assert entry.review_status == ReviewStatus.DRAFT
    assert list(ProgressUpdate.objects.filter(action=entry)) == [update]


def test_the_coordinator_cannot_accept_a_submitted_entry_of_a_closed_year(
    region, closed, kotka, client_of, coordinator
):
    entry = GuidanceActionFactory(
        organisation=kotka, year=CLOSED, review_status=ReviewStatus.SUBMITTED
    )
    url = reverse("review:accept", kwargs={"region": SLUG, "kind": "guidance", "pk": entry.pk})

    response = client_of(coordinator).post(url, follow=True)

    entry.refresh_from_db()
    assert entry.review_status == ReviewStatus.SUBMITTED
    assert escape(locked_text(region)) in response.content.decode()


def test_the_entry_page_hides_its_edit_links_and_says_why(region, closed, entry, client_of, editor):
    page = client_of(editor).get(guidance_url("detail", entry.pk)).content.decode()
    assert escape(locked_text(region)) in page
    for name in ("edit", "delete", "add_update", "submit"):
        assert guidance_url(name, entry.pk) not in page
    # The editor is told to ask the coordinator; only the coordinator gets the link.
    assert reopen_url("guidance", entry.pk) not in page


# --- Events and their materials --------------------------------------------------------------


def test_an_events_form_delete_and_materials_are_refused_in_a_closed_year(
    region, event, client_of, editor, coordinator
):
    material = EventMaterialFactory(event=event)
    client = client_of(editor)
    data = form_data(client.get(event_url("edit", event.pk)), title="Muutettu")
    ClosedYearFactory(region=region, year=CLOSED)

    response = client.post(event_url("edit", event.pk), data, follow=True)
    assert escape(locked_text(region)) in response.content.decode()
    client.post(event_url("material_add", event.pk), {"title": "Diat", "url": "https://x.fi/d"})
    client.post(event_url("material_delete", material.pk))
    client_of(coordinator).post(event_url("delete", event.pk))

    event.refresh_from_db()
    assert event.title != "Muutettu"
    assert list(EventMaterial.objects.filter(event=event)) == [material]
    page = client.get(event_url("event_detail", event.pk)).content.decode()
    assert escape(locked_text(region)) in page
    assert event_url("edit", event.pk) not in page


# --- Indicator values: the form, the grid's cell (htmx) and the grid's form --------------------


def cell_data(value, new, read_version):
    prefix = f"solu-{value.indicator_id}-{value.year}"
    return {
        f"{prefix}-value": new,
        f"{prefix}-source": "",
        f"{prefix}-note": "",
        f"{prefix}-read_version": read_version,
        f"initial-{prefix}-value": "50",
        f"initial-{prefix}-source": "",
        f"initial-{prefix}-note": "",
    }


def test_an_indicator_value_of_a_closed_year_refuses_every_path(
    region, strategy, value, client_of, coordinator
):
    from strategy import grid

    client = client_of(coordinator)
    edit = reverse("editor:indicator_value_edit", kwargs={"region": SLUG, "pk": value.pk})
    data = form_data(client.get(edit), value="99")
    value.refresh_from_db()
    version = grid.cell_version(value)
    ClosedYearFactory(region=region, year=CLOSED)

    response = client.post(edit, data)
    assert response.status_code == 200
    assert locked_text(region) in response.context["form"].errors["year"]

    cell = reverse(
        "editor:indicator_cell",
        kwargs={"region": SLUG, "indicator": value.indicator_id, "year": CLOSED},
    )
    htmx = client.post(cell, cell_data(value, "98", version), HTTP_HX_REQUEST="true")
    assert escape(locked_text(region)) in htmx.content.decode()

    grid_form = reverse("editor:indicator_grid_form", kwargs={"region": SLUG})
    plain = client.post(grid_form, cell_data(value, "97", version))
    assert plain.status_code == 200
    assert escape(locked_text(region)) in plain.content.decode()

    delete = reverse("editor:indicator_value_delete", kwargs={"region": SLUG, "pk": value.pk})
    assert client.post(delete).status_code == 409
    indicator_delete = reverse(
        "editor:indicator_delete", kwargs={"region": SLUG, "pk": value.indicator_id}
    )
    assert client.post(indicator_delete).status_code == 409

    value.refresh_from_db()
    assert value.value == 50
    assert Indicator.objects.filter(pk=value.indicator_id).exists()
    # The grid shows the closed cell without its edit link.
    page = client.get(reverse("editor:indicator_grid", kwargs={"region": SLUG})).content.decode()
    assert f'href="{cell}"' not in page


def test_an_open_years_cell_is_still_saved(region, strategy, value, client_of, coordinator):
    from strategy import grid

    ClosedYearFactory(region=region, year=OPEN)  # another year
    value.refresh_from_db()
    cell = reverse(
        "editor:indicator_cell",
        kwargs={"region": SLUG, "indicator": value.indicator_id, "year": CLOSED},
    )
    response = client_of(coordinator).post(
        cell, cell_data(value, "98", grid.cell_version(value)), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    value.refresh_from_db()
    assert value.value == 98


# --- Imports ---------------------------------------------------------------------------------


def test_an_import_refuses_the_rows_of_a_closed_year_and_writes_nothing(
    region, closed, entry, kotka, coordinator
):
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko", "Tulokset"],
            ["Ohjaamo Kotka", str(OPEN), "Messut", ""],
            ["Ohjaamo Kotka", str(CLOSED), "Ohjaamon kävijät", "300 kävijää"],
            ["Ohjaamo Kotka", str(CLOSED), "Uusi vanha", ""],
        ]
    )

    result = transfer.run_import(region, "ohjaustoimenpiteet", upload, coordinator)

    with translation.override("fi"):
        expected = [
            (3, "Vuosi", closed_years.locked_text(closed)),
            (4, "Vuosi", closed_years.moved_text(closed)),
        ]
    assert [tuple(error) for error in result.errors] == expected
    assert set(GuidanceAction.objects.values_list("title", flat=True)) == {"Ohjaamon kävijät"}
    entry.refresh_from_db()
    assert entry.outcomes == ""


def test_an_unchanged_row_of_a_closed_year_imports_again(region, closed, entry, coordinator):
    upload = csv_upload(
        [
            ["Organisaatio", "Vuosi", "Otsikko"],
            ["Ohjaamo Kotka", str(CLOSED), "Ohjaamon kävijät"],
            ["Ohjaamo Kotka", str(OPEN), "Messut"],
        ]
    )
    result = transfer.run_import(region, "ohjaustoimenpiteet", upload, coordinator)
    assert result.errors == []
    assert (result.new, result.unchanged) == (1, 1)


def test_an_indicator_value_import_refuses_a_closed_year(region, closed, value):
    upload = csv_upload(
        [["Mittari", "Vuosi", "Arvo"], ["Ohjauksen saatavuus", str(CLOSED), "60"]],
    )
    result = transfer.run_import(region, "mittariarvot", upload)
    assert [error.line for error in result.errors] == [2]
    value.refresh_from_db()
    assert value.value == 50


# --- The admin -------------------------------------------------------------------------------


def test_the_admin_refuses_a_closed_years_entry_to_staff_but_not_to_a_site_admin(
    settings, closed, entry, client_of, site_admin
):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    staff = UserFactory(email="henkilokunta@elo.example", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_guidanceaction", "change_guidanceaction", "delete_guidanceaction"]
        )
    )
    url = reverse("admin:actions_guidanceaction_change", args=[entry.pk])
    change = {"organisation": entry.organisation_id, "year": CLOSED, "title": "Muutettu"}

    staff_client = client_of(staff)
    assert staff_client.post(url, change).status_code == 403
    delete = reverse("admin:actions_guidanceaction_delete", args=[entry.pk])
    assert staff_client.post(delete, {"post": "yes"}).status_code == 403
    assert GuidanceAction.objects.filter(pk=entry.pk, title="Ohjaamon kävijät").exists()
    page = staff_client.get(url).content.decode()
    assert 'name="title"' not in page  # read-only

    assert client_of(site_admin).get(url).status_code == 200
    assert 'name="title"' in client_of(site_admin).get(url).content.decode()


# --- Reopening one entry ---------------------------------------------------------------------


def test_the_coordinator_reopens_one_entry_with_a_reason_recorded_in_its_history(
    region, closed, entry, kotka, client_of, coordinator, editor
):
    other = GuidanceActionFactory(organisation=kotka, year=CLOSED)
    client = client_of(coordinator)
    # The coordinator reads why the year is closed, not advice to ask the coordinator.
    page = client.get(reopen_url("guidance", entry.pk)).content.decode()
    closed_row = ClosedYear.objects.get(region=region, year=CLOSED)
    assert escape(closed_years.reopening_text(closed_row)) in page
    assert escape(locked_text(region)) not in page
    assert client.post(reopen_url("guidance", entry.pk), {"reason": " "}).status_code == 200
    assert not EntryReopening.objects.exists()

    response = client.post(
        reopen_url("guidance", entry.pk), {"reason": "Kävijämäärä korjataan: 320."}
    )
    assert response.status_code == 302
    # A second click answers with the reopening already in force.
    client.post(reopen_url("guidance", entry.pk), {"reason": "Uudelleen"})
    reopening = EntryReopening.objects.get()
    assert (reopening.reopened_by, reopening.reason) == (coordinator, "Kävijämäärä korjataan: 320.")

    # This entry only: the editor changes it, the other entry of the year stays locked.
    assert closed_years.lock_message(entry) == ""
    assert closed_years.lock_message(other) == locked_text(region)
    editor_client = client_of(editor)
    data = form_data(editor_client.get(guidance_url("edit", entry.pk)), title="Korjattu")
    assert editor_client.post(guidance_url("edit", entry.pk), data).status_code == 302
    entry.refresh_from_db()
    assert entry.title == "Korjattu"

    history = editor_client.get(guidance_url("history", entry.pk)).content.decode()
    assert "Kävijämäärä korjataan: 320." in history

    # Closed again by the coordinator, it is locked as the rest of its year.
    client.post(reopen_url("guidance", entry.pk), {"action": "close"})
    assert closed_years.lock_message(entry) == locked_text(region)
    assert EntryReopening.objects.get().closed_by == coordinator


def test_an_editor_cannot_reopen_and_an_open_year_has_nothing_to_reopen(
    closed, entry, open_entry, client_of, editor, coordinator
):
    response = client_of(editor).post(reopen_url("guidance", entry.pk), {"reason": "Haluan"})
    assert response.status_code == 403
    assert not EntryReopening.objects.exists()
    assert client_of(coordinator).get(reopen_url("guidance", open_entry.pk)).status_code == 404
    assert client_of(coordinator).get(reopen_url("guidance", entry.pk)).status_code == 200


def test_a_reopened_event_and_value_may_change(region, closed, event, value, coordinator):
    closed_years.reopen(event, coordinator, "Päivämäärä oli väärin")
    closed_years.reopen(value, coordinator, "Tilasto tarkentui")
    closed_years.check_open(event)
    closed_years.check_open(value)
    other = Event.objects.create(
        region=region,
        title="Toinen",
        starts_on=dt.date(CLOSED, 1, 1),
        ends_on=dt.date(CLOSED, 1, 1),
    )
    with pytest.raises(closed_years.YearClosed):
        closed_years.check_open(other)
    assert (
        IndicatorValue.history.filter(id=value.pk)
        .first()
        .history_change_reason.startswith(closed_years.REOPENED)
    )


# --- Two people at once ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_an_acceptance_waits_for_a_save_in_progress_which_then_sees_the_closed_year():
    """The editor's save holds the region (``check_open``); the acceptance waits for it to
    commit, and a save that starts after the acceptance is refused."""
    region = RegionFactory()
    entry = GuidanceActionFactory(organisation__region=region, year=CLOSED)
    checked, closed_at = threading.Event(), []

    def accept() -> None:
        try:
            checked.wait(timeout=10)
            closed_years.close_year(region.pk, CLOSED)
            closed_at.append(time.monotonic())
        finally:
            connection.close()

    thread = threading.Thread(target=accept)
    thread.start()
    with transaction.atomic():
        closed_years.check_open(entry)
        checked.set()
        time.sleep(0.5)
        saved_at = time.monotonic()
        GuidanceAction.objects.filter(pk=entry.pk).update(title="Tallennettu")
    thread.join(timeout=20)

    assert closed_at
    assert closed_at[0] >= saved_at
    with pytest.raises(closed_years.YearClosed):
        closed_years.check_open(entry)


def test_the_reopen_page_names_a_value_as_the_pages_write_figures(
    client_of, closed, value, coordinator
):
    value.indicator.unit = "%"
    value.indicator.save()
    value.value = Decimal("68.25")
    value.save()
    with translation.override("fi"):
        page = client_of(coordinator).get(reopen_url("value", value.pk)).content.decode()
    assert "Ohjauksen saatavuus: 2019: 68,3\u00a0%" in page
    assert "68.25" not in page
