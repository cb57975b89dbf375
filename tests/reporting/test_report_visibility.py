"""Whose report content each persona reads, on every page, export and PDF made of reports.

One rule (``portal.rules.ReportAudience``): an accepted report is public; a draft, a
submitted or a returned report is read by its own region's people, the national team
and site administrators. A summary or a PDF made of many reports shows a person only
the reports that person reads, so a coordinator's national summary holds the accepted
reports and their own region's submitted one, never another region's unaccepted one.

Each of KASELO's and Etelä-Savo's reports, one in every state, carries its own marker
text in its answers, examples, summary and the national team's comment; the tests read
every surface as every persona and compare the markers found with the rule's.
"""

from __future__ import annotations

import re

import pytest
from django.urls import resolve, reverse

from portal.rules import ReportAudience
from reporting.models import AnnualReport, PdfJob, ReportingYear, SubTheme
from reporting.summary import build_national_summary
from tests.reporting.pdf.conftest import read_pdf

pytestmark = pytest.mark.django_db

#: The year of each state's reports, in both regions: one report per region and year.
YEARS = {
    AnnualReport.Status.DRAFT: 2021,
    AnnualReport.Status.SUBMITTED: 2022,
    AnnualReport.Status.RETURNED: 2023,
    AnnualReport.Status.ACCEPTED: 2024,
}
REGIONS = {"kaakkois-suomi": "KASELO", "etela-savo": "ESA"}
#: The national team and administrators first: their renders and PDFs exist before a
#: coordinator asks, so a cached fragment or a reused job would show.
PERSONAS = (
    "national_team",
    "site_admin",
    "visitor",
    "viewer",
    "editor",
    "coordinator",
    "coordinator_of_other_region",
)
MARKER = re.compile(r"MERKKI-(KASELO|ESA)-(DRAFT|SUBMITTED|RETURNED|ACCEPTED)")


def marker(abbreviation: str, status: str) -> str:
    return f"MERKKI-{abbreviation}-{status.upper()}"


def markers_of(abbreviation: str, *statuses: str) -> set[str]:
    return {marker(abbreviation, status) for status in statuses}


ALL_STATES = tuple(YEARS)
COUNTED = (AnnualReport.Status.SUBMITTED, AnnualReport.Status.ACCEPTED)
ACCEPTED = markers_of("KASELO", "accepted") | markers_of("ESA", "accepted")
EVERYTHING = markers_of("KASELO", *ALL_STATES) | markers_of("ESA", *ALL_STATES)

#: What a person reads report by report (its page, its PDF).
READS = {
    "national_team": EVERYTHING,
    "site_admin": EVERYTHING,
    "visitor": ACCEPTED,
    "viewer": ACCEPTED | markers_of("KASELO", *ALL_STATES),
    "editor": ACCEPTED | markers_of("KASELO", *ALL_STATES),
    "coordinator": ACCEPTED | markers_of("KASELO", *ALL_STATES),
    "coordinator_of_other_region": ACCEPTED | markers_of("ESA", *ALL_STATES),
}
#: What the national summary (page and PDF) shows: the counted reports a person reads,
#: to those who may open it at all.
SUMMARY = {
    "national_team": markers_of("KASELO", *COUNTED) | markers_of("ESA", *COUNTED),
    "site_admin": markers_of("KASELO", *COUNTED) | markers_of("ESA", *COUNTED),
    "visitor": set(),
    "viewer": set(),
    "editor": set(),
    "coordinator": markers_of("KASELO", *COUNTED) | ACCEPTED,
    "coordinator_of_other_region": markers_of("ESA", *COUNTED) | ACCEPTED,
}


def found(text: str) -> set[str]:
    """The markers in a page or a PDF's text (a PDF may break a line inside one)."""
    return {match.group(0) for match in MARKER.finditer(re.sub(r"\s+", "", text))}


@pytest.fixture
def reports(framework, region, etela_savo):
    """KASELO's and Etelä-Savo's reports, one in each state, each with its own marker."""
    for year in YEARS.values():
        ReportingYear.objects.get_or_create(year=year)
    made = {}
    for owner in (region, etela_savo):
        abbreviation = REGIONS[owner.slug]
        for status, year in YEARS.items():
            sub_themes = SubTheme.objects.filter(theme__reporting_year__year=year)
            text = marker(abbreviation, status)
            report = AnnualReport.objects.create(
                region=owner,
                year=year,
                status=status,
                summary=f"Yhteenveto {text}",
                national_comment=f"Palaute {text}",
            )
            for sub_theme in sub_themes:
                report.answers.create(
                    sub_theme=sub_theme,
                    level=2,
                    activities=f"Toimintaa {text}",
                    examples=f"Esimerkki {text}",
                )
            made[text] = report
    return made


