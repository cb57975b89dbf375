"""Write the demo data of ``demo.kaselo`` to the database, idempotently.

The reference data under it (the 15 regions and their provinces, the national goals, the
lookups) comes from migrations; the loader writes it again through the same functions,
which changes nothing on a migrated database and brings it back after ``manage.py flush``.
It is not counted in the load's report: the report says what the demo adds.

Every row is found by its natural key and saved only when one of its values differs, and
every many-to-many set is replaced only when its members differ. So a second run changes
nothing, not even ``Strategy.updated_at``, and its report says so.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import translation
from django.utils.text import slugify

from actions.lookups import write_lookup_rows
from actions.models import GoodPractice, GuidanceChannel, TargetGroup
from demo import kaselo, seed_facts
from events.models import Event, EventSeries
from network.models import Organisation, Province, Region
from network.reference import write_regions, write_row
from portal.review import ReviewStatus
from strategy.models import (
    Action,
    FocusArea,
    FundingLine,
    Goal,
    Indicator,
    KeyMeasure,
    NationalGoal,
    NationalStrategy,
    Project,
    Strategy,
)
from strategy.reference import write_national_strategy
from strategy.revisions import publish_draft, start_revision

ModelT = TypeVar("ModelT", bound=models.Model)


@dataclass
class LoadReport:
    """Rows the load found per model, and how many it created or changed."""

    total: Counter[type[models.Model]] = field(default_factory=Counter)
    created: Counter[type[models.Model]] = field(default_factory=Counter)
    updated: Counter[type[models.Model]] = field(default_factory=Counter)
    links_changed: int = 0

    def summary(self) -> str:
        """One line for the command's output; model names in English whatever the locale."""
        with translation.override(None):
            counts = ", ".join(
                f"{model._meta.verbose_name_plural}: {count}" for model, count in self.total.items()
            )
        return (
            f"Demo data loaded ({counts}). Rows created: {sum(self.created.values())}, "
            f"updated: {sum(self.updated.values())}; link sets changed: {self.links_changed}."
        )


@transaction.atomic
def load_demo() -> LoadReport:
    """Load all the demo data in one transaction, so a failure leaves the database as it was."""
    report = LoadReport()
    write_lookup_rows(TargetGroup, GuidanceChannel)
    regions: dict[str, Region] = write_regions(Region, Province)
    region = regions[kaselo.REGION]
    provinces = {province.name: province for province in Province.objects.filter(region=region)}
    # Reference data of the migrations, like the regions: written again, not reported.
    write_national_strategy(NationalStrategy, NationalGoal, KeyMeasure)
    _check_seed_facts()
    # The first version (seed 002) as it was; then the current one (seed 000), made from it
    # as a coordinator's revision is, so the versions compare object by object.
    first = _load_strategy(report, region, kaselo.FIRST_VERSION)
    first_areas, _ = _load_focus_areas(report, first, current=False)
    organisations = _load_organisations(report, region, provinces)
    _load_actions(report, first_areas, {}, organisations)
    _load_indicators(report, first, first_areas)
    strategy = _load_current_version(report, region, first)
    focus_areas, goals = _load_focus_areas(report, strategy, current=True)
    actions = _load_actions(report, focus_areas, goals, organisations)
    _load_indicators(report, strategy, focus_areas)
    projects = _load_projects(report, region, actions)
    _load_good_practices(report, region, organisations, focus_areas, actions)
    _load_events(report, region, regions, organisations, focus_areas, projects)
    _load_event_series(report, region)
    return report


# --- Writing rows ---------------------------------------------------------------------------


def _upsert(
    report: LoadReport,
    model: type[ModelT],
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    on_create: Mapping[str, Any] | None = None,
) -> ModelT:
    """Return the row with the natural key ``lookup``, holding ``values``, and count it.

    ``on_create`` is written to a new row only: ``Strategy.is_current`` must not take the
    flag back from a version a coordinator has made current since.
    """
    obj, done = write_row(model, lookup, values, on_create)
    if done == "created":
        report.created[model] += 1
    elif done == "updated":
        report.updated[model] += 1
    report.total[model] += 1
    return obj


