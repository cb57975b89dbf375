"""A national-scale data set for the benchmark, deterministic from a seed.

``build_national_data(scale, seed)`` fills the 15 regions (reused by slug, created when
missing) with what years of use leave behind: about 40 member organisations a region, a
current strategy (5 focus areas, 20 goals, 200 actions, 10 indicators with values for
2019-2025), seven years of guidance actions (about 10 an organisation a year, each with 1-3
progress updates), about 300 events a region a year, projects, good practices, and an
annual report for every region and year with an answer to every sub-theme. ``scale``
multiplies the volumes (organisations, goals, actions, events, projects, good practices);
the shape (15 regions, 5 focus areas, 10 indicators, 7 years, 10 guidance actions an
organisation a year) stays, so every count grows linearly with it.

Everything comes from one ``random.Random(seed)`` and fixed dates: the same seed gives the
same titles. Rows are written with ``bulk_create`` in batches, many-to-many links through
their ``through`` models, so there are no per-row saves, signals or history rows, and
scale 1 (about half a million rows) takes a minute or two.

Generated rows are recognisable, so ``delete_national_data`` can remove them and leave the
rest: organisations and provinces have slugs starting with ``gen-``, people have e-mail
addresses at ``national-data.invalid``, strategies carry the revision label
``GENERATED_LABEL``; events, projects, good practices and guidance actions belong to
generated organisations, and annual reports are submitted by generated coordinators.
"""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from django.db import connection, models, transaction
from django.db.models import Max
from django.test.utils import override_settings
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import User
from actions.lookups import write_lookup_rows
from actions.models import (
    GoodPractice,
    GuidanceAction,
    GuidanceChannel,
    ProgressUpdate,
    TargetGroup,
)
from events.models import Event
from network.models import Coordinator, Membership, Organisation, Province, Region
from network.reference import REGIONS
from portal import page_cache
from portal.review import ReviewStatus
from reporting.framework import write_framework
from reporting.models import AnnualReport, Answer, Level, ReportingYear, SubTheme, Theme
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    KeyMeasure,
    NationalGoal,
    NationalStrategy,
    Project,
    Strategy,
)
from strategy.reference import write_national_strategy

logger = logging.getLogger(__name__)

ModelT = TypeVar("ModelT", bound=models.Model)

SLUG_PREFIX = "gen-"
#: The month of the open year whose events page the benchmark measures (``bench.pages``).
MEASURED_MONTH = 5
EMAIL_DOMAIN = "national-data.invalid"
GENERATED_LABEL = "generoitu kansallinen aineisto"
YEARS = tuple(range(2019, 2026))
#: The year whose entries are partly still waiting for review, so review queues are not empty.
OPEN_YEAR = YEARS[-1]
BATCH_SIZE = 2000
#: An unusable password hash: generated people cannot sign in with a password.
UNUSABLE_PASSWORD = "!national-data"  # noqa: S105 (an unusable hash, no password)


class NationalDataExists(Exception):
    """Generated data is already in the database; delete it first (``--reset``)."""


@dataclass(frozen=True)
class Volumes:
    """How many rows of each kind a region gets at a scale."""

    organisations: int
    goals: int
    actions: int
    events_per_year: int
    projects: int
    good_practices: int
    proposed_good_practices: int
    focus_areas: int = 5
    indicators: int = 10
    guidance_per_organisation_year: int = 10

    @classmethod
    def at_scale(cls, scale: float) -> Volumes:
        """The volumes of scale 1 multiplied by ``scale``, each at least what the shape needs."""
        if scale <= 0:
            raise ValueError("The scale must be positive.")

        def times(count: int, minimum: int = 1) -> int:
            return max(minimum, round(count * scale))

        return cls(
            organisations=times(40, 2),
            goals=times(20, 5),  # at least one goal a focus area
            actions=times(200, 5),
            events_per_year=times(300),
            projects=times(10),
            good_practices=times(20),
            proposed_good_practices=times(3),
        )


@dataclass
class BuildReport:
    """Rows written per model, in the order they were first written."""

    created: Counter[str] = field(default_factory=Counter)

    def add(self, model: type[models.Model], count: int) -> None:
        self.created[model._meta.label] += count

    def lines(self) -> list[str]:
        return [f"{label}: {count}" for label, count in self.created.items()]


