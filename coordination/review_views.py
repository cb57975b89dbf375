"""The coordinator's review of what member organisations log, under /<region>/arviointi/.

The queue lists the region's submitted guidance actions, progress updates and events,
oldest first, and
the good practices proposed for publishing. Accepting and returning go through
``portal.review_services``; every view needs ``network.review_entries``, checked through
``lib.access`` on the region before any entry is looked up and again on the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.db.models import Count, F, Func, IntegerField, Model, QuerySet, Subquery, Window
from django.db.models.expressions import CombinedExpression
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from actions.models import GoodPractice, GuidanceAction, ProgressUpdate
from actions.services import GuidanceError, decline_good_practice, return_good_practice
from coordination.review_forms import ReturnForm
from events.models import Event
from lib.access import PermissionMixin, check_permission
from network.mixins import RegionMixin
from network.models import Region
from portal import review_services
from portal.review import Reviewable


def submitted_guidance_actions(region: Region) -> QuerySet[GuidanceAction]:
    """The region's guidance actions waiting for review, oldest first, in one query."""
    return (
        GuidanceAction.objects.for_region(region)
        .awaiting_review()
        .select_related("organisation__region")
        .order_by("submitted_at", "pk")
    )


def submitted_updates(region: Region) -> QuerySet[ProgressUpdate]:
    """The region's progress updates waiting for review, oldest first, in one query: the
    updates organisations added to their accepted entries, reviewed on their own."""
    return (
        ProgressUpdate.objects.for_region(region)
        .awaiting_review()
        .select_related("action__organisation__region")
        .order_by("submitted_at", "pk")
    )


def submitted_events(region: Region) -> QuerySet[Event]:
    """The region's events waiting for review, oldest first: two queries with organisers."""
    return (
        Event.objects.for_region(region)
        .with_organisers()
        .select_related("region")
        .awaiting_review()
        .order_by("submitted_at", "pk")
    )


#: How many of the oldest waiting entries of each kind the queue shows at once: with the
#: good-practice proposals at most 50 cards, whatever the backlog. Accepting or returning
#: the oldest brings the next ones up; the headings give the full counts.
QUEUE_LENGTH = 20
PROPOSALS_SHOWN = 10


@dataclass(frozen=True)
class QueueSection:
    """The oldest entries of one kind and how many wait in all."""

    entries: list[Any]
    waiting: int

    @property
    def is_partial(self) -> bool:
        return self.waiting > len(self.entries)


def oldest_waiting(queryset: QuerySet[Any], length: int) -> QueueSection:
    """The first ``length`` rows of ``queryset`` and the count of all, in one query.

    The count is a window over the whole filtered set (``COUNT(*) OVER ()``), computed
    before the LIMIT, so a long backlog costs neither a second query nor more rows.
    """
    entries = list(queryset.annotate(waiting_in_all=Window(Count("pk")))[:length])
    return QueueSection(entries, entries[0].waiting_in_all if entries else 0)


def _count(queryset: QuerySet[Any]) -> Subquery:
    """``SELECT COUNT(id) ... WHERE ...`` as a subquery: a plain function, not an aggregate,
    so there is no GROUP BY and the subquery answers one row, 0 when nothing matches."""
    counted = queryset.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def waiting_for_review(region: Any) -> CombinedExpression:
    """An expression counting what waits for the region's coordinator, for ``annotate``.

    ``region`` is a region or an ``OuterRef`` to one. Submitted guidance actions and
    events and unpublished good practices are counted in subqueries, so annotating a list
    of regions adds no query.
    """
    return (
        _count(GuidanceAction.objects.awaiting_review().filter(organisation__region=region))
        + _count(ProgressUpdate.objects.for_region(region).awaiting_review())
        + _count(Event.objects.awaiting_review().filter(region=region))
        + _count(GoodPractice.objects.waiting().filter(region=region))
    )