def _set_members(
    report: LoadReport, obj: models.Model, name: str, members: Iterable[models.Model]
) -> None:
    """Make the many-to-many ``name`` of ``obj`` hold exactly ``members``.

    Comparing first keeps an unchanged set untouched and lets the report count real changes.
    """
    manager = getattr(obj, name)
    wanted = list(members)
    if set(manager.values_list("pk", flat=True)) != {member.pk for member in wanted}:
        manager.set(wanted)
        report.links_changed += 1


def _pick(rows: Mapping[Any, ModelT], keys: Iterable[Any], what: str) -> list[ModelT]:
    """The rows named by ``keys``; a name the data misspells stops the load with its name."""
    picked = []
    for key in keys:
        if key not in rows:
            raise LookupError(f"The demo data names an unknown {what}: {key!r}")
        picked.append(rows[key])
    return picked


# --- The data, model by model ---------------------------------------------------------------


def _strategy_values(version: kaselo.VersionData) -> dict[str, Any]:
    data = kaselo.STRATEGY
    return {
        "title": data.title,
        "start_year": data.start_year,
        "end_year": data.end_year,
        "version_label": version.label,
        "vision": data.vision,
        "values": data.values,
        "values_statement": data.values_statement,
        "overall_goal": data.overall_goal,
        "objectives": data.objectives,
        "published_on": version.published_on,
        "change_note": version.change_note,
    }


def _load_strategy(report: LoadReport, region: Region, version: kaselo.VersionData) -> Strategy:
    """KASELO's first version; made current only when it is first created."""
    return _upsert(
        report,
        Strategy,
        {"region": region, "version": version.number},
        _strategy_values(version),
        on_create={"is_current": True},
    )


def _load_current_version(report: LoadReport, region: Region, first: Strategy) -> Strategy:
    """KASELO's current version: on the first run a revision of ``first``, published, so it
    holds copies of the first version's rows (same lineage) and becomes current; later runs
    find it and only bring its values back."""
    version = kaselo.CURRENT_VERSION
    if not Strategy.objects.filter(region=region, version=version.number).exists():
        draft = start_revision(first, version.label, user=None)
        publish_draft(draft, version.published_on, version.change_note, user=None)
        # The copies are rows the load created, though the revision wrote them.
        report.created[Strategy] += 1
        report.created[FocusArea] += draft.focus_areas.count()
        report.created[Action] += Action.objects.filter(focus_area__strategy=draft).count()
        report.created[Indicator] += draft.indicators.count()
    return _upsert(
        report,
        Strategy,
        {"region": region, "version": version.number},
        _strategy_values(version),
    )


def _load_focus_areas(
    report: LoadReport,
    strategy: Strategy,
    *,
    current: bool,
) -> tuple[dict[int, FocusArea], dict[tuple[int, int], Goal]]:
    """Focus areas by number, and their goals by (focus area number, 1-based position).

    The first version has its own titles and no goals: seed 002 sets none apart.
    """
    focus_areas = {}
    goals: dict[tuple[int, int], Goal] = {}
    for data in kaselo.FOCUS_AREAS:
        focus_area = _upsert(
            report,
            FocusArea,
            {"strategy": strategy, "number": data.number},
            {"title": data.title if current else data.first_version_title},
        )
        focus_areas[data.number] = focus_area
        for position, title in enumerate(data.goals if current else (), start=1):
            goals[data.number, position] = _upsert(
                report, Goal, {"focus_area": focus_area, "position": position}, {"title": title}
            )
    return focus_areas, goals


def _load_organisations(
    report: LoadReport, region: Region, provinces: Mapping[str, Province]
) -> dict[str, Organisation]:
    """The member organisations by name, each with its provinces."""
    organisations = {}
    for data in kaselo.ORGANISATIONS:
        organisation = _upsert(
            report,
            Organisation,
            {"region": region, "slug": slugify(data.name)},
            {
                "name": data.name,
                "abbreviation": data.abbreviation,
                "kind": data.kind,
                "sector": data.sector,
                "description": data.description,
            },
        )
        _set_members(
            report, organisation, "provinces", _pick(provinces, data.provinces, "province")
        )
        organisations[data.name] = organisation
    return organisations


