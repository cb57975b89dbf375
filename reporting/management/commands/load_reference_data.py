"""``manage.py load_reference_data``: write the reference data the migrations write.

``migrate`` already brings it (data migrations in each owning app); this command is for a
database whose rows were removed since, e.g. after ``manage.py flush``. It lives in
``reporting``, the top app, because it calls every app's writer and imports run downward.
"""

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Exists, OuterRef

from actions.lookups import write_lookup_rows
from actions.models import GuidanceChannel, TargetGroup
from lib.scoping import in_scope
from network.models import Province, Region
from network.reference import write_regions
from reporting.framework import write_framework
from reporting.models import Level, ReportingYear, SubTheme, Theme
from strategy.models import KeyMeasure, NationalGoal, NationalStrategy
from strategy.reference import write_national_strategy


def load_reference_data() -> None:
    """Write every app's reference data with the current models; running it again changes
    nothing."""
    with transaction.atomic():
        write_regions(Region, Province)
        write_national_strategy(NationalStrategy, NationalGoal, KeyMeasure)
        write_lookup_rows(TargetGroup, GuidanceChannel)
        # Each reporting year's framework is its own, written when the year is opened
        # (``reporting.models.copy_framework``): a year left without one gets seed 001's.
        for reporting_year in ReportingYear.objects.exclude(
            Exists(Theme.objects.filter(reporting_year=OuterRef("pk")))
        ):
            write_framework(Theme, SubTheme, Level, reporting_year=reporting_year)


class Command(BaseCommand):
    help = (
        "Write the reference data (regions, provinces, the national strategy, lookups, reporting "
        "framework) that the migrations write. Running it again changes nothing."
    )

    @in_scope(region=None)  # Reference data of every region: all regions, on purpose.
    def handle(self, *args: Any, **options: Any) -> None:
        load_reference_data()
        self.stdout.write(
            self.style.SUCCESS(
                f"Reference data: {Region.objects.count()} regions, "
                f"{NationalGoal.objects.count()} national goals, "
                f"{KeyMeasure.objects.count()} national key measures, "
                f"{SubTheme.objects.count()} reporting sub-themes."
            )
        )