# --- Vocabulary ------------------------------------------------------------------------------

TOWNS = (
    "Helsinki", "Espoo", "Vantaa", "Turku", "Pori", "Rauma", "Hämeenlinna", "Lahti",
    "Tampere", "Kotka", "Kouvola", "Lappeenranta", "Mikkeli", "Savonlinna", "Kuopio",
    "Joensuu", "Jyväskylä", "Seinäjoki", "Vaasa", "Kokkola", "Oulu", "Kajaani", "Rovaniemi",
    "Kemi", "Tornio", "Iisalmi", "Varkaus", "Salo", "Forssa", "Raahe",
)  # fmt: skip
ORGANISATION_KINDS: tuple[tuple[str, str, str], ...] = (
    # (kind, how the name starts, sector)
    (Organisation.Kind.OHJAAMO, "Ohjaamo", "public"),
    (Organisation.Kind.VOCATIONAL_SCHOOL, "Ammattiopisto", "public"),
    (Organisation.Kind.UNIVERSITY_OF_APPLIED_SCIENCES, "Ammattikorkeakoulu", "public"),
    (Organisation.Kind.MUNICIPALITY, "Kaupunki", "public"),
    (Organisation.Kind.MUNICIPAL_EDUCATION, "Sivistyspalvelut", "public"),
    (Organisation.Kind.STATE_AGENCY, "TE-palvelut", "public"),
    (Organisation.Kind.FOLK_HIGH_SCHOOL, "Kansanopisto", "third"),
    (Organisation.Kind.ASSOCIATION, "Ohjausyhdistys", "third"),
    (Organisation.Kind.FOUNDATION, "Säätiö", "third"),
    (Organisation.Kind.DEVELOPMENT_COMPANY, "Kehitysyhtiö", "private"),
    (Organisation.Kind.COMPANY, "Valmennus Oy", "private"),
)
FOCUS_AREA_TITLES = (
    "OHJAUSPALVELUJEN SAAVUTETTAVUUS",
    "OHJAUSOSAAMISEN KEHITTÄMINEN",
    "YHTEISTYÖ JA VERKOSTOITUMINEN",
    "TIETO- JA NEUVONTAPALVELUT VERKOSSA",
    "TYÖELÄMÄYHTEISTYÖ JA JATKUVA OPPIMINEN",
    "VIESTINTÄ JA SITOUTUMINEN",
    "LAATU JA VAIKUTTAVUUS",
)
VERBS = (
    "Kehitetään", "Järjestetään", "Vahvistetaan", "Kartoitetaan", "Selvitetään",
    "Koulutetaan", "Mallinnetaan", "Tuetaan", "Tiivistetään", "Viestitään",
)  # fmt: skip
SUBJECTS = (
    "ohjauspalveluja", "verkko-ohjausta", "ryhmäohjausta", "uraohjausta",
    "työelämäyhteistyötä", "ohjaajien osaamista", "palveluohjausta", "nivelvaiheiden ohjausta",
    "maahanmuuttajien ohjausta", "aikuisten osaamiskartoituksia", "yhteistyömalleja",
    "tiedonvaihtoa", "hyvien käytäntöjen levittämistä",
)  # fmt: skip
AUDIENCES = (
    "nuorille", "opiskelijoille", "työttömille", "maahanmuuttajille", "aikuisille",
    "työnantajille", "ohjaajille", "kunnille", "oppilaitoksille", "verkoston jäsenille",
)  # fmt: skip
EVENT_WORDS = (
    "Verkostotapaaminen", "Webinaari", "Työpaja", "Ajankohtaisfoorumi", "Koulutuspäivä",
    "Ohjaajien aamukahvit", "Seminaari", "Infotilaisuus", "Messut", "Sparrauspäivä",
)  # fmt: skip
EVENT_TOPICS = (
    "urasuunnittelusta", "jatkuvasta oppimisesta", "verkko-ohjauksesta", "työllisyydestä",
    "osaamisen tunnistamisesta", "nivelvaiheista", "ohjauksen laadusta", "ELO-strategiasta",
    "kotoutumisesta", "työelämätaidoista",
)  # fmt: skip
INDICATOR_TITLES = (
    "Ohjaamoiden asiakasmäärä", "Verkko-ohjauksen käyttäjät", "Koulutettujen ohjaajien määrä",
    "Verkoston jäsenorganisaatiot", "Tapahtumien osallistujat", "Nuorisotyöttömyysaste",
    "Keskeyttäneiden osuus", "Aikuisopiskelijoiden määrä", "Asiakastyytyväisyys",
    "Yhteistyösopimusten määrä", "Työllistyneiden osuus", "Hyvien käytäntöjen määrä",
)  # fmt: skip


