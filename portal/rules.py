"""The portal's one permission layer: who may do what, used by views and templates alike.

Roles:
- a region's coordinator (``network.Coordinator``) edits the region's strategy and action
  plan, invites people and manages its organisations;
- an organisation editor (``Membership.Role.EDITOR``) edits that organisation's profile,
  actions and events; an organisation viewer only reads its private pages;
- the national team (``User.is_national_team``) reads every region;
- a site administrator (``is_superuser``) may do everything.

Views ask ``user.has_perm(name, obj)``; templates ``{% has_perm name user obj %}``. Whether a
refusal answers 404 or 403 is decided by ``is_insider``: a person with no role in the object's
region (or organisation) must not learn that a private object exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import rules
from django.db.models import CharField, IntegerField, Model, Q, Value

from lib.scoping import scope
from network.models import Coordinator, Membership, Organisation, Region


@dataclass(frozen=True)
class Roles:
    """A person's roles, read once per request: one query whatever is checked."""

    coordinated_region_ids: frozenset[int]
    editor_organisation_ids: frozenset[int]
    member_organisation_ids: frozenset[int]
    member_region_ids: frozenset[int]


_NO_ROLES = Roles(frozenset(), frozenset(), frozenset(), frozenset())
#: The role a coordinatorship gets in ``roles_of``'s union, beside the membership roles.
_COORDINATOR = "coordinator"


def roles_of(user: Any) -> Roles:
    """Return the user's roles, cached on the user object for the rest of the request.

    Memberships and coordinatorships come in one query, a UNION of (organisation, region,
    role) rows: every signed-in page asks, so a second round trip would cost them all.
    """
    if not getattr(user, "is_authenticated", False):
        return _NO_ROLES
    cached = getattr(user, "_portal_roles", None)
    if cached is None:
        # A person's own roles in every region: read across regions on purpose, whatever
        # region the page is in (a role elsewhere decides 403 or 404, and the header).
        with scope(region=None):
            memberships = Membership.objects.filter(user=user).values_list(
                "organisation_id", "organisation__region_id", "role"
            )
            coordinatorships = (
                Coordinator.objects.filter(user=user)
                .annotate(
                    no_organisation=Value(None, output_field=IntegerField()),
                    coordinator=Value(_COORDINATOR, output_field=CharField()),
                )
                .values_list("no_organisation", "region_id", "coordinator")
            )
            rows = list(memberships.union(coordinatorships, all=True))
            member_rows = [row for row in rows if row[2] != _COORDINATOR]
            cached = Roles(
                coordinated_region_ids=frozenset(
                    region for _org, region, role in rows if role == _COORDINATOR
                ),
                editor_organisation_ids=frozenset(
                    org for org, _region, role in member_rows if role == Membership.Role.EDITOR
                ),
                member_organisation_ids=frozenset(org for org, _region, _role in member_rows),
                member_region_ids=frozenset(region for _org, region, _role in member_rows),
            )
        user._portal_roles = cached
    return cached


def region_id_of(obj: Model | None) -> int | None:
    """The id of the region an object belongs to, following its parent links."""
    if obj is None:
        return None
    if isinstance(obj, Region):
        return obj.pk
    owner = getattr(obj, "owning_region_id", None)
    if owner is not None:
        return owner
    return getattr(obj, "region_id", None)


def organisation_id_of(obj: Model | None) -> int | None:
    """The id of the organisation an object belongs to, if it belongs to one."""
    if isinstance(obj, Organisation):
        return obj.pk
    return getattr(obj, "organisation_id", None)


def organiser_ids_of(obj: Model | None) -> set[int]:
    """The organisations an entry belongs to: its own, or an event's organisers.

    An event's organisers are read from a prefetch when the view made one, else with one
    query; views that check many events prefetch ``organisers``.
    """
    own = organisation_id_of(obj)
    if own is not None:
        return {own}
    organisers = getattr(obj, "organisers", None)
    if organisers is None or obj is None or obj.pk is None:
        return set()
    return {organisation.pk for organisation in organisers.all()}


@rules.predicate
def is_site_admin(user: Any) -> bool:
    return bool(getattr(user, "is_superuser", False))


