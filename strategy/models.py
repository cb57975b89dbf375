"""A region's lifelong-guidance strategy: focus areas, goals, actions, projects, indicators.

The strategy is "living": the coordinator revises it, so each revision is its own
``Strategy`` row and exactly one of a region's rows is current. A revision is prepared as a
draft (no ``published_on``), seen only by the region's coordinators until it is published.
"""

import uuid
from typing import Any

from django.db import models
from django.db.models import Count, F, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lib.scoping import RegionScopedManager
from lib.translation import LocalizedText, localized, translated, translations
from network.models import Organisation, Region
from portal.review import ReviewStatus
from strategy.formatting import indicator_value


def lineage_field() -> models.UUIDField:
    """The identity a plan object keeps across versions: ``start_revision`` copies it with
    the row, so comparing two versions matches each object with its own copy."""
    return models.UUIDField(_("lineage"), default=uuid.uuid4, editable=False, db_index=True)


class NationalStrategyQuerySet(models.QuerySet["NationalStrategy"]):
    def with_goals_and_measures(self) -> "NationalStrategyQuerySet":
        """Prefetch the goals and key measures, each with the focus areas of the regions'
        current strategies that link to it (regions joined), and the measures' goals: five
        queries besides the strategy's own, whatever the rows."""
        linked = (
            FocusArea.objects.current()
            .select_related("strategy__region")
            .order_by("strategy__region__position", "strategy__region__name", "number")
        )
        return self.prefetch_related(
            Prefetch("goals", queryset=NationalGoal.objects.order_by("number")),
            Prefetch("goals__focus_areas", queryset=linked, to_attr="goal_focus_areas"),
            Prefetch("key_measures", queryset=KeyMeasure.objects.order_by("number")),
            Prefetch("key_measures__goals", queryset=NationalGoal.objects.order_by("number")),
            Prefetch("key_measures__focus_areas", queryset=linked, to_attr="measure_focus_areas"),
        )


@translated("title", "description")
class NationalStrategy(models.Model):
    """The national lifelong-guidance strategy (elinikäisen ohjauksen strategia) the regions'
    focus areas serve: its goals and key measures are national reference data, not a
    region's."""

    title = models.CharField(_("title"), max_length=300, unique=True)
    title_sv, title_en = translations(title)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    published_on = models.DateField(_("published on"))
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)

    objects = NationalStrategyQuerySet.as_manager()

    class Meta:
        verbose_name = _("national strategy")
        verbose_name_plural = _("national strategies")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")),
                name="national_strategy_years_in_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} {self.start_year}-{self.end_year}"


@translated("title", "description")
class NationalGoal(models.Model):
    """One of the six goals of the national lifelong-guidance strategy (2020-2023)."""

    national_strategy = models.ForeignKey(
        NationalStrategy,
        on_delete=models.PROTECT,
        related_name="goals",
        verbose_name=_("national strategy"),
    )
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=200, unique=True)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)

    class Meta:
        verbose_name = _("national goal")
        verbose_name_plural = _("national goals")
        ordering = ["number"]

    def __str__(self) -> str:
        return self.title


class KeyMeasureQuerySet(models.QuerySet["KeyMeasure"]):
    def with_goals(self) -> "KeyMeasureQuerySet":
        return self.prefetch_related("goals")


