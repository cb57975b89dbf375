"""A region's annual report as a PDF: the answers by theme, and the year's records.

The content is ``reporting.services.build_report_document`` (ten queries); this module only
adds the cover, the table of contents and the charts, without a query of its own in Finnish.

In Swedish or English (``translate_document``, five more queries) the framework's names,
the plan's focus areas and indicators and the region's name come in that language where a
translation is written; the region's answers stay as they were written. A submitted
version's names are those of its snapshot: a translation is used only where the
framework's Finnish name is still the one the version was submitted under, so a
translation never puts words in a frozen version's mouth.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from lib.translation import SOURCE_LANGUAGE, LocalizedText, active_language, localized
from reporting import charts
from reporting.documents.base import (
    Chapter,
    Cover,
    PreparedDocument,
    file_name,
    numbered,
    today,
)
from reporting.models import AnnualReport
from reporting.services import (
    AnswerDoc,
    ReportDocument,
    ThemeDoc,
    YearRecords,
    build_report_document,
    framework,
)
from strategy.formatting import indicator_number, indicator_value
from strategy.models import FocusArea, Indicator

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


def _named(written: str, source: Any, field: str) -> LocalizedText:
    """``source``'s ``field`` in the active language if ``written`` is still its Finnish
    text (or already its translation); else ``written`` itself, marked as Finnish."""
    if source is not None and written in (getattr(source, field), localized(source, field)):
        return localized(source, field)
    if isinstance(written, LocalizedText):
        return written
    return LocalizedText(written, SOURCE_LANGUAGE, fallback=active_language() != SOURCE_LANGUAGE)


def _translate_answer(answer: AnswerDoc, sub_theme: Any) -> AnswerDoc:
    levels = {level.value: level for level in sub_theme.levels.all()} if sub_theme else {}
    ladder: list[tuple[int, str]] = [
        (value, _named(title, levels.get(value), "title")) for value, title in answer.ladder
    ]
    level_title = dict(ladder).get(answer.level) if answer.level else None
    return replace(
        answer,
        title=_named(answer.title, sub_theme, "title"),
        ladder=ladder,
        level_title=level_title or answer.level_title,
    )


def _translate_themes(themes: list[ThemeDoc], year: int) -> list[ThemeDoc]:
    """The themes with the names of ``year``'s framework in the active language: three
    queries. Sub-themes are matched by number, levels by value."""
    current = {theme.number: theme for theme in framework(year)}
    result = []
    for theme in themes:
        source = current.get(theme.number)
        sub_themes = (
            {f"{theme.number}.{sub.number}": sub for sub in source.sub_themes.all()}
            if source
            else {}
        )
        result.append(
            replace(
                theme,
                title=_named(theme.title, source, "title"),
                sub_themes=[
                    _translate_answer(answer, sub_themes.get(answer.number))
                    for answer in theme.sub_themes
                ],
            )
        )
    return result


def _translate_records(records: YearRecords, report: AnnualReport) -> YearRecords:
    """The year's focus areas and indicators by their names in the active language: two
    queries (the records name them by their Finnish title)."""
    titles = [row.title for row in records.guidance_actions_by_focus_area if row.number]
    areas = {
        area.title: area
        for area in FocusArea.objects.filter(strategy__region_id=report.region_id, title__in=titles)
    }
    indicators = {
        indicator.title: indicator
        for indicator in Indicator.objects.filter(
            strategy__region_id=report.region_id,
            strategy__is_current=True,
            title__in=[row.title for row in records.indicators],
        )
    }
    return replace(
        records,
        guidance_actions_by_focus_area=[
            replace(row, title=_named(row.title, areas.get(row.title), "title"))
            if row.number
            else row
            for row in records.guidance_actions_by_focus_area
        ],
        indicators=[
            replace(
                row,
                title=_named(row.title, indicators.get(row.title), "title"),
                unit=_named(row.unit, indicators.get(row.title), "unit") if row.unit else row.unit,
            )
            for row in records.indicators
        ],
    )


def translate_document(content: ReportDocument, report: AnnualReport) -> ReportDocument:
    """The report's content with its names in the active language; as it is in Finnish."""
    if active_language() == SOURCE_LANGUAGE:
        return content
    return replace(
        content,
        region_name=localized(report.region, "name"),
        themes=_translate_themes(content.themes, report.year),
        records=_translate_records(content.records, report),
    )


def build_annual_report(report: AnnualReport) -> AnnualReportPdf:
    """Return the report's printable document, whatever its status, in the active language."""
    content = translate_document(build_report_document(report), report)
    records = content.records
    event_bars = [(row.label, row.count) for row in records.events_by_kind]
    indicator_charts = tuple(
        IndicatorChart(
            title=indicator.title,
            unit=indicator.unit,
            has_values=bool(indicator.values),
            chart=charts.line_chart(
                f"indicator-{index}",
                str.__str__(indicator.title),
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
            Chapter(f"teema-{theme.number}", numbered(theme.number, theme.title))
            if isinstance(theme.title, LocalizedText)
            else Chapter(f"teema-{theme.number}", f"{theme.number}. {theme.title}")
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
