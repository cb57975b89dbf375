"""Annual reports: what the year's records say, and the report's way from draft to accepted.

Draft (or returned) → submitted by the region's coordinator → accepted by the national team,
or returned with a comment and then edited and submitted again as the next version. A
submitted or accepted report is frozen: its official PDF is the record of that version.

Every transition locks the report's row and checks its state there, so two people acting at
once cannot both move it; errors the person can act on are ``ReportError``, whose message
is for the page.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actions.models import GuidanceAction
from events.models import Event
from lib.locking import lock_and_reread
from lib.translation import TRANSLATION_LANGUAGES, in_every_language, localized
from network.models import Region
from notices import services as notices
from portal import closed_years, page_cache
from reporting import versions
from reporting.models import (
    AnnualReport,
    Answer,
    AnswerActivity,
    Level,
    ReportingYear,
    ReportVersion,
    SubTheme,
    Theme,
)
from reporting.wording import localized_row, snapshot_text
from strategy.models import Indicator, IndicatorValue, Project

logger = logging.getLogger(__name__)


class ReportError(Exception):
    """A change the report's state or content does not allow; the message is for the user."""


# --- What the year's records say --------------------------------------------------------


@dataclass(frozen=True)
class FocusAreaCount:
    """Accepted guidance actions of a focus area; ``number`` None for "no focus area"."""

    number: int | None
    title: str
    count: int


@dataclass(frozen=True)
class EventKindCount:
    kind: str
    label: str
    count: int
    participants: int


@dataclass(frozen=True)
class FundingCount:
    source: str
    label: str
    count: int


@dataclass(frozen=True)
class IndicatorRecord:
    title: str
    unit: str
    #: The decimals of its figures (``Indicator.precision``, ``strategy.formatting``).
    precision: int
    target: Decimal | None
    target_year: int | None
    #: (year, value) in year order, up to the report's year.
    values: list[tuple[int, Decimal]]


@dataclass(frozen=True)
class YearRecords:
    """What the portal knows of a region's year, filled in beside the report's answers."""

    year: int
    guidance_actions_total: int
    guidance_actions_by_focus_area: list[FocusAreaCount]
    events_total: int
    participants_total: int
    events_by_kind: list[EventKindCount]
    projects_total: int
    projects_by_funding: list[FundingCount]
    indicators: list[IndicatorRecord]

    @property
    def max_events(self) -> int:
        """The largest count of one kind: the bar chart's full width."""
        return max((row.count for row in self.events_by_kind), default=0)


