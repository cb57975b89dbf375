"""The reporting year's reminders, sent once a day by beat (``reporting.tasks.send_reminders``).

The national team sets each year's schedule (``ReportingYear.reminder_days``, e.g. 30 and 7
days before the due date, and ``remind_weekly_when_overdue``). On a step's day:

- the coordinators of every region whose report is not submitted get a reminder naming the
  due date, what is missing (the report not started, the sub-themes without a level) and
  the link to the report;
- the editors of every organisation that has logged nothing for the year get a reminder
  the same number of days before their region's entry deadline (``EntryDeadline``), while
  the region's report is still open.

A run sends the latest step whose day has come within ``CATCH_UP_DAYS`` (beat down
yesterday: today's run sends yesterday's step; a schedule set late does not send last
month's), and records each reminder (``SentReminder``) in the transaction that queues its
mail, so no step goes twice to anyone. The step's key names the due date, so moving the
date starts its steps afresh.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from lib.mail import keep_unsent, queue_mail
from network.models import Coordinator, Membership, Organisation, Region
from notices import services as notices
from reporting.models import (
    AnnualReport,
    Answer,
    EntryDeadline,
    ReportingYear,
    SentReminder,
    SubTheme,
    nothing_logged,
)

logger = logging.getLogger(__name__)

#: How many days late a missed step is still sent.
CATCH_UP_DAYS = 7

#: The report states that are still waiting for the coordinator.
WAITING = (None, AnnualReport.Status.DRAFT, AnnualReport.Status.RETURNED)


@dataclass(frozen=True)
class Step:
    """One step of a schedule: its key in ``SentReminder`` and the day it is due."""

    key: str
    on: dt.date
    overdue: bool = False


def due_step(
    kind: str,
    year: int,
    due_date: dt.date,
    days_before: Iterable[int],
    today: dt.date,
    weekly_when_overdue: bool = False,
) -> Step | None:
    """The step due ``today``: the latest whose day has come in the last ``CATCH_UP_DAYS``.

    Weekly overdue steps fall on the day after the due date and every seventh day after.
    """
    prefix = f"{kind}:{year}:{due_date.isoformat()}"
    steps = [
        Step(f"{prefix}:before-{days}", due_date - dt.timedelta(days=days)) for days in days_before
    ]
    if weekly_when_overdue and today > due_date:
        week = (today - due_date - dt.timedelta(days=1)).days // 7
        steps.append(
            Step(
                f"{prefix}:overdue-{week + 1}",
                due_date + dt.timedelta(days=1 + 7 * week),
                overdue=True,
            )
        )
    current = [step for step in steps if today - dt.timedelta(CATCH_UP_DAYS) < step.on <= today]
    return max(current, key=lambda step: step.on, default=None)


@dataclass
class Reminder:
    """A reminder to send: to a region's coordinators, or to an organisation's editors."""

    step: Step
    template: str
    region: Region
    organisation: Organisation | None
    people: list[Any]
    context: dict[str, Any] = field(default_factory=dict)


def link(view: str, language: str, **kwargs: Any) -> str:
    """An absolute address of the portal in the recipient's language (no request here)."""
    with translation.override(language):
        return settings.SITE_URL + reverse(view, kwargs=kwargs)


def _missing_sub_themes(reports: list[AnnualReport]) -> dict[int, list[str]]:
    """Per report, the sub-themes of its year's framework without a level ("1.2
    Viestintä"): two queries."""
    by_year: dict[int, list[SubTheme]] = defaultdict(list)
    for sub_theme in (
        SubTheme.objects.filter(theme__reporting_year__year__in={r.year for r in reports})
        .select_related("theme__reporting_year")
        .order_by("theme__number", "number")
    ):
        by_year[sub_theme.theme.reporting_year.year].append(sub_theme)
    answered: dict[int, set[int]] = defaultdict(set)
    for report_id, sub_theme_id in Answer.objects.filter(
        report_id__in=[report.pk for report in reports], level__isnull=False
    ).values_list("report_id", "sub_theme_id"):
        answered[report_id].add(sub_theme_id)
    return {
        report.pk: [
            f"{sub_theme.theme.number}.{sub_theme.number} {sub_theme.title}"
            for sub_theme in by_year[report.year]
            if sub_theme.pk not in answered[report.pk]
        ]
        for report in reports
    }


