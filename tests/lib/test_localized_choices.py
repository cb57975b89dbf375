"""Choice labels of translated objects: the page's language, plain text, Finnish otherwise."""

import pytest
from django import forms
from django.utils import translation

from actions.models import TargetGroup
from lib.localized_choices import LocalizedLabel, localize_labels
from strategy.models import FocusArea


def test_a_label_is_the_swedish_name_on_a_swedish_page_and_the_finnish_one_without_markup():
    youth = TargetGroup(name="Nuoret", name_sv="Unga")
    students = TargetGroup(name="Opiskelijat")

    with translation.override("sv"):
        assert LocalizedLabel("name")(youth) == "Unga"
        assert LocalizedLabel("name")(students) == "Opiskelijat"
        assert type(LocalizedLabel("name")(students)) is str
    with translation.override("fi"):
        assert LocalizedLabel("name")(youth) == "Nuoret"


def test_a_numbered_label_puts_the_number_first():
    area = FocusArea(number=2, title="YHTEISTYÖ", title_sv="SAMARBETE")

    with translation.override("sv"):
        assert LocalizedLabel(numbered=True)(area) == "2. SAMARBETE"


def test_only_a_model_choice_field_is_localized():
    with pytest.raises(TypeError):
        localize_labels(forms.CharField())