def gather_year_records(region: Region, year: int) -> YearRecords:
    """Count the region's accepted guidance actions, published events, active projects and
    read its current strategy's indicators for ``year``.

    Six queries whatever the number of rows: the counts are aggregates in the database
    (guidance actions by focus area, their total, events by kind, projects by funding
    source), and the indicators come with their values in one prefetch.
    """
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with transaction.atomic():
        actions = GuidanceAction.objects.for_region(region).published().filter(year=year)
        # One row per focus area (number, title); the LEFT JOIN's NULL row counts the
        # actions without one. An action with two focus areas counts under both.
        by_focus_area = list(
            actions.values(
                "focus_areas__number",
                "focus_areas__title",
                *(f"focus_areas__title_{code}" for code in TRANSLATION_LANGUAGES),
            )
            .annotate(count=Count("pk", distinct=True))
            .order_by("focus_areas__number", "focus_areas__title")
        )
        actions_total = actions.count()
        by_kind = list(
            Event.objects.for_region(region)
            .published()
            .filter(starts_on__year=year)
            .values("kind")
            .annotate(count=Count("pk"), participants=Sum("participants_count"))
            .order_by("-count", "kind")
        )
        # Active in the year: the dates overlap it, an open end counting as "still running".
        by_funding = list(
            Project.objects.filter(region=region)
            .filter(Q(start_date__isnull=True) | Q(start_date__lte=last))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=first))
            # A project counts once under each source of its funding lines; one without
            # lines under "not known".
            .values(funding_source=Coalesce("funding_lines__source", Value("unknown")))
            .annotate(count=Count("pk", distinct=True))
            .order_by("-count", "funding_source")
        )
        indicators = list(
            Indicator.objects.filter(strategy__region=region, strategy__is_current=True)
            .order_by("position", "pk")
            .prefetch_related(
                Prefetch(
                    "values",
                    queryset=IndicatorValue.objects.filter(year__lte=year).order_by("year"),
                    to_attr="values_until_year",
                )
            )
        )
    kind_labels = dict(Event.Kind.choices)
    funding_labels = dict(Project.FundingSource.choices)
    events = [
        EventKindCount(
            kind=row["kind"],
            label=str(kind_labels.get(row["kind"], row["kind"])),
            count=row["count"],
            participants=row["participants"] or 0,
        )
        for row in by_kind
    ]
    projects = [
        FundingCount(
            source=row["funding_source"],
            label=str(funding_labels.get(row["funding_source"], row["funding_source"])),
            count=row["count"],
        )
        for row in by_funding
    ]
    return YearRecords(
        year=year,
        guidance_actions_total=actions_total,
        guidance_actions_by_focus_area=[
            FocusAreaCount(
                number=row["focus_areas__number"],
                title=localized_row(row, "focus_areas__title")
                if row["focus_areas__title"]
                else _("No focus area"),
                count=row["count"],
            )
            for row in by_focus_area
        ],
        events_total=sum(row.count for row in events),
        participants_total=sum(row.participants for row in events),
        events_by_kind=events,
        projects_total=sum(row.count for row in projects),
        projects_by_funding=projects,
        indicators=[
            IndicatorRecord(
                title=localized(indicator, "title"),
                unit=indicator.unit,
                precision=indicator.precision,
                target=indicator.target,
                target_year=indicator.target_year,
                values=[(value.year, value.value) for value in indicator.values_until_year],  # type: ignore[attr-defined]
            )
            for indicator in indicators
        ],
    )


# --- The report's life ------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerInput:
    """What the form gives for one sub-theme."""

    level: int | None
    activities: str
    examples: str
    #: Level → the activities the region places on that rung, one a line.
    rung_activities: Mapping[int, list[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class ReportInput:
    """The edit form's cleaned data: the summary and an answer per sub-theme id."""

    summary: str
    answers: Mapping[int, AnswerInput]


def sub_theme_number(sub_theme: SubTheme) -> str:
    """A sub-theme's number in its framework ("1.2"): how answers of two years' frameworks
    are matched (each year has rows of its own). Reads ``sub_theme.theme``: select it."""
    return f"{sub_theme.theme.number}.{sub_theme.number}"


def previous_report(
    report: AnnualReport, reports: QuerySet[AnnualReport] | None = None
) -> AnnualReport | None:
    """The region's latest report before this one's year, with its answers: two queries.

    Regions do not report every year (seed 001 is on 2016, the next report on 2021), so
    "the previous year" is the previous report, whichever year it is on. ``reports``
    limits it to those a reader may read (``AnnualReport.objects.readable_by``); without
    it, any (the region's coordinator, who edits the report, reads them all).
    """
    candidates = AnnualReport.objects.all() if reports is None else reports
    return (
        candidates.filter(region_id=report.region_id, year__lt=report.year)
        .order_by("-year")
        .prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("sub_theme__theme"))
        )
        .first()
    )


def _lock(report: AnnualReport) -> None:
    """Lock the report's row and read its current state into ``report`` (it may be stale)."""
    lock_and_reread(report, "status", "version")


