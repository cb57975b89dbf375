"""Choices of a model field named in the page's language (``lib.translation``).

A form's or a filter's choices of translated objects (target groups, channels, focus areas)
are labelled with ``localized(obj, name).plain``: an option or a checkbox label is plain
text, so a Finnish fallback is not wrapped in markup there.
"""

from __future__ import annotations

from typing import Any

from django import forms

from lib.translation import localized


class LocalizedLabel:
    """``label_from_instance`` of a model choice field: the object's ``name`` field in the
    active language, its ``number`` before it when ``numbered`` ("2. Ohjaus")."""

    def __init__(self, name: str = "title", numbered: bool = False) -> None:
        self.name = name
        self.numbered = numbered

    def __call__(self, obj: Any) -> str:
        text = localized(obj, self.name).plain
        return f"{obj.number}. {text}" if self.numbered else text


def localize_labels(field: Any, name: str = "title", numbered: bool = False) -> None:
    """Label ``field``'s choices (a ``ModelChoiceField`` or ``ModelMultipleChoiceField``)
    in the active language; read when the choices render, so after ``activate``."""
    if not isinstance(field, forms.ModelChoiceField):
        raise TypeError(f"{field!r} is not a model choice field")
    field.label_from_instance = LocalizedLabel(name, numbered)  # type: ignore[method-assign]
