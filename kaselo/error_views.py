"""The answer to a form refused by the CSRF check, in the site's layout and language.

Set as ``CSRF_FAILURE_VIEW``. It renders without a request context, as the server error
page does, so it needs neither the database nor Redis: the refusal often comes when a
session has ended, and must not fail itself.
"""

from django.http import HttpRequest, HttpResponseForbidden
from django.template.loader import render_to_string


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponseForbidden:
    """The refusal is logged already by the CSRF middleware (``django.security.csrf``)."""
    return HttpResponseForbidden(render_to_string("403_csrf.html"))
