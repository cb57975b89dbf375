"""Template helpers for translated content (``lib.translation``).

``{{ text|localized_paragraphs }}`` is ``linebreaks`` for a ``LocalizedText``: the paragraphs
of a Finnish fallback come inside ``<div lang="fi">``. ``{% for field, errors in
fields|translation_groups %}`` (``includes/form.html``) puts a translated field's Finnish,
Swedish and English inputs side by side in one group, for every form of the portal.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.forms import BoundField
from django.template.defaultfilters import linebreaks_filter
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import SafeString

from lib.translation import SOURCE_LANGUAGE, TRANSLATION_LANGUAGES

register = template.Library()


@register.filter(is_safe=True, needs_autoescape=True)
def localized_paragraphs(value: Any, autoescape: bool = True) -> SafeString:
    """Paragraphs of ``value``; a Finnish fallback's inside ``<div lang="fi">``."""
    html = linebreaks_filter(getattr(value, "plain", value), autoescape)
    if getattr(value, "fallback", False):
        return format_html('<div lang="{}">{}</div>', value.lang, html)
    return html


class TranslationGroup:
    """A translated field's Finnish input and its translations, rendered as one group."""

    template_name = "includes/translated_field.html"

    def __init__(self, fields: list[BoundField]) -> None:
        self.fields = fields
        self.source = fields[0]
        for code, field in zip((SOURCE_LANGUAGE, *TRANSLATION_LANGUAGES), fields, strict=True):
            # The browser checks the spelling of each input in its own language.
            field.field.widget.attrs.setdefault("lang", code)

    @property
    def errors(self) -> Any:
        return self.source.errors

    def as_field_group(self) -> SafeString:
        return SafeString(render_to_string(self.template_name, {"group": self}))


@register.filter
def translation_groups(fields: Iterable[tuple[BoundField, Any]]) -> list[tuple[Any, Any]]:
    """``fields`` of a form's context, each translated field with its translations as a group."""
    items = list(fields)
    names = {field.name: index for index, (field, _errors) in enumerate(items)}
    taken: set[int] = set()
    grouped: list[tuple[Any, Any]] = []
    for index, (field, errors) in enumerate(items):
        if index in taken:
            continue
        partners = [names.get(f"{field.name}_{code}") for code in TRANSLATION_LANGUAGES]
        if all(partner is not None for partner in partners):
            members = [field] + [items[p][0] for p in partners if p is not None]
            taken.update(p for p in partners if p is not None)
            grouped.append((TranslationGroup(members), errors))
        else:
            grouped.append((field, errors))
    return grouped
