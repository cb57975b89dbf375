"""The header's personal links (see ``portal.navigation``)."""

from typing import Any

from django import template

from portal.navigation import PersonalNavigation, personal_navigation

register = template.Library()


@register.simple_tag(takes_context=True)
def personal_nav(context: Any) -> PersonalNavigation | None:
    """The person's links and the region of the main navigation; None without a request."""
    request = context.get("request")
    return personal_navigation(request) if request is not None else None
