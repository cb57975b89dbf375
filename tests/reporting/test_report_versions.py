"""Versions of a report and the acceptance record (issue 15, items 4 and 5).

Every submission keeps its answers as they were sent; a return's comment stays beside the
version it concerns; the compare page shows what changed; the accepted version's PDF carries
who accepted it, in what role and when, and is made once; nobody decides on their own
region's report; two decisions at once leave one.
"""

from __future__ import annotations

import importlib
import io
import json
import threading

import pypdf
import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from lib.diff import word_diff
from lib.scoping import scopes_disabled
from network.models import Region
from reporting import pdf, services, versions
from reporting.models import AnnualReport, PdfJob, ReportVersion, SubTheme, Theme
from reporting.services import AnswerInput, ReportError, ReportInput
from tests.factories import CoordinatorFactory, UserFactory

pytestmark = pytest.mark.django_db

FIRST = "Verkoston kevätkokous"
SECOND = "Verkoston kevätkokous\nSyksyn työpajat Kotkassa"


def url(name, region, year=2021, **kwargs):
    return reverse(name, kwargs={"region": region.slug, "year": year, **kwargs})


def sub_theme_1_1(version: ReportVersion) -> dict:
    return version.snapshot["themes"][0]["sub_themes"][0]


@pytest.fixture
def acceptor(national_team):
    national_team.first_name, national_team.last_name = "Ville", "Valtakunnallinen"
    national_team.save()
    return national_team


@pytest.fixture
def returned_and_resubmitted(draft, coordinator, acceptor):
    """KASELO's 2021 report: version 1 returned with a comment, version 2 submitted."""
    draft.answers.update(level=1)
    first = draft.answers.get(sub_theme__theme__number=1, sub_theme__number=1)
    first.activities = FIRST
    first.save()
    services.submit_report(draft, coordinator)
    services.return_report(draft, acceptor, "Kuvatkaa myös syksyn työpajat.")
    services.save_answers(
        draft,
        ReportInput(
            summary="Vuosi täydennettynä.",
            answers={first.sub_theme_id: AnswerInput(level=2, activities=SECOND, examples="")},
        ),
    )
    services.submit_report(draft, coordinator)
    draft.refresh_from_db()
    return draft


# --- Versions ---------------------------------------------------------------------------


def test_submit_return_resubmit_accept_keeps_two_versions_with_their_own_answers(
    returned_and_resubmitted, coordinator, acceptor
):
    report = returned_and_resubmitted

    services.accept_report(report, acceptor)

    first, second = ReportVersion.objects.filter(report=report).order_by("number")
    assert (first.number, second.number) == (1, 2)
    assert (sub_theme_1_1(first)["level"], sub_theme_1_1(first)["activities"]) == (1, [FIRST])
    assert sub_theme_1_1(second)["level"] == 2
    assert sub_theme_1_1(second)["activities"] == SECOND.splitlines()
    assert (first.snapshot["summary"], second.snapshot["summary"]) == ("", "Vuosi täydennettynä.")
    assert first.submitted_by == second.submitted_by == coordinator
    # The return stays on the version it concerns; the acceptance on the one accepted.
    assert first.return_comment == "Kuvatkaa myös syksyn työpajat."
    assert first.returned_by == acceptor
    assert not first.is_accepted
    assert (second.accepted_by, second.accepted_by_name) == (acceptor, "Ville Valtakunnallinen")
    assert second.accepted_by_role == ReportVersion.AcceptorRole.NATIONAL_TEAM
    assert not second.is_returned
    report.refresh_from_db()
    assert (report.status, report.version) == (AnnualReport.Status.ACCEPTED, 2)
    assert report.reviewed_by == acceptor


def test_a_version_keeps_the_frameworks_wording_of_its_day(
    client_of, region, returned_and_resubmitted, coordinator
):
    sub_theme = SubTheme.objects.get(
        theme__reporting_year__year=returned_and_resubmitted.year, theme__number=1, number=1
    )
    was = sub_theme.title
    sub_theme.title = "Uusi sanamuoto"
    sub_theme.save()

    response = client_of(coordinator).get(url("reports:detail", region))

    page = response.content.decode()
    assert f"1.1 {was}" in page
    assert "Uusi sanamuoto" not in page


def test_the_report_page_lists_every_version_with_the_comment_beside_the_returned_one(
    client_of, region, returned_and_resubmitted
):
    coordinator = returned_and_resubmitted.submitted_by

    response = client_of(coordinator).get(url("reports:detail", region))

    assert [version.number for version in response.context["versions"]] == [1, 2]
    page = response.content.decode()
    first = page[page.index('id="versio-1"') : page.index('id="versio-2"')]
    assert "Kuvatkaa myös syksyn työpajat." in first
    assert str(coordinator) in first
    assert url("reports:compare", region) + "?old=1&amp;new=2" in page


