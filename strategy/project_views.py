"""Public pages of a region's projects register: the list and a project's page."""

from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from network.mixins import RegionMixin
from strategy.models import Action, Project


class ProjectListView(RegionMixin, ListView):  # type: ignore[type-arg]
    """The region's projects with their funding lines and organisations, a page at a time."""

    template_name = "strategy/project_list.html"
    context_object_name = "projects"
    paginate_by = settings.PAGE_SIZE
    nav_section = "projects"

    def get_queryset(self) -> QuerySet[Project]:
        return Project.objects.for_region(self.region).for_list().order_by("name", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["can_edit"] = self.request.user.has_perm("strategy.edit_plan", self.region)
        return context


class ProjectDetailView(RegionMixin, DetailView):  # type: ignore[type-arg]
    """A project: its funding, organisations, the plan's actions it carries out and its
    events (published ones, through the project's own relation: events sit above the plan)."""

    template_name = "strategy/project_detail.html"
    context_object_name = "project"
    nav_section = "projects"
    nav_is_section_page = False
    #: The latest events shown; a long project links to the event list for the rest.
    event_count = 20

    def get_object(self, queryset: Any = None) -> Project:
        return get_object_or_404(
            Project.objects.for_region(self.region)
            .for_list()
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=Action.objects.select_related("focus_area__strategy").order_by(
                        "focus_area__strategy__version", "focus_area__number", "position", "pk"
                    ),
                )
            ),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.published().order_by("-starts_on", "-id")[
            : self.event_count
        ]
        context["can_edit"] = self.request.user.has_perm("strategy.edit_plan", self.region)
        return context