def report_reminders(steps: dict[int, Step], years: dict[int, ReportingYear]) -> list[Reminder]:
    """Reminders to the coordinators of the regions whose report of a year with a step due
    is not submitted: five queries (regions, reports, coordinators, the framework and the
    answered sub-themes), whatever the number of regions."""
    if not steps:
        return []
    regions = list(Region.objects.order_by("position", "name"))
    reports = {
        (report.region_id, report.year): report
        for report in AnnualReport.objects.filter(year__in=steps).only(
            "pk", "region_id", "year", "status"
        )
    }
    coordinators: dict[int, list[Any]] = defaultdict(list)
    for coordinator in (
        Coordinator.objects.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user__email")
    ):
        coordinators[coordinator.region_id].append(coordinator.user)
    waiting = [report for report in reports.values() if report.status in WAITING and report.pk]
    missing = _missing_sub_themes(waiting) if waiting else {}
    reminders = []
    for year, step in sorted(steps.items()):
        for region in regions:
            report = reports.get((region.pk, year))
            if (report.status if report else None) not in WAITING or not coordinators[region.pk]:
                continue
            reminders.append(
                Reminder(
                    step=step,
                    template="reminder_report",
                    region=region,
                    organisation=None,
                    people=coordinators[region.pk],
                    context={
                        "network": region.network_name or region.name,
                        "year": year,
                        "due_date": years[year].due_date,
                        "instructions": years[year].instructions.strip(),
                        "overdue": step.overdue,
                        "started": report is not None,
                        "returned": report is not None
                        and report.status == AnnualReport.Status.RETURNED,
                        "missing": missing.get(report.pk, []) if report else [],
                        "view": "reports:detail" if report else "reports:list",
                        "view_kwargs": {"region": region.slug, "year": year}
                        if report
                        else {"region": region.slug},
                    },
                )
            )
    return reminders


def entry_reminders(
    years: dict[int, ReportingYear], today: dt.date, open_regions: dict[int, set[int]]
) -> list[Reminder]:
    """Reminders to the editors of organisations that have logged nothing for a year, before
    their region's entry deadline: the deadlines (one query), then per year with a step due
    the editors of the organisations behind (one query each)."""
    deadlines = list(
        EntryDeadline.objects.filter(year__in=years, due_date__gte=today).select_related("region")
    )
    due: dict[int, dict[int, tuple[Step, EntryDeadline]]] = defaultdict(dict)
    for deadline in deadlines:
        if deadline.region_id not in open_regions.get(deadline.year, set()):
            continue  # the region's report is submitted: its entries are no longer awaited
        reporting_year = years[deadline.year]
        step = due_step(
            "entries", deadline.year, deadline.due_date, reporting_year.reminder_days, today
        )
        if step is not None:
            due[deadline.year][deadline.region_id] = (step, deadline)
    reminders = []
    for year, by_region in sorted(due.items()):
        behind = nothing_logged(Organisation.objects.filter(region_id__in=by_region).active(), year)
        editors: dict[int, list[Any]] = defaultdict(list)
        organisations: dict[int, Organisation] = {}
        for membership in (
            Membership.objects.filter(
                organisation__in=behind, role=Membership.Role.EDITOR, user__is_active=True
            )
            .exclude(user__email="")
            .select_related("user", "organisation__region")
            .order_by("organisation__name", "user__email")
        ):
            editors[membership.organisation_id].append(membership.user)
            organisations[membership.organisation_id] = membership.organisation
        for organisation_id, people in editors.items():
            organisation = organisations[organisation_id]
            step, deadline = by_region[organisation.region_id]
            reminders.append(
                Reminder(
                    step=step,
                    template="reminder_entries",
                    region=organisation.region,
                    organisation=organisation,
                    people=people,
                    context={
                        "organisation": organisation.name,
                        "network": organisation.region.network_name or organisation.region.name,
                        "year": year,
                        "due_date": deadline.due_date,
                        "view": "guidance:add",
                        "view_kwargs": {
                            "region": organisation.region.slug,
                            "organisation": organisation.slug,
                        },
                    },
                )
            )
    return reminders


def _open_regions(steps_years: Iterable[int]) -> dict[int, set[int]]:
    """Per year, the regions whose report is not submitted or accepted: one query."""
    years = list(steps_years)
    done: dict[int, set[int]] = defaultdict(set)
    for region_id, year in AnnualReport.objects.filter(
        year__in=years,
        status__in=[AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED],
    ).values_list("region_id", "year"):
        done[year].add(region_id)
    region_ids = set(Region.objects.values_list("pk", flat=True))
    return {year: region_ids - done[year] for year in years}


def render(reminder: Reminder, language: str) -> tuple[str, str]:
    """The reminder's subject and message in ``language``."""
    context = {
        **reminder.context,
        "link": link(reminder.context["view"], language, **reminder.context["view_kwargs"]),
    }
    with translation.override(language):
        subject = render_to_string(f"reporting/email/{reminder.template}_subject.txt", context)
        message = render_to_string(f"reporting/email/{reminder.template}_message.txt", context)
    return " ".join(subject.split()), message


