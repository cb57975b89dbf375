"""The screen walk: every page each persona reaches, looked at in Chromium at two widths.

The demo data (``load_demo``) with the demo users of ``demo/users.py`` and a few entries
in review (a draft and a submitted guidance action, a draft event, a proposed good practice,
this year's draft report) are walked by five personas: the public visitor, an organisation
editor (Ohjaamo Kotka), an organisation viewer (LUT-yliopisto), the region's coordinator and
the national team, each at 1366 px and at 390 px wide. The pages come from the URL names: the
permission matrix (``tests/test_permission_matrix.py``) lists every private page with who
may open it, and ``PUBLIC_URLS`` every public one; each GET page is reversed here and
walked by every persona the matrix lets open it (``test_the_walk_covers_every_page`` keeps
the list complete). Public pages are walked by the visitor; signed-in personas walk the
region's home page too, to see their own header.

A page fails, with everything found on it reported at once, when:

- **it does not answer as expected** (200, or 403/404 for the error pages walked on purpose),
  or the Content-Security-Policy refused something on it;
- **template syntax shows**: ``document.body.innerText`` contains ``{#``, ``{%``, ``{{``,
  ``#}``, ``%}`` or ``}}``;
- **it scrolls sideways at 390 px**: ``scrollWidth > clientWidth`` of the document;
- **text is squeezed**: a visible element with text of its own (its direct text nodes,
  whitespace collapsed) is narrower than 40 px, checked at 1366 px and at 390 px (where it
  finds a column heading broken mid-word). Left out: own text of at most three characters
  (day numbers, one- or two-digit badges and counts, arrows and other inline icons,
  weekday abbreviations), text that sits on one line of its box (a short word such as
  "Kieli" or "Peru" is short, not squeezed: a squeezed text wraps, its box taller than 1.6
  lines), text inside SVG charts (drawn at the chart's scale), ``.visually-hidden`` text and
  elements not rendered (``checkVisibility()``, empty boxes);
- **it is absurdly tall at 1366 px for what it holds**: the document's ``scrollHeight`` is
  more than ``HEIGHT_FACTOR`` (3) times the height it needs, where
  ``needed = characters of innerText * 192 px² / width of <main>`` (a 16 px body font is
  about 8 px wide a character on 24 px lines, so each character takes 8 * 24 px²) ``+ the
  heights of form controls, images and charts (which hold little text) + 900 px`` (header,
  footer and margins, about one screen). The coordinator's editor at 87,000 px for some
  30,000 characters on a 1,100 px column needed about 7,000 px: twelve times over;
- **a chart's text is small at 390 px**: text of an SVG chart (``<svg viewBox>``) drawn
  smaller than 12 px (its font size times the chart's scale on the screen);
- **axe-core** finds a serious or critical violation (``assert_accessible``): on every
  page at 1366 px, and at 390 px on the visitor's pages and each persona's Omat sivut.
  What changes at 390 px is the header's menu, the same on every page; axe takes half
  the walk's time, so it does not run twice on every page.

The coordinator's editor is also walked for every focus area (``?painopiste=N``) and must be
shorter than 6,000 px at 1366 px.

``SCREEN_WALK_ONLY`` (a regular expression on "<persona> <label>") walks only some pages.
One full-page screenshot per page and width is kept in ``SCREENSHOT_DIR`` (by default
``var/screenshots/``, which git and CI ignore); ``make screenshots`` runs only this walk to
write them for a person to look at. One browser, one context per persona and width, no
sleeps: the walk takes a few minutes on two cores.
"""

import datetime as dt
import os
import re
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from actions.models import GoodPractice
from demo.users import DEMO_PASSWORD, load_demo_users
from events.models import Event, EventSeries
from network.models import ClosedYear, Membership, Organisation, Region
from notices.models import Notice
from portal.review import ReviewStatus
from reporting.models import AnnualReport, PdfJob, ReportingYear, ReportVersion, Theme
from reporting.services import start_report
from reporting.versions import snapshot_of
from strategy.models import (
    Action,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    Project,
    Strategy,
)
from strategy.revisions import start_revision
from tests.browser.conftest import AccessibilityError, sign_in
from tests.factories import (
    EventMaterialFactory,
    GuidanceActionFactory,
    IndicatorValueFactory,
    InvitationFactory,
    ProgressUpdateFactory,
    target_group,
)
from tests.test_permission_matrix import ALLOWED, POST_ONLY, PRIVATE_URLS, PUBLIC_URLS

