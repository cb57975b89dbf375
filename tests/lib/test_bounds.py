"""Every form of the portal refuses impossible values: endless text, year 0, 1.1.0001.

The first test finds the forms itself, so a new form without the bounds fails it.
"""

import copy
import datetime as dt
import importlib
import inspect

import pytest
from django import forms
from django.utils import translation

from actions.forms import GuidanceActionForm
from events.forms import EventForm
from lib.bounds import (
    FIRST_DATE,
    LAST_DATE,
    MAX_TEXT_LENGTH,
    BoundedFormMixin,
    bound_fields,
)
from reporting.forms import ReportForm, ReportingYearForm
from reporting.models import ReportingYear, Theme
from strategy.editor.forms import IndicatorForm, StrategyForm

FORM_MODULES = [
    "accounts.forms",
    "actions.forms",
    "coordination.review_forms",
    "events.forms",
    "network.forms",
    "reporting.forms",
    "strategy.comparison_views",
    "strategy.editor.forms",
]
#: Forms that take no typed text, date or year, or belong to another piece of work.
EXEMPT = {
    # Its dates and year come from buttons on pages, not from typing; the PDF jobs own it.
    "reporting.pdf_forms.PdfRequestForm",
}


def forms_of_the_portal():
    found = []
    for module_name in FORM_MODULES:
        module = importlib.import_module(module_name)
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, forms.BaseForm) and cls.__module__ == module_name:
                found.append(cls)
    return found


def test_the_enumeration_finds_the_forms():
    names = {cls.__name__ for cls in forms_of_the_portal()}

    assert {"GuidanceActionForm", "EventForm", "StrategyForm", "ReportForm"} <= names
    assert len(names) >= 15


@pytest.mark.parametrize("form_class", forms_of_the_portal(), ids=lambda cls: cls.__name__)
def test_every_form_bounds_its_text_dates_and_years(form_class):
    assert issubclass(form_class, BoundedFormMixin), f"{form_class.__name__} is unbounded"
    fields = copy.deepcopy(form_class.base_fields)
    bound_fields(fields, form_class.year_bounds)

    for name, field in fields.items():
        if isinstance(field, forms.CharField):
            assert field.max_length is not None, name
            assert field.max_length <= MAX_TEXT_LENGTH, name
            if not field.widget.is_hidden:
                assert "maxlength" in field.widget.attrs or field.widget_attrs(field.widget), name
        if isinstance(field, forms.DateField | forms.DateTimeField):
            with pytest.raises(forms.ValidationError):
                field.clean(dt.date(1, 1, 1) if isinstance(field, forms.DateField) else None)
        if isinstance(field, forms.IntegerField) and (name == "year" or name.endswith("_year")):
            with pytest.raises(forms.ValidationError):
                field.clean(0)


@pytest.mark.django_db
def test_a_guidance_action_with_year_0_a_date_of_year_1_and_endless_text_is_refused(kotka):
    data = {
        "title": "Ohjauspäivä",
        "description": "x" * 100_000,
        "year": "0",
        "start_date": "0001-01-01",
        "end_date": "2101-01-01",
        "status": "ongoing",
    }

    with translation.override("fi"):
        form = GuidanceActionForm(data=data, organisation=kotka)
        valid = form.is_valid()
        rendered = str(form["description"]) + str(form["start_date"])

    assert not valid
    assert {"description", "year", "start_date", "end_date"} <= set(form.errors)
    assert "1.1.2000" in form.errors["start_date"][0]
    assert "31.12.2100" in form.errors["start_date"][0]
    assert "100000" in form.errors["description"][0]
    assert f'maxlength="{MAX_TEXT_LENGTH}"' in rendered
    assert f'min="{FIRST_DATE.isoformat()}"' in rendered
    assert f'max="{LAST_DATE.isoformat()}"' in rendered
    assert form["description"].value() == "x" * 100_000  # what was typed is shown again


@pytest.mark.django_db
def test_an_event_dated_in_year_1_is_refused(region, kotka):
    form = EventForm(
        data={"title": "Messut", "starts_on": "0001-01-01", "description": "y" * 10_001},
        region=region,
    )

    assert not form.is_valid()
    assert "description" in form.errors
    assert "starts_on" in form.errors


@pytest.mark.django_db
def test_strategy_years_and_a_reporting_deadline_are_bounded(region):
    strategy = StrategyForm(data={"start_year": "0", "end_year": "99999"})
    deadline = ReportingYearForm(data={"due_date": "0001-01-01", "instructions": ""})

    assert not strategy.is_valid()
    assert {"start_year", "end_year"} <= set(strategy.errors)
    assert not deadline.is_valid()
    assert "due_date" in deadline.errors


@pytest.mark.django_db
def test_an_indicators_baseline_may_be_older_statistics(strategy):
    form = IndicatorForm(strategy=strategy)

    assert form["baseline_year"].field.min_value == 1900
    assert form["target_year"].field.min_value == 2000


@pytest.mark.django_db
def test_the_questions_a_report_form_adds_itself_are_bounded_too():
    ReportingYear.objects.get_or_create(year=2025)  # opening a year writes its framework
    themes = list(
        Theme.objects.filter(reporting_year__year=2025).prefetch_related("sub_themes__levels")
    )
    form = ReportForm(themes=themes, answers={})

    added = [name for name in form.fields if name.startswith(("activities_", "examples_"))]
    assert added, "the reference framework has sub-themes"
    for name in added:
        assert form.fields[name].max_length is not None, name
        assert "maxlength=" in str(form[name])
