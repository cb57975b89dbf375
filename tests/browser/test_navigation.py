"""Navigation in the browser: the phone's compact header and its menu, and every persona's
way from Omat sivut to their main tasks by links alone.

New words of the interface may still wait for their Finnish translation, so the test finds
links by their addresses and the menu by its element, not by their text.
"""

import pytest
from playwright.sync_api import Page, expect

from portal.review import ReviewStatus
from reporting.models import AnnualReport, ReportingYear
from tests.browser.conftest import PolicyViolation, sign_in
from tests.factories import (
    GuidanceActionFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
#: The signed-in header may take at most this share of a phone's screen.
MAX_HEADER_SHARE = 0.15


@pytest.fixture
def people(
    transactional_db, settings, region, strategy, kotka, coordinator, editor, viewer, national_team
):
    """KASELO with a strategy and an open reporting year, and one person of each role (the
    shared personas)."""
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    ReportingYear.objects.create(year=2024)
    AnnualReport.objects.create(region=region, year=2024, status=AnnualReport.Status.SUBMITTED)
    GuidanceActionFactory(
        organisation=kotka,
        title="Palautettu ryhmävalmennus",
        review_status=ReviewStatus.RETURNED,
        review_comment="Kerro osallistujamäärä.",
    )
    return {
        "region": region,
        "kotka": kotka,
        "coordinator": coordinator,
        "editor": editor,
        "viewer": viewer,
        "national": national_team,
    }


@pytest.fixture
def new_page(chromium_browser, live_server):
    """Pages of their own size and JavaScript setting; fails on a refused script or style."""
    contexts = []
    refusals: list[str] = []

    def make(viewport=PHONE, javascript=True) -> Page:
        context = chromium_browser.new_context(
            base_url=live_server.url,
            locale="fi-FI",
            viewport=viewport,
            java_script_enabled=javascript,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                refusals.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        return page

    yield make
    for context in contexts:
        context.close()
    if refusals:
        raise PolicyViolation("\n".join(refusals))


def header_height(page: Page) -> float:
    return page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")


MENU_BUTTON = "summary.site-menu__button"
MENU_LINK = ".site-menu .personal-nav a[href='/tili/oma/']"


# --- The phone's header ------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/tili/oma/", "/kaakkois-suomi/", "/valtakunnallinen/"])
def test_the_signed_in_header_is_compact_on_a_phone(new_page, people, path):
    page = new_page()
    sign_in(
        page, (people["national"] if "valtakunnallinen" in path else people["coordinator"]).email
    )
    page.goto(path)

    assert header_height(page) <= MAX_HEADER_SHARE * PHONE["height"]
    expect(page.locator(MENU_BUTTON)).to_be_visible()
    expect(page.locator(MENU_LINK)).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_menu_opens_by_keyboard(new_page, people):
    page = new_page()
    sign_in(page, people["editor"].email)

    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('summary.site-menu__button')"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    page.keyboard.press("Enter")

    expect(page.locator(MENU_LINK)).to_be_visible()
    # The next Tab stops inside the open menu: the region's first section.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.site-menu')")
    # The language switch and signing out are inside the menu on a phone.
    expect(page.locator(".site-menu #language-switcher-select")).to_be_visible()
    expect(page.locator(".site-menu .account-menu__logout button")).to_be_visible()
    page.locator(MENU_BUTTON).press("Enter")
    expect(page.locator(MENU_LINK)).to_be_hidden()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_menu_opens_by_mouse(new_page, people, javascript):
    page = new_page(javascript=javascript)
    sign_in(page, people["coordinator"].email)

    page.locator(MENU_BUTTON).click()

    expect(page.locator(MENU_LINK)).to_be_visible()
    page.locator(".site-menu .personal-nav a[href$='/arviointi/']").click()
    expect(page).to_have_url("/kaakkois-suomi/arviointi/")
    expect(page.locator(MENU_LINK)).to_be_hidden()


def test_the_desktop_header_shows_the_navigation_without_a_menu_button(new_page, people):
    page = new_page(viewport=DESKTOP)
    sign_in(page, people["coordinator"].email)

    expect(page.locator(MENU_BUTTON)).to_be_hidden()
    expect(page.locator(MENU_LINK)).to_be_visible()
    expect(page.locator(".main-nav a[href='/kaakkois-suomi/tapahtumat/']")).to_be_visible()


# --- From Omat sivut to the main tasks, by links only --------------------------------------


def follow(page: Page, selector: str, expected_path: str) -> None:
    """Click the first visible link that matches, and land on ``expected_path``."""
    page.locator(selector).first.click()
    expect(page).to_have_url(expected_path)
    assert page.locator("h1").count() == 1


def back_to_dashboard(page: Page) -> None:
    follow(page, "header a[href='/tili/oma/']", "/tili/oma/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_the_editor_reaches_logging_returned_entries_and_the_workspace(new_page, people, viewport):
    page = new_page(viewport=viewport)
    sign_in(page, people["editor"].email)
    main = "main "
    expect(page.locator("main")).to_contain_text("Kerro osallistujamäärä.")

    follow(
        page,
        main + "a[href='/kaakkois-suomi/ohjaustoimenpiteet/uusi/ohjaamo-kotka/']",
        "/kaakkois-suomi/ohjaustoimenpiteet/uusi/ohjaamo-kotka/",
    )
    if viewport is PHONE:
        page.locator(MENU_BUTTON).click()
    back_to_dashboard(page)
    follow(
        page,
        main + "a[href='/kaakkois-suomi/tapahtumat/lisaa/?organisation=ohjaamo-kotka']",
        "/kaakkois-suomi/tapahtumat/lisaa/?organisation=ohjaamo-kotka",
    )
    if viewport is PHONE:
        page.locator(MENU_BUTTON).click()
    back_to_dashboard(page)
    follow(
        page,
        main + "a:has-text('Palautettu ryhmävalmennus')",
        f"/kaakkois-suomi/ohjaustoimenpiteet/{people['kotka'].guidance_actions.get().pk}/",
    )
    if viewport is PHONE:
        page.locator(MENU_BUTTON).click()
    follow(
        page,
        "header a[href='/kaakkois-suomi/ohjaustoimenpiteet/oma/']",
        "/kaakkois-suomi/ohjaustoimenpiteet/oma/",
    )
    expect(page.locator("#tapahtumat")).to_be_attached()


def test_the_viewer_reaches_the_organisations_entries(new_page, people):
    page = new_page(viewport=DESKTOP)
    sign_in(page, people["viewer"].email)

    assert page.locator("main a[href*='/ohjaustoimenpiteet/uusi/']").count() == 0
    follow(
        page,
        "main a[href='/kaakkois-suomi/ohjaustoimenpiteet/oma/?organisation=ohjaamo-kotka']",
        "/kaakkois-suomi/ohjaustoimenpiteet/oma/?organisation=ohjaamo-kotka",
    )


def test_the_coordinator_reaches_the_queue_the_editor_and_the_report(new_page, people):
    page = new_page(viewport=DESKTOP)
    sign_in(page, people["coordinator"].email)

    follow(page, "main a[href='/kaakkois-suomi/arviointi/']", "/kaakkois-suomi/arviointi/")
    back_to_dashboard(page)
    follow(page, "main a[href='/kaakkois-suomi/muokkaa/']", "/kaakkois-suomi/muokkaa/")
    back_to_dashboard(page)
    follow(page, "main a[href='/kaakkois-suomi/raportit/2024/']", "/kaakkois-suomi/raportit/2024/")
    back_to_dashboard(page)
    follow(page, "main a[href='/kaakkois-suomi/ihmiset/']", "/kaakkois-suomi/ihmiset/")


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_the_national_team_reaches_the_regions_reports_and_the_national_pdfs(
    new_page, people, viewport
):
    page = new_page(viewport=viewport)
    sign_in(page, people["national"].email)

    follow(page, "main a[href='/kaakkois-suomi/raportit/2024/']", "/kaakkois-suomi/raportit/2024/")
    if viewport is PHONE:
        page.locator(MENU_BUTTON).click()
    back_to_dashboard(page)
    follow(page, "main a[href='/valtakunnallinen/']", "/valtakunnallinen/")
    expect(page.locator("main table")).to_contain_text("Kaakkois-Suomi")
    expect(page.locator("#pdf-tno-region")).to_be_visible()
    expect(page.locator("main form[action='/pdf/pyynto/']")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
