"""Reading a page's translated content: what the Swedish page shows, and the guard that a
Finnish fallback's ``<span lang="fi">`` never lands where markup does not belong."""

from __future__ import annotations

import re

from django.urls import reverse
from django.utils import translation

#: Markup of a fallback inside an attribute value (``title="<span lang=...``, or escaped),
#: inside ``<title>`` or inside an ``<option>``: each would show the tag as text or break
#: the element.
MISPLACED_MARKUP = [
    re.compile(r'=\s*"[^"]*<span lang='),
    re.compile(r"&lt;span lang="),
    re.compile(r"<title>(?:(?!</title>).)*<span", re.S),
    re.compile(r"<option[^>]*>(?:(?!</option>).)*<span", re.S),
]


def swedish_url(name: str, *args: object, **kwargs: object) -> str:
    """The address of ``name`` on the Swedish pages (``/sv/...``)."""
    with translation.override("sv"):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def assert_no_misplaced_markup(html: str) -> None:
    """Fail on a fallback's ``<span lang=...>`` in an attribute, ``<title>`` or option."""
    for pattern in MISPLACED_MARKUP:
        match = pattern.search(html)
        assert match is None, f"markup where text belongs: {match.group(0)[-200:]!r}"


def page_title(html: str) -> str:
    """The text of the page's ``<title>``."""
    match = re.search(r"<title>(.*?)</title>", html, re.S)
    assert match is not None
    return match.group(1).strip()
