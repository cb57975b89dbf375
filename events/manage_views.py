"""Member organisations log their events: add, edit, copy as the next one, delete, submit,
and add or remove materials.

Views read input, check access through ``lib.access`` and call ``events.services``;
a refusal the review state makes (``EventError``) becomes a message beside the event.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Model
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from events.forms import ChooseOrganisationForm, EventForm, EventMaterialForm, copy_initial
from events.models import Event, EventMaterial
from events.services import (
    ClosedYearError,
    EventError,
    add_material,
    delete_event,
    ensure_editable,
    event_history,
    is_reviewer,
    log_event,
    loggable_organisations,
    may_delete,
    next_dates,
    remove_material,
    required_organisations,
    update_event,
)
from lib import deletion
from lib.access import PermissionMixin, check_permission
from lib.concurrency import ConcurrentEditMixin, OnceOnlyCreateMixin
from lib.translation import all_field_names
from network.mixins import RegionMixin
from network.models import Organisation
from portal import closed_years, review_services
from portal.review import ReviewStatus


class EventPermissionMixin(RegionMixin, PermissionMixin):
    """Load the region's event named by ``pk`` (organisers prefetched for the permission
    check) and require ``actions.change_entry`` on it: its organisers' editors and the
    region's coordinator."""

    permission_required = "actions.change_entry"
    nav_section = "events"
    nav_is_section_page = False
    event: Event
    kwargs: dict[str, Any]

    def get_permission_object(self) -> Model:
        self.event = get_object_or_404(
            Event.objects.for_region(self.region).with_organisers(), pk=self.kwargs["pk"]
        )
        self.event.region = self.region
        return self.event

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(event=self.event, **kwargs)  # type: ignore[misc]

    def back_to_event(self) -> HttpResponseRedirect:
        return redirect(self.event.get_absolute_url())


class EventFormView(FormView):
    """What the add, edit and copy views share: the event form and its saving."""

    template_name = "events/event_form.html"
    form_class = EventForm
    region: Any
    #: Whether a changed start date moves the untouched end date with it (a copy).
    end_follows_start = False

    def required_organisations(self) -> list[Organisation] | None:
        raise NotImplementedError

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "region": self.region,
            "required_organisations": self.required_organisations(),
            "can_publish": self.can_publish(),
            "end_follows_start": self.end_follows_start,
        }

    def can_publish(self) -> bool:
        return is_reviewer(self.request.user, self.region)

    #: The service that saves the form's event: ``log_event`` (a new row) or ``update_event``.
    save_event = staticmethod(log_event)

    def saved_message(self, event: Event) -> str:
        raise NotImplementedError

    def form_valid(self, form: EventForm) -> HttpResponse:
        """Save through the view's service (the add, edit and copy views differ only in the
        service and in what they say afterwards); its EventError becomes the form's error."""
        try:
            event = self.save_event(
                form.save(commit=False),
                form.links,
                user=self.request.user,
                new_series_title=form.cleaned_data["new_series"],
                publish=form.cleaned_data.get("publish_now", False),
            )
        except EventError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, self.saved_message(event))
        event.region = self.region
        return redirect(event.get_absolute_url())


class EventCreateView(OnceOnlyCreateMixin, RegionMixin, LoginRequiredMixin, EventFormView):
    """Log a new event for an organisation (``?organisation=<slug>``).

    Without the parameter: the one organisation the user may log for, or a choice of them.
    An organisation's editor must keep it among the organisers; the event is a draft
    until it is submitted and accepted, unless the coordinator publishes it at once.
    """

    nav_section = "events"
    nav_is_section_page = False
    organisation: Organisation | None = None

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.choose_organisation() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.choose_organisation() or super().post(request, *args, **kwargs)

    def choose_organisation(self) -> HttpResponse | None:
        """Set ``self.organisation`` after checking access, or answer the page of choices."""
        slug = self.request.GET.get("organisation", "")
        if slug:
            self.organisation = get_object_or_404(
                Organisation.objects.for_region(self.region), slug=slug
            )
            check_permission(self.request, "actions.log_entry", self.organisation)
            return None
        loggable = loggable_organisations(self.request.user, self.region)
        organisations = list(loggable) if loggable is not None else []
        if len(organisations) == 1:
            self.organisation = organisations[0]
            return None
        if not organisations:
            # The coordinator of a region without organisations may still log; the
            # others answer 404 or 403, as for any object of the region.
            check_permission(self.request, "actions.log_entry", self.region)
            return None
        form = ChooseOrganisationForm(organisations=loggable)
        return render(
            self.request,
            "events/event_choose_organisation.html",
            self.get_context_data(form=form),
        )

    def required_organisations(self) -> list[Organisation] | None:
        if self.organisation is None:
            return None
        return required_organisations(self.request.user, self.region, [self.organisation])

    def get_initial(self) -> dict[str, Any]:
        return {"organisers": [self.organisation.pk] if self.organisation else []}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(organisation=self.organisation, mode="add", **kwargs)

    def saved_message(self, event: Event) -> str:
        if event.is_public:
            return _("The event was saved and published.")
        return _("The event was saved as a draft. Send it for review when it is ready.")


