"""Public pages of the network: the organisation directory and an organisation's page."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import Model, prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, UpdateView
from django_filters.views import FilterView

from lib.access import PermissionMixin
from lib.concurrency import ConcurrentEditMixin
from network.filters import OrganisationFilter
from network.forms import OrganisationProfileForm
from network.mixins import RegionMixin
from network.models import Organisation, province_prefetch


class OrganisationListView(RegionMixin, FilterView):
    """The region's active member organisations, filtered and paginated."""

    filterset_class = OrganisationFilter
    template_name = "network/organisation_list.html"
    paginate_by = settings.PAGE_SIZE
    nav_section = "organisations"

    def get_queryset(self) -> Any:
        return Organisation.objects.for_region(self.region).active().with_provinces()

    def get_filterset_kwargs(self, filterset_class: Any) -> dict[str, Any]:
        return {**super().get_filterset_kwargs(filterset_class), "region": self.region}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The plain pages are cached; what someone filters is rendered afresh.
        context["unfiltered"] = not set(self.request.GET) - {"page"}
        # Whether an empty list is the filters' doing, or the network has no organisations.
        context["is_filtered"] = any(self.request.GET.get(name) for name in self.filterset.filters)
        return context


class OrganisationDetailView(RegionMixin, DetailView):
    """An organisation with its actions, the events it organised, projects and good practices.

    Its events and guidance actions pile up over the years, so the page shows the latest
    ``latest_count`` of each and links to the event and guidance lists filtered by the
    organisation for the rest: the page's size and queries stay the same however long
    the organisation has been in the network.
    """

    template_name = "network/organisation_detail.html"
    context_object_name = "organisation"
    nav_section = "organisations"
    nav_is_section_page = False
    latest_count = 10

    def get_object(self, queryset: Any = None) -> Organisation:
        return get_object_or_404(
            Organisation.objects.for_region(self.region), slug=self.kwargs["slug"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # Loaded only if the page's cached fragment is rendered afresh.
        context["organisation_data"] = self.organisation_context
        return context

    def organisation_context(self) -> dict[str, Any]:
        """The organisation's provinces and its work: the template's ``fragment`` calls this."""
        organisation = self.object
        prefetch_related_objects([organisation], province_prefetch())
        # The plan's actions and the events through the organisation's own relations: the
        # network's pages sit below the apps that hold them.
        plan_actions = organisation.led_actions.model.objects
        return {
            "actions": plan_actions.current().involving(organisation).with_focus_area(),
            "events": organisation.organised_events.filter(region=self.region)
            .published()
            .order_by("-starts_on", "-start_time", "-id")[: self.latest_count],
            # With their funding lines: one query more, whatever the number of projects.
            "projects": organisation.projects.prefetch_related("funding_lines"),
            "good_practices": organisation.good_practices.published(),
            "guidance_actions": organisation.guidance_actions.published().order_by(
                "-year", "title", "pk"
            )[: self.latest_count],
        }


class OrganisationProfileUpdateView(ConcurrentEditMixin, RegionMixin, PermissionMixin, UpdateView):
    """The organisation's editor (or the region's coordinator) keeps its profile current."""

    permission_required = "network.edit_organisation"
    form_class = OrganisationProfileForm
    template_name = "network/organisation_form.html"
    context_object_name = "organisation"
    nav_section = "organisations"
    nav_is_section_page = False

    def get_permission_object(self) -> Model:
        self.object = get_object_or_404(
            Organisation.objects.for_region(self.region), slug=self.kwargs["slug"]
        )
        return self.object

    def get_object(self, queryset: Any = None) -> Organisation:
        return self.object

    def form_valid(self, form: OrganisationProfileForm) -> Any:
        messages.success(self.request, _("The organisation's profile was saved."))
        return super().form_valid(form)