@translated("title")
class KeyMeasure(models.Model):
    """A key measure (keskeinen toimenpide) of the national strategy for the government's
    term: who answers for it, where its money comes from, when it starts and how far its
    funding has got. Where the source does not say, the status is "unknown", chosen."""

    class Status(models.TextChoices):
        TO_BE_PROPOSED = "to_be_proposed", _("Funding to be proposed")
        PROPOSED = "proposed", _("Funding proposed")
        GRANTED = "granted", _("Funding granted")
        UNKNOWN = "unknown", _("Not known")

    national_strategy = models.ForeignKey(
        NationalStrategy,
        on_delete=models.PROTECT,
        related_name="key_measures",
        verbose_name=_("national strategy"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    goals = models.ManyToManyField(
        NationalGoal, related_name="key_measures", verbose_name=_("national goals")
    )
    policy_area = models.CharField(
        _("policy area"),
        max_length=200,
        blank=True,
        help_text=_("The government's policy entity the measure belongs to."),
    )
    responsible = models.CharField(
        _("responsible ministries and agencies"),
        max_length=200,
        blank=True,
        help_text=_("Left empty where the source does not name them: shown as not known."),
    )
    funding = models.CharField(_("funding source"), max_length=200)
    start_year = models.PositiveSmallIntegerField(_("start year"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)

    objects = KeyMeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("key measure")
        verbose_name_plural = _("key measures")
        ordering = ["national_strategy", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_strategy", "number"], name="key_measure_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["to_be_proposed", "proposed", "granted", "unknown"]),
                name="key_measure_status_known_choice",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class StrategyQuerySet(models.QuerySet["Strategy"]):
    def for_region(self, region: Region) -> "StrategyQuerySet":
        return self.filter(region=region)

    def current(self) -> "StrategyQuerySet":
        return self.filter(is_current=True)

    def published(self) -> "StrategyQuerySet":
        """The versions the public may read: the current one and those published before it."""
        return self.filter(Q(is_current=True) | Q(published_on__isnull=False))

    def drafts(self) -> "StrategyQuerySet":
        """The revisions being prepared: never current, not yet published."""
        return self.filter(is_current=False, published_on__isnull=True)

    def editable(self) -> "StrategyQuerySet":
        """What the coordinator's editor may change: the current version and the draft."""
        return self.filter(Q(is_current=True) | Q(published_on__isnull=True))

    def comparable_for(self, user: Any, region: Region) -> "StrategyQuerySet":
        """The region's versions that ``user`` may read and compare, newest first: the
        published ones, and the draft for those who may edit the plan.

        The one place that says which versions a person sees beside each other.
        """
        versions = self.for_region(region).order_by("-version")
        if user.has_perm("strategy.edit_plan", region):
            return versions
        return versions.published()

    def with_focus_areas(self) -> "StrategyQuerySet":
        """Prefetch the focus areas with their goal counts annotated: one query in all."""
        return self.prefetch_related(
            Prefetch("focus_areas", queryset=FocusArea.objects.with_goal_count())
        )

    def with_indicators(self) -> "StrategyQuerySet":
        """Prefetch the indicators and their yearly values: two queries in all.

        The values land in ``indicator.yearly_values``, a list in year order, so a
        template can take the latest with ``|last`` without a query.
        """
        return self.prefetch_related(
            Prefetch("indicators", queryset=Indicator.objects.with_yearly_values())
        )

    def with_action_plan(self) -> "StrategyQuerySet":
        """Prefetch the whole action plan: five queries in all, whatever the row count.

        Focus areas in number order, each with its national goals, goals and actions;
        the actions with their lead organisation joined and their responsible
        organisations prefetched (see ``ActionQuerySet.with_responsibles``). The editor's
        overview and the page of an earlier version show all of it without a query per row.
        """
        return self.prefetch_related(*action_plan_prefetches())

    def with_indicator_links(self) -> "StrategyQuerySet":
        """Prefetch indicators with yearly values and linked focus areas: three queries."""
        return self.prefetch_related(*indicator_link_prefetches())


def action_plan_prefetches() -> list[Prefetch]:
    """The prefetches of ``with_action_plan``, also for a strategy already loaded."""
    return [
        Prefetch(
            "focus_areas",
            queryset=FocusArea.objects.order_by("number").prefetch_related(
                "national_goals",
                "key_measures",
                "goals",
                Prefetch("actions", queryset=Action.objects.with_responsibles()),
            ),
        )
    ]


def focus_area_detail_prefetches() -> list[str | Prefetch]:
    """What the focus area page shows about the area itself, one query per relation, for an
    area already loaded: goals, the national goals it serves and its indicators with their
    yearly values (see ``IndicatorQuerySet.with_yearly_values``)."""
    return [
        "goals",
        "national_goals",
        "key_measures",
        Prefetch("indicators", queryset=Indicator.objects.with_yearly_values()),
    ]


def indicator_link_prefetches() -> list[Prefetch]:
    """The prefetches of ``with_indicator_links``, also for a strategy already loaded."""
    return [
        Prefetch(
            "indicators",
            queryset=Indicator.objects.with_yearly_values().prefetch_related(
                Prefetch("focus_areas", queryset=FocusArea.objects.order_by("number"))
            ),
        )
    ]


@translated("title", "vision", "values", "values_statement", "overall_goal", "objectives")
class Strategy(models.Model):
    """A version of a region's strategy and action plan (toimintasuunnitelma)."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="strategies", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    version_label = models.CharField(
        _("revision"), max_length=100, blank=True, help_text=_('For example "tarkistus 2023".')
    )
    is_current = models.BooleanField(_("current version"), default=True)
    # Null for a draft: code creating a version that is not current and leaves this out
    # (the plan's XLSX import) makes a draft, which only publishing makes public.
    published_on = models.DateField(_("published on"), null=True, blank=True)
    change_note = models.TextField(
        _("what changed"), blank=True, help_text=_("What changed in this revision.")
    )
    previous = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
        verbose_name=_("revised from"),
    )
    vision = models.TextField(_("vision"))
    vision_sv, vision_en = translations(vision)
    values = models.CharField(
        _("values"), max_length=300, help_text=_("Separate the values with commas.")
    )
    values_sv, values_en = translations(values)
    values_statement = models.TextField(_("values statement"), blank=True)
    values_statement_sv, values_statement_en = translations(values_statement)
    overall_goal = models.TextField(_("overall goal"))
    overall_goal_sv, overall_goal_en = translations(overall_goal)
    objectives = models.TextField(_("objectives for the period"), blank=True)
    objectives_sv, objectives_en = translations(objectives)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegionScopedManager.from_queryset(StrategyQuerySet)("region")

    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["region", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["region", "version"], name="strategy_unique_version"),
            models.UniqueConstraint(
                fields=["region"], condition=Q(is_current=True), name="strategy_one_current"
            ),
            models.UniqueConstraint(
                fields=["region"],
                condition=Q(is_current=False, published_on__isnull=True),
                name="strategy_one_draft",
            ),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="strategy_end_after_start"
            ),
        ]

    def __str__(self) -> str:
        label = f" ({self.version_label})" if self.version_label else ""
        return f"{self.region}: {self.period}{label}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # A current version is public, so it has a publication date; a draft has none.
        if self.is_current and self.published_on is None:
            self.published_on = timezone.localdate()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "published_on"}
        super().save(*args, **kwargs)

    @property
    def is_draft(self) -> bool:
        """A revision being prepared: only the region's coordinators see it."""
        return self.published_on is None and not self.is_current

    @property
    def period(self) -> str:
        return f"{self.start_year}–{self.end_year}"  # noqa: RUF001 (an en dash, as in print)

    @property
    def value_list(self) -> list[str]:
        """The values as a list, in the order the region wrote them."""
        return [value.strip() for value in self.values.split(",") if value.strip()]

    @property
    def localized_values(self) -> list[LocalizedText]:
        """The values in the active language, each a Finnish fallback where no translation
        is written (the list is translated as one text, so all or none fall back)."""
        text = localized(self, "values")
        return [
            LocalizedText(value.strip(), text.lang, text.fallback)
            for value in text.plain.split(",")
            if value.strip()
        ]


class FocusAreaQuerySet(models.QuerySet["FocusArea"]):
    def for_region(self, region: Region) -> "FocusAreaQuerySet":
        return self.filter(strategy__region=region)

    def current(self) -> "FocusAreaQuerySet":
        """Focus areas of the current strategy versions only."""
        return self.filter(strategy__is_current=True)

    def with_goal_count(self) -> "FocusAreaQuerySet":
        """Annotate ``goal_count``: the home page lists counts without a query per row."""
        return self.annotate(goal_count=Count("goals"))


@translated("title", "description")
class FocusArea(models.Model):
    """A strategic focus area (strateginen painopiste), numbered within its strategy."""

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="focus_areas", verbose_name=_("strategy")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    lineage = lineage_field()
    national_goals = models.ManyToManyField(
        NationalGoal,
        related_name="focus_areas",
        blank=True,
        verbose_name=_("national strategy goals"),
    )
    key_measures = models.ManyToManyField(
        KeyMeasure,
        related_name="focus_areas",
        blank=True,
        verbose_name=_("national key measures"),
    )

    objects = RegionScopedManager.from_queryset(FocusAreaQuerySet)("strategy__region")

    history = HistoricalRecords(m2m_fields=["national_goals", "key_measures"])

    class Meta:
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")
        ordering = ["strategy", "number"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "number"], name="focus_area_unique_number"),
            models.UniqueConstraint(
                fields=["strategy", "lineage"], name="focus_area_unique_lineage"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="focus_area_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:focus_area_detail",
            kwargs={"region": self.strategy.region.slug, "number": self.number},
        )

    @property
    def owning_region_id(self) -> int:
        """The region whose coordinator may edit this; the permission layer asks it."""
        return self.strategy.region_id


@translated("title")
class Goal(models.Model):
    """A goal (tavoite) of a focus area."""

    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.CASCADE, related_name="goals", verbose_name=_("focus area")
    )
    title = models.TextField(_("title"))
    title_sv, title_en = translations(title)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    lineage = lineage_field()

    history = HistoricalRecords()

    objects = RegionScopedManager["Goal"]("focus_area__strategy__region")

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["focus_area", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["focus_area", "lineage"], name="goal_unique_lineage"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_region_id(self) -> int:
        """The region whose coordinator may edit this; the permission layer asks it."""
        return self.focus_area.strategy.region_id


class IndicatorQuerySet(models.QuerySet["Indicator"]):
    def with_yearly_values(self) -> "IndicatorQuerySet":
        """Prefetch the values in year order into the list ``yearly_values``: one query."""
        return self.prefetch_related(
            Prefetch(
                "values", queryset=IndicatorValue.objects.order_by("year"), to_attr="yearly_values"
            )
        )


@translated("title", "description", "unit")
class Indicator(models.Model):
    """A measure (mittari) the network follows, with a baseline, a target and yearly values."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Should increase")
        DECREASE = "decrease", _("Should decrease")
        MAINTAIN = "maintain", _("Should stay level")

    strategy = models.ForeignKey(
        Strategy, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("strategy")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, related_name="indicators", blank=True, verbose_name=_("focus areas")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    unit = models.CharField(_("unit"), max_length=50, blank=True)
    unit_sv, unit_en = translations(unit)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCREASE
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    decimals = models.PositiveSmallIntegerField(
        _("decimals shown"),
        choices=[(0, "0"), (1, "1"), (2, "2")],
        null=True,
        blank=True,
        help_text=_(
            "How many decimals the values, the baseline and the target are shown with. "
            "Empty: from the unit, one for a percentage, none otherwise."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    lineage = lineage_field()

    objects = RegionScopedManager.from_queryset(IndicatorQuerySet)("strategy__region")

    history = HistoricalRecords(m2m_fields=["focus_areas"])

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["strategy", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["strategy", "title"], name="indicator_unique_title"),
            models.UniqueConstraint(
                fields=["strategy", "lineage"], name="indicator_unique_lineage"
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline_year__isnull=False),
                name="indicator_baseline_has_year",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def owning_region_id(self) -> int:
        """The region whose coordinator may edit this; the permission layer asks it."""
        return self.strategy.region_id

    @property
    def precision(self) -> int:
        """The decimals its figures are shown with: its own ``decimals``, or else its unit's
        (``default_decimals``). Every page and PDF formats through ``strategy.formatting``."""
        return self.decimals if self.decimals is not None else default_decimals(self.unit)


def default_decimals(unit: str) -> int:
    """The decimals of an indicator that names none: one for a percentage (70,1 %), none
    for a count or anything else."""
    return 1 if unit.strip() == "%" else 0


class IndicatorValue(models.Model):
    """An indicator's measured value for one year, with where the figure comes from."""

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    source = models.CharField(_("source"), max_length=300, blank=True)
    source_url = models.URLField(_("source link"), blank=True)
    note = models.TextField(
        _("note"),
        max_length=1000,
        blank=True,
        help_text=_("For example how the figure was calculated or why it is missing."),
    )

    history = HistoricalRecords()

    objects = RegionScopedManager["IndicatorValue"]("indicator__strategy__region")

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year"], name="indicator_value_unique_year"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1900) & Q(year__lte=2100), name="indicator_value_sane_year"
            ),
        ]

    def __str__(self) -> str:
        """The figure as every page writes it (``formatting``): "Indicator: 2016: 68,0 %"."""
        return f"{self.indicator}: {self.year}: {indicator_value(self.value, self.indicator)}"

    @property
    def owning_region_id(self) -> int:
        """The region whose coordinator may edit this; the permission layer asks it."""
        return self.indicator.strategy.region_id

    @property
    def closing_period(self) -> tuple[int, int]:
        """(region id, year): the year whose closing locks the value (``portal.closed_years``)."""
        return self.indicator.strategy.region_id, self.year


