"""The organisation profile form, filled by the organisation's editor or the coordinator."""

from typing import Any, cast

from django import forms

from lib.bounds import BoundedFormMixin
from lib.concurrency import VersionedFormMixin
from lib.forms import CheckboxColumns, https_url_field
from network.models import Organisation


class OrganisationProfileForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """Profile fields; provinces are limited to the organisation's own region."""

    website = https_url_field(Organisation, "website")

    class Meta:
        model = Organisation
        fields = ["abbreviation", "description", "website", "kind", "sector", "provinces"]
        widgets = {"provinces": CheckboxColumns}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = cast(forms.ModelMultipleChoiceField, self.fields["provinces"])
        provinces.queryset = self.instance.region.provinces.all()
