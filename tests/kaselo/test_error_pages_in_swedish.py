"""The error pages Django renders without a request context (500, 400, the refused form) speak
Swedish on /sv/: ``<html lang="sv">`` and no Finnish interface string (``tests.finnish``)."""

import re

import pytest
from django.core.exceptions import BadRequest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import bad_request, server_error

from kaselo.error_views import csrf_failure
from tests.finnish import finnish_strings

ERROR_PAGES = {
    "500": lambda request: server_error(request),
    "400": lambda request: bad_request(request, BadRequest()),
    "403 csrf": lambda request: csrf_failure(request),
}


@pytest.mark.parametrize("name", ERROR_PAGES)
def test_an_error_page_on_a_swedish_address_is_swedish(name):
    request = RequestFactory().get("/sv/kaakkois-suomi/")
    with translation.override("sv"):
        page = ERROR_PAGES[name](request).content.decode()

    assert '<html lang="sv">' in page
    text = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.DOTALL)
    lines = [line.strip() for line in re.split(r"<[^>]+>", text) if line.strip()]
    finnish = [piece for line in lines for piece, *_where in finnish_strings().found_in(line)]
    assert finnish == []
    assert 'href="/sv/"' in page  # "Go to the front page" stays in Swedish
