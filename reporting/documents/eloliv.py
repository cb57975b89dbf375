"""The ELOLIV good-practices booklet: one region's published practices, or every region's.

Three queries whatever the row counts: the practices with their region joined, and their
organisations and current focus areas prefetched (``GoodPracticeQuerySet.with_links``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

from actions.models import GoodPractice
from lib.translation import LocalizedText, localized
from network.models import Region
from reporting.documents.base import (
    Chapter,
    Cover,
    DocumentError,
    PreparedDocument,
    file_name,
    numbered,
    today,
)

#: The template in ``reporting/pdf/`` that renders this document.
TEMPLATE_NAME = "eloliv_booklet.html"


@dataclass(frozen=True)
class PracticeEntry:
    anchor: str
    number: int | None
    title: LocalizedText
    description: LocalizedText
    organisations: tuple[str, ...]
    focus_areas: tuple[LocalizedText, ...]


@dataclass(frozen=True)
class RegionPractices:
    anchor: str
    region_name: LocalizedText
    network_name: str
    practices: tuple[PracticeEntry, ...]


@dataclass(frozen=True)
class ElolivBooklet:
    cover: Cover
    chapters: tuple[Chapter, ...]
    regions: tuple[RegionPractices, ...]
    practice_count: int


def build_eloliv_booklet(region: Region | None) -> ElolivBooklet:
    """Return the booklet of ``region``'s published good practices, or of all regions'.

    Regions come in their usual order and practices by number. Raises DocumentError when
    there is no published practice to print.
    """
    practices = GoodPractice.objects.published().with_links().select_related("region")
    if region is not None:
        practices = practices.for_region(region)
    by_region: dict[int, list[GoodPractice]] = {}
    regions: dict[int, Region] = {}
    for practice in practices:
        by_region.setdefault(practice.region_id, []).append(practice)
        regions[practice.region_id] = practice.region
    if not by_region:
        raise DocumentError(_("No good practices have been published yet."))
    ordered = sorted(regions.values(), key=lambda r: (r.position, r.name))
    sections = tuple(
        RegionPractices(
            anchor=f"alue-{r.slug}",
            region_name=localized(r, "name"),
            network_name=r.network_label,
            practices=tuple(
                PracticeEntry(
                    anchor=f"kaytanto-{r.slug}-{practice.pk}",
                    number=practice.number,
                    title=localized(practice, "title"),
                    description=localized(practice, "description"),
                    organisations=tuple(o.name for o in practice.organisations.all()),
                    focus_areas=tuple(
                        numbered(f.number, localized(f, "title"))
                        for f in practice.focus_areas.all()
                    ),
                )
                for practice in by_region[r.pk]
            ),
        )
        for r in ordered
    )
    if region is None:
        chapters = tuple(Chapter(section.anchor, section.region_name) for section in sections)
    else:
        chapters = tuple(
            Chapter(
                entry.anchor, numbered(entry.number, entry.title) if entry.number else entry.title
            )
            for entry in sections[0].practices
        )
    region_name = localized(region, "name") if region else _("All regions")
    return ElolivBooklet(
        cover=Cover(
            title=_("ELOLIV good-practices booklet"),
            subtitle=region.network_label if region else _("All ELO networks"),
            region_name=region_name,
            period="",
            made_on=today(),
        ),
        chapters=chapters,
        regions=sections,
        practice_count=sum(len(section.practices) for section in sections),
    )


def prepare_eloliv_booklet(region: Region | None) -> PreparedDocument:
    document = build_eloliv_booklet(region)
    return PreparedDocument(
        TEMPLATE_NAME,
        document,
        title=f"{document.cover.title}: {document.cover.region_name}",
        filename=file_name("eloliv-vihko", region.slug if region else "kaikki-alueet"),
    )
