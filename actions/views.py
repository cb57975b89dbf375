"""Pages of the network's work: the good practices, proposed by organisations.

The public catalogue lists published practices in number order. An organisation's
editor proposes a practice for their organisation; the region's coordinator publishes
it from the review queue, which gives it the region's next number.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import CreateView, ListView, UpdateView, View

from actions import services
from actions.forms import GoodPracticeProposalForm
from actions.models import GoodPractice
from lib.access import PermissionMixin, check_permission
from lib.concurrency import ConcurrentEditMixin, OnceOnlyCreateMixin
from network.mixins import RegionMixin
from network.models import Organisation


class GoodPracticeListView(RegionMixin, ListView):
    """The region's published good practices in their numbered order."""

    template_name = "actions/good_practice_list.html"
    context_object_name = "good_practices"
    nav_section = "good_practices"

    def get_queryset(self) -> Any:
        return GoodPractice.objects.for_region(self.region).published().with_links()


def proposing_organisations(request: HttpRequest, region: Any) -> list[int]:
    """The ids of the region's organisations the person may propose (log) for."""
    return [
        organisation.pk
        for organisation in Organisation.objects.for_region(region).order_by("name")
        if request.user.has_perm("actions.log_entry", organisation)
    ]


class GoodPracticeProposeView(OnceOnlyCreateMixin, RegionMixin, LoginRequiredMixin, CreateView):  # type: ignore[misc]
    """An organisation's editor proposes a good practice for one of their organisations.

    The organisations offered are those of the region the person may log entries for
    (all of them for the coordinator). Someone who may log for none answers 404 when
    they have no role in the region, else 403.
    """

    form_class = GoodPracticeProposalForm
    template_name = "actions/good_practice_propose.html"
    nav_section = "good_practices"
    nav_is_section_page = False

    @cached_property
    def organisations(self) -> Any:
        allowed = proposing_organisations(self.request, self.region)
        if not allowed:
            check_permission(self.request, "actions.log_entry", self.region)
        return Organisation.objects.filter(pk__in=allowed).order_by("name")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "region": self.region,
            "organisations": self.organisations,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        """Beside the form, the proposals of the person's organisations that are not
        published yet, with the coordinator's decision and comment: one query."""
        context = super().get_context_data(**kwargs)
        context["own_proposals"] = (
            GoodPractice.objects.for_region(self.region)
            .filter(is_published=False, proposed_by__in=self.organisations)
            .select_related("proposed_by")
            .order_by("-pk")
        )
        return context

    def form_valid(self, form: GoodPracticeProposalForm) -> HttpResponse:
        services.propose_good_practice(form, form.cleaned_data["organisation"], self.request.user)
        messages.success(
            self.request,
            _("Thank you! The coordinator publishes the good practice once it has been reviewed."),
        )
        return redirect("actions:good_practice_list", region=self.region.slug)


class GoodPracticeProposalEditView(ConcurrentEditMixin, RegionMixin, PermissionMixin, UpdateView):  # type: ignore[misc]
    """The proposer changes a proposal the coordinator returned and sends it again.

    ``actions.change_entry`` on the practice: the proposing organisation's editors and
    the region's coordinator. A proposal that is not returned cannot be changed here.
    """

    form_class = GoodPracticeProposalForm
    template_name = "actions/good_practice_propose.html"
    permission_required = "actions.change_entry"
    nav_section = "good_practices"
    nav_is_section_page = False
    object: GoodPractice

    def get_permission_object(self) -> Model:
        self.practice = get_object_or_404(
            GoodPractice.objects.for_region(self.region).select_related("proposed_by"),
            pk=self.kwargs["pk"],
        )
        return self.practice

    def get_object(self, queryset: Any = None) -> GoodPractice:
        return self.practice

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse() or super().post(request, *args, **kwargs)

    def refuse(self) -> HttpResponse | None:
        if self.practice.is_returned:
            return None
        messages.error(self.request, _("Only a returned proposal can be changed and sent again."))
        return redirect(self.proposals_url())

    def proposals_url(self) -> str:
        return reverse("actions:good_practice_propose", kwargs={"region": self.region.slug})

    def get_form_kwargs(self) -> dict[str, Any]:
        allowed = proposing_organisations(self.request, self.region)
        return {
            **super().get_form_kwargs(),
            "initial": {"organisation": self.practice.proposed_by},
            "region": self.region,
            "organisations": Organisation.objects.filter(pk__in=allowed).order_by("name"),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(editing=True, **kwargs)

    def form_valid(self, form: GoodPracticeProposalForm) -> HttpResponse:
        try:
            services.resubmit_good_practice(
                form, form.cleaned_data["organisation"], self.request.user
            )
        except services.GuidanceError as error:
            messages.error(self.request, str(error))
        else:
            messages.success(
                self.request, _("The proposal was changed and sent to the coordinator again.")
            )
        return redirect(self.proposals_url())


class GoodPracticePublishView(RegionMixin, PermissionMixin, View):
    """The coordinator publishes a proposed practice with the region's next number."""

    http_method_names = ["post"]
    permission_required = "network.review_entries"

    def get_permission_object(self) -> Model:
        self.practice = get_object_or_404(
            GoodPractice.objects.for_region(self.region), pk=self.kwargs["pk"]
        )
        return self.practice

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            practice = services.publish_good_practice(
                self.practice, request.POST.get("shown"), request.user
            )
        except services.GuidanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” was published as good practice number %(number)s.")
                % {"title": practice.title, "number": practice.number},
            )
        return redirect(reverse("review:queue", kwargs={"region": self.region.slug}))
