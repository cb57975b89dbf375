"""What changed between two versions of a region's strategy.

Objects are matched across versions by their ``lineage``, which a revision copies with each
row (``strategy.services.start_revision``): an object of one version whose lineage the other
lacks was added or removed, one found in both is compared field by field. Each field is
compared as the page shows it (the status's label, the organisations' names, a Finnish
date, a translated text in the active language with its Finnish fallback), and a changed
field carries a word-by-word diff for the page to mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Model, Prefetch
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import override

from lib.diff import Piece, word_diff
from lib.translation import SOURCE_LANGUAGE, LocalizedText, active_language, localized
from network.models import Organisation
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    NationalGoal,
    Strategy,
)


@dataclass(frozen=True)
class FieldChange:
    """One field of an object whose shown value differs between the versions."""

    label: str
    old: str
    new: str
    words: tuple[Piece, ...]
    #: The language of the new value where it is not the page's (a Finnish fallback).
    lang: str = ""
    #: The language of the removed words where it is not the new value's.
    removed_lang: str = ""


@dataclass(frozen=True)
class PlanItem:
    """An object of the plan as the comparison names it: its title, and where it is (a
    goal's or an action's focus area)."""

    lineage: UUID
    title: LocalizedText
    place: LocalizedText


@dataclass(frozen=True)
class ChangedItem:
    item: PlanItem
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class KindChanges:
    """The focus areas (or goals, actions, indicators) added, removed and changed."""

    kind: str
    label: str
    added: tuple[PlanItem, ...]
    removed: tuple[PlanItem, ...]
    changed: tuple[ChangedItem, ...]

    @property
    def count(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)


@dataclass(frozen=True)
class VersionComparison:
    """Everything that differs from ``old`` to ``new``: the strategy's own fields (vision,
    values, overall goal ...), then the plan's objects kind by kind."""

    old: Strategy
    new: Strategy
    header: tuple[FieldChange, ...]
    focus_areas: KindChanges
    goals: KindChanges
    actions: KindChanges
    indicators: KindChanges

    @property
    def kinds(self) -> list[KindChanges]:
        return [self.focus_areas, self.goals, self.actions, self.indicators]

    @property
    def has_changes(self) -> bool:
        return bool(self.header) or any(kind.count for kind in self.kinds)


def field_changes(
    old: dict[str, str],
    new: dict[str, str],
    labels: dict[str, str],
    old_source: dict[str, str] | None = None,
    new_source: dict[str, str] | None = None,
) -> tuple[FieldChange, ...]:
    """The fields whose values differ (spacing aside), in the order of ``labels``.

    With the Finnish values (``old_source``, ``new_source``: the record), a field is changed
    when its Finnish value changed, so a page lists the same changes in every language, and
    a translation written for one version only is no change. Its words are diffed in the
    page's language where both versions have them so; otherwise in Finnish, marked so.
    """
    old_source = old if old_source is None else old_source
    new_source = new if new_source is None else new_source
    page = active_language()
    changes = []
    for name, label in labels.items():
        if old_source.get(name, "").split() == new_source.get(name, "").split():
            continue
        before, after = old.get(name, ""), new.get(name, "")
        old_lang, new_lang = _language(before), _language(after)
        if old_lang != new_lang or before.split() == after.split():
            before, after = old_source.get(name, ""), new_source.get(name, "")
            old_lang = new_lang = SOURCE_LANGUAGE
        changes.append(
            FieldChange(
                label,
                before,
                after,
                word_diff(before, after),
                lang=new_lang if new_lang != page else "",
                removed_lang=old_lang if old_lang != new_lang else "",
            )
        )
    return tuple(changes)


def _both_ways(
    values: Callable[[Any], dict[str, str]], old: Any, new: Any
) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """``values`` of the two rows as the page shows them, then in Finnish (the record)."""
    shown = values(old), values(new)
    with override(SOURCE_LANGUAGE):
        return (*shown, values(old), values(new))


def _language(value: str) -> str:
    """The language a shown value is in: the page's, or Finnish where a translated text
    fell back to it."""
    return SOURCE_LANGUAGE if getattr(value, "fallback", False) else active_language()


def _joined(texts: Iterable[LocalizedText], separator: str) -> LocalizedText:
    """Translated texts as one value: a fallback only if every one of them is."""
    parts = list(texts)
    if parts and all(part.fallback for part in parts):
        return LocalizedText(separator.join(parts), SOURCE_LANGUAGE, fallback=True)
    return LocalizedText(separator.join(parts), active_language())


# --- How each kind is shown ----------------------------------------------------------------


def _label(model: type[Model], name: str) -> str:
    """A field's own (translated) name, as its forms label it."""
    field = model._meta.get_field(name)
    return capfirst(str(getattr(field, "verbose_name", name)))


def _number(value: Decimal | None) -> str:
    """A decimal as the page writes it: Finnish decimals, whole numbers without ",00"."""
    if value is None:
        return ""
    places = 0 if value == value.to_integral_value() else None
    return str(formats.number_format(value, decimal_pos=places, use_l10n=True))


