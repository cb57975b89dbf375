"""The coordinator's pages for the region's profile and its projects register.

Both belong to the region rather than to a version of its plan, so these pages work for a
region without a strategy too: the permission is ``strategy.edit_plan`` on the region,
checked before any object is looked up, and objects are looked up within the region only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import CreateView, DeleteView, UpdateView

from lib import concurrency, deletion
from lib.access import PermissionMixin
from network.mixins import RegionMixin
from strategy.editor import forms
from strategy.models import FundingLine, Project, RegionProfile


class RegionEditMixin(RegionMixin, PermissionMixin):
    """The region's coordinator (or an administrator) only."""

    permission_required = "strategy.edit_plan"
    nav_is_section_page = False
    request: HttpRequest

    def get_permission_object(self) -> Model:
        return self.region


class RegionProfileUpdateView(concurrency.ConcurrentEditMixin, RegionEditMixin, UpdateView):  # type: ignore[misc,type-arg]
    """The profile, created empty the first time it is opened (a GET creates nothing)."""

    form_class = forms.RegionProfileForm
    template_name = "strategy/editor/profile_form.html"
    nav_section = "home"

    def get_object(self, queryset: Any = None) -> RegionProfile:
        profile = RegionProfile.objects.filter(region=self.region).first()
        return profile or RegionProfile(region=self.region)

    def form_valid(self, form: forms.RegionProfileForm) -> HttpResponse:
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            # Two people wrote the region's first profile at once: the other one won.
            form.add_error(
                None,
                _("Someone else saved the profile meanwhile. Open the page again to edit it."),
            )
            return self.form_invalid(form)
        messages.success(self.request, _("The region's profile was saved."))
        return redirect(self.region.get_absolute_url())


class ProjectFormMixin(RegionEditMixin):
    form_class = forms.ProjectForm
    template_name = "strategy/editor/project_form.html"
    nav_section = "projects"
    object: Project | None

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "region": self.region}  # type: ignore[misc]

    def form_valid(self, form: forms.ProjectForm) -> HttpResponse:
        with transaction.atomic():
            self.object = form.save()
        messages.success(self.request, _("The project was saved."))
        return redirect(self.object.get_absolute_url())


class ProjectCreateView(concurrency.OnceOnlyCreateMixin, ProjectFormMixin, CreateView):  # type: ignore[misc,type-arg]
    heading = gettext_lazy("New project")


def project_of(region: Any, pk: Any) -> Project:
    """The region's project, or 404 (another region's id included)."""
    return get_object_or_404(Project.objects.for_region(region), pk=pk)


class ProjectUpdateView(concurrency.ConcurrentEditMixin, ProjectFormMixin, UpdateView):  # type: ignore[misc,type-arg]
    heading = gettext_lazy("Edit project")

    def get_object(self, queryset: Any = None) -> Project:
        return project_of(self.region, self.kwargs["pk"])


class RegionDeleteView(RegionEditMixin, DeleteView):  # type: ignore[misc,type-arg]
    """Ask first, listing what goes with the object (``lib.deletion``)."""

    template_name = "strategy/editor/register_confirm_delete.html"
    nav_section = "projects"
    question: Any = ""
    success_message: Any = gettext_lazy("Deleted.")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            question=self.question,
            summary=deletion.summarize(self.object),
            cancel_url=self.get_cancel_url(),
        )
        return context

    def get_cancel_url(self) -> str:
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        url = self.get_success_url()
        with transaction.atomic():
            self.object.delete()
        messages.success(self.request, self.success_message)
        return redirect(url)


class ProjectDeleteView(RegionDeleteView):
    question = gettext_lazy("Delete this project?")
    success_message = gettext_lazy("The project was deleted.")

    def get_object(self, queryset: Any = None) -> Project:
        return project_of(self.region, self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.object.get_absolute_url()  # type: ignore[no-any-return]

    def get_success_url(self) -> str:
        return reverse("strategy:project_list", kwargs={"region": self.region.slug})


class FundingLineFormMixin(RegionEditMixin):
    form_class = forms.FundingLineForm
    template_name = "strategy/editor/project_form.html"
    nav_section = "projects"
    project: Project

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "project": self.project}  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["project"] = self.project
        return context  # type: ignore[no-any-return]

    def form_valid(self, form: forms.FundingLineForm) -> HttpResponse:
        with transaction.atomic():
            form.save()
        messages.success(self.request, _("The funding line was saved."))
        return redirect(self.project.get_absolute_url())


class FundingLineCreateView(concurrency.OnceOnlyCreateMixin, FundingLineFormMixin, CreateView):  # type: ignore[misc,type-arg]
    heading = gettext_lazy("New funding line")

    def get_permission_object(self) -> Model:
        self.project = project_of(self.region, self.kwargs["project"])
        return self.region


def funding_line_of(region: Any, pk: Any) -> FundingLine:
    """The region's funding line, with its project, or 404."""
    return get_object_or_404(
        FundingLine.objects.filter(project__region=region).select_related("project__region"),
        pk=pk,
    )


class FundingLineUpdateView(concurrency.ConcurrentEditMixin, FundingLineFormMixin, UpdateView):  # type: ignore[misc,type-arg]
    heading = gettext_lazy("Edit funding line")

    def get_permission_object(self) -> Model:
        self.line = funding_line_of(self.region, self.kwargs["pk"])
        self.project = self.line.project
        return self.region

    def get_object(self, queryset: Any = None) -> FundingLine:
        return self.line


class FundingLineDeleteView(RegionDeleteView):
    question = gettext_lazy("Delete this funding line?")
    success_message = gettext_lazy("The funding line was deleted.")

    def get_object(self, queryset: Any = None) -> FundingLine:
        return funding_line_of(self.region, self.kwargs["pk"])

    def get_cancel_url(self) -> str:
        return self.object.project.get_absolute_url()  # type: ignore[no-any-return]

    def get_success_url(self) -> str:
        return self.object.project.get_absolute_url()  # type: ignore[no-any-return]
