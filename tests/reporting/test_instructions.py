"""The year's instructions, as the national team wrote them, where the coordinator needs them:
on the report form, on a draft's page and in the reminders of that year."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from reporting import tasks
from reporting.models import ReportingYear

pytestmark = pytest.mark.django_db

INSTRUCTIONS = "Kuvatkaa vuoden tärkein työ.\n\nKäyttäkää <b>esimerkkejä</b> & lukuja."


def heading(year: int) -> str:
    with translation.override("fi"):
        return gettext("The national team's instructions for %(year)s") % {"year": year}


@pytest.fixture
def instructed(year_2021):
    year_2021.instructions = INSTRUCTIONS
    year_2021.save()
    return year_2021


def test_the_report_form_shows_the_year_s_instructions_in_paragraphs_and_escaped(
    client_of, region, coordinator, draft, instructed
):
    page = client_of(coordinator).get(reverse("reports:edit", args=[region.slug, 2021]))

    html = page.content.decode()
    assert heading(2021) in html
    assert "<p>Kuvatkaa vuoden tärkein työ.</p>" in html
    assert "<p>Käyttäkää &lt;b&gt;esimerkkejä&lt;/b&gt; &amp; lukuja.</p>" in html
    assert "<b>esimerkkejä</b>" not in html


def test_a_draft_s_page_shows_the_instructions_and_a_submitted_one_does_not(
    client_of, region, coordinator, draft, instructed
):
    client = client_of(coordinator)
    detail = reverse("reports:detail", args=[region.slug, 2021])
    assert heading(2021) in client.get(detail).content.decode()

    draft.status = draft.Status.SUBMITTED
    draft.save()
    assert heading(2021) not in client.get(detail).content.decode()


def test_a_year_without_instructions_shows_no_empty_box(client_of, region, coordinator, draft):
    page = client_of(coordinator).get(reverse("reports:edit", args=[region.slug, 2021]))

    assert "report-instructions" not in page.content.decode()


def test_the_reminder_carries_the_year_s_instructions(
    eager_tasks, django_capture_on_commit_callbacks, mailoutbox, region, coordinator
):
    ReportingYear.objects.create(
        year=2024,
        due_date=dt.date(2025, 3, 31),
        reminder_days=[7],
        instructions=INSTRUCTIONS,
    )
    moment = dt.datetime(2025, 3, 24, 7, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Helsinki"))
    with (
        time_machine.travel(moment, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        tasks.send_reminders()

    [message] = mailoutbox
    with translation.override("fi"):
        lead = gettext("The national team's instructions for the report:")
    # Plain text as written: the paragraphs kept, nothing escaped.
    assert f"{lead}\n\n{INSTRUCTIONS}\n" in message.body
