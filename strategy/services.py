"""Changes to a strategy and its action plan that touch several rows at once.

Every function takes model instances, runs in one transaction and raises ``PlanError``
with a message for the user when the change cannot be made; the editor's views turn it
into a message. Each change leaves one history record per changed object
(django-simple-history), with the person who made it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    ManyToManyField,
    Max,
    Model,
    OuterRef,
    PositiveSmallIntegerField,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.forms import ModelForm
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from simple_history import utils as history_utils

from lib import concurrency, deletion
from lib.deletion import DeletionSummary
from lib.locking import lock_and_reread
from lib.translation import with_translations
from portal import closed_years, page_cache
from strategy import history
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy

logger = logging.getLogger(__name__)

M = TypeVar("M", bound=Model)

Direction = Literal["up", "down"]


class PlanError(Exception):
    """A change to the plan that cannot be made; the message is for the user."""


def save_with_history(
    instance: M, save_m2m: Callable[[], None] | None = None, user: Any = None
) -> M:
    """Save ``instance`` and its many-to-many links, leaving exactly one history record.

    simple-history writes a record on every save and on every m2m add, remove and
    clear, so a form changing fields and two link sets would leave up to five records
    for one edit. Here the row and its links are saved without history, then the
    record is written once from the final state (a second, cheap UPDATE). A new row's
    record is marked as a creation ("+"). Returns the saved instance.
    """
    created = instance._state.adding
    with transaction.atomic():
        if user is not None:
            instance._history_user = user  # type: ignore[attr-defined]
        if save_m2m is None:
            instance.save()
            return instance
        instance.skip_history_when_saving = True  # type: ignore[attr-defined]
        try:
            instance.save()
            save_m2m()
        finally:
            del instance.skip_history_when_saving  # type: ignore[attr-defined]
        instance.save()
        if created:
            instance.history.filter(id=instance.pk).update(history_type="+")  # type: ignore[attr-defined]
    return instance


def _as_new_copy(instance: M) -> M:
    """Turn a loaded row into an unsaved copy of itself, its prefetched links forgotten."""
    instance.pk = None
    instance._state.adding = True
    instance.__dict__.pop("_prefetched_objects_cache", None)
    return instance


def _links(instance: Model, **links: list[Any]) -> Callable[[], None]:
    """A function that sets the instance's m2m links, to call once the instance is saved."""

    def set_links() -> None:
        for name, related in links.items():
            getattr(instance, name).set(related)

    return set_links


def save_form(form: ModelForm[Any]) -> Any:
    """Save a valid model form with its m2m links as one change; return the object."""
    instance = form.save(commit=False)
    has_links = bool(instance._meta.many_to_many)
    return save_with_history(instance, form.save_m2m if has_links else None)


def next_position(queryset: QuerySet[Any]) -> int:
    """The position after the last row of ``queryset``: new rows go to the end."""
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def add_goal(form: ModelForm[Any], focus_area: FocusArea) -> Goal:
    """Add the form's goal at the end of the focus area's goals."""
    with transaction.atomic():
        goal: Goal = form.save(commit=False)
        goal.focus_area = focus_area
        goal.position = next_position(Goal.objects.filter(focus_area=focus_area))
        goal.save()
    return goal


def add_action(form: ModelForm[Any], focus_area: FocusArea) -> Action:
    """Add the form's action at the end of the focus area's list."""
    with transaction.atomic():
        # Lock the focus area so two additions cannot take the same position.
        FocusArea.objects.select_for_update().filter(pk=focus_area.pk).first()
        action: Action = form.save(commit=False)
        action.focus_area = focus_area
        action.position = next_position(Action.objects.filter(focus_area=focus_area))
        return save_with_history(action, form.save_m2m)


