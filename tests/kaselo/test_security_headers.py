"""Headers every answer carries: a strict Content-Security-Policy, a Permissions-Policy,
no caching of what a signed-in person reads, and a limit on what a request may send."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_pages_carry_a_strict_content_security_policy(client, strategy):
    response = client.get(reverse("strategy:home"))

    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


def test_the_templates_need_no_inline_script_or_style(client, strategy):
    html = client.get(reverse("strategy:home")).content.decode()

    assert "<script>" not in html
    assert "<style" not in html
    assert ' style="' not in html
    assert '"includeIndicatorStyles": false' in html  # htmx adds no <style> of its own


def test_pages_turn_off_browser_features_the_portal_never_uses(client, strategy):
    policy = client.get(reverse("strategy:home"))["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in policy


def test_a_public_page_to_a_visitor_may_be_cached(client, strategy):
    response = client.get(reverse("strategy:home"))

    assert "no-store" not in response.get("Cache-Control", "")


def test_every_answer_to_a_signed_in_person_is_private_and_not_stored(
    client_of, coordinator, strategy
):
    client = client_of(coordinator)
    for url in (
        reverse("strategy:home"),
        reverse("dashboard"),
        reverse("editor:home", kwargs={"region": strategy.region.slug}),
    ):
        cache_control = client.get(url)["Cache-Control"]
        assert "private" in cache_control, url
        assert "no-store" in cache_control, url


def test_a_request_body_over_the_limit_is_refused_unread(client, settings, region):
    settings.MAX_REQUEST_BODY_SIZE = 1024
    upload = SimpleUploadedFile("iso.pdf", b"%PDF-1.4 " + b"x" * 4096)

    response = client.post(reverse("account_login"), {"login": "a@b.fi", "file": upload})

    assert response.status_code == 413
    assert "Pyyntö on liian suuri" in response.content.decode()


def test_a_request_body_within_the_limit_goes_through(client, settings, region):
    settings.MAX_REQUEST_BODY_SIZE = 1024

    response = client.post(reverse("account_login"), {"login": "a@b.fi", "password": "x"})

    assert response.status_code == 200


def test_the_limit_fits_the_largest_upload_and_its_form():
    from django.conf import settings

    from lib.uploads import MAX_UPLOAD_SIZE

    assert MAX_UPLOAD_SIZE < settings.MAX_REQUEST_BODY_SIZE <= MAX_UPLOAD_SIZE + 5 * 1024 * 1024


def test_a_refusal_is_logged_as_one_line_without_a_traceback(client_of, editor, strategy, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_of(editor).get(
            reverse("editor:home", kwargs={"region": strategy.region.slug})
        )

    assert response.status_code == 403
    [record] = [r for r in caplog.records if r.name == "django.request"]
    assert record.getMessage().startswith("Forbidden")
    assert record.exc_info is None
    assert "Traceback" not in caplog.text


def test_the_proxy_and_django_refuse_bodies_at_the_same_size():
    """docker-compose's Caddy and Django's middleware must agree on the largest request."""
    from pathlib import Path

    from django.conf import settings

    caddyfile = (Path(settings.BASE_DIR) / "deploy" / "Caddyfile").read_text()
    compose = (Path(settings.BASE_DIR) / "docker-compose.yml").read_text()

    assert f"max_size {settings.MAX_REQUEST_BODY_SIZE // (1024 * 1024)}MiB" in caddyfile
    assert 'TRUSTED_PROXY_COUNT: "1"' in compose
    # Only the proxy is published: gunicorn's port is not.
    assert '"8000:8000"' not in compose


@pytest.mark.parametrize(("proxies", "trusted"), [("0", "None"), ("1", "HTTP_X_FORWARDED_PROTO")])
def test_a_client_sent_forwarded_proto_is_trusted_only_behind_the_proxy(tmp_path, proxies, trusted):
    import os
    import subprocess
    import sys

    from django.conf import settings

    script = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_PROXY_SSL_HEADER and s.SECURE_PROXY_SSL_HEADER[0], "
        "s.ALLAUTH_TRUSTED_PROXY_COUNT)"
    )
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "false",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "elo.example.fi",
        "VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "kaselo.settings",
        "TRUSTED_PROXY_COUNT": proxies,
    }
    result = subprocess.run(  # noqa: S603 - the test's own interpreter and script
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert result.stdout.split() == [trusted, proxies]