WIDE, NARROW = 1366, 390
HEIGHTS = {WIDE: 768, NARROW: 844}
TEMPLATE_SYNTAX = ("{#", "{%", "{{", "#}", "%}", "}}")
NARROWEST_TEXT = 40  # px, at 1366
SHORT_TEXT = 3  # characters of own text that may sit in a narrower box
CHARACTER_AREA = 8 * 24  # px² a character of body text takes
PAGE_FRAME = 900  # px of header, footer and margins a page may have beyond its content
HEIGHT_FACTOR = 3
SMALLEST_CHART_TEXT = 12  # px, text of an SVG chart as drawn at 390
EDITOR_HEIGHT_LIMIT = 6_000  # px, the coordinator's editor of any focus area at 1366

# Named URLs that are not pages to look at, and why.
NOT_PAGES = {
    "feeds:region": "an iCalendar file",
    "feeds:organisation": "an iCalendar file",
    "feeds:focus_area": "an iCalendar file",
    "transfer:export": "a CSV or XLSX download",
    "transfer:plan_export": "an XLSX download",
    "transfer:plan_template": "an XLSX download",
    "guidance:attachment": "a file download",
    "events:material_download": "a file download",
    "pdf:download": "a PDF download",
    "reports:version_pdf": "a PDF download",
    "editor:indicator_cell": "a cell of the indicator grid opened in place (without htmx it "
    "leads to the grid's form page, walked as editor:indicator_grid_form)",
    **dict.fromkeys(POST_ONLY, "answers only POST"),
}

# Pages walked with other rows than the matrix names. The walk's submitted report is
# Etelä-Savo's, so that the national team may decide on it; its versions are compared by
# the region's own people, who see Kaakkois-Suomi's report of 2020 in two versions.
WALK_BUILDERS = {"reports:compare": "compared_report"}

# The matrix's column for each persona walked; the viewer (of LUT-yliopisto, not in the
# matrix) reads what any person of the region reads: these pages.
MATRIX_COLUMN = {
    "visitor": "visitor",
    "editor": "editor",
    "coordinator": "coordinator",
    "national_team": "national_team",
}
VIEWER_PAGES = (
    "dashboard",
    "guidance:mine",
    "reports:list",
    "reports:detail",
    "pdf:status",
)
EMAILS = {
    "editor": "toimittaja@kaselo.example",
    "viewer": "lukija@kaselo.example",
    "coordinator": "koordinaattori@kaselo.example",
    "national_team": "valtakunnallinen@elo.example",
}
PERSONAS = ("visitor", "editor", "viewer", "coordinator", "national_team")

