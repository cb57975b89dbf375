"""Every form of the portal renders its fields one way: templates/includes/field.html.

The renderer (lib/forms.py) is set once in the settings; these tests render each form
class of the portal, unbound and with errors, and read the HTML a person (and a screen
reader) gets: each field in a ``field`` wrapper, no colon after a label, no "---------",
help and errors named by the field's aria-describedby, the error summary at the top.
"""

import re
from collections.abc import Callable
from typing import Any

import pytest
from django import forms
from django.conf import settings
from django.forms import modelform_factory
from django.utils.translation import gettext

from accounts.forms import AcceptInvitationForm, InvitationForm, LanguageForm
from actions.filters import GuidanceActionFilter
from actions.forms import GoodPracticeProposalForm, GuidanceActionForm, ProgressUpdateForm
from coordination.review_forms import ReopenForm
from coordination.review_forms import ReturnForm as ReviewReturnForm
from coordination.transfer_forms import ImportFileForm
from events.filters import EventFilter
from events.forms import ChooseOrganisationForm, EventForm, EventMaterialForm
from lib.forms import PortalFormRenderer
from network.filters import OrganisationFilter
from network.forms import OrganisationProfileForm
from network.models import Organisation
from reporting.admin import FrameworkForm
from reporting.forms import (
    CompareVersionsForm,
    EntryDeadlineForm,
    FrameworkMoveForm,
    ReportForm,
    ReportingYearForm,
    SubThemeForm,
    ThemeForm,
)
from reporting.forms import ReturnForm as ReportReturnForm
from reporting.models import EntryDeadline, ReportingYear, Theme
from reporting.pdf_forms import PdfRequestForm
from strategy.comparison_views import VersionChoiceForm
from strategy.editor import forms as editor_forms
from strategy.models import RegionProfile
from tests.factories import (
    EventSeriesFactory,
    GoalFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    InvitationFactory,
    ProjectFactory,
    ProvinceFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

Build = Callable[[dict[str, Any]], forms.BaseForm]

# Each form class of the portal, built with what its view gives it.
FORMS: dict[str, Build] = {
    "InvitationForm": lambda w: InvitationForm(region=w["region"]),
    "AcceptInvitationForm": lambda w: AcceptInvitationForm(invitation=w["invitation"]),
    "LanguageForm": lambda w: LanguageForm(instance=UserFactory()),
    "GuidanceActionForm": lambda w: GuidanceActionForm(organisation=w["kotka"]),
    "ProgressUpdateForm": lambda w: ProgressUpdateForm(action=w["action"]),
    "GoodPracticeProposalForm": lambda w: GoodPracticeProposalForm(
        region=w["region"], organisations=Organisation.objects.filter(region=w["region"])
    ),
    "EventForm": lambda w: EventForm(region=w["region"], can_publish=True),
    "ChooseOrganisationForm": lambda w: ChooseOrganisationForm(
        organisations=Organisation.objects.filter(region=w["region"])
    ),
    "EventMaterialForm": lambda w: EventMaterialForm(),
    "OrganisationProfileForm": lambda w: OrganisationProfileForm(instance=w["kotka"]),
    "network.ReturnForm": lambda w: ReviewReturnForm(),
    "coordination.ReopenForm": lambda w: ReopenForm(),
    "ImportFileForm": lambda w: ImportFileForm(),
    "ReportForm": lambda w: ReportForm(
        themes=list(
            Theme.objects.filter(
                reporting_year=ReportingYear.objects.get_or_create(year=2025)[0]
            ).prefetch_related("sub_themes__levels")
        ),
        answers={},
    ),
    "reporting.ReturnForm": lambda w: ReportReturnForm(),
    "ReportingYearForm": lambda w: ReportingYearForm(),
    "ThemeForm": lambda w: ThemeForm(),
    # The admin's form of a framework row (the admin builds it for its model).
    "FrameworkForm": lambda w: modelform_factory(
        Theme, form=FrameworkForm, fields=["reporting_year", "number", "title", "description"]
    )(),
    "SubThemeForm": lambda w: SubThemeForm(),
    "FrameworkMoveForm": lambda w: FrameworkMoveForm(),
    "PdfRequestForm": lambda w: PdfRequestForm(),
    "StrategyForm": lambda w: editor_forms.StrategyForm(instance=w["strategy"]),
    "FocusAreaForm": lambda w: editor_forms.FocusAreaForm(strategy=w["strategy"]),
    "GoalForm": lambda w: editor_forms.GoalForm(),
    "ActionForm": lambda w: editor_forms.ActionForm(focus_area=w["focus_area"]),
    "ActionStatusForm": lambda w: editor_forms.ActionStatusForm(),
    "ActionMoveForm": lambda w: editor_forms.ActionMoveForm(),
    "IndicatorForm": lambda w: editor_forms.IndicatorForm(strategy=w["strategy"]),
    "IndicatorValueForm": lambda w: editor_forms.IndicatorValueForm(indicator=w["indicator"]),
    "RevisionForm": lambda w: editor_forms.RevisionForm(),
    "PublishDraftForm": lambda w: editor_forms.PublishDraftForm(),
    "RegionProfileForm": lambda w: editor_forms.RegionProfileForm(
        instance=RegionProfile(region=w["region"])
    ),
    "ProjectForm": lambda w: editor_forms.ProjectForm(region=w["region"]),
    "FundingLineForm": lambda w: editor_forms.FundingLineForm(
        project=ProjectFactory(region=w["region"])
    ),
    "IndicatorCellForm": lambda w: editor_forms.IndicatorCellForm(
        indicator=w["indicator"], year=2023, years=range(2021, 2028)
    ),
    "VersionChoiceForm": lambda w: VersionChoiceForm(versions=[w["strategy"]]),
    "CompareVersionsForm": lambda w: CompareVersionsForm(numbers=[1, 2]),
    "EntryDeadlineForm": lambda w: EntryDeadlineForm(
        instance=EntryDeadline(region=w["region"], year=2025)
    ),
    "GuidanceActionFilter": lambda w: GuidanceActionFilter(region=w["region"]).form,
    "EventFilter": lambda w: EventFilter(region=w["region"]).form,
    "OrganisationFilter": lambda w: OrganisationFilter(region=w["region"]).form,
}


@pytest.fixture
def world(region, strategy, focus_area, kotka, lut) -> dict[str, Any]:
    """One region with a strategy, goals, organisations, provinces and a meeting series."""
    GoalFactory(focus_area=focus_area, title="Ohjauspalvelut ovat kaikkien saatavilla")
    ProvinceFactory(region=region, name="Kymenlaakso")
    EventSeriesFactory(region=region)
    return {
        "region": region,
        "strategy": strategy,
        "focus_area": focus_area,
        "kotka": kotka,
        "lut": lut,
        "invitation": InvitationFactory(organisation=kotka),
        "action": GuidanceActionFactory(organisation=kotka),
        "indicator": IndicatorFactory(strategy=strategy),
    }


def portal_form_classes() -> set[str]:
    """The names of the form classes the portal's apps define."""
    apps = (
        "accounts.",
        "actions.",
        "events.",
        "network.",
        "notices.",
        "reporting.",
        "strategy.",
    )
    found: set[type] = set()
    stack: list[type] = [forms.Form, forms.ModelForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith(apps) and not sub.__module__.endswith("filters"):
                found.add(sub)
    return {cls.__name__ for cls in found}


def test_every_form_class_of_the_portal_is_checked_here():
    checked = {name.rsplit(".", 1)[-1] for name in FORMS}
    assert portal_form_classes() <= checked


def test_the_renderer_is_set_once_for_the_whole_portal():
    assert settings.FORM_RENDERER == "lib.forms.PortalFormRenderer"
    assert PortalFormRenderer.field_template_name == "includes/field.html"


@pytest.mark.parametrize("name", sorted(FORMS))
def test_every_field_renders_through_the_one_field_template(world, name):
    form = FORMS[name](world)

    html = str(form)

    wrappers = re.findall(r'<(?:div|fieldset) class="field[ "]', html)
    assert len(wrappers) == len(form.visible_fields()), html
    assert not re.search(r":\s*</(label|legend)>", html), "a label ends in a colon"
    assert "---------" not in html
    for field in form.visible_fields():
        if field.help_text:
            assert f'aria-describedby="{field.auto_id}_helptext"' in html, field.name
            assert f'id="{field.auto_id}_helptext"' in html


def test_an_empty_choice_reads_choose_not_dashes(world):
    html = str(EventForm(region=world["region"])["series"])

    assert f'<option value="" selected>{gettext("Choose…")}</option>' in html


def test_an_error_is_named_by_its_field_and_listed_at_the_top(world):
    form = GuidanceActionForm({"title": "", "year": "1999"}, organisation=world["kotka"])

    html = str(form)

    assert html.lstrip().startswith('<div class="error-summary" role="alert"')
    assert '<a href="#id_title">' in html
    assert '<div class="field field--invalid">' in html
    assert '<ul class="field__errors" id="id_title_errors">' in html
    assert 'aria-invalid="true" aria-describedby="id_title_errors"' in html


def test_a_group_of_choices_is_a_fieldset_that_names_its_help_and_errors(world):
    form = GuidanceActionForm(
        {"title": "Uusi", "year": "2021", "goals": ["999999"]}, organisation=world["kotka"]
    )

    html = form["goals"].as_field_group()

    assert html.startswith('<fieldset class="field field--choices field--invalid"')
    assert 'aria-describedby="id_goals_helptext id_goals_errors"' in html
    assert "<legend>Tavoitteet</legend>" in html


def test_a_checkbox_comes_before_its_label(world):
    html = EventForm(region=world["region"], can_publish=True)["publish_now"].as_field_group()

    assert html.startswith('<div class="field field--checkbox">')
    assert html.index('type="checkbox"') < html.index('<label for="id_publish_now">')


def test_the_goals_are_grouped_under_their_focus_area_for_the_script_to_filter(world):
    html = GuidanceActionForm(organisation=world["kotka"])["goals"].as_field_group()

    assert 'data-choice-filter="focus_areas"' in html
    group = html.split(f'data-choice-group="{world["focus_area"].pk}"')[1]
    assert "Ohjauspalvelut ovat kaikkien saatavilla" in group.split("</fieldset>")[0]


def test_the_partners_are_checkboxes_a_script_makes_searchable(world):
    form = GuidanceActionForm(organisation=world["kotka"])

    html = form["partners"].as_field_group()

    assert "data-choice-search" in html
    assert f'value="{world["lut"].pk}"' in html
    assert 'type="checkbox"' in html
    # Without JavaScript the search box stays hidden; the script comes with the form.
    assert '<div class="choice-search__tools" hidden>' in html
    assert '<script src="/static/js/choice-lists.js"></script>' in str(form)
