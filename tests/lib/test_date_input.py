"""Every date field of the portal's forms uses the one date widget (``lib.forms.DateInput``):
the browser's date picker, showing and sending ISO dates."""

import datetime as dt
import inspect

import pytest
from django import forms

from actions import forms as actions_forms
from events import forms as events_forms
from lib.forms import DateInput
from reporting import forms as reporting_forms
from strategy.editor import forms as editor_forms

FORMS = [
    form
    for module in (actions_forms, events_forms, editor_forms, reporting_forms)
    for _name, form in inspect.getmembers(module, inspect.isclass)
    if issubclass(form, forms.BaseForm) and form.__module__ == module.__name__
]
DATE_FIELDS = [
    pytest.param(form, name, id=f"{form.__name__}.{name}")
    for form in FORMS
    for name, field in form.base_fields.items()
    if isinstance(field, forms.DateField)
]


def test_there_are_date_fields_to_check():
    assert len(DATE_FIELDS) >= 6


@pytest.mark.parametrize(("form", "name"), DATE_FIELDS)
def test_each_date_field_uses_the_portals_date_picker(form, name):
    widget = form.base_fields[name].widget

    assert isinstance(widget, DateInput)
    html = widget.render(name, dt.date(2024, 3, 1))  # in ISO, not the Finnish 1.3.2024
    assert 'type="date"' in html
    assert 'value="2024-03-01"' in html