def start_report(region: Region, year: int, user: Any) -> AnnualReport:
    """Start the region's draft for ``year``, one answer per sub-theme of the framework.

    The answers are filled in from the region's previous report where it answered the same
    sub-theme, so the coordinator edits what changed rather than writing it all again.
    """
    with transaction.atomic():
        if not ReportingYear.objects.filter(year=year).exists():
            raise ReportError(_("Reports on %(year)s cannot be started.") % {"year": year})
        try:
            # A savepoint: the unique (region, year) answers a second start at once.
            with transaction.atomic():
                report = AnnualReport.objects.create(region=region, year=year)
        except IntegrityError:
            raise ReportError(
                _("The report on %(year)s has already been started.") % {"year": year}
            ) from None
        previous = previous_report(report)
        # The previous report answered its own year's framework: matched by number ("1.2").
        earlier = (
            {
                sub_theme_number(answer.sub_theme): answer
                for answer in previous.answers.prefetch_related("rung_activities")
            }
            if previous
            else {}
        )
        blank = Answer(level=None, activities="", examples="")
        Answer.objects.bulk_create(
            Answer(
                report=report,
                sub_theme=sub_theme,
                level=earlier.get(sub_theme_number(sub_theme), blank).level,
                activities=earlier.get(sub_theme_number(sub_theme), blank).activities,
                examples=earlier.get(sub_theme_number(sub_theme), blank).examples,
            )
            for sub_theme in SubTheme.objects.filter(theme__reporting_year__year=year)
            .select_related("theme")
            .order_by("theme__number", "number")
        )
        # The activities it placed on the rungs too, as the region's own lines (a summary's
        # joint label named other regions too; the draft is this region's alone).
        ladders = set(
            Level.objects.filter(sub_theme__theme__reporting_year__year=year).values_list(
                "sub_theme_id", "value"
            )
        )
        AnswerActivity.objects.bulk_create(
            AnswerActivity(answer=answer, level=row.level, text=row.text, position=position)
            for answer in Answer.objects.filter(report=report).select_related("sub_theme__theme")
            if (before := earlier.get(sub_theme_number(answer.sub_theme))) is not None
            for position, row in enumerate(rung_rows(before), start=1)
            if (answer.sub_theme_id, row.level) in ladders
        )
        page_cache.bump(region.pk)  # the answers went in bulk, without signals
    logger.info("%s started the report %s", user, report)
    return report


class StaleReport(ReportError):
    """Someone saved the report after this form was read; ``current_version`` is theirs."""

    def __init__(self, message: str, current_version: str) -> None:
        super().__init__(message)
        self.current_version = current_version


def report_version(report: AnnualReport) -> str:
    """A digest of what the edit form edits: the summary, every answer and the region's
    own activities on the rungs (two queries).

    The form carries it from when it was read; a save whose digest no longer matches
    was read before someone else's save, and would silently undo it.
    """
    answers = sorted(report.answers.values_list("sub_theme_id", "level", "activities", "examples"))
    rungs = list(
        AnswerActivity.objects.filter(answer__report=report, regions_label="")
        .order_by("answer__sub_theme_id", "level", "position", "pk")
        .values_list("answer__sub_theme_id", "level", "text")
    )
    payload = json.dumps([report.summary, answers, rungs], ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode()).hexdigest()[:32]


def frozen_reason(report: AnnualReport) -> str:
    """Why a frozen report is not edited, as the person reads it."""
    if report.is_historical:
        return _(
            "This report is a historical record drawn from a national summary: it is kept "
            "as the summary gives it and is not edited, submitted or decided on."
        )
    return _("The report has been submitted and can no longer be changed.")


