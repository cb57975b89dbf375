"""Two people of the national team edit the same theme or sub-theme: the save read before
the other's is refused, what the person typed is kept and the form says what changed."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reporting.models import SubTheme, Theme
from tests.concurrency import form_data, read_version
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

REFUSAL = (
    "Someone else saved this while you had it open, so your changes were not saved. "
    "They are kept in the form below. Compare them with the current values and save "
    "again to replace the current values with yours."
)


@pytest.fixture
def colleague(db):
    return UserFactory(email="kollega@elo.example", is_national_team=True)


def test_the_second_save_of_a_theme_read_before_the_first_is_refused(
    client_of, national_team, colleague, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    url = reverse("reporting:theme_edit", args=[2021, theme.pk])
    first, second = client_of(national_team), client_of(colleague)
    first_form, second_form = first.get(url), second.get(url)

    assert first.post(url, form_data(first_form, title="ENSIMMÄINEN")).status_code == 302
    refused = second.post(url, form_data(second_form, title="TOINEN"))

    assert refused.status_code == 200
    assert Theme.objects.get(pk=theme.pk).title == "ENSIMMÄINEN"
    form = refused.context["form"]
    assert form["title"].value() == "TOINEN"
    assert [(c.yours, c.current) for c in form.stale_changes] == [("TOINEN", "ENSIMMÄINEN")]
    with translation.override("fi"):
        assert gettext(REFUSAL).replace("'", "&#x27;") in refused.content.decode()

    # The refused form now carries the current version: saving again replaces it knowingly.
    again = second.post(url, form_data(refused, title="TOINEN"))
    assert again.status_code == 302
    assert Theme.objects.get(pk=theme.pk).title == "TOINEN"


def test_a_ladder_changed_meanwhile_refuses_a_sub_theme_form_read_before_it(
    client_of, national_team, colleague, year_2021
):
    sub_theme = SubTheme.objects.filter(theme__reporting_year=year_2021).first()
    levels = list(sub_theme.levels.values_list("value", "title"))
    url = reverse("reporting:sub_theme_edit", args=[2021, sub_theme.pk])
    first, second = client_of(national_team), client_of(colleague)
    first_form, second_form = first.get(url), second.get(url)

    assert first.post(url, form_data(first_form, level_1="Uusi alku")).status_code == 302
    refused = second.post(url, form_data(second_form, title="Toisen otsikko"))

    assert refused.status_code == 200
    sub_theme.refresh_from_db()
    assert sub_theme.title != "Toisen otsikko"
    assert sub_theme.levels.get(value=1).title == "Uusi alku"
    changes = refused.context["form"].stale_changes
    assert [(c.yours, c.current) for c in changes] == [(levels[0][1], "Uusi alku")]
    assert read_version(refused) != read_version(second_form)


def test_a_form_sent_without_a_version_is_saved_as_before(client_of, national_team, year_2021):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)

    response = client_of(national_team).post(
        reverse("reporting:theme_edit", args=[2021, theme.pk]), {"title": "ILMAN VERSIOTA"}
    )

    assert response.status_code == 302
    assert Theme.objects.get(pk=theme.pk).title == "ILMAN VERSIOTA"
