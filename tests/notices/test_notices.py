"""Notices: each told once a person and event, in the person's language, with its link."""

import smtplib

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from actions import services as action_services
from actions.models import GoodPractice
from lib.models import UnsentMail
from lib.tasks import send_unsent_mail
from notices import services
from notices.models import Notice
from notices.tasks import send_pending_notices
from portal import review_services
from portal.review import ReviewStatus
from tests.factories import (
    CoordinatorFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    InvitationFactory,
    UserFactory,
)
from tests.mail_backends import RefusingMailServer
from tests.personas import member

pytestmark = pytest.mark.django_db


def told(kind):
    """The notices of ``kind``, by recipient's address: (subject, link)."""
    return {
        notice.recipient.email: (notice.subject, notice.link)
        for notice in Notice.objects.filter(kind=kind).select_related("recipient")
    }


def mails_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def in_language(language, msgid, **values):
    with translation.override(language):
        return gettext(msgid) % values


@pytest.fixture
def swedish_coordinator(region):
    user = UserFactory(email="samordnare@kaselo.example", language="sv")
    CoordinatorFactory(user=user, region=region)
    return user


@pytest.fixture
def draft_action(kotka):
    return GuidanceActionFactory(
        organisation=kotka, title="Jalkautuva ohjaus", review_status=ReviewStatus.DRAFT
    )


# --- Entries: submitted, returned, accepted -------------------------------------------------


def test_a_submitted_entry_tells_the_coordinators_each_in_their_language(
    draft_action,
    editor,
    coordinator,
    swedish_coordinator,
    coordinator_of_other_region,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        review_services.submit(draft_action, editor)

    link = draft_action.get_absolute_url()
    title = str(draft_action)
    assert told("entry_submitted") == {
        coordinator.email: (
            in_language("fi", "Waiting for your review: %(title)s", title=title),
            link,
        ),
        swedish_coordinator.email: (
            in_language("sv", "Waiting for your review: %(title)s", title=title),
            link,
        ),
    }
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [coordinator.email, swedish_coordinator.email]
    )
    finnish, swedish = mails_to(coordinator.email)[0], mails_to(swedish_coordinator.email)[0]
    assert f"https://elo.example{link}" in finnish.body
    # The Swedish-preferring coordinator's link opens the page in Swedish, at its Swedish address.
    with translation.override("sv"):
        swedish_link = draft_action.get_absolute_url()
    assert swedish_link.startswith("/sv/kaakkois-suomi/vagledningsatgarder/")
    assert f"https://elo.example{swedish_link}" in swedish.body
    # "Open it:" is in both catalogues: the Swedish-preferring coordinator reads Swedish.
    assert in_language("sv", "Open it:") in swedish.body
    assert in_language("fi", "Open it:") in finnish.body
    assert in_language("sv", "Open it:") != in_language("fi", "Open it:")
    assert swedish.subject == told("entry_submitted")[swedish_coordinator.email][0]


def test_a_returned_entry_tells_the_organisations_editors_with_the_comment(
    draft_action, editor, viewer, coordinator, django_capture_on_commit_callbacks
):
    review_services.submit(draft_action, editor)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        review_services.return_for_changes(
            draft_action, coordinator, "Lisää tavoitettujen määrä.", "https://x.example/a/1/"
        )

    assert told("entry_returned") == {
        editor.email: (
            in_language("fi", "Returned for changes: %(title)s", title=str(draft_action)),
            "/a/1/",
        )
    }, "editors only: the viewer and the coordinator who returned it are not told"
    [message] = mail.outbox
    assert message.to == [editor.email]
    assert "Lisää tavoitettujen määrä." in message.body
    assert "https://elo.example/a/1/" in message.body


def test_an_accepted_entry_tells_the_organisations_editors(
    draft_action, editor, coordinator, django_capture_on_commit_callbacks
):
    review_services.submit(draft_action, editor)
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        review_services.accept(draft_action, coordinator)

    assert told("entry_accepted") == {
        editor.email: (
            in_language("fi", "Accepted: %(title)s", title=str(draft_action)),
            draft_action.get_absolute_url(),
        )
    }
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_a_link_made_in_a_swedish_request_is_stored_in_finnish_and_mailed_in_each_language(
    editor, coordinator, swedish_coordinator, django_capture_on_commit_callbacks
):
    queue = reverse("review:queue", kwargs={"region": "kaakkois-suomi"})
    with translation.override("sv"), django_capture_on_commit_callbacks(execute=True):
        services.notify(
            "practice_proposed",
            [coordinator, swedish_coordinator],
            {"title": "Ohjaamo-kahvit", "organisation": "Ohjaamo Kotka"},
            "link:1",
            link=reverse("review:queue", kwargs={"region": "kaakkois-suomi"}),
        )

    assert set(Notice.objects.values_list("link", flat=True)) == {queue}
    assert f"https://elo.example{queue}" in mails_to(coordinator.email)[0].body
    with translation.override("sv"):
        swedish_queue = reverse("review:queue", kwargs={"region": "kaakkois-suomi"})
    assert swedish_queue == "/sv/kaakkois-suomi/granskning/"
    assert f"https://elo.example{swedish_queue}" in mails_to(swedish_coordinator.email)[0].body


