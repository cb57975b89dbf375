"""Sign-ins, failures, lock-outs and second-factor events: one log line each, with the
account and the client's address."""

import logging

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.accounts.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def security_lines(caplog):
    return [r.getMessage() for r in caplog.records if r.name == "accounts.security"]


def sign_in(client, email, password):
    return client.post(
        reverse("account_login"), {"login": email, "password": password}, REMOTE_ADDR="192.0.2.7"
    )


def test_a_sign_in_and_a_failure_are_logged_with_account_and_address(client, editor, caplog):
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        sign_in(client, editor.email, "väärä-salasana")
        sign_in(client, editor.email, PASSWORD)

    assert security_lines(caplog) == [
        f"sign-in failed account={editor.email} ip=192.0.2.7",
        f"sign-in succeeded account={editor.email} ip=192.0.2.7",
    ]


def test_a_lock_out_is_logged(client, editor, caplog):
    for _attempt in range(5):
        sign_in(client, editor.email, "väärä-salasana")
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        sign_in(client, editor.email, PASSWORD)

    assert security_lines(caplog) == [f"sign-in locked out account={editor.email} ip=192.0.2.7"]
    assert "Traceback" not in caplog.text


def test_a_forwarded_address_is_believed_only_from_a_trusted_proxy(
    client, editor, caplog, settings
):
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    with caplog.at_level(logging.INFO, logger="accounts.security"):
        client.post(
            reverse("account_login"),
            {"login": editor.email, "password": "väärä"},
            REMOTE_ADDR="192.0.2.7",
            **forged,
        )
        settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
        client.post(
            reverse("account_login"),
            {"login": editor.email, "password": "väärä"},
            REMOTE_ADDR="192.0.2.7",
            **forged,
        )

    assert [line.rsplit("ip=", 1)[1] for line in security_lines(caplog)] == [
        "192.0.2.7",
        "203.0.113.9",
    ]


def test_passwords_need_twelve_characters_and_must_not_be_common():
    with pytest.raises(ValidationError):
        validate_password("Lyhyt-sala1")  # 11 characters
    with pytest.raises(ValidationError):
        validate_password("password1234")
    validate_password("ohjaus-kaikille-2026")
