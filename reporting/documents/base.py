"""What every PDF document shares: its cover, the error a build may end in, and printing.

A document module builds frozen dataclasses from the database (a constant number of
queries) and renders them with ``render_to_string``; ``write_pdf`` turns the HTML into a
tagged PDF with the shared print stylesheet.

A document is built in the active language (the job's, ``reporting.pdf.run_job``): its
content texts are ``lib.translation.LocalizedText``, so a Finnish text in a Swedish or an
English document is marked ``lang="fi"``, and WeasyPrint hyphenates every text by the rules
of its own language (``hyphens: auto`` in the print stylesheet, pyphen's dictionaries).
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

from lib.translation import LocalizedText, active_language

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

    @property
    def description(self) -> str:
        """The document in one line of plain text, for the PDF's metadata (no markup)."""
        parts = [str.__str__(self.title)]
        if self.region_name:
            parts.append(f" – {str.__str__(self.region_name)}")  # noqa: RUF001 (an en dash)
        if self.period:
            parts.append(f", {self.period}")
        return "".join(parts)


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


def numbered(number: Any, text: LocalizedText) -> LocalizedText:
    """ "3. Title", still marked as the title's language (a number reads in any language)."""
    return LocalizedText(f"{number}. {text.plain}", text.lang, text.fallback)


def listed(text: LocalizedText, separator: str = ",") -> tuple[LocalizedText, ...]:
    """The items of a comma-separated text (a strategy's values), each in the text's language."""
    return tuple(
        LocalizedText(item.strip(), text.lang, text.fallback)
        for item in text.plain.split(separator)
        if item.strip()
    )


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
    """Render ``reporting/pdf/<template_name>`` with the document in the active language,
    which ``<html lang>`` names: WeasyPrint hyphenates by it and writes it as the PDF's
    ``/Lang``."""
    html = render_to_string(
        template_path(prepared.template_name),
        {"document": prepared.document, "title": prepared.title, "lang": active_language()},
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
