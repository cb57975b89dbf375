"""The documents read back from their PDFs: titles, regions, focus areas, pages, contents,
fonts that carry ä, ö and å, accessibility tags, and constant query counts."""

import datetime as dt
from pathlib import Path

import pytest
from django.utils import timezone, translation

from portal.rules import ReportAudience
from reporting.documents import DocumentError, render, write_pdf
from reporting.documents.annual_report import prepare_annual_report
from reporting.documents.eloliv import build_eloliv_booklet, prepare_eloliv_booklet
from reporting.documents.national_summary import prepare_national_summary
from reporting.documents.tno import build_tno_summary, default_period, prepare_tno_summary
from reporting.models import AnnualReport, PdfJob
from tests.factories import (
    ActionFactory,
    EventFactory,
    FocusAreaFactory,
    GoodPracticeFactory,
    RegionFactory,
)
from tests.reporting.pdf.conftest import font_names, read_pdf

pytestmark = pytest.mark.django_db

#: The national team's audience: every region's reports.
EVERY_REPORT = ReportAudience(None)


def make_pdf(prepared, tmp_path: Path) -> bytes:
    target = tmp_path / "out.pdf"
    write_pdf(render(prepared).html, target)
    return target.read_bytes()


@pytest.fixture
def tno_pdf(plan, region, tmp_path):
    with translation.override("fi"):
        start, end = default_period(timezone.localdate())
        return make_pdf(prepare_tno_summary(region, start, end), tmp_path)


def test_tno_summary_pdf_has_its_title_region_focus_areas_and_page_numbers(tno_pdf):
    reader, text = read_pdf(tno_pdf)

    assert reader.metadata.title == "TNO-foorumin yhteenveto: Kaakkois-Suomi"
    assert len(reader.pages) > 1
    assert "Kaakkois-Suomen ELO-verkosto" in text
    assert "1. Ohjauspalvelun saavutettavuus" in text
    assert "5. Päätöksentekoon vaikuttaminen" in text
    assert "Sivu 1 / " in text
    assert f"Sivu {len(reader.pages)} / {len(reader.pages)}" in text


def test_tno_summary_pdf_has_a_table_of_contents_with_page_numbers(tno_pdf):
    reader, _text = read_pdf(tno_pdf)
    contents = reader.pages[1].extract_text()

    assert "Sisällys" in contents
    assert "Strategia ....." in contents
    # Each entry ends in the page its chapter starts on: the strategy after the contents.
    strategy_line = next(line for line in contents.splitlines() if line.startswith("Strategia"))
    assert strategy_line.endswith(" 3")


def test_tno_summary_pdf_embeds_fonts_that_carry_finnish_and_swedish_letters(tno_pdf):
    reader, text = read_pdf(tno_pdf)

    assert any("DejaVu" in name for name in font_names(reader))
    assert "Kaakkois-Suomen" in text
    assert "Päätöksentekoon" in text
    assert "Åbo" in text


def test_tno_summary_pdf_is_tagged_and_says_its_language(tno_pdf):
    reader, _text = read_pdf(tno_pdf)
    catalog = reader.trailer["/Root"]

    assert catalog["/Lang"] == "fi"
    assert "/StructTreeRoot" in catalog
    assert catalog["/MarkInfo"]["/Marked"]


def test_tno_summary_shows_actions_responsibles_published_events_and_indicators(tno_pdf):
    _reader, text = read_pdf(tno_pdf)

    assert "Ohjaamoiden yhteiset työpajat" in text
    assert "Ohjaamo Kotka" in text
    assert "Toteutettu" in text
    assert "ELO-verkoston kevätkokous" in text
    assert "Luonnos tapaamisesta" not in text  # a draft event is not public
    assert "Vanha seminaari" not in text  # outside the period
    assert "Työllisyysasteen nouseminen 75 %:iin" in text
    assert "Tavoitetaso 75" in text


