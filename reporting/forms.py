"""Forms of the annual report: the answers on one page, the return comment, the reporting
year (due date and reminder schedule) and a region's entry deadline."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lib.bounds import BoundedFormMixin
from lib.concurrency import VERSION_FIELD, Change, VersionedFormMixin, display, typed_display
from lib.forms import DATE_INPUT_FORMATS, DateInput
from lib.translation import LANGUAGE_LABELS, localized, with_translated_widgets, with_translations
from reporting.models import Answer, EntryDeadline, ReportingYear, SubTheme, Theme
from reporting.services import AnswerInput, ReportInput

ACTIVITIES_MAX = 5000
EXAMPLES_MAX = 5000
SUMMARY_MAX = 5000


class ReportForm(BoundedFormMixin, forms.Form):
    """Every sub-theme's level, activities and examples, and the report's summary.

    The fields are built from the framework (``themes`` with sub-themes and levels
    prefetched), named by the sub-theme's id: ``level_<id>``, ``activities_<id>``,
    ``examples_<id>``, and per rung of its ladder ``rung_<id>_<level>``: the activities the
    region places on that rung whatever level it chooses (``answers`` with their
    ``rung_activities`` prefetched). ``sections()`` groups the bound fields by theme for
    the template. A draft may leave levels open; submitting asks for all of them.
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
                    label=f"{number} {localized(sub_theme, 'title').plain}",
                    choices=[
                        (level.value, f"{level.value} – {localized(level, 'title').plain}")  # noqa: RUF001
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
                own = [
                    row
                    for row in (answer.rung_activities.all() if answer else [])
                    if not row.regions_label
                ]
                for level in sub_theme.levels.all():
                    self.fields[f"rung_{sub_theme.pk}_{level.value}"] = forms.CharField(
                        label=_("Activities on level %(level)s: %(title)s")
                        % {"level": level.value, "title": localized(level, "title").plain},
                        help_text=_("One activity a line."),
                        required=False,
                        max_length=ACTIVITIES_MAX,
                        widget=forms.Textarea(attrs={"rows": 2}),
                        initial="\n".join(
                            row.text
                            for row in sorted(own, key=lambda row: (row.position, row.pk))
                            if row.level == level.value
                        ),
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
                            # Open where something is written on a rung, or refused.
                            "rungs_open": any(
                                self[f"rung_{sub_theme.pk}_{level.value}"].value()
                                or self[f"rung_{sub_theme.pk}_{level.value}"].errors
                                for level in sub_theme.levels.all()
                            ),
                            "number": f"{theme.number}.{sub_theme.number}",
                            "level": self[f"level_{sub_theme.pk}"],
                            "activities": self[f"activities_{sub_theme.pk}"],
                            "examples": self[f"examples_{sub_theme.pk}"],
                            "rungs": [
                                self[f"rung_{sub_theme.pk}_{level.value}"]
                                for level in sub_theme.levels.all()
                            ],
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
                    rung_activities={
                        level.value: lines
                        for level in sub_theme.levels.all()
                        if (lines := _lines(data[f"rung_{sub_theme.pk}_{level.value}"]))
                    },
                )
                for sub_theme in self.sub_themes
            },
        )


def _lines(text: str) -> list[str]:
    """The non-blank lines of a text box, stripped."""
    return [line.strip() for line in text.splitlines() if line.strip()]


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


#: The most reminder steps a year's schedule takes before its due date, and how early.
MAX_REMINDERS = 6
MAX_DAYS_BEFORE = 365


