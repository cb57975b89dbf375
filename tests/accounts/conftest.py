"""Personas of sign-in and people management, around KASELO and a second region."""

import pytest
from django.core.cache import cache

PASSWORD = "salasana-testi-123"  # noqa: S105 - the UserFactory's password


@pytest.fixture(autouse=True)
def _clean_cache_and_mfa_off(settings):
    """Rate-limit counters live in the (Redis) cache: start every test with none.

    Two-factor set-up is required only where a test turns it on.
    """
    cache.clear()
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    yield
    cache.clear()
