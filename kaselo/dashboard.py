"""The "Tehtäväsi" block of Omat sivut: what waits for the person, by role.

- An organisation's editor: entries the coordinator returned (with the comment), entries
  waiting for the coordinator, drafts, and links to log a guidance action and an event.
- A coordinator: the review queue's count (annotated on the coordinated regions by the
  view) and the region's annual report of the latest reporting year with its due date.
- The national team: the annual reports submitted for its review.

Each part is one query whatever the number of rows, and runs only for the role that
shows it: the page's query count depends on the person's roles, never on the data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from actions.models import GuidanceAction
from events.models import Event
from network.models import Region
from portal.review import ReviewStatus
from reporting.models import AnnualReport, ReportingYear


@dataclass
class EntryTasks:
    """An editor's unfinished entries (guidance actions and events), by review state."""

    returned: list[Any] = field(default_factory=list)
    submitted: list[Any] = field(default_factory=list)
    drafts: list[Any] = field(default_factory=list)

    def add(self, entry: Any) -> None:
        if entry.review_status == ReviewStatus.RETURNED:
            self.returned.append(entry)
        elif entry.review_status == ReviewStatus.SUBMITTED:
            self.submitted.append(entry)
        else:
            self.drafts.append(entry)

    def __bool__(self) -> bool:
        return bool(self.returned or self.submitted or self.drafts)


def entry_tasks(organisation_ids: Iterable[int]) -> EntryTasks:
    """The organisations' guidance actions and events not yet public: two queries.

    Guidance actions with their organisation and its region joined, events with their
    region joined (both for their addresses); each entry carries ``entry_kind`` for the
    template. Newest first within each state.
    """
    ids = sorted(set(organisation_ids))
    tasks = EntryTasks()
    if not ids:
        return tasks
    actions = (
        GuidanceAction.objects.filter(organisation_id__in=ids)
        .exclude(review_status=ReviewStatus.ACCEPTED)
        .select_related("organisation__region")
        .order_by("-updated_at", "-pk")
    )
    events = (
        Event.objects.unpublished_for(ids).select_related("region").order_by("-starts_on", "-pk")
    )
    for action in actions:
        action.entry_kind = "guidance"  # type: ignore[attr-defined]
        tasks.add(action)
    for event in events:
        event.entry_kind = "event"  # type: ignore[attr-defined]
        tasks.add(event)
    return tasks


@dataclass(frozen=True)
class RegionReport:
    """A coordinated region's annual report of the reporting year: its state only."""

    region: Region
    year: int
    status: str | None  # an AnnualReport.Status value, None when not started
    status_label: str
    due_date: dt.date | None
    overdue: bool
    national_comment: str


def latest_reporting_year() -> ReportingYear | None:
    """The newest reporting year the national team has opened: one query."""
    return ReportingYear.objects.order_by("-year").first()


def region_reports(
    regions: list[Region], reporting_year: ReportingYear | None, today: dt.date
) -> list[RegionReport]:
    """The regions' reports of the reporting year, their state and due date: one query.

    Overdue, as on the national pages, means past the due date and not yet submitted.
    """
    if reporting_year is None or not regions:
        return []
    reports = {
        region_id: (status, comment)
        for region_id, status, comment in AnnualReport.objects.filter(
            region__in=regions, year=reporting_year.year
        ).values_list("region_id", "status", "national_comment")
    }
    rows = []
    for region in regions:
        status, comment = reports.get(region.pk, (None, ""))
        waiting = status in (None, AnnualReport.Status.DRAFT, AnnualReport.Status.RETURNED)
        rows.append(
            RegionReport(
                region=region,
                year=reporting_year.year,
                status=status,
                status_label=str(AnnualReport.Status(status).label) if status else "",
                due_date=reporting_year.due_date,
                overdue=waiting and reporting_year.is_overdue(today),
                national_comment=comment if status == AnnualReport.Status.RETURNED else "",
            )
        )
    return rows


def reports_to_review() -> list[AnnualReport]:
    """The reports submitted to the national team, oldest first: one query, no content."""
    return list(
        AnnualReport.objects.filter(status=AnnualReport.Status.SUBMITTED)
        .select_related("region")
        .only(
            "region__name",
            "region__name_sv",
            "region__name_en",
            "region__slug",
            "year",
            "status",
            "submitted_at",
        )
        .order_by("submitted_at", "year", "region__position")
    )
