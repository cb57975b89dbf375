"""Annual reports of the regions' ELO networks to the national level, and PDF jobs.

The reporting framework (themes, sub-themes and their four-level ladders, seed 001) is
data, so next year's framework can change without code. A region's report answers each
sub-theme with a level and what it did; the national summary groups regions by level.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from lib.scoping import RegionScopedManager, scope
from lib.translation import translated, translations, translations_of
from network.models import Organisation, Region
from portal.rules import ReportAudience, report_audience


@translated("instructions")
class ReportingYear(models.Model):
    """A year the regions report on, with the national team's due date."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    instructions = models.TextField(_("instructions"), blank=True)
    instructions_sv, instructions_en = translations(instructions)
    # The reminder schedule (``reporting.reminders``): the coordinators of regions whose
    # report is not submitted are reminded these many days before the due date, and weekly
    # after it while it is overdue; the organisations that have logged nothing for the year
    # are reminded as many days before their region's entry deadline.
    reminder_days = models.JSONField(
        _("reminders before the due date (days)"), default=list, blank=True
    )
    remind_weekly_when_overdue = models.BooleanField(
        _("remind weekly while overdue"), default=False
    )

    class Meta:
        verbose_name = _("reporting year")
        verbose_name_plural = _("reporting years")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="reporting_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return str(self.year)

    def save(self, *args: Any, **kwargs: Any) -> None:
        """A year opened here starts with its framework: a copy of the nearest earlier
        year's (``copy_framework``), in the same transaction as the year's row."""
        creating = self._state.adding
        with transaction.atomic():
            super().save(*args, **kwargs)
            if creating:
                copy_framework(self)

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.due_date is not None and today > self.due_date

    def framework_is_fixed(self) -> bool:
        """True once any report of the year has been submitted (returned and accepted ones
        included): its wording is then what the reports were written against. One query."""
        # Every region's reports on purpose: one region's submission fixes the national
        # framework for all.
        with scope(region=None):
            return (
                AnnualReport.objects.filter(year=self.year)
                .filter(Q(submitted_at__isnull=False) | ~Q(status=AnnualReport.Status.DRAFT))
                .exists()
            )

    def reminder_schedule(self) -> str:
        """The reminder schedule in words, for the national pages."""
        parts = []
        if self.reminder_days:
            days = ", ".join(str(number) for number in self.reminder_days)
            parts.append(
                ngettext(
                    "reminders %(days)s day before",
                    "reminders %(days)s days before",
                    self.reminder_days[-1],
                )
                % {"days": days}
            )
        if self.remind_weekly_when_overdue:
            parts.append(gettext("weekly while overdue"))
        return "; ".join(parts) if parts else gettext("no reminders")


@translated("title", "description")
class Theme(models.Model):
    """A theme of a year's reporting framework, e.g. "VIESTINTÄ JA SITOUTUMINEN".

    Each reporting year has its own framework (``ReportingYear.themes``), a copy of the
    year before's when the year is opened, so changing next year's wording leaves the
    answers of earlier years on the rows they were written against.
    """

    reporting_year = models.ForeignKey(
        ReportingYear,
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("reporting year"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["reporting_year__year", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporting_year", "number"], name="theme_unique_number_in_year"
            ),
        ]

    def __str__(self) -> str:
        return self.title


@translated("title", "description")
class SubTheme(models.Model):
    """A sub-theme a region answers with a level on its ladder, e.g. "Viestintä"."""

    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="sub_themes", verbose_name=_("theme")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)

    class Meta:
        verbose_name = _("sub-theme")
        verbose_name_plural = _("sub-themes")
        ordering = ["theme__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["theme", "number"], name="sub_theme_unique_number"),
        ]

    def __str__(self) -> str:
        return self.title


@translated("title")
class Level(models.Model):
    """One rung of a sub-theme's ladder: 1 least developed … 4 systematic, continuous."""

    sub_theme = models.ForeignKey(
        SubTheme, on_delete=models.CASCADE, related_name="levels", verbose_name=_("sub-theme")
    )
    value = models.PositiveSmallIntegerField(_("level"))
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)

    class Meta:
        verbose_name = _("level")
        verbose_name_plural = _("levels")
        ordering = ["sub_theme", "value"]
        constraints = [
            models.UniqueConstraint(fields=["sub_theme", "value"], name="level_unique_value"),
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=4), name="level_between_1_and_4"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.title}"


