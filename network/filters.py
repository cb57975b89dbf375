"""The organisation directory's filters: a text search, province, kind and sector."""

from collections.abc import Iterator
from typing import Any

import django_filters
from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from network.models import Organisation, OrganisationQuerySet, Province, Region


class _CachedChoiceIterator(ModelChoiceIterator):
    """Choices from the queryset's own results: one plain query, cached on the queryset.

    Django's iterator calls ``queryset.iterator()``, which on PostgreSQL opens a
    server-side cursor (DECLARE, FETCH, CLOSE) for a handful of provinces.
    """

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)

    def __len__(self) -> int:
        return len(self.queryset) + (self.field.empty_label is not None)


class ListedChoiceIterator(django_filters.fields.ModelChoiceIterator, _CachedChoiceIterator):
    """django-filter's iterator (its null choice) over ``_CachedChoiceIterator``."""


class ListedModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = ListedChoiceIterator


class ListedModelChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = ListedModelChoiceField


class OrganisationFilter(django_filters.FilterSet):
    """Filter a region's organisations; the province choices are that region's provinces."""

    q = django_filters.CharFilter(
        method="search",
        label=_("Search by name or description"),
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    province = ListedModelChoiceFilter(
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
        # By name only: the default order joins the region, the same for every row here.
        self.filters["province"].queryset = region.provinces.order_by("name")

    def search(self, queryset: OrganisationQuerySet, name: str, value: str) -> OrganisationQuerySet:
        """Organisations matching the words (see ``OrganisationQuerySet.matching``)."""
        return queryset.matching(value)
