"""Shared test set-up: fast hashing, files in a temporary folder, KASELO (Kaakkois-Suomi) with
its organisations and a second region, Etelä-Savo. The people of both are in
``tests/personas.py``, loaded here as a plugin.
"""

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from lib.scoping import scopes_disabled
from tests.factories import (
    FocusAreaFactory,
    OrganisationFactory,
    RegionFactory,
    StrategyFactory,
)

pytest_plugins = ["tests.personas"]


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    # Rate-limit counters and cached fragments live in Redis: each test starts without them.
    cache.clear()
    # A request to /en/ leaves English active in the thread, and reverse() would prefix it.
    translation.activate(settings.LANGUAGE_CODE)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    # WhiteNoise warns on every request's middleware set-up when STATIC_ROOT is missing.
    settings.STATIC_ROOT = tmp_path / "staticfiles"
    settings.STATIC_ROOT.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True, scope="session")
def _scopes_disabled_in_test_code():
    """Arrange and assert code reads every region's rows; requests do not.

    Session-wide, so module-wide data (``tests/test_region_isolation.py``) is built the same
    way. A request through the test client goes through ``lib.scoping.ScopeMiddleware``, which
    turns region scoping back on, so views are tested under real scoping. A test of the
    scoping itself enters ``request_scope()`` (on, no region) or a region's ``scope()``.
    """
    with scopes_disabled():
        yield


@pytest.fixture
def eager_tasks(settings):
    """Run Celery tasks in-process: the app read its configuration at import, so set both."""
    from kaselo.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def region(db):
    return RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi", abbreviation="KASELO")


@pytest.fixture
def strategy(region):
    return StrategyFactory(region=region)


@pytest.fixture
def focus_area(strategy):
    return FocusAreaFactory(strategy=strategy, number=1, title="OHJAUSPALVELUN SAAVUTETTAVUUS")


@pytest.fixture
def kotka(region):
    return OrganisationFactory(region=region, name="Ohjaamo Kotka")


@pytest.fixture
def lut(region):
    return OrganisationFactory(region=region, name="LUT-yliopisto")


@pytest.fixture
def etela_savo(db):
    return RegionFactory(name="Etelä-Savo", slug="etela-savo")


@pytest.fixture
def mikkeli(etela_savo):
    return OrganisationFactory(region=etela_savo, name="Ohjaamo Mikkeli")


@pytest.fixture
def client_of():
    """Return a client signed in as the given user (or a visitor's for None)."""

    def make(user, **kwargs):
        client = Client(**kwargs)
        if user is not None:
            client.force_login(user)
        return client

    return make