def add_indicator(form: ModelForm[Any], strategy: Strategy) -> Indicator:
    """Add the form's indicator at the end of the strategy's indicators."""
    with transaction.atomic():
        indicator: Indicator = form.save(commit=False)
        indicator.strategy = strategy
        indicator.position = next_position(Indicator.objects.filter(strategy=strategy))
        return save_with_history(indicator, form.save_m2m)


def move_action(action: Action, direction: Direction) -> bool:
    """Move an action one place up or down within its focus area, as one change.

    The focus area's actions are locked and renumbered 0, 1, 2 ... in their shown
    order, so gaps and equal positions left by earlier edits disappear. Only the moved
    action gets a history record (marked ``history.MOVED``, "Siirretty" in the feed): the
    neighbours' positions follow by one queryset update without records, so one move is
    one entry in the feed, not one per renumbered action. Returns False (and changes
    nothing) when the action is already first (up) or last (down).
    """
    if direction not in ("up", "down"):
        raise PlanError(_("Unknown direction."))
    with transaction.atomic():
        siblings = list(
            Action.objects.select_for_update()
            .filter(focus_area_id=action.focus_area_id)
            .order_by("position", "id")
        )
        index = next(i for i, sibling in enumerate(siblings) if sibling.pk == action.pk)
        other = index - 1 if direction == "up" else index + 1
        if other < 0 or other >= len(siblings):
            return False
        siblings[index], siblings[other] = siblings[other], siblings[index]
        renumbered = {
            sibling.pk: position
            for position, sibling in enumerate(siblings)
            if sibling.pk != action.pk and sibling.position != position
        }
        if renumbered:
            Action.objects.filter(pk__in=renumbered).update(
                position=Case(
                    *(When(pk=pk, then=Value(position)) for pk, position in renumbered.items()),
                    output_field=PositiveSmallIntegerField(),
                )
            )
        # The moved action's save writes its record and, through the save signal, bumps
        # the page cache in this transaction, which covers the neighbours' update too.
        action.position = other
        action._change_reason = history.MOVED  # type: ignore[attr-defined]
        try:
            action.save(update_fields=["position"])
        finally:
            del action._change_reason  # type: ignore[attr-defined]
    return True


def set_action_status(action: Action, status: str, read_version: str | None = None) -> Action:
    """Change an action's status; raise PlanError for a status that does not exist, and
    ``StaleEdit`` when ``read_version`` (the status the person saw) is no longer current."""
    if status not in Action.Status.values:
        raise PlanError(_("Choose a valid status."))
    with transaction.atomic():
        current = lock_and_reread(action)
        if read_version is not None and concurrency.changed_fields(
            read_version, current, STATUS_FIELDS
        ):
            change = concurrency.Change(
                label=str(Action._meta.get_field("status").verbose_name),
                yours=str(Action.Status(status).label),
                current=current.get_status_display(),
            )
            raise concurrency.StaleEdit([change], concurrency.row_version(current, STATUS_FIELDS))
        action.status = status
        action.save(update_fields=["status"])
    return action


#: What the inline status change guards: the status the person saw in the list.
STATUS_FIELDS = ["status"]


def counterpart(obj: Model, strategy: Strategy) -> Model | None:
    """The copy of ``obj`` (a row of an earlier version) in ``strategy``, or None.

    A new version copies every row (``revisions.start_revision``) without a link back, so a copy is
    found by what identifies it within its version: a focus area by its number, a goal or
    an action by its focus area's number and its position, an indicator by its title, a
    yearly value by its indicator's title and its year.
    """
    if isinstance(obj, FocusArea):
        return FocusArea.objects.filter(strategy=strategy, number=obj.number).first()
    if isinstance(obj, (Goal, Action)):
        rows = Goal.objects if isinstance(obj, Goal) else Action.objects
        return rows.filter(  # type: ignore[no-any-return]
            focus_area__strategy=strategy,
            focus_area__number=obj.focus_area.number,
            position=obj.position,
        ).first()
    if isinstance(obj, Indicator):
        return Indicator.objects.filter(strategy=strategy, title=obj.title).first()
    if isinstance(obj, IndicatorValue):
        return IndicatorValue.objects.filter(
            indicator__strategy=strategy, indicator__title=obj.indicator.title, year=obj.year
        ).first()
    return None