# --- Public entry points ---------------------------------------------------------------------


def has_national_data() -> bool:
    """Whether generated rows are in the database (one query)."""
    return Organisation.objects.filter(slug__startswith=SLUG_PREFIX).exists()


@transaction.atomic
def refresh_planner_statistics() -> None:
    """Run ANALYZE on PostgreSQL after a bulk load, once the data is committed.

    Without fresh statistics the planner guesses from an empty table and scans where an
    index answers in a fraction of a millisecond, which skews every benchmark figure.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def build_national_data(scale: float = 1.0, seed: int = 1, *, reset: bool = False) -> BuildReport:
    """Build the data set in one transaction and return the rows written per model.

    A failure half-way (a constraint, a lost connection, a stopped command) leaves no
    generated row: a partial build would pass ``has_national_data`` and be measured as
    if whole, or be refused as a duplicate by the next build.

    Raises NationalDataExists when generated rows are already there and ``reset`` is
    false: a second build on top of the first would double every volume.
    """
    with transaction.atomic():
        report = _build(scale, seed, reset=reset)
    page_cache.bump_national()  # bulk writes send no signals; once the rows are committed
    return report


def _build(scale: float, seed: int, *, reset: bool) -> BuildReport:
    if has_national_data():
        if not reset:
            raise NationalDataExists(
                "Generated national data is already in the database; use --reset to rebuild it."
            )
        delete_national_data()
    volumes = Volumes.at_scale(scale)
    rng = random.Random(seed)  # noqa: S311 (made-up data, not secrets)
    report = BuildReport()
    write_lookup_rows(TargetGroup, GuidanceChannel)
    _reporting_years(report)  # first: each year opened brings its framework
    context = _Shared(
        regions=_regions(report),
        national_goals=_national_goals(report),
        sub_themes=_reporting_framework(report),
        target_group_ids=list(TargetGroup.objects.order_by("pk").values_list("pk", flat=True)),
        channel_ids=list(GuidanceChannel.objects.order_by("pk").values_list("pk", flat=True)),
    )
    _national_team(report)
    for region in context.regions:
        _RegionBuilder(region, volumes, rng, report, context).build()
    return report


@transaction.atomic
def delete_national_data() -> Counter[str]:
    """Delete every generated row (see the module's docstring); return the counts deleted.

    A region's earlier current strategy, which the build made a previous version, becomes
    current again. History rows are not written for the deleted rows: they were never
    written for the generated ones either.
    """
    deleted: Counter[str] = Counter()

    def count(result: tuple[int, dict[str, int]]) -> None:
        deleted.update(result[1])

    generated_organisations = Organisation.objects.filter(slug__startswith=SLUG_PREFIX)
    organised = Event.organisers.through.objects.filter(organisation__in=generated_organisations)
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        count(
            AnnualReport.objects.filter(submitted_by__email__endswith=f"@{EMAIL_DOMAIN}").delete()
        )
        count(Event.objects.filter(pk__in=organised.values("event_id")).delete())
        count(
            GoodPractice.objects.filter(
                pk__in=GoodPractice.organisations.through.objects.filter(
                    organisation__in=generated_organisations
                ).values("goodpractice_id")
            ).delete()
        )
        count(
            Project.objects.filter(
                pk__in=Project.organisations.through.objects.filter(
                    organisation__in=generated_organisations
                ).values("project_id")
            ).delete()
        )
        strategies = Strategy.objects.filter(version_label=GENERATED_LABEL)
        previous_ids = list(
            strategies.filter(is_current=True, previous__isnull=False).values_list(
                "previous_id", flat=True
            )
        )
        count(strategies.delete())
        Strategy.objects.filter(pk__in=previous_ids).update(is_current=True)
        count(generated_organisations.delete())
        count(Province.objects.filter(slug__startswith=SLUG_PREFIX).delete())
        count(User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").delete())
    page_cache.bump_national()  # an update sends no signals
    return deleted


# --- Shared rows -----------------------------------------------------------------------------


@dataclass
class _Shared:
    regions: list[Region]
    national_goals: list[NationalGoal]
    #: Per year, the sub-themes of its framework.
    sub_themes: dict[int, list[SubTheme]]
    target_group_ids: list[int]
    channel_ids: list[int]


def _bulk(report: BuildReport, model: type[ModelT], rows: Sequence[ModelT]) -> list[ModelT]:
    """Insert ``rows`` in batches; on PostgreSQL they come back with their primary keys."""
    created = model._default_manager.bulk_create(rows, batch_size=BATCH_SIZE)
    report.add(model, len(created))
    return created


def _link(
    report: BuildReport, relation: Any, pairs: Iterable[tuple[int, int]], source: str, target: str
) -> None:
    """Insert many-to-many links as rows of the relation's ``through`` model."""
    through = relation.through
    rows = [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in dict.fromkeys(pairs)]
    through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    report.add(through, len(rows))


def _regions(report: BuildReport) -> list[Region]:
    """The 15 regions in their official order, created when missing, found by slug."""
    existing = {region.slug: region for region in Region.objects.all()}
    regions = []
    for position, data in enumerate(REGIONS, start=1):
        slug = slugify(data.name)
        region = existing.get(slug)
        if region is None:
            region = Region.objects.create(
                name=data.name,
                name_sv=data.name_sv,
                name_en=data.name_en,
                slug=slug,
                ely_centre=data.ely_centre,
                position=position,
            )
            report.add(Region, 1)
        regions.append(region)
    return regions


def _national_goals(report: BuildReport) -> list[NationalGoal]:
    """The national strategy's six goals, written again as its migration writes them
    (shared reference data, which a flushed test database lacks)."""
    existing = NationalGoal.objects.count()
    _, goals, _ = write_national_strategy(NationalStrategy, NationalGoal, KeyMeasure)
    report.add(NationalGoal, len(goals) - existing)
    return [goals[number] for number in sorted(goals)]


def _reporting_framework(report: BuildReport) -> dict[int, list[SubTheme]]:
    """Per year, the sub-themes its reports answer: the year's own framework, which opening
    the year wrote (a copy of the year before's, or seed 001's for the first year; kept on
    reset). A year that somehow has none gets seed 001's, from ``reporting.framework``."""
    frameworks: dict[int, list[SubTheme]] = {}
    for year in YEARS:
        reporting_year = ReportingYear.objects.get(year=year)
        if not Theme.objects.filter(reporting_year=reporting_year).exists():
            written = write_framework(Theme, SubTheme, Level, reporting_year=reporting_year)
            report.add(SubTheme, len(written))
        frameworks[year] = list(
            SubTheme.objects.filter(theme__reporting_year=reporting_year).order_by(
                "theme__number", "number"
            )
        )
    return frameworks


def _reporting_years(report: BuildReport) -> None:
    """The years reports are written for, due at the end of the next February (kept on reset)."""
    for year in YEARS:
        _, created = ReportingYear.objects.get_or_create(
            year=year, defaults={"due_date": dt.date(year + 1, 2, 28)}
        )
        report.add(ReportingYear, int(created))


def _national_team(report: BuildReport) -> None:
    users = [
        User(
            email=f"valtakunnallinen{number}@{EMAIL_DOMAIN}",
            first_name="Valtakunnallinen",
            last_name=f"Tiimi {number}",
            is_national_team=True,
            password=UNUSABLE_PASSWORD,
        )
        for number in (1, 2, 3)
    ]
    _bulk(report, User, users)


def coordinator_email(region: Region) -> str:
    """The generated coordinator of ``region``: the benchmark signs in as this person."""
    return f"koordinaattori.{region.slug}@{EMAIL_DOMAIN}"


def national_team_email() -> str:
    return f"valtakunnallinen1@{EMAIL_DOMAIN}"


def _aware(day: dt.date, hour: int = 12) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def _day_of(year: int, rng: random.Random) -> dt.date:
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(365))