def save_answers(report: AnnualReport, data: ReportInput, read_version: str = "") -> None:
    """Save the whole form at once: the summary and every answer, or nothing.

    Refused for a submitted or accepted report, which is frozen, and for a form read
    before another save of the report (``read_version``): that save stays.
    """
    with transaction.atomic():
        _lock(report)
        if report.is_frozen:
            raise ReportError(frozen_reason(report))
        report.summary = AnnualReport.objects.values_list("summary", flat=True).get(pk=report.pk)
        current = report_version(report)
        if read_version and read_version != current:
            raise StaleReport(
                _(
                    "Someone else saved the report while you had the form open, so your "
                    "changes were not saved. They are still in the form below: compare them "
                    "with the report's page and save again to replace the other changes."
                ),
                current,
            )
        AnnualReport.objects.filter(pk=report.pk).update(
            summary=data.summary, updated_at=timezone.now()
        )
        report.summary = data.summary
        ladders = set(
            Level.objects.filter(sub_theme__theme__reporting_year__year=report.year).values_list(
                "sub_theme_id", "value"
            )
        )
        for sub_theme_id, given in data.answers.items():
            if given.level is not None and (sub_theme_id, given.level) not in ladders:
                raise ReportError(_("Choose a level of the sub-theme's own ladder."))
            if any((sub_theme_id, value) not in ladders for value in given.rung_activities):
                raise ReportError(_("Place activities on the sub-theme's own ladder only."))
        answers = {answer.sub_theme_id: answer for answer in report.answers.all()}
        new, changed = [], []
        for sub_theme_id, given in data.answers.items():
            answer = answers.get(sub_theme_id)
            if answer is None:
                new.append(Answer(report=report, sub_theme_id=sub_theme_id))
                answer = new[-1]
            else:
                changed.append(answer)
            answer.level = given.level
            answer.activities = given.activities
            answer.examples = given.examples
        Answer.objects.bulk_create(new)
        Answer.objects.bulk_update(changed, ["level", "activities", "examples"])
        # The region's own lines on the rungs are replaced; lines a summary named with
        # several regions (``regions_label``) are not the form's to change.
        answer_ids = {sub_theme_id: answer.pk for sub_theme_id, answer in answers.items()}
        answer_ids.update({answer.sub_theme_id: answer.pk for answer in new})
        AnswerActivity.objects.filter(answer__report=report, regions_label="").delete()
        AnswerActivity.objects.bulk_create(
            AnswerActivity(
                answer_id=answer_ids[sub_theme_id], level=value, text=text, position=position
            )
            for sub_theme_id, given in data.answers.items()
            for value, lines in sorted(given.rung_activities.items())
            for position, text in enumerate(lines, start=1)
        )
        page_cache.bump(report.region_id)  # written in bulk, without signals


def missing_levels(report: AnnualReport) -> list[SubTheme]:
    """The sub-themes the report gives no level for, in the framework's order: one query."""
    answered = Answer.objects.filter(report=report, level__isnull=False).values("sub_theme_id")
    return list(
        SubTheme.objects.filter(theme__reporting_year__year=report.year)
        .exclude(pk__in=answered)
        .select_related("theme")
    )


def _request_official_pdf(report: AnnualReport) -> None:
    """Queue the official PDF of the submitted version.

    Imported when called: ``reporting.pdf`` builds its documents from this module's report
    data (``reporting.documents.annual_report``), so a module-level import would be circular.
    """
    from reporting import pdf

    pdf.request_official_pdf(report)


def _tell(report: AnnualReport, kind: str, recipients: Any, user: Any, **extra: Any) -> None:
    """Tell of the report's step (``notices.notify``, inside the step's transaction): the
    version and the step name the event, so each is told once a person."""
    region = report.region  # forward relations read through the base manager: no scope needed
    notices.notify(
        kind,
        recipients,
        {
            "region": in_every_language(region, "name"),
            "year": report.year,
            "version": report.version,
            "name": str(user),
            **extra,
        },
        event_key=f"reporting.annualreport:{report.pk}:v{report.version}:{kind}",
        link=reverse("reports:detail", kwargs={"region": region.slug, "year": report.year}),
        actor=user,
    )


