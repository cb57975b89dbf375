"""The upload form of an import: the file is read and checked before anything else."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coordination import plan_transfer, transfer


class ImportFileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A CSV file (UTF-8, comma or semicolon separated) or an XLSX workbook, at most "
            "5 MB. The first line holds the column headers, as in an export."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        try:
            transfer.read_table(uploaded)
        except transfer.ImportFileError as error:
            raise forms.ValidationError(error.message, code="unreadable") from None
        uploaded.seek(0)
        return uploaded


class PlanFileForm(forms.Form):
    """The upload of the plan's workbook: every sheet is read, so only XLSX will do."""

    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "An XLSX workbook of at most 5 MB with the sheets and headings of the export "
            "or the template."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx"}),
    )

    def clean_file(self) -> Any:
        uploaded = self.cleaned_data["file"]
        try:
            plan_transfer.read_workbook(uploaded)
        except transfer.ImportFileError as error:
            raise forms.ValidationError(error.message, code="unreadable") from None
        uploaded.seek(0)
        return uploaded