def entries_of_kind(kind: str, region: Region) -> QuerySet[Any]:
    """The region's entries of a kind the URLs name ("guidance" or "event"), else 404."""
    if kind == "guidance":
        return GuidanceAction.objects.for_region(region).select_related("organisation__region")
    if kind == "event":
        return Event.objects.for_region(region).select_related("region")
    if kind == "update":
        return ProgressUpdate.objects.for_region(region).select_related(
            "action__organisation__region"
        )
    raise Http404(_("Unknown kind of entry."))


def entry_url(entry: Reviewable) -> str:
    """The entry's own page, where the editor and the coordinator open it."""
    return entry.get_absolute_url()  # type: ignore[attr-defined,no-any-return]


def next_waiting(kind: str, region: Region, after: Reviewable) -> Reviewable | None:
    """The oldest entry of the kind still waiting for review, other than ``after``: one query."""
    waiting: QuerySet[Any] = {
        "guidance": submitted_guidance_actions,
        "update": submitted_updates,
        "event": submitted_events,
    }[kind](region)
    entry: Reviewable | None = waiting.exclude(pk=after.pk).first()
    return entry


#: The value of the ``then`` field the entry page's review buttons send: after the
#: decision, open the next waiting entry of the same kind instead of the queue.
THEN_NEXT = "next"


class ReviewMixin(RegionMixin, PermissionMixin):
    """Only the region's coordinator (or a site administrator) reviews."""

    permission_required = "network.review_entries"
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_permission_object(self) -> Model:
        return self.region

    def queue_url(self) -> str:
        return reverse("review:queue", kwargs={"region": self.region.slug})

    def proposal_url(self) -> str:
        return self.queue_url() + "#proposals-heading"


class ReviewQueueView(ReviewMixin, TemplateView):
    """Submitted guidance actions and events, oldest first, and good-practice proposals.

    Queries: the region, the person's roles, the passed entry deadline and the
    organisations behind it (two, or one without), then, when the cached queue is out of date,
    the guidance actions with their organisations, the progress updates with their entries,
    the events and their organisers (two),
    the proposals and their focus areas (two): the same whatever the number of entries.
    Each kind shows its oldest entries only (``QUEUE_LENGTH``), with the count of all that
    wait; the partial indexes ``guidance_awaiting_review`` and ``event_awaiting_review``
    find them without reading the accepted history.
    """

    template_name = "coordination/queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The queue is loaded only if the page's cached fragment is rendered afresh.
        context["queue"] = self.queue_context
        context["overdue"] = self.overdue_entries()
        return context

    def overdue_entries(self) -> dict[str, Any] | None:
        """The organisations behind the region's latest passed entry deadline (while its
        report is open), or None: two queries, outside the cached fragment, since they
        change with the day. Read through the region's reverse relation: the deadlines
        are reporting's, a sibling this app does not import."""
        deadline = (
            self.region.entry_deadlines.passed_and_open(timezone.localdate())
            .order_by("-year")
            .first()
        )
        if deadline is None:
            return None
        organisations = list(deadline.organisations_behind().order_by("name"))
        return {"deadline": deadline, "organisations": organisations} if organisations else None

    def queue_context(self) -> dict[str, Any]:
        """What waits, by kind: the template's ``fragment`` calls this."""
        return {
            "guidance": oldest_waiting(submitted_guidance_actions(self.region), QUEUE_LENGTH),
            "updates": oldest_waiting(submitted_updates(self.region), QUEUE_LENGTH),
            "events": oldest_waiting(submitted_events(self.region), QUEUE_LENGTH),
            "proposals": oldest_waiting(
                GoodPractice.objects.for_region(self.region).proposed(), PROPOSALS_SHOWN
            ),
            "return_form": ReturnForm(),
        }


