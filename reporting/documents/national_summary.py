"""The national summary of a year's reports as a PDF: levels, activities, matrix, charts.

The content is ``reporting.summary.build_national_summary`` (six queries) over the reports
the job's audience reads (``portal.rules.ReportAudience``, stored in the job's parameters
by ``reporting.pdf.request_pdf``); this module adds the cover, the table of contents and
one bar chart of the level distribution per sub-theme, without a query of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lib.translation import LocalizedText
from portal.rules import ReportAudience
from reporting import charts
from reporting.documents.base import (
    Chapter,
    Cover,
    DocumentError,
    PreparedDocument,
    file_name,
    numbered,
    today,
)
from reporting.models import AnnualReport
from reporting.summary import NationalSummary, SubThemeSummary, build_national_summary

#: The template in ``reporting/pdf/`` that renders this document.
TEMPLATE_NAME = "national_summary.html"


@dataclass(frozen=True)
class SubThemeSection:
    """A sub-theme's summary with its level distribution drawn as a bar chart."""

    summary: SubThemeSummary
    chart: SafeString


@dataclass(frozen=True)
class ThemeSection:
    anchor: str
    number: int
    title: LocalizedText
    sub_themes: tuple[SubThemeSection, ...]


@dataclass(frozen=True)
class NationalSummaryPdf:
    cover: Cover
    chapters: tuple[Chapter, ...]
    summary: NationalSummary
    themes: tuple[ThemeSection, ...]
    #: The matrix columns with their titles, for the legend under the table.
    columns: tuple[tuple[str, LocalizedText], ...]


def build_national_summary_pdf(year: int, audience: ReportAudience) -> NationalSummaryPdf:
    """Return the year's national summary of the reports ``audience`` reads, printable.

    Raises DocumentError when no region has submitted a report on the year (that the
    audience reads).
    """
    summary = build_national_summary(year, AnnualReport.objects.for_audience(audience))
    if not summary.regions:
        raise DocumentError(_("No region has submitted a report on %(year)s yet.") % {"year": year})
    themes = []
    for theme in summary.themes:
        sections = []
        for sub_theme in theme.sub_themes:
            titles = {group.value: group.title for group in sub_theme.levels}
            bars = [
                (f"{value} {titles.get(value, '')}".strip(), count)
                for value, count in sorted(sub_theme.distribution.items())
            ]
            chart = charts.bar_chart(
                f"distribution-{sub_theme.number.replace('.', '-')}",
                _("Regions by level: %(number)s %(title)s")
                % {"number": sub_theme.number, "title": sub_theme.title.plain},
                "; ".join(
                    _("level %(level)s: %(count)s regions") % {"level": value, "count": count}
                    for value, count in sorted(sub_theme.distribution.items())
                ),
                bars,
                label_width=200,
            )
            sections.append(SubThemeSection(summary=sub_theme, chart=chart))
        themes.append(
            ThemeSection(
                anchor=f"teema-{theme.number}",
                number=theme.number,
                title=theme.title,
                sub_themes=tuple(sections),
            )
        )
    chapters = (
        *(Chapter(theme.anchor, numbered(theme.number, theme.title)) for theme in themes),
        Chapter("matriisi", _("Regions and levels")),
    )
    return NationalSummaryPdf(
        cover=Cover(
            title=_("National summary %(year)s") % {"year": year},
            subtitle=_("Regional lifelong guidance networks")
            if audience.reads_everything
            else _("Accepted reports of every region and your own region's submitted reports"),
            region_name=_("All regions"),
            period=str(year),
            made_on=today(),
        ),
        chapters=chapters,
        summary=summary,
        themes=tuple(themes),
        # The legend shows each title as text: in its language, a fallback marked Finnish.
        columns=tuple(
            (sub_theme.number, sub_theme.title)
            for theme in summary.themes
            for sub_theme in theme.sub_themes
        ),
    )


def prepare_national_summary(year: int, audience: ReportAudience) -> PreparedDocument:
    document = build_national_summary_pdf(year, audience)
    return PreparedDocument(
        TEMPLATE_NAME,
        document,
        title=document.cover.title,
        filename=file_name("valtakunnallinen-yhteenveto", str(year)),
    )