def test_an_accepted_reports_public_page_shows_no_versions_or_comments(
    client, region, returned_and_resubmitted, acceptor
):
    services.accept_report(returned_and_resubmitted, acceptor)

    response = client.get(url("reports:detail", region))

    assert response.status_code == 200
    assert response.context["versions"] == []
    assert "Kuvatkaa myös" not in response.content.decode()
    assert client.get(url("reports:compare", region)).status_code == 302  # to sign in


def test_the_compare_page_shows_the_changed_answer_word_by_word(
    client_of, region, returned_and_resubmitted, coordinator
):
    response = client_of(coordinator).get(url("reports:compare", region), {"old": "1", "new": "2"})

    assert response.status_code == 200
    (change,) = response.context["comparison"].changed_sub_themes
    assert (change.number, change.old_level, change.new_level) == ("1.1", 1, 2)
    page = response.content.decode()
    added = gettext("added:")
    removed = gettext("removed:")
    # The added activity, marked without colour: <ins> with a label read aloud.
    assert f'<ins><span class="visually-hidden">{added} </span>Syksyn työpajat Kotkassa</ins>' in (
        page
    )
    assert f'<del><span class="visually-hidden">{removed} </span>1 – ' in page  # noqa: RUF001
    # The activity both versions share is not marked.
    assert "Verkoston kevätkokous" in page
    assert '<del><span class="visually-hidden">' + removed + " </span>Verkoston" not in page


def test_the_word_diff_shows_what_went_and_what_came():
    pieces = word_diff("Ohjaamo Kotka ja Hamina", "Ohjaamo Kouvola ja Hamina")

    assert [(piece.kind, piece.text) for piece in pieces] == [
        ("same", "Ohjaamo "),
        ("delete", "Kotka"),
        ("insert", "Kouvola"),
        ("same", " ja Hamina"),
    ]


def test_comparing_a_version_with_itself_is_refused_in_the_form(
    client_of, region, returned_and_resubmitted, coordinator
):
    with translation.override("fi"):
        response = client_of(coordinator).get(
            url("reports:compare", region), {"old": "2", "new": "2"}
        )
        message = gettext("Choose two different versions.")

    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_report_with_one_version_has_nothing_to_compare(client_of, region, draft, coordinator):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)

    response = client_of(coordinator).get(url("reports:compare", region))

    assert response.status_code == 200
    assert response.context["comparison"] is None


def _versions(report, count):
    """``count`` versions of the report, each returned but the last (a long back-and-forth)."""
    snapshot = versions.snapshot_of(report)
    now = timezone.now()
    for number in range(1, count + 1):
        ReportVersion.objects.create(
            report=report,
            number=number,
            submitted_at=now,
            submitted_by=UserFactory(),
            snapshot=snapshot,
            returned_at=now if number < count else None,
            returned_by=UserFactory() if number < count else None,
            return_comment=f"Korjatkaa kohta {number}." if number < count else "",
        )
    AnnualReport.objects.filter(pk=report.pk).update(
        status=AnnualReport.Status.SUBMITTED, version=count
    )


def _queries(client, path, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params)
    assert response.status_code == 200
    return len(queries)


def test_the_report_and_compare_pages_take_the_same_queries_however_many_versions(
    client_of, region, etela_savo, draft, framework
):
    other = AnnualReport.objects.create(region=etela_savo, year=2021)
    _versions(draft, 2)
    _versions(other, 12)
    reader = UserFactory(is_national_team=True)
    client = client_of(reader)

    few = _queries(client, url("reports:detail", region))
    many = _queries(client, url("reports:detail", etela_savo))
    # The versions with their three people are one query, whatever their number; the rest
    # is the report's document (its version's snapshot, the year's records), the previous
    # report and the reporting year.
    assert few == many == 18
    compare_few = _queries(client, url("reports:compare", region))
    compare_many = _queries(client, url("reports:compare", etela_savo), old=3, new=11)
    # The user, the region, the report, the versions' numbers and the two versions
    # compared (the session is cached; the national team's reading needs no roles).
    assert compare_few == compare_many == 5


