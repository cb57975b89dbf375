"""What every PDF document shares: its cover, the error a build may end in, and printing.

A document module builds frozen dataclasses from the database (a constant number of
queries) and renders them with ``render_to_string``; ``write_pdf`` turns the HTML into a
tagged PDF with the shared print stylesheet.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

#: The print stylesheet every document shares; fonts, page size, headers and footers.
PRINT_CSS = Path(__file__).resolve().parent.parent / "templates" / "reporting" / "pdf" / "print.css"


class DocumentError(Exception):
    """A document cannot be built for a reason its requester can act on.

    ``message`` is translated and readable: the status page shows it as it is.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Cover:
    """The cover page: title, the region (or "all regions"), the period and the date made."""

    title: str
    subtitle: str
    region_name: str
    period: str
    made_on: dt.date


@dataclass(frozen=True)
class Chapter:
    """An entry of the table of contents: the anchor of a chapter heading and its title."""

    anchor: str
    title: str


@dataclass(frozen=True)
class PreparedDocument:
    """A document's data gathered from the database, with the template that renders it."""

    template_name: str
    document: Any
    title: str
    filename: str


@dataclass(frozen=True)
class RenderedDocument:
    """A document's HTML, ready for WeasyPrint, and the name its file is offered under."""

    title: str
    html: str
    filename: str


def today() -> dt.date:
    return timezone.localdate()


def file_name(*parts: str) -> str:
    """An ASCII file name of the parts: "TNO-yhteenveto Kaakkois-Suomi" → "tno-yhteenveto-…".

    Finnish letters keep their base letter (ä → a, ö → o, å → a), so the name stays
    readable in every browser and file system.
    """
    text = "-".join(part for part in parts if part)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return (slugify(ascii_text) or "asiakirja") + ".pdf"


def template_path(template_name: str) -> str:
    """Where a document's template is: ``reporting/pdf/<template_name>``."""
    return f"reporting/pdf/{template_name}"


def render(prepared: PreparedDocument) -> RenderedDocument:
    """Render ``reporting/pdf/<template_name>`` with the document in the active language."""
    html = render_to_string(
        template_path(prepared.template_name),
        {"document": prepared.document, "title": prepared.title, "lang": get_language() or "fi"},
    )
    return RenderedDocument(title=prepared.title, html=html, filename=prepared.filename)


def write_pdf(html: str, target: Path) -> None:
    """Write the HTML as a tagged PDF/UA-1 file (WeasyPrint 70 supports the variant).

    The stylesheet is loaded from the templates folder, which is also the base URL, so a
    document could refer to files beside it; nothing is fetched from the network.
    """
    import weasyprint  # Imported here: loading it takes a while and only workers need it.

    weasyprint.HTML(string=html, base_url=str(PRINT_CSS.parent)).write_pdf(
        target,
        stylesheets=[weasyprint.CSS(filename=str(PRINT_CSS))],
        pdf_variant="pdf/ua-1",
    )