def _with_year(value: Decimal | None, year: int | None) -> str:
    shown = _number(value)
    return f"{shown} ({year})" if shown and year else shown


def _date(value: dt.date | None) -> str:
    return str(formats.date_format(value)) if value else ""


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if not start and not end:
        return ""
    return f"{_date(start)}–{_date(end)}"  # noqa: RUF001 (an en dash, as in print)


def _names(rows: Iterable[Organisation]) -> str:
    return ", ".join(sorted(row.name for row in rows))


def _area_name(focus_area: FocusArea) -> LocalizedText:
    title = localized(focus_area, "title")
    return LocalizedText(f"{focus_area.number}. {title}", title.lang, title.fallback)


def header_fields() -> dict[str, str]:
    return {
        "title": _label(Strategy, "title"),
        "period": _("Strategy period"),
        "vision": _label(Strategy, "vision"),
        "values": _label(Strategy, "values"),
        "values_statement": _label(Strategy, "values_statement"),
        "overall_goal": _label(Strategy, "overall_goal"),
        "objectives": _label(Strategy, "objectives"),
    }


def header_values(strategy: Strategy) -> dict[str, str]:
    return {
        "title": localized(strategy, "title"),
        "period": strategy.period,
        "vision": localized(strategy, "vision"),
        "values": _joined(strategy.localized_values, ", "),
        "values_statement": localized(strategy, "values_statement"),
        "overall_goal": localized(strategy, "overall_goal"),
        "objectives": localized(strategy, "objectives"),
    }


def focus_area_fields() -> dict[str, str]:
    return {
        "number": _label(FocusArea, "number"),
        "title": _label(FocusArea, "title"),
        "description": _label(FocusArea, "description"),
        "national_goals": _label(FocusArea, "national_goals"),
        "key_measures": _label(FocusArea, "key_measures"),
    }


def focus_area_values(focus_area: FocusArea) -> dict[str, str]:
    national_goals: list[NationalGoal] = sorted(
        focus_area.national_goals.all(), key=lambda goal: goal.number
    )
    return {
        "number": str(focus_area.number),
        "title": localized(focus_area, "title"),
        "description": localized(focus_area, "description"),
        "national_goals": _joined((localized(goal, "title") for goal in national_goals), "; "),
        "key_measures": _joined(
            (
                localized(measure, "title")
                for measure in sorted(focus_area.key_measures.all(), key=lambda m: m.number)
            ),
            "; ",
        ),
    }


def goal_fields() -> dict[str, str]:
    return {"title": _label(Goal, "title")}


def goal_values(goal: Goal) -> dict[str, str]:
    return {"title": localized(goal, "title")}


def action_fields() -> dict[str, str]:
    return {
        "title": _label(Action, "title"),
        "description": _label(Action, "description"),
        "status": _label(Action, "status"),
        "lead_organisation": _label(Action, "lead_organisation"),
        "responsible_organisations": _label(Action, "responsible_organisations"),
        "responsible_note": _label(Action, "responsible_note"),
        "period": _("Time frame"),
        "monitoring_note": _label(Action, "monitoring_note"),
        "goals": _label(Action, "goals"),
    }


def action_values(action: Action) -> dict[str, str]:
    lead = action.lead_organisation
    return {
        "title": localized(action, "title"),
        "description": localized(action, "description"),
        "status": str(action.get_status_display()),  # type: ignore[attr-defined]
        "lead_organisation": (
            str(_("Not known")) if action.lead_unknown else (lead.name if lead is not None else "")
        ),
        "responsible_organisations": (
            str(_("Not known"))
            if action.responsibles_unknown
            else _names(action.responsible_organisations.all())
        ),
        "responsible_note": action.responsible_note,
        "period": _period(action.start_date, action.end_date),
        "monitoring_note": action.monitoring_note,
        # Goals by their titles, in their order: a goal's copy is another row.
        "goals": _joined(
            (
                localized(goal, "title")
                for goal in sorted(action.goals.all(), key=lambda g: (g.position, g.pk))
            ),
            "; ",
        ),
    }


def indicator_fields() -> dict[str, str]:
    return {
        "title": _label(Indicator, "title"),
        "description": _label(Indicator, "description"),
        "unit": _label(Indicator, "unit"),
        "direction": _label(Indicator, "direction"),
        "baseline": _label(Indicator, "baseline"),
        "target": _label(Indicator, "target"),
        "focus_areas": _label(Indicator, "focus_areas"),
        "values": _("Yearly values"),
    }


def indicator_values(indicator: Indicator) -> dict[str, str]:
    focus_areas = sorted(indicator.focus_areas.all(), key=lambda area: area.number)
    values: list[IndicatorValue] = indicator.yearly_values  # type: ignore[attr-defined]
    return {
        "title": localized(indicator, "title"),
        "description": localized(indicator, "description"),
        "unit": localized(indicator, "unit"),
        "direction": str(indicator.get_direction_display()),  # type: ignore[attr-defined]
        "baseline": _with_year(indicator.baseline, indicator.baseline_year),
        "target": _with_year(indicator.target, indicator.target_year),
        "focus_areas": _joined((_area_name(area) for area in focus_areas), "; "),
        "values": "; ".join(f"{value.year}: {_number(value.value)}" for value in values),
    }


