"""The national team's pages of a year's framework: renaming a theme, changing a sub-theme
and its ladder while the year is open, and a clear reason once it is fixed."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reporting import framework_services, services
from reporting.models import SubTheme, Theme

pytestmark = pytest.mark.django_db


def test_the_national_team_renames_a_theme_and_changes_a_ladder(
    client_of, national_team, coordinator, region, draft, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    sub_theme = SubTheme.objects.filter(theme=theme).order_by("number").first()
    client = client_of(national_team)
    page = client.get(reverse("reporting:framework", args=[2021]))
    assert reverse("reporting:theme_edit", args=[2021, theme.pk]) in page.content.decode()

    response = client.post(
        reverse("reporting:theme_edit", args=[2021, theme.pk]),
        {"title": "VERKOSTON TOIMINTA", "description": ""},
    )
    assert response.status_code == 302
    client.post(
        reverse("reporting:sub_theme_edit", args=[2021, sub_theme.pk]),
        {"title": "Uusi alateema", "description": "", "level_1": "Alku", "level_2": "Perillä"},
    )

    form = client_of(coordinator).get(reverse("reports:edit", args=[region.slug, 2021]))
    html = form.content.decode()
    assert "1. VERKOSTON TOIMINTA" in html
    assert "1.1 Uusi alateema" in html
    assert list(sub_theme.levels.values_list("value", "title")) == [(1, "Alku"), (2, "Perillä")]


def test_a_ladder_without_levels_is_refused_and_nothing_is_saved(
    client_of, national_team, year_2021
):
    sub_theme = SubTheme.objects.filter(theme__reporting_year=year_2021).first()
    levels = list(sub_theme.levels.values_list("value", "title"))

    response = client_of(national_team).post(
        reverse("reporting:sub_theme_edit", args=[2021, sub_theme.pk]),
        {"title": "Uusi", "description": ""},
    )

    assert response.status_code == 200
    with translation.override("fi"):
        assert gettext("Give the ladder at least one level.") in response.content.decode()
    sub_theme.refresh_from_db()
    assert sub_theme.title != "Uusi"
    assert list(sub_theme.levels.values_list("value", "title")) == levels


def test_a_fixed_year_s_pages_say_why_and_change_nothing(
    client_of, national_team, coordinator, draft, year_2021
):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    client = client_of(national_team)
    with translation.override("fi"):
        reason = framework_services.fixed_message(2021)

    page = client.get(reverse("reporting:framework", args=[2021])).content.decode()
    assert reason.replace("'", "&#x27;") in page
    assert reverse("reporting:theme_edit", args=[2021, theme.pk]) not in page

    response = client.post(
        reverse("reporting:theme_edit", args=[2021, theme.pk]), {"title": "MYÖHÄÄN"}
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [reason]
    assert Theme.objects.get(pk=theme.pk).title == theme.title


def test_a_theme_of_another_year_is_not_found_under_this_one(
    client_of, national_team, framework, year_2021
):
    theme_2016 = Theme.objects.get(reporting_year__year=2016, number=1)

    response = client_of(national_team).get(
        reverse("reporting:theme_edit", args=[2021, theme_2016.pk])
    )

    assert response.status_code == 404


def test_the_framework_page_s_queries_do_not_grow_with_themes(
    client_of, national_team, year_2021, django_assert_max_num_queries
):
    client = client_of(national_team)
    url = reverse("reporting:framework", args=[2021])
    client.get(url)  # the session and the sign-in are read once
    with django_assert_max_num_queries(12) as first:
        assert client.get(url).status_code == 200

    for number in (7, 8, 9):
        theme = framework_services.add_theme(year_2021, f"LISÄTEEMA {number}", "", national_team)
        ladder = {1: "Alku", 2: "Kehittyvä", 3: "Vakiintunut"}
        framework_services.add_sub_theme(theme, f"Alateema {number}", "", ladder, national_team)
    with django_assert_max_num_queries(len(first.captured_queries)):
        assert client.get(url).status_code == 200
