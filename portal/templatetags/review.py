"""The version of an entry a reviewer is shown, for the accept and return forms."""

from django import template

from portal.review import Reviewable
from portal.review_services import shown_version

register = template.Library()


@register.filter
def review_version(entry: Reviewable) -> str:
    return shown_version(entry)
