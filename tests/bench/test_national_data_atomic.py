"""A national data build that fails half-way leaves no generated row behind.

The failure is a real one: the last region's coordinator address is taken before the
build, so the build's INSERT of that person breaks the unique constraint after fourteen
regions have been written. The test commits (``transaction=True``), as the command does,
so rows left by a build that is not one transaction would stay.
"""

import pytest
from django.db import IntegrityError
from django.utils.text import slugify

from accounts.models import User
from actions.models import GuidanceAction
from bench.national_data import build_national_data, coordinator_email
from events.models import Event
from network.models import Organisation, Province, Region
from network.reference import REGIONS
from reporting.models import AnnualReport
from strategy.models import Strategy

# Committed, as the command commits; the build writes the reference rows it needs itself.
pytestmark = pytest.mark.django_db(transaction=True)


def test_a_build_failing_half_way_leaves_no_rows():
    last = Region(slug=slugify(REGIONS[-1].name))  # the build creates it when missing
    User.objects.create(email=coordinator_email(last), first_name="Jo", last_name="Olemassa")
    users_before = User.objects.count()

    with pytest.raises(IntegrityError):
        build_national_data(scale=0.05, seed=1)

    assert not Organisation.objects.filter(slug__startswith="gen-").exists()
    assert not Province.objects.filter(slug__startswith="gen-").exists()
    assert not Strategy.objects.exists()
    assert not GuidanceAction.objects.exists()
    assert not Event.objects.exists()
    assert not AnnualReport.objects.exists()
    assert User.objects.count() == users_before

    # And the next build, with the address free again, succeeds from a clean start.
    User.objects.filter(email=coordinator_email(last)).delete()
    build_national_data(scale=0.05, seed=1)
    assert Organisation.objects.filter(slug__startswith="gen-").exists()
