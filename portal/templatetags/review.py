"""The version of an entry a reviewer is shown, for the accept and return forms."""

from typing import Any

from django import template

from portal.review_services import shown_version

register = template.Library()


@register.filter
def review_version(entry: Any) -> str:
    """The version of an entry or a good-practice proposal the reviewer's form carries."""
    return shown_version(entry)