class EntryReviewMixin(ReviewMixin):
    """A submitted entry of the URL's kind in the region, checked for the reviewer's right."""

    entry: Reviewable

    def get_entry(self) -> Reviewable:
        entries = entries_of_kind(self.kwargs["kind"], self.region)
        entry: Reviewable = get_object_or_404(entries, pk=self.kwargs["pk"])
        check_permission(self.request, "network.review_entries", entry)
        return entry

    def after_decision(self, entry: Reviewable) -> HttpResponse:
        """Back to the queue; from the entry's page (``then=next``), on to the next waiting
        entry of the same kind, or to the queue when none is left."""
        if self.request.POST.get("then") == THEN_NEXT:
            following = next_waiting(self.kwargs["kind"], self.region, entry)
            if following is not None:
                messages.info(self.request, _("Here is the next entry waiting for review."))
                return redirect(entry_url(following))
        return redirect(self.queue_url())


class AcceptView(EntryReviewMixin, View):
    """Accept a submitted entry: it becomes public."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        entry = self.get_entry()
        try:
            review_services.accept(entry, request.user, request.POST.get("shown"))
        except review_services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("“%(title)s” was accepted and is now public.") % {"title": entry}
            )
            return self.after_decision(entry)
        return redirect(entry_url(entry) if request.POST.get("then") else self.queue_url())


class ReturnView(EntryReviewMixin, FormView):
    """Return a submitted entry with a comment; its organisation's editors are told by e-mail."""

    template_name = "coordination/return.html"
    form_class = ReturnForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            entry=self.entry,
            entry_url=entry_url(self.entry),
            queue_url=self.queue_url(),
            then=self.request.POST.get("then") == THEN_NEXT,
            shown=self.request.POST.get("shown") or review_services.shown_version(self.entry),
        )
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.entry = self.get_entry()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.entry = self.get_entry()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        try:
            review_services.return_for_changes(
                self.entry,
                self.request.user,
                form.cleaned_data["comment"],
                self.request.build_absolute_uri(entry_url(self.entry)),
                shown=self.request.POST.get("shown"),
            )
        except review_services.ReviewError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(
                self.request,
                _("“%(title)s” was returned to its organisation with your comment.")
                % {"title": self.entry},
            )
            return self.after_decision(self.entry)
        return redirect(self.queue_url())


class ProposalMixin(ReviewMixin):
    """A good-practice proposal of the region, checked for the reviewer's right."""

    practice: GoodPractice

    def get_practice(self) -> GoodPractice:
        practice = get_object_or_404(
            GoodPractice.objects.for_region(self.region), pk=self.kwargs["pk"]
        )
        check_permission(self.request, "network.review_entries", practice)
        return practice

    def proposals_page_url(self) -> str:
        """Where the proposer reads the decision (the link in the e-mail)."""
        return self.request.build_absolute_uri(
            reverse("actions:good_practice_propose", kwargs={"region": self.region.slug})
        )

    def decide(self, decision: Any, comment: str, done: str) -> HttpResponse:
        try:
            decision(
                self.practice,
                self.request.user,
                comment,
                self.proposals_page_url(),
                shown=self.request.POST.get("shown"),
            )
        except GuidanceError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(self.request, done % {"title": self.practice.title})
        return redirect(self.proposal_url())


class ProposalReturnView(ProposalMixin, FormView):
    """Return a proposed good practice with a comment; the proposer changes and resends it."""

    template_name = "coordination/return.html"
    form_class = ReturnForm

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.practice = self.get_practice()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.practice = self.get_practice()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            entry=self.practice,
            entry_url=self.proposal_url(),
            queue_url=self.queue_url(),
            shown=self.request.POST.get("shown") or review_services.shown_version(self.practice),
            **kwargs,
        )

    def form_valid(self, form: ReturnForm) -> HttpResponse:
        return self.decide(
            return_good_practice,
            form.cleaned_data["comment"],
            _("“%(title)s” was returned to its organisation with your comment."),
        )


class ProposalDeclineView(ProposalMixin, View):
    """Decline a proposed good practice; the comment, if any, tells the proposer why."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.practice = self.get_practice()
        return self.decide(
            decline_good_practice,
            request.POST.get("comment", ""),
            _("The proposal “%(title)s” was declined."),
        )
