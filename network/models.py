"""The ELO network: regions (ELY areas), their provinces, member organisations and people."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lib.scoping import RegionScopedManager
from lib.search import text_search
from lib.translation import (
    LocalizedText,
    localized,
    translated,
    translations,
)


class RegionQuerySet(models.QuerySet["Region"]):
    def with_content_versions(self) -> "RegionQuerySet":
        """Each region with its content version and the national one (``ContentVersion``),
        read in the region's own query: a page's cached fragments need no query of their
        own to name them."""
        versions = ContentVersion.objects.values("version")
        return self.annotate(
            content_version=models.Subquery(
                versions.filter(region_id=models.OuterRef("pk"))[:1],
                output_field=models.BigIntegerField(),
            ),
            national_content_version=models.Subquery(
                versions.filter(region_id=ContentVersion.NATIONAL)[:1],
                output_field=models.BigIntegerField(),
            ),
        )


@translated("name", "ely_centre", "network_name")
class Region(models.Model):
    """One of the 15 ELY centres' areas, each with its own ELO network."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_sv, name_en = translations(name)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    ely_centre = models.CharField(_("ELY centre"), max_length=200, blank=True)
    ely_centre_sv, ely_centre_en = translations(ely_centre)
    network_name = models.CharField(_("network name"), max_length=200, blank=True)
    network_name_sv, network_name_en = translations(network_name)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("strategy:region_home", kwargs={"region": self.slug})

    @property
    def network_label(self) -> LocalizedText:
        """The network's name as pages head it, in the active language (its Finnish name,
        marked so, where no translation is written), else the region's name."""
        if self.network_name:
            return localized(self, "network_name")
        return localized(self, "name")


class ContentVersion(models.Model):
    """The version of a region's content (or, under ``NATIONAL``, of the national content),
    replaced in the same transaction as every write of it (``portal.page_cache.bump``).

    Cached page fragments are keyed by it, so a page is fresh as soon as the write commits,
    whatever happened to Redis. A random number rather than a counter: a rolled-back
    transaction would hand its number out again, and a fragment cached under it inside that
    transaction would be served after the next commit. The region is a plain number, not a
    foreign key: the writes of a region's delete bump it too, and must not recreate it.
    """

    #: The row of the national content: no region has the id 0.
    NATIONAL = 0

    region_id = models.BigIntegerField(unique=True)
    version = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.region_id or 'national'}: {self.version}"


class Province(models.Model):
    """A province (maakunta) within a region, e.g. Etelä-Karjala in Kaakkois-Suomi."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="provinces", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    objects = RegionScopedManager["Province"]("region")

    class Meta:
        verbose_name = _("province")
        verbose_name_plural = _("provinces")
        ordering = ["region", "name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="province_unique_slug"),
            models.UniqueConstraint(fields=["region", "name"], name="province_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name


def province_prefetch() -> models.Prefetch:
    """An organisation's provinces in name order, for one organisation or a page of them."""
    return models.Prefetch("provinces", queryset=Province.objects.order_by("name"))


class OrganisationQuerySet(models.QuerySet["Organisation"]):
    def for_region(self, region: Region) -> "OrganisationQuerySet":
        return self.filter(region=region)

    def active(self) -> "OrganisationQuerySet":
        return self.filter(active=True)

    def matching(self, text: str) -> "OrganisationQuerySet":
        """Organisations whose name, abbreviation or description match ``text``.

        On PostgreSQL: full-text search with the ``finnish`` configuration (inflected forms
        match), the vector an alias rather than a selected column, or a substring of the
        name or abbreviation, so a partial name ("ohjaa") still finds. On SQLite
        (development): a case-insensitive substring of any of the three.
        """
        return text_search(
            self,
            text,
            ("name", "abbreviation", "description"),
            partial_fields=("name", "abbreviation"),
        )

    def with_provinces(self) -> "OrganisationQuerySet":
        """Prefetch provinces: the directory shows them on every row in one extra query.

        Ordered by name only: the model's default order joins the region for its position,
        which a single organisation's provinces never need.
        """
        return self.prefetch_related(province_prefetch())


