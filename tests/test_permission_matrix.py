"""Who may open which private page: one table of (URL, method, persona) → answer.

Every named URL of the portal's private namespaces must have a row: a new URL without
one fails ``test_every_url_is_either_public_or_has_a_row``. Outsiders (no role in the
region) get 404, so private objects of others stay invisible; weak roles get 403; visitors
are sent to sign in. Whoever is allowed in gets the page (200) on a GET, and on a POST with
an empty body the form again with its errors (200) or a redirect to the page the URL's row
names: never "some redirect", so a page that sends everyone away fails.
"""

from urllib.parse import urlparse

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import Resolver404, get_resolver, resolve, reverse

from actions.models import GoodPractice
from portal.review import ReviewStatus
from reporting.models import AnnualReport, PdfJob, ReportingYear, ReportVersion, SubTheme, Theme
from tests.factories import (
    ActionFactory,
    ClosedYearFactory,
    EventFactory,
    EventMaterialFactory,
    FundingLineFactory,
    GoalFactory,
    GoodPracticeFactory,
    GuidanceActionFactory,
    IndicatorFactory,
    IndicatorValueFactory,
    InvitationFactory,
    MembershipFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    StrategyFactory,
)
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


# What a person is answered: a status code, or the name of the view a redirect goes to.
SIGN_IN = "account_login"
# Let in: the page (200) on a GET, on a POST the answer of the URL in POST_ANSWERS.
ALLOWED = "allowed"


def row(*statuses):
    """Expected answers in the order of PERSONAS."""
    return dict(zip(PERSONAS, statuses, strict=True))


# The coordinator's editor and people management: the region's coordinator only.
PLAN_EDIT = row(SIGN_IN, 403, 403, 404, ALLOWED, 404, 403)
# Change history: the coordinator and the national team read it.
HISTORY = row(SIGN_IN, 403, 403, 404, ALLOWED, 404, ALLOWED)
# An organisation's profile: its editors and the region's coordinator.
ORGANISATION_EDIT = row(SIGN_IN, ALLOWED, 403, 404, ALLOWED, 404, 403)
# Logging for an organisation (Ohjaamo Kotka): its editors and the region's coordinator.
LOG = row(SIGN_IN, ALLOWED, 403, 404, ALLOWED, 404, 403)
# A draft entry of Kotka: hidden (404) from all but its people, the coordinator and the
# national team, so nobody outside learns it exists.
VIEW_DRAFT = row(404, ALLOWED, 404, 404, ALLOWED, 404, ALLOWED)
# The organisation workspace: anyone with a role in the region, and the national team.
WORKSPACE = row(SIGN_IN, ALLOWED, ALLOWED, 404, ALLOWED, 404, ALLOWED)
# Proposing a good practice: an editor of any organisation of the region.
PROPOSE = row(SIGN_IN, ALLOWED, ALLOWED, 404, ALLOWED, 404, 403)
# Changing an event organised by Kotka.
EVENT_CHANGE = LOG
# Logging a new event: an editor of any organisation of the region logs for their own.
EVENT_ADD = row(SIGN_IN, ALLOWED, ALLOWED, 404, ALLOWED, 404, 403)
# A region's annual reports: its people and the national team read drafts.
REGION_READ = row(SIGN_IN, ALLOWED, ALLOWED, 404, ALLOWED, 404, ALLOWED)
# The national team accepts or returns a submitted report.
NATIONAL_REVIEW = row(SIGN_IN, 403, 403, 404, 403, 404, ALLOWED)
# National pages: the national team and coordinators of any region.
SUMMARY_READ = row(SIGN_IN, 404, 404, 404, ALLOWED, ALLOWED, ALLOWED)
# Reporting years and due dates: the national team only.
YEARS = row(SIGN_IN, 404, 404, 404, 404, 404, ALLOWED)
# Asking for a region's TNO summary PDF: its coordinator and the national team.
PDF_REQUEST = row(SIGN_IN, 403, 403, 404, ALLOWED, 404, ALLOWED)
# A KASELO PDF job: the region's people and the national team; others never learn of it.
PDF_JOB = row(404, ALLOWED, ALLOWED, 404, ALLOWED, 404, ALLOWED)
# A signed-in person's own page.
OWN = row(SIGN_IN, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED, ALLOWED)