@rules.predicate
def is_national_team(user: Any) -> bool:
    return bool(getattr(user, "is_national_team", False))


@rules.predicate
def is_region_coordinator(user: Any, obj: Model | None) -> bool:
    return region_id_of(obj) in roles_of(user).coordinated_region_ids


@rules.predicate
def is_organisation_editor(user: Any, obj: Model | None) -> bool:
    return bool(organiser_ids_of(obj) & roles_of(user).editor_organisation_ids)


@rules.predicate
def is_organisation_member(user: Any, obj: Model | None) -> bool:
    return bool(organiser_ids_of(obj) & roles_of(user).member_organisation_ids)


@rules.predicate
def is_editor_anywhere_in_region(user: Any, obj: Model | None) -> bool:
    """An editor of some organisation of the object's region (may log entries there)."""
    roles = roles_of(user)
    return region_id_of(obj) in roles.member_region_ids and bool(roles.editor_organisation_ids)


@rules.predicate
def is_published(user: Any, obj: Model | None) -> bool:
    return bool(getattr(obj, "is_public", False))


@rules.predicate
def is_region_member(user: Any, obj: Model | None) -> bool:
    return region_id_of(obj) in roles_of(user).member_region_ids


@rules.predicate
def is_coordinator_anywhere(user: Any) -> bool:
    return bool(roles_of(user).coordinated_region_ids)


# Someone who may know that a region's private objects exist: refusals to them answer 403.
is_insider = (
    is_site_admin
    | is_national_team
    | is_region_coordinator
    | is_region_member
    | is_organisation_member
)

can_edit_plan = is_site_admin | is_region_coordinator
can_read_region = is_site_admin | is_national_team | is_region_coordinator | is_region_member

rules.add_perm("portal.is_insider", is_insider)
# The strategy and action plan: header, focus areas, goals, actions, indicators, revisions.
rules.add_perm("strategy.edit_plan", can_edit_plan)
rules.add_perm("strategy.view_history", can_edit_plan | is_national_team)
# People: invitations to the region's organisations and removing memberships.
rules.add_perm("network.manage_people", can_edit_plan)
rules.add_perm("network.edit_organisation", can_edit_plan | is_organisation_editor)
rules.add_perm("network.view_region_private", can_read_region)
rules.add_perm("portal.use_dashboard", rules.is_authenticated)

# What member organisations log (guidance actions, events, good-practice proposals).
# ``obj`` is the organisation when creating, the entry (or its progress update) after.
can_log = can_edit_plan | is_organisation_editor
rules.add_perm("actions.log_entry", can_log)
rules.add_perm("actions.change_entry", can_log)
# Read an entry: the public reads accepted ones; drafts only their organisation's people,
# the region's coordinator, the national team and administrators.
rules.add_perm(
    "actions.view_entry",
    is_published
    | is_site_admin
    | is_national_team
    | is_region_coordinator
    | is_organisation_member,
)
# The coordinator's review of submitted entries, and publishing good practices.
rules.add_perm("network.review_entries", can_edit_plan)
# Imports and exports of the region's data.
rules.add_perm("network.transfer_data", can_edit_plan)


# --- Annual reports and PDFs (reporting) -------------------------------------------------
# ``obj`` is an AnnualReport (its region decides) or a Region.


#: The statuses of a report everybody may read (``AnnualReport.Status.ACCEPTED``, and
#: ``HISTORICAL``: a report made from a published national summary).
PUBLIC_REPORT_STATUSES = ("accepted", "historical")


