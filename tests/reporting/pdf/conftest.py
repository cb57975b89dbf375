"""PDF fixtures: KASELO's plan with Finnish letters everywhere, and a reader that turns a PDF
back into text (``eager_tasks`` is in ``tests/conftest.py``)."""

import datetime as dt
import io
from types import SimpleNamespace

import pypdf
import pytest
from django.utils import timezone

from portal.review import ReviewStatus
from strategy.models import Action
from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    GoalFactory,
    GoodPracticeFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
)


@pytest.fixture
def plan(region, strategy, kotka, lut):
    """KASELO's strategy with two focus areas, goals, actions, an indicator and events."""
    region.network_name = "Kaakkois-Suomen ELO-verkosto"
    region.save()
    first = FocusAreaFactory(
        strategy=strategy,
        number=1,
        title="Ohjauspalvelun saavutettavuus ja kehittäminen monikanavaisesti",
    )
    fifth = FocusAreaFactory(strategy=strategy, number=5, title="Päätöksentekoon vaikuttaminen")
    GoalFactory(focus_area=first, title="Ohjaus tuottaa tietoisia valintoja")
    GoalFactory(focus_area=fifth, title="Elinikäinen ohjaus näkyy päätöksenteossa")
    novia = OrganisationFactory(region=region, name="Yrkeshögskolan Novia, Åbo")
    action = ActionFactory(
        focus_area=first,
        title="Ohjaamoiden yhteiset työpajat",
        lead_organisation=kotka,
        status=Action.Status.DONE,
    )
    action.responsible_organisations.add(lut, novia)
    ActionFactory(
        focus_area=fifth, title="Vaikuttamistyön suunnitelma", status=Action.Status.PLANNED
    )
    indicator = IndicatorFactory(
        strategy=strategy, title="Työllisyysasteen nouseminen 75 %:iin", unit="%", target=75
    )
    for year, value in ((2019, 68), (2020, 67.5), (2021, 70.2)):
        IndicatorValueFactory(indicator=indicator, year=year, value=value)
    recent = timezone.localdate() - dt.timedelta(days=30)
    event = EventFactory(
        region=region, title="ELO-verkoston kevätkokous", starts_on=recent, participants_count=24
    )
    event.organisers.add(kotka)
    EventFactory(
        region=region,
        title="Luonnos tapaamisesta",
        starts_on=recent,
        review_status=ReviewStatus.DRAFT,
    )
    EventFactory(region=region, title="Vanha seminaari", starts_on=dt.date(2015, 1, 1))
    practice = GoodPracticeFactory(region=region, number=1, title="Ohjaamo Kotkan chat-palvelu")
    practice.organisations.add(kotka)
    practice.focus_areas.add(first)
    GoodPracticeFactory(region=region, number=None, title="Ehdotus", is_published=False)
    return SimpleNamespace(
        strategy=strategy, first=first, fifth=fifth, action=action, indicator=indicator, event=event
    )


def read_pdf(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def font_names(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names
