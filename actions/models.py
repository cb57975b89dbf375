"""What member organisations log: guidance actions, progress updates, good practices, lookups."""

from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from lib.scoping import RegionScopedManager
from lib.search import text_search
from lib.translation import translated, translations
from network.models import Organisation, Region
from portal.review import Reviewable, ReviewableQuerySet, ReviewStatus
from strategy.models import Action, FocusArea, Goal


class GoodPracticeQuerySet(models.QuerySet["GoodPractice"]):
    def for_region(self, region: Region) -> "GoodPracticeQuerySet":
        return self.filter(region=region)

    def published(self) -> "GoodPracticeQuerySet":
        """Published practices by number; one published without a number comes last."""
        return self.filter(is_published=True).order_by(
            F("number").asc(nulls_last=True), "title", "pk"
        )

    def waiting(self) -> "GoodPracticeQuerySet":
        """Proposals waiting for the coordinator's decision (neither returned nor declined)."""
        return self.filter(is_published=False, decision="")

    def proposed(self) -> "GoodPracticeQuerySet":
        """Practices waiting for the coordinator to publish them, oldest first."""
        return (
            self.waiting()
            .select_related("proposed_by")
            .prefetch_related(
                models.Prefetch("focus_areas", queryset=FocusArea.objects.order_by("number"))
            )
            .order_by("pk")
        )

    def with_links(self) -> "GoodPracticeQuerySet":
        """Prefetch organisations and current focus areas: two queries, whatever the row count.

        Focus areas of earlier strategy versions are left out: the public pages link
        only to the current strategy's focus areas.
        """
        return self.prefetch_related(
            models.Prefetch("organisations", queryset=Organisation.objects.order_by("name")),
            models.Prefetch("focus_areas", queryset=FocusArea.objects.current().order_by("number")),
        )