def test_tno_summary_query_count_does_not_grow_with_rows(plan, region, django_assert_num_queries):
    start, end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
    # strategy; focus areas, national goals, key measures (the action plan's prefetch),
    # goals, actions (lead joined), responsible organisations; indicators, their values;
    # events, their organisers
    with django_assert_num_queries(11):
        build_tno_summary(region, start, end)

    area = FocusAreaFactory(strategy=plan.strategy, number=3)
    for _ in range(5):
        ActionFactory(focus_area=area).responsible_organisations.add(plan.action.lead_organisation)
        EventFactory(region=region).organisers.add(plan.action.lead_organisation)
    with django_assert_num_queries(11):
        build_tno_summary(region, start, end)


def test_tno_summary_of_a_region_without_a_strategy_is_a_document_error():
    lonely = RegionFactory(name="Kainuu", slug="kainuu")

    with translation.override("fi"), pytest.raises(DocumentError) as raised:
        build_tno_summary(lonely, dt.date(2021, 1, 1), dt.date(2021, 12, 31))

    assert (
        raised.value.message
        == "Alueella Kainuu ei ole voimassa olevaa strategiaa, joten yhteenvetoa ei voi tehdä."
    )


def test_eloliv_booklet_of_a_region_lists_its_published_practices(plan, region, tmp_path):
    with translation.override("fi"):
        reader, text = read_pdf(make_pdf(prepare_eloliv_booklet(region), tmp_path))

    assert reader.metadata.title == "ELOLIV-hyvien käytäntöjen vihko: Kaakkois-Suomi"
    assert len(reader.pages) > 1
    assert "1. Ohjaamo Kotkan chat-palvelu" in text
    assert "Ohjaamo Kotka" in text
    assert "1. Ohjauspalvelun saavutettavuus" in text
    assert "Ehdotus" not in text
    assert "Sivu 1 / " in text


def test_eloliv_booklet_of_all_regions_has_a_chapter_per_region(plan, etela_savo, tmp_path):
    GoodPracticeFactory(region=etela_savo, number=1, title="Mikkelin ohjausmessut")

    with translation.override("fi"):
        reader, text = read_pdf(make_pdf(prepare_eloliv_booklet(None), tmp_path))

    assert reader.metadata.title == "ELOLIV-hyvien käytäntöjen vihko: Kaikki alueet"
    assert "Kaakkois-Suomi ....." in text
    assert "Etelä-Savo ....." in text
    assert "Mikkelin ohjausmessut" in text


def test_eloliv_booklet_without_published_practices_is_a_document_error(region):
    with pytest.raises(DocumentError):
        build_eloliv_booklet(region)


def test_eloliv_booklet_query_count_is_constant(plan, region, django_assert_num_queries):
    # practices with their region; organisations; focus areas
    with django_assert_num_queries(3):
        build_eloliv_booklet(None)


def test_annual_report_pdf_shows_the_region_the_themes_and_the_levels(framework, region, tmp_path):
    report = AnnualReport.objects.get(region=region, year=2016)

    with translation.override("fi"):
        reader, text = read_pdf(make_pdf(prepare_annual_report(report), tmp_path))

    assert reader.metadata.title == "Vuosiraportti 2016: Kaakkois-Suomi"
    assert len(reader.pages) > 2
    assert "Sisällys" in text
    first_theme = framework[0].theme
    assert first_theme.title[:20] in text
    assert "Sivu 1 / " in text


def test_national_summary_pdf_has_the_matrix_and_the_level_distribution(framework, tmp_path):
    with translation.override("fi"):
        reader, text = read_pdf(make_pdf(prepare_national_summary(2016, EVERY_REPORT), tmp_path))

    assert reader.metadata.title == "Valtakunnallinen yhteenveto 2016"
    assert "Alueet ja tasot" in text
    assert "Kaakkois-Suomi" in text
    assert "Etelä-Savo" in text
    assert "Alueet tasoittain" in text


def test_national_summary_of_a_year_nobody_reported_on_is_a_document_error(framework):
    with pytest.raises(DocumentError):
        prepare_national_summary(2030, EVERY_REPORT)


def test_a_worker_warms_up_with_every_document_template():
    from reporting import documents
    from reporting.tasks import warm_up

    warm_up()  # imports every document module and compiles its template

    assert len(documents.DOCUMENT_MODULES) == len(PdfJob.Kind.choices)
