"""The guidance-action form as an Ohjaamo counsellor sees it, at 1366 px and at 390 px.

Every form renders its fields one way (templates/includes/field.html, the .field styles of
portal.css); this form has the most of them, and the longest lists: 18 goals and the
region's 31 organisations in the demo data. Before the one rendering it was 6,200 px tall
at 1366 px, with 83 Tab stops from its first field to "Tallenna", inputs 220 px wide and
textareas in 13 px monospace.
"""

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from actions.models import GuidanceAction
from network.models import Membership, Organisation
from tests.browser.conftest import sign_in
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FORM = "/kaakkois-suomi/ohjaustoimenpiteet/uusi/ohjaamo-kotka/"
EDITOR = "ohjaaja@ohjaamokotka.example"
WIDTHS = [1366, 390]


@pytest.fixture
def demo(transactional_db, settings):
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    settings.FRAGMENTS_ENABLED = False
    call_command("load_demo", verbosity=0)
    kotka = Organisation.objects.get(region__slug="kaakkois-suomi", name="Ohjaamo Kotka")
    user = UserFactory(email=EDITOR, first_name="Onni")
    MembershipFactory(user=user, organisation=kotka, role=Membership.Role.EDITOR)


def open_form(page: Page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    sign_in(page, EDITOR)
    page.goto(FORM)


def box(page: Page, selector: str) -> dict:
    found = page.locator(selector).first.bounding_box()
    assert found, selector
    return found


def tab_stops_to_save(page: Page) -> int:
    """Presses Tab from the form's first field until "Tallenna" has the focus."""
    page.locator("#id_title").focus()
    for stops in range(1, 200):
        if page.evaluate("document.activeElement.textContent.trim()") == "Tallenna":
            return stops
        page.keyboard.press("Tab")
    raise AssertionError("Tab never reached Tallenna")


@pytest.mark.parametrize("width", WIDTHS)
def test_fields_fill_their_column_and_checkboxes_sit_beside_their_labels(page, demo, width):
    open_form(page, width)

    column = box(page, "main form")["width"]
    for selector in ("#id_title", "#id_description", "#id_status", "#id_other_partners"):
        field = box(page, selector)
        assert field["width"] >= min(column, 640) - 2, selector
        if width == 1366:
            assert field["width"] > 300, selector

    # Each box is on the first line of its label's text, before the text.
    misplaced = page.evaluate(
        """() => [...document.querySelectorAll(
            '#id_focus_areas input, #id_target_groups input, #id_partners input')]
          .filter(input => input.offsetParent !== null)
          .filter(input => {
            const label = input.closest('label');
            const range = document.createRange();
            range.selectNodeContents(label);
            range.setStartAfter(input);
            const line = range.getClientRects()[0];
            const box = input.getBoundingClientRect();
            const sameLine = Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2);
            return !(sameLine < line.height / 2 + 2 && box.right <= line.left + 2);
          })
          .map(input => input.closest('label').textContent.trim())"""
    )
    assert misplaced == []

    fonts = page.evaluate(
        """() => [...document.querySelectorAll('main textarea')].map(t => {
            const style = getComputedStyle(t);
            return [style.fontFamily, parseFloat(style.fontSize)];
        })"""
    )
    body_font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert fonts
    assert all(family == body_font and size >= 16 for family, size in fonts)


def test_the_form_is_short_and_few_tab_stops_lead_to_save(page, demo):
    open_form(page, 1366)

    height = page.evaluate("document.documentElement.scrollHeight")
    stops = tab_stops_to_save(page)

    assert height < 4000, height  # was 6,200 px
    assert stops < 45, stops  # was 83


def test_the_goals_follow_the_ticked_focus_areas(page, demo):
    open_form(page, 1366)
    groups = page.locator("#id_goals fieldset.choice-group")
    expect(groups.first).to_be_hidden()
    expect(page.locator("#id_goals .choice-groups__empty")).to_be_visible()
    with translation.override("fi"):
        hint = gettext("Tick a focus area above: its actions of the plan are listed here.")
    expect(page.locator("#id_plan_actions .choice-groups__empty")).to_contain_text(hint)

    page.locator("#id_focus_areas input").nth(1).check()

    visible = page.locator("#id_goals fieldset.choice-group:visible")
    expect(visible).to_have_count(1)
    expect(visible.locator("legend")).to_contain_text("2.")
    expect(page.locator("#id_goals .choice-groups__empty")).to_be_hidden()

    # A goal of an area unticked again is put aside, and back when the area is ticked.
    goal = page.locator("#" + visible.locator("input").first.get_attribute("id"))
    goal.check()
    page.locator("#id_focus_areas input").nth(1).uncheck()
    expect(goal).to_be_hidden()
    assert not goal.is_checked()
    page.locator("#id_focus_areas input").nth(1).check()
    expect(goal).to_be_checked()


def test_the_partner_search_filters_the_list_and_keeps_the_ticked_first(page, demo):
    open_form(page, 390)
    search = page.locator("#id_partners_search")
    expect(search).to_have_accessible_name(
        page.locator("label[for=id_partners_search]").inner_text()
    )
    partners = page.locator("#id_partners .choice")
    total = partners.count()
    assert total > 20

    search.fill("ohjaamo")
    expect(page.locator("#id_partners .choice:visible")).not_to_have_count(total)
    names = page.locator("#id_partners .choice:visible").all_inner_texts()
    assert names
    assert all("ohjaamo" in name.lower() for name in names)

    page.get_by_label("Ohjaamo Imatra").check()
    search.fill("lut")
    visible = page.locator("#id_partners .choice:visible").all_inner_texts()
    assert visible[0].strip() == "Ohjaamo Imatra"
    assert any("LUT" in name for name in visible[1:])

    # The list is one Tab stop; the arrow keys move in it.
    search.fill("")
    search.press("Tab")
    first = page.evaluate("document.activeElement.id")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") != first
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_other_partners"


def test_the_form_works_without_javascript(chromium_browser, live_server, demo):
    context = chromium_browser.new_context(
        base_url=live_server.url, locale="fi-FI", java_script_enabled=False
    )
    page = context.new_page()
    try:
        open_form(page, 1366)
        # Every goal is listed under its focus area; the search box is not shown.
        expect(page.locator("#id_goals fieldset.choice-group").first).to_be_visible()
        expect(page.locator(".choice-search__tools")).to_be_hidden()
        expect(page.locator("#id_partners input[type=checkbox]").first).to_be_visible()

        page.get_by_label("Otsikko", exact=True).fill("Ryhmävalmennus ilman skriptejä")
        page.locator("#id_focus_areas input").first.check()
        second_area_goal = page.locator("#id_goals fieldset.choice-group").nth(1).locator("input")
        second_area_goal.first.check()
        page.get_by_label("Ohjaamo Imatra").check()
        page.get_by_role("button", name="Tallenna").click()

        # The server refuses the goal of an area not ticked, beside the field and on top.
        expect(page.locator(".error-summary")).to_be_visible()
        expect(page.locator("#id_goals_errors")).to_contain_text("painopisteisiin, joita et")
        assert not GuidanceAction.objects.filter(title="Ryhmävalmennus ilman skriptejä").exists()

        page.locator("#id_goals fieldset.choice-group").nth(1).locator("input").first.uncheck()
        page.locator("#id_goals fieldset.choice-group").first.locator("input").first.check()
        page.get_by_role("button", name="Tallenna").click()
        expect(page.locator("h1")).to_have_text("Ryhmävalmennus ilman skriptejä")
        action = GuidanceAction.objects.get(title="Ryhmävalmennus ilman skriptejä")
        assert [o.name for o in action.partners.all()] == ["Ohjaamo Imatra"]
        assert action.goals.count() == 1
    finally:
        context.close()
