"""Isolation between regions, enforced: a twin of KASELO holds one of every private thing.

The module builds KASELO (Kaakkois-Suomi, as ``tests/conftest.py`` names it) and a twin
region with the same kinds of object: strategy, focus areas, goals, plan actions, projects,
indicators and values, organisations, memberships, invitations, guidance actions with
progress updates and attachments, events (draft, submitted, accepted) with materials and a
series, good practices and proposals, annual reports in each state, and PDF jobs. Every
text of a twin object carries ``MARK``.

KASELO's coordinator (and an editor of one of its organisations) then

- calls every URL that names an object with the twin's ids (under KASELO's slug, and under
  the twin's slug where the URL takes one), by GET and POST: 404, and the twin's rows are
  as they were;
- reads every page, export, calendar feed, review queue and PDF of KASELO: no ``MARK``;
- imports every dataset with rows naming the twin's objects: the twin's rows do not change.

The data is built once for the module inside a transaction rolled back at its end; each test
runs in its own savepoint (pytest-django's ``db``), as in ``tests/network/test_load_demo.py``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from typing import Any

import openpyxl
import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.urls import get_resolver, reverse
from django.utils import timezone

from accounts.models import Invitation
from actions.models import GoodPractice, GuidanceAction, ProgressUpdate
from coordination import transfer
from events.models import Event, EventMaterial, EventSeries
from lib.scoping import own_filters_only
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
from portal.rules import ReportAudience
from reporting.documents.annual_report import prepare_annual_report
from reporting.documents.base import DocumentError, render
from reporting.documents.eloliv import prepare_eloliv_booklet
from reporting.documents.national_summary import prepare_national_summary
from reporting.documents.tno import prepare_tno_summary
from reporting.models import (
    AnnualReport,
    Answer,
    AnswerActivity,
    EntryDeadline,
    PdfJob,
    ReportingYear,
    ReportVersion,
    SentReminder,
)
from strategy.models import (
    Action,
    FocusArea,
    FundingLine,
    Goal,
    Indicator,
    IndicatorValue,
    Project,
    RegionProfile,
    Strategy,
)
from tests.factories import (
    ActionFactory,
    AnnualReportFactory,
    CoordinatorFactory,
    EventFactory,
    EventMaterialFactory,
    EventSeriesFactory,
    FocusAreaFactory,
    FundingLineFactory,
    GoalFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InvitationFactory,
    MembershipFactory,
    OrganisationFactory,
    PdfJobFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    ProvinceFactory,
    RegionFactory,
    RegionProfileFactory,
    StrategyFactory,
    UserFactory,
)
from tests.test_permission_matrix import PRIVATE_URLS, PUBLIC_URLS

pytestmark = pytest.mark.django_db

#: In every text of every twin object, and nowhere in KASELO's data.
MARK = "ZZKAKSONEN"

#: How each region-private model reaches its region: the twin's rows are those under it.
REGION_PATH: dict[type, str] = {
    Province: "region",
    Organisation: "region",
    Membership: "organisation__region",
    Coordinator: "region",
    Invitation: "organisation__region",
    Strategy: "region",
    FocusArea: "strategy__region",
    Goal: "focus_area__strategy__region",
    Action: "focus_area__strategy__region",
    Indicator: "strategy__region",
    IndicatorValue: "indicator__strategy__region",
    Project: "region",
    FundingLine: "project__region",
    RegionProfile: "region",
    GuidanceAction: "organisation__region",
    ProgressUpdate: "action__organisation__region",
    GoodPractice: "region",
    Event: "region",
    EventSeries: "region",
    EventMaterial: "event__region",
    AnnualReport: "region",
    ReportVersion: "report__region",
    AnswerActivity: "answer__report__region",
    PdfJob: "region",
    EntryDeadline: "region",
    SentReminder: "region",
    ClosedYear: "region",
    EntryReopening: "region",
}

#: Models of the portal's apps that belong to no region (or only through the above).
NOT_REGION_PRIVATE = {
    "network.Region": "the regions themselves are public",
    "network.ContentVersion": "a number per region for the page cache's keys, no content",
    "strategy.NationalGoal": "national reference data",
    "strategy.NationalStrategy": "national reference data",
    "strategy.KeyMeasure": "national reference data",
    "actions.TargetGroup": "lookup shared by all regions",
    "actions.GuidanceChannel": "lookup shared by all regions",
    "reporting.ReportingYear": "national reference data",
    "reporting.Theme": "the national reporting framework",
    "reporting.SubTheme": "the national reporting framework",
    "reporting.Level": "the national reporting framework",
    "reporting.LevelActivity": "the national reporting framework",
    "reporting.Answer": "part of an annual report: reached only through its report",
    "notices.Notice": "a person's own: read only by its recipient (``recipient_id``)",
}


def side(region: Region, label: str, media: Any) -> dict[str, Any]:
    """One region's objects of every kind, each text carrying ``label``."""
    province = ProvinceFactory(region=region, name=f"{label} maakunta")
    org = OrganisationFactory(
        region=region, name=f"{label} Ohjaamo", description=f"{label} kuvaus", provinces=[province]
    )
    other_org = OrganisationFactory(region=region, name=f"{label} Yliopisto")
    coordinator = UserFactory(
        email=f"koordinaattori@{region.slug}.example", first_name=f"{label} Koordinaattori"
    )
    CoordinatorFactory(user=coordinator, region=region)
    editor_membership = MembershipFactory(
        organisation=org,
        user=UserFactory(email=f"toimittaja@{region.slug}.example", first_name=f"{label} Eetu"),
        role=Membership.Role.EDITOR,
        title=f"{label} suunnittelija",
    )
    membership = MembershipFactory(
        organisation=other_org,
        user=UserFactory(email=f"jasen@{region.slug}.example", last_name=f"{label} Jäsen"),
        role=Membership.Role.VIEWER,
        title=f"{label} jäsen",
    )
    invitation = InvitationFactory(organisation=org, email=f"kutsu@{region.slug}.example")
    strategy = StrategyFactory(
        region=region, title=f"{label} suunnitelma", vision=f"{label} visio", objectives=label
    )
    focus_area = FocusAreaFactory(
        strategy=strategy, number=1, title=f"{label} painopiste", description=label
    )
    # A draft revision, which only the region's coordinators see (strategy.revisions).
    draft = StrategyFactory(
        region=region, version=2, is_current=False, title=f"{label} luonnos", vision=label
    )
    FocusAreaFactory(strategy=draft, number=1, title=f"{label} luonnoksen painopiste")
    goal = GoalFactory(focus_area=focus_area, title=f"{label} tavoite")
    project = ProjectFactory(region=region, name=f"{label} hanke", description=label)
    action = ActionFactory(
        focus_area=focus_area,
        title=f"{label} toimenpide",
        description=label,
        lead_organisation=org,
    )
    action.goals.add(goal)
    project.actions.add(action)
    project.organisations.add(org)
    funding_line = FundingLineFactory(project=project, note=label)
    profile = RegionProfileFactory(
        region=region, description=label, network_history=label, other_members=label
    )
    profile.member_organisations.add(org)
    indicator = IndicatorFactory(strategy=strategy, title=f"{label} mittari", description=label)
    value = IndicatorValueFactory(indicator=indicator, year=2021, value=42, source=f"{label} lähde")
    IndicatorValueFactory(indicator=indicator, year=2020, value=41, source=f"{label} lähde")
    guidance = {}
    for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED):
        entry = GuidanceActionFactory(
            organisation=org,
            title=f"{label} ohjaus {status}",
            description=label,
            outcomes=label,
            review_status=status,
        )
        entry.focus_areas.add(focus_area)
        entry.plan_actions.add(action)
        guidance[str(status)] = entry
    update = ProgressUpdateFactory(
        action=guidance[ReviewStatus.DRAFT],
        note=f"{label} edistyminen",
        attachment=SimpleUploadedFile("raportti.pdf", b"%PDF-1.4 " + label.encode()),
    )
    accepted_update = ProgressUpdateFactory(
        action=guidance[ReviewStatus.ACCEPTED],
        note=f"{label} julkinen edistyminen",
        attachment=SimpleUploadedFile("julkinen.pdf", b"%PDF-1.4 " + label.encode()),
    )
    submitted_update = ProgressUpdateFactory(
        action=guidance[ReviewStatus.ACCEPTED],
        note=f"{label} odottava edistyminen",
        review_status=ReviewStatus.SUBMITTED,
        submitted_at=timezone.now(),
    )
    series = EventSeriesFactory(region=region, title=f"{label} sarja", description=label)
    events = {}
    for status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED):
        event = EventFactory(
            region=region,
            title=f"{label} tapahtuma {status}",
            description=label,
            place=f"{label} paikka",
            review_status=status,
            series=series,
        )
        event.organisers.add(org)
        event.focus_areas.add(focus_area)
        event.projects.add(project)
        events[str(status)] = event
    material = EventMaterialFactory(
        event=events[ReviewStatus.DRAFT],
        title=f"{label} diat",
        url="",
        file=SimpleUploadedFile("diat.pdf", b"%PDF-1.4 " + label.encode()),
    )
    accepted_material = EventMaterialFactory(
        event=events[ReviewStatus.ACCEPTED],
        title=f"{label} julkiset diat",
        url="",
        file=SimpleUploadedFile("julkiset.pdf", b"%PDF-1.4 " + label.encode()),
    )
    practice = GoodPracticeFactory(region=region, title=f"{label} käytäntö", description=label)
    practice.organisations.add(org)
    proposal = GoodPracticeFactory(
        region=region,
        number=None,
        is_published=False,
        proposed_by=org,
        title=f"{label} ehdotus",
        description=label,
    )
    reports = {
        str(status): AnnualReportFactory(
            region=region, year=year, status=status, summary=f"{label} raportti {status}"
        )
        for year, status in (
            (2021, AnnualReport.Status.DRAFT),
            (2020, AnnualReport.Status.SUBMITTED),
            (2019, AnnualReport.Status.RETURNED),
            (2018, AnnualReport.Status.ACCEPTED),
        )
    }
    # Each report once submitted has its version, with its answers and its PDF.
    for status in ("submitted", "returned", "accepted"):
        ReportVersion.objects.create(
            report=reports[status],
            number=1,
            submitted_at=dt.datetime(2021, 3, 1, 12, tzinfo=dt.UTC),
            snapshot={"format": 1, "summary": f"{label} versio {status}", "themes": []},
            official_pdf=SimpleUploadedFile("versio.pdf", b"%PDF-1.4 " + label.encode()),
            return_comment=f"{label} palautettu" if status == "returned" else "",
            returned_at=dt.datetime(2021, 3, 2, tzinfo=dt.UTC) if status == "returned" else None,
            accepted_at=dt.datetime(2021, 3, 2, tzinfo=dt.UTC) if status == "accepted" else None,
        )
    # An activity the region placed on a rung of the submitted report's first sub-theme.
    year_2020, _created = ReportingYear.objects.get_or_create(year=2020)
    first = year_2020.themes.order_by("number").first().sub_themes.order_by("number").first()
    answer = Answer.objects.create(report=reports["submitted"], sub_theme=first, level=2)
    AnswerActivity.objects.create(answer=answer, level=1, text=f"{label} portaan toiminto")
    # A passed entry deadline: the review queue lists the organisations behind it.
    EntryDeadline.objects.create(region=region, year=2021, due_date=dt.date(2022, 1, 31))
    SentReminder.objects.create(
        step="entries:2021:2022-01-31:before-7", region=region, organisation=org
    )
    # The accepted report's year is closed; one entry reopened with a reason.
    ClosedYear.objects.create(region=region, year=2018)
    EntryReopening.objects.create(
        region=region,
        content_type=ContentType.objects.get_for_model(GuidanceAction),
        object_id=guidance[ReviewStatus.DRAFT].pk,
        year=2018,
        reason=f"{label} avattu",
    )
    jobs = {
        kind: PdfJobFactory(
            region=region, kind=kind, year=2021 if kind == "annual_report" else None
        )
        for kind in (
            PdfJob.Kind.TNO_SUMMARY,
            PdfJob.Kind.ELOLIV_BOOKLET,
            PdfJob.Kind.ANNUAL_REPORT,
        )
    }
    return {
        "region": region,
        "org": org,
        "coordinator": coordinator,
        "editor": editor_membership.user,
        "membership": membership,
        "invitation": invitation,
        "strategy": strategy,
        "draft": draft,
        "focus_area": focus_area,
        "goal": goal,
        "project": project,
        "funding_line": funding_line,
        "profile": profile,
        "action": action,
        "indicator": indicator,
        "value": value,
        "guidance": guidance,
        "update": update,
        "accepted_update": accepted_update,
        "submitted_update": submitted_update,
        "series": series,
        "events": events,
        "material": material,
        "accepted_material": accepted_material,
        "practice": practice,
        "proposal": proposal,
        "reports": reports,
        "jobs": jobs,
    }


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return tmp_path_factory.mktemp("twin-media")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, media):
    """KASELO and its twin, built once for the module and rolled back after it."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(MEDIA_ROOT=media),
    ):
        for year in (2018, 2019, 2020, 2021, 2022):
            ReportingYear.objects.get_or_create(year=year)
        kaselo = RegionFactory(name="Kaakkois-Suomi", slug="kaakkois-suomi", abbreviation="KASELO")
        twin = RegionFactory(name="Kaksosmaa", slug="kaksosmaa", abbreviation="KAKSO")
        k, t = side(kaselo, "Kaselon", media), side(twin, MARK, media)
        # A link across regions no form makes: KASELO's plan action page must still not
        # show the twin's entry.
        t["guidance"][ReviewStatus.ACCEPTED].plan_actions.add(k["action"])
        yield {"k": k, "t": t}
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _files_of_the_world(settings, media):
    # The attachments, materials and PDFs were saved under the module's folder: a download
    # must answer 404 because of whose it is, never because its file is missing.
    settings.MEDIA_ROOT = media


@pytest.fixture(scope="module")
def twin_baseline(world):
    """The twin's rows as built: every test ends with them unchanged (one query set each)."""
    return twin_rows(world["t"])