@dataclass(frozen=True)
class ReportAudience:
    """Whose annual reports a person reads: the one rule for a report and for any list,
    summary or PDF made of reports.

    Accepted and historical reports are public. Every other report (a draft, a submitted
    or a returned one) is read by its region's people only (coordinators and organisation members),
    and by the national team and site administrators, who read every report
    (``region_ids`` None). ``reads`` decides for one report (``reporting.view_report``),
    ``as_q`` for a queryset of reports (``AnnualReportQuerySet.readable_by``).
    """

    #: The regions whose every report the person reads; None for every region's.
    region_ids: frozenset[int] | None

    @property
    def reads_everything(self) -> bool:
        return self.region_ids is None

    def reads(self, obj: Model | None) -> bool:
        """Whether the person reads the report (or, for a Region, its unaccepted reports)."""
        if self.region_ids is None or getattr(obj, "status", None) in PUBLIC_REPORT_STATUSES:
            return True
        return region_id_of(obj) in self.region_ids

    def as_q(self, prefix: str = "") -> Q:
        """The reports the person reads, as a filter of AnnualReport (or of a model whose
        ``prefix``, e.g. "report__", leads to one)."""
        if self.region_ids is None:
            return Q()
        return Q(**{f"{prefix}status__in": PUBLIC_REPORT_STATUSES}) | Q(
            **{f"{prefix}region_id__in": sorted(self.region_ids)}
        )

    def covers(self, other: ReportAudience) -> bool:
        """Whether everything ``other`` reads, this audience reads too."""
        if self.region_ids is None:
            return True
        return other.region_ids is not None and other.region_ids <= self.region_ids

    @property
    def key(self) -> str:
        """A stable name of the audience, for cache keys: "all", "public" or "regions-1-7"."""
        if self.region_ids is None:
            return "all"
        if not self.region_ids:
            return "public"
        return "regions-" + "-".join(str(pk) for pk in sorted(self.region_ids))

    def as_parameter(self) -> str | list[int]:
        """The audience as JSON for a PDF job's parameters (``from_parameter`` reads it)."""
        return "all" if self.region_ids is None else sorted(self.region_ids)

    @classmethod
    def from_parameter(cls, value: Any) -> ReportAudience:
        """The audience stored by ``as_parameter``. Anything else (a job made before
        audiences were stored) is "all": such a job is shown only to those who read all."""
        if isinstance(value, list):
            return cls(frozenset(int(pk) for pk in value))
        return cls(None)


def report_audience(user: Any) -> ReportAudience:
    """Whose reports the user reads (see ``ReportAudience``).

    The national team and administrators need no roles (no query); others' come from
    ``roles_of``, cached on the user for the request.
    """
    if is_site_admin(user) or is_national_team(user):
        return ReportAudience(None)
    roles = roles_of(user)
    return ReportAudience(roles.coordinated_region_ids | roles.member_region_ids)


@rules.predicate
def may_read_report(user: Any, obj: Model | None) -> bool:
    return report_audience(user).reads(obj)


# The region's coordinator drafts and submits the report; freezing is the service's rule.
rules.add_perm("reporting.edit_report", can_edit_plan)
# A report: its region's people, the national team, administrators; accepted ones are public.
# ``obj`` may be a Region: whether the person reads the region's unaccepted reports.
rules.add_perm("reporting.view_report", may_read_report)
# The national team accepts or returns reports and sets each year's due date.
rules.add_perm("reporting.review_report", is_site_admin | is_national_team)
# ...but never a report of a region where the person has a role of their own: a national
# team member who also coordinates the region (or belongs to one of its organisations)
# leaves the decision to a colleague. The service refuses it with a message.
rules.add_perm(
    "reporting.decide_report",
    (is_site_admin | is_national_team) & ~is_region_coordinator & ~is_region_member,
)


@rules.predicate
def may_read_region_reports(user: Any, obj: Model | None) -> bool:
    """Whether the person reads the report's region's unaccepted reports too."""
    regions = report_audience(user).region_ids
    return regions is None or region_id_of(obj) in regions


# A report's versions, with the national team's comments on returned ones: those who read
# the region's drafts (an accepted report's public page shows its final version only).
rules.add_perm("reporting.view_report_versions", may_read_region_reports)
rules.add_perm("reporting.manage_years", is_site_admin | is_national_team)
# The national summary of all regions: the national team, administrators and coordinators.
rules.add_perm(
    "reporting.view_national_summary", is_site_admin | is_national_team | is_coordinator_anywhere
)
# PDF summaries of a region's strategy work (TNO forum) and good practices (ELOLIV).
rules.add_perm("reporting.request_region_pdf", can_edit_plan | is_national_team)
