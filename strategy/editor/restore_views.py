"""Restoring the plan from its change history: a deleted object, or an earlier state.

Both are the coordinator's (``strategy.edit_plan``, as every edit of the plan) and POST
only; they answer with the object's history page and a message. The record and the
object are looked up within the URL's region (``history.region_records``), so another
region's object or a record of another object answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.generic import View

from lib import concurrency
from strategy import history, services
from strategy.editor.views import EditorMixin


class RestoreView(EditorMixin, View):
    """Bring a deleted object of the plan back from its history (``services.restore_deleted``)."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kind, pk = self.kwargs["kind"], self.kwargs["pk"]
        url = history.history_url(self.region, kind, pk)
        try:
            restored = services.restore_deleted(kind, pk, self.region, request.user)
        except services.PlanError as error:
            messages.error(request, str(error))
            return redirect(url)
        if restored is None:
            raise Http404(_("No deleted object to restore."))
        messages.success(
            request,
            _("“%(object)s” was restored.") % {"object": restored},
        )
        return redirect(url)


class RestoreStateView(EditorMixin, View):
    """Set an object of the plan back to the state one of its history records shows
    (``services.restore_state``), if nobody changed it since the page was read."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kind, pk = self.kwargs["kind"], self.kwargs["pk"]
        # The object first: another region's answers 404 whatever the body.
        if (
            kind not in services.STATE_FIELDS
            or not history.region_records(kind, self.region).filter(id=pk).exists()
        ):
            raise Http404(_("No history for this object."))
        history_id = request.POST.get("history_id", "")
        if not history_id.isdigit():
            return HttpResponseBadRequest(_("Choose a record of the history to restore."))
        url = history.history_url(self.region, kind, pk)
        try:
            restored = services.restore_state(
                kind,
                pk,
                int(history_id),
                self.region,
                request.user,
                request.POST.get(concurrency.VERSION_FIELD, ""),
            )
        except concurrency.StaleEdit as stale:
            messages.error(
                request,
                _(
                    "Someone else changed it after you opened its history (%(fields)s), so "
                    "it was not restored. Check the newest change below and restore again "
                    "if it should still be restored."
                )
                % {"fields": ", ".join(change.label for change in stale.changes)},
            )
            return redirect(url)
        except services.PlanError as error:
            messages.error(request, str(error))
            return redirect(url)
        if restored is None:
            raise Http404(_("No such record in the object's history."))
        record = restored.instance.history.get(history_id=history_id)  # type: ignore[attr-defined]
        messages.success(
            request,
            _("“%(object)s” was restored to the state of %(date)s.")
            % {
                "object": restored.instance,
                "date": formats.date_format(
                    timezone.localtime(record.history_date), "SHORT_DATETIME_FORMAT"
                ),
            },
        )
        if restored.dropped_links:
            messages.warning(
                request,
                _("Links to objects deleted since were left out: %(names)s.")
                % {"names": ", ".join(restored.dropped_links)},
            )
        return redirect(url)