# --- Matching ------------------------------------------------------------------------------


def _changes_of_kind(
    kind: str,
    label: str,
    old_rows: list[Any],
    new_rows: list[Any],
    fields: dict[str, str],
    values: Callable[[Any], dict[str, str]],
    place: Callable[[Any], LocalizedText],
) -> KindChanges:
    """Match the rows of the two versions by lineage; rows come in the order shown."""

    def item(row: Any) -> PlanItem:
        return PlanItem(row.lineage, localized(row, "title"), place(row))

    old_by_lineage = {row.lineage: row for row in old_rows}
    new_lineages = {row.lineage for row in new_rows}
    changed = []
    for row in new_rows:
        before = old_by_lineage.get(row.lineage)
        if before is None:
            continue
        shown_old, shown_new, source_old, source_new = _both_ways(values, before, row)
        changes = field_changes(shown_old, shown_new, fields, source_old, source_new)
        if changes:
            changed.append(ChangedItem(item(row), changes))
    return KindChanges(
        kind=kind,
        label=label,
        added=tuple(item(row) for row in new_rows if row.lineage not in old_by_lineage),
        removed=tuple(item(row) for row in old_rows if row.lineage not in new_lineages),
        changed=tuple(changed),
    )


def _split(
    rows: Iterable[Any], strategy_of: Callable[[Any], int], old: Strategy
) -> tuple[list[Any], list[Any]]:
    """The rows of ``old`` and those of the other version, each in the given order."""
    old_rows: list[Any] = []
    new_rows: list[Any] = []
    for row in rows:
        (old_rows if strategy_of(row) == old.pk else new_rows).append(row)
    return old_rows, new_rows


def _header_changes(old: Strategy, new: Strategy) -> tuple[FieldChange, ...]:
    shown_old, shown_new, source_old, source_new = _both_ways(header_values, old, new)
    return field_changes(shown_old, shown_new, header_fields(), source_old, source_new)


def compare_versions(old: Strategy, new: Strategy) -> VersionComparison:
    """What changed from ``old`` to ``new`` (two versions of one region's strategy).

    Nine queries whatever the size of the plan, each reading both versions at once: the
    focus areas and their national goals, the goals, the actions (focus area and lead
    organisation joined) with their responsible organisations and goals, the indicators
    with their focus areas and yearly values.
    """
    if old.pk == new.pk:
        raise ValueError("A version is compared with another version.")
    both = [old.pk, new.pk]
    focus_areas = FocusArea.objects.filter(strategy__in=both).prefetch_related(
        "national_goals", "key_measures"
    )
    goals = Goal.objects.filter(focus_area__strategy__in=both).select_related("focus_area")
    actions = (
        Action.objects.filter(focus_area__strategy__in=both)
        .select_related("focus_area", "lead_organisation")
        .prefetch_related("responsible_organisations", "goals")
    )
    indicators = (
        Indicator.objects.filter(strategy__in=both)
        .with_yearly_values()
        .prefetch_related(Prefetch("focus_areas", queryset=FocusArea.objects.all()))
    )

    def by_area(row: Goal | Action) -> tuple[int, int, int]:
        return (row.focus_area.number, row.position, row.pk)

    def area_of(row: Goal | Action) -> LocalizedText:
        return _area_name(row.focus_area)

    def no_place(row: Any) -> LocalizedText:
        return LocalizedText("", active_language())

    area_rows = sorted(focus_areas, key=lambda area: area.number)
    goal_rows = sorted(goals, key=by_area)
    action_rows = sorted(actions, key=by_area)
    indicator_rows = sorted(indicators, key=lambda row: (row.position, row.pk))
    return VersionComparison(
        old=old,
        new=new,
        header=_header_changes(old, new),
        focus_areas=_changes_of_kind(
            "focusarea",
            _("Focus areas"),
            *_split(area_rows, lambda row: row.strategy_id, old),
            focus_area_fields(),
            focus_area_values,
            no_place,
        ),
        goals=_changes_of_kind(
            "goal",
            _("Goals"),
            *_split(goal_rows, lambda row: row.focus_area.strategy_id, old),
            goal_fields(),
            goal_values,
            area_of,
        ),
        actions=_changes_of_kind(
            "action",
            _("Actions"),
            *_split(action_rows, lambda row: row.focus_area.strategy_id, old),
            action_fields(),
            action_values,
            area_of,
        ),
        indicators=_changes_of_kind(
            "indicator",
            _("Indicators"),
            *_split(indicator_rows, lambda row: row.strategy_id, old),
            indicator_fields(),
            indicator_values,
            no_place,
        ),
    )
