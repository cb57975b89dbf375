"""The error pages (500, 400, the refused form) render in Finnish, in the site's look, with
the database down; a NUL character in the address answers the 400 page, not a 500."""

import pytest
from django.core.exceptions import BadRequest
from django.db import connections
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.defaults import bad_request, server_error

from kaselo.error_views import csrf_failure


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


def page_checks(page):
    """What every error page shares: Finnish, the site's header and stylesheet, no syntax."""
    assert '<html lang="fi">' in page
    assert "css/portal" in page
    assert 'class="site-header"' in page
    assert 'href="/"' in page
    for syntax in ("{%", "{{", "{#"):
        assert syntax not in page


def test_the_bad_request_page_needs_no_database_and_says_nothing_was_saved(
    unreachable_database,
):
    request = RequestFactory().get("/kaakkois-suomi/")

    with translation.override("fi"):
        response = bad_request(request, BadRequest("test"))
        nothing_saved = _(
            "The address or the form contained characters or values the portal cannot accept. "
            "Nothing was saved."
        )
        what_to_do = _(
            "Go back, reload the page and send the form again. If you followed a link, "
            "check the address."
        )

    assert response.status_code == 400
    page = response.content.decode()
    page_checks(page)
    assert nothing_saved in page
    assert what_to_do in page


def test_the_csrf_failure_page_needs_no_database_and_says_the_form_had_expired(
    unreachable_database,
):
    request = RequestFactory().post("/kaakkois-suomi/")

    with translation.override("fi"):
        response = csrf_failure(request, reason="CSRF token missing.")
        expired = _("The form had expired")
        what_to_do = _(
            "Go back and copy what you wrote, reload the page, then fill in and send the form "
            "again."
        )

    assert response.status_code == 403
    page = response.content.decode()
    page_checks(page)
    assert f"<h1>{expired}</h1>" in page
    assert what_to_do in page
    assert "CSRF token missing" not in page  # the reason is for the log, not the person


@pytest.mark.django_db
def test_a_form_sent_without_its_token_gets_the_sites_csrf_page_in_finnish(editor, region):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)

    response = client.post(
        reverse("events:add", kwargs={"region": region.slug}), {"title": "Messut"}
    )

    assert response.status_code == 403
    page = response.content.decode()
    with translation.override("fi"):
        assert _("The form had expired") in page
    assert '<html lang="fi">' in page
    assert 'class="site-header"' in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "address",
    [
        ("guidance:mine", "?organisation=%00"),
        ("events:add", "?organisation=%00"),
        ("events:add", "?organisation=ohjaamo-kotka%00x"),
        ("events:event_list", "?q=%00"),
    ],
)
def test_a_nul_character_in_the_address_answers_the_sites_400_page_in_finnish(
    editor, client_of, region, kotka, address
):
    name, query = address

    response = client_of(editor).get(reverse(name, kwargs={"region": region.slug}) + query)

    assert response.status_code == 400
    page = response.content.decode()
    page_checks(page)
    with translation.override("fi"):
        assert _("The request could not be handled") in page


@pytest.mark.django_db
def test_a_nul_character_in_a_form_field_is_an_error_next_to_the_field(
    editor, client_of, region, kotka
):
    response = client_of(editor).post(
        reverse("events:add", kwargs={"region": region.slug}) + f"?organisation={kotka.slug}",
        {"title": "Messut\x00"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Messut' in page  # what was typed is kept
    with translation.override("fi"):
        assert _("Null characters are not allowed.") in page


def test_the_favicon_address_leads_to_the_portals_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".svg")
    assert "img/favicon" in response["Location"]