class ActionQuerySet(models.QuerySet["Action"]):
    def for_region(self, region: Region) -> "ActionQuerySet":
        return self.filter(focus_area__strategy__region=region)

    def current(self) -> "ActionQuerySet":
        """Actions of the current strategy versions only."""
        return self.filter(focus_area__strategy__is_current=True)

    def involving(self, organisation: Organisation) -> "ActionQuerySet":
        """Actions the organisation leads or is responsible for, each once, with ``is_lead``.

        The responsible side is a subquery rather than a join, so an action with many
        responsible organisations is not repeated and needs no DISTINCT.
        """
        return self.filter(
            Q(lead_organisation=organisation)
            | Q(pk__in=organisation.responsible_actions.values("pk"))
        ).annotate(
            is_lead=models.Case(
                models.When(lead_organisation=organisation, then=models.Value(True)),
                default=models.Value(False),
            )
        )

    def unreported(self, year: int) -> "ActionQuerySet":
        """Actions no guidance action of ``year`` carries out that was submitted or accepted
        (an organisation's draft is not yet reported): one query, a NOT EXISTS through the
        entries' link, which sits in a higher app and is read by its relation name."""
        reported = self.model.guidance_actions.through.objects.filter(  # type: ignore[attr-defined]
            action_id=models.OuterRef("pk"),
            guidanceaction__year=year,
            guidanceaction__review_status__in=[ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED],
        )
        return self.exclude(models.Exists(reported))

    def with_focus_area(self) -> "ActionQuerySet":
        """Join the focus area, which lists of actions from several areas show on every row."""
        return self.select_related("focus_area")

    def with_responsibles(self) -> "ActionQuerySet":
        """Load the lead and responsible organisations in two queries, whatever the row count."""
        return self.select_related("lead_organisation").prefetch_related(
            models.Prefetch(
                "responsible_organisations",
                queryset=Organisation.objects.order_by("name"),
            )
        )


