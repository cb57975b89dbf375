"""Guidance actions that member organisations log, under /<region>/ohjaustoimenpiteet/.

The public reads accepted entries (list and detail). An organisation's editor keeps the
organisation's entries in the workspace (``mine``), creates and changes them, adds dated
progress updates with attachments and submits entries for the coordinator's review.

Access goes through ``lib.access`` and the rules of ``portal.rules``:
``actions.log_entry`` on the organisation to create, ``actions.change_entry`` on the entry
to change, ``actions.view_entry`` to read. An entry the person may not read answers 404,
whatever their role, so unpublished entries stay invisible. Views are thin: forms
validate, ``actions.services`` and ``portal.review_services`` change the rows, and their
errors become messages.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import CreateView, DetailView, TemplateView, UpdateView, View
from django_filters.views import FilterView

from actions import services
from actions.filters import GuidanceActionFilter
from actions.forms import GuidanceActionForm, ProgressUpdateForm
from actions.models import GuidanceAction, ProgressUpdate
from lib import deletion
from lib.access import PermissionMixin, check_permission
from lib.concurrency import ConcurrentEditMixin, OnceOnlyCreateMixin
from lib.downloads import serve_file
from network.mixins import RegionMixin
from network.models import Organisation
from portal import closed_years, review_services
from portal.review import ReviewStatus


def entries_of_region(region: Any) -> QuerySet[GuidanceAction]:
    """The region's entries with the organisation and its region joined (for permissions)."""
    return GuidanceAction.objects.for_region(region).select_related("organisation__region")


def may_review(request: HttpRequest, obj: Model) -> bool:
    return request.user.has_perm("network.review_entries", obj)


class GuidanceListView(RegionMixin, FilterView):
    """The region's accepted guidance actions, filtered, searched and paginated by 50.

    Queries: the region, the choices of the organisation, province and focus area filters
    and of target groups and channels (five), the paginator's count, the page of entries
    with their organisations, and their focus areas: the same whatever the row count.
    """

    filterset_class = GuidanceActionFilter
    template_name = "actions/guidance/list.html"
    nav_section = "guidance"
    paginate_by = settings.PAGE_SIZE
    context_object_name = "guidance_actions"

    def get_queryset(self) -> Any:
        return GuidanceAction.objects.for_region(self.region).with_listing().published()

    def get_filterset_kwargs(self, filterset_class: Any) -> dict[str, Any]:
        return {**super().get_filterset_kwargs(filterset_class), "region": self.region}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Whether an empty list is the filters' doing, or nothing has been published yet.
        is_filtered = any(self.request.GET.get(name) for name in self.filterset.filters)
        return super().get_context_data(is_filtered=is_filtered, **kwargs)


class GuidanceDetailView(RegionMixin, DetailView):
    """An entry with its progress updates as a timeline; unpublished ones only to insiders."""

    template_name = "actions/guidance/detail.html"
    nav_section = "guidance"
    context_object_name = "guidance_action"
    nav_is_section_page = False

    def get_object(self, queryset: Any = None) -> GuidanceAction:
        action = get_object_or_404(
            GuidanceAction.objects.for_region(self.region).with_details(), pk=self.kwargs["pk"]
        )
        if not self.request.user.has_perm("actions.view_entry", action):
            raise Http404(_("Page not found."))
        return action

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        action = self.object
        can_change = self.request.user.has_perm("actions.change_entry", action)
        # A closed year's entry: its edit, delete, submit and review buttons are left out.
        reviewer = may_review(self.request, action)
        lock = closed_years.year_lock(action) if can_change else None
        is_open = lock is None or not lock.is_locked
        context.update(
            can_change=can_change,
            year_lock=lock,
            can_reopen=lock is not None and may_review(self.request, action),
            is_changeable=is_open and action.review_status != ReviewStatus.SUBMITTED,
            can_submit=can_change
            and is_open
            and action.review_status in (ReviewStatus.DRAFT, ReviewStatus.RETURNED),
            can_delete=can_change
            and is_open
            and (action.review_status == ReviewStatus.DRAFT or may_review(self.request, action)),
            links=action.links.split(),
            can_review=is_open
            and action.review_status == ReviewStatus.SUBMITTED
            and may_review(self.request, action),
            # Insiders read every update with its review state; the public the accepted ones.
            updates=[
                update
                for update in action.progress_updates.all()
                if update.is_public or can_change or reviewer
            ],
            can_review_updates=is_open and reviewer,
        )
        return context