def queue(reminder: Reminder) -> None:
    """Queue the reminder's mail, one a language (``portal.tasks.send_notice``, retried); a
    mail whose task cannot be queued is kept in ``UnsentMail`` for beat to send later."""
    from portal.tasks import send_notice

    by_language: dict[str, list[str]] = defaultdict(list)
    for person in reminder.people:
        by_language[notices.language_of(person)].append(person.email)
    for language, recipients in sorted(by_language.items()):
        subject, message = render(reminder, language)
        queue_mail(
            send_notice,
            reminder.template,
            subject,
            message,
            recipients,
            on_failure=functools.partial(
                keep_unsent, reminder.template, subject, message, recipients
            ),
        )


@dataclass(frozen=True)
class OverdueEntries:
    """A region's passed entry deadline and the organisations that have logged nothing."""

    deadline: EntryDeadline
    organisations: list[Organisation]


def overdue_entries(region_ids: Iterable[int], today: dt.date) -> dict[int, OverdueEntries]:
    """Per region, its latest passed entry deadline whose report is still open, with the
    active organisations that have logged nothing for its year (regions with none behind
    are left out): the deadlines in one query, then one query a year, not a region."""
    latest: dict[int, EntryDeadline] = {}
    for deadline in (
        EntryDeadline.objects.filter(region_id__in=list(region_ids))
        .passed_and_open(today)
        .order_by("region_id", "-year")
    ):
        latest.setdefault(deadline.region_id, deadline)
    by_year: dict[int, dict[int, EntryDeadline]] = defaultdict(dict)
    for region_id, deadline in latest.items():
        by_year[deadline.year][region_id] = deadline
    behind: dict[int, list[Organisation]] = defaultdict(list)
    for year, deadlines in by_year.items():
        organisations = nothing_logged(
            Organisation.objects.filter(region_id__in=deadlines).active(), year
        ).order_by("name")
        for organisation in organisations:
            behind[organisation.region_id].append(organisation)
    return {
        region_id: OverdueEntries(deadline, behind[region_id])
        for region_id, deadline in latest.items()
        if behind[region_id]
    }


def send_reminders(today: dt.date | None = None) -> int:
    """Send every reminder due ``today`` and not sent before; return how many were sent.

    One transaction: the years with a schedule are locked first, so a second run at the same
    moment waits for this one to commit and then finds its ``SentReminder`` rows. The rows
    are written here and the mails queued once they commit (never for a rolled-back run).
    Queries: the years, the open regions, then the report reminders' five, the deadlines and
    one per year with an entry step due, the sent reminders and one insert, whatever the
    number of regions, organisations and people.
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        years = {
            reporting_year.year: reporting_year
            for reporting_year in ReportingYear.objects.select_for_update()
            .filter(due_date__isnull=False)
            .order_by("year")
        }
        years = {
            year: reporting_year
            for year, reporting_year in years.items()
            if reporting_year.reminder_days or reporting_year.remind_weekly_when_overdue
        }
        if not years:
            return 0
        steps = {}
        for year, reporting_year in years.items():
            step = due_step(
                "report",
                year,
                reporting_year.due_date,  # type: ignore[arg-type]  # filtered above
                reporting_year.reminder_days,
                today,
                reporting_year.remind_weekly_when_overdue,
            )
            if step is not None:
                steps[year] = step
        open_regions = _open_regions(years)
        candidates: list[Reminder] = report_reminders(steps, years)
        candidates += entry_reminders(years, today, open_regions)
        if not candidates:
            return 0
        sent = set(
            SentReminder.objects.filter(
                step__in={reminder.step.key for reminder in candidates}
            ).values_list("step", "region_id", "organisation_id")
        )
        reminders = [
            reminder
            for reminder in candidates
            if (
                reminder.step.key,
                reminder.region.pk,
                reminder.organisation.pk if reminder.organisation else None,
            )
            not in sent
        ]
        # A run that raced past the lock (none should) fails here on the unique constraints
        # and rolls back with nothing queued.
        SentReminder.objects.bulk_create(
            SentReminder(
                step=reminder.step.key,
                region=reminder.region,
                organisation=reminder.organisation,
                recipients=len(reminder.people),
            )
            for reminder in reminders
        )
        for reminder in reminders:
            transaction.on_commit(lambda reminder=reminder: queue(reminder))  # type: ignore[misc]
    logger.info("Queued %d reminders for %s", len(reminders), today.isoformat())
    return len(reminders)