@translated("title", "description")
class Action(models.Model):
    """An action (toimenpide) of the action plan, under one focus area."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")
        # The sources do not say: shown as such rather than guessed (e.g. from a date).
        UNKNOWN = "unknown", _("Not known")

    focus_area = models.ForeignKey(
        FocusArea, on_delete=models.CASCADE, related_name="actions", verbose_name=_("focus area")
    )
    goals = models.ManyToManyField(
        Goal, related_name="actions", blank=True, verbose_name=_("goals")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    responsible_organisations = models.ManyToManyField(
        Organisation,
        related_name="responsible_actions",
        blank=True,
        verbose_name=_("responsible organisations"),
    )
    lead_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_actions",
        verbose_name=_("lead organisation"),
    )
    # Whether the plan names a lead organisation, or other responsible ones, at all: the
    # sources of an imported plan often leave them out, which is not the same as "none".
    lead_unknown = models.BooleanField(
        _("lead organisation not known"),
        default=False,
        help_text=_("The plan does not say which organisation leads the action."),
    )
    responsibles_unknown = models.BooleanField(
        _("responsible organisations not known"),
        default=False,
        help_text=_("The plan does not say which organisations are responsible for the action."),
    )
    responsible_note = models.CharField(
        _("other responsible bodies"),
        max_length=300,
        blank=True,
        help_text=_("Bodies that are not member organisations, e.g. a working group."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    monitoring_note = models.TextField(_("monitoring"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    lineage = lineage_field()

    objects = RegionScopedManager.from_queryset(ActionQuerySet)("focus_area__strategy__region")

    history = HistoricalRecords(m2m_fields=["goals", "responsible_organisations"])

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["focus_area", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="action_end_after_start",
            ),
            models.UniqueConstraint(fields=["focus_area", "lineage"], name="action_unique_lineage"),
            models.CheckConstraint(
                condition=Q(lead_unknown=False) | Q(lead_organisation__isnull=True),
                name="action_unknown_lead_is_unnamed",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:action_detail",
            kwargs={"region": self.focus_area.strategy.region.slug, "pk": self.pk},
        )

    @property
    def owning_region_id(self) -> int:
        """The region whose coordinator may edit this; the permission layer asks it."""
        return self.focus_area.strategy.region_id

    @property
    def responsible_bodies(self) -> list[Organisation]:
        """The lead organisation first, then the other responsible organisations, each once.

        The lead is often among the responsible organisations too; the pages listing an
        action's bodies (``includes/responsible_bodies.html``) name it once, as the lead.
        Reads the prefetched ``responsible_organisations`` where a page prefetched them.
        """
        lead = self.lead_organisation
        others = [
            o for o in self.responsible_organisations.all() if o.pk != self.lead_organisation_id
        ]
        return [lead, *others] if lead is not None else others

    @property
    def responsibility_unknowns(self) -> list[str]:
        """What the plan leaves unknown of who does the action, as the pages say it after
        the bodies it does name: "Not known" alone when it names none of them."""
        if self.lead_unknown and self.responsibles_unknown:
            return [str(_("Not known"))]
        if self.lead_unknown:
            return [str(_("lead organisation: not known"))]
        if self.responsibles_unknown:
            return [str(_("responsible organisations: not known"))]
        return []

    @property
    def names_responsibility(self) -> bool:
        """Whether the pages have anything to say of who does the action, known or not."""
        return bool(
            self.responsible_bodies
            or self.responsible_note
            or self.lead_unknown
            or self.responsibles_unknown
        )


class FundingSource(models.TextChoices):
    """Where a project's money comes from; "unknown" where the sources do not say."""

    ESR = "esr", _("ESR (European Social Fund)")
    EAKR = "eakr", _("EAKR (European Regional Development Fund)")
    REACT_EU = "react_eu", _("REACT-EU")
    RRF = "rrf", _("RRF (Recovery and Resilience Facility)")
    NATIONAL = "national", _("National funding")
    OTHER = "other", _("Other")
    UNKNOWN = "unknown", _("Not known")


