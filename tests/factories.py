"""factory_boy factories for the portal's models; every factory builds a valid row."""

import datetime as dt

import factory
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from accounts.models import Invitation
from actions.models import (
    GoodPractice,
    GuidanceAction,
    GuidanceChannel,
    ProgressUpdate,
    TargetGroup,
)
from events.models import Event, EventMaterial, EventSeries
from network.models import (
    ClosedYear,
    Coordinator,
    EntryReopening,
    Membership,
    Organisation,
    Province,
    Region,
)
from portal.review import ReviewStatus
from reporting.models import (
    AnnualReport,
    Answer,
    AnswerActivity,
    EntryDeadline,
    PdfJob,
    ReportingYear,
    ReportVersion,
    SentReminder,
    SubTheme,
)
from strategy.models import (
    Action,
    FocusArea,
    FundingLine,
    FundingSource,
    Goal,
    Indicator,
    IndicatorValue,
    KeyMeasure,
    NationalGoal,
    NationalStrategy,
    Project,
    RegionProfile,
    Strategy,
)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        # The migrations write the 15 regions (network.reference): a test naming one of
        # them gets the migrated row, as it is, not a second one.
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Alue {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    ely_centre = factory.LazyAttribute(lambda o: f"{o.name}n ELY-keskus")
    network_name = factory.LazyAttribute(lambda o: f"{o.name}n ELO-verkosto")


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        # The migrations write KASELO's provinces (network.reference): found, not doubled.
        django_get_or_create = ("region", "slug")

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Maakunta {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    kind = Organisation.Kind.OTHER
    sector = Organisation.Sector.PUBLIC

    @factory.post_generation
    def provinces(self, create, extracted, **kwargs):
        if create and extracted:
            self.provinces.set(extracted)


#: Every test user's password: the tests that sign in through a form type it.
PASSWORD = "salasana-testi-123"  # noqa: S105 - a test password


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"henkilo{n}@example.fi")
    password = factory.django.Password(PASSWORD)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.EDITOR


class NationalStrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalStrategy
        django_get_or_create = ("title",)

    title = "Elinikäisen ohjauksen strategia"
    start_year = 2020
    end_year = 2023
    published_on = dt.date(2020, 12, 3)


class NationalGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NationalGoal
        django_get_or_create = ("number",)

    national_strategy = factory.SubFactory(NationalStrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Valtakunnallinen tavoite {o.number}")


class KeyMeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyMeasure
        django_get_or_create = ("national_strategy", "number")

    national_strategy = factory.SubFactory(NationalStrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"Keskeinen toimenpide {o.number}")
    responsible = "OKM, TEM"
    funding = "RRF"
    start_year = 2021
    status = KeyMeasure.Status.PROPOSED


class StrategyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Strategy

    region = factory.SubFactory(RegionFactory)
    title = "Elinikäisen oppimisen ja ohjauksen toimintasuunnitelma"
    start_year = 2021
    end_year = 2027
    version = 1
    is_current = True
    vision = "Muutoskyvykäs ELO-verkosto yhteistyössä asiakkaan parhaaksi"
    values = "asiakaslähtöisyys, osaaminen, luottamus"
    overall_goal = "Yhteistyön tiivistäminen ja toimintojen yhteensovittaminen"


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusArea

    strategy = factory.SubFactory(StrategyFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.LazyAttribute(lambda o: f"PAINOPISTE {o.number}")


class GoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Goal

    focus_area = factory.SubFactory(FocusAreaFactory)
    title = factory.Sequence(lambda n: f"Tavoite {n}")
    position = factory.Sequence(lambda n: n)


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    strategy = factory.SubFactory(StrategyFactory)
    title = factory.Sequence(lambda n: f"Mittari {n}")
    unit = "%"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n % 100)
    value = 50


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    focus_area = factory.SubFactory(FocusAreaFactory)
    title = factory.Sequence(lambda n: f"Toimenpide {n}")
    status = Action.Status.ONGOING
    position = factory.Sequence(lambda n: n)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Hanke {n}")


class FundingLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingLine

    project = factory.SubFactory(ProjectFactory)
    source = FundingSource.ESR


class RegionProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionProfile

    region = factory.SubFactory(RegionFactory)


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    region = factory.SubFactory(RegionFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Hyvä käytäntö {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Tapahtuma {n}")
    kind = Event.Kind.NETWORK_MEETING
    starts_on = dt.date(2021, 5, 26)
    ends_on = factory.LazyAttribute(lambda o: o.starts_on)
    day_part = Event.DayPart.UNSPECIFIED
    channel = Event.Channel.ONLINE
    review_status = ReviewStatus.ACCEPTED


class CoordinatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Coordinator

    user = factory.SubFactory(UserFactory)
    region = factory.SubFactory(RegionFactory)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    email = factory.Sequence(lambda n: f"kutsuttu{n}@example.fi")
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.EDITOR
    invited_by = None
    expires_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))


class GuidanceActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GuidanceAction

    organisation = factory.SubFactory(OrganisationFactory)
    year = 2021
    title = factory.Sequence(lambda n: f"Ohjaustoimenpide {n}")
    status = Action.Status.ONGOING


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    action = factory.SubFactory(GuidanceActionFactory)
    date = dt.date(2021, 6, 1)
    note = "Edistystä"
    # As the updates written before they were reviewed on their own (the migration).
    review_status = ReviewStatus.ACCEPTED


def target_group(slug: str) -> TargetGroup:
    """A target group seeded by the migration, e.g. ``target_group("nuoret")``."""
    return TargetGroup.objects.get(slug=slug)


def guidance_channel(slug: str) -> GuidanceChannel:
    """A guidance channel seeded by the migration, e.g. ``guidance_channel("verkossa")``."""
    return GuidanceChannel.objects.get(slug=slug)


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries

    region = factory.SubFactory(RegionFactory)
    title = factory.Sequence(lambda n: f"Sarja {n}")


class EventMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventMaterial

    event = factory.SubFactory(EventFactory)
    title = "Diat"
    url = "https://example.fi/diat.pdf"


# --- Annual reports and PDF jobs (added for the twin-region isolation tests) ------------


class AnnualReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnnualReport

    region = factory.SubFactory(RegionFactory)
    year = 2021
    summary = factory.Sequence(lambda n: f"Vuosiraportin yhteenveto {n}")


def _first_sub_theme() -> SubTheme:
    """The first sub-theme of 2021's framework (opening the year writes seed 001's)."""
    year, _created = ReportingYear.objects.get_or_create(year=2021)
    return SubTheme.objects.filter(theme__reporting_year=year).order_by("theme__number", "number")[
        0
    ]


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    report = factory.SubFactory(AnnualReportFactory)
    sub_theme = factory.LazyFunction(_first_sub_theme)
    level = 2


class AnswerActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AnswerActivity

    answer = factory.SubFactory(AnswerFactory)
    level = 1
    text = factory.Sequence(lambda n: f"Toiminto tasolla {n}")


class PdfJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PdfJob

    kind = PdfJob.Kind.TNO_SUMMARY
    region = factory.SubFactory(RegionFactory)
    status = PdfJob.Status.DONE
    progress = 100
    file = factory.django.FileField(filename="tno.pdf", data=b"%PDF-1.4 tno")


class ReportVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportVersion

    report = factory.SubFactory(AnnualReportFactory)
    number = 1
    submitted_at = factory.LazyFunction(timezone.now)
    snapshot = factory.LazyFunction(lambda: {"format": 1, "summary": "", "themes": []})


class EntryDeadlineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EntryDeadline

    region = factory.SubFactory(RegionFactory)
    year = 2021
    due_date = dt.date(2022, 1, 31)


class SentReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SentReminder

    step = factory.Sequence(lambda n: f"report:2021:2022-03-31:before-{n}")
    region = factory.SubFactory(RegionFactory)


# --- Closed years (a year whose annual report was accepted) -------------------------------


class ClosedYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClosedYear

    region = factory.SubFactory(RegionFactory)
    year = 2021


class EntryReopeningFactory(factory.django.DjangoModelFactory):
    """A reopening of a guidance action of the region's closed year."""

    class Meta:
        model = EntryReopening
        exclude = ["entry"]

    entry = factory.SubFactory(GuidanceActionFactory)
    region = factory.LazyAttribute(lambda o: o.entry.organisation.region)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.entry))
    object_id = factory.LazyAttribute(lambda o: o.entry.pk)
    year = factory.LazyAttribute(lambda o: o.entry.year)
    reason = factory.Sequence(lambda n: f"Korjataan osallistujamäärä {n}")