@pytest.fixture
def people(
    viewer, editor, coordinator, coordinator_of_other_region, national_team, site_admin
) -> dict[str, object]:
    return {
        "national_team": national_team,
        "site_admin": site_admin,
        "visitor": None,
        "viewer": viewer,
        "editor": editor,
        "coordinator": coordinator,
        "coordinator_of_other_region": coordinator_of_other_region,
    }


def page_markers(client, url: str) -> set[str]:
    response = client.get(url)
    if response.status_code != 200:
        return set()
    if getattr(response, "streaming", False):
        return found(b"".join(response.streaming_content).decode("utf-8", "replace"))
    return found(response.content.decode())


def pdf_markers(client, data: dict, capture) -> set[str]:
    """Ask for a PDF as the client's person, build it, download it and read it back."""
    with capture(execute=True):
        response = client.post(reverse("pdf:request"), {**data, "next": "/"})
    if response.status_code != 302:
        return set()
    target = resolve(response.url.split("?")[0])
    if target.view_name != "pdf:status":  # sent to sign in
        return set()
    download = client.get(reverse("pdf:download", kwargs={"pk": target.kwargs["pk"]}))
    if download.status_code != 200:  # e.g. a year nobody the person reads has reported on
        return set()
    return found(read_pdf(b"".join(download.streaming_content))[1])


# --- Pages ----------------------------------------------------------------------------------


def test_the_national_summary_shows_each_person_only_the_reports_they_read(
    reports, people, client_of
):
    seen = {}
    for persona in PERSONAS:
        client = client_of(people[persona])
        seen[persona] = set()
        for year in (2016, *YEARS.values()):
            # Twice: the second is served from the cached fragment.
            for _visit in range(2):
                seen[persona] |= page_markers(client, reverse("reporting:summary", args=[year]))

    assert seen == SUMMARY


def test_report_pages_lists_and_exports_show_each_person_only_the_reports_they_read(
    reports, people, client_of
):
    report_pages = ("reports:detail", "reports:edit", "reports:submit", "reports:return")
    seen = {}
    for persona in PERSONAS:
        client = client_of(people[persona])
        markers: set[str] = set()
        for report in reports.values():
            for name in report_pages:
                markers |= page_markers(
                    client, reverse(name, args=[report.region.slug, report.year])
                )
        seen[persona] = markers
        # Lists of reports and the region's exports show states, not content.
        for slug in REGIONS:
            assert not page_markers(client, reverse("reports:list", args=[slug]))
            for dataset in ("organisaatiot", "ohjaustoimenpiteet", "tapahtumat", "mittariarvot"):
                assert not page_markers(
                    client, reverse("transfer:export", args=[slug, dataset, "csv"])
                )
        assert not page_markers(client, reverse("reporting:index"))

    assert seen == READS


def test_an_accepted_report_is_shown_beside_a_previous_report_the_reader_may_read(
    reports, region, people, client_of
):
    url = reverse("reports:detail", args=[region.slug, 2024])

    visitor = client_of(None).get(url)
    coordinator = client_of(people["coordinator"]).get(url)

    # 2023 (returned) and 2022 (submitted) are the region's own: public readers get 2016.
    assert visitor.context["previous_report"].year == 2016
    assert coordinator.context["previous_report"].year == 2023


def test_a_coordinator_is_not_served_the_national_teams_cached_summary(reports, people, client_of):
    url = reverse("reporting:summary", args=[2022])
    other_regions_submitted = marker("ESA", "submitted")

    assert other_regions_submitted in page_markers(client_of(people["national_team"]), url)
    assert other_regions_submitted not in page_markers(client_of(people["coordinator"]), url)
    assert other_regions_submitted in page_markers(client_of(people["site_admin"]), url)


# --- The summary's data ---------------------------------------------------------------------


def test_the_summarys_previous_year_and_changes_follow_the_same_rule(
    reports, region, etela_savo, coordinator, national_team
):
    readable = AnnualReport.objects.readable_by(coordinator)

    mine = build_national_summary(2024, readable)
    everyone = build_national_summary(2024, AnnualReport.objects.readable_by(national_team))

    # The latest earlier counted report the coordinator reads is KASELO's own (2022).
    assert mine.previous_year == everyone.previous_year == 2022
    changes = {c.region: (c.previous, c.current) for c in mine.themes[0].sub_themes[0].changes}
    # Etelä-Savo's 2022 report is submitted, not accepted: its level is not compared.
    assert changes == {"Etelä-Savo": (None, 2)}
    national = {c.region for c in everyone.themes[0].sub_themes[0].changes}
    assert national == set()  # level 2 in both years for both regions
    assert mine.regions == everyone.regions
    assert set(mine.regions) == {"Kaakkois-Suomi", "Etelä-Savo"}


