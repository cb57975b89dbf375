"""The benchmark's yardsticks: what this machine's Django can do at best.

``trivial`` is the cost of the stack alone (gunicorn, middleware, no database);
``reference`` is the practical limit of a list page: 50 rows of one table, one query, a
plain template. Every page's throughput is tracked as a ratio to ``reference``'s.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from network.models import Organisation

REFERENCE_ROWS = 50


def trivial(request: HttpRequest) -> HttpResponse:
    """A short text; no template, no query."""
    return HttpResponse("ok", content_type="text/plain")


def reference(request: HttpRequest) -> HttpResponse:
    """The first 50 organisations by name, in one query, through a plain template."""
    organisations = list(
        Organisation.objects.order_by("name").only(
            "name", "slug", "kind", "sector", "website", "region_id"
        )[:REFERENCE_ROWS]
    )
    return render(request, "bench/reference.html", {"organisations": organisations})
