"""Revisions of a region's strategy, prepared as drafts.

Starting a revision copies the current version into a draft that only the region's
coordinators see and edit; the public keeps reading the current version until the draft is
published (with a date and a note of what changed), and a draft discarded leaves nothing
behind, its change history included. One draft a region at a time
(``strategy_one_draft``).

Each function runs in one transaction and takes its row locks in one order, the region's
current version first and then the draft, so two coordinators acting at once wait for each
other instead of deadlocking: the second one finds what the first one did and is told.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Max, Model, QuerySet
from django.utils.translation import gettext as _

from portal import page_cache
from strategy.models import Action, FocusArea, Goal, Indicator, IndicatorValue, Strategy
from strategy.services import PlanError, _as_new_copy, _links, relink_entries, save_with_history

logger = logging.getLogger(__name__)


def _lock_current(region_id: int) -> Strategy | None:
    """Lock and return the region's current version (None while it has none)."""
    return Strategy.objects.select_for_update().filter(region_id=region_id, is_current=True).first()


def _lock_draft(draft: Strategy) -> Strategy:
    """Lock the draft's row and return it as it is now; refuse one published or discarded
    meanwhile (the second of two coordinators clicking at once lands here)."""
    locked = Strategy.objects.select_for_update().filter(pk=draft.pk).first()
    if locked is None:
        raise PlanError(_("The draft no longer exists: someone discarded it meanwhile."))
    if not locked.is_draft:
        raise PlanError(_("The draft is already published: someone published it meanwhile."))
    return locked


def start_revision(strategy: Strategy, version_label: str, user: Any) -> Strategy:
    """Copy the current version into a draft of the next version and return the draft.

    The draft gets the next version number and ``previous`` pointing at the current
    version, which stays current and public. Focus areas (with their national goal links),
    goals, indicators (with yearly values and focus area links) and actions (with goals,
    responsible and lead organisations) are copied and every link is remapped to the
    copies. Refused while the region has a draft: the current version's row is locked
    first, so of two coordinators starting at once the second waits and is told.
    """
    version_label = version_label.strip()
    if not version_label:
        raise PlanError(_("Give the new version a name."))
    try:
        with transaction.atomic():
            old = _lock_current(strategy.region_id)
            if old is None or old.pk != strategy.pk:
                raise PlanError(_("Only the current version can be revised."))
            if Strategy.objects.filter(region_id=old.region_id).drafts().exists():
                raise PlanError(_draft_exists())
            new = _copy_version(old, version_label, user)
    except IntegrityError as error:
        # strategy_one_draft, should a draft come by another way than this lock.
        raise PlanError(_draft_exists()) from error
    logger.info(
        "Strategy %s of region %s drafted as version %s", old.pk, old.region_id, new.version
    )
    return new


def _draft_exists() -> str:
    return _(
        "A draft of the next version is already being prepared. Edit it, publish it or "
        "discard it first."
    )


def _copy_version(old: Strategy, version_label: str, user: Any) -> Strategy:
    """The draft copy of ``old`` with everything in it (see ``start_revision``)."""
    next_version = (
        Strategy.objects.filter(region_id=old.region_id).aggregate(v=Max("version"))["v"] + 1
    )
    new = _as_new_copy(Strategy.objects.get(pk=old.pk))
    new.version = next_version
    new.version_label = version_label
    new.previous = old
    new.is_current = False
    new.published_on = None
    new.change_note = ""
    save_with_history(new, user=user)

    focus_area_copies: dict[int, FocusArea] = {}
    for focus_area in old.focus_areas.prefetch_related("national_goals", "key_measures"):
        national_goals = list(focus_area.national_goals.all())
        key_measures = list(focus_area.key_measures.all())
        source_pk = focus_area.pk
        _as_new_copy(focus_area)
        focus_area.strategy = new
        save_with_history(
            focus_area,
            _links(focus_area, national_goals=national_goals, key_measures=key_measures),
            user,
        )
        focus_area_copies[source_pk] = focus_area

    goal_copies: dict[int, Goal] = {}
    for goal in Goal.objects.filter(focus_area__strategy=old):
        source_pk = goal.pk
        _as_new_copy(goal)
        goal.focus_area = focus_area_copies[goal.focus_area_id]
        save_with_history(goal, user=user)
        goal_copies[source_pk] = goal

    for indicator in old.indicators.prefetch_related("focus_areas", "values"):
        values = list(indicator.values.all())
        linked = [focus_area_copies[fa.pk] for fa in indicator.focus_areas.all()]
        _as_new_copy(indicator)
        indicator.strategy = new
        save_with_history(indicator, _links(indicator, focus_areas=linked), user)
        for value in values:
            _as_new_copy(value)
            value.indicator = indicator
            save_with_history(value, user=user)

    for action in Action.objects.filter(focus_area__strategy=old).prefetch_related(
        "goals", "responsible_organisations"
    ):
        goals = [goal_copies[goal.pk] for goal in action.goals.all()]
        responsibles = list(action.responsible_organisations.all())
        _as_new_copy(action)
        action.focus_area = focus_area_copies[action.focus_area_id]
        save_with_history(
            action, _links(action, goals=goals, responsible_organisations=responsibles), user
        )
    return new