def start_revision(strategy: Strategy, version_label: str, user: Any) -> Strategy:
    """Start a draft revision of the current version: ``strategy.revisions.start_revision``,
    which holds the revisions' changes (start, publish, discard); kept here for callers of
    this name."""
    from strategy import revisions  # revisions builds on this module's helpers

    return revisions.start_revision(strategy, version_label, user)


def _entry_links() -> list[tuple[Any, str, str]]:
    """The many-to-many links of logged entries to the plan: (through model, the entry's
    column, the plan object's column); focus areas first, then goals, then actions.

    Read from the plan's models rather than named: every many-to-many of another app
    that points at a focus area, a goal or an action (guidance actions, events, good
    practices), so an entry type added later follows a revision without a change here.
    """
    links: list[tuple[Any, str, str]] = []
    for target in (FocusArea, Goal, Action):
        for relation in target._meta.related_objects:
            field = relation.field
            if isinstance(field, ManyToManyField) and field.model._meta.app_label != "strategy":
                through = field.remote_field.through
                links.append((through, field.m2m_column_name(), field.m2m_reverse_name()))
    return links


def relink_entries(
    focus_areas: dict[int, int], goals: dict[int, int], actions: dict[int, int] | None = None
) -> int:
    """Move the links of guidance actions, events and good practices from focus areas,
    goals and the plan's actions to others (old id → new id); returns how many links moved.

    Logged entries belong to the network's current plan: lists, filters, forms and
    exports read the current version's focus areas, so an entry left linked to an old
    version would lose its focus areas everywhere. A link that already exists to the
    new object is dropped instead of repeated. A query or two per moved object and
    none per entry: bulk updates, so the caller bumps the page cache.
    """
    moved = 0
    mappings = {"focusarea_id": focus_areas, "goal_id": goals, "action_id": actions or {}}
    for through, entry_column, target_column in _entry_links():
        mapping = mappings[target_column]
        if not mapping:
            continue
        rows = list(
            through.objects.filter(**{f"{target_column}__in": list(mapping)}).values_list(
                "pk", entry_column, target_column
            )
        )
        if not rows:
            continue
        existing = set(
            through.objects.filter(
                **{f"{target_column}__in": list(set(mapping.values()))}
            ).values_list(entry_column, target_column)
        )
        repeated: list[int] = []
        by_target: dict[int, list[int]] = {}
        for pk, entry_id, target_id in rows:
            link = (entry_id, mapping[target_id])
            if link in existing:
                repeated.append(pk)
            else:
                existing.add(link)
                by_target.setdefault(mapping[target_id], []).append(pk)
        through.objects.filter(pk__in=repeated).delete()
        for target_id, pks in by_target.items():
            moved += through.objects.filter(pk__in=pks).update(**{target_column: target_id})
    return moved


def relink_entries_to_current(region: Any) -> int:
    """Link the region's entries to its current version: focus areas of earlier versions
    by number, their goals by focus area number and title. Returns how many links moved.

    For links a revision left on the old version before revisions carried them over
    (the data migration ``actions.0007`` runs the same matching).
    """
    current = Strategy.objects.for_region(region).current().first()
    if current is None:
        return 0
    numbers = dict(current.focus_areas.values_list("number", "pk"))
    focus_areas = {
        pk: numbers[number]
        for pk, number in FocusArea.objects.for_region(region)
        .exclude(strategy=current)
        .values_list("pk", "number")
        if number in numbers
    }
    titles = {
        (number, title): pk
        for pk, number, title in Goal.objects.filter(focus_area__strategy=current).values_list(
            "pk", "focus_area__number", "title"
        )
    }
    goals = {
        pk: titles[(number, title)]
        for pk, number, title in Goal.objects.filter(focus_area__strategy__region=region)
        .exclude(focus_area__strategy=current)
        .values_list("pk", "focus_area__number", "title")
        if (number, title) in titles
    }
    with transaction.atomic():
        moved = relink_entries(focus_areas, goals)
    if moved:
        page_cache.bump(region.pk)
    return moved


