"""Browser tests: Playwright for Python driving Debian's Chromium against the live server.

Playwright never downloads a browser here; it starts /usr/bin/chromium headless. axe-core
(bundled with axe-playwright-python) checks every page a journey visits.
"""

import os
import re
import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Page, expect, sync_playwright

from tests.factories import PASSWORD

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are still synchronous, so Django's async guard is relaxed here only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


class PolicyViolation(AssertionError):
    pass


@pytest.fixture
def page(chromium_browser, live_server) -> Page:
    """A fresh page; the test fails if the Content-Security-Policy refused anything on it.

    Chromium reports each refusal on the console; a refused script or style would mean a
    page (or an htmx swap) that looks or works differently from what the tests saw.
    """
    context = chromium_browser.new_context(base_url=live_server.url, locale="fi-FI")
    context.set_default_timeout(10_000)
    page = context.new_page()
    refusals: list[str] = []
    page.on(
        "console",
        lambda message: (
            refusals.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    yield page
    context.close()
    if refusals:
        raise PolicyViolation("\n".join(refusals))


class AccessibilityError(AssertionError):
    pass


@pytest.fixture
def assert_accessible():
    """Run axe-core on the page; fail on serious or critical violations, naming them."""
    axe = Axe()

    def check(page: Page) -> None:
        results = axe.run(page)
        serious = [
            violation
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        if serious:
            lines = [
                f"{v['id']} ({v['impact']}): {v['help']} at "
                + ", ".join(node["target"][0] for node in v["nodes"][:3])
                for v in serious
            ]
            raise AccessibilityError(f"{page.url}:\n" + "\n".join(lines))

    return check


def sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    """Sign in through the portal's sign-in page, as a person would, and wait to be let in.

    The one way every browser test signs in: the labels it types into are the page's own,
    so a change of the sign-in form shows here once.
    """
    page.goto(reverse("account_login"))
    page.get_by_label("Sähköposti").fill(email)
    page.get_by_label("Salasana").fill(password)
    page.get_by_role("button", name="Kirjaudu sisään").click()
    expect(page).not_to_have_url(re.compile(re.escape(reverse("account_login"))))