class DaysBeforeField(forms.CharField):
    """Days before the due date, typed as "30, 7": a list of distinct whole days, latest last."""

    def to_python(self, value: Any) -> list[int]:  # type: ignore[override]
        text = super().to_python(value) or ""
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        days = set()
        for part in parts:
            if not part.isdigit():
                raise forms.ValidationError(
                    _("Give the days as whole numbers separated by commas, for example 30, 7."),
                    code="invalid",
                )
            number = int(part)
            if not 1 <= number <= MAX_DAYS_BEFORE:
                raise forms.ValidationError(
                    _("Each reminder must be 1–%(max)s days before the due date.")  # noqa: RUF001
                    % {"max": MAX_DAYS_BEFORE},
                    code="out_of_range",
                )
            days.add(number)
        if len(days) > MAX_REMINDERS:
            raise forms.ValidationError(
                _("At most %(max)s reminders before the due date.") % {"max": MAX_REMINDERS},
                code="too_many",
            )
        return sorted(days, reverse=True)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(days) for days in value)
        return value


class ReportingYearForm(BoundedFormMixin, forms.ModelForm):
    reminder_days = DaysBeforeField(
        label=_("Reminders before the due date (days)"),
        required=False,
        max_length=60,
        help_text=_(
            "For example 30, 7: the coordinators of regions whose report is not submitted are "
            "reminded 30 and 7 days before the due date, and the organisations that have "
            "logged nothing for the year as many days before their region's entry deadline. "
            "Leave empty for no reminders."
        ),
    )

    class Meta:
        model = ReportingYear
        fields = with_translations(
            ReportingYear,
            ["due_date", "instructions", "reminder_days", "remind_weekly_when_overdue"],
        )
        widgets = with_translated_widgets(
            ReportingYear,
            {"due_date": DateInput(), "instructions": forms.Textarea(attrs={"rows": 5})},
        )
        labels = {
            "remind_weekly_when_overdue": _("Remind weekly while the report is overdue"),
        }
        help_texts = {
            "due_date": _("The last day for the regions to submit their reports."),
            "remind_weekly_when_overdue": _(
                "From the day after the due date, every week until the region submits."
            ),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        reminds = cleaned.get("reminder_days") or cleaned.get("remind_weekly_when_overdue")
        if reminds and not cleaned.get("due_date") and "due_date" not in self.errors:
            self.add_error("due_date", _("Set the due date: the reminders are counted from it."))
        return cleaned

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        # The browser's date picker sends ISO dates; a typed Finnish date is accepted too.
        due_date = self.fields["due_date"]
        assert isinstance(due_date, forms.DateField)  # noqa: S101 (narrows the type)
        due_date.input_formats = DATE_INPUT_FORMATS


class EntryDeadlineForm(VersionedFormMixin, BoundedFormMixin, forms.ModelForm):
    """The coordinator's deadline for the organisations' entries of a year; empty removes it."""

    class Meta:
        model = EntryDeadline
        fields = ["due_date"]
        widgets = {"due_date": DateInput()}
        labels = {"due_date": _("Entries due")}
        help_texts = {
            "due_date": _(
                "By this day the member organisations log the year's guidance actions and "
                "events. Those that have logged nothing are reminded before it, on the "
                "national schedule, and listed as overdue after it. Leave empty to remove."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        due_date = self.fields["due_date"]
        assert isinstance(due_date, forms.DateField)  # noqa: S101 (narrows the type)
        due_date.input_formats = DATE_INPUT_FORMATS
        due_date.required = False

    def clean_due_date(self) -> dt.date | None:
        due_date: dt.date | None = self.cleaned_data.get("due_date")
        year = self.instance.year
        if due_date is not None and not dt.date(year, 1, 1) <= due_date <= dt.date(
            year + 1, 12, 31
        ):
            raise forms.ValidationError(
                _("Choose a day in %(year)s or %(next)s.") % {"year": year, "next": year + 1},
                code="out_of_range",
            )
        return due_date


class ThemeForm(BoundedFormMixin, forms.Form):
    """A theme's title and description in a year's framework (``framework_services``).

    An edit form carries the version it was read at (``read_version``, the hidden field of
    ``lib.concurrency``); a form adding a theme carries a submission token instead.
    """

    title = forms.CharField(label=_("Title"), max_length=300)
    title_sv = forms.CharField(
        label=format_lazy("{} ({})", _("Title"), LANGUAGE_LABELS["sv"]),
        required=False,
        max_length=300,
    )
    title_en = forms.CharField(
        label=format_lazy("{} ({})", _("Title"), LANGUAGE_LABELS["en"]),
        required=False,
        max_length=300,
    )
    description = forms.CharField(
        label=_("Description"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_sv = forms.CharField(
        label=format_lazy("{} ({})", _("Description"), LANGUAGE_LABELS["sv"]),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_en = forms.CharField(
        label=format_lazy("{} ({})", _("Description"), LANGUAGE_LABELS["en"]),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    #: The translations the form carries beside the Finnish title and description.
    translation_fields = ("title_sv", "title_en", "description_sv", "description_en")

    def __init__(self, *args: Any, read_version: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stale_changes: list[Change] = []
        if read_version is not None:
            self.fields[VERSION_FIELD] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=read_version
            )

    def translations(self) -> dict[str, str]:
        """The Swedish and English title and description as typed (empty: not translated)."""
        return {name: self.cleaned_data.get(name, "").strip() for name in self.translation_fields}

    def sent_version(self) -> str | None:
        """The version the form was read at, as sent; None where it sent none."""
        if VERSION_FIELD not in self.fields:
            return None
        value = self.data.get(self.add_prefix(VERSION_FIELD))
        return None if value is None else str(value)

    def changes(self, current: dict[str, str], changed: list[str]) -> list[Change]:
        """The fields another person changed meanwhile: this person's value beside theirs."""
        return [
            Change(
                label=str(self.fields[name].label),
                yours=typed_display(self, name),
                current=display(current[name]),
            )
            for name in changed
        ]


class SubThemeForm(ThemeForm):
    """A sub-theme's title, description and its ladder: a title per level, 1 to 4, and the
    level's own activities (those that describe the rung, one a line); an empty title leaves
    that level out (the drafts' answers on it lose their level)."""

    level_1 = forms.CharField(label=_("Level 1"), required=False, max_length=300)
    activities_1 = forms.CharField(
        label=_("Activities of level 1"),
        help_text=_("One activity a line."),
        required=False,
        max_length=ACTIVITIES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    level_2 = forms.CharField(label=_("Level 2"), required=False, max_length=300)
    activities_2 = forms.CharField(
        label=_("Activities of level 2"),
        help_text=_("One activity a line."),
        required=False,
        max_length=ACTIVITIES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    level_3 = forms.CharField(label=_("Level 3"), required=False, max_length=300)
    activities_3 = forms.CharField(
        label=_("Activities of level 3"),
        help_text=_("One activity a line."),
        required=False,
        max_length=ACTIVITIES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    level_4 = forms.CharField(label=_("Level 4"), required=False, max_length=300)
    activities_4 = forms.CharField(
        label=_("Activities of level 4"),
        help_text=_("One activity a line."),
        required=False,
        max_length=ACTIVITIES_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"level_{value}", "").strip() for value in range(1, 5)):
            raise forms.ValidationError(_("Give the ladder at least one level."), code="no_levels")
        for value in range(1, 5):
            if (
                cleaned.get(f"activities_{value}", "").strip()
                and not cleaned.get(f"level_{value}", "").strip()
            ):
                self.add_error(
                    f"activities_{value}", _("Give the level a title, or leave its activities out.")
                )
        return cleaned

    def ladder(self) -> dict[int, str]:
        """Level value → title, as typed (empty: the level is left out)."""
        return {value: self.cleaned_data[f"level_{value}"].strip() for value in range(1, 5)}

    def rung_activities(self) -> dict[int, list[str]]:
        """Level value → the level's own activities, one a line, blank lines dropped."""
        return {value: _lines(self.cleaned_data[f"activities_{value}"]) for value in range(1, 5)}


class FrameworkMoveForm(BoundedFormMixin, forms.Form):
    """Move a theme or a sub-theme one place up or down in the year's framework."""

    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])
