"""PDFs in the language of whoever asks: a request at /sv/ is built in Swedish (interface,
translated content, Finnish fallbacks marked lang="fi", the PDF's /Lang), a Finnish one in
Finnish, each a job and a file of its own; Swedish text is hyphenated by Swedish rules; the
official record of a report stays Finnish beside its Swedish rendering; and the mail of a
slow PDF links to the PDF in the language it was asked for."""

import datetime as dt
import itertools
import re

import pyphen
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from notices.models import Notice
from portal.rules import ReportAudience
from reporting import pdf
from reporting.documents import render
from reporting.documents.eloliv import prepare_eloliv_booklet
from reporting.documents.national_summary import prepare_national_summary
from reporting.documents.tno import prepare_tno_summary
from reporting.models import AnnualReport, PdfJob, Theme
from tests.factories import (
    ActionFactory,
    CoordinatorFactory,
    EventFactory,
    FocusAreaFactory,
    GoodPracticeFactory,
    UserFactory,
)
from tests.reporting.pdf.conftest import read_pdf

pytestmark = pytest.mark.django_db

#: Long Swedish compounds in a text meant for a narrow column: Swedish breaks them
#: (väg-led-nings-…), and a Finnish or unmarked text would not be broken at all.
SWEDISH_PARAGRAPH = (
    "Vägledningsnätverkssamarbetet stärker utbildningsanordnarnas och "
    "arbetskraftsmyndigheternas gemensamma vägledningstjänster. "
    "Arbetslivsorienteringsperioderna och karriärvägledningsprogrammen utvecklas "
    "tillsammans med regionförvaltningsverkets sakkunniga och Navigatorns "
    "ungdomsvägledningspersonal, så att vägledningsnätverkssamarbetet når alla."
)
SWEDISH_WORDS = re.findall(r"\w{18,}", SWEDISH_PARAGRAPH)


@pytest.fixture
def swedish_plan(region, strategy, kotka):
    """KASELO's plan with a Swedish translation of some of it, and some left Finnish."""
    region.name_sv = "Sydöstra Finland"
    region.save()
    strategy.vision_sv = "Alla i regionen får vägledning när de behöver den."
    strategy.save()
    first = FocusAreaFactory(
        strategy=strategy,
        number=1,
        title="Ohjauspalvelun saavutettavuus",
        title_sv="Vägledningstjänsternas tillgänglighet",
        description="Ohjausverkoston yhteistyö vahvistuu.",
        description_sv=SWEDISH_PARAGRAPH,
    )
    FocusAreaFactory(strategy=strategy, number=5, title="Päätöksentekoon vaikuttaminen")
    ActionFactory(focus_area=first, title="Yhteiset työpajat", title_sv="Gemensamma verkstäder")
    event = EventFactory(
        region=region,
        title="ELO-verkoston kevätkokous",
        title_sv="Vägledningsnätverkets vårmöte",
        starts_on=timezone.localdate() - dt.timedelta(days=30),
    )
    event.organisers.add(kotka)
    return first


def ask_for_tno(client, language, region, capture):
    """POST the request form of the region's TNO summary at the language's address."""
    with translation.override(language):
        url = reverse("pdf:request")
    with capture(execute=True):
        response = client.post(url, {"kind": "tno_summary", "region": region.slug})
    assert response.status_code == 302
    return PdfJob.objects.get(pk=response.url.rstrip("/").split("/")[-1])


def test_a_pdf_asked_for_in_swedish_is_built_in_swedish_and_a_finnish_one_in_finnish(
    swedish_plan,
    region,
    coordinator,
    client_of,
    eager_tasks,
    django_capture_on_commit_callbacks,
):
    client = client_of(coordinator)
    swedish = ask_for_tno(client, "sv", region, django_capture_on_commit_callbacks)
    finnish = ask_for_tno(client, "fi", region, django_capture_on_commit_callbacks)

    assert swedish.pk != finnish.pk
    assert swedish.inputs_hash != finnish.inputs_hash
    assert (swedish.parameters["language"], finnish.parameters["language"]) == ("sv", "fi")
    assert swedish.status == finnish.status == PdfJob.Status.DONE
    assert swedish.file.name != finnish.file.name
    # Offered under a name in its own language, whatever page shows it.
    with translation.override("fi"):
        assert pdf.display_name(swedish).startswith("Sammandrag för TNO-forumet Sydöstra Finland")
        assert pdf.display_name(finnish).startswith("TNO-foorumin yhteenveto Kaakkois-Suomi")

    reader, text = read_pdf(swedish.file.read())
    assert reader.trailer["/Root"]["/Lang"] == "sv"
    for heading in ("Sammandrag för TNO-forumet", "Innehåll", "Fokusområden", "Indikatorer"):
        assert heading in text
    assert "Vägledningstjänsternas tillgänglighet" in text
    assert "Gemensamma verkstäder" in text
    assert "Vägledningsnätverkets vårmöte" in text
    assert "Sydöstra Finland" in text
    assert "Alla i regionen får vägledning" in text
    assert "Ohjauspalvelun saavutettavuus" not in text
    assert "Päätöksentekoon vaikuttaminen" in text  # no translation: the Finnish text

    reader, text = read_pdf(finnish.file.read())
    assert reader.trailer["/Root"]["/Lang"] == "fi"
    for heading in ("TNO-foorumin yhteenveto", "Sisällys", "Painopisteet", "Mittarit"):
        assert heading in text
    assert "Ohjauspalvelun saavutettavuus" in text
    assert "Vägledningstjänsternas tillgänglighet" not in text


