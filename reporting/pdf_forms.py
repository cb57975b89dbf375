"""The small form behind every "make a PDF" button."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from reporting.models import PdfJob


class PdfRequestForm(forms.Form):
    """What to build: the kind, the region's slug (blank for all regions), the year and,
    for a TNO summary, an optional period."""

    kind = forms.ChoiceField(label=_("kind"), choices=PdfJob.Kind.choices)
    region = forms.SlugField(label=_("region"), required=False)
    year = forms.IntegerField(label=_("year"), required=False, min_value=2000, max_value=2100)
    start = forms.DateField(label=_("start date"), required=False)
    end = forms.DateField(label=_("end date"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        needs_region = kind in (PdfJob.Kind.TNO_SUMMARY, PdfJob.Kind.ANNUAL_REPORT)
        needs_year = kind in (PdfJob.Kind.ANNUAL_REPORT, PdfJob.Kind.NATIONAL_SUMMARY)
        if needs_region and not data.get("region"):
            self.add_error("region", _("Choose a region."))
        if needs_year and not data.get("year"):
            self.add_error("year", _("Choose a year."))
        start: dt.date | None = data.get("start")
        end: dt.date | None = data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date cannot be before the start date."))
        return data
