"""Small but real files of each type the portal accepts, built in memory for upload tests.

Each builder returns the bytes a real program would write (Pillow for images, openpyxl for a
workbook, the OOXML and OpenDocument packages as their specifications lay them out), so a
check of the content sees what a person's upload would carry. ``size`` pads a file to an exact
length where the format allows trailing bytes (PDF, text).
"""

import functools
import io
import zipfile

from PIL import Image

#: The start of a Windows executable, as ``calc.exe`` begins.
EXECUTABLE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(240)
#: An HTML page that would run a script if a browser rendered it.
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"

MINIMAL_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n"
    b"%%EOF\n"
)


def pad(data: bytes, size: int | None, filler: bytes = b"\n") -> bytes:
    """``data`` lengthened to ``size`` bytes with ``filler`` (a PDF ignores trailing lines)."""
    if size is None:
        return data
    assert size >= len(data)
    return data + filler * (size - len(data))


def pdf(size: int | None = None) -> bytes:
    return pad(MINIMAL_PDF, size)


def image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), "#0a6").save(buffer, format=fmt)
    return buffer.getvalue()


def png() -> bytes:
    return image("PNG")


def jpeg() -> bytes:
    return image("JPEG")


def text(size: int | None = None) -> bytes:
    return pad("Osallistujat: 12 nuorta, 3 ohjaajaa; päätös tehty.\n".encode(), size, b"x")


def _zip(entries: list[tuple[str, str]], *, stored_first: bool = False) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for index, (name, content) in enumerate(entries):
            # A fixed time: two builds of one sample are the same bytes (tests compare them).
            info = zipfile.ZipInfo(name, date_time=(2021, 1, 1, 0, 0, 0))
            info.compress_type = (
                zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            )
            package.writestr(info, content)
    return buffer.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="{part}" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def ooxml(part: str, content_type: str, body: str) -> bytes:
    """An Office Open XML package: content types, the package relationships, the main part."""
    return _zip(
        [
            ("[Content_Types].xml", CONTENT_TYPES.format(part=part, content_type=content_type)),
            ("_rels/.rels", RELS.format(part=part)),
            (part, body),
        ]
    )


def docx() -> bytes:
    return ooxml(
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Raportti</w:t></w:r></w:p></w:body></w:document>",
    )


def pptx() -> bytes:
    return ooxml(
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    )


@functools.cache  # openpyxl stamps the time: build once, so every call gives the same bytes
def xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["Tapahtuma", "Osallistujat"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def opendocument(mimetype: str) -> bytes:
    """An OpenDocument package: the ``mimetype`` entry first and uncompressed, as ODF asks."""
    return _zip(
        [
            ("mimetype", mimetype),
            (
                "META-INF/manifest.xml",
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
                'manifest:1.0"><manifest:file-entry manifest:full-path="/" '
                f'manifest:media-type="{mimetype}"/></manifest:manifest>',
            ),
            ("content.xml", "<office:document-content/>"),
        ],
        stored_first=True,
    )


def odt() -> bytes:
    return opendocument("application/vnd.oasis.opendocument.text")


def ods() -> bytes:
    return opendocument("application/vnd.oasis.opendocument.spreadsheet")


def odp() -> bytes:
    return opendocument("application/vnd.oasis.opendocument.presentation")


def legacy_office() -> bytes:
    """The header of an OLE2 compound file, as PowerPoint 97-2003 writes its slides."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
