"""Shared test set-up: fast hashing, files in a temporary folder, and the portal's personas."""

import pytest

from tests.factories import FocusAreaFactory, RegionFactory, StrategyFactory


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # WhiteNoise warns on every request's middleware set-up when STATIC_ROOT is missing.
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def region(db):
    return RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi", abbreviation="KASELO")


@pytest.fixture
def strategy(region):
    return StrategyFactory(region=region)


@pytest.fixture
def focus_area(strategy):
    return FocusAreaFactory(strategy=strategy, number=1, title="OHJAUSPALVELUN SAAVUTETTAVUUS")
