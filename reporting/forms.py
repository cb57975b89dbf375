"""Forms of the annual report: the answers on one page, the return comment, the due date."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from lib.bounds import BoundedFormMixin
from lib.forms import DATE_INPUT_FORMATS, DateInput
from reporting.models import Answer, ReportingYear, SubTheme, Theme
from reporting.services import AnswerInput, ReportInput

ACTIVITIES_MAX = 5000
EXAMPLES_MAX = 5000
SUMMARY_MAX = 5000


class ReportForm(BoundedFormMixin, forms.Form):
    """Every sub-theme's level, activities and examples, and the report's summary.

    The fields are built from the framework (``themes`` with sub-themes and levels
    prefetched), named by the sub-theme's id: ``level_<id>``, ``activities_<id>``,
    ``examples_<id>``. ``sections()`` groups the bound fields by theme for the template.
    A draft may leave levels open; submitting asks for all of them.
    """

    # The report as it was read (``services.report_version``): a later save refuses it.
    read_version = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)
    summary = forms.CharField(
        label=_("Summary of the year"),
        required=False,
        max_length=SUMMARY_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args: Any, themes: list[Theme], answers: dict[int, Answer], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.themes = themes
        self.sub_themes: list[SubTheme] = []
        for theme in themes:
            for sub_theme in theme.sub_themes.all():
                self.sub_themes.append(sub_theme)
                answer = answers.get(sub_theme.pk)
                number = f"{theme.number}.{sub_theme.number}"
                self.fields[f"level_{sub_theme.pk}"] = forms.TypedChoiceField(
                    label=f"{number} {sub_theme.title}",
                    choices=[
                        (level.value, f"{level.value} – {level.title}")  # noqa: RUF001
                        for level in sub_theme.levels.all()
                    ],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                    initial=answer.level if answer else None,
                )
                self.fields[f"activities_{sub_theme.pk}"] = forms.CharField(
                    label=_("What was done"),
                    help_text=_("One activity a line."),
                    required=False,
                    max_length=ACTIVITIES_MAX,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    initial=answer.activities if answer else "",
                )
                self.fields[f"examples_{sub_theme.pk}"] = forms.CharField(
                    label=_("Examples"),
                    required=False,
                    max_length=EXAMPLES_MAX,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=answer.examples if answer else "",
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for sub_theme in self.sub_themes:
            level_field = f"level_{sub_theme.pk}"
            if level_field in self.errors:
                continue
            if cleaned.get(f"activities_{sub_theme.pk}", "").strip() and not cleaned.get(
                level_field
            ):
                self.add_error(level_field, _("Choose the level the activities below reach."))
        return cleaned

    def sections(self) -> list[dict[str, Any]]:
        """Per theme: its number, title and per sub-theme the three bound fields."""
        sections = []
        for theme in self.themes:
            sections.append(
                {
                    "theme": theme,
                    "sub_themes": [
                        {
                            "sub_theme": sub_theme,
                            "number": f"{theme.number}.{sub_theme.number}",
                            "level": self[f"level_{sub_theme.pk}"],
                            "activities": self[f"activities_{sub_theme.pk}"],
                            "examples": self[f"examples_{sub_theme.pk}"],
                        }
                        for sub_theme in theme.sub_themes.all()
                    ],
                }
            )
        return sections

    def report_input(self) -> ReportInput:
        data = self.cleaned_data
        return ReportInput(
            summary=data["summary"].strip(),
            answers={
                sub_theme.pk: AnswerInput(
                    level=data[f"level_{sub_theme.pk}"],
                    activities="\n".join(
                        line.strip()
                        for line in data[f"activities_{sub_theme.pk}"].splitlines()
                        if line.strip()
                    ),
                    examples=data[f"examples_{sub_theme.pk}"].strip(),
                )
                for sub_theme in self.sub_themes
            },
        )


class ReturnForm(BoundedFormMixin, forms.Form):
    comment = forms.CharField(
        label=_("What should be changed"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Say what should be changed.")},
    )
    # The version the page showed: a newer one submitted meanwhile is not returned unread.
    shown_version = forms.IntegerField(
        required=False, min_value=1, max_value=32767, widget=forms.HiddenInput
    )


class CompareVersionsForm(BoundedFormMixin, forms.Form):
    """Which two versions of a report to compare: the older and the newer, by number."""

    old = forms.TypedChoiceField(label=_("Compare version"), coerce=int)
    new = forms.TypedChoiceField(label=_("with version"), coerce=int)

    def __init__(self, *args: Any, numbers: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(number, str(number)) for number in numbers]
        for name in ("old", "new"):
            field = self.fields[name]
            assert isinstance(field, forms.TypedChoiceField)  # noqa: S101 (narrows the type)
            field.choices = choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("old") is not None and cleaned.get("old") == cleaned.get("new"):
            raise forms.ValidationError(_("Choose two different versions."))
        return cleaned


class ReportingYearForm(BoundedFormMixin, forms.ModelForm):
    class Meta:
        model = ReportingYear
        fields = ["due_date", "instructions"]
        widgets = {
            "due_date": DateInput(),
            "instructions": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "due_date": _("The last day for the regions to submit their reports."),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # The browser's date picker sends ISO dates; a typed Finnish date is accepted too.
        due_date = self.fields["due_date"]
        assert isinstance(due_date, forms.DateField)  # noqa: S101 (narrows the type)
        due_date.input_formats = DATE_INPUT_FORMATS
