"""Personas of sign-in and people management, around KASELO and a second region."""

import pytest
from django.core.cache import cache
from django.test import Client

from network.models import Membership
from tests.factories import (
    CoordinatorFactory,
    MembershipFactory,
    OrganisationFactory,
    RegionFactory,
    UserFactory,
)

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
def coordinator(region):
    user = UserFactory(email="koordinaattori@kaselo.example", first_name="Kaisa")
    CoordinatorFactory(user=user, region=region)
    return user


@pytest.fixture
def editor(kotka):
    return MembershipFactory(
        organisation=kotka, user__email="toimittaja@kaselo.example", role=Membership.Role.EDITOR
    ).user


@pytest.fixture
def editor_of_other_organisation(lut):
    return MembershipFactory(
        organisation=lut, user__email="lut@kaselo.example", role=Membership.Role.EDITOR
    ).user


@pytest.fixture
def editor_of_other_region(mikkeli):
    return MembershipFactory(organisation=mikkeli, user__email="muu@esa.example").user


@pytest.fixture
def coordinator_of_other_region(etela_savo):
    user = UserFactory(email="koordinaattori@esa.example")
    CoordinatorFactory(user=user, region=etela_savo)
    return user


@pytest.fixture
def national_team(db):
    return UserFactory(email="valtakunnallinen@elo.example", is_national_team=True)


@pytest.fixture
def client_of():
    """Return a client signed in as the given user (or a visitor's for None)."""

    def make(user, **kwargs):
        client = Client(**kwargs)
        if user is not None:
            client.force_login(user)
        return client

    return make