def test_a_link_is_kept_as_a_path_of_the_default_language():
    assert (
        services._path("http://testserver/sv/kaakkois-suomi/granskning/?tyyppi=1#a")
        == "/kaakkois-suomi/arviointi/?tyyppi=1#a"
    )
    assert services.link_in("/kaakkois-suomi/arviointi/", "sv") == "/sv/kaakkois-suomi/granskning/"
    assert services.link_in("/kaakkois-suomi/arviointi/", "en") == "/en/kaakkois-suomi/review/"
    assert services._path("") == ""


def test_the_person_who_acted_is_not_told(
    draft_action, editor, coordinator, django_capture_on_commit_callbacks
):
    CoordinatorFactory(user=editor, region=coordinator.coordinatorships.get().region)

    with django_capture_on_commit_callbacks(execute=True):
        review_services.submit(draft_action, editor)

    assert set(told("entry_submitted")) == {coordinator.email}


# --- Good practices -------------------------------------------------------------------------


@pytest.fixture
def proposal(region, kotka):
    return GoodPracticeFactory(
        region=region, number=None, is_published=False, proposed_by=kotka, title="Ohjaamo-kahvit"
    )


def test_a_proposed_good_practice_tells_the_coordinators(
    region, kotka, editor, coordinator, django_capture_on_commit_callbacks
):
    class Form:
        instance = GoodPractice(region=region, title="Ohjaamo-kahvit")

        def save(self):
            self.instance.save()

    with django_capture_on_commit_callbacks(execute=True):
        action_services.propose_good_practice(Form(), kotka, editor)

    assert told("practice_proposed") == {
        coordinator.email: (
            in_language("fi", "Good practice proposed: %(title)s", title="Ohjaamo-kahvit"),
            reverse("review:queue", kwargs={"region": region.slug}),
        )
    }
    [message] = mail.outbox
    assert "Ohjaamo Kotka" in message.body