# --- Deleting and restoring ----------------------------------------------------------------

#: The plan's objects that the member organisations' entries may be linked to, directly
#: (focus areas, goals) or through a good practice (actions).
LINKABLE = (FocusArea, Goal, Action)


def _is_entry_link(m2m: ManyToManyField[Any, Any]) -> bool:
    """Whether a many-to-many field is an entry's link to the plan: a field of another app
    (guidance actions, events, good practices), as ``_entry_links`` finds them."""
    return bool(m2m.model._meta.app_label != "strategy")


@dataclass(frozen=True)
class PlanDeletion:
    """What deleting a plan object would take away, and why it may not be deleted."""

    summary: DeletionSummary
    refusal: str = ""


def closed_year_refusal(instance: Model) -> str:
    """Why an indicator value of a closed year, or an indicator with such values, is not
    deleted (``portal.closed_years``); "" when nothing stops it. One query at most."""
    if isinstance(instance, IndicatorValue):
        return closed_years.lock_message(instance)
    if isinstance(instance, Indicator):
        closed = closed_years.closed_years(instance.strategy.region_id)
        years = sorted(set(instance.values.filter(year__in=closed).values_list("year", flat=True)))
        if years:
            return _(
                "It cannot be deleted: its values of the closed years %(years)s are locked, "
                "because the annual reports of those years were accepted."
            ) % {"years": ", ".join(str(year) for year in years)}
    return ""


def deletion_preview(instance: Model) -> PlanDeletion:
    """Count what deleting ``instance`` removes and unlinks; for a focus area, goal or
    action that entries are linked to, say why it is refused and what to do instead.

    A query per kind of row reached, and one per kind of entry: the same whatever the
    number of rows.
    """
    summary = deletion.summarize(instance)
    locked = closed_year_refusal(instance)
    if locked:
        return PlanDeletion(summary, locked)
    if not isinstance(instance, LINKABLE):
        return PlanDeletion(summary)
    owners = summary.linked_owners(_is_entry_link)
    entries = sum(owners.values())
    if not entries:
        return PlanDeletion(summary)
    details = ", ".join(
        deletion.LABELS[model._meta.label](count)
        if model._meta.label in deletion.LABELS
        else f"{model._meta.verbose_name_plural}: {count}"
        for model, count in owners.items()
        if count
    )
    refusal = ngettext(
        "It cannot be deleted: %(count)s entry of the member organisations (%(details)s) "
        "is linked to it and would lose its link.",
        "It cannot be deleted: %(count)s entries of the member organisations (%(details)s) "
        "are linked to it and would lose their links.",
        entries,
    ) % {"count": entries, "details": details}
    if isinstance(instance, Action):
        advice = _(
            "Mark the action cancelled instead, or remove the links to it from those entries first."
        )
    else:
        # Not "start a new version": a revision carries the links over to the copies.
        advice = _(
            "Link those entries to another focus area or goal first, or remove their links "
            "to it; then it can be deleted."
        )
    return PlanDeletion(summary, f"{refusal} {advice}")


