"""The Swedish walk: every page a persona reaches in /sv/ speaks Swedish, no Finnish left over.

The pages are the screen walk's (``test_screen_walk.visits``, with its demo data), reversed
under ``translation.override("sv")`` so that a URL whose segments are translated is followed
too, and opened in Chromium by the visitor, an organisation editor, a viewer, the region's
coordinator and the national team. A page fails when ``<html lang>`` is not ``sv`` or when its
text holds a Finnish interface string:

- **the text looked at** is what a person reads and hears: each visible text node of
  ``<body>``, the options of lists, ``<title>``, the labels only a screen reader or a tooltip
  shows (``aria-label``, ``title``, ``alt``, ``placeholder``), the captions of input buttons
  and the messages handed to the scripts in ``data-*`` attributes. Left out: text inside
  ``[lang="fi"]`` (content with no Swedish version yet is marked so), what form fields hold
  (their values are content) and word diffs (``.diff``, two versions of a content text);
- **content is not interface**: a Finnish word found is content when it lies in a run of the
  text that a row of the database holds (a strategy's text, an event's title, a person's name:
  any text column of the portal's apps) and that run is a whole value or line of it, or at
  least ``SHORTEST_CONTENT_PIECE`` characters of one; such content is the business of the
  content's translation (``lib.translation``), not of this test;
- **a Finnish interface string** is one of ``tests.finnish``: a piece or a word of a Finnish
  ``msgstr`` (the portal's, Django's, allauth's) whose Swedish one differs or is missing.

``SWEDISH_WALK_ONLY`` (a regular expression on "<persona> <label>") walks only some pages;
``SWEDISH_WALK_DUMP`` (a file) gets every text read that is not wholly content, one JSON line
each, to look through for Finnish that no catalogue knows. Broken on purpose once, the walk
found both a Finnish word written into a template ("Tarkastusjono" for the review queue) and a
message whose Swedish translation was removed (Django showed the Finnish one).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect

import tests.browser.test_screen_walk as screen_walk
from demo.users import DEMO_PASSWORD
from tests.finnish import WORD, FinnishStrings, finnish_strings

walk_data = screen_walk.walk_data

SHORTEST_CONTENT_PIECE = 25  # characters a text must have to count as a piece of a longer one
# The apps whose rows are the portal's content (with their change histories).
CONTENT_APPS = (
    "accounts",
    "network",
    "notices",
    "strategy",
    "actions",
    "events",
    "reporting",
)

READ = """
() => {
  const texts = [];
  // .diff: a word diff of two versions of a content text.
  const hidden = "script, style, template, noscript, textarea, select, [lang=fi], .diff";
  const labels = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (!text) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest(hidden)) continue;
    if (!parent.checkVisibility({visibilityProperty: true})) continue;
    // A chart's label wraps onto lines of its own (<tspan>): read it whole, once.
    const label = parent.closest("svg text");
    if (label) {
      if (labels.has(label)) continue;
      labels.add(label);
      const lines = label.querySelectorAll("tspan");
      texts.push(["text", lines.length
        ? Array.from(lines, (line) => line.textContent.trim()).join(" ") : text]);
      continue;
    }
    texts.push(["text", text]);
  }
  // The choices of a list (a closed <select> draws none of them).
  for (const option of document.querySelectorAll("select option")) {
    if (option.closest("[lang=fi]") || !option.closest("select").checkVisibility()) continue;
    const text = option.textContent.replace(/\\s+/g, " ").trim();
    if (text) texts.push(["option", text]);
  }
  texts.push(["title", document.title]);
  const spoken = ["aria-label", "title", "alt", "placeholder", "aria-description"];
  for (const element of document.querySelectorAll("*")) {
    if (element.closest("[lang=fi]")) continue;
    for (const attribute of element.attributes) {
      const name = attribute.name;
      const value = attribute.value.trim();
      if (!value) continue;
      if (spoken.includes(name) || (name.startsWith("data-") && !/^[\\/#?]|^https?:/.test(value))
          || (name === "value" && element.matches("input[type=submit], input[type=button]"))) {
        texts.push([name, value.replace(/\\s+/g, " ")]);
      }
    }
  }
  // Each text once: a long page repeats its labels ("Flytta uppåt") hundreds of times.
  const once = new Map(texts.map(([where, text]) => [text, where]));
  return {lang: document.documentElement.lang, texts: Array.from(once, ([t, w]) => [w, t])};
}
"""


def text_values(rows: Iterable[tuple]) -> Iterable[str]:
    for row in rows:
        for value in row:
            if isinstance(value, str):
                yield value
            elif value is not None:
                yield json.dumps(value, ensure_ascii=False)


@dataclass
class Content:
    """The database's texts: a text node that is one of them, or a piece of one, is content."""

    lines: set[str]
    everything: str
    known: dict[tuple[str, int, int], bool] = field(default_factory=dict)

    def holds(self, text: str, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` lies in content shown in ``text``: a piece of a row's
        text of ``SHORTEST_CONTENT_PIECE`` characters or more, or a whole value or line."""
        key = (text, start, end)
        if key not in self.known:
            shown = self.widest(text, start, end)
            self.known[key] = bool(shown.strip()) and (
                len(shown) >= SHORTEST_CONTENT_PIECE or shown.strip() in self.lines
            )
        return self.known[key]

    def widest(self, text: str, start: int, end: int) -> str:
        """The widest run of whole words around ``text[start:end]`` that content holds.

        A run within a held run is held too, so each end is found by halving.
        """
        if text[start:end] not in self.everything:
            return ""
        ends = [end, *[m.end() for m in WORD.finditer(text) if m.end() > end], len(text)]
        right = ends[self.furthest(ends, lambda e: text[start:e])]
        before = [m.start() for m in WORD.finditer(text) if m.start() < start]
        starts = [start, *before[::-1], 0]
        left = starts[self.furthest(starts, lambda s: text[s:right])]
        return text[left:right]

    def furthest(self, bounds: list[int], run) -> int:
        """The last index of ``bounds`` whose ``run`` content holds (the first one does)."""
        low, high = 0, len(bounds) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if run(bounds[middle]) in self.everything:
                low = middle
            else:
                high = middle - 1
        return low


def database_content() -> Content:
    texts: list[str] = []
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            columns = [
                field.attname
                for field in model._meta.concrete_fields
                if isinstance(
                    field, models.CharField | models.TextField | models.JSONField | models.FileField
                )
            ]
            if columns:
                texts += text_values(model._base_manager.values_list(*columns))
    lines: set[str] = set()
    for text in texts:
        lines.add(text.rsplit("/", 1)[-1])  # a file's name, shown without its folder
        lines.add(" ".join(text.split()))
        lines.update(" ".join(line.split()) for line in text.splitlines())
    lines.discard("")
    unique = {" ".join(text.split()) for text in texts}
    return Content(lines=lines, everything="\n".join(sorted(unique)))


def sign_in_in_swedish(page: Page, email: str) -> None:
    with translation.override("sv"):
        login = reverse("account_login")
    page.goto(login)
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(DEMO_PASSWORD)
    page.locator("form:has(input[name=login]) button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(re.escape(login)))


# The account pages of allauth that the screen walk leaves to allauth's own tests: the
# visitor's, and those of a signed-in person (the coordinator, who must set up two-factor).
ACCOUNT_PAGES = {
    "visitor": ("account_signup", "account_reset_password", "account_reset_password_done"),
    "coordinator": (
        "account_change_password",
        "account_email",
        "account_reauthenticate",
        "mfa_index",
        "mfa_activate_totp",
        "account_logout",  # last: it asks before signing out, and the walk says no
    ),
}


def swedish_visits(objects: screen_walk.Objects) -> list[screen_walk.Visit]:
    """The screen walk's pages and the account pages, reversed in Swedish (a fixed address
    gets the /sv/ prefix)."""
    with translation.override("sv"):
        every = screen_walk.visits(objects)
        every += [
            screen_walk.Visit(persona, name, reverse(name))
            for persona, names in ACCOUNT_PAGES.items()
            for name in names
        ]
    return [
        visit
        if visit.url.startswith("/sv/")
        else screen_walk.Visit(visit.persona, visit.label, f"/sv{visit.url}", visit.status)
        for visit in every
    ]


def finnish_on(page: Page, strings: FinnishStrings, content: Content) -> list[str]:
    """The Finnish interface strings of the page, as "Finnish words (msgid) in where"."""
    seen = page.evaluate(READ)
    found: list[str] = []
    if seen["lang"] != "sv":
        found.append(f'<html lang="{seen["lang"]}">, not "sv"')
    for where, text in seen["texts"]:
        if os.environ.get("SWEDISH_WALK_DUMP") and not content.holds(text, 0, len(text)):
            with open(os.environ["SWEDISH_WALK_DUMP"], "a") as dump:
                dump.write(json.dumps([page.url, where, text], ensure_ascii=False) + "\n")
        for piece, msgid, start, end in strings.found_in(text):
            if content.holds(text, start, end):
                continue
            line = f"“{piece}” ({msgid!r}) in {where} “{text[:80]}”"
            if line not in found:
                found.append(line)
    return found


# serialized_rollback: the rows data migrations seed (target groups, channels) survive the
# flush that follows each live-server test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_persona_reads_every_page_in_swedish(walk_data, chromium_browser, live_server):
    strings = finnish_strings()
    content = database_content()
    only = re.compile(os.environ.get("SWEDISH_WALK_ONLY", ""))
    every = swedish_visits(walk_data)
    report: list[str] = []
    for persona in screen_walk.PERSONAS:
        context = chromium_browser.new_context(
            base_url=live_server.url,
            locale="sv-FI",
            viewport={"width": screen_walk.WIDE, "height": screen_walk.HEIGHTS[screen_walk.WIDE]},
        )
        context.set_default_timeout(15_000)
        page = context.new_page()
        if persona != "visitor":
            sign_in_in_swedish(page, screen_walk.EMAILS[persona])
        for visit in every:
            if visit.persona != persona or not only.search(f"{persona} {visit.label}"):
                continue
            response = page.goto(visit.url)
            status = response.status if response else None
            found = [] if status == visit.status else [f"answered {status}, not {visit.status}"]
            found += finnish_on(page, strings, content)
            if found:
                report.append(
                    f"{persona} {visit.label} ({visit.url}):\n  - " + "\n  - ".join(found)
                )
        context.close()
    assert not report, f"{len(report)} pages are not Swedish:\n" + "\n".join(report)
