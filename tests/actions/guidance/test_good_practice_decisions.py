"""Proposed good practices: the coordinator returns one with a comment or declines it."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from pytest_django.asserts import assertContains, assertNotContains

from actions.models import GoodPractice
from tests.factories import FocusAreaFactory, GoodPracticeFactory

pytestmark = pytest.mark.django_db

RETURNED = GoodPractice.Decision.RETURNED
DECLINED = GoodPractice.Decision.DECLINED


@pytest.fixture
def proposal(region, kotka, editor):
    return GoodPracticeFactory(
        region=region, number=None, is_published=False, proposed_by=kotka, title="OPO-tiimi"
    )


def url(name, practice):
    return reverse(name, args=[practice.region.slug, practice.pk])


def queue_url():
    return reverse("review:queue", args=["kaakkois-suomi"])


def propose_url():
    return reverse("actions:good_practice_propose", args=["kaakkois-suomi"])


def test_the_queue_offers_return_and_decline_and_names_focus_areas(
    client_of, coordinator, strategy, proposal
):
    proposal.focus_areas.set(
        [
            FocusAreaFactory(strategy=strategy, number=1, title="Saavutettavuus"),
            FocusAreaFactory(strategy=strategy, number=2, title="Osaaminen"),
        ]
    )

    response = client_of(coordinator).get(queue_url())

    assertContains(response, "1. Saavutettavuus; 2. Osaaminen")
    assertContains(response, f'action="{url("review:proposal_return", proposal)}"')
    assertContains(response, f'formaction="{url("review:proposal_decline", proposal)}"')


def test_returning_a_proposal_tells_the_proposer_with_the_comment(
    client_of, coordinator, editor, proposal, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator).post(
            url("review:proposal_return", proposal), {"comment": "Kerro tuloksista."}
        )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.review_comment) == (RETURNED, "Kerro tuloksista.")
    assert proposal.is_published is False
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Kerro tuloksista." in mail.outbox[0].body
    # No longer waiting: the queue does not list it.
    assertNotContains(client_of(coordinator).get(queue_url()), "OPO-tiimi")
    # The proposer's organisation reads the comment and may change the proposal.
    page = client_of(editor).get(propose_url())
    assertContains(page, "Kerro tuloksista.")
    assertContains(page, url("actions:good_practice_edit", proposal))


def test_returning_needs_a_comment(client_of, coordinator, proposal):
    response = client_of(coordinator).post(url("review:proposal_return", proposal), {"comment": ""})

    assert response.status_code == 200
    assert response.context["form"].has_error("comment")
    proposal.refresh_from_db()
    assert proposal.decision == ""


def test_declining_a_proposal_keeps_it_unpublished_with_the_reason(
    client_of, coordinator, editor, proposal
):
    response = client_of(coordinator).post(
        url("review:proposal_decline", proposal), {"comment": "Ei ohjausta."}
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.decision, proposal.review_comment) == (DECLINED, "Ei ohjausta.")
    assert proposal.number is None
    assertContains(client_of(editor).get(propose_url()), "Ei ohjausta.")
    # A declined proposal cannot be published any more.
    client_of(coordinator).post(url("actions:good_practice_publish", proposal))
    proposal.refresh_from_db()
    assert proposal.is_published is False


def test_the_proposer_changes_a_returned_proposal_and_sends_it_again(
    client_of, coordinator, editor, kotka, proposal
):
    client_of(coordinator).post(url("review:proposal_return", proposal), {"comment": "Tarkenna."})

    response = client_of(editor).post(
        url("actions:good_practice_edit", proposal),
        {"organisation": kotka.pk, "title": "OPO-tiimi 2", "description": "Tarkempi kuvaus."},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.decision) == ("OPO-tiimi 2", "")
    assertContains(client_of(coordinator).get(queue_url()), "OPO-tiimi 2")


def test_a_proposal_waiting_for_review_cannot_be_changed_by_the_proposer(
    client_of, editor, kotka, proposal
):
    response = client_of(editor).post(
        url("actions:good_practice_edit", proposal),
        {"organisation": kotka.pk, "title": "Muutettu", "description": "X"},
    )

    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "OPO-tiimi"


def test_a_published_practice_cannot_carry_a_decision(region):
    with pytest.raises(IntegrityError):
        GoodPracticeFactory(region=region, is_published=True, decision=DECLINED)


def shown_on_queue(client, practice):
    """The version the queue page's publish form carries for ``practice``."""
    import re

    page = client.get(queue_url()).content.decode()
    action = url("actions:good_practice_publish", practice)
    form = page[page.index(f'action="{action}"') :]
    return re.search(r'name="shown" value="([^"]+)"', form).group(1)


@pytest.mark.parametrize(
    "decide",
    [
        lambda client, practice, shown: client.post(
            url("actions:good_practice_publish", practice), {"shown": shown}
        ),
        lambda client, practice, shown: client.post(
            url("review:proposal_return", practice), {"comment": "Lisää tuloksia.", "shown": shown}
        ),
        lambda client, practice, shown: client.post(
            url("review:proposal_decline", practice), {"shown": shown}
        ),
    ],
    ids=["publish", "return", "decline"],
)
def test_a_decision_on_a_proposal_changed_since_it_was_shown_is_refused(
    client_of, coordinator, proposal, decide
):
    client = client_of(coordinator)
    shown = shown_on_queue(client, proposal)
    # Meanwhile the proposer rewrites it (as a returned-and-resent proposal would be).
    GoodPractice.objects.filter(pk=proposal.pk).update(description="Uusi kuvaus tuloksineen.")

    response = decide(client, proposal, shown)

    proposal.refresh_from_db()
    assert (proposal.is_published, proposal.decision, proposal.number) == (False, "", None)
    followed = client.get(response.url if response.status_code == 302 else queue_url())
    messages = [str(message) for message in followed.context["messages"]] or [
        str(message) for message in response.context["messages"]
    ]
    with translation.override("fi"):
        told = gettext(
            "The proposal changed after you opened it, so your decision was not saved. "
            "Read it again below and decide then."
        )
    assert told in messages


def test_a_decision_on_the_proposal_as_shown_goes_through(client_of, coordinator, proposal):
    client = client_of(coordinator)
    shown = shown_on_queue(client, proposal)

    client.post(url("actions:good_practice_publish", proposal), {"shown": shown})

    proposal.refresh_from_db()
    assert (proposal.is_published, proposal.number) == (True, 1)
