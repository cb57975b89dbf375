"""``manage.py build_national_data``: the benchmark's national-scale data."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from bench.national_data import (
    NationalDataExists,
    build_national_data,
    delete_national_data,
    refresh_planner_statistics,
)
from lib.scoping import in_scope


class Command(BaseCommand):
    help = (
        "Build a national-scale data set for the benchmark, deterministic from the seed: "
        "15 regions with organisations, strategies, seven years of guidance actions, events "
        "and annual reports. Refuses to run twice unless --reset is given."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Multiplies the volumes (0.1, 1, 10)."
        )
        parser.add_argument("--seed", type=int, default=1, help="The random generator's seed.")
        parser.add_argument(
            "--reset", action="store_true", help="Delete generated data first, then build."
        )
        parser.add_argument(
            "--delete-only", action="store_true", help="Delete generated data and stop."
        )

    @in_scope(region=None)  # Builds and deletes every region's data: all regions, on purpose.
    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        if options["delete_only"]:
            deleted = delete_national_data()
            for label, count in deleted.items():
                self.stdout.write(f"deleted {label}: {count}")
            return
        try:
            report = build_national_data(options["scale"], options["seed"], reset=options["reset"])
        except (NationalDataExists, ValueError) as error:
            raise CommandError(str(error)) from error
        refresh_planner_statistics()
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(
            self.style.SUCCESS(
                f"National data built at scale {options['scale']} (seed {options['seed']}) "
                f"in {time.monotonic() - started:.1f} s."
            )
        )
