"""What deleting a row takes with it, counted before anything is deleted.

A confirmation page names everything a delete removes or unlinks, in words the person
understands. The walk follows Django's deletion ``Collector`` (the same candidate
relations and ``on_delete`` rules, through ``_base_manager`` as the collector reads) but
counts instead of loading rows: each model reached is one ``COUNT`` query over nested
subqueries, so the query count depends on the models, not on the rows. Many-to-many
links are rows of their auto-created through models and are counted like any other row.

Apps name their models through ``register_labels`` (from their ``AppConfig.ready``), so
this module knows no app. A model that reaches itself (a tree of rows) is counted one
level deep only; none of the portal's models does.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Any

from django.db import models
from django.db.models import Model, Q, QuerySet
from django.db.models.deletion import get_candidate_relations_to_delete
from django.utils.translation import gettext as _

#: A label for a number of rows: called with the count, returns the words to show.
Label = Callable[[int], str]

#: label key → label. Keys: "app.Model" for rows, "app.Model.field" for the through rows
#: of a many-to-many field, "cleared:app.Model.field" for rows whose link is emptied.
LABELS: dict[str, Label] = {}


def register_labels(labels: dict[str, Label]) -> None:
    """Name an app's rows for confirmation pages (called from ``AppConfig.ready``)."""
    LABELS.update(labels)


@dataclass(frozen=True)
class Affected:
    """One kind of row a delete takes away (or unlinks), with how many."""

    key: str
    count: int
    label: str
    #: The rows stay, their link to what is deleted is emptied (``SET_NULL`` and the like).
    cleared: bool = False


@dataclass
class DeletionSummary:
    """Everything a delete of one row reaches, as counts, and the querysets behind them."""

    root: Model
    #: What the page lists, in the order the walk met it.
    affected: list[Affected] = field(default_factory=list)
    #: label key → how many rows, listed or not.
    counts: dict[str, int] = field(default_factory=dict)
    #: model → the rows of it the delete removes (lazy, for further questions).
    rows: dict[type[Model], QuerySet[Any]] = field(default_factory=dict)
    #: through model → the many-to-many field it stores.
    through_fields: dict[type[Model], models.ManyToManyField[Any, Any]] = field(
        default_factory=dict
    )

    def count(self, key: str) -> int:
        """How many rows of ``key`` (a label key) the delete reaches; 0 for none."""
        return self.counts.get(key, 0)

    def linked_owners(
        self, wanted: Callable[[models.ManyToManyField[Any, Any]], bool]
    ) -> dict[type[Model], int]:
        """For the many-to-many links the delete removes whose field passes ``wanted``:
        the models owning those fields → how many distinct rows of each lose a link.
        One query per owning model, and none for a model whose links counted zero."""
        by_owner: dict[type[Model], list[Q]] = defaultdict(list)
        for through, m2m in self.through_fields.items():
            if not wanted(m2m) or not self.count(_through_key(m2m)):
                continue
            column = m2m.m2m_field_name()
            by_owner[m2m.model].append(Q(pk__in=self.rows[through].values(f"{column}_id")))
        return {
            owner: owner._base_manager.filter(reduce(or_, conditions)).count()
            for owner, conditions in by_owner.items()
        }


def _through_key(m2m: models.ManyToManyField[Any, Any]) -> str:
    return f"{m2m.model._meta.label}.{m2m.name}"


def _through_field(model: type[Model]) -> models.ManyToManyField[Any, Any] | None:
    """The many-to-many field whose links ``model`` stores, if it is an auto-created one."""
    owner: Any = model._meta.auto_created
    if not owner:
        return None
    for m2m in owner._meta.many_to_many:
        if m2m.remote_field.through is model:  # type: ignore[union-attr]
            return m2m  # type: ignore[return-value]
    return None


def default_label(key: str, model: type[Model], cleared: bool) -> Label:
    """Words for rows no app named: the model's plural name and the count."""
    m2m = _through_field(model)
    if m2m is not None:
        name = _("links: %(model)s – %(field)s") % {  # noqa: RUF001 (an en dash)
            "model": m2m.model._meta.verbose_name,
            "field": m2m.verbose_name,
        }
    else:
        name = str(model._meta.verbose_name_plural)
    if cleared:
        name = _("%(name)s (the link is emptied)") % {"name": name}
    return lambda count: f"{name}: {count}"


def _label(key: str, model: type[Model], cleared: bool) -> Label:
    return LABELS.get(key) or default_label(key, model, cleared)


def summarize(instance: Model, *, skip: Iterable[str] = ()) -> DeletionSummary:
    """Count what deleting ``instance`` removes and unlinks (the row itself left out).

    ``skip`` names label keys not to list (they are still walked). Rows that would
    block the delete (``PROTECT``, ``RESTRICT``) are listed like cleared ones; the caller
    decides. Queries: one per model reached and one per emptied link, whatever the rows.
    """
    root_model = type(instance)
    root_rows = root_model._base_manager.filter(pk=instance.pk)

    # 1. The model graph: which models a cascade reaches, and through which fields.
    incoming: dict[type[Model], list[tuple[type[Model], Any]]] = defaultdict(list)
    cleared: list[tuple[type[Model], Any, type[Model]]] = []
    order: list[type[Model]] = []
    queue = [root_model]
    seen = {root_model}
    while queue:
        parent = queue.pop(0)
        relation: Any
        for relation in get_candidate_relations_to_delete(parent._meta):
            fk = relation.field
            on_delete = fk.remote_field.on_delete
            if on_delete is models.DO_NOTHING:
                continue
            child: type[Model] = relation.related_model
            if on_delete is models.CASCADE:
                incoming[child].append((parent, fk))
                if child not in seen:
                    seen.add(child)
                    order.append(child)
                    queue.append(child)
            else:
                cleared.append((child, fk, parent))

    # 2. The rows of each model, as one lazy queryset built from its parents' querysets.
    rows: dict[type[Model], QuerySet[Any]] = {root_model: root_rows}

    def rows_of(model: type[Model], path: tuple[type[Model], ...]) -> QuerySet[Any]:
        if model in rows:
            return rows[model]
        conditions = [
            Q(**{f"{fk.name}__in": rows_of(parent, (*path, model)).values("pk")})
            for parent, fk in incoming[model]
            if parent not in path and parent is not model
        ]
        rows[model] = model._base_manager.filter(reduce(or_, conditions))
        return rows[model]

    summary = DeletionSummary(root=instance, rows=rows)
    skipped = set(skip)
    # 3. Count them: one query each.
    for model in order:
        m2m = _through_field(model)
        key = _through_key(m2m) if m2m is not None else model._meta.label
        if m2m is not None:
            summary.through_fields[model] = m2m
        count = summary.counts[key] = rows_of(model, ()).count()
        if count and key not in skipped:
            summary.affected.append(Affected(key, count, _label(key, model, False)(count)))
    for child, fk, parent in cleared:
        key = f"cleared:{child._meta.label}.{fk.name}"
        count = child._base_manager.filter(**{f"{fk.name}__in": rows[parent].values("pk")}).count()
        summary.counts[key] = summary.counts.get(key, 0) + count
        if count and key not in skipped:
            summary.affected.append(Affected(key, count, _label(key, child, True)(count), True))
    return summary
