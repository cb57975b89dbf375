"""``lib.locking.lock_and_reread``: the row as it is now, under a lock."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from lib.locking import lock_and_reread
from network.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def test_the_named_fields_are_read_again_into_the_callers_object():
    region = RegionFactory(name="Kainuu", slug="kainuu")
    Region.objects.filter(pk=region.pk).update(name="Kainuun maakunta", slug="kainuun-maakunta")

    with transaction.atomic():
        current = lock_and_reread(region, "name")

    assert region.name == current.name == "Kainuun maakunta"
    assert region.slug == "kainuu"  # not named: the caller's value stays


def test_without_fields_the_whole_row_is_returned_and_the_object_left_alone():
    region = RegionFactory(name="Kainuu")
    Region.objects.filter(pk=region.pk).update(name="Kainuun maakunta")

    with transaction.atomic():
        current = lock_and_reread(region)

    assert current.name == "Kainuun maakunta"
    assert region.name == "Kainuu"


def test_the_row_is_read_for_update():
    region = RegionFactory()

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        lock_and_reread(region, "name")

    assert [query["sql"].endswith("FOR UPDATE") for query in queries] == [True]
