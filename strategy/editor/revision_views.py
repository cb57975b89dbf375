"""The coordinator's draft revision: publish it, or discard it (``strategy.revisions``).

Starting one is ``views.NewRevisionView``; the draft is edited with the editor's own pages
(``EditorMixin`` chooses the version). These pages find the region's draft or answer 404,
and need ``strategy.edit_plan`` on it, as every edit of the plan.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from lib import deletion
from strategy import revisions, services
from strategy.editor import forms
from strategy.editor.views import EditorFormMixin, EditorMixin
from strategy.models import Strategy


class DraftMixin(EditorMixin):
    """The region's draft revision is the version these pages work on. Without one (a
    second click after it was published or discarded) they go back to the overview and
    say so."""

    def current_strategy(self) -> Strategy | None:
        draft = Strategy.objects.for_region(self.region).drafts().first()
        if draft is not None:
            draft.region = self.region
        return draft

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.without_draft() or super().get(request, *args, **kwargs)  # type: ignore[misc]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.without_draft() or super().post(request, *args, **kwargs)  # type: ignore[misc]

    def without_draft(self) -> HttpResponse | None:
        if self.strategy is not None:
            return None
        messages.info(
            self.request,
            _("There is no draft any more: it was published or discarded meanwhile."),
        )
        return redirect(self.home_url())


class PublishDraftView(DraftMixin, EditorFormMixin, FormView):  # type: ignore[misc]
    """Publish the draft: it becomes the current version on the public pages."""

    form_class = forms.PublishDraftForm
    template_name = "strategy/editor/publish_draft.html"
    heading = gettext_lazy("Publish the draft")

    def get_initial(self) -> dict[str, Any]:
        return {"published_on": timezone.localdate()}

    def form_valid(self, form: BaseForm) -> HttpResponse:
        draft = self.get_strategy()
        try:
            revisions.publish_draft(
                draft,
                form.cleaned_data["published_on"],
                form.cleaned_data["change_note"],
                self.request.user,
            )
        except services.PlanError as error:
            form.add_error(None, str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Version %(version)s was published and is now the current one.")
            % {"version": draft.version},
        )
        self.strategy = draft
        return redirect(self.home_url())


class DiscardDraftView(DraftMixin, TemplateView):
    """Ask, naming everything the draft holds, then delete it and its history."""

    template_name = "strategy/editor/discard_draft.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        draft = self.get_strategy()
        context.update(
            question=_("Discard the draft of version %(version)s?") % {"version": draft.version},
            object=draft,
            summary=deletion.summarize(draft),
            consequence=_(
                "The draft is deleted with everything in it and its change history. The "
                "current version and the public pages stay as they are."
            ),
            note=_("This cannot be undone."),
            confirm=_("Discard the draft"),
            cancel_url=self.home_url(),
            editor_crumb=_("Discard the draft"),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if response := self.without_draft():
            return response
        draft = self.get_strategy()
        try:
            revisions.discard_draft(draft, request.user)
        except services.PlanError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The draft of version %(version)s was discarded.") % {"version": draft.version},
            )
        self.strategy = None
        return redirect(self.home_url())
