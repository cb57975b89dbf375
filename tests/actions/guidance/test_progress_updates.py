"""Progress updates: dated notes with a figure and an attachment only readers may download."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pytest_django.asserts import assertContains, assertFormError

from actions.forms import MAX_ATTACHMENT_SIZE
from actions.models import ProgressUpdate
from network.review import ReviewStatus
from tests.actions.guidance.conftest import url
from tests.factories import ProgressUpdateFactory

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


def test_an_attachment_over_ten_megabytes_is_refused(client_of, editor, draft, settings):
    big = SimpleUploadedFile("iso.pdf", b"x" * (MAX_ATTACHMENT_SIZE + 1))

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=big))

    assert response.status_code == 200
    assertFormError(
        response.context["form"],
        "attachment",
        "Tiedosto on liian suuri: liitteen koko voi olla enintään 10 Mt.",
    )
    assert not ProgressUpdate.objects.exists()
    assert not (settings.MEDIA_ROOT / "progress").exists()


@pytest.mark.parametrize("name", ["ohjelma.exe", "kuva.gif", "ilman-paatetta"])
def test_an_attachment_of_another_type_is_refused(client_of, editor, draft, name):
    upload = SimpleUploadedFile(name, b"data")

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=upload))

    assert response.status_code == 200
    assertContains(response, "Tämän tyyppisiä tiedostoja ei voi liittää.")
    assert not ProgressUpdate.objects.exists()


def test_an_attachment_of_exactly_ten_megabytes_is_accepted(client_of, editor, draft):
    upload = SimpleUploadedFile("RAPORTTI.PDF", b"x" * MAX_ATTACHMENT_SIZE)

    response = client_of(editor).post(url("add_update", draft.pk), update_data(attachment=upload))

    assert response.status_code == 302
    assert ProgressUpdate.objects.get().attachment_filename.startswith("RAPORTTI")


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
        assert b"".join(response.streaming_content) == b"osallistujat"


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


def test_an_update_to_an_accepted_entry_by_its_editor_returns_the_entry_to_draft(
    client_of, editor, accepted
):
    client_of(editor).post(url("add_update", accepted.pk), update_data())

    accepted.refresh_from_db()
    assert accepted.review_status == ReviewStatus.DRAFT


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