# url name → (kwargs builder name, expected by persona)
PRIVATE_URLS = {
    "editor:home": ("region", PLAN_EDIT),
    "editor:strategy_edit": ("region", PLAN_EDIT),
    "editor:new_revision": ("region", PLAN_EDIT),
    "editor:draft_publish": ("region", PLAN_EDIT),
    "editor:draft_discard": ("region", PLAN_EDIT),
    "editor:focus_area_add": ("region", PLAN_EDIT),
    "editor:focus_area_edit": ("focus_area", PLAN_EDIT),
    "editor:focus_area_delete": ("focus_area", PLAN_EDIT),
    "editor:goal_add": ("goal_parent", PLAN_EDIT),
    "editor:goal_edit": ("goal", PLAN_EDIT),
    "editor:goal_delete": ("goal", PLAN_EDIT),
    "editor:action_add": ("action_parent", PLAN_EDIT),
    "editor:action_edit": ("action", PLAN_EDIT),
    "editor:action_delete": ("action", PLAN_EDIT),
    "editor:action_move": ("action", PLAN_EDIT),
    "editor:action_status": ("action", PLAN_EDIT),
    "editor:indicator_add": ("region", PLAN_EDIT),
    "editor:indicator_edit": ("indicator", PLAN_EDIT),
    "editor:indicator_delete": ("indicator", PLAN_EDIT),
    "editor:indicator_value_add": ("value_parent", PLAN_EDIT),
    "editor:indicator_value_edit": ("indicator_value", PLAN_EDIT),
    "editor:indicator_value_delete": ("indicator_value", PLAN_EDIT),
    "editor:indicator_grid": ("region", PLAN_EDIT),
    "editor:indicator_grid_form": ("region", PLAN_EDIT),
    "editor:indicator_cell": ("indicator_cell", PLAN_EDIT),
    "editor:feed": ("region", HISTORY),
    "editor:unreported_actions": ("region", PLAN_EDIT),
    "editor:history": ("action_history", HISTORY),
    "editor:restore": ("action_history", PLAN_EDIT),
    "editor:restore_state": ("action_history", PLAN_EDIT),
    "editor:profile_edit": ("region", PLAN_EDIT),
    "editor:project_add": ("region", PLAN_EDIT),
    "editor:project_edit": ("project", PLAN_EDIT),
    "editor:project_delete": ("project", PLAN_EDIT),
    "editor:funding_line_add": ("funding_line_parent", PLAN_EDIT),
    "editor:funding_line_edit": ("funding_line", PLAN_EDIT),
    "editor:funding_line_delete": ("funding_line", PLAN_EDIT),
    "people:list": ("region", PLAN_EDIT),
    "people:invite": ("region", PLAN_EDIT),
    "people:remove_membership": ("membership", PLAN_EDIT),
    "people:revoke_invitation": ("invitation", PLAN_EDIT),
    "people:resend_invitation": ("invitation", PLAN_EDIT),
    "dashboard": ("none", OWN),
    "accounts:language": ("none", OWN),
    "notices:mark_all_read": ("none", OWN),
    "network:organisation_edit": ("organisation", ORGANISATION_EDIT),
    "guidance:mine": ("region", WORKSPACE),
    "guidance:add": ("organisation_for_guidance", LOG),
    "guidance:detail": ("draft_action", VIEW_DRAFT),
    "guidance:edit": ("draft_action", LOG),
    "guidance:delete": ("draft_action", LOG),
    "guidance:submit": ("draft_action", LOG),
    "guidance:history": ("draft_action", LOG),
    "guidance:add_update": ("draft_action", LOG),
    "guidance:edit_update": ("progress_update", LOG),
    "guidance:delete_update": ("progress_update", LOG),
    "guidance:attachment": ("progress_update", VIEW_DRAFT),
    "review:queue": ("region", PLAN_EDIT),
    "review:accept": ("submitted_action", PLAN_EDIT),
    "review:return": ("submitted_action", PLAN_EDIT),
    # Reopening one entry of a closed year: the coordinator's.
    "review:reopen_entry": ("closed_action", PLAN_EDIT),
    "actions:good_practice_propose": ("region", PROPOSE),
    "actions:good_practice_publish": ("proposal", PLAN_EDIT),
    # Only a returned proposal can be changed: any other redirects everyone away.
    "actions:good_practice_edit": ("returned_proposal", LOG),
    "review:proposal_return": ("proposal", PLAN_EDIT),
    "review:proposal_decline": ("proposal", PLAN_EDIT),
    "transfer:index": ("region", PLAN_EDIT),
    "transfer:export": ("export", PLAN_EDIT),
    "transfer:import": ("import", PLAN_EDIT),
    "transfer:plan_export": ("region", PLAN_EDIT),
    "transfer:plan_template": ("region", PLAN_EDIT),
    "transfer:plan_import": ("region", PLAN_EDIT),
    "events:add": ("region", EVENT_ADD),
    "events:edit": ("draft_event", EVENT_CHANGE),
    "events:copy": ("draft_event", EVENT_CHANGE),
    "events:delete": ("draft_event", EVENT_CHANGE),
    "events:submit": ("draft_event", EVENT_CHANGE),
    "events:history": ("draft_event", EVENT_CHANGE),
    "events:material_add": ("draft_event", EVENT_CHANGE),
    "events:material_delete": ("material", EVENT_CHANGE),
    "events:material_download": ("material", VIEW_DRAFT),
    "reports:list": ("region", REGION_READ),
    "reports:detail": ("draft_report", REGION_READ),
    "reports:start": ("report_to_start", PLAN_EDIT),
    "reports:entry_deadline": ("draft_report", PLAN_EDIT),
    "reports:edit": ("draft_report", PLAN_EDIT),
    "reports:submit": ("draft_report", PLAN_EDIT),
    "reports:accept": ("submitted_report", NATIONAL_REVIEW),
    "reports:return": ("submitted_report", NATIONAL_REVIEW),
    "reports:compare": ("submitted_report", REGION_READ),
    "reports:version_pdf": ("report_version", REGION_READ),
    "reporting:index": ("none", SUMMARY_READ),
    "national:home": ("none", SUMMARY_READ),
    "reporting:year_edit": ("year", YEARS),
    "reporting:framework": ("year", YEARS),
    "reporting:theme_edit": ("framework_theme", YEARS),
    "reporting:sub_theme_edit": ("framework_sub_theme", YEARS),
    "reporting:theme_add": ("year", YEARS),
    "reporting:theme_move": ("framework_theme", YEARS),
    "reporting:theme_delete": ("framework_theme", YEARS),
    "reporting:sub_theme_add": ("framework_theme", YEARS),
    "reporting:sub_theme_move": ("framework_sub_theme", YEARS),
    "reporting:sub_theme_delete": ("framework_sub_theme", YEARS),
    "reporting:summary": ("year", SUMMARY_READ),
    "pdf:request": ("none", PDF_REQUEST),
    "pdf:status": ("pdf_job", PDF_JOB),
    "pdf:download": ("pdf_job", PDF_JOB),
}

