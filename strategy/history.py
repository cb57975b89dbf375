"""The change history of a region's plan, read from django-simple-history's records.

Two readings: the history of one object (every record with what changed, before and
after) and the region's feed of recent changes across the plan's models. Both read a
fixed number of queries whatever the number of records; the docstrings say how.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from lib import history as lib_history
from lib.history import HistoryEntry, describe_records
from network.models import Region
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy

#: The kinds of object whose history the editor shows, as they appear in its URLs.
KINDS: dict[str, type[Model]] = {
    "strategy": Strategy,
    "focusarea": FocusArea,
    "goal": Goal,
    "action": Action,
    "indicator": Indicator,
    "indicatorvalue": IndicatorValue,
}

#: The ``history_change_reason`` of the record a restore writes (``services.restore_deleted``).
RESTORED = "restored"

#: The ``history_change_reason`` of the one record a move writes (``services.move_action``).
MOVED = "moved"

#: The start of the ``history_change_reason`` of the record ``services.restore_state``
#: writes; the restored record's date follows in ISO format, so the history shows it
#: without a query.
RESTORED_STATE = "restored state "


def historical_model(kind: str) -> Any:
    """The historical model simple-history made for the kind's model."""
    return KINDS[kind].history.model  # type: ignore[attr-defined]


def region_records(kind: str, region: Region, *, drafts: bool = True) -> QuerySet[Any]:
    """The historical records of one kind that belong to ``region``: one SQL query.

    Records are matched through parent records that are themselves historical, so
    the history of a deleted focus area's goals and actions stays in the region.
    Without ``drafts``, the records of a draft revision are left out: only the region's
    coordinators see a draft before it is published.
    """
    versions = Strategy.objects.filter(region=region)
    strategies = (versions if drafts else versions.published()).values("pk")
    focus_areas = historical_model("focusarea").objects.filter(strategy_id__in=strategies)
    indicators = historical_model("indicator").objects.filter(strategy_id__in=strategies)
    condition = {
        "strategy": Q(region_id=region.pk) & (Q() if drafts else Q(id__in=strategies)),
        "focusarea": Q(strategy_id__in=strategies),
        "goal": Q(focus_area_id__in=focus_areas.values("id")),
        "action": Q(focus_area_id__in=focus_areas.values("id")),
        "indicator": Q(strategy_id__in=strategies),
        "indicatorvalue": Q(indicator_id__in=indicators.values("id")),
    }[kind]
    return historical_model(kind).objects.filter(condition)


def record_label(kind: str, record: Any) -> str:
    """What a record is called in lists, from the record's own fields (no query)."""
    if kind == "strategy":
        label = _("Version %(version)s") % {"version": record.version}
        return f"{label} {record.version_label}".strip()
    if kind == "focusarea":
        return f"{record.number}. {record.title}"
    if kind == "indicatorvalue":
        return _("Value for %(year)s: %(value)s") % {
            "year": record.year,
            "value": formats.localize(record.value),
        }
    return str(record.title)


def restored_state_reason(record: Any) -> str:
    """The change reason of a record that restores ``record``'s state: its date in it."""
    return f"{RESTORED_STATE}{record.history_date.isoformat()}"


def record_action(record: Any) -> str:
    """What a record did, in words: created, changed, deleted, restored or moved."""
    reason = record.history_change_reason or ""
    if reason == RESTORED:
        return _("Restored")
    if reason == MOVED:
        return _("Moved")
    if reason.startswith(RESTORED_STATE):
        try:
            when = datetime.fromisoformat(reason.removeprefix(RESTORED_STATE))
        except ValueError:
            return _("Restored")
        return _("Restored to the state of %(date)s") % {
            "date": formats.date_format(timezone.localtime(when), "SHORT_DATETIME_FORMAT")
        }
    return lib_history.record_action(record)


def history_url(region: Region, kind: str, pk: int) -> str:
    return reverse("editor:history", kwargs={"region": region.slug, "kind": kind, "pk": pk})


@dataclass(frozen=True)
class FeedEntry:
    """One change in the region's feed."""

    kind: str
    kind_label: str
    object_id: int
    label: str
    action: str
    date: datetime
    user: Any
    url: str


class RegionChangeFeed:
    """The region's changes across the plan's models, newest first, for a Paginator.

    Shape: ``count()`` asks each historical model for its number of records in the
    region (one query per model); a slice ``[start:stop]`` asks each model for its
    newest ``stop`` records with the user joined (one query per model), merges them
    in Python by date and cuts the slice. So a page costs two queries per model
    whatever its rows; a deep page reads ``stop`` records of each model, which is
    cheap for the sizes of a region's plan.
    """

    def __init__(self, region: Region, *, drafts: bool = True) -> None:
        self.region = region
        self.drafts = drafts

    def count(self) -> int:
        return sum(region_records(kind, self.region, drafts=self.drafts).count() for kind in KINDS)

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, index: slice) -> list[FeedEntry]:
        if not isinstance(index, slice) or index.stop is None:
            raise TypeError("The feed supports bounded slices only.")
        rows: list[tuple[datetime, int, str, Any]] = []
        for kind in KINDS:
            newest = (
                region_records(kind, self.region, drafts=self.drafts)
                .select_related("history_user")
                .order_by("-history_date", "-history_id")[: index.stop]
            )
            rows.extend((record.history_date, record.history_id, kind, record) for record in newest)
        rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
        return [
            FeedEntry(
                kind=kind,
                kind_label=str(KINDS[kind]._meta.verbose_name),
                object_id=record.id,
                label=record_label(kind, record),
                action=record_action(record),
                date=record.history_date,
                user=record.history_user,
                url=history_url(self.region, kind, record.id),
            )
            for _date, _id, kind, record in rows[index]
        ]


def object_history(
    kind: str, pk: int, region: Region, *, drafts: bool = True
) -> list[HistoryEntry]:
    """The history of one object of the region, newest first; empty if there is none.

    A fixed number of queries whatever the length of the history (``lib.history``).
    """
    records = list(
        region_records(kind, region, drafts=drafts)
        .filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    entries = describe_records(
        KINDS[kind],
        records,
        label=lambda record: record_label(kind, record),
        action=record_action,
        # A move renumbers the neighbours without records of their own, so their next
        # record would show the move as a change of its own: positions show on moves only.
        skip_change=lambda record, name: name == "position" and not is_move(record),
    )
    for entry in entries:
        entry.is_move = entry.reason == MOVED
    return entries


def is_move(record: Any) -> bool:
    """Whether the record is a move in its focus area's list (``services.move_action``)."""
    return bool(record.history_change_reason == MOVED)