class WorkspaceView(RegionMixin, PermissionMixin, TemplateView):
    """The person's organisations' entries in the region: guidance actions by year and
    events, newest first, with their review state.

    ``?organisation=<slug>`` narrows the page to one organisation; the coordinator (and the
    national team) may open any organisation of the region this way. Queries: the
    region, the person's roles, the organisations, their guidance actions and their
    events in the region: the same however many entries.
    """

    template_name = "actions/guidance/workspace.html"
    permission_required = "portal.is_insider"

    def get_permission_object(self) -> Model:
        return self.region

    def get_organisations(self) -> list[Organisation]:
        organisations = Organisation.objects.for_region(self.region).order_by("name")
        slug = self.request.GET.get("organisation")
        if slug:
            organisation = get_object_or_404(organisations, slug=slug)
            # Reading an organisation's unpublished entries: its people, the coordinator.
            check_permission(self.request, "actions.view_entry", organisation)
            return [organisation]
        user_id: int = self.request.user.pk  # type: ignore[assignment]  # signed in
        return list(organisations.filter(memberships__user_id=user_id))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        organisations = self.get_organisations()
        user = self.request.user
        for organisation in organisations:
            organisation.may_log = user.has_perm("actions.log_entry", organisation)  # type: ignore[attr-defined]
        by_id = {organisation.pk: organisation for organisation in organisations}
        entries = list(
            GuidanceAction.objects.filter(organisation__in=organisations).order_by(
                "-year", "title", "pk"
            )
        )
        for entry in entries:
            entry.organisation = by_id[entry.organisation_id]
        # The region's events any of the organisations organises (each once), newest first.
        # Read through the region's relation to its events (a sibling app's model).
        events = list(
            self.region.events.filter(
                pk__in=self.region.events.filter(organisers__in=list(by_id)).values("pk")
            ).order_by("-starts_on", "-start_time", "-pk")
        )
        for event in events:
            event.region = self.region
        if not self.request.GET.get("organisation") and user.has_perm(
            "network.review_entries", self.region
        ):
            # The coordinator opens any organisation's workspace from a list.
            context["all_organisations"] = Organisation.objects.for_region(self.region).order_by(
                "name"
            )
        context.update(
            organisations=organisations,
            entries=entries,
            events=events,
            returned_count=sum(
                e.review_status == ReviewStatus.RETURNED for e in [*entries, *events]
            ),
            show_organisation=len(organisations) > 1,
        )
        return context


# --- Creating and changing an entry --------------------------------------------------------


class EntryFormMixin(RegionMixin):
    """The shared page of the entry form: the save goes through ``services``."""

    template_name = "actions/guidance/form.html"
    nav_is_section_page = False
    request: HttpRequest
    object: GuidanceAction | None

    def get_organisation(self) -> Organisation:
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "organisation": self.get_organisation()}  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["organisation"] = self.get_organisation()
        return context


class GuidanceCreateView(OnceOnlyCreateMixin, EntryFormMixin, PermissionMixin, CreateView):  # type: ignore[misc]
    """A new entry of an organisation the person may log for; it starts as a draft."""

    form_class = GuidanceActionForm
    permission_required = "actions.log_entry"
    organisation: Organisation

    def get_permission_object(self) -> Model:
        self.organisation = get_object_or_404(
            Organisation.objects.for_region(self.region).select_related("region"),
            slug=self.kwargs["organisation"],
        )
        return self.organisation

    def get_organisation(self) -> Organisation:
        return self.organisation

    def form_valid(self, form: GuidanceActionForm) -> HttpResponse:
        try:
            action = services.save_guidance_action(
                form, self.request.user, may_review=may_review(self.request, self.organisation)
            )
        except services.ClosedYearError as error:
            form.add_error("year", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The entry was saved as a draft. Submit it for review when it is ready."),
        )
        return redirect(action.get_absolute_url())