# The body a POST sends, where an empty one would stop at validation before permission.
POST_DATA = {"pdf:request": {"kind": "tno_summary", "region": "kaakkois-suomi"}}

# Views that answer only one method: the other gets 405 for those allowed in.
POST_ONLY = {
    "editor:action_move",
    "editor:restore",
    "editor:restore_state",
    "editor:action_status",
    "guidance:submit",
    "events:submit",
    "reports:start",
    "reports:accept",
    "pdf:request",
    "review:accept",
    "actions:good_practice_publish",
    "review:proposal_decline",
    "people:resend_invitation",
    "accounts:language",
    "notices:mark_all_read",
    "reporting:theme_move",
    "reporting:sub_theme_move",
}
# Views that check the method before the object: the other method answers 405 to
# everyone and tells nothing of the object (readable pages of entries, PDF jobs).
METHOD_FIRST = {
    "guidance:detail": "post",
    "guidance:attachment": "post",
    "events:material_download": "post",
    "reports:detail": "post",
    "pdf:status": "post",
    "pdf:download": "post",
    "pdf:request": "get",
}
GET_ONLY = {
    "editor:home",
    "editor:unreported_actions",
    "editor:indicator_grid",
    "editor:feed",
    "editor:history",
    "people:list",
    "dashboard",
    "guidance:mine",
    "guidance:detail",
    "guidance:history",
    "events:history",
    "guidance:attachment",
    "events:material_download",
    "review:queue",
    "reports:list",
    "reports:detail",
    "reports:compare",
    "reports:version_pdf",
    "reporting:index",
    "national:home",
    "reporting:summary",
    "reporting:framework",
    "pdf:status",
    "pdf:download",
    "transfer:index",
    "transfer:export",
    "transfer:plan_export",
    "transfer:plan_template",
}


# An allowed GET answers the page (200), except these, which redirect by design (none
# today: the POST-only views answer 405, see POST_ONLY).
GET_ANSWERS: dict[str, int | str] = {
    # Without htmx a cell's link leads to the grid's form page, at the cell.
    "editor:indicator_cell": "editor:indicator_grid_form",
}