class ProjectQuerySet(models.QuerySet["Project"]):
    def for_region(self, region: Region) -> "ProjectQuerySet":
        return self.filter(region=region)

    def for_list(self) -> "ProjectQuerySet":
        """The register's rows: funding lines and organisations in one query each."""
        return self.prefetch_related(
            Prefetch("funding_lines", queryset=FundingLine.objects.order_by("start_year", "pk")),
            Prefetch("organisations", queryset=Organisation.objects.only("name", "slug")),
        )


@translated("name", "description")
class Project(models.Model):
    """A funded development project (hanke) that carries out actions of the plan.

    Its money is told by its funding lines (``FundingLine``): a project may have several
    sources, and an amount or a period the sources do not give stays unknown.
    """

    FundingSource = FundingSource

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="projects", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    name_sv, name_en = translations(name)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    organisations = models.ManyToManyField(
        Organisation, related_name="projects", blank=True, verbose_name=_("organisations")
    )
    actions = models.ManyToManyField(
        Action, related_name="projects", blank=True, verbose_name=_("actions")
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = RegionScopedManager.from_queryset(ProjectQuerySet)("region")

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="project_unique_name"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "strategy:project_detail", kwargs={"region": self.region.slug, "pk": self.pk}
        )


class FundingLine(models.Model):
    """One source of a project's money, with the amount and period where they are known.

    An amount left empty is unknown (not zero); so is a period without years.
    """

    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, related_name="funding_lines", verbose_name=_("project")
    )
    source = models.CharField(_("funding source"), max_length=10, choices=FundingSource.choices)
    amount = models.DecimalField(
        _("amount (euros)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty when the amount is not known."),
    )
    start_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    objects = RegionScopedManager["FundingLine"]("project__region")

    class Meta:
        verbose_name = _("funding line")
        verbose_name_plural = _("funding lines")
        ordering = ["project", "start_year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="funding_line_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(end_year__isnull=True)
                | Q(start_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="funding_line_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project}: {self.get_source_display()}"


@translated("description", "network_history", "meeting_rhythm", "term")
class RegionProfile(models.Model):
    """What a region's network is beyond its plan: its story, its cooperation group and
    how often it meets. Shown on the region's page, also before a strategy is published.

    Blank fields are shown as not known: the profile says only what someone wrote down.
    """

    region = models.OneToOneField(
        Region, on_delete=models.CASCADE, related_name="profile", verbose_name=_("region")
    )
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    network_history = models.TextField(_("history"), blank=True)
    network_history_sv, network_history_en = translations(network_history)
    group_name = models.CharField(_("cooperation group"), max_length=200, blank=True)
    chair = models.CharField(_("chair"), max_length=200, blank=True)
    secretariat = models.CharField(_("secretariat"), max_length=200, blank=True)
    member_organisations = models.ManyToManyField(
        Organisation,
        related_name="cooperation_groups",
        blank=True,
        verbose_name=_("member organisations"),
    )
    other_members = models.TextField(
        _("other members"),
        blank=True,
        help_text=_("Members that are not organisations of the network, one a line."),
    )
    term = models.CharField(_("term"), max_length=100, blank=True)
    term_sv, term_en = translations(term)
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=200, blank=True)
    meeting_rhythm_sv, meeting_rhythm_en = translations(meeting_rhythm)
    website = models.URLField(_("website"), blank=True)

    objects = RegionScopedManager["RegionProfile"]("region")

    class Meta:
        verbose_name = _("region profile")
        verbose_name_plural = _("region profiles")

    def __str__(self) -> str:
        return str(self.region)

    def other_member_list(self) -> list[str]:
        return [line.strip() for line in self.other_members.splitlines() if line.strip()]
