"""The reporting pages in Swedish: the framework's themes, sub-themes, levels and their
activities, the year's instructions, a report's page (a draft read live, a submitted one
from its snapshot, worded as on the day it was submitted) and the national summary, with
the Finnish text marked lang="fi" where nothing is translated."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from network.models import Region
from reporting import services
from reporting.models import Level, LevelActivity, SubTheme, Theme
from reporting.services import AnswerInput, ReportInput
from tests.reporting.conftest import form_data
from tests.translated_pages import assert_no_misplaced_markup, page_title, swedish_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_framework(framework, year_2021, region):
    """Theme 1, its first sub-theme, that sub-theme's first level and one of the level's own
    activities in Swedish; the year's instructions only in Finnish; KASELO's Swedish name."""
    theme = Theme.objects.get(reporting_year=year_2021, number=1)
    theme.title_sv = "NÄTVERKETS VERKSAMHET"
    theme.save()
    sub_theme = SubTheme.objects.filter(theme=theme).order_by("number").first()
    sub_theme.title_sv = "Nätverkets sammansättning"
    sub_theme.save()
    level = Level.objects.filter(sub_theme=sub_theme).order_by("value").first()
    level.title_sv = "Nätverket har grundats"
    level.save()
    activity = LevelActivity.objects.filter(level__sub_theme__theme=theme).first()
    activity.text_sv = "Nätverket träffas regelbundet"
    activity.save()
    year_2021.instructions = "Kirjoittakaa lyhyesti.\n\nKiitos."
    year_2021.save()
    region.name_sv = "Sydöstra Finland"
    region.save()
    # The framework's headings come with Swedish names; this one loses its own.
    other_sub_theme = SubTheme.objects.filter(theme=theme).order_by("number")[1]
    other_sub_theme.title_sv = ""
    other_sub_theme.save()
    return SimpleNamespace(theme=theme, sub_theme=sub_theme, other=other_sub_theme)


def test_the_swedish_framework_page_shows_the_swedish_wording_and_marks_the_finnish(
    client_of, national_team, swedish_framework
):
    _theme, sub_theme, other = unpack(swedish_framework)

    response = client_of(national_team).get(swedish_url("reporting:framework", 2021))

    assertContains(response, "1. NÄTVERKETS VERKSAMHET")
    assertContains(response, f"1.{sub_theme.number} Nätverkets sammansättning")
    assertContains(response, ">Nätverket har grundats")
    assertContains(response, "<li>Nätverket träffas regelbundet</li>")
    assertContains(response, f'1.{other.number} <span lang="fi">{other.title}</span>')
    assert_no_misplaced_markup(response.content.decode())


def test_a_swedish_draft_report_page_reads_the_framework_and_instructions_in_swedish(
    client_of, coordinator, region, draft, swedish_framework
):
    _theme, sub_theme, other = unpack(swedish_framework)
    client = client_of(coordinator)
    client.post(reverse("reports:edit", args=[region.slug, 2021]), form_data(draft_sub_themes()))

    response = client.get(swedish_url("reports:detail", region=region.slug, year=2021))
    html = response.content.decode()

    assertContains(response, "Sydöstra Finland</h1>")
    assertContains(response, "1. NÄTVERKETS VERKSAMHET</h2>")
    assertContains(response, f"1.{sub_theme.number} Nätverkets sammansättning</h3>")
    assertContains(response, "1 – Nätverket har grundats")  # noqa: RUF001
    assertContains(response, f'1.{other.number} <span lang="fi">{other.title}</span>')
    # The instructions are only in Finnish: their paragraphs come marked as Finnish.
    assertContains(response, '<div lang="fi"><p>Kirjoittakaa lyhyesti.</p>')
    assert "<span" not in page_title(html)
    assert_no_misplaced_markup(html)


def test_a_submitted_report_reads_the_swedish_wording_it_was_submitted_with(
    client_of, coordinator, region, draft, swedish_framework
):
    _theme, sub_theme, other = unpack(swedish_framework)
    client = client_of(coordinator)
    client.post(reverse("reports:edit", args=[region.slug, 2021]), form_data(draft_sub_themes()))
    assert client.post(reverse("reports:submit", args=[region.slug, 2021])).status_code == 302
    # Translated after the submission: the version keeps the wording it was submitted with.
    other.title_sv = "Senare översättning"
    other.save()

    response = client.get(swedish_url("reports:detail", region=region.slug, year=2021))

    assertContains(response, "1. NÄTVERKETS VERKSAMHET</h2>")
    assertContains(response, f"1.{sub_theme.number} Nätverkets sammansättning</h3>")
    assertContains(response, "1 – Nätverket har grundats")  # noqa: RUF001
    assertContains(response, f'1.{other.number} <span lang="fi">{other.title}</span>')
    assertNotContains(response, "Senare översättning")
    assert_no_misplaced_markup(response.content.decode())


def test_the_finnish_report_page_is_unchanged(
    client_of, coordinator, region, draft, swedish_framework
):
    theme, sub_theme, _other = unpack(swedish_framework)

    response = client_of(coordinator).get(reverse("reports:detail", args=[region.slug, 2021]))

    assertContains(response, f"1. {theme.title}</h2>")
    assertContains(response, f"1.{sub_theme.number} {sub_theme.title}</h3>")
    assertContains(response, "<p>Kirjoittakaa lyhyesti.</p>")
    assertNotContains(response, "NÄTVERKETS")
    assertNotContains(response, '<span lang="fi">')
    assertNotContains(response, '<div lang="fi">')


def test_the_swedish_national_summary_names_themes_levels_and_regions_in_swedish(
    client_of, national_team, swedish_framework
):
    # A region whose Swedish name nobody has written reads in Finnish, marked.
    Region.objects.filter(slug="etela-savo").update(name_sv="")

    response = client_of(national_team).get(swedish_url("reporting:summary", 2016))
    html = response.content.decode()

    # 2016's framework is its own: only its regions' names are translated here.
    assertContains(response, '<th scope="row">Sydöstra Finland</th>')
    assertContains(response, '<th scope="row"><span lang="fi">Etelä-Savo</span></th>')
    assert_no_misplaced_markup(html)


def test_the_swedish_national_summary_of_2021_shows_the_swedish_framework(
    client_of, coordinator, national_team, region, draft, swedish_framework
):
    _theme, sub_theme, other = unpack(swedish_framework)
    client = client_of(coordinator)
    client.post(reverse("reports:edit", args=[region.slug, 2021]), form_data(draft_sub_themes()))
    client.post(reverse("reports:submit", args=[region.slug, 2021]))

    response = client_of(national_team).get(swedish_url("reporting:summary", 2021))
    html = response.content.decode()

    assertContains(response, "1. NÄTVERKETS VERKSAMHET</h2>")
    assertContains(response, f"1.{sub_theme.number} Nätverkets sammansättning</h3>")
    assertContains(response, "1 Nätverket har grundats</h4>")
    assertContains(response, "<li>Nätverket träffas regelbundet</li>")
    assertContains(response, f'<abbr title="{sub_theme.title_sv}">')
    assertContains(response, f'<abbr title="{other.title}">')
    assert_no_misplaced_markup(html)


def draft_sub_themes():
    return list(
        SubTheme.objects.filter(theme__reporting_year__year=2021)
        .select_related("theme")
        .order_by("theme__number", "number")
    )


def unpack(translated):
    return translated.theme, translated.sub_theme, translated.other


def test_the_swedish_compare_page_names_the_changed_sub_theme_and_its_levels_in_swedish(
    client_of, coordinator, national_team, region, draft, swedish_framework
):
    _theme, sub_theme, _other = unpack(swedish_framework)
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    services.return_report(draft, national_team, "Tarkentakaa.")
    services.save_answers(
        draft,
        ReportInput(summary="", answers={sub_theme.pk: AnswerInput(2, "Uusi rivi", "")}),
    )
    services.submit_report(draft, coordinator)

    response = client_of(coordinator).get(
        swedish_url("reports:compare", region=region.slug, year=2021), {"old": 1, "new": 2}
    )

    assertContains(
        response, f"{sub_theme.theme.number}.{sub_theme.number} Nätverkets sammansättning"
    )
    assertContains(response, "1 – Nätverket har grundats")  # noqa: RUF001
    assert_no_misplaced_markup(response.content.decode())
