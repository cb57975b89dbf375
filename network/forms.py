"""The organisation profile form, filled by the organisation's editor or the coordinator."""

from typing import Any, cast

from django import forms
from django.utils.text import capfirst

from lib.bounds import BoundedFormMixin
from lib.concurrency import VersionedFormMixin
from lib.forms import CheckboxColumns
from network.models import Organisation


class OrganisationProfileForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """Profile fields; provinces are limited to the organisation's own region."""

    website = forms.URLField(
        label=capfirst(Organisation._meta.get_field("website").verbose_name),
        required=False,
        assume_scheme="https",
    )

    class Meta:
        model = Organisation
        fields = ["abbreviation", "description", "website", "kind", "sector", "provinces"]
        widgets = {"provinces": CheckboxColumns}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = cast(forms.ModelMultipleChoiceField, self.fields["provinces"])
        provinces.queryset = self.instance.region.provinces.all()