@pytest.fixture(params=["scoped", "own-filters-only"])
def wall(request):
    """Each twin test runs twice: as the portal runs, behind the region scope (``lib.scoping``),
    and with the scope filtering nothing, so each view's, export's and import's own region
    filter is proved too: a filter dropped from the code fails here although the scope would
    have hidden it. A scope must be entered in both."""
    if request.param == "scoped":
        yield request.param
    else:
        with own_filters_only():
            yield request.param


@pytest.fixture
def k(world, db):
    return world["k"]


@pytest.fixture
def t(world, db):
    return world["t"]


def twin_rows(twin: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Every row of the twin region, with all fields and many-to-many members, by model."""
    region = twin["region"]
    return {
        model._meta.label: serializers.serialize(
            "python", model._default_manager.filter(**{path: region}).order_by("pk")
        )
        for model, path in REGION_PATH.items()
    }


def signed_in(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- 1. The twin's objects by id: 404 ----------------------------------------------------

#: A body that would change the object if a view let it through (unknown keys are ignored).
CHANGE = {
    "title": "MUUTETTU",
    "name": "MUUTETTU",
    "description": "MUUTETTU",
    "note": "MUUTETTU",
    "summary": "MUUTETTU",
    "comment": "MUUTETTU",
    "review_comment": "MUUTETTU",
    "year": "2021",
    "value": "99",
    "status": "done",
    "direction": "up",
    "date": "2021-06-02",
    "starts_on": "2021-05-26",
    "ends_on": "2021-05-26",
    "email": "uusi@example.fi",
    "role": "editor",
    "kind": "tno_summary",
}

Kwargs = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def _twin_ids(
    build: Callable[[dict[str, Any]], dict[str, Any]], tag: str = ""
) -> list[tuple[str, Kwargs]]:
    """The URL with the twin's ids under KASELO's slug, and under the twin's own slug."""
    return [
        (f"kaselo-slug{tag}", lambda k, t: {"region": k["region"].slug, **build(t)}),
        (f"twin-slug{tag}", lambda k, t: {"region": t["region"].slug, **build(t)}),
    ]


def _twin_region(extra: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
    return [("twin-slug", lambda k, t: {"region": t["region"].slug, **(extra(t) if extra else {})})]


def _history(kind: str, key: str) -> list[tuple[str, Kwargs]]:
    return _twin_ids(lambda t: {"kind": kind, "pk": t[key].pk}, tag=f"-{kind}")


def _report(status: str) -> list[tuple[str, Kwargs]]:
    # A report is named by its year within a region: the twin's report is reached under
    # the twin's slug only (KASELO's slug with the same year names KASELO's report).
    return [
        (
            f"twin-slug-{status}",
            lambda k, t: {"region": t["region"].slug, "year": t["reports"][status].year},
        )
    ]


DRAFT, SUBMITTED, ACCEPTED = ReviewStatus.DRAFT, ReviewStatus.SUBMITTED, ReviewStatus.ACCEPTED

#: url name → the ways to name a twin object in it.
TWIN_URLS: dict[str, list[tuple[str, Kwargs]]] = {
    # The coordinator's editor.
    "editor:home": _twin_region(),
    "editor:strategy_edit": _twin_region(),
    "editor:new_revision": _twin_region(),
    "editor:draft_publish": _twin_region(),
    "editor:draft_discard": _twin_region(),
    "editor:focus_area_add": _twin_region(),
    "editor:focus_area_edit": _twin_ids(lambda t: {"pk": t["focus_area"].pk}),
    "editor:focus_area_delete": _twin_ids(lambda t: {"pk": t["focus_area"].pk}),
    "editor:goal_add": _twin_ids(lambda t: {"focus_area": t["focus_area"].pk}),
    "editor:goal_edit": _twin_ids(lambda t: {"pk": t["goal"].pk}),
    "editor:goal_delete": _twin_ids(lambda t: {"pk": t["goal"].pk}),
    "editor:action_add": _twin_ids(lambda t: {"focus_area": t["focus_area"].pk}),
    "editor:action_edit": _twin_ids(lambda t: {"pk": t["action"].pk}),
    "editor:action_delete": _twin_ids(lambda t: {"pk": t["action"].pk}),
    "editor:action_move": _twin_ids(lambda t: {"pk": t["action"].pk}),
    "editor:action_status": _twin_ids(lambda t: {"pk": t["action"].pk}),
    "editor:indicator_add": _twin_region(),
    "editor:indicator_edit": _twin_ids(lambda t: {"pk": t["indicator"].pk}),
    "editor:indicator_delete": _twin_ids(lambda t: {"pk": t["indicator"].pk}),
    "editor:indicator_value_add": _twin_ids(lambda t: {"indicator": t["indicator"].pk}),
    "editor:indicator_value_edit": _twin_ids(lambda t: {"pk": t["value"].pk}),
    "editor:indicator_value_delete": _twin_ids(lambda t: {"pk": t["value"].pk}),
    "editor:indicator_grid": _twin_region(),
    "editor:indicator_grid_form": _twin_region(),
    "editor:indicator_cell": _twin_ids(lambda t: {"indicator": t["indicator"].pk, "year": 2023}),
    "editor:feed": _twin_region(),
    "editor:profile_edit": _twin_region(),
    "editor:project_add": _twin_region(),
    "editor:project_edit": _twin_ids(lambda t: {"pk": t["project"].pk}),
    "editor:project_delete": _twin_ids(lambda t: {"pk": t["project"].pk}),
    "editor:funding_line_add": _twin_ids(lambda t: {"project": t["project"].pk}),
    "editor:funding_line_edit": _twin_ids(lambda t: {"pk": t["funding_line"].pk}),
    "editor:funding_line_delete": _twin_ids(lambda t: {"pk": t["funding_line"].pk}),
    "editor:history": [
        *_history("strategy", "strategy"),
        *_history("focusarea", "focus_area"),
        *_history("goal", "goal"),
        *_history("action", "action"),
        *_history("indicator", "indicator"),
        *_history("indicatorvalue", "value"),
    ],
    "editor:restore": [
        *_history("action", "action"),
        *_history("focusarea", "focus_area"),
    ],
    # With the twin's own record ids too: tests/strategy/test_restore_state.py.
    "editor:restore_state": [
        *_history("strategy", "strategy"),
        *_history("focusarea", "focus_area"),
        *_history("goal", "goal"),
        *_history("action", "action"),
        *_history("indicator", "indicator"),
    ],
    # People.
    "people:list": _twin_region(),
    "people:invite": _twin_region(),
    "people:remove_membership": _twin_ids(lambda t: {"pk": t["membership"].pk}),
    "people:revoke_invitation": _twin_ids(lambda t: {"pk": t["invitation"].pk}),
    "people:resend_invitation": _twin_ids(lambda t: {"pk": t["invitation"].pk}),
    "network:organisation_edit": _twin_ids(lambda t: {"slug": t["org"].slug}),
    # Guidance actions.
    "guidance:mine": _twin_region(),
    "guidance:add": _twin_ids(lambda t: {"organisation": t["org"].slug}),
    "guidance:detail": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:edit": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:delete": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:submit": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:history": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:add_update": _twin_ids(lambda t: {"pk": t["guidance"][DRAFT].pk}),
    "guidance:edit_update": _twin_ids(lambda t: {"pk": t["update"].pk}),
    "guidance:delete_update": _twin_ids(lambda t: {"pk": t["update"].pk}),
    "guidance:attachment": [
        *_twin_ids(lambda t: {"pk": t["update"].pk}),
        # An accepted action's attachment is public, but only under its own region.
        (
            "kaselo-slug-accepted",
            lambda k, t: {"region": k["region"].slug, "pk": t["accepted_update"].pk},
        ),
    ],
    # The review queue.
    "review:queue": _twin_region(),
    "review:accept": [
        *_twin_ids(lambda t: {"kind": "guidance", "pk": t["guidance"][SUBMITTED].pk}, "-guidance"),
        *_twin_ids(lambda t: {"kind": "update", "pk": t["submitted_update"].pk}, "-update"),
        *_twin_ids(lambda t: {"kind": "event", "pk": t["events"][SUBMITTED].pk}, "-event"),
    ],
    "review:return": [
        *_twin_ids(lambda t: {"kind": "guidance", "pk": t["guidance"][SUBMITTED].pk}, "-guidance"),
        *_twin_ids(lambda t: {"kind": "update", "pk": t["submitted_update"].pk}, "-update"),
        *_twin_ids(lambda t: {"kind": "event", "pk": t["events"][SUBMITTED].pk}, "-event"),
    ],
    "review:reopen_entry": [
        *_twin_ids(lambda t: {"kind": "guidance", "pk": t["guidance"][DRAFT].pk}, "-guidance"),
        *_twin_ids(lambda t: {"kind": "event", "pk": t["events"][DRAFT].pk}, "-event"),
        *_twin_ids(lambda t: {"kind": "value", "pk": t["value"].pk}, "-value"),
    ],
    "review:proposal_return": _twin_ids(lambda t: {"pk": t["proposal"].pk}),
    "review:proposal_decline": _twin_ids(lambda t: {"pk": t["proposal"].pk}),
    # Good practices.
    "actions:good_practice_propose": _twin_region(),
    "actions:good_practice_publish": _twin_ids(lambda t: {"pk": t["proposal"].pk}),
    "actions:good_practice_edit": _twin_ids(lambda t: {"pk": t["proposal"].pk}),
    # Imports and exports.
    "transfer:index": _twin_region(),
    "transfer:export": [
        (
            f"twin-slug-{dataset}-{fmt}",
            (lambda d, f: lambda k, t: {"region": t["region"].slug, "dataset": d, "format": f})(
                dataset, fmt
            ),
        )
        for dataset in transfer.DATASETS
        for fmt in transfer.FORMATS
    ],
    "transfer:import": [
        (
            f"twin-slug-{dataset}",
            (lambda d: lambda k, t: {"region": t["region"].slug, "dataset": d})(dataset),
        )
        for dataset in transfer.DATASETS
    ],
    "transfer:plan_export": _twin_region(),
    "transfer:plan_template": _twin_region(),
    "transfer:plan_import": _twin_region(),
    # Events.
    "events:add": _twin_region(),
    "events:edit": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:copy": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:delete": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:submit": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:history": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:material_add": _twin_ids(lambda t: {"pk": t["events"][DRAFT].pk}),
    "events:material_delete": _twin_ids(lambda t: {"pk": t["material"].pk}),
    "events:material_download": [
        *_twin_ids(lambda t: {"pk": t["material"].pk}),
        (
            "kaselo-slug-accepted",
            lambda k, t: {"region": k["region"].slug, "pk": t["accepted_material"].pk},
        ),
    ],
    # Annual reports (the accepted one is public: its detail is read by everybody).
    "reports:list": _twin_region(),
    "reports:detail": [*_report("draft"), *_report("submitted"), *_report("returned")],
    "reports:start": _twin_region(lambda t: {"year": 2022}),
    "reports:entry_deadline": _twin_region(lambda t: {"year": 2021}),
    "reports:edit": [*_report("draft"), *_report("returned")],
    "reports:submit": [*_report("draft"), *_report("returned")],
    "reports:accept": _report("submitted"),
    "reports:return": _report("submitted"),
    # A report's versions are private, an accepted report's included.
    "reports:compare": [*_report("submitted"), *_report("returned"), *_report("accepted")],
    "reports:version_pdf": [
        (
            f"twin-slug-{status}-v1",
            (
                lambda st: (
                    lambda k, t: {
                        "region": t["region"].slug,
                        "year": t["reports"][st].year,
                        "number": 1,
                    }
                )
            )(status),
        )
        for status in ("submitted", "returned", "accepted")
    ],
    # PDF jobs of the twin region.
    "pdf:status": [
        (f"twin-{kind}", (lambda kd: lambda k, t: {"pk": t["jobs"][kd].pk})(kind))
        for kind in (PdfJob.Kind.TNO_SUMMARY, PdfJob.Kind.ELOLIV_BOOKLET, PdfJob.Kind.ANNUAL_REPORT)
    ],
    "pdf:download": [
        (f"twin-{kind}", (lambda kd: lambda k, t: {"pk": t["jobs"][kd].pk})(kind))
        for kind in (PdfJob.Kind.TNO_SUMMARY, PdfJob.Kind.ELOLIV_BOOKLET, PdfJob.Kind.ANNUAL_REPORT)
    ],
    # Public pages that name an object: the twin's, even public, never under KASELO's slug.
    "network:organisation_detail": [
        ("kaselo-slug", lambda k, t: {"region": k["region"].slug, "slug": t["org"].slug})
    ],
    "events:event_detail": [
        (
            f"kaselo-slug-{s}",
            (lambda st: lambda k, t: {"region": k["region"].slug, "pk": t["events"][st].pk})(s),
        )
        for s in (DRAFT, SUBMITTED, ACCEPTED)
    ]
    + [("twin-slug-draft", lambda k, t: {"region": t["region"].slug, "pk": t["events"][DRAFT].pk})],
    "events:series_detail": [
        ("kaselo-slug", lambda k, t: {"region": k["region"].slug, "pk": t["series"].pk})
    ],
    "strategy:project_detail": [
        ("kaselo-slug", lambda k, t: {"region": k["region"].slug, "pk": t["project"].pk})
    ],
    "strategy:action_detail": [
        ("kaselo-slug", lambda k, t: {"region": k["region"].slug, "pk": t["action"].pk})
    ],
    "feeds:organisation": [
        ("kaselo-slug", lambda k, t: {"region": k["region"].slug, "slug": t["org"].slug})
    ],
}

#: URLs that name something, yet take no twin id; why each is safe or tested otherwise.
NOT_BY_TWIN_ID = {
    "strategy:focus_area_detail": "a focus area by its number within the region: KASELO's own "
    "(read for marks below)",
    "strategy:version_detail": "a strategy by its version within the region: KASELO's own",
    "feeds:focus_area": "a focus area by its number within the region: KASELO's own",
    "events:event_month": "a month, not an object: KASELO's month is read for marks below",
    "accounts:accept_invitation": "a secret token, not an id; tested with invitations",
    "reporting:year_edit": "national reference data (the national team only)",
    "reporting:framework": "the national reporting framework (the national team only)",
    "reporting:theme_edit": "the national reporting framework (the national team only)",
    "reporting:sub_theme_edit": "the national reporting framework (the national team only)",
    "reporting:theme_add": "the national reporting framework (the national team only)",
    "reporting:theme_move": "the national reporting framework (the national team only)",
    "reporting:theme_delete": "the national reporting framework (the national team only)",
    "reporting:sub_theme_add": "the national reporting framework (the national team only)",
    "reporting:sub_theme_move": "the national reporting framework (the national team only)",
    "reporting:sub_theme_delete": "the national reporting framework (the national team only)",
    "reporting:summary": "national: reads reports by ReportAudience (PDF checked below)",
    "pdf:request": "creates a job: the twin's region is asked for below",
}

#: Whose answers may be 403 rather than 404: an editor refused by role before the object.
PERSONAS = ("coordinator", "editor")


def editor_works_there(name: str) -> bool:
    """Whether an organisation's editor is let in with KASELO's own object (the matrix's row):
    only there is the editor's answer with the twin's object worth asking."""
    return name in PRIVATE_URLS and PRIVATE_URLS[name][1]["editor"] not in {403, 404, 302}


TWIN_CASES = [
    pytest.param(name, variant, persona, id=f"{name}-{variant}-{persona}")
    for name, variants in TWIN_URLS.items()
    for variant, _kwargs in variants
    for persona in PERSONAS
    if persona == "coordinator" or (variant.startswith("kaselo-slug") and editor_works_there(name))
]


@pytest.mark.parametrize(("name", "variant", "persona"), TWIN_CASES)
def test_the_twins_objects_are_not_found(name, variant, persona, k, t, twin_baseline, wall):
    kwargs = dict(TWIN_URLS[name])[variant](k, t)
    url = reverse(name, kwargs=kwargs)
    client = signed_in(k[persona])

    answers = {
        "GET": client.get(url).status_code,
        "POST": client.post(url, CHANGE).status_code,
    }

    refused = {404, 405} | ({403} if persona == "editor" else set())
    assert set(answers.values()) <= refused, f"{url} as KASELO's {persona}: {answers}"
    # 405 tells nothing of the object, but one of the methods must reach the lookup.
    assert set(answers.values()) != {405}, f"{url}: {answers}"
    assert twin_rows(t) == twin_baseline, f"{url} as KASELO's {persona} changed the twin"


def test_asking_for_the_twins_pdf_is_refused(k, t, twin_baseline, wall):
    client = signed_in(k["coordinator"])
    for kind in (PdfJob.Kind.TNO_SUMMARY, PdfJob.Kind.ELOLIV_BOOKLET):
        response = client.post(reverse("pdf:request"), {"kind": kind, "region": t["region"].slug})
        assert response.status_code in {400, 403, 404}, (kind, response.status_code)
    assert twin_rows(t) == twin_baseline


def url_parameters(name: str) -> set[str]:
    """The parameters of a named URL's own pattern, the region slug left out."""
    namespace, _, short = name.rpartition(":")
    resolver = get_resolver().namespace_dict[namespace][1] if namespace else get_resolver()
    return {
        parameter
        for possibility, *_rest in resolver.reverse_dict.getlist(short)
        for _result, parameters in possibility
        for parameter in parameters
    } - {"region"}


def test_every_url_that_names_an_object_is_tried_with_the_twins():
    names = set(PRIVATE_URLS) | PUBLIC_URLS
    naming = {name for name in names if url_parameters(name)}
    assert "editor:indicator_value_edit" in naming
    assert naming - set(TWIN_URLS) - set(NOT_BY_TWIN_ID) == set()
    # Every private page of a region is also tried under the twin's slug.
    private_regional = {
        name for name in PRIVATE_URLS if name in READ_AS_COORDINATOR or name in TWIN_URLS
    }
    unchecked = {
        name
        for name in PRIVATE_URLS
        if name not in private_regional and name not in NATIONAL_OR_OWN
    }
    assert unchecked == set()
    assert set(TWIN_URLS) <= names


def test_every_region_private_model_has_its_path_to_the_region():
    models = {
        model._meta.label: model
        for app in ("network", "strategy", "actions", "events", "reporting", "accounts", "notices")
        for model in apps.get_app_config(app).get_models()
        if not model.__name__.startswith("Historical")
    }
    unlisted = {
        label
        for label, model in models.items()
        if model not in REGION_PATH and label not in NOT_REGION_PRIVATE
    } - {"accounts.User"}
    assert unlisted == set()


# --- 2. What KASELO's people read in KASELO: no mark of the twin --------------------------


def _read(name: str, build: Callable[[dict[str, Any]], dict[str, Any]] | None = None):
    return name, (lambda k: {"region": k["region"].slug, **(build(k) if build else {})})


READ_AS_COORDINATOR: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = dict(
    [
        _read("editor:home"),
        _read("editor:strategy_edit"),
        _read("editor:new_revision"),
        _read("editor:draft_publish"),
        _read("editor:draft_discard"),
        _read("editor:focus_area_add"),
        _read("editor:focus_area_edit", lambda k: {"pk": k["focus_area"].pk}),
        _read("editor:goal_add", lambda k: {"focus_area": k["focus_area"].pk}),
        _read("editor:goal_edit", lambda k: {"pk": k["goal"].pk}),
        _read("editor:action_add", lambda k: {"focus_area": k["focus_area"].pk}),
        _read("editor:action_edit", lambda k: {"pk": k["action"].pk}),
        _read("editor:indicator_add"),
        _read("editor:indicator_edit", lambda k: {"pk": k["indicator"].pk}),
        _read("editor:indicator_value_add", lambda k: {"indicator": k["indicator"].pk}),
        _read("editor:indicator_value_edit", lambda k: {"pk": k["value"].pk}),
        _read("editor:indicator_grid"),
        _read("editor:indicator_grid_form"),
        _read("editor:feed"),
        _read("editor:profile_edit"),
        _read("editor:project_add"),
        _read("editor:project_edit", lambda k: {"pk": k["project"].pk}),
        _read("editor:project_delete", lambda k: {"pk": k["project"].pk}),
        _read("editor:funding_line_add", lambda k: {"project": k["project"].pk}),
        _read("editor:funding_line_edit", lambda k: {"pk": k["funding_line"].pk}),
        _read("editor:funding_line_delete", lambda k: {"pk": k["funding_line"].pk}),
        _read("strategy:project_list"),
        _read("strategy:project_detail", lambda k: {"pk": k["project"].pk}),
        _read("editor:unreported_actions"),
        _read("editor:history", lambda k: {"kind": "action", "pk": k["action"].pk}),
        _read("people:list"),
        _read("people:invite"),
        _read("network:organisation_list"),
        _read("network:organisation_detail", lambda k: {"slug": k["org"].slug}),
        _read("network:organisation_edit", lambda k: {"slug": k["org"].slug}),
        _read("guidance:list"),
        _read("guidance:mine"),
        _read("guidance:add", lambda k: {"organisation": k["org"].slug}),
        _read("guidance:detail", lambda k: {"pk": k["guidance"][DRAFT].pk}),
        _read("guidance:edit", lambda k: {"pk": k["guidance"][DRAFT].pk}),
        _read("guidance:add_update", lambda k: {"pk": k["guidance"][DRAFT].pk}),
        _read("review:queue"),
        _read("actions:good_practice_list"),
        _read("actions:good_practice_propose"),
        _read("transfer:index"),
        _read("events:event_list"),
        _read("events:event_month", lambda k: {"year": 2021, "month": 5}),
        _read("events:event_detail", lambda k: {"pk": k["events"][ACCEPTED].pk}),
        _read("events:series_detail", lambda k: {"pk": k["series"].pk}),
        _read("events:add"),
        _read("events:edit", lambda k: {"pk": k["events"][DRAFT].pk}),
        _read("events:material_add", lambda k: {"pk": k["events"][DRAFT].pk}),
        _read("reports:list"),
        _read("reports:entry_deadline", lambda k: {"year": 2021}),
        _read("reports:detail", lambda k: {"year": 2021}),
        _read("reports:edit", lambda k: {"year": 2021}),
        _read("reports:compare", lambda k: {"year": 2020}),
        _read("strategy:region_home"),
        _read("strategy:focus_area_detail", lambda k: {"number": 1}),
        _read("strategy:action_detail", lambda k: {"pk": k["action"].pk}),
        _read("strategy:version_detail", lambda k: {"version": 1}),
        _read("strategy:compare_versions"),
        _read("feeds:region"),
        _read("feeds:organisation", lambda k: {"slug": k["org"].slug}),
        _read("feeds:focus_area", lambda k: {"number": 1}),
    ]
)

#: Private pages outside a region's data, or a person's own: not read for marks.
NATIONAL_OR_OWN = {
    "dashboard": "read for marks below (the person's own page)",
    "accounts:language": "the person's own language, no object of a region",
    "notices:mark_all_read": "the person's own notices (recipient = the person), no region",
    "reporting:index": "national page: reports by ReportAudience",
    "national:home": "national page: reports by ReportAudience",
    "reporting:year_edit": "national reference data",
    "reporting:framework": "the national reporting framework",
    "reporting:theme_edit": "the national reporting framework",
    "reporting:sub_theme_edit": "the national reporting framework",
    "reporting:theme_add": "the national reporting framework",
    "reporting:theme_move": "the national reporting framework",
    "reporting:theme_delete": "the national reporting framework",
    "reporting:sub_theme_add": "the national reporting framework",
    "reporting:sub_theme_move": "the national reporting framework",
    "reporting:sub_theme_delete": "the national reporting framework",
    "reporting:summary": "national page: reports by ReportAudience",
    "pdf:request": "tried with the twin's region above",
}


READ_CASES = [
    pytest.param(name, persona, id=f"{name}-{persona}")
    for name in [*READ_AS_COORDINATOR, "dashboard"]
    for persona in PERSONAS
    if persona == "coordinator" or editor_works_there(name)
]


@pytest.mark.parametrize(("name", "persona"), READ_CASES)
def test_kaselos_pages_show_nothing_of_the_twin(name, persona, k, t, wall):
    kwargs = {} if name == "dashboard" else READ_AS_COORDINATOR[name](k)
    url = reverse(name, kwargs=kwargs)

    response = signed_in(k[persona]).get(url)

    if persona == "coordinator":
        assert response.status_code == 200, f"{url}: {response.status_code}"
    assert response.status_code in {200, 403}, f"{url} as {persona}: {response.status_code}"
    assert MARK not in response.content.decode(), f"{url} as KASELO's {persona} shows the twin"


@pytest.mark.parametrize("fmt", transfer.FORMATS)
@pytest.mark.parametrize("dataset", list(transfer.DATASETS))
def test_kaselos_exports_hold_nothing_of_the_twin(dataset, fmt, k, t, wall):
    url = reverse(
        "transfer:export", kwargs={"region": k["region"].slug, "dataset": dataset, "format": fmt}
    )

    response = signed_in(k["coordinator"]).get(url)

    assert response.status_code == 200
    content = b"".join(response) if response.streaming else response.content
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
        text = "\n".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)
    else:
        text = content.decode("utf-8-sig")
    assert text.count("\n") >= 1, "the export holds KASELO's rows"
    assert MARK not in text, f"{dataset}.{fmt} of KASELO holds the twin's rows"


def test_kaselos_plan_workbook_holds_nothing_of_the_twin(k, t, wall):
    url = reverse("transfer:plan_export", kwargs={"region": k["region"].slug})

    response = signed_in(k["coordinator"]).get(url)

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    text = "\n".join(
        str(cell)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
    )
    assert text.count("\n") > 5, "the workbook holds KASELO's plan"
    assert MARK not in text, "KASELO's plan workbook holds the twin's rows"


def test_kaselos_pdfs_hold_nothing_of_the_twin(k, t):
    kaselo = k["region"]
    documents = {
        "tno": prepare_tno_summary(kaselo, dt.date(2018, 1, 1), dt.date(2022, 12, 31)),
        "eloliv": prepare_eloliv_booklet(kaselo),
        "annual report": prepare_annual_report(k["reports"][AnnualReport.Status.DRAFT]),
    }
    for name, prepared in documents.items():
        assert MARK not in render(prepared).html, f"KASELO's {name} PDF shows the twin"


def test_the_national_summary_shows_a_coordinator_no_unaccepted_report_of_the_twin(k, t):
    audience = ReportAudience(frozenset({k["region"].pk}))
    for status, report in t["reports"].items():
        if status == AnnualReport.Status.ACCEPTED:
            continue  # accepted reports are public
        try:
            html = render(prepare_national_summary(report.year, audience)).html
        except DocumentError:
            continue  # no report of the year for this audience: nothing shown at all
        assert report.summary not in html, f"the twin's {status} report"


# --- 3. Imports naming the twin's objects: the twin's rows stay -------------------------


def _twin_file(t: dict[str, Any], dataset: str) -> SimpleUploadedFile:
    """The twin's rows in the import format, every marked text outside the key changed."""
    resource = transfer.get_dataset(dataset).resource(t["region"])
    headers, rows = transfer.export_rows(t["region"], dataset)
    keys = {resource.fields[field].column_name for field in resource._meta.import_id_fields}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    rows = list(rows)
    assert rows, f"the twin has rows of {dataset}"
    for row in rows:
        writer.writerow(
            [
                f"{cell} MUUTETTU" if header not in keys and MARK in str(cell) else cell
                for header, cell in zip(headers, row, strict=True)
            ]
        )
    return SimpleUploadedFile(f"{dataset}.csv", out.getvalue().encode(), "text/csv")


@pytest.mark.parametrize("dataset", list(transfer.DATASETS))
def test_importing_the_twins_keys_into_kaselo_leaves_the_twin_as_it_was(
    dataset, k, t, twin_baseline, wall
):
    file = _twin_file(t, dataset)

    transfer.run_import(k["region"], dataset, file, user=k["coordinator"])

    assert twin_rows(t) == twin_baseline
