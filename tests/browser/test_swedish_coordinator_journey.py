"""A Swedish-speaking coordinator signs in at /sv/, starts a new version of the strategy,
writes its vision, a focus area and a goal in Swedish beside the Finnish, and publishes it;
the editor then shows the Swedish texts, and the Finnish pages keep the Finnish ones."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from strategy.models import Strategy
from tests.factories import PASSWORD, CoordinatorFactory, GoalFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def swedish(name, **kwargs):
    with translation.override("sv"):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def swedish_coordinator(settings, region, focus_area):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    GoalFactory(focus_area=focus_area, title="Palvelut ovat kaikkien saatavilla")
    user = UserFactory(email="kajsa@kaselo.example", first_name="Kajsa", language="sv")
    CoordinatorFactory(user=user, region=region)
    return user


def save(page):
    page.locator("form.editor-form button[type=submit]").click()
    expect(page.locator(".errorlist")).to_have_count(0)


def test_a_swedish_coordinator_writes_and_publishes_a_version_in_swedish(
    page, region, swedish_coordinator, assert_accessible
):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(swedish("account_login"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    page.locator("#id_login").fill(swedish_coordinator.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).not_to_have_url(swedish("account_login"))

    page.goto(swedish("editor:new_revision", region=region.slug))
    page.locator("#id_version_label").fill("revision 2026")
    page.locator("main form button[type=submit]").click()
    draft = Strategy.objects.get(region=region, version=2)

    page.goto(swedish("editor:strategy_edit", region=region.slug) + "?versio=luonnos")
    assert_accessible(page)
    # The three inputs of a translated field sit side by side on a wide screen.
    finnish_box = page.locator("#id_vision").bounding_box()
    swedish_box = page.locator("#id_vision_sv").bounding_box()
    assert swedish_box["x"] > finnish_box["x"] + finnish_box["width"]
    assert abs(swedish_box["y"] - finnish_box["y"]) < 2
    page.locator("#id_vision_sv").fill("Ett livslångt vägledningsnätverk för alla")
    save(page)

    focus_area = draft.focus_areas.get()
    page.goto(swedish("editor:focus_area_edit", region=region.slug, pk=focus_area.pk))
    page.locator("#id_title_sv").fill("Vägledning som når alla")
    save(page)

    goal = focus_area.goals.get()
    page.goto(swedish("editor:goal_edit", region=region.slug, pk=goal.pk))
    page.locator("#id_title_sv").fill("Tjänsterna är tillgängliga för alla")
    save(page)

    page.goto(swedish("editor:draft_publish", region=region.slug))
    page.locator("#id_published_on").fill("2026-01-01")
    page.locator("#id_change_note").fill("Svenska texter")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".errorlist")).to_have_count(0)
    assert Strategy.objects.get(pk=draft.pk).is_current

    page.goto(swedish("editor:home", region=region.slug))
    main = page.locator("main")
    expect(main).to_contain_text("Ett livslångt vägledningsnätverk för alla")
    expect(main).to_contain_text("Vägledning som når alla")
    expect(main).to_contain_text("Tjänsterna är tillgängliga för alla")
    assert_accessible(page)

    page.goto(reverse("strategy:region_home", kwargs={"region": region.slug}))
    expect(page.locator("main")).to_contain_text(draft.vision)
    expect(page.locator("main")).not_to_contain_text("Ett livslångt vägledningsnätverk")
