"""The database refuses duplicate organisations, provinces and memberships."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import MembershipFactory, OrganisationFactory, ProvinceFactory

pytestmark = pytest.mark.django_db


def test_an_organisation_name_is_unique_within_its_region(region):
    OrganisationFactory(region=region, name="LUT-yliopisto")
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(region=region, name="LUT-yliopisto", slug="lut-2")


def test_two_regions_may_have_organisations_of_the_same_name(region):
    OrganisationFactory(region=region, name="Ohjaamo")
    assert OrganisationFactory(name="Ohjaamo").pk


def test_an_organisation_sector_must_be_known(region):
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(region=region, sector="fourth")


def test_a_province_name_is_unique_within_its_region(region):
    ProvinceFactory(region=region, name="Kymenlaakso")
    with pytest.raises(IntegrityError), transaction.atomic():
        ProvinceFactory(region=region, name="Kymenlaakso", slug="kymi")


def test_a_person_is_a_member_of_an_organisation_once(region):
    membership = MembershipFactory(organisation=OrganisationFactory(region=region))
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(user=membership.user, organisation=membership.organisation)
