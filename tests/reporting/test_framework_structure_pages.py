"""The national team adds, moves and deletes themes and sub-themes of an open year in the
portal: an add form sent twice adds one row, a delete first says what goes with it, and a
fixed year refuses every one of these pages with the reason."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, ngettext

from reporting import framework_services, services
from reporting.models import Answer, Level, SubTheme, Theme
from tests.concurrency import form_data, post_twice_at_once

pytestmark = pytest.mark.django_db


def titles(year: int) -> list[str]:
    return list(
        Theme.objects.filter(reporting_year__year=year)
        .order_by("number")
        .values_list("title", flat=True)
    )


def sub_titles(theme: Theme) -> list[str]:
    return list(theme.sub_themes.order_by("number").values_list("title", flat=True))


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_a_theme_added_through_its_page_lands_at_the_end_once_however_often_sent(
    client_of, national_team, year_2021
):
    client = client_of(national_team)
    url = reverse("reporting:theme_add", args=[2021])
    assert url in client.get(reverse("reporting:framework", args=[2021])).content.decode()
    data = form_data(client.get(url), title="UUSI TEEMA", description="Kuvaus")

    first = client.post(url, data)
    second = client.post(url, data)

    theme = Theme.objects.get(reporting_year=year_2021, title="UUSI TEEMA")
    assert theme.number == 5
    assert first.status_code == second.status_code == 302
    assert (
        first.url
        == second.url
        == reverse("reporting:framework", args=[2021]) + (f"#teema-{theme.pk}")
    )
    with translation.override("fi"):
        assert messages_of(second)[-1] == gettext(
            "This form had already been sent and was saved once; here is what it saved."
        )


def test_a_sub_theme_with_its_ladder_is_added_once_however_often_sent(
    client_of, national_team, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=2)
    before = sub_titles(theme)
    client = client_of(national_team)
    url = reverse("reporting:sub_theme_add", args=[2021, theme.pk])
    data = form_data(client.get(url), title="Uusi alateema", level_1="Alku", level_3="Perillä")

    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302

    assert sub_titles(theme) == [*before, "Uusi alateema"]
    added = SubTheme.objects.get(theme=theme, title="Uusi alateema")
    assert list(added.levels.values_list("value", "title")) == [(1, "Alku"), (3, "Perillä")]


def test_an_add_form_without_a_level_is_refused_and_its_token_stays_free(
    client_of, national_team, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    client = client_of(national_team)
    url = reverse("reporting:sub_theme_add", args=[2021, theme.pk])
    data = form_data(client.get(url), title="Ilman tasoja")

    refused = client.post(url, data)
    assert refused.status_code == 200
    assert not SubTheme.objects.filter(title="Ilman tasoja").exists()

    assert client.post(url, {**data, "level_1": "Alku"}).status_code == 302
    assert SubTheme.objects.filter(title="Ilman tasoja").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_theme_form_sent_twice_at_once_adds_one_theme(client_of, national_team, year_2021):
    url = reverse("reporting:theme_add", args=[2021])
    data = form_data(client_of(national_team).get(url), title="SAMAAN AIKAAN")

    statuses = post_twice_at_once(national_team, url, data)

    assert statuses == [302, 302]
    assert Theme.objects.filter(title="SAMAAN AIKAAN").count() == 1


def test_themes_and_sub_themes_move_up_and_down_with_the_buttons(
    client_of, national_team, year_2021
):
    client = client_of(national_team)
    first, second = Theme.objects.filter(reporting_year=year_2021).order_by("number")[:2]
    order = titles(2021)

    response = client.post(
        reverse("reporting:theme_move", args=[2021, first.pk]), {"direction": "down"}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#teema-{first.pk}")
    assert titles(2021) == [order[1], order[0], *order[2:]]

    sub_themes = list(second.sub_themes.order_by("number"))
    client.post(
        reverse("reporting:sub_theme_move", args=[2021, sub_themes[1].pk]), {"direction": "up"}
    )
    assert sub_titles(second)[:2] == [sub_themes[1].title, sub_themes[0].title]


def test_a_move_without_a_direction_is_malformed_and_moves_nothing(
    client_of, national_team, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    order = titles(2021)

    response = client_of(national_team).post(
        reverse("reporting:theme_move", args=[2021, theme.pk]), {"direction": "sideways"}
    )

    assert response.status_code == 400
    assert titles(2021) == order


def test_a_theme_s_delete_says_what_goes_with_it_then_takes_it(
    client_of, national_team, draft, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    sub_count = theme.sub_themes.count()
    level_count = Level.objects.filter(sub_theme__theme=theme).count()
    order = titles(2021)
    client = client_of(national_team)
    url = reverse("reporting:theme_delete", args=[2021, theme.pk])

    page = client.get(url).content.decode()
    with translation.override("fi"):
        for words in (
            ngettext("%(count)s sub-theme", "%(count)s sub-themes", sub_count)
            % {"count": sub_count},
            ngettext("%(count)s level of a ladder", "%(count)s levels of ladders", level_count)
            % {"count": level_count},
            ngettext(
                "%(count)s answer in the draft reports of the year",
                "%(count)s answers in the draft reports of the year",
                sub_count,
            )
            % {"count": sub_count},
        ):
            assert words in page
    assert Theme.objects.filter(pk=theme.pk).exists()

    response = client.post(url)

    assert response.status_code == 302
    assert titles(2021) == order[1:]
    assert not Answer.objects.filter(report=draft, sub_theme__theme_id=theme.pk).exists()
    assert Theme.objects.get(reporting_year=year_2021, title=order[1]).number == 1


def test_a_sub_theme_s_delete_takes_its_levels_and_the_drafts_answers(
    client_of, national_team, draft, year_2021
):
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    first, *rest = theme.sub_themes.order_by("number")
    client = client_of(national_team)
    url = reverse("reporting:sub_theme_delete", args=[2021, first.pk])
    assert client.get(url).status_code == 200

    assert client.post(url).status_code == 302

    assert sub_titles(theme) == [sub_theme.title for sub_theme in rest]
    assert not Level.objects.filter(sub_theme_id=first.pk).exists()
    assert not Answer.objects.filter(sub_theme_id=first.pk).exists()


def test_a_fixed_year_refuses_every_add_move_and_delete_page_with_the_reason(
    client_of, national_team, coordinator, draft, year_2021
):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    sub_theme = theme.sub_themes.order_by("number").first()
    order = titles(2021)
    client = client_of(national_team)
    framework_url = reverse("reporting:framework", args=[2021])
    with translation.override("fi"):
        reason = framework_services.fixed_message(2021)

    page = client.get(framework_url).content.decode()
    for name, args in [
        ("theme_add", [2021]),
        ("sub_theme_add", [2021, theme.pk]),
        ("theme_move", [2021, theme.pk]),
        ("sub_theme_move", [2021, sub_theme.pk]),
        ("theme_delete", [2021, theme.pk]),
        ("sub_theme_delete", [2021, sub_theme.pk]),
    ]:
        url = reverse(f"reporting:{name}", args=args)
        assert url not in page
        if not name.endswith("_move"):
            opened = client_of(national_team).get(url)
            assert (opened.status_code, opened.url) == (302, framework_url), name
            assert messages_of(opened) == [reason], name
        sent = client_of(national_team).post(
            url, {"title": "MYÖHÄÄN", "level_1": "Alku", "direction": "down"}
        )
        assert (sent.status_code, sent.url) == (302, framework_url), name
        assert messages_of(sent) == [reason], name

    assert titles(2021) == order
    assert sub_titles(theme)[0] == sub_theme.title
    assert not SubTheme.objects.filter(title="MYÖHÄÄN").exists()
