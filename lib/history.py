"""The history of any model simple-history records, as people read it: each record with
the fields it changed, before and after, related objects by name.

The plan's editor (``strategy.history``), guidance entries and events read it; it knows no
app's models, only simple-history's records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import ForeignKey, ManyToManyField, Model
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history import utils as history_utils

HISTORY_TYPES = {
    "+": gettext_lazy("Created"),
    "~": gettext_lazy("Changed"),
    "-": gettext_lazy("Deleted"),
}

#: Fields the history does not show: bookkeeping, not content.
HIDDEN_FIELDS = frozenset({"id"})


def record_action(record: Any) -> str:
    """What a record did, in words: created, changed or deleted."""
    return str(HISTORY_TYPES.get(record.history_type, ""))


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
    #: The record's id, which a "restore this state" form sends.
    history_id: int = 0
    #: The record's change reason (simple-history's ``history_change_reason``).
    reason: str = ""
    #: Set by a reader that knows moves (the plan's lists): the position alone changed.
    is_move: bool = False
    #: A sentence a reader adds for the person, e.g. why a closed year's entry was reopened.
    note: str = ""


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


def describe_records(
    model: type[Model],
    records: Sequence[Any],
    label: Callable[[Any], str] = str,
    action: Callable[[Any], str] = record_action,
    hidden: frozenset[str] = HIDDEN_FIELDS,
    skip_change: Callable[[Any, str], bool] | None = None,
) -> list[HistoryEntry]:
    """One object's records (oldest first), each with what it changed; newest first.

    Each record is compared with the one before it by ``diff_against``; for the m2m
    fields the compared rows are read in advance (one query per m2m field for all
    records), and the names of related objects in one query per related model, so the
    page costs the same number of queries whatever the length of the history.
    """
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

    shown_fields = [f for f in model._meta.concrete_fields if f.editable and f.name not in hidden]
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
            label=label(record),
            action=action(record),
            date=record.history_date,
            user=record.history_user,
            history_type=record.history_type,
            history_id=record.history_id,
            reason=record.history_change_reason or "",
        )
        if previous is not None and record.history_type != "-":
            delta = record.diff_against(previous, excluded_fields=m2m_names)
            for change in delta.changes:
                model_field: Any = model._meta.get_field(change.field)
                if model_field.name in hidden:
                    continue
                if skip_change is not None and skip_change(record, model_field.name):
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
