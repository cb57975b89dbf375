"""Moving the test database through its migrations, for the tests of data migrations: write
rows in the state before a migration, migrate forward, read them with today's models, and
always return to the latest state (``migrate(latest())`` in a ``finally``)."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

Targets = list[tuple[str, str]]


def migrate(targets: Targets) -> MigrationExecutor:
    """Migrate to ``targets``; the executor's loader gives that state's models."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def latest() -> Targets:
    """Every app's last migration: the state the rest of the suite expects."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
