"""A region's annual report as a PDF: the answers by theme, and the year's records.

The content is ``reporting.services.build_report_document`` (ten queries); this module only
adds the cover, the table of contents and the charts, without a query of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from reporting import charts
from reporting.documents.base import Chapter, Cover, PreparedDocument, file_name, today
from reporting.models import AnnualReport
from reporting.services import ReportDocument, build_report_document
from strategy.formatting import indicator_number, indicator_value

#: The template in ``reporting/pdf/`` that renders this document.
TEMPLATE_NAME = "annual_report.html"


@dataclass(frozen=True)
class IndicatorChart:
    title: str
    unit: str
    has_values: bool
    chart: SafeString


@dataclass(frozen=True)
class AnnualReportPdf:
    cover: Cover
    chapters: tuple[Chapter, ...]
    report: ReportDocument
    events_chart: SafeString
    indicator_charts: tuple[IndicatorChart, ...]


def build_annual_report(report: AnnualReport) -> AnnualReportPdf:
    """Return the report's printable document, whatever its status."""
    content = build_report_document(report)
    records = content.records
    event_bars = [(row.label, row.count) for row in records.events_by_kind]
    indicator_charts = tuple(
        IndicatorChart(
            title=indicator.title,
            unit=indicator.unit,
            has_values=bool(indicator.values),
            chart=charts.line_chart(
                f"indicator-{index}",
                indicator.title,
                ", ".join(
                    f"{year}: {indicator_value(value, indicator)}"
                    for year, value in indicator.values
                )
                or _("no values yet"),
                indicator.values,
                target=indicator.target,
                target_label=_("Target"),
                fmt=partial(indicator_number, decimals=indicator.precision),
            ),
        )
        for index, indicator in enumerate(records.indicators, start=1)
    )
    chapters = [
        *(
            Chapter(f"teema-{theme.number}", f"{theme.number}. {theme.title}")
            for theme in content.themes
        ),
        Chapter("vuoden-tiedot", _("The year in the portal")),
    ]
    if content.summary:
        chapters.insert(0, Chapter("yhteenveto", _("Summary")))
    return AnnualReportPdf(
        cover=Cover(
            title=_("Annual report %(year)s") % {"year": content.year},
            subtitle=content.region_name,
            region_name=content.region_name,
            period=str(content.year),
            made_on=today(),
        ),
        chapters=tuple(chapters),
        report=content,
        events_chart=charts.bar_chart(
            "events-by-kind",
            _("Published events by kind"),
            ", ".join(f"{label}: {count}" for label, count in event_bars) or _("no events"),
            event_bars,
        ),
        indicator_charts=indicator_charts,
    )


def prepare_annual_report(report: AnnualReport) -> PreparedDocument:
    document = build_annual_report(report)
    return PreparedDocument(
        TEMPLATE_NAME,
        document,
        title=f"{document.cover.title}: {document.cover.region_name}",
        filename=file_name(
            "vuosiraportti", report.region.slug, str(report.year), f"v{report.version}"
        ),
    )