class EntryObjectMixin(RegionMixin, PermissionMixin):
    """An entry of the region the person may change, looked up once."""

    permission_required = "actions.change_entry"
    action: GuidanceAction
    request: HttpRequest
    kwargs: dict[str, Any]

    def get_permission_object(self) -> Model:
        self.action = get_object_or_404(entries_of_region(self.region), pk=self.kwargs["pk"])
        return self.action

    def refuse(self, error: services.GuidanceError) -> HttpResponse:
        messages.error(self.request, str(error))
        return redirect(self.action.get_absolute_url())


class GuidanceUpdateView(ConcurrentEditMixin, EntryObjectMixin, EntryFormMixin, UpdateView):  # type: ignore[misc]
    """Change an entry; refused while it waits for review (see ``services``)."""

    form_class = GuidanceActionForm

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.ensure_changeable(self.action)
        except services.GuidanceError as error:
            return self.refuse(error)
        return super().get(request, *args, **kwargs)

    def get_object(self, queryset: Any = None) -> GuidanceAction:
        return self.action

    def get_organisation(self) -> Organisation:
        return self.action.organisation

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["returns_to_draft"] = services.returns_to_draft(
            self.action, may_review(self.request, self.action)
        )
        return context

    def form_valid(self, form: GuidanceActionForm) -> HttpResponse:
        was_public = self.action.is_public
        try:
            action = services.save_guidance_action(
                form, self.request.user, may_review=may_review(self.request, self.action)
            )
        except services.ClosedYearError as error:
            form.add_error("year", str(error))
            return self.form_invalid(form)
        except services.GuidanceError as error:
            return self.refuse(error)
        if was_public and not action.is_public:
            messages.success(
                self.request,
                _("The changes were saved and the entry is a draft again. Submit it for review."),
            )
        else:
            messages.success(self.request, _("The changes were saved."))
        return redirect(action.get_absolute_url())


class GuidanceDeleteView(EntryObjectMixin, TemplateView):
    """Confirm, then delete an entry: an editor deletes drafts, the coordinator any entry."""

    template_name = "actions/guidance/confirm_delete.html"
    nav_is_section_page = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            question=_("Delete this guidance action?"),
            object=self.action,
            summary=deletion.summarize(self.action),
            consequence=_("Its progress updates and their attachments are deleted with it."),
            cancel_url=self.action.get_absolute_url(),
        )
        return context

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.ensure_deletable(self.action, may_review=may_review(request, self.action))
        except services.GuidanceError as error:
            return self.refuse(error)
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.delete_guidance_action(
                self.action, may_review=may_review(request, self.action)
            )
        except services.GuidanceError as error:
            return self.refuse(error)
        messages.success(request, _("The entry was deleted."))
        return redirect(
            reverse("guidance:mine", kwargs={"region": self.region.slug})
            + f"?organisation={self.action.organisation.slug}"
        )


class GuidanceHistoryView(EntryObjectMixin, TemplateView):
    """Every save of an entry, newest first, for the people who may change it."""

    template_name = "actions/guidance/history.html"
    nav_is_section_page = False
    http_method_names = ["get"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            entry=self.action, entries=services.entry_history(self.action), **kwargs
        )