@translated("text")
class LevelActivity(models.Model):
    """An activity that describes a rung of the ladder, as seed 001 lists the lines it
    gives without a region: part of the year's framework, copied with it to the next year."""

    level = models.ForeignKey(
        Level, on_delete=models.CASCADE, related_name="activities", verbose_name=_("level")
    )
    text = models.TextField(_("activity"))
    text_sv, text_en = translations(text)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("activity of a level")
        verbose_name_plural = _("activities of a level")
        ordering = ["level", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class AnnualReportQuerySet(models.QuerySet["AnnualReport"]):
    def readable_by(self, user: Any) -> AnnualReportQuerySet:
        """The reports ``user`` may read, the same rule as ``reporting.view_report``:
        accepted reports, the user's own regions' reports, and every report for the
        national team and administrators (``portal.rules.ReportAudience``)."""
        return self.for_audience(report_audience(user))

    def for_audience(self, audience: ReportAudience) -> AnnualReportQuerySet:
        """The reports the audience reads: what a summary or a PDF made for it may show."""
        return self.filter(audience.as_q())


class AnnualReport(models.Model):
    """A region's report of its ELO network's year.

    Draft → submitted by the coordinator → accepted by the national team, or returned with
    comments. A submitted report is frozen: its PDF is the official record of that version.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for changes")
        # A report made from the national summary of another year (seed 001 summarises
        # the regions' 2016 reports): examples in a summary, not the region's own report,
        # so no one submits, returns or accepts it and it closes no year.
        HISTORICAL = "historical", _("Historical record (from the 2017 summary)")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="annual_reports", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    summary = models.TextField(_("summary"), blank=True)
    national_comment = models.TextField(_("national team's comment"), blank=True)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    official_pdf = models.FileField(_("official PDF"), upload_to="reports/", blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegionScopedManager.from_queryset(AnnualReportQuerySet)("region")

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year", "region__position"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="annual_report_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}"

    @property
    def is_frozen(self) -> bool:
        return self.status in (self.Status.SUBMITTED, self.Status.ACCEPTED, self.Status.HISTORICAL)

    @property
    def is_historical(self) -> bool:
        """Imported from a summary: no step of the review applies to it."""
        return self.status == self.Status.HISTORICAL


class Answer(models.Model):
    """A region's answer to one sub-theme: its level and what it did, with examples."""

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="answers", verbose_name=_("report")
    )
    sub_theme = models.ForeignKey(
        SubTheme, on_delete=models.PROTECT, related_name="answers", verbose_name=_("sub-theme")
    )
    level = models.PositiveSmallIntegerField(_("level"), null=True, blank=True)
    activities = models.TextField(
        _("what was done"), blank=True, help_text=_("One activity a line.")
    )
    examples = models.TextField(_("examples"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["report", "sub_theme__theme__number", "sub_theme__number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "sub_theme"], name="answer_unique_sub_theme"),
            models.CheckConstraint(
                condition=Q(level__isnull=True) | (Q(level__gte=1) & Q(level__lte=4)),
                name="answer_level_between_1_and_4",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.sub_theme}"


class AnswerActivity(models.Model):
    """An activity a region places on a rung of the sub-theme's ladder, beside the level it
    chooses: a region at level 4 may still list what it did at level 3.

    ``regions_label`` keeps the regions as a summary names them for a line shared by
    several ("Pirkanmaa, KESKI-SUOMI", "Pohjanmaa ja Keski-Pohjanmaa"); each named
    region's answer holds the line, and the national summary shows it once with the label.
    Blank for the region's own line, shown with the region's name.
    """

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="rung_activities", verbose_name=_("answer")
    )
    level = models.PositiveSmallIntegerField(_("level"))
    text = models.TextField(_("activity"))
    regions_label = models.CharField(_("regions as written"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RegionScopedManager["AnswerActivity"]("answer__report__region")

    class Meta:
        verbose_name = _("activity on a level")
        verbose_name_plural = _("activities on a level")
        ordering = ["answer", "level", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(level__gte=1) & Q(level__lte=4),
                name="answer_activity_level_between_1_and_4",
            ),
        ]

    def __str__(self) -> str:
        return self.line

    @property
    def line(self) -> str:
        """The activity as the report shows it: with the regions a summary named, if any."""
        return f"{self.text} ({self.regions_label})" if self.regions_label else self.text


class ReportVersion(models.Model):
    """One submitted version of a report, frozen: its answers as they were sent and its PDF.

    ``snapshot`` keeps the summary and every sub-theme's answer with the framework's
    wording of the day (``reporting.versions.snapshot_of``), so a returned version stays
    readable after the report is edited, and a later change of the framework does not
    rewrite what was reported. The national team's decision is stamped on the version it
    concerns: a return with its comment, or the acceptance, whose PDF is built once and
    never changes (``accepted_pdf``).
    """

    class AcceptorRole(models.TextChoices):
        NATIONAL_TEAM = "national_team", _("National ELO team")
        SITE_ADMIN = "site_admin", _("Site administrator")

    report = models.ForeignKey(
        AnnualReport, on_delete=models.CASCADE, related_name="versions", verbose_name=_("report")
    )
    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    snapshot = models.JSONField(_("answers as submitted"), default=dict)
    official_pdf = models.FileField(_("PDF as submitted"), upload_to="reports/", blank=True)
    returned_at = models.DateTimeField(_("returned"), null=True, blank=True)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("returned by"),
    )
    return_comment = models.TextField(_("the national team's comment"), blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    # The acceptor as the record names them, kept as it was on the day.
    accepted_by_name = models.CharField(_("acceptor's name"), max_length=300, blank=True)
    accepted_by_role = models.CharField(
        _("acceptor's role"), max_length=20, choices=AcceptorRole.choices, blank=True
    )
    accepted_pdf = models.FileField(_("accepted PDF"), upload_to="reports/", blank=True)

    objects = RegionScopedManager["ReportVersion"]("report__region")

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="report_version_unique"),
            models.CheckConstraint(condition=Q(number__gte=1), name="report_version_from_1"),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(returned_at__isnull=True),
                name="report_version_accepted_or_returned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report_id} v{self.number}"

    @property
    def owning_region_id(self) -> int:
        """The report's region (``portal.rules.region_id_of``): a query unless it is loaded."""
        return self.report.region_id

    @property
    def is_accepted(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_returned(self) -> bool:
        return self.returned_at is not None


class PdfJob(models.Model):
    """A PDF built in the background: the page polls its status and downloads the file.

    ``inputs_hash`` fingerprints what the document is built from, so a request whose
    inputs have not changed reuses the finished file instead of building it again.
    """

    class Kind(models.TextChoices):
        ANNUAL_REPORT = "annual_report", _("Annual report")
        NATIONAL_SUMMARY = "national_summary", _("National summary")
        TNO_SUMMARY = "tno_summary", _("TNO forum summary")
        ELOLIV_BOOKLET = "eloliv_booklet", _("ELOLIV good-practices booklet")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        # Its own context: "Done" of an action's status reads "Toteutettu" in Finnish.
        DONE = "done", pgettext_lazy("PDF job state", "Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="pdf_jobs",
        verbose_name=_("region"),
    )
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    inputs_hash = models.CharField(max_length=64, blank=True, db_index=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    file = models.FileField(_("file"), upload_to="pdf/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # When the build was last sent to the workers: a message lost with a restarted broker
    # shows as a job queued for long, which the next request sends again.
    queued_at = models.DateTimeField(_("queued"), default=timezone.now)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    # The running build touches this every few seconds: a killed worker stops touching it.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = RegionScopedManager["PdfJob"]("region")

    class Meta:
        verbose_name = _("PDF job")
        verbose_name_plural = _("PDF jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="pdf_job_progress_at_most_100"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        return reverse("pdf:status", kwargs={"pk": self.pk})


class EntryDeadlineQuerySet(models.QuerySet["EntryDeadline"]):
    def passed_and_open(self, today: Any) -> EntryDeadlineQuerySet:
        """Deadlines past ``today`` whose region has not yet submitted that year's report:
        until it does, entries the organisations still owe may go into it."""
        done = AnnualReport.objects.filter(
            region=models.OuterRef("region"),
            year=models.OuterRef("year"),
            status__in=[AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED],
        )
        return self.filter(due_date__lt=today).exclude(models.Exists(done))


class EntryDeadline(models.Model):
    """By when a region's member organisations log a year's work, set by its coordinator.

    The organisations that have logged nothing by then show as overdue on the review queue
    and the coordinator's Omat sivut, and are reminded before it (``reporting.reminders``).
    """

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="entry_deadlines", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    due_date = models.DateField(_("entries due"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegionScopedManager.from_queryset(EntryDeadlineQuerySet)("region")

    class Meta:
        verbose_name = _("entry deadline")
        verbose_name_plural = _("entry deadlines")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="entry_deadline_unique_year"),
        ]

    def __str__(self) -> str:
        return f"{self.region} {self.year}: {self.due_date}"

    def organisations_behind(self) -> models.QuerySet[Organisation]:
        """The region's active organisations with nothing logged for the year (one query)."""
        return nothing_logged(
            Organisation.objects.filter(region_id=self.region_id).active(), self.year
        )


def nothing_logged(organisations: models.QuerySet[Organisation], year: int) -> Any:
    """Of ``organisations``, those that have logged nothing for ``year``: no guidance action
    of the year and no event they organise starting in it, in any state, drafts included
    (someone has started). Two ``NOT EXISTS``-style subqueries through the reverse
    relations, no extra query."""
    return organisations.exclude(guidance_actions__year=year).exclude(
        organised_events__starts_on__year=year
    )


class SentReminder(models.Model):
    """One reminder sent: the step of the schedule and whom it went to (a region's
    coordinators, or an organisation's editors).

    Written in the transaction that queues the mail, so a reminder is never sent twice:
    the unique constraints stop a second beat run, even one running at the same moment.
    """

    step = models.CharField(_("step"), max_length=100)
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    objects = RegionScopedManager["SentReminder"]("region")

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["step", "region"],
                condition=Q(organisation__isnull=True),
                name="sent_reminder_once_per_region",
            ),
            models.UniqueConstraint(
                fields=["step", "organisation"],
                condition=Q(organisation__isnull=False),
                name="sent_reminder_once_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return self.step


def copy_framework(target: ReportingYear) -> None:
    """Give ``target`` (with no framework yet) a copy of the framework of the latest year
    before it that has one, or of the earliest after it; with no other year, seed 001's
    framework (``reporting.framework``). Themes, sub-themes, levels and the levels' own
    activities are new rows: the source year's answers stay on the source's rows. Eight
    queries whatever the size."""
    from reporting.framework import write_framework

    years = ReportingYear.objects.exclude(pk=target.pk).filter(
        models.Exists(Theme.objects.filter(reporting_year=models.OuterRef("pk")))
    )
    source = (
        years.filter(year__lt=target.year).order_by("-year").first()
        or years.filter(year__gt=target.year).order_by("year").first()
    )
    if source is None:
        write_framework(Theme, SubTheme, Level, reporting_year=target, activity_model=LevelActivity)
        return
    themes = list(Theme.objects.filter(reporting_year=source).order_by("number"))
    new_themes = Theme.objects.bulk_create(
        Theme(
            reporting_year=target,
            number=theme.number,
            title=theme.title,
            description=theme.description,
            **translations_of(theme, "title", "description"),
        )
        for theme in themes
    )
    theme_map = {old.pk: new for old, new in zip(themes, new_themes, strict=True)}
    sub_themes = list(SubTheme.objects.filter(theme__reporting_year=source).order_by("pk"))
    new_sub_themes = SubTheme.objects.bulk_create(
        SubTheme(
            theme=theme_map[sub_theme.theme_id],
            number=sub_theme.number,
            title=sub_theme.title,
            description=sub_theme.description,
            **translations_of(sub_theme, "title", "description"),
        )
        for sub_theme in sub_themes
    )
    sub_map = {old.pk: new for old, new in zip(sub_themes, new_sub_themes, strict=True)}
    levels = list(Level.objects.filter(sub_theme__theme__reporting_year=source).order_by("pk"))
    new_levels = Level.objects.bulk_create(
        Level(
            sub_theme=sub_map[level.sub_theme_id],
            value=level.value,
            title=level.title,
            **translations_of(level, "title"),
        )
        for level in levels
    )
    level_map = {old.pk: new for old, new in zip(levels, new_levels, strict=True)}
    LevelActivity.objects.bulk_create(
        LevelActivity(
            level=level_map[activity.level_id],
            text=activity.text,
            position=activity.position,
            **translations_of(activity, "text"),
        )
        for activity in LevelActivity.objects.filter(level__sub_theme__theme__reporting_year=source)
    )
