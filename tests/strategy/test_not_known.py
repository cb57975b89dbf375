"""What the plan does not say is shown as not known: an action's status, its lead
organisation, its responsible organisations. "Not known" is a value of its own, never a
blank, and the coordinator's form offers it."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext

from actions.models import GuidanceAction
from coordination.transfer_base import ChoiceWidget
from strategy.models import Action
from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unknown(focus_area):
    return ActionFactory(
        focus_area=focus_area,
        title="Rohkeita kokeiluja",
        status=Action.Status.UNKNOWN,
        lead_unknown=True,
        responsibles_unknown=True,
    )


def test_an_action_cannot_have_a_lead_organisation_and_an_unknown_lead(focus_area, kotka):
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionFactory(focus_area=focus_area, lead_organisation=kotka, lead_unknown=True)


def test_an_action_that_names_no_one_says_not_known_alone(unknown):
    assert unknown.names_responsibility
    assert unknown.responsibility_unknowns == [gettext("Not known")]


def test_known_responsibles_with_an_unknown_lead_name_only_the_lead_as_not_known(focus_area, kotka):
    action = ActionFactory(focus_area=focus_area, lead_unknown=True)
    action.responsible_organisations.set([kotka])

    assert action.responsibility_unknowns == [gettext("lead organisation: not known")]


def test_an_action_naming_nothing_and_leaving_nothing_unknown_names_no_responsibility(
    focus_area,
):
    assert not ActionFactory(focus_area=focus_area).names_responsibility


def test_the_focus_area_page_marks_the_unknown_status_and_responsibility(
    client, focus_area, unknown
):
    html = client.get(focus_area.get_absolute_url()).content.decode()

    assert 'class="status status--unknown"' in html
    assert '<span class="unknown">' in html
    assert "Ei vielä nimetty" not in html  # "Not named yet" is for a plan that names no one


def test_the_version_page_marks_the_unknown_status(client, region, unknown):
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1})

    html = client.get(url).content.decode()

    assert 'class="status status--unknown"' in html
    assert '<span class="unknown">' in html


def test_a_guidance_action_cannot_be_of_unknown_status():
    choices = dict(GuidanceAction._meta.get_field("status").choices)

    assert Action.Status.UNKNOWN not in choices
    assert Action.Status.DONE in choices


def test_the_guidance_import_refuses_an_unknown_status():
    # The guidance actions' import reads the status so (coordination.datasets).
    widget = ChoiceWidget(Action.Status, exclude=(Action.Status.UNKNOWN,))

    with pytest.raises(ValueError, match="unknown"):
        widget.clean("unknown")
    assert widget.clean("done") == Action.Status.DONE


def test_the_comparison_and_the_tno_pdf_say_not_known(unknown):

    from reporting.documents.tno import _action_row
    from strategy.comparison import action_values

    values = action_values(unknown)
    row = _action_row(unknown)

    assert (
        values["lead_organisation"] == values["responsible_organisations"] == gettext("Not known")
    )
    assert values["status"] == gettext("Not known")
    assert row.responsibles == (gettext("Not known"),)
    assert row.status_label == gettext("Not known")
