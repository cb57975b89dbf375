"""Materials of an event: a file or a link, checked before anything is saved, and downloads
that follow the event's visibility."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertRedirects

from events.models import EventMaterial
from lib.uploads import MAX_UPLOAD_SIZE
from portal.review import ReviewStatus
from tests.factories import EventFactory, EventMaterialFactory
from tests.lib import samples

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(kotka):
    event = EventFactory(region=kotka.region, title="Ohjaamotapaaminen")
    event.organisers.add(kotka)
    return event


def add_url(event):
    return reverse("events:material_add", kwargs={"region": event.region.slug, "pk": event.pk})


def download_url(material):
    return reverse(
        "events:material_download",
        kwargs={"region": material.event.region.slug, "pk": material.pk},
    )


def pdf(name="diat.pdf", size=None):
    return SimpleUploadedFile(name, samples.pdf(size=size), "application/pdf")


def media_files(settings):
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def test_an_editor_uploads_slides_and_the_public_downloads_them(client_of, editor, event):
    response = client_of(editor).post(add_url(event), {"title": "Diat", "file": pdf()})

    assertRedirects(
        response, event.get_absolute_url() + "#materials", fetch_redirect_response=False
    )
    material = EventMaterial.objects.get()
    page = client_of(None).get(event.get_absolute_url())
    assertContains(page, download_url(material))
    download = client_of(None).get(download_url(material))
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="diat.pdf"'
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_a_link_is_a_material_too(client_of, editor, event):
    client_of(editor).post(add_url(event), {"title": "Tallenne", "url": "https://example.fi/t"})

    assert EventMaterial.objects.get().url == "https://example.fi/t"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"title": "Iso", "file": pdf(size=MAX_UPLOAD_SIZE + 1)},
            "Tiedosto on liian suuri",
        ),
        (
            {"title": "Ohjelma", "file": SimpleUploadedFile("ohjelma.exe", b"MZ")},
            "Tämän tyyppisiä tiedostoja ei voi lisätä",
        ),
        (
            {"title": "Molemmat", "file": pdf(), "url": "https://example.fi/d"},
            "Anna joko tiedosto tai linkki, ei molempia.",
        ),
        ({"title": "Ei mitään"}, "Lisää tiedosto tai anna linkki."),
    ],
    ids=["too-large", "wrong-type", "file-and-link", "neither"],
)
def test_a_bad_material_is_refused_in_finnish_and_nothing_is_saved(
    client_of, editor, event, settings, data, message
):
    response = client_of(editor).post(add_url(event), data)

    assert response.status_code == 200
    assertContains(response, message)
    assert not EventMaterial.objects.exists()
    assert media_files(settings) == []


@pytest.mark.parametrize(
    ("name", "content"),
    [("calc.pdf", samples.EXECUTABLE), ("page.png", samples.HTML_PAGE)],
    ids=["executable-named-pdf", "html-named-png"],
)
def test_a_material_whose_content_is_not_its_type_is_refused_beside_the_field(
    client_of, editor, event, settings, name, content
):
    upload = SimpleUploadedFile(name, content, "application/pdf")

    response = client_of(editor).post(add_url(event), {"title": "Kevään diat", "file": upload})

    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("file", code="file_content"), form.errors.as_data()
    message = escape(form.errors["file"][0])
    assert f"(.{name.rsplit('.', 1)[1]})" in message
    assertContains(
        response,
        f'<ul class="field__errors" id="id_file_errors"><li>{message}</li></ul>',
        html=True,
    )
    assert form["title"].value() == "Kevään diat"
    assert not EventMaterial.objects.exists()
    assert media_files(settings) == []


@pytest.mark.parametrize(
    ("name", "build", "content_type"),
    [
        ("taulukko.ods", samples.ods, "application/vnd.oasis.opendocument.spreadsheet"),
        ("muistio.txt", samples.text, "text/plain; charset=utf-8"),
        ("KUVA.PNG", samples.png, "image/png"),
    ],
)
def test_materials_of_every_shared_type_are_added_and_served_as_their_type(
    client_of, editor, event, name, build, content_type
):
    upload = SimpleUploadedFile(name, build(), "application/octet-stream")

    response = client_of(editor).post(add_url(event), {"title": "Aineisto", "file": upload})

    assert response.status_code == 302
    download = client_of(None).get(download_url(EventMaterial.objects.get()))
    assert download["Content-Type"] == content_type


def test_a_stored_material_that_is_not_its_type_downloads_as_plain_bytes(client_of, event):
    material = EventMaterialFactory(
        event=event, url="", file=SimpleUploadedFile("diat.pdf", samples.EXECUTABLE)
    )

    download = client_of(None).get(download_url(material))

    assert download["Content-Type"] == "application/octet-stream"


def test_an_editor_of_another_organisation_cannot_add_material(
    client_of, editor_of_other_organisation, event
):
    response = client_of(editor_of_other_organisation).post(
        add_url(event), {"title": "Diat", "file": pdf()}
    )

    assert response.status_code == 403
    assert not EventMaterial.objects.exists()


def test_a_drafts_material_is_downloaded_only_by_those_who_read_the_draft(
    client_of, editor, coordinator, editor_of_other_organisation, national_team, event
):
    event.review_status = ReviewStatus.DRAFT
    event.save()
    material = EventMaterialFactory(event=event, url="", file=pdf())

    for user in (None, editor_of_other_organisation):
        assert client_of(user).get(download_url(material)).status_code == 404
    for user in (editor, coordinator, national_team):
        assert client_of(user).get(download_url(material)).status_code == 200


def test_a_material_of_another_region_is_not_found(client_of, coordinator, event):
    material = EventMaterialFactory(event=EventFactory(), url="", file=pdf())

    url = reverse(
        "events:material_download", kwargs={"region": "kaakkois-suomi", "pk": material.pk}
    )
    assert client_of(coordinator).get(url).status_code == 404


def test_removing_a_material_asks_first_and_deletes_its_file(
    client_of, editor, event, settings, django_capture_on_commit_callbacks
):
    material = EventMaterialFactory(event=event, url="", file=pdf())
    url = reverse("events:material_delete", kwargs={"region": "kaakkois-suomi", "pk": material.pk})
    client = client_of(editor)

    assertContains(client.get(url), "Poistetaanko")
    assert len(media_files(settings)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)

    assert not EventMaterial.objects.exists()
    assert media_files(settings) == []
