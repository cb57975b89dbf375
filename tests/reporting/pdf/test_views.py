"""Asking for a PDF, watching its progress and downloading it, persona by persona."""

import datetime as dt

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from reporting.models import AnnualReport, PdfJob
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


def finished_job(**fields):
    job = PdfJob.objects.create(
        status=PdfJob.Status.DONE, progress=100, finished_at=timezone.now(), **fields
    )
    job.file.save("tiedosto.pdf", ContentFile(b"%PDF-1.7 kokeilu"))
    return job


REQUEST_TNO = dict(zip(PERSONAS, (302, 403, 403, 404, "status", 404, "status"), strict=True))


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_ask_for_a_regions_tno_summary(
    persona, personas, plan, region, client_of, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(personas[persona]).post(
            reverse("pdf:request"),
            {"kind": "tno_summary", "region": region.slug, "next": "/kaakkois-suomi/"},
        )

    expected = REQUEST_TNO[persona]
    if expected == "status":
        job = PdfJob.objects.get()
        assert response.status_code == 302
        assert response.url == reverse("pdf:status", kwargs={"pk": job.pk})
        assert job.status == PdfJob.Status.DONE
    else:
        assert response.status_code == expected
        assert not PdfJob.objects.exists()
        if expected == 302:
            assert response.url.startswith("/tili/login/?next=/kaakkois-suomi/")


def test_the_national_summary_and_the_all_regions_booklet_need_the_national_view(
    framework, client_of, editor, coordinator_of_other_region, django_capture_on_commit_callbacks
):
    url = reverse("pdf:request")
    with django_capture_on_commit_callbacks(execute=False):
        assert (
            client_of(editor).post(url, {"kind": "national_summary", "year": 2016}).status_code
            == 404
        )
        assert client_of(editor).post(url, {"kind": "eloliv_booklet"}).status_code == 404
        allowed = client_of(coordinator_of_other_region).post(
            url, {"kind": "national_summary", "year": 2016}
        )
    assert allowed.status_code == 302
    job = PdfJob.objects.get()
    assert job.kind == PdfJob.Kind.NATIONAL_SUMMARY
    assert job.region is None
    assert job.year == 2016


def test_a_visitor_may_ask_for_an_accepted_report_but_not_a_draft(
    framework, draft, region, client, django_capture_on_commit_callbacks
):
    AnnualReport.objects.filter(region=region, year=2016).update(
        status=AnnualReport.Status.ACCEPTED
    )
    url = reverse("pdf:request")
    with django_capture_on_commit_callbacks(execute=False):
        accepted = client.post(url, {"kind": "annual_report", "region": region.slug, "year": 2016})
        refused = client.post(url, {"kind": "annual_report", "region": region.slug, "year": 2021})

    assert accepted.status_code == 302
    assert accepted.url.startswith("/pdf/")
    assert refused.status_code == 302
    assert refused.url.startswith("/tili/login/")
    job = PdfJob.objects.get()
    assert job.parameters["official"] is True


def test_a_historical_report_is_printed_as_it_stands_never_as_an_official_version(
    framework, region, client, django_capture_on_commit_callbacks
):
    url = reverse("pdf:request")
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(url, {"kind": "annual_report", "region": region.slug, "year": 2016})

    assert response.status_code == 302
    assert response.url.startswith("/pdf/")
    job = PdfJob.objects.get()
    assert "official" not in job.parameters


def test_an_incomplete_request_is_answered_with_400_and_the_reason(client_of, coordinator):
    response = client_of(coordinator).post(reverse("pdf:request"), {"kind": "annual_report"})

    assert response.status_code == 400
    assert "Valitse alue." in response.content.decode()


def test_asking_with_get_is_not_allowed(client_of, coordinator):
    assert client_of(coordinator).get(reverse("pdf:request")).status_code == 405


DOWNLOAD_REGION_PDF = dict(zip(PERSONAS, (404, 200, 200, 404, 200, 404, 200), strict=True))
# A national summary is built for its requester's audience (``ReportAudience``): the
# national team's, of every report, only for those who read every report; KASELO's
# coordinator's, of the accepted reports and KASELO's, for that coordinator too.
DOWNLOAD_NATIONAL = dict(zip(PERSONAS, (404, 404, 404, 404, 404, 404, 200), strict=True))
DOWNLOAD_KASELO_SUMMARY = dict(zip(PERSONAS, (404, 404, 404, 404, 200, 404, 200), strict=True))
DOWNLOAD_ACCEPTED_REPORT = dict(zip(PERSONAS, (200,) * 7, strict=True))
DOWNLOAD_DRAFT_REPORT = dict(zip(PERSONAS, (404, 200, 200, 404, 200, 404, 200), strict=True))


@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_download_which_pdf(persona, personas, framework, draft, region, client_of):
    tno = finished_job(kind=PdfJob.Kind.TNO_SUMMARY, region=region)
    national = finished_job(
        kind=PdfJob.Kind.NATIONAL_SUMMARY, year=2016, parameters={"audience": "all"}
    )
    kaselos = finished_job(
        kind=PdfJob.Kind.NATIONAL_SUMMARY, year=2016, parameters={"audience": [region.pk]}
    )
    accepted = finished_job(kind=PdfJob.Kind.ANNUAL_REPORT, region=region, year=2016)
    drafted = finished_job(kind=PdfJob.Kind.ANNUAL_REPORT, region=region, year=2021)
    client = client_of(personas[persona])

    for job, table in (
        (tno, DOWNLOAD_REGION_PDF),
        (national, DOWNLOAD_NATIONAL),
        (kaselos, DOWNLOAD_KASELO_SUMMARY),
        (accepted, DOWNLOAD_ACCEPTED_REPORT),
        (drafted, DOWNLOAD_DRAFT_REPORT),
    ):
        download = client.get(reverse("pdf:download", kwargs={"pk": job.pk}))
        status = client.get(reverse("pdf:status", kwargs={"pk": job.pk}))
        assert download.status_code == table[persona], (job.kind, job.year)
        assert status.status_code == table[persona], (job.kind, job.year)


def test_the_download_streams_the_file_with_a_finnish_name_and_an_ascii_fallback(
    plan, region, client_of, coordinator
):
    job = finished_job(
        kind=PdfJob.Kind.ELOLIV_BOOKLET, region=region, parameters={"language": "fi"}
    )

    response = client_of(coordinator).get(reverse("pdf:download", kwargs={"pk": job.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7 kokeilu"
    disposition = response["Content-Disposition"]
    assert disposition.startswith(
        'attachment; filename="ELOLIV-hyvien kaytantojen vihko Kaakkois-Suomi.pdf"'
    )
    assert "filename*=UTF-8''ELOLIV-hyvien%20k%C3%A4yt%C3%A4nt%C3%B6jen" in disposition


def test_an_unfinished_job_has_nothing_to_download(region, client_of, coordinator):
    job = PdfJob.objects.create(kind=PdfJob.Kind.TNO_SUMMARY, region=region)

    response = client_of(coordinator).get(reverse("pdf:download", kwargs={"pk": job.pk}))

    assert response.status_code == 404


def test_the_status_page_polls_while_the_job_runs(region, client_of, coordinator):
    job = PdfJob.objects.create(
        kind=PdfJob.Kind.TNO_SUMMARY,
        region=region,
        status=PdfJob.Status.RUNNING,
        progress=60,
        started_at=timezone.now(),
    )
    url = reverse("pdf:status", kwargs={"pk": job.pk})
    client = client_of(coordinator)

    page = client.get(url).content.decode()
    partial = client.get(url, headers={"HX-Request": "true"})

    assert 'hx-trigger="every 2s"' in page
    assert f'hx-get="{url}"' in page
    assert 'aria-live="polite"' in page
    assert "vendor/htmx.min.js" in page
    assert partial.status_code == 200
    assert '<progress id="pdf-job-progress" max="100" value="60">' in partial.content.decode()
    assert "<html" not in partial.content.decode()


def test_the_status_partial_stops_the_polling_when_the_job_is_done(region, client_of, coordinator):
    job = finished_job(kind=PdfJob.Kind.TNO_SUMMARY, region=region)
    url = reverse("pdf:status", kwargs={"pk": job.pk})

    partial = client_of(coordinator).get(url, headers={"HX-Request": "true"})
    page = client_of(coordinator).get(url).content.decode()

    assert partial.status_code == 286  # htmx stops polling on this status
    assert reverse("pdf:download", kwargs={"pk": job.pk}) in partial.content.decode()
    assert "hx-trigger" not in page


def test_the_status_answers_json_when_asked(region, client_of, coordinator):
    job = PdfJob.objects.create(kind=PdfJob.Kind.TNO_SUMMARY, region=region, progress=10)

    response = client_of(coordinator).get(
        reverse("pdf:status", kwargs={"pk": job.pk}), headers={"Accept": "application/json"}
    )

    assert response.json() == {
        "id": str(job.pk),
        "kind": "tno_summary",
        "status": "queued",
        "status_label": "Jonossa",
        "progress": 10,
        "error": "",
        "notice": "",
        "download_url": None,
    }


def test_the_status_endpoint_fails_a_job_whose_worker_died(region, client_of, coordinator):
    job = PdfJob.objects.create(
        kind=PdfJob.Kind.TNO_SUMMARY,
        region=region,
        status=PdfJob.Status.RUNNING,
        started_at=timezone.now() - dt.timedelta(hours=1),
    )

    response = client_of(coordinator).get(
        reverse("pdf:status", kwargs={"pk": job.pk}), headers={"Accept": "application/json"}
    )

    assert response.json()["status"] == "failed"
    assert response.json()["error"].startswith("PDF-tiedoston tekeminen keskeytyi")


def test_the_coordinators_editor_offers_the_tno_summary_and_the_booklet(
    plan, region, client_of, coordinator
):
    page = client_of(coordinator).get(reverse("editor:home", args=[region.slug])).content.decode()

    assert "TNO-foorumin yhteenveto (PDF)" in page
    assert "ELOLIV-vihko (PDF)" in page
    assert f'action="{reverse("pdf:request")}"' in page
    assert 'name="start"' in page


def test_the_good_practices_page_offers_the_booklet_only_to_those_allowed(
    plan, region, client, client_of, coordinator, national_team, editor
):
    url = reverse("actions:good_practice_list", args=[region.slug])

    assert "ELOLIV-vihko (PDF)" not in client.get(url).content.decode()
    assert "ELOLIV-vihko (PDF)" not in client_of(editor).get(url).content.decode()
    assert "ELOLIV-vihko (PDF)" in client_of(coordinator).get(url).content.decode()
    national_page = client_of(national_team).get(url).content.decode()
    assert "ELOLIV-vihko (PDF)" in national_page
    assert "Kaikkien alueiden ELOLIV-vihko (PDF)" in national_page


def test_a_job_of_a_report_that_no_longer_exists_is_hidden(
    region, framework, client_of, national_team
):
    job = finished_job(kind=PdfJob.Kind.ANNUAL_REPORT, region=region, year=2016)
    AnnualReport.objects.filter(region=region, year=2016).delete()

    response = client_of(national_team).get(reverse("pdf:download", kwargs={"pk": job.pk}))

    assert response.status_code == 404
