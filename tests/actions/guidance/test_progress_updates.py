"""Progress updates: dated notes with a figure and an attachment only readers may download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertFormError, assertNotContains

from actions.models import ProgressUpdate
from lib.uploads import MAX_UPLOAD_SIZE
from portal.review import ReviewStatus
from portal.review_services import shown_version
from tests.actions.guidance.conftest import url
from tests.factories import ProgressUpdateFactory
from tests.lib import samples

pytestmark = pytest.mark.django_db


def update_data(**changes):
    data = {"date": "2021-06-01", "note": "Kevään kiertue tehty.", "figure": "", "figure_label": ""}
    data.update(changes)
    return data


def test_an_editor_adds_an_update_with_a_decimal_comma_figure(client_of, editor, draft):
    response = client_of(editor).post(
        url("add_update", draft.pk), update_data(figure="12,5", figure_label="tuntia")
    )

    assert response.status_code == 302
    update = ProgressUpdate.objects.get()
    assert str(update.figure) == "12.50"
    assert update.figure_label == "tuntia"


def test_a_figure_without_a_label_is_refused(client_of, editor, draft):
    response = client_of(editor).post(url("add_update", draft.pk), update_data(figure="5"))

    assertFormError(response.context["form"], "figure_label", "Kerro, mitä luku kuvaa.")
    assert not ProgressUpdate.objects.exists()


def test_a_missing_note_is_refused_in_finnish(client_of, editor, draft):
    response = client_of(editor).post(url("add_update", draft.pk), update_data(note=""))

    assert response.status_code == 200
    assertFormError(response.context["form"], "note", "Tämä kenttä vaaditaan.")
    assert not ProgressUpdate.objects.exists()


def test_an_attachment_over_twenty_megabytes_is_refused(client_of, editor, draft, settings):
    big = SimpleUploadedFile("iso.pdf", samples.pdf(size=MAX_UPLOAD_SIZE + 1))

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=big))

    assert response.status_code == 200
    assert response.context["form"].has_error("attachment", code="file_size")
    assertContains(response, "Tiedosto on liian suuri")
    assert not ProgressUpdate.objects.exists()
    assert not (settings.MEDIA_ROOT / "progress").exists()


def assert_error_beside(response, field, code):
    """The form came back with ``code`` on ``field``, its message shown under that field."""
    form = response.context["form"]
    assert form.has_error(field, code=code), form.errors.as_data()
    message = escape(form.errors[field][0])
    assertContains(
        response,
        f'<ul class="field__errors" id="id_{field}_errors"><li>{message}</li></ul>',
        html=True,
    )
    return message


@pytest.mark.parametrize(
    ("name", "content"),
    [("calc.pdf", samples.EXECUTABLE), ("page.png", samples.HTML_PAGE)],
    ids=["executable-named-pdf", "html-named-png"],
)
def test_an_attachment_whose_content_is_not_its_type_is_refused_and_the_input_kept(
    client_of, editor, draft, settings, name, content
):
    upload = SimpleUploadedFile(name, content, "application/pdf")
    data = update_data(figure="12,5", figure_label="tuntia", attachment=upload)

    response = client_of(editor).post(url("add_update", draft.pk), data)

    assert response.status_code == 200
    message = assert_error_beside(response, "attachment", "file_content")
    assert f"(.{name.rsplit('.', 1)[1]})" in message
    assert not ProgressUpdate.objects.exists()
    assert not (settings.MEDIA_ROOT / "progress").exists()
    form = response.context["form"]
    assert form["note"].value() == "Kevään kiertue tehty."
    assert form["figure"].value() == "12,5"
    assert form["figure_label"].value() == "tuntia"
    assertContains(response, "Kevään kiertue tehty.")


@pytest.mark.parametrize("name", ["ohjelma.exe", "kuva.gif", "ilman-paatetta"])
def test_an_attachment_of_another_type_is_refused(client_of, editor, draft, name):
    upload = SimpleUploadedFile(name, b"data")

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=upload))

    assert response.status_code == 200
    assertContains(response, "Tämän tyyppisiä tiedostoja ei voi lisätä.")
    assert not ProgressUpdate.objects.exists()


def test_an_attachment_of_exactly_twenty_megabytes_is_accepted(client_of, editor, draft):
    upload = SimpleUploadedFile("RAPORTTI.PDF", samples.pdf(size=MAX_UPLOAD_SIZE))

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=upload))

    assert response.status_code == 302
    assert ProgressUpdate.objects.get().attachment_filename.startswith("RAPORTTI")


@pytest.mark.parametrize(
    ("name", "build", "content_type"),
    [
        (
            "raportti.docx",
            samples.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("diat.ppt", samples.legacy_office, "application/vnd.ms-powerpoint"),
        ("kuva.jpeg", samples.jpeg, "image/jpeg"),
    ],
)
def test_a_real_document_is_attached_and_served_as_its_checked_type(
    client_of, editor, draft, name, build, content_type
):
    upload = SimpleUploadedFile(name, build(), "application/octet-stream")
    client = client_of(editor)

    response = client.post(url("add_update", draft.pk), update_data(attachment=upload))

    assert response.status_code == 302
    download = client.get(url("attachment", ProgressUpdate.objects.get().pk))
    assert download["Content-Type"] == content_type
    assert b"".join(download.streaming_content) == build()


@pytest.fixture
def draft_update(draft):
    return ProgressUpdateFactory(
        action=draft, attachment=SimpleUploadedFile("lista.txt", b"osallistujat")
    )


def test_the_attachment_of_a_draft_downloads_for_its_organisation_and_coordinator(
    client_of, editor, coordinator, national_team, draft_update
):
    for person in (editor, coordinator, national_team):
        response = client_of(person).get(url("attachment", draft_update.pk))
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["Content-Type"] == "text/plain; charset=utf-8"
        assert b"".join(response.streaming_content) == b"osallistujat"


def test_a_stored_attachment_that_is_not_its_type_downloads_as_plain_bytes(
    client_of, editor, draft
):
    # Stored before uploads were checked by content: the name says PDF, the bytes do not.
    update = ProgressUpdateFactory(
        action=draft, attachment=SimpleUploadedFile("calc.pdf", samples.EXECUTABLE)
    )

    response = client_of(editor).get(url("attachment", update.pk))

    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_attachment_of_a_draft_answers_404_to_everyone_else(
    client, client_of, editor_of_other_organisation, editor_of_other_region, draft_update
):
    assert client.get(url("attachment", draft_update.pk)).status_code == 404
    for person in (editor_of_other_organisation, editor_of_other_region):
        assert client_of(person).get(url("attachment", draft_update.pk)).status_code == 404


def test_an_update_without_attachment_has_no_download(client, accepted):
    update = ProgressUpdateFactory(action=accepted)

    assert client.get(url("attachment", update.pk)).status_code == 404


def test_an_editor_changes_and_deletes_an_update_with_its_file(client_of, editor, draft_update):
    client = client_of(editor)
    path = draft_update.attachment.path

    response = client.post(
        url("edit_update", draft_update.pk), update_data(note="Korjattu muistiinpano")
    )
    assert response.status_code == 302
    draft_update.refresh_from_db()
    assert draft_update.note == "Korjattu muistiinpano"
    assert draft_update.attachment.path == path

    assert client.get(url("delete_update", draft_update.pk)).status_code == 200
    response = client.post(url("delete_update", draft_update.pk))
    assert response.status_code == 302
    assert not ProgressUpdate.objects.exists()


def test_an_update_to_an_accepted_entry_waits_for_review_and_the_entry_stays_public(
    client, client_of, editor, accepted
):
    client_of(editor).post(url("add_update", accepted.pk), update_data(note="Uutta edistystä"))

    accepted.refresh_from_db()
    update = ProgressUpdate.objects.get()
    assert accepted.review_status == ReviewStatus.ACCEPTED
    assert update.review_status == ReviewStatus.SUBMITTED
    assert update.submitted_at is not None
    public = client.get(url("detail", accepted.pk))
    assert public.status_code == 200
    assertNotContains(public, "Uutta edistystä")


def test_an_accepted_update_appears_on_the_public_page(
    client, client_of, editor, coordinator, accepted
):
    client_of(editor).post(url("add_update", accepted.pk), update_data(note="Uutta edistystä"))
    update = ProgressUpdate.objects.get()

    response = client_of(coordinator).post(
        reverse("review:accept", args=["kaakkois-suomi", "update", update.pk]),
        {"shown": shown_version(update)},
    )

    assert response.status_code == 302
    update.refresh_from_db()
    assert update.review_status == ReviewStatus.ACCEPTED
    assertContains(client.get(url("detail", accepted.pk)), "Uutta edistystä")


def test_a_returned_update_stays_hidden_and_its_entry_public(
    client, client_of, editor, coordinator, accepted
):
    client_of(editor).post(url("add_update", accepted.pk), update_data(note="Uutta edistystä"))
    update = ProgressUpdate.objects.get()

    client_of(coordinator).post(
        reverse("review:return", args=["kaakkois-suomi", "update", update.pk]),
        {"shown": shown_version(update), "comment": "Lisää osallistujamäärä."},
    )

    update.refresh_from_db()
    accepted.refresh_from_db()
    assert update.review_status == ReviewStatus.RETURNED
    assert accepted.review_status == ReviewStatus.ACCEPTED
    assertNotContains(client.get(url("detail", accepted.pk)), "Uutta edistystä")
    # The editor changes it: it goes to the coordinator again.
    client_of(editor).post(url("edit_update", update.pk), update_data(note="Korjattu"))
    update.refresh_from_db()
    assert update.review_status == ReviewStatus.SUBMITTED


def test_a_decision_on_an_update_changed_since_shown_is_refused(
    client_of, editor, coordinator, accepted
):
    client_of(editor).post(url("add_update", accepted.pk), update_data())
    update = ProgressUpdate.objects.get()
    shown = shown_version(update)
    # The editor changes the update after the coordinator opened it: submitted again.
    client_of(editor).post(url("edit_update", update.pk), update_data(note="Muutettu"))

    client_of(coordinator).post(
        reverse("review:accept", args=["kaakkois-suomi", "update", update.pk]), {"shown": shown}
    )

    update.refresh_from_db()
    assert update.review_status == ReviewStatus.SUBMITTED


def test_the_coordinators_update_is_accepted_as_it_is(client, client_of, coordinator, accepted):
    client_of(coordinator).post(url("add_update", accepted.pk), update_data(note="Koordinaattori"))

    assert ProgressUpdate.objects.get().review_status == ReviewStatus.ACCEPTED
    assertContains(client.get(url("detail", accepted.pk)), "Koordinaattori")


def test_updates_of_a_draft_are_accepted_with_the_entry(client_of, editor, coordinator, draft):
    client_of(editor).post(url("add_update", draft.pk), update_data())
    assert ProgressUpdate.objects.get().review_status == ReviewStatus.DRAFT
    client_of(editor).post(url("submit", draft.pk))
    draft.refresh_from_db()

    client_of(coordinator).post(
        reverse("review:accept", args=["kaakkois-suomi", "guidance", draft.pk]),
        {"shown": shown_version(draft)},
    )

    assert ProgressUpdate.objects.get().review_status == ReviewStatus.ACCEPTED


def test_no_update_is_added_while_the_entry_waits_for_review(client_of, editor, submitted):
    response = client_of(editor).post(url("add_update", submitted.pk), update_data(), follow=True)

    assertContains(response, "odottaa koordinaattorin tarkastusta")
    assert not ProgressUpdate.objects.exists()


def test_an_editor_of_another_organisation_cannot_touch_the_updates(
    client_of, editor_of_other_organisation, draft, draft_update
):
    client = client_of(editor_of_other_organisation)

    assert client.post(url("add_update", draft.pk), update_data()).status_code == 403
    assert client.post(url("edit_update", draft_update.pk), update_data()).status_code == 403
    assert client.post(url("delete_update", draft_update.pk)).status_code == 403
    assert ProgressUpdate.objects.count() == 1