# --- One region ------------------------------------------------------------------------------


class _RegionBuilder:
    """Writes one region's rows; every random choice comes from the shared generator."""

    def __init__(
        self,
        region: Region,
        volumes: Volumes,
        rng: random.Random,
        report: BuildReport,
        shared: _Shared,
    ) -> None:
        self.region = region
        self.volumes = volumes
        self.rng = rng
        self.report = report
        self.shared = shared

    def build(self) -> None:
        self._provinces()
        self._organisations()
        self._people()
        self._strategy()
        self._focus_areas()
        self._goals()
        self._actions()
        self._indicators()
        self._projects_and_practices()
        self._guidance_actions()
        self._events()
        self._annual_reports()

    def _provinces(self) -> None:
        self.provinces = _bulk(
            self.report,
            Province,
            [
                Province(
                    region=self.region,
                    name=f"{self.region.name}, {part}",
                    slug=f"{SLUG_PREFIX}{slugify(part)}",
                )
                for part in ("pohjoinen", "eteläinen")
            ],
        )

    def _organisations(self) -> None:
        rng = self.rng
        rows = []
        for index in range(1, self.volumes.organisations + 1):
            kind, prefix, sector = rng.choice(ORGANISATION_KINDS)
            name = f"{prefix} {rng.choice(TOWNS)} {index}"
            rows.append(
                Organisation(
                    region=self.region,
                    name=name,
                    slug=f"{SLUG_PREFIX}{slugify(name)}",
                    abbreviation="",
                    kind=kind,
                    sector=sector,
                    description=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} "
                    f"{rng.choice(AUDIENCES)} {self.region.name}n alueella.",
                    website=f"https://{slugify(name)}.{EMAIL_DOMAIN}/",
                    active=index % 20 != 0,  # a few former members
                )
            )
        self.organisations = _bulk(self.report, Organisation, rows)
        self.organisation_ids = [organisation.pk for organisation in self.organisations]
        _link(
            self.report,
            Organisation.provinces,
            ((pk, rng.choice(self.provinces).pk) for pk in self.organisation_ids),
            "organisation",
            "province",
        )

    def _people(self) -> None:
        """The region's coordinator and one editor for each organisation."""
        coordinator = User(
            email=coordinator_email(self.region),
            first_name="Koordinaattori",
            last_name=self.region.name,
            password=UNUSABLE_PASSWORD,
        )
        editors = [
            User(
                email=f"toimittaja.{organisation.slug}.{self.region.slug}@{EMAIL_DOMAIN}",
                first_name="Toimittaja",
                last_name=organisation.name,
                password=UNUSABLE_PASSWORD,
            )
            for organisation in self.organisations
        ]
        users = _bulk(self.report, User, [coordinator, *editors])
        self.coordinator = users[0]
        _bulk(self.report, Coordinator, [Coordinator(user=self.coordinator, region=self.region)])
        _bulk(
            self.report,
            Membership,
            [
                Membership(user=user, organisation=organisation, role=Membership.Role.EDITOR)
                for user, organisation in zip(users[1:], self.organisations, strict=True)
            ],
        )

    def _strategy(self) -> None:
        """A new current version; the region's earlier current version becomes its previous."""
        earlier = Strategy.objects.for_region(self.region).current().first()
        version = (
            Strategy.objects.for_region(self.region).aggregate(top=Max("version"))["top"] or 0
        ) + 1
        if earlier is not None:
            Strategy.objects.filter(pk=earlier.pk).update(is_current=False)
        (self.strategy,) = _bulk(
            self.report,
            Strategy,
            [
                Strategy(
                    region=self.region,
                    title=f"{self.region.name}n elinikäisen ohjauksen toimintasuunnitelma",
                    start_year=2021,
                    end_year=2027,
                    version=version,
                    version_label=GENERATED_LABEL,
                    is_current=True,
                    # Bulk-created: Strategy.save() does not date it, and an undated
                    # version that stops being current would count as a draft.
                    published_on=timezone.localdate(),
                    previous=earlier,
                    vision="Jokainen löytää polkunsa oppimiseen ja työhön.",
                    values="asiakaslähtöisyys, yhteistyö, osaaminen, luottamus",
                    overall_goal="Ohjauspalvelut ovat saatavilla ja yhteensovitettuja.",
                    objectives="Verkosto tiivistää yhteistyötä ja kehittää ohjausosaamista.",
                )
            ],
        )

    def _focus_areas(self) -> None:
        rng = self.rng
        titles = rng.sample(FOCUS_AREA_TITLES, self.volumes.focus_areas)
        self.focus_areas = _bulk(
            self.report,
            FocusArea,
            [
                FocusArea(
                    strategy=self.strategy,
                    number=number,
                    title=title,
                    description=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}.",
                )
                for number, title in enumerate(titles, start=1)
            ],
        )
        national_goals = self.shared.national_goals
        _link(
            self.report,
            FocusArea.national_goals,
            (
                (focus_area.pk, goal.pk)
                for focus_area in self.focus_areas
                for goal in rng.sample(national_goals, min(2, len(national_goals)))
            ),
            "focusarea",
            "nationalgoal",
        )

    def _goals(self) -> None:
        rng = self.rng
        rows = []
        for index in range(self.volumes.goals):
            focus_area = self.focus_areas[index % len(self.focus_areas)]
            rows.append(
                Goal(
                    focus_area=focus_area,
                    title=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(AUDIENCES)}",
                    position=index // len(self.focus_areas),
                )
            )
        self.goals = _bulk(self.report, Goal, rows)
        self.goals_by_area: dict[int, list[Goal]] = {}
        for goal in self.goals:
            self.goals_by_area.setdefault(goal.focus_area_id, []).append(goal)

    def _actions(self) -> None:
        rng = self.rng
        rows = []
        for index in range(self.volumes.actions):
            focus_area = self.focus_areas[index % len(self.focus_areas)]
            start = dt.date(rng.choice((2021, 2022, 2023, 2024)), rng.randint(1, 12), 1)
            rows.append(
                Action(
                    focus_area=focus_area,
                    title=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(AUDIENCES)}"
                    f" ({index + 1})",
                    description=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} yhdessä.",
                    lead_organisation_id=rng.choice(self.organisation_ids),
                    start_date=start,
                    end_date=start.replace(year=start.year + rng.randint(1, 3)),
                    status=rng.choice(Action.Status.values),
                    position=index // len(self.focus_areas),
                )
            )
        self.actions = _bulk(self.report, Action, rows)
        _link(
            self.report,
            Action.responsible_organisations,
            (
                (action.pk, organisation_id)
                for action in self.actions
                for organisation_id in rng.sample(
                    self.organisation_ids, min(len(self.organisation_ids), rng.randint(1, 3))
                )
            ),
            "action",
            "organisation",
        )
        _link(
            self.report,
            Action.goals,
            (
                (action.pk, rng.choice(self.goals_by_area[action.focus_area_id]).pk)
                for action in self.actions
            ),
            "action",
            "goal",
        )

    def _indicators(self) -> None:
        rng = self.rng
        titles = rng.sample(INDICATOR_TITLES, self.volumes.indicators)
        rows = []
        for position, title in enumerate(titles):
            baseline = Decimal(rng.randint(50, 5000))
            rows.append(
                Indicator(
                    strategy=self.strategy,
                    title=title,
                    unit=rng.choice(("henkilöä", "%", "kpl")),
                    direction=rng.choice(Indicator.Direction.values),
                    baseline=baseline,
                    baseline_year=YEARS[0],
                    target=baseline * Decimal("1.2"),
                    target_year=2027,
                    position=position,
                )
            )
        indicators = _bulk(self.report, Indicator, rows)
        _link(
            self.report,
            Indicator.focus_areas,
            (
                # Round the focus areas, so every area has indicators at every scale.
                (indicator.pk, self.focus_areas[index % len(self.focus_areas)].pk)
                for index, indicator in enumerate(indicators)
            ),
            "indicator",
            "focusarea",
        )
        values = [
            IndicatorValue(
                indicator=indicator,
                year=year,
                value=(indicator.baseline or Decimal(0)) * Decimal(rng.randint(80, 130)) / 100,
                source="Tilastokeskus",
            )
            for indicator in indicators
            for year in YEARS
        ]
        _bulk(self.report, IndicatorValue, values)

    def _projects_and_practices(self) -> None:
        rng = self.rng
        projects = _bulk(
            self.report,
            Project,
            [
                Project(
                    region=self.region,
                    name=f"{rng.choice(SUBJECTS).capitalize()}-hanke {index}",
                    description=self._sentence(),
                    start_date=dt.date(rng.choice((2019, 2021, 2023)), 1, 1),
                    end_date=dt.date(2025, 12, 31),
                )
                for index in range(1, self.volumes.projects + 1)
            ],
        )
        self._link_organisations(Project.organisations, projects, "project", 2, 4)
        _link(
            self.report,
            Project.actions,
            ((project.pk, rng.choice(self.actions).pk) for project in projects for _ in range(2)),
            "project",
            "action",
        )
        published = [
            GoodPractice(
                region=self.region,
                number=number,
                title=f"{rng.choice(EVENT_WORDS)} {rng.choice(EVENT_TOPICS)}, käytäntö {number}",
                description=self._sentence(),
                is_published=True,
            )
            for number in range(1, self.volumes.good_practices + 1)
        ]
        proposed = [
            GoodPractice(
                region=self.region,
                number=None,
                title=f"Ehdotus: {rng.choice(SUBJECTS)} {rng.choice(AUDIENCES)} {index}",
                is_published=False,
                proposed_by_id=rng.choice(self.organisation_ids),
            )
            for index in range(1, self.volumes.proposed_good_practices + 1)
        ]
        practices = _bulk(self.report, GoodPractice, published + proposed)
        self._link_organisations(GoodPractice.organisations, practices, "goodpractice", 1, 3)
        _link(
            self.report,
            GoodPractice.focus_areas,
            ((practice.pk, rng.choice(self.focus_areas).pk) for practice in practices),
            "goodpractice",
            "focusarea",
        )

    def _sentence(self) -> str:
        rng = self.rng
        return f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} {rng.choice(AUDIENCES)}."

    def _link_organisations(
        self, relation: Any, rows: Sequence[models.Model], source: str, low: int, high: int
    ) -> None:
        rng = self.rng
        ids = self.organisation_ids
        _link(
            self.report,
            relation,
            (
                (row.pk, organisation_id)
                for row in rows
                for organisation_id in rng.sample(ids, min(len(ids), rng.randint(low, high)))
            ),
            source,
            "organisation",
        )

    def _guidance_actions(self) -> None:
        """About 10 accepted entries an organisation a year, each with 1-3 progress updates.

        One in twenty of the open year's entries still waits for review.
        """
        rng = self.rng
        per_year = self.volumes.guidance_per_organisation_year
        rows = []
        for number, organisation in enumerate(self.organisations):
            for year in YEARS:
                for index in range(1, per_year + 1):
                    start = _day_of(year, rng)
                    # Every other organisation's last entry of the open year: one in twenty.
                    waiting = year == OPEN_YEAR and index == per_year and number % 2 == 0
                    rows.append(
                        GuidanceAction(
                            organisation=organisation,
                            year=year,
                            title=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} "
                            f"{rng.choice(AUDIENCES)} {index}",
                            description=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} "
                            f"yhdessä {rng.choice(AUDIENCES)}.",
                            start_date=start,
                            end_date=min(start + dt.timedelta(days=90), dt.date(year, 12, 31)),
                            status=rng.choice((Action.Status.DONE, Action.Status.ONGOING)),
                            outcomes=f"Tavoitettiin {rng.randint(5, 400)} henkilöä.",
                            review_status=(
                                ReviewStatus.SUBMITTED if waiting else ReviewStatus.ACCEPTED
                            ),
                            submitted_at=_aware(start),
                            reviewed_at=None if waiting else _aware(start, 15),
                            reviewed_by=None if waiting else self.coordinator,
                        )
                    )
        guidance = _bulk(self.report, GuidanceAction, rows)
        current_areas = [area.pk for area in self.focus_areas]
        groups = self.shared.target_group_ids
        channels = self.shared.channel_ids
        _link(
            self.report,
            GuidanceAction.focus_areas,
            (
                (entry.pk, area)
                for entry in guidance
                for area in rng.sample(current_areas, rng.randint(1, 2))
            ),
            "guidanceaction",
            "focusarea",
        )
        _link(
            self.report,
            GuidanceAction.target_groups,
            ((entry.pk, group) for entry in guidance for group in rng.sample(groups, 2)),
            "guidanceaction",
            "targetgroup",
        )
        _link(
            self.report,
            GuidanceAction.channels,
            ((entry.pk, rng.choice(channels)) for entry in guidance),
            "guidanceaction",
            "guidancechannel",
        )
        updates = []
        for entry in guidance:
            start = entry.start_date or dt.date(entry.year, 1, 1)
            for number in range(rng.randint(1, 3)):
                updates.append(
                    ProgressUpdate(
                        action=entry,
                        date=start + dt.timedelta(days=30 * number),
                        note=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}: edistyy.",
                        figure=Decimal(rng.randint(1, 200)),
                        figure_label="osallistujaa",
                    )
                )
        _bulk(self.report, ProgressUpdate, updates)

    def _events(self) -> None:
        """About 300 accepted events a region a year with 1-2 organisers; a third are linked
        to a focus area. One in thirty of the open year's events still waits for review."""
        rng = self.rng
        rows = []
        for year in YEARS:
            for index in range(1, self.volumes.events_per_year + 1):
                starts_on = _day_of(year, rng)
                if year == OPEN_YEAR and index == 2:
                    # The month the benchmark measures is never empty, whatever the scale.
                    starts_on = starts_on.replace(month=MEASURED_MONTH, day=min(starts_on.day, 28))
                timed = rng.random() < 0.7
                start_hour = rng.randint(8, 15)
                waiting = year == OPEN_YEAR and index % 30 == 1  # at every scale, one at least
                rows.append(
                    Event(
                        region=self.region,
                        title=f"{rng.choice(EVENT_WORDS)} {rng.choice(EVENT_TOPICS)} {index}",
                        description=f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)} "
                        f"{rng.choice(AUDIENCES)}.",
                        kind=rng.choice(Event.Kind.values),
                        starts_on=starts_on,
                        ends_on=starts_on + dt.timedelta(days=1 if rng.random() < 0.05 else 0),
                        day_part=Event.DayPart.TIMED if timed else Event.DayPart.UNSPECIFIED,
                        start_time=dt.time(start_hour) if timed else None,
                        end_time=dt.time(start_hour + 2) if timed else None,
                        channel=rng.choice(Event.Channel.values),
                        place=rng.choice(TOWNS),
                        participants_count=rng.randint(5, 150),
                        review_status=ReviewStatus.SUBMITTED if waiting else ReviewStatus.ACCEPTED,
                        submitted_at=_aware(starts_on, 9),
                        reviewed_at=None if waiting else _aware(starts_on, 10),
                        reviewed_by=None if waiting else self.coordinator,
                    )
                )
        events = _bulk(self.report, Event, rows)
        self._link_organisations(Event.organisers, events, "event", 1, 2)
        _link(
            self.report,
            Event.focus_areas,
            (
                (event.pk, rng.choice(self.focus_areas).pk)
                for event in events
                if rng.random() < 1 / 3
            ),
            "event",
            "focusarea",
        )

    def _annual_reports(self) -> None:
        """A report for every year: accepted up to the year before the open one, which is
        submitted; an answer with a level to every sub-theme."""
        rng = self.rng
        reports = _bulk(
            self.report,
            AnnualReport,
            [
                AnnualReport(
                    region=self.region,
                    year=year,
                    status=(
                        AnnualReport.Status.SUBMITTED
                        if year == OPEN_YEAR
                        else AnnualReport.Status.ACCEPTED
                    ),
                    summary=f"{self.region.name}: {rng.choice(VERBS).lower()} "
                    f"{rng.choice(SUBJECTS)} vuonna {year}.",
                    submitted_at=_aware(dt.date(year + 1, 1, 31)),
                    submitted_by=self.coordinator,
                    reviewed_at=None if year == OPEN_YEAR else _aware(dt.date(year + 1, 3, 1)),
                )
                for year in YEARS
            ],
        )
        answers = [
            Answer(
                report=annual_report,
                sub_theme=sub_theme,
                level=rng.randint(1, 4),
                activities="\n".join(
                    f"{rng.choice(VERBS)} {rng.choice(SUBJECTS)}" for _ in range(rng.randint(1, 4))
                ),
                examples=f"{rng.choice(EVENT_WORDS)} {rng.choice(EVENT_TOPICS)}",
            )
            for annual_report in reports
            for sub_theme in self.shared.sub_themes[annual_report.year]
        ]
        _bulk(self.report, Answer, answers)