def submit_report(report: AnnualReport, user: Any) -> None:
    """The coordinator sends a draft or a returned report to the national team.

    Every sub-theme needs a level. Sending a returned report again makes it the next
    version. The official PDF is queued once the submission has committed.
    """
    with transaction.atomic():
        # The year's row first, as every change of its framework locks it
        # (``reporting.framework_services``): a submission racing a framework edit waits
        # for it, and the edit coming second finds the framework fixed.
        ReportingYear.objects.select_for_update().filter(year=report.year).first()
        _lock(report)
        if report.status not in (AnnualReport.Status.DRAFT, AnnualReport.Status.RETURNED):
            raise ReportError(_("Only a draft or a returned report can be submitted."))
        missing = missing_levels(report)
        if missing:
            raise ReportError(
                _("Choose a level for every sub-theme before submitting. Missing: %(missing)s")
                % {
                    "missing": "; ".join(
                        f"{sub_theme.theme.number}.{sub_theme.number} {sub_theme.title}"
                        for sub_theme in missing
                    )
                }
            )
        if report.status == AnnualReport.Status.RETURNED:
            report.version += 1
        report.status = AnnualReport.Status.SUBMITTED
        report.submitted_at = timezone.now()
        report.submitted_by = user
        report.save(
            update_fields=["status", "version", "submitted_at", "submitted_by", "updated_at"]
        )
        # The version's snapshot commits with the submission, or neither does.
        versions.record_submission(report, user)
        _tell(report, "report_submitted", notices.national_team(), user)
        transaction.on_commit(lambda: _request_official_pdf(report))
    logger.info("%s submitted the report %s, version %s", user, report, report.version)


def _decide(report: AnnualReport, user: Any, shown_version: int | None) -> ReportVersion:
    """Lock the report and check that ``user`` may decide on it now; return its version.

    Refused: one's own region's report (``reporting.decide_report``), a report someone
    else decided on meanwhile (two people pressing at once: the first wins, the second is
    told), and a report whose region submitted a newer version than the one shown.
    """
    if not user.has_perm("reporting.decide_report", report):
        raise ReportError(
            _(
                "You cannot accept or return your own region's report: another member of "
                "the national team decides on it."
            )
        )
    _lock(report)
    if report.status == AnnualReport.Status.ACCEPTED:
        raise ReportError(_("Someone else accepted the report meanwhile."))
    if report.status == AnnualReport.Status.RETURNED:
        raise ReportError(_("Someone else returned the report meanwhile."))
    if report.status != AnnualReport.Status.SUBMITTED:
        raise ReportError(_("Only a submitted report can be accepted or returned."))
    if shown_version is not None and shown_version != report.version:
        raise ReportError(
            _(
                "The region submitted a new version while you had the page open. "
                "Read it before deciding."
            )
        )
    version = (
        ReportVersion.objects.select_for_update()
        .filter(report=report, number=report.version)
        .first()
    )
    if version is None:  # a report submitted before versions were kept and not migrated
        version = versions.record_submission(report, report.submitted_by)
    return version


def acceptor_role(user: Any) -> str:
    """The role the acceptance record names: the national team, else an administrator."""
    if getattr(user, "is_national_team", False):
        return ReportVersion.AcceptorRole.NATIONAL_TEAM
    return ReportVersion.AcceptorRole.SITE_ADMIN


def _request_accepted_pdf(report: AnnualReport) -> None:
    """Queue the accepted version's PDF with its acceptance record (imported when called,
    as in ``_request_official_pdf``)."""
    from reporting import pdf

    pdf.request_official_pdf(report)


