"""The portal's personas, one set for every test (a pytest plugin, loaded by ``conftest.py``).

Permission tables, report visibility and the editor's tests each used to build their own
coordinator, editors and national team; one set keeps a persona the same person in every
table. They live around KASELO (Kaakkois-Suomi) and Etelä-Savo: the coordinator, an editor
of Ohjaamo Kotka, an editor of another organisation (LUT), an editor in Etelä-Savo, its
coordinator and the national team (``PERSONAS``, in the order of the tables' rows), plus a
viewer of Ohjaamo Kotka and a site administrator for the tables that need them.
"""

import pytest

from network.models import Membership
from tests.factories import CoordinatorFactory, MembershipFactory, UserFactory

#: The signed-in or anonymous people a permission table has a column for, in its order.
PERSONAS = (
    "visitor",
    "editor",
    "editor_of_other_organisation",
    "editor_of_other_region",
    "coordinator",
    "coordinator_of_other_region",
    "national_team",
)


@pytest.fixture
def coordinator(region):
    user = UserFactory(email="koordinaattori@kaselo.example", first_name="Kaisa")
    CoordinatorFactory(user=user, region=region)
    return user


def member(organisation, email, role=Membership.Role.EDITOR):
    """A new person with ``role`` in ``organisation``."""
    return MembershipFactory(organisation=organisation, user__email=email, role=role).user


@pytest.fixture
def editor(kotka):
    return member(kotka, "toimittaja@kaselo.example")


@pytest.fixture
def viewer(kotka):
    return member(kotka, "lukija@kaselo.example", Membership.Role.VIEWER)


@pytest.fixture
def editor_of_other_organisation(lut):
    return member(lut, "lut@kaselo.example")


@pytest.fixture
def editor_of_other_region(mikkeli):
    return member(mikkeli, "muu@esa.example")


@pytest.fixture
def coordinator_of_other_region(etela_savo):
    user = UserFactory(email="koordinaattori@esa.example")
    CoordinatorFactory(user=user, region=etela_savo)
    return user


@pytest.fixture
def national_team(db):
    return UserFactory(email="valtakunnallinen@elo.example", is_national_team=True)


@pytest.fixture
def site_admin(db):
    return UserFactory(email="yllapito@elo.example", is_staff=True, is_superuser=True)


@pytest.fixture
def personas(request):
    """Each of ``PERSONAS`` by name: the user, or None for the visitor."""
    return {name: None if name == "visitor" else request.getfixturevalue(name) for name in PERSONAS}
