"""The organisation directory's filters: province, kind and sector."""

from typing import Any

import django_filters
from django.utils.translation import gettext_lazy as _

from network.models import Organisation, Province, Region


class OrganisationFilter(django_filters.FilterSet):
    """Filter a region's organisations; the province choices are that region's provinces."""

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
        fields = ["province", "kind", "sector"]

    def __init__(self, *args: Any, region: Region, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["province"].queryset = region.provinces.all()
