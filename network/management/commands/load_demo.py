"""``manage.py load_demo``: load the demo data of the seed documents (KASELO)."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from accounts.demo import load_demo_users
from network.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo data of the seed documents (KASELO). Running it again changes nothing."

    def handle(self, *args: Any, **options: Any) -> None:
        report = load_demo()
        self.stdout.write(self.style.SUCCESS(report.summary()))
        if settings.DEBUG:
            # Demo users with a shared, printed password: never outside development.
            load_demo_users(self.stdout)