class Organisation(models.Model):
    """A member organisation of a region's ELO network."""

    class Kind(models.TextChoices):
        STATE_AGENCY = "state_agency", _("State agency")
        REGIONAL_COUNCIL = "regional_council", _("Regional council")
        OHJAAMO = "ohjaamo", _("Ohjaamo")
        VOCATIONAL_SCHOOL = "vocational_school", _("Vocational school")
        UNIVERSITY = "university", _("University")
        UNIVERSITY_OF_APPLIED_SCIENCES = "uas", _("University of applied sciences")
        FOLK_HIGH_SCHOOL = "folk_high_school", _("Folk high school")
        MUNICIPAL_EDUCATION = "municipal_education", _("Municipal education services")
        MUNICIPALITY = "municipality", _("Municipality")
        DEVELOPMENT_COMPANY = "development_company", _("Development company")
        FOUNDATION = "foundation", _("Foundation")
        ASSOCIATION = "association", _("Association")
        UNION = "union", _("Trade union")
        COMPANY = "company", _("Company")
        OTHER = "other", _("Other")

    class Sector(models.TextChoices):
        PUBLIC = "public", _("Public sector")
        PRIVATE = "private", _("Private sector")
        THIRD = "third", _("Third sector")

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="organisations", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=40, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices, default=Kind.OTHER)
    sector = models.CharField(_("sector"), max_length=10, choices=Sector.choices)
    provinces = models.ManyToManyField(
        Province, related_name="organisations", blank=True, verbose_name=_("provinces")
    )
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    active = models.BooleanField(_("active"), default=True)

    objects = RegionScopedManager.from_queryset(OrganisationQuerySet)("region")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "slug"], name="organisation_unique_slug"),
            models.UniqueConstraint(fields=["region", "name"], name="organisation_unique_name"),
            models.CheckConstraint(
                condition=Q(sector__in=["public", "private", "third"]),
                name="organisation_valid_sector",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse(
            "network:organisation_detail",
            kwargs={"region": self.region.slug, "slug": self.slug},
        )

    # Django's generated get_FOO_display rebuilds a dict of every choice, translating each
    # label, on every call: hundreds of gettext calls for one page of the directory.
    # These look the value up in a dict built once and translate only the one label.
    def get_kind_display(self) -> str:  # type: ignore[no-redef]
        return str(_KIND_LABELS.get(self.kind, self.kind))

    def get_sector_display(self) -> str:  # type: ignore[no-redef]
        return str(_SECTOR_LABELS.get(self.sector, self.sector))


#: Value → lazy label, for ``Organisation.get_kind_display`` and ``get_sector_display``.
_KIND_LABELS = dict(Organisation.Kind.choices)
_SECTOR_LABELS = dict(Organisation.Sector.choices)


class Membership(models.Model):
    """A person's place in an organisation, with the role it gives them there."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.VIEWER)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RegionScopedManager["Membership"]("organisation__region")

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_unique_user_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user}, {self.organisation}"


class Coordinator(models.Model):
    """A person who coordinates a region's network and owns its action plan.

    In the seeds this is the ELY centre's kehittämispäällikkö. A region may have
    several coordinators, and one person may coordinate several regions.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinatorships",
        verbose_name=_("user"),
    )
    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="coordinators", verbose_name=_("region")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RegionScopedManager["Coordinator"]("region")

    class Meta:
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="coordinator_unique_region"),
        ]

    def __str__(self) -> str:
        return f"{self.user}, {self.region}"


class ClosedYear(models.Model):
    """A year of a region whose annual report was accepted: the guidance actions, events and
    indicator values the region logged for it are locked (``portal.closed_years``).

    Written by the acceptance of the report, in its transaction; a row is never changed.
    """

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="closed_years", verbose_name=_("region")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    closed_at = models.DateTimeField(_("closed"), default=timezone.now)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed by"),
    )

    objects = RegionScopedManager["ClosedYear"]("region")

    class Meta:
        verbose_name = _("closed year")
        verbose_name_plural = _("closed years")
        ordering = ["region", "year"]
        constraints = [
            models.UniqueConstraint(fields=["region", "year"], name="closed_year_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.region}, {self.year}"


class EntryReopening(models.Model):
    """The coordinator's reopening of one entry of a closed year, with the reason written.

    While ``closed_at`` is empty the entry may be changed again; the coordinator closes it
    again when the change is done. An entry has at most one open reopening.
    """

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region")
    )
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.PositiveBigIntegerField()
    year = models.PositiveSmallIntegerField(_("year"))
    reason = models.TextField(_("reason"), max_length=2000)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reopened by"),
    )
    reopened_at = models.DateTimeField(_("reopened"), default=timezone.now)
    closed_at = models.DateTimeField(_("closed again"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("closed again by"),
    )

    objects = RegionScopedManager["EntryReopening"]("region")

    class Meta:
        verbose_name = _("reopened entry")
        verbose_name_plural = _("reopened entries")
        ordering = ["-reopened_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"],
                condition=Q(closed_at__isnull=True),
                name="entry_reopening_one_open",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}:{self.object_id} ({self.year})"
