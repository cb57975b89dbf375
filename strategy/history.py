"""The change history of a region's plan, read from django-simple-history's records.

Two readings: the history of one object (every record with what changed, before and
after) and the region's feed of recent changes across the plan's models. Both read a
fixed number of queries whatever the number of records; the docstrings say how.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import ForeignKey, ManyToManyField, Model, Q, QuerySet
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history import utils as history_utils

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

HISTORY_TYPES = {
    "+": gettext_lazy("Created"),
    "~": gettext_lazy("Changed"),
    "-": gettext_lazy("Deleted"),
}

#: The ``history_change_reason`` of the record a restore writes (``services.restore_deleted``).
RESTORED = "restored"

#: Fields the history does not show: bookkeeping, not content.
HIDDEN_FIELDS = frozenset({"id"})


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


def record_action(record: Any) -> str:
    """What a record did, in words: created, changed, deleted, or restored."""
    if record.history_change_reason == RESTORED:
        return _("Restored")
    return str(HISTORY_TYPES.get(record.history_type, ""))


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


@dataclass(frozen=True)
class FieldChange:
    """One field's change: its translated name and the values before and after."""

    label: str
    before: str
    after: str


@dataclass
class HistoryEntry:
    """One record of an object's history with what it changed."""

    label: str
    action: str
    date: datetime
    user: Any
    changes: list[FieldChange] = field(default_factory=list)
    history_type: str = ""


def _display(value: Any, model_field: Any, names: dict[tuple[Any, Any], str]) -> str:
    """A field value as the history shows it, related objects by name."""
    if value is None or value == "":
        return "–"  # noqa: RUF001 (an en dash for "nothing")
    if isinstance(model_field, ForeignKey):
        return names.get((model_field.related_model, value), _("#%(id)s (deleted)") % {"id": value})
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    return str(formats.localize(value))


def _m2m_display(ids: Iterable[Any], related_model: Any, names: dict[tuple[Any, Any], str]) -> str:
    labels = sorted(
        names.get((related_model, pk), _("#%(id)s (deleted)") % {"id": pk}) for pk in ids
    )
    return ", ".join(labels) or "–"  # noqa: RUF001


def object_history(
    kind: str, pk: int, region: Region, *, drafts: bool = True
) -> list[HistoryEntry]:
    """The history of one object of the region, newest first; empty if there is none.

    Each record is compared with the one before it by ``diff_against``; for the m2m
    fields the compared rows are read in advance (one query per m2m field for all
    records), and the names of related objects in one query per related model, so the
    page costs the same number of queries whatever the length of the history.
    """
    model = KINDS[kind]
    records = list(
        region_records(kind, region, drafts=drafts)
        .filter(id=pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    if not records:
        return []
    history_model = type(records[0])
    m2m_fields: list[ManyToManyField[Any, Any]] = list(history_model._history_m2m_fields)  # type: ignore[attr-defined]
    record_ids = [record.history_id for record in records]

    # m2m links of every record: {field name: {history_id: set of related ids}}
    links: dict[str, dict[int, set[Any]]] = {}
    wanted: dict[Any, set[Any]] = defaultdict(set)
    for m2m in m2m_fields:
        rows_model = getattr(history_model, m2m.name).model
        target = history_utils.get_m2m_reverse_field_name(m2m)
        by_record: dict[int, set[Any]] = defaultdict(set)
        for history_id, related_id in rows_model.objects.filter(
            history_id__in=record_ids
        ).values_list("history_id", f"{target}_id"):
            by_record[history_id].add(related_id)
            wanted[m2m.related_model].add(related_id)
        links[m2m.name] = by_record

    shown_fields = [
        f for f in model._meta.concrete_fields if f.editable and f.name not in HIDDEN_FIELDS
    ]
    for record in records:
        for f in shown_fields:
            if isinstance(f, ForeignKey):
                value = getattr(record, f.attname)
                if value is not None:
                    wanted[f.related_model].add(value)
    names: dict[tuple[Any, Any], str] = {}
    for related_model, ids in wanted.items():
        for obj in related_model._default_manager.filter(pk__in=ids):
            names[(related_model, obj.pk)] = str(obj)

    m2m_names = [m2m.name for m2m in m2m_fields]
    entries: list[HistoryEntry] = []
    previous = None
    for record in records:
        entry = HistoryEntry(
            label=record_label(kind, record),
            action=record_action(record),
            date=record.history_date,
            user=record.history_user,
            history_type=record.history_type,
        )
        if previous is not None and record.history_type != "-":
            delta = record.diff_against(previous, excluded_fields=m2m_names)
            for change in delta.changes:
                model_field: Any = model._meta.get_field(change.field)
                if model_field.name in HIDDEN_FIELDS:
                    continue
                entry.changes.append(
                    FieldChange(
                        label=str(model_field.verbose_name),
                        before=_display(change.old, model_field, names),
                        after=_display(change.new, model_field, names),
                    )
                )
        elif previous is None:
            # A creation: what the object was created with.
            for model_field in shown_fields:
                value = getattr(record, model_field.attname)
                if value in (None, ""):
                    continue
                entry.changes.append(
                    FieldChange(
                        label=str(model_field.verbose_name),
                        before="–",  # noqa: RUF001
                        after=_display(value, model_field, names),
                    )
                )
        for m2m in m2m_fields:
            before_ids: set[Any] = (
                links[m2m.name].get(previous.history_id, set()) if previous else set()
            )
            after_ids = links[m2m.name].get(record.history_id, set())
            if before_ids != after_ids and record.history_type != "-":
                entry.changes.append(
                    FieldChange(
                        label=str(m2m.verbose_name),
                        before=_m2m_display(before_ids, m2m.related_model, names),
                        after=_m2m_display(after_ids, m2m.related_model, names),
                    )
                )
        entries.append(entry)
        previous = record
    entries.reverse()
    return entries
