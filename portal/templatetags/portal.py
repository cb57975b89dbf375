"""Template helpers shared by every public page."""

import logging
from typing import Any

from django import template
from django.conf import settings
from django.template.base import FilterExpression
from django.urls import translate_url
from django.utils.safestring import mark_safe

from portal import page_cache

register = template.Library()
logger = logging.getLogger(__name__)


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


#: Stands in for the CSRF token while a fragment renders: the cached HTML is everyone's,
#: the token is the visitor's own and goes in as the fragment is served.
CSRF_PLACEHOLDER = "csrf0placeholder0of0a0cached0fragment"


class FragmentNode(template.Node):
    """Render the enclosed template once and serve it from the cache while its data holds.

    See ``portal.page_cache`` for the key; only GET requests use the cache (a form
    shown again with its errors is always rendered).
    """

    def __init__(
        self,
        nodelist: template.NodeList,
        name: FilterExpression,
        parts: list[FilterExpression],
        when: FilterExpression | None,
        data: FilterExpression | None,
    ) -> None:
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.when = when
        self.data = data

    def render_fresh(self, context: template.Context, **extra: Any) -> str:
        """Render the enclosed template, with the context ``data`` loads added to it."""
        loaded = self.data.resolve(context) if self.data is not None else {}
        with context.push(**(loaded or {}), **extra):
            return self.nodelist.render(context)

    def render(self, context: template.Context) -> str:
        request = context.get("request")
        if (
            not settings.FRAGMENTS_ENABLED
            or getattr(request, "method", "") not in ("GET", "HEAD")
            or (self.when is not None and not self.when.resolve(context))
        ):
            return self.render_fresh(context)
        region = context.get("region")
        try:
            key = page_cache.fragment_key(
                str(self.name.resolve(context)),
                getattr(region, "pk", None),
                [part.resolve(context) for part in self.parts],
                known=page_cache.page_versions(region, request),
            )
            html = page_cache.get_fragment(key)
        except page_cache.CACHE_ERRORS:
            logger.warning("The fragment cache is unreachable; rendering afresh", exc_info=True)
            return self.render_fresh(context)
        if html is None:
            html = self.render_fresh(context, csrf_token=CSRF_PLACEHOLDER)
            page_cache.set_fragment(key, html)
        if CSRF_PLACEHOLDER in html:
            html = html.replace(CSRF_PLACEHOLDER, str(context.get("csrf_token", "")))
        return mark_safe(html)  # noqa: S308 (rendered by the template engine, escaped there)


@register.tag("fragment")
def do_fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    """``{% fragment "name" part ... [when=condition] [data=loader] %} … {% endfragment %}``:
    a cached part of a page.

    The parts name what the enclosed HTML depends on beyond the region's data and the
    language (both always in the key): a page number, the day. Everything personal (a
    person's links; a form's CSRF token is handled) stays outside or is a part. With
    ``when``, the fragment is cached only while the condition holds: a list caches its
    plain pages, not every combination of filters someone types. With ``data``, a
    callable the view put in the context, its dict joins the context only when the
    fragment renders: on a cache hit its queries never run.
    """
    bits = token.split_contents()
    options: dict[str, FilterExpression] = {}
    while len(bits) > 1 and bits[-1].split("=", 1)[0] in ("when", "data"):
        option, value = bits.pop().split("=", 1)
        options[option] = parser.compile_filter(value)
    if len(bits) < 2:
        raise template.TemplateSyntaxError("'fragment' needs a name.")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(bit) for bit in bits[2:]],
        when=options.get("when"),
        data=options.get("data"),
    )
