"""The one rule for files people upload: progress-update attachments and event materials.

A file is accepted when its extension is one of ``DOCUMENT_TYPES``, it is at most
``MAX_UPLOAD_SIZE`` bytes, and its own bytes are what the extension claims: ``calc.pdf`` that
starts as a Windows program, or ``page.png`` that is an HTML page, is refused. Downloads take
their Content-Type from the same check (``served_content_type``), never from the name alone.

The checks are written here with the standard library rather than a signature library: the
ones that matter are containers (an OOXML or OpenDocument file is a zip whose directory says
which it is, read properly by ``zipfile`` from the end of the file) and text (UTF-8 that does
not look like a page or a script), which signature libraries guess from the first bytes or
leave out, while the rest are four constant prefixes.

Files are read through their own handle: the first ``HEAD_SIZE`` bytes, a zip's directory at
its end, and text in ``CHUNK_SIZE`` pieces, so a 20 MB upload is never held in memory whole.
Every check leaves the file at position 0 for whoever saves or streams it next.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

#: The largest file a person may upload, in bytes.
MAX_UPLOAD_SIZE = 20 * 1024 * 1024
#: How much of a file's beginning the checks read.
HEAD_SIZE = 8 * 1024
#: The piece of a text file decoded at a time.
CHUNK_SIZE = 64 * 1024
#: The Content-Type of a file whose content is not what its name says.
OPAQUE = "application/octet-stream"

Stream = IO[bytes]


def _head(stream: Stream, size: int = HEAD_SIZE) -> bytes:
    stream.seek(0)
    return stream.read(size)


def _starts_with(*signatures: bytes) -> Callable[[Stream], bool]:
    def matches(stream: Stream) -> bool:
        return _head(stream).startswith(signatures)

    return matches


def _open_zip(stream: Stream) -> zipfile.ZipFile | None:
    """The stream opened as a zip, or None if it is not one from its very first byte.

    The first-byte test matters: ``zipfile`` also opens a program with a zip appended (a
    self-extracting installer), which is exactly what must not pass as a document.
    """
    if _head(stream, 4) != b"PK\x03\x04":
        return None
    try:
        return zipfile.ZipFile(stream)  # Reads only the directory at the end of the file.
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None


def _office_open_xml(part: str) -> Callable[[Stream], bool]:
    """An OOXML package (docx, xlsx, pptx): content types, and parts under ``part``."""

    def matches(stream: Stream) -> bool:
        package = _open_zip(stream)
        if package is None:
            return False
        with package:
            names = package.namelist()
        return "[Content_Types].xml" in names and any(name.startswith(part) for name in names)

    return matches


def _open_document(mimetype: str) -> Callable[[Stream], bool]:
    """An OpenDocument package (odt, ods, odp): its ``mimetype`` entry names the kind."""

    def matches(stream: Stream) -> bool:
        package = _open_zip(stream)
        if package is None:
            return False
        with package:
            try:
                entry = package.getinfo("mimetype")
                if entry.file_size > 200:  # A real one is a short line; refuse to inflate more.
                    return False
                return package.read(entry).strip() == mimetype.encode("ascii")
            except (KeyError, zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
                return False  # RuntimeError: the entry is encrypted.

    return matches


#: Beginnings that make text a page, an image a browser would run, or a script.
_MARKUP = re.compile(
    rb"""^\s*(?:<!doctype|<\?xml|<!--|<(?:html|head|body|script|iframe|svg|object|embed|style
    |title|table|div|font|h1|a|b|p|br|meta|link|img)[\s/>]|\#!)""",
    re.IGNORECASE | re.VERBOSE,
)
#: Tags that make text dangerous wherever they appear near its start.
_ACTIVE_TAG = re.compile(rb"<\s*/?\s*(?:script|html|svg|iframe|object|embed)\b", re.IGNORECASE)


def _plain_text(stream: Stream) -> bool:
    """UTF-8 text without NUL bytes that does not begin like HTML, SVG or a script.

    The whole file is decoded, a piece at a time, as a broken byte at the end is as wrong as
    one at the start; the look of markup is judged from the head, as a browser sniffs it.
    """
    chunk = _head(stream, CHUNK_SIZE)
    head = chunk[:HEAD_SIZE].removeprefix(codecs.BOM_UTF8)
    if _MARKUP.match(head) or _ACTIVE_TAG.search(head):
        return False
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk:
            if b"\x00" in chunk:
                return False
            decoder.decode(chunk)
            chunk = stream.read(CHUNK_SIZE)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


