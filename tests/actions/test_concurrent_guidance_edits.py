"""Two editors on one guidance action, and create forms (a guidance action, an invitation)
sent twice: one row, one e-mail."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains

from accounts.models import Invitation
from actions.models import GuidanceAction
from portal.review import ReviewStatus
from tests.concurrency import form_data, post_twice_at_once
from tests.factories import GuidanceActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_two_factor_step(settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def test_the_second_of_two_editors_saving_one_guidance_action_is_refused(editor, kotka):
    entry = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.DRAFT)
    url = reverse("guidance:edit", kwargs={"region": kotka.region.slug, "pk": entry.pk})
    first, second = signed_in(editor), signed_in(editor)
    first_form, second_form = first.get(url), second.get(url)

    assert first.post(url, form_data(first_form, title="Ensimmäisen nimi")).status_code == 302
    refused = second.post(url, form_data(second_form, title="Toisen nimi"))

    assert refused.status_code == 200
    assertContains(refused, "Toisen nimi")
    assertContains(refused, 'class="stale-changes"')
    entry.refresh_from_db()
    assert entry.title == "Ensimmäisen nimi"


def test_an_invitation_sent_twice_is_made_and_mailed_once(
    coordinator, region, kotka, django_capture_on_commit_callbacks, eager_tasks
):
    client = signed_in(coordinator)
    url = reverse("people:invite", kwargs={"region": region.slug})
    data = form_data(
        client.get(url), email="uusi@kotka.example", organisation=kotka.pk, role="editor"
    )

    with django_capture_on_commit_callbacks(execute=True):
        first, second = client.post(url, data), client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert Invitation.objects.filter(email="uusi@kotka.example").count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.django_db(transaction=True)
def test_one_guidance_action_form_sent_twice_at_once_creates_one_entry(editor, kotka):
    url = reverse("guidance:add", kwargs={"region": kotka.region.slug, "organisation": kotka.slug})
    client = signed_in(editor)
    opened = client.get(url)
    data = form_data(opened, title="Ohjaamon avoimet ovet")

    statuses = post_twice_at_once(editor, url, data)

    assert statuses == [302, 302]
    assert GuidanceAction.objects.filter(title="Ohjaamon avoimet ovet").count() == 1