def delete_object(instance: Model, user: Any = None) -> None:
    """Delete one object of the plan (its children cascade) in one transaction.

    Refused (``PlanError``) while entries of the member organisations are linked to it:
    the row is locked first, so no entry can be linked to it between the check and the
    delete. The deletion records of the children deleted with a focus area or an
    indicator are marked with it, so restoring it brings them back too.
    """
    model = type(instance)
    with transaction.atomic():
        model._base_manager.select_for_update().filter(pk=instance.pk).first()
        if isinstance(instance, IndicatorValue):
            try:
                closed_years.check_open(instance)
            except closed_years.YearClosed as error:
                raise PlanError(str(error)) from error
        refusal = deletion_preview(instance).refusal
        if refusal:
            raise PlanError(refusal)
        if user is not None:
            instance._history_user = user  # type: ignore[attr-defined]
        started = timezone.now()
        pk = instance.pk
        instance.delete()
        kind = model._meta.model_name or ""
        for child, parent_field in CASCADED_CHILDREN.get(kind, ()):
            marked = child.history.filter(  # type: ignore[attr-defined]
                **{parent_field: pk}, history_type="-", history_date__gte=started
            )
            changes: dict[str, Any] = {"history_change_reason": deleted_with(kind, pk)}
            if user is not None:
                changes["history_user"] = user
            marked.update(**changes)


#: kind → the children that cascade with it and are restored with it, parents first.
CASCADED_CHILDREN: dict[str, tuple[tuple[type[Model], str], ...]] = {
    "focusarea": ((Goal, "focus_area_id"), (Action, "focus_area_id")),
    "indicator": ((IndicatorValue, "indicator_id"),),
}

#: The kinds the editor's history page can restore.
RESTORABLE = frozenset({"focusarea", "goal", "action", "indicator", "indicatorvalue"})


def deleted_with(kind: str, pk: int) -> str:
    """The change reason marking a child's deletion record as part of its parent's."""
    return f"deleted with {kind} {pk}"


def restore_deleted(kind: str, pk: int, region: Any, user: Any) -> Model | None:
    """Bring back a deleted object of the region's current plan with its id, fields and
    many-to-many links as its history last recorded them; for a focus area or an
    indicator, the children deleted with it too. Returns None when the region has no
    record of it (the view answers 404).

    Refused with ``PlanError`` when it exists, when its parent is gone (restore that
    first) or belongs to an earlier version, or when another object took its number or
    title. The restore is a history record of its own, marked ``history.RESTORED``.
    """
    if kind not in RESTORABLE:
        return None
    with transaction.atomic():
        last = (
            history.region_records(kind, region)
            .filter(id=pk)
            .order_by("-history_date", "-history_id")
            .first()
        )
        if last is None:
            return None
        model = history.KINDS[kind]
        if last.history_type != "-" or model._default_manager.filter(pk=pk).exists():
            raise PlanError(_("It exists: there is nothing to restore."))
        _check_parent(kind, last, region)
        restored = _restore_record(model, last, user)
        for child, parent_field in CASCADED_CHILDREN.get(kind, ()):
            children = child.history.filter(  # type: ignore[attr-defined]
                **{parent_field: pk},
                history_type="-",
                history_change_reason=deleted_with(kind, pk),
            ).order_by("history_date", "history_id")
            for record in children:
                if not child._default_manager.filter(pk=record.id).exists():
                    _restore_record(child, record, user)
    logger.info("%s %s of region %s restored", kind, pk, region.pk)
    return restored


def _check_parent(kind: str, record: Any, region: Any) -> None:
    """Refuse a restore whose parent is gone or not in the region's current version."""
    if kind in ("focusarea", "indicator"):
        strategy = Strategy.objects.filter(pk=record.strategy_id, region=region).first()
    elif kind in ("goal", "action"):
        focus_area = (
            FocusArea.objects.filter(pk=record.focus_area_id).select_related("strategy").first()
        )
        if focus_area is None:
            raise PlanError(
                _(
                    "Its focus area is deleted. Restore the focus area first, from its own "
                    "change history."
                )
            )
        strategy = focus_area.strategy
    else:
        indicator = (
            Indicator.objects.filter(pk=record.indicator_id).select_related("strategy").first()
        )
        if indicator is None:
            raise PlanError(
                _(
                    "Its indicator is deleted. Restore the indicator first, from its own "
                    "change history."
                )
            )
        strategy = indicator.strategy
    if not is_editable_version(strategy):
        raise PlanError(_("Only what was deleted from the current version can be restored."))