def accept_report(report: AnnualReport, user: Any, shown_version: int | None = None) -> None:
    """The national team accepts a submitted report: it becomes public.

    The version accepted is stamped with who and when, and its PDF with that record is
    built once, after the commit; it never changes afterwards.
    """
    with transaction.atomic():
        version = _decide(report, user, shown_version)
        now = timezone.now()
        report.status = AnnualReport.Status.ACCEPTED
        report.reviewed_at = now
        report.reviewed_by = user
        report.save(update_fields=["status", "reviewed_at", "reviewed_by", "updated_at"])
        version.accepted_at = now
        version.accepted_by = user
        version.accepted_by_name = str(user)
        version.accepted_by_role = acceptor_role(user)
        version.save(
            update_fields=["accepted_at", "accepted_by", "accepted_by_name", "accepted_by_role"]
        )
        # The year's logged entries of the region are locked from now on.
        closed_years.close_year(report.region_id, report.year, user)
        _tell(report, "report_accepted", notices.coordinators_of(report.region_id), user)
        transaction.on_commit(lambda: _request_accepted_pdf(report))
    logger.info("%s accepted the report %s, version %s", user, report, report.version)


def return_report(
    report: AnnualReport, user: Any, comment: str, shown_version: int | None = None
) -> None:
    """The national team returns a submitted report for changes, saying what to change.

    The comment stays beside the version it concerns after the report is edited.
    """
    comment = comment.strip()
    if not comment:
        raise ReportError(_("Say what should be changed."))
    with transaction.atomic():
        version = _decide(report, user, shown_version)
        now = timezone.now()
        report.status = AnnualReport.Status.RETURNED
        report.national_comment = comment
        report.reviewed_at = now
        report.reviewed_by = user
        report.save(
            update_fields=[
                "status",
                "national_comment",
                "reviewed_at",
                "reviewed_by",
                "updated_at",
            ]
        )
        version.returned_at = now
        version.returned_by = user
        version.return_comment = comment
        version.save(update_fields=["returned_at", "returned_by", "return_comment"])
        _tell(
            report,
            "report_returned",
            notices.coordinators_of(report.region_id),
            user,
            comment=comment,
        )
    logger.info("%s returned the report %s, version %s", user, report, report.version)


# --- The report as a document (the PDF renders this) ------------------------------------


@dataclass(frozen=True)
class AnswerDoc:
    number: str
    title: str
    level: int | None
    level_title: str
    #: The sub-theme's ladder: (value, title) from 1 up.
    ladder: list[tuple[int, str]]
    activities: list[str]
    examples: str
    #: The activities placed on the ladder's rungs: (level, line), in the ladder's order.
    rung_activities: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class ThemeDoc:
    number: int
    title: str
    sub_themes: list[AnswerDoc]


@dataclass(frozen=True)
class ReportDocument:
    region_name: str
    year: int
    status: str
    status_label: str
    version: int
    submitted_at: dt.datetime | None
    summary: str
    national_comment: str
    themes: list[ThemeDoc]
    records: YearRecords
    #: The acceptance record of an accepted version: when, who and in what role.
    accepted_at: dt.datetime | None = None
    accepted_by_name: str = ""
    accepted_by_role: str = ""


def framework(year: int, with_activities: bool = False) -> list[Theme]:
    """The themes of ``year``'s framework with their sub-themes and each sub-theme's
    levels: three queries; with each level's own activities, four."""
    levels = "levels__activities" if with_activities else "levels"
    return list(
        Theme.objects.filter(reporting_year__year=year)
        .order_by("number")
        .prefetch_related(
            Prefetch(
                "sub_themes",
                queryset=SubTheme.objects.order_by("number").prefetch_related(levels),
            )
        )
    )


