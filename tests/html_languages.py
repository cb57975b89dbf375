"""The language each text of a page is in, as a screen reader reads it: ``lang`` inherited.

A small ``html.parser`` walk for the tests of translated content: it follows the nesting of
elements (void elements opening none), and leaves out what is no text of the page (the
``<title>``, an ``<option>``'s label, scripts and styles, which cannot carry markup, and the
inside of a chart: an ``<svg role="img">`` is read by its title and description alone).
"""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
NOT_TEXT = {"title", "option", "script", "style", "svg"}


class _LanguageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []

    def language(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs).get("lang")))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass

    def handle_endtag(self, tag: str) -> None:
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not any(tag in NOT_TEXT for tag, _lang in self.stack):
            self.texts.append((data, self.language()))


def texts_with_languages(html: str) -> list[tuple[str, str]]:
    """Every text of the page with the language it is marked in (the nearest ``lang``)."""
    parser = _LanguageParser()
    parser.feed(html)
    parser.close()
    return parser.texts


def languages_of(html: str, text: str) -> list[str]:
    """The language of each of the page's texts that contains ``text``."""
    return [lang for data, lang in texts_with_languages(html) if text in data]


def address_in(path: str, language: str) -> str:
    """The Finnish address ``path`` (query kept) as it reads in ``language`` (``/sv/…``
    with the Swedish segments)."""
    from django.urls import translate_url
    from django.utils import translation

    with translation.override("fi"):
        return translate_url(path, language)
