"""An action's responsible bodies read alike on every page that lists them: the lead
organisation first and once, the other organisations, then the other bodies, separated by
commas, with none left dangling at the end."""

import re

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from tests.factories import ActionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def action(focus_area, kotka, lut):
    """Led by Ohjaamo Kotka, which is also among its responsible organisations and sorts
    after LUT: the case in which the version page used to end its list with a comma."""
    action = ActionFactory(focus_area=focus_area, title="Yhteinen ohjauskalenteri")
    action.lead_organisation = kotka
    action.save()
    action.responsible_organisations.set([lut, kotka])
    return action


def meta_lines(response) -> list[str]:
    """The text of each ``class="meta"`` element of the page, white space folded."""
    html = response.content.decode()
    return [
        " ".join(strip_tags(match).split())
        for match in re.findall(r'class="meta">(.*?)</(?:span|p)>', html, re.S)
    ]


def test_the_version_page_lists_the_bodies_without_a_trailing_comma(client, region, action):
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1})

    response = client.get(url)

    assert "Ohjaamo Kotka (vetovastuu), LUT-yliopisto" in meta_lines(response)


def test_the_version_page_ends_with_the_other_bodies_after_a_comma(client, region, action):
    action.responsible_note = "ELO-työryhmä"
    action.save()
    url = reverse("strategy:version_detail", kwargs={"region": region.slug, "version": 1})

    response = client.get(url)

    assert "Ohjaamo Kotka (vetovastuu), LUT-yliopisto, ELO-työryhmä" in meta_lines(response)


def test_the_focus_area_page_links_the_same_list(client, region, focus_area, action, kotka, lut):
    response = client.get(focus_area.get_absolute_url())

    html = " ".join(response.content.decode().split())
    assert (
        f'<a href="{kotka.get_absolute_url()}">Ohjaamo Kotka</a> (vetovastuu), '
        f'<a href="{lut.get_absolute_url()}">LUT-yliopisto</a> </dd>'
    ) in html


def test_the_editor_names_the_lead_once(client_of, coordinator, region, action, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False

    response = client_of(coordinator).get(reverse("editor:home", kwargs={"region": region.slug}))

    assert "Ohjaamo Kotka (vetovastuu), LUT-yliopisto" in meta_lines(response)
