"""The national team changes a year's framework until its first report is submitted: then
every change is refused under the year's row lock, which the submission takes too."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, transaction
from django.utils import translation

from lib.scoping import scopes_disabled
from reporting import framework_services as editing
from reporting import services
from reporting.models import AnnualReport, Answer, Level, SubTheme, Theme

pytestmark = pytest.mark.django_db


def outline(year: int) -> list[tuple[int, int, str]]:
    return list(
        SubTheme.objects.filter(theme__reporting_year__year=year)
        .order_by("theme__number", "number")
        .values_list("theme__number", "number", "title")
    )


def test_the_national_team_adds_renames_moves_and_deletes_themes(year_2021, national_team):
    first, second = Theme.objects.filter(reporting_year=year_2021).order_by("number")[:2]

    theme = editing.add_theme(year_2021, "UUSI TEEMA", "Kuvaus", national_team)
    assert theme.number == 5
    editing.change_theme(first, "UUSI NIMI", "", national_team)
    editing.move_theme(first, up=False, user=national_team)

    themes = list(
        Theme.objects.filter(reporting_year=year_2021).order_by("number").values_list("title")
    )
    assert themes[0] == (second.title,)
    assert themes[1] == ("UUSI NIMI",)
    editing.move_theme(Theme.objects.get(pk=second.pk), up=True, user=national_team)  # first
    assert Theme.objects.get(pk=second.pk).number == 1

    editing.delete_theme(Theme.objects.get(pk=second.pk), national_team)
    assert list(
        Theme.objects.filter(reporting_year=year_2021).order_by("number").values_list("number")
    ) == [(1,), (2,), (3,), (4,)]
    assert Theme.objects.get(pk=first.pk).number == 1


def test_sub_themes_and_ladders_change_and_drafts_follow(year_2021, draft, national_team):
    theme = Theme.objects.get(reporting_year=year_2021, number=2)
    first = SubTheme.objects.get(theme=theme, number=1)
    draft.answers.filter(sub_theme=first).update(level=4)

    added = editing.add_sub_theme(theme, "Uusi alateema", "", {1: "Alku", 2: "Loppu"}, None)
    assert added.number == theme.sub_themes.count()
    assert list(added.levels.values_list("value", "title")) == [(1, "Alku"), (2, "Loppu")]

    # Level 4 goes: the draft's answer on it loses its level; level 1 is renamed.
    editing.change_sub_theme(
        first, "Viestintä uudelleen", "", {1: "Ei mitään", 2: "x", 3: "y", 4: ""}, None
    )
    assert list(first.levels.values_list("value", "title")) == [
        (1, "Ei mitään"),
        (2, "x"),
        (3, "y"),
    ]
    assert draft.answers.get(sub_theme=first).level is None
    # The draft answers the new sub-theme once saved; submitting asks for its level.
    assert added in services.missing_levels(draft)

    editing.delete_sub_theme(first, None)
    assert not Answer.objects.filter(sub_theme_id=first.pk).exists()
    assert list(theme.sub_themes.order_by("number").values_list("number", flat=True)) == list(
        range(1, theme.sub_themes.count() + 1)
    )


@pytest.fixture
def fixed(draft, coordinator, year_2021):
    """2021 with KASELO's report submitted: its framework is fixed."""
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    return year_2021


def test_every_change_of_a_fixed_year_is_refused_with_a_reason_and_nothing_changes(
    fixed, national_team
):
    before = outline(2021)
    levels = Level.objects.filter(sub_theme__theme__reporting_year=fixed).count()
    theme = Theme.objects.filter(reporting_year=fixed).first()
    sub_theme = SubTheme.objects.filter(theme=theme).first()
    changes = [
        lambda: editing.add_theme(fixed, "X", "", national_team),
        lambda: editing.change_theme(theme, "X", "", national_team),
        lambda: editing.move_theme(theme, False, national_team),
        lambda: editing.delete_theme(theme, national_team),
        lambda: editing.add_sub_theme(theme, "X", "", {1: "a"}, national_team),
        lambda: editing.change_sub_theme(sub_theme, "X", "", {1: "a"}, national_team),
        lambda: editing.move_sub_theme(sub_theme, False, national_team),
        lambda: editing.delete_sub_theme(sub_theme, national_team),
    ]
    for change in changes:
        with translation.override("fi"), pytest.raises(editing.FrameworkFixed) as refused:
            change()
        assert str(refused.value) == editing.fixed_message(2021)
    assert outline(2021) == before
    assert Level.objects.filter(sub_theme__theme__reporting_year=fixed).count() == levels


@pytest.mark.django_db(transaction=True)
def test_a_submission_racing_a_framework_edit_cannot_slip_past(
    region, coordinator, national_team, framework
):
    """The edit holds the year's lock; the submission waits for it, so the report is
    submitted on the changed framework. An edit after the submission is refused."""
    report = services.start_report(region, 2021, coordinator)
    Answer.objects.filter(report=report).update(level=1)
    theme = Theme.objects.get(reporting_year__year=2021, number=1)
    locked = threading.Event()
    submitted = threading.Event()
    errors: list[BaseException] = []

    def submit() -> None:
        try:
            locked.wait(timeout=10)
            with scopes_disabled():  # a thread of its own: the test's scope is not here
                services.submit_report(AnnualReport.objects.get(pk=report.pk), coordinator)
            submitted.set()
        except BaseException as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=submit)
    thread.start()
    with transaction.atomic():
        editing.change_theme(theme, "MUUTETTU ENSIN", "", national_team)
        locked.set()
        # The submission is blocked on the year's row while this edit is open.
        assert not submitted.wait(timeout=1.5)
    thread.join(timeout=30)
    assert not errors, errors
    assert submitted.is_set()
    version = report.versions.get()
    assert version.snapshot["themes"][0]["title"] == "MUUTETTU ENSIN"
    with pytest.raises(editing.FrameworkFixed):
        editing.change_theme(theme, "LIIAN MYÖHÄÄN", "", national_team)
