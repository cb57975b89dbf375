"""Translated content (lib.translation): the active language's text, else the Finnish one marked
lang="fi"; the Swedish and English columns beside each Finnish field; forms group the three."""

import pytest
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.template import Context, Template
from django.utils import translation

from lib.translation import (
    localized,
    translated,
    translation_field_names,
    translations,
    translations_of,
    with_translations,
)
from network.models import Region
from strategy.models import FocusArea, Goal


def render(source: str, **context: object) -> str:
    return Template("{% load localized %}" + source).render(Context(context))


def test_finnish_page_reads_the_finnish_field_without_marking() -> None:
    goal = Goal(title="Ohjaus saavutettavaksi", title_sv="Tillgänglig vägledning")
    with translation.override("fi"):
        text = localized(goal, "title")
        assert text == "Ohjaus saavutettavaksi"
        assert (text.lang, text.fallback) == ("fi", False)
        assert render("{{ goal.tr.title }}", goal=goal) == "Ohjaus saavutettavaksi"


def test_swedish_page_reads_the_swedish_translation() -> None:
    goal = Goal(title="Ohjaus saavutettavaksi", title_sv="Tillgänglig vägledning")
    with translation.override("sv"):
        text = localized(goal, "title")
        assert text == "Tillgänglig vägledning"
        assert (text.lang, text.fallback) == ("sv", False)
        assert render("{{ goal.tr.title }}", goal=goal) == "Tillgänglig vägledning"


def test_a_missing_translation_falls_back_to_finnish_marked_lang_fi() -> None:
    goal = Goal(title="Ohjaus <kaikille>", title_sv="", title_en="  ")
    for language in ("sv", "en"):
        with translation.override(language):
            text = localized(goal, "title")
            assert (str(text), text.lang, text.fallback) == ("Ohjaus <kaikille>", "fi", True)
            html = render("{{ goal.tr.title }}", goal=goal)
            assert html == '<span lang="fi">Ohjaus &lt;kaikille&gt;</span>'
            # Attributes and <title> take the text without markup.
            assert render("{{ goal.tr.title.plain }}", goal=goal) == "Ohjaus &lt;kaikille&gt;"


def test_an_empty_finnish_text_renders_nothing_even_as_a_fallback() -> None:
    area = FocusArea(title="Otsikko", description="")
    with translation.override("sv"):
        assert render("[{{ area.tr.description }}]", area=area) == "[]"


def test_paragraphs_of_a_fallback_are_marked_as_one_block() -> None:
    area = FocusArea(title="x", description="Ensimmäinen.\n\nToinen.")
    with translation.override("sv"):
        html = render("{{ area.tr.description|localized_paragraphs }}", area=area)
    assert html == '<div lang="fi"><p>Ensimmäinen.</p>\n\n<p>Toinen.</p></div>'
    area.description_sv = "Första.\n\nAndra."
    with translation.override("sv"):
        html = render("{{ area.tr.description|localized_paragraphs }}", area=area)
    assert html == "<p>Första.</p>\n\n<p>Andra.</p>"


def test_only_translated_fields_are_read_through_tr() -> None:
    goal = Goal(title="x")
    with pytest.raises(AttributeError):
        _ = goal.tr.focus_area  # type: ignore[attr-defined]


def test_translation_columns_are_optional_copies_of_the_finnish_field() -> None:
    source = Region._meta.get_field("name")
    assert source.unique
    for name in translation_field_names("name"):
        copy = Region._meta.get_field(name)
        assert type(copy) is type(source)
        assert copy.max_length == source.max_length
        assert copy.blank
        assert not copy.unique
    with translation.override("fi"):
        assert str(Region._meta.get_field("name_sv").verbose_name) == "nimi (ruotsiksi)"


def test_history_keeps_the_translations_too() -> None:
    historical = Goal.history.model  # type: ignore[attr-defined]
    assert {"title_sv", "title_en"} <= {field.name for field in historical._meta.fields}


def test_declaring_a_translated_field_without_its_columns_fails_loudly() -> None:
    # The region's abbreviation has no Swedish or English column; the check fails before the
    # model is touched.
    with pytest.raises(FieldDoesNotExist):
        translated("abbreviation")(Region)
    assert "abbreviation" not in Region.translated_fields  # type: ignore[attr-defined]


def test_the_helpers_name_every_column_in_order() -> None:
    assert with_translations(FocusArea, ["number", "title", "national_goals"]) == [
        "number",
        "title",
        "title_sv",
        "title_en",
        "national_goals",
    ]
    goal = Goal(title="a", title_sv="b", title_en="c")
    assert translations_of(goal, "title") == {"title_sv": "b", "title_en": "c"}
    sv, en = translations(models.TextField("text"))
    assert isinstance(sv, models.TextField)
    assert isinstance(en, models.TextField)


class GoalForm(forms.ModelForm):
    class Meta:
        model = Goal
        fields = with_translations(Goal, ["title"])


def test_a_form_shows_the_three_languages_side_by_side_in_one_group() -> None:
    with translation.override("fi"):
        html = str(GoalForm())
    assert html.count('class="translated-field"') == 1
    group = html[html.index('class="translated-field"') :]
    assert "suomeksi, ruotsiksi ja englanniksi" in group
    for name, code in (("title", "fi"), ("title_sv", "sv"), ("title_en", "en")):
        assert f'name="{name}"' in group
        start = group.index(f'name="{name}"')
        tag = group[group.rindex("<", 0, start) : group.index(">", start)]
        assert f'lang="{code}"' in tag, tag