def _restore_record(model: type[M], record: Any, user: Any) -> M:
    """Recreate one object from its deletion record, with the many-to-many links of the
    record before it (the deletion's own record has none: the links go first)."""
    instance: M = record.instance
    before = (
        type(record)
        .objects.filter(id=record.id, history_date__lte=record.history_date)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    links: dict[str, list[Any]] = {}
    for m2m in type(record)._history_m2m_fields:
        related_ids: list[Any] = []
        if before is not None:
            rows_model = getattr(type(record), m2m.name).model
            target = history_utils.get_m2m_reverse_field_name(m2m)
            related_ids = list(
                rows_model.objects.filter(history_id=before.history_id).values_list(
                    f"{target}_id", flat=True
                )
            )
        # Links to what is gone since stay gone: the related object is not restored here.
        links[m2m.name] = list(m2m.related_model._base_manager.filter(pk__in=related_ids))
    instance._change_reason = history.RESTORED  # type: ignore[attr-defined]
    instance._history_user = user  # type: ignore[attr-defined]
    try:
        with transaction.atomic():
            # As save_with_history, one record from the final state; but only the new
            # record is marked a creation, not the object's earlier ones.
            instance.skip_history_when_saving = True  # type: ignore[attr-defined]
            try:
                instance.save(force_insert=True)
                _links(instance, **links)()
            finally:
                del instance.skip_history_when_saving  # type: ignore[attr-defined]
            instance.save()
            newest = instance.history.order_by("-history_id").first()  # type: ignore[attr-defined]
            type(record).objects.filter(history_id=newest.history_id).update(history_type="+")
    except IntegrityError as error:
        raise PlanError(
            _(
                "It cannot be restored: another %(kind)s of the plan now has the same number "
                "or title. Change that one first."
            )
            % {"kind": model._meta.verbose_name}
        ) from error
    _restore_links_to(model, instance.pk)
    return instance


def _restore_links_to(model: type[Model], pk: Any) -> None:
    """Give back the links that other objects of the plan had to a restored object: an
    indicator's link to a focus area, an action's to a goal.

    The delete cut them by cascade, which writes no history record for the other side, so
    an object whose newest record still lists the restored one had the link when it was
    deleted (a link removed on purpose since is in a newer record, and stays removed).
    The links come back without records of their own, as they were recorded. A query or
    two per kind of link, whatever the number of objects.
    """
    for relation in model._meta.related_objects:
        m2m = relation.field
        owner = m2m.model
        if not isinstance(m2m, ManyToManyField) or not hasattr(owner, "history"):
            continue
        history_model = owner.history.model
        if m2m.name not in {f.name for f in history_model._history_m2m_fields}:
            continue
        rows_model = getattr(history_model, m2m.name).model
        target = history_utils.get_m2m_reverse_field_name(m2m)
        newest = (
            history_model.objects.filter(id=OuterRef("id"))
            .order_by("-history_date", "-history_id")
            .values("history_id")[:1]
        )
        listing = rows_model.objects.filter(**{f"{target}_id": pk}).values("history_id")
        owner_ids = set(
            history_model.objects.filter(history_id__in=listing, history_id=Subquery(newest))
            .exclude(history_type="-")
            .values_list("id", flat=True)
        )
        existing = owner._base_manager.filter(pk__in=owner_ids).values_list("pk", flat=True)
        through = m2m.remote_field.through
        through.objects.bulk_create(
            [
                through(**{m2m.m2m_column_name(): owner_pk, m2m.m2m_reverse_name(): pk})
                for owner_pk in existing
            ],
            ignore_conflicts=True,
        )


# --- Restoring an earlier state ----------------------------------------------------------------


def is_editable_version(strategy: Strategy | None) -> bool:
    """Whether a restore may change the rows of this version of the strategy: the current
    one or the draft being prepared, as the editor may (``StrategyQuerySet.editable``). The
    one place that says so, for restoring a deleted object and an earlier state alike."""
    return strategy is not None and (strategy.is_current or strategy.is_draft)


#: The kinds whose earlier state the history page restores, with the fields a restore
#: sets: those the editor's forms edit, links included. Not the parent, the position (a
#: move is not undone by restoring the text) nor a version's bookkeeping. Translations are
#: restored with the Finnish text they sit beside.
STATE_FIELDS: dict[str, tuple[str, ...]] = {
    "strategy": tuple(
        with_translations(
            Strategy,
            [
                "title",
                "start_year",
                "end_year",
                "version_label",
                "vision",
                "values",
                "values_statement",
                "overall_goal",
                "objectives",
            ],
        )
    ),
    "focusarea": tuple(
        with_translations(
            FocusArea, ["number", "title", "description", "national_goals", "key_measures"]
        )
    ),
    "goal": tuple(with_translations(Goal, ["title"])),
    "action": tuple(
        with_translations(
            Action,
            [
                "title",
                "description",
                "goals",
                "lead_organisation",
                "lead_unknown",
                "responsible_organisations",
                "responsibles_unknown",
                "responsible_note",
                "start_date",
                "end_date",
                "status",
                "monitoring_note",
            ],
        )
    ),
    "indicator": tuple(
        with_translations(
            Indicator,
            [
                "title",
                "description",
                "unit",
                "decimals",
                "direction",
                "baseline",
                "baseline_year",
                "target",
                "target_year",
                "focus_areas",
            ],
        )
    ),
}


def _strategy_of(instance: Model) -> Strategy:
    """The version of the strategy a plan object belongs to (a query for a child's parent)."""
    if isinstance(instance, Strategy):
        return instance
    if isinstance(instance, (FocusArea, Indicator)):
        return instance.strategy
    if isinstance(instance, (Goal, Action)):
        return instance.focus_area.strategy
    raise TypeError(type(instance))


def _state_object(kind: str, pk: int, region: Any) -> Model | None:
    """The region's object of a kind whose state can be restored, or None if it is gone."""
    model = history.KINDS[kind]
    # The path to the strategy version, joined: ``_strategy_of`` then costs no query.
    strategy_path = {
        "strategy": "",
        "focusarea": "strategy",
        "indicator": "strategy",
        "goal": "focus_area__strategy",
        "action": "focus_area__strategy",
    }[kind]
    rows = model._default_manager.all()
    if strategy_path:
        rows = rows.select_related(strategy_path)
    region_path = f"{strategy_path}__region" if strategy_path else "region"
    return rows.filter(pk=pk, **{region_path: region}).first()  # type: ignore[no-any-return]


def state_version(kind: str, pk: int, region: Any) -> str | None:
    """The version of the object as the history page shows it (``lib.concurrency``), which
    its restore forms send back; None when its earlier states cannot be restored (a kind
    without them, an object deleted or of a version that is not editable)."""
    if kind not in STATE_FIELDS:
        return None
    instance = _state_object(kind, pk, region)
    if instance is None or not is_editable_version(_strategy_of(instance)):
        return None
    return concurrency.row_version(instance, STATE_FIELDS[kind])


@dataclass(frozen=True)
class RestoredState:
    """An object restored to an earlier state, and the links that could not come back."""

    instance: Model
    #: The names of linked objects deleted since the record: their links were left out.
    dropped_links: list[str]


def _recorded_links(record: Any, m2m: ManyToManyField[Any, Any]) -> list[Any]:
    """The ids a historical record lists for one of its many-to-many fields: one query."""
    rows_model = getattr(type(record), m2m.name).model
    target = history_utils.get_m2m_reverse_field_name(m2m)
    return list(
        rows_model.objects.filter(history_id=record.history_id).values_list(
            f"{target}_id", flat=True
        )
    )


def _deleted_names(related_model: type[Model], ids: set[Any]) -> list[str]:
    """What the deleted objects were called, from their last history records where they
    have any (goals, focus areas), else by id: a query per kind of object."""
    names = {pk: _("#%(id)s (deleted)") % {"id": pk} for pk in ids}
    if ids and hasattr(related_model, "history"):
        records = related_model.history.filter(id__in=ids).order_by("history_date", "history_id")  # type: ignore[attr-defined]
        for record in records:
            names[record.id] = str(record.instance)
    return sorted(names.values())


def restore_state(
    kind: str, pk: int, history_id: int, region: Any, user: Any, read_version: str
) -> RestoredState | None:
    """Set an object of the plan to the state one of its history records shows: its
    editable fields (``STATE_FIELDS``) and its many-to-many links. Returns None when the
    region has no such record of the object (the view answers 404).

    ``read_version`` is the object's version as the history page showed it: if someone
    changed the object since, ``concurrency.StaleEdit`` is raised and nothing changes.
    Links to objects deleted since the record are left out and named in the result.
    Refused with ``PlanError`` when the object is deleted (restore it first), belongs to
    a version that is not editable (``is_editable_version``), is already in that state,
    or when another object took its number or title meanwhile. The restore is one
    history record, its change reason naming the restored record's date
    (``history.restored_state_reason``).
    """
    if kind not in STATE_FIELDS:
        return None
    with transaction.atomic():
        record = (
            history.region_records(kind, region)
            .filter(id=pk, history_id=history_id)
            .exclude(history_type="-")
            .first()
        )
        if record is None:
            return None
        instance = _state_object(kind, pk, region)
        if instance is None:
            raise PlanError(
                _("It is deleted. Restore it first, from the newest entry of its history.")
            )
        if not is_editable_version(_strategy_of(instance)):
            raise PlanError(
                _("Only objects of the current version can be restored to an earlier state.")
            )
        names = STATE_FIELDS[kind]
        current = lock_and_reread(instance)
        changed = concurrency.changed_fields(read_version, current, names)
        if changed:
            raise concurrency.StaleEdit(
                [
                    concurrency.Change(
                        label=str(current._meta.get_field(name).verbose_name),  # type: ignore[union-attr]
                        yours=None,
                        current=concurrency.current_display(current, name),
                    )
                    for name in changed
                ],
                concurrency.row_version(current, names),
            )

        dropped: list[str] = []
        links: dict[str, list[Any]] = {}
        differs = False
        for name in names:
            field: Any = current._meta.get_field(name)
            if field.many_to_many:
                recorded = set(_recorded_links(record, field))
                kept = list(field.related_model._base_manager.filter(pk__in=recorded))
                gone = recorded - {obj.pk for obj in kept}
                dropped += _deleted_names(field.related_model, gone)
                links[name] = kept
                now = set(getattr(current, name).values_list("pk", flat=True))
                differs = differs or now != {obj.pk for obj in kept}
                continue
            value = getattr(record, field.attname)
            if (
                field.is_relation
                and value is not None
                and not field.related_model._base_manager.filter(pk=value).exists()
            ):
                dropped += _deleted_names(field.related_model, {value})
                value = None
            differs = differs or getattr(current, field.attname) != value
            setattr(current, field.attname, value)
        if not differs:
            raise PlanError(_("It is in that state already: nothing was changed."))

        current._change_reason = history.restored_state_reason(record)  # type: ignore[attr-defined]
        try:
            with transaction.atomic():
                save_with_history(current, _links(current, **links) if links else None, user)
        except IntegrityError as error:
            raise PlanError(
                _(
                    "It cannot be restored: another %(kind)s of the plan now has the same "
                    "number or title. Change that one first."
                )
                % {"kind": current._meta.verbose_name}
            ) from error
        finally:
            del current._change_reason  # type: ignore[attr-defined]
    logger.info("%s %s of region %s restored to record %s", kind, pk, region.pk, history_id)
    return RestoredState(current, dropped)