def _load_actions(
    report: LoadReport,
    focus_areas: Mapping[int, FocusArea],
    goals: Mapping[tuple[int, int], Goal],
    organisations: Mapping[str, Organisation],
) -> dict[tuple[int, int], Action]:
    """The actions by (focus area number, 1-based position), with goals and responsibles.

    Status, lead and responsible organisations as ``seed_facts`` states them, and "not
    known" where it does not. Goals only where there are goals (``goals`` is empty for the
    first version).
    """
    actions = {}
    for number, rows in kaselo.ACTIONS.items():
        responsible_names, note = seed_facts.FOCUS_AREA_RESPONSIBLES.get(number, ((), ""))
        responsible = _pick(organisations, responsible_names, "organisation")
        for position, data in enumerate(rows, start=1):
            lead_name = seed_facts.ACTION_LEAD.get(data.title)
            action = _upsert(
                report,
                Action,
                {"focus_area": focus_areas[number], "position": position},
                {
                    "title": data.title,
                    "description": data.description,
                    "status": seed_facts.ACTION_STATUS.get(data.title, Action.Status.UNKNOWN),
                    "lead_organisation": organisations[lead_name] if lead_name else None,
                    "lead_unknown": lead_name is None,
                    "responsibles_unknown": number not in seed_facts.FOCUS_AREA_RESPONSIBLES,
                    "responsible_note": note,
                },
            )
            _set_members(
                report,
                action,
                "goals",
                _pick(goals, [(number, goal) for goal in data.goals], "goal") if goals else [],
            )
            _set_members(report, action, "responsible_organisations", responsible)
            actions[number, position] = action
    return actions


def _check_seed_facts() -> None:
    """Stop the load when ``seed_facts`` names an action, event or organisation the demo
    data lacks: a fact that names nothing would quietly leave a value unknown."""
    titles = {data.title for rows in kaselo.ACTIONS.values() for data in rows}
    events = {(data.starts_on, data.title) for data in kaselo.EVENTS}
    names = {data.name for data in kaselo.ORGANISATIONS}
    missing = [
        *(set(seed_facts.ACTION_STATUS) | set(seed_facts.ACTION_LEAD)) - titles,
        *(seed_facts.TEAMS_EVENTS | set(seed_facts.EVENT_ORGANISERS)) - events,
        *set(seed_facts.ACTION_LEAD.values()) - names,
    ]
    if missing:
        raise LookupError(f"The seed facts name what the demo data lacks: {missing!r}")


def _actions_naming(
    actions: Mapping[tuple[int, int], Action], wanted: Any, attribute: str
) -> list[Action]:
    """The actions whose data lists ``wanted`` under ``attribute`` (projects, good practices)."""
    return [
        actions[number, position]
        for number, rows in kaselo.ACTIONS.items()
        for position, data in enumerate(rows, start=1)
        if wanted in getattr(data, attribute)
    ]


def _check_action_references(attribute: str, known: set[Any], what: str) -> None:
    """Stop the load when an action names a project or good practice the data lacks."""
    named = {
        value
        for rows in kaselo.ACTIONS.values()
        for data in rows
        for value in getattr(data, attribute)
    }
    if unknown := named - known:
        raise LookupError(f"The demo data's actions name an unknown {what}: {sorted(unknown)!r}")


def _load_projects(
    report: LoadReport, region: Region, actions: Mapping[tuple[int, int], Action]
) -> dict[str, Project]:
    """The projects by name, each linked to the actions that name it."""
    _check_action_references("projects", {data.name for data in kaselo.PROJECTS}, "project")
    projects = {}
    for data in kaselo.PROJECTS:
        project = _upsert(
            report,
            Project,
            {"region": region, "name": data.name},
            {"description": data.description},
        )
        for source in data.funding:
            _upsert(report, FundingLine, {"project": project, "source": source}, {})
        _set_members(report, project, "actions", _actions_naming(actions, data.name, "projects"))
        projects[data.name] = project
    return projects