# An allowed POST with an empty body (or POST_DATA) answers the form again with its errors
# (200), except these: a redirect to the named view, or 400 for a button-only view whose
# empty body is malformed.
POST_ANSWERS: dict[str, int | str] = {
    # Confirmed deletions go back to the page that listed the object.
    "editor:focus_area_delete": "editor:home",
    "editor:goal_delete": "editor:home",
    "editor:action_delete": "editor:home",
    "editor:indicator_delete": "editor:home",
    "editor:indicator_value_delete": "editor:home",
    "editor:project_delete": "strategy:project_list",
    "editor:funding_line_delete": "strategy:project_detail",
    # Every field of the profile is optional (blank is "not known"): the page of the region.
    "editor:profile_edit": "strategy:region_home",
    # An empty grid or cell changes nothing: back to the grid.
    "editor:indicator_grid_form": "editor:indicator_grid",
    "editor:indicator_cell": "editor:indicator_grid",
    # A discarded draft leaves the coordinator on the overview of the current version.
    "editor:draft_discard": "editor:home",
    "people:remove_membership": "people:list",
    "people:revoke_invitation": "people:list",
    # A confirmed delete of a framework's row goes back to the year's framework; a move
    # button without up or down is malformed.
    "reporting:theme_delete": "reporting:framework",
    "reporting:sub_theme_delete": "reporting:framework",
    "reporting:theme_move": 400,
    "reporting:sub_theme_move": 400,
    "people:resend_invitation": "people:list",
    # The person's own language (an empty choice is refused with a message) and marking
    # their notices read: back to Omat sivut.
    "accounts:language": "dashboard",
    "notices:mark_all_read": "dashboard",
    "guidance:delete": "guidance:mine",
    "guidance:delete_update": "guidance:detail",
    "events:delete": "events:event_list",
    "events:material_delete": "events:event_detail",
    # Buttons without a form: the action is done (or refused with a message) and the
    # person is back where the button was.
    "guidance:submit": "guidance:detail",
    "events:submit": "events:event_detail",
    "review:accept": "review:queue",
    "review:proposal_decline": "review:queue",
    "actions:good_practice_publish": "review:queue",
    "reports:start": "reports:edit",
    "reports:accept": "reports:detail",
    "pdf:request": "pdf:status",
    # Restoring what exists is refused with a message on its history page.
    "editor:restore": "editor:history",
    # A restore of an earlier state names the record: an empty body is malformed.
    "editor:restore_state": 400,
    # Buttons whose empty body names no direction or status: malformed, not a server error.
    "editor:action_move": 400,
    "editor:action_status": 400,
    # Every answer of a report is optional: an empty form saves the draft.
    "reports:edit": "reports:detail",
    # An incomplete report is refused with a message on the confirmation page itself.
    "reports:submit": "reports:submit",
    # An empty entry deadline removes it (none here): back to the region's reports.
    "reports:entry_deadline": "reports:list",
    # A reporting year's due date and instructions are both optional.
    "reporting:year_edit": "reporting:index",
}