MEASURE = """
() => {
  const doc = document.documentElement;
  const text = document.body.innerText;
  const main = document.querySelector("main") || document.body;
  const style = getComputedStyle(main);
  const contentWidth = Math.max(
    200, main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  // Controls, images and charts hold little text for the room they take.
  let furniture = 0;
  for (const element of document.querySelectorAll(
      "input:not([type=hidden]), textarea, select, img, svg, video, iframe, canvas")) {
    if (element.parentElement.closest("svg")) continue;
    if (!element.checkVisibility()) continue;
    furniture += element.getBoundingClientRect().height;
  }
  const narrow = [];
  for (const element of document.body.querySelectorAll("*")) {
    let own = "";
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) own += node.textContent;
    }
    own = own.replace(/\\s+/g, " ").trim();
    if (own.length <= %(short)d) continue;
    if (element.closest("svg, script, style, template, noscript, .visually-hidden")) continue;
    // A table laid out as cards on a phone keeps its header row for screen readers only.
    if (element.closest(".table--cards thead")) continue;
    if (!element.checkVisibility({visibilityProperty: true, opacityProperty: true})) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    // Text on one line in its box is a short word, not squeezed.
    const css = getComputedStyle(element);
    const line = parseFloat(css.lineHeight) || parseFloat(css.fontSize) * 1.2;
    if (box.height < 1.6 * line) continue;
    if (box.width < %(narrowest)d) {
      const name = element.tagName.toLowerCase()
        + (element.className && typeof element.className === "string"
           ? "." + element.className.trim().split(/\\s+/).join(".") : "");
      narrow.push(`${name} ${Math.round(box.width)}px “${own.slice(0, 40)}”`);
    }
  }
  // Text of SVG charts as large as it is drawn on the screen.
  const chartText = [];
  for (const svg of document.querySelectorAll("svg[viewBox]")) {
    const drawn = svg.getBoundingClientRect().width;
    const scale = drawn / svg.viewBox.baseVal.width;
    if (!drawn || !isFinite(scale)) continue;
    for (const text of svg.querySelectorAll("text")) {
      if (!text.textContent.trim()) continue;
      chartText.push(parseFloat(getComputedStyle(text).fontSize) * scale);
    }
  }
  return {
    chartText,
    text,
    scrollWidth: doc.scrollWidth,
    clientWidth: doc.clientWidth,
    height: doc.scrollHeight,
    contentWidth,
    furniture,
    narrow,
  };
}
""" % {"short": SHORT_TEXT, "narrowest": NARROWEST_TEXT}  # noqa: UP031 - braces of JavaScript


@dataclass(frozen=True)
class Visit:
    persona: str
    label: str  # the URL name, or what the page is
    url: str
    status: int = 200
    height_limit: int | None = None  # px at 1366, for pages with a limit of their own


@dataclass
class Objects:
    """The rows each URL name is reversed with, keyed as the permission matrix keys them."""

    kwargs: dict[str, dict]
    focus_area_numbers: list[int]
    public: dict[str, dict]