def _load_indicators(
    report: LoadReport, strategy: Strategy, focus_areas: Mapping[int, FocusArea]
) -> None:
    """The indicators in the seed's order; no yearly values, as the seeds give none."""
    for position, data in enumerate(kaselo.INDICATORS, start=1):
        indicator = _upsert(
            report,
            Indicator,
            {"strategy": strategy, "title": data.title},
            {
                "direction": data.direction,
                "unit": data.unit,
                "target": data.target,
                "position": position,
            },
        )
        _set_members(
            report,
            indicator,
            "focus_areas",
            _pick(focus_areas, data.focus_areas, "focus area"),
        )


def _load_good_practices(
    report: LoadReport,
    region: Region,
    organisations: Mapping[str, Organisation],
    focus_areas: Mapping[int, FocusArea],
    actions: Mapping[tuple[int, int], Action],
) -> None:
    """The twelve good practices, published, with the links the seeds make evident."""
    _check_action_references(
        "good_practices", {data.number for data in kaselo.GOOD_PRACTICES}, "good practice"
    )
    for data in kaselo.GOOD_PRACTICES:
        practice = _upsert(
            report,
            GoodPractice,
            {"region": region, "number": data.number},
            {"title": data.title, "description": data.description, "is_published": True},
        )
        _set_members(
            report,
            practice,
            "organisations",
            _pick(organisations, data.organisations, "organisation"),
        )
        _set_members(
            report,
            practice,
            "focus_areas",
            _pick(focus_areas, data.focus_areas, "focus area"),
        )
        _set_members(
            report,
            practice,
            "actions",
            _actions_naming(actions, data.number, "good_practices"),
        )


def _load_events(
    report: LoadReport,
    region: Region,
    regions: Mapping[str, Region],
    organisations: Mapping[str, Organisation],
    focus_areas: Mapping[int, FocusArea],
    projects: Mapping[str, Project],
) -> None:
    """The dated events of 2021, one row per day."""
    for data in kaselo.EVENTS:
        start_time, end_time = data.hours or (None, None)
        channel, place = seed_facts.event_channel(data.starts_on, data.title)
        event = _upsert(
            report,
            Event,
            {"region": region, "title": data.title, "starts_on": data.starts_on},
            {
                "ends_on": data.starts_on,
                "kind": data.kind,
                "day_part": Event.DayPart.TIMED if data.hours else data.day_part,
                "start_time": start_time,
                "end_time": end_time,
                "channel": channel,
                "place": place,
                "description": data.description,
                "materials_url": data.materials_url,
                "review_status": ReviewStatus.ACCEPTED,
            },
        )
        _set_members(
            report, event, "organisers", _pick(organisations, data.organisers, "organisation")
        )
        _set_members(
            report, event, "partner_regions", _pick(regions, data.partner_regions, "region")
        )
        _set_members(
            report, event, "focus_areas", _pick(focus_areas, data.focus_areas, "focus area")
        )
        _set_members(report, event, "projects", _pick(projects, data.projects, "project"))


#: The monthly meetings that form a series, by the title their events start with, and the
#: series' description (seed 002: "Ajankohtaista ohjaamoista TEM Teams-palaveri").
_EVENT_SERIES = {
    "Ajankohtaista ohjaamoista": (
        "TEM:n kuukausittainen Teams-palaveri ohjaamoiden ajankohtaisista asioista."
    ),
}


def _load_event_series(report: LoadReport, region: Region) -> None:
    """Gather the monthly meetings of a series; a second run finds nothing to change."""
    for title, description in _EVENT_SERIES.items():
        series = _upsert(
            report, EventSeries, {"region": region, "title": title}, {"description": description}
        )
        for event in Event.objects.filter(region=region, title__startswith=title).exclude(
            series=series
        ):
            event.series = series
            event.save(update_fields=["series"])
            report.updated[Event] += 1
