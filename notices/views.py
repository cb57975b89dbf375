"""The person's own notices: marking them read (the list is on Omat sivut)."""

from typing import Any

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views import View

from notices import services


class MarkAllReadView(LoginRequiredMixin, View):
    """Mark every notice of the person read and go back to Omat sivut; safe to repeat."""

    http_method_names = ["post"]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        services.mark_all_read(request.user.pk)  # type: ignore[arg-type]  # signed in
        return redirect("dashboard")