@translated("title", "description")
class GoodPractice(models.Model):
    """A good practice (hyvä käytäntö) worth sharing regionally and at ELOLIV.

    An organisation proposes one (unpublished, no number, no ``decision``); the coordinator
    publishes it with the region's next number, returns it with a comment for the
    proposer to change and send again, or declines it. The proposer's organisation reads
    the decision and the comment on the proposal page.
    """

    class Decision(models.TextChoices):
        RETURNED = "returned", _("Returned for changes")
        DECLINED = "declined", _("Declined")

    #: What the coordinator's decision on a proposal depends on (``review_version``).
    REVIEW_SHOWN_FIELDS = ("title", "description", "is_published", "decision", "proposed_by")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="good_practices", verbose_name=_("region")
    )
    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("Given when the practice is published.")
    )
    title = models.CharField(_("title"), max_length=300)
    title_sv, title_en = translations(title)
    description = models.TextField(_("description"), blank=True)
    description_sv, description_en = translations(description)
    organisations = models.ManyToManyField(
        Organisation, related_name="good_practices", blank=True, verbose_name=_("organisations")
    )
    focus_areas = models.ManyToManyField(
        FocusArea, related_name="good_practices", blank=True, verbose_name=_("focus areas")
    )
    actions = models.ManyToManyField(
        Action, related_name="good_practices", blank=True, verbose_name=_("actions")
    )
    is_published = models.BooleanField(_("published"), default=True)
    proposed_by = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_good_practices",
        verbose_name=_("proposed by"),
    )
    decision = models.CharField(
        _("reviewer's decision"),
        max_length=10,
        choices=Decision.choices,
        blank=True,
        help_text=_("Empty while the proposal waits for review, and once it is published."),
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)

    objects = RegionScopedManager.from_queryset(GoodPracticeQuerySet)("region")

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["region", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["region", "number"], name="good_practice_unique_number"
            ),
            # Returning and declining are decisions on a proposal, never on a published one.
            models.CheckConstraint(
                condition=Q(decision="") | Q(is_published=False),
                name="good_practice_decision_unpublished",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("actions:good_practice_list", kwargs={"region": self.region.slug}) + (
            f"#kaytanto-{self.number}"
        )

    @property
    def organisation_id(self) -> int | None:
        """The proposing organisation, whose editors may change a returned proposal (asked
        by the rules)."""
        return self.proposed_by_id

    @property
    def is_returned(self) -> bool:
        return not self.is_published and self.decision == self.Decision.RETURNED


class LookupEntry(models.Model):
    """A short named choice kept in the database, so the network can add more."""

    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_sv, name_en = translations(name)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


@translated("name")
class TargetGroup(LookupEntry):
    """A group of people guidance serves: young people, the unemployed, immigrants, ..."""

    class Meta(LookupEntry.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


@translated("name")
class GuidanceChannel(LookupEntry):
    """How guidance reaches people: face to face, online, by phone, in a group."""

    class Meta(LookupEntry.Meta):
        verbose_name = _("guidance channel")
        verbose_name_plural = _("guidance channels")


class GuidanceActionQuerySet(ReviewableQuerySet):
    def for_region(self, region: Region) -> "GuidanceActionQuerySet":
        return self.filter(organisation__region=region)

    def matching(self, text: str) -> "GuidanceActionQuerySet":
        """Entries whose title, description or outcomes match ``text``.

        On PostgreSQL this is full-text search with the ``finnish`` configuration, so
        inflected forms match their base form ("ohjaamo" finds "Ohjaamoissa"); the search
        vector is an alias, not a selected column. On SQLite (development) it falls back
        to a case-insensitive substring match on the same three fields.
        """
        return text_search(self, text, ("title", "description", "outcomes"))

    def with_listing(self) -> "GuidanceActionQuerySet":
        """What a list row shows: the organisation joined, current focus areas prefetched.

        Two queries for the page, whatever the number of rows.
        """
        return self.select_related("organisation").prefetch_related(
            models.Prefetch("focus_areas", queryset=FocusArea.objects.current().order_by("number"))
        )

    def with_details(self) -> "GuidanceActionQuerySet":
        """Everything the entry's page shows: the organisation and region joined, then
        one query per relation (focus areas, goals, target groups, channels, partners and
        the progress updates in date order)."""
        return self.select_related("organisation__region").prefetch_related(
            models.Prefetch("focus_areas", queryset=FocusArea.objects.order_by("number")),
            models.Prefetch(
                "goals", queryset=Goal.objects.order_by("focus_area__number", "position")
            ),
            models.Prefetch(
                "plan_actions",
                queryset=Action.objects.select_related("focus_area").order_by(
                    "focus_area__number", "position", "id"
                ),
            ),
            "target_groups",
            "channels",
            models.Prefetch("partners", queryset=Organisation.objects.order_by("name")),
            models.Prefetch(
                "progress_updates", queryset=ProgressUpdate.objects.order_by("date", "id")
            ),
        )

    def with_latest_progress(self) -> "GuidanceActionQuerySet":
        """The organisation joined and the accepted progress updates prefetched newest
        first into ``accepted_updates`` (``latest_update`` reads the first): two queries,
        whatever the row count. A plan action's page lists its entries so."""
        return self.select_related("organisation").prefetch_related(
            models.Prefetch(
                "progress_updates",
                queryset=ProgressUpdate.objects.published().order_by("-date", "-id"),
                to_attr="accepted_updates",
            )
        )


#: What an organisation's own entry can be: it knows its own work, so never "not known".
GUIDANCE_STATUSES = [
    (value, label) for value, label in Action.Status.choices if value != Action.Status.UNKNOWN
]


class GuidanceAction(Reviewable):
    """A concrete guidance action a member organisation logs for a year.

    Seed 002 calls these "Konkreettiset ohjaustoimenpiteet 2019-2020-2021": the record
    the member organisations keep of what they did for the network's goals.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="guidance_actions",
        verbose_name=_("organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    focus_areas = models.ManyToManyField(
        FocusArea, related_name="guidance_actions", blank=True, verbose_name=_("focus areas")
    )
    goals = models.ManyToManyField(
        Goal, related_name="guidance_actions", blank=True, verbose_name=_("goals")
    )
    # The plan's actions the entry carries out, of the focus areas it names; a new
    # version's publishing moves them to their counterparts (``strategy.revisions``).
    plan_actions = models.ManyToManyField(
        Action,
        related_name="guidance_actions",
        blank=True,
        verbose_name=_("actions of the plan"),
    )
    target_groups = models.ManyToManyField(
        TargetGroup, related_name="guidance_actions", blank=True, verbose_name=_("target groups")
    )
    channels = models.ManyToManyField(
        GuidanceChannel, related_name="guidance_actions", blank=True, verbose_name=_("channels")
    )
    partners = models.ManyToManyField(
        Organisation,
        related_name="partner_guidance_actions",
        blank=True,
        verbose_name=_("partner organisations"),
    )
    other_partners = models.CharField(_("other partners"), max_length=300, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=GUIDANCE_STATUSES, default=Action.Status.ONGOING
    )
    outcomes = models.TextField(_("outcomes"), blank=True)
    links = models.TextField(_("links"), blank=True, help_text=_("One address a line."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegionScopedManager.from_queryset(GuidanceActionQuerySet)("organisation__region")

    # Who changed or deleted an entry, and what it said before: the admin's history reads it.
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("guidance action")
        verbose_name_plural = _("guidance actions")
        ordering = ["-year", "title"]
        indexes = [
            models.Index(fields=["organisation", "year"], name="guidance_org_year"),
            # The review queue and the dashboard's count: the few submitted entries of a
            # region's organisations, oldest first, without reading the accepted history.
            models.Index(
                fields=["organisation", "submitted_at"],
                condition=Q(review_status=ReviewStatus.SUBMITTED),
                name="guidance_awaiting_review",
            ),
        ]
        constraints = [
            # The natural key an import matches rows on.
            models.UniqueConstraint(
                fields=["organisation", "year", "title"], name="guidance_action_unique_title"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=2000) & Q(year__lte=2100), name="guidance_action_sane_year"
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="guidance_action_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    def get_absolute_url(self) -> str:
        return reverse(
            "guidance:detail", kwargs={"region": self.organisation.region.slug, "pk": self.pk}
        )

    @property
    def latest_update(self) -> "ProgressUpdate | None":
        """The newest accepted progress update, from ``with_latest_progress``'s prefetch."""
        updates = getattr(self, "accepted_updates", None)
        return updates[0] if updates else None

    def on_accepted(self, reviewer: Any, when: Any) -> None:
        """Accepting the entry accepts the progress updates written before it was first
        accepted (drafts, as the entry was): they were reviewed with it. Called by
        ``portal.review_services.accept`` inside its transaction."""
        self.progress_updates.filter(review_status=ReviewStatus.DRAFT).update(
            review_status=ReviewStatus.ACCEPTED, reviewed_at=when, reviewed_by=reviewer
        )

    @property
    def owning_region_id(self) -> int:
        return self.organisation.region_id

    @property
    def closing_period(self) -> tuple[int, int]:
        """(region id, year): the year whose closing locks the entry (``portal.closed_years``),
        by its year field, as the reporting counts a year's entries."""
        return self.organisation.region_id, self.year


class ProgressUpdateQuerySet(ReviewableQuerySet):
    def for_region(self, region: Region) -> "ProgressUpdateQuerySet":
        return self.filter(action__organisation__region=region)


class ProgressUpdate(Reviewable):
    """A dated note on a guidance action, so the action tells its story across the years.

    Reviewed on its own once its entry is public: an organisation's update to an accepted
    entry waits for the coordinator (``submitted``) while the entry stays public, and is
    shown once accepted. An update written while the entry is a draft is a draft too and
    is accepted with the entry (``GuidanceAction.on_accepted``).
    """

    action = models.ForeignKey(
        GuidanceAction,
        on_delete=models.CASCADE,
        related_name="progress_updates",
        verbose_name=_("guidance action"),
    )
    date = models.DateField(_("date"))
    note = models.TextField(_("note"))
    figure = models.DecimalField(
        _("figure"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    figure_label = models.CharField(
        _("what the figure counts"),
        max_length=100,
        blank=True,
        help_text=_('For example "participants".'),
    )
    attachment = models.FileField(_("attachment"), upload_to="progress/%Y/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RegionScopedManager.from_queryset(ProgressUpdateQuerySet)(
        "action__organisation__region"
    )

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["action", "date", "id"]
        indexes = [
            # The review queue: the few submitted updates, without reading the accepted ones.
            models.Index(
                fields=["action", "submitted_at"],
                condition=Q(review_status=ReviewStatus.SUBMITTED),
                name="progress_awaiting_review",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.date}"

    def get_absolute_url(self) -> str:
        """The update on its entry's page."""
        return f"{self.action.get_absolute_url()}#paivitys-{self.pk}"

    @property
    def owning_region_id(self) -> int:
        return self.action.organisation.region_id

    @property
    def closing_entry(self) -> GuidanceAction:
        """A progress update is locked and reopened with its guidance action."""
        return self.action

    @property
    def organisation_id(self) -> int:
        """The organisation whose editors may change this update (asked by the rules)."""
        return self.action.organisation_id

    @property
    def attachment_filename(self) -> str:
        """The attachment's file name without its folders, as the download offers it."""
        return PurePath(self.attachment.name).name if self.attachment else ""
