"""The region's member organisations as a file: import and export (``coordination.transfer``)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from import_export import fields

from coordination.transfer_base import (
    BooleanWidget,
    ChoiceWidget,
    NameListWidget,
    RegionResource,
    TextWidget,
    column,
    unique_slug,
)
from network.models import Organisation, OrganisationQuerySet, Province

# Column headers are names of the file format, not user-interface text: they stay Finnish
# whatever the interface language, so a file exported in Swedish re-imports in Finnish.
NAME = "Nimi"
ABBREVIATION = "Lyhenne"
KIND = "Tyyppi"
SECTOR = "Sektori"
PROVINCES = "Maakunnat"
WEBSITE = "Verkkosivu"
ACTIVE = "Aktiivinen"


class OrganisationResource(RegionResource):
    """Member organisations of one region, matched on their name within the region."""

    keep_when_empty = ("kind", "sector", "active")

    class Meta(RegionResource.Meta):
        model = Organisation
        import_id_fields = ("name",)

    def build_fields(self) -> dict[str, fields.Field]:
        def unknown_province(name: str) -> str:
            return _("Unknown province '%(name)s' in %(region)s.") % {
                "name": name,
                "region": self.region.name,
            }

        return {
            "name": column("name", NAME, TextWidget()),
            "abbreviation": column("abbreviation", ABBREVIATION, TextWidget()),
            "kind": column("kind", KIND, ChoiceWidget(Organisation.Kind)),
            "sector": column("sector", SECTOR, ChoiceWidget(Organisation.Sector)),
            "provinces": column(
                "provinces",
                PROVINCES,
                NameListWidget(
                    lambda: Province.objects.filter(region=self.region), "name", unknown_province
                ),
            ),
            "website": column("website", WEBSITE, TextWidget()),
            "active": column("active", ACTIVE, BooleanWidget()),
        }

    def get_queryset(self) -> OrganisationQuerySet:
        return Organisation.objects.for_region(self.region)

    def init_instance(self, row: Any = None) -> Organisation:
        return Organisation(region=self.region)

    def check_row(self, instance: Organisation, errors: dict[str, Any]) -> None:
        if instance.name and not instance.slug:
            instance.slug = unique_slug(self.get_queryset(), instance.name, instance.pk)

    def export_queryset(self) -> QuerySet[Organisation]:
        """One query for the organisations and one for all their provinces."""
        return self.get_queryset().with_provinces().order_by("name")
