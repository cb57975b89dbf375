"""Private files go out through one helper: opened, named, typed, and 404 when missing."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import InMemoryStorage
from django.db.models import FileField
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.utils import translation

from lib.downloads import serve_file
from tests.lib import samples


def stored(name: str, content: bytes | None = None) -> FieldFile:
    storage = InMemoryStorage()
    if content is not None:
        name = storage.save(name, ContentFile(content))
    return FieldFile(None, FileField(storage=storage), name)


def test_a_file_goes_out_as_a_named_attachment_typed_by_its_content():
    response = serve_file(stored("liitteet/raportti.pdf", samples.pdf()), filename="raportti.pdf")

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="raportti.pdf"'
    assert b"".join(response.streaming_content) == samples.pdf()


def test_a_file_whose_content_is_not_its_name_goes_out_as_opaque_bytes():
    page = stored("sivu.png", b"<html><script>x</script></html>")

    response = serve_file(page, filename="sivu.png")

    assert response["Content-Type"] == "application/octet-stream"


def test_a_given_type_and_an_ascii_name_are_used_as_given():
    response = serve_file(
        stored("pdf/vihko.pdf", b"%PDF-1.7 kokeilu"),
        filename="käytännöt.pdf",
        content_type="application/pdf",
        ascii_filename="kaytannot.pdf",
    )

    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        "attachment; filename=\"kaytannot.pdf\"; filename*=UTF-8''k%C3%A4yt%C3%A4nn%C3%B6t.pdf"
    )


def test_a_missing_file_is_a_404_with_the_one_message():
    with translation.override("fi"), pytest.raises(Http404) as caught:
        serve_file(stored("liitteet/poistettu.pdf"), filename="poistettu.pdf")

    assert str(caught.value) == "Tiedostoa ei löytynyt."
