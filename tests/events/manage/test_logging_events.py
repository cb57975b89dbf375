"""An organisation's editor logs an event, submits it, and it is public once accepted."""

import datetime as dt

import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from events.models import Event
from portal import review_services
from portal.review import ReviewStatus
from tests.events.manage.conftest import add_url, event_url
from tests.factories import EventFactory, EventMaterialFactory, EventSeriesFactory

pytestmark = pytest.mark.django_db


def only_event():
    return Event.objects.get()


def test_editor_logs_an_event_for_their_organisation_as_a_draft(
    client_of, editor, kotka, event_data
):
    response = client_of(editor).post(add_url(kotka), event_data(ends_on=""))

    event = only_event()
    assertRedirects(response, event.get_absolute_url())
    assert event.review_status == ReviewStatus.DRAFT
    assert event.created_by == editor
    assert event.ends_on == dt.date(2021, 9, 15)  # One day when no end date is given.
    assert event.start_time == dt.time(9)
    assert list(event.organisers.all()) == [kotka]


def test_the_add_page_preselects_the_editors_own_organisation(client_of, editor, kotka):
    response = client_of(editor).get(add_url())

    assert response.status_code == 200
    assert response.context["form"].initial["organisers"] == [kotka.pk]
    assertContains(response, "Kirjaa tapahtuma")
    assertNotContains(response, "Julkaise heti")


def test_the_coordinator_chooses_the_organisation_first(client_of, coordinator, kotka, lut):
    response = client_of(coordinator).get(add_url())

    assertContains(response, f'<option value="{kotka.slug}">{kotka.name}</option>', html=True)
    assertContains(response, f'<option value="{lut.slug}">{lut.name}</option>', html=True)


def test_a_draft_is_invisible_to_the_public_and_to_other_organisations(
    client_of, editor, editor_of_other_organisation, editor_of_other_region, kotka, event_data
):
    client_of(editor).post(add_url(kotka), event_data())
    event = only_event()

    for user in (None, editor_of_other_organisation, editor_of_other_region):
        assert client_of(user).get(event.get_absolute_url()).status_code == 404
    list_page = client_of(None).get(reverse("events:event_list", args=[kotka.region.slug]))
    assertNotContains(list_page, "Ohjaamoiden verkostotapaaminen")


def test_a_draft_shows_its_organisation_and_the_coordinator_a_draft_banner(
    client_of, editor, coordinator, kotka, event_data
):
    client_of(editor).post(add_url(kotka), event_data())
    event = only_event()

    for user in (editor, coordinator):
        response = client_of(user).get(event.get_absolute_url())
        assertContains(response, "Luonnos")
        assertContains(response, "Lähetä tarkastettavaksi")


def test_an_editor_cannot_log_for_another_organisation(client_of, editor, lut, event_data):
    response = client_of(editor).post(add_url(lut), event_data(organisers=[lut.pk]))

    assert response.status_code == 403
    assert not Event.objects.exists()