@pytest.fixture
def plan(strategy, focus_area, kotka):
    goal = GoalFactory(focus_area=focus_area)
    action = ActionFactory(focus_area=focus_area, lead_organisation=kotka)
    indicator = IndicatorFactory(strategy=strategy)
    value = IndicatorValueFactory(indicator=indicator, year=2021)
    # The draft revision the draft's pages (publish, discard) work on.
    StrategyFactory(region=strategy.region, version=2, is_current=False)
    membership = MembershipFactory(organisation=kotka, user__email="jasen@kaselo.example")
    invitation = InvitationFactory(organisation=kotka)
    draft = GuidanceActionFactory(organisation=kotka)
    update = ProgressUpdateFactory(
        action=draft, attachment=SimpleUploadedFile("raportti.pdf", b"%PDF-1.4 kokeilu")
    )
    submitted = GuidanceActionFactory(organisation=kotka, review_status=ReviewStatus.SUBMITTED)
    # An entry of a closed year (its report accepted), which the coordinator may reopen.
    ClosedYearFactory(region=strategy.region, year=2019)
    closed = GuidanceActionFactory(organisation=kotka, year=2019)
    draft_event = EventFactory(region=strategy.region, review_status=ReviewStatus.DRAFT)
    draft_event.organisers.add(kotka)
    material = EventMaterialFactory(
        event=draft_event, url="", file=SimpleUploadedFile("diat.pdf", b"%PDF-1.4 diat")
    )
    year_2021 = ReportingYear.objects.create(year=2021)
    ReportingYear.objects.create(year=2022)
    theme = Theme.objects.filter(reporting_year=year_2021).first()
    sub_theme = SubTheme.objects.filter(theme=theme).first()
    draft_report = AnnualReport.objects.create(region=strategy.region, year=2021)
    submitted_report = AnnualReport.objects.create(
        region=strategy.region, year=2020, status=AnnualReport.Status.SUBMITTED
    )
    ReportVersion.objects.create(
        report=submitted_report,
        number=1,
        submitted_at=submitted_report.created_at,
        official_pdf=SimpleUploadedFile("versio.pdf", b"%PDF-1.4 versio"),
    )
    job = PdfJob.objects.create(
        kind=PdfJob.Kind.TNO_SUMMARY,
        region=strategy.region,
        status=PdfJob.Status.DONE,
        progress=100,
        file=SimpleUploadedFile("tno.pdf", b"%PDF-1.4 tno"),
    )
    proposal = GoodPracticeFactory(
        region=strategy.region, number=None, is_published=False, proposed_by=kotka
    )
    returned_proposal = GoodPracticeFactory(
        region=strategy.region,
        number=None,
        is_published=False,
        proposed_by=kotka,
        decision=GoodPractice.Decision.RETURNED,
    )
    project = ProjectFactory(region=strategy.region)
    funding_line = FundingLineFactory(project=project)
    region = strategy.region.slug
    return {
        "project": {"region": region, "pk": project.pk},
        "funding_line_parent": {"region": region, "project": project.pk},
        "funding_line": {"region": region, "pk": funding_line.pk},
        "none": {},
        "organisation": {"region": region, "slug": kotka.slug},
        "region": {"region": region},
        "focus_area": {"region": region, "pk": focus_area.pk},
        "goal_parent": {"region": region, "focus_area": focus_area.pk},
        "goal": {"region": region, "pk": goal.pk},
        "action_parent": {"region": region, "focus_area": focus_area.pk},
        "action": {"region": region, "pk": action.pk},
        "indicator": {"region": region, "pk": indicator.pk},
        "value_parent": {"region": region, "indicator": indicator.pk},
        "indicator_cell": {"region": region, "indicator": indicator.pk, "year": 2023},
        "indicator_value": {"region": region, "pk": value.pk},
        "action_history": {"region": region, "kind": "action", "pk": action.pk},
        "membership": {"region": region, "pk": membership.pk},
        "invitation": {"region": region, "pk": invitation.pk},
        "organisation_for_guidance": {"region": region, "organisation": kotka.slug},
        "draft_action": {"region": region, "pk": draft.pk},
        "progress_update": {"region": region, "pk": update.pk},
        "submitted_action": {"region": region, "kind": "guidance", "pk": submitted.pk},
        "closed_action": {"region": region, "kind": "guidance", "pk": closed.pk},
        "proposal": {"region": region, "pk": proposal.pk},
        "returned_proposal": {"region": region, "pk": returned_proposal.pk},
        "draft_event": {"region": region, "pk": draft_event.pk},
        "draft_report": {"region": region, "year": draft_report.year},
        "submitted_report": {"region": region, "year": submitted_report.year},
        "report_version": {"region": region, "year": submitted_report.year, "number": 1},
        "report_to_start": {"region": region, "year": 2022},
        "year": {"year": 2021},
        "framework_theme": {"year": 2021, "pk": theme.pk},
        "framework_sub_theme": {"year": 2021, "pk": sub_theme.pk},
        "pdf_job": {"pk": job.pk},
        "material": {"region": region, "pk": material.pk},
        "export": {"region": region, "dataset": "organisaatiot", "format": "csv"},
        "import": {"region": region, "dataset": "organisaatiot"},
    }


# Pages everybody may read; their content is tested with each app's pages.
PUBLIC_URLS = {
    "strategy:home",
    "strategy:region_home",
    "strategy:focus_area_detail",
    "strategy:action_detail",
    "strategy:version_detail",
    "strategy:compare_versions",
    "strategy:national_strategy",
    "network:organisation_list",
    "network:organisation_detail",
    "events:event_list",
    "events:event_month",
    "events:event_detail",
    "actions:good_practice_list",
    # The link in the e-mail: anyone holding it may open it (tested with invitations).
    "accounts:accept_invitation",
    "guidance:list",
    "feeds:region",
    "feeds:organisation",
    "feeds:focus_area",
    "events:series_detail",
    "strategy:project_list",
    "strategy:project_detail",
}


