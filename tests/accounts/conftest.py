"""Personas of sign-in and people management, around KASELO and a second region."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.cache import cache

from tests.factories import PASSWORD

__all__ = ["PASSWORD", "TOTP_SECRET", "current_code"]

TOTP_SECRET = "JBSWY3DPEHPK3PXP"  # noqa: S105 - a test authenticator's secret


def current_code(secret: str = TOTP_SECRET) -> str:
    """The TOTP code an authenticator app would show now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


@pytest.fixture(autouse=True)
def _clean_cache_and_mfa_off(settings):
    """Rate-limit counters live in the (Redis) cache: start every test with none.

    Two-factor set-up is required only where a test turns it on.
    """
    cache.clear()
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _mail_tasks_in_process(eager_tasks):
    """Mail goes through Celery tasks: run them in-process, so a test reads mail.outbox."""