def test_submitting_mails_the_coordinator_and_acceptance_publishes_the_event(
    client_of,
    editor,
    coordinator,
    kotka,
    event_data,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    editor_client = client_of(editor)
    editor_client.post(add_url(kotka), event_data())
    event = only_event()

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(event_url("submit", event))

    assertRedirects(response, event.get_absolute_url())
    event.refresh_from_db()
    assert event.review_status == ReviewStatus.SUBMITTED
    assert [mail.to for mail in mailoutbox] == [[coordinator.email]]
    assert f"{settings.SITE_URL}{event.get_absolute_url()}" in mailoutbox[0].body
    assert client_of(None).get(event.get_absolute_url()).status_code == 404

    review_services.accept(event, coordinator)

    response = client_of(None).get(event.get_absolute_url())
    assertContains(response, "<h1>Ohjaamoiden verkostotapaaminen</h1>", html=True)
    assertNotContains(response, "Luonnos")
    list_page = client_of(None).get(reverse("events:event_list", args=[kotka.region.slug]))
    assertContains(list_page, "Ohjaamoiden verkostotapaaminen")


def test_submitting_asks_for_a_post(client_of, editor, kotka):
    event = EventFactory(region=kotka.region, review_status=ReviewStatus.DRAFT)
    event.organisers.add(kotka)

    assert client_of(editor).get(event_url("submit", event)).status_code == 405


def test_the_coordinator_may_publish_their_own_event_at_once(
    client_of, coordinator, kotka, event_data
):
    response = client_of(coordinator).post(add_url(kotka), event_data(publish_now="on"))

    event = only_event()
    assertRedirects(response, event.get_absolute_url())
    assert event.review_status == ReviewStatus.ACCEPTED
    assert event.reviewed_by == coordinator


def test_publish_now_of_an_editor_is_ignored(client_of, editor, kotka, event_data):
    client_of(editor).post(add_url(kotka), event_data(publish_now="on"))

    assert only_event().review_status == ReviewStatus.DRAFT


def test_a_new_series_is_created_by_name_and_reused(client_of, editor, kotka, event_data):
    client = client_of(editor)
    client.post(add_url(kotka), event_data(new_series="Ohjaamoiden aamukahvit"))
    client.post(add_url(kotka), event_data(new_series="Ohjaamoiden  aamukahvit"))

    series = {event.series for event in Event.objects.select_related("series")}
    assert [s.title for s in series] == ["Ohjaamoiden aamukahvit"]


@pytest.fixture
def published(kotka):
    event = EventFactory(
        region=kotka.region,
        title="Ohjaamotapaaminen",
        starts_on=dt.date(2021, 9, 15),
        participants_count=12,
        materials_url="https://example.fi/diat",
    )
    event.organisers.add(kotka)
    return event


def test_an_editors_change_to_a_published_event_makes_it_a_draft_again(
    client_of, editor, published, event_data
):
    page = client_of(editor).get(event_url("edit", published))
    assertContains(page, "luonnos")

    client_of(editor).post(event_url("edit", published), event_data(title="Uusi otsikko"))

    published.refresh_from_db()
    assert published.title == "Uusi otsikko"
    assert published.review_status == ReviewStatus.DRAFT


def test_the_coordinators_change_keeps_the_event_published(
    client_of, coordinator, published, event_data
):
    client_of(coordinator).post(event_url("edit", published), event_data(title="Uusi otsikko"))

    published.refresh_from_db()
    assert published.title == "Uusi otsikko"
    assert published.review_status == ReviewStatus.ACCEPTED


def test_a_submitted_event_cannot_be_edited_until_reviewed(
    client_of, editor, published, event_data
):
    Event.objects.filter(pk=published.pk).update(review_status=ReviewStatus.SUBMITTED)

    response = client_of(editor).post(
        event_url("edit", published), event_data(title="Uusi otsikko"), follow=True
    )

    assertContains(response, "odottaa koordinaattorin tarkastusta")
    published.refresh_from_db()
    assert published.title == "Ohjaamotapaaminen"


def test_an_editor_cannot_remove_their_organisation_from_the_organisers(
    client_of, editor, published, lut, event_data
):
    response = client_of(editor).post(event_url("edit", published), event_data(organisers=[lut.pk]))

    assert response.status_code == 200
    assertContains(response, "Pidä oma organisaatiosi järjestäjien joukossa")
    assert list(published.organisers.all()) != [lut]


def test_an_editor_of_another_organisation_cannot_edit(
    client_of, editor_of_other_organisation, editor_of_other_region, published
):
    assert (
        client_of(editor_of_other_organisation).get(event_url("edit", published)).status_code == 403
    )
    assert client_of(editor_of_other_region).get(event_url("edit", published)).status_code == 404


def test_copy_makes_a_new_draft_a_week_later_and_leaves_the_original(client_of, editor, published):
    EventMaterialFactory(event=published)
    client = client_of(editor)

    form = client.get(event_url("copy", published)).context["form"]
    assert form.initial["starts_on"] == dt.date(2021, 9, 22)
    assert "participants_count" not in form.initial
    assert "materials_url" not in form.initial

    data = {
        key: value
        for key, value in form.initial.items()
        if value is not None and key not in ("series",)
    }
    response = client.post(event_url("copy", published), data)

    copy = Event.objects.exclude(pk=published.pk).get()
    assertRedirects(response, copy.get_absolute_url())
    assert (copy.title, copy.starts_on, copy.review_status) == (
        "Ohjaamotapaaminen",
        dt.date(2021, 9, 22),
        ReviewStatus.DRAFT,
    )
    assert copy.participants_count is None
    assert not copy.materials.exists()
    assert list(copy.organisers.all()) == list(published.organisers.all())
    published.refresh_from_db()
    assert (published.starts_on, published.review_status, published.participants_count) == (
        dt.date(2021, 9, 15),
        ReviewStatus.ACCEPTED,
        12,
    )
    assert published.materials.count() == 1


def test_copy_of_a_series_meeting_moves_to_the_next_month(client_of, editor, kotka):
    series = EventSeriesFactory(region=kotka.region, title="Ajankohtaista ohjaamoista")
    event = EventFactory(region=kotka.region, series=series, starts_on=dt.date(2021, 1, 31))
    event.organisers.add(kotka)

    form = client_of(editor).get(event_url("copy", event)).context["form"]

    assert form.initial["starts_on"] == dt.date(2021, 2, 28)
    assert form.initial["series"] == series.pk


def test_an_editor_deletes_a_draft_after_confirming(client_of, editor, kotka):
    draft = EventFactory(region=kotka.region, review_status=ReviewStatus.DRAFT)
    draft.organisers.add(kotka)
    client = client_of(editor)

    assertContains(client.get(event_url("delete", draft)), "Poistetaanko")
    response = client.post(event_url("delete", draft))

    assertRedirects(response, reverse("events:event_list", args=[kotka.region.slug]))
    assert not Event.objects.exists()


def test_an_editor_cannot_delete_a_published_event_but_the_coordinator_can(
    client_of, editor, coordinator, published
):
    response = client_of(editor).post(event_url("delete", published), follow=True)

    assertContains(response, "Vain luonnoksen voi poistaa")
    assert Event.objects.filter(pk=published.pk).exists()

    client_of(coordinator).post(event_url("delete", published))

    assert not Event.objects.filter(pk=published.pk).exists()
