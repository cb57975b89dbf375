"""The national summary of a year's reports, shaped like seed 001.

For each theme and sub-theme: the ladder's levels, under each the level's own activities
(``LevelActivity``), then the activities the regions reported on it with the regions in
parentheses: those of a region's chosen level (``Answer.activities``) and those it placed
on the rung (``AnswerActivity``), identical texts of several regions on one line, a line
with the regions as a summary wrote them once with that text; then a matrix of regions by
sub-themes, how many regions stand on each level, and each region's change from the
previous report. Only submitted, accepted and historical reports count: a draft is not yet
a region's word. And only the reports the reader may read: the builder is given them.

The framework's names, the rungs' own activities and the regions' names are read in the
active language (``lib.translation.localized``: Finnish where no translation is written);
the regions' own answers stay as they wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Max, QuerySet

from lib.translation import LocalizedText, localized
from network.models import Region
from reporting.models import AnnualReport, Answer, AnswerActivity
from reporting.services import activity_lines, framework

COUNTED = (
    AnnualReport.Status.SUBMITTED,
    AnnualReport.Status.ACCEPTED,
    AnnualReport.Status.HISTORICAL,
)


@dataclass(frozen=True)
class AnswerRow:
    """The two columns of an answer the summary reads."""

    level: int | None
    activities: str


@dataclass(frozen=True)
class ActivityLine:
    text: str
    #: Region names in the official order, or the one label a summary wrote for them.
    regions: list[str]

    @property
    def label(self) -> str:
        """The line as seed 001 writes it: "text (REGION A, REGION B)"."""
        return f"{self.text} ({', '.join(self.regions)})" if self.regions else self.text


@dataclass(frozen=True)
class LevelGroup:
    value: int
    title: LocalizedText
    #: The regions' activities on this rung.
    activities: list[ActivityLine]
    #: The regions on this level, in the official order.
    regions: list[str]
    #: The rung's own activities, from the framework.
    own_activities: list[LocalizedText] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.activities or self.own_activities or self.regions)


@dataclass(frozen=True)
class Change:
    region: str
    previous: int | None
    current: int | None

    @property
    def direction(self) -> str:
        """ "up", "down", "new" (no level before), "gone" (no level now) or "same"."""
        if self.previous is None:
            return "new" if self.current is not None else "same"
        if self.current is None:
            return "gone"
        if self.current > self.previous:
            return "up"
        if self.current < self.previous:
            return "down"
        return "same"


@dataclass(frozen=True)
class SubThemeSummary:
    number: str
    title: LocalizedText
    levels: list[LevelGroup]
    #: Level value → number of regions on it, every level of the ladder present.
    distribution: dict[int, int]
    #: Regions whose level differs from their previous report's, in the official order.
    changes: list[Change]

    @property
    def max_count(self) -> int:
        return max(self.distribution.values(), default=0)


@dataclass(frozen=True)
class ThemeSummary:
    number: int
    title: LocalizedText
    sub_themes: list[SubThemeSummary]


@dataclass(frozen=True)
class MatrixRow:
    region: str
    #: One level (or None) per sub-theme, aligned with ``NationalSummary.sub_theme_labels``.
    levels: list[int | None]


@dataclass(frozen=True)
class NationalSummary:
    year: int
    themes: list[ThemeSummary]
    #: The regions with a submitted or accepted report, in the official order.
    regions: list[str]
    matrix: list[MatrixRow]
    #: The sub-themes' numbers ("1.2"), the matrix's columns.
    sub_theme_labels: list[str]
    #: The latest earlier year with submitted or accepted reports, if any.
    previous_year: int | None
    #: The sub-themes' titles as plain text, for the columns' ``title`` attributes.
    sub_theme_titles: list[str] = field(default_factory=list)
    #: Whether any report counted is a historical record, not a region's own report.
    historical: bool = False


def build_national_summary(year: int, reports: QuerySet[AnnualReport]) -> NationalSummary:
    """Summarise the year's submitted and accepted reports among ``reports``.

    ``reports`` is the audience: the reports the reader may read
    (``AnnualReport.objects.readable_by(user)``, or ``for_audience`` in a PDF job), so a
    coordinator's summary, its previous year and its changes show only accepted reports
    and the coordinator's own region's; nothing here reads past it.

    Eight queries for any number of regions: the previous year, the reporting regions, the
    framework (four, the levels' own activities included), the answers of this and the
    previous year (one query, the report and its region joined) and this year's activities
    on the rungs. Everything else is grouping in memory.
    """
    counted = reports.filter(status__in=COUNTED)
    previous_year = counted.filter(year__lt=year).aggregate(previous=Max("year"))["previous"]
    reporting = list(
        counted.filter(year=year)
        .order_by("region__position", "region__name")
        .values_list("region_id", "region__name", "region__name_sv", "region__name_en", "status")
    )
    # Each region's name in the active language, from the columns read with its reports.
    regions: list[tuple[int, str]] = [
        (region_id, localized(Region(name=name, name_sv=name_sv, name_en=name_en), "name"))
        for region_id, name, name_sv, name_en, _status in reporting
    ]
    themes = framework(year, with_activities=True)
    years = [year] if previous_year is None else [year, previous_year]
    # Plain tuples of the five columns the summary reads, unordered: a region answers a
    # sub-theme once a year, so the keys below are unique and no order is needed. Models
    # of every answer and report (timestamps parsed, ~500 rows at national scale) cost
    # more than the rest of the page. The reports come as a subquery of the audience's.
    answers = (
        Answer.objects.filter(report__in=counted.filter(year__in=years).values("pk"))
        .order_by()
        .values_list(
            "sub_theme_id",
            "sub_theme__theme__number",
            "sub_theme__number",
            "report__region_id",
            "report__year",
            "level",
            "activities",
        )
    )
    # (sub-theme id, region id) → this year's answer; (sub-theme number, region id) → the
    # previous year's level: each year has a framework of its own, matched by number.
    current: dict[tuple[int, int], AnswerRow] = {}
    previous: dict[tuple[str, int], int | None] = {}
    for row in answers:
        sub_theme_id, theme_no, sub_no, answer_region_id, answer_year, answer_level, text = row
        if answer_year == year:
            current[(sub_theme_id, answer_region_id)] = AnswerRow(
                level=answer_level, activities=text
            )
        else:
            previous[(f"{theme_no}.{sub_no}", answer_region_id)] = answer_level
    # (sub-theme id, level) → (region id, text, label) of each activity on the rung.
    on_rungs: dict[tuple[int, int], list[tuple[int, str, str]]] = {}
    rung_rows = (
        AnswerActivity.objects.filter(answer__report__in=counted.filter(year=year).values("pk"))
        .order_by("position", "pk")
        .values_list(
            "answer__sub_theme_id", "answer__report__region_id", "level", "text", "regions_label"
        )
    )
    for sub_theme_id, region_id, value, text, label in rung_rows:
        on_rungs.setdefault((sub_theme_id, value), []).append((region_id, text, label))

    names_by_id = dict(regions)
    positions = {name: index for index, (_pk, name) in enumerate(regions)}
    theme_summaries = []
    labels: list[str] = []
    titles: list[str] = []
    columns: list[int] = []
    for theme in themes:
        sub_summaries = []
        for sub_theme in theme.sub_themes.all():
            number = f"{theme.number}.{sub_theme.number}"
            labels.append(number)
            sub_theme_title = localized(sub_theme, "title")
            titles.append(sub_theme_title.plain)
            columns.append(sub_theme.pk)
            groups = []
            for level in sub_theme.levels.all():
                # (text, the label a summary wrote or "") → region names, in first-seen order
                lines: dict[tuple[str, str], list[str]] = {}
                on_level: list[str] = []
                for region_id, name in regions:
                    answer = current.get((sub_theme.pk, region_id))
                    if answer is None or answer.level != level.value:
                        continue
                    on_level.append(name)
                    for text in activity_lines(answer.activities):
                        names = lines.setdefault((text, ""), [])
                        if name not in names:
                            names.append(name)
                for region_id, text, label in on_rungs.get((sub_theme.pk, level.value), []):
                    names = lines.setdefault((text, label), [])
                    if not label and names_by_id[region_id] not in names:
                        names.append(names_by_id[region_id])
                groups.append(
                    LevelGroup(
                        value=level.value,
                        title=localized(level, "title"),
                        activities=[
                            ActivityLine(
                                text, [label] if label else sorted(names, key=positions.__getitem__)
                            )
                            for (text, label), names in lines.items()
                        ],
                        regions=on_level,
                        own_activities=[
                            localized(activity, "text") for activity in level.activities.all()
                        ],
                    )
                )
            changes = []
            if previous_year is not None:
                for region_id, name in regions:
                    answer = current.get((sub_theme.pk, region_id))
                    now = answer.level if answer else None
                    before = previous.get((number, region_id))
                    if now != before:
                        changes.append(Change(region=name, previous=before, current=now))
            sub_summaries.append(
                SubThemeSummary(
                    number=number,
                    title=sub_theme_title,
                    levels=groups,
                    distribution={group.value: len(group.regions) for group in groups},
                    changes=changes,
                )
            )
        theme_summaries.append(
            ThemeSummary(
                number=theme.number, title=localized(theme, "title"), sub_themes=sub_summaries
            )
        )

    matrix = []
    for region_id, name in regions:
        levels: list[int | None] = []
        for sub_theme_id in columns:
            answer = current.get((sub_theme_id, region_id))
            levels.append(answer.level if answer else None)
        matrix.append(MatrixRow(region=name, levels=levels))
    return NationalSummary(
        year=year,
        themes=theme_summaries,
        regions=[name for _pk, name in regions],
        matrix=matrix,
        sub_theme_labels=labels,
        previous_year=previous_year,
        sub_theme_titles=titles,
        historical=any(status == AnnualReport.Status.HISTORICAL for *_r, status in reporting),
    )
