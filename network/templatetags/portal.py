"""Template helpers shared by every public page."""

from django import template
from django.conf import settings
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def default_language_path(context: template.Context) -> str:
    """Return the current page's path and query in the default language (no prefix).

    The language switcher posts this as ``next``: Django's ``set_language`` runs in the
    default language, so it can only translate an unprefixed path to the chosen one.
    """
    request = context.get("request")
    if request is None:
        return "/"
    return translate_url(request.get_full_path(), settings.LANGUAGE_CODE)