def test_the_previous_year_is_one_the_reader_reads(reports, etela_savo, coordinator):
    AnnualReport.objects.filter(region__slug="kaakkois-suomi", year=2022).update(
        status=AnnualReport.Status.RETURNED
    )

    summary = build_national_summary(2024, AnnualReport.objects.readable_by(coordinator))

    # Only Etelä-Savo's unaccepted report is on 2022 now: the coordinator's previous
    # year is the accepted 2016 of seed 001.
    assert summary.previous_year == 2016


def test_the_readable_reports_are_those_the_report_permission_allows(reports, people):
    for persona, user in people.items():
        checker = user if user is not None else _anonymous()
        readable = set(AnnualReport.objects.readable_by(checker).values_list("pk", flat=True))
        allowed = {
            report.pk
            for report in AnnualReport.objects.all()
            if checker.has_perm("reporting.view_report", report)
        }
        assert readable == allowed, persona


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()


# --- PDFs -----------------------------------------------------------------------------------


@pytest.fixture
def pdf_people(people, eager_tasks):
    return people


def test_the_national_summary_pdf_shows_each_person_only_the_reports_they_read(
    reports, pdf_people, client_of, django_capture_on_commit_callbacks
):
    seen = {}
    for persona in PERSONAS:
        client = client_of(pdf_people[persona])
        seen[persona] = set()
        for year in YEARS.values():
            seen[persona] |= pdf_markers(
                client,
                {"kind": "national_summary", "year": year},
                django_capture_on_commit_callbacks,
            )

    assert seen == SUMMARY


def test_the_annual_report_pdfs_show_each_person_only_the_reports_they_read(
    reports, pdf_people, client_of, django_capture_on_commit_callbacks
):
    seen = {}
    for persona in PERSONAS:
        client = client_of(pdf_people[persona])
        seen[persona] = set()
        for report in reports.values():
            data = {"kind": "annual_report", "region": report.region.slug, "year": report.year}
            seen[persona] |= pdf_markers(client, data, django_capture_on_commit_callbacks)

    assert seen == READS


def test_a_coordinator_cannot_open_the_national_teams_summary_pdf(
    reports, region, pdf_people, client_of, django_capture_on_commit_callbacks
):
    national = client_of(pdf_people["national_team"])
    with django_capture_on_commit_callbacks(execute=True):
        national.post(reverse("pdf:request"), {"kind": "national_summary", "year": 2022})
    job = PdfJob.objects.get(kind=PdfJob.Kind.NATIONAL_SUMMARY)
    assert job.status == PdfJob.Status.DONE
    assert job.parameters["audience"] == "all"
    coordinator = client_of(pdf_people["coordinator"])

    assert coordinator.get(reverse("pdf:status", kwargs={"pk": job.pk})).status_code == 404
    assert coordinator.get(reverse("pdf:download", kwargs={"pk": job.pk})).status_code == 404
    # Asking for the same document makes the coordinator's own, built for their audience.
    with django_capture_on_commit_callbacks(execute=True):
        coordinator.post(reverse("pdf:request"), {"kind": "national_summary", "year": 2022})
    own = PdfJob.objects.exclude(pk=job.pk).get(kind=PdfJob.Kind.NATIONAL_SUMMARY)
    assert own.inputs_hash != job.inputs_hash
    assert own.parameters["audience"] == [region.pk]
    assert ReportAudience.from_parameter(own.parameters["audience"]) == ReportAudience(
        frozenset({region.pk})
    )
    # The national team may open the coordinator's: it reads everything in it.
    assert national.get(reverse("pdf:download", kwargs={"pk": own.pk})).status_code == 200


def test_a_summary_job_without_an_audience_counts_as_the_national_teams(
    reports, pdf_people, client_of
):
    job = PdfJob.objects.create(
        kind=PdfJob.Kind.NATIONAL_SUMMARY, year=2022, parameters={"language": "fi"}
    )

    assert (
        client_of(pdf_people["coordinator"])
        .get(reverse("pdf:status", kwargs={"pk": job.pk}))
        .status_code
        == 404
    )
    assert (
        client_of(pdf_people["national_team"])
        .get(reverse("pdf:status", kwargs={"pk": job.pk}))
        .status_code
        == 200
    )


# --- Query counts ---------------------------------------------------------------------------


def test_a_coordinators_summary_takes_the_same_queries_as_the_national_teams_and_roles(
    reports, coordinator, client_of, django_assert_num_queries
):
    client = client_of(coordinator)
    url = reverse("reporting:summary", args=[2024])
    # User (the session is cached), the person's roles (the permission and the audience
    # share them), the reporting year, the regions' content versions and the summary's
    # eight: twelve, one more than the national team's eleven only for the roles.
    with django_assert_num_queries(12):
        client.get(url)
    # The cached fragment: user, roles, reporting year, content versions.
    with django_assert_num_queries(4):
        client.get(url)
