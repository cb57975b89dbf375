"""The TNO-forum summary of a region's strategy work: plan, actions, events, indicators.

Built from the current strategy in eight queries whatever the row counts: the strategy,
its focus areas with national goals, goals, actions, lead and responsible organisations
(``Strategy.with_action_plan``), the indicators with their yearly values, and the
published events of the period with their organisers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from django.utils import formats
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from events.models import Event
from lib.translation import LocalizedText, localized
from network.models import Region
from reporting import charts
from reporting.documents.base import (
    Chapter,
    Cover,
    DocumentError,
    PreparedDocument,
    file_name,
    listed,
    numbered,
    today,
)
from strategy.formatting import indicator_number, indicator_value
from strategy.models import Action, Indicator, Strategy

#: The template in ``reporting/pdf/`` that renders this document.
TEMPLATE_NAME = "tno_summary.html"


@dataclass(frozen=True)
class ActionRow:
    title: LocalizedText
    status: str
    status_label: str
    responsibles: tuple[str, ...]
    period: str


@dataclass(frozen=True)
class FocusAreaSection:
    anchor: str
    number: int
    title: LocalizedText
    description: LocalizedText
    national_goals: tuple[LocalizedText, ...]
    goals: tuple[LocalizedText, ...]
    actions: tuple[ActionRow, ...]


@dataclass(frozen=True)
class EventRow:
    date: str
    title: LocalizedText
    kind_label: str
    organisers: tuple[str, ...]
    participants: int | None


@dataclass(frozen=True)
class IndicatorTrend:
    title: LocalizedText
    unit: LocalizedText
    #: The decimals of its figures (``Indicator.precision``, ``strategy.formatting``).
    precision: int
    direction_label: str
    target: Decimal | None
    target_year: int | None
    values: tuple[tuple[int, Decimal], ...]
    chart: SafeString


@dataclass(frozen=True)
class TnoSummary:
    cover: Cover
    chapters: tuple[Chapter, ...]
    strategy_title: LocalizedText
    strategy_period: str
    version_label: str
    vision: LocalizedText
    values: tuple[LocalizedText, ...]
    values_statement: LocalizedText
    overall_goal: LocalizedText
    focus_areas: tuple[FocusAreaSection, ...]
    action_status_chart: SafeString
    events_period: str
    events: tuple[EventRow, ...]
    participants_total: int
    indicators: tuple[IndicatorTrend, ...]


def default_period(on: dt.date) -> tuple[dt.date, dt.date]:
    """The last twelve months up to ``on``: the period a forum summary covers by default."""
    try:
        start = on.replace(year=on.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = on.replace(year=on.year - 1, day=28) + dt.timedelta(days=1)
    return start, on


def _date(day: dt.date | None) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT") if day else ""


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if not start and not end:
        return ""
    return f"{_date(start)}–{_date(end)}"  # noqa: RUF001 (an en dash, as in print)


def _action_row(action: Action) -> ActionRow:
    names = [organisation.name for organisation in action.responsible_bodies]
    if action.responsible_note:
        names.append(action.responsible_note)
    names.extend(action.responsibility_unknowns)
    return ActionRow(
        title=localized(action, "title"),
        status=action.status,
        status_label=action.get_status_display(),
        responsibles=tuple(names),
        period=_period(action.start_date, action.end_date),
    )


def _indicator_trend(indicator: Indicator) -> IndicatorTrend:
    values = tuple((value.year, value.value) for value in indicator.yearly_values)  # type: ignore[attr-defined]
    title = localized(indicator, "title")
    unit_text = localized(indicator, "unit")
    unit = f" ({unit_text.plain})" if unit_text else ""
    if values:
        described = ", ".join(
            f"{year}: {indicator_value(value, indicator)}" for year, value in values
        )
    else:
        described = _("no values yet")
    target = (
        _("target %(target)s") % {"target": indicator_value(indicator.target, indicator)}
        if indicator.target is not None
        else _("no target")
    )
    return IndicatorTrend(
        title=title,
        unit=unit_text,
        precision=indicator.precision,
        direction_label=indicator.get_direction_display(),
        target=indicator.target,
        target_year=indicator.target_year,
        values=values,
        chart=charts.line_chart(
            f"indicator-{indicator.pk}",
            f"{title.plain}{unit}",
            f"{described}; {target}.",
            values,
            target=indicator.target,
            target_label=_("Target"),
            fmt=partial(indicator_number, decimals=indicator.precision),
        ),
    )


def build_tno_summary(region: Region, start: dt.date, end: dt.date) -> TnoSummary:
    """Return the region's TNO-forum summary for events from ``start`` to ``end``.

    Raises DocumentError when the region has no current strategy.
    """
    strategy = (
        Strategy.objects.for_region(region).current().with_action_plan().with_indicators().first()
    )
    if strategy is None:
        raise DocumentError(
            _("%(region)s has no current strategy, so there is nothing to summarise.")
            % {"region": localized(region, "name").plain}
        )
    indicators = list(strategy.indicators.all())
    events = list(
        Event.objects.published()
        .for_region(region)
        .overlapping(start, end)
        .with_organisers()
        .order_by("starts_on", "start_time", "id")
    )

    focus_areas = tuple(
        FocusAreaSection(
            anchor=f"painopiste-{focus_area.number}",
            number=focus_area.number,
            title=localized(focus_area, "title"),
            description=localized(focus_area, "description"),
            national_goals=tuple(
                localized(goal, "title") for goal in focus_area.national_goals.all()
            ),
            goals=tuple(localized(goal, "title") for goal in focus_area.goals.all()),
            actions=tuple(_action_row(action) for action in focus_area.actions.all()),
        )
        for focus_area in strategy.focus_areas.all()
    )
    statuses = Counter(row.status for area in focus_areas for row in area.actions)
    status_bars = [(str(label), statuses.get(value, 0)) for value, label in Action.Status.choices]
    period = _period(start, end)
    title = _("TNO forum summary")
    chapters = [
        Chapter("strategia", _("Strategy")),
        *(Chapter(area.anchor, numbered(area.number, area.title)) for area in focus_areas),
        Chapter("tapahtumat", _("Events")),
        Chapter("mittarit", _("Indicators")),
    ]
    region_name = localized(region, "name")
    return TnoSummary(
        cover=Cover(
            title=title,
            subtitle=region.network_label,
            region_name=region_name,
            period=period,
            made_on=today(),
        ),
        chapters=tuple(chapters),
        strategy_title=localized(strategy, "title"),
        strategy_period=strategy.period,
        version_label=strategy.version_label,
        vision=localized(strategy, "vision"),
        values=listed(localized(strategy, "values")),
        values_statement=localized(strategy, "values_statement"),
        overall_goal=localized(strategy, "overall_goal"),
        focus_areas=focus_areas,
        action_status_chart=charts.bar_chart(
            "action-statuses",
            _("Actions by status"),
            ", ".join(f"{label}: {count}" for label, count in status_bars),
            status_bars,
        ),
        events_period=period,
        events=tuple(
            EventRow(
                date=_date(event.starts_on)
                if not event.is_multi_day
                else _period(event.starts_on, event.ends_on),
                title=localized(event, "title"),
                kind_label=event.get_kind_display(),
                organisers=tuple(organisation.name for organisation in event.organisers.all()),
                participants=event.participants_count,
            )
            for event in events
        ),
        participants_total=sum(event.participants_count or 0 for event in events),
        indicators=tuple(_indicator_trend(indicator) for indicator in indicators),
    )


def prepare_tno_summary(region: Region, start: dt.date, end: dt.date) -> PreparedDocument:
    document = build_tno_summary(region, start, end)
    return PreparedDocument(
        TEMPLATE_NAME,
        document,
        title=f"{document.cover.title}: {document.cover.region_name}",
        filename=file_name("tno-yhteenveto", region.slug, start.isoformat(), end.isoformat()),
    )
