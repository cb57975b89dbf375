"""Forms of what member organisations log: guidance actions, progress updates, good practices.

Each form validates everything the database would refuse (the unique title of an
organisation's year, end after start, sane years) so the user gets the message in Finnish
beside the field and nothing is saved until every field is valid. Choices of related
objects are limited to the region's current strategy and organisations.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actions.models import GoodPractice, GuidanceAction, ProgressUpdate
from lib.bounds import BoundedFormMixin
from lib.concurrency import VersionedFormMixin
from lib.forms import (
    DATE_INPUT_FORMATS,
    CheckboxColumns,
    DateInput,
    GroupedCheckboxSelectMultiple,
    SearchableCheckboxSelectMultiple,
)
from lib.localized_choices import LocalizedLabel, localize_labels
from lib.translation import localized, with_translated_widgets, with_translations
from lib.uploads import ACCEPT, UPLOAD_HELP_TEXT, validate_upload
from network.models import Organisation, Region
from strategy.models import Action, FocusArea, Goal


def limit_choices(field: forms.Field, queryset: QuerySet[Any]) -> None:
    """Offer only ``queryset`` in a model choice field."""
    cast(forms.ModelChoiceField, field).queryset = queryset


def current_focus_areas(region: Region) -> QuerySet[FocusArea]:
    return FocusArea.objects.for_region(region).current().order_by("number")


def goal_focus_area(goal: Goal) -> tuple[int, str]:
    """The group of a goal among the choices: its focus area's id and numbered title."""
    return goal.focus_area_id, LocalizedLabel(numbered=True)(goal.focus_area)


class GoalChoiceField(forms.ModelMultipleChoiceField):
    """Goals under their focus area (a fieldset each), which a script shows as areas are ticked.

    Without JavaScript every focus area's goals are listed; ``GuidanceActionForm.clean``
    refuses a goal whose focus area is not chosen.
    """

    widget = GroupedCheckboxSelectMultiple(group_by=goal_focus_area)

    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "title").plain


def action_focus_area(action: Action) -> tuple[int, str]:
    """The group of a plan action among the choices: its focus area's id and numbered title."""
    return action.focus_area_id, LocalizedLabel(numbered=True)(action.focus_area)


class PlanActionChoiceField(forms.ModelMultipleChoiceField):
    """The plan's actions under their focus area, shown as the areas are ticked (as goals).

    Only the current version's actions of the region are offered; ``GuidanceActionForm.clean``
    refuses one whose focus area is not chosen.
    """

    widget = GroupedCheckboxSelectMultiple(
        group_by=action_focus_area,
        empty_hint=_("Tick a focus area above: its actions of the plan are listed here."),
    )
    default_error_messages = {
        "invalid_choice": _(
            "Choose only actions of your region's current plan: one of the chosen actions "
            "is not among them (%(value)s)."
        ),
    }

    def label_from_instance(self, obj: Any) -> str:
        return localized(obj, "title").plain


class GuidanceActionForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A guidance action of one organisation; the view sets the organisation, not the form."""

    #: An editor's form opened before the entry was accepted must not send it back to draft
    #: unseen: the review state is guarded though the form does not show it.
    guarded_extra = ("review_status",)

    class Meta:
        model = GuidanceAction
        fields = [
            "title",
            "description",
            "year",
            "focus_areas",
            "goals",
            "plan_actions",
            "target_groups",
            "channels",
            "partners",
            "other_partners",
            "start_date",
            "end_date",
            "status",
            "outcomes",
            "links",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "focus_areas": forms.CheckboxSelectMultiple,
            "target_groups": CheckboxColumns,
            "channels": CheckboxColumns,
            "partners": SearchableCheckboxSelectMultiple,
            "start_date": DateInput(),
            "end_date": DateInput(),
            "outcomes": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 3}),
        }
        field_classes = {"goals": GoalChoiceField, "plan_actions": PlanActionChoiceField}
        help_texts = {
            "goals": _("Choose only goals of the focus areas you chose."),
            "plan_actions": _(
                "The actions of the region's plan this work carries out, under the focus "
                "areas you chose."
            ),
            "links": _("One web address a line, e.g. https://www.ohjaamot.fi/."),
        }

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.instance.organisation = organisation
        region = organisation.region
        focus_areas = current_focus_areas(region)
        limit_choices(self.fields["focus_areas"], focus_areas)
        localize_labels(self.fields["focus_areas"], numbered=True)
        localize_labels(self.fields["target_groups"], "name")
        localize_labels(self.fields["channels"], "name")
        goals = self.fields["goals"]
        limit_choices(
            goals,
            Goal.objects.filter(focus_area__in=focus_areas)
            .select_related("focus_area")
            .order_by("focus_area__number", "position", "id"),
        )
        cast(GroupedCheckboxSelectMultiple, goals.widget).filter_by = self.add_prefix("focus_areas")
        plan_actions = self.fields["plan_actions"]
        limit_choices(
            plan_actions,
            Action.objects.filter(focus_area__in=focus_areas)
            .select_related("focus_area")
            .order_by("focus_area__number", "position", "id"),
        )
        cast(GroupedCheckboxSelectMultiple, plan_actions.widget).filter_by = self.add_prefix(
            "focus_areas"
        )
        limit_choices(
            self.fields["partners"],
            Organisation.objects.for_region(region).exclude(pk=organisation.pk).order_by("name"),
        )
        year = self.fields["year"]
        year.validators += [MinValueValidator(2000), MaxValueValidator(2100)]
        year.widget.attrs.update(min=2000, max=2100)
        if self.instance.pk is None:
            year.initial = timezone.localdate().year
        for name in ("start_date", "end_date"):
            cast(forms.DateField, self.fields[name]).input_formats = DATE_INPUT_FORMATS

    def clean_links(self) -> str:
        """Check each line is a web address; an address without a scheme gets https://."""
        validate = URLValidator(schemes=["http", "https"])
        lines = []
        errors = []
        for number, raw in enumerate(self.cleaned_data["links"].splitlines(), start=1):
            line = raw.strip()
            if not line:
                continue
            if "://" not in line:
                line = f"https://{line}"
            try:
                validate(line)
            except ValidationError:
                errors.append(
                    ValidationError(
                        _("Line %(number)s is not a web address: %(value)s"),
                        code="invalid",
                        params={"number": number, "value": raw.strip()},
                    )
                )
            lines.append(line)
        if errors:
            raise ValidationError(errors)
        return "\n".join(lines)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end date cannot be before the start date."))
        focus_areas = cleaned.get("focus_areas")
        goals = cleaned.get("goals")
        if focus_areas is not None and goals:
            chosen = {focus_area.pk for focus_area in focus_areas}
            strays = [goal for goal in goals if goal.focus_area_id not in chosen]
            if strays:
                self.add_error(
                    "goals",
                    _(
                        "These goals belong to focus areas you did not choose: %(goals)s. "
                        "Choose their focus areas too, or leave the goals out."
                    )
                    % {"goals": "; ".join(f"{g.focus_area.number}: {g.title}" for g in strays)},
                )
        plan_actions = cleaned.get("plan_actions")
        if focus_areas is not None and plan_actions:
            chosen = {focus_area.pk for focus_area in focus_areas}
            strays = [action for action in plan_actions if action.focus_area_id not in chosen]
            if strays:
                self.add_error(
                    "plan_actions",
                    _(
                        "These actions belong to focus areas you did not choose: %(actions)s. "
                        "Choose their focus areas too, or leave the actions out."
                    )
                    % {
                        "actions": "; ".join(
                            f"{action.focus_area.number}: {action.title}" for action in strays
                        )
                    },
                )
        title, year = cleaned.get("title"), cleaned.get("year")
        if title and year:
            taken = GuidanceAction.objects.filter(
                organisation=self.organisation, year=year, title=title
            ).exclude(pk=self.instance.pk)
            if taken.exists():
                self.add_error(
                    "title",
                    _("%(organisation)s already has an action with this title for %(year)s.")
                    % {"organisation": self.organisation.name, "year": year},
                )
        return cleaned


class ProgressUpdateForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A dated note on a guidance action, with an optional figure and attachment."""

    class Meta:
        model = ProgressUpdate
        fields = ["date", "note", "figure", "figure_label", "attachment"]
        widgets = {
            "date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 5}),
            "attachment": forms.ClearableFileInput(attrs={"accept": ACCEPT}),
        }
        localized_fields = ["figure"]
        help_texts = {
            "figure": _("A number the update reports, e.g. 120. A decimal comma is fine."),
            "attachment": UPLOAD_HELP_TEXT,
        }

    def __init__(self, *args: Any, action: GuidanceAction, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.action = action
        cast(forms.DateField, self.fields["date"]).input_formats = DATE_INPUT_FORMATS
        if self.instance.pk is None:
            self.fields["date"].initial = timezone.localdate()
        # Runs on a new upload only: an unchanged or cleared attachment skips validators.
        self.fields["attachment"].validators.append(validate_upload)

    def clean_date(self) -> dt.date:
        date: dt.date = self.cleaned_data["date"]
        if not 2000 <= date.year <= 2100:
            raise ValidationError(_("Give a date between the years 2000 and 2100."), code="range")
        return date

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("figure") is not None and not cleaned.get("figure_label"):
            self.add_error("figure_label", _("Say what the figure counts."))
        return cleaned


class GoodPracticeProposalForm(BoundedFormMixin, VersionedFormMixin, forms.ModelForm):
    """A good practice an organisation proposes; the coordinator publishes and numbers it."""

    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=_("Proposing organisation"),
        empty_label=None,
    )

    class Meta:
        model = GoodPractice
        fields = with_translations(
            GoodPractice, ["organisation", "title", "description", "focus_areas"]
        )
        widgets = with_translated_widgets(
            GoodPractice,
            {
                "description": forms.Textarea(attrs={"rows": 6}),
                "focus_areas": forms.CheckboxSelectMultiple,
            },
        )

    def __init__(
        self, *args: Any, region: Region, organisations: QuerySet[Organisation], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.instance.region = region
        limit_choices(self.fields["organisation"], organisations)
        limit_choices(self.fields["focus_areas"], current_focus_areas(region))
        localize_labels(self.fields["focus_areas"], numbered=True)
        self.fields["description"].required = True