@dataclass(frozen=True)
class DocumentType:
    """A kind of file people may upload: how it is served and how its content is recognised."""

    content_type: str
    matches: Callable[[Stream], bool]


_PDF = DocumentType("application/pdf", _starts_with(b"%PDF-"))
_JPEG = DocumentType("image/jpeg", _starts_with(b"\xff\xd8\xff"))

#: Every type an attachment or a material may be, by lower-case extension. Documents, sheets
#: and slides in Office (OOXML) and OpenDocument formats, PDF, photos and plain text. Of the
#: legacy binary Office formats only ``ppt`` stays, as materials took old slide decks before;
#: ``doc`` and ``xls`` were never accepted and are where macro malware lives, so they are not.
#: GIF, SVG, HTML and archives are not documents people report with.
DOCUMENT_TYPES: dict[str, DocumentType] = {
    "pdf": _PDF,
    "docx": DocumentType(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _office_open_xml("word/"),
    ),
    "xlsx": DocumentType(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _office_open_xml("xl/"),
    ),
    "pptx": DocumentType(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        _office_open_xml("ppt/"),
    ),
    "ppt": DocumentType(
        "application/vnd.ms-powerpoint", _starts_with(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    ),
    "odt": DocumentType(
        "application/vnd.oasis.opendocument.text",
        _open_document("application/vnd.oasis.opendocument.text"),
    ),
    "ods": DocumentType(
        "application/vnd.oasis.opendocument.spreadsheet",
        _open_document("application/vnd.oasis.opendocument.spreadsheet"),
    ),
    "odp": DocumentType(
        "application/vnd.oasis.opendocument.presentation",
        _open_document("application/vnd.oasis.opendocument.presentation"),
    ),
    "png": DocumentType("image/png", _starts_with(b"\x89PNG\r\n\x1a\n")),
    "jpg": _JPEG,
    "jpeg": _JPEG,
    "txt": DocumentType("text/plain; charset=utf-8", _plain_text),
}
ALLOWED_EXTENSIONS: tuple[str, ...] = tuple(DOCUMENT_TYPES)
#: The file inputs' ``accept`` attribute, so the browser's picker offers the same types.
ACCEPT = ",".join(f".{extension}" for extension in ALLOWED_EXTENSIONS)
#: The help text under every upload field.
UPLOAD_HELP_TEXT = _(
    "At most 20 MB: PDF, Word, Excel, PowerPoint, OpenDocument, image (PNG, JPG) or text."
)


def extension_of(name: str | None) -> str:
    """The lower-case extension of a file name without its dot; "" when it has none."""
    return PurePath(name or "").suffix.lower().lstrip(".")


def _content_matches(document_type: DocumentType, file: File) -> bool:
    """Whether the file's bytes are of ``document_type``; the file is left at position 0."""
    stream: Stream = file  # type: ignore[assignment]  # File proxies read, seek and tell.
    try:
        return document_type.matches(stream)
    except (OSError, ValueError, io.UnsupportedOperation):
        return False
    finally:
        file.seek(0)


def validate_upload(upload: File) -> None:
    """Refuse a file of another type, over ``MAX_UPLOAD_SIZE``, or not what its name says.

    Raises ValidationError with the code ``file_type``, ``file_size`` or ``file_content``,
    checked in that order so the cheap checks answer first.
    """
    extension = extension_of(upload.name)
    document_type = DOCUMENT_TYPES.get(extension)
    if document_type is None:
        raise ValidationError(
            _("Files of this type cannot be added. Allowed types: %(extensions)s."),
            code="file_type",
            params={"extensions": ", ".join(ALLOWED_EXTENSIONS)},
        )
    size = upload.size or 0
    if size > MAX_UPLOAD_SIZE:
        raise ValidationError(
            _("The file is too large (%(size)s). The largest allowed is %(limit)s."),
            code="file_size",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_UPLOAD_SIZE)},
        )
    if not _content_matches(document_type, upload):
        raise ValidationError(
            _("The file's content does not match its type (.%(extension)s)."),
            code="file_content",
            params={"extension": extension},
        )


def served_content_type(stored: File) -> str:
    """The Content-Type to serve an open stored file with: its type's if the content is of it.

    Checked again on the way out rather than trusted from the name, so a file stored before
    uploads were checked by content (or of a type no longer allowed) goes out as opaque
    bytes, which no browser renders. Leaves the file at position 0 for the response.
    """
    document_type = DOCUMENT_TYPES.get(extension_of(stored.name))
    if document_type is None or not _content_matches(document_type, stored):
        return OPAQUE
    return document_type.content_type
