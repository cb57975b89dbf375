"""Content in Finnish, Swedish and English: the Finnish field is the record, the rest translate it.

A model names its translatable fields once, ``@translated("title", "description")``, and gets
a Swedish and an English field beside each (``title_sv``, ``title_en``): ordinary columns,
blank by default. The Finnish field keeps its name and its meaning everywhere (queries, forms,
history, imports), because the seeds and the law make Finnish the version of record and a
translation may lag behind or be missing.

A page reads ``localized(obj, "title")`` (in a template ``{{ obj.tr.title }}``): the active
language's text, or the Finnish one where no translation is written. A Finnish text on a
Swedish or English page renders inside ``<span lang="fi">`` so a screen reader reads it with
Finnish pronunciation (WCAG 3.1.2); ``.plain`` gives the text without markup, for attributes
and ``<title>``; ``|localized_paragraphs`` marks a multi-paragraph text's block.

Why not django-modeltranslation: it makes ``title`` mean the active language's column, so a
coordinator editing in ``/sv/`` would write the Swedish column through the Finnish field, and
filters, ordering, history and every existing form would change meaning with the language.
Its fallback is silent, and the portal has to know that it fell back to mark the text
``lang="fi"``. Plain columns and one reading function keep both explicit.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

#: The language content is written in first, and the languages it is translated into.
SOURCE_LANGUAGE = "fi"
TRANSLATION_LANGUAGES = ("sv", "en")

#: How a translation's field is labelled beside the Finnish one ("Title (Swedish)").
LANGUAGE_LABELS = {"sv": _("in Swedish"), "en": _("in English")}

ModelT = TypeVar("ModelT", bound=type[models.Model])


def translations(source: models.Field[Any, Any]) -> tuple[Any, Any]:
    """The Swedish and English fields of a Finnish one (``title_sv, title_en``).

    They are the Finnish field's kind and length, always optional, never unique or indexed.
    Declared in the class body (not added afterwards) so that the change history's copy of the
    model has them too.
    """
    _name, _path, args, kwargs = source.deconstruct()
    # The database default lets rows be written by code that predates the column (an older
    # migration's historical model), as the Python default does for the portal's own code.
    kwargs.update(blank=True, default="", db_default="", unique=False, db_index=False)
    for key in ("null", "help_text", "verbose_name", "choices"):
        kwargs.pop(key, None)
    swedish, english = (
        type(source)(
            format_lazy("{} ({})", source.verbose_name, LANGUAGE_LABELS[code]), *args, **kwargs
        )
        for code in TRANSLATION_LANGUAGES
    )
    return swedish, english


def translated(*names: str) -> Callable[[ModelT], ModelT]:
    """Name the model's translated fields (each declared with ``translations``) and give it
    ``obj.tr``. ``Model.translated_fields`` lists them; a subclass adds to its parent's."""

    def decorate(model: ModelT) -> ModelT:
        for name in names:
            for column in translation_field_names(name):
                model._meta.get_field(column)  # FieldDoesNotExist: declare it with translations()
        inherited = getattr(model, "translated_fields", ())
        model.translated_fields = (*inherited, *names)  # type: ignore[attr-defined]
        model.tr = property(Localizer)  # type: ignore[attr-defined]
        return model

    return decorate


def translation_field_names(name: str) -> list[str]:
    """``title`` → ``["title_sv", "title_en"]``."""
    return [f"{name}_{code}" for code in TRANSLATION_LANGUAGES]


def with_translations(model: type[models.Model], fields: Iterable[str]) -> list[str]:
    """A model form's ``fields`` with each translated field's Swedish and English beside it."""
    translated_names = getattr(model, "translated_fields", ())
    result: list[str] = []
    for name in fields:
        result.append(name)
        if name in translated_names:
            result.extend(translation_field_names(name))
    return result


def all_field_names(model: type[models.Model] | models.Model) -> list[str]:
    """Every translation column of a translated model, in the order of its Finnish fields."""
    names: Iterable[str] = getattr(model, "translated_fields", ())
    return [column for name in names for column in translation_field_names(name)]