def publish_draft(
    draft: Strategy, published_on: datetime.date, change_note: str, user: Any
) -> Strategy:
    """Make the draft the current, public version, dated ``published_on`` with
    ``change_note``; the version it replaces stays readable as an earlier one.

    The logged entries (guidance actions, events, good practices) linked to the replaced
    version's focus areas, goals and actions are moved to the draft's (``entry_mapping``), since
    every list and form reads the current version's. Of two coordinators publishing at
    once, the second is refused (``PlanError``): the rows are locked, current first.
    """
    with transaction.atomic():
        old = _lock_current(draft.region_id)
        new = _lock_draft(draft)
        if old is not None:
            old.is_current = False
            if old.published_on is None:  # a version made without one (the benchmark's data)
                old.published_on = old.created_at.date()
            old._history_user = user  # type: ignore[attr-defined]
            old.save(update_fields=["is_current", "published_on"])
        new.is_current = True
        if old is not None and new.previous_id is None:
            new.previous = old  # a draft made without one (the plan's import)
        new.published_on = published_on
        new.change_note = change_note.strip()
        new._history_user = user  # type: ignore[attr-defined]
        new.save(update_fields=["is_current", "previous", "published_on", "change_note"])
        if old is not None:
            relink_entries(*entry_mapping(old, new))
        page_cache.bump(new.region_id)
    logger.info("Strategy %s of region %s published", new.pk, new.region_id)
    return new


def entry_mapping(
    old: Strategy, new: Strategy
) -> tuple[dict[int, int], dict[int, int], dict[int, int]]:
    """Which focus area, goal and action of ``new`` takes over each of ``old``'s (old id →
    new id).

    A focus area by its number; a goal within its focus area by its title, or else by its
    place among the goals, since the draft may have reworded or reordered them; an action
    by its lineage (the draft's copy of it, wherever it was moved). An object with no
    counterpart keeps its entries (they stay linked to the earlier version). Four queries.
    """
    numbers = dict(FocusArea.objects.filter(strategy=new).values_list("number", "pk"))
    focus_areas = {
        pk: numbers[number]
        for pk, number in FocusArea.objects.filter(strategy=old).values_list("pk", "number")
        if number in numbers
    }
    new_goals = _goals_by_area(new)
    goals: dict[int, int] = {}
    for number, old_goals in _goals_by_area(old).items():
        candidates = new_goals.get(number, [])
        by_title = {title: pk for pk, title in candidates}
        taken = set()
        unmatched = []
        for index, (pk, title) in enumerate(old_goals):
            if title in by_title and by_title[title] not in taken:
                goals[pk] = by_title[title]
                taken.add(by_title[title])
            else:
                unmatched.append((index, pk))
        for index, pk in unmatched:
            if index < len(candidates) and candidates[index][0] not in taken:
                goals[pk] = candidates[index][0]
                taken.add(candidates[index][0])
    copies = dict(Action.objects.filter(focus_area__strategy=new).values_list("lineage", "pk"))
    actions = {
        pk: copies[lineage]
        for pk, lineage in Action.objects.filter(focus_area__strategy=old).values_list(
            "pk", "lineage"
        )
        if lineage in copies
    }
    return focus_areas, goals, actions


def _goals_by_area(strategy: Strategy) -> dict[int, list[tuple[int, str]]]:
    """focus area number → its goals as (id, title) in their order: one query."""
    goals: dict[int, list[tuple[int, str]]] = {}
    rows = (
        Goal.objects.filter(focus_area__strategy=strategy)
        .order_by("focus_area__number", "position", "id")
        .values_list("focus_area__number", "pk", "title")
    )
    for number, pk, title in rows:
        goals.setdefault(number, []).append((pk, title))
    return goals


def discard_draft(draft: Strategy, user: Any) -> None:
    """Delete the draft with everything in it and every history record of it, so that
    nothing is left behind: a discarded draft was never public and is no change of the
    plan. The history of rows added to the draft and deleted again goes too (found by
    their records' strategy and focus area ids). Refused for a draft published or
    discarded meanwhile."""
    with transaction.atomic():
        _lock_current(draft.region_id)
        locked = _lock_draft(draft)
        records = _history_of(locked)
        locked._history_user = user  # type: ignore[attr-defined]
        locked.delete()
        for model, ids in records:
            _delete_history(model.history.filter(id__in=ids))  # type: ignore[attr-defined]
        page_cache.bump(locked.region_id)
    logger.info("Draft %s of region %s discarded", draft.pk, draft.region_id)


def _delete_history(records: QuerySet[Any]) -> None:
    """Delete history records with the records of their many-to-many links, which
    simple-history keeps in tables of their own without a cascade."""
    for m2m in getattr(records.model, "_history_m2m_fields", ()):
        links = getattr(records.model, m2m.name).model
        links.objects.filter(history__in=records.values("history_id")).delete()
    records.delete()


def _history_of(draft: Strategy) -> list[tuple[type[Model], list[int]]]:
    """Each model of the plan with the ids of its rows that ever belonged to the draft,
    read from their history records (which outlive the rows): a query per model."""
    focus_areas = list(
        FocusArea.history.filter(strategy_id=draft.pk).values_list("id", flat=True).distinct()  # type: ignore[attr-defined]
    )
    indicators = list(
        Indicator.history.filter(strategy_id=draft.pk).values_list("id", flat=True).distinct()  # type: ignore[attr-defined]
    )

    def ids(model: Any, **lookup: Any) -> list[int]:
        return list(model.history.filter(**lookup).values_list("id", flat=True).distinct())

    return [
        (Strategy, [draft.pk]),
        (FocusArea, focus_areas),
        (Goal, ids(Goal, focus_area_id__in=focus_areas)),
        (Action, ids(Action, focus_area_id__in=focus_areas)),
        (Indicator, indicators),
        (IndicatorValue, ids(IndicatorValue, indicator_id__in=indicators)),
    ]