class GuidanceSubmitView(EntryObjectMixin, View):
    """Send a draft or returned entry to the coordinator, who is told by e-mail."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        url = self.action.get_absolute_url()
        try:
            review_services.submit(self.action, request.user, request.build_absolute_uri(url))
        except review_services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The entry was submitted. It becomes public once the coordinator accepts it."),
            )
        return redirect(url)


# --- Progress updates ----------------------------------------------------------------------


class ProgressUpdateFormMixin:
    """The page of the progress update form; the save goes through ``services``."""

    template_name = "actions/guidance/update_form.html"
    form_class = ProgressUpdateForm
    nav_is_section_page = False
    action: GuidanceAction
    request: HttpRequest

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "action": self.action}  # type: ignore[misc]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.ensure_changeable(self.action)
        except services.GuidanceError as error:
            messages.error(request, str(error))
            return redirect(self.action.get_absolute_url())
        return super().get(request, *args, **kwargs)  # type: ignore[misc,no-any-return]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(
            guidance_action=self.action,
            goes_to_review=services.update_goes_to_review(
                self.action, may_review(self.request, self.action)
            ),
        )
        return context

    def form_valid(self, form: ProgressUpdateForm) -> HttpResponse:
        try:
            services.save_progress_update(
                form, self.request.user, may_review=may_review(self.request, self.action)
            )
        except services.GuidanceError as error:
            messages.error(self.request, str(error))
        else:
            if services.update_goes_to_review(self.action, may_review(self.request, self.action)):
                messages.success(
                    self.request,
                    _(
                        "The progress update was saved and sent to the coordinator. It is "
                        "shown on the public page once accepted; the entry stays public."
                    ),
                )
            else:
                messages.success(self.request, _("The progress update was saved."))
        return redirect(self.action.get_absolute_url() + "#edistyminen")


class ProgressUpdateCreateView(  # type: ignore[misc]
    OnceOnlyCreateMixin, ProgressUpdateFormMixin, EntryObjectMixin, CreateView
):
    """Add a dated progress update to an entry."""


class UpdateObjectMixin(RegionMixin, PermissionMixin):
    """A progress update of an entry of the region, looked up once with its entry."""

    permission_required = "actions.change_entry"
    update: ProgressUpdate
    action: GuidanceAction
    kwargs: dict[str, Any]

    def get_permission_object(self) -> Model:
        self.update = get_object_or_404(
            ProgressUpdate.objects.filter(action__organisation__region=self.region).select_related(
                "action__organisation__region"
            ),
            pk=self.kwargs["pk"],
        )
        self.action = self.update.action
        return self.action


class ProgressUpdateUpdateView(  # type: ignore[misc]
    ConcurrentEditMixin, ProgressUpdateFormMixin, UpdateObjectMixin, UpdateView
):
    """Change a progress update."""

    def get_object(self, queryset: Any = None) -> ProgressUpdate:
        return self.update


class ProgressUpdateDeleteView(UpdateObjectMixin, TemplateView):
    """Confirm, then delete a progress update with its attachment."""

    template_name = "actions/guidance/confirm_delete.html"
    nav_is_section_page = False

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            question=_("Delete this progress update?"),
            object=self.update,
            summary=deletion.summarize(self.update),
            consequence=_("Its attachment is deleted with it.") if self.update.attachment else "",
            cancel_url=self.action.get_absolute_url() + "#edistyminen",
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            services.delete_progress_update(
                self.update, may_review=may_review(request, self.action)
            )
        except services.GuidanceError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The progress update was deleted."))
        return redirect(self.action.get_absolute_url() + "#edistyminen")


class AttachmentView(RegionMixin, View):
    """Stream a progress update's attachment to those who may read its entry; others 404.

    Attachments are never linked through MEDIA_URL: this view is their only way out.
    """

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> FileResponse:
        update = get_object_or_404(
            ProgressUpdate.objects.filter(action__organisation__region=self.region)
            .exclude(attachment="")
            .select_related("action__organisation"),
            pk=kwargs["pk"],
        )
        if not request.user.has_perm("actions.view_entry", update.action):
            raise Http404(_("Page not found."))
        return serve_file(update.attachment, filename=update.attachment_filename)
