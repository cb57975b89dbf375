"""The one rule for uploaded files: an allowed extension, at most 20 MB, and content that is
what the extension says, checked from the file's own bytes rather than its name."""

import contextlib
import io
import random

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from lib.uploads import ALLOWED_EXTENSIONS, MAX_UPLOAD_SIZE, served_content_type, validate_upload
from tests.lib import samples


def refusal(name: str, content: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_upload(SimpleUploadedFile(name, content))
    return caught.value


def test_one_list_of_types_serves_both_attachments_and_materials():
    assert set(ALLOWED_EXTENSIONS) == {
        "pdf", "docx", "xlsx", "pptx", "ppt", "odt", "ods", "odp", "png", "jpg", "jpeg", "txt",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("name", "build", "content_type"),
    [
        ("raportti.pdf", samples.pdf, "application/pdf"),
        ("kuva.png", samples.png, "image/png"),
        ("kuva.jpg", samples.jpeg, "image/jpeg"),
        ("kuva.jpeg", samples.jpeg, "image/jpeg"),
        (
            "raportti.docx",
            samples.docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "taulukko.xlsx",
            samples.xlsx,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        (
            "diat.pptx",
            samples.pptx,
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        ("muistio.odt", samples.odt, "application/vnd.oasis.opendocument.text"),
        ("taulukko.ods", samples.ods, "application/vnd.oasis.opendocument.spreadsheet"),
        ("diat.odp", samples.odp, "application/vnd.oasis.opendocument.presentation"),
        ("vanhat-diat.ppt", samples.legacy_office, "application/vnd.ms-powerpoint"),
        ("osallistujat.txt", samples.text, "text/plain; charset=utf-8"),
        ("RAPORTTI.PDF", samples.pdf, "application/pdf"),
        ("KUVA.JPG", samples.jpeg, "image/jpeg"),
        ("Raportti.Docx", samples.docx, None),
    ],
)
def test_a_real_file_of_an_allowed_type_is_accepted_and_served_as_its_type(
    name, build, content_type
):
    upload = SimpleUploadedFile(name, build())

    validate_upload(upload)

    assert upload.tell() == 0
    if content_type:
        assert served_content_type(upload) == content_type


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("calc.pdf", samples.EXECUTABLE),
        ("calc.pdf", random.Random(2024).randbytes(4096)),  # noqa: S311 (test data, not secrets)
        ("page.png", samples.HTML_PAGE),
        ("page.jpg", samples.HTML_PAGE),
        ("kuva.jpg", samples.png()),
        ("raportti.pdf", samples.docx()),
        ("raportti.docx", samples.xlsx()),
        ("taulukko.xlsx", samples.docx()),
        ("diat.pptx", samples.odp()),
        ("taulukko.ods", samples.odt()),
        ("raportti.docx", b"PK\x03\x04 not really a zip"),
        ("raportti.docx", samples.EXECUTABLE + samples.docx()),  # An installer with a zip inside.
        ("diat.ppt", samples.pdf()),
        ("lista.txt", samples.EXECUTABLE),
        ("lista.txt", samples.HTML_PAGE),
        ("lista.txt", b"\n  <svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"),
        ("lista.txt", b"Muistio\n<script>alert(1)</script>"),
        ("lista.txt", b"#!/bin/sh\nrm -rf ~\n"),
        ("lista.txt", "Päätös".encode("latin-1")),
        ("lista.txt", b"nolla\x00tavua"),
    ],
)
def test_content_that_is_not_what_the_extension_claims_is_refused(name, content):
    error = refusal(name, content)

    assert error.code == "file_content"


def test_the_refusal_names_the_claimed_type_in_a_translatable_message():
    error = refusal("CALC.PDF", samples.EXECUTABLE)

    with translation.override("en"):
        assert error.messages == ["The file's content does not match its type (.pdf)."]


@pytest.mark.parametrize("name", ["ohjelma.exe", "kuva.gif", "sivu.html", "ilman-paatetta", ".pdf"])
def test_a_file_of_another_extension_is_refused_whatever_its_content(name):
    error = refusal(name, samples.pdf())

    assert error.code == "file_type"


def test_a_file_of_exactly_twenty_megabytes_is_accepted():
    validate_upload(SimpleUploadedFile("iso.pdf", samples.pdf(size=MAX_UPLOAD_SIZE)))


def test_a_file_over_twenty_megabytes_is_refused():
    assert MAX_UPLOAD_SIZE == 20 * 1024 * 1024

    error = refusal("iso.pdf", samples.pdf(size=MAX_UPLOAD_SIZE + 1))

    assert error.code == "file_size"


class CountingReads(io.BytesIO):
    """A file that remembers how many bytes were read from it."""

    bytes_read = 0
    largest_read = 0

    def read(self, size=-1):
        data = super().read(size)
        self.bytes_read += len(data)
        self.largest_read = max(self.largest_read, len(data))
        return data


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("iso.pdf", samples.pdf(size=MAX_UPLOAD_SIZE)),
        ("calc.pdf", samples.EXECUTABLE + bytes(MAX_UPLOAD_SIZE - 256)),
        ("iso.docx", samples.docx() + bytes(MAX_UPLOAD_SIZE // 2)),
    ],
)
def test_a_large_binary_file_is_checked_from_its_head_and_rewound(name, content):
    handle = CountingReads(content)
    upload = File(handle, name=name)
    handle.seek(1234)

    with contextlib.suppress(ValidationError):
        validate_upload(upload)

    assert handle.bytes_read <= 256 * 1024  # The head, and a zip's directory at its end.
    assert handle.tell() == 0


def test_a_large_text_file_is_read_in_pieces_and_rewound():
    content = samples.text(size=MAX_UPLOAD_SIZE)
    handle = CountingReads(content)

    validate_upload(File(handle, name="loki.txt"))

    assert handle.bytes_read == len(content)
    assert handle.largest_read <= 64 * 1024
    assert handle.tell() == 0


def test_a_stored_file_whose_content_does_not_match_its_name_is_served_as_plain_bytes():
    stored = File(io.BytesIO(samples.EXECUTABLE), name="progress/2024/calc.pdf")

    assert served_content_type(stored) == "application/octet-stream"
    assert stored.tell() == 0


def test_a_stored_file_of_a_type_no_longer_allowed_is_served_as_plain_bytes():
    stored = File(io.BytesIO(samples.HTML_PAGE), name="events/2024/sivu.html")

    assert served_content_type(stored) == "application/octet-stream"
