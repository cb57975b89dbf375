"""The framework's wording in Swedish and English: the national team writes it beside the
Finnish on the theme and sub-theme forms, a translation saved meanwhile stops a stale save,
the year's instructions have theirs, and a new year's copy of the framework keeps them all."""

from __future__ import annotations

import pytest
from django.urls import reverse

from reporting.models import Level, LevelActivity, ReportingYear, SubTheme, Theme
from tests.concurrency import form_data
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_theme_form_saves_the_swedish_and_english_beside_the_finnish(
    client_of, national_team, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    url = reverse("reporting:theme_edit", args=[2021, theme.pk])
    client = client_of(national_team)
    opened = client.get(url)
    assert opened.content.decode().count('class="translated-field"') == 2

    saved = client.post(
        url, form_data(opened, title_sv="Vägledningens tillgänglighet", description_en="Reach")
    )

    assert saved.status_code == 302
    theme.refresh_from_db()
    assert (theme.title_sv, theme.description_en) == ("Vägledningens tillgänglighet", "Reach")
    # The form opened again shows what was saved.
    assert client.get(url).context["form"]["title_sv"].value() == "Vägledningens tillgänglighet"


def test_a_new_sub_theme_keeps_its_translations(client_of, national_team, year_2021):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    url = reverse("reporting:sub_theme_add", args=[2021, theme.pk])
    client = client_of(national_team)
    opened = client.get(url)

    saved = client.post(
        url,
        form_data(opened, title="Uusi alateema", title_sv="Nytt underteman", level_1="Alkuvaihe"),
    )

    assert saved.status_code == 302
    assert SubTheme.objects.get(title="Uusi alateema").title_sv == "Nytt underteman"


def test_a_swedish_title_saved_meanwhile_refuses_the_sub_theme_form_read_before_it(
    client_of, national_team, year_2021
):
    colleague = UserFactory(email="kollega@elo.example", is_national_team=True)
    sub_theme = SubTheme.objects.filter(theme__reporting_year=year_2021).first()
    url = reverse("reporting:sub_theme_edit", args=[2021, sub_theme.pk])
    first, second = client_of(national_team), client_of(colleague)
    first_form, second_form = first.get(url), second.get(url)

    assert first.post(url, form_data(first_form, title_sv="Första")).status_code == 302
    refused = second.post(url, form_data(second_form, title_sv="Andra"))

    assert refused.status_code == 200
    assert [(c.yours, c.current) for c in refused.context["form"].stale_changes] == [
        ("Andra", "Första")
    ]
    assert SubTheme.objects.get(pk=sub_theme.pk).title_sv == "Första"


def test_the_year_form_writes_the_instructions_in_swedish_and_english(
    client_of, national_team, year_2021
):
    url = reverse("reporting:year_edit", args=[2021])
    client = client_of(national_team)
    opened = client.get(url)

    saved = client.post(url, form_data(opened, instructions_sv="Anvisningar", due_date=""))

    assert saved.status_code == 302, saved.context["form"].errors
    assert ReportingYear.objects.get(year=2021).instructions_sv == "Anvisningar"


def test_a_new_year_copies_the_framework_with_its_translations(year_2021):
    Theme.objects.filter(reporting_year=year_2021, number=1).update(
        title_sv="Tema ett", description_en="Theme one"
    )
    sub_theme = SubTheme.objects.filter(theme__reporting_year=year_2021).order_by("pk").first()
    SubTheme.objects.filter(pk=sub_theme.pk).update(title_en="Sub-theme", description_sv="Besk")
    level = Level.objects.filter(sub_theme=sub_theme, value=1).get()
    Level.objects.filter(pk=level.pk).update(title_sv="Nivå ett")
    LevelActivity.objects.create(level=level, position=99, text="Toiminta", text_en="Activity")

    ReportingYear.objects.create(year=2022)

    theme = Theme.objects.get(reporting_year__year=2022, number=1)
    assert (theme.title_sv, theme.description_en) == ("Tema ett", "Theme one")
    copy = SubTheme.objects.get(
        theme__reporting_year__year=2022,
        theme__number=sub_theme.theme.number,
        number=sub_theme.number,
    )
    assert (copy.title_en, copy.description_sv) == ("Sub-theme", "Besk")
    assert copy.levels.get(value=1).title_sv == "Nivå ett"
    assert LevelActivity.objects.get(level__sub_theme=copy, position=99).text_en == "Activity"