class EventUpdateView(ConcurrentEditMixin, EventPermissionMixin, EventFormView):
    """Change an event. An editor's change to a published event makes it a draft again;
    an event waiting for review cannot be changed until it has been reviewed."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse_if_submitted() or super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.refuse_if_submitted() or super().post(request, *args, **kwargs)

    def refuse_if_submitted(self) -> HttpResponse | None:
        try:
            ensure_editable(self.event)
        except EventError as error:
            messages.error(self.request, str(error))
            return self.back_to_event()
        return None

    def required_organisations(self) -> list[Organisation] | None:
        return required_organisations(self.request.user, self.region, self.event.organisers.all())

    def can_publish(self) -> bool:
        return super().can_publish() and not self.event.is_public

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "instance": self.event}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        unpublishes = self.event.is_public and not is_reviewer(self.request.user, self.region)
        return super().get_context_data(mode="edit", unpublishes=unpublishes, **kwargs)

    save_event = staticmethod(update_event)

    def saved_message(self, event: Event) -> str:
        if event.review_status == ReviewStatus.DRAFT:
            return _("The changes were saved. The event is now a draft.")
        return _("The changes were saved.")


class EventCopyView(OnceOnlyCreateMixin, EventPermissionMixin, EventFormView):
    """ "Copy as the next one": the form filled from the event, a week (a series: a month)
    later, without participants or materials; saving creates a new draft and leaves the
    original as it was. Moving only the start date moves the end date with it."""

    end_follows_start = True

    def required_organisations(self) -> list[Organisation] | None:
        return required_organisations(self.request.user, self.region, self.event.organisers.all())

    def get_initial(self) -> dict[str, Any]:
        starts_on, ends_on = next_dates(self.event)
        return copy_initial(self.event, starts_on, ends_on)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(mode="copy", **kwargs)

    def saved_message(self, event: Event) -> str:
        return _("The next event was saved as a new draft.")


class EventDeleteView(EventPermissionMixin, TemplateView):
    """Confirm, then delete: editors delete drafts, the coordinator any event."""

    template_name = "events/event_confirm_delete.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(summary=deletion.summarize(self.event), **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        locked = closed_years.lock_message(self.event)
        if locked:
            messages.error(request, locked)
            return self.back_to_event()
        if not may_delete(self.event, request.user):
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            delete_event(self.event, user=request.user)
        except ClosedYearError as error:
            messages.error(request, str(error))
            return self.back_to_event()
        except EventError:
            return self.refuse()
        messages.success(request, _("The event was deleted."))
        return redirect("events:event_list", region=self.region.slug)

    def refuse(self) -> HttpResponse:
        messages.error(
            self.request,
            _("Only a draft can be deleted. Ask the coordinator to remove a published event."),
        )
        return self.back_to_event()


class EventHistoryView(EventPermissionMixin, TemplateView):
    """Every save of an event, newest first, for the people who may change it."""

    template_name = "events/history.html"
    http_method_names = ["get"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(entries=event_history(self.event), **kwargs)


class EventSubmitView(EventPermissionMixin, View):
    """Send the event to the coordinator's review (a button on the event page)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        url = request.build_absolute_uri(self.event.get_absolute_url())
        try:
            review_services.submit(self.event, request.user, url)
        except review_services.ReviewError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The event was sent to the coordinator for review."))
        return self.back_to_event()


class EventMaterialCreateView(EventPermissionMixin, FormView):
    """Add a file or a link to the event's materials; nothing is saved if either is wrong."""

    template_name = "events/material_form.html"
    form_class = EventMaterialForm

    def form_valid(self, form: EventMaterialForm) -> HttpResponse:
        try:
            add_material(
                self.event,
                title=form.cleaned_data["title"],
                file=form.cleaned_data.get("file"),
                url=form.cleaned_data.get("url", ""),
                translations={
                    name: form.cleaned_data.get(name, "") for name in all_field_names(EventMaterial)
                },
            )
        except EventError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(self.request, _("The material was added."))
        return HttpResponseRedirect(self.event.get_absolute_url() + "#materials")


class EventMaterialDeleteView(RegionMixin, PermissionMixin, TemplateView):
    """Confirm, then remove a material of an event the user may change."""

    template_name = "events/material_confirm_delete.html"
    permission_required = "actions.change_entry"
    nav_section = "events"
    nav_is_section_page = False
    material: EventMaterial

    def get_permission_object(self) -> Model:
        self.material = get_object_or_404(
            EventMaterial.objects.filter(event__region=self.region).select_related("event"),
            pk=self.kwargs["pk"],
        )
        self.material.event.region = self.region
        return self.material.event

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            material=self.material,
            event=self.material.event,
            summary=deletion.summarize(self.material),
            **kwargs,
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            remove_material(self.material)
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The material was removed."))
        return HttpResponseRedirect(
            reverse(
                "events:event_detail",
                kwargs={"region": self.region.slug, "pk": self.material.event_id},
            )
            + "#materials"
        )