def test_the_migration_gives_earlier_submitted_and_accepted_reports_their_version(
    region, etela_savo, draft, framework
):
    # The migration ran when there was one framework for all years: keep 2021's only.
    AnnualReport.objects.filter(year=2016).delete()
    Theme.objects.filter(reporting_year__year=2016).delete()
    accepted = AnnualReport.objects.create(
        region=Region.objects.get(slug="lappi"), year=2021, status=AnnualReport.Status.ACCEPTED
    )
    ReportVersion.objects.all().delete()
    draft.answers.update(level=3)
    AnnualReport.objects.filter(pk=draft.pk).update(
        status=AnnualReport.Status.SUBMITTED, version=2, summary="Lähetetty ennen versioita."
    )
    returned = AnnualReport.objects.create(
        region=etela_savo, year=2021, status=AnnualReport.Status.RETURNED
    )
    migration = importlib.import_module("reporting.migrations.0005_first_report_versions")

    migration.forwards(apps, None)

    submitted = ReportVersion.objects.get(report=draft)
    assert submitted.number == 2
    assert submitted.snapshot["summary"] == "Lähetetty ennen versioita."
    assert {answer["level"] for answer in submitted.snapshot["themes"][0]["sub_themes"]} == {3}
    # The migration writes format 1: today's snapshot without the translations of format 2.
    assert submitted.snapshot == format_1(json.loads(json.dumps(versions.snapshot_of(draft))))
    assert ReportVersion.objects.get(report=accepted).is_accepted
    assert not ReportVersion.objects.filter(report=returned).exists()


# --- The acceptance record --------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_the_accepted_pdf_carries_the_acceptance_record_and_is_made_once(
    client_of,
    region,
    returned_and_resubmitted,
    acceptor,
    eager_tasks,
    django_capture_on_commit_callbacks,
    monkeypatch,
):
    report = returned_and_resubmitted

    with django_capture_on_commit_callbacks(execute=True):
        services.accept_report(report, acceptor)

    version = ReportVersion.objects.get(report=report, number=2)
    assert version.accepted_pdf.name.startswith(
        "reports/vuosiraportti-kaakkois-suomi-2021-v2-hyvaksytty"
    )
    made = version.accepted_pdf.read()
    text = pdf_text(made)
    accepted_on = timezone.localdate(version.accepted_at)
    with translation.override("fi"):
        role = str(ReportVersion.AcceptorRole.NATIONAL_TEAM.label)
        accepted = str(AnnualReport.Status.ACCEPTED.label)
    assert accepted == "Hyväksytty"
    assert f"{accepted} {accepted_on.day}.{accepted_on.month}.{accepted_on.year}" in text
    assert f"Ville Valtakunnallinen, {role}" in text
    assert "Syksyn työpajat Kotkassa" in text

    # Later requests return the stored file, never a new build, even with the jobs gone.
    monkeypatch.setattr(pdf, "write_pdf", lambda *args: pytest.fail("built again"))
    again = pdf.request_pdf(PdfJob.Kind.ANNUAL_REPORT, region=region, year=2021)
    assert again.status == PdfJob.Status.DONE
    assert again.file.read() == made
    PdfJob.objects.all().delete()
    assert pdf.request_official_pdf(report).file.read() == made
    response = client_of(acceptor).get(url("reports:version_pdf", region, number=2))
    assert b"".join(response.streaming_content) == made


