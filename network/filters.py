"""The organisation directory's filters: a text search, province, kind and sector."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from network.models import Organisation, OrganisationQuerySet, Province, Region


class OrganisationFilter(django_filters.FilterSet):
    """Filter a region's organisations; the province choices are that region's provinces."""

    q = django_filters.CharFilter(
        method="search",
        label=_("Search by name or description"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    province = django_filters.ModelChoiceFilter(
        field_name="provinces",
        queryset=Province.objects.none(),
        label=_("Province"),
        empty_label=_("All provinces"),
    )
    kind = django_filters.ChoiceFilter(
        choices=Organisation.Kind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    sector = django_filters.ChoiceFilter(
        choices=Organisation.Sector.choices, label=_("Sector"), empty_label=_("All sectors")
    )

    class Meta:
        model = Organisation
        fields = ["q", "province", "kind", "sector"]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["province"].queryset = region.provinces.all()

    def search(self, queryset: OrganisationQuerySet, name: str, value: str) -> OrganisationQuerySet:
        """Organisations matching the words (see ``OrganisationQuerySet.matching``)."""
        return queryset.matching(value)
