"""The whole journey of a guidance action: logged, updated, submitted, reviewed, public."""

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import GuidanceAction
from portal.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.factories import guidance_channel, target_group

pytestmark = pytest.mark.django_db


def entry_data(focus_area, goal, **changes):
    data = {
        "title": "Ohjaamon jalkautuva ohjaus",
        "description": "Ohjaajat jalkautuivat Ohjaamoissa kouluille.",
        "year": "2021",
        "focus_areas": [focus_area.pk],
        "goals": [goal.pk],
        "target_groups": [target_group("nuoret").pk],
        "channels": [guidance_channel("kasvokkain").pk],
        "other_partners": "Kotkan kaupunki",
        "start_date": "2021-01-01",
        "end_date": "31.12.2021",
        "status": "ongoing",
        "outcomes": "120 nuorta tavoitettiin.",
        "links": "https://www.ohjaamot.fi/\nwww.kotka.fi",
    }
    data.update(changes)
    return data


def test_an_editor_logs_an_action_the_coordinator_accepts_and_the_public_then_sees_it(
    client_of,
    client,
    editor,
    coordinator,
    kotka,
    focus_area,
    goal,
    django_capture_on_commit_callbacks,
):
    editor_client = client_of(editor)

    response = editor_client.post(url("add", kotka.slug), entry_data(focus_area, goal))

    action = GuidanceAction.objects.get()
    assert response.status_code == 302
    assert response["Location"] == action.get_absolute_url()
    assert action.organisation == kotka
    assert action.created_by == editor
    assert action.review_status == ReviewStatus.DRAFT
    assert action.links == "https://www.ohjaamot.fi/\nhttps://www.kotka.fi"
    assert list(action.goals.all()) == [goal]
    assert client.get(action.get_absolute_url()).status_code == 404

    response = editor_client.post(
        url("edit", action.pk), entry_data(focus_area, goal, title="Jalkautuva ohjaus kouluilla")
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.title == "Jalkautuva ohjaus kouluilla"

    attachment = SimpleUploadedFile("osallistujat.pdf", b"%PDF-1.4 osallistujat")
    response = editor_client.post(
        url("add_update", action.pk),
        {
            "date": "2021-06-01",
            "note": "Kevään kiertue tehty.",
            "figure": "120",
            "figure_label": "nuorta",
            "attachment": attachment,
        },
    )
    assert response.status_code == 302
    update = action.progress_updates.get()
    assert update.attachment_filename.startswith("osallistujat")
    assert update.created_by == editor

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(url("submit", action.pk))
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.review_status == ReviewStatus.SUBMITTED
    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "Jalkautuva ohjaus kouluilla" in mail.outbox[0].subject
    assert f"{settings.SITE_URL}{action.get_absolute_url()}" in mail.outbox[0].body

    coordinator_client = client_of(coordinator)
    queue = coordinator_client.get(reverse("review:queue", args=["kaakkois-suomi"]))
    assertContains(queue, "Jalkautuva ohjaus kouluilla")
    response = coordinator_client.post(
        reverse("review:accept", args=["kaakkois-suomi", "guidance", action.pk])
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.review_status == ReviewStatus.ACCEPTED
    assert action.reviewed_by == coordinator

    public = client.get(action.get_absolute_url())
    assertContains(public, "Jalkautuva ohjaus kouluilla")
    assertContains(public, "Kevään kiertue tehty.")
    assertContains(public, "120 nuorta")
    assertContains(public, url("attachment", update.pk))
    assertContains(client.get(url("list")), "Jalkautuva ohjaus kouluilla")
    download = client.get(url("attachment", update.pk))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 osallistujat"


def test_a_returned_entry_shows_the_comment_and_can_be_changed_and_resubmitted(
    client_of,
    editor,
    coordinator,
    kotka,
    focus_area,
    goal,
    submitted,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator).post(
            reverse("review:return", args=["kaakkois-suomi", "guidance", submitted.pk]),
            {"comment": "Lisää tavoitettujen nuorten määrä & linkki."},
        )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.review_status == ReviewStatus.RETURNED
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Lisää tavoitettujen nuorten määrä & linkki." in mail.outbox[0].body
    assert f"{settings.SITE_URL}{submitted.get_absolute_url()}" in mail.outbox[0].body

    editor_client = client_of(editor)
    workspace = editor_client.get(url("mine"))
    assertContains(workspace, "Palautettu muutettavaksi")
    assertContains(workspace, "Lisää tavoitettujen nuorten määrä &amp; linkki.")
    assertContains(editor_client.get(submitted.get_absolute_url()), "Koordinaattorin kommentti")

    response = editor_client.post(
        url("edit", submitted.pk), entry_data(focus_area, goal, title="Odottava kirjaus")
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.review_status == ReviewStatus.RETURNED

    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(url("submit", submitted.pk))
    submitted.refresh_from_db()
    assert submitted.review_status == ReviewStatus.SUBMITTED
    assert mail.outbox[-1].to == [coordinator.email]


def test_submitting_an_entry_already_waiting_says_so_and_changes_nothing(
    client_of, editor, submitted, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(editor).post(url("submit", submitted.pk), follow=True)

    assertContains(response, "Vain luonnoksen tai palautetun merkinnän voi lähettää.")
    submitted.refresh_from_db()
    assert submitted.review_status == ReviewStatus.SUBMITTED
    assert mailoutbox == []


def test_the_submit_mail_goes_only_to_this_regions_active_coordinators(
    client_of,
    editor,
    coordinator,
    coordinator_of_other_region,
    draft,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        client_of(editor).post(url("submit", draft.pk))

    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert mailoutbox[0].subject == f"Odottaa tarkastustasi: {draft}"


def test_an_editor_of_another_organisation_cannot_submit_the_entry(
    client_of, editor_of_other_organisation, draft
):
    response = client_of(editor_of_other_organisation).post(url("submit", draft.pk))

    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.DRAFT


def test_public_page_stays_unchanged_when_the_mail_server_fails(
    client_of, editor, coordinator, draft, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.actions.guidance.test_logging_flow.FailingBackend"

    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(editor).post(url("submit", draft.pk))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.review_status == ReviewStatus.SUBMITTED


class FailingBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")


def test_the_public_list_links_to_accepted_entries_and_hides_drafts(client, accepted, draft):
    response = client.get(url("list"))

    assertContains(response, f'href="{accepted.get_absolute_url()}"')
    assertNotContains(response, "Ohjaamon jalkautuva ohjaus")