def test_a_published_good_practice_tells_the_proposers_editors(
    proposal, editor, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_services.publish_good_practice(proposal, reviewer=coordinator)

    proposal.refresh_from_db()
    assert told("practice_published") == {
        editor.email: (
            in_language("fi", "Good practice published: %(title)s", title="Ohjaamo-kahvit"),
            proposal.get_absolute_url(),
        )
    }
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_a_returned_good_practice_tells_the_proposers_editors_with_the_comment(
    proposal, editor, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_services.return_good_practice(proposal, coordinator, "Kuvaile tulokset.", "/p/")

    assert told("practice_returned") == {
        editor.email: (
            in_language(
                "fi",
                "Good practice proposal returned for changes: %(title)s",
                title="Ohjaamo-kahvit",
            ),
            "/p/",
        )
    }
    [message] = mail.outbox
    assert "Kuvaile tulokset." in message.body


def test_a_declined_proposal_tells_the_editors_and_a_resubmitted_one_the_coordinators(
    proposal, editor, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        action_services.decline_good_practice(proposal, coordinator, "Ei alueellinen.", "/p/")

    assert set(told("practice_declined")) == {editor.email}
    assert "Ei alueellinen." in mails_to(editor.email)[0].body

    GoodPractice.objects.filter(pk=proposal.pk).update(decision=GoodPractice.Decision.RETURNED)
    proposal.refresh_from_db()

    class Form:
        instance = proposal

        def save(self):
            self.instance.save()

    with django_capture_on_commit_callbacks(execute=True):
        action_services.resubmit_good_practice(Form(), proposal.proposed_by, editor)

    assert set(told("practice_proposed")) == {coordinator.email}


# --- Invitations ----------------------------------------------------------------------------


def test_an_accepted_invitation_tells_the_inviter(
    client, kotka, coordinator, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(organisation=kotka, invited_by=coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:accept_invitation", kwargs={"token": invitation.token}),
            {
                "first_name": "Uusi",
                "last_name": "Jäsen",
                "password1": "pitkä-salasana-123",
                "password2": "pitkä-salasana-123",
            },
        )

    assert response.status_code == 302
    assert told("invitation_accepted") == {
        coordinator.email: (
            in_language("fi", "Invitation accepted: %(person)s", person="Uusi Jäsen"),
            reverse("people:list", kwargs={"region": kotka.region.slug}),
        )
    }
    assert [message.to for message in mail.outbox if "Uusi Jäsen" in message.subject] == [
        [coordinator.email]
    ]


# --- Once, and the faults of the mail server ------------------------------------------------


def notify_once(recipients, key="test:1:submitted"):
    return services.notify(
        "entry_accepted", recipients, {"title": "Tapahtuma", "name": "Kaisa"}, key, link="/t/"
    )


def test_the_same_event_twice_tells_each_person_once(editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify_once([editor])
    with django_capture_on_commit_callbacks(execute=True):
        second = notify_once([editor, editor])

    assert (len(first), second) == (1, [])
    assert Notice.objects.count() == 1
    assert len(mail.outbox) == 1
    # A task delivered twice (redelivered by the broker) sends nothing the second time.
    assert services.deliver(first[0].pk, last_try=False) == "taken"
    assert len(mail.outbox) == 1


def test_a_mail_server_that_is_down_keeps_the_mail_and_it_goes_later(
    editor, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.BrokenMailServer"

    with django_capture_on_commit_callbacks(execute=True):
        [notice] = notify_once([editor])

    notice.refresh_from_db()
    assert notice.status == Notice.Status.KEPT
    kept = UnsentMail.objects.get()
    assert (kept.recipients, kept.subject) == ([editor.email], notice.subject)

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_unsent_mail() == 1
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert send_pending_notices() == 0, "a kept notice is not sent a second time from its row"


def test_an_address_that_bounces_is_logged_and_not_tried_again(
    editor, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.mail_backends.RefusingMailServer"
    settings.NOTICE_PENDING_AFTER = 0
    RefusingMailServer.attempts = 0

    with django_capture_on_commit_callbacks(execute=True):
        [notice] = notify_once([editor])

    notice.refresh_from_db()
    assert notice.status == Notice.Status.FAILED
    assert "refused the address" in caplog.text
    assert not UnsentMail.objects.exists()
    assert send_pending_notices() == 0
    assert services.deliver(notice.pk, last_try=False) == "taken"
    assert RefusingMailServer.attempts == 1


def test_a_refused_address_is_an_smtp_recipients_refused():
    """The bounce the tests simulate is the one ``smtplib`` raises for a refused address."""
    assert issubclass(smtplib.SMTPRecipientsRefused, smtplib.SMTPException)


# --- The person's language ------------------------------------------------------------------


def test_a_person_without_a_preference_gets_finnish(editor):
    assert editor.language == "fi"
    assert services.language_of(editor) == "fi"
    editor.language = "xx"
    assert services.language_of(editor) == "fi"


def test_a_person_saves_their_language_on_omat_sivut(client_of, editor):
    client = client_of(editor)

    response = client.post(reverse("accounts:language"), {"language": "sv"})

    assert response.status_code == 302
    assert response.url.startswith("/sv/")
    editor.refresh_from_db()
    assert editor.language == "sv"

    refused = client.post(reverse("accounts:language"), {"language": "de"})
    assert refused.status_code == 302
    editor.refresh_from_db()
    assert editor.language == "sv", "a language the site does not offer is not saved"


# --- Omat sivut -----------------------------------------------------------------------------


def test_omat_sivut_lists_unread_notices_first_and_marks_them_read(client_of, editor):
    other = member(editor.memberships.get().organisation, "toinen@kaselo.example")
    for number in range(3):
        services.notify(
            "entry_accepted",
            [editor],
            {"title": f"Kirjaus {number}", "name": "K"},
            f"k:{number}",
            link=f"/k/{number}/",
        )
    services.notify("entry_accepted", [other], {"title": "Muun", "name": "K"}, "k:x", link="/x/")
    Notice.objects.filter(event_key="k:0").update(read_at="2026-01-01T00:00Z")
    client = client_of(editor)

    page = client.get(reverse("dashboard")).content.decode()

    assert page.index('href="/k/2/"') < page.index('href="/k/1/"') < page.index('href="/k/0/"')
    assert 'href="/x/"' not in page, "another person's notices are not listed"
    assert reverse("notices:mark_all_read") in page

    response = client.post(reverse("notices:mark_all_read"))
    assert response.status_code == 302
    assert not Notice.objects.filter(recipient=editor, read_at__isnull=True).exists()
    assert Notice.objects.get(recipient=other).read_at is None
    assert client.post(reverse("notices:mark_all_read")).status_code == 302  # twice is fine


def test_omat_sivut_reads_the_notices_in_one_query_however_many(client_of, editor):
    client = client_of(editor)
    services.notify("entry_accepted", [editor], {"title": "A", "name": "K"}, "q:0", link="/q/")
    client.get(reverse("dashboard"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("dashboard"))
    for number in range(1, 15):
        services.notify(
            "entry_accepted", [editor], {"title": "A", "name": "K"}, f"q:{number}", link="/q/"
        )
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("dashboard")).content.decode()

    # user, coordinated regions, memberships, the editor's unfinished guidance actions and
    # events, the notices: the same with one notice or fifteen
    assert len(many) == len(few) == 6
    assert page.count('href="/q/"') == 10, "the latest ten"
