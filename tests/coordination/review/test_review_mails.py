"""The review transitions' e-mails: plain text, to active people with an address."""

import pytest

from portal import review_services
from portal.review import ReviewStatus
from tests.factories import CoordinatorFactory, GuidanceActionFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_return_mail_keeps_quotes_and_ampersands_as_written(
    coordinator, editor, kotka, mailoutbox, django_capture_on_commit_callbacks
):
    entry = GuidanceActionFactory(
        organisation=kotka, title='Ohjaamo & "nuoret"', review_status=ReviewStatus.SUBMITTED
    )

    with django_capture_on_commit_callbacks(execute=True):
        review_services.return_for_changes(entry, coordinator, "Lisää <linkki> & luvut")

    body = mailoutbox[0].body
    assert 'Ohjaamo & "nuoret"' in mailoutbox[0].subject
    assert "Lisää <linkki> & luvut" in body
    assert "&amp;" not in body


def test_the_submit_mail_skips_inactive_coordinators_and_empty_addresses(
    coordinator, region, editor, kotka, mailoutbox, django_capture_on_commit_callbacks
):
    CoordinatorFactory(
        region=region, user=UserFactory(email="pois@kaselo.example", is_active=False)
    )
    entry = GuidanceActionFactory(organisation=kotka)

    with django_capture_on_commit_callbacks(execute=True):
        review_services.submit(entry, editor)

    assert [message.to for message in mailoutbox] == [[coordinator.email]]


def test_a_stale_entry_cannot_be_accepted_twice(coordinator, kotka):
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.SUBMITTED)
    stale = type(entry).objects.get(pk=entry.pk)
    review_services.accept(entry, coordinator)

    # The second coordinator's copy still says "submitted"; the locked row does not.
    with pytest.raises(review_services.ReviewError):
        review_services.return_for_changes(stale, coordinator, "Muuta")

    entry.refresh_from_db()
    assert entry.review_status == ReviewStatus.ACCEPTED
