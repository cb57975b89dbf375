"""The settings helpers read the environment strictly and fail loudly on bad values."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from kaselo.env import env_bool, env_int, env_list, env_str


def test_a_missing_required_variable_is_an_error(monkeypatch):
    monkeypatch.delenv("PORTAL_TEST_VALUE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PORTAL_TEST_VALUE"):
        env_str("PORTAL_TEST_VALUE")


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("Yes", True)])
def test_booleans_accept_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("PORTAL_TEST_VALUE", raw)
    assert env_bool("PORTAL_TEST_VALUE", default=not expected) is expected


def test_a_misspelt_boolean_is_an_error(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_VALUE", "ture")
    with pytest.raises(ImproperlyConfigured):
        env_bool("PORTAL_TEST_VALUE", default=False)


def test_a_non_number_is_an_error(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_VALUE", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("PORTAL_TEST_VALUE", 1)


def test_lists_are_split_on_commas(monkeypatch):
    monkeypatch.setenv("PORTAL_TEST_VALUE", "a.fi, b.fi,,")
    assert env_list("PORTAL_TEST_VALUE", []) == ["a.fi", "b.fi"]


def test_the_suite_runs_on_postgresql_as_production_does(settings):
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_the_suite_caches_in_redis_as_production_does(settings):
    from django.core.cache import cache

    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
    cache.set("portal-test-key", "ääkköset", 10)
    assert cache.get("portal-test-key") == "ääkköset"