def translations_of(obj: models.Model, *names: str) -> dict[str, Any]:
    """The translations of ``obj``'s named fields, as keyword arguments for a copy of it."""
    return {
        column: getattr(obj, column) for name in names for column in translation_field_names(name)
    }


def active_language() -> str:
    """The active language's code among the portal's (``sv`` for ``sv-fi``), Finnish by default."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in TRANSLATION_LANGUAGES else SOURCE_LANGUAGE


def in_every_language(obj: models.Model, name: str) -> dict[str, str]:
    """``obj``'s ``name`` in Finnish, Swedish and English (Finnish where not translated), for
    text rendered later in a language not known yet, such as a notice's mail
    (``resolve_languages``)."""
    source = getattr(obj, name) or ""
    return {
        SOURCE_LANGUAGE: source,
        **{code: getattr(obj, f"{name}_{code}", "") or source for code in TRANSLATION_LANGUAGES},
    }


def resolve_languages(values: dict[str, Any], language: str) -> dict[str, Any]:
    """``values`` with each ``in_every_language`` dictionary replaced by its ``language``
    text."""
    return {
        key: (value.get(language) or value[SOURCE_LANGUAGE])
        if isinstance(value, dict) and SOURCE_LANGUAGE in value
        else value
        for key, value in values.items()
    }


class LocalizedText(str):
    """A content text in the language it is written in (``lang``).

    ``fallback`` is true when the page asked for another language and only the Finnish text
    exists; rendered in a template, such a text is wrapped in ``<span lang="fi">``.
    """

    lang: str
    fallback: bool

    def __new__(cls, value: str, lang: str, fallback: bool = False) -> LocalizedText:
        text = super().__new__(cls, value)
        text.lang = lang
        text.fallback = fallback
        return text

    @property
    def plain(self) -> str:
        """The text itself, for attributes, ``<title>`` and option labels."""
        return str.__str__(self)

    @property
    def lang_attr(self) -> SafeString:
        """`` lang="fi"`` for a fallback, to put on the element that holds a long text."""
        return format_html(' lang="{}"', self.lang) if self.fallback else SafeString("")

    def __html__(self) -> SafeString:
        escaped = conditional_escape(self.plain)
        if self.fallback and self.plain:
            return format_html('<span lang="{}">{}</span>', self.lang, escaped)
        return SafeString(escaped)


def localized(obj: models.Model, name: str, language: str | None = None) -> LocalizedText:
    """``obj``'s ``name`` in ``language`` (the active one by default), else in Finnish."""
    language = language or active_language()
    source = getattr(obj, name) or ""
    if language == SOURCE_LANGUAGE or language not in TRANSLATION_LANGUAGES:
        return LocalizedText(source, SOURCE_LANGUAGE)
    text = getattr(obj, f"{name}_{language}", "") or ""
    if text.strip():
        return LocalizedText(text, language)
    return LocalizedText(source, SOURCE_LANGUAGE, fallback=language != SOURCE_LANGUAGE)


class Localizer:
    """``obj.tr.title``: the translated fields of one object in the active language."""

    def __init__(self, obj: models.Model) -> None:
        self._obj = obj

    def __getattr__(self, name: str) -> LocalizedText:
        if name.startswith("_") or name not in getattr(self._obj, "translated_fields", ()):
            raise AttributeError(name)
        return localized(self._obj, name)


def with_translated_widgets(model: type[models.Model], widgets: dict[str, Any]) -> dict[str, Any]:
    """A model form's ``widgets`` with each translated field's widget given to its translations
    too, so the Swedish and English inputs are as roomy as the Finnish one beside them."""
    translated_names = getattr(model, "translated_fields", ())
    result = dict(widgets)
    for name, widget in widgets.items():
        if name in translated_names:
            for column in translation_field_names(name):
                result.setdefault(column, copy.deepcopy(widget))
    return result