def test_a_second_swedish_request_reuses_the_swedish_file_never_the_finnish_one(
    swedish_plan, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    kind = PdfJob.Kind.TNO_SUMMARY
    with django_capture_on_commit_callbacks(execute=True), translation.override("fi"):
        finnish = pdf.request_pdf(kind, region=region, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        swedish = pdf.request_pdf(kind, region=region, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        again = pdf.request_pdf(kind, region=region, user=coordinator)

    assert swedish != finnish
    assert again == swedish

    # A new Swedish translation makes a new Swedish file.
    swedish_plan.title_sv = "Tillgänglig vägledning"
    swedish_plan.save()
    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        renewed = pdf.request_pdf(kind, region=region, user=coordinator)
    assert renewed not in (swedish, finnish)
    renewed.refresh_from_db()
    assert renewed.parameters["language"] == "sv"
    assert "Tillgänglig vägledning" in read_pdf(renewed.file.read())[1]


def test_a_finnish_fallback_in_a_swedish_pdf_is_marked_finnish(swedish_plan, region):
    region.name_sv = ""  # the region's name too: on the cover, in the title, in the metadata
    region.save()
    start, end = dt.date(2000, 1, 1), dt.date(2100, 1, 1)
    with translation.override("sv"):
        html = render(prepare_tno_summary(region, start, end)).html

    assert '<html lang="sv">' in html
    assert '<span lang="fi">Päätöksentekoon vaikuttaminen</span>' in html
    assert '<dd><span lang="fi">Kaakkois-Suomi</span></dd>' in html
    assert '<span lang="fi">Vägledningstjänsternas' not in html
    # No markup inside an attribute or the title.
    assert not re.search(r'="[^"]*<span', html)
    assert "<span" not in re.search(r"<title>(.*?)</title>", html, re.S).group(1)

    with translation.override("fi"):
        finnish = render(prepare_tno_summary(region, start, end)).html
    assert '<html lang="fi">' in finnish
    assert 'lang="fi">' not in finnish.replace('<html lang="fi">', "")


def hyphen_breaks(text):
    """(the part before the hyphen, the whole word) of each long Swedish word the PDF's text
    shows broken with a hyphen at a line's end."""
    breaks = []
    for line, following in itertools.pairwise(text.splitlines()):
        head = re.search(r"(\w+)[-\u2010\u00ad]$", line.rstrip())
        if head:
            whole = head.group(1) + re.match(r"\w*", following.strip()).group(0)
            if whole in SWEDISH_WORDS:
                breaks.append((head.group(1), whole))
    return breaks


def test_swedish_text_is_hyphenated_by_swedish_rules(
    swedish_plan, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        job = pdf.request_pdf(PdfJob.Kind.TNO_SUMMARY, region=region, user=coordinator)
    job.refresh_from_db()
    _reader, text = read_pdf(job.file.read())

    breaks = hyphen_breaks(text)
    assert breaks, text
    # Broken where Swedish breaks the word (pyphen's Swedish dictionary, as WeasyPrint uses).
    swedish = pyphen.Pyphen(lang="sv")
    for head, whole in breaks:
        assert len(head) in swedish.positions(whole), (head, whole)


# --- An annual report: the Finnish record and its Swedish rendering ------------------------


def test_a_submitted_report_asked_for_in_swedish_is_rendered_beside_its_finnish_record(
    framework, region, coordinator, eager_tasks, django_capture_on_commit_callbacks
):
    report = AnnualReport.objects.get(region=region, year=2016)
    AnnualReport.objects.filter(pk=report.pk).update(status=AnnualReport.Status.SUBMITTED)
    region.name_sv = "Sydöstra Finland"
    region.save()
    theme = Theme.objects.filter(reporting_year__year=2016).order_by("number").first()
    theme.title_sv = "Vägledningens strukturer och samarbete"
    theme.save()
    kind = PdfJob.Kind.ANNUAL_REPORT

    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        swedish = pdf.request_pdf(kind, region=region, year=2016, user=coordinator)
    with django_capture_on_commit_callbacks(execute=True), translation.override("fi"):
        finnish = pdf.request_pdf(kind, region=region, year=2016, user=coordinator)
    swedish.refresh_from_db()
    finnish.refresh_from_db()
    report.refresh_from_db()

    # The record is Finnish and stored on the version; the Swedish one is a rendering.
    assert finnish.parameters["official"] is True
    assert finnish.parameters["language"] == "fi"
    assert report.official_pdf.name == finnish.file.name
    assert "official" not in swedish.parameters
    assert swedish.parameters == {"language": "sv", "version": report.version}
    assert swedish.file.name != finnish.file.name

    _reader, text = read_pdf(swedish.file.read())
    assert "Årsrapport 2016" in text
    assert "Sydöstra Finland" in text
    assert "Vägledningens strukturer och samarbete" in text
    _reader, text = read_pdf(finnish.file.read())
    assert "Vuosiraportti 2016" in text
    assert "Vägledningens strukturer" not in text

    # Asked again in Swedish: the same rendering, never the Finnish record.
    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        assert pdf.request_pdf(kind, region=region, year=2016, user=coordinator) == swedish


# --- The mail of a slow PDF ------------------------------------------------------------------


def test_the_mail_of_a_slow_swedish_pdf_is_swedish_and_links_to_the_swedish_pdf(
    swedish_plan, region, eager_tasks, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PDF_NOTICE_AFTER = -1  # every build counts as slow
    person = UserFactory(email="samordnare@kaselo.example", language="sv")
    CoordinatorFactory(user=person, region=region)

    with django_capture_on_commit_callbacks(execute=True), translation.override("sv"):
        job = pdf.request_pdf(PdfJob.Kind.TNO_SUMMARY, region=region, user=person)
    job.refresh_from_db()

    [notice] = Notice.objects.filter(kind="pdf_ready", recipient=person)
    assert notice.link == reverse("pdf:download", kwargs={"pk": job.pk})
    [message] = mail.outbox
    with translation.override("sv"):
        swedish_link = reverse("pdf:download", kwargs={"pk": job.pk})
    assert swedish_link.startswith("/sv/")
    assert swedish_link in message.body
    assert "Sammandrag för TNO-forumet Sydöstra Finland" in message.subject
    assert job.parameters["language"] == "sv"
    assert read_pdf(job.file.read())[0].trailer["/Root"]["/Lang"] == "sv"


# --- The booklet and the national summary read their content in the document's language -----


def test_the_swedish_booklet_shows_practices_and_focus_areas_in_swedish(swedish_plan, region):
    practice = GoodPracticeFactory(
        region=region,
        number=1,
        title="Ohjaamo Kotkan chat-palvelu",
        title_sv="Navigatorn i Kotkas chattjänst",
        description="Nuoret kysyvät chatissa.",
    )
    practice.focus_areas.add(swedish_plan)
    with translation.override("sv"):
        html = render(prepare_eloliv_booklet(region)).html

    assert "Navigatorn i Kotkas chattjänst" in html
    assert "Ohjaamo Kotkan chat-palvelu" not in html
    assert "1. Vägledningstjänsternas tillgänglighet" in html
    # The description has no Swedish yet: its paragraph is marked Finnish.
    assert '<div lang="fi"><p>Nuoret kysyvät chatissa.</p></div>' in html
    assert not re.search(r'="[^"]*<span', html)


def test_the_swedish_national_summary_shows_the_framework_in_swedish(framework, region):
    theme = Theme.objects.filter(reporting_year__year=2016).order_by("number").first()
    theme.title_sv = "Vägledningens strukturer och samarbete"
    theme.save()
    region.name_sv = "Sydöstra Finland"
    region.save()
    with translation.override("sv"):
        html = render(prepare_national_summary(2016, ReportAudience(None))).html

    assert f"{theme.number}. Vägledningens strukturer och samarbete" in html
    assert theme.title not in html
    assert "Sydöstra Finland" in html
    assert not re.search(r'="[^"]*<span', html)


def test_the_swedish_national_summary_page_keeps_markup_out_of_its_attributes(
    framework, national_team, client_of
):
    """The page shares the summary's data with the PDF: its column titles are attributes."""
    with translation.override("sv"):
        url = reverse("reporting:summary", kwargs={"year": 2016})
    html = client_of(national_team).get(url).content.decode()

    assert '<span lang="fi">' in html  # the untranslated framework, marked Finnish
    assert not re.search(r'="[^"]*<span', html)
