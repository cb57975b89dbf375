"""``manage.py load_demo``: load the demo data of the seed documents (KASELO)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from demo.keski_suomi import load_keski_suomi
from demo.loader import load_demo
from demo.reports import load_reporting_demo
from demo.users import load_demo_users
from lib.scoping import in_scope


class Command(BaseCommand):
    help = "Load the demo data of the seed documents (KASELO). Running it again changes nothing."

    @in_scope(region=None)  # Loads the demo regions' data: all regions, on purpose.
    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo()
        self.stdout.write(self.style.SUCCESS(report.summary()))
        # The reporting framework and the 2016 reports of seed 001 (after the regions).
        load_reporting_demo(self.stdout)
        # Keski-Suomi's network of seed 004: its profile, projects and strategy day.
        load_keski_suomi(self.stdout)  # type: ignore[arg-type]
        if settings.DEBUG:
            # Demo users with a shared, printed password: never outside development.
            load_demo_users(self.stdout)
