"""The report's steps tell people: submitted to the national team, returned and accepted to
the region's coordinators, each in the recipient's language, with the report's link."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from notices.models import Notice
from notices.tasks import send_pending_notices
from reporting import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mail_from_the_rows(settings):
    """The official PDF's build is not run here: beat's sweep sends the notices' mail."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://elo.example"
    settings.NOTICE_PENDING_AFTER = 0


def subject(language, msgid, **values):
    with translation.override(language):
        return gettext(msgid) % values


def told(kind):
    return {
        notice.recipient.email: (notice.subject, notice.link)
        for notice in Notice.objects.filter(kind=kind).select_related("recipient")
    }


@pytest.fixture
def submitted(draft, coordinator, national_team):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    return draft


def test_a_submitted_report_tells_the_national_team_each_in_their_language(
    draft, coordinator, national_team
):
    swede = UserFactory(email="nationell@elo.example", is_national_team=True, language="sv")
    draft.answers.update(level=1)

    services.submit_report(draft, coordinator)

    link = reverse("reports:detail", kwargs={"region": "kaakkois-suomi", "year": 2021})
    values = {"region": "Kaakkois-Suomi", "year": 2021}
    assert told("report_submitted") == {
        national_team.email: (
            subject("fi", "Annual report submitted: %(region)s %(year)s", **values),
            link,
        ),
        # The region is named in the recipient's language.
        swede.email: (
            subject(
                "sv",
                "Annual report submitted: %(region)s %(year)s",
                **{**values, "region": "Sydöstra Finland"},
            ),
            link,
        ),
    }
    assert send_pending_notices() == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    assert set(by_address) == {national_team.email, swede.email}
    with translation.override("sv"):
        swedish_link = reverse("reports:detail", kwargs={"region": "kaakkois-suomi", "year": 2021})
    assert f"https://elo.example{swedish_link}" in by_address[swede.email].body
    assert "för Sydöstra Finland" in by_address[swede.email].body
    assert f"https://elo.example{link}" in by_address[national_team.email].body
    assert subject("sv", "Open it:") in by_address[swede.email].body
    assert subject("fi", "Open it:") in by_address[national_team.email].body


def test_a_returned_report_tells_the_coordinators_with_the_comment(
    submitted, coordinator, national_team, coordinator_of_other_region
):
    services.return_report(submitted, national_team, "Tarkenna tasoa 2.1.")

    assert set(told("report_returned")) == {coordinator.email}
    assert send_pending_notices() == 2  # the submission's and the return's
    [message] = [m for m in mail.outbox if m.to == [coordinator.email]]
    assert "Tarkenna tasoa 2.1." in message.body
    assert message.subject == told("report_returned")[coordinator.email][0]


def test_an_accepted_report_tells_the_coordinators_once(submitted, coordinator, national_team):
    services.accept_report(submitted, national_team)

    assert told("report_accepted") == {
        coordinator.email: (
            subject(
                "fi",
                "Annual report accepted: %(region)s %(year)s",
                region="Kaakkois-Suomi",
                year=2021,
            ),
            reverse("reports:detail", kwargs={"region": "kaakkois-suomi", "year": 2021}),
        )
    }


def test_a_resubmitted_version_is_a_new_event(submitted, coordinator, national_team):
    services.return_report(submitted, national_team, "Muuta.")
    submitted.refresh_from_db()
    services.submit_report(submitted, coordinator)

    assert Notice.objects.filter(kind="report_submitted", recipient=national_team).count() == 2
