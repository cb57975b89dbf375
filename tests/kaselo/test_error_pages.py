"""The server error page renders in Finnish, in the site's look, with the database down."""

import pytest
from django.db import connections
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error


@pytest.fixture
def unreachable_database(settings):
    """Point the default database at a closed port: any query would fail to connect."""
    connection = connections["default"]
    connection.close()
    saved = connection.settings_dict.copy()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9", CONN_MAX_AGE=0)
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


def test_the_server_error_page_needs_no_database_and_no_request_context(unreachable_database):
    # No django_db mark: pytest-django refuses every query too, so one would fail the test.
    request = RequestFactory().get("/kaakkois-suomi/")

    with translation.override("fi"):
        response = server_error(request)

    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="fi">' in page
    assert "ELO-portaali" in page
    assert "Siirry pääsisältöön" in page
    assert "<h1>" in page
    assert "css/portal" in page  # the site's stylesheet
    assert 'class="site-header"' in page
    assert 'href="/"' in page
    for syntax in ("{%", "{{", "{#"):
        assert syntax not in page
