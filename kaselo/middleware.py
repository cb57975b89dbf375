"""Refuse what the portal never takes before a view reads it: a body larger than any form,
and a NUL character in the address; and take an old Finnish address under /sv/ or /en/ to
the translated one."""

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from lib.urls import translated_address


class RequestSizeLimitMiddleware:
    """Answer 413 to a body over ``MAX_REQUEST_BODY_SIZE``, unread.

    Django streams multipart uploads to temporary files with no limit of its own, so a
    1 GB post to any page would fill the disk. The reverse proxy applies the same limit
    (docker-compose's Caddyfile); this one holds where no proxy stands in front. It must
    come before anything that reads ``request.POST`` (the CSRF check does).
    A body sent without a ``Content-Length`` is never read by Django at all.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BODY_SIZE:
            message = _(
                "The request is too large: at most %(limit)s can be sent at once. "
                "Nothing was saved; go back and send smaller files."
            ) % {"limit": filesizeformat(settings.MAX_REQUEST_BODY_SIZE)}
            return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ImpossibleInputMiddleware:
    """Answer 400 (the site's page) to a NUL character in the query string, before a view.

    PostgreSQL refuses NUL in any text it is sent, so a filter that looks up
    ``?organisation=%00`` would fail with a server error. Form fields refuse NUL themselves
    (Django's ``CharField`` validator), with an error next to the field and the rest of the
    form kept; an address has no field to show the error on.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the query string")
        return self.get_response(request)


class TranslatedAddressMiddleware:
    """Answer a page not found under ``/sv/`` or ``/en/`` whose address is written with the
    Finnish segments by a permanent redirect to the page's address in that language.

    The addresses were Finnish in every language before they were translated, so bookmarks
    and links in old mails still read ``/sv/<region>/hankkeet/``; a visitor following one
    expects the page, not a 404. Only a 404 asks (``lib.urls.translated_address``), so a
    page found costs nothing more. After ``LocaleMiddleware``, which activates the language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        address = translated_address(request.path_info, getattr(request, "urlconf", None))
        if address is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)
