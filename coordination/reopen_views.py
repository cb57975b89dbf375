"""The coordinator reopens one entry of a closed year, with a written reason, and closes it
again when the change is done (``portal.closed_years``), under /<region>/arviointi/avaa/.

One page per entry: while the entry is locked it asks for the reason; while it is
reopened it shows the reason and a button that closes it again. Only the region's
coordinator (``network.review_entries``) reaches it; another region's entry answers 404.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from coordination.review_forms import ReopenForm
from coordination.review_views import ReviewMixin, entries_of_kind
from lib.access import check_permission
from network.models import Region
from portal import closed_years
from strategy.grid import cell_prefix
from strategy.models import IndicatorValue

#: The action of the form that closes a reopened entry again.
CLOSE_AGAIN = "close"


def reopenable_entries(kind: str, region: Region) -> QuerySet[Any]:
    """The region's entries of a kind the URL names ("guidance", "event" or "value")."""
    if kind == "value":
        return IndicatorValue.objects.filter(indicator__strategy__region=region).select_related(
            "indicator__strategy__region"
        )
    return entries_of_kind(kind, region)


class ReopenView(ReviewMixin, FormView):
    """Reopen a closed year's entry with a reason (POST), or close it again."""

    template_name = "coordination/reopen.html"
    form_class = ReopenForm
    nav_is_section_page = False
    entry: Model

    def get_entry(self) -> Model:
        entry: Model = get_object_or_404(
            reopenable_entries(self.kwargs["kind"], self.region), pk=self.kwargs["pk"]
        )
        check_permission(self.request, "network.review_entries", entry)
        return entry

    def entry_page(self) -> str:
        if isinstance(self.entry, IndicatorValue):
            url = reverse("editor:indicator_grid", kwargs={"region": self.region.slug})
            return f"{url}#{cell_prefix(self.entry.indicator_id, self.entry.year)}"
        return self.entry.get_absolute_url()  # type: ignore[attr-defined,no-any-return]

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.entry = self.get_entry()
        if closed_years.year_lock(self.entry) is None:
            raise Http404(_("The entry's year is not closed."))
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.entry = self.get_entry()
        if request.POST.get("action") == CLOSE_AGAIN:
            closed_years.close_again(self.entry, request.user)
            messages.success(request, _("The entry was closed again."))
            return redirect(self.entry_page())
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        lock = closed_years.year_lock(self.entry)
        return super().get_context_data(
            entry=self.entry,
            lock=lock,
            reopening_text=closed_years.reopening_text(lock.closed) if lock else "",
            entry_page=self.entry_page(),
            close_again=CLOSE_AGAIN,
            **kwargs,
        )

    def form_valid(self, form: ReopenForm) -> HttpResponse:
        try:
            closed_years.reopen(self.entry, self.request.user, form.cleaned_data["reason"])
        except closed_years.ReopeningError as error:
            form.add_error("reason", str(error))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The entry was reopened: it can be changed until you close it again."),
        )
        return redirect(self.entry_page())