def test_the_pdf_of_a_returned_version_is_its_own(
    client_of,
    region,
    draft,
    coordinator,
    acceptor,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    draft.answers.update(level=1, activities=FIRST)
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_report(draft, coordinator)
    services.return_report(draft, acceptor, "Täydentäkää.")
    draft.answers.update(activities="Aivan uusi toiminta")

    response = client_of(coordinator).get(url("reports:version_pdf", region, number=1))

    assert response.status_code == 200
    text = pdf_text(b"".join(response.streaming_content))
    assert FIRST in text
    assert "Aivan uusi toiminta" not in text
    assert client_of(coordinator).get(url("reports:version_pdf", region, number=2)).status_code == (
        404
    )


# --- Who decides ------------------------------------------------------------------------


@pytest.fixture
def submitted(draft, coordinator):
    draft.answers.update(level=1)
    services.submit_report(draft, coordinator)
    draft.refresh_from_db()
    return draft


def test_a_national_team_member_who_coordinates_the_region_cannot_accept_or_return_its_report(
    client_of, region, submitted, acceptor
):
    CoordinatorFactory(user=acceptor, region=region)
    client = client_of(acceptor)

    with translation.override("fi"):
        page = client.get(url("reports:detail", region))
        refused = client.post(url("reports:accept", region), {"shown_version": "1"})
        returned = client.post(url("reports:return", region), {"comment": "Muuttakaa."})
        message = gettext(
            "You cannot accept or return your own region's report: another member of "
            "the national team decides on it."
        )

    assert page.context["own_region"]
    assert not page.context["can_review"]
    assert url("reports:accept", region) not in page.content.decode()
    assert [str(m) for m in get_messages(refused.wsgi_request)] == [message]
    assert message in [str(m) for m in get_messages(returned.wsgi_request)]
    submitted.refresh_from_db()
    assert submitted.status == AnnualReport.Status.SUBMITTED
    assert not ReportVersion.objects.get(report=submitted).is_accepted


def test_a_member_of_the_regions_organisation_in_the_national_team_cannot_accept(
    region, kotka, submitted, acceptor
):
    from tests.personas import member

    person = member(kotka, "kansallinen.jasen@kaselo.example")
    person.is_national_team = True
    person.save()

    with pytest.raises(ReportError):
        services.accept_report(submitted, person)
    services.accept_report(submitted, acceptor)  # a colleague from outside the region may


def test_a_decision_on_a_version_not_shown_is_refused(submitted, acceptor):
    with pytest.raises(ReportError) as refused:
        services.accept_report(submitted, acceptor, shown_version=2)
    assert str(refused.value) == gettext(
        "The region submitted a new version while you had the page open. Read it before deciding."
    )
    services.accept_report(submitted, acceptor, shown_version=1)


# --- Two decisions at once --------------------------------------------------------------


def finnish(message: str) -> str:
    with translation.override("fi"):
        return gettext(message)


def _at_once(*calls):
    """Run the calls at the same moment, each in its own thread and connection; return
    what each raised (None when it went through)."""
    barrier = threading.Barrier(len(calls))
    outcomes: list = [None] * len(calls)

    def run(index, call):
        try:
            with scopes_disabled(), translation.override("fi"):
                barrier.wait(timeout=10)
                call()
        except ReportError as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@pytest.fixture
def submitted_now(db, region):
    """A submitted report committed for real, for threads with their own connections."""
    report = AnnualReport.objects.create(
        region=region, year=2021, status=AnnualReport.Status.SUBMITTED
    )
    ReportVersion.objects.create(report=report, number=1, submitted_at=timezone.now())
    return report


@pytest.mark.django_db(transaction=True)
def test_accepting_twice_at_once_accepts_once(submitted_now, monkeypatch):
    requested = []
    monkeypatch.setattr(services, "_request_accepted_pdf", requested.append)
    first = UserFactory(email="eka@elo.example", is_national_team=True)
    second = UserFactory(email="toka@elo.example", is_national_team=True)

    outcomes = _at_once(
        lambda: services.accept_report(AnnualReport.objects.get(pk=submitted_now.pk), first),
        lambda: services.accept_report(AnnualReport.objects.get(pk=submitted_now.pk), second),
    )

    refused = [outcome for outcome in outcomes if outcome is not None]
    assert len(refused) == 1
    assert str(refused[0]) == finnish("Someone else accepted the report meanwhile.")
    assert len(requested) == 1  # one acceptance, one PDF
    version = ReportVersion.objects.get(report=submitted_now)
    assert version.accepted_by in (first, second)


@pytest.mark.django_db(transaction=True)
def test_returning_while_another_accepts_leaves_one_decision_and_tells_the_other(
    submitted_now, monkeypatch
):
    monkeypatch.setattr(services, "_request_accepted_pdf", lambda report: None)
    accepting = UserFactory(email="hyvaksyja@elo.example", is_national_team=True)
    returning = UserFactory(email="palauttaja@elo.example", is_national_team=True)

    outcomes = _at_once(
        lambda: services.accept_report(AnnualReport.objects.get(pk=submitted_now.pk), accepting),
        lambda: services.return_report(
            AnnualReport.objects.get(pk=submitted_now.pk), returning, "Täydentäkää."
        ),
    )

    accept_error, return_error = outcomes
    assert (accept_error is None) != (return_error is None)
    report = AnnualReport.objects.get(pk=submitted_now.pk)
    version = ReportVersion.objects.get(report=submitted_now)
    if accept_error is None:
        assert str(return_error) == finnish("Someone else accepted the report meanwhile.")
        assert (report.status, version.is_accepted, version.is_returned) == (
            "accepted",
            True,
            False,
        )
    else:
        assert str(accept_error) == finnish("Someone else returned the report meanwhile.")
        assert (report.status, version.is_accepted, version.is_returned) == (
            "returned",
            False,
            True,
        )


def format_1(snapshot: dict) -> dict:
    """A snapshot of today's format as format 1 wrote it: no translations kept."""
    for theme in snapshot["themes"]:
        theme.pop("translations")
        for answer in theme["sub_themes"]:
            answer.pop("translations")
    return {**snapshot, "format": 1}
