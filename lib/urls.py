"""Routes read in the visitor's language.

Every literal segment of a route is marked ``pgettext_lazy("URL", "<Finnish segment>")``
where it is written, so ``makemessages`` finds it and the Finnish address stays the msgid
(Finnish paths never change, with or without a catalogue). ``route`` joins a route's parts
lazily: Django resolves and reverses a lazy route once per language (``i18n_patterns``),
which is what ``translate_url`` and the language switcher rely on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import is_valid_path, translate_url
from django.utils import translation
from django.utils.text import format_lazy

if TYPE_CHECKING:
    from django.utils.functional import _StrOrPromise


def route(*parts: _StrOrPromise) -> _StrOrPromise:
    """The parts (converters as they are, translated segments lazily) as one lazy route."""
    return format_lazy("{}" * len(parts), *parts)


def translated_address(path: str, urlconf: str | None = None) -> str | None:
    """The address in its prefix's language of a path written with the Finnish segments
    under ``/sv/`` or ``/en/`` (``/sv/<region>/hankkeet/`` → ``/sv/<region>/projekt/``).

    ``None`` when the path is not such an address: no other language's prefix, a path that
    resolves as it is (its 404, if any, is the view's), or one that does not resolve in
    Finnish either. Old bookmarks and links copied from before the addresses were
    translated are the reason.
    """
    language = translation.get_language_from_path(path)
    if not language or language == settings.LANGUAGE_CODE:
        return None
    with translation.override(language):
        if is_valid_path(path, urlconf):
            return None
    finnish = path[len(language) + 1 :]
    with translation.override(settings.LANGUAGE_CODE):
        if not is_valid_path(finnish, urlconf):
            return None
        address = translate_url(finnish, language)
    with translation.override(language):
        return address if address != finnish and is_valid_path(address, urlconf) else None