def activity_lines(text: str) -> list[str]:
    """The activities of an answer, one a line, blank lines dropped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def themes_from_snapshot(snapshot: dict[str, Any]) -> list[ThemeDoc]:
    """A version's answers as the page and the PDF show them, worded as they were then,
    in the active language where the framework was translated then."""
    return [
        ThemeDoc(
            number=theme["number"],
            title=snapshot_text(theme, "title"),
            sub_themes=[
                AnswerDoc(
                    number=answer["number"],
                    title=snapshot_text(answer, "title"),
                    level=answer["level"],
                    level_title=snapshot_text(answer, "level_title"),
                    ladder=[
                        (value, snapshot_text(answer, "ladder", index))
                        for index, (value, _title) in enumerate(answer["ladder"])
                    ],
                    activities=list(answer["activities"]),
                    examples=answer["examples"],
                    rung_activities=[
                        (value, line) for value, line in answer.get("rung_activities", [])
                    ],
                )
                for answer in theme["sub_themes"]
            ],
        )
        for theme in snapshot.get("themes", [])
    ]


def live_themes(report: AnnualReport) -> list[ThemeDoc]:
    """The report's answers as they stand, on today's framework: five queries."""
    answers = {
        answer.sub_theme_id: answer
        for answer in Answer.objects.filter(report=report).prefetch_related("rung_activities")
    }
    themes = []
    for theme in framework(report.year):
        docs = []
        for sub_theme in theme.sub_themes.all():
            ladder: list[tuple[int, str]] = [
                (level.value, localized(level, "title")) for level in sub_theme.levels.all()
            ]
            answer = answers.get(sub_theme.pk)
            level = answer.level if answer else None
            docs.append(
                AnswerDoc(
                    number=f"{theme.number}.{sub_theme.number}",
                    title=localized(sub_theme, "title"),
                    level=level,
                    level_title=dict(ladder).get(level, "") if level else "",
                    ladder=ladder,
                    activities=activity_lines(answer.activities) if answer else [],
                    examples=answer.examples if answer else "",
                    rung_activities=rung_lines(answer),
                )
            )
        themes.append(
            ThemeDoc(number=theme.number, title=localized(theme, "title"), sub_themes=docs)
        )
    return themes


def rung_rows(answer: Answer) -> list[AnswerActivity]:
    """The answer's activities on the rungs in the ladder's order, from its prefetched rows."""
    return sorted(answer.rung_activities.all(), key=lambda row: (row.level, row.position, row.pk))


def rung_lines(answer: Answer | None) -> list[tuple[int, str]]:
    """The answer's activities on the rungs, (level, line), from its prefetched rows."""
    return [(row.level, row.line) for row in rung_rows(answer)] if answer else []


def current_version(report: AnnualReport) -> ReportVersion | None:
    """The version a submitted or accepted report stands at (one query); None otherwise."""
    if not report.is_frozen:
        return None
    return ReportVersion.objects.filter(report=report, number=report.version).first()


def build_report_document(
    report: AnnualReport, version: ReportVersion | None = None
) -> ReportDocument:
    """The report as plain data, the way its page and its PDF show it.

    A submitted or accepted report (or the ``version`` asked for) is read from its
    version's snapshot, worded as it was submitted: the region, the version and the
    year's records (six), eight queries. A draft is read live: the region, the framework
    (three), the answers and the records, ten queries. Every sub-theme appears, answered
    or not.
    """
    region = Region.objects.get(pk=report.region_id)
    if version is None:
        version = current_version(report)
    if version is not None:
        themes = themes_from_snapshot(version.snapshot)
        summary = version.snapshot.get("summary", "")
    else:
        themes = live_themes(report)
        summary = report.summary
    accepted = version is not None and version.is_accepted
    if version is None or version.number == report.version:
        status, comment = report.status, report.national_comment
    else:  # an earlier version: every one before the latest was returned
        status, comment = AnnualReport.Status.RETURNED, version.return_comment
    return ReportDocument(
        region_name=region.name,
        year=report.year,
        status=status,
        status_label=str(AnnualReport.Status(status).label),
        version=version.number if version is not None else report.version,
        submitted_at=version.submitted_at if version is not None else report.submitted_at,
        summary=summary,
        national_comment=comment,
        themes=themes,
        records=gather_year_records(region, report.year),
        accepted_at=version.accepted_at if version is not None and accepted else None,
        accepted_by_name=version.accepted_by_name if version is not None and accepted else "",
        accepted_by_role=str(version.get_accepted_by_role_display())
        if version is not None and accepted
        else "",
    )
