"""Forms of the coordinator's plan editor.

Each form validates everything the database would refuse (unique numbers and years,
end after start) so the user gets the message in Finnish beside the field and no
IntegrityError is ever caught. Choices of related objects are limited to the region's
own strategy and organisations.
"""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from lib.bounds import LAST_YEAR, BoundedFormMixin
from lib.concurrency import VersionedFormMixin
from lib.forms import (
    DATE_INPUT_FORMATS,
    DateInput,
    SearchableCheckboxSelectMultiple,
    https_url_field,
)
from lib.translation import with_translated_widgets, with_translations
from network.models import Organisation
from strategy.models import (
    Action,
    FocusArea,
    FundingLine,
    Goal,
    Indicator,
    IndicatorValue,
    KeyMeasure,
    NationalGoal,
    Project,
    RegionProfile,
    Strategy,
)


def limit_choices(field: forms.Field, queryset: QuerySet[Any]) -> None:
    """Offer only ``queryset`` in a model choice field."""
    cast(forms.ModelChoiceField, field).queryset = queryset


class StrategyForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """The strategy's header: title, period, revision name, vision, values and goals.

    It guards the version number too: a new version started while the form was open is a
    different row, and the save must not land on it unseen.
    """

    guarded_extra = ("version",)

    class Meta:
        model = Strategy
        fields = with_translations(
            Strategy,
            [
                "title",
                "start_year",
                "end_year",
                "version_label",
                "vision",
                "values",
                "values_statement",
                "overall_goal",
                "objectives",
            ],
        )
        widgets = with_translated_widgets(
            Strategy,
            {
                "vision": forms.Textarea(attrs={"rows": 3}),
                "values_statement": forms.Textarea(attrs={"rows": 4}),
                "overall_goal": forms.Textarea(attrs={"rows": 3}),
                "objectives": forms.Textarea(attrs={"rows": 6}),
            },
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The last year cannot be before the first year."))
        return cleaned


class FocusAreaForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A focus area: its number within the strategy, title, description, and the national
    strategy's goals and key measures it serves, as the coordinator says."""

    class Meta:
        model = FocusArea
        fields = with_translations(
            FocusArea, ["number", "title", "description", "national_goals", "key_measures"]
        )
        widgets = with_translated_widgets(
            FocusArea,
            {
                "title": forms.Textarea(attrs={"rows": 2}),
                "description": forms.Textarea(attrs={"rows": 4}),
                "national_goals": forms.CheckboxSelectMultiple,
                "key_measures": forms.CheckboxSelectMultiple,
            },
        )
        help_texts = {
            "number": _("Focus areas are shown in number order."),
            "national_goals": _("The goals of the national strategy this focus area serves."),
            "key_measures": _(
                "The key measures of the national strategy this focus area carries forward."
            ),
        }

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.instance.strategy = strategy
        self.fields["number"].validators.append(MinValueValidator(1))
        self.fields["number"].widget.attrs["min"] = 1
        limit_choices(self.fields["national_goals"], NationalGoal.objects.order_by("number"))
        limit_choices(
            self.fields["key_measures"], KeyMeasure.objects.order_by("national_strategy", "number")
        )

    def clean_number(self) -> int:
        number: int = self.cleaned_data["number"]
        taken = FocusArea.objects.filter(strategy=self.strategy, number=number).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(
                _("This strategy already has a focus area number %(number)s."),
                code="unique",
                params={"number": number},
            )
        return number


class GoalForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A goal of a focus area."""

    class Meta:
        model = Goal
        fields = with_translations(Goal, ["title"])
        widgets = with_translated_widgets(Goal, {"title": forms.Textarea(attrs={"rows": 3})})


class ActionForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """An action of the plan; goals come from its focus area, organisations from the region."""

    class Meta:
        model = Action
        fields = with_translations(
            Action,
            [
                "title",
                "description",
                "goals",
                "lead_organisation",
                "lead_unknown",
                "responsible_organisations",
                "responsibles_unknown",
                "responsible_note",
                "start_date",
                "end_date",
                "status",
                "monitoring_note",
            ],
        )
        widgets = with_translated_widgets(
            Action,
            {
                "description": forms.Textarea(attrs={"rows": 4}),
                "goals": forms.CheckboxSelectMultiple,
                "responsible_organisations": SearchableCheckboxSelectMultiple,
                "start_date": DateInput(),
                "end_date": DateInput(),
                "monitoring_note": forms.Textarea(attrs={"rows": 3}),
            },
        )

    def __init__(self, *args: Any, focus_area: FocusArea, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.focus_area = focus_area
        organisations = Organisation.objects.for_region(focus_area.strategy.region).order_by("name")
        limit_choices(self.fields["goals"], Goal.objects.filter(focus_area=focus_area))
        limit_choices(self.fields["lead_organisation"], organisations)
        limit_choices(self.fields["responsible_organisations"], organisations)
        for name in ("start_date", "end_date"):
            # The browser's date picker sends ISO dates; typed Finnish dates work too.
            cast(forms.DateField, self.fields[name]).input_formats = DATE_INPUT_FORMATS

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        if cleaned.get("lead_unknown") and cleaned.get("lead_organisation"):
            self.add_error(
                "lead_unknown",
                _("Choose a lead organisation or mark it as not known, not both."),
            )
        if cleaned.get("responsibles_unknown") and cleaned.get("responsible_organisations"):
            self.add_error(
                "responsibles_unknown",
                _("Choose responsible organisations or mark them as not known, not both."),
            )
        return cleaned


class ActionStatusForm(BoundedFormMixin, forms.Form):
    """The inline status change of one action, with the status the person saw."""

    status = forms.ChoiceField(label=_("Status"), choices=Action.Status.choices)
    read_version = forms.CharField(required=False, widget=forms.HiddenInput)


class ActionMoveForm(BoundedFormMixin, forms.Form):
    """Move an action one place up or down."""

    direction = forms.ChoiceField(choices=[("up", _("Up")), ("down", _("Down"))])


class IndicatorForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """An indicator; the focus areas offered are the strategy's own."""

    #: A baseline may come from older statistics, as an indicator's values may (1900-).
    year_bounds = {"baseline_year": (1900, LAST_YEAR)}

    class Meta:
        model = Indicator
        fields = with_translations(
            Indicator,
            [
                "title",
                "description",
                "unit",
                "decimals",
                "direction",
                "baseline",
                "baseline_year",
                "target",
                "target_year",
                "focus_areas",
            ],
        )
        widgets = with_translated_widgets(
            Indicator,
            {
                "description": forms.Textarea(attrs={"rows": 3}),
                "focus_areas": forms.CheckboxSelectMultiple,
            },
        )
        localized_fields = ["baseline", "target"]
        help_texts = {"baseline": _("A decimal comma is fine, e.g. 12,5.")}

    def __init__(self, *args: Any, strategy: Strategy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.instance.strategy = strategy
        limit_choices(
            self.fields["focus_areas"],
            FocusArea.objects.filter(strategy=strategy).order_by("number"),
        )

    def clean_title(self) -> str:
        title: str = self.cleaned_data["title"]
        taken = Indicator.objects.filter(strategy=self.strategy, title=title).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(
                _("This strategy already has an indicator with this title."), code="unique"
            )
        return title

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("baseline") is not None and not cleaned.get("baseline_year"):
            self.add_error("baseline_year", _("Give the year of the baseline."))
        return cleaned


class IndicatorValueForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """One year's value of an indicator; the year is unique per indicator."""

    source_url = https_url_field(IndicatorValue, "source_url", max_length=200)

    class Meta:
        model = IndicatorValue
        fields = ["year", "value", "source", "source_url"]
        localized_fields = ["value"]
        help_texts = {"value": _("A decimal comma is fine, e.g. 12,5.")}

    def __init__(self, *args: Any, indicator: Indicator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.instance.indicator = indicator
        year = self.fields["year"]
        year.validators += [MinValueValidator(1900), MaxValueValidator(2100)]
        year.widget.attrs.update(min=1900, max=2100)

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        taken = IndicatorValue.objects.filter(indicator=self.indicator, year=year).exclude(
            pk=self.instance.pk
        )
        if taken.exists():
            raise forms.ValidationError(
                _("This indicator already has a value for %(year)s."),
                code="unique",
                params={"year": year},
            )
        return year


class RevisionForm(BoundedFormMixin, forms.Form):
    """The name of a new version of the strategy, e.g. "tarkistus 2025"."""

    version_label = forms.CharField(
        label=_("Name of the new version"),
        max_length=100,
        help_text=_('For example "tarkistus 2025".'),
    )


class CellValueField(forms.DecimalField):
    """A grid cell's number as a Finn types it: a comma or a point, spaces between thousands;
    empty is None (the cell's value is deleted)."""

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str):
            value = re.sub(r"[\s\u00a0\u202f]", "", value)
        return super().to_python(value)


class IndicatorCellForm(BoundedFormMixin, forms.Form):
    """One cell of the indicator grid: an indicator's value for a year, its source and a note.

    The grid's own page and the cell opened in place (htmx) use it alike, prefixed by the
    cell (``strategy.grid.cell_prefix``). The shown value, source and note travel as hidden
    initial values, so a cell the person did not touch is left alone (``has_changed``) even
    when someone else changed it meanwhile; ``read_version`` is the cell as it was read
    (``strategy.grid.cell_version``). An empty value deletes the year's value.
    """

    value = CellValueField(
        label=_("Value"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        show_hidden_initial=True,
        error_messages={
            "invalid": _("The value is not a number."),
            "max_digits": _("The value is too large."),
            "max_whole_digits": _("The value is too large."),
            "max_decimal_places": _("Give the value with at most two decimals."),
        },
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=IndicatorValue._meta.get_field("source").max_length,
        required=False,
        show_hidden_initial=True,
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=IndicatorValue._meta.get_field("note").max_length,
        required=False,
        show_hidden_initial=True,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    read_version = forms.CharField(required=False, max_length=200, widget=forms.HiddenInput)

    #: The fields that make the cell; ``read_version`` only says what was read.
    cell_fields = ("value", "source", "note")

    def __init__(self, *args: Any, indicator: Indicator, year: int, years: range, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.indicator, self.year, self.years = indicator, year, years
        # Each cell's input names its row and column: a screen reader hears which it is.
        self.fields["value"].label = _("%(indicator)s, %(year)s") % {
            "indicator": indicator.title,
            "year": year,
        }
        self.fields["value"].widget.attrs.update(inputmode="decimal", size=8)

    def has_changed(self) -> bool:
        """Whether the person changed the value, the source or the note they were shown."""
        return any(name in self.changed_data for name in self.cell_fields)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.year not in self.years:
            raise forms.ValidationError(
                # An en dash between the years, as in print.
                _("The year %(year)s is outside the years of the strategy (%(first)s–%(last)s)."),  # noqa: RUF001
                code="year_range",
                params={"year": self.year, "first": self.years[0], "last": self.years[-1]},
            )
        typed_without_value = (
            cleaned.get("value") is None
            and (cleaned.get("source") or cleaned.get("note"))
            and "value" not in self.errors
        )
        if typed_without_value and not self.initial_value_shown():
            self.add_error(
                "value", _("Give a value: a source or a note is kept only with a value.")
            )
        return cleaned

    def initial_value_shown(self) -> bool:
        """Whether the cell showed a value when it was opened (emptying it deletes it)."""
        shown = self.data.get(self.add_initial_prefix("value"), "")
        return bool(str(shown).strip())


class PublishDraftForm(BoundedFormMixin, forms.Form):
    """When the draft takes effect and what changed in it, shown with the earlier versions."""

    published_on = forms.DateField(
        label=_("Publication date"),
        widget=DateInput(),
        input_formats=DATE_INPUT_FORMATS,
    )
    change_note = forms.CharField(
        label=_("What changed in this version"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown with the list of earlier versions on the public strategy page."),
    )


class RegionProfileForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """The region's profile; the cooperation group's members from the region's organisations,
    others as free text."""

    website = https_url_field(RegionProfile, "website")

    class Meta:
        model = RegionProfile
        fields = with_translations(
            RegionProfile,
            [
                "description",
                "network_history",
                "group_name",
                "chair",
                "secretariat",
                "member_organisations",
                "other_members",
                "term",
                "meeting_rhythm",
                "website",
            ],
        )
        widgets = with_translated_widgets(
            RegionProfile,
            {
                "description": forms.Textarea(attrs={"rows": 4}),
                "network_history": forms.Textarea(attrs={"rows": 6}),
                "member_organisations": SearchableCheckboxSelectMultiple,
                "other_members": forms.Textarea(attrs={"rows": 3}),
            },
        )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        limit_choices(
            self.fields["member_organisations"],
            Organisation.objects.for_region(self.instance.region).order_by("name"),
        )


class ProjectForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A project of the register; organisations from the region, actions from the plan's
    current version."""

    website = https_url_field(Project, "website")

    class Meta:
        model = Project
        fields = with_translations(
            Project,
            [
                "name",
                "description",
                "organisations",
                "actions",
                "start_date",
                "end_date",
                "website",
            ],
        )
        widgets = with_translated_widgets(
            Project,
            {
                "description": forms.Textarea(attrs={"rows": 4}),
                "organisations": SearchableCheckboxSelectMultiple,
                "actions": SearchableCheckboxSelectMultiple,
                "start_date": DateInput(),
                "end_date": DateInput(),
            },
        )

    def __init__(self, *args: Any, region: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        limit_choices(
            self.fields["organisations"],
            Organisation.objects.for_region(region).order_by("name"),
        )
        limit_choices(
            self.fields["actions"],
            Action.objects.for_region(region)
            .current()
            .order_by("focus_area__number", "position", "pk"),
        )
        for name in ("start_date", "end_date"):
            cast(forms.DateField, self.fields[name]).input_formats = DATE_INPUT_FORMATS

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        clash = Project.objects.for_region(self.instance.region).filter(name=name)
        if self.instance.pk is not None:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(_("The region already has a project of this name."))
        return name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        return cleaned


class FundingLineForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """One source of a project's money; amount and years left empty are unknown."""

    class Meta:
        model = FundingLine
        fields = ["source", "amount", "start_year", "end_year", "note"]

    def __init__(self, *args: Any, project: Project, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.project = project
        amount = cast(forms.DecimalField, self.fields["amount"])
        amount.min_value = 0
        amount.validators.append(MinValueValidator(0))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end and end < start:
            self.add_error("end_year", _("The last year cannot be before the first year."))
        return cleaned
