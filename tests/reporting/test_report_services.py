"""The report's life: start with last report's answers, submit, freeze, accept, return."""

import datetime as dt

import pytest

from reporting import services
from reporting.models import AnnualReport, Answer
from reporting.services import AnswerInput, ReportError, ReportInput
from tests.factories import (
    EventFactory,
    FocusAreaFactory,
    FundingLineFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    OrganisationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def fill_all_levels(report):
    report.answers.update(level=1)


def test_a_new_report_starts_from_the_regions_previous_report(region, coordinator, framework):
    report = services.start_report(region, 2021, coordinator)

    assert report.status == AnnualReport.Status.DRAFT
    assert report.answers.count() == 8
    answered = report.answers.get(sub_theme__theme__number=1, sub_theme__number=2)
    assert answered.level == 4
    # The activities the 2016 summary placed on the rungs, as the region's own lines now.
    assert (4, "ELO-ryhmien yhteiset kokoukset", "") in answered.rung_activities.values_list(
        "level", "text", "regions_label"
    )
    blank = report.answers.get(sub_theme__theme__number=2, sub_theme__number=1)
    assert (blank.level, blank.activities) == (None, "")


def test_a_report_cannot_be_started_twice_or_for_a_year_not_opened(region, coordinator, framework):
    services.start_report(region, 2021, coordinator)
    with pytest.raises(ReportError):
        services.start_report(region, 2021, coordinator)
    with pytest.raises(ReportError):
        services.start_report(region, 2030, coordinator)
    assert AnnualReport.objects.filter(region=region).count() == 2  # 2016 and 2021


def test_submitting_needs_a_level_for_every_sub_theme(draft, coordinator):
    draft.answers.exclude(sub_theme__theme__number=4).update(level=2)

    with pytest.raises(ReportError, match=r"4\.1 ELO-VERKOSTON"):
        services.submit_report(draft, coordinator)

    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.DRAFT


def test_a_submitted_report_is_frozen(draft, coordinator):
    fill_all_levels(draft)
    services.submit_report(draft, coordinator)
    answer = draft.answers.first()

    with pytest.raises(ReportError):
        services.save_answers(
            draft,
            ReportInput(
                summary="Muutettu",
                answers={answer.sub_theme_id: AnswerInput(level=2, activities="x", examples="")},
            ),
        )

    draft.refresh_from_db()
    answer.refresh_from_db()
    assert (draft.summary, answer.level, answer.activities) == ("", 1, "")


def test_a_returned_report_is_edited_and_resubmitted_as_the_next_version(
    draft, coordinator, national_team
):
    fill_all_levels(draft)
    services.submit_report(draft, coordinator)
    services.return_report(draft, national_team, "Tarkenna tasoa 2.1")
    assert draft.status == AnnualReport.Status.RETURNED
    assert draft.national_comment == "Tarkenna tasoa 2.1"

    sub_theme_id = draft.answers.first().sub_theme_id
    services.save_answers(
        draft,
        ReportInput(
            summary="Korjattu",
            answers={sub_theme_id: AnswerInput(level=3, activities="Uusi", examples="")},
        ),
    )
    services.submit_report(draft, coordinator)

    draft.refresh_from_db()
    assert (draft.status, draft.version, draft.summary) == ("submitted", 2, "Korjattu")
    assert Answer.objects.get(report=draft, sub_theme_id=sub_theme_id).level == 3


def test_returning_needs_a_comment_and_a_submitted_report(draft, coordinator, national_team):
    with pytest.raises(ReportError):
        services.return_report(draft, national_team, "Muuta")  # still a draft
    fill_all_levels(draft)
    services.submit_report(draft, coordinator)
    with pytest.raises(ReportError):
        services.return_report(draft, national_team, "   ")
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.SUBMITTED


def test_only_a_submitted_report_is_accepted(draft, coordinator, national_team):
    with pytest.raises(ReportError):
        services.accept_report(draft, national_team)
    fill_all_levels(draft)
    services.submit_report(draft, coordinator)
    services.accept_report(draft, national_team)
    draft.refresh_from_db()
    assert draft.status == AnnualReport.Status.ACCEPTED
    assert draft.reviewed_at is not None


def test_a_level_outside_the_ladder_is_refused(draft):
    first = draft.answers.get(sub_theme__theme__number=1, sub_theme__number=1)  # levels 1-3
    with pytest.raises(ReportError):
        services.save_answers(
            draft,
            ReportInput(summary="", answers={first.sub_theme_id: AnswerInput(4, "", "")}),
        )


def test_the_submission_queues_the_official_pdf_after_commit(
    draft, coordinator, django_capture_on_commit_callbacks
):
    fill_all_levels(draft)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.submit_report(draft, coordinator)
    assert len(callbacks) == 1


def test_the_years_records_are_counted_in_the_database(
    region, strategy, kotka, django_assert_num_queries
):
    one = FocusAreaFactory(strategy=strategy, number=1, title="SAAVUTETTAVUUS")
    two = FocusAreaFactory(strategy=strategy, number=2, title="OSAAMINEN")
    both = GuidanceActionFactory(organisation=kotka, year=2021, review_status="accepted")
    both.focus_areas.set([one, two])
    GuidanceActionFactory(organisation=kotka, year=2021, review_status="accepted")
    GuidanceActionFactory(organisation=kotka, year=2021, review_status="draft")
    GuidanceActionFactory(organisation=kotka, year=2020, review_status="accepted")
    GuidanceActionFactory(organisation=OrganisationFactory(), year=2021, review_status="accepted")
    EventFactory(region=region, kind="webinar", participants_count=40)
    EventFactory(region=region, kind="webinar", participants_count=None)
    EventFactory(region=region, kind="workshop", participants_count=12)
    EventFactory(region=region, kind="workshop", review_status="draft")
    EventFactory(region=region, kind="workshop", starts_on=dt.date(2020, 5, 1))
    FundingLineFactory(project=ProjectFactory(region=region), source="esr")
    FundingLineFactory(
        project=ProjectFactory(
            region=region, start_date=dt.date(2019, 1, 1), end_date=dt.date(2021, 3, 1)
        ),
        source="esr",
    )
    FundingLineFactory(
        project=ProjectFactory(region=region, end_date=dt.date(2020, 12, 31)), source="rrf"
    )
    # Without funding lines: counted under "not known"; two lines of one source: once.
    ProjectFactory(region=region)
    both = ProjectFactory(region=region, name="Kaksi linjaa")
    FundingLineFactory(project=both, source="national", start_year=2020)
    FundingLineFactory(project=both, source="national", start_year=2021)
    indicator = IndicatorFactory(strategy=strategy, title="Tyytyväisyys", unit="%", target=80)
    IndicatorValueFactory(indicator=indicator, year=2020, value=70)
    IndicatorValueFactory(indicator=indicator, year=2021, value=75)
    IndicatorValueFactory(indicator=indicator, year=2022, value=78)

    # Focus-area counts, their total, events by kind, projects by funding source,
    # indicators and their values: six queries whatever the number of rows, plus the
    # savepoint and its release of transaction.atomic inside the test's transaction.
    with django_assert_num_queries(8):
        records = services.gather_year_records(region, 2021)

    assert records.guidance_actions_total == 2
    assert [(r.number, r.title, r.count) for r in records.guidance_actions_by_focus_area] == [
        (1, "SAAVUTETTAVUUS", 1),
        (2, "OSAAMINEN", 1),
        (None, "Ei painopistettä", 1),
    ]
    assert [(r.kind, r.count, r.participants) for r in records.events_by_kind] == [
        ("webinar", 2, 40),
        ("workshop", 1, 12),
    ]
    assert (records.events_total, records.participants_total) == (3, 52)
    assert [(r.source, r.count) for r in records.projects_by_funding] == [
        ("esr", 2),
        ("national", 1),
        ("unknown", 1),
    ]
    (measured,) = records.indicators
    assert measured.target == 80
    assert [year for year, _value in measured.values] == [2020, 2021]


def test_the_report_document_lists_every_sub_theme_with_its_ladder(draft):
    draft.answers.filter(sub_theme__theme__number=1, sub_theme__number=2).update(
        level=3, activities="Kokoukset\n\nKartoitus"
    )
    document = services.build_report_document(draft)

    assert document.region_name == "Kaakkois-Suomi"
    assert (document.year, document.status, document.version) == (2021, "draft", 1)
    assert [theme.number for theme in document.themes] == [1, 2, 3, 4]
    first, second = document.themes[0].sub_themes[:2]
    assert first.number == "1.1"
    assert len(first.ladder) == 3
    assert second.number == "1.2"
    assert (second.level, second.level_title) == (3, "Yhteistyön tiivistyminen")
    assert second.activities == ["Kokoukset", "Kartoitus"]
    assert document.records.year == 2021