# Namespaces of libraries, whose own tests cover them.
LIBRARY_NAMESPACES = {"admin"}


def portal_url_names() -> set[str]:
    """Every named URL of the portal's own namespaces, as the URL configuration declares.

    Every namespace counts, so a new app's URLs need rows too.
    """
    namespaces = get_resolver().namespace_dict
    return {
        f"{namespace}:{name}"
        for namespace, (_prefix, resolver) in namespaces.items()
        if namespace not in LIBRARY_NAMESPACES
        for name in resolver.reverse_dict
        if isinstance(name, str)
    }


def test_every_url_is_either_public_or_has_a_row():
    names = portal_url_names()
    assert {"editor:home", "people:invite", "network:organisation_edit"} <= names
    assert names - set(PRIVATE_URLS) - PUBLIC_URLS == set()
    # The exceptions name rows that exist, so a renamed URL cannot leave one behind.
    assert set(GET_ANSWERS) | set(POST_ANSWERS) <= set(PRIVATE_URLS)


CASES = [
    (name, method, persona)
    for name in PRIVATE_URLS
    for method in ("get", "post")
    for persona in PERSONAS
]


def answer_of(response) -> int | str:
    """The status code, or for a redirect the name of the view it goes to (else its URL)."""
    if response.status_code != 302:
        return response.status_code
    try:
        return resolve(urlparse(response.url).path).view_name
    except Resolver404:
        return response.url


def expected_answer(name: str, method: str, persona: str) -> int | str:
    """What the matrix expects: the persona's row, and for those let in, the URL's answer."""
    if METHOD_FIRST.get(name) == method:
        return 405
    expected = PRIVATE_URLS[name][1][persona]
    if expected != ALLOWED:
        return expected
    if method == "get":
        return 405 if name in POST_ONLY else GET_ANSWERS.get(name, 200)
    return 405 if name in GET_ONLY else POST_ANSWERS.get(name, 200)


@pytest.mark.parametrize(("name", "method", "persona"), CASES)
def test_permission_matrix(name, method, persona, plan, personas, client_of):
    expected = expected_answer(name, method, persona)
    url = reverse(name, kwargs=plan[PRIVATE_URLS[name][0]])
    data = POST_DATA.get(name, {}) if method == "post" else {}

    response = getattr(client_of(personas[persona]), method)(url, data)

    answer = answer_of(response)
    assert answer == expected, f"{method.upper()} {url} as {persona}: {answer}, expected {expected}"
    if persona != "visitor":
        # Whatever a signed-in person is answered, no browser or proxy may keep a copy.
        assert "no-store" in response.get("Cache-Control", ""), f"{method.upper()} {url}"


# --- The site administration ------------------------------------------------------------
# Signed into through allauth only: visitors are sent to the portal's sign-in, signed-in
# people who are not staff are refused, whatever they post to the admin's sign-in.
ADMIN_URLS = (
    "admin:index",
    "admin:login",
    "admin:accounts_user_changelist",
    "admin:network_region_changelist",
    "admin:reporting_annualreport_changelist",
)


@pytest.mark.parametrize("name", ADMIN_URLS)
@pytest.mark.parametrize("persona", [*PERSONAS, "site_admin"])
def test_admin_pages(name, persona, personas, site_admin, client_of):
    user = site_admin if persona == "site_admin" else personas[persona]
    client = client_of(user)
    url = reverse(name)

    response = client.get(url, follow=True)

    final = response.redirect_chain[-1][0] if response.redirect_chain else url
    if persona == "visitor":
        assert final.startswith(reverse("account_login")), final
        assert response.status_code == 200
    elif persona == "site_admin":
        assert response.status_code == 200
        assert not final.startswith(reverse("admin:login"))
    else:
        assert response.status_code == 403, f"{url} as {persona}: {response.status_code}"
    # Django's own password form is never offered, so it cannot be used to sign in.
    assert 'name="username"' not in response.content.decode()


@pytest.mark.parametrize("persona", [*PERSONAS])
def test_the_admins_password_form_signs_nobody_in(persona, personas, site_admin, client_of):
    client = client_of(personas[persona])

    client.post(
        reverse("admin:login"),
        {"username": site_admin.email, "password": "salasana-testi-123"},
    )

    assert client.session.get("_auth_user_id") != str(site_admin.pk)