@pytest.fixture
def walk_data(transactional_db, settings) -> Objects:
    settings.MFA_REQUIRED_FOR_PRIVILEGED = False
    call_command("load_demo", verbosity=0)
    load_demo_users(StringIO())  # load_demo adds them only with DEBUG on
    region = Region.objects.get(slug="kaakkois-suomi")
    strategy = Strategy.objects.get(region=region, is_current=True)
    focus_area = FocusArea.objects.filter(strategy=strategy).order_by("number").first()
    assert focus_area is not None
    kotka = Organisation.objects.get(region=region, name="Ohjaamo Kotka")
    goal = Goal.objects.filter(focus_area=focus_area).first()
    action = Action.objects.filter(focus_area=focus_area).order_by("position").first()
    indicator = Indicator.objects.filter(strategy=strategy).first()
    # The demo has no measured values yet: one, as a coordinator would enter it.
    value = IndicatorValue.objects.filter(indicator=indicator).first() or IndicatorValueFactory(
        indicator=indicator, year=2021, value=42
    )
    assert goal is not None
    assert action is not None
    assert indicator is not None
    assert value is not None
    membership = Membership.objects.get(organisation=kotka, user__email=EMAILS["editor"])
    invitation = InvitationFactory(organisation=kotka, email="uusi.ohjaaja@ohjaamokotka.example")

    draft = GuidanceActionFactory(
        organisation=kotka,
        title="Työnhaun ryhmävalmennus nuorille",
        description=(
            "Viikoittainen ryhmävalmennus 16-29-vuotiaille: työnhaun asiakirjat, "
            "haastatteluharjoitukset ja työnantajavierailut yhdessä TE-palvelujen kanssa."
        ),
    )
    draft.focus_areas.add(focus_area)
    draft.target_groups.add(target_group("nuoret"))
    update = ProgressUpdateFactory(
        action=draft,
        note="Ensimmäinen ryhmä aloitti syyskuussa; kahdeksan osallistujaa.",
        attachment=SimpleUploadedFile("raportti.pdf", b"%PDF-1.4 kokeilu"),
    )
    submitted = GuidanceActionFactory(
        organisation=kotka,
        title="Ohjaamon jalkautuva ohjaus kirjastoissa",
        description="Ohjaajat kirjastoissa kahtena iltapäivänä viikossa.",
        review_status=ReviewStatus.SUBMITTED,
    )
    submitted.focus_areas.add(focus_area)
    # Work that carries out the plan's action: its page lists it with the latest accepted
    # update; the update waiting for review shows in the queue and on the entry's page.
    carrying_out = GuidanceActionFactory(
        organisation=kotka,
        title="Ohjaamon kouluvierailut",
        description="Ohjaajat kertovat Ohjaamon palveluista yläkouluissa.",
        review_status=ReviewStatus.ACCEPTED,
    )
    carrying_out.focus_areas.add(focus_area)
    carrying_out.plan_actions.add(action)
    draft.plan_actions.add(action)
    ProgressUpdateFactory(
        action=carrying_out, date=dt.date(2021, 11, 2), note="Syksyn kierros: kuusi koulua."
    )
    ProgressUpdateFactory(
        action=carrying_out,
        date=dt.date(2022, 1, 10),
        note="Kevään kierros suunniteltu.",
        review_status=ReviewStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    draft_event = Event.objects.create(
        region=region,
        title="Ohjaamon avoimet ovet",
        description="Tutustu Ohjaamon palveluihin ja ohjaajiin.",
        kind=Event.Kind.OTHER,
        starts_on=dt.date(2021, 10, 14),
        ends_on=dt.date(2021, 10, 14),
        review_status=ReviewStatus.DRAFT,
    )
    draft_event.organisers.add(kotka)
    material = EventMaterialFactory(event=draft_event, title="Esittelydiat")
    proposal = GoodPractice.objects.create(
        region=region,
        title="Vertaisohjaajat oppilaitoksissa",
        description="Opiskelijat ohjaavat uusia opiskelijoita koulutettuina vertaisohjaajina.",
        proposed_by=kotka,
        is_published=False,
    )
    returned_proposal = GoodPractice.objects.create(
        region=region,
        title="Työnhakuklinikka kirjastossa",
        description="Ohjaajat neuvovat työnhakijoita kirjastossa kerran viikossa.",
        proposed_by=kotka,
        is_published=False,
        decision=GoodPractice.Decision.RETURNED,
        review_comment="Kertokaa vielä, keitä klinikka on tavoittanut.",
    )
    ReportingYear.objects.get_or_create(year=2021)
    framework_theme = Theme.objects.get(reporting_year__year=2021, number=1)
    coordinator = User.objects.get(email=EMAILS["coordinator"])
    draft_report = start_report(region, 2021, coordinator)
    # Omat sivut lists the coordinator's notices: an unread one with a long title, a read one.
    Notice.objects.create(
        recipient=coordinator,
        kind=Notice.Kind.PRACTICE_PROPOSED,
        event_key="walk:1",
        subject="Hyvää käytäntöä ehdotettu: Ohjaamo-kahvit: matalan kynnyksen ohjausta kahvin "
        "äärellä Kotkan kirjastossa joka toinen tiistai",
        link=reverse("review:queue", kwargs={"region": region.slug}),
    )
    Notice.objects.create(
        recipient=coordinator,
        kind=Notice.Kind.INVITATION_ACCEPTED,
        event_key="walk:2",
        subject="Kutsu hyväksytty: Uusi Ohjaaja",
        link=reverse("people:list", kwargs={"region": region.slug}),
        read_at=dt.datetime(2021, 3, 1, 9, tzinfo=dt.UTC),
    )
    # A draft revision of the plan: the editor's home shows it, its pages publish or discard it.
    start_revision(strategy, "tarkistus 2025", coordinator)
    # Last year's report, returned once and submitted again: two versions to compare.
    ReportingYear.objects.get_or_create(year=2020)
    compared = start_report(region, 2020, coordinator)
    first = snapshot_of(compared)
    first["summary"] = "Verkosto kokoontui kolme kertaa."
    second = {**first, "summary": "Verkosto kokoontui neljä kertaa; TNO-foorumi oli Kotkassa."}
    AnnualReport.objects.filter(pk=compared.pk).update(
        status=AnnualReport.Status.SUBMITTED, version=2
    )
    ReportVersion.objects.create(
        report=compared,
        number=1,
        submitted_at=dt.datetime(2021, 2, 1, 9, tzinfo=dt.UTC),
        snapshot=first,
        returned_at=dt.datetime(2021, 2, 8, 9, tzinfo=dt.UTC),
        return_comment="Kertokaa vielä verkoston kokouksista.",
    )
    ReportVersion.objects.create(
        report=compared,
        number=2,
        submitted_at=dt.datetime(2021, 2, 15, 9, tzinfo=dt.UTC),
        snapshot=second,
    )
    # An entry of a closed 2016 (the demo's 2016 reports are a historical record, which
    # closes no year; an accepted report would): the coordinator may reopen it.
    ClosedYear.objects.get_or_create(region=region, year=2016)
    closed = GuidanceActionFactory(
        organisation=kotka, year=2016, title="Ohjaamon vuoden 2016 kävijät"
    )
    etela_savo = Region.objects.get(slug="etela-savo")
    submitted_report = AnnualReport.objects.create(
        region=etela_savo, year=2021, status=AnnualReport.Status.SUBMITTED
    )
    job = PdfJob.objects.create(
        kind=PdfJob.Kind.TNO_SUMMARY,
        region=region,
        status=PdfJob.Status.DONE,
        progress=100,
        file=SimpleUploadedFile("tno.pdf", b"%PDF-1.4 tno"),
    )

    slug = region.slug
    tno = Event.objects.filter(region=region, title__icontains="TNO-foorumi").first()
    series = EventSeries.objects.filter(region=region).first()
    assert tno is not None
    assert series is not None
    lut = Organisation.objects.get(region=region, name="LUT-yliopisto")
    # A demo project with an event of the seed and its funding line (ESR, amount unknown).
    project = Project.objects.get(region=region, name="Työnhaun Performanssi")
    funding_line = project.funding_lines.first()
    assert funding_line is not None
    kwargs = {
        "project": {"region": slug, "pk": project.pk},
        "funding_line_parent": {"region": slug, "project": project.pk},
        "funding_line": {"region": slug, "pk": funding_line.pk},
        "none": {},
        "organisation": {"region": slug, "slug": kotka.slug},
        "region": {"region": slug},
        "focus_area": {"region": slug, "pk": focus_area.pk},
        "goal_parent": {"region": slug, "focus_area": focus_area.pk},
        "goal": {"region": slug, "pk": goal.pk},
        "action_parent": {"region": slug, "focus_area": focus_area.pk},
        "action": {"region": slug, "pk": action.pk},
        "indicator": {"region": slug, "pk": indicator.pk},
        "value_parent": {"region": slug, "indicator": indicator.pk},
        "indicator_value": {"region": slug, "pk": value.pk},
        "action_history": {"region": slug, "kind": "action", "pk": action.pk},
        "membership": {"region": slug, "pk": membership.pk},
        "invitation": {"region": slug, "pk": invitation.pk},
        "organisation_for_guidance": {"region": slug, "organisation": kotka.slug},
        "draft_action": {"region": slug, "pk": draft.pk},
        "progress_update": {"region": slug, "pk": update.pk},
        "submitted_action": {"region": slug, "kind": "guidance", "pk": submitted.pk},
        "closed_action": {"region": slug, "kind": "guidance", "pk": closed.pk},
        "proposal": {"region": slug, "pk": proposal.pk},
        "returned_proposal": {"region": slug, "pk": returned_proposal.pk},
        "draft_event": {"region": slug, "pk": draft_event.pk},
        "draft_report": {"region": slug, "year": draft_report.year},
        "submitted_report": {"region": etela_savo.slug, "year": submitted_report.year},
        "compared_report": {"region": slug, "year": compared.year},
        "report_to_start": {"region": slug, "year": 2022},
        "year": {"year": 2016},
        # 2021's framework: open, the draft report is not submitted.
        "framework_theme": {"year": 2021, "pk": framework_theme.pk},
        "framework_sub_theme": {"year": 2021, "pk": framework_theme.sub_themes.first().pk},
        "pdf_job": {"pk": job.pk},
        "material": {"region": slug, "pk": material.pk},
        "export": {"region": slug, "dataset": "organisaatiot", "format": "csv"},
        "import": {"region": slug, "dataset": "organisaatiot"},
    }
    public = {
        "strategy:home": {},
        "strategy:region_home": {"region": slug},
        "strategy:focus_area_detail": {"region": slug, "number": focus_area.number},
        "strategy:action_detail": {"region": slug, "pk": action.pk},
        "strategy:version_detail": {"region": slug, "version": strategy.version},
        "strategy:national_strategy": {},
        "network:organisation_list": {"region": slug},
        "network:organisation_detail": {"region": slug, "slug": lut.slug},
        "events:event_list": {"region": slug},
        "events:event_month": {"region": slug, "year": 2021, "month": 5},
        "events:event_detail": {"region": slug, "pk": tno.pk},
        "events:series_detail": {"region": slug, "pk": series.pk},
        "actions:good_practice_list": {"region": slug},
        "accounts:accept_invitation": {"token": invitation.token},
        "guidance:list": {"region": slug},
        "strategy:project_list": {"region": slug},
        "strategy:project_detail": {"region": slug, "pk": project.pk},
    }
    numbers = list(
        FocusArea.objects.filter(strategy=strategy)
        .order_by("number")
        .values_list("number", flat=True)
    )
    return Objects(kwargs=kwargs, focus_area_numbers=numbers, public=public)


def visits(objects: Objects) -> list[Visit]:
    """Every page of every persona, in the order a person would come to them."""
    found = [
        Visit("visitor", name, reverse(name, kwargs=kw)) for name, kw in objects.public.items()
    ]
    found += [
        Visit("visitor", "account_login", reverse("account_login")),
        Visit("visitor", "404", "/kaakkois-suomi/ei-ole-olemassa/", status=404),
        Visit("editor", "403", reverse("editor:home", kwargs={"region": "kaakkois-suomi"}), 403),
    ]
    for persona in PERSONAS:
        if persona == "visitor":
            continue
        home = reverse("strategy:region_home", kwargs=objects.public["strategy:region_home"])
        found.append(Visit(persona, "strategy:region_home", home))
        for name in persona_pages(persona):
            builder, _expected = PRIVATE_URLS[name]
            builder = WALK_BUILDERS.get(name, builder)
            if builder not in objects.kwargs:
                # A page new to the matrix, with objects this walk does not build yet.
                found.append(Visit(persona, name, f"/ei-rivia-{builder}/", status=0))
                continue
            url = reverse(name, kwargs=objects.kwargs[builder])
            if name == "editor:home":
                found.append(
                    Visit(
                        persona,
                        "editor:home?versio=luonnos",
                        f"{url}?versio=luonnos",
                        height_limit=EDITOR_HEIGHT_LIMIT,
                    )
                )
                for number in objects.focus_area_numbers:
                    found.append(
                        Visit(
                            persona,
                            f"editor:home?painopiste={number}",
                            f"{url}?painopiste={number}",
                            height_limit=EDITOR_HEIGHT_LIMIT,
                        )
                    )
                continue
            found.append(Visit(persona, name, url))
    return found


def persona_pages(persona: str) -> list[str]:
    """The private GET pages the persona may open, by the permission matrix."""
    if persona == "viewer":
        return list(VIEWER_PAGES)
    column = MATRIX_COLUMN[persona]
    return [
        name
        for name, (_builder, expected) in PRIVATE_URLS.items()
        if name not in NOT_PAGES and expected[column] == ALLOWED
    ]


def test_the_walk_covers_every_page():
    """Every named URL is walked by somebody or is not a page to look at."""
    walked = set(PUBLIC_URLS) - set(NOT_PAGES)
    for persona in PERSONAS:
        if persona != "visitor":
            walked |= set(persona_pages(persona))
    missing = set(PRIVATE_URLS) | set(PUBLIC_URLS)
    assert missing - walked - set(NOT_PAGES) == set()


def screenshot_dir() -> Path:
    folder = Path(
        os.environ.get("SCREENSHOT_DIR") or Path(django_settings.BASE_DIR) / "var" / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def file_name(visit: Visit, width: int) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", visit.label.lower()).strip("-")
    return f"{visit.persona}-{slug}-{width}.png"


def look_at(page, visit: Visit, width: int, assert_accessible, folder: Path) -> list[str]:
    """Open the page and return everything wrong with it (nothing when it is fine)."""
    faults: list[str] = []
    response = page.goto(visit.url)
    status = response.status if response else None
    if status != visit.status:
        faults.append(f"answered {status}, expected {visit.status}")
    seen = page.evaluate(MEASURE)
    shown = [token for token in TEMPLATE_SYNTAX if token in seen["text"]]
    if shown:
        where = min(seen["text"].find(token) for token in shown)
        faults.append(
            f"template syntax {' '.join(shown)} in the text: "
            f"“{seen['text'][max(0, where - 30) : where + 60]!s}”"
        )
    if width == NARROW and seen["scrollWidth"] > seen["clientWidth"]:
        faults.append(
            f"scrolls sideways: {seen['scrollWidth']} px wide in a {seen['clientWidth']} px window"
        )
    small = [size for size in seen["chartText"] if size < SMALLEST_CHART_TEXT]
    if width == NARROW and small:
        faults.append(
            f"{len(small)} chart labels smaller than {SMALLEST_CHART_TEXT} px "
            f"(the smallest {min(small):.1f} px)"
        )
    if seen["narrow"]:
        faults.append(
            f"{len(seen['narrow'])} text boxes squeezed narrower than {NARROWEST_TEXT} px: "
            + "; ".join(seen["narrow"][:5])
        )
    if width == WIDE:
        needed = (
            len(seen["text"]) * CHARACTER_AREA / seen["contentWidth"]
            + seen["furniture"]
            + PAGE_FRAME
        )
        if seen["height"] > HEIGHT_FACTOR * needed:
            faults.append(
                f"{seen['height']} px tall for {len(seen['text'])} characters on a "
                f"{seen['contentWidth']} px column (needs ~{needed:.0f} px)"
            )
        if visit.height_limit and seen["height"] >= visit.height_limit:
            faults.append(f"{seen['height']} px tall, limit {visit.height_limit} px")
    if width == WIDE or visit.persona == "visitor" or visit.label == "dashboard":
        try:
            assert_accessible(page)
        except AccessibilityError as error:
            faults.append(f"axe: {error}")
    page.screenshot(path=str(folder / file_name(visit, width)), full_page=True)
    return faults


# serialized_rollback: the rows data migrations seed (target groups, channels) survive the
# flush that follows each live-server test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_every_persona_sees_every_page_whole_at_both_widths(
    walk_data, chromium_browser, live_server, assert_accessible
):
    folder = screenshot_dir()
    every = visits(walk_data)
    # SCREEN_WALK_ONLY="coordinator editor:home" walks only the pages it finds in
    # "<persona> <label>" (a regular expression), to look again at a page being mended.
    only = re.compile(os.environ.get("SCREEN_WALK_ONLY", ""))
    states: dict[str, dict] = {}
    report: list[str] = []
    for persona in PERSONAS:
        for width in (WIDE, NARROW):
            context = chromium_browser.new_context(
                base_url=live_server.url,
                locale="fi-FI",
                viewport={"width": width, "height": HEIGHTS[width]},
                storage_state=states.get(persona),
            )
            context.set_default_timeout(15_000)
            page = context.new_page()
            refusals: list[str] = []
            page.on(
                "console",
                lambda message, refusals=refusals: (
                    refusals.append(message.text)
                    if "Content Security Policy" in message.text
                    else None
                ),
            )
            if persona != "visitor" and persona not in states:
                sign_in(page, EMAILS[persona], DEMO_PASSWORD)
                states[persona] = context.storage_state()
            for visit in every:
                if visit.persona != persona or not only.search(f"{persona} {visit.label}"):
                    continue
                refusals.clear()
                faults = look_at(page, visit, width, assert_accessible, folder)
                faults += [f"CSP refused: {text}" for text in refusals]
                if faults:
                    report.append(
                        f"{persona} {visit.label} at {width} px ({visit.url}):\n  - "
                        + "\n  - ".join(faults)
                    )
            context.close()
    assert not report, f"{len(report)} pages look wrong:\n" + "\n".join(report)
