"""What the organisations' work under a plan action adds up to, for the action's page.

Counted in Python from the entries the page lists (read through the action's reverse
relation: the entries' app sits above the plan's), so the roll-up costs no query.
"""

from collections import Counter
from dataclasses import dataclass
from typing import Any

from strategy.models import Action


@dataclass(frozen=True)
class ActionRollUp:
    """What the organisations' accepted entries under a plan action add up to."""

    organisation_count: int
    entry_count: int
    #: (status label, status value, count) in the statuses' order, counted ones only.
    by_status: list[tuple[str, str, int]]
    latest_update: Any

    @classmethod
    def of(cls, entries: list[Any]) -> "ActionRollUp":
        """Counted from the listed entries (their organisation and latest update loaded),
        so the roll-up costs no query of its own."""
        counts = Counter(entry.status for entry in entries)
        dates = [entry.latest_update.date for entry in entries if entry.latest_update]
        return cls(
            organisation_count=len({entry.organisation_id for entry in entries}),
            entry_count=len(entries),
            by_status=[
                (str(label), value, counts[value])
                for value, label in Action.Status.choices
                if counts[value]
            ],
            latest_update=max(dates, default=None),
        )
